#!/usr/bin/env bash
# The JVM exporter in host mode with JVMS idle JVMs on the machine (see BENCHMARKS.md, "JVM exporter
# host mode: 20 JVMs"); the issue's target is at most 5 ms of CPU per scrape with 20 JVMs:
#
#   bench/jvm-host-bench.sh [JVMS (default 20)] [SCRAPES (default 200)] [ROUNDS (default 3)]
#
# Builds nothing: run `bin/mvn -B -o -pl jvm-exporter -am package -DskipTests` first (the jar and
# its lib/ are copied and run as they are, so a build or edit during the run changes nothing).
#
# Starts JVMS small idle JVMs (the JDK in JAVA_HOME, else the one bin/lib/find-java.sh finds;
# `-Xmx16m -XX:+UseSerialGC`, a class that sleeps), then per round starts the exporter
# (bin/vigil-jvm-exporter with its launcher's JVM flags), waits until it lists every one of them,
# scrapes 10 times to warm up, then SCRAPES times, one every INTERVAL seconds (default 0.1), with
# curl and Prometheus' headers (gzip). Per round it prints:
#   cpu_ms        the exporter's CPU (utime + stime from /proc/PID/stat) during the scrapes only,
#                 summed over the scrapes and divided by their number: what answering a scrape costs
#                 (clock ticks are 10 ms, so this is a sum over many scrapes, not per scrape);
#   window_cpu_ms all its CPU over the whole window (first scrape to last) divided by the scrapes;
#   p50_ms/p99_ms curl's time_total;
#   gzip_bytes    bytes on the wire for the last scrape, body_bytes and series (sample lines) of its
#                 decompressed body; jvms, the exporter's jvm_host_jvms (every JVM on the machine
#                 it reads: ours plus any other running, e.g. a build's), ours, how many of ours it lists;
#   rss_mib       VmRSS right after the scrapes, hwm_mib VmHWM (peak).
# Then the medians and spreads (min..max) over the rounds, and the verdict against the 5 ms target.
#
# No peer runs beside it: host mode reads other JVMs' hsperfdata from outside, and nothing else
# does that as a Prometheus exporter (jmx_exporter and client_java need an agent or code inside
# each JVM, which is what bench/jvm-agent-bench.py compares).
#
# Everything started here (the JVMs, the exporter) is stopped on exit, also on Ctrl-C or an error.
set -euo pipefail
jvms=${1:-20}
scrapes=${2:-200}
rounds=${3:-3}
interval=${INTERVAL:-0.1}
port=${VIGIL_PORT:-29102}
target_ms=5
for n in "$jvms" "$scrapes" "$rounds" "$port"; do
  case $n in '' | *[!0-9]*) echo "JVMS, SCRAPES, ROUNDS and VIGIL_PORT must be numbers" >&2; exit 2 ;; esac
done

root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
jar=$root/jvm-exporter/target/vigil-jvm-exporter.jar
# shellcheck source=../bin/lib/launch.sh
. "$root/bin/lib/launch.sh"
[ -f "$jar" ] || { echo "$jar is missing: run bin/mvn -B -o -pl jvm-exporter -am package -DskipTests first" >&2; exit 1; }
if vigil_needs_build "$root" "$jar"; then
  echo "warning: some source or pom.xml is newer than $jar; measuring the jar as built" >&2
fi
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
  jdk=$JAVA_HOME
else
  # shellcheck source=../bin/lib/find-java.sh
  . "$root/bin/lib/find-java.sh"
  VIGIL_MIN_JAVA=21 vigil_find_java
  jdk=$VIGIL_JAVA_HOME
fi
if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/"; then
  echo "something already listens on 127.0.0.1:$port (VIGIL_PORT picks another)" >&2
  exit 1
fi

