// ClusterSession: a ClusterConnection opened on the worker pool, a TenancyFeed whose callbacks
// are posted to the GUI thread, coalesced outline building, health probes with backoff.
#include "models/clustersession.h"

#include "models/accesschecker.h"
#include "models/asynctask.h"
#include "models/changehistory.h"
#include "models/execapprover.h"
#include "models/modelslogging.h"
#include "models/permissionsource.h"

#include "kubeclient/core/memory.h"
#include "kubeclient/session/clusterconnection.h"
#include "kubeclient/session/tenancyfeed.h"
#include "kubeclient/tenancy/graph/graphkind.h"
#include "kubeclient/tenancy/graph/tenancygraph.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPointer>
#include <QScopeGuard>

#include <cstdio>

#include <atomic>
#include <mutex>
#include <optional>
#include <set>

using namespace kube;
using namespace kube::tenancy;
using kube::session::ClusterConnection;
using kube::session::TenancyFeed;

namespace {

QString qs(const std::string &s) { return QString::fromStdString(s); }

int toMs(std::chrono::milliseconds d) { return static_cast<int>(d.count()); }

// For the debug log: what malloc's live allocations use and what it keeps free (mallinfo2 walks
// every arena: asked only when the log is on).
QString heapText()
{
    const HeapFigures heap = heapFigures();
    return QStringLiteral("heap in use %1 KiB, free %2 KiB").arg(heap.inUse / 1024).arg(heap.freeHeld / 1024);
}

} // namespace

// What lives on worker threads: the connection and the feed. The feed's callbacks run on
// watcher threads and only post to the session, which ignores posts of an older generation.
struct ClusterSession::Backend {
    std::mutex receiverMutex;
    ClusterSession *receiver = nullptr;  // cleared before teardown; guards posting
    int generation = 0;

    std::optional<ClusterConnection> connection;
    std::unique_ptr<TenancyFeed> feed;
    std::atomic<bool> graphPosted{false};
    std::atomic<bool> started{false};  // feed->start() ran (it may run on a worker)

    ~Backend()
    {
        if (feed)
            feed->stop();
        feed.reset();  // joins the watchers
    }

    // Runs f on the GUI thread if the session still wants to hear from this backend.
    template <typename F>
    void post(F &&f)
    {
        std::lock_guard lock(receiverMutex);
        if (!receiver)
            return;
        const int gen = generation;
        QMetaObject::invokeMethod(receiver, [r = receiver, gen, f = std::forward<F>(f)]() mutable {
            if (r->m_generation == gen)
                f(r);
        }, Qt::QueuedConnection);
    }

    session::TenancyFeedCallbacks callbacks()
    {
        session::TenancyFeedCallbacks c;
        c.dirty = [this] {
            // Many events, one post: the flag is cleared when the GUI thread takes the hint.
            if (!graphPosted.exchange(true))
                post([](ClusterSession *s) { s->onGraphDirty(); });
        };
        c.synced = [this](GraphKind) { post([](ClusterSession *s) { s->onFeedSynced(); }); };
        c.error = [this](GraphKind, const Error &e, std::chrono::milliseconds retry) {
            const QString text = qs(e.describe());
            const int retryMs = toMs(retry);
            post([text, retryMs](ClusterSession *s) { s->onFeedError(text, retryMs); });
        };
        c.forbidden = [this](GraphKind kind, const std::string &ns) {
            if (!ns.empty())
                return;  // a per-namespace feed: the reach already showed what it could
            const int k = static_cast<int>(kind);
            post([k](ClusterSession *s) { s->onFeedForbidden(k); });
        };
        return c;
    }
};

struct ClusterSession::ConnectResult {
    std::shared_ptr<Backend> backend;
    std::optional<Error> error;
};

ClusterSession::ClusterSession(ConnectionSpec spec, ExecApprover *approver, QObject *parent)
    : QObject(parent)
    , m_spec(std::move(spec))
    , m_id(m_spec.displayName())
    , m_approver(approver)
    , m_access(new AccessChecker(this))
    , m_history(new ChangeHistory(this))
    , m_outline(std::make_shared<TenancyOutline>())
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(kCoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &ClusterSession::buildOutline);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &ClusterSession::connectNow);
    m_liveness.setInterval(kLivenessIntervalMs);
    connect(&m_liveness, &QTimer::timeout, this, &ClusterSession::probe);
    m_probe.setSingleShot(true);
    connect(&m_probe, &QTimer::timeout, this, &ClusterSession::probe);
    // At quit, before the app waits for (or gives up on) its background work: the next start
    // shows what this one last saw.
    if (QCoreApplication::instance())
        connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, this, [this] {
            if (m_cacheDirty)
                writeCacheNow();
        });
    m_cacheWrite.setSingleShot(true);
    connect(&m_cacheWrite, &QTimer::timeout, this, [this] { writeCache(false); });
}

