#!/usr/bin/env bash
# Disk bytes per sample, Vigil beside Prometheus 2.42 and VictoriaMetrics, on the same data in one run.
#
#   bench/disk-bench.sh [HOSTS] [HOURS]     (HOURS >= 4: Vigil cuts 2 h blocks behind its head)
#
# Defaults: 40 node_exporter-shaped hosts (NodeFleet: 507 series each, 20,280 series) scraped every
# 15 s for 8 hours (39 million samples). DiskBench appends them to Vigil's storage (compacted as the
# hub does), writes them as OpenMetrics for `promtool tsdb create-blocks-from openmetrics`
# (Prometheus' own blocks) and sends them to a VictoriaMetrics by remote write, then forces its
# flush and merge. Bytes: Vigil and Prometheus index + chunks over the samples in their blocks;
# VictoriaMetrics its data parts + indexdb (vm_data_size_bytes) over its stored rows; `du` of its
# -storageDataPath is printed beside. Prints a markdown table, a Ratios line and `RESULT disk PEER
# bytes_per_sample VALUE` lines for bench/compare.sh.
# Needs `promtool` and `victoria-metrics` on PATH and a built project
# (bin/mvn -B -o package -DskipTests -pl hub,bench -am).
set -euo pipefail
# shellcheck source=lib/bench.sh
. "$(dirname "$(readlink -f "$0")")/lib/bench.sh"
HOSTS=${1:-40}
HOURS=${2:-8}

# The data's timestamps start in 2023: VictoriaMetrics keeps them only with a long retention.
victoria-metrics -loggerLevel=WARN -storageDataPath="$work/vm" -httpListenAddr=127.0.0.1:29093 \
  -retentionPeriod=100y >"$work/vm.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do curl -sf http://127.0.0.1:29093/health >/dev/null && break; sleep 1; done
"$JAVA" -Xmx2g -XX:+UseSerialGC --add-exports=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED \
  --add-opens=java.base/java.nio=ALL-UNNAMED --enable-native-access=ALL-UNNAMED \
  --sun-misc-unsafe-memory-access=allow -Dchronicle.analytics.disable=true \
  -Dvm=http://127.0.0.1:29093 -cp bench/target/bench.jar dev.vigil.bench.DiskBench \
  "$HOSTS" "$HOURS" "$work/disk"
echo "du of VictoriaMetrics' -storageDataPath: $(du -sb "$work/vm" | cut -f1) bytes"
