// Parsing bindings of every family from their JSON objects.
// Subjects keep their apiGroup for display; matching never reads it.
#include "kubeclient/rbac/binding.h"
#include "kubeclient/core/jsonfields.h"

#include "kubeclient/core/objectmeta.h"

namespace kube::rbac {

Binding Binding::fromJson(const nlohmann::json &object)
{
    Binding b;
    ObjectMeta meta(object);
    const std::string apiVersion = meta.apiVersion();
    b.apiGroup = apiVersion.substr(0, apiVersion.find('/'));
    b.kind = meta.kind();
    b.ns = meta.namespaceName();
    b.name = meta.name();
    b.labels = meta.labels();
    if (auto ref = object.find("roleRef"); ref != object.end() && ref->is_object()) {
        b.roleApiGroup = stringField(*ref, "apiGroup");
        b.roleKind = stringField(*ref, "kind");
        b.roleName = stringField(*ref, "name");
    }
    if (auto subjects = object.find("subjects"); subjects != object.end() && subjects->is_array())
        for (const auto &s : *subjects)
            b.subjects.push_back(Subject::fromJson(s));
    return b;
}

std::string Binding::toString() const
{
    return kind + " " + (ns.empty() ? name : ns + "/" + name);
}

} // namespace kube::rbac