QString ClusterSession::cacheRoot()
{
    const QString configured = qEnvironmentVariable("TENANTRY_TENANCY_CACHE");
    if (configured == QStringLiteral("off"))
        return {};
    return configured.isEmpty() ? qs(session::defaultTenancyCacheRoot()) : configured;
}

void ClusterSession::writeCacheNow()
{
    writeCache(true);
}

void ClusterSession::writeCache(bool now)
{
    if (!m_backend || !m_backend->feed || !m_status.loaded || m_cacheKey.path.empty())
        return;
    session::TenancyCache cache;
    cache.server = m_cacheKey.server;
    cache.user = m_cacheKey.user;
    cache.identity = m_status.identity.toStdString();
    cache.flavor = m_tenancy.api.flavor;
    m_cacheDirty = false;
    // Collecting the objects and packing them is O(objects): on a worker, unless asked now.
    auto write = [backend = m_backend, cache = std::move(cache), outline = m_outline, path = m_cacheKey.path,
                  id = m_id]() mutable {
        cache.kinds = backend->feed->cacheable();
        if (outline)
            cache.preview = outline->encode().toStdString();
        if (auto r = session::writeTenancyCache(path, cache); !r)
            qCWarning(lcSession) << id << qs(r.error().describe());
        else
            qCDebug(lcSession) << id << "tenancy cache written:" << cache.objectCount() << "objects";
        // Packing copies every object once more (a file's worth of bytes, for a moment): what
        // it freed goes back to the system, not kept by this worker's arena.
        cache = {};
        releaseFreedMemory();
        if (lcSession().isDebugEnabled())
            qCDebug(lcSession) << id << "after the cache write:" << heapText();
    };
    if (now)
        write();
    else
        AsyncTask::pool()->start(std::move(write));
}

void ClusterSession::scheduleCacheWrite(int delayMs)
{
    if (m_cacheKey.path.empty())
        return;
    m_cacheDirty = true;
    if (!m_cacheWrite.isActive() || m_cacheWrite.remainingTime() > delayMs)
        m_cacheWrite.start(delayMs);
}

void ClusterSession::loadCache()
{
    m_cacheRequested = true;
    const QString root = cacheRoot();
    if (root.isEmpty())
        return;
    m_cacheLoading = true;
    // Two reads on a worker. First the whole file is checked but only its preview (the tree
    // outline the last run showed) decoded: the tree is there before any object is. Then the
    // objects, for the details and for the watches to resume from.
    struct Preview {
        session::TenancyCacheKey key;
        bool found = false;
        std::shared_ptr<const TenancyOutline> outline;
        std::int64_t writtenAt = 0;
        QString note;
    };
    const std::string kubeconfig = m_spec.kubeconfig.toStdString();
    const std::string context = m_spec.context.toStdString();
    const int generation = m_generation;
    AsyncTask::run(this, [root = root.toStdString(), kubeconfig, context] {
        Preview p;
        auto key = session::tenancyCacheKey(root, kubeconfig, context);
        if (!key)
            return p;  // the connect says what is wrong with the kubeconfig
        p.key = *key;
        auto read = session::readTenancyCache(key->path, cacheCheckFor(*key), session::TenancyCacheRead::PreviewOnly);
        if (!read) {
            // Never trusted blindly, never kept: the next write replaces it.
            p.note = qs(read.error().describe());
            std::remove(key->path.c_str());
            return p;
        }
        if (!*read)
            return p;
        p.found = true;
        p.writtenAt = (*read)->writtenAt;
        if (auto outline = TenancyOutline::decode(QByteArray::fromStdString((*read)->preview)))
            p.outline = std::make_shared<const TenancyOutline>(std::move(*outline));
        return p;
    }, [this, generation](Preview p) {
        m_cacheKey = p.key;
        if (!p.note.isEmpty())
            qCWarning(lcSession) << m_id << p.note;
        if (!p.found) {
            finishCacheLoad();
            return;
        }
        if (p.outline && cachedTreeWanted(generation)) {
            m_outline = p.outline;
            showCached(p.writtenAt);
            qCInfo(lcSession) << m_id << "showing the tenancy tree cached at" << m_status.cachedAt << "after"
                              << m_clock.elapsed() << "ms";
        }
        loadCachedObjects(generation);
    });
}

