// The dynamic client: one code path for every kind (get, list with paging, create, update,
// patch in all four flavours, server-side apply, delete, watch), over JSON objects. Typed
// views (Workspace, GlobalRole, ...) are thin accessors on top of the returned JSON.
#pragma once

#include "kubeclient/api/discovery.h"
#include "kubeclient/watch/listerwatcher.h"
#include "kubeclient/api/requestbuilder.h"
#include "kubeclient/transport/transport.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace kube {

struct ObjectList {
    std::vector<nlohmann::json> items;
    std::string resourceVersion;
    size_t pages = 0;
};

struct UserInfo {
    std::string username, uid;
    std::vector<std::string> groups;
    nlohmann::json extra;
};

class Client
{
public:
    explicit Client(TransportConfig config);
    explicit Client(std::shared_ptr<Transport> transport);

    Transport &transport() { return *m_transport; }
    Discovery &discovery() { return m_discovery; }
    const std::string &where() const { return m_where; }

    // Sends any request and decodes a 2xx JSON body; non-2xx becomes an Api error naming `what`.
    Result<nlohmann::json> requestJson(const HttpRequest &request, const std::string &what,
                                       const CancelTokenPtr &cancel = nullptr);

    Result<nlohmann::json> get(const GroupVersionResource &gvr, const std::string &ns, const std::string &name,
                               const CancelTokenPtr &cancel = nullptr);
    Result<ListPage> listPage(const GroupVersionResource &gvr, const std::string &ns, const ListOptions &options,
                              const CancelTokenPtr &cancel = nullptr);
    // Every page, following continue tokens until the server says there are no more.
    // options.limit is the page size (0 = the server's choice, which may still page).
    Result<ObjectList> list(const GroupVersionResource &gvr, const std::string &ns, ListOptions options = {},
                            const CancelTokenPtr &cancel = nullptr);
    Result<nlohmann::json> create(const GroupVersionResource &gvr, const std::string &ns, const nlohmann::json &object,
                                  const WriteOptions &options = {}, const CancelTokenPtr &cancel = nullptr);
    // PUT; the object's metadata.resourceVersion is the optimistic lock (409 Conflict if stale).
    Result<nlohmann::json> update(const GroupVersionResource &gvr, const std::string &ns, const nlohmann::json &object,
                                  const WriteOptions &options = {}, const std::string &subresource = {},
                                  const CancelTokenPtr &cancel = nullptr);
    Result<nlohmann::json> patch(const GroupVersionResource &gvr, const std::string &ns, const std::string &name,
                                 PatchType type, const nlohmann::json &patch, const WriteOptions &options = {},
                                 const std::string &subresource = {}, const CancelTokenPtr &cancel = nullptr);
    // Server-side apply of the full intent; options.fieldManager is required.
    Result<nlohmann::json> apply(const GroupVersionResource &gvr, const std::string &ns, const nlohmann::json &object,
                                 const WriteOptions &options, const CancelTokenPtr &cancel = nullptr);
    // Returns the server's answer: the object (still being finalized) or a Status.
    Result<nlohmann::json> remove(const GroupVersionResource &gvr, const std::string &ns, const std::string &name,
                                  const DeleteOptions &options = {}, const CancelTokenPtr &cancel = nullptr);
    Result<void> watch(const GroupVersionResource &gvr, const std::string &ns, const ListOptions &options,
                       const std::function<bool(const WatchEvent &)> &onEvent, const CancelTokenPtr &cancel = nullptr);

    // A ListerWatcher for one resource (all namespaces when ns is empty) with fixed selectors.
    std::unique_ptr<ListerWatcher> listerWatcher(const GroupVersionResource &gvr, const std::string &ns,
                                                 ListOptions selection = {});

    // The identity the server sees (SelfSubjectReview).
    Result<UserInfo> whoami(const CancelTokenPtr &cancel = nullptr);
    // GET /version
    Result<nlohmann::json> serverVersion(const CancelTokenPtr &cancel = nullptr);

    // "get configmaps \"x\" in namespace \"y\" on cluster dev"
    std::string describe(const std::string &verb, const GroupVersionResource &gvr, const std::string &ns,
                         const std::string &name = {}) const;

private:
    std::shared_ptr<Transport> m_transport;
    std::string m_where;
    Discovery m_discovery;
};

} // namespace kube
