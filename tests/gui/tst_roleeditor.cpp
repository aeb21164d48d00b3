// The role editor against the devcluster (standalone mode, 4.x kinds), driven like a user:
// a project role with a subresource rule and a resourceNames rule typed into the rule editor
// and applied (kubectl reads exactly those rules back, in the iam Role and its RBAC mirror); a
// clone of a role with "*" rules and a rule the form cannot show keeps rules, labels and
// annotations; a restricted identity sees the escalation warning naming the permission it
// lacks before applying (and the server's dry run agrees); bad input (a verb with a space, a
// bad resource, broken YAML, a taken name, a role changed with kubectl after the dialog opened)
// gets a clear message and loses nothing; the template picker adds dependencies; deleting a
// bound role is refused with the planner's words. Screenshots under <build>/screenshots.
#include "guitestsupport.h"

#include "models/clustersession.h"
#include "models/execapprover.h"
#include "models/planrunner.h"
#include "models/roleeditorchecks.h"
#include "models/rolerulesmodel.h"
#include "models/roletemplatemodel.h"
#include "views/deleteroledialog.h"
#include "views/roleeditordialog.h"
#include "views/ruleeditorwidget.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStringListModel>
#include <QRadioButton>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QtTest>

using namespace kube;
using namespace kube::tenancy;
using nlohmann::json;

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }

using guitest::save;

void kubectlOk(const QStringList &args, const QByteArray &stdinData = {})
{
    auto r = clusterenv::run(QStringLiteral("kubectl"), args, clusterenv::kubeconfigPath("admin"), stdinData);
    QVERIFY2(r.exitCode == 0, qPrintable(args.join(' ') + ": " + r.err));
}

using guitest::kubectlJson;

// Types into a line edit as a user would, replacing what is there; a completion popup that
// opened on the way is closed as a click elsewhere would close it.
void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
    if (edit->completer() && edit->completer()->popup()->isVisible())
        edit->completer()->popup()->hide();
}

void clickBox(QCheckBox *box)
{
    QVERIFY(box);
    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(8, box->height() / 2));
}

// Sets the verb check boxes to exactly `verbs` by clicking those that differ.
void chooseVerbs(RuleEditorWidget *editor, const QStringList &verbs)
{
    for (const QString &v : RuleEditorWidget::knownVerbs()) {
        QCheckBox *box = editor->verbBox(v);
        if (box->isChecked() != verbs.contains(v))
            clickBox(box);
    }
}

void clickRow(QTableView *view, int row)
{
    const QRect r = view->visualRect(view->model()->index(row, 0));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, r.center());
}
} // namespace

class tst_RoleEditor : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void createProjectRoleWithNamesAndSubresource();
    void cloneKeepsStarRulesUnshowableRuleLabelsAndAnnotations();
    void restrictedIdentitySeesEscalationWarning();
    void badInputSaysWhatAndKeepsTheForm();
    void templatePickerAddsDependencies();
    void deletingABoundRoleIsRefused();

private:
    struct Live {
        ExecApprover approver;
        ClusterSession session;
        explicit Live(const std::string &kubeconfig)
            : session(specFor(kubeconfig), &approver)
        {
            session.start();
        }
        static ConnectionSpec specFor(const std::string &kubeconfig)
        {
            ConnectionSpec spec;
            spec.kubeconfig = qs(kubeconfig);
            spec.modeOverride = QStringLiteral("standalone");
            return spec;
        }
    };
    std::unique_ptr<RoleEditorDialog> open(Live &live, RoleEditorDialog::Mode mode, const QString &scope,
                                           const QString &name = {});
    std::unique_ptr<Client> m_admin;
    guitest::Seed m_seed;
    std::unique_ptr<Live> m_live;
};

