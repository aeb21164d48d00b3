// Risk scanning: rules are classified once per role, then reported for every binding subject.
// Every finding names its binding, role and rule, so an auditor can go straight to the source.
#include "kubeclient/rbac/riskscanner.h"

#include <algorithm>

namespace kube::rbac {

const char *toString(RiskKind kind)
{
    switch (kind) {
    case RiskKind::Wildcard: return "wildcard";
    case RiskKind::SecretsRead: return "secrets-read";
    case RiskKind::Impersonate: return "impersonate";
    case RiskKind::EscalateOrBind: return "escalate-bind";
    case RiskKind::PodsExec: return "pods-exec";
    case RiskKind::NodesProxy: return "nodes-proxy";
    case RiskKind::WebhookWrite: return "webhook-write";
    case RiskKind::CrdWrite: return "crd-write";
    }
    return "?";
}

RiskSeverity severityOf(RiskKind kind)
{
    switch (kind) {
    case RiskKind::Impersonate:
    case RiskKind::EscalateOrBind:
    case RiskKind::NodesProxy:
    case RiskKind::WebhookWrite: return RiskSeverity::High;
    case RiskKind::Wildcard:
    case RiskKind::SecretsRead:
    case RiskKind::PodsExec:
    case RiskKind::CrdWrite: return RiskSeverity::Medium;
    }
    return RiskSeverity::Medium;
}

const char *toString(RiskSeverity severity)
{
    switch (severity) {
    case RiskSeverity::High: return "high";
    case RiskSeverity::Medium: return "medium";
    }
    return "?";
}

namespace {
bool has(const std::vector<std::string> &v, const char *s)
{
    return std::find(v.begin(), v.end(), s) != v.end();
}

// Verbs of the rule among `wanted` ("*" stands for all of them).
std::vector<std::string> verbsAmong(const PolicyRule &rule, std::initializer_list<const char *> wanted)
{
    std::vector<std::string> out;
    for (const char *w : wanted)
        if (rule.matchesVerb(w))
            out.push_back(w);
    return out;
}

std::string join(const std::vector<std::string> &v, const char *sep = "/")
{
    std::string out;
    for (size_t i = 0; i < v.size(); ++i)
        out += (i ? sep : "") + v[i];
    return out;
}

bool touches(const PolicyRule &rule, const char *group, const char *resource, const char *sub = "")
{
    return rule.matchesGroup(group) && rule.matchesResource(resource, sub);
}
} // namespace

std::vector<std::pair<RiskKind, std::string>> RiskScanner::risksOf(const PolicyRule &rule, bool namespaceBound)
{
    std::vector<std::pair<RiskKind, std::string>> out;
    const bool resourceRule = !rule.resources.empty();
    if (resourceRule && (has(rule.verbs, "*") || has(rule.resources, "*") || has(rule.apiGroups, "*"))) {
        std::string what;
        if (has(rule.verbs, "*"))
            what += "verbs *";
        if (has(rule.resources, "*"))
            what += std::string(what.empty() ? "" : ", ") + "resources *";
        if (has(rule.apiGroups, "*"))
            what += std::string(what.empty() ? "" : ", ") + "apiGroups *";
        out.emplace_back(RiskKind::Wildcard, what);
    }
    if (has(rule.nonResourceURLs, "*") && !namespaceBound)
        out.emplace_back(RiskKind::Wildcard, "nonResourceURLs *");
    if (!resourceRule)
        return out;
    const std::string names = rule.resourceNames.empty() ? "" : " (names " + join(rule.resourceNames, ",") + ")";
    if (touches(rule, "", "secrets"))
        if (auto v = verbsAmong(rule, {"get", "list", "watch"}); !v.empty())
            out.emplace_back(RiskKind::SecretsRead, join(v) + " secrets" + names);
    // One finding per kind of risk and rule: the resources it reaches are listed together.
    std::vector<std::string> impersonated;
    for (const auto &[group, resource] : std::initializer_list<std::pair<const char *, const char *>>{
             {"", "users"}, {"", "groups"}, {"", "serviceaccounts"}, {"authentication.k8s.io", "uids"},
             {"authentication.k8s.io", "userextras"}})
        if (touches(rule, group, resource) && rule.matchesVerb("impersonate") &&
            (!namespaceBound || std::string(resource) == "serviceaccounts"))
            impersonated.push_back(resource);
    if (!impersonated.empty())
        out.emplace_back(RiskKind::Impersonate, "impersonate " + join(impersonated, ", ") + names);
    std::vector<std::string> escalation;
    for (const char *resource : {"roles", "clusterroles"})
        if (touches(rule, "rbac.authorization.k8s.io", resource))
            if (auto v = verbsAmong(rule, {"escalate", "bind"}); !v.empty()) {
                // escalate on a ClusterRole is a cluster-wide request; bind is checked in the
                // binding's namespace, so a RoleBinding can grant it.
                if (namespaceBound && std::string(resource) == "clusterroles")
                    v.erase(std::remove(v.begin(), v.end(), "escalate"), v.end());
                if (!v.empty())
                    escalation.push_back(join(v) + " " + resource);
            }
    if (!escalation.empty())
        out.emplace_back(RiskKind::EscalateOrBind, join(escalation, ", ") + names);
    std::vector<std::string> exec;
    for (const char *sub : {"exec", "attach", "portforward"})
        if (touches(rule, "", "pods", sub))
            if (auto v = verbsAmong(rule, {"create", "get"}); !v.empty())
                exec.push_back(join(v) + " pods/" + sub);
    if (!exec.empty())
        out.emplace_back(RiskKind::PodsExec, join(exec, ", ") + names);
    if (namespaceBound)
        return out;  // the rest are cluster-scoped resources
    if (touches(rule, "", "nodes", "proxy"))
        if (auto v = verbsAmong(rule, {"get", "create", "update", "patch", "delete"}); !v.empty())
            out.emplace_back(RiskKind::NodesProxy, join(v) + " nodes/proxy" + names);
    std::vector<std::string> webhooks;
    for (const char *resource : {"mutatingwebhookconfigurations", "validatingwebhookconfigurations"})
        if (touches(rule, "admissionregistration.k8s.io", resource))
            if (auto v = verbsAmong(rule, {"create", "update", "patch", "delete", "deletecollection"}); !v.empty())
                webhooks.push_back(join(v) + " " + resource);
    if (!webhooks.empty())
        out.emplace_back(RiskKind::WebhookWrite, join(webhooks, ", ") + names);
    if (touches(rule, "apiextensions.k8s.io", "customresourcedefinitions"))
        if (auto v = verbsAmong(rule, {"create", "update", "patch", "delete", "deletecollection"}); !v.empty())
            out.emplace_back(RiskKind::CrdWrite, join(v) + " customresourcedefinitions" + names);
    return out;
}

bool RiskScanner::riskyCell(const CatalogEntry &entry, const std::string &verb, bool namespaceBound)
{
    PolicyRule rule;
    rule.verbs = {verb};
    rule.apiGroups = {entry.group};
    rule.resources = {entry.subresource.empty() ? entry.resource : entry.resource + "/" + entry.subresource};
    for (const auto &risk : risksOf(rule, namespaceBound))
        if (risk.first != RiskKind::Wildcard)
            return true;
    return false;
}

std::vector<RiskFinding> RiskScanner::scan(const RbacIndex &index, const Options &options)
{
    std::vector<RiskFinding> out;
    for (uint32_t b = 0; b < index.bindings().size(); ++b) {
        const Binding &binding = index.bindings()[b];
        const bool k8s = binding.apiGroup == kRbacGroup;
        const bool inView = options.view == View::Kubernetes
                                ? k8s
                                : (!k8s || index.kubesphereFlavor() == tenancy::ApiFlavor::V3);
        if (!inView)
            continue;
        const int32_t role = index.roleOf(b);
        if (role < 0)
            continue;
        const Role &r = index.roles()[size_t(role)];
        std::string where;
        if (binding.kind == "ClusterRoleBinding")
            where = "cluster-wide";
        else if (binding.kind == "GlobalRoleBinding")
            where = "global";
        else if (binding.kind == "WorkspaceRoleBinding")
            where = "workspace " + [&] {
                auto it = binding.labels.find("kubesphere.io/workspace");
                return it == binding.labels.end() ? std::string("?") : it->second;
            }();
        else
            where = "namespace " + binding.ns;
        for (size_t i = 0; i < r.rules.size(); ++i) {
            const bool namespaceBound = binding.kind == "RoleBinding" || binding.kind == "WorkspaceRoleBinding";
            const auto risks = risksOf(r.rules[i], namespaceBound);
            if (risks.empty())
                continue;
            for (const auto &s : binding.subjects) {
                if (RbacIndex::subjectKey(s, binding.isCluster() ? std::string() : binding.ns).empty())
                    continue;
                Subject subject = s;
                subject.apiGroup.clear();
                if (subject.kind == "ServiceAccount" && subject.ns.empty())
                    subject.ns = binding.ns;
                if (!options.includeSystem && isSystemSubject(subject))
                    continue;
                for (const auto &[kind, what] : risks) {
                    RiskFinding f;
                    f.kind = kind;
                    f.severity = severityOf(kind);
                    f.what = what;
                    f.subject = subject;
                    f.where = where;
                    f.path.binding = b;
                    f.path.role = role;
                    f.path.bindingText = binding.toString();
                    f.path.roleText = r.toString();
                    f.path.subject = subject;
                    f.path.scope = where;
                    f.path.ruleIndex = int(i);
                    f.path.rule = r.rules[i];
                    out.push_back(std::move(f));
                }
            }
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const RiskFinding &a, const RiskFinding &b) { return int(a.kind) < int(b.kind); });
    return out;
}

std::string RiskScanner::toText(const std::vector<RiskFinding> &findings)
{
    if (findings.empty())
        return "no risky grants found\n";
    std::string out;
    for (const auto &f : findings)
        out += std::string("[") + toString(f.severity) + "] [" + toString(f.kind) + "] " + f.subject.toString() +
               " may " + f.what + " (" + f.where + ") via " + f.path.bindingText + " -> " + f.path.roleText +
               " rule #" + std::to_string(f.path.ruleIndex) + "\n";
    return out;
}

nlohmann::json RiskScanner::toJson(const std::vector<RiskFinding> &findings)
{
    nlohmann::json out = nlohmann::json::array();
    for (const auto &f : findings)
        out.push_back({{"risk", toString(f.kind)}, {"severity", toString(f.severity)}, {"what", f.what},
                       {"subject", f.subject.toJson()}, {"where", f.where}, {"path", f.path.toJson()}});
    return out;
}

bool RiskScanner::isSystemSubject(const Subject &subject)
{
    return subject.name.compare(0, 7, "system:") == 0 || (subject.kind == "ServiceAccount" && subject.ns == "kube-system");
}

} // namespace kube::rbac
