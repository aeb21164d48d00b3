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
    void relistAfterRealGone();
};

void tst_WatcherCluster::relistAfterRealGone()
{
    std::string error;
    auto admin = clusterenv::clientFor(clusterenv::kubeconfigPath("admin"), &error);
    QVERIFY2(admin, error.c_str());
    const std::string ns = clusterenv::uniqueName("it-watch");
    QVERIFY(admin->create(kNamespaces, "", {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", ns}}}}).ok());
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

QTEST_GUILESS_MAIN(tst_WatcherCluster)
#include "tst_watchercluster.moc"
