// Composes roles as KubeSphere's controllers do: built-in role blueprints chosen by scope and
// target labels, and the rules a role ends with once its templates are merged in (4.x: own
// rules plus the templates'; 3.x: the union of same-kind template roles).
#pragma once

#include "kubeclient/tenancy/plan/plancontext.h"

namespace kube::tenancy {

class RoleComposer
{
public:
    explicit RoleComposer(const PlanContext &context);

    // Built-in role blueprints of a scope whose target selector matches the labels
    // (4.x BuiltinRoles; 3.x RoleBases of the matching kind).
    Result<std::vector<nlohmann::json>> builtinRoles(const std::string &scope, const nlohmann::json &targetLabels) const;
    // A blueprint with its template rules composed, ready to write.
    Result<nlohmann::json> composeBuiltin(nlohmann::json role, const std::string &scope) const;
    // A workspace blueprint named and labelled for one workspace, composed.
    Result<nlohmann::json> workspaceBuiltin(const nlohmann::json &role, const std::string &workspace) const;
    // A project blueprint placed in one namespace, composed.
    Result<nlohmann::json> projectBuiltin(const nlohmann::json &role, const std::string &ns) const;
    // The rules a role of `spec` is written with.
    Result<nlohmann::json> composeRules(const RoleSpec &spec) const;

    static const char *scopeOf(RoleSpec::Level level);

private:
    Result<nlohmann::json> templateRules(const std::vector<std::string> &names, const std::string &scope,
                                         const nlohmann::json &roleSelector) const;

    const PlanContext &m_context;
};

} // namespace kube::tenancy
