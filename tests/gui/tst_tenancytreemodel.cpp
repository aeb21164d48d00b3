// The tenancy tree model without a cluster: outlines from a synthetic graph, merged into the
// model under QAbstractItemModelTester, with persistent indexes, stats and the filter proxy.
#include "models/clustersession.h"
#include "models/themecolors.h"
#include "models/execapprover.h"
#include "models/sessionlist.h"
#include "models/tenancyfilterproxymodel.h"
#include "models/tenancyoutline.h"
#include "models/tenancytreemodel.h"

#include "kubeclient/tenancy/graph/tenancygraph.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QtTest>

using namespace kube::tenancy;
using nlohmann::json;

namespace {

int g_rv = 1;

GraphObject object(json o)
{
    o["metadata"]["resourceVersion"] = std::to_string(++g_rv);
    return kube::freeze(std::move(o));
}

GraphObject workspace(const std::string &name, const std::string &alias = {})
{
    json o = {{"apiVersion", "tenant.kubesphere.io/v1beta1"},
              {"kind", "WorkspaceTemplate"},
              {"metadata", {{"name", name}}},
              {"spec", {{"template", {{"spec", {{"manager", "admin"}}}}}}}};
    if (!alias.empty())
        o["metadata"]["annotations"]["kubesphere.io/alias-name"] = alias;
    return object(o);
}

GraphObject project(const std::string &name, const std::string &ws)
{
    json o = {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", name}}}};
    if (!ws.empty())
        o["metadata"]["labels"]["kubesphere.io/workspace"] = ws;
    return object(o);
}

GraphObject user(const std::string &name, const std::string &state = "Active")
{
    return object({{"apiVersion", "iam.kubesphere.io/v1beta1"},
                   {"kind", "User"},
                   {"metadata", {{"name", name}}},
                   {"spec", {{"email", name + "@example.com"}}},
                   {"status", {{"state", state}}}});
}

// A whole subtree as one line: "ws1(2)[p1,p2]" (KDE's helpers that turn rows into strings).
QString rowsOf(const QAbstractItemModel &m, const QModelIndex &parent)
{
    QStringList parts;
    for (int r = 0; r < m.rowCount(parent); ++r) {
        const QModelIndex i = m.index(r, 0, parent);
        QString text = i.data().toString();
        const QVariant count = m.index(r, 1, parent).data();
        if (count.isValid() && !count.toString().isEmpty())
            text += QLatin1Char('(') + count.toString() + QLatin1Char(')');
        if (m.rowCount(i) > 0)
            text += QLatin1Char('[') + rowsOf(m, i) + QLatin1Char(']');
        parts << text;
    }
    return parts.join(QLatin1Char(','));
}

QModelIndex child(const QAbstractItemModel &m, const QModelIndex &parent, const QString &name)
{
    for (int r = 0; r < m.rowCount(parent); ++r)
        if (m.index(r, 0, parent).data().toString() == name)
            return m.index(r, 0, parent);
    return {};
}

void feedAll(TenancyGraph &g)
{
    // Kinds the tree reads are "fed" (listed), as a connected session makes them.
    for (GraphKind k : {GraphKind::Namespace, GraphKind::WorkspaceTemplate, GraphKind::Workspace, GraphKind::User,
                        GraphKind::GlobalRole, GraphKind::ClusterRole})
        g.resync(k, {});
}

// Two workspaces (one with an alias), projects in each and outside, an active and a disabled user.
void seedSample(TenancyGraph &g)
{
    feedAll(g);
    g.upsert(GraphKind::WorkspaceTemplate, workspace("ws1", "Team One"));
    g.upsert(GraphKind::WorkspaceTemplate, workspace("ws2"));
    g.upsert(GraphKind::Namespace, project("p1", "ws1"));
    g.upsert(GraphKind::Namespace, project("p2", "ws1"));
    g.upsert(GraphKind::Namespace, project("q1", "ws2"));
    g.upsert(GraphKind::Namespace, project("default", ""));
    g.upsert(GraphKind::User, user("alice"));
    g.upsert(GraphKind::User, user("bob", "Disabled"));
}

} // namespace

class tst_TenancyTreeModel : public QObject
{
    Q_OBJECT
private slots:
    void buildsTheSkeletonAndSections();
    void mergesChangesWithRangeSignals();
    void persistentIndexesSurviveUpdates();
    void staleMarksEveryNode();
    void forbiddenSectionsSayNoAccess();
    void nothingReachableSaysSoInPlace();
    void sessionListNamesSessionsAndFeedsTheTree();
    void pathsFindNodes();
    void namesSortNaturally();
    void filterFindsAProjectAmongThousands();
    void outlineTravelsThroughBytes();
};

void tst_TenancyTreeModel::buildsTheSkeletonAndSections()
{
    // Given a graph with two workspaces, projects in each and outside, and users
    TenancyGraph g;
    seedSample(g);
    TenancyTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // When the outline is merged into a new cluster node
    model.addCluster(QStringLiteral("dev"));
    model.setOutline(QStringLiteral("dev"), TenancyOutline::build(g.snapshot()));
    // Then the tree has the sections with counts, sorted children, and nothing else
    QCOMPARE(rowsOf(model, {}),
             QStringLiteral("dev[Platform[Users(2)[alice,bob],Platform roles(0),Cluster roles(0)],"
                            "Workspaces(2)[ws1(2)[p1,p2],ws2(1)[q1]],Projects without workspace(1)[default]]"));
    QVERIFY(model.isConsistent());
    QCOMPARE(model.stats().resets, 0);
    const QModelIndex ws1 = model.indexForPath(QStringLiteral("dev/Workspaces/ws1"));
    QVERIFY(ws1.isValid());
    QVERIFY(ws1.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Team One")));
    QCOMPARE(ws1.data(TenancyTreeModel::FilterRole).toString(), QStringLiteral("ws1\nTeam One"));
    QVERIFY(!ws1.data(Qt::DecorationRole).value<QIcon>().isNull());
}

void tst_TenancyTreeModel::mergesChangesWithRangeSignals()
{
    TenancyGraph g;
    feedAll(g);
    for (int i = 0; i < 10; ++i)
        g.upsert(GraphKind::Namespace, project("p" + std::to_string(i), i < 5 ? "ws1" : ""));
    g.upsert(GraphKind::WorkspaceTemplate, workspace("ws1"));
    TenancyTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addCluster(QStringLiteral("dev"));
    model.setOutline(QStringLiteral("dev"), TenancyOutline::build(g.snapshot()));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    // When a burst moves p0..p2 out of ws1 (three events, one outline) and adds p10..p12
    std::vector<TenancyGraph::Event> burst;
    for (int i = 0; i < 3; ++i)
        burst.push_back(TenancyGraph::Event::upsert(GraphKind::Namespace, project("p" + std::to_string(i), "")));
    for (int i = 10; i < 13; ++i)
        burst.push_back(TenancyGraph::Event::upsert(GraphKind::Namespace, project("p" + std::to_string(i), "ws1")));
    g.apply(burst);
    model.setOutline(QStringLiteral("dev"), TenancyOutline::build(g.snapshot()));

    // Then one remove of a run of three, one insert of a run of three per parent, no reset
    QCOMPARE(rowsOf(model, model.indexForPath(QStringLiteral("dev/Workspaces"))),
             QStringLiteral("ws1(5)[p3,p4,p10,p11,p12]"));
    QCOMPARE(rowsOf(model, model.indexForPath(QStringLiteral("dev/Projects without workspace"))),
             QStringLiteral("p0,p1,p2,p5,p6,p7,p8,p9"));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 1);   // p0..p2 out of ws1
    QCOMPARE(inserted.count(), 2);  // p10..p12 into ws1, p0..p2 into the orphans
    QVERIFY(changed.count() >= 1);  // the counts
    QVERIFY(model.isConsistent());
}

void tst_TenancyTreeModel::persistentIndexesSurviveUpdates()
{
    TenancyGraph g;
    feedAll(g);
    g.upsert(GraphKind::WorkspaceTemplate, workspace("ws1"));
    for (const char *p : {"b", "d", "f"})
        g.upsert(GraphKind::Namespace, project(p, "ws1"));
    TenancyTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addCluster(QStringLiteral("dev"));
    model.setOutline(QStringLiteral("dev"), TenancyOutline::build(g.snapshot()));
    // Given a persistent index on "d" (what a view's selection holds)
    QPersistentModelIndex d = model.indexForPath(QStringLiteral("dev/Workspaces/ws1/d"));
    QVERIFY(d.isValid());
    // When projects appear before and after it and one beside it goes away
    g.upsert(GraphKind::Namespace, project("a", "ws1"));
    g.upsert(GraphKind::Namespace, project("c", "ws1"));
    g.upsert(GraphKind::Namespace, project("z", "ws1"));
    g.remove(GraphKind::Namespace, "f");
    model.setOutline(QStringLiteral("dev"), TenancyOutline::build(g.snapshot()));
    // Then the index still points at "d", at its new row
    QVERIFY(d.isValid());
    QCOMPARE(d.data().toString(), QStringLiteral("d"));
    QCOMPARE(d.row(), 3);
    // And an alias change is a dataChanged of that one row
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    auto withAlias = project("d", "ws1");
    json o = withAlias->toJson();
    o["metadata"]["annotations"]["kubesphere.io/alias-name"] = "Dee";
    g.upsert(GraphKind::Namespace, object(o));
    model.setOutline(QStringLiteral("dev"), TenancyOutline::build(g.snapshot()));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 3);
    QVERIFY(model.isConsistent());
}

