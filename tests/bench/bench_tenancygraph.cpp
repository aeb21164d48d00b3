// Benchmark: build the tenancy graph for 500 workspaces, 5,000 projects, 5,000 users and 50,000
// bindings (synthetic objects shaped like KubeSphere 4.x's), then apply 10,000 watch events.
// No cluster needed. Prints build time, per-event cost, query costs and memory (RSS deltas).
#include "kubeclient/tenancy/graph/graphstate.h"
#include "benchclock.h"
#include "kubeclient/tenancy/graph/tenancygraph.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

using namespace kube::tenancy;
using nlohmann::json;
using bench::Clock;
using bench::cpuMs;
using bench::msSince;

namespace {

// KiB from /proc/self/status ("VmRSS", "VmHWM").
long statusKiB(const char *field)
{
    std::ifstream in("/proc/self/status");
    std::string line;
    const std::string prefix = std::string(field) + ":";
    while (std::getline(in, line))
        if (line.rfind(prefix, 0) == 0)
            return std::atol(line.c_str() + prefix.size());
    return -1;
}

std::string pad(int value, int width)
{
    std::string s = std::to_string(value);
    return std::string(std::size_t(std::max(0, width - int(s.size()))), '0') + s;
}

struct Sizes {
    int workspaces = 500;
    int projectsPerWorkspace = 10;
    int users = 5000;
    int globalBindings = 5000;    // one per user
    int clusterBindings = 1000;
    int workspaceBindings = 22000;
    int projectBindings = 22000;  // 5,000 + 1,000 + 22,000 + 22,000 = 50,000 bindings
    int events = 10000;
};

// Builds objects shaped like the spec's 4.x manifests (section 15.2), deterministically.
class Generator
{
public:
    explicit Generator(const Sizes &sizes) : m_sizes(sizes), m_rng(42) {}

    std::string user(int i) const { return "user-" + pad(i, 5); }
    std::string workspace(int i) const { return "ws-" + pad(i, 3); }
    std::string project(int i) const { return "proj-" + pad(i, 5); }
    int projects() const { return m_sizes.workspaces * m_sizes.projectsPerWorkspace; }

    int random(int n) { return int(m_rng() % unsigned(n)); }
    std::string rv() { return std::to_string(++m_rv); }
    static std::string timestamp(int day) { return "2025-0" + std::to_string(1 + day % 9) + "-1" + std::to_string(day % 10) + "T08:00:00Z"; }

    json meta(const std::string &name, json labels = json::object(), json annotations = json::object(),
              const std::string &ns = {})
    {
        json md = {{"name", name}, {"resourceVersion", rv()}, {"uid", "00000000-0000-0000-0000-" + pad(m_rv, 12)},
                   {"creationTimestamp", timestamp(m_rv)}};
        if (!ns.empty())
            md["namespace"] = ns;
        if (!labels.empty())
            md["labels"] = std::move(labels);
        if (!annotations.empty())
            md["annotations"] = std::move(annotations);
        return md;
    }

    json workspaceTemplate(int i)
    {
        const std::string ws = workspace(i);
        return {{"apiVersion", "tenant.kubesphere.io/v1beta1"}, {"kind", "WorkspaceTemplate"},
                {"metadata", meta(ws, json::object(), {{"kubesphere.io/creator", "admin"}, {"kubesphere.io/alias-name", "Team " + std::to_string(i)}})},
                {"spec", {{"placement", {{"clusters", json::array({{{"name", "host"}}})}}},
                          {"template", {{"spec", {{"manager", user(i % m_sizes.users)}}}}}}}};
    }

    json workspaceObject(int i)
    {
        return {{"apiVersion", "tenant.kubesphere.io/v1beta1"}, {"kind", "Workspace"},
                {"metadata", meta(workspace(i))}, {"spec", {{"manager", user(i % m_sizes.users)}}}};
    }

