// The permission workbench in the real window against the devcluster: roles and bindings
// seeded with kubectl (a user through a group, a service account, resourceNames, a
// subresource, an aggregated ClusterRole filled by kube-controller-manager), each subject's
// matrix checked cell by cell against SubjectAccessReview and spot-checked with `kubectl auth
// can-i --as`; why names the binding and rule; who-can lists the subject; a binding created
// with kubectl shows in the open matrix; bad input (malformed subject, deleted project,
// broken manifest) says what and where; verify agrees; screenshots under <build>/screenshots.
#include "guitestsupport.h"
#include "guiwindow.h"

#include "mainwindow.h"
#include "permissionswindow.h"
#include "models/clustersession.h"
#include "models/nodedetails.h"
#include "models/permissionsource.h"
#include "views/detailpanel.h"
#include "views/navigatorwidget.h"
#include "views/permissionworkbenchwidget.h"

#include "kubeclient/rbac/accessreviewer.h"
#include "kubeclient/rbac/kubesphereevaluator.h"
#include "kubeclient/rbac/rbacloader.h"
#include "kubeclient/rbac/identity.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace kube;
using namespace kube::rbac;

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }

using guitest::save;

void kubectlOk(const QStringList &args, const QByteArray &stdinData = {})
{
    auto r = clusterenv::run(QStringLiteral("kubectl"), args, clusterenv::kubeconfigPath("admin"), stdinData);
    QVERIFY2(r.exitCode == 0, qPrintable(args.join(' ') + ": " + r.err));
}

// Types into a combo box's line edit as a user would (replacing what is there).
void typeInto(QComboBox *box, const QString &text)
{
    box->lineEdit()->selectAll();
    QTest::keyClick(box->lineEdit(), Qt::Key_Backspace);
    QTest::keyClicks(box->lineEdit(), text);
}

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

void chooseData(QComboBox *box, int data)
{
    const int i = box->findData(data);
    QVERIFY(i >= 0);
    box->setCurrentIndex(i);
}

bool allowedState(int s)
{
    using S = PermissionMatrixModel::State;
    return s == int(S::Allowed) || s == int(S::Wildcard) || s == int(S::Superuser) || s == int(S::Reviewed);
}

} // namespace

class tst_Permissions : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void everyVisibleCellAgreesWithTheServer();
    void whyWhoCanAndThePathObjects();
    void bindingCreatedWithKubectlShowsInTheOpenMatrix();
    void badInputSaysWhatAndWhere();
    void restrictedIdentitySeesUnknownNotDenied();
    void permissionsTabPresetFromTheTree();
    void offlineManifestsWithABrokenFile();
    void kubesphereViewAgreesWithTheEngineAndMarksDifferences();
    void screenshotCommandLine();

private:
    std::unique_ptr<MainWindow> openWindow();
    PermissionsWindow *openWorkbench(MainWindow &w);
    // Sets subject, groups, scope; waits for the matrix of exactly that question.
    void ask(PermissionWorkbenchWidget *wb, const QString &subject, const QString &groups, PermissionWorkbench::ScopeKind scope,
             const QString &scopeName);
    // Every shown verb cell of `wb` against SubjectAccessReview for `who`; returns cells checked.
    int compareWithServer(PermissionWorkbenchWidget *wb, const Identity &who);

    std::unique_ptr<Client> m_admin;
    std::string m_sfx, m_nsA, m_nsB, m_group, m_alice, m_bob, m_sa;
};

void tst_Permissions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    std::string error;
    m_admin = clusterenv::clientFor(clusterenv::kubeconfigPath("admin"), &error);
    QVERIFY2(m_admin, error.c_str());
    m_sfx = clusterenv::uniqueName("pw");
    m_nsA = m_sfx + "-a";
    m_nsB = m_sfx + "-b";
    m_group = m_sfx + "-devs";
    m_alice = m_sfx + "-alice";
    m_bob = m_sfx + "-bob";
    m_sa = "builder";
    kubectlOk({"create", "namespace", qs(m_nsA)});
    kubectlOk({"create", "namespace", qs(m_nsB)});
    // A role with a subresource and a resourceNames rule, bound to a group.
    kubectlOk({"-n", qs(m_nsA), "create", "role", "reader", "--verb=get,list,watch", "--resource=pods"});
    const std::string role = "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: reader\n  namespace: " +
                             m_nsA +
                             "\nrules:\n- apiGroups: [\"\"]\n  resources: [pods, pods/log]\n  verbs: [get, list, watch]\n"
                             "- apiGroups: [\"\"]\n  resources: [secrets]\n  resourceNames: [app-token]\n  verbs: [get]\n";
    kubectlOk({"apply", "-f", "-"}, QByteArray::fromStdString(role));
    kubectlOk({"-n", qs(m_nsA), "create", "rolebinding", "devs-read", "--role=reader", "--group=" + qs(m_group)});
    // An aggregated ClusterRole: kube-controller-manager fills its rules from the labelled part.
    const std::string agg = "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: " + m_sfx +
                            "-agg\naggregationRule:\n  clusterRoleSelectors:\n  - matchLabels:\n      " + m_sfx +
                            "/part: \"true\"\nrules: []\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\n"
                            "metadata:\n  name: " + m_sfx + "-part\n  labels:\n    " + m_sfx +
                            "/part: \"true\"\nrules:\n- apiGroups: [apps]\n  resources: [deployments, deployments/scale]\n"
                            "  verbs: [get, list, update, patch]\n- apiGroups: [rbac.authorization.k8s.io]\n"
                            "  resources: [roles]\n  verbs: [bind, escalate]\n- apiGroups: [\"\"]\n"
                            "  resources: [users, serviceaccounts]\n  verbs: [impersonate]\n";
    kubectlOk({"apply", "-f", "-"}, QByteArray::fromStdString(agg));
    kubectlOk({"-n", qs(m_nsB), "create", "serviceaccount", qs(m_sa)});
    kubectlOk({"-n", qs(m_nsB), "create", "rolebinding", "builder-agg", "--clusterrole=" + qs(m_sfx + "-agg"),
               "--serviceaccount=" + qs(m_nsB + ":" + m_sa)});
    kubectlOk({"create", "clusterrolebinding", qs(m_sfx + "-bob"), "--clusterrole=" + qs(m_sfx + "-agg"),
               "--user=" + qs(m_bob)});
    // Wait until the controller has aggregated the rules (the server then allows it too).
    QTRY_VERIFY_WITH_TIMEOUT(
        guitest::kubectl({"auth", "can-i", "patch", "deployments.apps", "-n", qs(m_nsB), "--as", qs(m_bob)}).exitCode == 0,
        30000);
}

