// Which RBAC writes of a plan kube-apiserver will refuse as privilege escalation, before
// anything is sent: each Role / ClusterRole / RoleBinding / ClusterRoleBinding apply (the
// mirrors and projections standalone mode writes included) checked against the writer's own
// rules, as the server's escalation check does. The writer's rules come from the server
// (SelfSubjectRulesReview per namespace the plan touches, plus the cluster-wide baseline).
#pragma once

#include "kubeclient/core/canceltoken.h"
#include "kubeclient/core/result.h"
#include "kubeclient/rbac/escalationcheck.h"
#include "kubeclient/rbac/identity.h"
#include "kubeclient/rbac/rbacdata.h"
#include "kubeclient/tenancy/plan/plan.h"

#include <string>
#include <vector>

namespace kube {
class Client;
}

namespace kube::tenancy {

struct WriteEscalation {
    std::size_t index = 0;  // the write's position in the plan
    std::string write;      // PlannedWrite::describe()
    rbac::EscalationVerdict verdict;
};

struct PlanEscalation {
    std::vector<WriteEscalation> writes;  // one per RBAC role or binding apply, in plan order
    bool incomplete = false;              // the writer's rules may lack some (the server said so)

    // Writes the server is expected to refuse.
    std::vector<const WriteEscalation *> refused() const;
    bool allowed() const { return refused().empty(); }
    // One paragraph per refused write: what, why, and the rules the writer lacks.
    std::string explain() const;
};

// The namespaces whose rules the escalation check of `plan` needs ("" stands for the cluster
// baseline and always comes first).
std::vector<std::string> escalationNamespaces(const Plan &plan);

// The verdict of each RBAC write of `plan` for `writer`, whose own rules are `writerRules`
// (writerRulesData's result, or live RBAC objects). A binding to a role the same plan writes is
// checked against that role as written; other roles are looked up in `writerRules` and `live`
// (RBAC objects as the cluster holds them; optional).
PlanEscalation checkPlanEscalation(const Plan &plan, const rbac::Identity &writer, const rbac::RbacData &writerRules,
                                   const rbac::RbacData *live = nullptr);

struct WriterRules {
    rbac::RbacData data;
    bool incomplete = false;
    std::vector<std::string> namespaces;  // reviewed, "" = the cluster baseline
};

// What the server says `writer` (the caller) may do in each namespace (SelfSubjectRulesReview
// each; "" asks kRulesBaselineNamespace for the cluster-wide rules), merged into one data set.
Result<WriterRules> writerRulesData(Client &client, const rbac::Identity &writer,
                                    const std::vector<std::string> &namespaces, const CancelTokenPtr &cancel = nullptr);

} // namespace kube::tenancy
