// The real main window against the devcluster (offscreen): a create-workspace dialog run end
// to end (bad input, dry run, apply, the new node selected), a forbidden action disabled for a
// restricted identity with the missing permission in its tooltip, keyboard filtering, the
// window surviving kube-apiserver being stopped and resumed, `tenantry --screenshot`, and
// screenshots of the main views under <build>/screenshots.
#include "guitestsupport.h"

#include "clusterstatuswidget.h"
#include "clustersession.h"
#include "detailpanel.h"
#include "mainwindow.h"
#include "membertablemodel.h"
#include "navigatorwidget.h"
#include "plandialog.h"
#include "quotatablemodel.h"
#include "tenancyfilterproxymodel.h"
#include "tenancytreemodel.h"
#include "workspacedialog.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeView>
#include <QtTest>

using namespace kube;
using namespace kube::tenancy;

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }

MainWindow::Options testOptions()
{
    MainWindow::Options o;
    o.persist = false;  // never touch the user's settings
    return o;
}

ConnectionSpec specFor(const std::string &kubeconfig, const QStringList &pins = {})
{
    ConnectionSpec spec;
    spec.kubeconfig = qs(kubeconfig);
    spec.context = QStringLiteral("admin@devcluster");
    spec.pinnedNamespaces = pins;
    return spec;
}

void save(QWidget *w, const QString &name)
{
    const QString file = guitest::screenshotDir() + QLatin1Char('/') + name + QStringLiteral(".png");
    QVERIFY2(w->grab().save(file), qPrintable(file));
    qInfo("screenshot: %s", qPrintable(file));
}
} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void createWorkspaceDialogEndToEnd();
    void forbiddenActionIsDisabledWithTheMissingPermission();
    void keyboardFilterAndContextMenu();
    void screenshotsOfTheMainViews();
    void windowSurvivesApiServerStopAndResume();
    void screenshotCommandLine();

private:
    std::unique_ptr<MainWindow> openWindow(const ConnectionSpec &spec);
    std::unique_ptr<Client> m_admin;
    guitest::Seed m_seed;
};

std::unique_ptr<MainWindow> tst_MainWindow::openWindow(const ConnectionSpec &spec)
{
    auto w = std::make_unique<MainWindow>(testOptions());
    w->resize(1280, 800);
    w->addConnection(spec, false);
    w->show();
    return w;
}

