// One open connection to one cluster, for the GUI and tenantryctl alike: kubeconfig context,
// client, identity, tenancy mode, and the one rule for which namespaces the identity can reach.
#pragma once

// How to use it
// -------------
//     kube::session::ConnectionOptions options;
//     options.kubeconfig = flags.kubeconfig;        // or options.config = an already loaded Kubeconfig
//     options.context = flags.context;              // empty: current-context
//     options.credentials.approveExec = hook;       // exec plugins need approval in the GUI
//     options.modeOverride = kube::tenancy::Mode::Standalone;  // optional (--mode)
//     auto connection = kube::session::ClusterConnection::open(options);
//     if (!connection) { print(connection.error()); return 1; }
//     connection->client()->list(...);              // shared_ptr<kube::Client>, any thread
//     connection->identity();                       // whoami: user + groups (nullopt on old servers)
//     connection->tenancy();                        // mode + API flavour (when options.detectMode)
//     auto reach = connection->reach();             // which namespaces this identity can see
//
// open() sends whoami and discovery + mode detection concurrently and fails only when the
// cluster cannot be used at all (no kubeconfig, unreachable, credentials refused); a server
// without SelfSubjectReview leaves identity() empty and says why in identityError().
// isTransient() tells a caller whether retrying later (with kube::Backoff) makes sense.
//
// The reach rule (the same for the tree and `tenantryctl get projects`):
//   1. whoever may list namespaces sees them all (Reach::all);
//   2. otherwise the names granted by `get namespaces` with resourceNames in a
//      SelfSubjectRulesReview (which every authenticated user may send: this is how a
//      `tenantry:reach:<user>` ClusterRole reveals a restricted user's projects),
//   3. plus the context namespace, the pinned namespaces and any extra candidates, each kept
//      only when a rules review in it grants more than a review in a namespace without
//      bindings does (cluster-wide rules) and more than the self-reviews everyone has.

#include "kubeclient/api/client.h"
#include "kubeclient/core/canceltoken.h"
#include "kubeclient/core/result.h"
#include "kubeclient/kubeconfig/credentials.h"
#include "kubeclient/kubeconfig/kubeconfig.h"
#include "kubeclient/kubesphere/mode.h"
#include "kubeclient/ksaccount/ksaccount.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kube::session {

class WatchHub;

struct ConnectionOptions {
    std::string kubeconfig;            // explicit file (--kubeconfig); empty: $KUBECONFIG, ~/.kube/config
    std::optional<Kubeconfig> config;  // an already loaded config: used instead of reading files
    std::string context;               // empty: the config's current-context
    CredentialOptions credentials;     // exec-plugin approval hook, clock...
    long requestTimeoutMs = 0;         // 0: the transport's default
    long connectTimeoutMs = 0;         // 0: the transport's default
    // The liveness client's deadline: a stopped API server leaves streams open but silent,
    // and only a short request notices it.
    long probeTimeoutMs = 5'000;
    std::string userAgent;  // empty: the transport's default
    bool whoami = true;      // ask SelfSubjectReview
    bool detectMode = true;  // discovery + tenancy mode (detectTenancy)
    std::optional<tenancy::Mode> modeOverride;
    // Keeps discovery in ~/.kube/cache/discovery/<host> as kubectl does (one-shot commands).
    bool discoveryDiskCache = false;
    std::string discoveryCacheRoot;  // --cache-dir; empty: $KUBECACHEDIR or ~/.kube/cache
    std::vector<std::string> pinnedNamespaces;  // reach candidates the user named
    CancelTokenPtr cancel;
};

struct ReachOptions {
    // More namespaces to check (-n, namespaces of bindings the identity could read...).
    std::vector<std::string> candidates;
    // Fetch each reachable Namespace object (labels such as the workspace); when it may not
    // be read a bare object with only the name stands in and the name goes to unreadable.
    bool fetchObjects = true;
    CancelTokenPtr cancel;
};

