// Benchmark of the desktop app on a synthetic tenancy (500 workspaces, 5,000 projects, 5,000
// users seeded into the bench cluster): time from process start to first paint and to the
// complete tree, resident memory then, versus `kubectl get` of the same objects in the same run.
#include "kubeclient/api/client.h"
#include "kubeclient/kubeconfig/kubeconfig.h"
#include "kubeclient/tenancy/plan/objectfactory.h"
#include "kubeclient/kubesphere/tenancyapi.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

using namespace kube;
using namespace kube::tenancy;

namespace {

struct Run {
    double firstPaintMs = -1;    // as the app measured it from its own process start
    double treeCompleteMs = -1;
    double outsideFirstPaintMs = -1;  // as seen from here: spawn to the line arriving
    double outsideTreeMs = -1;
    double rssMiB = -1;
    double exitMs = -1;
};

double median(std::vector<double> v)
{
    v.erase(std::remove_if(v.begin(), v.end(), [](double x) { return x < 0; }), v.end());
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// Creates every object with `threads` writers; AlreadyExists counts as done (re-runs are cheap).
bool createAll(Client &client, const GroupVersionResource &gvr, const std::vector<nlohmann::json> &objects, int threads)
{
    std::atomic<std::size_t> next{0};
    std::atomic<int> failures{0};
    std::mutex m;
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&] {
            for (std::size_t i = next++; i < objects.size(); i = next++) {
                auto r = client.create(gvr, {}, objects[i]);
                if (!r && !r.error().isApi(StatusReason::AlreadyExists) && failures++ < 3) {
                    std::lock_guard lock(m);
                    std::fprintf(stderr, "bench_gui: %s\n", r.error().describe().c_str());
                }
            }
        });
    for (auto &t : pool)
        t.join();
    return failures == 0;
}

Run runApp(const QString &tenantry, const QString &kubeconfig)
{
    Run run;
    QProcess p;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::SeparateChannels);
    QElapsedTimer t;
    t.start();
    p.start(tenantry, {QStringLiteral("--kubeconfig"), kubeconfig, QStringLiteral("--timings"), QStringLiteral("--timeout"),
                       QStringLiteral("600")});
    QByteArray pending;
    while (p.state() != QProcess::NotRunning || p.bytesAvailable() > 0) {
        p.waitForReadyRead(100);
        pending += p.readAllStandardOutput();
        int nl;
        while ((nl = pending.indexOf('\n')) >= 0) {
            const QByteArray line = pending.left(nl);
            pending.remove(0, nl + 1);
            const QList<QByteArray> f = line.split(' ');
            if (f.size() < 3 || f[0] != "tenantry-timing")
                continue;
            const double value = f[2].toDouble();
            if (f[1] == "first-paint") {
                run.firstPaintMs = value;
                run.outsideFirstPaintMs = double(t.elapsed());
            } else if (f[1] == "tree-complete") {
                run.treeCompleteMs = value;
                run.outsideTreeMs = double(t.elapsed());
            } else if (f[1] == "rss") {
                run.rssMiB = value / 1024.0;
            }
        }
        if (p.state() == QProcess::NotRunning && p.bytesAvailable() == 0)
            break;
    }
    p.waitForFinished(60000);
    run.exitMs = double(t.elapsed());
    if (p.exitCode() != 0)
        std::fprintf(stderr, "bench_gui: tenantry exited with %d: %s\n", p.exitCode(), p.readAllStandardError().constData());
    return run;
}

