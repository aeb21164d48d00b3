// The rows of the container-defaults editor: one resource per row with its default limit,
// default request, min and max, for one LimitRange item type (Container, or Pod: min and max
// only). Checked on every edit by the engine's rules (QuotaRules::checkLimits), row and field named.
#pragma once

#include "kubeclient/tenancy/plan/quotarules.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

class LimitEditorModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { ResourceColumn, DefaultColumn, DefaultRequestColumn, MinColumn, MaxColumn, ColumnCount };
    static constexpr int ProblemRole = Qt::UserRole + 1;

    explicit LimitEditorModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

    // "Container" or "Pod" (a Pod item has no defaults: those columns are not editable).
    void setType(const QString &type);
    QString type() const { return m_type; }
    void setEntries(const std::vector<kube::tenancy::LimitEntry> &entries);
    int addRow(const QString &resource = {});
    std::vector<kube::tenancy::LimitEntry> entries() const;  // wholly empty rows left out
    const std::vector<kube::tenancy::EntryProblem> &problems() const { return m_problems; }
    QString firstProblem() const;

    static QStringList commonResources();

signals:
    void problemsChanged();

private:
    void recheck();
    static std::string kube::tenancy::LimitEntry::*member(int column);

    QString m_type = QStringLiteral("Container");
    std::vector<kube::tenancy::LimitEntry> m_rows;
    std::vector<kube::tenancy::EntryProblem> m_problems;
};
