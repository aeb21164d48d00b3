// RoleEditorDialog: the rules table's model holds each rule's JSON; the rule editor, the YAML
// tab and the template picker are views of the same spec, so switching between them never
// loses a field. Everything that may read the server (the plan behind the live checks, the
// writer's own rules, discovery) runs in RoleEditorChecks, started once the dialog is shown.
#include "views/roleeditordialog.h"
#include "views/tonestyle.h"

#include "models/roleeditorchecks.h"
#include "models/rolerulesmodel.h"
#include "models/roletemplatemodel.h"
#include "models/ruletablemodel.h"
#include "models/tenancyoperations.h"
#include "views/ruleeditorwidget.h"

#include "kubeclient/core/yamlconvert.h"
#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/kubesphere/names.h"
#include "kubeclient/tenancy/plan/roleplans.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShowEvent>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

using namespace kube;
using namespace kube::tenancy;
using nlohmann::json;

namespace {

QString qs(const std::string &s) { return QString::fromStdString(s); }

RoleLevel graphLevel(RoleSpec::Level level)
{
    switch (level) {
    case RoleSpec::Level::Platform: return RoleLevel::Platform;
    case RoleSpec::Level::Cluster: return RoleLevel::Cluster;
    case RoleSpec::Level::Workspace: return RoleLevel::Workspace;
    case RoleSpec::Level::Project: return RoleLevel::Project;
    }
    return RoleLevel::Project;
}

QString levelText(RoleSpec::Level level, const QString &scope)
{
    switch (level) {
    case RoleSpec::Level::Platform: return RoleEditorDialog::tr("platform role (GlobalRole)");
    case RoleSpec::Level::Cluster: return RoleEditorDialog::tr("cluster role");
    case RoleSpec::Level::Workspace: return RoleEditorDialog::tr("workspace role of %1").arg(scope);
    case RoleSpec::Level::Project: return RoleEditorDialog::tr("project role in %1").arg(scope);
    }
    return {};
}

QString title(RoleEditorDialog::Mode mode, RoleSpec::Level level, const QString &scope, const QString &name)
{
    const QString what = levelText(level, scope);
    switch (mode) {
    case RoleEditorDialog::Mode::New: return RoleEditorDialog::tr("New %1").arg(what);
    case RoleEditorDialog::Mode::Edit: return RoleEditorDialog::tr("Edit %1 %2").arg(what, name);
    case RoleEditorDialog::Mode::Clone: return RoleEditorDialog::tr("Clone %1 %2").arg(what, name);
    }
    return {};
}

// One atom of a rule in a reader's words: "create pods/exec", "get deployments.apps "web"",
// "get /healthz".
QString atomText(const rbac::PolicyRule &r)
{
    const QString verbs = qs(r.verbs.empty() ? std::string("?") : r.verbs.front());
    if (!r.nonResourceURLs.empty())
        return verbs + QLatin1Char(' ') + qs(r.nonResourceURLs.front());
    QString resource = qs(r.resources.empty() ? std::string("?") : r.resources.front());
    const std::string group = r.apiGroups.empty() ? std::string() : r.apiGroups.front();
    if (!group.empty()) {
        const int slash = resource.indexOf(QLatin1Char('/'));
        resource = slash < 0 ? resource + QLatin1Char('.') + qs(group)
                             : resource.left(slash) + QLatin1Char('.') + qs(group) + resource.mid(slash);
    }
    QString out = verbs + QLatin1Char(' ') + resource;
    if (!r.resourceNames.empty())
        out += QStringLiteral(" \"%1\"").arg(qs(r.resourceNames.front()));
    return out;
}

} // namespace

