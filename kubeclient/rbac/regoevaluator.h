// Rego policies (iam.kubesphere.io/rego-override) as ks-apiserver evaluates them: the module
// (file authz.rego, package authz), the query data.authz.allow, and the authorizer's
// attribute record as input (kubesphere-tenancy-api.md 12.4). The engine is injected, so the
// permission engine works (and says so) where no engine is available.
#pragma once

#include "kubeclient/core/canceltoken.h"
#include "kubeclient/rbac/identity.h"
#include "kubeclient/rbac/requestattributes.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace kube::rbac {

// ks-apiserver's ResourceScope values (pkg/apiserver/request: GlobalScope ... NamespaceScope).
inline constexpr const char *kRegoScopeGlobal = "Global";
inline constexpr const char *kRegoScopeCluster = "Cluster";
inline constexpr const char *kRegoScopeWorkspace = "Workspace";
inline constexpr const char *kRegoScopeNamespace = "Namespace";

// The input record: authorizer.AttributesRecord serialised with Go field names — User (Name,
// UID, Groups, Extra), Verb, Cluster, Workspace, Namespace, APIGroup, APIVersion, Resource,
// Subresource, Name, KubernetesRequest, ResourceRequest, Path, ResourceScope. Path is the URL
// path ks-apiserver saw: the request's path for a non-resource request, rebuilt from the
// attributes for a resource request (empty when the version is not known). KubernetesRequest
// is whether the URL is under /api or /apis (ks-apiserver's own /kapis APIs are not):
// `kubernetesRequest` says it, otherwise it is read from a non-resource path and taken as true
// for a resource request.
nlohmann::json regoInput(const Identity &who, const RequestAttributes &request, const std::string &resourceScope,
                         std::optional<bool> kubernetesRequest = std::nullopt);

// One rule of a module, as people find it in the text.
struct RegoRule {
    std::string name;  // "allow"
    int line = 0;      // 1-based line of the rule's head in the module
    std::string text;  // the rule on one line: `allow if { input.Resource == "users"; ... }`

    // "authz.rego:12 allow if { ... }"
    std::string toString() const;
};

struct RegoVerdict {
    bool allowed = false;          // data.authz.allow == true
    std::optional<RegoRule> rule;  // the rule that allowed it, when the engine could tell
    std::string error;             // compile or evaluation error, or why the engine could not run

    bool failed() const { return !error.empty(); }
};

class RegoEvaluator
{
public:
    virtual ~RegoEvaluator() = default;

    // Whether the engine can run at all; otherwise unavailableReason() says why, e.g.
    // "opa not available: TENANTRY_OPA=/x is not an executable file".
    virtual bool available() const = 0;
    virtual std::string unavailableReason() const = 0;
    // "opa (/path/to/opa)": what the decisions name as their engine.
    virtual std::string engineName() const = 0;

    // One policy over many inputs, verdicts in input order. A policy that does not compile,
    // or an evaluation that fails, gives "not allowed" with the error (as ks-apiserver logs
    // it and treats it as not allowed); an unavailable engine gives "not allowed" with
    // unavailableReason().
    virtual std::vector<RegoVerdict> evaluate(const std::string &policy, const std::vector<nlohmann::json> &inputs,
                                              const CancelTokenPtr &cancel = nullptr) = 0;

    RegoVerdict evaluateOne(const std::string &policy, const nlohmann::json &input,
                            const CancelTokenPtr &cancel = nullptr);
};

} // namespace kube::rbac
