// Quota and container-default plans, their validation and the workspace budget check, against
// the in-memory fixture cluster (KubeSphere 4.x, both modes) with quotas added: the exact writes,
// the field each bad input is blamed on, and the budget numbers the warnings carry.
#include "plannerfixture.h"

#include "kubeclient/core/yamlconvert.h"
#include "kubeclient/tenancy/graph/graphkind.h"
#include "kubeclient/tenancy/graph/quotabudget.h"
#include "kubeclient/tenancy/graph/tenancygraph.h"
#include "kubeclient/tenancy/plan/quotaplans.h"

#include <QtTest>

using namespace kube;
using namespace kube::tenancy;
using nlohmann::json;

namespace {

// ws1 has a workspace quota (limits.cpu 10, pods 20); proj1 (quota proj1: limits.cpu 6, pods 10
// of which 12 are used) and proj3 (quota "compute": limits.cpu 3) are its projects.
const char *kQuotas = R"(
apiVersion: v1
kind: Namespace
metadata: {name: proj3, labels: {kubesphere.io/workspace: ws1}}
---
apiVersion: quota.kubesphere.io/v1alpha2
kind: ResourceQuota
metadata: {name: ws1, labels: {kubesphere.io/workspace: ws1}}
spec:
  selector: {kubesphere.io/workspace: ws1}
  quota: {hard: {limits.cpu: "10", pods: "20"}}
---
apiVersion: v1
kind: ResourceQuota
metadata: {name: proj1, namespace: proj1}
spec: {hard: {limits.cpu: "6", pods: "10"}}
status: {hard: {limits.cpu: "6", pods: "10"}, used: {limits.cpu: "2", pods: "12"}}
---
apiVersion: v1
kind: ResourceQuota
metadata: {name: compute, namespace: proj3}
spec: {hard: {limits.cpu: "3"}}
status: {used: {limits.cpu: 500m}}
---
apiVersion: v1
kind: LimitRange
metadata: {name: proj1, namespace: proj1}
spec:
  limits:
  - type: Container
    default: {cpu: 500m, memory: 512Mi}
    defaultRequest: {cpu: 100m}
    max: {cpu: "2"}
  - type: PersistentVolumeClaim
    max: {storage: 10Gi}
)";

MemoryPlanReader cluster(Mode mode, bool withQuotas = true, bool served = true)
{
    MemoryPlanReader reader = plannerfixture::load(ApiFlavor::V4, mode);
    if (served)
        reader.addSubresource(TenancyApi::forFlavor(ApiFlavor::V4).workspaceQuota, "status");
    if (withQuotas) {
        auto extra = MemoryPlanReader::fromYaml(kQuotas, "quotas");
        if (!extra)
            qFatal("%s", extra.error().describe().c_str());
        for (const auto &o : extra->objects())
            reader.put(o);
    }
    return reader;
}

Planner planner(MemoryPlanReader &reader, Mode mode)
{
    return Planner(reader, plannerfixture::tenancy(ApiFlavor::V4, mode), "admin");
}

QuotaSpec quota(QuotaLevel level, std::string target, std::vector<QuotaEntry> set)
{
    QuotaSpec s;
    s.level = level;
    s.target = std::move(target);
    s.set = std::move(set);
    return s;
}

std::string joined(const std::vector<std::string> &lines)
{
    std::string out;
    for (const auto &l : lines)
        out += l + "\n";
    return out;
}

} // namespace

