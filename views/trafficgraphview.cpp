// TrafficGraphView: one item per group, node and arrow, painted from the palette (dark mode
// follows), rebuilt per computed graph. Arrows bend slightly so that A → B and B → A stay two
// arrows and a row of nodes does not hide the arrows along it.
#include "views/trafficgraphview.h"

#include <QApplication>
#include <QFocusEvent>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QKeyEvent>
#include <QPainter>
#include <QPainterPathStroker>
#include <QScrollBar>
#include <QStyleOptionGraphicsItem>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

using kube::net::Reach;

namespace {

constexpr double kMinZoom = 0.05;
constexpr double kMaxZoom = 4.0;
constexpr double kZoomStep = 1.25;
constexpr double kDimmed = 0.16;

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t), float(a.alphaF() * (1 - t) + b.alphaF() * t));
}

// Where the ray from the rectangle's centre towards `towards` leaves it (plus a margin).
QPointF boundaryPoint(const QRectF &rect, QPointF towards, double margin)
{
    const QPointF c = rect.center();
    const QPointF d = towards - c;
    if (std::abs(d.x()) < 1e-9 && std::abs(d.y()) < 1e-9)
        return c;
    const double hw = rect.width() / 2 + margin, hh = rect.height() / 2 + margin;
    const double tx = std::abs(d.x()) > 1e-9 ? hw / std::abs(d.x()) : 1e18;
    const double ty = std::abs(d.y()) > 1e-9 ? hh / std::abs(d.y()) : 1e18;
    return c + d * std::min(tx, ty);
}

} // namespace

QColor TrafficGraphView::groupArrowColor(const QPalette &pal)
{
    return mix(pal.color(QPalette::Link), pal.color(QPalette::Text), 0.3);
}

namespace {

QString reachWords(Reach reach)
{
    return reach == Reach::Some ? QObject::tr("only some pods or ports") : QObject::tr("all pods, all ports");
}

} // namespace

// ---------------------------------------------------------------------------------------

class TrafficGraphView::GroupItem final : public QGraphicsItem
{
public:
    GroupItem(const TrafficGraphData::Group &group)
        : m_group(group)
    {
        setZValue(0);
        QString tip = group.workspace.isEmpty() ? group.title : QObject::tr("Workspace %1").arg(group.workspace);
        if (group.isolated)
            tip += QObject::tr("\nWorkspace network isolation is on.");
        if (group.external)
            tip += QObject::tr("\nOutside the scope: only the projects an arrow needs are shown (%1 of %2).")
                       .arg(group.projects)
                       .arg(group.total);
        if (group.internalAll)
            tip += QObject::tr("\nEvery project of the workspace may reach every other one (%1); those arrows are not drawn.")
                       .arg(reachWords(group.internalReach));
        setToolTip(tip);
    }
    QRectF boundingRect() const override { return m_group.rect.adjusted(-2, -2, 2, 2); }
    void paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        const QPalette pal = scene()->palette();
        p->setRenderHint(QPainter::Antialiasing);
        QPen border(mix(pal.color(QPalette::Mid), pal.color(QPalette::Text), 0.25), 1.4);
        if (m_group.external)
            border.setStyle(Qt::DashLine);
        p->setPen(border);
        p->setBrush(mix(pal.color(QPalette::Window), pal.color(QPalette::Highlight), m_group.external ? 0.02 : 0.07));
        p->drawRoundedRect(m_group.rect, 10, 10);

