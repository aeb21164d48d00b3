// tenantryctl: the command-line twin of the tenantry desktop app.
// Dispatches to sub-commands; global flags are parsed by each command.
#include "commands.h"
#include "permissioncommands.h"
#include "tenancyusage.h"

#include <cstdio>
#include <cstring>
#include <map>
#include <string>

static void usage(FILE *out)
{
    std::fprintf(out,
                 "usage: tenantryctl COMMAND [flags]\n"
                 "\n"
                 "Tenancy (KubeSphere model):\n"
                 "  get workspaces|projects|users|roles|members [NAME] [-w WS] [-n NS] [-o table|json|yaml]\n"
                 "                          list tenancy objects (roles/members need --platform, --cluster, -w or -n)\n"
                 "  tree [-w WS]            users, platform roles, workspaces, projects and their members\n"
                 "  mode                    the tenancy mode in force (KubeSphere or standalone) and why\n"
                 "  create workspace|project|user NAME ...\n"
                 "  edit workspace|user NAME ...      fields not given keep their values\n"
                 "  delete workspace|project|user NAME\n"
                 "  move project NAME -w WS\n"
                 "  member add|set USER ROLE (-w WS | -n NS | --cluster | --platform)\n"
                 "  member remove USER (-w WS | -n NS | --cluster | --platform)\n"
                 "  role create|edit|delete NAME (--platform | --cluster | -w WS | -n NS) [--rule ...] [--template T]\n"
                 "  user enable|disable NAME\n"
                 "  user set-platform-role NAME ROLE\n"
                 "  repair                  fix drift in what standalone mode maintains\n"
                 "  install [--dry-run] [--yes]\n"
                 "                          install Tenantry's tenancy CRDs and built-in roles (standalone mode)\n"
                 "Every write prints its plan and takes --dry-run (server-side dry run, writes nothing),\n"
                 "--yes (apply without asking; needed when stdin is not a terminal), --force-conflicts\n"
                 "and -o yaml (the plan as YAML).\n"
                 "\n"
                 "Permissions (exact RBAC evaluation; all take --from PATH to work offline on manifests):\n"
                 "  can-i VERB RESOURCE[.GROUP][/SUB] [NAME] [-n NS | -A] [--as USER [--as-group G]...]\n"
                 "        [--view kubernetes|kubesphere] [--explain] [--verify]\n"
                 "                          yes/no like kubectl auth can-i, with the path that decides it\n"
                 "  matrix --as USER [-n NS | -w WS | -A] [-o table|json|csv]\n"
                 "                          allowed verbs per resource and scope\n"
                 "  who-can VERB RESOURCE [-n NS]   subjects allowed, with their binding -> role -> rule paths\n"
                 "  diff --as A --against B         what one subject may do that the other may not\n"
                 "  risks                   grants people audit for (wildcards, secrets, escalate, exec...)\n"
                 "\n"
                 "Kubernetes:\n"
                 "  config view [--merge] [--flatten] [--minify] [--raw] [-o json|yaml]\n"
                 "                          print the merged kubeconfig like kubectl config view\n"
                 "  whoami                  show the identity the server sees (SelfSubjectReview)\n"
                 "  get RESOURCE [NAME]     list or get objects of any other kind\n"
                 "\n"
                 "Common flags: --kubeconfig FILE, --context NAME, -n NAMESPACE, --mode kubesphere|standalone\n"
                 "`tenantryctl COMMAND --help` shows a command's flags.\n"
                 "Exit codes: 0 ok, 1 refused or failed, 2 usage error.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const std::string cmd = argv[1];
    ctl::Args args(argv + 2, argv + argc);
    if (cmd == "-h" || cmd == "--help") {
        usage(stdout);
        return 0;
    }
    if (cmd == "help") {
        // `help COMMAND` is the same as `COMMAND --help` for the tenancy commands.
        if (!args.empty() && !ctl::tenancyUsage(args[0]).empty()) {
            ctl::printTenancyUsage(args[0], stdout);
            return 0;
        }
        usage(stdout);
        return 0;
    }
    if (cmd == "config")
        return ctl::runConfig(args);
    if (cmd == "whoami")
        return ctl::runWhoami(args);
    if (cmd == "get")
        return ctl::isTenancyGet(args) ? ctl::runTenancyGet(args) : ctl::runGet(args);
    static const std::map<std::string, int (*)(const ctl::Args &)> tenancy = {
        {"tree", ctl::runTree},     {"mode", ctl::runMode},       {"create", ctl::runCreate},
        {"edit", ctl::runEdit},     {"delete", ctl::runDelete},   {"move", ctl::runMove},
        {"member", ctl::runMember}, {"members", ctl::runMember},  {"role", ctl::runRole},
        {"user", ctl::runUser},     {"repair", ctl::runRepair},   {"install", ctl::runInstall},
        {"can-i", ctl::runCanI},    {"matrix", ctl::runMatrix},   {"who-can", ctl::runWhoCan},
        {"diff", ctl::runDiff},     {"risks", ctl::runRisks},
    };
    if (auto it = tenancy.find(cmd); it != tenancy.end())
        return it->second(args);
    std::fprintf(stderr, "tenantryctl: unknown command '%s'\n", cmd.c_str());
    usage(stderr);
    return 2;
}
