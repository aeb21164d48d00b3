// Before-apply views and undo, in the real window against the devcluster: the plan dialog's
// Changes tab (field diff against the live object, predicted then exact after a dry run) and
// Impact tab (who gains or loses what); Edit → Undo / Redo of applied changes, each checked
// with kubectl; an undo refused because someone changed the object since; the history list.
#include "guitestsupport.h"
#include "guiwindow.h"

#include "actionhandlers.h"
#include "mainwindow.h"
#include "models/changehistory.h"
#include "models/clustersession.h"
#include "models/planimpact.h"
#include "models/tenancytreemodel.h"
#include "models/roletablemodel.h"
#include "models/userpickermodel.h"
#include "views/detailpanel.h"
#include "views/editprojectdialog.h"
#include "views/memberdialog.h"
#include "views/roleeditordialog.h"
#include "views/navigatorwidget.h"
#include "views/plandialog.h"
#include "views/workspacedialog.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QMenu>
#include <QToolBar>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QtTest>

using namespace kube;
using namespace kube::tenancy;

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }

using guitest::save;

QString kubectlJsonPath(const QStringList &object, const QString &path)
{
    auto r = guitest::kubectl(QStringList{"get"} + object + QStringList{"-o", "jsonpath=" + path});
    return r.exitCode == 0 ? QString::fromUtf8(r.out).trimmed() : QStringLiteral("<error %1>").arg(QString::fromUtf8(r.err));
}

// Applies the dialog's plan (confirming) and waits until it closed as applied.
bool applyAndWait(PlanDialog *dialog)
{
    dialog->setConfirmHook([](const QString &) { return true; });
    QSignalSpy applied(dialog, &PlanDialog::applied);
    dialog->applyButton()->click();
    return applied.wait(30000) || applied.count() == 1;
}
} // namespace

class tst_Changes : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void diffAndImpactBeforeApplyingThenUndoAndRedo();
    void undoOfAStatusPatchAndAConflictingEdit();
    void memberAddedFromTheMembersTabShowsItsImpactAndIsUndone();
    void editorsOpenFromTheRolesTabTheMenusAndTheKeyboard();

private:
    std::unique_ptr<MainWindow> openWindow();
    std::unique_ptr<Client> m_admin;
    guitest::Seed m_seed;
};

void tst_Changes::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    std::string error;
    m_admin = guitest::adminWithSeed(&m_seed, &error);
    QVERIFY2(m_admin, error.c_str());
}

std::unique_ptr<MainWindow> tst_Changes::openWindow()
{
    return guitest::openAdminWindow({1280, 800});
}

