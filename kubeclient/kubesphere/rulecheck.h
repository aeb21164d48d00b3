// The checks a role editor runs on each PolicyRule before planning: whether its form can show
// a rule and give it back unchanged, and whether each value is one the server would accept
// (verbs, API groups, resources with subresources, resource names, non-resource URLs).
#pragma once

#include "kubeclient/core/result.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>

namespace kube::tenancy {

// True when `rule` is an object whose keys are among verbs, apiGroups, resources,
// resourceNames and nonResourceURLs, each an array of distinct strings without commas (the
// form's lists are comma-separated, its verbs a set of check boxes), resource and URL keys not
// mixed; else *why says what the form could not keep ("key \"x-note\" is not part of a
// PolicyRule", "resourceNames value \"a,b\" contains a comma").
bool ruleFitsForm(const nlohmann::json &rule, std::string *why = nullptr);

// Each value of one rule. The error's message names the rule (1-based `index` + 1) and the
// field ("rule 2: verb \"ge t\" contains whitespace"), its field is "rules[i].verbs".
// allowUrls: the level may grant nonResourceURLs (platform and cluster roles).
Result<void> checkRuleValues(const nlohmann::json &rule, std::size_t index, bool allowUrls);

} // namespace kube::tenancy
