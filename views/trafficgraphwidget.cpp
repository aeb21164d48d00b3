// TrafficGraphWidget: the details are HTML with links (node:, pair:, group:, policy:, tree:)
// so a keyboard user can Tab into them and follow them like the arrows they describe.
#include "views/trafficgraphwidget.h"
#include "views/busyindicator.h"
#include "views/tonestyle.h"

#include "views/trafficgraphview.h"
#include "views/trafficlegend.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTextBrowser>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

using kube::net::Reach;

namespace {

constexpr int kListLimit = 150;  // rows per list in the details; the rest is counted

QString esc(const QString &s) { return s.toHtmlEscaped(); }

QString link(const QString &scheme, const QString &target, const QString &text)
{
    return QStringLiteral("<a href=\"%1:%2\">%3</a>")
        .arg(scheme, QString::fromLatin1(QUrl::toPercentEncoding(target, "/")), esc(text));
}

QString reachHtml(Reach reach, const QString &detail)
{
    QString text = TrafficGraph::reachText(reach);
    if (reach == Reach::Some && !detail.isEmpty())
        text += QStringLiteral(" (") + detail + QLatin1Char(')');
    return esc(text);
}

QString rulesHtml(const std::vector<TrafficRule> &rules)
{
    QString html = QStringLiteral("<ul>");
    for (const auto &r : rules) {
        const QString policy = QString::fromStdString(r.ref.ns) + QLatin1Char('/') + QString::fromStdString(r.ref.policy);
        html += QStringLiteral("<li>%1 — %2</li>").arg(esc(r.text), link(QStringLiteral("policy"), policy, QObject::tr("open")));
    }
    return html + QStringLiteral("</ul>");
}

} // namespace

