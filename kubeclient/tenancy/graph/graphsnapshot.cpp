// GraphSnapshot queries: each one reads a prefix range of an index or of a namespaced object
// map, so its cost follows the size of the answer, not the size of the tenancy.
#include "kubeclient/tenancy/graph/graphsnapshot.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/tenancy/graph/graphdrift.h"
#include "kubeclient/tenancy/graph/graphselector.h"
#include "kubeclient/tenancy/graph/graphstate.h"
#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/kubesphere/names.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace kube::tenancy {

namespace {

// Built-in role names (spec 6.1-6.4), used even when no BuiltinRole/RoleBase is wired.
constexpr std::array<const char *, 9> kBuiltinGlobalRoles = {
    "platform-admin", "platform-regular", "platform-self-provisioner", "authenticated", "anonymous",
    "pre-registration", "ks-console", "users-manager", "workspaces-manager"};
constexpr std::array<const char *, 2> kBuiltinClusterRoles = {"cluster-admin", "cluster-viewer"};
constexpr std::array<const char *, 4> kBuiltinWorkspaceRoles = {"admin", "regular", "self-provisioner", "viewer"};
constexpr std::array<const char *, 3> kBuiltinProjectRoles = {"admin", "operator", "viewer"};

template <std::size_t N>
bool among(const std::array<const char *, N> &names, const std::string &name)
{
    return std::any_of(names.begin(), names.end(), [&](const char *n) { return name == n; });
}

// Members of one bucket of an index, in order.
template <typename F>
void forEachInBucket(const GraphState &state, GraphIndex index, const std::string &bucket, F &&visit)
{
    const std::string prefix = graphkey::join(bucket, "");
    state.index(index).forEachWithPrefix(prefix, [&](std::string_view key, const GraphUnit &) {
        visit(std::string_view(key).substr(prefix.size()));
        return true;
    });
}

std::string namespacePrefix(const std::string &ns) { return ns + "/"; }

GraphKind roleKindOf(RoleLevel level)
{
    switch (level) {
    case RoleLevel::Platform: return GraphKind::GlobalRole;
    case RoleLevel::Cluster: return GraphKind::ClusterRole;
    case RoleLevel::Workspace: return GraphKind::WorkspaceRole;
    case RoleLevel::Project: return GraphKind::ProjectRole;
    }
    return GraphKind::GlobalRole;
}

} // namespace

RoleLevel levelOf(GraphKind kind)
{
    switch (kind) {
    case GraphKind::ClusterRole:
    case GraphKind::ClusterRoleBinding: return RoleLevel::Cluster;
    case GraphKind::WorkspaceRole:
    case GraphKind::WorkspaceRoleBinding: return RoleLevel::Workspace;
    case GraphKind::ProjectRole:
    case GraphKind::ProjectRoleBinding: return RoleLevel::Project;
    default: return RoleLevel::Platform;
    }
}

GraphSnapshot::GraphSnapshot()
    : m_state(std::make_shared<const GraphState>())
{
}

GraphSnapshot::GraphSnapshot(std::shared_ptr<const GraphState> state)
    : m_state(std::move(state))
{
}

std::uint64_t GraphSnapshot::version() const { return m_state->version; }
ApiFlavor GraphSnapshot::flavor() const { return m_state->flavor; }
bool GraphSnapshot::fed(GraphKind kind) const { return m_state->fed[indexOf(kind)]; }
std::size_t GraphSnapshot::count(GraphKind kind) const { return m_state->of(kind).size(); }

GraphObject GraphSnapshot::object(GraphKind kind, const std::string &key) const
{
    return m_state->get(kind, key);
}

void GraphSnapshot::forEach(GraphKind kind,
                            const std::function<bool(const std::string &, const GraphObject &)> &visit) const
{
    // Keys are shared string views inside the graph; callers get their own copies.
    m_state->of(kind).forEach([&](std::string_view key, const GraphObject &o) { return visit(std::string(key), o); });
}

std::vector<GraphObject> GraphSnapshot::objectsInNamespace(GraphKind kind, const std::string &ns) const
{
    std::vector<GraphObject> out;
    m_state->of(kind).forEachWithPrefix(namespacePrefix(ns), [&](std::string_view, const GraphObject &o) {
        out.push_back(o);
        return true;
    });
    return out;
}

// --- workspaces and projects ---

bool GraphSnapshot::workspaceExists(const std::string &name) const
{
    return !name.empty()
        && (m_state->of(GraphKind::WorkspaceTemplate).contains(name) || m_state->of(GraphKind::Workspace).contains(name));
}

