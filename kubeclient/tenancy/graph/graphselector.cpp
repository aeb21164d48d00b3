// LabelSelector matching as metav1.LabelSelectorAsSelector + labels.Selector.Matches do it:
// one parser for the whole client (kube::net::Selector), a selector it refuses matches nothing.
#include "kubeclient/tenancy/graph/graphselector.h"

#include "kubeclient/network/netselector.h"

#include <nlohmann/json.hpp>

namespace kube::tenancy {

bool matchesLabelSelector(const nlohmann::json &selector, const std::map<std::string, std::string> &labels)
{
    const auto parsed = net::Selector::parse(selector, "selector");
    return parsed && parsed->matches(labels);
}

} // namespace kube::tenancy
