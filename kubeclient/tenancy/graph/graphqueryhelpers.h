// Helpers shared by the GraphSnapshot query files (not part of the public API): built-in
// role names, index bucket iteration and the role kind of a level.
#pragma once

#include "kubeclient/tenancy/graph/graphkind.h"
#include "kubeclient/tenancy/graph/graphrecords.h"
#include "kubeclient/tenancy/graph/graphstate.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

namespace kube::tenancy::graphquery {

// Built-in role names (spec 6.1-6.4), used even when no BuiltinRole/RoleBase is wired.
constexpr std::array<const char *, 9> kBuiltinGlobalRoles = {
    "platform-admin", "platform-regular", "platform-self-provisioner", "authenticated", "anonymous",
    "pre-registration", "ks-console", "users-manager", "workspaces-manager"};
constexpr std::array<const char *, 2> kBuiltinClusterRoles = {"cluster-admin", "cluster-viewer"};
constexpr std::array<const char *, 4> kBuiltinWorkspaceRoles = {"admin", "regular", "self-provisioner", "viewer"};
constexpr std::array<const char *, 3> kBuiltinProjectRoles = {"admin", "operator", "viewer"};

template <std::size_t N>
bool among(const std::array<const char *, N> &names, const std::string &name)
{
    return std::any_of(names.begin(), names.end(), [&](const char *n) { return name == n; });
}

// Members of one bucket of an index, in order.
template <typename F>
void forEachInBucket(const GraphState &state, GraphIndex index, const std::string &bucket, F &&visit)
{
    const std::string prefix = graphkey::join(bucket, "");
    state.index(index).forEachWithPrefix(prefix, [&](std::string_view key, const GraphUnit &) {
        visit(std::string_view(key).substr(prefix.size()));
        return true;
    });
}

inline std::string namespacePrefix(const std::string &ns) { return ns + "/"; }

inline GraphKind roleKindOf(RoleLevel level)
{
    switch (level) {
    case RoleLevel::Platform: return GraphKind::GlobalRole;
    case RoleLevel::Cluster: return GraphKind::ClusterRole;
    case RoleLevel::Workspace: return GraphKind::WorkspaceRole;
    case RoleLevel::Project: return GraphKind::ProjectRole;
    }
    return GraphKind::GlobalRole;
}

} // namespace kube::tenancy::graphquery
