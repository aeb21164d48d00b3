// OIDC id-token handling after client-go's plugin/pkg/client/auth/oidc: the same config keys,
// the same expiry margin, the same refresh_token grant; tokens never appear in messages.
#include "kubeclient/kubeconfig/oidcauthprovider.h"

#include "kubeclient/core/text.h"

#include "kubeclient/core/base64.h"
#include "kubeclient/transport/transport.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>

namespace kube {

namespace {

constexpr const char *kClientId = "client-id";
constexpr const char *kClientSecret = "client-secret";
constexpr const char *kIdToken = "id-token";
constexpr const char *kRefreshToken = "refresh-token";
constexpr const char *kIssuerUrl = "idp-issuer-url";
constexpr const char *kIdpCa = "idp-certificate-authority";
constexpr const char *kIdpCaData = "idp-certificate-authority-data";

// application/x-www-form-urlencoded as Go's url.Values.Encode writes it.
std::string formEscape(const std::string &s)
{
    static const char *hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else if (c == ' ') {
            out += '+';
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string valueOr(const std::map<std::string, std::string> &m, const char *key)
{
    auto it = m.find(key);
    return it == m.end() ? std::string() : it->second;
}

// The OAuth2 error fields of a failed token response; the body itself is not echoed.
std::string oauthError(const HttpResponse &response)
{
    std::string out = "HTTP " + std::to_string(response.status);
    auto body = nlohmann::json::parse(response.body, nullptr, false);
    if (body.is_object()) {
        if (auto it = body.find("error"); it != body.end() && it->is_string())
            out += ", error " + it->get<std::string>();
        if (auto it = body.find("error_description"); it != body.end() && it->is_string())
            out += ": " + it->get<std::string>();
    } else if (const std::string title = text::htmlTitle(response.body); !title.empty()) {
        out += ", an HTML page titled \"" + title + "\" (a proxy answered, not the identity provider)";
    }
    return out;
}

} // namespace

OidcAuthProvider::OidcAuthProvider(OidcSettings settings, std::string caPem)
    : m_settings(std::move(settings)), m_caPem(std::move(caPem))
{
    if (!m_settings.fetch)
        m_settings.fetch = defaultFetch();
}

Result<std::shared_ptr<OidcAuthProvider>> OidcAuthProvider::create(OidcSettings settings)
{
    const std::string owner = "user \"" + settings.userName + "\": auth-provider oidc";
    if (valueOr(settings.config, kIssuerUrl).empty())
        return Error::make(ErrorKind::Config, owner + " has no idp-issuer-url", settings.where,
                           "add idp-issuer-url (the OIDC issuer) to auth-provider.config");
    if (valueOr(settings.config, kClientId).empty())
        return Error::make(ErrorKind::Config, owner + " has no client-id", settings.where,
                           "add client-id (the OAuth2 client registered at the issuer) to auth-provider.config");
    std::string caPem;
    const std::string caData = valueOr(settings.config, kIdpCaData);
    const std::string caFile = valueOr(settings.config, kIdpCa);
    if (!caData.empty()) {
        auto decoded = Base64::decode(caData);
        if (!decoded)
            return Error::make(ErrorKind::Config, owner + ": idp-certificate-authority-data is not valid base64", settings.where,
                               "it holds the base64 of the issuer's CA certificate (PEM)");
        caPem = *decoded;
    } else if (!caFile.empty()) {
        std::ifstream in(caFile, std::ios::binary);
        if (!in)
            return Error::make(ErrorKind::Config,
                               owner + ": idp-certificate-authority " + caFile + " cannot be read: " + std::strerror(errno),
                               settings.where, "fix the path (relative paths start at the kubeconfig's directory)");
        std::ostringstream buffer;
        buffer << in.rdbuf();
        caPem = buffer.str();
    }
    return std::shared_ptr<OidcAuthProvider>(new OidcAuthProvider(std::move(settings), std::move(caPem)));
}

std::chrono::system_clock::time_point OidcAuthProvider::now() const
{
    return m_settings.clock ? m_settings.clock() : std::chrono::system_clock::now();
}

std::string OidcAuthProvider::describe() const
{
    return "oidc: " + valueOr(m_settings.config, kIssuerUrl);
}

std::map<std::string, std::string> OidcAuthProvider::config() const
{
    std::lock_guard lock(m_mutex);
    return m_settings.config;
}

void OidcAuthProvider::invalidate()
{
    std::lock_guard lock(m_mutex);
    m_forceRefresh = true;
}

Error OidcAuthProvider::fail(std::string message, std::string hint) const
{
    return Error::make(ErrorKind::Auth, "user \"" + m_settings.userName + "\": oidc: " + std::move(message), m_settings.where,
                       std::move(hint));
}

Result<std::optional<std::chrono::system_clock::time_point>> OidcAuthProvider::idTokenExpiry(const std::string &jwt)
{
    const auto first = jwt.find('.');
    const auto second = first == std::string::npos ? std::string::npos : jwt.find('.', first + 1);
    if (second == std::string::npos || jwt.find('.', second + 1) != std::string::npos)
        return Error::make(ErrorKind::Auth, "the id-token is not a JWT (expected three dot-separated parts)");
    auto payload = Base64::decodeUrl(std::string_view(jwt).substr(first + 1, second - first - 1));
    if (!payload)
        return Error::make(ErrorKind::Auth, "the id-token's payload is not base64url");
    auto claims = nlohmann::json::parse(*payload, nullptr, false);
    if (!claims.is_object())
        return Error::make(ErrorKind::Auth, "the id-token's payload is not a JSON object");
    auto exp = claims.find("exp");
    if (exp == claims.end() || exp->is_null())
        return std::optional<std::chrono::system_clock::time_point>{};
    double seconds = 0;
    if (exp->is_number()) {
        seconds = exp->get<double>();
    } else if (exp->is_string()) {
        const std::string text = exp->get<std::string>();
        const auto res = std::from_chars(text.data(), text.data() + text.size(), seconds);
        if (res.ec != std::errc() || res.ptr != text.data() + text.size())
            return Error::make(ErrorKind::Auth, "the id-token's exp claim is not a number");
    } else {
        return Error::make(ErrorKind::Auth, "the id-token's exp claim is not a number");
    }
    // from_chars takes "nan" and "inf"; and an exp past system_clock's nanosecond range (year
    // 2262) or past long long would overflow the conversions (undefined behaviour): such a
    // token never expires as far as this clock can tell.
    if (std::isnan(seconds))
        return Error::make(ErrorKind::Auth, "the id-token's exp claim is not a number");
    using Clock = std::chrono::system_clock;
    constexpr auto kLast = std::chrono::duration_cast<std::chrono::seconds>(Clock::duration::max()).count() - 1;
    constexpr auto kFirst = std::chrono::duration_cast<std::chrono::seconds>(Clock::duration::min()).count() + 1;
    if (seconds >= static_cast<double>(kLast))
        return std::optional<Clock::time_point>(Clock::time_point::max());
    if (seconds <= static_cast<double>(kFirst))
        return std::optional<Clock::time_point>(Clock::time_point::min());
    return std::optional<Clock::time_point>(Clock::time_point(std::chrono::seconds(static_cast<long long>(std::floor(seconds)))));
}

Result<AuthMaterial> OidcAuthProvider::current(const CancelTokenPtr &cancel)
{
    std::lock_guard lock(m_mutex);
    const std::string idToken = valueOr(m_settings.config, kIdToken);
    bool valid = false;
    if (!idToken.empty() && !m_forceRefresh) {
        auto expiry = idTokenExpiry(idToken);
        if (!expiry)
            return fail(expiry.error().message, "log in again to get a fresh id-token (e.g. kubectl oidc-login)");
        valid = expiry.value() && now() + kExpiryDelta < *expiry.value();
    }
    AuthMaterial material = m_settings.base;
    if (valid) {
        material.bearerToken = idToken;
        return material;
    }
    auto refreshed = refresh(cancel);
    if (!refreshed)
        return refreshed.error();
    m_forceRefresh = false;
    material.bearerToken = refreshed.value();
    return material;
}

Result<std::string> OidcAuthProvider::refresh(const CancelTokenPtr &cancel)
{
    const std::string refreshToken = valueOr(m_settings.config, kRefreshToken);
    if (refreshToken.empty())
        return fail("the id-token has expired (or is missing) and there is no refresh-token to renew it",
                    "log in again with your OIDC login tool to get a new id-token");
    std::string issuer = valueOr(m_settings.config, kIssuerUrl);
    while (!issuer.empty() && issuer.back() == '/')
        issuer.pop_back();

    // OpenID discovery: the token endpoint is not configured in the kubeconfig.
    OidcHttpRequest discovery;
    discovery.url = issuer + "/.well-known/openid-configuration";
    discovery.caPem = m_caPem;
    discovery.headers.emplace_back("Accept", "application/json");
    auto discovered = m_settings.fetch(discovery, cancel);
    if (!discovered)
        return fail("cannot reach the issuer's discovery document " + discovery.url + ": " + discovered.error().message,
                    "check idp-issuer-url and your network connection");
    if (!discovered->isSuccess())
        return fail("the issuer's discovery document " + discovery.url + " answered HTTP " + std::to_string(discovered->status),
                    "check idp-issuer-url");
    auto doc = nlohmann::json::parse(discovered->body, nullptr, false);
    std::string tokenEndpoint;
    if (doc.is_object())
        if (auto it = doc.find("token_endpoint"); it != doc.end() && it->is_string())
            tokenEndpoint = it->get<std::string>();
    if (tokenEndpoint.empty())
        return fail("the issuer's discovery document " + discovery.url + " names no token_endpoint",
                    "check idp-issuer-url: it must be the issuer itself");

    const std::string clientId = valueOr(m_settings.config, kClientId);
    const std::string clientSecret = valueOr(m_settings.config, kClientSecret);
    const std::string grant = "grant_type=refresh_token&refresh_token=" + formEscape(refreshToken);
    auto tokenRequest = [&](bool credentialsInHeader) {
        OidcHttpRequest request;
        request.method = "POST";
        request.url = tokenEndpoint;
        request.caPem = m_caPem;
        request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
        request.headers.emplace_back("Accept", "application/json");
        request.body = grant;
        if (credentialsInHeader) {
            request.headers.emplace_back(
                "Authorization", "Basic " + Base64::encode(formEscape(clientId) + ":" + formEscape(clientSecret)));
        } else {
            request.body += "&client_id=" + formEscape(clientId);
            if (!clientSecret.empty())
                request.body += "&client_secret=" + formEscape(clientSecret);
        }
        return m_settings.fetch(request, cancel);
    };
    // golang.org/x/oauth2 auto-detects: client credentials in a Basic header first, then in
    // the form body for issuers that only accept that.
    auto response = tokenRequest(true);
    if (response && (response->status == 400 || response->status == 401))
        response = tokenRequest(false);
    if (!response)
        return fail("the token endpoint " + tokenEndpoint + " cannot be reached: " + response.error().message,
                    "check your network connection and the issuer's availability");
    if (!response->isSuccess())
        return fail("refreshing the id-token at the token endpoint " + tokenEndpoint + " failed (" + oauthError(*response) + ")",
                    "the refresh-token may have expired or been revoked: log in again");
    auto body = nlohmann::json::parse(response->body, nullptr, false);
    if (!body.is_object())
        return fail("the token endpoint " + tokenEndpoint + " answered with something that is not a JSON object ("
                    + std::to_string(response->body.size()) + " bytes"
                    + (body.is_discarded() ? ": " + text::jsonProblem(response->body) : std::string()) + ")");
    auto idIt = body.find("id_token");
    if (idIt == body.end() || !idIt->is_string() || idIt->get<std::string>().empty())
        return fail("the token response did not contain an id_token",
                    "either the scope \"openid\" wasn't requested at login, or the provider doesn't return id_tokens on refresh");
    const std::string newIdToken = idIt->get<std::string>();
    // Refuse a token that is not a JWT now, while the answer that brought it can be named.
    if (auto expiry = idTokenExpiry(newIdToken); !expiry)
        return fail("the token endpoint " + tokenEndpoint + " returned an id_token that cannot be used: " + expiry.error().message,
                    "check the issuer configured in idp-issuer-url");

    std::map<std::string, std::string> updated = m_settings.config;
    updated[kIdToken] = newIdToken;
    if (auto rt = body.find("refresh_token"); rt != body.end() && rt->is_string() && !rt->get<std::string>().empty())
        updated[kRefreshToken] = rt->get<std::string>();
    if (m_settings.persist) {
        if (auto persisted = m_settings.persist(updated); !persisted)
            return fail("could not save the refreshed tokens: " + persisted.error().message, persisted.error().hint);
    }
    m_settings.config = std::move(updated);
    return newIdToken;
}

OidcHttpFetch OidcAuthProvider::defaultFetch()
{
    return [](const OidcHttpRequest &request, const CancelTokenPtr &cancel) -> Result<HttpResponse> {
        const auto schemeEnd = request.url.find("://");
        if (schemeEnd == std::string::npos)
            return Error::make(ErrorKind::Invalid, "not an absolute URL: " + request.url);
        const auto pathStart = request.url.find('/', schemeEnd + 3);
        TransportConfig config;
        config.server = pathStart == std::string::npos ? request.url : request.url.substr(0, pathStart);
        config.tls.caPem = request.caPem;
        config.where = "OIDC issuer " + config.server;
        config.requestTimeoutMs = 30'000;
        Transport transport(config);
        HttpRequest http;
        http.method = request.method;
        http.path = pathStart == std::string::npos ? "/" : request.url.substr(pathStart);
        http.headers = request.headers;
        http.body = request.body;
        return transport.send(http, cancel);
    };
}

} // namespace kube
