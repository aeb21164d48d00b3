// The allowed-traffic graph drawn with Qt's graphics view: workspaces as framed groups,
// projects as nodes with their open-side and isolation marks, arrows for the flows a policy
// decides (dashed with a half-filled mark where only some pods or ports may pass). Click or
// Enter selects; the arrows of the selection stay lit, the rest is dimmed. Ctrl+wheel, +/-
// zoom; 0 fits. Passive: it shows a TrafficGraphData and says what the user picked.
#pragma once

#include "models/trafficgraph.h"

#include <QGraphicsView>

#include <memory>
#include <vector>

class QGraphicsItem;

class TrafficGraphView final : public QGraphicsView
{
    Q_OBJECT
public:
    explicit TrafficGraphView(QWidget *parent = nullptr);

    // Rebuilds the scene; the selection and the zoom stay when their nodes still exist.
    void setData(std::shared_ptr<const TrafficGraphData> data);
    const std::shared_ptr<const TrafficGraphData> &data() const { return m_data; }

    void selectNode(const QString &ns);
    void selectEdge(int edge);  // index into data()->edges
    void clearSelection();
    QString selectedNode() const { return m_selectedNode; }
    int selectedEdge() const { return m_selectedEdge; }
    // The node keyboard focus is on (Tab / Shift+Tab), "" when none.
    QString focusedNode() const;
    // Items lit by the selection (the rest is dimmed): node names and edge indexes.
    QStringList litNodes() const;
    std::vector<int> litEdges() const;

    void zoomIn();
    void zoomOut();
    void fitAll();
    double zoom() const;

    // For tests: a scene point on the arrow (its middle) and the centre of a node.
    QPointF edgeAnchor(int edge) const;
    QPointF nodeCentre(const QString &ns) const;

    // Drawing shared with the legend.
    enum class Sample { Arrow, SomeArrow, GroupArrow };
    static void paintArrow(QPainter *painter, const QPainterPath &path, QPointF tip, QPointF from, Sample kind,
                           const QColor &color, double width, const QColor &background);
    static QRectF paintBadge(QPainter *painter, QPointF topLeft, const QString &text, const QPalette &palette, bool strong);
    static void paintLock(QPainter *painter, const QRectF &rect, const QColor &color, bool filled = true);
    static QColor groupArrowColor(const QPalette &palette);

signals:
    void nodeSelected(const QString &ns);
    void edgeSelected(int edge);
    void selectionCleared();
    // Double-click or Ctrl+Enter on a node: show it in the tree.
    void nodeActivated(const QString &ns);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    bool focusNextPrevChild(bool next) override;
    void focusInEvent(QFocusEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    class NodeItem;
    class GroupItem;
    class EdgeItem;

    void rebuild();
    void syncScene();
    void applyHighlight();
    void setFocusedIndex(int index);
    void scaleBy(double factor);
    int nodeAt(const QPoint &pos, int *edge) const;

    std::shared_ptr<const TrafficGraphData> m_data;
    std::vector<NodeItem *> m_nodes;
    std::vector<EdgeItem *> m_edges;
    std::vector<GroupItem *> m_groups;
    QString m_selectedNode;
    int m_selectedEdge = -1;
    int m_focused = -1;
    bool m_fitted = false;
};
