// The end of tenancy objects on a real kube-apiserver, through tenantryctl as a user runs it,
// with kubectl as the judge: a project orphaned by its workspace's deletion (or moved out of it)
// leaves its former members without access (`kubectl auth can-i --as`), KubeSphere finalizers
// left behind by a KubeSphere that is gone are found, named and removed on request (and the
// object really goes), and a protected resource is not deleted.
#include "clusterenv.h"

#include <QElapsedTimer>
#include <QThread>
#include <QtTest>

#include <nlohmann/json.hpp>

using nlohmann::json;

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }
} // namespace

class tst_Lifecycle : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void orphaningRemovesFormerMembersAccess();
    void movingOutOfTheWorkspaceRemovesAccess();
    void finalizerIsOfferedAndRemoved();
    void stuckObjectIsFreedByRepair();
    void protectedProjectIsNotDeleted();

private:
    clusterenv::ProcessResult ctl(const QStringList &args);
    clusterenv::ProcessResult kubectl(const QStringList &args);
    json kubectlJson(const QStringList &args);
    bool notFound(const QStringList &args);
    // Polls until kubectl answers NotFound (the namespace controller, the garbage collector).
    bool goneWithin(const QStringList &args, int seconds);
    QByteArray canI(const std::string &user, const std::string &verb, const std::string &resource, const std::string &ns);
    void setUpWorkspace(const std::string &ws, const std::string &proj);

    QString m_bin;
    std::string m_sfx, m_alice, m_bob;
    std::vector<std::string> m_workspaces, m_projects;
};

clusterenv::ProcessResult tst_Lifecycle::ctl(const QStringList &args)
{
    return clusterenv::run(m_bin, args, clusterenv::kubeconfigPath("admin"));
}

clusterenv::ProcessResult tst_Lifecycle::kubectl(const QStringList &args)
{
    return clusterenv::run("kubectl", args, clusterenv::kubeconfigPath("admin"));
}

json tst_Lifecycle::kubectlJson(const QStringList &args)
{
    auto r = kubectl(args + QStringList{"-o", "json"});
    if (r.exitCode != 0)
        return json();
    return json::parse(r.out.toStdString(), nullptr, false);
}

bool tst_Lifecycle::notFound(const QStringList &args)
{
    auto r = kubectl(args);
    return r.exitCode != 0 && r.err.contains("NotFound");
}

bool tst_Lifecycle::goneWithin(const QStringList &args, int seconds)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < seconds * 1000) {
        if (notFound(args))
            return true;
        QThread::msleep(500);
    }
    return false;
}

QByteArray tst_Lifecycle::canI(const std::string &user, const std::string &verb, const std::string &resource,
                               const std::string &ns)
{
    return kubectl({"auth", "can-i", qs(verb), qs(resource), "-n", qs(ns), "--as", qs(user)}).out.trimmed();
}

#define CTL_OK(result)                                                                                           \
    do {                                                                                                         \
        const auto &_r = (result);                                                                               \
        QVERIFY2(_r.exitCode == 0, qPrintable(QStringLiteral("exit %1\nstdout:\n%2\nstderr:\n%3")                \
                                                  .arg(_r.exitCode)                                              \
                                                  .arg(QString::fromUtf8(_r.out), QString::fromUtf8(_r.err)))); \
    } while (0)

void tst_Lifecycle::initTestCase()
{
    const QString dir = qEnvironmentVariable("TENANTRY_BINARY_DIR");
    QVERIFY2(!dir.isEmpty(), "TENANTRY_BINARY_DIR is not set");
    m_bin = dir + "/app/tenantryctl";
    QVERIFY2(QFileInfo(m_bin).isExecutable(), qPrintable(m_bin + " is not built"));
    const json builtins = kubectlJson({"get", "builtinroles.iam.kubesphere.io"});
    QVERIFY2(builtins.is_object() && !builtins.value("items", json::array()).empty(),
             "the devcluster has no built-in roles (scripts/cluster applies resources/builtins)");
    m_sfx = clusterenv::uniqueName("x").substr(2);
    m_alice = "alice-" + m_sfx;
    m_bob = "bob-" + m_sfx;
    for (const auto &u : {m_alice, m_bob})
        CTL_OK(ctl({"create", "user", qs(u), "--email", qs(u + "@example.com"), "--yes"}));
}

void tst_Lifecycle::cleanupTestCase()
{
    for (const auto &p : m_projects) {
        kubectl({"label", "namespace", qs(p), "kubesphere.io/protected-resource-", "--overwrite"});
        kubectl({"patch", "namespace", qs(p), "--type=merge", "-p", R"({"metadata":{"finalizers":null}})"});
        kubectl({"delete", "namespace", qs(p), "--ignore-not-found", "--wait=false"});
    }
    for (const auto &w : m_workspaces)
        ctl({"delete", "workspace", qs(w), "--propagation", "Background", "--remove-finalizers", "--yes"});
    for (const auto &u : {m_alice, m_bob})
        ctl({"delete", "user", qs(u), "--yes"});
}

