// Watcher: the list/watch/relist state machine and its thread.
// Timing rules follow client-go's tools/cache/reflector.go; the states follow kube-rs.
#include "kubeclient/watch/watcher.h"

#include "kubeclient/api/apistatus.h"
#include "kubeclient/core/jsonfields.h"
#include "kubeclient/core/requestsent.h"

#include <algorithm>
#include <cctype>
#include <exception>
#include <random>
#include <utility>

namespace kube {

namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

// client-go's reflector asks the server to end each watch after minWatchTimeout * [1, 2)
// (5 to 10 min): the randomness spreads reconnects of many watches over time, and a bounded
// watch also recovers from a silently dead connection that TCP would not notice for long.
constexpr seconds kMinWatchTimeout{300};

// client-go treats a watch that ends within a second without a single event as a failure
// ("very short watch"): an immediately closing stream would otherwise be reopened in a loop.
constexpr milliseconds kShortWatch{1000};

// The server-side timeout of the first watch after a resume (see stepWatch).
constexpr long kResumeProbeSeconds = 1;

// An RBAC grant is an administrator's action, not a blip: retrying a 401/403 faster than
// this only fills the audit log with denials.
constexpr milliseconds kPermissionRetryFloor{10'000};

// The message older API servers put in a 410 Status, and that some proxies pass on with a
// different code; matched as text as client-go's isExpiredError does for "too old" errors.
constexpr std::string_view kTooOldText = "too old resource version";

bool containsIgnoringCase(std::string_view text, std::string_view needle)
{
    return std::search(text.begin(), text.end(), needle.begin(), needle.end(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
           }) != text.end();
}

bool isExpired(const Error &e)
{
    if (e.isGone())
        return true;
    if (containsIgnoringCase(e.message, kTooOldText))
        return true;
    return e.status && containsIgnoringCase(e.status->message, kTooOldText);
}

// The transport closed a watch that sent nothing for streamIdleTimeoutMs (a timeout after the
// request went out; a connect timeout has sent nothing). That is how a half-open connection
// ends, and like a server-side timeout it only means "watch again from here": no error for the
// user. If the server is really gone, the next attempt fails to connect and says so.
bool isIdleStream(const Error &e)
{
    return e.kind == ErrorKind::Timeout && requestWasSent(e);
}

// The bookmark annotation that ends a watch-list stream's initial events.
constexpr const char *kInitialEventsEnd = "k8s.io/initial-events-end";

// How a server says it does not do watch-list streams: a validation error on the request (the
// WatchList feature gate off: "sendInitialEvents is forbidden..."), or an internal error when
// its etcd lacks progress notifications ("...the required storage feature RequestWatchProgress
// is disabled").
bool refusesStreaming(const Error &e)
{
    if (e.isApi(StatusReason::Invalid) || e.isApi(StatusReason::BadRequest) || e.httpCode() == 400 || e.httpCode() == 422)
        return true;
    const std::string text = e.message + (e.status ? " " + e.status->message : std::string());
    return containsIgnoringCase(text, "sendInitialEvents") || containsIgnoringCase(text, "RequestWatchProgress")
        || containsIgnoringCase(text, "watch stream was requested");
}

bool isPermissionError(const Error &e)
{
    return e.isApi(StatusReason::Forbidden) || e.isApi(StatusReason::Unauthorized) || e.httpCode() == 401 ||
           e.httpCode() == 403 || e.kind == ErrorKind::Auth;
}

// What consumers get of an object: transformed (compactObject drops managedFields), then frozen.
FrozenPtr keep(const WatcherOptions &options, nlohmann::json object)
{
    if (options.transform)
        options.transform(object);
    return freeze(object);
}

std::string resourceVersionOf(const nlohmann::json &object)
{
    const auto md = object.find("metadata");
    return md != object.end() ? stringField(*md, "resourceVersion") : std::string();
}

long randomWatchTimeoutSeconds(const std::function<double()> &random)
{
    const double u = std::clamp(random(), 0.0, 1.0);
    const auto base = static_cast<double>(kMinWatchTimeout.count());
    return std::min(static_cast<long>(base * (1.0 + u)), static_cast<long>(2 * kMinWatchTimeout.count() - 1));
}

std::string formatDelay(milliseconds d)
{
    if (d < seconds(1))
        return std::to_string(d.count()) + " ms";
    const auto s = (d.count() + 500) / 1000;
    return std::to_string(s) + " s";
}

} // namespace

const char *toString(WatcherEventType type)
{
    switch (type) {
    case WatcherEventType::Init: return "Init";
    case WatcherEventType::InitApply: return "InitApply";
    case WatcherEventType::InitDone: return "InitDone";
    case WatcherEventType::Apply: return "Apply";
    case WatcherEventType::Delete: return "Delete";
    case WatcherEventType::Error: return "Error";
    case WatcherEventType::Resumed: return "Resumed";
    }
    return "Unknown";
}

std::string WatcherEvent::describe() const
{
    if (type != WatcherEventType::Error || !error)
        return toString(type);
    std::string out = error->describe();
    if (retryIn.count() > 0)
        out += "; retrying in " + formatDelay(retryIn);
    return out;
}

WatcherOptions Watcher::withDefaults(WatcherOptions options)
{
    if (!options.clock)
        options.clock = [] { return std::chrono::steady_clock::now(); };
    if (!options.random) {
        auto engine = std::make_shared<std::mt19937_64>(std::random_device{}());
        options.random = [engine] { return std::uniform_real_distribution<double>(0.0, 1.0)(*engine); };
    }
    options.pageSize = std::max(0L, options.pageSize);
    return options;
}

Watcher::Watcher(std::shared_ptr<ListerWatcher> lister, Callback callback, WatcherOptions options)
    : m_lister(std::move(lister))
    , m_callback(std::move(callback))
    , m_options(withDefaults(std::move(options)))
    , m_backoff(m_options.backoff, m_options.clock, m_options.random)
{
    if (!m_options.resumeFrom.empty()) {
        m_resuming = true;
        m_resourceVersion = m_options.resumeFrom;
        m_state = State::InitListed;
    }
}

Watcher::~Watcher()
{
    stop();
    if (m_thread.joinable()) {
        // Destroyed from its own callback: joining would deadlock; the thread only touches
        // members until its loop sees the stop flag, which is already set.
        if (m_thread.get_id() == std::this_thread::get_id())
            m_thread.detach();
        else
            m_thread.join();
    }
}

void Watcher::start()
{
    std::lock_guard lock(m_mutex);
    if (m_thread.joinable() || m_stopRequested)
        return;
    m_thread = std::thread([this] {
        while (!m_stopRequested.load()) {
            try {
                step();
            } catch (const std::exception &e) {
                // A throwing callback or lister must not take the application down; treat it
                // like any other failure and start over.
                fail(Error::make(ErrorKind::Decode, std::string("unexpected exception: ") + e.what()), State::Empty);
            }
        }
        setState(State::Stopped);
    });
}

void Watcher::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopRequested = true;
    }
    m_wake.notify_all();
    m_cancel->cancel();
}