        QFont title = scene()->font();
        title.setBold(true);
        title.setPointSizeF(title.pointSizeF() * 1.1);
        p->setFont(title);
        p->setPen(pal.color(QPalette::Text));
        const QRectF head = m_group.rect.adjusted(TrafficGeometry::kGroupPadding, 6, -TrafficGeometry::kGroupPadding, 0);
        QRectF used;
        p->drawText(QRectF(head.topLeft(), QSizeF(head.width(), 24)), Qt::AlignLeft | Qt::AlignVCenter, m_group.title, &used);
        double x = used.right() + 8;
        if (m_group.isolated) {
            TrafficGraphView::paintLock(p, QRectF(x, head.top() + 5, 11, 14), pal.color(QPalette::Highlight), false);
            x += 16;
        }
        QFont small = scene()->font();
        small.setPointSizeF(small.pointSizeF() * 0.9);
        p->setFont(small);
        p->setPen(mix(pal.color(QPalette::Text), pal.color(QPalette::Window), 0.35));
        QString note = m_group.external ? QObject::tr("%1 of %2 shown").arg(m_group.projects).arg(m_group.total)
                     : m_group.projects == 0 ? QObject::tr("no projects")
                                             : QObject::tr("%n project(s)", nullptr, m_group.projects);
        p->drawText(QRectF(x, head.top(), head.right() - x, 24), Qt::AlignLeft | Qt::AlignVCenter, note, &used);
        if (m_group.internalAll) {
            const QString text = m_group.internalReach == Reach::Some ? QObject::tr("⇄ reach each other (some)")
                                                                      : QObject::tr("⇄ reach each other");
            const QFontMetricsF fm(small);
            const double w = fm.horizontalAdvance(text) + 12;
            const double bx = std::max(used.right() + 10, m_group.rect.right() - TrafficGeometry::kGroupPadding - w);
            TrafficGraphView::paintBadge(p, QPointF(bx, head.top() + 3), text, pal, true);
        }
    }
    const TrafficGraphData::Group &group() const { return m_group; }

private:
    TrafficGraphData::Group m_group;
};

// ---------------------------------------------------------------------------------------

class TrafficGraphView::NodeItem final : public QGraphicsItem
{
public:
    NodeItem(const TrafficGraphData::Node &node, const TrafficGraphData::Group &group)
        : m_node(node)
    {
        setZValue(2);
        QStringList tip{m_node.name};
        if (!group.workspace.isEmpty())
            tip << QObject::tr("workspace %1").arg(group.workspace);
        switch (m_node.isolation) {
        case TrafficGraphData::Isolation::Project: tip << QObject::tr("project network isolation on"); break;
        case TrafficGraphData::Isolation::Workspace: tip << QObject::tr("workspace network isolation on"); break;
        case TrafficGraphData::Isolation::Off: break;
        }
        tip << (m_node.ingressOpen ? QObject::tr("ingress open: no policy selects its pods for ingress")
                : m_node.fromAll   ? QObject::tr("ingress: a policy admits every namespace (%1)").arg(reachWords(m_node.fromAllReach))
                                   : QObject::tr("ingress limited by policies"));
        tip << (m_node.egressOpen ? QObject::tr("egress open: no policy selects its pods for egress")
                : m_node.toAll    ? QObject::tr("egress: a policy lets it reach every namespace (%1)").arg(reachWords(m_node.toAllReach))
                                  : QObject::tr("egress limited by policies"));
        if (m_node.toProjects)
            tip << QObject::tr("reaches every project (%1): those arrows are not drawn").arg(reachWords(m_node.toProjectsReach));
        if (m_node.fromProjects)
            tip << QObject::tr("every project reaches it (%1): those arrows are not drawn").arg(reachWords(m_node.fromProjectsReach));
        tip << QObject::tr("%n NetworkPolicy(ies)", nullptr, m_node.policies);
        setToolTip(tip.join(QLatin1Char('\n')));
        if (m_node.external)
            setOpacity(0.75);
    }
    QRectF boundingRect() const override { return m_node.rect.adjusted(-5, -5, 5, 5); }
    void paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        const QPalette pal = scene()->palette();
        p->setRenderHint(QPainter::Antialiasing);
        const QRectF r = m_node.rect;
        QPen border(mix(pal.color(QPalette::Text), pal.color(QPalette::Base), 0.45), 1.2);
        if (m_node.external)
            border.setStyle(Qt::DashLine);
        if (m_lit) {
            border.setColor(pal.color(QPalette::Highlight));
            border.setWidthF(2.0);
        }
        if (m_selected) {
            border.setColor(pal.color(QPalette::Highlight));
            border.setWidthF(3.0);
        }
        p->setPen(border);
        p->setBrush(m_selected ? mix(pal.color(QPalette::Base), pal.color(QPalette::Highlight), 0.18) : pal.color(QPalette::Base));
        p->drawRoundedRect(r, 7, 7);
        if (m_focused) {
            QPen focus(pal.color(QPalette::Highlight), 1.5, Qt::DotLine);
            p->setPen(focus);
            p->setBrush(Qt::NoBrush);
            p->drawRoundedRect(r.adjusted(-4, -4, 4, 4), 9, 9);
        }
        QFont name = scene()->font();
        name.setBold(true);
        p->setFont(name);
        p->setPen(pal.color(QPalette::Text));
        const QRectF line(r.left() + 9, r.top() + 5, r.width() - 18 - (m_node.isolation != TrafficGraphData::Isolation::Off ? 16 : 0), 20);
        p->drawText(line, Qt::AlignLeft | Qt::AlignVCenter, QFontMetricsF(name).elidedText(m_node.name, Qt::ElideMiddle, line.width()));
        if (m_node.isolation != TrafficGraphData::Isolation::Off) {
            const bool own = m_node.isolation == TrafficGraphData::Isolation::Project;
            paintLock(p, QRectF(r.right() - 20, r.top() + 7, 11, 14), pal.color(QPalette::Highlight), own);
        }
        const QString in = m_node.fromProjects ? QObject::tr("in: all projects")
                         : m_node.ingressOpen ? QObject::tr("in: open")
                         : m_node.fromAll     ? QObject::tr("in: all ns")
                                              : QObject::tr("in: limited");
        const QString out = m_node.toProjects ? QObject::tr("out: all projects")
                          : m_node.egressOpen ? QObject::tr("out: open")
                          : m_node.toAll      ? QObject::tr("out: all ns")
                                              : QObject::tr("out: limited");
        QFont small = scene()->font();
        small.setPointSizeF(small.pointSizeF() * 0.82);
        p->setFont(small);
        const QRectF first = paintBadge(p, QPointF(r.left() + 8, r.bottom() - 22), in, pal, !m_node.ingressOpen || m_node.fromProjects);
        paintBadge(p, QPointF(first.right() + 5, r.bottom() - 22), out, pal, !m_node.egressOpen || m_node.toProjects);
    }
    void setState(bool selected, bool lit, bool focused)
    {
        if (selected == m_selected && lit == m_lit && focused == m_focused)
            return;
        m_selected = selected;
        m_lit = lit;
        m_focused = focused;
        update();
    }
    const TrafficGraphData::Node &node() const { return m_node; }

