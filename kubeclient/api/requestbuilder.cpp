// URL and body construction for every API verb; pure string work.
#include "kubeclient/api/requestbuilder.h"

#include <nlohmann/json.hpp>

#include <utility>
#include <vector>

namespace kube {

namespace {

class Query
{
public:
    void add(const std::string &key, const std::string &value)
    {
        m_text += m_text.empty() ? '?' : '&';
        m_text += key + "=" + RequestBuilder::encode(value);
    }
    void addIf(bool cond, const std::string &key, const std::string &value)
    {
        if (cond)
            add(key, value);
    }
    const std::string &text() const { return m_text; }

private:
    std::string m_text;
};

void addListOptions(Query &q, const ListOptions &o, bool watch)
{
    q.addIf(watch, "watch", "true");
    q.addIf(!o.labelSelector.empty(), "labelSelector", o.labelSelector);
    q.addIf(!o.fieldSelector.empty(), "fieldSelector", o.fieldSelector);
    q.addIf(!watch && o.limit > 0, "limit", std::to_string(o.limit));
    q.addIf(!watch && !o.continueToken.empty(), "continue", o.continueToken);
    q.addIf(!o.resourceVersion.empty(), "resourceVersion", o.resourceVersion);
    q.addIf(!o.resourceVersionMatch.empty(), "resourceVersionMatch", o.resourceVersionMatch);
    q.addIf(o.timeoutSeconds > 0, "timeoutSeconds", std::to_string(o.timeoutSeconds));
    q.addIf(watch && o.allowWatchBookmarks, "allowWatchBookmarks", "true");
    q.addIf(watch && o.sendInitialEvents, "sendInitialEvents", "true");
}

void addWriteOptions(Query &q, const WriteOptions &o, bool apply)
{
    q.addIf(o.dryRun, "dryRun", "All");
    q.addIf(!o.fieldManager.empty(), "fieldManager", o.fieldManager);
    q.addIf(!o.fieldValidation.empty(), "fieldValidation", o.fieldValidation);
    q.addIf(apply && o.force, "force", "true");
}

HttpRequest make(const char *method, std::string path, std::string body = {}, std::string contentType = {})
{
    HttpRequest r;
    r.method = method;
    r.path = std::move(path);
    r.body = std::move(body);
    if (!contentType.empty())
        r.setHeader("Content-Type", contentType);
    return r;
}

} // namespace

RequestBuilder::RequestBuilder(GroupVersionResource gvr)
    : m_gvr(std::move(gvr))
{
    m_prefix = groupVersionPath();
}

std::string RequestBuilder::groupVersionPath() const
{
    return m_gvr.group.empty() ? "/api/" + m_gvr.version : "/apis/" + m_gvr.group + "/" + m_gvr.version;
}

std::string RequestBuilder::collectionPath(const std::string &ns) const
{
    if (m_gvr.namespaced && !ns.empty())
        return m_prefix + "/namespaces/" + encode(ns) + "/" + m_gvr.resource;
    return m_prefix + "/" + m_gvr.resource;
}

std::string RequestBuilder::objectPath(const std::string &ns, const std::string &name, const std::string &subresource) const
{
    std::string p = collectionPath(ns) + "/" + encode(name);
    if (!subresource.empty())
        p += "/" + subresource;
    return p;
}

HttpRequest RequestBuilder::get(const std::string &ns, const std::string &name, const std::string &subresource) const
{
    return make("GET", objectPath(ns, name, subresource));
}

HttpRequest RequestBuilder::list(const std::string &ns, const ListOptions &options) const
{
    Query q;
    addListOptions(q, options, false);
    return make("GET", collectionPath(ns) + q.text());
}

HttpRequest RequestBuilder::watch(const std::string &ns, const ListOptions &options) const
{
    Query q;
    addListOptions(q, options, true);
    return make("GET", collectionPath(ns) + q.text());
}

HttpRequest RequestBuilder::create(const std::string &ns, std::string body, const WriteOptions &options,
                                   const std::string &name, const std::string &subresource) const
{
    Query q;
    addWriteOptions(q, options, false);
    // Subresource creates (e.g. serviceaccounts/token, pods/eviction) post to the object path.
    const std::string path = subresource.empty() ? collectionPath(ns) : objectPath(ns, name, subresource);
    return make("POST", path + q.text(), std::move(body), "application/json");
}

HttpRequest RequestBuilder::update(const std::string &ns, const std::string &name, std::string body,
                                   const WriteOptions &options, const std::string &subresource) const
{
    Query q;
    addWriteOptions(q, options, false);
    return make("PUT", objectPath(ns, name, subresource) + q.text(), std::move(body), "application/json");
}

HttpRequest RequestBuilder::patch(const std::string &ns, const std::string &name, PatchType type, std::string body,
                                  const WriteOptions &options, const std::string &subresource) const
{
    Query q;
    addWriteOptions(q, options, type == PatchType::Apply);
    return make("PATCH", objectPath(ns, name, subresource) + q.text(), std::move(body), contentType(type));
}

HttpRequest RequestBuilder::remove(const std::string &ns, const std::string &name, const DeleteOptions &options) const
{
    Query q;
    q.addIf(options.dryRun, "dryRun", "All");
    std::string body = deleteBody(options);
    return make("DELETE", objectPath(ns, name) + q.text(), body, body.empty() ? std::string() : "application/json");
}

HttpRequest RequestBuilder::removeCollection(const std::string &ns, const ListOptions &selection,
                                             const DeleteOptions &options) const
{
    Query q;
    q.addIf(!selection.labelSelector.empty(), "labelSelector", selection.labelSelector);
    q.addIf(!selection.fieldSelector.empty(), "fieldSelector", selection.fieldSelector);
    q.addIf(options.dryRun, "dryRun", "All");
    std::string body = deleteBody(options);
    return make("DELETE", collectionPath(ns) + q.text(), body, body.empty() ? std::string() : "application/json");
}

std::string RequestBuilder::contentType(PatchType type)
{
    switch (type) {
    case PatchType::Json: return "application/json-patch+json";
    case PatchType::Merge: return "application/merge-patch+json";
    case PatchType::StrategicMerge: return "application/strategic-merge-patch+json";
    case PatchType::Apply: return "application/apply-patch+yaml";
    }
    return "application/json";
}

std::string RequestBuilder::encode(const std::string &value)
{
    static const char *hex = "0123456789ABCDEF";
    std::string out;
    out.reserve(value.size());
    for (unsigned char c : value) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
            || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string RequestBuilder::deleteBody(const DeleteOptions &o)
{
    nlohmann::json body = nlohmann::json::object();
    if (!o.propagationPolicy.empty())
        body["propagationPolicy"] = o.propagationPolicy;
    if (o.gracePeriodSeconds)
        body["gracePeriodSeconds"] = *o.gracePeriodSeconds;
    if (!o.preconditionUid.empty())
        body["preconditions"]["uid"] = o.preconditionUid;
    if (!o.preconditionResourceVersion.empty())
        body["preconditions"]["resourceVersion"] = o.preconditionResourceVersion;
    if (body.empty())
        return {};
    body["apiVersion"] = "v1";
    body["kind"] = "DeleteOptions";
    if (o.dryRun)
        body["dryRun"] = nlohmann::json::array({"All"});
    return body.dump();
}

} // namespace kube
