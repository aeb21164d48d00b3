// Tests for kube::Store: atomic relist swaps, indexes, resync diffs, immutable snapshots,
// a seeded random comparison against a plain std::map, and scale (10,000+ objects).
#include "kubeclient/watch/store.h"
#include "tests/support/storefixtures.h"

#include <QtCore/QThread>
#include <QtTest/QtTest>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

using kube::Store;
using kube::WatcherEvent;
using kube::WatcherEventType;
using nlohmann::json;

namespace {

using storefixtures::ev;
using storefixtures::kWorkspace;
using storefixtures::object;
using storefixtures::relist;

using Keys = std::vector<std::string>;

std::string rvOf(const Store::ObjectPtr &o)
{
    return o ? (*o)["metadata"].value("resourceVersion", std::string()) : std::string("<none>");
}

// A ListerWatcher that lists a fixed set, streams scripted events once, then reports 410 so
// the watcher relists the second set, then blocks until cancelled.
class TwoListsLister final : public kube::ListerWatcher
{
public:
    kube::Result<kube::ListPage> listPage(const kube::ListOptions &, const kube::CancelTokenPtr &) override
    {
        kube::ListPage page;
        page.items = lists.front();
        page.resourceVersion = std::to_string(100 * (++listed));
        if (lists.size() > 1)
            lists.pop_front();
        return page;
    }
    kube::Result<void> watch(const kube::ListOptions &, const std::function<bool(const kube::WatchEvent &)> &onEvent,
                             const kube::CancelTokenPtr &cancel) override
    {
        if (!streamed) {
            streamed = true;
            for (const auto &e : stream)
                if (!onEvent(e))
                    return {};
            return kube::Error::api(kube::ApiStatus{410, kube::StatusReason::Expired, "Expired", "too old", {}, {}, {}, {}, 0});
        }
        std::mutex m;
        std::condition_variable cv;
        const int id = cancel->onCancel([&] {
            std::lock_guard l(m);
            cv.notify_all();
        });
        {
            std::unique_lock l(m);
            waiting = true;
            cv.wait(l, [&] { return cancel->cancelled(); });
        }
        cancel->removeOnCancel(id);
        return kube::Error::make(kube::ErrorKind::Cancelled, "cancelled");
    }
    std::string describe() const override { return "configmaps"; }

    std::deque<std::vector<json>> lists;
    std::vector<kube::WatchEvent> stream;
    int listed = 0;
    bool streamed = false;
    std::atomic<bool> waiting{false};
};

} // namespace

class TestStore : public QObject
{
    Q_OBJECT

private slots:
    void keyOf();
    void resourceVersionFollowsTheListAndEveryAppliedEvent();
    void liveEventsAddUpdateDelete();
    void relistIsInvisibleUntilInitDone();
    void resyncDiffOnlyNamesRealChanges();
    void abandonedRelistIsDropped();
    void snapshotsAreUnaffectedByLaterWrites();
    void relistKeepsTheLastStateOfARepeatedKey();
    void objectsWithoutNameAreIgnored();
    void subscribersSeeTheChangeInTheirSnapshot();
    void unsubscribeWaitsForANotificationInFlight();
    void feedFromAWatcher();
    void randomEventSequencesMatchAReferenceMap();
    void scalesToTenThousandObjects();
};

void TestStore::keyOf()
{
    // Given objects of each scope
    // Then keys are namespace/name, bare name when cluster-scoped, empty without a name
    QCOMPARE(Store::keyOf(object("team-a", "cm", 1)), std::string("team-a/cm"));
    QCOMPARE(Store::keyOf(object("", "ws-alpha", 1)), std::string("ws-alpha"));
    QCOMPARE(Store::keyOf(json{{"metadata", {{"namespace", "x"}}}}), std::string());
    QCOMPARE(Store::keyOf(json::array()), std::string());
}

