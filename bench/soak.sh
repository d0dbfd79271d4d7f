#!/usr/bin/env bash
# The hub under a steady fleet for a long time: is memory flat, do file descriptors or threads leak,
# does it miss scrapes as the head grows?
#
#   bench/soak.sh [MINUTES (60)] [TARGETS (200)] [SERIES (1000)] [INTERVAL_S (10)]
#
# The defaults are the issue's 20k samples/s profile: FleetServer's 200 node_exporter-shaped
# targets x 1,000 series every 10 s (20,100 samples/s with the report series), scraped by
# bin/vigil-hub with its default flags except --storage.tsdb.min-block-duration=BLOCK (10m), so that
# within the hour the head is cut into blocks, blocks are merged and the WAL truncated several times
# (with the default 2h, an hour's samples would all still be in the head and memory would rightly
# grow with them). Every SAMPLE_S (30) seconds it records the hub's RSS, open file descriptors,
# threads, head series, samples appended and the data directory's size (to $SOAK_OUT/soak.tsv when
# SOAK_OUT is set). At the end it prints one row per tenth of the run and a verdict, leaving out the first
# WARMUP_MIN (15) minutes (series creation, JIT, the first block cut): the medians of RSS, fds and threads over the second
# third of the samples against the last third, and appended/expected over the window (1.000 = no missed
# scrape). Exit status 1 when memory grew by more than 10 %, fds or threads by more than 5, or
# appended/expected fell under 0.99. Needs a built project (bin/mvn -B -o package -DskipTests).
set -euo pipefail
# shellcheck source=lib/bench.sh
. "$(dirname "$(readlink -f "$0")")/lib/bench.sh"
MINUTES=${1:-60}
TARGETS=${2:-200}
SERIES=${3:-1000}
INTERVAL=${4:-10}
SAMPLE_S=${SAMPLE_S:-30}
WARMUP_MIN=${WARMUP_MIN:-15}
PORT=${FLEET_PORT:-21000}
WEB=${SOAK_WEB_PORT:-29095}

"$JAVA" -Xmx1g -XX:+UseSerialGC -cp bench/target/bench.jar dev.vigil.bench.FleetServer \
  "$TARGETS" "$SERIES" "$PORT" "$work" >"$work/fleet.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 300); do [ -s "$work/targets.json" ] && break; sleep 1; done
[ -s "$work/targets.json" ] || { echo "fleet did not start"; cat "$work/fleet.log"; exit 1; }
head -1 "$work/fleet.log"

cat >"$work/prometheus.yml" <<YAML
global:
  scrape_interval: ${INTERVAL}s
  scrape_timeout: ${INTERVAL}s
scrape_configs:
  - job_name: fleet
    file_sd_configs:
      - files: ['$work/targets.json']
YAML
bin/vigil-hub --log.level=warn --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/data" \
  --storage.tsdb.min-block-duration="${BLOCK:-10m}" --web.listen-address="127.0.0.1:$WEB" >"$work/hub.log" 2>&1 &
hub=$!
pids+=("$hub")

# The sum of a metric's samples on the hub's /metrics page (labels ignored).
metric() { curl -s "http://127.0.0.1:$WEB/metrics" | awk -v m="$1" '$1 == m || index($1, m "{") == 1 { s += $NF } END { printf "%.0f", s }'; }
out=${SOAK_OUT:-$work}
mkdir -p "$out"
tsv="$out/soak.tsv"
printf 'seconds\trss_kib\tfds\tthreads\thead_series\tappended\tdata_mib\n' >"$tsv"
start=$(date +%s)
end=$((start + MINUTES * 60))
echo "soak: $MINUTES min, $TARGETS targets x $SERIES series every ${INTERVAL}s, a sample every ${SAMPLE_S}s to $tsv"
while [ "$(date +%s)" -lt "$end" ]; do
  sleep "$SAMPLE_S"
  kill -0 "$hub" 2>/dev/null || { echo "the hub exited"; tail -20 "$work/hub.log"; exit 1; }
  now=$(($(date +%s) - start))
  rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$hub/status")
  threads=$(awk '/^Threads/ { print $2 }' "/proc/$hub/status")
  fds=$(find "/proc/$hub/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)
  printf '%d\t%d\t%d\t%d\t%s\t%s\t%s\n' "$now" "$rss" "$fds" "$threads" "$(metric vigil_tsdb_head_series)" \
    "$(metric vigil_tsdb_samples_appended_total)" "$(du -sm "$work/data" | cut -f1)" >>"$tsv"
  if [ $((now / SAMPLE_S % 10)) = 0 ]; then tail -1 "$tsv"; fi
done

awk -F'\t' -v warm=$((WARMUP_MIN * 60)) -v targets="$TARGETS" -v series="$SERIES" -v interval="$INTERVAL" '
  function median(a, n,   i, j, t) {
    for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  # The medians of column c over the second and the last third of the samples after warm-up.
  function thirds(c,   i, k, mid, last) {
    k = int(n / 3)
    for (i = 1; i <= k; i++) { mid[i] = v[c, k + i]; last[i] = v[c, 2 * k + i] }
    m2 = median(mid, k); m3 = median(last, k)
  }
  NR > 1 && $1 >= warm { n++; for (c = 1; c <= 7; c++) v[c, n] = $c }
  END {
    if (n < 6) { print "soak: too short to judge (" n " samples after warm-up)"; exit 1 }
    print "| minute | RSS MiB | fds | threads | head series | samples/s since the row before | data MiB |"
    print "|---|---|---|---|---|---|---|"
    step = int(n / 10); if (step < 1) step = 1
    for (i = 1; i <= n; i += step) {
      j = i > step ? i - step : 1
      rate = i > j ? sprintf("%.0f", (v[6, i] - v[6, j]) / (v[1, i] - v[1, j])) : "-"
      printf "| %.1f | %.1f | %d | %d | %d | %s | %d |\n", v[1, i] / 60, v[2, i] / 1024, v[3, i], v[4, i], v[5, i], rate, v[7, i]
    }
    thirds(2); rss2 = m2; rss3 = m3
    thirds(3); fd2 = m2; fd3 = m3
    thirds(4); th2 = m2; th3 = m3
    expected = targets * (series + 5) * (v[1, n] - v[1, 1]) / interval
    ratio = (v[6, n] - v[6, 1]) / expected
    growth = (rss3 - rss2) / rss2
    printf "medians, second third -> last third: RSS %.1f -> %.1f MiB (%+.1f %%), fds %d -> %d, threads %d -> %d; appended/expected %.3f over %.0f min\n",
      rss2 / 1024, rss3 / 1024, 100 * growth, fd2, fd3, th2, th3, ratio, (v[1, n] - v[1, 1]) / 60
    bad = growth > 0.10 || fd3 - fd2 > 5 || th3 - th2 > 5 || ratio < 0.99
    print bad ? "soak: FAILED" : "soak: flat"
    exit bad
  }' "$tsv"
