// Rego in the permission workbench against the devcluster: a GlobalRole whose only grant is
// the global-view-clusters policy (as the cluster serves that RoleTemplate), bound with kubectl
// to a user; in the KubeSphere view the cells the policy allows are marked R, the banner says
// the policies were evaluated by opa, why names the Rego rule, who-can lists the user; with an
// opa that is not there the banner says so and the cells are denied. Screenshots under
// <build>/screenshots (rego-*.png).
#include "guitestsupport.h"
#include "guiwindow.h"
#include "mainwindow.h"
#include "permissionswindow.h"
#include "views/permissionworkbenchwidget.h"

#include "kubeclient/rbac/regoopa.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace kube::rbac;
using nlohmann::json;

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }

void typeInto(QComboBox *box, const QString &text)
{
    box->lineEdit()->selectAll();
    QTest::keyClick(box->lineEdit(), Qt::Key_Backspace);
    QTest::keyClicks(box->lineEdit(), text);
}

void chooseData(QComboBox *box, int data)
{
    const int i = box->findData(data);
    QVERIFY(i >= 0);
    box->setCurrentIndex(i);
}
} // namespace

class tst_RegoWorkbench : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void policyCellsWhyAndWhoCan();

private:
    void ask(PermissionWorkbenchWidget *wb);
    std::string m_user, m_role, m_ns;
};

