// The right side of the main window: what the selected node is, in tabs as they apply
// (Overview, Members, Access, Roles, Quotas, Network, YAML). Read-only; updated in place
// from each new snapshot, so table selections and scroll positions survive live changes.
#pragma once

#include "models/nodedetails.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QAction;
class QTableView;
class QSortFilterProxyModel;
class BindingTableModel;
class MemberTableModel;
class NetworkPolicyTableModel;
class PropertyTableModel;
class QuotaTableModel;
class RoleTableModel;
class RuleTableModel;
class DashboardWidget;
class PermissionWorkbenchWidget;

class DetailPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit DetailPanel(QWidget *parent = nullptr);

    void setDetails(const NodeDetails &details);
    void clear();

    QTabWidget *tabs() const { return m_tabs; }
    // For tests and screenshots: the tab showing this part (always created).
    QWidget *tab(NodeDetails::Tab which) const;
    bool showTab(NodeDetails::Tab which);
    NodeDetails::Tab currentTab() const;

    MemberTableModel *memberModel() const { return m_members; }
    BindingTableModel *bindingModel() const { return m_bindings; }
    RoleTableModel *roleModel() const { return m_roles; }
    RuleTableModel *ruleModel() const { return m_rules; }
    QuotaTableModel *quotaModel() const { return m_quotas; }
    NetworkPolicyTableModel *policyModel() const { return m_policies; }
    PropertyTableModel *labelModel() const { return m_labels; }
    PropertyTableModel *annotationModel() const { return m_annotations; }
    // The Permissions tab; its data source and presets come from the window.
    PermissionWorkbenchWidget *permissions() const { return m_permissions; }
    DashboardWidget *dashboard() const { return m_dashboard; }
    QString yamlText() const;
    QString overviewValue(const QString &label) const;

    // The editors' actions (the window's), as a bar above the Members / Roles table and as
    // the table's context menu.
    void setMemberActions(const QList<QAction *> &actions);
    void setRoleActions(const QList<QAction *> &actions);
    // The quota editors' actions (Edit quota…, Container defaults…, Remove quota), as a bar
    // above the Quotas table and as its context menu.
    void setQuotaActions(const QList<QAction *> &actions);
    QTableView *quotaView() const { return m_quotaView; }
    // The Quotas tab's notes and warnings (usage source, enforcement, budget) under the table.
    QString quotaNotesText() const;
    QTableView *memberView() const { return m_memberView; }
    QTableView *roleView() const { return m_roleView; }
    // User members selected in the Members tab (several rows may be selected); the selected role.
    QStringList selectedMembers() const;
    QString selectedRole() const;
    // Selects the members / the role by name (tests, and after a dialog closes).
    void selectMembers(const QStringList &users);
    void selectRole(const QString &name);

    // --- Network tab: the isolation switch (a check box following `action`: checked, enabled,
    // tool tip; clicking triggers it) and the policy editor's actions (bar + context menu). ---
    void setIsolationAction(QAction *action);
    void setNetworkActions(const QList<QAction *> &actions);
    QTableView *policyView() const { return m_policyView; }
    // The user NetworkPolicy selected in the Network tab ("" for none or a generated one).
    QString selectedPolicy() const;
    void selectPolicy(const QString &name);

signals:
    void currentTabChanged();
    void selectionChanged();
    // Enter or a double-click on a role: the window opens its editor.
    void roleActivated(const QString &name);
    // Enter or a double-click on an editable policy; the Delete key on one.
    void policyActivated(const QString &name);
    void policyDeleteRequested(const QString &name);

private:
    QWidget *makeOverview();
    QWidget *makeMembers();
    QWidget *makeBindings();
    QWidget *makeRoles();
    QWidget *makeQuotas();
    QWidget *makeNetwork();
    QWidget *makeYaml();
    // `name`: what a screen reader calls the table (issue 17).
    QTableView *makeTable(QAbstractItemModel *model, int stretchColumn, const QString &name);
    void setOverview(const QList<QPair<QString, QString>> &fields);
    void updateRules();

    QLabel *m_title;
    QTabWidget *m_tabs;
    QList<QPair<NodeDetails::Tab, QWidget *>> m_pages;

    QFormLayout *m_form = nullptr;
    QWidget *m_metadata = nullptr;
    QList<QPair<QLabel *, QLabel *>> m_formRows;
    PropertyTableModel *m_labels;
    PropertyTableModel *m_annotations;
    QLabel *m_membersTitle = nullptr;
    MemberTableModel *m_members;
    QTableView *m_memberView = nullptr;
    QWidget *m_memberBar = nullptr;
    QWidget *m_roleBar = nullptr;
    BindingTableModel *m_bindings;
    QLabel *m_rolesTitle = nullptr;
    RoleTableModel *m_roles;
    QTableView *m_roleView = nullptr;
    QSortFilterProxyModel *m_roleProxy = nullptr;
    RuleTableModel *m_rules;
    QLabel *m_templates = nullptr;
    QuotaTableModel *m_quotas;
    QLabel *m_containerDefaults = nullptr;
    QWidget *m_quotaBar = nullptr;
    QTableView *m_quotaView = nullptr;
    QLabel *m_quotaNotes = nullptr;
    QLabel *m_isolation = nullptr;
    NetworkPolicyTableModel *m_policies;
    QTableView *m_policyView = nullptr;
    QWidget *m_networkBar = nullptr;
    class QCheckBox *m_isolationSwitch = nullptr;
    QLabel *m_isolationExplanation = nullptr;
    QPlainTextEdit *m_yaml = nullptr;
    PermissionWorkbenchWidget *m_permissions = nullptr;
    DashboardWidget *m_dashboard = nullptr;
    QString m_shownKey;  // kind/name of the node shown, to know when a new node replaces it
};
