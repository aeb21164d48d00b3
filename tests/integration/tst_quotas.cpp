// tenantryctl quota / limits against the devcluster (standalone mode), kubectl as the judge: a
// workspace quota and two project quotas (one over budget, warned with the numbers), container
// defaults that the LimitRanger admission puts on a pod without resources, a quota lowered under
// the usage kube-controller-manager's quota controller reports (flagged over-used), and bad
// input refused with the field named and nothing written.
#include "clusterenv.h"

#include <QFileInfo>
#include <QtTest>

#include <nlohmann/json.hpp>

using nlohmann::json;

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }
} // namespace

#define CTL_OK(result)                                                                                           \
    do {                                                                                                         \
        const auto &_r = (result);                                                                               \
        QVERIFY2(_r.exitCode == 0, qPrintable(QStringLiteral("exit %1\nstdout:\n%2\nstderr:\n%3")                \
                                                  .arg(_r.exitCode)                                              \
                                                  .arg(QString::fromUtf8(_r.out), QString::fromUtf8(_r.err)))); \
    } while (0)

class tst_Quotas : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void workspaceAndProjectQuotasWithBudget();
    void containerDefaultsReachNewPods();
    void loweringUnderUsageIsFlagged();
    void badInputWritesNothing_data();
    void badInputWritesNothing();
    void removeQuotaAndLimits();

private:
    clusterenv::ProcessResult ctl(const QStringList &args);
    json kubectlJson(const QStringList &args);
    QString m_bin;
    QString m_ws, m_p1, m_p2;
};

clusterenv::ProcessResult tst_Quotas::ctl(const QStringList &args)
{
    return clusterenv::run(m_bin, args, clusterenv::kubeconfigPath("admin"));
}

json tst_Quotas::kubectlJson(const QStringList &args)
{
    auto r = clusterenv::run("kubectl", args + QStringList{"-o", "json"}, clusterenv::kubeconfigPath("admin"));
    if (r.exitCode != 0) {
        qWarning("kubectl %s: %s", qPrintable(args.join(' ')), r.err.constData());
        return json();
    }
    return json::parse(r.out.toStdString(), nullptr, false);
}

void tst_Quotas::initTestCase()
{
    const QString dir = qEnvironmentVariable("TENANTRY_BINARY_DIR");
    QVERIFY2(!dir.isEmpty(), "TENANTRY_BINARY_DIR is not set");
    m_bin = dir + "/app/tenantryctl";
    QVERIFY2(QFileInfo(m_bin).isExecutable(), qPrintable(m_bin + " is not built"));
    const std::string sfx = clusterenv::uniqueName("q").substr(2);
    m_ws = qs("quota-ws-" + sfx);
    m_p1 = qs("quota-p1-" + sfx);
    m_p2 = qs("quota-p2-" + sfx);
    CTL_OK(ctl({"create", "workspace", m_ws, "--yes"}));
    CTL_OK(ctl({"create", "project", m_p1, "-w", m_ws, "--yes"}));
    CTL_OK(ctl({"create", "project", m_p2, "-w", m_ws, "--yes"}));
}

