#!/usr/bin/env bash
# Resident memory of the node exporter after N scrapes of /metrics (see BENCHMARKS.md).
#
# Usage: bench/rss-after-scrapes.sh [SCRAPES (default 1000)] [PORT (default 19100)] [IDLE_SECONDS (default 0)]
#
# Builds nothing: run `bin/mvn -q -B -DskipTests package` first. Starts bin/vigil-node-exporter on
# 127.0.0.1:PORT (the launcher sets the JVM flags; JAVA_OPTS adds more, MALLOC_ARENA_MAX etc. pass
# through the environment), waits for /-/healthy, scrapes /metrics SCRAPES times with curl (one
# process and one connection per scrape, with Prometheus' Accept and Accept-Encoding headers), then
# prints the JVM's VmRSS and VmHWM from /proc (after IDLE_SECONDS without traffic) and stops it.
set -euo pipefail

scrapes=${1:-1000}
port=${2:-19100}
idle=${3:-0}
case $scrapes in '' | *[!0-9]*) echo "SCRAPES must be a number" >&2; exit 2 ;; esac
case $port in '' | *[!0-9]*) echo "PORT must be a number" >&2; exit 2 ;; esac
case $idle in '' | *[!0-9]*) echo "IDLE_SECONDS must be a number" >&2; exit 2 ;; esac

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jar=$root/node-exporter/target/vigil-node-exporter.jar
# shellcheck source=../bin/lib/launch.sh
. "$root/bin/lib/launch.sh"
if vigil_needs_build "$root" "$jar"; then
  # The launcher would start a build here. Note that package leaves an unchanged module's jar
  # (and its old mtime) alone, so after editing another module, touch the jar as well.
  echo "$jar is missing or older than some source or pom.xml in the tree (the launcher would" >&2
  echo "rebuild it): run bin/mvn -q -B -DskipTests package first, then touch the jar if unchanged" >&2
  exit 1
fi

base=http://127.0.0.1:$port
if curl -s -o /dev/null --max-time 1 "$base/"; then
  echo "something already listens on 127.0.0.1:$port; pass another port" >&2
  exit 1
fi

# What Prometheus 2.x sends.
accept='application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1'
scrape() {
  curl -fsS --max-time 5 -H "Accept: $accept" -H 'Accept-Encoding: gzip' -o "$1" "$base/metrics"
}

now_ms() { echo $(($(date +%s%N) / 1000000)); }

log=$(mktemp)
body=$(mktemp)
pid=
stop() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$log" "$body"
}
trap stop EXIT

t0=$(now_ms)
"$root/bin/vigil-node-exporter" "--web.listen-address=127.0.0.1:$port" >"$log" 2>&1 &
pid=$!

healthy=
for _ in $(seq 300); do # at most about 30 s
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "exporter exited early:" >&2; cat "$log" >&2; exit 1
  fi
  if curl -fs -o /dev/null --max-time 1 "$base/-/healthy"; then healthy=$(now_ms); break; fi
  sleep 0.1
done
if [ -z "$healthy" ]; then echo "exporter not healthy after 30 s:" >&2; cat "$log" >&2; exit 1; fi

# utime + stime (fields 14 and 15 of /proc/PID/stat, after the parenthesised command name).
ticks=$(getconf CLK_TCK)
cpu() { sed 's/^.*) //' "/proc/$pid/stat" | awk -v hz="$ticks" '{ printf "%.2f s", ($12 + $13) / hz }'; }
cpu_healthy=$(cpu)

exe=$(readlink "/proc/$pid/exe")
case $exe in */java) ;; *) echo "PID $pid is $exe, not a JVM" >&2; exit 1 ;; esac

failures=0
first=
t1=$(now_ms)
for ((i = 1; i <= scrapes; i++)); do
  if scrape "$body"; then
    [ -n "$first" ] || first=$(now_ms)
  else
    failures=$((failures + 1))
  fi
done
t2=$(now_ms)
if [ -z "$first" ]; then echo "no scrape succeeded:" >&2; cat "$log" >&2; exit 1; fi
# The last response must be a gzipped exposition.
if ! gzip -dc "$body" | grep -q '^# TYPE '; then echo "last response is not a gzipped exposition" >&2; exit 1; fi

sleep "$idle"
status=/proc/$pid/status
field() { awk -v k="$1:" '$1 == k { printf "%.1f MiB (%s kB)", $2 / 1024, $2 }' "$status"; }
echo "java:                $exe"
echo "scrapes:             $scrapes ($failures failed) in $((t2 - t1)) ms"
echo "idle before reading: $idle s"
echo "launch to healthy:   $((healthy - t0)) ms"
echo "launch to 1st scrape: $((first - t0)) ms"
echo "VmRSS:               $(field VmRSS)"
echo "VmHWM:               $(field VmHWM)"
echo "RssAnon:             $(field RssAnon)"
echo "RssFile:             $(field RssFile)"
echo "Threads:             $(awk '$1 == "Threads:" { print $2 }' "$status")"
echo "JVM CPU (user+sys):  $cpu_healthy to healthy, $(cpu) at the end"
[ "$failures" -eq 0 ]
