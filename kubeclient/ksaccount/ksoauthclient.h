// ks-apiserver's OAuth token endpoint (POST /oauth/token, form-encoded, RFC 6749): the password
// grant that signs a KubeSphere user in and the refresh_token grant that keeps the session, with
// KubeSphere's answers mapped to errors a person can act on. Requests are built without I/O.
#pragma once

#include "kubeclient/core/canceltoken.h"
#include "kubeclient/core/result.h"
#include "kubeclient/ksaccount/ksaccount.h"
#include "kubeclient/transport/http.h"

#include <chrono>
#include <functional>
#include <string>

namespace kube::ksaccount {

enum class Grant { Password, Refresh };

struct OAuthOptions {
    // The OAuth client the KubeSphere console signs in with (ks-apiserver's built-in trusted
    // client; only trusted clients may use the password grant on 4.x).
    std::string clientId = "kubesphere";
    std::string clientSecret = "kubesphere";
    long connectTimeoutMs = 10'000;
    long requestTimeoutMs = 30'000;
    std::function<std::chrono::system_clock::time_point()> clock;  // empty: the system clock
};

class KsOAuthClient
{
public:
    KsOAuthClient(KsAccount account, OAuthOptions options = {});

    // grant_type=password. Errors: wrong username or password, account disabled, blocked after
    // too many attempts, unreachable, TLS, not a KubeSphere server; the password never appears.
    Result<KsToken> passwordGrant(const std::string &password, const CancelTokenPtr &cancel = nullptr) const;
    // grant_type=refresh_token. An expired or revoked refresh token asks to sign in again.
    Result<KsToken> refresh(const std::string &refreshToken, const CancelTokenPtr &cancel = nullptr) const;

    // The requests themselves (no I/O), for tests and the stand-in server's expectations.
    static HttpRequest passwordRequest(const OAuthOptions &options, const std::string &username, const std::string &password);
    static HttpRequest refreshRequest(const OAuthOptions &options, const std::string &refreshToken);
    // A non-2xx answer of the token endpoint as an Auth error (status kept, reasonText = the
    // OAuth error code); `secrets` are redacted from anything the server said.
    static Error answerError(const HttpResponse &response, Grant grant, const KsAccount &account,
                             const std::vector<std::string> &secrets);
    // application/x-www-form-urlencoded value (RFC 3986 unreserved kept, space as %20).
    static std::string formEncode(const std::string &value);

    const KsAccount &account() const { return m_account; }

private:
    Result<KsToken> send(const HttpRequest &request, Grant grant, const std::vector<std::string> &secrets,
                         const CancelTokenPtr &cancel) const;

    KsAccount m_account;
    OAuthOptions m_options;
};

} // namespace kube::ksaccount
