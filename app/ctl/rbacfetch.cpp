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
    struct Source {
        kube::GroupVersionResource gvr;
        std::string ns;
        bool required;
    };
    std::vector<Source> sources = {{TenancyApi::rbacClusterRole, "", true},
                                   {TenancyApi::rbacClusterRoleBinding, "", true}};
    if (scope.namespaces != Scope::Namespaces::None) {
        const std::string ns = scope.namespaces == Scope::Namespaces::One ? scope.ns : std::string();
        sources.push_back({TenancyApi::rbacRole, ns, true});
        sources.push_back({TenancyApi::rbacRoleBinding, ns, true});
    }
    if (scope.listNamespaces)
        sources.push_back({TenancyApi::namespaces, "", false});

    std::vector<std::future<kube::Result<kube::ObjectList>>> lists;
    for (const auto &s : sources)
        lists.push_back(std::async(std::launch::async, [&client, s] {
            kube::ListOptions options;
            options.limit = 500;
            return client.list(s.gvr, s.ns, options);
        }));
    LoadResult out;
    // The flavour tells the index how KubeSphere names things; discovery is cached on disk.
    if (client.discovery().ensureLoaded())
        out.flavor = TenancyApi::detect(client.discovery()).flavor;
    std::optional<kube::Error> failure;
    for (size_t i = 0; i < sources.size(); ++i) {
        auto list = lists[i].get();  // wait for all, even after a failure: they use `client`
        const Source &s = sources[i];
        if (!list) {
            if (s.required && !failure)
                failure = list.error().withContext("reading " + s.gvr.groupResource());
            else if (!s.required)
                out.warnings.push_back("cannot list " + s.gvr.groupResource() + ": " + list.error().message);
            continue;
        }
        for (auto &item : list->items) {
            item["apiVersion"] = s.gvr.apiVersion();
            item["kind"] = s.gvr.kind;
            out.data.add(item);
        }
    }
    if (failure)
        return *failure;
    return out;
}

} // namespace ctl
