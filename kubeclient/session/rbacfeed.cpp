// RbacFeed: a Watcher + Store per permission-relevant resource; the RbacIndex is rebuilt from
// the stores' snapshots on the first read after a change.
#include "kubeclient/session/rbacfeed.h"

#include "kubeclient/kubesphere/tenancyapi.h"
#include "kubeclient/tenancy/graph/graphkind.h"

namespace kube::session {

namespace {

bool isForbidden(const Error &e)
{
    return e.isApi(StatusReason::Forbidden) || e.httpCode() == 403;
}

} // namespace

struct RbacFeed::Feed {
    GroupVersionResource gvr;
    std::string kind;  // the kind RbacData keys it by
    Store store;
    int subscription = 0;
    std::unique_ptr<Watcher> watcher;
    std::atomic<bool> synced{false};
    std::atomic<bool> forbidden{false};
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
    for (auto &f : all)
        f->watcher.reset();  // joins
    for (auto &f : all)
        f->store.unsubscribe(f->subscription);
}

void RbacFeed::start()
{
    for (const auto &gvr : resources(m_source.api)) {
        if (m_source.serves && !m_source.serves(gvr))
            continue;
        auto feed = std::make_unique<Feed>();
        feed->gvr = gvr;
        feed->kind = rbac::RbacData::kindOfResource(gvr.group, gvr.resource);
        Feed *f = feed.get();
        f->subscription = f->store.subscribe([this](const Store::Change &) {
            ++m_version;
            if (m_callbacks.dirty && !m_stopping)
                m_callbacks.dirty();
        });
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
            f->store.apply(e);
            if (e.type == WatcherEventType::InitDone)
                f->synced = true;
        }, m_watcherOptions);
        {
            std::lock_guard lock(m_feedsMutex);
            m_feeds.push_back(std::move(feed));
        }
        f->watcher->start();
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
    rbac::RbacData data;
    std::lock_guard lock(m_feedsMutex);
    for (const auto &f : m_feeds) {
        f->store.snapshot().forEach([&](const std::string &, const Store::ObjectPtr &object) {
            if (!object)
                return;
            // Listed items may come without apiVersion/kind; RbacData keys objects by them.
            if (object->contains("kind") && object->contains("apiVersion")) {
                data.add(*object);
                return;
            }
            nlohmann::json copy = *object;
            copy["apiVersion"] = f->gvr.apiVersion();
            copy["kind"] = f->kind;
            data.add(copy);
        });
    }
    return data;
}

std::shared_ptr<const rbac::RbacIndex> RbacFeed::index() const
{
    std::lock_guard lock(m_indexMutex);
    const std::uint64_t now = m_version;
    if (!m_index || m_indexVersion != now) {
        m_index = rbac::RbacIndex::build(data(), m_indexOptions);
        m_indexVersion = now;
    }
    return m_index;
}

} // namespace kube::session
