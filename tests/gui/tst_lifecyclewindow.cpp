// The end of tenancy objects in the real window against the devcluster (standalone: no
// KubeSphere controller runs): a project moved out of its workspace leaves its former members
// without access (kubectl auth can-i --as); a project carrying a KubeSphere finalizer is deleted from the tree, the plan
// dialog warns and offers to remove the finalizer, and with it the project really goes; a
// protected project's delete is refused with the reason; a workspace stuck Terminating is freed
// by "Remove stuck finalizers…". Each step is checked with kubectl and photographed.
#include "guitestsupport.h"
#include "guiwindow.h"

#include "actionhandlers.h"
#include "mainwindow.h"
#include "models/clustersession.h"
#include "views/moveprojectdialog.h"
#include "views/navigatorwidget.h"
#include "views/plandialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QtTest>

using namespace kube;
using namespace kube::tenancy;

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }

bool notFound(const QStringList &object)
{
    auto r = guitest::kubectl(QStringList{"get"} + object);
    return r.exitCode != 0 && r.err.contains("NotFound");
}

bool applyAndWait(PlanDialog *dialog)
{
    dialog->setConfirmHook([](const QString &) { return true; });
    QSignalSpy applied(dialog, &PlanDialog::applied);
    dialog->applyButton()->click();
    return applied.wait(30000) || applied.count() == 1;
}
} // namespace

class tst_LifecycleWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void movingOutOfTheWorkspaceRemovesAccess();
    void deleteOffersToRemoveKubeSphereFinalizers();
    void protectedProjectIsRefused();
    void stuckWorkspaceIsFreedFromTheTree();

private:
    std::unique_ptr<Client> m_admin;
    guitest::Seed m_seed;
};

void tst_LifecycleWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    std::string error;
    m_admin = guitest::adminWithSeed(&m_seed, &error);
    QVERIFY2(m_admin, error.c_str());
}

void tst_LifecycleWindow::movingOutOfTheWorkspaceRemovesAccess()
{
    // Given user B a viewer of p3 (in ws2): B may list its pods
    const std::string p3 = m_seed.p3;
    QCOMPARE(guitest::apply(*m_admin, [&](Planner &p) { return p.setMember(MemberScope::project(p3), m_seed.userB, "viewer"); }),
             std::string());
    auto canList = [&] {
        return guitest::kubectl({"auth", "can-i", "list", "pods", "-n", qs(p3), "--as", qs(m_seed.userB)}).out.trimmed();
    };
    QCOMPARE(canList(), QByteArray("yes"));
    auto w = guitest::openAdminWindow({1280, 800});
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    const QString cluster = w->sessions().first()->id();
    QVERIFY(w->navigator()->selectPath(cluster + QStringLiteral("/Workspaces/") + qs(m_seed.ws2) + QLatin1Char('/') + qs(p3)));
    QAction *move = w->actions()->action(TenancyActions::MoveProject);
    QTRY_VERIFY_WITH_TIMEOUT(move->isEnabled(), 15000);
    // When the user moves it to "No workspace"
    move->trigger();
    auto *dialog = qobject_cast<MoveProjectDialog *>(w->lastDialog());
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QVERIFY(dialog->leaveIndex() >= 0);
    dialog->workspaceBox()->setCurrentIndex(dialog->leaveIndex());
    QVERIFY(dialog->leavesWorkspace());
    QVERIFY(dialog->effectLabel()->text().contains(QStringLiteral("leaves its workspace")));
    dialog->previewButton()->click();
    // Then the plan says the project's roles and member bindings go with the label (4.x)
    QTRY_VERIFY_WITH_TIMEOUT(dialog->runner()->hasPlan(), 20000);
    const QString yaml = dialog->planView()->toPlainText();
    QVERIFY2(yaml.contains(QStringLiteral("former members lose their access")), qPrintable(yaml));
    QVERIFY2(yaml.contains(QStringLiteral("RoleBinding ") + qs(p3) + QLatin1Char('/') + qs(m_seed.userB) + QStringLiteral("-viewer")),
             qPrintable(yaml));
    guitest::save(dialog, QStringLiteral("move-project-out-of-workspace"));
    QVERIFY(applyAndWait(dialog));
    // And B may no longer use it; the namespace has no workspace label
    QCOMPARE(canList(), QByteArray("no"));
    auto label = guitest::kubectl({"get", "namespace", qs(p3), "-o", "jsonpath={.metadata.labels.kubesphere\\.io/workspace}"});
    QCOMPARE(label.out.trimmed(), QByteArray());
}

