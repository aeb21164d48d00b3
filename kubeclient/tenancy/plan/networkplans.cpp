// Isolation writes by flavour and mode, and the NetworkPolicy writes. Every isolation switch is
// a JSON merge patch of the one field it changes: a server-side apply of just that field by
// Tenantry's field manager would drop the fields the same manager applied when it created the
// object (a workspace's manager, a project's workspace label), as ProjectPlans::edit explains.
#include "kubeclient/tenancy/plan/networkplans.h"

#include "kubeclient/api/objectdiff.h"
#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/kubesphere/names.h"
#include "kubeclient/kubesphere/objectviews.h"
#include "kubeclient/network/policyvalidation.h"
#include "kubeclient/tenancy/plan/repairplans.h"

namespace kube::tenancy {

using nlohmann::json;

namespace {

constexpr const char *kNetworkIsolateDisabled = "disabled";

std::string annotationAt(const json &object, std::initializer_list<const char *> path)
{
    const json *at = &object;
    for (const char *key : path) {
        if (!at->is_object() || !at->contains(key))
            return {};
        at = &(*at)[key];
    }
    if (!at->is_object())
        return {};
    auto it = at->find(kNetworkIsolateAnnotation);
    return it != at->end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool hasAnnotationAt(const json &object, std::initializer_list<const char *> path)
{
    const json *at = &object;
    for (const char *key : path) {
        if (!at->is_object() || !at->contains(key))
            return false;
        at = &(*at)[key];
    }
    return at->is_object() && at->contains(kNetworkIsolateAnnotation);
}

// The namespaces an existing isolation policy lets in besides its isolation peer.
std::vector<std::string> allowedIn(const json &policy)
{
    std::vector<std::string> out;
    const json &from = policy.value("spec", json::object()).value("ingress", json::array());
    if (!from.is_array() || from.empty() || !from[0].is_object())
        return out;
    const json peers = from[0].value("from", json::array());
    for (size_t i = 1; i < peers.size(); ++i) {
        const json labels = peers[i].value("namespaceSelector", json::object()).value("matchLabels", json::object());
        if (labels.size() == 1 && labels.contains(NetworkPlans::kNamespaceNameLabel) && labels.begin()->is_string())
            out.push_back(labels.begin()->get<std::string>());
    }
    return out;
}

const char *isolationReason = "network isolation policy (standalone: in place of KubeSphere's network controller)";

} // namespace

NetworkPlans::NetworkPlans(const PlanContext &context)
    : m_context(context)
{
}

json NetworkPlans::isolationPolicy(const std::string &ns, const json &peer, const std::vector<std::string> &allowedNamespaces)
{
    json from = json::array({{{"namespaceSelector", {{"matchLabels", peer}}}}});
    for (const auto &allowed : allowedNamespaces)
        from.push_back({{"namespaceSelector", {{"matchLabels", {{kNamespaceNameLabel, allowed}}}}}});
    return {{"apiVersion", TenancyApi::networkPolicy.apiVersion()},
            {"kind", "NetworkPolicy"},
            {"metadata", {{"name", kIsolationPolicyName}, {"namespace", ns}, {"labels", {{kGeneratedByLabel, kFieldManager}}}}},
            {"spec",
             {{"podSelector", json::object()},
              {"policyTypes", json::array({"Ingress"})},
              {"ingress", json::array({{{"from", from}}})}}}};
}

bool NetworkPlans::workspaceIsolated(const json &workspaceObject)
{
    const WorkspaceView v(workspaceObject);
    return v.isolationAnnotationEnabled() || v.networkIsolationField().value_or(false);
}

Result<bool> NetworkPlans::readWorkspaceIsolated(const std::string &workspace) const
{
    const TenancyApi &api = m_context.api();
    for (const auto &gvr : {api.workspaceTemplate, api.workspace}) {
        auto o = m_context.fetch(gvr, "", workspace);
        if (!o)
            return o.error();
        if (*o)
            return workspaceIsolated(**o);
    }
    return false;
}

Result<std::optional<json>> NetworkPlans::desiredPolicy(const json &ns, std::optional<bool> workspaceIsolated,
                                                        const IsolationOptions &options) const
{
    const ObjectMeta meta(ns);
    const std::string ws = meta.label(kWorkspaceLabel);
    // KubeSphere's controller handles only namespaces of an existing workspace (spec 9.2).
    if (ws.empty() || !meta.deletionTimestamp().empty())
        return std::optional<json>();
    if (!workspaceIsolated) {
        auto exists = m_context.fetch(m_context.api().workspaceTemplate, "", ws);
        if (!exists)
            return exists.error();
        auto iso = readWorkspaceIsolated(ws);
        if (!iso)
            return iso.error();
        if (!*exists) {
            auto w = m_context.fetch(m_context.api().workspace, "", ws);
            if (!w)
                return w.error();
            if (!*w)
                return std::optional<json>();
        }
        workspaceIsolated = *iso;
    }
    json peer;
    if (meta.annotation(kNetworkIsolateAnnotation) == kNetworkIsolateEnabled)
        peer = {{kNamespaceNameLabel, meta.name()}};
    else if (*workspaceIsolated)
        peer = {{kWorkspaceLabel, ws}};
    else
        return std::optional<json>();
    std::vector<std::string> allowed;
    if (options.allowedIngressNamespaces) {
        allowed = *options.allowedIngressNamespaces;
    } else {
        auto existing = m_context.fetch(TenancyApi::networkPolicy, meta.name(), kIsolationPolicyName);
        if (!existing)
            return existing.error();
        if (*existing)
            allowed = allowedIn(**existing);
    }
    return std::optional<json>(isolationPolicy(meta.name(), peer, allowed));
}

Result<void> NetworkPlans::addProjectPolicy(Plan &plan, const json &ns, std::optional<bool> workspaceIsolated,
                                            const IsolationOptions &options) const
{
    const std::string name = ObjectMeta(ns).name();
    auto desired = desiredPolicy(ns, workspaceIsolated, options);
    if (!desired)
        return desired.error();
    auto existing = m_context.fetch(TenancyApi::networkPolicy, name, kIsolationPolicyName);
    if (!existing)
        return existing.error();
    if (*desired) {
        if (!*existing || !RepairPlans::containsAll(**desired, **existing))
            PlanContext::addApply(plan, TenancyApi::networkPolicy, std::move(**desired), isolationReason, true);
    } else if (*existing) {
        PlanContext::addDelete(plan, TenancyApi::networkPolicy, name, kIsolationPolicyName,
                               "network isolation is off: its policy goes (standalone: in place of KubeSphere's network "
                               "controller)",
                               true);
    }
    return {};
}

Result<void> NetworkPlans::addDesiredPolicies(Plan &desired) const
{
    auto namespaces = m_context.list(TenancyApi::namespaces, "", kWorkspaceLabel);
    if (!namespaces)
        return namespaces.error();
    for (const auto &ns : *namespaces) {
        auto policy = desiredPolicy(ns, std::nullopt, {});
        if (!policy)
            return policy.error();
        if (*policy)
            PlanContext::addApply(desired, TenancyApi::networkPolicy, std::move(**policy), isolationReason, true);
    }
    return {};
}

Result<void> NetworkPlans::addWorkspaceIsolationEdit(Plan &plan, const std::string &name, bool on) const
{
    const TenancyApi &api = m_context.api();
    auto tmpl = m_context.fetch(api.workspaceTemplate, "", name);
    if (!tmpl)
        return tmpl.error();
    if (!*tmpl || (!on && !workspaceIsolated(**tmpl)))
        return {};
    // The edit's apply leaves isolation out (it would conflict with a value the switch's merge
    // patch wrote, or drop one its own apply wrote): "on" is written again after it.
    return addWorkspaceIsolation(plan, name, on, {}, on);
}

Result<void> NetworkPlans::addWorkspaceIsolation(Plan &plan, const std::string &name, bool on,
                                                 const IsolationOptions &options, bool rewrite) const
{
    const TenancyApi &api = m_context.api();
    const bool v4 = api.flavor == ApiFlavor::V4;
    auto tmpl = m_context.fetch(api.workspaceTemplate, "", name);
    if (!tmpl)
        return tmpl.error();
    if (*tmpl) {
        const json &t = **tmpl;
        json patch = json::object();
        if (v4) {
            // The 4.x workspacetemplate controller copies spec.template.metadata.annotations onto
            // each cluster's Workspace key by key and never removes one, so "off" is written as a
            // value ("disabled": anything but "enabled" is off), not as a removal.
            const std::string current = annotationAt(t, {"spec", "template", "metadata", "annotations"});
            if (rewrite || on != (current == kNetworkIsolateEnabled) || (!on && current.empty() && workspaceIsolated(t)))
                patch["spec"]["template"]["metadata"]["annotations"][kNetworkIsolateAnnotation] =
                    on ? kNetworkIsolateEnabled : kNetworkIsolateDisabled;
            // The template's own annotation (older writers, the 3->4 upgrade) also reads as on.
            if (!on && annotationAt(t, {"metadata", "annotations"}) == kNetworkIsolateEnabled)
                patch["metadata"]["annotations"][kNetworkIsolateAnnotation] = nullptr;
        } else {
            const auto field = WorkspaceView(t).networkIsolationField();
            if (rewrite || field.value_or(false) != on)
                patch["spec"]["template"]["spec"]["networkIsolation"] = on;
            for (const auto &[cluster, value] : WorkspaceView(t).isolationOverrides())
                if (value != on)
                    plan.notes.push_back("cluster " + cluster + " overrides /spec/networkIsolation to "
                                         + (value ? "true" : "false") + " in spec.overrides: the override wins there; "
                                         "Tenantry leaves overrides alone (edit them in the workspace's YAML)");
        }
        if (!patch.empty())
            PlanContext::addMergePatch(plan, api.workspaceTemplate, name, patch,
                                       on ? "turn on network isolation of the workspace"
                                          : "turn off network isolation of the workspace");
    }
    if (!m_context.standalone()) {
        plan.notes.push_back(v4 ? "KubeSphere 4.x: the network extension (InstallPlan \"network\") enforces isolation; "
                                  "without it installed nothing does"
                                : "KubeSphere 3.x: ks-controller-manager writes NetworkPolicy nsnp-network-isolate in each "
                                  "project, only when network.enableNetworkPolicy is on in kubesphere-config; turning "
                                  "workspace isolation on or off deletes the projects' NamespaceNetworkPolicies");
        return {};
    }
    auto ws = m_context.fetch(api.workspace, "", name);
    if (!ws)
        return ws.error();
    if (*ws) {
        json patch = json::object();
        if (v4) {
            if (rewrite || on != (annotationAt(**ws, {"metadata", "annotations"}) == kNetworkIsolateEnabled))
                patch["metadata"]["annotations"][kNetworkIsolateAnnotation] = on ? kNetworkIsolateEnabled : kNetworkIsolateDisabled;
        } else if (rewrite || WorkspaceView(**ws).networkIsolationField().value_or(false) != on) {
            patch["spec"]["networkIsolation"] = on;
        }
        if (!patch.empty())
            PlanContext::addMergePatch(plan, api.workspace, name, patch, "Workspace " + std::string(kControllerReason), true);
    }
    auto projects = m_context.projectsOf(name);
    if (!projects)
        return projects.error();
    for (const auto &p : *projects) {
        auto ns = m_context.fetch(TenancyApi::namespaces, "", p);
        if (!ns)
            return ns.error();
        if (*ns)
            if (auto r = addProjectPolicy(plan, **ns, on, options); !r)
                return r;
    }
    plan.notes.push_back("standalone mode: Tenantry writes the NetworkPolicies KubeSphere's controller would; a network "
                         "plugin that enforces NetworkPolicy (Calico, Cilium, ...) must run for them to take effect");
    return {};
}

Result<void> NetworkPlans::addProjectIsolation(Plan &plan, const std::string &name, bool on,
                                               const IsolationOptions &options) const
{
    auto ns = m_context.require(TenancyApi::namespaces, "", name, "project \"" + name + "\"", "project");
    if (!ns)
        return ns.error();
    json after = *ns;
    const ObjectMeta meta(*ns);
    const std::string ws = meta.label(kWorkspaceLabel);
    const bool present = hasAnnotationAt(*ns, {"metadata", "annotations"});
    const bool current = meta.annotation(kNetworkIsolateAnnotation) == kNetworkIsolateEnabled;
    if (on && !current) {
        PlanContext::addMergePatch(plan, TenancyApi::namespaces, name,
                                   {{"metadata", {{"annotations", {{kNetworkIsolateAnnotation, kNetworkIsolateEnabled}}}}}},
                                   "turn on network isolation of the project");
        after["metadata"]["annotations"][kNetworkIsolateAnnotation] = kNetworkIsolateEnabled;
    } else if (!on && present) {
        PlanContext::addMergePatch(plan, TenancyApi::namespaces, name,
                                   {{"metadata", {{"annotations", {{kNetworkIsolateAnnotation, nullptr}}}}}},
                                   "turn off network isolation of the project");
        after["metadata"]["annotations"].erase(kNetworkIsolateAnnotation);
    }
    auto wsIsolated = readWorkspaceIsolated(ws);
    if (!wsIsolated)
        return wsIsolated.error();
    if (!on && *wsIsolated)
        plan.notes.push_back("workspace " + ws + " is isolated: project " + name
                             + " still admits traffic only from the workspace's projects");
    if (!m_context.standalone()) {
        if (m_context.api().flavor == ApiFlavor::V3)
            plan.notes.push_back("KubeSphere 3.x: ks-controller-manager keeps NetworkPolicy nsnp-network-isolate in step "
                                 "(when network.enableNetworkPolicy is on) and deletes the project's "
                                 "NamespaceNetworkPolicies when its isolation changes");
        else
            plan.notes.push_back("KubeSphere 4.x: the network extension enforces project isolation; without it "
                                 "installed nothing does");
        return {};
    }
    return addProjectPolicy(plan, after, std::nullopt, options);
}

Result<Plan> NetworkPlans::setIsolation(IsolationScope scope, const std::string &name, bool on,
                                        const IsolationOptions &options) const
{
    const bool workspace = scope == IsolationScope::Workspace;
    const std::string what = (workspace ? "workspace " : "project ") + name;
    std::vector<PlanContext::Check> checks;
    checks.push_back(m_context.exists(workspace ? PlanTarget::Workspace : PlanTarget::Project, name));
    if (!workspace)
        checks.push_back([this, name]() -> Result<void> {
            auto ns = m_context.fetch(TenancyApi::namespaces, "", name);
            if (!ns)
                return ns.error();
            if (*ns && ObjectMeta(**ns).label(kWorkspaceLabel).empty())
                return PlanContext::invalid("project \"" + name
                                                + "\" is in no workspace: KubeSphere isolates only the projects of a "
                                                  "workspace (move it into one first)",
                                            "project");
            return {};
        });
    if (options.allowedIngressNamespaces)
        checks.push_back([&options]() -> Result<void> {
            for (const auto &ns : *options.allowedIngressNamespaces)
                if (auto r = validateDnsLabel(ns, "allowed ingress namespace"); !r)
                    return r;
            return {};
        });
    return PlanContext::compose((on ? "isolate network of " : "end network isolation of ") + what, checks,
                                [&](Plan &plan) -> Result<void> {
                                    auto r = workspace ? addWorkspaceIsolation(plan, name, on, options)
                                                       : addProjectIsolation(plan, name, on, options);
                                    if (!r)
                                        return r;
                                    if (plan.writes.empty())
                                        plan.notes.insert(plan.notes.begin(), what + " is already "
                                                                                  + (on ? "isolated" : "not isolated")
                                                                                  + ": nothing to change");
                                    return {};
                                });
}

Result<Plan> NetworkPlans::savePolicy(const json &policy, bool create) const
{
    const ObjectMeta meta(policy);
    const std::string ns = meta.namespaceName(), name = meta.name();
    std::vector<PlanContext::Check> checks = {
        [&]() -> Result<void> {
            const auto issues = net::validateNetworkPolicy(policy);
            if (!issues.empty())
                return PlanContext::invalid(net::describe(issues), issues.front().field);
            return {};
        },
        [&]() -> Result<void> {
            auto project = m_context.require(TenancyApi::namespaces, "", ns, "project \"" + ns + "\"", "metadata.namespace");
            if (!project)
                return project.error();
            auto existing = m_context.fetch(TenancyApi::networkPolicy, ns, name);
            if (!existing)
                return existing.error();
            if (create && *existing)
                return PlanContext::invalid("network policy \"" + name + "\" already exists in project \"" + ns + "\"",
                                            "metadata.name");
            if (!create && !*existing)
                return PlanContext::invalid("network policy \"" + name + "\" does not exist in project \"" + ns + "\"",
                                            "metadata.name");
            return {};
        }};
    return PlanContext::compose((create ? "create network policy " : "edit network policy ") + ns + "/" + name, checks,
                                [&](Plan &plan) -> Result<void> {
                                    // Whatever the caller kept (unknown fields, annotations) is
                                    // written back; what the server manages is not. A given
                                    // resourceVersion stays, so a concurrent change is refused.
                                    const std::string rv = meta.resourceVersion();
                                    json object = withoutServerFields(policy);
                                    object["apiVersion"] = TenancyApi::networkPolicy.apiVersion();
                                    object["kind"] = "NetworkPolicy";
                                    if (!create && !rv.empty())
                                        object["metadata"]["resourceVersion"] = rv;
                                    PlanContext::addApply(plan, TenancyApi::networkPolicy, object, "the network policy");
                                    return {};
                                });
}

Result<Plan> NetworkPlans::removePolicy(const std::string &ns, const std::string &name) const
{
    const std::vector<PlanContext::Check> checks = {
        [&]() -> Result<void> {
            if (name == kIsolationPolicyName)
                return PlanContext::invalid(std::string(kIsolationPolicyName)
                                                + " is the project's network isolation policy: turn isolation off "
                                                  "instead (Tenantry or KubeSphere would write it again)",
                                            "name");
            if (!m_context.standalone() && name.rfind(net::kReservedPolicyPrefix, 0) == 0)
                return PlanContext::invalid("\"" + name
                                                + "\" is generated by KubeSphere from NamespaceNetworkPolicy \""
                                                + name.substr(5) + "\": delete that instead (KubeSphere would write it again)",
                                            "name");
            auto existing = m_context.fetch(TenancyApi::networkPolicy, ns, name);
            if (!existing)
                return existing.error();
            if (!*existing)
                return PlanContext::invalid("network policy \"" + name + "\" does not exist in project \"" + ns + "\"",
                                            "name");
            return {};
        }};
    return PlanContext::compose("delete network policy " + ns + "/" + name, checks, [&](Plan &plan) -> Result<void> {
        PlanContext::addDelete(plan, TenancyApi::networkPolicy, ns, name, "the network policy");
        return {};
    });
}

} // namespace kube::tenancy
