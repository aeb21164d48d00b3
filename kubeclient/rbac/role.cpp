// Parsing roles of every family from their JSON objects.
// Both template forms are read: 4.x aggregationRoleTemplates and the 3.x annotation.
#include "kubeclient/rbac/role.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/labels.h"

namespace kube::rbac {

Role Role::fromJson(const nlohmann::json &object)
{
    Role r;
    ObjectMeta meta(object);
    const std::string apiVersion = meta.apiVersion();
    r.apiGroup = apiVersion.substr(0, apiVersion.find('/'));
    r.kind = meta.kind();
    r.ns = meta.namespaceName();
    r.name = meta.name();
    r.labels = meta.labels();
    r.annotations = meta.annotations();
    r.rules = PolicyRule::listFromJson(object.value("rules", nlohmann::json::array()));
    if (auto agg = object.find("aggregationRule"); agg != object.end() && agg->is_object()) {
        r.hasAggregationRule = true;
        if (auto sel = agg->find("clusterRoleSelectors"); sel != agg->end() && sel->is_array())
            for (const auto &s : *sel)
                r.aggregationSelectors.push_back(LabelSelector::fromJson(s));
    }
    if (auto t = object.find("aggregationRoleTemplates"); t != object.end() && t->is_object()) {
        if (auto names = t->find("templateNames"); names != t->end() && names->is_array())
            for (const auto &n : *names)
                if (n.is_string())
                    r.templateNames.push_back(n.get<std::string>());
        if (auto sel = t->find("roleSelector"); sel != t->end() && sel->is_object())
            r.templateSelector = LabelSelector::fromJson(*sel);
    }
    if (auto it = r.annotations.find(tenancy::kAggregationRolesAnnotation); it != r.annotations.end()) {
        // 3.x: a JSON list of template names in an annotation.
        auto parsed = nlohmann::json::parse(it->second, nullptr, false);
        if (parsed.is_array())
            for (const auto &n : parsed)
                if (n.is_string())
                    r.templateNames.push_back(n.get<std::string>());
    }
    if (auto it = r.annotations.find(tenancy::kRegoOverrideAnnotation); it != r.annotations.end())
        r.regoPolicy = it->second;
    return r;
}

std::string Role::toString() const
{
    return kind + " " + (ns.empty() ? name : ns + "/" + name);
}

} // namespace kube::rbac
