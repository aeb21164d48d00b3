// PlanRunner: the Planner and the PlanExecutor both talk to the API server, so both run on
// the worker pool; a newer preview makes late answers of an older one irrelevant. Execution
// itself (dry runs of writes into namespaces the plan creates included) is kubeclient's
// PlanExecutor, the same path tenantryctl takes; this class only adds threads and signals.
#include "models/planrunner.h"

#include "models/asynctask.h"
#include "models/clustersession.h"
#include "models/modelslogging.h"

#include "kubeclient/journal/journal.h"
#include "kubeclient/tenancy/plan/clientplanreader.h"
#include "kubeclient/tenancy/plan/planescalation.h"

#include <algorithm>

using namespace kube;
using namespace kube::tenancy;

PlanRunner::PlanRunner(ClusterSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
}

void PlanRunner::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

void PlanRunner::forget()
{
    ++m_generation;
    ++m_diffGeneration;
    m_plan.reset();
    m_live.reset();
    setBusy(false);
}

void PlanRunner::cancel()
{
    if (m_cancel)
        m_cancel->cancel();
}

void PlanRunner::preview(Operation op)
{
    const int generation = ++m_generation;
    ++m_diffGeneration;
    m_plan.reset();
    m_live.reset();
    auto client = m_session ? m_session->client() : nullptr;
    if (!client) {
        emit failed(tr("Not connected to the cluster."), {});
        return;
    }
    setBusy(true);
    const ClusterTenancy tenancy = m_session->tenancy();
    const std::string actor = m_session->identity().toStdString();
    AsyncTask::run(this, [client, tenancy, actor, op] {
        Planner planner(*client, tenancy, actor);
        return op(planner);
    }, [this, generation](Result<Plan> plan) {
        if (generation != m_generation)
            return;
        setBusy(false);
        if (!plan) {
            qCInfo(lcPlan) << "planning failed:" << QString::fromStdString(plan.error().describe());
            if (plan.error().kind == ErrorKind::Invalid && !plan.error().where.empty())
                emit invalidField(QString::fromStdString(plan.error().where), QString::fromStdString(plan.error().message));
            emit failed(QString::fromStdString(plan.error().message.empty() ? plan.error().describe() : plan.error().message),
                        QString::fromStdString(plan.error().hint));
            return;
        }
        m_plan = std::move(*plan);
        emit planned(QString::fromStdString(m_plan->yaml()), QString::fromStdString(m_plan->summary()));
        readLive();
        checkEscalation();
    });
}

void PlanRunner::readLive()
{
    auto client = m_session ? m_session->client() : nullptr;
    if (!client || !m_plan)
        return;
    const int generation = ++m_diffGeneration;
    const Plan plan = *m_plan;
    struct Out {
        std::shared_ptr<const std::vector<LiveTarget>> live;
        std::vector<WriteDiff> diff;
    };
    AsyncTask::run(this, [client, plan] {
        ClientPlanReader reader(*client);
        Out out;
        out.live = std::make_shared<const std::vector<LiveTarget>>(readTargets(reader, plan));
        out.diff = diffPlan(plan, *out.live);
        return out;
    }, [this, generation](Out out) {
        if (generation != m_diffGeneration)
            return;
        m_live = std::move(out.live);
        emit diffReady(QString::fromStdString(diffPlanText(out.diff)), false);
    });
}

void PlanRunner::checkEscalation()
{
    auto client = m_session ? m_session->client() : nullptr;
    if (!client || !m_plan)
        return;
    // Only plans that write RBAC roles or bindings can be refused as escalation.
    bool rbacWrites = false;
    for (const auto &w : m_plan->writes)
        rbacWrites = rbacWrites || (w.action == WriteAction::Apply && w.gvr.group == "rbac.authorization.k8s.io");
    if (!rbacWrites)
        return;
    const int generation = m_generation;
    const Plan plan = *m_plan;
    const rbac::Identity me = m_session->rbacIdentity();
    AsyncTask::run(this, [client, plan, me]() -> std::string {
        auto rules = writerRulesData(*client, me, escalationNamespaces(plan));
        if (!rules)
            return {};  // a check that could not run warns about nothing; the server still decides
        return checkPlanEscalation(plan, me, rules->data).explain();
    }, [this, generation](std::string text) {
        if (generation != m_generation)
            return;
        emit escalationReady(QString::fromStdString(text));
    });
}