private:
    TrafficGraphData::Node m_node;
    bool m_selected = false;
    bool m_lit = false;
    bool m_focused = false;
};

// ---------------------------------------------------------------------------------------

class TrafficGraphView::EdgeItem final : public QGraphicsItem
{
public:
    EdgeItem(const TrafficGraphData::Edge &edge, const QRectF &from, const QRectF &to, const QString &tip)
        : m_edge(edge)
    {
        setZValue(1);
        const QPointF a = from.center(), b = to.center();
        const QPointF d = b - a;
        const double len = std::hypot(d.x(), d.y());
        // Bend to the right of the direction of travel: A → B and B → A part ways.
        const QPointF normal = len > 0 ? QPointF(-d.y() / len, d.x() / len) : QPointF();
        m_control = (a + b) / 2 + normal * std::min(70.0, len * 0.14);
        const QPointF start = boundaryPoint(from, m_control, 2);
        m_tip = boundaryPoint(to, m_control, edge.group ? 3 : 4);
        m_path.moveTo(start);
        m_path.quadTo(m_control, m_tip);
        QPainterPathStroker stroker;
        stroker.setWidth(edge.group ? 16 : 11);
        m_shape = stroker.createStroke(m_path);
        setToolTip(tip);
    }
    QRectF boundingRect() const override { return m_shape.boundingRect().adjusted(-12, -12, 12, 12); }
    QPainterPath shape() const override { return m_shape; }
    void paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        const QPalette pal = scene()->palette();
        p->setRenderHint(QPainter::Antialiasing);
        QColor color = m_edge.group ? groupArrowColor(pal) : mix(pal.color(QPalette::Text), pal.color(QPalette::Base), 0.25);
        double width = m_edge.group ? 3.4 : 1.6;
        if (m_lit) {
            color = pal.color(QPalette::Highlight);
            width += 0.8;
        }
        if (m_selected)
            width += 1.4;
        const Sample kind = m_edge.group ? Sample::GroupArrow : m_edge.reach == Reach::Some ? Sample::SomeArrow : Sample::Arrow;
        paintArrow(p, m_path, m_tip, m_control, kind, color, width, pal.color(QPalette::Base));
        if (m_edge.group && m_edge.reach == Reach::Some) {
            // A group arrow where some pairs pass only some pods or ports: the mark as well.
            QPainterPath mark;
            const QPointF m = m_path.pointAtPercent(0.5);
            mark.moveTo(m);
            mark.lineTo(m + QPointF(0.01, 0));
            paintArrow(p, mark, m, m, Sample::SomeArrow, color, 0, pal.color(QPalette::Base));
        }
    }
    void setState(bool selected, bool lit)
    {
        if (selected == m_selected && lit == m_lit)
            return;
        m_selected = selected;
        m_lit = lit;
        setZValue(selected || lit ? 3 : 1);
        update();
    }
    QPointF anchor() const { return m_path.pointAtPercent(0.5); }
    const TrafficGraphData::Edge &edge() const { return m_edge; }

