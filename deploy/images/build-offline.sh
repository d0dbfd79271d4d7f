#!/usr/bin/env bash
# Builds Vigil's container image without a registry: `docker import` of a root filesystem made on
# this machine (no base image is pulled). What goes in:
#   /usr/lib/vigil/jre         a jlink'd runtime with the modules every Vigil binary needs (jdeps)
#   /usr/lib/vigil/bin/        the repository's launchers (bin/vigil-*, bin/lib/*.sh), unchanged
#   /usr/lib/vigil/lib/        each binary's jar, the -javaagent jar, and their runtime jars in lib/
#   /usr/lib/vigil/lib/native  JNA's libjnidispatch.so, unpacked (JAVA_OPTS=-Djna.boot.library.path=...)
#   /usr/bin/vigil-*           symlinks to the launchers (they resolve their own path with readlink -f)
#   bash, dirname, readlink, sed and head (what the launchers run), the glibc pieces the JVM and
#   those tools load, the NSS modules, /etc/passwd with root and nobody (65534), /tmp.
# The launchers find the runtime through JAVA_HOME and the jars through their installed layout
# (<prefix>/{bin,lib}), so a container runs exactly what bin/vigil-* runs on a VM, JVM flags included.
#
# Usage: build-offline.sh [--no-build] [component...]
#   components: node-exporter container-exporter jvm-exporter hub (default: all four)
#   All four (the default): image vigil/vigil:<tag>, no entrypoint; a container names its binary
#   (`docker run vigil/vigil:<tag> vigil-node-exporter --help`, or `command:` in Kubernetes).
#   One component: image vigil/<component>:<tag> with that binary as its entrypoint.
#   --no-build: use the jars already in <module>/target/ (fail if missing) instead of running
#   `bin/mvn -q -B -o package -DskipTests -pl <modules> -am` first (tests run inside Maven use it).
# The tag is a hash of what goes in (this script, the launchers, the jars, the JDK's version), so
# an unchanged image is not rebuilt. Prints the image reference on stdout; progress goes to stderr.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
all=(node-exporter container-exporter jvm-exporter hub)
# The modules every Vigil runtime holds (shared with the packages; the file says where they come from).
modules=$(grep -v '^#' "$repo/bin/lib/runtime-modules" | paste -sd, -)

build=true
components=()
for arg in "$@"; do
  case $arg in
    --no-build) build=false ;;
    node-exporter|container-exporter|jvm-exporter|hub) components+=("$arg") ;;
    -h|--help) sed -n '2,25p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-offline.sh: unknown component or option '$arg' (one of: ${all[*]}, --no-build)" >&2; exit 2 ;;
  esac
