// Fixed-point prediction of ClusterRole aggregation (kube-apiserver-notes.md 5.5).
// Iterates to a fixed point because aggregated roles may select other aggregated roles.
#include "kubeclient/rbac/aggregationpredictor.h"

#include <algorithm>

namespace kube::rbac {

namespace {
bool isRbacClusterRole(const Role &r)
{
    return r.apiGroup == kRbacGroup && r.kind == "ClusterRole";
}

void appendUnique(std::vector<PolicyRule> &into, const PolicyRule &rule)
{
    if (std::find(into.begin(), into.end(), rule) == into.end())
        into.push_back(rule);
}
} // namespace

std::map<std::string, AggregationPredictor::Prediction> AggregationPredictor::predict(const std::vector<Role> &roles)
{
    // Current rules of every ClusterRole by name (std::map: the name order the controller sorts by).
    std::map<std::string, const Role *> byName;
    std::map<std::string, std::vector<PolicyRule>> current;
    for (const auto &r : roles) {
        if (!isRbacClusterRole(r))
            continue;
        byName[r.name] = &r;
        current[r.name] = r.rules;
    }
    std::map<std::string, Prediction> out;
    // Chains are short (view -> edit -> admin); the bound only guards against selector cycles.
    for (int round = 0; round < 16; ++round) {
        bool changed = false;
        for (const auto &[name, role] : byName) {
            if (!role->hasAggregationRule)
                continue;
            Prediction p;
            for (const auto &selector : role->aggregationSelectors) {
                for (const auto &[otherName, other] : byName) {
                    if (otherName == name || !selector.matches(other->labels))
                        continue;
                    if (std::find(p.sources.begin(), p.sources.end(), otherName) == p.sources.end())
                        p.sources.push_back(otherName);
                    for (const auto &rule : current[otherName])
                        appendUnique(p.rules, rule);
                }
            }
            if (!sameRuleSet(current[name], p.rules))
                changed = true;
            current[name] = p.rules;
            out[name] = std::move(p);
        }
        if (!changed)
            break;
    }
    return out;
}

bool AggregationPredictor::sameRuleSet(const std::vector<PolicyRule> &a, const std::vector<PolicyRule> &b)
{
    auto contained = [](const std::vector<PolicyRule> &x, const std::vector<PolicyRule> &y) {
        return std::all_of(x.begin(), x.end(),
                           [&](const PolicyRule &r) { return std::find(y.begin(), y.end(), r) != y.end(); });
    };
    return contained(a, b) && contained(b, a);
}

} // namespace kube::rbac
