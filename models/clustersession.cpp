// ClusterSession: connection on the worker pool, one watch per tenancy kind feeding a Store
// and the TenancyGraph, coalesced snapshot delivery, health probes with backoff, and the
// restricted-user fallback (rules reviews and pins when namespaces may not be listed).
#include "models/clustersession.h"

#include "models/accesschecker.h"
#include "models/asynctask.h"
#include "models/execapprover.h"
#include "models/modelslogging.h"

#include "kubeclient/core/backoff.h"
#include "kubeclient/kubeconfig/kubeconfig.h"
#include "kubeclient/core/objectmeta.h"
#include "kubeclient/watch/store.h"
#include "kubeclient/tenancy/graph/graphkind.h"
#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/tenancy/graph/tenancygraph.h"
#include "kubeclient/watch/watcher.h"

#include <QPointer>

#include <atomic>
#include <optional>
#include <map>
#include <mutex>
#include <set>

using namespace kube;
using namespace kube::tenancy;

namespace {

QString qs(const std::string &s) { return QString::fromStdString(s); }

// The annotation TenancyOutline reads to put a namespace under "Reachable projects".
constexpr const char *kReachableOnlyAnnotation = "tenantry.dev/reachable-only";

// Namespaced kinds that describe a project: when they may not be listed cluster-wide, the
// session watches them per reachable namespace instead.
constexpr GraphKind kProjectKinds[] = {GraphKind::ProjectRole, GraphKind::ProjectRoleBinding, GraphKind::ResourceQuota,
                                       GraphKind::LimitRange, GraphKind::NetworkPolicy,
                                       GraphKind::NamespaceNetworkPolicy};

// Reconnect probes back off as client-go's reflector does (0.8 s doubling to 30 s), so a
// dead server is not hammered and a returning one is noticed within half a minute.
constexpr int kProbeInitialMs = 800;
constexpr int kProbeMaxMs = 30'000;

bool isForbidden(const Error &e)
{
    return e.isApi(StatusReason::Forbidden) || e.httpCode() == 403;
}

// Everything a rules review grants that is not the self-review every authenticated user has.
bool grantsSomething(const nlohmann::json &review)
{
    const auto &rules = review["status"]["resourceRules"];
    if (!rules.is_array())
        return false;
    for (const auto &rule : rules) {
        const auto &groups = rule["apiGroups"];
        bool selfOnly = groups.is_array() && !groups.empty();
        if (groups.is_array())
            for (const auto &g : groups) {
                const std::string group = g.is_string() ? g.get<std::string>() : std::string();
                selfOnly = selfOnly && (group == "authorization.k8s.io" || group == "authentication.k8s.io");
            }
        if (!selfOnly)
            return true;
    }
    return false;
}

} // namespace

namespace {

// One watched resource: cluster-wide through a Store connected to the graph, or in one
// namespace fed to the graph directly (several such feeds share a kind, so none may resync it).
struct SessionFeed {
    GraphKind kind = GraphKind::Namespace;
    std::string ns;
    std::unique_ptr<Store> store;
    int storeSubscription = 0;
    std::unique_ptr<Watcher> watcher;
    std::atomic<bool> synced{false};
    std::atomic<bool> forbidden{false};
    // Per-namespace feeds only, touched on the watcher's thread.
    std::set<std::string> keys;
    std::vector<GraphObject> relist;
};

} // namespace

struct ClusterSession::Backend {
    std::mutex receiverMutex;
    ClusterSession *receiver = nullptr;  // cleared before teardown; guards posting
    int generation = 0;

    std::shared_ptr<Client> client;
    std::shared_ptr<Client> probeClient;
    ClusterTenancy tenancy;
    kube::UserInfo me;
    std::string contextNamespace;
    std::unique_ptr<TenancyGraph> graph;
    int graphSubscription = 0;
    std::atomic<bool> graphPosted{false};

    std::mutex feedsMutex;
    std::vector<std::unique_ptr<SessionFeed>> feeds;
    std::atomic<bool> stopping{false};

