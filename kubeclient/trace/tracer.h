// Reads what a trace needs from a live cluster, every call at once on the client's connection
// pool: SelfSubjectReview (plain and impersonating), the impersonation checks, the RBAC objects
// the request's scope needs, the namespace with its quotas and limits, the server's access
// review and a dry run; then assembleTrace(). Blocking: run it off the GUI thread.
#pragma once

#include "kubeclient/core/canceltoken.h"
#include "kubeclient/trace/requesttrace.h"

#include <memory>

namespace kube {
class Client;
}

namespace kube::trace {

struct TraceOptions {
    // RBAC data already at hand (the GUI's live index); otherwise read for the request.
    std::shared_ptr<const rbac::RbacIndex> index;
    std::optional<PresentedCredentials> presented;
    // The Rego engine for the KubeSphere view; null: the shared opa engine (OpaRegoEvaluator).
    std::shared_ptr<rbac::RegoEvaluator> rego;
    bool serverReview = true;  // SubjectAccessReview / SelfSubjectAccessReview
    bool dryRun = true;        // for writes by the caller itself
    CancelTokenPtr cancel;
};

class Tracer
{
public:
    explicit Tracer(std::shared_ptr<Client> client);

    TraceFacts gather(const TraceQuestion &question, const TraceOptions &options = {}) const;
    TraceResult run(const TraceQuestion &question, const TraceOptions &options = {}) const;

    // What kube-apiserver's impersonation filter checks for --as USER --as-group G...: impersonate
    // on users (or, for system:serviceaccount:NS:NAME, serviceaccounts NAME in NS) and on each group.
    static std::vector<ImpersonationCheck> impersonationChecks(const std::string &user,
                                                               const std::vector<std::string> &groups);
    // The Impersonate-User / Impersonate-Group headers kubectl --as sends.
    static void addImpersonation(HttpRequest &request, const std::string &user, const std::vector<std::string> &groups);

private:
    std::shared_ptr<Client> m_client;
};

} // namespace kube::trace
