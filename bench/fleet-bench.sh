#!/usr/bin/env bash
# The hub, Prometheus and VictoriaMetrics scraping the same simulated fleet, one after the other, on
# this machine.
#
#   bench/fleet-bench.sh [TARGETS] [SERIES] [INTERVAL_S] [WARMUP_S] [MEASURE_S]
#
# (INTERVAL_S `-` takes the default; INGEST=1 ignores it.)
# Defaults: 200 targets x 1,000 node_exporter-shaped series every 10 s, 60 s warm-up (every series
# created), 240 s measured. Per peer: CPU seconds (user+system from /proc) per million samples
# appended in the measured window, RSS and RSS per active series at its end, and appended/expected
# samples (1.000 = no missed scrape; expected = targets x (series + the peer's report series) per
# interval: 5 for the hub and Prometheus, 6 for VictoriaMetrics, which adds scrape_timeout_seconds).
# Active series: the head's series for the hub and Prometheus; VictoriaMetrics has no head, so its
# figure is vm_cache_entries{type="storage/hour_metric_ids"}, the series that received a sample in
# the current hour (what VictoriaMetrics itself calls active series). Also per run: the fleet
# server's CPU (cores) and the machine's idle share in the window, to tell a peer's limit from the
# machine's (the fleet and the peer share its cores).
#
# `INGEST=1 bench/fleet-bench.sh 200 1000 - 30 60` instead steps the interval down (INTERVALS,
# default "5 2 1 0.5 0.25" s; WARMUP_S and MEASURE_S per step, default 30 and 60) until a peer
# appends < 0.98 of expected, and prints each step and then each peer's highest sustainable rate and
# the limit that stopped it: the peer itself (machine idle >= 10 %), the machine's CPU (idle < 10 %,
# the fleet and the peer together use the cores), or none (it kept up at the shortest interval).
# PEERS="vigil-hub prometheus" (any of vigil-hub, prometheus, victoria-metrics) selects peers.
# Besides the markdown tables and the Ratios line it prints `RESULT fleet|ingest-step|ingest PEER
# METRIC VALUE` lines, which bench/compare.sh reads.
# Needs `prometheus` (Debian's 2.42) and `victoria-metrics` (Debian's) on PATH and a built project
# (bin/mvn -B -o package -DskipTests -pl hub,bench -am).
set -euo pipefail
# shellcheck source=lib/bench.sh
. "$(dirname "$(readlink -f "$0")")/lib/bench.sh"
TARGETS=${1:-200}
SERIES=${2:-1000}
INTERVAL=${3:-10}
[ "$INTERVAL" = - ] && INTERVAL=10
WARMUP=${4:-}
MEASURE=${5:-}
PORT=${FLEET_PORT:-20000}
PEERS=${PEERS:-prometheus victoria-metrics vigil-hub}

"$JAVA" -Xmx2g -XX:+UseSerialGC -cp bench/target/bench.jar dev.vigil.bench.FleetServer \
  "$TARGETS" "$SERIES" "$PORT" "$work" >"$work/fleet.log" 2>&1 &
fleet_pid=$!
pids+=("$fleet_pid")
for _ in $(seq 1 300); do [ -s "$work/targets.json" ] && break; sleep 1; done
[ -s "$work/targets.json" ] || { echo "fleet did not start"; cat "$work/fleet.log"; exit 1; }
head -1 "$work/fleet.log"

ticks=$(getconf CLK_TCK)
cpu_seconds() { awk -v t="$ticks" '{ print ($14 + $15) / t }' "/proc/$1/stat"; }
rss_kib() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }
# The machine's idle and total jiffies, from the first line of /proc/stat.
machine_cpu() { awk '/^cpu / { t = 0; for (i = 2; i <= NF; i++) t += $i; print $5 + $6, t }' /proc/stat; }
# The sum of a metric's samples on a /metrics page: NAME sums every label set, NAME{...} only that one.
metric() {
  curl -s "http://127.0.0.1:$1/metrics" | awk -v m="$2" '
    $1 == m || (index(m, "{") == 0 && index($1, m "{") == 1) { s += $NF } END { printf "%.0f", s }'
}