session::TenancyCacheCheck ClusterSession::cacheCheckFor(const session::TenancyCacheKey &key)
{
    session::TenancyCacheCheck check;
    check.server = key.server;
    check.user = key.user;
    check.maxAgeSeconds = kCacheMaxAgeSeconds;
    return check;
}

bool ClusterSession::cachedTreeWanted(int generation) const
{
    // Live data won the race (or a reconnect came between): the cache has nothing to add.
    return generation == m_generation && !m_status.loaded && m_snapshot.version() == 0 && !(m_backend && m_backend->started);
}

void ClusterSession::showCached(std::int64_t writtenAt)
{
    const bool first = !m_status.cached;
    m_status.cached = true;
    m_status.stale = true;
    m_status.cachedAt = QDateTime::fromSecsSinceEpoch(writtenAt).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    // The cached tree stays until the live one is complete (no half-listed tree between).
    m_holdUntilLoaded = true;
    emit outlineChanged();
    emit statusChanged();
    if (first)
        emit cachedShown();
}

void ClusterSession::finishCacheLoad()
{
    m_cacheLoading = false;
    // A connection that opened meanwhile waited for the read (to resume from it, or not).
    if (m_feedWaitsForCache && m_backend && m_backend->feed) {
        m_feedWaitsForCache = false;
        startFeed();
        attachPermissions();
    }
}

void ClusterSession::loadCachedObjects(int generation)
{
    struct Loaded {
        std::shared_ptr<const session::TenancyCache> cache;
        GraphSnapshot snapshot;
        std::shared_ptr<const TenancyOutline> outline;
        QString note;
    };
    AsyncTask::run(this, [key = m_cacheKey] {
        Loaded l;
        auto read = session::readTenancyCache(key.path, cacheCheckFor(key));
        if (!read) {
            l.note = qs(read.error().describe());
            std::remove(key.path.c_str());
            return l;
        }
        if (!*read)
            return l;  // gone since the preview (another window rewrote it): nothing to resume from
        TenancyGraph graph((*read)->flavor);
        for (const auto &k : (*read)->kinds)
            graph.resync(k.kind, k.objects);
        l.snapshot = graph.snapshot();
        l.outline = std::make_shared<TenancyOutline>(TenancyOutline::build(l.snapshot, {}));
        l.cache = std::make_shared<const session::TenancyCache>(std::move(**read));
        return l;
    }, [this, generation](Loaded l) {
        auto finish = qScopeGuard([this] { finishCacheLoad(); });
        if (!l.note.isEmpty())
            qCWarning(lcSession) << m_id << l.note;
        if (!l.cache || !cachedTreeWanted(generation)) {
            if (m_status.cached && !m_status.loaded && generation == m_generation && !l.note.isEmpty()) {
                // The preview was shown but the objects behind it are unreadable: take it back
                // rather than keep a tree nothing stands behind; the live list follows.
                m_outline = std::make_shared<const TenancyOutline>();
                m_status.cached = m_status.stale = false;
                m_holdUntilLoaded = false;
                emit outlineChanged();
                emit statusChanged();
            }
            return;
        }
        m_cache = l.cache;
        m_snapshot = l.snapshot;
        m_outline = l.outline;
        qCInfo(lcSession) << m_id << "cached tenancy read after" << m_clock.elapsed() << "ms:" << m_cache->objectCount()
                          << "objects";
        showCached(m_cache->writtenAt);
    });
}

ClusterSession::~ClusterSession()
{
    if (m_cacheDirty)
        writeCacheNow();  // the next start shows what this one last saw
    teardown(true);
}

std::shared_ptr<Client> ClusterSession::client() const
{
    return m_backend && m_backend->connection ? m_backend->connection->client() : nullptr;
}

void ClusterSession::start()
{
    connectNow();
}

void ClusterSession::reconnect()
{
    teardown(false);
    m_holdUntilLoaded = m_snapshot.version() > 0;
    m_status.loaded = false;
    emit loadedChanged();
    connectNow();
}

