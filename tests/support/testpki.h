// TestPki: an in-memory certificate authority for tests (OpenSSL, no files, no openssl CLI).
// Issues server certificates with SANs and client certificates with CN/O, all as PEM strings.
#pragma once

#include <string>
#include <vector>

namespace testsupport {

struct PemIdentity {
    std::string certPem;  // the leaf certificate (PEM)
    std::string keyPem;   // its private key (PKCS#8 PEM)
};

struct ServerCertOptions {
    std::vector<std::string> dnsNames{"localhost"};
    std::vector<std::string> ipAddresses{"127.0.0.1"};
    std::string commonName = "tenantry-test-server";
};

class TestPki
{
public:
    // Generates a self-signed CA (EC P-256, valid from an hour ago for two days).
    explicit TestPki(std::string caCommonName = "tenantry-test-ca");
    ~TestPki();
    TestPki(const TestPki &) = delete;
    TestPki &operator=(const TestPki &) = delete;

    const std::string &caCertPem() const { return m_ca.certPem; }
    const std::string &caKeyPem() const { return m_ca.keyPem; }

    // serverAuth leaf; SANs from the options (default: DNS:localhost, IP:127.0.0.1).
    PemIdentity issueServer(const ServerCertOptions &options = {}) const;
    // Convenience: a server certificate valid only for the given DNS names (no IP SAN).
    PemIdentity issueServerFor(std::vector<std::string> dnsNames) const;
    // clientAuth leaf: CN is the Kubernetes user name, each O a group.
    PemIdentity issueClient(const std::string &commonName, const std::vector<std::string> &organizations = {}) const;

private:
    PemIdentity m_ca;
};

} // namespace testsupport
