// Watcher + Store against the real devcluster: initial paged list, live events, and a real
// 410 (etcd compacted under a stale resourceVersion) followed by a correct relist.
#include "clusterenv.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/watch/store.h"
#include "kubeclient/watch/watcher.h"

#include <QtTest>

#include <condition_variable>
#include <mutex>
#include <set>

using namespace kube;
using nlohmann::json;

namespace {
const GroupVersionResource kNamespaces{"", "v1", "namespaces", false, "Namespace"};
// podtemplates are served without the watch cache in devcluster, so compaction reaches watches.
const GroupVersionResource kPodTemplates{"", "v1", "podtemplates", true, "PodTemplate"};

json podTemplate(const std::string &ns, const std::string &name)
{
    return {{"apiVersion", "v1"}, {"kind", "PodTemplate"}, {"metadata", {{"name", name}, {"namespace", ns}}},
            {"template", {{"spec", {{"containers", json::array({{{"name", "c"}, {"image", "busybox"}}})}}}}}};
}

// Holds the first watch() until the test opens the gate, so the test can make the watcher's
// resourceVersion stale before it is used.
class GatedListerWatcher final : public ListerWatcher
{
public:
    explicit GatedListerWatcher(std::unique_ptr<ListerWatcher> inner) : m_inner(std::move(inner)) {}

    Result<ListPage> listPage(const ListOptions &o, const CancelTokenPtr &c) override
    {
        ++m_lists;
        return m_inner->listPage(o, c);
    }
    Result<void> watch(const ListOptions &o, const std::function<bool(const WatchEvent &)> &onEvent,
                       const CancelTokenPtr &c) override
    {
        {
            std::unique_lock lock(m_mutex);
            m_waiting = true;
            m_cv.notify_all();
            m_cv.wait(lock, [&] { return m_open || (c && c->cancelled()); });
        }
        return m_inner->watch(o, onEvent, c);
    }
    std::string describe() const override { return m_inner->describe(); }

    bool waitUntilWatching(int ms)
    {
        std::unique_lock lock(m_mutex);
        return m_cv.wait_for(lock, std::chrono::milliseconds(ms), [&] { return m_waiting; });
    }
    void open()
    {
        std::lock_guard lock(m_mutex);
        m_open = true;
        m_cv.notify_all();
    }
    int lists() const { return m_lists; }

private:
    std::unique_ptr<ListerWatcher> m_inner;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_waiting = false;
    bool m_open = false;
    std::atomic<int> m_lists{0};
};

// A namespace of its own for one test ("" when it could not be made).
std::string freshNamespace(Client &admin, const char *prefix)
{
    const std::string ns = clusterenv::uniqueName(prefix);
    const json object = {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", ns}}}};
    return admin.create(kNamespaces, "", object).ok() ? ns : std::string();
}

// What a cache keeps of a resource: a first watcher's objects and the version they are at.
struct SavedState {
    std::vector<kube::FrozenPtr> objects;
    std::string resourceVersion;
};

SavedState saveState(Client &admin, const GroupVersionResource &gvr, const std::string &ns)
{
    Store first;
    Watcher w(admin.listerWatcher(gvr, ns), [&](const WatcherEvent &e) { first.apply(e); });
    w.start();
    for (int i = 0; i < 3000 && !first.snapshot().synced(); ++i)
        QTest::qWait(10);
    return {first.snapshot().objects(), first.snapshot().resourceVersion()};
}

// A store holding a saved state, as TenancyFeed::start(cache) seeds one.
void seed(Store &store, const SavedState &saved)
{
    store.apply(WatcherEvent{WatcherEventType::Init, nullptr, std::nullopt, {}, {}});
    for (const auto &o : saved.objects)
        store.apply(WatcherEvent{WatcherEventType::InitApply, o, std::nullopt, {}, {}});
    store.apply(WatcherEvent{WatcherEventType::InitDone, nullptr, std::nullopt, {}, saved.resourceVersion});
}

std::set<std::string> names(const Store::Snapshot &s)
{
    std::set<std::string> out;
    for (const auto &o : s.objects())
        out.insert(ObjectMeta(*o).name());
    return out;
}
} // namespace

class tst_WatcherCluster : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void relistAfterRealGone();
    void watchListStreamsTheListThenLiveEvents();
    void resumeFromAStoredVersionMissesNothing();
    void resumeFromACompactedVersionRelists();

private:
    std::unique_ptr<Client> m_admin;
};

void tst_WatcherCluster::initTestCase()
{
    std::string error;
    m_admin = clusterenv::clientFor(clusterenv::kubeconfigPath("admin"), &error);
    QVERIFY2(m_admin, error.c_str());
}

