// Kubernetes RBAC decisions over the index (kube-apiserver-notes.md 5.2-5.4).
// Near misses are only gathered for denials, so allowing decisions stay cheap.
#include "kubeclient/rbac/evaluator.h"

#include "kubeclient/rbac/bindingvisitor.h"

namespace kube::rbac {

Evaluator::Evaluator(std::shared_ptr<const RbacIndex> index) : m_index(std::move(index)) {}

Decision Evaluator::authorize(const Identity &who, const RequestAttributes &request, size_t nearLimit) const
{
    Decision d;
    d.view = View::Kubernetes;
    d.identity = who;
    d.request = request;
    if (who.inGroup(kGroupMasters)) {
        d.allowed = true;
        d.basis = Decision::Basis::Superuser;
        return d;
    }
    BindingVisitor visitor(*m_index, who, request);
    if (visitor.visit(m_index->clusterBindings(), "cluster-wide", d, true, false))
        return d;
    // RoleBindings only count for a request inside a namespace; a cluster-scoped request or
    // a list across all namespaces never consults them.
    const RbacIndex::BindingSet *local = request.ns.empty() ? nullptr : m_index->namespaceBindings(request.ns);
    if (local && visitor.visit(*local, "namespace " + request.ns, d, true, false))
        return d;
    if (nearLimit == 0)
        return d;

    std::vector<NearMiss> near;
    visitor.gatherNear(m_index->clusterBindings(), "cluster-wide", {}, near);
    if (local)
        visitor.gatherNear(*local, "namespace " + request.ns, {}, near);
    // Grants held in other namespaces are near too: the scope is what is missing.
    for (const auto &ns : m_index->namespaces()) {
        if (ns == request.ns)
            continue;
        const RbacIndex::BindingSet *other = m_index->namespaceBindings(ns);
        if (!other)
            continue;
        const std::string why =
            request.ns.empty()
                ? "a cluster-wide grant (RoleBinding in namespace " + ns +
                      " cannot grant cluster-scoped or all-namespaces requests)"
                : "namespace " + request.ns + " (bound in namespace " + ns + " only)";
        visitor.gatherNear(*other, "namespace " + ns, why, near);
    }
    BindingVisitor::keepNearest(near, nearLimit);
    d.nearest = std::move(near);
    return d;
}

bool Evaluator::allowed(const Identity &who, const RequestAttributes &request) const
{
    if (who.inGroup(kGroupMasters))
        return true;
    BindingVisitor visitor(*m_index, who, request);
    if (visitor.allows(m_index->clusterBindings()))
        return true;
    if (request.ns.empty())
        return false;
    const RbacIndex::BindingSet *local = m_index->namespaceBindings(request.ns);
    return local && visitor.allows(*local);
}

std::vector<GrantPath> Evaluator::allGrants(const Identity &who, const RequestAttributes &request) const
{
    std::vector<GrantPath> out;
    BindingVisitor visitor(*m_index, who, request);
    visitor.allGrants(m_index->clusterBindings(), "cluster-wide", out);
    if (!request.ns.empty())
        if (const auto *local = m_index->namespaceBindings(request.ns))
            visitor.allGrants(*local, "namespace " + request.ns, out);
    return out;
}

std::vector<PolicyRule> Evaluator::rulesFor(const Identity &who, const std::string &ns) const
{
    std::vector<PolicyRule> out;
    std::vector<uint32_t> candidates;
    auto collect = [&](const RbacIndex::BindingSet &set) {
        set.candidates(who, candidates);
        for (uint32_t b : candidates)
            if (int32_t role = m_index->roleOf(b); role >= 0) {
                const auto &rules = m_index->roles()[size_t(role)].rules;
                out.insert(out.end(), rules.begin(), rules.end());
            }
    };
    collect(m_index->clusterBindings());
    if (!ns.empty())
        if (const auto *local = m_index->namespaceBindings(ns))
            collect(*local);
    return out;
}

} // namespace kube::rbac
