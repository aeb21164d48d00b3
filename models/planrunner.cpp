// PlanRunner: the Planner and the PlanExecutor both talk to the API server, so both run on
// the worker pool; a newer preview makes late answers of an older one irrelevant. Execution
// itself (dry runs of writes into namespaces the plan creates included) is kubeclient's
// PlanExecutor, the same path tenantryctl takes; this class only adds threads and signals.
#include "models/planrunner.h"

#include "models/asynctask.h"
#include "models/clustersession.h"
#include "models/modelslogging.h"

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
    m_plan.reset();
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
    m_plan.reset();
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
            emit failed(QString::fromStdString(plan.error().message.empty() ? plan.error().describe() : plan.error().message),
                        QString::fromStdString(plan.error().hint));
            return;
        }
        m_plan = std::move(*plan);
        emit planned(QString::fromStdString(m_plan->yaml()), QString::fromStdString(m_plan->summary()));
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
    AsyncTask::run(this, [client, plan, dryRun, force, cancel, done] {
        ExecuteOptions options;
        options.dryRun = dryRun;
        options.force = force;
        options.cancel = cancel;
        // Counted, not posted: the dialog polls the number, so no callback outlives it.
        options.progress = [done](size_t, const WriteResult &) { ++*done; };
        return PlanExecutor(*client).run(plan, options);
    }, [this, generation, plan, dryRun](PlanReport report) {
        if (generation != m_generation)
            return;
        setBusy(false);
        const auto error = report.firstError();
        const bool conflict = error && error->isApi(StatusReason::Conflict);
        if (error)
            qCInfo(lcPlan) << "write failed:" << QString::fromStdString(error->describe());
        const QString message = QString::fromStdString(report.failureMessage());
        const auto notChecked = std::count_if(report.results.begin(), report.results.end(), [](const WriteResult &r) {
            return r.outcome == WriteOutcome::NotChecked;
        });
        emit executed(dryRun, report.complete() && !error, QString::fromStdString(report.summary(plan)), message, conflict,
                      int(notChecked));
    });
}
