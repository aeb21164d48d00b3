// The real main window against the devcluster (offscreen): a create-workspace dialog run end
// to end (bad input, dry run, apply, the new node selected), a forbidden action disabled for a
// restricted identity with the missing permission in its tooltip, keyboard filtering, the
// window surviving kube-apiserver being stopped and resumed, `tenantry --screenshot`, a new
// project dry-run then applied in standalone mode, a restricted identity's "nothing reachable"
// row and pinning from it, a project member's project without pins, and screenshots of the
// main views under <build>/screenshots.
#include "guitestsupport.h"

#include "appsettings.h"
#include "models/bindingtablemodel.h"
#include "views/clusterstatuswidget.h"
#include "models/execapprover.h"
#include "views/importkubeconfigdialog.h"
#include "models/kubeconfigcontextmodel.h"
#include "models/networkpolicytablemodel.h"
#include "models/propertytablemodel.h"
#include "models/roletablemodel.h"
#include "models/ruletablemodel.h"
#include "models/clustersession.h"
#include "views/detailpanel.h"
#include "mainwindow.h"
#include "models/membertablemodel.h"
#include "views/navigatorwidget.h"
#include "views/pinnamespacesdialog.h"
#include "actionhandlers.h"
#include "views/plandialog.h"
#include "views/projectdialog.h"
#include "models/quotatablemodel.h"
#include "models/tenancyfilterproxymodel.h"
#include "models/tenancytreemodel.h"
#include "views/userdialog.h"
#include "views/workspacedialog.h"

#include "kubeclient/tenancy/graph/tenancygraph.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
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

using guitest::save;
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
    void importDialogListsTestsAndConnectsSeveral();
    void detailModelsFollowLiveEventsUnderTester();
    void disableUserThroughItsDialog();
    void newProjectInWorkspaceDryRunThenApplyStandalone();
    void nothingReachableOffersPinNamespacesInPlace();
    void projectMemberSeesTheirProjectWithoutPins();
    void dialogsHandBackSpecs();
    void settingsRememberConnectionsButNoSecret();

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
    // Settings of windows that persist go to a throw-away location, never the user's.
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    std::string error;
    m_admin = guitest::adminWithSeed(&m_seed, &error);
    QVERIFY2(m_admin, error.c_str());
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

    // And when the tenant tries anyway (a dialog opened directly), the server's refusal shows in
    // the dialog with the server's own words, Apply stays disabled, and the form keeps its text
    ProjectDialog dialog(new PlanRunner(w->sessions().first()), w->sessions().first()->snapshot());
    dialog.setRequiredPermission(w->sessions().first()->access(), *w->actions()->permissionFor(TenancyActions::NewProject));
    dialog.show();
    QTest::keyClicks(dialog.nameEdit(), qs("gforbidden-" + m_seed.sfx));
    dialog.dryRunButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.statusLabel()->text().contains(QStringLiteral("forbidden")), 20000);
    // (the planner reads before it writes, so the refusal may be of the read: the server says which)
    QVERIFY2(dialog.statusLabel()->text().contains(qs("is forbidden: User \"" + tenant + "\" cannot")),
             qPrintable(dialog.statusLabel()->text()));
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.applyButton()->isEnabled(), 10000);
    QVERIFY(dialog.applyButton()->toolTip().contains(QStringLiteral("create namespaces")));
    QCOMPARE(dialog.nameEdit()->text(), qs("gforbidden-" + m_seed.sfx));
    save(&dialog, QStringLiteral("dialog-server-refusal"));
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
    // The context menu offers them; Delete in the tree opens the delete dialog for this project
    QMenu menu;
    w->actions()->fillContextMenu(&menu);
    QStringList texts;
    for (QAction *a : menu.actions())
        texts << a->text();
    QVERIFY2(texts.contains(QStringLiteral("&Delete project…")), qPrintable(texts.join('|')));
    QVERIFY(!texts.contains(QStringLiteral("&Delete workspace…")));
    QTest::keyClick(nav->treeView(), Qt::Key_Delete);
    QTRY_VERIFY(w->lastDialog() && w->lastDialog()->isVisible());
    QVERIFY(w->lastDialog()->windowTitle().contains(qs(m_seed.p2)));
    QTRY_VERIFY_WITH_TIMEOUT(w->lastDialog()->planView()->toPlainText().contains(qs(m_seed.p2)), 15000);
    w->lastDialog()->reject();  // not applied: p2 stays
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
    const QString tenantry = qEnvironmentVariable("TENANTRY_BINARY_DIR") + QStringLiteral("/app/tenantry");
    QVERIFY2(QFileInfo(tenantry).isExecutable(), qPrintable("tenantry is missing (" + tenantry + "): build the tenantry target"));
    QProcess p;
    p.start(tenantry,
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
    bad.start(tenantry,
              {QStringLiteral("--kubeconfig"), qs(clusterenv::kubeconfigPath("admin")), QStringLiteral("--screenshot"),
               guitest::screenshotDir() + QStringLiteral("/cli-missing.png"), QStringLiteral("--select"),
               QStringLiteral("admin@devcluster/Workspaces/no-such-workspace")});
    QVERIFY(bad.waitForFinished(120000));
    QCOMPARE(bad.exitCode(), 1);
}

