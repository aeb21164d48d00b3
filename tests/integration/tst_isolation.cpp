// Network isolation through tenantryctl against the devcluster, kubectl the judge: standalone mode
// writes and removes the nsnp-network-isolate NetworkPolicies KubeSphere's controller would, repair
// restores a deleted one, KubeSphere mode changes only the template annotation / namespace
// annotation, dry runs write nothing. (No network plugin runs here: what is checked is what is
// written, not packets.)
#include "clusterenv.h"

#include <QtTest>

#include <nlohmann/json.hpp>

using nlohmann::json;

namespace {

QString qs(const std::string &s) { return QString::fromStdString(s); }

#define CTL_OK(result)                                                                                           \
    do {                                                                                                         \
        const auto &_r = (result);                                                                               \
        QVERIFY2(_r.exitCode == 0, qPrintable(QStringLiteral("exit %1\nstdout:\n%2\nstderr:\n%3")                \
                                                  .arg(_r.exitCode)                                              \
                                                  .arg(QString::fromUtf8(_r.out), QString::fromUtf8(_r.err)))); \
    } while (0)

constexpr const char *kPolicy = "nsnp-network-isolate";

} // namespace

class tst_Isolation : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void standaloneWorkspaceIsolationWritesPolicies();
    void standaloneProjectIsolationNarrowsToTheProject();
    void repairRestoresADeletedPolicy();
    void standaloneIsolationOffRemovesPolicies();
    void kubesphereModeChangesOnlyTheAnnotation();
    void badTargetsAreRefused();

private:
    clusterenv::ProcessResult ctl(const QStringList &args)
    {
        return clusterenv::run(m_bin, args, clusterenv::kubeconfigPath("admin"));
    }
    json kubectlJson(const QStringList &args)
    {
        auto r = clusterenv::run("kubectl", args + QStringList{"-o", "json"}, clusterenv::kubeconfigPath("admin"));
        if (r.exitCode != 0)
            return json();
        return json::parse(r.out.toStdString(), nullptr, false);
    }
    json policy(const std::string &ns) { return kubectlJson({"get", "networkpolicy", "-n", qs(ns), kPolicy}); }

    QString m_bin;
    std::string m_ws, m_p1, m_p2;
};

