// Benchmark of the editors' previews on the synthetic cluster of bench_permissions (2,000
// namespaces, 20,000 bindings, 5,000 users): the impact of a member change (one RoleBinding
// added) as the plan dialog's Impact tab computes it (PlanImpact over a PermissionSource,
// worker thread, queued back), the engine call alone (PermissionDiff::planImpact), and the same
// question asked through `tenantryctl diff --from DIR --plan FILE`. Prints a table; asserts
// nothing.
// usage: bench_editors [TENANTRYCTL] [--runs N]
#include "benchspawn.h"
#include "models/permissionsource.h"
#include "models/planimpact.h"

#include "kubeclient/rbac/permissiondiff.h"
#include "kubeclient/tenancy/plan/plan.h"

#include "syntheticrbac.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

using nlohmann::json;

namespace {

double median(std::vector<double> v)
{
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

std::string ms(double v)
{
    if (v < 0)
        return "—";
    char buf[32];
    std::snprintf(buf, sizeof buf, v < 10 ? "%.2f ms" : "%.0f ms", v);
    return buf;
}

bool wait(QObject *sender, const char *signal, int timeoutMs)
{
    QEventLoop loop;
    QObject::connect(sender, signal, &loop, SLOT(quit()));
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    QElapsedTimer t;
    t.start();
    loop.exec();
    return t.elapsed() < timeoutMs;
}

// "add user U to project NS as ROLE": the binding a member plan writes.
kube::tenancy::Plan memberPlan(const std::string &user, const std::string &ns, const std::string &clusterRole, int i)
{
    kube::tenancy::PlannedWrite w;
    w.gvr = {"rbac.authorization.k8s.io", "v1", "rolebindings", true, "RoleBinding"};
    w.ns = ns;
    w.name = user + "-member-" + std::to_string(i);
    w.object = {{"apiVersion", "rbac.authorization.k8s.io/v1"},
                {"kind", "RoleBinding"},
                {"metadata", {{"name", w.name}, {"namespace", ns}}},
                {"roleRef", {{"apiGroup", "rbac.authorization.k8s.io"}, {"kind", "ClusterRole"}, {"name", clusterRole}}},
                {"subjects", json::array({{{"kind", "User"}, {"apiGroup", "rbac.authorization.k8s.io"}, {"name", user}}})}};
    kube::tenancy::Plan plan;
    plan.title = "add member " + user;
    plan.writes.push_back(w);
    return plan;
}

} // namespace

int main(int argc, char **argv)
{
    std::string ctl;
    int runs = 5;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = std::max(1, std::atoi(argv[++i]));
        else if (argv[i][0] != '-' && ctl.empty())
            ctl = argv[i];
        else {
            std::fprintf(stderr, "usage: bench_editors [TENANTRYCTL] [--runs N]\n");
            return 2;
        }
    }
    QCoreApplication app(argc, argv);
    const benchrbac::Counts counts;
    benchrbac::Synthetic s = benchrbac::generate(counts, kube::rbac::ResourceCatalog::builtin(), 42);
    std::string clusterRole;
    // A role with specific rules (no "*"), as a member role is: its verbs show row by row.
    for (const auto &o : s.clusterObjects) {
        if (o.value("kind", "") != "ClusterRole" || !clusterRole.empty())
            continue;
        bool wildcard = false;
        for (const auto &r : o.at("rules"))
            wildcard = wildcard || r.at("resources").dump().find('*') != std::string::npos
                || r.at("verbs").dump().find('*') != std::string::npos;
        if (!wildcard && o.at("rules").size() >= 4)
            clusterRole = o["metadata"]["name"];
    }
    s.clusterObjects.clear();
    s.namespaceObjects.clear();

    PermissionSource *source = PermissionSource::fromData(s.data, QStringLiteral("synthetic"));
    if (!wait(source, SIGNAL(changed()), 120000)) {
        std::fprintf(stderr, "bench_editors: the permission source never became ready\n");
        return 1;
    }
    PlanImpact impact(source, false);
    std::vector<double> gui, engine;
    size_t rows = 0;
    for (int i = 0; i < runs + 1; ++i) {
        const auto plan = memberPlan(s.users[size_t(100 + i)], s.namespaces[size_t(17 + i)], clusterRole, i);
        QElapsedTimer t;
        t.start();
        impact.compute(plan);
        if (impact.state() != PlanImpact::State::Ready && !wait(&impact, SIGNAL(ready()), 120000)) {
            std::fprintf(stderr, "bench_editors: no impact after 120 s\n");
            return 1;
        }
        const double took = double(t.nsecsElapsed()) / 1e6;
        rows = size_t(impact.model()->rowCount());
        t.start();
        kube::rbac::PermissionMatrix::Options options;
        options.verbs = kube::rbac::PermissionMatrix::workbenchVerbs();
        const auto direct = kube::rbac::PermissionDiff::planImpact(s.data, plan, kube::rbac::ResourceCatalog::builtin(), options);
        const double engineMs = double(t.nsecsElapsed()) / 1e6;
        if (i == 0)
            continue;  // warm-up: first index builds
        gui.push_back(took);
        engine.push_back(engineMs);
        if (direct.size() != rows)
            std::fprintf(stderr, "bench_editors: the dialog shows %zu rows, the engine %zu\n", rows, direct.size());
    }

    double ctlMs = -1;
    double ctlRss = -1;
    QTemporaryDir dir;
    if (!ctl.empty() && dir.isValid()) {
        const std::string from = QDir(dir.path()).filePath(QStringLiteral("data")).toStdString();
        QDir().mkpath(QString::fromStdString(from));
        std::ofstream(from + "/rbac.json") << s.data.toList().dump();
        const std::string planFile = QDir(dir.path()).filePath(QStringLiteral("plan.json")).toStdString();
        std::ofstream(planFile) << memberPlan(s.users[100], s.namespaces[17], clusterRole, 0).writes[0].object.dump();
        std::vector<double> times, rss;
        bench::spawnTimed({ctl, "diff", "--from", from, "--plan", planFile, "-o", "json"});
        for (int i = 0; i < 3; ++i) {
            const auto r = bench::spawnTimed({ctl, "diff", "--from", from, "--plan", planFile, "-o", "json"});
            if (r.exitCode != 0)
                std::fprintf(stderr, "bench_editors: tenantryctl diff exited %d\n", r.exitCode);
            times.push_back(r.seconds * 1e3);
            rss.push_back(double(r.maxRssKiB) / 1024.0);
        }
        ctlMs = median(times);
        ctlRss = median(rss);
    }

    std::printf("Synthetic cluster: %d namespaces, %d roles, %d bindings, %d users (built-in catalog); median of %d "
                "runs after a warm-up.\n\n",
                counts.namespaces, counts.roles, counts.bindings, counts.users, runs);
    std::printf("| figure | plan dialog (Impact tab) | engine alone | tenantryctl diff --plan | target |\n|---|---|---|---|---|\n");
    std::printf("| impact preview of a member change (one RoleBinding added; %zu rows, 13 verbs × every scope) | %s | %s | "
                "%s (%.0f MiB peak) | ≤ 500 ms |\n",
                rows, ms(median(gui)).c_str(), ms(median(engine)).c_str(), ms(ctlMs).c_str(), ctlRss);
    return 0;
}
