// Unit tests of kube::session::RbacFeed against fake ListerWatchers: the permission index follows
// bindings and roles as they are listed, added, changed, relisted and refused, parses only what
// an event changed, and answers exactly as a fresh build of the feed's data.
#include "rbacfingerprint.h"
#include "fakecluster.h"

#include "kubeclient/rbac/evaluator.h"
#include "kubeclient/rbac/identity.h"
#include "kubeclient/rbac/requestattributes.h"
#include "kubeclient/rbac/rbacindex.h"
#include "kubeclient/session/rbacfeed.h"

#include <QtTest>

using fake::apiError;
using fake::FakeCluster;
using kube::WatchEventType;
using kube::rbac::Evaluator;
using kube::rbac::Identity;
using kube::rbac::RbacIndex;
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

json namespaceObject(const std::string &name, const std::string &workspace, int rv)
{
    json o = {{"apiVersion", "v1"},
              {"kind", "Namespace"},
              {"metadata", {{"name", name}, {"resourceVersion", std::to_string(rv)}}}};
    if (!workspace.empty())
        o["metadata"]["labels"]["kubesphere.io/workspace"] = workspace;
    return o;
}

json ksUser(const std::string &name, const std::vector<std::string> &groups, int rv)
{
    return {{"apiVersion", "iam.kubesphere.io/v1beta1"},
            {"kind", "User"},
            {"metadata", {{"name", name}, {"resourceVersion", std::to_string(rv)}}},
            {"spec", {{"groups", groups}}}};
}

using rbactest::fingerprint;

// The feed's index against a fresh build of its data (parsed from scratch), "" when equal.
std::string differenceFromFreshBuild(const RbacFeed &feed, kube::tenancy::ApiFlavor flavor)
{
    const auto index = feed.index();
    RbacIndex::Options options;
    options.kubesphereFlavor = flavor;
    const auto fresh = RbacIndex::build(feed.data(), options);
    if (fresh->parsedObjects() != fresh->roles().size() + fresh->bindings().size())
        return "the fresh build reused something";
    const json a = fingerprint(*index), b = fingerprint(*fresh);
    return a == b ? std::string() : json::diff(b, a).dump(1);
}