bool Watcher::running() const
{
    std::lock_guard lock(m_mutex);
    return m_thread.joinable() && m_state != State::Stopped;
}

Watcher::State Watcher::state() const
{
    std::lock_guard lock(m_mutex);
    return m_state;
}

std::string Watcher::resourceVersion() const
{
    std::lock_guard lock(m_mutex);
    return m_resourceVersion;
}

std::chrono::milliseconds Watcher::pendingDelay() const
{
    std::lock_guard lock(m_mutex);
    return m_pendingDelay;
}

std::string Watcher::describe() const
{
    return "watch of " + (m_lister ? m_lister->describe() : std::string("nothing"));
}

void Watcher::setState(State state)
{
    std::lock_guard lock(m_mutex);
    m_state = state;
}

void Watcher::setResourceVersion(std::string rv)
{
    std::lock_guard lock(m_mutex);
    m_resourceVersion = std::move(rv);
}

void Watcher::deliver(WatcherEvent event)
{
    if (m_callback)
        m_callback(event);
}

ListOptions Watcher::baseOptions() const
{
    ListOptions o;
    o.labelSelector = m_options.labelSelector;
    o.fieldSelector = m_options.fieldSelector;
    return o;
}

void Watcher::step()
{
    if (m_stopRequested.load()) {
        setState(State::Stopped);
        return;
    }
    switch (state()) {
    case State::Empty:
        m_continueToken.clear();
        setState(m_options.streamingList && !m_streamUnsupported ? State::InitStream : State::InitPage);
        deliver(WatcherEvent{WatcherEventType::Init, nullptr, std::nullopt, milliseconds(0), {}});
        return;
    case State::InitPage:
        stepList();
        return;
    case State::InitStream:
        stepStream();
        return;
    case State::InitListed:
    case State::Watching:
        stepWatch();
        return;
    case State::Backoff:
        sleepFor(pendingDelay());
        if (m_stopRequested.load()) {
            setState(State::Stopped);
            return;
        }
        {
            std::lock_guard lock(m_mutex);
            m_pendingDelay = milliseconds(0);
            m_state = m_afterBackoff;
        }
        return;
    case State::Stopped:
        return;
    }
}

