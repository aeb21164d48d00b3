// Plans of the member family: one binding per user per scope (setting a role replaces the
// user's other bindings of that scope) and removing a user from a scope.
#pragma once

#include "kubeclient/tenancy/plan/memberscope.h"
#include "kubeclient/tenancy/plan/plancontext.h"
#include "kubeclient/tenancy/plan/tenancywrites.h"

namespace kube::tenancy {

class MemberPlans
{
public:
    explicit MemberPlans(const PlanContext &context);

    // Platform scope is the user's platform role (UserPlans::setPlatformRole); the facade
    // routes it there.
    Result<Plan> set(const MemberScope &scope, const std::string &user, const std::string &role) const;
    Result<Plan> remove(const MemberScope &scope, const std::string &user) const;
    // Several changes as one plan, in order; writes two changes share (a role's RBAC mirror)
    // appear once. The reach objects are left to the caller, once for the whole plan.
    Result<Plan> change(const std::vector<MemberChange> &changes) const;
    // The user has a binding of their own in the scope (generated RBAC copies do not count).
    Result<bool> isMember(const MemberScope &scope, const std::string &user) const;

private:
    Result<void> addWorkspaceMember(Plan &plan, const MemberScope &scope, const std::string &user,
                                    const std::string &role) const;
    Result<void> addProjectMember(Plan &plan, const MemberScope &scope, const std::string &user,
                                  const std::string &role) const;
    Result<void> addClusterMember(Plan &plan, const MemberScope &scope, const std::string &user,
                                  const std::string &role) const;
    // The user's other bindings of the scope, minus the one being written and its RBAC copy.
    Result<void> addReplacedBindings(Plan &plan, const MemberScope &scope, const std::string &user,
                                     const std::string &keptBinding, const std::string &keptCopy) const;

    const PlanContext &m_context;
    TenancyWrites m_writes;
};

} // namespace kube::tenancy
