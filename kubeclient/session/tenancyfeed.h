// Keeps one cluster's TenancyGraph live: a Watcher + Store per tenancy kind, per-namespace
// watches for kinds the identity may not list cluster-wide, and a one-shot load for the CLI.
#pragma once

#include "kubeclient/core/error.h"
#include "kubeclient/core/result.h"
#include "kubeclient/kubesphere/tenancyapi.h"
#include "kubeclient/session/sharedwatch.h"
#include "kubeclient/session/tenancycache.h"
#include "kubeclient/tenancy/graph/graphkind.h"
#include "kubeclient/tenancy/graph/graphsnapshot.h"
#include "kubeclient/tenancy/graph/tenancygraph.h"
#include "kubeclient/watch/listerwatcher.h"
#include "kubeclient/watch/watcher.h"

#include <bitset>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace kube {
class Client;
}

namespace kube::session {

class ClusterConnection;

// Whether the server serves a resource (discovery). Empty: every resource is served.
using ServesResource = std::function<bool(const GroupVersionResource &gvr)>;

ListerWatcherFactory listerWatchersOf(std::shared_ptr<Client> client);
ServesResource discoveryOf(std::shared_ptr<Client> client);

// The annotation a Namespace found by the reach rule (not by listing) carries in the graph, so
// a tree can show it under "reachable projects".
inline constexpr const char *kReachableOnlyAnnotation = "tenantry.dev/reachable-only";

// Project-describing namespaced kinds: when one may not be listed cluster-wide, it is watched
// per reachable namespace instead.
inline constexpr tenancy::GraphKind kProjectKinds[] = {
    tenancy::GraphKind::ProjectRole,   tenancy::GraphKind::ProjectRoleBinding, tenancy::GraphKind::ResourceQuota,
    tenancy::GraphKind::LimitRange,    tenancy::GraphKind::NetworkPolicy,      tenancy::GraphKind::NamespaceNetworkPolicy};

struct FeedSource {
    tenancy::TenancyApi api;
    ListerWatcherFactory listerWatcher;
    ServesResource serves;
    // The listers speak the API server's watch-list protocol (WatcherOptions::streamingList):
    // true for a cluster's client, false for fakes that only page.
    bool streamingLists = false;
    // The connection's shared watches: cluster-wide feeds (TenancyFeed, RbacFeed) join them
    // instead of each watching and holding the resource. Empty: each feed watches on its own.
    std::shared_ptr<WatchHub> watches = nullptr;
};

// Built from an open connection (its client, discovery and detected API).
FeedSource feedSourceOf(const ClusterConnection &connection);

// Called on watcher threads: keep them short and post to your own thread.
struct TenancyFeedCallbacks {
    std::function<void()> dirty;                      // the graph changed (possibly many times)
    std::function<void(tenancy::GraphKind)> synced;   // a cluster-wide kind finished its first list
    // A cluster-wide watch failed; it retries by itself after retryIn.
    std::function<void(tenancy::GraphKind, const Error &, std::chrono::milliseconds retryIn)> error;
    // A watch was refused (403): it is stopped. ns is empty for a cluster-wide one.
    std::function<void(tenancy::GraphKind, const std::string &ns)> forbidden;
};

// What a one-shot load read.
struct GraphLoad {
    tenancy::GraphSnapshot snapshot;
    std::bitset<tenancy::kGraphKindCount> forbidden;  // kinds the identity may not list
    std::bitset<tenancy::kGraphKindCount> loaded;     // kinds listed (not served ones count: none exist)
};

struct LoadOptions {
    // The kinds to read; empty: all. A command reads only what it needs.
    std::vector<tenancy::GraphKind> kinds;
    // Namespaced kinds are listed in this namespace only (a namespaced question); "" = all.
    std::string ns;
    // Namespace objects from the reach rule, added (annotated) when Namespace may not be listed.
    std::vector<nlohmann::json> reachable;
    CancelTokenPtr cancel;
};

class TenancyFeed
{
public:
    TenancyFeed(FeedSource source, TenancyFeedCallbacks callbacks, WatcherOptions watcherOptions = WatcherOptions());
    ~TenancyFeed();  // stops and joins every watch
    TenancyFeed(const TenancyFeed &) = delete;
    TenancyFeed &operator=(const TenancyFeed &) = delete;

