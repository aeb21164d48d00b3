// PermissionSource: the RbacFeed (live) or loaded manifests (offline) turned into snapshots on
// the worker pool. Only the GUI thread touches the QObject; watcher threads post to it.
#include "models/permissionsource.h"

#include "models/asynctask.h"
#include "models/modelslogging.h"

#include "kubeclient/api/discovery.h"
#include "kubeclient/rbac/rbacdata.h"
#include "kubeclient/rbac/rbacloader.h"
#include "kubeclient/session/rbacfeed.h"

#include <mutex>

using namespace kube;
using namespace kube::rbac;

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }

bool isRbacGroup(const GroupVersionResource &gvr) { return gvr.group == "rbac.authorization.k8s.io"; }
} // namespace

// The feed lives as long as any worker still reads it; watcher callbacks post through `owner`,
// which detach() clears before the feed is stopped.
struct PermissionSource::Live {
    std::mutex mutex;
    PermissionSource *owner = nullptr;
    int generation = 0;
    std::unique_ptr<session::RbacFeed> feed;
    std::shared_ptr<Client> client;
    bool kubesphere = false;
    std::atomic<bool> posted{false};
    // Discovery's catalogs, fetched once per connection (the first rebuild).
    std::shared_ptr<const ResourceCatalog> kubernetesCatalog, kubesphereCatalog;
    std::string catalogError;

    ~Live()
    {
        if (feed)
            feed->stop();
        feed.reset();  // joins the watchers
    }

    template <typename F>
    void post(F &&f)
    {
        std::lock_guard lock(mutex);
        if (!owner)
            return;
        const int gen = generation;
        QMetaObject::invokeMethod(owner, [o = owner, gen, f = std::forward<F>(f)]() mutable {
            if (o->m_generation == gen)
                f(o);
        }, Qt::QueuedConnection);
    }
};

PermissionSource::PermissionSource(QObject *parent)
    : QObject(parent)
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(kCoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &PermissionSource::rebuild);
}

PermissionSource::~PermissionSource()
{
    detach();
}

PermissionSource *PermissionSource::fromManifests(const QString &path, QObject *parent)
{
    auto *source = new PermissionSource(parent);
    source->m_name = path;
    const std::string p = path.toStdString();
    AsyncTask::run(source, [p] { return RbacLoader::fromPath(p); }, [source, path](Result<LoadResult> loaded) {
        if (!loaded) {
            source->m_loadError = qs(loaded.error().describe());
            qCWarning(lcPermissions) << "cannot read manifests" << path << ":" << source->m_loadError;
            emit source->loadFailed(source->m_loadError);
            return;
        }
        for (const auto &w : loaded->warnings)
            source->m_warnings << qs(w);
        source->m_flavor = loaded->flavor;
        source->setData(std::move(loaded->data));
    });
    return source;
}

PermissionSource *PermissionSource::fromData(RbacData data, const QString &name, QObject *parent)
{
    auto *source = new PermissionSource(parent);
    source->m_name = name;
    source->setData(std::move(data));
    return source;
}

void PermissionSource::setData(RbacData data)
{
    AsyncTask::releaseLater(std::move(m_data));
    m_data = std::make_shared<const RbacData>(std::move(data));
    onDirty();
}

void PermissionSource::attach(session::FeedSource source, std::shared_ptr<Client> client,
                              std::optional<Identity> me, bool kubesphere)
{
    detach();
    m_live = true;
    m_me = std::move(me);
    m_client = client;
    m_data.reset();
    auto live = std::make_shared<Live>();
    live->client = std::move(client);
    live->kubesphere = kubesphere;
    {
        std::lock_guard lock(live->mutex);
        live->owner = this;
        live->generation = m_generation;
    }
    session::RbacFeedCallbacks callbacks;
    Live *raw = live.get();
    callbacks.dirty = [raw] {
        if (!raw->posted.exchange(true))
            raw->post([](PermissionSource *s) { s->onDirty(); });
    };
    callbacks.forbidden = [raw](const GroupVersionResource &) { raw->post([](PermissionSource *s) { s->onDirty(); }); };
    live->feed = std::make_unique<session::RbacFeed>(std::move(source), std::move(callbacks));
    m_liveState = live;
    live->feed->start();
}

void PermissionSource::detach()
{
    ++m_generation;
    m_coalesce.stop();
    m_building = m_again = false;
    std::shared_ptr<Live> live = std::move(m_liveState);
    m_client.reset();
    if (!live)
        return;
    {
        std::lock_guard lock(live->mutex);
        live->owner = nullptr;
    }
    // Joining watcher threads takes a moment: not on the GUI thread.
    AsyncTask::pool()->start([live]() mutable { live.reset(); });
}

