// Discovery: aggregated (apidiscovery.k8s.io/v2) first, legacy walk as fallback.
#include "kubeclient/api/discovery.h"

#include "kubeclient/api/apistatus.h"
#include "kubeclient/core/atomicfile.h"
#include "kubeclient/transport/transport.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>

#include <unistd.h>

namespace kube {

namespace {

using nlohmann::json;

constexpr const char *kAggregatedAccept =
    "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json";

std::vector<std::string> strings(const json &j, const char *key)
{
    std::vector<std::string> out;
    auto it = j.find(key);
    if (it != j.end() && it->is_array())
        for (const auto &v : *it)
            if (v.is_string())
                out.push_back(v.get<std::string>());
    return out;
}

std::string str(const json &j, const char *key)
{
    auto it = j.find(key);
    return (it != j.end() && it->is_string()) ? it->get<std::string>() : std::string();
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

Result<json> getJson(Transport &t, const std::string &path, const std::string &accept, const std::string &where,
                     const CancelTokenPtr &cancel)
{
    HttpRequest req;
    req.path = path;
    if (!accept.empty())
        req.setHeader("Accept", accept);
    auto resp = t.send(req, cancel);
    if (!resp)
        return resp.error();
    if (!resp->isSuccess())
        return errorFromResponse(*resp, where + ": discovery " + path);
    auto parsed = json::parse(resp->body, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object())
        return Error::make(ErrorKind::Decode, "discovery " + path + " returned a body that is not a JSON object", where);
    return parsed;
}

// One aggregated discovery document and the ETag it came with.
struct CachedDocument {
    std::string etag;
    json body;
};

// GET with If-None-Match: a 304 hands back the cached body, anything else the new one.
Result<CachedDocument> revalidate(Transport &t, const std::string &path, const CachedDocument *cached,
                                  const std::string &where, const CancelTokenPtr &cancel)
{
    HttpRequest req;
    req.path = path;
    req.setHeader("Accept", kAggregatedAccept);
    if (cached && !cached->etag.empty())
        req.setHeader("If-None-Match", cached->etag);
    auto resp = t.send(req, cancel);
    if (!resp)
        return resp.error();
    if (resp->status == 304 && cached)
        return *cached;
    if (!resp->isSuccess())
        return errorFromResponse(*resp, where + ": discovery " + path);
    auto parsed = json::parse(resp->body, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object())
        return Error::make(ErrorKind::Decode, "discovery " + path + " returned a body that is not a JSON object", where);
    return CachedDocument{resp->header("ETag"), std::move(parsed)};
}

constexpr const char *kCacheFile = "tenantry-aggregated.json";
constexpr int kCacheFormat = 1;

std::int64_t nowSeconds()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// The cache file, or null when absent, unreadable or of another format (then simply refetched).
json readCache(const std::string &dir)
{
    std::ifstream in(std::filesystem::path(dir) / kCacheFile, std::ios::binary);
    if (!in)
        return nullptr;
    std::stringstream text;
    text << in.rdbuf();
    json doc = json::parse(text.str(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || doc.value("format", 0) != kCacheFormat)
        return nullptr;
    return doc;
}

// Written to a temporary name and renamed (core/atomicfile), so a concurrent reader never sees
// half a file. A cache that cannot be written only costs the next process two requests.
void writeCache(const std::string &dir, const json &doc)
{
    AtomicWriteOptions options;
    options.createDirectories = true;
    options.newFileMode = 0644;  // as before: a cache of public discovery documents, no secrets
    options.what = "the discovery cache";
    [[maybe_unused]] auto written = writeFileAtomically(dir + "/" + kCacheFile, doc.dump(), options);
}

void parseAggregated(const json &doc, std::vector<ApiGroupInfo> &groups, std::vector<ApiResourceInfo> &resources)
{
    auto items = doc.find("items");
    if (items == doc.end() || !items->is_array())
        return;
    for (const auto &g : *items) {
        ApiGroupInfo gi;
        gi.name = g.contains("metadata") ? str(g["metadata"], "name") : std::string();
        auto versions = g.find("versions");
        if (versions == g.end() || !versions->is_array())
            continue;
        bool first = true;
        for (const auto &v : *versions) {
            const std::string version = str(v, "version");
            gi.versions.push_back(version);
            auto res = v.find("resources");
            if (res != v.end() && res->is_array()) {
                for (const auto &r : *res) {
                    ApiResourceInfo info;
                    info.gvr.group = gi.name;
                    info.gvr.version = version;
                    info.gvr.resource = str(r, "resource");
                    info.gvr.namespaced = str(r, "scope") == "Namespaced";
                    if (auto rk = r.find("responseKind"); rk != r.end() && rk->is_object())
                        info.gvr.kind = str(*rk, "kind");
                    info.singular = str(r, "singularResource");
                    info.verbs = strings(r, "verbs");
                    info.shortNames = strings(r, "shortNames");
                    info.categories = strings(r, "categories");
                    if (auto subs = r.find("subresources"); subs != r.end() && subs->is_array())
                        for (const auto &s : *subs)
                            info.subresources.push_back(str(s, "subresource"));
                    info.preferred = first;
                    resources.push_back(std::move(info));
                }
            }
            first = false;
        }
        groups.push_back(std::move(gi));
    }
}

} // namespace

bool ApiResourceInfo::hasVerb(const std::string &verb) const
{
    return std::find(verbs.begin(), verbs.end(), verb) != verbs.end();
}

Discovery::Discovery(Transport &transport, std::string where)
    : m_transport(transport)
    , m_where(std::move(where))
{
}

void Discovery::setDiskCache(std::string directory, std::chrono::seconds ttl)
{
    std::lock_guard lock(m_mutex);
    m_cacheDir = std::move(directory);
    m_cacheTtl = ttl;
}

std::string Discovery::defaultCacheRoot()
{
    if (const char *dir = std::getenv("KUBECACHEDIR"); dir && *dir)
        return dir;
    const char *home = std::getenv("HOME");
    return std::string(home && *home ? home : ".") + "/.kube/cache";
}

std::string Discovery::cacheDirectory(const std::string &cacheRoot, const std::string &server)
{
    std::string host = server;
    if (auto scheme = host.find("://"); scheme != std::string::npos)
        host = host.substr(scheme + 3);
    for (char &c : host)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '/' && c != '_')
            c = '_';
    return cacheRoot + "/discovery/" + host;
}

bool Discovery::servedFromDisk() const
{
    std::lock_guard lock(m_mutex);
    return m_fromDisk;
}

Result<void> Discovery::ensureLoaded(const CancelTokenPtr &cancel)
{
    if (loaded())
        return {};
    return load(cancel, true);
}

Result<void> Discovery::refresh(const CancelTokenPtr &cancel)
{
    return load(cancel, false);
}

Result<void> Discovery::load(const CancelTokenPtr &cancel, bool trustFreshCache)
{
    std::vector<ApiGroupInfo> groups;
    std::vector<ApiResourceInfo> resources;
    bool supported = false;
    auto agg = fetchAggregated(cancel, trustFreshCache, supported, groups, resources);
    if (!agg)
        return agg;
    if (!supported) {
        groups.clear();
        resources.clear();
        if (auto legacy = fetchLegacy(cancel, groups, resources); !legacy)
            return legacy;
    }
    std::lock_guard lock(m_mutex);
    m_groups = std::move(groups);
    m_resources = std::move(resources);
    m_aggregated = supported;
    m_loaded = true;
    return {};
}

Result<void> Discovery::fetchAggregated(const CancelTokenPtr &cancel, bool trustFreshCache, bool &supported,
                                        std::vector<ApiGroupInfo> &groups, std::vector<ApiResourceInfo> &resources)
{
    supported = false;
    std::string cacheDir;
    std::chrono::seconds ttl;
    {
        std::lock_guard lock(m_mutex);
        cacheDir = m_cacheDir;
        ttl = m_cacheTtl;
        m_fromDisk = false;
    }
    const json cache = cacheDir.empty() ? json(nullptr) : readCache(cacheDir);
    static const char *const kRoots[] = {"/api", "/apis"};
    CachedDocument cached[2];
    bool haveCache = cache.is_object();
    for (int i = 0; i < 2 && haveCache; ++i) {
        const json &d = cache["documents"].value(kRoots[i], json());
        haveCache = d.is_object() && d.contains("body") && d["body"].is_object();
        if (haveCache)
            cached[i] = {d.value("etag", ""), d["body"]};
    }
    if (haveCache && trustFreshCache && nowSeconds() - cache.value("fetchedAt", std::int64_t(0)) < ttl.count()) {
        for (const auto &d : cached)
            parseAggregated(d.body, groups, resources);
        supported = true;
        std::lock_guard lock(m_mutex);
        m_fromDisk = true;
        return {};
    }
    // The two roots are independent: ask for both at once.
    auto core = std::async(std::launch::async, [&] {
        return revalidate(m_transport, kRoots[0], haveCache ? &cached[0] : nullptr, m_where, cancel);
    });
    auto named = revalidate(m_transport, kRoots[1], haveCache ? &cached[1] : nullptr, m_where, cancel);
    auto first = core.get();
    if (!first)
        return first.error();
    if (!named)
        return named.error();
    for (const auto *d : {&*first, &*named})
        if (str(d->body, "kind") != "APIGroupDiscoveryList")
            return {};  // an older server answered with the legacy document
    parseAggregated(first->body, groups, resources);
    parseAggregated(named->body, groups, resources);
    supported = true;
    if (!cacheDir.empty()) {
        json doc = {{"format", kCacheFormat}, {"fetchedAt", nowSeconds()}, {"documents", json::object()}};
        doc["documents"]["/api"] = {{"etag", first->etag}, {"body", first->body}};
        doc["documents"]["/apis"] = {{"etag", named->etag}, {"body", named->body}};
        writeCache(cacheDir, doc);
    }
    return {};
}

Result<void> Discovery::fetchLegacy(const CancelTokenPtr &cancel, std::vector<ApiGroupInfo> &groups,
                                    std::vector<ApiResourceInfo> &resources)
{
    struct Gv {
        std::string group, version, path;
        bool preferred;
    };
    std::vector<Gv> gvs;
    auto core = getJson(m_transport, "/api", {}, m_where, cancel);
    if (!core)
        return core.error();
    ApiGroupInfo coreInfo;
    for (const auto &v : strings(*core, "versions")) {
        coreInfo.versions.push_back(v);
        gvs.push_back({"", v, "/api/" + v, v == "v1"});
    }
    groups.push_back(coreInfo);
    auto apis = getJson(m_transport, "/apis", {}, m_where, cancel);
    if (!apis)
        return apis.error();
    if (auto list = apis->find("groups"); list != apis->end() && list->is_array()) {
        for (const auto &g : *list) {
            ApiGroupInfo gi;
            gi.name = str(g, "name");
            const std::string preferred = g.contains("preferredVersion") ? str(g["preferredVersion"], "version") : "";
            if (!preferred.empty())
                gi.versions.push_back(preferred);
            if (auto vs = g.find("versions"); vs != g.end() && vs->is_array()) {
                for (const auto &v : *vs) {
                    const std::string version = str(v, "version");
                    if (version != preferred)
                        gi.versions.push_back(version);
                    gvs.push_back({gi.name, version, "/apis/" + gi.name + "/" + version, version == preferred});
                }
            }
            groups.push_back(std::move(gi));
        }
    }
    for (const auto &gv : gvs) {
        auto doc = getJson(m_transport, gv.path, {}, m_where, cancel);
        if (!doc) {
            // A broken aggregated API (e.g. metrics) must not hide every other group.
            if (doc.error().kind == ErrorKind::Api)
                continue;
            return doc.error();
        }
        auto list = doc->find("resources");
        if (list == doc->end() || !list->is_array())
            continue;
        for (const auto &r : *list) {
            const std::string name = str(r, "name");
            const auto slash = name.find('/');
            if (slash != std::string::npos) {
                const std::string parent = name.substr(0, slash);
                for (auto &existing : resources)
                    if (existing.gvr.group == gv.group && existing.gvr.version == gv.version
                        && existing.gvr.resource == parent)
                        existing.subresources.push_back(name.substr(slash + 1));
                continue;
            }
            ApiResourceInfo info;
            info.gvr = {gv.group, gv.version, name, r.value("namespaced", false), str(r, "kind")};
            info.singular = str(r, "singularName");
            info.verbs = strings(r, "verbs");
            info.shortNames = strings(r, "shortNames");
            info.categories = strings(r, "categories");
            info.preferred = gv.preferred;
            resources.push_back(std::move(info));
        }
    }
    return {};
}

bool Discovery::loaded() const
{
    std::lock_guard lock(m_mutex);
    return m_loaded;
}

bool Discovery::usedAggregated() const
{
    std::lock_guard lock(m_mutex);
    return m_aggregated;
}

std::vector<ApiGroupInfo> Discovery::groups() const
{
    std::lock_guard lock(m_mutex);
    return m_groups;
}

std::vector<ApiResourceInfo> Discovery::resources() const
{
    std::lock_guard lock(m_mutex);
    return m_resources;
}

std::vector<ApiResourceInfo> Discovery::preferredResources() const
{
    std::lock_guard lock(m_mutex);
    std::vector<ApiResourceInfo> out;
    for (const auto &r : m_resources)
        if (r.preferred)
            out.push_back(r);
    return out;
}

bool Discovery::servesGroup(const std::string &group) const
{
    std::lock_guard lock(m_mutex);
    return std::any_of(m_groups.begin(), m_groups.end(), [&](const ApiGroupInfo &g) { return g.name == group; });
}

bool Discovery::servesGroupVersion(const std::string &group, const std::string &version) const
{
    std::lock_guard lock(m_mutex);
    for (const auto &g : m_groups)
        if (g.name == group)
            return std::find(g.versions.begin(), g.versions.end(), version) != g.versions.end();
    return false;
}

Result<ApiResourceInfo> Discovery::resolve(const std::string &text) const
{
    // Split "resource[.version].group" the way kubectl's ResourceOrKindArgs do.
    std::string name = text, version, group;
    if (auto dot = text.find('.'); dot != std::string::npos) {
        name = text.substr(0, dot);
        group = text.substr(dot + 1);
    }
    std::lock_guard lock(m_mutex);
    if (!m_loaded)
        return Error::make(ErrorKind::Invalid, "discovery has not been loaded", m_where);
    auto matches = [&](const ApiResourceInfo &r, const std::string &g, const std::string &v) {
        if (r.gvr.group != g || (!v.empty() && r.gvr.version != v))
            return false;
        const std::string n = lower(name);
        return r.gvr.resource == n || r.singular == n || lower(r.gvr.kind) == n
            || std::find(r.shortNames.begin(), r.shortNames.end(), n) != r.shortNames.end();
    };
    auto pick = [&](const std::string &g, const std::string &v) -> std::optional<ApiResourceInfo> {
        std::optional<ApiResourceInfo> found;
        for (const auto &r : m_resources) {
            if (!matches(r, g, v))
                continue;
            if (!found || (r.preferred && !found->preferred))
                found = r;
        }
        return found;
    };
    if (!group.empty()) {
        if (auto r = pick(group, {}))
            return *r;
        // "deployments.v1.apps": the first segment after the name may be a version.
        if (auto dot = group.find('.'); dot != std::string::npos) {
            if (auto r = pick(group.substr(dot + 1), group.substr(0, dot)))
                return *r;
        }
        return Error::make(ErrorKind::Invalid, "the server doesn't have a resource type \"" + text + "\"", m_where);
    }
    if (auto r = pick("", {}))
        return *r;
    std::optional<ApiResourceInfo> found;
    for (const auto &r : m_resources) {
        if (!matches(r, r.gvr.group, {}))
            continue;
        if (!found || (r.preferred && !found->preferred))
            found = r;
    }
    if (found)
        return *found;
    return Error::make(ErrorKind::Invalid, "the server doesn't have a resource type \"" + text + "\"", m_where);
}

std::optional<ApiResourceInfo> Discovery::findKind(const std::string &group, const std::string &kind) const
{
    std::lock_guard lock(m_mutex);
    std::optional<ApiResourceInfo> found;
    for (const auto &r : m_resources)
        if (r.gvr.group == group && r.gvr.kind == kind && (!found || (r.preferred && !found->preferred)))
            found = r;
    return found;
}

std::optional<ApiResourceInfo> Discovery::findResource(const std::string &group, const std::string &version,
                                                       const std::string &resource) const
{
    std::lock_guard lock(m_mutex);
    for (const auto &r : m_resources)
        if (r.gvr.group == group && r.gvr.version == version && r.gvr.resource == resource)
            return r;
    return std::nullopt;
}

} // namespace kube
