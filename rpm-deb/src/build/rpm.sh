#!/usr/bin/env bash
# Builds one .rpm with rpmbuild from the tree stage.sh made (rpm-data.tar): the same files as the
# .deb, the unit under /usr/lib/systemd/system, the flags in /etc/sysconfig/<pkg>, configuration
# as %config(noreplace).
#
# Usage: rpm.sh REPO TARGET PKG VERSION RELEASE EPOCH [OUT]
#   writes OUT (default TARGET)/<pkg>-<version>-<release>.x86_64.rpm
set -euo pipefail

repo=$1
target=$2
pkg=$3
version=$4
release=$5
epoch=$6
out=${7:-$target}
src=$repo/rpm-deb/src
work=$target/stage/$pkg
command -v rpmbuild >/dev/null || {
  echo "rpm-deb: rpmbuild not found (Debian: apt-get install rpm; .ci/run installs it)" >&2
  exit 1
}

summary= description= state_dirs= state_mode= secret_files= agent_jar= homepage= maintainer_email=
# shellcheck source=/dev/null
. "$work/package.env"

files="%defattr(-,root,root,-)
/usr/bin/$pkg
/usr/lib/$pkg
/usr/lib/systemd/system/$pkg.service
%config(noreplace) /etc/sysconfig/$pkg
%doc /usr/share/doc/$pkg"
if [[ -n $secret_files ]]; then
  files+=$'\n%dir /etc/vigil'
  for dir in $(tar -tf "$work/rpm-data.tar" | sed -n 's|^\./etc/vigil/\(.*\)/$|\1|p'); do
    files+=$'\n'"%dir /etc/vigil/$dir"
  done
  for file in $secret_files; do
    files+=$'\n'"%config(noreplace) %attr(0640,root,vigil) $file"
  done
fi
if [[ $agent_jar == true ]]; then
  files+=$'\n'"/usr/share/$pkg"
fi

topdir=$out/rpmbuild-$pkg-$release
rm -rf "$topdir"
mkdir -p "$topdir"
spec=$topdir/$pkg.spec
# Fields are filled in by awk, not sed: descriptions and file lists span lines.
awk -v pkg="$pkg" -v version="$version" -v release="$release" -v summary="$summary" \
    -v url="$homepage" -v description="$description" -v data="$work/rpm-data.tar" \
    -v state_dirs="$state_dirs" -v state_mode="$state_mode" -v files="$files" -v email="$maintainer_email" \
    -v date="$(LC_ALL=C date -u -d "@$epoch" '+%a %b %d %Y')" '{
  gsub(/@PKG@/, pkg); gsub(/@VERSION@/, version); gsub(/@RELEASE@/, release)
  gsub(/@SUMMARY@/, summary); gsub(/@URL@/, url); gsub(/@DATA_TAR@/, data)
  gsub(/@STATE_DIRS@/, state_dirs); gsub(/@STATE_MODE@/, state_mode); gsub(/@MAINTAINER_EMAIL@/, email); gsub(/@CHANGELOG_DATE@/, date)
  if ($0 == "@DESCRIPTION@") { print description; next }
  if ($0 == "@FILES@") { print files; next }
  print
}' "$src/rpm/package.spec.in" >"$spec"

SOURCE_DATE_EPOCH=$epoch rpmbuild -bb --quiet \
  --define "_topdir $topdir" \
  --define "_rpmdir $out" \
  --define "_build_name_fmt %%{NAME}-%%{VERSION}-%%{RELEASE}.%%{ARCH}.rpm" \
  --define "_buildhost vigil-build" \
  --define "use_source_date_epoch_as_buildtime 1" \
  "$spec" >&2
rm -rf "$topdir"
