// The audit window's sources and the engine's index over them (kube::audit::AuditIndex): audit
// files, Tenantry's journal and the cluster's Events, indexed on one writer thread of its own
// (never the GUI thread), with progress, cancel and `tail -f` following. Readers (the table
// model, the histogram, details, export) query the index from the worker pool while it grows.
#pragma once

#include "kubeclient/api/client.h"
#include "kubeclient/audit/auditindex.h"
#include "kubeclient/core/canceltoken.h"
#include "kubeclient/tenancy/graph/graphsnapshot.h"

#include <QLoggingCategory>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>

class QThreadPool;
class QTemporaryDir;

Q_DECLARE_LOGGING_CATEGORY(lcAudit)

class AuditLog final : public QObject
{
    Q_OBJECT
public:
    // What the progress bar shows while indexing (polled, never posted per row).
    struct Progress {
        qint64 bytesDone = 0, bytesTotal = 0;
        qint64 rows = 0, skipped = 0;
        int fileIndex = 0, fileCount = 0;
        QString file;
    };

    // One source as the window lists it.
    struct Source {
        enum class Kind { File, Journal, ClusterEvents };
        Kind kind = Kind::File;
        QString label;   // "audit.log (and 2 rotated)", "Tenantry's journal", "Events of dev"
        QString path;    // the file indexed (for events: the snapshot written for the index)
        QString note;    // an error or what could not be read
    };

    explicit AuditLog(QObject *parent = nullptr);
    ~AuditLog() override;

    const kube::audit::AuditIndex &index() const { return *m_index; }
    std::shared_ptr<const kube::audit::AuditIndex> sharedIndex() const { return m_index; }

    // --- sources (each indexed on the writer thread, in the order added) ---
    // Audit files (kube-apiserver JSON lines, KubeSphere events, journals; rotated backups and
    // .gz included). A missing or corrupt file is reported by failed() naming it.
    void addFiles(const QStringList &paths);
    // Tenantry's journal (kube::journal::journalPath()); once per log.
    void addJournal();
    static QString journalPath();
    bool hasJournal() const { return m_journalAdded; }
    // The cluster's Events of these namespaces (the projects) and of the cluster-scoped tenancy
    // objects, read with the client on a worker (access checked; what could not be read is
    // named in the source's note and eventsLoaded()). Again later: only Events not seen yet.
    void loadClusterEvents(std::shared_ptr<kube::Client> client, const QString &clusterName, const QStringList &namespaces);
    // `tail -F` of the last file added, until turned off.
    void setFollow(bool on);
    bool following() const { return m_follow; }
    // Workspace of events without their own, from the tenancy graph's namespace labels.
    void setNamespaceWorkspaces(const kube::tenancy::GraphSnapshot &snapshot);

    const QList<Source> &sources() const { return m_sources; }

    // --- state ---
    bool busy() const { return m_indexJobs > 0 || m_eventsPending > 0; }
    // Stops the running indexing (rows so far stay) and any queued after it.
    void cancel();
    Progress progress() const;
    qint64 rowCount() const;
    // "N events, M skipped lines (audit.log:17, …)"
    QString statusText() const;
    // "audit.log:17: not JSON", the first `max` skipped lines.
    QStringList skippedLines(int max = 20) const;

    // --- reads off the GUI thread; done runs on the receiver's thread unless it is gone ---
    // The whole event (request and response objects when the level recorded them).
    void readEvent(kube::audit::RowId id, QObject *receiver,
                   std::function<void(kube::Result<kube::audit::AuditEvent>)> done) const;
    // Writes the rows as JSON lines (csv false) or CSV; done(error) with "" on success.
    void exportRows(std::vector<kube::audit::RowId> rows, const QString &path, bool csv, QObject *receiver,
                    std::function<void(QString error)> done) const;

signals:
    void busyChanged(bool busy);
    void progressChanged();
    // The index has rows it had not when last emitted (first rows, progress, follow).
    void rowsAvailable();
    void sourcesChanged();
    // A source could not be read (the message names it); rows of other sources stay.
    void failed(const QString &message);
    // The cluster's Events were read: how many new ones, and what could not be read.
    void eventsLoaded(int added, const QStringList &unreadable);
    // A followed file was truncated or replaced.
    void followNotice(const QString &message);

private:
    struct Shared;
    void runIndex(std::vector<std::string> files, bool rotated, int sourceIndex);
    void startFollow();
    void stopFollow();
    void onIndexFinished(int sourceIndex, const QString &error, bool cancelled);
    void poll();
    void setBusyFrom(bool before);

    std::shared_ptr<kube::audit::AuditIndex> m_index;
    std::shared_ptr<Shared> m_shared;  // progress written by the writer, read by poll()
    QThreadPool *m_writer;
    std::unique_ptr<QTemporaryDir> m_tmp;
    QList<Source> m_sources;
    std::set<std::string> m_seenEvents;  // uid + resourceVersion of Events already indexed
    int m_eventsFiles = 0;
    int m_indexJobs = 0;
    int m_eventsPending = 0;
    bool m_follow = false;
    bool m_journalAdded = false;
    kube::CancelTokenPtr m_indexCancel;
    kube::CancelTokenPtr m_followCancel;
    QString m_lastFile;
    QTimer m_poll;
    qint64 m_lastRows = 0;
};
