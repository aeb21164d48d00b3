// Flag parsing in kubectl's style (--flag=value and --flag value) and kubeconfig loading.
#include "globalflags.h"

#include "kubeclient/kubeconfig/kubeconfig.h"

#include <cstdio>

namespace ctl {

bool parseFlags(const Args &args, GlobalFlags &flags, const std::set<std::string> &valueFlags,
                const std::set<std::string> &switches)
{
    static const std::set<std::string> kValueFlags = {"--kubeconfig", "--context", "-n", "--namespace", "-o",
                                                      "--output", "-l", "--selector"};
    for (size_t i = 0; i < args.size(); ++i) {
        std::string arg = args[i];
        if (arg == "--") {
            flags.positional.insert(flags.positional.end(), args.begin() + long(i) + 1, args.end());
            break;
        }
        if (arg.size() < 2 || arg[0] != '-') {
            flags.positional.push_back(arg);
            continue;
        }
        std::string name = arg, value;
        bool hasValue = false;
        if (auto eq = arg.find('='); eq != std::string::npos && arg.rfind("--", 0) == 0) {
            name = arg.substr(0, eq);
            value = arg.substr(eq + 1);
            hasValue = true;
        }
        if (name == "-A" || name == "--all-namespaces") {
            flags.allNamespaces = true;
            continue;
        }
        if (name == "--dry-run") {
            flags.dryRun = !hasValue || value == "true" || value == "client" || value == "server";
            continue;
        }
        if (name == "--yes" || name == "-y") {
            flags.yes = true;
            continue;
        }
        if (switches.count(name)) {
            flags.extraSwitches.insert(name);
            continue;
        }
        if (kValueFlags.count(name) || valueFlags.count(name)) {
            if (!hasValue) {
                if (i + 1 >= args.size()) {
                    std::fprintf(stderr, "tenantryctl: flag %s needs a value\n", name.c_str());
                    return false;
                }
                value = args[++i];
            }
            if (name == "--kubeconfig")
                flags.kubeconfig = value;
            else if (name == "--context")
                flags.context = value;
            else if (name == "-n" || name == "--namespace")
                flags.ns = value;
            else if (name == "-o" || name == "--output")
                flags.output = value;
            else if (name == "-l" || name == "--selector")
                flags.labelSelector = value;
            else
                flags.extra[name] = value;
            continue;
        }
        std::fprintf(stderr, "tenantryctl: unknown flag %s\n", name.c_str());
        return false;
    }
    return true;
}

void printError(const kube::Error &error)
{
    std::fprintf(stderr, "tenantryctl: %s\n", error.describe().c_str());
}

bool connect(const GlobalFlags &flags, Connection &out)
{
    auto config = kube::Kubeconfig::loadFromEnvironment(flags.kubeconfig);
    if (!config) {
        printError(config.error());
        return false;
    }
    auto resolved = config->resolve(flags.context);
    if (!resolved) {
        printError(resolved.error());
        return false;
    }
    auto transport = config->transportConfig(flags.context);
    if (!transport) {
        printError(transport.error());
        return false;
    }
    out.contextName = resolved->contextName;
    transport->where = "cluster " + resolved->clusterName + " (" + transport->server + ")";
    transport->userAgent = "tenantryctl/0.1";
    out.client = std::make_unique<kube::Client>(std::move(*transport));
    if (!flags.ns.empty()) {
        out.ns = flags.ns;
    } else {
        auto ns = config->contextNamespace(flags.context);
        out.ns = ns ? *ns : "default";
    }
    return true;
}

} // namespace ctl
