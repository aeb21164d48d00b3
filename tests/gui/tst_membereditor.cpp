// The member editor, Edit project and Move project against the devcluster (standalone mode, so
// kube-apiserver enforces project roles and `kubectl auth can-i --as` is the independent peer),
// driven as a user would: typing in the search, ticking with the keyboard, choosing a role,
// Apply answered through the confirm hook. Screenshots of each dialog under <build>/screenshots.
#include "guitestsupport.h"

#include "models/clustersession.h"
#include "models/execapprover.h"
#include "models/planrunner.h"
#include "models/userpickermodel.h"
#include "views/editprojectdialog.h"
#include "views/memberdialog.h"
#include "views/moveprojectdialog.h"

#include "kubeclient/kubesphere/names.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeView>
#include <QtTest>

using namespace kube;
using namespace kube::tenancy;

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }

using guitest::save;

// `kubectl auth can-i VERB RESOURCE -n NS --as USER`: true for "yes".
bool canI(const std::string &user, const QString &verb, const QString &resource, const std::string &ns)
{
    auto r = guitest::kubectl({"auth", "can-i", verb, resource, "-n", qs(ns), "--as", qs(user)});
    return r.exitCode == 0 && r.out.trimmed() == "yes";
}

QString kubectlOut(const QStringList &args)
{
    auto r = guitest::kubectl(args);
    return r.exitCode == 0 ? QString::fromUtf8(r.out) : QStringLiteral("ERROR: ") + QString::fromUtf8(r.err);
}

// Types into the search field and ticks the first row shown, with the keyboard: Down leaves
// the search for the list, Space ticks the current row.
void searchAndTick(MemberDialog *d, const QString &search, const QString &expectedUser)
{
    QLineEdit *edit = d->searchEdit();
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, search);
    QCOMPARE(d->userModel()->rowCount(), 1);
    QCOMPARE(d->userModel()->index(0, 0).data(UserPickerModel::UserNameRole).toString(), expectedUser);
    QTest::keyClick(edit, Qt::Key_Down);
    QTRY_VERIFY(d->userView()->hasFocus());
    d->userView()->setCurrentIndex(d->userModel()->index(0, 0));
    QTest::keyClick(d->userView()->viewport(), Qt::Key_Space);
    QTRY_VERIFY2(d->userModel()->isChecked(expectedUser), qPrintable(expectedUser));
}

void chooseRole(QComboBox *box, const QString &role)
{
    const int i = box->findData(role);
    QVERIFY2(i >= 0, qPrintable(role + " not offered"));
    box->setFocus();
    box->setCurrentIndex(i);
}

} // namespace

class tst_MemberEditor : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void addChangeAndRemoveAProjectMember();
    void addingOutsidersToAProjectAlsoAddsThemToItsWorkspace();
    void removingTheLastWorkspaceAdminAsksFirst();
    void userDeletedMeanwhileIsNamedAndTheSelectionKept();
    void editProjectKeepsOtherAnnotations();
    void moveProjectRelabelsTheNamespace();

private:
    // Waits until the session's snapshot satisfies `ready`.
    bool waitForSnapshot(const std::function<bool(const GraphSnapshot &)> &ready, int timeoutMs = 20000);
    template <class Dialog>
    void applyAndWait(Dialog *d);

    std::unique_ptr<Client> m_admin;
    guitest::Seed m_seed;
    std::string m_carol, m_dave, m_erin, m_frank;
    ExecApprover m_approver;
    std::unique_ptr<ClusterSession> m_session;
};

void tst_MemberEditor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    std::string error;
    m_admin = guitest::adminWithSeed(&m_seed, &error);
    QVERIFY2(m_admin, error.c_str());
    m_carol = "gui-carol-" + m_seed.sfx;
    m_dave = "gui-dave-" + m_seed.sfx;
    m_erin = "gui-erin-" + m_seed.sfx;
    m_frank = "gui-frank-" + m_seed.sfx;
    for (const auto &[u, display] : {std::pair{m_carol, "Carol Member"}, std::pair{m_dave, "Dave Outsider"},
                                     std::pair{m_erin, "Erin Outsider"}, std::pair{m_frank, "Frank Deleted"}}) {
        error = guitest::apply(*m_admin, [u = u, display = display](Planner &p) {
            return p.createUser({u, u + "@example.org", "Passw0rdPassw0rd", display, "", ""}, "platform-regular");
        });
        QVERIFY2(error.empty(), error.c_str());
    }
    // carol already belongs to ws1 (its least role), so adding her to p1 needs nothing else
    error = guitest::apply(*m_admin, [this](Planner &p) { return p.setMember(MemberScope::workspace(m_seed.ws1), m_carol, "regular"); });
    QVERIFY2(error.empty(), error.c_str());

    ConnectionSpec spec;
    spec.kubeconfig = qs(clusterenv::kubeconfigPath("admin"));
    spec.context = QStringLiteral("admin@devcluster");
    spec.modeOverride = QStringLiteral("standalone");
    m_session = std::make_unique<ClusterSession>(spec, &m_approver);
    m_session->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_session->loaded(), 60000);
    QCOMPARE(m_session->tenancy().mode, Mode::Standalone);
    QVERIFY(waitForSnapshot([this](const GraphSnapshot &s) { return s.user(m_frank).has_value(); }));
}

