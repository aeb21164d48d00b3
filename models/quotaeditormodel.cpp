// QuotaEditorModel: rows left wholly empty are ignored (not an error), so "Add row" then Apply
// does not fail; any other row is checked as the planner will check it.
#include "models/quotaeditormodel.h"

#include <QBrush>
#include <QColor>

using kube::tenancy::EntryProblem;
using kube::tenancy::QuotaEntry;
using kube::tenancy::QuotaRules;

namespace {
bool blank(const QuotaEntry &e) { return e.key.empty() && e.quantity.empty(); }
} // namespace

QuotaEditorModel::QuotaEditorModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int QuotaEditorModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
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

QVariant QuotaEditorModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const QuotaEntry &e = m_rows[size_t(index.row())];
    QString problem;
    for (const EntryProblem &p : m_problems)
        if (p.row == size_t(index.row())) {
            problem = QString::fromStdString(p.message);
            break;
        }
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole: return QString::fromStdString(index.column() == KeyColumn ? e.key : e.quantity);
    case ProblemRole:
    case Qt::ToolTipRole: return problem;
    case Qt::ForegroundRole:
        if (!problem.isEmpty())
            return QBrush(QColor(0xc6, 0x28, 0x28));
        return {};
    }
    return {};
}

bool QuotaEditorModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || index.row() >= rowCount())
        return false;
    QuotaEntry &e = m_rows[size_t(index.row())];
    std::string &cell = index.column() == KeyColumn ? e.key : e.quantity;
    const std::string text = value.toString().toStdString();
    if (cell == text)
        return true;
    cell = text;
    emit dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole});
    recheck();
    return true;
}

bool QuotaEditorModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > rowCount())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_rows.erase(m_rows.begin() + row, m_rows.begin() + row + count);
    endRemoveRows();
    recheck();
    return true;
}

void QuotaEditorModel::setEntries(const std::vector<QuotaEntry> &entries)
{
    beginResetModel();
    m_rows = entries;
    endResetModel();
    recheck();
}

int QuotaEditorModel::addRow(const QString &key, const QString &quantity)
{
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_rows.push_back({key.toStdString(), quantity.toStdString()});
    endInsertRows();
    recheck();
    return row;
}

std::vector<QuotaEntry> QuotaEditorModel::entries() const
{
    std::vector<QuotaEntry> out;
    for (const auto &e : m_rows)
        if (!blank(e))
            out.push_back(e);
    return out;
}

QString QuotaEditorModel::firstProblem() const
{
    if (m_problems.empty())
        return {};
    return tr("row %1: %2").arg(m_problems.front().row + 1).arg(QString::fromStdString(m_problems.front().message));
}

QStringList QuotaEditorModel::commonResources()
{
    QStringList out;
    for (const auto &r : QuotaRules::commonQuotaResources())
        out << QString::fromStdString(r);
    return out;
}

void QuotaEditorModel::recheck()
{
    // Check the non-blank rows, then map each problem back to its row in the table.
    std::vector<QuotaEntry> rows;
    std::vector<size_t> at;
    for (size_t i = 0; i < m_rows.size(); ++i)
        if (!blank(m_rows[i])) {
            rows.push_back(m_rows[i]);
            at.push_back(i);
        }
    auto problems = QuotaRules::checkQuota(rows);
    for (auto &p : problems)
        p.row = at[p.row];
    const bool changed = problems.size() != m_problems.size()
        || !std::equal(problems.begin(), problems.end(), m_problems.begin(),
                       [](const EntryProblem &a, const EntryProblem &b) { return a.row == b.row && a.message == b.message; });
    m_problems = std::move(problems);
    if (changed && rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::ToolTipRole, Qt::ForegroundRole, ProblemRole});
    emit problemsChanged();
}
