// Permission commands: load roles and bindings (live or offline), build the index once, answer.
// Live and offline (--from) share every code path after loading, so their answers agree.
#include "permissioncommands.h"

#include "globalflags.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/rbac/accessreviewer.h"
#include "kubeclient/rbac/evaluator.h"
#include "kubeclient/rbac/kubesphereevaluator.h"
#include "kubeclient/rbac/permissiondiff.h"
#include "kubeclient/rbac/permissionmatrix.h"
#include "kubeclient/rbac/rbacindex.h"
#include "kubeclient/rbac/rbacloader.h"
#include "kubeclient/rbac/riskscanner.h"
#include "kubeclient/rbac/whocan.h"
#include "kubeclient/tenancy/plan/plan.h"
#include "kubeclient/core/yamlconvert.h"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace ctl {

namespace {
using namespace kube::rbac;

// Repeatable flags (--as-group G --as-group H) taken out before the common parser sees them.
std::vector<std::string> takeRepeated(Args &args, const std::string &flag)
{
    std::vector<std::string> values;
    Args rest;
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] == flag && i + 1 < args.size()) {
            values.push_back(args[++i]);
        } else if (args[i].rfind(flag + "=", 0) == 0) {
            values.push_back(args[i].substr(flag.size() + 1));
        } else {
            rest.push_back(args[i]);
        }
    }
    args = std::move(rest);
    return values;
}

// -w is a value flag the common parser does not know in its short form.
void normaliseWorkspace(Args &args)
{
    for (auto &a : args)
        if (a == "-w")
            a = "--workspace";
}

// Everything a permission command works on: data, index, catalog, and a live client if any.
struct Session {
    GlobalFlags flags;
    Connection connection;  // client is null offline
    RbacData data;
    std::shared_ptr<const RbacIndex> index;
    ResourceCatalog catalog;
    View view = View::Kubernetes;
    bool offline = false;
    std::string ns;  // effective namespace (-n, the context's, or "default" offline)

    kube::Client *client() { return connection.client.get(); }
};

bool open(Session &s, bool needCatalog)
{
    if (auto v = s.flags.extra.find("--view"); v != s.flags.extra.end()) {
        auto view = viewFromString(v->second);
        if (!view) {
            std::fprintf(stderr, "tenantryctl: --view is kubernetes or kubesphere, not \"%s\"\n", v->second.c_str());
            return false;
        }
        s.view = *view;
    }
    kube::tenancy::ApiFlavor flavor = kube::tenancy::ApiFlavor::None;
    if (auto from = s.flags.extra.find("--from"); from != s.flags.extra.end()) {
        s.offline = true;
        auto loaded = RbacLoader::fromPath(from->second);
        if (!loaded) {
            printError(loaded.error());
            return false;
        }
        for (const auto &w : loaded->warnings)
            std::fprintf(stderr, "tenantryctl: warning: %s\n", w.c_str());
        s.data = std::move(loaded->data);
        flavor = loaded->flavor;
        s.ns = s.flags.ns.empty() ? "default" : s.flags.ns;
    } else {
        if (!connect(s.flags, s.connection))
            return false;
        s.ns = s.connection.ns;
        auto loaded = RbacLoader::fromClient(*s.connection.client);
        if (!loaded) {
            printError(loaded.error());
            return false;
        }
        for (const auto &w : loaded->warnings)
            std::fprintf(stderr, "tenantryctl: warning: %s\n", w.c_str());
        s.data = std::move(loaded->data);
        flavor = loaded->flavor;
    }
    RbacIndex::Options options;
    options.kubesphereFlavor = flavor;
    // Offline manifests may hold aggregated ClusterRoles that no controller has filled yet.
    options.predictAggregation = s.offline && s.flags.extraSwitches.count("--predict-aggregation");
    s.index = RbacIndex::build(s.data, options);
    if (!needCatalog)
        return true;
    if (s.offline) {
        s.catalog = ResourceCatalog::builtin();
        if (s.view == View::KubeSphere || flavor != kube::tenancy::ApiFlavor::None)
            s.catalog.addKubeSphereKinds();
        s.catalog.addFromRules(*s.index);
    } else {
        s.catalog = ResourceCatalog::fromDiscovery(s.client()->discovery());
    }
    if (s.view == View::KubeSphere)
        s.catalog.addKubeSphereVirtual();
    return true;
}