RoleEditorDialog::RoleEditorDialog(PlanRunner *runner, const GraphSnapshot &snapshot, Mode mode, RoleSpec::Level level,
                                   const QString &scope, const QString &roleName,
                                   std::shared_ptr<const rbac::ResourceCatalog> catalog, QWidget *parent)
    : PlanDialog(runner, title(mode, level, scope, roleName), parent)
    , m_mode(mode)
    , m_level(level)
    , m_scope(scope)
    , m_givenCatalog(std::move(catalog))
    , m_name(new QLineEdit)
    , m_alias(new QLineEdit)
    , m_description(new QLineEdit)
    , m_escalation(new QLabel)
    , m_tabs(new QTabWidget)
    , m_rules(new RoleRulesModel(this))
    , m_rulesView(new QTableView)
    , m_ruleEditor(new RuleEditorWidget(level == RoleSpec::Level::Platform || level == RoleSpec::Level::Cluster))
    , m_addRule(new QPushButton(tr("A&dd rule")))
    , m_duplicateRule(new QPushButton(tr("D&uplicate")))
    , m_removeRule(new QPushButton(tr("&Remove")))
    , m_templates(new RoleTemplateModel(this))
    , m_templatesView(new QTreeView)
    , m_templateDetails(new QLabel)
    , m_templateNote(new QLabel)
    , m_yaml(new QPlainTextEdit)
    , m_yamlStatus(new QLabel)
    , m_effective(new RuleTableModel(this))
    , m_effectiveView(new QTableView)
    , m_effectiveNote(new QLabel)
    , m_checks(new RoleEditorChecks(runner->session(), snapshot, this))
{
    setObjectName(QStringLiteral("roleEditorDialog"));
    m_name->setObjectName(QStringLiteral("name"));
    m_alias->setObjectName(QStringLiteral("alias"));
    m_description->setObjectName(QStringLiteral("description"));
    m_name->setPlaceholderText(tr("lower-case letters, digits, '-' and '.'"));

    // The source role (Edit, Clone), as the graph holds it.
    std::vector<std::string> templates;
    if (mode != Mode::New) {
        if (const auto role = snapshot.role(graphLevel(level), scope.toStdString(), roleName.toStdString());
            role && role->object) {
            m_base = role->object->toJson();
            for (const auto &t : role->templates)
                if (t.listed)
                    templates.push_back(t.name);
            m_alias->setText(qs(role->alias));
            m_description->setText(qs(role->description));
        }
        // A role gone from the graph since the action was offered leaves m_base null (value() throws).
        if (!m_base.is_object())
            m_base = json::object();
        m_rules->setRules(m_base.value("rules", json::array()));
        m_aggregated = m_base.contains("aggregationRule") && m_base["aggregationRule"].is_object();
        if (mode == Mode::Edit)
            m_resourceVersion = m_base.value("metadata", json::object()).value("resourceVersion", "");
    }
    if (mode == Mode::Clone && m_base.is_object()) {
        // A clone is a new object: its creator is whoever writes it, and kubectl's record of
        // what was last applied to the source does not describe it.
        if (auto &m = m_base["metadata"]; m.contains("annotations") && m["annotations"].is_object()) {
            m["annotations"].erase(kCreatorAnnotation);
            m["annotations"].erase("kubectl.kubernetes.io/last-applied-configuration");
        }
    }
    switch (mode) {
    case Mode::New:
        if (level == RoleSpec::Level::Workspace)
            m_name->setText(scope + QLatin1Char('-'));
        break;
    case Mode::Edit:
        m_name->setText(roleName);
        m_name->setReadOnly(true);
        break;
    case Mode::Clone: m_name->setText(roleName + QStringLiteral("-copy")); break;
    }
    m_templates->setTemplates(snapshot.roleTemplates(graphLevel(level), scope.toStdString()), templates);
    m_rules->setReadOnly(m_aggregated);

    setDescription(mode == Mode::Edit && m_base.is_null()
                       ? tr("The role was not found in the cluster's data; its rules cannot be shown.")
                       : QString());

    // --- head: name, alias, description; the escalation warning
    auto *head = new QFormLayout;
    head->setContentsMargins(0, 0, 0, 0);
    head->addRow(tr("&Name:"), m_name);
    head->addRow(tr("A&lias:"), m_alias);
    head->addRow(tr("D&escription:"), m_description);
    m_escalation->setObjectName(QStringLiteral("escalationWarning"));
    m_escalation->setWordWrap(true);
    m_escalation->setTextFormat(Qt::RichText);
    m_escalation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_escalation->hide();

    // --- Rules tab: the table, its buttons, the editor of the selected rule
    m_rulesView->setObjectName(QStringLiteral("rulesTable"));
    m_rulesView->setAccessibleName(tr("Rules"));
    m_rulesView->setTabKeyNavigation(false);  // Tab goes on to the rule's buttons and editor
    m_rulesView->setModel(m_rules);
    m_rulesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rulesView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_rulesView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rulesView->setAlternatingRowColors(true);
    m_rulesView->setWordWrap(false);
    m_rulesView->verticalHeader()->setDefaultSectionSize(m_rulesView->fontMetrics().height() + 8);
    m_rulesView->horizontalHeader()->setStretchLastSection(true);
    const std::pair<int, int> widths[] = {{RoleRulesModel::VerbsColumn, 170}, {RoleRulesModel::ApiGroupsColumn, 100},
                                          {RoleRulesModel::ResourcesColumn, 180}, {RoleRulesModel::ResourceNamesColumn, 130},
                                          {RoleRulesModel::NonResourceColumn, 150}};
    for (const auto &[column, width] : widths) {
        m_rulesView->horizontalHeader()->resizeSection(column, width);
    }
    m_addRule->setObjectName(QStringLiteral("addRule"));
    m_duplicateRule->setObjectName(QStringLiteral("duplicateRule"));
    m_removeRule->setObjectName(QStringLiteral("removeRule"));
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_addRule);
    buttons->addWidget(m_duplicateRule);
    buttons->addWidget(m_removeRule);
    buttons->addStretch();
    auto *tableRow = new QWidget;
    auto *tableLayout = new QHBoxLayout(tableRow);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_rulesView, 1);
    tableLayout->addLayout(buttons);
    auto *editorBox = new QGroupBox(tr("Selected rule"));
    editorBox->setObjectName(QStringLiteral("ruleEditorBox"));
    auto *editorLayout = new QVBoxLayout(editorBox);
    editorLayout->addWidget(m_ruleEditor);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(tableRow);
    split->addWidget(editorBox);
    split->setStretchFactor(0, 1);
    split->setChildrenCollapsible(false);
    auto *rulesTab = new QWidget;
    auto *rulesLayout = new QVBoxLayout(rulesTab);
    rulesLayout->addWidget(split);

    // --- Templates tab
    m_templatesView->setObjectName(QStringLiteral("templatesTree"));
    m_templatesView->setAccessibleName(tr("Role templates"));
    m_templatesView->setAccessibleDescription(tr("Space ticks the current template"));
    m_templatesView->setModel(m_templates);
    m_templatesView->setUniformRowHeights(true);
    m_templatesView->setAlternatingRowColors(true);
    m_templatesView->header()->resizeSection(RoleTemplateModel::NameColumn, 280);
    m_templatesView->expandAll();
    // Category rows carry only a name (KubeSphere's are long: namespace-configuration-management):
    // let it use the whole row instead of being elided in the first column.
    for (int row = 0; row < m_templates->rowCount(); ++row)
        m_templatesView->setFirstColumnSpanned(row, QModelIndex(), true);
    m_templateDetails->setObjectName(QStringLiteral("templateDetails"));
    m_templateDetails->setWordWrap(true);
    m_templateDetails->setTextFormat(Qt::RichText);
    m_templateDetails->setMinimumHeight(m_templateDetails->fontMetrics().height() * 3);
    m_templateDetails->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_templateNote->setObjectName(QStringLiteral("templateNote"));
    m_templateNote->setWordWrap(true);
    auto *templatesTab = new QWidget;
    auto *templatesLayout = new QVBoxLayout(templatesTab);
    auto *templatesIntro = new QLabel(
        m_templates->rowCount() == 0
            ? tr("No role templates are offered for this level in this cluster.")
            : tr("Role templates add their rules to the role (KubeSphere aggregates them). Selecting one also "
                 "selects the templates it depends on."));
    templatesIntro->setWordWrap(true);
    templatesLayout->addWidget(templatesIntro);
    templatesLayout->addWidget(m_templatesView, 1);
    templatesLayout->addWidget(m_templateDetails);
    templatesLayout->addWidget(m_templateNote);

    // --- YAML tab: the whole rules list
    m_yaml->setObjectName(QStringLiteral("rulesYaml"));
    m_yaml->setAccessibleName(tr("Rules as YAML"));
    // YAML indents with spaces only, so Tab is free to leave the editor (no keyboard trap).
    m_yaml->setTabChangesFocus(true);
    m_yaml->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_yaml->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_yamlStatus->setObjectName(QStringLiteral("yamlStatus"));
    m_yamlStatus->setWordWrap(true);
    m_yamlStatus->setText(tr("The rules list as YAML. Edits here replace the rules when you leave the tab or plan."));
    auto *yamlTab = new QWidget;
    auto *yamlLayout = new QVBoxLayout(yamlTab);
    yamlLayout->addWidget(m_yaml, 1);
    yamlLayout->addWidget(m_yamlStatus);

    // --- Effective rules tab
    m_effectiveView->setObjectName(QStringLiteral("effectiveTable"));
    m_effectiveView->setModel(m_effective);
    for (const auto &[column, width] : widths)
        m_effectiveView->horizontalHeader()->resizeSection(column, width);
    m_effectiveView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_effectiveView->setAlternatingRowColors(true);
    m_effectiveView->horizontalHeader()->setStretchLastSection(true);
    m_effectiveView->verticalHeader()->hide();
    m_effectiveView->verticalHeader()->setDefaultSectionSize(m_effectiveView->fontMetrics().height() + 8);
    m_effectiveView->setSelectionMode(QAbstractItemView::NoSelection);
    // Reachable with Tab to be read and scrolled from the keyboard; arrows move in it.
    m_effectiveView->setFocusPolicy(Qt::StrongFocus);
    m_effectiveView->setTabKeyNavigation(false);
    m_effectiveView->setAccessibleName(tr("Effective rules"));
    m_effectiveNote->setObjectName(QStringLiteral("effectiveNote"));
    m_effectiveNote->setWordWrap(true);
    m_effectiveNote->setText(m_aggregated ? tr("Predicting the rules the aggregation controller gathers…")
                                          : tr("The rules the role ends with once its templates are aggregated."));
    auto *effectiveTab = new QWidget;
    auto *effectiveLayout = new QVBoxLayout(effectiveTab);
    effectiveLayout->addWidget(m_effectiveNote);
    effectiveLayout->addWidget(m_effectiveView, 1);

    m_tabs->setObjectName(QStringLiteral("roleTabs"));
    m_tabs->setAccessibleName(tr("Rules, templates, YAML and effective rules"));
    m_tabs->addTab(rulesTab, tr("Rules"));
    m_tabs->addTab(templatesTab, tr("Templates"));
    m_tabs->addTab(yamlTab, tr("YAML"));
    m_tabs->addTab(effectiveTab, tr("Effective rules"));

    auto *form = new QWidget;
    form->setObjectName(QStringLiteral("roleForm"));
    auto *layout = new QVBoxLayout(form);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(head);
    layout->addWidget(m_escalation);
    layout->addWidget(m_tabs, 1);
    form->setMinimumHeight(520);
    setForm(form);
    // The form is where the work is: the plan pane below it starts small (the handle between
    // them gives it room when asked).
    splitter()->setStretchFactor(0, 1);
    splitter()->setStretchFactor(1, 0);
    resize(1000, 880);
    splitter()->setSizes({640, 200});

    if (m_aggregated) {
        m_addRule->setEnabled(false);
        m_duplicateRule->setEnabled(false);
        m_removeRule->setEnabled(false);
        m_yaml->setReadOnly(true);
        const json selectors = m_base["aggregationRule"].value("clusterRoleSelectors", json::array());
        m_ruleEditor->clearRule(tr("This ClusterRole aggregates the rules of the ClusterRoles matching %1; "
                                   "kube-controller-manager writes its rules.")
                                    .arg(qs(selectors.dump())));
    }

    connect(m_rulesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { selectRule(current.isValid() ? current.row() : -1); });
    connect(m_ruleEditor, &RuleEditorWidget::ruleEdited, this, &RoleEditorDialog::onRuleEdited);
    connect(m_rules, &RoleRulesModel::rulesEdited, this, [this] {
        formChanged();
        scheduleChecks();
    });
    connect(m_rules, &QAbstractItemModel::modelReset, this, [this] { selectRule(-1); });
    connect(m_addRule, &QPushButton::clicked, this, [this] {
        const int row = m_rules->appendRule(json{{"apiGroups", json::array({""})}, {"verbs", json::array({"get", "list", "watch"})}});
        m_rulesView->setCurrentIndex(m_rules->index(row, 0));
        m_ruleEditor->resourcesEdit()->setFocus();
    });
    connect(m_duplicateRule, &QPushButton::clicked, this, [this] {
        if (m_currentRule < 0)
            return;
        const int row = m_rules->appendRule(m_rules->rule(m_currentRule));
        m_rulesView->setCurrentIndex(m_rules->index(row, 0));
    });
    connect(m_removeRule, &QPushButton::clicked, this, [this] {
        const int row = m_currentRule;
        if (row < 0)
            return;
        m_rules->removeRule(row);
        if (m_rules->rowCount() > 0)
            m_rulesView->setCurrentIndex(m_rules->index(std::min(row, m_rules->rowCount() - 1), 0));
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, &RoleEditorDialog::onTabChanged);
    connect(m_yaml, &QPlainTextEdit::textChanged, this, [this] {
        if (m_settingYaml)
            return;
        m_yamlDirty = true;
        formChanged();
    });
    connect(m_templates, &RoleTemplateModel::selectionChanged, this, [this] {
        formChanged();
        scheduleChecks();
    });
    connect(m_templates, &RoleTemplateModel::dependenciesAdded, this, [this](const QString &chosen, const QStringList &added) {
        m_templateNote->setText(tr("Also selected, because %1 depends on them: %2").arg(chosen, added.join(QStringLiteral(", "))));
    });
    connect(m_templatesView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { showTemplateDetails(current); });
    for (QLineEdit *e : {m_name, m_alias, m_description})
        connect(e, &QLineEdit::textChanged, this, [this] {
            formChanged();
            scheduleChecks();
        });
    connect(m_checks, &RoleEditorChecks::checked, this, &RoleEditorDialog::showChecks);
    connect(m_checks, &RoleEditorChecks::writerRulesChanged, this, &RoleEditorDialog::showChecks);
    connect(m_checks, &RoleEditorChecks::catalogReady, this, [this] { m_ruleEditor->setCatalog(m_checks->catalog()); });
    connect(m_checks, &RoleEditorChecks::aggregationPredicted, this, [this](const QString &rules, const QStringList &sources) {
        m_effective->setRulesJson(rules);
        const json selectors = m_base["aggregationRule"].value("clusterRoleSelectors", json::array());
        m_effectiveNote->setText(
            tr("Aggregated ClusterRole: kube-controller-manager gathers the rules of every ClusterRole matching %1. "
               "Predicted from %n role(s): %2.", nullptr, int(sources.size()))
                .arg(qs(selectors.dump()), sources.isEmpty() ? tr("none") : sources.join(QStringLiteral(", "))));
    });

    setOperationFactory([this](QString *problem) -> PlanRunner::Operation {
        auto s = spec(problem);
        if (!s)
            return {};
        return TenancyOperations::saveRole(std::move(*s), m_mode != Mode::Edit);
    });

    if (m_rules->rowCount() > 0)
        m_rulesView->setCurrentIndex(m_rules->index(0, 0));
    else
        selectRule(-1);
}