class tst_QuotaPlans : public QObject
{
    Q_OBJECT
private slots:
    void newWorkspaceQuotaIsWhatTheConsoleWrites_data();
    void newWorkspaceQuotaIsWhatTheConsoleWrites();
    void workspaceQuotaNeedsItsKind();
    void projectQuotaMergesTheNamedKeys();
    void projectQuotaOverBudgetWarnsWithTheNumbers();
    void quotaOfAnotherNameIsEdited();
    void newProjectQuotaIsNamedAfterTheProject();
    void loweringUnderUsageWarns();
    void removeKeysAndObjects();
    void unchangedQuotaWritesNothing();
    void replaceRemovesKeysNotGiven();
    void badQuotaInputNamesTheField_data();
    void badQuotaInputNamesTheField();
    void quotaRulesAcceptTheServersNames_data();
    void quotaRulesAcceptTheServersNames();
    void limitRules_data();
    void limitRules();
    void newLimitRange();
    void limitsMergeIntoTheExistingItem();
    void mergedLimitsAreCheckedWhole();
    void podLimitsAndRemoval();
    void budgetArithmetic();
    void budgetFromGraphSnapshot();
    void repairReportsBrokenWorkspaceQuotas();
};

void tst_QuotaPlans::newWorkspaceQuotaIsWhatTheConsoleWrites_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("kubesphere") << int(Mode::KubeSphere);
    QTest::newRow("standalone") << int(Mode::Standalone);
}

void tst_QuotaPlans::newWorkspaceQuotaIsWhatTheConsoleWrites()
{
    // Given ws1 without a workspace quota
    QFETCH(int, mode);
    auto reader = cluster(Mode(mode), false);
    auto p = planner(reader, Mode(mode));
    // When a quota is set
    auto plan = p.setQuota(quota(QuotaLevel::Workspace, "ws1", {{"limits.cpu", "20"}, {"limits.memory", "40960Mi"}, {"pods", "200"}}));
    QVERIFY2(plan, plan ? "" : plan.error().describe().c_str());
    // Then it is exactly spec section 15's object (quantities in the server's canonical form)
    QCOMPARE(plan->writes.size(), size_t(1));
    const auto &w = plan->writes[0];
    QCOMPARE(int(w.action), int(WriteAction::Apply));
    QCOMPARE(w.gvr.group, std::string("quota.kubesphere.io"));
    const json expected = json::parse(R"({"apiVersion":"quota.kubesphere.io/v1alpha2","kind":"ResourceQuota",
        "metadata":{"name":"ws1","labels":{"kubesphere.io/workspace":"ws1"}},
        "spec":{"selector":{"kubesphere.io/workspace":"ws1"},
                "quota":{"hard":{"limits.cpu":"20","limits.memory":"40Gi","pods":"200"}}}})");
    QCOMPARE(w.object.dump(), expected.dump());
    // And standalone mode says that nothing enforces it; KubeSphere mode says nothing more
    const bool noted = joined(plan->notes).find("nothing in kube-apiserver enforces the workspace quota") != std::string::npos;
    QCOMPARE(noted, Mode(mode) == Mode::Standalone);
    QVERIFY(plan->warnings.empty());
}

void tst_QuotaPlans::workspaceQuotaNeedsItsKind()
{
    auto reader = cluster(Mode::Standalone, false, false);
    auto p = planner(reader, Mode::Standalone);
    auto plan = p.setQuota(quota(QuotaLevel::Workspace, "ws1", {{"pods", "5"}}));
    QVERIFY(!plan);
    QVERIFY(plan.error().message.find("not served") != std::string::npos);
    QVERIFY(plan.error().hint.find("tenantryctl install") != std::string::npos);
}

void tst_QuotaPlans::projectQuotaMergesTheNamedKeys()
{
    auto reader = cluster(Mode::KubeSphere);
    auto p = planner(reader, Mode::KubeSphere);
    auto plan = p.setQuota(quota(QuotaLevel::Project, "proj1", {{"limits.memory", "8Gi"}}));
    QVERIFY2(plan, plan ? "" : plan.error().describe().c_str());
    QCOMPARE(plan->writes.size(), size_t(1));
    const auto &w = plan->writes[0];
    QCOMPARE(int(w.action), int(WriteAction::MergePatch));
    QCOMPARE(w.ns, std::string("proj1"));
    QCOMPARE(w.name, std::string("proj1"));
    // pods and limits.cpu are not named: they are not in the patch, so they stay
    QCOMPARE(w.object.dump(), std::string(R"({"spec":{"hard":{"limits.memory":"8Gi"}}})"));
    reader.applyPlan(*plan);
    auto after = reader.fetch(TenancyApi::resourceQuota, "proj1", "proj1");
    QCOMPARE((**after)["spec"]["hard"].dump(), std::string(R"({"limits.cpu":"6","limits.memory":"8Gi","pods":"10"})"));
}

