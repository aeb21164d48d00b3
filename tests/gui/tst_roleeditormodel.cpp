// The role editor's models without a cluster, each under QAbstractItemModelTester: the rules
// table keeps every rule verbatim (read-only rows for rules the form cannot show) through
// appends, edits and removals; the template picker groups by category and checking a template
// checks what it depends on, unchecking leaves the rest; an aggregated ClusterRole opens
// read-only in the editor with its selectors and the rules predicted from the roles it selects.
#include "models/rolerulesmodel.h"
#include "models/roletemplatemodel.h"
#include "models/planrunner.h"
#include "models/ruletablemodel.h"
#include "views/roleeditordialog.h"

#include "kubeclient/tenancy/graph/tenancygraph.h"

#include <QLabel>
#include <QPushButton>
#include <QTableView>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using nlohmann::json;
using kube::tenancy::RoleTemplateInfo;

namespace {
RoleTemplateInfo tmpl(std::string name, std::string category, std::vector<std::string> deps, bool hidden = false)
{
    RoleTemplateInfo t;
    t.name = std::move(name);
    t.category = std::move(category);
    t.dependencies = std::move(deps);
    t.description = "about " + t.name;
    t.hidden = hidden;
    return t;
}
} // namespace

class tst_RoleEditorModel : public QObject
{
    Q_OBJECT
private slots:
    void rulesKeptVerbatimThroughEdits();
    void templatesGroupAndPullDependencies();
    void hiddenBasicTemplatesAreOffered();
    void aggregatedClusterRoleIsReadOnlyWithPredictedRules();
};

void tst_RoleEditorModel::aggregatedClusterRoleIsReadOnlyWithPredictedRules()
{
    // Given (3.x: cluster roles are RBAC) an aggregated ClusterRole and two roles it selects
    using kube::tenancy::GraphKind;
    kube::tenancy::TenancyGraph graph(kube::tenancy::ApiFlavor::V3);
    auto clusterRole = [](const std::string &name, json labels, json rules, json aggregation) {
        json o = {{"apiVersion", "rbac.authorization.k8s.io/v1"},
                  {"kind", "ClusterRole"},
                  {"metadata", {{"name", name}, {"resourceVersion", "1"}, {"labels", labels}}},
                  {"rules", rules}};
        if (!aggregation.is_null())
            o["aggregationRule"] = aggregation;
        return kube::freeze(o);
    };
    const json selected = {{"example.com/aggregate-to-monitoring", "true"}};
    graph.upsert(GraphKind::ClusterRole,
                 clusterRole("monitoring", json::object(), json::array(),
                             {{"clusterRoleSelectors", json::array({{{"matchLabels", selected}}})}}));
    graph.upsert(GraphKind::ClusterRole,
                 clusterRole("pods-reader", selected,
                             json::array({{{"apiGroups", {""}}, {"resources", {"pods"}}, {"verbs", {"get", "list"}}}}), nullptr));
    graph.upsert(GraphKind::ClusterRole,
                 clusterRole("metrics-reader", selected,
                             json::array({{{"nonResourceURLs", {"/metrics"}}, {"verbs", {"get"}}}}), nullptr));
    graph.upsert(GraphKind::ClusterRole,
                 clusterRole("unrelated", json::object(),
                             json::array({{{"apiGroups", {""}}, {"resources", {"secrets"}}, {"verbs", {"*"}}}}), nullptr));

    // When it is opened for editing
    RoleEditorDialog d(new PlanRunner(nullptr), graph.snapshot(), RoleEditorDialog::Mode::Edit,
                       kube::tenancy::RoleSpec::Level::Cluster, {}, QStringLiteral("monitoring"));
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    // Then rules cannot be added or removed (kube-controller-manager writes them)
    QVERIFY(!d.addRuleButton()->isEnabled());
    QVERIFY(!d.removeRuleButton()->isEnabled());
    // And the effective rules are those of the two selected roles, named with the selector
    QTRY_VERIFY_WITH_TIMEOUT(d.effectiveNote()->text().contains(QStringLiteral("pods-reader")), 10000);
    const QString note = d.effectiveNote()->text();
    QVERIFY2(note.contains(QStringLiteral("metrics-reader")) && !note.contains(QStringLiteral("unrelated")), qPrintable(note));
    QVERIFY2(note.contains(QStringLiteral("example.com/aggregate-to-monitoring")), qPrintable(note));
    QCOMPARE(d.effectiveView()->model()->rowCount(), 2);
}