void tst_MainWindow::initTestCase()
{
    std::string error;
    m_admin = clusterenv::clientFor(clusterenv::kubeconfigPath("admin"), &error);
    QVERIFY2(m_admin, error.c_str());
    m_seed = guitest::seedTenancy(*m_admin, &error);
    QVERIFY2(error.empty(), error.c_str());
    // Something to show in the quota and network tabs of p1
    auto r = guitest::kubectl({"-n", qs(m_seed.p1), "create", "quota", "compute", "--hard=requests.cpu=4,requests.memory=8Gi,pods=20"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
}

void tst_MainWindow::cleanupTestCase()
{
    guitest::pauseApiServer(false);
}

void tst_MainWindow::createWorkspaceDialogEndToEnd()
{
    auto w = openWindow(specFor(clusterenv::kubeconfigPath("admin")));
    QAbstractItemModelTester tester(w->navigator()->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    const QString cluster = w->sessions().first()->id();
    QVERIFY(w->navigator()->selectPath(cluster + QStringLiteral("/Workspaces")));
    QAction *create = w->actions()->action(TenancyActions::NewWorkspace);
    QTRY_VERIFY_WITH_TIMEOUT(create->isEnabled(), 15000);

    // When the user opens "New workspace…"
    create->trigger();
    auto *dialog = qobject_cast<WorkspaceDialog *>(w->lastDialog());
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    int confirmations = 0;
    dialog->setConfirmHook([&](const QString &question) {
        ++confirmations;
        return question.contains(cluster);
    });
    save(dialog, QStringLiteral("dialog-new-workspace-empty"));

    // And types an invalid name: the dialog says why, before any request
    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("Bad_Name"));
    dialog->previewButton()->click();
    QVERIFY2(dialog->statusLabel()->text().contains(QStringLiteral("Bad_Name")), qPrintable(dialog->statusLabel()->text()));

    // And a manager who does not exist: the planner (on the server's data) says so, and
    // nothing typed is lost
    const QString name = qs("gnew-" + m_seed.sfx);
    dialog->nameEdit()->clear();
    QTest::keyClicks(dialog->nameEdit(), name);
    QTest::keyClicks(dialog->aliasEdit(), QStringLiteral("Created from the dialog"));
    dialog->managerBox()->setCurrentText(QStringLiteral("ghost-") + qs(m_seed.sfx));
    dialog->dryRunButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->statusLabel()->text().contains(QStringLiteral("does not exist")), 15000);
    QCOMPARE(dialog->nameEdit()->text(), name);
    QCOMPARE(dialog->aliasEdit()->text(), QStringLiteral("Created from the dialog"));

    // When the manager is fixed and the user dry-runs: the plan shows, the server accepts it,
    // nothing is stored
    dialog->managerBox()->setCurrentText(qs(m_seed.userA));
    dialog->dryRunButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->statusLabel()->text().contains(QStringLiteral("Dry run passed")), 20000);
    QVERIFY(dialog->planView()->toPlainText().contains(QStringLiteral("kind: WorkspaceTemplate")));
    QVERIFY(dialog->planView()->toPlainText().contains(name));
    QVERIFY(!m_admin->get(guitest::tenancy(*m_admin).api.workspaceTemplate, {}, name.toStdString()));
    QCOMPARE(confirmations, 0);
    save(dialog, QStringLiteral("dialog-new-workspace-dry-run"));

    // When the user applies and confirms
    QSignalSpy applied(dialog, &PlanDialog::applied);
    dialog->applyButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 1, 30000);
    QCOMPARE(confirmations, 1);
    // Then the workspace exists on the server, appears in the tree and is selected
    QVERIFY(m_admin->get(guitest::tenancy(*m_admin).api.workspaceTemplate, {}, name.toStdString()));
    QTRY_COMPARE_WITH_TIMEOUT(w->navigator()->currentSourceIndex().data(TenancyTreeModel::PathRole).toString(),
                              cluster + QStringLiteral("/Workspaces/") + name, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(w->detailPanel()->overviewValue(QStringLiteral("Manager")), qs(m_seed.userA), 10000);
    QCOMPARE(w->detailPanel()->overviewValue(QStringLiteral("Alias")), QStringLiteral("Created from the dialog"));
    // And the manager binding the plan wrote shows as a member
    w->detailPanel()->showTab(NodeDetails::MembersTab);
    QTRY_VERIFY_WITH_TIMEOUT(w->detailPanel()->memberModel()->rowOfKey(QStringLiteral("User") + QChar(0x1f) + qs(m_seed.userA)
                                                                        + QChar(0x1f) + name + QStringLiteral("-admin")) >= 0,
                             10000);
}

void tst_MainWindow::forbiddenActionIsDisabledWithTheMissingPermission()
{
    // Given a tenant who may only view p1
    const std::string tenant = "gwin-tenant-" + m_seed.sfx;
    QCOMPARE(guitest::apply(*m_admin, [&](Planner &p) {
                 return p.createUser({tenant, tenant + "@example.com", "Passw0rdPassw0rd", "", "", ""}, "platform-regular");
             }),
             std::string());
    QCOMPARE(guitest::apply(*m_admin, [&](Planner &p) { return p.setMember(MemberScope::project(m_seed.p1), tenant, "viewer"); }),
             std::string());
    const std::string kubeconfig = clusterenv::addUser(tenant);
    QVERIFY(!kubeconfig.empty());
    ConnectionSpec spec;
    spec.kubeconfig = qs(kubeconfig);
    spec.pinnedNamespaces = {qs(m_seed.p1)};
    auto w = openWindow(spec);
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    const QString cluster = w->sessions().first()->id();
    // When they select their project
    QVERIFY(w->navigator()->selectPath(cluster + QStringLiteral("/Reachable projects/") + qs(m_seed.p1)));
    // Then "New workspace" and "Delete project" are disabled, saying which permission is missing
    QAction *create = w->actions()->action(TenancyActions::NewWorkspace);
    QTRY_VERIFY_WITH_TIMEOUT(!create->isEnabled(), 15000);
    QVERIFY2(create->toolTip().contains(QStringLiteral("may not create workspacetemplates.tenant.kubesphere.io")),
             qPrintable(create->toolTip()));
    QVERIFY(create->toolTip().contains(qs(tenant)));
    QAction *remove = w->actions()->action(TenancyActions::DeleteProject);
    QVERIFY(remove->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!remove->isEnabled(), 15000);
    QVERIFY2(remove->toolTip().contains(QStringLiteral("delete namespaces")), qPrintable(remove->toolTip()));
    // And the status bar says whose view this is and that it is limited
    ClusterStatusWidget *status = w->statusWidget(cluster);
    QVERIFY(status);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("limited view")), 10000);
    QVERIFY(status->text().contains(qs(tenant)));
    save(w.get(), QStringLiteral("restricted-identity"));
}

