// What the server says the caller may do: a SelfSubjectRulesReview (which every authenticated
// user may send) turned into RBAC data the evaluators read. For an identity that may not read
// the roles and bindings that grant it, this is the matrix it can still have.
#pragma once

#include "kubeclient/core/canceltoken.h"
#include "kubeclient/core/result.h"
#include "kubeclient/rbac/identity.h"
#include "kubeclient/rbac/rbacdata.h"

#include <nlohmann/json.hpp>

#include <string>

namespace kube {
class Client;
}

namespace kube::rbac {

// A namespace nobody binds in: a review there returns only the cluster-wide rules.
inline constexpr const char *kRulesBaselineNamespace = "tenantry-reach-baseline-none";
// The names the synthetic role and binding carry, so an explanation says where they came from.
inline constexpr const char *kSelfRulesName = "server-rules-review";

// POST a SelfSubjectRulesReview for `ns`; the whole answer (status.resourceRules, incomplete...).
Result<nlohmann::json> selfRulesReview(Client &client, const std::string &ns, const CancelTokenPtr &cancel = nullptr);

struct SelfRules {
    // For a namespace: a Role and RoleBinding there; for the cluster (ns empty): a ClusterRole
    // and ClusterRoleBinding. Both named kSelfRulesName and bound to `me`'s user name.
    RbacData data;
    bool incomplete = false;  // the server said its list may lack rules (another authorizer, an error)
    std::string evaluationError;
};

// The review's resource rules as RBAC data for `me` in `ns` ("" = cluster-wide rules only,
// asked in kRulesBaselineNamespace; its non-resource rules are added there).
SelfRules selfRulesData(const nlohmann::json &review, const Identity &me, const std::string &ns);

} // namespace kube::rbac
