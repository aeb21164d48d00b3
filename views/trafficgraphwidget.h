// The allowed-traffic panel: a scope picker (every workspace or one), the graph, and beside it
// what the selection means (the policies and rules behind an arrow, what may reach a project
// and what it may reach) with links to the policies, plus the legend.
#pragma once

#include "models/trafficgraph.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class BusyIndicator;
class QLabel;
class QPushButton;
class QTextBrowser;
class QToolButton;
class QUrl;
class TrafficGraphView;
class TrafficLegend;

class TrafficGraphWidget final : public QWidget
{
    Q_OBJECT
public:
    explicit TrafficGraphWidget(QWidget *parent = nullptr);

    // The graph shown (not owned).
    void setGraph(TrafficGraph *graph);
    TrafficGraph *graph() const { return m_graph; }

    // Limits the graph to a workspace ("" for every workspace).
    void setScope(const QString &workspace);
    QString scope() const;
    // Selects a project as soon as the graph has it.
    void selectNode(const QString &ns);

    TrafficGraphView *view() const { return m_view; }
    QComboBox *scopeBox() const { return m_scope; }
    QCheckBox *outsideBox() const { return m_outside; }
    QTextBrowser *detailsView() const { return m_details; }
    QPushButton *showInTreeButton() const { return m_showInTree; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *bannerLabel() const { return m_banner; }
    TrafficLegend *legend() const { return m_legend; }
    QString detailsText() const;

signals:
    void showInTree(const QString &ns);
    // A policy link in the details: open it where its namespace's policies are listed.
    void openPolicy(const QString &ns, const QString &name);

private:
    void onComputed();
    void refillScopes();
    void showNode(const QString &ns);
    void showEdge(int edge);
    void showPair(const QString &from, const QString &to);
    void showEdgeInfo(const TrafficEdgeInfo &info);
    void showNothing();
    void onLink(const QUrl &url);

    QPointer<TrafficGraph> m_graph;
    QMetaObject::Connection m_computedConnection;
    QMetaObject::Connection m_computingConnection;
    QMetaObject::Connection m_cancelledConnection;
    TrafficGraphView *m_view;
    QComboBox *m_scope;
    QCheckBox *m_outside;
    QToolButton *m_zoomIn;
    QToolButton *m_zoomOut;
    QToolButton *m_fit;
    QLabel *m_status;
    BusyIndicator *m_busy = nullptr;  // after half a second of computing
    QToolButton *m_recompute = nullptr;  // shown after a cancel
    QLabel *m_banner;
    QTextBrowser *m_details;
    QPushButton *m_showInTree;
    TrafficLegend *m_legend;
    QString m_pendingNode;
    QString m_detailNode;  // the project whose details are shown ("" for an arrow / nothing)
};
