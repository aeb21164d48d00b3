// Tests for kube::tenancy::TenancyGraph: every query on a 4.x and a 3.x fixture, incremental
// updates against a fresh rebuild (seeded random event sequences), snapshots, Store wiring and
// readers racing a writer.
#include "kubeclient/watch/store.h"
#include "kubeclient/tenancy/graph/graphmap.h"
#include "kubeclient/tenancy/graph/graphstate.h"
#include "kubeclient/tenancy/graph/tenancygraph.h"
#include "kubeclient/core/yamlconvert.h"

#include <QtCore/QFile>
#include <QtTest/QtTest>

#include <atomic>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <sstream>
#include <thread>

using namespace kube::tenancy;
using kube::Store;
using kube::WatcherEvent;
using kube::WatcherEventType;
using nlohmann::json;

namespace {

using Rows = std::vector<std::string>;

GraphObject obj(json j) { return kube::freeze(std::move(j)); }

struct Fixture {
    ApiFlavor flavor = ApiFlavor::V4;
    std::map<GraphKind, std::vector<GraphObject>> objects;
};

Fixture loadFixture(const char *file, ApiFlavor flavor)
{
    Fixture f;
    f.flavor = flavor;
    QFile in(QStringLiteral(TENANTRY_TEST_DATA "/tenancy/") + QString::fromUtf8(file));
    if (!in.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture %s", file);
    const QByteArray text = in.readAll();
    auto docs = kube::parseYamlDocuments(std::string_view(text.constData(), std::size_t(text.size())), file);
    if (!docs)
        qFatal("fixture %s: %s", file, docs.error().describe().c_str());
    for (auto &doc : *docs) {
        const auto kind = graphKindOf(doc, flavor);
        if (!kind)
            qFatal("fixture %s: no graph kind for %s", file, doc.dump().c_str());
        f.objects[*kind].push_back(obj(std::move(doc)));
    }
    return f;
}

// As the app does: every kind the flavour serves is wired, even when it has no objects.
void feed(TenancyGraph &graph, const Fixture &f)
{
    const TenancyApi api = TenancyApi::forFlavor(f.flavor);
    for (std::size_t k = 0; k < kGraphKindCount; ++k) {
        const auto kind = static_cast<GraphKind>(k);
        if (!resourceOf(kind, api))
            continue;
        const auto it = f.objects.find(kind);
        graph.resync(kind, it == f.objects.end() ? std::vector<GraphObject>() : it->second);
    }
}

std::string joined(const std::vector<std::string> &items, const char *sep = ",")
{
    std::string out;
    for (const auto &i : items) {
        if (!out.empty())
            out += sep;
        out += i;
    }
    return out;
}

std::string mapText(const StringMap &m)
{
    std::string out;
    for (const auto &[k, v] : m)
        out += (out.empty() ? "" : ",") + k + "=" + v;
    return "{" + out + "}";
}

std::string subjectText(const Subject &s)
{
    return s.kind + ":" + (s.namespaceName.empty() ? s.name : s.namespaceName + "/" + s.name);
}

// One row per record: what a view would show, as one comparable string.
std::string row(const MemberInfo &m)
{
    std::string r = m.binding + " " + subjectText(m.subject) + " -> " + m.roleRef.kind + "/" + m.roleRef.name;
    if (m.managerBinding)
        r += " manager";
    if (m.creatorBinding)
        r += " creator";
    if (!m.roleExists)
        r += " missing-role";
    if (!m.since.empty())
        r += " since " + m.since;
    return r;
}

std::string row(const BindingInfo &b)
{
    std::string r = std::string(toString(b.level)) + " " + (b.scope.empty() ? "" : b.scope + "/") + b.name + " -> "
        + b.roleRef.name + " [" + toString(b.match) + (b.viaGroup.empty() ? "" : " " + b.viaGroup) + "]";
    if (!b.roleExists)
        r += " missing-role";
    return r;
}

std::string row(const TemplateRef &t)
{
    return t.name + (t.listed ? "+L" : "") + (t.selected ? "+S" : "") + (t.found ? "" : "!missing");
}

std::string row(const RoleInfo &r)
{
    std::string s = r.name;
    if (!r.scope.empty())
        s = r.scope + "/" + s;
    if (r.builtIn)
        s += " builtin";
    if (r.isTemplate)
        s += " template";
    if (r.hasRoleSelector)
        s += " selector";
    if (r.hasRego)
        s += " rego";
    if (r.autoAggregate)
        s += " auto";
    s += " rules=" + std::to_string(r.ruleCount) + " bindings=" + std::to_string(r.bindingCount);
    if (!r.alias.empty())
        s += " alias=" + r.alias;
    if (!r.creator.empty())
        s += " creator=" + r.creator;
    std::vector<std::string> templates;
    for (const auto &t : r.templates)
        templates.push_back(row(t));
    if (!templates.empty())
        s += " templates=" + joined(templates);
    return s;
}

std::string row(const RoleTemplateInfo &t)
{
    std::string s = t.name + " \"" + t.displayName + "\" category=" + t.category + " rules=" + std::to_string(t.ruleCount);
    if (t.hidden)
        s += " hidden";
    if (t.basic)
        s += " basic";
    if (!t.aggregateTo.empty())
        s += " to=" + joined(t.aggregateTo);
    return s;
}

std::string row(const ProjectInfo &p)
{
    std::string s = p.name + " ws=" + p.workspace + (p.workspaceExists ? "" : "(missing)");
    if (!p.alias.empty())
        s += " alias=" + p.alias;
    if (!p.creator.empty())
        s += " creator=" + p.creator;
    if (p.managed)
        s += " managed";
    if (p.isolated)
        s += " isolated";
    if (p.deleting)
        s += " deleting";
    if (!p.phase.empty())
        s += " " + p.phase;
    return s;
}

std::string row(const PlacementInfo &p)
{
    std::string s = "clusters=" + joined(p.clusters);
    if (p.hasSelector)
        s += " selector=" + p.selector.dump();
    s += " resolved=" + joined(p.resolved);
    if (!p.resolvedComplete)
        s += " incomplete";
    return s;
}

std::string row(const IsolationInfo &i)
{
    std::string s = i.enabled ? "on" : "off";
    if (i.source == IsolationInfo::Source::Annotation)
        s += "(annotation)";
    else if (i.source == IsolationInfo::Source::SpecField)
        s += "(spec)";
    for (const auto &[cluster, on] : i.clusterOverrides)
        s += " " + cluster + "=" + (on ? "on" : "off");
    return s;
}

std::string row(const WorkspaceInfo &w)
{
    std::string s = w.name + " alias=" + w.alias + " desc=" + w.description + " manager=" + w.manager
        + " creator=" + w.creator + " created=" + w.created + " " + row(w.placement) + " isolation=" + row(w.isolation)
        + " deletion=" + w.deletionPropagation + (w.deletionPropagationSet ? "" : "(default)")
        + " projects=" + std::to_string(w.projectCount);
    if (w.hasTemplate)
        s += " T";
    if (w.hasWorkspace)
        s += " W";
    if (w.deleting)
        s += " deleting";
    return s;
}

std::string row(const UserInfo &u)
{
    std::string s = u.name + " email=" + u.email + " name=" + u.displayName + " state=" + u.state
        + " platform=" + u.platformRole + " annotation=" + u.platformRoleAnnotation
        + " grb=" + std::to_string(u.platformBindingCount) + " groups=" + joined(u.groups)
        + " granted=" + joined(u.grantedClusters);
    if (!u.reason.empty())
        s += " reason=" + u.reason;
    if (!u.lastLoginTime.empty())
        s += " login=" + u.lastLoginTime;
    if (u.uninitialized)
        s += " uninitialized";
    if (!u.description.empty())
        s += " desc=" + u.description;
    if (!u.lang.empty())
        s += " lang=" + u.lang;
    return s;
}

std::string row(const GroupInfo &g)
{
    return g.name + " display=" + g.displayName + " ws=" + g.workspace + " parent=" + g.parent + " users=" + joined(g.users);
}

std::string row(const DriftItem &d)
{
    return std::string(toString(d.kind)) + " " + toString(d.objectKind) + " " + d.key;
}

std::string row(const ProjectIsolationInfo &p)
{
    return std::string(p.enabled ? "own" : "-") + (p.workspaceIsolated ? " ws" : " -") + (p.effective ? " effective" : " open")
        + (p.isolationPolicyPresent ? " policy" : "") + " np=" + std::to_string(p.networkPolicies)
        + " nsnp=" + std::to_string(p.namespaceNetworkPolicies);
}

std::string row(const ProjectQuotaInfo &q)
{
    std::string s;
    for (const auto &rq : q.quotas)
        s += rq.name + " hard=" + mapText(rq.hard) + " used=" + mapText(rq.used) + "; ";
    if (q.containerDefaults)
        s += "defaults(" + q.containerDefaults->limitRange + ") limits=" + mapText(q.containerDefaults->limits)
            + " requests=" + mapText(q.containerDefaults->requests) + " max=" + mapText(q.containerDefaults->max);
    return s + " limitranges=" + std::to_string(q.limitRanges.size());
}

std::string row(const WorkspaceQuotaInfo &q)
{
    std::string s = q.name + " hard=" + mapText(q.hard) + " used=" + mapText(q.used);
    for (const auto &n : q.namespaces)
        s += " " + n.namespaceName + ":" + mapText(n.used);
    return s;
}

template <typename T>
Rows rows(const std::vector<T> &items)
{
    Rows out;
    for (const auto &i : items)
        out.push_back(row(i));
    return out;
}

Rows rows(const UserBindings &ub)
{
    Rows out;
    for (const auto *list : {&ub.platform, &ub.workspace, &ub.project, &ub.cluster})
        for (const auto &b : *list)
            out.push_back(row(b));
    return out;
}

// Every query answer for the given names, as one text: two graphs with the same objects must
// produce the same text.
struct Names {
    std::vector<std::string> workspaces, namespaces, users, groups;
};

std::string dump(const GraphSnapshot &s, const Names &names)
{
    std::ostringstream out;
    auto put = [&](const std::string &title, const Rows &r) {
        out << "## " << title << "\n";
        for (const auto &line : r)
            out << line << "\n";
    };
    put("workspaces", rows(s.workspaces()));
    put("projects without workspace", rows(s.projectsWithoutWorkspace()));
    for (const auto &ws : names.workspaces) {
        put("projects " + ws, rows(s.projects(ws)));
        out << "count " << s.projectCount(ws) << " exists " << s.workspaceExists(ws) << "\n";
        put("members " + ws, rows(s.workspaceMembers(ws)));
        put("roles " + ws, rows(s.workspaceRoles(ws)));
        put("groups " + ws, rows(s.groups(ws)));
        put("quotas " + ws, rows(s.workspaceQuotas(ws)));
        out << "isolation " << row(s.workspaceIsolation(ws)) << " placement " << row(s.placement(ws)) << "\n";
        if (auto w = s.workspace(ws))
            out << "workspace " << row(*w) << "\n";
    }
    for (const auto &ns : names.namespaces) {
        if (auto p = s.project(ns))
            out << "project " << row(*p) << "\n";
        out << "workspaceOf " << ns << " = " << s.workspaceOf(ns) << "\n";
        put("members " + ns, rows(s.projectMembers(ns)));
        put("roles " + ns, rows(s.projectRoles(ns)));
        put("templates " + ns, rows(s.roleTemplates(RoleLevel::Project, ns)));
        out << "quota " << row(s.projectQuota(ns)) << "\n";
        out << "isolation " << row(s.projectIsolation(ns)) << "\n";
    }
    put("users", rows(s.users()));
    for (const auto &u : names.users) {
        const UserBindings ub = s.userBindings(u);
        put("bindings of " + u + " platform=" + ub.platformRole + " groups=" + joined(ub.groups), rows(ub));
    }
    for (const auto &g : names.groups)
        put("bindings of group " + g, rows(s.bindingsOfSubject(Subject{"Group", g, "", ""})));
    put("global roles", rows(s.globalRoles()));
    put("cluster roles", rows(s.clusterRoles()));
    put("cluster members", rows(s.clusterMembers()));
    put("platform members", rows(s.platformMembers()));
    for (RoleLevel level : {RoleLevel::Platform, RoleLevel::Cluster, RoleLevel::Workspace})
        put(std::string("templates ") + toString(level), rows(s.roleTemplates(level)));
    put("drift", rows(s.drift()));
    return out.str();
}

Rows names(const std::vector<ProjectInfo> &projects)
{
    Rows out;
    for (const auto &p : projects)
        out.push_back(p.name);
    return out;
}

template <typename T>
const T &findByName(const std::vector<T> &items, const std::string &name)
{
    for (const auto &i : items)
        if (i.name == name)
            return i;
    qFatal("no record named %s", name.c_str());
}

json nsObject(const std::string &name, const std::string &workspace, int rv)
{
    json md = {{"name", name}, {"resourceVersion", std::to_string(rv)}};
    if (!workspace.empty())
        md["labels"] = {{"kubesphere.io/workspace", workspace}};
    return {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", md}};
}

WatcherEvent ev(WatcherEventType type, GraphObject object = nullptr)
{
    WatcherEvent e;
    e.type = type;
    e.object = std::move(object);
    return e;
}

// --- the random tenancy of the property test ---

class RandomTenancy
{
public:
    explicit RandomTenancy(unsigned seed) : m_rng(seed) {}

    Names names() const
    {
        Names n;
        n.workspaces = m_workspaces;
        n.workspaces.push_back("");
        n.workspaces.push_back("ws-missing");
        n.namespaces = m_namespaces;
        n.users = m_users;
        n.users.push_back("nobody");
        n.groups = m_groups;
        return n;
    }

    // A random event: an upsert of a new version of a random object, or a delete.
    TenancyGraph::Event next()
    {
        const auto kind = static_cast<GraphKind>(pick(kGraphKindCount));
        const std::string key = randomKey(kind);
        auto &slot = m_truth[indexOf(kind)];
        if (slot.count(key) && chance(0.3)) {
            slot.erase(key);
            return TenancyGraph::Event::remove(kind, key);
        }
        GraphObject o = obj(make(kind, key));
        slot[key] = o;
        return TenancyGraph::Event::upsert(kind, o);
    }

    std::vector<GraphObject> objects(GraphKind kind) const
    {
        std::vector<GraphObject> out;
        for (const auto &[key, o] : m_truth[indexOf(kind)])
            out.push_back(o);
        return out;
    }

    std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(m_rng); }
    bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(m_rng) < p; }
    std::mt19937 &rng() { return m_rng; }

private:
    template <typename C>
    const std::string &oneOf(const C &c) { return c[pick(c.size())]; }

    std::string maybe(const std::vector<std::string> &c, double p = 0.8) { return chance(p) ? oneOf(c) : std::string(); }

    std::string randomKey(GraphKind kind)
    {
        auto named = [&](const char *prefix, std::size_t n) { return prefix + std::to_string(pick(n)); };
        switch (kind) {
        case GraphKind::Namespace: return oneOf(m_namespaces);
        case GraphKind::WorkspaceTemplate:
        case GraphKind::Workspace: return oneOf(m_workspaces);
        case GraphKind::Cluster: return named("c", 3);
        case GraphKind::User: return oneOf(m_users);
        case GraphKind::Group: return oneOf(m_groups);
        case GraphKind::GlobalRole: return oneOf(m_globalRoles);
        case GraphKind::ClusterRole: return oneOf(m_clusterRoles);
        case GraphKind::WorkspaceRole: return oneOf(m_workspaceRoles);
        case GraphKind::RoleTemplate: return oneOf(m_templates);
        case GraphKind::ProjectRole: return oneOf(m_namespaces) + "/" + oneOf(m_projectRoles);
        case GraphKind::ProjectRoleBinding: return oneOf(m_namespaces) + "/" + named("pb", 4);
        case GraphKind::ResourceQuota:
        case GraphKind::LimitRange:
        case GraphKind::NamespaceNetworkPolicy: return oneOf(m_namespaces) + "/" + named("x", 2);
        case GraphKind::NetworkPolicy:
            return oneOf(m_namespaces) + "/" + (chance(0.4) ? std::string("nsnp-network-isolate") : named("np", 2));
        default: return std::string(toString(kind)) + std::to_string(pick(6));
        }
    }

    json subjects()
    {
        json out = json::array();
        const std::size_t n = 1 + pick(2);
        for (std::size_t i = 0; i < n; ++i) {
            switch (pick(4)) {
            case 0: out.push_back({{"kind", "Group"}, {"name", oneOf(m_groups)}}); break;
            case 1: out.push_back({{"kind", "ServiceAccount"}, {"name", "sa"}, {"namespace", oneOf(m_namespaces)}}); break;
            default: out.push_back({{"kind", "User"}, {"name", oneOf(m_users)}, {"apiGroup", "iam.kubesphere.io"}}); break;
            }
        }
        return out;
    }

    json labelsWith(std::initializer_list<std::pair<const char *, std::string>> pairs)
    {
        json labels = json::object();
        for (const auto &[k, v] : pairs)
            if (!v.empty())
                labels[k] = v;
        return labels;
    }

    json aggregation()
    {
        json a = json::object();
        if (chance(0.5)) {
            json names = json::array();
            for (std::size_t i = 0; i < pick(3); ++i)
                names.push_back(oneOf(m_templates));
            a["templateNames"] = names;
        }
        if (chance(0.4))
            a["roleSelector"] = chance(0.3) ? json::object()
                                            : json{{"matchLabels", {{"iam.kubesphere.io/aggregate-to-" + oneOf(m_tags), ""}}}};
        return a;
    }

    json make(GraphKind kind, const std::string &key)
    {
        const auto slash = key.find('/');
        const std::string ns = slash == std::string::npos ? std::string() : key.substr(0, slash);
        const std::string name = slash == std::string::npos ? key : key.substr(slash + 1);
        json md = {{"name", name}, {"resourceVersion", std::to_string(++m_rv)},
                   {"creationTimestamp", "2025-01-0" + std::to_string(1 + pick(9)) + "T00:00:00Z"}};
        if (!ns.empty())
            md["namespace"] = ns;
        json o = {{"metadata", md}};
        auto &meta = o["metadata"];
        switch (kind) {
        case GraphKind::Namespace:
            meta["labels"] = labelsWith({{"kubesphere.io/workspace", maybe(m_workspacesAndMissing)},
                                         {"kubesphere.io/managed", chance(0.5) ? "true" : ""}});
            meta["annotations"] = labelsWith({{"kubesphere.io/creator", maybe(m_users, 0.5)},
                                              {"kubesphere.io/network-isolate", chance(0.3) ? "enabled" : ""}});
            break;
        case GraphKind::WorkspaceTemplate: {
            json placement = json::object();
            if (chance(0.5))
                placement["clusters"] = json::array({{{"name", "c" + std::to_string(pick(3))}}});
            else if (chance(0.7))
                placement["clusterSelector"] = chance(0.3) ? json::object() : json{{"matchLabels", {{"region", oneOf(m_tags)}}}};
            o["spec"] = {{"placement", placement}, {"template", {{"spec", {{"manager", maybe(m_users)}}}}}};
            if (chance(0.3))
                o["spec"]["template"]["spec"]["networkIsolation"] = chance(0.5);
            meta["annotations"] = labelsWith({{"kubesphere.io/network-isolate", chance(0.3) ? "enabled" : ""},
                                              {"kubesphere.io/alias-name", chance(0.5) ? "Alias " + name : ""},
                                              {"kubesphere.io/deletion-propagation", chance(0.2) ? "Background" : ""}});
            break;
        }
        case GraphKind::Workspace:
            o["spec"] = {{"manager", maybe(m_users)}};
            if (chance(0.3))
                o["spec"]["networkIsolation"] = chance(0.5);
            break;
        case GraphKind::Cluster: meta["labels"] = labelsWith({{"region", oneOf(m_tags)}}); break;
        case GraphKind::User: {
            json groups = json::array();
            if (chance(0.4))
                groups.push_back(oneOf(m_groups));
            o["spec"] = {{"email", name + "@example.com"}, {"groups", groups}};
            o["status"] = {{"state", chance(0.8) ? "Active" : "Disabled"}};
            meta["annotations"] = labelsWith({{"iam.kubesphere.io/globalrole", maybe(m_globalRoles, 0.5)}});
            break;
        }
        case GraphKind::GlobalRole:
        case GraphKind::ClusterRole:
        case GraphKind::WorkspaceRole:
        case GraphKind::ProjectRole: {
            if (kind == GraphKind::WorkspaceRole)
                meta["labels"] = labelsWith({{"kubesphere.io/workspace", maybe(m_workspacesAndMissing)},
                                             {"iam.kubesphere.io/role-template", chance(0.1) ? "true" : ""}});
            else
                meta["labels"] = labelsWith({{"iam.kubesphere.io/role-template", chance(0.2) ? "true" : ""}});
            if (chance(0.3)) {
                json agg = json::array();
                agg.push_back(kind == GraphKind::GlobalRole   ? oneOf(m_globalRoles)
                              : kind == GraphKind::ClusterRole ? oneOf(m_clusterRoles)
                              : kind == GraphKind::WorkspaceRole ? oneOf(m_workspaceRoles)
                                                                 : oneOf(m_projectRoles));
                meta["annotations"] = {{"iam.kubesphere.io/aggregation-roles", agg.dump()}};
            }
            const json a = aggregation();
            if (!a.empty())
                o["aggregationRoleTemplates"] = a;
            o["rules"] = json::array();
            for (std::size_t i = 0; i < pick(3); ++i)
                o["rules"].push_back({{"verbs", {"get"}}, {"resources", {"pods"}}});
            break;
        }
        case GraphKind::GlobalRoleBinding:
        case GraphKind::WorkspaceRoleBinding:
        case GraphKind::ProjectRoleBinding:
        case GraphKind::ClusterRoleBinding: {
            std::string roleKind = "Role";
            std::string role;
            switch (kind) {
            case GraphKind::GlobalRoleBinding: roleKind = "GlobalRole"; role = oneOf(m_globalRoles); break;
            case GraphKind::WorkspaceRoleBinding: roleKind = "WorkspaceRole"; role = oneOf(m_workspaceRoles); break;
            case GraphKind::ClusterRoleBinding: roleKind = "ClusterRole"; role = oneOf(m_clusterRoles); break;
            default:
                if (chance(0.2)) {
                    roleKind = "ClusterRole";
                    role = oneOf(m_clusterRoles);
                } else {
                    role = oneOf(m_projectRoles);
                }
                break;
            }
            if (chance(0.1))
                role += "-gone";
            o["roleRef"] = {{"apiGroup", "iam.kubesphere.io"}, {"kind", roleKind}, {"name", role}};
            o["subjects"] = subjects();
            meta["labels"] = labelsWith({{"iam.kubesphere.io/user-ref", maybe(m_users, 0.7)},
                                         {"iam.kubesphere.io/group-ref", chance(0.2) ? oneOf(m_groups) : ""},
                                         {"kubesphere.io/workspace", kind == GraphKind::WorkspaceRoleBinding
                                                                         ? maybe(m_workspacesAndMissing)
                                                                         : std::string()}});
            break;
        }
        case GraphKind::RoleTemplate:
            meta["labels"] = labelsWith({{"iam.kubesphere.io/scope", maybe(m_scopes, 0.9)},
                                         {("iam.kubesphere.io/aggregate-to-" + oneOf(m_tags)).c_str(), "x"}});
            // aggregate-to labels are "" in KubeSphere; the value does not matter to matchLabels on ""
            for (auto &[k, v] : meta["labels"].items())
                if (k.rfind("iam.kubesphere.io/aggregate-to-", 0) == 0)
                    v = "";
            o["spec"] = {{"displayName", {{"en", "T " + name}}}, {"rules", json::array({{{"verbs", {"get"}}}})}};
            break;
        case GraphKind::BuiltinRole:
            meta["labels"] = labelsWith({{"iam.kubesphere.io/scope", chance(0.5) ? "workspace" : "namespace"}});
            o["role"] = {{"kind", "Role"}, {"metadata", {{"name", chance(0.5) ? oneOf(m_projectRoles) : "custom"}}}};
            break;
        case GraphKind::RoleBase:
            o["role"] = {{"kind", chance(0.5) ? "WorkspaceRole" : "Role"}, {"metadata", {{"name", "helper"}}}};
            break;
        case GraphKind::Group:
            meta["labels"] = labelsWith({{"kubesphere.io/workspace", maybe(m_workspacesAndMissing)}});
            break;
        case GraphKind::GroupBinding: {
            json users = json::array();
            for (std::size_t i = 0; i < pick(3); ++i)
                users.push_back(oneOf(m_users));
            o["groupRef"] = {{"kind", "groups"}, {"name", oneOf(m_groups)}};
            o["users"] = users;
            break;
        }
        case GraphKind::WorkspaceQuota:
            o["spec"] = {{"selector", {{"kubesphere.io/workspace", oneOf(m_workspacesAndMissing)}}},
                         {"quota", {{"hard", {{"pods", std::to_string(pick(100))}}}}}};
            o["status"] = {{"total", {{"used", {{"pods", std::to_string(pick(10))}}}}}};
            break;
        case GraphKind::ResourceQuota:
            o["spec"] = {{"hard", {{"cpu", std::to_string(pick(8))}}}};
            break;
        case GraphKind::LimitRange:
            o["spec"] = {{"limits", json::array({{{"type", "Container"}, {"default", {{"cpu", std::to_string(pick(900)) + "m"}}}}})}};
            break;
        case GraphKind::NetworkPolicy:
        case GraphKind::NamespaceNetworkPolicy: o["spec"] = {{"policyTypes", {"Ingress"}}}; break;
        case GraphKind::Count: break;
        }
        return o;
    }

    std::mt19937 m_rng;
    int m_rv = 0;
    std::array<std::map<std::string, GraphObject>, kGraphKindCount> m_truth;
    const std::vector<std::string> m_workspaces{"ws0", "ws1", "ws2", "ws3"};
    const std::vector<std::string> m_workspacesAndMissing{"ws0", "ws1", "ws2", "ws3", "ws-missing"};
    const std::vector<std::string> m_namespaces{"ns0", "ns1", "ns2", "ns3", "ns4", "ns5"};
    const std::vector<std::string> m_users{"u0", "u1", "u2", "u3", "u4"};
    const std::vector<std::string> m_groups{"g0", "g1", "g2"};
    const std::vector<std::string> m_globalRoles{"platform-admin", "platform-regular", "gr0", "gr1"};
    const std::vector<std::string> m_clusterRoles{"cluster-admin", "cr0", "cr1"};
    const std::vector<std::string> m_workspaceRoles{"ws0-admin", "ws1-viewer", "ws2-admin", "wr0", "wr1"};
    const std::vector<std::string> m_projectRoles{"admin", "operator", "pr0"};
    const std::vector<std::string> m_templates{"t0", "t1", "t2", "t3", "t4"};
    const std::vector<std::string> m_tags{"viewer", "regular", "west"};
    const std::vector<std::string> m_scopes{"global", "cluster", "workspace", "namespace"};
};

} // namespace

