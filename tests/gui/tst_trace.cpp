// Trace one request in the real window against the devcluster: View → Trace request… by its
// shortcut, a form with bad input (named field, input kept), a trace through a group binding
// and a quota that refuses the create (agreeing with kubectl auth can-i --as), and "Trace this
// request…" from a permission matrix cell. Screenshots under <build>/screenshots.
#include "guitestsupport.h"
#include "guiwindow.h"

#include "mainwindow.h"
#include "permissionswindow.h"
#include "tracewindow.h"
#include "models/permissionmatrixmodel.h"
#include "models/tracemodel.h"
#include "views/permissionworkbenchwidget.h"
#include "views/tracewidget.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QtTest>

using namespace kube;

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }

void kubectlOk(const QStringList &args)
{
    auto r = clusterenv::run(QStringLiteral("kubectl"), args, clusterenv::kubeconfigPath("admin"));
    QVERIFY2(r.exitCode == 0, qPrintable(args.join(' ') + ": " + r.err));
}

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

void typeInto(QComboBox *box, const QString &text)
{
    typeInto(box->lineEdit(), text);
}

// "yes"/"no" from kubectl auth can-i --as, the independent peer.
bool kubectlCanI(const QStringList &args)
{
    auto r = clusterenv::run(QStringLiteral("kubectl"), QStringList{"auth", "can-i"} + args, clusterenv::kubeconfigPath("admin"));
    return r.out.trimmed() == "yes";
}
} // namespace

class tst_Trace : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void formKeepsInputAndNamesTheField();
    void formTracesThroughAGroupAndAQuota();
    void traceFromAMatrixCell();

private:
    TraceWindow *openTrace(MainWindow &w);
    std::string m_sfx, m_ns, m_group, m_user;
};

void tst_Trace::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_sfx = clusterenv::uniqueName("gt");
    m_ns = m_sfx + "-ns";
    m_group = m_sfx + "-devs";
    m_user = m_sfx + "-alice";
    kubectlOk({"create", "namespace", qs(m_ns)});
    kubectlOk({"-n", qs(m_ns), "create", "rolebinding", "devs-edit", "--clusterrole=edit", "--group=" + qs(m_group)});
    // A quota of no pods at all: any create is refused at admission.
    kubectlOk({"-n", qs(m_ns), "create", "quota", "none", "--hard=count/pods=0"});
    // The quota controller fills status.used; until it has, the server refuses anyway.
    QTRY_VERIFY_WITH_TIMEOUT(clusterenv::run(QStringLiteral("kubectl"),
                                             {"-n", qs(m_ns), "get", "resourcequotas", "none", "-o", "jsonpath={.status.used}"},
                                             clusterenv::kubeconfigPath("admin"))
                                 .out.contains("count/pods"),
                             30000);
}

