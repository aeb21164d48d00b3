// A window of its own for the allowed-traffic graph of one cluster (View → Allowed traffic…,
// Ctrl+T), like the permission workbench's: it follows the tree's selection (a workspace
// limits the graph to it, a project is selected in its workspace, the cluster shows all).
#pragma once

#include "models/nodekind.h"

#include <QMainWindow>
#include <QPointer>

class ClusterSession;
class QAction;
class TrafficGraph;
class TrafficGraphWidget;

class TrafficWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit TrafficWindow(ClusterSession *session, QWidget *parent = nullptr);

    ClusterSession *session() const { return m_session; }
    TrafficGraph *graph() const { return m_graph; }
    TrafficGraphWidget *widget() const { return m_widget; }
    QAction *followAction() const { return m_follow; }

    // The tree selected a node of this window's cluster: the graph follows when "Follow the
    // tree" is on (and always when `force`, as when the window is opened on that node).
    void followNode(NodeKind kind, const QString &name, const QString &scope, bool force = false);

private:
    QPointer<ClusterSession> m_session;
    TrafficGraph *m_graph;
    TrafficGraphWidget *m_widget;
    QAction *m_follow;
};
