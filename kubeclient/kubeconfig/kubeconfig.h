// The merged kubeconfig kubectl would see (--kubeconfig, else $KUBECONFIG's files, else
// ~/.kube/config; first definition wins), and the step from a context to a TransportConfig.
#pragma once

#include "kubeclient/kubeconfig/execcredentialprovider.h"
#include "kubeclient/kubeconfig/kubeconfigfile.h"
#include "kubeclient/kubeconfig/kubeconfigtypes.h"
#include "kubeclient/kubeconfig/oidcauthprovider.h"
#include "kubeclient/core/result.h"
#include "kubeclient/transport/transport.h"

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kube {

// Where kubeconfig files come from. Tests fill it by hand; fromEnvironment() reads the
// process environment for the app and tenantryctl.
struct KubeconfigSources {
    std::string explicitPath;   // --kubeconfig: when set, the only file (and it must exist)
    std::string kubeconfigEnv;  // $KUBECONFIG (':'-separated); empty as if unset
    std::string homeDir;        // $HOME, for ~/.kube/config; empty: no default file

    static KubeconfigSources fromEnvironment(std::string explicitPath = {});

    // The files in precedence order: duplicates and empty entries removed, existence unchecked.
    std::vector<std::string> precedence() const;
    bool isExplicit() const { return !explicitPath.empty(); }
};

// Given a user entry's exec plugin (command already resolved) and where it is defined: a
// provider that stands in for the plugin, null to run it, or an error for a malformed entry.
using ExecInProcessHook = std::function<Result<CredentialProviderPtr>(const KubeconfigExecConfig &exec, const std::string &where)>;

// How credential providers made by transportConfig() behave.
struct CredentialOptions {
    std::chrono::milliseconds execTimeout{30'000};  // client-go has none; a GUI can't wait forever
    ExecApprovalHook approveExec;    // empty: plugins run without asking
    OidcHttpFetch oidcFetch;         // empty: HTTPS through kube::Transport
    // Where refreshed OIDC tokens go. Empty: written back into the kubeconfig file that
    // defines the user (what kubectl does) when persistOidcTokens, else kept in memory.
    OidcPersistHook oidcPersist;
    bool persistOidcTokens = true;
    std::chrono::seconds tokenFileRefresh{60};
    SystemClock clock;               // empty: the system clock (tests move time)
    // Tenantry's own exec plugins served in this process (no child, no approval, and a refresh
    // on a 401 the plugin could not see): a provider for the user's exec entry, or null to run
    // the plugin as kubectl would. Empty: every plugin runs.
    ExecInProcessHook execInProcess;
};

// A context with the entries it names, copied out of the merged config.
struct ResolvedContext {
    std::string contextName;
    KubeconfigContext context;
    std::string clusterName;
    KubeconfigCluster cluster;
    std::string userName;  // empty: anonymous
    KubeconfigUser user;
};

class Kubeconfig
{
public:
    Kubeconfig();

    // Loads and merges like client-go's ClientConfigLoadingRules: files missing from
    // $KUBECONFIG are skipped, a missing --kubeconfig file is an error, any file that exists
    // but does not decode is an error naming it. No files at all: an empty config.
    static Result<Kubeconfig> load(const KubeconfigSources &sources);
    // load(KubeconfigSources::fromEnvironment(explicitPath)).
    static Result<Kubeconfig> loadFromEnvironment(const std::string &explicitPath = {});
    // Merges already decoded files, highest priority first.
    static Kubeconfig merge(const std::vector<KubeconfigFile> &files);
    // One document given as text (tests, pasted configs); `path` locates relative references.
    static Result<Kubeconfig> fromYaml(std::string_view text, const std::string &path);

    // Files that were read, in precedence order, and listed files that did not exist.
    const std::vector<std::string> &files() const { return m_files; }
    const std::vector<std::string> &missingFiles() const { return m_missing; }

    const std::map<std::string, KubeconfigCluster> &clusters() const { return m_clusters; }
    const std::map<std::string, KubeconfigUser> &users() const { return m_users; }
    const std::map<std::string, KubeconfigContext> &contexts() const { return m_contexts; }
    const KubeconfigCluster *cluster(const std::string &name) const;
    const KubeconfigUser *user(const std::string &name) const;
    const KubeconfigContext *context(const std::string &name) const;
    std::vector<std::string> contextNames() const;

    const std::string &currentContext() const { return m_currentContext; }
    void setCurrentContext(std::string name) { m_currentContext = std::move(name); }
    const KubeconfigPreferences &preferences() const { return m_preferences; }
    const std::vector<KubeconfigExtension> &extensions() const { return m_extensions; }
    // Tolerated problems (unknown fields...), each with file:line.
    const std::vector<Error> &warnings() const { return m_warnings; }

    // Mutable access for `config view --minify/--flatten` and for tools that edit a config.
    std::map<std::string, KubeconfigCluster> &clusters() { return m_clusters; }
    std::map<std::string, KubeconfigUser> &users() { return m_users; }
    std::map<std::string, KubeconfigContext> &contexts() { return m_contexts; }

    // The context (empty: current) and what it names; errors say which file to fix.
    Result<ResolvedContext> resolve(const std::string &contextName = {}) const;
    // The context's namespace, "default" when it sets none (as kubectl).
    Result<std::string> contextNamespace(const std::string &contextName = {}) const;

    // Everything a Transport needs for the context (empty: current): server, TLS material read
    // and checked now, proxy, and a credential provider (shared by all transports made from
    // this Kubeconfig for the same user and cluster, so a plugin runs once, not per transport).
    Result<TransportConfig> transportConfig(const std::string &contextName = {}) const;

    void setCredentialOptions(CredentialOptions options);
    const CredentialOptions &credentialOptions() const { return m_options; }

    // The provider for a resolved context, without the TLS part (what transportConfig uses).
    Result<CredentialProviderPtr> credentials(const ResolvedContext &resolved) const;
    // spec.cluster for exec plugins with provideClusterInfo (CA file read into -data).
    static Result<nlohmann::json> execClusterInfo(const KubeconfigCluster &cluster, const std::string &clusterName);

private:
    std::string describeFiles() const;
    Result<std::string> readCa(const KubeconfigCluster &cluster, const std::string &clusterName) const;

    std::vector<std::string> m_files;
    std::vector<std::string> m_missing;
    std::map<std::string, KubeconfigCluster> m_clusters;
    std::map<std::string, KubeconfigUser> m_users;
    std::map<std::string, KubeconfigContext> m_contexts;
    std::string m_currentContext;
    std::string m_currentContextFile;  // the file whose current-context won
    KubeconfigPreferences m_preferences;
    std::vector<KubeconfigExtension> m_extensions;
    std::vector<Error> m_warnings;
    CredentialOptions m_options;

    // Providers by "user\ncluster"; shared between copies so a copy reuses cached tokens.
    struct ProviderCache;
    std::shared_ptr<ProviderCache> m_providers;
};

} // namespace kube
