#!/usr/bin/env bash
# vigil-node-exporter and Debian's node_exporter 1.5 side by side on this host, the same collectors
# on in both, in one run (see BENCHMARKS.md).
#
# Usage: bench/node-vs-node_exporter.sh [SCRAPES (default 2000)] [ROUNDS (default 3)]
#
# For each round, starts each exporter on a loopback port, times start to first successful scrape,
# scrapes /metrics SCRAPES times over one keep-alive connection with Prometheus' headers (gzip), and
# reads the exporter's CPU time and RSS from /proc (right after, and after IDLE_SECONDS, default 10).
# Prints one line per exporter per round, then medians and the ratio vigil / node_exporter (and
# `RESULT node EXPORTER FIGURE VALUE` lines per round for bench/compare.sh). Run
# `bin/mvn -q -B -DskipTests package` first.
set -euo pipefail
scrapes=${1:-2000}
rounds=${2:-3}
idle=${IDLE_SECONDS:-10} # RSS is read again after this many idle seconds, as between two scrapes
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
reference=${NODE_EXPORTER:-/usr/bin/prometheus-node-exporter}
[ -x "$reference" ] || { echo "node_exporter not found at $reference (apt-get install prometheus-node-exporter)" >&2; exit 1; }

# The collectors both have, on by default in ours (textfile needs a directory; left out).
mapfile -t collectors < <("$root/bin/vigil-node-exporter" --help 2>&1 \
  | sed -n 's/^ *--\[no-\]collector\.\([a-z_]*\) .*(default: enabled).*/\1/p' | grep -vx 'textfile\|disable-defaults')
flags=(--collector.disable-defaults)
for c in "${collectors[@]}"; do flags+=("--collector.$c"); done
echo "collectors: ${collectors[*]}"

now_ms() { echo $(($(date +%s%N) / 1000000)); }
results=$(mktemp)
pid=
stop() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  pid=
}
trap 'stop; rm -f "$results"' EXIT

run() { # NAME PORT COMMAND...
  local name=$1 port=$2
  shift 2
  local t0
  t0=$(now_ms)
  "$@" "--web.listen-address=127.0.0.1:$port" "${flags[@]}" >/dev/null 2>&1 &
  pid=$!
  until curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$port/metrics"; do
    kill -0 "$pid" 2>/dev/null || { echo "$name exited" >&2; exit 1; }
    sleep 0.02
  done
  local startup=$(($(now_ms) - t0))
  local java_pid=$pid
  # The launcher execs java, so $pid is the JVM itself.
  local line
  line=$(python3 "$root/bench/scrape-driver.py" "$port" "$java_pid" "$scrapes" "$idle")
  echo "$name startup_ms=$startup $line" | tee -a "$results"
  stop
}

for round in $(seq "$rounds"); do
  run node_exporter 19181 "$reference"
  run vigil 19182 "$root/bin/vigil-node-exporter"
done

python3 - "$results" "$scrapes" <<'PY'
import json, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, startup, payload = line.split(" ", 2)
    data = json.loads(payload)
    data["startup_ms"] = float(startup.split("=")[1])
    rows.setdefault(name, []).append(data)
keys = ["cpu_ms_per_scrape", "user_ms_per_scrape", "sys_ms_per_scrape", "p50_ms", "p90_ms", "rss_mib", "rss_idle_mib", "hwm_mib", "startup_ms", "gzip_bytes"]
print("| metric | node_exporter 1.5 (median) | vigil (median) | vigil / node_exporter |")
print("|---|---|---|---|")
for key in keys:
    a = statistics.median(r[key] for r in rows["node_exporter"])
    b = statistics.median(r[key] for r in rows["vigil"])
    print(f"| {key} | {a:.3f} | {b:.3f} | {b / a:.2f} |")
# One line per round, exporter and figure, for bench/compare.sh's tables.
for name, runs in rows.items():
    for data in runs:
        for key in keys:
            print(f"RESULT node {name} {key} {data[key]}")
        print(f"RESULT node {name} scrapes {sys.argv[2]}")
PY
