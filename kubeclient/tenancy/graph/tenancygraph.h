// The tenancy graph: workspaces, projects, users, roles, bindings, quotas and isolation of one
// cluster, fed per kind from watch-driven Stores and updated per event, read as snapshots.
#pragma once

#include "kubeclient/watch/store.h"
#include "kubeclient/tenancy/graph/graphkind.h"
#include "kubeclient/tenancy/graph/graphsnapshot.h"

#include <array>
#include <bitset>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace kube::tenancy {

struct GraphState;

// Wiring: one Store per GraphKind, with the resource resourceOf(kind, api) gives, then
//     graph.connect(GraphKind::Namespace, namespaceStore);   // keep the id to unsubscribe
// and readers call graph.snapshot() from any thread. Writers are serialised; each event
// recomputes the index entries of its one object, so its cost does not grow with the tenancy.
// A snapshot is a consistent whole: a reader never sees half of an event or of a batch.
class TenancyGraph
{
public:
    // One change for apply(batch).
    struct Event {
        GraphKind kind = GraphKind::Namespace;
        GraphObject object;  // upsert: the object; remove: may be null
        std::string key;     // remove: "ns/name" or "name" (taken from object when empty)
        bool deleted = false;

        static Event upsert(GraphKind kind, GraphObject object);
        static Event remove(GraphKind kind, std::string key);
    };

    // What subscribers hear after each published change.
    struct Change {
        GraphSnapshot snapshot;
        std::bitset<kGraphKindCount> kinds;  // kinds whose objects changed
    };
    using Subscriber = std::function<void(const Change &)>;

    explicit TenancyGraph(ApiFlavor flavor = ApiFlavor::V4);
    ~TenancyGraph();
    TenancyGraph(const TenancyGraph &) = delete;
    TenancyGraph &operator=(const TenancyGraph &) = delete;

    ApiFlavor flavor() const;
    GraphSnapshot snapshot() const;

    // Direct feeding. Each returns whether the graph changed (an object with the resourceVersion
    // already held is a no-op) and publishes at most one new version.
    bool upsert(GraphKind kind, GraphObject object);
    bool remove(GraphKind kind, const std::string &key);
    // The complete current set of a kind (a relist): objects not in it are removed, only the
    // difference touches the indexes. Marks the kind as fed. Returns the objects changed.
    std::size_t resync(GraphKind kind, const std::vector<GraphObject> &objects);
    // Several events, one published version (a bulk load, a coalesced burst).
    std::size_t apply(const std::vector<Event> &batch);

    // From a Store subscription: applies the change's keys from change.snapshot. A change the
    // graph already has (older Store version) is skipped; after a gap (events missed, first
    // contact) the graph resyncs the kind from change.snapshot, so it never drifts from the Store.
    void apply(GraphKind kind, const Store::Change &change);
    // From a Watcher directly (no Store): Init/InitApply/InitDone buffer a relist and resync,
    // Apply upserts, Delete removes, Error is ignored.
    void apply(GraphKind kind, const WatcherEvent &event);

    // Subscribes to the store and catches up from its current snapshot. Returns the Store
    // subscription id: call store.unsubscribe(id) before the graph or the store goes away.
    int connect(GraphKind kind, Store &store);

    // Called after every published change, in order, with the writer lock held: a subscriber
    // may call snapshot() but must not feed the graph.
    int subscribe(Subscriber subscriber);
    void unsubscribe(int id);

private:
    struct Writer;
    // Runs mutate on a private copy of the current state and publishes it when it changed.
    template <typename F>
    std::size_t write(F &&mutate);
    void resyncFromStore(GraphKind kind, const Store::Snapshot &snapshot);

    const ApiFlavor m_flavor;

    std::mutex m_writeMutex;  // serialises writers and notifications
    std::array<std::optional<std::vector<GraphObject>>, kGraphKindCount> m_relists;  // watcher relists

    mutable std::mutex m_mutex;  // guards m_current: held only to copy a pointer
    std::shared_ptr<const GraphState> m_current;

    std::mutex m_subscribersMutex;
    std::map<int, Subscriber> m_subscribers;
    int m_nextSubscriberId = 1;
};

} // namespace kube::tenancy
