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
    // Checks of the account fields every create or edit runs: e-mail and password well formed,
    // and the e-mail not another user's (KubeSphere's user webhook).
    std::vector<PlanContext::Check> fieldChecks(const UserSpec &spec) const;
    Result<void> emailUnique(const UserSpec &spec) const;
    // Puts a new password into `user` as the mode stores it: standalone hashes it with bcrypt and
    // stamps the change time, as KubeSphere's user controller would; KubeSphere mode sends it for
    // that controller to hash. A value that already is a bcrypt hash is kept as it is.
    Result<void> writePassword(Plan &plan, nlohmann::json &user, const std::string &password) const;
    // The status write of a state change: the state and its lastTransitionTime.
    nlohmann::json statePatch(const std::string &state) const;
    // "status" when the User kind serves it, "" to patch the object itself.
    std::string statusSubresource() const;

    const PlanContext &m_context;
    TenancyWrites m_writes;
};

} // namespace kube::tenancy