// A workspace managed by alice with one project where bob is a viewer.
void tst_Lifecycle::setUpWorkspace(const std::string &ws, const std::string &proj)
{
    m_workspaces.push_back(ws);
    m_projects.push_back(proj);
    CTL_OK(ctl({"create", "workspace", qs(ws), "--manager", qs(m_alice), "--yes"}));
    CTL_OK(ctl({"create", "project", qs(proj), "-w", qs(ws), "--yes"}));
    CTL_OK(ctl({"member", "add", qs(m_bob), "viewer", "-n", qs(proj), "--yes"}));
}

void tst_Lifecycle::orphaningRemovesFormerMembersAccess()
{
    // Given alice (workspace manager) and bob (project viewer), both with access to the project
    const std::string ws = "lc-ws-" + m_sfx, proj = "lc-proj-" + m_sfx;
    setUpWorkspace(ws, proj);
    QCOMPARE(canI(m_alice, "delete", "pods", proj), QByteArray("yes"));
    QCOMPARE(canI(m_bob, "list", "pods", proj), QByteArray("yes"));
    // When the workspace is deleted and its projects kept (the default), after the plan was read
    auto plan = ctl({"delete", "workspace", qs(ws), "--dry-run", "-o", "yaml"});
    CTL_OK(plan);
    QVERIFY2(plan.out.contains("former members lose their access"), plan.out.constData());
    CTL_OK(ctl({"delete", "workspace", qs(ws), "--yes"}));
    // Then the project stays, outside any workspace, and neither former member may use it
    const json ns = kubectlJson({"get", "namespace", qs(proj)});
    QVERIFY(ns.is_object());
    QVERIFY(!ns["metadata"].value("labels", json::object()).contains("kubesphere.io/workspace"));
    QCOMPARE(canI(m_alice, "delete", "pods", proj), QByteArray("no"));
    QCOMPARE(canI(m_bob, "list", "pods", proj), QByteArray("no"));
    QCOMPARE(canI(m_bob, "get", "configmaps", proj), QByteArray("no"));
    // as KubeSphere's namespace controller leaves it: no iam roles or bindings, no RBAC copies
    QCOMPARE(kubectlJson({"get", "roles.iam.kubesphere.io", "-n", qs(proj)})["items"].size(), size_t(0));
    QCOMPARE(kubectlJson({"get", "rolebindings.iam.kubesphere.io", "-n", qs(proj)})["items"].size(), size_t(0));
    QCOMPARE(kubectlJson({"get", "rolebindings.rbac.authorization.k8s.io", "-n", qs(proj)})["items"].size(), size_t(0));
    // And repair finds nothing to bring back for it
    auto repair = ctl({"repair", "--dry-run", "-o", "yaml"});
    CTL_OK(repair);
    QVERIFY2(!repair.out.contains(qs(proj).toUtf8()), repair.out.constData());
}

void tst_Lifecycle::movingOutOfTheWorkspaceRemovesAccess()
{
    const std::string ws = "lc-ws2-" + m_sfx, proj = "lc-proj2-" + m_sfx;
    setUpWorkspace(ws, proj);
    QCOMPARE(canI(m_bob, "list", "pods", proj), QByteArray("yes"));
    // Usage: either -w or --no-workspace
    QCOMPARE(ctl({"move", "project", qs(proj)}).exitCode, 2);
    QCOMPARE(ctl({"move", "project", qs(proj), "-w", qs(ws), "--no-workspace"}).exitCode, 2);
    CTL_OK(ctl({"move", "project", qs(proj), "--no-workspace", "--yes"}));
    QCOMPARE(canI(m_alice, "delete", "pods", proj), QByteArray("no"));
    QCOMPARE(canI(m_bob, "list", "pods", proj), QByteArray("no"));
    // Moving it again: a project outside any workspace cannot leave one
    auto again = ctl({"move", "project", qs(proj), "--no-workspace", "--yes"});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains("is in no workspace"), again.err.constData());
}

