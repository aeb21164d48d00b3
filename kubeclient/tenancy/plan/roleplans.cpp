// Role operations. Standalone mode also writes the RBAC copy kube-apiserver enforces: the
// mirror of a project or cluster role (4.x), the projection of a workspace role.
#include "kubeclient/tenancy/plan/roleplans.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/kubesphere/names.h"
#include "kubeclient/kubesphere/rulecheck.h"

namespace kube::tenancy {

using nlohmann::json;

RolePlans::RolePlans(const PlanContext &context)
    : m_context(context)
    , m_roles(context)
    , m_writes(context)
{
}

Result<void> RolePlans::validateRules(const json &rules, RoleSpec::Level level)
{
    if (!rules.is_array())
        return PlanContext::invalid("rules must be a list", "rules");
    const bool urlsAllowed = level == RoleSpec::Level::Platform || level == RoleSpec::Level::Cluster;
    for (size_t i = 0; i < rules.size(); ++i) {
        const json &r = rules[i];
        const std::string where = "rules[" + std::to_string(i) + "]";
        const std::string rule = "rule " + std::to_string(i + 1) + ": ";
        auto count = [&](const char *k) { return r.contains(k) && r[k].is_array() ? r[k].size() : size_t(0); };
        if (count("verbs") == 0)
            return PlanContext::invalid(rule + "a rule needs at least one verb", where);
        const bool urls = count("nonResourceURLs") > 0;
        const bool resources = count("resources") > 0 || count("apiGroups") > 0;
        if (urls && resources)
            return PlanContext::invalid(rule + "a rule cannot mix nonResourceURLs with apiGroups/resources", where);
        if (urls && !urlsAllowed)
            return PlanContext::invalid(rule + "nonResourceURLs can only be granted by platform or cluster roles", where);
        if (!urls && (count("resources") == 0 || count("apiGroups") == 0))
            return PlanContext::invalid(rule + "a resource rule needs apiGroups and resources (use \"\" for the core group)",
                                        where);
        if (auto values = checkRuleValues(r, i, urlsAllowed); !values)
            return values.error();
    }
    return {};
}

GroupVersionResource RolePlans::roleResource(RoleSpec::Level level) const
{
    switch (level) {
    case RoleSpec::Level::Platform: return m_context.api().globalRole;
    case RoleSpec::Level::Cluster: return m_context.api().clusterRole;
    case RoleSpec::Level::Workspace: return m_context.api().workspaceRole;
    case RoleSpec::Level::Project: return m_context.api().projectRole;
    }
    return {};
}

GroupVersionResource RolePlans::bindingResource(RoleSpec::Level level) const
{
    switch (level) {
    case RoleSpec::Level::Platform: return m_context.api().globalRoleBinding;
    case RoleSpec::Level::Cluster: return m_context.api().clusterRoleBinding;
    case RoleSpec::Level::Workspace: return m_context.api().workspaceRoleBinding;
    case RoleSpec::Level::Project: return m_context.api().projectRoleBinding;
    }
    return {};
}

Result<Plan> RolePlans::save(const RoleSpec &spec, bool create) const
{
    const GroupVersionResource gvr = roleResource(spec.level);
    const std::string ns = spec.level == RoleSpec::Level::Project ? spec.scope : std::string();
    const std::string what = std::string(toString(spec.level)) + " role \"" + spec.name + "\"";
    std::vector<PlanContext::Check> checks = {[&] { return validateRoleName(spec.name); },
                                              [&] { return validateRules(spec.rules, spec.level); }};
    if (spec.level == RoleSpec::Level::Workspace)
        checks.push_back(m_context.exists(PlanTarget::Workspace, spec.scope));
    if (spec.level == RoleSpec::Level::Project)
        checks.push_back([&]() -> Result<void> {
            auto r = m_context.require(TenancyApi::namespaces, "", ns, "project \"" + ns + "\"", "project");
            return r ? Result<void>{} : Result<void>(r.error());
        });
    checks.push_back([&]() -> Result<void> {
        auto existing = m_context.fetch(gvr, ns, spec.name);
        if (!existing)
            return existing.error();
        if (create && *existing)
            return PlanContext::invalid(what + " already exists", "role name");
        if (!create && !*existing)
            return PlanContext::invalid(what + " does not exist", "role name");
        return {};
    });
    const std::string title = std::string(create ? "create " : "edit ") + toString(spec.level) + " role " + spec.name;
    return PlanContext::compose(title, checks, [&](Plan &plan) -> Result<void> {
        const TenancyApi &api = m_context.api();
        auto rules = m_roles.composeRules(spec);
        if (!rules)
            return rules.error();
        const json role = m_context.factory().role(spec, *rules);
        if (spec.level == RoleSpec::Level::Workspace) {
            m_writes.addWorkspaceRole(plan, role);
        } else {
            PlanContext::addApply(plan, gvr, role, std::string(toString(spec.level)) + " role");
            if (m_context.standalone() && !api.rolesAreRbac()) {
                if (spec.level == RoleSpec::Level::Project)
                    PlanContext::addApply(plan, TenancyApi::rbacRole, ObjectFactory::rbacMirror(role),
                                          "RBAC mirror of the role", true);
                if (spec.level == RoleSpec::Level::Cluster)
                    PlanContext::addApply(plan, TenancyApi::rbacClusterRole, ObjectFactory::rbacMirror(role),
                                          "RBAC mirror of the role", true);
            }
        }
        if (!m_context.standalone() && api.flavor == ApiFlavor::V4 && !spec.templates.empty())
            plan.notes.push_back("KubeSphere's controller appends the templates' rules to the role");
        return {};
    });
}

Result<Plan> RolePlans::remove(const RoleSpec &spec) const
{
    const GroupVersionResource gvr = roleResource(spec.level);
    const std::string ns = spec.level == RoleSpec::Level::Project ? spec.scope : std::string();
    const std::vector<PlanContext::Check> checks = {
        [&]() -> Result<void> {
            auto r = m_context.require(gvr, ns, spec.name,
                                       std::string(toString(spec.level)) + " role \"" + spec.name + "\"", "role");
            return r ? Result<void>{} : Result<void>(r.error());
        },
        [&]() -> Result<void> {
            auto bindings = m_context.list(bindingResource(spec.level), ns, "");
            if (!bindings)
                return bindings.error();
            std::string users;
            for (const auto &b : *bindings)
                if (b.value("roleRef", json::object()).value("name", "") == spec.name
                    && ObjectMeta(b).label(kGeneratedByLabel).empty())
                    users += (users.empty() ? "" : ", ") + ObjectMeta(b).name();
            if (!users.empty())
                return PlanContext::invalid("role \"" + spec.name + "\" is still bound (" + users
                                                + "): change or remove those members first",
                                            "role");
            return {};
        }};
    const std::string title = std::string("delete ") + toString(spec.level) + " role " + spec.name;
    return PlanContext::compose(title, checks, [&](Plan &plan) -> Result<void> {
        const TenancyApi &api = m_context.api();
        PlanContext::addDelete(plan, gvr, ns, spec.name, "the role");
        if (!m_context.standalone())
            return {};
        if (spec.level == RoleSpec::Level::Workspace)
            PlanContext::addDelete(plan, TenancyApi::rbacClusterRole, "", projectionName(spec.name), "its RBAC projection",
                                   true);
        else if (spec.level == RoleSpec::Level::Project && !api.rolesAreRbac())
            PlanContext::addDelete(plan, TenancyApi::rbacRole, ns, mirrorName(spec.name), "its RBAC mirror", true);
        else if (spec.level == RoleSpec::Level::Cluster && !api.rolesAreRbac())
            PlanContext::addDelete(plan, TenancyApi::rbacClusterRole, "", mirrorName(spec.name), "its RBAC mirror", true);
        return {};
    });
}

} // namespace kube::tenancy
