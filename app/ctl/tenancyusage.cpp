// Help texts for the tenancy commands. Kept next to each other so `tenantryctl help` and
// `tenantryctl COMMAND --help` cannot drift apart.
#include "tenancyusage.h"

#include <map>

namespace ctl {

namespace {

constexpr const char *kConnection =
    "Connection flags (every command):\n"
    "  --kubeconfig FILE        kubeconfig to use (default: $KUBECONFIG, ~/.kube/config)\n"
    "  --context NAME           kubeconfig context to use\n"
    "  --mode kubesphere|standalone\n"
    "                           override the detected tenancy mode\n";

constexpr const char *kWrite =
    "Write flags:\n"
    "  --dry-run                print the plan and dry-run every write on the server; write nothing\n"
    "  -y, --yes                apply without asking (required when stdin is not a terminal)\n"
    "  --force-conflicts        take over fields another field manager owns (server-side apply force)\n"
    "  -o yaml                  print the plan as YAML (the results then go to stderr)\n";

const std::map<std::string, std::string> &texts()
{
    static const std::map<std::string, std::string> t = {
        {"get",
         "usage: tenantryctl get workspaces|projects|users|roles|members [NAME] [flags]\n"
         "  get workspaces           NAME, MANAGER, PROJECTS, ALIAS, AGE\n"
         "  get projects [-w WS] [-A]\n"
         "                           NAME, WORKSPACE, STATUS, AGE; -A also lists namespaces outside workspaces\n"
         "  get users                NAME, EMAIL, STATE, PLATFORM-ROLE, AGE\n"
         "  get roles (--platform | --cluster | -w WS | -n NS)\n"
         "                           NAME, TEMPLATES, RULES, ALIAS, BUILT-IN\n"
         "  get members [USER] (--platform | --cluster | -w WS | -n NS)\n"
         "                           SUBJECT, ROLE, BINDING, SINCE\n"
         "  -o, --output table|wide|json|yaml|name\n"
         "                           json/yaml print the underlying objects as a List\n"
         "A user who may not list namespaces gets, from `get projects`, the namespaces they can reach\n"
         "(checked with SelfSubjectRulesReview; -n NS adds a candidate).\n"
         "Any other resource (`get pods -n x`, `get roles.rbac.authorization.k8s.io`) is fetched\n"
         "generically, like kubectl get.\n"},
        {"tree",
         "usage: tenantryctl tree [-w WS]\n"
         "  the platform: users with their platform roles, platform roles, then workspaces with\n"
         "  their members and projects, each project with its members\n"
         "  -w, --workspace WS       only this workspace\n"},
        {"mode",
         "usage: tenantryctl mode\n"
         "  print the tenancy mode in force (KubeSphere or standalone), the API flavour and why\n"},
        {"create",
         "usage:\n"
         "  tenantryctl create workspace NAME [--manager USER] [--alias A] [--description D]\n"
         "                           [--cluster C]... [--network-isolation]\n"
         "  tenantryctl create project NAME -w WS [--alias A] [--description D]\n"
         "  tenantryctl create user NAME --email E [--password-stdin] [--display-name N]\n"
         "                           [--description D] [--platform-role ROLE]\n"
         "  --password-stdin reads the password from stdin (never from the command line); it must be 8-64\n"
         "  characters with a lower-case letter, an upper-case letter and a digit\n"},
        {"edit",
         "usage:\n"
         "  tenantryctl edit workspace NAME [--manager USER] [--alias A] [--description D]\n"
         "                           [--cluster C]... [--network-isolation[=false]]\n"
         "  tenantryctl edit user NAME [--email E] [--display-name N] [--description D] [--password-stdin]\n"
         "  fields you do not give keep their current values\n"},
        {"delete",
         "usage:\n"
         "  tenantryctl delete workspace NAME [--propagation Orphan|Foreground|Background]\n"
         "                           Orphan (default) keeps the projects; the others delete them\n"
         "  tenantryctl delete project NAME\n"
         "  tenantryctl delete user NAME\n"},
        {"move",
         "usage: tenantryctl move project NAME -w WS\n"
         "  move a project (namespace) into another workspace\n"},
        {"member",
         "usage:\n"
         "  tenantryctl member add USER ROLE (-w WS | -n NS | --cluster | --platform)\n"
         "                           refuses when USER already has a role in that scope\n"
         "  tenantryctl member set USER ROLE (-w WS | -n NS | --cluster | --platform)\n"
         "                           gives USER this role, replacing the one they had\n"
         "  tenantryctl member remove USER (-w WS | -n NS | --cluster)\n"
         "  workspace roles may be named short (viewer) or in full (ws1-viewer)\n"},
        {"role",
         "usage:\n"
         "  tenantryctl role create|edit NAME (--platform | --cluster | -w WS | -n NS) [flags]\n"
         "  tenantryctl role delete NAME (--platform | --cluster | -w WS | -n NS)\n"
         "  --rule 'verbs=get,list;apiGroups=,apps;resources=pods,pods/log;resourceNames=x'\n"
         "                           a resource rule (repeatable); apiGroups='' is the core group; `*` is\n"
         "                           kept literally; subresources are written resource/subresource\n"
         "  --non-resource-rule 'verbs=get;urls=/healthz,/metrics'\n"
         "                           a non-resource URL rule (platform and cluster roles; repeatable)\n"
         "  --template T             compose the role from role template T (repeatable)\n"
         "  --alias A, --description D\n"
         "  -f, --from-file FILE     take rules, templates, alias and description from a role manifest\n"
         "  edit: rules and templates you do not give keep their current values; --rule replaces all\n"
         "  rules. Workspace role names get the \"WS-\" prefix when they lack it.\n"},
        {"user",
         "usage:\n"
         "  tenantryctl user enable NAME\n"
         "  tenantryctl user disable NAME\n"
         "  tenantryctl user set-platform-role NAME ROLE\n"},
        {"repair",
         "usage: tenantryctl repair\n"
         "  standalone mode: find the objects KubeSphere's controllers would have made that are missing or\n"
         "  stale (workspace roles, manager bindings, RBAC mirrors and projections) and fix them\n"},
    };
    return t;
}

bool writes(const std::string &command)
{
    return command != "get" && command != "tree" && command != "mode";
}

} // namespace

std::string tenancyUsage(const std::string &command)
{
    auto it = texts().find(command);
    if (it == texts().end())
        return {};
    return it->second + (writes(command) ? kWrite : "") + kConnection;
}

void printTenancyUsage(const std::string &command, FILE *out)
{
    std::fputs(tenancyUsage(command).c_str(), out);
}

int tenancyUsageError(const std::string &command, const std::string &message)
{
    std::fprintf(stderr, "error: %s\n", message.c_str());
    printTenancyUsage(command, stderr);
    return 2;
}

} // namespace ctl
