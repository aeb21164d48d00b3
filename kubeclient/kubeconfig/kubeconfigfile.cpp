// Decoding of one kubeconfig file. Field names, defaults and type rules follow clientcmd's v1
// Config as kubectl decodes it (YAML -> JSON -> case-sensitive struct decoding), so a file
// kubectl loads loads here and a file it rejects is rejected here, with file:line added.
#include "kubeclient/kubeconfig/kubeconfigfile.h"

#include "kubeclient/core/text.h"

#include "kubeclient/core/base64.h"
#include "kubeclient/kubeconfig/kubeconfigpath.h"
#include "kubeclient/kubeconfig/kubeconfigyaml.h"

#include <yaml-cpp/yaml.h>

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace kube {

namespace {

// Thrown inside the decoder and turned into a Result at its boundary; the recursion is deep
// and every level would otherwise need the same early-return boilerplate.
struct DecodeFailure {
    Error error;
};

const char *const kTopFields[] = {"apiVersion", "kind", "preferences", "clusters", "users", "contexts", "current-context", "extensions"};
const char *const kClusterFields[] = {"server", "tls-server-name", "insecure-skip-tls-verify", "certificate-authority",
                                      "certificate-authority-data", "proxy-url", "disable-compression", "extensions"};
const char *const kUserFields[] = {"client-certificate", "client-certificate-data", "client-key", "client-key-data", "token",
                                   "tokenFile", "as", "as-uid", "as-groups", "as-user-extra", "username", "password",
                                   "auth-provider", "exec", "extensions"};
const char *const kExecFields[] = {"command", "args", "env", "apiVersion", "installHint", "provideClusterInfo", "interactiveMode"};
const char *const kContextFields[] = {"cluster", "user", "namespace", "extensions"};
const char *const kPreferencesFields[] = {"colors", "extensions"};
const char *const kAuthProviderFields[] = {"name", "config"};
const char *const kEnvFields[] = {"name", "value"};
const char *const kExtensionFields[] = {"name", "extension"};

std::size_t editDistance(const std::string &a, const std::string &b)
{
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t sub = prev[j - 1] + (std::tolower((unsigned char)a[i - 1]) == std::tolower((unsigned char)b[j - 1]) ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::string describeType(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        return "null";
    case YAML::NodeType::Sequence:
        return "a list";
    case YAML::NodeType::Map:
        return "a mapping";
    case YAML::NodeType::Scalar:
        break;
    }
    if (node.Tag() != "?")
        return "a string";
    switch (KubeconfigYaml::resolvePlain(node.Scalar()).type) {
    case KubeconfigYaml::ScalarType::Null:
        return "null";
    case KubeconfigYaml::ScalarType::Bool:
        return "a boolean";
    case KubeconfigYaml::ScalarType::Int:
    case KubeconfigYaml::ScalarType::UInt:
    case KubeconfigYaml::ScalarType::Float:
        return "a number";
    default:
        return "a string";
    }
}

// The YAML 1.1 type of a scalar: quoted and !!str-tagged scalars are strings whatever they say.
KubeconfigYaml::ScalarType scalarType(const YAML::Node &node)
{
    if (node.IsNull())
        return KubeconfigYaml::ScalarType::Null;
    const std::string &tag = node.Tag();
    if (tag == "!" || tag == "tag:yaml.org,2002:str" || tag == "tag:yaml.org,2002:binary")
        return KubeconfigYaml::ScalarType::String;
    return KubeconfigYaml::resolvePlain(node.Scalar()).type;
}

// Line of the first [ or { that is never closed (quotes and comments skipped), or 0.
int unclosedFlowLine(std::string_view text)
{
    std::vector<int> open;
    int line = 1;
    char quote = 0;
    bool comment = false;
    char prev = '\n';
    for (char c : text) {
        if (c == '\n') {
            ++line;
            comment = false;
        } else if (comment) {
        } else if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '#' && (prev == ' ' || prev == '\t' || prev == '\n')) {
            comment = true;
        } else if ((c == '"' || c == '\'') && (prev == ' ' || prev == '[' || prev == '{' || prev == ',' || prev == ':' || prev == '\n')) {
            quote = c;
        } else if (c == '[' || c == '{') {
            open.push_back(line);
        } else if ((c == ']' || c == '}') && !open.empty()) {
            open.pop_back();
        }
        prev = c;
    }
    return open.empty() ? 0 : open.front();
}

} // namespace

// Walks the YAML tree of one file; a friend of KubeconfigFile so it fills the members directly.
class KubeconfigFileDecoder
{
public:
    KubeconfigFileDecoder(KubeconfigFile &file, std::string baseDir) : m_file(file), m_baseDir(std::move(baseDir)) {}
    // Values an extension may expand to: every honest value needs a byte of text, so twice the
    // file's size stops only aliases repeated into billions of values ("billion laughs").
    void setValueBudget(std::size_t budget) { m_valueBudget = budget; }

    void decodeRoot(const YAML::Node &root);

private:
    KubeconfigFile &m_file;
    mutable std::size_t m_valueBudget = std::size_t(-1);
    std::string m_baseDir;

    int lineOf(const YAML::Node &node) const { return node.Mark().is_null() ? 0 : node.Mark().line + 1; }
    std::string where(int line) const { return line > 0 ? m_file.m_path + ":" + std::to_string(line) : m_file.m_path; }
    KubeconfigOrigin origin(int line) const { return KubeconfigOrigin{m_file.m_path, line, m_baseDir}; }

    [[noreturn]] void fail(int line, std::string message, std::string hint = {}) const
    {
        throw DecodeFailure{Error::make(ErrorKind::Config, std::move(message), where(line), std::move(hint))};
    }

    [[noreturn]] void wrongType(const std::string &owner, const std::string &field, int line, const char *expected,
                                const YAML::Node &found) const
    {
        const std::string prefix = owner.empty() ? std::string() : owner + ": ";
        fail(line, prefix + "\"" + field + "\" must be " + expected + ", not " + describeType(found),
             "kubectl rejects this file too; quote the value if it is meant to be text");
    }

    // Warn about keys kubectl would silently ignore; a near miss names the field it resembles.
    template <std::size_t N>
    void checkFields(const YAML::Node &map, const char *const (&known)[N], const std::string &owner)
    {
        for (auto it = map.begin(); it != map.end(); ++it) {
            const std::string key = it->first.IsScalar() ? text::utf8OfYamlCppScalar(it->first.Scalar()) : std::string("?");
            bool found = false;
            for (const char *k : known)
                if (key == k)
                    found = true;
            if (found)
                continue;
            std::string message = (owner.empty() ? std::string() : owner + ": ") + "unknown field \"" + key + "\" is ignored";
            std::string best;
            std::size_t bestDistance = 3;
            for (const char *k : known) {
                const std::size_t d = editDistance(key, k);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = k;
                }
            }
            std::string hint = best.empty() ? "kubectl ignores it as well; remove it or check the spelling"
                                            : "did you mean \"" + best + "\"? Field names are case-sensitive";
            m_file.m_warnings.push_back(Error::make(ErrorKind::Config, std::move(message), where(lineOf(it->first)), std::move(hint)));
        }
    }

    // Value of `field` in `map` (an undefined node when absent) and its line.
    static YAML::Node child(const YAML::Node &map, const char *field, int *line)
    {
        for (auto it = map.begin(); it != map.end(); ++it) {
            if (it->first.IsScalar() && it->first.Scalar() == field) {
                if (line)
                    *line = it->first.Mark().is_null() ? 0 : it->first.Mark().line + 1;
                return it->second;
            }
        }
        return YAML::Node(YAML::NodeType::Undefined);
    }

    void requireMap(const YAML::Node &node, const std::string &owner, const std::string &field, int line) const
    {
        if (!node.IsMap())
            wrongType(owner, field, line, "a mapping", node);
    }

    std::string getString(const YAML::Node &map, const char *field, const std::string &owner)
    {
        int line = 0;
        const YAML::Node v = child(map, field, &line);
        return asString(v, owner, field, line);
    }

    std::string asString(const YAML::Node &v, const std::string &owner, const std::string &field, int line) const
    {
        if (!v.IsDefined() || v.IsNull())
            return {};
        if (!v.IsScalar())
            wrongType(owner, field, line, "a string", v);
        switch (scalarType(v)) {
        case KubeconfigYaml::ScalarType::Null:
            return {};
        case KubeconfigYaml::ScalarType::String:
        case KubeconfigYaml::ScalarType::Timestamp:
            return text::utf8OfYamlCppScalar(v.Scalar());
        default:
            wrongType(owner, field, line, "a string", v);
        }
    }

    bool getBool(const YAML::Node &map, const char *field, const std::string &owner)
    {
        int line = 0;
        const YAML::Node v = child(map, field, &line);
        if (!v.IsDefined() || v.IsNull())
            return false;
        if (v.IsScalar()) {
            const auto t = scalarType(v);
            if (t == KubeconfigYaml::ScalarType::Null)
                return false;
            if (t == KubeconfigYaml::ScalarType::Bool)
                return KubeconfigYaml::resolvePlain(v.Scalar()).boolValue;
        }
        wrongType(owner, field, line, "true or false", v);
    }

    // A []byte field: base64 text decoded exactly as Go's encoding/json does.
    std::string getBytes(const YAML::Node &map, const char *field, const std::string &owner)
    {
        int line = 0;
        const YAML::Node v = child(map, field, &line);
        const std::string text = asString(v, owner, field, line);
        if (text.empty())
            return {};
        std::size_t bad = 0;
        auto decoded = Base64::decode(text, &bad);
        if (!decoded) {
            const std::string fileField = std::string(field).substr(0, std::strlen(field) - 5);  // drop "-data"
            fail(line,
                 owner + ": \"" + field + "\" is not valid base64 (illegal data at input byte " + std::to_string(bad) + ")",
                 "a *-data field holds the base64 of the PEM file (e.g. `base64 -w0 FILE`); to point at a file use \""
                     + fileField + "\" instead");
        }
        return *decoded;
    }

    std::vector<std::string> getStringList(const YAML::Node &map, const char *field, const std::string &owner, bool *present = nullptr)
    {
        int line = 0;
        const YAML::Node v = child(map, field, &line);
        if (present)
            *present = v.IsDefined() && !v.IsNull();
        std::vector<std::string> out;
        if (!v.IsDefined() || v.IsNull())
            return out;
        if (!v.IsSequence())
            wrongType(owner, field, line, "a list of strings", v);
        for (const auto &item : v)
            out.push_back(asString(item, owner, std::string(field) + "[" + std::to_string(out.size()) + "]", lineOf(item)));
        return out;
    }

    nlohmann::json toJson(const YAML::Node &node, const std::string &owner) const
    {
        if (m_valueBudget == 0)
            fail(lineOf(node), owner + ": an extension expands its aliases (*name) to far more values than the file holds",
                 "write the values out instead of repeating anchors");
        --m_valueBudget;
        switch (node.Type()) {
        case YAML::NodeType::Undefined:
        case YAML::NodeType::Null:
            return nullptr;
        case YAML::NodeType::Scalar:
            if (scalarType(node) == KubeconfigYaml::ScalarType::String)
                return text::utf8OfYamlCppScalar(node.Scalar());
            return KubeconfigYaml::plainToJson(text::utf8OfYamlCppScalar(node.Scalar()));
        case YAML::NodeType::Sequence: {
            nlohmann::json arr = nlohmann::json::array();
            for (const auto &item : node)
                arr.push_back(toJson(item, owner));
            return arr;
        }
        case YAML::NodeType::Map: {
            nlohmann::json obj = nlohmann::json::object();
            for (auto it = node.begin(); it != node.end(); ++it) {
                // JSON keys are strings: sigs.k8s.io/yaml spells scalars the way Go prints them.
                const nlohmann::json key = toJson(it->first, owner);
                std::string keyText;
                if (key.is_string())
                    keyText = key.get<std::string>();
                else if (key.is_boolean())
                    keyText = key.get<bool>() ? "true" : "false";
                else if (key.is_number_integer() || key.is_number_unsigned())
                    keyText = key.dump();
                else if (key.is_number_float())
                    keyText = it->first.Scalar();
                else
                    fail(lineOf(it->first), owner + ": an extension has a key that is null, a list or a mapping",
                         "JSON objects only have text keys; quote the key");
                obj[keyText] = toJson(it->second, owner);
            }
            return obj;
        }
        }
        return nullptr;
    }

    std::vector<KubeconfigExtension> getExtensions(const YAML::Node &map, const std::string &owner)
    {
        int line = 0;
        const YAML::Node v = child(map, "extensions", &line);
        std::vector<KubeconfigExtension> out;
        if (!v.IsDefined() || v.IsNull())
            return out;
        if (!v.IsSequence())
            wrongType(owner, "extensions", line, "a list", v);
        std::map<std::string, int> seen;
        for (const auto &item : v) {
            KubeconfigExtension ext;
            if (!item.IsNull()) {
                requireMap(item, owner, "extensions[]", lineOf(item));
                checkFields(item, kExtensionFields, owner);
                ext.name = getString(item, "name", owner);
                ext.extension = toJson(child(item, "extension", nullptr), owner);
            }
            if (auto [it, inserted] = seen.emplace(ext.name, lineOf(item)); !inserted)
                fail(lineOf(item), owner + ": extension \"" + ext.name + "\" is listed twice (first at line " + std::to_string(it->second) + ")",
                     "remove one of them; kubectl refuses such a file too");
            out.push_back(std::move(ext));
        }
        return out;
    }

    KubeconfigCluster decodeCluster(const YAML::Node &node, const std::string &owner, int line)
    {
        KubeconfigCluster c;
        c.origin = origin(line);
        if (!node.IsDefined() || node.IsNull())
            return c;
        requireMap(node, owner, "cluster", line);
        checkFields(node, kClusterFields, owner);
        c.server = getString(node, "server", owner);
        c.tlsServerName = getString(node, "tls-server-name", owner);
        c.insecureSkipTlsVerify = getBool(node, "insecure-skip-tls-verify", owner);
        c.certificateAuthority = getString(node, "certificate-authority", owner);
        c.certificateAuthorityData = getBytes(node, "certificate-authority-data", owner);
        c.proxyUrl = getString(node, "proxy-url", owner);
        c.disableCompression = getBool(node, "disable-compression", owner);
        c.extensions = getExtensions(node, owner);
        return c;
    }

    KubeconfigExecConfig decodeExec(const YAML::Node &node, const std::string &owner, int line)
    {
        KubeconfigExecConfig e;
        requireMap(node, owner, "exec", line);
        const std::string execOwner = owner + " exec";
        checkFields(node, kExecFields, execOwner);
        e.command = getString(node, "command", execOwner);
        bool present = false;
        auto args = getStringList(node, "args", execOwner, &present);
        if (present)
            e.args = std::move(args);
        int envLine = 0;
        const YAML::Node env = child(node, "env", &envLine);
        if (env.IsDefined() && !env.IsNull()) {
            if (!env.IsSequence())
                wrongType(execOwner, "env", envLine, "a list of {name, value}", env);
            e.env.emplace();
            for (const auto &item : env) {
                KubeconfigExecEnvVar var;
                if (!item.IsNull()) {
                    requireMap(item, execOwner, "env[]", lineOf(item));
                    checkFields(item, kEnvFields, execOwner + " env");
                    var.name = getString(item, "name", execOwner + " env");
                    var.value = getString(item, "value", execOwner + " env");
                }
                e.env->push_back(std::move(var));
            }
        }
        e.apiVersion = getString(node, "apiVersion", execOwner);
        e.installHint = getString(node, "installHint", execOwner);
        e.provideClusterInfo = getBool(node, "provideClusterInfo", execOwner);
        e.interactiveMode = getString(node, "interactiveMode", execOwner);
        // clientcmd's v1 defaulting: the beta versions predate interactiveMode and mean IfAvailable.
        if (e.interactiveMode.empty()
            && (e.apiVersion == "client.authentication.k8s.io/v1beta1" || e.apiVersion == "client.authentication.k8s.io/v1alpha1"))
            e.interactiveMode = "IfAvailable";
        return e;
    }

    KubeconfigUser decodeUser(const YAML::Node &node, const std::string &owner, int line)
    {
        KubeconfigUser u;
        u.origin = origin(line);
        if (!node.IsDefined() || node.IsNull())
            return u;
        requireMap(node, owner, "user", line);
        checkFields(node, kUserFields, owner);
        u.clientCertificate = getString(node, "client-certificate", owner);
        u.clientCertificateData = getBytes(node, "client-certificate-data", owner);
        u.clientKey = getString(node, "client-key", owner);
        u.clientKeyData = getBytes(node, "client-key-data", owner);
        u.token = getString(node, "token", owner);
        u.tokenFile = getString(node, "tokenFile", owner);
        u.impersonate = getString(node, "as", owner);
        u.impersonateUid = getString(node, "as-uid", owner);
        u.impersonateGroups = getStringList(node, "as-groups", owner);
        int extraLine = 0;
        const YAML::Node extra = child(node, "as-user-extra", &extraLine);
        if (extra.IsDefined() && !extra.IsNull()) {
            requireMap(extra, owner, "as-user-extra", extraLine);
            for (auto it = extra.begin(); it != extra.end(); ++it) {
                const std::string key = asString(it->first, owner, "as-user-extra key", lineOf(it->first));
                YAML::Node wrapper(YAML::NodeType::Map);
                wrapper["v"] = it->second;
                u.impersonateUserExtra[key] = getStringList(wrapper, "v", owner + " as-user-extra \"" + key + "\"");
            }
        }
        u.username = getString(node, "username", owner);
        u.password = getString(node, "password", owner);
        int apLine = 0;
        const YAML::Node ap = child(node, "auth-provider", &apLine);
        if (ap.IsDefined() && !ap.IsNull()) {
            requireMap(ap, owner, "auth-provider", apLine);
            checkFields(ap, kAuthProviderFields, owner + " auth-provider");
            KubeconfigAuthProvider provider;
            provider.name = getString(ap, "name", owner + " auth-provider");
            int cfgLine = 0;
            const YAML::Node cfg = child(ap, "config", &cfgLine);
            if (cfg.IsDefined() && !cfg.IsNull()) {
                requireMap(cfg, owner + " auth-provider", "config", cfgLine);
                provider.config.emplace();
                for (auto it = cfg.begin(); it != cfg.end(); ++it) {
                    const std::string key = asString(it->first, owner + " auth-provider", "config key", lineOf(it->first));
                    (*provider.config)[key] = asString(it->second, owner + " auth-provider config", key, lineOf(it->first));
                }
            }
            u.authProvider = std::move(provider);
        }
        int execLine = 0;
        const YAML::Node exec = child(node, "exec", &execLine);
        if (exec.IsDefined() && !exec.IsNull())
            u.exec = decodeExec(exec, owner, execLine);
        u.extensions = getExtensions(node, owner);
        return u;
    }

    KubeconfigContext decodeContext(const YAML::Node &node, const std::string &owner, int line)
    {
        KubeconfigContext c;
        c.origin = origin(line);
        if (!node.IsDefined() || node.IsNull())
            return c;
        requireMap(node, owner, "context", line);
        checkFields(node, kContextFields, owner);
        c.cluster = getString(node, "cluster", owner);
        c.user = getString(node, "user", owner);
        c.ns = getString(node, "namespace", owner);
        c.extensions = getExtensions(node, owner);
        return c;
    }

    // clusters / users / contexts: lists of {name, <kind>} with unique names.
    template <typename T, typename DecodeFn>
    void decodeNamedList(const YAML::Node &root, const char *listField, const char *kind, DecodeFn decode,
                         std::vector<KubeconfigFile::Named<T>> &out)
    {
        int line = 0;
        const YAML::Node list = child(root, listField, &line);
        if (!list.IsDefined() || list.IsNull())
            return;
        if (!list.IsSequence())
            wrongType({}, listField, line, "a list", list);
        std::map<std::string, int> seen;
        for (const auto &item : list) {
            const int itemLine = lineOf(item);
            std::string name;
            YAML::Node body(YAML::NodeType::Undefined);
            int bodyLine = itemLine;
            if (!item.IsNull()) {
                if (!item.IsMap())
                    wrongType({}, std::string(listField) + "[]", itemLine, "a mapping with \"name\" and a body", item);
                name = asString(child(item, "name", nullptr), std::string(kind) + " entry", "name", itemLine);
                const std::string owner = std::string(kind) + " \"" + name + "\"";
                for (auto it = item.begin(); it != item.end(); ++it) {
                    const std::string key = it->first.IsScalar() ? text::utf8OfYamlCppScalar(it->first.Scalar()) : std::string();
                    if (key != "name" && key != kind) {
                        m_file.m_warnings.push_back(Error::make(ErrorKind::Config,
                                                                owner + ": unknown field \"" + key + "\" is ignored",
                                                                where(lineOf(it->first)),
                                                                "an entry of " + std::string(listField) + " has only \"name\" and \"" + kind + "\""));
                    }
                }
                int keyLine = 0;
                body = child(item, kind, &keyLine);
                if (keyLine > 0)
                    bodyLine = keyLine;
            }
            const std::string owner = std::string(kind) + " \"" + name + "\"";
            if (auto [it, inserted] = seen.emplace(name, itemLine); !inserted)
                fail(itemLine, owner + " is defined twice in this file (first at line " + std::to_string(it->second) + ")",
                     "rename or remove one of them; kubectl refuses such a file too");
            T value = decode(body, owner, bodyLine);
            value.origin.line = itemLine;
            out.emplace_back(name, std::move(value));
        }
    }
};

