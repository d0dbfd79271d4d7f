#!/usr/bin/env bash
# Stages one package's files twice, for the .deb and for the .rpm, each as a tar with root
# ownership and fixed times (jdeb and rpmbuild both read the tar, so modes and symlinks are the
# ones set here), plus the .deb's control directory.
#
#   usr/bin/<pkg>                  -> ../lib/<pkg>/bin/<pkg> (the repo's launcher)
#   usr/lib/<pkg>/{bin,lib,jre}    launcher scripts, jar + lib/*.jar, the jlink'd runtime
#   <unit dir>/<pkg>.service       systemd/units/ (deb: /lib/systemd/system, rpm: /usr/lib/...)
#   etc/default|sysconfig/<pkg>    systemd/env/<pkg>, the ARGS file
#   etc/vigil/...                  src/etc/<pkg>/ (the hub's configuration)
#   usr/share/vigil-jvm-exporter/vigil-jvm-agent.jar
#   usr/share/doc/<pkg>/           copyright, changelog, README.md, examples/
#
# Usage: stage.sh REPO TARGET PKG VERSION REVISION EPOCH
set -euo pipefail

repo=$1
target=$2
pkg=$3
version=$4
revision=$5
epoch=$6
src=$repo/rpm-deb/src

module= state_dirs= state_mode=0750 etc_dir= agent_jar=false summary= description=
# shellcheck source=../packages/vigil-hub.conf
. "$src/packages/$pkg.conf"

maintainer_email=packaging@vigil.dev
homepage=https://vigil.dev/
unit=$repo/systemd/units/$pkg.service
env_file=$repo/systemd/env/$pkg
jar=$repo/$module/target/vigil-$module.jar
for needed in "$unit" "$env_file" "$jar" "$repo/$module/target/lib" "$target/runtime/jre/bin/java"; do
  [[ -e $needed ]] || { echo "rpm-deb: $needed is missing (build the modules first)" >&2; exit 1; }
done

# One paragraph, wrapped for dpkg and rpm (lintian and rpmlint want lines under 80 characters).
description=$(tr '\n' ' ' <<<"$description" | fmt -w 76)

work=$target/stage/$pkg
rm -rf "$work"
mkdir -p "$work"

substitute() { # FILE: the @NAME@ placeholders filled in
  sed -e "s|@PKG@|$pkg|g" -e "s|@VERSION@|$version|g" -e "s|@REVISION@|$revision|g" \
    -e "s|@STATE_DIRS@|$state_dirs|g" -e "s|@STATE_MODE@|$state_mode|g" -e "s|@SECRET_FILES@|$secret_files|g" \
    -e "s|@MAINTAINER_EMAIL@|$maintainer_email|g" \
    -e "s|@CHANGELOG_DATE_DEB@|$(LC_ALL=C date -u -R -d "@$epoch")|g" "$1"
}

# Configuration files that may hold secrets: the hub's (SMTP passwords, webhook tokens).
secret_files=
if [[ -n $etc_dir ]]; then
  secret_files=$(cd "$src/etc/$etc_dir" && find . -type f | sort | sed 's|^\./|/etc/vigil/|' | tr '\n' ' ')
  secret_files=${secret_files% }
fi

