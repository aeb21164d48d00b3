// What one user is granted, at all four levels: each binding naming the user (or a group the
// user is in) with its scope, role, and how it was found.
#pragma once

#include "models/rowtablemodel.h"

#include <QString>

struct BindingRow {
    QString level;  // Platform | Cluster | Workspace | Project
    QString scope;  // workspace / namespace
    QString role;
    QString binding;
    QString via;    // "" (direct), "group g1", "user-ref label only"
    QString since;
    bool roleMissing = false;

    QString key() const { return level + QChar(0x1f) + scope + QChar(0x1f) + binding; }
    bool operator==(const BindingRow &other) const = default;
};

class BindingTableModel final : public RowTableModel<BindingRow>
{
    Q_OBJECT
public:
    enum Column { LevelColumn, ScopeColumn, RoleColumn, ViaColumn, SinceColumn, BindingColumn, ColumnCount };

    explicit BindingTableModel(QObject *parent = nullptr);
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QVariant cell(const BindingRow &row, int column, int role) const override;
};