void RoleEditorDialog::showEvent(QShowEvent *event)
{
    PlanDialog::showEvent(event);
    if (m_opened)
        return;
    m_opened = true;
    // Work that may read the server starts once the dialog is on screen.
    m_checks->loadCatalog(m_givenCatalog);
    if (m_aggregated)
        m_checks->predictAggregation(m_base);
    scheduleChecks();
}

void RoleEditorDialog::selectRule(int row)
{
    m_currentRule = row;
    const bool any = row >= 0 && row < m_rules->rowCount();
    m_duplicateRule->setEnabled(any && !m_aggregated);
    m_removeRule->setEnabled(any && !m_aggregated);
    if (m_aggregated)
        return;
    if (!any) {
        m_ruleEditor->clearRule(m_rules->rowCount() == 0 ? tr("The role has no rules yet: Add rule, or pick templates.")
                                                          : tr("Select a rule to edit it."));
        return;
    }
    QString why;
    if (m_rules->formEditable(row, &why))
        m_ruleEditor->setRule(m_rules->rule(row), true);
    else
        m_ruleEditor->setRule(m_rules->rule(row), false,
                              tr("Rule %1 has fields this form cannot show (%2). It is kept exactly as written; edit it "
                                 "on the YAML tab.")
                                  .arg(row + 1)
                                  .arg(why));
}