void tst_MainWindow::importDialogListsTestsAndConnectsSeveral()
{
    // Given the import dialog on the admin's kubeconfig
    ExecApprover approver;
    ImportKubeconfigDialog dialog(&approver, qs(clusterenv::kubeconfigPath("admin")), {});
    QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    dialog.show();
    QTRY_COMPARE_WITH_TIMEOUT(dialog.model()->rowCount(), 1, 10000);
    const ContextRow *row = dialog.model()->rowAt(0);
    QCOMPARE(row->name, QStringLiteral("admin@devcluster"));
    QVERIFY(row->server.startsWith(QStringLiteral("https://127.0.0.1:")));
    QCOMPARE(row->auth, QStringLiteral("client certificate"));
    QVERIFY(row->checked);  // the current context is offered first
    // When the user tests the connection, the call returns before the answer (the window stays
    // responsive: the test runs off the GUI thread; its latency is in tests/bench/bench_importdialog)
    dialog.model()->testConnection(0);
    QCOMPARE(dialog.model()->rowAt(0)->test, ContextRow::Test::Running);
    // And the answer arrives
    QTRY_COMPARE_WITH_TIMEOUT(dialog.model()->rowAt(0)->test, ContextRow::Test::Ok, 15000);
    QVERIFY(dialog.model()->rowAt(0)->testText.contains(QStringLiteral("devcluster-admin")));
    save(&dialog, QStringLiteral("import-kubeconfig"));
    const auto chosen = dialog.connections();
    QCOMPARE(chosen.size(), 1);

    // And several clusters at once: the admin and a tenant's view side by side
    const std::string tenant = "gimport-" + m_seed.sfx;
    const std::string tenantConfig = clusterenv::addUser(tenant);
    MainWindow w(testOptions());
    w.addConnection(chosen.first(), false);
    ConnectionSpec second;
    second.kubeconfig = qs(tenantConfig);
    w.addConnection(second, false);
    w.show();
    QTRY_VERIFY_WITH_TIMEOUT(w.allLoaded(), 60000);
    QCOMPARE(w.treeModel()->clusters().size(), 2);
    QCOMPARE(w.sessions().size(), 2);
    QVERIFY(w.statusWidget(w.sessions().at(0)->id()));
    QVERIFY(w.statusWidget(w.sessions().at(1)->id()));
    QCOMPARE(w.sessions().at(1)->identity(), qs(tenant));
    // Adding the same context again selects it instead of connecting twice
    w.addConnection(chosen.first(), false);
    QCOMPARE(w.sessions().size(), 2);
    save(&w, QStringLiteral("two-clusters"));
}