class TestTenancyGraph : public QObject
{
    Q_OBJECT

private slots:
    void graphMapMatchesStdMapAndStaysPersistent();

    void v4Workspaces();
    void v4Projects();
    void v4Members();
    void v4UserBindings();
    void v4Users();
    void v4Roles();
    void v4RoleTemplates();
    void v4Groups();
    void v4QuotasAndIsolation();
    void v4Drift();

    void v3Workspaces();
    void v3MembersAndBindings();
    void v3Roles();
    void v3QuotasAndIsolation();
    void v3Drift();

    void namespaceRelabelMovesProject();
    void deletingWorkspaceRoleBindingRemovesMember();
    void roleLifecycleUpdatesMembersAndDrift();
    void sameResourceVersionIsNoOp();
    void snapshotsAreUnaffectedByLaterUpdates();
    void incrementalUpdatesEqualFreshRebuild();
    void resyncReplacesOnlyTheDifference();
    void storeWiring();
    void storeGapTriggersResync();
    void storeMapSharedThroughManyEvents();
    void watcherEventsDirectly();
    void subscribersHearChangedKinds();
    void concurrentReadersSeeConsistentSnapshots();
};

// --- GraphMap ---

void TestTenancyGraph::graphMapMatchesStdMapAndStaysPersistent()
{
    // Given a persistent map and a plain std::map fed the same random operations
    std::mt19937 rng(7);
    GraphMap<int> map;
    std::map<std::string, int> reference;
    std::vector<std::pair<GraphMap<int>, std::map<std::string, int>>> versions;
    for (int round = 0; round < 300; ++round) {
        versions.emplace_back(map, reference);
        const GraphEdit edit;
        for (int op = 0; op < 40; ++op) {
            char key[8];
            std::snprintf(key, sizeof key, "k%03u", unsigned(rng() % 400));
            if (rng() % 3 == 0) {
                QCOMPARE(map.erase(edit, key), reference.erase(key) == 1);
            } else {
                const int value = int(rng() % 1000);
                map.set(edit, key, value);
                reference[key] = value;
            }
        }
        // Then contents, order, balance and size agree after every batch
        QVERIFY(map.valid());
        QCOMPARE(map.size(), reference.size());
        std::vector<std::pair<const std::string, int>> actual;
        map.forEach([&](std::string_view k, const int &v) {
            actual.emplace_back(k, v);
            return true;
        });
        QVERIFY(std::equal(actual.begin(), actual.end(), reference.begin(), reference.end()));
        // And a prefix range is exactly the keys with that prefix
        std::vector<std::string> prefixed;
        map.forEachWithPrefix("k1", [&](std::string_view k, const int &) {
            prefixed.emplace_back(k);
            return true;
        });
        std::vector<std::string> expected;
        for (const auto &[k, v] : reference)
            if (k.rfind("k1", 0) == 0)
                expected.push_back(k);
        QCOMPARE(prefixed, expected);
        QCOMPARE(map.countWithPrefix("k1"), expected.size());
    }
    // And every earlier version still reads as it was when it was taken
    for (const auto &[old, oldReference] : versions) {
        QVERIFY(old.valid());
        QCOMPARE(old.size(), oldReference.size());
        for (const auto &[k, v] : oldReference)
            QCOMPARE(*old.find(k), v);
    }
    // And a node is 32 bytes before its value: an index entry (an empty value) takes no more,
    // a stored object's pointer 16 (there are a million of them at 10x P1)
    QCOMPARE(GraphSet::kNodeBytes, std::size_t(32));
    QCOMPARE(GraphMap<kube::tenancy::GraphObject>::kNodeBytes, std::size_t(48));
}

