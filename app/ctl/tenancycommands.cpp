// tenantryctl's tenancy writes: create/edit/delete workspace|project|user, move project, member,
// role, user enable|disable|set-platform-role and repair. Each builds a Plan with the Planner and
// hands it to TenancySession::execute, so every write shares dry run, confirmation and reporting.
#include "commands.h"
#include "commandargs.h"
#include "graphreads.h"
#include "passwordinput.h"
#include "tenancyscope.h"
#include "tenancysession.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/kubesphere/names.h"
#include "kubeclient/kubesphere/policyrules.h"
#include "kubeclient/kubesphere/ruleparser.h"
#include "kubeclient/core/yamlconvert.h"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <map>
#include <sstream>

namespace ctl {

using nlohmann::json;
using namespace kube::tenancy;

namespace {

// The noun (workspace, project, user) in canonical form: the first positional decides which
// flags the command takes.
std::string findNoun(const CommandArgs &args, const std::map<std::string, std::string> &nouns)
{
    if (args.positional().empty())
        return {};
    auto it = nouns.find(args.positional()[0]);
    return it == nouns.end() ? std::string() : it->second;
}

// The flags of one noun's form of a command; any other is refused rather than ignored.
int checkFlags(const CommandArgs &a, std::set<std::string> allowed, const std::string &form)
{
    allowed.insert("--output");
    if (const std::string bad = a.unexpectedFlag(allowed); !bad.empty())
        return usageError(a, form + " takes no " + bad);
    return -1;
}

const std::map<std::string, std::string> &objectNouns()
{
    static const std::map<std::string, std::string> n = {
        {"workspace", "workspace"}, {"workspaces", "workspace"}, {"ws", "workspace"},
        {"project", "project"},     {"projects", "project"},     {"user", "user"},
        {"users", "user"},
    };
    return n;
}


// Plans a delete: --remove-finalizers drops the KubeSphere finalizers that would hold it.
kube::Result<Plan> planDelete(TenancySession &session, const CommandArgs &a,
                              const std::function<kube::Result<Plan>(Planner &)> &op)
{
    Planner planner = session.planner();
    if (a.on("--remove-finalizers"))
        planner.setFinalizerPolicy(FinalizerPolicy::RemoveKubeSphere);
    return op(planner);
}

std::string annotationOf(const json &obj, const char *key)
{
    return kube::ObjectMeta(obj).annotation(key);
}

// Reads an existing object for an edit; prints "not found" the way kubectl does.
std::optional<json> readCurrent(TenancySession &session, const kube::GroupVersionResource &gvr, const std::string &ns,
                                const std::string &name)
{
    auto current = session.client().get(gvr, ns, name);
    if (!current) {
        TenancySession::printError(current.error());
        return std::nullopt;
    }
    return std::move(*current);
}

// ---------------------------------------------------------------------------------------------
// Workspaces

void applyWorkspaceFlags(const CommandArgs &a, WorkspaceSpec &spec)
{
    if (a.has("--manager"))
        spec.manager = a.value("--manager");
    if (a.has("--alias"))
        spec.alias = a.value("--alias");
    if (a.has("--description"))
        spec.description = a.value("--description");
    if (a.has("--cluster"))
        spec.clusters = a.values("--cluster");
    if (a.has("--network-isolation"))
        spec.networkIsolation = a.on("--network-isolation");
}

int workspaceCommand(const std::string &verb, const CommandArgs &a)
{
    std::set<std::string> values = {"--manager", "--alias", "--description", "--cluster"};
    std::set<std::string> switches = {"--network-isolation"};
    if (verb == "delete") {
        values = {"--propagation"};
        switches = {"--remove-finalizers"};
    }
    values.insert(switches.begin(), switches.end());
    if (int rc = checkFlags(a, values, verb + " workspace"); rc >= 0)
        return rc;
    if (a.positional().size() != 2)
        return usageError(a, verb + " workspace takes one NAME");
    const std::string name = a.positional()[1];
    TenancySession session(a);
    if (int rc = session.open(true))
        return rc;
    if (verb == "delete")
        return session.execute(
            planDelete(session, a, [&](Planner &p) { return p.deleteWorkspace(name, a.value("--propagation")); }));
    WorkspaceSpec spec;
    spec.name = name;
    if (verb == "create") {
        applyWorkspaceFlags(a, spec);
        return session.execute(session.planner().createWorkspace(spec), true);
    }
    // edit: every field not given keeps the value the WorkspaceTemplate has now, because the
    // plan is a server-side apply of the whole intent and would drop what it leaves out.
    auto current = readCurrent(session, session.api().workspaceTemplate, "", name);
    if (!current)
        return 1;
    const json &tspec = (*current)["spec"];
    const json tmplSpec = tspec.value("template", json::object()).value("spec", json::object());
    const json tmplAnnotations = tspec.value("template", json::object()).value("metadata", json::object())
                                     .value("annotations", json::object());
    spec.manager = tmplSpec.value("manager", "");
    spec.alias = annotationOf(*current, kAliasAnnotation);
    if (spec.alias.empty())
        spec.alias = tmplAnnotations.value(kAliasAnnotation, "");
    spec.description = annotationOf(*current, kDescriptionAnnotation);
    if (spec.description.empty())
        spec.description = tmplAnnotations.value(kDescriptionAnnotation, "");
    spec.deletionPropagation = annotationOf(*current, kDeletionPropagationAnnotation);
    spec.clusters.clear();
    for (const auto &c : tspec.value("placement", json::object()).value("clusters", json::array()))
        spec.clusters.push_back(c.value("name", ""));
    if (session.api().flavor == ApiFlavor::V4) {
        if (annotationOf(*current, kNetworkIsolateAnnotation) == kNetworkIsolateEnabled
            || tmplAnnotations.value(kNetworkIsolateAnnotation, "") == kNetworkIsolateEnabled)
            spec.networkIsolation = true;
    } else if (tmplSpec.contains("networkIsolation") && tmplSpec["networkIsolation"].is_boolean()) {
        spec.networkIsolation = tmplSpec["networkIsolation"].get<bool>();
    }
    applyWorkspaceFlags(a, spec);
    // The creator stays who created it: the factory stamps the planner's actor as creator.
    const std::string creator = annotationOf(*current, kCreatorAnnotation);
    return session.execute(session.planner(creator).editWorkspace(spec));
}

// ---------------------------------------------------------------------------------------------
// Projects

int projectCommand(const std::string &verb, const CommandArgs &a)
{
    std::set<std::string> values;
    if (verb == "create")
        values = {"--workspace", "--alias", "--description"};
    else if (verb == "edit")
        values = {"--alias", "--description"};
    else if (verb == "move")
        values = {"--workspace", "--no-workspace"};
    else if (verb == "delete")
        values = {"--remove-finalizers"};
    if (int rc = checkFlags(a, values, verb + " project"); rc >= 0)
        return rc;
    if (a.positional().size() != 2)
        return usageError(a, verb + " project takes one NAME");
    const std::string name = a.positional()[1];
    if (verb == "move" && a.on("--no-workspace") && !a.value("--workspace").empty())
        return usageError(a, "move project takes either -w WORKSPACE or --no-workspace, not both");
    if ((verb == "create" || (verb == "move" && !a.on("--no-workspace"))) && a.value("--workspace").empty())
        return usageError(a, verb + " project needs -w WORKSPACE" + (verb == "move" ? " (or --no-workspace)" : ""));
    TenancySession session(a);
    if (int rc = session.open(true))
        return rc;
    if (verb == "delete")
        return session.execute(planDelete(session, a, [&](Planner &p) { return p.deleteProject(name); }));
    if (verb == "move")
        return session.execute(
            session.planner().moveProject(name, a.on("--no-workspace") ? std::string() : a.value("--workspace")));
    if (verb == "edit") {
        // Fields not given keep their values; an empty value (--alias "") removes the field.
        auto current = readCurrent(session, TenancyApi::namespaces, "", name);
        if (!current)
            return 1;
        ProjectSpec spec;
        spec.name = name;
        spec.alias = a.has("--alias") ? a.value("--alias") : annotationOf(*current, kAliasAnnotation);
        spec.description = a.has("--description") ? a.value("--description") : annotationOf(*current, kDescriptionAnnotation);
        return session.execute(session.planner().editProject(spec));
    }
    ProjectSpec spec;
    spec.name = name;
    spec.workspace = a.value("--workspace");
    spec.alias = a.value("--alias");
    spec.description = a.value("--description");
    return session.execute(session.planner().createProject(spec), true);
}

// ---------------------------------------------------------------------------------------------
// Users

int userObjectCommand(const std::string &verb, const CommandArgs &a)
{
    std::set<std::string> values, switches;
    if (verb == "create") {
        values = {"--email", "--display-name", "--description", "--platform-role"};
        switches = {"--password-stdin"};
    } else if (verb == "edit") {
        values = {"--email", "--display-name", "--description"};
        switches = {"--password-stdin"};
    } else if (verb == "delete") {
        switches = {"--remove-finalizers"};
    }
    values.insert(switches.begin(), switches.end());
    if (int rc = checkFlags(a, values, verb + " user"); rc >= 0)
        return rc;
    if (a.positional().size() != 2)
        return usageError(a, verb + " user takes one NAME (passwords are read with --password-stdin only)");
    const std::string name = a.positional()[1];
    UserSpec spec;
    spec.name = name;
    // Read the password before connecting: a prompt after network round trips looks hung.
    if (a.on("--password-stdin") && !readPasswordStdin(spec.password))
        return 1;
    TenancySession session(a);
    if (int rc = session.open(true))
        return rc;
    if (verb == "delete")
        return session.execute(planDelete(session, a, [&](Planner &p) { return p.deleteUser(name); }));
    if (verb == "create") {
        spec.email = a.value("--email");
        spec.displayName = a.value("--display-name");
        spec.description = a.value("--description");
        return session.execute(session.planner().createUser(spec, a.value("--platform-role")), true);
    }
    auto current = readCurrent(session, session.api().user, "", name);
    if (!current)
        return 1;
    const json cur = (*current).value("spec", json::object());
    spec.email = a.has("--email") ? a.value("--email") : cur.value("email", "");
    spec.displayName = a.has("--display-name") ? a.value("--display-name") : cur.value("displayName", "");
    spec.description = a.has("--description") ? a.value("--description") : cur.value("description", "");
    spec.lang = cur.value("lang", "");
    // Without --password-stdin the planner writes the stored hash back (UserPlans::edit).
    const std::string creator = annotationOf(*current, kCreatorAnnotation);
    return session.execute(session.planner(creator).editUser(spec));
}

// ---------------------------------------------------------------------------------------------
// Roles

struct RoleInput {
    json rules = json::array();
    bool rulesGiven = false;
    std::vector<std::string> templates;
    bool templatesGiven = false;
    std::optional<std::string> alias, description;
    std::string fileName;  // metadata.name of --from-file
};

// Rules, templates, alias and description from a role manifest of any flavour.
bool readRoleFile(const std::string &path, RoleInput &in)
{
    std::ifstream f(path);
    if (!f) {
        std::fprintf(stderr, "error: cannot read %s\n", path.c_str());
        return false;
    }
    std::stringstream ss;
    ss << f.rdbuf();
    auto docs = kube::parseYamlDocuments(ss.str(), path);
    if (!docs) {
        TenancySession::printError(docs.error());
        return false;
    }
    if (docs->size() != 1 || !(*docs)[0].is_object()) {
        std::fprintf(stderr, "error: %s: expected exactly one role object, found %zu documents\n", path.c_str(),
                     docs->size());
        return false;
    }
    const json &role = (*docs)[0];
    kube::ObjectMeta m(role);
    in.fileName = m.name();
    if (role.contains("rules")) {
        if (!role["rules"].is_array() && !role["rules"].is_null()) {
            std::fprintf(stderr, "error: %s: rules must be a list\n", path.c_str());
            return false;
        }
        in.rules = role["rules"].is_array() ? role["rules"] : json::array();
        in.rulesGiven = true;
    }
    const json agg = role.value("aggregationRoleTemplates", json::object());
    if (agg.contains("templateNames")) {
        for (const auto &t : agg["templateNames"])
            in.templates.push_back(t.get<std::string>());
        in.templatesGiven = true;
    } else if (const std::string a3 = m.annotation(kAggregationRolesAnnotation); !a3.empty()) {
        const json names = json::parse(a3, nullptr, false);
        if (!names.is_array()) {
            std::fprintf(stderr, "error: %s: annotation %s is not a JSON list\n", path.c_str(), kAggregationRolesAnnotation);
            return false;
        }
        for (const auto &t : names)
            in.templates.push_back(t.is_string() ? t.get<std::string>() : t.dump());
        in.templatesGiven = true;
    }
    if (m.annotations().count(kAliasAnnotation))
        in.alias = m.annotation(kAliasAnnotation);
    if (m.annotations().count(kDescriptionAnnotation))
        in.description = m.annotation(kDescriptionAnnotation);
    return true;
}

// Collects the role's intent from the flags; flags win over --from-file. Returns 0, or the exit
// code: a rule text that does not parse is a usage error, an unreadable file a failure.
int roleInput(const CommandArgs &a, RoleInput &in)
{
    if (a.has("--from-file") && !readRoleFile(a.value("--from-file"), in))
        return 1;
    json flagRules = json::array();
    for (const auto &text : a.values("--rule")) {
        auto rule = parseRule(text, RuleKind::Resource);
        if (!rule)
            return usageError(a, "--rule: " + rule.error().message);
        flagRules.push_back(*rule);
    }
    for (const auto &text : a.values("--non-resource-rule")) {
        auto rule = parseRule(text, RuleKind::NonResource);
        if (!rule)
            return usageError(a, "--non-resource-rule: " + rule.error().message);
        flagRules.push_back(*rule);
    }
    if (!flagRules.empty()) {
        in.rules = flagRules;
        in.rulesGiven = true;
    }
    if (a.has("--template")) {
        in.templates = a.values("--template");
        in.templatesGiven = true;
    }
    if (a.has("--alias"))
        in.alias = a.value("--alias");
    if (a.has("--description"))
        in.description = a.value("--description");
    return 0;
}

std::vector<std::string> currentTemplates(const json &role)
{
    std::vector<std::string> out;
    for (const auto &t : role.value("aggregationRoleTemplates", json::object()).value("templateNames", json::array()))
        out.push_back(t.get<std::string>());
    if (out.empty()) {
        const json names = json::parse(kube::ObjectMeta(role).annotation(kAggregationRolesAnnotation), nullptr, false);
        if (names.is_array())
            for (const auto &t : names)
                if (t.is_string())
                    out.push_back(t.get<std::string>());
    }
    return out;
}

int roleCommand(const CommandArgs &a)
{
    const std::string verb = a.positional().empty() ? std::string() : a.positional()[0];
    if (verb != "create" && verb != "edit" && verb != "delete")
        return usageError(a, "role needs create, edit or delete");
    if (verb == "delete")
        for (const char *f : {"--rule", "--non-resource-rule", "--template", "--alias", "--description", "--from-file"})
            if (a.has(f))
                return usageError(a, std::string("role delete takes no ") + f);
    std::string error;
    auto scope = TenancyScope::fromArgs(a, true, error);
    if (!scope)
        return usageError(a, error);
    RoleInput in;
    if (verb != "delete")
        if (int rc = roleInput(a, in))
            return rc;
    std::string name = a.positional().size() > 1 ? a.positional()[1] : in.fileName;
    if (a.positional().size() > 2 || name.empty())
        return usageError(a, "role " + verb + " takes one NAME");
    TenancySession session(a);
    if (int rc = session.open(true))
        return rc;
    name = scope->roleObjectName(session.client(), session.api(), name);

    RoleSpec spec;
    spec.level = scope->level();
    spec.scope = scope->name();
    spec.name = name;
    if (verb == "delete")
        return session.execute(session.planner().deleteRole(spec));
    if (verb == "create") {
        spec.rules = in.rules;
        spec.templates = in.templates;
        spec.alias = in.alias.value_or("");
        spec.description = in.description.value_or("");
        return session.execute(session.planner().saveRole(spec, true), true);
    }
    // edit: what is not given keeps its current value.
    auto current = readCurrent(session, scope->roleResource(session.api()), scope->objectNamespace(), name);
    if (!current)
        return 1;
    const std::vector<std::string> oldTemplates = currentTemplates(*current);
    spec.templates = in.templatesGiven ? in.templates : oldTemplates;
    spec.alias = in.alias.value_or(annotationOf(*current, kAliasAnnotation));
    spec.description = in.description.value_or(annotationOf(*current, kDescriptionAnnotation));
    const std::string creator = annotationOf(*current, kCreatorAnnotation);
    Planner planner = session.planner(creator);
    if (in.rulesGiven) {
        spec.rules = in.rules;
    } else {
        spec.rules = (*current).value("rules", json::array());
        // The stored rules include what the old templates contributed (composed by us in
        // standalone mode, by the controller otherwise); when the templates change, drop those so
        // a removed template takes its rules with it.
        if (in.templatesGiven && spec.templates != oldTemplates && !oldTemplates.empty()) {
            RoleSpec old = spec;
            old.rules = json::array();
            old.templates = oldTemplates;
            Planner composer(session.client(), [&] {
                ClusterTenancy t = session.tenancy();
                t.mode = Mode::Standalone;  // compose the template rules whatever the mode
                return t;
            }(), creator);
            auto fromTemplates = composer.composeRules(old);
            if (!fromTemplates) {
                TenancySession::printError(fromTemplates.error());
                return 1;
            }
            json kept = json::array();
            for (const auto &r : spec.rules) {
                bool fromOld = false;
                for (const auto &t : *fromTemplates)
                    fromOld = fromOld || normaliseRule(t) == normaliseRule(r);
                if (!fromOld)
                    kept.push_back(r);
            }
            spec.rules = kept;
        }
    }
    return session.execute(planner.saveRole(spec, false));
}

// ---------------------------------------------------------------------------------------------
// Members

int memberCommand(const CommandArgs &a)
{
    std::string verb = a.positional().empty() ? std::string() : a.positional()[0];
    if (verb == "rm")
        verb = "remove";
    if (verb != "add" && verb != "set" && verb != "remove")
        return usageError(a, "member needs add, set or remove");
    const size_t want = verb == "remove" ? 2 : 3;
    if (a.positional().size() != want)
        return usageError(a, verb == "remove" ? "member remove takes USER" : "member " + verb + " takes USER ROLE");
    std::string error;
    auto scope = TenancyScope::fromArgs(a, true, error);
    if (!scope)
        return usageError(a, error);
    const std::string user = a.positional()[1];
    TenancySession session(a);
    if (int rc = session.open(true))
        return rc;
    if (verb == "remove")
        return session.execute(session.planner().removeMember(scope->memberScope(), user));
    const std::string role = a.positional()[2];
    if (verb == "add") {
        // "add" must not silently change an existing member's role: that is what "set" is for.
        auto existing = GraphReads::membersOf(session, *scope, user);
        if (!existing) {
            TenancySession::printError(existing.error());
            return 1;
        }
        if (!existing->empty()) {
            const auto &m = existing->front();
            std::fprintf(stderr,
                         "error: user \"%s\" is already a member of %s (binding %s with role %s); use `tenantryctl "
                         "member set` to change the role\n",
                         user.c_str(), scope->describe().c_str(), m.binding.c_str(), m.roleRef.name.c_str());
            return 1;
        }
    }
    return session.execute(session.planner().setMember(scope->memberScope(), user, role));
}

// ---------------------------------------------------------------------------------------------
// user enable|disable|set-platform-role

int userStateCommand(const CommandArgs &a)
{
    const std::string verb = a.positional().empty() ? std::string() : a.positional()[0];
    if (verb != "enable" && verb != "disable" && verb != "set-platform-role")
        return usageError(a, "user needs enable, disable or set-platform-role");
    const size_t want = verb == "set-platform-role" ? 3 : 2;
    if (a.positional().size() != want)
        return usageError(a, verb == "set-platform-role" ? "user set-platform-role takes NAME ROLE"
                                                                     : "user " + verb + " takes NAME");
    TenancySession session(a);
    if (int rc = session.open(true))
        return rc;
    const std::string name = a.positional()[1];
    if (verb == "set-platform-role")
        return session.execute(session.planner().setPlatformRole(name, a.positional()[2]));
    return session.execute(session.planner().setUserEnabled(name, verb == "enable"));
}

int objectCommand(const std::string &verb, const CommandArgs &args)
{
    const std::string noun = findNoun(args, objectNouns());
    if (noun.empty()) {
        return usageError(args, verb + " what? (" + (verb == "move" ? "project" : "workspace, project or user") + ")");
    }
    if (noun == "workspace" && verb != "move")
        return workspaceCommand(verb, args);
    if (noun == "project")
        return projectCommand(verb, args);
    if (noun == "user" && verb != "move")
        return userObjectCommand(verb, args);
    return usageError(args, "there is no `" + verb + " " + noun + "`");
}

} // namespace

int runCreate(const CommandArgs &args) { return objectCommand("create", args); }
int runEdit(const CommandArgs &args) { return objectCommand("edit", args); }
int runDelete(const CommandArgs &args) { return objectCommand("delete", args); }
int runMove(const CommandArgs &args) { return objectCommand("move", args); }
int runMember(const CommandArgs &args) { return memberCommand(args); }
int runRole(const CommandArgs &args) { return roleCommand(args); }

int runUser(const CommandArgs &args)
{
    return userStateCommand(args);
}

// ---------------------------------------------------------------------------------------------
// Network isolation

int runIsolate(const CommandArgs &a)
{
    if (!a.positional().empty())
        return usageError(a, "isolate takes no arguments: name the workspace with -w or the project with -n");
    const std::string ws = a.value("--workspace"), ns = a.value("--namespace");
    if (ws.empty() == ns.empty())
        return usageError(a, "isolate needs exactly one of -w WORKSPACE or -n PROJECT");
    IsolationOptions options;
    if (a.has("--allow-from"))
        options.allowedIngressNamespaces = a.values("--allow-from");
    TenancySession session(a);
    if (int rc = session.open(true))
        return rc;
    const bool on = !a.on("--off");
    if (!ws.empty())
        return session.execute(session.planner().setIsolation(IsolationScope::Workspace, ws, on, options));
    return session.execute(session.planner().setIsolation(IsolationScope::Project, ns, on, options));
}

int runRepair(const CommandArgs &a)
{
    if (!a.positional().empty())
        return usageError(a, "repair takes no arguments");
    TenancySession session(a);
    if (int rc = session.open(true))
        return rc;
    // --finalizers: the objects stuck in deletion on KubeSphere finalizers, in either mode.
    if (a.on("--finalizers"))
        return session.execute(session.planner().releaseStuckFinalizers());
    return session.execute(session.planner().repair());
}

} // namespace ctl