void tst_WatcherCluster::relistAfterRealGone()
{
    Client *admin = m_admin.get();
    const std::string ns = freshNamespace(*admin, "it-watch");
    QVERIFY(!ns.empty());
    // Given 250 PodTemplates listed in pages of 40 by a watcher feeding a store
    for (int i = 0; i < 250; ++i)
        QVERIFY(admin->create(kPodTemplates, ns, podTemplate(ns, "pt-" + std::to_string(i))).ok());
    auto gated = std::make_shared<GatedListerWatcher>(admin->listerWatcher(kPodTemplates, ns));
    Store store;
    std::mutex mutex;
    std::vector<std::string> log;
    WatcherOptions options;
    options.pageSize = 40;
    Watcher watcher(gated, [&](const WatcherEvent &e) {
        store.apply(e);
        std::lock_guard lock(mutex);
        if (e.type != WatcherEventType::InitApply)
            log.push_back(toString(e.type));
    }, options);
    watcher.start();
    QVERIFY(gated->waitUntilWatching(30000));
    QCOMPARE(store.snapshot().size(), size_t(250));
    QCOMPARE(gated->lists(), 7);  // 250 / 40 rounded up: every page was followed

    // When objects change and etcd is compacted while the watcher still holds the old version
    QVERIFY(admin->remove(kPodTemplates, ns, "pt-0").ok());
    QVERIFY(admin->create(kPodTemplates, ns, podTemplate(ns, "late-1")).ok());
    auto compacted = clusterenv::run(clusterenv::devclusterBin(), {"compact"});
    QVERIFY2(compacted.exitCode == 0, compacted.err.constData());
    gated->open();

    // Then the watch gets 410, the watcher relists, and the store matches the server exactly
    QTRY_VERIFY_WITH_TIMEOUT(names(store.snapshot()).count("late-1") == 1 && names(store.snapshot()).count("pt-0") == 0, 30000);
    {
        std::lock_guard lock(mutex);
        QVERIFY2(std::count(log.begin(), log.end(), "Init") >= 2, qPrintable(QString::number(log.size())));
    }
    // And live events after the relist still arrive
    QVERIFY(admin->create(kPodTemplates, ns, podTemplate(ns, "late-2")).ok());
    QTRY_VERIFY_WITH_TIMEOUT(names(store.snapshot()).count("late-2") == 1, 30000);
    auto server = admin->list(kPodTemplates, ns);
    QVERIFY(server.ok());
    std::set<std::string> expected;
    for (const auto &o : server->items)
        expected.insert(ObjectMeta(o).name());
    QCOMPARE(names(store.snapshot()), expected);
    // And stop() ends the watch that is blocked waiting for events
    watcher.stop();
    QTRY_VERIFY_WITH_TIMEOUT(!watcher.running(), 5000);
    (void)admin->remove(kNamespaces, "", ns);
}

void tst_WatcherCluster::watchListStreamsTheListThenLiveEvents()
{
    Client *admin = m_admin.get();
    const std::string ns = freshNamespace(*admin, "it-wlist");
    QVERIFY(!ns.empty());
    for (int i = 0; i < 120; ++i)
        QVERIFY(admin->create(kPodTemplates, ns, podTemplate(ns, "pt-" + std::to_string(i))).ok());

    // Given a watcher that lists through the server's watch-list stream
    auto counting = std::make_shared<GatedListerWatcher>(admin->listerWatcher(kPodTemplates, ns));
    counting->open();
    Store store;
    std::mutex mutex;
    std::vector<std::string> log;
    std::string doneVersion;
    WatcherOptions options;
    options.streamingList = true;
    options.transform = compactObject;
    Watcher watcher(counting, [&](const WatcherEvent &e) {
        store.apply(e);
        std::lock_guard lock(mutex);
        if (e.type == WatcherEventType::InitDone)
            doneVersion = e.resourceVersion;
        if (e.type != WatcherEventType::InitApply)
            log.push_back(toString(e.type));
    }, options);
    watcher.start();

    // Then the store holds every object, without a single list request, managedFields dropped
    QTRY_VERIFY_WITH_TIMEOUT(store.snapshot().synced(), 30000);
    QCOMPARE(store.snapshot().size(), std::size_t(120));
    QCOMPARE(counting->lists(), 0);
    QVERIFY(!doneVersion.empty());
    QCOMPARE(store.snapshot().resourceVersion(), doneVersion);
    QVERIFY(!(*store.snapshot().get(ns, "pt-7"))["metadata"].contains("managedFields"));
    // And live events follow on the same stream
    QVERIFY(admin->create(kPodTemplates, ns, podTemplate(ns, "late")).ok());
    QVERIFY(admin->remove(kPodTemplates, ns, "pt-0").ok());
    QTRY_VERIFY_WITH_TIMEOUT(store.snapshot().get(ns, "late") && !store.snapshot().get(ns, "pt-0"), 30000);
    {
        std::lock_guard lock(mutex);
        QCOMPARE(std::count(log.begin(), log.end(), "Init"), 1L);
        QCOMPARE(std::count(log.begin(), log.end(), "Error"), 0L);
    }
    watcher.stop();
    (void)admin->remove(kNamespaces, "", ns);
}

