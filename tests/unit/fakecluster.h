// A fake cluster for feed tests: one scripted ListerWatcher per resource and namespace, made on
// demand, whose lists return what the test set and whose watches deliver what it pushes.
#pragma once

#include "kubeclient/session/tenancycache.h"
#include "kubeclient/session/tenancyfeed.h"

#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <set>

namespace fake {

using kube::Error;
using kube::ErrorKind;
using kube::ListOptions;
using kube::ListPage;
using kube::Result;
using kube::WatchEvent;
using kube::WatchEventType;
using nlohmann::json;

inline Error apiError(int code, const std::string &reason)
{
    kube::ApiStatus status;
    status.code = code;
    status.reasonText = reason;
    status.reason = kube::statusReasonFromString(reason);
    status.message = reason + " (scripted)";
    return Error::api(status, "fake cluster");
}

// One resource in one namespace (or all): lists what `items` holds now; a watch delivers what
// the test pushes and ends with what the test ends it with (a 410, say), else blocks.
class FakeLister final : public kube::ListerWatcher
{
public:
    Result<ListPage> listPage(const ListOptions &options, const kube::CancelTokenPtr &) override
    {
        std::lock_guard lock(m_mutex);
        ++lists;
        if (listError)
            return *listError;
        if (!onePerPage)
            return ListPage{items, std::to_string(rv), {}};
        // One object a page, the continue token being the next index.
        const std::size_t at = options.continueToken.empty() ? 0 : std::stoul(options.continueToken);
        ListPage page;
        page.resourceVersion = std::to_string(rv);
        if (at < items.size())
            page.items.push_back(items[at]);
        if (at + 1 < items.size())
            page.continueToken = std::to_string(at + 1);
        return page;
    }

    Result<void> watch(const ListOptions &options, const std::function<bool(const WatchEvent &)> &onEvent,
                       const kube::CancelTokenPtr &cancel) override
    {
        std::unique_lock lock(m_mutex);
        ++watches;
        watchedFrom.push_back(options.resourceVersion);
        if (options.sendInitialEvents) {
            ++streams;
            // A watch-list stream: the items as ADDED events, then the bookmark that ends them.
            if (streamError)
                return *streamError;
            std::vector<json> initial = items;
            const std::string version = std::to_string(rv);
            lock.unlock();
            for (auto &item : initial)
                if (!onEvent(WatchEvent{WatchEventType::Added, std::move(item)}))
                    return {};
            const json end = {{"kind", "Bookmark"},
                              {"metadata", {{"resourceVersion", version},
                                            {"annotations", {{"k8s.io/initial-events-end", "true"}}}}}};
            if (!onEvent(WatchEvent{WatchEventType::Bookmark, end}))
                return {};
            lock.lock();
        }
        for (;;) {
            m_wake.wait_for(lock, std::chrono::milliseconds(10));
            if (cancel && cancel->cancelled())
                return Error::make(ErrorKind::Cancelled, "cancelled");
            if (!m_events.empty()) {
                WatchEvent e = std::move(m_events.front());
                m_events.pop_front();
                lock.unlock();
                const bool more = onEvent(e);
                lock.lock();
                if (!more)
                    return {};
                continue;
            }
            if (m_end) {
                Error end = *m_end;
                m_end.reset();
                return end;
            }
        }
    }

    std::string describe() const override { return "fake resource"; }

    void push(WatchEventType type, json object)
    {
        std::lock_guard lock(m_mutex);
        m_events.push_back(WatchEvent{type, std::move(object)});
        m_wake.notify_all();
    }
    // Ends the running watch with this error once the pushed events are delivered.
    void endWatch(Error error)
    {
        std::lock_guard lock(m_mutex);
        m_end = std::move(error);
        m_wake.notify_all();
    }
    void setItems(std::vector<json> next, int nextRv)
    {
        std::lock_guard lock(m_mutex);
        items = std::move(next);
        rv = nextRv;
    }
    int listCount()
    {
        std::lock_guard lock(m_mutex);
        return lists;
    }
    int streamCount()
    {
        std::lock_guard lock(m_mutex);
        return streams;
    }
    int watchCount()
    {
        std::lock_guard lock(m_mutex);
        return watches;
    }
    std::vector<std::string> watchVersions()
    {
        std::lock_guard lock(m_mutex);
        return watchedFrom;
    }

    std::vector<json> items;
    int rv = 1;
    std::optional<Error> listError;
    bool onePerPage = false;
    // A watch-list stream (sendInitialEvents) fails with this at once: an older server's 422,
    // or a 403.
    std::optional<Error> streamError;

private:
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<WatchEvent> m_events;
    std::optional<Error> m_end;
    int lists = 0;
    int watches = 0;
    int streams = 0;
    std::vector<std::string> watchedFrom;  // each watch's resourceVersion
};

// A cache holding one kind at one resourceVersion, as TenancyFeed::start(cache) reads it.
inline kube::session::TenancyCache cacheOf(kube::tenancy::GraphKind kind, const std::string &resourceVersion,
                                           const std::vector<json> &objects)
{
    kube::session::CachedKind cached;
    cached.kind = kind;
    cached.resourceVersion = resourceVersion;
    for (const auto &o : objects)
        cached.objects.push_back(kube::freeze(o));
    kube::session::TenancyCache cache;
    cache.kinds.push_back(std::move(cached));
    return cache;
}

// Every lister the feed asks for, by "resource/namespace"; made on demand.
struct FakeCluster {
    std::shared_ptr<FakeLister> at(const std::string &resource, const std::string &ns = {})
    {
        std::lock_guard lock(mutex);
        auto &slot = listers[resource + "/" + ns];
        if (!slot)
            slot = std::make_shared<FakeLister>();
        return slot;
    }
    bool asked(const std::string &resource, const std::string &ns = {})
    {
        std::lock_guard lock(mutex);
        return requested.count(resource + "/" + ns) > 0;
    }

    kube::session::FeedSource source(std::set<std::string> unserved = {}, kube::tenancy::ApiFlavor flavor = kube::tenancy::ApiFlavor::V4)
    {
        kube::session::FeedSource s;
        s.api = kube::tenancy::TenancyApi::forFlavor(flavor);
        s.listerWatcher = [this](const kube::GroupVersionResource &gvr, const std::string &ns) {
            {
                std::lock_guard lock(mutex);
                requested.insert(gvr.resource + "/" + ns);
            }
            return std::shared_ptr<kube::ListerWatcher>(at(gvr.resource, ns));
        };
        s.serves = [unserved](const kube::GroupVersionResource &gvr) { return !unserved.count(gvr.resource); };
        s.streamingLists = streamingLists;
        return s;
    }

    // The listers answer watch-list streams (sendInitialEvents), as a real API server's.
    bool streamingLists = false;
    std::mutex mutex;
    std::map<std::string, std::shared_ptr<FakeLister>> listers;
    std::set<std::string> requested;
};

} // namespace fake
