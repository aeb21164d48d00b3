// Member operations. In standalone mode a project or cluster binding also gets its RBAC mirror
// (and its role's mirror), a workspace binding its grant inside every project of the workspace.
#include "kubeclient/tenancy/plan/memberplans.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/kubesphere/names.h"
#include "kubeclient/tenancy/plan/userplans.h"

#include <map>
#include <set>

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

bool sameWrite(const PlannedWrite &a, const PlannedWrite &b)
{
    return a.action == b.action && a.gvr == b.gvr && a.ns == b.ns && a.name == b.name && a.subresource == b.subresource
        && a.object == b.object;
}

// "alice", "alice and bob", "alice, bob and carol", "alice, bob, carol and 4 more".
std::string nameList(const std::vector<std::string> &names)
{
    constexpr size_t kShown = 3;
    std::string out;
    const size_t shown = names.size() > kShown + 1 ? kShown : names.size();
    for (size_t i = 0; i < shown; ++i) {
        if (i > 0)
            out += (i + 1 == shown && shown == names.size()) ? " and " : ", ";
        out += names[i];
    }
    if (shown < names.size())
        out += " and " + std::to_string(names.size() - shown) + " more";
    return out;
}

// The batch's title: one clause per scope and role, in the order of the changes.
std::string batchTitle(const std::vector<MemberChange> &changes)
{
    struct Group {
        const MemberChange *first;
        std::vector<std::string> users;
    };
    std::vector<Group> groups;
    for (const auto &c : changes) {
        auto it = std::find_if(groups.begin(), groups.end(), [&](const Group &g) {
            return g.first->scope == c.scope && g.first->role == c.role;
        });
        if (it == groups.end())
            groups.push_back({&c, {c.user}});
        else
            it->users.push_back(c.user);
    }
    std::string title;
    for (const auto &g : groups) {
        if (!title.empty())
            title += "; ";
        const std::string who = nameList(g.users);
        if (g.first->role.empty())
            title += "remove " + who + " from " + g.first->scope.describe();
        else
            title += "make " + who + (g.users.size() == 1 ? " a member" : " members") + " of " + g.first->scope.describe()
                + " with role " + g.first->role;
    }
    return title;
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
    // Accept the short name ("viewer") or the full object name of a role of this workspace
    // ("ws1-viewer", "viewer.<hash>" for a long workspace name, a custom role).
    const std::string fullRole = workspaceRoleObjectName(scope.name, role, [&](const std::string &name) {
        auto found = m_context.fetch(m_context.api().workspaceRole, "", name);
        return found && *found ? std::optional<std::string>(ObjectMeta(**found).label(kWorkspaceLabel))
                               : std::nullopt;
    });
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

Result<bool> MemberPlans::isMember(const MemberScope &scope, const std::string &user) const
{
    const TenancyApi &api = m_context.api();
    GroupVersionResource gvr = api.projectRoleBinding;
    std::string ns, selector = std::string(kUserRefLabel) + "=" + user;
    switch (scope.level) {
    case RoleSpec::Level::Platform: gvr = api.globalRoleBinding; break;
    case RoleSpec::Level::Cluster: gvr = api.clusterRoleBinding; break;
    case RoleSpec::Level::Workspace:
        gvr = api.workspaceRoleBinding;
        selector += std::string(",") + kWorkspaceLabel + "=" + scope.name;
        break;
    case RoleSpec::Level::Project: ns = scope.name; break;
    }
    auto bindings = m_context.list(gvr, ns, selector + ",!" + kGeneratedByLabel);
    if (!bindings)
        return bindings.error();
    return !bindings->empty();
}

Result<Plan> MemberPlans::change(const std::vector<MemberChange> &changes) const
{
    if (changes.empty())
        return PlanContext::invalid("choose at least one member", "members");
    std::set<std::pair<std::string, std::string>> seen;
    for (const auto &c : changes)
        if (!seen.insert({c.scope.describe(), c.user}).second)
            return PlanContext::invalid("user \"" + c.user + "\" is listed twice for " + c.scope.describe(), "members");
    // The platform "membership" is the user's platform role, planned by the user family.
    auto one = [this](const MemberChange &c) -> Result<Plan> {
        if (c.role.empty())
            return remove(c.scope, c.user);
        if (c.scope.level == RoleSpec::Level::Platform)
            return UserPlans(m_context).setPlatformRole(c.user, c.role);
        return set(c.scope, c.user, c.role);
    };
    if (changes.size() == 1 && !changes.front().onlyIfNotMember)
        return one(changes.front());
    Plan combined;
    std::vector<MemberChange> done;
    for (const auto &c : changes) {
        if (c.onlyIfNotMember) {
            auto member = isMember(c.scope, c.user);
            if (!member)
                return member.error();
            if (*member)
                continue;
        }
        auto part = one(c);
        if (!part)
            return part.error();
        for (auto &w : part->writes) {
            const bool duplicate = std::any_of(combined.writes.begin(), combined.writes.end(),
                                               [&](const PlannedWrite &have) { return sameWrite(have, w); });
            if (!duplicate)
                combined.writes.push_back(std::move(w));
        }
        for (auto &n : part->notes)
            if (std::find(combined.notes.begin(), combined.notes.end(), n) == combined.notes.end())
                combined.notes.push_back(std::move(n));
        done.push_back(c);
    }
    combined.title = batchTitle(done.empty() ? changes : done);
    return combined;
}

} // namespace kube::tenancy
