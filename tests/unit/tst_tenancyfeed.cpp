// Unit tests of kube::session::TenancyFeed against fake ListerWatchers, no cluster: initial
// lists, live events, 410 relists, refused kinds, namespace-scoped resync and the one-shot load.
#include "fakecluster.h"

#include "kubeclient/session/tenancyfeed.h"

#include <QtTest>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <set>

using kube::Error;
using kube::ErrorKind;
using kube::ListOptions;
using kube::ListPage;
using kube::Result;
using kube::WatchEvent;
using kube::WatchEventType;
using kube::session::FeedSource;
using kube::session::GraphLoad;
using kube::session::LoadOptions;
using kube::session::TenancyFeed;
using kube::session::TenancyFeedCallbacks;
using kube::tenancy::ApiFlavor;
using kube::tenancy::GraphKind;
using kube::tenancy::TenancyApi;
using nlohmann::json;

using fake::apiError;
using fake::FakeCluster;

namespace {

json namespaceObject(const std::string &name, const std::string &workspace, int rv)
{
    json o = {{"apiVersion", "v1"},
              {"kind", "Namespace"},
              {"metadata", {{"name", name}, {"resourceVersion", std::to_string(rv)}}}};
    if (!workspace.empty())
        o["metadata"]["labels"]["kubesphere.io/workspace"] = workspace;
    return o;
}

json roleBinding(const std::string &ns, const std::string &name, int rv)
{
    return {{"apiVersion", "iam.kubesphere.io/v1beta1"},
            {"kind", "RoleBinding"},
            {"metadata", {{"name", name}, {"namespace", ns}, {"resourceVersion", std::to_string(rv)}}},
            {"roleRef", {{"apiGroup", "iam.kubesphere.io"}, {"kind", "Role"}, {"name", "viewer"}}},
            {"subjects", json::array({{{"kind", "User"}, {"name", "alice"}, {"apiGroup", "iam.kubesphere.io"}}})}};
}

// What the callbacks heard, readable from the test thread.
struct Heard {
    std::mutex mutex;
    int dirty = 0;
    std::set<GraphKind> synced;
    std::vector<std::pair<GraphKind, std::string>> forbidden;

    TenancyFeedCallbacks callbacks()
    {
        TenancyFeedCallbacks c;
        c.dirty = [this] {
            std::lock_guard lock(mutex);
            ++dirty;
        };
        c.synced = [this](GraphKind k) {
            std::lock_guard lock(mutex);
            synced.insert(k);
        };
        c.forbidden = [this](GraphKind k, const std::string &ns) {
            std::lock_guard lock(mutex);
            forbidden.emplace_back(k, ns);
        };
        return c;
    }
    int dirtyCount()
    {
        std::lock_guard lock(mutex);
        return dirty;
    }
    std::size_t forbiddenCount()
    {
        std::lock_guard lock(mutex);
        return forbidden.size();
    }
};

kube::WatcherOptions quickRetries()
{
    kube::WatcherOptions o;
    o.backoff.initial = std::chrono::milliseconds(10);
    o.backoff.max = std::chrono::milliseconds(50);
    return o;
}

bool hasObject(const TenancyFeed &feed, GraphKind kind, const std::string &key)
{
    return feed.snapshot().object(kind, key) != nullptr;
}

} // namespace

class TstTenancyFeed : public QObject
{
    Q_OBJECT
private slots:
    void initialListThenLiveEvents()
    {
        // Given a cluster with two projects, one in a workspace
        FakeCluster cluster;
        cluster.at("namespaces")->items = {namespaceObject("proj-a", "ws1", 5), namespaceObject("loose", "", 6)};
        Heard heard;
        TenancyFeed feed(cluster.source(), heard.callbacks(), quickRetries());
        // When the feed starts
        feed.start();
        // Then every kind lists once and the graph holds the projects
        QTRY_VERIFY(feed.initialRoundDone());
        QCOMPARE(feed.snapshot().count(GraphKind::Namespace), std::size_t(2));
        QCOMPARE(feed.snapshot().workspaceOf("proj-a"), std::string("ws1"));
        QVERIFY(heard.synced.count(GraphKind::Namespace));
        QVERIFY(heard.synced.count(GraphKind::ProjectRoleBinding));
        QVERIFY(heard.dirtyCount() > 0);
        QVERIFY(feed.forbidden().none());

        // When a project is added and another deleted while watching
        auto namespaces = cluster.at("namespaces");
        QTRY_VERIFY(namespaces->watchCount() > 0);
        namespaces->push(WatchEventType::Added, namespaceObject("proj-b", "ws1", 7));
        namespaces->push(WatchEventType::Deleted, namespaceObject("loose", "", 8));
        // Then the graph follows
        QTRY_VERIFY(hasObject(feed, GraphKind::Namespace, "proj-b"));
        QTRY_VERIFY(!hasObject(feed, GraphKind::Namespace, "loose"));
        QCOMPARE(feed.snapshot().projectNames("ws1").size(), std::size_t(2));
    }

