// The user dialog against the devcluster (standalone mode), driven as a user would: an e-mail
// another user has (one made with kubectl behind Tenantry's back) is named under the e-mail
// field as it is typed, Apply writes nothing and the form keeps what was typed; a refusal the
// planner finds itself lands at the same field; with the e-mail fixed, Apply stores the user
// with a bcrypt hash of the password (read back with kubectl). Screenshots under <build>/screenshots.
#include "guitestsupport.h"

#include "models/clustersession.h"
#include "models/execapprover.h"
#include "models/planrunner.h"
#include "models/tenancyoperations.h"
#include "views/userdialog.h"

#include "kubeclient/kubesphere/passwordhash.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace kube;
using namespace kube::tenancy;
using nlohmann::json;

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }

using guitest::save;

using guitest::kubectlJson;

bool userExists(const std::string &name)
{
    return guitest::kubectl({"get", "users.iam.kubesphere.io", qs(name)}).exitCode == 0;
}

// Types into a field as a user does (focus, then keys).
void type(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}
} // namespace

class tst_UserDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void takenEmailIsNamedAtTheFieldAndNothingIsWritten();
    void editOfTheOwnerKeepsItsEmail();

private:
    bool waitForSnapshot(const std::function<bool(const GraphSnapshot &)> &ready, int timeoutMs = 20000);

    std::string m_sfx, m_owner, m_ownerEmail, m_newUser;
    ExecApprover m_approver;
    std::unique_ptr<ClusterSession> m_session;
};

void tst_UserDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_sfx = clusterenv::uniqueName("u").substr(2);
    m_owner = "gui-mail-owner-" + m_sfx;
    m_ownerEmail = "team-" + m_sfx + "@example.org";
    m_newUser = "gui-new-" + m_sfx;
    // Given a user made with kubectl (not through Tenantry) who has an e-mail
    const std::string manifest = "apiVersion: iam.kubesphere.io/v1beta1\nkind: User\nmetadata:\n  name: " + m_owner
        + "\nspec:\n  email: " + m_ownerEmail + "\n";
    auto seeded = clusterenv::run("kubectl", {"apply", "-f", "-"}, clusterenv::kubeconfigPath("admin"),
                                  QByteArray::fromStdString(manifest));
    QVERIFY2(seeded.exitCode == 0, seeded.err.constData());

    ConnectionSpec spec;
    spec.kubeconfig = qs(clusterenv::kubeconfigPath("admin"));
    spec.context = QStringLiteral("admin@devcluster");
    spec.modeOverride = QStringLiteral("standalone");
    m_session = std::make_unique<ClusterSession>(spec, &m_approver);
    m_session->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_session->loaded(), 60000);
    QCOMPARE(m_session->tenancy().mode, Mode::Standalone);
    QVERIFY(waitForSnapshot([this](const GraphSnapshot &s) { return s.user(m_owner).has_value(); }));
}

void tst_UserDialog::cleanupTestCase()
{
    for (const auto &u : {m_owner, m_newUser})
        guitest::kubectl({"delete", "users.iam.kubesphere.io", qs(u), "--ignore-not-found"});
}

bool tst_UserDialog::waitForSnapshot(const std::function<bool(const GraphSnapshot &)> &ready, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!ready(m_session->snapshot())) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(50);
    }
    return true;
}

