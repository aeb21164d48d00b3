// GraphSnapshot queries on roles, role templates, groups, quotas and isolation; like the rest of
// the snapshot's queries they read index ranges, so their cost follows the size of the answer.
#include "kubeclient/tenancy/graph/graphsnapshot.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/tenancy/graph/graphqueryhelpers.h"
#include "kubeclient/tenancy/graph/graphselector.h"
#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/kubesphere/names.h"

#include <algorithm>
#include <map>
#include <set>

namespace kube::tenancy {

using namespace graphquery;

// --- roles ---

bool GraphSnapshot::builtInRole(GraphKind kind, const std::string &scope, const std::string &name,
                                const FrozenJson &role) const
{
    // Blueprints instantiated per workspace / namespace (4.x BuiltinRole, 3.x RoleBase).
    auto fromBlueprint = [&](const char *scopeValue, const char *roleBaseKind) {
        bool hit = false;
        m_state->of(GraphKind::BuiltinRole).forEach([&](std::string_view, const GraphObject &o) {
            const BlueprintView b(*o);
            if (b.scope() == scopeValue) {
                const std::string base = b.roleName();
                hit = kind == GraphKind::WorkspaceRole ? name == workspaceRoleName(scope, base) : name == base;
            }
            return !hit;
        });
        if (hit)
            return true;
        m_state->of(GraphKind::RoleBase).forEach([&](std::string_view, const GraphObject &o) {
            const BlueprintView b(*o);
            if (b.roleKind() == roleBaseKind) {
                const std::string base = b.roleName();
                hit = kind == GraphKind::WorkspaceRole ? name == workspaceRoleName(scope, base) : name == base;
            }
            return !hit;
        });
        return hit;
    };

    switch (kind) {
    case GraphKind::GlobalRole: return among(kBuiltinGlobalRoles, name);
    case GraphKind::ClusterRole:
        // 3.x ClusterRoles are RBAC, so Kubernetes' own defaults sit beside KubeSphere's.
        return among(kBuiltinClusterRoles, name) || name.rfind("system:", 0) == 0
            || ObjectView(role).label("kubernetes.io/bootstrapping") == "rbac-defaults";
    case GraphKind::WorkspaceRole:
        for (const char *r : kBuiltinWorkspaceRoles)
            if (name == workspaceRoleName(scope, r))
                return true;
        return fromBlueprint(kScopeWorkspace, "WorkspaceRole");
    case GraphKind::ProjectRole:
        return among(kBuiltinProjectRoles, name) || fromBlueprint(kScopeNamespace, "Role");
    default: return false;
    }
}

std::vector<TemplateRef> GraphSnapshot::templatesOf(GraphKind kind, const std::string &scope,
                                                    const FrozenJson &role) const
{
    const RoleView v(role);
    std::vector<TemplateRef> out;
    std::map<std::string, std::size_t> at;
    auto add = [&](const std::string &name, GraphKind templateKind, const GraphObject &object) -> TemplateRef & {
        const auto it = at.find(name);
        if (it != at.end())
            return out[it->second];
        at.emplace(name, out.size());
        TemplateRef t;
        t.name = name;
        t.kind = templateKind;
        t.found = object != nullptr;
        t.object = object;
        out.push_back(std::move(t));
        return out.back();
    };

    // 4.x: templateNames, then what roleSelector + the level's scope selects (spec 7.2).
    for (const auto &name : v.templateNames())
        add(name, GraphKind::RoleTemplate, m_state->get(GraphKind::RoleTemplate, name)).listed = true;
    if (const FrozenJson *frozenSelector = v.roleSelector()) {
        const nlohmann::json selectorJson = frozenSelector->toJson();
        const nlohmann::json *selector = &selectorJson;
        forEachInBucket(*m_state, GraphIndex::TemplatesByScope, scopeOf(levelOf(kind)), [&](std::string_view name) {
            GraphObject t = m_state->get(GraphKind::RoleTemplate, name);
            if (t && matchesLabelSelector(*selector, ObjectView(*t).labels()))
                add(std::string(name), GraphKind::RoleTemplate, t).selected = true;
        });
    }
    // 3.x: the aggregation annotation names roles of the same kind; project templates live
    // in the same namespace (spec 7.1).
    for (const auto &name : v.aggregationRolesAnnotation()) {
        const std::string key = kind == GraphKind::ProjectRole ? objectKey(scope, name) : name;
        add(name, kind, m_state->get(kind, key)).listed = true;
    }
    return out;
}

std::size_t GraphSnapshot::bindingCountOf(GraphKind kind, std::string_view key) const
{
    return m_state->index(GraphIndex::BindingsByRole).countWithPrefix(graphkey::join(graphkey::ref(kind, key), ""));
}

RoleInfo GraphSnapshot::makeRole(GraphKind kind, std::string_view key, const GraphObject &object) const
{
    const RoleView v(*object);
    RoleInfo r;
    r.level = levelOf(kind);
    if (kind == GraphKind::WorkspaceRole)
        r.scope = v.workspaceLabel();
    else if (kind == GraphKind::ProjectRole)
        r.scope = v.namespaceName();
    r.name = v.name();
    r.alias = v.alias();
    r.description = v.description();
    r.creator = v.creator();
    r.created = v.creationTimestamp();
    r.isTemplate = v.isTemplate3x();
    r.builtIn = builtInRole(kind, r.scope, r.name, *object);
    r.hasRoleSelector = v.roleSelector() != nullptr;
    r.autoAggregate = v.autoAggregate();
    r.hasRego = !v.regoOverride().empty();
    r.ruleCount = v.ruleCount();
    r.bindingCount = bindingCountOf(kind, key);
    r.templates = templatesOf(kind, r.scope, *object);
    r.kind = kind;
    r.object = object;
    return r;
}

std::vector<RoleInfo> GraphSnapshot::globalRoles() const
{
    std::vector<RoleInfo> out;
    m_state->of(GraphKind::GlobalRole).forEach([&](std::string_view key, const GraphObject &o) {
        out.push_back(makeRole(GraphKind::GlobalRole, key, o));
        return true;
    });
    return out;
}

std::vector<RoleInfo> GraphSnapshot::clusterRoles() const
{
    std::vector<RoleInfo> out;
    m_state->of(GraphKind::ClusterRole).forEach([&](std::string_view key, const GraphObject &o) {
        out.push_back(makeRole(GraphKind::ClusterRole, key, o));
        return true;
    });
    return out;
}

std::vector<RoleInfo> GraphSnapshot::workspaceRoles(const std::string &workspace) const
{
    std::vector<RoleInfo> out;
    forEachInBucket(*m_state, GraphIndex::WorkspaceRolesByWorkspace, workspace, [&](std::string_view name) {
        if (GraphObject o = m_state->get(GraphKind::WorkspaceRole, name))
            out.push_back(makeRole(GraphKind::WorkspaceRole, std::string(name), o));
    });
    return out;
}

std::vector<RoleInfo> GraphSnapshot::projectRoles(const std::string &project) const
{
    std::vector<RoleInfo> out;
    m_state->of(GraphKind::ProjectRole)
        .forEachWithPrefix(namespacePrefix(project), [&](std::string_view key, const GraphObject &o) {
            out.push_back(makeRole(GraphKind::ProjectRole, key, o));
            return true;
        });
    return out;
}

std::optional<RoleInfo> GraphSnapshot::role(RoleLevel level, const std::string &scope, const std::string &name) const
{
    const GraphKind kind = roleKindOf(level);
    const std::string key = level == RoleLevel::Project ? objectKey(scope, name) : name;
    GraphObject o = m_state->get(kind, key);
    if (!o)
        return std::nullopt;
    return makeRole(kind, key, o);
}

std::vector<RoleTemplateInfo> GraphSnapshot::roleTemplates(RoleLevel level, const std::string &scope) const
{
    std::vector<RoleTemplateInfo> out;
    forEachInBucket(*m_state, GraphIndex::TemplatesByScope, scopeOf(level), [&](std::string_view name) {
        GraphObject o = m_state->get(GraphKind::RoleTemplate, name);
        if (!o)
            return;
        const RoleTemplateView v(*o);
        RoleTemplateInfo t;
        t.name = v.name();
        t.displayName = v.displayName();
        t.description = v.descriptionText();
        t.category = v.category();
        t.ruleCount = v.rules().size();
        t.hidden = v.hidden();
        t.basic = v.basic();
        t.aggregateTo = v.aggregateTo();
        t.dependencies = parseDependencies(v.annotation(kDependenciesAnnotation));
        t.kind = GraphKind::RoleTemplate;
        t.object = o;
        out.push_back(std::move(t));
    });

    const GraphKind kind = roleKindOf(level);
    auto add3x = [&](std::string_view, const GraphObject &o) {
        const RoleView v(*o);
        if (!v.isTemplate3x())
            return true;
        RoleTemplateInfo t;
        t.name = v.name();
        t.displayName = v.alias();
        t.description = v.description();
        t.category = v.annotation("iam.kubesphere.io/module");
        t.ruleCount = v.ruleCount();
        t.dependencies = parseDependencies(v.annotation(kDependenciesAnnotation));
        t.kind = kind;
        t.object = o;
        out.push_back(std::move(t));
        return true;
    };
    if (level == RoleLevel::Project)
        m_state->of(kind).forEachWithPrefix(namespacePrefix(scope), add3x);
    else
        m_state->of(kind).forEach(add3x);
    return out;
}

// --- groups ---

std::vector<GroupInfo> GraphSnapshot::groups(const std::string &workspace) const
{
    std::vector<GroupInfo> out;
    forEachInBucket(*m_state, GraphIndex::GroupsByWorkspace, workspace, [&](std::string_view name) {
        GraphObject o = m_state->get(GraphKind::Group, name);
        if (!o)
            return;
        const GroupView v(*o);
        GroupInfo g;
        g.name = v.name();
        g.displayName = v.displayName();
        g.workspace = v.workspaceLabel();
        g.parent = v.parent();
        std::set<std::string> users;
        forEachInBucket(*m_state, GraphIndex::GroupBindingsByGroup, g.name, [&](std::string_view gb) {
            if (GraphObject b = m_state->get(GraphKind::GroupBinding, gb))
                for (auto &u : GroupBindingView(*b).users())
                    users.insert(std::move(u));
        });
        g.users.assign(users.begin(), users.end());
        g.object = o;
        out.push_back(std::move(g));
    });
    return out;
}

// --- quotas and isolation ---

std::vector<WorkspaceQuotaInfo> GraphSnapshot::workspaceQuotas(const std::string &workspace) const
{
    std::vector<WorkspaceQuotaInfo> out;
    forEachInBucket(*m_state, GraphIndex::QuotasByWorkspace, workspace, [&](std::string_view name) {
        GraphObject o = m_state->get(GraphKind::WorkspaceQuota, name);
        if (!o)
            return;
        const WorkspaceQuotaView v(*o);
        out.push_back(WorkspaceQuotaInfo{v.name(), v.hard(), v.used(), v.namespaces(), o});
    });
    return out;
}

ProjectQuotaInfo GraphSnapshot::projectQuota(const std::string &project) const
{
    ProjectQuotaInfo q;
    for (const auto &o : objectsInNamespace(GraphKind::ResourceQuota, project)) {
        const ResourceQuotaView v(*o);
        q.quotas.push_back(QuotaInfo{v.name(), v.hard(), v.used(), o});
    }
    q.limitRanges = objectsInNamespace(GraphKind::LimitRange, project);
    // The console reads the first LimitRange; the first with a Container item is the closest
    // faithful reading when there are several.
    for (const auto &o : q.limitRanges) {
        const LimitRangeView v(*o);
        if (auto item = v.container()) {
            q.containerDefaults = ContainerDefaults{v.name(), std::move(item->defaultLimits),
                                                    std::move(item->defaultRequest), std::move(item->max),
                                                    std::move(item->min)};
            break;
        }
    }
    return q;
}

IsolationInfo GraphSnapshot::workspaceIsolation(const std::string &workspace) const
{
    IsolationInfo iso;
    const GraphObject tmpl = m_state->get(GraphKind::WorkspaceTemplate, workspace);
    const GraphObject ws = m_state->get(GraphKind::Workspace, workspace);
    for (const GraphObject &o : {tmpl, ws}) {
        if (o && WorkspaceView(*o).isolationAnnotationEnabled()) {
            iso.enabled = true;
            iso.source = IsolationInfo::Source::Annotation;
            break;
        }
    }
    if (!iso.enabled) {
        // 3.x: the template's value is what KubeSphere writes to every Workspace.
        for (const GraphObject &o : {tmpl, ws}) {
            if (!o)
                continue;
            if (const auto field = WorkspaceView(*o).networkIsolationField()) {
                iso.enabled = *field;
                iso.source = *field ? IsolationInfo::Source::SpecField : IsolationInfo::Source::None;
                break;
            }
        }
    }
    if (tmpl)
        iso.clusterOverrides = WorkspaceView(*tmpl).isolationOverrides();
    return iso;
}

ProjectIsolationInfo GraphSnapshot::projectIsolation(const std::string &project) const
{
    ProjectIsolationInfo p;
    GraphObject ns = m_state->get(GraphKind::Namespace, project);
    if (!ns)
        return p;
    const ProjectView v(*ns);
    p.enabled = v.isolationEnabled();
    const std::string ws = v.workspace();
    p.workspaceIsolated = !ws.empty() && workspaceIsolation(ws).enabled;
    p.effective = p.enabled || p.workspaceIsolated;
    for (const auto &o : objectsInNamespace(GraphKind::NetworkPolicy, project)) {
        const NetworkPolicyView np(*o);
        if (np.isIsolationPolicy())
            p.isolationPolicyPresent = true;
        else if (!np.generatedFromNsnp())
            ++p.networkPolicies;
    }
    p.namespaceNetworkPolicies = objectsInNamespace(GraphKind::NamespaceNetworkPolicy, project).size();
    return p;
}

} // namespace kube::tenancy
