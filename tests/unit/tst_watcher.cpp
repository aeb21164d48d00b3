// Tests for kube::Watcher (and its Backoff) against a scripted fake ListerWatcher.
// A fake clock and sleep make every retry deterministic; two tests use the real thread.
#include "kubeclient/core/backoff.h"
#include "kubeclient/watch/watcher.h"

#include <QtTest/QtTest>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>

using namespace std::chrono_literals;
using kube::Error;
using kube::ErrorKind;
using kube::ListOptions;
using kube::ListPage;
using kube::Result;
using kube::WatchEvent;
using kube::WatchEventType;
using kube::Watcher;
using kube::WatcherEvent;
using kube::WatcherEventType;
using kube::WatcherOptions;
using nlohmann::json;
using ms = std::chrono::milliseconds;

namespace {

json object(const std::string &name, int rv)
{
    return {{"apiVersion", "v1"},
            {"kind", "ConfigMap"},
            {"metadata", {{"name", name}, {"namespace", "team-a"}, {"resourceVersion", std::to_string(rv)}}}};
}

WatchEvent watchEvent(WatchEventType type, const std::string &name, int rv)
{
    return WatchEvent{type, object(name, rv)};
}

WatchEvent bookmark(int rv)
{
    return WatchEvent{WatchEventType::Bookmark,
                      {{"kind", "ConfigMap"}, {"metadata", {{"resourceVersion", std::to_string(rv)}}}}};
}

// The bookmark that ends a watch-list stream's initial events.
WatchEvent endOfInitialEvents(int rv)
{
    return WatchEvent{WatchEventType::Bookmark,
                      {{"kind", "ConfigMap"},
                       {"metadata", {{"resourceVersion", std::to_string(rv)}, {"annotations", {{"k8s.io/initial-events-end", "true"}}}}}}};
}

WatchEvent errorEvent(int code, const std::string &reason, const std::string &message)
{
    json status = {{"kind", "Status"}, {"apiVersion", "v1"}, {"status", "Failure"}, {"message", message}};
    if (code != 0)
        status["code"] = code;
    if (!reason.empty())
        status["reason"] = reason;
    return WatchEvent{WatchEventType::Error, status};
}

ListPage page(std::vector<json> items, const std::string &rv, const std::string &continueToken = {})
{
    return ListPage{std::move(items), rv, continueToken};
}

Error apiError(int code, const std::string &reason, const std::string &message, int retryAfter = 0)
{
    kube::ApiStatus status;
    status.code = code;
    status.reasonText = reason;
    status.reason = kube::statusReasonFromString(reason);
    status.message = message;
    status.retryAfterSeconds = retryAfter;
    return Error::api(status, "https://127.0.0.1:6443");
}

Error transportError()
{
    return Error::make(ErrorKind::Transport, "connection refused", "https://127.0.0.1:6443");
}

// One scripted watch call: deliver these events, let the fake clock run, then end so.
struct WatchScript {
    std::vector<WatchEvent> events;
    Result<void> end = Result<void>();
    ms runsFor{0};
};

class FakeListerWatcher final : public kube::ListerWatcher
{
public:
    Result<ListPage> listPage(const ListOptions &options, const kube::CancelTokenPtr &) override
    {
        listCalls.push_back(options);
        if (pages.empty())
            return Error::make(ErrorKind::Transport, "no scripted page");
        auto next = std::move(pages.front());
        pages.pop_front();
        return next;
    }

    Result<void> watch(const ListOptions &options, const std::function<bool(const WatchEvent &)> &onEvent,
                       const kube::CancelTokenPtr &cancel) override
    {
        watchCalls.push_back(options);
        if (watches.empty()) {
            if (!blockWhenUnscripted)
                return Error::make(ErrorKind::Transport, "no scripted watch");
            return blockUntilCancelled(cancel);
        }
        WatchScript script = std::move(watches.front());
        watches.pop_front();
        if (advanceClock)
            advanceClock(script.runsFor);
        for (const auto &e : script.events) {
            if (!onEvent(e))
                return Result<void>();
        }
        return script.end;
    }

    std::string describe() const override { return "configmaps in namespace team-a on cluster test"; }

    Result<void> blockUntilCancelled(const kube::CancelTokenPtr &cancel)
    {
        std::mutex mutex;
        std::condition_variable cv;
        bool woken = false;
        const int id = cancel->onCancel([&] {
            std::lock_guard lock(mutex);
            woken = true;
            cv.notify_all();
        });
        inBlockingWatch = true;
        {
            std::unique_lock lock(mutex);
            cv.wait(lock, [&] { return woken || cancel->cancelled(); });
        }
        cancel->removeOnCancel(id);
        return Error::make(ErrorKind::Cancelled, "cancelled");
    }