done
if [[ ${#components[@]} -eq 0 ]]; then
  components=("${all[@]}")
fi
if [[ ${#components[@]} -eq 1 ]]; then
  repository=vigil/${components[0]}
else
  repository=vigil/vigil
fi

# shellcheck source=../../bin/lib/find-java.sh
. "$repo/bin/lib/find-java.sh"
vigil_find_java
jdk=$VIGIL_JAVA_HOME
if [[ ! -x $jdk/bin/jlink ]]; then
  echo "build-offline.sh: $jdk has no jlink; set JAVA_HOME to a JDK (21 or newer)" >&2
  exit 1
fi

if $build; then
  list=$(IFS=,; echo "${components[*]}")
  echo "building $list with Maven (offline)" >&2
  "$repo/bin/mvn" -q -B -o package -DskipTests -pl "$list" -am >&2
fi

jars=()
for c in "${components[@]}"; do
  jar=$repo/$c/target/vigil-$c.jar
  if [[ ! -f $jar || ! -d $repo/$c/target/lib ]]; then
    echo "build-offline.sh: $jar or its lib/ is missing; build it (bin/mvn -q -B -o package -DskipTests -pl $c -am)" >&2
    exit 1
  fi
  jars+=("$jar" "$repo/$c/target/lib"/*.jar)
  if [[ $c == jvm-exporter ]]; then
    jars+=("$repo/jvm-exporter/target/vigil-jvm-agent.jar")
  fi
done

runtime_version=$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"$/\1/p' "$jdk/release")
hash=$( {
  cat "${BASH_SOURCE[0]}" "$repo/bin/lib/launch.sh" "$repo/bin/lib/find-java.sh" "$repo/bin/lib/runtime-modules"
  for c in "${components[@]}"; do cat "$repo/bin/vigil-$c"; done
  sha256sum "${jars[@]}" | sed "s: $repo/: :"
  echo "$runtime_version ${components[*]}"
} | sha256sum | cut -c1-12)
image=$repository:$hash

work=$repo/deploy/target/image
mkdir -p "$work"
# Two builds at once (two test JVMs) would race on the work directory: one waits for the other.
exec 9>"$work/build.lock"
flock 9

if docker image inspect "$image" >/dev/null 2>&1; then
  echo "$image"
  exit 0
fi

echo "building $image (${components[*]}) from JDK $runtime_version" >&2
rootfs=$work/rootfs
rm -rf "$rootfs"
prefix=$rootfs/usr/lib/vigil
mkdir -p "$prefix/bin/lib" "$prefix/lib/lib" "$rootfs/usr/bin" "$rootfs/bin"

"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress=zip-6 --output "$prefix/jre"

cp "$repo/bin/lib/launch.sh" "$repo/bin/lib/find-java.sh" "$prefix/bin/lib/"
for c in "${components[@]}"; do
  cp "$repo/bin/vigil-$c" "$prefix/bin/"
  ln -s "../lib/vigil/bin/vigil-$c" "$rootfs/usr/bin/vigil-$c"
  cp "$repo/$c/target/vigil-$c.jar" "$prefix/lib/"
  # One lib/ for all: the reactor enforces dependency convergence, so a jar two binaries share
  # has the same name and content in both.
  cp -n "$repo/$c/target/lib"/*.jar "$prefix/lib/lib/"
done
if [[ " ${components[*]} " == *" jvm-exporter "* ]]; then
  cp "$repo/jvm-exporter/target/vigil-jvm-agent.jar" "$prefix/lib/"
fi

# JNA (statfs, adjtimex) unpacks its native part into java.io.tmpdir and loads it from there,
# which fails on a noexec /tmp (Docker's --tmpfs default) and cannot work on a read-only root
# without one: ship it unpacked and point JNA at it (JAVA_OPTS below; the launchers pass it on).
jna=$(ls "$prefix/lib/lib"/jna-[0-9]*.jar 2>/dev/null | head -n 1)
if [[ -n $jna ]]; then
  case $(uname -m) in
    x86_64) jna_arch=linux-x86-64 ;;
    aarch64) jna_arch=linux-aarch64 ;;
    *) jna_arch=linux-$(uname -m) ;;
  esac
  mkdir -p "$work/jna" "$prefix/lib/native"
  (cd "$work/jna" && "$jdk/bin/jar" xf "$jna" "com/sun/jna/$jna_arch/libjnidispatch.so")
  mv "$work/jna/com/sun/jna/$jna_arch/libjnidispatch.so" "$prefix/lib/native/"
  rm -rf "$work/jna"
fi

# What the launchers run besides java. /bin/bash is the launchers' interpreter (#!/usr/bin/env
# bash needs env too).
tools=(bash env dirname readlink sed head)
for t in "${tools[@]}"; do
  src=$(command -v "$t")
  cp -L "$src" "$rootfs/usr/bin/$t"
done
ln -s ../usr/bin/bash "$rootfs/bin/bash"
ln -s ../usr/bin/bash "$rootfs/bin/sh"

# The shared libraries the runtime and the tools load, at the paths the host's loader finds them,
# plus the loader itself and the NSS modules glibc opens at run time (they do not show up in ldd).
libs=$(find "$prefix/jre" "$rootfs/usr/bin" \( -name java -o -name '*.so' -o -path '*/usr/bin/*' \) -type f \
  -exec ldd {} + 2>/dev/null |
  awk '/=> \// { print $3 } /^[[:space:]]*\/[^ ]*ld-linux/ { print $1 }' | sort -u)
multiarch=$(dirname "$(ldd "$prefix/jre/bin/java" | awk '/libc\.so/ { print $3 }')")
for extra in libnss_files.so.2 libnss_dns.so.2 libresolv.so.2; do
  if [[ -e $multiarch/$extra ]]; then
    libs+=$'\n'"$multiarch/$extra"
  fi
done
for lib in $libs; do
  # The runtime's own libraries (found through its $ORIGIN run path) are in the tree already;
  # copying them again would add the build directory's path under the image's root.
  if [[ $lib == "$rootfs"/* ]]; then
    continue
  fi
  mkdir -p "$rootfs$(dirname "$lib")"
  cp -L "$lib" "$rootfs$lib"
done
# The loader's canonical path (/lib64/ld-linux-x86-64.so.2) must exist where binaries name it.
if [[ -L /lib64 || -L /lib ]]; then
  for l in /lib /lib64; do
    if [[ -L $l && ! -e $rootfs$l ]]; then
      ln -s "$(readlink "$l")" "$rootfs$l"
    fi
  done
fi

mkdir -p "$rootfs/etc" "$rootfs/tmp" "$rootfs/root" "$rootfs/var/lib/vigil" "$rootfs/etc/vigil"
chmod 1777 "$rootfs/tmp"
printf 'root:x:0:0:root:/root:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n' \
  >"$rootfs/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$rootfs/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$rootfs/etc/nsswitch.conf"

changes=(-c "ENV JAVA_HOME=/usr/lib/vigil/jre"
  -c "ENV PATH=/usr/bin:/bin:/usr/lib/vigil/jre/bin"
  -c "ENV JAVA_OPTS=-Djna.boot.library.path=/usr/lib/vigil/lib/native"
  -c "LABEL dev.vigil.image=$repository"
  -c "LABEL dev.vigil.components=$(IFS=,; echo "${components[*]}")")
if [[ ${#components[@]} -eq 1 ]]; then
  changes+=(-c "ENTRYPOINT [\"/usr/bin/vigil-${components[0]}\"]")
else
  changes+=(-c 'CMD ["vigil-hub", "--help"]')
fi
tar -C "$rootfs" --numeric-owner --owner=0 --group=0 -c . | docker import "${changes[@]}" - "$image" >/dev/null
rm -rf "$rootfs"

# Older builds of this image are garbage now; an image a container still uses stays.
docker images "$repository" --format '{{.Repository}}:{{.Tag}}' | grep -vx "$image" |
  xargs -r docker rmi >/dev/null 2>&1 || true

echo "$image"
