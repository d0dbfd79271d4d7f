# Sourced by the benchmark scripts: moves to the project root, finds the JDK (JAVA), makes a work
# directory (work) removed at exit, and kills the processes listed in `pids` at exit.
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.."
# shellcheck source=../../bin/lib/find-java.sh
. bin/lib/find-java.sh
vigil_find_java
JAVA="$VIGIL_JAVA_HOME/bin/java"
work=$(mktemp -d)
pids=()
bench_cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap bench_cleanup EXIT
# The flags Chronicle Queue needs on this JDK (as bin/lib/launch.sh gives the hub).
CHRONICLE_FLAGS=(--add-exports=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED -Dchronicle.analytics.disable=true)
