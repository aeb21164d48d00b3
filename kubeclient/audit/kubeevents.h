// Kubernetes Events of the tenancy's objects as an audit source ("events"): read from the
// cluster where the identity may list them, kept as JSON lines so the audit index reads them
// like any other file, each turned into the index's row (reason as verb, the reporting
// component as user, the involved object as the resource).
#pragma once

#include "kubeclient/audit/auditevent.h"
#include "kubeclient/audit/auditparser.h"
#include "kubeclient/core/canceltoken.h"
#include "kubeclient/core/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace kube {
class Client;
}

namespace kube::audit {

struct KubeEventsRequest {
    // The projects' namespaces (from the tenancy graph): every Event in them is read.
    std::vector<std::string> namespaces;
    // Also the Events about cluster-scoped tenancy objects (workspaces, users, roles and the
    // projects' Namespace objects), which Kubernetes' event recorders keep in "default".
    bool clusterScoped = true;
    // Worker threads for the per-namespace reviews and lists (one request each in flight).
    int threads = 8;
};

struct KubeEventsResult {
    // core/v1 Event objects (managedFields dropped), oldest first.
    std::vector<nlohmann::json> events;
    // What could not be read and why, one line each: "namespace p1: may not list events".
    std::vector<std::string> unreadable;
    // Whether the identity may list Events cluster-wide (one list answered everything).
    bool clusterWide = false;
    std::size_t namespacesRead = 0;
};

// Reads the Events: first asks (SelfSubjectAccessReview) whether the identity may list events
// in all namespaces; if so one list, kept to the requested namespaces (and "default"'s tenancy
// objects); otherwise a review per namespace and a list of each one allowed. Namespaces that
// are refused or fail are named in `unreadable`; only a failure to reach the server at all is
// an error.
Result<KubeEventsResult> fetchKubeEvents(Client &client, const KubeEventsRequest &request,
                                         const CancelTokenPtr &cancel = {});

// The "default" namespace Events a tenancy view keeps: those about tenancy kinds
// (tenant/iam/quota.kubesphere.io, RBAC roles and bindings) and about the given Namespaces.
bool aboutTenancy(const nlohmann::json &event, const std::vector<std::string> &namespaces);

// Is this object a Kubernetes Event (core/v1 Event or events.k8s.io/v1 Event)?
bool isKubeEvent(const nlohmann::json &object);
// When the event last happened, in ms since the epoch: lastTimestamp, series.lastObservedTime,
// eventTime, firstTimestamp, creationTimestamp (the first present); 0 when none parses.
std::int64_t kubeEventTimeMs(const nlohmann::json &event);
// The plural resource of a kind ("WorkspaceTemplate" → "workspacetemplates", "Policy" → "policies").
std::string pluralOfKind(const std::string &kind);

// The index's row of one Event (`out` is overwritten; begin/length left to the caller): source
// KubeEvents, verb = reason, user = the reporting component, the involved object's resource,
// group, namespace (a Namespace's own name) and name; a workspace object's own name as workspace;
// decision Unknown (an Event is no authorization). False when the object is not an Event.
bool scanKubeEvent(const nlohmann::json &event, ScannedEvent &out);
// The detail view's event: as the row, plus the message (statusMessage), type / count / reason /
// source in annotations and the object itself as raw.
AuditEvent kubeEventToAuditEvent(const nlohmann::json &event);

// Writes the Events as JSON lines (one compact object per line), replacing the file (0600).
Result<void> writeKubeEvents(const std::string &path, const std::vector<nlohmann::json> &events);

} // namespace kube::audit
