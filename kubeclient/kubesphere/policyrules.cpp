// Rule coverage and merging used when Tenantry composes roles in place of KubeSphere's
// aggregation controller.
#include "kubeclient/kubesphere/policyrules.h"

#include <algorithm>

namespace kube::tenancy {

namespace {
using nlohmann::json;

std::vector<std::string> list(const json &rule, const char *key)
{
    std::vector<std::string> out;
    auto it = rule.find(key);
    if (it != rule.end() && it->is_array())
        for (const auto &v : *it)
            if (v.is_string())
                out.push_back(v.get<std::string>());
    return out;
}

bool has(const std::vector<std::string> &v, const std::string &s)
{
    return std::find(v.begin(), v.end(), s) != v.end();
}

// Every value of `servant` is matched by `owner` ("*" in owner matches all).
bool superset(const std::vector<std::string> &owner, const std::vector<std::string> &servant)
{
    if (has(owner, "*"))
        return true;
    return std::all_of(servant.begin(), servant.end(), [&](const std::string &s) { return has(owner, s); });
}

bool resourcesCovered(const std::vector<std::string> &owner, const std::vector<std::string> &servant)
{
    if (has(owner, "*"))
        return true;
    return std::all_of(servant.begin(), servant.end(), [&](const std::string &s) {
        if (has(owner, s))
            return true;
        // "*/scale" in the owner covers "deployments/scale".
        auto slash = s.find('/');
        return slash != std::string::npos && has(owner, "*" + s.substr(slash));
    });
}
} // namespace

bool ruleCovers(const json &owner, const json &servant)
{
    if (!superset(list(owner, "verbs"), list(servant, "verbs")))
        return false;
    const auto servantUrls = list(servant, "nonResourceURLs");
    if (!servantUrls.empty()) {
        const auto ownerUrls = list(owner, "nonResourceURLs");
        return std::all_of(servantUrls.begin(), servantUrls.end(), [&](const std::string &url) {
            for (const auto &o : ownerUrls) {
                if (o == "*" || o == url)
                    return true;
                if (!o.empty() && o.back() == '*' && url.rfind(o.substr(0, o.size() - 1), 0) == 0)
                    return true;
            }
            return false;
        });
    }
    if (list(servant, "resources").empty())
        return true;
    if (!superset(list(owner, "apiGroups"), list(servant, "apiGroups")))
        return false;
    if (!resourcesCovered(list(owner, "resources"), list(servant, "resources")))
        return false;
    const auto ownerNames = list(owner, "resourceNames");
    if (ownerNames.empty())
        return true;
    const auto servantNames = list(servant, "resourceNames");
    return !servantNames.empty() && superset(ownerNames, servantNames);
}

json normaliseRule(const json &rule)
{
    json out = json::object();
    for (const char *key : {"verbs", "apiGroups", "resources", "resourceNames", "nonResourceURLs"}) {
        auto values = list(rule, key);
        if (!values.empty())
            out[key] = values;
    }
    return out;
}

json mergeRules(const json &base, const json &additions)
{
    json out = json::array();
    if (base.is_array())
        for (const auto &r : base)
            out.push_back(normaliseRule(r));
    if (!additions.is_array())
        return out;
    for (const auto &add : additions) {
        const json rule = normaliseRule(add);
        const bool covered = std::any_of(out.begin(), out.end(), [&](const json &have) { return ruleCovers(have, rule); });
        if (!covered)
            out.push_back(rule);
    }
    return out;
}

json namespacedRules(const json &rules)
{
    json out = json::array();
    if (!rules.is_array())
        return out;
    for (const auto &r : rules)
        if (!list(r, "resources").empty())
            out.push_back(normaliseRule(r));
    return out;
}

} // namespace kube::tenancy
