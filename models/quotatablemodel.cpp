// QuotaTableModel: quantities stay as the server wrote them; only the ratio is computed
// (through kube::Quantity, so "500m" of "2" is 25 %).
#include "models/quotatablemodel.h"

#include "kubeclient/core/quantity.h"

#include <QBrush>
#include "models/themecolors.h"

#include <QColor>

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
    case ProjectsUsedColumn: return tr("Projects used");
    case ProjectsHardColumn: return tr("Projects hard");
    case AllottedColumn: return tr("Allotted to projects");
    case FlagsColumn: return tr("Flags");
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

bool QuotaTableModel::hasProjectSums() const
{
    for (int r = 0; r < rowCount(); ++r)
        if (const QuotaRow *q = rowAt(r); q && !q->projectsHard.isEmpty())
            return true;
    return false;
}

namespace {
QString flagsText(const QuotaRow &row)
{
    QStringList flags;
    if (row.overUsed)
        flags << QuotaTableModel::tr("over-used");
    if (row.overBudget)
        flags << QuotaTableModel::tr("over budget");
    return flags.join(QStringLiteral(", "));
}
} // namespace

QVariant QuotaTableModel::cell(const QuotaRow &row, int column, int role) const
{
    if (column >= ProjectsUsedColumn) {
        if (role == Qt::DisplayRole || role == RawRole) {
            switch (column) {
            case ProjectsUsedColumn: return row.projectsUsed;
            case ProjectsHardColumn: return row.projectsHard;
            case AllottedColumn:
                if (row.allotted < 0)
                    return role == RawRole ? QVariant(-1.0) : QVariant(QString());
                return role == RawRole ? QVariant(row.allotted) : QVariant(QStringLiteral("%1 %").arg(qRound(row.allotted * 100)));
            case FlagsColumn: return flagsText(row);
            }
        } else if (role == RatioRole && column == AllottedColumn) {
            return row.allotted;
        } else if (role == Qt::AccessibleTextRole && column == AllottedColumn && row.allotted >= 0) {
            // The bar in words (issue 17): a screen reader reads this, not the bar's colour.
            QString text = tr("%1% of %2 allotted to projects").arg(qRound(row.allotted * 100)).arg(row.resource);
            if (row.overBudget)
                text += tr(", over budget");
            return text;
        } else if (role == FlaggedRole) {
            return column == AllottedColumn ? row.overBudget : (row.overUsed || row.overBudget);
        } else if (role == Qt::ForegroundRole && column == FlagsColumn && (row.overUsed || row.overBudget)) {
            return QBrush(ThemeColors::text(ThemeColors::Tone::Error));
        } else if (role == Qt::ToolTipRole && column == FlagsColumn && !row.flagsTip.isEmpty()) {
            return row.flagsTip;
        } else if (role == Qt::TextAlignmentRole && (column == ProjectsUsedColumn || column == ProjectsHardColumn)) {
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    }
    if (role == FlaggedRole)
        return row.overUsed;
    if (role == Qt::ToolTipRole && row.overUsed && !row.flagsTip.isEmpty())
        return row.flagsTip;
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
    } else if (role == Qt::AccessibleTextRole && column == UsageColumn && row.ratio >= 0) {
        // The bar in words (issue 17), e.g. "62% of limits.cpu used (2500m of 4)".
        QString text = tr("%1% of %2 used (%3 of %4)")
                           .arg(qRound(row.ratio * 100))
                           .arg(row.resource, row.used.isEmpty() ? QStringLiteral("0") : row.used, row.hard);
        if (row.overUsed || row.ratio > 1.0)
            text += tr(", over-used");
        return text;
    } else if (role == Qt::TextAlignmentRole && (column == UsedColumn || column == HardColumn)) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}
