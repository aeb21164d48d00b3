// TenancyOperations: each operation captures its arguments by value, because the PlanRunner
// calls it later on a worker thread, long after the form that produced them may have changed.
#include "models/tenancyoperations.h"

using namespace kube;
using namespace kube::tenancy;

TenancyOperations::Operation TenancyOperations::createWorkspace(WorkspaceSpec spec)
{
    return [spec = std::move(spec)](Planner &planner) { return planner.createWorkspace(spec); };
}

TenancyOperations::Operation TenancyOperations::editWorkspace(WorkspaceSpec spec)
{
    return [spec = std::move(spec)](Planner &planner) { return planner.editWorkspace(spec); };
}

TenancyOperations::Operation TenancyOperations::deleteWorkspace(std::string name, std::string propagation)
{
    return [name = std::move(name), propagation = std::move(propagation)](Planner &planner) {
        return planner.deleteWorkspace(name, propagation);
    };
}

TenancyOperations::Operation TenancyOperations::createProject(ProjectSpec spec)
{
    return [spec = std::move(spec)](Planner &planner) { return planner.createProject(spec); };
}

TenancyOperations::Operation TenancyOperations::deleteProject(std::string name)
{
    return [name = std::move(name)](Planner &planner) { return planner.deleteProject(name); };
}

TenancyOperations::Operation TenancyOperations::createUser(UserSpec spec, std::string platformRole)
{
    return [spec = std::move(spec), role = std::move(platformRole)](Planner &planner) {
        return planner.createUser(spec, role);
    };
}

TenancyOperations::Operation TenancyOperations::editUser(UserSpec spec, std::string newPlatformRole)
{
    return [spec = std::move(spec), role = std::move(newPlatformRole)](Planner &planner) -> Result<Plan> {
        auto plan = planner.editUser(spec);
        if (!plan || role.empty())
            return plan;
        auto rolePlan = planner.setPlatformRole(spec.name, role);
        if (!rolePlan)
            return rolePlan.error();
        for (auto &w : rolePlan->writes)
            plan->writes.push_back(std::move(w));
        for (auto &n : rolePlan->notes)
            plan->notes.push_back(std::move(n));
        plan->title += " and set platform role " + role;
        return plan;
    };
}

TenancyOperations::Operation TenancyOperations::setUserEnabled(std::string name, bool enabled)
{
    return [name = std::move(name), enabled](Planner &planner) { return planner.setUserEnabled(name, enabled); };
}

TenancyOperations::Operation TenancyOperations::deleteUser(std::string name)
{
    return [name = std::move(name)](Planner &planner) { return planner.deleteUser(name); };
}

TenancyOperations::Operation TenancyOperations::saveRole(RoleSpec spec, bool create)
{
    return [spec = std::move(spec), create](Planner &planner) { return planner.saveRole(spec, create); };
}

TenancyOperations::Operation TenancyOperations::deleteRole(RoleSpec spec)
{
    return [spec = std::move(spec)](Planner &planner) { return planner.deleteRole(spec); };
}
