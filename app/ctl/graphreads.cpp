// Member lists and the tree from a GraphSnapshot: "who is a member" is answered by the graph's
// rules (mirrors and projections are not members), the same answer the GUI shows.
#include "graphreads.h"

#include "tenancytable.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/session/tenancyfeed.h"
#include "kubeclient/tenancy/graph/graphkind.h"
#include "kubeclient/tenancy/graph/overview.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <cstdio>
#include <set>

namespace ctl {

namespace {

using kube::tenancy::GraphKind;
using kube::tenancy::MemberInfo;
using nlohmann::json;

std::string subjectText(const kube::tenancy::Subject &s)
{
    if (s.isUser())
        return s.name;
    if (s.isServiceAccount())
        return "ServiceAccount/" + s.namespaceName + "/" + s.name;
    return s.kind + "/" + s.name;
}

// One list of the kinds asked for (namespaced ones in `ns` only when given).
kube::Result<kube::session::GraphLoad> load(TenancySession &session, std::vector<GraphKind> kinds,
                                           const std::string &ns = {})
{
    kube::session::LoadOptions options;
    options.kinds = std::move(kinds);
    options.ns = ns;
    return kube::session::TenancyFeed::load(kube::session::feedSourceOf(session.cluster()), options);
}

// "the identity may not list X": what a refused kind means for the command.
std::string refused(TenancySession &session, GraphKind kind)
{
    auto gvr = kube::tenancy::resourceOf(kind, session.api());
    return "cannot list " + (gvr ? gvr->groupResource() : std::string(kube::tenancy::toString(kind))) + " (Forbidden)";
}

struct TreeNode {
    std::string text;
    std::vector<TreeNode> children;
};

void printTree(const TreeNode &node, const std::string &prefix, bool last, bool root)
{
    if (root)
        std::printf("%s\n", node.text.c_str());
    else
        std::printf("%s%s%s\n", prefix.c_str(), last ? "└── " : "├── ", node.text.c_str());
    const std::string childPrefix = root ? std::string() : prefix + (last ? "    " : "│   ");
    for (size_t i = 0; i < node.children.size(); ++i)
        printTree(node.children[i], childPrefix, i + 1 == node.children.size(), false);
}

TreeNode membersNode(const std::vector<MemberInfo> &members)
{
    TreeNode node{"members", {}};
    for (const auto &m : members)
        node.children.push_back({subjectText(m.subject) + ": " + m.roleRef.name, {}});
    std::sort(node.children.begin(), node.children.end(),
              [](const TreeNode &x, const TreeNode &y) { return x.text < y.text; });
    return node;
}

} // namespace

namespace {

GraphKind bindingKindOf(const TenancyScope &scope)
{
    using Level = TenancyScope::Level;
    return scope.level() == Level::Platform  ? GraphKind::GlobalRoleBinding
         : scope.level() == Level::Cluster   ? GraphKind::ClusterRoleBinding
         : scope.level() == Level::Workspace ? GraphKind::WorkspaceRoleBinding
                                             : GraphKind::ProjectRoleBinding;
}

} // namespace

kube::Result<std::vector<MemberInfo>> GraphReads::membersOf(TenancySession &session, const TenancyScope &scope,
                                                            const std::string &user)
{
    using Level = TenancyScope::Level;
    const GraphKind kind = bindingKindOf(scope);
    auto loaded = load(session, {kind}, scope.level() == Level::Project ? scope.name() : std::string());
    if (!loaded)
        return loaded.error();
    if (loaded->forbidden.test(kube::tenancy::indexOf(kind)))
        return kube::Error::make(kube::ErrorKind::Invalid, refused(session, kind), session.client().where());
    const auto &g = loaded->snapshot;
    std::vector<MemberInfo> all = scope.level() == Level::Platform  ? g.platformMembers()
                                : scope.level() == Level::Cluster   ? g.clusterMembers()
                                : scope.level() == Level::Workspace ? g.workspaceMembers(scope.name())
                                                                    : g.projectMembers(scope.name());
    std::vector<MemberInfo> shown;
    for (auto &m : all) {
        // A user's member rows: bound by name, or by KubeSphere's user-ref label.
        if (!user.empty() && !(m.subject.isUser() && m.subject.name == user)
            && !(m.object && kube::ObjectMeta(*m.object).label(kube::tenancy::kUserRefLabel) == user))
            continue;
        shown.push_back(std::move(m));
    }
    return shown;
}

int GraphReads::members(TenancySession &session, const CommandArgs &args, const TenancyScope &scope,
                        const std::string &user)
{
    const GraphKind kind = bindingKindOf(scope);
    auto found = membersOf(session, scope, user);
    if (!found) {
        TenancySession::printError(found.error());
        return 1;
    }
    const std::vector<MemberInfo> &shown = *found;
    const std::string output = args.output();
    if (output == "json" || output == "yaml" || output == "name") {
        auto gvr = kube::tenancy::resourceOf(kind, session.api());
        std::vector<json> items;
        std::set<std::string> seen;  // one object per binding, however many subjects it has
        for (const auto &m : shown) {
            if (!m.object || !seen.insert(m.binding).second)
                continue;
            json item = m.object->toJson();
            if (gvr) {
                item["apiVersion"] = gvr->apiVersion();
                item["kind"] = gvr->kind;
            }
            items.push_back(std::move(item));
        }
        if (output == "name") {
            for (const auto &i : items)
                std::printf("%s/%s\n", kube::ObjectMeta(i).kind().c_str(), kube::ObjectMeta(i).name().c_str());
            return 0;
        }
        TenancySession::printList(items, output);
        return 0;
    }
    TenancyTable table({"SUBJECT", "ROLE", "BINDING", "SINCE"});
    for (const auto &m : shown)
        table.addRow({subjectText(m.subject), m.roleRef.name, m.binding, ageOf(m.since)});
    table.print(stdout, "No members found in " + scope.describe());
    return 0;
}

int GraphReads::tree(TenancySession &session, const std::string &only)
{
    std::vector<GraphKind> kinds = {GraphKind::WorkspaceTemplate, GraphKind::Workspace, GraphKind::Namespace,
                                    GraphKind::WorkspaceRoleBinding, GraphKind::ProjectRoleBinding};
    if (only.empty())
        kinds.insert(kinds.end(), {GraphKind::User, GraphKind::GlobalRole, GraphKind::GlobalRoleBinding});
    auto loaded = load(session, kinds);
    if (!loaded) {
        TenancySession::printError(loaded.error());
        return 1;
    }
    const auto &g = loaded->snapshot;
    // Kinds that were refused become nodes, so the tree says what it lacks; the exit code too.
    bool failed = false;
    auto forbidden = [&](GraphKind k, TreeNode &parent, const std::string &what) {
        if (!loaded->forbidden.test(kube::tenancy::indexOf(k)))
            return false;
        failed = true;
        std::fprintf(stderr, "warning: cannot list %s: %s\n", what.c_str(), refused(session, k).c_str());
        parent.children.push_back({"(cannot list " + what + ": Forbidden)", {}});
        return true;
    };
    const auto &tenancy = session.tenancy();
    TreeNode root{"platform (" + std::string(kube::tenancy::toString(tenancy.mode)) + " mode, "
                      + kube::tenancy::toString(tenancy.api.flavor) + ")",
                  {}};
    if (only.empty()) {
        if (!forbidden(GraphKind::User, root, "users")) {
            TreeNode users{"users", {}};
            for (const auto &u : g.users()) {
                std::string text = u.name;
                if (!u.platformRole.empty())
                    text += " [" + u.platformRole + "]";
                if (!u.state.empty() && u.state != "Active")
                    text += " (" + u.state + ")";
                users.children.push_back({text, {}});
            }
            root.children.push_back(users);
        }
        if (!forbidden(GraphKind::GlobalRole, root, "platform roles")) {
            TreeNode roles{"platform roles", {}};
            for (const auto &r : g.globalRoles())
                if (!r.isTemplate)
                    roles.children.push_back({r.name, {}});
            root.children.push_back(roles);
        }
    }
    TreeNode problems;
    std::vector<kube::tenancy::WorkspaceInfo> workspaces;
    if (only.empty()) {
        if (!forbidden(GraphKind::WorkspaceTemplate, problems, "workspaces"))
            workspaces = g.workspaces();
    } else if (auto ws = g.workspace(only)) {
        workspaces.push_back(*ws);
    } else if (loaded->forbidden.test(kube::tenancy::indexOf(GraphKind::WorkspaceTemplate))) {
        std::fprintf(stderr, "error: %s\n", refused(session, GraphKind::WorkspaceTemplate).c_str());
        return 1;
    } else {
        std::fprintf(stderr, "Error from server (NotFound): workspace \"%s\" not found\n", only.c_str());
        return 1;
    }
    const bool noProjects = forbidden(GraphKind::Namespace, problems, "projects");
    forbidden(GraphKind::WorkspaceRoleBinding, problems, "workspace members");
    forbidden(GraphKind::ProjectRoleBinding, problems, "project members");
    TreeNode wsNode{"workspaces", {}};
    for (const auto &ws : workspaces) {
        TreeNode node{ws.name + (ws.manager.empty() ? std::string() : " (manager: " + ws.manager + ")"), {}};
        if (auto members = g.workspaceMembers(ws.name); !members.empty())
            node.children.push_back(membersNode(members));
        TreeNode projects{"projects", {}};
        if (!noProjects) {
            auto names = g.projectNames(ws.name);
            std::sort(names.begin(), names.end());
            for (const auto &ns : names) {
                TreeNode p{ns, {}};
                if (auto members = g.projectMembers(ns); !members.empty())
                    p.children.push_back(membersNode(members));
                projects.children.push_back(p);
            }
        }
        if (!projects.children.empty())
            node.children.push_back(projects);
        wsNode.children.push_back(node);
    }
    if (only.empty()) {
        wsNode.children.insert(wsNode.children.end(), problems.children.begin(), problems.children.end());
        root.children.push_back(wsNode);
        printTree(root, "", true, true);
    } else {
        // One workspace: it is the root.
        TreeNode ws = wsNode.children.front();
        ws.children.insert(ws.children.end(), problems.children.begin(), problems.children.end());
        printTree(ws, "", true, true);
    }
    return failed ? 1 : 0;
}

namespace {

std::string percentText(double fraction)
{
    if (std::isinf(fraction))
        return "inf%";
    return std::to_string(std::lround(fraction * 100)) + "%";
}

} // namespace

int GraphReads::overview(TenancySession &session, const std::string &workspace, const std::string &output)
{
    using kube::tenancy::GraphKind;
    std::vector<GraphKind> kinds = {GraphKind::WorkspaceTemplate, GraphKind::Workspace, GraphKind::Namespace,
                                    GraphKind::WorkspaceQuota, GraphKind::ResourceQuota};
    if (workspace.empty())
        kinds.insert(kinds.end(), {GraphKind::WorkspaceRoleBinding, GraphKind::User});
    auto loaded = load(session, kinds);
    if (!loaded) {
        TenancySession::printError(loaded.error());
        return 1;
    }
    const auto &g = loaded->snapshot;
    const bool controllerUsage = session.tenancy().mode == kube::tenancy::Mode::KubeSphere;
    int rc = 0;
    for (GraphKind k : kinds)
        if (loaded->forbidden.test(kube::tenancy::indexOf(k))) {
            std::fprintf(stderr, "warning: cannot list %s: %s (the figures leave them out)\n", kube::tenancy::toString(k),
                         refused(session, k).c_str());
            rc = 1;
        }
    if (!workspace.empty()) {
        if (!g.workspaceExists(workspace)) {
            std::fprintf(stderr, "Error: workspace \"%s\" not found\n", workspace.c_str());
            return 1;
        }
        const auto u = kube::tenancy::workspaceUsage(g, workspace, controllerUsage);
        if (output == "json") {
            json doc = {{"workspace", workspace}, {"hasQuota", u.hasQuota}, {"usageFromProjects", u.usageFromProjects},
                        {"resources", json::array()}, {"problems", u.problems}};
            for (const auto &r : u.resources) {
                json projects = json::array();
                for (const auto &[p, used] : r.projects)
                    projects.push_back({{"project", p}, {"used", used.toString()}});
                doc["resources"].push_back({{"resource", r.resource}, {"used", r.used.toString()}, {"hard", r.hard.toString()},
                                            {"fraction", std::isinf(r.fraction) ? json(nullptr) : json(r.fraction)},
                                            {"projects", projects}, {"unattributed", r.unattributed.toString()}});
            }
            std::fputs((doc.dump(4) + "\n").c_str(), stdout);
            return rc;
        }
        if (!u.hasQuota) {
            std::printf("workspace %s has no quota\n", workspace.c_str());
            return rc;
        }
        TenancyTable t({"RESOURCE", "USED", "HARD", "USE", "BY PROJECT"});
        for (const auto &r : u.resources) {
            std::string by;
            for (const auto &[p, used] : r.projects)
                by += (by.empty() ? "" : ", ") + p + " " + used.toString();
            if (!r.unattributed.isZero())
                by += (by.empty() ? "" : ", ") + std::string("not in a project quota ") + r.unattributed.toString();
            t.addRow({r.resource, r.used.toString(), r.hard.toString(), percentText(r.fraction), by});
        }
        t.print(stdout, "the workspace quota limits no resource");
        std::printf("\nusage: %s\n", u.usageFromProjects ? "the sum of the projects' quotas" : "KubeSphere's quota controller");
        for (const auto &p : u.problems)
            std::fprintf(stderr, "warning: skipped %s\n", p.c_str());
        return rc;
    }
    const auto o = kube::tenancy::platformOverview(g, controllerUsage);
    if (output == "json") {
        json doc = {{"workspaces", json::array()}, {"projectsWithoutWorkspace", o.projectsWithoutWorkspace},
                    {"users", o.users}, {"quotaUse", json::array()}, {"problems", o.problems}};
        for (const auto &w : o.workspaces)
            doc["workspaces"].push_back({{"name", w.name}, {"projects", w.projects}, {"members", w.members}});
        for (const auto &q : o.quotaUse) {
            json resources = json::array();
            for (const auto &r : q.resources)
                resources.push_back({{"resource", r.resource}, {"used", r.used.toString()}, {"hard", r.hard.toString()},
                                     {"fraction", std::isinf(r.fraction) ? json(nullptr) : json(r.fraction)}});
            doc["quotaUse"].push_back({{"workspace", q.workspace}, {"resources", resources}});
        }
        std::fputs((doc.dump(4) + "\n").c_str(), stdout);
        return rc;
    }
    std::map<std::string, const kube::tenancy::WorkspaceQuotaUse *> quotas;
    for (const auto &q : o.quotaUse)
        quotas[q.workspace] = &q;
    TenancyTable t({"WORKSPACE", "PROJECTS", "MEMBERS", "QUOTA (FULLEST)"});
    for (const auto &w : o.workspaces) {
        std::string quota;
        if (auto it = quotas.find(w.name); it != quotas.end() && !it->second->resources.empty()) {
            const auto &top = it->second->resources.front();
            quota = top.resource + " " + top.used.toString() + "/" + top.hard.toString() + " (" + percentText(top.fraction) + ")";
        }
        t.addRow({w.name, std::to_string(w.projects), std::to_string(w.members), quota});
    }
    t.print(stdout, "No workspaces found");
    std::printf("\nprojects in no workspace: %zu\nusers: %zu\n", o.projectsWithoutWorkspace, o.users);
    for (const auto &p : o.problems)
        std::fprintf(stderr, "warning: skipped %s\n", p.c_str());
    return rc;
}

} // namespace ctl
