// The role templates a role of one level can be composed from, grouped by category, each with
// a check box. Checking a template checks the templates it depends on (the console's
// iam.kubesphere.io/dependencies auto-selection, closure computed in kubeclient); templates a
// role names that are not offered stay selected, so nothing of the role is lost.
#pragma once

#include "kubeclient/tenancy/graph/graphrecords.h"

#include <QAbstractItemModel>
#include <QStringList>

#include <map>
#include <string>
#include <vector>

class RoleTemplateModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, DescriptionColumn, ColumnCount };
    // The template's object name on template rows (QString); empty on category rows.
    static constexpr int TemplateNameRole = Qt::UserRole + 1;

    explicit RoleTemplateModel(QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Resets the model: hidden templates are left out unless selected or basic (KubeSphere's console
    // hides its basic templates too, but adds them to every role it creates; here they are offered).
    void setTemplates(std::vector<kube::tenancy::RoleTemplateInfo> templates, const std::vector<std::string> &selected);
    // Selected template names: in the order chosen, dependencies after what pulled them in.
    std::vector<std::string> selected() const { return m_selected; }
    const kube::tenancy::RoleTemplateInfo *templateAt(const QModelIndex &index) const;
    QModelIndex indexOfTemplate(const QString &name) const;
    // Checks or unchecks one template (the click); checking adds its dependencies.
    void setSelected(const QString &name, bool on);
    // Why a template is selected when it was not chosen: "needed by X". Empty otherwise.
    QString requiredBy(const QString &name) const;
    // Names the selection lists that no offered template has.
    QStringList unknownSelected() const;

signals:
    void selectionChanged();
    // `added` were checked because `chosen` depends on them.
    void dependenciesAdded(const QString &chosen, const QStringList &added);

private:
    struct Category {
        QString name;
        std::vector<int> templates;  // indexes into m_templates
    };
    bool isSelected(const std::string &name) const;
    void emitCheckChanged(const std::string &name);

    std::vector<kube::tenancy::RoleTemplateInfo> m_templates;
    std::vector<Category> m_categories;
    std::vector<std::string> m_selected;
    std::map<std::string, std::string> m_requiredBy;
};
