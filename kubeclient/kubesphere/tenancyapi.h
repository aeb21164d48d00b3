// Which tenancy API a cluster serves (KubeSphere 4.x v1beta1, 3.x v1alpha2, or none) and the
// resource of every tenancy kind in that flavour: the version adapter chosen by discovery.
#pragma once

#include "kubeclient/api/resource.h"

#include <string>

namespace kube {
class Discovery;
}

namespace kube::tenancy {

enum class ApiFlavor {
    None,  // no tenant.kubesphere.io / iam.kubesphere.io: "tenancy API not installed"
    V3,    // KubeSphere 3.x: iam v1alpha2, tenant v1alpha2 templates, project/cluster roles are RBAC
    V4,    // KubeSphere 4.x: iam v1beta1 (incl. namespaced Role/RoleBinding), tenant v1beta1
};

const char *toString(ApiFlavor flavor);

struct TenancyApi {
    ApiFlavor flavor = ApiFlavor::None;

    GroupVersionResource workspaceTemplate, workspace;
    GroupVersionResource user, loginRecord, group, groupBinding;
    GroupVersionResource globalRole, globalRoleBinding;
    GroupVersionResource workspaceRole, workspaceRoleBinding;
    // Project and cluster roles: iam v1beta1 kinds in 4.x, plain RBAC in 3.x.
    GroupVersionResource projectRole, projectRoleBinding;
    GroupVersionResource clusterRole, clusterRoleBinding;
    GroupVersionResource roleTemplate, builtinRole, category;  // 4.x only (empty resource in 3.x)
    GroupVersionResource roleBase;                              // 3.x only
    GroupVersionResource workspaceQuota;                        // quota.kubesphere.io/v1alpha2

    // Core and RBAC kinds every flavour uses.
    static const GroupVersionResource namespaces, rbacRole, rbacRoleBinding, rbacClusterRole,
        rbacClusterRoleBinding, resourceQuota, limitRange, networkPolicy, customResourceDefinition,
        selfSubjectAccessReview, selfSubjectRulesReview, subjectAccessReview, deployments;

    // The apiVersion string for objects of a kind ("iam.kubesphere.io/v1beta1").
    static std::string apiVersionOf(const GroupVersionResource &gvr) { return gvr.apiVersion(); }

    // The shapes of one flavour, without asking a server (for plans and tests).
    static TenancyApi forFlavor(ApiFlavor flavor);
    // 4.x when iam.kubesphere.io/v1beta1 with namespaced roles is served, else 3.x when
    // iam.kubesphere.io/v1alpha2 is, else None.
    static TenancyApi detect(const Discovery &discovery);

    bool installed() const { return flavor != ApiFlavor::None; }
    // In 3.x project/cluster roles are the RBAC objects themselves; in 4.x they are mirrored.
    bool rolesAreRbac() const { return flavor == ApiFlavor::V3; }
};

} // namespace kube::tenancy
