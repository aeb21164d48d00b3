// The command table: what each command takes and says about itself, next to its entry point.
// Adding a flag to a command means adding it here, which is also what `--help` prints.
#include "commandtable.h"

#include "contextfanout.h"
#include "quotacommands.h"

#include <algorithm>

namespace ctl {

namespace {

using K = FlagKind;

FlagSpec output(const std::string &formats, const std::string &help)
{
    return {"--output", 'o', K::Value, formats, help};
}

// The scope flags of role and member commands.
std::vector<FlagSpec> scopeFlags()
{
    return {{"--platform", 0, K::Switch, "", "platform scope (GlobalRoles, GlobalRoleBindings)"},
            {"--cluster", 0, K::Switch, "", "cluster scope (ClusterRoles of the tenancy API)"},
            {"--workspace", 'w', K::Value, "WS", "workspace scope"}};
    // -n NS (a project) is the global --namespace flag.
}

// The flags of the permission commands that read RBAC data (live or offline).
std::vector<FlagSpec> rbacSourceFlags()
{
    return {{"--view", 0, K::Value, "kubernetes|kubesphere",
             "evaluate as kube-apiserver does (default) or as KubeSphere's authorizer (workspaces, global roles)"},
            {"--from", 0, K::Value, "PATH", "work offline on manifests (a file or a folder of YAML/JSON)"},
            {"--predict-aggregation", 0, K::Switch, "",
             "offline: fill aggregated ClusterRoles as the controller would"}};
}

std::vector<FlagSpec> concat(std::vector<FlagSpec> a, const std::vector<FlagSpec> &b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

std::vector<Command> buildCommands()
{
    std::vector<Command> c;

    // ---- Tenancy -------------------------------------------------------------------------
    c.push_back({{"get", "Tenancy", "list tenancy objects, or objects of any other kind like kubectl get",
                  {"get workspaces|projects|users [NAME] [-w WS] [-A] [-o FORMAT]",
                   "get roles|members [NAME] (--platform | --cluster | -w WS | -n NS) [-o FORMAT]",
                   "get RESOURCE [NAME] [-n NS | -A] [-l SELECTOR] [-o FORMAT]"},
                  "  get workspaces           NAME, MANAGER, PROJECTS, ALIAS, NETWORK, AGE\n"
                  "  get projects [-w WS] [-A]\n"
                  "                           NAME, WORKSPACE, STATUS, NETWORK, AGE; -A also lists namespaces outside workspaces\n"
                  "  get users                NAME, EMAIL, STATE, PLATFORM-ROLE, AGE\n"
                  "  get roles                NAME, TEMPLATES, RULES, ALIAS, BUILT-IN\n"
                  "  get members [USER]       SUBJECT, ROLE, BINDING, SINCE\n"
                  "A user who may not list namespaces gets, from `get projects`, the namespaces they can reach.\n"
                  "Any other resource (`get pods -n x`, `get roles.rbac.authorization.k8s.io`) is fetched\n"
                  "generically, like kubectl get. With several contexts every row starts with CONTEXT.",
                  concat({output("table|wide|json|yaml|name", "output format; json/yaml print the objects as a List"),
                          {"--all-namespaces", 'A', K::Switch, "", "every namespace (projects: also those outside workspaces)"},
                          {"--selector", 'l', K::Value, "SELECTOR", "generic get: label selector"},
                          {"--chunk-size", 0, K::Value, "N", "generic get: list page size (default 500)"}},
                         scopeFlags()),
                  CommandKind::Read},
                 [](const CommandArgs &a) { return isTenancyGet(a) ? runTenancyGet(a) : runGet(a); },
                 {}});
    c.push_back({{"tree", "Tenancy", "users, platform roles, workspaces, projects and their members as a tree",
                  {"tree [-w WS]"},
                  "The platform: users with their platform roles, platform roles, then workspaces with\n"
                  "their members and projects, each project with its members.",
                  {{"--workspace", 'w', K::Value, "WS", "only this workspace (it becomes the root)"}},
                  CommandKind::Read},
                 runTree,
                 {}});
    c.push_back({{"overview", "Tenancy", "workspaces by projects and members, and how full their quotas are",
                  {"overview [-o json]", "overview -w WS [-o json]"},
                  "The figures of the desktop app's Dashboard tab. Without -w: each workspace's projects,\n"
                  "members (distinct subjects bound in it) and its quota's fullest resource; projects in no\n"
                  "workspace; users. With -w: each resource of the workspace quota, used against hard, split\n"
                  "by project. Usage is KubeSphere's quota controller's in KubeSphere mode, else the sum of\n"
                  "the projects' quotas. Risk findings: `tenantryctl risks`; recent changes: `tenantryctl audit`.",
                  {{"--workspace", 'w', K::Value, "WS", "one workspace's quota, split by project"},
                   output("json", "the figures as a document")},
                  CommandKind::Read},
                 runOverview,
                 {}});
    c.push_back({{"mode", "Tenancy", "the tenancy mode in force (KubeSphere or standalone) and why",
                  {"mode [-o json|yaml]"},
                  "",
                  {output("json|yaml", "print mode, API flavour and reason as a document")},
                  CommandKind::Read},
                 runMode,
                 {}});
    c.push_back({{"create", "Tenancy", "create a workspace, project or user (prints the plan first)",
                  {"create workspace NAME [--manager USER] [--alias A] [--description D] [--cluster C]... "
                   "[--network-isolation]",
                   "create project NAME -w WS [--alias A] [--description D]",
                   "create user NAME --email E [--password-stdin] [--display-name N] [--description D] "
                   "[--platform-role ROLE]"},
                  "--password-stdin reads the password from stdin (never from the command line); it must be 8-64\n"
                  "characters with a lower-case letter, an upper-case letter and a digit.",
                  {{"--manager", 0, K::Value, "USER", "workspace: its manager (gets the admin role)"},
                   {"--alias", 0, K::Value, "A", "display name (kubesphere.io/alias-name)"},
                   {"--description", 0, K::Value, "D", "description (kubesphere.io/description)"},
                   {"--cluster", 0, K::List, "C", "workspace: a cluster it is placed on (repeatable)"},
                   {"--network-isolation", 0, K::Switch, "", "workspace: isolate its projects' network"},
                   {"--workspace", 'w', K::Value, "WS", "project: the workspace it belongs to"},
                   {"--email", 0, K::Value, "E", "user: e-mail address"},
                   {"--password-stdin", 0, K::Switch, "", "user: read the password from stdin"},
                   {"--display-name", 0, K::Value, "N", "user: display name"},
                   {"--platform-role", 0, K::Value, "ROLE", "user: platform role to bind"},
                   output("yaml", "print the plan as YAML (results then go to stderr)")},
                  CommandKind::Write},
                 runCreate,
                 {}});
    c.push_back({{"edit", "Tenancy", "change a workspace, project or user; fields not given keep their values",
                  {"edit workspace NAME [--manager USER] [--alias A] [--description D] [--cluster C]... "
                   "[--network-isolation[=false]]",
                   "edit project NAME [--alias A] [--description D]",
                   "edit user NAME [--email E] [--display-name N] [--description D] [--password-stdin]"},
                  "An empty value (--alias \"\") removes a project's alias or description.",
                  {{"--manager", 0, K::Value, "USER", "workspace: its manager"},
                   {"--alias", 0, K::Value, "A", "workspace, project: display name (kubesphere.io/alias-name)"},
                   {"--description", 0, K::Value, "D", "description"},
                   {"--cluster", 0, K::List, "C", "workspace: the clusters it is placed on (replaces the list)"},
                   {"--network-isolation", 0, K::Switch, "", "workspace: isolate its projects' network"},
                   {"--email", 0, K::Value, "E", "user: e-mail address"},
                   {"--display-name", 0, K::Value, "N", "user: display name"},
                   {"--password-stdin", 0, K::Switch, "", "user: read a new password from stdin"},
                   output("yaml", "print the plan as YAML (results then go to stderr)")},
                  CommandKind::Write},
                 runEdit,
                 {}});
    c.push_back({{"delete", "Tenancy", "delete a workspace, project or user",
                  {"delete workspace NAME [--propagation Orphan|Foreground|Background] [--remove-finalizers]",
                   "delete project NAME [--remove-finalizers]", "delete user NAME [--remove-finalizers]"},
                  "Deleting a workspace with Orphan (the default) keeps its projects; the others delete them.\n"
                  "Objects labelled kubesphere.io/protected-resource=true are not deleted. Where KubeSphere ran\n"
                  "once and its controllers are gone, its finalizers would keep a deleted object Terminating:\n"
                  "the plan warns, and --remove-finalizers removes exactly those finalizers first.",
                  {{"--propagation", 0, K::Value, "Orphan|Foreground|Background", "workspace: what happens to its projects"},
                   {"--remove-finalizers", 0, K::Switch, "",
                    "remove the KubeSphere finalizers no controller will release (others stay)"},
                   output("yaml", "print the plan as YAML (results then go to stderr)")},
                  CommandKind::Write},
                 runDelete,
                 {}});
    c.push_back({{"move", "Tenancy", "move a project (namespace) into another workspace",
                  {"move project NAME -w WS", "move project NAME --no-workspace"},
                  "--no-workspace: the project leaves its workspace. KubeSphere 4.x then deletes every role and\n"
                  "member binding in it (standalone: the plan does); the workspace's members lose their access.",
                  {{"--workspace", 'w', K::Value, "WS", "the workspace to move it to"},
                   {"--no-workspace", 0, K::Switch, "", "take the project out of its workspace"},
                   output("yaml", "print the plan as YAML (results then go to stderr)")},
                  CommandKind::Write},
                 runMove,
                 {}});
    c.push_back({{"member", "Tenancy", "add, change or remove a member of a scope",
                  {"member add USER ROLE (-w WS | -n NS | --cluster | --platform)",
                   "member set USER ROLE (-w WS | -n NS | --cluster | --platform)",
                   "member remove USER (-w WS | -n NS | --cluster)"},
                  "add refuses when USER already has a role in that scope; set replaces it.\n"
                  "Workspace roles may be named short (viewer) or in full (ws1-viewer).",
                  concat(scopeFlags(), {output("yaml", "print the plan as YAML (results then go to stderr)")}),
                  CommandKind::Write},
                 runMember,
                 {"members"}});
    c.push_back({{"role", "Tenancy", "create, edit or delete a role of a scope",
                  {"role create|edit NAME (--platform | --cluster | -w WS | -n NS) [--rule R]... [--template T]...",
                   "role delete NAME (--platform | --cluster | -w WS | -n NS)"},
                  "edit: rules and templates you do not give keep their current values; --rule replaces all\n"
                  "rules. Workspace role names get the \"WS-\" prefix when they lack it.",
                  concat(scopeFlags(),
                         {{"--rule", 0, K::List, "'verbs=get,list;apiGroups=,apps;resources=pods,pods/log;resourceNames=x'",
                           "a resource rule (repeatable); apiGroups='' is the core group; `*` is kept literally"},
                          {"--non-resource-rule", 0, K::List, "'verbs=get;urls=/healthz,/metrics'",
                           "a non-resource URL rule (platform and cluster roles; repeatable)"},
                          {"--template", 0, K::List, "T", "compose the role from role template T (repeatable)"},
                          {"--alias", 0, K::Value, "A", "display name"},
                          {"--description", 0, K::Value, "D", "description"},
                          {"--from-file", 'f', K::Value, "FILE", "take rules, templates, alias and description from a manifest"},
                          output("yaml", "print the plan as YAML (results then go to stderr)")}),
                  CommandKind::Write},
                 runRole,
                 {}});
    c.push_back({{"user", "Tenancy", "enable or disable a user, or set their platform role",
                  {"user enable NAME", "user disable NAME", "user set-platform-role NAME ROLE"},
                  "",
                  {output("yaml", "print the plan as YAML (results then go to stderr)")},
                  CommandKind::Write},
                 runUser,
                 {}});
    c.push_back({{"repair", "Tenancy", "fix drift in what standalone mode maintains",
                  {"repair", "repair --finalizers"},
                  "Standalone mode: find the objects KubeSphere's controllers would have made that are missing\n"
                  "or stale (workspace roles, manager bindings, RBAC mirrors and projections, network isolation\n"
                  "policies) and fix them.\n"
                  "--finalizers: remove the KubeSphere finalizers of tenancy objects stuck in deletion (where\n"
                  "KubeSphere ran once and its controllers are gone); other finalizers stay.",
                  {{"--finalizers", 0, K::Switch, "", "free objects stuck in deletion on KubeSphere finalizers"},
                   output("yaml", "print the plan as YAML (results then go to stderr)")},
                  CommandKind::Write},
                 runRepair,
                 {}});
    // Quotas and container defaults (quotacommands.cpp).
    c.push_back({{"quota", "Tenancy", "show or set a workspace or project quota, with the workspace budget check",
                  {"quota get (-w WS | -n NS) [-o json|yaml]", "quota set (-w WS | -n NS) KEY=QUANTITY...",
                   "quota remove (-w WS | -n NS) [KEY...]"},
                  "-w: the workspace quota (quota.kubesphere.io ResourceQuota named after the workspace, limiting\n"
                  "the sum over its projects); -n: the project's ResourceQuota (named after the namespace; an\n"
                  "existing quota of another name is edited). set merges: keys not named keep their values.\n"
                  "remove without keys deletes the quota. KEY is a quota resource: requests.cpu, limits.memory,\n"
                  "pods, services, persistentvolumeclaims, requests.storage, count/deployments.apps, ...\n"
                  "get prints, per resource, used and hard with flags: over-used (used > hard) and, for a\n"
                  "workspace, over-budget (the projects' quotas add up to more than the workspace quota).\n"
                  "A plan that goes over budget is made anyway, with a warning that gives the numbers.",
                  {{"--workspace", 'w', K::Value, "WS", "the workspace quota"},
                   output("json|yaml", "get: the figures as a document; set/remove: the plan as YAML")},
                  CommandKind::Write},
                 runQuota,
                 {"quotas"}});
    c.push_back({{"limits", "Tenancy", "show or set a project's container defaults (LimitRange)",
                  {"limits get -n NS [-o json|yaml]",
                   "limits set -n NS [--default K=Q]... [--default-request K=Q]... [--min K=Q]... [--max K=Q]... "
                   "[--type Container|Pod]",
                   "limits remove -n NS"},
                  "--default is the limit and --default-request the request a container without them gets (the\n"
                  "LimitRanger admission fills them in); --min/--max bound what a container (or, with --type Pod,\n"
                  "a whole pod) may ask. Figures merge into the LimitRange's item of that type; the server's\n"
                  "rule min <= default request <= default <= max is checked first. K=Q may repeat or be\n"
                  "comma-separated: --default cpu=500m,memory=512Mi.",
                  {{"--default", 0, K::List, "K=Q", "default limit of a container"},
                   {"--default-request", 0, K::List, "K=Q", "default request of a container"},
                   {"--min", 0, K::List, "K=Q", "minimum"},
                   {"--max", 0, K::List, "K=Q", "maximum"},
                   {"--type", 0, K::Value, "Container|Pod", "the LimitRange item (default Container)"},
                   output("json|yaml", "get: the LimitRanges; set/remove: the plan as YAML")},
                  CommandKind::Write},
                 runLimits,
                 {"limitrange"}});
    // --- network isolation (networkplans) ---
    c.push_back({{"isolate", "Tenancy", "turn network isolation of a workspace or a project on or off",
                  {"isolate (-w WS | -n NS) [--off] [--allow-from NS]..."},
                  "KubeSphere mode writes what its network controller reads (3.x: the workspace template's\n"
                  "networkIsolation, 4.x: the template's kubesphere.io/network-isolate annotation; projects: the\n"
                  "namespace annotation). Standalone mode also writes the NetworkPolicy nsnp-network-isolate that\n"
                  "KubeSphere's controller would: each project admits traffic only from its workspace (workspace\n"
                  "isolation) or itself (project isolation), plus the --allow-from namespaces (KubeSphere allows\n"
                  "none by default). A network plugin that enforces NetworkPolicy must run.",
                  {{"--workspace", 'w', K::Value, "WS", "the workspace to isolate"},
                   {"--off", 0, K::Switch, "", "end isolation instead"},
                   {"--allow-from", 0, K::List, "NS",
                    "standalone: a namespace every isolation policy admits (repeatable; default: keep the policy's)"},
                   output("yaml", "print the plan as YAML (results then go to stderr)")},
                  CommandKind::Write},
                 runIsolate,
                 {}});
    c.push_back({{"install", "Tenancy", "install Tenantry's tenancy CRDs and built-in roles (standalone mode)",
                  {"install [--dry-run] [--yes] [--take-over]"},
                  "Objects marked for Helm by `handover kubesphere` are left alone. --take-over is the way back\n"
                  "after KubeSphere was uninstalled (helm uninstall --no-hooks): tenancy CRDs without Tenantry's\n"
                  "label and built-ins still marked for Helm become Tenantry's again. A running\n"
                  "ks-controller-manager still refuses the install.",
                  {{"--take-over", 0, K::Switch, "", "take over tenancy CRDs and built-ins KubeSphere left behind"}},
                  CommandKind::Write},
                 runInstall,
                 {}});
    c.push_back({{"handover", "Tenancy", "prepare a standalone cluster for KubeSphere's ks-core chart, then finish",
                  {"handover kubesphere [--adopt-existing] [--dry-run] [--yes] [-o yaml]",
                   "handover kubesphere --finish [--dry-run] [--yes] [-o yaml]"},
                  "Before `helm install ks-core` (standalone mode): the built-ins the chart ships are marked\n"
                  "for Helm to adopt (app.kubernetes.io/managed-by=Helm, meta.helm.sh/release-name=ks-core,\n"
                  "meta.helm.sh/release-namespace=kubesphere-system), the other Tenantry built-ins removed,\n"
                  "objects helm install would stop on (a user named admin) flagged, and CRDs left as they are\n"
                  "(Helm skips existing CRDs). --finish, once ks-controller-manager is ready (KubeSphere mode):\n"
                  "Tenantry's projections and reach objects are removed, isolation policies too when the network\n"
                  "extension runs, and RBAC mirrors lose Tenantry's mark (KubeSphere's controllers keep them).",
                  {{"--finish", 0, K::Switch, "", "the step after helm install, once KubeSphere's controllers run"},
                   {"--adopt-existing", 0, K::Switch, "",
                    "also mark objects the chart ships that Tenantry did not install (Helm rewrites them)"},
                   {"--release", 0, K::Value, "NAME", "the Helm release (default ks-core)"},
                   {"--release-namespace", 0, K::Value, "NS", "the release's namespace (default kubesphere-system)"},
                   output("yaml", "print the plan as YAML (results then go to stderr)")},
                  CommandKind::Write},
                 runHandover,
                 {}});

    // ---- Permissions ---------------------------------------------------------------------
    c.push_back({{"can-i", "Permissions", "yes/no like kubectl auth can-i, with the path that decides it",
                  {"can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL] [--subresource SUB] [-n NS | -A] "
                   "[--as USER [--as-group G]...]",
                   "can-i --list [-n NS] [--as USER [--as-group G]...] [--no-headers]"},
                  "The arguments mean what they mean to `kubectl auth can-i`: TYPE/NAME names one object\n"
                  "(pods/log is the pod named \"log\"); a subresource goes in --subresource. TYPE is resolved\n"
                  "through discovery (short names, kinds, TYPE.GROUP); an unknown TYPE is warned about and\n"
                  "asked anyway, as kubectl does. The answer is computed locally from the RBAC objects.\n"
                  "Exit codes: 0 yes, 1 no or failure, 2 usage error, 3 --verify found kube-apiserver disagreeing.",
                  concat({{"--subresource", 0, K::Value, "SUB", "subresource such as log or scale"},
                          {"--all-namespaces", 'A', K::Switch, "", "ask for all namespaces"},
                          {"--list", 0, K::Switch, "", "list every allowed action in the namespace"},
                          {"--no-headers", 0, K::Switch, "", "with --list: no header row"},
                          {"--quiet", 'q', K::Switch, "", "print nothing; only the exit code answers"},
                          {"--as", 0, K::Value, "USER", "ask for this user (impersonation's groups are added)"},
                          {"--as-group", 0, K::List, "GROUP", "with --as: a group of that user (repeatable)"},
                          {"--workspace", 'w', K::Value, "WS", "kubesphere view: the workspace of the request"},
                          {"--explain", 0, K::Switch, "", "print the binding -> role -> rule path that decides"},
                          {"--verify", 0, K::Switch, "",
                           "also ask kube-apiserver (SubjectAccessReview); exit 3 if it disagrees"},
                          output("json", "the decision with its path as JSON")},
                         rbacSourceFlags()),
                  CommandKind::Read},
                 runCanI,
                 {}});
    c.push_back({{"matrix", "Permissions", "allowed verbs per resource and scope for one subject",
                  {"matrix [--as USER [--as-group G]... | --subjects] [-n NS | -w WS | -A] [-o table|json|csv]"},
                  "Without --as the matrix is the caller's own (asked with SelfSubjectReview).\n"
                  "--subjects transposes it: every subject's verbs in one scope (-n NS, or -w WS in the kubesphere view).\n"
                  "Exit codes: 0 ok, 1 failure, 2 usage error, 3 --verify found kube-apiserver disagreeing.",
                  concat({{"--as", 0, K::Value, "USER", "the subject (impersonation's groups are added)"},
                          {"--as-group", 0, K::List, "GROUP", "with --as: a group of that user (repeatable)"},
                          {"--subjects", 0, K::Switch, "", "one row per subject for one scope"},
                          {"--workspace", 'w', K::Value, "WS", "the projects of this workspace"},
                          {"--all-namespaces", 'A', K::Switch, "", "every scope (the default without -n/-w)"},
                          {"--all", 0, K::Switch, "", "table: also rows with no verb allowed"},
                          {"--verbs", 0, K::Value, "a,b", "only these verbs (comma-separated)"},
                          {"--verify", 0, K::Switch, "",
                           "check a sample of cells with SubjectAccessReview; exit 3 on disagreement"},
                          {"--sample", 0, K::Value, "N", "with --verify: how many cells (default 200)"},
                          output("table|json|csv", "output format")},
                         rbacSourceFlags()),
                  CommandKind::Read},
                 runMatrix,
                 {}});
    c.push_back({{"who-can", "Permissions", "subjects allowed to do something, with their binding -> role -> rule paths",
                  {"who-can VERB (TYPE | TYPE/NAME | NONRESOURCEURL) [NAME] [--subresource SUB] [-n NS | -A]"},
                  "Arguments as kubectl-who-can takes them: TYPE/NAME or TYPE NAME names one object, a\n"
                  "subresource goes in --subresource. An unknown TYPE is an error (exit 2).",
                  concat({{"--subresource", 0, K::Value, "SUB", "subresource such as log or scale"},
                          {"--all-namespaces", 'A', K::Switch, "", "bindings in every namespace"},
                          {"--workspace", 'w', K::Value, "WS", "kubesphere view: the workspace of the request"},
                          output("json", "subjects and paths as JSON")},
                         rbacSourceFlags()),
                  CommandKind::Read},
                 runWhoCan,
                 {}});
    // ---- trace (issue 15: one request through the authentication -> authorization -> admission chain)
    c.push_back({{"trace", "Permissions", "one request through authentication, authorization and admission",
                  {"trace VERB (TYPE | TYPE/NAME | NONRESOURCEURL) [NAME] [-n NS] [--as USER [--as-group G]...] "
                   "[--view kubernetes|kubesphere] [--subresource SUB] [--requests cpu=..,memory=..] [-o text|json]"},
                  "Each stage with its verdict and why: what the kubeconfig presents (certificate subject, token\n"
                  "source, JWT claims; never a secret) and who the server says that is (SelfSubjectReview); with\n"
                  "--as, whether the caller may impersonate that user and each group; the RBAC decision with its\n"
                  "path (in the kubesphere view ks-apiserver's global -> workspace -> namespace -> cluster order);\n"
                  "for creates, what the namespace's LimitRanges, ResourceQuotas and Pod Security labels do.\n"
                  "The verdict is checked with a (Self)SubjectAccessReview and, for the caller's own writes, a\n"
                  "server dry run (dryRun=All) with a minimal object; disagreements are printed first.\n"
                  "TYPE is read as `kubectl auth can-i` reads it. Exit codes: 0 allowed, 1 denied or refused,\n"
                  "2 usage error, 3 Tenantry and the server disagree.",
                  {{"--subresource", 0, K::Value, "SUB", "subresource such as log or scale"},
                   {"--as", 0, K::Value, "USER", "trace the request as this user (impersonation)"},
                   {"--as-group", 0, K::List, "GROUP", "with --as: a group to impersonate (repeatable)"},
                   {"--view", 0, K::Value, "VIEW", "kubernetes (kube-apiserver, default) or kubesphere (ks-apiserver)"},
                   {"--requests", 0, K::Value, "cpu=..,memory=..", "creating pods: the container's requests"},
                   output("text|json", "output format")},
                  CommandKind::Read},
                 runTrace,
                 {}});
    c.push_back({{"diff", "Permissions", "what one subject may do that another may not, or what a plan changes",
                  {"diff --as A [--as-group G]... --against B [--against-group G]... [-n NS | -w WS | -A]",
                   "diff --plan MANIFESTS [--delete KIND/[NS/]NAME]..."},
                  "",
                  concat({{"--as", 0, K::Value, "A", "the first subject"},
                          {"--as-group", 0, K::List, "GROUP", "a group of A (repeatable)"},
                          {"--against", 0, K::Value, "B", "the subject to compare with"},
                          {"--against-group", 0, K::List, "GROUP", "a group of B (repeatable)"},
                          {"--workspace", 'w', K::Value, "WS", "the projects of this workspace"},
                          {"--all-namespaces", 'A', K::Switch, "", "every scope"},
                          {"--plan", 0, K::Value, "FILE", "objects that would be applied"},
                          {"--delete", 0, K::List, "KIND/[NS/]NAME", "an object that would be deleted (repeatable)"},
                          output("json", "differences as JSON")},
                         rbacSourceFlags()),
                  CommandKind::Read},
                 runDiff,
                 {}});
    c.push_back({{"risks", "Permissions", "grants people audit for (wildcards, secrets, escalate, exec...)",
                  {"risks [--no-system] [-o json]"},
                  "",
                  concat({{"--no-system", 0, K::Switch, "", "leave out system: subjects and roles"},
                          output("json", "findings as JSON")},
                         rbacSourceFlags()),
                  CommandKind::Read},
                 runRisks,
                 {}});

    // ---- Network policies (issue 13) -----------------------------------------------------
    c.push_back({{"can-reach", "Network", "yes/no: may pods of one namespace reach pods of another, with the rules",
                  {"can-reach FROM_NS TO_NS [--from-labels k=v,...] [--to-labels k=v,...] [--port N[/TCP|UDP|SCTP]] "
                   "[--explain] [--from PATH]"},
                  "Decides by the NetworkPolicy API's semantics (egress at the source and ingress at the\n"
                  "destination must both allow it), for pods with the labels given (none by default) on port\n"
                  "80/TCP unless --port says otherwise. No network plugin is asked: the answer is what the\n"
                  "policies say, which a plugin that enforces NetworkPolicy implements.\n"
                  "Exit codes: 0 yes, 1 no or failure, 2 usage error.",
                  {{"--from-labels", 0, K::Value, "k=v,...", "labels of the source pod"},
                   {"--to-labels", 0, K::Value, "k=v,...", "labels of the destination pod"},
                   {"--port", 0, K::Value, "N[/PROTO]", "destination port (default 80/TCP)"},
                   {"--explain", 0, K::Switch, "", "print the egress and ingress verdicts with the rules that decide"},
                   {"--quiet", 'q', K::Switch, "", "print nothing; only the exit code answers"},
                   {"--from", 0, K::Value, "PATH", "work offline on manifests (Namespaces and NetworkPolicies)"}},
                  CommandKind::Read},
                 runCanReach,
                 {}});
    c.push_back({{"flows", "Network", "the traffic the NetworkPolicies allow between namespaces",
                  {"flows [-w WS] [-o json] [--from PATH]"},
                  "Namespaces (projects grouped by workspace) with whether policies restrict their ingress and\n"
                  "egress, then every restricted pair: REACH all (every pod, every port), some (with what is\n"
                  "limited) or none (with what denies it), and the rules that allow it. Pairs not listed are open.",
                  {{"--workspace", 'w', K::Value, "WS", "only pairs with a project of this workspace at either end"},
                   {"--from", 0, K::Value, "PATH", "work offline on manifests (Namespaces and NetworkPolicies)"},
                   output("json", "namespaces, workspaces and flows as JSON")},
                  CommandKind::Read},
                 runFlows,
                 {}});

    // ---- Audit trails (issue 15: kubeclient/audit, auditcommand.cpp) ----------------------
    c.push_back({{"audit", "Permissions", "who did what: audit logs and Tenantry's journal, filtered",
                  {"audit (--file F... | --journal) [-w WS] [-n NS] [--user U] [--verb V] [--resource R] [--name N] "
                   "[--since DURATION|TIME] [--until TIME] [--denied | --allowed] [--code N] [-f] "
                   "[-o table|json|jsonl|csv]"},
                  "Reads kube-apiserver audit logs (audit.k8s.io/v1 JSON lines, --audit-log-path), KubeSphere's\n"
                  "audit events (its own schema, batches too) and Tenantry's journal (--journal: every write\n"
                  "Tenantry applied or dry-ran, at $TENANTRY_JOURNAL or $XDG_DATA_HOME/tenantry/journal.jsonl).\n"
                  "There is no API to find a cluster's audit log: name the file. Its rotated backups (audit-<time>.log,\n"
                  "audit.log.1, .gz ones) are read too, oldest first. Lines that are not audit events are skipped\n"
                  "and counted on stderr. -w matches the event's own workspace, else its namespace's\n"
                  "kubesphere.io/workspace label, read from the current context (--offline: not). --user matches\n"
                  "the user name or one of the user's groups. --verb and --resource take comma-separated lists;\n"
                  "a resource may be pods/log or roles.rbac.authorization.k8s.io.\n"
                  "-o jsonl prints the original events; json one object per event; csv for spreadsheets.",
                  {{"--file", 0, K::List, "F", "an audit log file (repeatable; .gz read too)"},
                   {"--journal", 0, K::Switch, "", "Tenantry's journal of its own writes"},
                   {"--workspace", 'w', K::Value, "WS", "only events of this workspace"},
                   {"--user", 0, K::Value, "U", "only requests of this user (or a user in this group)"},
                   {"--verb", 0, K::Value, "V", "only these verbs (create,update,patch,delete,get,list,...)"},
                   {"--resource", 0, K::Value, "R", "only these resources"},
                   {"--name", 0, K::Value, "N", "only this object name"},
                   {"--since", 0, K::Value, "DURATION|TIME", "only events since (15m, 2h, 7d, or an RFC 3339 time)"},
                   {"--until", 0, K::Value, "TIME", "only events before this time"},
                   {"--denied", 0, K::Switch, "", "only requests authorization denied"},
                   {"--allowed", 0, K::Switch, "", "only requests authorization allowed"},
                   {"--code", 0, K::Value, "N", "only this response code"},
                   {"--grep", 0, K::Value, "TEXT", "only events with TEXT in a user, group, verb, resource, name..."},
                   {"--follow", 'f', K::Switch, "", "keep printing new events of the last file (like tail -F)"},
                   {"--no-rotated", 0, K::Switch, "", "read only the files named, not their rotated backups"},
                   {"--offline", 0, K::Switch, "", "do not read namespaces from the cluster for -w and WORKSPACE"},
                   output("table|json|jsonl|csv", "output format")},
                  CommandKind::Local},
                 runAudit,
                 {}});

    // ---- Kubernetes ----------------------------------------------------------------------
    c.push_back({{"config", "Kubernetes", "print the merged kubeconfig like kubectl config view",
                  {"config view [--merge[=false]] [--flatten] [--minify] [--raw] [-o json|yaml]"},
                  "With --minify, --context names the context to keep.",
                  {{"--merge", 0, K::Switch, "", "merge all kubeconfig files (default true; false needs --kubeconfig)"},
                   {"--flatten", 0, K::Switch, "", "inline referenced files as *-data (implies --raw)"},
                   {"--minify", 0, K::Switch, "", "keep only the current context and what it uses"},
                   {"--raw", 0, K::Switch, "", "show tokens, passwords and certificate data"},
                   output("json|yaml", "output format (default yaml)")},
                  CommandKind::Local},
                 runConfig,
                 {}});
    c.push_back({{"whoami", "Kubernetes", "the identity the server sees (SelfSubjectReview)",
                  {"whoami [-o json|yaml]"},
                  "",
                  {output("json|yaml", "output format")},
                  CommandKind::Read},
                 runWhoami,
                 {}});

    // ---- KubeSphere account sign-in (kubeclient/ksaccount) ---------------------------------
    const std::vector<FlagSpec> ksAccountFlags = {
        {"--server", 0, K::Value, "URL", "ks-apiserver's (or the console's) address, https://host[:port]"},
        {"--username", 0, K::Value, "U", "the KubeSphere user"},
        {"--certificate-authority", 0, K::Value, "FILE", "CA that signed the server's certificate (default: system trust)"},
        {"--insecure-skip-tls-verify", 0, K::Switch, "", "do not verify the server's certificate (say so explicitly)"}};
    c.push_back({{"login", "Kubernetes", "sign in with a KubeSphere account (OAuth password grant; token kept in the keyring)",
                  {"login kubesphere --server URL --username U [--password-stdin] "
                   "[--certificate-authority FILE | --insecure-skip-tls-verify] [-o json]"},
                  "Writes a kubeconfig context kubesphere-U@HOST (cluster: the KubeSphere address; user: the\n"
                  "`tenantryctl ks-credential` exec plugin) into --kubeconfig, else the file kubectl's config set-*\n"
                  "would write. The token lives only in the desktop's Secret Service keyring; the password is read\n"
                  "from stdin (unechoed at a terminal) and never stored. Every command, and kubectl, then takes\n"
                  "--context kubesphere-U@HOST; requests go through ks-apiserver with the token, refreshed before\n"
                  "it expires.",
                  concat(ksAccountFlags, {{"--password-stdin", 0, K::Switch, "", "read the password from stdin"},
                                          output("json", "print the result (context, file, expiry) as JSON")}),
                  CommandKind::Local},
                 runLogin,
                 {}});
    c.push_back({{"logout", "Kubernetes", "sign out of a KubeSphere account: remove its keyring entry and context",
                  {"logout kubesphere --server URL --username U"},
                  "",
                  ksAccountFlags,
                  CommandKind::Local},
                 runLogout,
                 {}});
    c.push_back({{"ks-credential", "Kubernetes", "exec credential plugin of a KubeSphere sign-in (prints an ExecCredential)",
                  {"ks-credential --server URL --username U [--certificate-authority FILE | --insecure-skip-tls-verify]"},
                  "Run by kubectl (client.authentication.k8s.io/v1) for the contexts `login kubesphere` writes.",
                  ksAccountFlags,
                  CommandKind::Local},
                 runKsCredential,
                 {}});
    // ---- Other (kubectl's words: `kubectl version --client`, `kubectl completion bash|zsh`)
    c.push_back({{"version", "Other", "the client's version and the server's, like kubectl version",
                  {"version [--client] [-o json|yaml]"},
                  "Client Version is tenantryctl's own (also `tenantryctl --version`); Server Version is the\n"
                  "kube-apiserver's /version answer.",
                  {{"--client", 0, K::Switch, "", "only the client's version (no cluster needed)"},
                   output("json|yaml", "both versions as a document")},
                  CommandKind::Local},
                 runVersion,
                 {}});
    c.push_back({{"completion", "Other", "print a shell completion script for bash or zsh",
                  {"completion bash|zsh"},
                  "bash:  source <(tenantryctl completion bash)\n"
                  "zsh:   source <(tenantryctl completion zsh)    (after compinit)\n"
                  "The script completes commands, their nouns, flags and the values a flag lists. The .deb\n"
                  "installs both where bash-completion and zsh look for them.",
                  {},
                  CommandKind::Local},
                 runCompletion,
                 {}});
    return c;
}

// Does the global flag `arg` (as written: -n, --context, --context=x) swallow the next word?
bool globalTakesValue(const std::string &arg)
{
    if (arg.find('=') != std::string::npos)
        return false;
    for (const auto &f : CommandSpec::globalFlags()) {
        if (f.kind == FlagKind::Switch)
            continue;
        if (arg == f.name || (f.shorthand && arg == std::string("-") + f.shorthand))
            return true;
    }
    return false;
}

} // namespace

const std::vector<Command> &CommandTable::commands()
{
    static const std::vector<Command> all = buildCommands();
    return all;
}

const Command *CommandTable::find(const std::string &name)
{
    for (const auto &c : commands())
        if (c.spec.name == name || std::find(c.aliases.begin(), c.aliases.end(), name) != c.aliases.end())
            return &c;
    return nullptr;
}

bool CommandTable::split(const Args &argv, std::string &command, Args &rest)
{
    Args before;
    for (size_t i = 0; i < argv.size(); ++i) {
        const std::string &arg = argv[i];
        if (arg == "--")
            break;
        if (arg.size() > 1 && arg[0] == '-') {
            before.push_back(arg);
            if (globalTakesValue(arg) && i + 1 < argv.size())
                before.push_back(argv[++i]);
            continue;
        }
        command = arg;
        rest.assign(argv.begin() + long(i) + 1, argv.end());
        // Flags given before the command go after its own words, so its positionals stay first.
        rest.insert(rest.end(), before.begin(), before.end());
        return true;
    }
    rest = before;
    return false;
}

std::string CommandTable::overview()
{
    std::string out = "tenantryctl: Kubernetes multi-tenancy in the KubeSphere model, from the command line.\n\n"
                      "Usage:\n  tenantryctl [global flags] COMMAND [args] [flags]\n";
    for (const char *section : {"Tenancy", "Permissions", "Network", "Kubernetes", "Other"}) {
        out += std::string("\n") + section + ":\n";
        for (const auto &c : commands()) {
            if (c.spec.section != section)
                continue;
            std::string line = "  " + c.spec.name;
            line += std::string(line.size() < 12 ? 12 - line.size() : 1, ' ');
            out += line + c.spec.summary + "\n";
            for (const auto &form : c.spec.synopsis)
                out += "      " + form + "\n";
        }
    }
    out += "\nEvery write prints its plan and takes --dry-run, --yes, --force-conflicts and -o yaml.\n"
           "Global flags (anywhere on the command line):\n"
        + formatFlags(CommandSpec::globalFlags())
        + "\n`tenantryctl COMMAND --help` or `tenantryctl help COMMAND` shows a command's flags.\n"
          "`tenantryctl --version` prints the version.\n"
          "Exit codes: 0 ok, 1 refused or failed, 2 usage error.\n";
    return out;
}

int usageError(const CommandArgs &args, const std::string &message)
{
    std::fprintf(stderr, "error: %s\n", message.c_str());
    if (const Command *c = CommandTable::find(args.command()))
        std::fprintf(stderr, "See 'tenantryctl %s --help' for usage.\n", c->spec.name.c_str());
    return 2;
}

int CommandTable::run(const Args &argv)
{
    std::string name;
    Args rest;
    if (!split(argv, name, rest)) {
        if (std::find(rest.begin(), rest.end(), "--version") != rest.end()) {
            std::fputs(versionLine().c_str(), stdout);
            return 0;
        }
        const bool help = std::any_of(rest.begin(), rest.end(), [](const std::string &a) { return a == "-h" || a == "--help"; });
        std::fputs(overview().c_str(), help ? stdout : stderr);
        return help ? 0 : 2;
    }
    if (name == "help") {
        std::string topic;
        Args ignored;
        if (split(rest, topic, ignored)) {
            const Command *c = find(topic);
            if (!c) {
                std::fprintf(stderr, "error: unknown command \"%s\" for \"tenantryctl\"\n", topic.c_str());
                return 2;
            }
            std::fputs(c->spec.helpText().c_str(), stdout);
            return 0;
        }
        std::fputs(overview().c_str(), stdout);
        return 0;
    }
    const Command *command = find(name);
    if (!command) {
        std::fprintf(stderr, "error: unknown command \"%s\" for \"tenantryctl\"\nRun 'tenantryctl --help' for usage.\n",
                     name.c_str());
        return 2;
    }
    CommandArgs args;
    std::string error;
    if (!args.parse(rest, command->spec, error)) {
        std::fprintf(stderr, "error: %s\nSee 'tenantryctl %s --help' for usage.\n", error.c_str(),
                     command->spec.name.c_str());
        return 2;
    }
    if (args.help()) {
        std::fputs(command->spec.helpText().c_str(), stdout);
        return 0;
    }
    const bool several = args.allContexts() || args.contexts().size() > 1;
    if (several) {
        if (command->spec.kind != CommandKind::Read)
            return usageError(args, command->spec.name + " works on one context; give --context once");
        return ContextFanOut::run(args, command->run);
    }
    return command->run(args);
}

} // namespace ctl
