// The overview pages' figures (kubeclient/tenancy/graph/overview) and the journal's newest
// records (journal::recentRecords), on the planner's golden fixture plus quotas of our own.
#include "plannerfixture.h"

#include "kubeclient/journal/journal.h"
#include "kubeclient/tenancy/graph/graphkind.h"
#include "kubeclient/tenancy/graph/overview.h"
#include "kubeclient/tenancy/graph/tenancygraph.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace kube;
using namespace kube::tenancy;
using nlohmann::json;

namespace {

// ws1's quota: limits.cpu 10, pods 20 (KubeSphere's controller says limits.cpu 4 used); proj1
// uses limits.cpu 2 and 12 pods, proj3 limits.cpu 500m.
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
status:
  total: {hard: {limits.cpu: "10", pods: "20"}, used: {limits.cpu: "4", pods: "12"}}
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
)";

GraphSnapshot fixture()
{
    MemoryPlanReader reader = plannerfixture::load(ApiFlavor::V4, Mode::KubeSphere);
    auto extra = MemoryPlanReader::fromYaml(kQuotas, "quotas");
    if (!extra)
        qFatal("%s", extra.error().describe().c_str());
    for (const auto &o : extra->objects())
        reader.put(o);
    TenancyGraph graph(ApiFlavor::V4);  // the snapshot shares the graph's state, not the graph
    int rv = 1;
    for (const auto &o : reader.objects()) {
        auto kind = graphKindOf(o, ApiFlavor::V4);
        if (!kind)
            continue;
        json copy = o;
        copy["metadata"]["resourceVersion"] = std::to_string(rv++);
        graph.upsert(*kind, kube::freeze(std::move(copy)));
    }
    return graph.snapshot();
}

json record(const std::string &cluster, int n)
{
    return {{"kind", journal::kRecordKind}, {"apiVersion", journal::kRecordApiVersion}, {"cluster", cluster},
            {"summary", "change " + std::to_string(n)}, {"outcome", "succeeded"}, {"writes", json::array()}};
}

} // namespace

class tst_Overview : public QObject
{
    Q_OBJECT
private slots:
    void workspacesTallyProjectsAndMembers();
    void quotaUseIsTheBudgetChecksFullestFirst();
    void standaloneUsageIsTheProjectsSum();
    void workspaceUsageSplitsByProject();
    void fractionEdges();
    void recentRecordsNewestFirstPerCluster();
    void recentRecordsAcrossBlocksAndTornLines();
    void recentRecordsOfAMissingFile();
};

void tst_Overview::workspacesTallyProjectsAndMembers()
{
    const GraphSnapshot s = fixture();
    const PlatformOverview o = platformOverview(s, true);
    QCOMPARE(o.workspaces.size(), s.workspaces().size());
    QVERIFY(!o.workspaces.empty());
    for (std::size_t i = 0; i < o.workspaces.size(); ++i) {
        const auto &w = o.workspaces[i];
        QCOMPARE(w.projects, s.projectCount(w.name));
        QVERIFY2(w.members <= s.workspaceMembers(w.name).size(), w.name.c_str());
        if (i > 0) {  // most projects first, then by name
            const auto &prev = o.workspaces[i - 1];
            QVERIFY(prev.projects > w.projects || (prev.projects == w.projects && prev.name < w.name));
        }
    }
    const auto ws1 = std::find_if(o.workspaces.begin(), o.workspaces.end(), [](const auto &w) { return w.name == "ws1"; });
    QVERIFY(ws1 != o.workspaces.end());
    QVERIFY(ws1->projects >= 2);  // proj1 and proj3 at least
    QVERIFY(ws1->members >= 1);   // its manager at least
    QCOMPARE(o.projectsWithoutWorkspace, s.projectsWithoutWorkspace().size());
    QCOMPARE(o.users, s.users().size());
    QVERIFY(o.problems.empty());
}

void tst_Overview::quotaUseIsTheBudgetChecksFullestFirst()
{
    const PlatformOverview o = platformOverview(fixture(), true);
    QCOMPARE(o.quotaUse.size(), std::size_t(1));  // only ws1 has a quota
    const WorkspaceQuotaUse &u = o.quotaUse.front();
    QCOMPARE(u.workspace, std::string("ws1"));
    QCOMPARE(u.resources.size(), std::size_t(2));
    // pods 12 / 20 = 0.6 before limits.cpu 4 / 10 = 0.4 (the controller's total)
    QCOMPARE(u.resources[0].resource, std::string("pods"));
    QCOMPARE(u.resources[0].used.toString(), std::string("12"));
    QCOMPARE(u.resources[0].hard.toString(), std::string("20"));
    QCOMPARE(u.resources[0].fraction, 0.6);
    QCOMPARE(u.resources[1].resource, std::string("limits.cpu"));
    QCOMPARE(u.resources[1].used.toString(), std::string("4"));
    QCOMPARE(u.peak(), 0.6);
}

void tst_Overview::standaloneUsageIsTheProjectsSum()
{
    // Without KubeSphere's controller the workspace's usage is the sum of its projects' quotas.
    const PlatformOverview o = platformOverview(fixture(), false);
    QCOMPARE(o.quotaUse.size(), std::size_t(1));
    const auto &r = o.quotaUse.front().resources;
    const auto cpu = std::find_if(r.begin(), r.end(), [](const QuotaUse &q) { return q.resource == "limits.cpu"; });
    QVERIFY(cpu != r.end());
    QCOMPARE(cpu->used.toString(), std::string("2500m"));
    QCOMPARE(cpu->fraction, 0.25);
}

