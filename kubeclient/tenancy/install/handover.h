// Hand-over of a standalone cluster to KubeSphere (`helm install ks-core`), as a Plan like every
// other write. Prepare (standalone): the built-ins the chart ships are relabelled so Helm adopts
// them, the others removed, objects the chart would stop on flagged, CRDs left (Helm skips them).
// Finish (once KubeSphere's controllers run): Tenantry's own projections go, and the objects
// KubeSphere's controllers now keep lose Tenantry's mark. The lists come from the cluster's objects
// matched against the chart's table (kscorechart), never from Tenantry's own manifest files.
#pragma once

#include "kubeclient/tenancy/install/kscorechart.h"
#include "kubeclient/tenancy/plan/plancontext.h"

#include <string>
#include <vector>

namespace kube::tenancy {

enum class HandoverPhase {
    Prepare,  // before `helm install ks-core` (standalone mode)
    Finish,   // after it, once ks-controller-manager is ready (KubeSphere mode)
};

enum class HandoverAction {
    Relabel,   // a Tenantry built-in the chart ships: marked for Helm to adopt
    Adopt,     // an object someone made that the chart also ships, marked on request
    Remove,    // a Tenantry built-in the chart does not ship, or (finish) a Tenantry-only projection
    Release,   // (finish) kept by KubeSphere's controllers now: Tenantry's mark is taken off
    Conflict,  // the chart ships it and it exists without Helm's marks: helm install stops on it
    Ready,     // already marked for (or owned by) the ks-core release
    Leave,     // a CRD: Helm creates a chart's crds/ only when absent and never adopts them
    Later,     // (prepare) goes (or is released) at the finish, once KubeSphere's controllers run
    Keep,      // (finish) kept on purpose; the reason says why
};
const char *toString(HandoverAction action);

struct HandoverItem {
    GroupVersionResource gvr;
    std::string ns, name;
    HandoverAction action = HandoverAction::Leave;
    std::string reason;
    // "RoleTemplate global-view-users", "RoleBinding proj1/tenantry:workspace:ws1-admin"
    std::string title() const;
};

struct HandoverOptions {
    HandoverPhase phase = HandoverPhase::Prepare;
    // Also mark objects the chart ships that Tenantry did not install (a user named admin, a
    // workspace named system-workspace): Helm then rewrites them as the chart has them.
    bool adoptExisting = false;
    std::string release = kKsCoreRelease;
    std::string releaseNamespace = kKsCoreNamespace;
};

struct HandoverPlan {
    Plan plan;                        // the writes, notes and warnings every plan carries
    std::vector<HandoverItem> items;  // every object considered, with what happens to it
    size_t count(HandoverAction action) const;
    // helm install would stop on an object (a Conflict remains).
    bool blocked() const { return count(HandoverAction::Conflict) > 0; }
};

class Handover
{
public:
    explicit Handover(const PlanContext &context);

    // Refuses (Invalid, naming the mode) when the phase does not fit the cluster: Prepare needs
    // standalone mode, Finish KubeSphere mode; both need the 4.x tenancy API.
    Result<HandoverPlan> plan(const HandoverOptions &options) const;

private:
    Result<void> prepare(HandoverPlan &out, const HandoverOptions &options) const;
    Result<void> finish(HandoverPlan &out) const;
    // The objects Tenantry generated in place of controllers, as (finish) writes or (prepare) Later items.
    Result<void> generated(HandoverPlan &out, bool finishing) const;
    const GroupVersionResource *resourceOfChartKind(const std::string &kind) const;

    const PlanContext &m_context;
};

} // namespace kube::tenancy
