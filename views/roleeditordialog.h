// Create, edit or clone a role of any level (platform GlobalRole, cluster role, WorkspaceRole,
// project Role): name, alias, description, the rules as a table with an editor per rule, the
// whole rules list as YAML, role templates by category (dependencies added automatically), the
// effective rules as they will be aggregated, and a live warning when kube-apiserver would
// refuse the write as privilege escalation. Planned, dry-run and applied through PlanDialog.
#pragma once

#include "views/plandialog.h"

#include "kubeclient/rbac/resourcecatalog.h"
#include "kubeclient/tenancy/graph/graphsnapshot.h"
#include "kubeclient/tenancy/plan/objectfactory.h"

#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTreeView;
class RoleEditorChecks;
class RoleRulesModel;
class RoleTemplateModel;
class RuleEditorWidget;
class RuleTableModel;

class RoleEditorDialog final : public PlanDialog
{
    Q_OBJECT
public:
    enum class Mode { New, Edit, Clone };
    enum Tab { RulesTab, TemplatesTab, YamlTab, EffectiveTab };

    // scope: the workspace (Workspace level) or namespace (Project level), else empty.
    // roleName: the role to edit or clone (ignored for New). catalog: discovery's resources for
    // completion (PermissionSource::Snapshot::kubernetesCatalog, say); null: built on a worker
    // from the session's discovery. Nothing in here reads the server: the dialog opens at once.
    RoleEditorDialog(PlanRunner *runner, const kube::tenancy::GraphSnapshot &snapshot, Mode mode,
                     kube::tenancy::RoleSpec::Level level, const QString &scope, const QString &roleName = {},
                     std::shared_ptr<const kube::rbac::ResourceCatalog> catalog = nullptr, QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }
    kube::tenancy::RoleSpec::Level level() const { return m_level; }
    // The form as the engine's spec; nullopt with *problem set (naming the rule and field)
    // when something is invalid. A YAML tab with unparsed edits is parsed first.
    std::optional<kube::tenancy::RoleSpec> spec(QString *problem);

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *aliasEdit() const { return m_alias; }
    QLineEdit *descriptionEdit() const { return m_description; }
    QTabWidget *tabs() const { return m_tabs; }
    QTableView *rulesView() const { return m_rulesView; }
    RoleRulesModel *rulesModel() const { return m_rules; }
    RuleEditorWidget *ruleEditor() const { return m_ruleEditor; }
    QPushButton *addRuleButton() const { return m_addRule; }
    QPushButton *duplicateRuleButton() const { return m_duplicateRule; }
    QPushButton *removeRuleButton() const { return m_removeRule; }
    QTreeView *templatesView() const { return m_templatesView; }
    RoleTemplateModel *templateModel() const { return m_templates; }
    QLabel *templateDetails() const { return m_templateDetails; }
    QPlainTextEdit *yamlEdit() const { return m_yaml; }
    QLabel *yamlStatus() const { return m_yamlStatus; }
    QTableView *effectiveView() const { return m_effectiveView; }
    QLabel *effectiveNote() const { return m_effectiveNote; }
    // The escalation warning (hidden when nothing would be refused).
    QLabel *escalationLabel() const { return m_escalation; }
    RoleEditorChecks *checks() const { return m_checks; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    // The form as it stands, unchecked (spec() validates it; the live checks take it as is).
    kube::tenancy::RoleSpec formSpec() const;
    void selectRule(int row);
    void onRuleEdited(const nlohmann::json &rule);
    void onTabChanged(int index);
    // Parses the YAML tab into the rules table; false (and the error shown) when it does not parse.
    bool takeYaml(QString *problem);
    void refreshYaml();
    void scheduleChecks();
    void showChecks();
    void showTemplateDetails(const QModelIndex &index);

    Mode m_mode;
    kube::tenancy::RoleSpec::Level m_level;
    QString m_scope;
    nlohmann::json m_base;            // the edited / cloned object, as the graph holds it
    std::string m_resourceVersion;    // Edit: what the form was filled from
    bool m_aggregated = false;        // a ClusterRole with an aggregationRule
    bool m_yamlDirty = false;
    bool m_settingYaml = false;
    bool m_opened = false;
    int m_currentRule = -1;
    std::shared_ptr<const kube::rbac::ResourceCatalog> m_givenCatalog;

    QLineEdit *m_name;
    QLineEdit *m_alias;
    QLineEdit *m_description;
    QLabel *m_escalation;
    QTabWidget *m_tabs;
    RoleRulesModel *m_rules;
    QTableView *m_rulesView;
    RuleEditorWidget *m_ruleEditor;
    QPushButton *m_addRule;
    QPushButton *m_duplicateRule;
    QPushButton *m_removeRule;
    RoleTemplateModel *m_templates;
    QTreeView *m_templatesView;
    QLabel *m_templateDetails;
    QLabel *m_templateNote;
    QPlainTextEdit *m_yaml;
    QLabel *m_yamlStatus;
    RuleTableModel *m_effective;
    QTableView *m_effectiveView;
    QLabel *m_effectiveNote;
    RoleEditorChecks *m_checks;
};