void RoleEditorDialog::onRuleEdited(const json &rule)
{
    if (m_currentRule < 0)
        return;
    m_rules->setRule(m_currentRule, rule);
}

void RoleEditorDialog::refreshYaml()
{
    m_settingYaml = true;
    const json rules = m_rules->rules();
    m_yaml->setPlainText(rules.empty() ? QStringLiteral("[]\n") : qs(toYaml(rules)));
    m_settingYaml = false;
    m_yamlDirty = false;
}

bool RoleEditorDialog::takeYaml(QString *problem)
{
    if (!m_yamlDirty)
        return true;
    auto docs = parseYamlDocuments(m_yaml->toPlainText().toStdString(), "YAML");
    QString error;
    if (!docs) {
        // "YAML:3" -> "line 3"
        const QString where = qs(docs.error().where);
        const int colon = where.lastIndexOf(QLatin1Char(':'));
        error = (colon > 0 ? tr("YAML tab, line %1: %2").arg(where.mid(colon + 1)) : tr("YAML tab: %1"))
                    .arg(qs(docs.error().message));
    } else if (docs->size() > 1) {
        error = tr("YAML tab: one list of rules expected, found %n document(s)", nullptr, int(docs->size()));
    } else if (!docs->empty() && !docs->front().is_array()) {
        error = tr("YAML tab: the rules must be a list (a YAML sequence), not %1").arg(qs(docs->front().type_name()));
    }
    if (!error.isEmpty()) {
        m_yamlStatus->setText(error);
        ToneStyle::setText(m_yamlStatus, ThemeColors::Tone::Error);
        if (problem)
            *problem = error;
        return false;
    }
    m_rules->setRules(docs->empty() ? json::array() : docs->front());
    m_yamlDirty = false;
    ToneStyle::setText(m_yamlStatus, std::nullopt);
    m_yamlStatus->setText(tr("The rules list as YAML. Edits here replace the rules when you leave the tab or plan."));
    if (m_rules->rowCount() > 0)
        m_rulesView->setCurrentIndex(m_rules->index(0, 0));
    scheduleChecks();
    return true;
}

