// The repair plan (standalone mode): everything KubeSphere's controllers would have made that
// is missing or stale, generated objects whose source is gone, and bindings of deleted users.
#pragma once

#include "kubeclient/tenancy/plan/plancontext.h"
#include "kubeclient/tenancy/plan/rolecomposer.h"
#include "kubeclient/tenancy/plan/tenancywrites.h"

#include <set>

namespace kube::tenancy {

class RepairPlans
{
public:
    explicit RepairPlans(const PlanContext &context);

    Result<Plan> repair() const;

    // Every field of `desired` (objects recursively, arrays and scalars whole) equals `actual`.
    static bool containsAll(const nlohmann::json &desired, const nlohmann::json &actual);

private:
    // The side effects each workspace should have: roles, projections, manager, grants.
    Result<void> addWorkspaceEffects(Plan &desired, const std::string &workspace, const nlohmann::json &tmpl) const;
    Result<void> addMirrors(Plan &desired) const;
    Result<void> addOrphanDeletes(Plan &plan, const std::set<std::string> &desiredKeys) const;
    Result<void> addDeletedUserBindings(Plan &plan) const;

    const PlanContext &m_context;
    RoleComposer m_roles;
    TenancyWrites m_writes;
};

} // namespace kube::tenancy
