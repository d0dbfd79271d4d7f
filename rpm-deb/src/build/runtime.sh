#!/usr/bin/env bash
# Links the Java runtime every package carries (jlink), once per build: the modules in
# bin/lib/runtime-modules (shared with the images), no debug symbols, headers or man pages. Not
# compressed by jlink: the packages compress it, and an uncompressed module image starts faster.
# The desktop module stays (Chronicle, JNA and Angus Mail reference it) but its X11, splash-screen
# and sound libraries go: Vigil runs headless, and they would pull X11 in.
#
# Usage: runtime.sh JDK OUT   (OUT/jre is the runtime; rebuilt only when its inputs change)
set -euo pipefail

jdk=$1
out=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
modules=$(grep -v '^#' "$here/../../../bin/lib/runtime-modules" | paste -sd, -)

stamp=$( { cat "${BASH_SOURCE[0]}"; cat "$jdk/release"; echo "$modules"; } | sha256sum | cut -c1-16)
if [[ -f $out/jre.stamp && $(cat "$out/jre.stamp") == "$stamp" ]]; then
  exit 0
fi
rm -rf "$out/jre" "$out/jre.stamp"
mkdir -p "$out"
echo "rpm-deb: linking the runtime ($modules)" >&2
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --output "$out/jre"
# Likewise the image and font codecs (libjpeg, lcms2, freetype copies): no Vigil code draws.
for lib in libawt_xawt libsplashscreen libjawt libjsound libjavajpeg liblcms libfontmanager libfreetype; do
  rm -f "$out/jre/lib/$lib.so"
done
# Native code stripped as dh_strip does: the symbol tables are for debuggers, not for running.
find "$out/jre" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper -o -name jexec \) \
  -exec sh -c 'file -b "$1" | grep -q "^ELF"' _ {} \; \
  -exec strip --remove-section=.comment --remove-section=.note --strip-unneeded {} +
echo "$stamp" >"$out/jre.stamp"