void RoleEditorDialog::onTabChanged(int index)
{
    if (index == YamlTab) {
        if (!m_yamlDirty)
            refreshYaml();
        return;
    }
    // Leaving the YAML tab with edits: take them, or go back and say where it does not parse.
    if (m_yamlDirty && !takeYaml(nullptr)) {
        const QSignalBlocker block(m_tabs);
        m_tabs->setCurrentIndex(YamlTab);
    }
}

std::optional<RoleSpec> RoleEditorDialog::spec(QString *problem)
{
    QString local;
    QString *out = problem ? problem : &local;
    if (!takeYaml(out)) {
        const QSignalBlocker block(m_tabs);
        m_tabs->setCurrentIndex(YamlTab);
        return std::nullopt;
    }
    RoleSpec s = formSpec();
    if (auto ok = validateRoleName(s.name); !ok) {
        *out = qs(ok.error().message);
        return std::nullopt;
    }
    if (auto ok = RolePlans::validateRules(s.rules, m_level); !ok) {
        *out = qs(ok.error().message);
        // Show the rule that is wrong; nothing typed is touched.
        const QString where = qs(ok.error().where);
        const int open = where.indexOf(QLatin1Char('[')), close = where.indexOf(QLatin1Char(']'));
        bool number = false;
        const int row = open >= 0 && close > open ? where.mid(open + 1, close - open - 1).toInt(&number) : -1;
        if (number && row >= 0 && row < m_rules->rowCount() && m_tabs->currentIndex() != YamlTab)
            m_rulesView->setCurrentIndex(m_rules->index(row, 0));
        return std::nullopt;
    }
    return s;
}

