// Shared by the benchmarks that seed a synthetic tenancy into the bench cluster and time the
// desktop app and kubectl on it (bench_gui, bench_scale): parallel creation of objects, one run
// of `tenantry --timings` read line by line, one timed kubectl command, and the median.
#pragma once

#include "kubeclient/api/client.h"
#include "kubeclient/kubeconfig/kubeconfig.h"
#include "kubeclient/tenancy/plan/objectfactory.h"

#include <QElapsedTimer>
#include <QMap>
#include <QProcess>
#include <QStandardPaths>
#include <QStringList>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <sys/resource.h>

namespace bench {

// The median of the values that were measured (negative: not measured); -1 when none was.
inline double median(std::vector<double> v)
{
    v.erase(std::remove_if(v.begin(), v.end(), [](double x) { return x < 0; }), v.end());
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// A client for the current context of `kubeconfig`; qps <= 0: no client-side rate limit (seeding is
// not what is measured). Null after printing why, with `tag` in front.
inline std::shared_ptr<kube::Client> clientFor(const QString &kubeconfig, double qps, const char *tag)
{
    kube::KubeconfigSources sources;
    sources.explicitPath = kubeconfig.toStdString();
    auto config = kube::Kubeconfig::load(sources);
    if (!config) {
        std::fprintf(stderr, "%s: %s\n", tag, config.error().describe().c_str());
        return nullptr;
    }
    auto transport = config->transportConfig();
    if (!transport) {
        std::fprintf(stderr, "%s: %s\n", tag, transport.error().describe().c_str());
        return nullptr;
    }
    transport->qps = qps;
    return std::make_shared<kube::Client>(std::move(*transport));
}

// The synthetic tenancy's names: "bench-ws-<w>", its projects "bench-ws-<w>-p<p>", "bench-user-<u>".
inline std::string workspaceName(int w) { return "bench-ws-" + std::to_string(w); }
inline std::string projectName(int w, int p) { return workspaceName(w) + "-p" + std::to_string(p); }
inline std::string userName(int u) { return "bench-user-" + std::to_string(u); }

// Workspace templates [begin, end) and `projectsPerWorkspace` namespaces labelled with each, shaped
// by the factory as the app and the console write them.
inline void addWorkspaces(const kube::tenancy::ObjectFactory &factory, int begin, int end, int projectsPerWorkspace,
                          std::vector<nlohmann::json> &workspaces, std::vector<nlohmann::json> &projects)
{
    for (int w = begin; w < end; ++w) {
        kube::tenancy::WorkspaceSpec spec;
        spec.name = workspaceName(w);
        spec.alias = "Bench workspace " + std::to_string(w);
        workspaces.push_back(factory.workspaceTemplate(spec));
        for (int p = 0; p < projectsPerWorkspace; ++p)
            projects.push_back(factory.project({projectName(w, p), spec.name, "", ""}));
    }
}

// Users [begin, end) with an e-mail each.
inline void addUsers(const kube::tenancy::ObjectFactory &factory, int begin, int end, std::vector<nlohmann::json> &users)
{
    for (int u = begin; u < end; ++u) {
        kube::tenancy::UserSpec spec;
        spec.name = userName(u);
        spec.email = spec.name + "@example.com";
        users.push_back(factory.user(spec));
    }
}

struct Created {
    std::size_t created = 0;   // the server answered 201
    std::size_t existed = 0;   // AlreadyExists: counted as done (re-runs and growing fixtures are cheap)
    std::size_t failed = 0;
    bool ok() const { return failed == 0; }
};

// Creates every object with `threads` writers, each in the namespace its metadata names.
// The first few failures are printed to stderr with `tag` in front.
inline Created createAll(kube::Client &client, const kube::GroupVersionResource &gvr, const std::vector<nlohmann::json> &objects,
                         int threads, const char *tag)
{
    std::atomic<std::size_t> next{0}, created{0}, existed{0}, failed{0};
    std::mutex m;
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&] {
            for (std::size_t i = next++; i < objects.size(); i = next++) {
                const std::string ns = objects[i]["metadata"].value("namespace", std::string());
                auto r = client.create(gvr, ns, objects[i]);
                if (r) {
                    ++created;
                } else if (r.error().isApi(kube::StatusReason::AlreadyExists)) {
                    ++existed;
                } else if (failed++ < 3) {
                    std::lock_guard lock(m);
                    std::fprintf(stderr, "%s: %s\n", tag, r.error().describe().c_str());
                }
            }
        });
    for (auto &t : pool)
        t.join();
    return {created.load(), existed.load(), failed.load()};
}

