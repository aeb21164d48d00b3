// Deletion protection and KubeSphere finalizers over a plan's deletes, and the plan that frees
// objects stuck in deletion. "No controller releases them" is the standalone mode (detection
// found no ready ks-controller-manager), or an object already Terminating on them in any mode.
#include "kubeclient/tenancy/plan/finalizerplans.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/finalizers.h"
#include "kubeclient/kubesphere/labels.h"

namespace kube::tenancy {

using nlohmann::json;

namespace {

constexpr const char *kKubeSphereDomain = "kubesphere.io";

std::string joined(const std::vector<std::string> &items)
{
    std::string out;
    for (const auto &i : items)
        out += (out.empty() ? "" : ", ") + i;
    return out;
}

bool endsWith(const std::string &text, const std::string &suffix)
{
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

} // namespace

FinalizerPlans::FinalizerPlans(const PlanContext &context)
    : m_context(context)
{
}

bool FinalizerPlans::mayCarryKubeSphereMarks(const GroupVersionResource &gvr)
{
    return gvr == TenancyApi::namespaces || endsWith(gvr.group, kKubeSphereDomain);
}

std::string FinalizerPlans::describe(const GroupVersionResource &gvr, const std::string &ns, const std::string &name)
{
    const std::string kind = gvr.kind.empty() ? gvr.resource : gvr.kind;
    return kind + " " + objectKey(ns, name);
}

std::vector<GroupVersionResource> FinalizerPlans::finalizedKinds() const
{
    const TenancyApi &api = m_context.api();
    std::vector<GroupVersionResource> out = {TenancyApi::namespaces};
    for (const auto *gvr : {&api.workspaceTemplate, &api.workspace, &api.user, &api.globalRole, &api.globalRoleBinding,
                            &api.workspaceRole, &api.workspaceRoleBinding, &api.group, &api.groupBinding,
                            &api.projectRole, &api.projectRoleBinding, &api.clusterRole, &api.clusterRoleBinding,
                            &api.workspaceQuota})
        if (!gvr->resource.empty() && mayCarryKubeSphereMarks(*gvr))
            out.push_back(*gvr);
    return out;
}

PlannedWrite FinalizerPlans::removal(const GroupVersionResource &gvr, const json &object, std::string reason, bool guard)
{
    const ObjectMeta meta(object);
    const FinalizerSplit split = splitFinalizers(object);
    json patch = {{"metadata", {{"finalizers", split.others.empty() ? json(nullptr) : json(split.others)}}}};
    if (guard && !meta.resourceVersion().empty())
        patch["metadata"]["resourceVersion"] = meta.resourceVersion();
    PlannedWrite w;
    w.action = WriteAction::MergePatch;
    w.gvr = gvr;
    w.ns = gvr.namespaced ? meta.namespaceName() : std::string();
    w.name = meta.name();
    w.object = std::move(patch);
    w.reason = std::move(reason);
    return w;
}

Result<void> FinalizerPlans::review(Plan &plan, FinalizerPolicy policy) const
{
    const bool standalone = m_context.standalone();
    const bool remove = policy == FinalizerPolicy::RemoveKubeSphere;
    std::vector<PlannedWrite> writes;
    writes.reserve(plan.writes.size());
    for (size_t i = 0; i < plan.writes.size(); ++i) {
        const PlannedWrite &w = plan.writes[i];
        if (w.action != WriteAction::Delete || !mayCarryKubeSphereMarks(w.gvr)) {
            writes.push_back(w);
            continue;
        }
        auto live = m_context.fetch(w.gvr, w.ns, w.name);
        if (!live)
            return live.error();
        if (!*live) {
            writes.push_back(w);
            continue;
        }
        const json &object = **live;
        const ObjectMeta meta(object);
        const std::string what = describe(w.gvr, w.ns, w.name);
        if (meta.label(kProtectedLabel) == "true")
            return PlanContext::invalid(what + " is protected: it carries the label " + kProtectedLabel
                                            + "=true, and KubeSphere refuses to delete a protected resource; remove "
                                              "that label first if it really must go",
                                        "name");
        const FinalizerSplit split = splitFinalizers(object);
        const std::string since = meta.deletionTimestamp();
        if (split.kubesphere.empty() || (!standalone && since.empty())) {
            writes.push_back(w);
            continue;
        }
        plan.heldByFinalizers.push_back(what);
        std::string warning = since.empty()
            ? what + " carries KubeSphere finalizers (" + joined(split.kubesphere)
                + ") and no KubeSphere controller runs here to release them: deleting it leaves it Terminating"
            : what + " has been Terminating since " + since + ", waiting on KubeSphere finalizers ("
                + joined(split.kubesphere) + ")"
                + (standalone ? " that no KubeSphere controller here will release"
                              : "; if KubeSphere's controllers no longer act on it, nothing will release them");
        if (remove) {
            warning += "; the plan removes them first (other finalizers stay), so the cleanup KubeSphere's controller "
                       "would have done is skipped";
            // An earlier write of the plan changes the object's resourceVersion: no guard then.
            bool touched = false;
            for (size_t j = 0; j < i; ++j)
                touched = touched || (plan.writes[j].gvr == w.gvr && plan.writes[j].ns == w.ns && plan.writes[j].name == w.name);
            writes.push_back(removal(w.gvr, object, "remove the KubeSphere finalizers (" + joined(split.kubesphere)
                                                         + ") that would hold the delete",
                                     !touched));
        } else {
            warning += "; choose to remove them (tenantryctl: --remove-finalizers) so the delete completes";
        }
        plan.warnings.push_back(std::move(warning));
        writes.push_back(w);
    }
    plan.writes = std::move(writes);
    return {};
}

std::vector<ObjectRef> FinalizerPlans::objectsOf(PlanTarget target, const std::string &name) const
{
    const TenancyApi &api = m_context.api();
    switch (target) {
    case PlanTarget::Workspace: return {{api.workspaceTemplate, "", name}, {api.workspace, "", name}};
    case PlanTarget::Project: return {{TenancyApi::namespaces, "", name}};
    case PlanTarget::User: return {{api.user, "", name}};
    }
    return {};
}

Result<Plan> FinalizerPlans::releaseStuck(const std::vector<ObjectRef> &only) const
{
    struct Stuck {
        GroupVersionResource gvr;
        json object;
    };
    std::vector<Stuck> stuck;
    std::vector<std::string> unread;
    std::vector<PlanContext::Check> checks;
    if (!only.empty()) {
        checks.push_back([&]() -> Result<void> {
            std::string why;
            for (const auto &ref : only) {
                const std::string what = describe(ref.gvr, ref.ns, ref.name);
                auto o = m_context.fetch(ref.gvr, ref.ns, ref.name);
                if (!o)
                    return o.error();
                if (!*o) {
                    why = why.empty() ? what + " does not exist" : why;
                } else if (ObjectMeta(**o).deletionTimestamp().empty()) {
                    why = why.empty() ? what + " is not being deleted: its finalizers hold nothing (delete it, choosing "
                                               "to remove KubeSphere finalizers, instead)"
                                      : why;
                } else if (splitFinalizers(**o).kubesphere.empty()) {
                    why = why.empty() ? what + " waits on no KubeSphere finalizer (only on: "
                                            + joined(splitFinalizers(**o).others) + ")"
                                      : why;
                } else {
                    stuck.push_back({ref.gvr, std::move(**o)});
                }
            }
            if (stuck.empty())
                return PlanContext::invalid(why, "name");
            return {};
        });
    } else {
        checks.push_back([&]() -> Result<void> {
            for (const auto &gvr : finalizedKinds()) {
                auto items = m_context.list(gvr, "", "");
                if (!items) {
                    // A kind this cluster does not serve, or may not be listed: said, not fatal.
                    if (items.error().isApi(StatusReason::NotFound) || items.error().isApi(StatusReason::Forbidden)) {
                        unread.push_back(gvr.groupResource());
                        continue;
                    }
                    return items.error();
                }
                for (auto &o : *items)
                    if (!ObjectMeta(o).deletionTimestamp().empty() && !splitFinalizers(o).kubesphere.empty())
                        stuck.push_back({gvr, std::move(o)});
            }
            return {};
        });
    }
    const std::string title = only.empty() ? "remove KubeSphere finalizers from objects stuck in deletion"
                                           : "remove KubeSphere finalizers from " + describe(only[0].gvr, only[0].ns, only[0].name);
    return PlanContext::compose(title, checks, [&](Plan &plan) -> Result<void> {
        for (const auto &s : stuck) {
            const ObjectMeta meta(s.object);
            plan.writes.push_back(removal(s.gvr, s.object,
                                          "Terminating since " + meta.deletionTimestamp() + " on "
                                              + joined(splitFinalizers(s.object).kubesphere)));
        }
        if (stuck.empty())
            plan.notes.push_back("no tenancy object is stuck in deletion on KubeSphere finalizers");
        else
            plan.notes.push_back("other finalizers stay; the cleanup KubeSphere's controllers would have done for these "
                                 "objects is skipped (in standalone mode, `tenantryctl repair` finds what is left over)");
        if (!m_context.standalone() && !stuck.empty())
            plan.warnings.push_back("KubeSphere's controllers run on this cluster: remove their finalizers only when they "
                                    "no longer act on these objects (an object they are still cleaning up loses that "
                                    "cleanup)");
        if (!unread.empty())
            plan.notes.push_back("not searched (not served, or not allowed to list): " + joined(unread));
        return {};
    });
}

} // namespace kube::tenancy
