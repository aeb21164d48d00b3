// PEM conversions for test certificates and keys, through memory BIOs only.
// Failures throw: a test whose fixtures cannot be built should stop loudly, not limp on.
#include "tests/support/opensslptr.h"

#include <openssl/err.h>
#include <openssl/pem.h>

#include <stdexcept>

namespace testsupport {

std::string lastOpenSslError()
{
    std::string text;
    while (const unsigned long code = ERR_get_error()) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        if (!text.empty())
            text += "; ";
        text += buffer;
    }
    return text;
}

static BioPtr memoryBio(const std::string &pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    if (!bio)
        throw std::runtime_error("BIO_new_mem_buf failed");
    return bio;
}

static std::string bioText(BIO *bio)
{
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return std::string(data, static_cast<size_t>(length));
}

X509Ptr certFromPem(const std::string &pem)
{
    BioPtr bio = memoryBio(pem);
    X509Ptr cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!cert)
        throw std::runtime_error("not a PEM certificate: " + lastOpenSslError());
    return cert;
}

EvpPkeyPtr keyFromPem(const std::string &pem)
{
    BioPtr bio = memoryBio(pem);
    EvpPkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    if (!key)
        throw std::runtime_error("not a PEM private key: " + lastOpenSslError());
    return key;
}

std::string certToPem(X509 *cert)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), cert) != 1)
        throw std::runtime_error("PEM_write_bio_X509 failed: " + lastOpenSslError());
    return bioText(bio.get());
}

std::string keyToPem(EVP_PKEY *key)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        throw std::runtime_error("PEM_write_bio_PrivateKey failed: " + lastOpenSslError());
    return bioText(bio.get());
}

} // namespace testsupport
