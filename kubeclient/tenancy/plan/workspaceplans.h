// Plans of the workspace family: create (with the controllers' Workspace, built-in roles and
// manager binding in standalone mode), edit, and delete with the projects kept or removed.
#pragma once

#include "kubeclient/tenancy/plan/plancontext.h"
#include "kubeclient/tenancy/plan/rolecomposer.h"
#include "kubeclient/tenancy/plan/tenancywrites.h"

namespace kube::tenancy {

class WorkspacePlans
{
public:
    explicit WorkspacePlans(const PlanContext &context);

    Result<Plan> create(const WorkspaceSpec &spec) const;
    Result<Plan> edit(const WorkspaceSpec &spec) const;
    // propagation: Orphan (default: projects stay, unlabelled), Foreground or Background (deleted).
    Result<Plan> remove(const std::string &name, const std::string &propagation) const;

private:
    Result<void> addStandaloneDelete(Plan &plan, const std::string &name, bool deleteProjects,
                                     const std::string &propagation) const;

    const PlanContext &m_context;
    RoleComposer m_roles;
    TenancyWrites m_writes;
};

} // namespace kube::tenancy