void ClusterSession::setPinnedNamespaces(const QStringList &namespaces)
{
    m_spec.pinnedNamespaces = namespaces;
}

void ClusterSession::setModeOverride(const QString &mode)
{
    m_spec.modeOverride = mode;
}

void ClusterSession::teardown(bool wait)
{
    ++m_generation;
    m_coalesce.stop();
    m_liveness.stop();
    m_probe.stop();
    m_retry.stop();
    m_building = m_rebuild = m_loadPending = false;
    m_reachDone = m_reachRunning = m_probing = false;
    m_feedWaitsForCache = false;
    m_forbidden.reset();
    m_access->setClient(nullptr, {});
    if (m_permissions)
        m_permissions->detach();
    std::shared_ptr<Backend> backend = std::move(m_backend);
    if (!backend)
        return;
    {
        std::lock_guard lock(backend->receiverMutex);
        backend->receiver = nullptr;
    }
    if (wait) {
        backend.reset();  // stops and joins the watchers here (each stop cancels at once)
    } else {
        // Joining watcher threads can take a moment: not on the GUI thread.
        AsyncTask::pool()->start([backend]() mutable { backend.reset(); });
    }
}

void ClusterSession::setState(SessionStatus::State state, const QString &message, const QString &hint)
{
    m_status.state = state;
    m_status.message = message;
    m_status.hint = hint;
    if (state == SessionStatus::State::Connected)
        m_status.retryInSeconds = 0;
    emit statusChanged();
}

void ClusterSession::connectNow()
{
    m_clock.start();
    if (!m_cacheRequested)
        loadCache();
    m_status.stale = m_status.stale || m_snapshot.version() > 0;
    setState(SessionStatus::State::Connecting, tr("Connecting…"));
    const int generation = m_generation;
    session::ConnectionOptions options;
    options.kubeconfig = m_spec.kubeconfig.toStdString();
    options.context = m_spec.context.toStdString();
    options.credentials.approveExec = m_approver ? m_approver->hook() : ExecApprovalHook();
    options.probeTimeoutMs = kProbeTimeoutMs;
    options.modeOverride = modeFromString(m_spec.modeOverride.toStdString());
    for (const auto &ns : m_spec.pinnedNamespaces)
        options.pinnedNamespaces.push_back(ns.toStdString());
    AsyncTask::run(this, [options]() -> ConnectResult {
        ConnectResult r;
        auto connection = ClusterConnection::open(options);
        if (!connection) {
            r.error = connection.error();
            return r;
        }
        r.backend = std::make_shared<Backend>();
        r.backend->connection = std::move(*connection);
        return r;
    }, [this, generation](ConnectResult result) {
        if (generation != m_generation)
            return;  // reconnected meanwhile; this backend was never started
        onConnected(std::move(result));
    });
}