WorkspaceInfo GraphSnapshot::makeWorkspace(const std::string &name, const GraphObject &tmpl, const GraphObject &ws) const
{
    WorkspaceInfo w;
    w.name = name;
    w.hasTemplate = tmpl != nullptr;
    w.hasWorkspace = ws != nullptr;
    w.templateObject = tmpl;
    w.workspaceObject = ws;
    // The template is the host's definition; a member cluster only has the Workspace.
    auto first = [&](auto get) {
        std::string value = tmpl ? get(WorkspaceView(*tmpl)) : std::string();
        if (value.empty() && ws)
            value = get(WorkspaceView(*ws));
        return value;
    };
    w.alias = first([](const WorkspaceView &v) { return v.alias(); });
    w.description = first([](const WorkspaceView &v) { return v.description(); });
    w.manager = first([](const WorkspaceView &v) { return v.manager(); });
    w.creator = first([](const WorkspaceView &v) {
        std::string c = v.creator();
        if (c.empty())
            c = v.templateAnnotations()[kCreatorAnnotation];
        return c;
    });
    w.created = first([](const WorkspaceView &v) { return v.creationTimestamp(); });
    const std::string propagation = first([](const WorkspaceView &v) { return v.deletionPropagation(); });
    if (!propagation.empty()) {
        w.deletionPropagation = propagation;
        w.deletionPropagationSet = true;
    }
    w.deleting = (tmpl && WorkspaceView(*tmpl).deleting()) || (ws && WorkspaceView(*ws).deleting());
    w.placement = placement(name);
    w.isolation = workspaceIsolation(name);
    w.projectCount = projectCount(name);
    return w;
}

std::vector<WorkspaceInfo> GraphSnapshot::workspaces() const
{
    std::map<std::string, std::pair<GraphObject, GraphObject>> byName;
    m_state->of(GraphKind::WorkspaceTemplate).forEach([&](std::string_view key, const GraphObject &o) {
        byName[std::string(key)].first = o;
        return true;
    });
    m_state->of(GraphKind::Workspace).forEach([&](std::string_view key, const GraphObject &o) {
        byName[std::string(key)].second = o;
        return true;
    });
    std::vector<WorkspaceInfo> out;
    out.reserve(byName.size());
    for (const auto &[name, objects] : byName)
        out.push_back(makeWorkspace(name, objects.first, objects.second));
    return out;
}

std::optional<WorkspaceInfo> GraphSnapshot::workspace(const std::string &name) const
{
    GraphObject tmpl = m_state->get(GraphKind::WorkspaceTemplate, name);
    GraphObject ws = m_state->get(GraphKind::Workspace, name);
    if (!tmpl && !ws)
        return std::nullopt;
    return makeWorkspace(name, tmpl, ws);
}

ProjectInfo GraphSnapshot::makeProject(const GraphObject &ns) const
{
    const ProjectView v(*ns);
    ProjectInfo p;
    p.name = v.name();
    p.workspace = v.workspace();
    p.alias = v.alias();
    p.description = v.description();
    p.creator = v.creator();
    p.created = v.creationTimestamp();
    p.phase = v.phase();
    p.managed = v.managed();
    p.isolated = v.isolationEnabled();
    p.deleting = v.deleting();
    p.workspaceExists = workspaceExists(p.workspace);
    p.object = ns;
    return p;
}

std::vector<std::string> GraphSnapshot::projectNames(const std::string &workspace) const
{
    std::vector<std::string> out;
    forEachInBucket(*m_state, GraphIndex::ProjectsByWorkspace, workspace,
                    [&](std::string_view ns) { out.emplace_back(ns); });
    return out;
}

std::vector<ProjectInfo> GraphSnapshot::projects(const std::string &workspace) const
{
    std::vector<ProjectInfo> out;
    forEachInBucket(*m_state, GraphIndex::ProjectsByWorkspace, workspace, [&](std::string_view ns) {
        if (GraphObject o = m_state->get(GraphKind::Namespace, ns))
            out.push_back(makeProject(o));
    });
    return out;
}

std::vector<ProjectInfo> GraphSnapshot::projectsWithoutWorkspace() const { return projects(std::string()); }

std::size_t GraphSnapshot::projectCount(const std::string &workspace) const
{
    return m_state->index(GraphIndex::ProjectsByWorkspace).countWithPrefix(graphkey::join(workspace, ""));
}

std::optional<ProjectInfo> GraphSnapshot::project(const std::string &name) const
{
    GraphObject o = m_state->get(GraphKind::Namespace, name);
    if (!o)
        return std::nullopt;
    return makeProject(o);
}

