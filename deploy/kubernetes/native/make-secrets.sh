#!/usr/bin/env bash
# Makes what native/kustomization.yaml's secretGenerator reads: a self-signed certificate and key
# for the exporters' TLS (tls.crt, tls.key) and a random bearer token (token) shared by the
# exporters (which require it) and the hub (which sends it). Existing files are kept, so running it
# again changes nothing; delete them to rotate, then kubectl apply -k again.
#
# Usage: make-secrets.sh [DIR]   (default: secrets/ beside this script; needs openssl)
set -euo pipefail
dir=${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/secrets}
mkdir -p "$dir"
umask 077
if [[ ! -f $dir/tls.key || ! -f $dir/tls.crt ]]; then
  # ECDSA P-256, two years; the name is what a scraper that checks names would ask for. The hub
  # scrapes node IPs with insecure_skip_verify (see deploy/README.md): the token authenticates it.
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 730 \
    -subj "/CN=vigil-exporter" -addext "subjectAltName=DNS:vigil-exporter" \
    -keyout "$dir/tls.key" -out "$dir/tls.crt" 2>/dev/null
fi
if [[ ! -f $dir/token ]]; then
  openssl rand -hex 32 | tr -d '\n' >"$dir/token"
fi
echo "$dir: tls.crt tls.key token" >&2
