// KsAccount's validation, names and plugin arguments; KsToken's keyring form and the token
// endpoint's answer. Nothing here logs: tokens pass through as values only.
#include "kubeclient/ksaccount/ksaccount.h"

#include "kubeclient/core/base64.h"
#include "kubeclient/core/text.h"
#include "kubeclient/kubeconfig/kubeconfigpath.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace kube::ksaccount {

namespace {

constexpr const char *kExecApiVersion = "client.authentication.k8s.io/v1";

bool hasControl(const std::string &s)
{
    return std::any_of(s.begin(), s.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; });
}

std::string basename(const std::string &path)
{
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

} // namespace

Result<KsAccount> KsAccount::make(std::string server, std::string username, std::string caFile, bool insecureSkipTlsVerify)
{
    KsAccount a;
    while (!server.empty() && server.back() == '/')
        server.pop_back();
    if (server.empty())
        return Error::make(ErrorKind::Invalid, "server: the KubeSphere address is empty", {},
                           "give ks-apiserver's (or the console's) URL, e.g. https://ks.example.com:30880");
    const auto scheme = server.find("://");
    if (scheme == std::string::npos || (server.substr(0, scheme) != "https" && server.substr(0, scheme) != "http"))
        return Error::make(ErrorKind::Invalid, "server: \"" + server + "\" is not an http:// or https:// URL", {},
                           "write it as https://host[:port]");
    const std::string rest = server.substr(scheme + 3);
    if (rest.empty() || rest.find('/') != std::string::npos || rest.find('?') != std::string::npos
        || rest.find('@') != std::string::npos || hasControl(server) || rest.find(' ') != std::string::npos)
        return Error::make(ErrorKind::Invalid, "server: \"" + server + "\" must be scheme://host[:port] without a path, user or query",
                           {}, "KubeSphere serves /oauth, /api, /apis and /kapis at the root of its address");
    a.server = std::move(server);

    if (username.empty())
        return Error::make(ErrorKind::Invalid, "username: the KubeSphere user name is empty");
    if (hasControl(username) || username.find('/') != std::string::npos || username.find(' ') != std::string::npos)
        return Error::make(ErrorKind::Invalid, "username: \"" + username + "\" is not a KubeSphere user name", {},
                           "user names are lower-case DNS labels such as alice or ops-1");
    a.username = std::move(username);

    if (!caFile.empty() && insecureSkipTlsVerify)
        return Error::make(ErrorKind::Invalid, "certificate authority: give either a CA file or skip TLS verification, not both", {},
                           "kubectl refuses the same combination");
    if (!caFile.empty()) {
        a.caFile = KubeconfigPath::absolute(caFile);
        std::ifstream in(a.caFile, std::ios::binary);
        if (!in)
            return Error::make(ErrorKind::Invalid,
                               "certificate authority: " + a.caFile + " cannot be read: " + std::strerror(errno), {},
                               "give the PEM file of the CA that signed ks-apiserver's certificate");
    }
    a.insecureSkipTlsVerify = insecureSkipTlsVerify;
    if (a.server.starts_with("http://") && (insecureSkipTlsVerify || !a.caFile.empty()))
        return Error::make(ErrorKind::Invalid, "certificate authority: " + a.server + " is plain http, TLS settings do not apply");
    return a;
}

std::string KsAccount::hostPort() const
{
    const auto scheme = server.find("://");
    return scheme == std::string::npos ? server : server.substr(scheme + 3);
}

std::string KsAccount::clusterEntryName() const { return "kubesphere-" + hostPort(); }

std::string KsAccount::contextName() const { return "kubesphere-" + username + "@" + hostPort(); }

Result<TlsConfig> KsAccount::tls() const
{
    TlsConfig tls;
    tls.insecureSkipVerify = insecureSkipTlsVerify;
    if (!caFile.empty()) {
        std::ifstream in(caFile, std::ios::binary);
        if (!in)
            return Error::make(ErrorKind::Config, "certificate authority " + caFile + " cannot be read: " + std::strerror(errno),
                               server, "sign in again with the CA file's new path");
        std::ostringstream buffer;
        buffer << in.rdbuf();
        tls.caPem = buffer.str();
        if (tls.caPem.find("-----BEGIN CERTIFICATE-----") == std::string::npos)
            return Error::make(ErrorKind::Config, "certificate authority " + caFile + " holds no PEM certificate", server);
    }
    return tls;
}

