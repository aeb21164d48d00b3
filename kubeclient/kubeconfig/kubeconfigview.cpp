// MinifyConfig, FlattenConfig and ShortenConfig from client-go's clientcmd/api/helpers.go, then
// the v1 encoding; kept apart from Kubeconfig because only `config view` needs it.
#include "kubeclient/kubeconfig/kubeconfigview.h"

#include "kubeclient/core/base64.h"
#include "kubeclient/kubeconfig/kubeconfigpath.h"
#include "kubeclient/kubeconfig/kubeconfigyaml.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace kube {

namespace {

using OJson = nlohmann::ordered_json;

OJson extensionsJson(const std::vector<KubeconfigExtension> &extensions)
{
    // Extensions live in a map in clientcmd's internal config: printed sorted by name.
    std::map<std::string, const KubeconfigExtension *> sorted;
    for (const auto &ext : extensions)
        sorted.emplace(ext.name, &ext);
    OJson arr = OJson::array();
    for (const auto &[name, ext] : sorted) {
        OJson e;
        e["name"] = name;
        e["extension"] = OJson::parse(ext->extension.dump());
        arr.push_back(std::move(e));
    }
    return arr;
}

OJson clusterJson(const KubeconfigCluster &c)
{
    OJson j;
    j["server"] = c.server;
    if (!c.tlsServerName.empty())
        j["tls-server-name"] = c.tlsServerName;
    if (c.insecureSkipTlsVerify)
        j["insecure-skip-tls-verify"] = true;
    if (!c.certificateAuthority.empty())
        j["certificate-authority"] = c.certificateAuthority;
    if (!c.certificateAuthorityData.empty())
        j["certificate-authority-data"] = Base64::encode(c.certificateAuthorityData);
    if (!c.proxyUrl.empty())
        j["proxy-url"] = c.proxyUrl;
    if (c.disableCompression)
        j["disable-compression"] = true;
    if (!c.extensions.empty())
        j["extensions"] = extensionsJson(c.extensions);
    return j;
}

OJson execJson(const KubeconfigExecConfig &e)
{
    OJson j;
    j["command"] = e.command;
    j["args"] = e.args ? OJson(*e.args) : OJson(nullptr);
    if (e.env) {
        OJson env = OJson::array();
        for (const auto &var : *e.env)
            env.push_back(OJson{{"name", var.name}, {"value", var.value}});
        j["env"] = env;
    } else {
        j["env"] = nullptr;
    }
    if (!e.apiVersion.empty())
        j["apiVersion"] = e.apiVersion;
    if (!e.installHint.empty())
        j["installHint"] = e.installHint;
    j["provideClusterInfo"] = e.provideClusterInfo;
    if (!e.interactiveMode.empty())
        j["interactiveMode"] = e.interactiveMode;
    return j;
}

OJson userJson(const KubeconfigUser &u)
{
    OJson j = OJson::object();
    if (!u.clientCertificate.empty())
        j["client-certificate"] = u.clientCertificate;
    if (!u.clientCertificateData.empty())
        j["client-certificate-data"] = Base64::encode(u.clientCertificateData);
    if (!u.clientKey.empty())
        j["client-key"] = u.clientKey;
    if (!u.clientKeyData.empty())
        j["client-key-data"] = Base64::encode(u.clientKeyData);
    if (!u.token.empty())
        j["token"] = u.token;
    if (!u.tokenFile.empty())
        j["tokenFile"] = u.tokenFile;
    if (!u.impersonate.empty())
        j["as"] = u.impersonate;
    if (!u.impersonateUid.empty())
        j["as-uid"] = u.impersonateUid;
    if (!u.impersonateGroups.empty())
        j["as-groups"] = u.impersonateGroups;
    if (!u.impersonateUserExtra.empty()) {
        OJson extra = OJson::object();
        for (const auto &[k, v] : u.impersonateUserExtra)
            extra[k] = v;
        j["as-user-extra"] = extra;
    }
    if (!u.username.empty())
        j["username"] = u.username;
    if (!u.password.empty())
        j["password"] = u.password;
    if (u.authProvider) {
        OJson ap;
        ap["name"] = u.authProvider->name;
        if (u.authProvider->config) {
            OJson cfg = OJson::object();
            for (const auto &[k, v] : *u.authProvider->config)
                cfg[k] = v;
            ap["config"] = cfg;
        } else {
            ap["config"] = nullptr;
        }
        j["auth-provider"] = ap;
    }
    if (u.exec)
        j["exec"] = execJson(*u.exec);
    if (!u.extensions.empty())
        j["extensions"] = extensionsJson(u.extensions);
    return j;
}

OJson contextJson(const KubeconfigContext &c)
{
    OJson j;
    j["cluster"] = c.cluster;
    j["user"] = c.user;
    if (!c.ns.empty())
        j["namespace"] = c.ns;
    if (!c.extensions.empty())
        j["extensions"] = extensionsJson(c.extensions);
    return j;
}

template <typename Map, typename Fn>
OJson namedList(const Map &map, const char *bodyKey, Fn toJson)
{
    if (map.empty())
        return nullptr;  // clientcmd prints a nil slice: `clusters: null`
    OJson arr = OJson::array();
    for (const auto &[name, value] : map) {
        OJson entry;
        entry["name"] = name;
        entry[bodyKey] = toJson(value);
        arr.push_back(std::move(entry));
    }
    return arr;
}

// clientcmd's FlattenContent: read the referenced file into the data field, drop the path.
Result<void> flattenContent(std::string &path, std::string &data, const KubeconfigOrigin &origin, const std::string &owner,
                            const char *field)
{
    if (path.empty())
        return {};
    if (!data.empty())
        return Error::make(ErrorKind::Config, owner + ": both " + std::string(field) + " and " + field + "-data are set",
                           origin.describe(), "kubectl cannot flatten this either; remove one of them");
    const std::string resolved = KubeconfigPath::resolve(path, origin.baseDir);
    std::ifstream in(resolved, std::ios::binary);
    if (!in)
        return Error::make(ErrorKind::Config, owner + ": " + field + " " + resolved + " cannot be read: " + std::strerror(errno),
                           origin.describe(), "fix the path; relative paths start at " + origin.baseDir);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    data = buffer.str();
    path.clear();
    return {};
}

} // namespace

