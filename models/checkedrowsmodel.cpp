// CheckedRowsBase: a problem is painted on every cell of its row; the view is told only when the
// set of problems changed, so typing in a fine row repaints nothing.
#include "models/checkedrowsmodel.h"

#include <QBrush>
#include "models/themecolors.h"

#include <QColor>

#include <algorithm>

using kube::tenancy::EntryProblem;

QString CheckedRowsBase::firstProblem() const
{
    if (m_problems.empty())
        return {};
    return tr("row %1: %2").arg(m_problems.front().row + 1).arg(QString::fromStdString(m_problems.front().message));
}

QString CheckedRowsBase::problemOf(int row) const
{
    for (const EntryProblem &p : m_problems)
        if (p.row == size_t(row))
            return QString::fromStdString(p.message);
    return {};
}

QVariant CheckedRowsBase::problemData(int row, int role) const
{
    switch (role) {
    case ProblemRole:
    case Qt::ToolTipRole: return problemOf(row);
    case Qt::ForegroundRole: {
        if (problemOf(row).isEmpty())
            return {};
        return QBrush(ThemeColors::text(ThemeColors::Tone::Error));
    }
    }
    return {};
}

void CheckedRowsBase::publishProblems(std::vector<EntryProblem> problems)
{
    const bool changed = problems.size() != m_problems.size()
        || !std::equal(problems.begin(), problems.end(), m_problems.begin(),
                       [](const EntryProblem &a, const EntryProblem &b) { return a.row == b.row && a.message == b.message; });
    m_problems = std::move(problems);
    if (changed && rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {Qt::ToolTipRole, Qt::ForegroundRole, ProblemRole});
    emit problemsChanged();
}
