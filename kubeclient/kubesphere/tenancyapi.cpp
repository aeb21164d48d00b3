// GVR tables of the KubeSphere tenancy kinds per API flavour (spec section 2).
#include "kubeclient/kubesphere/tenancyapi.h"

#include "kubeclient/api/discovery.h"

namespace kube::tenancy {

namespace {
GroupVersionResource gvr(const char *group, const char *version, const char *resource, bool namespaced, const char *kind)
{
    return GroupVersionResource{group, version, resource, namespaced, kind};
}
} // namespace

const GroupVersionResource TenancyApi::namespaces = gvr("", "v1", "namespaces", false, "Namespace");
const GroupVersionResource TenancyApi::rbacRole = gvr("rbac.authorization.k8s.io", "v1", "roles", true, "Role");
const GroupVersionResource TenancyApi::rbacRoleBinding =
    gvr("rbac.authorization.k8s.io", "v1", "rolebindings", true, "RoleBinding");
const GroupVersionResource TenancyApi::rbacClusterRole =
    gvr("rbac.authorization.k8s.io", "v1", "clusterroles", false, "ClusterRole");
const GroupVersionResource TenancyApi::rbacClusterRoleBinding =
    gvr("rbac.authorization.k8s.io", "v1", "clusterrolebindings", false, "ClusterRoleBinding");
const GroupVersionResource TenancyApi::resourceQuota = gvr("", "v1", "resourcequotas", true, "ResourceQuota");
const GroupVersionResource TenancyApi::limitRange = gvr("", "v1", "limitranges", true, "LimitRange");
const GroupVersionResource TenancyApi::networkPolicy =
    gvr("networking.k8s.io", "v1", "networkpolicies", true, "NetworkPolicy");
const GroupVersionResource TenancyApi::customResourceDefinition =
    gvr("apiextensions.k8s.io", "v1", "customresourcedefinitions", false, "CustomResourceDefinition");
const GroupVersionResource TenancyApi::selfSubjectAccessReview =
    gvr("authorization.k8s.io", "v1", "selfsubjectaccessreviews", false, "SelfSubjectAccessReview");
const GroupVersionResource TenancyApi::selfSubjectRulesReview =
    gvr("authorization.k8s.io", "v1", "selfsubjectrulesreviews", false, "SelfSubjectRulesReview");
const GroupVersionResource TenancyApi::subjectAccessReview =
    gvr("authorization.k8s.io", "v1", "subjectaccessreviews", false, "SubjectAccessReview");
const GroupVersionResource TenancyApi::deployments = gvr("apps", "v1", "deployments", true, "Deployment");

const char *toString(ApiFlavor flavor)
{
    switch (flavor) {
    case ApiFlavor::None: return "none";
    case ApiFlavor::V3: return "KubeSphere 3.x (v1alpha2)";
    case ApiFlavor::V4: return "KubeSphere 4.x (v1beta1)";
    }
    return "unknown";
}

TenancyApi TenancyApi::forFlavor(ApiFlavor flavor)
{
    TenancyApi a;
    a.flavor = flavor;
    a.workspaceQuota = gvr("quota.kubesphere.io", "v1alpha2", "resourcequotas", false, "ResourceQuota");
    if (flavor == ApiFlavor::V4) {
        a.workspaceTemplate = gvr("tenant.kubesphere.io", "v1beta1", "workspacetemplates", false, "WorkspaceTemplate");
        a.workspace = gvr("tenant.kubesphere.io", "v1beta1", "workspaces", false, "Workspace");
        a.user = gvr("iam.kubesphere.io", "v1beta1", "users", false, "User");
        a.loginRecord = gvr("iam.kubesphere.io", "v1beta1", "loginrecords", false, "LoginRecord");
        a.group = gvr("iam.kubesphere.io", "v1beta1", "groups", false, "Group");
        a.groupBinding = gvr("iam.kubesphere.io", "v1beta1", "groupbindings", false, "GroupBinding");
        a.globalRole = gvr("iam.kubesphere.io", "v1beta1", "globalroles", false, "GlobalRole");
        a.globalRoleBinding = gvr("iam.kubesphere.io", "v1beta1", "globalrolebindings", false, "GlobalRoleBinding");
        a.workspaceRole = gvr("iam.kubesphere.io", "v1beta1", "workspaceroles", false, "WorkspaceRole");
        a.workspaceRoleBinding =
            gvr("iam.kubesphere.io", "v1beta1", "workspacerolebindings", false, "WorkspaceRoleBinding");
        a.projectRole = gvr("iam.kubesphere.io", "v1beta1", "roles", true, "Role");
        a.projectRoleBinding = gvr("iam.kubesphere.io", "v1beta1", "rolebindings", true, "RoleBinding");
        a.clusterRole = gvr("iam.kubesphere.io", "v1beta1", "clusterroles", false, "ClusterRole");
        a.clusterRoleBinding = gvr("iam.kubesphere.io", "v1beta1", "clusterrolebindings", false, "ClusterRoleBinding");
        a.roleTemplate = gvr("iam.kubesphere.io", "v1beta1", "roletemplates", false, "RoleTemplate");
        a.builtinRole = gvr("iam.kubesphere.io", "v1beta1", "builtinroles", false, "BuiltinRole");
        a.category = gvr("iam.kubesphere.io", "v1beta1", "categories", false, "Category");
    } else if (flavor == ApiFlavor::V3) {
        a.workspaceTemplate = gvr("tenant.kubesphere.io", "v1alpha2", "workspacetemplates", false, "WorkspaceTemplate");
        a.workspace = gvr("tenant.kubesphere.io", "v1alpha1", "workspaces", false, "Workspace");
        a.user = gvr("iam.kubesphere.io", "v1alpha2", "users", false, "User");
        a.loginRecord = gvr("iam.kubesphere.io", "v1alpha2", "loginrecords", false, "LoginRecord");
        a.group = gvr("iam.kubesphere.io", "v1alpha2", "groups", false, "Group");
        a.groupBinding = gvr("iam.kubesphere.io", "v1alpha2", "groupbindings", false, "GroupBinding");
        a.globalRole = gvr("iam.kubesphere.io", "v1alpha2", "globalroles", false, "GlobalRole");
        a.globalRoleBinding = gvr("iam.kubesphere.io", "v1alpha2", "globalrolebindings", false, "GlobalRoleBinding");
        a.workspaceRole = gvr("iam.kubesphere.io", "v1alpha2", "workspaceroles", false, "WorkspaceRole");
        a.workspaceRoleBinding =
            gvr("iam.kubesphere.io", "v1alpha2", "workspacerolebindings", false, "WorkspaceRoleBinding");
        a.projectRole = rbacRole;
        a.projectRoleBinding = rbacRoleBinding;
        a.clusterRole = rbacClusterRole;
        a.clusterRoleBinding = rbacClusterRoleBinding;
        a.roleBase = gvr("iam.kubesphere.io", "v1alpha2", "rolebases", false, "RoleBase");
    }
    return a;
}

TenancyApi TenancyApi::detect(const Discovery &discovery)
{
    if (discovery.findResource("iam.kubesphere.io", "v1beta1", "roles")
        && discovery.findResource("tenant.kubesphere.io", "v1beta1", "workspacetemplates"))
        return forFlavor(ApiFlavor::V4);
    if (discovery.findResource("iam.kubesphere.io", "v1alpha2", "users")
        && discovery.findResource("tenant.kubesphere.io", "v1alpha2", "workspacetemplates"))
        return forFlavor(ApiFlavor::V3);
    return forFlavor(ApiFlavor::None);
}

} // namespace kube::tenancy