private:
    TrafficGraphData::Edge m_edge;
    QPainterPath m_path;
    QPainterPath m_shape;
    QPointF m_control;
    QPointF m_tip;
    bool m_selected = false;
    bool m_lit = false;
};

// ---------------------------------------------------------------------------------------
// Drawing shared with the legend

void TrafficGraphView::paintArrow(QPainter *p, const QPainterPath &path, QPointF tip, QPointF from, Sample kind,
                                  const QColor &color, double width, const QColor &background)
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    if (!path.isEmpty() && width > 0) {
        QPen pen(color, width, kind == Sample::SomeArrow ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap);
        if (kind == Sample::SomeArrow)
            pen.setDashPattern({4, 3});
        p->setPen(pen);
        p->setBrush(Qt::NoBrush);
        p->drawPath(path);
        // The head, along the curve's last tangent.
        const QPointF d = tip - from;
        const double len = std::hypot(d.x(), d.y());
        if (len > 0) {
            const QPointF u = d / len, n(-u.y(), u.x());
            const double size = kind == Sample::GroupArrow ? 15 : 10;
            QPolygonF head{tip, tip - u * size + n * size * 0.45, tip - u * size - n * size * 0.45};
            p->setPen(Qt::NoPen);
            p->setBrush(color);
            p->drawPolygon(head);
        }
    }
    if (kind == Sample::SomeArrow) {
        // The "only some" mark: a half-filled disc in the middle of the arrow.
        const QPointF m = path.isEmpty() ? (tip + from) / 2 : path.pointAtPercent(0.5);
        const QRectF disc(m.x() - 5.5, m.y() - 5.5, 11, 11);
        p->setPen(QPen(color, 1.4));
        p->setBrush(background);
        p->drawEllipse(disc);
        QPainterPath half;
        half.moveTo(m);
        half.arcTo(disc, 90, 180);
        half.closeSubpath();
        p->setPen(Qt::NoPen);
        p->setBrush(color);
        p->drawPath(half);
    }
    p->restore();
}

QRectF TrafficGraphView::paintBadge(QPainter *p, QPointF topLeft, const QString &text, const QPalette &pal, bool strong)
{
    const QFontMetricsF fm(p->font());
    const QRectF r(topLeft, QSizeF(fm.horizontalAdvance(text) + 12, fm.height() + 3));
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(QPen(strong ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid), 1));
    p->setBrush(strong ? mix(pal.color(QPalette::Base), pal.color(QPalette::Highlight), 0.12) : pal.color(QPalette::AlternateBase));
    p->drawRoundedRect(r, r.height() / 2, r.height() / 2);
    p->setPen(pal.color(QPalette::Text));
    p->drawText(r, Qt::AlignCenter, text);
    p->restore();
    return r;
}

void TrafficGraphView::paintLock(QPainter *p, const QRectF &rect, const QColor &color, bool filled)
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const QRectF body(rect.left(), rect.top() + rect.height() * 0.45, rect.width(), rect.height() * 0.55);
    QPen pen(color, 1.6);
    p->setPen(pen);
    p->setBrush(Qt::NoBrush);
    const QRectF shackle(rect.left() + rect.width() * 0.2, rect.top(), rect.width() * 0.6, rect.height() * 0.8);
    p->drawArc(shackle, 0, 180 * 16);
    p->drawLine(QPointF(shackle.left(), shackle.center().y()), QPointF(shackle.left(), body.top()));
    p->drawLine(QPointF(shackle.right(), shackle.center().y()), QPointF(shackle.right(), body.top()));
    p->setPen(filled ? Qt::NoPen : pen);
    p->setBrush(filled ? QBrush(color) : QBrush(Qt::NoBrush));
    p->drawRoundedRect(filled ? body : body.adjusted(0.8, 0.8, -0.8, -0.8), 1.5, 1.5);
    p->restore();
}

