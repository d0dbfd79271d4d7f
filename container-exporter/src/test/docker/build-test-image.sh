#!/usr/bin/env bash
# Builds Vigil's container test image locally (no registry is needed or reachable): a jlinked
# java.base runtime, the glibc pieces it loads, minimal /etc files, /tmp, and the Load program
# (load/Load.java) in /opt/load. The tag is a hash of what goes in (this script, Load.java, the
# JDK's version), so an unchanged image is not rebuilt: the script then only prints the tag.
#
# Usage: build-test-image.sh   (JAVA_HOME picks the JDK; else the repo's bin/lib/find-java.sh)
# Prints the image reference (vigil/container-load:<hash>) on stdout; progress goes to stderr.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
module=$(cd "$here/../../.." && pwd)
repo=$(cd "$module/.." && pwd)
repository=vigil/container-load

VIGIL_MIN_JAVA=21
# shellcheck source=../../../../bin/lib/find-java.sh
. "$repo/bin/lib/find-java.sh"
vigil_find_java
jdk=$VIGIL_JAVA_HOME

runtime_version=$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"$/\1/p' "$jdk/release")
hash=$( { cat "${BASH_SOURCE[0]}" "$here/load/Load.java"; echo "$runtime_version"; } |
  sha256sum | cut -c1-12)
image=$repository:$hash

work=$module/target/test-image
mkdir -p "$work"
# Two builds at once (two Maven JVMs) would race on the work directory: one waits for the other.
exec 9>"$work/build.lock"
flock 9

if docker image inspect "$image" >/dev/null 2>&1; then
  echo "$image"
  exit 0
fi

echo "building $image from JDK $runtime_version" >&2
rootfs=$work/rootfs
rm -rf "$rootfs"
mkdir -p "$rootfs"

# java.base and jdk.unsupported (O_DIRECT) are all Load needs; no debug symbols, headers or man pages keep the image small.
"$jdk/bin/jlink" --add-modules java.base,jdk.unsupported --strip-debug --no-header-files --no-man-pages \
  --compress=zip-6 --output "$rootfs/opt/jre"

# The shared libraries the runtime loads, at the paths the host's loader finds them, plus the
# loader itself and the NSS modules glibc opens at run time (they do not show up in ldd).
libs=$(find "$rootfs/opt/jre" \( -name java -o -name '*.so' \) -type f -exec ldd {} + 2>/dev/null |
  awk '/=> \// { print $3 } /^[[:space:]]*\/[^ ]*ld-linux/ { print $1 }' | sort -u)
multiarch=$(dirname "$(ldd "$rootfs/opt/jre/bin/java" | awk '/libc\.so/ { print $3 }')")
for extra in libnss_files.so.2 libnss_dns.so.2 libresolv.so.2; do
  if [[ -e $multiarch/$extra ]]; then
    libs+=$'\n'"$multiarch/$extra"
  fi
done
for lib in $libs; do
  mkdir -p "$rootfs$(dirname "$lib")"
  cp -L "$lib" "$rootfs$lib"
done

mkdir -p "$rootfs/etc" "$rootfs/tmp" "$rootfs/root"
chmod 1777 "$rootfs/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n' \
  >"$rootfs/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$rootfs/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$rootfs/etc/nsswitch.conf"

# Compiled for the oldest JDK the build allows, so it runs on whichever runtime was linked.
"$jdk/bin/javac" --release "$VIGIL_MIN_JAVA" -d "$rootfs/opt/load" "$here/load/Load.java"

# A small heap and serial GC keep the JVM's own footprint (~30 MiB) well under the tests' memory
# limits; the loads allocate off-heap, which only the cgroup limit caps.
entrypoint='["/opt/jre/bin/java", "-XX:+UseSerialGC", "-Xmx16m", "-XX:MaxDirectMemorySize=64g",'
entrypoint+=' "-XX:TieredStopAtLevel=1", "-cp", "/opt/load", "Load"]'
tar -C "$rootfs" --numeric-owner --owner=0 --group=0 -c . |
  docker import \
    -c 'ENV PATH=/opt/jre/bin' \
    -c "ENTRYPOINT $entrypoint" \
    -c 'CMD ["sleep", "60"]' \
    -c "LABEL dev.vigil.test-image=$repository" \
    - "$image" >/dev/null
rm -rf "$rootfs"

# Older builds of this image are garbage now; an image a container still uses stays.
docker images "$repository" --format '{{.Repository}}:{{.Tag}}' | grep -vx "$image" |
  xargs -r docker rmi >/dev/null 2>&1 || true

echo "$image"