void tst_TenancyTreeModel::staleMarksEveryNode()
{
    TenancyGraph g;
    feedAll(g);
    g.upsert(GraphKind::WorkspaceTemplate, workspace("ws1"));
    g.upsert(GraphKind::Namespace, project("p1", "ws1"));
    TenancyTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addCluster(QStringLiteral("dev"));
    SessionStatus status;
    status.state = SessionStatus::State::Connected;
    model.setClusterStatus(QStringLiteral("dev"), status);
    model.setOutline(QStringLiteral("dev"), TenancyOutline::build(g.snapshot()));
    const QModelIndex p1 = model.indexForPath(QStringLiteral("dev/Workspaces/ws1/p1"));
    QVERIFY(!p1.data(TenancyTreeModel::StaleRole).toBool());
    // When the connection is lost
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    status.state = SessionStatus::State::Reconnecting;
    status.stale = true;
    model.setClusterStatus(QStringLiteral("dev"), status);
    // Then every node reads stale and greys out, through one dataChanged per parent
    QVERIFY(p1.data(TenancyTreeModel::StaleRole).toBool());
    QCOMPARE(p1.data(Qt::ForegroundRole).value<QColor>(), ThemeColors::text(ThemeColors::Tone::Muted));
    QVERIFY(changed.count() >= 4 && changed.count() <= 8);
}

