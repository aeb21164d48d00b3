// RAII owners for the OpenSSL objects the test support code creates (certificates, keys, BIOs,
// TLS contexts and connections), plus PEM <-> object helpers that throw on malformed input.
#pragma once

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <memory>
#include <string>

namespace testsupport {

template <auto FreeFunction>
struct OpenSslDeleter {
    template <typename T>
    void operator()(T *object) const { FreeFunction(object); }
};

using X509Ptr = std::unique_ptr<X509, OpenSslDeleter<X509_free>>;
using EvpPkeyPtr = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY_free>>;
using BioPtr = std::unique_ptr<BIO, OpenSslDeleter<BIO_free_all>>;
using X509ExtensionPtr = std::unique_ptr<X509_EXTENSION, OpenSslDeleter<X509_EXTENSION_free>>;
using X509StorePtr = std::unique_ptr<X509_STORE, OpenSslDeleter<X509_STORE_free>>;
using SslCtxPtr = std::unique_ptr<SSL_CTX, OpenSslDeleter<SSL_CTX_free>>;
using SslPtr = std::unique_ptr<SSL, OpenSslDeleter<SSL_free>>;

// The most recent OpenSSL error as text ("" if none); clears the error queue.
std::string lastOpenSslError();

X509Ptr certFromPem(const std::string &pem);
EvpPkeyPtr keyFromPem(const std::string &pem);
std::string certToPem(X509 *cert);
std::string keyToPem(EVP_PKEY *key);

} // namespace testsupport
