// Kubernetes LabelSelector evaluation (matchLabels + matchExpressions) for the tenancy graph:
// placement cluster selectors, aggregation roleSelectors, BuiltinRole target selectors.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <map>
#include <string>

namespace kube::tenancy {

// apimachinery semantics: every matchLabels pair and every expression (In, NotIn, Exists,
// DoesNotExist) must hold; an empty selector {} matches everything. A malformed selector
// (unknown operator, non-object) matches nothing, as LabelSelectorAsSelector would fail.
bool matchesLabelSelector(const nlohmann::json &selector, const std::map<std::string, std::string> &labels);

} // namespace kube::tenancy
