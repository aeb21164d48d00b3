// The audit window's table: the events of an AuditLog that match a filter, one row per event,
// read lazily from the engine's compact index (only the rows a view asks for are turned into
// text). Queries and the histogram run on the worker pool, the newest filter wins; while the
// log grows (indexing, follow) the query is repeated, throttled to its own cost.
#pragma once

#include "models/auditlog.h"
#include "models/nodekind.h"

#include "kubeclient/audit/auditindex.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

#include <optional>
#include <vector>

class AuditEventModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Source, User, Verb, Resource, Namespace, Name, Workspace, Code, Decision, ColumnCount };
    enum Role {
        RowIdRole = Qt::UserRole + 1,  // the index's RowId (quint32)
        TimeMsRole,                    // ms since the epoch (qint64)
        RawRole,                       // the cell's raw value (text or number), for tests and copies
    };
    // Buckets of the histogram over the filtered events' time span.
    static constexpr int kHistogramBuckets = 120;

    explicit AuditEventModel(AuditLog *log, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    AuditLog *log() const { return m_log; }

    // The filter (the time range included); applying it starts a query, queried() follows.
    void setFilter(const kube::audit::AuditFilter &filter);
    const kube::audit::AuditFilter &filter() const { return m_filter; }
    // Only the time range (the histogram's selection); nullopt on both ends: every time.
    void setTimeRange(std::optional<qint64> sinceMs, std::optional<qint64> untilMs);

    // The filtered rows in time order, and the row of an event in them (-1: not shown).
    const std::vector<kube::audit::RowId> &rowIds() const { return m_rows; }
    kube::audit::RowId rowId(int row) const;
    int rowOf(kube::audit::RowId id) const;
    kube::audit::AuditRowText rowText(int row) const;

    // Events per time bucket of the filter without its time range (so a range can be widened
    // again from the histogram).
    const kube::audit::Histogram &histogram() const { return m_histogram; }
    // Events matching the filter without its time range.
    qint64 matchedWithoutTime() const { return m_matchedAnyTime; }
    bool querying() const { return m_querying; }
    // How long the last query (filter + histogram) took on its worker, in ms.
    qint64 lastQueryMs() const { return m_lastQueryMs; }

    // Where an event's object is in the tenancy tree: a project for anything in a namespace, a
    // workspace, a user, a platform or cluster role; nullopt for objects the tree does not show.
    struct TreeTarget {
        NodeKind kind = NodeKind::Project;
        QString name;
    };
    static std::optional<TreeTarget> treeTargetOf(const kube::audit::AuditRowText &row);

    static QString formatTime(qint64 ms);

signals:
    // A query answered (rows and histogram replaced or extended).
    void queried();
    void queryingChanged(bool querying);

private:
    void requery();
    void onRowsAvailable();
    struct Answer;
    void apply(Answer answer, int generation);

    QPointer<AuditLog> m_log;
    kube::audit::AuditFilter m_filter;
    std::vector<kube::audit::RowId> m_rows;
    kube::audit::Histogram m_histogram;
    qint64 m_matchedAnyTime = 0;
    int m_generation = 0;
    bool m_querying = false;
    bool m_dirty = false;  // the log grew while a query ran
    qint64 m_lastQueryMs = 0;
    QTimer m_throttle;
    mutable QCache<kube::audit::RowId, kube::audit::AuditRowText> m_cache;
};
