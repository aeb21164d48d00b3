// Runs one tenancy operation for a dialog: plan it (the Planner reads the cluster, so on a
// worker), show the plan, dry-run it on the server, apply it after confirmation, all through
// kubeclient's PlanExecutor. Results and server errors come back as signals; the dialog keeps
// what the user typed.
#pragma once

#include "kubeclient/tenancy/plan/plan.h"
#include "kubeclient/tenancy/plan/plandiff.h"
#include "kubeclient/tenancy/plan/planner.h"

#include "models/changehistory.h"

#include <QObject>
#include <QPointer>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

#include "models/clustersession.h"

class PlanRunner final : public QObject
{
    Q_OBJECT
public:
    using Operation = std::function<kube::Result<kube::tenancy::Plan>(kube::tenancy::Planner &)>;

    explicit PlanRunner(ClusterSession *session, QObject *parent = nullptr);

    ClusterSession *session() const { return m_session; }
    bool busy() const { return m_busy; }
    bool hasPlan() const { return m_plan.has_value(); }
    const kube::tenancy::Plan *plan() const { return m_plan ? &*m_plan : nullptr; }
    // What an applied plan is to the cluster's history: a change (default), or the undo / redo
    // of its current entry.
    void setHistoryRole(ChangeHistory::Role role) { m_role = role; }

    // Plans op against the cluster's current state; planned() or failed() follows.
    void preview(Operation op);
    // Runs the last plan; executed() follows. force takes over fields another manager owns
    // (offered after a conflict).
    void execute(bool dryRun, bool force = false);
    void forget();
    // Stops a running preview or execution: the request in flight is cancelled, later writes
    // are not sent (executed() reports what was done).
    void cancel();
    // Writes finished so far of the running execution (polled by the dialog's progress line).
    int writesDone() const { return m_done ? m_done->load() : 0; }

signals:
    void busyChanged(bool busy);
    void planned(const QString &yaml, const QString &summary);
    void failed(const QString &message, const QString &hint);
    // Emitted before failed() when the planner refused a field of the form (an Invalid error
    // naming it, e.g. "email"): a dialog shows the message at that field.
    void invalidField(const QString &field, const QString &message);
    // ok: every write succeeded. conflict: a server-side apply conflict that force can resolve.
    // notChecked: dry-run writes into objects the same plan creates, which the server could not
    // check before they exist (they are not failures, but they were not accepted either).
    void executed(bool dryRun, bool ok, const QString &report, const QString &error, bool conflict, int notChecked);
    // The field-level diff of the plan against the live objects (after planned; again, exact,
    // after a dry run), as kube::tenancy::diffPlanText renders it.
    void diffReady(const QString &text, bool exact);
    // The plan's RBAC writes that kube-apiserver is expected to refuse as privilege escalation
    // for this identity (its own rules from SelfSubjectRulesReview); empty text: none.
    void escalationReady(const QString &text);

private:
    void setBusy(bool busy);
    void readLive();
    void checkEscalation();
    void computeDiff(const kube::tenancy::PlanReport *dryRun);

    QPointer<ClusterSession> m_session;
    std::optional<kube::tenancy::Plan> m_plan;
    kube::CancelTokenPtr m_cancel;
    std::shared_ptr<std::atomic<int>> m_done;
    bool m_busy = false;
    int m_generation = 0;
    ChangeHistory::Role m_role = ChangeHistory::Role::Change;
    // The live targets of the current plan, read once after planning.
    std::shared_ptr<const std::vector<kube::tenancy::LiveTarget>> m_live;
    int m_diffGeneration = 0;
};
