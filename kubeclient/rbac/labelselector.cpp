// Label selector matching (metav1.LabelSelector semantics) through kube::net::Selector.
#include "kubeclient/rbac/labelselector.h"

namespace kube::rbac {

LabelSelector LabelSelector::fromJson(const nlohmann::json &selector)
{
    LabelSelector s;
    auto parsed = net::Selector::parse(selector.is_object() ? selector : nlohmann::json::object(), "selector");
    if (parsed)
        s.m_selector = std::move(*parsed);
    return s;
}

bool LabelSelector::matches(const std::map<std::string, std::string> &labels) const
{
    return m_selector && m_selector->matches(labels);
}

std::string LabelSelector::toString() const
{
    if (!m_selector)
        return "<invalid selector>";
    return m_selector->empty() ? "<everything>" : m_selector->toString();
}

} // namespace kube::rbac
