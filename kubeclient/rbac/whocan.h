// who-can: every subject allowed a request, each with the binding -> role -> rule path that
// allows it and where (cluster-wide, or the namespace / workspace of the binding). Unlike
// kubectl-who-can, groups (including system: ones) are subjects like any other.
#pragma once

#include "kubeclient/rbac/decision.h"
#include "kubeclient/rbac/rbacindex.h"
#include "kubeclient/rbac/regoevaluator.h"
#include "kubeclient/rbac/view.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace kube::rbac {

struct WhoCanAnswer {
    Subject subject;    // service-account namespaces are filled in
    std::string where;  // "cluster-wide", "namespace ns1", "global", "workspace ws1"
    GrantPath path;
    bool superuser = false;  // the system:masters entry (no binding)
};

class WhoCan
{
public:
    // Kubernetes view. request.ns set: ClusterRoleBindings plus that namespace's
    // RoleBindings. request.ns empty and allNamespaces: ClusterRoleBindings plus the
    // RoleBindings of every namespace (each answer names its namespace), i.e. who can do it
    // somewhere. The system:masters group is always listed first.
    static std::vector<WhoCanAnswer> query(const RbacIndex &index, const RequestAttributes &request,
                                           bool allNamespaces = false);
    // KubeSphere view: the sets ks-apiserver visits for the request's scope. With a Rego
    // engine, a role's policy is asked before its rules for each User and ServiceAccount
    // subject, and for each known user (RbacIndex::users) that a Group subject holds
    // (system:authenticated: every user; others: the User objects listing the group): a
    // policy decides per user. `notes` (optional) gets a line for each policy that was not
    // evaluated or failed.
    static std::vector<WhoCanAnswer> queryKubeSphere(const RbacIndex &index, const RequestAttributes &request,
                                                     const std::shared_ptr<RegoEvaluator> &rego = nullptr,
                                                     std::vector<std::string> *notes = nullptr);

    static std::string toText(const std::vector<WhoCanAnswer> &answers);
    static nlohmann::json toJson(const std::vector<WhoCanAnswer> &answers);
};

} // namespace kube::rbac
