// A metav1.LabelSelector (matchLabels + matchExpressions) as used by aggregation rules and
// KubeSphere role-template selectors; no selector at all selects nothing, an empty one all.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace kube::rbac {

class LabelSelector
{
public:
    struct Requirement {
        std::string key;
        std::string op;  // In, NotIn, Exists, DoesNotExist
        std::vector<std::string> values;
    };

    static LabelSelector fromJson(const nlohmann::json &selector);
    bool matches(const std::map<std::string, std::string> &labels) const;
    bool valid() const { return m_valid; }
    std::string toString() const;

private:
    std::map<std::string, std::string> m_matchLabels;
    std::vector<Requirement> m_expressions;
    bool m_valid = true;  // an unknown operator makes the selector match nothing
};

} // namespace kube::rbac
