// "Covers" as kube-apiserver's escalation check means it: every rule of the new role is
// broken into atoms (one verb, group, resource and name, or one URL and verb) and each atom
// must be covered by some rule the writer already holds. Differs from request matching:
// a servant "*" needs a literal owner "*", and an atom without names needs an owner rule
// without names.
#pragma once

#include "kubeclient/rbac/policyrule.h"

#include <vector>

namespace kube::rbac {

class CoverageCheck
{
public:
    static std::vector<PolicyRule> atoms(const PolicyRule &rule);
    // One owner rule against one servant rule (usually an atom).
    static bool covers(const PolicyRule &owner, const PolicyRule &servant);
    // The atoms of `servant` that no rule of `owner` covers; empty = fully covered.
    static std::vector<PolicyRule> uncovered(const std::vector<PolicyRule> &owner,
                                             const std::vector<PolicyRule> &servant);
};

} // namespace kube::rbac
