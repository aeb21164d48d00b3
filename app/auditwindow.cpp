// AuditWindow: wiring only. The log, the table model and the widget live with the window; the
// session gives the namespace → workspace map, the projects' names and the client for Events.
#include "auditwindow.h"

#include "models/accesschecker.h"
#include "models/auditeventmodel.h"
#include "models/auditlog.h"
#include "models/clustersession.h"
#include "views/auditwidget.h"

#include <QCheckBox>
#include <QMenuBar>
#include <QPushButton>

AuditWindow::AuditWindow(ClusterSession *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_hadSession(session != nullptr)
    , m_log(new AuditLog(this))
    , m_model(new AuditEventModel(m_log, this))
    , m_widget(new AuditWidget(m_log, m_model))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setObjectName(QStringLiteral("auditWindow"));
    setWindowTitle(session ? tr("Audit — %1").arg(session->id()) : tr("Audit"));
    setCentralWidget(m_widget);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("Add audit &files…"), QKeySequence::Open, m_widget->addFilesButton(), &QPushButton::click);
    file->addAction(tr("Add Tenantry's &journal"), m_widget->journalButton(), &QPushButton::click);
    QAction *events = file->addAction(tr("Add the cluster's E&vents"), this, &AuditWindow::loadClusterEvents);
    events->setEnabled(session != nullptr);
    file->addSeparator();
    file->addAction(tr("&Export the events shown…"), QKeySequence::Save, m_widget->exportButton(), &QPushButton::click);
    file->addSeparator();
    file->addAction(tr("&Close"), QKeySequence::Close, this, &QWidget::close);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *follow = view->addAction(tr("&Follow the last file"));
    follow->setCheckable(true);
    connect(follow, &QAction::toggled, m_widget->followBox(), &QCheckBox::setChecked);
    connect(m_widget->followBox(), &QCheckBox::toggled, follow, &QAction::setChecked);
    view->addAction(tr("Show &all times"), m_widget->clearTimeButton(), &QPushButton::click);

    connect(m_widget, &AuditWidget::clusterEventsRequested, this, &AuditWindow::loadClusterEvents);
    connect(m_widget, &AuditWidget::openInTree, this, &AuditWindow::showInTree);
    if (session) {
        connect(session, &ClusterSession::outlineChanged, this, &AuditWindow::onOutline);
        connect(session, &ClusterSession::statusChanged, this, &AuditWindow::updateEventsAccess);
        if (AccessChecker *access = session->access())
            connect(access, &AccessChecker::changed, this, &AuditWindow::updateEventsAccess);
        // The window closes with its cluster.
        connect(session, &QObject::destroyed, this, &QWidget::close);
        onOutline();
    }
    updateEventsAccess();
    resize(1280, 860);
}

void AuditWindow::onOutline()
{
    if (!m_session)
        return;
    const auto &snapshot = m_session->snapshot();
    m_log->setNamespaceWorkspaces(snapshot);
    QStringList workspaces, projects;
    for (const auto &ws : snapshot.workspaces()) {
        workspaces << QString::fromStdString(ws.name);
        for (const auto &p : snapshot.projects(ws.name))
            projects << QString::fromStdString(p.name);
    }
    for (const auto &p : snapshot.projectsWithoutWorkspace())
        projects << QString::fromStdString(p.name);
    projects.sort();
    workspaces.sort();
    m_widget->setTenancyNames(workspaces, projects);
}

void AuditWindow::updateEventsAccess()
{
    if (!m_session) {
        m_widget->setClusterEventsAvailable(false, m_hadSession ? tr("The cluster was disconnected")
                                                                : tr("Open the audit window on a connected cluster to read its Events"));
        return;
    }
    if (!m_session->client()) {
        m_widget->setClusterEventsAvailable(false, tr("Not connected to %1").arg(m_session->id()));
        return;
    }
    // Listing Events everywhere is one request; without it each project is asked on its own,
    // and those that refuse are named when the Events are read.
    QString tip = tr("The Kubernetes Events of the projects and of the workspaces and users of %1").arg(m_session->id());
    if (AccessChecker *access = m_session->access()) {
        const AccessQuery everywhere{QStringLiteral("list"), QString(), QStringLiteral("events"), QString(), QString()};
        const auto verdict = access->verdict(everywhere);
        if (verdict.answer == AccessChecker::Answer::Denied)
            tip = tr("%1 may not list events in every namespace: the Events of the projects where %1 may are read, and "
                     "the others are named")
                      .arg(m_session->identity());
    }
    m_widget->setClusterEventsAvailable(true, tip);
}

void AuditWindow::loadClusterEvents()
{
    if (!m_session)
        return;
    QStringList projects;
    const auto &snapshot = m_session->snapshot();
    for (const auto &ws : snapshot.workspaces())
        for (const auto &p : snapshot.projects(ws.name))
            projects << QString::fromStdString(p.name);
    for (const auto &p : snapshot.projectsWithoutWorkspace())
        projects << QString::fromStdString(p.name);
    m_log->loadClusterEvents(m_session->client(), m_session->id(), projects);
}

void AuditWindow::presetNode(NodeKind kind, const QString &name, const QString &)
{
    switch (kind) {
    case NodeKind::Workspace: m_widget->presetFilter(name, QString(), QString()); break;
    case NodeKind::Project: m_widget->presetFilter(QString(), name, QString()); break;
    case NodeKind::User: m_widget->presetFilter(QString(), QString(), name); break;
    default: m_widget->presetFilter(QString(), QString(), QString()); break;
    }
}
