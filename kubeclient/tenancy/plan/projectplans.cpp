// Project operations. A project is a namespace labelled with its workspace; in standalone mode
// entering a workspace also brings the built-in roles and the workspace members' grants.
#include "kubeclient/tenancy/plan/projectplans.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/kubesphere/names.h"
#include "kubeclient/tenancy/plan/networkplans.h"

#include <algorithm>
#include <set>
#include <tuple>

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
        if (m_context.standalone() && !spec.workspace.empty()) {
            if (auto r = m_writes.addProjectSetup(plan, ns, m_context.factory().actor()); !r)
                return r;
            // An isolated workspace's new project gets its isolation policy with it.
            return NetworkPlans(m_context).addProjectPolicy(plan, ns);
        }
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

std::string ProjectPlans::leaveWorkspaceNote() const
{
    if (m_context.api().flavor == ApiFlavor::V3)
        return "KubeSphere 3.x keeps the roles and member bindings of a project that leaves its workspace: its "
               "project members keep their access; the workspace's members lose theirs";
    return std::string("KubeSphere 4.x's namespace controller deletes every role and member binding of a project that "
                       "leaves its workspace, so its former members lose their access")
        + (m_context.standalone() ? " (standalone: the plan deletes them in its place)" : "");
}

namespace {
// Tenantry's per-project RoleBindings that grant the workspace's roles inside project `ns`.
Result<void> deleteWorkspaceGrants(const PlanContext &context, Plan &plan, const std::string &ns,
                                   const std::string &reason)
{
    auto projections = context.list(TenancyApi::rbacRoleBinding, ns, kProjectedFromLabel);
    if (!projections)
        return projections.error();
    for (const auto &p : *projections)
        PlanContext::addDelete(plan, TenancyApi::rbacRoleBinding, ns, ObjectMeta(p).name(), reason, true);
    return {};
}
} // namespace

Result<void> ProjectPlans::addLeaveWorkspace(Plan &plan, const json &ns, const std::string &reason, bool sideEffect) const
{
    const TenancyApi &api = m_context.api();
    const std::string name = ObjectMeta(ns).name();
    PlanContext::addMergePatch(plan, TenancyApi::namespaces, name, {{"metadata", {{"labels", {{kWorkspaceLabel, nullptr}}}}}},
                               reason, sideEffect);
    if (!m_context.standalone())
        return {};
    if (auto r = deleteWorkspaceGrants(m_context, plan, name, "workspace grant inside the project"); !r)
        return r;
    if (api.flavor == ApiFlavor::V4) {
        // Spec 8.3 (4.x): the workspace label removed, the namespace controller deletes all iam
        // Roles and RoleBindings of the namespace; their RBAC mirrors go with them.
        const char *why = "KubeSphere's namespace controller deletes it when the project leaves its workspace "
                          "(standalone: in its place)";
        std::set<std::string> mirrors;
        for (const auto &[iam, rbac, refLabel, what] :
             {std::tuple{api.projectRoleBinding, TenancyApi::rbacRoleBinding, kRoleBindingRefLabel, "project member binding: "},
              std::tuple{api.projectRole, TenancyApi::rbacRole, kRoleRefLabel, "project role: "}}) {
            auto objects = m_context.list(iam, name, "");
            if (!objects)
                return objects.error();
            mirrors.clear();
            for (const auto &o : *objects) {
                PlanContext::addDelete(plan, iam, name, ObjectMeta(o).name(), std::string(what) + why, true);
                mirrors.insert(mirrorName(ObjectMeta(o).name()));
            }
            auto copies = m_context.list(rbac, name, "");
            if (!copies)
                return copies.error();
            for (const auto &c : *copies) {
                const ObjectMeta m(c);
                if (m.hasLabel(refLabel) || mirrors.count(m.name()))
                    PlanContext::addDelete(plan, rbac, name, m.name(), "its RBAC mirror", true);
            }
        }
    }
    // Outside a workspace no isolation policy applies (spec 9.2: only a workspace's projects).
    json after = ns;
    if (after["metadata"].contains("labels") && after["metadata"]["labels"].is_object())
        after["metadata"]["labels"].erase(kWorkspaceLabel);
    return NetworkPlans(m_context).addProjectPolicy(plan, after);
}

