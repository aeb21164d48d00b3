// Rule text parsing for the command line. Strict on purpose: a typo in a key or an empty
// resource must stop the command, because a silently dropped field widens or narrows a grant.
#include "kubeclient/kubesphere/ruleparser.h"
#include "kubeclient/core/text.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>
#include <vector>

namespace kube::tenancy {

using nlohmann::json;

namespace {

std::string trimmed(std::string_view s) { return std::string(kube::text::trim(s)); }

struct Key {
    const char *field;
    std::vector<const char *> spellings;  // lower case
};

// Fixed order: also the order formatRule writes.
const std::vector<Key> &keys()
{
    static const std::vector<Key> k = {
        {"verbs", {"verbs", "verb"}},
        {"apiGroups", {"apigroups", "apigroup", "groups", "group"}},
        {"resources", {"resources", "resource"}},
        {"resourceNames", {"resourcenames", "resourcename", "names", "name"}},
        {"nonResourceURLs", {"nonresourceurls", "nonresourceurl", "urls", "url"}},
    };
    return k;
}

// '' and "" are the empty string; 'x' and "x" are x (shells that keep quotes, YAML habits).
std::string unquote(const std::string &s)
{
    if (s.size() >= 2 && (s.front() == '\'' || s.front() == '"') && s.back() == s.front())
        return s.substr(1, s.size() - 2);
    return s;
}

std::vector<std::string> split(const std::string &s, char sep)
{
    std::vector<std::string> out;
    size_t start = 0;
    while (true) {
        size_t pos = s.find(sep, start);
        out.push_back(s.substr(start, pos == std::string::npos ? std::string::npos : pos - start));
        if (pos == std::string::npos)
            break;
        start = pos + 1;
    }
    return out;
}

Error invalidRule(const std::string &text, const std::string &problem)
{
    return Error::make(ErrorKind::Invalid, "rule \"" + text + "\": " + problem, "rule");
}

} // namespace

Result<json> parseRule(const std::string &text, RuleKind kind)
{
    json rule = json::object();
    for (const std::string &rawPart : split(text, ';')) {
        const std::string part = trimmed(rawPart);
        if (part.empty())
            continue;
        const size_t eq = part.find('=');
        if (eq == std::string::npos)
            return invalidRule(text, "\"" + part + "\" is not key=value (keys: verbs, apiGroups, resources, "
                                      "resourceNames, nonResourceURLs)");
        const std::string keyText = kube::text::toLower(trimmed(part.substr(0, eq)));
        const Key *key = nullptr;
        for (const auto &k : keys())
            if (std::find(k.spellings.begin(), k.spellings.end(), keyText) != k.spellings.end())
                key = &k;
        if (!key)
            return invalidRule(text, "unknown key \"" + trimmed(part.substr(0, eq))
                                          + "\" (keys: verbs, apiGroups, resources, resourceNames, nonResourceURLs)");
        if (rule.contains(key->field))
            return invalidRule(text, std::string(key->field) + " is given twice");
        const bool groups = std::string(key->field) == "apiGroups";
        json values = json::array();
        std::unordered_set<std::string> seen;  // a repeated value is kept once (linear: the fuzzer's
                                               // 2,000-item lists made a search per item quadratic)
        for (const std::string &rawItem : split(part.substr(eq + 1), ',')) {
            const std::string bare = trimmed(rawItem);
            const std::string item = unquote(bare);
            if (item.empty() && !groups)
                return invalidRule(text, std::string("empty value in ") + key->field
                                          + (bare.empty() ? "" : " (only apiGroups may name the empty core group)"));
            // No white space or control bytes inside a value (a quoted "'\n'" included): no RBAC
            // name has them, and formatRule could not write them back.
            if (std::any_of(item.begin(), item.end(), [](char c) {
                    const auto u = static_cast<unsigned char>(c);
                    return u <= 0x20 || u == 0x7F;
                }))
                return invalidRule(text, std::string(key->field) + " value \"" + item
                                          + "\" contains a space or a control character");
            if (seen.insert(item).second)
                values.push_back(item);
        }
        rule[key->field] = values;
    }
    if (!rule.contains("verbs"))
        return invalidRule(text, "verbs are required (e.g. verbs=get,list,watch or verbs=*)");
    const bool urls = rule.contains("nonResourceURLs");
    const bool resources = rule.contains("resources") || rule.contains("apiGroups") || rule.contains("resourceNames");
    if (urls && resources)
        return invalidRule(text, "a rule is either for resources (apiGroups, resources, resourceNames) or for "
                                 "nonResourceURLs, not both");
    if (kind == RuleKind::Resource && urls)
        return invalidRule(text, "nonResourceURLs belong in --non-resource-rule");
    if (kind == RuleKind::NonResource && !urls)
        return invalidRule(text, "a non-resource rule needs urls=/path,... (e.g. verbs=get;urls=/healthz)");
    if (urls) {
        for (const auto &u : rule["nonResourceURLs"])
            if (u.get<std::string>() != "*" && u.get<std::string>().front() != '/')
                return invalidRule(text, "non-resource URL \"" + u.get<std::string>() + "\" must start with /");
        return rule;
    }
    if (!rule.contains("resources"))
        return invalidRule(text, "resources are required (e.g. resources=pods,pods/log or resources=*)");
    if (!rule.contains("apiGroups"))
        return invalidRule(text, "apiGroups are required (apiGroups='' is the core group, e.g. apiGroups=,apps)");
    return rule;
}

std::string formatRule(const json &rule)
{
    std::string out;
    for (const auto &k : keys()) {
        if (!rule.is_object() || !rule.contains(k.field) || !rule[k.field].is_array() || rule[k.field].empty())
            continue;
        std::string values;
        bool first = true;
        for (const auto &v : rule[k.field]) {
            const std::string s = v.is_string() ? v.get<std::string>() : v.dump();
            // Quoted when parseRule would otherwise unquote it: '' for the empty string, and a
            // value that is itself in quotes ("'a'") keeps them inside another pair.
            const bool quote = s.empty() || unquote(s) != s;
            values += (first ? "" : ",") + (quote ? "'" + s + "'" : s);
            first = false;
        }
        out += (out.empty() ? "" : ";") + std::string(k.field) + "=" + values;
    }
    return out;
}

} // namespace kube::tenancy
