// NodeDetails::build: a handful of snapshot queries for one node. Each query costs the size
// of its answer (the graph's indexes), so this runs on the GUI thread per selection/update.
#include "models/nodedetails.h"

#include "models/clustersession.h"
#include "models/networkisolation.h"

#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/kubesphere/objectviews.h"
#include "kubeclient/core/yamlconvert.h"
#include "kubeclient/tenancy/graph/quotabudget.h"
#include "kubeclient/tenancy/plan/quotaplans.h"

#include <QCoreApplication>

using namespace kube::tenancy;

namespace {

QString qs(const std::string &s) { return QString::fromStdString(s); }
QString joined(const std::vector<std::string> &items)
{
    QStringList out;
    for (const auto &i : items)
        out << qs(i);
    return out.join(QStringLiteral(", "));
}

void addField(NodeDetails &d, const QString &label, const QString &value)
{
    d.overview.append({label, value});
}

void addMeta(NodeDetails &d, const GraphObject &object)
{
    if (!object)
        return;
    ObjectView v(*object);
    for (const auto &[k, val] : v.labels())
        d.labels.push_back({qs(k), qs(val)});
    for (const auto &[k, val] : v.annotations())
        d.annotations.push_back({qs(k), qs(val)});
    d.yaml = NodeDetails::yamlOf(object->toJson());
    d.tabs |= NodeDetails::YamlTab;
}

std::vector<MemberRow> memberRows(const std::vector<MemberInfo> &members)
{
    std::vector<MemberRow> rows;
    rows.reserve(members.size());
    for (const auto &m : members) {
        MemberRow r;
        r.subjectKind = qs(m.subject.kind);
        r.subject = qs(m.subject.userName());
        r.role = qs(m.roleRef.name);
        r.binding = qs(m.binding);
        r.since = qs(m.since);
        r.roleMissing = !m.roleExists;
        if (m.managerBinding)
            r.note = NodeDetails::tr("workspace manager");
        else if (m.creatorBinding)
            r.note = NodeDetails::tr("project creator");
        if (!m.roleExists)
            r.note = r.note.isEmpty() ? NodeDetails::tr("role missing") : r.note + QStringLiteral(", ") + NodeDetails::tr("role missing");
        rows.push_back(std::move(r));
    }
    return rows;
}

RoleRow roleRow(const RoleInfo &r)
{
    RoleRow row;
    row.name = qs(r.name);
    row.alias = qs(r.alias);
    row.description = qs(r.description);
    row.builtIn = r.builtIn;
    row.rules = static_cast<int>(r.ruleCount);
    row.bindings = static_cast<int>(r.bindingCount);
    row.created = qs(r.created);
    for (const auto &t : r.templates)
        row.templates << (t.found ? qs(t.name) : qs(t.name) + QStringLiteral(" (missing)"));
    if (r.object)
        row.rulesJson = qs(RoleView(*r.object).rules().dump());
    else
        row.rulesJson = QStringLiteral("[]");
    return row;
}

std::vector<RoleRow> roleRows(const std::vector<RoleInfo> &roles)
{
    std::vector<RoleRow> rows;
    rows.reserve(roles.size());
    for (const auto &r : roles)
        rows.push_back(roleRow(r));
    return rows;
}

void addQuotaRows(std::vector<QuotaRow> &rows, const QString &source, const StringMap &hard, const StringMap &used)
{
    for (const auto &[resource, h] : hard) {
        QuotaRow q;
        q.source = source;
        q.resource = qs(resource);
        q.hard = qs(h);
        if (auto it = used.find(resource); it != used.end())
            q.used = qs(it->second);
        q.ratio = QuotaTableModel::ratioOf(q.used.toStdString(), h);
        rows.push_back(std::move(q));
    }
}

// --- Quotas: the workspace budget check (kubeclient's), shown per resource ---

// A workspace: its quota next to the sums over its projects, flagged over budget / over-used.
// Usage is the controller's status.total when it wrote one, else the projects' sum.
void addWorkspaceBudget(NodeDetails &d, const GraphSnapshot &s, const std::string &workspace)
{
    const WorkspaceBudget b = checkBudget(budgetInput(s, workspace, true));
    // The quota the budget read: the one named after the workspace, else the first (budgetInput's rule).
    std::string quotaName;
    for (const auto &q : s.workspaceQuotas(workspace))
        if (quotaName.empty() || q.name == workspace)
            quotaName = q.name;
    for (const auto &l : b.lines) {
        QuotaRow q;
        q.source = b.hasWorkspaceQuota && l.workspaceHard ? qs(quotaName) : NodeDetails::tr("(projects only)");
        q.resource = qs(l.resource);
        if (l.workspaceHard)
            q.hard = qs(l.workspaceHard->toString());
        if (l.workspaceUsed)
            q.used = qs(l.workspaceUsed->toString());
        q.ratio = l.workspaceHard && l.workspaceUsed ? QuotaTableModel::ratioOf(l.workspaceUsed->toString(), l.workspaceHard->toString()) : -1;
        q.projectsUsed = qs(l.projectsUsed.toString());
        q.projectsHard = l.projectHards.empty() ? NodeDetails::tr("none") : qs(l.projectsHard.toString());
        if (l.unlimitedProjects && !l.projectHards.empty())
            q.projectsHard += NodeDetails::tr(" (+%1 unlimited)").arg(l.unlimitedProjects);
        q.allotted = l.workspaceHard && !l.projectHards.empty()
            ? QuotaTableModel::ratioOf(l.projectsHard.toString(), l.workspaceHard->toString())
            : -1;
        q.overUsed = l.overUsed;
        q.overBudget = l.overBudget;
        QStringList tips;
        if (l.overBudget)
            for (const auto &w : b.budgetWarnings())
                if (w.find("' " + l.resource + " quotas") != std::string::npos)
                    tips << qs(w);
        if (l.overUsed)
            tips << NodeDetails::tr("used %1 > hard %2").arg(q.used, q.hard);
        q.flagsTip = tips.join(QLatin1Char('\n'));
        d.quotas.push_back(std::move(q));
    }
    if (b.hasWorkspaceQuota)
        d.quotaNotes << (b.usageFromProjects
                             ? NodeDetails::tr("Used: the sum over the projects' quotas (KubeSphere's quota controller, "
                                               "which writes the workspace quota's status.total, does not run here).")
                             : NodeDetails::tr("Used: status.total of the workspace quota, written by KubeSphere's quota "
                                               "controller."));
    for (const auto &w : b.budgetWarnings())
        d.quotaWarnings << qs(w);
    for (const auto &w : b.overUseWarnings())
        d.quotaWarnings << qs(w);
}

// A project: its quotas flagged over-used, and the workspace budget's resources it shares.
void addProjectBudget(NodeDetails &d, const GraphSnapshot &s, const std::string &project, const std::string &workspace)
{
    std::optional<WorkspaceBudget> b;
    if (!workspace.empty())
        b = checkBudget(budgetInput(s, workspace, true));
    for (auto &q : d.quotas) {
        const std::string resource = q.resource.toStdString();
        if (auto used = kube::Quantity::parse(q.used.toStdString()), hard = kube::Quantity::parse(q.hard.toStdString());
            used && hard && *used > *hard) {
            q.overUsed = true;
            q.flagsTip = NodeDetails::tr("used %1 > hard %2").arg(q.used, q.hard);
        }
        if (b && b->line(resource) && b->line(resource)->overBudget) {
            q.overBudget = true;
            const auto *l = b->line(resource);
            q.flagsTip += (q.flagsTip.isEmpty() ? QString() : QStringLiteral("\n"))
                + NodeDetails::tr("the projects of workspace %1 hold %2 of its %3")
                      .arg(qs(workspace), qs(l->projectsHard.toString()), qs(l->workspaceHard->toString()));
        }
    }
    if (!b || !b->hasWorkspaceQuota)
        return;
    QStringList shares;
    for (const auto &l : b->lines)
        if (l.workspaceHard)
            shares << NodeDetails::tr("%1: projects hold %2 of %3").arg(qs(l.resource), qs(l.projectsHard.toString()),
                                                                      qs(l.workspaceHard->toString()));
    d.quotaNotes << NodeDetails::tr("Workspace %1 quota — %2.").arg(qs(workspace), shares.join(QStringLiteral("; ")));
    for (const auto &w : b->budgetWarnings())
        d.quotaWarnings << qs(w);
    (void)project;
}

NetworkPolicyRow policyRow(const char *kind, const kube::FrozenJson &object)
{
    NetworkPolicyView v(object);
    NetworkPolicyRow r;
    r.kind = QString::fromLatin1(kind);
    r.name = qs(v.name());
    r.types = joined(v.policyTypes());
    r.ingressRules = static_cast<int>(v.ingressRuleCount());
    r.egressRules = static_cast<int>(v.egressRuleCount());
    if (v.isIsolationPolicy())
        r.note = ObjectView(object).label(kGeneratedByLabel).empty() ? NodeDetails::tr("network isolation (generated; use the switch)")
                                                                      : NodeDetails::tr("network isolation (written by Tenantry; use the switch)");
    else if (v.generatedFromNsnp())
        r.note = NodeDetails::tr("generated from a NamespaceNetworkPolicy");
    // Only a user's own NetworkPolicy is edited here: "nsnp-" ones belong to the isolation switch
    // or KubeSphere's controller, NamespaceNetworkPolicies to KubeSphere's own API.
    r.editable = r.kind == QLatin1String("NetworkPolicy") && !v.isIsolationPolicy() && !v.generatedFromNsnp();
    return r;
}

QString countText(const GraphSnapshot &s, GraphKind kind)
{
    return s.fed(kind) ? QString::number(s.count(kind)) : NodeDetails::tr("unknown (no access)");
}

void buildWorkspace(NodeDetails &d, const GraphSnapshot &s)
{
    const auto ws = s.workspace(d.name.toStdString());
    if (!ws) {
        d.exists = false;
        return;
    }
    d.title = NodeDetails::tr("Workspace %1").arg(d.name);
    addField(d, NodeDetails::tr("Kind"), ws->hasTemplate ? NodeDetails::tr("Workspace (WorkspaceTemplate)") : NodeDetails::tr("Workspace"));
    addField(d, NodeDetails::tr("Name"), d.name);
    addField(d, NodeDetails::tr("Alias"), qs(ws->alias));
    addField(d, NodeDetails::tr("Description"), qs(ws->description));
    addField(d, NodeDetails::tr("Manager"), qs(ws->manager));
    QString placement = joined(ws->placement.resolved.empty() ? ws->placement.clusters : ws->placement.resolved);
    if (ws->placement.hasSelector)
        placement += (placement.isEmpty() ? QString() : QStringLiteral(" ")) + NodeDetails::tr("(by cluster selector)");
    addField(d, NodeDetails::tr("Placement"), placement.isEmpty() ? NodeDetails::tr("no cluster") : placement);
    addField(d, NodeDetails::tr("Projects"), QString::number(ws->projectCount));
    addField(d, NodeDetails::tr("Created"), qs(ws->created));
    addField(d, NodeDetails::tr("Creator"), qs(ws->creator));
    addField(d, NodeDetails::tr("Deletion propagation"),
             qs(ws->deletionPropagation) + (ws->deletionPropagationSet ? QString() : NodeDetails::tr(" (default)")));
    if (ws->deleting)
        addField(d, NodeDetails::tr("State"), NodeDetails::tr("being deleted"));
    addMeta(d, ws->templateObject ? ws->templateObject : ws->workspaceObject);

    d.tabs |= NodeDetails::MembersTab | NodeDetails::RolesTab | NodeDetails::QuotasTab | NodeDetails::NetworkTab |
              NodeDetails::PermissionsTab | NodeDetails::DashboardTab;
    d.members = memberRows(s.workspaceMembers(ws->name));
    d.membersTitle = NodeDetails::tr("Members of workspace %1").arg(d.name);
    d.roles = roleRows(s.workspaceRoles(ws->name));
    d.rolesTitle = NodeDetails::tr("Workspace roles of %1").arg(d.name);
    addWorkspaceBudget(d, s, ws->name);
    const auto iso = s.workspaceIsolation(ws->name);
    d.isolationKnown = true;
    d.isolationSwitch = true;
    d.isolationEnabled = iso.enabled;
    d.isolationText = iso.enabled ? NodeDetails::tr("on") : NodeDetails::tr("off");
    if (iso.source == IsolationInfo::Source::Annotation)
        d.isolationText += NodeDetails::tr(" (annotation %1)").arg(QString::fromLatin1(kNetworkIsolateAnnotation));
    else if (iso.source == IsolationInfo::Source::SpecField)
        d.isolationText += NodeDetails::tr(" (spec.networkIsolation)");
}

void buildProject(NodeDetails &d, const GraphSnapshot &s)
{
    const auto p = s.project(d.name.toStdString());
    if (!p) {
        d.exists = false;
        return;
    }
    d.title = NodeDetails::tr("Project %1").arg(d.name);
    addField(d, NodeDetails::tr("Kind"), p->workspace.empty() ? NodeDetails::tr("Namespace") : NodeDetails::tr("Project (Namespace)"));
    addField(d, NodeDetails::tr("Name"), d.name);
    QString workspace = qs(p->workspace);
    if (p->workspace.empty())
        workspace = NodeDetails::tr("none");
    else if (!s.fed(GraphKind::WorkspaceTemplate) && !s.fed(GraphKind::Workspace))
        workspace += NodeDetails::tr(" (this identity may not read workspaces)");
    else if (!p->workspaceExists)
        workspace += NodeDetails::tr(" (missing)");
    addField(d, NodeDetails::tr("Workspace"), workspace);
    addField(d, NodeDetails::tr("Alias"), qs(p->alias));
    addField(d, NodeDetails::tr("Description"), qs(p->description));
    addField(d, NodeDetails::tr("Phase"), qs(p->phase));
    addField(d, NodeDetails::tr("Created"), qs(p->created));
    addField(d, NodeDetails::tr("Creator"), qs(p->creator));
    addField(d, NodeDetails::tr("Managed by KubeSphere"), p->managed ? NodeDetails::tr("yes") : NodeDetails::tr("no"));
    if (p->object && ObjectView(*p->object).annotation("tenantry.dev/reachable-only") == "true")
        addField(d, NodeDetails::tr("Known from"), NodeDetails::tr("a rules review or a pin (this identity may not read namespaces)"));
    addMeta(d, p->object);

    d.tabs |= NodeDetails::MembersTab | NodeDetails::RolesTab | NodeDetails::QuotasTab | NodeDetails::NetworkTab |
              NodeDetails::PermissionsTab;
    d.members = memberRows(s.projectMembers(p->name));
    d.membersTitle = NodeDetails::tr("Members of project %1").arg(d.name);
    d.roles = roleRows(s.projectRoles(p->name));
    d.rolesTitle = NodeDetails::tr("Project roles of %1").arg(d.name);
    const auto quota = s.projectQuota(p->name);
    for (const auto &q : quota.quotas)
        addQuotaRows(d.quotas, qs(q.name), q.hard, q.used);
    addProjectBudget(d, s, p->name, p->workspace);
    if (quota.containerDefaults) {
        const auto &c = *quota.containerDefaults;
        for (const auto &[r, v] : c.requests)
            d.containerDefaults.append({NodeDetails::tr("default request %1").arg(qs(r)), qs(v)});
        for (const auto &[r, v] : c.limits)
            d.containerDefaults.append({NodeDetails::tr("default limit %1").arg(qs(r)), qs(v)});
        for (const auto &[r, v] : c.max)
            d.containerDefaults.append({NodeDetails::tr("max %1").arg(qs(r)), qs(v)});
        for (const auto &[r, v] : c.min)
            d.containerDefaults.append({NodeDetails::tr("min %1").arg(qs(r)), qs(v)});
    }
    const auto iso = s.projectIsolation(p->name);
    d.isolationKnown = true;
    d.isolationSwitch = !p->workspace.empty();  // KubeSphere isolates projects of a workspace only
    d.projectIsolated = iso.enabled;
    d.isolationEnabled = iso.effective;
    if (iso.enabled)
        d.isolationText = NodeDetails::tr("on (project)");
    else if (iso.workspaceIsolated)
        d.isolationText = NodeDetails::tr("on (inherited from the workspace)");
    else
        d.isolationText = NodeDetails::tr("off");
    if (iso.effective && !iso.isolationPolicyPresent)
        d.isolationText += NodeDetails::tr("; the isolation NetworkPolicy %1 is missing").arg(QString::fromLatin1(kIsolationPolicyName));
    for (const auto &np : s.objectsInNamespace(GraphKind::NetworkPolicy, p->name))
        d.policies.push_back(policyRow("NetworkPolicy", *np));
    for (const auto &np : s.objectsInNamespace(GraphKind::NamespaceNetworkPolicy, p->name))
        d.policies.push_back(policyRow("NamespaceNetworkPolicy", *np));
}

void buildUser(NodeDetails &d, const GraphSnapshot &s)
{
    const auto u = s.user(d.name.toStdString());
    if (!u) {
        d.exists = false;
        return;
    }
    d.title = NodeDetails::tr("User %1").arg(d.name);
    addField(d, NodeDetails::tr("Kind"), NodeDetails::tr("User"));
    addField(d, NodeDetails::tr("Name"), d.name);
    addField(d, NodeDetails::tr("Display name"), qs(u->displayName));
    addField(d, NodeDetails::tr("E-mail"), qs(u->email));
    QString state = u->state.empty() ? NodeDetails::tr("not yet set (no controller has seen it)") : qs(u->state);
    if (!u->reason.empty())
        state += QStringLiteral(" (%1)").arg(qs(u->reason));
    addField(d, NodeDetails::tr("State"), state);
    addField(d, NodeDetails::tr("Platform role"), u->platformRole.empty() ? NodeDetails::tr("none") : qs(u->platformRole));
    addField(d, NodeDetails::tr("Groups"), joined(u->groups));
    addField(d, NodeDetails::tr("Description"), qs(u->description));
    addField(d, NodeDetails::tr("Language"), qs(u->lang));
    addField(d, NodeDetails::tr("Last login"), qs(u->lastLoginTime));
    addField(d, NodeDetails::tr("Created"), qs(u->created));
    if (u->object)
        addField(d, NodeDetails::tr("Creator"), qs(ObjectView(*u->object).creator()));
    addMeta(d, u->object);

    d.tabs |= NodeDetails::BindingsTab | NodeDetails::PermissionsTab;
    const auto b = s.userBindings(u->name);
    auto add = [&](const std::vector<BindingInfo> &list) {
        for (const auto &info : list) {
            BindingRow r;
            r.level = QString::fromLatin1(toString(info.level));
            r.scope = qs(info.scope);
            r.role = qs(info.roleRef.name);
            r.binding = qs(info.name);
            r.since = qs(info.since);
            r.roleMissing = !info.roleExists;
            if (info.match == BindingMatch::Group)
                r.via = NodeDetails::tr("group %1").arg(qs(info.viaGroup));
            else if (info.match == BindingMatch::UserRefLabel)
                r.via = NodeDetails::tr("user-ref label only");
            d.bindings.push_back(std::move(r));
        }
    };
    add(b.platform);
    add(b.cluster);
    add(b.workspace);
    add(b.project);
}

void buildRole(NodeDetails &d, const GraphSnapshot &s, RoleLevel level)
{
    const auto r = s.role(level, {}, d.name.toStdString());
    if (!r) {
        d.exists = false;
        return;
    }
    d.title = (level == RoleLevel::Platform ? NodeDetails::tr("Platform role %1") : NodeDetails::tr("Cluster role %1")).arg(d.name);
    addField(d, NodeDetails::tr("Kind"), level == RoleLevel::Platform ? NodeDetails::tr("GlobalRole") : NodeDetails::tr("ClusterRole"));
    addField(d, NodeDetails::tr("Name"), d.name);
    addField(d, NodeDetails::tr("Alias"), qs(r->alias));
    addField(d, NodeDetails::tr("Description"), qs(r->description));
    addField(d, NodeDetails::tr("Type"), r->builtIn ? NodeDetails::tr("built-in") : NodeDetails::tr("custom"));
    addField(d, NodeDetails::tr("Rules"), QString::number(r->ruleCount));
    addField(d, NodeDetails::tr("Bindings"), QString::number(r->bindingCount));
    QStringList templates;
    for (const auto &t : r->templates)
        templates << qs(t.name);
    addField(d, NodeDetails::tr("Templates"), templates.join(QStringLiteral(", ")));
    addField(d, NodeDetails::tr("Created"), qs(r->created));
    addField(d, NodeDetails::tr("Creator"), qs(r->creator));
    addMeta(d, r->object);
    d.tabs |= NodeDetails::RolesTab | NodeDetails::MembersTab;
    d.roles = {roleRow(*r)};
    d.rolesTitle = d.title;
    d.members = memberRows(s.membersOfRole(level, {}, r->name));
    d.membersTitle = NodeDetails::tr("Bound to %1").arg(d.name);
}

} // namespace

