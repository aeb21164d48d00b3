// Repair builds the desired side effects of every workspace and project, keeps the writes
// whose object is missing or different, and deletes generated objects whose source is gone.
#include "kubeclient/tenancy/plan/repairplans.h"

#include "kubeclient/api/ownerrefs.h"
#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/kubesphere/names.h"
#include "kubeclient/tenancy/plan/quotaplans.h"
#include "kubeclient/tenancy/plan/networkplans.h"
#include "kubeclient/tenancy/plan/reachwrites.h"

#include <algorithm>
#include <set>

namespace kube::tenancy {

using nlohmann::json;

RepairPlans::RepairPlans(const PlanContext &context)
    : m_context(context)
    , m_roles(context)
    , m_writes(context)
{
}

bool RepairPlans::containsAll(const json &desired, const json &actual)
{
    if (desired.is_object()) {
        if (!actual.is_object())
            return false;
        for (auto it = desired.begin(); it != desired.end(); ++it) {
            auto a = actual.find(it.key());
            if (a == actual.end() || !containsAll(it.value(), *a))
                return false;
        }
        return true;
    }
    if (desired.is_array() && actual.is_array() && desired.size() == actual.size()) {
        for (size_t i = 0; i < desired.size(); ++i)
            if (!containsAll(desired[i], actual[i]))
                return false;
        return true;
    }
    return desired == actual;
}

Result<void> RepairPlans::addWorkspaceEffects(Plan &desired, const std::string &ws, const json &tmpl) const
{
    const TenancyApi &api = m_context.api();
    const std::string manager = tmpl["spec"]["template"]["spec"].value("manager", "");
    const std::string sel = std::string(kWorkspaceLabel) + "=" + ws;
    auto roles = m_context.list(api.workspaceRole, "", sel);
    if (!roles)
        return roles.error();
    if (roles->empty()) {
        // The built-ins were never made: plan them as workspace creation would.
        auto builtins = m_roles.builtinRoles(kScopeWorkspace, json::object());
        if (!builtins)
            return builtins.error();
        for (const json &role : *builtins) {
            auto obj = m_roles.workspaceBuiltin(role, ws);
            if (!obj)
                return obj.error();
            m_writes.addWorkspaceRole(desired, *obj);
        }
    } else {
        for (const auto &r : *roles)
            PlanContext::addApply(desired, TenancyApi::rbacClusterRole, ObjectFactory::workspaceRoleProjection(r),
                                  "projection of workspace role " + ObjectMeta(r).name(), true);
    }
    // The manager binding needs the admin role, existing or planned just above.
    const std::string adminRole = workspaceRoleName(ws, "admin");
    bool adminRoleKnown = std::any_of(roles->begin(), roles->end(),
                                      [&](const json &r) { return ObjectMeta(r).name() == adminRole; });
    for (const auto &w : desired.writes)
        adminRoleKnown = adminRoleKnown || (w.gvr == api.workspaceRole && w.name == adminRole);
    if (!manager.empty() && adminRoleKnown) {
        auto u = m_context.fetch(api.user, "", manager);
        if (!u)
            return u.error();
        // KubeSphere's authorizer reads only a subject's kind and name, so a manager binding
        // written in 3.x shape (subject apiGroup rbac.authorization.k8s.io) is not drift.
        auto existing = m_context.fetch(api.workspaceRoleBinding, "", managerBindingName(ws));
        if (!existing)
            return existing.error();
        bool managerBound = false;
        if (*existing && (**existing)["roleRef"].value("name", "") == adminRole)
            for (const auto &subject : (**existing).value("subjects", json::array()))
                managerBound = managerBound || (subject.value("kind", "") == "User" && subject.value("name", "") == manager);
        if (*u && !managerBound)
            PlanContext::addApply(desired, api.workspaceRoleBinding,
                                  m_context.factory().workspaceRoleBinding(ws, manager, adminRole, managerBindingName(ws)),
                                  "manager binding", true);
    }
    auto projects = m_context.projectsOf(ws);
    if (!projects)
        return projects.error();
    auto bindings = m_context.list(api.workspaceRoleBinding, "", sel);
    if (!bindings)
        return bindings.error();
    // Roles and bindings written before Tenantry set owners (or by hand): owned by the template,
    // as KubeSphere's controllers arrange it, so they go with the workspace.
    const json owner = controllerReferenceTo(tmpl);
    auto addOwner = [&](const GroupVersionResource &gvr, const json &o) {
        json refs = o["metadata"].value("ownerReferences", json::array());
        for (const auto &r : refs)
            if (r.value("kind", "") == "WorkspaceTemplate")
                return;
        refs.push_back(owner);
        PlanContext::addMergePatch(desired, gvr, ObjectMeta(o).name(), {{"metadata", {{"ownerReferences", refs}}}},
                                   "owned by its WorkspaceTemplate " + std::string(kControllerReason), true);
    };
    if (!ObjectMeta(tmpl).uid().empty()) {
        for (const auto &r : *roles)
            addOwner(api.workspaceRole, r);
        for (const auto &b : *bindings)
            addOwner(api.workspaceRoleBinding, b);
    }
    for (const auto &ns : *projects)
        for (const auto &b : *bindings)
            PlanContext::addApply(desired, TenancyApi::rbacRoleBinding, ObjectFactory::workspaceBindingProjection(b, ns),
                                  "workspace member " + ObjectMeta(b).name() + " inside project " + ns, true);
    return {};
}

namespace {
// A namespace being deleted is emptied by kube's namespace controller in its own order (a mirror
// may go before its source) and refuses new objects: repair leaves what is inside alone.
Result<std::set<std::string>> terminatingNamespaces(const PlanContext &context)
{
    auto namespaces = context.list(TenancyApi::namespaces, "", "");
    if (!namespaces)
        return namespaces.error();
    std::set<std::string> out;
    for (const auto &ns : *namespaces)
        if (!ObjectMeta(ns).deletionTimestamp().empty())
            out.insert(ObjectMeta(ns).name());
    return out;
}
} // namespace

Result<void> RepairPlans::addMirrors(Plan &desired) const
{
    const TenancyApi &api = m_context.api();
    if (api.rolesAreRbac())
        return {};
    const std::pair<GroupVersionResource, GroupVersionResource> mirrored[] = {
        {api.projectRole, TenancyApi::rbacRole},
        {api.projectRoleBinding, TenancyApi::rbacRoleBinding},
        {api.clusterRole, TenancyApi::rbacClusterRole},
        {api.clusterRoleBinding, TenancyApi::rbacClusterRoleBinding},
    };
    auto terminating = terminatingNamespaces(m_context);
    if (!terminating)
        return terminating.error();
    for (const auto &[source, mirror] : mirrored) {
        auto list = m_context.list(source, "", "");
        if (!list)
            return list.error();
        for (const auto &o : *list)
            if (!terminating->count(ObjectMeta(o).namespaceName()))
                PlanContext::addApply(desired, mirror, ObjectFactory::rbacMirror(o),
                                      "mirror of " + source.kind + " " + ObjectMeta(o).key(), true);
    }
    return {};
}

Result<void> RepairPlans::addOrphanDeletes(Plan &plan, const std::set<std::string> &desiredKeys) const
{
    auto terminating = terminatingNamespaces(m_context);
    if (!terminating)
        return terminating.error();
    for (const auto &gvr : {TenancyApi::rbacRole, TenancyApi::rbacRoleBinding, TenancyApi::rbacClusterRole,
                            TenancyApi::rbacClusterRoleBinding, TenancyApi::networkPolicy}) {
        auto generated = m_context.list(gvr, "", kGeneratedByLabel);
        if (!generated)
            return generated.error();
        for (const auto &g : *generated) {
            ObjectMeta m(g);
            if (desiredKeys.count(gvr.groupResource() + "|" + m.namespaceName() + "|" + m.name())
                || terminating->count(m.namespaceName()))
                continue;
            if (gvr == TenancyApi::rbacClusterRoleBinding && m.name().size() > 14
                && m.name().compare(m.name().size() - 14, 14, "-cluster-admin") == 0) {
                // The platform-admin shadow binding: stale when the user is no longer platform-admin.
                const std::string user = m.label(kUserRefLabel);
                auto grb = m_context.fetch(m_context.api().globalRoleBinding, "", memberBindingName(user, "platform-admin"));
                if (!grb)
                    return grb.error();
                if (*grb)
                    continue;
            }
            PlanContext::addDelete(plan, gvr, m.namespaceName(), m.name(), "generated object whose source is gone", true);
        }
    }
    return {};
}

Result<void> RepairPlans::addDeletedUserBindings(Plan &plan) const
{
    const TenancyApi &api = m_context.api();
    for (const auto &gvr : {api.globalRoleBinding, api.workspaceRoleBinding, api.projectRoleBinding, api.clusterRoleBinding}) {
        auto list = m_context.list(gvr, "", kUserRefLabel);
        if (!list)
            return list.error();
        for (const auto &b : *list) {
            ObjectMeta m(b);
            if (!m.label(kGeneratedByLabel).empty())
                continue;
            auto u = m_context.fetch(api.user, "", m.label(kUserRefLabel));
            if (!u)
                return u.error();
            if (!*u)
                PlanContext::addDelete(plan, gvr, m.namespaceName(), m.name(),
                                       "binding of deleted user " + m.label(kUserRefLabel), true);
        }
    }
    return {};
}

Result<Plan> RepairPlans::repair() const
{
    return PlanContext::compose("repair tenancy drift", {}, [&](Plan &plan) -> Result<void> {
        if (!m_context.standalone()) {
            plan.notes.push_back("KubeSphere mode: KubeSphere's controllers keep their own objects in step; nothing to repair");
            return {};
        }
        Plan desired;
        auto templates = m_context.list(m_context.api().workspaceTemplate, "", "");
        if (!templates)
            return templates.error();
        for (const auto &wt : *templates)
            if (auto r = addWorkspaceEffects(desired, ObjectMeta(wt).name(), wt); !r)
                return r;
        if (auto r = addMirrors(desired); !r)
            return r;
        if (auto r = ReachWrites(m_context).addDesiredForAll(desired); !r)
            return r;
        // Network isolation policies (missing, stale; orphans go with the generated objects below).
        if (auto r = NetworkPlans(m_context).addDesiredPolicies(desired); !r)
            return r;
        std::set<std::string> desiredKeys;
        for (auto &w : desired.writes) {
            desiredKeys.insert(w.gvr.groupResource() + "|" + w.ns + "|" + w.name);
            auto actual = m_context.fetch(w.gvr, w.ns, w.name);
            if (!actual)
                return actual.error();
            if (!*actual || !containsAll(w.object, **actual))
                plan.writes.push_back(w);
        }
        if (auto r = addOrphanDeletes(plan, desiredKeys); !r)
            return r;
        if (auto r = addDeletedUserBindings(plan); !r)
            return r;
        // Projects that break a workspace quota: reported, not written (nothing can fix usage).
        if (auto broken = QuotaPlans(m_context).repairReport(); !broken)
            plan.notes.push_back("workspace quotas not checked: " + broken.error().describe());
        else
            for (auto &line : *broken)
                plan.warnings.push_back(std::move(line));
        if (plan.writes.empty())
            plan.notes.push_back("no drift found");
        return {};
    });
}

} // namespace kube::tenancy