void tst_UserDialog::takenEmailIsNamedAtTheFieldAndNothingIsWritten()
{
    const QString password = QStringLiteral("Gui-Secret-42");
    const QString taken = QStringLiteral("email \"%1\" is already used by user \"%2\"").arg(qs(m_ownerEmail), qs(m_owner));
    UserDialog d(new PlanRunner(m_session.get()), m_session->snapshot());
    int confirmations = 0;
    d.setConfirmHook([&](const QString &) {
        ++confirmations;
        return true;
    });
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    QVERIFY(!d.emailProblemLabel()->isVisible());
    // When the admin types a new user with the owner's e-mail
    type(d.nameEdit(), qs(m_newUser));
    type(d.emailEdit(), qs(m_ownerEmail));
    type(d.passwordEdit(), password);
    type(d.confirmEdit(), password);
    // Then the e-mail field says whose it is, as it is typed
    QTRY_VERIFY(d.emailProblemLabel()->isVisible());
    QCOMPARE(d.emailProblemLabel()->text(), taken);
    save(&d, QStringLiteral("dialog-user-taken-email"));
    // And Apply writes nothing: no plan, nothing asked, the status says the same
    QTest::mouseClick(d.applyButton(), Qt::LeftButton);
    QTRY_COMPARE(d.statusLabel()->text(), taken);
    QCOMPARE(confirmations, 0);
    QVERIFY(d.planView()->toPlainText().isEmpty());
    QVERIFY(!userExists(m_newUser));
    // And the form keeps what was typed
    QCOMPARE(d.nameEdit()->text(), qs(m_newUser));
    QCOMPARE(d.emailEdit()->text(), qs(m_ownerEmail));
    QCOMPARE(d.passwordEdit()->text(), password);
    QCOMPARE(d.confirmEdit()->text(), password);

    // When the e-mail is changed to a free one, the field's message goes
    const std::string freeEmail = m_newUser + "@example.org";
    type(d.emailEdit(), qs(freeEmail));
    QTRY_VERIFY(!d.emailProblemLabel()->isVisible());
    // And a refusal the planner finds on its own (it reads the cluster, not the dialog's view)
    // is shown at the e-mail field too
    QSignalSpy refused(d.runner(), &PlanRunner::invalidField);
    d.runner()->preview(TenancyOperations::createUser({m_newUser, m_ownerEmail, "", "", "", ""}, ""));
    QTRY_COMPARE_WITH_TIMEOUT(refused.count(), 1, 20000);
    QCOMPARE(refused.at(0).at(0).toString(), QStringLiteral("email"));
    QTRY_VERIFY(d.emailProblemLabel()->isVisible());
    QCOMPARE(d.emailProblemLabel()->text(), taken);
    QVERIFY(!userExists(m_newUser));

    // When the form is planned again: the plan shows the password redacted, never its text
    type(d.emailEdit(), qs(freeEmail));
    QTRY_VERIFY(!d.emailProblemLabel()->isVisible());
    QTest::mouseClick(d.previewButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(d.planView()->toPlainText().contains(QStringLiteral("password: <redacted>")), 20000);
    QVERIFY(!d.planView()->toPlainText().contains(password));
    QVERIFY(d.statusLabel()->text().contains(QStringLiteral("bcrypt hash")));
    save(&d, QStringLiteral("dialog-user-plan"));
    // And Apply creates the user
    QSignalSpy applied(&d, &PlanDialog::applied);
    QTest::mouseClick(d.applyButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(applied.count() == 1 || d.statusLabel()->text().contains(QStringLiteral("failed")), 30000);
    QVERIFY2(applied.count() == 1, qPrintable(d.statusLabel()->text()));
    QCOMPARE(confirmations, 1);
    // Then kubectl reads a bcrypt hash at KubeSphere's cost that verifies the typed password
    const json u = kubectlJson({"get", "users.iam.kubesphere.io", qs(m_newUser)});
    QVERIFY(u.is_object());
    const std::string stored = u["spec"].value("password", "");
    QVERIFY2(stored.rfind("$2b$10$", 0) == 0, stored.c_str());
    QVERIFY(bcryptMatches(password.toStdString(), stored));
    QVERIFY(!bcryptMatches("Gui-Secret-43", stored));
    QCOMPARE(qs(u["spec"].value("email", "")), qs(freeEmail));
    QCOMPARE(qs(u["status"].value("state", "")), QStringLiteral("Active"));
    QVERIFY(!u["status"].value("lastTransitionTime", "").empty());
}

void tst_UserDialog::editOfTheOwnerKeepsItsEmail()
{
    QVERIFY(waitForSnapshot([this](const GraphSnapshot &s) { return s.user(m_newUser).has_value(); }));
    // Given the owner's edit dialog: their own e-mail is no duplicate
    UserDialog owner(new PlanRunner(m_session.get()), m_session->snapshot(), qs(m_owner));
    owner.show();
    QVERIFY(QTest::qWaitForWindowExposed(&owner));
    QCOMPARE(owner.emailEdit()->text(), qs(m_ownerEmail));
    QVERIFY(!owner.emailProblemLabel()->isVisible());
    // When the new user's edit takes the owner's e-mail, the field says so and no plan is made
    UserDialog d(new PlanRunner(m_session.get()), m_session->snapshot(), qs(m_newUser));
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    QVERIFY(!d.emailProblemLabel()->isVisible());
    type(d.emailEdit(), qs(m_ownerEmail));
    QTRY_VERIFY(d.emailProblemLabel()->isVisible());
    QVERIFY(d.emailProblemLabel()->text().contains(qs(m_owner)));
    QTest::mouseClick(d.previewButton(), Qt::LeftButton);
    QTRY_VERIFY(d.statusLabel()->text().contains(qs(m_owner)));
    QVERIFY(d.planView()->toPlainText().isEmpty());
    save(&d, QStringLiteral("dialog-user-edit-taken-email"));
    // And the stored e-mail is unchanged
    QCOMPARE(qs(kubectlJson({"get", "users.iam.kubesphere.io", qs(m_newUser)})["spec"].value("email", "")),
             qs(m_newUser + "@example.org"));
}

QTEST_MAIN(tst_UserDialog)
#include "tst_userdialog.moc"