void tst_Isolation::initTestCase()
{
    const QString dir = qEnvironmentVariable("TENANTRY_BINARY_DIR");
    QVERIFY2(!dir.isEmpty(), "TENANTRY_BINARY_DIR is not set");
    m_bin = dir + "/app/tenantryctl";
    QVERIFY2(QFileInfo(m_bin).isExecutable(), qPrintable(m_bin + " is not built"));
    if (kubectlJson({"get", "crd", "workspacetemplates.tenant.kubesphere.io"}).is_null()) {
        const QString crds = QStringLiteral(TENANTRY_TEST_DATA_DIR "/../../resources/crds");
        auto r = clusterenv::run("kubectl", {"apply", "--server-side", "-f", crds}, clusterenv::kubeconfigPath("admin"));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = clusterenv::run("kubectl", {"wait", "--for=condition=Established", "crd", "--all", "--timeout=60s"},
                            clusterenv::kubeconfigPath("admin"));
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
    const std::string sfx = clusterenv::uniqueName("x").substr(2);
    m_ws = "iso-ws-" + sfx;
    m_p1 = "iso-a-" + sfx;
    m_p2 = "iso-b-" + sfx;
    CTL_OK(ctl({"create", "workspace", qs(m_ws), "--yes"}));
    CTL_OK(ctl({"create", "project", qs(m_p1), "-w", qs(m_ws), "--yes"}));
    CTL_OK(ctl({"create", "project", qs(m_p2), "-w", qs(m_ws), "--yes"}));
}

void tst_Isolation::cleanupTestCase()
{
    ctl({"delete", "workspace", qs(m_ws), "--propagation", "Background", "--yes"});
}

void tst_Isolation::standaloneWorkspaceIsolationWritesPolicies()
{
    // A dry run shows the policies and writes nothing
    auto dry = ctl({"isolate", "-w", qs(m_ws), "--dry-run"});
    CTL_OK(dry);
    QVERIFY2(dry.out.contains("networkpolicy.networking.k8s.io/nsnp-network-isolate"), dry.out.constData());
    QVERIFY(policy(m_p1).is_null());
    // -o yaml prints the plan with the policy documents
    auto yaml = ctl({"isolate", "-w", qs(m_ws), "--dry-run", "-o", "yaml"});
    CTL_OK(yaml);
    QVERIFY2(yaml.out.contains("kind: NetworkPolicy") && yaml.out.contains("kubesphere.io/workspace: " + QByteArray::fromStdString(m_ws)),
             yaml.out.constData());
    // Applied: each project admits traffic from the workspace's namespaces only
    CTL_OK(ctl({"isolate", "-w", qs(m_ws), "--yes"}));
    for (const auto &ns : {m_p1, m_p2}) {
        const json p = policy(ns);
        QVERIFY2(!p.is_null(), ns.c_str());
        QCOMPARE(qs(p["spec"]["podSelector"].dump()), QStringLiteral("{}"));
        QCOMPARE(qs(p["spec"]["policyTypes"].dump()), QStringLiteral("[\"Ingress\"]"));
        QCOMPARE(qs(p["spec"]["ingress"][0]["from"].dump()),
                 qs(json::array({{{"namespaceSelector", {{"matchLabels", {{"kubesphere.io/workspace", m_ws}}}}}}}).dump()));
        QCOMPARE(qs(p["metadata"]["labels"].value("tenantry.dev/generated-by", "")), QStringLiteral("tenantry"));
    }
    // The template and the Workspace carry the switch (4.x: the template's spec.template annotation)
    const json wt = kubectlJson({"get", "workspacetemplate", qs(m_ws)});
    QCOMPARE(qs(wt["spec"]["template"]["metadata"]["annotations"].value("kubesphere.io/network-isolate", "")),
             QStringLiteral("enabled"));
    const json w = kubectlJson({"get", "workspace.tenant.kubesphere.io", qs(m_ws)});
    QCOMPARE(qs(w["metadata"]["annotations"].value("kubesphere.io/network-isolate", "")), QStringLiteral("enabled"));
    // get shows it
    auto get = ctl({"get", "projects", "-w", qs(m_ws)});
    CTL_OK(get);
    QVERIFY2(get.out.contains("isolated (workspace)"), get.out.constData());
    // The same switch again changes nothing
    auto again = ctl({"isolate", "-w", qs(m_ws), "--yes"});
    CTL_OK(again);
    QVERIFY2(again.out.contains("already isolated") || again.err.contains("already isolated"), again.out.constData());
}

void tst_Isolation::standaloneProjectIsolationNarrowsToTheProject()
{
    CTL_OK(ctl({"isolate", "-n", qs(m_p1), "--yes"}));
    const json ns = kubectlJson({"get", "namespace", qs(m_p1)});
    QCOMPARE(qs(ns["metadata"]["annotations"].value("kubesphere.io/network-isolate", "")), QStringLiteral("enabled"));
    // Its workspace label and creator stay (a merge patch of one annotation)
    QCOMPARE(qs(ns["metadata"]["labels"].value("kubesphere.io/workspace", "")), qs(m_ws));
    const json p = policy(m_p1);
    QCOMPARE(qs(p["spec"]["ingress"][0]["from"].dump()),
             qs(json::array({{{"namespaceSelector", {{"matchLabels", {{"kubernetes.io/metadata.name", m_p1}}}}}}}).dump()));
}

void tst_Isolation::repairRestoresADeletedPolicy()
{
    auto del = clusterenv::run("kubectl", {"delete", "networkpolicy", "-n", qs(m_p2), kPolicy}, clusterenv::kubeconfigPath("admin"));
    QVERIFY2(del.exitCode == 0, del.err.constData());
    QVERIFY(policy(m_p2).is_null());
    auto fix = ctl({"repair", "--yes"});
    CTL_OK(fix);
    QVERIFY2(fix.out.contains("nsnp-network-isolate applied"), fix.out.constData());
    const json p = policy(m_p2);
    QVERIFY(!p.is_null());
    QCOMPARE(qs(p["spec"]["ingress"][0]["from"][0]["namespaceSelector"]["matchLabels"].dump()),
             qs(json({{"kubesphere.io/workspace", m_ws}}).dump()));
}

void tst_Isolation::standaloneIsolationOffRemovesPolicies()
{
    // Project isolation off while the workspace is isolated: back to the workspace peer
    CTL_OK(ctl({"isolate", "-n", qs(m_p1), "--off", "--yes"}));
    QCOMPARE(qs(policy(m_p1)["spec"]["ingress"][0]["from"][0]["namespaceSelector"]["matchLabels"].dump()),
             qs(json({{"kubesphere.io/workspace", m_ws}}).dump()));
    const json ns = kubectlJson({"get", "namespace", qs(m_p1)});
    QVERIFY(!ns["metadata"].value("annotations", json::object()).contains("kubesphere.io/network-isolate"));
    // Workspace isolation off: every policy goes
    CTL_OK(ctl({"isolate", "-w", qs(m_ws), "--off", "--yes"}));
    QVERIFY(policy(m_p1).is_null());
    QVERIFY(policy(m_p2).is_null());
    const json wt = kubectlJson({"get", "workspacetemplate", qs(m_ws)});
    QVERIFY(wt["spec"]["template"]["metadata"]["annotations"].value("kubesphere.io/network-isolate", "") != "enabled");
    auto get = ctl({"get", "workspaces"});
    CTL_OK(get);
    QVERIFY(get.out.contains("NETWORK"));
}

void tst_Isolation::kubesphereModeChangesOnlyTheAnnotation()
{
    // KubeSphere mode: the controllers write the policies; Tenantry writes the switch alone
    auto on = ctl({"isolate", "-w", qs(m_ws), "--mode", "kubesphere", "--yes"});
    CTL_OK(on);
    const json wt = kubectlJson({"get", "workspacetemplate", qs(m_ws)});
    QCOMPARE(qs(wt["spec"]["template"]["metadata"]["annotations"].value("kubesphere.io/network-isolate", "")),
             QStringLiteral("enabled"));
    QVERIFY(policy(m_p1).is_null());
    CTL_OK(ctl({"isolate", "-n", qs(m_p2), "--mode", "kubesphere", "--yes"}));
    const json ns = kubectlJson({"get", "namespace", qs(m_p2)});
    QCOMPARE(qs(ns["metadata"]["annotations"].value("kubesphere.io/network-isolate", "")), QStringLiteral("enabled"));
    QVERIFY(policy(m_p2).is_null());
    CTL_OK(ctl({"isolate", "-n", qs(m_p2), "--mode", "kubesphere", "--off", "--yes"}));
    auto off = ctl({"isolate", "-w", qs(m_ws), "--mode", "kubesphere", "--off", "--yes"});
    CTL_OK(off);
    const json after = kubectlJson({"get", "workspacetemplate", qs(m_ws)});
    QCOMPARE(qs(after["spec"]["template"]["metadata"]["annotations"].value("kubesphere.io/network-isolate", "")),
             QStringLiteral("disabled"));
}

void tst_Isolation::badTargetsAreRefused()
{
    auto none = ctl({"isolate", "-w", "no-such-ws-x", "--yes"});
    QVERIFY(none.exitCode != 0);
    QVERIFY2(none.err.contains("does not exist"), none.err.constData());
    auto both = ctl({"isolate", "-w", qs(m_ws), "-n", qs(m_p1)});
    QCOMPARE(both.exitCode, 2);
    auto outside = ctl({"isolate", "-n", "default", "--yes"});
    QVERIFY(outside.exitCode != 0);
    QVERIFY2(outside.err.contains("in no workspace"), outside.err.constData());
}

QTEST_GUILESS_MAIN(tst_Isolation)
#include "tst_isolation.moc"