    std::deque<Result<ListPage>> pages;
    std::deque<WatchScript> watches;
    std::vector<ListOptions> listCalls;
    std::vector<ListOptions> watchCalls;
    std::function<void(ms)> advanceClock;
    bool blockWhenUnscripted = false;
    std::atomic<bool> inBlockingWatch{false};
};

std::string line(const WatcherEvent &e)
{
    std::string out = kube::toString(e.type);
    if (e.object) {
        const auto &md = (*e.object)["metadata"];
        out += " " + md.value("name", std::string()) + "@" + md.value("resourceVersion", std::string());
    }
    if (e.error)
        out += " " + std::to_string(e.error->httpCode()) + " retry=" + std::to_string(e.retryIn.count()) + "ms";
    return out;
}

// A watcher over a fake lister with a fake clock: sleeps are recorded and advance the clock.
// The random source is fixed at 0.5: backoff delays are 90% of nominal, watch timeouts 450 s.
struct Harness {
    explicit Harness(WatcherOptions options = WatcherOptions())
    {
        options.clock = [this] { return now; };
        options.sleep = [this](ms d) {
            sleeps.push_back(d);
            now += d;
        };
        options.random = [] { return 0.5; };
        lister->advanceClock = [this](ms d) { now += d; };
        watcher = std::make_unique<Watcher>(
            lister,
            [this](const WatcherEvent &e) {
                log.push_back(line(e));
                if (e.type == WatcherEventType::Error)
                    errors.push_back(e);
            },
            options);
    }
    Harness(const Harness &) = delete;

    void steps(int n)
    {
        for (int i = 0; i < n; ++i)
            watcher->step();
    }
    // Steps through Init and every scripted page.
    void listAll()
    {
        watcher->step();  // Init
        while (watcher->state() == Watcher::State::InitPage)
            watcher->step();
    }

    std::shared_ptr<FakeListerWatcher> lister = std::make_shared<FakeListerWatcher>();
    std::chrono::steady_clock::time_point now{};
    std::vector<ms> sleeps;
    std::vector<std::string> log;
    std::vector<WatcherEvent> errors;
    std::unique_ptr<Watcher> watcher;
};

using Lines = std::vector<std::string>;

bool waitFor(const std::function<bool()> &condition, ms timeout = 5000ms)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeout.count())
            return false;
        std::this_thread::sleep_for(2ms);
    }
    return true;
}

} // namespace

class TestWatcher : public QObject
{
    Q_OBJECT

private slots:
    void backoffGrowsCapsJittersAndResets();
    void pagedInitialListFollowsContinueTokens();
    void watchSendsOptionsAndAppliesEvents();
    void bookmarksAdvanceTheResumePoint();
    void reconnectAfterStreamEndResumesFromLastResourceVersion();
    void goneOnInitialResponseRelists();
    void goneInStreamRelists();
    void tooOldResourceVersionTextRelists();
    void expiredContinueTokenRestartsTheList();
    void repeatedGoneBacksOff();
    void forbiddenListIsReportedAndRetriedWithLongerBackoff();
    void watchFailuresBackOffExponentiallyAndResetAfterHealthyWatch();
    void streamErrorResumesFromLastResourceVersion();
    void immediatelyClosedEmptyWatchIsAFailure();
    void retryAfterIsHonoured();
    void stopDuringBlockingWatchIsPrompt();
    void stopDuringBackoffIsPrompt();
    void stopFromTheCallback();
    void resumeWatchesFromTheStoredVersionAndConfirmsAtTheFirstEvent();
    void quietResumeIsConfirmedWhenItsShortWatchEnds();
    void resumeRefusedWithGoneRelists();
    void resumeRefusedWithTooLargeResourceVersionRelists();
    void resumeAfterAConnectionFailureTriesTheResumeAgain();
    void transformAppliesToListedAndWatchedObjects();
    void initDoneCarriesTheListResourceVersion();
    void watchListStreamListsThenWatchesOnOneConnection();
    void watchListRefusedFallsBackToPagedLists();
    void watchListWithoutStorageSupportFallsBackToPagedLists();
    void watchListCutShortIsListedAgain();
};

void TestWatcher::backoffGrowsCapsJittersAndResets()
{
    // Given client-go's policy, a fake clock and no jitter draw (random 0)
    auto now = std::chrono::steady_clock::time_point{};
    double draw = 0.0;
    kube::Backoff backoff(kube::BackoffPolicy(), [&] { return now; }, [&] { return draw; });
    // When failures follow each other
    std::vector<long long> delays;
    for (int i = 0; i < 8; ++i) {
        delays.push_back(backoff.next().count());
        now += 1s;
    }
    // Then delays double from 0.8 s and stop at 30 s
    QCOMPARE(delays, (std::vector<long long>{800, 1600, 3200, 6400, 12800, 25600, 30000, 30000}));
    // And a full jitter draw shortens a delay by at most 20%, never lengthens it
    draw = 0.999999;
    QCOMPARE(backoff.next().count(), 24000LL);
    // And after two quiet minutes the next failure starts from 0.8 s again
    now += 121s;
    draw = 0.0;
    QCOMPARE(backoff.next().count(), 800LL);
    QCOMPARE(backoff.failures(), 1);
}

