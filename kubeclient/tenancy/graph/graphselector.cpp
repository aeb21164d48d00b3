// LabelSelector matching as metav1.LabelSelectorAsSelector + labels.Selector.Matches do it.
#include "kubeclient/tenancy/graph/graphselector.h"

#include <nlohmann/json.hpp>

namespace kube::tenancy {

bool matchesLabelSelector(const nlohmann::json &selector, const std::map<std::string, std::string> &labels)
{
    if (!selector.is_object())
        return false;
    if (const auto ml = selector.find("matchLabels"); ml != selector.end() && !ml->is_null()) {
        if (!ml->is_object())
            return false;
        for (auto it = ml->begin(); it != ml->end(); ++it) {
            if (!it.value().is_string())
                return false;
            const auto found = labels.find(it.key());
            if (found == labels.end() || found->second != it.value().get<std::string>())
                return false;
        }
    }
    const auto me = selector.find("matchExpressions");
    if (me == selector.end() || me->is_null())
        return true;
    if (!me->is_array())
        return false;
    for (const auto &expr : *me) {
        if (!expr.is_object())
            return false;
        const std::string key = expr.value("key", std::string());
        const std::string op = expr.value("operator", std::string());
        const auto found = labels.find(key);
        const auto valuesIt = expr.find("values");
        auto inValues = [&](const std::string &v) {
            if (valuesIt == expr.end() || !valuesIt->is_array())
                return false;
            for (const auto &candidate : *valuesIt)
                if (candidate.is_string() && candidate.get<std::string>() == v)
                    return true;
            return false;
        };
        if (op == "In") {
            if (found == labels.end() || !inValues(found->second))
                return false;
        } else if (op == "NotIn") {
            if (found != labels.end() && inValues(found->second))
                return false;
        } else if (op == "Exists") {
            if (found == labels.end())
                return false;
        } else if (op == "DoesNotExist") {
            if (found != labels.end())
                return false;
        } else {
            return false;
        }
    }
    return true;
}

} // namespace kube::tenancy