    ~Backend()
    {
        stopping = true;
        std::vector<std::unique_ptr<SessionFeed>> all;
        {
            std::lock_guard lock(feedsMutex);
            all.swap(feeds);
        }
        for (auto &f : all)
            if (f->watcher)
                f->watcher->stop();
        for (auto &f : all)
            f->watcher.reset();  // joins
        if (graph) {
            for (auto &f : all)
                if (f->store && f->storeSubscription)
                    f->store->unsubscribe(f->storeSubscription);
            graph->unsubscribe(graphSubscription);
        }
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

    void onWatcherEvent(SessionFeed &feed, const WatcherEvent &event)
    {
        if (event.type == WatcherEventType::Error) {
            if (!event.error)
                return;
            if (isForbidden(*event.error)) {
                // An RBAC grant is an administrator's action, not a blip: stop asking (a
                // reconnect asks again) instead of filling the audit log with denials.
                feed.forbidden = true;
                feed.watcher->stop();
                const int kind = static_cast<int>(feed.kind);
                const QString ns = qs(feed.ns);
                post([kind, ns](ClusterSession *s) { s->onFeedForbidden(kind, ns); });
                return;
            }
            const QString text = qs(event.error->describe());
            const int retry = static_cast<int>(event.retryIn.count());
            if (feed.ns.empty())
                post([text, retry](ClusterSession *s) { s->onFeedError(text, retry); });
            return;
        }
        if (feed.store) {
            feed.store->apply(event);
        } else {
            applyToGraph(feed, event);
        }
        if (event.type == WatcherEventType::InitDone && !feed.synced.exchange(true))
            post([](ClusterSession *s) { s->onFeedSynced(); });
    }

    // A per-namespace feed: relists are applied as one batch that also removes what is gone.
    void applyToGraph(SessionFeed &feed, const WatcherEvent &event)
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
            graph->apply(batch);
            break;
        }
        case WatcherEventType::Apply:
            if (event.object) {
                feed.keys.insert(Store::keyOf(*event.object));
                graph->upsert(feed.kind, event.object);
            }
            break;
        case WatcherEventType::Delete:
            if (event.object) {
                const std::string key = Store::keyOf(*event.object);
                feed.keys.erase(key);
                graph->remove(feed.kind, key);
            }
            break;
        case WatcherEventType::Error: break;
        }
    }

    // Starts a watch of one kind, cluster-wide (ns empty) or in one namespace.
    void startFeed(GraphKind kind, const GroupVersionResource &gvr, const std::string &ns)
    {
        auto feed = std::make_unique<SessionFeed>();
        feed->kind = kind;
        feed->ns = ns;
        SessionFeed *f = feed.get();
        if (ns.empty()) {
            StoreOptions options;
            if (kind == GraphKind::Namespace)
                options.indexedLabels = {kWorkspaceLabel};
            f->store = std::make_unique<Store>(options);
            f->storeSubscription = graph->connect(kind, *f->store);
        }
        std::shared_ptr<ListerWatcher> lister = client->listerWatcher(gvr, ns);
        f->watcher = std::make_unique<Watcher>(lister, [this, f](const WatcherEvent &e) {
            if (!stopping)
                onWatcherEvent(*f, e);
        });
        {
            std::lock_guard lock(feedsMutex);
            feeds.push_back(std::move(feed));
        }
        f->watcher->start();
    }

    bool hasFeed(GraphKind kind, const std::string &ns)
    {
        std::lock_guard lock(feedsMutex);
        for (const auto &f : feeds)
            if (f->kind == kind && f->ns == ns)
                return true;
        return false;
    }
};

struct ClusterSession::ConnectResult {
    std::shared_ptr<Backend> backend;
    std::optional<Error> error;
    std::string server;
};

ClusterSession::ClusterSession(ConnectionSpec spec, ExecApprover *approver, QObject *parent)
    : QObject(parent)
    , m_spec(std::move(spec))
    , m_id(m_spec.displayName())
    , m_approver(approver)
    , m_access(new AccessChecker(this))
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
}

ClusterSession::~ClusterSession()
{
    teardown(true);
}