void tst_RoleEditor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    std::string error;
    m_admin = guitest::adminWithSeed(&m_seed, &error);
    QVERIFY2(m_admin, error.c_str());
    // Templates for the picker: a depends on b, b on c (namespace scope, one category)
    const std::string sfx = m_seed.sfx;
    std::string templates;
    for (const auto &[name, deps, resource] : {std::tuple{"a", "[\"tpl-b-" + sfx + "\"]", "deployments"},
                                                std::tuple{"b", "[\"tpl-c-" + sfx + "\"]", "replicasets"},
                                                std::tuple{"c", std::string("[]"), "pods"}}) {
        templates += "---\napiVersion: iam.kubesphere.io/v1beta1\nkind: RoleTemplate\nmetadata:\n  name: tpl-" +
                     std::string(name) + "-" + sfx + "\n  labels:\n    iam.kubesphere.io/scope: namespace\n"
                     "    iam.kubesphere.io/category: editor-test-" + sfx + "\n  annotations:\n"
                     "    iam.kubesphere.io/dependencies: '" + deps + "'\nspec:\n  displayName: {en: Template " +
                     std::string(name) + "}\n  description: {en: Reads " + resource + "}\n  rules:\n"
                     "  - apiGroups: [\"" + (std::string(resource) == "pods" ? "" : "apps") + "\"]\n"
                     "    resources: [" + resource + "]\n    verbs: [get, list]\n";
    }
    kubectlOk({"create", "-f", "-"}, QByteArray::fromStdString(templates));
    m_live = std::make_unique<Live>(clusterenv::kubeconfigPath("admin"));
    QTRY_VERIFY_WITH_TIMEOUT(m_live->session.loaded(), 60000);
    QCOMPARE(m_live->session.tenancy().mode, Mode::Standalone);
    QTRY_VERIFY_WITH_TIMEOUT(m_live->session.snapshot().roleTemplates(RoleLevel::Project, m_seed.p1).size() >= 3, 15000);
}

std::unique_ptr<RoleEditorDialog> tst_RoleEditor::open(Live &live, RoleEditorDialog::Mode mode, const QString &scope,
                                                       const QString &name)
{
    auto d = std::make_unique<RoleEditorDialog>(new PlanRunner(&live.session), live.session.snapshot(), mode,
                                                RoleSpec::Level::Project, scope, name);
    d->setConfirmHook([](const QString &) { return true; });
    d->show();
    if (!QTest::qWaitForWindowExposed(d.get()))
        return nullptr;
    return d;
}

void tst_RoleEditor::createProjectRoleWithNamesAndSubresource()
{
    const QString name = qs("logs-" + m_seed.sfx);
    auto d = open(*m_live, RoleEditorDialog::Mode::New, qs(m_seed.p1));
    QVERIFY(d);
    QAbstractItemModelTester tester(d->rulesModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    // When the user types a name and adds two rules in the rule editor
    typeInto(d->nameEdit(), name);
    typeInto(d->aliasEdit(), QStringLiteral("Log reader"));
    RuleEditorWidget *editor = d->ruleEditor();
    QTest::mouseClick(d->addRuleButton(), Qt::LeftButton);
    chooseVerbs(editor, {QStringLiteral("get")});
    typeInto(editor->resourcesEdit(), QStringLiteral("pods/log"));
    QTest::mouseClick(d->addRuleButton(), Qt::LeftButton);
    QCOMPARE(d->rulesModel()->rowCount(), 2);
    chooseVerbs(editor, {QStringLiteral("get")});
    typeInto(editor->resourcesEdit(), QStringLiteral("configmaps"));
    typeInto(editor->resourceNamesEdit(), QStringLiteral("cm1"));
    // Then the table shows them as typed
    QCOMPARE(d->rulesModel()->index(0, RoleRulesModel::ResourcesColumn).data().toString(), QStringLiteral("pods/log"));
    QCOMPARE(d->rulesModel()->index(1, RoleRulesModel::ResourceNamesColumn).data().toString(), QStringLiteral("cm1"));
    // And completion offers subresources from discovery
    QTRY_VERIFY_WITH_TIMEOUT(editor->resourceCompleter()->model()->rowCount() > 20, 15000);
    const QStringList offered = qobject_cast<QStringListModel *>(editor->resourceCompleter()->model())->stringList();
    QVERIFY(offered.contains(QStringLiteral("pods/exec")));
    QVERIFY(offered.contains(QStringLiteral("pods/log")));
    // And the admin (system:masters) gets no escalation warning
    QTRY_VERIFY_WITH_TIMEOUT(d->checks()->outcome().escalation.has_value(), 20000);
    QVERIFY(!d->escalationLabel()->isVisible());
    clickRow(d->rulesView(), 1);
    save(d.get(), QStringLiteral("role-editor-rules"));
    // When the user applies
    QSignalSpy applied(d.get(), &PlanDialog::applied);
    QTest::mouseClick(d->applyButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 1, 30000);
    // Then kubectl reads exactly those rules, in the iam Role and in its RBAC mirror
    const json expected = json::parse(R"([{"apiGroups":[""],"resources":["pods/log"],"verbs":["get"]},
        {"apiGroups":[""],"resourceNames":["cm1"],"resources":["configmaps"],"verbs":["get"]}])");
    const json role = kubectlJson({"-n", qs(m_seed.p1), "get", "roles.iam.kubesphere.io", name});
    QVERIFY(role.is_object());
    QCOMPARE(qs(role["rules"].dump()), qs(expected.dump()));
    QCOMPARE(qs(role["metadata"]["annotations"].value("kubesphere.io/alias-name", "")), QStringLiteral("Log reader"));
    const json mirror = kubectlJson({"-n", qs(m_seed.p1), "get", "roles.rbac.authorization.k8s.io", "kubesphere:iam:" + name});
    QVERIFY(mirror.is_object());
    QCOMPARE(qs(mirror["rules"].dump()), qs(expected.dump()));
}

