// The planner facade: each operation goes to its family, then the standalone reach objects
// follow from the plan's membership changes in one place instead of in every operation.
#include "kubeclient/tenancy/plan/planner.h"

#include "kubeclient/tenancy/plan/clientplanreader.h"
#include "kubeclient/tenancy/plan/memberplans.h"
#include "kubeclient/tenancy/plan/projectplans.h"
#include "kubeclient/tenancy/plan/quotaplans.h"
#include "kubeclient/tenancy/plan/reachwrites.h"
#include "kubeclient/tenancy/plan/repairplans.h"
#include "kubeclient/tenancy/plan/roleplans.h"
#include "kubeclient/tenancy/plan/rolecomposer.h"
#include "kubeclient/tenancy/plan/userplans.h"
#include "kubeclient/tenancy/plan/workspaceplans.h"
#include "kubeclient/tenancy/install/handover.h"

namespace kube::tenancy {

Planner::Planner(Client &client, ClusterTenancy tenancy, std::string actor)
    : m_ownReader(std::make_unique<ClientPlanReader>(client))
    , m_context(*m_ownReader, std::move(tenancy), std::move(actor))
{
}

Planner::Planner(PlanReader &reader, ClusterTenancy tenancy, std::string actor)
    : m_context(reader, std::move(tenancy), std::move(actor))
{
}

Planner::~Planner() = default;

Result<Plan> Planner::withReach(Result<Plan> plan) const
{
    if (!plan)
        return plan;
    if (auto r = ReachWrites(m_context).complete(*plan); !r)
        return r.error();
    return plan;
}

Result<Plan> Planner::withDeleteReview(Result<Plan> plan) const
{
    if (!plan)
        return plan;
    if (auto r = FinalizerPlans(m_context).review(*plan, m_finalizerPolicy); !r)
        return r.error();
    return plan;
}

Result<Plan> Planner::createWorkspace(const WorkspaceSpec &spec)
{
    return withReach(WorkspacePlans(m_context).create(spec));
}

Result<Plan> Planner::editWorkspace(const WorkspaceSpec &spec)
{
    return withReach(WorkspacePlans(m_context).edit(spec));
}

Result<Plan> Planner::deleteWorkspace(const std::string &name, const std::string &propagation)
{
    return withDeleteReview(withReach(WorkspacePlans(m_context).remove(name, propagation)));
}

Result<Plan> Planner::createProject(const ProjectSpec &spec)
{
    return withReach(ProjectPlans(m_context).create(spec));
}

Result<Plan> Planner::deleteProject(const std::string &name)
{
    return withDeleteReview(withReach(ProjectPlans(m_context).remove(name)));
}

Result<Plan> Planner::moveProject(const std::string &name, const std::string &workspace)
{
    return withDeleteReview(withReach(ProjectPlans(m_context).move(name, workspace)));
}

Result<Plan> Planner::editProject(const ProjectSpec &spec)
{
    return ProjectPlans(m_context).edit(spec);
}

Result<Plan> Planner::createUser(const UserSpec &spec, const std::string &platformRole)
{
    return UserPlans(m_context).create(spec, platformRole);
}

Result<Plan> Planner::editUser(const UserSpec &spec)
{
    return UserPlans(m_context).edit(spec);
}

Result<Plan> Planner::setUserEnabled(const std::string &name, bool enabled)
{
    return UserPlans(m_context).setEnabled(name, enabled);
}

Result<Plan> Planner::deleteUser(const std::string &name)
{
    return withDeleteReview(withReach(UserPlans(m_context).remove(name)));
}

Result<Plan> Planner::setPlatformRole(const std::string &user, const std::string &role)
{
    return withDeleteReview(UserPlans(m_context).setPlatformRole(user, role));
}

Result<Plan> Planner::setMember(const MemberScope &scope, const std::string &user, const std::string &role)
{
    if (scope.level == RoleSpec::Level::Platform)
        return setPlatformRole(user, role);
    return withDeleteReview(withReach(MemberPlans(m_context).set(scope, user, role)));
}

Result<Plan> Planner::removeMember(const MemberScope &scope, const std::string &user)
{
    return withDeleteReview(withReach(MemberPlans(m_context).remove(scope, user)));
}

Result<Plan> Planner::changeMembers(const std::vector<MemberChange> &changes)
{
    return withDeleteReview(withReach(MemberPlans(m_context).change(changes)));
}

Result<Plan> Planner::saveRole(const RoleSpec &spec, bool create)
{
    return RolePlans(m_context).save(spec, create);
}

Result<Plan> Planner::deleteRole(const RoleSpec &spec)
{
    return withDeleteReview(RolePlans(m_context).remove(spec));
}

Result<Plan> Planner::repair()
{
    return RepairPlans(m_context).repair();
}

// --- hand-over to KubeSphere ---

Result<HandoverPlan> Planner::handover(const HandoverOptions &options)
{
    return Handover(m_context).plan(options);
}

// --- network ---

Result<Plan> Planner::setIsolation(IsolationScope scope, const std::string &name, bool on, const IsolationOptions &options)
{
    return NetworkPlans(m_context).setIsolation(scope, name, on, options);
}

Result<Plan> Planner::saveNetworkPolicy(const nlohmann::json &policy, bool create)
{
    return NetworkPlans(m_context).savePolicy(policy, create);
}

Result<Plan> Planner::deleteNetworkPolicy(const std::string &ns, const std::string &name)
{
    return NetworkPlans(m_context).removePolicy(ns, name);
}

Result<nlohmann::json> Planner::composeRules(const RoleSpec &spec)
{
    return RoleComposer(m_context).composeRules(spec);
}

// --- Quotas and container defaults ---

Result<Plan> Planner::setQuota(const QuotaSpec &spec)
{
    return QuotaPlans(m_context).setQuota(spec);
}

Result<Plan> Planner::removeQuota(QuotaLevel level, const std::string &target, const std::vector<std::string> &keys)
{
    return withDeleteReview(QuotaPlans(m_context).removeQuota(level, target, keys));
}

Result<Plan> Planner::setLimits(const LimitsSpec &spec)
{
    return QuotaPlans(m_context).setLimits(spec);
}

Result<Plan> Planner::removeLimits(const std::string &project)
{
    return QuotaPlans(m_context).removeLimits(project);
}

Result<BudgetInput> Planner::quotaBudgetInput(const std::string &workspace)
{
    return QuotaPlans(m_context).budgetOf(workspace);
}

// --- finalizers and deletion protection ---

Result<Plan> Planner::releaseStuckFinalizers(const std::vector<ObjectRef> &only)
{
    return FinalizerPlans(m_context).releaseStuck(only);
}

Result<Plan> Planner::releaseStuckFinalizers(PlanTarget target, const std::string &name)
{
    const FinalizerPlans plans(m_context);
    return plans.releaseStuck(plans.objectsOf(target, name));
}

} // namespace kube::tenancy