void tst_Quotas::workspaceAndProjectQuotasWithBudget()
{
    // Given a workspace quota of 4 CPUs (limits) and 10 pods
    auto ws = ctl({"quota", "set", "-w", m_ws, "limits.cpu=4", "pods=10", "--yes"});
    CTL_OK(ws);
    QVERIFY2(ws.out.contains("nothing in kube-apiserver enforces the workspace quota"), ws.out.constData());
    const json wq = kubectlJson({"get", "resourcequotas.quota.kubesphere.io", m_ws});
    QCOMPARE(qs(wq["spec"]["selector"]["kubesphere.io/workspace"].get<std::string>()), m_ws);
    QCOMPARE(qs(wq["metadata"]["labels"]["kubesphere.io/workspace"].get<std::string>()), m_ws);
    QCOMPARE(qs(wq["spec"]["quota"]["hard"].dump()), QStringLiteral(R"({"limits.cpu":"4","pods":"10"})"));

    // When p1 takes 3 CPUs: within budget, no warning
    auto p1 = ctl({"quota", "set", "-n", m_p1, "limits.cpu=3", "pods=4", "--yes"});
    CTL_OK(p1);
    QVERIFY2(!p1.out.contains("warning"), p1.out.constData());
    // And p2 takes 2: the projects' sum is 5 > 4, applied with a warning giving the numbers
    auto p2 = ctl({"quota", "set", "-n", m_p2, "limits.cpu=2", "--yes"});
    CTL_OK(p2);
    const QString expected = QStringLiteral("warning: workspace %1 over budget: the projects' limits.cpu quotas total 5 (%2 3, %3 2), "
                                            "more than the workspace quota's 4 (by 1)")
                                 .arg(m_ws, m_p1, m_p2);
    QVERIFY2(QString::fromUtf8(p2.out).contains(expected), p2.out.constData());
    // kubectl sees both quotas, named after their projects
    QCOMPARE(qs(kubectlJson({"get", "resourcequota", m_p2, "-n", m_p2})["spec"]["hard"]["limits.cpu"].get<std::string>()),
             QStringLiteral("2"));
    // quota set merges: pods of p1 stays when only limits.memory is set
    CTL_OK(ctl({"quota", "set", "-n", m_p1, "limits.memory=4Gi", "--yes"}));
    QCOMPARE(qs(kubectlJson({"get", "resourcequota", m_p1, "-n", m_p1})["spec"]["hard"].dump()),
             QStringLiteral(R"({"limits.cpu":"3","limits.memory":"4Gi","pods":"4"})"));

    // Then quota get flags the workspace over budget, with the sums
    auto get = ctl({"quota", "get", "-w", m_ws});
    CTL_OK(get);
    QVERIFY2(get.out.contains("over-budget"), get.out.constData());
    auto doc = ctl({"quota", "get", "-w", m_ws, "-o", "json"});
    CTL_OK(doc);
    const json budget = json::parse(doc.out.toStdString());
    bool seen = false;
    for (const auto &line : budget["resources"])
        if (line["resource"] == "limits.cpu") {
            seen = true;
            QCOMPARE(qs(line["projectsHard"].get<std::string>()), QStringLiteral("5"));
            QCOMPARE(qs(line["workspaceHard"].get<std::string>()), QStringLiteral("4"));
            QVERIFY(line["overBudget"].get<bool>());
        }
    QVERIFY(seen);
}

void tst_Quotas::containerDefaultsReachNewPods()
{
    auto set = ctl({"limits", "set", "-n", m_p1, "--default", "cpu=500m,memory=256Mi", "--default-request",
                    "cpu=100m,memory=64Mi", "--max", "cpu=2", "--yes"});
    CTL_OK(set);
    const json lr = kubectlJson({"get", "limitrange", m_p1, "-n", m_p1});
    QCOMPARE(qs(lr["spec"]["limits"][0]["type"].get<std::string>()), QStringLiteral("Container"));
    // A pod without resources, checked by the server (LimitRanger fills in the defaults); pods
    // are admitted once kube-controller-manager made the namespace's default ServiceAccount.
    QTRY_VERIFY_WITH_TIMEOUT(clusterenv::run("kubectl", {"get", "serviceaccount", "default", "-n", m_p1},
                                             clusterenv::kubeconfigPath("admin")).exitCode == 0,
                             30000);
    auto pod = clusterenv::run("kubectl",
                               {"run", "probe", "-n", m_p1, "--image=registry.k8s.io/pause:3.9", "--dry-run=server",
                                "-o", "json"},
                               clusterenv::kubeconfigPath("admin"));
    QVERIFY2(pod.exitCode == 0, pod.err.constData());
    const json resources = json::parse(pod.out.toStdString())["spec"]["containers"][0]["resources"];
    QCOMPARE(qs(resources["limits"]["cpu"].get<std::string>()), QStringLiteral("500m"));
    QCOMPARE(qs(resources["limits"]["memory"].get<std::string>()), QStringLiteral("256Mi"));
    QCOMPARE(qs(resources["requests"]["cpu"].get<std::string>()), QStringLiteral("100m"));
    QCOMPARE(qs(resources["requests"]["memory"].get<std::string>()), QStringLiteral("64Mi"));
    auto get = ctl({"limits", "get", "-n", m_p1});
    CTL_OK(get);
    QVERIFY2(get.out.contains("500m") && get.out.contains("Container"), get.out.constData());
}