void tst_RoleEditor::cloneKeepsStarRulesUnshowableRuleLabelsAndAnnotations()
{
    // Given a role seeded with kubectl: "*" everywhere, a rule the form cannot show (a resource
    // name with a comma), extra labels and annotations
    const std::string src = "src-" + m_seed.sfx;
    const std::string manifest = "apiVersion: iam.kubesphere.io/v1beta1\nkind: Role\nmetadata:\n  name: " + src +
                                 "\n  namespace: " + m_seed.p2 +
                                 "\n  labels: {team: blue, tier: gold}\n  annotations: {note: keep-me, "
                                 "kubesphere.io/alias-name: Source, kubesphere.io/description: Seeded}\nrules:\n"
                                 "- apiGroups: ['*']\n  resources: ['*']\n  verbs: ['*']\n"
                                 "- apiGroups: ['']\n  resources: [configmaps]\n  resourceNames: ['a,b']\n  verbs: [get]\n";
    kubectlOk({"create", "-f", "-"}, QByteArray::fromStdString(manifest));
    QTRY_VERIFY_WITH_TIMEOUT(m_live->session.snapshot().role(RoleLevel::Project, m_seed.p2, src).has_value(), 15000);
    // When the user clones it
    auto d = open(*m_live, RoleEditorDialog::Mode::Clone, qs(m_seed.p2), qs(src));
    QVERIFY(d);
    QCOMPARE(d->nameEdit()->text(), qs(src + "-copy"));
    QCOMPARE(d->aliasEdit()->text(), QStringLiteral("Source"));
    QCOMPARE(d->rulesModel()->rowCount(), 2);
    // Then "*" shows as "*", and the unshowable rule is read-only with a pointer to YAML
    QCOMPARE(d->rulesModel()->index(0, RoleRulesModel::VerbsColumn).data().toString(), QStringLiteral("*"));
    QVERIFY(d->ruleEditor()->verbBox(QStringLiteral("*"))->isChecked());
    QVERIFY(!d->rulesModel()->index(1, 0).data(RoleRulesModel::FormEditableRole).toBool());
    clickRow(d->rulesView(), 1);
    QVERIFY(!d->ruleEditor()->resourcesEdit()->isEnabled());
    QVERIFY(d->ruleEditor()->findChild<QLabel *>(QStringLiteral("ruleNote"))->text().contains(QStringLiteral("YAML tab")));
    save(d.get(), QStringLiteral("role-editor-clone-readonly-rule"));
    // And the YAML tab shows the whole list
    d->tabs()->setCurrentIndex(RoleEditorDialog::YamlTab);
    QVERIFY(d->yamlEdit()->toPlainText().contains(QStringLiteral("a,b")));
    d->tabs()->setCurrentIndex(RoleEditorDialog::RulesTab);
    QSignalSpy applied(d.get(), &PlanDialog::applied);
    QTest::mouseClick(d->applyButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 1, 30000);
    // Then the clone's rules, labels and annotations equal the source's (the creator aside)
    const json source = kubectlJson({"-n", qs(m_seed.p2), "get", "roles.iam.kubesphere.io", qs(src)});
    const json clone = kubectlJson({"-n", qs(m_seed.p2), "get", "roles.iam.kubesphere.io", qs(src + "-copy")});
    QVERIFY(clone.is_object());
    QCOMPARE(qs(clone["rules"].dump()), qs(source["rules"].dump()));
    QCOMPARE(qs(clone["metadata"]["labels"].dump()), qs(source["metadata"]["labels"].dump()));
    json annotations = clone["metadata"]["annotations"];
    QVERIFY(annotations.contains("kubesphere.io/creator"));
    annotations.erase("kubesphere.io/creator");
    QCOMPARE(qs(annotations.dump()), qs(source["metadata"]["annotations"].dump()));
}