// --- 4.x fixture ---

void TestTenancyGraph::v4Workspaces()
{
    // Given the 4.x fixture fed kind by kind
    TenancyGraph graph(ApiFlavor::V4);
    feed(graph, loadFixture("v4-tenancy.yaml", ApiFlavor::V4));
    const GraphSnapshot s = graph.snapshot();
    QVERIFY(s.consistent());
    QCOMPARE(s.flavor(), ApiFlavor::V4);

    // When the workspaces are listed
    const auto workspaces = s.workspaces();

    // Then templates and member-only workspaces are merged by name with every field
    QCOMPARE(rows(workspaces),
             (Rows{"member-only alias=Member only desc= manager=admin creator= created=2025-03-01T00:00:00Z clusters= "
                   "resolved= incomplete isolation=off deletion=Orphan(default) projects=0 W",
                   "system-workspace alias= desc= manager= creator= created=2024-12-01T00:00:00Z clusters= selector={} "
                   "resolved=host,member1,member2 isolation=off deletion=Orphan(default) projects=0 T",
                   "ws1 alias=Team 1 desc=The first team manager=user-a creator=admin created=2025-01-10T08:00:00Z "
                   "clusters=host,member1 resolved=host,member1 isolation=on(annotation) deletion=Foreground projects=2 T W",
                   "ws2 alias=Second desc= manager=user-b creator=user-b created=2025-02-01T09:30:00Z clusters= "
                   "selector={\"matchLabels\":{\"cluster.kubesphere.io/region\":\"west\"}} resolved=member1,member2 "
                   "isolation=off deletion=Orphan(default) projects=1 T W"}));
    const WorkspaceInfo &ws1 = findByName(workspaces, "ws1");
    QVERIFY(ws1.templateObject && ws1.workspaceObject);
    QCOMPARE(ws1.templateObject->at("kind").get<std::string>(), std::string("WorkspaceTemplate"));
    QCOMPARE(s.clustersOf("ws2"), (Rows{"member1", "member2"}));
    QVERIFY(s.workspace("ws2").has_value());
    QVERIFY(!s.workspace("ghost").has_value());
    QVERIFY(s.workspaceExists("member-only"));
    QVERIFY(!s.workspaceExists("ghost"));
    QCOMPARE(s.count(GraphKind::WorkspaceTemplate), std::size_t(3));
}

