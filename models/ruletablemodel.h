// The policy rules of one role, as written (no expansion of "*"): verbs, API groups,
// resources with subresources, resource names, non-resource URLs.
#pragma once

#include "models/rowtablemodel.h"

#include <QString>

struct RuleRow {
    int index = 0;
    QString verbs, apiGroups, resources, resourceNames, nonResourceUrls;

    QString key() const { return QStringLiteral("%1").arg(index, 6, 10, QLatin1Char('0')); }
    bool operator==(const RuleRow &other) const = default;
};

class RuleTableModel final : public RowTableModel<RuleRow>
{
    Q_OBJECT
public:
    enum Column { VerbsColumn, ApiGroupsColumn, ResourcesColumn, ResourceNamesColumn, NonResourceColumn, ColumnCount };

    explicit RuleTableModel(QObject *parent = nullptr);
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Rows from a JSON array of PolicyRules (text as RoleRow::rulesJson holds it).
    void setRulesJson(const QString &json);

protected:
    QVariant cell(const RuleRow &row, int column, int role) const override;
};
