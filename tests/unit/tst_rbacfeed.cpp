// Unit tests of kube::session::RbacFeed against fake ListerWatchers: the permission index follows
// bindings and roles as they are listed, added, changed and refused.
#include "fakecluster.h"

#include "kubeclient/rbac/evaluator.h"
#include "kubeclient/rbac/identity.h"
#include "kubeclient/rbac/requestattributes.h"
#include "kubeclient/session/rbacfeed.h"

#include <QtTest>

using fake::apiError;
using fake::FakeCluster;
using kube::WatchEventType;
using kube::rbac::Evaluator;
using kube::rbac::Identity;
using kube::rbac::RequestAttributes;
using kube::session::RbacFeed;
using nlohmann::json;

namespace {

json clusterRole(const std::string &name, const std::string &verb, const std::string &resource, int rv)
{
    return {{"apiVersion", "rbac.authorization.k8s.io/v1"},
            {"kind", "ClusterRole"},
            {"metadata", {{"name", name}, {"resourceVersion", std::to_string(rv)}}},
            {"rules", json::array({{{"apiGroups", {""}}, {"resources", {resource}}, {"verbs", {verb}}}})}};
}

json roleBinding(const std::string &ns, const std::string &name, const std::string &role, const std::string &user, int rv)
{
    return {{"apiVersion", "rbac.authorization.k8s.io/v1"},
            {"kind", "RoleBinding"},
            {"metadata", {{"name", name}, {"namespace", ns}, {"resourceVersion", std::to_string(rv)}}},
            {"roleRef", {{"apiGroup", "rbac.authorization.k8s.io"}, {"kind", "ClusterRole"}, {"name", role}}},
            {"subjects", json::array({{{"kind", "User"}, {"name", user}, {"apiGroup", "rbac.authorization.k8s.io"}}})}};
}

kube::WatcherOptions quickRetries()
{
    kube::WatcherOptions o;
    o.backoff.initial = std::chrono::milliseconds(10);
    o.backoff.max = std::chrono::milliseconds(50);
    return o;
}

bool may(const RbacFeed &feed, const std::string &user, const std::string &verb, const std::string &resource,
         const std::string &ns)
{
    const Evaluator evaluator(feed.index());
    return evaluator.allowed(Identity::verbatim(user), RequestAttributes::forResource(verb, "", resource, ns));
}

} // namespace

class TstRbacFeed : public QObject
{
    Q_OBJECT
private slots:
    void addedBindingChangesTheAnswer()
    {
        // Given a pod-reader ClusterRole and no binding, items listed without kind (as lists are)
        FakeCluster cluster;
        json listed = clusterRole("pod-reader", "get", "pods", 3);
        listed.erase("kind");
        listed.erase("apiVersion");
        cluster.at("clusterroles")->items = {listed};
        std::atomic<int> dirty{0};
        kube::session::RbacFeedCallbacks callbacks;
        callbacks.dirty = [&] { ++dirty; };
        RbacFeed feed(cluster.source({}, kube::tenancy::ApiFlavor::None), callbacks, quickRetries());
        feed.start();
        QTRY_VERIFY(feed.synced());
        QCOMPARE(feed.data().size(), std::size_t(1));
        // Then alice may not read pods in team-a
        QVERIFY(!may(feed, "alice", "get", "pods", "team-a"));
        const auto before = feed.index();

        // When a RoleBinding of alice to pod-reader arrives on the watch
        auto bindings = cluster.at("rolebindings");
        QTRY_VERIFY(bindings->watchCount() > 0);
        bindings->push(WatchEventType::Added, roleBinding("team-a", "alice-reads", "pod-reader", "alice", 4));
        // Then the index answers yes there, and still no elsewhere and for other verbs
        QTRY_VERIFY(may(feed, "alice", "get", "pods", "team-a"));
        QVERIFY(!may(feed, "alice", "get", "pods", "team-b"));
        QVERIFY(!may(feed, "alice", "delete", "pods", "team-a"));
        QVERIFY(!may(feed, "bob", "get", "pods", "team-a"));
        QVERIFY(dirty > 0);
        // And an index read earlier is a snapshot that did not change under its reader
        QVERIFY(!Evaluator(before).allowed(Identity::verbatim("alice"),
                                           RequestAttributes::forResource("get", "", "pods", "team-a")));

        // When the role loses the verb, the answer follows the role
        auto roles = cluster.at("clusterroles");
        QTRY_VERIFY(roles->watchCount() > 0);
        roles->push(WatchEventType::Modified, clusterRole("pod-reader", "list", "pods", 5));
        QTRY_VERIFY(!may(feed, "alice", "get", "pods", "team-a"));
        QVERIFY(may(feed, "alice", "list", "pods", "team-a"));
        // And a deleted binding takes the grant away
        bindings->push(WatchEventType::Deleted, roleBinding("team-a", "alice-reads", "pod-reader", "alice", 6));
        QTRY_VERIFY(!may(feed, "alice", "list", "pods", "team-a"));
    }

