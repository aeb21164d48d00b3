// One-shot commands side by side on the devcluster: tenantryctl who-can / can-i / matrix -n
// against the peers asking the same question (kubectl auth can-i, kubectl auth can-i --list,
// kubectl-who-can when installed). Seeds namespaces with RoleBindings first, so reading every
// binding costs what it costs on a real cluster. Prints medians; asserts nothing.
// usage: bench_ctl TENANTRYCTL [--namespaces N] [--runs N]
#include "benchspawn.h"
#include "kubeclient/api/client.h"
#include "kubeclient/kubeconfig/kubeconfig.h"
#include "kubeclient/kubesphere/tenancyapi.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>


using nlohmann::json;
using Clock = std::chrono::steady_clock;
using kube::tenancy::TenancyApi;

namespace {

// A program found on PATH (or given as an absolute path), "" when absent.
std::string findProgram(const std::string &name)
{
    if (name.empty())
        return {};
    if (name.find('/') != std::string::npos)
        return access(name.c_str(), X_OK) == 0 ? name : std::string();
    const char *path = std::getenv("PATH");
    std::string dirs = path ? path : "";
    size_t start = 0;
    while (start <= dirs.size()) {
        const size_t end = dirs.find(':', start);
        const std::string dir = dirs.substr(start, end == std::string::npos ? std::string::npos : end - start);
        const std::string candidate = dir + "/" + name;
        if (!dir.empty() && access(candidate.c_str(), X_OK) == 0)
            return candidate;
        if (end == std::string::npos)
            break;
        start = end + 1;
    }
    return {};
}

// Seconds a command took (its exit code in exitCode; 0 s when it could not start).
double timeRun(const std::vector<std::string> &argv, int &exitCode)
{
    const bench::Spawned run = bench::spawnTimed(argv);
    exitCode = run.exitCode;
    return run.seconds < 0 ? 0 : run.seconds;
}

double median(const std::vector<std::string> &argv, int runs, int &exitCode)
{
    std::vector<double> times;
    timeRun(argv, exitCode);  // warm-up: page cache, discovery cache, connection setup on the server
    for (int i = 0; i < runs; ++i)
        times.push_back(timeRun(argv, exitCode));
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

// Namespaces bench-ctl-N, each with two RoleBindings (a user on view, a group on edit).
void seed(kube::Client &client, int namespaces)
{
    std::atomic<int> next{0}, failed{0};
    auto worker = [&] {
        for (int i = next++; i < namespaces; i = next++) {
            const std::string ns = "bench-ctl-" + std::to_string(i);
            auto made = client.create(TenancyApi::namespaces, "", {{"apiVersion", "v1"}, {"kind", "Namespace"},
                                                                   {"metadata", {{"name", ns}}}});
            if (!made && !made.error().isApi(kube::StatusReason::AlreadyExists))
                ++failed;
            for (const auto &[name, role, kind, subject] :
                 {std::tuple<std::string, std::string, std::string, std::string>{"viewer", "view", "User", "user-" + std::to_string(i)},
                  {"editors", "edit", "Group", "team-" + std::to_string(i % 20)}}) {
                json rb = {{"apiVersion", "rbac.authorization.k8s.io/v1"},
                           {"kind", "RoleBinding"},
                           {"metadata", {{"name", name}, {"namespace", ns}}},
                           {"roleRef", {{"apiGroup", "rbac.authorization.k8s.io"}, {"kind", "ClusterRole"}, {"name", role}}},
                           {"subjects", {{{"apiGroup", "rbac.authorization.k8s.io"}, {"kind", kind}, {"name", subject}}}}};
                auto b = client.create(TenancyApi::rbacRoleBinding, ns, rb);
                if (!b && !b.error().isApi(kube::StatusReason::AlreadyExists))
                    ++failed;
            }
        }
    };
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t)
        threads.emplace_back(worker);
    for (auto &t : threads)
        t.join();
    if (failed)
        std::fprintf(stderr, "warning: %d seed writes failed\n", failed.load());
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_ctl TENANTRYCTL [--namespaces N] [--runs N]\n");
        return 2;
    }
    const std::string ctl = argv[1];
    int namespaces = 300, runs = 7;
    for (int i = 2; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--namespaces"))
            namespaces = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--runs"))
            runs = std::max(1, std::atoi(argv[i + 1]));
    }
    auto config = kube::Kubeconfig::loadFromEnvironment();
    if (!config) {
        std::fprintf(stderr, "bench_ctl: %s\n", config.error().describe().c_str());
        return 1;
    }
    auto transport = config->transportConfig();
    if (!transport) {
        std::fprintf(stderr, "bench_ctl: %s\n", transport.error().describe().c_str());
        return 1;
    }
    kube::Client client(std::move(*transport));
    seed(client, namespaces);

