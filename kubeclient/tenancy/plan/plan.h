// Plan execution: dry-run on the server, then server-side apply, write by write. The executor
// reports a result per write and can resume after a partial failure. It is the one execution
// path of tenantryctl and the GUI (models/planrunner adapts it to Qt).
#pragma once

#include "kubeclient/api/client.h"
#include "kubeclient/api/writeplan.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace kube::tenancy {

// NotChecked: a dry run could not check the write because an earlier write of the same plan
// creates what it needs (the namespace it lives in, or the object it patches); a dry run
// persists nothing, so the server answers NotFound. It is not a failure.
enum class WriteOutcome { Pending, Applied, Patched, Deleted, AlreadyGone, Failed, Skipped, NotChecked };
const char *toString(WriteOutcome outcome);

struct WriteResult {
    size_t index = 0;
    WriteOutcome outcome = WriteOutcome::Pending;
    std::optional<Error> error;
    nlohmann::json serverObject;  // what the server answered (dry-run: what it would store)
    std::optional<size_t> dependsOn;  // NotChecked: the earlier write it needs
    // ExecuteOptions::captureBefore: the target as it was just before this write (null: it did
    // not exist). Not captured when reading it failed (then this write cannot be undone).
    bool beforeCaptured = false;
    nlohmann::json before;
    std::string beforeError;  // why it could not be read
};

struct PlanReport {
    bool dryRun = false;
    std::vector<WriteResult> results;  // one per write, in plan order
    size_t nextIndex = 0;              // where a resumed run starts (== writes.size() when complete)
    bool complete() const;
    std::optional<Error> firstError() const;
    std::string summary(const Plan &plan) const;
    // The first failure for a reader: the server's own words first (they name the field or the
    // permission), then where it happened. Empty when nothing failed.
    std::string failureMessage() const;
};

struct ExecuteOptions {
    bool dryRun = false;
    bool force = false;     // take over fields another manager owns (after the user saw the conflict)
    size_t startAt = 0;     // resume from a previous report's nextIndex
    bool captureBefore = false;  // read each target just before writing it (for undo; not in dry runs)
    bool stopOnError = true;
    std::function<void(size_t index, const WriteResult &)> progress;
    CancelTokenPtr cancel;
};

class PlanExecutor
{
public:
    explicit PlanExecutor(Client &client);
    PlanReport run(const Plan &plan, const ExecuteOptions &options = {});

    // The earlier write of `plan` that creates what write `index` needs (its namespace, or the
    // object itself), when the server's answer was NotFound.
    static std::optional<size_t> dependsOnEarlierWrite(const Plan &plan, size_t index, const Error &error);

private:
    WriteResult runOne(const PlannedWrite &write, size_t index, const ExecuteOptions &options);
    // The uid of an owner reference the planner left without one (kube/api/ownerrefs.h): from
    // an earlier write of this run that wrote the owner, else read from the server.
    std::optional<std::string> ownerUid(const Plan &plan, const PlanReport &report, size_t index,
                                        const nlohmann::json &ref, const ExecuteOptions &options);
    Client &m_client;
};

} // namespace kube::tenancy
