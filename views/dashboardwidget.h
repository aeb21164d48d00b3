// The Dashboard tab of the detail panel: for a cluster its platform charts (workspaces by
// projects and members, quota usage per workspace, risk findings by severity, recent changes),
// for a workspace its projects' usage against the workspace quota. Every bar opens what it
// stands for: openPath (a tree node), openRisks (the permission workbench's risk scan),
// openJournal (the audit window on Tenantry's journal).
#pragma once

#include "models/dashboard.h"

#include <QWidget>

class BarChartWidget;
class QLabel;
class QTableView;

class DashboardWidget final : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardWidget(QWidget *parent = nullptr);

    Dashboard *dashboard() const { return m_dashboard; }
    BarChartWidget *workspacesChart() const { return m_workspaces; }
    BarChartWidget *quotaChart() const { return m_quota; }
    BarChartWidget *risksChart() const { return m_risks; }
    BarChartWidget *usageChart() const { return m_usage; }
    QTableView *recentView() const { return m_recentView; }

signals:
    void openPath(const QString &path);
    void openRisks();
    void openJournal();

private:
    void refresh();
    void onActivated(const QString &key);

    Dashboard *m_dashboard;
    QWidget *m_platform, *m_workspace;
    BarChartWidget *m_workspaces, *m_quota, *m_risks, *m_usage;
    QLabel *m_workspacesNote, *m_quotaNote, *m_risksNote, *m_usageNote, *m_recentNote;
    QLabel *m_workspacesTitle, *m_quotaTitle, *m_risksTitle, *m_usageTitle;
    QTableView *m_recentView;
};
