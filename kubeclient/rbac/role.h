// A role of any family the evaluators read: RBAC Role / ClusterRole, and KubeSphere's
// GlobalRole, WorkspaceRole and iam Role / ClusterRole, with what composes its rules
// (aggregation selectors, role templates) and any Rego policy attached to it.
#pragma once

#include "kubeclient/rbac/labelselector.h"
#include "kubeclient/rbac/policyrule.h"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kube::rbac {

inline constexpr const char *kRbacGroup = "rbac.authorization.k8s.io";
inline constexpr const char *kIamGroup = "iam.kubesphere.io";

struct Role {
    std::string apiGroup;  // kRbacGroup or kIamGroup
    std::string kind;      // Role, ClusterRole, GlobalRole, WorkspaceRole
    std::string ns, name;
    std::vector<PolicyRule> rules;
    std::map<std::string, std::string> labels, annotations;

    // Kubernetes aggregation (ClusterRole.aggregationRule.clusterRoleSelectors, ORed).
    bool hasAggregationRule = false;
    std::vector<LabelSelector> aggregationSelectors;
    // KubeSphere role templates: 4.x aggregationRoleTemplates, 3.x aggregation-roles annotation.
    std::vector<std::string> templateNames;
    std::optional<LabelSelector> templateSelector;
    // iam.kubesphere.io/rego-override, evaluated by ks-apiserver only.
    std::string regoPolicy;

    static Role fromJson(const nlohmann::json &object);
    bool isCluster() const { return kind != "Role"; }
    // "ClusterRole admin", "Role ns1/dev", "GlobalRole platform-admin"
    std::string toString() const;
};

} // namespace kube::rbac