void tst_Lifecycle::finalizerIsOfferedAndRemoved()
{
    // Given a project and a workspace that carry KubeSphere finalizers, added by hand as a
    // KubeSphere that ran here once would have left them (its controllers are gone)
    const std::string ws = "lc-ws3-" + m_sfx, proj = "lc-proj3-" + m_sfx;
    m_workspaces.push_back(ws);
    m_projects.push_back(proj);
    CTL_OK(ctl({"create", "workspace", qs(ws), "--yes"}));
    CTL_OK(ctl({"create", "project", qs(proj), "-w", qs(ws), "--yes"}));
    auto r = kubectl({"patch", "namespace", qs(proj), "--type=merge", "-p",
                      R"({"metadata":{"finalizers":["finalizers.kubesphere.io/namespaces"]}})"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = kubectl({"patch", "workspacetemplates.tenant.kubesphere.io", qs(ws), "--type=merge", "-p",
                 R"({"metadata":{"finalizers":["kubesphere.io/cascading-deletion"]}})"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // When a delete is planned, the plan says the finalizers would hold it and offers removal
    auto plan = ctl({"delete", "project", qs(proj), "--dry-run", "-o", "yaml"});
    CTL_OK(plan);
    QVERIFY2(plan.out.contains("# warning: Namespace " + qs(proj).toUtf8() + " carries KubeSphere finalizers "
                                                                               "(finalizers.kubesphere.io/namespaces)"),
             plan.out.constData());
    QVERIFY2(plan.out.contains("--remove-finalizers"), plan.out.constData());
    // With the removal the plan patches exactly that finalizer away before the delete
    auto removing = ctl({"delete", "project", qs(proj), "--remove-finalizers", "--dry-run", "-o", "yaml"});
    CTL_OK(removing);
    QVERIFY2(removing.out.contains("1. patch v1 Namespace " + qs(proj).toUtf8() + ": remove the KubeSphere finalizers"),
             removing.out.constData());
    QVERIFY(!kubectlJson({"get", "namespace", qs(proj)})["metadata"].contains("deletionTimestamp"));
    // And applied, the project really goes (the namespace controller finishes the delete)
    CTL_OK(ctl({"delete", "project", qs(proj), "--remove-finalizers", "--yes"}));
    QVERIFY2(goneWithin({"get", "namespace", qs(proj)}, 90), "the namespace is still there");
    // The workspace too: its template was held by cascading-deletion
    auto wsPlan = ctl({"delete", "workspace", qs(ws), "--dry-run", "-o", "yaml"});
    CTL_OK(wsPlan);
    QVERIFY2(wsPlan.out.contains("WorkspaceTemplate " + qs(ws).toUtf8() + " carries KubeSphere finalizers"),
             wsPlan.out.constData());
    CTL_OK(ctl({"delete", "workspace", qs(ws), "--remove-finalizers", "--yes"}));
    QVERIFY2(goneWithin({"get", "workspacetemplates.tenant.kubesphere.io", qs(ws)}, 30), "the workspace is still there");
}

void tst_Lifecycle::stuckObjectIsFreedByRepair()
{
    // Given a project deleted without removing the KubeSphere finalizer a foreign one sits next to
    const std::string proj = "lc-proj4-" + m_sfx;
    m_projects.push_back(proj);
    CTL_OK(kubectl({"create", "namespace", qs(proj)}));
    auto r = kubectl({"patch", "namespace", qs(proj), "--type=merge", "-p",
                      R"({"metadata":{"finalizers":["kubesphere.io/cascading-deletion","example.com/keep"]}})"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    CTL_OK(ctl({"delete", "project", qs(proj), "--yes"}));
    // it stays Terminating
    QThread::msleep(2000);
    json ns = kubectlJson({"get", "namespace", qs(proj)});
    QVERIFY(ns.is_object() && ns["metadata"].contains("deletionTimestamp"));
    // When repair frees stuck objects
    auto dry = ctl({"repair", "--finalizers", "--dry-run", "-o", "yaml"});
    CTL_OK(dry);
    QVERIFY2(dry.out.contains("patch v1 Namespace " + qs(proj).toUtf8() + ": Terminating since"), dry.out.constData());
    CTL_OK(ctl({"repair", "--finalizers", "--yes"}));
    // Then only the KubeSphere finalizer went; the foreign one still holds the namespace
    ns = kubectlJson({"get", "namespace", qs(proj)});
    QVERIFY(ns.is_object());
    QCOMPARE(qs(ns["metadata"]["finalizers"].dump()), QStringLiteral(R"(["example.com/keep"])"));
    // and once its owner lets go, the namespace is gone
    kubectl({"patch", "namespace", qs(proj), "--type=merge", "-p", R"({"metadata":{"finalizers":null}})"});
    QVERIFY2(goneWithin({"get", "namespace", qs(proj)}, 90), "the namespace is still there");
}

void tst_Lifecycle::protectedProjectIsNotDeleted()
{
    const std::string proj = "lc-proj5-" + m_sfx;
    m_projects.push_back(proj);
    CTL_OK(kubectl({"create", "namespace", qs(proj)}));
    auto r = kubectl({"label", "namespace", qs(proj), "kubesphere.io/protected-resource=true"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    auto del = ctl({"delete", "project", qs(proj), "--yes"});
    QCOMPARE(del.exitCode, 1);
    QVERIFY2(del.err.contains("is protected") && del.err.contains("kubesphere.io/protected-resource=true"),
             del.err.constData());
    const json ns = kubectlJson({"get", "namespace", qs(proj)});
    QVERIFY(ns.is_object() && !ns["metadata"].contains("deletionTimestamp"));
}

QTEST_GUILESS_MAIN(tst_Lifecycle)
#include "tst_lifecycle.moc"