void Watcher::stepList()
{
    ListOptions options = baseOptions();
    options.limit = m_options.pageSize;
    // resourceVersion stays unset: a consistent read, so a user sees what was just written.
    // A continuation carries its snapshot in the token (the server rejects both together).
    options.continueToken = m_continueToken;

    auto page = m_lister->listPage(options, m_cancel);
    if (m_stopRequested.load())
        return;
    if (!page) {
        const Error &e = page.error();
        // A continue token expires after a few minutes (410 Expired): the list restarts.
        if (isExpired(e))
            relist(e);
        else
            fail(e, State::Empty);
        return;
    }
    for (auto &item : page->items) {
        deliver(WatcherEvent{WatcherEventType::InitApply, keep(m_options, std::move(item)), std::nullopt, milliseconds(0), {}});
    }
    // The server may return fewer items than asked, even none, with a token: always follow it.
    if (!page->continueToken.empty()) {
        m_continueToken = page->continueToken;
        return;
    }
    m_continueToken.clear();
    m_resuming = false;
    setResourceVersion(page->resourceVersion);
    setState(State::InitListed);
    deliver(WatcherEvent{WatcherEventType::InitDone, nullptr, std::nullopt, milliseconds(0), page->resourceVersion});
}

void Watcher::stepStream()
{
    ListOptions options = baseOptions();
    // resourceVersion unset + NotOlderThan: the initial events are a consistent read, as a list's.
    options.sendInitialEvents = true;
    options.resourceVersionMatch = "NotOlderThan";
    options.allowWatchBookmarks = true;
    options.timeoutSeconds = randomWatchTimeoutSeconds(m_options.random);

    const auto started = m_options.clock();
    bool listed = false;  // the bookmark that ends the initial events arrived
    int received = 0;
    bool expired = false;
    std::optional<Error> streamError;
    auto result = m_lister->watch(
        options,
        [&](const WatchEvent &event) {
            if (m_stopRequested.load())
                return false;
            switch (event.type) {
            case WatchEventType::Bookmark: {
                ++received;
                std::string rv = resourceVersionOf(event.object);
                const auto md = event.object.find("metadata");
                const bool end = md != event.object.end() && md->is_object()
                    && stringField(md->value("annotations", nlohmann::json::object()), kInitialEventsEnd) == "true";
                if (!rv.empty())
                    setResourceVersion(rv);
                if (end && !listed) {
                    listed = true;
                    m_resuming = false;
                    setState(State::Watching);
                    deliver(WatcherEvent{WatcherEventType::InitDone, nullptr, std::nullopt, milliseconds(0), rv});
                }
                return true;
            }
            case WatchEventType::Error: {
                Error e = Error::api(decodeStatus(event.object));
                expired = isExpired(e);
                streamError = std::move(e);
                return false;
            }
            case WatchEventType::Added:
            case WatchEventType::Modified:
            case WatchEventType::Deleted:
                break;
            }
            ++received;
            m_consecutiveGone = 0;
            FrozenPtr object = keep(m_options, event.object);
            if (!listed) {
                // A deletion inside the initial events cannot happen (they describe one state).
                if (event.type != WatchEventType::Deleted)
                    deliver(WatcherEvent{WatcherEventType::InitApply, std::move(object), std::nullopt, milliseconds(0), {}});
                return !m_stopRequested.load();
            }
            std::string rv = resourceVersionOf(event.object);
            if (!rv.empty())
                setResourceVersion(std::move(rv));
            deliver(WatcherEvent{event.type == WatchEventType::Deleted ? WatcherEventType::Delete : WatcherEventType::Apply,
                                 std::move(object), std::nullopt, milliseconds(0), {}});
            return !m_stopRequested.load();
        },
        m_cancel);

    if (m_stopRequested.load())
        return;
    const State after = listed ? State::InitListed : State::Empty;  // unfinished: list again
    const std::optional<Error> failure = streamError ? streamError : (!result ? std::optional<Error>(result.error()) : std::nullopt);
    if (failure) {
        if (expired || isExpired(*failure)) {
            relist(*failure);
        } else if (!listed && refusesStreaming(*failure)) {
            // An older server, or one whose etcd cannot tell the watch cache's progress: the
            // paged list does the same job. Not an error for the user.
            m_streamUnsupported = true;
            setState(State::Empty);
        } else if (isIdleStream(*failure)) {
            setState(after);
        } else {
            fail(*failure, after);
        }
        return;
    }
    if (!listed && received == 0 && m_options.clock() - started < kShortWatch) {
        fail(Error::make(ErrorKind::Transport, "the watch-list stream closed immediately without sending any event", {},
                         "the API server or a proxy in between may be overloaded"),
             State::Empty);
        return;
    }
    setState(after);
}