// Whether the feed holds the object (data() and object() agreeing on it). The two are separate
// reads of a live feed: an event the watch thread applies between them makes them differ for a
// moment (a flake under load: 4 in 100 runs beside two busy loops). Only a difference that stays
// while the feed is quiet is a fault.
bool hasObject(const RbacFeed &feed, const char *group, const char *kind, const char *ns, const char *name)
{
    for (int attempt = 0;; ++attempt) {
        const auto data = feed.data();
        const json *copied = data.find({group, kind, ns, name});
        const auto one = feed.object({group, kind, ns, name});
        if (bool(copied) == bool(one) && (!copied || *copied == *one))
            return copied != nullptr;
        if (attempt == 100)
            qFatal("data() and object() disagree about %s %s", kind, name);
        QThread::msleep(10);
    }
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

    void rebuiltIndexMatchesAFreshBuildOfItsData()
    {
        // Given roles (one listed without kind, as lists are), bindings and a namespace
        const auto none = kube::tenancy::ApiFlavor::None;
        const char *rbac = "rbac.authorization.k8s.io";
        FakeCluster cluster;
        json listedRole = clusterRole("pod-reader", "get", "pods", 3);
        listedRole.erase("kind");
        listedRole.erase("apiVersion");
        auto roles = cluster.at("clusterroles");
        roles->items = {listedRole, clusterRole("secret-reader", "get", "secrets", 4)};
        auto bindings = cluster.at("rolebindings");
        bindings->items = {roleBinding("team-a", "alice-reads", "pod-reader", "alice", 5),
                           roleBinding("team-b", "bob-secrets", "secret-reader", "bob", 6)};
        auto namespaces = cluster.at("namespaces");
        namespaces->items = {namespaceObject("team-a", "ws1", 7)};
        RbacFeed feed(cluster.source({}, none), {}, quickRetries());
        feed.start();
        QTRY_VERIFY(feed.synced());
        QCOMPARE(differenceFromFreshBuild(feed, none), std::string());
        QVERIFY(may(feed, "alice", "get", "pods", "team-a"));
        QVERIFY(hasObject(feed, rbac, "ClusterRole", "", "pod-reader"));  // listed: kind restored
        QVERIFY(!hasObject(feed, rbac, "ClusterRole", "", "no-such-role"));

        // When a binding is added, a role edited, a binding deleted and a namespace relabelled,
        // the index follows each and answers as a fresh build of the same objects does
        QTRY_VERIFY(bindings->watchCount() > 0 && roles->watchCount() > 0 && namespaces->watchCount() > 0);
        bindings->push(WatchEventType::Added, roleBinding("team-b", "carol-reads", "pod-reader", "carol", 9));
        QTRY_VERIFY(may(feed, "carol", "get", "pods", "team-b"));
        QCOMPARE(differenceFromFreshBuild(feed, none), std::string());
        roles->push(WatchEventType::Modified, clusterRole("pod-reader", "list", "pods", 10));
        QTRY_VERIFY(may(feed, "carol", "list", "pods", "team-b"));
        QVERIFY(!may(feed, "carol", "get", "pods", "team-b"));
        QCOMPARE(differenceFromFreshBuild(feed, none), std::string());
        bindings->push(WatchEventType::Deleted, roleBinding("team-a", "alice-reads", "pod-reader", "alice", 11));
        QTRY_VERIFY(!hasObject(feed, rbac, "RoleBinding", "team-a", "alice-reads"));
        QVERIFY(!may(feed, "alice", "list", "pods", "team-a"));
        QCOMPARE(differenceFromFreshBuild(feed, none), std::string());
        namespaces->push(WatchEventType::Modified, namespaceObject("team-a", "ws2", 12));
        QTRY_COMPARE(feed.index()->workspaceOf("team-a"), std::string("ws2"));
        QCOMPARE(differenceFromFreshBuild(feed, none), std::string());

        // When the bindings are relisted (410): one kept as it was, one gone, one new
        bindings->setItems({roleBinding("team-b", "bob-secrets", "secret-reader", "bob", 6),
                            roleBinding("team-c", "dave-reads", "pod-reader", "dave", 13)}, 13);
        bindings->endWatch(apiError(410, "Expired"));
        QTRY_VERIFY(hasObject(feed, rbac, "RoleBinding", "team-c", "dave-reads"));
        QVERIFY(!hasObject(feed, rbac, "RoleBinding", "team-b", "carol-reads"));
        QCOMPARE(differenceFromFreshBuild(feed, none), std::string());
        QVERIFY(may(feed, "dave", "list", "pods", "team-c"));
        QVERIFY(!may(feed, "carol", "list", "pods", "team-b"));
        QVERIFY(may(feed, "bob", "get", "secrets", "team-b"));
    }

    void objectOnTwoWatchesIsKeptOnce()
    {
        // Given a KubeSphere 4.x source whose fake serves RBAC and iam "rolebindings" from one
        // lister: every RBAC binding is on two watches (its apiVersion decides its key), listed
        // ones without kind are each watch's own kind
        const auto v4 = kube::tenancy::ApiFlavor::V4;
        FakeCluster cluster;
        json listedBinding = roleBinding("team-b", "listed", "pod-reader", "bob", 6);
        listedBinding.erase("kind");
        listedBinding.erase("apiVersion");
        cluster.at("clusterroles")->items = {clusterRole("pod-reader", "get", "pods", 3)};
        auto bindings = cluster.at("rolebindings");
        bindings->items = {roleBinding("team-a", "alice-reads", "pod-reader", "alice", 5), listedBinding};
        cluster.at("namespaces")->items = {namespaceObject("team-a", "ws1", 7)};
        cluster.at("users")->items = {ksUser("alice", {"devs"}, 8)};
        RbacFeed feed(cluster.source({}, v4), {}, quickRetries());
        feed.start();
        QTRY_VERIFY(feed.synced());
        QCOMPARE(differenceFromFreshBuild(feed, v4), std::string());
        QCOMPARE(feed.index()->userGroups("alice"), std::vector<std::string>{"devs"});

        // When one of the two watches hears the binding deleted, the other's copy stays, in the
        // data and in the index alike
        QTRY_VERIFY(bindings->watchCount() >= 2);
        const auto version = feed.version();
        bindings->push(WatchEventType::Deleted, roleBinding("team-a", "alice-reads", "pod-reader", "alice", 9));
        QTRY_VERIFY(feed.version() > version);
        QCOMPARE(differenceFromFreshBuild(feed, v4), std::string());
        QVERIFY(may(feed, "alice", "get", "pods", "team-a"));
    }

    void anEventParsesOnlyWhatItChanged()
    {
        // Given 40 bindings and a role, listed and synced
        FakeCluster cluster;
        cluster.at("clusterroles")->items = {clusterRole("pod-reader", "get", "pods", 3)};
        auto bindings = cluster.at("rolebindings");
        for (int i = 0; i < 40; ++i)
            bindings->items.push_back(roleBinding("ns" + std::to_string(i % 7), "b" + std::to_string(i), "pod-reader",
                                                  "user" + std::to_string(i), 10 + i));
        bindings->rv = 60;
        RbacFeed feed(cluster.source({}, kube::tenancy::ApiFlavor::None), {}, quickRetries());
        feed.start();
        QTRY_VERIFY(feed.synced());
        QCOMPARE(feed.index()->parsedObjects(), std::size_t(41));
        QTRY_VERIFY(bindings->watchCount() > 0);

        // When one binding arrives, the rebuild parses that one
        auto version = feed.version();
        bindings->push(WatchEventType::Added, roleBinding("ns3", "new", "pod-reader", "newbie", 70));
        QTRY_VERIFY(feed.version() > version);
        QCOMPARE(feed.index()->parsedObjects(), std::size_t(1));
        QVERIFY(may(feed, "newbie", "get", "pods", "ns3"));
        // When the role's rules change, the role is parsed again and the answers follow
        auto roles = cluster.at("clusterroles");
        QTRY_VERIFY(roles->watchCount() > 0);
        version = feed.version();
        roles->push(WatchEventType::Modified, clusterRole("pod-reader", "delete", "pods", 71));
        QTRY_VERIFY(feed.version() > version);
        QCOMPARE(feed.index()->parsedObjects(), std::size_t(1));
        QVERIFY(may(feed, "user5", "delete", "pods", "ns5"));
        QVERIFY(!may(feed, "user5", "get", "pods", "ns5"));
        // When the same bindings are listed again (a relist after 410), nothing is parsed
        bindings->items.push_back(roleBinding("ns3", "new", "pod-reader", "newbie", 70));
        version = feed.version();
        bindings->endWatch(apiError(410, "Expired"));
        QTRY_VERIFY(feed.version() > version);
        QCOMPARE(feed.index()->parsedObjects(), std::size_t(0));
        QCOMPARE(differenceFromFreshBuild(feed, kube::tenancy::ApiFlavor::None), std::string());
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
