// Dynamic client: request building, status decoding and paging glued to the transport.
#include "kubeclient/api/client.h"

#include "kubeclient/api/apistatus.h"
#include "kubeclient/api/responsedecode.h"
#include "kubeclient/core/objectmeta.h"
#include "kubeclient/core/text.h"
#include "kubeclient/watch/watchdecoder.h"

namespace kube {

using nlohmann::json;

namespace {

std::string whereOf(const TransportConfig &config)
{
    return config.where.empty() ? config.server : config.where;
}

class ResourceListerWatcher final : public ListerWatcher
{
public:
    ResourceListerWatcher(Client &client, GroupVersionResource gvr, std::string ns, ListOptions selection)
        : m_client(client), m_gvr(std::move(gvr)), m_ns(std::move(ns)), m_selection(std::move(selection))
    {
    }

    Result<ListPage> listPage(const ListOptions &options, const CancelTokenPtr &cancel) override
    {
        return m_client.listPage(m_gvr, m_ns, merged(options), cancel);
    }

    Result<void> watch(const ListOptions &options, const std::function<bool(const WatchEvent &)> &onEvent,
                       const CancelTokenPtr &cancel) override
    {
        return m_client.watch(m_gvr, m_ns, merged(options), onEvent, cancel);
    }

    std::string describe() const override { return m_client.describe("watch", m_gvr, m_ns); }

private:
    ListOptions merged(ListOptions options) const
    {
        if (options.labelSelector.empty())
            options.labelSelector = m_selection.labelSelector;
        if (options.fieldSelector.empty())
            options.fieldSelector = m_selection.fieldSelector;
        return options;
    }