std::shared_ptr<Client> ClusterSession::client() const
{
    return m_backend ? m_backend->client : nullptr;
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
    m_forbidden.reset();
    m_access->setClient(nullptr, {});
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
    m_status.stale = m_status.stale || m_snapshot.version() > 0;
    setState(SessionStatus::State::Connecting, tr("Connecting…"));
    const int generation = m_generation;
    ConnectionSpec spec = m_spec;
    ExecApprovalHook hook = m_approver ? m_approver->hook() : ExecApprovalHook();
    AsyncTask::run(this, [spec, hook]() -> ConnectResult {
        ConnectResult r;
        auto config = Kubeconfig::loadFromEnvironment(spec.kubeconfig.toStdString());
        if (!config) {
            r.error = config.error();
            return r;
        }
        CredentialOptions credentials;
        credentials.approveExec = hook;
        config->setCredentialOptions(credentials);
        const std::string context = spec.context.toStdString();
        auto transport = config->transportConfig(context);
        if (!transport) {
            r.error = transport.error();
            return r;
        }
        r.server = transport->server;
        auto backend = std::make_shared<Backend>();
        if (auto ns = config->contextNamespace(context))
            backend->contextNamespace = *ns;
        TransportConfig probeConfig = *transport;
        probeConfig.requestTimeoutMs = kProbeTimeoutMs;
        probeConfig.connectTimeoutMs = kProbeTimeoutMs;
        backend->client = std::make_shared<Client>(*transport);
        backend->probeClient = std::make_shared<Client>(probeConfig);
        auto me = backend->client->whoami();
        if (!me) {
            r.error = me.error();
            return r;
        }
        backend->me = *me;
        auto tenancy = detectTenancy(*backend->client, modeFromString(spec.modeOverride.toStdString()));
        if (!tenancy) {
            r.error = tenancy.error();
            return r;
        }
        backend->tenancy = *tenancy;
        r.backend = std::move(backend);
        return r;
    }, [this, generation](ConnectResult result) {
        if (generation != m_generation)
            return;  // reconnected meanwhile; this backend was never started
        onConnected(std::move(result));
    });
}

