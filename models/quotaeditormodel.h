// The rows of the quota editor: resource name and quantity as typed, checked on every edit by
// the engine's rules (QuotaRules), so the dialog can name the row and field that is wrong before
// anything is planned. Nothing here knows what a valid quantity is.
#pragma once

#include "models/checkedrowsmodel.h"

#include <QStringList>

class QuotaEditorModel final : public CheckedRowsModel<kube::tenancy::QuotaEntry>
{
    Q_OBJECT
public:
    enum Column { KeyColumn, QuantityColumn, ColumnCount };

    explicit QuotaEditorModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Appends a row (empty by default) and returns its index.
    int addRow(const QString &key = {}, const QString &quantity = {});

    // The resource names the key column's combo offers.
    static QStringList commonResources();

protected:
    std::string &cell(kube::tenancy::QuotaEntry &entry, int column) const override;
    std::vector<kube::tenancy::EntryProblem> check(const std::vector<kube::tenancy::QuotaEntry> &rows) const override;
};