    void startFromACacheShowsItAtOnceAndResumesInsteadOfListing()
    {
        // Given a cache of the namespaces at version 40 (one project, since renamed on the server)
        FakeCluster cluster;
        auto namespaces = cluster.at("namespaces");
        namespaces->items = {namespaceObject("live", "ws1", 41)};
        const auto cache = fake::cacheOf(GraphKind::Namespace, "40", {namespaceObject("cached", "ws1", 39)});
        Heard heard;
        TenancyFeed feed(cluster.source(), heard.callbacks(), quickRetries());

        // When the feed starts from it
        feed.start(cache);

        // Then the cached project is in the graph before any answer
        QVERIFY(hasObject(feed, GraphKind::Namespace, "cached"));
        // And namespaces are watched from version 40, not listed
        QTRY_VERIFY(namespaces->watchCount() > 0);
        QCOMPARE(namespaces->watchVersions().front(), std::string("40"));
        QCOMPARE(namespaces->listCount(), 0);
        // And the kind counts as synced only once the server confirms the version (an event)
        QTRY_VERIFY(feed.snapshot().fed(GraphKind::ProjectRoleBinding));
        QVERIFY(!feed.initialRoundDone());
        namespaces->push(WatchEventType::Deleted, namespaceObject("cached", "ws1", 42));
        namespaces->push(WatchEventType::Added, namespaceObject("live", "ws1", 43));
        QTRY_VERIFY(feed.initialRoundDone());
        QTRY_VERIFY(hasObject(feed, GraphKind::Namespace, "live"));
        QVERIFY(!hasObject(feed, GraphKind::Namespace, "cached"));
        QCOMPARE(feed.resumedKinds(), std::size_t(1));
        QCOMPARE(namespaces->listCount(), 0);

        // And what it would cache now is the live state at the version of its last event
        const auto kinds = feed.cacheable();
        const auto it = std::find_if(kinds.begin(), kinds.end(), [](const auto &k) { return k.kind == GraphKind::Namespace; });
        QVERIFY(it != kinds.end());
        QCOMPARE(it->resourceVersion, std::string("43"));
        QCOMPARE(it->objects.size(), std::size_t(1));
    }

    void cacheTheServerNoLongerHasIsReplacedByAList()
    {
        // Given a cache whose version the server has compacted away
        FakeCluster cluster;
        auto namespaces = cluster.at("namespaces");
        namespaces->items = {namespaceObject("live", "ws1", 90)};
        namespaces->rv = 90;
        kube::session::TenancyCache cache;
        cache.kinds.push_back({GraphKind::Namespace, "40", {kube::freeze(namespaceObject("cached", "ws1", 39))}});
        Heard heard;
        TenancyFeed feed(cluster.source(), heard.callbacks(), quickRetries());
        feed.start(cache);
        QTRY_VERIFY(namespaces->watchCount() > 0);

        // When the resume is refused with 410
        namespaces->endWatch(apiError(410, "Expired"));

        // Then the kind is listed, and the list replaces the cached state
        QTRY_VERIFY(feed.initialRoundDone());
        QTRY_VERIFY(hasObject(feed, GraphKind::Namespace, "live"));
        QVERIFY(!hasObject(feed, GraphKind::Namespace, "cached"));
        QCOMPARE(namespaces->listCount(), 1);
        QCOMPARE(feed.resumedKinds(), std::size_t(0));
    }

