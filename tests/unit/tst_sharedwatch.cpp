// Unit tests of kube::session::WatchHub / SharedWatch against fake ListerWatchers: the tenancy
// graph (TenancyFeed) and the permission index (RbacFeed) of one connection watch each resource
// once, hold its objects once, and each hears what the watch went through before it joined.
#include "fakecluster.h"

#include "kubeclient/rbac/evaluator.h"
#include "kubeclient/session/rbacfeed.h"
#include "kubeclient/session/sharedwatch.h"
#include "kubeclient/session/tenancyfeed.h"

#include <QtTest>

#include <atomic>
#include <memory>

using fake::apiError;
using fake::FakeCluster;
using kube::WatchEventType;
using kube::session::RbacFeed;
using kube::session::TenancyFeed;
using kube::session::WatchHub;
using kube::tenancy::GraphKind;
using nlohmann::json;

namespace {

json namespaceObject(const std::string &name, const std::string &workspace, int rv)
{
    json o = {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", name}, {"resourceVersion", std::to_string(rv)}}}};
    if (!workspace.empty())
        o["metadata"]["labels"]["kubesphere.io/workspace"] = workspace;
    return o;
}

json ksUser(const std::string &name, int rv)
{
    return {{"apiVersion", "iam.kubesphere.io/v1beta1"},
            {"kind", "User"},
            {"metadata", {{"name", name}, {"resourceVersion", std::to_string(rv)}}}};
}

kube::WatcherOptions quickRetries()
{
    kube::WatcherOptions o;
    o.backoff.initial = std::chrono::milliseconds(10);
    o.backoff.max = std::chrono::milliseconds(50);
    return o;
}

// A source whose cluster-wide feeds share the watches of one hub, as a connection's do.
kube::session::FeedSource sharedSource(FakeCluster &cluster, std::shared_ptr<WatchHub> &hub)
{
    auto source = cluster.source({}, kube::tenancy::ApiFlavor::V4);
    hub = std::make_shared<WatchHub>(source.listerWatcher, quickRetries());
    source.watches = hub;
    return source;
}

bool rbacHolds(const RbacFeed &feed, const char *group, const char *kind, const char *name)
{
    return feed.data().find({group, kind, "", name}) != nullptr;
}

struct Counted {
    std::atomic<int> synced{0};
    std::atomic<int> forbidden{0};
    kube::session::TenancyFeedCallbacks tenancy()
    {
        kube::session::TenancyFeedCallbacks c;
        c.synced = [this](GraphKind) { ++synced; };
        c.forbidden = [this](GraphKind, const std::string &) { ++forbidden; };
        return c;
    }
    kube::session::RbacFeedCallbacks rbac()
    {
        kube::session::RbacFeedCallbacks c;
        c.forbidden = [this](const kube::GroupVersionResource &) { ++forbidden; };
        return c;
    }
};

} // namespace

class TstSharedWatch : public QObject
{
    Q_OBJECT
private slots:
    void treeAndPermissionsListEachResourceOnce()
    {
        // Given a cluster with two projects and a user, and one hub for both engines
        FakeCluster cluster;
        auto namespaces = cluster.at("namespaces");
        namespaces->items = {namespaceObject("proj-a", "ws1", 5), namespaceObject("proj-b", "ws1", 6)};
        auto users = cluster.at("users");
        users->items = {ksUser("alice", 7)};
        std::shared_ptr<WatchHub> hub;
        const auto source = sharedSource(cluster, hub);
        // When the tree's feed and the permission feed both start
        TenancyFeed tree(source, {}, quickRetries());
        RbacFeed permissions(source, {}, quickRetries());
        tree.start();
        permissions.start();
        QTRY_VERIFY(tree.initialRoundDone());
        QTRY_VERIFY(permissions.synced());
        // Then both hold the objects, and each resource was listed once, not once per engine
        QCOMPARE(tree.snapshot().projectNames("ws1").size(), std::size_t(2));
        QVERIFY(rbacHolds(permissions, "iam.kubesphere.io", "User", "alice"));
        QCOMPARE(namespaces->listCount(), 1);
        QCOMPARE(users->listCount(), 1);
        // The same objects: the graph and the permission feed read the one Store's frozen copy
        // (data() hands out an nlohmann copy of it, completed with the feed's apiVersion/kind)
        const auto inGraph = tree.snapshot().object(GraphKind::User, "alice");
        QVERIFY(inGraph);
        const auto data = permissions.data();
        const nlohmann::json *inData = data.find({"iam.kubesphere.io", "User", "", "alice"});
        QVERIFY(inData);
        QCOMPARE((*inData)["metadata"], (*inGraph)["metadata"].toJson());
        const std::size_t watches = hub->running();
        QVERIFY(watches > 0);

        // When a project arrives on the one watch, both follow it
        QTRY_VERIFY(namespaces->watchCount() > 0);
        namespaces->push(WatchEventType::Added, namespaceObject("proj-c", "ws2", 8));
        QTRY_VERIFY(tree.snapshot().object(GraphKind::Namespace, "proj-c") != nullptr);
        QTRY_VERIFY(rbacHolds(permissions, "", "Namespace", "proj-c"));
        QCOMPARE(namespaces->watchCount(), 1);
        QCOMPARE(hub->running(), watches);
    }

