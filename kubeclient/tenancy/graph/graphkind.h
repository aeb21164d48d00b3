// The kinds of object the tenancy graph is fed with, one Store each, and how each maps to a
// resource of the cluster's API flavour (project and cluster roles are RBAC in 3.x).
#pragma once

#include "kubeclient/api/resource.h"
#include "kubeclient/kubesphere/tenancyapi.h"

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <optional>

namespace kube::tenancy {

enum class GraphKind {
    Namespace,               // projects (v1 Namespace)
    WorkspaceTemplate,       // host-side workspace definition
    Workspace,               // per-cluster workspace
    Cluster,                 // cluster.kubesphere.io Cluster, to resolve placement selectors
    User,
    GlobalRole,
    GlobalRoleBinding,
    WorkspaceRole,
    WorkspaceRoleBinding,
    ProjectRole,             // iam v1beta1 Role (4.x) / rbac Role (3.x)
    ProjectRoleBinding,      // iam v1beta1 RoleBinding (4.x) / rbac RoleBinding (3.x)
    ClusterRole,             // iam v1beta1 ClusterRole (4.x) / rbac ClusterRole (3.x)
    ClusterRoleBinding,
    RoleTemplate,            // 4.x
    BuiltinRole,             // 4.x
    RoleBase,                // 3.x
    Group,
    GroupBinding,
    WorkspaceQuota,          // quota.kubesphere.io ResourceQuota
    ResourceQuota,           // core, per project
    LimitRange,
    NetworkPolicy,           // networking.k8s.io
    NamespaceNetworkPolicy,  // network.kubesphere.io (3.x core, 4.x network extension)
    Count
};

inline constexpr std::size_t kGraphKindCount = static_cast<std::size_t>(GraphKind::Count);

inline constexpr std::size_t indexOf(GraphKind kind) { return static_cast<std::size_t>(kind); }

const char *toString(GraphKind kind);

// The resource to list/watch for a kind in a flavour; nullopt when that flavour has none
// (RoleTemplate in 3.x, RoleBase in 4.x, anything when the tenancy API is not installed,
// except the core kinds).
std::optional<GroupVersionResource> resourceOf(GraphKind kind, const TenancyApi &api);

// The kind an object read from a cluster (or a manifest) belongs to, from its apiVersion and
// kind. In 4.x a plain RBAC Role/RoleBinding/ClusterRole(Binding) is a controller mirror
// ("kubesphere:iam:*") or unrelated RBAC, not a tenancy object: nullopt.
std::optional<GraphKind> graphKindOf(const nlohmann::json &object, ApiFlavor flavor);

bool isBindingKind(GraphKind kind);
bool isRoleKind(GraphKind kind);

} // namespace kube::tenancy
