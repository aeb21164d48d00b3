// A metav1.LabelSelector (matchLabels + matchExpressions) as used by aggregation rules and
// KubeSphere role-template selectors, parsed once by the client's one selector parser
// (kube::net::Selector). A selector the API server would refuse selects nothing.
#pragma once

#include "kubeclient/network/netselector.h"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>

namespace kube::rbac {

class LabelSelector
{
public:
    // A non-object (no selector) is the empty selector.
    static LabelSelector fromJson(const nlohmann::json &selector);
    bool matches(const std::map<std::string, std::string> &labels) const;
    bool valid() const { return m_selector.has_value(); }
    std::string toString() const;

private:
    std::optional<net::Selector> m_selector;
};

} // namespace kube::rbac
