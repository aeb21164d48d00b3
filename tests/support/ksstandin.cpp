// The stand-in's answers follow ks-apiserver 4.x's pkg/kapis/oauth/handler.go (3.x texts with
// kubesphere4 = false): see kubeclient/ksaccount/ksoauthclient.cpp for the table. Tokens are
// JWT-shaped (header.payload.signature) with KubeSphere's `username` and `token_type` claims;
// the signature is a serial number, and validity is looked up in memory.
#include "tests/support/ksstandin.h"

#include "kubeclient/core/base64.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace testsupport {

namespace {

std::string base64Url(const std::string &bytes)
{
    std::string s = kube::Base64::encode(bytes);
    std::replace(s.begin(), s.end(), '+', '-');
    std::replace(s.begin(), s.end(), '/', '_');
    while (!s.empty() && s.back() == '=')
        s.pop_back();
    return s;
}

std::map<std::string, std::string> parseForm(const std::string &body)
{
    std::map<std::string, std::string> out;
    auto decode = [](const std::string &in) {
        std::string s;
        for (size_t i = 0; i < in.size(); ++i) {
            if (in[i] == '+') {
                s.push_back(' ');
            } else if (in[i] == '%' && i + 2 < in.size()) {
                s.push_back(static_cast<char>(std::stoi(in.substr(i + 1, 2), nullptr, 16)));
                i += 2;
            } else {
                s.push_back(in[i]);
            }
        }
        return s;
    };
    size_t start = 0;
    while (start <= body.size()) {
        const size_t end = std::min(body.find('&', start), body.size());
        const std::string pair = body.substr(start, end - start);
        const size_t eq = pair.find('=');
        if (!pair.empty())
            out[decode(pair.substr(0, eq))] = eq == std::string::npos ? std::string() : decode(pair.substr(eq + 1));
        start = end + 1;
    }
    return out;
}

TestResponse oauthError(int status, const std::string &code, const std::string &description)
{
    nlohmann::json j{{"error", code}, {"error_description", description}};
    return TestResponse::json(status, j.dump());
}

TestResponse kubeStatus(int code, const std::string &reason, const std::string &message)
{
    nlohmann::json j{{"kind", "Status"}, {"apiVersion", "v1"}, {"metadata", nlohmann::json::object()}, {"status", "Failure"},
                     {"message", message}, {"reason", reason}, {"code", code}};
    return TestResponse::json(code, j.dump());
}

} // namespace

KsStandIn::KsStandIn(const TestPki &pki, KsStandInOptions options)
    : m_options(std::move(options)), m_server(TestHttpServer::httpsOptions(pki)), m_cancel(std::make_shared<kube::CancelToken>())
{
    if (m_options.upstream) {
        kube::TransportConfig upstream = *m_options.upstream;
        upstream.qps = 0;
        m_upstream = std::make_unique<kube::Transport>(std::move(upstream));
    }
    m_server.setHandler([this](const TestRequest &request) { return handle(request); });
}

KsStandIn::~KsStandIn()
{
    m_cancel->cancel();  // proxied watches end, so the server's threads can be joined
    m_server.stop();
}

void KsStandIn::addUser(const std::string &name, const std::string &password, UserState state)
{
    std::lock_guard lock(m_mutex);
    m_users[name] = User{password, state, 0};
}

void KsStandIn::setUserState(const std::string &name, UserState state)
{
    std::lock_guard lock(m_mutex);
    m_users[name].state = state;
    if (state == UserState::Active)
        m_users[name].failures = 0;
}

void KsStandIn::expireAccessTokens()
{
    std::lock_guard lock(m_mutex);
    const auto past = std::chrono::system_clock::now() - std::chrono::seconds(1);
    for (auto &[token, issued] : m_tokens)
        if (!issued.refresh)
            issued.expiresAt = std::min(issued.expiresAt, past);
}

void KsStandIn::revokeRefreshTokens()
{
    std::lock_guard lock(m_mutex);
    for (auto &[token, issued] : m_tokens)
        if (issued.refresh)
            issued.revoked = true;
}

int KsStandIn::passwordGrants() const { std::lock_guard lock(m_mutex); return m_passwordGrants; }
int KsStandIn::refreshGrants() const { std::lock_guard lock(m_mutex); return m_refreshGrants; }
int KsStandIn::failedGrants() const { std::lock_guard lock(m_mutex); return m_failedGrants; }
int KsStandIn::proxiedRequests() const { std::lock_guard lock(m_mutex); return m_proxied; }
int KsStandIn::unauthorizedRequests() const { std::lock_guard lock(m_mutex); return m_unauthorized; }

std::string KsStandIn::mint(const std::string &user, bool refresh, std::chrono::seconds lifetime)
{
    // m_mutex held.
    const auto expires = std::chrono::system_clock::now() + lifetime;
    nlohmann::json header{{"alg", "HS256"}, {"typ", "JWT"}};
    nlohmann::json claims{{"username", user},
                          {"token_type", refresh ? "refresh_token" : "access_token"},
                          {"iss", "kubesphere"},
                          {"exp", std::chrono::duration_cast<std::chrono::seconds>(expires.time_since_epoch()).count()}};
    const std::string token = base64Url(header.dump()) + "." + base64Url(claims.dump()) + "." + base64Url("standin-" + std::to_string(++m_serial));
    m_tokens[token] = Issued{user, refresh, expires, false};
    return token;
}

TestResponse KsStandIn::issue(const std::string &user)
{
    // m_mutex held.
    nlohmann::json j;
    j["access_token"] = mint(user, false, m_options.accessTokenLifetime);
    j["token_type"] = "Bearer";
    j["refresh_token"] = mint(user, true, m_options.refreshTokenLifetime);
    j["expires_in"] = m_options.accessTokenLifetime.count();
    return TestResponse::json(200, j.dump());
}