    // One watch per kind the server serves, cluster-wide. Kinds not served are resynced empty
    // at once: none can exist, which is a known answer (not "no access").
    void start();
    // start() from a cached snapshot of the same cluster (see canResume): each kind the
    // cache holds is in the graph at once and its watch resumes from the cached
    // resourceVersion; one the server no longer has is listed as usual. A kind counts as
    // synced once its resume is confirmed or its list is complete.
    void start(const TenancyCache &cache);
    // Whether start(cache) may resume from a cache: it must be of the cluster this source
    // reaches (the kube-system namespace's uid, the conventional cluster id, is the cached
    // one) and no cached resourceVersion may be ahead of the server's (an etcd restored from a
    // backup: a watch from a future version waits silently for it). One small request; false
    // with *why saying which, or an error when it could not be told.
    static Result<bool> canResume(const FeedSource &source, const TenancyCache &cache, std::string *why = nullptr,
                                  const CancelTokenPtr &cancel = nullptr);
    // What a cache file should hold now: each cluster-wide kind whose watch is live (listed
    // or resumed), with the resourceVersion of exactly that state, plus kinds the server does
    // not serve (empty). Kinds still listing or forbidden are left out.
    std::vector<CachedKind> cacheable() const;
    // Kinds whose watch resumed from the cache, and kinds listed (first start, or a cached
    // version the server no longer had), for the log and the benchmarks.
    std::size_t resumedKinds() const;
    std::size_t listedKinds() const;
    // Prompt (cancels streams); the destructor joins.
    void stop();

    tenancy::TenancyGraph &graph() { return *m_graph; }
    tenancy::GraphSnapshot snapshot() const { return m_graph->snapshot(); }

    // Every cluster-wide watch has listed once or been refused.
    bool initialRoundDone() const;
    std::bitset<tenancy::kGraphKindCount> forbidden() const;

    // Namespace-scoped resync: watch `kinds` in `ns` (each relist replaces exactly what this
    // namespace's feed brought before). A kind already watched there is left alone.
    void watchNamespace(const std::string &ns, const std::vector<tenancy::GraphKind> &kinds);
    // The project kinds the identity may not list cluster-wide, watched in each namespace.
    void watchReachable(const std::vector<std::string> &namespaces);
    // Namespace objects the reach rule found, marked with kReachableOnlyAnnotation.
    void addReachable(const std::vector<nlohmann::json> &namespaces);

    // Lists each kind once (concurrently, no watch) into a fresh graph: the CLI reads the same
    // graph the GUI does. A 403 marks the kind forbidden; any other failure is the error.
    static Result<GraphLoad> load(const FeedSource &source, const LoadOptions &options = {});

private:
    struct Feed;

    void startFeed(tenancy::GraphKind kind, const GroupVersionResource &gvr, const std::string &ns,
                   const CachedKind *cached = nullptr);
    void startAll(const TenancyCache *cache);
    void onEvent(Feed &feed, const WatcherEvent &event);
    void applyNamespaced(Feed &feed, const WatcherEvent &event);

    FeedSource m_source;
    TenancyFeedCallbacks m_callbacks;
    WatcherOptions m_watcherOptions;
    std::unique_ptr<tenancy::TenancyGraph> m_graph;
    int m_graphSubscription = 0;

    mutable std::mutex m_mutex;  // guards m_feeds (the list, not the feeds' own state)
    std::vector<std::unique_ptr<Feed>> m_feeds;
    std::atomic<bool> m_stopping{false};
};

} // namespace kube::session