QString NodeDetails::yamlOf(const nlohmann::json &object)
{
    nlohmann::json copy = object;
    if (copy.contains("metadata") && copy["metadata"].is_object())
        copy["metadata"].erase("managedFields");
    // A User's spec.password is a bcrypt hash or, before the controller ran, the plain text.
    if (copy.contains("spec") && copy["spec"].is_object() && copy["spec"].contains("password"))
        copy["spec"]["password"] = "<redacted>";
    if (auto *ann = copy.contains("metadata") ? &copy["metadata"] : nullptr; ann && ann->contains("annotations")) {
        auto &a = (*ann)["annotations"];
        if (a.is_object() && a.contains("kubectl.kubernetes.io/last-applied-configuration")
            && a["kubectl.kubernetes.io/last-applied-configuration"].is_string()
            && a["kubectl.kubernetes.io/last-applied-configuration"].get<std::string>().find("password") != std::string::npos)
            a["kubectl.kubernetes.io/last-applied-configuration"] = "<redacted: holds a password>";
    }
    return QString::fromStdString(kube::toYaml(copy));
}

NodeDetails NodeDetails::build(const GraphSnapshot &s, NodeKind kind, const QString &name, const QString &scope)
{
    NodeDetails d;
    d.kind = kind;
    d.name = name;
    d.scope = scope;
    switch (kind) {
    case NodeKind::Workspace: buildWorkspace(d, s); break;
    case NodeKind::Project: buildProject(d, s); break;
    case NodeKind::User: buildUser(d, s); break;
    case NodeKind::PlatformRole: buildRole(d, s, RoleLevel::Platform); break;
    case NodeKind::ClusterRole: buildRole(d, s, RoleLevel::Cluster); break;
    case NodeKind::Cluster:
    case NodeKind::Platform:
        d.title = kind == NodeKind::Cluster ? NodeDetails::tr("Cluster %1").arg(name) : NodeDetails::tr("Platform");
        // Counted, not built: this runs on every live update while a cluster node is selected.
        addField(d, NodeDetails::tr("Workspaces"), s.fed(GraphKind::WorkspaceTemplate) ? countText(s, GraphKind::WorkspaceTemplate)
                                                                          : countText(s, GraphKind::Workspace));
        addField(d, NodeDetails::tr("Projects (namespaces)"), countText(s, GraphKind::Namespace));
        addField(d, NodeDetails::tr("Users"), countText(s, GraphKind::User));
        addField(d, NodeDetails::tr("Platform roles"), countText(s, GraphKind::GlobalRole));
        addField(d, NodeDetails::tr("Cluster roles"), countText(s, GraphKind::ClusterRole));
        addField(d, NodeDetails::tr("Role templates"), countText(s, GraphKind::RoleTemplate));
        d.tabs |= NodeDetails::MembersTab | NodeDetails::PermissionsTab | NodeDetails::DashboardTab;
        d.members = memberRows(s.platformMembers());
        d.membersTitle = NodeDetails::tr("Platform members (platform role bindings)");
        break;
    case NodeKind::Users:
        d.title = NodeDetails::tr("Users");
        addField(d, NodeDetails::tr("Users"), countText(s, GraphKind::User));
        d.tabs |= NodeDetails::MembersTab;
        d.members = memberRows(s.platformMembers());
        d.membersTitle = NodeDetails::tr("Platform roles of users");
        break;
    case NodeKind::PlatformRoles:
        d.title = NodeDetails::tr("Platform roles");
        addField(d, NodeDetails::tr("Platform roles"), countText(s, GraphKind::GlobalRole));
        d.tabs |= NodeDetails::RolesTab | NodeDetails::MembersTab;
        d.roles = roleRows(s.globalRoles());
        d.rolesTitle = d.title;
        d.members = memberRows(s.platformMembers());
        d.membersTitle = NodeDetails::tr("Platform role bindings");
        break;
    case NodeKind::ClusterRoles:
        d.title = NodeDetails::tr("Cluster roles");
        addField(d, NodeDetails::tr("Cluster roles"), countText(s, GraphKind::ClusterRole));
        d.tabs |= NodeDetails::RolesTab | NodeDetails::MembersTab;
        d.roles = roleRows(s.clusterRoles());
        d.rolesTitle = d.title;
        d.members = memberRows(s.clusterMembers());
        d.membersTitle = NodeDetails::tr("Cluster role bindings");
        break;
    case NodeKind::Workspaces:
        d.title = NodeDetails::tr("Workspaces");
        addField(d, NodeDetails::tr("Workspaces"), s.fed(GraphKind::WorkspaceTemplate) ? countText(s, GraphKind::WorkspaceTemplate)
                                                                          : countText(s, GraphKind::Workspace));
        break;
    case NodeKind::OrphanProjects:
        d.title = NodeDetails::tr("Projects without workspace");
        addField(d, NodeDetails::tr("Projects"), QString::number(s.projectsWithoutWorkspace().size()));
        break;
    case NodeKind::NothingReachable:
        d.title = NodeDetails::tr("No project reachable");
        addField(d, NodeDetails::tr("Why"), NodeDetails::tr("This identity may not list namespaces, and neither a rules review nor a pinned "
                                  "namespace names one it can use."));
        addField(d, NodeDetails::tr("What to do"), NodeDetails::tr("Pin the namespaces you work in (Enter on this row, or File → Pin namespaces…), "
                                         "or ask an administrator for a role in a project."));
        break;
    case NodeKind::ReachableProjects:
        d.title = NodeDetails::tr("Reachable projects");
        addField(d, NodeDetails::tr("Why"), NodeDetails::tr("This identity may not list namespaces. These are the namespaces a rules review "
                                  "found access to, or that are pinned for this connection."));
        break;
    }
    if (!d.exists) {
        d.title = NodeDetails::tr("%1 (deleted)").arg(name);
        d.tabs = OverviewTab;
        d.overview = {{NodeDetails::tr("Name"), name}, {NodeDetails::tr("State"), NodeDetails::tr("no longer exists on the cluster")}};
    }
    return d;
}