# Per peer: its web port, its appended-samples and active-series metrics, its report series per
# target, and its command line given CONFIG DATA_DIR LISTEN.
peer_web() { case $1 in prometheus) echo 29090 ;; vigil-hub) echo 29091 ;; victoria-metrics) echo 29092 ;; esac; }
peer_appended() {
  case $1 in
    prometheus) echo prometheus_tsdb_head_samples_appended_total ;;
    vigil-hub) echo vigil_tsdb_samples_appended_total ;;
    victoria-metrics) echo vm_rows_added_to_storage_total ;;
  esac
}
peer_series() {
  case $1 in
    prometheus) echo prometheus_tsdb_head_series ;;
    vigil-hub) echo vigil_tsdb_head_series ;;
    victoria-metrics) echo 'vm_cache_entries{type="storage/hour_metric_ids"}' ;;
  esac
}
peer_report_series() { [ "$1" = victoria-metrics ] && echo 6 || echo 5; }
peer_start() {
  local name=$1 config=$2 data=$3 listen=$4
  case $name in
    prometheus)
      exec prometheus --log.level=warn --config.file="$config" --storage.tsdb.path="$data" --web.listen-address="$listen" ;;
    vigil-hub)
      exec env VIGIL_HEAP="${VIGIL_HEAP:-1g}" bin/vigil-hub --log.level=warn --config.file="$config" \
        --storage.tsdb.path="$data" --web.listen-address="$listen" ;;
    victoria-metrics)
      exec victoria-metrics -loggerLevel=WARN -promscrape.config="$config" -storageDataPath="$data" \
        -httpListenAddr="$listen" -promscrape.suppressScrapeErrors ;;
  esac
}

# A duration in seconds (5, 0.5) as prometheus.yml writes it (5s, 500ms).
yaml_duration() { awk -v s="$1" 'BEGIN { ms = s * 1000; if (ms % 1000 == 0) printf "%ds", ms / 1000; else printf "%dms", ms }'; }

result_bench=fleet
# run NAME INTERVAL WARMUP MEASURE: prints one table line (and its RESULT lines, bench $result_bench) and leaves appended/expected in $ratio
# and the machine's idle share in $idle.
ratio=0
idle=0
run() {
  local name=$1 interval=$2 warmup=$3 measure=$4
  local web data appended series report
  web=$(peer_web "$name"); appended=$(peer_appended "$name"); series=$(peer_series "$name")
  report=$(peer_report_series "$name")
  data="$work/data-$name-$interval"
  mkdir -p "$data"
  cat >"$work/prometheus.yml" <<YAML
global:
  scrape_interval: $(yaml_duration "$interval")
  scrape_timeout: $(yaml_duration "$interval")
scrape_configs:
  - job_name: fleet
    file_sd_configs:
      - files: ['$work/targets.json']
YAML
  peer_start "$name" "$work/prometheus.yml" "$data" "127.0.0.1:$web" >"$work/$name.log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  sleep "$warmup"
  kill -0 "$pid" 2>/dev/null || { echo "$name exited:"; tail -5 "$work/$name.log"; exit 1; }
  local c0 a0 f0 m0 c1 a1 f1 m1 rss hs
  c0=$(cpu_seconds "$pid"); f0=$(cpu_seconds "$fleet_pid"); m0=$(machine_cpu); a0=$(metric "$web" "$appended")
  sleep "$measure"
  c1=$(cpu_seconds "$pid"); f1=$(cpu_seconds "$fleet_pid"); m1=$(machine_cpu); a1=$(metric "$web" "$appended")
  rss=$(rss_kib "$pid"); hs=$(metric "$web" "$series")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  local line
  line=$(awk -v n="$name" -v i="$interval" -v c="$(echo "$c1 - $c0" | bc -l)" -v a="$((a1 - a0))" -v r="$rss" \
      -v h="$hs" -v e="$(echo "$TARGETS * ($SERIES + $report) * $measure / $interval" | bc -l)" -v m="$measure" \
      -v f="$(echo "($f1 - $f0) / $measure" | bc -l)" -v m0="$m0" -v m1="$m1" 'BEGIN {
    split(m0, x, " "); split(m1, y, " "); idle = (y[1] - x[1]) / (y[2] - x[2])
    if (h < 1) h = 1
    printf "| %-16s | %5s s | %9.0f | %8.2f | %6.2f | %7.1f | %8d | %6.2f | %5.3f | %4.2f | %3.0f %% |\n",
      n, i, a / m, c, c / (a / 1e6 + 1e-9), r / 1024, h, r / h, a / e, f, 100 * idle }')
  echo "$line"
  # For bench/compare.sh: RESULT BENCH PEER METRIC VALUE.
  echo "$line" | awk -F'|' -v b="$result_bench" '{
    for (i = 2; i <= 12; i++) gsub(/[ %]/, "", $i)
    printf "RESULT %s %s samples_per_s %s\nRESULT %s %s cpu_s_per_msample %s\nRESULT %s %s rss_mib %s\n", b, $2, $4, b, $2, $6, b, $2, $7
    printf "RESULT %s %s active_series %s\nRESULT %s %s rss_kib_per_series %s\nRESULT %s %s appended_over_expected %s\n", b, $2, $8, b, $2, $9, b, $2, $10
  }'
  ratio=$(echo "$line" | awk -F'|' '{ gsub(/ /, "", $10); print $10 }')
  idle=$(echo "$line" | awk -F'|' '{ gsub(/[ %]/, "", $12); print $12 }')
  last_rate=$(echo "$line" | awk -F'|' '{ gsub(/ /, "", $4); print $4 }')
  last_cpu=$(echo "$line" | awk -F'|' '{ gsub(/ /, "", $6); print $6 }')
  last_rss=$(echo "$line" | awk -F'|' '{ gsub(/ /, "", $9); print $9 }')
  last_fleet=$(echo "$line" | awk -F'|' '{ gsub(/ /, "", $11); print $11 }')
}

