// A test helper shared by the permission-index tests: everything an RbacIndex answers from,
// as JSON, so a rebuilt index can be compared with a fresh one field by field.
#pragma once

#include "kubeclient/rbac/rbacindex.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace rbactest {

using kube::rbac::RbacIndex;
using kube::rbac::Binding;
using kube::rbac::PolicyRule;
using kube::rbac::Role;
using nlohmann::json;

// Everything an index answers from, as JSON: indexes with equal fingerprints answer alike.
inline json fingerprint(const RbacIndex &x)
{
    auto set = [](const RbacIndex::BindingSet *s) -> json {
        if (!s)
            return nullptr;
        auto named = [s](const std::vector<RbacIndex::BindingSet::Named> &list) {
            std::map<std::string, std::vector<uint32_t>> byName;  // numbers differ between builds
            for (const auto &n : list)
                for (const auto &[name, number] : *s->names)
                    if (number == n.name)
                        byName[std::string(name)].push_back(n.binding);
            return json(byName);
        };
        return json{{"bindings", s->bindings}, {"users", named(s->byUser)}, {"groups", named(s->byGroup)}};
    };
    json roles = json::array();
    for (size_t i = 0; i < x.roles().size(); ++i) {
        const Role &r = x.roles()[i];
        json selectors = json::array();
        for (const auto &sel : r.aggregationSelectors)
            selectors.push_back(sel.toString());
        roles.push_back(json::array({r.apiGroup, r.kind, r.ns, r.name, PolicyRule::listToJson(r.rules), r.labels,
                                     r.annotations, r.hasAggregationRule, selectors, r.templateNames,
                                     r.templateSelector ? r.templateSelector->toString() : std::string("-"),
                                     r.regoPolicy, x.bindingsOfRole(int32_t(i))}));
    }
    json bindings = json::array();
    for (uint32_t i = 0; i < x.bindings().size(); ++i) {
        const Binding &b = x.bindings()[i];
        json subjects = json::array();
        for (const auto &s : b.subjects)
            subjects.push_back(s.toJson());
        bindings.push_back(json::array({b.apiGroup, b.kind, b.ns, b.name, b.roleApiGroup, b.roleKind, b.roleName,
                                        subjects, b.labels, x.roleOf(i), x.roleError(i)}));
    }
    json out = {{"flavor", int(x.kubesphereFlavor())}, {"predicted", x.predictedAggregation()},
                {"roles", roles}, {"bindings", bindings}, {"namespaces", x.namespaces()},
                {"workspaces", x.workspaces()}, {"users", x.users()}, {"k8sCluster", set(&x.clusterBindings())},
                {"global", set(&x.globalBindings())}, {"ksCluster", set(&x.ksClusterBindings())}};
    for (const auto &ns : x.namespaces())
        out["ns"][ns] = json::array({set(x.namespaceBindings(ns)), set(x.ksNamespaceBindings(ns)), x.workspaceOf(ns)});
    for (const auto &ws : x.workspaces())
        out["ws"][ws] = set(x.workspaceBindings(ws));
    for (const auto &[name, t] : x.roleTemplates())
        out["templates"][name] = json::array({t.kind, PolicyRule::listToJson(t.rules), t.labels, t.annotations});
    for (const auto &u : x.users())
        for (const auto &g : (out["userGroups"][u] = x.userGroups(u)))
            out["usersInGroup"][g.get<std::string>()] = x.usersInGroup(g.get<std::string>());
    json subjects = json::array();
    for (const auto &s : x.subjects())
        subjects.push_back(s.toJson());
    out["subjects"] = subjects;
    return out;
}

} // namespace rbactest
