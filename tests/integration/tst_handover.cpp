// `tenantryctl handover kubesphere` on the real devcluster, with kubectl as the judge: the dry
// run lists what it would change and writes nothing; applied, the built-ins carry exactly Helm's
// adoption marks, Tenantry-only ones are gone, CRDs and the flagged user admin are untouched;
// install leaves marked objects alone; the finish removes projections (forced mode, as no
// KubeSphere runs here); `install --take-over` is the way back. The cluster is restored after.
#include "clusterenv.h"

#include "kubeclient/core/yamlconvert.h"

#include <QtTest>

#include <nlohmann/json.hpp>

using nlohmann::json;

namespace {

QString qs(const std::string &s) { return QString::fromStdString(s); }

// Built-in kinds Tenantry installs and the ks-core chart templates.
const QString kBuiltinKinds = QStringLiteral("categories.iam.kubesphere.io,roletemplates.iam.kubesphere.io,"
                                             "globalroles.iam.kubesphere.io,globalrolebindings.iam.kubesphere.io,"
                                             "clusterroles.iam.kubesphere.io,builtinroles.iam.kubesphere.io");

#define CTL_OK(result)                                                                                           \
    do {                                                                                                         \
        const auto &_r = (result);                                                                               \
        QVERIFY2(_r.exitCode == 0, qPrintable(QStringLiteral("exit %1\nstdout:\n%2\nstderr:\n%3")                \
                                                  .arg(_r.exitCode)                                              \
                                                  .arg(QString::fromUtf8(_r.out), QString::fromUtf8(_r.err)))); \
    } while (0)

} // namespace

class tst_Handover : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void dryRunListsWhatItWouldChange();
    void applyMarksBuiltinsForHelm();
    void installLeavesMarkedObjectsAlone();
    void finishNeedsKubeSphereThenRemovesProjections();
    void takeOverIsTheWayBack();

private:
    clusterenv::ProcessResult ctl(const QStringList &args);
    json kubectlJson(const QStringList &args);
    bool notFound(const QStringList &args);

    QString m_bin;
    std::string m_sfx, m_user, m_ws;
    bool m_createdAdmin = false;
    QStringList m_tenantryOnly;  // "roletemplates.iam.kubesphere.io/x": built-ins the chart does not ship
};

clusterenv::ProcessResult tst_Handover::ctl(const QStringList &args)
{
    return clusterenv::run(m_bin, args, clusterenv::kubeconfigPath("admin"));
}

json tst_Handover::kubectlJson(const QStringList &args)
{
    auto r = clusterenv::run("kubectl", args + QStringList{"-o", "json"}, clusterenv::kubeconfigPath("admin"));
    if (r.exitCode != 0) {
        qWarning("kubectl %s: %s", qPrintable(args.join(' ')), r.err.constData());
        return json();
    }
    return json::parse(r.out.toStdString(), nullptr, false);
}

bool tst_Handover::notFound(const QStringList &args)
{
    auto r = clusterenv::run("kubectl", args, clusterenv::kubeconfigPath("admin"));
    return r.exitCode != 0 && r.err.contains("NotFound");
}

void tst_Handover::initTestCase()
{
    const QString dir = qEnvironmentVariable("TENANTRY_BINARY_DIR");
    QVERIFY2(!dir.isEmpty(), "TENANTRY_BINARY_DIR is not set");
    m_bin = dir + "/app/tenantryctl";
    QVERIFY2(QFileInfo(m_bin).isExecutable(), qPrintable(m_bin + " is not built"));
    // Tenantry's CRDs and built-ins, as `tenantryctl install` leaves them
    CTL_OK(ctl({"install", "--yes"}));
    m_sfx = clusterenv::uniqueName("h").substr(2);
    m_user = "hand-" + m_sfx;
    m_ws = "hand-ws-" + m_sfx;
    // A workspace with a manager: its roles are projected (the finish removes those)
    CTL_OK(ctl({"create", "user", qs(m_user), "--email", qs(m_user + "@example.com"), "--yes"}));
    CTL_OK(ctl({"create", "workspace", qs(m_ws), "--manager", qs(m_user), "--yes"}));
    // Mirrors and projections in step (the finish releases and removes them)
    CTL_OK(ctl({"repair", "--yes"}));
    // A user named admin, as a Tenantry user may have made: the chart creates one
    if (notFound({"get", "users.iam.kubesphere.io", "admin"})) {
        CTL_OK(ctl({"create", "user", "admin", "--email", "admin@example.com", "--yes"}));
        m_createdAdmin = true;
    }
    // The Tenantry built-ins the chart does not ship (computed by the server's lists, not by name)
    const json all = kubectlJson({"get", kBuiltinKinds, "-l", "app.kubernetes.io/managed-by=tenantry"});
    QVERIFY(all.is_object());
    QVERIFY2(all["items"].size() > 50, all.dump().c_str());
}

