// Key/value pairs of an object (labels or annotations), sorted by key.
// Updated by key, so a live change of one label does not reset the table.
#pragma once

#include "models/rowtablemodel.h"

#include <QString>

struct PropertyRow {
    QString name;
    QString value;

    QString key() const { return name; }
    bool operator==(const PropertyRow &other) const = default;
};

class PropertyTableModel final : public RowTableModel<PropertyRow>
{
    Q_OBJECT
public:
    enum Column { KeyColumn, ValueColumn, ColumnCount };

    explicit PropertyTableModel(QObject *parent = nullptr);
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QVariant cell(const PropertyRow &row, int column, int role) const override;
};
