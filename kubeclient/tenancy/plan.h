// A plan: the exact list of object writes an operation needs, shown as YAML before anything
// happens, dry-run on the server, then applied with server-side apply. The executor reports a
// result per write and can resume after a partial failure.
#pragma once

#include "kubeclient/client.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace kube::tenancy {

enum class WriteAction {
    Apply,   // server-side apply of `object` (field manager "tenantry")
    Delete,  // delete ns/name; a NotFound counts as done
    MergePatch,  // JSON merge patch `object` (changes a few fields of an object others own)
};

struct PlannedWrite {
    WriteAction action = WriteAction::Apply;
    GroupVersionResource gvr;
    std::string ns, name;
    std::string subresource;     // "status" for status writes
    nlohmann::json object;       // full intent for Apply
    std::string reason;          // why this write is in the plan, for the reader
    bool sideEffect = false;     // written in place of a KubeSphere controller (standalone mode)
    DeleteOptions deleteOptions;
    std::vector<std::string> secretPaths;  // JSON pointers redacted in the YAML ("/spec/password")

    std::string describe() const;  // "apply iam.kubesphere.io/v1beta1 WorkspaceRole ws1-admin"
};

struct Plan {
    std::string title;               // "create workspace ws1"
    std::vector<PlannedWrite> writes;
    std::vector<std::string> notes;  // things the user should know (mode limits, skipped parts)

    bool empty() const { return writes.empty(); }
    // Every Apply as a YAML document and every Delete as a comment line, secrets redacted.
    std::string yaml() const;
    // A short human listing: "1. apply ...  (reason)".
    std::string summary() const;
};

enum class WriteOutcome { Pending, Applied, Patched, Deleted, AlreadyGone, Failed, Skipped };
const char *toString(WriteOutcome outcome);

struct WriteResult {
    size_t index = 0;
    WriteOutcome outcome = WriteOutcome::Pending;
    std::optional<Error> error;
    nlohmann::json serverObject;  // what the server answered (dry-run: what it would store)
};

struct PlanReport {
    bool dryRun = false;
    std::vector<WriteResult> results;  // one per write, in plan order
    size_t nextIndex = 0;              // where a resumed run starts (== writes.size() when complete)
    bool complete() const;
    std::optional<Error> firstError() const;
    std::string summary(const Plan &plan) const;
};

struct ExecuteOptions {
    bool dryRun = false;
    bool force = false;     // take over fields another manager owns (after the user saw the conflict)
    size_t startAt = 0;     // resume from a previous report's nextIndex
    bool stopOnError = true;
    std::function<void(size_t index, const WriteResult &)> progress;
    CancelTokenPtr cancel;
};

class PlanExecutor
{
public:
    explicit PlanExecutor(Client &client);
    PlanReport run(const Plan &plan, const ExecuteOptions &options = {});

private:
    WriteResult runOne(const PlannedWrite &write, size_t index, const ExecuteOptions &options);
    Client &m_client;
};

} // namespace kube::tenancy
