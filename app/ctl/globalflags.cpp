// Opening a context named by the global flags through the shared ClusterConnection; discovery
// is cached on disk between runs the way kubectl caches it, so one-shot commands skip it.
#include "globalflags.h"

#include <cstdio>

namespace ctl {

void printError(const kube::Error &error)
{
    std::fprintf(stderr, "tenantryctl: %s\n", error.describe().c_str());
}

bool connect(const GlobalFlags &flags, Connection &out, const ConnectOptions &options)
{
    kube::session::ConnectionOptions open;
    open.kubeconfig = flags.kubeconfig;
    open.context = flags.context;
    open.userAgent = "tenantryctl/0.1";
    open.whoami = options.whoami;
    open.detectMode = options.detectMode;
    open.modeOverride = options.modeOverride;
    open.discoveryDiskCache = true;
    open.discoveryCacheRoot = flags.cacheDir;
    auto connection = kube::session::ClusterConnection::open(open);
    if (!connection) {
        printError(connection.error());
        return false;
    }
    out.client = connection->client();
    out.contextName = connection->contextName();
    out.ns = !flags.ns.empty() ? flags.ns
           : connection->contextNamespace().empty() ? std::string("default")
                                                    : connection->contextNamespace();
    out.cluster = std::move(*connection);
    return true;
}

} // namespace ctl
