// Plans of the project family: create (a namespace, plus the namespace controller's roles,
// creator binding and workspace grants in standalone mode), delete, move to a workspace, and
// edit its alias and description.
#pragma once

#include "kubeclient/tenancy/plan/plancontext.h"
#include "kubeclient/tenancy/plan/tenancywrites.h"

namespace kube::tenancy {

class ProjectPlans
{
public:
    explicit ProjectPlans(const PlanContext &context);

    Result<Plan> create(const ProjectSpec &spec) const;
    Result<Plan> remove(const std::string &name) const;
    // `workspace` "": the project leaves its workspace (stays a plain namespace).
    Result<Plan> move(const std::string &name, const std::string &workspace) const;
    // Alias and description of an existing project; nothing else of the namespace is touched.
    Result<Plan> edit(const ProjectSpec &spec) const;

    // A project losing its workspace label (moved out, or its workspace deleted with the projects
    // kept): the label patch (`reason`; a side effect when it stands in for a controller) and,
    // in standalone mode, what KubeSphere's namespace controller and Tenantry's own projections
    // leave behind: the workspace's grants, in 4.x every iam Role and RoleBinding of the project
    // with their RBAC mirrors (spec 8.3), and its isolation policy.
    Result<void> addLeaveWorkspace(Plan &plan, const nlohmann::json &ns, const std::string &reason,
                                   bool sideEffect = false) const;
    // What losing the workspace label does to access in this flavour and mode, for plan notes.
    std::string leaveWorkspaceNote() const;

private:
    const PlanContext &m_context;
    TenancyWrites m_writes;
};

} // namespace kube::tenancy