void tst_Handover::cleanupTestCase()
{
    // Best effort: the cluster as the other tests expect it (Tenantry's built-ins, no Helm marks).
    ctl({"install", "--take-over", "--yes"});
    clusterenv::run("kubectl",
                    {"annotate", kBuiltinKinds, "--all", "meta.helm.sh/release-name-", "meta.helm.sh/release-namespace-"},
                    clusterenv::kubeconfigPath("admin"));
    ctl({"delete", "workspace", qs(m_ws), "--propagation", "Background", "--yes"});
    ctl({"delete", "user", qs(m_user), "--yes"});
    if (m_createdAdmin)
        ctl({"delete", "user", "admin", "--yes"});
    ctl({"repair", "--yes"});
}

void tst_Handover::dryRunListsWhatItWouldChange()
{
    // When the hand-over is dry-run
    auto r = ctl({"handover", "kubesphere", "--dry-run"});
    CTL_OK(r);
    // Then each built-in the chart ships is patched by the server (dry run), one it does not ship deleted
    QVERIFY2(r.out.contains("globalrole.iam.kubesphere.io/platform-admin patched (server dry run)"), r.out.constData());
    QVERIFY(r.out.contains("roletemplate.iam.kubesphere.io/global-view-users patched (server dry run)"));
    QVERIFY(r.out.contains("builtinrole.iam.kubesphere.io/workspace-admin patched (server dry run)"));
    QVERIFY(r.out.contains("handover: "));
    QVERIFY(r.out.contains(" relabel"));
    // and the plan says what waits, what stays and what stops helm install
    QVERIFY2(r.out.contains("warning: User admin exists"), r.out.constData());
    QVERIFY(r.out.contains("CRDs stay as Tenantry installed them"));
    // The projections wait for --finish; the note names the first few (sorted), so on a cluster
    // other tests left workspaces in, this workspace's may be among the elided ones.
    QByteArray projections;
    for (const QByteArray &line : r.out.split('\n'))
        if (line.contains("projections of workspace roles (tenantry:workspace:*)") && line.contains("note: later"))
            projections = line;
    QVERIFY2(!projections.isEmpty(), r.out.constData());
    if (!projections.contains("tenantry:workspace:" + QByteArray::fromStdString(m_ws) + "-admin")) {
        const int at = projections.indexOf("RoleBindings: ");
        QVERIFY2(at > 0, projections.constData());
        const int listed = projections.mid(at + 14).split(' ').value(0).toInt();
        QVERIFY2(listed > 4 && projections.contains("\xE2\x80\xA6)"), projections.constData());  // more than shown: "…)"
    }
    QVERIFY(r.err.contains("nothing was written"));
    for (const QByteArray &line : r.out.split('\n'))
        if (line.contains(" deleted (server dry run)"))
            m_tenantryOnly << QString::fromUtf8(line.left(line.indexOf(' ')));
    // And nothing changed: kubectl still sees Tenantry's label on every built-in
    const json helm = kubectlJson({"get", kBuiltinKinds, "-l", "app.kubernetes.io/managed-by=Helm"});
    QVERIFY(helm.is_object());
    QCOMPARE(helm["items"].size(), size_t(0));
    // -o yaml: the plan alone on stdout, as YAML documents (the merge patches)
    auto yaml = ctl({"handover", "kubesphere", "--dry-run", "-o", "yaml"});
    CTL_OK(yaml);
    auto docs = kube::parseYamlDocuments(yaml.out.toStdString(), "plan");
    QVERIFY2(docs && docs->size() > 50, yaml.out.left(2000).constData());
    QCOMPARE((*docs)[0]["metadata"]["labels"].value("app.kubernetes.io/managed-by", ""), std::string("Helm"));
}