double timeKubectl(const QStringList &args, const QString &kubeconfig, qint64 *bytes)
{
    QProcess p;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KUBECONFIG"), kubeconfig);
    p.setProcessEnvironment(env);
    QElapsedTimer t;
    t.start();
    p.start(QStringLiteral("kubectl"), args);
    p.waitForFinished(600000);
    const double ms = double(t.elapsed());
    const QByteArray out = p.readAllStandardOutput();
    if (bytes)
        *bytes = out.size();
    if (p.exitCode() != 0)
        std::fprintf(stderr, "bench_gui: kubectl %s failed: %s\n", qPrintable(args.join(' ')), p.readAllStandardError().constData());
    return ms;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int workspaces = argc > 1 ? std::atoi(argv[1]) : 500;
    const int projectsPerWorkspace = argc > 2 ? std::atoi(argv[2]) : 10;
    const int users = argc > 3 ? std::atoi(argv[3]) : 5000;
    const int runs = argc > 4 ? std::atoi(argv[4]) : 3;
    const QString kubeconfig = qEnvironmentVariable("KUBECONFIG");
    const QString tenantry = QFileInfo(QCoreApplication::applicationDirPath() + QStringLiteral("/../../app/tenantry")).absoluteFilePath();

    KubeconfigSources sources;
    sources.explicitPath = kubeconfig.toStdString();
    auto config = Kubeconfig::load(sources);
    if (!config) {
        std::fprintf(stderr, "bench_gui: %s\n", config.error().describe().c_str());
        return 1;
    }
    auto transport = config->transportConfig();
    if (!transport) {
        std::fprintf(stderr, "bench_gui: %s\n", transport.error().describe().c_str());
        return 1;
    }
    transport->qps = 0;  // seeding is not what is measured
    Client client(std::move(*transport));
    const TenancyApi api = TenancyApi::forFlavor(ApiFlavor::V4);
    const ObjectFactory factory(api, "bench");

    // Seed: workspace templates, namespaces labelled with their workspace, users. The objects
    // are shaped by the factory, as the app and the console write them.
    QElapsedTimer seed;
    seed.start();
    std::vector<nlohmann::json> wsObjects, nsObjects, userObjects;
    for (int w = 0; w < workspaces; ++w) {
        WorkspaceSpec spec;
        spec.name = "bench-ws-" + std::to_string(w);
        spec.alias = "Bench workspace " + std::to_string(w);
        wsObjects.push_back(factory.workspaceTemplate(spec));
        for (int p = 0; p < projectsPerWorkspace; ++p)
            nsObjects.push_back(factory.project({spec.name + "-p" + std::to_string(p), spec.name, "", ""}));
    }
    for (int u = 0; u < users; ++u) {
        UserSpec spec;
        spec.name = "bench-user-" + std::to_string(u);
        spec.email = spec.name + "@example.com";
        userObjects.push_back(factory.user(spec));
    }
    bool ok = createAll(client, api.workspaceTemplate, wsObjects, 16) && createAll(client, TenancyApi::namespaces, nsObjects, 16)
        && createAll(client, api.user, userObjects, 16);
    if (!ok)
        return 1;
    std::printf("seeded %d workspaces, %d projects, %d users in %.1f s (objects that existed are kept)\n\n", workspaces,
                workspaces * projectsPerWorkspace, users, seed.elapsed() / 1000.0);

    std::vector<Run> results;
    std::vector<double> kubectlJson, kubectlTable;
    qint64 jsonBytes = 0;
    for (int i = 0; i < runs; ++i) {
        results.push_back(runApp(tenantry, kubeconfig));
        kubectlJson.push_back(timeKubectl({"get", "workspacetemplates.tenant.kubesphere.io,namespaces,users.iam.kubesphere.io",
                                           "-o", "json"}, kubeconfig, &jsonBytes));
        kubectlTable.push_back(timeKubectl({"get", "workspacetemplates.tenant.kubesphere.io,namespaces,users.iam.kubesphere.io"},
                                           kubeconfig, nullptr));
    }
    auto col = [&](double Run::*field) {
        std::vector<double> v;
        for (const auto &r : results)
            v.push_back(r.*field);
        return v;
    };
    std::printf("| measure (median of %d runs) | value |\n|---|---|\n", runs);
    std::printf("| tenantry: process start -> first paint (own clock) | %.0f ms |\n", median(col(&Run::firstPaintMs)));
    std::printf("| tenantry: spawn -> first paint (seen from outside) | %.0f ms |\n", median(col(&Run::outsideFirstPaintMs)));
    std::printf("| tenantry: process start -> complete tree (own clock) | %.0f ms |\n", median(col(&Run::treeCompleteMs)));
    std::printf("| tenantry: spawn -> complete tree (seen from outside) | %.0f ms |\n", median(col(&Run::outsideTreeMs)));
    std::printf("| tenantry: resident memory at complete tree | %.0f MiB |\n", median(col(&Run::rssMiB)));
    std::printf("| kubectl get workspacetemplates,namespaces,users -o json (%.1f MiB) | %.0f ms |\n",
                jsonBytes / 1048576.0, median(kubectlJson));
    std::printf("| kubectl get workspacetemplates,namespaces,users (table) | %.0f ms |\n", median(kubectlTable));
    std::printf("\nThe complete tree is every tenancy kind listed and watched (23 resources: workspaces, namespaces,\n"
                "users, roles, bindings, templates, quotas, policies...), the tree built and shown; kubectl lists 3.\n");
    return 0;
}
