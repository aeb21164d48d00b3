// The lists go out concurrently on the client's shared connection pool. RBAC kinds are
// required (an answer without them would be wrong); Namespaces are a warning when forbidden.
#include "rbacfetch.h"

#include "kubeclient/kubesphere/tenancyapi.h"

#include <future>
#include <vector>

namespace ctl {

using kube::rbac::LoadResult;
using kube::tenancy::TenancyApi;

kube::Result<LoadResult> RbacFetch::load(kube::Client &client, const Scope &scope)
{
    if (scope.kubesphere)
        return kube::rbac::RbacLoader::fromClient(client);  // every IAM kind, cluster-wide
    using Source = kube::rbac::RbacLoader::Source;
    std::vector<Source> sources = {{TenancyApi::rbacClusterRole, "", true},
                                   {TenancyApi::rbacClusterRoleBinding, "", true}};
    if (scope.namespaces != Scope::Namespaces::None) {
        const std::string ns = scope.namespaces == Scope::Namespaces::One ? scope.ns : std::string();
        sources.push_back({TenancyApi::rbacRole, ns, true});
        sources.push_back({TenancyApi::rbacRoleBinding, ns, true});
    }
    if (scope.listNamespaces)
        sources.push_back({TenancyApi::namespaces, "", false});
    // The flavour tells the index how KubeSphere names things; discovery (cached on disk) is
    // asked while the lists are out.
    auto flavor = std::async(std::launch::async, [&client] {
        return client.discovery().ensureLoaded() ? TenancyApi::detect(client.discovery()).flavor
                                                 : kube::tenancy::ApiFlavor::None;
    });
    auto out = kube::rbac::RbacLoader::fromSources(client, sources);
    const auto found = flavor.get();
    if (out)
        out->flavor = found;
    return out;
}

} // namespace ctl
