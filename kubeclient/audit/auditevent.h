// One audit event, whatever wrote it: kube-apiserver (audit.k8s.io/v1 Event), KubeSphere's
// ks-apiserver (§11.2: the internal Go type, keys are Go field names) or Tenantry's journal.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace kube::audit {

// Which schema an event was read from. Auto-detected per JSON object.
enum class SourceKind : std::uint8_t {
    KubeApiserver,  // {"kind":"Event","apiVersion":"audit.k8s.io/v1",...}
    KubeSphere,     // {"AuditID":..,"Verb":..,"User":{"username":..},"ObjectRef":{"Resource":..},"Workspace":..}
    Journal,        // {"kind":"TenantryJournalRecord",...}: one event per write of the record
    KubeEvents,     // a core/v1 Event of the cluster (audit/kubeevents): reason as verb, reporter as user
};
const char *toString(SourceKind kind);  // "kube-apiserver", "kubesphere", "journal", "events"

// Was the request let through by authorization? kube-apiserver's own annotation
// authorization.k8s.io/decision decides when present; otherwise 401/403 mean denied.
enum class Decision : std::uint8_t { Unknown, Allowed, Denied };
const char *toString(Decision decision);  // "", "allowed", "denied"

// audit.k8s.io Stage and Level (the same words in KubeSphere's events).
enum class Stage : std::uint8_t { Unknown, RequestReceived, ResponseStarted, ResponseComplete, Panic };
enum class Level : std::uint8_t { Unknown, None, Metadata, Request, RequestResponse };
const char *toString(Stage stage);
const char *toString(Level level);
Stage stageFromString(const std::string &text);
Level levelFromString(const std::string &text);

// The whole event, as the detail view shows it. The index keeps none of this: it re-reads the
// event's bytes from its file when asked (AuditIndex::event).
struct AuditEvent {
    SourceKind source = SourceKind::KubeApiserver;
    std::int64_t timeMs = 0;      // requestReceivedTimestamp (journal: the record's time), ms since the epoch
    std::int64_t stageTimeMs = 0; // stageTimestamp (0 when absent)
    std::string auditId;
    Stage stage = Stage::Unknown;
    Level level = Level::Unknown;
    std::string verb;
    std::string requestUri;
    std::string username;
    std::vector<std::string> groups;
    std::string impersonatedUser;  // kube-apiserver's impersonatedUser.username, when impersonating
    std::vector<std::string> sourceIps;
    std::string userAgent;
    // objectRef
    std::string resource, subresource, apiGroup, apiVersion, ns, name;
    std::string workspace;        // KubeSphere's own Workspace field (journal/kube: from the object, if any)
    int code = 0;                 // responseStatus.code (0 when the stage has none)
    std::string statusMessage;    // responseStatus.message / reason, the journal write's message
    Decision decision = Decision::Unknown;
    std::string decisionReason;   // authorization.k8s.io/reason
    nlohmann::json annotations;   // null when none
    nlohmann::json requestObject;  // null unless the level recorded it (Request, RequestResponse)
    nlohmann::json responseObject; // null unless RequestResponse
    // Journal only: the record's summary, cluster, context, dry run and outcome of the plan.
    std::string summary, cluster, context, outcome;
    bool dryRun = false;
    nlohmann::json raw;           // the object exactly as read (for the detail view's JSON tab)
};

} // namespace kube::audit