void tst_Handover::applyMarksBuiltinsForHelm()
{
    // When it is applied
    auto r = ctl({"handover", "kubesphere", "--yes"});
    CTL_OK(r);
    // Then kubectl finds Helm's three marks on the built-ins the chart ships
    for (const QStringList &object : {QStringList{"globalroles.iam.kubesphere.io", "platform-admin"},
                                      QStringList{"roletemplates.iam.kubesphere.io", "global-view-users"},
                                      QStringList{"clusterroles.iam.kubesphere.io", "cluster-admin"},
                                      QStringList{"globalrolebindings.iam.kubesphere.io", "authenticated"},
                                      QStringList{"builtinroles.iam.kubesphere.io", "project-admin"},
                                      QStringList{"categories.iam.kubesphere.io", "workspace-settings"}}) {
        const json o = kubectlJson({"get", object[0], object[1]});
        QVERIFY2(o.is_object(), qPrintable(object.join('/')));
        QCOMPARE(o["metadata"]["labels"].value("app.kubernetes.io/managed-by", ""), std::string("Helm"));
        QCOMPARE(o["metadata"]["annotations"].value("meta.helm.sh/release-name", ""), std::string("ks-core"));
        QCOMPARE(o["metadata"]["annotations"].value("meta.helm.sh/release-namespace", ""), std::string("kubesphere-system"));
    }
    // and no built-in is left with Tenantry's label; those the chart does not ship are gone
    const json left = kubectlJson({"get", kBuiltinKinds, "-l", "app.kubernetes.io/managed-by=tenantry"});
    QVERIFY(left.is_object());
    QVERIFY2(left["items"].empty(), left.dump().c_str());
    for (const QString &ref : m_tenantryOnly)
        QVERIFY2(notFound({"get", ref}), qPrintable(ref));
    // CRDs keep Tenantry's label (Helm skips existing CRDs); the user admin is untouched
    const json crd = kubectlJson({"get", "crd", "users.iam.kubesphere.io"});
    QCOMPARE(crd["metadata"]["labels"].value("app.kubernetes.io/managed-by", ""), std::string("tenantry"));
    const json admin = kubectlJson({"get", "users.iam.kubesphere.io", "admin"});
    QVERIFY(!admin["metadata"].contains("labels")
            || admin["metadata"]["labels"].value("app.kubernetes.io/managed-by", "") != "Helm");
    // Again: nothing to do, but helm install would still stop on the user admin
    auto again = ctl({"handover", "kubesphere", "--dry-run"});
    CTL_OK(again);
    QVERIFY2(again.out.contains("nothing to do"), again.out.constData());
    QVERIFY(again.out.contains("1 conflict"));
    // --adopt-existing marks it too (dry run: the test keeps its admin)
    auto adopt = ctl({"handover", "kubesphere", "--adopt-existing", "--dry-run"});
    CTL_OK(adopt);
    QVERIFY2(adopt.out.contains("user.iam.kubesphere.io/admin patched (server dry run)"), adopt.out.constData());
    QVERIFY(adopt.out.contains("P@88w0rd"));
}

void tst_Handover::installLeavesMarkedObjectsAlone()
{
    // install plans nothing for objects marked for Helm, and writes nothing back
    auto r = ctl({"install", "--yes"});
    CTL_OK(r);
    QVERIFY2(r.out.contains("marked for Helm release ks-core"), r.out.constData());
    const json o = kubectlJson({"get", "globalroles.iam.kubesphere.io", "platform-admin"});
    QCOMPARE(o["metadata"]["labels"].value("app.kubernetes.io/managed-by", ""), std::string("Helm"));
}

