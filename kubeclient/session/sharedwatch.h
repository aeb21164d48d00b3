// One cluster-wide watch per resource for every feed of a connection: the tenancy graph
// (TenancyFeed) and the permission index (RbacFeed) read the same Store instead of each listing
// and holding the namespaces, users, workspaces and member bindings of the cluster.
#pragma once

#include "kubeclient/api/resource.h"
#include "kubeclient/watch/listerwatcher.h"
#include "kubeclient/watch/store.h"
#include "kubeclient/watch/watcher.h"

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace kube::session {

// Where the feeds get their list/watch calls: the cluster's client, or a fake in tests.
using ListerWatcherFactory =
    std::function<std::shared_ptr<ListerWatcher>(const GroupVersionResource &gvr, const std::string &ns)>;

// What a feed's watches run with unless the caller set otherwise: objects compacted to what the
// engines read (compactObject: no managedFields), and the watch-list stream when the listers
// speak it (a cluster's client does; fakes that only page do not).
WatcherOptions feedWatcherOptions(WatcherOptions options, bool streamingLists);

class SharedWatch
{
public:
    // What the watch went through before a feed joined it.
    struct Progress {
        bool listed = false;     // a list completed (InitDone)
        bool resumed = false;    // it resumed from the resourceVersion it was seeded with
        std::optional<Error> refusal;  // refused (403): stopped, for every feed of it
    };
    // Hears InitDone, Resumed and Error, after the Store has applied the event. Called on the
    // watch's thread with the watch's lock held: keep it short and never call back in here.
    using Listener = std::function<void(const WatcherEvent &)>;

    ~SharedWatch();  // stops and joins the watch
    SharedWatch(const SharedWatch &) = delete;
    SharedWatch &operator=(const SharedWatch &) = delete;

    const GroupVersionResource &resource() const { return m_gvr; }
    // Every object of the resource as the watch last saw it; subscribe to follow it.
    Store &store() { return m_store; }
    const Store &store() const { return m_store; }

    // Adds a listener and says what happened before it, in one step: no event falls between.
    int listen(Listener listener, Progress *before = nullptr);
    // After it returns, the listener is never called again.
    void unlisten(int id);
    Progress progress() const;

private:
    friend class WatchHub;
    explicit SharedWatch(GroupVersionResource gvr);
    void onEvent(const WatcherEvent &event);

    GroupVersionResource m_gvr;
    Store m_store;
    std::unique_ptr<Watcher> m_watcher;

    mutable std::mutex m_mutex;  // guards the listeners and the progress, held while they hear
    std::map<int, Listener> m_listeners;
    int m_nextId = 1;
    Progress m_progress;
};

// The shared watches of one connection. Holds them weakly: a watch lives while a feed holds it,
// so a resource nobody reads is not watched.
class WatchHub
{
public:
    // options: what every shared watch runs with (transform, streaming lists, backoff).
    WatchHub(ListerWatcherFactory listerWatcher, WatcherOptions options);

    // The running cluster-wide watch of gvr, else a new one, started here. A new one is seeded
    // with `cachedObjects` (applied as a list of version `resumeFrom`) and resumes from there when
    // resumeFrom is set; a running one ignores them. *created says which it was.
    std::shared_ptr<SharedWatch> acquire(const GroupVersionResource &gvr,
                                         const std::vector<Store::ObjectPtr> *cachedObjects = nullptr,
                                         const std::string &resumeFrom = {}, bool *created = nullptr);

    // How many watches are alive (for tests and the log).
    std::size_t running() const;

private:
    ListerWatcherFactory m_listerWatcher;
    WatcherOptions m_options;
    mutable std::mutex m_mutex;
    std::map<std::string, std::weak_ptr<SharedWatch>> m_watches;  // by "group/version/resource"
};

// One resource a feed follows: the connection's shared watch (its Store), or a Store and a
// Watcher of its own (no WatchHub, or a per-namespace watch). The feeds derive their own from it.
struct WatchSlot {
    std::shared_ptr<SharedWatch> shared;
    int listenId = 0;  // of the shared watch's listeners
    std::unique_ptr<Store> ownStore;
    Store *store = nullptr;  // shared->store() or ownStore
    int subscription = 0;    // of the Store's subscribers
    std::unique_ptr<Watcher> watcher;
    std::atomic<bool> synced{false};
    std::atomic<bool> forbidden{false};
};

// Lets go of a feed's slots: first every one stops hearing (its own watcher joined, the shared
// watch's listener removed), then each leaves its Store; the last holder of a shared watch stops it.
template <typename Slot>
void releaseWatchSlots(std::vector<std::unique_ptr<Slot>> &held)
{
    for (auto &s : held) {
        s->watcher.reset();  // joins
        if (s->shared)
            s->shared->unlisten(s->listenId);  // no call after this
    }
    for (auto &s : held)
        if (s->store && s->subscription)
            s->store->unsubscribe(s->subscription);
    held.clear();
}

} // namespace kube::session
