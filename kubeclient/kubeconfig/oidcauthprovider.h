// The kubeconfig `auth-provider: oidc` (client-go's oidc plugin): sends the id-token, and when
// it has expired uses the refresh-token at the issuer's token endpoint (found through OpenID
// discovery) to get a new one. The HTTP exchange is injectable so tests need no server.
#pragma once

#include "kubeclient/kubeconfig/credentials.h"
#include "kubeclient/transport/http.h"

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace kube {

struct OidcHttpRequest {
    std::string method = "GET";
    std::string url;  // absolute https:// URL
    std::vector<Header> headers;
    std::string body;
    std::string caPem;  // idp-certificate-authority(-data); empty: system trust store
};

using OidcHttpFetch = std::function<Result<HttpResponse>(const OidcHttpRequest &, const CancelTokenPtr &)>;
// Receives the auth-provider config after a refresh (new id-token, maybe a rotated
// refresh-token) so it can be written back to the kubeconfig, as kubectl does.
using OidcPersistHook = std::function<Result<void>(const std::map<std::string, std::string> &config)>;

struct OidcSettings {
    std::string userName;
    std::string where;  // origin of the user entry
    std::map<std::string, std::string> config;  // auth-provider.config, CA paths already resolved
    OidcHttpFetch fetch;    // empty: defaultFetch()
    OidcPersistHook persist;  // empty: refreshed tokens are kept in memory only
    AuthMaterial base;
    std::function<std::chrono::system_clock::time_point()> clock;
};

class OidcAuthProvider final : public CredentialProvider
{
public:
    // client-go refreshes a token that expires within this margin, so it is not rejected in flight.
    static constexpr std::chrono::seconds kExpiryDelta{10};

    // Checks the required keys (idp-issuer-url, client-id) like client-go; reads the IdP CA.
    static Result<std::shared_ptr<OidcAuthProvider>> create(OidcSettings settings);

    Result<AuthMaterial> current(const CancelTokenPtr &cancel) override;
    void invalidate() override;
    std::string describe() const override;

    // The `exp` claim of a JWT: an error when the token is not a JWT, nullopt without exp.
    static Result<std::optional<std::chrono::system_clock::time_point>> idTokenExpiry(const std::string &jwt);

    // HTTPS through kube::Transport (TLS from memory, the IdP's CA when configured).
    static OidcHttpFetch defaultFetch();

    // The auth-provider config as it stands (after any refresh).
    std::map<std::string, std::string> config() const;

private:
    explicit OidcAuthProvider(OidcSettings settings, std::string caPem);
    std::chrono::system_clock::time_point now() const;
    Result<std::string> refresh(const CancelTokenPtr &cancel);
    Error fail(std::string message, std::string hint = {}) const;

    OidcSettings m_settings;
    std::string m_caPem;
    mutable std::mutex m_mutex;
    bool m_forceRefresh = false;
};

} // namespace kube
