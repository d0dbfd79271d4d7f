#!/usr/bin/env bash
# Coverage-guided fuzzing (Jazzer) of the parsers that take outside input: each fuzz target in
# turn, SECONDS_PER_TARGET each, then a line per target: executions, coverage, crashes found.
#
# Usage: bench/fuzz.sh [SECONDS_PER_TARGET (default 60)] [TARGET_FILTER (substring, default all)]
#
# Each target is one @FuzzTest method, run by Maven (offline) with JAZZER_FUZZ=1, one after another.
# A crashing input is written to the target's Inputs directory under src/test/resources (named
# crash-<sha1>); from then on a plain `bin/mvn test` replays it, so fix the defect and keep the
# file. The corpus each run grows is kept in <module>/.cifuzz-corpus/ (git-ignored) and seeds the
# next run. See bench/FUZZING.md.
set -euo pipefail
seconds=${1:-60}
filter=${2:-}
case $seconds in '' | *[!0-9]*) echo "SECONDS_PER_TARGET must be a number" >&2; exit 2 ;; esac
# shellcheck source=lib/bench.sh
. "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib/bench.sh"
# On a machine where several people build, VIGIL_BUILD_LOCK names the lock file that serialises
# builds; each target's Maven run holds it.
locked() {
  if [[ -n ${VIGIL_BUILD_LOCK:-} ]]; then flock "$VIGIL_BUILD_LOCK" "$@"; else "$@"; fi
}

# module  class (in that module's test sources)  method
targets=(
  "metrics-model dev.vigil.model.exposition.ExpositionParserFuzzTest promText"
  "metrics-model dev.vigil.model.exposition.ExpositionParserFuzzTest openMetrics"
  "metrics-model dev.vigil.model.exposition.ExpositionParserFuzzTest textFormat"
  "promql dev.vigil.promql.parser.PromqlParserFuzzTest parseExpr"
  "promql dev.vigil.promql.parser.PromqlParserFuzzTest parseMetricSelector"
  "exporter-core dev.vigil.exporter.webconfig.WebConfigFuzzTest parse"
  "alerting dev.vigil.alerting.am.config.AlertmanagerConfigFuzzTest parse"
  "alerting dev.vigil.alerting.rules.RuleFileFuzzTest parse"
  "hub dev.vigil.hub.config.HubConfigFuzzTest parse"
  "hub dev.vigil.hub.remote.WriteRequestDecoderFuzzTest snappyBody"
  "hub dev.vigil.hub.remote.WriteRequestDecoderFuzzTest protobuf"
)

printf '%-60s %12s %8s %6s %8s  %s\n' target executions seconds cov ft crashes
failed=0
for t in "${targets[@]}"; do
  read -r module class method <<<"$t"
  name="$module ${class##*.}#$method"
  if [[ -n $filter && $name != *"$filter"* ]]; then continue; fi
  log="$work/${class##*.}-$method.log"
  inputs="$module/src/test/resources/${class//.//}Inputs/$method"
  before=$(ls "$inputs" 2>/dev/null | grep -c '^crash-' || true)
  # Jazzer 0.24 takes the run's length only from @FuzzTest(maxDuration) or from libFuzzer flags
  # passed as jazzer.internal.arg.N (0 is argv[0]); those come last, so they win. -timeout is the
  # per-input limit in seconds: an input that takes longer is a finding (a hang).
  rc=0
  JAZZER_FUZZ=1 locked bin/mvn -q -B -o -pl "$module" -am test \
    -Dtest="${class##*.}#$method" -Dsurefire.failIfNoSpecifiedTests=false -Dvigil.fuzz.regression=NONE \
    -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_total_time="$seconds" \
    -Djazzer.internal.arg.2=-timeout=10 \
    >"$log" 2>&1 || rc=$?
  after=$(ls "$inputs" 2>/dev/null | grep -c '^crash-' || true)
  done_line=$(grep -a -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)
  last=$(grep -a -E '^#[0-9]+[[:space:]]' "$log" | tail -1 || true)
  [[ -n $done_line ]] || done_line=$last
  execs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
  secs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\2/p' "$log" | tail -1)
  [[ -n $execs ]] || execs=$(sed -n 's/^#\([0-9]*\).*/\1/p' <<<"$last")
  cov=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<<"$done_line")
  ft=$(sed -n 's/.*ft: \([0-9]*\).*/\1/p' <<<"$done_line")
  crashes=$((after - before))
  note=$crashes
  if [[ $rc -ne 0 ]]; then
    failed=1
    finding=$(grep -a -m1 -E 'FuzzTestFindingException|TimeoutException|Caused by' -A1 "$log" | tr '\n' ' ' | cut -c1-160)
    note="$crashes (failed: ${finding:-see log}); log kept in bench/fuzz-${class##*.}-$method.log"
    cp "$log" "bench/fuzz-${class##*.}-$method.log"
  fi
  printf '%-60s %12s %8s %6s %8s  %s\n' "$name" "${execs:-?}" "${secs:-?}" "${cov:-?}" "${ft:-?}" "$note"
done
exit $failed
