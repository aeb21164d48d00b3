// What a request authenticates with, and the interface that supplies it (static from the
// kubeconfig, or refreshed: exec plugins, OIDC, token files). Values here are secrets:
// never log or format them.
#pragma once

#include "kubeclient/core/canceltoken.h"
#include "kubeclient/core/result.h"

#include <memory>
#include <string>

namespace kube {

struct AuthMaterial {
    std::string bearerToken;
    std::string username, password;       // basic auth
    std::string clientCertPem, clientKeyPem;  // client TLS identity (PEM, in memory only)

    bool hasClientCert() const { return !clientCertPem.empty() && !clientKeyPem.empty(); }
    bool empty() const { return bearerToken.empty() && username.empty() && !hasClientCert(); }
};

class CredentialProvider
{
public:
    virtual ~CredentialProvider() = default;
    // Current material; providers cache it and refresh when expired. Thread-safe.
    virtual Result<AuthMaterial> current(const CancelTokenPtr &cancel) = 0;
    // The server answered 401 with this material: drop any cache so the next current() refreshes.
    virtual void invalidate() {}
    // Short description for the UI ("client certificate", "exec: aws-iam-authenticator").
    virtual std::string describe() const = 0;
};

using CredentialProviderPtr = std::shared_ptr<CredentialProvider>;

// Material fixed at load time.
class StaticCredentials final : public CredentialProvider
{
public:
    explicit StaticCredentials(AuthMaterial material, std::string description = "static")
        : m_material(std::move(material)), m_description(std::move(description)) {}
    Result<AuthMaterial> current(const CancelTokenPtr &) override { return m_material; }
    std::string describe() const override { return m_description; }

private:
    AuthMaterial m_material;
    std::string m_description;
};

} // namespace kube
