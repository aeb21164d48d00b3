// Identifies an API resource (group/version/resource + scope) and the options of each verb.
// These are inputs to RequestBuilder; nothing here does I/O.
#pragma once

#include <optional>
#include <string>

namespace kube {

struct GroupVersionResource {
    std::string group;     // "" for the core group
    std::string version;   // "v1"
    std::string resource;  // plural, lower case: "namespaces", "workspacetemplates"
    bool namespaced = true;
    std::string kind;      // "Namespace"; informative, filled from discovery when known

    std::string apiVersion() const { return group.empty() ? version : group + "/" + version; }
    // "workspacetemplates.tenant.kubesphere.io" / "pods"
    std::string groupResource() const { return group.empty() ? resource : resource + "." + group; }
    bool operator==(const GroupVersionResource &o) const
    {
        return group == o.group && version == o.version && resource == o.resource;
    }
};

struct ListOptions {
    std::string labelSelector;
    std::string fieldSelector;
    long limit = 0;                 // 0: no limit parameter
    std::string continueToken;
    std::string resourceVersion;    // "" unset, "0" any
    std::string resourceVersionMatch;  // NotOlderThan | Exact
    long timeoutSeconds = 0;        // watch: server-side timeout
    bool allowWatchBookmarks = false;
    bool sendInitialEvents = false;
};

enum class PatchType { Json, Merge, StrategicMerge, Apply };

struct WriteOptions {
    bool dryRun = false;            // dryRun=All
    std::string fieldManager;       // required for Apply
    std::string fieldValidation;    // Strict | Warn | Ignore | "" (server default)
    bool force = false;             // Apply only
};

struct DeleteOptions {
    bool dryRun = false;
    std::string propagationPolicy;  // Foreground | Background | Orphan | ""
    std::optional<long> gracePeriodSeconds;
    std::string preconditionUid;
    std::string preconditionResourceVersion;
};

} // namespace kube
