// The rules follow kube-apiserver's pkg/apis/core/validation (validateResourceQuotaResourceName,
// ValidateResourceQuantityValue, validateContainerResourceName, ValidateLimitRange) and the
// resource name sets of pkg/apis/core/helper; the wording of the LimitRange comparisons is the
// server's own, so a message reads the same whether we or the server refuse.
#include "kubeclient/tenancy/plan/quotarules.h"

#include "kubeclient/core/quantity.h"

#include <algorithm>
#include <map>
#include <optional>
#include <regex>
#include <set>

namespace kube::tenancy {

namespace {

const std::set<std::string> &standardQuotaResources()
{
    static const std::set<std::string> s = {
        "cpu", "memory", "ephemeral-storage", "requests.cpu", "requests.memory", "requests.storage",
        "requests.ephemeral-storage", "limits.cpu", "limits.memory", "limits.ephemeral-storage", "pods",
        "resourcequotas", "services", "replicationcontrollers", "secrets", "persistentvolumeclaims", "configmaps",
        "services.nodeports", "services.loadbalancers"};
    return s;
}

// Counted in whole objects (helper.IsIntegerResourceName without the extended resources).
const std::set<std::string> &integerResources()
{
    static const std::set<std::string> s = {"pods", "resourcequotas", "services", "replicationcontrollers", "secrets",
                                            "configmaps", "persistentvolumeclaims", "services.nodeports",
                                            "services.loadbalancers"};
    return s;
}

bool startsWith(const std::string &s, const char *prefix) { return s.rfind(prefix, 0) == 0; }

std::string trimmed(const std::string &s)
{
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos)
        return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

// apimachinery's IsQualifiedName: [prefix/]name, the prefix a DNS subdomain, the name at most
// 63 characters of [A-Za-z0-9-_.] starting and ending alphanumeric.
std::string qualifiedNameProblem(const std::string &value)
{
    static const std::regex name("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$");
    static const std::regex subdomain("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
    const std::string form = "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must "
                             "start and end with an alphanumeric character, with an optional DNS subdomain prefix "
                             "and '/' (e.g. 'requests.cpu' or 'count/deployments.apps')";
    const auto slash = value.find('/');
    std::string n = value;
    if (slash != std::string::npos) {
        if (value.find('/', slash + 1) != std::string::npos)
            return form;
        const std::string prefix = value.substr(0, slash);
        if (prefix.empty())
            return "prefix part must be non-empty";
        if (prefix.size() > 253 || !std::regex_match(prefix, subdomain))
            return "prefix part must be a lowercase RFC 1123 subdomain";
        n = value.substr(slash + 1);
    }
    if (n.empty())
        return "name part must be non-empty";
    if (n.size() > 63)
        return "name part must be no more than 63 characters";
    if (!std::regex_match(n, name))
        return form;
    return {};
}

bool isNative(const std::string &name)
{
    return name.find('/') == std::string::npos || name.find("kubernetes.io/") != std::string::npos;
}

// helper.IsExtendedResourceName: outside kubernetes.io, not "requests.*", and usable as
// "requests.<name>" in a quota.
bool isExtended(const std::string &name)
{
    if (isNative(name) || startsWith(name, "requests."))
        return false;
    return qualifiedNameProblem("requests." + name).empty();
}

bool isHugePages(const std::string &name) { return startsWith(name, "hugepages-"); }

std::string quoted(const std::string &s) { return "\"" + s + "\""; }

} // namespace

const std::vector<std::string> &QuotaRules::commonQuotaResources()
{
    static const std::vector<std::string> v = {"requests.cpu",  "limits.cpu", "requests.memory", "limits.memory",
                                               "pods",          "services",   "persistentvolumeclaims",
                                               "requests.storage", "configmaps", "secrets",
                                               "count/deployments.apps", "count/jobs.batch"};
    return v;
}

const std::vector<std::string> &QuotaRules::commonLimitResources()
{
    static const std::vector<std::string> v = {"cpu", "memory", "ephemeral-storage"};
    return v;
}

std::string QuotaRules::quotaKeyProblem(const std::string &key)
{
    if (key.empty())
        return "a resource name is required";
    if (auto p = qualifiedNameProblem(key); !p.empty())
        return quoted(key) + ": " + p;
    if (key.find('/') == std::string::npos && !standardQuotaResources().count(key) && !isHugePages(key)
        && !startsWith(key, "requests.hugepages-"))
        return quoted(key) + " must be a standard resource for quota (requests.cpu, limits.memory, pods, ...) or "
                             "qualified (count/deployments.apps, requests.nvidia.com/gpu)";
    return {};
}

std::string QuotaRules::limitResourceProblem(const std::string &key)
{
    if (key.empty())
        return "a resource name is required";
    if (auto p = qualifiedNameProblem(key); !p.empty())
        return quoted(key) + ": " + p;
    if (key.find('/') == std::string::npos) {
        if (key != "cpu" && key != "memory" && key != "ephemeral-storage" && !isHugePages(key))
            return quoted(key) + " must be a standard resource for containers (cpu, memory, ephemeral-storage, "
                                 "hugepages-<size>)";
    } else if (!isNative(key) && !isExtended(key)) {
        return quoted(key) + " doesn't follow extended resource name standard";
    }
    return {};
}

std::string QuotaRules::quantityProblem(const std::string &key, const std::string &value, bool quota)
{
    const std::string text = trimmed(value);
    if (text.empty())
        return "a quantity is required";
    auto q = Quantity::parse(text);
    if (!q)
        return quoted(value) + " is not a quantity (e.g. 500m, 2, 1.5Gi, 10)";
    if (q->sign() < 0)
        return quoted(value) + " must be greater than or equal to 0";
    if (quota && (integerResources().count(key) || isExtended(key)) && q->milliValue() % 1000 != 0)
        return quoted(value) + " must be an integer (" + key + " counts whole objects)";
    return {};
}

std::vector<EntryProblem> QuotaRules::checkQuota(const std::vector<QuotaEntry> &rows, const std::string &field)
{
    std::vector<EntryProblem> out;
    std::map<std::string, size_t> seen;
    for (size_t i = 0; i < rows.size(); ++i) {
        const std::string key = trimmed(rows[i].key);
        const std::string where = field + "[" + key + "]";
        if (auto p = quotaKeyProblem(key); !p.empty()) {
            out.push_back({i, key.empty() ? field : where, (key.empty() ? field : where) + ": " + p});
            continue;
        }
        if (auto [it, fresh] = seen.emplace(key, i); !fresh) {
            out.push_back({i, where, where + ": named twice (rows " + std::to_string(it->second + 1) + " and "
                                         + std::to_string(i + 1) + ")"});
            continue;
        }
        if (auto p = quantityProblem(key, rows[i].quantity, true); !p.empty())
            out.push_back({i, where, where + ": " + p});
    }
    return out;
}

std::vector<EntryProblem> QuotaRules::checkLimits(const std::string &type, const std::vector<LimitEntry> &rows)
{
    std::vector<EntryProblem> out;
    if (type != "Container" && type != "Pod") {
        out.push_back({0, "type", "type: " + quoted(type) + " must be Container or Pod"});
        return out;
    }
    const bool pod = type == "Pod";
    std::map<std::string, size_t> seen;
    for (size_t i = 0; i < rows.size(); ++i) {
        const LimitEntry &r = rows[i];
        const std::string key = trimmed(r.resource);
        if (auto p = limitResourceProblem(key); !p.empty()) {
            const std::string where = key.empty() ? std::string("resource") : "resource[" + key + "]";
            out.push_back({i, where, where + ": " + p});
            continue;
        }
        if (auto [it, fresh] = seen.emplace(key, i); !fresh) {
            out.push_back({i, "resource[" + key + "]", "resource[" + key + "]: named twice (rows "
                                                           + std::to_string(it->second + 1) + " and "
                                                           + std::to_string(i + 1) + ")"});
            continue;
        }
        struct Figure {
            const char *name;
            const std::string *text;
            std::optional<Quantity> value;
        };
        Figure figures[] = {{"default", &r.defaultLimit, {}},
                            {"defaultRequest", &r.defaultRequest, {}},
                            {"min", &r.min, {}},
                            {"max", &r.max, {}}};
        bool any = false;
        bool bad = false;
        for (auto &f : figures) {
            if (trimmed(*f.text).empty())
                continue;
            any = true;
            const std::string where = std::string(f.name) + "[" + key + "]";
            if (pod && (std::string(f.name) == "default" || std::string(f.name) == "defaultRequest")) {
                out.push_back({i, where, where + ": may not be specified when type is Pod (only min and max)"});
                bad = true;
                continue;
            }
            if (auto p = quantityProblem(key, *f.text, false); !p.empty()) {
                out.push_back({i, where, where + ": " + p});
                bad = true;
                continue;
            }
            f.value = *Quantity::parse(trimmed(*f.text));
        }
        if (!any) {
            out.push_back({i, "resource[" + key + "]", "resource[" + key + "]: no figure given (default, default request, min or max)"});
            continue;
        }
        if (bad)
            continue;
        const auto &def = figures[0].value;
        const auto &req = figures[1].value;
        const auto &mn = figures[2].value;
        const auto &mx = figures[3].value;
        auto add = [&](const char *field, const std::string &message) {
            const std::string where = std::string(field) + "[" + key + "]";
            out.push_back({i, where, where + ": " + message});
        };
        // The server's comparisons, in its order and words.
        if (mn && mx && *mn > *mx)
            add("min", "min value " + mn->toString() + " is greater than max value " + mx->toString());
        if (req && mn && *mn > *req)
            add("defaultRequest", "min value " + mn->toString() + " is greater than default request value " + req->toString());
        if (req && mx && *req > *mx)
            add("defaultRequest", "default request value " + req->toString() + " is greater than max value " + mx->toString());
        if (req && def && *req > *def)
            add("defaultRequest",
                "default request value " + req->toString() + " is greater than default limit value " + def->toString());
        if (def && mn && *mn > *def)
            add("default", "min value " + mn->toString() + " is greater than default value " + def->toString());
        if (def && mx && *def > *mx)
            add("default", "default value " + def->toString() + " is greater than max value " + mx->toString());
        // Resources that cannot be overcommitted (hugepages, extended ones) need request == limit.
        const bool overcommit = isNative(key) && !isHugePages(key);
        if (!overcommit && def && req && *def != *req)
            add("defaultRequest", "default value " + def->toString() + " must equal to defaultRequest value "
                                      + req->toString() + " in " + key);
    }
    return out;
}

std::string QuotaRules::canonical(const std::string &quantity)
{
    auto q = Quantity::parse(trimmed(quantity));
    return q ? q->toString() : quantity;
}

} // namespace kube::tenancy
