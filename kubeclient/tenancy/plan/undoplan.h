// Undo of an applied plan: the writes that take each object the plan touched back to what it
// was just before (the executor's before-images, ExecuteOptions::captureBefore). An object the
// plan created is deleted, one it changed is applied back as it was (guarded by the
// resourceVersion the plan left, so a change someone made since is refused, not overwritten),
// one it deleted is created again. Shown and confirmed like any plan.
#pragma once

#include "kubeclient/core/result.h"
#include "kubeclient/tenancy/plan/plan.h"

namespace kube::tenancy {

// Newest write first. Writes that did not land, or whose previous state could not be read,
// are named in the plan's notes; an error when nothing can be undone.
Result<Plan> inversePlan(const Plan &plan, const PlanReport &report);

} // namespace kube::tenancy
