// What a delete must know about KubeSphere's leftovers: deletion protection
// (kubesphere.io/protected-resource, refused as KubeSphere's webhook does) and KubeSphere
// finalizers that no controller will release (standalone mode, or an object already stuck in
// deletion), which would keep the object Terminating forever. The review runs over a composed
// plan; with FinalizerPolicy::RemoveKubeSphere it adds merge patches that drop exactly those
// finalizers before the delete. Stuck objects get their own plan (releaseStuck).
#pragma once

#include "kubeclient/tenancy/plan/plancontext.h"

#include <optional>
#include <string>

namespace kube::tenancy {

enum class FinalizerPolicy {
    Keep,              // warn about deletes KubeSphere finalizers would hold, change nothing
    RemoveKubeSphere,  // also drop those finalizers (only KubeSphere's) before each such delete
};

// One object a stuck-finalizer plan is about: its resource, namespace and name.
struct ObjectRef {
    GroupVersionResource gvr;
    std::string ns, name;
};

class FinalizerPlans
{
public:
    explicit FinalizerPlans(const PlanContext &context);

    // Over a composed plan: a delete of a protected object is refused (the error names it); a
    // delete KubeSphere finalizers would hold is listed in plan.heldByFinalizers with a warning,
    // and with RemoveKubeSphere preceded by the patch that removes them.
    Result<void> review(Plan &plan, FinalizerPolicy policy) const;

    // Objects already being deleted that wait on KubeSphere finalizers: one patch each that drops
    // those finalizers (the others stay). `only` limits the plan to those objects (absent or not
    // stuck ones are passed over; at least one must be stuck); empty: every tenancy kind searched.
    Result<Plan> releaseStuck(const std::vector<ObjectRef> &only = {}) const;
    // The objects of a tenancy target: a workspace's template and Workspace, a project's
    // namespace, a user.
    std::vector<ObjectRef> objectsOf(PlanTarget target, const std::string &name) const;

    // The merge patch that leaves `object` with only its non-KubeSphere finalizers. With
    // `guard` the patch carries the object's resourceVersion, so the server refuses it when
    // the object changed since it was read (another finalizer added meanwhile is not lost).
    static PlannedWrite removal(const GroupVersionResource &gvr, const nlohmann::json &object, std::string reason,
                                bool guard = true);
    // "Namespace proj1", "WorkspaceTemplate ws1", "Role proj1/admin".
    static std::string describe(const GroupVersionResource &gvr, const std::string &ns, const std::string &name);

    // The kinds whose objects KubeSphere's controllers finalize: namespaces and every
    // *.kubesphere.io kind of this flavour that Tenantry deletes.
    std::vector<GroupVersionResource> finalizedKinds() const;

private:
    static bool mayCarryKubeSphereMarks(const GroupVersionResource &gvr);

    const PlanContext &m_context;
};

} // namespace kube::tenancy
