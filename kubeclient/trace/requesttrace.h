// One request traced through kube-apiserver's chain: authentication (what the kubeconfig
// presents, who the server says that is, impersonation), authorization (the RBAC decision
// with its path; in the KubeSphere view ks-apiserver's global -> workspace -> namespace ->
// cluster order), admission (LimitRange, ResourceQuota, Pod Security) and the server's own
// answers (SubjectAccessReview, a dry run) with every disagreement named.
//
// Two halves: TraceFacts are what was read from the cluster (Tracer::gather, or a test's
// fixture); assembleTrace() is the engine, pure and quick, turning facts into stages.
#pragma once

#include "kubeclient/api/client.h"
#include "kubeclient/rbac/accessreviewer.h"
#include "kubeclient/rbac/decision.h"
#include "kubeclient/rbac/identity.h"
#include "kubeclient/rbac/rbacindex.h"
#include "kubeclient/rbac/regoevaluator.h"
#include "kubeclient/rbac/requestattributes.h"
#include "kubeclient/rbac/view.h"
#include "kubeclient/trace/admissionpreview.h"
#include "kubeclient/trace/presentedcredentials.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kube::trace {

enum class Verdict { Pass, Fail, Unknown, Skipped, Warning };
const char *toString(Verdict verdict);  // "pass", "fail", "unknown", "skipped", "warning"
const char *symbol(Verdict verdict);    // "✔", "✘", "?", "–", "!"

// What is asked: who (the caller, or --as USER --as-group G...), what, and in which view.
struct TraceQuestion {
    std::string asUser;  // empty: the caller itself
    std::vector<std::string> asGroups;
    rbac::RequestAttributes request;
    bool namespaced = true;  // the resource is namespace-scoped (or unknown)
    rbac::View view = rbac::View::Kubernetes;
    ResourceAmounts requests;  // a created pod's container requests (--requests)

    bool impersonating() const { return !asUser.empty(); }
    bool isWrite() const;  // create, update, patch, delete, deletecollection on a resource
    // "create pods in namespace p1 as alice [devs] (kubernetes view)"
    std::string toString() const;
};

// One impersonation check: may the caller impersonate this user, group or service account?
struct ImpersonationCheck {
    std::string what;  // "user alice", "group devs", "serviceaccount ns1/builder"
    rbac::RequestAttributes request;
    std::optional<bool> allowed;  // unset: not answered (error says why)
    std::string reason, error;
};

// The server dry run (dryRun=All) of the request by the caller, with the body that was sent.
struct DryRun {
    bool sent = false;
    std::string notSent;  // why no dry run was made
    std::string method, path;
    nlohmann::json body;  // null for DELETE
    std::string bodyNote;  // "a minimal Pod (one pause container, requests cpu=100m)"
    int status = 0;
    std::string reason, message;  // the server's Status
    std::string transportError;
    nlohmann::json answer;  // the object the server would have stored (2xx), after its admission
    // Where the server stopped it: "admitted" (2xx, or 409 AlreadyExists after admission),
    // "authorization", "validation", "LimitRanger", "PodSecurity", "ResourceQuota",
    // "not found", "admission" (another admission refusal), "error".
    std::string stoppedAt;
};

// Reads a dry run's answer: where the chain stopped it.
std::string classifyDryRun(int status, const std::string &message);

struct TraceFacts {
    std::optional<PresentedCredentials> presented;
    std::optional<UserInfo> self;  // SelfSubjectReview as the caller
    std::string selfError;
    bool unauthenticated = false;  // the server answered 401
    // SelfSubjectReview sent with Impersonate-User/-Group: the identity the server builds.
    std::optional<UserInfo> impersonated;
    std::string impersonatedError;
    std::vector<ImpersonationCheck> impersonation;
    std::shared_ptr<const rbac::RbacIndex> index;
    // The Rego engine of the KubeSphere view (opa); null or unavailable: policies are noted only.
    std::shared_ptr<rbac::RegoEvaluator> rego;
    std::string rbacError;                 // RBAC could not be read: the engine cannot decide
    std::vector<std::string> rbacWarnings;  // kinds that could not be read
    bool fromRulesReview = false;  // the caller's rules came from SelfSubjectRulesReview
    std::optional<nlohmann::json> namespaceObject;
    std::string namespaceError;
    std::vector<nlohmann::json> quotas, limitRanges;
    std::string admissionReadError;
    nlohmann::json probe;  // the object a create would send
    std::optional<rbac::ReviewAnswer> review;
    std::string reviewKind;  // "SubjectAccessReview", "SelfSubjectAccessReview", "... as USER"
    std::string reviewError;
    DryRun dryRun;
};

struct TraceStage {
    std::string id;     // authentication, impersonation, authorization, admission, server
    std::string title;  // "1. Authentication"
    Verdict verdict = Verdict::Unknown;
    std::string summary;  // one line
    std::vector<std::string> details;
};

struct TraceResult {
    TraceQuestion question;
    rbac::Identity identity;  // the identity authorization was evaluated for
    bool identityKnown = false;
    std::vector<TraceStage> stages;
    Verdict verdict = Verdict::Unknown;
    std::string verdictText;  // "allowed", "denied at authorization: ...", "refused by admission: ..."
    std::optional<rbac::Decision> kubernetes, kubesphere;
    AdmissionPreview admission;
    // Tenantry's answer and the server's differ: shown first and last, never buried.
    std::vector<std::string> disagreements;
    std::string dryRunStoppedAt;  // what the server's dry run said, when one was sent

    const TraceStage *stage(const std::string &id) const;
    std::string toText() const;
    nlohmann::json toJson() const;
};

// The engine: every stage from the facts (evaluators, admission preview, comparisons).
TraceResult assembleTrace(const TraceQuestion &question, const TraceFacts &facts);

} // namespace kube::trace
