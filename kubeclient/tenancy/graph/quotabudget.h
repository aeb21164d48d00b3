// The workspace budget check: per resource, the workspace quota next to the sum of its projects'
// quotas (hard and used), with the over-budget and over-used flags the panel, the plans,
// `tenantryctl quota get` and `repair` all report. Pure arithmetic on kube::Quantity; the inputs
// come from a graph snapshot (panel, CLI) or from what a plan reads (planner).
#pragma once

#include "kubeclient/core/quantity.h"
#include "kubeclient/kubesphere/objectviews.h"

#include <optional>
#include <string>
#include <vector>

namespace kube::tenancy {

class GraphSnapshot;

// One quota object's figures as written (hard from spec, used from status).
struct QuotaFigures {
    std::string name;
    StringMap hard;
    StringMap used;
    bool scoped = false;  // scopes or scopeSelector: it limits only some pods, not the project
};

struct ProjectQuotaFigures {
    std::string project;
    std::vector<QuotaFigures> quotas;  // the namespace's core ResourceQuotas
};

struct BudgetInput {
    std::string workspace;
    std::optional<QuotaFigures> workspaceQuota;  // none: the workspace has no quota
    // workspaceQuota->used is status.total.used written by KubeSphere's quota controller. Off
    // (standalone mode, or no status yet): the usage shown is the sum over the projects.
    bool controllerUsage = false;
    std::vector<ProjectQuotaFigures> projects;
};

// One resource of the workspace: quota "cpu" and "requests.cpu" are one resource (the quota
// evaluator's alias), shown as requests.cpu.
struct BudgetLine {
    std::string resource;
    std::optional<Quantity> workspaceHard;
    std::optional<Quantity> workspaceUsed;  // the controller's total, or the projects' sum
    Quantity projectsHard;                  // sum of each limited project's effective hard
    Quantity projectsUsed;                  // sum of what the projects' quotas report used
    std::vector<std::pair<std::string, Quantity>> projectHards;  // project -> its effective hard
    std::vector<std::pair<std::string, Quantity>> projectUseds;  // project -> what its quotas report used
    size_t unlimitedProjects = 0;  // projects whose quotas do not name the resource
    bool overBudget = false;       // projectsHard > workspaceHard
    bool overUsed = false;         // workspaceUsed > workspaceHard
};

// A quota whose usage is above its hard limit (after the limit was lowered).
struct OverUse {
    std::string project;  // "" for the workspace quota
    std::string quota;
    std::string resource;
    Quantity used;
    Quantity hard;
};

struct WorkspaceBudget {
    std::string workspace;
    bool hasWorkspaceQuota = false;
    bool usageFromProjects = true;  // workspaceUsed is the projects' sum (not the controller's)
    std::vector<BudgetLine> lines;  // by resource name
    std::vector<OverUse> overUsed;
    std::vector<std::string> problems;  // quantities in the cluster that do not parse (skipped)

    bool overBudget() const;
    const BudgetLine *line(const std::string &resource) const;
    // One sentence per over-budget resource, with the numbers.
    std::vector<std::string> budgetWarnings() const;
    // One sentence per over-used quota.
    std::vector<std::string> overUseWarnings() const;
};

// "cpu" -> "requests.cpu", "memory" -> "requests.memory", "ephemeral-storage" ->
// "requests.ephemeral-storage"; anything else as given.
std::string canonicalQuotaResource(const std::string &resource);

WorkspaceBudget checkBudget(const BudgetInput &input);

// The input with `project`'s quota named `quota` holding `hard` (added when absent, removed
// when `hard` is nullopt): what a plan would make. Its used figures stay.
BudgetInput withProjectQuota(BudgetInput input, const std::string &project, const std::string &quota,
                             const std::optional<StringMap> &hard);
// The input with the workspace quota's hard replaced (nullopt: no workspace quota).
BudgetInput withWorkspaceHard(BudgetInput input, const std::string &quota, const std::optional<StringMap> &hard);

// The figures of a workspace and its projects as the graph holds them. `controllerUsage`: the
// workspace quota's status is KubeSphere's (KubeSphere mode).
BudgetInput budgetInput(const GraphSnapshot &snapshot, const std::string &workspace, bool controllerUsage);

// The figures of one quota object (core ResourceQuota or quota.kubesphere.io ResourceQuota).
QuotaFigures quotaFigures(const nlohmann::json &object);

} // namespace kube::tenancy
