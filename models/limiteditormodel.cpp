// LimitEditorModel: the same shape as QuotaEditorModel with four figures per row; switching the
// type re-checks every row (a Pod item refuses defaults the Container item allowed).
#include "models/limiteditormodel.h"

using kube::tenancy::EntryProblem;
using kube::tenancy::LimitEntry;
using kube::tenancy::QuotaRules;

LimitEditorModel::LimitEditorModel(QObject *parent)
    : CheckedRowsModel(parent)
{
}

int LimitEditorModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

std::string &LimitEditorModel::cell(LimitEntry &entry, int column) const
{
    switch (column) {
    case DefaultColumn: return entry.defaultLimit;
    case DefaultRequestColumn: return entry.defaultRequest;
    case MinColumn: return entry.min;
    case MaxColumn: return entry.max;
    }
    return entry.resource;
}

std::vector<EntryProblem> LimitEditorModel::check(const std::vector<LimitEntry> &rows) const
{
    return QuotaRules::checkLimits(m_type.toStdString(), rows);
}

int LimitEditorModel::addRow(const QString &resource)
{
    LimitEntry e;
    e.resource = resource.toStdString();
    return appendEntry(std::move(e));
}

QVariant LimitEditorModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case ResourceColumn: return tr("Resource");
    case DefaultColumn: return tr("Default limit");
    case DefaultRequestColumn: return tr("Default request");
    case MinColumn: return tr("Min");
    case MaxColumn: return tr("Max");
    }
    return {};
}

Qt::ItemFlags LimitEditorModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    const bool podDefault = m_type == QLatin1String("Pod") && (index.column() == DefaultColumn || index.column() == DefaultRequestColumn);
    // A Pod item's defaults stay editable while they hold a value, so the user can clear it.
    if (podDefault && data(index, Qt::EditRole).toString().isEmpty())
        return Qt::ItemIsSelectable;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

void LimitEditorModel::setType(const QString &type)
{
    if (type == m_type)
        return;
    m_type = type;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    recheck();
}

QStringList LimitEditorModel::commonResources()
{
    QStringList out;
    for (const auto &r : QuotaRules::commonLimitResources())
        out << QString::fromStdString(r);
    return out;
}
