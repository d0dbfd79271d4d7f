# shellcheck shell=bash
# Sourced by Vigil's launchers: finds a JDK (or JRE) whose feature version is >= VIGIL_MIN_JAVA
# and sets VIGIL_JAVA_HOME to it. Order: $JAVA_HOME, `java` on PATH, then the distribution's JVM
# directories (newest first). Prints nothing on success. Also sets VIGIL_JAVA_FEATURE (e.g. 25).

VIGIL_MIN_JAVA=${VIGIL_MIN_JAVA:-21}

vigil_java_feature() {
  # Prints the feature version (17, 21, 25, ...) of the java binary given, or nothing.
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

vigil_java_ok() {
  # On success also sets VIGIL_JAVA_FEATURE, so the launchers can pick version-specific flags.
  local home=$1 feature
  [ -x "$home/bin/java" ] || return 1
  feature=$(vigil_java_feature "$home/bin/java")
  [ -n "$feature" ] && [ "$feature" -ge "$VIGIL_MIN_JAVA" ] || return 1
  VIGIL_JAVA_FEATURE=$feature
}

vigil_find_java() {
  local candidate
  if [ -n "${JAVA_HOME:-}" ] && vigil_java_ok "$JAVA_HOME"; then
    VIGIL_JAVA_HOME=$JAVA_HOME
    return 0
  fi
  if command -v java >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    if vigil_java_ok "$candidate"; then
      VIGIL_JAVA_HOME=$candidate
      return 0
    fi
  fi
  # Newest first: sort the directory names by the version number they carry.
  for candidate in $(ls -d /usr/lib/jvm/*/ /usr/java/*/ /opt/java/*/ 2>/dev/null |
                     sed 's:/$::' | awk -F/ '{ v=$NF; gsub(/[^0-9.]/, " ", v); split(v, a, " ");
                       n=0; for (i in a) if (a[i]+0 > n) n=a[i]+0; print n "\t" $0 }' |
                     sort -rn | cut -f2); do
    if vigil_java_ok "$candidate"; then
      VIGIL_JAVA_HOME=$candidate
      return 0
    fi
  done
  echo "vigil: no Java $VIGIL_MIN_JAVA or newer found; install one or set JAVA_HOME" >&2
  return 1
}