void TestWatcher::pagedInitialListFollowsContinueTokens()
{
    // Given a server that answers a list in three pages, one of them empty
    WatcherOptions options;
    options.pageSize = 2;
    options.labelSelector = "kubesphere.io/workspace=ws-alpha";
    Harness h(options);
    h.lister->pages.push_back(page({object("a", 1), object("b", 2)}, "", "c1"));
    h.lister->pages.push_back(page({}, "", "c2"));
    h.lister->pages.push_back(page({object("c", 3)}, "100"));

    // When the watcher lists
    h.steps(1);
    QCOMPARE(h.watcher->state(), Watcher::State::InitPage);
    h.steps(3);

    // Then it follows every continue token and brackets the objects with Init/InitDone
    QCOMPARE(h.log, (Lines{"Init", "InitApply a@1", "InitApply b@2", "InitApply c@3", "InitDone"}));
    QCOMPARE(h.lister->listCalls.size(), std::size_t(3));
    QCOMPARE(h.lister->listCalls[0].continueToken, std::string());
    QCOMPARE(h.lister->listCalls[1].continueToken, std::string("c1"));
    QCOMPARE(h.lister->listCalls[2].continueToken, std::string("c2"));
    for (const auto &call : h.lister->listCalls) {
        QCOMPARE(call.limit, 2L);
        QCOMPARE(call.resourceVersion, std::string());  // consistent read; never with continue
        QCOMPARE(call.labelSelector, std::string("kubesphere.io/workspace=ws-alpha"));
    }
    // And the list's resourceVersion becomes the resume point
    QCOMPARE(h.watcher->state(), Watcher::State::InitListed);
    QCOMPARE(h.watcher->resourceVersion(), std::string("100"));
}

void TestWatcher::watchSendsOptionsAndAppliesEvents()
{
    // Given a listed watcher and a stream with an add, a modify and a delete
    WatcherOptions options;
    options.fieldSelector = "metadata.name!=kube-root-ca.crt";
    Harness h(options);
    h.lister->pages.push_back(page({object("b", 90)}, "100"));
    h.lister->watches.push_back(
        {{watchEvent(WatchEventType::Added, "a", 101), watchEvent(WatchEventType::Modified, "a", 102),
          watchEvent(WatchEventType::Deleted, "b", 103)},
         Result<void>(),
         5min});
    h.listAll();

    // When the watch runs
    h.steps(1);

    // Then the events come out as Apply/Apply/Delete
    QCOMPARE(h.log, (Lines{"Init", "InitApply b@90", "InitDone", "Apply a@101", "Apply a@102", "Delete b@103"}));
    // And the watch asked for bookmarks, from the list's RV, with a randomised timeout
    QCOMPARE(h.lister->watchCalls.size(), std::size_t(1));
    const ListOptions &w = h.lister->watchCalls[0];
    QCOMPARE(w.resourceVersion, std::string("100"));
    QVERIFY(w.allowWatchBookmarks);
    QCOMPARE(w.timeoutSeconds, 450L);
    QVERIFY(w.timeoutSeconds >= 300 && w.timeoutSeconds < 600);
    QCOMPARE(w.fieldSelector, std::string("metadata.name!=kube-root-ca.crt"));
    QCOMPARE(w.limit, 0L);
    // And after the server closed the stream, the next watch is due at once from the last RV
    QCOMPARE(h.watcher->state(), Watcher::State::InitListed);
    QCOMPARE(h.watcher->resourceVersion(), std::string("103"));
    QVERIFY(h.sleeps.empty());
}

void TestWatcher::bookmarksAdvanceTheResumePoint()
{
    // Given a stream with only bookmarks
    Harness h;
    h.lister->pages.push_back(page({}, "100"));
    h.lister->watches.push_back({{bookmark(150), bookmark(160)}, Result<void>(), 1min});
    h.lister->watches.push_back({{watchEvent(WatchEventType::Added, "a", 161)}, Result<void>(), 1min});
    h.listAll();

    // When it ends and the watch reconnects
    h.steps(2);

    // Then no event was emitted for the bookmarks, but the reconnect starts after them
    QCOMPARE(h.log, (Lines{"Init", "InitDone", "Apply a@161"}));
    QCOMPARE(h.lister->watchCalls[1].resourceVersion, std::string("160"));
    QCOMPARE(h.lister->listCalls.size(), std::size_t(1));
}

void TestWatcher::reconnectAfterStreamEndResumesFromLastResourceVersion()
{
    // Given a watch that the server ends after one event (its timeoutSeconds)
    Harness h;
    h.lister->pages.push_back(page({}, "100"));
    h.lister->watches.push_back({{watchEvent(WatchEventType::Added, "a", 101)}, Result<void>(), 450s});
    h.lister->watches.push_back({{watchEvent(WatchEventType::Modified, "a", 105)}, Result<void>(), 450s});
    h.listAll();

    // When the watcher goes on
    h.steps(2);

    // Then it watches again from the last event's RV, without relisting or waiting
    QCOMPARE(h.lister->watchCalls.size(), std::size_t(2));
    QCOMPARE(h.lister->watchCalls[0].resourceVersion, std::string("100"));
    QCOMPARE(h.lister->watchCalls[1].resourceVersion, std::string("101"));
    QCOMPARE(h.lister->listCalls.size(), std::size_t(1));
    QVERIFY(h.sleeps.empty());
    QVERIFY(h.errors.empty());
    QCOMPARE(h.watcher->resourceVersion(), std::string("105"));
}

