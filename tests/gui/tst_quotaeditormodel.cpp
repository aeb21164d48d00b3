// The quota editors' models and the Quotas tab's table model, under QAbstractItemModelTester:
// rows edited, added and removed; each problem on its row with the field named (the engine's
// rules); blank rows ignored; a Pod item's defaults refused; the budget columns and flags.
#include "models/limiteditormodel.h"
#include "models/quotaeditormodel.h"
#include "models/quotatablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

class tst_QuotaEditorModel : public QObject
{
    Q_OBJECT
private slots:
    void quotaRowsAreCheckedAsTyped();
    void blankRowsAreIgnoredAndRemovalRechecks();
    void duplicateKeysNameBothRows();
    void limitRowsFollowTheServersRule();
    void podTypeRefusesDefaults();
    void quotaTableFlagsAndBudgetColumns();
};

void tst_QuotaEditorModel::quotaRowsAreCheckedAsTyped()
{
    QuotaEditorModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy problems(&model, &QuotaEditorModel::problemsChanged);
    // Given two rows, one valid and one with a word for a quantity
    model.setEntries({{"pods", "10"}, {"limits.cpu", "lots"}});
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(problems.count() >= 1);
    // Then the second row carries the problem, the field named
    QCOMPARE(model.index(0, 0).data(QuotaEditorModel::ProblemRole).toString(), QString());
    QCOMPARE(model.index(1, 1).data(QuotaEditorModel::ProblemRole).toString(),
             QStringLiteral("hard[limits.cpu]: \"lots\" is not a quantity (e.g. 500m, 2, 1.5Gi, 10)"));
    QCOMPARE(model.firstProblem(), QStringLiteral("row 2: hard[limits.cpu]: \"lots\" is not a quantity (e.g. 500m, 2, 1.5Gi, 10)"));
    QVERIFY(model.index(1, 0).data(Qt::ForegroundRole).isValid());
    // When it is corrected in place
    QVERIFY(model.setData(model.index(1, QuotaEditorModel::QuantityColumn), QStringLiteral("4")));
    // Then nothing is wrong and the entries are what was typed
    QCOMPARE(model.firstProblem(), QString());
    const auto entries = model.entries();
    QCOMPARE(entries.size(), size_t(2));
    QCOMPARE(entries[1].key, std::string("limits.cpu"));
    QCOMPARE(entries[1].quantity, std::string("4"));
    // And a negative quantity is refused the same way
    QVERIFY(model.setData(model.index(0, QuotaEditorModel::QuantityColumn), QStringLiteral("-1")));
    QVERIFY(model.firstProblem().contains(QStringLiteral("hard[pods]: \"-1\" must be greater than or equal to 0")));
    QVERIFY(model.commonResources().contains(QStringLiteral("requests.storage")));
    QVERIFY(model.commonResources().contains(QStringLiteral("count/deployments.apps")));
}

void tst_QuotaEditorModel::blankRowsAreIgnoredAndRemovalRechecks()
{
    QuotaEditorModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addRow(QStringLiteral("gpus"), QStringLiteral("1"));
    const int blank = model.addRow();
    QCOMPARE(blank, 1);
    QCOMPARE(model.problems().size(), size_t(1));
    QCOMPARE(model.problems().front().row, size_t(0));
    QVERIFY(model.firstProblem().contains(QStringLiteral("must be a standard resource for quota")));
    QCOMPARE(model.entries().size(), size_t(1));
    QVERIFY(model.removeRow(0));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.firstProblem(), QString());
    QVERIFY(model.entries().empty());
    // A key typed with a quantity missing is a problem of that row
    model.setData(model.index(0, QuotaEditorModel::KeyColumn), QStringLiteral("services"));
    QVERIFY(model.firstProblem().contains(QStringLiteral("row 1: hard[services]: a quantity is required")));
}

void tst_QuotaEditorModel::duplicateKeysNameBothRows()
{
    QuotaEditorModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries({{"pods", "1"}, {"services", "2"}, {"pods", "3"}});
    QCOMPARE(model.problems().size(), size_t(1));
    QCOMPARE(model.problems().front().row, size_t(2));
    QVERIFY(model.firstProblem().contains(QStringLiteral("named twice (rows 1 and 3)")));
}