// One run of the desktop app with --timings: what it printed, as it printed it.
struct AppRun {
    double firstPaintMs = -1;    // as the app measured it from its own process start
    double treeCachedMs = -1;    // first complete tree from the local snapshot cache (absent: -1)
    double treeCompleteMs = -1;  // the live tree, every kind listed
    double outsideFirstPaintMs = -1;  // as seen from here: spawn to the line arriving
    double outsideTreeMs = -1;
    double rssMiB = -1;
    // Where the resident memory goes (the app's own figures at the same moment): anonymous
    // pages and mapped files of the resident set, live heap allocations and malloc's free chunks.
    double rssAnonMiB = -1;
    double rssFileMiB = -1;
    double heapInUseMiB = -1;
    double heapFreeMiB = -1;
    double exitMs = -1;
    double cpuMs = -1;  // user + system of the whole run, start to exit
    int exitCode = -1;
};

// CPU time (user + system) of the children this process has waited for, in ms.
inline double childrenCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

// Runs `tenantry --kubeconfig K --timings --timeout 600` offscreen; `env` is added to this
// process's environment (XDG_CACHE_HOME of a cache test, for one).
inline AppRun runApp(const QString &tenantry, const QString &kubeconfig, const QMap<QString, QString> &env = {},
                     const char *tag = "bench")
{
    AppRun run;
    const double cpuBefore = childrenCpuMs();
    QProcess p;
    auto environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    for (auto it = env.begin(); it != env.end(); ++it)
        environment.insert(it.key(), it.value());
    p.setProcessEnvironment(environment);
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
            } else if (f[1] == "tree-cached") {
                run.treeCachedMs = value;
            } else if (f[1] == "tree-complete") {
                run.treeCompleteMs = value;
                run.outsideTreeMs = double(t.elapsed());
            } else if (f[1] == "rss") {
                run.rssMiB = value / 1024.0;
            } else if (f[1] == "rss-anon") {
                run.rssAnonMiB = value / 1024.0;
            } else if (f[1] == "rss-file") {
                run.rssFileMiB = value / 1024.0;
            } else if (f[1] == "heap-in-use") {
                run.heapInUseMiB = value < 0 ? -1 : value / 1024.0;
            } else if (f[1] == "heap-free") {
                run.heapFreeMiB = value < 0 ? -1 : value / 1024.0;
            }
        }
        if (p.state() == QProcess::NotRunning && p.bytesAvailable() == 0)
            break;
    }
    p.waitForFinished(60000);
    run.exitMs = double(t.elapsed());
    if (p.state() == QProcess::NotRunning)
        run.cpuMs = childrenCpuMs() - cpuBefore;  // QProcess has waited for it
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    if (run.exitCode != 0)
        std::fprintf(stderr, "%s: tenantry exited with %d: %s\n", tag, run.exitCode, p.readAllStandardError().constData());
    return run;
}

// The kubectl the benchmarks compare with: $KUBECTL (scripts/kubectl's build, the tests' peer),
// else the first kubectl on PATH.
// else the first kubectl on PATH, as a path (posix_spawn does not search PATH).
inline QString kubectlProgram()
{
    const QString fromEnv = qEnvironmentVariable("KUBECTL");
    if (!fromEnv.isEmpty())
        return fromEnv;
    const QString found = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
    return found.isEmpty() ? QStringLiteral("kubectl") : found;
}

// Wall time of one kubectl command in ms (-1 when it failed); `bytes` gets the size of its output.
inline double timeKubectl(const QStringList &args, const QString &kubeconfig, qint64 *bytes, const char *tag = "bench")
{
    QProcess p;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KUBECONFIG"), kubeconfig);
    p.setProcessEnvironment(env);
    QElapsedTimer t;
    t.start();
    p.start(kubectlProgram(), args);
    p.waitForFinished(600000);
    const double ms = double(t.elapsed());
    const QByteArray out = p.readAllStandardOutput();
    if (bytes)
        *bytes = out.size();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        std::fprintf(stderr, "%s: kubectl %s failed: %s\n", tag, qPrintable(args.join(' ')), p.readAllStandardError().constData());
        return -1;
    }
    return ms;
}

} // namespace bench