std::string GraphSnapshot::workspaceOf(const std::string &project) const
{
    GraphObject o = m_state->get(GraphKind::Namespace, project);
    return o ? ObjectView(*o).workspaceLabel() : std::string();
}

PlacementInfo GraphSnapshot::placement(const std::string &workspace) const
{
    PlacementInfo p;
    GraphObject tmpl = m_state->get(GraphKind::WorkspaceTemplate, workspace);
    if (!tmpl) {
        // Only the template says where a workspace goes; a member cluster cannot tell.
        p.resolvedComplete = !m_state->of(GraphKind::Workspace).contains(workspace);
        return p;
    }
    const WorkspaceView v(*tmpl);
    p.clusters = v.placementClusters();
    if (const nlohmann::json *selector = v.clusterSelector()) {
        p.hasSelector = true;
        p.selector = *selector;
    }
    if (!p.clusters.empty()) {
        p.resolved = p.clusters;
    } else if (p.hasSelector) {
        if (!fed(GraphKind::Cluster))
            p.resolvedComplete = false;
        m_state->of(GraphKind::Cluster).forEach([&](std::string_view name, const GraphObject &cluster) {
            if (matchesLabelSelector(p.selector, ObjectView(*cluster).labels()))
                p.resolved.emplace_back(name);
            return true;
        });
    }
    return p;
}

std::vector<std::string> GraphSnapshot::clustersOf(const std::string &workspace) const
{
    return placement(workspace).resolved;
}

// --- members ---

bool GraphSnapshot::roleExists(GraphKind bindingKind, const nlohmann::json &binding) const
{
    const std::string ref = graphkey::roleOfBinding(bindingKind, binding);
    if (ref.empty())
        return false;
    const GraphKind kind = graphkey::refKind(ref);
    // A kind that is not wired cannot tell; only report "missing" for what we can see.
    return !fed(kind) || m_state->of(kind).contains(graphkey::refKey(ref));
}

void GraphSnapshot::appendMembers(GraphKind kind, const GraphObject &binding, MemberScope &scope,
                                  std::vector<MemberInfo> &out) const
{
    const BindingView v(*binding);
    const RoleRef roleRef = v.roleRef();
    const std::string name = v.name();
    const std::string since = v.creationTimestamp();
    const bool exists = roleExists(kind, *binding);

    if (kind == GraphKind::WorkspaceRoleBinding || kind == GraphKind::ProjectRoleBinding) {
        const bool workspaceScope = kind == GraphKind::WorkspaceRoleBinding;
        std::string current = workspaceScope ? v.workspaceLabel() : v.namespaceName();
        if (!scope.resolved || scope.scope != current) {
            scope = MemberScope{true, std::move(current), {}, {}, {}};
            if (workspaceScope) {
                GraphObject tmpl = m_state->get(GraphKind::WorkspaceTemplate, scope.scope);
                GraphObject wsObject = tmpl ? tmpl : m_state->get(GraphKind::Workspace, scope.scope);
                if (wsObject) {
                    scope.manager = WorkspaceView(*wsObject).manager();
                    scope.managerRole = workspaceRoleName(scope.scope, "admin");
                }
            } else if (GraphObject ns = m_state->get(GraphKind::Namespace, scope.scope)) {
                scope.creator = ObjectView(*ns).creator();
            }
        }
    }
    const std::string &manager = kind == GraphKind::WorkspaceRoleBinding ? scope.manager : std::string();
    const std::string &managerRole = scope.managerRole;
    const std::string &creator = kind == GraphKind::ProjectRoleBinding ? scope.creator : std::string();

    for (auto &subject : v.subjects()) {
        MemberInfo m;
        m.roleRef = roleRef;
        m.binding = name;
        m.since = since;
        m.bindingKind = kind;
        m.roleExists = exists;
        m.managerBinding = !manager.empty() && subject.isUser() && subject.name == manager && roleRef.name == managerRole;
        m.creatorBinding = !creator.empty() && subject.isUser() && subject.name == creator && roleRef.name == "admin"
            && name == creatorBindingName(creator);
        m.subject = std::move(subject);
        m.object = binding;
        out.push_back(std::move(m));
    }
}

std::vector<MemberInfo> GraphSnapshot::workspaceMembers(const std::string &workspace) const
{
    std::vector<MemberInfo> out;
    MemberScope scope;
    forEachInBucket(*m_state, GraphIndex::WorkspaceBindingsByWorkspace, workspace, [&](std::string_view name) {
        if (GraphObject b = m_state->get(GraphKind::WorkspaceRoleBinding, name))
            appendMembers(GraphKind::WorkspaceRoleBinding, b, scope, out);
    });
    return out;
}

