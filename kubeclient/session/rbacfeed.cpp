// RbacFeed: a Watcher + Store per permission-relevant resource; the RbacIndex is rebuilt from
// the stores' snapshots on the first read after a change, through a mirror of the objects in
// RbacData key order that follows the keys each change names.
#include "kubeclient/session/rbacfeed.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/tenancyapi.h"
#include "kubeclient/session/sharedwatch.h"
#include "kubeclient/tenancy/graph/graphkind.h"

#include <utility>

namespace kube::session {

namespace {

using Key = rbac::RbacData::Key;

// Past this many changed keys between two reads, a feed is looked at whole.
constexpr size_t kMaxPending = 4096;

bool isForbidden(const Error &e)
{
    return e.isApi(StatusReason::Forbidden) || e.httpCode() == 403;
}

std::string groupOf(const std::string &apiVersion)
{
    auto slash = apiVersion.find('/');
    return slash == std::string::npos ? std::string() : apiVersion.substr(0, slash);
}

// As Store::sameState: the same resourceVersion, or equal when either has none.
bool sameVersion(const FrozenJson &a, const FrozenJson &b)
{
    const std::string rvA = ObjectMeta(a).resourceVersion();
    const std::string rvB = ObjectMeta(b).resourceVersion();
    if (!rvA.empty() && !rvB.empty())
        return rvA == rvB;
    return a == b;
}

} // namespace

// The connection's shared watch when the source has a WatchHub.
struct RbacFeed::Feed : WatchSlot {
    GroupVersionResource gvr;
    std::string kind;        // the kind RbacData keys it by
    std::string apiVersion;  // gvr.apiVersion(), given to listed items without one
    std::string group;       // RbacData's group of that apiVersion
    size_t order = 0;        // position in m_feeds: a later feed's object wins a key, as in data()

    // Store keys changed since the mirror last looked; `all`: look at every key (a relist, or
    // too many changes). Guarded by pendingMutex.
    std::mutex pendingMutex;
    std::vector<std::string> pending;
    bool all = false;
    // Store keys whose object is mirrored under another key than this feed's group and kind
    // give (its apiVersion or kind says otherwise). Guarded by m_indexMutex.
    std::map<std::string, Key> moved;

    // The mirror key of a store key when the object agrees with the watch.
    Key ownKey(const std::string &storeKey) const
    {
        const auto slash = storeKey.find('/');
        if (slash == std::string::npos)
            return Key{group, kind, std::string(), storeKey};
        return Key{group, kind, storeKey.substr(0, slash), storeKey.substr(slash + 1)};
    }

