// The detail tables and the kubeconfig context table without a cluster: keyed merges under
// QAbstractItemModelTester (removes, inserts and changes in runs, no reset), rule parsing,
// quota ratios with Kubernetes quantities, and contexts read from the kubeconfig corpus.
#include "models/execapprover.h"
#include "models/kubeconfigcontextmodel.h"
#include "models/membertablemodel.h"
#include "models/quotatablemodel.h"
#include "models/ruletablemodel.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QtTest>

namespace {

MemberRow member(const QString &name, const QString &role)
{
    MemberRow r;
    r.subjectKind = QStringLiteral("User");
    r.subject = name;
    r.role = role;
    r.binding = name + QLatin1Char('-') + role;
    return r;
}

QString names(const MemberTableModel &m)
{
    QStringList out;
    for (int i = 0; i < m.rowCount(); ++i)
        out << m.index(i, MemberTableModel::SubjectColumn).data().toString();
    return out.join(QLatin1Char(','));
}

} // namespace

class tst_RowTableModel : public QObject
{
    Q_OBJECT
private slots:
    void mergesByKeyWithRanges();
    void selectionSurvivesThroughAProxy();
    void rulesFromJson();
    void quotaRatiosUseQuantities();
    void kubeconfigContextsFromTheCorpus();
};

void tst_RowTableModel::mergesByKeyWithRanges()
{
    MemberTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows({member("b", "viewer"), member("d", "viewer"), member("f", "viewer")});
    QCOMPARE(names(model), QStringLiteral("b,d,f"));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    // When a, c appear, f goes and d's role changes (one update, unsorted input)
    auto d = member("d", "viewer");
    d.note = QStringLiteral("changed");
    model.setRows({member("c", "viewer"), d, member("a", "viewer"), member("b", "viewer")});
    // Then the rows are sorted by key and each kind of change came as few signals as possible
    QCOMPARE(names(model), QStringLiteral("a,b,c,d"));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(inserted.count(), 2);  // a before b, c between b and d
    QCOMPARE(changed.count(), 1);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.index(3, MemberTableModel::NoteColumn).data().toString(), QStringLiteral("changed"));
    // And the same rows again change nothing
    model.setRows({member("a", "viewer"), member("b", "viewer"), member("c", "viewer"), d});
    QCOMPARE(changed.count(), 1);
    model.setRows({});
    QCOMPARE(model.rowCount(), 0);
}

void tst_RowTableModel::selectionSurvivesThroughAProxy()
{
    MemberTableModel model;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(MemberTableModel::RawRole);
    proxy.sort(MemberTableModel::RoleColumn);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows({member("x", "admin"), member("y", "viewer"), member("z", "operator")});
    QPersistentModelIndex y = proxy.index(2, 0);
    QCOMPARE(y.data().toString(), QStringLiteral("y"));
    model.setRows({member("w", "admin"), member("x", "admin"), member("y", "viewer")});
    QVERIFY(y.isValid());
    QCOMPARE(y.data().toString(), QStringLiteral("y"));
}

void tst_RowTableModel::rulesFromJson()
{
    RuleTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRulesJson(QStringLiteral(R"([{"verbs":["get","list"],"apiGroups":[""],"resources":["pods","pods/log"]},
        {"verbs":["get"],"nonResourceURLs":["/healthz"]},
        {"verbs":["patch"],"apiGroups":["apps"],"resources":["deployments"],"resourceNames":["web"]}])"));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, RuleTableModel::ApiGroupsColumn).data().toString(), QStringLiteral("core"));
    QCOMPARE(model.index(0, RuleTableModel::ResourcesColumn).data().toString(), QStringLiteral("pods, pods/log"));
    QCOMPARE(model.index(1, RuleTableModel::NonResourceColumn).data().toString(), QStringLiteral("/healthz"));
    QCOMPARE(model.index(2, RuleTableModel::ResourceNamesColumn).data().toString(), QStringLiteral("web"));
    model.setRulesJson(QStringLiteral("not json"));
    QCOMPARE(model.rowCount(), 0);
}