void tst_QuotaEditorModel::limitRowsFollowTheServersRule()
{
    LimitEditorModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries({{"cpu", "500m", "100m", "", "2"}, {"memory", "512Mi", "128Mi", "", ""}});
    QCOMPARE(model.firstProblem(), QString());
    // default > max on the cpu row
    QVERIFY(model.setData(model.index(0, LimitEditorModel::DefaultColumn), QStringLiteral("3")));
    QCOMPARE(model.firstProblem(), QStringLiteral("row 1: default[cpu]: default value 3 is greater than max value 2"));
    QCOMPARE(model.index(0, LimitEditorModel::MaxColumn).data(LimitEditorModel::ProblemRole).toString(),
             QStringLiteral("default[cpu]: default value 3 is greater than max value 2"));
    // request > limit on the memory row, once cpu is fixed
    model.setData(model.index(0, LimitEditorModel::DefaultColumn), QStringLiteral("1"));
    model.setData(model.index(1, LimitEditorModel::DefaultRequestColumn), QStringLiteral("1Gi"));
    QVERIFY(model.firstProblem().startsWith(QStringLiteral("row 2: defaultRequest[memory]: default request value 1Gi is greater")));
    QCOMPARE(model.headerData(LimitEditorModel::DefaultRequestColumn, Qt::Horizontal).toString(), QStringLiteral("Default request"));
}

void tst_QuotaEditorModel::podTypeRefusesDefaults()
{
    LimitEditorModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries({{"cpu", "500m", "", "", "2"}});
    QCOMPARE(model.firstProblem(), QString());
    model.setType(QStringLiteral("Pod"));
    QVERIFY(model.firstProblem().contains(QStringLiteral("default[cpu]: may not be specified when type is Pod")));
    // The filled default stays editable (to clear it); an empty one is not
    QVERIFY(model.flags(model.index(0, LimitEditorModel::DefaultColumn)) & Qt::ItemIsEditable);
    QVERIFY(!(model.flags(model.index(0, LimitEditorModel::DefaultRequestColumn)) & Qt::ItemIsEditable));
    model.setData(model.index(0, LimitEditorModel::DefaultColumn), QString());
    QCOMPARE(model.firstProblem(), QString());
    QCOMPARE(model.entries().front().max, std::string("2"));
}

void tst_QuotaEditorModel::quotaTableFlagsAndBudgetColumns()
{
    QuotaTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QuotaRow ws;
    ws.source = QStringLiteral("ws1");
    ws.resource = QStringLiteral("limits.cpu");
    ws.used = QStringLiteral("2");
    ws.hard = QStringLiteral("4");
    ws.ratio = 0.5;
    ws.projectsUsed = QStringLiteral("2");
    ws.projectsHard = QStringLiteral("5");
    ws.allotted = 1.25;
    ws.overBudget = true;
    ws.flagsTip = QStringLiteral("over budget by 1");
    QuotaRow pods;
    pods.source = QStringLiteral("ws1");
    pods.resource = QStringLiteral("pods");
    pods.used = QStringLiteral("12");
    pods.hard = QStringLiteral("10");
    pods.ratio = 1.2;
    pods.overUsed = true;
    model.setRows({ws, pods});
    QVERIFY(model.hasProjectSums());
    QCOMPARE(model.index(0, QuotaTableModel::FlagsColumn).data().toString(), QStringLiteral("over budget"));
    QCOMPARE(model.index(0, QuotaTableModel::FlagsColumn).data(Qt::ToolTipRole).toString(), QStringLiteral("over budget by 1"));
    QCOMPARE(model.index(0, QuotaTableModel::AllottedColumn).data(QuotaTableModel::RatioRole).toDouble(), 1.25);
    QVERIFY(model.index(0, QuotaTableModel::AllottedColumn).data(QuotaTableModel::FlaggedRole).toBool());
    QVERIFY(!model.index(0, QuotaTableModel::UsageColumn).data(QuotaTableModel::FlaggedRole).toBool());
    QCOMPARE(model.index(1, QuotaTableModel::FlagsColumn).data().toString(), QStringLiteral("over-used"));
    QVERIFY(model.index(1, QuotaTableModel::UsageColumn).data(QuotaTableModel::FlaggedRole).toBool());
    QCOMPARE(model.index(1, QuotaTableModel::UsageColumn).data().toString(), QStringLiteral("120 %"));
    QCOMPARE(model.index(1, QuotaTableModel::AllottedColumn).data().toString(), QString());
    // A project's rows carry no sums
    pods.projectsHard.clear();
    model.setRows({pods});
    QVERIFY(!model.hasProjectSums());
}

QTEST_MAIN(tst_QuotaEditorModel)
#include "tst_quotaeditormodel.moc"