void TestTenancyGraph::v4Projects()
{
    TenancyGraph graph(ApiFlavor::V4);
    feed(graph, loadFixture("v4-tenancy.yaml", ApiFlavor::V4));
    const GraphSnapshot s = graph.snapshot();

    // Then projects are grouped by the workspace label, with their fields
    QCOMPARE(rows(s.projects("ws1")),
             (Rows{"proj1 ws=ws1 alias=Project One creator=user-a managed isolated Active", "proj2 ws=ws1 managed Active"}));
    QCOMPARE(names(s.projects("ws2")), (Rows{"proj3"}));
    QCOMPARE(names(s.projectsWithoutWorkspace()), (Rows{"default"}));
    QCOMPARE(rows(s.projects("ghost")), (Rows{"lost-proj ws=ghost(missing) Active"}));
    QCOMPARE(s.projectCount("ws1"), std::size_t(2));
    QCOMPARE(s.projectNames("ws1"), (Rows{"proj1", "proj2"}));
    QCOMPARE(s.workspaceOf("proj3"), std::string("ws2"));
    QCOMPARE(s.workspaceOf("default"), std::string());
    QCOMPARE(s.workspaceOf("nope"), std::string());
    QVERIFY(s.project("proj1")->object);
    QVERIFY(!s.project("nope").has_value());
    QCOMPARE(s.objectsInNamespace(GraphKind::ProjectRole, "proj1").size(), std::size_t(5));
}

void TestTenancyGraph::v4Members()
{
    TenancyGraph graph(ApiFlavor::V4);
    feed(graph, loadFixture("v4-tenancy.yaml", ApiFlavor::V4));
    const GraphSnapshot s = graph.snapshot();

    // Then workspace members are the subjects of bindings labelled with the workspace
    QCOMPARE(rows(s.workspaceMembers("ws1")),
             (Rows{"devs-ws1-regular Group:devs -> WorkspaceRole/ws1-regular since 2025-01-21T00:00:00Z",
                   "user-b-ws1-viewer User:user-b -> WorkspaceRole/ws1-viewer since 2025-01-20T00:00:00Z",
                   "user-c-ws1-deployer User:user-c -> WorkspaceRole/ws1-deployer since 2025-02-16T00:00:00Z",
                   "ws1-admin User:user-a -> WorkspaceRole/ws1-admin manager since 2025-01-10T08:00:10Z"}));
    QCOMPARE(rows(s.workspaceMembers("ws2")),
             (Rows{"user-a-ws2-viewer User:user-d -> WorkspaceRole/ws2-viewer since 2025-02-03T00:00:00Z",
                   "user-b-ws2-ghost User:user-b -> WorkspaceRole/ws2-ghost missing-role since 2025-02-04T00:00:00Z"}));
    // And project members include the creator binding; the kubeconfig service account bound next
    // to its user (4.x) is that user, not a member of its own
    QCOMPARE(rows(s.projectMembers("proj1")),
             (Rows{"user-a-admin User:user-a -> Role/admin creator since 2025-01-11T10:00:02Z",
                   "user-b-operator User:user-b -> Role/operator since 2025-01-22T00:00:00Z"}));
    QCOMPARE(rows(s.projectMembers("proj2")),
             (Rows{"user-b-ghost User:user-b -> Role/ghost missing-role since 2025-01-23T00:00:00Z"}));
    QVERIFY(s.projectMembers("default").empty());
    QCOMPARE(rows(s.clusterMembers()),
             (Rows{"user-b-cluster-viewer User:user-b -> ClusterRole/cluster-viewer since 2025-01-25T00:00:00Z"}));
    QCOMPARE(s.platformMembers().size(), std::size_t(6));
    QCOMPARE(rows(s.membersOfRole(RoleLevel::Workspace, "ws1", "ws1-viewer")),
             (Rows{"user-b-ws1-viewer User:user-b -> WorkspaceRole/ws1-viewer since 2025-01-20T00:00:00Z"}));
    QCOMPARE(s.membersOfRole(RoleLevel::Project, "proj1", "operator").size(), std::size_t(1));
    QCOMPARE(s.membersOfRole(RoleLevel::Platform, "", "platform-regular").size(), std::size_t(3));
    const auto member = s.workspaceMembers("ws1").front();
    QCOMPARE(member.bindingKind, GraphKind::WorkspaceRoleBinding);
    QVERIFY(member.object);
}

void TestTenancyGraph::v4UserBindings()
{
    TenancyGraph graph(ApiFlavor::V4);
    feed(graph, loadFixture("v4-tenancy.yaml", ApiFlavor::V4));
    const GraphSnapshot s = graph.snapshot();

    // When the bindings of user-b are asked for
    const UserBindings b = s.userBindings("user-b");
    // Then every level is covered, including a grant through group devs
    QCOMPARE(b.platformRole, std::string("platform-regular"));
    QCOMPARE(b.groups, (Rows{"devs"}));
    QCOMPARE(rows(b),
             (Rows{"platform user-b-platform-regular -> platform-regular [subject]",
                   "workspace ws1/devs-ws1-regular -> ws1-regular [group devs]",
                   "workspace ws1/user-b-ws1-viewer -> ws1-viewer [subject]",
                   "workspace ws2/user-b-ws2-ghost -> ws2-ghost [subject] missing-role",
                   "project proj1/user-b-operator -> operator [subject]",
                   "project proj2/user-b-ghost -> ghost [subject] missing-role",
                   "cluster user-b-cluster-viewer -> cluster-viewer [subject]"}));
    // And a binding labelled for user-a but granting user-d shows on both sides
    QCOMPARE(rows(s.userBindings("user-a")),
             (Rows{"platform user-a-platform-regular -> platform-regular [subject]",
                   "workspace ws2/user-a-ws2-viewer -> ws2-viewer [user-ref label]",
                   "workspace ws1/ws1-admin -> ws1-admin [subject]",
                   "project proj1/user-a-admin -> admin [subject]"}));
    const UserBindings d = s.userBindings("user-d");
    QCOMPARE(d.platformRole, std::string("platform-admin"));  // first of two, by name
    QCOMPARE(d.platform.size(), std::size_t(2));
    QCOMPARE(rows(d.workspace), (Rows{"workspace ws2/user-a-ws2-viewer -> ws2-viewer [subject]"}));
    QCOMPARE(d.workspace.front().kind, GraphKind::WorkspaceRoleBinding);
    QVERIFY(d.workspace.front().object);
    // And an unknown user has no bindings
    QVERIFY(rows(s.userBindings("nobody")).empty());
    // And bindings of a subject are found by kind + name
    QCOMPARE(rows(s.bindingsOfSubject(Subject{"Group", "system:authenticated", "", ""})),
             (Rows{"platform authenticated -> authenticated [group system:authenticated]"}));
    QCOMPARE(s.bindingsOfSubject(Subject{"ServiceAccount", "kubesphere.users.user-a", "kubesphere-system", ""}).size(),
             std::size_t(1));
}

void TestTenancyGraph::v4Users()
{
    TenancyGraph graph(ApiFlavor::V4);
    feed(graph, loadFixture("v4-tenancy.yaml", ApiFlavor::V4));
    const GraphSnapshot s = graph.snapshot();
    QCOMPARE(rows(s.users()),
             (Rows{"admin email=admin@kubesphere.io name=Administrator state=Active platform=platform-admin "
                   "annotation=platform-admin grb=1 groups= granted=host,member1 login=2025-03-10T12:00:00Z lang=en",
                   "user-a email=a@example.com name=User A state=Active platform=platform-regular annotation=platform-regular "
                   "grb=1 groups= granted= uninitialized desc=Team 1 lead",
                   "user-b email=b@example.com name= state=Active platform=platform-regular "
                   "annotation=platform-self-provisioner grb=1 groups= granted=",
                   "user-c email=c@example.com name= state=Disabled platform= annotation= grb=0 groups= granted= "
                   "reason=left the company",
                   "user-d email=d@example.com name= state=AuthLimitExceeded platform=platform-admin annotation=platform-admin "
                   "grb=2 groups= granted= reason=5 failed login attempts"}));
    const auto c = s.user("user-c");
    QVERIFY(c.has_value());
    QCOMPARE(c->lastTransitionTime, std::string("2025-02-01T00:00:00Z"));
    QCOMPARE(c->created, std::string("2025-01-07T00:00:00Z"));
    QVERIFY(!s.user("nobody").has_value());
}