void tst_TenancyTreeModel::forbiddenSectionsSayNoAccess()
{
    TenancyGraph g;  // nothing fed
    std::bitset<kGraphKindCount> forbidden;
    forbidden.set(indexOf(GraphKind::User));
    forbidden.set(indexOf(GraphKind::Namespace));
    TenancyTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addCluster(QStringLiteral("dev"));
    model.setOutline(QStringLiteral("dev"), TenancyOutline::build(g.snapshot(), forbidden));
    QCOMPARE(model.indexForPath(QStringLiteral("dev/Platform/Users")).siblingAtColumn(1).data().toString(),
             QStringLiteral("no access"));
    // A kind still being listed is not "no access"
    QCOMPARE(model.indexForPath(QStringLiteral("dev/Platform/Platform roles")).siblingAtColumn(1).data().toString(),
             QStringLiteral("…"));
    // When the session finds a reachable namespace, a "Reachable projects" section appears
    json ns = {{"apiVersion", "v1"}, {"kind", "Namespace"},
               {"metadata", {{"name", "mine"}, {"annotations", {{"tenantry.dev/reachable-only", "true"}}}}}};
    g.upsert(GraphKind::Namespace, object(ns));
    model.setOutline(QStringLiteral("dev"), TenancyOutline::build(g.snapshot(), forbidden));
    QVERIFY(model.indexForPath(QStringLiteral("dev/Reachable projects/mine")).isValid());
    QVERIFY(model.isConsistent());
}