void Watcher::stepWatch()
{
    ListOptions options = baseOptions();
    options.resourceVersion = resourceVersion();
    options.allowWatchBookmarks = true;
    options.timeoutSeconds = randomWatchTimeoutSeconds(m_options.random);
    // A resume is confirmed by the first event, or by the stream ending cleanly: a version the
    // server no longer has gets a 410 at once (in the answer or as the stream's first event).
    // A short first watch makes a quiet resource confirm within a second, not minutes.
    if (m_resuming)
        options.timeoutSeconds = kResumeProbeSeconds;
    setState(State::Watching);

    const auto started = m_options.clock();
    int received = 0;
    bool expired = false;
    std::optional<Error> streamError;

    auto result = m_lister->watch(
        options,
        [&](const WatchEvent &event) {
            if (m_stopRequested.load())
                return false;
            if (event.type != WatchEventType::Error)
                confirmResume(options.resourceVersion);  // the server had that version
            WatcherEventType type = WatcherEventType::Apply;
            switch (event.type) {
            case WatchEventType::Added:
            case WatchEventType::Modified:
                type = WatcherEventType::Apply;
                break;
            case WatchEventType::Deleted:
                type = WatcherEventType::Delete;
                break;
            case WatchEventType::Bookmark: {
                // Bookmarks exist only to move the resume point forward cheaply.
                ++received;
                m_consecutiveGone = 0;
                std::string rv = resourceVersionOf(event.object);
                if (!rv.empty())
                    setResourceVersion(std::move(rv));
                return true;
            }
            case WatchEventType::Error: {
                Error e = Error::api(decodeStatus(event.object));
                if (isExpired(e))
                    expired = true;
                streamError = std::move(e);
                return false;
            }
            }
            ++received;
            m_consecutiveGone = 0;
            std::string rv = resourceVersionOf(event.object);
            if (!rv.empty())
                setResourceVersion(std::move(rv));
            deliver(WatcherEvent{type, keep(m_options, event.object), std::nullopt, milliseconds(0), {}});
            return !m_stopRequested.load();
        },
        m_cancel);

    if (m_stopRequested.load())
        return;
    // A resume point the server refuses for any reason (410, or a version from before the
    // server's etcd was replaced: "too large resource version") is given up for a list.
    if (streamError) {
        if (expired || m_resuming)
            relist(*streamError);
        else
            fail(*streamError, State::InitListed);  // resume from the last resourceVersion
        return;
    }
    if (!result) {
        if (isExpired(result.error()) || (m_resuming && result.error().kind == ErrorKind::Api))
            relist(result.error());
        else if (isIdleStream(result.error()))
            setState(State::InitListed);  // a dead connection, now closed: watch again at once
        else
            fail(result.error(), State::InitListed);
        return;
    }
    if (received == 0 && !m_resuming && m_options.clock() - started < kShortWatch) {
        fail(Error::make(ErrorKind::Transport, "the watch closed immediately without sending any event", {},
                         "the API server or a proxy in between may be overloaded"),
             State::InitListed);
        return;
    }
    // The server ended the watch (its timeout): reopen at once from where we are. A stream
    // that ended cleanly had accepted the resume point too.
    confirmResume(options.resourceVersion);
    setState(State::InitListed);
}

void Watcher::confirmResume(const std::string &resourceVersion)
{
    if (!m_resuming)
        return;
    m_resuming = false;
    deliver(WatcherEvent{WatcherEventType::Resumed, nullptr, std::nullopt, milliseconds(0), resourceVersion});
}

void Watcher::relist(const Error &why)
{
    ++m_consecutiveGone;
    m_resuming = false;  // the stored state is too old: the relist replaces it
    m_continueToken.clear();
    setResourceVersion({});
    if (m_consecutiveGone <= 1) {
        // The normal, expected way to fall behind: no error for the user, just a new list.
        setState(State::Empty);
        return;
    }
    fail(why, State::Empty);
}

void Watcher::fail(const Error &error, State after)
{
    milliseconds delay = m_backoff.next();
    if (isPermissionError(error))
        delay = std::max(delay, kPermissionRetryFloor);
    // The server's own advice (429 from API Priority and Fairness) wins when it is longer.
    if (error.status && error.status->retryAfterSeconds > 0)
        delay = std::max<milliseconds>(delay, seconds(error.status->retryAfterSeconds));
    {
        std::lock_guard lock(m_mutex);
        m_pendingDelay = delay;
        m_afterBackoff = after;
        m_state = State::Backoff;
    }
    WatcherEvent event;
    event.type = WatcherEventType::Error;
    event.error = error.withContext(describe());
    event.retryIn = delay;
    deliver(std::move(event));
}

void Watcher::sleepFor(milliseconds delay)
{
    if (m_options.sleep) {
        m_options.sleep(delay);
        return;
    }
    std::unique_lock lock(m_mutex);
    m_wake.wait_for(lock, delay, [this] { return m_stopRequested.load(); });
}

} // namespace kube