void tst_RoleEditorModel::rulesKeptVerbatimThroughEdits()
{
    RoleRulesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const json rules = json::parse(R"([{"apiGroups":["*"],"resources":["*"],"verbs":["*"]},
        {"apiGroups":[""],"resources":["configmaps"],"resourceNames":["a,b"],"verbs":["get"]}])");
    model.setRules(rules);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, RoleRulesModel::VerbsColumn).data().toString(), QStringLiteral("*"));
    QCOMPARE(model.index(1, RoleRulesModel::ApiGroupsColumn).data().toString(), QStringLiteral("core"));
    QVERIFY(model.index(0, 0).data(RoleRulesModel::FormEditableRole).toBool());
    QVERIFY(!model.index(1, 0).data(RoleRulesModel::FormEditableRole).toBool());
    QVERIFY(model.index(1, RoleRulesModel::NoteColumn).data().toString().contains(QStringLiteral("YAML")));
    QSignalSpy edited(&model, &RoleRulesModel::rulesEdited);
    const int row = model.appendRule(json{{"verbs", {"get"}}, {"apiGroups", {""}}, {"resources", {"pods/log"}}});
    model.setRule(row, json{{"verbs", {"get", "list"}}, {"apiGroups", {""}}, {"resources", {"pods/log"}}});
    model.removeRule(0);
    QCOMPARE(edited.count(), 3);
    // The unshowable rule is untouched byte for byte
    QCOMPARE(model.rule(0), rules[1]);
    QCOMPARE(model.index(1, RoleRulesModel::VerbsColumn).data().toString(), QStringLiteral("get, list"));
    model.setReadOnly(true);
    QVERIFY(!model.index(1, 0).data(RoleRulesModel::FormEditableRole).toBool());
}

void tst_RoleEditorModel::templatesGroupAndPullDependencies()
{
    RoleTemplateModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTemplates({tmpl("view-pods", "workloads", {}), tmpl("manage-pods", "workloads", {"view-pods"}),
                        tmpl("exec", "workloads", {"manage-pods"}), tmpl("view-cm", "config", {}),
                        tmpl("secret-helper", "config", {}, true)},
                       {"gone-template"});
    // Categories sorted, hidden templates left out, a selected name nobody offers kept
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("config"));
    QCOMPARE(model.rowCount(model.index(0, 0)), 1);
    QCOMPARE(model.rowCount(model.index(1, 0)), 3);
    QCOMPARE(model.unknownSelected(), QStringList{QStringLiteral("gone-template")});
    // Checking "exec" checks manage-pods and view-pods too
    QSignalSpy added(&model, &RoleTemplateModel::dependenciesAdded);
    const QModelIndex exec = model.indexOfTemplate(QStringLiteral("exec"));
    QVERIFY(model.setData(exec, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(model.selected(), (std::vector<std::string>{"gone-template", "exec", "manage-pods", "view-pods"}));
    QCOMPARE(added.count(), 1);
    QCOMPARE(added.first().at(1).toStringList(), (QStringList{QStringLiteral("manage-pods"), QStringLiteral("view-pods")}));
    QCOMPARE(model.requiredBy(QStringLiteral("view-pods")), QStringLiteral("manage-pods"));
    QVERIFY(model.indexOfTemplate(QStringLiteral("view-pods")).siblingAtColumn(1).data().toString().contains(
        QStringLiteral("needed by manage-pods")));
    // Unchecking a dependency unchecks only it
    QVERIFY(model.setData(model.indexOfTemplate(QStringLiteral("view-pods")), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(model.selected(), (std::vector<std::string>{"gone-template", "exec", "manage-pods"}));
    // Category rows are not checkable
    QVERIFY(!(model.flags(model.index(0, 0)) & Qt::ItemIsUserCheckable));
}

void tst_RoleEditorModel::hiddenBasicTemplatesAreOffered()
{
    // Given a level whose basic template is also hidden (KubeSphere's workspace-view-workspace-settings)
    // and a hidden template that is not basic
    RoleTemplateInfo basic = tmpl("view-settings", "settings", {}, true);
    basic.basic = true;
    RoleTemplateModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // When the picker is filled
    model.setTemplates({basic, tmpl("manage-members", "access", {}, true), tmpl("view-pods", "workloads", {})}, {});
    // Then the basic one is offered, unchecked, and says what KubeSphere does with it; the other hidden one is not
    const QModelIndex settings = model.indexOfTemplate(QStringLiteral("view-settings"));
    QVERIFY(settings.isValid());
    QCOMPARE(settings.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QVERIFY(settings.data(Qt::ToolTipRole).toString().contains(QStringLiteral("basic template")));
    QVERIFY(!model.indexOfTemplate(QStringLiteral("manage-members")).isValid());
    QVERIFY(model.setData(settings, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(model.selected(), std::vector<std::string>{"view-settings"});
}

QTEST_MAIN(tst_RoleEditorModel)
#include "tst_roleeditormodel.moc"
