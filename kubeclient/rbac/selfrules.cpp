// SelfSubjectRulesReview → RbacData: one role with the reported rules, bound to the caller.
#include "kubeclient/rbac/selfrules.h"

#include "kubeclient/api/client.h"
#include "kubeclient/kubesphere/tenancyapi.h"

namespace kube::rbac {

Result<nlohmann::json> selfRulesReview(Client &client, const std::string &ns, const CancelTokenPtr &cancel)
{
    const nlohmann::json body = {{"apiVersion", "authorization.k8s.io/v1"},
                                 {"kind", "SelfSubjectRulesReview"},
                                 {"spec", {{"namespace", ns}}}};
    return client.create(tenancy::TenancyApi::selfSubjectRulesReview, {}, body, {}, cancel);
}

SelfRules selfRulesData(const nlohmann::json &review, const Identity &me, const std::string &ns)
{
    SelfRules out;
    const nlohmann::json status = review.value("status", nlohmann::json::object());
    out.incomplete = status.value("incomplete", false);
    out.evaluationError = status.value("evaluationError", "");
    nlohmann::json rules = nlohmann::json::array();
    if (auto r = status.find("resourceRules"); r != status.end() && r->is_array())
        rules = *r;
    const bool cluster = ns.empty();
    // Non-resource rules are cluster-wide: only the cluster's role can carry them.
    if (auto r = status.find("nonResourceRules"); cluster && r != status.end() && r->is_array())
        for (const auto &rule : *r)
            rules.push_back(rule);
    nlohmann::json role = {{"apiVersion", "rbac.authorization.k8s.io/v1"},
                           {"kind", cluster ? "ClusterRole" : "Role"},
                           {"metadata", {{"name", kSelfRulesName}}},
                           {"rules", rules}};
    nlohmann::json binding = {
        {"apiVersion", "rbac.authorization.k8s.io/v1"},
        {"kind", cluster ? "ClusterRoleBinding" : "RoleBinding"},
        {"metadata", {{"name", kSelfRulesName}}},
        {"roleRef", {{"apiGroup", "rbac.authorization.k8s.io"}, {"kind", cluster ? "ClusterRole" : "Role"}, {"name", kSelfRulesName}}},
        {"subjects", nlohmann::json::array({{{"apiGroup", "rbac.authorization.k8s.io"}, {"kind", "User"}, {"name", me.name}}})}};
    if (!cluster) {
        role["metadata"]["namespace"] = ns;
        binding["metadata"]["namespace"] = ns;
    }
    out.data.add(role);
    out.data.add(binding);
    return out;
}

} // namespace kube::rbac
