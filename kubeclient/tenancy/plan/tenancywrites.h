// Writes that several operation families share: a workspace role or binding with its RBAC
// projections, the setup of a project inside a workspace (built-in roles, creator, workspace
// grants), and the removal of a user's bindings.
#pragma once

#include "kubeclient/tenancy/plan/memberscope.h"
#include "kubeclient/tenancy/plan/plancontext.h"
#include "kubeclient/tenancy/plan/rolecomposer.h"

namespace kube::tenancy {

class TenancyWrites
{
public:
    explicit TenancyWrites(const PlanContext &context);

    // The role, and in standalone mode its RBAC projection.
    void addWorkspaceRole(Plan &plan, const nlohmann::json &role) const;
    // The binding, and in standalone mode its grant inside each of the projects.
    void addWorkspaceBinding(Plan &plan, const nlohmann::json &binding, const std::vector<std::string> &projects) const;
    // Standalone: what the controllers do for a namespace entering a workspace. `creator` ""
    // skips the creator binding (a moved project keeps its creator).
    Result<void> addProjectSetup(Plan &plan, const nlohmann::json &ns, const std::string &creator) const;
    // Deletes of the user's bindings (all, or those of one scope) and of their RBAC copies.
    Result<void> addUserBindingRemovals(Plan &plan, const std::string &user, const MemberScope *onlyScope) const;

private:
    const PlanContext &m_context;
    RoleComposer m_roles;
};

} // namespace kube::tenancy