void tst_LifecycleWindow::deleteOffersToRemoveKubeSphereFinalizers()
{
    // Given project p2 of ws1 with the finalizer KubeSphere 3.x's namespace controller adds
    const QString project = qs(m_seed.p2);
    auto r = guitest::kubectl({"patch", "namespace", project, "--type=merge", "-p",
                               R"({"metadata":{"finalizers":["finalizers.kubesphere.io/namespaces"]}})"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    auto w = guitest::openAdminWindow({1280, 800});
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    const QString cluster = w->sessions().first()->id();
    QVERIFY(w->navigator()->selectPath(cluster + QStringLiteral("/Workspaces/") + qs(m_seed.ws1) + QLatin1Char('/') + project));
    QAction *del = w->actions()->action(TenancyActions::DeleteProject);
    QTRY_VERIFY_WITH_TIMEOUT(del->isEnabled(), 15000);
    // When the user deletes it
    del->trigger();
    PlanDialog *dialog = w->lastDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->runner()->hasPlan(), 20000);
    // Then the plan warns that the finalizer would hold it, and offers its removal
    QTRY_VERIFY_WITH_TIMEOUT(dialog->removeFinalizersBox()->isVisible(), 5000);
    QVERIFY(!dialog->removeFinalizersBox()->isChecked());
    const QString status = dialog->statusLabel()->text();
    QVERIFY2(status.contains(QStringLiteral("carries KubeSphere finalizers (finalizers.kubesphere.io/namespaces)")),
             qPrintable(status));
    QVERIFY2(dialog->removeFinalizersBox()->toolTip().contains(QStringLiteral("Namespace ") + project),
             qPrintable(dialog->removeFinalizersBox()->toolTip()));
    QVERIFY(!dialog->planView()->toPlainText().contains(QStringLiteral("remove the KubeSphere finalizers")));
    guitest::save(dialog, QStringLiteral("delete-project-finalizers-offered"));
    // When the user ticks the choice, the plan is made again with the removal first
    dialog->removeFinalizersBox()->click();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->planView()->toPlainText().contains(QStringLiteral("1. patch v1 Namespace ") + project
                                                                         + QStringLiteral(": remove the KubeSphere finalizers")),
                             20000);
    QVERIFY(dialog->removeFinalizersBox()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(dialog->statusLabel()->text().contains(QStringLiteral("the plan removes them first")), 5000);
    guitest::save(dialog, QStringLiteral("delete-project-finalizers-removed"));
    // And applied, the project really goes
    QVERIFY(applyAndWait(dialog));
    QElapsedTimer timer;
    timer.start();
    while (!notFound({"namespace", project}) && timer.elapsed() < 90000)
        QTest::qWait(500);
    QVERIFY2(notFound({"namespace", project}), "the namespace is still there");
}

void tst_LifecycleWindow::protectedProjectIsRefused()
{
    // Given project p1 labelled as KubeSphere protects a resource
    const QString project = qs(m_seed.p1);
    auto r = guitest::kubectl({"label", "namespace", project, "kubesphere.io/protected-resource=true"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    auto w = guitest::openAdminWindow({1280, 800});
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    const QString cluster = w->sessions().first()->id();
    QVERIFY(w->navigator()->selectPath(cluster + QStringLiteral("/Workspaces/") + qs(m_seed.ws1) + QLatin1Char('/') + project));
    QAction *del = w->actions()->action(TenancyActions::DeleteProject);
    QTRY_VERIFY_WITH_TIMEOUT(del->isEnabled(), 15000);
    // When the user deletes it
    del->trigger();
    PlanDialog *dialog = w->lastDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    // Then no plan is made; the dialog says why, naming the label
    QTRY_VERIFY_WITH_TIMEOUT(dialog->statusLabel()->text().contains(QStringLiteral("is protected")), 20000);
    QVERIFY(dialog->statusLabel()->text().contains(QStringLiteral("kubesphere.io/protected-resource=true")));
    QVERIFY(!dialog->runner()->hasPlan());
    QVERIFY(!dialog->removeFinalizersBox()->isVisible());
    guitest::save(dialog, QStringLiteral("delete-project-protected"));
    // And applying does not delete it either
    dialog->setConfirmHook([](const QString &) { return true; });
    dialog->applyButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->runner()->busy(), 20000);
    QTest::qWait(500);
    auto ns = guitest::kubectl({"get", "namespace", project, "-o", "jsonpath={.metadata.deletionTimestamp}"});
    QCOMPARE(ns.exitCode, 0);
    QVERIFY(ns.out.trimmed().isEmpty());
    guitest::kubectl({"label", "namespace", project, "kubesphere.io/protected-resource-"});
}

void tst_LifecycleWindow::stuckWorkspaceIsFreedFromTheTree()
{
    // Given ws2's template deleted behind the window's back while it carried KubeSphere 4.x's
    // cascading-deletion finalizer: it stays Terminating
    const QString ws = qs(m_seed.ws2);
    const QStringList tmpl{"workspacetemplates.tenant.kubesphere.io", ws};
    auto r = guitest::kubectl({"patch", "workspacetemplates.tenant.kubesphere.io", ws, "--type=merge", "-p",
                               R"({"metadata":{"finalizers":["kubesphere.io/cascading-deletion"]}})"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = guitest::kubectl({"delete", "workspacetemplates.tenant.kubesphere.io", ws, "--wait=false"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    auto w = guitest::openAdminWindow({1280, 800});
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    const QString cluster = w->sessions().first()->id();
    QVERIFY(w->navigator()->selectPath(cluster + QStringLiteral("/Workspaces/") + ws));
    // Then the tree offers to free it (only for objects being deleted)
    QAction *release = w->actions()->action(TenancyActions::ReleaseFinalizers);
    QTRY_VERIFY_WITH_TIMEOUT(release->isEnabled(), 15000);
    QVERIFY(w->navigator()->selectPath(cluster + QStringLiteral("/Workspaces/") + qs(m_seed.ws1)));
    QTRY_VERIFY_WITH_TIMEOUT(!w->actions()->applies(TenancyActions::ReleaseFinalizers), 5000);
    QVERIFY(w->navigator()->selectPath(cluster + QStringLiteral("/Workspaces/") + ws));
    QTRY_VERIFY_WITH_TIMEOUT(w->actions()->applies(TenancyActions::ReleaseFinalizers), 5000);
    // When the user frees it
    release->trigger();
    PlanDialog *dialog = w->lastDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->runner()->hasPlan(), 20000);
    QVERIFY2(dialog->planView()->toPlainText().contains(QStringLiteral("patch tenant.kubesphere.io/v1beta1 WorkspaceTemplate ")
                                                        + ws + QStringLiteral(": Terminating since")),
             qPrintable(dialog->planView()->toPlainText()));
    QVERIFY(!dialog->removeFinalizersBox()->isVisible());
    guitest::save(dialog, QStringLiteral("release-stuck-workspace"));
    // Then the delete completes
    QVERIFY(applyAndWait(dialog));
    QTRY_VERIFY_WITH_TIMEOUT(notFound(tmpl), 30000);
}

QTEST_MAIN(tst_LifecycleWindow)
#include "tst_lifecyclewindow.moc"