TestResponse KsStandIn::handle(const TestRequest &request)
{
    const std::string path = request.target.substr(0, request.target.find('?'));
    if (path == "/oauth/token")
        return request.method == "POST" ? token(request) : kubeStatus(405, "MethodNotAllowed", "POST only");
    if (path == "/api" || path.starts_with("/api/") || path == "/apis" || path.starts_with("/apis/"))
        return proxy(request);
    return kubeStatus(404, "NotFound", "the stand-in serves /oauth/token, /api and /apis only");
}

TestResponse KsStandIn::token(const TestRequest &request)
{
    const auto form = parseForm(request.body);
    auto field = [&](const char *name) {
        auto it = form.find(name);
        return it == form.end() ? std::string() : it->second;
    };
    std::lock_guard lock(m_mutex);
    if (field("client_id") != m_options.clientId)
        return oauthError(401, "invalid_client", "The provided client_id is invalid or does not exist.");
    if (field("client_secret") != m_options.clientSecret)
        return oauthError(401, "unauthorized_client", "Invalid client credential.");

    const std::string grant = field("grant_type");
    const auto now = std::chrono::system_clock::now();
    if (grant == "password") {
        const std::string name = field("username");
        auto user = m_users.find(name);
        if (user != m_users.end() && user->second.state == UserState::Disabled) {
            ++m_failedGrants;
            return oauthError(400, "invalid_grant", m_options.kubesphere4 ? "Account suspended." : "account is not active");
        }
        if (user != m_users.end() && user->second.state == UserState::AuthLimitExceeded) {
            ++m_failedGrants;
            return oauthError(429, "invalid_grant", m_options.kubesphere4 ? "Rate limit exceeded." : "auth rate limit exceeded");
        }
        if (user == m_users.end() || user->second.password != field("password")) {
            ++m_failedGrants;
            if (user != m_users.end() && ++user->second.failures >= m_options.maxFailedAttempts)
                user->second.state = UserState::AuthLimitExceeded;
            return oauthError(400, "invalid_grant", m_options.kubesphere4 ? "Invalid username or password." : "incorrect password");
        }
        user->second.failures = 0;
        ++m_passwordGrants;
        return issue(name);
    }
    if (grant == "refresh_token") {
        auto it = m_tokens.find(field("refresh_token"));
        if (it == m_tokens.end() || !it->second.refresh || it->second.revoked || it->second.expiresAt <= now) {
            ++m_failedGrants;
            return oauthError(400, "invalid_grant", "The refresh token is invalid or expired.");
        }
        auto user = m_users.find(it->second.user);
        if (user == m_users.end() || user->second.state == UserState::Disabled) {
            ++m_failedGrants;
            return oauthError(400, "invalid_grant", "Account suspended.");
        }
        ++m_refreshGrants;
        return issue(it->second.user);
    }
    return oauthError(400, "unsupported_grant_type", "The provided grant_type is not supported.");
}

TestResponse KsStandIn::proxy(const TestRequest &request)
{
    const std::string authorization = request.header("Authorization");
    {
        std::lock_guard lock(m_mutex);
        bool valid = false;
        if (authorization.rfind("Bearer ", 0) == 0) {
            auto it = m_tokens.find(authorization.substr(7));
            if (it != m_tokens.end() && !it->second.refresh && !it->second.revoked
                && it->second.expiresAt > std::chrono::system_clock::now()) {
                auto user = m_users.find(it->second.user);
                valid = user != m_users.end() && user->second.state != UserState::Disabled;
            }
        }
        if (!valid) {
            ++m_unauthorized;
            return kubeStatus(401, "Unauthorized", "Unauthorized");
        }
        ++m_proxied;
    }
    if (!m_upstream)
        return kubeStatus(503, "ServiceUnavailable", "the stand-in has no kube-apiserver behind it");

    // ks-apiserver's proxy: the caller's Authorization goes, ks-apiserver's own credentials are
    // added by the upstream transport.
    kube::HttpRequest forward;
    forward.method = request.method;
    forward.path = request.target;
    forward.body = request.body;
    for (const auto &[name, value] : request.headers) {
        const std::string lower = [&] {
            std::string s = name;
            std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
            return s;
        }();
        if (lower == "authorization" || lower == "host" || lower == "content-length" || lower == "connection"
            || lower == "transfer-encoding" || lower == "accept-encoding" || lower == "expect")
            continue;
        forward.headers.emplace_back(name, value);
    }
    const bool watch = request.target.find("watch=true") != std::string::npos || request.target.find("watch=1") != std::string::npos;
    if (watch) {
        TestResponse response;
        response.headers.emplace_back("Content-Type", "application/json");
        response.stream = [this, forward](const std::function<bool(std::string_view)> &write) {
            auto answer = m_upstream->stream(forward, [&](std::string_view data) { return write(data); }, m_cancel);
            if (answer && !answer->isSuccess()) {
                // Status and headers are gone already: say it the way kube-apiserver ends a watch.
                auto status = nlohmann::json::parse(answer->body, nullptr, false);
                if (status.is_object())
                    write(nlohmann::json{{"type", "ERROR"}, {"object", status}}.dump() + "\n");
            }
        };
        return response;
    }
    auto answer = m_upstream->send(forward, m_cancel);
    if (!answer)
        return kubeStatus(502, "ServiceUnavailable", "the stand-in could not reach kube-apiserver: " + answer.error().message);
    TestResponse response;
    response.status = answer->status;
    response.body = answer->body;
    const std::string type = answer->header("Content-Type");
    if (!type.empty())
        response.headers.emplace_back("Content-Type", type);
    return response;
}

} // namespace testsupport