// ---------------------------------------------------------------------------------------

TrafficGraphView::TrafficGraphView(QWidget *parent)
    : QGraphicsView(parent)
{
    setObjectName(QStringLiteral("trafficGraphView"));
    setScene(new QGraphicsScene(this));
    syncScene();
    setRenderHint(QPainter::Antialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::BoundingRectViewportUpdate);
    setFocusPolicy(Qt::StrongFocus);
    setBackgroundBrush(palette().color(QPalette::Window));
    setAccessibleName(tr("Allowed traffic graph"));
    setAccessibleDescription(tr("Tab moves between projects, Enter selects one, +/- zoom, 0 fits the graph"));
}

void TrafficGraphView::setData(std::shared_ptr<const TrafficGraphData> data)
{
    // The selected arrow is kept by its ends, not its index (indexes change between graphs).
    QString edgeFrom, edgeTo;
    bool edgeGroup = false;
    if (m_data && m_selectedEdge >= 0 && m_selectedEdge < int(m_data->edges.size())) {
        const auto &e = m_data->edges[std::size_t(m_selectedEdge)];
        edgeGroup = e.group;
        edgeFrom = e.group ? m_data->groups[std::size_t(e.from)].workspace : m_data->nodes[std::size_t(e.from)].name;
        edgeTo = e.group ? m_data->groups[std::size_t(e.to)].workspace : m_data->nodes[std::size_t(e.to)].name;
    }
    const QString focused = focusedNode();
    // Another scope (a workspace picked, outside namespaces shown) is another picture: it is
    // fitted again; the same scope recomputed keeps the user's zoom.
    if (m_data && data && (m_data->workspace != data->workspace || m_data->showOutside != data->showOutside))
        m_fitted = false;
    m_data = std::move(data);
    rebuild();
    m_focused = m_data ? m_data->nodeIndex(focused) : -1;
    m_selectedEdge = -1;
    if (m_data && !edgeFrom.isEmpty())
        for (std::size_t i = 0; i < m_data->edges.size(); ++i) {
            const auto &e = m_data->edges[i];
            if (e.group != edgeGroup)
                continue;
            const QString f = e.group ? m_data->groups[std::size_t(e.from)].workspace : m_data->nodes[std::size_t(e.from)].name;
            const QString t = e.group ? m_data->groups[std::size_t(e.to)].workspace : m_data->nodes[std::size_t(e.to)].name;
            if (f == edgeFrom && t == edgeTo)
                m_selectedEdge = int(i);
        }
    if (m_data && !m_selectedNode.isEmpty() && m_data->nodeIndex(m_selectedNode) < 0)
        m_selectedNode.clear();
    applyHighlight();
    if (!m_fitted && m_data && !m_data->nodes.empty()) {
        m_fitted = true;
        fitAll();
    }
}

void TrafficGraphView::rebuild()
{
    scene()->clear();
    m_nodes.clear();
    m_edges.clear();
    m_groups.clear();
    if (!m_data)
        return;
    const TrafficGraphData &d = *m_data;
    for (const auto &g : d.groups) {
        auto *item = new GroupItem(g);
        scene()->addItem(item);
        m_groups.push_back(item);
    }
    for (const auto &n : d.nodes) {
        auto *item = new NodeItem(n, d.groups[std::size_t(n.group)]);
        scene()->addItem(item);
        m_nodes.push_back(item);
    }
    for (const auto &e : d.edges) {
        QRectF from, to;
        QString tip;
        if (e.group) {
            const auto &g = d.groups[std::size_t(e.from)], &h = d.groups[std::size_t(e.to)];
            from = g.rect;
            to = h.rect;
            tip = tr("Every project of %1 may reach every project of %2 (%n pair(s), %3). Click for the rules.", nullptr,
                     int(e.pairs))
                      .arg(g.title, h.title)
                      .arg(reachWords(e.reach));
        } else {
            const auto &a = d.nodes[std::size_t(e.from)], &b = d.nodes[std::size_t(e.to)];
            from = a.rect;
            to = b.rect;
            tip = tr("%1 → %2: %3. Click for the rules.").arg(a.name, b.name, reachWords(e.reach));
        }
        auto *item = new EdgeItem(e, from, to, tip);
        scene()->addItem(item);
        m_edges.push_back(item);
    }
    scene()->setSceneRect(d.bounds.adjusted(-60, -60, 60, 60));
}