void TestStore::liveEventsAddUpdateDelete()
{
    // Given a synced store and a subscriber
    Store store;
    relist(store, {});
    std::vector<Store::Change> changes;
    store.subscribe([&](const Store::Change &c) { changes.push_back(c); });

    // When an object is added, modified, re-sent unchanged, then deleted
    store.apply(ev(WatcherEventType::Apply, object("team-a", "cm", 1)));
    store.apply(ev(WatcherEventType::Apply, object("team-a", "cm", 2)));
    store.apply(ev(WatcherEventType::Apply, object("team-a", "cm", 2)));
    QCOMPARE(rvOf(store.snapshot().get("team-a", "cm")), std::string("2"));
    store.apply(ev(WatcherEventType::Delete, object("team-a", "cm", 3)));
    store.apply(ev(WatcherEventType::Delete, object("team-a", "unknown", 4)));

    // Then each real change is one notification naming one key
    QCOMPARE(changes.size(), std::size_t(3));
    QCOMPARE(changes[0].added, Keys{"team-a/cm"});
    QCOMPARE(changes[1].updated, Keys{"team-a/cm"});
    QCOMPARE(changes[2].deleted, Keys{"team-a/cm"});
    QCOMPARE(rvOf(changes[2].previous.get("team-a/cm")), std::string("2"));  // what was deleted
    QVERIFY(!changes[2].snapshot.contains("team-a/cm"));
    QVERIFY(!changes[0].resync);
    QVERIFY(store.snapshot().empty());
    QVERIFY(changes[0].snapshot.version() < changes[2].snapshot.version());
}

void TestStore::relistIsInvisibleUntilInitDone()
{
    // Given a store holding a, b, c
    Store store;
    relist(store, {object("ns", "a", 1), object("ns", "b", 2), object("ns", "c", 3)});
    const Store::Snapshot before = store.snapshot();
    std::vector<Store::Change> changes;
    store.subscribe([&](const Store::Change &c) { changes.push_back(c); });

    // When a relist has started and delivered part of the new set
    store.apply(ev(WatcherEventType::Init));
    store.apply(ev(WatcherEventType::InitApply, object("ns", "b", 20)));
    store.apply(ev(WatcherEventType::InitApply, object("ns", "d", 21)));

    // Then readers still see the old, whole set
    QCOMPARE(store.snapshot().keys(), (Keys{"ns/a", "ns/b", "ns/c"}));
    QCOMPARE(store.snapshot().version(), before.version());
    QVERIFY(changes.empty());

    // When the relist completes
    store.apply(ev(WatcherEventType::InitDone));

    // Then the new set replaces the old at once: objects gone from the list are deleted
    QCOMPARE(store.snapshot().keys(), (Keys{"ns/b", "ns/d"}));
    QCOMPARE(rvOf(store.snapshot().get("ns/b")), std::string("20"));
    QCOMPARE(changes.size(), std::size_t(1));
    QVERIFY(changes[0].resync);
    QCOMPARE(changes[0].added, Keys{"ns/d"});
    QCOMPARE(changes[0].updated, Keys{"ns/b"});
    QCOMPARE(changes[0].deleted, (Keys{"ns/a", "ns/c"}));
    QVERIFY(store.synced());
    // And the earlier snapshot is untouched
    QCOMPARE(before.keys(), (Keys{"ns/a", "ns/b", "ns/c"}));
}

void TestStore::resyncDiffOnlyNamesRealChanges()
{
    // Given a store and a relist returning the very same objects
    Store store;
    QVERIFY(!store.synced());
    relist(store, {object("ns", "a", 1), object("ns", "b", 2)});
    std::vector<Store::Change> changes;
    store.subscribe([&](const Store::Change &c) { changes.push_back(c); });

    // When the relist is applied
    relist(store, {object("ns", "a", 1), object("ns", "b", 2)});

    // Then a resync is announced, with nothing added, updated or deleted
    QCOMPARE(changes.size(), std::size_t(1));
    QVERIFY(changes[0].resync);
    QVERIFY(changes[0].added.empty() && changes[0].updated.empty() && changes[0].deleted.empty());

    // And objects without resourceVersions are compared by content
    relist(store, {json{{"metadata", {{"name", "x"}}}, {"v", 1}}});
    relist(store, {json{{"metadata", {{"name", "x"}}}, {"v", 1}}});
    QVERIFY(changes.back().updated.empty());
    relist(store, {json{{"metadata", {{"name", "x"}}}, {"v", 2}}});
    QCOMPARE(changes.back().updated, Keys{"x"});
}

void TestStore::abandonedRelistIsDropped()
{
    // Given a relist that failed midway (the watcher emits Init again)
    Store store;
    relist(store, {object("ns", "old", 1)});
    store.apply(ev(WatcherEventType::Init));
    store.apply(ev(WatcherEventType::InitApply, object("ns", "partial", 2)));

    // When the next relist completes
    relist(store, {object("ns", "fresh", 3)});

    // Then only its objects are in the store
    QCOMPARE(store.snapshot().keys(), Keys{"ns/fresh"});
    // And InitDone without Init, or an Error event, changes nothing
    const auto version = store.snapshot().version();
    store.apply(ev(WatcherEventType::InitDone));
    WatcherEvent error = ev(WatcherEventType::Error);
    error.error = kube::Error::make(kube::ErrorKind::Transport, "boom");
    store.apply(error);
    QCOMPARE(store.snapshot().version(), version);
}

