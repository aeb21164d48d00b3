// Workspace operations. KubeSphere mode writes the WorkspaceTemplate alone and lets the
// controllers follow; standalone mode lists what they would have done.
#include "kubeclient/tenancy/plan/workspaceplans.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/kubesphere/names.h"
#include "kubeclient/tenancy/plan/networkplans.h"
#include "kubeclient/tenancy/plan/projectplans.h"

namespace kube::tenancy {

using nlohmann::json;

WorkspacePlans::WorkspacePlans(const PlanContext &context)
    : m_context(context)
    , m_roles(context)
    , m_writes(context)
{
}

Result<Plan> WorkspacePlans::create(const WorkspaceSpec &spec) const
{
    std::vector<PlanContext::Check> checks = {PlanContext::valid(PlanTarget::Workspace, spec.name), [this]() -> Result<void> {
        if (!m_context.api().installed())
            return PlanContext::invalid("the tenancy API is not installed on this cluster", "cluster");
        return {};
    }};
    if (!spec.manager.empty())
        checks.push_back(m_context.exists(PlanTarget::User, spec.manager));
    checks.push_back(m_context.absent(PlanTarget::Workspace, spec.name));
    return PlanContext::compose("create workspace " + spec.name, checks, [&](Plan &plan) -> Result<void> {
        const TenancyApi &api = m_context.api();
        const ObjectFactory &factory = m_context.factory();
        PlanContext::addApply(plan, api.workspaceTemplate, factory.workspaceTemplate(spec), "the workspace");
        if (!m_context.standalone())
            return {};
        plan.notes.push_back("standalone mode: Tenantry also writes what KubeSphere's controllers would; workspace "
                             "objects are cluster-scoped, so only platform admins can write them");
        PlanContext::addApply(plan, api.workspace, factory.workspace(spec), "Workspace " + std::string(kControllerReason),
                              true);
        auto builtins = m_roles.builtinRoles(kScopeWorkspace,
                                             factory.workspaceTemplate(spec)["metadata"].value("labels", json::object()));
        if (!builtins)
            return builtins.error();
        bool haveAdmin = false;
        for (const json &role : *builtins) {
            const std::string base = role["metadata"].value("name", "");
            haveAdmin = haveAdmin || base == "admin";
            auto obj = m_roles.workspaceBuiltin(role, spec.name);
            if (!obj)
                return obj.error();
            PlanContext::addApply(plan, api.workspaceRole, *obj,
                                  "built-in workspace role " + base + " " + kControllerReason, true);
            PlanContext::addApply(plan, TenancyApi::rbacClusterRole, ObjectFactory::workspaceRoleProjection(*obj),
                                  "RBAC projection of workspace role " + base, true);
        }
        if (!spec.manager.empty() && haveAdmin) {
            json binding = factory.workspaceRoleBinding(spec.name, spec.manager, workspaceRoleName(spec.name, "admin"),
                                                        managerBindingName(spec.name));
            PlanContext::addApply(plan, api.workspaceRoleBinding, binding,
                                  "manager binding " + std::string(kControllerReason), true);
        } else if (!haveAdmin) {
            plan.notes.push_back("no built-in workspace roles are installed (run `tenantryctl install`): the workspace "
                                 "gets no admin role and no manager binding");
        }
        return {};
    });
}

Result<Plan> WorkspacePlans::edit(const WorkspaceSpec &spec) const
{
    std::vector<PlanContext::Check> checks = {m_context.exists(PlanTarget::Workspace, spec.name)};
    if (!spec.manager.empty())
        checks.push_back(m_context.exists(PlanTarget::User, spec.manager));
    return PlanContext::compose("edit workspace " + spec.name, checks, [&](Plan &plan) -> Result<void> {
        const TenancyApi &api = m_context.api();
        // Isolation is left out of the apply and written as the isolation switch writes it.
        WorkspaceSpec applied = spec;
        applied.networkIsolation.reset();
        PlanContext::addApply(plan, api.workspaceTemplate, m_context.factory().workspaceTemplate(applied), "the workspace");
        if (m_context.standalone())
            PlanContext::addApply(plan, api.workspace, m_context.factory().workspace(applied),
                                  "Workspace " + std::string(kControllerReason), true);
        // A change of isolation takes the same path as the isolation switch (what the network
        // controller reads, and in standalone mode the projects' policies).
        if (spec.networkIsolation)
            if (auto r = NetworkPlans(m_context).addWorkspaceIsolationEdit(plan, spec.name, *spec.networkIsolation); !r)
                return r;
        if (!m_context.standalone())
            return {};
        if (spec.manager.empty())
            return {};
        const std::string adminRole = workspaceRoleName(spec.name, "admin");
        auto role = m_context.fetch(api.workspaceRole, "", adminRole);
        if (!role)
            return role.error();
        auto projects = m_context.projectsOf(spec.name);
        if (!projects)
            return projects.error();
        if (*role) {
            const size_t first = plan.writes.size();
            m_writes.addWorkspaceBinding(plan,
                                         m_context.factory().workspaceRoleBinding(spec.name, spec.manager, adminRole,
                                                                                  managerBindingName(spec.name)),
                                         *projects);
            plan.writes[first].sideEffect = true;  // the manager binding is the controller's
        }
        return {};
    });
}

Result<Plan> WorkspacePlans::remove(const std::string &name, const std::string &propagation) const
{
    const bool deleteProjects = propagation == "Foreground" || propagation == "Background";
    const std::vector<PlanContext::Check> checks = {
        m_context.exists(PlanTarget::Workspace, name), [&]() -> Result<void> {
            if (!propagation.empty() && propagation != "Orphan" && !deleteProjects)
                return PlanContext::invalid("deletion propagation must be Orphan, Foreground or Background, not \""
                                                + propagation + "\"",
                                            "propagation");
            return {};
        },
        [&]() -> Result<void> {
            // KubeSphere's webhook refuses to delete a protected project, also when its workspace's
            // deletion asks for it: refuse the plan rather than leave the deletion half done.
            if (!deleteProjects)
                return {};
            auto namespaces = m_context.list(TenancyApi::namespaces, "", std::string(kWorkspaceLabel) + "=" + name);
            if (!namespaces)
                return namespaces.error();
            for (const auto &ns : *namespaces)
                if (ObjectMeta(ns).label(kProtectedLabel) == "true")
                    return PlanContext::invalid("project \"" + ObjectMeta(ns).name() + "\" of workspace \"" + name
                                                    + "\" is protected (label " + kProtectedLabel
                                                    + "=true): KubeSphere refuses to delete it; keep the projects, or "
                                                      "remove that label first",
                                                "propagation");
            return {};
        }};
    const std::string title = "delete workspace " + name + (deleteProjects ? " and its projects" : " (projects are kept)");
    return PlanContext::compose(title, checks, [&](Plan &plan) -> Result<void> {
        const TenancyApi &api = m_context.api();
        if (m_context.standalone())
            return addStandaloneDelete(plan, name, deleteProjects, propagation);
        if (api.flavor == ApiFlavor::V4 && !propagation.empty())
            PlanContext::addMergePatch(plan, api.workspaceTemplate, name,
                                       {{"metadata", {{"annotations", {{kDeletionPropagationAnnotation, propagation}}}}}},
                                       "tell the controller what to do with the projects");
        PlanContext::addDelete(plan, api.workspaceTemplate, "", name, "the workspace");
        if (api.flavor == ApiFlavor::V3 && !deleteProjects)
            plan.writes.back().deleteOptions.propagationPolicy = "Orphan";
        if (!deleteProjects)
            plan.notes.push_back(ProjectPlans(m_context).leaveWorkspaceNote());
        return {};
    });
}

Result<void> WorkspacePlans::addStandaloneDelete(Plan &plan, const std::string &name, bool deleteProjects,
                                                 const std::string &propagation) const
{
    const TenancyApi &api = m_context.api();
    const std::string sel = std::string(kWorkspaceLabel) + "=" + name;
    auto projects = m_context.list(TenancyApi::namespaces, "", sel);
    if (!projects)
        return projects.error();
    const ProjectPlans projectPlans(m_context);
    for (const auto &ns : *projects) {
        const ObjectMeta meta(ns);
        if (!meta.deletionTimestamp().empty())
            continue;
        if (deleteProjects) {
            PlanContext::addDelete(plan, TenancyApi::namespaces, "", meta.name(),
                                   "project of the workspace (" + propagation + ")", true);
            continue;
        }
        if (auto r = projectPlans.addLeaveWorkspace(plan, ns, "the project leaves the workspace (orphaned, as KubeSphere's "
                                                              "default)",
                                                    true);
            !r)
            return r;
    }
    if (!deleteProjects && !projects->empty())
        plan.notes.push_back(projectPlans.leaveWorkspaceNote());
    auto bindings = m_context.list(api.workspaceRoleBinding, "", sel);
    if (!bindings)
        return bindings.error();
    for (const auto &b : *bindings)
        PlanContext::addDelete(plan, api.workspaceRoleBinding, "", ObjectMeta(b).name(), "workspace member binding", true);
    auto roles = m_context.list(api.workspaceRole, "", sel);
    if (!roles)
        return roles.error();
    for (const auto &r : *roles) {
        PlanContext::addDelete(plan, api.workspaceRole, "", ObjectMeta(r).name(), "workspace role", true);
        PlanContext::addDelete(plan, TenancyApi::rbacClusterRole, "", projectionName(ObjectMeta(r).name()),
                               "its RBAC projection", true);
    }
    if (!api.workspaceQuota.resource.empty()) {
        // A quota that cannot be read is left to the garbage collector rather than failing the plan.
        auto quota = m_context.fetch(api.workspaceQuota, "", name);
        if (quota && *quota)
            PlanContext::addDelete(plan, api.workspaceQuota, "", name, "workspace quota", true);
    }
    PlanContext::addDelete(plan, api.workspace, "", name, "Workspace " + std::string(kControllerReason), true);
    PlanContext::addDelete(plan, api.workspaceTemplate, "", name, "the workspace");
    return {};
}

} // namespace kube::tenancy