void ClusterSession::onConnected(ConnectResult result)
{
    if (result.error) {
        const Error &e = *result.error;
        qCWarning(lcSession) << m_id << "cannot connect:" << qs(e.describe());
        if (ClusterConnection::isTransient(e)) {
            // The cluster may just be starting: try again with backoff and say when.
            const int delay = toMs(m_backoff.next());
            m_status.retryInSeconds = (delay + 999) / 1000;
            m_retry.start(delay);
            setState(SessionStatus::State::Reconnecting,
                     tr("Cannot reach the API server: %1; retrying in %2 s").arg(qs(e.message)).arg(m_status.retryInSeconds),
                     qs(e.hint));
        } else {
            setState(SessionStatus::State::Failed, qs(e.message.empty() ? e.describe() : e.message), qs(e.hint));
        }
        return;
    }
    m_backoff.reset();
    m_backend = std::move(result.backend);
    Backend &b = *m_backend;
    const ClusterConnection &c = *b.connection;
    m_status.server = qs(c.server());
    m_tenancy = c.tenancy() ? *c.tenancy() : ClusterTenancy();
    m_status.identity = c.identity() ? qs(c.identity()->username) : QString();
    m_status.groups.clear();
    if (c.identity())
        for (const auto &g : c.identity()->groups)
            m_status.groups << qs(g);
    m_status.kubesphereServer = c.kubesphereAccount() ? qs(c.kubesphereAccount()->server) : QString();
    m_status.kubesphereUser = c.kubesphereAccount() ? qs(c.kubesphereAccount()->username) : QString();
    m_status.mode = m_tenancy.mode == Mode::KubeSphere ? QStringLiteral("KubeSphere") : QStringLiteral("standalone");
    m_status.modeReason = qs(m_tenancy.reason);
    m_status.modeOverridden = m_tenancy.overridden;
    m_status.kubesphereVersion = qs(m_tenancy.kubesphereVersion);
    switch (m_tenancy.api.flavor) {
    case ApiFlavor::V4: m_status.flavor = tr("KubeSphere 4.x API (v1beta1)"); break;
    case ApiFlavor::V3: m_status.flavor = tr("KubeSphere 3.x API (v1alpha2)"); break;
    case ApiFlavor::None: m_status.flavor = tr("tenancy API not installed"); break;
    }
    m_status.forbiddenKinds.clear();
    m_status.reachableNamespaces.clear();
    m_access->setClient(c.client(), m_status.identity);
    qCInfo(lcSession) << m_id << "connected as" << m_status.identity << "mode" << m_status.mode << "after"
                      << m_clock.elapsed() << "ms";
    if (c.identityError())
        qCWarning(lcSession) << m_id << "the server does not say who we are:" << qs(c.identityError()->describe());

    // Start one watch per kind the cluster serves. Starting watchers only spawns threads: the
    // lists themselves run on them.
    {
        std::lock_guard lock(b.receiverMutex);
        b.receiver = this;
        b.generation = m_generation;
    }
    b.feed = std::make_unique<TenancyFeed>(session::feedSourceOf(c), b.callbacks());
    // The cache, when it is still being read, decides how the watches start: wait for it (a
    // read of a large tenancy takes well under a list of it).
    if (m_cacheLoading)
        m_feedWaitsForCache = true;
    else
        startFeed();
    m_status.stale = m_status.cached;
    setState(SessionStatus::State::Connected, tr("Listing the tenancy…"));
    m_liveness.start();
    attachPermissions();
    checkInitialRound();
}

kube::rbac::Identity ClusterSession::rbacIdentity() const
{
    std::vector<std::string> groups;
    for (const QString &g : m_status.groups)
        groups.push_back(g.toStdString());
    return kube::rbac::Identity::verbatim(m_status.identity.toStdString(), groups);
}

PermissionSource *ClusterSession::permissions()
{
    if (!m_permissions) {
        m_permissions = new PermissionSource(this);
        m_permissions->setName(m_id);
        attachPermissions();
    }
    return m_permissions;
}

void ClusterSession::attachPermissions()
{
    // After the tree's feed has started: the permission feed joins its watches (the
    // connection's WatchHub), so a tree resumed from the cache is not listed again for it.
    if (!m_permissions || !m_backend || !m_backend->connection || !m_backend->started
        || m_permissionsGeneration == m_generation)
        return;
    m_permissionsGeneration = m_generation;
    const ClusterConnection &c = *m_backend->connection;
    std::optional<kube::rbac::Identity> me;
    if (c.identity())
        me = kube::rbac::Identity::verbatim(c.identity()->username, c.identity()->groups);
    m_permissions->setName(m_id);
    // The KubeSphere view (and the marks where it differs) only where KubeSphere decides: CRDs
    // installed on a standalone cluster do not make ks-apiserver run.
    m_permissions->attach(session::feedSourceOf(c), c.client(), me, m_tenancy.mode == Mode::KubeSphere);
}

void ClusterSession::startFeed()
{
    Backend &b = *m_backend;
    std::shared_ptr<const session::TenancyCache> cache = std::move(m_cache);
    const bool usable = cache && qs(cache->identity) == m_status.identity && cache->flavor == m_tenancy.api.flavor;
    if (cache && !usable)
        qCInfo(lcSession) << m_id << "the cached tenancy was read as" << qs(cache->identity) << "(now"
                          << m_status.identity << "): listing";
    if (!usable) {
        b.feed->start();
        b.started = true;
        return;
    }
    // Resuming needs one request first (is this the cluster the cache came from?): a worker's.
    std::shared_ptr<Backend> backend = m_backend;
    const int generation = m_generation;
    AsyncTask::run(this, [backend, cache] {
        const auto source = session::feedSourceOf(*backend->connection);
        std::string why;
        auto resumable = TenancyFeed::canResume(source, *cache, &why);
        QString note;
        if (resumable && *resumable) {
            backend->feed->start(*cache);
        } else {
            note = resumable ? QStringLiteral("not resuming from the cache: %1; listing").arg(qs(why))
                             : QStringLiteral("cannot tell whether the cache is of this cluster (%1): listing")
                                   .arg(qs(resumable.error().describe()));
            backend->feed->start();
        }
        backend->started = true;
        return note;
    }, [this, generation](QString note) {
        if (generation != m_generation)
            return;
        if (!note.isEmpty())
            qCInfo(lcSession) << m_id << note;
        attachPermissions();
        checkInitialRound();
    });
}