void tst_TenancyTreeModel::nothingReachableSaysSoInPlace()
{
    // Given an identity that may not list namespaces, and no namespace reachable yet
    TenancyGraph g;
    std::bitset<kGraphKindCount> forbidden;
    forbidden.set(indexOf(GraphKind::Namespace));
    forbidden.set(indexOf(GraphKind::WorkspaceTemplate));
    forbidden.set(indexOf(GraphKind::Workspace));
    TenancyTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addCluster(QStringLiteral("dev"));
    model.setOutline(QStringLiteral("dev"), TenancyOutline::build(g.snapshot(), forbidden));
    const QString path = QStringLiteral("dev/Nothing reachable");
    // While the cluster is still loading (the reach is being worked out) nothing is claimed
    QVERIFY(!model.indexForPath(path).isValid());
    // When it has loaded: one row says so, and its tooltip says why and what to do
    SessionStatus status;
    status.state = SessionStatus::State::Connected;
    status.loaded = true;
    status.identity = QStringLiteral("tenant-1");
    model.setClusterStatus(QStringLiteral("dev"), status);
    const QModelIndex row = model.indexForPath(path);
    QVERIFY(row.isValid());
    QCOMPARE(row.data(TenancyTreeModel::KindRole).toInt(), int(NodeKind::NothingReachable));
    QVERIFY2(row.data().toString().contains(QStringLiteral("Pin namespaces")), qPrintable(row.data().toString()));
    QVERIFY(row.data(Qt::ToolTipRole).toString().contains(QStringLiteral("tenant-1")));
    QVERIFY(row.data(Qt::ToolTipRole).toString().contains(QStringLiteral("may not list namespaces")));
    QVERIFY(!row.siblingAtColumn(1).data().isValid());
    QCOMPARE(row.parent().data(TenancyTreeModel::NameRole).toString(), QStringLiteral("dev"));
    // A second outline with still nothing reachable keeps the one row
    model.setOutline(QStringLiteral("dev"), TenancyOutline::build(g.snapshot(), forbidden));
    QCOMPARE(rowsOf(model, model.index(0, 0)).count(QStringLiteral("Pin namespaces")), 1);
    // When a namespace becomes reachable (a pin, a rules review): the row gives way to it
    json ns = {{"apiVersion", "v1"}, {"kind", "Namespace"},
               {"metadata", {{"name", "mine"}, {"annotations", {{"tenantry.dev/reachable-only", "true"}}}}}};
    g.upsert(GraphKind::Namespace, object(ns));
    model.setOutline(QStringLiteral("dev"), TenancyOutline::build(g.snapshot(), forbidden));
    QVERIFY(!model.indexForPath(path).isValid());
    QVERIFY(model.indexForPath(QStringLiteral("dev/Reachable projects/mine")).isValid());
    // And an identity that may list namespaces never sees the row, even with none to show
    TenancyGraph open;
    feedAll(open);
    model.addCluster(QStringLiteral("admin"));
    model.setClusterStatus(QStringLiteral("admin"), status);
    model.setOutline(QStringLiteral("admin"), TenancyOutline::build(open.snapshot()));
    QVERIFY(!model.indexForPath(QStringLiteral("admin/Nothing reachable")).isValid());
    QVERIFY(model.isConsistent());
}

