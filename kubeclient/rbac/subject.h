// A binding's subject (User, Group or ServiceAccount) and its printable form. apiGroup is kept
// for display only: neither kube-apiserver nor ks-apiserver consults it when matching.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace kube::rbac {

struct Subject {
    std::string kind;  // "User", "Group", "ServiceAccount" (anything else never matches)
    std::string name;
    std::string ns;    // ServiceAccount only; empty means the binding's namespace (RoleBindings)
    std::string apiGroup;

    static Subject fromJson(const nlohmann::json &subject);
    static Subject user(std::string name) { return {"User", std::move(name), {}, "rbac.authorization.k8s.io"}; }
    static Subject group(std::string name) { return {"Group", std::move(name), {}, "rbac.authorization.k8s.io"}; }
    static Subject serviceAccount(std::string ns, std::string name) { return {"ServiceAccount", std::move(name), std::move(ns), {}}; }
    nlohmann::json toJson() const;

    // "User alice", "Group devs", "ServiceAccount ns1/builder"
    std::string toString() const;
    bool operator==(const Subject &other) const { return kind == other.kind && name == other.name && ns == other.ns; }
    bool operator<(const Subject &other) const;
};

} // namespace kube::rbac
