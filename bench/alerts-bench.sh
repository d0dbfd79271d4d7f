#!/usr/bin/env bash
# Alert routing latency, the hub's built-in Alertmanager next to Alertmanager 0.25, in one run:
#
#   bench/alerts-bench.sh [ALERTS] [GROUPS] [GROUP_WAIT_S]
#
# Both get the same alertmanager.yml (group_by [alertname, cluster], a webhook receiver each on
# a port of the bench client) and the same ALERTS alerts over GROUPS groups by API v2; the client
# reports, per peer, the latency from each group's group_wait expiry to its webhook's arrival, as a
# markdown table with a Ratios line (hub / Alertmanager) and `RESULT routing PEER p50_ms|p90_ms|
# p99_ms|max_ms VALUE` lines for bench/compare.sh, then each peer's CPU and RSS.
# Needs a built project (bin/mvn -B -o package -DskipTests) and /usr/bin/prometheus-alertmanager.
set -euo pipefail
# shellcheck source=lib/bench.sh
. "$(dirname "$(readlink -f "$0")")/lib/bench.sh"
ALERTS=${1:-10000}
GROUPS_N=${2:-1000}
WAIT=${3:-10}

am_config() {
  cat <<YAML
route:
  receiver: bench
  group_by: [alertname, cluster]
  group_wait: ${WAIT}s
  group_interval: 5m
  repeat_interval: 4h
receivers:
  - name: bench
    webhook_configs:
      - url: http://127.0.0.1:$1/hook
YAML
}
am_config 29311 >"$work/am.yml"
am_config 29312 >"$work/hub-am.yml"
printf 'global:\n  evaluation_interval: 15s\nscrape_configs: []\n' >"$work/hub.yml"

/usr/bin/prometheus-alertmanager --config.file="$work/am.yml" --storage.path="$work/am" \
  --web.listen-address=127.0.0.1:29393 --cluster.listen-address= --log.level=warn >"$work/am.log" 2>&1 &
pids+=($!)
bin/vigil-hub --log.level=warn --config.file="$work/hub.yml" --alertmanager.config.file="$work/hub-am.yml" \
  --storage.tsdb.path="$work/hub" --web.listen-address=127.0.0.1:29391 >"$work/hub.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
  curl -sf http://127.0.0.1:29391/-/ready >/dev/null && curl -sf http://127.0.0.1:29393/-/ready >/dev/null && break
  sleep 1
done
"$JAVA" -cp bench/target/bench.jar dev.vigil.bench.AlertLatencyBench "$ALERTS" "$GROUPS_N" "$WAIT" \
  alertmanager=http://127.0.0.1:29393=29311 hub=http://127.0.0.1:29391=29312
echo
echo "| peer | CPU (whole run, start-up and warm-up rounds included) | RSS |"
echo "|---|---|---|"
for i in 0 1; do
  name=$([ "$i" = 0 ] && echo alertmanager || echo hub)
  echo "| $name | $(awk -v t="$(getconf CLK_TCK)" '{ printf "%.1f s", ($14 + $15) / t }' "/proc/${pids[$i]}/stat") | $(awk '/^VmRSS/ { printf "%.0f MiB", $2 / 1024 }' "/proc/${pids[$i]}/status") |"
done
