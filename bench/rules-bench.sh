#!/usr/bin/env bash
# Rule evaluation cost on the hub: 1,000 recording and alerting rules over 200 node_exporter-shaped
# hosts, every 15 s.
#
#   bench/rules-bench.sh [HOSTS] [RULES] [NGROUPS] [MEASURE_S]
#
# Loads 30 minutes of the QueryBench fleet (ending now) into a hub by remote write, starts its rule
# groups (RULES rules spread over NGROUPS groups, half recording, half alerting, all with
# interval 15s) and after MEASURE_S seconds reads each group's last evaluation time from
# /api/v1/rules: the sum is the work of one round, the largest group its worst lag.
# Needs a built project (bin/mvn -B -o package -DskipTests).
set -euo pipefail
# shellcheck source=lib/bench.sh
. "$(dirname "$(readlink -f "$0")")/lib/bench.sh"
HOSTS=${1:-200}
RULES=${2:-1000}
NGROUPS=${3:-10}
MEASURE=${4:-60}

# Rules like a node dashboard's and alert set: rates and ratios by instance, thresholds.
{
  echo "groups:"
  per=$((RULES / NGROUPS))
  for g in $(seq 1 "$NGROUPS"); do
    echo "  - name: g$g"
    echo "    interval: 15s"
    echo "    rules:"
    for r in $(seq 1 "$per"); do
      case $((r % 6)) in
        0) echo "      - record: instance:cpu_busy:rate1m_${g}_$r"
           echo "        expr: sum by (instance) (rate(node_cpu_seconds_total{mode!=\"idle\"}[1m]))" ;;
        1) echo "      - record: instance:net_rx:rate5m_${g}_$r"
           echo "        expr: sum by (instance) (rate(node_network_receive_bytes_total[5m]))" ;;
        2) echo "      - record: instance:mem_avail:ratio_${g}_$r"
           echo "        expr: node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes" ;;
        3) echo "      - alert: HighLoad_${g}_$r"
           echo "        expr: node_load1 > $((r % 4 + 1))"
           echo "        for: 1m" ;;
        4) echo "      - alert: DiskFull_${g}_$r"
           echo "        expr: node_filesystem_avail_bytes / node_filesystem_size_bytes < 0.$((r % 9 + 1))"
           echo "        for: 5m" ;;
        5) echo "      - alert: HostDown_${g}_$r"
           echo "        expr: up == 0" ;;
      esac
    done
  done
} >"$work/rules.yml"
printf 'global:\n  evaluation_interval: 15s\nrule_files: [rules.yml]\nscrape_configs: []\n' >"$work/hub.yml"

VIGIL_HEAP="${VIGIL_HEAP:-2g}" bin/vigil-hub --log.level=warn --config.file="$work/hub.yml" \
  --storage.tsdb.path="$work/hub" --web.listen-address=127.0.0.1:29191 >"$work/hub.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do curl -sf http://127.0.0.1:29191/-/ready >/dev/null && break; sleep 1; done
end=$(( $(date +%s) * 1000 ))
"$JAVA" -Xmx3g -cp bench/target/bench.jar dev.vigil.bench.QueryBench load \
  "$HOSTS" 30 "$end" http://127.0.0.1:29191/api/v1/write | tail -1
sleep "$MEASURE"
curl -s http://127.0.0.1:29191/api/v1/rules >"$work/rules.json"
cp "$work/rules.json" "${RULES_JSON_COPY:-/dev/null}" 2>/dev/null || true
python3 -c '
import json, sys
groups = json.load(open(sys.argv[1]))["data"]["groups"]
times = [g["evaluationTime"] for g in groups]
rules = sum(len(g["rules"]) for g in groups)
bad = [r["lastError"] for g in groups for r in g["rules"] if r.get("health") != "ok"]
alerts = sum(len(r.get("alerts", [])) for g in groups for r in g["rules"])
print(f"{len(groups)} groups, {rules} rules, {alerts} active alerts, unhealthy rules: {len(bad)} {bad[:1]}")
print(f"one round of every group: {sum(times)*1000:.0f} ms of evaluation; slowest group {max(times)*1000:.0f} ms; interval 15000 ms")
' "$work/rules.json"
echo "hub CPU: $(awk -v t="$(getconf CLK_TCK)" '{ printf "%.1f s", ($14 + $15) / t }' "/proc/${pids[0]}/stat") in total; RSS $(awk '/^VmRSS/ { printf "%.0f MiB", $2 / 1024 }' "/proc/${pids[0]}/status")"