void TestWatcher::goneOnInitialResponseRelists()
{
    // Given a watch refused with 410 Expired: our RV was compacted away
    Harness h;
    h.lister->pages.push_back(page({object("a", 90)}, "100"));
    h.lister->watches.push_back({{}, apiError(410, "Expired", "too old resource version: 100 (200)"), 0ms});
    h.lister->pages.push_back(page({object("a", 190)}, "200"));
    h.lister->watches.push_back({{watchEvent(WatchEventType::Modified, "a", 201)}, Result<void>(), 1min});
    h.listAll();

    // When the watch is attempted
    h.steps(1);
    // Then the watcher starts over from Empty, without an error for the user or a wait
    QCOMPARE(h.watcher->state(), Watcher::State::Empty);
    QVERIFY(h.errors.empty());
    QVERIFY(h.sleeps.empty());

    // And the relist is a fresh consistent list whose RV the next watch uses
    h.listAll();
    h.steps(1);
    QCOMPARE(h.log, (Lines{"Init", "InitApply a@90", "InitDone", "Init", "InitApply a@190", "InitDone", "Apply a@201"}));
    QCOMPARE(h.lister->listCalls[1].resourceVersion, std::string());
    QCOMPARE(h.lister->watchCalls[1].resourceVersion, std::string("200"));
}

void TestWatcher::goneInStreamRelists()
{
    // Given a stream that delivers an event, then an ERROR event with a 410 Status
    Harness h;
    h.lister->pages.push_back(page({}, "100"));
    h.lister->watches.push_back(
        {{watchEvent(WatchEventType::Added, "a", 101), errorEvent(410, "Expired", "too old resource version: 101 (300)"),
          watchEvent(WatchEventType::Added, "never", 102)},
         Result<void>(),
         1min});
    h.lister->pages.push_back(page({object("a", 300)}, "300"));
    h.listAll();

    // When the watch runs
    h.steps(1);

    // Then the stream is abandoned at the ERROR and a relist follows
    QCOMPARE(h.watcher->state(), Watcher::State::Empty);
    QCOMPARE(h.watcher->resourceVersion(), std::string());
    h.listAll();
    QCOMPARE(h.log, (Lines{"Init", "InitDone", "Apply a@101", "Init", "InitApply a@300", "InitDone"}));
    QVERIFY(h.errors.empty());
}

void TestWatcher::tooOldResourceVersionTextRelists()
{
    // Given the two other shapes of expiry seen in the wild: a Status with only the message,
    // and a transport-level error carrying the server's text
    Harness h;
    h.lister->pages.push_back(page({}, "100"));
    h.lister->watches.push_back({{errorEvent(0, "", "Too old resource version: 100 (150)")}, Result<void>(), 1min});
    h.lister->pages.push_back(page({}, "150"));
    h.lister->watches.push_back(
        {{watchEvent(WatchEventType::Added, "a", 151)},
         Error::make(ErrorKind::Decode, "watch ended: too old resource version: 151 (170)"),
         1min});
    h.lister->pages.push_back(page({}, "170"));
    h.listAll();

    // When each watch runs
    h.steps(1);
    // Then each one leads to a relist
    QCOMPARE(h.watcher->state(), Watcher::State::Empty);
    h.listAll();
    h.steps(1);
    QCOMPARE(h.watcher->state(), Watcher::State::Empty);
    h.listAll();
    QCOMPARE(h.lister->listCalls.size(), std::size_t(3));
    QCOMPARE(h.watcher->resourceVersion(), std::string("170"));
    QVERIFY(h.errors.empty());
}

void TestWatcher::expiredContinueTokenRestartsTheList()
{
    // Given a paged list whose continue token expires between pages
    Harness h;
    h.lister->pages.push_back(page({object("a", 1)}, "", "c1"));
    h.lister->pages.push_back(apiError(410, "Expired", "The provided continue parameter is too old"));
    h.lister->pages.push_back(page({object("a", 1), object("b", 2)}, "50"));

    // When the watcher lists
    h.steps(3);
    // Then it restarts the list from scratch (a new Init discards the partial one)
    QCOMPARE(h.watcher->state(), Watcher::State::Empty);
    h.listAll();
    QCOMPARE(h.log, (Lines{"Init", "InitApply a@1", "Init", "InitApply a@1", "InitApply b@2", "InitDone"}));
    QCOMPARE(h.lister->listCalls[2].continueToken, std::string());
}

void TestWatcher::repeatedGoneBacksOff()
{
    // Given a server that expires the fresh list's RV again at once
    Harness h;
    h.lister->pages.push_back(page({}, "100"));
    h.lister->watches.push_back({{}, apiError(410, "Gone", "gone"), 0ms});
    h.lister->pages.push_back(page({}, "100"));
    h.lister->watches.push_back({{}, apiError(410, "Gone", "gone"), 0ms});
    h.listAll();

    // When the first 410 relists at once and the second follows without any event
    h.steps(1);
    h.listAll();
    h.steps(1);

    // Then the second is reported and waits a backoff before relisting
    QCOMPARE(h.watcher->state(), Watcher::State::Backoff);
    QCOMPARE(h.errors.size(), std::size_t(1));
    QCOMPARE(h.errors[0].retryIn, ms(720));
    h.steps(1);
    QCOMPARE(h.sleeps, (std::vector<ms>{720ms}));
    QCOMPARE(h.watcher->state(), Watcher::State::Empty);
}

