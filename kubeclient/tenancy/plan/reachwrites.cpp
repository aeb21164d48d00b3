// The reach objects follow from membership, so they are computed from the cluster as the plan
// would leave it (PlannedStateReader) and compared with what exists: only a change is written.
#include "kubeclient/tenancy/plan/reachwrites.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/tenancy/plan/plannedstatereader.h"

namespace kube::tenancy {

using nlohmann::json;

namespace {
constexpr const char *kRbacGroup = "rbac.authorization.k8s.io";

bool sameFields(const json &desired, const json &actual, const char *field)
{
    return actual.contains(field) && desired[field] == actual[field];
}
} // namespace

ReachWrites::ReachWrites(const PlanContext &context)
    : m_context(context)
{
}

std::string ReachWrites::objectName(const std::string &user)
{
    return "tenantry:reach:" + user;
}

json ReachWrites::clusterRole(const json &user, const std::set<std::string> &namespaces)
{
    ObjectMeta u(user);
    json names = json::array();
    for (const auto &ns : namespaces)
        names.push_back(ns);
    // The User owns it: deleting the user lets the garbage collector remove its reach.
    const json owner = {{"apiVersion", u.apiVersion()}, {"kind", u.kind()}, {"name", u.name()}, {"uid", u.uid()}};
    return {{"apiVersion", std::string(kRbacGroup) + "/v1"},
            {"kind", "ClusterRole"},
            {"metadata",
             {{"name", objectName(u.name())},
              {"labels", {{kGeneratedByLabel, kFieldManager}, {kReachOfLabel, u.name()}}},
              {"ownerReferences", json::array({owner})}}},
            {"rules", json::array({{{"apiGroups", json::array({""})},
                                    {"resources", json::array({"namespaces"})},
                                    {"resourceNames", names},
                                    {"verbs", json::array({"get"})}}})}};
}

json ReachWrites::clusterRoleBinding(const json &user)
{
    ObjectMeta u(user);
    const json owner = {{"apiVersion", u.apiVersion()}, {"kind", u.kind()}, {"name", u.name()}, {"uid", u.uid()}};
    return {{"apiVersion", std::string(kRbacGroup) + "/v1"},
            {"kind", "ClusterRoleBinding"},
            {"metadata",
             {{"name", objectName(u.name())},
              {"labels", {{kGeneratedByLabel, kFieldManager}, {kReachOfLabel, u.name()}}},
              {"ownerReferences", json::array({owner})}}},
            {"roleRef", {{"apiGroup", kRbacGroup}, {"kind", "ClusterRole"}, {"name", objectName(u.name())}}},
            {"subjects", json::array({{{"apiGroup", kRbacGroup}, {"kind", "User"}, {"name", u.name()}}})}};
}

Result<std::set<std::string>> ReachWrites::namespacesOf(PlanReader &reader, const std::string &user) const
{
    const TenancyApi &api = m_context.api();
    const std::string sel = std::string(kUserRefLabel) + "=" + user;
    std::set<std::string> out;
    auto direct = reader.list(api.projectRoleBinding, "", sel);
    if (!direct)
        return direct.error();
    for (const auto &b : *direct)
        if (ObjectMeta(b).label(kGeneratedByLabel).empty())
            out.insert(ObjectMeta(b).namespaceName());
    auto workspaces = reader.list(api.workspaceRoleBinding, "", sel);
    if (!workspaces)
        return workspaces.error();
    std::set<std::string> seen;
    for (const auto &b : *workspaces) {
        const std::string ws = ObjectMeta(b).label(kWorkspaceLabel);
        if (ws.empty() || !seen.insert(ws).second)
            continue;
        auto projects = reader.list(TenancyApi::namespaces, "", std::string(kWorkspaceLabel) + "=" + ws);
        if (!projects)
            return projects.error();
        for (const auto &ns : *projects)
            if (ObjectMeta(ns).deletionTimestamp().empty())
                out.insert(ObjectMeta(ns).name());
    }
    return out;
}

Result<std::set<std::string>> ReachWrites::affectedUsers(const Plan &plan) const
{
    const TenancyApi &api = m_context.api();
    std::set<std::string> users;
    auto addLabelled = [&](const std::vector<json> &objects) {
        for (const auto &o : objects)
            if (auto u = ObjectMeta(o).label(kUserRefLabel); !u.empty())
                users.insert(u);
    };
    for (const auto &w : plan.writes) {
        const bool binding = w.gvr == api.projectRoleBinding || w.gvr == api.workspaceRoleBinding
            || w.gvr == TenancyApi::rbacRoleBinding;
        if (binding) {
            if (w.action == WriteAction::Apply)
                addLabelled({w.object});
            auto before = m_context.fetch(w.gvr, w.ns, w.name);
            if (!before)
                return before.error();
            if (*before)
                addLabelled({**before});
        } else if (w.gvr == TenancyApi::namespaces) {
            // Everyone granted inside the namespace (projections included), and the members of
            // the workspace it enters.
            for (const auto &gvr : {api.projectRoleBinding, TenancyApi::rbacRoleBinding}) {
                auto inside = m_context.list(gvr, w.name, kUserRefLabel);
                if (!inside)
                    return inside.error();
                addLabelled(*inside);
            }
            const json labels = w.object.is_object()
                ? w.object.value("metadata", json::object()).value("labels", json::object())
                : json();
            if (labels.is_object() && labels.contains(kWorkspaceLabel) && labels[kWorkspaceLabel].is_string()) {
                auto members = m_context.list(api.workspaceRoleBinding, "",
                                              std::string(kWorkspaceLabel) + "=" + labels[kWorkspaceLabel].get<std::string>());
                if (!members)
                    return members.error();
                addLabelled(*members);
            }
        } else if (w.gvr == api.user && w.action == WriteAction::Delete) {
            users.insert(w.name);
        }
    }
    return users;
}

Result<void> ReachWrites::addFor(Plan &plan, PlanReader &planned, const std::string &user) const
{
    const std::string name = objectName(user);
    auto current = m_context.fetch(TenancyApi::rbacClusterRole, "", name);
    if (!current)
        return current.error();
    auto currentBinding = m_context.fetch(TenancyApi::rbacClusterRoleBinding, "", name);
    if (!currentBinding)
        return currentBinding.error();
    auto userObject = planned.fetch(m_context.api().user, "", user);
    if (!userObject)
        return userObject.error();
    std::set<std::string> namespaces;
    if (*userObject && !ObjectMeta(**userObject).uid().empty()) {
        auto reach = namespacesOf(planned, user);
        if (!reach)
            return reach.error();
        namespaces = std::move(*reach);
    }
    if (namespaces.empty()) {
        // Nothing left to reveal: an empty rule would still tell the user the role exists.
        if (*current)
            PlanContext::addDelete(plan, TenancyApi::rbacClusterRole, "", name, user + " reaches no project any more", true);
        if (*currentBinding)
            PlanContext::addDelete(plan, TenancyApi::rbacClusterRoleBinding, "", name, "its binding", true);
        return {};
    }
    const json role = clusterRole(**userObject, namespaces);
    if (!*current || !sameFields(role, **current, "rules"))
        PlanContext::addApply(plan, TenancyApi::rbacClusterRole, role,
                              "lets " + user + " see the names of their projects (standalone reach)", true);
    const json binding = clusterRoleBinding(**userObject);
    if (!*currentBinding || !sameFields(binding, **currentBinding, "subjects")
        || !sameFields(binding, **currentBinding, "roleRef"))
        PlanContext::addApply(plan, TenancyApi::rbacClusterRoleBinding, binding, "grants the reach role to " + user, true);
    return {};
}

Result<void> ReachWrites::complete(Plan &plan) const
{
    if (!m_context.standalone())
        return {};
    auto users = affectedUsers(plan);
    Result<void> done;
    if (users) {
        // The reach follows the plan's own writes, so it reads the cluster as the plan leaves it.
        const Plan membership = plan;
        PlannedStateReader planned(m_context.reader(), membership);
        for (const auto &user : *users)
            if (done = addFor(plan, planned, user); !done)
                break;
    } else {
        done = users.error();
    }
    if (!done && done.error().isApi(StatusReason::Forbidden)) {
        plan.notes.push_back("the namespaces each user can reach were not updated (" + done.error().message
                             + "); a platform admin's `tenantryctl repair` brings them in step");
        return {};
    }
    return done;
}

Result<void> ReachWrites::addDesiredForAll(Plan &desired) const
{
    const TenancyApi &api = m_context.api();
    std::set<std::string> users;
    for (const auto &gvr : {api.projectRoleBinding, api.workspaceRoleBinding}) {
        auto bindings = m_context.list(gvr, "", kUserRefLabel);
        if (!bindings)
            return bindings.error();
        for (const auto &b : *bindings)
            if (ObjectMeta(b).label(kGeneratedByLabel).empty())
                users.insert(ObjectMeta(b).label(kUserRefLabel));
    }
    for (const auto &user : users) {
        auto userObject = m_context.fetch(api.user, "", user);
        if (!userObject)
            return userObject.error();
        if (!*userObject)
            continue;  // bindings of a deleted user: repair deletes them
        auto namespaces = namespacesOf(m_context.reader(), user);
        if (!namespaces)
            return namespaces.error();
        if (namespaces->empty())
            continue;
        PlanContext::addApply(desired, TenancyApi::rbacClusterRole, clusterRole(**userObject, *namespaces),
                              "reach of " + user + " (the names of their projects)", true);
        PlanContext::addApply(desired, TenancyApi::rbacClusterRoleBinding, clusterRoleBinding(**userObject),
                              "reach binding of " + user, true);
    }
    return {};
}

} // namespace kube::tenancy