void tst_TenancyTreeModel::sessionListNamesSessionsAndFeedsTheTree()
{
    // Given a session list over a tree model, and two kubeconfig files that both name a
    // context "dev" (files that do not exist: the connections fail without any network)
    TenancyTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ExecApprover approver;
    SessionList list(&approver, &model);
    QSignalSpy allLoaded(&list, &SessionList::allSessionsLoaded);
    QSignalSpy added(&list, &SessionList::added);
    ConnectionSpec a;
    a.kubeconfig = QStringLiteral("/nonexistent/tenantry-a.kubeconfig");
    a.context = QStringLiteral("dev");
    ConnectionSpec b = a;
    b.kubeconfig = QStringLiteral("/nonexistent/tenantry-b.kubeconfig");
    // When both are added: each gets a session and a cluster node, named uniquely
    bool created = false;
    ClusterSession *first = list.add(a, &created);
    QVERIFY(created);
    ClusterSession *second = list.add(b, &created);
    QVERIFY(created);
    QCOMPARE(added.count(), 2);
    QCOMPARE(first->id(), QStringLiteral("dev"));
    QCOMPARE(second->id(), QStringLiteral("dev (2)"));
    QCOMPARE(model.clusters(), (QStringList{QStringLiteral("dev"), QStringLiteral("dev (2)")}));
    QCOMPARE(list.sessionFor(model.indexForPath(QStringLiteral("dev (2)/Workspaces"))), second);
    QCOMPARE(list.session(QStringLiteral("dev")), first);
    // And the same file and context again is the same session, not a second connection
    QCOMPARE(list.add(a, &created), first);
    QVERIFY(!created);
    QCOMPARE(list.sessions().size(), 2);
    // Then the failures reach the tree's cluster nodes, and "all loaded" is announced once
    QTRY_VERIFY_WITH_TIMEOUT(list.allLoaded(), 10000);
    QTRY_COMPARE(allLoaded.count(), 1);
    QCOMPARE(model.clusterNode(QStringLiteral("dev"))->status().state, SessionStatus::State::Failed);
    QVERIFY(!model.clusterNode(QStringLiteral("dev"))->status().message.isEmpty());
    // When one is removed: its node goes, the other stays
    QSignalSpy removed(&list, &SessionList::removed);
    list.remove(first);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().first().toString(), QStringLiteral("dev"));
    QCOMPARE(model.clusters(), QStringList{QStringLiteral("dev (2)")});
    QCOMPARE(list.sessions(), QList<ClusterSession *>{second});
    QVERIFY(model.isConsistent());
}

void tst_TenancyTreeModel::pathsFindNodes()
{
    TenancyGraph g;
    feedAll(g);
    g.upsert(GraphKind::User, user("alice"));
    TenancyTreeModel model;
    model.addCluster(QStringLiteral("arn:aws:eks:eu-west-1:1:cluster/prod"));
    model.setOutline(QStringLiteral("arn:aws:eks:eu-west-1:1:cluster/prod"), TenancyOutline::build(g.snapshot()));
    const QModelIndex alice = model.indexForPath(QStringLiteral("arn:aws:eks:eu-west-1:1:cluster/prod/Platform/Users/alice"));
    QVERIFY(alice.isValid());
    QCOMPARE(alice.data(TenancyTreeModel::PathRole).toString(),
             QStringLiteral("arn:aws:eks:eu-west-1:1:cluster/prod/Platform/Users/alice"));
    QVERIFY(!model.indexForPath(QStringLiteral("arn:aws:eks:eu-west-1:1:cluster/prod/Platform/Users/zed")).isValid());
}

