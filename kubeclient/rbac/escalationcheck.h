// Predicts whether kube-apiserver will refuse a Role/ClusterRole or RoleBinding/
// ClusterRoleBinding write as privilege escalation, so the editor can warn before sending:
// system:masters passes; else the escalate (roles) or bind (bindings) verb passes; else the
// writer must already hold every rule granted (CoverageCheck over the writer's own rules).
#pragma once

#include "kubeclient/rbac/evaluator.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace kube::rbac {

struct EscalationVerdict {
    bool allowed = false;
    std::string basis;                  // "system:masters", "escalate", "bind", "covers", "not checked"
    std::vector<PolicyRule> uncovered;  // what the writer lacks (empty when allowed)
    std::string message;                // one line for the editor's warning

    std::string explain() const;
};

class EscalationCheck
{
public:
    explicit EscalationCheck(const Evaluator &evaluator);

    // `object` is the Role or ClusterRole as it would be written. The escalate verb is
    // checked with the name the request URL carries: none for a POST create (so a rule
    // limited to resourceNames cannot grant it), the role's name for update/patch/apply.
    EscalationVerdict checkRoleWrite(const Identity &writer, const nlohmann::json &object, bool viaPost = false) const;
    // `object` is the RoleBinding or ClusterRoleBinding as it would be written. `roleRules`,
    // when given, are the referenced role's rules (a role the same change writes first);
    // otherwise the role is looked up in the evaluator's index.
    EscalationVerdict checkBindingWrite(const Identity &writer, const nlohmann::json &object,
                                        const std::vector<PolicyRule> *roleRules = nullptr) const;

private:
    const Evaluator &m_evaluator;
};

} // namespace kube::rbac
