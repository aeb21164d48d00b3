// QuotaEditorModel: rows left wholly empty are ignored (not an error), so "Add row" then Apply
// does not fail; any other row is checked as the planner will check it.
#include "models/quotaeditormodel.h"

using kube::tenancy::EntryProblem;
using kube::tenancy::QuotaEntry;
using kube::tenancy::QuotaRules;

QuotaEditorModel::QuotaEditorModel(QObject *parent)
    : CheckedRowsModel(parent)
{
}

int QuotaEditorModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant QuotaEditorModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    return section == KeyColumn ? tr("Resource") : section == QuantityColumn ? tr("Hard limit") : QVariant();
}

Qt::ItemFlags QuotaEditorModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

std::string &QuotaEditorModel::cell(QuotaEntry &entry, int column) const
{
    return column == KeyColumn ? entry.key : entry.quantity;
}

std::vector<EntryProblem> QuotaEditorModel::check(const std::vector<QuotaEntry> &rows) const
{
    return QuotaRules::checkQuota(rows);
}

int QuotaEditorModel::addRow(const QString &key, const QString &quantity)
{
    return appendEntry({key.toStdString(), quantity.toStdString()});
}

QStringList QuotaEditorModel::commonResources()
{
    QStringList out;
    for (const auto &r : QuotaRules::commonQuotaResources())
        out << QString::fromStdString(r);
    return out;
}
