// The exec plugin protocol as client-go implements it (plugin/pkg/client/auth/exec), plus what
// a GUI needs on top: a timeout, the plugin's stderr in the error, and an approval hook.
#include "kubeclient/kubeconfig/execcredentialprovider.h"

#include "kubeclient/core/base64.h"
#include "kubeclient/core/text.h"
#include "kubeclient/kubeconfig/execplugin.h"
#include "kubeclient/kubeconfig/kubeconfigpem.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>

namespace kube {

namespace {

constexpr const char *kV1 = "client.authentication.k8s.io/v1";
constexpr const char *kV1Beta1 = "client.authentication.k8s.io/v1beta1";
constexpr const char *kV1Alpha1 = "client.authentication.k8s.io/v1alpha1";
// Enough of a plugin's stderr to show its own error message, not its whole debug log.
constexpr std::size_t kStderrExcerpt = 1000;

std::string trim(std::string s)
{
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos)
        return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

// The end of stderr: plugins print their actual error last, after progress chatter.
std::string stderrExcerpt(const std::string &text)
{
    std::string t = trim(text);
    if (t.size() <= kStderrExcerpt)
        return t;
    std::size_t cut = t.size() - kStderrExcerpt;
    while (cut < t.size() && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80)
        ++cut;  // don't start inside a UTF-8 sequence
    return "..." + t.substr(cut);
}

// The credential values in what a plugin printed, read leniently (the output may be cut off or
// not JSON at all): each "token" / "clientKeyData" string, and each line of a key. A plugin
// that fails after printing its credential often says it again on stderr, which we show.
std::vector<std::string> printedSecrets(const std::string &out)
{
    std::vector<std::string> secrets;
    for (const std::string key : {"\"token\"", "\"clientKeyData\""}) {
        for (auto at = out.find(key); at != std::string::npos; at = out.find(key, at + key.size())) {
            auto p = out.find_first_not_of(" \t\r\n", at + key.size());
            if (p == std::string::npos || out[p] != ':')
                continue;
            p = out.find_first_not_of(" \t\r\n", p + 1);
            if (p == std::string::npos || out[p] != '"')
                continue;
            std::string value;
            for (++p; p < out.size() && out[p] != '"'; ++p) {
                if (out[p] == '\\' && p + 1 < out.size()) {
                    ++p;
                    value += out[p] == 'n' ? '\n' : out[p];
                } else {
                    value += out[p];
                }
            }
            secrets.push_back(value);
            std::size_t start = 0;
            while (start < value.size()) {
                const auto end = value.find('\n', start);
                const std::string line = value.substr(start, end == std::string::npos ? std::string::npos : end - start);
                if (line.find("-----") == std::string::npos)
                    secrets.push_back(line);
                if (end == std::string::npos)
                    break;
                start = end + 1;
            }
        }
    }
    return secrets;
}

std::string formatSeconds(std::chrono::milliseconds d)
{
    char buf[32];
    if (d.count() % 1000 == 0)
        std::snprintf(buf, sizeof buf, "%lld s", static_cast<long long>(d.count() / 1000));
    else
        std::snprintf(buf, sizeof buf, "%lld.%lld s", static_cast<long long>(d.count() / 1000),
                      static_cast<long long>(d.count() % 1000 / 100));
    return buf;
}

std::string baseName(const std::string &path)
{
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// metav1.Time accepts RFC 3339 ("2006-01-02T15:04:05Z07:00", fractional seconds allowed).
std::optional<std::chrono::system_clock::time_point> parseRfc3339(const std::string &s)
{
    int year, month, day, hour, minute, second;
    int consumed = 0;
    if (std::sscanf(s.c_str(), "%4d-%2d-%2d%*1[Tt]%2d:%2d:%2d%n", &year, &month, &day, &hour, &minute, &second, &consumed) != 6)
        return std::nullopt;
    std::size_t i = static_cast<std::size_t>(consumed);
    double fraction = 0;
    if (i < s.size() && s[i] == '.') {
        std::size_t j = i + 1;
        double scale = 0.1;
        while (j < s.size() && s[j] >= '0' && s[j] <= '9') {
            fraction += (s[j] - '0') * scale;
            scale /= 10;
            ++j;
        }
        if (j == i + 1)
            return std::nullopt;
        i = j;
    }
    long offset = 0;
    if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
        ++i;
    } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        int oh, om;
        if (std::sscanf(s.c_str() + i + 1, "%2d:%2d", &oh, &om) != 2 || s.size() != i + 6)
            return std::nullopt;
        offset = (oh * 3600L + om * 60L) * (s[i] == '-' ? -1 : 1);
        i += 6;
    } else {
        return std::nullopt;
    }
    if (i != s.size() || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    std::tm tm{};
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    tm.tm_min = minute;
    tm.tm_sec = second;
    const time_t t = ::timegm(&tm) - offset;
    // system_clock counts nanoseconds in 64 bits: years 1678..2262. A plugin may well say
    // "9999-12-31T23:59:59Z" for "never"; from_time_t would overflow (undefined behaviour), so
    // times past the clock's range are its end (and before it, its start).
    using Clock = std::chrono::system_clock;
    constexpr auto kLast = std::chrono::duration_cast<std::chrono::seconds>(Clock::duration::max()).count() - 1;
    constexpr auto kFirst = std::chrono::duration_cast<std::chrono::seconds>(Clock::duration::min()).count() + 1;
    if (t >= kLast)
        return Clock::time_point::max();
    if (t <= kFirst)
        return Clock::time_point::min();
    return Clock::from_time_t(t)
           + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(fraction));
}

const char *jsonTypeName(const nlohmann::json &v)
{
    switch (v.type()) {
    case nlohmann::json::value_t::null: return "null";
    case nlohmann::json::value_t::boolean: return "a boolean";
    case nlohmann::json::value_t::string: return "a string";
    case nlohmann::json::value_t::array: return "a list";
    case nlohmann::json::value_t::object: return "an object";
    default: return "a number";
    }
}

} // namespace