TraceWindow *tst_Trace::openTrace(MainWindow &w)
{
    [&] { QTRY_VERIFY_WITH_TIMEOUT(w.allLoaded(), 60000); }();
    // View → Trace request… by its shortcut, as a user would.
    QTest::keySequence(&w, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    TraceWindow *tw = w.lastTraceWindow();
    if (!tw)
        return nullptr;
    [&] { QVERIFY(QTest::qWaitForWindowExposed(tw)); }();
    tw->resize(1200, 800);
    return tw;
}

void tst_Trace::formKeepsInputAndNamesTheField()
{
    auto w = guitest::openAdminWindow({1280, 800}, QString());
    TraceWindow *tw = openTrace(*w);
    QVERIFY(tw);
    TraceWidget *form = tw->widget();
    QAbstractItemModelTester tester(tw->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Given a form whose requests are not quantities
    typeInto(form->userBox(), qs(m_user));
    typeInto(form->groupsEdit(), qs(m_group));
    typeInto(form->verbBox(), "create");
    typeInto(form->resourceBox(), "pods");
    typeInto(form->namespaceBox(), qs(m_ns));
    typeInto(form->requestsEdit(), "cpu=lots");
    QSignalSpy failed(tw->model(), &TraceModel::failed);
    // When Trace is pressed
    QTest::mouseClick(form->traceButton(), Qt::LeftButton);
    // Then the field is named, nothing is traced, and every field keeps what was typed
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QVERIFY2(form->errorLabel()->text().startsWith("Requests: \"cpu=lots\" is not a quantity"),
             qPrintable(form->errorLabel()->text()));
    QCOMPARE(form->requestsEdit()->text(), QStringLiteral("cpu=lots"));
    QCOMPARE(form->userBox()->currentText(), qs(m_user));
    QCOMPARE(form->namespaceBox()->currentText(), qs(m_ns));
    QVERIFY(!tw->model()->result());
    guitest::save(tw, "trace-form-error");
    // An unknown resource type is named too.
    typeInto(form->requestsEdit(), "");
    typeInto(form->resourceBox(), "podz");
    QTest::mouseClick(form->traceButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, 20000);
    QCOMPARE(form->errorLabel()->text(), QStringLiteral("Resource: the server has no resource type \"podz\""));
    QCOMPARE(form->resourceBox()->currentText(), QStringLiteral("podz"));
}

void tst_Trace::formTracesThroughAGroupAndAQuota()
{
    auto w = guitest::openAdminWindow({1280, 800}, QString());
    TraceWindow *tw = openTrace(*w);
    QVERIFY(tw);
    TraceWidget *form = tw->widget();
    QAbstractItemModelTester tester(tw->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    typeInto(form->userBox(), qs(m_user));
    typeInto(form->groupsEdit(), qs(m_group));
    typeInto(form->verbBox(), "create");
    typeInto(form->resourceBox(), "pods");
    typeInto(form->namespaceBox(), qs(m_ns));
    QSignalSpy finished(tw->model(), &TraceModel::finished);
    QTest::keyClick(form->namespaceBox()->lineEdit(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    const auto &r = *tw->model()->result();
    // Authorization passes through the group's RoleBinding, as kube-apiserver says
    QCOMPARE(r.stage("authorization")->verdict, trace::Verdict::Pass);
    QVERIFY(r.stage("authorization")->summary.find("devs-edit") != std::string::npos);
    QVERIFY(kubectlCanI({"create", "pods", "-n", qs(m_ns), "--as", qs(m_user), "--as-group", qs(m_group)}));
    // admission refuses it by the quota
    QCOMPARE(r.stage("admission")->verdict, trace::Verdict::Fail);
    QCOMPARE(r.admission.refusedBy, std::string("ResourceQuota"));
    QCOMPARE(r.verdict, trace::Verdict::Fail);
    QVERIFY(r.disagreements.empty());
    QVERIFY(form->disagreementLabel()->isHidden());
    QVERIFY(form->verdictLabel()->text().contains("refused at admission"));
    // The tree shows one row per stage, details expanded under each.
    QCOMPARE(tw->model()->rowCount(), 5);
    QVERIFY(form->stageView()->isExpanded(tw->model()->index(3, 0)));
    QCOMPARE(tw->model()->index(3, TraceModel::VerdictColumn).data().toString(), QStringLiteral("fail"));
    guitest::save(tw, "trace-quota-refused");

    // The same as the caller itself: the server's dry run agrees that the quota refuses it.
    typeInto(form->userBox(), "me");
    typeInto(form->groupsEdit(), "");
    QTest::mouseClick(form->traceButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
    const auto &me = *tw->model()->result();
    QCOMPARE(me.dryRunStoppedAt, std::string("ResourceQuota"));
    QVERIFY(me.disagreements.empty());
    QCOMPARE(me.stage("server")->verdict, trace::Verdict::Pass);
    guitest::save(tw, "trace-dry-run");
}

void tst_Trace::traceFromAMatrixCell()
{
    auto w = guitest::openAdminWindow({1400, 900}, QString());
    [&] { QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000); }();
    QTest::keySequence(w.get(), QKeySequence(Qt::CTRL | Qt::Key_P));
    PermissionsWindow *pw = w->lastPermissionsWindow();
    QVERIFY(pw);
    QVERIFY(QTest::qWaitForWindowExposed(pw));
    PermissionWorkbenchWidget *wb = pw->workbench();
    // The matrix of the user with the group, in the project.
    QSignalSpy computed(wb->workbench(), &PermissionWorkbench::computed);
    wb->scopeKindBox()->setCurrentIndex(wb->scopeKindBox()->findData(int(PermissionWorkbench::ScopeKind::Project)));
    typeInto(wb->scopeNameBox(), qs(m_ns));
    typeInto(wb->groupsEdit(), qs(m_group));
    typeInto(wb->subjectBox(), qs(m_user));
    QTest::keyClick(wb->subjectBox()->lineEdit(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!wb->workbench()->computing() && wb->workbench()->query().subject == qs(m_user) &&
                                 wb->workbench()->query().scopeName == qs(m_ns) && wb->workbench()->matrixModel()->grid(),
                             30000);
    // The cell "delete pods"
    PermissionMatrixModel *m = wb->workbench()->matrixModel();
    QModelIndex cell;
    for (int row = 0; row < m->rowCount() && !cell.isValid(); ++row)
        if (m->resourceText(row) == QLatin1String("pods"))
            for (int col = 0; col < m->columnCount(); ++col)
                if (m->verbAt(col) == QLatin1String("delete"))
                    cell = m->index(row, col);
    QVERIFY(cell.isValid());
    // When "Trace this request…" is chosen in its context menu
    bool offered = false;
    QTimer::singleShot(200, this, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        for (QAction *a : menu->actions())
            if (a->objectName() == QLatin1String("actionTraceCell")) {
                offered = true;
                a->trigger();
            }
        menu->close();
    });
    wb->table()->scrollTo(cell);
    emit wb->table()->customContextMenuRequested(wb->table()->visualRect(cell).center());
    QVERIFY(offered);
    // Then a trace window opens with the cell's request and identity, and traces it
    TraceWindow *tw = w->lastTraceWindow();
    QVERIFY(tw);
    QCOMPARE(tw->widget()->userBox()->currentText(), qs(m_user));
    QCOMPARE(tw->widget()->groupsEdit()->text(), qs(m_group));
    QCOMPARE(tw->widget()->verbBox()->currentText(), QStringLiteral("delete"));
    QCOMPARE(tw->widget()->namespaceBox()->currentText(), qs(m_ns));
    QTRY_VERIFY_WITH_TIMEOUT(tw->model()->result().has_value(), 30000);
    const auto &r = *tw->model()->result();
    QCOMPARE(r.question.request.toString(), "delete pods in namespace " + m_ns);
    QCOMPARE(r.verdict, trace::Verdict::Pass);
    QVERIFY(r.disagreements.empty());
    QCOMPARE(r.verdict == trace::Verdict::Pass,
             kubectlCanI({"delete", "pods", "-n", qs(m_ns), "--as", qs(m_user), "--as-group", qs(m_group)}));
    QVERIFY(QTest::qWaitForWindowExposed(tw));
    tw->resize(1200, 800);
    guitest::save(tw, "trace-from-cell");
    guitest::save(pw, "trace-matrix");
}

QTEST_MAIN(tst_Trace)
#include "tst_trace.moc"
