// A thread-safe cache of one resource's objects, fed by Watcher events and read as immutable
// snapshots. A relist is buffered and swapped in whole, as in kube-rs' reflector store.
#pragma once

#include "kubeclient/core/frozenjson.h"
#include "kubeclient/core/persistentmap.h"
#include "kubeclient/watch/watcher.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace kube {

class Store
{
public:
    // Objects are kept frozen (kube::FrozenJson): about the size of their text, where an
    // nlohmann tree takes five to seven times that. toJson() gives an editable copy.
    using ObjectPtr = FrozenPtr;

    // An immutable view of the store at one moment. Copying is O(1), reads never block
    // writers, and later events never change it: versions share their unchanged parts.
    class Snapshot
    {
    public:
        Snapshot();

        std::size_t size() const;
        bool empty() const { return size() == 0; }
        // key: "namespace/name", or "name" for cluster-scoped objects (see Store::keyOf).
        ObjectPtr get(const std::string &key) const;
        ObjectPtr get(const std::string &ns, const std::string &name) const;
        bool contains(const std::string &key) const { return get(key) != nullptr; }

        // All keys / objects in key order. The store keeps no other index: the tenancy graph and
        // the permission index, which read it, keep the ones their questions need.
        std::vector<std::string> keys() const;
        std::vector<ObjectPtr> objects() const;
        void forEach(const std::function<void(std::string_view key, const ObjectPtr &object)> &visit) const;

        // The map itself, keyed as keyOf() keys: the tenancy graph keeps the same map as its
        // objects of this kind (shared nodes, not a second copy).
        const PersistentMap<ObjectPtr> &objectMap() const;

        // Increases with every change the store publishes.
        std::uint64_t version() const;
        // True once a complete list has been swapped in.
        bool synced() const;
        // The resourceVersion this state corresponds to: the list's at a swap, then the last
        // applied event's. A watch from it misses nothing (the local cache resumes from it).
        const std::string &resourceVersion() const;

        struct Data;  // defined in store.cpp

    private:
        friend class Store;
        explicit Snapshot(std::shared_ptr<const Data> data);
        std::shared_ptr<const Data> m_data;
    };

    // What a subscriber hears. For a live event one key in one list; for a resync (a relist
    // swapped in) the difference between the old and the new set, so a view can update the
    // affected rows instead of resetting.
    struct Change {
        bool resync = false;
        std::vector<std::string> added;
        std::vector<std::string> updated;
        std::vector<std::string> deleted;
        Snapshot snapshot;  // the store right after this change
        Snapshot previous;  // and right before it: where deleted objects can still be read
    };
    using Subscriber = std::function<void(const Change &)>;

    Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    // Feed from a Watcher's callback. Init starts a buffer that readers do not see; InitApply
    // fills it; InitDone swaps it in (objects missing from the new list are deleted). Apply and
    // Delete change the live set. Error events are ignored. Subscribers are called from here,
    // in order, after the change is visible to snapshot().
    void apply(const WatcherEvent &event);

    Snapshot snapshot() const;
    bool synced() const { return snapshot().synced(); }

    // The subscriber may call snapshot() but not apply(). After unsubscribe() returns the
    // subscriber is not called again: it waits for a notification running on another thread
    // (several readers share one Store, and one may go while the watch goes on).
    int subscribe(Subscriber subscriber);
    void unsubscribe(int id);

    // "namespace/name", "name" when cluster-scoped, "" when the object has no name.
    static std::string keyOf(const nlohmann::json &object);
    static std::string keyOf(const FrozenJson &object);

private:
    void publish(Snapshot next, Change change);

    std::mutex m_applyMutex;  // serialises apply(), so notifications keep event order
    // The thread notifying subscribers (under m_applyMutex): an unsubscribe() from inside a
    // notification must not wait for itself.
    std::atomic<std::thread::id> m_notifying{};
    // The relist being buffered, and the edit it is built under (each of its map nodes is
    // allocated once, not copied along a path per object); touched only under m_applyMutex.
    std::shared_ptr<Snapshot::Data> m_buffer;
    MapEdit m_bufferEdit;

    mutable std::mutex m_mutex;  // guards m_current: held only to copy a pointer
    Snapshot m_current;

    std::mutex m_subscribersMutex;
    std::map<int, Subscriber> m_subscribers;
    int m_nextSubscriberId = 1;
};

} // namespace kube