void ClusterSession::onGraphDirty()
{
    if (!m_backend)
        return;
    if (m_status.loaded) {
        m_cacheDirty = true;
        if (!m_cacheWrite.isActive())
            m_cacheWrite.start(kCacheRewriteMs);
    }
    m_backend->graphPosted = false;
    if (m_building)
        m_rebuild = true;
    else if (!m_coalesce.isActive())
        m_coalesce.start();
}

void ClusterSession::buildOutline()
{
    if (!m_backend || !m_backend->feed)
        return;
    m_building = true;
    std::shared_ptr<Backend> backend = m_backend;
    const auto forbidden = m_forbidden;
    const int generation = m_generation;
    struct Built {
        GraphSnapshot snapshot;
        std::shared_ptr<const TenancyOutline> outline;
    };
    qCDebug(lcSession) << m_id << "building the outline after" << m_clock.elapsed() << "ms";
    AsyncTask::run(this, [backend, forbidden] {
        Built b;
        b.snapshot = backend->feed->snapshot();
        b.outline = std::make_shared<TenancyOutline>(TenancyOutline::build(b.snapshot, forbidden));
        return b;
    }, [this, generation](Built built) {
        if (generation != m_generation)
            return;
        m_building = false;
        // After a reconnect the old tree stays (marked stale) until the new lists are complete:
        // a half-listed graph would move projects out of their workspaces and back.
        const bool complete = m_loadPending && built.snapshot.version() >= m_loadAtVersion;
        if (!m_holdUntilLoaded || complete) {
            m_holdUntilLoaded = false;
            m_snapshot = built.snapshot;
            m_outline = built.outline;
            emit outlineChanged();
        }
        if (complete) {
            qCInfo(lcSession) << m_id << "tenancy loaded after" << m_clock.elapsed() << "ms:"
                              << m_snapshot.count(GraphKind::Namespace) << "namespaces,"
                              << m_snapshot.count(GraphKind::User) << "users";
            m_loadPending = false;
            m_status.loaded = true;
            m_status.resumedKinds = static_cast<int>(m_backend->feed->resumedKinds());
            m_status.listedKinds = static_cast<int>(m_backend->feed->listedKinds());
            if (m_status.cached) {
                m_status.cached = false;
                m_status.stale = false;
                qCInfo(lcSession) << m_id << "live after" << m_clock.elapsed() << "ms:" << m_status.resumedKinds
                                  << "kinds resumed from the cache," << m_status.listedKinds << "listed";
            }
            // The lists' freed parse buffers back to the system (on this thread: the
            // memory figures read right after loading should see it gone).
            QElapsedTimer trim;
            trim.start();
            if (releaseFreedMemory() && lcSession().isDebugEnabled())
                qCDebug(lcSession) << m_id << "freed memory returned to the system in" << trim.elapsed() << "ms;"
                                   << heapText();
            scheduleCacheWrite(kCacheWriteDelayMs);
            setState(m_status.state, m_status.state == SessionStatus::State::Connected ? QString() : m_status.message,
                     m_status.hint);
            emit loadedChanged();
        }
        if (m_rebuild) {
            m_rebuild = false;
            m_coalesce.start();
        }
    });
}

void ClusterSession::onFeedSynced()
{
    qCDebug(lcSession) << m_id << "a kind finished listing after" << m_clock.elapsed() << "ms";
    checkInitialRound();
}

void ClusterSession::onFeedForbidden(int kind)
{
    const auto k = static_cast<GraphKind>(kind);
    m_forbidden.set(indexOf(k));
    const QString name = QString::fromLatin1(toString(k));
    if (!m_status.forbiddenKinds.contains(name))
        m_status.forbiddenKinds << name;
    qCInfo(lcSession) << m_id << "may not list" << name;
    emit statusChanged();
    checkInitialRound();
}