    // The key RbacData::add gives the object (with data()'s apiVersion/kind for listed items);
    // false when RbacData would not keep it.
    bool keyOf(const FrozenJson &object, Key &key, bool &listed) const
    {
        if (!object.is_object())
            return false;
        listed = !object.contains("kind") || !object.contains("apiVersion");
        std::string k = kind;
        if (!listed) {
            const auto &v = object["kind"];
            if (!v.is_string())
                return false;
            k = v.get<std::string>();
            if (k.size() >= 4 && k.compare(k.size() - 4, 4, "List") == 0)
                return false;
        }
        ObjectMeta meta(object);
        std::string g = listed ? group : groupOf(meta.apiVersion());
        std::string name = meta.name();
        if (name.empty() || !rbac::RbacData::relevant(g, k))
            return false;
        key = Key{std::move(g), std::move(k), meta.namespaceName(), std::move(name)};
        return true;
    }
};

std::vector<GroupVersionResource> RbacFeed::resources(const tenancy::TenancyApi &api)
{
    using tenancy::GraphKind;
    std::vector<GroupVersionResource> out = {tenancy::TenancyApi::rbacRole, tenancy::TenancyApi::rbacClusterRole,
                                             tenancy::TenancyApi::rbacRoleBinding,
                                             tenancy::TenancyApi::rbacClusterRoleBinding,
                                             tenancy::TenancyApi::namespaces};
    const GraphKind kubesphere[] = {GraphKind::GlobalRole,         GraphKind::GlobalRoleBinding, GraphKind::WorkspaceRole,
                                    GraphKind::WorkspaceRoleBinding, GraphKind::ProjectRole,     GraphKind::ProjectRoleBinding,
                                    GraphKind::ClusterRole,        GraphKind::ClusterRoleBinding, GraphKind::RoleTemplate,
                                    GraphKind::User,               GraphKind::GroupBinding,      GraphKind::Workspace,
                                    GraphKind::WorkspaceTemplate};
    for (GraphKind k : kubesphere) {
        const auto gvr = tenancy::resourceOf(k, api);
        if (!gvr || rbac::RbacData::kindOfResource(gvr->group, gvr->resource).empty())
            continue;
        bool have = false;
        for (const auto &o : out)
            have = have || o == *gvr;
        if (!have)
            out.push_back(*gvr);
    }
    return out;
}

RbacFeed::RbacFeed(FeedSource source, RbacFeedCallbacks callbacks, WatcherOptions watcherOptions,
                   rbac::RbacIndex::Options indexOptions)
    : m_source(std::move(source))
    , m_callbacks(std::move(callbacks))
    , m_watcherOptions(std::move(watcherOptions))
    , m_indexOptions(indexOptions)
{
    m_watcherOptions = feedWatcherOptions(std::move(m_watcherOptions), m_source.streamingLists);
    if (m_indexOptions.kubesphereFlavor == tenancy::ApiFlavor::None)
        m_indexOptions.kubesphereFlavor = m_source.api.flavor;
}

RbacFeed::~RbacFeed()
{
    stop();
    std::vector<std::unique_ptr<Feed>> all;
    {
        std::lock_guard lock(m_feedsMutex);
        all.swap(m_feeds);
    }
    releaseWatchSlots(all);
}

void RbacFeed::start()
{
    for (const auto &gvr : resources(m_source.api)) {
        if (m_source.serves && !m_source.serves(gvr))
            continue;
        auto feed = std::make_unique<Feed>();
        feed->gvr = gvr;
        feed->kind = rbac::RbacData::kindOfResource(gvr.group, gvr.resource);
        feed->apiVersion = gvr.apiVersion();
        feed->group = groupOf(feed->apiVersion);
        Feed *f = feed.get();
        if (m_source.watches) {
            f->shared = m_source.watches->acquire(gvr);
            f->store = &f->shared->store();
            f->all = true;  // a watch joined late holds objects no change will name
        } else {
            f->ownStore = std::make_unique<Store>();
            f->store = f->ownStore.get();
        }
        f->subscription = f->store->subscribe([this, f](const Store::Change &change) {
            {
                std::lock_guard lock(f->pendingMutex);
                if (change.resync || f->all) {
                    f->all = true;
                    f->pending.clear();
                } else {
                    for (const auto *keys : {&change.added, &change.updated, &change.deleted})
                        f->pending.insert(f->pending.end(), keys->begin(), keys->end());
                    if (f->pending.size() > kMaxPending) {
                        f->all = true;
                        f->pending.clear();
                    }
                }
            }
            // After the keys: a reader that sees this version finds them.
            ++m_version;
            if (m_callbacks.dirty && !m_stopping)
                m_callbacks.dirty();
        });
        if (f->shared) {
            SharedWatch::Progress before;
            f->listenId = f->shared->listen([this, f](const WatcherEvent &e) { onSharedEvent(*f, e); }, &before);
            {
                std::lock_guard lock(m_feedsMutex);
                feed->order = m_feeds.size();
                m_feeds.push_back(std::move(feed));
            }
            // What it went through before this feed joined, as if heard.
            if (before.refusal)
                onSharedEvent(*f, WatcherEvent{WatcherEventType::Error, nullptr, before.refusal, {}, {}});
            if (before.listed || before.resumed)
                onSharedEvent(*f, WatcherEvent{WatcherEventType::InitDone, nullptr, std::nullopt, {}, {}});
            ++m_version;  // the joined store's objects are news to the index
            if (m_callbacks.dirty && !m_stopping)
                m_callbacks.dirty();
            continue;
        }
        f->watcher = std::make_unique<Watcher>(m_source.listerWatcher(gvr, {}), [this, f](const WatcherEvent &e) {
            if (m_stopping)
                return;
            if (e.type == WatcherEventType::Error) {
                if (e.error && isForbidden(*e.error)) {
                    // Not a blip: stop asking, as TenancyFeed does.
                    f->forbidden = true;
                    f->watcher->stop();
                    if (m_callbacks.forbidden)
                        m_callbacks.forbidden(f->gvr);
                }
                return;
            }
            f->store->apply(e);
            if (e.type == WatcherEventType::InitDone)
                f->synced = true;
        }, m_watcherOptions);
        {
            std::lock_guard lock(m_feedsMutex);
            feed->order = m_feeds.size();
            m_feeds.push_back(std::move(feed));
        }
        f->watcher->start();
    }
}

void RbacFeed::onSharedEvent(Feed &feed, const WatcherEvent &event)
{
    if (m_stopping)
        return;
    switch (event.type) {
    case WatcherEventType::Error:
        if (event.error && isForbidden(*event.error) && !feed.forbidden.exchange(true) && m_callbacks.forbidden)
            m_callbacks.forbidden(feed.gvr);  // the shared watch stopped itself
        break;
    case WatcherEventType::InitDone:
    case WatcherEventType::Resumed: feed.synced = true; break;
    default: break;
    }
}

void RbacFeed::stop()
{
    m_stopping = true;
    std::lock_guard lock(m_feedsMutex);
    for (auto &f : m_feeds)
        if (f->watcher)
            f->watcher->stop();
}

bool RbacFeed::synced() const
{
    std::lock_guard lock(m_feedsMutex);
    for (const auto &f : m_feeds)
        if (!f->synced && !f->forbidden)
            return false;
    return true;
}

std::vector<GroupVersionResource> RbacFeed::forbidden() const
{
    std::vector<GroupVersionResource> out;
    std::lock_guard lock(m_feedsMutex);
    for (const auto &f : m_feeds)
        if (f->forbidden)
            out.push_back(f->gvr);
    return out;
}

rbac::RbacData RbacFeed::data() const
{
    // From the mirror, with its stamps: the indexes built from this data reuse the feed's
    // parsing. The feed keeps its objects frozen, so each is copied here (for plan previews, on a
    // worker thread; a listed one with its feed's apiVersion and kind).
    rbac::RbacData data;
    std::lock_guard lock(m_indexMutex);
    syncMirror();
    for (const auto &[key, slot] : m_mirror) {
        const Held &held = slot.held;
        if (!held.object)
            continue;
        auto copy = std::make_shared<nlohmann::json>(held.object->toJson());
        if (held.listed) {
            (*copy)["apiVersion"] = held.feed->apiVersion;
            (*copy)["kind"] = held.feed->kind;
        }
        data.put(key, std::move(copy), held.stamp);
    }
    return data;
}

void RbacFeed::dropHeld(Feed &feed, const Key &key) const
{
    auto it = m_mirror.find(key);
    if (it == m_mirror.end())
        return;
    Slot &slot = it->second;
    if (slot.held.feed != &feed) {
        std::erase_if(slot.shadowed, [&](const Held &h) { return h.feed == &feed; });
        return;
    }
    if (slot.shadowed.empty()) {
        m_mirror.erase(it);
        return;
    }
    auto last = slot.shadowed.begin();
    for (auto h = slot.shadowed.begin(); h != slot.shadowed.end(); ++h)
        if (h->feed->order > last->feed->order)
            last = h;
    slot.held = std::move(*last);
    slot.shadowed.erase(last);
}

void RbacFeed::syncKey(Feed &feed, const Store::Snapshot &snapshot, const std::string &storeKey) const
{
    const Store::ObjectPtr now = snapshot.get(storeKey);
    const auto moved = feed.moved.find(storeKey);
    const Key where = moved != feed.moved.end() ? moved->second : feed.ownKey(storeKey);
    Held *held = nullptr;
    if (auto it = m_mirror.find(where); it != m_mirror.end()) {
        if (it->second.held.feed == &feed)
            held = &it->second.held;
        for (auto &h : it->second.shadowed)
            if (h.feed == &feed)
                held = &h;
    }
    Key key;
    bool listed = false;
    const bool keep = now && feed.keyOf(*now, key, listed);
    if (held && keep && key == where) {
        if (held->object == now)
            return;
        // The same version again (a relist): parsed already. Keep the store's copy only.
        if (sameVersion(*held->object, *now)) {
            held->object = now;
            held->listed = listed;
            return;
        }
    }
    if (held)
        dropHeld(feed, where);
    if (moved != feed.moved.end())
        feed.moved.erase(moved);
    if (!keep)
        return;
    Held h{&feed, now, rbac::RbacData::nextStamp(), listed};
    auto [it, inserted] = m_mirror.try_emplace(key);
    if (inserted) {
        it->second.held = std::move(h);
    } else if (feed.order > it->second.held.feed->order) {
        it->second.shadowed.push_back(std::move(it->second.held));
        it->second.held = std::move(h);
    } else {
        it->second.shadowed.push_back(std::move(h));
    }
    if (key.group != feed.group || key.kind != feed.kind)
        feed.moved.emplace(storeKey, key);
}

void RbacFeed::syncMirror() const
{
    // Feeds live as long as the RbacFeed: work on them without blocking synced() and data().
    std::vector<Feed *> feeds;
    {
        std::lock_guard lock(m_feedsMutex);
        for (auto &f : m_feeds)
            feeds.push_back(f.get());
    }
    for (Feed *f : feeds) {
        Feed &feed = *f;
        std::vector<std::string> keys;
        bool all = false;
        {
            std::lock_guard pendingLock(feed.pendingMutex);
            keys.swap(feed.pending);
            all = std::exchange(feed.all, false);
        }
        if (!all && keys.empty())
            continue;
        const Store::Snapshot snapshot = feed.store->snapshot();
        if (!all) {
            for (const auto &k : keys)
                syncKey(feed, snapshot, k);
            continue;
        }
        // Everything: drop what the store no longer holds, then look at every key it does.
        std::vector<std::string> gone;
        for (const auto &[key, slot] : m_mirror) {
            bool mine = slot.held.feed == &feed;
            for (const auto &h : slot.shadowed)
                mine = mine || h.feed == &feed;
            if (mine && !snapshot.contains(objectKey(key.ns, key.name)))
                gone.push_back(objectKey(key.ns, key.name));
        }
        for (const auto &k : gone)
            syncKey(feed, snapshot, k);
        snapshot.forEach([&](std::string_view k, const Store::ObjectPtr &) { syncKey(feed, snapshot, std::string(k)); });
    }
}

std::optional<nlohmann::json> RbacFeed::object(const rbac::RbacData::Key &key) const
{
    std::lock_guard lock(m_indexMutex);
    syncMirror();
    auto it = m_mirror.find(key);
    if (it == m_mirror.end())
        return std::nullopt;
    const Held &held = it->second.held;
    nlohmann::json out = held.object->toJson();
    if (held.listed) {
        out["apiVersion"] = held.feed->apiVersion;
        out["kind"] = held.feed->kind;
    }
    return out;
}

std::shared_ptr<const rbac::RbacIndex> RbacFeed::index() const
{
    std::shared_ptr<const rbac::RbacIndex> previous;  // freed after the lock, if ours was the last
    std::lock_guard lock(m_indexMutex);
    const std::uint64_t now = m_version;
    if (!m_index || m_indexVersion != now) {
        syncMirror();
        std::vector<rbac::RbacIndex::Entry> entries;
        entries.reserve(m_mirror.size());
        for (const auto &[key, slot] : m_mirror)
            entries.push_back(rbac::RbacIndex::Entry{&key, nullptr, slot.held.stamp,
                                                     slot.held.listed ? &slot.held.feed->apiVersion : nullptr,
                                                     slot.held.object.get()});
        previous = std::move(m_index);
        m_index = rbac::RbacIndex::build(entries, m_indexOptions, previous.get());
        m_indexVersion = now;
    }
    return m_index;
}

} // namespace kube::session
