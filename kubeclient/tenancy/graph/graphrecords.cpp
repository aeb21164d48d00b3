// Names of the tenancy graph's record enums, for logs, tests and the CLI.
#include "kubeclient/tenancy/graph/graphrecords.h"

namespace kube::tenancy {

const char *toString(RoleLevel level)
{
    switch (level) {
    case RoleLevel::Platform: return "platform";
    case RoleLevel::Cluster: return "cluster";
    case RoleLevel::Workspace: return "workspace";
    case RoleLevel::Project: return "project";
    }
    return "unknown";
}

const char *scopeOf(RoleLevel level)
{
    switch (level) {
    case RoleLevel::Platform: return "global";
    case RoleLevel::Cluster: return "cluster";
    case RoleLevel::Workspace: return "workspace";
    case RoleLevel::Project: return "namespace";
    }
    return "";
}

const char *toString(BindingMatch match)
{
    switch (match) {
    case BindingMatch::Subject: return "subject";
    case BindingMatch::UserRefLabel: return "user-ref label";
    case BindingMatch::Group: return "group";
    }
    return "unknown";
}

const char *toString(DriftKind kind)
{
    switch (kind) {
    case DriftKind::BindingWithoutUserRef: return "BindingWithoutUserRef";
    case DriftKind::BindingUserRefMismatch: return "BindingUserRefMismatch";
    case DriftKind::BindingWithoutGroupRef: return "BindingWithoutGroupRef";
    case DriftKind::BindingRoleMissing: return "BindingRoleMissing";
    case DriftKind::BindingUserMissing: return "BindingUserMissing";
    case DriftKind::WorkspaceRoleWithoutWorkspace: return "WorkspaceRoleWithoutWorkspace";
    case DriftKind::WorkspaceBindingWithoutWorkspace: return "WorkspaceBindingWithoutWorkspace";
    case DriftKind::WorkspaceBindingWorkspaceMismatch: return "WorkspaceBindingWorkspaceMismatch";
    case DriftKind::WorkspaceMissing: return "WorkspaceMissing";
    case DriftKind::NamespaceWorkspaceMissing: return "NamespaceWorkspaceMissing";
    case DriftKind::MultiplePlatformRoles: return "MultiplePlatformRoles";
    case DriftKind::PlatformRoleAnnotationMismatch: return "PlatformRoleAnnotationMismatch";
    case DriftKind::TemplateMissing: return "TemplateMissing";
    case DriftKind::ManagerBindingMissing: return "ManagerBindingMissing";
    }
    return "unknown";
}

} // namespace kube::tenancy