void tst_TenancyTreeModel::namesSortNaturally()
{
    // Given workspaces whose names differ in numbers (and two equal as numbers)
    TenancyGraph g;
    feedAll(g);
    for (const char *w : {"ws-10", "ws-2", "ws-1", "a01", "a1", "ws-02"})
        g.upsert(GraphKind::WorkspaceTemplate, workspace(w));
    TenancyTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addCluster(QStringLiteral("dev"));
    model.setOutline(QStringLiteral("dev"), TenancyOutline::build(g.snapshot()));
    // Then numbers sort as numbers, and names equal as numbers still both appear, in a stable order
    QCOMPARE(rowsOf(model, model.indexForPath(QStringLiteral("dev/Workspaces"))),
             QStringLiteral("a01(0),a1(0),ws-1(0),ws-02(0),ws-2(0),ws-10(0)"));
    // And a merge into that order inserts in place
    g.upsert(GraphKind::WorkspaceTemplate, workspace("ws-3"));
    g.remove(GraphKind::WorkspaceTemplate, "ws-02");
    model.setOutline(QStringLiteral("dev"), TenancyOutline::build(g.snapshot()));
    QCOMPARE(rowsOf(model, model.indexForPath(QStringLiteral("dev/Workspaces"))),
             QStringLiteral("a01(0),a1(0),ws-1(0),ws-2(0),ws-3(0),ws-10(0)"));
    QVERIFY(model.isConsistent());
}

void tst_TenancyTreeModel::filterFindsAProjectAmongThousands()
{
    // Given 500 workspaces with 10 projects each and 5,000 users (a synthetic graph)
    TenancyGraph g;
    feedAll(g);
    std::vector<TenancyGraph::Event> events;
    for (int w = 0; w < 500; ++w) {
        const std::string ws = "ws-" + std::to_string(w);
        events.push_back(TenancyGraph::Event::upsert(GraphKind::WorkspaceTemplate, workspace(ws)));
        for (int p = 0; p < 10; ++p)
            events.push_back(TenancyGraph::Event::upsert(GraphKind::Namespace, project(ws + "-proj-" + std::to_string(p), ws)));
    }
    for (int u = 0; u < 5000; ++u)
        events.push_back(TenancyGraph::Event::upsert(GraphKind::User, user("user-" + std::to_string(u))));
    events.push_back(TenancyGraph::Event::upsert(GraphKind::Namespace, project("needle-in-haystack", "ws-321")));
    g.apply(events);
    const TenancyOutline outline = TenancyOutline::build(g.snapshot());
    // Timed without a tester (it re-walks the model on every signal): what a user's view costs.
    QElapsedTimer t;
    qint64 mergeMs = 0;
    {
        TenancyTreeModel plain;
        TenancyFilterProxyModel plainProxy;
        plainProxy.setSourceModel(&plain);
        plain.addCluster(QStringLiteral("big"));
        t.start();
        plain.setOutline(QStringLiteral("big"), outline);
        mergeMs = t.elapsed();
    }
    TenancyTreeModel model;
    TenancyFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    model.addCluster(QStringLiteral("big"));
    model.setOutline(QStringLiteral("big"), outline);
    // The tester joins once the model is big; every later change is checked.
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.nodeCount() > 10'000);

    // When the user types a part of a project name
    t.restart();
    proxy.setFilterText(QStringLiteral("NEEDLE"));
    const qint64 filterMs = t.elapsed();
    // Then only that project and its ancestors remain
    QCOMPARE(rowsOf(proxy, {}), QStringLiteral("big[Workspaces(500)[ws-321(11)[needle-in-haystack]]]"));
    // And words match across levels: "ws-32 proj-7" finds proj-7 of ws-32 and ws-320..329
    proxy.setFilterText(QStringLiteral("ws-32 proj-7"));
    const QModelIndex wss = child(proxy, child(proxy, {}, QStringLiteral("big")), QStringLiteral("Workspaces"));
    QCOMPARE(proxy.rowCount(wss), 11);
    // And a live change under an active filter shows up without refiltering by hand
    g.upsert(GraphKind::Namespace, project("another-needle", ""));
    model.setOutline(QStringLiteral("big"), TenancyOutline::build(g.snapshot()));
    proxy.setFilterText(QStringLiteral("needle"));
    QCOMPARE(rowsOf(proxy, {}), QStringLiteral("big[Workspaces(500)[ws-321(11)[needle-in-haystack]],"
                                               "Projects without workspace(1)[another-needle]]"));
    qInfo("merge of %d nodes: %lld ms; filter: %lld ms", model.nodeCount(), mergeMs, filterMs);
    proxy.setFilterText({});
    QCOMPARE(proxy.rowCount(child(proxy, {}, QStringLiteral("big"))), 3);
}

