// KubeSphere decisions (kubesphere-tenancy-api.md 12.2-12.5).
// Missing roles are empty here (ks-apiserver does not report them as errors).
#include "kubeclient/rbac/kubesphereevaluator.h"

#include "kubeclient/rbac/bindingvisitor.h"

#include <vector>

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

KubeSphereEvaluator::KubeSphereEvaluator(std::shared_ptr<const RbacIndex> index, std::shared_ptr<RegoEvaluator> rego)
    : m_index(std::move(index)), m_rego(std::move(rego))
{
}

const char *KubeSphereEvaluator::regoScope(KsScope scope)
{
    switch (scope) {
    case KsScope::Global: return kRegoScopeGlobal;
    case KsScope::Cluster: return kRegoScopeCluster;
    case KsScope::Workspace: return kRegoScopeWorkspace;
    case KsScope::Namespace: return kRegoScopeNamespace;
    }
    return kRegoScopeCluster;
}

nlohmann::json KubeSphereEvaluator::regoInputFor(const Identity &who, const RequestAttributes &request) const
{
    return regoInput(who, request, regoScope(scopeOf(request)));
}

Result<RequestAttributes> KubeSphereEvaluator::requestFromHttp(const std::string &method, const std::string &url)
{
    std::string path = url, query;
    if (auto q = url.find('?'); q != std::string::npos) {
        path = url.substr(0, q);
        query = url.substr(q + 1);
    }
    std::vector<std::string> parts;
    for (size_t i = 0; i <= path.size();) {
        size_t j = path.find('/', i);
        if (j == std::string::npos)
            j = path.size();
        if (j > i)
            parts.push_back(path.substr(i, j - i));
        i = j + 1;
    }
    const bool known = !parts.empty() && (parts[0] == "api" || parts[0] == "apis" || parts[0] == "kapis" ||
                                          parts[0] == "kapi");
    std::string cluster;
    size_t at = 1;
    if (known && parts.size() > at + 1 && parts[at] == "clusters") {
        cluster = parts[at + 1];
        at += 2;
    }
    const bool groupless = known && (parts[0] == "api" || parts[0] == "kapi");
    if (!known || parts.size() < at + (groupless ? 2 : 3)) {
        // A non-resource request: the Kubernetes rules apply to the path as it is.
        auto r = RequestAttributes::fromHttp(method, url);
        if (r)
            r->cluster = cluster;
        return r;
    }
    // Rebuild a plain Kubernetes URL without the KubeSphere segments and let the Kubernetes
    // rules derive verb, resource, name and subresource; keep the segments as scope hints.
    std::string group = groupless ? std::string() : parts[at++];
    const std::string version = parts[at++];
    std::string workspace, rest;
    std::vector<std::string> tail(parts.begin() + long(at), parts.end());
    if (tail.size() >= 2 && (tail[0] == "workspaces" || tail[0] == "workspacetemplates")) {
        workspace = tail[1];
        // "/workspaces/W" alone is the workspace object itself (a global resource in workspace W).
        if (tail.size() > 2)
            tail.erase(tail.begin(), tail.begin() + 2);
    }
    std::string rebuilt = groupless ? "/api/" + version : "/apis/" + group + "/" + version;
    for (const auto &t : tail)
        rebuilt += "/" + t;
    if (!query.empty())
        rebuilt += "?" + query;
    auto r = RequestAttributes::fromHttp(method, rebuilt);
    if (!r)
        return r;
    r->cluster = cluster;
    r->workspace = workspace;
    if ((r->verb == "list" || r->verb == "watch") && r->workspace.empty()) {
        // labelSelector=kubesphere.io/workspace=W (also url-encoded) puts the request in W.
        std::string selector;
        for (size_t i = 0; i <= query.size();) {
            size_t amp = query.find('&', i);
            if (amp == std::string::npos)
                amp = query.size();
            const std::string kv = query.substr(i, amp - i);
            if (kv.rfind("labelSelector=", 0) == 0)
                selector = kv.substr(14);
            i = amp + 1;
        }
        for (const std::string key : {"kubesphere.io/workspace=", "kubesphere.io%2Fworkspace%3D",
                                      "kubesphere.io%2Fworkspace="}) {
            auto k = selector.find(key);
            if (k == std::string::npos)
                continue;
            std::string value = selector.substr(k + key.size());
            value = value.substr(0, value.find_first_of(",%&"));
            r->workspace = value;
            break;
        }
    }
    return r;
}

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
    if (m_rego)
        visitor.setRego(m_rego.get(), regoInputFor(who, request));
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
    if (m_rego)
        visitor.setRego(m_rego.get(), regoInputFor(who, request));
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
