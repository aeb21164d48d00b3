// KsStandIn: a loopback stand-in for ks-apiserver (none can be built here). It speaks the
// documented protocol of KubeSphere's OAuth token endpoint (POST /oauth/token, password and
// refresh_token grants, expiring tokens, RFC 6749 error bodies with KubeSphere's texts and
// statuses) and, like ks-apiserver's Kubernetes proxy, forwards /api and /apis to a real
// kube-apiserver with its own credentials after checking the caller's Bearer token.
#pragma once

#include "tests/support/testhttpserver.h"

#include "kubeclient/core/canceltoken.h"
#include "kubeclient/transport/transport.h"

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace testsupport {

struct KsStandInOptions {
    // Lifetimes of issued tokens (KubeSphere: accessTokenMaxAge, + inactivity timeout for refresh).
    std::chrono::seconds accessTokenLifetime{7200};
    std::chrono::seconds refreshTokenLifetime{7200 + 3600};
    // Failed password sign-ins after which the user is AuthLimitExceeded (429 from then on).
    int maxFailedAttempts = 5;
    std::string clientId = "kubesphere";
    std::string clientSecret = "kubesphere";
    // kube-apiserver and ks-apiserver's own credentials; nullopt: /api and /apis answer 503.
    std::optional<kube::TransportConfig> upstream;
    bool kubesphere4 = true;  // error texts of 4.x ("Invalid username or password.") or 3.x
};

class KsStandIn
{
public:
    enum class UserState { Active, Disabled, AuthLimitExceeded };

    // HTTPS with a certificate from `pki` for 127.0.0.1 / localhost.
    KsStandIn(const TestPki &pki, KsStandInOptions options);
    ~KsStandIn();
    KsStandIn(const KsStandIn &) = delete;
    KsStandIn &operator=(const KsStandIn &) = delete;

    void addUser(const std::string &name, const std::string &password, UserState state = UserState::Active);
    void setUserState(const std::string &name, UserState state);

    std::string url() const { return m_server.url(); }
    // Every access token issued so far is expired from now on (the next request gets 401).
    void expireAccessTokens();
    // The refresh tokens too: the next refresh is refused.
    void revokeRefreshTokens();

    int passwordGrants() const;   // successful ones
    int refreshGrants() const;    // successful ones
    int failedGrants() const;
    int proxiedRequests() const;  // /api and /apis requests forwarded
    int unauthorizedRequests() const;  // /api and /apis requests refused with 401
    // Every request body the token endpoint received, for "no secret leaks" checks.
    std::vector<TestRequest> requests() const { return m_server.requests(); }

private:
    struct Issued {
        std::string user;
        bool refresh = false;
        std::chrono::system_clock::time_point expiresAt;
        bool revoked = false;
    };
    struct User {
        std::string password;
        UserState state = UserState::Active;
        int failures = 0;
    };

    TestResponse handle(const TestRequest &request);
    TestResponse token(const TestRequest &request);
    TestResponse proxy(const TestRequest &request);
    TestResponse issue(const std::string &user);
    std::string mint(const std::string &user, bool refresh, std::chrono::seconds lifetime);

    KsStandInOptions m_options;
    TestHttpServer m_server;
    std::unique_ptr<kube::Transport> m_upstream;
    kube::CancelTokenPtr m_cancel;
    mutable std::mutex m_mutex;
    std::map<std::string, User> m_users;
    std::map<std::string, Issued> m_tokens;
    int m_serial = 0;
    int m_passwordGrants = 0, m_refreshGrants = 0, m_failedGrants = 0, m_proxied = 0, m_unauthorized = 0;
};

} // namespace testsupport
