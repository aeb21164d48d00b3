// Roles of one level and scope (platform, cluster, a workspace, a project): name, alias,
// built-in or custom, how many rules and bindings, the templates it is composed from.
#pragma once

#include "models/rowtablemodel.h"

#include <QString>
#include <QStringList>

struct RoleRow {
    QString name;
    QString alias;
    QString description;
    bool builtIn = false;
    int rules = 0;
    int bindings = 0;
    QStringList templates;        // names, "?" suffix when missing
    QString rulesJson;            // the role's rules (JSON array text) for the rule table
    QString created;

    QString key() const { return name; }
    bool operator==(const RoleRow &other) const = default;
};

class RoleTableModel final : public RowTableModel<RoleRow>
{
    Q_OBJECT
public:
    enum Column { NameColumn, AliasColumn, TypeColumn, RulesColumn, BindingsColumn, TemplatesColumn, ColumnCount };

    explicit RoleTableModel(QObject *parent = nullptr);
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QVariant cell(const RoleRow &row, int column, int role) const override;
};
