// The answer to "may IDENTITY do REQUEST?" with its explanation: the binding, role and rule
// (index and text) that allowed it, or for a denial the nearest rules and what each lacks;
// errors the authorizer met (missing roles) and the Rego policies it consulted (KubeSphere).
#pragma once

#include "kubeclient/rbac/identity.h"
#include "kubeclient/rbac/policyrule.h"
#include "kubeclient/rbac/requestattributes.h"
#include "kubeclient/rbac/subject.h"
#include "kubeclient/rbac/view.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kube::rbac {

// binding -> role -> rule, and the scope the binding acts in.
struct GrantPath {
    uint32_t binding = 0;
    int32_t role = -1;
    std::string bindingText;  // "ClusterRoleBinding admins"
    std::string roleText;     // "ClusterRole admin"
    Subject subject;          // the binding subject that applied
    std::string scope;        // "cluster", "namespace ns1", "global", "workspace ws1"
    int ruleIndex = -1;
    PolicyRule rule;
    std::vector<std::string> templates;  // KubeSphere role templates that hold this rule
    // KubeSphere: allowed by the role's Rego policy (iam.kubesphere.io/rego-override, evaluated
    // before its rules), not by a rule; ruleIndex is then -1.
    bool viaPolicy = false;
    int policyLine = 0;      // the line of the Rego rule that allowed, in the module (0: not told)
    std::string policyRule;  // that rule on one line: `allow if { input.Resource == "users"; ... }`

    // "ClusterRoleBinding admins -> ClusterRole admin, rule #2 {verbs=[*] ...} (to Group devs)"
    std::string toString() const;
    nlohmann::json toJson() const;
};

struct NearMiss {
    GrantPath path;
    std::vector<std::string> missing;  // "verb delete", "namespace ns2 (bound in ns1 only)"
};

struct PolicyNote {
    std::string roleText, bindingText;
    std::string policy;  // the Rego module, verbatim
    // What became of it: evaluated by the Rego engine (allowed or not), or not evaluated / failed,
    // with the reason in `error` ("opa not available: ...", a compile error). ks-apiserver
    // treats a policy that fails as not allowing.
    bool evaluated = false;
    bool allowed = false;
    std::string rule;    // the rule that allowed ("authz.rego:12 allow if {...}")
    std::string error;
    std::string engine;  // "opa (/path/to/opa)"
};

struct Decision {
    enum class Basis { Superuser, Rule, None, Policy };  // Policy: a role's Rego policy allowed

    View view = View::Kubernetes;
    Identity identity;
    RequestAttributes request;
    bool allowed = false;
    Basis basis = Basis::None;
    std::optional<GrantPath> grant;
    std::vector<NearMiss> nearest;
    std::vector<std::string> errors;
    std::vector<PolicyNote> policies;  // KubeSphere: the Rego policies met, and what each said
    std::string scope;                 // KubeSphere: global / cluster / workspace W / namespace N

    // kube-apiserver-like one-liner: "RBAC: allowed by ClusterRoleBinding \"x\" of ClusterRole \"y\" to Group \"g\"".
    std::string reason() const;
    // Several lines for people: the path, or the nearest rules and what they lack.
    std::string explain() const;
    nlohmann::json toJson() const;
};

} // namespace kube::rbac