    json namespaceObject(int i, int ws)
    {
        return {{"apiVersion", "v1"}, {"kind", "Namespace"},
                {"metadata", meta(project(i), {{"kubesphere.io/workspace", workspace(ws)}, {"kubesphere.io/managed", "true"}},
                                  {{"kubesphere.io/creator", user(i % m_sizes.users)}})},
                {"status", {{"phase", "Active"}}}};
    }

    json userObject(int i)
    {
        return {{"apiVersion", "iam.kubesphere.io/v1beta1"}, {"kind", "User"},
                {"metadata", meta(user(i), json::object(), {{"iam.kubesphere.io/globalrole", "platform-regular"}})},
                {"spec", {{"email", user(i) + "@example.com"}, {"displayName", "User " + std::to_string(i)}}},
                {"status", {{"state", i % 50 == 0 ? "Disabled" : "Active"}, {"lastLoginTime", timestamp(i)}}}};
    }

    json role(const char *apiKind, const std::string &name, const std::string &ns, const std::string &ws)
    {
        json labels = json::object();
        if (!ws.empty())
            labels["kubesphere.io/workspace"] = ws;
        return {{"apiVersion", "iam.kubesphere.io/v1beta1"}, {"kind", apiKind}, {"metadata", meta(name, labels, json::object(), ns)},
                {"aggregationRoleTemplates", {{"templateNames", json::array({"template-0", "template-1"})}}},
                {"rules", json::array({{{"apiGroups", {"*"}}, {"resources", {"*"}}, {"verbs", {"get", "list", "watch"}}}})}};
    }

    json binding(const char *apiKind, const char *roleKind, const std::string &name, const std::string &role,
                 const std::string &userName, const std::string &ns, const std::string &ws)
    {
        json labels = {{"iam.kubesphere.io/user-ref", userName}, {"iam.kubesphere.io/role-ref", role}};
        if (!ws.empty())
            labels["kubesphere.io/workspace"] = ws;
        json subjects = json::array({{{"apiGroup", "iam.kubesphere.io"}, {"kind", "User"}, {"name", userName}}});
        if (!ns.empty() || std::string(apiKind) == "ClusterRoleBinding")
            subjects.push_back({{"kind", "ServiceAccount"}, {"name", "kubesphere.users." + userName}, {"namespace", "kubesphere-system"}});
        return {{"apiVersion", "iam.kubesphere.io/v1beta1"}, {"kind", apiKind}, {"metadata", meta(name, labels, json::object(), ns)},
                {"roleRef", {{"apiGroup", "iam.kubesphere.io"}, {"kind", roleKind}, {"name", role}}}, {"subjects", subjects}};
    }

    json workspaceBinding(int ws, int userIndex, const char *role)
    {
        const std::string w = workspace(ws);
        const std::string u = user(userIndex);
        return binding("WorkspaceRoleBinding", "WorkspaceRole", u + "-" + w + "-" + role, w + "-" + role, u, {}, w);
    }

    json projectBinding(int p, int userIndex, const char *role)
    {
        const std::string u = user(userIndex);
        return binding("RoleBinding", "Role", u + "-" + role, role, u, project(p), {});
    }

    json roleTemplate(int i)
    {
        static const char *scopes[] = {"global", "cluster", "workspace", "namespace"};
        return {{"apiVersion", "iam.kubesphere.io/v1beta1"}, {"kind", "RoleTemplate"},
                {"metadata", meta("template-" + std::to_string(i), {{"iam.kubesphere.io/scope", scopes[i % 4]}, {"iam.kubesphere.io/aggregate-to-viewer", ""}})},
                {"spec", {{"displayName", {{"en", "Template " + std::to_string(i)}}},
                          {"rules", json::array({{{"apiGroups", {""}}, {"resources", {"pods"}}, {"verbs", {"get"}}}})}}}};
    }

