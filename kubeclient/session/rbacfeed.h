// Keeps one cluster's permission index live: watches of the RBAC and KubeSphere role kinds (and
// the namespaces, workspaces and users they resolve against), read as RbacIndex snapshots.
// The feed mirrors the watched objects in RbacData key order (shared with the stores, never
// copied) and follows only the keys each change names, so a rebuild after one event parses
// one object and reuses the rest of the previous index.
#pragma once

#include "kubeclient/rbac/rbacdata.h"
#include "kubeclient/rbac/rbacindex.h"
#include "kubeclient/session/tenancyfeed.h"
#include "kubeclient/watch/store.h"
#include "kubeclient/watch/watcher.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace kube::session {

// Called on watcher threads: keep them short and post to your own thread.
struct RbacFeedCallbacks {
    std::function<void()> dirty;                                     // index() would answer differently
    std::function<void(const GroupVersionResource &gvr)> forbidden;  // that watch is refused and stopped
};

class RbacFeed
{
public:
    RbacFeed(FeedSource source, RbacFeedCallbacks callbacks = {}, WatcherOptions watcherOptions = WatcherOptions(),
             rbac::RbacIndex::Options indexOptions = rbac::RbacIndex::Options());
    ~RbacFeed();  // stops and joins every watch
    RbacFeed(const RbacFeed &) = delete;
    RbacFeed &operator=(const RbacFeed &) = delete;

    // One watch per served resource RbacData reads (see resources()).
    void start();
    void stop();

    // Every watch has listed once or been refused.
    bool synced() const;
    std::vector<GroupVersionResource> forbidden() const;

    // The index of what is held now. Built on first read after a change and shared until the
    // next one, so readers on any thread pay for a rebuild once per burst, not per event.
    std::shared_ptr<const rbac::RbacIndex> index() const;
    // The objects behind it (a copy: edit it to preview a plan).
    rbac::RbacData data() const;
    // One of them, as data() has it, without copying the others.
    std::optional<nlohmann::json> object(const rbac::RbacData::Key &key) const;
    // Increases with every change any watch brings.
    std::uint64_t version() const { return m_version; }

    // What the feed watches for an API flavour: RBAC always, KubeSphere's role kinds when served.
    static std::vector<GroupVersionResource> resources(const tenancy::TenancyApi &api);

private:
    struct Feed;
    // One watched object as the index reads it.
    struct Held {
        const Feed *feed = nullptr;
        Store::ObjectPtr object;
        std::uint64_t stamp = 0;  // new whenever `object` is another version
        bool listed = false;      // came without apiVersion/kind: read as the feed's
    };
    // The objects of one key: the one of the last feed (as data() keeps it), and any other
    // feed's (objects whose apiVersion contradicts their watch).
    struct Slot {
        Held held;
        std::vector<Held> shadowed;
    };
    using Mirror = std::map<rbac::RbacData::Key, Slot>;

    // A milestone of a shared watch (listed, resumed, refused).
    void onSharedEvent(Feed &feed, const WatcherEvent &event);
    // Brings m_mirror up to the stores (m_indexMutex held).
    void syncMirror() const;
    void syncKey(Feed &feed, const Store::Snapshot &snapshot, const std::string &storeKey) const;
    void dropHeld(Feed &feed, const rbac::RbacData::Key &key) const;

    FeedSource m_source;
    RbacFeedCallbacks m_callbacks;
    WatcherOptions m_watcherOptions;
    rbac::RbacIndex::Options m_indexOptions;

    mutable std::mutex m_feedsMutex;
    std::vector<std::unique_ptr<Feed>> m_feeds;
    std::atomic<bool> m_stopping{false};
    std::atomic<std::uint64_t> m_version{0};

    mutable std::mutex m_indexMutex;  // serialises rebuilds; guards the mirror and the cached index
    mutable Mirror m_mirror;
    mutable std::shared_ptr<const rbac::RbacIndex> m_index;
    mutable std::uint64_t m_indexVersion = ~std::uint64_t(0);
};

} // namespace kube::session
