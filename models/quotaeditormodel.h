// The rows of the quota editor: resource name and quantity as typed, checked on every edit by
// the engine's rules (QuotaRules), so the dialog can name the row and field that is wrong before
// anything is planned. Nothing here knows what a valid quantity is.
#pragma once

#include "kubeclient/tenancy/plan/quotarules.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

class QuotaEditorModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { KeyColumn, QuantityColumn, ColumnCount };
    // The row's problem text ("" when the row is fine), for tooltips and tests.
    static constexpr int ProblemRole = Qt::UserRole + 1;

    explicit QuotaEditorModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

    void setEntries(const std::vector<kube::tenancy::QuotaEntry> &entries);
    // Appends a row (empty by default) and returns its index.
    int addRow(const QString &key = {}, const QString &quantity = {});
    // Rows with both cells empty are left out (a row added and not used).
    std::vector<kube::tenancy::QuotaEntry> entries() const;
    const std::vector<kube::tenancy::EntryProblem> &problems() const { return m_problems; }
    // "row 2: hard[limits.cpu]: "lots" is not a quantity", or "" when every row is fine.
    QString firstProblem() const;

    // The resource names the key column's combo offers.
    static QStringList commonResources();

signals:
    void problemsChanged();

private:
    void recheck();

    std::vector<kube::tenancy::QuotaEntry> m_rows;
    std::vector<kube::tenancy::EntryProblem> m_problems;  // row indexes are m_rows'
};
