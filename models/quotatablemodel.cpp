// QuotaTableModel: quantities stay as the server wrote them; only the ratio is computed
// (through kube::Quantity, so "500m" of "2" is 25 %).
#include "models/quotatablemodel.h"

#include "kubeclient/core/quantity.h"

QuotaTableModel::QuotaTableModel(QObject *parent)
    : RowTableModel(parent)
{
}

int QuotaTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant QuotaTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SourceColumn: return tr("Quota");
    case ResourceColumn: return tr("Resource");
    case UsedColumn: return tr("Used");
    case HardColumn: return tr("Hard");
    case UsageColumn: return tr("Usage");
    }
    return {};
}

double QuotaTableModel::ratioOf(const std::string &used, const std::string &hard)
{
    if (used.empty() || hard.empty())
        return -1;
    auto u = kube::Quantity::parse(used);
    auto h = kube::Quantity::parse(hard);
    if (!u || !h)
        return -1;
    const double hv = h->asApproximateFloat();
    if (hv <= 0)
        return -1;
    return u->asApproximateFloat() / hv;
}

QVariant QuotaTableModel::cell(const QuotaRow &row, int column, int role) const
{
    if (role == Qt::DisplayRole || role == RawRole) {
        switch (column) {
        case SourceColumn: return row.source;
        case ResourceColumn: return row.resource;
        case UsedColumn: return row.used.isEmpty() ? QStringLiteral("–") : row.used;
        case HardColumn: return row.hard;
        case UsageColumn:
            if (row.ratio < 0)
                return role == RawRole ? QVariant(-1.0) : QVariant(QString());
            return role == RawRole ? QVariant(row.ratio) : QVariant(QStringLiteral("%1 %").arg(qRound(row.ratio * 100)));
        }
    } else if (role == RatioRole) {
        return row.ratio;
    } else if (role == Qt::TextAlignmentRole && (column == UsedColumn || column == HardColumn)) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}