void tst_RegoWorkbench::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(OpaRegoEvaluator::shared()->available(), OpaRegoEvaluator::shared()->unavailableReason().c_str());
    const std::string sfx = clusterenv::uniqueName("rw").substr(3);
    m_user = "regouser-" + sfx;
    m_role = "rego-viewer-" + sfx;
    m_ns = "rego-" + sfx;
    auto tmpl = guitest::kubectl({"get", "roletemplates.iam.kubesphere.io", "global-view-clusters", "-o", "json"});
    QVERIFY2(tmpl.exitCode == 0, tmpl.err.constData());
    const std::string policy = json::parse(tmpl.out.toStdString())["metadata"]["annotations"].value(
        "iam.kubesphere.io/rego-override", "");
    QVERIFY(!policy.empty());
    const json items = {
        {{"apiVersion", "iam.kubesphere.io/v1beta1"},
         {"kind", "GlobalRole"},
         {"metadata", {{"name", m_role}, {"annotations", {{"iam.kubesphere.io/rego-override", policy}}}}},
         {"rules", json::array()}},
        {{"apiVersion", "iam.kubesphere.io/v1beta1"},
         {"kind", "GlobalRoleBinding"},
         {"metadata", {{"name", m_role}}},
         {"roleRef", {{"apiGroup", "iam.kubesphere.io"}, {"kind", "GlobalRole"}, {"name", m_role}}},
         {"subjects", {{{"apiGroup", "iam.kubesphere.io"}, {"kind", "User"}, {"name", m_user}}}}},
        {{"apiVersion", "iam.kubesphere.io/v1beta1"},
         {"kind", "User"},
         {"metadata", {{"name", m_user}}},
         {"spec", {{"email", m_user + "@example.com"}}}},
        {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", m_ns}}}}};
    const json list = {{"apiVersion", "v1"}, {"kind", "List"}, {"items", items}};
    auto r = clusterenv::run("kubectl", {"apply", "-f", "-"}, clusterenv::kubeconfigPath("admin"),
                             QByteArray::fromStdString(list.dump()));
    QVERIFY2(r.exitCode == 0, r.err.constData());
}

void tst_RegoWorkbench::cleanupTestCase()
{
    guitest::kubectl({"delete", "--ignore-not-found", "--wait=false", "globalrolebinding.iam.kubesphere.io/" + qs(m_role),
                      "globalrole.iam.kubesphere.io/" + qs(m_role), "user.iam.kubesphere.io/" + qs(m_user),
                      "namespace/" + qs(m_ns)});
}

void tst_RegoWorkbench::ask(PermissionWorkbenchWidget *wb)
{
    chooseData(wb->viewBox(), int(View::KubeSphere));
    chooseData(wb->scopeKindBox(), int(PermissionWorkbench::ScopeKind::Project));
    wb->scopeNameBox()->setCurrentText(qs(m_ns));
    typeInto(wb->subjectBox(), qs(m_user));
    QTest::keyClick(wb->subjectBox()->lineEdit(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!wb->workbench()->computing() && wb->workbench()->query().subject == qs(m_user) &&
                                 wb->workbench()->query().scopeName == qs(m_ns) &&
                                 wb->workbench()->query().view == View::KubeSphere && wb->workbench()->matrixModel()->grid(),
                             30000);
}

void tst_RegoWorkbench::policyCellsWhyAndWhoCan()
{
    auto w = guitest::openAdminWindow({1400, 900}, QStringLiteral("kubesphere"));
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    QTest::keySequence(w.get(), QKeySequence(Qt::CTRL | Qt::Key_P));
    PermissionsWindow *pw = w->lastPermissionsWindow();
    QVERIFY(pw);
    QVERIFY(QTest::qWaitForWindowExposed(pw));
    pw->resize(1400, 900);
    PermissionWorkbenchWidget *wb = pw->workbench();
    QTRY_VERIFY_WITH_TIMEOUT(wb->workbench()->knownSubjects().contains(qs(m_user)), 30000);
    ask(wb);
    QVERIFY(!QTest::currentTestFailed());
    auto *model = wb->workbench()->matrixModel();
    const int row = model->findRow(qs(m_ns), QStringLiteral("pods"));
    QVERIFY(row >= 0);
    auto column = [&](const char *verb) {
        for (int c = model->firstVerbColumn(); c < model->columnCount(); ++c)
            if (model->verbAt(c) == QLatin1String(verb))
                return c;
        return -1;
    };
    // Reads are allowed by the policy alone (R), writes are not.
    QCOMPARE(model->index(row, column("get")).data(PermissionMatrixModel::StateRole).toInt(),
             int(PermissionMatrixModel::State::Policy));
    QCOMPARE(model->index(row, column("list")).data(PermissionMatrixModel::StateRole).toInt(),
             int(PermissionMatrixModel::State::Policy));
    QCOMPARE(model->index(row, column("delete")).data(PermissionMatrixModel::StateRole).toInt(),
             int(PermissionMatrixModel::State::Denied));
    QVERIFY2(wb->bannerLabel()->text().contains(QStringLiteral("Rego policies evaluated by opa")),
             qPrintable(wb->bannerLabel()->text()));
    // Why: the path names the role, its binding and the Rego rule.
    const QModelIndex get = model->index(row, column("get"));
    wb->table()->scrollTo(get);
    QTest::mouseClick(wb->table()->viewport(), Qt::LeftButton, {}, wb->table()->visualRect(get).center());
    QTRY_VERIFY_WITH_TIMEOUT(wb->whyText()->toPlainText().startsWith(QStringLiteral("yes")), 15000);
    const QString why = wb->whyText()->toPlainText();
    QVERIFY2(why.contains(qs("GlobalRoleBinding " + m_role + " -> GlobalRole " + m_role + ", Rego policy rule authz.rego:")),
             qPrintable(why));
    guitest::save(pw, QStringLiteral("rego-why"));
    // Who can: the user, through the policy.
    QTRY_VERIFY_WITH_TIMEOUT(wb->workbench()->whoCanModel()->rowCount() > 0, 15000);
    bool listed = false;
    for (const auto &r : wb->workbench()->whoCanModel()->rows())
        listed = listed || (r.subject.contains(qs(m_user)) && r.rule.startsWith(QStringLiteral("Rego authz.rego:")));
    QVERIFY(listed);
    wb->answerTabs()->setCurrentIndex(1);
    guitest::save(pw, QStringLiteral("rego-who-can"));

    // Without opa: the banner says so and the cells are what the rules alone allow.
    OpaRegoEvaluator::Options missing;
    missing.binary = "/nonexistent/opa";
    wb->workbench()->setRegoEvaluator(std::make_shared<OpaRegoEvaluator>(missing));
    QTRY_VERIFY_WITH_TIMEOUT(!wb->workbench()->computing() &&
                                 wb->bannerLabel()->text().contains(QStringLiteral("opa not available")),
                             30000);
    const int again = model->findRow(qs(m_ns), QStringLiteral("pods"));
    QCOMPARE(model->index(again, column("get")).data(PermissionMatrixModel::StateRole).toInt(),
             int(PermissionMatrixModel::State::Denied));
    wb->answerTabs()->setCurrentIndex(0);
    guitest::save(pw, QStringLiteral("rego-without-opa"));
    wb->workbench()->setRegoEvaluator(OpaRegoEvaluator::shared());
}

QTEST_MAIN(tst_RegoWorkbench)
#include "tst_regoworkbench.moc"