    void resumesOnlyACacheOfThisClusterNotAheadOfIt()
    {
        FakeCluster cluster;
        auto namespaces = cluster.at("namespaces");
        json kubeSystem = namespaceObject("kube-system", "", 3);
        kubeSystem["metadata"]["uid"] = "uid-1";
        namespaces->items = {kubeSystem};
        namespaces->rv = 500;
        auto cacheWith = [&](const std::string &uid, const std::string &rv) {
            json cached = kubeSystem;
            cached["metadata"]["uid"] = uid;
            kube::session::TenancyCache cache;
            cache.kinds.push_back({GraphKind::Namespace, rv, {kube::freeze(cached)}});
            return cache;
        };
        std::string why;
        // The same cluster, at an older version: resumable
        auto same = TenancyFeed::canResume(cluster.source(), cacheWith("uid-1", "450"), &why);
        QVERIFY(same);
        QVERIFY2(*same, why.c_str());
        // Another cluster (kube-system differs)
        auto other = TenancyFeed::canResume(cluster.source(), cacheWith("uid-2", "450"), &why);
        QVERIFY(other && !*other);
        QVERIFY2(why.find("another cluster") != std::string::npos, why.c_str());
        // A cache ahead of the server (its etcd restored from a backup)
        auto ahead = TenancyFeed::canResume(cluster.source(), cacheWith("uid-1", "9000"), &why);
        QVERIFY(ahead && !*ahead);
        QVERIFY2(why.find("ahead of the server") != std::string::npos, why.c_str());
        // A cache without kube-system cannot be recognised
        kube::session::TenancyCache empty;
        auto unknown = TenancyFeed::canResume(cluster.source(), empty, &why);
        QVERIFY(unknown && !*unknown);
        // And a server that cannot be asked is an error, not a yes
        namespaces->listError = apiError(503, "ServiceUnavailable");
        QVERIFY(!TenancyFeed::canResume(cluster.source(), cacheWith("uid-1", "450"), &why));
    }

    void goneRelistsAndDropsWhatVanished()
    {
        FakeCluster cluster;
        auto namespaces = cluster.at("namespaces");
        namespaces->items = {namespaceObject("a", "ws1", 5), namespaceObject("b", "ws1", 6)};
        Heard heard;
        TenancyFeed feed(cluster.source(), heard.callbacks(), quickRetries());
        feed.start();
        QTRY_VERIFY(feed.initialRoundDone());
        QTRY_VERIFY(namespaces->watchCount() > 0);
        // Given the server forgot our resourceVersion while "a" was deleted and "c" created
        namespaces->setItems({namespaceObject("b", "ws1", 6), namespaceObject("c", "ws2", 9)}, 9);
        // When the watch ends with 410 Gone
        namespaces->endWatch(apiError(410, "Expired"));
        // Then the feed relists and the graph equals the new list
        QTRY_VERIFY(namespaces->listCount() >= 2);
        QTRY_VERIFY(hasObject(feed, GraphKind::Namespace, "c"));
        QTRY_VERIFY(!hasObject(feed, GraphKind::Namespace, "a"));
        QCOMPARE(feed.snapshot().workspaceOf("c"), std::string("ws2"));
    }

    void refusedKindStopsAskingAndIsReported()
    {
        // Given an identity that may not list project role bindings cluster-wide
        FakeCluster cluster;
        cluster.at("rolebindings")->listError = apiError(403, "Forbidden");
        Heard heard;
        TenancyFeed feed(cluster.source(), heard.callbacks(), quickRetries());
        feed.start();
        // Then the round completes, the kind is marked and reported once
        QTRY_VERIFY(feed.initialRoundDone());
        QTRY_COMPARE(heard.forbiddenCount(), std::size_t(1));
        QVERIFY(feed.forbidden().test(kube::tenancy::indexOf(GraphKind::ProjectRoleBinding)));
        QCOMPARE(heard.forbidden.front().second, std::string());
        // And it is not asked again (backoff retries would be 10 ms apart)
        QTest::qWait(150);
        QCOMPARE(cluster.at("rolebindings")->listCount(), 1);
    }

