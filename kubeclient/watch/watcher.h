// Keeps one resource in sync: paged list, watch from the list's resourceVersion, resume after
// errors, relist after 410 Gone. An explicit state machine, after kube-rs' watcher.
#pragma once

#include "kubeclient/core/backoff.h"
#include "kubeclient/core/canceltoken.h"
#include "kubeclient/core/error.h"
#include "kubeclient/watch/listerwatcher.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace kube {

// What a Watcher tells its consumer (a Store, usually). A relist is bracketed:
// Init, InitApply for each listed object, InitDone; only then the listed set is complete.
enum class WatcherEventType {
    Init,       // a (re)list starts: buffer what follows until InitDone
    InitApply,  // one object of the list
    InitDone,   // the list is complete: swap the buffered set in
    Apply,      // added or modified while watching
    Delete,     // deleted while watching (the object is its last state)
    Error,      // something failed; the watcher retries by itself after retryIn
};

struct WatcherEvent {
    WatcherEventType type = WatcherEventType::Init;
    std::shared_ptr<const nlohmann::json> object;  // InitApply, Apply, Delete
    std::optional<Error> error;                    // Error: where says "watch of <resource>"
    std::chrono::milliseconds retryIn{0};          // Error: the wait before the next attempt

    // For a status bar: "watch of pods ...: <message> (<hint>); retrying in 3 s".
    std::string describe() const;
};

const char *toString(WatcherEventType type);

struct WatcherOptions {
    std::string labelSelector;
    std::string fieldSelector;
    // client-go's pager asks for 500 items a page: small enough for the API server to answer
    // quickly from etcd, large enough that 10,000 objects take only 20 round trips.
    long pageSize = 500;
    BackoffPolicy backoff;
    // Injection points for deterministic tests; empty means steady_clock, an interruptible
    // wait that stop() cuts short, and a seeded Mersenne twister (uniform in [0, 1)).
    std::function<std::chrono::steady_clock::time_point()> clock;
    std::function<void(std::chrono::milliseconds)> sleep;
    std::function<double()> random;
};

class Watcher
{
public:
    enum class State {
        Empty,       // nothing listed yet, or a relist is due
        InitPage,    // listing, page by page (continue token pending)
        InitListed,  // listed (or a stream ended): a watch from resourceVersion() is due
        Watching,    // inside a watch call
        Backoff,     // waiting pendingDelay() before the state after it
        Stopped,
    };
    using Callback = std::function<void(const WatcherEvent &)>;

    // The callback runs on the watcher's thread (or the caller of step()), never with a lock
    // of ours held, so it may call stop() or any accessor.
    Watcher(std::shared_ptr<ListerWatcher> lister, Callback callback, WatcherOptions options = WatcherOptions());
    ~Watcher();  // stop() and join
    Watcher(const Watcher &) = delete;
    Watcher &operator=(const Watcher &) = delete;

    // Runs step() on a thread of its own until stop(). A stopped watcher stays stopped.
    void start();
    // Prompt: cancels the running request and wakes a backoff wait. Does not join, so it is
    // safe from the callback; the destructor joins.
    void stop();
    bool running() const;

    // One transition of the state machine, synchronously: Empty emits Init; InitPage fetches
    // one page; InitListed runs one whole watch call; Backoff sleeps. For tests and for
    // callers that bring their own thread.
    void step();

    State state() const;
    // The resume point: the list's resourceVersion, then the last event's or bookmark's.
    std::string resourceVersion() const;
    std::chrono::milliseconds pendingDelay() const;
    std::string describe() const;

private:
    void stepList();
    void stepWatch();
    // The server no longer has our resourceVersion (410): start over with a list.
    void relist(const Error &why);
    // Reports the error, then waits a backoff delay before entering `after`.
    void fail(const Error &error, State after);
    void sleepFor(std::chrono::milliseconds delay);
    void deliver(WatcherEvent event);
    void setState(State state);
    void setResourceVersion(std::string rv);
    ListOptions baseOptions() const;

    static WatcherOptions withDefaults(WatcherOptions options);

    std::shared_ptr<ListerWatcher> m_lister;
    Callback m_callback;
    WatcherOptions m_options;

    // Touched only by the stepping thread.
    Backoff m_backoff;
    State m_afterBackoff = State::Empty;
    std::string m_continueToken;
    // 410s in a row with no event in between: the second one backs off instead of
    // relisting at once, so a server that keeps expiring us is not hammered with lists.
    int m_consecutiveGone = 0;

    // Read by other threads: guarded by m_mutex, which also backs the backoff wait.
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    State m_state = State::Empty;
    std::chrono::milliseconds m_pendingDelay{0};
    std::string m_resourceVersion;

    CancelTokenPtr m_cancel = std::make_shared<CancelToken>();
    std::atomic<bool> m_stopRequested{false};
    std::thread m_thread;
};

} // namespace kube
