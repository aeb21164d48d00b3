// The hand-over plan: what the cluster holds, matched against the ks-core chart's table, turned
// into merge patches (Helm's marks), deletes and the notes and warnings a reader needs before
// `helm install`. Everything is read through the planner's reader, so tests use the fixture.
#include "kubeclient/tenancy/install/handover.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/tenancy/install/installer.h"
#include "kubeclient/tenancy/plan/reachwrites.h"

#include <algorithm>

namespace kube::tenancy {

using nlohmann::json;

namespace {

// A category of generated objects names this many in its note; the plan's items hold them all.
constexpr size_t kNamesPerNote = 4;

// The CRD KubeSphere's network extension serves: it writes isolation policies itself.
constexpr const char *kNetworkExtensionCrd = "namespacenetworkpolicies.network.kubesphere.io";

bool startsWith(const std::string &s, const char *prefix)
{
    return s.rfind(prefix, 0) == 0;
}

bool endsWith(const std::string &s, const std::string &suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string tenantryBuiltin()
{
    return std::string(kManagedByLabel) + "=" + kManagedByValue;
}

// "3 RoleBindings (proj1/a, proj2/b, …)": a count and the first names.
std::string listed(const std::vector<const HandoverItem *> &items)
{
    std::string names;
    for (size_t i = 0; i < items.size() && i < kNamesPerNote; ++i)
        names += (i ? ", " : "") + objectKey(items[i]->ns, items[i]->name);
    if (items.size() > kNamesPerNote)
        names += ", …";
    return std::to_string(items.size()) + " (" + names + ")";
}

// A group of generated objects the finish removes or releases, named for the notes.
struct Generated {
    const char *what;   // "projections of workspace roles into projects"
    const char *later;  // what the finish does with them, for the prepare plan's note
    HandoverAction finishAction;
    std::string reason;
    std::vector<HandoverItem> items;
};

} // namespace

const char *toString(HandoverAction action)
{
    switch (action) {
    case HandoverAction::Relabel: return "relabel";
    case HandoverAction::Adopt: return "adopt";
    case HandoverAction::Remove: return "remove";
    case HandoverAction::Release: return "release";
    case HandoverAction::Conflict: return "conflict";
    case HandoverAction::Ready: return "ready";
    case HandoverAction::Leave: return "leave";
    case HandoverAction::Later: return "later";
    case HandoverAction::Keep: return "keep";
    }
    return "unknown";
}

std::string HandoverItem::title() const
{
    return (gvr.kind.empty() ? gvr.resource : gvr.kind) + " " + objectKey(ns, name);
}

size_t HandoverPlan::count(HandoverAction action) const
{
    return size_t(std::count_if(items.begin(), items.end(), [&](const HandoverItem &i) { return i.action == action; }));
}

Handover::Handover(const PlanContext &context)
    : m_context(context)
{
}

const GroupVersionResource *Handover::resourceOfChartKind(const std::string &kind) const
{
    const TenancyApi &a = m_context.api();
    if (kind == "Category") return &a.category;
    if (kind == "RoleTemplate") return &a.roleTemplate;
    if (kind == "GlobalRole") return &a.globalRole;
    if (kind == "GlobalRoleBinding") return &a.globalRoleBinding;
    if (kind == "ClusterRole") return &a.clusterRole;
    if (kind == "BuiltinRole") return &a.builtinRole;
    if (kind == "User") return &a.user;
    if (kind == "WorkspaceTemplate") return &a.workspaceTemplate;
    return nullptr;
}

Result<HandoverPlan> Handover::plan(const HandoverOptions &options) const
{
    const ClusterTenancy &t = m_context.tenancy();
    const bool prepare = options.phase == HandoverPhase::Prepare;
    if (t.api.flavor != ApiFlavor::V4) {
        return PlanContext::invalid(
            t.api.flavor == ApiFlavor::V3
                ? "the cluster serves KubeSphere 3.x's tenancy API (iam.kubesphere.io/v1alpha2); the ks-core chart of "
                  "KubeSphere 4.1 expects v1beta1: upgrade with KubeSphere's ks-upgrade instead"
                : "the KubeSphere tenancy API is not installed here: there is nothing to hand over; install KubeSphere "
                  "directly",
            "mode");
    }
    if (prepare && !m_context.standalone())
        return PlanContext::invalid("KubeSphere's controllers already run here (" + t.reason
                                        + "): the hand-over is prepared; finish it with `tenantryctl handover "
                                          "kubesphere --finish` (or Cluster → Finish hand-over to KubeSphere…)",
                                    "mode");
    if (!prepare && m_context.standalone())
        return PlanContext::invalid("KubeSphere's controllers do not run here yet (" + t.reason
                                        + "): install ks-core first (`helm upgrade --install -n " + options.releaseNamespace
                                        + " --create-namespace " + options.release
                                        + " …`); until then Tenantry's projections keep access working",
                                    "mode");
    HandoverPlan out;
    out.plan.title = prepare ? "prepare the hand-over to KubeSphere (helm install " + options.release + ")"
                             : "finish the hand-over to KubeSphere";
    if (auto r = prepare ? this->prepare(out, options) : finish(out); !r)
        return r.error();
    return out;
}

Result<void> Handover::prepare(HandoverPlan &out, const HandoverOptions &options) const
{
    Plan &plan = out.plan;
    const json patch = KsCoreChart::adoptionPatch(options.release, options.releaseNamespace);
    const std::string releaseWords = "Helm release " + options.release + " in " + options.releaseNamespace;
    std::vector<std::string> conflicts;

    for (const ChartKind &k : KsCoreChart::templated()) {
        const GroupVersionResource *gvr = resourceOfChartKind(k.kind);
        if (!gvr || gvr->resource.empty())
            continue;
        // Built-in kinds are few hundred objects at most: one list each. User and
        // WorkspaceTemplate may be many, so only the names the chart ships are read.
        std::vector<json> objects;
        const bool byName = k.kind == "User" || k.kind == "WorkspaceTemplate";
        if (byName) {
            for (const auto &name : k.names) {
                auto o = m_context.fetch(*gvr, "", name);
                if (!o)
                    return o.error();
                if (*o)
                    objects.push_back(std::move(**o));
            }
        } else {
            auto all = m_context.list(*gvr, "", "");
            if (!all)
                return all.error();
            objects = std::move(*all);
        }
        for (const json &o : objects) {
            const ObjectMeta m(o);
            const bool shipped = KsCoreChart::ships(k.group, k.kind, m.name());
            const bool ours = m.label(kManagedByLabel) == kManagedByValue;
            if (!shipped && !ours)
                continue;  // someone's own object: none of the chart's business
            HandoverItem item{*gvr, "", m.name(), HandoverAction::Relabel, {}};
            if (KsCoreChart::ownedBy(o, options.release, options.releaseNamespace)) {
                item.action = HandoverAction::Ready;
                item.reason = "already marked for " + releaseWords;
            } else if (const std::string other = KsCoreChart::helmRelease(o); !other.empty()) {
                item.action = HandoverAction::Conflict;
                item.reason = "owned by Helm release " + other;
                conflicts.push_back(item.title() + " belongs to Helm release " + other
                                    + ": helm install of " + options.release
                                    + " stops on it; uninstall that release or delete the object");
            } else if (ours && shipped) {
                item.reason = "Tenantry built-in the chart ships: Helm adopts it and makes it the chart's";
                PlanContext::addMergePatch(plan, *gvr, m.name(), patch, "mark for " + releaseWords + " (" + item.reason + ")");
            } else if (ours) {
                item.action = HandoverAction::Remove;
                item.reason = "Tenantry built-in the chart does not ship";
                PlanContext::addDelete(plan, *gvr, "", m.name(),
                                       item.reason + "; KubeSphere's console would list it beside the chart's own");
            } else {
                // Made by someone (a Tenantry user named admin): the chart creates one of that name.
                std::string what;
                if (k.kind == "User")
                    what = "the chart creates the user admin: Helm rewrites it with email admin@kubesphere.io, the "
                           "chart's password (authentication.adminPassword, else P@88w0rd, to be changed at first "
                           "login) and platform-admin through the chart's GlobalRoleBinding admin";
                else if (k.kind == "WorkspaceTemplate")
                    what = "the chart creates KubeSphere's system workspace under this name (manager admin, placed on "
                           "every cluster) and its post-install job moves the system namespaces into it";
                else
                    what = "the chart ships a " + k.kind + " of this name: Helm replaces its content with the chart's";
                if (options.adoptExisting) {
                    item.action = HandoverAction::Adopt;
                    item.reason = "exists, not Tenantry's; adopted on request: " + what;
                    PlanContext::addMergePatch(plan, *gvr, m.name(), patch, "mark for " + releaseWords + " (adopted on request)");
                    plan.warnings.push_back(item.title() + " will be taken over by Helm: " + what);
                } else {
                    item.action = HandoverAction::Conflict;
                    item.reason = "exists without Helm's marks: " + what;
                    conflicts.push_back(item.title() + " exists and " + what
                                        + ". helm install stops on it (\"invalid ownership metadata\"): delete it, or "
                                          "plan again with --adopt-existing (window: \"Let Helm take over…\")");
                }
            }
            out.items.push_back(std::move(item));
        }
    }
    for (auto &c : conflicts)
        plan.warnings.push_back(std::move(c));

    // CRDs: left alone. Helm never adopts a chart's crds/, and KubeSphere serves these kinds as they are.
    auto crds = m_context.list(TenancyApi::customResourceDefinition, "", tenantryBuiltin());
    if (!crds)
        return crds.error();
    std::vector<const HandoverItem *> left;
    const size_t firstCrd = out.items.size();
    for (const json &crd : *crds) {
        const ObjectMeta m(crd);
        out.items.push_back({TenancyApi::customResourceDefinition, "", m.name(), HandoverAction::Leave,
                             KsCoreChart::shipsCrd(m.name())
                                 ? "the chart's crds/ ships it: Helm installs such CRDs only when absent and never "
                                   "adopts or updates them"
                                 : "not one of the chart's; KubeSphere ignores it"});
    }
    for (size_t i = firstCrd; i < out.items.size(); ++i)
        left.push_back(&out.items[i]);
    if (!left.empty())
        plan.notes.push_back("CRDs stay as Tenantry installed them: " + listed(left)
                             + ". Helm creates a chart's crds/ only when they are absent and never adopts, updates "
                               "or deletes them; KubeSphere's own versions arrive with the ks-crds pre-upgrade job of "
                               "a later `helm upgrade`");

    if (auto r = generated(out, false); !r)
        return r;

    if (plan.writes.empty() && conflicts.empty())
        plan.notes.push_back("nothing to change: every built-in the chart ships is marked for " + releaseWords);
    plan.notes.push_back("next: `helm upgrade --install -n " + options.releaseNamespace + " --create-namespace "
                         + options.release + " <ks-core chart of KubeSphere 4.1>`; once ks-controller-manager is "
                         "ready, `tenantryctl handover kubesphere --finish`. `tenantryctl install` leaves objects "
                         "marked for Helm alone");
    return {};
}

Result<void> Handover::generated(HandoverPlan &out, bool finishing) const
{
    // The network extension writes isolation policies of its own (and treats nsnp-* as its own).
    bool networkExtension = false;
    if (finishing) {
        auto crd = m_context.fetch(TenancyApi::customResourceDefinition, "", kNetworkExtensionCrd);
        if (!crd)
            return crd.error();
        networkExtension = crd->has_value();
    }

    std::vector<Generated> groups;
    groups.push_back({"projections of workspace roles (tenantry:workspace:*) and their per-project RoleBindings",
                      "removes them (until then they keep workspace roles enforced by kube-apiserver)",
                      HandoverAction::Remove, "Tenantry-only projection: ks-apiserver authorizes workspace roles itself",
                      {}});
    groups.push_back({"reach objects (tenantry:reach:*)", "removes them (KubeSphere mode does not keep them in step)",
                      HandoverAction::Remove, "Tenantry-only: KubeSphere mode does not keep it in step with memberships",
                      {}});
    groups.push_back({"network isolation policies (nsnp-network-isolate)",
                      "removes them when KubeSphere's network extension runs (it writes its own), else keeps them "
                      "so traffic stays isolated",
                      networkExtension ? HandoverAction::Remove : HandoverAction::Keep,
                      networkExtension ? "KubeSphere's network extension writes its own isolation policies"
                                       : "without KubeSphere's network extension (no " + std::string(kNetworkExtensionCrd)
                                             + ") nothing else isolates the project; deleting it would open traffic",
                      {}});
    groups.push_back({"RBAC mirrors (kubesphere:iam:*) and platform-admin shadow bindings",
                      "takes Tenantry's mark off them: KubeSphere's controllers keep them from then on",
                      HandoverAction::Release,
                      "KubeSphere's controllers update it in place; deleting it would cut access until their next "
                      "resync, so only Tenantry's mark goes",
                      {}});

    const std::string generatedSel = kGeneratedByLabel;
    const auto add = [&](size_t group, const GroupVersionResource &gvr, const json &o) {
        const ObjectMeta m(o);
        groups[group].items.push_back({gvr, m.namespaceName(), m.name(), HandoverAction::Later, {}});
    };
    for (const auto &gvr : {TenancyApi::rbacRoleBinding, TenancyApi::rbacClusterRole}) {
        auto list = m_context.list(gvr, "", generatedSel + "," + kProjectedFromLabel);
        if (!list)
            return list.error();
        for (const auto &o : *list)
            add(0, gvr, o);
    }
    for (const auto &gvr : {TenancyApi::rbacClusterRoleBinding, TenancyApi::rbacClusterRole}) {
        auto list = m_context.list(gvr, "", generatedSel + "," + kReachOfLabel);
        if (!list)
            return list.error();
        for (const auto &o : *list)
            add(1, gvr, o);
    }
    {
        auto list = m_context.list(TenancyApi::networkPolicy, "", generatedSel);
        if (!list)
            return list.error();
        for (const auto &o : *list)
            if (ObjectMeta(o).name() == kIsolationPolicyName)
                add(2, TenancyApi::networkPolicy, o);
    }
    for (const auto &gvr : {TenancyApi::rbacRoleBinding, TenancyApi::rbacRole, TenancyApi::rbacClusterRoleBinding,
                            TenancyApi::rbacClusterRole}) {
        auto list = m_context.list(gvr, "", generatedSel);
        if (!list)
            return list.error();
        for (const auto &o : *list) {
            const ObjectMeta m(o);
            const bool mirror = startsWith(m.name(), kMirrorPrefix);
            const bool shadow = gvr == TenancyApi::rbacClusterRoleBinding && endsWith(m.name(), "-cluster-admin");
            if (mirror || shadow)
                add(3, gvr, o);
        }
    }

    Plan &plan = out.plan;
    for (auto &g : groups) {
        if (g.items.empty())
            continue;
        std::vector<const HandoverItem *> refs;
        for (auto &item : g.items) {
            item.reason = g.reason;
            if (finishing) {
                item.action = g.finishAction;
                if (item.action == HandoverAction::Remove) {
                    PlanContext::addDelete(plan, item.gvr, item.ns, item.name, g.reason);
                } else if (item.action == HandoverAction::Release) {
                    PlannedWrite w;
                    w.action = WriteAction::MergePatch;
                    w.gvr = item.gvr;
                    w.ns = item.ns;
                    w.name = item.name;
                    w.object = {{"metadata", {{"labels", {{kGeneratedByLabel, nullptr}}}}}};
                    w.reason = "hand over to KubeSphere's controllers (" + g.reason + ")";
                    plan.writes.push_back(std::move(w));
                }
            }
        }
        const size_t first = out.items.size();
        for (auto &item : g.items)
            out.items.push_back(std::move(item));
        for (size_t i = first; i < out.items.size(); ++i)
            refs.push_back(&out.items[i]);
        const std::string what = std::string(g.what) + ": " + listed(refs);
        if (!finishing) {
            plan.notes.push_back("later (`--finish`, once KubeSphere's controllers run) for the " + what + ": "
                                 + g.later);
        } else if (g.finishAction == HandoverAction::Keep) {
            plan.warnings.push_back("kept the " + what + ": " + g.reason
                                    + ". Install the network extension and finish again, or delete them with "
                                      "`kubectl delete networkpolicy -A -l tenantry.dev/generated-by`");
        }
    }
    return {};
}

Result<void> Handover::finish(HandoverPlan &out) const
{
    if (auto r = generated(out, true); !r)
        return r;
    // Built-ins still marked as Tenantry's after the install: the chart did not adopt them.
    for (const ChartKind &k : KsCoreChart::templated()) {
        const GroupVersionResource *gvr = resourceOfChartKind(k.kind);
        if (!gvr || gvr->resource.empty() || k.kind == "User" || k.kind == "WorkspaceTemplate")
            continue;
        auto list = m_context.list(*gvr, "", tenantryBuiltin());
        if (!list)
            return list.error();
        for (const json &o : *list) {
            const ObjectMeta m(o);
            out.items.push_back({*gvr, "", m.name(), HandoverAction::Keep, "still marked as Tenantry's built-in"});
            out.plan.warnings.push_back(out.items.back().title()
                                        + " is still marked as Tenantry's built-in (the prepare step did not run, or "
                                          "`tenantryctl install` ran since): KubeSphere does not use it; delete it "
                                          "unless a role of yours names it");
        }
    }
    if (out.plan.writes.empty())
        out.plan.notes.push_back("nothing left to hand over: no Tenantry projection, reach object or mark remains");
    return {};
}

} // namespace kube::tenancy