void tst_QuotaPlans::projectQuotaOverBudgetWarnsWithTheNumbers()
{
    // Given the projects' limits.cpu totals 6 + 3 = 9 of the workspace's 10
    auto reader = cluster(Mode::Standalone);
    auto p = planner(reader, Mode::Standalone);
    // When proj1 asks for 8
    auto plan = p.setQuota(quota(QuotaLevel::Project, "proj1", {{"limits.cpu", "8"}}));
    QVERIFY2(plan, plan ? "" : plan.error().describe().c_str());
    // Then the plan is made and warns with the numbers: 11 = proj1 8 + proj3 3 > 10, by 1
    QCOMPARE(plan->writes.size(), size_t(1));
    const std::string w = joined(plan->warnings);
    QVERIFY2(w.find("workspace ws1 over budget: the projects' limits.cpu quotas total 11 (proj1 8, proj3 3), more "
                    "than the workspace quota's 10 (by 1)")
                 != std::string::npos,
             w.c_str());
    QVERIFY(plan->yaml().find("# warning: workspace ws1 over budget") != std::string::npos);
    QVERIFY(plan->summary().find("  warning: workspace ws1 over budget") != std::string::npos);
    // And within budget there is no warning
    auto fits = p.setQuota(quota(QuotaLevel::Project, "proj1", {{"limits.cpu", "7"}}));
    QVERIFY(fits);
    QVERIFY2(fits->warnings.empty(), joined(fits->warnings).c_str());
}

void tst_QuotaPlans::quotaOfAnotherNameIsEdited()
{
    auto reader = cluster(Mode::KubeSphere);
    auto p = planner(reader, Mode::KubeSphere);
    auto plan = p.setQuota(quota(QuotaLevel::Project, "proj3", {{"pods", "4"}}));
    QVERIFY(plan);
    QCOMPARE(plan->writes.size(), size_t(1));
    QCOMPARE(plan->writes[0].name, std::string("compute"));
    QVERIFY(joined(plan->notes).find("quota compute is edited instead") != std::string::npos);
}

void tst_QuotaPlans::newProjectQuotaIsNamedAfterTheProject()
{
    auto reader = cluster(Mode::KubeSphere);
    auto p = planner(reader, Mode::KubeSphere);
    auto plan = p.setQuota(quota(QuotaLevel::Project, "proj2", {{"requests.cpu", "1.5"}, {"count/deployments.apps", "5"}}));
    QVERIFY(plan);
    QCOMPARE(plan->writes.size(), size_t(1));
    QCOMPARE(plan->writes[0].object.dump(),
             std::string(R"({"apiVersion":"v1","kind":"ResourceQuota","metadata":{"name":"proj2","namespace":"proj2"},)"
                         R"("spec":{"hard":{"count/deployments.apps":"5","requests.cpu":"1500m"}}})"));
    // proj2 is in no workspace: there is no budget to check
    QVERIFY(plan->warnings.empty());
}

void tst_QuotaPlans::loweringUnderUsageWarns()
{
    auto reader = cluster(Mode::KubeSphere);
    auto p = planner(reader, Mode::KubeSphere);
    auto plan = p.setQuota(quota(QuotaLevel::Project, "proj1", {{"limits.cpu", "1"}}));
    QVERIFY(plan);
    const std::string w = joined(plan->warnings);
    QVERIFY2(w.find("project proj1 quota would be over-used: limits.cpu used 2 > new hard 1") != std::string::npos, w.c_str());
    // pods is over-used already (12 > 10) but this plan does not touch it
    QVERIFY2(w.find("pods used") == std::string::npos, w.c_str());
}

