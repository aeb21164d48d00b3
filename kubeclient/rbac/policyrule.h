// One PolicyRule as kube-apiserver's RBAC authorizer reads it, with the authorizer's matching
// of verbs, apiGroups, resource/subresource, resourceNames and nonResourceURLs.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace kube::rbac {

struct RequestAttributes;

struct PolicyRule {
    std::vector<std::string> verbs, apiGroups, resources, resourceNames, nonResourceURLs;

    // Missing or non-string entries are skipped, as the server's decoder would refuse them anyway.
    static PolicyRule fromJson(const nlohmann::json &rule);
    static std::vector<PolicyRule> listFromJson(const nlohmann::json &rules);
    nlohmann::json toJson() const;
    static nlohmann::json listToJson(const std::vector<PolicyRule> &rules);
    // "verbs=[get,list] apiGroups=[\"\"] resources=[pods] resourceNames=[a]" / "verbs=[get] nonResourceURLs=[/healthz]"
    std::string toString() const;

    bool isNonResource() const { return !nonResourceURLs.empty() && resources.empty(); }
    bool operator==(const PolicyRule &other) const = default;

    // The four tests of a resource request and the one of a non-resource request.
    bool matchesVerb(const std::string &verb) const;
    bool matchesGroup(const std::string &group) const;
    // "pods" matches only resource "pods"; "pods/log" only "pods" + "log"; "*/log" any "x" + "log".
    bool matchesResource(const std::string &resource, const std::string &subresource) const;
    // Empty resourceNames allows any name, else the request's name must be listed: a request
    // without a name (create, list, deletecollection) can never match a named rule.
    bool matchesName(const std::string &name) const;
    // "*" matches every path; "/apis/*" matches "/apis/" and below but not "/apis".
    bool matchesPath(const std::string &path) const;

    bool allows(const RequestAttributes &request) const;
    // What this rule lacks to allow the request, in words ("verb delete", "resource pods/log");
    // empty when it allows it.
    std::vector<std::string> missingFor(const RequestAttributes &request) const;
};

} // namespace kube::rbac
