// Discovery of the resources a cluster serves: core + groups, preferred versions, scope,
// verbs, kinds <-> resources, subresources. Uses aggregated discovery (two requests) and
// falls back to the legacy per-group-version walk on servers that lack it. Cached until
// refresh(), and optionally on disk between processes as kubectl does; thread-safe.
#pragma once

#include "kubeclient/core/canceltoken.h"
#include "kubeclient/api/resource.h"
#include "kubeclient/core/result.h"

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace kube {

class Transport;

struct ApiResourceInfo {
    GroupVersionResource gvr;   // gvr.kind is set
    std::string singular;
    std::vector<std::string> verbs;
    std::vector<std::string> shortNames;
    std::vector<std::string> categories;
    std::vector<std::string> subresources;  // "status", "scale", ...
    bool preferred = false;     // gvr.version is the group's preferred version

    bool hasVerb(const std::string &verb) const;
};

struct ApiGroupInfo {
    std::string name;  // "" for core
    std::vector<std::string> versions;  // preferred first
};

class Discovery
{
public:
    Discovery(Transport &transport, std::string where);

    // Keeps the aggregated discovery documents in `directory` (see cacheDirectory()) so the
    // next process skips the two requests: a copy younger than `ttl` is used as is, an older
    // one is revalidated with the server's ETag (If-None-Match; 304 keeps it). kubectl's own
    // cache files are never written: ours has a name of its own in the same folder.
    void setDiskCache(std::string directory, std::chrono::seconds ttl = kDefaultCacheTtl);
    // kubectl's layout: <cacheRoot>/discovery/<host_port>, the host with every character
    // other than letters, digits, '.' and '/' turned into '_' ("127.0.0.1_6443").
    static std::string cacheDirectory(const std::string &cacheRoot, const std::string &server);
    // $KUBECACHEDIR, else ~/.kube/cache (kubectl's default for --cache-dir).
    static std::string defaultCacheRoot();
    // kubectl keeps discovery for six hours before asking again.
    static constexpr std::chrono::seconds kDefaultCacheTtl{6 * 60 * 60};

    // Fetches (again), revalidating a disk copy with its ETag. The previous data stays in use
    // if this fails.
    Result<void> refresh(const CancelTokenPtr &cancel = nullptr);
    // Fetches once (from the disk cache when it is fresh); later calls are free.
    Result<void> ensureLoaded(const CancelTokenPtr &cancel = nullptr);
    bool loaded() const;
    bool usedAggregated() const;
    // The data in use came from the disk cache without asking the server.
    bool servedFromDisk() const;

    std::vector<ApiGroupInfo> groups() const;
    std::vector<ApiResourceInfo> resources() const;  // every version
    std::vector<ApiResourceInfo> preferredResources() const;
    bool servesGroup(const std::string &group) const;
    bool servesGroupVersion(const std::string &group, const std::string &version) const;

    // Resolves what a user types, as kubectl does: "pods", "pod", "po", "Pod",
    // "deployments.apps", "deployments.v1.apps", "workspaces.tenant.kubesphere.io".
    // Prefers the group's preferred version; core wins a tie, as kubectl's priority does.
    Result<ApiResourceInfo> resolve(const std::string &text) const;
    std::optional<ApiResourceInfo> findKind(const std::string &group, const std::string &kind) const;
    std::optional<ApiResourceInfo> findResource(const std::string &group, const std::string &version,
                                                const std::string &resource) const;

private:
    Result<void> load(const CancelTokenPtr &cancel, bool trustFreshCache);
    Result<void> fetchAggregated(const CancelTokenPtr &cancel, bool trustFreshCache, bool &supported,
                                 std::vector<ApiGroupInfo> &groups, std::vector<ApiResourceInfo> &resources);
    Result<void> fetchLegacy(const CancelTokenPtr &cancel, std::vector<ApiGroupInfo> &groups,
                             std::vector<ApiResourceInfo> &resources);

    Transport &m_transport;
    std::string m_where;
    mutable std::mutex m_mutex;
    bool m_loaded = false;
    bool m_aggregated = false;
    bool m_fromDisk = false;
    std::string m_cacheDir;
    std::chrono::seconds m_cacheTtl = kDefaultCacheTtl;
    std::vector<ApiGroupInfo> m_groups;
    std::vector<ApiResourceInfo> m_resources;
};

} // namespace kube