work=$(mktemp -d)
exporter=
jvm_pids=()
cleanup() {
  if [ -n "$exporter" ]; then kill "$exporter" 2>/dev/null || true; wait "$exporter" 2>/dev/null || true; fi
  for p in "${jvm_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${jvm_pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A private copy of the jar (and the lib/ its manifest's Class-Path names) under VIGIL_HOME: the
# launcher then neither rebuilds nor sees a jar replaced by a concurrent build.
mkdir -p "$work/lib" "$work/classes"
cp "$jar" "$work/lib/"
cp -r "$(dirname "$jar")/lib" "$work/lib/"

cat >"$work/VigilBenchIdle.java" <<'JAVA'
/** An idle JVM for the host-mode benchmark: prints ready, then sleeps until killed. */
public class VigilBenchIdle {
    public static void main(String[] args) throws InterruptedException {
        System.out.println("ready");
        Thread.sleep(Long.MAX_VALUE);
    }
}
JAVA
"$jdk/bin/javac" -d "$work/classes" "$work/VigilBenchIdle.java"
echo "starting $jvms JVMs ($("$jdk/bin/java" -version 2>&1 | head -n 1))" >&2
for i in $(seq "$jvms"); do
  "$jdk/bin/java" -Xmx16m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$work/classes" VigilBenchIdle \
    >"$work/jvm-$i.out" 2>&1 &
  jvm_pids+=($!)
done
for _ in $(seq 300); do
  ready=$(cat "$work"/jvm-*.out | grep -c '^ready' || true)
  [ "$ready" -eq "$jvms" ] && break
  sleep 0.1
done
[ "$ready" -eq "$jvms" ] || { echo "only $ready of $jvms JVMs are ready" >&2; exit 1; }
sleep 2 # let their start-up (JIT, class loading) settle so it does not weigh on round 1

accept='application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1'

# Sets REPLY to the process' CPU time so far in clock ticks (utime + stime), without forking.
cpu_ticks() {
  local line
  read -r line <"/proc/$1/stat"
  local -a f
  read -r -a f <<<"${line##*) }"
  REPLY=$((f[11] + f[12]))
}

scrape() { # OUTPUT: prints "time_total size_download"
  curl -fsS --max-time 10 --compressed -H "Accept: $accept" -H 'X-Prometheus-Scrape-Timeout-Seconds: 10' \
    -o "$1" -w '%{time_total} %{size_download}\n' "http://127.0.0.1:$port/metrics"
}

ours() { # FILE: how many of our JVMs the exposition lists
  local n=0 p
  for p in "${jvm_pids[@]}"; do
    if grep -qE "^jvm_threads_current\{(.*,)?pid=\"$p\"" "$1"; then n=$((n + 1)); fi
  done
  echo "$n"
}

ticks_per_s=$(getconf CLK_TCK)
results=$work/results
for round in $(seq "$rounds"); do
  VIGIL_HOME=$work "$root/bin/vigil-jvm-exporter" "--web.listen-address=127.0.0.1:$port" --log.level=warn \
    >"$work/exporter.log" 2>&1 &
  exporter=$!
  seen=0
  for _ in $(seq 600); do # at most about 60 s
    kill -0 "$exporter" 2>/dev/null || { echo "the exporter exited:" >&2; cat "$work/exporter.log" >&2; exit 1; }
    if scrape "$work/body" >/dev/null 2>&1; then
      seen=$(ours "$work/body")
      [ "$seen" -eq "$jvms" ] && break
    fi
    sleep 0.1
  done
  [ "$seen" -eq "$jvms" ] || { echo "the exporter lists $seen of $jvms JVMs" >&2; exit 1; }
  for _ in $(seq 10); do scrape /dev/null >/dev/null; done

  in_scrape=0
  : >"$work/times"
  cpu_ticks "$exporter"; window0=$REPLY
  t0=$(date +%s%N)
  for ((i = 0; i < scrapes; i++)); do
    cpu_ticks "$exporter"; before=$REPLY
    scrape "$work/body" >>"$work/times"
    cpu_ticks "$exporter"; in_scrape=$((in_scrape + REPLY - before))
    sleep "$interval"
  done
  t1=$(date +%s%N)
  cpu_ticks "$exporter"; window=$((REPLY - window0))
  rss=$(awk '$1 == "VmRSS:" { print $2 }' "/proc/$exporter/status")
  hwm=$(awk '$1 == "VmHWM:" { print $2 }' "/proc/$exporter/status")
  seen=$(ours "$work/body")
  python3 - "$round" "$work/times" "$work/body" "$in_scrape" "$window" "$ticks_per_s" "$((t1 - t0))" \
    "$rss" "$hwm" "$seen" >>"$results" <<'PY'
import json, re, sys
rnd, times, body = sys.argv[1:4]
in_scrape, window, hz, wall_ns, rss_kib, hwm_kib, ours = (int(x) for x in sys.argv[4:11])
rows = [line.split() for line in open(times)]
lat = sorted(float(t) * 1000 for t, _ in rows)
n = len(lat)
text = open(body, encoding="utf-8").read()
series = sum(1 for line in text.splitlines() if line and not line.startswith("#"))
jvms = re.search(r"^jvm_host_jvms (\S+)", text, re.M)
print(json.dumps({
    "round": int(rnd),
    "cpu_ms": in_scrape * 1000 / hz / n,
    "window_cpu_ms": window * 1000 / hz / n,
    "p50_ms": lat[n // 2], "p99_ms": lat[min(n - 1, int(n * 0.99))],
    "gzip_bytes": int(rows[-1][1]), "body_bytes": len(text.encode()), "series": series,
    "jvms": float(jvms.group(1)) if jvms else 0, "ours": ours,
    "rss_mib": rss_kib / 1024, "hwm_mib": hwm_kib / 1024,
}))
PY
  echo "round $round: $(tail -n 1 "$results")" >&2
  kill "$exporter"; wait "$exporter" 2>/dev/null || true
  exporter=
done

python3 - "$results" "$jvms" "$scrapes" "$target_ms" <<'PY'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
keys = ["cpu_ms", "window_cpu_ms", "p50_ms", "p99_ms", "gzip_bytes", "body_bytes", "series", "jvms", "ours",
        "rss_mib", "hwm_mib"]
fmt = lambda v: f"{v:,.0f}" if v >= 1000 or float(v).is_integer() else f"{v:.2f}"
print(f"{sys.argv[2]} idle JVMs, {sys.argv[3]} scrapes per round")
print("| round | " + " | ".join(keys) + " |")
print("|---" * (len(keys) + 1) + "|")
for r in rows:
    print(f"| {r['round']} | " + " | ".join(fmt(r[k]) for k in keys) + " |")
print("| median | " + " | ".join(fmt(statistics.median(r[k] for r in rows)) for k in keys) + " |")
print("| spread | " + " | ".join(f"{fmt(min(r[k] for r in rows))}..{fmt(max(r[k] for r in rows))}" for k in keys) + " |")
cpu = statistics.median(r["cpu_ms"] for r in rows)
target = float(sys.argv[4])
print(f"verdict: {cpu:.2f} ms CPU per scrape (median) {'meets' if cpu <= target else 'misses'} the {target:g} ms target")
PY
