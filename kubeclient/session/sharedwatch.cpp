// SharedWatch / WatchHub: a Watcher and a Store per resource, shared by the feeds of one
// connection, with listeners for the watch's milestones (listed, resumed, refused).
#include "kubeclient/session/sharedwatch.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/labels.h"

#include <utility>

namespace kube::session {

namespace {

bool isForbidden(const Error &e)
{
    return e.isApi(StatusReason::Forbidden) || e.httpCode() == 403;
}

std::string keyOf(const GroupVersionResource &gvr)
{
    return gvr.group + "/" + gvr.version + "/" + gvr.resource;
}

} // namespace

SharedWatch::SharedWatch(GroupVersionResource gvr)
    : m_gvr(std::move(gvr))
{
}

SharedWatch::~SharedWatch()
{
    if (m_watcher)
        m_watcher->stop();
    m_watcher.reset();  // joins
}

int SharedWatch::listen(Listener listener, Progress *before)
{
    std::lock_guard lock(m_mutex);
    if (before)
        *before = m_progress;
    const int id = m_nextId++;
    m_listeners.emplace(id, std::move(listener));
    return id;
}

void SharedWatch::unlisten(int id)
{
    std::lock_guard lock(m_mutex);
    m_listeners.erase(id);
}

SharedWatch::Progress SharedWatch::progress() const
{
    std::lock_guard lock(m_mutex);
    return m_progress;
}

void SharedWatch::onEvent(const WatcherEvent &event)
{
    if (event.type == WatcherEventType::Error) {
        const bool refused = event.error && isForbidden(*event.error);
        if (refused) {
            // An RBAC grant is an administrator's action, not a blip: stop asking (a new
            // connection asks again) instead of filling the audit log with denials.
            m_watcher->stop();
        }
        std::lock_guard lock(m_mutex);
        if (refused)
            m_progress.refusal = *event.error;
        for (const auto &[id, listener] : m_listeners)
            listener(event);
        return;
    }
    m_store.apply(event);
    if (event.type != WatcherEventType::InitDone && event.type != WatcherEventType::Resumed)
        return;
    std::lock_guard lock(m_mutex);
    if (event.type == WatcherEventType::InitDone)
        m_progress.listed = true;
    else
        m_progress.resumed = true;
    for (const auto &[id, listener] : m_listeners)
        listener(event);
}

WatcherOptions feedWatcherOptions(WatcherOptions options, bool streamingLists)
{
    if (!options.transform)
        options.transform = compactObject;
    options.streamingList = options.streamingList || streamingLists;
    return options;
}

WatchHub::WatchHub(ListerWatcherFactory listerWatcher, WatcherOptions options)
    : m_listerWatcher(std::move(listerWatcher))
    , m_options(std::move(options))
{
}

std::shared_ptr<SharedWatch> WatchHub::acquire(const GroupVersionResource &gvr,
                                               const std::vector<Store::ObjectPtr> *cachedObjects,
                                               const std::string &resumeFrom, bool *created)
{
    std::lock_guard lock(m_mutex);
    auto &slot = m_watches[keyOf(gvr)];
    if (auto running = slot.lock()) {
        if (created)
            *created = false;
        return running;
    }
    std::shared_ptr<SharedWatch> watch(new SharedWatch(gvr));
    WatcherOptions options = m_options;
    if (cachedObjects) {
        // The cached state goes in as a list would: readers have it before any request.
        Store &store = watch->m_store;
        store.apply(WatcherEvent{WatcherEventType::Init, nullptr, std::nullopt, {}, {}});
        for (const auto &o : *cachedObjects)
            store.apply(WatcherEvent{WatcherEventType::InitApply, o, std::nullopt, {}, {}});
        store.apply(WatcherEvent{WatcherEventType::InitDone, nullptr, std::nullopt, {}, resumeFrom});
        options.resumeFrom = resumeFrom;
    }
    SharedWatch *w = watch.get();
    watch->m_watcher = std::make_unique<Watcher>(m_listerWatcher(gvr, {}), [w](const WatcherEvent &e) { w->onEvent(e); },
                                                 std::move(options));
    watch->m_watcher->start();
    slot = watch;
    if (created)
        *created = true;
    return watch;
}

std::size_t WatchHub::running() const
{
    std::lock_guard lock(m_mutex);
    std::size_t n = 0;
    for (const auto &[key, weak] : m_watches)
        n += weak.expired() ? 0 : 1;
    return n;
}

} // namespace kube::session
