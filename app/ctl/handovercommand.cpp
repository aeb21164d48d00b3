// `tenantryctl handover kubesphere [--finish]`: the hand-over of a standalone cluster to
// KubeSphere's ks-core chart, planned by the engine (tenancy/install/handover) and run through
// the write flow every tenancy command shares (plan, --dry-run, -o yaml, confirm or --yes).
#include "commands.h"
#include "tenancysession.h"

#include "kubeclient/tenancy/install/handover.h"

#include <cstdio>
#include <map>

namespace ctl {

using kube::tenancy::HandoverAction;
using kube::tenancy::HandoverOptions;
using kube::tenancy::HandoverPhase;

namespace {

// "handover: 55 relabel, 3 remove, 1 conflict, 18 leave, 12 later": every object considered.
void printCounts(const kube::tenancy::HandoverPlan &plan, FILE *to)
{
    std::map<int, size_t> counts;
    for (const auto &item : plan.items)
        ++counts[int(item.action)];
    std::string line;
    for (const auto &[action, n] : counts)
        line += (line.empty() ? "" : ", ") + std::to_string(n) + " " + kube::tenancy::toString(HandoverAction(action));
    std::fprintf(to, "handover: %s\n", line.empty() ? "nothing Tenantry made was found" : line.c_str());
    if (plan.blocked())
        std::fprintf(to, "handover: helm install would stop on %zu object%s (see the warnings)\n",
                     plan.count(HandoverAction::Conflict), plan.count(HandoverAction::Conflict) == 1 ? "" : "s");
}

} // namespace

int runHandover(const CommandArgs &a)
{
    const auto &pos = a.positional();
    if (pos.size() != 1 || pos[0] != "kubesphere")
        return usageError(a, pos.empty() ? "handover needs its target: handover kubesphere"
                                         : "handover knows one target, kubesphere, not \"" + pos[0] + "\"");
    HandoverOptions options;
    options.phase = a.on("--finish") ? HandoverPhase::Finish : HandoverPhase::Prepare;
    options.adoptExisting = a.on("--adopt-existing");
    if (options.adoptExisting && options.phase == HandoverPhase::Finish)
        return usageError(a, "--adopt-existing belongs to the prepare step (without --finish)");
    if (a.has("--release"))
        options.release = a.value("--release");
    if (a.has("--release-namespace"))
        options.releaseNamespace = a.value("--release-namespace");
    if (options.release.empty() || options.releaseNamespace.empty())
        return usageError(a, "--release and --release-namespace need a value");

    TenancySession session(a);
    if (int rc = session.open(true))
        return rc;
    auto planned = session.planner().handover(options);
    if (!planned) {
        TenancySession::printError(planned.error());
        return 1;
    }
    // With -o yaml stdout holds only the plan; the overview goes to stderr then.
    printCounts(*planned, a.output() == "yaml" ? stderr : stdout);
    return session.execute(planned->plan);
}

} // namespace ctl
