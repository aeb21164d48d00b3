// Turns a tenancy operation into a Plan after validating it against the cluster's current
// state. In KubeSphere mode a plan holds exactly what the console would write; in standalone
// mode it also holds the controllers' side effects (spec section 8), the RBAC projections that
// make kube-apiserver enforce project and workspace roles, and each user's reach objects.
// The operations live by family (workspaceplans, projectplans, userplans, memberplans,
// roleplans, repairplans); this facade keeps one entry point for the app and tenantryctl.
#pragma once

#include "kubeclient/api/client.h"
#include "kubeclient/kubesphere/mode.h"
#include "kubeclient/tenancy/plan/finalizerplans.h"
#include "kubeclient/tenancy/plan/memberscope.h"
#include "kubeclient/tenancy/plan/networkplans.h"
#include "kubeclient/tenancy/plan/objectfactory.h"
#include "kubeclient/tenancy/plan/plan.h"
#include "kubeclient/tenancy/plan/plancontext.h"
#include "kubeclient/tenancy/plan/planreader.h"
#include "kubeclient/tenancy/plan/quotaplans.h"

#include <memory>
#include <string>

namespace kube::tenancy {

// Hand-over to KubeSphere (tenancy/install/handover.h).
struct HandoverOptions;
struct HandoverPlan;

class Planner
{
public:
    // Reads the cluster through the client. `actor` is recorded as kubesphere.io/creator.
    Planner(Client &client, ClusterTenancy tenancy, std::string actor);
    // Reads through any PlanReader (a fixture in tests, a snapshot); it must outlive the planner.
    Planner(PlanReader &reader, ClusterTenancy tenancy, std::string actor);
    ~Planner();
    Planner(const Planner &) = delete;
    Planner &operator=(const Planner &) = delete;

    const ClusterTenancy &tenancy() const { return m_context.tenancy(); }
    const ObjectFactory &factory() const { return m_context.factory(); }
    // The time plans stamp into status and annotations (PlanContext::now); tests fix it.
    void setClock(PlanContext::Clock clock) { m_context.setClock(std::move(clock)); }

    Result<Plan> createWorkspace(const WorkspaceSpec &spec);
    Result<Plan> editWorkspace(const WorkspaceSpec &spec);
    // propagation: Orphan (default: projects stay, unlabelled), Foreground or Background (deleted).
    Result<Plan> deleteWorkspace(const std::string &name, const std::string &propagation = {});

    Result<Plan> createProject(const ProjectSpec &spec);
    Result<Plan> deleteProject(const std::string &name);
    Result<Plan> moveProject(const std::string &name, const std::string &workspace);
    // Alias and description only (empty removes them); spec.workspace is ignored (moveProject).
    Result<Plan> editProject(const ProjectSpec &spec);

    Result<Plan> createUser(const UserSpec &spec, const std::string &platformRole = {});
    Result<Plan> editUser(const UserSpec &spec);
    Result<Plan> setUserEnabled(const std::string &name, bool enabled);
    Result<Plan> deleteUser(const std::string &name);
    Result<Plan> setPlatformRole(const std::string &user, const std::string &role);

    // role: short name for workspaces ("viewer" or the full "ws1-viewer"), role name for
    // projects and clusters. One binding per user per scope: others of the user are removed.
    Result<Plan> setMember(const MemberScope &scope, const std::string &user, const std::string &role);
    Result<Plan> removeMember(const MemberScope &scope, const std::string &user);
    // Several membership changes as one plan (each user's reach follows the whole plan once,
    // so a workspace join and a project membership of the same user agree).
    Result<Plan> changeMembers(const std::vector<MemberChange> &changes);

    Result<Plan> saveRole(const RoleSpec &spec, bool create);
    Result<Plan> deleteRole(const RoleSpec &spec);

    // Standalone: everything the controllers would have made that is missing or stale.
    Result<Plan> repair();

    // --- network (networkplans) ---
    // Isolation of a workspace or a project (KubeSphere mode: the field or annotation its network
    // controller reads; standalone: also the NetworkPolicies that controller would write).
    Result<Plan> setIsolation(IsolationScope scope, const std::string &name, bool on,
                              const IsolationOptions &options = {});
    // A user NetworkPolicy as JSON, validated as the API server would (kube::net::validateNetworkPolicy).
    Result<Plan> saveNetworkPolicy(const nlohmann::json &policy, bool create);
    Result<Plan> deleteNetworkPolicy(const std::string &ns, const std::string &name);

    // The rules a role ends with once templates are composed, as the controller would (4.x:
    // own rules plus uncovered template rules; 3.x: the union of the templates).
    Result<nlohmann::json> composeRules(const RoleSpec &spec);

    // --- Quotas and container defaults (quotaplans) ---
    // Sets (merges, or with spec.replace replaces) a workspace or project quota's hard limits;
    // the plan warns, with the numbers, when the workspace budget would be exceeded.
    Result<Plan> setQuota(const QuotaSpec &spec);
    // No keys: delete the quota object; else remove those keys from its hard limits.
    Result<Plan> removeQuota(QuotaLevel level, const std::string &target, const std::vector<std::string> &keys = {});
    // A LimitRange item (type Container: default, defaultRequest, min, max; type Pod: min, max).
    Result<Plan> setLimits(const LimitsSpec &spec);
    Result<Plan> removeLimits(const std::string &project);
    // A workspace's quota figures as the planner reads them (for the budget check).
    Result<BudgetInput> quotaBudgetInput(const std::string &workspace);

    // --- Hand-over to KubeSphere (tenancy/install/handover) ---
    // Prepare (standalone) or finish (KubeSphere mode) `helm install ks-core` on this cluster.
    Result<HandoverPlan> handover(const HandoverOptions &options);
    // --- finalizers and deletion protection (finalizerplans) ---
    // How plans that delete treat KubeSphere finalizers no controller will release: keep them
    // (default; the plan warns and lists the objects in Plan::heldByFinalizers) or remove them
    // before the delete. A delete of a kubesphere.io/protected-resource object is refused always.
    void setFinalizerPolicy(FinalizerPolicy policy) { m_finalizerPolicy = policy; }
    FinalizerPolicy finalizerPolicy() const { return m_finalizerPolicy; }
    // Objects stuck in deletion on KubeSphere finalizers: every tenancy kind, or just `only`.
    Result<Plan> releaseStuckFinalizers(const std::vector<ObjectRef> &only = {});
    // Those of one workspace (its template and Workspace), project or user.
    Result<Plan> releaseStuckFinalizers(PlanTarget target, const std::string &name);

private:
    // Standalone: a plan that changes memberships also keeps each user's reach in step.
    Result<Plan> withReach(Result<Plan> plan) const;
    // Protection and KubeSphere finalizers over the plan's deletes (FinalizerPlans::review).
    Result<Plan> withDeleteReview(Result<Plan> plan) const;
    FinalizerPolicy m_finalizerPolicy = FinalizerPolicy::Keep;

    std::unique_ptr<PlanReader> m_ownReader;
    PlanContext m_context;
};

} // namespace kube::tenancy