bool tst_MemberEditor::waitForSnapshot(const std::function<bool(const GraphSnapshot &)> &ready, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!ready(m_session->snapshot())) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(50);
    }
    return true;
}

template <class Dialog>
void tst_MemberEditor::applyAndWait(Dialog *d)
{
    QSignalSpy applied(d, &PlanDialog::applied);
    QTest::mouseClick(d->applyButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(applied.count() == 1 || d->statusLabel()->text().contains(QStringLiteral("failed")), 30000);
    QVERIFY2(applied.count() == 1, qPrintable(d->statusLabel()->text()));
}

void tst_MemberEditor::addChangeAndRemoveAProjectMember()
{
    const std::string p1 = m_seed.p1;
    // Given carol, a member of ws1 who cannot touch p1's workloads yet
    QVERIFY(!canI(m_carol, QStringLiteral("create"), QStringLiteral("deployments"), p1));
    QVERIFY(!canI(m_carol, QStringLiteral("get"), QStringLiteral("pods"), p1));
    {
        // When the admin opens "Add members" on p1, searches for her and ticks her
        MemberDialog d(new PlanRunner(m_session.get()), m_session->snapshot(), MemberScope::project(p1), MemberDialog::Mode::Add);
        d.setConfirmHook([](const QString &) { return true; });
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QCOMPARE(d.roleBox()->currentData().toString(), QStringLiteral("viewer"));  // the least role by default
        // (bob, already a viewer of p1, is listed but cannot be ticked again)
        const int bobRow = d.userModel()->rowOfUser(qs(m_seed.userB));
        QVERIFY(bobRow >= 0);
        QVERIFY(!(d.userModel()->flags(d.userModel()->index(bobRow, 0)) & Qt::ItemIsEnabled));
        searchAndTick(&d, QStringLiteral("carol member"), qs(m_carol));  // her display name, any case
        QVERIFY(d.selectionLabel()->text().contains(qs(m_carol)));
        // carol is in ws1 already: no workspace membership is offered
        QVERIFY(d.joinWorkspaceBox());
        QVERIFY(!d.findChild<QFrame *>(QStringLiteral("joinWorkspace"))->isVisible());
        chooseRole(d.roleBox(), QStringLiteral("operator"));
        QTest::mouseClick(d.previewButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(d.planView()->toPlainText().contains(qs(m_carol + "-operator")), 20000);
        save(&d, QStringLiteral("dialog-members-add"));
        applyAndWait(&d);
    }
    // Then kubectl agrees: carol operates p1's workloads
    QVERIFY(canI(m_carol, QStringLiteral("create"), QStringLiteral("deployments"), p1));
    QVERIFY(canI(m_carol, QStringLiteral("get"), QStringLiteral("pods"), p1));
    QVERIFY(waitForSnapshot([&](const GraphSnapshot &s) {
        for (const auto &m : s.projectMembers(p1))
            if (m.subject.name == m_carol && m.roleRef.name == "operator")
                return true;
        return false;
    }));
    {
        // When her role is changed to viewer (the member selected in the table, preselected here)
        MemberDialog d(new PlanRunner(m_session.get()), m_session->snapshot(), MemberScope::project(p1),
                       MemberDialog::Mode::ChangeRole, {qs(m_carol)});
        d.setConfirmHook([](const QString &) { return true; });
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        // Only members are listed, carol ticked, her current role preselected
        QVERIFY(d.userModel()->isChecked(qs(m_carol)));
        QVERIFY(d.userModel()->rowOfUser(qs(m_seed.userB)) >= 0);
        QVERIFY(d.userModel()->rowOfUser(qs(m_dave)) < 0);  // not a member: not listed
        QCOMPARE(d.roleBox()->currentData().toString(), QStringLiteral("operator"));
        chooseRole(d.roleBox(), QStringLiteral("viewer"));
        QTest::mouseClick(d.previewButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(d.planView()->toPlainText().contains(qs(m_carol + "-viewer")), 20000);
        save(&d, QStringLiteral("dialog-members-change-role"));
        applyAndWait(&d);
    }
    // Then she reads but no longer writes
    QVERIFY(!canI(m_carol, QStringLiteral("create"), QStringLiteral("deployments"), p1));
    QVERIFY(canI(m_carol, QStringLiteral("get"), QStringLiteral("pods"), p1));
    QVERIFY(waitForSnapshot([&](const GraphSnapshot &s) {
        for (const auto &m : s.projectMembers(p1))
            if (m.subject.name == m_carol)
                return m.roleRef.name == "viewer";
        return false;
    }));
    {
        // When she is removed
        MemberDialog d(new PlanRunner(m_session.get()), m_session->snapshot(), MemberScope::project(p1),
                       MemberDialog::Mode::Remove, {qs(m_carol)});
        d.setConfirmHook([](const QString &) { return true; });
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QVERIFY(!d.roleBox());
        // Nothing to type: the plan shows at once
        QTRY_VERIFY_WITH_TIMEOUT(d.planView()->toPlainText().contains(qs(m_carol + "-viewer")), 20000);
        save(&d, QStringLiteral("dialog-members-remove"));
        applyAndWait(&d);
    }
    // Then kubectl says no again
    QVERIFY(!canI(m_carol, QStringLiteral("get"), QStringLiteral("pods"), p1));
}

void tst_MemberEditor::addingOutsidersToAProjectAlsoAddsThemToItsWorkspace()
{
    const std::string p2 = m_seed.p2, ws1 = m_seed.ws1;
    MemberDialog d(new PlanRunner(m_session.get()), m_session->snapshot(), MemberScope::project(p2), MemberDialog::Mode::Add);
    d.setConfirmHook([](const QString &) { return true; });
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    auto *join = d.findChild<QFrame *>(QStringLiteral("joinWorkspace"));
    QVERIFY(join);
    QVERIFY(!join->isVisible());
    // When two users outside ws1 are ticked (the search keeps earlier ticks)
    searchAndTick(&d, qs(m_dave), qs(m_dave));
    searchAndTick(&d, QStringLiteral("ERIN OUTSIDER"), qs(m_erin));
    QCOMPARE(d.selectedUsers(), (QStringList{qs(m_dave), qs(m_erin)}));
    // Then the dialog says they are not in ws1 and offers the membership, on by default, with
    // the workspace's least role
    QVERIFY(join->isVisible());
    QVERIFY2(d.joinNote()->text().contains(qs(m_dave)) && d.joinNote()->text().contains(qs(ws1)), qPrintable(d.joinNote()->text()));
    QVERIFY(d.joinWorkspaceBox()->isChecked());
    QCOMPARE(d.joinRoleBox()->currentData().toString(), qs(workspaceRoleName(ws1, "regular")));
    QCOMPARE(d.usersOutsideWorkspace(), (QStringList{qs(m_dave), qs(m_erin)}));
    QTest::mouseClick(d.previewButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!d.planView()->toPlainText().isEmpty(), 20000);
    // One plan holds both memberships of both users
    const QString yaml = d.planView()->toPlainText();
    for (const auto &u : {m_dave, m_erin}) {
        QVERIFY2(yaml.contains(qs(u + "-" + workspaceRoleName(ws1, "regular"))), qPrintable(yaml.left(2000)));
        QVERIFY(yaml.contains(qs(u + "-viewer")));
    }
    QVERIFY2(yaml.startsWith(QStringLiteral("# make ")), qPrintable(yaml.left(300)));
    d.searchEdit()->clear();
    save(&d, QStringLiteral("dialog-members-add-with-workspace"));
    applyAndWait(&d);
    // Then kubectl shows both bindings of each
    for (const auto &u : {m_dave, m_erin}) {
        const QString wrb = kubectlOut({"get", "workspacerolebindings.iam.kubesphere.io", "-l",
                                        qs("iam.kubesphere.io/user-ref=" + u + ",kubesphere.io/workspace=" + ws1), "-o",
                                        "jsonpath={.items[*].roleRef.name}"});
        QCOMPARE(wrb, qs(workspaceRoleName(ws1, "regular")));
        const QString rb = kubectlOut({"get", "rolebindings.iam.kubesphere.io", "-n", qs(p2), "-l",
                                       qs("iam.kubesphere.io/user-ref=" + u), "-o", "jsonpath={.items[*].roleRef.name}"});
        QCOMPARE(rb, QStringLiteral("viewer"));
        QVERIFY(canI(u, QStringLiteral("get"), QStringLiteral("pods"), p2));
    }
}

void tst_MemberEditor::removingTheLastWorkspaceAdminAsksFirst()
{
    const std::string ws1 = m_seed.ws1;
    const QString adminBinding = qs(managerBindingName(ws1));
    QVERIFY(!kubectlOut({"get", "workspacerolebindings.iam.kubesphere.io", adminBinding, "-o", "name"}).startsWith("ERROR"));
    for (auto mode : {MemberDialog::Mode::Remove, MemberDialog::Mode::ChangeRole}) {
        // Given A, ws1's only admin, selected for removal (or demotion to viewer)
        MemberDialog d(new PlanRunner(m_session.get()), m_session->snapshot(), MemberScope::workspace(ws1), mode,
                       {qs(m_seed.userA)});
        QStringList asked;
        d.setConfirmHook([&](const QString &q) {
            asked << q;
            return !q.contains(QStringLiteral("without an admin"));  // "no" to the admin question
        });
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        if (mode == MemberDialog::Mode::ChangeRole)
            chooseRole(d.roleBox(), qs(workspaceRoleName(ws1, "viewer")));
        QVERIFY2(!d.lastAdminQuestion().isEmpty(), "the dialog should see the last admin");
        // It says so before Apply is clicked
        QVERIFY(d.lastAdminWarning()->isVisible());
        QVERIFY(d.lastAdminWarning()->text().contains(qs(m_seed.userA)));
        // When Apply is clicked (once the plan shown on opening is there) and the admin question
        // is answered "no"
        QTRY_VERIFY_WITH_TIMEOUT(!d.runner()->busy() && d.applyButton()->isEnabled(), 20000);
        QTest::mouseClick(d.applyButton(), Qt::LeftButton);
        // Then exactly that question was asked, nothing was planned or applied
        QCOMPARE(asked.size(), 1);
        QVERIFY2(asked.first().contains(qs(m_seed.userA)) && asked.first().contains(qs(ws1)), qPrintable(asked.first()));
        QVERIFY2(d.statusLabel()->text().contains(QStringLiteral("Not applied")), qPrintable(d.statusLabel()->text()));
        QTest::qWait(300);
        QVERIFY(!d.runner()->busy());
        QVERIFY2(d.statusLabel()->text().contains(QStringLiteral("Not applied")), qPrintable(d.statusLabel()->text()));
        QCOMPARE(asked.size(), 1);  // PlanDialog's own "Apply?" never came
        QVERIFY(d.isVisible());
        if (mode == MemberDialog::Mode::Remove)
            save(&d, QStringLiteral("dialog-members-remove-last-admin"));
        QCOMPARE(kubectlOut({"get", "workspacerolebindings.iam.kubesphere.io", adminBinding, "-o", "jsonpath={.roleRef.name}"}),
                 qs(workspaceRoleName(ws1, "admin")));
    }
    // Keeping the admin role asks nothing, nor does removing someone else
    MemberDialog keep(new PlanRunner(m_session.get()), m_session->snapshot(), MemberScope::workspace(ws1),
                      MemberDialog::Mode::ChangeRole, {qs(m_seed.userA)});
    QCOMPARE(keep.roleBox()->currentData().toString(), qs(workspaceRoleName(ws1, "admin")));
    QVERIFY(keep.lastAdminQuestion().isEmpty());
    QVERIFY(keep.lastAdminWarning()->isHidden());
    MemberDialog other(new PlanRunner(m_session.get()), m_session->snapshot(), MemberScope::workspace(ws1),
                       MemberDialog::Mode::Remove, {qs(m_carol)});
    QVERIFY(other.lastAdminQuestion().isEmpty());
}

void tst_MemberEditor::userDeletedMeanwhileIsNamedAndTheSelectionKept()
{
    const std::string p3 = m_seed.p3;
    // Given the dialog open with frank ticked and a role chosen
    MemberDialog d(new PlanRunner(m_session.get()), m_session->snapshot(), MemberScope::project(p3), MemberDialog::Mode::Add);
    d.setConfirmHook([](const QString &) { return true; });
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    searchAndTick(&d, QStringLiteral("frank"), qs(m_frank));
    chooseRole(d.roleBox(), QStringLiteral("operator"));
    // When frank is deleted behind the dialog's back, then Apply is clicked
    auto del = guitest::kubectl({"delete", "users.iam.kubesphere.io", qs(m_frank)});
    QVERIFY2(del.exitCode == 0, del.err.constData());
    QTest::mouseClick(d.applyButton(), Qt::LeftButton);
    // Then the message names him and says what to do; nothing typed or ticked is lost
    QTRY_VERIFY_WITH_TIMEOUT(d.statusLabel()->text().contains(QStringLiteral("does not exist")), 20000);
    const QString status = d.statusLabel()->text();
    QVERIFY2(status.contains(qs(m_frank)) && status.contains(QStringLiteral("untick")), qPrintable(status));
    QVERIFY(d.isVisible());
    QCOMPARE(d.selectedUsers(), QStringList{qs(m_frank)});
    QCOMPARE(d.searchEdit()->text(), QStringLiteral("frank"));
    QCOMPARE(d.roleBox()->currentData().toString(), QStringLiteral("operator"));
    save(&d, QStringLiteral("dialog-members-user-deleted"));
    QVERIFY(kubectlOut({"get", "rolebindings.iam.kubesphere.io", "-n", qs(p3), "-o", "name"}).indexOf(qs(m_frank)) < 0);
}

void tst_MemberEditor::editProjectKeepsOtherAnnotations()
{
    const std::string p2 = m_seed.p2;
    auto annotate = guitest::kubectl({"annotate", "namespace", qs(p2), "example.com/owner=team-a"});
    QVERIFY2(annotate.exitCode == 0, annotate.err.constData());
    EditProjectDialog d(new PlanRunner(m_session.get()), m_session->snapshot(), qs(p2));
    d.setConfirmHook([](const QString &) { return true; });
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    // When an alias and a description are typed
    d.aliasEdit()->setFocus();
    QTest::keyClicks(d.aliasEdit(), QStringLiteral("Payments (prod)"));
    d.descriptionEdit()->setFocus();
    QTest::keyClicks(d.descriptionEdit(), QStringLiteral("Card payments, run by team A."));
    QTest::mouseClick(d.previewButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(d.planView()->toPlainText().contains(QStringLiteral("kubesphere.io/alias-name")), 20000);
    // The plan patches the two annotations and nothing else
    const QString yaml = d.planView()->toPlainText();
    QVERIFY2(!yaml.contains(QStringLiteral("labels")) && !yaml.contains(QStringLiteral("example.com")), qPrintable(yaml));
    save(&d, QStringLiteral("dialog-edit-project"));
    applyAndWait(&d);
    // Then kubectl shows them, and the other annotation, the creator and the workspace label stay
    auto ns = nlohmann::json::parse(kubectlOut({"get", "namespace", qs(p2), "-o", "json"}).toStdString());
    const auto &ann = ns["metadata"]["annotations"];
    QCOMPARE(qs(ann.value("kubesphere.io/alias-name", "")), QStringLiteral("Payments (prod)"));
    QCOMPARE(qs(ann.value("kubesphere.io/description", "")), QStringLiteral("Card payments, run by team A."));
    QCOMPARE(qs(ann.value("example.com/owner", "")), QStringLiteral("team-a"));
    QVERIFY(!ann.value("kubesphere.io/creator", "").empty());
    QCOMPARE(qs(ns["metadata"]["labels"].value("kubesphere.io/workspace", "")), qs(m_seed.ws1));
}

void tst_MemberEditor::moveProjectRelabelsTheNamespace()
{
    const std::string p3 = m_seed.p3;
    MoveProjectDialog d(new PlanRunner(m_session.get()), m_session->snapshot(), qs(p3));
    d.setConfirmHook([](const QString &) { return true; });
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    // Nothing chosen yet: the current workspace is not offered, Preview says what is missing
    QCOMPARE(d.targetWorkspace(), QString());
    QVERIFY(d.workspaceBox()->findData(qs(m_seed.ws2)) < 0);
    QTest::mouseClick(d.previewButton(), Qt::LeftButton);
    QVERIFY(d.statusLabel()->text().contains(QStringLiteral("Choose the workspace")));
    // When ws1 is chosen
    d.workspaceBox()->setFocus();
    d.workspaceBox()->setCurrentIndex(d.workspaceBox()->findData(qs(m_seed.ws1)));
    QVERIFY(d.effectLabel()->text().contains(qs(m_seed.ws1)));
    QTest::mouseClick(d.previewButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(d.planView()->toPlainText().contains(QStringLiteral("kubesphere.io/workspace: ") + qs(m_seed.ws1)), 20000);
    save(&d, QStringLiteral("dialog-move-project"));
    applyAndWait(&d);
    // Then kubectl shows the new workspace label
    QCOMPARE(kubectlOut({"get", "namespace", qs(p3), "-o", "jsonpath={.metadata.labels.kubesphere\\.io/workspace}"}), qs(m_seed.ws1));
}

QTEST_MAIN(tst_MemberEditor)
#include "tst_membereditor.moc"
