// Plans of the user family: create (with an optional platform role), edit, enable or disable,
// delete (with the user's bindings in standalone mode) and the single platform role.
#pragma once

#include "kubeclient/tenancy/plan/plancontext.h"
#include "kubeclient/tenancy/plan/tenancywrites.h"

namespace kube::tenancy {

class UserPlans
{
public:
    explicit UserPlans(const PlanContext &context);

    Result<Plan> create(const UserSpec &spec, const std::string &platformRole) const;
    Result<Plan> edit(const UserSpec &spec) const;
    Result<Plan> setEnabled(const std::string &name, bool enabled) const;
    Result<Plan> remove(const std::string &name) const;
    Result<Plan> setPlatformRole(const std::string &user, const std::string &role) const;

private:
    // Checks of the account fields every create or edit runs.
    std::vector<PlanContext::Check> fieldChecks(const UserSpec &spec) const;
    // "status" when the User kind serves it, "" to patch the object itself.
    std::string statusSubresource() const;

    const PlanContext &m_context;
    TenancyWrites m_writes;
};

} // namespace kube::tenancy
