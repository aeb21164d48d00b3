// Rule coverage for escalation checks (kube-apiserver-notes.md 5.6).
// Atoms make "covers" exact: a servant rule is covered when each of its atoms is, by any owner.
#include "kubeclient/rbac/coveragecheck.h"

#include <algorithm>

namespace kube::rbac {

namespace {
bool has(const std::vector<std::string> &values, const std::string &v)
{
    return std::find(values.begin(), values.end(), v) != values.end();
}

bool hasAll(const std::vector<std::string> &owner, const std::vector<std::string> &wanted)
{
    return std::all_of(wanted.begin(), wanted.end(), [&](const std::string &w) { return has(owner, w); });
}

bool resourcesCovered(const std::vector<std::string> &owner, const std::vector<std::string> &wanted)
{
    if (has(owner, "*"))
        return true;
    for (const auto &w : wanted) {
        if (has(owner, w))
            continue;
        // "x/sub" is covered by an owner "*/sub".
        const auto slash = w.find('/');
        if (slash != std::string::npos && has(owner, "*" + w.substr(slash)))
            continue;
        return false;
    }
    return true;
}

bool urlsCovered(const std::vector<std::string> &owner, const std::vector<std::string> &wanted)
{
    if (has(owner, "*"))
        return true;
    for (const auto &w : wanted) {
        bool ok = false;
        for (const auto &o : owner) {
            if (o == w || (!o.empty() && o.back() == '*' && w.compare(0, o.size() - 1, o, 0, o.size() - 1) == 0 &&
                           w.size() >= o.size() - 1)) {
                ok = true;
                break;
            }
        }
        if (!ok)
            return false;
    }
    return true;
}
} // namespace

std::vector<PolicyRule> CoverageCheck::atoms(const PolicyRule &rule)
{
    std::vector<PolicyRule> out;
    for (const auto &g : rule.apiGroups)
        for (const auto &r : rule.resources)
            for (const auto &v : rule.verbs) {
                if (rule.resourceNames.empty()) {
                    out.push_back(PolicyRule{{v}, {g}, {r}, {}, {}});
                } else {
                    for (const auto &n : rule.resourceNames)
                        out.push_back(PolicyRule{{v}, {g}, {r}, {n}, {}});
                }
            }
    for (const auto &u : rule.nonResourceURLs)
        for (const auto &v : rule.verbs)
            out.push_back(PolicyRule{{v}, {}, {}, {}, {u}});
    return out;
}

bool CoverageCheck::covers(const PolicyRule &owner, const PolicyRule &servant)
{
    const bool verbs = has(owner.verbs, "*") || hasAll(owner.verbs, servant.verbs);
    const bool groups = has(owner.apiGroups, "*") || hasAll(owner.apiGroups, servant.apiGroups);
    const bool resources = resourcesCovered(owner.resources, servant.resources);
    const bool urls = urlsCovered(owner.nonResourceURLs, servant.nonResourceURLs);
    const bool names = servant.resourceNames.empty()
                           ? owner.resourceNames.empty()
                           : owner.resourceNames.empty() || hasAll(owner.resourceNames, servant.resourceNames);
    return verbs && groups && resources && urls && names;
}

std::vector<PolicyRule> CoverageCheck::uncovered(const std::vector<PolicyRule> &owner,
                                                 const std::vector<PolicyRule> &servant)
{
    std::vector<PolicyRule> missing;
    for (const auto &rule : servant)
        for (auto &atom : atoms(rule)) {
            const bool ok =
                std::any_of(owner.begin(), owner.end(), [&](const PolicyRule &o) { return covers(o, atom); });
            if (!ok && std::find(missing.begin(), missing.end(), atom) == missing.end())
                missing.push_back(std::move(atom));
        }
    return missing;
}

} // namespace kube::rbac
