// Project operations. A project is a namespace labelled with its workspace; in standalone mode
// entering a workspace also brings the built-in roles and the workspace members' grants.
#include "kubeclient/tenancy/plan/projectplans.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/labels.h"

namespace kube::tenancy {

using nlohmann::json;

ProjectPlans::ProjectPlans(const PlanContext &context)
    : m_context(context)
    , m_writes(context)
{
}

Result<Plan> ProjectPlans::create(const ProjectSpec &spec) const
{
    std::vector<PlanContext::Check> checks = {PlanContext::valid(PlanTarget::Project, spec.name)};
    if (!spec.workspace.empty())
        checks.push_back(m_context.exists(PlanTarget::Workspace, spec.workspace));
    checks.push_back(m_context.absent(PlanTarget::Project, spec.name));
    const std::string title = "create project " + spec.name + (spec.workspace.empty() ? "" : " in workspace " + spec.workspace);
    return PlanContext::compose(title, checks, [&](Plan &plan) -> Result<void> {
        json ns = m_context.factory().project(spec);
        PlanContext::addApply(plan, TenancyApi::namespaces, ns, "the project");
        if (m_context.standalone() && !spec.workspace.empty())
            return m_writes.addProjectSetup(plan, ns, m_context.factory().actor());
        return {};
    });
}

Result<Plan> ProjectPlans::remove(const std::string &name) const
{
    return PlanContext::compose("delete project " + name, {m_context.exists(PlanTarget::Project, name)},
                                [&](Plan &plan) -> Result<void> {
                                    PlanContext::addDelete(plan, TenancyApi::namespaces, "", name,
                                                           "the project and everything in it");
                                    return {};
                                });
}

Result<Plan> ProjectPlans::move(const std::string &name, const std::string &workspace) const
{
    const TenancyApi &api = m_context.api();
    json existing;
    const std::vector<PlanContext::Check> checks = {
        m_context.exists(PlanTarget::Workspace, workspace), PlanContext::valid(PlanTarget::Project, name),
        [&]() -> Result<void> {
            auto ns = m_context.require(TenancyApi::namespaces, "", name, "project \"" + name + "\"", "project");
            if (!ns)
                return ns.error();
            existing = std::move(*ns);
            if (ObjectMeta(existing).label(kWorkspaceLabel) == workspace)
                return PlanContext::invalid("project \"" + name + "\" is already in workspace \"" + workspace + "\"",
                                            "workspace");
            return {};
        }};
    // The title names where the project comes from, known only once the checks have read it.
    auto plan = PlanContext::compose("move project " + name, checks, [&](Plan &plan) -> Result<void> {
        const std::string from = ObjectMeta(existing).label(kWorkspaceLabel);
        plan.title = "move project " + name + (from.empty() ? "" : " from " + from) + " to " + workspace;
        json labels = {{kWorkspaceLabel, workspace}};
        if (api.flavor == ApiFlavor::V4)
            labels[kManagedLabel] = "true";
        PlanContext::addMergePatch(plan, TenancyApi::namespaces, name, {{"metadata", {{"labels", labels}}}},
                                   "relabel the project");
        if (!m_context.standalone())
            return {};
        auto projections = m_context.list(TenancyApi::rbacRoleBinding, name, kProjectedFromLabel);
        if (!projections)
            return projections.error();
        for (const auto &p : *projections)
            PlanContext::addDelete(plan, TenancyApi::rbacRoleBinding, name, ObjectMeta(p).name(),
                                   "grant of the old workspace", true);
        json moved = existing;
        for (auto it = labels.begin(); it != labels.end(); ++it)
            moved["metadata"]["labels"][it.key()] = it.value();
        // Roles already present are kept; only missing built-ins and the new grants are added.
        Plan setup;
        if (auto r = m_writes.addProjectSetup(setup, moved, std::string()); !r)
            return r.error();
        for (auto &sw : setup.writes) {
            if (sw.gvr == TenancyApi::rbacRoleBinding || sw.gvr == api.projectRoleBinding) {
                plan.writes.push_back(sw);
                continue;
            }
            auto have = m_context.fetch(sw.gvr, sw.ns, sw.name);
            if (!have)
                return have.error();
            if (!*have)
                plan.writes.push_back(sw);
        }
        return {};
    });
    return plan;
}

} // namespace kube::tenancy
