#!/bin/sh
# Regenerates the test-only PKI used by the kubeconfig corpus (EC P-256, valid ~100 years).
# Nothing here is a real secret; the keys exist only so OpenSSL can check key/cert pairs.
set -eu
cd "$(dirname "$0")"
openssl ecparam -name prime256v1 -genkey -noout -out ca.key
openssl req -x509 -new -key ca.key -subj "/CN=tenantry-corpus-ca" -days 36500 -out ca.crt
openssl ecparam -name prime256v1 -genkey -noout -out client.key
openssl req -new -key client.key -subj "/O=system:masters/CN=corpus-admin" -out client.csr
openssl x509 -req -in client.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 36500 -out client.crt
openssl ecparam -name prime256v1 -genkey -noout -out other.key
openssl ecparam -name prime256v1 -genkey -noout -out other-ca.key
openssl req -x509 -new -key other-ca.key -subj "/CN=tenantry-corpus-other-ca" -days 36500 -out other-ca.crt
rm -f client.csr ca.srl ca.key other-ca.key