NodeDetails NodeDetails::build(const ClusterSession &session, NodeKind kind, const QString &name, const QString &scope)
{
    NodeDetails d = build(session.snapshot(), kind, name, scope);
    if (d.isolationSwitch)
        d.isolationExplanation = NetworkIsolation::explanation(session.tenancy(), kind == NodeKind::Workspace);
    if (kind == NodeKind::Cluster)
        d.addConnection(session.spec(), session.status());
    // What enforces a workspace quota depends on the mode, which only the session knows.
    if (kind == NodeKind::Workspace && session.tenancy().mode == kube::tenancy::Mode::Standalone
        && !session.snapshot().workspaceQuotas(name.toStdString()).empty())
        d.quotaNotes << QString::fromLatin1(kube::tenancy::QuotaPlans::kUnenforcedNote);
    return d;
}

void NodeDetails::addConnection(const ConnectionSpec &spec, const SessionStatus &st)
{
    QList<QPair<QString, QString>> head{
        {NodeDetails::tr("Context"), spec.context.isEmpty() ? NodeDetails::tr("(current context)") : spec.context},
        {NodeDetails::tr("Kubeconfig"), spec.kubeconfig.isEmpty() ? NodeDetails::tr("$KUBECONFIG or ~/.kube/config") : spec.kubeconfig},
        {NodeDetails::tr("Server"), st.server},
        {NodeDetails::tr("State"), SessionStatus::toString(st.state) + (st.cached ? NodeDetails::tr(" (showing the local cache of %1)").arg(st.cachedAt) : st.stale ? NodeDetails::tr(" (showing the last known state)") : QString())
                          + (st.message.isEmpty() ? QString() : QStringLiteral(": ") + st.message)},
        {NodeDetails::tr("Identity"), st.identity + (st.groups.isEmpty() ? QString() : NodeDetails::tr(" (groups: %1)").arg(st.groups.join(QStringLiteral(", "))))},
        {NodeDetails::tr("Mode"), st.mode.isEmpty() ? QString() : st.mode + QStringLiteral(" — ") + st.modeReason},
        {NodeDetails::tr("Tenancy API"), st.flavor},
        {NodeDetails::tr("KubeSphere version"), st.kubesphereVersion.isEmpty() ? NodeDetails::tr("none detected") : st.kubesphereVersion},
    };
    if (st.limited())
        head.append({NodeDetails::tr("Limited view"), NodeDetails::tr("may not list %1").arg(st.forbiddenKinds.join(QStringLiteral(", ")))});
    if (!st.hint.isEmpty())
        head.append({NodeDetails::tr("What to do"), st.hint});
    if (!st.reachableNamespaces.isEmpty())
        head.append({NodeDetails::tr("Reachable namespaces"), st.reachableNamespaces.join(QStringLiteral(", "))});
    if (!spec.pinnedNamespaces.isEmpty())
        head.append({NodeDetails::tr("Pinned namespaces"), spec.pinnedNamespaces.join(QStringLiteral(", "))});
    overview = head + overview;
}