void PlanRunner::computeDiff(const PlanReport *dryRun)
{
    if (!m_live || !m_plan)
        return;
    const int generation = ++m_diffGeneration;
    const Plan plan = *m_plan;
    auto live = m_live;
    std::optional<PlanReport> report;
    if (dryRun)
        report = *dryRun;
    AsyncTask::run(this, [plan, live, report] {
        return diffPlan(plan, *live, report ? &*report : nullptr);
    }, [this, generation, exact = dryRun != nullptr](std::vector<WriteDiff> diff) {
        if (generation != m_diffGeneration)
            return;
        emit diffReady(QString::fromStdString(diffPlanText(diff)), exact);
    });
}

void PlanRunner::execute(bool dryRun, bool force)
{
    auto client = m_session ? m_session->client() : nullptr;
    if (!m_plan || !client) {
        emit failed(client ? tr("There is no plan to run.") : tr("Not connected to the cluster."), {});
        return;
    }
    const int generation = ++m_generation;
    setBusy(true);
    const Plan plan = *m_plan;
    qCInfo(lcPlan) << (dryRun ? "dry-running" : "applying") << QString::fromStdString(plan.title)
                   << plan.writes.size() << "writes";
    m_cancel = std::make_shared<CancelToken>();
    m_done = std::make_shared<std::atomic<int>>(0);
    auto cancel = m_cancel;
    auto done = m_done;
    // Tenantry's journal: who wrote where, recorded by the same kubeclient call tenantryctl makes.
    kube::journal::JournalContext journalContext;
    if (m_session) {
        journalContext.cluster = m_session->status().server.toStdString();
        journalContext.context = (m_session->spec().context.isEmpty() ? m_session->id() : m_session->spec().context).toStdString();
        journalContext.username = m_session->identity().toStdString();
        for (const QString &g : m_session->identityGroups())
            journalContext.groups.push_back(g.toStdString());
    }
    AsyncTask::run(this, [client, plan, dryRun, force, cancel, done, journalContext] {
        ExecuteOptions options;
        options.dryRun = dryRun;
        options.force = force;
        options.cancel = cancel;
        // Applied writes keep what they replaced: Edit → Undo plans from it.
        options.captureBefore = !dryRun;
        // Counted, not posted: the dialog polls the number, so no callback outlives it.
        options.progress = [done](size_t, const WriteResult &) { ++*done; };
        PlanReport report = PlanExecutor(*client).run(plan, options);
        // A journal that cannot be written does not undo the writes; it is logged, never fatal.
        if (auto recorded = kube::journal::record(journalContext, plan, report, dryRun); !recorded)
            qCWarning(lcPlan) << "journal not written:" << QString::fromStdString(recorded.error().describe());
        return report;
    }, [this, generation, plan, dryRun](PlanReport report) {
        if (generation != m_generation)
            return;
        setBusy(false);
        const auto error = report.firstError();
        // Only a field-manager conflict can be resolved by forcing; a stale resourceVersion (an
        // undo of an object someone changed since) cannot, and must not be offered.
        bool conflict = false;
        if (error && error->isApi(StatusReason::Conflict))
            for (const auto &cause : error->status->causes)
                conflict = conflict || cause.type == "FieldManagerConflict";
        if (error)
            qCInfo(lcPlan) << "write failed:" << QString::fromStdString(error->describe());
        QString message = QString::fromStdString(report.failureMessage());
        if (error && error->isApi(StatusReason::Conflict) && !conflict && m_role != ChangeHistory::Role::Change)
            message += tr("\nThe object changed after the change was applied (someone edited it since), so the undo "
                          "does not overwrite it. Look at it as it is now and edit it instead.");
        if (!dryRun && m_session)
            m_session->history()->record(m_role, plan, report);
        if (dryRun)
            computeDiff(&report);
        const auto notChecked = std::count_if(report.results.begin(), report.results.end(), [](const WriteResult &r) {
            return r.outcome == WriteOutcome::NotChecked;
        });
        emit executed(dryRun, report.complete() && !error, QString::fromStdString(report.summary(plan)), message, conflict,
                      int(notChecked));
    });
}
