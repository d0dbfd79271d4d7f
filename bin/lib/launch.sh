# shellcheck shell=bash
# Shared by the bin/vigil-* launchers: finds Java, locates the binary's jar (an installed package
# or a source checkout, building it there when it is missing or older than the sources) and execs
# the JVM, so the PID the caller sees is the JVM's.
#
# The caller sets: VIGIL_MODULE (e.g. node-exporter), VIGIL_JAR (e.g. vigil-node-exporter.jar),
# VIGIL_MAIN (main class), VIGIL_HEAP (e.g. 32m) and optionally VIGIL_EXTRA_JAVA_OPTS (array).
# The user may set JAVA_OPTS to add JVM flags (they come last and win).

vigil_launch() {
  local here root jar
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  root=$(cd "$here/../.." && pwd)
  # shellcheck source=find-java.sh
  . "$here/find-java.sh"
  # An installed package carries its own jlink'd runtime (<prefix>/jre), the one it was tested
  # with: it wins over JAVA_HOME and the PATH.
  if [ -z "${VIGIL_HOME:-}" ] && [ -x "$root/jre/bin/java" ]; then
    JAVA_HOME=$root/jre
  fi
  vigil_find_java || exit 1

  if [ -n "${VIGIL_HOME:-}" ]; then
    jar="$VIGIL_HOME/lib/$VIGIL_JAR"
  elif [ -f "$root/lib/$VIGIL_JAR" ]; then
    jar="$root/lib/$VIGIL_JAR"                       # installed layout: <prefix>/{bin,lib}
  else
    jar="$root/$VIGIL_MODULE/target/$VIGIL_JAR"      # source checkout
    if [ -f "$root/pom.xml" ] && vigil_needs_build "$root" "$jar"; then
      echo "vigil: building $VIGIL_MODULE (first run or sources changed)..." >&2
      JAVA_HOME=$VIGIL_JAVA_HOME mvn -q -B -f "$root/pom.xml" -DskipTests \
        -pl "$VIGIL_MODULE" -am package >&2 || { echo "vigil: build failed" >&2; exit 1; }
      # Maven keeps an unchanged jar's old time; mark this build so other modules' edits do not
      # trigger it again on every start.
      touch "$jar"
    fi
  fi
  if [ ! -f "$jar" ]; then
    echo "vigil: $jar not found" >&2
    exit 1
  fi

  # Small heap and SerialGC: an exporter's live set is a few MiB, and one GC thread keeps RSS low.
  # No CDS (-Xshare:off): since JDK 20 the JDK's archive is relocated at startup, which dirties
  # most of its 14 MiB privately, so it is neither shared nor cheap; without it RSS is 3 MiB lower
  # and time to the first scrape is the same (BENCHMARKS.md). Native heap trimming hands memory
  # glibc keeps after free() back to the OS every 5 s: 6 MiB less after 1,000 scrapes. Passed on
  # JDK 23+ only: early JDK 21 and 22 builds lack the flag or keep it experimental.
  local -a opts
  if [ "${VIGIL_PROFILE:-exporter}" = hub ]; then
    # The hub: C2 for the scrape and query paths; the collector in VIGIL_HUB_GC (measured in
    # BENCHMARKS.md, fleet benchmark); Chronicle Queue's module flags.
    local -a gc
    # Serial by default: at 200 targets x 1,000 series it spent the least CPU per sample and held
    # the least memory of Serial, Parallel and G1 (a small young generation keeps RSS close to the
    # live set); its full collections stop the world for a few hundred ms at that size, which a
    # 10 s scrape interval absorbs. -Xmn48m: -Xmn16m looked 30 MiB smaller 100 s after start but
    # was not at steady state (BENCHMARKS.md, young generation size). -Xms64m: the default initial heap (1/64 of RAM) is a floor the
    # heap never shrinks below, 384 MiB on a 24 GiB host. -ShrinkHeapInSteps: a full collection (the hub's HeapTrimmer
    # asks for one when the old generation holds far more than it keeps) shrinks the heap to its
    # free ratio at once instead of over four collections. Big fleets may prefer G1:
    # VIGIL_HUB_GC="-XX:+UseG1GC".
    read -r -a gc <<<"${VIGIL_HUB_GC:--XX:+UseSerialGC -Xms64m -Xmn48m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:-ShrinkHeapInSteps}"
    opts=(
      "-Xmx${VIGIL_HEAP}" "${gc[@]}"
      -XX:-UsePerfData -Djava.net.preferIPv6Addresses=false
      --enable-native-access=ALL-UNNAMED
      --add-exports=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
      --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
      -Dchronicle.analytics.disable=true
    )
  else
    opts=(
      -Xms8m "-Xmx${VIGIL_HEAP}" -XX:+UseSerialGC -Xss512k
      -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=32m -XX:TieredStopAtLevel=1
      -XX:CICompilerCount=1 -XX:-UsePerfData -Xshare:off
      -Djava.net.preferIPv6Addresses=false
      --enable-native-access=ALL-UNNAMED
    )
  fi
  if [ "${VIGIL_JAVA_FEATURE:-0}" -ge 23 ]; then
    opts+=(-XX:TrimNativeHeapInterval=5000)
    # Chronicle Queue and aircompressor use sun.misc.Unsafe; JDK 23+ asks for consent.
    if [ "${VIGIL_PROFILE:-exporter}" = hub ]; then
      opts+=(--sun-misc-unsafe-memory-access=allow)
    fi
  fi
  if [ -n "${VIGIL_EXTRA_JAVA_OPTS+x}" ]; then
    opts+=("${VIGIL_EXTRA_JAVA_OPTS[@]}")
  fi
  # shellcheck disable=SC2206
  local -a user_opts=(${JAVA_OPTS:-})
  exec "$VIGIL_JAVA_HOME/bin/java" "${opts[@]}" "${user_opts[@]}" -cp "$jar" "$VIGIL_MAIN" "$@"
}

vigil_needs_build() {
  local root=$1 jar=$2
  [ -f "$jar" ] || return 0
  # Any source or POM newer than the jar means the checkout moved on since the last build.
  [ -n "$(find "$root" -path '*/target' -prune -o \( -name '*.java' -o -name 'pom.xml' -o \
           -path '*/src/main/resources/*' \) -type f -newer "$jar" -print -quit 2>/dev/null)" ]
}
