// PolicyRule lists as KubeSphere composes them: union of role-template rules appended to a
// role's own rules when not already covered (spec 7.2), and the namespaced subset that can be
// projected into a project through RBAC.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace kube::tenancy {

// True when `owner` grants at least everything `servant` grants (per-field superset, with
// "*" matching anything; resourceNames: empty owner list means all names).
bool ruleCovers(const nlohmann::json &owner, const nlohmann::json &servant);
// `base` plus each rule of `additions` that no rule already in the result covers.
nlohmann::json mergeRules(const nlohmann::json &base, const nlohmann::json &additions);
// The rules of a role that mean something inside one namespace: resource rules only
// (nonResourceURLs are cluster-wide and cannot be granted by a RoleBinding).
nlohmann::json namespacedRules(const nlohmann::json &rules);
// A normalised rule (verbs, apiGroups, resources, resourceNames, nonResourceURLs; empty
// lists dropped) so equal rules compare equal.
nlohmann::json normaliseRule(const nlohmann::json &rule);

} // namespace kube::tenancy