std::unique_ptr<MainWindow> tst_Permissions::openWindow()
{
    return guitest::openAdminWindow({1400, 900}, QString());
}

PermissionsWindow *tst_Permissions::openWorkbench(MainWindow &w)
{
    [&] { QTRY_VERIFY_WITH_TIMEOUT(w.allLoaded(), 60000); }();
    // View → Permissions… by its shortcut, as a user would.
    QTest::keySequence(&w, QKeySequence(Qt::CTRL | Qt::Key_P));
    PermissionsWindow *pw = w.lastPermissionsWindow();
    if (!pw)
        return nullptr;
    [&] { QVERIFY(QTest::qWaitForWindowExposed(pw)); }();
    pw->resize(1400, 900);
    return pw;
}

void tst_Permissions::ask(PermissionWorkbenchWidget *wb, const QString &subject, const QString &groups,
                          PermissionWorkbench::ScopeKind scope, const QString &scopeName)
{
    QSignalSpy computed(wb->workbench(), &PermissionWorkbench::computed);
    chooseData(wb->scopeKindBox(), int(scope));
    if (!scopeName.isEmpty())
        typeInto(wb->scopeNameBox(), scopeName);
    typeInto(wb->groupsEdit(), groups);
    typeInto(wb->subjectBox(), subject);
    QTest::keyClick(wb->subjectBox()->lineEdit(), Qt::Key_Return);
    // The answer to exactly this question (earlier ones may arrive first).
    auto answered = [&] {
        const auto &q = wb->workbench()->query();
        return !wb->workbench()->computing() && q.subject == subject && q.scopeName == scopeName && q.scope == scope &&
               q.extraGroups.join(QLatin1Char(',')) == groups &&
               (wb->workbench()->matrixModel()->grid() || !wb->workbench()->error().isEmpty());
    };
    QTRY_VERIFY_WITH_TIMEOUT(answered(), 30000);
    if (!answered()) {
        const auto &q = wb->workbench()->query();
        qWarning("asked %s/%s/%s, query is %s/%s/%s computing %d error %s", qPrintable(subject), qPrintable(groups),
                 qPrintable(scopeName), qPrintable(q.subject), qPrintable(q.extraGroups.join(',')), qPrintable(q.scopeName),
                 wb->workbench()->computing(), qPrintable(wb->workbench()->error()));
    }
}

int tst_Permissions::compareWithServer(PermissionWorkbenchWidget *wb, const Identity &who)
{
    auto *model = wb->workbench()->matrixModel();
    std::vector<ReviewCase> cases;
    std::vector<QModelIndex> cells;
    for (int r = 0; r < model->rowCount(); ++r)
        for (int c = model->firstVerbColumn(); c < model->columnCount(); ++c) {
            if (model->index(r, c).data(PermissionMatrixModel::StateRole).toInt() ==
                int(PermissionMatrixModel::State::NotApplicable))
                continue;  // escalate on pods: no question to ask
            const auto ref = model->rowRef(r);
            const auto &m = *model->grid()->matrix;
            cases.push_back({who, cellRequest(m.rows()[ref.row].scope, m.catalog().entries()[ref.entry],
                                              model->verbAt(c).toStdString())});
            cells.push_back(model->index(r, c));
        }
    AccessReviewer reviewer(*m_admin);
    const auto answers = reviewer.reviewAll(cases, 4);
    int checked = 0;
    for (size_t i = 0; i < answers.size(); ++i) {
        if (!answers[i]) {
            QTest::qFail(answers[i].error().describe().c_str(), __FILE__, __LINE__);
            return -1;
        }
        const int state = cells[i].data(PermissionMatrixModel::StateRole).toInt();
        // A cell without a name: "names only" is not allowed for the nameless request.
        if (allowedState(state) != answers[i]->allowed) {
            QTest::qFail(qPrintable(QStringLiteral("%1: workbench says %2, the server says %3 (%4)")
                                        .arg(cells[i].data(Qt::ToolTipRole).toString())
                                        .arg(state)
                                        .arg(answers[i]->allowed)
                                        .arg(qs(answers[i]->reason))),
                         __FILE__, __LINE__);
            return -1;
        }
        ++checked;
    }
    return checked;
}

