// Benchmark: list N ConfigMaps through kubeclient and through `kubectl get -o json` against the
// same devcluster, in one run, and print wall time and peak memory for both.
#include "kubeclient/api/client.h"
#include "kubeclient/kubeconfig/kubeconfig.h"

#include <sys/resource.h>
#include <sys/wait.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace kube;
using Clock = std::chrono::steady_clock;

namespace {
const GroupVersionResource kNamespaces{"", "v1", "namespaces", false, "Namespace"};
const GroupVersionResource kConfigMaps{"", "v1", "configmaps", true, "ConfigMap"};

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

long selfPeakKiB()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

// Runs kubectl with stdout to /dev/null; returns seconds and its peak RSS.
bool runKubectl(const std::string &ns, double &seconds, long &peakKiB)
{
    const auto start = Clock::now();
    pid_t pid = fork();
    if (pid == 0) {
        freopen("/dev/null", "w", stdout);
        execlp("kubectl", "kubectl", "get", "configmaps", "-n", ns.c_str(), "-o", "json", (char *)nullptr);
        _exit(127);
    }
    int status = 0;
    rusage u{};
    if (wait4(pid, &status, 0, &u) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return false;
    seconds = std::chrono::duration<double>(Clock::now() - start).count();
    peakKiB = u.ru_maxrss;
    return true;
}
} // namespace

int main(int argc, char **argv)
{
    const int count = argc > 1 ? std::atoi(argv[1]) : 10000;
    const int rounds = argc > 2 ? std::atoi(argv[2]) : 3;
    const std::string ns = "bench-list";
    auto config = Kubeconfig::loadFromEnvironment();
    if (!config) {
        std::fprintf(stderr, "bench_list: %s\n", config.error().describe().c_str());
        return 1;
    }
    auto transport = config->transportConfig();
    if (!transport) {
        std::fprintf(stderr, "bench_list: %s\n", transport.error().describe().c_str());
        return 1;
    }
    transport->qps = 0;  // no client-side throttling while seeding
    Client client(*transport);
    (void)client.create(kNamespaces, "", {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", ns}}}});

    auto existing = client.list(kConfigMaps, ns, ListOptions{});
    if (!existing) {
        std::fprintf(stderr, "bench_list: %s\n", existing.error().describe().c_str());
        return 1;
    }
    if (int(existing->items.size()) < count) {
        std::fprintf(stderr, "seeding %d ConfigMaps...\n", count);
        std::atomic<int> next{0}, failed{0};
        auto worker = [&] {
            for (int i = next++; i < count; i = next++) {
                nlohmann::json cm = {{"apiVersion", "v1"}, {"kind", "ConfigMap"},
                                     {"metadata", {{"name", "cm-" + std::to_string(i)}, {"namespace", ns},
                                                   {"labels", {{"app", "bench"}, {"shard", std::to_string(i % 16)}}}}},
                                     {"data", {{"key", std::string(200, 'x')}, {"index", std::to_string(i)}}}};
                auto r = client.create(kConfigMaps, ns, cm);
                if (!r && !r.error().isApi(StatusReason::AlreadyExists))
                    ++failed;
            }
        };
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back(worker);
        for (auto &t : threads)
            t.join();
        if (failed) {
            std::fprintf(stderr, "bench_list: %d creates failed\n", int(failed));
            return 1;
        }
    }

    std::vector<double> ours, theirs;
    long theirPeak = 0;
    size_t listed = 0;
    const long baseline = selfPeakKiB();
    for (int r = 0; r < rounds; ++r) {
        ListOptions o;
        o.limit = 500;  // kubectl's default --chunk-size
        const auto start = Clock::now();
        auto list = client.list(kConfigMaps, ns, o);
        ours.push_back(std::chrono::duration<double>(Clock::now() - start).count());
        if (!list) {
            std::fprintf(stderr, "bench_list: %s\n", list.error().describe().c_str());
            return 1;
        }
        listed = list->items.size();
        double secs = 0;
        long peak = 0;
        if (!runKubectl(ns, secs, peak)) {
            std::fprintf(stderr, "bench_list: kubectl failed\n");
            return 1;
        }
        theirs.push_back(secs);
        theirPeak = std::max(theirPeak, peak);
    }
    const double a = median(ours), b = median(theirs);
    std::printf("| list %zu ConfigMaps (pages of 500), median of %d | wall time | peak RSS |\n", listed, rounds);
    std::printf("|---|---|---|\n");
    std::printf("| kubeclient (Client::list, parsed to JSON) | %.3f s | %.1f MiB (process) |\n", a,
                std::max(selfPeakKiB(), baseline) / 1024.0);
    std::printf("| kubectl get -o json | %.3f s | %.1f MiB |\n", b, theirPeak / 1024.0);
    std::printf("| ratio kubectl / kubeclient | %.2fx | |\n", b / a);
    return 0;
}
