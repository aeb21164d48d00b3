// The Quotas tab as an editor, in the real window against the devcluster (standalone mode),
// driven with clicks and keys: a workspace quota and two project quotas through the quota
// dialog (the second over budget: warned in the plan with the numbers, flagged in the panel),
// container defaults that reach a new pod (kubectl create --dry-run=server as the judge), and a
// bad quantity that keeps the form and writes nothing. Screenshots under <build>/screenshots.
#include "guitestsupport.h"
#include "guiwindow.h"

#include "mainwindow.h"
#include "models/clustersession.h"
#include "models/limiteditormodel.h"
#include "models/quotaeditormodel.h"
#include "models/quotatablemodel.h"
#include "views/detailpanel.h"
#include "views/limitrangedialog.h"
#include "views/navigatorwidget.h"
#include "views/plandialog.h"
#include "views/quotadialog.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QPointer>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace kube;
using namespace kube::tenancy;
using nlohmann::json;

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }

using guitest::save;

using guitest::kubectlJson;

// Opens the cell's editor with F2, types the text and commits with Return.
QWidget *openEditor(QTableView *table)
{
    for (QWidget *child : table->viewport()->findChildren<QWidget *>())
        if (child->isVisible() && (qobject_cast<QLineEdit *>(child) || qobject_cast<QComboBox *>(child)))
            return child;
    return nullptr;
}

void typeInto(QTableView *table, const QModelIndex &index, const QString &text)
{
    QWidget *window = table->window();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    table->setFocus();
    table->setCurrentIndex(index);
    QTest::keyClick(table, Qt::Key_F2);  // the platform's edit key
    QTRY_VERIFY(openEditor(table));
    QWidget *editor = openEditor(table);
    if (auto *combo = qobject_cast<QComboBox *>(editor); combo && combo->lineEdit())
        editor = combo->lineEdit();
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(index.data(Qt::EditRole).toString(), text);
}

// Clicks the Quotas tab bar's button of an action.
void clickBarButton(MainWindow *w, TenancyActions::Id id)
{
    QAction *action = w->actions()->action(id);
    QTRY_VERIFY_WITH_TIMEOUT(action->isEnabled(), 15000);
    auto *bar = w->detailPanel()->findChild<QToolBar *>(QStringLiteral("quotaBar"));
    QVERIFY(bar);
    QWidget *button = bar->widgetForAction(action);
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
}

bool applyAndWait(PlanDialog *dialog)
{
    dialog->setConfirmHook([](const QString &) { return true; });
    QSignalSpy applied(dialog, &PlanDialog::applied);
    dialog->applyButton()->click();
    return applied.wait(30000) || applied.count() == 1;
}

int rowOf(QAbstractItemModel *model, const QString &resource)
{
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, QuotaTableModel::ResourceColumn).data().toString() == resource)
            return r;
    return -1;
}
} // namespace

class tst_Quotas : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void quotasBudgetDefaultsAndBadInput();

private:
    std::unique_ptr<Client> m_admin;
    guitest::Seed m_seed;
};

void tst_Quotas::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    std::string error;
    m_admin = guitest::adminWithSeed(&m_seed, &error);
    QVERIFY2(m_admin, error.c_str());
}

