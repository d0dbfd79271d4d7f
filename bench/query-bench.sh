#!/usr/bin/env bash
# Query latency, the hub beside Prometheus 2.42 and VictoriaMetrics, on the same data in one run.
#
#   bench/query-bench.sh [HOSTS] [MINUTES] [REPEAT] [WARMUP_S]
#
# Defaults: 200 node_exporter-shaped hosts (507 series each, from a real node_exporter 1.5, plus
# `up`), 60 minutes at a 15 s interval (about 24 million samples per peer), 21 timed runs per
# query after a warm-up of 10 s per query (at least 3 rounds). All peers receive the same samples by
# remote write, then each of the issue's five queries runs against each peer's HTTP API in turn;
# the table shows median milliseconds (client side, HTTP and JSON included) and the hub/peer
# ratios, then `RESULT query PEER QUERY_ms VALUE` lines for bench/compare.sh. VictoriaMetrics runs with -search.disableCache (its response cache would answer the
# repeated query from memory: measured is evaluation, as for the other two) and is flushed
# (/internal/force_flush) before the queries, so that every sample it acknowledged is searchable.
# PEERS="prometheus victoria-metrics" (the hub is always measured) selects the other peers.
# Needs `prometheus` (Debian's 2.42) and `victoria-metrics` on PATH and a built project
# (bin/mvn -B -o package -DskipTests -pl hub,bench -am).
set -euo pipefail
# shellcheck source=lib/bench.sh
. "$(dirname "$(readlink -f "$0")")/lib/bench.sh"
HOSTS=${1:-200}
MINUTES=${2:-60}
REPEAT=${3:-21}
WARMUP=${4:-10}
PEERS=${PEERS:-prometheus victoria-metrics}
printf 'global:\n  scrape_interval: 15s\nscrape_configs: []\n' >"$work/empty.yml"

ports=(29091)
writes=(http://127.0.0.1:29091/api/v1/write)
apis=(vigil-hub=http://127.0.0.1:29091)
VIGIL_HEAP="${VIGIL_HEAP:-2g}" bin/vigil-hub --log.level=warn --config.file="$work/empty.yml" \
  --storage.tsdb.path="$work/hub" --web.listen-address=127.0.0.1:29091 >"$work/hub.log" 2>&1 &
pids+=($!)
names=(vigil-hub)
for peer in $PEERS; do
  case $peer in
    prometheus)
      prometheus --log.level=warn --config.file="$work/empty.yml" --storage.tsdb.path="$work/prom" \
        --web.listen-address=127.0.0.1:29090 --web.enable-remote-write-receiver >"$work/prometheus.log" 2>&1 &
      port=29090 ;;
    victoria-metrics)
      victoria-metrics -loggerLevel=WARN -storageDataPath="$work/vm" -httpListenAddr=127.0.0.1:29092 \
        -search.disableCache >"$work/vm.log" 2>&1 &
      port=29092 ;;
    *) echo "unknown peer $peer"; exit 2 ;;
  esac
  pids+=($!)
  names+=("$peer")
  ports+=("$port")
  writes+=("http://127.0.0.1:$port/api/v1/write")
  apis+=("$peer=http://127.0.0.1:$port")
done
for port in "${ports[@]}"; do
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/-/ready" >/dev/null || curl -sf "http://127.0.0.1:$port/health" >/dev/null && break
    sleep 1
  done
done
# Data ends a minute ago: every peer takes it as recent (VictoriaMetrics hides the last 30 s).
end=$(( ($(date +%s) - 60) * 1000 ))
"$JAVA" -Xmx3g -cp bench/target/bench.jar dev.vigil.bench.QueryBench load \
  "$HOSTS" "$MINUTES" "$end" "${writes[@]}"
case " $PEERS " in *" victoria-metrics "*) curl -sf http://127.0.0.1:29092/internal/force_flush >/dev/null ;; esac
"$JAVA" -DwarmupSeconds="$WARMUP" -cp bench/target/bench.jar dev.vigil.bench.QueryBench query \
  "$REPEAT" "$end" "$MINUTES" "${apis[@]}"
for i in "${!pids[@]}"; do
  echo "RSS of ${names[$i]}: $(awk '/^VmRSS/ { printf "%.0f MiB", $2 / 1024 }' "/proc/${pids[$i]}/status")"
done
