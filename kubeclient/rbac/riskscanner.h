// Grants auditors look for, each found with its path (subject -> binding -> role -> rule)
// and where it holds: wildcards, reading secrets, impersonation, escalate/bind, pods/exec
// (and attach, portforward), nodes/proxy, webhook configuration writes, CRD writes.
#pragma once

#include "kubeclient/rbac/decision.h"
#include "kubeclient/rbac/rbacindex.h"

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

struct RiskFinding {
    RiskKind kind = RiskKind::Wildcard;
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
    // Which risks one rule carries (with a short text each). Bound only inside a namespace
    // (or workspace), a rule cannot reach cluster-scoped resources or URLs, so those risks
    // are left out: nodes/proxy, webhooks, CRDs, impersonating users/groups, escalate on
    // clusterroles, nonResourceURLs (bind on clusterroles stays: it is checked in the namespace).
    static std::vector<std::pair<RiskKind, std::string>> risksOf(const PolicyRule &rule, bool namespaceBound = false);

    static std::string toText(const std::vector<RiskFinding> &findings);
    static nlohmann::json toJson(const std::vector<RiskFinding> &findings);
};

} // namespace kube::rbac
