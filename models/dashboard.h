// The Dashboard tab's data: for a cluster, its workspaces by projects and members, each
// workspace quota's fullest resource, risk findings by severity and the recent changes Tenantry
// made there (its journal); for a workspace, how its projects share each resource of its quota.
// The figures come from kubeclient (tenancy/graph/overview, rbac/riskscanner, journal), computed
// off the GUI thread whenever the snapshot they read changes; the views only paint Chart values.
#pragma once

#include "models/nodekind.h"
#include "models/rowtablemodel.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <cstdint>
#include <memory>

class ClusterSession;

// One bar of a chart: segments side by side from zero, an optional limit marker, the text at
// its end. `key` is what activating the bar opens (a tree path, or "risks:high").
struct ChartSegment {
    double value = 0;
    QString label;  // "proj1: 2 CPU"
    QString key;    // tree path of what the segment stands for, or empty
    bool operator==(const ChartSegment &) const = default;
};

struct ChartBar {
    QString key;
    QString label;               // left of the bar
    QList<ChartSegment> segments;
    double limit = 0;            // where the limit marker goes (0: none)
    QString valueText;           // right of the bar: "12 of 20 (60%)"
    bool over = false;           // past its limit (drawn hatched, said in words too)
    QString toolTip;

    // What a screen reader says for the bar (label, value, over).
    QString spokenText() const;
    bool operator==(const ChartBar &) const = default;
};

struct Chart {
    QString title;
    QString note;                // under the chart: what was left out, where the figures come from
    QList<ChartBar> bars;
    double scale = 0;            // the value at the right end (the largest value or limit)
    QString empty;               // shown when there are no bars

    bool operator==(const Chart &) const = default;
};

// One record of the journal (a plan Tenantry applied or dry-ran on this cluster).
struct RecentChangeRow {
    QString time;      // RFC 3339 as written
    QString summary;
    QString outcome;   // succeeded, failed, partial
    QString identity;
    int writes = 0;
    bool dryRun = false;
    int order = 0;     // 0 = newest
    QString key() const { return QStringLiteral("%1").arg(order, 6, 10, QLatin1Char('0')); }
    bool operator==(const RecentChangeRow &) const = default;
};

class RecentChangesModel final : public RowTableModel<RecentChangeRow>
{
    Q_OBJECT
public:
    enum Column { TimeColumn, SummaryColumn, OutcomeColumn, IdentityColumn, ColumnCount };
    using RowTableModel::RowTableModel;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    QVariant cell(const RecentChangeRow &row, int column, int role) const override;
};

class Dashboard final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxBars = 12;       // workspaces per chart; the rest are counted in the note
    static constexpr int kRecentChanges = 10;

    explicit Dashboard(QObject *parent = nullptr);
    ~Dashboard() override;

    // What to show: a Cluster or Platform node (the platform charts) or a Workspace. Recomputes
    // when the node or the session's data changed since the last time; cheap to call often.
    void show(ClusterSession *session, NodeKind kind, const QString &name);
    void clear();

    bool applies(NodeKind kind) const;
    NodeKind kind() const { return m_kind; }
    QString name() const { return m_name; }
    bool computing() const { return m_computing; }

    // The platform's charts (cluster / platform node)
    const Chart &workspaces() const { return m_workspaces; }
    const Chart &quotaUse() const { return m_quotaUse; }
    const Chart &risks() const { return m_risks; }
    RecentChangesModel *recentChanges() const { return m_recent; }
    QString recentNote() const { return m_recentNote; }
    // A workspace's chart
    const Chart &workspaceUsage() const { return m_usage; }

signals:
    void changed();

private:
    struct Computed;
    void recompute();
    void apply(Computed computed);

    QPointer<ClusterSession> m_session;
    NodeKind m_kind = NodeKind::Cluster;
    QString m_name;
    std::uint64_t m_graphVersion = 0;
    std::uint64_t m_rbacVersion = 0;  // 0: no RBAC snapshot
    bool m_valid = false;  // the charts hold what m_graphVersion / m_rbacVersion gave
    bool m_computing = false, m_again = false;
    int m_generation = 0;
    Chart m_workspaces, m_quotaUse, m_risks, m_usage;
    RecentChangesModel *m_recent;
    QString m_recentNote;
    QMetaObject::Connection m_permissionsConnection;
};
