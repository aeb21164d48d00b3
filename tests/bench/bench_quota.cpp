// Benchmark: the workspace budget check on 500 projects in 50 workspaces (each with a workspace
// quota, each project with two ResourceQuotas of five resources and a status), from a tenancy
// graph snapshot as the Quotas tab and `tenantryctl quota get` compute it. Target: every
// workspace's check (all 50) within 50 ms. No cluster needed; wall and CPU time, median of runs.
#include "kubeclient/tenancy/graph/graphkind.h"
#include "benchclock.h"
#include "kubeclient/tenancy/graph/quotabudget.h"
#include "kubeclient/tenancy/graph/tenancygraph.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

using namespace kube::tenancy;
using nlohmann::json;
using bench::Clock;
using bench::cpuMs;
using bench::msSince;

namespace {

constexpr int kWorkspaces = 50;
constexpr int kProjectsPerWorkspace = 10;

void fill(TenancyGraph &graph)
{
    int rv = 1;
    auto put = [&](GraphKind kind, json o) {
        o["metadata"]["resourceVersion"] = std::to_string(rv++);
        graph.upsert(kind, kube::freeze(std::move(o)));
    };
    for (int w = 0; w < kWorkspaces; ++w) {
        const std::string ws = "ws-" + std::to_string(w);
        put(GraphKind::WorkspaceTemplate, {{"apiVersion", "tenant.kubesphere.io/v1beta1"},
                                           {"kind", "WorkspaceTemplate"},
                                           {"metadata", {{"name", ws}}}});
        put(GraphKind::WorkspaceQuota,
            {{"apiVersion", "quota.kubesphere.io/v1alpha2"},
             {"kind", "ResourceQuota"},
             {"metadata", {{"name", ws}, {"labels", {{"kubesphere.io/workspace", ws}}}}},
             {"spec", {{"selector", {{"kubesphere.io/workspace", ws}}},
                       {"quota", {{"hard", {{"limits.cpu", w % 2 ? "30" : "40"}, {"limits.memory", "80Gi"}, {"requests.cpu", "20"},
                                            {"pods", "200"}, {"count/deployments.apps", "100"}}}}}}}});
        for (int p = 0; p < kProjectsPerWorkspace; ++p) {
            const std::string ns = ws + "-p" + std::to_string(p);
            put(GraphKind::Namespace, {{"apiVersion", "v1"},
                                       {"kind", "Namespace"},
                                       {"metadata", {{"name", ns}, {"labels", {{"kubesphere.io/workspace", ws}}}}}});
            put(GraphKind::ResourceQuota,
                {{"apiVersion", "v1"},
                 {"kind", "ResourceQuota"},
                 {"metadata", {{"name", ns}, {"namespace", ns}}},
                 {"spec", {{"hard", {{"limits.cpu", std::to_string(3 + p % 3)}, {"limits.memory", "8Gi"},
                                     {"requests.cpu", "1500m"}, {"pods", "20"}, {"count/deployments.apps", "10"}}}}},
                 {"status", {{"used", {{"limits.cpu", "1200m"}, {"limits.memory", "3Gi"}, {"requests.cpu", "600m"},
                                       {"pods", std::to_string(5 + p)}, {"count/deployments.apps", "3"}}}}}});
            put(GraphKind::ResourceQuota,
                {{"apiVersion", "v1"},
                 {"kind", "ResourceQuota"},
                 {"metadata", {{"name", "objects"}, {"namespace", ns}}},
                 {"spec", {{"hard", {{"services", "10"}, {"configmaps", "50"}, {"secrets", "50"},
                                     {"persistentvolumeclaims", "10"}, {"requests.storage", "100Gi"}}}}},
                 {"status", {{"used", {{"services", "2"}, {"configmaps", "7"}, {"secrets", "9"},
                                       {"persistentvolumeclaims", "1"}, {"requests.storage", "10Gi"}}}}}});
        }
    }
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main()
{
    TenancyGraph graph(ApiFlavor::V4);
    const auto buildStart = Clock::now();
    fill(graph);
    const double buildMs = msSince(buildStart);
    const GraphSnapshot snapshot = graph.snapshot();

    constexpr int kRuns = 15;
    std::vector<double> allWall, allCpu, oneWall, inputWall, checkWall;
    size_t overBudget = 0, lines = 0;
    for (int run = 0; run < kRuns; ++run) {
        const double c0 = cpuMs();
        const auto t0 = Clock::now();
        overBudget = 0;
        lines = 0;
        for (int w = 0; w < kWorkspaces; ++w) {
            const WorkspaceBudget b = checkBudget(budgetInput(snapshot, "ws-" + std::to_string(w), false));
            overBudget += b.overBudget() ? 1 : 0;
            lines += b.lines.size();
        }
        allWall.push_back(msSince(t0));
        allCpu.push_back(cpuMs() - c0);

        const auto t1 = Clock::now();
        const BudgetInput in = budgetInput(snapshot, "ws-7", false);
        inputWall.push_back(msSince(t1));
        const auto t2 = Clock::now();
        const WorkspaceBudget one = checkBudget(in);
        checkWall.push_back(msSince(t2));
        oneWall.push_back(msSince(t1));
        if (one.lines.empty())
            return 1;
    }

    std::printf("workspace budget check: %d workspaces, %d projects, %d ResourceQuotas (graph built in %.1f ms)\n",
                kWorkspaces, kWorkspaces * kProjectsPerWorkspace, kWorkspaces * kProjectsPerWorkspace * 2, buildMs);
    std::printf("%-44s %12s %12s %10s\n", "what (median of 15 runs)", "wall ms", "cpu ms", "target");
    std::printf("%-44s %12.2f %12.2f %10s\n", "all 50 workspaces (read graph + check)", median(allWall), median(allCpu), "<= 50 ms");
    std::printf("%-44s %12.3f %12s %10s\n", "one workspace, 10 projects (read + check)", median(oneWall), "", "");
    std::printf("%-44s %12.3f %12s %10s\n", "  of which reading the graph snapshot", median(inputWall), "", "");
    std::printf("%-44s %12.3f %12s %10s\n", "  of which the check (Quantity arithmetic)", median(checkWall), "", "");
    std::printf("resource lines checked: %zu; workspaces over budget: %zu of %d\n", lines, overBudget, kWorkspaces);
    std::printf("target met: %s\n", median(allWall) <= 50.0 ? "yes" : "NO");
    return 0;
}