void TestWatcher::forbiddenListIsReportedAndRetriedWithLongerBackoff()
{
    // Given a user who may not list configmaps until an admin grants it
    Harness h;
    const std::string denied =
        "configmaps is forbidden: User \"alice\" cannot list resource \"configmaps\" in API group \"\" in the "
        "namespace \"team-a\"";
    h.lister->pages.push_back(apiError(403, "Forbidden", denied));
    h.lister->pages.push_back(apiError(401, "Unauthorized", "Unauthorized"));
    h.lister->pages.push_back(page({object("a", 5)}, "10"));

    // When the watcher lists
    h.steps(2);

    // Then the 403 is an Error event naming the watch, with a wait of at least 10 s
    QCOMPARE(h.watcher->state(), Watcher::State::Backoff);
    QCOMPARE(h.errors.size(), std::size_t(1));
    const WatcherEvent &e = h.errors[0];
    QCOMPARE(e.error->httpCode(), 403);
    QCOMPARE(e.retryIn, ms(10'000));
    const std::string text = e.describe();
    QVERIFY2(text.find("watch of configmaps in namespace team-a on cluster test") != std::string::npos, text.c_str());
    QVERIFY2(text.find("cannot list resource") != std::string::npos, text.c_str());
    QVERIFY2(text.find("retrying in 10 s") != std::string::npos, text.c_str());

    // And it retries after the wait, from a fresh Init, until the permission appears
    h.steps(6);
    QCOMPARE(h.log, (Lines{"Init", "Error 403 retry=10000ms", "Init", "Error 401 retry=10000ms", "Init",
                           "InitApply a@5", "InitDone"}));
    QCOMPARE(h.sleeps, (std::vector<ms>{10'000ms, 10'000ms}));
    QCOMPARE(h.watcher->state(), Watcher::State::InitListed);
}

void TestWatcher::watchFailuresBackOffExponentiallyAndResetAfterHealthyWatch()
{
    // Given an API server that refuses watches eight times
    Harness h;
    h.lister->pages.push_back(page({}, "100"));
    for (int i = 0; i < 8; ++i)
        h.lister->watches.push_back({{}, transportError(), 0ms});
    h.listAll();

    // When the watcher keeps trying
    for (int i = 0; i < 8; ++i) {
        h.steps(1);
        QCOMPARE(h.watcher->state(), Watcher::State::Backoff);
        h.steps(1);
        QCOMPARE(h.watcher->state(), Watcher::State::InitListed);
    }

    // Then the waits grow exponentially to the cap (90% of nominal: jitter draw 0.5)
    QCOMPARE(h.sleeps, (std::vector<ms>{720ms, 1440ms, 2880ms, 5760ms, 11520ms, 23040ms, 27000ms, 27000ms}));
    // And every retry resumes the watch from the list's RV, no relist
    QCOMPARE(h.lister->listCalls.size(), std::size_t(1));
    for (const auto &call : h.lister->watchCalls)
        QCOMPARE(call.resourceVersion, std::string("100"));

    // When a watch then runs healthily for minutes before the next failure
    h.lister->watches.push_back({{watchEvent(WatchEventType::Added, "a", 101)}, Result<void>(), 3min});
    h.lister->watches.push_back({{}, transportError(), 0ms});
    h.steps(2);
    // Then the backoff starts over from 0.8 s
    QCOMPARE(h.errors.back().retryIn, ms(720));
}

void TestWatcher::streamErrorResumesFromLastResourceVersion()
{
    // Given a stream that fails with a non-410 ERROR after one event
    Harness h;
    h.lister->pages.push_back(page({}, "100"));
    h.lister->watches.push_back(
        {{watchEvent(WatchEventType::Added, "a", 101), errorEvent(500, "InternalError", "etcdserver: leader changed")},
         Result<void>(),
         10s});
    h.lister->watches.push_back({{watchEvent(WatchEventType::Added, "b", 102)}, Result<void>(), 10s});
    h.listAll();

    // When the watch runs and is retried
    h.steps(3);

    // Then the error is reported with its status, and the retry resumes after the event
    QCOMPARE(h.log, (Lines{"Init", "InitDone", "Apply a@101", "Error 500 retry=720ms", "Apply b@102"}));
    QCOMPARE(h.errors[0].error->message, std::string("etcdserver: leader changed"));
    QCOMPARE(h.lister->watchCalls[1].resourceVersion, std::string("101"));
    QCOMPARE(h.lister->listCalls.size(), std::size_t(1));
}

void TestWatcher::immediatelyClosedEmptyWatchIsAFailure()
{
    // Given a watch that the other side closes at once without a single event
    Harness h;
    h.lister->pages.push_back(page({}, "100"));
    h.lister->watches.push_back({{}, Result<void>(), 0ms});
    h.listAll();

    // When it runs
    h.steps(1);

    // Then it counts as a failure (client-go's "very short watch") and waits before retrying
    QCOMPARE(h.watcher->state(), Watcher::State::Backoff);
    QCOMPARE(h.errors.size(), std::size_t(1));
    QVERIFY(h.errors[0].error->message.find("closed immediately") != std::string::npos);
}

void TestWatcher::retryAfterIsHonoured()
{
    // Given API Priority and Fairness rejecting the watch with 429 and Retry-After 20
    Harness h;
    h.lister->pages.push_back(page({}, "100"));
    h.lister->watches.push_back({{}, apiError(429, "TooManyRequests", "too many requests", 20), 0ms});
    h.listAll();

    // When it runs
    h.steps(1);

    // Then the wait is the server's, not our shorter backoff
    QCOMPARE(h.watcher->pendingDelay(), ms(20'000));
}

void TestWatcher::stopDuringBlockingWatchIsPrompt()
{
    // Given a watcher on its thread, blocked in a watch that never sends anything
    auto lister = std::make_shared<FakeListerWatcher>();
    lister->pages.push_back(page({object("a", 1)}, "100"));
    lister->blockWhenUnscripted = true;
    std::atomic<int> initDone{0};
    auto watcher = std::make_unique<Watcher>(lister, [&](const WatcherEvent &e) {
        if (e.type == WatcherEventType::InitDone)
            ++initDone;
    });
    watcher->start();
    QVERIFY(waitFor([&] { return lister->inBlockingWatch.load(); }));
    QCOMPARE(initDone.load(), 1);
    QCOMPARE(watcher->state(), Watcher::State::Watching);
    QVERIFY(watcher->running());

    // When it is stopped and destroyed
    QElapsedTimer timer;
    timer.start();
    watcher->stop();
    watcher.reset();

    // Then the blocked request was cancelled and the thread joined at once
    QVERIFY2(timer.elapsed() < 1000, std::to_string(timer.elapsed()).c_str());
}

void TestWatcher::stopDuringBackoffIsPrompt()
{
    // Given a watcher waiting out a one-minute backoff on its thread
    auto lister = std::make_shared<FakeListerWatcher>();
    lister->pages.push_back(transportError());
    WatcherOptions options;
    options.backoff.initial = 60s;
    std::atomic<bool> failed{false};
    auto watcher = std::make_unique<Watcher>(
        lister, [&](const WatcherEvent &e) { failed = failed || e.type == WatcherEventType::Error; }, options);
    watcher->start();
    QVERIFY(waitFor([&] { return failed.load() && watcher->state() == Watcher::State::Backoff; }));

    // When it is stopped and destroyed
    QElapsedTimer timer;
    timer.start();
    watcher->stop();
    watcher.reset();

    // Then the wait was cut short
    QVERIFY2(timer.elapsed() < 1000, std::to_string(timer.elapsed()).c_str());
    QCOMPARE(lister->listCalls.size(), std::size_t(1));
}

void TestWatcher::stopFromTheCallback()
{
    // Given a consumer that stops the watcher once the list is complete
    auto lister = std::make_shared<FakeListerWatcher>();
    lister->pages.push_back(page({object("a", 1)}, "100"));
    lister->blockWhenUnscripted = true;
    std::unique_ptr<Watcher> watcher;
    watcher = std::make_unique<Watcher>(lister, [&](const WatcherEvent &e) {
        if (e.type == WatcherEventType::InitDone)
            watcher->stop();
    });
    // When it runs
    watcher->start();
    // Then the thread ends by itself without deadlock and never opens the watch
    QVERIFY(waitFor([&] { return watcher->state() == Watcher::State::Stopped; }));
    QVERIFY(!watcher->running());
    QVERIFY(lister->watchCalls.empty());
    watcher.reset();
}

void TestWatcher::resumeWatchesFromTheStoredVersionAndConfirmsAtTheFirstEvent()
{
    // Given a watcher resumed from a cached resourceVersion
    WatcherOptions options;
    options.resumeFrom = "500";
    Harness h(options);
    h.lister->watches.push_back({{watchEvent(WatchEventType::Modified, "a", 501)}, Result<void>(), 1s});
    h.lister->watches.push_back({{watchEvent(WatchEventType::Added, "b", 502)}, Result<void>(), 1min});
    QCOMPARE(h.watcher->state(), Watcher::State::InitListed);
    QCOMPARE(h.watcher->resourceVersion(), std::string("500"));

    // When it steps twice
    h.steps(2);

    // Then nothing was listed: the first call watched from the stored version, briefly
    QVERIFY(h.lister->listCalls.empty());
    QCOMPARE(h.lister->watchCalls[0].resourceVersion, std::string("500"));
    QCOMPARE(h.lister->watchCalls[0].timeoutSeconds, 1L);
    // And the first event confirmed the resume once, before it was applied
    QCOMPARE(h.log, (Lines{"Resumed", "Apply a@501", "Apply b@502"}));
    // And the next watch is an ordinary one from the last event
    QCOMPARE(h.lister->watchCalls[1].resourceVersion, std::string("501"));
    QCOMPARE(h.lister->watchCalls[1].timeoutSeconds, 450L);
    QVERIFY(h.errors.empty());
}

void TestWatcher::quietResumeIsConfirmedWhenItsShortWatchEnds()
{
    // Given a resume of a resource nobody changed: the short watch ends without an event
    WatcherOptions options;
    options.resumeFrom = "500";
    Harness h(options);
    h.lister->watches.push_back({{}, Result<void>(), 1s});

    // When it runs
    h.steps(1);

    // Then the clean end confirms it, and it is not taken for a broken watch
    QCOMPARE(h.log, (Lines{"Resumed"}));
    QVERIFY(h.errors.empty());
    QVERIFY(h.sleeps.empty());
    QCOMPARE(h.watcher->state(), Watcher::State::InitListed);
    QCOMPARE(h.watcher->resourceVersion(), std::string("500"));
}

void TestWatcher::resumeRefusedWithGoneRelists()
{
    // Given a stored version the server no longer has (in-stream 410, as the watch cache says it)
    WatcherOptions options;
    options.resumeFrom = "500";
    Harness h(options);
    h.lister->watches.push_back({{errorEvent(410, "Expired", "too old resource version: 500 (900)")}, Result<void>(), 0ms});
    h.lister->pages.push_back(page({object("a", 880)}, "900"));

    // When it runs
    h.steps(1);
    QCOMPARE(h.watcher->state(), Watcher::State::Empty);
    h.listAll();

    // Then it never said Resumed, and a fresh list replaced the stored state, without an error
    QCOMPARE(h.log, (Lines{"Init", "InitApply a@880", "InitDone"}));
    QVERIFY(h.errors.empty());
    QCOMPARE(h.watcher->resourceVersion(), std::string("900"));
}

void TestWatcher::resumeRefusedWithTooLargeResourceVersionRelists()
{
    // Given a cache from before the cluster's etcd was replaced: its version is in the future
    WatcherOptions options;
    options.resumeFrom = "99999";
    Harness h(options);
    h.lister->watches.push_back({{}, apiError(504, "Timeout", "Too large resource version: 99999, current: 812"), 3s});
    h.lister->pages.push_back(page({}, "812"));

    // When it runs
    h.steps(1);

    // Then it gives the version up for a list instead of retrying it forever
    QCOMPARE(h.watcher->state(), Watcher::State::Empty);
    h.listAll();
    QCOMPARE(h.log, (Lines{"Init", "InitDone"}));
    QCOMPARE(h.lister->listCalls.size(), std::size_t(1));
}

void TestWatcher::resumeAfterAConnectionFailureTriesTheResumeAgain()
{
    // Given a resume whose first attempt cannot connect
    WatcherOptions options;
    options.resumeFrom = "500";
    Harness h(options);
    h.lister->watches.push_back({{}, transportError(), 0ms});
    h.lister->watches.push_back({{watchEvent(WatchEventType::Added, "a", 501)}, Result<void>(), 1s});

    // When it fails, backs off and tries again
    h.steps(1);
    QCOMPARE(h.watcher->state(), Watcher::State::Backoff);
    h.steps(2);

    // Then the second attempt is still a resume from the stored version, not a list
    QVERIFY(h.lister->listCalls.empty());
    QCOMPARE(h.lister->watchCalls.size(), std::size_t(2));
    QCOMPARE(h.lister->watchCalls[1].resourceVersion, std::string("500"));
    QCOMPARE(h.lister->watchCalls[1].timeoutSeconds, 1L);
    QCOMPARE(h.errors.size(), std::size_t(1));
    QCOMPARE(h.log.back(), std::string("Apply a@501"));
    QVERIFY(std::find(h.log.begin(), h.log.end(), "Resumed") != h.log.end());
}

void TestWatcher::transformAppliesToListedAndWatchedObjects()
{
    // Given a transform that drops managedFields (what the tenancy feeds install)
    WatcherOptions options;
    options.transform = [](json &o) { o["metadata"].erase("managedFields"); };
    json listed = object("a", 90);
    listed["metadata"]["managedFields"] = json::array({{{"manager", "kubectl"}}});
    json watched = object("b", 101);
    watched["metadata"]["managedFields"] = json::array({{{"manager", "kubectl"}}});
    std::vector<kube::FrozenPtr> seen;
    auto lister = std::make_shared<FakeListerWatcher>();
    lister->pages.push_back(page({listed}, "100"));
    lister->watches.push_back({{WatchEvent{WatchEventType::Added, watched}}, Result<void>(), 1min});
    Watcher watcher(lister, [&](const WatcherEvent &e) {
        if (e.object)
            seen.push_back(e.object);
    }, options);

    // When it lists and watches
    for (int i = 0; i < 3; ++i)
        watcher.step();

    // Then neither object reached the consumer with its managedFields
    QCOMPARE(seen.size(), std::size_t(2));
    for (const auto &o : seen) {
        QVERIFY(!(*o)["metadata"].contains("managedFields"));
        QVERIFY((*o)["metadata"].contains("resourceVersion"));
    }
}

void TestWatcher::initDoneCarriesTheListResourceVersion()
{
    // Given a list in two pages
    Harness h;
    std::vector<WatcherEvent> done;
    h.lister->pages.push_back(page({object("a", 10)}, "", "token"));
    h.lister->pages.push_back(page({object("b", 20)}, "77"));
    Watcher watcher(h.lister, [&](const WatcherEvent &e) {
        if (e.type == WatcherEventType::InitDone)
            done.push_back(e);
    });

    // When it lists
    for (int i = 0; i < 3; ++i)
        watcher.step();

    // Then InitDone names the version of the whole list (a store resumes from it)
    QCOMPARE(done.size(), std::size_t(1));
    QCOMPARE(done[0].resourceVersion, std::string("77"));
}

void TestWatcher::watchListStreamListsThenWatchesOnOneConnection()
{
    // Given a server that streams the initial objects, ends them with the marked bookmark,
    // then goes on with live events
    WatcherOptions options;
    options.streamingList = true;
    Harness h(options);
    h.lister->watches.push_back(
        {{watchEvent(WatchEventType::Added, "a", 90), watchEvent(WatchEventType::Added, "b", 95), bookmark(120),
          endOfInitialEvents(120), watchEvent(WatchEventType::Modified, "a", 121)},
         Result<void>(),
         5min});

    // When it starts
    h.steps(2);

    // Then no list was asked for: the objects came as the list's, then live events
    QVERIFY(h.lister->listCalls.empty());
    QCOMPARE(h.log, (Lines{"Init", "InitApply a@90", "InitApply b@95", "InitDone", "Apply a@121"}));
    const ListOptions &w = h.lister->watchCalls[0];
    QVERIFY(w.sendInitialEvents);
    QCOMPARE(w.resourceVersionMatch, std::string("NotOlderThan"));
    QCOMPARE(w.resourceVersion, std::string());
    QVERIFY(w.allowWatchBookmarks);
    // And after the server ended the stream, an ordinary watch resumes from the last event
    QCOMPARE(h.watcher->state(), Watcher::State::InitListed);
    QCOMPARE(h.watcher->resourceVersion(), std::string("121"));
    QVERIFY(h.errors.empty());
}

void TestWatcher::watchListRefusedFallsBackToPagedLists()
{
    // Given a server whose WatchList feature is off: the stream request is invalid
    WatcherOptions options;
    options.streamingList = true;
    Harness h(options);
    h.lister->watches.push_back(
        {{}, apiError(422, "Invalid", "sendInitialEvents is forbidden for watch unless the WatchList feature gate is enabled"), 0ms});
    h.lister->pages.push_back(page({object("a", 90)}, "100"));

    // When it starts, is refused, and starts again
    h.steps(2);
    QCOMPARE(h.watcher->state(), Watcher::State::Empty);
    h.listAll();

    // Then the paged list did the job, silently, and streams are not asked for again
    QCOMPARE(h.log, (Lines{"Init", "Init", "InitApply a@90", "InitDone"}));
    QVERIFY(h.errors.empty());
    QCOMPARE(h.lister->watchCalls.size(), std::size_t(1));
    QCOMPARE(h.lister->listCalls.size(), std::size_t(1));
}

void TestWatcher::watchListWithoutStorageSupportFallsBackToPagedLists()
{
    // Given an API server whose etcd cannot report progress: a 500 in the stream
    WatcherOptions options;
    options.streamingList = true;
    Harness h(options);
    h.lister->watches.push_back(
        {{errorEvent(500, "InternalError",
                     "a watch stream was requested by the client but the required storage feature RequestWatchProgress is disabled")},
         Result<void>(),
         0ms});
    h.lister->pages.push_back(page({}, "100"));

    // When it runs (Init, the refused stream, Init again)
    h.steps(3);

    // Then it lists by pages instead, without an error for the user
    QCOMPARE(h.watcher->state(), Watcher::State::InitPage);
    h.steps(1);
    QCOMPARE(h.log, (Lines{"Init", "Init", "InitDone"}));
    QVERIFY(h.errors.empty());
}

void TestWatcher::watchListCutShortIsListedAgain()
{
    // Given a stream that ends before its initial events are complete
    WatcherOptions options;
    options.streamingList = true;
    Harness h(options);
    h.lister->watches.push_back({{watchEvent(WatchEventType::Added, "a", 90)}, Result<void>(), 2s});
    h.lister->watches.push_back({{watchEvent(WatchEventType::Added, "a", 90), endOfInitialEvents(130)}, Result<void>(), 5min});

    // When it runs twice
    h.steps(4);

    // Then the unfinished list was never swapped in: a new one started and completed
    QCOMPARE(h.log, (Lines{"Init", "InitApply a@90", "Init", "InitApply a@90", "InitDone"}));
    QCOMPARE(h.watcher->resourceVersion(), std::string("130"));
    QVERIFY(h.errors.empty());
}

QTEST_APPLESS_MAIN(TestWatcher)
#include "tst_watcher.moc"