// The identity: --as (with the implicit groups impersonation adds), or the caller itself.
bool identityOf(Session &s, const std::string &user, const std::vector<std::string> &groups, Identity &out)
{
    if (!user.empty()) {
        out = Identity::impersonated(user, groups);
        return true;
    }
    if (s.offline || !s.client()) {
        std::fprintf(stderr, "tenantryctl: offline (--from) there is no caller to ask about: give --as USER\n");
        return false;
    }
    auto me = s.client()->whoami();
    if (!me) {
        printError(me.error());
        return false;
    }
    out = Identity::verbatim(me->username, me->groups);
    for (const auto &g : groups)
        out.groups.push_back(g);
    return true;
}

// VERB RESOURCE[.GROUP][/SUB] [NAME] -> attributes, resolving short names through discovery
// when live. "/SUB" that is not a known subresource is read as kubectl's TYPE/NAME.
bool requestOf(Session &s, const std::vector<std::string> &pos, RequestAttributes &out)
{
    const std::string &verb = pos[0];
    const std::string &what = pos[1];
    if (!what.empty() && what[0] == '/') {
        out = RequestAttributes::forPath(verb, what);
        return true;
    }
    std::string resourceText = what, tail, name = pos.size() > 2 ? pos[2] : std::string();
    if (auto slash = what.find('/'); slash != std::string::npos) {
        resourceText = what.substr(0, slash);
        tail = what.substr(slash + 1);
    }
    if (auto sub = s.flags.extra.find("--subresource"); sub != s.flags.extra.end())
        tail = tail.empty() ? sub->second : tail;
    std::string group, resource;
    bool namespaced = true;
    std::vector<std::string> subresources;
    if (!s.offline && s.client()) {
        if (resourceText == "*") {
            resource = "*";
        } else if (auto info = s.client()->discovery().resolve(resourceText); info) {
            group = info->gvr.group;
            resource = info->gvr.resource;
            namespaced = info->gvr.namespaced;
            subresources = info->subresources;
        } else {
            // kubectl warns and asks anyway: RBAC does not care whether a resource exists.
            std::fprintf(stderr, "Warning: the server doesn't have a resource type '%s'\n", resourceText.c_str());
            auto parsed = RequestAttributes::parseResource(verb, resourceText);
            group = parsed.apiGroup;
            resource = parsed.resource;
        }
    } else {
        auto parsed = RequestAttributes::parseResource(verb, resourceText);
        group = parsed.apiGroup;
        resource = parsed.resource;
        if (int at = s.catalog.size() ? s.catalog.findText(resourceText) : -1; at >= 0) {
            const auto &e = s.catalog.entries()[size_t(at)];
            group = e.group;
            resource = e.resource;
            namespaced = e.namespaced;
            for (const auto &x : s.catalog.entries())
                if (x.group == group && x.resource == resource && !x.subresource.empty())
                    subresources.push_back(x.subresource);
        }
    }
    std::string sub;
    if (!tail.empty()) {
        const bool known = std::find(subresources.begin(), subresources.end(), tail) != subresources.end();
        if (known || !name.empty() || s.flags.extra.count("--subresource"))
            sub = tail;
        else
            name = tail;  // kubectl's TYPE/NAME
    }
    std::string ns = s.flags.allNamespaces ? std::string() : s.ns;
    // A cluster-scoped resource has no namespace in a real request; asking with one would
    // consult RoleBindings that can never apply to it.
    if (!namespaced)
        ns.clear();
    out = RequestAttributes::forResource(verb, group, resource, ns, name, sub);
    if (auto ws = s.flags.extra.find("--workspace"); ws != s.flags.extra.end())
        out.workspace = ws->second;
    return true;
}

void printJson(const nlohmann::json &j)
{
    std::fputs((j.dump(2) + "\n").c_str(), stdout);
}

std::vector<std::string> splitComma(const std::string &text)
{
    std::vector<std::string> out;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ','))
        if (!item.empty())
            out.push_back(item);
    return out;
}

const std::set<std::string> kValueFlags = {"--as", "--view", "--from", "--workspace", "--against", "--verbs",
                                           "--sample", "--plan", "--subresource"};
const std::set<std::string> kSwitches = {"--explain", "--verify", "--all", "--subjects", "--no-system",
                                         "--predict-aggregation", "--quiet", "-q"};
} // namespace

