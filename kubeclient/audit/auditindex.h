// The audit engine: an index of audit events from several files (rotated, .gz, followed as they
// grow) that keeps no parsed JSON — one compact row per event with interned strings and where
// its bytes are — and the queries the viewer and `tenantryctl audit` share: filter, histogram,
// export, details re-read from the file on demand.
//
// Threads: index() and follow() run on one worker; every other member may be called from any
// thread at any time (rows appear as they are indexed; readers see a consistent prefix).
#pragma once

#include "kubeclient/audit/auditevent.h"
#include "kubeclient/core/canceltoken.h"
#include "kubeclient/core/result.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace kube::audit {

using RowId = std::uint32_t;

// One event as the index keeps it (~72 bytes). String fields are ids into the index's string
// pool (0 is the empty string): AuditIndex::text(id).
struct AuditRow {
    std::int64_t timeMs = 0;
    std::uint64_t offset = 0;  // of the event's bytes in its file's (decompressed) stream
    std::uint32_t length = 0;
    std::uint32_t verb = 0, user = 0, groups = 0, resource = 0, subresource = 0, apiGroup = 0, ns = 0, name = 0;
    std::uint32_t workspace = 0;  // the event's own (KubeSphere Workspace, or taken from a workspace object)
    std::uint16_t file = 0;       // AuditIndex::files()[file]
    std::uint16_t code = 0;
    std::uint16_t item = 0;       // journal: the write's index in the record
    SourceKind source = SourceKind::KubeApiserver;
    Stage stage = Stage::Unknown;
    Level level = Level::Unknown;
    Decision decision = Decision::Unknown;
};

// A row with its strings, for tables (RowId → what a table row shows).
struct AuditRowText {
    RowId id = 0;
    std::int64_t timeMs = 0;
    SourceKind source = SourceKind::KubeApiserver;
    std::string verb, user, resource, subresource, apiGroup, ns, name;
    std::vector<std::string> groups;
    std::string workspace;  // resolved: own, else through the namespace map
    int code = 0;
    Decision decision = Decision::Unknown;
    Stage stage = Stage::Unknown;
    Level level = Level::Unknown;
    std::string file;       // path of the file it came from
};

// Every field is optional (empty: no condition). Matching is exact unless said otherwise.
struct AuditFilter {
    std::string workspace;  // resolved workspace (own, else namespace map, else workspace object)
    std::string ns;         // objectRef.namespace (a project), and the Namespace object itself
    std::string user;       // the username, or one of the user's groups
    std::string verb;       // comma-separated list allowed: "create,update,patch"
    // "pods", "pods/log" (with subresource), "roles.rbac.authorization.k8s.io" (with group);
    // comma-separated list allowed.
    std::string resource;
    std::string name;
    std::optional<int> code;  // responseStatus.code
    Decision decision = Decision::Unknown;  // Unknown: either
    std::optional<std::int64_t> sinceMs, untilMs;  // [since, until)
    std::optional<SourceKind> source;
    // Case-insensitive substring of any indexed field (user, groups, verb, resource,
    // subresource, group, namespace, name, workspace) or the code's digits.
    std::string text;
};

struct Histogram {
    std::int64_t fromMs = 0, toMs = 0, bucketMs = 1;
    std::vector<std::uint32_t> counts;         // events per bucket
    std::vector<std::uint32_t> denied;         // denied events per bucket
};

// A line that could not be read: counted and shown, never fatal.
struct SkippedLine {
    std::string file;
    std::uint64_t line = 0;  // 1-based
    std::string why;
};

struct IndexProgress {
    std::uint64_t bytesDone = 0, bytesTotal = 0;  // on disk (compressed bytes for .gz)
    std::size_t rows = 0;
    std::size_t skipped = 0;
    std::size_t fileIndex = 0, fileCount = 0;
    std::string file;  // being read
    bool done = false;
};

struct IndexOptions {
    // Also index the rotated backups of each file (withRotatedBackups). Default on.
    bool rotatedBackups = true;
    // Called on the indexing thread about every 64k rows and at each file's end and at the end.
    std::function<void(const IndexProgress &)> progress;
    // Called on the indexing thread once the first rows are queryable (first batch).
    std::function<void()> firstRows;
    CancelTokenPtr cancel;
};

struct FollowOptions {
    int pollMs = 250;
    // New rows (ids [from, to)) after each poll that found any.
    std::function<void(RowId from, RowId to)> appended;
    // A followed file was truncated or replaced (rotation); the message says which.
    std::function<void(const std::string &message)> notice;
    CancelTokenPtr cancel;  // follow() returns when raised
};

class AuditIndex
{
public:
    AuditIndex();
    ~AuditIndex();
    AuditIndex(const AuditIndex &) = delete;
    AuditIndex &operator=(const AuditIndex &) = delete;

    // Indexes the files (each with its rotated backups unless options say otherwise), oldest
    // first, appending rows. A file that is missing, unreadable or a corrupt .gz fails with an
    // error naming it — after the files before it were indexed (their rows stay). Bad lines are
    // skipped and counted (skipped()). Cancelled: returns ErrorKind::Cancelled, rows so far kept.
    Result<void> index(const std::vector<std::string> &files, const IndexOptions &options = {});

    // Tail -F: watches the last file given to index() (or `path` when given) and indexes what is
    // appended, until options.cancel is raised. Truncation reads it again from the start;
    // rotation (a new file at the path) finishes the old one and continues with the new one.
    // A partial last line waits for its newline.
    Result<void> follow(const FollowOptions &options, const std::string &path = {});

    // --- reads (any thread) ---
    std::size_t rowCount() const;
    AuditRow row(RowId id) const;
    AuditRowText rowText(RowId id) const;
    std::string text(std::uint32_t stringId) const;
    std::vector<std::string> groupsOf(std::uint32_t groupsId) const;
    std::vector<std::string> files() const;
    std::vector<SkippedLine> skipped(std::size_t max = SIZE_MAX) const;  // the first `max`
    std::size_t skippedCount() const;

    // Workspace of events without their own: namespace → workspace (the tenancy graph's
    // kubesphere.io/workspace labels, GraphSnapshot::workspaceOf). May be set at any time.
    void setNamespaceWorkspaces(std::map<std::string, std::string> nsToWorkspace);
    std::string workspaceOf(RowId id) const;

    // Matching rows in time order (ties in file order).
    std::vector<RowId> query(const AuditFilter &filter) const;
    // Counts over [fromMs, toMs) in `buckets` buckets; from == to: the rows' own time span.
    Histogram histogram(const std::vector<RowId> &rows, int buckets, std::int64_t fromMs = 0,
                        std::int64_t toMs = 0) const;
    // Distinct values seen (for filter completion): users, verbs, resources, namespaces, workspaces.
    std::vector<std::string> distinct(const std::string &field) const;

    // The whole event, read again from its file (request/response objects when recorded).
    Result<AuditEvent> event(RowId id) const;
    // The event's original bytes (one JSON object; for a journal write, its record).
    Result<std::string> originalText(RowId id) const;

    // Export: JSON lines of the original objects (a journal record once, however many of its
    // writes matched), or CSV with a header (the table's columns plus the decision).
    Result<void> exportJsonLines(const std::vector<RowId> &rows, std::ostream &out, const CancelTokenPtr &cancel = {}) const;
    Result<void> exportCsv(const std::vector<RowId> &rows, std::ostream &out) const;

    struct State;  // opaque

private:
    friend struct IndexReader;
    std::unique_ptr<State> m;
};

} // namespace kube::audit