stage_tree() { # FLAVOUR ROOT
  local flavour=$1 root=$2 unit_dir env_dir prefix=usr/lib/$pkg
  if [[ $flavour == deb ]]; then
    unit_dir=lib/systemd/system env_dir=etc/default
  else
    unit_dir=usr/lib/systemd/system env_dir=etc/sysconfig
  fi
  install -d -m 0755 "$root/usr/bin" "$root/$prefix/bin/lib" "$root/$prefix/lib/lib" \
    "$root/$unit_dir" "$root/$env_dir" "$root/usr/share/doc/$pkg"
  # The interpreter named directly, as packaging policies want (no PATH lookup through env).
  sed '1s|^#!/usr/bin/env bash$|#!/bin/bash|' "$repo/bin/$pkg" >"$root/$prefix/bin/$pkg"
  chmod 0755 "$root/$prefix/bin/$pkg"
  install -m 0644 "$repo/bin/lib/launch.sh" "$repo/bin/lib/find-java.sh" "$root/$prefix/bin/lib/"
  ln -s "../lib/$pkg/bin/$pkg" "$root/usr/bin/$pkg"
  install -m 0644 "$jar" "$root/$prefix/lib/"
  install -m 0644 "$repo/$module/target/lib/"*.jar "$root/$prefix/lib/lib/"
  cp -a "$target/runtime/jre" "$root/$prefix/jre"
  install -m 0644 "$unit" "$root/$unit_dir/$pkg.service"
  install -m 0644 "$env_file" "$root/$env_dir/$pkg"
  if [[ -n $etc_dir ]]; then
    install -d -m 0755 "$root/etc/vigil"
    cp -r "$src/etc/$etc_dir/." "$root/etc/vigil/"
  fi
  if $agent_jar; then
    install -d -m 0755 "$root/usr/share/$pkg"
    install -m 0644 "$repo/jvm-exporter/target/vigil-jvm-agent.jar" "$root/usr/share/$pkg/"
  fi
  local doc=$root/usr/share/doc/$pkg
  install -m 0644 "$src/doc/copyright" "$doc/copyright"
  install -m 0644 "$repo/$module/README.md" "$doc/README.md"
  if [[ -d $src/doc/examples/$pkg ]]; then
    cp -r "$src/doc/examples/$pkg" "$doc/examples"
  fi
  if [[ $flavour == deb ]]; then
    substitute "$src/doc/changelog.in" | gzip -9n >"$doc/changelog.gz"
    install -d -m 0755 "$root/usr/share/lintian/overrides"
    {
      substitute "$src/lintian/common.in"
      if [[ -f $src/lintian/$pkg ]]; then cat "$src/lintian/$pkg"; fi
    } >"$root/usr/share/lintian/overrides/$pkg"
  fi
  # Modes as a package wants them, whatever the checkout's umask made.
  find "$root" -type d -exec chmod 0755 {} +
  find "$root" -type f ! -perm -u+x -exec chmod 0644 {} +
  find "$root" -type f -perm -u+x -exec chmod 0755 {} +
  if [[ $flavour == rpm ]]; then
    # rpm's convention: shared objects executable (Debian's: not).
    find "$root" -type f -name '*.so' -exec chmod 0755 {} +
  fi
  tar -C "$root" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" \
    -cf "$work/$flavour-data.tar" .
}

stage_tree deb "$work/deb-root"
stage_tree rpm "$work/rpm-root"

# The .deb's control directory, read by jdeb.
control=$work/DEBIAN
mkdir -p "$control"
{
  echo "Package: $pkg"
  echo "Version: $version"
  echo "Architecture: amd64"
  echo "Maintainer: Vigil developers <$maintainer_email>"
  echo "Depends: libc6 (>= 2.34), adduser, init-system-helpers (>= 1.54~)"
  echo "Section: net"
  echo "Priority: optional"
  echo "Homepage: $homepage"
  echo "Description: $summary"
  sed 's/^/ /' <<<"$description"
} >"$control/control"
{
  echo "/etc/default/$pkg"
  for file in $secret_files; do echo "$file"; done
} >"$control/conffiles"
for script in postinst prerm postrm; do
  substitute "$src/deb/$script.in" >"$control/$script"
  chmod 0755 "$control/$script"
done

# What rpm.sh needs, as shell assignments.
{
  printf 'summary=%q\n' "$summary"
  printf 'description=%q\n' "$description"
  printf 'state_dirs=%q\n' "$state_dirs"
  printf 'state_mode=%q\n' "$state_mode"
  printf 'secret_files=%q\n' "$secret_files"
  printf 'agent_jar=%q\n' "$agent_jar"
  printf 'homepage=%q\n' "$homepage"
  printf 'maintainer_email=%q\n' "$maintainer_email"
} >"$work/package.env"
rm -rf "$work/deb-root" "$work/rpm-root"
