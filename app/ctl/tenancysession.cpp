// The shared write flow of tenantryctl's tenancy commands. Nothing is written before the plan
// has been shown, and nothing without --yes or a "y" typed at a terminal: scripts that forget
// --yes fail loudly instead of waiting on a prompt nobody sees.
#include "tenancysession.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/core/yamlconvert.h"
#include "kubeclient/journal/journal.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace ctl {

using kube::tenancy::Plan;
using kube::tenancy::PlannedWrite;
using kube::tenancy::WriteAction;
using kube::tenancy::WriteOutcome;
using kube::tenancy::WriteResult;

namespace {

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

const char *outcomeWord(WriteOutcome outcome)
{
    switch (outcome) {
    case WriteOutcome::Applied: return "applied";
    case WriteOutcome::Patched: return "patched";
    case WriteOutcome::Deleted: return "deleted";
    case WriteOutcome::AlreadyGone: return "deleted (it was already gone)";
    case WriteOutcome::Failed: return "failed";
    case WriteOutcome::Skipped: return "skipped";
    case WriteOutcome::Pending: return "not written";
    case WriteOutcome::NotChecked: return "not checked";
    }
    return "unknown";
}

std::string resultLine(const PlannedWrite &w, const std::string &outcome, bool dryRun)
{
    std::string line = objectRef(w) + " " + outcome;
    std::string notes;
    if (!w.ns.empty())
        notes = "namespace " + w.ns;
    if (!w.subresource.empty())
        notes += (notes.empty() ? "" : ", ") + w.subresource;
    if (dryRun)
        notes += (notes.empty() ? "" : ", ") + std::string("server dry run");
    if (!notes.empty())
        line += " (" + notes + ")";
    return line;
}

void printConflict(const kube::Error &error)
{
    if (!error.isApi(kube::StatusReason::Conflict) || !error.status)
        return;
    bool header = false;
    for (const auto &cause : error.status->causes) {
        if (cause.field.empty() && cause.message.empty())
            continue;
        if (!header) {
            std::fprintf(stderr, "conflicting fields (owned by another field manager):\n");
            header = true;
        }
        std::fprintf(stderr, "  %s: %s\n", cause.field.c_str(), cause.message.c_str());
    }
    std::fprintf(stderr, "another client changed these fields since Tenantry wrote them; to take them over, "
                         "re-run with --force-conflicts (after checking the change above is yours to undo)\n");
}

} // namespace

std::string objectRef(const PlannedWrite &w)
{
    std::string kind = lower(w.gvr.kind.empty() ? w.gvr.resource : w.gvr.kind);
    if (!w.gvr.group.empty())
        kind += "." + w.gvr.group;
    return kind + "/" + w.name;
}

TenancySession::TenancySession(const CommandArgs &args)
    : m_args(args)
{
}

void TenancySession::printError(const kube::Error &error)
{
    if (error.kind == kube::ErrorKind::Api && error.status) {
        const std::string reason = error.status->reasonText.empty() ? kube::toString(error.status->reason)
                                                                   : error.status->reasonText;
        std::string message = error.status->message.empty() ? error.describe() : error.status->message;
        if (error.status->reason == kube::StatusReason::Invalid)
            for (const auto &c : error.status->causes)
                if (!c.field.empty() && message.find(c.field) == std::string::npos)
                    message += "; " + c.field + ": " + c.message;
        std::fprintf(stderr, "Error from server (%s): %s\n", reason.c_str(), message.c_str());
        return;
    }
    // Validation errors carry the field in `where` and again in the message; say it once.
    std::string text = error.message.find(error.where) != std::string::npos ? error.message : error.describe();
    if (error.message.find(error.where) != std::string::npos && !error.hint.empty())
        text += " (" + error.hint + ")";
    std::fprintf(stderr, "error: %s\n", text.c_str());
}

