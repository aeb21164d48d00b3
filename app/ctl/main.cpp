// tenantryctl: the command-line twin of the tenantry desktop app.
// Dispatches to sub-commands; global flags are parsed by each command.
#include "commands.h"

#include <cstdio>
#include <cstring>
#include <string>

static void usage(FILE *out)
{
    std::fprintf(out,
                 "usage: tenantryctl COMMAND [flags]\n"
                 "  config view [--merge] [--flatten] [--minify] [--raw] [-o json|yaml]\n"
                 "                          print the merged kubeconfig like kubectl config view\n"
                 "  whoami                  show the identity the server sees (SelfSubjectReview)\n"
                 "  get RESOURCE [NAME]     list or get objects of any kind as JSON\n"
                 "Common flags: --kubeconfig FILE, --context NAME, -n NAMESPACE\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const std::string cmd = argv[1];
    ctl::Args args(argv + 2, argv + argc);
    if (cmd == "-h" || cmd == "--help" || cmd == "help") {
        usage(stdout);
        return 0;
    }
    if (cmd == "config")
        return ctl::runConfig(args);
    if (cmd == "whoami")
        return ctl::runWhoami(args);
    if (cmd == "get")
        return ctl::runGet(args);
    std::fprintf(stderr, "tenantryctl: unknown command '%s'\n", cmd.c_str());
    usage(stderr);
    return 2;
}
