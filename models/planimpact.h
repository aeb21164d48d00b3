// The impact of a plan on permissions, for the plan dialog: who gains or loses which verbs on
// which resources in which scopes once the plan's writes are applied to a copy of the cluster's
// RBAC (kube::rbac::PermissionDiff::planImpact, the engine `tenantryctl diff --plan` uses).
// Computed on a worker from the session's live permission data; a newer plan wins.
#pragma once

#include "models/rowtablemodel.h"

#include "kubeclient/tenancy/plan/plan.h"

#include <QObject>
#include <QPointer>
#include <QString>

class ClusterSession;
class PermissionSource;

struct ImpactRow {
    QString subject;   // "User alice", "Group g", "ServiceAccount ns/sa"
    QString scope;     // "project p1", "cluster", ...
    QString resource;  // "pods", "deployments/scale"
    QString gained, lost;  // "get, list" / "delete"
    QString key() const { return subject + QChar(0x1f) + scope + QChar(0x1f) + resource; }
    bool operator==(const ImpactRow &other) const = default;
};

class ImpactTableModel final : public RowTableModel<ImpactRow>
{
    Q_OBJECT
public:
    enum Column { SubjectColumn, ScopeColumn, ResourceColumn, GainedColumn, LostColumn, ColumnCount };
    explicit ImpactTableModel(QObject *parent = nullptr);
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QVariant cell(const ImpactRow &row, int column, int role) const override;
};

class PlanImpact final : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Waiting, Computing, Ready, Unavailable };

    // `source` is the session's live permission data (or offline data in tests and benchmarks);
    // kubesphere: judge by KubeSphere's view (ks-apiserver enforces the IAM roles) rather
    // than kube-apiserver's.
    PlanImpact(PermissionSource *source, bool kubesphere, QObject *parent = nullptr);
    // The session's permission data, in the view its mode enforces. The session's RBAC watches
    // start on the first compute(), not here.
    static PlanImpact *forSession(ClusterSession *session, QObject *parent = nullptr);
    // Whether a compute() now would answer without starting watches of its own (the data is
    // already live or offline).
    bool dataRunning() const;

    void compute(const kube::tenancy::Plan &plan);
    void clear();

    ImpactTableModel *model() const { return m_model; }
    State state() const { return m_state; }
    // One line for the tab: "3 subjects gain or lose permissions", "No permission changes",
    // why it is unavailable, "Waiting for the cluster's RBAC…".
    QString summary() const { return m_summary; }
    // The impact as text (PermissionDiff::toText), for copying.
    QString text() const { return m_text; }

signals:
    void ready();  // state() left Waiting/Computing

private:
    void start();
    void setState(State state, const QString &summary);

    QPointer<PermissionSource> m_source;
    QPointer<ClusterSession> m_session;  // forSession: where m_source comes from, on first use
    bool m_kubesphere = false;
    ImpactTableModel *m_model;
    std::optional<kube::tenancy::Plan> m_plan;
    State m_state = State::Idle;
    QString m_summary, m_text;
    int m_generation = 0;
    QMetaObject::Connection m_waiting;
};
