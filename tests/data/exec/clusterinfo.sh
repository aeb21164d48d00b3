#!/bin/sh
# Test credential plugin: saves KUBERNETES_EXEC_INFO to $TENANTRY_EXEC_INFO_OUT (when set) and
# returns a token built from the GREETING variable the kubeconfig's exec.env provides.
if [ -n "$TENANTRY_EXEC_INFO_OUT" ]; then
    printf '%s' "$KUBERNETES_EXEC_INFO" > "$TENANTRY_EXEC_INFO_OUT"
fi
printf '{"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1","status":{"token":"%s"}}\n' "$(echo "$GREETING" | tr ' ' '-')"