void TestStore::snapshotsAreUnaffectedByLaterWrites()
{
    // Given a snapshot of a store
    Store store;
    relist(store, {object("ns1", "a", 1, "ws1"), object("ns2", "b", 2, "ws2")});
    const Store::Snapshot frozen = store.snapshot();

    // When objects are modified, relabelled, deleted, added, and the store relisted
    store.apply(ev(WatcherEventType::Apply, object("ns1", "a", 3, "ws2")));
    store.apply(ev(WatcherEventType::Delete, object("ns2", "b", 4)));
    store.apply(ev(WatcherEventType::Apply, object("ns3", "c", 5, "ws1")));
    relist(store, {object("ns9", "z", 6)});

    // Then the old snapshot still answers exactly as before, objects and their labels
    QCOMPARE(frozen.keys(), (Keys{"ns1/a", "ns2/b"}));
    QCOMPARE(rvOf(frozen.get("ns1/a")), std::string("1"));
    QCOMPARE((*frozen.get("ns1/a"))["metadata"]["labels"][kWorkspace].get<std::string>(), std::string("ws1"));
    QCOMPARE(rvOf(frozen.get("ns2", "b")), std::string("2"));
    QCOMPARE(store.snapshot().keys(), Keys{"ns9/z"});
}

void TestStore::relistKeepsTheLastStateOfARepeatedKey()
{
    // Given a store with a live object and a snapshot of it
    Store store;
    relist(store, {object("team-a", "x", 1), object("", "cluster-thing", 2)});
    const Store::Snapshot before = store.snapshot();
    // When a relist brings one key twice (a list is built under one edit: its nodes are changed
    // in place until it is swapped in) and a cluster-scoped object
    store.apply(ev(WatcherEventType::Init, json()));
    store.apply(ev(WatcherEventType::InitApply, object("team-a", "x", 3)));
    store.apply(ev(WatcherEventType::InitApply, object("team-b", "y", 4)));
    store.apply(ev(WatcherEventType::InitApply, object("team-a", "x", 5)));
    store.apply(ev(WatcherEventType::InitApply, object("", "cluster-thing", 2)));
    store.apply(ev(WatcherEventType::InitDone, json()));
    // Then the later state wins, the cluster-scoped object keeps its bare name as key
    const auto s = store.snapshot();
    QCOMPARE(s.keys(), (Keys{"cluster-thing", "team-a/x", "team-b/y"}));
    QCOMPARE(rvOf(s.get("team-a", "x")), std::string("5"));
    QVERIFY(s.get("cluster-thing") != nullptr);
    // And the snapshot taken before is untouched
    QCOMPARE(before.keys(), (Keys{"cluster-thing", "team-a/x"}));
    QCOMPARE(rvOf(before.get("team-a/x")), std::string("1"));
    // And a live event after the swap copies what it changes (the list's edit is over)
    const Store::Snapshot listed = store.snapshot();
    store.apply(ev(WatcherEventType::Apply, object("team-a", "x", 6)));
    QCOMPARE(rvOf(listed.get("team-a/x")), std::string("5"));
    QCOMPARE(rvOf(store.snapshot().get("team-a/x")), std::string("6"));
}

void TestStore::objectsWithoutNameAreIgnored()
{
    // Given events whose objects cannot be keyed
    Store store;
    relist(store, {json{{"metadata", {{"namespace", "x"}}}}, object("x", "ok", 1)});
    store.apply(ev(WatcherEventType::Apply, json{{"kind", "ConfigMap"}}));
    store.apply(ev(WatcherEventType::Apply));
    store.apply(ev(WatcherEventType::Delete, json::object()));
    // Then they are skipped and the rest is kept
    QCOMPARE(store.snapshot().keys(), Keys{"x/ok"});
}