void tst_MainWindow::keyboardFilterAndContextMenu()
{
    auto w = openWindow(specFor(clusterenv::kubeconfigPath("admin")));
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    NavigatorWidget *nav = w->navigator();
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    // Ctrl+F, type, Down: the first match is current, its detail shown
    QTest::keyClick(w.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(nav->filterEdit()->hasFocus());
    QTest::keyClicks(nav->filterEdit(), qs(m_seed.p2));
    QTRY_COMPARE_WITH_TIMEOUT(nav->proxy()->filterText(), qs(m_seed.p2), 2000);
    QTest::keyClick(nav->filterEdit(), Qt::Key_Down);
    QVERIFY(nav->treeView()->hasFocus());
    // Walk down to the project with the keyboard
    for (int i = 0; i < 6 && nav->currentSourceIndex().data(TenancyTreeModel::NameRole).toString() != qs(m_seed.p2); ++i)
        QTest::keyClick(nav->treeView(), Qt::Key_Down);
    QCOMPARE(nav->currentSourceIndex().data(TenancyTreeModel::NameRole).toString(), qs(m_seed.p2));
    QTRY_VERIFY(w->detailPanel()->yamlText().contains(qs("name: " + m_seed.p2)));
    save(w.get(), QStringLiteral("filtered-tree"));
    // The actions that apply to a project are the ones offered
    QVERIFY(w->actions()->applies(TenancyActions::DeleteProject));
    QVERIFY(!w->actions()->applies(TenancyActions::DeleteWorkspace));
    QVERIFY(!w->actions()->applies(TenancyActions::EditUser));
    // Escape clears the filter and the selection stays on the project
    QTest::keyClick(nav->filterEdit(), Qt::Key_Escape);
    QTRY_VERIFY(nav->proxy()->filterText().isEmpty());
    QCOMPARE(nav->currentSourceIndex().data(TenancyTreeModel::NameRole).toString(), qs(m_seed.p2));
}

void tst_MainWindow::screenshotsOfTheMainViews()
{
    auto w = openWindow(specFor(clusterenv::kubeconfigPath("admin")));
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    const QString cluster = w->sessions().first()->id();
    struct Shot {
        QString path;
        NodeDetails::Tab tab;
        QString name;
    };
    const QList<Shot> shots{
        {cluster, NodeDetails::OverviewTab, QStringLiteral("cluster-overview")},
        {cluster + qs("/Workspaces/" + m_seed.ws1), NodeDetails::OverviewTab, QStringLiteral("workspace-overview")},
        {cluster + qs("/Workspaces/" + m_seed.ws1), NodeDetails::MembersTab, QStringLiteral("workspace-members")},
        {cluster + qs("/Workspaces/" + m_seed.ws1), NodeDetails::RolesTab, QStringLiteral("workspace-roles")},
        {cluster + qs("/Workspaces/" + m_seed.ws1 + "/" + m_seed.p1), NodeDetails::MembersTab, QStringLiteral("project-members")},
        {cluster + qs("/Workspaces/" + m_seed.ws1 + "/" + m_seed.p1), NodeDetails::QuotasTab, QStringLiteral("project-quotas")},
        {cluster + qs("/Workspaces/" + m_seed.ws1 + "/" + m_seed.p1), NodeDetails::NetworkTab, QStringLiteral("project-network")},
        {cluster + qs("/Workspaces/" + m_seed.ws1 + "/" + m_seed.p1), NodeDetails::YamlTab, QStringLiteral("project-yaml")},
        {cluster + qs("/Platform/Users/" + m_seed.userB), NodeDetails::BindingsTab, QStringLiteral("user-access")},
        {cluster + QStringLiteral("/Platform/Platform roles/platform-admin"), NodeDetails::RolesTab, QStringLiteral("platform-role")},
    };
    for (const auto &s : shots) {
        QVERIFY2(w->navigator()->selectPath(s.path), qPrintable(s.path));
        QVERIFY2(w->detailPanel()->showTab(s.tab), qPrintable(s.name));
        if (s.tab == NodeDetails::QuotasTab) {
            // The project's quota shows as bar rows (hard from kubectl, used from the quota controller)
            QTRY_VERIFY_WITH_TIMEOUT(w->detailPanel()->quotaModel()->rowOfKey(QStringLiteral("compute") + QChar(0x1f) + QStringLiteral("pods")) >= 0, 10000);
        }
        QTest::qWait(50);
        save(w.get(), s.name);
    }
}

void tst_MainWindow::windowSurvivesApiServerStopAndResume()
{
    auto w = openWindow(specFor(clusterenv::kubeconfigPath("admin")));
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    ClusterSession *session = w->sessions().first();
    const QString cluster = session->id();
    QVERIFY(w->navigator()->selectPath(cluster + qs("/Workspaces/" + m_seed.ws1 + "/" + m_seed.p1)));
    ClusterStatusWidget *status = w->statusWidget(cluster);

    QVERIFY(guitest::pauseApiServer(true));
    auto resume = qScopeGuard([] { guitest::pauseApiServer(false); });
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("reconnecting")),
                             ClusterSession::kLivenessIntervalMs + ClusterSession::kProbeTimeoutMs + 5000);
    QVERIFY(status->text().contains(QStringLiteral("stale")));
    // The selection and its details stay while the server is away
    QCOMPARE(w->navigator()->currentSourceIndex().data(TenancyTreeModel::NameRole).toString(), qs(m_seed.p1));
    QVERIFY(w->navigator()->currentSourceIndex().data(TenancyTreeModel::StaleRole).toBool());
    save(w.get(), QStringLiteral("stale-while-reconnecting"));

    QVERIFY(guitest::pauseApiServer(false));
    resume.dismiss();
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral(": connected")), 45000);
    QVERIFY(!status->text().contains(QStringLiteral("stale")));
    QCOMPARE(w->navigator()->currentSourceIndex().data(TenancyTreeModel::NameRole).toString(), qs(m_seed.p1));
    // And it is live again: a label set with kubectl reaches the detail panel
    auto r = guitest::kubectl({"label", "namespace", qs(m_seed.p1), "tenantry-test/after-resume=yes", "--overwrite"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QTRY_VERIFY_WITH_TIMEOUT(w->detailPanel()->labelModel()->rowOfKey(QStringLiteral("tenantry-test/after-resume")) >= 0, 60000);
}

void tst_MainWindow::screenshotCommandLine()
{
    // `tenantry --screenshot` renders after the data loaded, selects the path, and exits 0
    const QString file = guitest::screenshotDir() + QStringLiteral("/cli-project-members.png");
    QFile::remove(file);
    QProcess p;
    p.start(qEnvironmentVariable("TENANTRY_BINARY_DIR") + QStringLiteral("/app/tenantry"),
            {QStringLiteral("--kubeconfig"), qs(clusterenv::kubeconfigPath("admin")), QStringLiteral("--screenshot"), file,
             QStringLiteral("--select"), qs("admin@devcluster/Workspaces/" + m_seed.ws1 + "/" + m_seed.p1),
             QStringLiteral("--tab"), QStringLiteral("members"), QStringLiteral("--timings")});
    QVERIFY(p.waitForFinished(120000));
    const QByteArray out = p.readAllStandardOutput();
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QVERIFY2(out.contains("tenantry-timing first-paint") && out.contains("tenantry-timing tree-complete"), out.constData());
    QImage image(file);
    QCOMPARE(image.size(), QSize(1280, 800));
    // A path that does not exist: still a screenshot, but exit code 1 says the selection failed
    QProcess bad;
    bad.start(qEnvironmentVariable("TENANTRY_BINARY_DIR") + QStringLiteral("/app/tenantry"),
              {QStringLiteral("--kubeconfig"), qs(clusterenv::kubeconfigPath("admin")), QStringLiteral("--screenshot"),
               guitest::screenshotDir() + QStringLiteral("/cli-missing.png"), QStringLiteral("--select"),
               QStringLiteral("admin@devcluster/Workspaces/no-such-workspace")});
    QVERIFY(bad.waitForFinished(120000));
    QCOMPARE(bad.exitCode(), 1);
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