void tst_Handover::finishNeedsKubeSphereThenRemovesProjections()
{
    // No KubeSphere runs here: the finish refuses, naming what to do first
    auto early = ctl({"handover", "kubesphere", "--finish", "--dry-run"});
    QCOMPARE(early.exitCode, 1);
    QVERIFY2(early.err.contains("install ks-core first"), early.err.constData());
    // With the mode forced (as if ks-controller-manager ran), it removes the projections
    const std::string projection = "tenantry:workspace:" + m_ws + "-admin";
    QVERIFY(!notFound({"get", "clusterrole", qs(projection)}));
    const json mirrorBefore = kubectlJson({"get", "clusterrole", "kubesphere:iam:cluster-viewer"});
    QVERIFY(mirrorBefore.is_object());
    QVERIFY(mirrorBefore["metadata"]["labels"].contains("tenantry.dev/generated-by"));
    auto r = ctl({"handover", "kubesphere", "--finish", "--mode", "kubesphere", "--yes"});
    CTL_OK(r);
    QVERIFY2(notFound({"get", "clusterrole", qs(projection)}), r.out.constData());
    const json projected = kubectlJson({"get", "rolebindings", "-A", "-l", "tenantry.dev/projected-from"});
    QVERIFY(projected.is_object() && projected["items"].empty());
    // and the mirrors stay, without Tenantry's mark
    const json mirror = kubectlJson({"get", "clusterrole", "kubesphere:iam:cluster-viewer"});
    QVERIFY(mirror.is_object());
    QVERIFY(!mirror["metadata"]["labels"].contains("tenantry.dev/generated-by"));
    QCOMPARE(mirror["rules"], mirrorBefore["rules"]);
    const json marked = kubectlJson({"get", "roles", "-A", "-l", "tenantry.dev/generated-by"});
    QVERIFY(marked.is_object() && marked["items"].empty());
    // Standalone again (as after uninstalling KubeSphere): repair puts the projection back
    CTL_OK(ctl({"repair", "--yes"}));
    QVERIFY(!notFound({"get", "clusterrole", qs(projection)}));
}

void tst_Handover::takeOverIsTheWayBack()
{
    // A tenancy CRD without Tenantry's label reads as KubeSphere's: install refuses...
    auto unlabel = clusterenv::run("kubectl", {"label", "crd", "users.iam.kubesphere.io", "app.kubernetes.io/managed-by-"},
                                   clusterenv::kubeconfigPath("admin"));
    QVERIFY2(unlabel.exitCode == 0, unlabel.err.constData());
    auto refused = ctl({"install", "--dry-run"});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("KubeSphere owns the tenancy API"), refused.err.constData());
    // ...and --take-over takes CRDs and Helm-marked built-ins back
    auto back = ctl({"install", "--take-over", "--yes"});
    CTL_OK(back);
    const json crd = kubectlJson({"get", "crd", "users.iam.kubesphere.io"});
    QCOMPARE(crd["metadata"]["labels"].value("app.kubernetes.io/managed-by", ""), std::string("tenantry"));
    const json role = kubectlJson({"get", "globalroles.iam.kubesphere.io", "platform-admin"});
    QCOMPARE(role["metadata"]["labels"].value("app.kubernetes.io/managed-by", ""), std::string("tenantry"));
    for (const QString &ref : m_tenantryOnly)
        QVERIFY2(!notFound({"get", ref}), qPrintable(ref + " was not installed again"));
    // and a new hand-over plan is the first one again
    auto again = ctl({"handover", "kubesphere", "--dry-run"});
    CTL_OK(again);
    QVERIFY(again.out.contains("globalrole.iam.kubesphere.io/platform-admin patched (server dry run)"));
}

QTEST_GUILESS_MAIN(tst_Handover)
#include "tst_handover.moc"
