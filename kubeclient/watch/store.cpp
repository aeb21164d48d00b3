// Store: objects and indexes in persistent (path-copying) AVL maps, so an event costs
// O(log n) and a snapshot is one pointer copy, even at tens of thousands of objects.
#include "kubeclient/watch/store.h"

#include <algorithm>
#include <optional>
#include <set>
#include <utility>

namespace kube {

namespace storedetail {

// An immutable sorted map. Every "modification" returns a new map that shares all untouched
// nodes with the old one, which stays valid: that is what makes snapshots free.
template <typename V>
class PersistentMap
{
    struct Node {
        std::string key;
        V value;
        std::shared_ptr<const Node> left;
        std::shared_ptr<const Node> right;
        int height = 1;
        std::size_t size = 1;
    };
    using NodePtr = std::shared_ptr<const Node>;

public:
    PersistentMap() = default;

    std::size_t size() const { return sizeOf(m_root); }
    bool empty() const { return !m_root; }

    const V *find(const std::string &key) const
    {
        const Node *n = m_root.get();
        while (n) {
            if (key < n->key)
                n = n->left.get();
            else if (n->key < key)
                n = n->right.get();
            else
                return &n->value;
        }
        return nullptr;
    }

    PersistentMap set(const std::string &key, V value) const { return PersistentMap(insert(m_root, key, std::move(value))); }

    PersistentMap erase(const std::string &key) const
    {
        if (!find(key))
            return *this;
        return PersistentMap(remove(m_root, key));
    }

    // In key order. Recursion depth is the tree height: about 1.44 log2(n).
    template <typename F>
    void forEach(F &&visit) const
    {
        walk(m_root.get(), visit);
    }

private:
    explicit PersistentMap(NodePtr root) : m_root(std::move(root)) {}

    static int heightOf(const NodePtr &n) { return n ? n->height : 0; }
    static std::size_t sizeOf(const NodePtr &n) { return n ? n->size : 0; }

    static NodePtr make(const std::string &key, V value, NodePtr left, NodePtr right)
    {
        auto n = std::make_shared<Node>();
        n->key = key;
        n->value = std::move(value);
        n->height = 1 + std::max(heightOf(left), heightOf(right));
        n->size = 1 + sizeOf(left) + sizeOf(right);
        n->left = std::move(left);
        n->right = std::move(right);
        return n;
    }

    // A node over two subtrees whose heights differ by at most two, rebalanced by rotation.
    static NodePtr balance(const std::string &key, V value, NodePtr left, NodePtr right)
    {
        const int hl = heightOf(left);
        const int hr = heightOf(right);
        if (hl > hr + 1) {
            if (heightOf(left->left) >= heightOf(left->right))
                return make(left->key, left->value, left->left, make(key, std::move(value), left->right, right));
            const NodePtr &lr = left->right;
            return make(lr->key, lr->value, make(left->key, left->value, left->left, lr->left),
                        make(key, std::move(value), lr->right, right));
        }
        if (hr > hl + 1) {
            if (heightOf(right->right) >= heightOf(right->left))
                return make(right->key, right->value, make(key, std::move(value), left, right->left), right->right);
            const NodePtr &rl = right->left;
            return make(rl->key, rl->value, make(key, std::move(value), left, rl->left),
                        make(right->key, right->value, rl->right, right->right));
        }
        return make(key, std::move(value), std::move(left), std::move(right));
    }

    static NodePtr insert(const NodePtr &n, const std::string &key, V value)
    {
        if (!n)
            return make(key, std::move(value), nullptr, nullptr);
        if (key < n->key)
            return balance(n->key, n->value, insert(n->left, key, std::move(value)), n->right);
        if (n->key < key)
            return balance(n->key, n->value, n->left, insert(n->right, key, std::move(value)));
        return make(key, std::move(value), n->left, n->right);
    }

    static NodePtr removeMin(const NodePtr &n)
    {
        if (!n->left)
            return n->right;
        return balance(n->key, n->value, removeMin(n->left), n->right);
    }

    static NodePtr remove(const NodePtr &n, const std::string &key)
    {
        if (!n)
            return nullptr;
        if (key < n->key)
            return balance(n->key, n->value, remove(n->left, key), n->right);
        if (n->key < key)
            return balance(n->key, n->value, n->left, remove(n->right, key));
        if (!n->left)
            return n->right;
        if (!n->right)
            return n->left;
        const Node *successor = n->right.get();
        while (successor->left)
            successor = successor->left.get();
        return balance(successor->key, successor->value, n->left, removeMin(n->right));
    }

