#include "kubeclient/tenancy/graph/overview.h"

#include "kubeclient/tenancy/graph/graphsnapshot.h"
#include "kubeclient/tenancy/graph/quotabudget.h"

#include <algorithm>
#include <limits>
#include <set>

namespace kube::tenancy {

double usedFraction(const Quantity &used, const Quantity &hard)
{
    const double u = used.asApproximateFloat();
    const double h = hard.asApproximateFloat();
    if (h > 0)
        return u / h;
    return u > 0 ? std::numeric_limits<double>::infinity() : 0.0;
}

namespace {

std::size_t distinctMembers(const std::vector<MemberInfo> &members)
{
    std::set<std::pair<std::string, std::string>> subjects;
    for (const auto &m : members)
        subjects.emplace(m.subject.kind, m.subject.namespaceName + "/" + m.subject.name);
    return subjects.size();
}

} // namespace

PlatformOverview platformOverview(const GraphSnapshot &snapshot, bool controllerUsage)
{
    PlatformOverview out;
    for (const auto &ws : snapshot.workspaces()) {
        out.workspaces.push_back({ws.name, snapshot.projectCount(ws.name), distinctMembers(snapshot.workspaceMembers(ws.name))});
        if (snapshot.workspaceQuotas(ws.name).empty())
            continue;
        const WorkspaceBudget budget = checkBudget(budgetInput(snapshot, ws.name, controllerUsage));
        for (const auto &p : budget.problems)
            out.problems.push_back(p);
        WorkspaceQuotaUse use{ws.name, {}};
        for (const auto &line : budget.lines) {
            if (!line.workspaceHard)
                continue;
            const Quantity used = line.workspaceUsed.value_or(Quantity());
            use.resources.push_back({line.resource, used, *line.workspaceHard, usedFraction(used, *line.workspaceHard)});
        }
        std::stable_sort(use.resources.begin(), use.resources.end(),
                         [](const QuotaUse &a, const QuotaUse &b) { return a.fraction > b.fraction; });
        out.quotaUse.push_back(std::move(use));
    }
    std::stable_sort(out.workspaces.begin(), out.workspaces.end(), [](const WorkspaceTally &a, const WorkspaceTally &b) {
        return a.projects != b.projects ? a.projects > b.projects : a.name < b.name;
    });
    std::stable_sort(out.quotaUse.begin(), out.quotaUse.end(), [](const WorkspaceQuotaUse &a, const WorkspaceQuotaUse &b) {
        return a.peak() != b.peak() ? a.peak() > b.peak() : a.workspace < b.workspace;
    });
    out.projectsWithoutWorkspace = snapshot.projectsWithoutWorkspace().size();
    out.users = snapshot.users().size();
    return out;
}

WorkspaceUsage workspaceUsage(const GraphSnapshot &snapshot, const std::string &workspace, bool controllerUsage)
{
    WorkspaceUsage out;
    out.workspace = workspace;
    const WorkspaceBudget budget = checkBudget(budgetInput(snapshot, workspace, controllerUsage));
    out.hasQuota = budget.hasWorkspaceQuota;
    out.usageFromProjects = budget.usageFromProjects;
    out.problems = budget.problems;
    for (const auto &line : budget.lines) {
        if (!line.workspaceHard)
            continue;
        ResourceShares r;
        r.resource = line.resource;
        r.hard = *line.workspaceHard;
        r.used = line.workspaceUsed.value_or(Quantity());
        for (const auto &[project, used] : line.projectUseds)
            if (!used.isZero())
                r.projects.emplace_back(project, used);
        std::stable_sort(r.projects.begin(), r.projects.end(),
                         [](const auto &a, const auto &b) { return a.second > b.second; });
        if (r.used > line.projectsUsed)
            r.unattributed = r.used - line.projectsUsed;
        r.fraction = usedFraction(r.used, r.hard);
        out.resources.push_back(std::move(r));
    }
    return out;
}

} // namespace kube::tenancy
