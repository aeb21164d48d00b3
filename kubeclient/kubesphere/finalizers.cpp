// KubeSphere's finalizers (kubesphere-tenancy-api.md 3.1, 3.3, 3.6, 8.1-8.3, 16) and the domain
// rule that recognises them.
#include "kubeclient/kubesphere/finalizers.h"

namespace kube::tenancy {

const std::vector<KnownFinalizer> &knownKubeSphereFinalizers()
{
    static const std::vector<KnownFinalizer> known = {
        {"kubesphere.io/cascading-deletion", "4.x workspacetemplate, workspace and namespace controllers"},
        {"finalizers.workspacetemplate.kubesphere.io", "3.x workspacetemplate controller"},
        {"finalizers.tenant.kubesphere.io", "3.x workspace controller"},
        {"orphan.finalizers.kubesphere.io", "3.x workspacetemplate controller (orphan deletion)"},
        {"finalizers.kubesphere.io/namespaces", "3.x namespace controller"},
        {"finalizers.kubesphere.io/users", "user controller"},
        {"finalizers.kubesphere.io/workspaceroles", "4.x workspacerole controller"},
        {"finalizers.kubesphere.io/globalrolebindings", "globalrolebinding controller"},
        {"finalizers.kubesphere.io/groupsbindings", "groupbinding controller"},
    };
    return known;
}

bool isKubeSphereFinalizer(std::string_view finalizer)
{
    constexpr std::string_view domain = "kubesphere.io";
    const std::string_view prefix = finalizer.substr(0, finalizer.find('/'));
    if (prefix == domain)
        return true;
    return prefix.size() > domain.size() && prefix.substr(prefix.size() - domain.size()) == domain
        && prefix[prefix.size() - domain.size() - 1] == '.';
}

FinalizerSplit splitFinalizers(const nlohmann::json &object)
{
    FinalizerSplit out;
    if (!object.is_object() || !object.contains("metadata") || !object["metadata"].is_object())
        return out;
    const auto it = object["metadata"].find("finalizers");
    if (it == object["metadata"].end() || !it->is_array())
        return out;
    for (const auto &f : *it) {
        if (!f.is_string())
            continue;
        const std::string name = f.get<std::string>();
        (isKubeSphereFinalizer(name) ? out.kubesphere : out.others).push_back(name);
    }
    return out;
}

} // namespace kube::tenancy
