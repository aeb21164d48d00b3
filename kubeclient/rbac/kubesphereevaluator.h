// The KubeSphere view: what ks-apiserver's authorizer decides. The request's scope (global,
// cluster, workspace, namespace) picks the binding sets, visited in the order global ->
// workspace (the namespace's kubesphere.io/workspace label) -> namespace -> cluster. A role
// with an iam.kubesphere.io/rego-override has its policy evaluated before its rules by the
// Rego engine given (12.4); without one the policy is shown, not evaluated, and the decision
// says "opa not available".
#pragma once

#include "kubeclient/rbac/decision.h"
#include "kubeclient/rbac/rbacindex.h"
#include "kubeclient/rbac/regoevaluator.h"

#include <memory>
#include <string>

namespace kube::rbac {

enum class KsScope { Global, Cluster, Workspace, Namespace };
const char *toString(KsScope scope);

class KubeSphereEvaluator
{
public:
    explicit KubeSphereEvaluator(std::shared_ptr<const RbacIndex> index, std::shared_ptr<RegoEvaluator> rego = nullptr);

    // A ks-apiserver URL as its request-info resolver reads it: prefixes /api, /apis, /kapis,
    // /kapi; an optional /clusters/C after the prefix; /workspaces/W/ (4.x also
    // /workspacetemplates/W/) and /namespaces/N/ before the resource; GET without name ->
    // list/watch, DELETE without name -> deletecollection; a list or watch with
    // labelSelector kubesphere.io/workspace=W is in workspace W.
    static Result<RequestAttributes> requestFromHttp(const std::string &method, const std::string &url);

    // iam users/globalroles/globalrolebindings, tenant workspaces, clusters (and 4.x cluster labels).
    static bool isGlobalResource(const std::string &group, const std::string &resource, tenancy::ApiFlavor flavor);
    // Global for a global resource (4.x: unless a workspace is given), else Namespace when a
    // namespace is given, else Workspace when a workspace is, else Cluster.
    KsScope scopeOf(const RequestAttributes &request) const;
    // The workspace whose bindings apply: the namespace's label in Namespace scope, the
    // request's workspace in Workspace scope.
    std::string workspaceFor(const RequestAttributes &request) const;

    // The ResourceScope value of the Rego input record ("Global", "Cluster", ...).
    static const char *regoScope(KsScope scope);
    // The record a policy is evaluated with for this request (12.4).
    nlohmann::json regoInputFor(const Identity &who, const RequestAttributes &request) const;

    Decision authorize(const Identity &who, const RequestAttributes &request, size_t nearLimit = 3) const;
    bool allowed(const Identity &who, const RequestAttributes &request) const;

    const RbacIndex &index() const { return *m_index; }
    const std::shared_ptr<RegoEvaluator> &rego() const { return m_rego; }

private:
    std::shared_ptr<const RbacIndex> m_index;
    std::shared_ptr<RegoEvaluator> m_rego;
};

} // namespace kube::rbac
