// The one place the GUI names the tenancy engine's operations: a form's spec (or a node's
// name) in, an operation a PlanRunner plans on a worker out. Views never see the Planner.
#pragma once

#include "kubeclient/tenancy/plan/plan.h"
#include "kubeclient/tenancy/plan/planner.h"

#include <functional>
#include <string>
#include <vector>

class TenancyOperations final
{
public:
    // The same signature as PlanRunner::Operation: plans against the cluster's current state.
    using Operation = std::function<kube::Result<kube::tenancy::Plan>(kube::tenancy::Planner &)>;

    static Operation createWorkspace(kube::tenancy::WorkspaceSpec spec);
    static Operation editWorkspace(kube::tenancy::WorkspaceSpec spec);
    // propagation: "" (projects stay, unlabelled), Foreground or Background (projects deleted).
    static Operation deleteWorkspace(std::string name, std::string propagation);

    static Operation createProject(kube::tenancy::ProjectSpec spec);
    static Operation deleteProject(std::string name);

    // platformRole: "" gives the user no platform role.
    static Operation createUser(kube::tenancy::UserSpec spec, std::string platformRole);
    // newPlatformRole: "" leaves the role as it is. A role change joins the user's plan, so the
    // user confirms one plan holding both.
    static Operation editUser(kube::tenancy::UserSpec spec, std::string newPlatformRole);
    static Operation setUserEnabled(std::string name, bool enabled);
    static Operation deleteUser(std::string name);

    // --- Members (one plan for every selected user), edit and move a project ---
    // role: the scope's role for every user (workspace roles short or in full). joinRole, for a
    // project in a workspace: also make each user a member of that workspace with this role,
    // unless they already are one (whatever their role); "" adds nothing there. A user that no
    // longer exists fails the plan with a message naming them.
    static Operation setMembers(kube::tenancy::MemberScope scope, std::vector<std::string> users, std::string role,
                                std::string joinWorkspace = {}, std::string joinRole = {});
    static Operation removeMembers(kube::tenancy::MemberScope scope, std::vector<std::string> users);
    static Operation editProject(kube::tenancy::ProjectSpec spec);
    static Operation moveProject(std::string name, std::string workspace);

    // Roles (the role editor). create: a new role or a clone; else an edit of `spec.name`.
    static Operation saveRole(kube::tenancy::RoleSpec spec, bool create);
    static Operation deleteRole(kube::tenancy::RoleSpec spec);

    // --- Quotas and container defaults (the quota and container-defaults editors) ---
    // The editor's rows are the whole hard map (spec.replace): rows removed are keys removed.
    static Operation setQuota(kube::tenancy::QuotaSpec spec);
    // No keys: the quota object is deleted.
    static Operation removeQuota(kube::tenancy::QuotaLevel level, std::string target, std::vector<std::string> keys = {});
    static Operation setLimits(kube::tenancy::LimitsSpec spec);
    static Operation removeLimits(std::string project);
    // --- Network: the isolation switch and the NetworkPolicy editor ---
    static Operation setIsolation(kube::tenancy::IsolationScope scope, std::string name, bool on);
    // policy: the networking.k8s.io/v1 object as the editor leaves it (unknown fields kept).
    static Operation saveNetworkPolicy(nlohmann::json policy, bool create);
    static Operation deleteNetworkPolicy(std::string ns, std::string name);
    // --- Hand-over to KubeSphere (tenancy/install/handover) ---
    // finish: the step after helm install; adoptExisting (prepare): also mark objects the chart
    // ships that Tenantry did not install.
    static Operation handover(bool finish, bool adoptExisting);
    // --- finalizers: a workspace, project or user stuck in deletion on KubeSphere finalizers ---
    static Operation releaseFinalizers(kube::tenancy::PlanTarget target, std::string name);
};
