// The kubeconfig's entries as plain values (clientcmd's v1 Config), each remembering the file
// and YAML line it came from so every later error can say where to look.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kube {

// Where an entry was defined. baseDir is the absolute directory relative references resolve
// against (client-go's LocationOfOrigin + filepath.Abs at load time).
struct KubeconfigOrigin {
    std::string file;  // as named by --kubeconfig / $KUBECONFIG / ~/.kube/config
    int line = 0;      // 1-based; 0 when unknown
    std::string baseDir;

    // "file:line", or just the file when the line is unknown.
    std::string describe() const { return line > 0 ? file + ":" + std::to_string(line) : file; }
};

// An opaque extension object, kept as JSON (converted from YAML the way kubectl does).
struct KubeconfigExtension {
    std::string name;
    nlohmann::json extension;
};

struct KubeconfigCluster {
    std::string server;
    std::string tlsServerName;
    bool insecureSkipTlsVerify = false;
    std::string certificateAuthority;      // path as written (relative to origin.baseDir)
    std::string certificateAuthorityData;  // decoded bytes (PEM)
    std::string proxyUrl;
    bool disableCompression = false;
    std::vector<KubeconfigExtension> extensions;
    KubeconfigOrigin origin;
};

struct KubeconfigExecEnvVar {
    std::string name;
    std::string value;
};

struct KubeconfigExecConfig {
    std::string command;
    std::optional<std::vector<std::string>> args;  // nullopt prints as null, like kubectl
    std::optional<std::vector<KubeconfigExecEnvVar>> env;
    std::string apiVersion;
    std::string installHint;
    bool provideClusterInfo = false;
    std::string interactiveMode;  // "" | Never | IfAvailable | Always (defaulted for v1beta1)
};

struct KubeconfigAuthProvider {
    std::string name;
    std::optional<std::map<std::string, std::string>> config;
};

struct KubeconfigUser {
    std::string clientCertificate;      // path as written
    std::string clientCertificateData;  // decoded bytes
    std::string clientKey;
    std::string clientKeyData;
    std::string token;
    std::string tokenFile;
    std::string impersonate;  // "as"
    std::string impersonateUid;
    std::vector<std::string> impersonateGroups;
    std::map<std::string, std::vector<std::string>> impersonateUserExtra;
    std::string username;
    std::string password;
    std::optional<KubeconfigAuthProvider> authProvider;
    std::optional<KubeconfigExecConfig> exec;
    std::vector<KubeconfigExtension> extensions;
    KubeconfigOrigin origin;
};

struct KubeconfigContext {
    std::string cluster;
    std::string user;
    std::string ns;  // "namespace"
    std::vector<KubeconfigExtension> extensions;
    KubeconfigOrigin origin;
};

struct KubeconfigPreferences {
    bool colors = false;
    std::vector<KubeconfigExtension> extensions;
};

} // namespace kube
