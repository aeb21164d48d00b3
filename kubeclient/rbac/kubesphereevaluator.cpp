// KubeSphere decisions (kubesphere-tenancy-api.md 12.2-12.5).
// Missing roles are empty here (ks-apiserver does not report them as errors).
#include "kubeclient/rbac/kubesphereevaluator.h"

#include "kubeclient/rbac/bindingvisitor.h"

namespace kube::rbac {

const char *toString(KsScope scope)
{
    switch (scope) {
    case KsScope::Global: return "global";
    case KsScope::Cluster: return "cluster";
    case KsScope::Workspace: return "workspace";
    case KsScope::Namespace: return "namespace";
    }
    return "?";
}

KubeSphereEvaluator::KubeSphereEvaluator(std::shared_ptr<const RbacIndex> index) : m_index(std::move(index)) {}

bool KubeSphereEvaluator::isGlobalResource(const std::string &group, const std::string &resource,
                                           tenancy::ApiFlavor flavor)
{
    if (group == "iam.kubesphere.io")
        return resource == "users" || resource == "globalroles" || resource == "globalrolebindings";
    if (group == "tenant.kubesphere.io")
        return resource == "workspaces" || resource == "clusters";
    if (group == "cluster.kubesphere.io")
        return resource == "clusters" || (flavor == tenancy::ApiFlavor::V4 && resource == "labels");
    if (group == "resources.kubesphere.io")
        return resource == "clusters";
    return false;
}

KsScope KubeSphereEvaluator::scopeOf(const RequestAttributes &request) const
{
    const auto flavor = m_index->kubesphereFlavor();
    if (request.isResourceRequest && isGlobalResource(request.apiGroup, request.resource, flavor) &&
        !(flavor == tenancy::ApiFlavor::V4 && !request.workspace.empty()))
        return KsScope::Global;
    if (!request.ns.empty())
        return KsScope::Namespace;
    if (!request.workspace.empty())
        return KsScope::Workspace;
    return KsScope::Cluster;
}

std::string KubeSphereEvaluator::workspaceFor(const RequestAttributes &request) const
{
    switch (scopeOf(request)) {
    case KsScope::Namespace: {
        const std::string ws = m_index->workspaceOf(request.ns);
        return ws.empty() ? request.workspace : ws;
    }
    case KsScope::Workspace: return request.workspace;
    default: return {};
    }
}

Decision KubeSphereEvaluator::authorize(const Identity &who, const RequestAttributes &request, size_t nearLimit) const
{
    Decision d;
    d.view = View::KubeSphere;
    d.identity = who;
    d.request = request;
    const KsScope scope = scopeOf(request);
    const std::string ws = workspaceFor(request);
    d.scope = toString(scope);
    if (scope == KsScope::Namespace)
        d.scope += " " + request.ns + (ws.empty() ? " (in no workspace)" : " (workspace " + ws + ")");
    else if (scope == KsScope::Workspace)
        d.scope += " " + ws;

    BindingVisitor visitor(*m_index, who, request);
    // ks-apiserver treats a missing role as empty, so missing roles are not reported as errors.
    if (visitor.visit(m_index->globalBindings(), "global", d, false, true))
        return d;
    if (scope == KsScope::Global) {
        // A global request is decided by platform roles alone.
        if (nearLimit) {
            visitor.gatherNear(m_index->globalBindings(), "global", {}, d.nearest);
            BindingVisitor::keepNearest(d.nearest, nearLimit);
        }
        return d;
    }
    const RbacIndex::BindingSet *wsSet = ws.empty() ? nullptr : m_index->workspaceBindings(ws);
    if (wsSet && visitor.visit(*wsSet, "workspace " + ws, d, false, true))
        return d;
    const RbacIndex::BindingSet *nsSet =
        scope == KsScope::Namespace ? m_index->ksNamespaceBindings(request.ns) : nullptr;
    if (nsSet && visitor.visit(*nsSet, "namespace " + request.ns, d, false, true))
        return d;
    if (visitor.visit(m_index->ksClusterBindings(), "cluster", d, false, true))
        return d;
    if (nearLimit == 0)
        return d;
    std::vector<NearMiss> near;
    visitor.gatherNear(m_index->globalBindings(), "global", {}, near);
    if (wsSet)
        visitor.gatherNear(*wsSet, "workspace " + ws, {}, near);
    if (nsSet)
        visitor.gatherNear(*nsSet, "namespace " + request.ns, {}, near);
    visitor.gatherNear(m_index->ksClusterBindings(), "cluster", {}, near);
    for (const auto &other : m_index->workspaces()) {
        if (other == ws)
            continue;
        if (const auto *set = m_index->workspaceBindings(other))
            visitor.gatherNear(*set, "workspace " + other, "workspace " + (ws.empty() ? "<none>" : ws) +
                                                               " (bound in workspace " + other + " only)", near);
    }
    BindingVisitor::keepNearest(near, nearLimit);
    d.nearest = std::move(near);
    return d;
}

bool KubeSphereEvaluator::allowed(const Identity &who, const RequestAttributes &request) const
{
    BindingVisitor visitor(*m_index, who, request);
    const KsScope scope = scopeOf(request);
    if (visitor.allows(m_index->globalBindings()))
        return true;
    if (scope == KsScope::Global)
        return false;
    const std::string ws = workspaceFor(request);
    if (!ws.empty())
        if (const auto *set = m_index->workspaceBindings(ws); set && visitor.allows(*set))
            return true;
    if (scope == KsScope::Namespace)
        if (const auto *set = m_index->ksNamespaceBindings(request.ns); set && visitor.allows(*set))
            return true;
    return visitor.allows(m_index->ksClusterBindings());
}

} // namespace kube::rbac
