// The input record ks-apiserver evaluates policies with, and the single-input convenience.
#include "kubeclient/rbac/regoevaluator.h"

namespace kube::rbac {

namespace {
bool underKubernetesApi(const std::string &path)
{
    for (const std::string prefix : {"/api", "/apis"})
        if (path == prefix || path.rfind(prefix + "/", 0) == 0)
            return true;
    return false;
}

// The URL path of a resource request: /api/V or /apis/G/V, then namespaces/N, the resource,
// its name and subresource.
std::string resourcePath(const RequestAttributes &r)
{
    if (r.apiVersion.empty())
        return {};
    std::string path = r.apiGroup.empty() ? "/api/" + r.apiVersion : "/apis/" + r.apiGroup + "/" + r.apiVersion;
    if (!r.ns.empty())
        path += "/namespaces/" + r.ns;
    path += "/" + r.resource;
    if (!r.name.empty()) {
        path += "/" + r.name;
        if (!r.subresource.empty())
            path += "/" + r.subresource;
    }
    return path;
}
} // namespace

nlohmann::json regoInput(const Identity &who, const RequestAttributes &request, const std::string &resourceScope,
                         std::optional<bool> kubernetesRequest)
{
    // Go's json encoding of nil slices and maps is null; a user.DefaultInfo without extra has none.
    nlohmann::json groups = who.groups.empty() ? nlohmann::json(nullptr) : nlohmann::json(who.groups);
    const nlohmann::json user = {{"Name", who.name}, {"UID", ""}, {"Groups", groups}, {"Extra", nullptr}};
    const bool resource = request.isResourceRequest;
    const std::string path = resource ? resourcePath(request) : request.path;
    const bool k8s = kubernetesRequest ? *kubernetesRequest : (resource || underKubernetesApi(request.path));
    return {{"User", user},
            {"Verb", request.verb},
            {"Cluster", request.cluster},
            {"Workspace", request.workspace},
            {"Namespace", request.ns},
            {"APIGroup", resource ? request.apiGroup : std::string()},
            {"APIVersion", resource ? request.apiVersion : std::string()},
            {"Resource", resource ? request.resource : std::string()},
            {"Subresource", resource ? request.subresource : std::string()},
            {"Name", resource ? request.name : std::string()},
            {"KubernetesRequest", k8s},
            {"ResourceRequest", resource},
            {"Path", path},
            {"ResourceScope", resourceScope}};
}

std::string RegoRule::toString() const
{
    return "authz.rego:" + std::to_string(line) + " " + text;
}

RegoVerdict RegoEvaluator::evaluateOne(const std::string &policy, const nlohmann::json &input,
                                       const CancelTokenPtr &cancel)
{
    auto verdicts = evaluate(policy, {input}, cancel);
    if (verdicts.empty()) {
        RegoVerdict v;
        v.error = "the Rego engine gave no answer";
        return v;
    }
    return std::move(verdicts.front());
}

} // namespace kube::rbac