    void namespaceResyncTouchesOnlyItsNamespace()
    {
        // Given role bindings refused cluster-wide but readable in two reachable projects
        FakeCluster cluster;
        cluster.at("rolebindings")->listError = apiError(403, "Forbidden");
        cluster.at("rolebindings", "proj-a")->items = {roleBinding("proj-a", "alice-viewer", 3)};
        cluster.at("rolebindings", "proj-b")->items = {roleBinding("proj-b", "alice-admin", 4)};
        Heard heard;
        TenancyFeed feed(cluster.source(), heard.callbacks(), quickRetries());
        feed.start();
        QTRY_VERIFY(feed.initialRoundDone());
        // When the reachable projects are added and watched per namespace
        feed.addReachable({namespaceObject("proj-a", "", 1), namespaceObject("proj-b", "", 2)});
        feed.watchReachable({"proj-a", "proj-b"});
        // Then both namespaces' bindings arrive, and reached namespaces are marked
        QTRY_VERIFY(hasObject(feed, GraphKind::ProjectRoleBinding, "proj-a/alice-viewer"));
        QTRY_VERIFY(hasObject(feed, GraphKind::ProjectRoleBinding, "proj-b/alice-admin"));
        const auto ns = feed.snapshot().object(GraphKind::Namespace, "proj-a");
        QVERIFY(ns);
        QCOMPARE((*ns)["metadata"]["annotations"].value(kube::session::kReachableOnlyAnnotation, ""),
                 std::string("true"));
        // Only the refused kinds got namespace feeds
        QVERIFY(cluster.asked("rolebindings", "proj-a"));
        QVERIFY(!cluster.asked("resourcequotas", "proj-a"));
        // Watching again starts no second feed
        feed.watchReachable({"proj-a"});

        // When proj-a's relist after a 410 no longer has alice-viewer but a new binding
        auto a = cluster.at("rolebindings", "proj-a");
        QTRY_VERIFY(a->watchCount() > 0);
        a->setItems({roleBinding("proj-a", "bob-viewer", 8)}, 8);
        a->endWatch(apiError(410, "Expired"));
        // Then proj-a is replaced and proj-b untouched
        QTRY_VERIFY(hasObject(feed, GraphKind::ProjectRoleBinding, "proj-a/bob-viewer"));
        QTRY_VERIFY(!hasObject(feed, GraphKind::ProjectRoleBinding, "proj-a/alice-viewer"));
        QVERIFY(hasObject(feed, GraphKind::ProjectRoleBinding, "proj-b/alice-admin"));
        QCOMPARE(a->listCount(), 2);
        // And a live delete in proj-b is applied
        auto b = cluster.at("rolebindings", "proj-b");
        QTRY_VERIFY(b->watchCount() > 0);
        b->push(WatchEventType::Deleted, roleBinding("proj-b", "alice-admin", 9));
        QTRY_VERIFY(!hasObject(feed, GraphKind::ProjectRoleBinding, "proj-b/alice-admin"));
    }

    void unservedKindsAreKnownEmpty()
    {
        FakeCluster cluster;
        Heard heard;
        TenancyFeed feed(cluster.source({"workspacetemplates"}), heard.callbacks(), quickRetries());
        feed.start();
        QTRY_VERIFY(feed.initialRoundDone());
        QVERIFY(feed.snapshot().fed(GraphKind::WorkspaceTemplate));
        QCOMPARE(feed.snapshot().count(GraphKind::WorkspaceTemplate), std::size_t(0));
        QVERIFY(!cluster.asked("workspacetemplates"));
    }

    void loadListsOnceWithPagesAndRefusals()
    {
        // Given namespaces served one per page, workspace templates refused, a reachable project
        FakeCluster cluster;
        auto namespaces = cluster.at("namespaces");
        namespaces->onePerPage = true;
        namespaces->items = {namespaceObject("a", "ws1", 1), namespaceObject("b", "ws1", 2),
                             namespaceObject("c", "", 3)};
        cluster.at("workspacetemplates")->listError = apiError(403, "Forbidden");
        // When loaded once
        auto loaded = TenancyFeed::load(cluster.source());
        // Then every page is read, the refusal is recorded, and nothing was watched
        QVERIFY2(loaded, loaded ? "" : loaded.error().describe().c_str());
        QCOMPARE(loaded->snapshot.count(GraphKind::Namespace), std::size_t(3));
        QCOMPARE(loaded->snapshot.projectNames("ws1").size(), std::size_t(2));
        QCOMPARE(namespaces->listCount(), 3);
        QVERIFY(loaded->forbidden.test(kube::tenancy::indexOf(GraphKind::WorkspaceTemplate)));
        QVERIFY(loaded->loaded.test(kube::tenancy::indexOf(GraphKind::Namespace)));
        QCOMPARE(namespaces->watchCount(), 0);
    }

