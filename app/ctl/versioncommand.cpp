// `tenantryctl version` (kubectl's words: Client Version, Server Version, --client) and the
// version line of `tenantryctl --version`. The client's version is the build's (tenantryversion.h).
#include "commandargs.h"
#include "globalflags.h"

#include "kubeclient/core/yamlconvert.h"

#include "tenantryversion.h"

#include <cstdio>

namespace ctl {

std::string versionLine()
{
    return "tenantryctl " + tenantry::versionText() + "\n";
}

int runVersion(const CommandArgs &args)
{
    if (!args.positional().empty())
        return usageError(args, "version takes no arguments");
    const std::string output = args.output();
    if (!output.empty() && output != "json" && output != "yaml")
        return usageError(args, "--output must be json or yaml");
    const nlohmann::json client = {{"version", tenantry::version()}, {"gitDescribe", tenantry::gitDescribe()}};
    const auto print = [&](const nlohmann::json &doc) {
        std::fputs(output == "json" ? (doc.dump(4) + "\n").c_str() : kube::toYaml(doc).c_str(), stdout);
    };
    if (args.on("--client")) {
        if (output.empty())
            std::printf("Client Version: %s\n", tenantry::versionText().c_str());
        else
            print({{"clientVersion", client}});
        return 0;
    }
    // As kubectl does: the client's version first, so it is known even when the server is not.
    if (output.empty()) {
        std::printf("Client Version: %s\n", tenantry::versionText().c_str());
        std::fflush(stdout);
    }
    Connection c;
    if (!connect(args.globalFlags(), c))
        return 1;
    auto server = c.client->serverVersion();
    if (!server) {
        printError(server.error());
        return 1;
    }
    if (!output.empty()) {
        print({{"clientVersion", client}, {"serverVersion", *server}});
        return 0;
    }
    const std::string gitVersion = server->is_object() ? server->value("gitVersion", std::string()) : std::string();
    std::printf("Server Version: %s\n", gitVersion.empty() ? "unknown" : gitVersion.c_str());
    return 0;
}

} // namespace ctl
