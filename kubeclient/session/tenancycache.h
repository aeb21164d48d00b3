// The local cache of a cluster's last tenancy snapshot: what the watches held (compact objects
// and the resourceVersion each kind's state corresponds to), so the next start shows the tree
// at once and resumes the watches from there instead of listing everything again.
//
// One file per cluster and kubeconfig user under $XDG_CACHE_HOME/tenantry/tenancy/ (0600 in a
// 0700 folder, written atomically). Checked on every read: format and version, where it was
// read from, each kind's length and FNV-1a checksum, each object's shape; anything off and the
// whole file is refused with the reason (the caller lists as if there were none). No secrets:
// a User's spec.password and any last-applied annotation that mentions a password are left out.
#pragma once

#include "kubeclient/core/result.h"
#include "kubeclient/kubesphere/tenancyapi.h"
#include "kubeclient/tenancy/graph/graphkind.h"
#include "kubeclient/tenancy/graph/graphrecords.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kube::session {

struct CachedKind {
    tenancy::GraphKind kind = tenancy::GraphKind::Namespace;
    // The version the objects correspond to (Store::Snapshot::resourceVersion): watches resume
    // from it. Empty: the kind is shown from the cache but listed again.
    std::string resourceVersion;
    std::vector<tenancy::GraphObject> objects;
};

struct TenancyCache {
    // 2: a preview section before the kinds.
    static constexpr int kFormatVersion = 2;

    // Where it was read from: a file found under another cluster's name is refused.
    std::string server;    // the API server URL
    std::string user;      // the kubeconfig user entry (a name, never a credential)
    std::string identity;  // who the server said we were (the reach of what was listed)
    tenancy::ApiFlavor flavor = tenancy::ApiFlavor::V4;
    std::int64_t writtenAt = 0;  // Unix seconds
    // What a window draws first (the app's tree outline), stored before the objects and read
    // without them (TenancyCacheRead::PreviewOnly): the tree shows before any object is decoded.
    // Opaque here; checked like a kind. Names and counts only, never a secret.
    std::string preview;
    std::vector<CachedKind> kinds;

    std::size_t objectCount() const;
};

// $XDG_CACHE_HOME/tenantry/tenancy (~/.cache/... when unset).
std::string defaultTenancyCacheRoot();
// <root>/<fnv64a of server, user and context>.snapshot
std::string tenancyCachePath(const std::string &root, const std::string &server, const std::string &user,
                             const std::string &context);

Result<void> writeTenancyCache(const std::string &path, const TenancyCache &cache);

// Where a kubeconfig context's cache lives, from the kubeconfig alone (no request): a window
// can show the cached tree while it connects.
struct TenancyCacheKey {
    std::string server;
    std::string user;
    std::string context;
    std::string path;
};
Result<TenancyCacheKey> tenancyCacheKey(const std::string &root, const std::string &kubeconfig,
                                        const std::string &context);

// What a cache read expects: the file must be for this server and user, and no older than
// maxAgeSeconds (0: any age).
struct TenancyCacheCheck {
    std::string server;
    std::string user;
    std::int64_t maxAgeSeconds = 0;
    std::int64_t now = 0;  // Unix seconds; 0 = the clock
};

enum class TenancyCacheRead {
    Everything,
    // Every section checked (lengths and checksums, so a damaged file is refused before
    // anything of it shows), but only the preview decoded: kinds stay empty.
    PreviewOnly,
};

// nullopt when there is no file; an error (what was wrong, and where) when it is refused.
Result<std::optional<TenancyCache>> readTenancyCache(const std::string &path, const TenancyCacheCheck &check,
                                                     TenancyCacheRead what = TenancyCacheRead::Everything);

// The copy of an object a cache file holds (secrets left out); exposed for tests.
nlohmann::json cacheableObject(nlohmann::json object, tenancy::GraphKind kind);

} // namespace kube::session
