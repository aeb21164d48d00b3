// Operation planning: validate, read what the operation depends on, and list the writes.
// Standalone side effects are marked so the UI can show what Tenantry does in place of
// KubeSphere's controllers.
#include "kubeclient/tenancy/plan/planner.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/kubesphere/names.h"
#include "kubeclient/kubesphere/policyrules.h"

#include <algorithm>
#include <set>

namespace kube::tenancy {

using nlohmann::json;

namespace {

constexpr const char *kControllerReason = "in place of KubeSphere's controller (standalone mode)";

Error invalidInput(const std::string &message, const std::string &where)
{
    return Error::make(ErrorKind::Invalid, message, where);
}

// matchLabels + matchExpressions of a metav1.LabelSelector against a label map.
bool selectorMatches(const json &selector, const json &labels)
{
    if (!selector.is_object())
        return false;
    auto label = [&](const std::string &k) -> const json * {
        if (!labels.is_object())
            return nullptr;
        auto it = labels.find(k);
        return it == labels.end() ? nullptr : &*it;
    };
    if (auto ml = selector.find("matchLabels"); ml != selector.end() && ml->is_object()) {
        for (auto it = ml->begin(); it != ml->end(); ++it) {
            const json *v = label(it.key());
            if (!v || *v != it.value())
                return false;
        }
    }
    if (auto me = selector.find("matchExpressions"); me != selector.end() && me->is_array()) {
        for (const auto &e : *me) {
            const std::string key = e.value("key", ""), op = e.value("operator", "");
            const json *v = label(key);
            const json values = e.value("values", json::array());
            const bool in = v && std::find(values.begin(), values.end(), *v) != values.end();
            if ((op == "In" && !in) || (op == "NotIn" && in) || (op == "Exists" && !v) || (op == "DoesNotExist" && v))
                return false;
        }
    }
    return true;
}

const char *scopeOf(RoleSpec::Level level)
{
    switch (level) {
    case RoleSpec::Level::Platform: return kScopeGlobal;
    case RoleSpec::Level::Cluster: return kScopeCluster;
    case RoleSpec::Level::Workspace: return kScopeWorkspace;
    case RoleSpec::Level::Project: return kScopeNamespace;
    }
    return kScopeNamespace;
}

Result<void> validateRules(const json &rules, RoleSpec::Level level)
{
    if (!rules.is_array())
        return invalidInput("rules must be a list", "rules");
    for (size_t i = 0; i < rules.size(); ++i) {
        const json &r = rules[i];
        const std::string where = "rules[" + std::to_string(i) + "]";
        auto count = [&](const char *k) { return r.contains(k) && r[k].is_array() ? r[k].size() : size_t(0); };
        if (count("verbs") == 0)
            return invalidInput("a rule needs at least one verb", where);
        const bool urls = count("nonResourceURLs") > 0;
        const bool resources = count("resources") > 0 || count("apiGroups") > 0;
        if (urls && resources)
            return invalidInput("a rule cannot mix nonResourceURLs with apiGroups/resources", where);
        if (urls && (level == RoleSpec::Level::Project || level == RoleSpec::Level::Workspace))
            return invalidInput("nonResourceURLs can only be granted by platform or cluster roles", where);
        if (!urls && (count("resources") == 0 || count("apiGroups") == 0))
            return invalidInput("a resource rule needs apiGroups and resources (use \"\" for the core group)", where);
    }
    return {};
}

} // namespace

std::string MemberScope::describe() const
{
    switch (level) {
    case RoleSpec::Level::Platform: return "the platform";
    case RoleSpec::Level::Cluster: return "the cluster";
    case RoleSpec::Level::Workspace: return "workspace \"" + name + "\"";
    case RoleSpec::Level::Project: return "project \"" + name + "\"";
    }
    return name;
}

Planner::Planner(Client &client, ClusterTenancy tenancy, std::string actor)
    : m_client(client)
    , m_tenancy(std::move(tenancy))
    , m_factory(m_tenancy.api, std::move(actor))
{
}

Result<std::optional<json>> Planner::fetch(const GroupVersionResource &gvr, const std::string &ns, const std::string &name)
{
    auto r = m_client.get(gvr, ns, name);
    if (r)
        return std::optional<json>(std::move(*r));
    if (r.error().isApi(StatusReason::NotFound))
        return std::optional<json>();
    return r.error();
}

Result<std::vector<json>> Planner::listLabelled(const GroupVersionResource &gvr, const std::string &ns,
                                                const std::string &selector)
{
    ListOptions o;
    o.labelSelector = selector;
    o.limit = 500;
    auto r = m_client.list(gvr, ns, o);
    if (!r)
        return r.error();
    return std::move(r->items);
}

Result<void> Planner::requireUser(const std::string &user)
{
    if (auto v = validateUserName(user); !v)
        return v;
    auto u = fetch(m_tenancy.api.user, "", user);
    if (!u) {
        // A workspace or project admin may not read cluster-scoped users; the server still
        // decides on the write itself, so the check is skipped rather than the operation.
        if (u.error().isApi(StatusReason::Forbidden))
            return {};
        return u.error();
    }
    if (!*u)
        return invalidInput("user \"" + user + "\" does not exist", "user");
    return {};
}

Result<void> Planner::requireWorkspace(const std::string &ws)
{
    if (auto v = validateWorkspaceName(ws); !v)
        return v;
    auto w = fetch(m_tenancy.api.workspaceTemplate, "", ws);
    if (!w)
        return w.error();
    if (!*w)
        return invalidInput("workspace \"" + ws + "\" does not exist", "workspace");
    return {};
}

Result<std::vector<std::string>> Planner::projectsOf(const std::string &ws)
{
    auto list = listLabelled(TenancyApi::namespaces, "", std::string(kWorkspaceLabel) + "=" + ws);
    if (!list)
        return list.error();
    std::vector<std::string> out;
    for (const auto &ns : *list)
        if (ObjectMeta(ns).deletionTimestamp().empty())
            out.push_back(ObjectMeta(ns).name());
    return out;
}

Result<std::vector<json>> Planner::builtinRoles(const std::string &scope, const json &targetLabels)
{
    std::vector<json> roles;
    if (m_tenancy.api.flavor == ApiFlavor::V4) {
        auto list = listLabelled(m_tenancy.api.builtinRole, "", std::string(kScopeLabel) + "=" + scope);
        if (!list)
            return list.error();
        for (const auto &b : *list) {
            const json selector = b.value("targetSelector", json::object());
            if (selectorMatches(selector, targetLabels) && b.contains("role"))
                roles.push_back(b["role"]);
        }
    } else if (m_tenancy.api.flavor == ApiFlavor::V3) {
        auto list = m_client.list(m_tenancy.api.roleBase, "");
        if (!list)
            return list.error();
        const std::string kind = scope == kScopeWorkspace ? "WorkspaceRole" : "Role";
        for (const auto &b : list->items)
            if (b.contains("role") && b["role"].value("kind", "") == kind)
                roles.push_back(b["role"]);
    }
    return roles;
}

Result<json> Planner::templateRules(const std::vector<std::string> &names, const std::string &scope,
                                    const json &roleSelector)
{
    json rules = json::array();
    if (m_tenancy.api.flavor != ApiFlavor::V4)
        return rules;
    std::vector<json> templates;
    if (roleSelector.is_object() && !roleSelector.empty()) {
        auto list = listLabelled(m_tenancy.api.roleTemplate, "", std::string(kScopeLabel) + "=" + scope);
        if (!list)
            return list.error();
        for (auto &t : *list)
            if (selectorMatches(roleSelector, t["metadata"].value("labels", json::object())))
                templates.push_back(std::move(t));
    } else {
        for (const auto &n : names) {
            auto t = fetch(m_tenancy.api.roleTemplate, "", n);
            if (!t)
                return t.error();
            if (!*t)
                return invalidInput("role template \"" + n + "\" does not exist", "templates");
            templates.push_back(std::move(**t));
        }
    }
    for (const auto &t : templates)
        rules = mergeRules(rules, t["spec"].value("rules", json::array()));
    return rules;
}

Result<json> Planner::composeRules(const RoleSpec &spec)
{
    const json own = spec.rules.is_array() ? spec.rules : json::array();
    if (m_tenancy.api.flavor == ApiFlavor::V3) {
        // 3.x: whoever writes the role computes the union of its templates (same kind, same scope).
        json rules = mergeRules(json::array(), own);
        for (const auto &name : spec.templates) {
            GroupVersionResource gvr;
            std::string ns;
            switch (spec.level) {
            case RoleSpec::Level::Platform: gvr = m_tenancy.api.globalRole; break;
            case RoleSpec::Level::Cluster: gvr = m_tenancy.api.clusterRole; break;
            case RoleSpec::Level::Workspace: gvr = m_tenancy.api.workspaceRole; break;
            case RoleSpec::Level::Project:
                gvr = m_tenancy.api.projectRole;
                ns = spec.scope;
                break;
            }
            auto t = fetch(gvr, ns, name);
            if (!t)
                return t.error();
            if (!*t)
                return invalidInput("role template \"" + name + "\" does not exist", "templates");
            rules = mergeRules(rules, (**t).value("rules", json::array()));
        }
        return rules;
    }
    // 4.x: verify the templates exist in both modes; only standalone composes the rules (the
    // controller appends them in KubeSphere mode).
    auto fromTemplates = templateRules(spec.templates, scopeOf(spec.level), json());
    if (!fromTemplates)
        return fromTemplates.error();
    return standalone() ? mergeRules(own, *fromTemplates) : own;
}

Result<json> Planner::composeBuiltin(json role, const std::string &scope)
{
    // The controller composes a built-in's rules from its templates; standalone mode does it here.
    const json agg = role.value("aggregationRoleTemplates", json::object());
    std::vector<std::string> names;
    for (const auto &n : agg.value("templateNames", json::array()))
        names.push_back(n.get<std::string>());
    auto fromTemplates = templateRules(names, scope, agg.value("roleSelector", json()));
    if (!fromTemplates)
        return fromTemplates.error();
    role["rules"] = mergeRules(role.value("rules", json::array()), *fromTemplates);
    role["metadata"].erase("resourceVersion");
    role["metadata"].erase("uid");
    return role;
}

Result<json> Planner::workspaceBuiltin(const json &role, const std::string &ws)
{
    json obj = role;
    obj["apiVersion"] = m_tenancy.api.workspaceRole.apiVersion();
    obj["kind"] = "WorkspaceRole";
    obj["metadata"]["name"] = workspaceRoleName(ws, role["metadata"].value("name", ""));
    obj["metadata"]["labels"][kWorkspaceLabel] = ws;
    return composeBuiltin(std::move(obj), kScopeWorkspace);
}

void Planner::addApply(Plan &plan, const GroupVersionResource &gvr, json object, std::string reason, bool sideEffect)
{
    PlannedWrite w;
    w.action = WriteAction::Apply;
    w.gvr = gvr;
    ObjectMeta m(object);
    w.ns = gvr.namespaced ? m.namespaceName() : std::string();
    w.name = m.name();
    w.object = std::move(object);
    w.reason = std::move(reason);
    w.sideEffect = sideEffect;
    plan.writes.push_back(std::move(w));
}

void Planner::addDelete(Plan &plan, const GroupVersionResource &gvr, const std::string &ns, const std::string &name,
                        std::string reason, bool sideEffect)
{
    for (const auto &w : plan.writes)
        if (w.action == WriteAction::Delete && w.gvr == gvr && w.ns == ns && w.name == name)
            return;
    PlannedWrite w;
    w.action = WriteAction::Delete;
    w.gvr = gvr;
    w.ns = ns;
    w.name = name;
    w.reason = std::move(reason);
    w.sideEffect = sideEffect;
    plan.writes.push_back(std::move(w));
}

Result<void> Planner::addWorkspaceRoleWrites(Plan &plan, const json &role)
{
    addApply(plan, m_tenancy.api.workspaceRole, role, "workspace role");
    if (standalone())
        addApply(plan, TenancyApi::rbacClusterRole, ObjectFactory::workspaceRoleProjection(role),
                 "RBAC projection of workspace role " + ObjectMeta(role).name() + " (enforced in every project of the workspace)",
                 true);
    return {};
}

Result<void> Planner::addWorkspaceBindingWrites(Plan &plan, const json &binding, const std::vector<std::string> &projects)
{
    addApply(plan, m_tenancy.api.workspaceRoleBinding, binding, "workspace member binding");
    if (standalone())
        for (const auto &ns : projects)
            addApply(plan, TenancyApi::rbacRoleBinding, ObjectFactory::workspaceBindingProjection(binding, ns),
                     "workspace role granted inside project " + ns + " through RBAC", true);
    return {};
}

Result<void> Planner::addProjectSetup(Plan &plan, const json &ns, const std::string &creator)
{
    ObjectMeta m(ns);
    const std::string name = m.name();
    const std::string ws = m.label(kWorkspaceLabel);
    // Built-in project roles, then their RBAC mirrors.
    auto builtins = builtinRoles(kScopeNamespace, ns["metadata"].value("labels", json::object()));
    if (!builtins)
        return builtins.error();
    bool haveAdmin = false;
    for (json role : *builtins) {
        RoleSpec spec;
        spec.level = RoleSpec::Level::Project;
        spec.scope = name;
        spec.name = role["metadata"].value("name", "");
        haveAdmin = haveAdmin || spec.name == "admin";
        json obj = role;
        obj["apiVersion"] = m_tenancy.api.projectRole.apiVersion();
        obj["kind"] = m_tenancy.api.projectRole.kind;
        obj["metadata"]["namespace"] = name;
        auto composed = composeBuiltin(std::move(obj), kScopeNamespace);
        if (!composed)
            return composed.error();
        obj = std::move(*composed);
        addApply(plan, m_tenancy.api.projectRole, obj, "built-in project role " + spec.name + " " + kControllerReason, true);
        if (!m_tenancy.api.rolesAreRbac())
            addApply(plan, TenancyApi::rbacRole, ObjectFactory::rbacMirror(obj),
                     "RBAC mirror of project role " + spec.name + " (kube-apiserver enforces it)", true);
    }
    // The creator becomes the project's admin (namespace controller, spec 8.3).
    if (!creator.empty() && haveAdmin) {
        auto u = fetch(m_tenancy.api.user, "", creator);
        if (!u)
            return u.error();
        if (*u) {
            json binding = m_factory.projectRoleBinding(name, creator, "admin", creatorBindingName(creator));
            addApply(plan, m_tenancy.api.projectRoleBinding, binding, "creator binding " + std::string(kControllerReason), true);
            if (!m_tenancy.api.rolesAreRbac())
                addApply(plan, TenancyApi::rbacRoleBinding, ObjectFactory::rbacMirror(binding),
                         "RBAC mirror of the creator binding", true);
        }
    }
    // Workspace members get their workspace roles inside the new project.
    if (!ws.empty()) {
        auto bindings = listLabelled(m_tenancy.api.workspaceRoleBinding, "", std::string(kWorkspaceLabel) + "=" + ws);
        if (!bindings)
            return bindings.error();
        for (const auto &b : *bindings)
            addApply(plan, TenancyApi::rbacRoleBinding, ObjectFactory::workspaceBindingProjection(b, name),
                     "workspace member " + ObjectMeta(b).name() + " projected into the project", true);
    }
    return {};
}

// ---------------------------------------------------------------------------------------------
// Workspaces

Result<Plan> Planner::createWorkspace(const WorkspaceSpec &spec)
{
    if (auto v = validateWorkspaceName(spec.name); !v)
        return v.error();
    if (!m_tenancy.api.installed())
        return invalidInput("the tenancy API is not installed on this cluster", "cluster");
    if (!spec.manager.empty())
        if (auto u = requireUser(spec.manager); !u)
            return u.error();
    auto existing = fetch(m_tenancy.api.workspaceTemplate, "", spec.name);
    if (!existing)
        return existing.error();
    if (*existing)
        return invalidInput("workspace \"" + spec.name + "\" already exists", "workspace name");
    Plan plan;
    plan.title = "create workspace " + spec.name;
    addApply(plan, m_tenancy.api.workspaceTemplate, m_factory.workspaceTemplate(spec), "the workspace");
    if (!standalone())
        return plan;
    plan.notes.push_back("standalone mode: Tenantry also writes what KubeSphere's controllers would; workspace "
                         "objects are cluster-scoped, so only platform admins can write them");
    addApply(plan, m_tenancy.api.workspace, m_factory.workspace(spec), "Workspace " + std::string(kControllerReason), true);
    auto builtins = builtinRoles(kScopeWorkspace, m_factory.workspaceTemplate(spec)["metadata"].value("labels", json::object()));
    if (!builtins)
        return builtins.error();
    bool haveAdmin = false;
    for (json role : *builtins) {
        const std::string base = role["metadata"].value("name", "");
        haveAdmin = haveAdmin || base == "admin";
        auto obj = workspaceBuiltin(role, spec.name);
        if (!obj)
            return obj.error();
        addApply(plan, m_tenancy.api.workspaceRole, *obj, "built-in workspace role " + base + " " + kControllerReason, true);
        addApply(plan, TenancyApi::rbacClusterRole, ObjectFactory::workspaceRoleProjection(*obj),
                 "RBAC projection of workspace role " + base, true);
    }
    if (!spec.manager.empty() && haveAdmin) {
        json binding = m_factory.workspaceRoleBinding(spec.name, spec.manager, workspaceRoleName(spec.name, "admin"),
                                                      managerBindingName(spec.name));
        addApply(plan, m_tenancy.api.workspaceRoleBinding, binding, "manager binding " + std::string(kControllerReason), true);
    } else if (!haveAdmin) {
        plan.notes.push_back("no built-in workspace roles are installed (run `tenantryctl install`): the workspace "
                             "gets no admin role and no manager binding");
    }
    return plan;
}

Result<Plan> Planner::editWorkspace(const WorkspaceSpec &spec)
{
    if (auto r = requireWorkspace(spec.name); !r)
        return r.error();
    if (!spec.manager.empty())
        if (auto u = requireUser(spec.manager); !u)
            return u.error();
    Plan plan;
    plan.title = "edit workspace " + spec.name;
    addApply(plan, m_tenancy.api.workspaceTemplate, m_factory.workspaceTemplate(spec), "the workspace");
    if (!standalone())
        return plan;
    addApply(plan, m_tenancy.api.workspace, m_factory.workspace(spec), "Workspace " + std::string(kControllerReason), true);
    if (!spec.manager.empty()) {
        auto role = fetch(m_tenancy.api.workspaceRole, "", workspaceRoleName(spec.name, "admin"));
        if (!role)
            return role.error();
        auto projects = projectsOf(spec.name);
        if (!projects)
            return projects.error();
        if (*role) {
            json binding = m_factory.workspaceRoleBinding(spec.name, spec.manager, workspaceRoleName(spec.name, "admin"),
                                                          managerBindingName(spec.name));
            if (auto r = addWorkspaceBindingWrites(plan, binding, *projects); !r)
                return r.error();
            plan.writes.back().sideEffect = true;
        }
    }
    return plan;
}

Result<Plan> Planner::deleteWorkspace(const std::string &name, const std::string &propagation)
{
    if (auto r = requireWorkspace(name); !r)
        return r.error();
    if (!propagation.empty() && propagation != "Orphan" && propagation != "Foreground" && propagation != "Background")
        return invalidInput("deletion propagation must be Orphan, Foreground or Background, not \"" + propagation + "\"",
                            "propagation");
    const bool deleteProjects = propagation == "Foreground" || propagation == "Background";
    Plan plan;
    plan.title = "delete workspace " + name + (deleteProjects ? " and its projects" : " (projects are kept)");
    if (!standalone()) {
        if (m_tenancy.api.flavor == ApiFlavor::V4 && !propagation.empty()) {
            PlannedWrite w;
            w.action = WriteAction::MergePatch;
            w.gvr = m_tenancy.api.workspaceTemplate;
            w.name = name;
            w.object = {{"metadata", {{"annotations", {{kDeletionPropagationAnnotation, propagation}}}}}};
            w.reason = "tell the controller what to do with the projects";
            plan.writes.push_back(w);
        }
        addDelete(plan, m_tenancy.api.workspaceTemplate, "", name, "the workspace");
        if (m_tenancy.api.flavor == ApiFlavor::V3 && !deleteProjects)
            plan.writes.back().deleteOptions.propagationPolicy = "Orphan";
        return plan;
    }
    const std::string sel = std::string(kWorkspaceLabel) + "=" + name;
    auto projects = projectsOf(name);
    if (!projects)
        return projects.error();
    for (const auto &ns : *projects) {
        if (deleteProjects) {
            addDelete(plan, TenancyApi::namespaces, "", ns, "project of the workspace (" + propagation + ")", true);
            continue;
        }
        PlannedWrite w;
        w.action = WriteAction::MergePatch;
        w.gvr = TenancyApi::namespaces;
        w.name = ns;
        w.object = {{"metadata", {{"labels", {{kWorkspaceLabel, nullptr}}}}}};
        w.reason = "the project leaves the workspace (orphaned, as KubeSphere's default)";
        w.sideEffect = true;
        plan.writes.push_back(w);
        auto projections = listLabelled(TenancyApi::rbacRoleBinding, ns, sel + "," + kProjectedFromLabel);
        if (!projections)
            return projections.error();
        for (const auto &p : *projections)
            addDelete(plan, TenancyApi::rbacRoleBinding, ns, ObjectMeta(p).name(), "workspace grant inside the project", true);
    }
    auto bindings = listLabelled(m_tenancy.api.workspaceRoleBinding, "", sel);
    if (!bindings)
        return bindings.error();
    for (const auto &b : *bindings)
        addDelete(plan, m_tenancy.api.workspaceRoleBinding, "", ObjectMeta(b).name(), "workspace member binding", true);
    auto roles = listLabelled(m_tenancy.api.workspaceRole, "", sel);
    if (!roles)
        return roles.error();
    for (const auto &r : *roles) {
        addDelete(plan, m_tenancy.api.workspaceRole, "", ObjectMeta(r).name(), "workspace role", true);
        addDelete(plan, TenancyApi::rbacClusterRole, "", projectionName(ObjectMeta(r).name()), "its RBAC projection", true);
    }
    if (m_tenancy.api.workspaceQuota.resource.size()) {
        auto quota = fetch(m_tenancy.api.workspaceQuota, "", name);
        if (quota && *quota)
            addDelete(plan, m_tenancy.api.workspaceQuota, "", name, "workspace quota", true);
    }
    addDelete(plan, m_tenancy.api.workspace, "", name, "Workspace " + std::string(kControllerReason), true);
    addDelete(plan, m_tenancy.api.workspaceTemplate, "", name, "the workspace");
    return plan;
}

// ---------------------------------------------------------------------------------------------
// Projects

Result<Plan> Planner::createProject(const ProjectSpec &spec)
{
    if (auto v = validateProjectName(spec.name); !v)
        return v.error();
    if (!spec.workspace.empty())
        if (auto r = requireWorkspace(spec.workspace); !r)
            return r.error();
    auto existing = fetch(TenancyApi::namespaces, "", spec.name);
    if (!existing)
        return existing.error();
    if (*existing)
        return invalidInput("project (namespace) \"" + spec.name + "\" already exists", "project name");
    Plan plan;
    plan.title = "create project " + spec.name + (spec.workspace.empty() ? "" : " in workspace " + spec.workspace);
    json ns = m_factory.project(spec);
    addApply(plan, TenancyApi::namespaces, ns, "the project");
    if (standalone() && !spec.workspace.empty())
        if (auto r = addProjectSetup(plan, ns, m_factory.actor()); !r)
            return r.error();
    return plan;
}

Result<Plan> Planner::deleteProject(const std::string &name)
{
    if (auto v = validateProjectName(name); !v)
        return v.error();
    auto existing = fetch(TenancyApi::namespaces, "", name);
    if (!existing)
        return existing.error();
    if (!*existing)
        return invalidInput("project \"" + name + "\" does not exist", "project");
    Plan plan;
    plan.title = "delete project " + name;
    addDelete(plan, TenancyApi::namespaces, "", name, "the project and everything in it");
    return plan;
}

Result<Plan> Planner::moveProject(const std::string &name, const std::string &workspace)
{
    if (auto r = requireWorkspace(workspace); !r)
        return r.error();
    auto existing = fetch(TenancyApi::namespaces, "", name);
    if (!existing)
        return existing.error();
    if (!*existing)
        return invalidInput("project \"" + name + "\" does not exist", "project");
    const std::string from = ObjectMeta(**existing).label(kWorkspaceLabel);
    if (from == workspace)
        return invalidInput("project \"" + name + "\" is already in workspace \"" + workspace + "\"", "workspace");
    Plan plan;
    plan.title = "move project " + name + (from.empty() ? "" : " from " + from) + " to " + workspace;
    PlannedWrite w;
    w.action = WriteAction::MergePatch;
    w.gvr = TenancyApi::namespaces;
    w.name = name;
    w.object = {{"metadata", {{"labels", {{kWorkspaceLabel, workspace}}}}}};
    if (m_tenancy.api.flavor == ApiFlavor::V4)
        w.object["metadata"]["labels"][kManagedLabel] = "true";
    w.reason = "relabel the project";
    plan.writes.push_back(w);
    if (!standalone())
        return plan;
    auto projections = listLabelled(TenancyApi::rbacRoleBinding, name, kProjectedFromLabel);
    if (!projections)
        return projections.error();
    for (const auto &p : *projections)
        addDelete(plan, TenancyApi::rbacRoleBinding, name, ObjectMeta(p).name(), "grant of the old workspace", true);
    json moved = **existing;
    moved["metadata"]["labels"][kWorkspaceLabel] = workspace;
    if (m_tenancy.api.flavor == ApiFlavor::V4)
        moved["metadata"]["labels"][kManagedLabel] = "true";
    // Roles already present are kept; only missing built-ins and the new grants are added.
    Plan setup;
    if (auto r = addProjectSetup(setup, moved, std::string()); !r)
        return r.error();
    for (auto &sw : setup.writes) {
        if (sw.gvr == TenancyApi::rbacRoleBinding || sw.gvr == m_tenancy.api.projectRoleBinding) {
            plan.writes.push_back(sw);
            continue;
        }
        auto have = fetch(sw.gvr, sw.ns, sw.name);
        if (!have)
            return have.error();
        if (!*have)
            plan.writes.push_back(sw);
    }
    return plan;
}

// ---------------------------------------------------------------------------------------------
// Users

Result<Plan> Planner::createUser(const UserSpec &spec, const std::string &platformRole)
{
    if (auto v = validateUserName(spec.name); !v)
        return v.error();
    if (auto v = validateEmail(spec.email); !v)
        return v.error();
    if (!spec.password.empty())
        if (auto v = validatePassword(spec.password); !v)
            return v.error();
    auto existing = fetch(m_tenancy.api.user, "", spec.name);
    if (!existing)
        return existing.error();
    if (*existing)
        return invalidInput("user \"" + spec.name + "\" already exists", "user name");
    Plan plan;
    plan.title = "create user " + spec.name;
    UserSpec written = spec;
    if (standalone() && !spec.password.empty()) {
        // Without ks-apiserver nobody can log in with it, and no controller would hash it: a
        // clear-text password must not sit in etcd.
        written.password.clear();
        plan.notes.push_back("standalone mode: the password is not stored (no KubeSphere login exists without "
                             "ks-apiserver, and no controller would hash it)");
    }
    addApply(plan, m_tenancy.api.user, m_factory.user(written), "the user");
    if (!written.password.empty())
        plan.writes.back().secretPaths.push_back("/spec/password");
    if (standalone()) {
        PlannedWrite status;
        status.action = WriteAction::MergePatch;
        status.gvr = m_tenancy.api.user;
        status.name = spec.name;
        status.object = {{"status", {{"state", "Active"}}}};
        status.reason = "activate the account " + std::string(kControllerReason);
        status.sideEffect = true;
        auto info = m_client.discovery().findResource(m_tenancy.api.user.group, m_tenancy.api.user.version, "users");
        if (info && std::count(info->subresources.begin(), info->subresources.end(), "status"))
            status.subresource = "status";
        plan.writes.push_back(status);
    }
    if (!platformRole.empty()) {
        auto role = fetch(m_tenancy.api.globalRole, "", platformRole);
        if (!role)
            return role.error();
        if (!*role)
            return invalidInput("platform role \"" + platformRole + "\" does not exist", "platform role");
        addApply(plan, m_tenancy.api.globalRoleBinding, m_factory.globalRoleBinding(spec.name, platformRole),
                 "platform role " + platformRole);
        if (standalone() && platformRole == "platform-admin")
            addApply(plan, TenancyApi::rbacClusterRoleBinding, ObjectFactory::platformAdminClusterBinding(spec.name),
                     "cluster-admin for a platform admin " + std::string(kControllerReason), true);
    }
    return plan;
}

Result<Plan> Planner::editUser(const UserSpec &spec)
{
    if (auto u = requireUser(spec.name); !u)
        return u.error();
    if (auto v = validateEmail(spec.email); !v)
        return v.error();
    if (!spec.password.empty())
        if (auto v = validatePassword(spec.password); !v)
            return v.error();
    Plan plan;
    plan.title = "edit user " + spec.name;
    UserSpec written = spec;
    if (standalone())
        written.password.clear();
    addApply(plan, m_tenancy.api.user, m_factory.user(written), "the user");
    if (!written.password.empty())
        plan.writes.back().secretPaths.push_back("/spec/password");
    return plan;
}

Result<Plan> Planner::setUserEnabled(const std::string &name, bool enabled)
{
    if (auto u = requireUser(name); !u)
        return u.error();
    Plan plan;
    plan.title = std::string(enabled ? "enable" : "disable") + " user " + name;
    PlannedWrite w;
    w.action = WriteAction::MergePatch;
    w.gvr = m_tenancy.api.user;
    w.name = name;
    w.object = {{"status", {{"state", enabled ? "Active" : "Disabled"}}}};
    w.reason = enabled ? "the account may log in again" : "the account is refused at every request";
    auto info = m_client.discovery().findResource(m_tenancy.api.user.group, m_tenancy.api.user.version, "users");
    if (info && std::count(info->subresources.begin(), info->subresources.end(), "status"))
        w.subresource = "status";
    plan.writes.push_back(w);
    if (standalone())
        plan.notes.push_back("standalone mode: kube-apiserver does not know KubeSphere accounts; disabling takes "
                             "effect for logins through ks-apiserver, not for client certificates");
    return plan;
}

Result<void> Planner::addUserBindingRemovals(Plan &plan, const std::string &user, const MemberScope *only)
{
    const std::string sel = std::string(kUserRefLabel) + "=" + user;
    struct Source {
        RoleSpec::Level level;
        GroupVersionResource gvr;
    };
    std::vector<Source> sources = {{RoleSpec::Level::Platform, m_tenancy.api.globalRoleBinding},
                                   {RoleSpec::Level::Workspace, m_tenancy.api.workspaceRoleBinding},
                                   {RoleSpec::Level::Project, m_tenancy.api.projectRoleBinding},
                                   {RoleSpec::Level::Cluster, m_tenancy.api.clusterRoleBinding}};
    for (const auto &src : sources) {
        if (only && only->level != src.level)
            continue;
        std::string ns = only && src.level == RoleSpec::Level::Project ? only->name : std::string();
        std::string selector = sel;
        if (only && src.level == RoleSpec::Level::Workspace)
            selector += std::string(",") + kWorkspaceLabel + "=" + only->name;
        auto list = listLabelled(src.gvr, ns, selector);
        if (!list)
            return list.error();
        for (const auto &b : *list) {
            ObjectMeta m(b);
            // 3.x project/cluster bindings are RBAC: skip Tenantry's own generated ones here.
            if (!m.label(kGeneratedByLabel).empty())
                continue;
            addDelete(plan, src.gvr, src.gvr.namespaced ? m.namespaceName() : std::string(), m.name(),
                      "binding of " + user);
        }
    }
    if (!standalone())
        return {};
    // Mirrors, projections and the platform-admin shadow binding carry the user-ref label too.
    const std::string generated = sel + "," + kGeneratedByLabel;
    if (!only || only->level == RoleSpec::Level::Project || only->level == RoleSpec::Level::Workspace) {
        std::string ns = only && only->level == RoleSpec::Level::Project ? only->name : std::string();
        std::string selector = generated;
        if (only && only->level == RoleSpec::Level::Workspace)
            selector += std::string(",") + kWorkspaceLabel + "=" + only->name + "," + kProjectedFromLabel;
        auto list = listLabelled(TenancyApi::rbacRoleBinding, ns, selector);
        if (!list)
            return list.error();
        for (const auto &b : *list) {
            ObjectMeta m(b);
            // A project-scoped removal keeps the grants the user has through the workspace.
            if (only && only->level == RoleSpec::Level::Project && !m.label(kProjectedFromLabel).empty())
                continue;
            addDelete(plan, TenancyApi::rbacRoleBinding, m.namespaceName(), m.name(), "RBAC copy of a binding of " + user,
                      true);
        }
    }
    if (!only || only->level == RoleSpec::Level::Cluster || only->level == RoleSpec::Level::Platform) {
        auto list = listLabelled(TenancyApi::rbacClusterRoleBinding, "", generated);
        if (!list)
            return list.error();
        for (const auto &b : *list) {
            ObjectMeta m(b);
            const bool platformShadow = m.name() == user + "-cluster-admin";
            if (only && (only->level == RoleSpec::Level::Platform) != platformShadow)
                continue;
            addDelete(plan, TenancyApi::rbacClusterRoleBinding, "", m.name(), "RBAC copy of a binding of " + user, true);
        }
    }
    return {};
}

Result<Plan> Planner::deleteUser(const std::string &name)
{
    if (auto u = requireUser(name); !u)
        return u.error();
    Plan plan;
    plan.title = "delete user " + name;
    if (standalone())
        if (auto r = addUserBindingRemovals(plan, name, nullptr); !r)
            return r.error();
    addDelete(plan, m_tenancy.api.user, "", name, "the user");
    if (!standalone())
        plan.notes.push_back("KubeSphere's user controller deletes the bindings labelled with this user");
    return plan;
}

Result<Plan> Planner::setPlatformRole(const std::string &user, const std::string &role)
{
    if (auto u = requireUser(user); !u)
        return u.error();
    auto r = fetch(m_tenancy.api.globalRole, "", role);
    if (!r)
        return r.error();
    if (!*r)
        return invalidInput("platform role \"" + role + "\" does not exist", "platform role");
    Plan plan;
    plan.title = "set platform role of " + user + " to " + role;
    auto existing = listLabelled(m_tenancy.api.globalRoleBinding, "", std::string(kUserRefLabel) + "=" + user);
    if (!existing)
        return existing.error();
    const json binding = m_factory.globalRoleBinding(user, role);
    addApply(plan, m_tenancy.api.globalRoleBinding, binding, "the user's single platform role binding");
    for (const auto &b : *existing)
        if (ObjectMeta(b).name() != ObjectMeta(binding).name())
            addDelete(plan, m_tenancy.api.globalRoleBinding, "", ObjectMeta(b).name(), "previous platform role");
    if (standalone()) {
        PlannedWrite annotate;
        annotate.action = WriteAction::MergePatch;
        annotate.gvr = m_tenancy.api.user;
        annotate.name = user;
        annotate.object = {{"metadata", {{"annotations", {{kGlobalRoleAnnotation, role}}}}}};
        annotate.reason = "user's platform role annotation " + std::string(kControllerReason);
        annotate.sideEffect = true;
        plan.writes.push_back(annotate);
        if (role == "platform-admin")
            addApply(plan, TenancyApi::rbacClusterRoleBinding, ObjectFactory::platformAdminClusterBinding(user),
                     "cluster-admin for a platform admin " + std::string(kControllerReason), true);
        else
            addDelete(plan, TenancyApi::rbacClusterRoleBinding, "", user + "-cluster-admin",
                      "no longer a platform admin", true);
    }
    return plan;
}

// ---------------------------------------------------------------------------------------------
// Members

Result<Plan> Planner::setMember(const MemberScope &scope, const std::string &user, const std::string &role)
{
    if (scope.level == RoleSpec::Level::Platform)
        return setPlatformRole(user, role);
    if (auto u = requireUser(user); !u)
        return u.error();
    Plan plan;
    plan.title = "make " + user + " a member of " + scope.describe() + " with role " + role;
    if (scope.level == RoleSpec::Level::Workspace) {
        if (auto r = requireWorkspace(scope.name); !r)
            return r.error();
        const std::string fullRole = role.rfind(scope.name + "-", 0) == 0 ? role : workspaceRoleName(scope.name, role);
        auto roleObj = fetch(m_tenancy.api.workspaceRole, "", fullRole);
        if (!roleObj)
            return roleObj.error();
        if (!*roleObj)
            return invalidInput("workspace role \"" + fullRole + "\" does not exist in workspace \"" + scope.name + "\"",
                                "role");
        auto projects = projectsOf(scope.name);
        if (!projects)
            return projects.error();
        Plan removals;
        if (auto r = addUserBindingRemovals(removals, user, &scope); !r)
            return r.error();
        const json binding = m_factory.workspaceRoleBinding(scope.name, user, fullRole);
        if (auto r = addWorkspaceBindingWrites(plan, binding, *projects); !r)
            return r.error();
        for (auto &w : removals.writes) {
            const bool same = w.name == ObjectMeta(binding).name() || w.name == projectionName(ObjectMeta(binding).name());
            if (!same)
                plan.writes.push_back(w);
        }
        return plan;
    }
    if (scope.level == RoleSpec::Level::Project) {
        if (auto v = validateProjectName(scope.name); !v)
            return v.error();
        auto ns = fetch(TenancyApi::namespaces, "", scope.name);
        if (!ns)
            return ns.error();
        if (!*ns)
            return invalidInput("project \"" + scope.name + "\" does not exist", "project");
        auto roleObj = fetch(m_tenancy.api.projectRole, scope.name, role);
        if (!roleObj)
            return roleObj.error();
        if (!*roleObj)
            return invalidInput("role \"" + role + "\" does not exist in project \"" + scope.name + "\"", "role");
        Plan removals;
        if (auto r = addUserBindingRemovals(removals, user, &scope); !r)
            return r.error();
        const json binding = m_factory.projectRoleBinding(scope.name, user, role);
        addApply(plan, m_tenancy.api.projectRoleBinding, binding, "project member binding");
        if (standalone() && !m_tenancy.api.rolesAreRbac()) {
            addApply(plan, TenancyApi::rbacRole, ObjectFactory::rbacMirror(**roleObj), "RBAC mirror of role " + role, true);
            addApply(plan, TenancyApi::rbacRoleBinding, ObjectFactory::rbacMirror(binding), "RBAC mirror of the binding", true);
        }
        for (auto &w : removals.writes) {
            const std::string bname = ObjectMeta(binding).name();
            if (w.name != bname && w.name != mirrorName(bname))
                plan.writes.push_back(w);
        }
        return plan;
    }
    // Cluster
    auto roleObj = fetch(m_tenancy.api.clusterRole, "", role);
    if (!roleObj)
        return roleObj.error();
    if (!*roleObj)
        return invalidInput("cluster role \"" + role + "\" does not exist", "role");
    Plan removals;
    if (auto r = addUserBindingRemovals(removals, user, &scope); !r)
        return r.error();
    const json binding = m_factory.clusterRoleBinding(user, role);
    addApply(plan, m_tenancy.api.clusterRoleBinding, binding, "cluster member binding");
    if (standalone() && !m_tenancy.api.rolesAreRbac()) {
        addApply(plan, TenancyApi::rbacClusterRole, ObjectFactory::rbacMirror(**roleObj), "RBAC mirror of role " + role, true);
        addApply(plan, TenancyApi::rbacClusterRoleBinding, ObjectFactory::rbacMirror(binding), "RBAC mirror of the binding",
                 true);
    }
    for (auto &w : removals.writes) {
        const std::string bname = ObjectMeta(binding).name();
        if (w.name != bname && w.name != mirrorName(bname))
            plan.writes.push_back(w);
    }
    return plan;
}

Result<Plan> Planner::removeMember(const MemberScope &scope, const std::string &user)
{
    if (auto v = validateUserName(user); !v)
        return v.error();
    Plan plan;
    plan.title = "remove " + user + " from " + scope.describe();
    if (auto r = addUserBindingRemovals(plan, user, &scope); !r)
        return r.error();
    if (plan.writes.empty())
        return invalidInput("user \"" + user + "\" is not a member of " + scope.describe(), "member");
    return plan;
}

// ---------------------------------------------------------------------------------------------
// Roles

Result<Plan> Planner::saveRole(const RoleSpec &spec, bool create)
{
    if (auto v = validateRoleName(spec.name); !v)
        return v.error();
    if (auto v = validateRules(spec.rules, spec.level); !v)
        return v.error();
    GroupVersionResource gvr;
    std::string ns;
    switch (spec.level) {
    case RoleSpec::Level::Platform: gvr = m_tenancy.api.globalRole; break;
    case RoleSpec::Level::Cluster: gvr = m_tenancy.api.clusterRole; break;
    case RoleSpec::Level::Workspace:
        gvr = m_tenancy.api.workspaceRole;
        if (auto r = requireWorkspace(spec.scope); !r)
            return r.error();
        break;
    case RoleSpec::Level::Project: {
        gvr = m_tenancy.api.projectRole;
        ns = spec.scope;
        auto nsObj = fetch(TenancyApi::namespaces, "", ns);
        if (!nsObj)
            return nsObj.error();
        if (!*nsObj)
            return invalidInput("project \"" + ns + "\" does not exist", "project");
        break;
    }
    }
    auto existing = fetch(gvr, ns, spec.name);
    if (!existing)
        return existing.error();
    if (create && *existing)
        return invalidInput(std::string(toString(spec.level)) + " role \"" + spec.name + "\" already exists", "role name");
    if (!create && !*existing)
        return invalidInput(std::string(toString(spec.level)) + " role \"" + spec.name + "\" does not exist", "role name");
    auto rules = composeRules(spec);
    if (!rules)
        return rules.error();
    const json role = m_factory.role(spec, *rules);
    Plan plan;
    plan.title = std::string(create ? "create " : "edit ") + toString(spec.level) + " role " + spec.name;
    if (spec.level == RoleSpec::Level::Workspace) {
        if (auto r = addWorkspaceRoleWrites(plan, role); !r)
            return r.error();
    } else {
        addApply(plan, gvr, role, std::string(toString(spec.level)) + " role");
        if (standalone() && !m_tenancy.api.rolesAreRbac()) {
            if (spec.level == RoleSpec::Level::Project)
                addApply(plan, TenancyApi::rbacRole, ObjectFactory::rbacMirror(role), "RBAC mirror of the role", true);
            if (spec.level == RoleSpec::Level::Cluster)
                addApply(plan, TenancyApi::rbacClusterRole, ObjectFactory::rbacMirror(role), "RBAC mirror of the role", true);
        }
    }
    if (!standalone() && m_tenancy.api.flavor == ApiFlavor::V4 && !spec.templates.empty())
        plan.notes.push_back("KubeSphere's controller appends the templates' rules to the role");
    return plan;
}

Result<Plan> Planner::deleteRole(const RoleSpec &spec)
{
    GroupVersionResource gvr, bindingGvr;
    std::string ns;
    switch (spec.level) {
    case RoleSpec::Level::Platform: gvr = m_tenancy.api.globalRole; bindingGvr = m_tenancy.api.globalRoleBinding; break;
    case RoleSpec::Level::Cluster: gvr = m_tenancy.api.clusterRole; bindingGvr = m_tenancy.api.clusterRoleBinding; break;
    case RoleSpec::Level::Workspace:
        gvr = m_tenancy.api.workspaceRole;
        bindingGvr = m_tenancy.api.workspaceRoleBinding;
        break;
    case RoleSpec::Level::Project:
        gvr = m_tenancy.api.projectRole;
        bindingGvr = m_tenancy.api.projectRoleBinding;
        ns = spec.scope;
        break;
    }
    auto existing = fetch(gvr, ns, spec.name);
    if (!existing)
        return existing.error();
    if (!*existing)
        return invalidInput(std::string(toString(spec.level)) + " role \"" + spec.name + "\" does not exist", "role");
    auto bindings = m_client.list(bindingGvr, ns);
    if (!bindings)
        return bindings.error();
    std::vector<std::string> users;
    for (const auto &b : bindings->items)
        if (b.value("roleRef", json::object()).value("name", "") == spec.name && ObjectMeta(b).label(kGeneratedByLabel).empty())
            users.push_back(ObjectMeta(b).name());
    if (!users.empty()) {
        std::string list;
        for (const auto &u : users)
            list += (list.empty() ? "" : ", ") + u;
        return invalidInput("role \"" + spec.name + "\" is still bound (" + list + "): change or remove those members first",
                            "role");
    }
    Plan plan;
    plan.title = std::string("delete ") + toString(spec.level) + " role " + spec.name;
    addDelete(plan, gvr, ns, spec.name, "the role");
    if (standalone()) {
        if (spec.level == RoleSpec::Level::Workspace)
            addDelete(plan, TenancyApi::rbacClusterRole, "", projectionName(spec.name), "its RBAC projection", true);
        else if (spec.level == RoleSpec::Level::Project && !m_tenancy.api.rolesAreRbac())
            addDelete(plan, TenancyApi::rbacRole, ns, mirrorName(spec.name), "its RBAC mirror", true);
        else if (spec.level == RoleSpec::Level::Cluster && !m_tenancy.api.rolesAreRbac())
            addDelete(plan, TenancyApi::rbacClusterRole, "", mirrorName(spec.name), "its RBAC mirror", true);
    }
    return plan;
}

// ---------------------------------------------------------------------------------------------
// Repair

namespace {
// Every field of `desired` (objects recursively, arrays and scalars whole) equals `actual`.
bool containsAll(const json &desired, const json &actual)
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
} // namespace

Result<Plan> Planner::repair()
{
    Plan plan;
    plan.title = "repair tenancy drift";
    if (!standalone()) {
        plan.notes.push_back("KubeSphere mode: KubeSphere's controllers keep their own objects in step; nothing to repair");
        return plan;
    }
    // Build the desired side effects of every workspace and project, then keep the writes whose
    // object is missing or different, and delete generated objects whose source is gone.
    Plan desired;
    auto templates = m_client.list(m_tenancy.api.workspaceTemplate, "");
    if (!templates)
        return templates.error();
    std::set<std::string> workspaces;
    for (const auto &wt : templates->items) {
        const std::string ws = ObjectMeta(wt).name();
        workspaces.insert(ws);
        WorkspaceSpec spec;
        spec.name = ws;
        spec.manager = wt["spec"]["template"]["spec"].value("manager", "");
        auto roles = listLabelled(m_tenancy.api.workspaceRole, "", std::string(kWorkspaceLabel) + "=" + ws);
        if (!roles)
            return roles.error();
        if (roles->empty()) {
            // The built-ins were never made: plan them as workspace creation would.
            auto builtins = builtinRoles(kScopeWorkspace, json::object());
            if (!builtins)
                return builtins.error();
            for (const json &role : *builtins) {
                auto obj = workspaceBuiltin(role, ws);
                if (!obj)
                    return obj.error();
                (void)addWorkspaceRoleWrites(desired, *obj);
            }
        } else {
            for (const auto &r : *roles)
                addApply(desired, TenancyApi::rbacClusterRole, ObjectFactory::workspaceRoleProjection(r),
                         "projection of workspace role " + ObjectMeta(r).name(), true);
        }
        // The manager binding needs the admin role, existing or planned just above.
        const std::string adminRole = workspaceRoleName(ws, "admin");
        bool adminRoleKnown = std::any_of(roles->begin(), roles->end(),
                                          [&](const json &r) { return ObjectMeta(r).name() == adminRole; });
        for (const auto &w : desired.writes)
            adminRoleKnown = adminRoleKnown || (w.gvr == m_tenancy.api.workspaceRole && w.name == adminRole);
        if (!spec.manager.empty() && adminRoleKnown) {
            auto u = fetch(m_tenancy.api.user, "", spec.manager);
            if (!u)
                return u.error();
            // KubeSphere's authorizer reads only a subject's kind and name, so a manager binding
            // written in 3.x shape (subject apiGroup rbac.authorization.k8s.io) is not drift.
            auto existing = fetch(m_tenancy.api.workspaceRoleBinding, "", managerBindingName(ws));
            if (!existing)
                return existing.error();
            bool managerBound = false;
            if (*existing && (**existing)["roleRef"].value("name", "") == adminRole)
                for (const auto &subject : (**existing).value("subjects", json::array()))
                    managerBound = managerBound
                        || (subject.value("kind", "") == "User" && subject.value("name", "") == spec.manager);
            if (*u && !managerBound)
                addApply(desired, m_tenancy.api.workspaceRoleBinding,
                         m_factory.workspaceRoleBinding(ws, spec.manager, workspaceRoleName(ws, "admin"),
                                                        managerBindingName(ws)),
                         "manager binding", true);
        }
        auto projects = projectsOf(ws);
        if (!projects)
            return projects.error();
        auto bindings = listLabelled(m_tenancy.api.workspaceRoleBinding, "", std::string(kWorkspaceLabel) + "=" + ws);
        if (!bindings)
            return bindings.error();
        for (const auto &ns : *projects)
            for (const auto &b : *bindings)
                addApply(desired, TenancyApi::rbacRoleBinding, ObjectFactory::workspaceBindingProjection(b, ns),
                         "workspace member " + ObjectMeta(b).name() + " inside project " + ns, true);
    }
    // Project and cluster roles and bindings, and their RBAC mirrors (4.x).
    if (!m_tenancy.api.rolesAreRbac()) {
        const std::pair<GroupVersionResource, GroupVersionResource> mirrored[] = {
            {m_tenancy.api.projectRole, TenancyApi::rbacRole},
            {m_tenancy.api.projectRoleBinding, TenancyApi::rbacRoleBinding},
            {m_tenancy.api.clusterRole, TenancyApi::rbacClusterRole},
            {m_tenancy.api.clusterRoleBinding, TenancyApi::rbacClusterRoleBinding},
        };
        for (const auto &[source, mirror] : mirrored) {
            auto list = m_client.list(source, "");
            if (!list)
                return list.error();
            for (const auto &o : list->items)
                addApply(desired, mirror, ObjectFactory::rbacMirror(o),
                         "mirror of " + source.kind + " " + ObjectMeta(o).key(), true);
        }
    }
    std::set<std::string> desiredKeys;
    for (auto &w : desired.writes) {
        desiredKeys.insert(w.gvr.groupResource() + "|" + w.ns + "|" + w.name);
        auto actual = fetch(w.gvr, w.ns, w.name);
        if (!actual)
            return actual.error();
        if (!*actual || !containsAll(w.object, **actual))
            plan.writes.push_back(w);
    }
    // Generated objects whose source is gone.
    for (const auto &gvr : {TenancyApi::rbacRole, TenancyApi::rbacRoleBinding, TenancyApi::rbacClusterRole,
                            TenancyApi::rbacClusterRoleBinding}) {
        auto generated = listLabelled(gvr, "", kGeneratedByLabel);
        if (!generated)
            return generated.error();
        for (const auto &g : *generated) {
            ObjectMeta m(g);
            const std::string key = gvr.groupResource() + "|" + m.namespaceName() + "|" + m.name();
            if (desiredKeys.count(key))
                continue;
            if (gvr == TenancyApi::rbacClusterRoleBinding && m.name().size() > 14
                && m.name().compare(m.name().size() - 14, 14, "-cluster-admin") == 0) {
                // The platform-admin shadow binding: stale when the user is no longer platform-admin.
                const std::string user = m.label(kUserRefLabel);
                auto grb = fetch(m_tenancy.api.globalRoleBinding, "", memberBindingName(user, "platform-admin"));
                if (!grb)
                    return grb.error();
                if (*grb)
                    continue;
            }
            addDelete(plan, gvr, m.namespaceName(), m.name(), "generated object whose source is gone", true);
        }
    }
    // Bindings that name a user who no longer exists (KubeSphere's user controller removes them).
    for (const auto &gvr : {m_tenancy.api.globalRoleBinding, m_tenancy.api.workspaceRoleBinding,
                            m_tenancy.api.projectRoleBinding, m_tenancy.api.clusterRoleBinding}) {
        auto list = listLabelled(gvr, "", kUserRefLabel);
        if (!list)
            return list.error();
        for (const auto &b : *list) {
            ObjectMeta m(b);
            if (!m.label(kGeneratedByLabel).empty())
                continue;
            auto u = fetch(m_tenancy.api.user, "", m.label(kUserRefLabel));
            if (!u)
                return u.error();
            if (!*u)
                addDelete(plan, gvr, m.namespaceName(), m.name(), "binding of deleted user " + m.label(kUserRefLabel), true);
        }
    }
    if (plan.writes.empty())
        plan.notes.push_back("no drift found");
    return plan;
}

} // namespace kube::tenancy
