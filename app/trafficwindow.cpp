// TrafficWindow: the graph model lives with the window and follows its session's snapshots.
#include "trafficwindow.h"

#include "models/clustersession.h"
#include "models/trafficgraph.h"
#include "views/trafficgraphview.h"
#include "views/trafficgraphwidget.h"

#include <QAction>
#include <QCheckBox>
#include <QMenuBar>

TrafficWindow::TrafficWindow(ClusterSession *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_graph(new TrafficGraph(this))
    , m_widget(new TrafficGraphWidget)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setObjectName(QStringLiteral("trafficWindow"));
    setWindowTitle(tr("Allowed traffic — %1").arg(session->id()));
    setCentralWidget(m_widget);
    m_widget->setGraph(m_graph);
    m_graph->setSession(session);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Close"), QKeySequence::Close, this, &QWidget::close);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    TrafficGraphView *graphView = m_widget->view();
    view->addAction(tr("Zoom &in"), QKeySequence::ZoomIn, graphView, &TrafficGraphView::zoomIn);
    view->addAction(tr("Zoom &out"), QKeySequence::ZoomOut, graphView, &TrafficGraphView::zoomOut);
    view->addAction(tr("&Fit"), QKeySequence(Qt::CTRL | Qt::Key_0), graphView, &TrafficGraphView::fitAll);
    view->addSeparator();
    m_follow = view->addAction(tr("Follow the &tree selection"));
    m_follow->setCheckable(true);
    m_follow->setChecked(true);
    m_follow->setToolTip(tr("Selecting a workspace in the tree limits the graph to it; a project is selected"));
    // The window closes with its cluster.
    connect(session, &QObject::destroyed, this, &QWidget::close);
    resize(1200, 780);
}

void TrafficWindow::followNode(NodeKind kind, const QString &name, const QString &scope, bool force)
{
    if (!force && !m_follow->isChecked())
        return;
    switch (kind) {
    case NodeKind::Cluster:
    case NodeKind::Workspaces:
        m_widget->setScope(QString());
        break;
    case NodeKind::Workspace:
        m_widget->setScope(name);
        break;
    case NodeKind::Project:
        // A project in a workspace: that workspace's graph; outside one: every workspace,
        // with the namespaces outside workspaces shown.
        if (!scope.isEmpty()) {
            m_widget->setScope(scope);
        } else {
            m_widget->setScope(QString());
            m_widget->outsideBox()->setChecked(true);
        }
        m_widget->selectNode(name);
        break;
    default: break;
    }
}
