// Plan rendering and execution: apply / delete each write in order, record the outcome, and
// stop at the first failure so the rest can be resumed once the cause is fixed.
#include "kubeclient/tenancy/plan/plan.h"

#include "kubeclient/api/ownerrefs.h"
#include "kubeclient/core/requestsent.h"
#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/kubesphere/tenancyapi.h"
#include "kubeclient/core/yamlconvert.h"

namespace kube::tenancy {

namespace {
// What a failed write whose request had gone out means for the person reading the report.
constexpr const char *kMaybeAppliedNote =
    "the write may have been made and its answer lost: resume the plan to be sure (writing the same intent "
    "again changes nothing)";
} // namespace

const char *toString(WriteOutcome outcome)
{
    switch (outcome) {
    case WriteOutcome::Pending: return "pending";
    case WriteOutcome::Applied: return "applied";
    case WriteOutcome::Patched: return "patched";
    case WriteOutcome::Deleted: return "deleted";
    case WriteOutcome::AlreadyGone: return "already gone";
    case WriteOutcome::Failed: return "failed";
    case WriteOutcome::Skipped: return "skipped";
    case WriteOutcome::NotChecked: return "not checked";
    }
    return "unknown";
}

bool PlanReport::complete() const
{
    for (const auto &r : results)
        if (r.outcome == WriteOutcome::Failed || r.outcome == WriteOutcome::Pending)
            return false;
    return true;
}

std::optional<Error> PlanReport::firstError() const
{
    for (const auto &r : results)
        if (r.error)
            return r.error;
    return std::nullopt;
}

std::string PlanReport::summary(const Plan &plan) const
{
    std::string out;
    for (const auto &r : results) {
        if (r.outcome == WriteOutcome::Pending)
            continue;
        out += std::string(dryRun ? "[dry-run] " : "") + plan.writes[r.index].describe() + ": " + toString(r.outcome);
        if (r.dependsOn)
            out += " (it needs write " + std::to_string(*r.dependsOn + 1) + ", " + plan.writes[*r.dependsOn].describe()
                + ", to exist first)";
        else if (r.error)
            out += ": " + r.error->describe();
        if (r.error && r.error->hint.find(kMaybeAppliedNote) != std::string::npos)
            out += " [outcome unknown: may have been applied]";
        out += "\n";
    }
    if (!complete())
        out += "stopped at write " + std::to_string(nextIndex + 1) + " of " + std::to_string(plan.writes.size())
            + "; fix the cause and resume from there\n";
    return out;
}

std::string PlanReport::failureMessage() const
{
    const auto error = firstError();
    if (!error)
        return {};
    if (error->status && !error->status->message.empty())
        return error->status->message + " (" + error->where + ")";
    return error->describe();
}

std::optional<size_t> PlanExecutor::dependsOnEarlierWrite(const Plan &plan, size_t index, const Error &error)
{
    if (!error.isApi(StatusReason::NotFound))
        return std::nullopt;
    const PlannedWrite &w = plan.writes[index];
    for (size_t i = 0; i < index; ++i) {
        const PlannedWrite &e = plan.writes[i];
        if (e.action != WriteAction::Apply)
            continue;
        if (!w.ns.empty() && e.gvr == TenancyApi::namespaces && e.name == w.ns)
            return i;
        if (e.gvr == w.gvr && e.ns == w.ns && e.name == w.name)
            return i;
    }
    return std::nullopt;
}

PlanExecutor::PlanExecutor(Client &client)
    : m_client(client)
{
}

namespace {
// A write whose request reached the server but whose answer did not reach us: its outcome is
// unknown, and the report must say so rather than "failed" (not done).
void markIfMaybeApplied(WriteResult &r, bool dryRun)
{
    if (dryRun || r.outcome != WriteOutcome::Failed || !r.error || !requestWasSent(*r.error))
        return;
    if (r.error->kind != ErrorKind::Transport && r.error->kind != ErrorKind::Timeout
        && r.error->kind != ErrorKind::Cancelled)
        return;
    // The hint already says the request had been sent; say what that means for this write.
    r.error->hint += std::string("; ") + kMaybeAppliedNote;
}
} // namespace

WriteResult PlanExecutor::runOne(const PlannedWrite &w, size_t index, const ExecuteOptions &options)
{
    WriteResult r;
    r.index = index;
    if (options.captureBefore && !options.dryRun) {
        auto live = m_client.get(w.gvr, w.ns, w.name, options.cancel);
        if (live) {
            r.before = std::move(*live);
            r.beforeCaptured = true;
        } else if (live.error().isApi(StatusReason::NotFound)) {
            r.beforeCaptured = true;
        } else {
            r.beforeError = live.error().describe();
        }
    }
    if (w.action == WriteAction::Delete) {
        DeleteOptions del = w.deleteOptions;
        del.dryRun = options.dryRun;
        auto res = m_client.remove(w.gvr, w.ns, w.name, del, options.cancel);
        if (res) {
            r.outcome = WriteOutcome::Deleted;
            r.serverObject = std::move(*res);
        } else if (res.error().isApi(StatusReason::NotFound)) {
            r.outcome = WriteOutcome::AlreadyGone;
        } else {
            r.outcome = WriteOutcome::Failed;
            r.error = res.error();
        }
        return r;
    }
    WriteOptions wo;
    wo.fieldManager = kFieldManager;
    if (w.action == WriteAction::MergePatch) {
        wo.dryRun = options.dryRun;
        auto res = m_client.patch(w.gvr, w.ns, w.name, PatchType::Merge, w.object, wo, w.subresource, options.cancel);
        if (res) {
            r.outcome = WriteOutcome::Patched;
            r.serverObject = std::move(*res);
        } else {
            r.outcome = WriteOutcome::Failed;
            r.error = res.error();
        }
        return r;
    }
    wo.dryRun = options.dryRun;
    wo.force = options.force || w.force;
    Result<nlohmann::json> res = w.subresource.empty()
        ? m_client.apply(w.gvr, w.ns, w.object, wo, options.cancel)
        : m_client.patch(w.gvr, w.ns, w.name, PatchType::Apply, w.object, wo, w.subresource, options.cancel);
    if (res) {
        r.outcome = WriteOutcome::Applied;
        r.serverObject = std::move(*res);
    } else {
        r.outcome = WriteOutcome::Failed;
        r.error = res.error();
    }
    return r;
}

namespace {
std::string groupOf(const std::string &apiVersion)
{
    const auto slash = apiVersion.find('/');
    return slash == std::string::npos ? std::string() : apiVersion.substr(0, slash);
}
} // namespace

std::optional<std::string> PlanExecutor::ownerUid(const Plan &plan, const PlanReport &report, size_t index,
                                                  const nlohmann::json &ref, const ExecuteOptions &options)
{
    const std::string kind = ref.value("kind", "");
    const std::string name = ref.value("name", "");
    const std::string group = groupOf(ref.value("apiVersion", ""));
    const PlannedWrite &w = plan.writes[index];
    // Owners are cluster-scoped or in the dependent's own namespace.
    for (size_t j = index; j-- > 0;) {
        const PlannedWrite &e = plan.writes[j];
        if (e.action != WriteAction::Apply || e.name != name || e.gvr.group != group
            || e.object.value("kind", "") != kind || (!e.ns.empty() && e.ns != w.ns))
            continue;
        const WriteResult &done = report.results[j];
        if (done.serverObject.is_object()) {
            const std::string uid = ObjectMeta(done.serverObject).uid();
            if (!uid.empty())
                return uid;
        }
        auto live = m_client.get(e.gvr, e.ns, e.name, options.cancel);
        if (live && !ObjectMeta(*live).uid().empty())
            return ObjectMeta(*live).uid();
        return std::nullopt;
    }
    if (!m_client.discovery().ensureLoaded(options.cancel))
        return std::nullopt;
    auto info = m_client.discovery().findKind(group, kind);
    if (!info)
        return std::nullopt;
    auto live = m_client.get(info->gvr, info->gvr.namespaced ? w.ns : std::string(), name, options.cancel);
    if (!live)
        return std::nullopt;
    const std::string uid = ObjectMeta(*live).uid();
    return uid.empty() ? std::nullopt : std::optional<std::string>(uid);
}

PlanReport PlanExecutor::run(const Plan &plan, const ExecuteOptions &options)
{
    PlanReport report;
    report.dryRun = options.dryRun;
    report.results.resize(plan.writes.size());
    for (size_t i = 0; i < plan.writes.size(); ++i) {
        report.results[i].index = i;
        if (i < options.startAt)
            report.results[i].outcome = WriteOutcome::Skipped;
    }
    report.nextIndex = plan.writes.size();
    for (size_t i = options.startAt; i < plan.writes.size(); ++i) {
        if (options.cancel && options.cancel->cancelled()) {
            report.results[i].outcome = WriteOutcome::Failed;
            report.results[i].error = Error::make(ErrorKind::Cancelled, "cancelled before " + plan.writes[i].describe());
            report.nextIndex = i;
            break;
        }
        const PlannedWrite *write = &plan.writes[i];
        PlannedWrite resolved;
        if (write->action == WriteAction::Apply && kube::hasUnresolvedOwners(write->object)) {
            resolved = *write;
            auto missing = kube::resolveOwnerUids(resolved.object, [&](const nlohmann::json &ref) {
                return ownerUid(plan, report, i, ref, options);
            });
            if (missing && options.dryRun) {
                // The owner is made by an earlier write this dry run could not persist.
                kube::dropUnresolvedOwners(resolved.object);
            } else if (missing) {
                report.results[i].outcome = WriteOutcome::Failed;
                report.results[i].error = Error::make(
                    ErrorKind::Invalid,
                    "its owner " + missing->value("kind", "") + " " + missing->value("name", "") + " does not exist",
                    write->describe());
                if (options.progress)
                    options.progress(i, report.results[i]);
                if (options.stopOnError) {
                    report.nextIndex = i;
                    break;
                }
                continue;
            }
            write = &resolved;
        }
        report.results[i] = runOne(*write, i, options);
        markIfMaybeApplied(report.results[i], options.dryRun);
        WriteResult &r = report.results[i];
        if (options.dryRun && r.outcome == WriteOutcome::Failed && r.error) {
            if (auto dep = dependsOnEarlierWrite(plan, i, *r.error)) {
                r.outcome = WriteOutcome::NotChecked;
                r.dependsOn = dep;
                r.error.reset();
            }
        }
        if (options.progress)
            options.progress(i, report.results[i]);
        if (report.results[i].outcome == WriteOutcome::Failed && options.stopOnError) {
            report.nextIndex = i;
            break;
        }
    }
    // With stopOnError off, resume from the first failure.
    for (const auto &r : report.results) {
        if (r.outcome == WriteOutcome::Failed) {
            report.nextIndex = std::min(report.nextIndex, r.index);
            break;
        }
    }
    return report;
}

} // namespace kube::tenancy
