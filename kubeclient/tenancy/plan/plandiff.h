// What each write of a plan changes in the live object, field by field: read the targets once,
// then follow the plan write by write (a later write of the same object starts from what the
// earlier one left). Before a dry run the result of an apply is predicted from the intent;
// after one, the server's own answers make it exact.
#pragma once

#include "kubeclient/api/objectdiff.h"
#include "kubeclient/tenancy/plan/plan.h"
#include "kubeclient/tenancy/plan/planreader.h"

#include <optional>
#include <string>
#include <vector>

namespace kube::tenancy {

struct LiveTarget {
    bool read = false;       // false: reading it failed (error says why)
    nlohmann::json object;   // null: it does not exist
    std::string error;
};

// The live object of every write's target, in plan order.
std::vector<LiveTarget> readTargets(PlanReader &reader, const Plan &plan);

struct WriteDiff {
    enum class Change { Create, Update, Delete, Unchanged, AlreadyAbsent, Unknown };
    size_t index = 0;
    std::string write;          // PlannedWrite::describe()
    Change change = Change::Unknown;
    std::vector<FieldChange> fields;
    bool exact = false;         // from the server's dry-run answer, not predicted
    std::string error;          // Unknown: why
};

// `dryRun`: a dry-run report of the same plan; its answers replace predictions where present.
std::vector<WriteDiff> diffPlan(const Plan &plan, const std::vector<LiveTarget> &live, const PlanReport *dryRun = nullptr);

// For the plan dialog and `--diff`: a header per write ("2. apply … — changes 3 fields") and
// its field lines.
std::string diffPlanText(const std::vector<WriteDiff> &diffs);

} // namespace kube::tenancy