int runCanI(const Args &argsIn)
{
    Args args = argsIn;
    normaliseWorkspace(args);
    const auto groups = takeRepeated(args, "--as-group");
    Session s;
    if (!parseFlags(args, s.flags, kValueFlags, kSwitches))
        return 2;
    if (s.flags.positional.size() < 2 || s.flags.positional.size() > 3) {
        std::fprintf(stderr, "usage: tenantryctl can-i VERB RESOURCE[.GROUP][/SUB] [NAME] [-n NS | -A] [-w WS] "
                             "[--as USER [--as-group G]...] [--view kubernetes|kubesphere] [--explain] [--verify] "
                             "[--from PATH]\n       tenantryctl can-i VERB /non/resource/path\n");
        return 2;
    }
    if (!open(s, true))
        return 1;
    Identity who;
    if (!identityOf(s, s.flags.extra.count("--as") ? s.flags.extra["--as"] : std::string(), groups, who))
        return 1;
    RequestAttributes request;
    if (!requestOf(s, s.flags.positional, request))
        return 2;
    const Decision d = s.view == View::Kubernetes ? Evaluator(s.index).authorize(who, request)
                                                  : KubeSphereEvaluator(s.index).authorize(who, request);
    if (s.flags.output == "json")
        printJson(d.toJson());
    else if (!s.flags.extraSwitches.count("--quiet") && !s.flags.extraSwitches.count("-q"))
        std::printf("%s\n", d.allowed ? "yes" : "no");
    if (s.flags.extraSwitches.count("--explain") && s.flags.output != "json")
        std::fputs(d.explain().c_str(), stdout);
    if (s.flags.extraSwitches.count("--verify")) {
        if (s.offline || s.view != View::Kubernetes) {
            std::fprintf(stderr, "tenantryctl: --verify asks kube-apiserver, so it needs a live cluster and the "
                                 "kubernetes view\n");
            return 2;
        }
        AccessReviewer reviewer(*s.client());
        auto answer = reviewer.review(who, request);
        if (!answer) {
            printError(answer.error());
            return 1;
        }
        if (answer->allowed != d.allowed) {
            std::fprintf(stderr, "DISAGREEMENT: kube-apiserver says %s (%s), the local evaluator says %s\n",
                         answer->allowed ? "yes" : "no", answer->reason.c_str(), d.allowed ? "yes" : "no");
            return 3;
        }
        std::fprintf(stderr, "verified: kube-apiserver agrees (%s)%s%s\n", answer->allowed ? "yes" : "no",
                     answer->reason.empty() ? "" : ": ", answer->reason.c_str());
    }
    return d.allowed ? 0 : 1;
}

int runMatrix(const Args &argsIn)
{
    Args args = argsIn;
    normaliseWorkspace(args);
    const auto groups = takeRepeated(args, "--as-group");
    Session s;
    if (!parseFlags(args, s.flags, kValueFlags, kSwitches))
        return 2;
    if (!s.flags.positional.empty()) {
        std::fprintf(stderr, "usage: tenantryctl matrix [--as USER [--as-group G]... | --subjects] [-n NS | -w WS | -A] "
                             "[--view kubernetes|kubesphere] [-o table|json|csv] [--all] [--verbs a,b] [--verify] "
                             "[--from PATH]\n");
        return 2;
    }
    if (!open(s, true))
        return 1;
    PermissionMatrix::Options options;
    options.view = s.view;
    if (auto v = s.flags.extra.find("--verbs"); v != s.flags.extra.end())
        options.verbs = splitComma(v->second);
    const std::string ws = s.flags.extra.count("--workspace") ? s.flags.extra["--workspace"] : std::string();
    if (!s.flags.ns.empty()) {
        options.scopes = {MatrixScope::ns(s.flags.ns)};
    } else if (!ws.empty()) {
        if (s.view == View::KubeSphere)
            options.scopes.push_back(MatrixScope::workspace(ws));
        for (const auto &ns : s.index->namespaces())
            if (s.index->workspaceOf(ns) == ws)
                options.scopes.push_back(MatrixScope::ns(ns));
        if (options.scopes.empty()) {
            std::fprintf(stderr, "tenantryctl: workspace %s has no projects here\n", ws.c_str());
            return 1;
        }
    }  // -A or nothing: every scope
    PermissionMatrix matrix;
    if (s.flags.extraSwitches.count("--subjects")) {
        if (options.scopes.size() != 1) {
            std::fprintf(stderr, "tenantryctl: matrix --subjects is the transpose for one scope: give -n NS "
                                 "(or -w WS in the kubesphere view)\n");
            return 2;
        }
        matrix = PermissionMatrix::forScope(*s.index, s.catalog, options.scopes.front(),
                                            PermissionMatrix::subjectRows(*s.index), options);
    } else {
        Identity who;
        if (!identityOf(s, s.flags.extra.count("--as") ? s.flags.extra["--as"] : std::string(), groups, who))
            return 1;
        matrix = PermissionMatrix::forIdentity(*s.index, s.catalog, who, options);
    }
    if (s.flags.output == "json")
        printJson(matrix.toJson());
    else if (s.flags.output == "csv")
        std::fputs(matrix.toCsv().c_str(), stdout);
    else if (s.flags.output.empty() || s.flags.output == "table")
        std::fputs(matrix.toTable(s.flags.extraSwitches.count("--all") > 0).c_str(), stdout);
    else {
        std::fprintf(stderr, "tenantryctl: unknown output format \"%s\" (table, json, csv)\n", s.flags.output.c_str());
        return 2;
    }
    if (s.flags.extraSwitches.count("--verify")) {
        if (s.offline || s.view != View::Kubernetes) {
            std::fprintf(stderr, "tenantryctl: --verify needs a live cluster and the kubernetes view\n");
            return 2;
        }
        const size_t sample = s.flags.extra.count("--sample") ? std::stoul(s.flags.extra["--sample"]) : 200;
        AccessReviewer reviewer(*s.client());
        const auto report = reviewer.verify(Evaluator(s.index), AccessReviewer::sampleMatrix(matrix, sample), 4);
        for (const auto &e : report.errors)
            std::fprintf(stderr, "tenantryctl: review failed: %s\n", e.c_str());
        for (const auto &d : report.disagreements)
            std::fprintf(stderr, "%s\n", d.toString().c_str());
        std::fprintf(stderr, "verified %zu cells with SubjectAccessReview: %zu disagreement(s)\n", report.checked,
                     report.disagreements.size());
        if (!report.agreed())
            return 3;
    }
    return 0;
}

