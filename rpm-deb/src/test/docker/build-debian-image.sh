#!/usr/bin/env bash
# Builds the clean Debian image the package tests install into (no registry is reachable here,
# so nothing is pulled): `debootstrap --variant=minbase bookworm` from the distribution's own
# mirror, plus what our maintainer scripts rely on (adduser, init-system-helpers) and procps for
# the tests' process checks, then `docker import`. The tag is a hash of this script, so an
# existing image is reused: the script then only prints the tag.
#
# With `systemd` as its argument the image also has systemd as its init (for SystemdServiceIT:
# the units started for real, with their sandboxing; and Debian's rpm, for RpmScriptletsIT),
# tagged vigil/debian-systemd-test:<hash>.
#
# Usage: build-debian-image.sh [systemd]   (needs root, debootstrap and a Docker engine)
# Prints the image reference on stdout; progress goes to stderr.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
module=$(cd "$here/../../.." && pwd)
variant=${1:-plain}
include=adduser,init-system-helpers,procps
repository=vigil/debian-test
if [[ $variant == systemd ]]; then
  # rpm too: RpmScriptletsIT runs the .rpm's scriptlets for real with Debian's rpm.
  include+=,systemd,systemd-sysv,dbus,rpm
  repository=vigil/debian-systemd-test
fi
suite=bookworm
hash=$(sha256sum "${BASH_SOURCE[0]}" | cut -c1-12)
image=$repository:$hash

work=$module/target/debian-image-$variant
mkdir -p "$work"
exec 9>"$work/build.lock"
flock 9

if docker image inspect "$image" >/dev/null 2>&1; then
  echo "$image"
  exit 0
fi
command -v debootstrap >/dev/null || {
  echo "debootstrap not found (apt-get install debootstrap; .ci/run installs it)" >&2
  exit 1
}

echo "building $image: debootstrap $suite (about a minute)" >&2
rootfs=$work/rootfs
rm -rf "$rootfs"
# The machine's apt mirror when it has one (its sources name it), else debootstrap's default.
mirror=$(sed -n 's/^URIs: *\([^ ]*\/debian\)$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1)
debootstrap --variant=minbase --include="$include" \
  "$suite" "$rootfs" ${mirror:+"$mirror"} >"$work/debootstrap.log" 2>&1 || {
  echo "debootstrap failed; the end of its log:" >&2
  tail -n 20 "$work/debootstrap.log" >&2
  exit 1
}
# No apt lists or caches in the image: the tests install our .debs with dpkg, offline.
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
cmd='["sleep", "infinity"]'
if [[ $variant == systemd ]]; then
  cmd='["/sbin/init"]'
fi
tar -C "$rootfs" --numeric-owner -c . |
  docker import -c "CMD $cmd" - "$image" >/dev/null
rm -rf "$rootfs"
echo "$image"