ExecCredentialProvider::ExecCredentialProvider(ExecCredentialSettings settings) : m_settings(std::move(settings)) {}

Result<std::shared_ptr<ExecCredentialProvider>> ExecCredentialProvider::create(ExecCredentialSettings settings)
{
    const std::string owner = "user \"" + settings.userName + "\": exec";
    const auto &exec = settings.exec;
    if (exec.command.empty())
        return Error::make(ErrorKind::Config, owner + ".command is empty", settings.where,
                           "set exec.command to the credential plugin to run");
    if (exec.apiVersion.empty())
        return Error::make(ErrorKind::Config, owner + ".apiVersion is missing", settings.where,
                           std::string("set it to ") + kV1 + " (or " + kV1Beta1 + " for older plugins)");
    if (exec.apiVersion == kV1Alpha1)
        return Error::make(ErrorKind::Config, owner + ".apiVersion " + kV1Alpha1 + " is no longer supported", settings.where,
                           std::string("kubectl dropped it in 1.24; use ") + kV1Beta1 + " or " + kV1 + " with a current plugin");
    if (exec.apiVersion != kV1 && exec.apiVersion != kV1Beta1)
        return Error::make(ErrorKind::Config, owner + ".apiVersion \"" + exec.apiVersion + "\" is not a credential plugin API version",
                           settings.where, std::string("use ") + kV1 + " or " + kV1Beta1);
    if (exec.env) {
        for (const auto &var : *exec.env)
            if (var.name.empty())
                return Error::make(ErrorKind::Config, owner + ".env has an entry without a name", settings.where);
    }
    if (exec.interactiveMode.empty())
        return Error::make(ErrorKind::Config, owner + ".interactiveMode must be set for " + kV1 + " plugins", settings.where,
                           "add interactiveMode: Never (or IfAvailable) to the exec section");
    if (exec.interactiveMode == "Always")
        return Error::make(ErrorKind::Auth,
                           owner + " plugin \"" + baseName(exec.command) + "\" requires an interactive terminal (interactiveMode: Always)",
                           settings.where,
                           "Tenantry runs plugins without a terminal: log in with the plugin in a terminal first, "
                           "or set interactiveMode: IfAvailable if the plugin can work without one");
    if (exec.interactiveMode != "Never" && exec.interactiveMode != "IfAvailable")
        return Error::make(ErrorKind::Config, owner + ".interactiveMode \"" + exec.interactiveMode + "\" is not valid",
                           settings.where, "use Never, IfAvailable or Always");
    return std::shared_ptr<ExecCredentialProvider>(new ExecCredentialProvider(std::move(settings)));
}