// The tenancy cache keeps the outline as bytes (its preview) so the next start draws the tree
// before any object is decoded: what comes back is the same tree, and bytes that are not a
// whole outline of this version give none, never a partial tree.
void tst_TenancyTreeModel::outlineTravelsThroughBytes()
{
    // Given an outline with every kind of entry: aliases, details, flags, counts, orphans, and
    // a section the identity may not list
    TenancyGraph g;
    seedSample(g);
    g.upsert(GraphKind::Namespace, project("orphan", "gone"));
    std::bitset<kGraphKindCount> forbidden;
    forbidden.set(indexOf(GraphKind::GlobalRole));
    TenancyGraph denied;
    for (GraphKind k : {GraphKind::Namespace, GraphKind::WorkspaceTemplate, GraphKind::Workspace, GraphKind::User})
        denied.resync(k, {});
    const TenancyOutline outline = TenancyOutline::build(g.snapshot(), forbidden);
    QCOMPARE(outline.globalRolesState, TenancyOutline::Section::Known);  // fed wins over forbidden
    const TenancyOutline withForbidden = TenancyOutline::build(denied.snapshot(), forbidden);
    QCOMPARE(withForbidden.globalRolesState, TenancyOutline::Section::Forbidden);

    // When it is encoded and decoded
    for (const TenancyOutline *o : {&outline, &withForbidden}) {
        const QByteArray bytes = o->encode();
        const std::optional<TenancyOutline> back = TenancyOutline::decode(bytes);
        // Then it is the same outline (the graph version is not kept)
        QVERIFY(back);
        QVERIFY(back->users == o->users && back->globalRoles == o->globalRoles && back->clusterRoles == o->clusterRoles
                && back->workspaces == o->workspaces && back->orphanProjects == o->orphanProjects
                && back->reachableProjects == o->reachableProjects);
        QVERIFY(back->usersState == o->usersState && back->globalRolesState == o->globalRolesState
                && back->clusterRolesState == o->clusterRolesState && back->workspacesState == o->workspacesState
                && back->projectsState == o->projectsState);
        QCOMPARE(back->graphVersion, std::uint64_t(0));
    }
    // And a tree built from the decoded outline is the tree of the original
    TenancyTreeModel original, decoded;
    original.addCluster(QStringLiteral("dev"));
    decoded.addCluster(QStringLiteral("dev"));
    original.setOutline(QStringLiteral("dev"), outline);
    decoded.setOutline(QStringLiteral("dev"), *TenancyOutline::decode(outline.encode()));
    QCOMPARE(rowsOf(decoded, {}), rowsOf(original, {}));
    QVERIFY(rowsOf(decoded, {}).contains(QStringLiteral("orphan")));
    QVERIFY(decoded.indexForPath(QStringLiteral("dev/Workspaces/ws1")).data(Qt::ToolTipRole).toString().contains(
        QStringLiteral("Team One")));

    // And bytes cut anywhere, with a byte added, or of another layout give no outline
    const QByteArray bytes = outline.encode();
    for (int n = 0; n < bytes.size(); ++n)
        QVERIFY2(!TenancyOutline::decode(bytes.left(n)), qPrintable(QString::number(n)));
    QVERIFY(!TenancyOutline::decode(bytes + QByteArray(1, '\0')));
    QByteArray other = bytes;
    other[0] = char(other[0] ^ 0x01);
    QVERIFY(!TenancyOutline::decode(other));
    // A count no remaining bytes can hold is refused without reserving for it
    QByteArray huge = bytes.left(4 + 5);  // magic and the five section states
    huge += QByteArray("\xff\xff\xff\xf0", 4);
    QVERIFY(!TenancyOutline::decode(huge));
}

QTEST_GUILESS_MAIN(tst_TenancyTreeModel)
#include "tst_tenancytreemodel.moc"

