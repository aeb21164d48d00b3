#!/bin/sh
# Test credential plugin: right apiVersion, wrong kind.
printf '{"kind":"TokenReview","apiVersion":"client.authentication.k8s.io/v1","status":{"token":"corpus-secret-wrong-kind"}}\n'