std::vector<MemberInfo> GraphSnapshot::projectMembers(const std::string &project) const
{
    std::vector<MemberInfo> out;
    MemberScope scope;
    m_state->of(GraphKind::ProjectRoleBinding)
        .forEachWithPrefix(namespacePrefix(project), [&](std::string_view, const GraphObject &b) {
            appendMembers(GraphKind::ProjectRoleBinding, b, scope, out);
            return true;
        });
    return out;
}

std::vector<MemberInfo> GraphSnapshot::clusterMembers() const
{
    std::vector<MemberInfo> out;
    MemberScope scope;
    m_state->of(GraphKind::ClusterRoleBinding).forEach([&](std::string_view, const GraphObject &b) {
        appendMembers(GraphKind::ClusterRoleBinding, b, scope, out);
        return true;
    });
    return out;
}

std::vector<MemberInfo> GraphSnapshot::platformMembers() const
{
    std::vector<MemberInfo> out;
    MemberScope scope;
    m_state->of(GraphKind::GlobalRoleBinding).forEach([&](std::string_view, const GraphObject &b) {
        appendMembers(GraphKind::GlobalRoleBinding, b, scope, out);
        return true;
    });
    return out;
}

std::vector<MemberInfo> GraphSnapshot::membersOfRole(RoleLevel level, const std::string &scope,
                                                     const std::string &role) const
{
    const GraphKind kind = roleKindOf(level);
    const std::string key = level == RoleLevel::Project ? objectKey(scope, role) : role;
    std::vector<MemberInfo> out;
    MemberScope cache;
    forEachInBucket(*m_state, GraphIndex::BindingsByRole, graphkey::ref(kind, key), [&](std::string_view ref) {
        const GraphKind bindingKind = graphkey::refKind(ref);
        const std::string bindingKey(graphkey::refKey(ref));
        if (GraphObject b = m_state->get(bindingKind, bindingKey))
            appendMembers(bindingKind, b, cache, out);
    });
    return out;
}

// --- users ---

BindingInfo GraphSnapshot::makeBinding(GraphKind kind, std::string_view key, const GraphObject &object) const
{
    (void)key;
    const BindingView v(*object);
    BindingInfo b;
    b.level = levelOf(kind);
    if (kind == GraphKind::WorkspaceRoleBinding)
        b.scope = v.workspaceLabel();
    else if (kind == GraphKind::ProjectRoleBinding)
        b.scope = v.namespaceName();
    b.name = v.name();
    b.roleRef = v.roleRef();
    b.since = v.creationTimestamp();
    b.roleExists = roleExists(kind, *object);
    b.kind = kind;
    b.object = object;
    return b;
}

std::vector<std::string> GraphSnapshot::groupsOfUser(const std::string &user) const
{
    std::set<std::string> groups;
    if (GraphObject u = m_state->get(GraphKind::User, user))
        for (auto &g : UserView(*u).groups())
            groups.insert(std::move(g));
    forEachInBucket(*m_state, GraphIndex::GroupBindingsByUser, user, [&](std::string_view gb) {
        if (GraphObject o = m_state->get(GraphKind::GroupBinding, gb)) {
            std::string g = GroupBindingView(*o).groupName();
            if (!g.empty())
                groups.insert(std::move(g));
        }
    });
    return {groups.begin(), groups.end()};
}

