// Loading permission data from a cluster or from manifests.
// Items of live lists get apiVersion/kind back, so live and offline objects are identical.
#include "kubeclient/rbac/rbacloader.h"
#include "kubeclient/core/jsonfields.h"

#include "kubeclient/api/client.h"
#include "kubeclient/core/manifestfiles.h"
#include "kubeclient/rbac/objectshape.h"

#include <future>
#include <optional>

namespace kube::rbac {

Result<size_t> RbacLoader::addText(RbacData &data, const std::string &text, const std::string &where)
{
    auto docs = parseManifestText(text, where);
    if (!docs)
        return docs.error();
    size_t n = 0;
    for (const auto &d : *docs)
        n += data.add(d);
    return n;
}

Result<LoadResult> RbacLoader::fromPath(const std::string &path)
{
    // A file that does not parse adds nothing, so a skipped file leaves no trace.
    auto read = readManifestFiles(path);
    if (!read)
        return read.error();
    LoadResult out;
    out.warnings = std::move(read->warnings);
    out.skipped = std::move(read->skipped);
    out.files = read->files;
    for (const auto &d : read->documents)
        out.data.add(d);
    // A field of another type than the API defines is read as absent: say which, so an answer
    // that leaves out a subject or a rule is not a mystery.
    constexpr std::size_t kMaxShapeWarnings = 20;
    std::size_t shapeProblemCount = 0;
    for (const auto &[key, obj] : out.data.objects()) {
        for (const auto &problem : shapeProblems(obj)) {
            if (++shapeProblemCount <= kMaxShapeWarnings)
                out.warnings.push_back(key.kind + " " + (key.ns.empty() ? key.name : key.ns + "/" + key.name) + ": "
                                       + problem + " (read as absent)");
        }
    }
    if (shapeProblemCount > kMaxShapeWarnings)
        out.warnings.push_back("and " + std::to_string(shapeProblemCount - kMaxShapeWarnings)
                               + " more fields of another type than the API defines (read as absent)");
    bool v3 = false, v4 = false;
    for (const auto &[key, obj] : out.data.objects()) {
        if (key.group != "iam.kubesphere.io")
            continue;
        const std::string v = stringField(obj, "apiVersion");
        v4 = v4 || v.find("v1beta1") != std::string::npos;
        v3 = v3 || v.find("v1alpha2") != std::string::npos;
    }
    out.flavor = v4 ? tenancy::ApiFlavor::V4 : v3 ? tenancy::ApiFlavor::V3 : tenancy::ApiFlavor::None;
    return out;
}

Result<LoadResult> RbacLoader::fromSources(Client &client, const std::vector<Source> &sources,
                                           const CancelTokenPtr &cancel)
{
    std::vector<std::future<Result<ObjectList>>> lists;
    lists.reserve(sources.size());
    for (const auto &s : sources)
        lists.push_back(std::async(std::launch::async, [&client, &cancel, s] {
            ListOptions options;
            options.limit = 500;
            return client.list(s.gvr, s.ns, options, cancel);
        }));
    LoadResult out;
    std::optional<Error> failure;
    for (size_t i = 0; i < sources.size(); ++i) {
        auto list = lists[i].get();  // wait for every list, even after a failure: they use `client`
        const Source &s = sources[i];
        if (!list) {
            if (s.required && !failure)
                failure = list.error().withContext("reading " + s.gvr.groupResource());
            else if (!s.required)
                out.warnings.push_back("cannot list " + s.gvr.groupResource() + ": " + list.error().message);
            continue;
        }
        // List items carry no apiVersion/kind; restore them so offline and live objects match.
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

Result<LoadResult> RbacLoader::fromClient(Client &client, const CancelTokenPtr &cancel)
{
    if (auto loaded = client.discovery().ensureLoaded(cancel); !loaded)
        return loaded.error();
    const tenancy::TenancyApi api = tenancy::TenancyApi::detect(client.discovery());

    std::vector<Source> sources = {
        {tenancy::TenancyApi::rbacClusterRole, "", true},
        {tenancy::TenancyApi::rbacClusterRoleBinding, "", true},
        {tenancy::TenancyApi::rbacRole, "", true},
        {tenancy::TenancyApi::rbacRoleBinding, "", true},
        {tenancy::TenancyApi::namespaces, "", false},
    };
    if (api.installed()) {
        for (const auto *g : {&api.globalRole, &api.globalRoleBinding, &api.workspaceRole, &api.workspaceRoleBinding,
                              &api.user, &api.workspaceTemplate, &api.roleTemplate, &api.groupBinding})
            if (!g->resource.empty())
                sources.push_back({*g, "", false});
        if (!api.rolesAreRbac())
            for (const auto *g : {&api.projectRole, &api.projectRoleBinding, &api.clusterRole, &api.clusterRoleBinding})
                sources.push_back({*g, "", false});
    }
    auto out = fromSources(client, sources, cancel);
    if (out)
        out->flavor = api.flavor;
    return out;
}

} // namespace kube::rbac