void KubeconfigFileDecoder::decodeRoot(const YAML::Node &root)
{
    if (!root.IsDefined() || root.IsNull())
        return;  // empty file or only comments: an empty config, as kubectl treats it
    if (!root.IsMap())
        fail(lineOf(root), "not a kubeconfig: the document is " + describeType(root) + ", expected a mapping",
             "a kubeconfig starts with apiVersion: v1, kind: Config, then clusters, users and contexts");
    checkFields(root, kTopFields, {});
    int line = 0;
    const std::string apiVersion = asString(child(root, "apiVersion", &line), {}, "apiVersion", line);
    const int apiLine = line;
    const std::string kind = asString(child(root, "kind", &line), {}, "kind", line);
    if (!apiVersion.empty() && apiVersion != "v1")
        fail(apiLine, "unsupported apiVersion \"" + apiVersion + "\"", "kubeconfig files use apiVersion: v1");
    if (!kind.empty() && kind != "Config")
        fail(line, "kind is \"" + kind + "\", not Config: this file is not a kubeconfig",
             "point --kubeconfig or KUBECONFIG at a kubeconfig file");

    m_file.m_currentContext = getString(root, "current-context", {});

    int prefLine = 0;
    const YAML::Node prefs = child(root, "preferences", &prefLine);
    if (prefs.IsDefined() && !prefs.IsNull()) {
        requireMap(prefs, {}, "preferences", prefLine);
        checkFields(prefs, kPreferencesFields, "preferences");
        m_file.m_preferences.colors = getBool(prefs, "colors", "preferences");
        m_file.m_preferences.extensions = getExtensions(prefs, "preferences");
    }

    decodeNamedList<KubeconfigCluster>(root, "clusters", "cluster",
                                       [this](const YAML::Node &n, const std::string &o, int l) { return decodeCluster(n, o, l); },
                                       m_file.m_clusters);
    decodeNamedList<KubeconfigUser>(root, "users", "user",
                                    [this](const YAML::Node &n, const std::string &o, int l) { return decodeUser(n, o, l); },
                                    m_file.m_users);
    decodeNamedList<KubeconfigContext>(root, "contexts", "context",
                                       [this](const YAML::Node &n, const std::string &o, int l) { return decodeContext(n, o, l); },
                                       m_file.m_contexts);
    m_file.m_extensions = getExtensions(root, "top level");
}

