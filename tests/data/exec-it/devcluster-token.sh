#!/bin/sh
# Exec credential plugin for integration tests: prints an ExecCredential carrying the bearer
# token stored in the file named by $1 (a devcluster static token).
set -eu
token=$(cat "$1")
cat <<JSON
{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"$token"}}
JSON