    template <typename F>
    static void walk(const Node *n, F &visit)
    {
        if (!n)
            return;
        walk(n->left.get(), visit);
        visit(n->key, n->value);
        walk(n->right.get(), visit);
    }

    NodePtr m_root;
};

using ObjectMap = PersistentMap<Store::ObjectPtr>;
using BucketMap = PersistentMap<ObjectMap>;  // index value -> objects with it

} // namespace storedetail

using storedetail::BucketMap;
using storedetail::ObjectMap;

struct Store::Snapshot::Data {
    ObjectMap objects;
    BucketMap byNamespace;
    std::vector<BucketMap> byLabel;  // parallel to *labelKeys
    std::shared_ptr<const std::vector<std::string>> labelKeys;
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

std::string namespaceOf(const FrozenJson &object)
{
    return stringAt(metadataOf(object), "namespace");
}

std::optional<std::string> labelOf(const FrozenJson &object, const std::string &labelKey)
{
    const auto *md = metadataOf(object);
    if (!md)
        return std::nullopt;
    const auto labels = md->find("labels");
    if (labels == md->end() || !labels->is_object())
        return std::nullopt;
    const auto value = labels->find(labelKey);
    if (value == labels->end() || !value->is_string())
        return std::nullopt;
    return std::string(value->text());
}

BucketMap bucketInsert(const BucketMap &buckets, const std::string &bucket, const std::string &key,
                       const Store::ObjectPtr &object)
{
    const ObjectMap *existing = buckets.find(bucket);
    return buckets.set(bucket, (existing ? *existing : ObjectMap()).set(key, object));
}

BucketMap bucketErase(const BucketMap &buckets, const std::string &bucket, const std::string &key)
{
    const ObjectMap *existing = buckets.find(bucket);
    if (!existing)
        return buckets;
    ObjectMap rest = existing->erase(key);
    return rest.empty() ? buckets.erase(bucket) : buckets.set(bucket, std::move(rest));
}

// Both put and remove touch one path per map: O(log n) each, never O(n).
void put(Store::Snapshot::Data &d, const std::string &key, const Store::ObjectPtr &object, const Store::ObjectPtr &old)
{
    d.objects = d.objects.set(key, object);
    const std::string ns = namespaceOf(*object);
    if (old) {
        const std::string oldNs = namespaceOf(*old);
        if (!oldNs.empty() && oldNs != ns)
            d.byNamespace = bucketErase(d.byNamespace, oldNs, key);
    }
    if (!ns.empty())
        d.byNamespace = bucketInsert(d.byNamespace, ns, key, object);
    for (std::size_t i = 0; i < d.byLabel.size(); ++i) {
        const std::string &labelKey = (*d.labelKeys)[i];
        const auto value = labelOf(*object, labelKey);
        if (old) {
            const auto oldValue = labelOf(*old, labelKey);
            if (oldValue && oldValue != value)
                d.byLabel[i] = bucketErase(d.byLabel[i], *oldValue, key);
        }
        if (value)
            d.byLabel[i] = bucketInsert(d.byLabel[i], *value, key, object);
    }
}

void remove(Store::Snapshot::Data &d, const std::string &key, const Store::ObjectPtr &old)
{
    d.objects = d.objects.erase(key);
    const std::string ns = namespaceOf(*old);
    if (!ns.empty())
        d.byNamespace = bucketErase(d.byNamespace, ns, key);
    for (std::size_t i = 0; i < d.byLabel.size(); ++i) {
        if (const auto value = labelOf(*old, (*d.labelKeys)[i]))
            d.byLabel[i] = bucketErase(d.byLabel[i], *value, key);
    }
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

std::vector<std::pair<std::string, Store::ObjectPtr>> entries(const ObjectMap &map)
{
    std::vector<std::pair<std::string, Store::ObjectPtr>> out;
    out.reserve(map.size());
    map.forEach([&](const std::string &key, const Store::ObjectPtr &object) { out.emplace_back(key, object); });
    return out;
}

std::vector<Store::ObjectPtr> values(const ObjectMap &map)
{
    std::vector<Store::ObjectPtr> out;
    out.reserve(map.size());
    map.forEach([&](const std::string &, const Store::ObjectPtr &object) { out.push_back(object); });
    return out;
}

} // namespace

// --- Snapshot ---

Store::Snapshot::Snapshot()
{
    auto empty = std::make_shared<Data>();
    empty->labelKeys = std::make_shared<const std::vector<std::string>>();
    m_data = std::move(empty);
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
    m_data->objects.forEach([&](const std::string &key, const ObjectPtr &) { out.push_back(key); });
    return out;
}

std::vector<Store::ObjectPtr> Store::Snapshot::objects() const
{
    return values(m_data->objects);
}

void Store::Snapshot::forEach(const std::function<void(const std::string &, const ObjectPtr &)> &visit) const
{
    m_data->objects.forEach(visit);
}

std::vector<Store::ObjectPtr> Store::Snapshot::inNamespace(const std::string &ns) const
{
    const ObjectMap *bucket = m_data->byNamespace.find(ns);
    return bucket ? values(*bucket) : std::vector<ObjectPtr>();
}

std::vector<std::string> Store::Snapshot::namespaces() const
{
    std::vector<std::string> out;
    m_data->byNamespace.forEach([&](const std::string &ns, const ObjectMap &) { out.push_back(ns); });
    return out;
}

std::vector<Store::ObjectPtr> Store::Snapshot::withLabel(const std::string &labelKey, const std::string &value) const
{
    const auto &keys = *m_data->labelKeys;
    const auto it = std::find(keys.begin(), keys.end(), labelKey);
    if (it != keys.end()) {
        const ObjectMap *bucket = m_data->byLabel[static_cast<std::size_t>(it - keys.begin())].find(value);
        return bucket ? values(*bucket) : std::vector<ObjectPtr>();
    }
    std::vector<ObjectPtr> out;
    m_data->objects.forEach([&](const std::string &, const ObjectPtr &object) {
        if (labelOf(*object, labelKey) == value)
            out.push_back(object);
    });
    return out;
}

std::vector<std::string> Store::Snapshot::labelValues(const std::string &labelKey) const
{
    const auto &keys = *m_data->labelKeys;
    const auto it = std::find(keys.begin(), keys.end(), labelKey);
    std::vector<std::string> out;
    if (it != keys.end()) {
        m_data->byLabel[static_cast<std::size_t>(it - keys.begin())].forEach(
            [&](const std::string &value, const ObjectMap &) { out.push_back(value); });
        return out;
    }
    std::set<std::string> seen;
    m_data->objects.forEach([&](const std::string &, const ObjectPtr &object) {
        if (auto value = labelOf(*object, labelKey))
            seen.insert(std::move(*value));
    });
    return {seen.begin(), seen.end()};
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

Store::Store(StoreOptions options)
    : m_options(std::move(options))
    , m_labelKeys(std::make_shared<const std::vector<std::string>>(m_options.indexedLabels))
{
    auto initial = std::make_shared<Snapshot::Data>();
    initial->labelKeys = m_labelKeys;
    initial->byLabel.resize(m_labelKeys->size());
    m_current = Snapshot(std::move(initial));
}

template <typename J>
std::string keyOfObject(const J &object)
{
    const auto *md = metadataOf(object);
    const std::string name = stringAt(md, "name");
    if (name.empty())
        return {};
    const std::string ns = stringAt(md, "namespace");
    return ns.empty() ? name : ns + "/" + name;
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
        m_buffer->labelKeys = m_labelKeys;
        m_buffer->byLabel.resize(m_labelKeys->size());
        return;
    }
    case WatcherEventType::InitApply:
        if (m_buffer) {
            if (!event.object)
                return;
            const std::string key = keyOf(*event.object);
            if (key.empty())
                return;
            const ObjectPtr *old = m_buffer->objects.find(key);
            put(*m_buffer, key, event.object, old ? *old : nullptr);
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
        put(*next, key, event.object, old);
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
        remove(*next, key, old);
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
                change.deleted.push_back(before[i++].first);
            } else if (i == before.size() || after[j].first < before[i].first) {
                change.added.push_back(after[j++].first);
            } else {
                if (!sameState(before[i].second, after[j].second))
                    change.updated.push_back(after[j].first);
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