void tst_Quotas::loweringUnderUsageIsFlagged()
{
    // Given a pod in p1 (Pending forever: no kubelet, yet it counts against the quota)
    auto run = clusterenv::run("kubectl", {"run", "worker", "-n", m_p1, "--image=registry.k8s.io/pause:3.9"},
                               clusterenv::kubeconfigPath("admin"));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    // kube-controller-manager's quota controller counts it
    QTRY_VERIFY_WITH_TIMEOUT(kubectlJson({"get", "resourcequota", m_p1, "-n", m_p1})["status"]["used"].value("pods", "")
                                 == "1",
                             60000);
    // When the pods limit is lowered under it
    auto lower = ctl({"quota", "set", "-n", m_p1, "pods=0", "--yes"});
    CTL_OK(lower);
    QVERIFY2(lower.out.contains("would be over-used: pods used 1 > new hard 0"), lower.out.constData());
    // Then quota get flags it over-used once the controller has seen the new hard
    QTRY_VERIFY_WITH_TIMEOUT(kubectlJson({"get", "resourcequota", m_p1, "-n", m_p1})["status"]["hard"].value("pods", "")
                                 == "0",
                             60000);
    auto get = ctl({"quota", "get", "-n", m_p1});
    CTL_OK(get);
    bool flagged = false;
    for (const auto &line : get.out.split('\n'))
        if (line.contains(" pods ") && line.contains("over-used"))
            flagged = true;
    QVERIFY2(flagged, get.out.constData());
    auto doc = ctl({"quota", "get", "-n", m_p1, "-o", "json"});
    CTL_OK(doc);
    const json d = json::parse(doc.out.toStdString());
    QCOMPARE(qs(d["quotas"][0]["overUsed"].dump()), QStringLiteral(R"(["pods"])"));
}

void tst_Quotas::badInputWritesNothing_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("cpu=lots") << QStringList{"quota", "set", "-n", "P2", "limits.cpu=lots", "--yes"}
                              << R"(error: hard[limits.cpu]: "lots" is not a quantity)";
    QTest::newRow("negative") << QStringList{"quota", "set", "-w", "WS", "pods=-1", "--yes"}
                              << R"(error: hard[pods]: "-1" must be greater than or equal to 0)";
    QTest::newRow("default > max") << QStringList{"limits", "set", "-n", "P2", "--default", "cpu=3", "--max", "cpu=1", "--yes"}
                                   << "error: default[cpu]: default value 3 is greater than max value 1";
    QTest::newRow("unknown resource") << QStringList{"quota", "set", "-n", "P2", "gpus=1", "--yes"}
                                      << "must be a standard resource for quota";
}

void tst_Quotas::badInputWritesNothing()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    args.replaceInStrings(QStringLiteral("P2"), m_p2);
    args.replaceInStrings(QStringLiteral("WS"), m_ws);
    const json quotaBefore = kubectlJson({"get", "resourcequota", "-n", m_p2});
    const json wsBefore = kubectlJson({"get", "resourcequotas.quota.kubesphere.io", m_ws});
    auto r = ctl(args);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    // Nothing written: the same objects, the same resourceVersions, no LimitRange in p2
    QCOMPARE(qs(kubectlJson({"get", "resourcequota", "-n", m_p2})["items"].dump()), qs(quotaBefore["items"].dump()));
    QCOMPARE(qs(kubectlJson({"get", "resourcequotas.quota.kubesphere.io", m_ws})["metadata"]["resourceVersion"].dump()),
             qs(wsBefore["metadata"]["resourceVersion"].dump()));
    QCOMPARE(kubectlJson({"get", "limitrange", "-n", m_p2})["items"].size(), size_t(0));
}

void tst_Quotas::removeQuotaAndLimits()
{
    // A dry run removes nothing
    CTL_OK(ctl({"quota", "remove", "-n", m_p2, "--dry-run"}));
    QCOMPARE(kubectlJson({"get", "resourcequota", "-n", m_p2})["items"].size(), size_t(1));
    // Removing a key leaves the others
    CTL_OK(ctl({"quota", "remove", "-n", m_p1, "limits.memory", "--yes"}));
    QVERIFY(!kubectlJson({"get", "resourcequota", m_p1, "-n", m_p1})["spec"]["hard"].contains("limits.memory"));
    CTL_OK(ctl({"quota", "remove", "-n", m_p2, "--yes"}));
    QCOMPARE(kubectlJson({"get", "resourcequota", "-n", m_p2})["items"].size(), size_t(0));
    CTL_OK(ctl({"limits", "remove", "-n", m_p1, "--yes"}));
    QCOMPARE(kubectlJson({"get", "limitrange", "-n", m_p1})["items"].size(), size_t(0));
    CTL_OK(ctl({"quota", "remove", "-w", m_ws, "--yes"}));
    auto gone = clusterenv::run("kubectl", {"get", "resourcequotas.quota.kubesphere.io", m_ws},
                                clusterenv::kubeconfigPath("admin"));
    QVERIFY(gone.err.contains("NotFound"));
}

QTEST_GUILESS_MAIN(tst_Quotas)
#include "tst_quotas.moc"
