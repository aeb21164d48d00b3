// The hand-over to KubeSphere in the real window against the devcluster: Tenancy → Prepare for
// KubeSphere… (and the cluster's context menu) opens the plan in the plan dialog, the dry run
// and Apply go through it, kubectl sees Helm's marks; the action follows the mode (finish only
// in KubeSphere mode) and the identity's permissions (a tenant may not). Screenshots under
// <build>/screenshots. The cluster is restored for the other tests after.
#include "guitestsupport.h"
#include "guiwindow.h"

#include "mainwindow.h"
#include "models/clustersession.h"
#include "models/connectionspec.h"
#include "views/handoverdialog.h"
#include "views/navigatorwidget.h"
#include "views/plandialog.h"

#include <QCheckBox>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace kube;
using namespace kube::tenancy;
using nlohmann::json;

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }

using guitest::kubectlJson;

QString tenantryctl()
{
    return qEnvironmentVariable("TENANTRY_BINARY_DIR", QStringLiteral(TENANTRY_BINARY_DIR)) + QStringLiteral("/app/tenantryctl");
}

const QString kBuiltinKinds = QStringLiteral("categories.iam.kubesphere.io,roletemplates.iam.kubesphere.io,"
                                             "globalroles.iam.kubesphere.io,globalrolebindings.iam.kubesphere.io,"
                                             "clusterroles.iam.kubesphere.io,builtinroles.iam.kubesphere.io");

bool menuHolds(QMenu &menu, QAction *action)
{
    return menu.actions().contains(action);
}
} // namespace

class tst_Handover : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void prepareFromTheWindow();
    void followsModeAndPermissions();

private:
    std::unique_ptr<Client> m_admin;
    guitest::Seed m_seed;
    bool m_createdAdmin = false;
};

void tst_Handover::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    std::string error;
    m_admin = guitest::adminWithSeed(&m_seed, &error);
    QVERIFY2(m_admin, error.c_str());
    QVERIFY2(QFileInfo(tenantryctl()).isExecutable(), qPrintable(tenantryctl() + " is not built"));
    auto install = clusterenv::run(tenantryctl(), {"install", "--yes"}, clusterenv::kubeconfigPath("admin"));
    QVERIFY2(install.exitCode == 0, install.err.constData());
    // A user named admin, as a Tenantry user may have made one: the chart creates its own
    if (guitest::kubectl({"get", "users.iam.kubesphere.io", "admin"}).exitCode != 0) {
        QCOMPARE(guitest::apply(*m_admin, [](Planner &p) { return p.createUser({"admin", "admin@example.com", "", "", "", ""}); }),
                 std::string());
        m_createdAdmin = true;
    }
}

void tst_Handover::cleanupTestCase()
{
    // The way back (README): the built-ins are Tenantry's again, without Helm's annotations.
    clusterenv::run(tenantryctl(), {"install", "--take-over", "--yes"}, clusterenv::kubeconfigPath("admin"));
    guitest::kubectl({"annotate", kBuiltinKinds, "--all", "meta.helm.sh/release-name-", "meta.helm.sh/release-namespace-"});
    if (m_createdAdmin)
        guitest::apply(*m_admin, [](Planner &p) { return p.deleteUser("admin"); });
}