echo "| peer             | every   | samples/s | CPU s    | CPU s/Msample | RSS MiB | active series | RSS KiB/series | appended/expected | fleet cores | machine idle |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
declare -A best limit cpu_ms rss_series
if [ "${INGEST:-0}" = 1 ]; then
  result_bench=ingest-step
  for name in $PEERS; do
    best[$name]=0; limit[$name]="none: kept up at the shortest interval"
    for interval in ${INTERVALS:-5 2 1 0.5 0.25}; do
      run "$name" "$interval" "${WARMUP:-30}" "${MEASURE:-60}"
      if awk -v r="$ratio" 'BEGIN { exit !(r < 0.98) }'; then
        if [ "$idle" -lt 10 ]; then
          limit[$name]="machine CPU at ${interval} s (idle ${idle} %, fleet server ${last_fleet} cores, appended/expected $ratio)"
        else
          limit[$name]="the peer at ${interval} s (appended/expected $ratio, machine idle ${idle} %, fleet server ${last_fleet} cores)"
        fi
        break
      fi
      best[$name]=$last_rate
    done
  done
  echo
  echo "| peer | highest sustainable samples/s (>= 0.98 of expected) | stopped by |"
  echo "|---|---|---|"
  for name in $PEERS; do
    echo "| $name | ${best[$name]} | ${limit[$name]} |"
    echo "RESULT ingest $name max_sustained_samples_per_s ${best[$name]}"
    echo "RESULT ingest $name ceiling_reached $(case ${limit[$name]} in none:*) echo 0 ;; *) echo 1 ;; esac)"
  done
  ratios="Ratios:"
  for name in $PEERS; do
    [ "$name" = vigil-hub ] && continue
    [ -n "${best[vigil-hub]:-}" ] || continue
    ratios+=" sustainable ingest hub/$name $(awk -v a="${best[vigil-hub]}" -v b="${best[$name]}" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else printf "n/a" }')"
    case "${limit[vigil-hub]}|${limit[$name]}" in
      none:*\|none:*) ratios+=" (neither stopped: no ceiling reached)" ;;
      none:*) ratios+=" (at least: the hub kept up at the shortest interval)" ;;
      *\|none:*) ratios+=" (at most: $name kept up at the shortest interval)" ;;
    esac
    ratios+=";"
  done
  echo "$ratios"
else
  for name in $PEERS; do
    run "$name" "$INTERVAL" "${WARMUP:-60}" "${MEASURE:-240}"
    cpu_ms[$name]=$last_cpu; rss_series[$name]=$last_rss
  done
  ratios="Ratios:"
  for name in $PEERS; do
    [ "$name" = vigil-hub ] && continue
    [ -n "${cpu_ms[vigil-hub]:-}" ] || continue
    ratios+=" hub/$name CPU per Msample $(awk -v a="${cpu_ms[vigil-hub]}" -v b="${cpu_ms[$name]}" 'BEGIN { printf "%.2fx", a / b }'),"
    ratios+=" RSS per active series $(awk -v a="${rss_series[vigil-hub]}" -v b="${rss_series[$name]}" 'BEGIN { printf "%.2fx", a / b }');"
  done
  echo "$ratios"
fi
