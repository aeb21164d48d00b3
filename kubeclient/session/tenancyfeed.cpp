// TenancyFeed: the watches that keep a TenancyGraph live (cluster-wide through Stores, or per
// namespace with their own relist bookkeeping), and the list-once load tenantryctl reads.
#include "kubeclient/session/tenancyfeed.h"

#include "kubeclient/api/client.h"
#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/session/clusterconnection.h"
#include "kubeclient/session/sharedwatch.h"
#include "kubeclient/watch/store.h"
#include "kubeclient/watch/watcher.h"

#include <algorithm>
#include <atomic>
#include <future>
#include <set>

namespace kube::session {

using tenancy::GraphKind;
using tenancy::GraphObject;
using tenancy::TenancyGraph;

namespace {

bool isForbidden(const Error &e)
{
    return e.isApi(StatusReason::Forbidden) || e.httpCode() == 403;
}

// Pages of a one-shot list: the pager's size (see WatcherOptions::pageSize).
constexpr long kLoadPageSize = 500;

GraphObject reachableObject(const nlohmann::json &ns)
{
    nlohmann::json copy = ns;
    copy["apiVersion"] = "v1";
    copy["kind"] = "Namespace";
    copy["metadata"]["annotations"][kReachableOnlyAnnotation] = "true";
    return freeze(copy);
}

} // namespace

// One watched resource: cluster-wide through a Store connected to the graph, or in one
// namespace fed to the graph directly (several such feeds share a kind, so none may resync it).
// Cluster-wide: the connection's shared watch when the source has a WatchHub.
struct TenancyFeed::Feed : WatchSlot {
    GraphKind kind = GraphKind::Namespace;
    std::string ns;
    std::atomic<bool> resumed{false};  // its watch resumed from a cached resourceVersion
    std::atomic<bool> listed{false};   // a list of its own completed
    // Per-namespace feeds only, touched on the watcher's thread.
    std::set<std::string> keys;
    std::vector<GraphObject> relist;
};

ListerWatcherFactory listerWatchersOf(std::shared_ptr<Client> client)
{
    return [client](const GroupVersionResource &gvr, const std::string &ns) -> std::shared_ptr<ListerWatcher> {
        return client->listerWatcher(gvr, ns);
    };
}

ServesResource discoveryOf(std::shared_ptr<Client> client)
{
    return [client](const GroupVersionResource &gvr) {
        return client->discovery().findResource(gvr.group, gvr.version, gvr.resource).has_value();
    };
}

FeedSource feedSourceOf(const ClusterConnection &connection)
{
    FeedSource source;
    if (connection.tenancy())
        source.api = connection.tenancy()->api;
    source.listerWatcher = listerWatchersOf(connection.client());
    source.serves = discoveryOf(connection.client());
    source.streamingLists = true;
    source.watches = connection.watches();
    return source;
}

TenancyFeed::TenancyFeed(FeedSource source, TenancyFeedCallbacks callbacks, WatcherOptions watcherOptions)
    : m_source(std::move(source))
    , m_callbacks(std::move(callbacks))
    , m_watcherOptions(std::move(watcherOptions))
    , m_graph(std::make_unique<TenancyGraph>(m_source.api.flavor))
{
    m_watcherOptions = feedWatcherOptions(std::move(m_watcherOptions), m_source.streamingLists);
    m_graphSubscription = m_graph->subscribe([this](const TenancyGraph::Change &) {
        if (m_callbacks.dirty && !m_stopping)
            m_callbacks.dirty();
    });
}

TenancyFeed::~TenancyFeed()
{
    stop();
    std::vector<std::unique_ptr<Feed>> all;
    {
        std::lock_guard lock(m_mutex);
        all.swap(m_feeds);
    }
    releaseWatchSlots(all);
    m_graph->unsubscribe(m_graphSubscription);
}

void TenancyFeed::start()
{
    startAll(nullptr);
}

void TenancyFeed::start(const TenancyCache &cache)
{
    startAll(&cache);
}

void TenancyFeed::startAll(const TenancyCache *cache)
{
    for (std::size_t i = 0; i < tenancy::kGraphKindCount; ++i) {
        const auto kind = static_cast<GraphKind>(i);
        const auto gvr = tenancy::resourceOf(kind, m_source.api);
        const bool served = gvr && (!m_source.serves || m_source.serves(*gvr));
        if (!served) {
            m_graph->resync(kind, {});
            continue;
        }
        const CachedKind *cached = nullptr;
        if (cache)
            for (const auto &k : cache->kinds)
                if (k.kind == kind)
                    cached = &k;
        startFeed(kind, *gvr, {}, cached);
    }
}

Result<bool> TenancyFeed::canResume(const FeedSource &source, const TenancyCache &cache, std::string *why,
                                    const CancelTokenPtr &cancel)
{
    auto no = [why](std::string reason) {
        if (why)
            *why = std::move(reason);
        return false;
    };
    std::string cachedUid;
    for (const auto &k : cache.kinds)
        if (k.kind == GraphKind::Namespace)
            for (const auto &o : k.objects)
                if (o && ObjectMeta(*o).name() == "kube-system")
                    cachedUid = ObjectMeta(*o).uid();
    if (cachedUid.empty())
        return no("the cache holds no kube-system namespace to recognise the cluster by");
    const auto gvr = tenancy::resourceOf(GraphKind::Namespace, source.api);
    if (!gvr)
        return no("namespaces are not served");
    ListOptions options;
    options.fieldSelector = "metadata.name=kube-system";
    auto page = source.listerWatcher(*gvr, {})->listPage(options, cancel);
    if (!page)
        return page.error();
    std::string uid;
    for (const auto &item : page->items)
        if (ObjectMeta(item).name() == "kube-system")
            uid = ObjectMeta(item).uid();
    if (uid != cachedUid)
        return no("the cache is of another cluster (its kube-system namespace differs)");
    // resourceVersions are etcd revisions on every API server in use; the watch cache compares
    // them as numbers too. One that does not parse is not resumed from.
    const auto number = [](const std::string &rv) -> std::optional<unsigned long long> {
        if (rv.empty() || rv.size() > 19 || rv.find_first_not_of("0123456789") != std::string::npos)
            return std::nullopt;
        return std::stoull(rv);
    };
    const auto now = number(page->resourceVersion);
    for (const auto &k : cache.kinds) {
        if (k.resourceVersion.empty())
            continue;
        const auto cached = number(k.resourceVersion);
        if (!now || !cached)
            return no("a resourceVersion is not a number");
        if (*cached > *now)
            return no("the cache is ahead of the server (" + k.resourceVersion + " > " + page->resourceVersion +
                      "): its etcd was restored or replaced");
    }
    return true;
}

std::vector<CachedKind> TenancyFeed::cacheable() const
{
    std::vector<CachedKind> out;
    std::bitset<tenancy::kGraphKindCount> watched;
    {
        std::lock_guard lock(m_mutex);
        for (const auto &f : m_feeds) {
            if (!f->ns.empty())
                continue;
            watched.set(tenancy::indexOf(f->kind));
            if (!f->store || !f->synced || f->forbidden)
                continue;
            const Store::Snapshot snap = f->store->snapshot();
            if (!snap.synced())
                continue;
            CachedKind k;
            k.kind = f->kind;
            k.resourceVersion = snap.resourceVersion();
            k.objects = snap.objects();
            out.push_back(std::move(k));
        }
    }
    // Kinds the server does not serve: known to be empty.
    const auto graph = m_graph->snapshot();
    for (std::size_t i = 0; i < tenancy::kGraphKindCount; ++i) {
        const auto kind = static_cast<GraphKind>(i);
        if (!watched.test(i) && graph.fed(kind) && graph.count(kind) == 0)
            out.push_back(CachedKind{kind, {}, {}});
    }
    return out;
}

std::size_t TenancyFeed::resumedKinds() const
{
    std::lock_guard lock(m_mutex);
    return static_cast<std::size_t>(
        std::count_if(m_feeds.begin(), m_feeds.end(), [](const auto &f) { return f->ns.empty() && f->resumed; }));
}

std::size_t TenancyFeed::listedKinds() const
{
    std::lock_guard lock(m_mutex);
    return static_cast<std::size_t>(
        std::count_if(m_feeds.begin(), m_feeds.end(), [](const auto &f) { return f->ns.empty() && f->listed; }));
}

void TenancyFeed::stop()
{
    m_stopping = true;
    std::lock_guard lock(m_mutex);
    for (auto &f : m_feeds)
        if (f->watcher)
            f->watcher->stop();
}

bool TenancyFeed::initialRoundDone() const
{
    std::lock_guard lock(m_mutex);
    for (const auto &f : m_feeds)
        if (f->ns.empty() && !f->synced && !f->forbidden)
            return false;
    return true;
}

std::bitset<tenancy::kGraphKindCount> TenancyFeed::forbidden() const
{
    std::bitset<tenancy::kGraphKindCount> out;
    std::lock_guard lock(m_mutex);
    for (const auto &f : m_feeds)
        if (f->ns.empty() && f->forbidden)
            out.set(tenancy::indexOf(f->kind));
    return out;
}

void TenancyFeed::watchNamespace(const std::string &ns, const std::vector<GraphKind> &kinds)
{
    for (GraphKind kind : kinds) {
        const auto gvr = tenancy::resourceOf(kind, m_source.api);
        if (!gvr || !gvr->namespaced || (m_source.serves && !m_source.serves(*gvr)))
            continue;
        bool have = false;
        {
            std::lock_guard lock(m_mutex);
            for (const auto &f : m_feeds)
                have = have || (f->kind == kind && f->ns == ns);
        }
        if (!have)
            startFeed(kind, *gvr, ns);
    }
}

void TenancyFeed::watchReachable(const std::vector<std::string> &namespaces)
{
    const auto refused = forbidden();
    std::vector<GraphKind> kinds;
    for (GraphKind k : kProjectKinds)
        if (refused.test(tenancy::indexOf(k)))
            kinds.push_back(k);
    if (kinds.empty())
        return;
    for (const auto &ns : namespaces)
        watchNamespace(ns, kinds);
}

void TenancyFeed::addReachable(const std::vector<nlohmann::json> &namespaces)
{
    std::vector<TenancyGraph::Event> batch;
    for (const auto &ns : namespaces)
        batch.push_back(TenancyGraph::Event::upsert(GraphKind::Namespace, reachableObject(ns)));
    if (!batch.empty())
        m_graph->apply(batch);
}

void TenancyFeed::startFeed(GraphKind kind, const GroupVersionResource &gvr, const std::string &ns,
                            const CachedKind *cached)
{
    if (m_stopping)
        return;
    WatcherOptions watcherOptions = m_watcherOptions;
    auto feed = std::make_unique<Feed>();
    feed->kind = kind;
    feed->ns = ns;
    Feed *f = feed.get();
    if (ns.empty() && m_source.watches) {
        // The connection's watch of this resource, shared with the permission index: started
        // here (from the cache when there is one), or joined where it runs already.
        f->shared = m_source.watches->acquire(gvr, cached ? &cached->objects : nullptr,
                                              cached ? cached->resourceVersion : std::string());
        f->store = &f->shared->store();
        f->subscription = m_graph->connect(kind, *f->store);
        {
            std::lock_guard lock(m_mutex);
            m_feeds.push_back(std::move(feed));
        }
        SharedWatch::Progress before;
        f->listenId = f->shared->listen([this, f](const WatcherEvent &e) {
            if (!m_stopping)
                onEvent(*f, e);
        }, &before);
        // What it went through before this feed joined, as if heard.
        if (before.refusal)
            onEvent(*f, WatcherEvent{WatcherEventType::Error, nullptr, before.refusal, {}, {}});
        if (before.listed)
            onEvent(*f, WatcherEvent{WatcherEventType::InitDone, nullptr, std::nullopt, {}, {}});
        if (before.resumed)
            onEvent(*f, WatcherEvent{WatcherEventType::Resumed, nullptr, std::nullopt, {}, {}});
        return;
    }
    if (ns.empty()) {
        f->ownStore = std::make_unique<Store>();
        f->store = f->ownStore.get();
        f->subscription = m_graph->connect(kind, *f->store);
        if (cached) {
            // The cached state goes in as a list would: the graph has it before any request.
            f->store->apply(WatcherEvent{WatcherEventType::Init, nullptr, std::nullopt, {}, {}});
            for (const auto &o : cached->objects)
                f->store->apply(WatcherEvent{WatcherEventType::InitApply, o, std::nullopt, {}, {}});
            f->store->apply(
                WatcherEvent{WatcherEventType::InitDone, nullptr, std::nullopt, {}, cached->resourceVersion});
            watcherOptions.resumeFrom = cached->resourceVersion;
        }
    }
    f->watcher = std::make_unique<Watcher>(m_source.listerWatcher(gvr, ns), [this, f](const WatcherEvent &e) {
        if (!m_stopping)
            onEvent(*f, e);
    }, watcherOptions);
    {
        std::lock_guard lock(m_mutex);
        m_feeds.push_back(std::move(feed));
    }
    f->watcher->start();
}

void TenancyFeed::onEvent(Feed &feed, const WatcherEvent &event)
{
    if (event.type == WatcherEventType::Error) {
        if (!event.error)
            return;
        if (isForbidden(*event.error)) {
            // An RBAC grant is an administrator's action, not a blip: stop asking (a new feed
            // asks again) instead of filling the audit log with denials. A shared watch has
            // stopped itself.
            feed.forbidden = true;
            if (feed.watcher)
                feed.watcher->stop();
            if (m_callbacks.forbidden)
                m_callbacks.forbidden(feed.kind, feed.ns);
            return;
        }
        if (feed.ns.empty() && m_callbacks.error)
            m_callbacks.error(feed.kind, *event.error, event.retryIn);
        return;
    }
    // A shared watch has applied the event to its Store already.
    if (!feed.shared && feed.store)
        feed.store->apply(event);
    else if (!feed.shared)
        applyNamespaced(feed, event);
    if (event.type == WatcherEventType::InitDone)
        feed.listed = true;
    if (event.type == WatcherEventType::Resumed)
        feed.resumed = true;
    if ((event.type == WatcherEventType::InitDone || event.type == WatcherEventType::Resumed)
        && !feed.synced.exchange(true) && feed.ns.empty() && m_callbacks.synced)
        m_callbacks.synced(feed.kind);
}

// A per-namespace feed: a relist is applied as one batch that also removes what is gone from
// this namespace, and only from it.
void TenancyFeed::applyNamespaced(Feed &feed, const WatcherEvent &event)
{
    switch (event.type) {
    case WatcherEventType::Init: feed.relist.clear(); break;
    case WatcherEventType::InitApply:
        if (event.object)
            feed.relist.push_back(event.object);
        break;
    case WatcherEventType::InitDone: {
        std::vector<TenancyGraph::Event> batch;
        std::set<std::string> now;
        for (auto &o : feed.relist) {
            now.insert(Store::keyOf(*o));
            batch.push_back(TenancyGraph::Event::upsert(feed.kind, o));
        }
        for (const auto &k : feed.keys)
            if (!now.count(k))
                batch.push_back(TenancyGraph::Event::remove(feed.kind, k));
        feed.keys = std::move(now);
        feed.relist.clear();
        m_graph->apply(batch);
        break;
    }
    case WatcherEventType::Apply:
        if (event.object) {
            feed.keys.insert(Store::keyOf(*event.object));
            m_graph->upsert(feed.kind, event.object);
        }
        break;
    case WatcherEventType::Delete:
        if (event.object) {
            const std::string key = Store::keyOf(*event.object);
            feed.keys.erase(key);
            m_graph->remove(feed.kind, key);
        }
        break;
    case WatcherEventType::Error:
    case WatcherEventType::Resumed: break;
    }
}

Result<GraphLoad> TenancyFeed::load(const FeedSource &source, const LoadOptions &options)
{
    std::vector<GraphKind> kinds = options.kinds;
    if (kinds.empty())
        for (std::size_t i = 0; i < tenancy::kGraphKindCount; ++i)
            kinds.push_back(static_cast<GraphKind>(i));

    struct Listed {
        GraphKind kind;
        bool served = false;
        Result<std::vector<GraphObject>> objects = std::vector<GraphObject>();
    };
    // Items of a list carry no apiVersion/kind; the graph sorts by them.
    auto completed = [](nlohmann::json &item, const GroupVersionResource &gvr) {
        if (!item.contains("kind") && !gvr.kind.empty())
            item["kind"] = gvr.kind;
        if (!item.contains("apiVersion"))
            item["apiVersion"] = gvr.apiVersion();
    };
    // A cluster's own listers stream: the watch-list protocol, served from the API server's
    // watch cache and read one event at a time (a server that refuses it is paged by the
    // Watcher itself). The stream is closed as soon as its initial events end.
    auto streamOne = [&](const GroupVersionResource &gvr,
                         std::shared_ptr<ListerWatcher> lister) -> Result<std::vector<GraphObject>> {
        std::vector<GraphObject> objects;
        std::optional<Error> error;
        bool done = false;
        WatcherOptions watcherOptions;
        watcherOptions.streamingList = true;
        watcherOptions.pageSize = kLoadPageSize;
        watcherOptions.transform = [&](nlohmann::json &item) {
            compactObject(item);
            completed(item, gvr);
        };
        Watcher watcher(std::move(lister), [&](const WatcherEvent &event) {
            switch (event.type) {
            case WatcherEventType::Init: objects.clear(); break;
            case WatcherEventType::InitApply:
                if (event.object)
                    objects.push_back(event.object);
                break;
            case WatcherEventType::InitDone:
                done = true;
                watcher.stop();  // the initial state is all a load wants
                break;
            case WatcherEventType::Error:
                if (event.error)
                    error = *event.error;
                watcher.stop();  // a load reports, it does not retry
                break;
            default: break;
            }
        }, watcherOptions);
        int link = 0;
        if (options.cancel)
            link = options.cancel->onCancel([&watcher] { watcher.stop(); });
        while (!done && !error && !(options.cancel && options.cancel->cancelled()))
            watcher.step();
        if (options.cancel)
            options.cancel->removeOnCancel(link);
        if (error)
            return *error;
        if (!done)
            return Error::make(ErrorKind::Cancelled, "listing " + gvr.resource + " was cancelled");
        return objects;
    };
    auto listOne = [&](GraphKind kind) {
        Listed out{kind};
        const auto gvr = tenancy::resourceOf(kind, source.api);
        out.served = gvr && (!source.serves || source.serves(*gvr));
        if (!out.served)
            return out;
        std::shared_ptr<ListerWatcher> lister = source.listerWatcher(*gvr, gvr->namespaced ? options.ns : std::string());
        if (source.streamingLists) {
            out.objects = streamOne(*gvr, std::move(lister));
            return out;
        }
        std::vector<GraphObject> objects;
        ListOptions list;
        list.limit = kLoadPageSize;
        do {
            auto page = lister->listPage(list, options.cancel);
            if (!page) {
                out.objects = page.error();
                return out;
            }
            for (auto &item : page->items) {
                compactObject(item);
                completed(item, *gvr);
                objects.push_back(freeze(item));
                item = nullptr;
            }
            list.continueToken = page->continueToken;
        } while (!list.continueToken.empty());
        out.objects = std::move(objects);
        return out;
    };
    // The kinds do not depend on each other: every list is in flight at once, so a load costs
    // the slowest list, not the sum (about twenty kinds on a KubeSphere cluster).
    std::vector<std::future<Listed>> running;
    for (GraphKind kind : kinds)
        running.push_back(std::async(std::launch::async, listOne, kind));

    GraphLoad load;
    TenancyGraph graph(source.api.flavor);
    std::optional<Error> failure;
    for (auto &r : running) {
        Listed listed = r.get();
        const std::size_t index = tenancy::indexOf(listed.kind);
        if (!listed.objects) {
            if (isForbidden(listed.objects.error()))
                load.forbidden.set(index);
            else if (!failure)
                failure = listed.objects.error();
            continue;
        }
        graph.resync(listed.kind, *listed.objects);
        load.loaded.set(index);
    }
    if (failure)
        return *failure;
    if (load.forbidden.test(tenancy::indexOf(GraphKind::Namespace)) && !options.reachable.empty()) {
        std::vector<TenancyGraph::Event> batch;
        for (const auto &ns : options.reachable)
            batch.push_back(TenancyGraph::Event::upsert(GraphKind::Namespace, reachableObject(ns)));
        graph.apply(batch);
    }
    load.snapshot = graph.snapshot();
    return load;
}

} // namespace kube::session
