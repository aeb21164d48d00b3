// Predicts what kube-controller-manager's clusterrole-aggregation controller writes into
// aggregated ClusterRoles: the union of the rules of every other ClusterRole its
// clusterRoleSelectors match (ORed), visited by name, duplicates dropped, repeated until
// nothing changes because an aggregated role can feed another (view -> edit -> admin).
#pragma once

#include "kubeclient/rbac/role.h"

#include <map>
#include <string>
#include <vector>

namespace kube::rbac {

class AggregationPredictor
{
public:
    struct Prediction {
        std::vector<PolicyRule> rules;
        std::vector<std::string> sources;  // the ClusterRoles whose rules it took, by name
    };

    // `roles` may hold any family; only RBAC ClusterRoles with an aggregationRule are predicted.
    static std::map<std::string, Prediction> predict(const std::vector<Role> &roles);
    // Same rules regardless of order (the controller's order depends on its lister).
    static bool sameRuleSet(const std::vector<PolicyRule> &a, const std::vector<PolicyRule> &b);
};

} // namespace kube::rbac