    void loadReadsOnlyWhatIsAsked()
    {
        FakeCluster cluster;
        cluster.at("namespaces")->listError = apiError(403, "Forbidden");
        cluster.at("rolebindings", "proj-a")->items = {roleBinding("proj-a", "alice-viewer", 3)};
        LoadOptions options;
        options.kinds = {GraphKind::Namespace, GraphKind::ProjectRoleBinding};
        options.ns = "proj-a";
        options.reachable = {namespaceObject("proj-a", "ws1", 1)};
        auto loaded = TenancyFeed::load(cluster.source(), options);
        QVERIFY(loaded);
        // Namespaced kinds in the one namespace, cluster-scoped ones cluster-wide, nothing else
        QVERIFY(cluster.asked("rolebindings", "proj-a"));
        QVERIFY(cluster.asked("namespaces"));
        QVERIFY(!cluster.asked("rolebindings"));
        QVERIFY(!cluster.asked("workspacetemplates"));
        QVERIFY(loaded->snapshot.object(GraphKind::ProjectRoleBinding, "proj-a/alice-viewer"));
        // The refused namespace list is made up for by the reach
        QVERIFY(loaded->forbidden.test(kube::tenancy::indexOf(GraphKind::Namespace)));
        QCOMPARE(loaded->snapshot.workspaceOf("proj-a"), std::string("ws1"));
    }

    void loadStreamsWhereTheServerDoes()
    {
        // Given a server that answers watch-list streams, three namespaces and a binding
        FakeCluster cluster;
        cluster.streamingLists = true;
        auto namespaces = cluster.at("namespaces");
        namespaces->items = {namespaceObject("a", "ws1", 1), namespaceObject("b", "ws1", 2),
                             namespaceObject("c", "", 3)};
        auto bindings = cluster.at("rolebindings");
        bindings->items = {roleBinding("a", "alice-viewer", 4)};
        // When loaded once
        auto loaded = TenancyFeed::load(cluster.source());
        // Then each kind came as one stream, closed at its initial-events-end bookmark (a load
        // that kept watching would not return), and nothing was paged
        QVERIFY2(loaded, loaded ? "" : loaded.error().describe().c_str());
        QCOMPARE(loaded->snapshot.count(GraphKind::Namespace), std::size_t(3));
        QCOMPARE(loaded->snapshot.projectNames("ws1").size(), std::size_t(2));
        QVERIFY(loaded->snapshot.object(GraphKind::ProjectRoleBinding, "a/alice-viewer"));
        QCOMPARE(namespaces->streamCount(), 1);
        QCOMPARE(namespaces->listCount(), 0);
        QCOMPARE(bindings->streamCount(), 1);
    }

    void loadPagesWhereTheStreamIsRefused()
    {
        // Given an older server: the stream is refused as invalid (the WatchList gate off)
        FakeCluster cluster;
        cluster.streamingLists = true;
        auto namespaces = cluster.at("namespaces");
        namespaces->onePerPage = true;
        namespaces->items = {namespaceObject("a", "ws1", 1), namespaceObject("b", "ws1", 2)};
        namespaces->streamError = apiError(422, "Invalid");
        namespaces->streamError->message = "sendInitialEvents is forbidden for watch unless the WatchList feature gate is enabled";
        // and one that refuses the identity
        auto templates = cluster.at("workspacetemplates");
        templates->streamError = apiError(403, "Forbidden");
        LoadOptions options;
        options.kinds = {GraphKind::Namespace, GraphKind::WorkspaceTemplate};
        // When loaded once
        auto loaded = TenancyFeed::load(cluster.source(), options);
        // Then the namespaces are paged instead, and the refusal is recorded, not an error
        QVERIFY2(loaded, loaded ? "" : loaded.error().describe().c_str());
        QCOMPARE(loaded->snapshot.count(GraphKind::Namespace), std::size_t(2));
        QCOMPARE(namespaces->streamCount(), 1);
        QCOMPARE(namespaces->listCount(), 2);
        QVERIFY(loaded->forbidden.test(kube::tenancy::indexOf(GraphKind::WorkspaceTemplate)));
        QVERIFY(loaded->loaded.test(kube::tenancy::indexOf(GraphKind::Namespace)));
    }

    void loadStreamFailureIsTheLoadsError()
    {
        // Given a stream that fails for another reason than a refusal
        FakeCluster cluster;
        cluster.streamingLists = true;
        cluster.at("users")->streamError = Error::make(ErrorKind::Transport, "connection reset", "fake cluster");
        // When loaded once, then the load fails with it at once (a load does not retry)
        auto loaded = TenancyFeed::load(cluster.source());
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().kind, ErrorKind::Transport);
        QCOMPARE(cluster.at("users")->streamCount(), 1);
    }

    void loadFailsOnAnythingButARefusal()
    {
        FakeCluster cluster;
        cluster.at("users")->listError = Error::make(ErrorKind::Transport, "connection refused", "fake cluster");
        auto loaded = TenancyFeed::load(cluster.source());
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().kind, ErrorKind::Transport);
    }
};

QTEST_GUILESS_MAIN(TstTenancyFeed)
#include "tst_tenancyfeed.moc"