    const char *env = std::getenv("TENANTRY_KUBECTL");
    std::string kubectl = findProgram(env ? env : "");
    if (kubectl.empty())
        kubectl = findProgram("kubectl.1.32");
    if (kubectl.empty())
        kubectl = findProgram("kubectl");
    const std::string whoCanPlugin = findProgram("kubectl-who-can");
    const std::string ns = "bench-ctl-7", user = "user-7";
    // A cold run needs its own discovery cache folder.
    const std::string cold = (std::filesystem::temp_directory_path() / ("bench-ctl-cache-" + std::to_string(getpid()))).string();

    struct Row {
        std::string question;
        std::vector<std::string> ours;
        std::string peerName;
        std::vector<std::string> peer;
        bool coldCache = false;
    };
    std::vector<Row> rows = {
        {"who-can get pods -n NS", {ctl, "who-can", "get", "pods", "-n", ns}, "kubectl-who-can",
         whoCanPlugin.empty() ? std::vector<std::string>{} : std::vector<std::string>{whoCanPlugin, "get", "pods", "-n", ns}},
        {"can-i get pods -n NS --as U", {ctl, "can-i", "get", "pods", "-n", ns, "--as", user}, "kubectl auth can-i",
         {kubectl, "auth", "can-i", "get", "pods", "-n", ns, "--as", user}},
        {"can-i get pods/x --subresource log -A", {ctl, "can-i", "get", "pods/x", "--subresource", "log", "-A"},
         "kubectl auth can-i", {kubectl, "auth", "can-i", "get", "pods/x", "--subresource", "log", "-A"}},
        {"matrix -n NS --as U", {ctl, "matrix", "-n", ns, "--as", user}, "kubectl auth can-i --list",
         {kubectl, "auth", "can-i", "--list", "-n", ns, "--as", user}},
        {"can-i (cold discovery cache)", {ctl, "can-i", "get", "pods", "-n", ns, "--cache-dir", cold}, "kubectl auth can-i",
         {kubectl, "auth", "can-i", "get", "pods", "-n", ns}, true},
    };
    std::printf("%d namespaces with 2 RoleBindings each; median of %d runs after one warm-up\n\n", namespaces, runs);
    std::printf("| question | tenantryctl | peer | peer time | tenantryctl / peer |\n|---|---|---|---|---|\n");
    for (const auto &r : rows) {
        int rcOurs = 0, rcPeer = 0;
        double ours = 0;
        if (r.coldCache) {
            // Every run starts without a cache: remove the folder before each.
            std::vector<double> times;
            for (int i = 0; i < runs; ++i) {
                std::filesystem::remove_all(cold);
                times.push_back(timeRun(r.ours, rcOurs));
            }
            std::sort(times.begin(), times.end());
            ours = times[times.size() / 2];
            std::filesystem::remove_all(cold);
        } else {
            ours = median(r.ours, runs, rcOurs);
        }
        if (r.peer.empty() || r.peer[0].empty()) {
            std::printf("| %s | %.1f ms (exit %d) | %s | not installed | |\n", r.question.c_str(), ours * 1e3, rcOurs,
                        r.peerName.c_str());
            continue;
        }
        const double peer = median(r.peer, runs, rcPeer);
        std::printf("| %s | %.1f ms (exit %d) | %s | %.1f ms (exit %d) | %.2f |\n", r.question.c_str(), ours * 1e3, rcOurs,
                    r.peerName.c_str(), peer * 1e3, rcPeer, peer > 0 ? ours / peer : 0.0);
    }
    return 0;
}
