// Subjects of role bindings: parsing and printing.
// Ordering is by kind, namespace and name, for stable listings.
#include "kubeclient/rbac/subject.h"
#include "kubeclient/core/jsonfields.h"

#include <tuple>

namespace kube::rbac {

Subject Subject::fromJson(const nlohmann::json &subject)
{
    Subject s;
    if (!subject.is_object())
        return s;
    s.kind = stringField(subject, "kind");
    s.name = stringField(subject, "name");
    s.ns = stringField(subject, "namespace");
    s.apiGroup = stringField(subject, "apiGroup");
    return s;
}

nlohmann::json Subject::toJson() const
{
    nlohmann::json j = {{"kind", kind}, {"name", name}};
    if (!ns.empty())
        j["namespace"] = ns;
    if (!apiGroup.empty())
        j["apiGroup"] = apiGroup;
    return j;
}

std::string Subject::toString() const
{
    if (kind == "ServiceAccount")
        return kind + " " + (ns.empty() ? std::string("<binding namespace>") : ns) + "/" + name;
    return kind + " " + name;
}

bool Subject::operator<(const Subject &other) const
{
    return std::tie(kind, ns, name) < std::tie(other.kind, other.ns, other.name);
}

} // namespace kube::rbac