void tst_RowTableModel::quotaRatiosUseQuantities()
{
    QCOMPARE(QuotaTableModel::ratioOf("500m", "2"), 0.25);
    QCOMPARE(QuotaTableModel::ratioOf("1Gi", "2048Mi"), 0.5);
    QCOMPARE(QuotaTableModel::ratioOf("", "2"), -1.0);
    QCOMPARE(QuotaTableModel::ratioOf("1", "0"), -1.0);
    QCOMPARE(QuotaTableModel::ratioOf("x", "2"), -1.0);
    QuotaTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QuotaRow r{QStringLiteral("compute"), QStringLiteral("requests.cpu"), QStringLiteral("3"), QStringLiteral("2"), 1.5};
    model.setRows({r});
    QCOMPARE(model.index(0, QuotaTableModel::UsageColumn).data().toString(), QStringLiteral("150 %"));
    QCOMPARE(model.index(0, QuotaTableModel::UsageColumn).data(QuotaTableModel::RatioRole).toDouble(), 1.5);
}

void tst_RowTableModel::kubeconfigContextsFromTheCorpus()
{
    ExecApprover approver;
    KubeconfigContextModel model(&approver);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &KubeconfigContextModel::loaded);
    model.load(QStringLiteral(TENANTRY_SOURCE_DIR "/tests/data/kubeconfig/multi-context.yaml"));
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.first().first().toString(), QString());
    QCOMPARE(model.rowCount(), 4);
    auto row = [&](const QString &name) -> const ContextRow * {
        for (int i = 0; i < model.rowCount(); ++i)
            if (model.rowAt(i)->name == name)
                return model.rowAt(i);
        return nullptr;
    };
    QVERIFY(row(QStringLiteral("staging"))->current);
    QCOMPARE(row(QStringLiteral("prod"))->server, QStringLiteral("https://prod.example.com"));
    QCOMPARE(row(QStringLiteral("prod"))->auth, QStringLiteral("token"));
    QCOMPARE(row(QStringLiteral("prod"))->ns, QStringLiteral("payments"));
    QCOMPARE(row(QStringLiteral("staging"))->auth, QStringLiteral("client certificate"));
    QCOMPARE(row(QStringLiteral("anonymous"))->auth, QStringLiteral("anonymous"));
    QCOMPARE(row(QStringLiteral("prod-readonly"))->ns, QStringLiteral("default"));
    // No secret reaches the model: the token is described, never shown
    for (int r = 0; r < model.rowCount(); ++r)
        for (int c = 0; c < model.columnCount(); ++c)
            QVERIFY(!model.index(r, c).data().toString().contains(QStringLiteral("corpus-secret")));
    // Checking rows gives connections with the file and the context, nothing else
    model.setChecked({QStringLiteral("prod"), QStringLiteral("staging")});
    const auto chosen = model.checkedConnections();
    QCOMPARE(chosen.size(), 2);
    QVERIFY(chosen[0].kubeconfig.endsWith(QStringLiteral("multi-context.yaml")));
    // An exec plugin is described by its command
    model.load(QStringLiteral(TENANTRY_SOURCE_DIR "/tests/data/kubeconfig/eks-exec.yaml"));
    QVERIFY(loaded.wait(10000));
    QCOMPARE(model.rowAt(0)->auth, QStringLiteral("exec: aws"));
    // A broken file says so
    model.load(QStringLiteral(TENANTRY_SOURCE_DIR "/tests/data/kubeconfig/no-such-file.yaml"));
    QVERIFY(loaded.wait(10000));
    QVERIFY(!loaded.last().first().toString().isEmpty());
}

QTEST_MAIN(tst_RowTableModel)
#include "tst_rowtablemodel.moc"
