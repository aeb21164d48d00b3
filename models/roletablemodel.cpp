// RoleTableModel: columns of a role row. Counts are numbers in both display and raw roles,
// so a sort proxy orders them numerically.
#include "models/roletablemodel.h"

#include "models/nodeicons.h"

RoleTableModel::RoleTableModel(QObject *parent)
    : RowTableModel(parent)
{
}

int RoleTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RoleTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Role");
    case AliasColumn: return tr("Alias");
    case TypeColumn: return tr("Type");
    case RulesColumn: return tr("Rules");
    case BindingsColumn: return tr("Bindings");
    case TemplatesColumn: return tr("Templates");
    }
    return {};
}

QVariant RoleTableModel::cell(const RoleRow &row, int column, int role) const
{
    if (role == Qt::DisplayRole || role == RawRole) {
        switch (column) {
        case NameColumn: return row.name;
        case AliasColumn: return row.alias;
        case TypeColumn: return row.builtIn ? tr("built-in") : tr("custom");
        case RulesColumn: return row.rules;
        case BindingsColumn: return row.bindings;
        case TemplatesColumn: return row.templates.join(QStringLiteral(", "));
        }
    } else if (role == Qt::DecorationRole && column == NameColumn) {
        return NodeIcons::named(row.builtIn ? QStringLiteral("role-builtin") : QStringLiteral("role"));
    } else if (role == Qt::ToolTipRole) {
        return row.description.isEmpty() ? QVariant() : QVariant(row.description);
    } else if (role == Qt::TextAlignmentRole && (column == RulesColumn || column == BindingsColumn)) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}
