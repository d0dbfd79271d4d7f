#!/usr/bin/env bash
# The container exporter with 50 containers running, next to cAdvisor when one is installed (see
# BENCHMARKS.md, "Container exporter vs cAdvisor, 50 containers"):
#
#   bench/container-bench.sh [CONTAINERS (default 50)] [SCRAPES (default 200)] [ROUNDS (default 3)]
#
# Builds nothing: run `bin/mvn -B -o package -DskipTests` first (the container-exporter jar and its
# lib/ are copied and run as they are, so a build or edit during the run changes nothing). Needs a Docker engine
# (see container-exporter/src/test/docker/README.md) and the load image, which
# container-exporter/src/test/docker/build-test-image.sh builds locally (no registry).
#
# Starts CONTAINERS containers of the load image in `sleep` mode (--network none, 48 MiB memory
# limit each), then per round starts the exporter (bin/vigil-container-exporter, its launcher's JVM
# flags) and cAdvisor when found, waits until each lists every container, scrapes each 10 times to
# warm up, then SCRAPES times, one scrape of each every INTERVAL seconds (default 0.1), with curl and
# Prometheus' headers (gzip). Per exporter and round it prints:
#   cpu_ms        process CPU (utime + stime from /proc/PID/stat) during the scrapes only, summed
#                 over the scrapes and divided by their number: what answering a scrape costs;
#   window_cpu_ms all the process' CPU over the whole window (first scrape to last) divided by the
#                 scrapes: adds the work done between scrapes (cAdvisor's housekeeping collects
#                 every container on its own timer; the exporter refreshes runtime lists);
#   idle_cpu_pct  CPU between scrapes, as a percentage of one core over the window;
#   sys_share_pct the kernel's share (stime) of the window's CPU;
#   p50_ms/p99_ms curl's time_total;
#   gzip_bytes    bytes on the wire for the last scrape, body_bytes and series (sample lines) of its
#                 decompressed body, and ids, the distinct `id` label values (cgroups exported);
#   rss_mib       VmRSS right after the scrapes, rss_idle_mib after IDLE_SECONDS more (default 6),
#                 hwm_mib VmHWM (peak).
# Then the medians over the rounds and, with cAdvisor, the ratio vigil / cadvisor.
#
# cAdvisor: CADVISOR=path, else `cadvisor` on PATH; without one only the exporter is measured. It is
# a Debian/Ubuntu package in some releases (apt-get install cadvisor; bookworm has none) and a
# static binary on its project's releases page. It runs with flags that make the two comparable:
# every cgroup, not only Docker's (--docker_only=false), every container label (both get
# --store_container_labels), housekeeping every CADVISOR_HOUSEKEEPING (default 10s, the kubelet's
# setting; cAdvisor's own default is 1s), loopback only. Its web UI cannot be switched off; nothing
# here requests it.
#
# Everything started here (containers labelled dev.vigil.bench=<this shell's pid>, exporters) is
# removed on exit, also on Ctrl-C or an error.
set -euo pipefail
containers=${1:-50}
scrapes=${2:-200}
rounds=${3:-3}
interval=${INTERVAL:-0.1}
idle=${IDLE_SECONDS:-6}
housekeeping=${CADVISOR_HOUSEKEEPING:-10s}
vigil_port=${VIGIL_PORT:-29101}
cadvisor_port=${CADVISOR_PORT:-29180}
for n in "$containers" "$scrapes" "$rounds" "$vigil_port" "$cadvisor_port"; do
  case $n in '' | *[!0-9]*) echo "CONTAINERS, SCRAPES, ROUNDS and ports must be numbers" >&2; exit 2 ;; esac
done

root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
jar=$root/container-exporter/target/vigil-container-exporter.jar
# shellcheck source=../bin/lib/launch.sh
. "$root/bin/lib/launch.sh"
[ -f "$jar" ] || { echo "$jar is missing: run bin/mvn -B -o package -DskipTests first" >&2; exit 1; }
if vigil_needs_build "$root" "$jar"; then
  echo "warning: some source or pom.xml is newer than $jar; measuring the jar as built" >&2
fi
cadvisor=${CADVISOR:-$(command -v cadvisor || true)}
docker info >/dev/null 2>&1 || { echo "no Docker engine answers (see container-exporter/src/test/docker/README.md)" >&2; exit 1; }
for port in "$vigil_port" "$cadvisor_port"; do
  if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/"; then
    echo "something already listens on 127.0.0.1:$port (VIGIL_PORT / CADVISOR_PORT pick others)" >&2
    exit 1
  fi
