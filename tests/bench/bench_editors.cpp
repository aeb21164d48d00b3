// Benchmark of the editors: opening the role editor on a role of 60 rules with 120 role templates
// offered and discovery's catalog (constructed, shown and painted, offscreen); and the previews on
// the synthetic cluster of bench_permissions (2,000 namespaces, 20,000 bindings, 5,000 users):
// the impact of a member change (one RoleBinding
// added) as the plan dialog's Impact tab computes it (PlanImpact over a PermissionSource,
// worker thread, queued back), the engine call alone (PermissionDiff::planImpact), and the same
// question asked through `tenantryctl diff --from DIR --plan FILE`. Prints a table; asserts
// nothing.
// usage: bench_editors [TENANTRYCTL] [--runs N]
#include "benchspawn.h"
#include "models/permissionsource.h"
#include "models/planimpact.h"
#include "models/planrunner.h"
#include "views/roleeditordialog.h"

#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/rbac/permissiondiff.h"
#include "kubeclient/tenancy/graph/tenancygraph.h"
#include "kubeclient/tenancy/plan/plan.h"

#include "syntheticrbac.h"

#include <QApplication>
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

// A project with a role of 60 rules and 120 templates of the project scope in 12 categories.
kube::tenancy::GraphSnapshot editorSnapshot(kube::tenancy::TenancyGraph &graph)
{
    using kube::tenancy::GraphKind;
    graph.upsert(GraphKind::Namespace, kube::freeze(json{
        {"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", "p1"}, {"resourceVersion", "1"}}}}));
    json rules = json::array();
    const auto &catalog = kube::rbac::ResourceCatalog::builtin();
    for (int i = 0; i < 60; ++i) {
        const auto &e = catalog.entries()[size_t(i * 7) % catalog.size()];
        rules.push_back({{"apiGroups", {e.group}},
                         {"resources", {e.subresource.empty() ? e.resource : e.resource + "/" + e.subresource}},
                         {"verbs", i % 5 == 0 ? json::array({"*"}) : json::array({"get", "list", "watch"})}});
    }
    graph.upsert(GraphKind::ProjectRole, kube::freeze(json{
        {"apiVersion", "iam.kubesphere.io/v1beta1"}, {"kind", "Role"},
        {"metadata", {{"name", "big"}, {"namespace", "p1"}, {"resourceVersion", "2"}}}, {"rules", rules}}));
    for (int i = 0; i < 120; ++i) {
        const std::string name = "tmpl-" + std::to_string(i);
        json t = {{"apiVersion", "iam.kubesphere.io/v1beta1"},
                  {"kind", "RoleTemplate"},
                  {"metadata",
                   {{"name", name},
                    {"resourceVersion", std::to_string(10 + i)},
                    {"labels", {{kube::tenancy::kScopeLabel, "namespace"}, {"iam.kubesphere.io/category", "cat-" + std::to_string(i % 12)}}},
                    {"annotations", {{"kubesphere.io/description", "Template " + name + " grants a slice of the project"},
                                     {kube::tenancy::kDependenciesAnnotation,
                                      i > 0 ? json::array({"tmpl-" + std::to_string(i - 1)}).dump() : std::string("[]")}}}}},
                  {"spec", {{"rules", json::array({rules[size_t(i % 60)]})}}}};
        graph.upsert(GraphKind::RoleTemplate, kube::freeze(t));
    }
    return graph.snapshot();
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
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);

    // Opening the role editor: constructed, shown, painted (events processed), median of runs.
    std::vector<double> openNew, openEdit;
    {
        kube::tenancy::TenancyGraph graph;
        const auto snapshot = editorSnapshot(graph);
        auto catalog = std::make_shared<const kube::rbac::ResourceCatalog>(kube::rbac::ResourceCatalog::builtin());
        for (int i = 0; i < runs + 1; ++i) {
            for (auto mode : {RoleEditorDialog::Mode::New, RoleEditorDialog::Mode::Edit}) {
                QElapsedTimer t;
                t.start();
                auto *d = new RoleEditorDialog(new PlanRunner(nullptr), snapshot, mode, kube::tenancy::RoleSpec::Level::Project,
                                               QStringLiteral("p1"), mode == RoleEditorDialog::Mode::Edit ? QStringLiteral("big") : QString(),
                                               catalog);
                d->show();
                QCoreApplication::processEvents();
                d->repaint();
                const double took = double(t.nsecsElapsed()) / 1e6;
                delete d;
                if (i == 0)
                    continue;
                (mode == RoleEditorDialog::Mode::New ? openNew : openEdit).push_back(took);
            }
        }
    }

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
    std::printf("| figure | measured | peer | target |\n|---|---|---|---|\n");
    std::printf("| open the role editor: New / Edit of a 60-rule role (120 templates offered), shown and painted | %s / %s "
                "| — | ≤ 100 ms |\n\n",
                ms(median(openNew)).c_str(), ms(median(openEdit)).c_str());
    std::printf("| figure | plan dialog (Impact tab) | engine alone | tenantryctl diff --plan | target |\n|---|---|---|---|---|\n");
    std::printf("| impact preview of a member change (one RoleBinding added; %zu rows, 13 verbs × every scope) | %s | %s | "
                "%s (%.0f MiB peak) | ≤ 500 ms |\n",
                rows, ms(median(gui)).c_str(), ms(median(engine)).c_str(), ms(ctlMs).c_str(), ctlRss);
    return 0;
}
