// The rows of the container-defaults editor: one resource per row with its default limit,
// default request, min and max, for one LimitRange item type (Container, or Pod: min and max
// only). Checked on every edit by the engine's rules (QuotaRules::checkLimits), row and field named.
#pragma once

#include "models/checkedrowsmodel.h"

#include <QStringList>

class LimitEditorModel final : public CheckedRowsModel<kube::tenancy::LimitEntry>
{
    Q_OBJECT
public:
    enum Column { ResourceColumn, DefaultColumn, DefaultRequestColumn, MinColumn, MaxColumn, ColumnCount };

    explicit LimitEditorModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "Container" or "Pod" (a Pod item has no defaults: those columns are not editable).
    void setType(const QString &type);
    QString type() const { return m_type; }
    int addRow(const QString &resource = {});

    static QStringList commonResources();

protected:
    std::string &cell(kube::tenancy::LimitEntry &entry, int column) const override;
    std::vector<kube::tenancy::EntryProblem> check(const std::vector<kube::tenancy::LimitEntry> &rows) const override;

private:
    QString m_type = QStringLiteral("Container");
};
