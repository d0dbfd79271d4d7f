#!/usr/bin/env bash
# End-to-end alert latency, condition to webhook: the hub (its built-in Alertmanager) beside
# Prometheus 2.42 + Alertmanager 0.25, on the same scraped target, in one run.
#
#   bench/alert-latency-bench.sh [CYCLES] [INTERVAL_S] [RUNS]
#
# Defaults: 3 runs of 10 cycles (each run after one warm-up cycle; the peers restart between runs,
# which puts their scrape and evaluation cycles at new offsets), scrape_interval =
# evaluation_interval = 1 s. The bench client (AlertEndToEndBench) serves the target `flip`, which
# both peers scrape, and receives both webhooks. Both evaluate the same rule file (alert Flip:
# `flip == 1`, `for: 0s`) and route with the same alertmanager.yml (group_by [alertname],
# group_wait 0s, group_interval = the interval, webhook with send_resolved). Per cycle the client
# sets flip to 1 and waits for each peer's firing webhook, then sets it to 0 and waits for each
# resolved one, each change after a random pause of up to one interval (so it falls at a random
# point of the peers' scrape and evaluation cycles); latency = webhook arrival - the instant the
# condition changed. Prints one summary line per run, then median, p90 and max per peer and kind
# over all runs as a markdown table, and the ratios hub / Prometheus+Alertmanager. Each run also
# prints `RESULT alert-firing|alert-resolved PEER p50_ms|p90_ms|max_ms VALUE` lines for
# bench/compare.sh (its median over the runs, and their spread).
# Needs `prometheus` and `prometheus-alertmanager` (Debian's 2.42 and 0.25) and a built project
# (bin/mvn -B -o package -DskipTests -pl hub,bench -am).
set -euo pipefail
# shellcheck source=lib/bench.sh
. "$(dirname "$(readlink -f "$0")")/lib/bench.sh"
CYCLES=${1:-10}
INTERVAL=${2:-1}
RUNS=${3:-3}
TARGET=29420
HOOKS=29421

rules_file() {
  cat <<YAML
groups:
  - name: bench
    rules:
      - alert: Flip
        expr: flip == 1
        for: 0s
        labels:
          severity: page
        annotations:
          summary: the bench set flip to 1
YAML
}
prom_config() {
  cat <<YAML
global:
  scrape_interval: ${INTERVAL}s
  scrape_timeout: ${INTERVAL}s
  evaluation_interval: ${INTERVAL}s
rule_files: ['$1/rules.yml']
scrape_configs:
  - job_name: flip
    static_configs:
      - targets: ['127.0.0.1:$TARGET']
YAML
}
am_config() {
  cat <<YAML
route:
  receiver: bench
  group_by: [alertname]
  group_wait: 0s
  group_interval: ${INTERVAL}s
  repeat_interval: 4h
receivers:
  - name: bench
    webhook_configs:
      - url: http://127.0.0.1:$HOOKS/$1
        send_resolved: true
YAML
}

# One run: the three processes start on fresh directories (so the peers' evaluation offsets, a hash
# of group name and rule file path, and their scrape offsets fall anew), CYCLES cycles, stop.
run() {
  local dir="$work/run-$1" p
  mkdir -p "$dir"
  rules_file >"$dir/rules.yml"
  prom_config "$dir" >"$dir/hub.yml"
  { prom_config "$dir"; printf 'alerting:\n  alertmanagers:\n    - static_configs:\n        - targets: [127.0.0.1:29493]\n'; } \
    >"$dir/prometheus.yml"
  am_config vigil-hub >"$dir/hub-am.yml"
  am_config prometheus+alertmanager >"$dir/am.yml"
  local run_pids=()
  /usr/bin/prometheus-alertmanager --config.file="$dir/am.yml" --storage.path="$dir/am" \
    --web.listen-address=127.0.0.1:29493 --cluster.listen-address= --log.level=warn >"$dir/am.log" 2>&1 &
  run_pids+=($!)
  prometheus --log.level=warn --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/prom" \
    --web.listen-address=127.0.0.1:29490 >"$dir/prometheus.log" 2>&1 &
  run_pids+=($!)
  bin/vigil-hub --log.level=warn --config.file="$dir/hub.yml" --alertmanager.config.file="$dir/hub-am.yml" \
    --storage.tsdb.path="$dir/hub" --web.listen-address=127.0.0.1:29491 >"$dir/hub.log" 2>&1 &
  run_pids+=($!)
  pids+=("${run_pids[@]}")
  for port in 29493 29490 29491; do
    for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/-/ready" >/dev/null && break; sleep 1; done
    curl -sf "http://127.0.0.1:$port/-/ready" >/dev/null || { echo "port $port not ready"; tail -5 "$dir"/*.log; exit 1; }
  done
  "$JAVA" -Xmx64m -Draw="$work/raw.txt" -DjitterMs="$(awk -v s="$INTERVAL" 'BEGIN { print int(s * 1000) }')" \
    -cp bench/target/bench.jar dev.vigil.bench.AlertEndToEndBench "$CYCLES" "$TARGET" "$HOOKS" \
    vigil-hub=http://127.0.0.1:29491 prometheus+alertmanager=http://127.0.0.1:29490
  for p in "${run_pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
}

for r in $(seq 1 "$RUNS"); do run "$r"; done
echo
"$JAVA" -Xmx64m -cp bench/target/bench.jar dev.vigil.bench.AlertEndToEndBench report "$work/raw.txt"
