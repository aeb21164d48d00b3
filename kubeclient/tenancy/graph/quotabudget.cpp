// The budget check. A project with several quotas is limited by the smallest hard of those that
// cover the whole namespace (each one is enforced); its usage is the largest any quota reports.
#include "kubeclient/tenancy/graph/quotabudget.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/tenancy/graph/graphsnapshot.h"

#include <algorithm>
#include <map>

namespace kube::tenancy {

using nlohmann::json;

std::string canonicalQuotaResource(const std::string &resource)
{
    if (resource == "cpu" || resource == "memory" || resource == "ephemeral-storage")
        return "requests." + resource;
    return resource;
}

bool WorkspaceBudget::overBudget() const
{
    return std::any_of(lines.begin(), lines.end(), [](const BudgetLine &l) { return l.overBudget; });
}

const BudgetLine *WorkspaceBudget::line(const std::string &resource) const
{
    const std::string key = canonicalQuotaResource(resource);
    for (const auto &l : lines)
        if (l.resource == key)
            return &l;
    return nullptr;
}

std::vector<std::string> WorkspaceBudget::budgetWarnings() const
{
    std::vector<std::string> out;
    for (const auto &l : lines) {
        if (!l.overBudget || !l.workspaceHard)
            continue;
        std::string parts;
        for (const auto &[project, hard] : l.projectHards)
            parts += (parts.empty() ? "" : ", ") + project + " " + hard.toString();
        out.push_back("workspace " + workspace + " over budget: the projects' " + l.resource + " quotas total "
                      + l.projectsHard.toString() + " (" + parts + "), more than the workspace quota's "
                      + l.workspaceHard->toString() + " (by " + (l.projectsHard - *l.workspaceHard).toString() + ")");
    }
    return out;
}

std::vector<std::string> WorkspaceBudget::overUseWarnings() const
{
    std::vector<std::string> out;
    for (const auto &o : overUsed) {
        const std::string who = o.project.empty()
            ? "workspace " + workspace + " quota " + o.quota + (usageFromProjects ? " (usage summed over its projects)" : "")
            : "project " + o.project + " quota " + o.quota;
        out.push_back(who + " over-used: " + o.resource + " used " + o.used.toString() + " > hard " + o.hard.toString());
    }
    return out;
}

namespace {

struct ProjectFigure {
    std::optional<Quantity> hard;
    std::optional<Quantity> used;
};

std::optional<Quantity> parsed(const std::string &text, const std::string &where, std::vector<std::string> &problems)
{
    auto q = Quantity::parse(text);
    if (!q) {
        problems.push_back(where + ": \"" + text + "\" is not a quantity");
        return std::nullopt;
    }
    return *q;
}

} // namespace

WorkspaceBudget checkBudget(const BudgetInput &input)
{
    WorkspaceBudget out;
    out.workspace = input.workspace;
    out.hasWorkspaceQuota = input.workspaceQuota.has_value();
    out.usageFromProjects = !(input.controllerUsage && input.workspaceQuota);

    std::map<std::string, BudgetLine> lines;
    auto lineOf = [&](const std::string &resource) -> BudgetLine & {
        BudgetLine &l = lines[resource];
        l.resource = resource;
        return l;
    };

    if (const auto &wq = input.workspaceQuota) {
        for (const auto &[key, value] : wq->hard)
            if (auto q = parsed(value, "workspace quota " + wq->name + " hard[" + key + "]", out.problems))
                lineOf(canonicalQuotaResource(key)).workspaceHard = *q;
        if (input.controllerUsage)
            for (const auto &[key, value] : wq->used)
                if (auto q = parsed(value, "workspace quota " + wq->name + " used[" + key + "]", out.problems))
                    lineOf(canonicalQuotaResource(key)).workspaceUsed = *q;
    }

    for (const auto &p : input.projects) {
        std::map<std::string, ProjectFigure> figures;
        for (const auto &quota : p.quotas) {
            for (const auto &[key, value] : quota.hard) {
                auto hard = parsed(value, "project " + p.project + " quota " + quota.name + " hard[" + key + "]", out.problems);
                if (!hard)
                    continue;
                auto usedIt = quota.used.find(key);
                std::optional<Quantity> used;
                if (usedIt != quota.used.end())
                    used = parsed(usedIt->second, "project " + p.project + " quota " + quota.name + " used[" + key + "]",
                                  out.problems);
                if (used && *used > *hard)
                    out.overUsed.push_back({p.project, quota.name, key, *used, *hard});
                ProjectFigure &f = figures[canonicalQuotaResource(key)];
                if (!quota.scoped && (!f.hard || *hard < *f.hard))
                    f.hard = *hard;
                if (used && (!f.used || *used > *f.used))
                    f.used = *used;
            }
        }
        for (const auto &[resource, f] : figures) {
            BudgetLine &l = lineOf(resource);
            if (f.hard) {
                l.projectsHard += *f.hard;
                l.projectHards.emplace_back(p.project, *f.hard);
            }
            if (f.used) {
                l.projectsUsed += *f.used;
                l.projectUseds.emplace_back(p.project, *f.used);
            }
        }
    }

    for (auto &[resource, l] : lines) {
        l.unlimitedProjects = input.projects.size() - l.projectHards.size();
        if (out.usageFromProjects && l.workspaceHard)
            l.workspaceUsed = l.projectsUsed;
        if (l.workspaceHard) {
            l.overBudget = l.projectsHard > *l.workspaceHard;
            l.overUsed = l.workspaceUsed && *l.workspaceUsed > *l.workspaceHard;
            if (l.overUsed)
                out.overUsed.push_back({"", input.workspaceQuota->name, resource, *l.workspaceUsed, *l.workspaceHard});
        }
        out.lines.push_back(std::move(l));
    }
    // The workspace's own over-use first, then projects in their order.
    std::stable_partition(out.overUsed.begin(), out.overUsed.end(), [](const OverUse &o) { return o.project.empty(); });
    return out;
}

BudgetInput withProjectQuota(BudgetInput input, const std::string &project, const std::string &quota,
                             const std::optional<StringMap> &hard)
{
    auto p = std::find_if(input.projects.begin(), input.projects.end(),
                          [&](const ProjectQuotaFigures &f) { return f.project == project; });
    if (p == input.projects.end()) {
        input.projects.push_back({project, {}});
        p = std::prev(input.projects.end());
    }
    auto q = std::find_if(p->quotas.begin(), p->quotas.end(), [&](const QuotaFigures &f) { return f.name == quota; });
    if (!hard) {
        if (q != p->quotas.end())
            p->quotas.erase(q);
        return input;
    }
    if (q == p->quotas.end()) {
        p->quotas.push_back({quota, {}, {}, false});
        q = std::prev(p->quotas.end());
    }
    q->hard = *hard;
    return input;
}

BudgetInput withWorkspaceHard(BudgetInput input, const std::string &quota, const std::optional<StringMap> &hard)
{
    if (!hard) {
        input.workspaceQuota.reset();
        return input;
    }
    if (!input.workspaceQuota)
        input.workspaceQuota = QuotaFigures{quota, {}, {}, false};
    input.workspaceQuota->hard = *hard;
    return input;
}

QuotaFigures quotaFigures(const json &object)
{
    QuotaFigures f;
    f.name = ObjectMeta(object).name();
    const json *spec = object.contains("spec") ? &object["spec"] : nullptr;
    const bool workspaceQuota = spec && spec->contains("quota");
    const json *quota = workspaceQuota ? &(*spec)["quota"] : spec;
    auto strings = [](const json *o, const char *key) {
        StringMap m;
        if (o && o->is_object() && o->contains(key) && (*o)[key].is_object())
            for (auto it = (*o)[key].begin(); it != (*o)[key].end(); ++it)
                m[it.key()] = it->is_string() ? it->get<std::string>() : it->dump();
        return m;
    };
    f.hard = strings(quota, "hard");
    if (object.contains("status")) {
        const json &status = object["status"];
        f.used = workspaceQuota ? (status.contains("total") ? strings(&status["total"], "used") : StringMap{})
                                : strings(&status, "used");
    }
    if (quota && quota->is_object())
        f.scoped = (quota->contains("scopes") && !(*quota)["scopes"].empty())
            || (quota->contains("scopeSelector") && !(*quota)["scopeSelector"].is_null());
    return f;
}

BudgetInput budgetInput(const GraphSnapshot &snapshot, const std::string &workspace, bool controllerUsage)
{
    BudgetInput in;
    in.workspace = workspace;
    in.controllerUsage = controllerUsage;
    const auto quotas = snapshot.workspaceQuotas(workspace);
    if (!quotas.empty()) {
        // KubeSphere keeps one per workspace (named after it); prefer that one when there are more.
        auto it = std::find_if(quotas.begin(), quotas.end(), [&](const WorkspaceQuotaInfo &q) { return q.name == workspace; });
        const WorkspaceQuotaInfo &q = it == quotas.end() ? quotas.front() : *it;
        in.workspaceQuota = q.object ? quotaFigures(q.object->toJson()) : QuotaFigures{q.name, q.hard, q.used, false};
        in.controllerUsage = controllerUsage && !in.workspaceQuota->used.empty();
    }
    for (const auto &p : snapshot.projects(workspace)) {
        if (p.deleting)
            continue;
        ProjectQuotaFigures f{p.name, {}};
        for (const auto &q : snapshot.projectQuota(p.name).quotas)
            f.quotas.push_back(q.object ? quotaFigures(q.object->toJson()) : QuotaFigures{q.name, q.hard, q.used, false});
        in.projects.push_back(std::move(f));
    }
    return in;
}

} // namespace kube::tenancy
