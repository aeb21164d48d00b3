// `tenantryctl audit` on devcluster's real kube-apiserver audit log: writes made with kubectl
// and tenantryctl as different users, allowed and denied, are found exactly — by user (and
// group), verb and project — and tenantryctl's own writes are also in its journal.
#include "clusterenv.h"

#include <QFile>
#include <QFileInfo>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <set>
#include <thread>

using nlohmann::json;

namespace {

QString qs(const std::string &s) { return QString::fromStdString(s); }

} // namespace

class tst_Audit : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void kubectlWritesAllowedAndDeniedAreFound();
    void aGroupFindsItsMembersRequests();
    void tenantryctlWritesAreInTheLogAndTheJournal();
    void badInputIsNamed();

private:
    clusterenv::ProcessResult ctl(const QStringList &args, const std::string &kubeconfig = {});
    clusterenv::ProcessResult kubectl(const QStringList &args, const std::string &kubeconfig = {});
    // `tenantryctl audit ... -o json`, retried a while: kube-apiserver writes an event when the
    // response completes, which may be a moment after the client saw it.
    json auditJson(const QStringList &args, size_t atLeast);

    QString m_bin, m_log, m_kubectl;
    std::string m_sfx, m_ns, m_ann, m_bob, m_group, m_annConfig, m_bobConfig, m_admin;
};

clusterenv::ProcessResult tst_Audit::ctl(const QStringList &args, const std::string &kubeconfig)
{
    return clusterenv::run(m_bin, args, kubeconfig.empty() ? clusterenv::kubeconfigPath("admin") : kubeconfig);
}

clusterenv::ProcessResult tst_Audit::kubectl(const QStringList &args, const std::string &kubeconfig)
{
    return clusterenv::run(m_kubectl, args, kubeconfig.empty() ? clusterenv::kubeconfigPath("admin") : kubeconfig);
}

