// Label selector matching (metav1.LabelSelector semantics).
// An unknown operator makes the selector invalid, and an invalid selector selects nothing.
#include "kubeclient/rbac/labelselector.h"

#include <algorithm>

namespace kube::rbac {

LabelSelector LabelSelector::fromJson(const nlohmann::json &selector)
{
    LabelSelector s;
    if (!selector.is_object())
        return s;
    if (auto it = selector.find("matchLabels"); it != selector.end() && it->is_object())
        for (auto kv = it->begin(); kv != it->end(); ++kv)
            s.m_matchLabels[kv.key()] = kv->is_string() ? kv->get<std::string>() : kv->dump();
    if (auto it = selector.find("matchExpressions"); it != selector.end() && it->is_array()) {
        for (const auto &e : *it) {
            Requirement r;
            r.key = e.value("key", "");
            r.op = e.value("operator", "");
            if (auto v = e.find("values"); v != e.end() && v->is_array())
                for (const auto &x : *v)
                    if (x.is_string())
                        r.values.push_back(x.get<std::string>());
            if (r.op != "In" && r.op != "NotIn" && r.op != "Exists" && r.op != "DoesNotExist")
                s.m_valid = false;
            s.m_expressions.push_back(std::move(r));
        }
    }
    return s;
}

bool LabelSelector::matches(const std::map<std::string, std::string> &labels) const
{
    if (!m_valid)
        return false;
    for (const auto &[k, v] : m_matchLabels) {
        auto it = labels.find(k);
        if (it == labels.end() || it->second != v)
            return false;
    }
    for (const auto &r : m_expressions) {
        auto it = labels.find(r.key);
        const bool has = it != labels.end();
        const bool listed = has && std::find(r.values.begin(), r.values.end(), it->second) != r.values.end();
        if (r.op == "In" && !listed)
            return false;
        if (r.op == "NotIn" && listed)
            return false;
        if (r.op == "Exists" && !has)
            return false;
        if (r.op == "DoesNotExist" && has)
            return false;
    }
    return true;
}

std::string LabelSelector::toString() const
{
    std::string out;
    for (const auto &[k, v] : m_matchLabels)
        out += (out.empty() ? "" : ",") + k + "=" + v;
    for (const auto &r : m_expressions) {
        out += out.empty() ? "" : ",";
        if (r.op == "Exists") {
            out += r.key;
        } else if (r.op == "DoesNotExist") {
            out += "!" + r.key;
        } else {
            out += r.key + (r.op == "In" ? " in (" : " notin (");
            for (size_t i = 0; i < r.values.size(); ++i)
                out += (i ? "," : "") + r.values[i];
            out += ")";
        }
    }
    return out.empty() ? "<everything>" : out;
}

} // namespace kube::rbac
