// Asks kube-apiserver itself (SubjectAccessReview) and compares with the local evaluator:
// "verify" for a decision or a sample of a matrix. SubjectAccessReview evaluates the user
// verbatim, so callers pass identities that already carry their implicit groups
// (Identity::impersonated does that).
#pragma once

#include "kubeclient/core/canceltoken.h"
#include "kubeclient/rbac/identity.h"
#include "kubeclient/rbac/requestattributes.h"
#include "kubeclient/core/result.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace kube {
class Client;
}

namespace kube::rbac {

class Evaluator;
class PermissionMatrix;

struct ReviewAnswer {
    bool allowed = false;
    bool denied = false;
    std::string reason, evaluationError;
};

struct ReviewCase {
    Identity who;
    RequestAttributes request;
    // Ask as the caller itself (SelfSubjectAccessReview, which every user may send) instead
    // of about `who` (SubjectAccessReview, which needs create on subjectaccessreviews).
    bool self = false;
};

struct Disagreement {
    ReviewCase reviewCase;
    bool localAllowed = false;
    std::string localReason;
    ReviewAnswer server;

    std::string toString() const;
};

struct VerifyReport {
    size_t checked = 0;
    std::vector<Disagreement> disagreements;
    std::vector<std::string> errors;  // reviews that failed (transport, 403 on SAR)
    bool agreed() const { return disagreements.empty() && errors.empty(); }
};

class AccessReviewer
{
public:
    explicit AccessReviewer(Client &client);

    static nlohmann::json requestBody(const Identity &who, const RequestAttributes &request);
    Result<ReviewAnswer> review(const Identity &who, const RequestAttributes &request,
                                const CancelTokenPtr &cancel = nullptr);
    static nlohmann::json selfRequestBody(const RequestAttributes &request);
    Result<ReviewAnswer> reviewSelf(const RequestAttributes &request, const CancelTokenPtr &cancel = nullptr);
    // Reviews on `threads` threads over the client's connection pool; answers in input order.
    std::vector<Result<ReviewAnswer>> reviewAll(const std::vector<ReviewCase> &cases, int threads,
                                                const CancelTokenPtr &cancel = nullptr);
    // Re-asks the server for each case and reports every case where it disagrees.
    VerifyReport verify(const Evaluator &evaluator, const std::vector<ReviewCase> &cases, int threads,
                        const CancelTokenPtr &cancel = nullptr);
    // Up to `max` cells of a (Kubernetes-view) matrix, spread evenly over it, as cases.
    static std::vector<ReviewCase> sampleMatrix(const PermissionMatrix &matrix, size_t max);

private:
    static Result<ReviewAnswer> answerOf(Result<nlohmann::json> answer);
    Client &m_client;
};

} // namespace kube::rbac
