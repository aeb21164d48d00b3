// The table under the quota and container-defaults editors: rows of text cells as typed, checked
// as a whole by an engine rule on every edit, each problem shown on its row (tooltip, colour,
// ProblemRole). Rows left wholly empty are not rows yet: they are neither checked nor returned.
// The subclass names its columns (cell) and its rule (check); nothing here knows the rules.
#pragma once

#include "kubeclient/tenancy/plan/quotarules.h"

#include <QAbstractTableModel>

#include <string>
#include <vector>

class CheckedRowsBase : public QAbstractTableModel
{
    Q_OBJECT
public:
    // The row's problem text ("" when the row is fine), for tooltips and tests.
    static constexpr int ProblemRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;

    const std::vector<kube::tenancy::EntryProblem> &problems() const { return m_problems; }
    // "row 2: hard[limits.cpu]: "lots" is not a quantity", or "" when every row is fine.
    QString firstProblem() const;

signals:
    void problemsChanged();

protected:
    QString problemOf(int row) const;
    // The roles of a cell that show its row's problem; an invalid QVariant for other roles.
    QVariant problemData(int row, int role) const;
    // Takes the rule's problems (row indexes already the table's) and repaints what changed.
    void publishProblems(std::vector<kube::tenancy::EntryProblem> problems);

private:
    std::vector<kube::tenancy::EntryProblem> m_problems;
};

template <typename Entry>
class CheckedRowsModel : public CheckedRowsBase
{
public:
    using CheckedRowsBase::CheckedRowsBase;

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override
    {
        if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
            return {};
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return QString::fromStdString(cellText(m_rows[size_t(index.row())], index.column()));
        return problemData(index.row(), role);
    }

    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override
    {
        if (!index.isValid() || role != Qt::EditRole || index.row() >= rowCount())
            return false;
        std::string &text = cell(m_rows[size_t(index.row())], index.column());
        const std::string typed = value.toString().toStdString();
        if (text == typed)
            return true;
        text = typed;
        emit dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole});
        recheck();
        return true;
    }

    bool removeRows(int row, int count, const QModelIndex &parent = {}) override
    {
        if (parent.isValid() || row < 0 || count <= 0 || row + count > rowCount())
            return false;
        beginRemoveRows({}, row, row + count - 1);
        m_rows.erase(m_rows.begin() + row, m_rows.begin() + row + count);
        endRemoveRows();
        recheck();
        return true;
    }

    void setEntries(const std::vector<Entry> &entries)
    {
        beginResetModel();
        m_rows = entries;
        endResetModel();
        recheck();
    }

    // Rows with every cell empty are left out (a row added and not used).
    std::vector<Entry> entries() const
    {
        std::vector<Entry> out;
        for (const Entry &e : m_rows)
            if (!blank(e))
                out.push_back(e);
        return out;
    }

protected:
    virtual std::string &cell(Entry &entry, int column) const = 0;
    virtual std::vector<kube::tenancy::EntryProblem> check(const std::vector<Entry> &rows) const = 0;

    const std::string &cellText(const Entry &entry, int column) const { return cell(const_cast<Entry &>(entry), column); }

    int appendEntry(Entry entry)
    {
        const int row = rowCount();
        beginInsertRows({}, row, row);
        m_rows.push_back(std::move(entry));
        endInsertRows();
        recheck();
        return row;
    }

    // Checks the non-blank rows, then maps each problem back to its row in the table.
    void recheck()
    {
        std::vector<Entry> rows;
        std::vector<size_t> at;
        for (size_t i = 0; i < m_rows.size(); ++i)
            if (!blank(m_rows[i])) {
                rows.push_back(m_rows[i]);
                at.push_back(i);
            }
        auto problems = check(rows);
        for (auto &p : problems)
            p.row = p.row < at.size() ? at[p.row] : 0;
        publishProblems(std::move(problems));
    }

private:
    bool blank(const Entry &e) const
    {
        for (int c = 0; c < columnCount(); ++c)
            if (!cellText(e, c).empty())
                return false;
        return true;
    }

    std::vector<Entry> m_rows;
};