void PermissionSource::onDirty()
{
    if (m_liveState)
        m_liveState->posted = false;
    if (!m_dirtySince.isValid())
        m_dirtySince.start();
    if (m_building) {
        m_again = true;
    } else if (!m_coalesce.isActive()) {
        // A lone change after a quiet spell is rebuilt at once; the events of a burst that
        // follow it join the next rebuild (m_again, then the coalescing timer).
        if (m_quiet.isValid() && m_quiet.elapsed() > kCoalesceMs)
            rebuild();
        else
            m_coalesce.start();
    }
}

void PermissionSource::rebuild()
{
    if (m_liveState && !m_liveState->feed->synced()) {
        // Until every watch has listed (or been refused) an index would miss objects that exist
        // and call existing projects missing: look again shortly.
        m_coalesce.start();
        return;
    }
    m_building = true;
    const int generation = m_generation;
    std::shared_ptr<Live> live = m_liveState;
    std::shared_ptr<const RbacData> data = m_data;
    const QStringList warnings = m_warnings;
    const tenancy::ApiFlavor flavor = m_flavor;
    const std::uint64_t version = ++m_version;
    AsyncTask::run(this, [live, data, warnings, flavor, version] {
        auto snap = std::make_shared<Snapshot>();
        snap->version = version;
        snap->warnings = warnings;
        const Discovery *discovery = nullptr;
        if (live) {
            snap->index = live->feed->index();
            for (const auto &gvr : live->feed->forbidden()) {
                snap->unreadable << qs(gvr.groupResource());
                snap->incomplete = snap->incomplete || isRbacGroup(gvr);
            }
            snap->kubesphere = live->kubesphere;
            if (!live->kubernetesCatalog && live->catalogError.empty()) {
                if (auto ok = live->client->discovery().ensureLoaded(); ok)
                    discovery = &live->client->discovery();
                else
                    live->catalogError = ok.error().describe();
            }
        } else {
            RbacIndex::Options options;
            options.kubesphereFlavor = flavor;
            snap->index = RbacIndex::build(*data, options);
            snap->kubesphere = flavor != tenancy::ApiFlavor::None;
            snap->incomplete = !warnings.isEmpty();
            if (!warnings.isEmpty())
                snap->unreadable << PermissionSource::tr("%n manifest file(s) that did not parse", nullptr, int(warnings.size()));
        }
        if (live && live->kubernetesCatalog) {
            snap->kubernetesCatalog = live->kubernetesCatalog;
            snap->kubesphereCatalog = live->kubesphereCatalog;
        } else {
            // Live without discovery (refused or failed): the built-in catalog, as offline.
            snap->kubernetesCatalog = std::make_shared<const ResourceCatalog>(
                ResourceCatalog::forView(discovery, *snap->index, View::Kubernetes, snap->kubesphere, true));
            snap->kubesphereCatalog = std::make_shared<const ResourceCatalog>(
                ResourceCatalog::forView(discovery, *snap->index, View::KubeSphere, true, true));
            if (live && discovery) {
                live->kubernetesCatalog = snap->kubernetesCatalog;
                live->kubesphereCatalog = snap->kubesphereCatalog;
            }
        }
        auto subjects = std::make_shared<std::vector<SubjectChoice>>(knownSubjects(*snap->index));
        for (const auto &c : *subjects)
            snap->subjectLabels << qs(c.label());
        snap->subjects = std::move(subjects);
        if (live && !live->catalogError.empty())
            snap->warnings << PermissionSource::tr("discovery failed (%1): rows are the built-in resource list")
                                  .arg(qs(live->catalogError));
        return std::shared_ptr<const Snapshot>(std::move(snap));
    }, [this, generation](std::shared_ptr<const Snapshot> snapshot) {
        if (generation != m_generation)
            return;
        m_building = false;
        m_quiet.start();
        publish(std::move(snapshot));
        if (m_again) {
            m_again = false;
            m_coalesce.start();
        }
    });
}

PermissionSource::ObjectReader PermissionSource::objectReader() const
{
    std::shared_ptr<Live> live = m_liveState;
    std::shared_ptr<const RbacData> data = m_data;
    return [live, data](const RbacData::Key &key) -> std::optional<nlohmann::json> {
        if (live)
            return live->feed->object(key);
        if (data)
            if (const auto *o = data->find(key))
                return *o;
        return std::nullopt;
    };
}

PermissionSource::DataReader PermissionSource::dataReader() const
{
    std::shared_ptr<Live> live = m_liveState;
    std::shared_ptr<const RbacData> data = m_data;
    return [live, data]() -> RbacData {
        if (live)
            return live->feed->data();
        return data ? *data : RbacData();
    };
}

void PermissionSource::publish(std::shared_ptr<const Snapshot> snapshot)
{
    AsyncTask::releaseLater(std::move(m_snapshot));
    m_snapshot = std::move(snapshot);
    if (m_dirtySince.isValid()) {
        m_lastLatencyMs = m_dirtySince.elapsed();
        m_dirtySince.invalidate();
    }
    qCDebug(lcPermissions) << "permission data" << m_name << "version" << m_snapshot->version << "after"
                      << m_lastLatencyMs << "ms";
    emit changed();
}