    Client &m_client;
    GroupVersionResource m_gvr;
    std::string m_ns;
    ListOptions m_selection;
};

} // namespace

Client::Client(TransportConfig config)
    : Client(std::make_shared<Transport>(std::move(config)))
{
}

Client::Client(std::shared_ptr<Transport> transport)
    : m_transport(std::move(transport))
    , m_where(whereOf(m_transport->config()))
    , m_discovery(*m_transport, m_where)
{
}

std::string Client::describe(const std::string &verb, const GroupVersionResource &gvr, const std::string &ns,
                             const std::string &name) const
{
    std::string out = verb + " " + gvr.groupResource();
    if (!name.empty())
        out += " \"" + name + "\"";
    if (gvr.namespaced)
        out += ns.empty() ? " in all namespaces" : " in namespace \"" + ns + "\"";
    return out;
}

Result<json> Client::requestJson(const HttpRequest &request, const std::string &what, const CancelTokenPtr &cancel)
{
    auto resp = m_transport->send(request, cancel);
    if (!resp)
        return resp.error().withContext(what);
    return decodeJsonResponse(*resp, what, m_where);
}

Result<json> Client::get(const GroupVersionResource &gvr, const std::string &ns, const std::string &name,
                         const CancelTokenPtr &cancel)
{
    return requestJson(RequestBuilder(gvr).get(ns, name), describe("get", gvr, ns, name), cancel);
}

Result<ListPage> Client::listPage(const GroupVersionResource &gvr, const std::string &ns, const ListOptions &options,
                                  const CancelTokenPtr &cancel)
{
    const std::string what = describe("list", gvr, ns);
    auto doc = requestJson(RequestBuilder(gvr).list(ns, options), what, cancel);
    if (!doc)
        return doc.error();
    return decodeListPage(std::move(*doc), what, m_where);
}

Result<ObjectList> Client::list(const GroupVersionResource &gvr, const std::string &ns, ListOptions options,
                                const CancelTokenPtr &cancel)
{
    ObjectList out;
    options.continueToken.clear();
    do {
        auto page = listPage(gvr, ns, options, cancel);
        if (!page)
            return page.error();
        ++out.pages;
        if (out.items.empty())
            out.items = std::move(page->items);
        else
            out.items.insert(out.items.end(), std::make_move_iterator(page->items.begin()),
                             std::make_move_iterator(page->items.end()));
        // The first page's snapshot is the list's; later pages continue from it.
        if (out.resourceVersion.empty())
            out.resourceVersion = page->resourceVersion;
        options.continueToken = page->continueToken;
        // A continue token pins the snapshot; the resourceVersion must not be sent with it.
        options.resourceVersion.clear();
        options.resourceVersionMatch.clear();
    } while (!options.continueToken.empty());
    return out;
}

Result<json> Client::create(const GroupVersionResource &gvr, const std::string &ns, const json &object,
                            const WriteOptions &options, const CancelTokenPtr &cancel)
{
    ObjectMeta meta(object);
    return requestJson(RequestBuilder(gvr).create(ns, object.dump(), options),
                       describe("create", gvr, ns, meta.name().empty() ? meta.generateName() : meta.name()), cancel);
}

Result<json> Client::update(const GroupVersionResource &gvr, const std::string &ns, const json &object,
                            const WriteOptions &options, const std::string &subresource, const CancelTokenPtr &cancel)
{
    const std::string name = ObjectMeta(object).name();
    if (name.empty())
        return Error::make(ErrorKind::Invalid, "update needs metadata.name", describe("update", gvr, ns));
    return requestJson(RequestBuilder(gvr).update(ns, name, object.dump(), options, subresource),
                       describe("update", gvr, ns, name), cancel);
}

Result<json> Client::patch(const GroupVersionResource &gvr, const std::string &ns, const std::string &name, PatchType type,
                           const json &patchBody, const WriteOptions &options, const std::string &subresource,
                           const CancelTokenPtr &cancel)
{
    return requestJson(RequestBuilder(gvr).patch(ns, name, type, patchBody.dump(), options, subresource),
                       describe("patch", gvr, ns, name), cancel);
}

Result<json> Client::apply(const GroupVersionResource &gvr, const std::string &ns, const json &object,
                           const WriteOptions &options, const CancelTokenPtr &cancel)
{
    const std::string name = ObjectMeta(object).name();
    if (name.empty())
        return Error::make(ErrorKind::Invalid, "apply needs metadata.name", describe("apply", gvr, ns));
    if (options.fieldManager.empty())
        return Error::make(ErrorKind::Invalid, "server-side apply needs a field manager", describe("apply", gvr, ns, name));
    // JSON is valid YAML, so the apply-patch+yaml content type takes the object as is.
    return requestJson(RequestBuilder(gvr).patch(ns, name, PatchType::Apply, object.dump(), options),
                       describe("apply", gvr, ns, name), cancel);
}

Result<json> Client::remove(const GroupVersionResource &gvr, const std::string &ns, const std::string &name,
                            const DeleteOptions &options, const CancelTokenPtr &cancel)
{
    return requestJson(RequestBuilder(gvr).remove(ns, name, options), describe("delete", gvr, ns, name), cancel);
}

Result<void> Client::watch(const GroupVersionResource &gvr, const std::string &ns, const ListOptions &options,
                           const std::function<bool(const WatchEvent &)> &onEvent, const CancelTokenPtr &cancel)
{
    const std::string what = describe("watch", gvr, ns);
    WatchDecoder decoder;
    bool stoppedByCaller = false;
    std::optional<Error> decodeError;
    auto deliver = [&](std::vector<WatchEvent> &events) {
        for (const auto &e : events) {
            if (!onEvent(e)) {
                stoppedByCaller = true;
                return false;
            }
        }
        return true;
    };
    auto resp = m_transport->stream(
        RequestBuilder(gvr).watch(ns, options),
        [&](std::string_view chunk) {
            auto events = decoder.feed(chunk);
            if (!events) {
                decodeError = events.error().withContext(m_where + ": " + what);
                return false;
            }
            return deliver(*events);
        },
        cancel);
    if (!resp)
        return resp.error().withContext(what);
    if (!resp->isSuccess())
        return errorFromResponse(*resp, what).withContext(m_where);
    if (decodeError)
        return *decodeError;
    if (stoppedByCaller)
        return {};
    auto rest = decoder.finish();
    if (!rest)
        return rest.error().withContext(m_where + ": " + what);
    deliver(*rest);
    return {};
}

std::unique_ptr<ListerWatcher> Client::listerWatcher(const GroupVersionResource &gvr, const std::string &ns,
                                                     ListOptions selection)
{
    return std::make_unique<ResourceListerWatcher>(*this, gvr, ns, std::move(selection));
}

Result<UserInfo> Client::whoami(const CancelTokenPtr &cancel)
{
    const GroupVersionResource gvr{"authentication.k8s.io", "v1", "selfsubjectreviews", false, "SelfSubjectReview"};
    json body = {{"apiVersion", "authentication.k8s.io/v1"}, {"kind", "SelfSubjectReview"}};
    auto doc = requestJson(RequestBuilder(gvr).create({}, body.dump()), "who am I (SelfSubjectReview)", cancel);
    if (!doc)
        return doc.error();
    UserInfo info;
    const json &u = (*doc)["status"]["userInfo"];
    if (!u.is_object())
        return Error::make(ErrorKind::Decode, "SelfSubjectReview answer has no status.userInfo", m_where);
    info.username = u.value("username", "");
    info.uid = u.value("uid", "");
    if (auto g = u.find("groups"); g != u.end() && g->is_array())
        for (const auto &v : *g)
            if (v.is_string())
                info.groups.push_back(v.get<std::string>());
    info.extra = u.value("extra", json::object());
    return info;
}

Result<json> Client::serverVersion(const CancelTokenPtr &cancel)
{
    HttpRequest req;
    req.path = "/version";
    return requestJson(req, "get server version", cancel);
}

} // namespace kube
