#!/bin/sh
# Test credential plugin: counts its runs in $TENANTRY_EXEC_COUNTER (a file) and prints a token
# "counted-N" that expires TOKEN_LIFETIME_SECONDS (default 3600) from now.
set -e
counter=${TENANTRY_EXEC_COUNTER:?TENANTRY_EXEC_COUNTER must name a file}
n=$(cat "$counter" 2>/dev/null || echo 0)
n=$((n + 1))
echo "$n" > "$counter"
expiry=$(date -u -d "@$(( $(date +%s) + ${TOKEN_LIFETIME_SECONDS:-3600} ))" +%Y-%m-%dT%H:%M:%SZ)
printf '{"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1","status":{"token":"counted-%s","expirationTimestamp":"%s"}}\n' "$n" "$expiry"