void tst_WatcherCluster::resumeFromAStoredVersionMissesNothing()
{
    Client *admin = m_admin.get();
    const std::string ns = freshNamespace(*admin, "it-resume");
    QVERIFY(!ns.empty());
    const GroupVersionResource configMaps{"", "v1", "configmaps", true, "ConfigMap"};
    auto configMap = [&](const std::string &name) {
        return json{{"apiVersion", "v1"}, {"kind", "ConfigMap"}, {"metadata", {{"name", name}, {"namespace", ns}}}};
    };
    QVERIFY(admin->create(configMaps, ns, configMap("a")).ok());
    QVERIFY(admin->create(configMaps, ns, configMap("b")).ok());

    // Given the state of a first watcher, as a cache would keep it (objects + version)
    const SavedState saved = saveState(*admin, configMaps, ns);
    QVERIFY(!saved.resourceVersion.empty());
    // And changes made while nobody watched
    QVERIFY(admin->remove(configMaps, ns, "a").ok());
    QVERIFY(admin->create(configMaps, ns, configMap("c")).ok());

    // When a new watcher resumes from it over a store seeded with that state
    Store store;
    seed(store, saved);
    auto counting = std::make_shared<GatedListerWatcher>(admin->listerWatcher(configMaps, ns));
    counting->open();
    std::atomic<int> resumed{0};
    WatcherOptions options;
    options.resumeFrom = saved.resourceVersion;
    Watcher watcher(counting, [&](const WatcherEvent &e) {
        store.apply(e);
        if (e.type == WatcherEventType::Resumed)
            ++resumed;
    }, options);
    watcher.start();

    // Then it is confirmed without a list, and the store equals the server's state
    QTRY_VERIFY_WITH_TIMEOUT(resumed.load() == 1, 30000);
    const auto serverNames = [&] {
        std::set<std::string> out;
        if (auto list = admin->list(configMaps, ns))
            for (const auto &o : list->items)
                out.insert(ObjectMeta(o).name());
        return out;
    };
    QTRY_VERIFY_WITH_TIMEOUT(names(store.snapshot()).count("c") == 1 && names(store.snapshot()).count("a") == 0, 30000);
    QCOMPARE(names(store.snapshot()), serverNames());
    QCOMPARE(counting->lists(), 0);
    watcher.stop();
    (void)admin->remove(kNamespaces, "", ns);
}

void tst_WatcherCluster::resumeFromACompactedVersionRelists()
{
    Client *admin = m_admin.get();
    const std::string ns = freshNamespace(*admin, "it-resume-old");
    QVERIFY(!ns.empty());
    QVERIFY(admin->create(kPodTemplates, ns, podTemplate(ns, "kept")).ok());
    // Given the version of a cached state, then changes, then etcd compacted past it
    const SavedState saved = saveState(*admin, kPodTemplates, ns);
    QVERIFY(!saved.resourceVersion.empty());
    QVERIFY(admin->remove(kPodTemplates, ns, "kept").ok());
    QVERIFY(admin->create(kPodTemplates, ns, podTemplate(ns, "meanwhile")).ok());
    auto compacted = clusterenv::run(clusterenv::devclusterBin(), {"compact"});
    QVERIFY2(compacted.exitCode == 0, compacted.err.constData());

    // When a watcher resumes from it over the cached state
    Store store;
    seed(store, saved);
    auto counting = std::make_shared<GatedListerWatcher>(admin->listerWatcher(kPodTemplates, ns));
    counting->open();
    std::atomic<int> resumed{0}, errors{0};
    WatcherOptions options;
    options.resumeFrom = saved.resourceVersion;
    Watcher watcher(counting, [&](const WatcherEvent &e) {
        store.apply(e);
        if (e.type == WatcherEventType::Resumed)
            ++resumed;
        if (e.type == WatcherEventType::Error)
            ++errors;
    }, options);
    watcher.start();

    // Then the server's 410 makes it list: the cached state is replaced, no resume claimed
    QTRY_VERIFY_WITH_TIMEOUT(names(store.snapshot()) == (std::set<std::string>{"meanwhile"}), 30000);
    QVERIFY(counting->lists() >= 1);
    QCOMPARE(resumed.load(), 0);
    QCOMPARE(errors.load(), 0);
    watcher.stop();
    (void)admin->remove(kNamespaces, "", ns);
}

QTEST_GUILESS_MAIN(tst_WatcherCluster)
#include "tst_watchercluster.moc"
