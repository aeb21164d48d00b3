// Keeps one resource in sync: paged list, watch from the list's resourceVersion, resume after
// errors, relist after 410 Gone. An explicit state machine, after kube-rs' watcher.
#pragma once

#include "kubeclient/core/backoff.h"
#include "kubeclient/core/canceltoken.h"
#include "kubeclient/core/error.h"
#include "kubeclient/core/frozenjson.h"
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
    // Started with WatcherOptions::resumeFrom: the server accepted the watch from that
    // resourceVersion, so the state the consumer was seeded with is current from here on
    // (events since then follow as Apply/Delete). Never sent if the server no longer has that
    // version: the watcher relists instead (Init ... InitDone).
    Resumed,
};

struct WatcherEvent {
    WatcherEventType type = WatcherEventType::Init;
    FrozenPtr object;  // InitApply, Apply, Delete: frozen, after WatcherOptions::transform
    std::optional<Error> error;                    // Error: where says "watch of <resource>"
    std::chrono::milliseconds retryIn{0};          // Error: the wait before the next attempt
    std::string resourceVersion;                   // InitDone: the list's; Resumed: the one resumed from

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
    // Applied to every object listed or watched before the consumer sees it, as client-go's
    // informer transform: what the consumer never reads need not be held (compactObject).
    std::function<void(nlohmann::json &)> transform;
    // List through the API server's watch-list stream (sendInitialEvents: every object as an
    // event, then a bookmark marking the end, then live events on the same connection), served
    // from the server's watch cache, never a whole list held at once. A server that refuses it
    // (older, or its feature gate off) gets the paged list from then on. Off by default (a
    // ListerWatcher must support it); the session's feeds turn it on for a real server.
    bool streamingList = false;
    // Resume instead of listing: the consumer already holds the state of this resourceVersion
    // (from a local cache); the first call is a watch from it. A 410 relists as usual.
    std::string resumeFrom;
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
        InitStream,  // listing through a watch-list stream: the objects come as events
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
    void stepStream();
    void stepWatch();
    // The server no longer has our resourceVersion (410): start over with a list.
    void relist(const Error &why);
    // Sends Resumed once, when a resume from resumeFrom is known to have been accepted.
    void confirmResume(const std::string &resourceVersion);
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
    // Started from resumeFrom and not yet confirmed by the server (Resumed) or replaced by a list.
    bool m_resuming = false;
    // The server refused a watch-list stream: paged lists from now on.
    bool m_streamUnsupported = false;

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
