// TestPki: builds X.509v3 certificates with OpenSSL 3 (EC P-256 keys: fast to generate, and
// what kubeadm-style clusters increasingly use) and returns them as PEM.
#include "tests/support/testpki.h"

#include "tests/support/opensslptr.h"

#include <openssl/rand.h>
#include <openssl/x509v3.h>

#include <stdexcept>

namespace testsupport {

namespace {

constexpr long kValidFromSeconds = -3600;           // tolerate small clock differences
constexpr long kValidForSeconds = 2L * 24 * 3600;   // longer than any test run

enum class CertRole { Ca, Server, Client };

struct CertSpec {
    CertRole role = CertRole::Server;
    std::string commonName;
    std::vector<std::string> organizations;
    std::vector<std::string> dnsNames;
    std::vector<std::string> ipAddresses;
};

void addExtension(X509 *cert, X509V3_CTX *ctx, int nid, const std::string &value)
{
    X509ExtensionPtr ext(X509V3_EXT_conf_nid(nullptr, ctx, nid, value.c_str()));
    if (!ext || X509_add_ext(cert, ext.get(), -1) != 1)
        throw std::runtime_error("cannot add extension " + value + ": " + lastOpenSslError());
}

void addName(X509_NAME *name, const char *field, const std::string &value)
{
    if (X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>(value.c_str()), -1, -1, 0) != 1)
        throw std::runtime_error(std::string("cannot set ") + field + ": " + lastOpenSslError());
}

// issuerCert/issuerKey null: self-signed.
PemIdentity issue(const CertSpec &spec, X509 *issuerCert, EVP_PKEY *issuerKey)
{
    EvpPkeyPtr key(EVP_EC_gen("P-256"));
    X509Ptr cert(X509_new());
    if (!key || !cert)
        throw std::runtime_error("key generation failed: " + lastOpenSslError());

    X509_set_version(cert.get(), X509_VERSION_3);
    uint64_t serial = 0;
    RAND_bytes(reinterpret_cast<unsigned char *>(&serial), sizeof serial);
    ASN1_INTEGER_set_uint64(X509_get_serialNumber(cert.get()), serial >> 1);  // keep it positive
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), kValidFromSeconds);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), kValidForSeconds);
    X509_set_pubkey(cert.get(), key.get());

    X509_NAME *subject = X509_get_subject_name(cert.get());
    for (const auto &organization : spec.organizations)
        addName(subject, "O", organization);
    addName(subject, "CN", spec.commonName);
    X509_set_issuer_name(cert.get(), issuerCert ? X509_get_subject_name(issuerCert) : subject);

    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuerCert ? issuerCert : cert.get(), cert.get(), nullptr, nullptr, 0);
    addExtension(cert.get(), &ctx, NID_subject_key_identifier, "hash");
    switch (spec.role) {
    case CertRole::Ca:
        addExtension(cert.get(), &ctx, NID_basic_constraints, "critical,CA:TRUE");
        addExtension(cert.get(), &ctx, NID_key_usage, "critical,keyCertSign,cRLSign,digitalSignature");
        break;
    case CertRole::Server:
    case CertRole::Client:
        addExtension(cert.get(), &ctx, NID_basic_constraints, "critical,CA:FALSE");
        addExtension(cert.get(), &ctx, NID_key_usage, "critical,digitalSignature");
        addExtension(cert.get(), &ctx, NID_ext_key_usage,
                     spec.role == CertRole::Server ? "serverAuth" : "clientAuth");
        addExtension(cert.get(), &ctx, NID_authority_key_identifier, "keyid:always");
        break;
    }
    std::string sans;
    for (const auto &dns : spec.dnsNames)
        sans += (sans.empty() ? "DNS:" : ",DNS:") + dns;
    for (const auto &ip : spec.ipAddresses)
        sans += (sans.empty() ? "IP:" : ",IP:") + ip;
    if (!sans.empty())
        addExtension(cert.get(), &ctx, NID_subject_alt_name, sans);

    if (X509_sign(cert.get(), issuerKey ? issuerKey : key.get(), EVP_sha256()) == 0)
        throw std::runtime_error("signing failed: " + lastOpenSslError());
    return PemIdentity{certToPem(cert.get()), keyToPem(key.get())};
}

} // namespace

TestPki::TestPki(std::string caCommonName)
{
    CertSpec spec;
    spec.role = CertRole::Ca;
    spec.commonName = std::move(caCommonName);
    m_ca = issue(spec, nullptr, nullptr);
}

TestPki::~TestPki() = default;

PemIdentity TestPki::issueServer(const ServerCertOptions &options) const
{
    CertSpec spec;
    spec.role = CertRole::Server;
    spec.commonName = options.commonName;
    spec.dnsNames = options.dnsNames;
    spec.ipAddresses = options.ipAddresses;
    X509Ptr caCert = certFromPem(m_ca.certPem);
    EvpPkeyPtr caKey = keyFromPem(m_ca.keyPem);
    return issue(spec, caCert.get(), caKey.get());
}

PemIdentity TestPki::issueServerFor(std::vector<std::string> dnsNames) const
{
    ServerCertOptions options;
    options.dnsNames = std::move(dnsNames);
    options.ipAddresses.clear();
    return issueServer(options);
}

PemIdentity TestPki::issueClient(const std::string &commonName, const std::vector<std::string> &organizations) const
{
    CertSpec spec;
    spec.role = CertRole::Client;
    spec.commonName = commonName;
    spec.organizations = organizations;
    X509Ptr caCert = certFromPem(m_ca.certPem);
    EvpPkeyPtr caKey = keyFromPem(m_ca.keyPem);
    return issue(spec, caCert.get(), caKey.get());
}

} // namespace testsupport
