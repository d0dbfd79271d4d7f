#!/usr/bin/env bash
# Query latency, the hub beside Prometheus 2.42, on the same data in one run.
#
#   bench/query-bench.sh [HOSTS] [MINUTES] [REPEAT]
#
# Defaults: 200 node_exporter-shaped hosts (507 series each, from a real node_exporter 1.5, plus
# `up`), 60 minutes at a 15 s interval (about 24 million samples per peer), 21 timed runs per
# query after 3 warm-up runs. Both peers receive the same samples by remote write, then each of the
# issue's five queries runs against each peer's HTTP API in turn; the table shows median
# milliseconds (client side, HTTP and JSON included) and the hub/Prometheus ratio.
# Needs `prometheus` (Debian's 2.42) on PATH and a built project (bin/mvn -B -o package -DskipTests).
set -euo pipefail
# shellcheck source=lib/bench.sh
. "$(dirname "$(readlink -f "$0")")/lib/bench.sh"
HOSTS=${1:-200}
MINUTES=${2:-60}
REPEAT=${3:-21}
printf 'global:\n  scrape_interval: 15s\nscrape_configs: []\n' >"$work/empty.yml"

prometheus --log.level=warn --config.file="$work/empty.yml" --storage.tsdb.path="$work/prom" \
  --web.listen-address=127.0.0.1:29090 --web.enable-remote-write-receiver >"$work/prometheus.log" 2>&1 &
pids+=($!)
VIGIL_HEAP="${VIGIL_HEAP:-2g}" bin/vigil-hub --log.level=warn --config.file="$work/empty.yml" \
  --storage.tsdb.path="$work/hub" --web.listen-address=127.0.0.1:29091 >"$work/hub.log" 2>&1 &
pids+=($!)
for port in 29090 29091; do
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/-/ready" >/dev/null && break; sleep 1; done
done
# Data ends a minute ago: both peers take it as recent.
end=$(( ($(date +%s) - 60) * 1000 ))
"$JAVA" -Xmx3g -cp bench/target/bench.jar dev.vigil.bench.QueryBench load \
  "$HOSTS" "$MINUTES" "$end" http://127.0.0.1:29090/api/v1/write http://127.0.0.1:29091/api/v1/write
"$JAVA" -cp bench/target/bench.jar dev.vigil.bench.QueryBench query \
  "$REPEAT" "$end" "$MINUTES" vigil-hub=http://127.0.0.1:29091 prometheus=http://127.0.0.1:29090
for pid in "${pids[@]}"; do
  echo "RSS of pid $pid: $(awk '/^VmRSS/ { printf "%.0f MiB", $2 / 1024 }' "/proc/$pid/status")"
done