void TestTenancyGraph::v4Roles()
{
    TenancyGraph graph(ApiFlavor::V4);
    feed(graph, loadFixture("v4-tenancy.yaml", ApiFlavor::V4));
    const GraphSnapshot s = graph.snapshot();

    // Then platform roles carry built-in flags and their templates, by name and by selector
    QCOMPARE(rows(s.globalRoles()),
             (Rows{"auditor rules=1 bindings=0 alias=Auditor creator=admin "
                   "templates=global-view-users+L,global-missing-template+L!missing",
                   "authenticated builtin rego rules=1 bindings=1",
                   "platform-admin builtin selector rules=2 bindings=2 templates=global-create-workspaces+S,global-view-users+S",
                   "platform-regular builtin rules=0 bindings=3",
                   "platform-self-provisioner builtin rules=1 bindings=0 templates=global-create-workspaces+L"}));
    // And workspace roles are those labelled with the workspace; BuiltinRole blueprints count as built-in
    QCOMPARE(rows(s.workspaceRoles("ws1")),
             (Rows{"ws1/ws1-admin builtin selector rules=1 bindings=1 "
                   "templates=workspace-view-members+S,workspace-view-projects+S",
                   "ws1/ws1-auditor builtin rules=0 bindings=0",
                   "ws1/ws1-deployer rules=0 bindings=1 alias=Deployer creator=admin "
                   "templates=workspace-view-projects+L,workspace-view-members+L",
                   "ws1/ws1-regular builtin selector rules=0 bindings=1 templates=workspace-view-members+L+S",
                   "ws1/ws1-self-provisioner builtin rules=0 bindings=0",
                   "ws1/ws1-viewer builtin selector rules=1 bindings=1 "
                   "templates=workspace-view-members+S,workspace-view-projects+S"}));
    QCOMPARE(rows(s.workspaceRoles("")), (Rows{"stray-role rules=0 bindings=0"}));
    QCOMPARE(rows(s.projectRoles("proj1")),
             (Rows{"proj1/admin builtin selector rules=1 bindings=1 templates=namespace-view-app-workloads+S",
                   "proj1/helper builtin rules=0 bindings=0",
                   "proj1/operator builtin rules=1 bindings=1",
                   "proj1/viewer builtin selector rules=1 bindings=0 templates=namespace-view-app-workloads+S",
                   "proj1/workload-reader rules=1 bindings=0 creator=user-a templates=namespace-view-app-workloads+L"}));
    QCOMPARE(rows(s.clusterRoles()),
             (Rows{"cluster-admin builtin selector rules=1 bindings=0 templates=cluster-view-nodes+S",
                   "cluster-viewer builtin selector rules=1 bindings=1 templates=cluster-view-nodes+S",
                   "node-watcher rules=1 bindings=0 creator=admin templates=cluster-view-nodes+L"}));
    // And single roles are found per level and scope
    const auto admin = s.role(RoleLevel::Project, "proj1", "admin");
    QVERIFY(admin.has_value());
    QCOMPARE(admin->kind, GraphKind::ProjectRole);
    QCOMPARE(admin->templates.front().object->at("kind").get<std::string>(), std::string("RoleTemplate"));
    QVERIFY(!s.role(RoleLevel::Project, "proj2", "operator").has_value());
    QVERIFY(s.role(RoleLevel::Workspace, "ws1", "ws1-viewer").has_value());
    QVERIFY(s.role(RoleLevel::Platform, "", "auditor").has_value());
    QVERIFY(!s.role(RoleLevel::Cluster, "", "nope").has_value());
}

void TestTenancyGraph::v4RoleTemplates()
{
    TenancyGraph graph(ApiFlavor::V4);
    feed(graph, loadFixture("v4-tenancy.yaml", ApiFlavor::V4));
    const GraphSnapshot s = graph.snapshot();
    // Then the picker offers the RoleTemplates of each level's scope, with display metadata
    QCOMPARE(rows(s.roleTemplates(RoleLevel::Platform)),
             (Rows{"global-create-workspaces \"Workspace Creation\" category=workspace-management rules=1",
                   "global-view-users \"User Viewing\" category=access-control rules=1"}));
    QCOMPARE(rows(s.roleTemplates(RoleLevel::Workspace)),
             (Rows{"workspace-view-members \"Member Viewing\" category= rules=1 to=regular,viewer",
                   "workspace-view-projects \"Project Viewing\" category= rules=1 basic to=viewer"}));
    QCOMPARE(rows(s.roleTemplates(RoleLevel::Project, "proj1")),
             (Rows{"namespace-view-app-workloads \"Workload Viewing\" category= rules=1 hidden to=viewer"}));
    QCOMPARE(rows(s.roleTemplates(RoleLevel::Cluster)),
             (Rows{"cluster-view-nodes \"Node Viewing\" category= rules=1 to=cluster-viewer"}));
}

void TestTenancyGraph::v4Groups()
{
    TenancyGraph graph(ApiFlavor::V4);
    feed(graph, loadFixture("v4-tenancy.yaml", ApiFlavor::V4));
    const GraphSnapshot s = graph.snapshot();
    QCOMPARE(rows(s.groups("ws1")),
             (Rows{"devs display=devs ws=ws1 parent=devs-x7k2p users=user-b", "devs-x7k2p display=devs ws=ws1 parent= users="}));
    QVERIFY(s.groups("ws2").empty());
    QCOMPARE(s.groupsOfUser("user-b"), (Rows{"devs"}));
    QVERIFY(s.groupsOfUser("user-a").empty());
}

void TestTenancyGraph::v4QuotasAndIsolation()
{
    TenancyGraph graph(ApiFlavor::V4);
    feed(graph, loadFixture("v4-tenancy.yaml", ApiFlavor::V4));
    const GraphSnapshot s = graph.snapshot();
    // Then the workspace quota is the quota.kubesphere.io object selecting the workspace
    QCOMPARE(rows(s.workspaceQuotas("ws1")),
             (Rows{"ws1 hard={limits.cpu=20,limits.memory=40Gi,pods=200} used={limits.cpu=1500m,limits.memory=2Gi,pods=7} "
                   "proj1:{limits.cpu=1500m,pods=7}"}));
    QVERIFY(s.workspaceQuotas("ws2").empty());
    // And a project's quota is its ResourceQuotas plus the LimitRange container defaults
    QCOMPARE(row(s.projectQuota("proj1")),
             std::string("proj1 hard={limits.cpu=4,limits.memory=8Gi,pods=20} used={limits.cpu=1500m,limits.memory=2Gi,pods=7}; "
                         "defaults(limits) limits={cpu=500m,memory=500Mi} requests={cpu=10m,memory=10Mi} max={} "
                         "limitranges=1"));
    QCOMPARE(row(s.projectQuota("proj2")), std::string(" limitranges=0"));
    // And isolation: 4.x annotation on the workspace, the namespace's own annotation, policies
    QCOMPARE(row(s.workspaceIsolation("ws1")), std::string("on(annotation)"));
    QCOMPARE(row(s.workspaceIsolation("ws2")), std::string("off"));
    QCOMPARE(row(s.projectIsolation("proj1")), std::string("own ws effective policy np=1 nsnp=1"));
    QCOMPARE(row(s.projectIsolation("proj2")), std::string("- ws effective np=0 nsnp=0"));
    QCOMPARE(row(s.projectIsolation("proj3")), std::string("- - open np=0 nsnp=0"));
}

void TestTenancyGraph::v4Drift()
{
    TenancyGraph graph(ApiFlavor::V4);
    feed(graph, loadFixture("v4-tenancy.yaml", ApiFlavor::V4));
    const GraphSnapshot s = graph.snapshot();
    // Then each deliberate inconsistency of the fixture is reported once, and nothing else
    QCOMPARE(rows(s.drift()),
             (Rows{"NamespaceWorkspaceMissing Namespace lost-proj",
                   // isolated with its workspace ws1, and no nsnp-network-isolate policy
                   "IsolationPolicyMissing Namespace proj2",
                   "ManagerBindingMissing WorkspaceTemplate ws2",
                   "PlatformRoleAnnotationMismatch User user-b",
                   "MultiplePlatformRoles User user-d",
                   "TemplateMissing GlobalRole auditor",
                   "WorkspaceRoleWithoutWorkspace WorkspaceRole stray-role",
                   "BindingUserRefMismatch WorkspaceRoleBinding user-a-ws2-viewer",
                   "BindingRoleMissing WorkspaceRoleBinding user-b-ws2-ghost",
                   "BindingWithoutUserRef WorkspaceRoleBinding user-c-ws1-deployer",
                   "BindingRoleMissing ProjectRoleBinding proj2/user-b-ghost",
                   "WorkspaceMissing WorkspaceQuota ghost"}));
    const auto items = s.drift();
    const auto missing = std::find_if(items.begin(), items.end(),
                                      [](const DriftItem &d) { return d.key == "user-b-ws2-ghost"; });
    QCOMPARE(missing->detail, std::string("WorkspaceRole ws2-ghost does not exist"));
}

// --- 3.x fixture ---

void TestTenancyGraph::v3Workspaces()
{
    TenancyGraph graph(ApiFlavor::V3);
    feed(graph, loadFixture("v3-tenancy.yaml", ApiFlavor::V3));
    const GraphSnapshot s = graph.snapshot();
    QVERIFY(s.consistent());
    // Then 3.x isolation comes from spec.networkIsolation, with the per-cluster override
    QCOMPARE(rows(s.workspaces()),
             (Rows{"ws1 alias=Team 1 desc= manager=user-a creator=admin created=2023-05-01T00:00:00Z clusters=host,member1 "
                   "resolved=host,member1 isolation=on(spec) member1=off deletion=Orphan(default) projects=1 T W",
                   "ws2 alias= desc= manager=user-b creator= created=2023-05-02T00:00:00Z clusters=host resolved=host "
                   "isolation=off deletion=Orphan(default) projects=1 T W"}));
    QCOMPARE(names(s.projects("ws1")), (Rows{"proj1"}));
    QCOMPARE(names(s.projectsWithoutWorkspace()), (Rows{"kube-system"}));
    // And without Cluster objects a selector placement would be incomplete; named clusters are not
    QVERIFY(s.placement("ws1").resolvedComplete);
    QVERIFY(!s.fed(GraphKind::Cluster) || s.count(GraphKind::Cluster) == 0);
}

