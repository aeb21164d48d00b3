// LabelSelector parsing with field errors and matching (labels.Selector semantics: every
// matchLabels pair and every expression must hold).
#include "kubeclient/network/netselector.h"

#include <nlohmann/json.hpp>

namespace kube::net {

namespace {

Error invalid(const std::string &field, const std::string &message)
{
    return Error::make(ErrorKind::Invalid, field + ": " + message, field);
}

std::string joined(const std::set<std::string> &values)
{
    std::string out;
    for (const auto &v : values)
        out += (out.empty() ? "" : ",") + v;
    return out;
}

} // namespace

std::string labelsText(const std::map<std::string, std::string> &labels)
{
    std::string out;
    for (const auto &[k, v] : labels)
        out += (out.empty() ? "" : ",") + k + "=" + v;
    return out;
}

Result<Selector> Selector::parse(const nlohmann::json &selector, const std::string &field)
{
    Selector s;
    if (!selector.is_object())
        return invalid(field, "must be an object (a label selector)");
    if (auto ml = selector.find("matchLabels"); ml != selector.end() && !ml->is_null()) {
        if (!ml->is_object())
            return invalid(field + ".matchLabels", "must be a map of label keys to values");
        for (auto it = ml->begin(); it != ml->end(); ++it) {
            if (!it.value().is_string())
                return invalid(field + ".matchLabels." + it.key(), "must be a string");
            s.m_labels[it.key()] = it.value().get<std::string>();
        }
    }
    if (auto me = selector.find("matchExpressions"); me != selector.end() && !me->is_null()) {
        if (!me->is_array())
            return invalid(field + ".matchExpressions", "must be a list");
        for (std::size_t i = 0; i < me->size(); ++i) {
            const auto &e = (*me)[i];
            const std::string at = field + ".matchExpressions[" + std::to_string(i) + "]";
            if (!e.is_object())
                return invalid(at, "must be an object with key, operator and values");
            Requirement r;
            if (!e.contains("key") || !e["key"].is_string() || e["key"].get<std::string>().empty())
                return invalid(at + ".key", "required");
            r.key = e["key"].get<std::string>();
            const std::string op = e.contains("operator") && e["operator"].is_string() ? e["operator"].get<std::string>() : "";
            if (op == "In")
                r.op = Op::In;
            else if (op == "NotIn")
                r.op = Op::NotIn;
            else if (op == "Exists")
                r.op = Op::Exists;
            else if (op == "DoesNotExist")
                r.op = Op::DoesNotExist;
            else
                return invalid(at + ".operator", "must be In, NotIn, Exists or DoesNotExist, not \"" + op + "\"");
            if (auto v = e.find("values"); v != e.end() && !v->is_null()) {
                if (!v->is_array())
                    return invalid(at + ".values", "must be a list of strings");
                for (std::size_t j = 0; j < v->size(); ++j) {
                    if (!(*v)[j].is_string())
                        return invalid(at + ".values[" + std::to_string(j) + "]", "must be a string");
                    r.values.insert((*v)[j].get<std::string>());
                }
            }
            const bool set = r.op == Op::In || r.op == Op::NotIn;
            if (set && r.values.empty())
                return invalid(at + ".values", "must be non-empty when operator is " + op);
            if (!set && !r.values.empty())
                return invalid(at + ".values", "must be empty when operator is " + op);
            s.m_expressions.push_back(std::move(r));
        }
    }
    s.m_key = s.toString();
    return s;
}

bool Selector::matches(const std::map<std::string, std::string> &labels) const
{
    for (const auto &[k, v] : m_labels) {
        const auto it = labels.find(k);
        if (it == labels.end() || it->second != v)
            return false;
    }
    for (const auto &r : m_expressions) {
        const auto it = labels.find(r.key);
        switch (r.op) {
        case Op::In:
            if (it == labels.end() || !r.values.count(it->second))
                return false;
            break;
        case Op::NotIn:
            if (it != labels.end() && r.values.count(it->second))
                return false;
            break;
        case Op::Exists:
            if (it == labels.end())
                return false;
            break;
        case Op::DoesNotExist:
            if (it != labels.end())
                return false;
            break;
        }
    }
    return true;
}

void Selector::collectValues(std::map<std::string, std::set<std::string>> &out) const
{
    for (const auto &[k, v] : m_labels)
        out[k].insert(v);
    for (const auto &r : m_expressions)
        out[r.key].insert(r.values.begin(), r.values.end());
}

std::map<std::string, std::string> Selector::witness(const std::string &other) const
{
    std::map<std::string, std::string> out = m_labels;
    for (const auto &r : m_expressions)
        if (r.op == Op::In)
            out.emplace(r.key, *r.values.begin());
        else if (r.op == Op::Exists)
            out.emplace(r.key, other);
    return out;
}

std::string Selector::toString() const
{
    std::string out = labelsText(m_labels);
    for (const auto &r : m_expressions) {
        out += out.empty() ? "" : ",";
        switch (r.op) {
        case Op::In: out += r.key + " in (" + joined(r.values) + ")"; break;
        case Op::NotIn: out += r.key + " notin (" + joined(r.values) + ")"; break;
        case Op::Exists: out += r.key; break;
        case Op::DoesNotExist: out += "!" + r.key; break;
        }
    }
    return out.empty() ? "{}" : out;
}

} // namespace kube::net