OJson KubeconfigView::emptyDocument()
{
    OJson doc;
    doc["kind"] = "Config";
    doc["apiVersion"] = "v1";
    doc["clusters"] = nullptr;
    doc["users"] = nullptr;
    doc["contexts"] = nullptr;
    doc["current-context"] = "";
    return doc;
}

bool KubeconfigView::isAuthProviderSecret(const std::string &key)
{
    return key == "id-token" || key == "refresh-token" || key == "client-secret" || key == "access-token";
}

Result<OJson> KubeconfigView::render(Kubeconfig config, const KubeconfigViewOptions &options)
{
    if (options.minify) {
        if (!options.context.empty())
            config.setCurrentContext(options.context);
        const std::string current = config.currentContext();
        if (current.empty())
            return Error::make(ErrorKind::Config, "current-context must exist in order to minify", {},
                               "set current-context or pass --context NAME");
        const KubeconfigContext *ctx = config.context(current);
        if (!ctx)
            return Error::make(ErrorKind::Config, "cannot locate context " + current);
        const KubeconfigContext kept = *ctx;
        std::map<std::string, KubeconfigCluster> clusters;
        std::map<std::string, KubeconfigUser> users;
        if (!kept.cluster.empty()) {
            const KubeconfigCluster *c = config.cluster(kept.cluster);
            if (!c)
                return Error::make(ErrorKind::Config, "cannot locate cluster " + kept.cluster, kept.origin.describe());
            clusters.emplace(kept.cluster, *c);
        }
        if (!kept.user.empty()) {
            const KubeconfigUser *u = config.user(kept.user);
            if (!u)
                return Error::make(ErrorKind::Config, "cannot locate user " + kept.user, kept.origin.describe());
            users.emplace(kept.user, *u);
        }
        config.clusters() = std::move(clusters);
        config.users() = std::move(users);
        config.contexts() = {{current, kept}};
    }

    if (options.flatten) {
        for (auto &[name, u] : config.users()) {
            const std::string owner = "user \"" + name + "\"";
            if (auto r = flattenContent(u.clientCertificate, u.clientCertificateData, u.origin, owner, "client-certificate"); !r)
                return r.error();
            if (auto r = flattenContent(u.clientKey, u.clientKeyData, u.origin, owner, "client-key"); !r)
                return r.error();
        }
        for (auto &[name, c] : config.clusters()) {
            if (auto r = flattenContent(c.certificateAuthority, c.certificateAuthorityData, c.origin, "cluster \"" + name + "\"",
                                        "certificate-authority");
                !r)
                return r.error();
        }
    } else if (!options.raw) {
        // ShortenConfig: base64 of these bytes prints as the placeholder text.
        const std::string omitted = *Base64::decode(kDataOmitted);
        for (auto &[name, u] : config.users()) {
            if (!u.clientKeyData.empty())
                u.clientKeyData = omitted;
            if (!u.clientCertificateData.empty())
                u.clientCertificateData = omitted;
            if (!u.token.empty())
                u.token = kRedacted;
            if (!u.password.empty())
                u.password = kRedacted;
            // Stricter than kubectl, which prints an auth-provider's config as it is: its
            // tokens and client secret are credentials like `token` and `password`.
            if (u.authProvider && u.authProvider->config)
                for (auto &[key, value] : *u.authProvider->config)
                    if (isAuthProviderSecret(key) && !value.empty())
                        value = kRedacted;
        }
        for (auto &[name, c] : config.clusters())
            if (!c.certificateAuthorityData.empty())
                c.certificateAuthorityData = omitted;
    }

    OJson doc;
    doc["kind"] = "Config";
    doc["apiVersion"] = "v1";
    // kubectl 1.34+ (client-go's `preferences,omitzero`, the field is deprecated) prints
    // preferences only when they say something.
    OJson prefs = OJson::object();
    if (config.preferences().colors)
        prefs["colors"] = true;
    if (!config.preferences().extensions.empty())
        prefs["extensions"] = extensionsJson(config.preferences().extensions);
    if (!prefs.empty())
        doc["preferences"] = prefs;
    doc["clusters"] = namedList(config.clusters(), "cluster", clusterJson);
    doc["users"] = namedList(config.users(), "user", userJson);
    doc["contexts"] = namedList(config.contexts(), "context", contextJson);
    doc["current-context"] = config.currentContext();
    if (!config.extensions().empty())
        doc["extensions"] = extensionsJson(config.extensions());
    return doc;
}

std::string KubeconfigView::toJson(const OJson &document)
{
    return document.dump(4, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string KubeconfigView::toYaml(const OJson &document)
{
    return KubeconfigYaml::dump(document);
}

} // namespace kube
