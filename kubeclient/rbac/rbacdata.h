// The objects permissions depend on (RBAC roles and bindings, KubeSphere roles, bindings,
// role templates and users, namespaces, workspaces), as plain JSON keyed by kind and name. A
// mutable collection: fed from live lists or manifests, copied and edited to preview a plan.
#pragma once

#include "kubeclient/core/result.h"

#include <nlohmann/json.hpp>

#include <compare>
#include <map>
#include <string>
#include <vector>

namespace kube::tenancy {
struct Plan;
}

namespace kube::rbac {

class RbacData
{
public:
    struct Key {
        std::string group, kind, ns, name;
        auto operator<=>(const Key &) const = default;
        std::string toString() const;  // "rbac.authorization.k8s.io ClusterRole admin"
    };

    // Whether an object of this apiVersion group and kind is one permissions depend on.
    static bool relevant(const std::string &group, const std::string &kind);
    // The kind of a resource of a relevant group ("clusterrolebindings" -> "ClusterRoleBinding").
    static std::string kindOfResource(const std::string &group, const std::string &resource);

    // Adds or replaces an object, or every item of a v1 List (any "...List" kind). Returns how
    // many objects were taken; other kinds are ignored.
    size_t add(const nlohmann::json &object);
    bool remove(const Key &key);
    // Applies a pending plan's writes to this copy: Apply merges the intent over the stored
    // object (lists replaced whole, as server-side apply does for RBAC's atomic lists),
    // MergePatch applies a JSON merge patch, Delete removes (a namespace takes its roles and
    // bindings with it). Writes to other kinds are skipped. Returns how many writes applied.
    size_t apply(const tenancy::Plan &plan);

    const std::map<Key, nlohmann::json> &objects() const { return m_objects; }
    const nlohmann::json *find(const Key &key) const;
    size_t size() const { return m_objects.size(); }
    // Namespace objects, plus namespaces that only appear as the home of a role or binding.
    std::vector<std::string> namespaces() const;
    // Every stored object as one v1 List (for offline export).
    nlohmann::json toList() const;

private:
    std::map<Key, nlohmann::json> m_objects;
};

} // namespace kube::rbac