void TestStore::subscribersSeeTheChangeInTheirSnapshot()
{
    // Given a subscriber that reads the store while being notified
    Store store;
    relist(store, {});
    Keys seenInStore;
    Keys seenInChange;
    const int id = store.subscribe([&](const Store::Change &c) {
        for (const auto &key : c.added) {
            if (store.snapshot().contains(key))
                seenInStore.push_back(key);
            if (c.snapshot.contains(key))
                seenInChange.push_back(key);
        }
    });
    // When objects arrive
    store.apply(ev(WatcherEventType::Apply, object("ns", "a", 1)));
    store.apply(ev(WatcherEventType::Apply, object("ns", "b", 2)));
    // Then the change is already visible, both in the store and in the change's snapshot
    QCOMPARE(seenInStore, (Keys{"ns/a", "ns/b"}));
    QCOMPARE(seenInChange, (Keys{"ns/a", "ns/b"}));
    // And after unsubscribing nothing more arrives
    store.unsubscribe(id);
    store.apply(ev(WatcherEventType::Apply, object("ns", "c", 3)));
    QCOMPARE(seenInChange.size(), std::size_t(2));
}

void TestStore::unsubscribeWaitsForANotificationInFlight()
{
    // Given a subscriber that is being notified on another thread (a shared watch's) and takes
    // its time
    Store store;
    std::atomic<bool> entered{false}, left{false};
    const int id = store.subscribe([&](const Store::Change &) {
        entered = true;
        QThread::msleep(150);
        left = true;
    });
    std::thread writer([&] { store.apply(ev(WatcherEventType::Apply, object("ns", "a", 1))); });
    while (!entered)
        QThread::msleep(1);
    // When its reader goes meanwhile (a feed destroyed while the watch goes on)
    store.unsubscribe(id);
    // Then unsubscribe() returned only once the notification was over: what the subscriber
    // pointed at may be freed now. Before, it returned at once and the call ran on into it.
    QVERIFY(left);
    writer.join();
    // And a subscriber may unsubscribe itself from inside its notification without waiting
    // for itself
    int self = 0;
    int calls = 0;
    self = store.subscribe([&](const Store::Change &) {
        ++calls;
        store.unsubscribe(self);
    });
    store.apply(ev(WatcherEventType::Apply, object("ns", "b", 2)));
    store.apply(ev(WatcherEventType::Apply, object("ns", "c", 3)));
    QCOMPARE(calls, 1);
}

void TestStore::feedFromAWatcher()
{
    // Given a Watcher feeding a Store: a first list, a stream, then 410 and a second list
    auto lister = std::make_shared<TwoListsLister>();
    lister->lists.push_back({object("ns", "a", 1), object("ns", "b", 2)});
    lister->lists.push_back({object("ns", "b", 2), object("ns", "c", 30)});
    lister->stream = {kube::WatchEvent{kube::WatchEventType::Added, object("ns", "d", 101)},
                      kube::WatchEvent{kube::WatchEventType::Deleted, object("ns", "a", 102)}};
    Store store;
    std::mutex mutex;
    std::vector<Store::Change> changes;
    store.subscribe([&](const Store::Change &c) {
        std::lock_guard lock(mutex);
        changes.push_back(c);
    });
    auto watcher = std::make_unique<kube::Watcher>(lister, [&](const WatcherEvent &e) { store.apply(e); });

    // When it runs until the second watch idles
    watcher->start();
    QElapsedTimer timer;
    timer.start();
    while (!lister->waiting && timer.elapsed() < 5000)
        QThread::msleep(2);
    watcher.reset();

    // Then the store went list -> add d -> delete a -> resync to the second list
    QVERIFY(lister->waiting);
    QCOMPARE(store.snapshot().keys(), (Keys{"ns/b", "ns/c"}));
    std::lock_guard lock(mutex);
    QCOMPARE(changes.size(), std::size_t(4));
    QCOMPARE(changes[0].added, (Keys{"ns/a", "ns/b"}));
    QCOMPARE(changes[1].added, Keys{"ns/d"});
    QCOMPARE(changes[2].deleted, Keys{"ns/a"});
    QVERIFY(changes[3].resync);
    QCOMPARE(changes[3].added, Keys{"ns/c"});
    QCOMPARE(changes[3].deleted, Keys{"ns/d"});
    QVERIFY(changes[3].updated.empty());
}

