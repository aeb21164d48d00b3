// Quotas of a workspace (quota.kubesphere.io) or a project (core ResourceQuota) and the
// project's container defaults: one row per resource with used / hard and the usage ratio.
#pragma once

#include "models/rowtablemodel.h"

#include <QString>

struct QuotaRow {
    QString source;    // quota object name, or the LimitRange for container defaults
    QString resource;  // "limits.cpu", "requests.memory", "pods"...
    QString used;
    QString hard;
    double ratio = -1; // used / hard in [0, ...); -1 when either is unknown
    // A workspace's row: the sums over its projects' quotas (the budget check), and what share
    // of the workspace's hard the projects' hard limits take (-1: no workspace hard).
    QString projectsUsed{};
    QString projectsHard{};
    double allotted = -1;
    bool overUsed = false;    // used > hard
    bool overBudget = false;  // the projects' hard limits add up to more than the workspace's
    QString flagsTip{};       // the warning sentences behind the flags, with their numbers

    QString key() const { return source + QChar(0x1f) + resource; }
    bool operator==(const QuotaRow &other) const = default;
};

class QuotaTableModel final : public RowTableModel<QuotaRow>
{
    Q_OBJECT
public:
    enum Column {
        SourceColumn,
        ResourceColumn,
        UsedColumn,
        HardColumn,
        UsageColumn,
        ProjectsUsedColumn,  // workspace rows: the sums over the projects' quotas
        ProjectsHardColumn,
        AllottedColumn,      // projects' hard / workspace hard, as a bar
        FlagsColumn,         // "over-used", "over budget"
        ColumnCount
    };
    // UsageColumn's (and AllottedColumn's) ratio as a double (the bar delegate paints it).
    static constexpr int RatioRole = Qt::UserRole + 101;
    // True when the row is flagged (over-used or over budget): the delegate paints it red.
    static constexpr int FlaggedRole = Qt::UserRole + 102;

    explicit QuotaTableModel(QObject *parent = nullptr);
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // used / hard with Kubernetes quantity arithmetic; -1 if either does not parse or hard is 0.
    static double ratioOf(const std::string &used, const std::string &hard);
    // Whether any row carries workspace sums (the panel hides those columns otherwise).
    bool hasProjectSums() const;

protected:
    QVariant cell(const QuotaRow &row, int column, int role) const override;
};