std::chrono::system_clock::time_point ExecCredentialProvider::now() const
{
    return m_settings.clock ? m_settings.clock() : std::chrono::system_clock::now();
}

std::string ExecCredentialProvider::describe() const
{
    return "exec: " + baseName(m_settings.exec.command);
}

int ExecCredentialProvider::runCount() const
{
    std::lock_guard lock(m_mutex);
    return m_runs;
}

void ExecCredentialProvider::invalidate()
{
    std::lock_guard lock(m_mutex);
    m_cached.reset();
    m_expiry.reset();
}

std::string ExecCredentialProvider::execInfo() const
{
    nlohmann::ordered_json info;
    info["kind"] = "ExecCredential";
    info["apiVersion"] = m_settings.exec.apiVersion;
    nlohmann::ordered_json spec = nlohmann::ordered_json::object();
    if (m_settings.exec.provideClusterInfo && !m_settings.clusterInfo.is_null())
        spec["cluster"] = m_settings.clusterInfo;
    // We never hand the plugin a terminal (see create()).
    spec["interactive"] = false;
    info["spec"] = spec;
    return info.dump();
}

Error ExecCredentialProvider::failure(std::string message, const std::string &stderrText, const std::string &stdoutText) const
{
    const std::string excerpt = stderrExcerpt(text::redactSecrets(stderrText, printedSecrets(stdoutText)));
    if (!excerpt.empty())
        message += "; its error output: " + excerpt;
    std::string hint = trim(m_settings.exec.installHint);
    if (hint.empty())
        hint = "run the command in a terminal to see what it needs (a login, a missing tool, network access)";
    return Error::make(ErrorKind::Auth, std::move(message), m_settings.where, std::move(hint));
}

Result<ExecCredentialStatus> ExecCredentialProvider::parseCredential(const std::string &stdoutText, const std::string &apiVersion)
{
    auto fail = [](std::string m) { return Error::make(ErrorKind::Auth, std::move(m)); };
    nlohmann::json doc = nlohmann::json::parse(stdoutText, nullptr, false);
    if (doc.is_discarded())
        return fail("printed output that is not JSON (" + std::to_string(stdoutText.size()) + " bytes), not an ExecCredential");
    if (!doc.is_object())
        return fail(std::string("printed ") + jsonTypeName(doc) + ", not an ExecCredential object");
    auto stringField = [](const nlohmann::json &obj, const char *name, std::string &out) -> bool {
        auto it = obj.find(name);
        if (it == obj.end() || it->is_null())
            return true;
        if (!it->is_string())
            return false;
        out = it->get<std::string>();
        return true;
    };
    std::string kind, version;
    if (!stringField(doc, "kind", kind) || !stringField(doc, "apiVersion", version))
        return fail("printed an object whose kind or apiVersion is not a string");
    if (version.empty() || kind.empty())
        return fail("printed an object without apiVersion and kind; expected kind ExecCredential, apiVersion " + apiVersion);
    if (version != apiVersion)
        return fail("returned apiVersion \"" + version + "\", but the kubeconfig configures \"" + apiVersion + "\"");
    if (kind != "ExecCredential")
        return fail("returned kind \"" + kind + "\", expected ExecCredential");
    auto statusIt = doc.find("status");
    if (statusIt == doc.end() || statusIt->is_null())
        return fail("returned an ExecCredential without a status");
    if (!statusIt->is_object())
        return fail(std::string("returned a status that is ") + jsonTypeName(*statusIt) + ", not an object");
    const auto &status = *statusIt;
    ExecCredentialStatus out;
    for (auto [field, target] : {std::pair<const char *, std::string *>{"token", &out.token},
                                 {"clientCertificateData", &out.clientCertificateData},
                                 {"clientKeyData", &out.clientKeyData}}) {
        if (!stringField(status, field, *target))
            return fail(std::string("returned status.") + field + " that is " + jsonTypeName(status.at(field)) + ", not a string");
    }
    std::string expiry;
    if (!stringField(status, "expirationTimestamp", expiry))
        return fail("returned status.expirationTimestamp that is not a string");
    if (!expiry.empty()) {
        auto t = parseRfc3339(expiry);
        if (!t)
            return fail("returned status.expirationTimestamp \"" + expiry + "\", which is not an RFC 3339 time");
        out.expirationTimestamp = t;
    }
    if (out.token.empty() && out.clientCertificateData.empty() && out.clientKeyData.empty())
        return fail("returned neither a token nor a client certificate and key");
    if (out.clientCertificateData.empty() != out.clientKeyData.empty())
        return fail("returned only a client certificate or only a key, not both");
    return out;
}

