// Permission commands: load roles and bindings (live or offline), build the index once, answer.
// Live and offline (--from) share every code path after loading, so their answers agree.
// can-i reads its arguments as kubectl auth can-i does, who-can as kubectl-who-can does.
#include "commandargs.h"
#include "commands.h"
#include "globalflags.h"
#include "permissionquery.h"
#include "rbacfetch.h"
#include "tenancytable.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/core/yamlconvert.h"
#include "kubeclient/kubesphere/tenancyapi.h"
#include "kubeclient/rbac/accessreviewer.h"
#include "kubeclient/rbac/evaluator.h"
#include "kubeclient/rbac/kubesphereevaluator.h"
#include "kubeclient/rbac/permissiondiff.h"
#include "kubeclient/rbac/permissionmatrix.h"
#include "kubeclient/rbac/rbacindex.h"
#include "kubeclient/rbac/rbacloader.h"
#include "kubeclient/rbac/regoopa.h"
#include "kubeclient/rbac/riskscanner.h"
#include "kubeclient/rbac/selfrules.h"
#include "kubeclient/rbac/whocan.h"
#include "kubeclient/tenancy/plan/plan.h"

#include <cstdio>
#include <fstream>
#include <future>
#include <sstream>

namespace ctl {

namespace {
using namespace kube::rbac;

// Everything a permission command works on: data, index, catalog, and a live client if any.
struct Session {
    explicit Session(const CommandArgs &a)
        : args(a)
    {
    }
    const CommandArgs &args;
    Connection connection;  // client is null offline
    RbacData data;
    std::shared_ptr<const RbacIndex> index;
    ResourceCatalog catalog;
    View view = View::Kubernetes;
    bool offline = false;
    std::string ns;  // effective namespace (-n, the context's, or "default" offline)
    bool quietForbidden = false;  // a 403 while loading is left to the caller (no message)
    bool forbidden = false;       // loading failed with a 403

