#!/usr/bin/env bash
# The storage engine alone on node_exporter-shaped series (see BENCHMARKS.md, "Storage: end-to-end"):
#
#   bench/storage-bench.sh [SERIES (200000)] [SCRAPES (120)]
#
# StorageBench appends SCRAPES rounds of SERIES series 15 s apart (WAL included), reads one series
# and 200 series over the last hour, closes, and times the replay of the whole WAL on reopening (no
# compaction first: disk bytes in blocks are DiskBench's). Prints its own
# lines and `RESULT storage vigil FIGURE VALUE` lines for bench/compare.sh. The storage issue's
# targets: append >= 2 M samples/s, replay of 1M series x 120 samples <= 10 s, reads <= 1 and 20 ms.
# Needs a built project (bin/mvn -B -o package -DskipTests).
set -euo pipefail
# shellcheck source=lib/bench.sh
. "$(dirname "$(readlink -f "$0")")/lib/bench.sh"
SERIES=${1:-200000}
SCRAPES=${2:-120}
heap=$((SERIES >= 500000 ? 6 : 2))g
"$JAVA" "${CHRONICLE_FLAGS[@]}" "-Xmx$heap" -XX:+UseParallelGC -cp bench/target/bench.jar \
  dev.vigil.bench.StorageBench "$SERIES" "$SCRAPES" "$work/tsdb" replay-only 2>"$work/progress.log" | tee "$work/out.txt"
sed -n -E 's/^series=[0-9]+ scrapes=[0-9]+ samples=([0-9]+).*/RESULT storage vigil samples \1/p
  s/^append_into_existing_series_msamples_per_s=([0-9.]+).*/RESULT storage vigil append_msamples_per_s \1/p
  s/^replay_seconds=([0-9.]+).*/RESULT storage vigil replay_seconds \1/p
  s/^query_1_series_1h_ms_p50=([0-9.]+).*/RESULT storage vigil query_1_series_1h_ms \1/p
  s/^query_200_series_1h_ms_p50=([0-9.]+).*/RESULT storage vigil query_200_series_1h_ms \1/p
  s/^heap_bytes_per_series=([0-9.]+).*/RESULT storage vigil heap_bytes_per_series \1/p' "$work/out.txt"
