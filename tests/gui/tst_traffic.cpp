// The allowed-traffic window in the real app against the devcluster: NetworkPolicies created
// with kubectl (the independent peer), the window opened from the menu's shortcut on a
// workspace, arrows and marks compared with the network engine's own answer, a click on an
// arrow naming the policy and rule, a click on a project lighting its arrows, a policy
// created while the window is open changing the graph live, the window following the tree,
// keyboard walking, and a policy link opening the project's Network tab.
#include "guitestsupport.h"

#include "mainwindow.h"
#include "models/clustersession.h"
#include "models/trafficgraph.h"
#include "trafficwindow.h"
#include "views/detailpanel.h"
#include "views/navigatorwidget.h"
#include "views/trafficgraphview.h"
#include "views/trafficgraphwidget.h"
#include "views/trafficlegend.h"

#include "kubeclient/network/netpolicy.h"
#include "kubeclient/tenancy/graph/graphnetwork.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QtTest>

using namespace kube;
using kube::net::Reach;

namespace {

QString qs(const std::string &s) { return QString::fromStdString(s); }

using guitest::kubectlApply;

QByteArray ingressPolicy(const std::string &ns, const char *name, const QByteArray &from, const QByteArray &ports = {})
{
    QByteArray y = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: " + QByteArray(name)
                 + "\n  namespace: " + QByteArray::fromStdString(ns)
                 + "\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n  ingress:\n  - from:\n" + from;
    if (!ports.isEmpty())
        y += "    ports:\n" + ports;
    return y;
}

QByteArray fromNamespaceLabel(const char *key, const std::string &value)
{
    return "    - namespaceSelector:\n        matchLabels:\n          " + QByteArray(key) + ": " + QByteArray::fromStdString(value)
         + "\n";
}

// The arrows drawn, as "a->b" / "a~>b" (Some), group arrows "[ws]->[ws]".
QStringList arrowsOf(const TrafficGraphData &d)
{
    QStringList out;
    for (const auto &e : d.edges) {
        const QString arrow = e.reach == Reach::Some ? QStringLiteral("~>") : QStringLiteral("->");
        out << (e.group ? QLatin1Char('[') + d.groups[std::size_t(e.from)].workspace + QLatin1Char(']') + arrow + QLatin1Char('[')
                              + d.groups[std::size_t(e.to)].workspace + QLatin1Char(']')
                        : d.nodes[std::size_t(e.from)].name + arrow + d.nodes[std::size_t(e.to)].name);
    }
    return out;
}

int edgeIndex(const TrafficGraphData &d, const QString &from, const QString &to)
{
    for (std::size_t i = 0; i < d.edges.size(); ++i) {
        const auto &e = d.edges[i];
        if (!e.group && d.nodes[std::size_t(e.from)].name == from && d.nodes[std::size_t(e.to)].name == to)
            return int(i);
    }
    return -1;
}

// The graph is computed, for the snapshot the session holds now.
bool settled(TrafficWindow *w)
{
    const auto d = w->graph()->data();
    return d && !w->graph()->computing() && w->session() && d->version == w->session()->snapshot().version();
}

} // namespace

class tst_Traffic : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void arrowsMatchTheEngineAndClicksExplainThem();

private:
    std::unique_ptr<Client> m_admin;
    guitest::Seed m_seed;
};

void tst_Traffic::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    std::string error;
    m_admin = guitest::adminWithSeed(&m_seed, &error);
    QVERIFY2(m_admin, error.c_str());
    // ws1's projects admit their workspace (KubeSphere's workspace isolation); p3 (ws2)
    // admits p1 on 8080/TCP only.
    QString kubectlError;
    for (const auto &p : {m_seed.p1, m_seed.p2})
        QVERIFY2(kubectlApply(ingressPolicy(p, "same-workspace", fromNamespaceLabel("kubesphere.io/workspace", m_seed.ws1)),
                              &kubectlError),
                 qPrintable(kubectlError));
    QVERIFY2(kubectlApply(ingressPolicy(m_seed.p3, "from-p1-web",
                                        fromNamespaceLabel("kubernetes.io/metadata.name", m_seed.p1),
                                        "    - port: 8080\n      protocol: TCP\n"),
                          &kubectlError),
             qPrintable(kubectlError));
    // A project of ws2 that admits nobody: p1 then never reaches every project of the shared
    // cluster (other tests' projects, open or not, could make it; p1 would be drawn as a
    // "reaches every project" mark instead of its arrow into p3).
    const std::string closed = "closed-" + m_seed.sfx;
    QVERIFY2(guitest::createNamespaces(*m_admin, {closed}, m_seed.ws2, &error), error.c_str());
    QVERIFY2(kubectlApply("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny-all\n  namespace: "
                              + QByteArray::fromStdString(closed) + "\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n",
                          &kubectlError),
             qPrintable(kubectlError));
}