void tst_Changes::diffAndImpactBeforeApplyingThenUndoAndRedo()
{
    auto w = openWindow();
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    ClusterSession *session = w->sessions().first();
    const QString cluster = session->id();
    const QString ws = qs(m_seed.ws1);
    const QStringList wsObject{"workspacetemplates.tenant.kubesphere.io", ws};
    const QString aliasBefore = kubectlJsonPath(wsObject, "{.metadata.annotations.kubesphere\\.io/alias-name}");

    // Given nothing applied yet: Undo is disabled and says why
    QVERIFY(w->navigator()->selectPath(cluster + QStringLiteral("/Workspaces/") + ws));
    QAction *undo = w->actions()->action(TenancyActions::Undo);
    QAction *redo = w->actions()->action(TenancyActions::Redo);
    QVERIFY(!undo->isEnabled());
    QVERIFY(undo->toolTip().contains(QStringLiteral("Nothing applied")));

    // When the user edits the workspace's alias (F2 on the tree) and previews
    QAction *edit = w->actions()->action(TenancyActions::EditWorkspace);
    QTRY_VERIFY_WITH_TIMEOUT(edit->isEnabled(), 15000);
    w->navigator()->treeView()->setFocus();
    QTest::keyClick(w->navigator()->treeView(), Qt::Key_F2);
    auto *dialog = qobject_cast<WorkspaceDialog *>(w->lastDialog());
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    dialog->aliasEdit()->selectAll();
    QTest::keyClicks(dialog->aliasEdit(), QStringLiteral("Renamed by the GUI test"));
    dialog->previewButton()->click();
    // Then the Changes tab names the field, before and after, as a prediction
    QTRY_VERIFY_WITH_TIMEOUT(dialog->diffView()->toPlainText().contains(QStringLiteral("alias-name")), 20000);
    const QString diff = dialog->diffView()->toPlainText();
    QVERIFY2(diff.contains(QStringLiteral("Renamed by the GUI test")), qPrintable(diff));
    QVERIFY2(diff.contains(QStringLiteral("[predicted]")), qPrintable(diff));
    QVERIFY2(diff.contains(QStringLiteral("~ metadata.annotations[\"kubesphere.io/alias-name\"]")), qPrintable(diff));
    // And a dry run makes it the server's own answer
    dialog->dryRunButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->statusLabel()->text().contains(QStringLiteral("Dry run passed")), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->diffView()->toPlainText().contains(QStringLiteral("[predicted]")), 10000);
    QVERIFY(dialog->diffView()->toPlainText().contains(QStringLiteral("Renamed by the GUI test")));
    // And the impact tab says an alias changes nobody's permissions
    QAbstractItemModelTester tester(dialog->impact()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    // (not computed until the tab is opened: it reads every role and binding of the cluster)
    QVERIFY(!session->permissionsStarted());
    QCOMPARE(dialog->impact()->state(), PlanImpact::State::Idle);
    dialog->planTabs()->setCurrentIndex(PlanDialog::ImpactTab);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->impact()->state() == PlanImpact::State::Ready, 60000);
    QVERIFY2(dialog->impactLabel()->text().contains(QStringLiteral("No permission changes")),
             qPrintable(dialog->impactLabel()->text()));
    dialog->planTabs()->setCurrentIndex(1);
    save(dialog, QStringLiteral("plan-dialog-changes"));
    QVERIFY(applyAndWait(dialog));
    QCOMPARE(kubectlJsonPath(wsObject, "{.metadata.annotations.kubesphere\\.io/alias-name}"),
             QStringLiteral("Renamed by the GUI test"));

    // Then Edit → Undo names the change; Ctrl+Z opens its plan: the workspace as it was
    QTRY_VERIFY_WITH_TIMEOUT(undo->isEnabled(), 5000);
    QVERIFY2(undo->text().contains(QStringLiteral("edit workspace ") + ws), qPrintable(undo->text()));
    w->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(w.get()));
    QTest::keySequence(w.get(), QKeySequence::Undo);
    PlanDialog *undoDialog = w->lastDialog();
    QVERIFY(undoDialog && undoDialog != dialog);
    QCOMPARE(undoDialog->objectName(), QStringLiteral("undoDialog"));
    QTRY_VERIFY_WITH_TIMEOUT(undoDialog->planView()->toPlainText().contains(QStringLiteral("undo: put it back")), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(undoDialog->diffView()->toPlainText().contains(QStringLiteral("Renamed by the GUI test")), 20000);
    save(undoDialog, QStringLiteral("plan-dialog-undo"));
    QVERIFY(applyAndWait(undoDialog));
    QCOMPARE(kubectlJsonPath(wsObject, "{.metadata.annotations.kubesphere\\.io/alias-name}"), aliasBefore);
    QTRY_VERIFY_WITH_TIMEOUT(redo->isEnabled(), 5000);
    QVERIFY(!undo->isEnabled());

    // And Redo makes the change again
    w->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(w.get()));
    QTest::keySequence(w.get(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    PlanDialog *redoDialog = w->lastDialog();
    QVERIFY(redoDialog && redoDialog->objectName() == QStringLiteral("redoDialog"));
    QTRY_VERIFY_WITH_TIMEOUT(redoDialog->runner()->hasPlan(), 20000);
    QVERIFY(applyAndWait(redoDialog));
    QCOMPARE(kubectlJsonPath(wsObject, "{.metadata.annotations.kubesphere\\.io/alias-name}"),
             QStringLiteral("Renamed by the GUI test"));
    QTRY_VERIFY_WITH_TIMEOUT(undo->isEnabled(), 5000);

    // And the history names the change, applied
    w->actions()->action(TenancyActions::History)->trigger();
    auto *history = w->findChild<QDialog *>(QStringLiteral("historyDialog"));
    QVERIFY(history);
    auto *list = history->findChild<QListWidget *>(QStringLiteral("historyList"));
    QCOMPARE(list->count(), 1);
    QVERIFY2(list->item(0)->text().contains(QStringLiteral("applied: edit workspace ") + ws), qPrintable(list->item(0)->text()));
    history->close();
}

void tst_Changes::undoOfAStatusPatchAndAConflictingEdit()
{
    auto w = openWindow();
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    const QString cluster = w->sessions().first()->id();
    const QString user = qs(m_seed.userB);
    const QStringList userObject{"users.iam.kubesphere.io", user};

    // Given user B disabled from the window
    QVERIFY(w->navigator()->selectPath(cluster + QStringLiteral("/Platform/Users/") + user));
    QAction *disable = w->actions()->action(TenancyActions::DisableUser);
    QTRY_VERIFY_WITH_TIMEOUT(disable->isEnabled(), 15000);
    disable->trigger();
    PlanDialog *dialog = w->lastDialog();
    QTRY_VERIFY2_WITH_TIMEOUT(dialog->diffView()->toPlainText().contains(QStringLiteral("+ status.state: \"Disabled\""))
                                  || dialog->diffView()->toPlainText().contains(QStringLiteral("~ status.state: \"Active\" → \"Disabled\"")),
                              qPrintable(dialog->diffView()->toPlainText()), 20000);
    QVERIFY(applyAndWait(dialog));
    QCOMPARE(kubectlJsonPath(userObject, "{.status.state}"), QStringLiteral("Disabled"));

    // When the user undoes it: the status is patched back and the user may log in again
    QAction *undo = w->actions()->action(TenancyActions::Undo);
    QTRY_VERIFY_WITH_TIMEOUT(undo->isEnabled(), 5000);
    undo->trigger();
    PlanDialog *undoDialog = w->lastDialog();
    QTRY_VERIFY_WITH_TIMEOUT(undoDialog->runner()->hasPlan(), 20000);
    QVERIFY(applyAndWait(undoDialog));
    QTRY_VERIFY_WITH_TIMEOUT(kubectlJsonPath(userObject, "{.status.state}") != QStringLiteral("Disabled"), 10000);

    // Given an edit of the workspace from the window, then someone else edits it with kubectl
    const QString ws = qs(m_seed.ws2);
    QVERIFY(w->navigator()->selectPath(cluster + QStringLiteral("/Workspaces/") + ws));
    QAction *edit = w->actions()->action(TenancyActions::EditWorkspace);
    QTRY_VERIFY_WITH_TIMEOUT(edit->isEnabled(), 15000);
    edit->trigger();
    auto *wsDialog = qobject_cast<WorkspaceDialog *>(w->lastDialog());
    QVERIFY(QTest::qWaitForWindowExposed(wsDialog));
    wsDialog->descriptionEdit()->selectAll();
    QTest::keyClicks(wsDialog->descriptionEdit(), QStringLiteral("first edit"));
    QVERIFY(applyAndWait(wsDialog));
    auto r = guitest::kubectl({"annotate", "--overwrite", "workspacetemplates.tenant.kubesphere.io", ws,
                               "kubesphere.io/description=edited with kubectl meanwhile"});
    QVERIFY2(r.exitCode == 0, r.err.constData());

    // When the user undoes the window's edit: the server refuses (the object changed since),
    // the dialog says so, and kubectl's edit stays
    QTRY_VERIFY_WITH_TIMEOUT(undo->isEnabled() && undo->text().contains(ws), 5000);
    undo->trigger();
    PlanDialog *conflicted = w->lastDialog();
    QTRY_VERIFY_WITH_TIMEOUT(conflicted->runner()->hasPlan(), 20000);
    conflicted->setConfirmHook([](const QString &) { return true; });
    conflicted->applyButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(conflicted->statusLabel()->text().contains(QStringLiteral("Apply failed")), 20000);
    const QString status = conflicted->statusLabel()->text();
    QVERIFY2(status.contains(QStringLiteral("modified")) || status.contains(QStringLiteral("conflict"), Qt::CaseInsensitive),
             qPrintable(status));
    QVERIFY2(status.contains(QStringLiteral("does not overwrite")), qPrintable(status));
    // Forcing cannot help a stale resourceVersion, so it is not offered
    const auto buttons = conflicted->findChildren<QPushButton *>();
    for (QPushButton *b : buttons)
        QVERIFY2(!(b->text().contains(QStringLiteral("taking over")) && b->isVisible()), qPrintable(b->text()));
    save(conflicted, QStringLiteral("plan-dialog-undo-conflict"));
    QCOMPARE(kubectlJsonPath({"workspacetemplates.tenant.kubesphere.io", ws}, "{.metadata.annotations.kubesphere\\.io/description}"),
             QStringLiteral("edited with kubectl meanwhile"));
    // And the entry stays undoable (nothing moved)
    QVERIFY(undo->isEnabled());
    conflicted->reject();
}

static bool canI(const QString &verb, const QString &resource, const QString &ns, const QString &user)
{
    auto r = guitest::kubectl({"auth", "can-i", verb, resource, "-n", ns, "--as", user});
    return QString::fromUtf8(r.out).trimmed() == QStringLiteral("yes");
}

void tst_Changes::memberAddedFromTheMembersTabShowsItsImpactAndIsUndone()
{
    auto w = openWindow();
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    const QString cluster = w->sessions().first()->id();
    const QString project = qs(m_seed.p3), user = qs(m_seed.userB);
    QVERIFY(!canI(QStringLiteral("create"), QStringLiteral("deployments"), project, user));

    // Given project p3 selected and its Members tab shown
    QVERIFY(w->navigator()->selectPath(cluster + QStringLiteral("/Workspaces/") + qs(m_seed.ws2) + QLatin1Char('/') + project));
    DetailPanel *panel = w->detailPanel();
    QVERIFY(panel->showTab(NodeDetails::MembersTab));
    QAction *add = w->actions()->action(TenancyActions::AddMembers);
    QTRY_VERIFY_WITH_TIMEOUT(add->isEnabled(), 15000);
    // When the user clicks "Add members…" on the tab's bar
    auto *bar = panel->findChild<QToolBar *>(QStringLiteral("memberBar"));
    QVERIFY(bar && bar->isVisible());
    QWidget *button = bar->widgetForAction(add);
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    auto *dialog = qobject_cast<MemberDialog *>(w->lastDialog());
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    // And searches for user B, ticks them (keyboard), picks "operator"
    dialog->searchEdit()->setFocus();
    QTest::keyClicks(dialog->searchEdit(), user);
    QTRY_COMPARE(dialog->userModel()->rowCount(), 1);
    QTest::keyClick(dialog->searchEdit(), Qt::Key_Down);
    dialog->userView()->setCurrentIndex(dialog->userModel()->index(0, 0));
    QTest::keyClick(dialog->userView()->viewport(), Qt::Key_Space);
    QTRY_VERIFY(dialog->userModel()->isChecked(user));
    const int op = dialog->roleBox()->findData(QStringLiteral("operator"));
    QVERIFY(op >= 0);
    dialog->roleBox()->setCurrentIndex(op);
    QTest::mouseClick(dialog->previewButton(), Qt::LeftButton);
    // Then the Impact tab lists what user B gains in p3 (create deployments among it), nothing lost
    dialog->planTabs()->setCurrentIndex(PlanDialog::ImpactTab);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->impact()->state() == PlanImpact::State::Ready, 60000);
    const auto &rows = dialog->impact()->model()->rows();
    bool deployments = false;
    for (const auto &r : rows) {
        QVERIFY2(r.lost.isEmpty(), qPrintable(r.subject + " loses " + r.lost));
        if (r.subject == QStringLiteral("User ") + user && r.scope.contains(project) && r.resource.startsWith(QStringLiteral("deployments"))
            && r.gained.contains(QStringLiteral("create")))
            deployments = true;
    }
    QVERIFY2(deployments, qPrintable(dialog->impact()->text()));
    save(dialog, QStringLiteral("plan-dialog-impact-member"));
    QVERIFY(applyAndWait(dialog));
    QTRY_VERIFY_WITH_TIMEOUT(canI(QStringLiteral("create"), QStringLiteral("deployments"), project, user), 15000);

    // When the user undoes the change (Edit → Undo): kubectl says no again
    QAction *undo = w->actions()->action(TenancyActions::Undo);
    QTRY_VERIFY_WITH_TIMEOUT(undo->isEnabled(), 5000);
    undo->trigger();
    PlanDialog *undoDialog = w->lastDialog();
    QTRY_VERIFY_WITH_TIMEOUT(undoDialog->runner()->hasPlan(), 20000);
    // And its impact is the mirror image: user B loses what they gained (computed at once: the
    // session's RBAC data is live since the first dialog asked)
    QTRY_VERIFY_WITH_TIMEOUT(undoDialog->impact()->state() == PlanImpact::State::Ready, 60000);
    QCOMPARE(undoDialog->planTabs()->currentIndex(), int(PlanDialog::WritesTab));
    bool loses = false;
    for (const auto &r : undoDialog->impact()->model()->rows())
        loses = loses || (r.subject == QStringLiteral("User ") + user && r.lost.contains(QStringLiteral("create")));
    QVERIFY2(loses, qPrintable(undoDialog->impact()->text()));
    QVERIFY(applyAndWait(undoDialog));
    QTRY_VERIFY_WITH_TIMEOUT(!canI(QStringLiteral("create"), QStringLiteral("deployments"), project, user), 15000);
    QVERIFY(!canI(QStringLiteral("get"), QStringLiteral("pods"), project, user));
}

