// PolicyRule parsing, printing and the matching semantics of the RBAC authorizer
// (kube-apiserver-notes.md 5.4).
#include "kubeclient/rbac/policyrule.h"

#include "kubeclient/rbac/requestattributes.h"

#include <algorithm>

namespace kube::rbac {

namespace {
using nlohmann::json;

std::vector<std::string> strings(const json &rule, const char *key)
{
    std::vector<std::string> out;
    auto it = rule.find(key);
    if (it == rule.end() || !it->is_array())
        return out;
    out.reserve(it->size());
    for (const auto &v : *it)
        if (v.is_string())
            out.push_back(v.get<std::string>());
    return out;
}

bool contains(const std::vector<std::string> &values, const std::string &value)
{
    return std::find(values.begin(), values.end(), value) != values.end();
}

std::string joined(const std::vector<std::string> &values, bool quoteEmpty)
{
    std::string out = "[";
    for (size_t i = 0; i < values.size(); ++i) {
        if (i)
            out += ",";
        out += values[i].empty() && quoteEmpty ? "\"\"" : values[i];
    }
    return out + "]";
}
} // namespace

PolicyRule PolicyRule::fromJson(const json &rule)
{
    PolicyRule r;
    if (!rule.is_object())
        return r;
    r.verbs = strings(rule, "verbs");
    r.apiGroups = strings(rule, "apiGroups");
    r.resources = strings(rule, "resources");
    r.resourceNames = strings(rule, "resourceNames");
    r.nonResourceURLs = strings(rule, "nonResourceURLs");
    return r;
}

std::vector<PolicyRule> PolicyRule::listFromJson(const json &rules)
{
    std::vector<PolicyRule> out;
    if (!rules.is_array())
        return out;
    out.reserve(rules.size());
    for (const auto &r : rules)
        out.push_back(fromJson(r));
    return out;
}

json PolicyRule::toJson() const
{
    json j = json::object();
    j["verbs"] = verbs;
    if (!apiGroups.empty())
        j["apiGroups"] = apiGroups;
    if (!resources.empty())
        j["resources"] = resources;
    if (!resourceNames.empty())
        j["resourceNames"] = resourceNames;
    if (!nonResourceURLs.empty())
        j["nonResourceURLs"] = nonResourceURLs;
    return j;
}

json PolicyRule::listToJson(const std::vector<PolicyRule> &rules)
{
    json out = json::array();
    for (const auto &r : rules)
        out.push_back(r.toJson());
    return out;
}

std::string PolicyRule::toString() const
{
    std::string out = "verbs=" + joined(verbs, false);
    if (!apiGroups.empty())
        out += " apiGroups=" + joined(apiGroups, true);
    if (!resources.empty())
        out += " resources=" + joined(resources, false);
    if (!resourceNames.empty())
        out += " resourceNames=" + joined(resourceNames, true);
    if (!nonResourceURLs.empty())
        out += " nonResourceURLs=" + joined(nonResourceURLs, false);
    return out;
}

bool PolicyRule::matchesVerb(const std::string &verb) const
{
    return contains(verbs, "*") || contains(verbs, verb);
}

bool PolicyRule::matchesGroup(const std::string &group) const
{
    return contains(apiGroups, "*") || contains(apiGroups, group);
}

bool PolicyRule::matchesResource(const std::string &resource, const std::string &subresource) const
{
    const std::string combined = subresource.empty() ? resource : resource + "/" + subresource;
    for (const auto &r : resources) {
        if (r == "*" || r == combined)
            return true;
        // "*/status" is the one wildcard form with a slash; "pods/*" is just a literal.
        if (!subresource.empty() && r.size() == subresource.size() + 2 && r.compare(0, 2, "*/") == 0 &&
            r.compare(2, std::string::npos, subresource) == 0)
            return true;
    }
    return false;
}

bool PolicyRule::matchesName(const std::string &name) const
{
    return resourceNames.empty() || contains(resourceNames, name);
}

bool PolicyRule::matchesPath(const std::string &path) const
{
    for (const auto &u : nonResourceURLs) {
        if (u == "*" || u == path)
            return true;
        if (!u.empty() && u.back() == '*' && path.compare(0, u.size() - 1, u, 0, u.size() - 1) == 0 &&
            path.size() >= u.size() - 1)
            return true;
    }
    return false;
}

bool PolicyRule::allows(const RequestAttributes &request) const
{
    if (!matchesVerb(request.verb))
        return false;
    if (!request.isResourceRequest)
        return matchesPath(request.path);
    return matchesGroup(request.apiGroup) && matchesResource(request.resource, request.subresource) &&
           matchesName(request.name);
}

std::vector<std::string> PolicyRule::missingFor(const RequestAttributes &request) const
{
    std::vector<std::string> missing;
    if (!matchesVerb(request.verb))
        missing.push_back("verb " + request.verb);
    if (!request.isResourceRequest) {
        if (nonResourceURLs.empty())
            missing.push_back("non-resource URL " + request.path + " (this rule is for resources)");
        else if (!matchesPath(request.path))
            missing.push_back("non-resource URL " + request.path);
        return missing;
    }
    if (resources.empty() && !nonResourceURLs.empty()) {
        missing.push_back("resource " + request.groupResource() + " (this rule is for non-resource URLs)");
        return missing;
    }
    if (!matchesGroup(request.apiGroup))
        missing.push_back("apiGroup \"" + request.apiGroup + "\"");
    if (!matchesResource(request.resource, request.subresource)) {
        if (!request.subresource.empty() && matchesResource(request.resource, {}))
            missing.push_back("subresource " + request.resource + "/" + request.subresource +
                              " (\"" + request.resource + "\" does not include its subresources)");
        else
            missing.push_back("resource " + request.resourcePath());
    }
    if (!matchesName(request.name)) {
        if (request.name.empty())
            missing.push_back("any name (the rule is limited to resourceNames " + joined(resourceNames, true) +
                              "; a " + request.verb + " without a name never matches them)");
        else
            missing.push_back("name " + request.name);
    }
    return missing;
}

} // namespace kube::rbac
