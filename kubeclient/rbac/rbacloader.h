// Feeds RbacData from a live cluster (paged lists of every RBAC and KubeSphere IAM kind the
// server serves) or offline from manifests: a file or a folder of multi-document YAML, JSON
// objects or v1 Lists. Both paths produce the same objects, so answers agree.
#pragma once

#include "kubeclient/core/canceltoken.h"
#include "kubeclient/rbac/rbacdata.h"
#include "kubeclient/core/result.h"
#include "kubeclient/kubesphere/tenancyapi.h"

#include <string>
#include <vector>

namespace kube {
class Client;
}

namespace kube::rbac {

struct LoadResult {
    RbacData data;
    tenancy::ApiFlavor flavor = tenancy::ApiFlavor::None;  // the KubeSphere API found, if any
    std::vector<std::string> warnings;  // kinds that could not be read (403) or files skipped ("f.yaml:2: ...")
    size_t files = 0;                   // offline: how many files were read successfully
    std::vector<std::string> skipped;   // offline, folder: files that could not be read or parsed
};

class RbacLoader
{
public:
    // One list a load needs: a kind, in one namespace or (empty) all, and whether a failure to
    // read it fails the load (RBAC kinds) or only adds a warning (Namespaces, KubeSphere kinds).
    struct Source {
        GroupVersionResource gvr;
        std::string ns;
        bool required = true;
    };
    // Lists every source at once on the client's connection pool, waits for all of them, and
    // adds the items (apiVersion and kind restored) to one RbacData. The flavour is left unset.
    static Result<LoadResult> fromSources(Client &client, const std::vector<Source> &sources,
                                          const CancelTokenPtr &cancel = nullptr);
    // Lists cluster roles/bindings, roles/bindings in all namespaces, namespaces, and the
    // KubeSphere IAM kinds when served. A 403 on namespaces or a KubeSphere kind is a warning;
    // on RBAC kinds it is an error (the answers would be wrong).
    static Result<LoadResult> fromClient(Client &client, const CancelTokenPtr &cancel = nullptr);
    // A file or a folder (recursively: *.yaml, *.yml, *.json, in name order). In a folder, a
    // file that cannot be read or parsed is skipped with a warning naming it and the line
    // ("/dir/bad.yaml:2: invalid YAML: ..."), the others still load; a single file that does not
    // parse is an error with the same location.
    static Result<LoadResult> fromPath(const std::string &path);
    // One text of YAML/JSON documents; `where` names it in errors.
    static Result<size_t> addText(RbacData &data, const std::string &text, const std::string &where);
};

} // namespace kube::rbac