QString TrafficGraphView::focusedNode() const
{
    return m_data && m_focused >= 0 && m_focused < int(m_data->nodes.size()) ? m_data->nodes[std::size_t(m_focused)].name
                                                                             : QString();
}

QStringList TrafficGraphView::litNodes() const
{
    QStringList out;
    if (!m_data)
        return out;
    const int selected = m_data->nodeIndex(m_selectedNode);
    std::vector<char> lit(m_data->nodes.size(), 0);
    if (selected >= 0) {
        lit[std::size_t(selected)] = 1;
        for (int e : litEdges()) {
            const auto &edge = m_data->edges[std::size_t(e)];
            if (!edge.group) {
                lit[std::size_t(edge.from)] = 1;
                lit[std::size_t(edge.to)] = 1;
            }
        }
    } else if (m_selectedEdge >= 0) {
        const auto &edge = m_data->edges[std::size_t(m_selectedEdge)];
        for (std::size_t i = 0; i < m_data->nodes.size(); ++i)
            if (edge.group ? (m_data->nodes[i].group == edge.from || m_data->nodes[i].group == edge.to)
                           : (int(i) == edge.from || int(i) == edge.to))
                lit[i] = 1;
    }
    for (std::size_t i = 0; i < lit.size(); ++i)
        if (lit[i])
            out << m_data->nodes[i].name;
    return out;
}

std::vector<int> TrafficGraphView::litEdges() const
{
    if (!m_data)
        return {};
    const int selected = m_data->nodeIndex(m_selectedNode);
    if (selected >= 0)
        return m_data->edgesOf(selected);
    if (m_selectedEdge >= 0)
        return {m_selectedEdge};
    return {};
}

void TrafficGraphView::applyHighlight()
{
    if (!m_data)
        return;
    const bool any = !m_selectedNode.isEmpty() || m_selectedEdge >= 0;
    std::vector<char> edgeLit(m_edges.size(), 0);
    for (int e : litEdges())
        edgeLit[std::size_t(e)] = 1;
    const QStringList nodes = litNodes();
    for (std::size_t i = 0; i < m_edges.size(); ++i) {
        m_edges[i]->setState(int(i) == m_selectedEdge, edgeLit[i]);
        m_edges[i]->setOpacity(!any || edgeLit[i] ? 1.0 : kDimmed);
    }
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        const QString &name = m_data->nodes[i].name;
        const bool lit = nodes.contains(name);
        m_nodes[i]->setState(name == m_selectedNode, lit && name != m_selectedNode, int(i) == m_focused && hasFocus());
        const double base = m_data->nodes[i].external ? 0.75 : 1.0;
        m_nodes[i]->setOpacity(!any || lit ? base : kDimmed + 0.14);
    }
}

void TrafficGraphView::selectNode(const QString &ns)
{
    if (!m_data || m_data->nodeIndex(ns) < 0)
        return;
    m_selectedNode = ns;
    m_selectedEdge = -1;
    m_focused = m_data->nodeIndex(ns);
    applyHighlight();
    ensureVisible(m_nodes[std::size_t(m_focused)], 40, 40);
    emit nodeSelected(ns);
}

void TrafficGraphView::selectEdge(int edge)
{
    if (!m_data || edge < 0 || edge >= int(m_data->edges.size()))
        return;
    m_selectedNode.clear();
    m_selectedEdge = edge;
    applyHighlight();
    emit edgeSelected(edge);
}

void TrafficGraphView::clearSelection()
{
    const bool had = !m_selectedNode.isEmpty() || m_selectedEdge >= 0;
    m_selectedNode.clear();
    m_selectedEdge = -1;
    applyHighlight();
    if (had)
        emit selectionCleared();
}

void TrafficGraphView::setFocusedIndex(int index)
{
    m_focused = index;
    applyHighlight();
    if (index >= 0 && index < int(m_nodes.size()))
        ensureVisible(m_nodes[std::size_t(index)], 40, 40);
}

void TrafficGraphView::scaleBy(double factor)
{
    const double current = zoom();
    const double target = std::clamp(current * factor, kMinZoom, kMaxZoom);
    if (current > 0)
        scale(target / current, target / current);
}

void TrafficGraphView::zoomIn() { scaleBy(kZoomStep); }
void TrafficGraphView::zoomOut() { scaleBy(1 / kZoomStep); }

