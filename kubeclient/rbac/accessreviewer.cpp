// SubjectAccessReview requests, in parallel, and the comparison with local decisions.
// Reviews run on a small thread pool over the client's connection pool; answers keep input order.
#include "kubeclient/rbac/accessreviewer.h"

#include "kubeclient/api/client.h"
#include "kubeclient/rbac/evaluator.h"
#include "kubeclient/rbac/permissionmatrix.h"
#include "kubeclient/kubesphere/tenancyapi.h"

#include <atomic>
#include <thread>

namespace kube::rbac {

std::string Disagreement::toString() const
{
    return "DISAGREEMENT: " + reviewCase.request.toString() + " as " + reviewCase.who.toString() +
           ": local says " + (localAllowed ? "yes" : "no") + " (" + localReason + "), server says " +
           (server.allowed ? "yes" : "no") + (server.reason.empty() ? "" : " (" + server.reason + ")") +
           (server.evaluationError.empty() ? "" : " [evaluationError: " + server.evaluationError + "]");
}

AccessReviewer::AccessReviewer(Client &client) : m_client(client) {}

nlohmann::json AccessReviewer::requestBody(const Identity &who, const RequestAttributes &request)
{
    nlohmann::json spec = {{"user", who.name}, {"groups", who.groups}};
    if (request.isResourceRequest) {
        nlohmann::json attrs = {{"verb", request.verb}, {"group", request.apiGroup}, {"resource", request.resource},
                                {"version", request.apiVersion.empty() ? std::string("*") : request.apiVersion}};
        if (!request.subresource.empty())
            attrs["subresource"] = request.subresource;
        if (!request.name.empty())
            attrs["name"] = request.name;
        if (!request.ns.empty())
            attrs["namespace"] = request.ns;
        spec["resourceAttributes"] = attrs;
    } else {
        spec["nonResourceAttributes"] = {{"path", request.path}, {"verb", request.verb}};
    }
    return {{"apiVersion", "authorization.k8s.io/v1"}, {"kind", "SubjectAccessReview"}, {"spec", spec}};
}

nlohmann::json AccessReviewer::selfRequestBody(const RequestAttributes &request)
{
    nlohmann::json body = requestBody({}, request);
    body["kind"] = "SelfSubjectAccessReview";
    body["spec"].erase("user");
    body["spec"].erase("groups");
    return body;
}

Result<ReviewAnswer> AccessReviewer::review(const Identity &who, const RequestAttributes &request,
                                            const CancelTokenPtr &cancel)
{
    return answerOf(m_client.create(tenancy::TenancyApi::subjectAccessReview, "", requestBody(who, request), {}, cancel));
}

Result<ReviewAnswer> AccessReviewer::reviewSelf(const RequestAttributes &request, const CancelTokenPtr &cancel)
{
    return answerOf(m_client.create(tenancy::TenancyApi::selfSubjectAccessReview, "", selfRequestBody(request), {}, cancel));
}

Result<ReviewAnswer> AccessReviewer::answerOf(Result<nlohmann::json> answer)
{
    if (!answer)
        return answer.error();
    const auto status = answer->value("status", nlohmann::json::object());
    ReviewAnswer a;
    a.allowed = status.value("allowed", false);
    a.denied = status.value("denied", false);
    a.reason = status.value("reason", "");
    a.evaluationError = status.value("evaluationError", "");
    return a;
}

std::vector<Result<ReviewAnswer>> AccessReviewer::reviewAll(const std::vector<ReviewCase> &cases, int threads,
                                                            const CancelTokenPtr &cancel)
{
    std::vector<Result<ReviewAnswer>> out(cases.size(), Result<ReviewAnswer>(ReviewAnswer{}));
    std::atomic<size_t> next{0};
    auto work = [&] {
        for (size_t i = next++; i < cases.size(); i = next++)
            out[i] = cases[i].self ? reviewSelf(cases[i].request, cancel) : review(cases[i].who, cases[i].request, cancel);
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(work);
    work();
    for (auto &t : pool)
        t.join();
    return out;
}

VerifyReport AccessReviewer::verify(const Evaluator &evaluator, const std::vector<ReviewCase> &cases, int threads,
                                    const CancelTokenPtr &cancel)
{
    VerifyReport report;
    const auto answers = reviewAll(cases, threads, cancel);
    for (size_t i = 0; i < cases.size(); ++i) {
        if (!answers[i]) {
            report.errors.push_back(cases[i].request.toString() + ": " + answers[i].error().describe());
            continue;
        }
        ++report.checked;
        const Decision local = evaluator.authorize(cases[i].who, cases[i].request, 0);
        if (local.allowed != answers[i]->allowed)
            report.disagreements.push_back({cases[i], local.allowed, local.reason(), *answers[i]});
    }
    return report;
}

std::vector<ReviewCase> AccessReviewer::sampleMatrix(const PermissionMatrix &matrix, size_t max)
{
    std::vector<ReviewCase> all;
    const auto &entries = matrix.catalog().entries();
    size_t total = matrix.cellCount();
    const size_t step = total > max && max > 0 ? total / max + 1 : 1;
    size_t k = 0;
    for (const auto &row : matrix.rows())
        for (const auto &e : entries) {
            if (!matrix.applies(row.scope, e))
                continue;
            for (const auto &verb : matrix.verbs()) {
                if (k++ % step)
                    continue;
                auto req = RequestAttributes::forResource(
                    verb, e.group, e.resource, row.scope.kind == MatrixScope::Kind::Namespace ? row.scope.name : "",
                    {}, e.subresource);
                all.push_back({row.identity, req});
            }
        }
    if (all.size() > max)
        all.resize(max);
    return all;
}

} // namespace kube::rbac