RoleSpec RoleEditorDialog::formSpec() const
{
    RoleSpec s;
    s.level = m_level;
    s.scope = m_scope.toStdString();
    s.name = m_name->text().trimmed().toStdString();
    s.rules = m_rules->rules();
    s.templates = m_templates->selected();
    s.alias = m_alias->text().trimmed().toStdString();
    s.description = m_description->text().trimmed().toStdString();
    if (m_base.is_object())
        s.base = m_base;
    if (m_mode == Mode::Edit)
        s.resourceVersion = m_resourceVersion;
    return s;
}

void RoleEditorDialog::scheduleChecks()
{
    if (!m_opened)
        return;
    // Quietly: a half-typed form is not an error here (Preview says what is wrong).
    m_checks->check(formSpec(), m_mode != Mode::Edit);
}

void RoleEditorDialog::showChecks()
{
    const RoleEditorChecks::Outcome &o = m_checks->outcome();
    if (!m_aggregated) {
        if (o.effectiveRules.is_array()) {
            m_effective->setRulesJson(qs(o.effectiveRules.dump()));
            m_effectiveNote->setText(
                m_templates->selected().empty()
                    ? tr("The role's own rules (no templates selected).")
                    : (m_templates->selected().size() == 1
                           ? tr("The role's own rules plus the template's rules not already covered, as KubeSphere "
                                "aggregates them.")
                           : tr("The role's own rules plus the rules of %n template(s) not already covered, as "
                                "KubeSphere aggregates them.",
                                nullptr, int(m_templates->selected().size()))));
        } else if (!o.effectiveProblem.isEmpty()) {
            m_effectiveNote->setText(tr("The effective rules cannot be composed: %1").arg(o.effectiveProblem));
        }
    }

    const QString who = m_checks->writerName();
    if (!o.escalation) {
        if (!m_checks->writerRulesError().isEmpty()) {
            ToneStyle::follow(m_escalation, QStringLiteral("box"), [label = m_escalation] {
                label->setStyleSheet(QStringLiteral("QLabel { color: %1; }")
                                         .arg(ThemeColors::text(ThemeColors::Tone::Muted, ToneStyle::basePalette(label)).name()));
            });
            m_escalation->setText(tr("Cannot check for privilege escalation: %1").arg(m_checks->writerRulesError().toHtmlEscaped()));
            m_escalation->show();
        } else {
            m_escalation->hide();
        }
        return;
    }
    const auto refused = o.escalation->refused();
    if (refused.empty()) {
        m_escalation->hide();
        m_escalation->setText(QString());
        return;
    }
    QString html = QStringLiteral("<b>%1</b>").arg(
        tr("kube-apiserver will refuse this role as privilege escalation:").toHtmlEscaped());
    for (const auto *w : refused) {
        const auto &v = w->verdict;
        QString reason;
        if (v.basis == "covers")
            reason = tr("%1 has no <i>escalate</i> verb on %2, and does not hold these permissions the role grants")
                         .arg(who.toHtmlEscaped(),
                              w->write.find(" ClusterRole ") != std::string::npos
                                  ? QStringLiteral("clusterroles.rbac.authorization.k8s.io")
                                  : QStringLiteral("roles.rbac.authorization.k8s.io"));
        else
            reason = qs(v.message).toHtmlEscaped();
        html += QStringLiteral("<br>") + reason + QLatin1Char(':');
        QStringList atoms;
        for (const auto &r : v.uncovered)
            atoms << atomText(r).toHtmlEscaped();
        constexpr int kShown = 8;
        const int more = int(atoms.size()) - kShown;
        if (more > 0)
            atoms = atoms.mid(0, kShown) << tr("and %n more", nullptr, more);
        html += QStringLiteral("<ul style=\"margin-top:2px; margin-bottom:2px\"><li>") +
                atoms.join(QStringLiteral("</li><li>")) + QStringLiteral("</li></ul>");
        html += QStringLiteral("<i>%1</i>")
                    .arg(tr("(checked on %1)").arg(qs(w->write)).toHtmlEscaped());
    }
    if (o.escalation->incomplete)
        html += QStringLiteral("<br>") + tr("The server said its list of your rules may be incomplete.");
    ToneStyle::setBox(m_escalation, ThemeColors::Tone::Warning);
    m_escalation->setText(html);
    m_escalation->show();
}

void RoleEditorDialog::showTemplateDetails(const QModelIndex &index)
{
    const RoleTemplateInfo *t = m_templates->templateAt(index);
    if (!t) {
        m_templateDetails->setText(QString());
        return;
    }
    QString html = QStringLiteral("<b>%1</b> <i>(%2)</i>")
                       .arg(qs(t->displayName.empty() ? t->name : t->displayName).toHtmlEscaped(), qs(t->name).toHtmlEscaped());
    if (!t->description.empty())
        html += QStringLiteral("<br>") + qs(t->description).toHtmlEscaped();
    html += QStringLiteral("<br>") + tr("%n rule(s)", nullptr, int(t->ruleCount));
    if (!t->dependencies.empty()) {
        QStringList deps;
        for (const auto &d : t->dependencies)
            deps << qs(d);
        html += QStringLiteral(" · ") + tr("depends on %1").arg(deps.join(QStringLiteral(", "))).toHtmlEscaped();
    }
    m_templateDetails->setText(html);
}
