// TenancyOperations: each operation captures its arguments by value, because the PlanRunner
// calls it later on a worker thread, long after the form that produced them may have changed.
#include "models/tenancyoperations.h"

#include "kubeclient/tenancy/install/handover.h"

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

// --- Members, edit project, move project ---

namespace {
// A user deleted since the dialog read the list: say so where the user can act on it.
Result<Plan> explainMissingUser(Result<Plan> plan)
{
    if (!plan && plan.error().kind == ErrorKind::Invalid && plan.error().where == "user") {
        Error e = plan.error();
        e.hint = "It may have been deleted since this list was read: untick it and try again.";
        return e;
    }
    return plan;
}
} // namespace

TenancyOperations::Operation TenancyOperations::setMembers(MemberScope scope, std::vector<std::string> users,
                                                           std::string role, std::string joinWorkspace,
                                                           std::string joinRole)
{
    return [scope = std::move(scope), users = std::move(users), role = std::move(role),
            joinWorkspace = std::move(joinWorkspace), joinRole = std::move(joinRole)](Planner &planner) {
        std::vector<MemberChange> changes;
        // KubeSphere's order: the workspace membership first, then the project's.
        if (!joinWorkspace.empty() && !joinRole.empty())
            for (const auto &u : users)
                changes.push_back({MemberScope::workspace(joinWorkspace), u, joinRole, true});
        for (const auto &u : users)
            changes.push_back({scope, u, role, false});
        return explainMissingUser(planner.changeMembers(changes));
    };
}

TenancyOperations::Operation TenancyOperations::removeMembers(MemberScope scope, std::vector<std::string> users)
{
    return [scope = std::move(scope), users = std::move(users)](Planner &planner) {
        std::vector<MemberChange> changes;
        for (const auto &u : users)
            changes.push_back({scope, u, {}, false});
        return planner.changeMembers(changes);
    };
}

TenancyOperations::Operation TenancyOperations::editProject(ProjectSpec spec)
{
    return [spec = std::move(spec)](Planner &planner) { return planner.editProject(spec); };
}

TenancyOperations::Operation TenancyOperations::moveProject(std::string name, std::string workspace)
{
    return [name = std::move(name), workspace = std::move(workspace)](Planner &planner) {
        return planner.moveProject(name, workspace);
    };
}

TenancyOperations::Operation TenancyOperations::saveRole(RoleSpec spec, bool create)
{
    return [spec = std::move(spec), create](Planner &planner) { return planner.saveRole(spec, create); };
}

TenancyOperations::Operation TenancyOperations::deleteRole(RoleSpec spec)
{
    return [spec = std::move(spec)](Planner &planner) { return planner.deleteRole(spec); };
}

// --- Quotas and container defaults ---

TenancyOperations::Operation TenancyOperations::setQuota(QuotaSpec spec)
{
    return [spec = std::move(spec)](Planner &planner) { return planner.setQuota(spec); };
}

TenancyOperations::Operation TenancyOperations::removeQuota(QuotaLevel level, std::string target, std::vector<std::string> keys)
{
    return [level, target = std::move(target), keys = std::move(keys)](Planner &planner) {
        return planner.removeQuota(level, target, keys);
    };
}

TenancyOperations::Operation TenancyOperations::setLimits(LimitsSpec spec)
{
    return [spec = std::move(spec)](Planner &planner) { return planner.setLimits(spec); };
}

TenancyOperations::Operation TenancyOperations::removeLimits(std::string project)
{
    return [project = std::move(project)](Planner &planner) { return planner.removeLimits(project); };
}

// --- Network ---

TenancyOperations::Operation TenancyOperations::setIsolation(IsolationScope scope, std::string name, bool on)
{
    return [scope, name = std::move(name), on](Planner &planner) { return planner.setIsolation(scope, name, on); };
}

TenancyOperations::Operation TenancyOperations::saveNetworkPolicy(nlohmann::json policy, bool create)
{
    return [policy = std::move(policy), create](Planner &planner) { return planner.saveNetworkPolicy(policy, create); };
}

TenancyOperations::Operation TenancyOperations::deleteNetworkPolicy(std::string ns, std::string name)
{
    return [ns = std::move(ns), name = std::move(name)](Planner &planner) { return planner.deleteNetworkPolicy(ns, name); };
}

// --- Hand-over to KubeSphere ---

TenancyOperations::Operation TenancyOperations::handover(bool finish, bool adoptExisting)
{
    return [finish, adoptExisting](Planner &planner) -> Result<Plan> {
        HandoverOptions options;
        options.phase = finish ? HandoverPhase::Finish : HandoverPhase::Prepare;
        options.adoptExisting = adoptExisting && !finish;
        auto planned = planner.handover(options);
        if (!planned)
            return planned.error();
        return std::move(planned->plan);
    };
}

// --- finalizers ---

TenancyOperations::Operation TenancyOperations::releaseFinalizers(PlanTarget target, std::string name)
{
    return [target, name = std::move(name)](Planner &planner) { return planner.releaseStuckFinalizers(target, name); };
}
