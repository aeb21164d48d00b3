// Where a membership lives: the platform, the cluster, a workspace or a project. Shared by the
// member operations, the user operations that remove bindings, and their callers.
#pragma once

#include "kubeclient/tenancy/plan/objectfactory.h"

#include <string>
#include <vector>

namespace kube::tenancy {

struct MemberScope {
    RoleSpec::Level level = RoleSpec::Level::Project;
    std::string name;  // workspace or namespace; empty for Platform / Cluster

    static MemberScope workspace(std::string ws) { return {RoleSpec::Level::Workspace, std::move(ws)}; }
    static MemberScope project(std::string ns) { return {RoleSpec::Level::Project, std::move(ns)}; }
    static MemberScope cluster() { return {RoleSpec::Level::Cluster, {}}; }
    std::string describe() const;
    bool operator==(const MemberScope &other) const = default;
};

// One step of a batch of membership changes (a dialog's selected users, a project membership
// with the workspace membership KubeSphere needs first).
struct MemberChange {
    MemberScope scope;
    std::string user;
    std::string role;  // "" removes the user from the scope
    // Skip the step when the user already has a role in the scope, whatever it is: joining a
    // workspace for a project's sake must never demote its admin.
    bool onlyIfNotMember = false;
};

} // namespace kube::tenancy