void tst_RoleEditor::restrictedIdentitySeesEscalationWarning()
{
    // Given a user who may write roles in p3 (iam and RBAC) and read pods, but neither exec
    // into pods nor escalate
    const std::string user = "roler-" + m_seed.sfx;
    const std::string kubeconfig = clusterenv::addUser(user);
    QVERIFY(!kubeconfig.empty());
    const std::string ns = m_seed.p3;
    const std::string grants =
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: role-writer, namespace: " + ns +
        "}\nrules:\n- apiGroups: [iam.kubesphere.io, rbac.authorization.k8s.io]\n  resources: [roles, rolebindings]\n"
        "  verbs: [get, list, watch, create, update, patch]\n- apiGroups: ['']\n  resources: [pods]\n"
        "  verbs: [get, list, watch]\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\n"
        "metadata: {name: role-writer, namespace: " + ns + "}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, "
        "name: role-writer}\nsubjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: " + user + "}]\n"
        "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: " + user + "-ns}\nrules:\n"
        "- apiGroups: ['']\n  resources: [namespaces]\n  resourceNames: [" + ns + "]\n  verbs: [get]\n"
        "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: " + user + "-ns}\n"
        "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: " + user + "-ns}\n"
        "subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: " + user + "}]\n";
    kubectlOk({"apply", "-f", "-"}, QByteArray::fromStdString(grants));
    Live live(kubeconfig);
    QTRY_VERIFY_WITH_TIMEOUT(live.session.loaded(), 60000);
    QCOMPARE(live.session.identity(), qs(user));
    // When they open a new project role and add a rule granting pods/exec create
    auto d = open(live, RoleEditorDialog::Mode::New, qs(ns));
    QVERIFY(d);
    typeInto(d->nameEdit(), qs("exec-" + m_seed.sfx));
    QTest::mouseClick(d->addRuleButton(), Qt::LeftButton);
    chooseVerbs(d->ruleEditor(), {QStringLiteral("create")});
    typeInto(d->ruleEditor()->resourcesEdit(), QStringLiteral("pods/exec"));
    // Then, before anything is applied, the warning names the permission and the reason
    QTRY_VERIFY_WITH_TIMEOUT(d->escalationLabel()->isVisible(), 30000);
    const QString warning = d->escalationLabel()->text();
    QVERIFY2(warning.contains(QStringLiteral("create pods/exec")), qPrintable(warning));
    QVERIFY2(warning.contains(QStringLiteral("escalate")), qPrintable(warning));
    QVERIFY2(warning.contains(qs(user)), qPrintable(warning));
    save(d.get(), QStringLiteral("role-editor-escalation-warning"));
    // And when the rule is reduced to what they hold, the warning goes
    chooseVerbs(d->ruleEditor(), {QStringLiteral("get")});
    typeInto(d->ruleEditor()->resourcesEdit(), QStringLiteral("pods"));
    QTRY_VERIFY_WITH_TIMEOUT(!d->escalationLabel()->isVisible(), 30000);
    // And back to exec: the server's dry run agrees with the warning
    chooseVerbs(d->ruleEditor(), {QStringLiteral("create")});
    typeInto(d->ruleEditor()->resourcesEdit(), QStringLiteral("pods/exec"));
    QTRY_VERIFY_WITH_TIMEOUT(d->escalationLabel()->isVisible(), 30000);
    QTest::mouseClick(d->dryRunButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!d->runner()->busy() && d->statusLabel()->text().contains(QStringLiteral("Dry run")), 30000);
    QVERIFY2(d->statusLabel()->text().contains(QStringLiteral("Dry run failed")), qPrintable(d->statusLabel()->text()));
    QVERIFY2(d->statusLabel()->text().contains(QStringLiteral("not currently held")), qPrintable(d->statusLabel()->text()));
    // And the plan itself carries the same warning above its tabs (every plan dialog checks
    // its RBAC writes: here the role's RBAC mirror)
    QTRY_VERIFY_WITH_TIMEOUT(d->planEscalationLabel()->isVisible(), 30000);
    QVERIFY2(d->planEscalationLabel()->text().contains(QStringLiteral("pods/exec")), qPrintable(d->planEscalationLabel()->text()));
}