done

work=$(mktemp -d)
tag=dev.vigil.bench=$$
declare -A pids=()
stop_exporters() {
  local name
  for name in "${!pids[@]}"; do
    kill "${pids[$name]}" 2>/dev/null || true
    wait "${pids[$name]}" 2>/dev/null || true
  done
  pids=()
}
cleanup() {
  stop_exporters
  docker ps -aq --filter "label=$tag" | xargs -r docker rm -f >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A private copy of the jar (and the lib/ its manifest's Class-Path names) under VIGIL_HOME: the
# launcher then neither rebuilds nor sees a jar replaced by a concurrent build.
mkdir -p "$work/lib"
cp "$jar" "$work/lib/"
cp -r "$(dirname "$jar")/lib" "$work/lib/"

image=$("$root/container-exporter/src/test/docker/build-test-image.sh")
echo "image $image; starting $containers containers" >&2
seq 1 "$containers" | xargs -P 4 -I{} docker run -d --rm --name "vbench-$$-{}" --label "$tag" \
  --network none -m 48m "$image" sleep 3600 >/dev/null
# Each runs a small JVM: wait until all are up and idle so their start does not weigh on round 1.
for _ in $(seq 120); do
  ready=0
  for id in $(docker ps -q --filter "label=$tag"); do
    if docker logs "$id" 2>&1 | grep -q '^ready'; then ready=$((ready + 1)); fi
  done
  [ "$ready" -eq "$containers" ] && break
  sleep 1
done
[ "$ready" -eq "$containers" ] || { echo "only $ready of $containers containers are ready" >&2; exit 1; }

accept='application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1'
declare -A ports=([vigil]=$vigil_port [cadvisor]=$cadvisor_port)
names=(vigil)
[ -n "$cadvisor" ] && names+=(cadvisor)

start() { # NAME
  case $1 in
    vigil)
      VIGIL_HOME=$work "$root/bin/vigil-container-exporter" "--web.listen-address=127.0.0.1:$vigil_port" \
        --store_container_labels --log.level=warn >"$work/vigil.log" 2>&1 &
      ;;
    cadvisor)
      "$cadvisor" -listen_ip=127.0.0.1 -port="$cadvisor_port" --docker_only=false \
        --housekeeping_interval="$housekeeping" --store_container_labels=true -logtostderr -v=0 \
        >"$work/cadvisor.log" 2>&1 &
      ;;
  esac
  pids[$1]=$!
}

# Sets REPLY to the process' CPU time so far in clock ticks (utime + stime), REPLY_SYS to stime,
# without forking.
cpu_ticks() {
  local line
  read -r line <"/proc/$1/stat"
  local -a f
  read -r -a f <<<"${line##*) }"
  REPLY=$((f[11] + f[12]))
  REPLY_SYS=${f[12]}
}

scrape() { # NAME OUTPUT: prints "time_total size_download"
  curl -fsS --max-time 10 --compressed -H "Accept: $accept" -H 'X-Prometheus-Scrape-Timeout-Seconds: 10' \
    -o "$2" -w '%{time_total} %{size_download}\n' "http://127.0.0.1:${ports[$1]}/metrics"
}

listed() { # FILE: how many of our containers the exposition names
  { grep -o "name=\"vbench-$$-[0-9]*\"" "$1" || true; } | sort -u | wc -l
}

