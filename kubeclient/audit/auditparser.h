// Reading audit JSON: a fast scan of one line for the index (top-level fields only, request and
// response bodies skipped unread) and a full parse of one object for the detail view. Every
// object's schema is detected on its own, so one file may mix them.
#pragma once

#include "kubeclient/audit/auditevent.h"
#include "kubeclient/core/result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kube::audit {

// What the index keeps of one event, read by scanLine. Strings are owned (reused between lines
// by the caller to avoid allocations).
struct ScannedEvent {
    SourceKind source = SourceKind::KubeApiserver;
    std::int64_t timeMs = 0;
    Stage stage = Stage::Unknown;
    Level level = Level::Unknown;
    Decision decision = Decision::Unknown;
    int code = 0;
    std::string verb, user, resource, subresource, apiGroup, ns, name, workspace;
    std::vector<std::string> groups;
    // The event's own bytes within the line (an item of a batch is its own object); for a
    // journal write, the whole record.
    std::size_t begin = 0, length = 0;
    std::uint32_t item = 0;  // journal: the write's index in "writes"; else 0
};

// Scans one line (no newline) into `out` (appended): one event; a batch {"Items":[...]}
// (KubeSphere 3.x webhook) or {"kind":"EventList","items":[...]} (kube-apiserver webhook); a
// Tenantry journal record (one event per write); or several of these back to back (KubeSphere
// 4.x log and webhook backends). Returns false with `why` set when the line is not complete JSON
// or holds no audit event; then nothing is appended. Blank lines give true and nothing.
bool scanLine(std::string_view line, std::vector<ScannedEvent> &out, std::string *why = nullptr);

// The full event from one object's bytes (ScannedEvent::begin/length); `item` picks the write
// of a journal record.
Result<AuditEvent> parseEvent(std::string_view objectText, std::uint32_t item = 0);

// RFC 3339 (with or without fraction, Z or ±hh:mm) → ms since the epoch; false when malformed.
bool parseRfc3339Ms(std::string_view text, std::int64_t &ms);
// ms since the epoch → "2024-05-01T12:34:56.789Z".
std::string formatRfc3339Ms(std::int64_t ms);

} // namespace kube::audit
