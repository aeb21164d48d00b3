// Rule value checks: the same words in the editor (before any request) and in the planner (for
// tenantryctl and any other caller), so both say exactly what is wrong and where.
#include "kubeclient/kubesphere/rulecheck.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace kube::tenancy {

using nlohmann::json;

namespace {

constexpr std::array<const char *, 5> kRuleKeys = {"verbs", "apiGroups", "resources", "resourceNames",
                                                  "nonResourceURLs"};

bool hasSpace(const std::string &s)
{
    return std::any_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c) || std::iscntrl(c); });
}

// Lower-case DNS-style segment: letters, digits, '-' and '.', starting and ending alphanumeric.
bool dnsLike(const std::string &s)
{
    if (s.empty() || s.size() > 253)
        return false;
    auto alnum = [](unsigned char c) { return std::islower(c) || std::isdigit(c); };
    if (!alnum(s.front()) || !alnum(s.back()))
        return false;
    return std::all_of(s.begin(), s.end(), [&](unsigned char c) { return alnum(c) || c == '-' || c == '.'; });
}

// "pods", "pods/log", "*", "*/scale", "deployments/*"
bool validResource(const std::string &r)
{
    const auto slash = r.find('/');
    const std::string resource = r.substr(0, slash);
    if (resource != "*" && !dnsLike(resource))
        return false;
    if (slash == std::string::npos)
        return true;
    const std::string sub = r.substr(slash + 1);
    return sub == "*" || dnsLike(sub);
}

Error problem(std::size_t index, const std::string &field, const std::string &text)
{
    return Error::make(ErrorKind::Invalid, "rule " + std::to_string(index + 1) + ": " + text,
                       "rules[" + std::to_string(index) + "]." + field);
}

} // namespace

bool ruleFitsForm(const json &rule, std::string *why)
{
    auto fail = [&](std::string text) {
        if (why)
            *why = std::move(text);
        return false;
    };
    if (!rule.is_object())
        return fail("the rule is not an object");
    for (auto it = rule.begin(); it != rule.end(); ++it) {
        if (std::find_if(kRuleKeys.begin(), kRuleKeys.end(), [&](const char *k) { return it.key() == k; })
            == kRuleKeys.end())
            return fail("key \"" + it.key() + "\" is not part of a PolicyRule");
        if (!it->is_array())
            return fail(it.key() + " is not a list");
        std::vector<std::string> seen;
        for (const auto &v : *it) {
            if (!v.is_string())
                return fail(it.key() + " holds a value that is not a string");
            const std::string s = v.get<std::string>();
            // The form types lists comma-separated and verbs as a set of check boxes.
            if (s.find(',') != std::string::npos)
                return fail(it.key() + " value \"" + s + "\" contains a comma");
            if (std::find(seen.begin(), seen.end(), s) != seen.end())
                return fail(it.key() + " lists \"" + s + "\" twice");
            seen.push_back(s);
        }
    }
    const bool urls = rule.contains("nonResourceURLs");
    if (urls && (rule.contains("resources") || rule.contains("apiGroups") || rule.contains("resourceNames")))
        return fail("it mixes nonResourceURLs with resources");
    return true;
}

Result<void> checkRuleValues(const json &rule, std::size_t index, bool allowUrls)
{
    if (!rule.is_object())
        return problem(index, "", "a rule must be an object");
    auto each = [&](const char *key, auto &&check) -> Result<void> {
        const auto it = rule.find(key);
        if (it == rule.end() || !it->is_array())
            return {};
        for (const auto &v : *it)
            if (v.is_string())
                if (auto r = check(v.get<std::string>()); !r)
                    return r;
        return {};
    };
    if (auto r = each("verbs", [&](const std::string &v) -> Result<void> {
            if (v.empty())
                return problem(index, "verbs", "a verb is empty");
            if (hasSpace(v))
                return problem(index, "verbs", "verb \"" + v + "\" contains whitespace");
            return {};
        });
        !r)
        return r;
    if (auto r = each("apiGroups", [&](const std::string &g) -> Result<void> {
            if (g.empty() || g == "*" || dnsLike(g))
                return {};
            return problem(index, "apiGroups",
                           "API group \"" + g + "\" is not a valid group (lower-case DNS name, \"\" for the core "
                           "group, or *)");
        });
        !r)
        return r;
    if (auto r = each("resources", [&](const std::string &res) -> Result<void> {
            if (res.empty())
                return problem(index, "resources", "a resource is empty");
            if (!validResource(res))
                return problem(index, "resources",
                               "resource \"" + res + "\" is not a valid resource name (lower-case plural like "
                               "\"pods\", a subresource like \"pods/log\", or *)");
            return {};
        });
        !r)
        return r;
    if (auto r = each("resourceNames", [&](const std::string &n) -> Result<void> {
            if (n.empty())
                return problem(index, "resourceNames", "a resource name is empty");
            if (hasSpace(n) || n.find('/') != std::string::npos || n.find('%') != std::string::npos)
                return problem(index, "resourceNames",
                               "resource name \"" + n + "\" is not a valid object name (no whitespace, '/' or '%')");
            return {};
        });
        !r)
        return r;
    if (auto r = each("nonResourceURLs", [&](const std::string &u) -> Result<void> {
            if (!allowUrls)
                return problem(index, "nonResourceURLs",
                               "nonResourceURLs can only be granted by platform or cluster roles");
            if (u.empty() || hasSpace(u) || (u != "*" && u.front() != '/'))
                return problem(index, "nonResourceURLs",
                               "non-resource URL \"" + u + "\" must be a path starting with '/' (or *)");
            return {};
        });
        !r)
        return r;
    return {};
}

} // namespace kube::tenancy
