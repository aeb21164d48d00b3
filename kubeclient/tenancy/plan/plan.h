// Plan execution: dry-run on the server, then server-side apply, write by write. The executor
// reports a result per write and can resume after a partial failure.
#pragma once

#include "kubeclient/api/client.h"
#include "kubeclient/api/writeplan.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace kube::tenancy {

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