    void indexIsReusedUntilSomethingChanges()
    {
        FakeCluster cluster;
        cluster.at("clusterroles")->items = {clusterRole("pod-reader", "get", "pods", 3)};
        RbacFeed feed(cluster.source({}, kube::tenancy::ApiFlavor::None), {}, quickRetries());
        feed.start();
        QTRY_VERIFY(feed.synced());
        const auto a = feed.index();
        QCOMPARE(feed.index().get(), a.get());
        cluster.at("rolebindings")->push(WatchEventType::Added, roleBinding("x", "b", "pod-reader", "alice", 9));
        QTRY_VERIFY(feed.index().get() != a.get());
    }

    void kubesphereKindsAreWatchedWhenServed()
    {
        // 4.x: RBAC plus iam.kubesphere.io kinds; nothing the server does not serve
        const auto v4 = RbacFeed::resources(kube::tenancy::TenancyApi::forFlavor(kube::tenancy::ApiFlavor::V4));
        auto has = [&](const std::string &group, const std::string &resource) {
            for (const auto &g : v4)
                if (g.group == group && g.resource == resource)
                    return true;
            return false;
        };
        QVERIFY(has("rbac.authorization.k8s.io", "rolebindings"));
        QVERIFY(has("iam.kubesphere.io", "globalrolebindings"));
        QVERIFY(has("iam.kubesphere.io", "rolebindings"));
        QVERIFY(has("iam.kubesphere.io", "roletemplates"));
        QVERIFY(has("", "namespaces"));

        FakeCluster cluster;
        RbacFeed feed(cluster.source({"globalrolebindings"}, kube::tenancy::ApiFlavor::V4), {}, quickRetries());
        feed.start();
        QTRY_VERIFY(feed.synced());
        QVERIFY(cluster.asked("globalroles"));
        QVERIFY(!cluster.asked("globalrolebindings"));
    }

    void refusedResourceIsReportedAndNotRetried()
    {
        FakeCluster cluster;
        cluster.at("clusterrolebindings")->listError = apiError(403, "Forbidden");
        std::atomic<int> refused{0};
        kube::session::RbacFeedCallbacks callbacks;
        callbacks.forbidden = [&](const kube::GroupVersionResource &) { ++refused; };
        RbacFeed feed(cluster.source({}, kube::tenancy::ApiFlavor::None), callbacks, quickRetries());
        feed.start();
        QTRY_VERIFY(feed.synced());
        QTRY_COMPARE(refused.load(), 1);
        QCOMPARE(feed.forbidden().size(), std::size_t(1));
        QCOMPARE(feed.forbidden().front().resource, std::string("clusterrolebindings"));
        QTest::qWait(150);
        QCOMPARE(cluster.at("clusterrolebindings")->listCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TstRbacFeed)
#include "tst_rbacfeed.moc"
