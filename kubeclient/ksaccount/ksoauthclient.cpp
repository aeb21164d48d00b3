// The token endpoint's answers, as ks-apiserver writes them (pkg/kapis/oauth/handler.go):
// 200 {access_token, token_type, refresh_token, expires_in}; errors as RFC 6749 §5.2
// {error, error_description}: 400 invalid_grant for a wrong password ("Invalid username or
// password." on 4.x, "incorrect password" on 3.x) and for a disabled account ("Account
// suspended." / "account is not active"), 429 invalid_grant when too many failed attempts
// blocked the account (AuthLimitExceeded), 400 invalid_grant for a bad refresh token, 401
// invalid_client / unauthorized_client for the client id and secret, 400 unsupported_grant_type
// when the client may not use the password grant.
#include "kubeclient/ksaccount/ksoauthclient.h"

#include "kubeclient/core/text.h"
#include "kubeclient/transport/transport.h"

#include <nlohmann/json.hpp>

namespace kube::ksaccount {

namespace {

constexpr const char *kTokenPath = "/oauth/token";

bool contains(const std::string &haystack, const char *needle)
{
    return text::toLower(haystack).find(needle) != std::string::npos;
}

std::string clip(std::string s)
{
    constexpr size_t kMax = 300;  // a proxy's HTML page is not a message
    if (s.size() > kMax)
        s = s.substr(0, kMax) + "…";
    return s;
}

} // namespace

KsOAuthClient::KsOAuthClient(KsAccount account, OAuthOptions options)
    : m_account(std::move(account)), m_options(std::move(options))
{
}

std::string KsOAuthClient::formEncode(const std::string &value)
{
    static const char *hex = "0123456789ABCDEF";
    std::string out;
    out.reserve(value.size() * 3);
    for (unsigned char c : value) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_'
            || c == '~') {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

HttpRequest KsOAuthClient::passwordRequest(const OAuthOptions &options, const std::string &username, const std::string &password)
{
    HttpRequest r;
    r.method = "POST";
    r.path = kTokenPath;
    r.setHeader("Content-Type", "application/x-www-form-urlencoded");
    r.setHeader("Accept", "application/json");
    r.body = "grant_type=password&username=" + formEncode(username) + "&password=" + formEncode(password)
        + "&client_id=" + formEncode(options.clientId) + "&client_secret=" + formEncode(options.clientSecret);
    return r;
}

HttpRequest KsOAuthClient::refreshRequest(const OAuthOptions &options, const std::string &refreshToken)
{
    HttpRequest r;
    r.method = "POST";
    r.path = kTokenPath;
    r.setHeader("Content-Type", "application/x-www-form-urlencoded");
    r.setHeader("Accept", "application/json");
    r.body = "grant_type=refresh_token&refresh_token=" + formEncode(refreshToken) + "&client_id=" + formEncode(options.clientId)
        + "&client_secret=" + formEncode(options.clientSecret);
    return r;
}

Error KsOAuthClient::answerError(const HttpResponse &response, Grant grant, const KsAccount &account,
                                 const std::vector<std::string> &secrets)
{
    std::string code, description;
    auto body = nlohmann::json::parse(response.body, nullptr, false);
    if (body.is_object()) {
        code = body.value("error", std::string());
        description = body.value("error_description", std::string());
        if (code.empty() && description.empty())
            description = body.value("message", std::string());  // a Kubernetes Status (3.x answers some errors so)
    }
    description = clip(redact(description, secrets));
    const std::string who = "KubeSphere user \"" + account.username + "\"";
    const std::string said = description.empty() ? std::string() : " (the server said: " + description + ")";
    const std::string signInAgain = "sign in again: tenantryctl login kubesphere --server " + account.server + " --username "
        + account.username + ", or File → Sign in to KubeSphere…";

    Error e;
    e.kind = ErrorKind::Auth;
    e.where = account.server;
    ApiStatus status;
    status.code = response.status;
    status.reasonText = code;
    status.message = description;

    if (response.status == 429 || contains(description, "rate limit")) {
        status.reason = StatusReason::TooManyRequests;
        e.message = who + " is blocked after too many failed sign-ins" + said;
        e.hint = "KubeSphere lifts the block by itself after its authenticateRateLimiterDuration (30 min by default, 10 min on "
                 "3.x installs); a platform administrator can set the user Active sooner";
    } else if (grant == Grant::Refresh && (code == "invalid_grant" || response.status == 400 || response.status == 401)) {
        status.reason = StatusReason::Unauthorized;
        e.message = "the KubeSphere session of " + account.username + " has expired or was revoked" + said;
        e.hint = signInAgain;
    } else if (contains(description, "suspended") || contains(description, "not active") || contains(description, "disabled")) {
        status.reason = StatusReason::Forbidden;
        e.message = who + " is disabled" + said;
        e.hint = "a platform administrator can enable the account (tenantryctl user enable " + account.username + ")";
    } else if (code == "invalid_grant" || contains(description, "password") || (response.status == 401 && code.empty())) {
        status.reason = StatusReason::Unauthorized;
        e.message = "wrong username or password for " + who + said;
        e.hint = "check both; after repeated failures KubeSphere blocks the account for a while";
    } else if (code == "invalid_client" || code == "unauthorized_client") {
        status.reason = StatusReason::Unauthorized;
        e.message = "ks-apiserver refuses Tenantry's OAuth client \"kubesphere\"" + said;
        e.hint = "the console's built-in OAuth client is missing or has another secret on this server";
    } else if (code == "unsupported_grant_type") {
        status.reason = StatusReason::BadRequest;
        e.message = "ks-apiserver does not allow password sign-in for the console's OAuth client" + said;
        e.hint = "the OAuth client must be trusted in KubeSphere's authentication settings";
    } else if (response.status == 404 || response.status == 405) {
        status.reason = StatusReason::NotFound;
        e.message = "no KubeSphere token endpoint at " + account.server + kTokenPath + " (HTTP " + std::to_string(response.status) + ")";
        e.hint = "give ks-apiserver's address or the console's (which forwards /oauth); not kube-apiserver's";
    } else {
        status.reason = response.status >= 500 ? StatusReason::InternalError : StatusReason::Unknown;
        e.kind = response.status >= 500 ? ErrorKind::Api : ErrorKind::Auth;
        e.message = "the KubeSphere token endpoint answered HTTP " + std::to_string(response.status)
            + (code.empty() ? std::string() : " " + code) + said;
    }
    e.status = status;
    return e;
}

Result<KsToken> KsOAuthClient::passwordGrant(const std::string &password, const CancelTokenPtr &cancel) const
{
    if (password.empty())
        return Error::make(ErrorKind::Invalid, "password: the password is empty");
    return send(passwordRequest(m_options, m_account.username, password), Grant::Password, {password}, cancel);
}

Result<KsToken> KsOAuthClient::refresh(const std::string &refreshToken, const CancelTokenPtr &cancel) const
{
    if (refreshToken.empty())
        return Error::make(ErrorKind::Auth, "the KubeSphere session of " + m_account.username + " has no refresh token",
                           m_account.server, "sign in again");
    return send(refreshRequest(m_options, refreshToken), Grant::Refresh, {refreshToken}, cancel);
}

Result<KsToken> KsOAuthClient::send(const HttpRequest &request, Grant grant, const std::vector<std::string> &secrets,
                                    const CancelTokenPtr &cancel) const
{
    auto tls = m_account.tls();
    if (!tls)
        return tls.error();
    TransportConfig config;
    config.server = m_account.server;
    config.tls = std::move(tls.value());
    config.where = "KubeSphere " + m_account.server;
    config.connectTimeoutMs = m_options.connectTimeoutMs;
    config.requestTimeoutMs = m_options.requestTimeoutMs;
    config.maxRetriesOn429 = 0;  // 429 here means "account blocked", not "slow down"
    config.qps = 0;
    Transport transport(std::move(config));
    auto response = transport.send(request, cancel);
    if (!response) {
        Error e = response.error();
        e.message = redact(e.message, secrets);
        // The transport's hints speak of kube-apiserver and the kubeconfig; here it is KubeSphere.
        if (e.kind == ErrorKind::Tls)
            e.hint = m_account.caFile.empty()
                ? "give the CA that signed ks-apiserver's certificate (--certificate-authority), or knowingly skip verification"
                : "is " + m_account.caFile + " the CA that signed ks-apiserver's certificate?";
        else if (e.kind == ErrorKind::Transport || e.kind == ErrorKind::Timeout)
            e.hint = "is KubeSphere running at " + m_account.server + "?";
        return e;
    }
    if (!response->isSuccess())
        return answerError(*response, grant, m_account, secrets);
    const auto now = m_options.clock ? m_options.clock() : std::chrono::system_clock::now();
    auto token = KsToken::fromTokenResponse(response->body, now);
    if (!token) {
        Error e = token.error();
        e.where = m_account.server;
        return e;
    }
    return token;
}

} // namespace kube::ksaccount
