// Role composition for plans. In KubeSphere mode the controller appends template rules itself,
// so only their existence is checked; standalone mode writes the composed rules.
#include "kubeclient/tenancy/plan/rolecomposer.h"

#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/kubesphere/names.h"
#include "kubeclient/kubesphere/policyrules.h"

#include <algorithm>

namespace kube::tenancy {

using nlohmann::json;

namespace {

// matchLabels + matchExpressions of a metav1.LabelSelector against a label map.
bool labelSelectorMatches(const json &selector, const json &labels)
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

} // namespace

RoleComposer::RoleComposer(const PlanContext &context)
    : m_context(context)
{
}

const char *RoleComposer::scopeOf(RoleSpec::Level level)
{
    switch (level) {
    case RoleSpec::Level::Platform: return kScopeGlobal;
    case RoleSpec::Level::Cluster: return kScopeCluster;
    case RoleSpec::Level::Workspace: return kScopeWorkspace;
    case RoleSpec::Level::Project: return kScopeNamespace;
    }
    return kScopeNamespace;
}

Result<std::vector<json>> RoleComposer::builtinRoles(const std::string &scope, const json &targetLabels) const
{
    const TenancyApi &api = m_context.api();
    std::vector<json> roles;
    if (api.flavor == ApiFlavor::V4) {
        auto list = m_context.list(api.builtinRole, "", std::string(kScopeLabel) + "=" + scope);
        if (!list)
            return list.error();
        for (const auto &b : *list) {
            const json selector = b.value("targetSelector", json::object());
            if (labelSelectorMatches(selector, targetLabels) && b.contains("role"))
                roles.push_back(b["role"]);
        }
    } else if (api.flavor == ApiFlavor::V3) {
        auto list = m_context.list(api.roleBase, "", "");
        if (!list)
            return list.error();
        const std::string kind = scope == kScopeWorkspace ? "WorkspaceRole" : "Role";
        for (const auto &b : *list)
            if (b.contains("role") && b["role"].value("kind", "") == kind)
                roles.push_back(b["role"]);
    }
    return roles;
}

Result<json> RoleComposer::templateRules(const std::vector<std::string> &names, const std::string &scope,
                                         const json &roleSelector) const
{
    const TenancyApi &api = m_context.api();
    json rules = json::array();
    if (api.flavor != ApiFlavor::V4)
        return rules;
    std::vector<json> templates;
    if (roleSelector.is_object() && !roleSelector.empty()) {
        auto list = m_context.list(api.roleTemplate, "", std::string(kScopeLabel) + "=" + scope);
        if (!list)
            return list.error();
        for (auto &t : *list)
            if (labelSelectorMatches(roleSelector, t["metadata"].value("labels", json::object())))
                templates.push_back(std::move(t));
    } else {
        for (const auto &n : names) {
            auto t = m_context.require(api.roleTemplate, "", n, "role template \"" + n + "\"", "templates");
            if (!t)
                return t.error();
            templates.push_back(std::move(*t));
        }
    }
    for (const auto &t : templates)
        rules = mergeRules(rules, t["spec"].value("rules", json::array()));
    return rules;
}

Result<json> RoleComposer::composeRules(const RoleSpec &spec) const
{
    const TenancyApi &api = m_context.api();
    const json own = spec.rules.is_array() ? spec.rules : json::array();
    if (api.flavor == ApiFlavor::V3) {
        // 3.x: whoever writes the role computes the union of its templates (same kind, same scope).
        json rules = mergeRules(json::array(), own);
        for (const auto &name : spec.templates) {
            GroupVersionResource gvr;
            std::string ns;
            switch (spec.level) {
            case RoleSpec::Level::Platform: gvr = api.globalRole; break;
            case RoleSpec::Level::Cluster: gvr = api.clusterRole; break;
            case RoleSpec::Level::Workspace: gvr = api.workspaceRole; break;
            case RoleSpec::Level::Project:
                gvr = api.projectRole;
                ns = spec.scope;
                break;
            }
            auto t = m_context.require(gvr, ns, name, "role template \"" + name + "\"", "templates");
            if (!t)
                return t.error();
            rules = mergeRules(rules, t->value("rules", json::array()));
        }
        return rules;
    }
    // 4.x: verify the templates exist in both modes; only standalone composes the rules (the
    // controller appends them in KubeSphere mode).
    auto fromTemplates = templateRules(spec.templates, scopeOf(spec.level), json());
    if (!fromTemplates)
        return fromTemplates.error();
    return m_context.standalone() ? mergeRules(own, *fromTemplates) : own;
}

Result<json> RoleComposer::composeBuiltin(json role, const std::string &scope) const
{
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

Result<json> RoleComposer::workspaceBuiltin(const json &role, const std::string &workspace) const
{
    json obj = role;
    obj["apiVersion"] = m_context.api().workspaceRole.apiVersion();
    obj["kind"] = "WorkspaceRole";
    obj["metadata"]["name"] = workspaceRoleName(workspace, role["metadata"].value("name", ""));
    obj["metadata"]["labels"][kWorkspaceLabel] = workspace;
    return composeBuiltin(std::move(obj), kScopeWorkspace);
}

Result<json> RoleComposer::projectBuiltin(const json &role, const std::string &ns) const
{
    json obj = role;
    obj["apiVersion"] = m_context.api().projectRole.apiVersion();
    obj["kind"] = m_context.api().projectRole.kind;
    obj["metadata"]["namespace"] = ns;
    return composeBuiltin(std::move(obj), kScopeNamespace);
}

} // namespace kube::tenancy
