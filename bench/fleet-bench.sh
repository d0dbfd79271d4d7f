#!/usr/bin/env bash
# The hub and Prometheus scraping the same simulated fleet, one after the other, on this machine.
#
#   bench/fleet-bench.sh [TARGETS] [SERIES] [INTERVAL_S] [WARMUP_S] [MEASURE_S]
#
# Defaults: 200 targets x 1,000 node_exporter-shaped series every 10 s, 60 s warm-up (every series
# created), 240 s measured. Per peer: CPU seconds (user+system from /proc) per million samples
# appended in the measured window, RSS and RSS per head series at its end, and appended/expected
# samples (1.000 = no missed scrape; expected = targets x (series + 5 report series) per interval).
# `INGEST=1 bench/fleet-bench.sh 200 1000` instead steps the interval down (5, 2, 1 s; 30 s
# warm-up, 60 s measured each) and prints the same figures per step: the highest rate a peer keeps
# at >= 0.98 of expected is its sustainable ingest rate.
# PEERS="vigil-hub" (or "prometheus") runs one peer only.
# Needs `prometheus` (Debian's 2.42) on PATH and a built project (bin/mvn -B -o package -DskipTests).
set -euo pipefail
# shellcheck source=lib/bench.sh
. "$(dirname "$(readlink -f "$0")")/lib/bench.sh"
TARGETS=${1:-200}
SERIES=${2:-1000}
INTERVAL=${3:-10}
WARMUP=${4:-60}
MEASURE=${5:-240}
PORT=${FLEET_PORT:-20000}

"$JAVA" -Xmx2g -XX:+UseSerialGC -cp bench/target/bench.jar dev.vigil.bench.FleetServer \
  "$TARGETS" "$SERIES" "$PORT" "$work" >"$work/fleet.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 300); do [ -s "$work/targets.json" ] && break; sleep 1; done
[ -s "$work/targets.json" ] || { echo "fleet did not start"; cat "$work/fleet.log"; exit 1; }
head -1 "$work/fleet.log"

ticks=$(getconf CLK_TCK)
cpu_seconds() { awk -v t="$ticks" '{ print ($14 + $15) / t }' "/proc/$1/stat"; }
rss_kib() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }
# The sum of a metric's samples on a /metrics page (labels ignored).
metric() { curl -s "http://127.0.0.1:$1/metrics" | awk -v m="$2" '$1 == m || index($1, m "{") == 1 { s += $NF } END { printf "%.0f", s }'; }

# run NAME INTERVAL WARMUP MEASURE APPENDED_METRIC SERIES_METRIC WEB_PORT COMMAND...
run() {
  local name=$1 interval=$2 warmup=$3 measure=$4 appended=$5 series=$6 web=$7
  case " ${PEERS:-prometheus vigil-hub} " in *" $name "*) ;; *) return 0 ;; esac
  shift 7
  local data="$work/data-$name-$interval"
  mkdir -p "$data"
  cat >"$work/prometheus.yml" <<YAML
global:
  scrape_interval: ${interval}s
  scrape_timeout: ${interval}s
scrape_configs:
  - job_name: fleet
    file_sd_configs:
      - files: ['$work/targets.json']
YAML
  "$@" --config.file="$work/prometheus.yml" --storage.tsdb.path="$data" \
    --web.listen-address="127.0.0.1:$web" >"$work/$name.log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  sleep "$warmup"
  local c0 a0 c1 a1 rss hs
  c0=$(cpu_seconds "$pid"); a0=$(metric "$web" "$appended")
  sleep "$measure"
  c1=$(cpu_seconds "$pid"); a1=$(metric "$web" "$appended")
  rss=$(rss_kib "$pid"); hs=$(metric "$web" "$series")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  awk -v n="$name" -v i="$interval" -v c="$(echo "$c1 - $c0" | bc -l)" -v a="$((a1 - a0))" -v r="$rss" -v h="$hs" \
      -v e="$(echo "$TARGETS * ($SERIES + 5) * $measure / $interval" | bc -l)" -v m="$measure" 'BEGIN {
    printf "| %-10s | %3d s | %9.0f | %8.2f | %6.2f | %7.1f | %8d | %6.2f | %5.3f |\n",
      n, i, a / m, c, c / (a / 1e6), r / 1024, h, r / h, a / e }'
}

header() {
  echo "| peer       | every | samples/s | CPU s    | CPU s/Msample | RSS MiB | head series | RSS KiB/series | appended/expected |"
  echo "|---|---|---|---|---|---|---|---|---|"
}

hub=(env VIGIL_HEAP="${VIGIL_HEAP:-1g}" bin/vigil-hub --log.level=warn)
prom=(prometheus --log.level=warn)
header
if [ "${INGEST:-0}" = 1 ]; then
  for interval in 5 2 1; do
    run prometheus "$interval" 30 60 prometheus_tsdb_head_samples_appended_total prometheus_tsdb_head_series 29090 "${prom[@]}"
    run vigil-hub "$interval" 30 60 vigil_tsdb_samples_appended_total vigil_tsdb_head_series 29091 "${hub[@]}"
  done
else
  run prometheus "$INTERVAL" "$WARMUP" "$MEASURE" prometheus_tsdb_head_samples_appended_total prometheus_tsdb_head_series 29090 "${prom[@]}"
  run vigil-hub "$INTERVAL" "$WARMUP" "$MEASURE" vigil_tsdb_samples_appended_total vigil_tsdb_head_series 29091 "${hub[@]}"
fi