void TenancySession::printList(const std::vector<nlohmann::json> &items, const std::string &output)
{
    nlohmann::json doc = {{"apiVersion", "v1"}, {"kind", "List"}, {"items", items}, {"metadata", {{"resourceVersion", ""}}}};
    std::fputs(output == "json" ? (doc.dump(4) + "\n").c_str() : kube::toYaml(doc).c_str(), stdout);
}

int TenancySession::open(bool writing, bool requireApi)
{
    std::optional<kube::tenancy::Mode> forced;
    if (m_args.has("--mode")) {
        forced = kube::tenancy::modeFromString(m_args.value("--mode"));
        if (!forced) {
            std::fprintf(stderr, "error: --mode must be kubesphere or standalone, not \"%s\"\n",
                         m_args.value("--mode").c_str());
            return 2;
        }
    }
    // Who we are is asked alongside mode detection, only for writes (the creator annotation).
    ConnectOptions options;
    options.detectMode = true;
    options.whoami = writing;
    options.modeOverride = forced;
    if (!connect(m_args.globalFlags(), m_connection, options))
        return 1;
    m_tenancy = *m_connection.cluster->tenancy();
    if (requireApi && !m_tenancy.api.installed()) {
        std::fprintf(stderr, "error: the KubeSphere tenancy API is not served by %s (no iam.kubesphere.io / "
                             "tenant.kubesphere.io); run `tenantryctl install` to install Tenantry's CRDs\n",
                     m_connection.client->where().c_str());
        return 1;
    }
    if (writing) {
        if (const auto &me = m_connection.cluster->identity()) {
            m_user = me->username;
        } else {
            // Old servers lack SelfSubjectReview; the creator annotation is then left out.
            std::fprintf(stderr, "warning: could not ask the server who you are (%s); objects will carry no "
                                 "kubesphere.io/creator\n",
                         m_connection.cluster->identityError() ? m_connection.cluster->identityError()->describe().c_str()
                                                               : "no answer");
        }
        std::fprintf(stderr, "mode: %s (%s)\n", kube::tenancy::toString(m_tenancy.mode), m_tenancy.reason.c_str());
    }
    return 0;
}

kube::tenancy::Planner TenancySession::planner(const std::string &actor)
{
    return kube::tenancy::Planner(*m_connection.client, m_tenancy, actor.empty() ? m_user : actor);
}

void TenancySession::journal(const Plan &plan, const kube::tenancy::PlanReport &report, bool dryRun)
{
    auto written = kube::journal::record(kube::journal::contextOf(cluster()), plan, report, dryRun);
    if (!written)
        std::fprintf(stderr, "warning: the write was not recorded in Tenantry's journal: %s\n",
                     written.error().describe().c_str());
}

bool TenancySession::confirm(size_t writes)
{
    std::fprintf(stderr, "Apply %zu write%s? [y/N] ", writes, writes == 1 ? "" : "s");
    std::fflush(stderr);
    char buf[64] = {};
    if (!std::fgets(buf, sizeof buf, stdin))
        return false;
    const std::string answer = lower(std::string(buf));
    return answer.rfind("y\n", 0) == 0 || answer.rfind("yes\n", 0) == 0 || answer == "y" || answer == "yes";
}

