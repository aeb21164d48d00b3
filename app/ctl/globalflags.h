// The connection part of a parsed command line (--kubeconfig, --context, -n, --cache-dir) and
// the client it opens, with kubectl's discovery cache on disk.
#pragma once

#include "commands.h"

#include "kubeclient/api/client.h"
#include "kubeclient/kubesphere/mode.h"
#include "kubeclient/session/clusterconnection.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ctl {

struct GlobalFlags {
    std::string kubeconfig;
    std::string context;
    std::string ns;              // -n; empty: the context's namespace
    bool allNamespaces = false;  // -A
    std::string cacheDir;        // --cache-dir; empty: $KUBECACHEDIR or ~/.kube/cache
    std::string output;          // -o
    bool dryRun = false;
    bool yes = false;
    std::vector<std::string> positional;
};

struct Connection {
    std::shared_ptr<kube::Client> client;
    std::string contextName;
    std::string ns;  // effective namespace (-n or the context's)
    // The shared connection (identity, tenancy mode, the reach rule) the client came from.
    std::optional<kube::session::ClusterConnection> cluster;
};

struct ConnectOptions {
    bool whoami = false;      // ask who we are (SelfSubjectReview), alongside mode detection
    bool detectMode = false;  // discovery + tenancy mode
    std::optional<kube::tenancy::Mode> modeOverride;
};

// Opens the context through kube::session::ClusterConnection (the GUI's path too), with the
// discovery cache on disk; prints the error (which file, what) on failure.
bool connect(const GlobalFlags &flags, Connection &out, const ConnectOptions &options = {});

// Prints "tenantryctl: <error>" to stderr.
void printError(const kube::Error &error);

} // namespace ctl
