// PropertyTableModel: two columns; long values (last-applied-configuration) are elided by
// the view and shown whole in the tooltip.
#include "models/propertytablemodel.h"

PropertyTableModel::PropertyTableModel(QObject *parent)
    : RowTableModel(parent)
{
}

int PropertyTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant PropertyTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == KeyColumn ? tr("Key") : tr("Value");
}

QVariant PropertyTableModel::cell(const PropertyRow &row, int column, int role) const
{
    if (role == Qt::DisplayRole || role == RawRole)
        return column == KeyColumn ? row.name : row.value;
    if (role == Qt::ToolTipRole && column == ValueColumn && row.value.size() > 60)
        return row.value.left(2000);
    return {};
}
