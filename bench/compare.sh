#!/usr/bin/env bash
# Vigil side by side with the real peers, every comparison in one run, tables into BENCHMARKS.md:
#
#   bench/compare.sh [quick|full] [STEP...]
#
# Builds what the runs need (package, tests skipped), then runs each step in turn: the node
# exporter vs node_exporter 1.5; storage on its own (append, replay, reads); disk bytes per sample;
# the hub vs Prometheus 2.42 and VictoriaMetrics on the same simulated fleet (CPU per million
# samples, RSS per active series, missed scrapes) and the highest ingest each sustains; query
# latency on the same data; alert latency from condition to webhook vs Prometheus + Alertmanager;
# notification latency after group_wait vs Alertmanager. `quick` (the default, about 25 minutes)
# runs each at a small size, `full` (about 80 minutes) at the sizes the issues state. Naming steps
# runs only those. Each step's output is kept in bench/target/compare/NAME.txt; a failed step is
# marked in the report and the others still run. The section between the `compare:begin` and
# `compare:end` markers in BENCHMARKS.md is replaced with the tables (medians, spread, ratios) and
# the component issues' targets, met or by how much not. Needs the Debian peers (.ci/run installs
# them): prometheus, prometheus-node-exporter, prometheus-alertmanager, victoria-metrics.
# REPORT_ONLY=1 rewrites the section from the outputs of the last run without running anything.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
profile=${1:-quick}
case "$profile" in quick | full) shift || true ;; *) echo "usage: bench/compare.sh [quick|full] [STEP...]" >&2; exit 2 ;; esac
only=" $* "

# name | title | quick command | full command
steps=(
  "node|Node exporter vs node_exporter 1.5|bench/node-vs-node_exporter.sh 1000 3|bench/node-vs-node_exporter.sh 10000 3"
  "storage|Storage engine alone (node_exporter-shaped series, 15 s apart)|bench/storage-bench.sh 200000 120|bench/storage-bench.sh 1000000 120"
  "disk|Disk bytes per sample on the same node_exporter-shaped data (Vigil, promtool-built Prometheus blocks, VictoriaMetrics after a forced merge)|bench/disk-bench.sh 10 4|bench/disk-bench.sh 40 8"
  "fleet|Hub vs Prometheus 2.42 vs VictoriaMetrics scraping the same simulated fleet (200 targets x 1,000 series every 10 s)|bench/fleet-bench.sh 200 1000 10 60 60|bench/fleet-bench.sh 200 1000 10 240 180"
  "ingest|Highest sustained ingest: the same fleet at shorter and shorter intervals until a peer falls behind|INGEST=1 INTERVALS=\"1 0.25\" bench/fleet-bench.sh 20 1000 - 10 20|INGEST=1 bench/fleet-bench.sh 200 1000 - 30 60"
  "query|Query latency on the same data (remote-written into each peer)|bench/query-bench.sh 200 15 7 10|bench/query-bench.sh 200 60 21 10"
  "alert|Alert latency from condition to webhook: hub vs Prometheus + Alertmanager (1 s scrape and evaluation, group_wait 0s)|bench/alert-latency-bench.sh 5 1 2|bench/alert-latency-bench.sh 10 1 3"
  "routing|Notification latency after group_wait: hub's Alertmanager vs Alertmanager 0.25|bench/alerts-bench.sh 1000 100 2|bench/alerts-bench.sh 10000 1000 10"
)

out=bench/target/compare
if [ "${REPORT_ONLY:-0}" != 1 ]; then
  rm -rf "$out"
  mkdir -p "$out"
  echo "building (package, tests skipped)..."
  bin/mvn -q -B package -DskipTests -pl node-exporter,hub,bench -am >"$out/build.log" 2>&1 || { tail -40 "$out/build.log"; exit 1; }

  {
    . bin/lib/find-java.sh
    vigil_find_java
    echo "Machine: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, kernel $(uname -r), load average at the start $(cut -d' ' -f1-3 /proc/loadavg)."
    echo "Vigil $(git rev-parse --short HEAD 2>/dev/null || echo unknown) on $("$VIGIL_JAVA_HOME/bin/java" -version 2>&1 | head -1); peers (Debian packages): $(dpkg-query -W -f='${Package} ${Version}, ' prometheus-node-exporter prometheus prometheus-alertmanager victoria-metrics 2>/dev/null | sed 's/, $//')."
  } >"$out/machine.txt"
  date -u +%Y-%m-%d >"$out/date.txt"
  : >"$out/steps.tsv"

  for step in "${steps[@]}"; do
    IFS='|' read -r name title quick full <<<"$step"
    [ "$only" = "  " ] || [[ "$only" == *" $name "* ]] || continue
    command=$quick
    [ "$profile" = full ] && command=$full
    echo "== $name: $command"
    start=$(date +%s)
    status=0
    bash -c "$command" >"$out/$name.txt" 2>&1 || status=$?
    seconds=$(($(date +%s) - start))
    grep '^RESULT ' "$out/$name.txt" || true
    echo "== $name: status $status after $seconds s"
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$title" "$command" "$seconds" "$status" >>"$out/steps.tsv"
  done
fi

python3 bench/lib/compare-report.py "$out" "$profile" >"$out/report.md"
python3 - "$out/report.md" BENCHMARKS.md <<'PY'
import sys
report = open(sys.argv[1]).read().rstrip() + "\n"
path = sys.argv[2]
text = open(path).read()
begin, end = "<!-- compare:begin (bench/compare.sh writes this section) -->\n", "<!-- compare:end -->\n"
if begin in text and end in text:
    head, rest = text.split(begin, 1)
    tail = rest.split(end, 1)[1]
else:  # first run: the section goes before the first measurement section
    at = text.index("\n## ") + 1
    head, tail = text[:at], "\n" + text[at:]
open(path, "w").write(head + begin + report + end + tail)
PY
echo "BENCHMARKS.md: section rewritten ($out/report.md)"