void tst_Handover::prepareFromTheWindow()
{
    auto w = guitest::openAdminWindow({1400, 900});
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    const QString cluster = w->sessions().first()->id();
    // Given the cluster node of a standalone cluster
    QVERIFY(w->navigator()->selectPath(cluster));
    QAction *prepare = w->actions()->action(TenancyActions::PrepareHandover);
    QAction *finish = w->actions()->action(TenancyActions::FinishHandover);
    QTRY_VERIFY_WITH_TIMEOUT(prepare->isEnabled(), 15000);
    QVERIFY(!finish->isEnabled());
    // Its context menu offers the prepare step (not the finish)
    QMenu menu;
    w->actions()->fillContextMenu(&menu);
    QVERIFY(menuHolds(menu, prepare));
    QVERIFY(!menuHolds(menu, finish));
    // When the user chooses Tenancy → Prepare for KubeSphere…
    prepare->trigger();
    QPointer<HandoverDialog> d = qobject_cast<HandoverDialog *>(w->lastDialog());
    QVERIFY(d);
    QVERIFY(QTest::qWaitForWindowExposed(d));
    // Then the plan shows at once: Helm's marks on the built-ins, the user admin flagged
    QTRY_VERIFY_WITH_TIMEOUT(d->planView()->toPlainText().contains(QStringLiteral("meta.helm.sh/release-name: ks-core")), 30000);
    const QString plan = d->planView()->toPlainText();
    QVERIFY(plan.contains(QStringLiteral("app.kubernetes.io/managed-by: Helm")));
    QVERIFY(plan.contains(QStringLiteral("meta.helm.sh/release-namespace: kubesphere-system")));
    QVERIFY2(plan.contains(QStringLiteral("warning: User admin exists")), qPrintable(plan.left(3000)));
    QVERIFY(plan.contains(QStringLiteral("CRDs stay as Tenantry installed them")));
    QVERIFY(!plan.contains(QStringLiteral("User admin: mark for Helm")));
    // the dialog's status line repeats the warning where the eye falls
    QTRY_VERIFY(d->statusLabel()->text().contains(QStringLiteral("User admin exists")));
    guitest::save(d, QStringLiteral("handover-prepare-plan"));
    // A dry run on the server accepts every write
    d->dryRunButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(d->statusLabel()->text().contains(QStringLiteral("ry run")), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(d->applyButton()->isEnabled(), 60000);
    guitest::save(d, QStringLiteral("handover-prepare-dialog"));
    // Ticking "Let Helm take over…" re-plans with the user admin marked too
    QVERIFY(d->adoptBox());
    d->adoptBox()->setChecked(true);
    d->previewButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(d->planView()->toPlainText().contains(QStringLiteral("User admin will be taken over by Helm")), 30000);
    QVERIFY(d->planView()->toPlainText().contains(QStringLiteral("User admin: mark for Helm release ks-core")));
    guitest::save(d, QStringLiteral("handover-prepare-adopt"));
    d->adoptBox()->setChecked(false);
    d->previewButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!d->planView()->toPlainText().contains(QStringLiteral("User admin will be taken over")), 30000);
    // And Apply writes it: kubectl sees Helm's marks, the user admin keeps none
    d->setConfirmHook([](const QString &) { return true; });
    QSignalSpy applied(d.data(), &PlanDialog::applied);
    QTRY_VERIFY_WITH_TIMEOUT(d->applyButton()->isEnabled(), 30000);
    d->applyButton()->click();
    QVERIFY(applied.wait(60000) || applied.count() == 1);
    const json role = kubectlJson({"get", "globalroles.iam.kubesphere.io", "platform-admin"});
    QCOMPARE(qs(role["metadata"]["labels"].value("app.kubernetes.io/managed-by", "")), QStringLiteral("Helm"));
    QCOMPARE(qs(role["metadata"]["annotations"].value("meta.helm.sh/release-name", "")), QStringLiteral("ks-core"));
    const json admin = kubectlJson({"get", "users.iam.kubesphere.io", "admin"});
    QVERIFY(admin.is_object());
    QVERIFY(!admin["metadata"].contains("annotations")
            || !admin["metadata"]["annotations"].contains("meta.helm.sh/release-name"));
}

void tst_Handover::followsModeAndPermissions()
{
    // In KubeSphere mode the cluster offers the finish, not the prepare step
    auto ks = guitest::openAdminWindow({1280, 800}, QStringLiteral("kubesphere"));
    QTRY_VERIFY_WITH_TIMEOUT(ks->allLoaded(), 60000);
    QVERIFY(ks->navigator()->selectPath(ks->sessions().first()->id()));
    QAction *finish = ks->actions()->action(TenancyActions::FinishHandover);
    QTRY_VERIFY_WITH_TIMEOUT(finish->isEnabled(), 15000);
    QVERIFY(!ks->actions()->action(TenancyActions::PrepareHandover)->isEnabled());
    finish->trigger();
    QPointer<HandoverDialog> d = qobject_cast<HandoverDialog *>(ks->lastDialog());
    QVERIFY(d);
    QVERIFY(!d->adoptBox());
    QTRY_VERIFY_WITH_TIMEOUT(d->planView()->toPlainText().contains(QStringLiteral("finish the hand-over to KubeSphere")), 30000);
    QVERIFY(d->planView()->toPlainText().contains(QStringLiteral("delete rbac.authorization.k8s.io/v1 ClusterRole tenantry:workspace:")));
    guitest::save(d, QStringLiteral("handover-finish-dialog"));
    d->reject();
    ks.reset();

    // A tenant without rights on the platform's roles may not prepare it: disabled, saying why
    const std::string tenant = "hand-tenant-" + m_seed.sfx;
    QCOMPARE(guitest::apply(*m_admin, [&](Planner &p) {
                 return p.createUser({tenant, tenant + "@example.com", "", "", "", ""}, "platform-regular");
             }),
             std::string());
    const std::string kubeconfig = clusterenv::addUser(tenant);
    QVERIFY(!kubeconfig.empty());
    MainWindow::Options o;
    o.persist = false;
    MainWindow w(o);
    w.resize(1280, 800);
    ConnectionSpec spec;
    spec.kubeconfig = qs(kubeconfig);
    spec.modeOverride = QStringLiteral("standalone");
    w.addConnection(spec, false);
    w.show();
    QTRY_VERIFY_WITH_TIMEOUT(w.allLoaded(), 60000);
    QVERIFY(w.navigator()->selectPath(w.sessions().first()->id()));
    QAction *prepare = w.actions()->action(TenancyActions::PrepareHandover);
    QTRY_VERIFY_WITH_TIMEOUT(!prepare->isEnabled() && prepare->toolTip().contains(QStringLiteral("globalroles")), 15000);
    QVERIFY2(prepare->toolTip().contains(qs(tenant)), qPrintable(prepare->toolTip()));
    guitest::apply(*m_admin, [&](Planner &p) { return p.deleteUser(tenant); });
}

QTEST_MAIN(tst_Handover)
#include "tst_handover.moc"
