// The synthetic cluster of the permission benchmarks (bench_permissions, bench_workbench):
// 2,000 namespaces, 500 roles, 20,000 bindings, 5,000 users in 200 groups by default, with
// rules drawn from a resource catalog. Deterministic for a seed.
#pragma once

#include "kubeclient/rbac/identity.h"
#include "kubeclient/rbac/rbacdata.h"
#include "kubeclient/rbac/resourcecatalog.h"

#include <nlohmann/json.hpp>

#include <map>
#include <random>
#include <string>
#include <vector>

namespace benchrbac {

using json = nlohmann::json;
using kube::rbac::Identity;
using kube::rbac::RbacData;
using kube::rbac::ResourceCatalog;

struct Counts {
    int namespaces = 2000, roles = 500, bindings = 20000, users = 5000, groups = 200, serviceAccounts = 1000;
};

struct Synthetic {
    RbacData data;
    std::vector<std::string> namespaces, users, groups;
    std::map<std::string, std::vector<std::string>> groupsOf;  // user -> groups
    std::vector<json> clusterObjects;                           // ClusterRoles then ClusterRoleBindings
    std::map<std::string, std::vector<json>> namespaceObjects;  // Roles then RoleBindings per namespace
};

inline const std::string kPrefix = "bench-perm";

// Roles draw their rules from the catalog, so they grant real resources (with some "*",
// subresources, "*/status" and resourceNames mixed in, as real clusters have).
inline Synthetic generate(const Counts &n, const ResourceCatalog &catalog, uint32_t seed)
{
    std::mt19937 rng(seed);
    auto upTo = [&](int k) { return std::uniform_int_distribution<int>(0, k - 1)(rng); };
    auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };
    static const std::vector<std::string> verbs = {"get", "list", "watch", "create", "update", "patch", "delete",
                                                   "deletecollection"};
    Synthetic s;
    for (int i = 0; i < n.namespaces; ++i)
        s.namespaces.push_back(kPrefix + "-ns" + std::to_string(i));
    for (int i = 0; i < n.groups; ++i)
        s.groups.push_back(kPrefix + "-g" + std::to_string(i));
    for (int i = 0; i < n.users; ++i) {
        const std::string u = kPrefix + "-u" + std::to_string(i);
        s.users.push_back(u);
        for (int g = upTo(4); g > 0; --g)
            s.groupsOf[u].push_back(s.groups[size_t(upTo(n.groups))]);
    }
    auto rule = [&]() {
        json r;
        if (chance(0.05)) {
            r = {{"apiGroups", json::array({"*"})}, {"resources", json::array({"*"})}};
        } else {
            const auto &e = catalog.entries()[size_t(upTo(int(catalog.size())))];
            json resources = json::array();
            for (int k = 1 + upTo(4); k > 0; --k) {
                // Resources of the same group, so the rule is realistic.
                for (int tries = 0; tries < 20; ++tries) {
                    const auto &x = catalog.entries()[size_t(upTo(int(catalog.size())))];
                    if (x.group != e.group)
                        continue;
                    resources.push_back(x.subresource.empty() ? x.resource : x.resource + "/" + x.subresource);
                    break;
                }
            }
            if (chance(0.05))
                resources.push_back("*/status");
            if (resources.empty())
                resources.push_back(e.resource);
            r = {{"apiGroups", json::array({e.group})}, {"resources", resources}};
        }
        json v = json::array();
        if (chance(0.1)) {
            v.push_back("*");
        } else {
            for (int k = 1 + upTo(5); k > 0; --k)
                v.push_back(verbs[size_t(upTo(int(verbs.size())))]);
        }
        r["verbs"] = v;
        if (chance(0.1))
            r["resourceNames"] = json::array({"cfg-" + std::to_string(upTo(10))});
        return r;
    };
    auto rules = [&]() {
        json out = json::array();
        for (int k = 2 + upTo(7); k > 0; --k)
            out.push_back(rule());
        return out;
    };
    const int clusterRoles = n.roles * 2 / 5;
    std::vector<std::string> clusterRoleNames;
    std::map<std::string, std::vector<std::string>> rolesIn;
    for (int i = 0; i < clusterRoles; ++i) {
        const std::string name = kPrefix + "-cr" + std::to_string(i);
        json o = {{"apiVersion", "rbac.authorization.k8s.io/v1"}, {"kind", "ClusterRole"},
                  {"metadata", {{"name", name}, {"labels", {{"bench", kPrefix}}}}}, {"rules", rules()}};
        s.data.add(o);
        s.clusterObjects.push_back(o);
        clusterRoleNames.push_back(name);
    }
    for (int i = clusterRoles; i < n.roles; ++i) {
        const std::string ns = s.namespaces[size_t(upTo(n.namespaces))];
        const std::string name = kPrefix + "-r" + std::to_string(i);
        json o = {{"apiVersion", "rbac.authorization.k8s.io/v1"}, {"kind", "Role"},
                  {"metadata", {{"name", name}, {"namespace", ns}}}, {"rules", rules()}};
        s.data.add(o);
        s.namespaceObjects[ns].push_back(o);
        rolesIn[ns].push_back(name);
    }
    auto subjects = [&](const std::string &ns) {
        json out = json::array();
        for (int k = 1 + upTo(3); k > 0; --k) {
            const int pick = upTo(100);
            if (pick < 70)
                out.push_back({{"kind", "User"}, {"apiGroup", "rbac.authorization.k8s.io"},
                               {"name", s.users[size_t(upTo(n.users))]}});
            else if (pick < 90)
                out.push_back({{"kind", "Group"}, {"apiGroup", "rbac.authorization.k8s.io"},
                               {"name", s.groups[size_t(upTo(n.groups))]}});
            else
                out.push_back({{"kind", "ServiceAccount"}, {"name", "sa" + std::to_string(upTo(n.serviceAccounts))},
                               {"namespace", ns.empty() ? s.namespaces[size_t(upTo(n.namespaces))] : ns}});
        }
        return out;
    };
    const int clusterBindings = n.bindings / 20;
    for (int i = 0; i < n.bindings; ++i) {
        if (i < clusterBindings) {
            json o = {{"apiVersion", "rbac.authorization.k8s.io/v1"}, {"kind", "ClusterRoleBinding"},
                      {"metadata", {{"name", kPrefix + "-crb" + std::to_string(i)}, {"labels", {{"bench", kPrefix}}}}},
                      {"roleRef", {{"apiGroup", "rbac.authorization.k8s.io"}, {"kind", "ClusterRole"},
                                   {"name", clusterRoleNames[size_t(upTo(int(clusterRoleNames.size())))]}}},
                      {"subjects", subjects("")}};
            s.data.add(o);
            s.clusterObjects.push_back(o);
            continue;
        }
        const std::string ns = s.namespaces[size_t(upTo(n.namespaces))];
        json ref = {{"apiGroup", "rbac.authorization.k8s.io"}, {"kind", "ClusterRole"},
                    {"name", clusterRoleNames[size_t(upTo(int(clusterRoleNames.size())))]}};
        if (!rolesIn[ns].empty() && chance(0.5)) {
            ref["kind"] = "Role";
            ref["name"] = rolesIn[ns][size_t(upTo(int(rolesIn[ns].size())))];
        }
        json o = {{"apiVersion", "rbac.authorization.k8s.io/v1"}, {"kind", "RoleBinding"},
                  {"metadata", {{"name", kPrefix + "-rb" + std::to_string(i)}, {"namespace", ns}}},
                  {"roleRef", ref}, {"subjects", subjects(ns)}};
        s.data.add(o);
        s.namespaceObjects[ns].push_back(o);
    }
    for (const auto &ns : s.namespaces)
        s.data.add({{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", ns}}}});
    return s;
}

inline Identity identityOf(const Synthetic &s, const std::string &user)
{
    auto it = s.groupsOf.find(user);
    return Identity::impersonated(user, it == s.groupsOf.end() ? std::vector<std::string>{} : it->second);
}

} // namespace benchrbac