void ClusterSession::onFeedError(const QString &text, int retryMs)
{
    if (!m_backend)
        return;
    if (m_status.state == SessionStatus::State::Connected) {
        m_status.stale = true;
        m_status.retryInSeconds = (retryMs + 999) / 1000;
        setState(SessionStatus::State::Reconnecting,
                 tr("Lost the watch: %1").arg(text), tr("Showing the last known state until the watch resumes."));
        m_liveness.stop();
        m_backoff.reset();
        scheduleProbe();
    }
}

void ClusterSession::scheduleProbe()
{
    const int delay = toMs(m_backoff.next());
    m_status.retryInSeconds = (delay + 999) / 1000;
    m_probe.start(delay);
}

void ClusterSession::probe()
{
    if (!m_backend || !m_backend->connection || m_probing)
        return;
    m_probing = true;
    std::shared_ptr<Backend> backend = m_backend;
    const int generation = m_generation;
    AsyncTask::run(this, [backend] { return backend->connection->probe(); },
                   [this, generation](Result<void> answer) {
        if (generation != m_generation)
            return;
        m_probing = false;
        if (answer) {
            if (m_status.state != SessionStatus::State::Connected) {
                qCInfo(lcSession) << m_id << "API server answers again";
                m_backoff.reset();
                m_status.stale = false;
                setState(SessionStatus::State::Connected);
                m_liveness.start();
                // Watches resume by themselves; a fresh outline clears the stale marks.
                onGraphDirty();
            }
            return;
        }
        m_liveness.stop();
        m_status.stale = true;
        scheduleProbe();
        setState(SessionStatus::State::Reconnecting,
                 tr("The API server does not answer: %1; retrying in %2 s")
                     .arg(qs(answer.error().message))
                     .arg(m_status.retryInSeconds),
                 tr("Showing the last known state until the watch resumes."));
    });
}

void ClusterSession::checkInitialRound()
{
    if (!m_backend || !m_backend->feed || !m_backend->started || m_status.loaded || m_loadPending)
        return;
    if (!m_backend->feed->initialRoundDone())
        return;
    // The feed's own flags, not only the posted notifications: one may still be on the way,
    // and deciding about the reach without it would skip it.
    m_forbidden |= m_backend->feed->forbidden();
    // Every cluster-wide kind answered: a restricted identity now gets what it can reach.
    const bool needReach = m_forbidden.test(indexOf(GraphKind::Namespace));
    if (needReach && !m_reachDone) {
        startReach();
        return;
    }
    m_loadPending = true;
    m_loadAtVersion = m_backend->feed->snapshot().version();
    onGraphDirty();
}

void ClusterSession::startReach()
{
    if (m_reachRunning || !m_backend || !m_backend->feed)
        return;
    m_reachRunning = true;
    session::ReachOptions options;
    // Namespaces named by anything this identity could read (bindings it can see).
    std::set<std::string> seen;
    m_backend->feed->snapshot().forEach(GraphKind::ProjectRoleBinding, [&](const std::string &key, const GraphObject &) {
        seen.insert(key.substr(0, key.find('/')));
        return true;
    });
    options.candidates.assign(seen.begin(), seen.end());
    std::shared_ptr<Backend> backend = m_backend;
    const int generation = m_generation;
    AsyncTask::run(this, [backend, options]() {
        auto reach = backend->connection->reach(options);
        if (!reach) {
            qCWarning(lcSession) << "cannot work out the reachable namespaces:" << qs(reach.error().describe());
            return std::vector<std::string>();
        }
        if (reach->all)
            return std::vector<std::string>();  // the watch will list them
        backend->feed->addReachable(reach->objects);
        // What a project shows (members, roles, quotas, policies), watched per namespace.
        backend->feed->watchReachable(reach->namespaces);
        return reach->namespaces;
    }, [this, generation](std::vector<std::string> reachable) {
        if (generation != m_generation)
            return;
        m_reachRunning = false;
        m_reachDone = true;
        m_status.reachableNamespaces.clear();
        for (const auto &ns : reachable)
            m_status.reachableNamespaces << qs(ns);
        qCInfo(lcSession) << m_id << "reachable namespaces:" << m_status.reachableNamespaces;
        emit statusChanged();
        checkInitialRound();
    });
}
