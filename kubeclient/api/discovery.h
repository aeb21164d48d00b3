// Discovery of the resources a cluster serves: core + groups, preferred versions, scope,
// verbs, kinds <-> resources, subresources. Uses aggregated discovery (two requests) and
// falls back to the legacy per-group-version walk on servers that lack it. Cached until
// refresh(); thread-safe.
#pragma once

#include "kubeclient/core/canceltoken.h"
#include "kubeclient/api/resource.h"
#include "kubeclient/core/result.h"

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

    // Fetches (again). The previous data stays in use if this fails.
    Result<void> refresh(const CancelTokenPtr &cancel = nullptr);
    // Fetches once; later calls are free.
    Result<void> ensureLoaded(const CancelTokenPtr &cancel = nullptr);
    bool loaded() const;
    bool usedAggregated() const;

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
    Result<void> fetchAggregated(const CancelTokenPtr &cancel, bool &supported,
                                 std::vector<ApiGroupInfo> &groups, std::vector<ApiResourceInfo> &resources);
    Result<void> fetchLegacy(const CancelTokenPtr &cancel, std::vector<ApiGroupInfo> &groups,
                             std::vector<ApiResourceInfo> &resources);

    Transport &m_transport;
    std::string m_where;
    mutable std::mutex m_mutex;
    bool m_loaded = false;
    bool m_aggregated = false;
    std::vector<ApiGroupInfo> m_groups;
    std::vector<ApiResourceInfo> m_resources;
};

} // namespace kube
