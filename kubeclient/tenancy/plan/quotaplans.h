// Plans of the quota family: the workspace quota (quota.kubesphere.io/v1alpha2 ResourceQuota named
// after the workspace, selecting its namespaces), a project's core ResourceQuota (named after the
// namespace, as the console does; an existing quota of another name is edited instead) and its
// container defaults (a LimitRange item of type Container or Pod). Setting keys merges them into
// what is there; the editors replace the whole map. Each plan that sets hard limits carries the
// workspace budget check as warnings with the numbers, never as a refusal.
#pragma once

#include "kubeclient/tenancy/graph/quotabudget.h"
#include "kubeclient/tenancy/plan/plancontext.h"
#include "kubeclient/tenancy/plan/quotarules.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kube::tenancy {

enum class QuotaLevel { Workspace, Project };

struct QuotaSpec {
    QuotaLevel level = QuotaLevel::Project;
    std::string target;               // the workspace or the project (namespace)
    std::vector<QuotaEntry> set;      // keys to set, as typed
    std::vector<std::string> remove;  // keys to remove
    bool replace = false;             // `set` is the whole hard: keys not in it are removed
};

struct LimitsSpec {
    std::string project;
    std::string type = "Container";  // Container | Pod
    std::vector<LimitEntry> entries;
    bool replace = false;  // the item becomes exactly `entries`; else figures merge by resource
};

class QuotaPlans
{
public:
    explicit QuotaPlans(const PlanContext &context);

    Result<Plan> setQuota(const QuotaSpec &spec) const;
    // No keys: the quota object is deleted. Keys the quota does not hold are an error.
    Result<Plan> removeQuota(QuotaLevel level, const std::string &target, const std::vector<std::string> &keys) const;
    Result<Plan> setLimits(const LimitsSpec &spec) const;
    // Deletes the project's container-defaults LimitRange.
    Result<Plan> removeLimits(const std::string &project) const;

    // The workspace's figures as the planner reads them (the budget check's input).
    Result<BudgetInput> budgetOf(const std::string &workspace) const;
    // Standalone `repair`: a warning per workspace whose projects break its quota (no write).
    Result<std::vector<std::string>> repairReport() const;

    // Which existing object a write edits: the one named after the target, else the only (or
    // first by name) one. nullopt when there is none.
    static std::optional<nlohmann::json> pick(const std::vector<nlohmann::json> &objects, const std::string &preferred);
    // The LimitRange container defaults of `type` are written to: the one named after the
    // project, else the first holding an item of that type, else the first.
    static std::optional<nlohmann::json> limitRangeFor(const std::vector<nlohmann::json> &ranges,
                                                       const std::string &project, const std::string &type);
    // The figures of a LimitRange's item of `type`, one entry per resource (empty: no item).
    static std::vector<LimitEntry> limitEntries(const nlohmann::json &limitRange, const std::string &type);
    // The standalone note every workspace quota plan carries.
    static const char *kUnenforcedNote;

private:
    Result<std::optional<nlohmann::json>> workspaceQuotaOf(const std::string &workspace) const;
    Result<void> addBudgetWarnings(Plan &plan, const std::string &workspace, const BudgetInput &proposed,
                                   const std::string &project, const std::string &quota,
                                   const std::set<std::string> &changed) const;
    bool workspaceQuotaServed() const;

    const PlanContext &m_context;
};

} // namespace kube::tenancy