struct Reach {
    bool all = false;  // may list namespaces: every namespace is visible, nothing else is filled
    std::vector<std::string> namespaces;     // sorted, when !all
    std::vector<nlohmann::json> objects;     // Namespace objects in the order of namespaces
    std::set<std::string> unreadable;        // reachable, but the Namespace object is not readable
    std::set<std::string> fromRules;         // named by resourceNames in a rules review
    // For messages: "the rules review, the kubeconfig context and pinned namespaces".
    std::string sources;
};

class ClusterConnection
{
public:
    static Result<ClusterConnection> open(const ConnectionOptions &options);

    // The cluster may answer later (transport, timeout, 5xx): worth retrying with backoff.
    static bool isTransient(const Error &error);

    // Shared with watches and background work; safe from any thread.
    const std::shared_ptr<Client> &client() const { return m_client; }
    // The same server with probeTimeoutMs deadlines, for liveness checks.
    const std::shared_ptr<Client> &probeClient() const { return m_probeClient; }
    // The watches its feeds share (see WatchHub): one per resource, whoever reads it.
    const std::shared_ptr<WatchHub> &watches() const { return m_watches; }

    const std::string &contextName() const { return m_contextName; }
    const std::string &clusterName() const { return m_clusterName; }
    const std::string &userName() const { return m_userName; }  // the kubeconfig user entry
    const std::string &server() const { return m_server; }
    const std::string &contextNamespace() const { return m_contextNamespace; }  // "" when none
    const std::vector<std::string> &pinnedNamespaces() const { return m_pinned; }

    const std::optional<UserInfo> &identity() const { return m_identity; }
    const std::optional<Error> &identityError() const { return m_identityError; }
    const std::optional<tenancy::ClusterTenancy> &tenancy() const { return m_tenancy; }
    // The KubeSphere account when the context is a KubeSphere sign-in (its user runs the
    // ks-credential plugin): requests then go through ks-apiserver and identity() is that user.
    const std::optional<ksaccount::KsAccount> &kubesphereAccount() const { return m_kubesphereAccount; }

    // Whether the server serves this resource (discovery; false before it is loaded).
    bool serves(const GroupVersionResource &gvr) const;

    // GET /version on the probe client.
    Result<void> probe(const CancelTokenPtr &cancel = nullptr) const;

    // The reach rule above. Errors only when the server cannot be asked at all.
    Result<Reach> reach(const ReachOptions &options = {}) const;

    // Pieces of the rule, exposed for tests and for callers holding a review already.
    // The namespaces a SelfSubjectRulesReview status grants `get` on by resourceNames.
    static std::set<std::string> namespacesGrantedBy(const nlohmann::json &rulesReview);
    // Whether a rules review grants anything in its namespace beyond the self-reviews every
    // user may send (and beyond reach grants, which show in every namespace).
    static bool grantsSomething(const nlohmann::json &rulesReview);
    // The same, counting only rules the baseline review (cluster-wide rules) does not hold.
    static bool grantsBeyond(const nlohmann::json &rulesReview, const nlohmann::json &baseline);

private:
    ClusterConnection() = default;

    Result<nlohmann::json> rulesReview(const std::string &ns, const CancelTokenPtr &cancel) const;
    Result<bool> mayListNamespaces(const CancelTokenPtr &cancel) const;

    std::shared_ptr<Client> m_client;
    std::shared_ptr<Client> m_probeClient;
    std::shared_ptr<WatchHub> m_watches;
    std::string m_contextName;
    std::string m_clusterName;
    std::string m_userName;
    std::string m_server;
    std::string m_contextNamespace;
    std::vector<std::string> m_pinned;
    std::optional<UserInfo> m_identity;
    std::optional<Error> m_identityError;
    std::optional<tenancy::ClusterTenancy> m_tenancy;
    std::optional<ksaccount::KsAccount> m_kubesphereAccount;
};

} // namespace kube::session
