// Store: the objects in a persistent (path-copying) AVL map keyed "namespace/name", so an event
// costs O(log n) and a snapshot is one pointer copy, even at hundreds of thousands of objects.
#include "kubeclient/watch/store.h"

#include "kubeclient/core/objectmeta.h"

#include <utility>

namespace kube {

using ObjectMap = PersistentMap<Store::ObjectPtr>;

struct Store::Snapshot::Data {
    ObjectMap objects;
    std::uint64_t version = 0;
    bool synced = false;
    std::string resourceVersion;
};

namespace {

// The helpers read both the objects events bring (nlohmann) and the frozen ones kept.
template <typename J>
const J *metadataOf(const J &object)
{
    if (!object.is_object())
        return nullptr;
    const auto md = object.find("metadata");
    return md != object.end() && md->is_object() ? &*md : nullptr;
}

template <typename J>
std::string stringAt(const J *obj, const char *key)
{
    if (!obj)
        return {};
    const auto it = obj->find(key);
    return it != obj->end() && it->is_string() ? it->template get<std::string>() : std::string();
}

// A watch delivers a resource's events in resourceVersion order: the last one applied is the
// version this state corresponds to (a resume point that never skips an event).
template <typename J>
void advanceResourceVersion(Store::Snapshot::Data &data, const J &object)
{
    std::string rv = stringAt(metadataOf(object), "resourceVersion");
    if (!rv.empty())
        data.resourceVersion = std::move(rv);
}

// The same object state: resourceVersions say so cheaply; without them compare contents.
bool sameState(const Store::ObjectPtr &a, const Store::ObjectPtr &b)
{
    if (a == b)
        return true;
    const std::string rvA = stringAt(metadataOf(*a), "resourceVersion");
    const std::string rvB = stringAt(metadataOf(*b), "resourceVersion");
    if (!rvA.empty() && !rvB.empty())
        return rvA == rvB;
    return *a == *b;
}

// Keys and objects in order; the views point into the map's nodes, alive as long as the map.
std::vector<std::pair<std::string_view, const Store::ObjectPtr *>> entries(const ObjectMap &map)
{
    std::vector<std::pair<std::string_view, const Store::ObjectPtr *>> out;
    out.reserve(map.size());
    map.forEach([&](std::string_view key, const Store::ObjectPtr &object) {
        out.emplace_back(key, &object);
        return true;
    });
    return out;
}

std::vector<Store::ObjectPtr> values(const ObjectMap &map)
{
    std::vector<Store::ObjectPtr> out;
    out.reserve(map.size());
    map.forEach([&](std::string_view, const Store::ObjectPtr &object) {
        out.push_back(object);
        return true;
    });
    return out;
}

} // namespace

// --- Snapshot ---

Store::Snapshot::Snapshot()
    : m_data(std::make_shared<Data>())
{
}

Store::Snapshot::Snapshot(std::shared_ptr<const Data> data)
    : m_data(std::move(data))
{
}

std::size_t Store::Snapshot::size() const
{
    return m_data->objects.size();
}

Store::ObjectPtr Store::Snapshot::get(const std::string &key) const
{
    const ObjectPtr *found = m_data->objects.find(key);
    return found ? *found : nullptr;
}

Store::ObjectPtr Store::Snapshot::get(const std::string &ns, const std::string &name) const
{
    return get(ns.empty() ? name : ns + "/" + name);
}

std::vector<std::string> Store::Snapshot::keys() const
{
    std::vector<std::string> out;
    out.reserve(size());
    m_data->objects.forEach([&](std::string_view key, const ObjectPtr &) {
        out.emplace_back(key);
        return true;
    });
    return out;
}

std::vector<Store::ObjectPtr> Store::Snapshot::objects() const
{
    return values(m_data->objects);
}

void Store::Snapshot::forEach(const std::function<void(std::string_view, const ObjectPtr &)> &visit) const
{
    m_data->objects.forEach([&](std::string_view key, const ObjectPtr &object) {
        visit(key, object);
        return true;
    });
}

const PersistentMap<Store::ObjectPtr> &Store::Snapshot::objectMap() const
{
    return m_data->objects;
}

std::uint64_t Store::Snapshot::version() const
{
    return m_data->version;
}

bool Store::Snapshot::synced() const
{
    return m_data->synced;
}

const std::string &Store::Snapshot::resourceVersion() const
{
    return m_data->resourceVersion;
}

// --- Store ---

Store::Store() = default;

template <typename J>
std::string keyOfObject(const J &object)
{
    const auto *md = metadataOf(object);
    const std::string name = stringAt(md, "name");
    if (name.empty())
        return {};
    // The tenancy graph's key too (core/objectmeta): a graph kind fed by a store keeps the
    // store's map as its own, so both must key an object alike.
    return objectKey(stringAt(md, "namespace"), name);
}

std::string Store::keyOf(const nlohmann::json &object) { return keyOfObject(object); }
std::string Store::keyOf(const FrozenJson &object) { return keyOfObject(object); }

Store::Snapshot Store::snapshot() const
{
    std::lock_guard lock(m_mutex);
    return m_current;
}

void Store::apply(const WatcherEvent &event)
{
    std::lock_guard applyLock(m_applyMutex);
    const Snapshot current = snapshot();

    switch (event.type) {
    case WatcherEventType::Init: {
        // A new relist; an unfinished earlier one (the list failed midway) is dropped.
        m_buffer = std::make_shared<Snapshot::Data>();
        m_bufferEdit = MapEdit();
        return;
    }
    case WatcherEventType::InitApply:
        if (m_buffer) {
            if (!event.object)
                return;
            const std::string key = keyOf(*event.object);
            if (key.empty())
                return;
            m_buffer->objects.set(m_bufferEdit, key, event.object);
            return;
        }
        // An InitApply without Init breaks the protocol; keeping the object beats losing it.
        [[fallthrough]];
    case WatcherEventType::Apply: {
        if (!event.object)
            return;
        const std::string key = keyOf(*event.object);
        if (key.empty())
            return;
        const ObjectPtr old = current.get(key);
        if (old && sameState(old, event.object))
            return;
        auto next = std::make_shared<Snapshot::Data>(*current.m_data);
        next->objects.set(MapEdit(), key, event.object);
        next->version = current.version() + 1;
        if (event.type == WatcherEventType::Apply)
            advanceResourceVersion(*next, *event.object);
        Change change;
        (old ? change.updated : change.added).push_back(key);
        publish(Snapshot(std::move(next)), std::move(change));
        return;
    }
    case WatcherEventType::Delete: {
        if (!event.object)
            return;
        const std::string key = keyOf(*event.object);
        const ObjectPtr old = key.empty() ? nullptr : current.get(key);
        if (!old)
            return;
        auto next = std::make_shared<Snapshot::Data>(*current.m_data);
        next->objects.erase(MapEdit(), key);
        next->version = current.version() + 1;
        advanceResourceVersion(*next, *event.object);
        Change change;
        change.deleted.push_back(key);
        publish(Snapshot(std::move(next)), std::move(change));
        return;
    }
    case WatcherEventType::InitDone: {
        if (!m_buffer)
            return;
        std::shared_ptr<Snapshot::Data> next = std::move(m_buffer);
        m_buffer.reset();
        m_bufferEdit = MapEdit();  // the buffer's nodes are published: no later edit may change them
        next->version = current.version() + 1;
        next->synced = true;
        next->resourceVersion = event.resourceVersion;
        // The diff is O(n), as the list that produced it; both sides are walked in order.
        Change change;
        change.resync = true;
        const auto before = entries(current.m_data->objects);
        const auto after = entries(next->objects);
        std::size_t i = 0;
        std::size_t j = 0;
        while (i < before.size() || j < after.size()) {
            if (j == after.size() || (i < before.size() && before[i].first < after[j].first)) {
                change.deleted.emplace_back(before[i++].first);
            } else if (i == before.size() || after[j].first < before[i].first) {
                change.added.emplace_back(after[j++].first);
            } else {
                if (!sameState(*before[i].second, *after[j].second))
                    change.updated.emplace_back(after[j].first);
                ++i;
                ++j;
            }
        }
        publish(Snapshot(std::move(next)), std::move(change));
        return;
    }
    case WatcherEventType::Error:
    case WatcherEventType::Resumed:
        return;
    }
}

void Store::publish(Snapshot next, Change change)
{
    {
        std::lock_guard lock(m_mutex);
        change.previous = std::exchange(m_current, next);
    }
    change.snapshot = std::move(next);
    std::vector<Subscriber> subscribers;
    {
        std::lock_guard lock(m_subscribersMutex);
        subscribers.reserve(m_subscribers.size());
        for (const auto &entry : m_subscribers)
            subscribers.push_back(entry.second);
    }
    m_notifying = std::this_thread::get_id();
    for (const auto &notify : subscribers)
        notify(change);
    m_notifying = std::thread::id();
}

int Store::subscribe(Subscriber subscriber)
{
    std::lock_guard lock(m_subscribersMutex);
    const int id = m_nextSubscriberId++;
    m_subscribers.emplace(id, std::move(subscriber));
    return id;
}

void Store::unsubscribe(int id)
{
    {
        std::lock_guard lock(m_subscribersMutex);
        m_subscribers.erase(id);
    }
    // A notification in flight holds m_applyMutex (and may have copied this subscriber): wait
    // for it, unless it is this very thread's.
    if (m_notifying.load() != std::this_thread::get_id()) {
        std::lock_guard applyLock(m_applyMutex);
    }
}

} // namespace kube
