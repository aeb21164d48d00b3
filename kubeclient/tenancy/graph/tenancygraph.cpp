// TenancyGraph: the writer side. Every write copies the current version's roots (a few dozen
// pointers), edits the copy in place under a fresh GraphEdit and swaps it in under a mutex
// held only for the pointer swap, so readers never wait for a writer.
#include "kubeclient/tenancy/graph/tenancygraph.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/tenancy/graph/graphstate.h"

#include <algorithm>

namespace kube::tenancy {

namespace {
std::string keyOf(const GraphObject &object)
{
    if (!object)
        return {};
    const ObjectMeta meta(*object);
    const std::string name = meta.name();
    return name.empty() ? std::string() : objectKey(meta.namespaceName(), name);
}
} // namespace

// One write in progress: the private next state, the edit that owns its new nodes, and what
// changed.
struct TenancyGraph::Writer {
    GraphState &state;
    GraphEdit edit;
    std::bitset<kGraphKindCount> changed;
    bool fedChanged = false;
    std::size_t count = 0;

    void markFed(GraphKind kind, bool fed = true)
    {
        bool &flag = state.fed[indexOf(kind)];
        if (flag != fed) {
            flag = fed;
            fedChanged = true;
        }
    }

    bool upsert(GraphKind kind, const GraphObject &object)
    {
        if (!state.upsert(edit, kind, object))
            return false;
        changed.set(indexOf(kind));
        ++count;
        return true;
    }

    bool remove(GraphKind kind, const std::string &key)
    {
        if (!state.remove(edit, kind, key))
            return false;
        changed.set(indexOf(kind));
        ++count;
        return true;
    }

    // The indexes only, for a kind whose objects' map the caller replaces whole.
    void reindex(GraphKind kind, const std::string &key, const GraphObject &old, const GraphObject &now)
    {
        if (!old && !now)
            return;
        state.reindex(edit, kind, key, old, now);
        changed.set(indexOf(kind));
        ++count;
    }