ticks_per_s=$(getconf CLK_TCK)
results=$work/results
for round in $(seq "$rounds"); do
  for name in "${names[@]}"; do start "$name"; done
  for name in "${names[@]}"; do
    seen=0
    for _ in $(seq 600); do # at most about 60 s
      kill -0 "${pids[$name]}" 2>/dev/null || { echo "$name exited:" >&2; cat "$work/$name.log" >&2; exit 1; }
      if scrape "$name" "$work/$name.body" >/dev/null 2>&1; then
        seen=$(listed "$work/$name.body")
        [ "$seen" -eq "$containers" ] && break
      fi
      sleep 0.1
    done
    [ "$seen" -eq "$containers" ] || { echo "$name lists $seen of $containers containers" >&2; exit 1; }
    for _ in $(seq 10); do scrape "$name" /dev/null >/dev/null; done
  done

  declare -A in_scrape=() before=() window0=() sys0=() rss=()
  for name in "${names[@]}"; do
    in_scrape[$name]=0
    : >"$work/$name.times"
    cpu_ticks "${pids[$name]}"; window0[$name]=$REPLY; sys0[$name]=$REPLY_SYS
  done
  t0=$(date +%s%N)
  for ((i = 0; i < scrapes; i++)); do
    for name in "${names[@]}"; do
      cpu_ticks "${pids[$name]}"; before[$name]=$REPLY
      scrape "$name" "$work/$name.body" >>"$work/$name.times"
      cpu_ticks "${pids[$name]}"; in_scrape[$name]=$((in_scrape[$name] + REPLY - before[$name]))
    done
    sleep "$interval"
  done
  t1=$(date +%s%N)
  declare -A window=() sys=()
  for name in "${names[@]}"; do
    cpu_ticks "${pids[$name]}"; window[$name]=$((REPLY - window0[$name])); sys[$name]=$((REPLY_SYS - sys0[$name]))
    rss[$name]=$(awk '$1 == "VmRSS:" { print $2 }' "/proc/${pids[$name]}/status")
  done
  sleep "$idle" # the launcher's JVM trims its native heap every 5 s; RSS is read again after that
  for name in "${names[@]}"; do
    pid=${pids[$name]}
    body=$work/$name.body
    python3 - "$name" "$round" "$work/$name.times" "$body" "$pid" "${in_scrape[$name]}" "${window[$name]}" \
      "$ticks_per_s" "$((t1 - t0))" "${sys[$name]}" "${rss[$name]}" >>"$results" <<'PY'
import json, re, sys
name, rnd, times, body, pid = sys.argv[1:6]
in_scrape, window, hz, wall_ns, sys_ticks, rss_kib = (int(x) for x in sys.argv[6:12])
rows = [line.split() for line in open(times)]
lat = sorted(float(t) * 1000 for t, _ in rows)
n = len(lat)
text = open(body, encoding="utf-8").read()
series = sum(1 for line in text.splitlines() if line and not line.startswith("#"))
ids = len(set(re.findall(r'[{,]id="([^"]*)"', text)))
def status(key):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
print(name, json.dumps({
    "round": int(rnd),
    "cpu_ms": in_scrape * 1000 / hz / n,
    "window_cpu_ms": window * 1000 / hz / n,
    "idle_cpu_pct": (window - in_scrape) / hz / (wall_ns / 1e9) * 100,
    "sys_share_pct": sys_ticks / window * 100 if window else 0,
    "p50_ms": lat[n // 2], "p99_ms": lat[min(n - 1, int(n * 0.99))],
    "gzip_bytes": int(rows[-1][1]), "body_bytes": len(text.encode()), "series": series, "ids": ids,
    "rss_mib": rss_kib / 1024, "rss_idle_mib": status("VmRSS"), "hwm_mib": status("VmHWM"),
}))
PY
    echo "round $round: $(tail -n 1 "$results")" >&2
  done
  stop_exporters
done

python3 - "$results" "$containers" "$scrapes" <<'PY'
import json, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, payload = line.split(" ", 1)
    rows.setdefault(name, []).append(json.loads(payload))
keys = ["cpu_ms", "window_cpu_ms", "idle_cpu_pct", "sys_share_pct", "p50_ms", "p99_ms", "gzip_bytes", "body_bytes",
        "series", "ids", "rss_mib", "rss_idle_mib", "hwm_mib"]
names = [n for n in ("vigil", "cadvisor") if n in rows]
print(f"{sys.argv[2]} containers, {sys.argv[3]} scrapes per round")
print("| exporter | round | " + " | ".join(keys) + " |")
print("|---" * (len(keys) + 2) + "|")
fmt = lambda v: f"{v:,.0f}" if v >= 1000 or float(v).is_integer() else f"{v:.2f}"
for n in names:
    for r in rows[n]:
        print(f"| {n} | {r['round']} | " + " | ".join(fmt(r[k]) for k in keys) + " |")
    print(f"| {n} | median | " + " | ".join(fmt(statistics.median(r[k] for r in rows[n])) for k in keys) + " |")
if len(names) == 2:
    med = {n: {k: statistics.median(r[k] for r in rows[n]) for k in keys} for n in names}
    print("| vigil / cadvisor | | " + " | ".join(
        f"{med['vigil'][k] / med['cadvisor'][k]:.2f}" if med["cadvisor"][k] else "-" for k in keys) + " |")
PY
