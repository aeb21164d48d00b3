#include "views/dashboardwidget.h"

#include "views/barchartwidget.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTableView>
#include <QVBoxLayout>

namespace {

QLabel *sectionTitle(QWidget *parent)
{
    auto *l = new QLabel(parent);
    QFont f = l->font();
    f.setBold(true);
    l->setFont(f);
    return l;
}

QLabel *noteLabel(QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setWordWrap(true);
    l->setForegroundRole(QPalette::PlaceholderText);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

} // namespace

DashboardWidget::DashboardWidget(QWidget *parent)
    : QWidget(parent)
    , m_dashboard(new Dashboard(this))
    , m_platform(new QWidget)
    , m_workspace(new QWidget)
    , m_workspaces(new BarChartWidget)
    , m_quota(new BarChartWidget)
    , m_risks(new BarChartWidget)
    , m_usage(new BarChartWidget)
    , m_recentView(new QTableView)
{
    setObjectName(QStringLiteral("dashboard"));
    m_workspaces->setObjectName(QStringLiteral("dashboardWorkspaces"));
    m_quota->setObjectName(QStringLiteral("dashboardQuotaUse"));
    m_risks->setObjectName(QStringLiteral("dashboardRisks"));
    m_usage->setObjectName(QStringLiteral("dashboardWorkspaceUsage"));
    m_recentView->setObjectName(QStringLiteral("dashboardRecentChanges"));
    // Tab goes on to "Open the journal"; arrows move in the table (with a long journal, Tab from
    // cell to cell kept the focus in the table).
    m_recentView->setTabKeyNavigation(false);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setAccessibleName(tr("Dashboard"));
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    scroll->setWidget(content);
    outer->addWidget(scroll);

    auto *pl = new QVBoxLayout(m_platform);
    pl->setContentsMargins(0, 0, 0, 0);
    auto addChart = [this](QVBoxLayout *to, QLabel *&title, BarChartWidget *chart, QLabel *&note) {
        title = sectionTitle(this);
        title->setBuddy(chart);
        note = noteLabel(this);
        to->addWidget(title);
        to->addWidget(chart);
        to->addWidget(note);
        to->addSpacing(8);
        connect(chart, &BarChartWidget::activated, this, &DashboardWidget::onActivated);
        connect(chart, &BarChartWidget::segmentActivated, this, &DashboardWidget::onActivated);
    };
    addChart(pl, m_workspacesTitle, m_workspaces, m_workspacesNote);
    addChart(pl, m_quotaTitle, m_quota, m_quotaNote);
    addChart(pl, m_risksTitle, m_risks, m_risksNote);
    auto *recentTitle = sectionTitle(this);
    recentTitle->setText(tr("Recent changes"));
    recentTitle->setBuddy(m_recentView);
    pl->addWidget(recentTitle);
    m_recentView->setModel(m_dashboard->recentChanges());
    m_recentView->setAccessibleName(tr("Recent changes"));
    m_recentView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_recentView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_recentView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_recentView->verticalHeader()->hide();
    m_recentView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_recentView->horizontalHeader()->setSectionResizeMode(RecentChangesModel::SummaryColumn, QHeaderView::Stretch);
    m_recentView->setMinimumHeight(m_recentView->fontMetrics().height() * 8);
    connect(m_recentView, &QAbstractItemView::activated, this, &DashboardWidget::openJournal);
    pl->addWidget(m_recentView);
    auto *recentRow = new QHBoxLayout;
    m_recentNote = noteLabel(this);
    auto *journal = new QPushButton(tr("Open in the &audit window"));
    journal->setObjectName(QStringLiteral("dashboardOpenJournal"));
    connect(journal, &QPushButton::clicked, this, &DashboardWidget::openJournal);
    recentRow->addWidget(m_recentNote, 1);
    recentRow->addWidget(journal);
    pl->addLayout(recentRow);

    auto *wl = new QVBoxLayout(m_workspace);
    wl->setContentsMargins(0, 0, 0, 0);
    addChart(wl, m_usageTitle, m_usage, m_usageNote);

    layout->addWidget(m_platform);
    layout->addWidget(m_workspace);
    layout->addStretch(1);
    connect(m_dashboard, &Dashboard::changed, this, &DashboardWidget::refresh);
    refresh();
}

void DashboardWidget::refresh()
{
    const bool workspace = m_dashboard->kind() == NodeKind::Workspace;
    m_platform->setVisible(!workspace);
    m_workspace->setVisible(workspace);
    auto show = [](QLabel *title, BarChartWidget *chart, QLabel *note, const Chart &data, const QString &fallbackTitle) {
        title->setText(data.title.isEmpty() ? fallbackTitle : data.title);
        chart->setChart(data);
        note->setText(data.note);
        note->setVisible(!data.note.isEmpty());
    };
    const QString computing = m_dashboard->computing() ? tr("Computing…") : QString();
    show(m_workspacesTitle, m_workspaces, m_workspacesNote, m_dashboard->workspaces(), tr("Workspaces by projects and members"));
    show(m_quotaTitle, m_quota, m_quotaNote, m_dashboard->quotaUse(), tr("Quota usage per workspace"));
    show(m_risksTitle, m_risks, m_risksNote, m_dashboard->risks(), tr("Risk findings by severity"));
    show(m_usageTitle, m_usage, m_usageNote, m_dashboard->workspaceUsage(), tr("Projects' usage against the workspace quota"));
    m_recentNote->setText(m_dashboard->recentNote().isEmpty() ? computing : m_dashboard->recentNote());
}

void DashboardWidget::onActivated(const QString &key)
{
    if (key.startsWith(QLatin1String("risks:")))
        emit openRisks();
    else if (!key.isEmpty() && key.contains(QLatin1Char('/')))
        emit openPath(key);
}
