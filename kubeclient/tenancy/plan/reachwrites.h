// Standalone mode's reach objects: per user a ClusterRole + ClusterRoleBinding
// "tenantry:reach:<user>" granting `get` on exactly the namespaces of the user's projects (by
// membership in the project, or in its workspace), owned by the User. Every authenticated user
// may send a SelfSubjectRulesReview, which then reveals those names to the session's reach rule
// without the right to list namespaces.
#pragma once

#include "kubeclient/tenancy/plan/plancontext.h"

#include <set>

namespace kube::tenancy {

inline constexpr const char *kReachOfLabel = "tenantry.dev/reach-of";

class ReachWrites
{
public:
    explicit ReachWrites(const PlanContext &context);

    static std::string objectName(const std::string &user);  // "tenantry:reach:<user>"

    // Appends the reach writes of every user whose reach the plan changes (standalone only).
    // A reader that may not see bindings cluster-wide gets a note instead of the writes.
    Result<void> complete(Plan &plan) const;
    // The desired reach objects of every user with a membership, for repair.
    Result<void> addDesiredForAll(Plan &desired) const;

    // The namespaces the user reaches as a member, as `reader` sees the cluster.
    Result<std::set<std::string>> namespacesOf(PlanReader &reader, const std::string &user) const;
    static nlohmann::json clusterRole(const nlohmann::json &user, const std::set<std::string> &namespaces);
    static nlohmann::json clusterRoleBinding(const nlohmann::json &user);

private:
    Result<std::set<std::string>> affectedUsers(const Plan &plan) const;
    Result<void> addFor(Plan &plan, PlanReader &planned, const std::string &user) const;

    const PlanContext &m_context;
};

} // namespace kube::tenancy