void tst_Quotas::quotasBudgetDefaultsAndBadInput()
{
    auto w = guitest::openAdminWindow({1400, 860});
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    const QString cluster = w->sessions().first()->id();
    const QString ws = qs(m_seed.ws1), p1 = qs(m_seed.p1), p2 = qs(m_seed.p2);
    const QString wsPath = cluster + QStringLiteral("/Workspaces/") + ws;
    DetailPanel *panel = w->detailPanel();

    // --- The workspace quota: 4 CPUs of limits, 10 pods ---
    QVERIFY(w->navigator()->selectPath(wsPath));
    QVERIFY(panel->showTab(NodeDetails::QuotasTab));
    clickBarButton(w.get(), TenancyActions::EditQuota);
    if (QTest::currentTestFailed())
        return;
    QPointer<QuotaDialog> wsDialog = qobject_cast<QuotaDialog *>(w->lastDialog());
    QVERIFY(wsDialog);
    QVERIFY(QTest::qWaitForWindowExposed(wsDialog));
    QCOMPARE(wsDialog->model()->rowCount(), 1);  // no quota yet: one empty row
    typeInto(wsDialog->table(), wsDialog->model()->index(0, QuotaEditorModel::KeyColumn), QStringLiteral("limits.cpu"));
    if (QTest::currentTestFailed())
        return;
    typeInto(wsDialog->table(), wsDialog->model()->index(0, QuotaEditorModel::QuantityColumn), QStringLiteral("4"));
    if (QTest::currentTestFailed())
        return;
    QTest::mouseClick(wsDialog->addButton(), Qt::LeftButton);
    QTRY_COMPARE(wsDialog->model()->rowCount(), 2);
    if (QWidget *editor = openEditor(wsDialog->table()))  // the new row's editor opened by Add row
        QTest::keyClick(editor, Qt::Key_Escape);
    typeInto(wsDialog->table(), wsDialog->model()->index(1, QuotaEditorModel::KeyColumn), QStringLiteral("pods"));
    if (QTest::currentTestFailed())
        return;
    typeInto(wsDialog->table(), wsDialog->model()->index(1, QuotaEditorModel::QuantityColumn), QStringLiteral("10"));
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(wsDialog->problemLabel()->text(), QString());
    wsDialog->previewButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(wsDialog->planView()->toPlainText().contains(QStringLiteral("quota.kubesphere.io/v1alpha2")), 20000);
    QVERIFY2(wsDialog->statusLabel()->text().contains(QStringLiteral("nothing in kube-apiserver enforces the workspace quota")),
             qPrintable(wsDialog->statusLabel()->text()));
    save(wsDialog, QStringLiteral("quota-workspace-dialog"));
    QVERIFY(applyAndWait(wsDialog));
    const json wq = kubectlJson({"get", "resourcequotas.quota.kubesphere.io", ws});
    QCOMPARE(qs(wq["spec"]["quota"]["hard"].dump()), QStringLiteral(R"({"limits.cpu":"4","pods":"10"})"));
    QCOMPARE(qs(wq["spec"]["selector"]["kubesphere.io/workspace"].get<std::string>()), ws);

    // --- p1 takes 3 CPUs (within budget) ---
    QVERIFY(w->navigator()->selectPath(wsPath + QLatin1Char('/') + p1));
    QVERIFY(panel->showTab(NodeDetails::QuotasTab));
    clickBarButton(w.get(), TenancyActions::EditQuota);
    if (QTest::currentTestFailed())
        return;
    QPointer<QuotaDialog> p1Dialog = qobject_cast<QuotaDialog *>(w->lastDialog());
    // a new dialog (a closed one may have left its address to it)
    QVERIFY(p1Dialog && (wsDialog.isNull() || p1Dialog != wsDialog));
    QVERIFY(QTest::qWaitForWindowExposed(p1Dialog));
    typeInto(p1Dialog->table(), p1Dialog->model()->index(0, QuotaEditorModel::KeyColumn), QStringLiteral("limits.cpu"));
    if (QTest::currentTestFailed())
        return;
    typeInto(p1Dialog->table(), p1Dialog->model()->index(0, QuotaEditorModel::QuantityColumn), QStringLiteral("3"));
    if (QTest::currentTestFailed())
        return;
    QVERIFY(applyAndWait(p1Dialog));
    QTRY_COMPARE_WITH_TIMEOUT(qs(kubectlJson({"get", "resourcequota", p1, "-n", p1})["spec"]["hard"].dump()),
                              QStringLiteral(R"({"limits.cpu":"3"})"), 10000);

    // --- p2 asks for 2 more: the plan warns with the numbers (5 > 4), and is applied ---
    QVERIFY(w->navigator()->selectPath(wsPath + QLatin1Char('/') + p2));
    QVERIFY(panel->showTab(NodeDetails::QuotasTab));
    // The project's panel shows its workspace's budget once the watch brought p1's quota
    QTRY_VERIFY_WITH_TIMEOUT(panel->quotaNotesText().contains(QStringLiteral("limits.cpu: projects hold 3 of 4")), 20000);
    clickBarButton(w.get(), TenancyActions::EditQuota);
    if (QTest::currentTestFailed())
        return;
    QPointer<QuotaDialog> p2Dialog = qobject_cast<QuotaDialog *>(w->lastDialog());
    QVERIFY(p2Dialog && (p1Dialog.isNull() || p2Dialog != p1Dialog));
    QVERIFY(QTest::qWaitForWindowExposed(p2Dialog));
    // The dialog shows the room left before anything is typed
    QTRY_VERIFY_WITH_TIMEOUT(p2Dialog->findChild<QLabel *>(QStringLiteral("budgetLabel"))->text().contains(QStringLiteral("limits.cpu: projects hold 3 of 4")),
                             5000);
    typeInto(p2Dialog->table(), p2Dialog->model()->index(0, QuotaEditorModel::KeyColumn), QStringLiteral("limits.cpu"));
    if (QTest::currentTestFailed())
        return;
    typeInto(p2Dialog->table(), p2Dialog->model()->index(0, QuotaEditorModel::QuantityColumn), QStringLiteral("2"));
    if (QTest::currentTestFailed())
        return;
    p2Dialog->previewButton()->click();
    const QString warning = QStringLiteral("workspace %1 over budget: the projects' limits.cpu quotas total 5 (%2 3, %3 2), more than the "
                                           "workspace quota's 4 (by 1)")
                                .arg(ws, p1, p2);
    QTRY_VERIFY_WITH_TIMEOUT(p2Dialog->statusLabel()->text().contains(warning), 20000);
    QVERIFY(p2Dialog->planView()->toPlainText().contains(QStringLiteral("# warning: workspace ") + ws + QStringLiteral(" over budget")));
    save(p2Dialog, QStringLiteral("quota-project-over-budget-plan"));
    QVERIFY(applyAndWait(p2Dialog));

    // --- The workspace panel: its quota next to the projects' sums, limits.cpu flagged ---
    QVERIFY(w->navigator()->selectPath(wsPath));
    QVERIFY(panel->showTab(NodeDetails::QuotasTab));
    QAbstractItemModel *quotas = panel->quotaModel();
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(quotas, QStringLiteral("limits.cpu")) >= 0
                                 && quotas->index(rowOf(quotas, QStringLiteral("limits.cpu")), QuotaTableModel::ProjectsHardColumn)
                                        .data()
                                        .toString()
                                        == QStringLiteral("5"),
                             20000);
    const int cpu = rowOf(quotas, QStringLiteral("limits.cpu"));
    QCOMPARE(quotas->index(cpu, QuotaTableModel::HardColumn).data().toString(), QStringLiteral("4"));
    QCOMPARE(quotas->index(cpu, QuotaTableModel::FlagsColumn).data().toString(), QStringLiteral("over budget"));
    QVERIFY(quotas->index(cpu, QuotaTableModel::FlagsColumn).data(Qt::ToolTipRole).toString().contains(QStringLiteral("total 5")));
    QVERIFY(!panel->quotaView()->isColumnHidden(QuotaTableModel::ProjectsHardColumn));
    QVERIFY(panel->quotaNotesText().contains(QStringLiteral("over budget")));
    QVERIFY(panel->quotaNotesText().contains(QStringLiteral("nothing in kube-apiserver enforces the workspace quota")));
    QVERIFY(panel->quotaNotesText().contains(QStringLiteral("sum over the projects")));
    save(w.get(), QStringLiteral("quota-workspace-panel"));

    // --- Container defaults of p1 (the console's pre-filled figures), seen on a new pod ---
    QVERIFY(w->navigator()->selectPath(wsPath + QLatin1Char('/') + p1));
    QVERIFY(panel->showTab(NodeDetails::QuotasTab));
    clickBarButton(w.get(), TenancyActions::EditContainerDefaults);
    if (QTest::currentTestFailed())
        return;
    auto *limits = qobject_cast<LimitRangeDialog *>(w->lastDialog());
    QVERIFY(limits);
    QVERIFY(QTest::qWaitForWindowExposed(limits));
    QCOMPARE(limits->model()->rowCount(), 2);
    typeInto(limits->table(), limits->model()->index(0, LimitEditorModel::DefaultColumn), QStringLiteral("300m"));
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(limits->problemLabel()->text(), QString());
    save(limits, QStringLiteral("quota-container-defaults-dialog"));
    QVERIFY(applyAndWait(limits));
    // Pods are admitted once kube-controller-manager made the namespace's default ServiceAccount.
    QTRY_VERIFY_WITH_TIMEOUT(guitest::kubectl({"get", "serviceaccount", "default", "-n", p1}).exitCode == 0, 30000);
    auto pod = guitest::kubectl({"run", "probe", "-n", p1, "--image=registry.k8s.io/pause:3.9", "--dry-run=server", "-o", "json"});
    QVERIFY2(pod.exitCode == 0, pod.err.constData());
    const json resources = json::parse(pod.out.toStdString())["spec"]["containers"][0]["resources"];
    QCOMPARE(qs(resources["limits"]["cpu"].get<std::string>()), QStringLiteral("300m"));
    QCOMPARE(qs(resources["requests"]["cpu"].get<std::string>()), QStringLiteral("10m"));
    QCOMPARE(qs(resources["limits"]["memory"].get<std::string>()), QStringLiteral("500Mi"));

    // --- A bad quantity: the row and field named, Apply writes nothing, the form keeps it ---
    QVERIFY(w->navigator()->selectPath(wsPath + QLatin1Char('/') + p2));
    QVERIFY(panel->showTab(NodeDetails::QuotasTab));
    const std::string rvBefore = kubectlJson({"get", "resourcequota", p2, "-n", p2})["metadata"].value("resourceVersion", "");
    clickBarButton(w.get(), TenancyActions::EditQuota);
    if (QTest::currentTestFailed())
        return;
    auto *bad = qobject_cast<QuotaDialog *>(w->lastDialog());
    QVERIFY(bad && (p2Dialog.isNull() || bad != p2Dialog.data()));
    QVERIFY(QTest::qWaitForWindowExposed(bad));
    QTRY_COMPARE(bad->model()->index(0, QuotaEditorModel::QuantityColumn).data().toString(), QStringLiteral("2"));
    typeInto(bad->table(), bad->model()->index(0, QuotaEditorModel::QuantityColumn), QStringLiteral("lots"));
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(bad->problemLabel()->text(), QStringLiteral("row 1: hard[limits.cpu]: \"lots\" is not a quantity (e.g. 500m, 2, 1.5Gi, 10)"));
    bad->setConfirmHook([](const QString &) { return true; });
    bad->applyButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(bad->statusLabel()->text().contains(QStringLiteral("is not a quantity")), 5000);
    QTest::qWait(500);
    QVERIFY(bad->isVisible());
    QCOMPARE(bad->model()->index(0, QuotaEditorModel::QuantityColumn).data().toString(), QStringLiteral("lots"));
    QCOMPARE(kubectlJson({"get", "resourcequota", p2, "-n", p2})["metadata"].value("resourceVersion", ""), rvBefore);
    save(bad, QStringLiteral("quota-bad-quantity"));
    bad->reject();

    // --- Every control follows the permission: the admin may; the actions name their object ---
    QVERIFY(w->actions()->action(TenancyActions::RemoveQuota)->isEnabled());
    const auto q = w->actions()->permissionFor(TenancyActions::EditQuota);
    QVERIFY(q);
    QCOMPARE(q->resource, QStringLiteral("resourcequotas"));
    QCOMPARE(q->ns, p2);
}

QTEST_MAIN(tst_Quotas)
#include "tst_quotas.moc"
