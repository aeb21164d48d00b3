// Shared write blocks of the planner. Standalone side effects are marked so the UI can show
// what Tenantry writes in place of KubeSphere's controllers.
#include "kubeclient/tenancy/plan/tenancywrites.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/kubesphere/names.h"

namespace kube::tenancy {

using nlohmann::json;

TenancyWrites::TenancyWrites(const PlanContext &context)
    : m_context(context)
    , m_roles(context)
{
}

void TenancyWrites::addWorkspaceRole(Plan &plan, const json &role) const
{
    PlanContext::addApply(plan, m_context.api().workspaceRole, role, "workspace role");
    if (m_context.standalone())
        PlanContext::addApply(plan, TenancyApi::rbacClusterRole, ObjectFactory::workspaceRoleProjection(role),
                              "RBAC projection of workspace role " + ObjectMeta(role).name()
                                  + " (enforced in every project of the workspace)",
                              true);
}

void TenancyWrites::addWorkspaceBinding(Plan &plan, const json &binding, const std::vector<std::string> &projects) const
{
    PlanContext::addApply(plan, m_context.api().workspaceRoleBinding, binding, "workspace member binding");
    if (m_context.standalone())
        for (const auto &ns : projects)
            PlanContext::addApply(plan, TenancyApi::rbacRoleBinding, ObjectFactory::workspaceBindingProjection(binding, ns),
                                  "workspace role granted inside project " + ns + " through RBAC", true);
}

Result<void> TenancyWrites::addProjectSetup(Plan &plan, const json &ns, const std::string &creator) const
{
    const TenancyApi &api = m_context.api();
    ObjectMeta m(ns);
    const std::string name = m.name();
    const std::string ws = m.label(kWorkspaceLabel);
    // Built-in project roles, then their RBAC mirrors.
    auto builtins = m_roles.builtinRoles(kScopeNamespace, ns["metadata"].value("labels", json::object()));
    if (!builtins)
        return builtins.error();
    bool haveAdmin = false;
    for (const json &role : *builtins) {
        const std::string roleName = role["metadata"].value("name", "");
        haveAdmin = haveAdmin || roleName == "admin";
        auto obj = m_roles.projectBuiltin(role, name);
        if (!obj)
            return obj.error();
        PlanContext::addApply(plan, api.projectRole, *obj, "built-in project role " + roleName + " " + kControllerReason,
                              true);
        if (!api.rolesAreRbac())
            PlanContext::addApply(plan, TenancyApi::rbacRole, ObjectFactory::rbacMirror(*obj),
                                  "RBAC mirror of project role " + roleName + " (kube-apiserver enforces it)", true);
    }
    // The creator becomes the project's admin (namespace controller, spec 8.3).
    if (!creator.empty() && haveAdmin) {
        auto u = m_context.fetch(api.user, "", creator);
        if (!u)
            return u.error();
        if (*u) {
            json binding = m_context.factory().projectRoleBinding(name, creator, "admin", creatorBindingName(creator));
            PlanContext::addApply(plan, api.projectRoleBinding, binding, "creator binding " + std::string(kControllerReason),
                                  true);
            if (!api.rolesAreRbac())
                PlanContext::addApply(plan, TenancyApi::rbacRoleBinding, ObjectFactory::rbacMirror(binding),
                                      "RBAC mirror of the creator binding", true);
        }
    }
    // Workspace members get their workspace roles inside the new project.
    if (!ws.empty()) {
        auto bindings = m_context.list(api.workspaceRoleBinding, "", std::string(kWorkspaceLabel) + "=" + ws);
        if (!bindings)
            return bindings.error();
        for (const auto &b : *bindings)
            PlanContext::addApply(plan, TenancyApi::rbacRoleBinding, ObjectFactory::workspaceBindingProjection(b, name),
                                  "workspace member " + ObjectMeta(b).name() + " projected into the project", true);
    }
    return {};
}

Result<void> TenancyWrites::addUserBindingRemovals(Plan &plan, const std::string &user, const MemberScope *only) const
{
    const TenancyApi &api = m_context.api();
    const std::string sel = std::string(kUserRefLabel) + "=" + user;
    struct Source {
        RoleSpec::Level level;
        GroupVersionResource gvr;
    };
    const Source sources[] = {{RoleSpec::Level::Platform, api.globalRoleBinding},
                              {RoleSpec::Level::Workspace, api.workspaceRoleBinding},
                              {RoleSpec::Level::Project, api.projectRoleBinding},
                              {RoleSpec::Level::Cluster, api.clusterRoleBinding}};
    for (const auto &src : sources) {
        if (only && only->level != src.level)
            continue;
        std::string ns = only && src.level == RoleSpec::Level::Project ? only->name : std::string();
        std::string selector = sel;
        if (only && src.level == RoleSpec::Level::Workspace)
            selector += std::string(",") + kWorkspaceLabel + "=" + only->name;
        auto list = m_context.list(src.gvr, ns, selector);
        if (!list)
            return list.error();
        for (const auto &b : *list) {
            ObjectMeta m(b);
            // 3.x project/cluster bindings are RBAC: skip Tenantry's own generated ones here.
            if (!m.label(kGeneratedByLabel).empty())
                continue;
            PlanContext::addDelete(plan, src.gvr, src.gvr.namespaced ? m.namespaceName() : std::string(), m.name(),
                                   "binding of " + user);
        }
    }
    if (!m_context.standalone())
        return {};
    // Mirrors, projections and the platform-admin shadow binding carry the user-ref label too.
    const std::string generated = sel + "," + kGeneratedByLabel;
    if (!only || only->level == RoleSpec::Level::Project || only->level == RoleSpec::Level::Workspace) {
        std::string ns = only && only->level == RoleSpec::Level::Project ? only->name : std::string();
        std::string selector = generated;
        if (only && only->level == RoleSpec::Level::Workspace)
            selector += std::string(",") + kWorkspaceLabel + "=" + only->name + "," + kProjectedFromLabel;
        auto list = m_context.list(TenancyApi::rbacRoleBinding, ns, selector);
        if (!list)
            return list.error();
        for (const auto &b : *list) {
            ObjectMeta m(b);
            // A project-scoped removal keeps the grants the user has through the workspace.
            if (only && only->level == RoleSpec::Level::Project && !m.label(kProjectedFromLabel).empty())
                continue;
            PlanContext::addDelete(plan, TenancyApi::rbacRoleBinding, m.namespaceName(), m.name(),
                                   "RBAC copy of a binding of " + user, true);
        }
    }
    if (!only || only->level == RoleSpec::Level::Cluster || only->level == RoleSpec::Level::Platform) {
        auto list = m_context.list(TenancyApi::rbacClusterRoleBinding, "", generated);
        if (!list)
            return list.error();
        for (const auto &b : *list) {
            ObjectMeta m(b);
            const bool platformShadow = m.name() == platformAdminBindingName(user);
            if (only && (only->level == RoleSpec::Level::Platform) != platformShadow)
                continue;
            PlanContext::addDelete(plan, TenancyApi::rbacClusterRoleBinding, "", m.name(),
                                   "RBAC copy of a binding of " + user, true);
        }
    }
    return {};
}

} // namespace kube::tenancy