    kube::Client *client() { return connection.client.get(); }
};

// The Rego engine for the KubeSphere view (opa: $TENANTRY_OPA, PATH, or the one scripts/opa
// built). When roles carry Rego policies and opa is not there, say so once on stderr: the
// answers then leave those policies out.
std::shared_ptr<RegoEvaluator> regoFor(const Session &s)
{
    if (s.view != View::KubeSphere)
        return nullptr;
    auto opa = OpaRegoEvaluator::shared();
    if (!opa->available()) {
        bool policies = false;
        for (const auto &r : s.index->roles())
            policies = policies || !r.regoPolicy.empty();
        if (policies)
            std::fprintf(stderr, "note: %s; Rego policies (iam.kubesphere.io/rego-override) are not evaluated\n",
                         opa->unavailableReason().c_str());
    }
    return opa;
}

// First step of every command: --view, and the connection (or the offline source).
bool begin(Session &s)
{
    if (s.args.has("--view")) {
        auto view = viewFromString(s.args.value("--view"));
        if (!view) {
            std::fprintf(stderr, "error: --view is kubernetes or kubesphere, not \"%s\"\n", s.args.value("--view").c_str());
            return false;
        }
        s.view = *view;
    }
    if (s.args.has("--from")) {
        s.offline = true;
        s.ns = s.args.value("--namespace", "default");
        return true;
    }
    if (!connect(s.args.globalFlags(), s.connection))
        return false;
    s.ns = s.connection.ns;
    return true;
}

// Second step: the RBAC data `scope` says is needed, the index, and the catalog if asked for.
bool loadData(Session &s, const RbacFetch::Scope &scope, bool needCatalog)
{
    kube::tenancy::ApiFlavor flavor = kube::tenancy::ApiFlavor::None;
    auto loaded = s.offline ? RbacLoader::fromPath(s.args.value("--from")) : RbacFetch::load(*s.client(), [&] {
        RbacFetch::Scope scoped = scope;
        scoped.kubesphere = scoped.kubesphere || s.view == View::KubeSphere;
        return scoped;
    }());
    if (!loaded) {
        s.forbidden = loaded.error().isApi(kube::StatusReason::Forbidden) || loaded.error().httpCode() == 403;
        if (!(s.forbidden && s.quietForbidden))
            printError(loaded.error());
        return false;
    }
    for (const auto &w : loaded->warnings)
        std::fprintf(stderr, "Warning: %s\n", w.c_str());
    s.data = std::move(loaded->data);
    flavor = loaded->flavor;
    RbacIndex::Options options;
    options.kubesphereFlavor = flavor;
    // Offline manifests may hold aggregated ClusterRoles that no controller has filled yet.
    options.predictAggregation = s.offline && s.args.on("--predict-aggregation");
    s.index = RbacIndex::build(s.data, options);
    if (!needCatalog)
        return true;
    if (!s.offline) {
        if (auto ok = s.client()->discovery().ensureLoaded(); !ok) {
            printError(ok.error());
            return false;
        }
    }
    s.catalog = ResourceCatalog::forView(s.offline ? nullptr : &s.client()->discovery(), *s.index, s.view,
                                         flavor != kube::tenancy::ApiFlavor::None);
    return true;
}

// How TYPE is resolved: discovery when live (refreshed once when a cached copy misses, since a
// CRD may be newer than the cache), the catalog offline.
ResourceResolver resolverOf(Session &s)
{
    return [&s](const std::string &text) -> std::optional<ResolvedResource> {
        if (!s.offline && s.client())
            return PermissionQuery::discoveryResolver(*s.client())(text);
        if (s.catalog.size() == 0)
            s.catalog = ResourceCatalog::builtin();
        const int at = s.catalog.findText(text);
        if (at < 0)
            return std::nullopt;
        const auto &e = s.catalog.entries()[size_t(at)];
        return ResolvedResource{e.group, e.resource, e.namespaced};
    };
}

// The identity: --as (with the implicit groups impersonation adds), or the caller itself.
// `me` is a whoami asked for early, concurrently with the lists, when there is no --as.
bool identityOf(Session &s, const std::string &user, const std::vector<std::string> &groups, Identity &out,
                std::future<kube::Result<kube::UserInfo>> *me = nullptr)
{
    if (!user.empty()) {
        out = Identity::impersonated(user, groups);
        return true;
    }
    if (s.offline || !s.client()) {
        std::fprintf(stderr, "error: offline (--from) there is no caller to ask about: give --as USER\n");
        return false;
    }
    auto answer = me && me->valid() ? me->get() : s.client()->whoami();
    if (!answer) {
        printError(answer.error());
        return false;
    }
    out = Identity::verbatim(answer->username, answer->groups);
    for (const auto &g : groups)
        out.groups.push_back(g);
    return true;
}

// The caller's own permissions when it may not read roles and bindings: the server's rules
// review (SelfSubjectRulesReview) of `namespaces` ("" = the cluster-wide rules), as data.
bool loadSelfRules(Session &s, const Identity &me, const std::vector<std::string> &namespaces)
{
    for (const auto &ns : namespaces) {
        auto review = selfRulesReview(*s.client(), ns.empty() ? kRulesBaselineNamespace : ns);
        if (!review) {
            printError(review.error());
            return false;
        }
        const SelfRules self = selfRulesData(*review, me, ns);
        for (const auto &[key, object] : self.data.objects())
            s.data.add(object);
        if (self.incomplete)
            std::fprintf(stderr, "Warning: the server's rules review%s may be incomplete%s%s\n",
                         ns.empty() ? "" : (" of namespace " + ns).c_str(), self.evaluationError.empty() ? "" : ": ",
                         self.evaluationError.c_str());
    }
    std::fprintf(stderr, "Warning: %s may not read the roles and bindings that grant it; this matrix is the server's "
                         "rules review (SelfSubjectRulesReview) for it\n",
                 me.name.c_str());
    s.index = RbacIndex::build(s.data);
    if (auto ok = s.client()->discovery().ensureLoaded(); !ok) {
        printError(ok.error());
        return false;
    }
    s.catalog = ResourceCatalog::forView(&s.client()->discovery(), *s.index, View::Kubernetes, false);
    return true;
}

// whoami started now, answered later: it needs nothing the lists give.
std::future<kube::Result<kube::UserInfo>> askWhoamiEarly(Session &s, bool needed)
{
    if (!needed || s.offline || !s.client())
        return {};
    kube::Client *client = s.client();
    return std::async(std::launch::async, [client] { return client->whoami(); });
}

// Does namespace `ns` exist? Asked concurrently; a 403 leaves it unknown (no warning).
std::future<bool> namespaceMissing(Session &s, const std::string &ns)
{
    if (ns.empty() || s.offline || !s.client())
        return {};
    kube::Client *client = s.client();
    return std::async(std::launch::async, [client, ns] {
        auto got = client->get(kube::tenancy::TenancyApi::namespaces, "", ns);
        return !got && got.error().isApi(kube::StatusReason::NotFound);
    });
}

void warnIfMissing(std::future<bool> &missing, const std::string &ns)
{
    if (missing.valid() && missing.get())
        std::fprintf(stderr, "Warning: namespace \"%s\" does not exist\n", ns.c_str());
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

std::string bracketed(const std::vector<std::string> &items)
{
    std::string out = "[";
    for (size_t i = 0; i < items.size(); ++i)
        out += (i ? " " : "") + items[i];
    return out + "]";
}

// `can-i --list`: the rules that apply in the namespace, one row per resource as kubectl
// prints a SelfSubjectRulesReview (resource.group, URLs, names, verbs).
int listRules(Session &s, const Identity &who)
{
    const std::string ns = s.args.on("--all-namespaces") ? std::string() : s.ns;
    const auto rules = Evaluator(s.index).rulesFor(who, ns);
    TenancyTable table({"Resources", "Non-Resource URLs", "Resource Names", "Verbs"});
    std::map<std::tuple<std::string, std::string, std::string>, std::set<std::string>> compact;
    for (const auto &r : rules) {
        for (const auto &url : r.nonResourceURLs)
            compact[{"", "[" + url + "]", "[]"}].insert(r.verbs.begin(), r.verbs.end());
        for (const auto &res : r.resources)
            for (const auto &g : r.apiGroups) {
                const auto slash = res.find('/');
                std::string name = res.substr(0, slash) + (g.empty() ? "" : "." + g);
                if (slash != std::string::npos)
                    name += res.substr(slash);
                compact[{name, "[]", bracketed(r.resourceNames)}].insert(r.verbs.begin(), r.verbs.end());
            }
    }
    for (const auto &[key, verbs] : compact)
        table.addRow({std::get<0>(key), std::get<1>(key), std::get<2>(key),
                      bracketed(std::vector<std::string>(verbs.begin(), verbs.end()))});
    if (s.args.on("--no-headers"))
        table.hideHeader();
    table.print(stdout);
    return 0;
}

} // namespace

int runCanI(const CommandArgs &args)
{
    Session s(args);
    const bool list = args.on("--list");
    const bool quiet = args.on("--quiet");
    if (list && !args.positional().empty())
        return usageError(args, "list option must be specified with no arguments");
    if (list && quiet)
        return usageError(args, "--list and --quiet can not be specified together");
    if (!list && args.positional().size() != 2)
        return usageError(args, "you must specify two arguments: verb resource or verb resource/resourceName");
    if (args.on("--verify") && (args.has("--from") || args.value("--view") == "kubesphere"))
        return usageError(args, "--verify asks kube-apiserver, so it needs a live cluster and the kubernetes view");
    if (!begin(s))
        return 1;
    const std::string user = args.value("--as");
    auto me = askWhoamiEarly(s, user.empty());

    PermissionQuery::Outcome q;
    if (!list) {
        PermissionQuery::Input in{args.positional(), args.value("--subresource"), s.ns, args.on("--all-namespaces")};
        q = PermissionQuery::read(PermissionQuery::Style::CanI, in, resolverOf(s));
        if (!q.error.empty())
            return usageError(args, q.error);
        for (const auto &w : q.warnings)
            std::fprintf(stderr, "Warning: %s\n", w.c_str());
        if (args.has("--workspace"))
            q.request.workspace = args.value("--workspace");
    }
    const std::string ns = list ? (args.on("--all-namespaces") ? std::string() : s.ns) : q.request.ns;
    auto missing = namespaceMissing(s, ns);
    // A request in one namespace is decided by cluster bindings and that namespace's bindings;
    // one for all namespaces (or a URL) by cluster bindings alone.
    RbacFetch::Scope scope;
    scope.namespaces = ns.empty() ? RbacFetch::Scope::Namespaces::None : RbacFetch::Scope::Namespaces::One;
    scope.ns = ns;
    if (!loadData(s, scope, false))
        return 1;
    warnIfMissing(missing, ns);
    Identity who;
    if (!identityOf(s, user, args.values("--as-group"), who, &me))
        return 1;
    if (list)
        return listRules(s, who);
    const Decision d = s.view == View::Kubernetes ? Evaluator(s.index).authorize(who, q.request)
                                                  : KubeSphereEvaluator(s.index, regoFor(s)).authorize(who, q.request);
    if (args.output() == "json")
        printJson(d.toJson());
    else if (!args.output().empty())
        return usageError(args, "unknown output format \"" + args.output() + "\" (json)");
    else if (!quiet)
        std::printf("%s\n", d.allowed ? "yes" : "no");
    if (args.on("--explain") && args.output() != "json")
        std::fputs(d.explain().c_str(), stdout);
    if (args.on("--verify")) {
        AccessReviewer reviewer(*s.client());
        auto answer = reviewer.review(who, q.request);
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

int runMatrix(const CommandArgs &args)
{
    Session s(args);
    if (!args.positional().empty())
        return usageError(args, "matrix takes no arguments");
    const std::string output = args.output();
    if (!output.empty() && output != "table" && output != "json" && output != "csv")
        return usageError(args, "unknown output format \"" + output + "\" (table, json, csv)");
    if (args.on("--verify") && (args.has("--from") || args.value("--view") == "kubesphere"))
        return usageError(args, "--verify needs a live cluster and the kubernetes view");
    size_t sample = 200;
    if (args.has("--sample")) {
        try {
            sample = std::stoul(args.value("--sample"));
        } catch (const std::exception &) {
            return usageError(args, "--sample takes a number, not \"" + args.value("--sample") + "\"");
        }
    }
    if (!begin(s))
        return 1;
    const std::string user = args.value("--as");
    auto me = askWhoamiEarly(s, user.empty() && !args.on("--subjects"));
    const std::string ns = args.value("--namespace");
    const std::string ws = args.value("--workspace");
    auto missing = namespaceMissing(s, ns);
    RbacFetch::Scope scope;
    if (!ns.empty()) {
        scope.namespaces = RbacFetch::Scope::Namespaces::One;
        scope.ns = ns;
    }
    scope.listNamespaces = ns.empty();  // scopes of -w WS and of every namespace
    // The caller's own matrix (no --as) survives a 403 on RBAC: the server's rules review says it.
    s.quietForbidden = user.empty() && !args.on("--subjects") && s.view == View::Kubernetes && ws.empty();
    bool reviewed = false;
    if (!loadData(s, scope, true)) {
        Identity self;
        if (!s.forbidden || !s.quietForbidden || !identityOf(s, user, args.values("--as-group"), self, &me))
            return 1;
        const std::string where = ns.empty() ? s.ns : ns;
        if (!loadSelfRules(s, self, ns.empty() ? std::vector<std::string>{"", where} : std::vector<std::string>{where}))
            return 1;
        reviewed = true;
    }
    warnIfMissing(missing, ns);
    PermissionMatrix::Options options;
    options.view = s.view;
    options.rego = regoFor(s);
    if (args.has("--verbs"))
        options.verbs = splitComma(args.value("--verbs"));
    if (reviewed) {
        options.scopes = {MatrixScope::ns(ns.empty() ? s.ns : ns)};
        if (ns.empty())
            options.scopes.insert(options.scopes.begin(), MatrixScope::cluster());
    } else if (!ns.empty()) {
        options.scopes = {MatrixScope::ns(ns)};
    } else if (!ws.empty()) {
        if (s.view == View::KubeSphere)
            options.scopes.push_back(MatrixScope::workspace(ws));
        for (const auto &n : s.index->namespaces())
            if (s.index->workspaceOf(n) == ws)
                options.scopes.push_back(MatrixScope::ns(n));
        if (options.scopes.empty()) {
            std::fprintf(stderr, "error: workspace %s has no projects here\n", ws.c_str());
            return 1;
        }
    }  // -A or nothing: every scope
    PermissionMatrix matrix;
    if (args.on("--subjects")) {
        if (options.scopes.size() != 1)
            return usageError(args, "matrix --subjects is the transpose for one scope: give -n NS (or -w WS in the "
                                    "kubesphere view)");
        matrix = PermissionMatrix::forScope(*s.index, s.catalog, options.scopes.front(),
                                            PermissionMatrix::subjectRows(*s.index), options);
    } else {
        Identity who;
        if (!identityOf(s, user, args.values("--as-group"), who, &me))
            return 1;
        matrix = PermissionMatrix::forIdentity(*s.index, s.catalog, who, options);
    }
    if (output == "json")
        printJson(matrix.toJson());
    else if (output == "csv")
        std::fputs(matrix.toCsv().c_str(), stdout);
    else
        std::fputs(matrix.toTable(args.on("--all")).c_str(), stdout);
    if (args.on("--verify")) {
        AccessReviewer reviewer(*s.client());
        const auto report = reviewer.verify(Evaluator(s.index), AccessReviewer::sampleMatrix(matrix, sample), 4);
        for (const auto &e : report.errors)
            std::fprintf(stderr, "error: review failed: %s\n", e.c_str());
        for (const auto &d : report.disagreements)
            std::fprintf(stderr, "%s\n", d.toString().c_str());
        std::fprintf(stderr, "verified %zu cells with SubjectAccessReview: %zu disagreement(s)\n", report.checked,
                     report.disagreements.size());
        if (!report.agreed())
            return 3;
    }
    return 0;
}

int runWhoCan(const CommandArgs &args)
{
    Session s(args);
    if (!begin(s))
        return 1;
    PermissionQuery::Input in{args.positional(), args.value("--subresource"), s.ns, args.on("--all-namespaces")};
    auto q = PermissionQuery::read(PermissionQuery::Style::WhoCan, in, resolverOf(s));
    if (!q.error.empty())
        return usageError(args, q.error);
    for (const auto &w : q.warnings)
        std::fprintf(stderr, "Warning: %s\n", w.c_str());
    // A cluster-scoped object is never granted by a RoleBinding: kubectl-who-can leaves them out.
    if (!q.namespaced)
        q.request.ns.clear();
    if (args.has("--workspace"))
        q.request.workspace = args.value("--workspace");
    const std::string &ns = q.request.ns;
    auto missing = namespaceMissing(s, ns);
    RbacFetch::Scope scope;
    if (args.on("--all-namespaces")) {
        scope.namespaces = RbacFetch::Scope::Namespaces::All;
    } else if (!ns.empty()) {
        scope.namespaces = RbacFetch::Scope::Namespaces::One;
        scope.ns = ns;
    } else {
        scope.namespaces = RbacFetch::Scope::Namespaces::None;
    }
    if (!loadData(s, scope, false))
        return 1;
    warnIfMissing(missing, ns);
    std::vector<std::string> regoNotes;
    const auto answers = s.view == View::Kubernetes
                             ? WhoCan::query(*s.index, q.request, args.on("--all-namespaces"))
                             : WhoCan::queryKubeSphere(*s.index, q.request, regoFor(s), &regoNotes);
    for (const auto &n : regoNotes)
        std::fprintf(stderr, "note: %s\n", n.c_str());
    if (args.output() == "json") {
        printJson({{"request", q.request.toString()}, {"view", toString(s.view)}, {"subjects", WhoCan::toJson(answers)}});
        return 0;
    }
    if (!args.output().empty())
        return usageError(args, "unknown output format \"" + args.output() + "\" (json)");
    std::printf("who can %s (%s view):\n", q.request.toString().c_str(), toString(s.view));
    std::fputs(WhoCan::toText(answers).c_str(), stdout);
    if (s.view == View::Kubernetes)
        std::printf("(groups come from authentication: members of a group listed here also can)\n");
    return 0;
}

int runDiff(const CommandArgs &args)
{
    Session s(args);
    const auto &groupsA = args.values("--as-group");
    const auto &groupsB = args.values("--against-group");
    const auto &deletes = args.values("--delete");
    const bool planMode = args.has("--plan") || !deletes.empty();
    if (!args.positional().empty() || (!planMode && (!args.has("--as") || !args.has("--against"))))
        return usageError(args, "diff needs --as A --against B, or --plan FILE / --delete KIND/[NS/]NAME");
    if (!begin(s))
        return 1;
    const std::string ns = args.value("--namespace");
    RbacFetch::Scope scope;
    if (!ns.empty() && !planMode) {
        scope.namespaces = RbacFetch::Scope::Namespaces::One;
        scope.ns = ns;
    }
    scope.listNamespaces = true;
    if (!loadData(s, scope, true))
        return 1;
    PermissionMatrix::Options options;
    options.view = s.view;
    if (!ns.empty())
        options.scopes = {MatrixScope::ns(ns)};
    if (planMode) {
        kube::tenancy::Plan plan;
        if (args.has("--plan")) {
            const std::string path = args.value("--plan");
            std::ifstream in(path);
            if (!in) {
                std::fprintf(stderr, "error: cannot read %s\n", path.c_str());
                return 1;
            }
            std::stringstream text;
            text << in.rdbuf();
            auto docs = kube::parseYamlDocuments(text.str(), path);
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
            if (parts.size() < 2 || parts.size() > 3)
                return usageError(args, "--delete takes KIND/NAME or KIND/NS/NAME, not " + d);
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
        if (args.output() == "json")
            printJson(PermissionDiff::toJson(impact));
        else
            std::fputs(PermissionDiff::toText(impact).c_str(), stdout);
        return 0;
    }
    Identity a, b;
    if (!identityOf(s, args.value("--as"), groupsA, a) || !identityOf(s, args.value("--against"), groupsB, b))
        return 1;
    const auto ma = PermissionMatrix::forIdentity(*s.index, s.catalog, a, options);
    const auto mb = PermissionMatrix::forIdentity(*s.index, s.catalog, b, options);
    auto entries = PermissionDiff::compare(mb, ma);  // gained = what A has and B lacks
    if (args.output() == "json") {
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

int runRisks(const CommandArgs &args)
{
    Session s(args);
    if (!args.positional().empty())
        return usageError(args, "risks takes no arguments");
    if (!begin(s) || !loadData(s, RbacFetch::Scope{}, false))
        return 1;
    RiskScanner::Options options;
    options.view = s.view;
    options.includeSystem = !args.on("--no-system");
    const auto findings = RiskScanner::scan(*s.index, options);
    if (args.output() == "json")
        printJson(RiskScanner::toJson(findings));
    else
        std::fputs(RiskScanner::toText(findings).c_str(), stdout);
    return 0;
}

} // namespace ctl
