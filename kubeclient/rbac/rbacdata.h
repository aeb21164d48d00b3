// The objects permissions depend on (RBAC roles and bindings, KubeSphere roles, bindings,
// role templates and users, namespaces, workspaces), as plain JSON keyed by kind and name. A
// mutable collection: fed from live lists or manifests, copied and edited to preview a plan.
// Every stored object carries a stamp that changes whenever the object does (copies keep it),
// so an index built from a later version parses only what changed (see RbacIndex::build).
#pragma once

#include "kubeclient/core/result.h"

#include <nlohmann/json.hpp>

#include <compare>
#include <cstdint>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace kube::tenancy {
struct Plan;
}

namespace kube::rbac {

class RbacIndex;

class RbacData
{
    // Objects are shared, never changed in place: a copy of the data (a plan's "after", a
    // reader's snapshot) copies pointers, not JSON.
    struct Stored {
        std::shared_ptr<const nlohmann::json> object;
        std::uint64_t stamp = 0;
    };

public:
    struct Key {
        std::string group, kind, ns, name;
        auto operator<=>(const Key &) const = default;
        std::string toString() const;  // "rbac.authorization.k8s.io ClusterRole admin"
    };

    // The stored objects in key order, read as (key, object) pairs:
    // `for (const auto &[key, obj] : data.objects())`.
    class Objects
    {
    public:
        class const_iterator
        {
        public:
            using iterator_category = std::input_iterator_tag;  // yields pairs of references
            using iterator_concept = std::forward_iterator_tag;
            using value_type = std::pair<const Key &, const nlohmann::json &>;
            using reference = value_type;
            using difference_type = std::ptrdiff_t;
            struct pointer {
                value_type pair;
                const value_type *operator->() const { return &pair; }
            };

            const_iterator() = default;
            value_type operator*() const { return {m_it->first, *m_it->second.object}; }
            pointer operator->() const { return {**this}; }
            const_iterator &operator++()
            {
                ++m_it;
                return *this;
            }
            const_iterator operator++(int)
            {
                auto old = *this;
                ++m_it;
                return old;
            }
            bool operator==(const const_iterator &other) const { return m_it == other.m_it; }
            // Changes whenever the object does; equal stamps mean the same key and content.
            std::uint64_t stamp() const { return m_it->second.stamp; }

        private:
            friend class Objects;
            explicit const_iterator(std::map<Key, Stored>::const_iterator it) : m_it(it) {}
            std::map<Key, Stored>::const_iterator m_it;
        };
        using iterator = const_iterator;

        const_iterator begin() const { return const_iterator(m_map->begin()); }
        const_iterator end() const { return const_iterator(m_map->end()); }
        std::size_t size() const { return m_map->size(); }
        bool empty() const { return m_map->empty(); }

    private:
        friend class RbacData;
        explicit Objects(const std::map<Key, Stored> &map) : m_map(&map) {}
        const std::map<Key, Stored> *m_map;
    };

    // Shared by an RbacData and its copies: the indexes built last from any of them (newest
    // first, a few), whose parsed roles and bindings the next RbacIndex::build of any of them
    // reuses for objects whose stamp is unchanged. Weak: it never keeps an index alive.
    struct IndexCache {
        std::mutex mutex;
        std::vector<std::weak_ptr<const RbacIndex>> recent;
    };

    RbacData();

    // Whether an object of this apiVersion group and kind is one permissions depend on.
    static bool relevant(const std::string &group, const std::string &kind);
    // The kind of a resource of a relevant group ("clusterrolebindings" -> "ClusterRoleBinding").
    static std::string kindOfResource(const std::string &group, const std::string &resource);

    // Adds or replaces an object, or every item of a v1 List (any "...List" kind). Returns how
    // many objects were taken; other kinds are ignored.
    size_t add(const nlohmann::json &object);
    bool remove(const Key &key);
    // Stores a shared object under `key` with a stamp the caller keeps for this version (a
    // feed's mirror): no copy, and an index built from this data reuses what it parsed before.
    // The object must carry apiVersion and kind, and `key` must be the one add() would give it.
    void put(const Key &key, std::shared_ptr<const nlohmann::json> object, std::uint64_t stamp);
    // Applies a pending plan's writes to this copy: Apply merges the intent over the stored
    // object (lists replaced whole, as server-side apply does for RBAC's atomic lists),
    // MergePatch applies a JSON merge patch, Delete removes (a namespace takes its roles and
    // bindings with it). Writes to other kinds are skipped. Returns how many writes applied.
    size_t apply(const tenancy::Plan &plan);

    Objects objects() const { return Objects(m_objects); }
    const nlohmann::json *find(const Key &key) const;
    size_t size() const { return m_objects.size(); }
    // Namespace objects, plus namespaces that only appear as the home of a role or binding.
    std::vector<std::string> namespaces() const;
    // Every stored object as one v1 List (for offline export).
    nlohmann::json toList() const;

    // A stamp no object has had before (process-wide, increasing).
    static std::uint64_t nextStamp();
    const std::shared_ptr<IndexCache> &indexCache() const { return m_indexCache; }

private:
    std::map<Key, Stored> m_objects;
    std::shared_ptr<IndexCache> m_indexCache;
};

} // namespace kube::rbac