TrafficGraphWidget::TrafficGraphWidget(QWidget *parent)
    : QWidget(parent)
    , m_view(new TrafficGraphView)
    , m_scope(new QComboBox)
    , m_outside(new QCheckBox(tr("Namespaces &outside workspaces")))
    , m_zoomIn(new QToolButton)
    , m_zoomOut(new QToolButton)
    , m_fit(new QToolButton)
    , m_status(new QLabel)
    , m_banner(new QLabel)
    , m_details(new QTextBrowser)
    , m_showInTree(new QPushButton(tr("Show in the &tree")))
    , m_legend(new TrafficLegend)
{
    setObjectName(QStringLiteral("trafficGraphWidget"));
    m_scope->setObjectName(QStringLiteral("trafficScope"));
    m_scope->setAccessibleName(tr("Scope"));
    m_scope->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_scope->addItem(tr("All workspaces"), QString());
    m_outside->setObjectName(QStringLiteral("trafficOutside"));
    m_outside->setToolTip(tr("Show every namespace outside workspaces (kube-system…), not only those an arrow needs"));
    m_zoomIn->setText(QStringLiteral("+"));
    m_zoomIn->setToolTip(tr("Zoom in (+, Ctrl+wheel)"));
    m_zoomIn->setAccessibleName(tr("Zoom in"));
    m_zoomOut->setText(QStringLiteral("−"));
    m_zoomOut->setToolTip(tr("Zoom out (-, Ctrl+wheel)"));
    m_zoomOut->setAccessibleName(tr("Zoom out"));
    m_fit->setText(tr("Fit"));
    m_fit->setToolTip(tr("Fit the graph in the window (0)"));
    m_status->setObjectName(QStringLiteral("trafficStatus"));
    m_status->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_status->setMinimumWidth(120);
    m_banner->setObjectName(QStringLiteral("trafficBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::RichText);
    m_banner->setVisible(false);
    m_banner->setAutoFillBackground(true);
    m_banner->setMargin(6);
    m_details->setObjectName(QStringLiteral("trafficDetails"));
    m_details->setOpenLinks(false);
    m_details->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_details->setAccessibleName(tr("Selection details"));
    m_showInTree->setObjectName(QStringLiteral("trafficShowInTree"));
    m_showInTree->setEnabled(false);

    auto *bar = new QHBoxLayout;
    auto *scopeLabel = new QLabel(tr("&Scope:"));
    scopeLabel->setBuddy(m_scope);
    bar->addWidget(scopeLabel);
    bar->addWidget(m_scope);
    bar->addWidget(m_outside);
    bar->addSpacing(12);
    bar->addWidget(m_status, 1);
    m_busy = new BusyIndicator([this] { return m_graph && m_graph->computing(); }, this);
    m_busy->setObjectName(QStringLiteral("trafficBusy"));
    m_busy->setCancel([this] {
        if (m_graph)
            m_graph->cancel();
    }, tr("Cancel computing the traffic graph"));
    m_busy->cancelButton()->setObjectName(QStringLiteral("trafficCancel"));
    bar->addWidget(m_busy);
    m_recompute = new QToolButton;
    m_recompute->setObjectName(QStringLiteral("trafficRecompute"));
    m_recompute->setText(tr("Compute again"));
    m_recompute->setToolTip(tr("The graph shown is from before the cancel: compute it for the current state"));
    m_recompute->hide();
    connect(m_recompute, &QToolButton::clicked, this, [this] {
        m_recompute->hide();
        if (m_graph)
            m_graph->refresh();
    });
    bar->addWidget(m_recompute);
    bar->addWidget(m_zoomOut);
    bar->addWidget(m_zoomIn);
    bar->addWidget(m_fit);

    // Beside the graph: the selection's details above, the legend below (scrolls when short).
    auto *top = new QWidget;
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_details, 1);
    auto *sideButtons = new QHBoxLayout;
    sideButtons->addWidget(m_showInTree);
    sideButtons->addStretch(1);
    topLayout->addLayout(sideButtons);
    auto *legendPage = new QWidget;
    auto *legendLayout = new QVBoxLayout(legendPage);
    legendLayout->setContentsMargins(0, 4, 0, 0);
    legendLayout->addWidget(new QLabel(tr("<b>Legend</b>")));
    legendLayout->addWidget(m_legend);
    legendLayout->addStretch(1);
    auto *legendScroll = new QScrollArea;
    legendScroll->setObjectName(QStringLiteral("trafficLegendScroll"));
    legendScroll->setAccessibleName(tr("Legend"));
    legendScroll->setWidget(legendPage);
    legendScroll->setWidgetResizable(true);
    legendScroll->setFrameShape(QFrame::NoFrame);
    legendScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *side = new QSplitter(Qt::Vertical);
    side->setObjectName(QStringLiteral("trafficSideSplitter"));
    side->addWidget(top);
    side->addWidget(legendScroll);
    side->setStretchFactor(0, 3);
    side->setStretchFactor(1, 2);
    side->setChildrenCollapsible(false);

    auto *split = new QSplitter(Qt::Horizontal);
    split->setObjectName(QStringLiteral("trafficSplitter"));
    split->addWidget(m_view);
    split->addWidget(side);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setSizes({820, 360});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_banner);
    layout->addWidget(split, 1);

    setTabOrder(m_scope, m_outside);
    setTabOrder(m_outside, m_view);
    setTabOrder(m_view, m_details);
    setTabOrder(m_details, m_showInTree);

    connect(m_zoomIn, &QToolButton::clicked, m_view, &TrafficGraphView::zoomIn);
    connect(m_zoomOut, &QToolButton::clicked, m_view, &TrafficGraphView::zoomOut);
    connect(m_fit, &QToolButton::clicked, m_view, &TrafficGraphView::fitAll);
    connect(m_scope, &QComboBox::currentIndexChanged, this, [this] {
        if (m_graph)
            m_graph->setWorkspace(scope());
    });
    connect(m_outside, &QCheckBox::toggled, this, [this](bool on) {
        if (m_graph)
            m_graph->setShowOutside(on);
    });
    connect(m_view, &TrafficGraphView::nodeSelected, this, &TrafficGraphWidget::showNode);
    connect(m_view, &TrafficGraphView::edgeSelected, this, &TrafficGraphWidget::showEdge);
    connect(m_view, &TrafficGraphView::selectionCleared, this, &TrafficGraphWidget::showNothing);
    connect(m_view, &TrafficGraphView::nodeActivated, this, &TrafficGraphWidget::showInTree);
    connect(m_details, &QTextBrowser::anchorClicked, this, &TrafficGraphWidget::onLink);
    connect(m_showInTree, &QPushButton::clicked, this, [this] {
        if (!m_detailNode.isEmpty())
            emit showInTree(m_detailNode);
    });
    showNothing();
}

