// Tenantry's journal: every write Tenantry applies (GUI or CLI, dry run or not) appends one JSON
// line to $XDG_DATA_HOME/tenantry/journal.jsonl. Names and outcomes only: never an object body,
// a token, a key or a password. Both faces call journal::record after PlanExecutor::run.
#pragma once

#include "kubeclient/core/result.h"
#include "kubeclient/journal/journalformat.h"
#include "kubeclient/tenancy/plan/plan.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace kube::journal {

// Who wrote where: the session's facts (ClusterConnection: server URL, context, identity).
struct JournalContext {
    std::string cluster;  // the API server's URL
    std::string context;  // kubeconfig context name
    std::string username;
    std::vector<std::string> groups;
};

} // namespace kube::journal

namespace kube::session {
class ClusterConnection;
}

namespace kube::journal {

// The context of writes through an open connection: its server, context and identity (the
// identity is empty when the server could not say who we are).
JournalContext contextOf(const session::ClusterConnection &connection);

// The journal file: $TENANTRY_JOURNAL when set, else $XDG_DATA_HOME/tenantry/journal.jsonl,
// else ~/.local/share/tenantry/journal.jsonl.
std::string journalPath();

// The record of one run of a plan (pure; `timeMs` 0 = now):
// {"kind","apiVersion","time","cluster","context","identity":{"username","groups"},"summary",
//  "dryRun","outcome":"succeeded|failed|partial","writes":[{"verb","apiGroup","apiVersion",
//  "resource","namespace","name","code","outcome","message"}]}.
// Writes the report has no result for (after a stop on error) are listed with outcome
// "not written". Messages are scrubbed of anything that looks like a secret.
nlohmann::json makeRecord(const JournalContext &context, const tenancy::Plan &plan,
                          const tenancy::PlanReport &report, bool dryRun, std::int64_t timeMs = 0);

// Appends one record as one line: O_APPEND, one write(2), fsync; the file is created 0600 (and
// its folder 0700). An error names the file.
Result<void> append(const std::string &path, const nlohmann::json &record);

// makeRecord + append to journalPath(): the one call of tenantryctl and the GUI's PlanRunner.
Result<void> record(const JournalContext &context, const tenancy::Plan &plan, const tenancy::PlanReport &report,
                    bool dryRun);

// The newest records of the journal at `path` (at most `max`, newest first) written to the API
// server `cluster` ("" = any). Reads the file backwards in blocks, so a long journal costs only
// its tail; lines that are not records (a torn or foreign line) are skipped. A missing file is
// no records, not an error.
Result<std::vector<nlohmann::json>> recentRecords(const std::string &path, const std::string &cluster, std::size_t max);

// A message with secrets removed: bearer tokens, "password"/"token"/"secret"/"key" values,
// PEM blocks and long base64 runs become "<redacted>".
std::string scrub(const std::string &message);

} // namespace kube::journal
