// The Kubernetes view: exactly what kube-apiserver's authorizer chain decides for RBAC —
// system:masters first, then every ClusterRoleBinding, then (for a namespaced request only)
// the RoleBindings of that namespace, first allowing rule wins, no deny rules.
#pragma once

#include "kubeclient/rbac/decision.h"
#include "kubeclient/rbac/rbacindex.h"

#include <memory>
#include <vector>

namespace kube::rbac {

class Evaluator
{
public:
    explicit Evaluator(std::shared_ptr<const RbacIndex> index);

    // The decision with its explanation (for a denial: the nearest rules, up to `nearLimit`).
    Decision authorize(const Identity &who, const RequestAttributes &request, size_t nearLimit = 3) const;
    // Just yes or no, without building an explanation.
    bool allowed(const Identity &who, const RequestAttributes &request) const;
    // Every binding -> role -> rule that allows it (system:masters is not a path and is not listed).
    std::vector<GrantPath> allGrants(const Identity &who, const RequestAttributes &request) const;
    // The rules the identity holds in `ns` ("" = cluster-wide only): what escalation checks
    // compare against (the superuser shortcut is not a rule and is not included).
    std::vector<PolicyRule> rulesFor(const Identity &who, const std::string &ns) const;

    const RbacIndex &index() const { return *m_index; }
    std::shared_ptr<const RbacIndex> indexPtr() const { return m_index; }

private:
    std::shared_ptr<const RbacIndex> m_index;
};

} // namespace kube::rbac
