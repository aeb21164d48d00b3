// The parts of plan execution that need no server: which earlier write a dry-run NotFound
// depends on, and how a report reads (not checked, failures in the server's words).
#include "kubeclient/tenancy/plan/plan.h"
#include "kubeclient/kubesphere/tenancyapi.h"

#include <QtTest>

using namespace kube;
using namespace kube::tenancy;

namespace {
Error apiError(StatusReason reason, int code, const std::string &message)
{
    ApiStatus status;
    status.reason = reason;
    status.code = code;
    status.message = message;
    return Error::api(status, "apply");
}

PlannedWrite write(WriteAction action, const GroupVersionResource &gvr, std::string ns, std::string name)
{
    PlannedWrite w;
    w.action = action;
    w.gvr = gvr;
    w.ns = std::move(ns);
    w.name = std::move(name);
    return w;
}

// create namespace p; a role in p; a patch of user u after its apply; a role in q.
Plan samplePlan()
{
    const TenancyApi api = TenancyApi::forFlavor(ApiFlavor::V4);
    Plan plan;
    plan.title = "sample";
    plan.writes = {write(WriteAction::Apply, TenancyApi::namespaces, "", "p"),
                   write(WriteAction::Apply, api.projectRole, "p", "admin"),
                   write(WriteAction::Apply, api.user, "", "u"),
                   write(WriteAction::MergePatch, api.user, "", "u"),
                   write(WriteAction::Apply, api.projectRole, "q", "admin")};
    return plan;
}
} // namespace

class tst_PlanExecutor : public QObject
{
    Q_OBJECT
private slots:
    void notFoundAfterTheNamespaceIsCreatedDependsOnIt();
    void otherFailuresDependOnNothing();
    void reportSaysWhatWasNotChecked();
};

void tst_PlanExecutor::notFoundAfterTheNamespaceIsCreatedDependsOnIt()
{
    const Plan plan = samplePlan();
    const Error notFound = apiError(StatusReason::NotFound, 404, "namespaces \"p\" not found");
    // A write inside the namespace the plan creates first
    QCOMPARE(PlanExecutor::dependsOnEarlierWrite(plan, 1, notFound), std::optional<size_t>(0));
    // A patch of an object the plan applies first
    QCOMPARE(PlanExecutor::dependsOnEarlierWrite(plan, 3, notFound), std::optional<size_t>(2));
}

void tst_PlanExecutor::otherFailuresDependOnNothing()
{
    const Plan plan = samplePlan();
    // A namespace the plan does not create
    QVERIFY(!PlanExecutor::dependsOnEarlierWrite(plan, 4, apiError(StatusReason::NotFound, 404, "not found")));
    // A refusal is a refusal, whatever came before
    QVERIFY(!PlanExecutor::dependsOnEarlierWrite(plan, 1, apiError(StatusReason::Forbidden, 403, "forbidden")));
    // The first write depends on nothing
    QVERIFY(!PlanExecutor::dependsOnEarlierWrite(plan, 0, apiError(StatusReason::NotFound, 404, "not found")));
}

void tst_PlanExecutor::reportSaysWhatWasNotChecked()
{
    const Plan plan = samplePlan();
    PlanReport report;
    report.dryRun = true;
    report.results.resize(2);
    report.results[0].index = 0;
    report.results[0].outcome = WriteOutcome::Applied;
    report.results[1].index = 1;
    report.results[1].outcome = WriteOutcome::NotChecked;
    report.results[1].dependsOn = 0;
    report.nextIndex = 2;
    // Not checked is not a failure
    QVERIFY(report.complete());
    QVERIFY(report.failureMessage().empty());
    QVERIFY2(report.summary(plan).find("not checked (it needs write 1, apply v1 Namespace p, to exist first)")
                 != std::string::npos,
             report.summary(plan).c_str());
    // A failure reads in the server's words, then where
    report.results[1].outcome = WriteOutcome::Failed;
    report.results[1].dependsOn.reset();
    report.results[1].error = apiError(StatusReason::Forbidden, 403, "roles is forbidden: user \"b\" cannot create");
    QVERIFY(!report.complete());
    QCOMPARE(QString::fromStdString(report.failureMessage()),
             QStringLiteral("roles is forbidden: user \"b\" cannot create (apply)"));
}

QTEST_GUILESS_MAIN(tst_PlanExecutor)
#include "tst_planexecutor.moc"
