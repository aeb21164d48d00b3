// Where a membership lives: the platform, the cluster, a workspace or a project. Shared by the
// member operations, the user operations that remove bindings, and their callers.
#pragma once

#include "kubeclient/tenancy/plan/objectfactory.h"

#include <string>

namespace kube::tenancy {

struct MemberScope {
    RoleSpec::Level level = RoleSpec::Level::Project;
    std::string name;  // workspace or namespace; empty for Platform / Cluster

    static MemberScope workspace(std::string ws) { return {RoleSpec::Level::Workspace, std::move(ws)}; }
    static MemberScope project(std::string ns) { return {RoleSpec::Level::Project, std::move(ns)}; }
    static MemberScope cluster() { return {RoleSpec::Level::Cluster, {}}; }
    std::string describe() const;
};

} // namespace kube::tenancy