void TrafficGraphWidget::setGraph(TrafficGraph *graph)
{
    disconnect(m_computedConnection);
    disconnect(m_computingConnection);
    disconnect(m_cancelledConnection);
    m_graph = graph;
    if (!graph)
        return;
    m_computedConnection = connect(graph, &TrafficGraph::computed, this, &TrafficGraphWidget::onComputed);
    m_computingConnection = connect(graph, &TrafficGraph::computingChanged, this, [this](bool computing) {
        if (computing) {
            m_status->setText(tr("Computing…"));
            m_recompute->hide();
        }
        if (m_busy)
            m_busy->refresh();
    });
    m_cancelledConnection = connect(graph, &TrafficGraph::cancelled, this, [this] {
        m_status->setText(m_graph && m_graph->data() ? tr("Cancelled: the graph shown is from before")
                                                     : tr("Cancelled: nothing computed yet"));
        m_recompute->show();
    });
    if (m_busy)
        m_busy->refresh();
    m_outside->setChecked(graph->options().showOutside);
    if (graph->data())
        onComputed();
    else
        m_status->setText(tr("Computing…"));
}

void TrafficGraphWidget::setScope(const QString &workspace)
{
    int index = m_scope->findData(workspace);
    if (index < 0 && !workspace.isEmpty()) {
        m_scope->addItem(workspace, workspace);
        index = m_scope->count() - 1;
    }
    m_scope->setCurrentIndex(std::max(0, index));
    if (m_graph)
        m_graph->setWorkspace(scope());
}

QString TrafficGraphWidget::scope() const
{
    return m_scope->currentData().toString();
}

void TrafficGraphWidget::selectNode(const QString &ns)
{
    const auto data = m_view->data();
    if (data && data->nodeIndex(ns) >= 0 && (!m_graph || !m_graph->computing())) {
        m_pendingNode.clear();
        m_view->selectNode(ns);
    } else {
        m_pendingNode = ns;
    }
}

QString TrafficGraphWidget::detailsText() const
{
    return m_details->toPlainText();
}

void TrafficGraphWidget::refillScopes()
{
    if (!m_graph)
        return;
    const QStringList workspaces = m_graph->workspaces();
    QStringList current;
    for (int i = 1; i < m_scope->count(); ++i)
        current << m_scope->itemData(i).toString();
    if (current == workspaces)
        return;
    const QString selected = scope();
    const QSignalBlocker block(m_scope);
    while (m_scope->count() > 1)
        m_scope->removeItem(1);
    for (const QString &w : workspaces)
        m_scope->addItem(w, w);
    const int index = m_scope->findData(selected);
    if (index >= 0) {
        m_scope->setCurrentIndex(index);
    } else {
        // The workspace went away: back to all of them.
        m_scope->setCurrentIndex(0);
        m_graph->setWorkspace(QString());
    }
}

void TrafficGraphWidget::onComputed()
{
    if (!m_graph)
        return;
    const auto data = m_graph->data();
    if (!data)
        return;
    refillScopes();
    m_view->setData(data);
    m_status->setText(tr("%n project(s)", nullptr, int(data->nodes.size())) + QStringLiteral(" · ")
                      + tr("%n arrow(s)", nullptr, int(data->edges.size())) + QStringLiteral(" · ")
                      + tr("%1 of %n restricted flow(s) as marks", nullptr, int(data->restrictedFlows)).arg(data->hiddenFlows));
    m_status->setToolTip(tr("%n namespace(s)", nullptr, int(data->namespaceCount)) + QStringLiteral(", ")
                         + tr("%n NetworkPolicy(ies)", nullptr, int(data->policyCount))
                         + tr("; flows computed in %1 ms, laid out in %2 ms")
                             .arg(data->flowMs, 0, 'f', 1)
                             .arg(data->layoutMs, 0, 'f', 1));
    QStringList banner;
    if (!data->policiesKnown)
        banner << tr("<b>NetworkPolicies could not be read</b> (not listed yet, or you may not list them): the graph cannot "
                     "say what is allowed.");
    for (int i = 0; i < std::min<int>(3, int(data->warnings.size())); ++i)
        banner << esc(data->warnings[i]);
    if (data->warnings.size() > 3)
        banner << tr("…and %n more warning(s).", nullptr, int(data->warnings.size()) - 3);
    m_banner->setText(banner.join(QStringLiteral("<br>")));
    m_banner->setVisible(!banner.isEmpty());
    // Tooltip colours of the current theme, taken again when it changes.
    ToneStyle::follow(m_banner, QStringLiteral("banner"), [banner = m_banner] {
        QPalette pal = ToneStyle::basePalette(banner);
        pal.setColor(QPalette::Window, pal.color(QPalette::ToolTipBase));
        pal.setColor(QPalette::WindowText, pal.color(QPalette::ToolTipText));
        banner->setPalette(pal);
    });

    if (!m_pendingNode.isEmpty() && data->nodeIndex(m_pendingNode) >= 0 && !m_graph->computing()) {
        const QString ns = std::exchange(m_pendingNode, QString());
        m_view->selectNode(ns);
        return;
    }
    // Live update: what the panel shows follows the new graph.
    if (!m_view->selectedNode().isEmpty())
        showNode(m_view->selectedNode());
    else if (m_view->selectedEdge() >= 0)
        showEdge(m_view->selectedEdge());
    else if (!m_detailNode.isEmpty())
        showNothing();
}

