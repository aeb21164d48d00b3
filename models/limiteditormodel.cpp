// LimitEditorModel: the same shape as QuotaEditorModel with four figures per row; switching the
// type re-checks every row (a Pod item refuses defaults the Container item allowed).
#include "models/limiteditormodel.h"

#include <QBrush>
#include <QColor>

using kube::tenancy::EntryProblem;
using kube::tenancy::LimitEntry;
using kube::tenancy::QuotaRules;

namespace {
bool blank(const LimitEntry &e)
{
    return e.resource.empty() && e.defaultLimit.empty() && e.defaultRequest.empty() && e.min.empty() && e.max.empty();
}
} // namespace

LimitEditorModel::LimitEditorModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

std::string LimitEntry::*LimitEditorModel::member(int column)
{
    switch (column) {
    case DefaultColumn: return &LimitEntry::defaultLimit;
    case DefaultRequestColumn: return &LimitEntry::defaultRequest;
    case MinColumn: return &LimitEntry::min;
    case MaxColumn: return &LimitEntry::max;
    }
    return &LimitEntry::resource;
}

int LimitEditorModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int LimitEditorModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

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

QVariant LimitEditorModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const LimitEntry &e = m_rows[size_t(index.row())];
    QString problem;
    for (const EntryProblem &p : m_problems)
        if (p.row == size_t(index.row())) {
            problem = QString::fromStdString(p.message);
            break;
        }
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole: return QString::fromStdString(e.*member(index.column()));
    case ProblemRole:
    case Qt::ToolTipRole: return problem;
    case Qt::ForegroundRole:
        if (!problem.isEmpty())
            return QBrush(QColor(0xc6, 0x28, 0x28));
        return {};
    }
    return {};
}

bool LimitEditorModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || index.row() >= rowCount())
        return false;
    std::string &cell = m_rows[size_t(index.row())].*member(index.column());
    const std::string text = value.toString().toStdString();
    if (cell == text)
        return true;
    cell = text;
    emit dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole});
    recheck();
    return true;
}

bool LimitEditorModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > rowCount())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_rows.erase(m_rows.begin() + row, m_rows.begin() + row + count);
    endRemoveRows();
    recheck();
    return true;
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

void LimitEditorModel::setEntries(const std::vector<LimitEntry> &entries)
{
    beginResetModel();
    m_rows = entries;
    endResetModel();
    recheck();
}

int LimitEditorModel::addRow(const QString &resource)
{
    const int row = rowCount();
    beginInsertRows({}, row, row);
    LimitEntry e;
    e.resource = resource.toStdString();
    m_rows.push_back(e);
    endInsertRows();
    recheck();
    return row;
}

std::vector<LimitEntry> LimitEditorModel::entries() const
{
    std::vector<LimitEntry> out;
    for (const auto &e : m_rows)
        if (!blank(e))
            out.push_back(e);
    return out;
}

QString LimitEditorModel::firstProblem() const
{
    if (m_problems.empty())
        return {};
    return tr("row %1: %2").arg(m_problems.front().row + 1).arg(QString::fromStdString(m_problems.front().message));
}

QStringList LimitEditorModel::commonResources()
{
    QStringList out;
    for (const auto &r : QuotaRules::commonLimitResources())
        out << QString::fromStdString(r);
    return out;
}

void LimitEditorModel::recheck()
{
    std::vector<LimitEntry> rows;
    std::vector<size_t> at;
    for (size_t i = 0; i < m_rows.size(); ++i)
        if (!blank(m_rows[i])) {
            rows.push_back(m_rows[i]);
            at.push_back(i);
        }
    auto problems = QuotaRules::checkLimits(m_type.toStdString(), rows);
    for (auto &p : problems)
        p.row = p.row < at.size() ? at[p.row] : 0;
    const bool changed = problems.size() != m_problems.size()
        || !std::equal(problems.begin(), problems.end(), m_problems.begin(),
                       [](const EntryProblem &a, const EntryProblem &b) { return a.row == b.row && a.message == b.message; });
    m_problems = std::move(problems);
    if (changed && rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::ToolTipRole, Qt::ForegroundRole, ProblemRole});
    emit problemsChanged();
}
