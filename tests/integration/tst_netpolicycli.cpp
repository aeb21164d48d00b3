// tenantryctl can-reach and flows against the real devcluster: namespaces and NetworkPolicies
// seeded with kubectl, answers checked by exit code, --explain text and flows -o json, and the
// live answer compared with the offline one on kubectl's own export of the same objects.
// No network plugin runs in the devcluster (no pods are scheduled, nothing enforces policies):
// the evaluator is compared with the NetworkPolicy API's semantics, not with packets.
#include "clusterenv.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>

using nlohmann::json;

class tst_NetPolicyCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString dir = qEnvironmentVariable("TENANTRY_BINARY_DIR");
        QVERIFY2(!dir.isEmpty(), "TENANTRY_BINARY_DIR is not set");
        m_bin = dir + "/app/tenantryctl";
        QVERIFY2(QFileInfo(m_bin).isExecutable(), qPrintable(m_bin + " is not built"));
        const std::string sfx = clusterenv::uniqueName("n").substr(2);
        m_a = "net-a-" + sfx;
        m_b = "net-b-" + sfx;
        m_c = "net-c-" + sfx;
        m_ws = "netws-" + sfx;
        m_ws2 = "netws2-" + sfx;
        // Projects a and b of one workspace (a isolated as KubeSphere isolates a workspace),
        // c of another with a web policy; b's batch pods may only talk DNS.
        const std::string yaml =
            ns(m_a, m_ws) + "---\n" + ns(m_b, m_ws) + "---\n" + ns(m_c, m_ws2) + "---\n"
            + "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: nsnp-network-isolate, namespace: "
            + m_a + "}\nspec:\n  podSelector: {}\n  ingress:\n  - from: [{namespaceSelector: {matchLabels: "
              "{kubesphere.io/workspace: " + m_ws + "}}}]\n---\n"
            + "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: web, namespace: " + m_c
            + "}\nspec:\n  podSelector: {matchLabels: {app: web}}\n  ingress:\n  - ports: [{port: 8080}]\n---\n"
            + "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: batch-dns-only, namespace: " + m_b
            + "}\nspec:\n  podSelector: {matchLabels: {app: batch}}\n  policyTypes: [Egress]\n  egress:\n  - ports: "
              "[{port: 53, protocol: UDP}]\n";
        auto r = clusterenv::run("kubectl", {"apply", "-f", "-"}, clusterenv::kubeconfigPath("admin"), QByteArray::fromStdString(yaml));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        // kubectl sees the three policies the commands will read.
        r = kubectl({"get", "networkpolicies", "-A", "-o", "name"});
        QVERIFY(r.out.contains("nsnp-network-isolate") && r.out.contains("networkpolicy.networking.k8s.io/web"));
    }

    void cleanupTestCase()
    {
        if (!m_a.empty())
            kubectl({"delete", "namespace", QString::fromStdString(m_a), QString::fromStdString(m_b),
                     QString::fromStdString(m_c), "--wait=false"});
    }

    void canReachAnswersByExitCode()
    {
        // Same workspace: admitted by the isolation policy.
        auto r = ctl({"can-reach", m_b, m_a, "--explain"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith("yes\n") && r.out.contains(QByteArray::fromStdString(m_a + "/nsnp-network-isolate rule 0")),
                 r.out.constData());
        // Another workspace: denied, the policy and its rule named.
        r = ctl({"can-reach", m_c, m_a, "--explain"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.startsWith("no\n") && r.out.contains("denied: selected by nsnp-network-isolate")
                     && r.out.contains(QByteArray::fromStdString("kubesphere.io/workspace=" + m_ws)),
                 r.out.constData());
        // Ports and labels: web pods of c take 8080 only.
        QCOMPARE(ctl({"can-reach", m_a, m_c, "--to-labels", "app=web", "--port", "8080"}).exitCode, 0);
        QCOMPARE(ctl({"can-reach", m_a, m_c, "--to-labels", "app=web", "--port", "9090/TCP"}).exitCode, 1);
        QCOMPARE(ctl({"can-reach", m_a, m_c, "--port", "9090"}).exitCode, 0);  // other pods of c are open
        // Egress at the source: batch pods of b reach nothing but UDP 53.
        r = ctl({"can-reach", m_b, m_c, "--from-labels", "app=batch", "--explain"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QByteArray::fromStdString("egress at " + m_b)) && r.out.contains("batch-dns-only"),
                 r.out.constData());
        QCOMPARE(ctl({"can-reach", m_b, m_c, "--from-labels", "app=batch", "--port", "53/udp"}).exitCode, 0);
        // Usage errors are 2.
        QCOMPARE(ctl({"can-reach", m_a}).exitCode, 2);
        QCOMPARE(ctl({"can-reach", m_a, m_b, "--port", "http"}).exitCode, 2);
    }

    void flowsLiveMatchOfflineOnKubectlsExport()
    {
        auto live = ctl({"flows", "-w", m_ws, "-o", "json"});
        QCOMPARE(live.exitCode, 0);
        const json doc = json::parse(live.out.toStdString());
        auto reachOf = [&](const json &d, const std::string &from, const std::string &to) -> std::string {
            for (const auto &f : d["flows"])
                if (f["from"] == from && f["to"] == to)
                    return f["reach"];
            return "open";
        };
        QCOMPARE(reachOf(doc, m_b, m_a), std::string("some"));  // b's batch pods only talk DNS
        QCOMPARE(reachOf(doc, m_a, m_a), std::string("all"));
        QCOMPARE(reachOf(doc, m_c, m_a), std::string("none"));
        QCOMPARE(reachOf(doc, m_a, m_b), std::string("open"));
        QCOMPARE(reachOf(doc, m_b, m_c), std::string("some"));  // batch pods only DNS, web pods only 8080
        QCOMPARE(doc["workspaces"].size(), std::size_t(1));
        QCOMPARE(doc["workspaces"][0]["projects"].size(), std::size_t(2));
        for (const auto &f : doc["flows"])
            QVERIFY(f["from"] == m_a || f["from"] == m_b || f["to"] == m_a || f["to"] == m_b);
        // The same objects as kubectl exports them, read offline, give the same flows.
        QTemporaryDir dir;
        const QString file = dir.filePath("export.json");
        auto exported = kubectl({"get", "namespaces,networkpolicies", "-A", "-o", "json"});
        QCOMPARE(exported.exitCode, 0);
        std::ofstream(file.toStdString()) << exported.out.toStdString();
        auto offline = ctl({"flows", "-w", m_ws, "-o", "json", "--from", file.toStdString()});
        QCOMPARE(offline.exitCode, 0);
        QCOMPARE(json::parse(offline.out.toStdString())["flows"], doc["flows"]);
        QCOMPARE(ctl({"can-reach", m_c, m_a, "--from", file.toStdString()}).exitCode, 1);
        // The table names the namespaces and the restricted pairs.
        auto table = ctl({"flows", "-w", m_ws});
        QCOMPARE(table.exitCode, 0);
        QVERIFY2(table.out.contains("NAMESPACE") && table.out.contains("REACH") && table.out.contains("restricted"),
                 table.out.constData());
    }

private:
    static std::string ns(const std::string &name, const std::string &ws)
    {
        return "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + name + "\n  labels: {kubesphere.io/workspace: " + ws
             + "}\n";
    }
    clusterenv::ProcessResult kubectl(const QStringList &args)
    {
        return clusterenv::run("kubectl", args, clusterenv::kubeconfigPath("admin"));
    }
    clusterenv::ProcessResult ctl(const std::vector<std::string> &args)
    {
        QStringList list;
        for (const auto &a : args)
            list << QString::fromStdString(a);
        return clusterenv::run(m_bin, list, clusterenv::kubeconfigPath("admin"));
    }

    QString m_bin;
    std::string m_a, m_b, m_c, m_ws, m_ws2;
};

QTEST_GUILESS_MAIN(tst_NetPolicyCli)
#include "tst_netpolicycli.moc"