void TestTenancyGraph::v3MembersAndBindings()
{
    TenancyGraph graph(ApiFlavor::V3);
    feed(graph, loadFixture("v3-tenancy.yaml", ApiFlavor::V3));
    const GraphSnapshot s = graph.snapshot();
    QCOMPARE(rows(s.workspaceMembers("ws1")),
             (Rows{"user-b-ws1-viewer User:user-b -> WorkspaceRole/ws1-viewer since 2023-05-05T00:00:00Z",
                   "ws1-admin User:user-a -> WorkspaceRole/ws1-admin manager since 2023-05-01T00:00:02Z"}));
    // RBAC project bindings: a ClusterRole granted in a namespace, a group and a service account
    QCOMPARE(rows(s.projectMembers("proj1")),
             (Rows{"devs-view Group:devs -> ClusterRole/view since 2023-05-07T00:00:00Z",
                   "devs-view ServiceAccount:proj1/ci -> ClusterRole/view since 2023-05-07T00:00:00Z",
                   "user-a-admin User:user-a -> Role/admin creator since 2023-05-03T00:00:01Z",
                   "user-b-operator User:user-b -> Role/operator since 2023-05-06T00:00:00Z"}));
    QCOMPARE(s.projectMembers("proj1")[1].subject.userName(), std::string("system:serviceaccount:proj1:ci"));
    // And user-b's groups come from spec.groups in 3.x
    const UserBindings b = s.userBindings("user-b");
    QCOMPARE(b.platformRole, std::string("platform-self-provisioner"));
    QCOMPARE(rows(b),
             (Rows{"platform user-b-platform-self-provisioner -> platform-self-provisioner [subject]",
                   "workspace ws1/user-b-ws1-viewer -> ws1-viewer [subject]",
                   "workspace ws2/ws2-admin -> ws2-admin [subject]",
                   "project proj1/devs-view -> view [group devs]",
                   "project proj1/user-b-operator -> operator [subject]",
                   "cluster user-b-cluster-viewer -> cluster-viewer [subject]"}));
    QCOMPARE(s.user("admin")->platformRole, std::string("platform-admin"));
    QCOMPARE(rows(s.userBindings("admin").cluster), (Rows{"cluster admin-extra -> cluster-admin [subject]"}));
    QCOMPARE(s.clusterMembers().size(), std::size_t(4));
}

void TestTenancyGraph::v3Roles()
{
    TenancyGraph graph(ApiFlavor::V3);
    feed(graph, loadFixture("v3-tenancy.yaml", ApiFlavor::V3));
    const GraphSnapshot s = graph.snapshot();
    // Then templates are same-kind roles named in the aggregation annotation
    QCOMPARE(rows(s.globalRoles()),
             (Rows{"platform-admin builtin rules=1 bindings=1 templates=role-template-view-users+L,role-template-create-workspaces+L",
                   "platform-regular builtin rules=0 bindings=1",
                   "platform-self-provisioner builtin rules=1 bindings=1 templates=role-template-create-workspaces+L",
                   "role-template-create-workspaces template rules=1 bindings=0 alias=Workspaces Create",
                   "role-template-view-users template rules=1 bindings=0 alias=Users View"}));
    // And RoleBase blueprints make workspace roles built-in
    QCOMPARE(rows(s.workspaceRoles("ws1")),
             (Rows{"ws1/ws1-admin builtin rules=1 bindings=1", "ws1/ws1-devops-reader builtin rules=0 bindings=0",
                   "ws1/ws1-members-viewer rules=1 bindings=0 creator=user-a templates=role-template-view-members+L",
                   "ws1/ws1-viewer builtin rules=1 bindings=1"}));
    // And project templates are looked up in the same namespace
    QCOMPARE(rows(s.projectRoles("proj1")),
             (Rows{"proj1/admin builtin rules=1 bindings=1", "proj1/operator builtin rules=2 bindings=1",
                   "proj1/role-template-view-app-workloads template rules=1 bindings=0 alias=Workloads View",
                   "proj1/workload-reader rules=1 bindings=0 creator=user-a "
                   "templates=role-template-view-app-workloads+L,role-template-view-secrets+L!missing"}));
    // And RBAC cluster roles: Kubernetes defaults are built-in too
    QCOMPARE(rows(s.clusterRoles()),
             (Rows{"cluster-admin builtin rules=2 bindings=1", "cluster-viewer builtin rules=1 bindings=1 creator=system "
                   "templates=role-template-view-nodes+L",
                   "role-template-view-nodes template rules=0 bindings=0 alias=Nodes View",
                   "system:basic-user builtin rules=1 bindings=1", "view builtin rules=1 bindings=2"}));
    QCOMPARE(rows(s.roleTemplates(RoleLevel::Platform)),
             (Rows{"role-template-create-workspaces \"Workspaces Create\" category=Workspaces Management rules=1",
                   "role-template-view-users \"Users View\" category=Access Control rules=1"}));
    QCOMPARE(rows(s.roleTemplates(RoleLevel::Workspace)),
             (Rows{"role-template-view-members \"Members View\" category=Members Management rules=1"}));
    QCOMPARE(rows(s.roleTemplates(RoleLevel::Project, "proj1")),
             (Rows{"role-template-view-app-workloads \"Workloads View\" category=Application Workloads rules=1"}));
    QVERIFY(s.roleTemplates(RoleLevel::Project, "proj2").empty());
    QCOMPARE(s.role(RoleLevel::Platform, "", "platform-admin")->templates[0].kind, GraphKind::GlobalRole);
}

void TestTenancyGraph::v3QuotasAndIsolation()
{
    TenancyGraph graph(ApiFlavor::V3);
    feed(graph, loadFixture("v3-tenancy.yaml", ApiFlavor::V3));
    const GraphSnapshot s = graph.snapshot();
    QCOMPARE(rows(s.workspaceQuotas("ws1")), (Rows{"ws1 hard={requests.cpu=8} used={requests.cpu=250m}"}));
    // The Container item is picked, not the first item
    QCOMPARE(row(s.projectQuota("proj2")),
             std::string("defaults(proj2) limits={cpu=300m} requests={cpu=20m} max={cpu=1} limitranges=1"));
    // proj1 inherits ws1's isolation; nsnp-* policies are the controller's, not custom ones
    QCOMPARE(row(s.projectIsolation("proj1")), std::string("- ws effective np=0 nsnp=1"));
    QCOMPARE(row(s.projectIsolation("proj2")), std::string("own - effective policy np=0 nsnp=0"));
    QCOMPARE(row(s.workspaceIsolation("ws2")), std::string("off"));
}

void TestTenancyGraph::v3Drift()
{
    TenancyGraph graph(ApiFlavor::V3);
    feed(graph, loadFixture("v3-tenancy.yaml", ApiFlavor::V3));
    // Then only KubeSphere-relevant drift is reported: Kubernetes' own bindings, a kubeconfig
    // user's RBAC and template roles without a workspace are not drift
    QCOMPARE(rows(graph.snapshot().drift()),
             (Rows{"IsolationPolicyMissing Namespace proj1",  // ws1 is isolated; no policy enforces it
                   "TemplateMissing ProjectRole proj1/workload-reader",
                   "BindingWithoutUserRef ClusterRoleBinding admin-extra"}));
}

// --- incremental behaviour ---

void TestTenancyGraph::namespaceRelabelMovesProject()
{
    // Given the 4.x fixture
    TenancyGraph graph(ApiFlavor::V4);
    feed(graph, loadFixture("v4-tenancy.yaml", ApiFlavor::V4));
    const auto before = graph.snapshot();
    // When proj2 is relabelled to ws2
    QVERIFY(graph.upsert(GraphKind::Namespace, obj(nsObject("proj2", "ws2", 1000))));
    // Then it moved: gone from ws1, listed under ws2, and workspaceOf agrees
    auto s = graph.snapshot();
    QCOMPARE(names(s.projects("ws1")), (Rows{"proj1"}));
    QCOMPARE(names(s.projects("ws2")), (Rows{"proj2", "proj3"}));
    QCOMPARE(s.workspaceOf("proj2"), std::string("ws2"));
    QCOMPARE(s.workspace("ws1")->projectCount, std::size_t(1));
    QVERIFY(s.version() > before.version());
    // When the label is removed
    QVERIFY(graph.upsert(GraphKind::Namespace, obj(nsObject("proj2", "", 1001))));
    // Then it is a namespace without workspace
    s = graph.snapshot();
    QCOMPARE(names(s.projectsWithoutWorkspace()), (Rows{"default", "proj2"}));
    QCOMPARE(names(s.projects("ws2")), (Rows{"proj3"}));
    QVERIFY(s.consistent());
}

void TestTenancyGraph::deletingWorkspaceRoleBindingRemovesMember()
{
    // Given user-b is a viewer of ws1
    TenancyGraph graph(ApiFlavor::V4);
    feed(graph, loadFixture("v4-tenancy.yaml", ApiFlavor::V4));
    QCOMPARE(graph.snapshot().workspaceMembers("ws1").size(), std::size_t(4));
    // When the binding is deleted
    QVERIFY(graph.remove(GraphKind::WorkspaceRoleBinding, "user-b-ws1-viewer"));
    // Then user-b is no member of ws1 any more, anywhere the graph answers it
    const auto s = graph.snapshot();
    for (const auto &m : s.workspaceMembers("ws1"))
        QVERIFY(m.binding != "user-b-ws1-viewer");
    QCOMPARE(s.workspaceMembers("ws1").size(), std::size_t(3));
    for (const auto &b : s.userBindings("user-b").workspace)
        QVERIFY(b.name != "user-b-ws1-viewer");
    QVERIFY(s.membersOfRole(RoleLevel::Workspace, "ws1", "ws1-viewer").empty());
    QCOMPARE(s.role(RoleLevel::Workspace, "ws1", "ws1-viewer")->bindingCount, std::size_t(0));
    // And removing it again changes nothing
    QVERIFY(!graph.remove(GraphKind::WorkspaceRoleBinding, "user-b-ws1-viewer"));
    QVERIFY(s.consistent());
}

