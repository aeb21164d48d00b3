// The allowed-traffic graph without a cluster: a fixture tenancy with KubeSphere-style
// workspace isolation, a port-limited rule, a default deny, an egress allow-list, a policy
// admitting every namespace and a workspace admitting another one; what is drawn as arrows,
// what as marks, the details of a click, the workspace scope, live updates and the layout.
#include "models/trafficgraph.h"
#include "tests/support/synthetictraffic.h"
#include "views/busyindicator.h"
#include "views/trafficgraphwidget.h"

#include "kubeclient/tenancy/graph/tenancygraph.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QSignalSpy>
#include <QToolButton>
#include <QtTest>

using namespace kube::tenancy;
using kube::net::Reach;
using nlohmann::json;

namespace {

int g_rv = 1;

GraphObject object(json o)
{
    o["metadata"]["resourceVersion"] = std::to_string(++g_rv);
    return kube::freeze(std::move(o));
}

GraphObject workspace(const std::string &name, bool isolated = false)
{
    json o = {{"apiVersion", "tenant.kubesphere.io/v1beta1"},
              {"kind", "WorkspaceTemplate"},
              {"metadata", {{"name", name}}},
              {"spec", {{"template", {{"spec", {{"manager", "admin"}}}}}}}};
    if (isolated)
        o["metadata"]["annotations"]["kubesphere.io/network-isolate"] = "enabled";
    return object(o);
}

GraphObject ns(const std::string &name, const std::string &ws, bool isolated = false)
{
    json o = {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", name}}}};
    o["metadata"]["labels"]["kubernetes.io/metadata.name"] = name;
    if (!ws.empty())
        o["metadata"]["labels"]["kubesphere.io/workspace"] = ws;
    if (isolated)
        o["metadata"]["annotations"]["kubesphere.io/network-isolate"] = "enabled";
    return object(o);
}

GraphObject policy(const std::string &namespaceName, const std::string &name, json spec)
{
    return object({{"apiVersion", "networking.k8s.io/v1"},
                   {"kind", "NetworkPolicy"},
                   {"metadata", {{"name", name}, {"namespace", namespaceName}}},
                   {"spec", std::move(spec)}});
}

json fromWorkspaces(std::initializer_list<const char *> workspaces)
{
    json from = json::array();
    for (const char *w : workspaces)
        from.push_back({{"namespaceSelector", {{"matchLabels", {{"kubesphere.io/workspace", w}}}}}});
    return from;
}

// ws-a: three projects under workspace isolation (each admits its workspace);
// ws-b: b1 may send only to its workspace, b2 admits a1 on 8080/TCP, b3 denies all ingress,
//       b4 has no policy; ws-c: c1 admits every namespace; ws-d / ws-e: e1, e2 admit both
//       workspaces; kube-system outside any workspace.
void seed(TenancyGraph &g)
{
    for (GraphKind k : {GraphKind::Namespace, GraphKind::WorkspaceTemplate, GraphKind::Workspace, GraphKind::NetworkPolicy})
        g.resync(k, {});
    g.upsert(GraphKind::WorkspaceTemplate, workspace("ws-a", true));
    for (const char *w : {"ws-b", "ws-c", "ws-d", "ws-e"})
        g.upsert(GraphKind::WorkspaceTemplate, workspace(w));
    for (const char *p : {"a1", "a2", "a3"}) {
        g.upsert(GraphKind::Namespace, ns(p, "ws-a"));
        g.upsert(GraphKind::NetworkPolicy, policy(p, "nsnp-network-isolate",
                                                  {{"podSelector", json::object()}, {"policyTypes", {"Ingress"}},
                                                   {"ingress", {{{"from", fromWorkspaces({"ws-a"})}}}}}));
    }
    for (const char *p : {"b1", "b2", "b4"})
        g.upsert(GraphKind::Namespace, ns(p, "ws-b"));
    g.upsert(GraphKind::Namespace, ns("b3", "ws-b", true));
    g.upsert(GraphKind::NetworkPolicy, policy("b1", "egress-to-workspace",
                                              {{"podSelector", json::object()}, {"policyTypes", {"Egress"}},
                                               {"egress", {{{"to", fromWorkspaces({"ws-b"})}}}}}));
    g.upsert(GraphKind::NetworkPolicy,
             policy("b2", "allow-a1",
                    {{"podSelector", json::object()},
                     {"policyTypes", {"Ingress"}},
                     {"ingress",
                      {{{"from", {{{"namespaceSelector", {{"matchLabels", {{"kubernetes.io/metadata.name", "a1"}}}}}}}},
                        {"ports", {{{"port", 8080}, {"protocol", "TCP"}}}}}}}}));
    g.upsert(GraphKind::NetworkPolicy,
             policy("b3", "deny-all", {{"podSelector", json::object()}, {"policyTypes", {"Ingress"}}}));
    g.upsert(GraphKind::Namespace, ns("c1", "ws-c"));
    g.upsert(GraphKind::NetworkPolicy,
             policy("c1", "from-everywhere",
                    {{"podSelector", json::object()},
                     {"policyTypes", {"Ingress"}},
                     {"ingress", {{{"from", {{{"namespaceSelector", json::object()}}}}}}}}));
    for (const char *p : {"d1", "d2"})
        g.upsert(GraphKind::Namespace, ns(p, "ws-d"));
    for (const char *p : {"e1", "e2"}) {
        g.upsert(GraphKind::Namespace, ns(p, "ws-e"));
        g.upsert(GraphKind::NetworkPolicy, policy(p, "from-d-and-e",
                                                  {{"podSelector", json::object()}, {"policyTypes", {"Ingress"}},
                                                   {"ingress", {{{"from", fromWorkspaces({"ws-d", "ws-e"})}}}}}));
    }
    g.upsert(GraphKind::Namespace, ns("kube-system", ""));
}

// The arrows as "from->to" (solid) / "from~>to" (Some), group arrows as "[ws]->[ws]", sorted.
QStringList arrowsOf(const TrafficGraphData &d)
{
    QStringList out;
    for (const auto &e : d.edges) {
        const QString arrow = e.reach == Reach::Some ? QStringLiteral("~>") : QStringLiteral("->");
        if (e.group)
            out << QLatin1Char('[') + d.groups[std::size_t(e.from)].workspace + QLatin1Char(']') + arrow + QLatin1Char('[')
                       + d.groups[std::size_t(e.to)].workspace + QLatin1Char(']');
        else
            out << d.nodes[std::size_t(e.from)].name + arrow + d.nodes[std::size_t(e.to)].name;
    }
    out.sort();
    return out;
}

const TrafficGraphData::Node &node(const TrafficGraphData &d, const char *name)
{
    const int i = d.nodeIndex(QString::fromLatin1(name));
    static const TrafficGraphData::Node none;
    return i < 0 ? none : d.nodes[std::size_t(i)];
}

QStringList peers(const std::vector<TrafficPeer> &list)
{
    QStringList out;
    for (const auto &p : list)
        out << p.ns + (p.reach == Reach::Some ? QStringLiteral("(some)") : QString());
    out.sort();
    return out;
}

} // namespace

class tst_TrafficGraphModel : public QObject
{
    Q_OBJECT
private slots:
    void arrowsOnlyWhereAPolicyDecides();
    void marksReplaceArrowsThatWouldSayEverything();
    void clickingAnArrowNamesThePoliciesAndRules();
    void clickingAProjectSaysWhatReachesItAndWhatItReaches();
    void aWorkspaceScopeKeepsTheArrowsThatCrossIt();
    void recomputesLiveAndReusesFlowsWhenPoliciesDidNotChange();
    void layoutIsDeterministicAndNodesDoNotOverlap();
    void aNamespaceReachingEveryProjectIsAMarkNotAFan();
    void unreadablePoliciesAreSaidNotGuessed();
    void aLongComputationCanBeCancelledAndComputedAgain();
};

void tst_TrafficGraphModel::arrowsOnlyWhereAPolicyDecides()
{
    // Given the fixture tenancy
    TenancyGraph g;
    seed(g);
    // When the graph of every workspace is computed
    const auto d = TrafficGraph::compute(g.snapshot(), {});
    // Then projects are nodes grouped by workspace (kube-system is not shown: outside, no arrow)
    QCOMPARE(int(d->groups.size()), 5);
    QCOMPARE(d->groups[0].workspace, QStringLiteral("ws-a"));
    QCOMPARE(d->groups[0].projects, 3);
    QVERIFY(d->groups[0].isolated);
    QCOMPARE(d->nodeIndex(QStringLiteral("kube-system")), -1);
    QCOMPARE(node(*d, "b3").isolation, TrafficGraphData::Isolation::Project);
    QCOMPARE(node(*d, "a1").isolation, TrafficGraphData::Isolation::Workspace);
    // And open sides are flags, not arrows
    QVERIFY(!node(*d, "a1").ingressOpen);
    QVERIFY(node(*d, "a1").egressOpen);
    QVERIFY(node(*d, "b4").ingressOpen && node(*d, "b4").egressOpen);
    QVERIFY(!node(*d, "b1").egressOpen);
    QVERIFY(!node(*d, "b3").ingressOpen);
    // And arrows are the restricted flows: the port-limited rule dashed (Some), b1's
    // allow-list to its workspace's open project solid, ws-d → ws-e as one group arrow
    const QStringList arrows = arrowsOf(*d);
    QVERIFY2(arrows.contains(QStringLiteral("a1~>b2")), qPrintable(arrows.join(QLatin1Char(' '))));
    QVERIFY2(arrows.contains(QStringLiteral("b1->b4")), qPrintable(arrows.join(QLatin1Char(' '))));
    QVERIFY2(arrows.contains(QStringLiteral("[ws-d]->[ws-e]")), qPrintable(arrows.join(QLatin1Char(' '))));
    // And nothing enters the default-deny project, nothing leaves b1 but to its workspace
    for (const QString &a : arrows) {
        QVERIFY2(!a.endsWith(QStringLiteral(">b3")), qPrintable(a));
        if (a.startsWith(QStringLiteral("b1")))
            QVERIFY2(a == QStringLiteral("b1->b4"), qPrintable(a));
    }
    QCOMPARE(arrows, QStringList({QStringLiteral("[ws-d]->[ws-e]"), QStringLiteral("a1~>b2"), QStringLiteral("b1->b4")}));
    QCOMPARE(d->namespaceCount, 13);
    QCOMPARE(d->policyCount, 9);
}

void tst_TrafficGraphModel::marksReplaceArrowsThatWouldSayEverything()
{
    TenancyGraph g;
    seed(g);
    const auto d = TrafficGraph::compute(g.snapshot(), {});
    // Then ws-a's isolation (each project admits its workspace) is one mark, not six arrows
    const auto &a = d->groups[std::size_t(d->groupIndex(QStringLiteral("ws-a")))];
    QVERIFY(a.internalAll);
    QCOMPARE(a.internalReach, Reach::All);
    // And ws-e's projects admitting each other is a mark too; ws-b's are not all connected
    QVERIFY(d->groups[std::size_t(d->groupIndex(QStringLiteral("ws-e")))].internalAll);
    QVERIFY(!d->groups[std::size_t(d->groupIndex(QStringLiteral("ws-b")))].internalAll);
    // And c1 admitting every namespace is a mark: no arrow from each of the eleven open senders
    QVERIFY(node(*d, "c1").fromAll);
    QCOMPARE(node(*d, "c1").fromAllReach, Reach::All);
    QVERIFY(!node(*d, "b2").fromAll);
    QVERIFY(!node(*d, "b1").toAll);  // b1 does not reach kube-system, whose ingress is open
    // And what is hidden is counted: 6 (in ws-a) + 11 (into c1) + 4 (ws-d → ws-e) + 2 (in ws-e),
    // beside the two arrows drawn
    QCOMPARE(d->restrictedFlows, 6 + 11 + 4 + 2 + 2);
    QCOMPARE(d->hiddenFlows, 6 + 11 + 4 + 2);
}

void tst_TrafficGraphModel::clickingAnArrowNamesThePoliciesAndRules()
{
    TenancyGraph g;
    seed(g);
    const auto d = TrafficGraph::compute(g.snapshot(), {});
    // When the user clicks the dashed arrow a1 → b2
    const TrafficEdgeInfo e = d->edgeDetails(QStringLiteral("a1"), QStringLiteral("b2"));
    // Then it names b2's rule, in words, with the port that limits it
    QVERIFY(e.valid);
    QCOMPARE(e.reach, Reach::Some);
    QVERIFY(!e.egressRestricted);
    QVERIFY(e.ingressRestricted);
    QCOMPARE(e.policies(), QStringList{QStringLiteral("b2/allow-a1")});
    QCOMPARE(int(e.ingress.size()), 1);
    QCOMPARE(e.ingress[0].ref, (kube::net::RuleRef{"b2", "allow-a1", kube::net::Direction::Ingress, 0}));
    QVERIFY2(e.ingress[0].text.contains(QStringLiteral("from ns{kubernetes.io/metadata.name=a1}")), qPrintable(e.ingress[0].text));
    QVERIFY2(e.ingress[0].text.contains(QStringLiteral("8080/TCP")), qPrintable(e.ingress[0].text));
    QVERIFY2(e.ingress[0].text.startsWith(QStringLiteral("ingress rule 1 of b2/allow-a1")), qPrintable(e.ingress[0].text));
    // And b1 → b4 is allowed by b1's egress rule, b4 admitting anything
    const TrafficEdgeInfo out = d->edgeDetails(QStringLiteral("b1"), QStringLiteral("b4"));
    QCOMPARE(out.reach, Reach::All);
    QVERIFY(out.egressRestricted && !out.ingressRestricted);
    QCOMPARE(out.policies(), QStringList{QStringLiteral("b1/egress-to-workspace")});
    QVERIFY2(out.egress[0].text.contains(QStringLiteral("to ns{kubesphere.io/workspace=ws-b}")),
             qPrintable(out.egress[0].text));
    QVERIFY2(out.egress[0].text.contains(QStringLiteral("all ports")), qPrintable(out.egress[0].text));
    // And the group arrow lists each of e1's and e2's rules once, for the 4 pairs
    const TrafficEdgeInfo group = d->groupEdgeDetails(QStringLiteral("ws-d"), QStringLiteral("ws-e"));
    QVERIFY(group.valid && group.group);
    QCOMPARE(group.pairs, 4);
    QCOMPARE(group.policies(), QStringList({QStringLiteral("e1/from-d-and-e"), QStringLiteral("e2/from-d-and-e")}));
    QCOMPARE(int(group.ingress.size()), 2);
    // And a denied pair says no traffic, with no rule
    const TrafficEdgeInfo denied = d->edgeDetails(QStringLiteral("b4"), QStringLiteral("b3"));
    QVERIFY(denied.valid);
    QCOMPARE(denied.reach, Reach::None);
    QVERIFY(denied.ingress.empty() || denied.ingress[0].ref.rule == -1);
}

void tst_TrafficGraphModel::clickingAProjectSaysWhatReachesItAndWhatItReaches()
{
    TenancyGraph g;
    seed(g);
    const auto d = TrafficGraph::compute(g.snapshot(), {});
    // When the user clicks b2 (admits a1 on a port)
    const TrafficNodeInfo b2 = d->nodeDetails(QStringLiteral("b2"));
    QVERIFY(b2.valid);
    QCOMPARE(b2.workspace, QStringLiteral("ws-b"));
    QVERIFY(!b2.ingressOpen);
    QCOMPARE(peers(b2.reachedFrom), QStringList{QStringLiteral("a1(some)")});
    QCOMPARE(b2.openSources, 0);
    // Its own egress is open: every namespace with open ingress (b1, b4, d1, d2, kube-system)
    // is reached without a rule, counted, not listed
    QVERIFY(b2.egressOpen);
    QCOMPARE(b2.openTargets, 5);
    QCOMPARE(b2.policies, QStringList{QStringLiteral("allow-a1")});
    // And a1 reaches its workspace's projects by their rules, and b2 on a port
    const TrafficNodeInfo a1 = d->nodeDetails(QStringLiteral("a1"));
    QCOMPARE(peers(a1.reaches), QStringList({QStringLiteral("a2"), QStringLiteral("a3"), QStringLiteral("b2(some)"),
                                             QStringLiteral("c1")}));
    QCOMPARE(peers(a1.reachedFrom), QStringList({QStringLiteral("a2"), QStringLiteral("a3")}));
    QCOMPARE(a1.isolation, QStringLiteral("workspace isolation on"));
    // And b1's egress allow-list: its own workspace only (b3 denies, b2 admits only a1)
    const TrafficNodeInfo b1 = d->nodeDetails(QStringLiteral("b1"));
    QVERIFY(!b1.egressOpen);
    QCOMPARE(peers(b1.reaches), QStringList{QStringLiteral("b4")});
    QCOMPARE(b1.self, Reach::All);
    // And the default-deny project is not reached even by its own pods
    QCOMPARE(d->nodeDetails(QStringLiteral("b3")).self, Reach::None);
    QVERIFY(!d->nodeDetails(QStringLiteral("nope")).valid);
}

void tst_TrafficGraphModel::aWorkspaceScopeKeepsTheArrowsThatCrossIt()
{
    TenancyGraph g;
    seed(g);
    // When the graph is limited to ws-b
    TrafficGraph::Options o;
    o.workspace = QStringLiteral("ws-b");
    const auto d = TrafficGraph::compute(g.snapshot(), o);
    // Then ws-b comes first with its four projects, and a1 appears (external) for its arrow
    QCOMPARE(d->groups[0].workspace, QStringLiteral("ws-b"));
    QCOMPARE(d->groups[0].projects, 4);
    QVERIFY(!d->groups[0].external);
    QVERIFY(node(*d, "a1").external);
    QCOMPARE(d->groups[std::size_t(node(*d, "a1").group)].workspace, QStringLiteral("ws-a"));
    QVERIFY(d->groups[std::size_t(node(*d, "a1").group)].external);
    QCOMPARE(d->groups[std::size_t(node(*d, "a1").group)].projects, 1);
    QCOMPARE(d->nodeIndex(QStringLiteral("a2")), -1);
    QCOMPARE(d->nodeIndex(QStringLiteral("e1")), -1);
    QCOMPARE(arrowsOf(*d), QStringList({QStringLiteral("a1~>b2"), QStringLiteral("b1->b4")}));
    // And an empty workspace still shows as a group (nothing to draw, but it is the scope)
    g.upsert(GraphKind::WorkspaceTemplate, workspace("ws-empty"));
    o.workspace = QStringLiteral("ws-empty");
    const auto empty = TrafficGraph::compute(g.snapshot(), o);
    QCOMPARE(int(empty->groups.size()), 1);
    QCOMPARE(empty->groups[0].projects, 0);
    QVERIFY(empty->edges.empty());
}

void tst_TrafficGraphModel::recomputesLiveAndReusesFlowsWhenPoliciesDidNotChange()
{
    TenancyGraph g;
    seed(g);
    TrafficGraph graph;
    QSignalSpy computed(&graph, &TrafficGraph::computed);
    graph.setSnapshot(g.snapshot());
    QVERIFY(computed.wait(10000));
    auto first = graph.data();
    QVERIFY(first);
    QCOMPARE(first->version, g.snapshot().version());
    QVERIFY(!arrowsOf(*first).contains(QStringLiteral("b4->d1")));
    // When b4 gets an egress policy allowing only d1 on 443/TCP (a live change)
    g.upsert(GraphKind::NetworkPolicy,
             policy("b4", "to-d1",
                    {{"podSelector", json::object()},
                     {"policyTypes", {"Egress"}},
                     {"egress", {{{"to", {{{"namespaceSelector", {{"matchLabels", {{"kubernetes.io/metadata.name", "d1"}}}}}}}},
                                  {"ports", {{{"port", 443}}}}}}}}));
    graph.setSnapshot(g.snapshot());
    QVERIFY(computed.wait(10000));
    // Then the next graph has the arrow (dashed: one port only)
    auto second = graph.data();
    QVERIFY(second->version > first->version);
    QVERIFY2(arrowsOf(*second).contains(QStringLiteral("b4~>d1")), qPrintable(arrowsOf(*second).join(QLatin1Char(' '))));
    QVERIFY(second->flowMs > 0);
    // When only a user changes, the flows are not computed again
    g.resync(GraphKind::User, {});
    graph.setSnapshot(g.snapshot());
    QVERIFY(computed.wait(10000));
    QCOMPARE(graph.data()->flowMs, 0.0);
    QCOMPARE(graph.data()->flows, second->flows);
    // And bursts are folded: three quick changes give at most two computations
    computed.clear();
    for (int i = 0; i < 3; ++i) {
        g.upsert(GraphKind::Namespace, ns("burst" + std::to_string(i), "ws-d"));
        graph.setSnapshot(g.snapshot());
    }
    QTRY_VERIFY(!graph.computing());
    QVERIFY(computed.count() <= 2);
    QCOMPARE(graph.data()->version, g.snapshot().version());
    QVERIFY(graph.data()->nodeIndex(QStringLiteral("burst2")) >= 0);
    // And the scope picker lists the workspaces
    QVERIFY(graph.workspaces().contains(QStringLiteral("ws-e")));
}

void tst_TrafficGraphModel::layoutIsDeterministicAndNodesDoNotOverlap()
{
    TenancyGraph g;
    seed(g);
    for (int i = 0; i < 40; ++i)
        g.upsert(GraphKind::Namespace, ns("many-" + std::to_string(i), "ws-d"));
    const auto a = TrafficGraph::compute(g.snapshot(), {});
    const auto b = TrafficGraph::compute(g.snapshot(), {});
    QCOMPARE(a->nodes.size(), b->nodes.size());
    for (std::size_t i = 0; i < a->nodes.size(); ++i) {
        QCOMPARE(a->nodes[i].name, b->nodes[i].name);
        QCOMPARE(a->nodes[i].rect, b->nodes[i].rect);
    }
    // Nodes sit inside their group, in natural order ("many-2" before "many-10"), apart
    for (std::size_t i = 0; i < a->nodes.size(); ++i) {
        const auto &n = a->nodes[i];
        QVERIFY(a->groups[std::size_t(n.group)].rect.contains(n.rect));
        for (std::size_t j = i + 1; j < a->nodes.size(); ++j)
            QVERIFY2(!n.rect.intersects(a->nodes[j].rect), qPrintable(n.name + QLatin1Char('/') + a->nodes[j].name));
    }
    QVERIFY(a->nodeIndex(QStringLiteral("many-2")) < a->nodeIndex(QStringLiteral("many-10")));
    for (std::size_t i = 0; i < a->groups.size(); ++i)
        for (std::size_t j = i + 1; j < a->groups.size(); ++j)
            QVERIFY(!a->groups[i].rect.intersects(a->groups[j].rect));
    QVERIFY(a->bounds.contains(a->groups.back().rect));
}

void tst_TrafficGraphModel::aNamespaceReachingEveryProjectIsAMarkNotAFan()
{
    // Given three isolated projects that each admit their own namespace and "monitoring"
    // (outside workspaces), and one open project
    TenancyGraph g;
    for (GraphKind k : {GraphKind::Namespace, GraphKind::WorkspaceTemplate, GraphKind::Workspace, GraphKind::NetworkPolicy})
        g.resync(k, {});
    g.upsert(GraphKind::WorkspaceTemplate, workspace("ws-x"));
    g.upsert(GraphKind::Namespace, ns("monitoring", ""));
    g.upsert(GraphKind::Namespace, ns("other", ""));
    for (const char *p : {"x1", "x2", "x3"}) {
        g.upsert(GraphKind::Namespace, ns(p, "ws-x"));
        json from = json::array();
        for (const char *peer : {p, "monitoring"})
            from.push_back({{"namespaceSelector", {{"matchLabels", {{"kubernetes.io/metadata.name", peer}}}}}});
        g.upsert(GraphKind::NetworkPolicy, policy(p, "isolate", {{"podSelector", json::object()}, {"policyTypes", {"Ingress"}},
                                                                 {"ingress", {{{"from", from}}}}}));
    }
    g.upsert(GraphKind::Namespace, ns("x4", "ws-x"));
    // When the graph of ws-x is computed
    TrafficGraph::Options o;
    o.workspace = QStringLiteral("ws-x");
    const auto d = TrafficGraph::compute(g.snapshot(), o);
    // Then monitoring shows (outside the scope) with the mark, not three arrows
    QVERIFY(d->nodeIndex(QStringLiteral("monitoring")) >= 0);
    QVERIFY(node(*d, "monitoring").external);
    QVERIFY(node(*d, "monitoring").toProjects);
    QCOMPARE(node(*d, "monitoring").toProjectsReach, Reach::All);
    QVERIFY(!node(*d, "other").toProjects);
    QCOMPARE(d->nodeIndex(QStringLiteral("other")), -1);
    QVERIFY2(arrowsOf(*d).isEmpty(), qPrintable(arrowsOf(*d).join(QLatin1Char(' '))));
    QCOMPARE(d->restrictedFlows, 3);
    QCOMPARE(d->hiddenFlows, 3);
    // And its details still list the three projects it reaches by rule
    QCOMPARE(peers(d->nodeDetails(QStringLiteral("monitoring")).reaches),
             QStringList({QStringLiteral("x1"), QStringLiteral("x2"), QStringLiteral("x3")}));
}

void tst_TrafficGraphModel::unreadablePoliciesAreSaidNotGuessed()
{
    // Given a session that could not list NetworkPolicies (the kind was never fed)
    TenancyGraph g;
    g.resync(GraphKind::Namespace, {});
    g.upsert(GraphKind::WorkspaceTemplate, workspace("ws-a"));
    g.upsert(GraphKind::Namespace, ns("a1", "ws-a"));
    const auto d = TrafficGraph::compute(g.snapshot(), {});
    // Then the graph says it does not know, rather than showing everything open
    QVERIFY(!d->policiesKnown);
    QVERIFY2(d->warnings.join(QLatin1Char(' ')).contains(QStringLiteral("NetworkPolic")), qPrintable(d->warnings.join(QLatin1Char(' '))));
}

void tst_TrafficGraphModel::aLongComputationCanBeCancelledAndComputedAgain()
{
    // Given the graph shown for a small tenancy
    TenancyGraph small;
    seed(small);
    TrafficGraph graph;
    TrafficGraphWidget widget;
    widget.resize(1000, 700);
    widget.setGraph(&graph);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    QSignalSpy computed(&graph, &TrafficGraph::computed);
    QSignalSpy cancelled(&graph, &TrafficGraph::cancelled);
    graph.setSnapshot(small.snapshot());
    QVERIFY(computed.wait(10000));
    const auto before = graph.data();
    // When 2,000 projects with 8,000 policies arrive (computeFlows takes seconds here)
    TenancyGraph big;
    int policies = 0;
    synthetictraffic::synthesize(big, 80, 25, &policies);
    graph.setSnapshot(big.snapshot());
    auto *busy = widget.findChild<BusyIndicator *>(QStringLiteral("trafficBusy"));
    auto *cancel = widget.findChild<QToolButton *>(QStringLiteral("trafficCancel"));
    auto *again = widget.findChild<QToolButton *>(QStringLiteral("trafficRecompute"));
    QVERIFY(busy && cancel && again);
    // Then after half a second the activity bar shows with a named Cancel button
    QTRY_VERIFY_WITH_TIMEOUT(cancel->isVisible(), 5000);
    QVERIFY(graph.computing());
    QVERIFY(!cancel->accessibleName().isEmpty());
    // When the user clicks it, the work stops soon (checked once per namespace)
    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!graph.computing(), 5000);
    qInfo("cancelled after %lld ms", qint64(clock.elapsed()));
    QCOMPARE(cancelled.count(), 1);
    // Then the graph shown is the one before, said so, and Compute again is offered
    QCOMPARE(graph.data(), before);
    QTRY_VERIFY(!busy->isVisible());
    QVERIFY2(widget.statusLabel()->text().contains(QStringLiteral("Cancelled")), qPrintable(widget.statusLabel()->text()));
    QVERIFY(again->isVisible());
    // When Compute again is clicked, the current snapshot is computed again
    computed.clear();
    QTest::mouseClick(again, Qt::LeftButton);
    QVERIFY(graph.computing());
    QVERIFY(!again->isVisible());
    // (and cancelled once more, from the model, to keep the test short)
    graph.cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!graph.computing(), 5000);
    QCOMPARE(cancelled.count(), 2);
    QCOMPARE(computed.count(), 0);
    // And a change after a cancel computes as usual
    small.upsert(GraphKind::Namespace, ns("late", "ws-d"));
    graph.setSnapshot(small.snapshot());
    QVERIFY(computed.wait(10000));
    QVERIFY(graph.data() != before);
    QCOMPARE(graph.data()->version, small.snapshot().version());
    QVERIFY(graph.data()->nodeIndex(QStringLiteral("late")) >= 0);
    QVERIFY(!again->isVisible());
}

QTEST_MAIN(tst_TrafficGraphModel)
#include "tst_trafficgraphmodel.moc"