int runWhoCan(const Args &argsIn)
{
    Args args = argsIn;
    normaliseWorkspace(args);
    Session s;
    if (!parseFlags(args, s.flags, kValueFlags, kSwitches))
        return 2;
    if (s.flags.positional.size() < 2 || s.flags.positional.size() > 3) {
        std::fprintf(stderr, "usage: tenantryctl who-can VERB RESOURCE[.GROUP][/SUB] [NAME] [-n NS | -A] [-w WS] "
                             "[--view kubernetes|kubesphere] [-o json] [--from PATH]\n");
        return 2;
    }
    if (!open(s, true))
        return 1;
    RequestAttributes request;
    if (!requestOf(s, s.flags.positional, request))
        return 2;
    const auto answers = s.view == View::Kubernetes ? WhoCan::query(*s.index, request, s.flags.allNamespaces)
                                                    : WhoCan::queryKubeSphere(*s.index, request);
    if (s.flags.output == "json") {
        printJson({{"request", request.toString()}, {"view", toString(s.view)}, {"subjects", WhoCan::toJson(answers)}});
        return 0;
    }
    std::printf("who can %s (%s view):\n", request.toString().c_str(), toString(s.view));
    std::fputs(WhoCan::toText(answers).c_str(), stdout);
    if (s.view == View::Kubernetes)
        std::printf("(groups come from authentication: members of a group listed here also can)\n");
    return 0;
}

