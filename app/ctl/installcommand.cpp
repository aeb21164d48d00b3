// `tenantryctl install`: shows what installing Tenantry's CRDs and built-in roles would change on
// a cluster, then applies it (or only dry-runs it), refusing where KubeSphere owns the API.
#include "commandargs.h"
#include "globalflags.h"

#include "kubeclient/tenancy/install/installer.h"
#include "resources/manifests.h"

#include <cstdio>
#include <iostream>
#include <string>

#include <unistd.h>

namespace ctl {

namespace {

void printPlan(const kube::tenancy::InstallPlan &plan)
{
    using kube::tenancy::InstallAction;
    std::printf("Install plan for %s:\n", plan.where.c_str());
    for (const auto &item : plan.items) {
        std::printf("  %-9s %s\n", kube::tenancy::toString(item.action), item.title().c_str());
        if (item.action == InstallAction::Update && !item.changes.empty()) {
            std::string changes;
            for (const auto &c : item.changes)
                changes += (changes.empty() ? "" : ", ") + c;
            std::printf("            changes %s\n", changes.c_str());
        }
        if (!item.note.empty())
            std::printf("            (%s)\n", item.note.c_str());
    }
    std::printf("%zu to create, %zu to update, %zu unchanged\n", plan.count(InstallAction::Create),
                plan.count(InstallAction::Update), plan.count(InstallAction::Unchanged));
}

void printReport(const kube::tenancy::InstallReport &report)
{
    using kube::tenancy::InstallAction;
    const char *prefix = report.dryRun ? "would be " : "";
    // The plan already listed every object; here only what changed (or could not be checked).
    for (const auto &item : report.items) {
        if (item.action == InstallAction::Unchanged && item.serverChecked)
            continue;
        const char *action = item.action == InstallAction::Create ? "created"
            : item.action == InstallAction::Update               ? "updated"
                                                                 : "unchanged";
        std::printf("%s %s%s%s\n", item.title.c_str(), item.action == InstallAction::Unchanged ? "" : prefix, action,
                    item.serverChecked ? "" : " (not checked by the server)");
    }
    std::printf("%s%zu created, %zu updated, %zu unchanged\n", report.dryRun ? "Dry run: " : "",
                report.count(InstallAction::Create), report.count(InstallAction::Update),
                report.count(InstallAction::Unchanged));
    for (const auto &note : report.notes)
        std::printf("Note: %s\n", note.c_str());
}

bool confirm()
{
    std::fprintf(stderr, "Apply these changes? [y/N] ");
    std::string answer;
    if (!std::getline(std::cin, answer))
        return false;
    return answer == "y" || answer == "Y" || answer == "yes";
}

} // namespace

int runInstall(const CommandArgs &args)
{
    const GlobalFlags flags = args.globalFlags();
    if (!flags.positional.empty())
        return usageError(args, "install takes no arguments");
    Connection c;
    if (!connect(flags, c))
        return 1;

    kube::tenancy::InstallerOptions options;
    options.takeOver = args.on("--take-over");
    kube::tenancy::Installer installer(*c.client, tenantry::resources::crdManifests(),
                                       tenantry::resources::builtinManifests(), options);
    auto plan = installer.plan();
    if (!plan) {
        printError(plan.error());
        return 1;
    }
    if (plan->kubesphereMode) {
        std::fprintf(stderr, "tenantryctl: %s\n", plan->refusal.c_str());
        return 1;
    }
    printPlan(*plan);
    std::fflush(stdout);  // the plan before any progress on stderr
    if (plan->upToDate() && !flags.dryRun) {
        std::printf("Tenantry's CRDs and built-in roles are installed and up to date; nothing to do.\n");
        return 0;
    }
    // Asking only makes sense when someone can answer; scripts pass --yes.
    if (!flags.dryRun && !flags.yes) {
        if (!isatty(fileno(stdin))) {
            std::fprintf(stderr, "tenantryctl: not applying without confirmation; pass --yes (or --dry-run)\n");
            return 1;
        }
        if (!confirm()) {
            std::fprintf(stderr, "tenantryctl: nothing was changed\n");
            return 1;
        }
    }
    // Per-object steps are quick; the waits for new CRDs are what a user may sit through.
    const auto progress = [](const kube::tenancy::InstallProgress &p) {
        if (p.step.rfind("waiting", 0) == 0 || p.step.rfind("refreshing", 0) == 0)
            std::fprintf(stderr, "[%zu/%zu] %s\n", p.done, p.total, p.step.c_str());
    };
    auto report = installer.apply(*plan, flags.dryRun, progress);
    if (!report) {
        printError(report.error());
        return 1;
    }
    printReport(*report);
    return 0;
}

} // namespace ctl
