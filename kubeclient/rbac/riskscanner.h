// Grants auditors look for, each found with its path (subject -> binding -> role -> rule)
// and where it holds: wildcards, reading secrets, impersonation, escalate/bind, pods/exec
// (and attach, portforward), nodes/proxy, webhook configuration writes, CRD writes.
#pragma once

#include "kubeclient/rbac/decision.h"
#include "kubeclient/rbac/rbacindex.h"
#include "kubeclient/rbac/resourcecatalog.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace kube::rbac {

enum class RiskKind {
    Wildcard,        // "*" verbs, resources or apiGroups, or nonResourceURLs "*"
    SecretsRead,     // get/list/watch secrets (list and watch return the contents too)
    Impersonate,     // impersonate users, groups, serviceaccounts, uids, userextras
    EscalateOrBind,  // escalate / bind on roles or clusterroles
    PodsExec,        // create/get pods/exec, pods/attach, pods/portforward
    NodesProxy,      // nodes/proxy (kubelet API: exec in any pod of the node)
    WebhookWrite,    // write mutating/validating webhook configurations
    CrdWrite,        // write customresourcedefinitions
};
const char *toString(RiskKind kind);

// High: the grant alone reaches cluster-admin or every workload's data (impersonation,
// escalate/bind, the kubelet API through nodes/proxy, webhooks that see or rewrite every
// admitted object). Medium: powerful but bounded by what it touches (the secrets or pods of
// the binding's scope; custom resource definitions, whose objects and conversion webhooks it
// controls, but no built-in object) or, for wildcards, a grant wider than it
// reads: a wildcard rule that reaches a high risk is also reported under that risk's own kind
// (risksOf matches "*" like the authorizer), so "*" on "*" still shows high findings, while
// apiGroups ["*"] on deployments alone is no cluster takeover.
enum class RiskSeverity { High, Medium };
RiskSeverity severityOf(RiskKind kind);
const char *toString(RiskSeverity severity);  // "high", "medium"

struct RiskFinding {
    RiskKind kind = RiskKind::Wildcard;
    RiskSeverity severity = RiskSeverity::Medium;  // severityOf(kind)
    std::string what;   // "get secrets", "* on *.*"
    Subject subject;
    std::string where;  // "cluster-wide", "namespace ns1", "global", "workspace ws1"
    GrantPath path;
};

class RiskScanner
{
public:
    struct Options {
        View view = View::Kubernetes;
        bool includeSystem = true;  // subjects named system:* (hidden by other tools; shown by default)
    };
    static std::vector<RiskFinding> scan(const RbacIndex &index, const Options &options);
    // The platform's own components: subjects named system:*, service accounts of kube-system
    // (what includeSystem = false leaves out).
    static bool isSystemSubject(const Subject &subject);
    // Which risks one rule carries (with a short text each). Bound only inside a namespace
    // (or workspace), a rule cannot reach cluster-scoped resources or URLs, so those risks
    // are left out: nodes/proxy, webhooks, CRDs, impersonating users/groups, escalate on
    // clusterroles, nonResourceURLs (bind on clusterroles stays: it is checked in the namespace).
    static std::vector<std::pair<RiskKind, std::string>> risksOf(const PolicyRule &rule, bool namespaceBound = false);
    // Whether holding `verb` on one catalog entry (any name) is one of the risks above, as
    // risksOf judges a rule naming just that verb, group and resource. RiskKind::Wildcard never
    // counts: a catalog entry is never "*", so wildcards exist only in rules.
    static bool riskyCell(const CatalogEntry &entry, const std::string &verb, bool namespaceBound);

    static std::string toText(const std::vector<RiskFinding> &findings);
    static nlohmann::json toJson(const std::vector<RiskFinding> &findings);
};

} // namespace kube::rbac
