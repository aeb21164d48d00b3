#!/bin/sh
# Test credential plugin: an ExecCredential without a status.
printf '{"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1","spec":{}}\n'