void tst_QuotaPlans::removeKeysAndObjects()
{
    auto reader = cluster(Mode::KubeSphere);
    auto p = planner(reader, Mode::KubeSphere);
    auto keys = p.removeQuota(QuotaLevel::Project, "proj1", {"pods"});
    QVERIFY(keys);
    QCOMPARE(keys->writes.size(), size_t(1));
    QCOMPARE(keys->writes[0].object.dump(), std::string(R"({"spec":{"hard":{"pods":null}}})"));

    auto absent = p.removeQuota(QuotaLevel::Project, "proj1", {"services"});
    QVERIFY(!absent);
    QCOMPARE(absent.error().where, std::string("hard[services]"));

    auto whole = p.removeQuota(QuotaLevel::Workspace, "ws1");
    QVERIFY(whole);
    QCOMPARE(whole->writes.size(), size_t(1));
    QCOMPARE(int(whole->writes[0].action), int(WriteAction::Delete));
    QCOMPARE(whole->writes[0].name, std::string("ws1"));
    QVERIFY(whole->writes[0].ns.empty());

    auto none = p.removeQuota(QuotaLevel::Project, "proj2");
    QVERIFY(!none);
    QVERIFY(none.error().message.find("has no quota") != std::string::npos);
}

void tst_QuotaPlans::unchangedQuotaWritesNothing()
{
    auto reader = cluster(Mode::KubeSphere);
    auto p = planner(reader, Mode::KubeSphere);
    // "6000m" is the same quantity as "6"
    auto plan = p.setQuota(quota(QuotaLevel::Project, "proj1", {{"limits.cpu", "6000m"}}));
    QVERIFY(plan);
    QVERIFY(plan->empty());
}

void tst_QuotaPlans::replaceRemovesKeysNotGiven()
{
    auto reader = cluster(Mode::KubeSphere);
    auto p = planner(reader, Mode::KubeSphere);
    QuotaSpec s = quota(QuotaLevel::Workspace, "ws1", {{"limits.cpu", "10"}, {"services", "5"}});
    s.replace = true;
    auto plan = p.setQuota(s);
    QVERIFY(plan);
    QCOMPARE(plan->writes.size(), size_t(1));
    QCOMPARE(plan->writes[0].object.dump(), std::string(R"({"spec":{"quota":{"hard":{"pods":null,"services":"5"}}}})"));
}

void tst_QuotaPlans::badQuotaInputNamesTheField_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    QTest::newRow("not a quantity") << "limits.cpu" << "lots" << "hard[limits.cpu]" << "hard[limits.cpu]: \"lots\" is not a quantity";
    QTest::newRow("negative") << "requests.memory" << "-1" << "hard[requests.memory]"
                              << "hard[requests.memory]: \"-1\" must be greater than or equal to 0";
    QTest::newRow("fraction of pods") << "pods" << "1.5" << "hard[pods]" << "hard[pods]: \"1.5\" must be an integer";
    QTest::newRow("fraction of objects") << "count/jobs.batch" << "500m" << "hard[count/jobs.batch]" << "must be an integer";
    QTest::newRow("unknown resource") << "gpus" << "1" << "hard[gpus]" << "must be a standard resource for quota";
    QTest::newRow("bad name") << "-cpu/x" << "1" << "hard[-cpu/x]" << "prefix part must be a lowercase RFC 1123 subdomain";
    QTest::newRow("empty value") << "pods" << "" << "hard[pods]" << "a quantity is required";
    QTest::newRow("spaces inside") << "pods" << "1 0" << "hard[pods]" << "is not a quantity";
}

void tst_QuotaPlans::badQuotaInputNamesTheField()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, field);
    QFETCH(QString, message);
    auto reader = cluster(Mode::Standalone);
    const size_t before = reader.size();
    auto p = planner(reader, Mode::Standalone);
    auto plan = p.setQuota(quota(QuotaLevel::Project, "proj1", {{"services", "3"}, {key.toStdString(), value.toStdString()}}));
    QVERIFY(!plan);
    QCOMPARE(plan.error().kind, ErrorKind::Invalid);
    QCOMPARE(QString::fromStdString(plan.error().where), field);
    QVERIFY2(plan.error().message.find(message.toStdString()) != std::string::npos, plan.error().message.c_str());
    QCOMPARE(reader.size(), before);
}

