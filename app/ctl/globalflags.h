// Flags shared by tenantryctl's cluster commands (--kubeconfig, --context, -n, -A, -o, -l,
// --dry-run, --yes) and the connection they describe.
#pragma once

#include "commands.h"

#include "kubeclient/api/client.h"

#include <memory>
#include <set>
#include <string>
#include <vector>

namespace ctl {

struct GlobalFlags {
    std::string kubeconfig;
    std::string context;
    std::string ns;              // -n; empty: the context's namespace
    bool allNamespaces = false;  // -A
    std::string output;          // -o
    std::string labelSelector;   // -l
    bool dryRun = false;
    bool yes = false;
    std::vector<std::string> positional;
    std::map<std::string, std::string> extra;  // command-specific --key=value / --key value
    std::set<std::string> extraSwitches;       // command-specific boolean flags that were given
};

// Parses args; `valueFlags` and `switches` name the command's own flags ("--mode").
// Returns false after printing a usage error to stderr.
bool parseFlags(const Args &args, GlobalFlags &flags, const std::set<std::string> &valueFlags = {},
                const std::set<std::string> &switches = {});

struct Connection {
    std::unique_ptr<kube::Client> client;
    std::string contextName;
    std::string ns;  // effective namespace (-n or the context's)
};

// Loads the kubeconfig and builds a client; prints the error (which file, what) on failure.
bool connect(const GlobalFlags &flags, Connection &out);

// Prints "tenantryctl: <error>" to stderr.
void printError(const kube::Error &error);

} // namespace ctl