void TrafficGraphView::fitAll()
{
    if (!m_data || m_data->groups.empty())
        return;
    fitInView(m_data->bounds.adjusted(-30, -30, 30, 30), Qt::KeepAspectRatio);
    // Never blow a small graph up beyond its natural size.
    if (zoom() > 1.0)
        scaleBy(1.0 / zoom());
}

double TrafficGraphView::zoom() const { return transform().m11(); }

QPointF TrafficGraphView::edgeAnchor(int edge) const
{
    return edge >= 0 && edge < int(m_edges.size()) ? m_edges[std::size_t(edge)]->anchor() : QPointF();
}

QPointF TrafficGraphView::nodeCentre(const QString &ns) const
{
    const int i = m_data ? m_data->nodeIndex(ns) : -1;
    return i >= 0 ? m_data->nodes[std::size_t(i)].rect.center() : QPointF();
}

int TrafficGraphView::nodeAt(const QPoint &pos, int *edge) const
{
    *edge = -1;
    for (QGraphicsItem *item : items(pos)) {
        for (std::size_t i = 0; i < m_nodes.size(); ++i)
            if (m_nodes[i] == item)
                return int(i);
        for (std::size_t i = 0; i < m_edges.size() && *edge < 0; ++i)
            if (m_edges[i] == item)
                *edge = int(i);
        if (*edge >= 0)
            return -1;
    }
    return -1;
}

void TrafficGraphView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        int edge = -1;
        const int node = nodeAt(event->position().toPoint(), &edge);
        if (node >= 0)
            selectNode(m_data->nodes[std::size_t(node)].name);
        else if (edge >= 0)
            selectEdge(edge);
        else
            clearSelection();
    }
    QGraphicsView::mousePressEvent(event);
}

void TrafficGraphView::mouseDoubleClickEvent(QMouseEvent *event)
{
    int edge = -1;
    const int node = nodeAt(event->position().toPoint(), &edge);
    if (node >= 0) {
        emit nodeActivated(m_data->nodes[std::size_t(node)].name);
        return;
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void TrafficGraphView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const double steps = event->angleDelta().y() / 120.0;
        if (steps != 0)
            scaleBy(std::pow(kZoomStep, steps));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void TrafficGraphView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
        zoomOut();
        return;
    case Qt::Key_0:
        fitAll();
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (m_focused >= 0 && m_data && m_focused < int(m_data->nodes.size())) {
            const QString name = m_data->nodes[std::size_t(m_focused)].name;
            if (event->modifiers() & Qt::ControlModifier)
                emit nodeActivated(name);
            else
                selectNode(name);
            return;
        }
        break;
    case Qt::Key_Escape:
        if (!m_selectedNode.isEmpty() || m_selectedEdge >= 0) {
            clearSelection();
            return;
        }
        break;
    default: break;
    }
    QGraphicsView::keyPressEvent(event);
}

bool TrafficGraphView::focusNextPrevChild(bool next)
{
    // Tab walks the projects in the graph's order, then leaves the view (no keyboard trap).
    if (hasFocus() && m_data && !m_data->nodes.empty()) {
        const int n = int(m_data->nodes.size());
        const int target = m_focused < 0 ? (next ? 0 : n - 1) : m_focused + (next ? 1 : -1);
        if (target >= 0 && target < n) {
            setFocusedIndex(target);
            return true;
        }
        m_focused = -1;
        applyHighlight();
    }
    return QWidget::focusNextPrevChild(next);
}

void TrafficGraphView::focusInEvent(QFocusEvent *event)
{
    QGraphicsView::focusInEvent(event);
    if (m_data && !m_data->nodes.empty() && m_focused < 0) {
        if (event->reason() == Qt::TabFocusReason)
            setFocusedIndex(0);
        else if (event->reason() == Qt::BacktabFocusReason)
            setFocusedIndex(int(m_data->nodes.size()) - 1);
    }
    applyHighlight();
}

void TrafficGraphView::syncScene()
{
    // Every role marked as set: the scene resolves a palette against the application's, which
    // would drop the colours this view inherits from its window.
    QPalette pal = palette();
    pal.setResolveMask(~QPalette::ResolveMask(0));
    scene()->setPalette(pal);
    QFont f = font();
    f.setResolveMask(~uint(0));
    scene()->setFont(f);
}

void TrafficGraphView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        syncScene();
        setBackgroundBrush(palette().color(QPalette::Window));
    }
    QGraphicsView::changeEvent(event);
}