void tst_QuotaPlans::quotaRulesAcceptTheServersNames_data()
{
    QTest::addColumn<QString>("key");
    for (const char *k : {"cpu", "memory", "requests.cpu", "limits.memory", "requests.storage", "pods", "services",
                          "persistentvolumeclaims", "services.loadbalancers", "count/deployments.apps", "count/pods",
                          "requests.nvidia.com/gpu", "gold.storageclass.storage.k8s.io/requests.storage",
                          "hugepages-2Mi", "requests.hugepages-1Gi"})
        QTest::newRow(k) << QString::fromLatin1(k);
}

void tst_QuotaPlans::quotaRulesAcceptTheServersNames()
{
    QFETCH(QString, key);
    QCOMPARE(QString::fromStdString(QuotaRules::quotaKeyProblem(key.toStdString())), QString());
    for (const auto &common : QuotaRules::commonQuotaResources())
        QCOMPARE(QString::fromStdString(QuotaRules::quotaKeyProblem(common)), QString());
}

void tst_QuotaPlans::limitRules_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QStringList>("row");  // resource, default, defaultRequest, min, max
    QTest::addColumn<QString>("problem");  // "" = valid
    QTest::newRow("ok") << "Container" << QStringList{"cpu", "500m", "100m", "50m", "2"} << "";
    QTest::newRow("equal everywhere") << "Container" << QStringList{"memory", "1Gi", "1024Mi", "1Gi", "1Gi"} << "";
    QTest::newRow("min > max") << "Container" << QStringList{"cpu", "", "", "2", "1"}
                               << "min[cpu]: min value 2 is greater than max value 1";
    QTest::newRow("min > request") << "Container" << QStringList{"cpu", "", "100m", "200m", ""}
                                   << "defaultRequest[cpu]: min value 200m is greater than default request value 100m";
    QTest::newRow("request > max") << "Container" << QStringList{"cpu", "", "3", "", "2"}
                                   << "defaultRequest[cpu]: default request value 3 is greater than max value 2";
    QTest::newRow("request > default") << "Container" << QStringList{"memory", "256Mi", "512Mi", "", ""}
                                       << "defaultRequest[memory]: default request value 512Mi is greater than default limit value 256Mi";
    QTest::newRow("min > default") << "Container" << QStringList{"cpu", "100m", "", "200m", ""}
                                   << "default[cpu]: min value 200m is greater than default value 100m";
    QTest::newRow("default > max") << "Container" << QStringList{"cpu", "4", "", "", "2"}
                                   << "default[cpu]: default value 4 is greater than max value 2";
    QTest::newRow("not a quantity") << "Container" << QStringList{"cpu", "lots", "", "", ""}
                                    << "default[cpu]: \"lots\" is not a quantity";
    QTest::newRow("negative") << "Container" << QStringList{"memory", "", "", "-1", ""}
                              << "min[memory]: \"-1\" must be greater than or equal to 0";
    QTest::newRow("not a container resource") << "Container" << QStringList{"pods", "1", "", "", ""}
                                              << "must be a standard resource for containers";
    QTest::newRow("extended ok") << "Container" << QStringList{"example.com/dongle", "1", "1", "", ""} << "";
    QTest::newRow("extended no overcommit") << "Container" << QStringList{"example.com/dongle", "2", "1", "", ""}
                                            << "default value 2 must equal to defaultRequest value 1 in example.com/dongle";
    QTest::newRow("pod default") << "Pod" << QStringList{"cpu", "1", "", "", ""} << "default[cpu]: may not be specified when type is Pod";
    QTest::newRow("pod min max") << "Pod" << QStringList{"cpu", "", "", "100m", "4"} << "";
    QTest::newRow("nothing given") << "Container" << QStringList{"cpu", "", "", "", ""} << "no figure given";
    QTest::newRow("bad type") << "PersistentVolumeClaim" << QStringList{"storage", "", "", "", "1Gi"} << "must be Container or Pod";
}