void ClusterSession::onConnected(ConnectResult result)
{
    m_status.server = qs(result.server);
    if (result.error) {
        const Error &e = *result.error;
        const bool transient = e.kind == ErrorKind::Transport || e.kind == ErrorKind::Timeout
            || e.isApi(StatusReason::ServiceUnavailable) || e.isApi(StatusReason::InternalError);
        qCWarning(lcSession) << m_id << "cannot connect:" << qs(e.describe());
        if (transient) {
            // The cluster may just be starting: try again with backoff and say when.
            const int delay = std::min(kProbeMaxMs, kProbeInitialMs << std::min(m_failures, 6));
            ++m_failures;
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
    m_failures = 0;
    m_backend = std::move(result.backend);
    Backend &b = *m_backend;
    m_tenancy = b.tenancy;
    m_status.identity = qs(b.me.username);
    m_status.groups.clear();
    for (const auto &g : b.me.groups)
        m_status.groups << qs(g);
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
    m_access->setClient(b.client, m_status.identity);
    qCInfo(lcSession) << m_id << "connected as" << m_status.identity << "mode" << m_status.mode << "after"
                      << m_clock.elapsed() << "ms";

    // Wire the graph and start one watch per kind the cluster serves. Starting watchers only
    // spawns threads: the lists themselves run on them.
    {
        std::lock_guard lock(b.receiverMutex);
        b.receiver = this;
        b.generation = m_generation;
    }
    b.graph = std::make_unique<TenancyGraph>(m_tenancy.api.flavor);
    Backend *raw = m_backend.get();
    b.graphSubscription = b.graph->subscribe([raw](const TenancyGraph::Change &) {
        // Many events, one post: the flag is cleared when the GUI thread takes the hint.
        if (!raw->graphPosted.exchange(true))
            raw->post([](ClusterSession *s) { s->onGraphDirty(); });
    });
    for (std::size_t i = 0; i < kGraphKindCount; ++i) {
        const auto kind = static_cast<GraphKind>(i);
        const auto gvr = resourceOf(kind, m_tenancy.api);
        const bool served = gvr && b.client->discovery().findResource(gvr->group, gvr->version, gvr->resource);
        if (!served) {
            // Not served: none can exist, which is a known answer (not "no access").
            b.graph->resync(kind, {});
            continue;
        }
        b.startFeed(kind, *gvr, {});
    }
    m_status.stale = false;
    setState(SessionStatus::State::Connected, tr("Listing the tenancy…"));
    m_liveness.start();
    checkInitialRound();
}

void ClusterSession::onGraphDirty()
{
    if (!m_backend)
        return;
    m_backend->graphPosted = false;
    if (m_building)
        m_rebuild = true;
    else if (!m_coalesce.isActive())
        m_coalesce.start();
}

void ClusterSession::buildOutline()
{
    if (!m_backend || !m_backend->graph)
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
        b.snapshot = backend->graph->snapshot();
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

void ClusterSession::onFeedForbidden(int kind, const QString &ns)
{
    if (!ns.isEmpty())
        return;  // a per-namespace feed: the reach already showed what it could
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
        m_failures = 0;
        scheduleProbe();
    }
}

void ClusterSession::scheduleProbe()
{
    const int delay = std::min(kProbeMaxMs, kProbeInitialMs << std::min(m_failures, 6));
    m_status.retryInSeconds = (delay + 999) / 1000;
    m_probe.start(delay);
}

void ClusterSession::probe()
{
    if (!m_backend || m_probing)
        return;
    m_probing = true;
    auto client = m_backend->probeClient;
    const int generation = m_generation;
    AsyncTask::run(this, [client] { return client->serverVersion(); },
                   [this, generation](Result<nlohmann::json> answer) {
        if (generation != m_generation)
            return;
        m_probing = false;
        if (answer) {
            if (m_status.state != SessionStatus::State::Connected) {
                qCInfo(lcSession) << m_id << "API server answers again";
                m_failures = 0;
                m_status.stale = false;
                setState(SessionStatus::State::Connected);
                m_liveness.start();
                // Watches resume by themselves; a fresh outline clears the stale marks.
                onGraphDirty();
            }
            return;
        }
        ++m_failures;
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
    if (!m_backend || m_status.loaded || m_loadPending)
        return;
    {
        std::lock_guard lock(m_backend->feedsMutex);
        for (const auto &f : m_backend->feeds) {
            if (!f->ns.empty())
                continue;
            if (!f->synced && !f->forbidden)
                return;
            // The feed's own flag, not m_forbidden: its queued notification may still be on
            // the way, and deciding about the reach without it would skip it.
            if (f->forbidden)
                m_forbidden.set(indexOf(f->kind));
        }
    }
    // Every cluster-wide kind answered: a restricted identity now gets what it can reach.
    const bool needReach = m_forbidden.test(indexOf(GraphKind::Namespace));
    if (needReach && !m_reachDone) {
        startReach();
        return;
    }
    m_loadPending = true;
    m_loadAtVersion = m_backend->graph->snapshot().version();
    onGraphDirty();
}

void ClusterSession::startReach()
{
    if (m_reachRunning || !m_backend)
        return;
    m_reachRunning = true;
    std::set<std::string> candidates;
    for (const auto &ns : m_spec.pinnedNamespaces)
        candidates.insert(ns.toStdString());
    if (!m_backend->contextNamespace.empty())
        candidates.insert(m_backend->contextNamespace);
    // Namespaces named by anything this identity could read (bindings it can see, quotas...).
    m_snapshot.forEach(GraphKind::ProjectRoleBinding, [&](const std::string &key, const GraphObject &) {
        candidates.insert(key.substr(0, key.find('/')));
        return true;
    });
    std::vector<GraphKind> perNamespace;
    for (GraphKind k : kProjectKinds)
        if (m_forbidden.test(indexOf(k)))
            perNamespace.push_back(k);
    std::shared_ptr<Backend> backend = m_backend;
    const int generation = m_generation;
    AsyncTask::run(this, [backend, candidates, perNamespace]() {
        std::vector<std::string> reachable;
        std::vector<TenancyGraph::Event> batch;
        for (const auto &ns : candidates) {
            if (backend->stopping)
                break;
            GraphObject object;
            auto real = backend->client->get(TenancyApi::namespaces, {}, ns);
            if (real) {
                auto copy = std::make_shared<nlohmann::json>(std::move(*real));
                (*copy)["metadata"]["annotations"][kReachableOnlyAnnotation] = "true";
                object = copy;
            } else {
                const nlohmann::json body = {{"apiVersion", "authorization.k8s.io/v1"},
                                             {"kind", "SelfSubjectRulesReview"},
                                             {"spec", {{"namespace", ns}}}};
                auto review = backend->client->create(TenancyApi::selfSubjectRulesReview, {}, body);
                if (!review || !grantsSomething(*review))
                    continue;
                object = std::make_shared<nlohmann::json>(nlohmann::json{
                    {"apiVersion", "v1"},
                    {"kind", "Namespace"},
                    {"metadata", {{"name", ns}, {"annotations", {{kReachableOnlyAnnotation, "true"}}}}}});
            }
            reachable.push_back(ns);
            batch.push_back(TenancyGraph::Event::upsert(GraphKind::Namespace, object));
        }
        if (!batch.empty())
            backend->graph->apply(batch);
        // What a project shows (members, roles, quotas, policies), watched per namespace.
        for (const auto &ns : reachable)
            for (GraphKind k : perNamespace)
                if (auto gvr = resourceOf(k, backend->tenancy.api); gvr && !backend->hasFeed(k, ns))
                    backend->startFeed(k, *gvr, ns);
        return reachable;
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
