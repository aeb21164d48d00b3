// The figures of the overview pages (the desktop app's Dashboard tab, `tenantryctl overview`):
// per workspace its projects and members, each workspace quota's fullest resources, and within a
// workspace how its projects share each resource of its quota. Read from one graph snapshot; the
// quota arithmetic is the budget check's (quotabudget), not a second one.
#pragma once

#include "kubeclient/core/quantity.h"

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kube::tenancy {

class GraphSnapshot;

struct WorkspaceTally {
    std::string name;
    std::size_t projects = 0;
    std::size_t members = 0;  // distinct subjects bound at the workspace level
};

// One resource of a quota: used against hard. `fraction` is used / hard (0 when hard is 0 and
// nothing is used; over 1 when the quota is exceeded).
struct QuotaUse {
    std::string resource;
    Quantity used;
    Quantity hard;
    double fraction = 0;
};

struct WorkspaceQuotaUse {
    std::string workspace;
    std::vector<QuotaUse> resources;  // fullest first
    double peak() const { return resources.empty() ? 0 : resources.front().fraction; }
};

struct PlatformOverview {
    std::vector<WorkspaceTally> workspaces;  // most projects first, then by name
    std::size_t projectsWithoutWorkspace = 0;
    std::size_t users = 0;
    std::vector<WorkspaceQuotaUse> quotaUse;  // workspaces with a quota, fullest first
    std::vector<std::string> problems;        // quantities that did not parse, skipped
};

// `controllerUsage`: the workspace quotas' status is KubeSphere's (KubeSphere mode); otherwise
// a workspace's usage is the sum of its projects' quotas, as in the budget check.
PlatformOverview platformOverview(const GraphSnapshot &snapshot, bool controllerUsage);

// One resource of a workspace quota, split by project.
struct ResourceShares {
    std::string resource;
    Quantity hard;                                          // the workspace quota's
    Quantity used;                                          // the workspace's total (controller or projects' sum)
    std::vector<std::pair<std::string, Quantity>> projects;  // project -> used, largest first, zero left out
    Quantity unattributed;  // used the projects' own quotas do not account for (controller total above their sum)
    double fraction = 0;    // used / hard
};

struct WorkspaceUsage {
    std::string workspace;
    bool hasQuota = false;
    bool usageFromProjects = true;
    std::vector<ResourceShares> resources;  // the workspace quota's resources, by name
    std::vector<std::string> problems;
};

WorkspaceUsage workspaceUsage(const GraphSnapshot &snapshot, const std::string &workspace, bool controllerUsage);

// used / hard as a double (0 for 0 / 0; a large number for anything / 0).
double usedFraction(const Quantity &used, const Quantity &hard);

} // namespace kube::tenancy
