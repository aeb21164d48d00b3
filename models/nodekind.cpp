// Names and titles of node kinds. Section titles double as path segments of --select
// ("dev/Workspaces/ws1/p1"), so they are not translated.
#include "models/nodekind.h"

QString toString(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Cluster: return QStringLiteral("cluster");
    case NodeKind::Platform: return QStringLiteral("platform");
    case NodeKind::Users: return QStringLiteral("users");
    case NodeKind::PlatformRoles: return QStringLiteral("platform-roles");
    case NodeKind::ClusterRoles: return QStringLiteral("cluster-roles");
    case NodeKind::Workspaces: return QStringLiteral("workspaces");
    case NodeKind::OrphanProjects: return QStringLiteral("projects-without-workspace");
    case NodeKind::ReachableProjects: return QStringLiteral("reachable-projects");
    case NodeKind::NothingReachable: return QStringLiteral("nothing-reachable");
    case NodeKind::Workspace: return QStringLiteral("workspace");
    case NodeKind::Project: return QStringLiteral("project");
    case NodeKind::User: return QStringLiteral("user");
    case NodeKind::PlatformRole: return QStringLiteral("platform-role");
    case NodeKind::ClusterRole: return QStringLiteral("cluster-role");
    }
    return {};
}

QString sectionTitle(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Platform: return QStringLiteral("Platform");
    case NodeKind::Users: return QStringLiteral("Users");
    case NodeKind::PlatformRoles: return QStringLiteral("Platform roles");
    case NodeKind::ClusterRoles: return QStringLiteral("Cluster roles");
    case NodeKind::Workspaces: return QStringLiteral("Workspaces");
    case NodeKind::OrphanProjects: return QStringLiteral("Projects without workspace");
    case NodeKind::ReachableProjects: return QStringLiteral("Reachable projects");
    case NodeKind::NothingReachable: return QStringLiteral("Nothing reachable");
    default: return {};
    }
}

bool isSection(NodeKind kind) { return !sectionTitle(kind).isEmpty(); }
