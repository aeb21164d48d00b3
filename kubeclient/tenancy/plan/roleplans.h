// Plans of the role family: create or edit a role of any level (rules validated, templates
// composed as the controller would), and delete a role nobody is bound to.
#pragma once

#include "kubeclient/tenancy/plan/plancontext.h"
#include "kubeclient/tenancy/plan/rolecomposer.h"
#include "kubeclient/tenancy/plan/tenancywrites.h"

namespace kube::tenancy {

class RolePlans
{
public:
    explicit RolePlans(const PlanContext &context);

    Result<Plan> save(const RoleSpec &spec, bool create) const;
    Result<Plan> remove(const RoleSpec &spec) const;

    // Rules must be well formed for the level: verbs, resources or URLs, never both.
    static Result<void> validateRules(const nlohmann::json &rules, RoleSpec::Level level);

private:
    GroupVersionResource roleResource(RoleSpec::Level level) const;
    GroupVersionResource bindingResource(RoleSpec::Level level) const;

    const PlanContext &m_context;
    RoleComposer m_roles;
    TenancyWrites m_writes;
};

} // namespace kube::tenancy
