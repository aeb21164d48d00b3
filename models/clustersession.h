// The Qt face of one cluster: opens a kube::session::ClusterConnection and runs a TenancyFeed on
// worker threads, and hands coalesced graph snapshots (and the tree outline built from them
// off the GUI thread) to the models, as signals on the GUI thread. It also keeps the
// connection status: connecting, connected, reconnecting with backoff (data stale), failed.
#pragma once

#include "models/connectionspec.h"
#include "models/sessionstatus.h"
#include "models/tenancyoutline.h"

#include "kubeclient/api/client.h"
#include "kubeclient/rbac/identity.h"
#include "kubeclient/core/backoff.h"
#include "kubeclient/tenancy/graph/graphsnapshot.h"
#include "kubeclient/kubesphere/mode.h"
#include "kubeclient/session/tenancycache.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <bitset>
#include <memory>

class AccessChecker;
class ChangeHistory;
class ExecApprover;
class PermissionSource;

class ClusterSession final : public QObject
{
    Q_OBJECT
public:
    // Bursts of watch events are merged into one model update per this interval.
    static constexpr int kCoalesceMs = 50;
    // While connected, the server is asked for /version this often: a stopped API server
    // leaves watch streams open but silent, and only a request with a deadline notices.
    static constexpr int kLivenessIntervalMs = 10'000;
    static constexpr int kProbeTimeoutMs = 5'000;

    ClusterSession(ConnectionSpec spec, ExecApprover *approver, QObject *parent = nullptr);
    ~ClusterSession() override;

    const ConnectionSpec &spec() const { return m_spec; }
    // The name of this connection in the tree and the status bar, unique in the window.
    QString id() const { return m_id; }
    void setId(const QString &id) { m_id = id; }

    const SessionStatus &status() const { return m_status; }
    const kube::tenancy::GraphSnapshot &snapshot() const { return m_snapshot; }
    const TenancyOutline &outline() const { return *m_outline; }
    bool loaded() const { return m_status.loaded; }

    // What background work of the app (plans, permission checks) needs; null / empty until
    // connected. The client is shared with the watches and safe to use from any thread.
    std::shared_ptr<kube::Client> client() const;
    const kube::tenancy::ClusterTenancy &tenancy() const { return m_tenancy; }
    QString identity() const { return m_status.identity; }
    QStringList identityGroups() const { return m_status.groups; }
    // The identity as the permission engine takes it (name and groups the server reported).
    kube::rbac::Identity rbacIdentity() const;
    AccessChecker *access() const { return m_access; }
    // The live permission data (RBAC and KubeSphere roles watched into an index), started on
    // first use so a session that never opens the workbench does not watch RBAC twice.
    PermissionSource *permissions();
    // Whether permissions() was asked for already (its watches run).
    bool permissionsStarted() const { return m_permissions != nullptr; }
    // The changes applied to this cluster from this window, for Undo / Redo.
    ChangeHistory *history() const { return m_history; }

    void start();
    // Drops the watches and connects again (after pinning a namespace, a mode override...).
    void reconnect();
    void setPinnedNamespaces(const QStringList &namespaces);
    void setModeOverride(const QString &mode);

    // The local cache of the last tenancy (kubeclient/session/tenancycache): shown at once on
    // the first connect, then resumed. Folder from TENANTRY_TENANCY_CACHE ("off": none), else
    // $XDG_CACHE_HOME/tenantry/tenancy. Written a few seconds after the tenancy is loaded, at
    // most once a minute after that, and when the session ends.
    static QString cacheRoot();
    static constexpr int kCacheWriteDelayMs = 2'000;
    static constexpr int kCacheRewriteMs = 60'000;
    // A cache older than this is not shown (a week).
    static constexpr qint64 kCacheMaxAgeSeconds = 7 * 24 * 3600;
    // Writes the cache now, on this thread (the destructor does when there are unsaved changes).
    void writeCacheNow();

signals:
    void statusChanged();
    void outlineChanged();  // snapshot() and outline() were replaced
    void loadedChanged();
    // The tree shows the cached tenancy (status().cached), before any live answer.
    void cachedShown();

private:
    struct Backend;
    struct ConnectResult;

    void connectNow();
    void onConnected(ConnectResult result);
    void setState(SessionStatus::State state, const QString &message = {}, const QString &hint = {});
    void teardown(bool wait);

    // Called (queued) from watcher threads through the backend.
    void onGraphDirty();
    void onFeedSynced();
    void onFeedError(const QString &text, int retryMs);
    void onFeedForbidden(int kind);
    void checkInitialRound();
    void startReach();
    void attachPermissions();

    void buildOutline();
    void loadCache();
    void loadCachedObjects(int generation);
    static kube::session::TenancyCacheCheck cacheCheckFor(const kube::session::TenancyCacheKey &key);
    bool cachedTreeWanted(int generation) const;
    void showCached(std::int64_t writtenAt);
    void finishCacheLoad();
    void startFeed();
    void scheduleCacheWrite(int delayMs);
    void writeCache(bool now);
    void probe();
    void scheduleProbe();

    ConnectionSpec m_spec;
    QString m_id;
    ExecApprover *m_approver;
    AccessChecker *m_access;
    PermissionSource *m_permissions = nullptr;
    ChangeHistory *m_history;
    SessionStatus m_status;
    kube::tenancy::ClusterTenancy m_tenancy;
    kube::tenancy::GraphSnapshot m_snapshot;
    std::shared_ptr<const TenancyOutline> m_outline;
    std::shared_ptr<Backend> m_backend;
    std::bitset<kube::tenancy::kGraphKindCount> m_forbidden;
    int m_permissionsGeneration = -1;  // the backend generation the permission source was attached for
    int m_generation = 0;  // bumped by reconnect: late results of an older backend are ignored

    QElapsedTimer m_clock;  // since the last connect, for the log's timings
    QTimer m_coalesce;
    bool m_building = false;
    bool m_rebuild = false;
    bool m_loadPending = false;
    std::uint64_t m_loadAtVersion = 0;  // the graph version that completes the first load
    bool m_holdUntilLoaded = false;
    bool m_reachDone = false;
    bool m_reachRunning = false;

    // The cache read at the first connect (kept until the feed has resumed from it).
    std::shared_ptr<const kube::session::TenancyCache> m_cache;
    bool m_cacheRequested = false;
    bool m_cacheLoading = false;      // read on a worker, not back yet
    bool m_feedWaitsForCache = false;  // connected meanwhile: the feed starts once it is back
    kube::session::TenancyCacheKey m_cacheKey;  // where this session's cache is
    QTimer m_cacheWrite;
    bool m_cacheDirty = false;  // changes since the last write

    QTimer m_retry;     // connect again after a failed connect
    QTimer m_liveness;  // /version probe while connected
    QTimer m_probe;     // /version probe while reconnecting
    bool m_probing = false;
    // Delays of connect retries and reconnect probes, client-go's reflector backoff
    // (0.8 s doubling to 30 s): a dead server is not hammered, a returning one is noticed.
    kube::Backoff m_backoff;
};