Result<AuthMaterial> ExecCredentialProvider::current(const CancelTokenPtr &cancel)
{
    std::lock_guard lock(m_mutex);
    if (m_cached && (!m_expiry || now() < *m_expiry))
        return *m_cached;

    const auto &exec = m_settings.exec;
    const std::string name = "exec plugin \"" + exec.command + "\" of user \"" + m_settings.userName + "\"";
    if (!m_approved && m_settings.approve) {
        ExecApprovalRequest request;
        request.userName = m_settings.userName;
        request.where = m_settings.where;
        request.command = exec.command;
        request.args = exec.args.value_or(std::vector<std::string>{});
        if (exec.env)
            for (const auto &var : *exec.env)
                request.envNames.push_back(var.name);
        if (!m_settings.approve(request))
            return Error::make(ErrorKind::Auth, name + " was not approved to run", m_settings.where,
                               "approve the command to connect with this kubeconfig user");
        m_approved = true;
    }

    ExecPluginRequest request;
    request.command = exec.command;
    request.args = exec.args.value_or(std::vector<std::string>{});
    if (exec.env)
        for (const auto &var : *exec.env)
            request.extraEnv.emplace_back(var.name, var.value);
    request.extraEnv.emplace_back("KUBERNETES_EXEC_INFO", execInfo());
    request.timeout = m_settings.timeout;

    ++m_runs;
    const ExecPluginOutcome outcome = ExecPlugin::run(request, cancel);
    using Status = ExecPluginOutcome::Status;
    switch (outcome.status) {
    case Status::NotFound: {
        std::string hint = trim(exec.installHint);
        if (hint.empty())
            hint = exec.command.find('/') == std::string::npos
                       ? "install the credential plugin or add its directory to PATH"
                       : "install the credential plugin there or fix exec.command in the kubeconfig";
        return Error::make(ErrorKind::Auth,
                           name + " was not found" + (exec.command.find('/') == std::string::npos ? " in PATH" : ""),
                           m_settings.where, std::move(hint));
    }
    case Status::SpawnFailed:
        return Error::make(ErrorKind::Auth, name + " could not be started: " + std::strerror(outcome.spawnErrno), m_settings.where,
                           outcome.spawnErrno == EACCES ? "make the plugin executable (chmod +x) or fix exec.command"
                                                        : trim(exec.installHint));
    case Status::Cancelled:
        return Error::make(ErrorKind::Cancelled, name + " was cancelled", m_settings.where);
    case Status::TimedOut:
        return failure(name + " did not finish within " + formatSeconds(m_settings.timeout)
                           + " and was stopped (it may be waiting for a login in a browser or terminal)",
                       outcome.err, outcome.out);
    case Status::Signaled:
        return failure(name + " was killed by signal " + std::to_string(outcome.signal), outcome.err, outcome.out);
    case Status::Exited:
        break;
    }
    if (outcome.exitCode != 0)
        return failure(name + " failed with exit code " + std::to_string(outcome.exitCode), outcome.err, outcome.out);
    if (outcome.outTruncated)
        return failure(name + " printed more than " + std::to_string(outcome.out.size()) + " bytes, not an ExecCredential", outcome.err, outcome.out);

    auto parsed = parseCredential(outcome.out, exec.apiVersion);
    if (!parsed)
        return failure(name + " " + parsed.error().message, outcome.err, outcome.out);
    AuthMaterial material = m_settings.base;
    if (!parsed->token.empty())
        material.bearerToken = parsed->token;
    if (!parsed->clientCertificateData.empty()) {
        if (auto check = KubeconfigPem::checkKeyPair(parsed->clientCertificateData, parsed->clientKeyData); !check)
            return failure(name + " returned a client certificate that cannot be used: " + check.error().message, {});
        material.clientCertPem = parsed->clientCertificateData;
        material.clientKeyPem = parsed->clientKeyData;
    }
    m_cached = material;
    m_expiry = parsed->expirationTimestamp;
    return material;
}

} // namespace kube
