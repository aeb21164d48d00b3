// The step both evaluators share: walk one set of bindings for one identity and request,
// stop at the first rule that allows it, and otherwise gather the nearest rules for the
// explanation of a denial.
#pragma once

#include "kubeclient/rbac/decision.h"
#include "kubeclient/rbac/rbacindex.h"
#include "kubeclient/rbac/regoevaluator.h"

#include <string>
#include <vector>

namespace kube::rbac {

class BindingVisitor
{
public:
    BindingVisitor(const RbacIndex &index, const Identity &who, const RequestAttributes &request);

    // KubeSphere: evaluate the Rego policy of each visited role before its rules, as
    // ks-apiserver does, with `rego` and the request's input record (regoInput). Without an
    // engine (or for an identity without a user name) policies are only noted.
    void setRego(RegoEvaluator *rego, nlohmann::json input);

    // Visits the bindings of `set` that apply to the identity, in order. Returns true and
    // fills decision.grant on the first allowing rule (or, with an engine, Rego policy).
    // Missing roles are added to decision.errors when `reportMissingRoles`; Rego policies of
    // visited roles to decision.policies when `notePolicies` (and only then evaluated).
    bool visit(const RbacIndex::BindingSet &set, const std::string &scope, Decision &decision,
               bool reportMissingRoles, bool notePolicies);
    // True when any rule (or, with an engine, Rego policy) of an applying binding of `set`
    // allows the request (no explanation).
    bool allows(const RbacIndex::BindingSet &set);
    // Adds every rule of the applying bindings of `set` to `out` as a near miss, each with
    // what it lacks; `scopeMissing` (if not empty) is added to each rule's list first.
    void gatherNear(const RbacIndex::BindingSet &set, const std::string &scope, const std::string &scopeMissing,
                    std::vector<NearMiss> &out);
    // Every allowing path of `set` (not just the first).
    void allGrants(const RbacIndex::BindingSet &set, const std::string &scope, std::vector<GrantPath> &out);

    GrantPath pathFor(uint32_t binding, int ruleIndex, const std::string &scope) const;
    // Keeps the `limit` nearest misses, closest first.
    static void keepNearest(std::vector<NearMiss> &misses, size_t limit);

private:
    const RbacIndex &m_index;
    const Identity &m_who;
    const RequestAttributes &m_request;
    std::vector<uint32_t> m_candidates;
    RegoEvaluator *m_rego = nullptr;
    nlohmann::json m_regoInput;

    // The role's policy verdict for this request (only called for roles with a policy).
    RegoVerdict regoVerdict(const Role &role);
    std::string regoSkipped() const;  // why a policy is not evaluated, or "" when it is
};

} // namespace kube::rbac