void TestStore::randomEventSequencesMatchAReferenceMap()
{
    // Given a store, a plain std::map as the reference, and a mirror kept only from the
    // notifications (what a UI model does), driven by a fixed-seed random event sequence
    Store store;
    std::map<std::string, json> reference;
    std::map<std::string, std::string> mirror;  // key -> resourceVersion
    store.subscribe([&](const Store::Change &c) {
        for (const auto &k : c.deleted)
            mirror.erase(k);
        for (const auto &k : c.added)
            mirror[k] = rvOf(c.snapshot.get(k));
        for (const auto &k : c.updated)
            mirror[k] = rvOf(c.snapshot.get(k));
    });
    std::mt19937 rng(424242);
    auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
    const std::vector<std::string> namespaces = {"team-a", "team-b", "team-c", ""};
    const std::vector<std::string> workspaces = {"ws1", "ws2", "ws3", ""};
    int rv = 0;
    auto randomObject = [&] {
        return object(namespaces[pick(4)], "obj" + std::to_string(pick(40)), ++rv, workspaces[pick(4)]);
    };
    std::vector<std::pair<Store::Snapshot, std::map<std::string, json>>> frozen;

    auto check = [&](const Store::Snapshot &s, const std::map<std::string, json> &ref) {
        QCOMPARE(s.size(), ref.size());
        Keys refKeys;
        for (const auto &[key, obj] : ref) {
            refKeys.push_back(key);
            QVERIFY(s.get(key) && *s.get(key) == obj);
        }
        QCOMPARE(s.keys(), refKeys);
        // forEach walks the same keys in the same order as keys(), each with its object
        Keys walked;
        s.forEach([&](std::string_view key, const Store::ObjectPtr &object) {
            walked.emplace_back(key);
            QVERIFY(object && *object == ref.at(std::string(key)));
        });
        QCOMPARE(walked, refKeys);
    };

    // When thousands of applies, deletes and relists (some abandoned) are fed
    for (int step = 0; step < 4000; ++step) {
        const int op = pick(100);
        if (op < 55) {
            json o = randomObject();
            reference[Store::keyOf(o)] = o;
            store.apply(ev(WatcherEventType::Apply, o));
        } else if (op < 85) {
            json o = randomObject();
            if (pick(2) == 0 && !reference.empty()) {
                auto it = reference.begin();
                std::advance(it, pick(static_cast<int>(reference.size())));
                o = it->second;
            }
            reference.erase(Store::keyOf(o));
            store.apply(ev(WatcherEventType::Delete, o));
        } else if (op < 97) {
            // A relist: some objects kept as they are, some changed, some gone, some new.
            std::map<std::string, json> next;
            for (const auto &[key, obj] : reference) {
                const int fate = pick(4);
                if (fate == 0)
                    continue;
                next[key] = fate == 1 ? object(obj["metadata"].value("namespace", std::string()),
                                               obj["metadata"]["name"], ++rv, workspaces[pick(4)])
                                      : obj;
            }
            for (int i = pick(8); i > 0; --i) {
                json o = randomObject();
                next[Store::keyOf(o)] = o;
            }
            if (pick(5) == 0) {  // a relist that fails midway first
                store.apply(ev(WatcherEventType::Init));
                store.apply(ev(WatcherEventType::InitApply, randomObject()));
            }
            store.apply(ev(WatcherEventType::Init));
            for (const auto &[key, obj] : next)
                store.apply(ev(WatcherEventType::InitApply, obj));
            check(store.snapshot(), reference);  // not visible before InitDone
            store.apply(ev(WatcherEventType::InitDone));
            reference = std::move(next);
        } else {
            frozen.emplace_back(store.snapshot(), reference);
        }
        // Then the store equals the reference, and the notification mirror equals both
        if (step % 25 == 0 || op >= 85) {
            check(store.snapshot(), reference);
            std::map<std::string, std::string> expectedMirror;
            for (const auto &[key, obj] : reference)
                expectedMirror[key] = obj["metadata"]["resourceVersion"];
            QCOMPARE(mirror, expectedMirror);
        }
        if (QTest::currentTestFailed())
            QFAIL(("diverged at step " + std::to_string(step)).c_str());
    }
    // And every snapshot taken along the way still shows its own moment
    QVERIFY(frozen.size() > 50);
    for (const auto &[snapshot, ref] : frozen)
        check(snapshot, ref);
}