json tst_Audit::auditJson(const QStringList &args, size_t atLeast)
{
    json out = json::array();
    for (int attempt = 0; attempt < 40; ++attempt) {
        auto r = ctl(QStringList{"audit"} + args + QStringList{"-o", "json"});
        if (r.exitCode != 0) {
            qWarning("tenantryctl audit failed: %s", r.err.constData());
            return json();
        }
        out = json::parse(r.out.toStdString(), nullptr, false);
        if (out.is_array() && out.size() >= atLeast)
            return out;
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
    return out;
}

void tst_Audit::initTestCase()
{
    m_bin = qEnvironmentVariable("TENANTRY_BINARY_DIR") + "/app/tenantryctl";
    QVERIFY2(QFileInfo(m_bin).isExecutable(), qPrintable(m_bin + " is not built"));
    // kubectl as the independent peer: the real binary, not gcloud's wrapper.
    m_kubectl = QFileInfo::exists("/usr/lib/google-cloud-sdk/bin/kubectl.1.32") ? "/usr/lib/google-cloud-sdk/bin/kubectl.1.32"
                                                                              : "kubectl";
    // Where devcluster's kube-apiserver writes its audit log (`devcluster env`).
    auto env = clusterenv::run(clusterenv::devclusterBin(), {"env"});
    QCOMPARE(env.exitCode, 0);
    for (const QByteArray &line : env.out.split('\n'))
        if (line.startsWith("export DEVCLUSTER_AUDIT_LOG="))
            m_log = QString::fromUtf8(line.mid(int(qstrlen("export DEVCLUSTER_AUDIT_LOG="))).replace("\"", ""));
    QVERIFY2(QFileInfo::exists(m_log), qPrintable("no audit log at " + m_log));

    auto client = clusterenv::clientFor(clusterenv::kubeconfigPath("admin"));
    QVERIFY(client);
    auto me = client->whoami();
    QVERIFY(me);
    m_admin = me->username;
    m_sfx = clusterenv::uniqueName("a").substr(2);
    m_ns = "audit-p-" + m_sfx;
    m_ann = "audit-ann-" + m_sfx;
    m_bob = "audit-bob-" + m_sfx;
    m_group = "audit-team-" + m_sfx;
    m_annConfig = clusterenv::addUser(m_ann, {m_group});
    m_bobConfig = clusterenv::addUser(m_bob);
    QVERIFY(!m_annConfig.empty() && !m_bobConfig.empty());
    auto r = kubectl({"create", "namespace", qs(m_ns)});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = kubectl({"create", "rolebinding", "ann-edit", "--clusterrole=edit", "--user=" + qs(m_ann), "-n", qs(m_ns)});
    QVERIFY2(r.exitCode == 0, r.err.constData());
}

void tst_Audit::kubectlWritesAllowedAndDeniedAreFound()
{
    // Given ann (edit in the project) and bob (nothing) each create a ConfigMap with kubectl
    auto ok = kubectl({"create", "configmap", "cm-ann", "--from-literal=a=b", "-n", qs(m_ns)}, m_annConfig);
    QVERIFY2(ok.exitCode == 0, ok.err.constData());
    auto denied = kubectl({"create", "configmap", "cm-bob", "--from-literal=a=b", "-n", qs(m_ns)}, m_bobConfig);
    QVERIFY(denied.exitCode != 0);
    QVERIFY(denied.err.contains("forbidden"));
    // When the audit log is asked by user, verb and project
    const QStringList file{"--file", m_log};
    const json ann = auditJson(file + QStringList{"--user", qs(m_ann), "--verb", "create", "-n", qs(m_ns)}, 1);
    // Then exactly ann's create is found, allowed
    QVERIFY2(ann.is_array() && ann.size() == 1, ann.dump(2).c_str());
    QCOMPARE(ann[0]["resource"], json("configmaps"));
    QCOMPARE(ann[0]["name"], json("cm-ann"));
    QCOMPARE(ann[0]["code"], json(201));
    QCOMPARE(ann[0]["decision"], json("allowed"));
    QCOMPARE(ann[0]["source"], json("kube-apiserver"));
    // And exactly bob's, denied
    const json bob = auditJson(file + QStringList{"--user", qs(m_bob), "--verb", "create", "-n", qs(m_ns)}, 1);
    QVERIFY2(bob.is_array() && bob.size() == 1, bob.dump(2).c_str());
    // Authorization refused the create before its body was read: the event names no object.
    QCOMPARE(bob[0]["resource"], json("configmaps"));
    QCOMPARE(bob[0]["name"], json(""));
    QCOMPARE(bob[0]["code"], json(403));
    QCOMPARE(bob[0]["decision"], json("denied"));
    const json deniedOnly = auditJson(file + QStringList{"--denied", "-n", qs(m_ns), "--verb", "create"}, 1);
    QVERIFY2(deniedOnly.size() == 1 && deniedOnly[0]["user"] == json(m_bob), deniedOnly.dump(2).c_str());
    // The object kubectl could create is named.
    const json named = auditJson(file + QStringList{"--name", "cm-ann", "-n", qs(m_ns)}, 1);
    QVERIFY2(named.size() == 1 && named[0]["user"] == json(m_ann), named.dump(2).c_str());
    // The table names the same event (the default output, read by a person).
    auto table = ctl({"audit", "--file", m_log, "--user", qs(m_bob), "-n", qs(m_ns), "--verb", "create", "--offline"});
    QCOMPARE(table.exitCode, 0);
    QVERIFY2(table.out.contains(qs(m_bob).toUtf8()) && table.out.contains("403"), table.out.constData());
}

void tst_Audit::aGroupFindsItsMembersRequests()
{
    const json group = auditJson({"--file", m_log, "--user", qs(m_group), "-n", qs(m_ns), "--verb", "create"}, 1);
    QVERIFY2(group.is_array() && group.size() == 1, group.dump(2).c_str());
    QCOMPARE(group[0]["user"], json(m_ann));
}

void tst_Audit::tenantryctlWritesAreInTheLogAndTheJournal()
{
    const QString journal = qEnvironmentVariable("TENANTRY_JOURNAL");
    QVERIFY2(!journal.isEmpty(), "TENANTRY_JOURNAL is not set by the fixture");
    // Given the admin creates a workspace and a project in it with tenantryctl
    const std::string ws = "audit-ws-" + m_sfx, proj = "audit-proj-" + m_sfx;
    if (kubectl({"get", "crd", "workspacetemplates.tenant.kubesphere.io"}).exitCode != 0) {
        auto crds = kubectl({"apply", "--server-side", "-f", QStringLiteral(TENANTRY_TEST_DATA_DIR "/../../resources/crds")});
        QVERIFY2(crds.exitCode == 0, crds.err.constData());
        kubectl({"wait", "--for=condition=Established", "crd", "--all", "--timeout=60s"});
    }
    auto r = ctl({"create", "workspace", qs(ws), "--yes"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = ctl({"create", "project", qs(proj), "-w", qs(ws), "--yes"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // When the journal is asked for the project's writes
    const json fromJournal = auditJson({"--journal", "--user", qs(m_admin), "-n", qs(proj)}, 1);
    QVERIFY2(fromJournal.is_array() && !fromJournal.empty(), fromJournal.dump(2).c_str());
    std::multiset<std::string> journalWrites;
    for (const auto &e : fromJournal) {
        QCOMPARE(e["source"], json("journal"));
        QCOMPARE(e["decision"], json("allowed"));
        journalWrites.insert(e["verb"].get<std::string>() + " " + e["resource"].get<std::string>() + " " + e["name"].get<std::string>());
    }
    // Then kube-apiserver's log holds exactly those writes by the admin in the project
    const json fromLog = auditJson({"--file", m_log, "--user", qs(m_admin), "-n", qs(proj), "--verb", "patch,create,update,delete"},
                                   fromJournal.size());
    std::multiset<std::string> logWrites;
    for (const auto &e : fromLog) {
        QVERIFY2(e["code"].get<int>() < 300, e.dump().c_str());
        logWrites.insert(e["verb"].get<std::string>() + " " + e["resource"].get<std::string>() + " " + e["name"].get<std::string>());
    }
    auto joined = [](const std::multiset<std::string> &s) {
        std::string out;
        for (const auto &x : s)
            out += x + "; ";
        return out;
    };
    QVERIFY2(logWrites == journalWrites, ("log: " + joined(logWrites) + "\njournal: " + joined(journalWrites)).c_str());
    // And the workspace write is found by workspace in both
    const json wsJournal = auditJson({"--journal", "-w", qs(ws), "--resource", "workspacetemplates"}, 1);
    QVERIFY2(wsJournal.size() == 1 && wsJournal[0]["name"] == json(ws), wsJournal.dump(2).c_str());
    const json wsLog = auditJson({"--file", m_log, "-w", qs(ws), "--resource", "workspacetemplates", "--verb", "patch"}, 1);
    QVERIFY2(wsLog.size() == 1 && wsLog[0]["user"] == json(m_admin), wsLog.dump(2).c_str());
    // The journal holds no object bodies and is private
    QFile f(journal);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    QVERIFY(!text.contains("\"spec\""));
    QCOMPARE(int(f.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther)), 0);
}

void tst_Audit::badInputIsNamed()
{
    auto missing = ctl({"audit", "--file", "/nonexistent/audit.log", "--offline"});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains("/nonexistent/audit.log"), missing.err.constData());
    auto none = ctl({"audit"});
    QCOMPARE(none.exitCode, 2);
    QVERIFY2(none.err.contains("--file") && none.err.contains("--journal"), none.err.constData());
    auto since = ctl({"audit", "--file", m_log, "--since", "yesterday"});
    QCOMPARE(since.exitCode, 2);
    QVERIFY2(since.err.contains("--since"), since.err.constData());
}

QTEST_GUILESS_MAIN(tst_Audit)
#include "tst_audit.moc"
