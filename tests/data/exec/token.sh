#!/bin/sh
# Test credential plugin: prints an ExecCredential with a fixed token.
# usage: token.sh [API_VERSION_SUFFIX (v1|v1beta1)] [TOKEN]
api=${1:-v1}
token=${2:-exec-token}
printf '{"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/%s","status":{"token":"%s"}}\n' "$api" "$token"