void tst_QuotaPlans::limitRules()
{
    QFETCH(QString, type);
    QFETCH(QStringList, row);
    QFETCH(QString, problem);
    const LimitEntry e{row[0].toStdString(), row[1].toStdString(), row[2].toStdString(), row[3].toStdString(),
                       row[4].toStdString()};
    const auto problems = QuotaRules::checkLimits(type.toStdString(), {e});
    if (problem.isEmpty()) {
        QVERIFY2(problems.empty(), problems.empty() ? "" : problems.front().message.c_str());
        return;
    }
    QVERIFY(!problems.empty());
    QVERIFY2(problems.front().message.find(problem.toStdString()) != std::string::npos, problems.front().message.c_str());
    QCOMPARE(problems.front().row, size_t(0));
}

void tst_QuotaPlans::newLimitRange()
{
    auto reader = cluster(Mode::KubeSphere);
    auto p = planner(reader, Mode::KubeSphere);
    LimitsSpec s;
    s.project = "proj3";
    s.entries = {{"cpu", "500m", "10m", "", ""}, {"memory", "500Mi", "10Mi", "", ""}};
    auto plan = p.setLimits(s);
    QVERIFY2(plan, plan ? "" : plan.error().describe().c_str());
    QCOMPARE(plan->writes.size(), size_t(1));
    QCOMPARE(plan->writes[0].object.dump(),
             std::string(R"({"apiVersion":"v1","kind":"LimitRange","metadata":{"name":"proj3","namespace":"proj3"},)"
                         R"("spec":{"limits":[{"default":{"cpu":"500m","memory":"500Mi"},)"
                         R"("defaultRequest":{"cpu":"10m","memory":"10Mi"},"type":"Container"}]}})"));
}

void tst_QuotaPlans::limitsMergeIntoTheExistingItem()
{
    auto reader = cluster(Mode::KubeSphere);
    auto p = planner(reader, Mode::KubeSphere);
    LimitsSpec s;
    s.project = "proj1";
    s.entries = {{"memory", "", "256Mi", "", ""}};
    auto plan = p.setLimits(s);
    QVERIFY2(plan, plan ? "" : plan.error().describe().c_str());
    QCOMPARE(plan->writes.size(), size_t(1));
    QCOMPARE(int(plan->writes[0].action), int(WriteAction::MergePatch));
    // the whole list (a merge patch replaces lists): the Container item merged, the PVC item kept
    QCOMPARE(plan->writes[0].object.dump(),
             std::string(R"({"spec":{"limits":[{"default":{"cpu":"500m","memory":"512Mi"},)"
                         R"("defaultRequest":{"cpu":"100m","memory":"256Mi"},"max":{"cpu":"2"},"type":"Container"},)"
                         R"({"max":{"storage":"10Gi"},"type":"PersistentVolumeClaim"}]}})"));
}

void tst_QuotaPlans::mergedLimitsAreCheckedWhole()
{
    // Given max cpu 2 in the LimitRange, a default of 3 is refused though max was not typed
    auto reader = cluster(Mode::KubeSphere);
    auto p = planner(reader, Mode::KubeSphere);
    LimitsSpec s;
    s.project = "proj1";
    s.entries = {{"cpu", "3", "", "", ""}};
    auto plan = p.setLimits(s);
    QVERIFY(!plan);
    QCOMPARE(plan.error().where, std::string("default[cpu]"));
    QVERIFY(plan.error().message.find("default value 3 is greater than max value 2") != std::string::npos);
    QVERIFY(plan.error().hint.find("already in LimitRange proj1") != std::string::npos);
}

