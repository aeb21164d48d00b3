// OpenSSL parsing of certificates and keys held in memory; nothing here is ever logged, and
// OpenSSL's error queue is cleared so a failure here cannot leak into a later TLS error.
#include "kubeclient/kubeconfig/kubeconfigpem.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

namespace kube {

namespace {

struct BioFree {
    void operator()(BIO *b) const { BIO_free(b); }
};
struct X509Free {
    void operator()(X509 *x) const { X509_free(x); }
};
struct KeyFree {
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};

std::unique_ptr<BIO, BioFree> memoryBio(const std::string &data)
{
    return std::unique_ptr<BIO, BioFree>(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())));
}

// Swallows the callback that would otherwise prompt on the terminal for an encrypted key.
int noPassword(char *, int, int, void *) { return -1; }

} // namespace

int KubeconfigPem::countCertificates(const std::string &pem)
{
    auto bio = memoryBio(pem);
    if (!bio)
        return 0;
    int count = 0;
    while (true) {
        std::unique_ptr<X509, X509Free> cert(PEM_read_bio_X509(bio.get(), nullptr, noPassword, nullptr));
        if (!cert)
            break;
        ++count;
    }
    ERR_clear_error();
    return count;
}

Result<void> KubeconfigPem::checkKeyPair(const std::string &certPem, const std::string &keyPem)
{
    auto certBio = memoryBio(certPem);
    std::unique_ptr<X509, X509Free> cert(certBio ? PEM_read_bio_X509(certBio.get(), nullptr, noPassword, nullptr) : nullptr);
    ERR_clear_error();
    if (!cert) {
        if (certPem.find("PRIVATE KEY-----") != std::string::npos)
            return Error::make(ErrorKind::Tls, "the client certificate holds a private key, not a certificate",
                               {}, "client-certificate and client-key look swapped");
        return Error::make(ErrorKind::Tls, "the client certificate is not a PEM certificate",
                           {}, "expected a block starting with -----BEGIN CERTIFICATE-----");
    }
    auto keyBio = memoryBio(keyPem);
    std::unique_ptr<EVP_PKEY, KeyFree> key(keyBio ? PEM_read_bio_PrivateKey(keyBio.get(), nullptr, noPassword, nullptr) : nullptr);
    ERR_clear_error();
    if (!key) {
        if (keyPem.find("ENCRYPTED") != std::string::npos)
            return Error::make(ErrorKind::Tls, "the client key is encrypted with a passphrase",
                               {}, "kubectl cannot use encrypted keys either; decrypt it with `openssl pkey -in KEY -out KEY.plain`");
        if (keyPem.find("-----BEGIN CERTIFICATE-----") != std::string::npos)
            return Error::make(ErrorKind::Tls, "the client key holds a certificate, not a private key",
                               {}, "client-certificate and client-key look swapped");
        return Error::make(ErrorKind::Tls, "the client key is not a PEM private key",
                           {}, "expected a block starting with -----BEGIN (RSA |EC )PRIVATE KEY-----");
    }
    const int match = X509_check_private_key(cert.get(), key.get());
    ERR_clear_error();
    if (match != 1)
        return Error::make(ErrorKind::Tls, "the client key does not match the client certificate",
                           {}, "the key belongs to another certificate; use the key the certificate was issued for");
    return {};
}

} // namespace kube
