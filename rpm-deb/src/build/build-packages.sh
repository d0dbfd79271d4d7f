#!/usr/bin/env bash
# Maven's package step for rpm-deb: the runtime (once), then each package staged and its .rpm
# built; jdeb (the next plugin in the POM) then writes the .debs from the same staging.
#
# Usage: build-packages.sh REPO TARGET MAVEN_VERSION
set -euo pipefail

repo=$1
target=$2
maven_version=$3
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# 0.1.0-SNAPSHOT -> 0.1.0~snapshot (as jdeb names the file): a snapshot sorts before its
# release, in dpkg and in rpm.
version=${maven_version/-/\~}
version=${version,,}
revision=$(git -C "$repo" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
# Reproducible times: the last commit's, else a fixed one.
epoch=$(git -C "$repo" log -1 --format=%ct 2>/dev/null || echo 1767225600)

VIGIL_MIN_JAVA=21
# shellcheck source=../../../bin/lib/find-java.sh
. "$repo/bin/lib/find-java.sh"
vigil_find_java
"$here/runtime.sh" "$VIGIL_JAVA_HOME" "$target/runtime"

for pkg in vigil-node-exporter vigil-container-exporter vigil-jvm-exporter vigil-hub; do
  echo "rpm-deb: staging $pkg $version" >&2
  "$here/stage.sh" "$repo" "$target" "$pkg" "$version" "$revision" "$epoch"
  "$here/rpm.sh" "$repo" "$target" "$pkg" "$version" 1 "$epoch"
done
echo "version=$version" >"$target/stage/version.properties"