void tst_QuotaPlans::podLimitsAndRemoval()
{
    auto reader = cluster(Mode::KubeSphere);
    auto p = planner(reader, Mode::KubeSphere);
    LimitsSpec s;
    s.project = "proj1";
    s.type = "Pod";
    s.entries = {{"cpu", "", "", "", "8"}};
    auto plan = p.setLimits(s);
    QVERIFY(plan);
    QCOMPARE(plan->title, std::string("set pod limits of project proj1"));
    QVERIFY(plan->writes[0].object.dump().find(R"({"max":{"cpu":"8"},"type":"Pod"})") != std::string::npos);

    // The editor's replace with no rows empties the Container item: the PVC item remains
    LimitsSpec clear;
    clear.project = "proj1";
    clear.replace = true;
    auto cleared = p.setLimits(clear);
    QVERIFY(cleared);
    QCOMPARE(cleared->writes[0].object.dump(), std::string(R"({"spec":{"limits":[{"max":{"storage":"10Gi"},"type":"PersistentVolumeClaim"}]}})"));

    auto removed = p.removeLimits("proj1");
    QVERIFY(removed);
    QCOMPARE(int(removed->writes[0].action), int(WriteAction::Delete));
    QCOMPARE(removed->writes[0].ns, std::string("proj1"));
    QVERIFY(!p.removeLimits("proj2"));
}

void tst_QuotaPlans::budgetArithmetic()
{
    BudgetInput in;
    in.workspace = "w";
    in.workspaceQuota = QuotaFigures{"w", {{"requests.cpu", "4"}, {"pods", "10"}}, {}, false};
    // a: two quotas, the smaller hard counts; "cpu" is requests.cpu
    in.projects.push_back({"a", {{"q1", {{"cpu", "3"}}, {{"cpu", "1500m"}}, false},
                                 {"q2", {{"requests.cpu", "2"}, {"pods", "4"}}, {{"requests.cpu", "1500m"}, {"pods", "5"}}, false}}});
    // b: a scoped quota does not bound the project; its usage still counts
    in.projects.push_back({"b", {{"best-effort", {{"pods", "8"}}, {{"pods", "7"}}, true}}});
    in.projects.push_back({"c", {{"c", {{"requests.cpu", "2500m"}}, {{"requests.cpu", "3"}}, false}}});
    const WorkspaceBudget b = checkBudget(in);
    QVERIFY(b.problems.empty());
    const BudgetLine *cpu = b.line("cpu");
    QVERIFY(cpu);
    QCOMPARE(cpu->resource, std::string("requests.cpu"));
    QCOMPARE(cpu->projectsHard.toString(), std::string("4500m"));  // a 2 + c 2500m
    QCOMPARE(cpu->projectsUsed.toString(), std::string("4500m"));  // a 1500m + c 3
    QCOMPARE(cpu->workspaceUsed->toString(), std::string("4500m"));  // standalone: the projects' sum
    QVERIFY(cpu->overBudget);
    QVERIFY(cpu->overUsed);
    QCOMPARE(cpu->unlimitedProjects, size_t(1));
    const BudgetLine *pods = b.line("pods");
    QCOMPARE(pods->projectsHard.toString(), std::string("4"));
    QCOMPARE(pods->projectsUsed.toString(), std::string("12"));
    QVERIFY(!pods->overBudget);
    QVERIFY(pods->overUsed);
    // over-used: the workspace (both resources) first, then a's q2 pods 5 > 4 and c's cpu 3 > 2500m
    QCOMPARE(b.overUsed.size(), size_t(4));
    QVERIFY(b.overUsed[0].project.empty() && b.overUsed[1].project.empty());
    const std::string w = joined(b.overUseWarnings());
    QVERIFY2(w.find("project a quota q2 over-used: pods used 5 > hard 4") != std::string::npos, w.c_str());
    QVERIFY2(w.find("project c quota c over-used: requests.cpu used 3 > hard 2500m") != std::string::npos, w.c_str());
    QVERIFY2(w.find("workspace w quota w (usage summed over its projects) over-used: pods used 12 > hard 10") != std::string::npos,
             w.c_str());

    // KubeSphere mode: the controller's total is the usage
    in.controllerUsage = true;
    in.workspaceQuota->used = {{"requests.cpu", "1"}, {"pods", "9"}};
    const WorkspaceBudget k = checkBudget(in);
    QVERIFY(!k.usageFromProjects);
    QCOMPARE(k.line("pods")->workspaceUsed->toString(), std::string("9"));
    QVERIFY(!k.line("pods")->overUsed);

    // A proposal replaces one quota; removing it takes it out
    const WorkspaceBudget p = checkBudget(withProjectQuota(in, "c", "c", StringMap{{"requests.cpu", "1"}}));
    QCOMPARE(p.line("cpu")->projectsHard.toString(), std::string("3"));
    QVERIFY(!p.line("cpu")->overBudget);
    const WorkspaceBudget gone = checkBudget(withWorkspaceHard(in, "w", std::nullopt));
    QVERIFY(!gone.hasWorkspaceQuota);
    QVERIFY(!gone.overBudget());
    QVERIFY(gone.budgetWarnings().empty());
    // A quantity that does not parse is named, not counted
    in.projects[2].quotas[0].hard["requests.cpu"] = "many";
    const WorkspaceBudget bad = checkBudget(in);
    QCOMPARE(bad.problems.size(), size_t(1));
    QVERIFY(bad.problems[0].find("project c quota c hard[requests.cpu]: \"many\" is not a quantity") != std::string::npos);
}