void tst_Overview::workspaceUsageSplitsByProject()
{
    const GraphSnapshot s = fixture();
    const WorkspaceUsage u = workspaceUsage(s, "ws1", true);
    QVERIFY(u.hasQuota);
    QVERIFY(!u.usageFromProjects);
    QCOMPARE(u.resources.size(), std::size_t(2));
    const ResourceShares &cpu = u.resources[0];  // by name: limits.cpu, pods
    QCOMPARE(cpu.resource, std::string("limits.cpu"));
    QCOMPARE(cpu.projects.size(), std::size_t(2));
    QCOMPARE(cpu.projects[0].first, std::string("proj1"));  // largest first
    QCOMPARE(cpu.projects[0].second.toString(), std::string("2"));
    QCOMPARE(cpu.projects[1].first, std::string("proj3"));
    QCOMPARE(cpu.projects[1].second.toString(), std::string("500m"));
    QCOMPARE(cpu.used.toString(), std::string("4"));
    QCOMPARE(cpu.unattributed.toString(), std::string("1500m"));  // 4 - 2.5: pods without a quota of their own
    QCOMPARE(cpu.fraction, 0.4);
    const ResourceShares &pods = u.resources[1];
    QCOMPARE(pods.projects.size(), std::size_t(1));
    QVERIFY(pods.unattributed.isZero());

    // Standalone: the projects' sum, nothing unattributed.
    const WorkspaceUsage sum = workspaceUsage(s, "ws1", false);
    QVERIFY(sum.usageFromProjects);
    QCOMPARE(sum.resources[0].used.toString(), std::string("2500m"));
    QVERIFY(sum.resources[0].unattributed.isZero());

    // A workspace without a quota (or unknown) has nothing to split.
    const WorkspaceUsage none = workspaceUsage(s, "ws-without-quota", true);
    QVERIFY(!none.hasQuota);
    QVERIFY(none.resources.empty());
}

void tst_Overview::fractionEdges()
{
    QCOMPARE(usedFraction(*Quantity::parse("0"), *Quantity::parse("0")), 0.0);
    QVERIFY(std::isinf(usedFraction(*Quantity::parse("1"), *Quantity::parse("0"))));
    QCOMPARE(usedFraction(*Quantity::parse("1500m"), *Quantity::parse("1")), 1.5);
    QCOMPARE(usedFraction(*Quantity::parse("512Mi"), *Quantity::parse("1Gi")), 0.5);
}

void tst_Overview::recentRecordsNewestFirstPerCluster()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("journal.jsonl")).toStdString();
    for (int i = 0; i < 10; ++i)
        QVERIFY(journal::append(path, record(i % 2 ? "https://b" : "https://a", i)));
    auto a = journal::recentRecords(path, "https://a", 3);
    QVERIFY(a);
    QCOMPARE(a->size(), std::size_t(3));
    QCOMPARE((*a)[0]["summary"].get<std::string>(), std::string("change 8"));
    QCOMPARE((*a)[1]["summary"].get<std::string>(), std::string("change 6"));
    QCOMPARE((*a)[2]["summary"].get<std::string>(), std::string("change 4"));
    auto any = journal::recentRecords(path, "", 100);
    QVERIFY(any);
    QCOMPARE(any->size(), std::size_t(10));
    QCOMPARE(any->back()["summary"].get<std::string>(), std::string("change 0"));  // the file's first line
    auto none = journal::recentRecords(path, "https://c", 5);
    QVERIFY(none);
    QVERIFY(none->empty());
}

void tst_Overview::recentRecordsAcrossBlocksAndTornLines()
{
    // 3,000 records (~400 KB: several 64 KB blocks), a torn line and a foreign one among them.
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("journal.jsonl")).toStdString();
    {
        std::ofstream out(path);
        for (int i = 0; i < 3000; ++i) {
            json r = record("https://a", i);
            r["padding"] = std::string(std::size_t(i % 200), 'x');
            out << r.dump() << '\n';
            if (i == 2990)
                out << "{\"kind\":\"TenantryJournalRecord\",\"cluster\":\"https://a\",\"summ\n";  // torn
            if (i == 2995)
                out << "{\"kind\":\"Something\",\"cluster\":\"https://a\"}\n";
        }
    }
    auto r = journal::recentRecords(path, "https://a", 3000);
    QVERIFY(r);
    QCOMPARE(r->size(), std::size_t(3000));
    for (std::size_t i = 0; i < r->size(); ++i)
        QCOMPARE((*r)[i]["summary"].get<std::string>(), "change " + std::to_string(2999 - i));
    auto few = journal::recentRecords(path, "https://a", 7);
    QVERIFY(few);
    QCOMPARE(few->size(), std::size_t(7));
    QCOMPARE(few->back()["summary"].get<std::string>(), std::string("change 2993"));
}

void tst_Overview::recentRecordsOfAMissingFile()
{
    QTemporaryDir dir;
    auto r = journal::recentRecords(dir.filePath(QStringLiteral("none.jsonl")).toStdString(), "", 5);
    QVERIFY(r);
    QVERIFY(r->empty());
    // A folder where the file should be is an error that names it.
    auto bad = journal::recentRecords(dir.path().toStdString(), "", 5);
    QVERIFY(!bad);
    QVERIFY(bad.error().describe().find(dir.path().toStdString()) != std::string::npos);
}

QTEST_GUILESS_MAIN(tst_Overview)
#include "tst_overview.moc"
