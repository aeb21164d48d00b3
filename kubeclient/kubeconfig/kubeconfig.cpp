// Loading and merging follow client-go's clientcmd loader; turning a context into a transport
// follows its DirectClientConfig (validation, path resolution, credential precedence), with
// errors that name the kubeconfig file and line to fix.
#include "kubeclient/kubeconfig/kubeconfig.h"

#include "kubeclient/core/base64.h"
#include "kubeclient/kubeconfig/kubeconfigpath.h"
#include "kubeclient/kubeconfig/kubeconfigpem.h"
#include "kubeclient/kubeconfig/kubeconfigwriter.h"
#include "kubeclient/kubeconfig/tokenfilecredentials.h"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>

namespace kube {

struct Kubeconfig::ProviderCache {
    std::mutex mutex;
    std::map<std::string, CredentialProviderPtr> providers;
};

namespace {

// Why a server URL (scheme already added) cannot be dialled, empty when it can: libcurl would
// otherwise fail later with "URL using bad/illegal format" and no word of the kubeconfig.
std::string serverUrlProblem(const std::string &url)
{
    const auto schemeEnd = url.find("://");
    const std::string scheme = url.substr(0, schemeEnd);
    if (scheme != "https" && scheme != "http")
        return "is not an http or https URL";
    for (unsigned char c : url)
        if (c <= 0x20 || c == 0x7F)
            return "contains spaces or control characters";
    std::string authority = url.substr(schemeEnd + 3);
    authority = authority.substr(0, authority.find_first_of("/?#"));
    if (auto at = authority.rfind('@'); at != std::string::npos)
        authority = authority.substr(at + 1);
    std::string host = authority, port;
    if (!authority.empty() && authority.front() == '[') {
        const auto close = authority.find(']');
        if (close == std::string::npos)
            return "has an IPv6 address without its closing ']'";
        host = authority.substr(0, close + 1);
        if (close + 1 < authority.size()) {
            if (authority[close + 1] != ':')
                return "has text after the IPv6 address";
            port = authority.substr(close + 2);
        }
    } else if (auto colon = authority.find(':'); colon != std::string::npos) {
        host = authority.substr(0, colon);
        port = authority.substr(colon + 1);
        if (port.find(':') != std::string::npos)
            return "has more than one ':' (an IPv6 address goes in brackets: https://[::1]:6443)";
    }
    if (host.empty())
        return "names no host";
    if (authority.find(':') != std::string::npos && port.empty())
        return "has an empty port";
    if (!port.empty()) {
        if (port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos || std::stol(port) > 65535
            || std::stol(port) == 0)
            return "has port \"" + port + "\", not a number from 1 to 65535";
    }
    return {};
}

bool fileMissing(const std::string &path)
{
    struct stat st {};
    return ::stat(path.c_str(), &st) != 0 && (errno == ENOENT || errno == ENOTDIR);
}

// Reads a file the kubeconfig names; `what` and `owner` make the message ("certificate-authority
// /x/ca.crt of cluster "prod" cannot be read: ...").
Result<std::string> readReferencedFile(const std::string &path, const std::string &what, const std::string &owner,
                                       const KubeconfigOrigin &origin)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const int err = errno;
        std::string hint = err == ENOENT ? "fix the path in the kubeconfig; relative paths start at " + origin.baseDir
                                         : "check the file's permissions";
        return Error::make(ErrorKind::Config, owner + ": " + what + " " + path + " cannot be read: " + std::strerror(err),
                           origin.describe(), std::move(hint));
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::string joinNames(const std::vector<std::string> &names)
{
    std::string out;
    const std::size_t shown = std::min<std::size_t>(names.size(), 8);
    for (std::size_t i = 0; i < shown; ++i)
        out += (i ? ", " : "") + names[i];
    if (names.size() > shown)
        out += ", ...";
    return out;
}

template <typename Map>
std::vector<std::string> keysOf(const Map &map)
{
    std::vector<std::string> keys;
    for (const auto &[k, v] : map)
        keys.push_back(k);
    return keys;
}

void mergeExtensions(std::vector<KubeconfigExtension> &into, const std::vector<KubeconfigExtension> &from)
{
    for (const auto &ext : from) {
        bool present = false;
        for (const auto &have : into)
            present = present || have.name == ext.name;
        if (!present)
            into.push_back(ext);
    }
}

} // namespace

Kubeconfig::Kubeconfig() : m_providers(std::make_shared<ProviderCache>()) {}

KubeconfigSources KubeconfigSources::fromEnvironment(std::string explicitPath)
{
    KubeconfigSources sources;
    sources.explicitPath = std::move(explicitPath);
    if (const char *env = std::getenv("KUBECONFIG"))
        sources.kubeconfigEnv = env;
    if (const char *home = std::getenv("HOME"); home && *home) {
        sources.homeDir = home;
    } else if (const passwd *pw = ::getpwuid(::getuid()); pw && pw->pw_dir) {
        sources.homeDir = pw->pw_dir;
    }
    return sources;
}

std::vector<std::string> KubeconfigSources::precedence() const
{
    if (!explicitPath.empty())
        return {explicitPath};
    std::vector<std::string> files;
    if (!kubeconfigEnv.empty()) {
        std::set<std::string> seen;
        std::size_t start = 0;
        while (start <= kubeconfigEnv.size()) {
            auto end = kubeconfigEnv.find(':', start);
            if (end == std::string::npos)
                end = kubeconfigEnv.size();
            std::string entry = kubeconfigEnv.substr(start, end - start);
            if (!entry.empty() && seen.insert(entry).second)
                files.push_back(std::move(entry));
            start = end + 1;
        }
        return files;
    }
    if (!homeDir.empty())
        files.push_back(KubeconfigPath::join(homeDir, ".kube/config"));
    return files;
}

Result<Kubeconfig> Kubeconfig::load(const KubeconfigSources &sources)
{
    std::vector<KubeconfigFile> decoded;
    std::vector<std::string> missing;
    for (const auto &path : sources.precedence()) {
        if (fileMissing(path)) {
            if (sources.isExplicit())
                return Error::make(ErrorKind::Config, "the kubeconfig file given with --kubeconfig does not exist", path,
                                   "check the path, or leave --kubeconfig out to use $KUBECONFIG or ~/.kube/config");
            missing.push_back(path);  // kubectl skips missing entries of $KUBECONFIG silently
            continue;
        }
        auto file = KubeconfigFile::read(path);
        if (!file)
            return file.error();
        decoded.push_back(std::move(file.value()));
    }
    Kubeconfig config = merge(decoded);
    config.m_missing = std::move(missing);
    return config;
}

Result<Kubeconfig> Kubeconfig::loadFromEnvironment(const std::string &explicitPath)
{
    return load(KubeconfigSources::fromEnvironment(explicitPath));
}

Result<Kubeconfig> Kubeconfig::fromYaml(std::string_view text, const std::string &path)
{
    auto file = KubeconfigFile::parse(text, path);
    if (!file)
        return file.error();
    return merge({file.value()});
}

Kubeconfig Kubeconfig::merge(const std::vector<KubeconfigFile> &files)
{
    Kubeconfig config;
    for (const auto &file : files) {
        config.m_files.push_back(file.path());
        // Whole entries: the first file that names a cluster/user/context decides all of it.
        for (const auto &[name, value] : file.clusters())
            config.m_clusters.emplace(name, value);
        for (const auto &[name, value] : file.users())
            config.m_users.emplace(name, value);
        for (const auto &[name, value] : file.contexts())
            config.m_contexts.emplace(name, value);
        if (config.m_currentContext.empty() && !file.currentContext().empty()) {
            config.m_currentContext = file.currentContext();
            config.m_currentContextFile = file.path();
        }
        // mergo with override on a bool: any file saying true makes it true.
        config.m_preferences.colors = config.m_preferences.colors || file.preferences().colors;
        mergeExtensions(config.m_preferences.extensions, file.preferences().extensions);
        mergeExtensions(config.m_extensions, file.extensions());
        config.m_warnings.insert(config.m_warnings.end(), file.warnings().begin(), file.warnings().end());
    }
    return config;
}

const KubeconfigCluster *Kubeconfig::cluster(const std::string &name) const
{
    auto it = m_clusters.find(name);
    return it == m_clusters.end() ? nullptr : &it->second;
}

const KubeconfigUser *Kubeconfig::user(const std::string &name) const
{
    auto it = m_users.find(name);
    return it == m_users.end() ? nullptr : &it->second;
}

const KubeconfigContext *Kubeconfig::context(const std::string &name) const
{
    auto it = m_contexts.find(name);
    return it == m_contexts.end() ? nullptr : &it->second;
}

std::vector<std::string> Kubeconfig::contextNames() const
{
    return keysOf(m_contexts);
}

std::string Kubeconfig::describeFiles() const
{
    if (m_files.empty())
        return "no kubeconfig file";
    std::string out;
    for (std::size_t i = 0; i < m_files.size(); ++i)
        out += (i ? ", " : "") + m_files[i];
    return out;
}

void Kubeconfig::setCredentialOptions(CredentialOptions options)
{
    m_options = std::move(options);
    m_providers = std::make_shared<ProviderCache>();  // providers built with the old options go
}

Result<ResolvedContext> Kubeconfig::resolve(const std::string &contextName) const
{
    ResolvedContext r;
    const bool fromCurrent = contextName.empty();
    r.contextName = fromCurrent ? m_currentContext : contextName;
    const std::string available = m_contexts.empty() ? std::string("the kubeconfig defines no contexts")
                                                     : "defined contexts: " + joinNames(keysOf(m_contexts));
    if (r.contextName.empty())
        return Error::make(ErrorKind::Config, "no current context is set", describeFiles(),
                           "choose one with --context NAME or `kubectl config use-context NAME` (" + available + ")");
    const KubeconfigContext *ctx = context(r.contextName);
    if (!ctx) {
        if (fromCurrent)
            return Error::make(ErrorKind::Config, "current-context \"" + r.contextName + "\" names a context that is not defined",
                               m_currentContextFile, "fix current-context or choose another with --context (" + available + ")");
        return Error::make(ErrorKind::Config, "context \"" + r.contextName + "\" is not defined", describeFiles(), available);
    }
    r.context = *ctx;
    const std::string owner = "context \"" + r.contextName + "\"";
    r.clusterName = ctx->cluster;
    if (r.clusterName.empty())
        return Error::make(ErrorKind::Config, owner + " names no cluster", ctx->origin.describe(),
                           "set context.cluster to one of the clusters in the kubeconfig");
    const KubeconfigCluster *cl = cluster(r.clusterName);
    if (!cl)
        return Error::make(ErrorKind::Config,
                           owner + " names cluster \"" + r.clusterName + "\", which is not defined in any kubeconfig file",
                           ctx->origin.describe(),
                           m_clusters.empty() ? "add the cluster under clusters:"
                                              : "fix the name or add the cluster (defined clusters: " + joinNames(keysOf(m_clusters)) + ")");
    r.cluster = *cl;
    r.userName = ctx->user;
    if (!r.userName.empty()) {
        const KubeconfigUser *u = user(r.userName);
        if (!u)
            return Error::make(ErrorKind::Config,
                               owner + " names user \"" + r.userName + "\", which is not defined in any kubeconfig file",
                               ctx->origin.describe(),
                               m_users.empty() ? "add the user under users:"
                                               : "fix the name or add the user (defined users: " + joinNames(keysOf(m_users)) + ")");
        r.user = *u;
    }
    return r;
}

Result<std::string> Kubeconfig::contextNamespace(const std::string &contextName) const
{
    const std::string name = contextName.empty() ? m_currentContext : contextName;
    if (name.empty())
        return std::string("default");  // kubectl without a context talks to "default"
    const KubeconfigContext *ctx = context(name);
    if (!ctx)
        return Error::make(ErrorKind::Config, "context \"" + name + "\" is not defined", describeFiles());
    return ctx->ns.empty() ? std::string("default") : ctx->ns;
}

Result<std::string> Kubeconfig::readCa(const KubeconfigCluster &cl, const std::string &clusterName) const
{
    const std::string owner = "cluster \"" + clusterName + "\"";
    std::string pem;
    std::string source;
    if (!cl.certificateAuthorityData.empty()) {
        pem = cl.certificateAuthorityData;
        source = "certificate-authority-data";
    } else if (!cl.certificateAuthority.empty()) {
        const std::string path = KubeconfigPath::resolve(cl.certificateAuthority, cl.origin.baseDir);
        auto read = readReferencedFile(path, "certificate-authority", owner, cl.origin);
        if (!read)
            return read.error();
        pem = std::move(read.value());
        source = "certificate-authority " + path;
    } else {
        return std::string();
    }
    if (KubeconfigPem::countCertificates(pem) == 0)
        return Error::make(ErrorKind::Config, owner + ": " + source + " holds no PEM certificate", cl.origin.describe(),
                           "it must contain the CA certificate(s) as -----BEGIN CERTIFICATE----- blocks");
    return pem;
}

Result<nlohmann::json> Kubeconfig::execClusterInfo(const KubeconfigCluster &cl, const std::string &clusterName)
{
    // client.authentication.k8s.io Cluster: field names and omissions as client-go encodes it.
    nlohmann::ordered_json info;
    info["server"] = cl.server;
    if (!cl.tlsServerName.empty())
        info["tls-server-name"] = cl.tlsServerName;
    if (cl.insecureSkipTlsVerify)
        info["insecure-skip-tls-verify"] = true;
    std::string ca = cl.certificateAuthorityData;
    if (ca.empty() && !cl.certificateAuthority.empty()) {
        auto read = readReferencedFile(KubeconfigPath::resolve(cl.certificateAuthority, cl.origin.baseDir),
                                       "certificate-authority", "cluster \"" + clusterName + "\"", cl.origin);
        if (!read)
            return read.error();
        ca = read.value();
    }
    if (!ca.empty())
        info["certificate-authority-data"] = Base64::encode(ca);
    if (!cl.proxyUrl.empty())
        info["proxy-url"] = cl.proxyUrl;
    if (cl.disableCompression)
        info["disable-compression"] = true;
    for (const auto &ext : cl.extensions)
        if (ext.name == "client.authentication.k8s.io/exec")
            info["config"] = ext.extension;
    return nlohmann::json::parse(info.dump());
}

Result<CredentialProviderPtr> Kubeconfig::credentials(const ResolvedContext &r) const
{
    if (r.userName.empty())
        return CredentialProviderPtr();  // anonymous, as kubectl with a context without user
    const std::string key = r.userName + "\n" + r.clusterName;
    {
        std::lock_guard lock(m_providers->mutex);
        if (auto it = m_providers->providers.find(key); it != m_providers->providers.end())
            return it->second;
    }
    const KubeconfigUser &u = r.user;
    const std::string owner = "user \"" + r.userName + "\"";
    const std::string where = u.origin.describe();

    if (u.exec && u.authProvider)
        return Error::make(ErrorKind::Config, owner + " configures both exec and auth-provider", where,
                           "keep one of them; kubectl refuses this combination too");
    if (!u.token.empty() && (!u.username.empty() || !u.password.empty()))
        return Error::make(ErrorKind::Config, owner + " configures more than one authentication method (token and basic auth)",
                           where, "keep either token or username/password; kubectl refuses this combination too");

    AuthMaterial base;
    std::vector<std::string> methods;
    // Client certificate: -data wins over the file (client-go), both must be present.
    std::string cert = u.clientCertificateData, keyPem = u.clientKeyData;
    if (cert.empty() && !u.clientCertificate.empty()) {
        auto read = readReferencedFile(KubeconfigPath::resolve(u.clientCertificate, u.origin.baseDir), "client-certificate", owner, u.origin);
        if (!read)
            return read.error();
        cert = std::move(read.value());
    }
    if (keyPem.empty() && !u.clientKey.empty()) {
        auto read = readReferencedFile(KubeconfigPath::resolve(u.clientKey, u.origin.baseDir), "client-key", owner, u.origin);
        if (!read)
            return read.error();
        keyPem = std::move(read.value());
    }
    const bool hasCertField = !u.clientCertificate.empty() || !u.clientCertificateData.empty();
    const bool hasKeyField = !u.clientKey.empty() || !u.clientKeyData.empty();
    if (hasCertField && !hasKeyField)
        return Error::make(ErrorKind::Config, owner + " has a client certificate but no client-key or client-key-data", where,
                           "add the private key that belongs to the certificate");
    if (hasKeyField && !hasCertField)
        return Error::make(ErrorKind::Config, owner + " has a client key but no client-certificate or client-certificate-data",
                           where, "add the certificate that belongs to the key");
    if (hasCertField) {
        if (auto check = KubeconfigPem::checkKeyPair(cert, keyPem); !check)
            return Error::make(ErrorKind::Config, owner + ": " + check.error().message, where, check.error().hint);
        base.clientCertPem = std::move(cert);
        base.clientKeyPem = std::move(keyPem);
        methods.push_back("client certificate");
    }
    if (!u.username.empty() || !u.password.empty()) {
        base.username = u.username;
        base.password = u.password;
        methods.push_back("basic auth");
    }
    if (!u.token.empty()) {
        base.bearerToken = u.token;
        methods.push_back("token");
    }

    CredentialProviderPtr provider;
    if (u.exec) {
        ExecCredentialSettings settings;
        settings.userName = r.userName;
        settings.where = where;
        settings.exec = *u.exec;
        // client-go resolves the command only when it is a relative path, not a PATH lookup.
        if (settings.exec.command.find('/') != std::string::npos)
            settings.exec.command = KubeconfigPath::resolve(settings.exec.command, u.origin.baseDir);
        if (settings.exec.provideClusterInfo) {
            auto info = execClusterInfo(r.cluster, r.clusterName);
            if (!info)
                return info.error();
            settings.clusterInfo = std::move(info.value());
        }
        settings.timeout = m_options.execTimeout;
        settings.approve = m_options.approveExec;
        settings.base = base;
        settings.clock = m_options.clock;
        CredentialProviderPtr inProcess;
        if (m_options.execInProcess) {
            auto served = m_options.execInProcess(settings.exec, where);
            if (!served)
                return served.error();
            inProcess = served.value();
        }
        if (inProcess) {
            provider = inProcess;
        } else {
            auto created = ExecCredentialProvider::create(std::move(settings));
            if (!created)
                return created.error();
            provider = created.value();
        }
    } else if (u.authProvider) {
        const std::string &name = u.authProvider->name;
        if (name == "oidc") {
            OidcSettings settings;
            settings.userName = r.userName;
            settings.where = where;
            settings.config = u.authProvider->config.value_or(std::map<std::string, std::string>{});
            settings.fetch = m_options.oidcFetch;
            settings.persist = m_options.oidcPersist;
            if (!settings.persist && m_options.persistOidcTokens && !u.origin.file.empty()) {
                // A rotated refresh-token is single-use: without saving it, the next kubectl
                // (or Tenantry) run would present a revoked one.
                settings.persist = [file = u.origin.file, name = r.userName](const std::map<std::string, std::string> &config) {
                    return KubeconfigWriter::updateAuthProviderConfig(file, name, config);
                };
            }
            settings.base = base;
            settings.clock = m_options.clock;
            auto created = OidcAuthProvider::create(std::move(settings));
            if (!created)
                return created.error();
            provider = created.value();
        } else if (name == "gcp") {
            return Error::make(ErrorKind::Config, owner + " uses the gcp auth-provider, which kubectl removed in 1.26", where,
                               "install gke-gcloud-auth-plugin and run `gcloud container clusters get-credentials` again");
        } else if (name == "azure") {
            return Error::make(ErrorKind::Config, owner + " uses the azure auth-provider, which kubectl removed in 1.26", where,
                               "install kubelogin (https://github.com/Azure/kubelogin) and run `kubelogin convert-kubeconfig`");
        } else {
            return Error::make(ErrorKind::Config, owner + " uses the unknown auth-provider \"" + name + "\"", where,
                               "only oidc is built in; use an exec credential plugin instead");
        }
    } else if (!u.tokenFile.empty()) {
        const std::string path = KubeconfigPath::resolve(u.tokenFile, u.origin.baseDir);
        // client-go reads the file up front when no token is inline; report a bad path now.
        if (u.token.empty()) {
            auto token = TokenFileCredentials::readToken(path, where);
            if (!token)
                return Error::make(ErrorKind::Config, owner + ": " + token.error().message, where, token.error().hint);
        }
        const auto refresh = m_options.tokenFileRefresh;
        provider = std::make_shared<TokenFileCredentials>(path, where, base, refresh);
    } else if (!base.empty()) {
        std::string description;
        for (std::size_t i = 0; i < methods.size(); ++i)
            description += (i ? " + " : "") + methods[i];
        provider = std::make_shared<StaticCredentials>(base, description);
    }

    std::lock_guard lock(m_providers->mutex);
    auto [it, inserted] = m_providers->providers.emplace(key, provider);
    return it->second;
}

Result<TransportConfig> Kubeconfig::transportConfig(const std::string &contextName) const
{
    auto resolved = resolve(contextName);
    if (!resolved)
        return resolved.error();
    const ResolvedContext &r = resolved.value();
    const KubeconfigCluster &cl = r.cluster;
    const std::string owner = "cluster \"" + r.clusterName + "\"";

    TransportConfig config;
    if (cl.server.empty())
        return Error::make(ErrorKind::Config, owner + " has no server", cl.origin.describe(),
                           "set cluster.server to the API server's URL, e.g. https://host:6443");
    auto ca = readCa(cl, r.clusterName);
    if (!ca)
        return ca.error();
    if (cl.insecureSkipTlsVerify && !ca.value().empty())
        return Error::make(ErrorKind::Config, owner + " sets insecure-skip-tls-verify together with a certificate authority",
                           cl.origin.describe(),
                           "remove one of them: kubectl refuses a root certificate with the insecure flag");
    const bool hasUserCert = r.user.clientCertificate.size() + r.user.clientCertificateData.size() > 0;
    config.server = cl.server;
    if (config.server.find("://") == std::string::npos) {
        // client-go's DefaultServerURL: a bare host:port means TLS only when TLS is configured.
        const bool tls = !ca.value().empty() || cl.insecureSkipTlsVerify || hasUserCert;
        config.server = (tls ? "https://" : "http://") + config.server;
    }
    if (auto why = serverUrlProblem(config.server); !why.empty())
        return Error::make(ErrorKind::Config, owner + ": server \"" + cl.server + "\" " + why, cl.origin.describe(),
                           "set cluster.server to the API server's URL, e.g. https://host:6443");
    config.tls.caPem = std::move(ca.value());
    config.tls.insecureSkipVerify = cl.insecureSkipTlsVerify;
    config.tls.serverName = cl.tlsServerName;
    if (!cl.proxyUrl.empty()) {
        const auto scheme = cl.proxyUrl.substr(0, cl.proxyUrl.find("://"));
        if (cl.proxyUrl.find("://") == std::string::npos || (scheme != "http" && scheme != "https" && scheme != "socks5"))
            return Error::make(ErrorKind::Config, owner + ": proxy-url \"" + cl.proxyUrl + "\" is not an http, https or socks5 URL",
                               cl.origin.describe(), "write it as http://host:port, https://host:port or socks5://host:port");
        config.proxyUrl = cl.proxyUrl;
    }
    auto creds = credentials(r);
    if (!creds)
        return creds.error();
    config.credentials = creds.value();
    config.where = "cluster " + r.clusterName + " (" + config.server + ")";
    return config;
}

} // namespace kube