    json workspaceQuota(int ws)
    {
        const std::string w = workspace(ws);
        return {{"apiVersion", "quota.kubesphere.io/v1alpha2"}, {"kind", "ResourceQuota"},
                {"metadata", meta(w, {{"kubesphere.io/workspace", w}})},
                {"spec", {{"selector", {{"kubesphere.io/workspace", w}}}, {"quota", {{"hard", {{"limits.cpu", "20"}, {"pods", "200"}}}}}}}};
    }

private:
    Sizes m_sizes;
    std::mt19937 m_rng;
    int m_rv = 0;
};

std::size_t rowsOf(const UserBindings &b)
{
    return b.platform.size() + b.workspace.size() + b.project.size() + b.cluster.size();
}

GraphObject share(json j) { return kube::freeze(std::move(j)); }

std::string keyOf(const GraphObject &o)
{
    const auto &md = (*o)["metadata"];
    const std::string name = md["name"].get<std::string>();
    return md.contains("namespace") ? md["namespace"].get<std::string>() + "/" + name : name;
}

} // namespace

int main(int argc, char **argv)
{
    Sizes sizes;
    if (argc > 1)
        sizes.events = std::atoi(argv[1]);
    Generator gen(sizes);
    const long rssStart = statusKiB("VmRSS");
    const double loadStart = [] {
        std::ifstream in("/proc/loadavg");
        double load = 0;
        in >> load;
        return load;
    }();

    // --- the objects, as the Stores would hold them ---
    std::map<GraphKind, std::vector<GraphObject>> objects;
    for (int w = 0; w < sizes.workspaces; ++w) {
        objects[GraphKind::WorkspaceTemplate].push_back(share(gen.workspaceTemplate(w)));
        objects[GraphKind::Workspace].push_back(share(gen.workspaceObject(w)));
        objects[GraphKind::WorkspaceQuota].push_back(share(gen.workspaceQuota(w)));
        for (const char *r : {"admin", "regular", "self-provisioner", "viewer"})
            objects[GraphKind::WorkspaceRole].push_back(share(gen.role("WorkspaceRole", gen.workspace(w) + "-" + r, {}, gen.workspace(w))));
    }
    for (int p = 0; p < gen.projects(); ++p) {
        objects[GraphKind::Namespace].push_back(share(gen.namespaceObject(p, p / sizes.projectsPerWorkspace)));
        for (const char *r : {"admin", "operator", "viewer"})
            objects[GraphKind::ProjectRole].push_back(share(gen.role("Role", r, gen.project(p), {})));
    }
    for (int u = 0; u < sizes.users; ++u)
        objects[GraphKind::User].push_back(share(gen.userObject(u)));
    for (const char *r : {"platform-admin", "platform-regular", "platform-self-provisioner", "authenticated", "anonymous"})
        objects[GraphKind::GlobalRole].push_back(share(gen.role("GlobalRole", r, {}, {})));
    for (const char *r : {"cluster-admin", "cluster-viewer"})
        objects[GraphKind::ClusterRole].push_back(share(gen.role("ClusterRole", r, {}, {})));
    for (int t = 0; t < 80; ++t)
        objects[GraphKind::RoleTemplate].push_back(share(gen.roleTemplate(t)));

    int bindings = 0;
    for (int u = 0; u < sizes.globalBindings; ++u, ++bindings) {
        const char *role = u % 100 == 0 ? "platform-admin" : "platform-regular";
        objects[GraphKind::GlobalRoleBinding].push_back(
            share(gen.binding("GlobalRoleBinding", "GlobalRole", gen.user(u) + "-" + role, role, gen.user(u), {}, {})));
    }
    for (int i = 0; i < sizes.clusterBindings; ++i, ++bindings)
        objects[GraphKind::ClusterRoleBinding].push_back(share(gen.binding("ClusterRoleBinding", "ClusterRole",
                                                                           gen.user(i * 5) + "-cluster-viewer", "cluster-viewer",
                                                                           gen.user(i * 5), {}, {})));
    // Workspace members: the manager as admin plus members spread over the users.
    const int perWorkspace = sizes.workspaceBindings / sizes.workspaces;
    for (int w = 0; w < sizes.workspaces; ++w)
        for (int m = 0; m < perWorkspace; ++m, ++bindings)
            objects[GraphKind::WorkspaceRoleBinding].push_back(
                share(gen.workspaceBinding(w, m == 0 ? w % sizes.users : (w * 37 + m * 101) % sizes.users,
                                           m == 0 ? "admin" : (m % 3 ? "viewer" : "regular"))));
    // Project members: the creator as admin plus operators/viewers.
    const int perProject = sizes.projectBindings / gen.projects();
    int extra = sizes.projectBindings - perProject * gen.projects();
    for (int p = 0; p < gen.projects(); ++p) {
        const int count = perProject + (extra-- > 0 ? 1 : 0);
        for (int m = 0; m < count; ++m, ++bindings)
            objects[GraphKind::ProjectRoleBinding].push_back(
                share(gen.projectBinding(p, m == 0 ? p % sizes.users : (p * 13 + m * 7919) % sizes.users, m == 0 ? "admin" : (m % 2 ? "operator" : "viewer"))));
    }
    // --- 10,000 watch events, generated before the build so that neither the timing nor the
    // graph's memory delta includes building their JSON ---
    struct Step {
        GraphKind kind;
        GraphObject object;
        std::string key;
        bool deleted;
        const char *what;
    };
    std::vector<Step> steps;
    steps.reserve(std::size_t(sizes.events));
    std::map<GraphKind, std::vector<std::string>> live;
    for (GraphKind k : {GraphKind::WorkspaceRoleBinding, GraphKind::ProjectRoleBinding})
        for (const auto &o : objects[k])
            live[k].push_back(keyOf(o));
    int added = 0;
    for (int i = 0; i < sizes.events; ++i) {
        const int dice = gen.random(100);
        if (dice < 25) {  // a project moves to another workspace (label change)
            const int p = gen.random(gen.projects());
            steps.push_back({GraphKind::Namespace, share(gen.namespaceObject(p, gen.random(sizes.workspaces))), {}, false, "relabel"});
        } else if (dice < 45) {  // a workspace binding gets another subject
            const int w = gen.random(sizes.workspaces);
            json b = gen.workspaceBinding(w, gen.random(sizes.users), "viewer");
            b["metadata"]["name"] = live[GraphKind::WorkspaceRoleBinding][std::size_t(gen.random(int(live[GraphKind::WorkspaceRoleBinding].size())))];
            steps.push_back({GraphKind::WorkspaceRoleBinding, share(std::move(b)), {}, false, "update"});
        } else if (dice < 65) {  // new members
            if (dice % 2) {
                json b = gen.workspaceBinding(gen.random(sizes.workspaces), gen.random(sizes.users), "regular");
                b["metadata"]["name"] = "new-" + std::to_string(++added);
                live[GraphKind::WorkspaceRoleBinding].push_back(b["metadata"]["name"].get<std::string>());
                steps.push_back({GraphKind::WorkspaceRoleBinding, share(std::move(b)), {}, false, "add"});
            } else {
                json b = gen.projectBinding(gen.random(gen.projects()), gen.random(sizes.users), "viewer");
                b["metadata"]["name"] = "new-" + std::to_string(++added);
                const GraphObject o = share(std::move(b));
                live[GraphKind::ProjectRoleBinding].push_back(keyOf(o));
                steps.push_back({GraphKind::ProjectRoleBinding, o, {}, false, "add"});
            }
        } else if (dice < 80) {  // members removed
            const GraphKind k = dice % 2 ? GraphKind::WorkspaceRoleBinding : GraphKind::ProjectRoleBinding;
            auto &keys = live[k];
            const std::size_t at = std::size_t(gen.random(int(keys.size())));
            std::swap(keys[at], keys.back());
            steps.push_back({k, nullptr, keys.back(), true, "delete"});
            keys.pop_back();
        } else if (dice < 90) {  // a user is disabled / logs in
            steps.push_back({GraphKind::User, share(gen.userObject(gen.random(sizes.users))), {}, false, "update"});
        } else {  // a project role's rules are edited
            const int p = gen.random(gen.projects());
            steps.push_back({GraphKind::ProjectRole, share(gen.role("Role", "operator", gen.project(p), {})), {}, false, "update"});
        }
    }
    std::size_t objectCount = 0;
    for (const auto &[kind, list] : objects)
        objectCount += list.size();
    const long rssObjects = statusKiB("VmRSS");

    // --- build: one resync per kind, as connect() does after the initial lists ---
    TenancyGraph graph(ApiFlavor::V4);
    const auto buildStart = Clock::now();
    const double buildCpuStart = cpuMs();
    for (const auto &[kind, list] : objects)
        graph.resync(kind, list);
    const double buildMs = msSince(buildStart);
    const double buildCpuMs = cpuMs() - buildCpuStart;
    const long rssBuilt = statusKiB("VmRSS");

    std::vector<double> micros;
    micros.reserve(steps.size());
    std::map<std::string, int> counts;
    const auto eventsStart = Clock::now();
    const double eventsCpuStart = cpuMs();
    for (const auto &s : steps) {
        const auto t0 = Clock::now();
        if (s.deleted)
            graph.remove(s.kind, s.key);
        else
            graph.upsert(s.kind, s.object);
        micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
        ++counts[s.what];
    }
    const double eventsMs = msSince(eventsStart);
    const double eventsCpuMs = cpuMs() - eventsCpuStart;
    const long rssEvents = statusKiB("VmRSS");
    std::vector<double> sorted = micros;
    std::sort(sorted.begin(), sorted.end());
    auto percentile = [&](double p) { return sorted[std::min(sorted.size() - 1, std::size_t(p * double(sorted.size())))]; };

    // --- queries on the final snapshot ---
    const auto q0 = Clock::now();
    GraphSnapshot snap;
    for (int i = 0; i < 100000; ++i)
        snap = graph.snapshot();
    const double snapshotNs = msSince(q0) * 1e6 / 100000;

    // Queries report CPU time.
    auto timeMs = [](auto &&f) {
        const double t = cpuMs();
        f();
        return cpuMs() - t;
    };
    std::size_t sink = 0;
    const double workspacesMs = timeMs([&] { sink += snap.workspaces().size(); });
    const double projectsMs = timeMs([&] {
                                  for (int w = 0; w < sizes.workspaces; ++w)
                                      sink += snap.projects(gen.workspace(w)).size();
                              }) / sizes.workspaces;
    const double membersMs = timeMs([&] {
                                 for (int w = 0; w < sizes.workspaces; ++w)
                                     sink += snap.workspaceMembers(gen.workspace(w)).size();
                             }) / sizes.workspaces;
    const double userBindingsMs = timeMs([&] {
                                      for (int u = 0; u < 1000; ++u)
                                          sink += rowsOf(snap.userBindings(gen.user(u * 5)));
                                  }) / 1000;
    const double usersMs = timeMs([&] { sink += snap.users().size(); });
    const double rolesMs = timeMs([&] {
                               for (int w = 0; w < sizes.workspaces; ++w)
                                   sink += snap.workspaceRoles(gen.workspace(w)).size();
                           }) / sizes.workspaces;
    std::vector<DriftItem> drift;
    const double driftMs = timeMs([&] { drift = snap.drift(); });
    std::map<std::string, int> driftKinds;
    for (const auto &d : drift)
        ++driftKinds[toString(d.kind)];
    std::string driftText;
    for (const auto &[kind, n] : driftKinds)
        driftText += (driftText.empty() ? "" : ", ") + kind + " " + std::to_string(n);
    std::string why;
    const bool consistent = snap.consistent(&why);

    std::printf("tenancy graph: %d workspaces, %d projects, %d users, %d bindings (%zu objects in all); load average %.1f\n",
                sizes.workspaces, gen.projects(), sizes.users, bindings, objectCount, loadStart);
    std::printf("| measure                                   | value        |\n");
    std::printf("|-------------------------------------------|--------------|\n");
    std::printf("| build (resync of every kind), CPU / wall  | %.0f / %.0f ms |\n", buildCpuMs, buildMs);
    std::printf("| events applied                            | %12d |\n", int(micros.size()));
    std::printf("|   relabel / update / add / delete         | %d/%d/%d/%d |\n", counts["relabel"], counts["update"],
                counts["add"], counts["delete"]);
    std::printf("| per event, mean CPU / mean wall           | %.1f / %.1f us |\n", eventsCpuMs * 1000 / double(micros.size()),
                eventsMs * 1000 / double(micros.size()));
    std::printf("| per event wall, p50 / p99 / max           | %.1f / %.1f / %.0f us |\n", percentile(0.5), percentile(0.99),
                sorted.back());
    std::printf("| snapshot() (wall)                         | %9.0f ns |\n", snapshotNs);
    std::printf("| queries below: CPU time                   |              |\n");
    std::printf("| workspaces() (all %d, with counts)       | %9.2f ms |\n", sizes.workspaces, workspacesMs);
    std::printf("| projects(ws), mean                        | %9.3f ms |\n", projectsMs);
    std::printf("| workspaceMembers(ws), mean                | %9.3f ms |\n", membersMs);
    std::printf("| workspaceRoles(ws) + templates, mean      | %9.3f ms |\n", rolesMs);
    std::printf("| userBindings(user), mean                  | %9.3f ms |\n", userBindingsMs);
    std::printf("| users() (all %d, with platform role)     | %9.2f ms |\n", sizes.users, usersMs);
    std::printf("| drift() (full scan, %5zu items)          | %9.2f ms |\n", drift.size(), driftMs);
    std::printf("| RSS: synthetic objects + event objects    | %9.1f MB |\n", double(rssObjects - rssStart) / 1024);
    std::printf("| RSS: graph indexes after build            | %9.1f MB |\n", double(rssBuilt - rssObjects) / 1024);
    std::printf("| RSS: after 10,000 events (vs built)       | %+9.1f MB |\n", double(rssEvents - rssBuilt) / 1024);
    std::printf("| RSS: total delta / peak (VmHWM)           | %.1f / %.1f MB |\n", double(rssEvents - rssStart) / 1024,
                double(statusKiB("VmHWM")) / 1024);
    // The peer: the graph's objects as nlohmann trees, the representation stores kept before
    // kube::FrozenJson (the same objects, measured in the same process).
    std::size_t frozenTotal = 0;
    for (const auto &[kind, list] : objects)
        for (const auto &o : list)
            frozenTotal += kube::frozenBytes(*o);
    const long rssBeforeTrees = statusKiB("VmRSS");
    std::vector<json> trees;
    trees.reserve(objectCount);
    for (const auto &[kind, list] : objects)
        for (const auto &o : list)
            trees.push_back(o->toJson());
    const long rssTrees = statusKiB("VmRSS");
    std::printf("| objects' blocks, frozen: total / per object | %.1f MB / %.0f B |\n", double(frozenTotal) / 1048576,
                double(frozenTotal) / double(objectCount));
    std::printf("| peer: the same objects as nlohmann trees, RSS | %.1f MB (%.0f B per object) |\n",
                double(rssTrees - rssBeforeTrees) / 1024, double(rssTrees - rssBeforeTrees) * 1024 / double(objectCount));
    std::printf("| indexes consistent after events           | %12s |\n", consistent ? "yes" : why.c_str());
    std::printf("drift found (expected: platform admins annotated platform-regular, managers whose binding an update event reassigned): %s\n",
                driftText.empty() ? "none" : driftText.c_str());
    return sink == 0 || !consistent ? 1 : 0;
}