void tst_QuotaPlans::budgetFromGraphSnapshot()
{
    // The graph holds what the fixture's quotas YAML holds; the panel's input equals the plan's
    auto reader = cluster(Mode::Standalone);
    TenancyGraph graph(ApiFlavor::V4);
    int rv = 1;
    for (const auto &o : reader.objects()) {
        auto kind = graphKindOf(o, ApiFlavor::V4);
        if (!kind)
            continue;
        json copy = o;
        copy["metadata"]["resourceVersion"] = std::to_string(rv++);
        graph.upsert(*kind, kube::freeze(std::move(copy)));
    }
    const BudgetInput fromGraph = budgetInput(graph.snapshot(), "ws1", false);
    auto p = planner(reader, Mode::Standalone);
    auto fromPlanner = p.quotaBudgetInput("ws1");
    QVERIFY(fromPlanner);
    const WorkspaceBudget a = checkBudget(fromGraph);
    const WorkspaceBudget b = checkBudget(*fromPlanner);
    QCOMPARE(a.lines.size(), b.lines.size());
    QCOMPARE(a.lines.size(), size_t(2));
    for (size_t i = 0; i < a.lines.size(); ++i) {
        QCOMPARE(a.lines[i].resource, b.lines[i].resource);
        QCOMPARE(a.lines[i].projectsHard, b.lines[i].projectsHard);
        QCOMPARE(a.lines[i].projectsUsed, b.lines[i].projectsUsed);
    }
    QCOMPARE(a.line("limits.cpu")->projectsHard.toString(), std::string("9"));
    QCOMPARE(a.line("limits.cpu")->projectsUsed.toString(), std::string("2500m"));
    QCOMPARE(a.overUseWarnings(), b.overUseWarnings());
    QCOMPARE(a.overUsed.size(), size_t(1));  // proj1 pods 12 > 10
}

void tst_QuotaPlans::repairReportsBrokenWorkspaceQuotas()
{
    // Given proj1 uses 12 pods, and the workspace quota is lowered to 11
    auto reader = cluster(Mode::Standalone);
    auto ws = reader.fetch(TenancyApi::forFlavor(ApiFlavor::V4).workspaceQuota, "", "ws1");
    json lowered = **ws;
    lowered["spec"]["quota"]["hard"]["pods"] = "11";
    reader.put(lowered);
    auto p = planner(reader, Mode::Standalone);
    auto plan = p.repair();
    QVERIFY(plan);
    const std::string w = joined(plan->warnings);
    QVERIFY2(w.find("workspace ws1 quota ws1 broken: pods used 12 > hard 11 by projects proj1 12") != std::string::npos,
             w.c_str());
    // a report, not a write
    for (const auto &write : plan->writes)
        QVERIFY(write.gvr.resource != "resourcequotas");
}

QTEST_GUILESS_MAIN(tst_QuotaPlans)
#include "tst_quotaplans.moc"