std::vector<std::string> KsAccount::pluginArgs() const
{
    std::vector<std::string> args{"--server", server, "--username", username};
    if (!caFile.empty()) {
        args.push_back("--certificate-authority");
        args.push_back(caFile);
    }
    if (insecureSkipTlsVerify)
        args.push_back("--insecure-skip-tls-verify");
    return args;
}

KubeconfigExecConfig KsAccount::toExec(const std::string &command) const
{
    KubeconfigExecConfig exec;
    exec.command = command;
    std::vector<std::string> args{kPluginCommand};
    for (auto &a : pluginArgs())
        args.push_back(std::move(a));
    exec.args = std::move(args);
    exec.apiVersion = kExecApiVersion;
    exec.interactiveMode = "Never";
    exec.installHint = "tenantryctl is Tenantry's command-line tool; sign in again with `tenantryctl login kubesphere`";
    return exec;
}

Result<std::optional<KsAccount>> KsAccount::fromExec(const KubeconfigExecConfig &exec)
{
    const std::string name = basename(exec.command);
    if (name != "tenantryctl" || !exec.args || exec.args->empty() || exec.args->front() != kPluginCommand)
        return std::optional<KsAccount>{};
    std::string server, username, ca;
    bool insecure = false;
    const auto &args = *exec.args;
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string &arg = args[i];
        auto value = [&](std::string &into) -> bool {
            if (i + 1 >= args.size())
                return false;
            into = args[++i];
            return true;
        };
        bool ok = true;
        if (arg == "--server")
            ok = value(server);
        else if (arg == "--username")
            ok = value(username);
        else if (arg == "--certificate-authority")
            ok = value(ca);
        else if (arg == "--insecure-skip-tls-verify")
            insecure = true;
        else
            return Error::make(ErrorKind::Config, "the ks-credential plugin entry has an unknown argument \"" + arg + "\"", {},
                               "sign in again with `tenantryctl login kubesphere` to rewrite the entry");
        if (!ok)
            return Error::make(ErrorKind::Config, "the ks-credential plugin entry's " + arg + " has no value");
    }
    auto account = make(server, username, ca, insecure);
    if (!account)
        return Error::make(ErrorKind::Config, "the ks-credential plugin entry is broken: " + account.error().message, {},
                           "sign in again with `tenantryctl login kubesphere` to rewrite the entry");
    return std::optional<KsAccount>(std::move(account.value()));
}

std::map<std::string, std::string> KsAccount::secretAttributes() const
{
    return {{"application", "tenantry"}, {"kind", "kubesphere-account"}, {"server", server}, {"username", username}};
}

std::string KsAccount::secretLabel() const { return "Tenantry: KubeSphere " + username + "@" + hostPort(); }

std::chrono::seconds KsToken::refreshMargin() const
{
    if (lifetime.count() <= 0)
        return kRefreshMargin;
    return std::min(kRefreshMargin, std::chrono::seconds(lifetime.count() / 4));
}

bool KsToken::needsRefresh(std::chrono::system_clock::time_point now) const
{
    if (lifetime.count() <= 0)
        return false;  // the server named no expiry: only a 401 says it is over
    return now + refreshMargin() >= expiresAt;
}

std::string KsToken::toSecret() const
{
    nlohmann::json j;
    j["access_token"] = accessToken;
    j["token_type"] = tokenType;
    j["refresh_token"] = refreshToken;
    j["expires_at"] = std::chrono::duration_cast<std::chrono::seconds>(expiresAt.time_since_epoch()).count();
    j["expires_in"] = lifetime.count();
    return j.dump();
}

