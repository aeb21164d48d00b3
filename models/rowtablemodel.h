// A table of value rows with a stable key each; setRows() merges a new list into the old one
// with range removes/inserts/changes, so selection survives live updates (no reset).
#pragma once

#include <QAbstractTableModel>

#include <algorithm>
#include <vector>

// Row needs: QString key() const; bool operator==(const Row &) const.
template <typename Row>
class RowTableModel : public QAbstractTableModel
{
public:
    // The raw value of a cell, for sorting and filtering (qBittorrent's UnderlyingDataRole).
    static constexpr int RawRole = Qt::UserRole + 100;

    explicit RowTableModel(QObject *parent = nullptr) : QAbstractTableModel(parent) {}

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return {};
        return cell(m_rows[static_cast<std::size_t>(index.row())], index.column(), role);
    }

    const std::vector<Row> &rows() const { return m_rows; }
    const Row *rowAt(int row) const
    {
        return row >= 0 && row < rowCount() ? &m_rows[static_cast<std::size_t>(row)] : nullptr;
    }
    int rowOfKey(const QString &key) const
    {
        for (std::size_t i = 0; i < m_rows.size(); ++i)
            if (m_rows[i].key() == key)
                return static_cast<int>(i);
        return -1;
    }

    // Sorted by key, then merged: removed keys go in runs, new keys come in runs, and rows
    // whose value changed get one dataChanged per run.
    void setRows(std::vector<Row> rows)
    {
        std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.key() < b.key(); });
        // Removals
        std::vector<int> gone;
        std::size_t j = 0;
        for (std::size_t r = 0; r < m_rows.size(); ++r) {
            while (j < rows.size() && rows[j].key() < m_rows[r].key())
                ++j;
            if (j >= rows.size() || rows[j].key() != m_rows[r].key())
                gone.push_back(static_cast<int>(r));
        }
        for (std::size_t k = gone.size(); k > 0;) {
            std::size_t last = k - 1, first = last;
            while (first > 0 && gone[first - 1] == gone[first] - 1)
                --first;
            beginRemoveRows({}, gone[first], gone[last]);
            m_rows.erase(m_rows.begin() + gone[first], m_rows.begin() + gone[last] + 1);
            endRemoveRows();
            k = first;
        }
        // Insertions
        std::size_t r = 0;
        j = 0;
        while (j < rows.size()) {
            if (r < m_rows.size() && m_rows[r].key() == rows[j].key()) {
                ++r;
                ++j;
                continue;
            }
            std::size_t end = j;
            while (end < rows.size() && (r >= m_rows.size() || rows[end].key() != m_rows[r].key()))
                ++end;
            beginInsertRows({}, static_cast<int>(r), static_cast<int>(r + (end - j) - 1));
            m_rows.insert(m_rows.begin() + static_cast<std::ptrdiff_t>(r), rows.begin() + static_cast<std::ptrdiff_t>(j),
                          rows.begin() + static_cast<std::ptrdiff_t>(end));
            endInsertRows();
            r += end - j;
            j = end;
        }
        // Changes
        std::size_t i = 0;
        while (i < rows.size()) {
            if (m_rows[i] == rows[i]) {
                ++i;
                continue;
            }
            std::size_t end = i;
            while (end < rows.size() && !(m_rows[end] == rows[end])) {
                m_rows[end] = rows[end];
                ++end;
            }
            emit dataChanged(index(static_cast<int>(i), 0), index(static_cast<int>(end - 1), columnCount() - 1));
            i = end;
        }
    }

protected:
    virtual QVariant cell(const Row &row, int column, int role) const = 0;

private:
    std::vector<Row> m_rows;
};