Result<Plan> ProjectPlans::move(const std::string &name, const std::string &workspace) const
{
    const TenancyApi &api = m_context.api();
    json existing;
    if (workspace.empty()) {
        const std::vector<PlanContext::Check> checks = {PlanContext::valid(PlanTarget::Project, name), [&]() -> Result<void> {
            auto ns = m_context.require(TenancyApi::namespaces, "", name, "project \"" + name + "\"", "project");
            if (!ns)
                return ns.error();
            existing = std::move(*ns);
            if (ObjectMeta(existing).label(kWorkspaceLabel).empty())
                return PlanContext::invalid("project \"" + name + "\" is in no workspace", "workspace");
            return {};
        }};
        return PlanContext::compose("move project " + name + " out of its workspace", checks, [&](Plan &plan) -> Result<void> {
            plan.title = "move project " + name + " out of workspace " + ObjectMeta(existing).label(kWorkspaceLabel);
            plan.notes.push_back(leaveWorkspaceNote());
            return addLeaveWorkspace(plan, existing, "the project leaves its workspace");
        });
    }
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
        if (auto r = deleteWorkspaceGrants(m_context, plan, name, "grant of the old workspace"); !r)
            return r;
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
        // Its isolation policy follows the new workspace (added, changed or removed).
        return NetworkPlans(m_context).addProjectPolicy(plan, moved);
    });
    return plan;
}

namespace {
// The console's limits (its alias and description fields), counted in characters, not bytes.
constexpr size_t kMaxAlias = 63;
constexpr size_t kMaxDescription = 256;

size_t characters(const std::string &utf8)
{
    return size_t(std::count_if(utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}
} // namespace

Result<Plan> ProjectPlans::edit(const ProjectSpec &spec) const
{
    json existing;
    const std::vector<PlanContext::Check> checks = {
        PlanContext::valid(PlanTarget::Project, spec.name),
        [&]() -> Result<void> {
            if (characters(spec.alias) > kMaxAlias)
                return PlanContext::invalid("alias is " + std::to_string(characters(spec.alias)) + " characters long; at most "
                                                + std::to_string(kMaxAlias) + " are allowed",
                                            "alias");
            if (spec.alias.find_first_of("\r\n") != std::string::npos)
                return PlanContext::invalid("alias must be one line", "alias");
            if (characters(spec.description) > kMaxDescription)
                return PlanContext::invalid("description is " + std::to_string(characters(spec.description))
                                                + " characters long; at most " + std::to_string(kMaxDescription)
                                                + " are allowed",
                                            "description");
            return {};
        },
        [&]() -> Result<void> {
            auto ns = m_context.require(TenancyApi::namespaces, "", spec.name, "project \"" + spec.name + "\"", "project");
            if (!ns)
                return ns.error();
            existing = std::move(*ns);
            return {};
        }};
    return PlanContext::compose("edit project " + spec.name, checks, [&](Plan &plan) -> Result<void> {
        // A merge patch of the two annotations alone: a server-side apply of only these fields
        // by Tenantry's field manager would drop the workspace label and creator annotation
        // that manager applied when it created the project (and a 4.x controller then deletes
        // the project's roles), and clearing a field would not remove an alias someone else set.
        const json current = existing["metadata"].value("annotations", json::object());
        json annotations = json::object();
        for (const auto &[key, value] : {std::pair{kAliasAnnotation, &spec.alias}, std::pair{kDescriptionAnnotation, &spec.description}}) {
            const bool present = current.contains(key);
            if (value->empty() ? !present : (present && current[key] == *value))
                continue;  // unchanged: the patch carries only what changes
            annotations[key] = value->empty() ? json(nullptr) : json(*value);
        }
        if (!annotations.empty())
            PlanContext::addMergePatch(plan, TenancyApi::namespaces, spec.name, {{"metadata", {{"annotations", annotations}}}},
                                       "the project's alias and description");
        return {};
    });
}

} // namespace kube::tenancy