void tst_Permissions::everyVisibleCellAgreesWithTheServer()
{
    auto w = openWindow();
    PermissionsWindow *pw = openWorkbench(*w);
    QVERIFY(pw);
    PermissionWorkbenchWidget *wb = pw->workbench();
    QAbstractItemModelTester tester(wb->workbench()->matrixModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(wb->viewBox()->currentData().toInt(), int(View::Kubernetes));  // standalone: what kubectl gets

    // escalate, bind, impersonate: columns where they apply, "—" where they do not.
    struct Case {
        QString subject, groups;
        PermissionWorkbench::ScopeKind scope;
        QString scopeName;
        Identity who;
        QString expectAllowed;  // a resource row with at least one allowed cell
    };
    using S = PermissionWorkbench::ScopeKind;
    const std::vector<Case> cases = {
        {qs(m_alice), qs(m_group), S::Project, qs(m_nsA), Identity::impersonated(m_alice, {m_group}), "pods/log"},
        {qs("Group " + m_group), {}, S::Project, qs(m_nsA), Identity::verbatim("", {m_group}), "pods"},
        {qs("ServiceAccount " + m_nsB + "/" + m_sa), {}, S::Project, qs(m_nsB), Identity::serviceAccount(m_nsB, m_sa),
         "deployments.apps/scale"},
        {qs(m_bob), {}, S::Cluster, {}, Identity::impersonated(m_bob), "users"},
    };
    int total = 0;
    for (const auto &c : cases) {
        ask(wb, c.subject, c.groups, c.scope, c.scopeName);
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY2(wb->workbench()->error().isEmpty(), qPrintable(wb->workbench()->error()));
        QVERIFY2(wb->titleLabel()->text().contains(c.scope == S::Cluster ? QStringLiteral("cluster") : c.scopeName),
                 qPrintable(wb->titleLabel()->text()));
        // Only the allowed rows, then every row of the core group and apps: all checked.
        wb->onlyAllowedBox()->setChecked(true);
        auto *model = wb->workbench()->matrixModel();
        QVERIFY2(model->findRow(model->rowCount() ? model->scopeText(0) : QString(), c.expectAllowed) >= 0,
                 qPrintable(c.subject + " has no allowed row " + c.expectAllowed));
        const int allowedRows = model->rowCount();
        wb->onlyAllowedBox()->setChecked(false);
        QVERIFY(model->rowCount() > allowedRows);
        auto stateOf = [&](const QString &resource, const QString &verb) {
            const int row = model->findRow(model->scopeText(0), resource);
            for (int col = model->firstVerbColumn(); row >= 0 && col < model->columnCount(); ++col)
                if (model->verbAt(col) == verb)
                    return model->index(row, col).data(PermissionMatrixModel::StateRole).toInt();
            return -1;
        };
        QCOMPARE(stateOf(QStringLiteral("pods"), QStringLiteral("escalate")), int(PermissionMatrixModel::State::NotApplicable));
        QCOMPARE(stateOf(QStringLiteral("pods"), QStringLiteral("impersonate")), int(PermissionMatrixModel::State::NotApplicable));
        const int n = compareWithServer(wb, c.who);
        QVERIFY(n > 0);
        total += n;
        save(pw, QStringLiteral("permissions-") + c.subject.section(QLatin1Char(' '), 0, 0).section(QLatin1Char('-'), -1));
    }
    qInfo("checked %d cells against SubjectAccessReview", total);

    // resourceNames: the secrets row says "names", the server allows the named request only.
    ask(wb, qs(m_alice), qs(m_group), S::Project, qs(m_nsA));
    QVERIFY(!QTest::currentTestFailed());
    auto *model = wb->workbench()->matrixModel();
    const int secrets = model->findRow(qs(m_nsA), QStringLiteral("secrets"));
    QVERIFY(secrets >= 0);
    int getColumn = -1;
    for (int c = model->firstVerbColumn(); c < model->columnCount(); ++c)
        if (model->verbAt(c) == QLatin1String("get"))
            getColumn = c;
    QCOMPARE(model->index(secrets, getColumn).data(PermissionMatrixModel::StateRole).toInt(),
             int(PermissionMatrixModel::State::Named));
    AccessReviewer reviewer(*m_admin);
    auto named = reviewer.review(Identity::impersonated(m_alice, {m_group}),
                                 RequestAttributes::forResource("get", "", "secrets", m_nsA, "app-token"));
    QVERIFY(named && named->allowed);

    // kubectl, the independent peer, on a few cells.
    struct Spot {
        QString verb, resource, ns;
        bool allowed;
    };
    for (const Spot &s : {Spot{"get", "pods/log", qs(m_nsA), true}, Spot{"delete", "pods", qs(m_nsA), false},
                          Spot{"list", "pods", qs(m_nsB), false}}) {
        const int row = model->findRow(qs(m_nsA), s.resource);
        if (s.ns == qs(m_nsA)) {
            QVERIFY(row >= 0);
            int col = -1;
            for (int c = model->firstVerbColumn(); c < model->columnCount(); ++c)
                if (model->verbAt(c) == s.verb)
                    col = c;
            QCOMPARE(allowedState(model->index(row, col).data(PermissionMatrixModel::StateRole).toInt()), s.allowed);
        }
        auto r = guitest::kubectl({"auth", "can-i", s.verb, s.resource, "-n", s.ns, "--as", qs(m_alice), "--as-group",
                                   qs(m_group)});
        QCOMPARE(r.exitCode == 0, s.allowed);
    }

    // Verify: the server agrees with every shown cell.
    wb->answerTabs()->setCurrentIndex(3);
    QTest::mouseClick(wb->verifyButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(wb->verifySummary()->text().contains(QStringLiteral("agrees")) ||
                                 wb->verifySummary()->text().contains(QStringLiteral("DISAGREE")),
                             60000);
    QVERIFY2(wb->verifySummary()->text().contains(QStringLiteral("agrees")), qPrintable(wb->verifySummary()->text() +
                                                                                        wb->verifyDetails()->toPlainText()));
    save(pw, QStringLiteral("permissions-verified"));
}

void tst_Permissions::whyWhoCanAndThePathObjects()
{
    auto w = openWindow();
    PermissionsWindow *pw = openWorkbench(*w);
    QVERIFY(pw);
    PermissionWorkbenchWidget *wb = pw->workbench();
    QAbstractItemModelTester whoTester(wb->workbench()->whoCanModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    ask(wb, qs(m_alice), qs(m_group), PermissionWorkbench::ScopeKind::Project, qs(m_nsA));
    auto *model = wb->workbench()->matrixModel();
    const int row = model->findRow(qs(m_nsA), QStringLiteral("pods/log"));
    QVERIFY(row >= 0);
    int getColumn = -1;
    for (int c = model->firstVerbColumn(); c < model->columnCount(); ++c)
        if (model->verbAt(c) == QLatin1String("get"))
            getColumn = c;
    // Click the cell: why names the binding, the role and the rule.
    wb->table()->scrollTo(model->index(row, getColumn));
    const QRect rect = wb->table()->visualRect(model->index(row, getColumn));
    QTest::mouseClick(wb->table()->viewport(), Qt::LeftButton, {}, rect.center());
    QTRY_VERIFY_WITH_TIMEOUT(wb->whyText()->toPlainText().startsWith(QStringLiteral("yes")), 10000);
    const QString why = wb->whyText()->toPlainText();
    QVERIFY2(why.contains(QStringLiteral("RoleBinding ") + qs(m_nsA) + QStringLiteral("/devs-read")), qPrintable(why));
    QVERIFY2(why.contains(QStringLiteral("Role ") + qs(m_nsA) + QStringLiteral("/reader")), qPrintable(why));
    QVERIFY2(why.contains(QStringLiteral("pods/log")) && why.contains(QStringLiteral("Group ") + qs(m_group)), qPrintable(why));
    // Who can: the group is listed with its path.
    QTRY_VERIFY_WITH_TIMEOUT(wb->workbench()->whoCanModel()->rowCount() > 0, 10000);
    bool listed = false;
    for (const auto &r : wb->workbench()->whoCanModel()->rows())
        listed = listed || (r.subject.contains(qs(m_group)) && r.via.contains(QStringLiteral("devs-read")));
    QVERIFY(listed);
    wb->answerTabs()->setCurrentIndex(1);
    save(pw, QStringLiteral("permissions-who-can"));

    // The path's objects open as YAML.
    wb->answerTabs()->setCurrentIndex(0);
    QCOMPARE(wb->pathList()->count(), 2);
    QVERIFY(wb->pathList()->item(1)->text().startsWith(QStringLiteral("Role ")));
    wb->pathList()->setCurrentRow(1);
    QTest::keyClick(wb->pathList(), Qt::Key_Return);
    QDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = pw->findChild<QDialog *>(QStringLiteral("pathObjectDialog"))) != nullptr, 5000);
    auto *yaml = dialog->findChild<QPlainTextEdit *>(QStringLiteral("pathObjectYaml"));
    QTRY_VERIFY_WITH_TIMEOUT(yaml->toPlainText().contains(QStringLiteral("kind: Role")), 10000);
    QVERIFY(yaml->toPlainText().contains(QStringLiteral("app-token")));
    save(dialog, QStringLiteral("permissions-path-object"));
    dialog->close();
    // "Show in the tree" (the path list's context menu) selects the project the Role lives in.
    emit wb->showInTree(wb->workbench()->explanationObjects().at(1));
    QCOMPARE(w->navigator()->currentSourceIndex().data(Qt::DisplayRole).toString(), qs(m_nsA));

    // A denial says what the nearest rule lacks.
    int deleteColumn = -1;
    for (int c = model->firstVerbColumn(); c < model->columnCount(); ++c)
        if (model->verbAt(c) == QLatin1String("delete"))
            deleteColumn = c;
    wb->table()->setCurrentIndex(model->index(row, deleteColumn));
    QTRY_VERIFY_WITH_TIMEOUT(wb->whyText()->toPlainText().startsWith(QStringLiteral("no")), 10000);
    QVERIFY2(wb->whyText()->toPlainText().contains(QStringLiteral("verb delete")), qPrintable(wb->whyText()->toPlainText()));

    // Risks of the project: the scan runs and each finding names a path.
    wb->answerTabs()->setCurrentIndex(2);
    QAbstractItemModelTester riskTester(wb->workbench()->riskModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTest::mouseClick(wb->riskButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(wb->workbench()->riskModel()->rowCount() > 0, 10000);
    for (const auto &r : wb->workbench()->riskModel()->rows())
        QVERIFY(!r.via.isEmpty() && (r.severity == QLatin1String("high") || r.severity == QLatin1String("medium")));
    save(pw, QStringLiteral("permissions-risks"));
}

void tst_Permissions::bindingCreatedWithKubectlShowsInTheOpenMatrix()
{
    auto w = openWindow();
    PermissionsWindow *pw = openWorkbench(*w);
    QVERIFY(pw);
    PermissionWorkbenchWidget *wb = pw->workbench();
    QAbstractItemModelTester tester(wb->workbench()->matrixModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    ask(wb, qs(m_alice), qs(m_group), PermissionWorkbench::ScopeKind::Project, qs(m_nsA));
    auto *model = wb->workbench()->matrixModel();
    auto cell = [&]() -> int {
        const int row = model->findRow(qs(m_nsA), QStringLiteral("configmaps"));
        for (int c = model->firstVerbColumn(); c < model->columnCount(); ++c)
            if (row >= 0 && model->verbAt(c) == QLatin1String("create"))
                return model->index(row, c).data(PermissionMatrixModel::StateRole).toInt();
        return -1;
    };
    QCOMPARE(cell(), int(PermissionMatrixModel::State::Denied));
    // Select it, so the selection is seen to survive the update.
    const int row = model->findRow(qs(m_nsA), QStringLiteral("configmaps"));
    wb->table()->setCurrentIndex(model->index(row, model->firstVerbColumn()));
    kubectlOk({"-n", qs(m_nsA), "create", "role", "cm-writer", "--verb=create", "--resource=configmaps"});
    kubectlOk({"-n", qs(m_nsA), "create", "rolebinding", "alice-cm", "--role=cm-writer", "--user=" + qs(m_alice)});
    QTRY_COMPARE_WITH_TIMEOUT(cell(), int(PermissionMatrixModel::State::Allowed), 15000);
    QCOMPARE(model->resourceText(wb->table()->currentIndex().row()), QStringLiteral("configmaps"));
    // And away again when the binding goes.
    kubectlOk({"-n", qs(m_nsA), "delete", "rolebinding", "alice-cm"});
    QTRY_COMPARE_WITH_TIMEOUT(cell(), int(PermissionMatrixModel::State::Denied), 15000);
}

void tst_Permissions::badInputSaysWhatAndWhere()
{
    auto w = openWindow();
    PermissionsWindow *pw = openWorkbench(*w);
    QVERIFY(pw);
    PermissionWorkbenchWidget *wb = pw->workbench();
    // A malformed subject: the banner says why, the field keeps the text.
    ask(wb, QStringLiteral("ServiceAccount nonamespace"), {}, PermissionWorkbench::ScopeKind::Cluster, {});
    QVERIFY2(wb->bannerLabel()->text().contains(QStringLiteral("NAMESPACE/NAME")), qPrintable(wb->bannerLabel()->text()));
    QCOMPARE(wb->subjectBox()->currentText(), QStringLiteral("ServiceAccount nonamespace"));
    // A subject nobody names: computed, with a notice (not an error).
    ask(wb, QStringLiteral("nobody-") + qs(m_sfx), {}, PermissionWorkbench::ScopeKind::Cluster, {});
    QVERIFY(wb->workbench()->error().isEmpty());
    QVERIFY2(wb->bannerLabel()->text().contains(QStringLiteral("No binding")), qPrintable(wb->bannerLabel()->text()));
    // A project deleted meanwhile.
    const QString gone = qs(m_sfx + "-gone");
    kubectlOk({"create", "namespace", gone});
    // Offered by the project picker once the watch brought it.
    QTRY_VERIFY_WITH_TIMEOUT(wb->workbench()->projects().contains(gone), 15000);
    ask(wb, qs(m_alice), {}, PermissionWorkbench::ScopeKind::Project, gone);
    QVERIFY2(wb->workbench()->error().isEmpty(), qPrintable(wb->workbench()->error()));
    kubectlOk({"delete", "namespace", gone, "--wait=false"});
    // The namespace lingers while it terminates; once gone the matrix says so.
    QTRY_VERIFY_WITH_TIMEOUT(wb->bannerLabel()->text().contains(QStringLiteral("does not exist")), 60000);
    QVERIFY(wb->bannerLabel()->text().contains(gone));
    QCOMPARE(wb->workbench()->matrixModel()->rowCount(), 0);
    save(pw, QStringLiteral("permissions-deleted-scope"));
}

void tst_Permissions::restrictedIdentitySeesUnknownNotDenied()
{
    // An identity that may read pods in nsA and nothing else: it cannot list roles or bindings.
    const std::string user = m_sfx + "-restricted";
    const std::string kubeconfig = clusterenv::addUser(user);
    QVERIFY(!kubeconfig.empty());
    kubectlOk({"-n", qs(m_nsA), "create", "rolebinding", qs(user + "-read"), "--role=reader", "--user=" + qs(user)});
    MainWindow::Options o;
    o.persist = false;
    MainWindow w(o);
    w.resize(1400, 900);
    ConnectionSpec spec;
    spec.kubeconfig = qs(kubeconfig);
    spec.pinnedNamespaces = {qs(m_nsA)};
    w.addConnection(spec, false);
    w.show();
    PermissionsWindow *pw = openWorkbench(w);
    QVERIFY(pw);
    PermissionWorkbenchWidget *wb = pw->workbench();
    ask(wb, QStringLiteral("me"), {}, PermissionWorkbench::ScopeKind::Cluster, {});
    QVERIFY(!QTest::currentTestFailed());
    QTRY_VERIFY_WITH_TIMEOUT(wb->bannerLabel()->text().contains(QStringLiteral("Could not read")), 15000);
    QVERIFY2(wb->bannerLabel()->text().contains(QStringLiteral("rolebindings.rbac.authorization.k8s.io")),
             qPrintable(wb->bannerLabel()->text()));
    QVERIFY2(wb->titleLabel()->text().contains(qs(user)), qPrintable(wb->titleLabel()->text()));
    // Cluster-wide: no rules review covers it completely here... whatever the server's review
    // reports is shown as allowed; nothing the unreadable objects might allow is claimed denied
    // unless a complete review says so.
    auto *model = wb->workbench()->matrixModel();
    QVERIFY(model->rowCount() > 0);
    save(pw, QStringLiteral("permissions-restricted-cluster"));

    // In the project it has a role in: the server's rules review shows what it may do there,
    // with a notice, and the explanation names the review. Every cell then agrees with SAR.
    ask(wb, QStringLiteral("me"), {}, PermissionWorkbench::ScopeKind::Project, qs(m_nsA));
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY2(wb->bannerLabel()->text().contains(QStringLiteral("SelfSubjectRulesReview")), qPrintable(wb->bannerLabel()->text()));
    const int row = model->findRow(qs(m_nsA), QStringLiteral("pods/log"));
    QVERIFY(row >= 0);
    int get = -1;
    for (int c = model->firstVerbColumn(); c < model->columnCount(); ++c)
        if (model->verbAt(c) == QLatin1String("get"))
            get = c;
    QCOMPARE(model->index(row, get).data(PermissionMatrixModel::StateRole).toInt(), int(PermissionMatrixModel::State::Reviewed));
    wb->table()->setCurrentIndex(model->index(row, get));
    QTRY_VERIFY_WITH_TIMEOUT(wb->whyText()->toPlainText().contains(QStringLiteral("rules review")), 10000);
    QVERIFY(compareWithServer(wb, Identity::impersonated(user)) > 0);
    // Verify from the window agrees too.
    QTest::mouseClick(wb->verifyButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!wb->verifySummary()->text().startsWith(QStringLiteral("Asking")) &&
                                 wb->verifySummary()->text() != QStringLiteral("Not verified yet."),
                             60000);
    QVERIFY2(wb->verifySummary()->text().contains(QStringLiteral("agrees")), qPrintable(wb->verifySummary()->text() +
                                                                                        wb->verifyDetails()->toPlainText()));
    save(pw, QStringLiteral("permissions-restricted"));
}

void tst_Permissions::permissionsTabPresetFromTheTree()
{
    auto w = openWindow();
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    const QString cluster = w->sessions().first()->id();
    QTRY_VERIFY_WITH_TIMEOUT(w->navigator()->selectPath(cluster + QStringLiteral("/Reachable projects/") + qs(m_nsA)) ||
                                 w->navigator()->selectPath(cluster + QStringLiteral("/Projects without workspace/") + qs(m_nsA)),
                             15000);
    // Alt+8: the Permissions tab, preset to this project.
    QTest::keyClick(w.get(), Qt::Key_8, Qt::AltModifier);
    PermissionWorkbenchWidget *wb = w->detailPanel()->permissions();
    QVERIFY(wb->isVisible());
    QCOMPARE(wb->scopeNameBox()->currentText(), qs(m_nsA));
    QCOMPARE(wb->scopeKindBox()->currentData().toInt(), int(PermissionWorkbench::ScopeKind::Project));
    QTRY_VERIFY_WITH_TIMEOUT(wb->workbench()->matrixModel()->rowCount() > 0, 30000);
    QVERIFY2(wb->titleLabel()->text().contains(qs(m_nsA)), qPrintable(wb->titleLabel()->text()));
    // The admin is a superuser: every cell says so.
    QCOMPARE(wb->workbench()->matrixModel()->index(0, wb->workbench()->matrixModel()->firstVerbColumn())
                 .data(PermissionMatrixModel::StateRole)
                 .toInt(),
             int(PermissionMatrixModel::State::Superuser));
    save(w.get(), QStringLiteral("permissions-tab-project"));
}

void tst_Permissions::offlineManifestsWithABrokenFile()
{
    QTemporaryDir dir;
    std::ofstream(dir.filePath(QStringLiteral("bad.yaml")).toStdString()) << "kind: Role\nmetadata: {name: [unclosed\n";
    std::ofstream(dir.filePath(QStringLiteral("good.yaml")).toStdString())
        << "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: reader}\nrules:\n"
           "- apiGroups: [\"\"]\n  resources: [pods]\n  verbs: [get, list]\n---\n"
           "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: carol-reads}\n"
           "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader}\n"
           "subjects: [{kind: User, name: carol, apiGroup: rbac.authorization.k8s.io}]\n";
    MainWindow::Options o;
    o.persist = false;
    MainWindow w(o);
    PermissionsWindow *pw = w.openManifests(dir.path());
    QVERIFY(pw);
    PermissionWorkbenchWidget *wb = pw->workbench();
    QTRY_VERIFY_WITH_TIMEOUT(wb->workbench()->source()->ready(), 10000);
    // Offline there is no "me": until a subject is typed the banner asks for one.
    ask(wb, QStringLiteral("carol"), {}, PermissionWorkbench::ScopeKind::Cluster, {});
    QVERIFY2(wb->workbench()->error().isEmpty(), qPrintable(wb->workbench()->error()));
    const QString banner = wb->bannerLabel()->text();
    QVERIFY2(banner.contains(QStringLiteral("bad.yaml:2")), qPrintable(banner));
    auto *model = wb->workbench()->matrixModel();
    const int pods = model->findRow(QStringLiteral("cluster"), QStringLiteral("pods"));
    QVERIFY(pods >= 0);
    // A file could not be read: what the rest allows is allowed, the rest is unknown, not denied.
    QCOMPARE(model->index(pods, model->firstVerbColumn()).data(PermissionMatrixModel::StateRole).toInt(),
             int(PermissionMatrixModel::State::Allowed));
    int deleteCollection = -1;
    for (int c = model->firstVerbColumn(); c < model->columnCount(); ++c)
        if (model->verbAt(c) == QLatin1String("deletecollection"))
            deleteCollection = c;
    QCOMPARE(model->index(pods, deleteCollection).data(PermissionMatrixModel::StateRole).toInt(),
             int(PermissionMatrixModel::State::Unknown));
    // Verify needs a server.
    QTest::mouseClick(wb->verifyButton(), Qt::LeftButton);
    QTRY_VERIFY(wb->verifySummary()->text().contains(QStringLiteral("live cluster")));
    // Export: CSV with the row, JSON parseable.
    QString error;
    QVERIFY2(wb->exportTo(dir.filePath(QStringLiteral("m.csv")), &error), qPrintable(error));
    QFile csv(dir.filePath(QStringLiteral("m.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QVERIFY(csv.readAll().contains("carol"));
    QVERIFY(wb->exportTo(dir.filePath(QStringLiteral("m.json")), &error));
    QFile json(dir.filePath(QStringLiteral("m.json")));
    QVERIFY(json.open(QIODevice::ReadOnly));
    QVERIFY(!QJsonDocument::fromJson(json.readAll()).isNull());
    save(pw, QStringLiteral("permissions-offline"));
}

void tst_Permissions::kubesphereViewAgreesWithTheEngineAndMarksDifferences()
{
    // The tenancy (users, workspaces, projects, members) written by the planner, and the
    // connection told to treat the cluster as KubeSphere's: the KubeSphere view applies.
    std::string error;
    const guitest::Seed seed = guitest::seedTenancy(*m_admin, &error);
    QVERIFY2(error.empty(), error.c_str());
    MainWindow::Options o;
    o.persist = false;
    MainWindow w(o);
    w.resize(1400, 900);
    ConnectionSpec spec;
    spec.kubeconfig = qs(clusterenv::kubeconfigPath("admin"));
    spec.context = QStringLiteral("admin@devcluster");
    spec.modeOverride = QStringLiteral("kubesphere");
    w.addConnection(spec, false);
    w.show();
    QTRY_VERIFY_WITH_TIMEOUT(w.allLoaded(), 60000);
    const QString cluster = w.sessions().first()->id();
    // The user's node presets the subject, the platform scope and the KubeSphere view.
    QTRY_VERIFY_WITH_TIMEOUT(w.navigator()->selectPath(cluster + qs("/Platform/Users/" + seed.userA)), 15000);
    QVERIFY(w.detailPanel()->showTab(NodeDetails::PermissionsTab));
    PermissionWorkbenchWidget *wb = w.detailPanel()->permissions();
    QCOMPARE(wb->subjectBox()->currentText(), qs(seed.userA));
    QCOMPARE(wb->viewBox()->currentData().toInt(), int(View::KubeSphere));
    QTRY_VERIFY_WITH_TIMEOUT(wb->workbench()->matrixModel()->rowCount() > 0 && !wb->workbench()->computing(), 30000);
    QVERIFY2(wb->titleLabel()->text().contains(QStringLiteral("ks-apiserver")), qPrintable(wb->titleLabel()->text()));
    QVERIFY(wb->viewBox()->isEnabled());
    save(&w, QStringLiteral("permissions-kubesphere-user"));

    // In the manager's workspace: every cell is what KubeSphereEvaluator decides on data read
    // independently (no ks-apiserver runs here to ask; the engine's KubeSphere view has its
    // own tests against ks-apiserver's semantics).
    ask(wb, qs(seed.userA), {}, PermissionWorkbench::ScopeKind::Workspace, qs(seed.ws1));
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY2(wb->workbench()->error().isEmpty(), qPrintable(wb->workbench()->error()));
    auto loaded = RbacLoader::fromClient(*m_admin);
    QVERIFY(loaded.ok());
    RbacIndex::Options options;
    options.kubesphereFlavor = loaded->flavor;
    KubeSphereEvaluator evaluator(RbacIndex::build(loaded->data, options));
    auto *model = wb->workbench()->matrixModel();
    const auto &m = *model->grid()->matrix;
    int allowed = 0, differing = 0;
    for (int r = 0; r < model->rowCount(); ++r)
        for (int c = model->firstVerbColumn(); c < model->columnCount(); ++c) {
            const QModelIndex cell = model->index(r, c);
            const int state = cell.data(PermissionMatrixModel::StateRole).toInt();
            if (state == int(PermissionMatrixModel::State::NotApplicable))
                continue;
            const auto ref = model->rowRef(r);
            const auto request = cellRequest(m.rows()[ref.row].scope, m.catalog().entries()[ref.entry],
                                             model->verbAt(c).toStdString());
            const bool engine = evaluator.allowed(Identity::impersonated(seed.userA), request);
            QVERIFY2(allowedState(state) == engine, qPrintable(cell.data(Qt::ToolTipRole).toString()));
            allowed += engine;
            differing += cell.data(PermissionMatrixModel::DiffersRole).toBool();
        }
    QVERIFY(allowed > 0);  // the workspace manager manages its workspace
    qInfo("KubeSphere view of %s in %s: %d allowed cells, %d differ from kube-apiserver's", seed.userA.c_str(),
          seed.ws1.c_str(), allowed, differing);
    // Standalone mode mirrors KubeSphere's bindings into RBAC, so the views agree on what the
    // planner wrote. A KubeSphere binding written by hand (no mirror) is ks-apiserver's alone:
    // the cells it grants differ, say so, and "only differing" finds exactly those rows.
    const std::string ksOnly = m_sfx + "-ksonly";
    const std::string binding = "apiVersion: iam.kubesphere.io/v1beta1\nkind: RoleBinding\nmetadata:\n  name: " + ksOnly +
                                "\n  namespace: " + seed.p1 +
                                "\nroleRef: {apiGroup: iam.kubesphere.io, kind: Role, name: viewer}\n"
                                "subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: " + ksOnly + "}]\n";
    kubectlOk({"apply", "-f", "-"}, QByteArray::fromStdString(binding));
    QTRY_VERIFY_WITH_TIMEOUT(wb->workbench()->knownSubjects().contains(qs(ksOnly)), 15000);
    ask(wb, qs(ksOnly), {}, PermissionWorkbench::ScopeKind::Project, qs(seed.p1));
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY(wb->onlyDifferingBox()->isEnabled());
    int differ = 0;
    for (int r = 0; r < model->rowCount(); ++r)
        for (int c = model->firstVerbColumn(); c < model->columnCount(); ++c) {
            const QModelIndex cell = model->index(r, c);
            if (!cell.data(PermissionMatrixModel::DiffersRole).toBool())
                continue;
            ++differ;
            QVERIFY(allowedState(cell.data(PermissionMatrixModel::StateRole).toInt()));
            QCOMPARE(cell.data(PermissionMatrixModel::OtherStateRole).toInt(), int(PermissionMatrixModel::State::Denied));
            QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(QStringLiteral("kube-apiserver says denied")));
        }
    QVERIFY(differ > 0);
    const int before = model->rowCount();
    wb->onlyDifferingBox()->setChecked(true);
    QVERIFY(model->rowCount() > 0 && model->rowCount() <= before);
    for (int r = 0; r < model->rowCount(); ++r) {
        bool any = false;
        for (int c = model->firstVerbColumn(); c < model->columnCount(); ++c)
            any = any || model->index(r, c).data(PermissionMatrixModel::DiffersRole).toBool();
        QVERIFY(any);
    }
    save(&w, QStringLiteral("permissions-kubesphere-differs"));
    wb->onlyDifferingBox()->setChecked(false);
    save(&w, QStringLiteral("permissions-kubesphere-project"));
}

void tst_Permissions::screenshotCommandLine()
{
    const QString file = guitest::screenshotDir() + QStringLiteral("/permissions-cli.png");
    QFile::remove(file);
    QProcess p;
    p.start(QStringLiteral(TENANTRY_BINARY_DIR "/app/tenantry"),
            {QStringLiteral("--kubeconfig"), qs(clusterenv::kubeconfigPath("admin")), QStringLiteral("--screenshot"), file,
             QStringLiteral("--select"), QStringLiteral("admin@devcluster/Projects without workspace/") + qs(m_nsA),
             QStringLiteral("--tab"), QStringLiteral("permissions")});
    QVERIFY(p.waitForFinished(120000));
    QVERIFY2(QFile::exists(file), p.readAllStandardError().constData());
}

QTEST_MAIN(tst_Permissions)
#include "tst_permissions.moc"