Result<KubeconfigFile> KubeconfigFile::parse(std::string_view text, const std::string &path)
{
    KubeconfigFile file;
    file.m_path = path;
    if (text.empty())
        return file;
    // As go-yaml: a kubeconfig is UTF-8 text without control characters. yaml-cpp would take
    // other bytes into names and tokens that `config view` could then not write back as YAML.
    if (const std::size_t bad = text::nonTextOffset(text); bad != std::string_view::npos) {
        std::size_t line = 0;
        const std::string what = text::describeNonText(text, bad, line);
        return Error::make(ErrorKind::Config, what, path + ":" + std::to_string(line),
                           "save the file as UTF-8 text (kubectl refuses it too)");
    }
    YAML::Node root;
    try {
        root = YAML::Load(std::string(text));
    } catch (const YAML::ParserException &e) {
        // yaml-cpp reports an unterminated construct at the end of input, one line past the
        // text; name the last line that has content instead, as go-yaml does.
        int line = e.mark.is_null() ? 0 : e.mark.line + 1;
        int lastContentLine = 0, current = 1;
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '\n')
                ++current;
            else if (text[i] != ' ' && text[i] != '\r' && text[i] != '\t')
                lastContentLine = current;
        }
        if (lastContentLine > 0 && line > lastContentLine)
            line = lastContentLine;
        // An unclosed [ or { is only noticed where the input ends; point at where it opened.
        if (e.msg.find("flow not found") != std::string::npos)
            if (const int opened = unclosedFlowLine(text); opened > 0)
                line = opened;
        const std::string where = line > 0 ? path + ":" + std::to_string(line) : path;
        return Error::make(ErrorKind::Config, "invalid YAML: " + e.msg, where,
                           "fix the syntax at that line (indentation, a missing ':' or an unclosed bracket or quote)");
    } catch (const YAML::Exception &e) {
        return Error::make(ErrorKind::Config, std::string("invalid YAML: ") + e.what(), path);
    }
    try {
        KubeconfigFileDecoder decoder(file, KubeconfigPath::absolute(KubeconfigPath::dir(path)));
        decoder.setValueBudget(2 * text.size() + 1024);
        decoder.decodeRoot(root);
    } catch (const DecodeFailure &f) {
        return f.error;
    } catch (const YAML::Exception &e) {
        return Error::make(ErrorKind::Config, std::string("cannot decode the kubeconfig: ") + e.what(), path);
    }
    return file;
}

Result<KubeconfigFile> KubeconfigFile::read(const std::string &path)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
        return Error::make(ErrorKind::Config, "kubeconfig path is a directory, not a file", path,
                           "point --kubeconfig or KUBECONFIG at the config file itself");
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const int err = errno;
        if (err == ENOENT)
            return Error::make(ErrorKind::Config, "kubeconfig file does not exist", path,
                               "check --kubeconfig / KUBECONFIG, or create the file (kubectl config set-cluster ...)");
        return Error::make(ErrorKind::Config, std::string("kubeconfig file cannot be read: ") + std::strerror(err), path,
                           err == EACCES ? "check the file's permissions" : std::string());
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad())
        return Error::make(ErrorKind::Config, "kubeconfig file cannot be read", path);
    return parse(buffer.str(), path);
}

} // namespace kube