void TrafficGraphWidget::showNothing()
{
    m_detailNode.clear();
    m_showInTree->setEnabled(false);
    m_details->setHtml(tr("<p>Click an arrow to see the policies and rules that allow it, or a project to see what may "
                          "reach it and what it may reach.</p><p>Tab moves through the projects, Enter selects one; "
                          "Ctrl+wheel or +/- zoom, 0 fits.</p>"));
}

void TrafficGraphWidget::showNode(const QString &ns)
{
    if (!m_graph)
        return;
    const auto data = m_view->data();
    const TrafficNodeInfo info = data ? data->nodeDetails(ns) : TrafficNodeInfo{};
    if (!info.valid) {
        showNothing();
        return;
    }
    m_detailNode = ns;
    m_showInTree->setEnabled(true);
    QString html = QStringLiteral("<h3>%1</h3><p>").arg(esc(ns));
    html += info.workspace.isEmpty() ? tr("Outside any workspace") : tr("Workspace <b>%1</b>").arg(esc(info.workspace));
    if (!info.isolation.isEmpty())
        html += tr(" · network isolation: %1").arg(esc(info.isolation));
    html += QStringLiteral(" · ") + tr("%n NetworkPolicy(ies)", nullptr, int(info.policies.size())) + QStringLiteral("</p>");
    html += tr("<p>Its pods among themselves: %1.</p>").arg(esc(TrafficGraph::reachText(info.self)));

    auto peerList = [&](const std::vector<TrafficPeer> &peers, bool incoming) {
        QString out = QStringLiteral("<ul>");
        int shown = 0;
        for (const auto &p : peers) {
            if (++shown > kListLimit)
                break;
            const QString pair = incoming ? p.ns + QLatin1Char('/') + ns : ns + QLatin1Char('/') + p.ns;
            out += QStringLiteral("<li>%1 — %2 — %3</li>")
                       .arg(link(QStringLiteral("node"), p.ns, p.ns), reachHtml(p.reach, p.detail),
                            link(QStringLiteral("pair"), pair, tr("why")));
        }
        if (int(peers.size()) > kListLimit)
            out += tr("<li>…and %n more</li>", nullptr, int(peers.size()) - kListLimit);
        return out + QStringLiteral("</ul>");
    };

    html += tr("<h4>May be reached from</h4>");
    if (info.ingressOpen)
        html += tr("<p>No policy selects its pods for ingress: every namespace whose egress is open reaches it "
                   "(%n namespace(s), not drawn).</p>",
                   nullptr, info.openSources);
    if (!info.reachedFrom.empty())
        html += (info.ingressOpen ? tr("<p>And, by rules:</p>") : QString()) + peerList(info.reachedFrom, true);
    else if (!info.ingressOpen)
        html += tr("<p>No other namespace: its ingress policies admit none.</p>");

    html += tr("<h4>May reach</h4>");
    if (info.egressOpen)
        html += tr("<p>No policy selects its pods for egress: it reaches every namespace whose ingress is open "
                   "(%n namespace(s), not drawn).</p>",
                   nullptr, info.openTargets);
    if (!info.reaches.empty())
        html += (info.egressOpen ? tr("<p>And, by rules:</p>") : QString()) + peerList(info.reaches, false);
    else if (!info.egressOpen)
        html += tr("<p>No other namespace: its egress policies allow none.</p>");

    if (!info.policies.isEmpty()) {
        html += tr("<h4>NetworkPolicies in %1</h4><ul>").arg(esc(ns));
        for (const QString &p : info.policies)
            html += QStringLiteral("<li>%1</li>").arg(link(QStringLiteral("policy"), ns + QLatin1Char('/') + p, p));
        html += QStringLiteral("</ul>");
    }
    m_details->setHtml(html);
}

