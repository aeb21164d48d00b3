// can-reach and flows: namespaces and NetworkPolicies read through the tenancy graph (live, one
// list of each) or from manifests (--from), turned into the evaluator's set by the one adapter
// the GUI uses too (kube::tenancy::networkOf), then asked.
#include "commands.h"
#include "networkquery.h"
#include "tenancysession.h"

#include "kubeclient/core/manifestfiles.h"
#include "kubeclient/session/tenancyfeed.h"
#include "kubeclient/tenancy/graph/graphnetwork.h"

#include <cstdio>

namespace ctl {

namespace {

using kube::tenancy::GraphKind;

struct NetworkSource {
    kube::tenancy::GraphSnapshot graph;
    std::vector<std::string> warnings;
};

// Returns 0 and fills `out`, or the exit code to end with (the error printed).
int loadNetwork(const CommandArgs &a, NetworkSource &out)
{
    if (a.has("--from")) {
        auto read = kube::readManifestFiles(a.value("--from"));
        if (!read) {
            TenancySession::printError(read.error());
            return 1;
        }
        std::vector<nlohmann::json> objects;
        for (const auto &doc : read->documents)
            for (auto &o : kube::objectsOf(doc))
                objects.push_back(std::move(o));
        out.graph = kube::tenancy::graphOfObjects(objects);
        out.warnings = read->warnings;
        return 0;
    }
    TenancySession session(a);
    // Namespaces and NetworkPolicies are core kinds: no tenancy API needed.
    if (int rc = session.open(false, false))
        return rc;
    kube::session::LoadOptions options;
    options.kinds = {GraphKind::Namespace, GraphKind::NetworkPolicy};
    auto loaded = kube::session::TenancyFeed::load(kube::session::feedSourceOf(session.cluster()), options);
    if (!loaded) {
        TenancySession::printError(loaded.error());
        return 1;
    }
    if (loaded->forbidden.test(kube::tenancy::indexOf(GraphKind::NetworkPolicy))) {
        std::fprintf(stderr, "error: cannot list networkpolicies.networking.k8s.io cluster-wide (Forbidden): the "
                             "answer would ignore policies you cannot see\n");
        return 1;
    }
    if (loaded->forbidden.test(kube::tenancy::indexOf(GraphKind::Namespace)))
        out.warnings.push_back("cannot list namespaces (Forbidden): namespaceSelectors only see namespace names");
    out.graph = loaded->snapshot;
    return 0;
}

void printWarnings(const std::vector<std::string> &warnings)
{
    for (const auto &w : warnings)
        std::fprintf(stderr, "Warning: %s\n", w.c_str());
}

} // namespace

int runCanReach(const CommandArgs &a)
{
    auto query = parseCanReach(a);
    if (!query)
        return usageError(a, query.error().message);
    if (!a.output().empty())
        return usageError(a, "can-reach answers yes or no; it has no -o (use --explain for the rules)");
    NetworkSource source;
    if (int rc = loadNetwork(a, source))
        return rc;
    const auto set = kube::tenancy::networkOf(source.graph, &source.warnings);
    for (const auto *ns : {&query->from.ns, &query->to.ns})
        if (!set.namespaceLabels(*ns))
            source.warnings.push_back("namespace " + *ns + " is not known: answered for a namespace with no labels but its name");
    printWarnings(source.warnings);
    const kube::net::Decision decision = set.decide(query->from, query->to, query->port);
    if (!a.on("--quiet"))
        std::printf("%s\n", decision.allowed ? "yes" : "no");
    if (a.on("--explain"))
        for (const auto &line : explainDecision(set, *query, decision))
            std::printf("%s\n", line.c_str());
    return decision.allowed ? 0 : 1;
}

int runFlows(const CommandArgs &a)
{
    if (!a.positional().empty())
        return usageError(a, "flows takes no arguments (use -w WORKSPACE for one workspace's projects)");
    const std::string output = a.output();
    if (!output.empty() && output != "json")
        return usageError(a, "flows prints a table or -o json, not \"" + output + "\"");
    NetworkSource source;
    if (int rc = loadNetwork(a, source))
        return rc;
    const auto set = kube::tenancy::networkOf(source.graph, &source.warnings);
    const std::string workspace = a.value("--workspace");
    const kube::tenancy::GraphSnapshot graph = source.graph;
    auto workspaceOf = [graph](const std::string &ns) { return graph.workspaceOf(ns); };
    const kube::net::FlowMap map = kube::net::computeFlows(set);
    const FlowsView view = flowsView(set, map, workspaceOf, workspace);
    if (!workspace.empty() && view.namespaces.empty())
        source.warnings.push_back("no project of workspace " + workspace + " is known");
    if (output == "json") {
        printWarnings(source.warnings);
        std::printf("%s\n", flowsJson(set, map, view, source.warnings).dump(2).c_str());
        return 0;
    }
    printWarnings(source.warnings);
    printFlowsTable(stdout, map, view);
    return 0;
}

} // namespace ctl