Result<KsToken> KsToken::fromSecret(const std::string &secret)
{
    auto j = nlohmann::json::parse(secret, nullptr, false);
    if (!j.is_object() || !j.contains("access_token") || !j["access_token"].is_string())
        return Error::make(ErrorKind::Auth, "the keyring entry of this KubeSphere sign-in is not Tenantry's token record", {},
                           "sign in again");
    // The keyring item can be edited by anyone holding the session: json::value() throws on a
    // wrong type, and seconds past system_clock's range overflow it, so each field is checked.
    auto text = [&](const char *key, std::string fallback) {
        auto it = j.find(key);
        return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
    };
    auto seconds = [&](const char *key) {
        using Clock = std::chrono::system_clock;
        constexpr auto kLast = std::chrono::duration_cast<std::chrono::seconds>(Clock::duration::max()).count() - 1;
        auto it = j.find(key);
        if (it == j.end() || !it->is_number())
            return std::chrono::seconds(0);
        const double v = std::clamp(it->get<double>(), -static_cast<double>(kLast), static_cast<double>(kLast));
        return std::chrono::seconds(static_cast<long long>(v));
    };
    KsToken t;
    t.accessToken = j["access_token"].get<std::string>();
    t.tokenType = text("token_type", "Bearer");
    t.refreshToken = text("refresh_token", "");
    t.expiresAt = std::chrono::system_clock::time_point(seconds("expires_at"));
    t.lifetime = seconds("expires_in");
    return t;
}

Result<KsToken> KsToken::fromTokenResponse(const std::string &body, std::chrono::system_clock::time_point now)
{
    auto j = nlohmann::json::parse(body, nullptr, false);
    if (!j.is_object())
        return Error::make(ErrorKind::Decode, "the token endpoint answered 200 without a JSON object", {},
                           "is the address ks-apiserver's (or the console's)?");
    KsToken t;
    auto access = j.find("access_token");
    if (access == j.end() || !access->is_string() || access->get<std::string>().empty())
        return Error::make(ErrorKind::Decode, "the token endpoint's answer has no access_token");
    t.accessToken = access->get<std::string>();
    if (auto type = j.find("token_type"); type != j.end() && type->is_string())
        t.tokenType = type->get<std::string>();
    if (!text::toLower(t.tokenType).starts_with("bearer"))
        return Error::make(ErrorKind::Decode, "the token endpoint issued a \"" + t.tokenType + "\" token, not a Bearer token");
    if (auto refresh = j.find("refresh_token"); refresh != j.end() && refresh->is_string())
        t.refreshToken = refresh->get<std::string>();
    if (auto expires = j.find("expires_in"); expires != j.end() && !expires->is_null()) {
        if (!expires->is_number())
            return Error::make(ErrorKind::Decode, "the token endpoint's expires_in is not a number");
        // A float (1e300) does not fit long long, and a huge lifetime overflows now + lifetime
        // in nanoseconds (both undefined behaviour): a lifetime is capped at a century.
        constexpr double kMaxLifetimeSeconds = 100.0 * 365 * 24 * 3600;
        const double seconds = expires->get<double>();
        if (seconds < 0)
            return Error::make(ErrorKind::Decode, "the token endpoint's expires_in is negative");
        t.lifetime = std::chrono::seconds(static_cast<long long>(std::min(seconds, kMaxLifetimeSeconds)));
    }
    t.expiresAt = now + t.lifetime;
    return t;
}

std::string tokenUsername(const std::string &token)
{
    const auto first = token.find('.');
    const auto second = first == std::string::npos ? std::string::npos : token.find('.', first + 1);
    if (second == std::string::npos)
        return {};
    auto payload = Base64::decodeUrl(std::string_view(token).substr(first + 1, second - first - 1));
    if (!payload)
        return {};
    auto claims = nlohmann::json::parse(*payload, nullptr, false);
    if (!claims.is_object())
        return {};
    for (const char *claim : {"username", "sub"})
        if (auto it = claims.find(claim); it != claims.end() && it->is_string() && !it->get<std::string>().empty())
            return it->get<std::string>();
    return {};
}

std::string redact(std::string text, const std::vector<std::string> &secrets)
{
    for (const auto &secret : secrets) {
        if (secret.empty())
            continue;
        static const std::string mark = "[redacted]";
        for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at + mark.size()))
            text.replace(at, secret.size(), mark);
    }
    return text;
}

} // namespace kube::ksaccount