void TestStore::scalesToTenThousandObjects()
{
    // Given 20,000 objects in 200 namespaces and 20 workspaces, and a subscriber that takes a
    // snapshot per change (as a naive UI would)
    constexpr int kObjects = 20'000;
    Store store;
    std::vector<json> objects;
    objects.reserve(kObjects);
    for (int i = 0; i < kObjects; ++i)
        objects.push_back(object("ns-" + std::to_string(i % 200), "obj-" + std::to_string(i), i + 1,
                                 "ws-" + std::to_string(i % 20)));
    std::size_t seen = 0;
    store.subscribe([&](const Store::Change &c) { seen += c.snapshot.size() > 0 ? 1 : 0; });
    relist(store, objects);

    // When 20,000 live events arrive, each followed by a read of the store
    std::vector<WatcherEvent> events;
    events.reserve(kObjects);
    for (int i = 0; i < kObjects; ++i) {
        json next = object("ns-" + std::to_string(i % 200), "obj-" + std::to_string(i), kObjects + i + 1,
                           "ws-" + std::to_string((i + 1) % 20));
        events.push_back(ev(WatcherEventType::Apply, next));
        objects[static_cast<std::size_t>(i)] = std::move(next);
    }
    std::size_t found = 0;
    for (const auto &e : events) {
        store.apply(e);
        found += store.snapshot().get("ns-7/obj-7") ? 1 : 0;
    }

    // And a relist is swapped in that differs in 100 changed, 50 missing and 30 new objects
    for (int i = 0; i < 100; ++i)
        objects[static_cast<std::size_t>(i)]["metadata"]["resourceVersion"] = "9" + std::to_string(i);
    objects.erase(objects.end() - 50, objects.end());
    for (int i = 0; i < 30; ++i)
        objects.push_back(object("ns-new", "obj-" + std::to_string(i), 100'000 + i));
    std::vector<Store::Change> resyncs;
    store.subscribe([&](const Store::Change &c) {
        if (c.resync)
            resyncs.push_back(c);
    });
    relist(store, objects);

    // Then every event and read saw the store whole (how long it takes, and that the cost per
    // event does not grow with the store, is measured by tests/bench/bench_store)
    QCOMPARE(found, std::size_t(kObjects));
    QCOMPARE(seen, std::size_t(kObjects + 2));
    const auto s = store.snapshot();
    QCOMPARE(s.size(), std::size_t(kObjects - 50 + 30));
    std::size_t inNew = 0, inWs5 = 0;
    s.forEach([&](std::string_view key, const Store::ObjectPtr &object) {
        inNew += key.substr(0, 7) == "ns-new/" ? 1 : 0;
        inWs5 += (*object)["metadata"]["labels"].value(kWorkspace, "") == "ws-5" ? 1 : 0;
    });
    QCOMPARE(inNew, std::size_t(30));
    QCOMPARE(inWs5, std::size_t(kObjects / 20) - 2);
    // And the resync diff names exactly what differs from the live set
    QCOMPARE(resyncs.size(), std::size_t(1));
    QCOMPARE(resyncs[0].updated.size(), std::size_t(100));
    QCOMPARE(resyncs[0].deleted.size(), std::size_t(50));
    QCOMPARE(resyncs[0].added.size(), std::size_t(30));
}

void TestStore::resourceVersionFollowsTheListAndEveryAppliedEvent()
{
    // Given a store that swapped in a list whose version is 100
    Store store;
    store.apply(ev(WatcherEventType::Init));
    store.apply(ev(WatcherEventType::InitApply, object("a", "x", 90)));
    auto done = ev(WatcherEventType::InitDone);
    done.resourceVersion = "100";
    store.apply(done);
    QCOMPARE(store.snapshot().resourceVersion(), std::string("100"));

    // When events are applied, and an event repeats a state it holds
    store.apply(ev(WatcherEventType::Apply, object("a", "y", 101)));
    QCOMPARE(store.snapshot().resourceVersion(), std::string("101"));
    store.apply(ev(WatcherEventType::Delete, object("a", "x", 105)));
    QCOMPARE(store.snapshot().resourceVersion(), std::string("105"));

    // Then a snapshot's version is always that of the state it holds: an older snapshot keeps its own
    const auto before = store.snapshot();
    store.apply(ev(WatcherEventType::Apply, object("a", "z", 110)));
    QCOMPARE(before.resourceVersion(), std::string("105"));
    QCOMPARE(store.snapshot().resourceVersion(), std::string("110"));
    // And Resumed (a watcher confirming a cached version) changes nothing
    store.apply(ev(WatcherEventType::Resumed));
    QCOMPARE(store.snapshot().resourceVersion(), std::string("110"));
    QCOMPARE(store.snapshot().size(), std::size_t(2));
}

QTEST_APPLESS_MAIN(TestStore)
#include "tst_store.moc"
