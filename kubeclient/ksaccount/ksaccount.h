// A KubeSphere account sign-in: which ks-apiserver, which user, how its TLS is checked, and the
// tokens its OAuth endpoint issued. The same values name the keyring entry, the kubeconfig
// entries `tenantryctl login kubesphere` writes and the `tenantryctl ks-credential` plugin's args.
#pragma once

#include "kubeclient/core/result.h"
#include "kubeclient/kubeconfig/kubeconfigtypes.h"
#include "kubeclient/transport/transport.h"

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kube::ksaccount {

// Tenantry's exec credential plugin: `tenantryctl ks-credential --server URL --username U ...`.
inline constexpr const char *kPluginCommand = "ks-credential";
// The kubeconfig extension that marks the user entry a sign-in wrote (and whose it is).
inline constexpr const char *kUserExtension = "tenantry.dev/kubesphere-account";

struct KsAccount {
    std::string server;    // "https://ks.example.com:30880", no trailing slash, no path
    std::string username;  // the KubeSphere user (User object name)
    std::string caFile;    // absolute path of the CA bundle; empty: the system trust store
    bool insecureSkipTlsVerify = false;

    // Checks each field and names the one that is wrong (server, username, certificate
    // authority); a relative CA path is made absolute against the working directory.
    static Result<KsAccount> make(std::string server, std::string username, std::string caFile, bool insecureSkipTlsVerify);

    // "host:port" of the server, for entry names.
    std::string hostPort() const;
    // Kubeconfig entry names: cluster "kubesphere-<host:port>", user and context
    // "kubesphere-<user>@<host:port>".
    std::string clusterEntryName() const;
    std::string contextName() const;

    // TLS for ks-apiserver: the CA file read now (an unreadable file is an error naming it).
    Result<TlsConfig> tls() const;

    // The plugin entry for a kubeconfig user: apiVersion client.authentication.k8s.io/v1,
    // interactiveMode Never (the plugin never asks for a password).
    KubeconfigExecConfig toExec(const std::string &command) const;
    // The account an exec entry names, nullopt when the entry is not Tenantry's plugin, an
    // error when it is but its arguments are broken.
    static Result<std::optional<KsAccount>> fromExec(const KubeconfigExecConfig &exec);
    // The plugin's arguments after `ks-credential` (shared by toExec and the CLI's parser).
    std::vector<std::string> pluginArgs() const;

    // Attributes of its keyring item (Secret Service lookups match on these).
    std::map<std::string, std::string> secretAttributes() const;
    std::string secretLabel() const;  // shown by seahorse & co: "Tenantry: KubeSphere alice@host"
};

// What ks-apiserver's /oauth/token answered (RFC 6749 §5.1), and when the access token expires.
struct KsToken {
    std::string accessToken;
    std::string tokenType = "Bearer";
    std::string refreshToken;
    std::chrono::system_clock::time_point expiresAt{};
    std::chrono::seconds lifetime{0};  // expires_in as issued; 0: the server named no expiry

    // How long before expiry a token is refreshed: 30 s, or a quarter of a short lifetime, so a
    // token is not refreshed the moment it was issued.
    static constexpr std::chrono::seconds kRefreshMargin{30};
    std::chrono::seconds refreshMargin() const;
    bool needsRefresh(std::chrono::system_clock::time_point now) const;

    // The JSON kept in the keyring (never anywhere else) and read back from it.
    std::string toSecret() const;
    static Result<KsToken> fromSecret(const std::string &secret);

    // A 200 answer of the token endpoint; messages never quote the body (it holds tokens).
    static Result<KsToken> fromTokenResponse(const std::string &body, std::chrono::system_clock::time_point now);
};

// The KubeSphere user a token names: its JWT `username` claim (KubeSphere's Claims), else
// `sub`; empty when the token is not a JWT with either.
std::string tokenUsername(const std::string &token);

// Replaces every occurrence of each non-empty secret in `text` by "[redacted]": for texts that
// came from a server and might echo what it was sent.
std::string redact(std::string text, const std::vector<std::string> &secrets);

} // namespace kube::ksaccount