void TestTenancyGraph::roleLifecycleUpdatesMembersAndDrift()
{
    TenancyGraph graph(ApiFlavor::V4);
    feed(graph, loadFixture("v4-tenancy.yaml", ApiFlavor::V4));
    // When the missing role ws2-ghost is created
    graph.upsert(GraphKind::WorkspaceRole,
                 obj(json::parse(R"({"kind": "WorkspaceRole", "metadata": {"name": "ws2-ghost", "resourceVersion": "900",
                     "labels": {"kubesphere.io/workspace": "ws2"}}, "rules": []})")));
    // Then its binding resolves and the drift item disappears
    auto s = graph.snapshot();
    for (const auto &m : s.workspaceMembers("ws2"))
        QVERIFY(m.roleExists);
    for (const auto &d : s.drift())
        QVERIFY(d.key != "user-b-ws2-ghost");
    // When the binding's subject is changed to the user its label names
    graph.upsert(GraphKind::WorkspaceRoleBinding,
                 obj(json::parse(R"({"kind": "WorkspaceRoleBinding", "metadata": {"name": "user-a-ws2-viewer",
                     "resourceVersion": "901", "labels": {"kubesphere.io/workspace": "ws2", "iam.kubesphere.io/user-ref": "user-a"}},
                     "roleRef": {"kind": "WorkspaceRole", "name": "ws2-viewer"}, "subjects": [{"kind": "User", "name": "user-a"}]})")));
    // Then user-d lost it and user-a holds it by subject
    s = graph.snapshot();
    QVERIFY(s.userBindings("user-d").workspace.empty());
    QCOMPARE(rows(s.userBindings("user-a").workspace),
             (Rows{"workspace ws2/user-a-ws2-viewer -> ws2-viewer [subject]", "workspace ws1/ws1-admin -> ws1-admin [subject]"}));
    // When a GroupBinding adds user-a to devs
    graph.upsert(GraphKind::GroupBinding,
                 obj(json::parse(R"({"kind": "GroupBinding", "metadata": {"name": "devs-user-a", "resourceVersion": "902"},
                     "groupRef": {"name": "devs"}, "users": ["user-a"]})")));
    // Then user-a reaches devs' workspace binding through the group
    s = graph.snapshot();
    QCOMPARE(s.groupsOfUser("user-a"), (Rows{"devs"}));
    QCOMPARE(rows(s.userBindings("user-a").workspace).front(), std::string("workspace ws1/devs-ws1-regular -> ws1-regular [group devs]"));
    QVERIFY(s.consistent());
}

void TestTenancyGraph::sameResourceVersionIsNoOp()
{
    TenancyGraph graph(ApiFlavor::V4);
    QVERIFY(graph.upsert(GraphKind::Namespace, obj(nsObject("p", "ws", 5))));
    const auto version = graph.snapshot().version();
    // When the same state is delivered again (a resync, a duplicate event)
    QVERIFY(!graph.upsert(GraphKind::Namespace, obj(nsObject("p", "ws", 5))));
    // Then no version is published
    QCOMPARE(graph.snapshot().version(), version);
    // And objects without a name are ignored
    QVERIFY(!graph.upsert(GraphKind::Namespace, obj(json{{"metadata", json::object()}})));
    QVERIFY(!graph.upsert(GraphKind::Namespace, nullptr));
}

void TestTenancyGraph::snapshotsAreUnaffectedByLaterUpdates()
{
    // Given a snapshot of the 4.x fixture and its full query output
    const Fixture f = loadFixture("v4-tenancy.yaml", ApiFlavor::V4);
    TenancyGraph graph(ApiFlavor::V4);
    feed(graph, f);
    const Names n{{"ws1", "ws2", "", "ghost"}, {"proj1", "proj2", "proj3"}, {"user-a", "user-b", "user-d"}, {"devs"}};
    const GraphSnapshot old = graph.snapshot();
    const std::string before = dump(old, n);
    const auto version = old.version();
    // When the graph changes a lot: relabels, deletions, additions, a resync to nothing
    graph.upsert(GraphKind::Namespace, obj(nsObject("proj1", "ws2", 2000)));
    graph.remove(GraphKind::WorkspaceRoleBinding, "ws1-admin");
    graph.remove(GraphKind::User, "user-b");
    graph.upsert(GraphKind::Namespace, obj(nsObject("new", "ws1", 2001)));
    graph.resync(GraphKind::ProjectRoleBinding, {});
    QVERIFY(dump(graph.snapshot(), n) != before);
    // Then the old snapshot still answers exactly as before
    QCOMPARE(old.version(), version);
    QCOMPARE(dump(old, n), before);
    QVERIFY(old.consistent());
}

void TestTenancyGraph::incrementalUpdatesEqualFreshRebuild()
{
    // Property: whatever sequence of events leads to a set of objects, the incrementally
    // updated graph answers every query exactly as a graph built fresh from that set.
    for (unsigned seed = 1; seed <= 40; ++seed) {
        RandomTenancy world(seed);
        TenancyGraph incremental(ApiFlavor::V4);
        for (std::size_t k = 0; k < kGraphKindCount; ++k)
            incremental.resync(static_cast<GraphKind>(k), {});
        const int steps = 150 + int(world.pick(150));
        for (int step = 0; step < steps;) {
            // Single events, batches and per-kind resyncs all go through their own paths.
            const auto mode = world.pick(10);
            if (mode < 6) {
                const auto e = world.next();
                if (e.deleted)
                    incremental.remove(e.kind, e.key);
                else
                    incremental.upsert(e.kind, e.object);
                ++step;
            } else if (mode < 9) {
                std::vector<TenancyGraph::Event> batch;
                for (std::size_t i = 0, n = 1 + world.pick(20); i < n; ++i)
                    batch.push_back(world.next());
                incremental.apply(batch);
                step += int(batch.size());
            } else {
                for (int i = 0; i < 5; ++i)
                    world.next();  // changes the resync below delivers in one go
                const auto kind = static_cast<GraphKind>(world.pick(kGraphKindCount));
                incremental.resync(kind, world.objects(kind));
                for (std::size_t k = 0; k < kGraphKindCount; ++k)
                    incremental.resync(static_cast<GraphKind>(k), world.objects(static_cast<GraphKind>(k)));
                step += 5;
            }
            std::string why;
            if (!incremental.snapshot().consistent(&why))
                QFAIL(qPrintable(QString("seed %1 step %2: %3").arg(seed).arg(step).arg(QString::fromStdString(why))));
        }
        TenancyGraph fresh(ApiFlavor::V4);
        std::vector<TenancyGraph::Event> all;
        for (std::size_t k = 0; k < kGraphKindCount; ++k) {
            fresh.resync(static_cast<GraphKind>(k), {});
            for (auto &o : world.objects(static_cast<GraphKind>(k)))
                all.push_back(TenancyGraph::Event::upsert(static_cast<GraphKind>(k), o));
        }
        std::shuffle(all.begin(), all.end(), world.rng());
        fresh.apply(all);

        std::string why;
        QVERIFY2(incremental.snapshot().consistent(&why), why.c_str());
        QVERIFY2(fresh.snapshot().consistent(&why), why.c_str());
        const std::string a = dump(incremental.snapshot(), world.names());
        const std::string b = dump(fresh.snapshot(), world.names());
        if (a != b) {
            // Show the first differing line: the whole dump is long.
            std::istringstream ia(a), ib(b);
            std::string la, lb;
            int line = 0;
            while (std::getline(ia, la) && std::getline(ib, lb) && la == lb)
                ++line;
            QFAIL(qPrintable(QString("seed %1, line %2:\n incremental: %3\n fresh:       %4")
                                 .arg(seed).arg(line).arg(QString::fromStdString(la), QString::fromStdString(lb))));
        }
        QVERIFY(a.size() > 1000);  // the dump really covers something
    }
}

void TestTenancyGraph::resyncReplacesOnlyTheDifference()
{
    TenancyGraph graph(ApiFlavor::V4);
    graph.resync(GraphKind::Namespace, {obj(nsObject("a", "ws1", 1)), obj(nsObject("b", "ws1", 1)), obj(nsObject("c", "ws2", 1))});
    const auto s1 = graph.snapshot();
    // When a relist keeps a, moves c and drops b
    const std::size_t changed = graph.resync(GraphKind::Namespace, {obj(nsObject("a", "ws1", 1)), obj(nsObject("c", "ws1", 2))});
    // Then exactly two objects changed and the indexes follow
    QCOMPARE(changed, std::size_t(2));
    const auto s2 = graph.snapshot();
    QCOMPARE(s2.projectNames("ws1"), (Rows{"a", "c"}));
    QVERIFY(s2.projectNames("ws2").empty());
    QVERIFY(s2.object(GraphKind::Namespace, "a") == s1.object(GraphKind::Namespace, "a"));  // untouched, same object
    // And an identical relist publishes nothing
    const auto version = graph.snapshot().version();
    QCOMPARE(graph.resync(GraphKind::Namespace, {obj(nsObject("a", "ws1", 1)), obj(nsObject("c", "ws1", 2))}), std::size_t(0));
    QCOMPARE(graph.snapshot().version(), version);
    QVERIFY(graph.snapshot().fed(GraphKind::Namespace));
    QVERIFY(!graph.snapshot().fed(GraphKind::User));
}

void TestTenancyGraph::storeWiring()
{
    // Given a namespace Store that already listed two projects
    Store store;
    auto relist = [&](std::vector<json> objects) {
        store.apply(ev(WatcherEventType::Init));
        for (auto &o : objects)
            store.apply(ev(WatcherEventType::InitApply, obj(std::move(o))));
        store.apply(ev(WatcherEventType::InitDone));
    };
    relist({nsObject("a", "ws1", 1), nsObject("b", "ws1", 2)});
    TenancyGraph graph(ApiFlavor::V4);
    // When the graph connects to it
    const int id = graph.connect(GraphKind::Namespace, store);
    // Then it catches up with the store's current content
    QCOMPARE(graph.snapshot().projectNames("ws1"), (Rows{"a", "b"}));
    QVERIFY(graph.snapshot().fed(GraphKind::Namespace));
    // When watch events arrive through the store
    store.apply(ev(WatcherEventType::Apply, obj(nsObject("c", "ws2", 3))));
    store.apply(ev(WatcherEventType::Delete, obj(nsObject("a", "ws1", 4))));
    // Then the graph follows each one
    QCOMPARE(graph.snapshot().projectNames("ws1"), (Rows{"b"}));
    QCOMPARE(graph.snapshot().projectNames("ws2"), (Rows{"c"}));
    // When a relist drops b and moves c (410 Gone, say)
    relist({nsObject("c", "ws1", 5), nsObject("d", "", 6)});
    // Then the graph applies the store's diff
    QCOMPARE(graph.snapshot().projectNames("ws1"), (Rows{"c"}));
    QVERIFY(graph.snapshot().projectNames("ws2").empty());
    QCOMPARE(names(graph.snapshot().projectsWithoutWorkspace()), (Rows{"d"}));
    QVERIFY(graph.snapshot().consistent());
    // And all along the graph's objects of the kind were the store's own map (its nodes shared,
    // not a second copy of every key), while its indexes are its own
    QVERIFY(graph.snapshot().state().of(GraphKind::Namespace).sameRoot(store.snapshot().objectMap()));
    store.unsubscribe(id);
    // And after unsubscribing the graph no longer changes
    store.apply(ev(WatcherEventType::Apply, obj(nsObject("e", "ws1", 7))));
    QCOMPARE(graph.snapshot().projectNames("ws1"), (Rows{"c"}));
    QVERIFY(!graph.snapshot().state().of(GraphKind::Namespace).sameRoot(store.snapshot().objectMap()));
    // And it still reads its own version: the store's later write changed no node it holds
    QCOMPARE(graph.snapshot().count(GraphKind::Namespace), std::size_t(2));
    QVERIFY(graph.snapshot().consistent());
}

void TestTenancyGraph::storeMapSharedThroughManyEvents()
{
    // Given a graph following a store through a list, a thousand random events and a relist
    Store store;
    TenancyGraph graph(ApiFlavor::V4);
    const int id = graph.connect(GraphKind::Namespace, store);
    std::mt19937 rng(11);
    std::map<std::string, std::string> reference;  // name -> workspace
    int rv = 0;
    for (int i = 0; i < 1000; ++i) {
        const std::string name = "p" + std::to_string(rng() % 60);
        if (rng() % 4 == 0) {
            store.apply(ev(WatcherEventType::Delete, obj(nsObject(name, "", ++rv))));
            reference.erase(name);
        } else {
            const std::string ws = "ws" + std::to_string(rng() % 5);
            store.apply(ev(WatcherEventType::Apply, obj(nsObject(name, ws, ++rv))));
            reference[name] = ws;
        }
        // Then after each one the kind is the store's map, and the graph answers as the reference
        QVERIFY(graph.snapshot().state().of(GraphKind::Namespace).sameRoot(store.snapshot().objectMap()));
    }
    for (int w = 0; w < 5; ++w) {
        Rows expected;
        for (const auto &[name, ws] : reference)
            if (ws == "ws" + std::to_string(w))
                expected.push_back(name);
        QCOMPARE(graph.snapshot().projectNames("ws" + std::to_string(w)), expected);
    }
    QVERIFY(graph.snapshot().consistent());
    store.unsubscribe(id);
}

void TestTenancyGraph::storeGapTriggersResync()
{
    // Given a graph that followed a store up to some version
    Store store;
    TenancyGraph graph(ApiFlavor::V4);
    const int id = graph.connect(GraphKind::Namespace, store);
    store.apply(ev(WatcherEventType::Apply, obj(nsObject("a", "ws1", 1))));
    store.unsubscribe(id);
    // When it misses two changes and then receives a later one
    store.apply(ev(WatcherEventType::Apply, obj(nsObject("b", "ws1", 2))));
    store.apply(ev(WatcherEventType::Delete, obj(nsObject("a", "ws1", 3))));
    Store::Change later;
    const int spy = store.subscribe([&](const Store::Change &c) { later = c; });
    store.apply(ev(WatcherEventType::Apply, obj(nsObject("c", "ws2", 4))));
    store.unsubscribe(spy);
    graph.apply(GraphKind::Namespace, later);
    // Then it resynced from the change's snapshot instead of applying a diff it cannot place
    QCOMPARE(graph.snapshot().projectNames("ws1"), (Rows{"b"}));
    QCOMPARE(graph.snapshot().projectNames("ws2"), (Rows{"c"}));
    // And an older change delivered late is ignored
    const auto version = graph.snapshot().version();
    Store::Change stale = later;
    stale.snapshot = Store().snapshot();
    stale.added = {"zzz"};
    graph.apply(GraphKind::Namespace, stale);
    QCOMPARE(graph.snapshot().version(), version);
}

void TestTenancyGraph::watcherEventsDirectly()
{
    TenancyGraph graph(ApiFlavor::V4);
    // Given a relist delivered straight from a watcher
    graph.apply(GraphKind::Namespace, ev(WatcherEventType::Init));
    graph.apply(GraphKind::Namespace, ev(WatcherEventType::InitApply, obj(nsObject("a", "ws1", 1))));
    graph.apply(GraphKind::Namespace, ev(WatcherEventType::InitApply, obj(nsObject("b", "ws1", 2))));
    // Then nothing is visible before InitDone
    QCOMPARE(graph.snapshot().count(GraphKind::Namespace), std::size_t(0));
    QVERIFY(!graph.snapshot().fed(GraphKind::Namespace));
    graph.apply(GraphKind::Namespace, ev(WatcherEventType::InitDone));
    QCOMPARE(graph.snapshot().projectNames("ws1"), (Rows{"a", "b"}));
    QVERIFY(graph.snapshot().fed(GraphKind::Namespace));
    // When watch events follow
    graph.apply(GraphKind::Namespace, ev(WatcherEventType::Apply, obj(nsObject("b", "ws2", 3))));
    graph.apply(GraphKind::Namespace, ev(WatcherEventType::Delete, obj(nsObject("a", "ws1", 4))));
    graph.apply(GraphKind::Namespace, ev(WatcherEventType::Error));
    QVERIFY(graph.snapshot().projectNames("ws1").empty());
    QCOMPARE(graph.snapshot().projectNames("ws2"), (Rows{"b"}));
    // And a second relist replaces the set
    graph.apply(GraphKind::Namespace, ev(WatcherEventType::Init));
    graph.apply(GraphKind::Namespace, ev(WatcherEventType::InitApply, obj(nsObject("z", "ws1", 9))));
    graph.apply(GraphKind::Namespace, ev(WatcherEventType::InitDone));
    QCOMPARE(graph.snapshot().count(GraphKind::Namespace), std::size_t(1));
    QCOMPARE(graph.snapshot().projectNames("ws1"), (Rows{"z"}));
}

void TestTenancyGraph::subscribersHearChangedKinds()
{
    TenancyGraph graph(ApiFlavor::V4);
    std::vector<TenancyGraph::Change> heard;
    const int id = graph.subscribe([&](const TenancyGraph::Change &c) { heard.push_back(c); });
    // When a batch touches two kinds
    graph.apply({TenancyGraph::Event::upsert(GraphKind::Namespace, obj(nsObject("a", "ws1", 1))),
                 TenancyGraph::Event::upsert(GraphKind::User, obj(json{{"metadata", {{"name", "u"}, {"resourceVersion", "1"}}}}))});
    // Then one notification names both, with the published snapshot
    QCOMPARE(heard.size(), std::size_t(1));
    QVERIFY(heard[0].kinds.test(indexOf(GraphKind::Namespace)));
    QVERIFY(heard[0].kinds.test(indexOf(GraphKind::User)));
    QVERIFY(!heard[0].kinds.test(indexOf(GraphKind::Group)));
    QCOMPARE(heard[0].snapshot.version(), graph.snapshot().version());
    // And a no-op is not announced
    graph.upsert(GraphKind::Namespace, obj(nsObject("a", "ws1", 1)));
    QCOMPARE(heard.size(), std::size_t(1));
    graph.unsubscribe(id);
    graph.upsert(GraphKind::Namespace, obj(nsObject("b", "ws1", 2)));
    QCOMPARE(heard.size(), std::size_t(1));
}

void TestTenancyGraph::concurrentReadersSeeConsistentSnapshots()
{
    // Given 20 workspaces and 400 projects spread over them
    constexpr int kWorkspaces = 20;
    constexpr int kProjects = 400;
    auto wsName = [](int i) { return "ws" + std::to_string(i); };
    TenancyGraph graph(ApiFlavor::V4);
    std::vector<GraphObject> initial;
    for (int i = 0; i < kProjects; ++i)
        initial.push_back(obj(nsObject("p" + std::to_string(i), wsName(i % kWorkspaces), 1)));
    graph.resync(GraphKind::Namespace, initial);

    // When a writer keeps moving projects between workspaces, alone and in batches (6,000 moves),
    std::atomic<bool> done{false};
    std::atomic<int> moves{0};
    std::thread writer([&] {
        std::mt19937 rng(3);
        int rv = 2;
        for (int i = 0; i < 6000; ++i) {
            auto move = [&] {
                return obj(nsObject("p" + std::to_string(rng() % kProjects), wsName(int(rng() % kWorkspaces)), rv++));
            };
            if (i % 10 == 0) {
                std::vector<TenancyGraph::Event> batch;
                for (int j = 0; j < 8; ++j)
                    batch.push_back(TenancyGraph::Event::upsert(GraphKind::Namespace, move()));
                graph.apply(batch);
            } else {
                graph.upsert(GraphKind::Namespace, move());
            }
            ++moves;
        }
        done = true;
    });
    // and readers take snapshots meanwhile
    std::mutex failureMutex;
    std::string failure;
    std::atomic<int> checks{0};
    auto reader = [&] {
        std::uint64_t lastVersion = 0;
        while (!done) {
            const GraphSnapshot s = graph.snapshot();
            std::string problem;
            if (s.version() < lastVersion)
                problem = "version went backwards";
            lastVersion = s.version();
            std::set<std::string> seen;
            std::size_t total = 0;
            for (int w = 0; w < kWorkspaces && problem.empty(); ++w) {
                const auto projects = s.projectNames(wsName(w));
                if (projects.size() != s.projectCount(wsName(w)))
                    problem = "count disagrees with list";
                for (const auto &p : projects) {
                    if (!seen.insert(p).second)
                        problem = p + " counted under two workspaces";
                    else if (s.workspaceOf(p) != wsName(w))
                        problem = p + " listed under " + wsName(w) + " but labelled " + s.workspaceOf(p);
                }
                total += projects.size();
            }
            if (problem.empty() && total != std::size_t(kProjects))
                problem = "total " + std::to_string(total);
            if (!problem.empty()) {
                std::lock_guard lock(failureMutex);
                failure = problem;
                return;
            }
            ++checks;
        }
    };
    std::thread reader1(reader);
    std::thread reader2(reader);
    writer.join();
    reader1.join();
    reader2.join();
    // Then no reader ever saw a project in two workspaces, or missing, or a count off by one
    QVERIFY2(failure.empty(), failure.c_str());
    QVERIFY(checks > 0);
    QCOMPARE(moves.load(), 6000);
    std::string why;
    QVERIFY2(graph.snapshot().consistent(&why), why.c_str());
    QCOMPARE(graph.snapshot().count(GraphKind::Namespace), std::size_t(kProjects));
}

QTEST_GUILESS_MAIN(TestTenancyGraph)
#include "tst_tenancygraph.moc"