int TenancySession::execute(const kube::Result<Plan> &planned, bool creates)
{
    if (!planned) {
        printError(planned.error());
        return 1;
    }
    const Plan &plan = *planned;
    const std::string output = m_args.output();
    if (!output.empty() && output != "yaml") {
        std::fprintf(stderr, "error: a write prints its plan as text or -o yaml, not \"%s\"\n", output.c_str());
        return 2;
    }
    const bool yamlOut = output == "yaml";
    // With -o yaml stdout holds only the plan, so it can be saved and read back.
    FILE *results = yamlOut ? stderr : stdout;
    std::fputs(yamlOut ? plan.yaml().c_str() : plan.summary().c_str(), stdout);
    std::fflush(stdout);
    // The YAML holds warnings as comments; a reader of the terminal sees them on stderr too.
    if (yamlOut)
        for (const auto &warning : plan.warnings)
            std::fprintf(stderr, "warning: %s\n", warning.c_str());
    if (plan.empty()) {
        std::fprintf(results, "nothing to do\n");
        return 0;
    }

    kube::tenancy::PlanExecutor executor(client());
    kube::tenancy::ExecuteOptions options;
    options.force = m_args.on("--force-conflicts");

    if (m_args.dryRun()) {
        options.dryRun = true;
        options.stopOnError = false;
        kube::tenancy::PlanReport report = executor.run(plan, options);
        journal(plan, report, true);
        int failed = 0;
        for (const WriteResult &r : report.results) {
            const PlannedWrite &w = plan.writes[r.index];
            // The executor marks writes that need an earlier write of the plan (NotChecked).
            if (r.outcome == WriteOutcome::NotChecked && r.dependsOn) {
                std::fprintf(results, "%s\n",
                             resultLine(w, "not checked: it needs write " + std::to_string(*r.dependsOn + 1) + " ("
                                               + objectRef(plan.writes[*r.dependsOn]) + ") to exist first",
                                        true)
                                 .c_str());
                continue;
            }
            if (r.outcome != WriteOutcome::Failed) {
                std::fprintf(results, "%s\n", resultLine(w, outcomeWord(r.outcome), true).c_str());
                continue;
            }
            ++failed;
            std::fprintf(results, "%s\n", resultLine(w, "would fail", true).c_str());
            printError(*r.error);
            printConflict(*r.error);
        }
        if (failed) {
            std::fprintf(stderr, "dry run: %d of %zu writes would fail; nothing was written\n", failed, plan.writes.size());
            return 1;
        }
        std::fprintf(stderr, "dry run: the server accepted all %zu writes; nothing was written\n", plan.writes.size());
        return 0;
    }

    if (!m_args.yes()) {
        if (!isatty(STDIN_FILENO)) {
            std::fprintf(stderr,
                         "error: refusing to apply %zu write%s without confirmation: stdin is not a terminal. Pass "
                         "--yes to apply, or --dry-run to check the plan on the server first\n",
                         plan.writes.size(), plan.writes.size() == 1 ? "" : "s");
            return 1;
        }
        if (!confirm(plan.writes.size())) {
            std::fprintf(stderr, "aborted: nothing was written\n");
            return 1;
        }
    }

    options.progress = [&](size_t index, const WriteResult &r) {
        if (r.outcome != WriteOutcome::Failed)
            std::fprintf(results, "%s\n", resultLine(plan.writes[index], outcomeWord(r.outcome), false).c_str());
        std::fflush(results);
    };
    kube::tenancy::PlanReport report = executor.run(plan, options);
    journal(plan, report, false);
    if (report.complete())
        return 0;

    const auto error = report.firstError();
    const PlannedWrite &failedWrite = plan.writes[report.nextIndex];
    std::fprintf(stderr, "%s\n", resultLine(failedWrite, "failed", false).c_str());
    if (error) {
        printError(*error);
        printConflict(*error);
    }
    const size_t done = report.nextIndex;
    if (done == 0) {
        std::fprintf(stderr, "nothing was written; fix the cause and run the same command again\n");
    } else if (!creates) {
        std::fprintf(stderr,
                     "%zu of %zu writes were applied. Running the same command again is safe (server-side apply is "
                     "idempotent): it re-plans from the cluster's state and finishes the rest\n",
                     done, plan.writes.size());
    } else {
        std::fprintf(stderr,
                     "%zu of %zu writes were applied, so \"%s\" already exists and the same command would now refuse. "
                     "Finish with `tenantryctl repair` (it adds the side effects that are missing), or delete the "
                     "object and create it again\n",
                     done, plan.writes.size(), plan.title.c_str());
    }
    return 1;
}

} // namespace ctl
