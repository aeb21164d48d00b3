// GraphSnapshot queries: each one reads a prefix range of an index or of a namespaced object
// map, so its cost follows the size of the answer, not the size of the tenancy.
#include "kubeclient/tenancy/graph/graphsnapshot.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/tenancy/graph/graphdrift.h"
#include "kubeclient/tenancy/graph/graphselector.h"
#include "kubeclient/tenancy/graph/graphqueryhelpers.h"
#include "kubeclient/tenancy/graph/graphstate.h"
#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/kubesphere/names.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace kube::tenancy {

using namespace graphquery;

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
    w.alias = first([](const WorkspaceView<FrozenJson> &v) { return v.alias(); });
    w.description = first([](const WorkspaceView<FrozenJson> &v) { return v.description(); });
    w.manager = first([](const WorkspaceView<FrozenJson> &v) { return v.manager(); });
    w.creator = first([](const WorkspaceView<FrozenJson> &v) {
        std::string c = v.creator();
        if (c.empty())
            c = v.templateAnnotations()[kCreatorAnnotation];
        return c;
    });
    w.created = first([](const WorkspaceView<FrozenJson> &v) { return v.creationTimestamp(); });
    const std::string propagation = first([](const WorkspaceView<FrozenJson> &v) { return v.deletionPropagation(); });
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
    if (const FrozenJson *selector = v.clusterSelector()) {
        p.hasSelector = true;
        p.selector = selector->toJson();
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

bool GraphSnapshot::roleExists(GraphKind bindingKind, const FrozenJson &binding) const
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

    auto subjects = v.subjects();
    // KubeSphere 4.x binds a member's kubeconfig ServiceAccount next to the User: one member.
    // (Decided for all subjects before any is moved into a MemberInfo.)
    std::vector<bool> folded(subjects.size(), false);
    for (size_t i = 0; i < subjects.size(); ++i) {
        if (!subjects[i].isServiceAccount())
            continue;
        const std::string user = userOfServiceAccount(subjects[i].namespaceName, subjects[i].name);
        folded[i] = !user.empty() && std::any_of(subjects.begin(), subjects.end(), [&](const Subject &other) {
            return other.isUser() && other.name == user;
        });
    }
    for (size_t i = 0; i < subjects.size(); ++i) {
        if (folded[i])
            continue;
        Subject &subject = subjects[i];
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

// --- consistency ---

std::vector<DriftItem> GraphSnapshot::drift() const { return findDrift(*this); }

bool GraphSnapshot::consistent(std::string *why) const { return m_state->consistent(why); }

} // namespace kube::tenancy
