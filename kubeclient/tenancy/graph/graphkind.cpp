// GraphKind names and the resource behind each kind per API flavour (spec sections 2 and 16).
#include "kubeclient/tenancy/graph/graphkind.h"

#include <nlohmann/json.hpp>

#include <string>

namespace kube::tenancy {

namespace {
const GroupVersionResource kCluster{"cluster.kubesphere.io", "v1alpha1", "clusters", false, "Cluster"};
const GroupVersionResource kNamespaceNetworkPolicy{"network.kubesphere.io", "v1alpha1", "namespacenetworkpolicies",
                                                   true, "NamespaceNetworkPolicy"};

std::optional<GroupVersionResource> nonEmpty(const GroupVersionResource &gvr)
{
    if (gvr.resource.empty())
        return std::nullopt;
    return gvr;
}

std::string groupOf(const std::string &apiVersion)
{
    const auto slash = apiVersion.find('/');
    return slash == std::string::npos ? std::string() : apiVersion.substr(0, slash);
}
} // namespace

const char *toString(GraphKind kind)
{
    switch (kind) {
    case GraphKind::Namespace: return "Namespace";
    case GraphKind::WorkspaceTemplate: return "WorkspaceTemplate";
    case GraphKind::Workspace: return "Workspace";
    case GraphKind::Cluster: return "Cluster";
    case GraphKind::User: return "User";
    case GraphKind::GlobalRole: return "GlobalRole";
    case GraphKind::GlobalRoleBinding: return "GlobalRoleBinding";
    case GraphKind::WorkspaceRole: return "WorkspaceRole";
    case GraphKind::WorkspaceRoleBinding: return "WorkspaceRoleBinding";
    case GraphKind::ProjectRole: return "ProjectRole";
    case GraphKind::ProjectRoleBinding: return "ProjectRoleBinding";
    case GraphKind::ClusterRole: return "ClusterRole";
    case GraphKind::ClusterRoleBinding: return "ClusterRoleBinding";
    case GraphKind::RoleTemplate: return "RoleTemplate";
    case GraphKind::BuiltinRole: return "BuiltinRole";
    case GraphKind::RoleBase: return "RoleBase";
    case GraphKind::Group: return "Group";
    case GraphKind::GroupBinding: return "GroupBinding";
    case GraphKind::WorkspaceQuota: return "WorkspaceQuota";
    case GraphKind::ResourceQuota: return "ResourceQuota";
    case GraphKind::LimitRange: return "LimitRange";
    case GraphKind::NetworkPolicy: return "NetworkPolicy";
    case GraphKind::NamespaceNetworkPolicy: return "NamespaceNetworkPolicy";
    case GraphKind::Count: break;
    }
    return "Unknown";
}

std::optional<GroupVersionResource> resourceOf(GraphKind kind, const TenancyApi &api)
{
    switch (kind) {
    case GraphKind::Namespace: return TenancyApi::namespaces;
    case GraphKind::ResourceQuota: return TenancyApi::resourceQuota;
    case GraphKind::LimitRange: return TenancyApi::limitRange;
    case GraphKind::NetworkPolicy: return TenancyApi::networkPolicy;
    default: break;
    }
    if (!api.installed())
        return std::nullopt;
    switch (kind) {
    case GraphKind::WorkspaceTemplate: return nonEmpty(api.workspaceTemplate);
    case GraphKind::Workspace: return nonEmpty(api.workspace);
    case GraphKind::Cluster: return kCluster;
    case GraphKind::User: return nonEmpty(api.user);
    case GraphKind::GlobalRole: return nonEmpty(api.globalRole);
    case GraphKind::GlobalRoleBinding: return nonEmpty(api.globalRoleBinding);
    case GraphKind::WorkspaceRole: return nonEmpty(api.workspaceRole);
    case GraphKind::WorkspaceRoleBinding: return nonEmpty(api.workspaceRoleBinding);
    case GraphKind::ProjectRole: return nonEmpty(api.projectRole);
    case GraphKind::ProjectRoleBinding: return nonEmpty(api.projectRoleBinding);
    case GraphKind::ClusterRole: return nonEmpty(api.clusterRole);
    case GraphKind::ClusterRoleBinding: return nonEmpty(api.clusterRoleBinding);
    case GraphKind::RoleTemplate: return nonEmpty(api.roleTemplate);
    case GraphKind::BuiltinRole: return nonEmpty(api.builtinRole);
    case GraphKind::RoleBase: return nonEmpty(api.roleBase);
    case GraphKind::Group: return nonEmpty(api.group);
    case GraphKind::GroupBinding: return nonEmpty(api.groupBinding);
    case GraphKind::WorkspaceQuota: return nonEmpty(api.workspaceQuota);
    case GraphKind::NamespaceNetworkPolicy: return kNamespaceNetworkPolicy;
    default: break;
    }
    return std::nullopt;
}

std::optional<GraphKind> graphKindOf(const nlohmann::json &object, ApiFlavor flavor)
{
    if (!object.is_object())
        return std::nullopt;
    const std::string apiVersion = object.value("apiVersion", std::string());
    const std::string kind = object.value("kind", std::string());
    const std::string group = groupOf(apiVersion);

    if (group.empty() || group == "v1") {
        if (apiVersion != "v1")
            return std::nullopt;
        if (kind == "Namespace") return GraphKind::Namespace;
        if (kind == "ResourceQuota") return GraphKind::ResourceQuota;
        if (kind == "LimitRange") return GraphKind::LimitRange;
        return std::nullopt;
    }
    if (group == "networking.k8s.io")
        return kind == "NetworkPolicy" ? std::optional(GraphKind::NetworkPolicy) : std::nullopt;
    if (group == "network.kubesphere.io")
        return kind == "NamespaceNetworkPolicy" ? std::optional(GraphKind::NamespaceNetworkPolicy) : std::nullopt;
    if (group == "quota.kubesphere.io")
        return kind == "ResourceQuota" ? std::optional(GraphKind::WorkspaceQuota) : std::nullopt;
    if (group == "cluster.kubesphere.io")
        return kind == "Cluster" ? std::optional(GraphKind::Cluster) : std::nullopt;
    if (group == "tenant.kubesphere.io") {
        if (kind == "WorkspaceTemplate") return GraphKind::WorkspaceTemplate;
        if (kind == "Workspace") return GraphKind::Workspace;
        return std::nullopt;
    }
    if (group == "rbac.authorization.k8s.io") {
        // Project and cluster roles are RBAC only in 3.x; in 4.x these are mirrors.
        if (flavor != ApiFlavor::V3)
            return std::nullopt;
        if (kind == "Role") return GraphKind::ProjectRole;
        if (kind == "RoleBinding") return GraphKind::ProjectRoleBinding;
        if (kind == "ClusterRole") return GraphKind::ClusterRole;
        if (kind == "ClusterRoleBinding") return GraphKind::ClusterRoleBinding;
        return std::nullopt;
    }
    if (group == "iam.kubesphere.io") {
        if (kind == "User") return GraphKind::User;
        if (kind == "GlobalRole") return GraphKind::GlobalRole;
        if (kind == "GlobalRoleBinding") return GraphKind::GlobalRoleBinding;
        if (kind == "WorkspaceRole") return GraphKind::WorkspaceRole;
        if (kind == "WorkspaceRoleBinding") return GraphKind::WorkspaceRoleBinding;
        if (kind == "Role") return GraphKind::ProjectRole;
        if (kind == "RoleBinding") return GraphKind::ProjectRoleBinding;
        if (kind == "ClusterRole") return GraphKind::ClusterRole;
        if (kind == "ClusterRoleBinding") return GraphKind::ClusterRoleBinding;
        if (kind == "RoleTemplate") return GraphKind::RoleTemplate;
        if (kind == "BuiltinRole") return GraphKind::BuiltinRole;
        if (kind == "RoleBase") return GraphKind::RoleBase;
        if (kind == "Group") return GraphKind::Group;
        if (kind == "GroupBinding") return GraphKind::GroupBinding;
        return std::nullopt;
    }
    return std::nullopt;
}

bool isBindingKind(GraphKind kind)
{
    return kind == GraphKind::GlobalRoleBinding || kind == GraphKind::WorkspaceRoleBinding
        || kind == GraphKind::ProjectRoleBinding || kind == GraphKind::ClusterRoleBinding;
}

bool isRoleKind(GraphKind kind)
{
    return kind == GraphKind::GlobalRole || kind == GraphKind::WorkspaceRole || kind == GraphKind::ProjectRole
        || kind == GraphKind::ClusterRole;
}

} // namespace kube::tenancy