int runDiff(const Args &argsIn)
{
    Args args = argsIn;
    normaliseWorkspace(args);
    const auto groupsA = takeRepeated(args, "--as-group");
    const auto groupsB = takeRepeated(args, "--against-group");
    const auto deletes = takeRepeated(args, "--delete");
    Session s;
    if (!parseFlags(args, s.flags, kValueFlags, kSwitches))
        return 2;
    const bool planMode = s.flags.extra.count("--plan") || !deletes.empty();
    if (!s.flags.positional.empty() || (!planMode && (!s.flags.extra.count("--as") || !s.flags.extra.count("--against")))) {
        std::fprintf(stderr, "usage: tenantryctl diff --as A [--as-group G]... --against B [--against-group G]... "
                             "[-n NS | -w WS | -A] [--view V] [-o json] [--from PATH]\n"
                             "       tenantryctl diff --plan MANIFESTS [--delete KIND/[NS/]NAME]... [--from PATH]\n");
        return 2;
    }
    if (!open(s, true))
        return 1;
    PermissionMatrix::Options options;
    options.view = s.view;
    if (!s.flags.ns.empty())
        options.scopes = {MatrixScope::ns(s.flags.ns)};
    if (planMode) {
        kube::tenancy::Plan plan;
        if (auto p = s.flags.extra.find("--plan"); p != s.flags.extra.end()) {
            std::ifstream in(p->second);
            if (!in) {
                std::fprintf(stderr, "tenantryctl: cannot read %s\n", p->second.c_str());
                return 1;
            }
            std::stringstream text;
            text << in.rdbuf();
            auto docs = kube::parseYamlDocuments(text.str(), p->second);
            if (!docs) {
                printError(docs.error());
                return 1;
            }
            for (const auto &d : *docs) {
                kube::ObjectMeta meta(d);
                kube::tenancy::PlannedWrite w;
                const std::string apiVersion = meta.apiVersion();
                const auto slash = apiVersion.find('/');
                w.gvr.group = slash == std::string::npos ? "" : apiVersion.substr(0, slash);
                w.gvr.version = apiVersion.substr(slash == std::string::npos ? 0 : slash + 1);
                w.gvr.kind = meta.kind();
                w.gvr.namespaced = !meta.namespaceName().empty();
                w.ns = meta.namespaceName();
                w.name = meta.name();
                w.object = d;
                plan.writes.push_back(w);
            }
        }
        for (const auto &d : deletes) {
            // KIND/NAME or KIND/NS/NAME, KIND as Role, ClusterRoleBinding, ... (RBAC group) or GlobalRole etc.
            std::vector<std::string> parts;
            std::stringstream in(d);
            std::string part;
            while (std::getline(in, part, '/'))
                parts.push_back(part);
            if (parts.size() < 2 || parts.size() > 3) {
                std::fprintf(stderr, "tenantryctl: --delete takes KIND/NAME or KIND/NS/NAME, not %s\n", d.c_str());
                return 2;
            }
            kube::tenancy::PlannedWrite w;
            w.action = kube::tenancy::WriteAction::Delete;
            w.gvr.kind = parts[0];
            const bool rbac = RbacData::relevant(kRbacGroup, parts[0]);
            w.gvr.group = parts[0] == "Namespace" ? "" : rbac ? kRbacGroup : kIamGroup;
            w.gvr.namespaced = parts.size() == 3;
            w.ns = parts.size() == 3 ? parts[1] : std::string();
            w.name = parts.back();
            plan.writes.push_back(w);
        }
        const auto impact = PermissionDiff::planImpact(s.data, plan, s.catalog, options);
        if (s.flags.output == "json")
            printJson(PermissionDiff::toJson(impact));
        else
            std::fputs(PermissionDiff::toText(impact).c_str(), stdout);
        return 0;
    }
    Identity a, b;
    if (!identityOf(s, s.flags.extra["--as"], groupsA, a) || !identityOf(s, s.flags.extra["--against"], groupsB, b))
        return 1;
    const auto ma = PermissionMatrix::forIdentity(*s.index, s.catalog, a, options);
    const auto mb = PermissionMatrix::forIdentity(*s.index, s.catalog, b, options);
    auto entries = PermissionDiff::compare(mb, ma);  // gained = what A has and B lacks
    if (s.flags.output == "json") {
        printJson({{"a", a.toString()}, {"b", b.toString()}, {"differences", PermissionDiff::toJson(entries)}});
        return 0;
    }
    std::printf("+ only %s may, - only %s may (%s view)\n", a.name.c_str(), b.name.c_str(), toString(s.view));
    for (auto &e : entries)
        e.subject.clear();
    std::string text = PermissionDiff::toText(entries);
    std::string out;
    // Subject column is empty here: drop the leading separator.
    std::stringstream lines(text);
    std::string line;
    while (std::getline(lines, line))
        out += (line.rfind("  ", 0) == 0 ? line.substr(2) : line) + "\n";
    std::fputs(out.c_str(), stdout);
    return 0;
}

int runRisks(const Args &argsIn)
{
    Args args = argsIn;
    Session s;
    if (!parseFlags(args, s.flags, kValueFlags, kSwitches))
        return 2;
    if (!s.flags.positional.empty()) {
        std::fprintf(stderr, "usage: tenantryctl risks [--no-system] [--view kubernetes|kubesphere] [-o json] "
                             "[--from PATH]\n");
        return 2;
    }
    if (!open(s, false))
        return 1;
    RiskScanner::Options options;
    options.view = s.view;
    options.includeSystem = !s.flags.extraSwitches.count("--no-system");
    const auto findings = RiskScanner::scan(*s.index, options);
    if (s.flags.output == "json")
        printJson(RiskScanner::toJson(findings));
    else
        std::fputs(RiskScanner::toText(findings).c_str(), stdout);
    return 0;
}

} // namespace ctl
