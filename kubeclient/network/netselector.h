// A metav1.LabelSelector as NetworkPolicy peers and podSelectors use it, parsed once with errors
// naming the field, and the label-space facts computeFlows needs to build representative pods.
#pragma once

#include "kubeclient/core/result.h"

#include <nlohmann/json_fwd.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace kube::net {

class Selector
{
public:
    enum class Op { In, NotIn, Exists, DoesNotExist };
    struct Requirement {
        std::string key;
        Op op = Op::Exists;
        std::set<std::string> values;
    };

    // `field` names the selector in errors ("spec.ingress[0].from[1].podSelector"). null or a
    // missing selector is the caller's business; {} selects everything.
    static Result<Selector> parse(const nlohmann::json &selector, const std::string &field);

    bool matches(const std::map<std::string, std::string> &labels) const;
    bool empty() const { return m_labels.empty() && m_expressions.empty(); }

    // Every key the selector looks at, with the values it names (matchLabels, In, NotIn).
    void collectValues(std::map<std::string, std::set<std::string>> &out) const;
    // Labels this selector matches, with few keys (In takes its first value, Exists the value
    // `other`); may not match when the selector contradicts itself (a=1 and a notin (1)).
    std::map<std::string, std::string> witness(const std::string &other) const;
    // "app=web,tier in (a,b),!legacy" ("{}" for the empty selector): explanations and detail.
    std::string toString() const;
    // The same text, stable: two selectors with equal keys select the same labels.
    const std::string &key() const { return m_key; }

private:
    std::map<std::string, std::string> m_labels;
    std::vector<Requirement> m_expressions;
    std::string m_key;
};

std::string labelsText(const std::map<std::string, std::string> &labels);  // "a=1,b=2"

} // namespace kube::net
