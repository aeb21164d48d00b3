// The kinds of node in the tenancy tree. Stored by name in settings and used by the views
// to decide which actions and detail tabs apply.
#pragma once

#include <QString>

enum class NodeKind {
    Cluster,
    Platform,
    Users,
    PlatformRoles,
    ClusterRoles,
    Workspaces,
    OrphanProjects,     // "Projects without workspace"
    ReachableProjects,  // namespaces a restricted identity can reach but not list
    NothingReachable,   // a placeholder: no project is reachable; activating it pins namespaces
    Workspace,
    Project,
    User,
    PlatformRole,
    ClusterRole,
};

QString toString(NodeKind kind);
// The fixed title of a section node ("Users", "Workspaces"...), also its path segment.
QString sectionTitle(NodeKind kind);
bool isSection(NodeKind kind);