    void aLateFeedHearsWhatCameBefore()
    {
        // Given the tree's feed listed everything
        FakeCluster cluster;
        cluster.at("namespaces")->items = {namespaceObject("proj-a", "ws1", 5)};
        std::shared_ptr<WatchHub> hub;
        const auto source = sharedSource(cluster, hub);
        TenancyFeed tree(source, {}, quickRetries());
        tree.start();
        QTRY_VERIFY(tree.initialRoundDone());
        // When the permission feed starts later (the Dashboard opened)
        std::atomic<int> dirty{0};
        kube::session::RbacFeedCallbacks callbacks;
        callbacks.dirty = [&] { ++dirty; };
        RbacFeed permissions(source, callbacks, quickRetries());
        permissions.start();
        // Then the namespaces are in its index at once (no list of its own), and it says so
        QVERIFY(rbacHolds(permissions, "", "Namespace", "proj-a"));
        QVERIFY(dirty > 0);
        QTRY_VERIFY(permissions.synced());
        QCOMPARE(cluster.at("namespaces")->listCount(), 1);
    }

    void aRefusalIsEveryFeedsAndAskedOnce()
    {
        // Given users may not be listed
        FakeCluster cluster;
        cluster.at("users")->listError = apiError(403, "Forbidden");
        std::shared_ptr<WatchHub> hub;
        const auto source = sharedSource(cluster, hub);
        Counted treeHeard, rbacHeard;
        TenancyFeed tree(source, treeHeard.tenancy(), quickRetries());
        tree.start();
        QTRY_VERIFY(tree.initialRoundDone());
        QTRY_COMPARE(treeHeard.forbidden.load(), 1);
        QVERIFY(tree.forbidden().test(kube::tenancy::indexOf(GraphKind::User)));
        // When the permission feed joins the refused watch
        RbacFeed permissions(source, rbacHeard.rbac(), quickRetries());
        permissions.start();
        // Then it hears the refusal at once, and nobody asked again
        QCOMPARE(rbacHeard.forbidden.load(), 1);
        QCOMPARE(permissions.forbidden().size(), std::size_t(1));
        QCOMPARE(permissions.forbidden().front().resource, std::string("users"));
        QTRY_VERIFY(permissions.synced());
        QTest::qWait(100);
        QCOMPARE(cluster.at("users")->listCount(), 1);
    }

    void theLastFeedStopsTheWatch()
    {
        FakeCluster cluster;
        auto namespaces = cluster.at("namespaces");
        namespaces->items = {namespaceObject("proj-a", "ws1", 5)};
        std::shared_ptr<WatchHub> hub;
        const auto source = sharedSource(cluster, hub);
        auto tree = std::make_unique<TenancyFeed>(source, kube::session::TenancyFeedCallbacks{}, quickRetries());
        auto permissions = std::make_unique<RbacFeed>(source, kube::session::RbacFeedCallbacks{}, quickRetries());
        tree->start();
        permissions->start();
        QTRY_VERIFY(tree->initialRoundDone() && permissions->synced());
        QTRY_VERIFY(namespaces->watchCount() > 0);
        // When the tree's feed goes (a reconnect, say), the permission feed keeps following
        tree.reset();
        namespaces->push(WatchEventType::Added, namespaceObject("proj-b", "ws1", 6));
        QTRY_VERIFY(rbacHolds(*permissions, "", "Namespace", "proj-b"));
        QVERIFY(hub->running() > 0);
        // And when the last feed goes, nothing is watched any more
        permissions.reset();
        QCOMPARE(hub->running(), std::size_t(0));
    }

    void aCacheSeedsTheWatchBothRead()
    {
        // Given a cache of the namespaces at version 40
        FakeCluster cluster;
        auto namespaces = cluster.at("namespaces");
        namespaces->items = {namespaceObject("live", "ws1", 41)};
        const auto cache = fake::cacheOf(GraphKind::Namespace, "40", {namespaceObject("cached", "ws1", 39)});
        std::shared_ptr<WatchHub> hub;
        const auto source = sharedSource(cluster, hub);
        // When the tree starts from it and the permission feed joins
        TenancyFeed tree(source, {}, quickRetries());
        tree.start(cache);
        RbacFeed permissions(source, {}, quickRetries());
        permissions.start();
        // Then both have the cached project before any answer, and the watch resumes from 40
        QVERIFY(tree.snapshot().object(GraphKind::Namespace, "cached") != nullptr);
        QVERIFY(rbacHolds(permissions, "", "Namespace", "cached"));
        QTRY_VERIFY(namespaces->watchCount() > 0);
        QCOMPARE(namespaces->watchVersions().front(), std::string("40"));
        QCOMPARE(namespaces->listCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TstSharedWatch)
#include "tst_sharedwatch.moc"