void tst_RoleEditor::badInputSaysWhatAndKeepsTheForm()
{
    auto d = open(*m_live, RoleEditorDialog::Mode::New, qs(m_seed.p1));
    QVERIFY(d);
    RuleEditorWidget *editor = d->ruleEditor();
    const QString name = qs("bad-" + m_seed.sfx);
    typeInto(d->nameEdit(), name);
    QTest::mouseClick(d->addRuleButton(), Qt::LeftButton);
    typeInto(editor->resourcesEdit(), QStringLiteral("pods"));
    // A verb with a space: the message names the rule and the verb, nothing is lost
    typeInto(editor->customVerbsEdit(), QStringLiteral("ge t"));
    QTest::mouseClick(d->previewButton(), Qt::LeftButton);
    QCOMPARE(d->statusLabel()->text(), QStringLiteral("rule 1: verb \"ge t\" contains whitespace"));
    QCOMPARE(editor->customVerbsEdit()->text(), QStringLiteral("ge t"));
    QCOMPARE(d->nameEdit()->text(), name);
    // A resource that is not a resource name
    typeInto(editor->customVerbsEdit(), QString());
    typeInto(editor->resourcesEdit(), QStringLiteral("Pods!"));
    QTest::mouseClick(d->previewButton(), Qt::LeftButton);
    QVERIFY2(d->statusLabel()->text().startsWith(QStringLiteral("rule 1: resource \"Pods!\" is not a valid resource name")),
             qPrintable(d->statusLabel()->text()));
    QCOMPARE(editor->resourcesEdit()->text(), QStringLiteral("Pods!"));
    typeInto(editor->resourcesEdit(), QStringLiteral("pods"));
    // Broken YAML: the line is named, the text stays, the rules are untouched
    d->tabs()->setCurrentIndex(RoleEditorDialog::YamlTab);
    QTest::keyClicks(d->yamlEdit(), QStringLiteral("- verbs: [get"));
    QTest::keyClick(d->yamlEdit(), Qt::Key_Return);
    d->tabs()->setCurrentIndex(RoleEditorDialog::RulesTab);
    QCOMPARE(d->tabs()->currentIndex(), int(RoleEditorDialog::YamlTab));
    QVERIFY2(d->yamlStatus()->text().contains(QStringLiteral("line")), qPrintable(d->yamlStatus()->text()));
    QVERIFY(d->yamlEdit()->toPlainText().contains(QStringLiteral("- verbs: [get")));
    QCOMPARE(d->rulesModel()->rowCount(), 1);
    save(d.get(), QStringLiteral("role-editor-yaml-error"));
    d->yamlEdit()->selectAll();
    QTest::keyClick(d->yamlEdit(), Qt::Key_Backspace);
    QTest::keyClicks(d->yamlEdit(), QStringLiteral("[{apiGroups: [''], resources: [pods], verbs: [get]}]"));
    d->tabs()->setCurrentIndex(RoleEditorDialog::RulesTab);
    QCOMPARE(d->tabs()->currentIndex(), int(RoleEditorDialog::RulesTab));
    QCOMPARE(d->rulesModel()->rowCount(), 1);
    // A name that is taken: the planner's message
    typeInto(d->nameEdit(), QStringLiteral("viewer"));
    QTest::mouseClick(d->previewButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(d->statusLabel()->text().contains(QStringLiteral("already exists")), 20000);
    QVERIFY2(d->statusLabel()->text().contains(QStringLiteral("project role \"viewer\"")), qPrintable(d->statusLabel()->text()));
    QCOMPARE(d->rulesModel()->rowCount(), 1);
    QCOMPARE(editor->resourcesEdit()->text(), QStringLiteral("pods"));
    d.reset();

    // A 409: the role changes (kubectl) between opening the editor and applying
    const std::string role = "conflict-" + m_seed.sfx;
    RoleSpec seeded;
    seeded.level = RoleSpec::Level::Project;
    seeded.scope = m_seed.p1;
    seeded.name = role;
    seeded.rules = json::parse(R"([{"apiGroups":[""],"resources":["pods"],"verbs":["get"]}])");
    const std::string seedError = guitest::apply(*m_admin, [&](Planner &p) { return p.saveRole(seeded, true); });
    QVERIFY2(seedError.empty(), seedError.c_str());
    QTRY_VERIFY_WITH_TIMEOUT(m_live->session.snapshot().role(RoleLevel::Project, m_seed.p1, role).has_value(), 15000);
    auto e = open(*m_live, RoleEditorDialog::Mode::Edit, qs(m_seed.p1), qs(role));
    QVERIFY(e);
    clickRow(e->rulesView(), 0);
    clickBox(e->ruleEditor()->verbBox(QStringLiteral("list")));
    kubectlOk({"-n", qs(m_seed.p1), "annotate", "roles.iam.kubesphere.io", qs(role), "touched=by-kubectl"});
    QTest::mouseClick(e->applyButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!e->runner()->busy() && e->statusLabel()->text().contains(QStringLiteral("failed")), 30000);
    QVERIFY2(e->statusLabel()->text().contains(QStringLiteral("modified")), qPrintable(e->statusLabel()->text()));
    QVERIFY(e->isVisible());
    QVERIFY(e->ruleEditor()->verbBox(QStringLiteral("list"))->isChecked());
    QCOMPARE(e->rulesModel()->index(0, RoleRulesModel::VerbsColumn).data().toString(), QStringLiteral("get, list"));
    save(e.get(), QStringLiteral("role-editor-conflict"));
}

void tst_RoleEditor::templatePickerAddsDependencies()
{
    auto d = open(*m_live, RoleEditorDialog::Mode::New, qs(m_seed.p1));
    QVERIFY(d);
    QAbstractItemModelTester tester(d->templateModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString name = qs("tpl-user-" + m_seed.sfx);
    typeInto(d->nameEdit(), name);
    d->tabs()->setCurrentIndex(RoleEditorDialog::TemplatesTab);
    const QString a = qs("tpl-a-" + m_seed.sfx), b = qs("tpl-b-" + m_seed.sfx), c = qs("tpl-c-" + m_seed.sfx);
    const QModelIndex ia = d->templateModel()->indexOfTemplate(a);
    QVERIFY(ia.isValid());
    // When the user clicks template a and presses Space
    QTreeView *view = d->templatesView();
    view->scrollTo(ia);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(ia).center());
    QCOMPARE(view->currentIndex().siblingAtColumn(0), ia);
    QVERIFY2(d->templateDetails()->text().contains(QStringLiteral("Reads deployments")), qPrintable(d->templateDetails()->text()));
    QTest::keyClick(view, Qt::Key_Space);
    // Then a, and b and c it depends on (transitively), are selected, and the note says why
    QCOMPARE(d->templateModel()->selected(), (std::vector<std::string>{a.toStdString(), b.toStdString(), c.toStdString()}));
    QCOMPARE(d->templateModel()->indexOfTemplate(c).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QVERIFY2(d->findChild<QLabel *>(QStringLiteral("templateNote"))->text().contains(b),
             qPrintable(d->findChild<QLabel *>(QStringLiteral("templateNote"))->text()));
    save(d.get(), QStringLiteral("role-editor-templates"));
    // And the effective rules hold the three templates' rules
    QTRY_COMPARE_WITH_TIMEOUT(d->effectiveView()->model()->rowCount(), 3, 20000);
    d->tabs()->setCurrentIndex(RoleEditorDialog::EffectiveTab);
    save(d.get(), QStringLiteral("role-editor-effective-rules"));
    // When applied, the role lists the templates and (standalone) carries their rules
    QSignalSpy applied(d.get(), &PlanDialog::applied);
    QTest::mouseClick(d->applyButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 1, 30000);
    const json role = kubectlJson({"-n", qs(m_seed.p1), "get", "roles.iam.kubesphere.io", name});
    QCOMPARE(qs(role["aggregationRoleTemplates"]["templateNames"].dump()),
             qs(json({a.toStdString(), b.toStdString(), c.toStdString()}).dump()));
    QCOMPARE(int(role["rules"].size()), 3);
}

void tst_RoleEditor::deletingABoundRoleIsRefused()
{
    // p1's viewer role is bound to user B (seeded): the planner refuses and says to whom
    DeleteRoleDialog d(new PlanRunner(&m_live->session), RoleSpec::Level::Project, qs(m_seed.p1), QStringLiteral("viewer"));
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    QTRY_VERIFY_WITH_TIMEOUT(d.statusLabel()->text().contains(QStringLiteral("still bound")), 20000);
    QVERIFY2(d.statusLabel()->text().contains(qs(m_seed.userB)), qPrintable(d.statusLabel()->text()));
}

QTEST_MAIN(tst_RoleEditor)
#include "tst_roleeditor.moc"
