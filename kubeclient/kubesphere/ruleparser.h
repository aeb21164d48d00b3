// PolicyRules written on one command line ("verbs=get,list;apiGroups=,apps;resources=pods/log")
// and back: the text form tenantryctl's --rule and --non-resource-rule flags take.
#pragma once

#include "kubeclient/core/result.h"

#include <nlohmann/json.hpp>

#include <string>

namespace kube::tenancy {

// What a rule text may describe: resources (--rule), non-resource URLs (--non-resource-rule),
// or either (whichever keys the text uses).
enum class RuleKind { Resource, NonResource, Any };

// Parses "key=v1,v2;key=v3". Keys: verbs, apiGroups (groups), resources, resourceNames (names),
// nonResourceURLs (urls). '' or "" stands for the empty string (the core API group), and an
// empty item in apiGroups ("apiGroups=,apps") means the same. Values are kept literally: "*" is
// never expanded and subresources ("pods/log") stay as written. Errors name the key and the
// problem; the result is an RBAC PolicyRule object with only the keys that were given.
Result<nlohmann::json> parseRule(const std::string &text, RuleKind kind = RuleKind::Any);

// The inverse: "verbs=get,list;apiGroups='',apps;resources=pods" (keys in that fixed order,
// the empty group written as ''), so parseRule(formatRule(r)) == r.
std::string formatRule(const nlohmann::json &rule);

} // namespace kube::tenancy
