// Benchmark of the allowed-traffic graph at 500 projects in 50 workspaces with 2,000
// NetworkPolicies, no cluster: the flows (network engine through the graph adapter, with the
// indexes the graph keeps), the layout for every workspace and for one, the scene's items
// (TrafficGraphView::setData) and a first paint, offscreen. Targets: flows <= 1 s, layout +
// scene items <= 1 s. Prints a table (median of 3 runs, wall and CPU); asserts nothing.
// usage: bench_traffic [WORKSPACES PROJECTS_PER_WORKSPACE [PNG]]   (PNG: where to save the first paint)
#include "models/trafficgraph.h"
#include "benchclock.h"
#include "tests/support/synthetictraffic.h"
#include "views/trafficgraphview.h"

#include "kubeclient/tenancy/graph/tenancygraph.h"

#include <QApplication>
#include <QPixmap>

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
using synthetictraffic::synthesize;

namespace {

struct Run {
    double flows = 0, flowsCpu = 0, layoutAll = 0, layoutOne = 0, scene = 0, paint = 0;
    std::size_t nodes = 0, arrows = 0;
    int restricted = 0, hidden = 0;
};

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int workspaces = argc > 2 ? std::atoi(argv[1]) : 50;
    const int perWorkspace = argc > 2 ? std::atoi(argv[2]) : 10;

    TenancyGraph g;
    int policies = 0;
    auto start = Clock::now();
    synthesize(g, workspaces, perWorkspace, &policies);
    const GraphSnapshot snapshot = g.snapshot();
    const double feedMs = msSince(start);

    std::vector<Run> runs;
    for (int r = 0; r < 3; ++r) {
        Run run;
        // Flows + layout of every workspace, nothing reused (a change of policies).
        double cpu = cpuMs();
        start = Clock::now();
        const auto all = TrafficGraph::compute(snapshot, {});
        const double total = msSince(start);
        run.flowsCpu = cpuMs() - cpu;
        run.flows = all->flowMs;
        run.layoutAll = total - all->flowMs;
        // One workspace, flows reused (the scope picker, or a change that is not a policy).
        TrafficGraph::Options one;
        one.workspace = QStringLiteral("ws7");
        start = Clock::now();
        const auto ws = TrafficGraph::compute(snapshot, one, all);
        run.layoutOne = msSince(start);
        // The scene's items for the whole graph, then a first paint of the view.
        TrafficGraphView view;
        view.resize(1200, 800);
        start = Clock::now();
        view.setData(all);
        run.scene = msSince(start);
        start = Clock::now();
        const QPixmap pixmap = view.grab();
        run.paint = msSince(start);
        if (argc > 3 && r == 0)
            pixmap.save(QString::fromLocal8Bit(argv[3]));
        run.nodes = all->nodes.size();
        run.arrows = all->edges.size();
        run.restricted = all->restrictedFlows;
        run.hidden = all->hiddenFlows;
        runs.push_back(run);
        (void)ws;
        (void)pixmap;
    }
    auto med = [&](double Run::*field) {
        std::vector<double> v;
        for (const Run &r : runs)
            v.push_back(r.*field);
        return median(v);
    };
    std::printf("allowed-traffic graph: %d workspaces x %d projects (+3 system namespaces), %d NetworkPolicies\n", workspaces,
                perWorkspace, policies);
    std::printf("%zu nodes, %zu arrows drawn; %d restricted flows, %d of them shown as marks; graph fed in %.0f ms\n\n",
                runs[0].nodes, runs[0].arrows, runs[0].restricted, runs[0].hidden, feedMs);
    std::printf("| step (median of 3)                                   |    wall ms | target  |\n");
    std::printf("|------------------------------------------------------|-----------:|---------|\n");
    std::printf("| flows: networkOf + computeFlows + indexes            | %10.1f | <= 1000 |\n", med(&Run::flows));
    std::printf("|   (CPU of flows + layout)                            | %10.1f |         |\n", med(&Run::flowsCpu));
    std::printf("| layout, every workspace                              | %10.1f |         |\n", med(&Run::layoutAll));
    std::printf("| layout, one workspace (flows reused)                 | %10.1f |         |\n", med(&Run::layoutOne));
    std::printf("| scene items (TrafficGraphView::setData)              | %10.1f |         |\n", med(&Run::scene));
    std::printf("| layout + scene items                                 | %10.1f | <= 1000 |\n",
                med(&Run::layoutAll) + med(&Run::scene));
    std::printf("| first paint, 1200x800 offscreen                      | %10.1f |         |\n", med(&Run::paint));
    return 0;
}