void tst_Changes::editorsOpenFromTheRolesTabTheMenusAndTheKeyboard()
{
    auto w = openWindow();
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    const QString cluster = w->sessions().first()->id();
    const QString project = qs(m_seed.p1);
    QVERIFY(w->navigator()->selectPath(cluster + QStringLiteral("/Workspaces/") + qs(m_seed.ws1) + QLatin1Char('/') + project));
    DetailPanel *panel = w->detailPanel();
    QVERIFY(panel->showTab(NodeDetails::RolesTab));
    QTRY_VERIFY_WITH_TIMEOUT(panel->roleModel()->rowOfKey(QStringLiteral("viewer")) >= 0, 15000);

    // Given the Roles tab: New applies; Edit/Clone/Delete act on the role selected (the one whose
    // rules show below the table)
    QAction *newRole = w->actions()->action(TenancyActions::NewRole);
    QAction *editRole = w->actions()->action(TenancyActions::EditRole);
    QAction *cloneRole = w->actions()->action(TenancyActions::CloneRole);
    QTRY_VERIFY_WITH_TIMEOUT(newRole->isEnabled(), 15000);
    QCOMPARE(w->actions()->applies(TenancyActions::EditRole), !panel->selectedRole().isEmpty());
    auto *bar = panel->findChild<QToolBar *>(QStringLiteral("roleBar"));
    QVERIFY(bar && bar->isVisible());

    // When the user clicks "New role…" on the Roles tab's bar: a project role editor for p1
    QTest::mouseClick(bar->widgetForAction(newRole), Qt::LeftButton);
    auto *created = qobject_cast<RoleEditorDialog *>(w->lastDialog());
    QVERIFY(created);
    QCOMPARE(created->mode(), RoleEditorDialog::Mode::New);
    QVERIFY(created->level() == RoleSpec::Level::Project);
    QVERIFY(created->windowTitle().contains(project));
    created->reject();

    // When the user selects "viewer" (keyboard in the table): Clone and Edit apply to it
    panel->roleView()->setFocus();
    panel->selectRole(QStringLiteral("viewer"));
    QTRY_VERIFY(w->actions()->applies(TenancyActions::CloneRole));
    QTRY_VERIFY_WITH_TIMEOUT(cloneRole->isEnabled(), 15000);
    QTest::mouseClick(bar->widgetForAction(cloneRole), Qt::LeftButton);
    auto *clone = qobject_cast<RoleEditorDialog *>(w->lastDialog());
    QVERIFY(clone && clone != created);
    QCOMPARE(clone->mode(), RoleEditorDialog::Mode::Clone);
    clone->reject();
    // And Enter on the selected role opens its editor
    QTRY_VERIFY_WITH_TIMEOUT(editRole->isEnabled(), 15000);
    QTest::keyClick(panel->roleView(), Qt::Key_Return);
    auto *edit = qobject_cast<RoleEditorDialog *>(w->lastDialog());
    QVERIFY(edit && edit != clone);
    QCOMPARE(edit->mode(), RoleEditorDialog::Mode::Edit);
    QCOMPARE(edit->nameEdit()->text(), QStringLiteral("viewer"));
    edit->reject();

    // And the project's context menu offers the editors of its level
    QMenu menu;
    w->actions()->fillContextMenu(&menu);
    QStringList texts;
    for (QAction *a : menu.actions())
        texts << a->text().remove(QLatin1Char('&'));
    for (const QString &expected : {QStringLiteral("Edit project…"), QStringLiteral("Move project to workspace…"),
                                    QStringLiteral("Add members…"), QStringLiteral("New role…")})
        QVERIFY2(texts.contains(expected), qPrintable(texts.join(QStringLiteral(" | "))));

    // And F2 on the tree edits the project
    w->activateWindow();
    w->navigator()->treeView()->setFocus();
    QTest::keyClick(w->navigator()->treeView(), Qt::Key_F2);
    auto *editProject = qobject_cast<EditProjectDialog *>(w->lastDialog());
    QVERIFY2(editProject, w->lastDialog() ? qPrintable(w->lastDialog()->metaObject()->className()) : "no dialog");
    editProject->reject();
}

QTEST_MAIN(tst_Changes)
#include "tst_changes.moc"
