// Where a permission workbench gets its data: a live cluster (a kube::session::RbacFeed kept
// current by watches, plus discovery's catalog) or a folder of manifests read offline. Either
// way the workbench sees immutable snapshots (index + catalogs + what could not be read),
// replaced as a whole when the data changes, coalesced so a burst of events is one rebuild.
#pragma once

#include "kubeclient/api/client.h"
#include "kubeclient/rbac/cellquery.h"
#include "kubeclient/rbac/identity.h"
#include "kubeclient/rbac/rbacdata.h"
#include "kubeclient/rbac/rbacindex.h"
#include "kubeclient/rbac/resourcecatalog.h"
#include "kubeclient/session/tenancyfeed.h"

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace kube::session {
class RbacFeed;
}

class PermissionSource final : public QObject
{
    Q_OBJECT
public:
    // Changes within this much of each other are rebuilt together; a change after a quiet spell
    // is rebuilt at once.
    static constexpr int kCoalesceMs = 30;

    struct Snapshot {
        std::shared_ptr<const kube::rbac::RbacIndex> index;
        std::shared_ptr<const kube::rbac::ResourceCatalog> kubernetesCatalog, kubesphereCatalog;
        bool kubesphere = false;  // KubeSphere's IAM API is in the data: the KubeSphere view applies
        // What could not be read ("clusterrolebindings.rbac.authorization.k8s.io", a skipped file):
        // denials may be wrong, so the workbench shows them as unknown.
        QStringList unreadable;
        // RBAC kinds among them: without these a "denied" cannot be trusted.
        bool incomplete = false;
        QStringList warnings;  // offline: files skipped and why ("bad.yaml:3: ...")
        // kube::rbac::knownSubjects of the index, built once on the worker: pickers and
        // "is this subject named anywhere" read it instead of walking thousands of bindings.
        std::shared_ptr<const std::vector<kube::rbac::SubjectChoice>> subjects;
        QStringList subjectLabels;
        std::uint64_t version = 0;

        const kube::rbac::ResourceCatalog &catalog(kube::rbac::View view) const
        {
            return view == kube::rbac::View::KubeSphere ? *kubesphereCatalog : *kubernetesCatalog;
        }
    };

    // Live: attach() when the session connects, detach() when it goes.
    explicit PermissionSource(QObject *parent = nullptr);
    ~PermissionSource() override;

    // Offline: reads `path` (a manifest file or folder) in the background; loadFailed or changed follows.
    static PermissionSource *fromManifests(const QString &path, QObject *parent = nullptr);
    // Offline data already in hand (tests, benchmarks); changed() follows asynchronously.
    static PermissionSource *fromData(kube::rbac::RbacData data, const QString &name, QObject *parent = nullptr);
    // Offline: replace the data (benchmarks and tests of live updates without a cluster).
    void setData(kube::rbac::RbacData data);

    // Starts watching RBAC through `source`; the client serves discovery and reviews.
    void attach(kube::session::FeedSource source, std::shared_ptr<kube::Client> client,
                std::optional<kube::rbac::Identity> me, bool kubesphere);
    void detach();

    QString name() const { return m_name; }
    void setName(const QString &name) { m_name = name; }
    bool live() const { return m_live; }
    bool ready() const { return m_snapshot != nullptr; }
    std::shared_ptr<const Snapshot> snapshot() const { return m_snapshot; }
    // The caller's own identity ("me"), when the server said who we are.
    std::optional<kube::rbac::Identity> me() const { return m_me; }
    // For SubjectAccessReview; null offline.
    std::shared_ptr<kube::Client> client() const { return m_client; }
    QString loadError() const { return m_loadError; }
    // Reads one object of the data behind the snapshots (safe on any thread; the reader keeps
    // the data alive). Live it takes the watch's lock, so call it off the GUI thread.
    using ObjectReader = std::function<std::optional<nlohmann::json>(const kube::rbac::RbacData::Key &key)>;
    ObjectReader objectReader() const;
    // A copy of the whole data behind the snapshots (safe on any thread; call it off the GUI
    // thread): what a plan's impact is computed on.
    using DataReader = std::function<kube::rbac::RbacData()>;
    DataReader dataReader() const;

    // Milliseconds from the last change notice to the snapshot that holds it (benchmarks).
    qint64 lastRebuildLatencyMs() const { return m_lastLatencyMs; }

signals:
    void changed();  // snapshot() was replaced
    void loadFailed(const QString &message);

private:
    struct Live;

    void onDirty();
    void rebuild();
    void publish(std::shared_ptr<const Snapshot> snapshot);

    QString m_name;
    bool m_live = false;
    std::optional<kube::rbac::Identity> m_me;
    std::shared_ptr<kube::Client> m_client;
    std::shared_ptr<Live> m_liveState;
    int m_generation = 0;

    // Offline data, when not live.
    std::shared_ptr<const kube::rbac::RbacData> m_data;
    QStringList m_warnings;
    kube::tenancy::ApiFlavor m_flavor = kube::tenancy::ApiFlavor::None;

    std::shared_ptr<const Snapshot> m_snapshot;
    QString m_loadError;
    QTimer m_coalesce;
    QElapsedTimer m_dirtySince;
    QElapsedTimer m_quiet;  // since the last rebuild finished
    bool m_building = false;
    bool m_again = false;
    qint64 m_lastLatencyMs = -1;
    std::uint64_t m_version = 0;
};
