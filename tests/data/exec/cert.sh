#!/bin/sh
# Test credential plugin: returns a client certificate and key read from the two PEM files
# given as arguments (relative to this script's directory), JSON-escaped.
set -e
dir=$(dirname "$0")
esc() { awk '{ printf "%s\\n", $0 }' "$dir/$1"; }
printf '{"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1","status":{"clientCertificateData":"%s","clientKeyData":"%s"}}\n' \
    "$(esc "$1")" "$(esc "$2")"
