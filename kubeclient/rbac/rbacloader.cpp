// Loading permission data from a cluster or from manifests.
// Items of live lists get apiVersion/kind back, so live and offline objects are identical.
#include "kubeclient/rbac/rbacloader.h"

#include "kubeclient/api/client.h"
#include "kubeclient/core/yamlconvert.h"

#include <algorithm>
#include <filesystem>
#include <future>
#include <optional>
#include <fstream>
#include <sstream>

namespace kube::rbac {

namespace {
namespace fs = std::filesystem;

bool isManifest(const fs::path &p)
{
    const std::string ext = p.extension().string();
    return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

Result<std::string> readFile(const fs::path &p)
{
    std::ifstream in(p, std::ios::binary);
    if (!in)
        return Error::make(ErrorKind::Config, "cannot read " + p.string());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}
} // namespace

Result<size_t> RbacLoader::addText(RbacData &data, const std::string &text, const std::string &where)
{
    // One JSON document (a List from `kubectl get -o json`, an export) is read by the JSON
    // parser, many times faster than YAML's; anything it refuses goes through the YAML path,
    // which also names the line of an error.
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && text[first] == '{') {
        auto json = nlohmann::json::parse(text, nullptr, false);
        if (!json.is_discarded() && json.is_object())
            return data.add(json);
    }
    auto docs = parseYamlDocuments(text, where);
    if (!docs)
        return docs.error();
    size_t n = 0;
    for (const auto &d : *docs)
        n += data.add(d);
    return n;
}

Result<LoadResult> RbacLoader::fromPath(const std::string &path)
{
    LoadResult out;
    std::error_code ec;
    const fs::path root(path);
    if (!fs::exists(root, ec))
        return Error::make(ErrorKind::Config, "no such file or folder: " + path);
    std::vector<fs::path> files;
    const bool folder = fs::is_directory(root, ec);
    if (folder) {
        for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
             it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (ec)
                break;
            if (it->is_regular_file(ec) && isManifest(it->path()))
                files.push_back(it->path());
        }
        std::sort(files.begin(), files.end());
        if (files.empty())
            out.warnings.push_back("no *.yaml, *.yml or *.json files under " + path);
    } else {
        files.push_back(root);
    }
    for (const auto &f : files) {
        auto text = readFile(f);
        // addText adds nothing from a text that does not parse, so a skipped file leaves no trace.
        auto added = text ? addText(out.data, *text, f.string()) : Result<size_t>(text.error());
        if (!added) {
            if (!folder)
                return added.error();
            out.warnings.push_back(added.error().describe() + " (file skipped)");
            out.skipped.push_back(f.string());
            continue;
        }
        ++out.files;
    }
    bool v3 = false, v4 = false;
    for (const auto &[key, obj] : out.data.objects()) {
        if (key.group != "iam.kubesphere.io")
            continue;
        const std::string v = obj.value("apiVersion", "");
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