    // Both sides in key order: one merge finds the deletions; upserts of unchanged objects are
    // no-ops by resourceVersion.
    void resync(GraphKind kind, std::vector<std::pair<std::string, GraphObject>> next)
    {
        std::sort(next.begin(), next.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        std::vector<std::string> gone;
        auto it = next.begin();
        state.of(kind).forEach([&](std::string_view key, const GraphObject &) {
            while (it != next.end() && it->first < key)
                ++it;
            if (it == next.end() || it->first != key)
                gone.emplace_back(key);
            return true;
        });
        for (const auto &key : gone)
            remove(kind, key);
        for (const auto &[key, object] : next)
            if (!key.empty())
                upsert(kind, object);
    }
};

TenancyGraph::Event TenancyGraph::Event::upsert(GraphKind kind, GraphObject object)
{
    Event e;
    e.kind = kind;
    e.object = std::move(object);
    return e;
}

TenancyGraph::Event TenancyGraph::Event::remove(GraphKind kind, std::string key)
{
    Event e;
    e.kind = kind;
    e.key = std::move(key);
    e.deleted = true;
    return e;
}

TenancyGraph::TenancyGraph(ApiFlavor flavor)
    : m_flavor(flavor)
{
    auto initial = std::make_shared<GraphState>();
    initial->flavor = flavor;
    m_current = std::move(initial);
}

TenancyGraph::~TenancyGraph() = default;

ApiFlavor TenancyGraph::flavor() const { return m_flavor; }

GraphSnapshot TenancyGraph::snapshot() const
{
    std::lock_guard lock(m_mutex);
    return GraphSnapshot(m_current);
}

template <typename F>
std::size_t TenancyGraph::write(F &&mutate)
{
    // Called with m_writeMutex held.
    std::shared_ptr<const GraphState> current;
    {
        std::lock_guard lock(m_mutex);
        current = m_current;
    }
    auto next = std::make_shared<GraphState>(*current);
    Writer writer{*next, GraphEdit(), {}, false, 0};
    mutate(writer);
    if (writer.changed.none() && !writer.fedChanged && next->sourceVersions == current->sourceVersions)
        return 0;
    next->version = current->version + 1;
    std::shared_ptr<const GraphState> published = std::move(next);
    {
        std::lock_guard lock(m_mutex);
        m_current = published;
    }
    std::vector<Subscriber> subscribers;
    {
        std::lock_guard lock(m_subscribersMutex);
        subscribers.reserve(m_subscribers.size());
        for (const auto &entry : m_subscribers)
            subscribers.push_back(entry.second);
    }
    if (!subscribers.empty()) {
        const Change change{GraphSnapshot(published), writer.changed};
        for (const auto &notify : subscribers)
            notify(change);
    }
    return writer.count;
}

bool TenancyGraph::upsert(GraphKind kind, GraphObject object)
{
    std::lock_guard lock(m_writeMutex);
    return write([&](Writer &w) {
               w.markFed(kind);
               w.upsert(kind, object);
           })
        > 0;
}

bool TenancyGraph::remove(GraphKind kind, const std::string &key)
{
    std::lock_guard lock(m_writeMutex);
    return write([&](Writer &w) {
               w.markFed(kind);
               w.remove(kind, key);
           })
        > 0;
}

std::size_t TenancyGraph::resync(GraphKind kind, const std::vector<GraphObject> &objects)
{
    std::vector<std::pair<std::string, GraphObject>> next;
    next.reserve(objects.size());
    for (const auto &o : objects)
        next.emplace_back(keyOf(o), o);
    std::lock_guard lock(m_writeMutex);
    return write([&](Writer &w) {
        w.markFed(kind);
        w.resync(kind, std::move(next));
    });
}

std::size_t TenancyGraph::apply(const std::vector<Event> &batch)
{
    std::lock_guard lock(m_writeMutex);
    return write([&](Writer &w) {
        for (const auto &e : batch) {
            w.markFed(e.kind);
            if (e.deleted)
                w.remove(e.kind, e.key.empty() ? keyOf(e.object) : e.key);
            else
                w.upsert(e.kind, e.object);
        }
    });
}

void TenancyGraph::resyncFromStore(GraphKind kind, const Store::Snapshot &snapshot)
{
    // Called with m_writeMutex held.
    std::vector<std::pair<std::string, GraphObject>> next;
    next.reserve(snapshot.size());
    snapshot.forEach([&](std::string_view key, const Store::ObjectPtr &o) { next.emplace_back(key, o); });
    write([&](Writer &w) {
        w.markFed(kind, snapshot.synced());
        w.resync(kind, std::move(next));
        w.state.sourceVersions[indexOf(kind)] = snapshot.version();
        // The kind now holds exactly the store's objects under the store's keys: keep the
        // store's map itself (its nodes shared, not copied; neither side changes a published node).
        w.state.objects[indexOf(kind)] = snapshot.objectMap();
    });
}

void TenancyGraph::apply(GraphKind kind, const Store::Change &change)
{
    std::lock_guard lock(m_writeMutex);
    std::uint64_t have = 0;
    {
        std::lock_guard l(m_mutex);
        have = m_current->sourceVersions[indexOf(kind)];
    }
    const std::uint64_t version = change.snapshot.version();
    if (version <= have)
        return;  // already in the graph (connect() caught up past it)
    if (version != have + 1) {
        // A gap: the change's diff is relative to a version we never saw.
        resyncFromStore(kind, change.snapshot);
        return;
    }
    write([&](Writer &w) {
        w.markFed(kind, change.snapshot.synced());
        w.state.sourceVersions[indexOf(kind)] = version;
        if (w.state.of(kind).sameRoot(change.previous.objectMap())) {
            // This kind is the store's own map, as it was before this change: the indexes follow
            // the store's diff and the store's next map becomes the kind's whole. The graph
            // allocates no node of its own for the objects (nor frees one: a list of 200,000
            // bindings left about 30 MB of such holes between the index nodes).
            for (const auto &key : change.deleted)
                w.reindex(kind, key, change.previous.get(key), nullptr);
            for (const auto *keys : {&change.added, &change.updated})
                for (const auto &key : *keys)
                    w.reindex(kind, key, change.previous.get(key), change.snapshot.get(key));
            w.state.objects[indexOf(kind)] = change.snapshot.objectMap();
            return;
        }
        for (const auto &key : change.deleted)
            w.remove(kind, key);
        for (const auto *keys : {&change.added, &change.updated})
            for (const auto &key : *keys)
                if (auto o = change.snapshot.get(key))
                    w.upsert(kind, o);
    });
}

void TenancyGraph::apply(GraphKind kind, const WatcherEvent &event)
{
    std::lock_guard lock(m_writeMutex);
    auto &relist = m_relists[indexOf(kind)];
    switch (event.type) {
    case WatcherEventType::Init:
        relist.emplace();
        return;
    case WatcherEventType::InitApply:
        if (relist) {
            if (event.object)
                relist->push_back(event.object);
            return;
        }
        // An InitApply without Init breaks the protocol; keeping the object beats losing it.
        [[fallthrough]];
    case WatcherEventType::Apply:
        write([&](Writer &w) { w.upsert(kind, event.object); });
        return;
    case WatcherEventType::Delete:
        write([&](Writer &w) { w.remove(kind, keyOf(event.object)); });
        return;
    case WatcherEventType::InitDone: {
        if (!relist)
            return;
        std::vector<std::pair<std::string, GraphObject>> next;
        next.reserve(relist->size());
        for (auto &o : *relist)
            next.emplace_back(keyOf(o), std::move(o));
        relist.reset();
        write([&](Writer &w) {
            w.markFed(kind);
            w.resync(kind, std::move(next));
        });
        return;
    }
    case WatcherEventType::Error:
    case WatcherEventType::Resumed:
        return;
    }
}

int TenancyGraph::connect(GraphKind kind, Store &store)
{
    const int id = store.subscribe([this, kind](const Store::Change &change) { apply(kind, change); });
    const Store::Snapshot current = store.snapshot();
    std::lock_guard lock(m_writeMutex);
    std::uint64_t have = 0;
    {
        std::lock_guard l(m_mutex);
        have = m_current->sourceVersions[indexOf(kind)];
    }
    // A notification that raced ahead of us already carried a newer version.
    if (current.version() > have || have == 0)
        resyncFromStore(kind, current);
    return id;
}

int TenancyGraph::subscribe(Subscriber subscriber)
{
    std::lock_guard lock(m_subscribersMutex);
    const int id = m_nextSubscriberId++;
    m_subscribers.emplace(id, std::move(subscriber));
    return id;
}

void TenancyGraph::unsubscribe(int id)
{
    std::lock_guard lock(m_subscribersMutex);
    m_subscribers.erase(id);
}

} // namespace kube::tenancy