void tst_MainWindow::detailModelsFollowLiveEventsUnderTester()
{
    auto w = openWindow(specFor(clusterenv::kubeconfigPath("admin")));
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    const QString cluster = w->sessions().first()->id();
    DetailPanel *panel = w->detailPanel();
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
    for (QAbstractItemModel *m : std::initializer_list<QAbstractItemModel *>{
             panel->memberModel(), panel->bindingModel(), panel->roleModel(), panel->ruleModel(), panel->quotaModel(),
             panel->policyModel(), panel->labelModel(), panel->annotationModel()})
        testers.push_back(std::make_unique<QAbstractItemModelTester>(m, QAbstractItemModelTester::FailureReportingMode::QtTest));
    // Given project p2 selected (and its members tab shown)
    QVERIFY(w->navigator()->selectPath(cluster + qs("/Workspaces/" + m_seed.ws1 + "/" + m_seed.p2)));
    panel->showTab(NodeDetails::MembersTab);
    const int before = panel->memberModel()->rowCount();
    // When members, roles, quotas, policies and labels change on the server
    QCOMPARE(guitest::apply(*m_admin, [&](Planner &p) { return p.setMember(MemberScope::project(m_seed.p2), m_seed.userA, "operator"); }),
             std::string());
    QTRY_COMPARE_WITH_TIMEOUT(panel->memberModel()->rowCount(), before + 1, 15000);
    QCOMPARE(guitest::apply(*m_admin, [&](Planner &p) {
                 RoleSpec role;
                 role.level = RoleSpec::Level::Project;
                 role.scope = m_seed.p2;
                 role.name = "gui-reader";
                 role.rules = nlohmann::json::parse(R"([{"verbs":["get","list"],"apiGroups":[""],"resources":["configmaps"]}])");
                 return p.saveRole(role, true);
             }),
             std::string());
    QTRY_VERIFY_WITH_TIMEOUT(panel->roleModel()->rowOfKey(QStringLiteral("gui-reader")) >= 0, 15000);
    auto r = guitest::kubectl({"-n", qs(m_seed.p2), "create", "quota", "objects", "--hard=configmaps=10"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QTRY_VERIFY_WITH_TIMEOUT(panel->quotaModel()->rowCount() >= 1, 15000);
    QProcess apply;
    apply.start(QStringLiteral("kubectl"), {QStringLiteral("--kubeconfig"), qs(clusterenv::kubeconfigPath("admin")),
                                            QStringLiteral("-n"), qs(m_seed.p2), QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")});
    apply.write("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny-all}\n"
                "spec: {podSelector: {}, policyTypes: [Ingress, Egress]}\n");
    apply.closeWriteChannel();
    QVERIFY(apply.waitForFinished(30000));
    QCOMPARE(apply.exitCode(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(panel->policyModel()->rowOfKey(QStringLiteral("NetworkPolicy") + QChar(0x1f) + QStringLiteral("deny-all")) >= 0, 15000);
    r = guitest::kubectl({"label", "namespace", qs(m_seed.p2), "team=gui"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QTRY_VERIFY_WITH_TIMEOUT(panel->labelModel()->rowOfKey(QStringLiteral("team")) >= 0, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(panel->yamlText().contains(QStringLiteral("team: gui")), 15000);
    // And when the member goes, its row goes
    QCOMPARE(guitest::apply(*m_admin, [&](Planner &p) { return p.removeMember(MemberScope::project(m_seed.p2), m_seed.userA); }),
             std::string());
    QTRY_COMPARE_WITH_TIMEOUT(panel->memberModel()->rowCount(), before, 15000);
    // And a user's access table follows too
    QVERIFY(w->navigator()->selectPath(cluster + qs("/Platform/Users/" + m_seed.userB)));
    QTRY_VERIFY_WITH_TIMEOUT(panel->bindingModel()->rowCount() >= 2, 10000);  // platform role + viewer of p1
}

void tst_MainWindow::disableUserThroughItsDialog()
{
    auto w = openWindow(specFor(clusterenv::kubeconfigPath("admin")));
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    const QString cluster = w->sessions().first()->id();
    QVERIFY(w->navigator()->selectPath(cluster + qs("/Platform/Users/" + m_seed.userB)));
    QVERIFY(w->actions()->applies(TenancyActions::DisableUser));
    QVERIFY(!w->actions()->applies(TenancyActions::EnableUser));
    QAction *disable = w->actions()->action(TenancyActions::DisableUser);
    QTRY_VERIFY_WITH_TIMEOUT(disable->isEnabled(), 15000);
    disable->trigger();
    PlanDialog *dialog = w->lastDialog();
    QVERIFY(dialog);
    dialog->setConfirmHook([](const QString &) { return true; });
    // The plan is shown as soon as the dialog opens (nothing to type)
    QTRY_VERIFY_WITH_TIMEOUT(dialog->planView()->toPlainText().contains(QStringLiteral("Disabled")), 15000);
    QSignalSpy applied(dialog, &PlanDialog::applied);
    dialog->applyButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 1, 20000);
    // Then the tree marks the user disabled and the action flips to "Enable"
    const QModelIndex user = w->treeModel()->indexForPath(cluster + qs("/Platform/Users/" + m_seed.userB));
    QTRY_VERIFY_WITH_TIMEOUT(user.data(TenancyTreeModel::FlagsRole).toUInt() & OutlineEntry::Disabled, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(w->actions()->applies(TenancyActions::EnableUser), 5000);
    QVERIFY(!w->actions()->applies(TenancyActions::DisableUser));
}

void tst_MainWindow::newProjectInWorkspaceDryRunThenApplyStandalone()
{
    // Given the admin in standalone mode (Tenantry writes what KubeSphere's controllers would)
    ConnectionSpec spec = specFor(clusterenv::kubeconfigPath("admin"));
    spec.modeOverride = QStringLiteral("standalone");
    auto w = openWindow(spec);
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    const QString cluster = w->sessions().first()->id();
    QCOMPARE(w->sessions().first()->tenancy().mode, Mode::Standalone);
    // When the user selects workspace ws2 and opens "New project…"
    QVERIFY(w->navigator()->selectPath(cluster + qs("/Workspaces/" + m_seed.ws2)));
    QAction *create = w->actions()->action(TenancyActions::NewProject);
    QTRY_VERIFY_WITH_TIMEOUT(create->isEnabled(), 15000);
    create->trigger();
    auto *dialog = qobject_cast<ProjectDialog *>(w->lastDialog());
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    dialog->setConfirmHook([](const QString &) { return true; });
    // Then the workspace is chosen already
    QCOMPARE(dialog->workspaceBox()->currentData().toString(), qs(m_seed.ws2));
    // When a name is typed and the user dry-runs: the dry run passes (it used to fail with
    // `namespaces "<name>" not found`), nothing is stored, and the status says which writes the
    // server could not check because they go into the namespace the plan itself creates
    const QString name = qs("gnewp-" + m_seed.sfx);
    QTest::keyClicks(dialog->nameEdit(), name);
    dialog->dryRunButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->runner()->busy() && dialog->statusLabel()->text().contains(QStringLiteral("Dry run")), 30000);
    QVERIFY2(dialog->statusLabel()->text().contains(QStringLiteral("Dry run passed")), qPrintable(dialog->statusLabel()->text()));
    QVERIFY2(dialog->statusLabel()->text().contains(QStringLiteral("can only be checked once those exist")),
             qPrintable(dialog->statusLabel()->text()));
    QVERIFY(dialog->planView()->toPlainText().contains(QStringLiteral("kind: Namespace")));
    QVERIFY(!m_admin->get(TenancyApi::namespaces, {}, name.toStdString()));
    save(dialog, QStringLiteral("dialog-new-project-dry-run"));
    // When the user applies
    QSignalSpy applied(dialog, &PlanDialog::applied);
    dialog->applyButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 1, 30000);
    // Then the namespace exists in ws2 with the project's roles, and the tree selects it
    auto ns = m_admin->get(TenancyApi::namespaces, {}, name.toStdString());
    QVERIFY(ns);
    QCOMPARE(qs((*ns)["metadata"]["labels"].value("kubesphere.io/workspace", "")), qs(m_seed.ws2));
    auto roles = guitest::kubectl({"-n", name, "get", "roles", "-o", "name"});
    QVERIFY2(roles.exitCode == 0 && !roles.out.trimmed().isEmpty(), roles.err.constData());
    QTRY_COMPARE_WITH_TIMEOUT(w->navigator()->currentSourceIndex().data(TenancyTreeModel::PathRole).toString(),
                              cluster + qs("/Workspaces/" + m_seed.ws2 + "/") + name, 15000);
}

void tst_MainWindow::nothingReachableOffersPinNamespacesInPlace()
{
    // Given an identity with a plain RoleBinding in p3 (no tenancy membership) and no pins
    const std::string user = "gpin-" + m_seed.sfx;
    const std::string kubeconfig = clusterenv::addUser(user);
    QVERIFY(!kubeconfig.empty());
    auto r = guitest::kubectl({"-n", qs(m_seed.p3), "create", "rolebinding", qs("gpin-view-" + m_seed.sfx),
                               "--clusterrole=view", "--user", qs(user)});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    ConnectionSpec spec;
    spec.kubeconfig = qs(kubeconfig);
    auto w = openWindow(spec);
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    const QString cluster = w->sessions().first()->id();
    // Then the tree says in place that nothing is reachable, instead of an empty tree
    const QString rowPath = cluster + QStringLiteral("/Nothing reachable");
    QTRY_VERIFY_WITH_TIMEOUT(w->treeModel()->indexForPath(rowPath).isValid(), 15000);
    const QModelIndex row = w->treeModel()->indexForPath(rowPath);
    QVERIFY(row.data(Qt::ToolTipRole).toString().contains(qs(user)));
    // And selecting it explains why and what to do
    QVERIFY(w->navigator()->selectPath(rowPath));
    QVERIFY(w->detailPanel()->overviewValue(QStringLiteral("Why")).contains(QStringLiteral("may not list namespaces")));
    QVERIFY(w->actions()->applies(TenancyActions::PinNamespaces));
    QTest::qWait(50);
    save(w.get(), QStringLiteral("nothing-reachable"));
    // When the user presses Enter on the row
    w->navigator()->treeView()->setFocus();
    QTest::keyClick(w->navigator()->treeView(), Qt::Key_Return);
    // Then the pin dialog opens for this cluster, without blocking the window
    QTRY_VERIFY_WITH_TIMEOUT(w->handlers()->pinDialog() && w->handlers()->pinDialog()->isVisible(), 5000);
    PinNamespacesDialog *pin = w->handlers()->pinDialog();
    QVERIFY(QTest::qWaitForWindowExposed(pin));
    save(pin, QStringLiteral("dialog-pin-namespaces"));
    // When they name the namespace they work in and confirm
    QTest::keyClicks(pin->namespacesEdit(), qs(m_seed.p3));
    pin->buttons()->button(QDialogButtonBox::Ok)->click();
    // Then the namespace shows as a reachable project, the row gives way, the pin is kept
    QTRY_VERIFY_WITH_TIMEOUT(w->treeModel()->indexForPath(cluster + qs("/Reachable projects/" + m_seed.p3)).isValid(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!w->treeModel()->indexForPath(rowPath).isValid(), 5000);
    QCOMPARE(w->sessions().first()->spec().pinnedNamespaces, QStringList{qs(m_seed.p3)});
    save(w.get(), QStringLiteral("pinned-namespace"));
}

void tst_MainWindow::projectMemberSeesTheirProjectWithoutPins()
{
    // Given a project operator of p2, made a member through the planner (standalone: the plan
    // also grants get on their projects' namespaces, which a rules review reveals)
    const std::string member = "gmember-" + m_seed.sfx;
    QCOMPARE(guitest::apply(*m_admin, [&](Planner &p) {
                 return p.createUser({member, member + "@example.com", "Passw0rdPassw0rd", "", "", ""}, "platform-regular");
             }),
             std::string());
    QCOMPARE(guitest::apply(*m_admin, [&](Planner &p) { return p.setMember(MemberScope::project(m_seed.p2), member, "operator"); }),
             std::string());
    const std::string kubeconfig = clusterenv::addUser(member);
    QVERIFY(!kubeconfig.empty());
    // When they open the window with their kubeconfig and nothing pinned
    ConnectionSpec spec;
    spec.kubeconfig = qs(kubeconfig);
    auto w = openWindow(spec);
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    const QString cluster = w->sessions().first()->id();
    QVERIFY(w->sessions().first()->spec().pinnedNamespaces.isEmpty());
    // Then their project is in the tree, and no "nothing reachable" row
    const QString path = cluster + qs("/Reachable projects/" + m_seed.p2);
    QTRY_VERIFY_WITH_TIMEOUT(w->treeModel()->indexForPath(path).isValid(), 30000);
    QVERIFY(!w->treeModel()->indexForPath(cluster + QStringLiteral("/Nothing reachable")).isValid());
    // And its members show when selected (the operator among them)
    QVERIFY(w->navigator()->selectPath(path));
    w->detailPanel()->showTab(NodeDetails::MembersTab);
    QTRY_VERIFY_WITH_TIMEOUT(w->detailPanel()->memberModel()->rowCount() >= 1, 15000);
    save(w.get(), QStringLiteral("project-member"));
}

void tst_MainWindow::dialogsHandBackSpecs()
{
    // The forms hand the engine's specs to TenancyOperations; no cluster is needed to read them
    TenancyGraph graph;
    const GraphSnapshot snapshot = graph.snapshot();
    QString problem;
    WorkspaceDialog ws(new PlanRunner(nullptr), snapshot);
    QTest::keyClicks(ws.nameEdit(), QStringLiteral("Bad_Name"));
    QVERIFY(!ws.spec(&problem));
    QVERIFY2(problem.contains(QStringLiteral("Bad_Name")), qPrintable(problem));
    ws.nameEdit()->setText(QStringLiteral("  team-a "));
    ws.aliasEdit()->setText(QStringLiteral("Team A"));
    ws.managerBox()->setCurrentText(QStringLiteral("alice"));
    const auto wsSpec = ws.spec(&problem);
    QVERIFY(wsSpec);
    QCOMPARE(wsSpec->name, std::string("team-a"));
    QCOMPARE(wsSpec->alias, std::string("Team A"));
    QCOMPARE(wsSpec->manager, std::string("alice"));
    QCOMPARE(wsSpec->clusters, std::vector<std::string>{"host"});
    QVERIFY(!wsSpec->networkIsolation.has_value());  // untouched on create: the engine's default

    ProjectDialog project(new PlanRunner(nullptr), snapshot);
    project.nameEdit()->setText(QStringLiteral("p-1"));
    const auto projectSpec = project.spec(&problem);
    QVERIFY(projectSpec);
    QCOMPARE(projectSpec->name, std::string("p-1"));
    QVERIFY(projectSpec->workspace.empty());  // "(no workspace)"

    problem.clear();
    UserDialog user(new PlanRunner(nullptr), snapshot);
    user.nameEdit()->setText(QStringLiteral("bob"));
    user.emailEdit()->setText(QStringLiteral("bob@example.com"));
    user.passwordEdit()->setText(QStringLiteral("Passw0rdPassw0rd"));
    user.confirmEdit()->setText(QStringLiteral("Passw0rdPassw0rX"));
    QVERIFY(!user.spec(&problem));
    QCOMPARE(problem, QStringLiteral("The two passwords differ."));
    user.confirmEdit()->setText(QStringLiteral("Passw0rdPassw0rd"));
    const auto userSpec = user.spec(&problem);
    QVERIFY(userSpec);
    QCOMPARE(userSpec->email, std::string("bob@example.com"));

    // Pinned namespaces as people paste them: commas or spaces, repeats dropped, order kept
    QCOMPARE(PinNamespacesDialog::parse(QStringLiteral(" team-a-dev, team-a-prod  team-b,,team-a-dev ")),
             (QStringList{QStringLiteral("team-a-dev"), QStringLiteral("team-a-prod"), QStringLiteral("team-b")}));
    QVERIFY(PinNamespacesDialog::parse(QStringLiteral(" , ")).isEmpty());
}

void tst_MainWindow::settingsRememberConnectionsButNoSecret()
{
    // Given a persistent window that connects through an exec plugin and remembers the approval
    const std::string plugin = std::string(TENANTRY_SOURCE_DIR) + "/tests/data/exec-it/devcluster-token.sh";
    const std::string kubeconfig = guitest::writeExecKubeconfig(
        "gui-settings.kubeconfig", plugin, {clusterenv::stateDir() + "/tokens/token-user.token"});
    QSettings().clear();
    {
        MainWindow::Options o;
        o.persist = true;
        MainWindow w(o);
        w.approver()->setAsker([](const kube::ExecApprovalRequest &, bool *remember) {
            *remember = true;
            return true;
        });
        ConnectionSpec spec;
        spec.kubeconfig = qs(kubeconfig);
        spec.context = QStringLiteral("exec@dev");
        spec.pinnedNamespaces = {QStringLiteral("pinned-ns")};
        w.addConnection(spec, true);
        QTRY_VERIFY_WITH_TIMEOUT(w.allLoaded(), 60000);
        w.close();
    }
    // Then the settings name the file, the context and the pins, and the plugin's approval as a hash
    AppSettings settings;
    const auto connections = settings.connections();
    QCOMPARE(connections.size(), 1);
    QCOMPARE(connections.first().kubeconfig, qs(kubeconfig));
    QCOMPARE(connections.first().context, QStringLiteral("exec@dev"));
    QCOMPARE(connections.first().pinnedNamespaces, QStringList{QStringLiteral("pinned-ns")});
    QCOMPARE(settings.approvedExecCommands().size(), 1);
    // And no secret: neither the token the plugin printed nor any key material
    QSettings raw;
    raw.sync();
    QFile file(raw.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QFile tokenFile(qs(clusterenv::stateDir() + "/tokens/token-user.token"));
    QVERIFY(tokenFile.open(QIODevice::ReadOnly));
    const QByteArray token = tokenFile.readAll().trimmed();
    QVERIFY(!token.isEmpty());
    QVERIFY2(!text.contains(token), "the token reached the settings file");
    QVERIFY(!text.contains("BEGIN"));
    QVERIFY(!text.toLower().contains("password"));
    // And a new window restores the connection from there
    MainWindow::Options o;
    o.persist = true;
    MainWindow again(o);
    QVERIFY(again.restoreConnections());
    QCOMPARE(again.sessions().size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(again.sessions().first()->status().identity, QStringLiteral("token-user"), 30000);
    QSettings().clear();
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
