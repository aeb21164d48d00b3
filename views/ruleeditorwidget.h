// The editor of one PolicyRule: verbs as check boxes (every verb RBAC knows, "*" as itself) plus
// free-text custom verbs, API groups and resources completed from discovery (subresources such
// as pods/exec offered), resource names, and non-resource URLs where the role's level allows
// them. Passive: it shows a rule and emits the rule the fields now describe.
#pragma once

#include "kubeclient/rbac/resourcecatalog.h"

#include <QWidget>

#include <nlohmann/json.hpp>

#include <map>
#include <memory>

class QCheckBox;
class QCompleter;
class QLabel;
class QLineEdit;
class QRadioButton;
class QStringListModel;

class RuleEditorWidget final : public QWidget
{
    Q_OBJECT
public:
    // The verbs offered as check boxes, in this order.
    static const QStringList &knownVerbs();

    explicit RuleEditorWidget(bool nonResourceAllowed, QWidget *parent = nullptr);

    // Shows `rule`; editable false greys the fields out with `why` (a rule the form cannot keep,
    // or an aggregated role's). Emits nothing.
    void setRule(const nlohmann::json &rule, bool editable, const QString &why = {});
    void clearRule(const QString &why);
    // The rule the fields describe (lists only for fields that hold something).
    nlohmann::json rule() const;
    // Completion from discovery: groups and resources (with subresources).
    void setCatalog(std::shared_ptr<const kube::rbac::ResourceCatalog> catalog);

    QCheckBox *verbBox(const QString &verb) const;
    QLineEdit *customVerbsEdit() const { return m_customVerbs; }
    QLineEdit *apiGroupsEdit() const { return m_groups; }
    QLineEdit *resourcesEdit() const { return m_resources; }
    QLineEdit *resourceNamesEdit() const { return m_names; }
    QLineEdit *urlsEdit() const { return m_urls; }
    QRadioButton *resourceKindButton() const { return m_resourceKind; }
    QRadioButton *urlKindButton() const { return m_urlKind; }
    QCompleter *resourceCompleter() const { return m_resourceCompleter; }

signals:
    void ruleEdited(const nlohmann::json &rule);

private:
    void onEdited();
    void updateKind();
    void updateResourceCompletion();

    bool m_nonResourceAllowed;
    bool m_loading = false;
    std::map<QString, QCheckBox *> m_verbs;
    QLineEdit *m_customVerbs;
    QLineEdit *m_groups;
    QLineEdit *m_resources;
    QLineEdit *m_names;
    QLineEdit *m_urls;
    QRadioButton *m_resourceKind;
    QRadioButton *m_urlKind;
    QLabel *m_note;
    QWidget *m_fields;
    QWidget *m_resourceRows;
    QWidget *m_urlRow;
    QStringListModel *m_groupList;
    QStringListModel *m_resourceList;
    QCompleter *m_groupCompleter;
    QCompleter *m_resourceCompleter;
    std::shared_ptr<const kube::rbac::ResourceCatalog> m_catalog;
};