UserBindings GraphSnapshot::userBindings(const std::string &user) const
{
    UserBindings ub;
    ub.user = user;
    ub.groups = groupsOfUser(user);

    struct How {
        BindingMatch match;
        std::string group;
    };
    std::map<std::string, How> found;  // binding ref -> how; ordered: by kind, then key
    forEachInBucket(*m_state, GraphIndex::BindingsBySubject, graphkey::userSubject(user),
                    [&](std::string_view ref) { found[std::string(ref)] = How{BindingMatch::Subject, {}}; });
    forEachInBucket(*m_state, GraphIndex::BindingsBySubject, graphkey::userRefLabel(user),
                    [&](std::string_view ref) { found.emplace(std::string(ref), How{BindingMatch::UserRefLabel, {}}); });
    for (const auto &group : ub.groups)
        forEachInBucket(*m_state, GraphIndex::BindingsBySubject, graphkey::groupSubject(group),
                        [&](std::string_view ref) { found.emplace(std::string(ref), How{BindingMatch::Group, group}); });

    for (const auto &[ref, how] : found) {
        const GraphKind kind = graphkey::refKind(ref);
        const std::string key(graphkey::refKey(ref));
        GraphObject o = m_state->get(kind, key);
        if (!o)
            continue;
        BindingInfo b = makeBinding(kind, key, o);
        b.match = how.match;
        b.viaGroup = how.group;
        switch (b.level) {
        case RoleLevel::Platform: ub.platform.push_back(std::move(b)); break;
        case RoleLevel::Cluster: ub.cluster.push_back(std::move(b)); break;
        case RoleLevel::Workspace: ub.workspace.push_back(std::move(b)); break;
        case RoleLevel::Project: ub.project.push_back(std::move(b)); break;
        }
    }
    // The platform role is the user's own binding; a label-only match is the fallback that
    // KubeSphere's label lookups would also find. Group grants are not "the" platform role.
    for (BindingMatch wanted : {BindingMatch::Subject, BindingMatch::UserRefLabel}) {
        for (const auto &b : ub.platform)
            if (b.match == wanted) {
                ub.platformRole = b.roleRef.name;
                break;
            }
        if (!ub.platformRole.empty())
            break;
    }
    return ub;
}

std::vector<BindingInfo> GraphSnapshot::bindingsOfSubject(const Subject &subject) const
{
    std::vector<BindingInfo> out;
    forEachInBucket(*m_state, GraphIndex::BindingsBySubject, graphkey::subjectBucket(subject),
                    [&](std::string_view ref) {
                        const GraphKind kind = graphkey::refKind(ref);
                        const std::string key(graphkey::refKey(ref));
                        if (GraphObject o = m_state->get(kind, key)) {
                            BindingInfo b = makeBinding(kind, key, o);
                            if (subject.isGroup()) {
                                b.match = BindingMatch::Group;
                                b.viaGroup = subject.name;
                            }
                            out.push_back(std::move(b));
                        }
                    });
    return out;
}

UserInfo GraphSnapshot::makeUser(const GraphObject &object) const
{
    const UserView v(*object);
    UserInfo u;
    u.name = v.name();
    u.email = v.email();
    u.displayName = v.displayName();
    u.description = v.description();
    u.lang = v.lang();
    u.state = v.state();
    u.reason = v.reason();
    u.lastLoginTime = v.lastLoginTime();
    u.lastTransitionTime = v.lastTransitionTime();
    u.created = v.creationTimestamp();
    u.platformRoleAnnotation = v.globalRoleAnnotation();
    u.groups = v.groups();
    u.grantedClusters = v.grantedClusters();
    u.uninitialized = v.uninitialized();
    u.deleting = v.deleting();
    u.object = object;

    // The platform role from the user's GlobalRoleBindings: by subject, else by label.
    for (const std::string &bucket : {graphkey::userSubject(u.name), graphkey::userRefLabel(u.name)}) {
        forEachInBucket(*m_state, GraphIndex::BindingsBySubject, bucket, [&](std::string_view ref) {
            if (graphkey::refKind(ref) != GraphKind::GlobalRoleBinding)
                return;
            ++u.platformBindingCount;
            if (u.platformRole.empty())
                if (GraphObject b = m_state->get(GraphKind::GlobalRoleBinding, graphkey::refKey(ref)))
                    u.platformRole = BindingView(*b).roleRef().name;
        });
        if (u.platformBindingCount > 0)
            break;
    }
    return u;
}

std::vector<UserInfo> GraphSnapshot::users() const
{
    std::vector<UserInfo> out;
    out.reserve(count(GraphKind::User));
    m_state->of(GraphKind::User).forEach([&](std::string_view, const GraphObject &o) {
        out.push_back(makeUser(o));
        return true;
    });
    return out;
}

std::optional<UserInfo> GraphSnapshot::user(const std::string &name) const
{
    GraphObject o = m_state->get(GraphKind::User, name);
    if (!o)
        return std::nullopt;
    return makeUser(o);
}

// --- roles ---

bool GraphSnapshot::builtInRole(GraphKind kind, const std::string &scope, const std::string &name,
                                const nlohmann::json &role) const
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
                                                    const nlohmann::json &role) const
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
    if (const nlohmann::json *selector = v.roleSelector()) {
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

// --- consistency ---

std::vector<DriftItem> GraphSnapshot::drift() const { return findDrift(*this); }

bool GraphSnapshot::consistent(std::string *why) const { return m_state->consistent(why); }

} // namespace kube::tenancy