void tst_Traffic::arrowsMatchTheEngineAndClicksExplainThem()
{
    MainWindow::Options o;
    o.persist = false;
    MainWindow w(o);
    w.resize(1280, 800);
    ConnectionSpec spec;
    spec.kubeconfig = qs(clusterenv::kubeconfigPath("admin"));
    spec.context = QStringLiteral("admin@devcluster");
    spec.modeOverride = QStringLiteral("standalone");
    w.addConnection(spec, false);
    w.show();
    QTRY_VERIFY_WITH_TIMEOUT(w.allLoaded(), 60000);
    ClusterSession *session = w.sessions().first();
    const QString cluster = session->id();
    const QString ws1 = qs(m_seed.ws1), ws2 = qs(m_seed.ws2), p1 = qs(m_seed.p1), p2 = qs(m_seed.p2), p3 = qs(m_seed.p3);
    QTRY_VERIFY_WITH_TIMEOUT(session->snapshot().objectsInNamespace(tenancy::GraphKind::NetworkPolicy, m_seed.p3).size() == 1
                                 && session->snapshot().objectsInNamespace(tenancy::GraphKind::NetworkPolicy, "closed-" + m_seed.sfx).size() == 1,
                             20000);

    // Given ws2 selected in the tree
    QVERIFY(w.navigator()->selectPath(cluster + QStringLiteral("/Workspaces/") + ws2));
    // When the user presses Ctrl+T (View → Allowed traffic…)
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTest::keyClick(&w, Qt::Key_T, Qt::ControlModifier);
    TrafficWindow *traffic = w.lastTrafficWindow();
    QVERIFY(traffic);
    QVERIFY(QTest::qWaitForWindowExposed(traffic));
    traffic->resize(1280, 800);
    TrafficGraphWidget *widget = traffic->widget();
    TrafficGraphView *view = widget->view();
    // Then the graph is limited to ws2, with p1 shown (outside the scope) for its arrow into p3
    QCOMPARE(widget->scope(), ws2);
    QTRY_VERIFY_WITH_TIMEOUT(settled(traffic) && traffic->graph()->data()->workspace == ws2, 30000);
    // (the view draws the graph's newest data: arrows are looked up in what is on screen)
    QTRY_VERIFY_WITH_TIMEOUT(view->data() == traffic->graph()->data(), 10000);
    auto data = view->data();
    QVERIFY(data->policiesKnown);
    QCOMPARE(data->groups[0].workspace, ws2);
    QVERIFY(data->nodeIndex(p3) >= 0);
    QVERIFY(data->nodeIndex(p1) >= 0);
    QVERIFY(data->nodes[std::size_t(data->nodeIndex(p1))].external);
    QCOMPARE(data->nodeIndex(p2), -1);
    // And the arrows are what the engine says, on its own, of the same snapshot: p1 → p3 only
    // some ports (dashed), p2 → p3 nothing
    const auto set = tenancy::networkOf(session->snapshot());
    const auto flows = net::computeFlows(set);
    QCOMPARE(flows.flow(m_seed.p1, m_seed.p3).reach, Reach::Some);
    QCOMPARE(flows.flow(m_seed.p2, m_seed.p3).reach, Reach::None);
    QVERIFY(!flows.ingressOpen(m_seed.p3));
    QVERIFY(flows.egressOpen(m_seed.p1));
    QStringList arrows = arrowsOf(*data);
    QVERIFY2(arrows.contains(p1 + QStringLiteral("~>") + p3), qPrintable(arrows.join(QLatin1Char(' '))));
    QVERIFY2(!arrows.contains(p2 + QStringLiteral("->") + p3) && !arrows.contains(p2 + QStringLiteral("~>") + p3),
             qPrintable(arrows.join(QLatin1Char(' '))));
    for (const auto &n : data->nodes)
        QCOMPARE(n.ingressOpen, flows.ingressOpen(n.name.toStdString()));
    guitest::save(traffic, QStringLiteral("traffic-ws2"));

    // When the user clicks the dashed arrow
    const int arrow = edgeIndex(*data, p1, p3);
    QVERIFY(arrow >= 0);
    view->centerOn(view->edgeAnchor(arrow));
    QCoreApplication::processEvents();  // a pending refit or rebuild lands before the point is taken
    QCOMPARE(view->data(), data);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(view->edgeAnchor(arrow)));
    // Then the panel names the policy and the rule that allow it, and the port that limits it
    QCOMPARE(view->selectedEdge(), arrow);
    QString details = widget->detailsText();
    QVERIFY2(details.contains(p3 + QStringLiteral("/from-p1-web")), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("ingress rule 1 of ")), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("8080/TCP")), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("all egress is allowed")), qPrintable(details));
    guitest::save(traffic, QStringLiteral("traffic-arrow-clicked"));

    // When a policy is created with kubectl while the window is open: p3 may send to p2 (egress
    // is open; p2 now also admits p3)
    QString kubectlError;
    QVERIFY2(kubectlApply(ingressPolicy(m_seed.p2, "from-p3", fromNamespaceLabel("kubernetes.io/metadata.name", m_seed.p3)),
                          &kubectlError),
             qPrintable(kubectlError));
    // Then the graph changes live: an arrow p3 → p2 (solid), p2 shown for it
    QTRY_VERIFY_WITH_TIMEOUT(settled(traffic) && edgeIndex(*traffic->graph()->data(), p3, p2) >= 0, 30000);
    data = traffic->graph()->data();
    QCOMPARE(data->edges[std::size_t(edgeIndex(*data, p3, p2))].reach, Reach::All);
    // And the arrow still selected is the same one, its details too
    QCOMPARE(view->selectedEdge(), edgeIndex(*data, p1, p3));
    QVERIFY(widget->detailsText().contains(QStringLiteral("from-p1-web")));

    // When the user selects ws1 in the tree, the window follows: ws1's projects admit each
    // other (one mark, no arrows between them)
    QVERIFY(w.navigator()->selectPath(cluster + QStringLiteral("/Workspaces/") + ws1));
    QCOMPARE(widget->scope(), ws1);
    QTRY_VERIFY_WITH_TIMEOUT(settled(traffic) && traffic->graph()->data()->workspace == ws1, 30000);
    data = traffic->graph()->data();
    QCOMPARE(data->groups[0].workspace, ws1);
    QVERIFY(data->groups[0].internalAll);
    QCOMPARE(data->groups[0].internalReach, Reach::All);
    QCOMPARE(flows.flow(m_seed.p1, m_seed.p2).reach, Reach::All);
    arrows = arrowsOf(*data);
    QVERIFY2(!arrows.contains(p1 + QStringLiteral("->") + p2), qPrintable(arrows.join(QLatin1Char(' '))));
    QVERIFY2(arrows.contains(p1 + QStringLiteral("~>") + p3), qPrintable(arrows.join(QLatin1Char(' '))));
    QVERIFY2(arrows.contains(p3 + QStringLiteral("->") + p2), qPrintable(arrows.join(QLatin1Char(' '))));

    // When the user clicks project p1
    view->centerOn(view->nodeCentre(p1));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(view->nodeCentre(p1)));
    // Then the panel says what may reach it (its workspace, by rule) and what it may reach,
    // and its arrow into p3 is lit while the others are dimmed
    QCOMPARE(view->selectedNode(), p1);
    details = widget->detailsText();
    QVERIFY2(details.contains(QStringLiteral("May be reached from")), qPrintable(details));
    QVERIFY2(details.contains(p2), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("May reach")), qPrintable(details));
    QVERIFY2(details.contains(p3 + QStringLiteral(" — some pods or ports")), qPrintable(details));
    QVERIFY(view->litNodes().contains(p3));
    QVERIFY(!view->litNodes().contains(QStringLiteral("kube-system")));
    const auto lit = view->litEdges();
    QVERIFY(std::find(lit.begin(), lit.end(), edgeIndex(*data, p1, p3)) != lit.end());
    QVERIFY(std::find(lit.begin(), lit.end(), edgeIndex(*data, p3, p2)) == lit.end());
    QVERIFY(widget->showInTreeButton()->isEnabled());
    guitest::save(traffic, QStringLiteral("traffic-ws1-project-selected"));

    // When the user walks the projects with Tab and presses Enter
    view->setFocus(Qt::OtherFocusReason);
    view->clearSelection();
    // (keyboard focus stays on the project clicked last: p1, first of ws1)
    QCOMPARE(view->focusedNode(), p1);
    QCOMPARE(data->nodes[0].name, p1);
    QTest::keyClick(view, Qt::Key_Tab);
    QCOMPARE(view->focusedNode(), data->nodes[1].name);
    QTest::keyClick(view, Qt::Key_Tab);
    QCOMPARE(view->focusedNode(), data->nodes[2].name);
    QTest::keyClick(view, Qt::Key_Backtab, Qt::ShiftModifier);
    QCOMPARE(view->focusedNode(), data->nodes[1].name);
    QTest::keyClick(view, Qt::Key_Return);
    // Then that project is selected; + and - zoom
    QCOMPARE(view->selectedNode(), data->nodes[1].name);
    const double zoom = view->zoom();
    QTest::keyClick(view, Qt::Key_Plus);
    QVERIFY(view->zoom() > zoom);
    QTest::keyClick(view, Qt::Key_Minus);
    QVERIFY(qAbs(view->zoom() - zoom) < 1e-6);

    // When the user follows the policy link of p3's rule, the main window shows p3's Network
    // tab with the policy selected
    view->selectEdge(edgeIndex(*data, p1, p3));
    emit widget->detailsView()->anchorClicked(QUrl(QStringLiteral("policy:") + p3 + QStringLiteral("/from-p1-web")));
    QCOMPARE(w.detailPanel()->tabs()->currentWidget(), w.detailPanel()->tab(NodeDetails::NetworkTab));
    auto *table = w.detailPanel()->tab(NodeDetails::NetworkTab)->findChild<QTableView *>();
    QVERIFY(table && table->selectionModel());
    QTRY_VERIFY(!table->selectionModel()->selectedRows().isEmpty());
    QCOMPARE(table->selectionModel()->selectedRows().first().data().toString(), QStringLiteral("from-p1-web"));
    // And selecting p3 in the tree moved the graph to ws2 (it follows), with p3 selected
    QTRY_VERIFY_WITH_TIMEOUT(settled(traffic) && traffic->graph()->data()->workspace == ws2, 30000);
    QTRY_COMPARE(view->selectedNode(), p3);
    guitest::save(&w, QStringLiteral("traffic-policy-in-network-tab"));

    // And the legend says what the symbols mean
    QVERIFY(widget->legend()->entries().join(QLatin1Char(' ')).contains(QStringLiteral("only some pods or ports")));

    // When every workspace is shown, the whole cluster's graph is there (the other tests'
    // namespaces included) and its counts add up
    widget->scopeBox()->setCurrentIndex(0);
    QTRY_VERIFY_WITH_TIMEOUT(settled(traffic) && traffic->graph()->data()->workspace.isEmpty(), 30000);
    data = traffic->graph()->data();
    QVERIFY(data->nodeIndex(p1) >= 0 && data->nodeIndex(p2) >= 0 && data->nodeIndex(p3) >= 0);
    QVERIFY(data->hiddenFlows <= data->restrictedFlows);
    QVERIFY(widget->statusLabel()->text().contains(QStringLiteral("arrow")));
    guitest::save(traffic, QStringLiteral("traffic-all"));
    // And in a dark palette the graph follows it (colours come from the palette)
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x33, 0x33, 0x33));
    dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Mid, QColor(0x55, 0x55, 0x55));
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xe6));
    dark.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    traffic->setPalette(dark);
    view->selectNode(p1);
    QCOMPARE(view->scene()->palette().color(QPalette::Base), QColor(0x1e, 0x1e, 0x1e));
    guitest::save(traffic, QStringLiteral("traffic-dark"));
    traffic->close();
}

QTEST_MAIN(tst_Traffic)
#include "tst_traffic.moc"
