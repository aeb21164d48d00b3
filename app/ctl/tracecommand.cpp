// tenantryctl trace: one request through authentication, impersonation, authorization and
// admission, checked against the server. The arguments are read as can-i reads them
// (PermissionQuery), the work is kube::trace::Tracer's, the same engine the window uses.
#include "commandargs.h"
#include "commands.h"
#include "globalflags.h"
#include "permissionquery.h"

#include "kubeclient/kubeconfig/kubeconfig.h"
#include "kubeclient/trace/tracer.h"

#include <cstdio>

namespace ctl {

int runTrace(const CommandArgs &args)
{
    const std::string output = args.output().empty() ? std::string("text") : args.output();
    if (output != "text" && output != "json")
        return usageError(args, "unknown output format \"" + output + "\" (text, json)");
    kube::trace::TraceQuestion q;
    if (args.has("--view")) {
        auto view = kube::rbac::viewFromString(args.value("--view"));
        if (!view)
            return usageError(args, "--view is kubernetes or kubesphere, not \"" + args.value("--view") + "\"");
        q.view = *view;
    }
    if (args.has("--requests")) {
        auto amounts = kube::trace::parseResourceAmounts(args.value("--requests"), "--requests");
        if (!amounts)
            return usageError(args, amounts.error().message + (amounts.error().hint.empty() ? "" : " (" + amounts.error().hint + ")"));
        q.requests = *amounts;
    }
    q.asUser = args.value("--as");
    q.asGroups = args.values("--as-group");
    if (q.asUser.empty() && !q.asGroups.empty())
        return usageError(args, "--as-group needs --as USER");
    if (args.positional().size() < 2)
        return usageError(args, "you must specify a verb and a resource (or a non-resource URL): trace VERB TYPE [NAME]");

    Connection connection;
    if (!connect(args.globalFlags(), connection))
        return 1;
    PermissionQuery::Input in{args.positional(), args.value("--subresource"), connection.ns, false};
    auto read = PermissionQuery::read(PermissionQuery::Style::Trace, in,
                                      PermissionQuery::discoveryResolver(*connection.client));
    if (!read.error.empty())
        return usageError(args, read.error);
    for (const auto &w : read.warnings)
        std::fprintf(stderr, "Warning: %s\n", w.c_str());
    q.request = read.request;
    q.namespaced = read.namespaced;
    // A cluster-scoped object is asked without a namespace: that is the request the server gets.
    if (!q.namespaced && q.request.isResourceRequest)
        q.request.ns.clear();
    if (!q.requests.empty() && !(q.request.resource == "pods" && q.request.apiGroup.empty() && q.request.verb == "create"))
        std::fprintf(stderr, "Warning: --requests applies to creating pods only; ignored\n");

    kube::trace::TraceOptions options;
    // What the kubeconfig presents, read from the same files (never a secret printed).
    if (auto config = kube::Kubeconfig::loadFromEnvironment(args.globalFlags().kubeconfig)) {
        if (auto resolved = config->resolve(connection.contextName))
            options.presented = kube::trace::describePresented(*resolved);
    }
    const kube::trace::Tracer tracer(connection.client);
    const auto result = tracer.run(q, options);
    if (output == "json")
        std::fputs((result.toJson().dump(2) + "\n").c_str(), stdout);
    else
        std::fputs(result.toText().c_str(), stdout);
    if (!result.disagreements.empty()) {
        for (const auto &d : result.disagreements)
            std::fprintf(stderr, "DISAGREEMENT: %s\n", d.c_str());
        return 3;
    }
    return result.verdict == kube::trace::Verdict::Pass ? 0 : 1;
}

} // namespace ctl
