// Member operations. In standalone mode a project or cluster binding also gets its RBAC mirror
// (and its role's mirror), a workspace binding its grant inside every project of the workspace.
#include "kubeclient/tenancy/plan/memberplans.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/names.h"

namespace kube::tenancy {

using nlohmann::json;

namespace {
// "role "x" does not exist" says where it was looked for; other errors stay as they are.
Error inScope(Error error, const MemberScope &scope)
{
    if (error.kind == ErrorKind::Invalid)
        error.message += " in " + scope.describe();
    return error;
}
} // namespace

MemberPlans::MemberPlans(const PlanContext &context)
    : m_context(context)
    , m_writes(context)
{
}

Result<Plan> MemberPlans::set(const MemberScope &scope, const std::string &user, const std::string &role) const
{
    std::vector<PlanContext::Check> checks = {m_context.exists(PlanTarget::User, user)};
    if (scope.level == RoleSpec::Level::Workspace)
        checks.push_back(m_context.exists(PlanTarget::Workspace, scope.name));
    if (scope.level == RoleSpec::Level::Project)
        checks.push_back(m_context.exists(PlanTarget::Project, scope.name));
    const std::string title = "make " + user + " a member of " + scope.describe() + " with role " + role;
    return PlanContext::compose(title, checks, [&](Plan &plan) -> Result<void> {
        switch (scope.level) {
        case RoleSpec::Level::Workspace: return addWorkspaceMember(plan, scope, user, role);
        case RoleSpec::Level::Project: return addProjectMember(plan, scope, user, role);
        case RoleSpec::Level::Cluster: return addClusterMember(plan, scope, user, role);
        case RoleSpec::Level::Platform: break;
        }
        return PlanContext::invalid("platform roles are set with the user's platform role", "scope");
    });
}

Result<void> MemberPlans::addReplacedBindings(Plan &plan, const MemberScope &scope, const std::string &user,
                                              const std::string &keptBinding, const std::string &keptCopy) const
{
    Plan removals;
    if (auto r = m_writes.addUserBindingRemovals(removals, user, &scope); !r)
        return r.error();
    for (auto &w : removals.writes)
        if (w.name != keptBinding && w.name != keptCopy)
            plan.writes.push_back(std::move(w));
    return {};
}

Result<void> MemberPlans::addWorkspaceMember(Plan &plan, const MemberScope &scope, const std::string &user,
                                             const std::string &role) const
{
    // Accept the short name ("viewer") or the full object name ("ws1-viewer").
    const std::string fullRole = role.rfind(scope.name + "-", 0) == 0 ? role : workspaceRoleName(scope.name, role);
    auto roleObj = m_context.require(m_context.api().workspaceRole, "", fullRole,
                                     "workspace role \"" + fullRole + "\"", "role");
    if (!roleObj)
        return inScope(roleObj.error(), scope);
    auto projects = m_context.projectsOf(scope.name);
    if (!projects)
        return projects.error();
    const json binding = m_context.factory().workspaceRoleBinding(scope.name, user, fullRole);
    m_writes.addWorkspaceBinding(plan, binding, *projects);
    const std::string name = ObjectMeta(binding).name();
    return addReplacedBindings(plan, scope, user, name, projectionName(name));
}

Result<void> MemberPlans::addProjectMember(Plan &plan, const MemberScope &scope, const std::string &user,
                                           const std::string &role) const
{
    const TenancyApi &api = m_context.api();
    auto roleObj = m_context.require(api.projectRole, scope.name, role,
                                     "role \"" + role + "\"", "role");
    if (!roleObj)
        return inScope(roleObj.error(), scope);
    const json binding = m_context.factory().projectRoleBinding(scope.name, user, role);
    PlanContext::addApply(plan, api.projectRoleBinding, binding, "project member binding");
    if (m_context.standalone() && !api.rolesAreRbac()) {
        PlanContext::addApply(plan, TenancyApi::rbacRole, ObjectFactory::rbacMirror(*roleObj), "RBAC mirror of role " + role,
                              true);
        PlanContext::addApply(plan, TenancyApi::rbacRoleBinding, ObjectFactory::rbacMirror(binding),
                              "RBAC mirror of the binding", true);
    }
    const std::string name = ObjectMeta(binding).name();
    return addReplacedBindings(plan, scope, user, name, mirrorName(name));
}

Result<void> MemberPlans::addClusterMember(Plan &plan, const MemberScope &scope, const std::string &user,
                                           const std::string &role) const
{
    const TenancyApi &api = m_context.api();
    auto roleObj = m_context.require(api.clusterRole, "", role, "cluster role \"" + role + "\"", "role");
    if (!roleObj)
        return roleObj.error();
    const json binding = m_context.factory().clusterRoleBinding(user, role);
    PlanContext::addApply(plan, api.clusterRoleBinding, binding, "cluster member binding");
    if (m_context.standalone() && !api.rolesAreRbac()) {
        PlanContext::addApply(plan, TenancyApi::rbacClusterRole, ObjectFactory::rbacMirror(*roleObj),
                              "RBAC mirror of role " + role, true);
        PlanContext::addApply(plan, TenancyApi::rbacClusterRoleBinding, ObjectFactory::rbacMirror(binding),
                              "RBAC mirror of the binding", true);
    }
    const std::string name = ObjectMeta(binding).name();
    return addReplacedBindings(plan, scope, user, name, mirrorName(name));
}

Result<Plan> MemberPlans::remove(const MemberScope &scope, const std::string &user) const
{
    return PlanContext::compose("remove " + user + " from " + scope.describe(), {PlanContext::valid(PlanTarget::User, user)},
                                [&](Plan &plan) -> Result<void> {
                                    if (auto r = m_writes.addUserBindingRemovals(plan, user, &scope); !r)
                                        return r.error();
                                    if (plan.writes.empty())
                                        return PlanContext::invalid("user \"" + user + "\" is not a member of "
                                                                        + scope.describe(),
                                                                    "member");
                                    return {};
                                });
}

} // namespace kube::tenancy