void TrafficGraphWidget::showEdge(int edge)
{
    const auto data = m_view->data();
    if (!data || edge < 0 || edge >= int(data->edges.size()))
        return;
    const auto &e = data->edges[std::size_t(edge)];
    if (e.group)
        showEdgeInfo(data->groupEdgeDetails(data->groups[std::size_t(e.from)].workspace, data->groups[std::size_t(e.to)].workspace));
    else
        showEdgeInfo(data->edgeDetails(data->nodes[std::size_t(e.from)].name, data->nodes[std::size_t(e.to)].name));
}

void TrafficGraphWidget::showPair(const QString &from, const QString &to)
{
    const auto data = m_view->data();
    if (!data)
        return;
    // The arrow, when one is drawn, is lit too.
    const int a = data->nodeIndex(from), b = data->nodeIndex(to);
    for (std::size_t i = 0; i < data->edges.size(); ++i)
        if (!data->edges[i].group && data->edges[i].from == a && data->edges[i].to == b) {
            m_view->selectEdge(int(i));
            return;
        }
    showEdgeInfo(data->edgeDetails(from, to));
}

void TrafficGraphWidget::showEdgeInfo(const TrafficEdgeInfo &info)
{
    if (!info.valid) {
        showNothing();
        return;
    }
    m_detailNode.clear();
    m_showInTree->setEnabled(false);
    QString html;
    if (info.group) {
        html += QStringLiteral("<h3>%1 → %2</h3>").arg(esc(info.from), esc(info.to));
        html += tr("<p>Every project of workspace <b>%1</b> may reach every project of workspace <b>%2</b> "
                   "(%n pair(s)): %3.</p>",
                   nullptr, info.pairs)
                    .arg(esc(info.from), esc(info.to), reachHtml(info.reach, info.detail));
    } else {
        html += QStringLiteral("<h3>%1 → %2</h3>")
                    .arg(link(QStringLiteral("node"), info.from, info.from), link(QStringLiteral("node"), info.to, info.to));
        html += tr("<p>Allowed: <b>%1</b>.</p>").arg(reachHtml(info.reach, info.detail));
        if (info.reach == Reach::None && !info.detail.isEmpty())
            html += QStringLiteral("<p>%1</p>").arg(esc(info.detail));
    }
    html += info.group ? tr("<h4>Egress at the source</h4>") : tr("<h4>Egress at %1</h4>").arg(esc(info.from));
    if (!info.egressRestricted)
        html += tr("<p>No policy selects the source's pods for egress: all egress is allowed.</p>");
    else if (info.egress.empty())
        html += tr("<p>Its egress policies allow none of it.</p>");
    else
        html += tr("<p>Allowed by:</p>") + rulesHtml(info.egress);
    html += info.group ? tr("<h4>Ingress at the destination</h4>") : tr("<h4>Ingress at %1</h4>").arg(esc(info.to));
    if (!info.ingressRestricted)
        html += tr("<p>No policy selects the destination's pods for ingress: all ingress is allowed.</p>");
    else if (info.ingress.empty())
        html += tr("<p>Its ingress policies admit none of it.</p>");
    else
        html += tr("<p>Allowed by:</p>") + rulesHtml(info.ingress);
    m_details->setHtml(html);
}

void TrafficGraphWidget::onLink(const QUrl &url)
{
    const QString scheme = url.scheme();
    const QString target = QUrl::fromPercentEncoding(url.path().toUtf8());
    if (scheme == QLatin1String("node")) {
        m_view->selectNode(target);
    } else if (scheme == QLatin1String("pair")) {
        showPair(target.section(QLatin1Char('/'), 0, 0), target.section(QLatin1Char('/'), 1));
    } else if (scheme == QLatin1String("policy")) {
        emit openPolicy(target.section(QLatin1Char('/'), 0, 0), target.section(QLatin1Char('/'), 1));
    }
}
