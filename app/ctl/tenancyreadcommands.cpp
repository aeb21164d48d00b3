// tenantryctl's tenancy reads: `get workspaces|projects|users|roles|members`, `tree` and `mode`.
// Tables follow kubectl's layout; -o json|yaml prints the underlying objects as a List.
#include "commands.h"
#include "graphreads.h"
#include "commandargs.h"
#include "tenancyscope.h"
#include "tenancysession.h"
#include "tenancytable.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/session/tenancyfeed.h"
#include "kubeclient/tenancy/graph/graphkind.h"
#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/core/yamlconvert.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <set>

namespace ctl {

using nlohmann::json;
using namespace kube::tenancy;
using kube::tenancy::GraphObject;

namespace {

const std::map<std::string, std::string> &getNouns()
{
    static const std::map<std::string, std::string> n = {
        {"workspace", "workspaces"}, {"workspaces", "workspaces"}, {"ws", "workspaces"},
        {"project", "projects"},     {"projects", "projects"},     {"user", "users"},
        {"users", "users"},          {"role", "roles"},            {"roles", "roles"},
        {"member", "members"},       {"members", "members"},
    };
    return n;
}

std::string findGetNoun(const CommandArgs &args)
{
    if (args.positional().empty())
        return {};
    auto it = getNouns().find(args.positional()[0]);
    return it == getNouns().end() ? std::string() : it->second;
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

// Output: table (default, also "wide"), json/yaml (a List, or the object for a single NAME), name.
// Returns the exit code; `table` fills the rows when the table is wanted.
int printObjects(const std::vector<json> &items, const std::string &output, bool single,
                 const std::function<void()> &table)
{
    if (output == "json" || output == "yaml") {
        if (single && items.size() == 1) {
            std::fputs(output == "json" ? (items[0].dump(4) + "\n").c_str() : kube::toYaml(items[0]).c_str(), stdout);
            return 0;
        }
        TenancySession::printList(items, output);
        return 0;
    }
    if (output == "name") {
        for (const auto &o : items) {
            kube::ObjectMeta m(o);
            const std::string api = m.apiVersion();
            const auto slash = api.find('/');
            std::printf("%s%s/%s\n", lower(m.kind()).c_str(),
                        slash == std::string::npos ? "" : ("." + api.substr(0, slash)).c_str(), m.name().c_str());
        }
        return 0;
    }
    table();
    return 0;
}

bool validOutput(const std::string &output)
{
    return output.empty() || output == "table" || output == "wide" || output == "json" || output == "yaml"
        || output == "name";
}

std::string templatesColumn(const json &role)
{
    std::vector<std::string> names;
    for (const auto &t : role.value("aggregationRoleTemplates", json::object()).value("templateNames", json::array()))
        if (t.is_string())
            names.push_back(t.get<std::string>());
    if (names.empty()) {
        const json a3 = json::parse(kube::ObjectMeta(role).annotation(kAggregationRolesAnnotation), nullptr, false);
        if (a3.is_array())
            for (const auto &t : a3)
                if (t.is_string())
                    names.push_back(t.get<std::string>());
    }
    const bool selector = role.value("aggregationRoleTemplates", json::object()).contains("roleSelector");
    // Platform-admin aggregates dozens of templates; the column shows the first few.
    constexpr size_t kShown = 3;
    std::string out;
    for (size_t i = 0; i < names.size() && i < kShown; ++i)
        out += (out.empty() ? "" : ",") + names[i];
    if (names.size() > kShown)
        out += ",+" + std::to_string(names.size() - kShown) + " more";
    if (selector)
        out += out.empty() ? "<selector>" : ",<selector>";
    return out;
}

// ---------------------------------------------------------------------------------------------

// One kind's objects from the graph for a listing. When the kind is refused, the server's own
// 403 is fetched once more for the message (the graph records only that it was refused).
std::optional<kube::session::GraphLoad> loadForListing(TenancySession &session, std::vector<GraphKind> kinds,
                                                      const kube::GroupVersionResource &listed,
                                                      const std::string &ns = {})
{
    kube::session::LoadOptions options;
    options.kinds = std::move(kinds);
    options.ns = ns;
    auto loaded = kube::session::TenancyFeed::load(kube::session::feedSourceOf(session.cluster()), options);
    if (!loaded) {
        TenancySession::printError(loaded.error());
        return std::nullopt;
    }
    if (loaded->forbidden.test(kube::tenancy::indexOf(options.kinds.front()))) {
        kube::ListOptions one;
        one.limit = 1;
        auto refused = session.client().list(listed, ns, one);
        if (!refused)
            TenancySession::printError(refused.error());
        else
            std::fprintf(stderr, "error: cannot list %s\n", listed.groupResource().c_str());
        return std::nullopt;
    }
    return std::move(*loaded);
}

std::vector<json> objectsOf(const std::vector<GraphObject> &objects, const kube::GroupVersionResource &gvr)
{
    std::vector<json> items;
    for (const auto &o : objects) {
        if (!o)
            continue;
        json item = o->toJson();
        item["apiVersion"] = gvr.apiVersion();
        item["kind"] = gvr.kind;
        items.push_back(std::move(item));
    }
    return items;
}

int getWorkspaces(TenancySession &session, const CommandArgs &a, const std::string &name)
{
    const auto &gvr = session.api().workspaceTemplate;
    if (!name.empty()) {
        auto one = session.client().get(gvr, "", name);
        if (!one) {
            TenancySession::printError(one.error());
            return 1;
        }
        (*one)["apiVersion"] = gvr.apiVersion();
        (*one)["kind"] = gvr.kind;
        return printObjects({*one}, a.output(), true, [] {});
    }
    auto loaded = loadForListing(session, {GraphKind::WorkspaceTemplate, GraphKind::Namespace}, gvr);
    if (!loaded)
        return 1;
    std::vector<kube::tenancy::WorkspaceInfo> workspaces;
    for (auto &w : loaded->snapshot.workspaces())
        if (w.hasTemplate)
            workspaces.push_back(std::move(w));
    std::vector<GraphObject> objects;
    for (const auto &w : workspaces)
        objects.push_back(w.templateObject);
    const bool counted = !loaded->forbidden.test(kube::tenancy::indexOf(GraphKind::Namespace));
    if (!counted)
        std::fprintf(stderr, "warning: cannot count projects: namespaces may not be listed\n");
    return printObjects(objectsOf(objects, gvr), a.output(), false, [&] {
        TenancyTable table({"NAME", "MANAGER", "PROJECTS", "ALIAS", "NETWORK", "AGE"});
        for (const auto &w : workspaces)
            table.addRow({w.name, w.manager, counted ? std::to_string(w.projectCount) : "<unknown>", w.alias,
                          w.isolation.enabled ? "isolated" : "open", ageOf(w.created)});
        table.print(stdout);
    });
}

// Namespaces a user who may not list namespaces can still reach, by the one reach rule the GUI
// uses (kube::session::ClusterConnection::reach); -n NS adds a candidate.
std::vector<json> reachableNamespaces(TenancySession &session, const CommandArgs &a, std::string &sources,
                                     std::set<std::string> &unreadable)
{
    kube::session::ReachOptions options;
    if (!a.value("--namespace").empty())
        options.candidates.push_back(a.value("--namespace"));
    auto reach = session.cluster().reach(options);
    if (!reach) {
        TenancySession::printError(reach.error());
        return {};
    }
    sources = reach->sources;
    unreadable = reach->unreadable;
    std::vector<json> out = reach->objects;
    for (auto &n : out) {
        n["apiVersion"] = "v1";
        n["kind"] = "Namespace";
    }
    return out;
}

int getProjects(TenancySession &session, const CommandArgs &a, const std::string &name)
{
    const std::string ws = a.value("--workspace");
    std::vector<json> items;
    std::set<std::string> unreadable;  // reachable namespaces whose object we may not read
    std::set<std::string> isolatedWorkspaces;
    if (!name.empty()) {
        auto one = session.client().get(TenancyApi::namespaces, "", name);
        if (!one) {
            TenancySession::printError(one.error());
            return 1;
        }
        (*one)["apiVersion"] = "v1";
        (*one)["kind"] = "Namespace";
        items.push_back(*one);
    } else {
        kube::session::LoadOptions options;
        // Workspace templates too, for the NETWORK column (a project isolated with its workspace).
        options.kinds = {GraphKind::Namespace, GraphKind::WorkspaceTemplate};
        auto loaded = kube::session::TenancyFeed::load(kube::session::feedSourceOf(session.cluster()), options);
        if (!loaded) {
            TenancySession::printError(loaded.error());
            return 1;
        }
        const bool refused = loaded->forbidden.test(kube::tenancy::indexOf(GraphKind::Namespace));
        for (const auto &w : loaded->snapshot.workspaces())
            if (w.isolation.enabled)
                isolatedWorkspaces.insert(w.name);
        // The projects as the graph sees them: a namespace with a workspace label (-A: any).
        std::vector<GraphObject> objects;
        if (!refused) {
            loaded->snapshot.forEach(GraphKind::Namespace, [&](const std::string &key, const GraphObject &) {
                auto p = loaded->snapshot.project(key);
                if (p && (ws.empty() ? (a.on("--all-namespaces") || !p->workspace.empty()) : p->workspace == ws))
                    objects.push_back(p->object);
                return true;
            });
        }
        if (!refused) {
            items = objectsOf(objects, TenancyApi::namespaces);
            std::sort(items.begin(), items.end(), [](const json &x, const json &y) {
                return kube::ObjectMeta(x).name() < kube::ObjectMeta(y).name();
            });
        } else {
            // The server's own 403 text first (the graph records only that it was refused).
            kube::ListOptions one;
            one.limit = 1;
            if (auto again = session.client().list(TenancyApi::namespaces, "", one); !again)
                TenancySession::printError(again.error());
            std::string sources;
            items = reachableNamespaces(session, a, sources, unreadable);
            if (items.empty()) {
                std::fprintf(stderr, "error: you may not list namespaces, and none of the candidates (%s) grants you "
                                     "anything; pass -n NAMESPACE to check one\n",
                             sources.c_str());
                return 1;
            }
            std::fprintf(stderr, "note: showing the namespaces you can reach (found from %s)\n", sources.c_str());
            if (!ws.empty())
                items.erase(std::remove_if(items.begin(), items.end(),
                                           [&](const json &n) {
                                               const std::string name = kube::ObjectMeta(n).name();
                                               return !unreadable.count(name) && kube::ObjectMeta(n).label(kWorkspaceLabel) != ws;
                                           }),
                            items.end());
        }
    }
    return printObjects(items, a.output(), !name.empty(), [&] {
        TenancyTable table({"NAME", "WORKSPACE", "STATUS", "NETWORK", "AGE"});
        for (const auto &n : items) {
            kube::ObjectMeta m(n);
            if (unreadable.count(m.name())) {
                table.addRow({m.name(), "<unknown>", "<unknown>", "<unknown>", "<unknown>"});
                continue;
            }
            // The project's own annotation, else its workspace's switch (spec 9.2).
            std::string network = "open";
            if (m.annotation(kNetworkIsolateAnnotation) == kNetworkIsolateEnabled)
                network = "isolated";
            else if (isolatedWorkspaces.count(m.label(kWorkspaceLabel)))
                network = "isolated (workspace)";
            table.addRow({m.name(), m.label(kWorkspaceLabel), n.value("status", json::object()).value("phase", ""),
                          m.label(kWorkspaceLabel).empty() ? "-" : network, ageOf(m.creationTimestamp())});
        }
        table.print(stdout);
    });
}

int getUsers(TenancySession &session, const CommandArgs &a, const std::string &name)
{
    const auto &gvr = session.api().user;
    if (!name.empty()) {
        auto one = session.client().get(gvr, "", name);
        if (!one) {
            TenancySession::printError(one.error());
            return 1;
        }
        (*one)["apiVersion"] = gvr.apiVersion();
        (*one)["kind"] = gvr.kind;
        return printObjects({*one}, a.output(), true, [] {});
    }
    auto loaded = loadForListing(session, {GraphKind::User, GraphKind::GlobalRoleBinding}, gvr);
    if (!loaded)
        return 1;
    const auto users = loaded->snapshot.users();
    std::vector<GraphObject> objects;
    for (const auto &u : users)
        objects.push_back(u.object);
    // Without permission on the bindings, the annotation KubeSphere keeps in step is the next best.
    const bool bindings = !loaded->forbidden.test(kube::tenancy::indexOf(GraphKind::GlobalRoleBinding));
    return printObjects(objectsOf(objects, gvr), a.output(), false, [&] {
        TenancyTable table({"NAME", "EMAIL", "STATE", "PLATFORM-ROLE", "AGE"});
        for (const auto &u : users)
            table.addRow({u.name, u.email, u.state, bindings ? u.platformRole : u.platformRoleAnnotation,
                          ageOf(u.created)});
        table.print(stdout);
    });
}

int getRoles(TenancySession &session, const CommandArgs &a, const TenancyScope &scope, const std::string &name)
{
    std::vector<json> items;
    if (!name.empty()) {
        const auto gvr = scope.roleResource(session.api());
        auto one = session.client().get(gvr, scope.objectNamespace(), scope.roleObjectName(session.client(), session.api(), name));
        if (!one) {
            TenancySession::printError(one.error());
            return 1;
        }
        (*one)["apiVersion"] = gvr.apiVersion();
        (*one)["kind"] = gvr.kind;
        items.push_back(*one);
    } else {
        // The scope's roles as the graph (and so the GUI) knows them: mirrors are not roles.
        using Level = TenancyScope::Level;
        const GraphKind kind = scope.level() == Level::Platform  ? GraphKind::GlobalRole
                             : scope.level() == Level::Cluster   ? GraphKind::ClusterRole
                             : scope.level() == Level::Workspace ? GraphKind::WorkspaceRole
                                                                 : GraphKind::ProjectRole;
        auto loaded = loadForListing(session, {kind}, scope.roleResource(session.api()), scope.objectNamespace());
        if (!loaded)
            return 1;
        const auto &g = loaded->snapshot;
        const auto roles = scope.level() == Level::Platform  ? g.globalRoles()
                         : scope.level() == Level::Cluster   ? g.clusterRoles()
                         : scope.level() == Level::Workspace ? g.workspaceRoles(scope.name())
                                                             : g.projectRoles(scope.name());
        std::vector<GraphObject> objects;
        for (const auto &r : roles)
            objects.push_back(r.object);
        items = objectsOf(objects, scope.roleResource(session.api()));
    }
    return printObjects(items, a.output(), !name.empty(), [&] {
        TenancyTable table({"NAME", "TEMPLATES", "RULES", "ALIAS", "BUILT-IN"});
        for (const auto &r : items) {
            kube::ObjectMeta m(r);
            const json rules = r.value("rules", json::array());
            table.addRow({m.name(), templatesColumn(r), std::to_string(rules.is_array() ? rules.size() : 0),
                          m.annotation(kAliasAnnotation), scope.isBuiltinRole(r) ? "yes" : "no"});
        }
        table.print(stdout);
    });
}

} // namespace

bool isTenancyGet(const CommandArgs &args)
{
    return !findGetNoun(args).empty();
}

int runTenancyGet(const CommandArgs &a)
{
    const std::string noun = findGetNoun(a);
    std::set<std::string> allowed = {"--output"};
    if (noun == "projects")
        allowed.insert({"--workspace", "--all-namespaces"});
    else if (noun == "roles" || noun == "members")
        allowed.insert({"--workspace", "--platform", "--cluster"});
    if (const std::string bad = a.unexpectedFlag(allowed); !bad.empty())
        return usageError(a, "get " + noun + " takes no " + bad);
    if (!validOutput(a.output()))
        return usageError(a, "unknown output format \"" + a.output() + "\"");
    if (a.positional().size() > 2)
        return usageError(a, "get " + noun + " takes at most one NAME");
    const std::string name = a.positional().size() == 2 ? a.positional()[1] : std::string();
    std::optional<TenancyScope> scope;
    std::string error;
    if (noun == "roles" || noun == "members") {
        scope = TenancyScope::fromArgs(a, true, error);
        if (!scope)
            return usageError(a, "get " + noun + ": " + error);
    }
    TenancySession session(a);
    if (int rc = session.open(false))
        return rc;
    if (noun == "workspaces")
        return getWorkspaces(session, a, name);
    if (noun == "projects")
        return getProjects(session, a, name);
    if (noun == "users")
        return getUsers(session, a, name);
    if (noun == "roles")
        return getRoles(session, a, *scope, name);
    return GraphReads::members(session, a, *scope, name);
}

int runTree(const CommandArgs &a)
{
    if (!a.positional().empty())
        return usageError(a, "tree takes no arguments (use -w WORKSPACE for one workspace)");
    if (!a.output().empty())
        return usageError(a, "tree has no -o; use `get ... -o json|yaml` for objects");
    TenancySession session(a);
    if (int rc = session.open(false))
        return rc;
    return GraphReads::tree(session, a.value("--workspace"));
}

int runMode(const CommandArgs &a)
{
    if (!a.positional().empty())
        return usageError(a, "mode takes no arguments");
    TenancySession session(a);
    if (int rc = session.open(false, false))
        return rc;
    const ClusterTenancy &t = session.tenancy();
    if (a.output() == "json" || a.output() == "yaml") {
        json doc = {{"mode", toString(t.mode)}, {"api", toString(t.api.flavor)}, {"overridden", t.overridden},
                    {"reason", t.reason}};
        if (!t.kubesphereVersion.empty())
            doc["kubesphereVersion"] = t.kubesphereVersion;
        std::fputs(a.output() == "json" ? (doc.dump(4) + "\n").c_str() : kube::toYaml(doc).c_str(), stdout);
        return 0;
    }
    if (!a.output().empty())
        return usageError(a, "unknown output format \"" + a.output() + "\"");
    std::printf("mode:    %s%s\n", toString(t.mode), t.overridden ? " (set with --mode)" : "");
    std::printf("api:     %s\n", toString(t.api.flavor));
    std::printf("reason:  %s\n", t.reason.c_str());
    if (!t.kubesphereVersion.empty())
        std::printf("version: KubeSphere %s\n", t.kubesphereVersion.c_str());
    return 0;
}

int runOverview(const CommandArgs &a)
{
    if (!a.positional().empty())
        return usageError(a, "overview takes no arguments (use -w WORKSPACE for one workspace)");
    if (!a.output().empty() && a.output() != "json")
        return usageError(a, "unknown output format \"" + a.output() + "\" (overview prints a table or -o json)");
    TenancySession session(a);
    if (int rc = session.open(false))
        return rc;
    return GraphReads::overview(session, a.value("--workspace"), a.output());
}

} // namespace ctl
