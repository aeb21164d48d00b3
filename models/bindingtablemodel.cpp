// BindingTableModel: columns of a user's binding row, raw values for sorting.
// Missing roles are shown in red: the binding grants nothing until the role exists.
#include "models/bindingtablemodel.h"

#include "models/timeformat.h"

#include "models/themecolors.h"

#include <QColor>

BindingTableModel::BindingTableModel(QObject *parent)
    : RowTableModel(parent)
{
}

int BindingTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant BindingTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case LevelColumn: return tr("Level");
    case ScopeColumn: return tr("Scope");
    case RoleColumn: return tr("Role");
    case ViaColumn: return tr("Granted");
    case SinceColumn: return tr("Since");
    case BindingColumn: return tr("Binding");
    }
    return {};
}

QVariant BindingTableModel::cell(const BindingRow &row, int column, int role) const
{
    if (role == Qt::DisplayRole || role == RawRole) {
        switch (column) {
        case LevelColumn: return row.level;
        case ScopeColumn: return row.scope;
        case RoleColumn: return row.role;
        case ViaColumn: return row.via.isEmpty() ? tr("directly") : row.via;
        case SinceColumn: return role == RawRole ? row.since : TimeFormat::display(row.since);
        case BindingColumn: return row.binding;
        }
    } else if (role == Qt::ForegroundRole && column == RoleColumn && row.roleMissing) {
        return ThemeColors::text(ThemeColors::Tone::Error);
    }
    return {};
}
