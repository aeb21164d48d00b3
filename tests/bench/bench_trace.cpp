// Trace one request (issue 15), without opa: the engine part alone (assembleTrace over
// gathered facts: both evaluators on the bench_permissions synthetic cluster of 2,000
// namespaces / 20,000 bindings, the admission preview with a quota and a LimitRange) and the
// whole trace with its server calls on the devcluster (Tracer::run in process, and the
// tenantryctl trace process). Prints medians and p95; asserts nothing. Target: <= 100 ms.
// usage: bench_trace [TENANTRYCTL] [--runs N]
#include "benchclock.h"
#include "syntheticrbac.h"

#include "kubeclient/api/client.h"
#include "kubeclient/kubeconfig/kubeconfig.h"
#include "kubeclient/kubesphere/tenancyapi.h"
#include "kubeclient/trace/tracer.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

using nlohmann::json;

namespace {

struct Stats {
    double median = 0, p95 = 0;
};

Stats measure(int runs, const std::function<void()> &f)
{
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const auto start = bench::Clock::now();
        f();
        ms.push_back(bench::msSince(start));
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)]};
}

void row(const char *what, const Stats &s)
{
    std::printf("| %-66s | %9.2f | %9.2f |\n", what, s.median, s.p95);
}

kube::trace::TraceFacts syntheticFacts(const benchrbac::Synthetic &s, const std::shared_ptr<const kube::rbac::RbacIndex> &index,
                                       const std::string &ns)
{
    kube::trace::TraceFacts f;
    f.self = kube::UserInfo{"admin", "", {"system:masters", "system:authenticated"}, nullptr};
    f.index = index;
    f.namespaceObject = json{{"metadata", {{"name", ns}, {"labels", {{"pod-security.kubernetes.io/warn", "restricted"}}}}}};
    f.quotas = {json{{"metadata", {{"name", "q"}, {"namespace", ns}}},
                     {"spec", {{"hard", {{"count/pods", "100"}, {"requests.cpu", "10"}, {"limits.memory", "10Gi"}}}}},
                     {"status",
                      {{"hard", {{"count/pods", "100"}, {"requests.cpu", "10"}, {"limits.memory", "10Gi"}}},
                       {"used", {{"count/pods", "7"}, {"requests.cpu", "1200m"}, {"limits.memory", "3Gi"}}}}}}};
    f.limitRanges = {json{{"metadata", {{"name", "defaults"}, {"namespace", ns}}},
                          {"spec",
                           {{"limits", json::array({{{"type", "Container"},
                                                     {"default", {{"cpu", "500m"}, {"memory", "512Mi"}}},
                                                     {"defaultRequest", {{"cpu", "100m"}}}}})}}}}};
    f.probe = kube::trace::probeObject({"", "v1", "pods", "Pod", ns, ""}, {});
    f.review = kube::rbac::ReviewAnswer{false, false, "", ""};
    f.reviewKind = "SubjectAccessReview";
    (void)s;
    return f;
}

} // namespace

int main(int argc, char **argv)
{
    std::string ctl;
    int runs = 50;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = std::atoi(argv[++i]);
        else
            ctl = argv[i];
    }
    std::printf("| %-66s | %9s | %9s |\n", "trace (no opa)", "median ms", "p95 ms");
    std::printf("|%s|%s|%s|\n", std::string(68, '-').c_str(), std::string(11, '-').c_str(), std::string(11, '-').c_str());

    // Engine part: the synthetic cluster, index built once (as a live session keeps it).
    const auto catalog = kube::rbac::ResourceCatalog::builtin();
    const auto s = benchrbac::generate(benchrbac::Counts{}, catalog, 7);
    const auto index = kube::rbac::RbacIndex::build(s.data);
    const std::string ns = s.namespaces[s.namespaces.size() / 2];
    const std::string user = s.users[s.users.size() / 3];
    const auto who = benchrbac::identityOf(s, user);
    kube::trace::TraceQuestion q;
    q.asUser = user;
    q.asGroups = std::vector<std::string>(who.groups.begin(), who.groups.end() - 1);  // without system:authenticated
    q.request = kube::rbac::RequestAttributes::forResource("create", "", "pods", ns);
    auto facts = syntheticFacts(s, index, ns);
    facts.impersonation = kube::trace::Tracer::impersonationChecks(q.asUser, q.asGroups);
    for (auto &c : facts.impersonation)
        c.allowed = true;
    size_t sink = 0;
    row("engine: create pods, kubernetes view (20,000 bindings)", measure(runs * 4, [&] {
            sink += kube::trace::assembleTrace(q, facts).stages.size();
        }));
    q.view = kube::rbac::View::KubeSphere;
    row("engine: create pods, kubesphere view (20,000 bindings)", measure(runs * 4, [&] {
            sink += kube::trace::assembleTrace(q, facts).stages.size();
        }));
    q.view = kube::rbac::View::Kubernetes;
    row("engine: the same, rendered as text and JSON", measure(runs * 4, [&] {
            const auto r = kube::trace::assembleTrace(q, facts);
            sink += r.toText().size() + r.toJson().dump().size();
        }));

    // Whole trace with server calls, when a cluster is reachable (scripts/bench starts one).
    const char *kubeconfig = std::getenv("KUBECONFIG");
    auto config = kube::Kubeconfig::loadFromEnvironment();
    std::shared_ptr<kube::Client> client;
    if (kubeconfig && config)
        if (auto tc = config->transportConfig()) {
            // The client-side rate limit (50 qps, burst 100) would otherwise set the pace of
            // back-to-back runs; one trace in real use never meets it.
            tc->qps = 0;
            client = std::make_shared<kube::Client>(*tc);
        }
    if (!client || !client->serverVersion()) {
        std::printf("(no cluster reachable: the whole-trace rows are left out)\n");
        return sink == 0;
    }
    const std::string benchNs = "bench-trace";
    (void)client->create(kube::tenancy::TenancyApi::namespaces, "", json{{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", benchNs}}}});
    (void)client->create(kube::tenancy::TenancyApi::resourceQuota, benchNs,
                   json{{"apiVersion", "v1"}, {"kind", "ResourceQuota"}, {"metadata", {{"name", "q"}}},
                        {"spec", {{"hard", {{"count/pods", "100"}}}}}});
    (void)client->create(kube::tenancy::TenancyApi::limitRange, benchNs,
                   json{{"apiVersion", "v1"}, {"kind", "LimitRange"}, {"metadata", {{"name", "defaults"}}},
                        {"spec", {{"limits", json::array({{{"type", "Container"}, {"default", {{"cpu", "500m"}}}}})}}}});
    // The quota controller and the namespace's default ServiceAccount come first.
    for (int i = 0; i < 100; ++i) {
        auto sa = client->get({"", "v1", "serviceaccounts", true, "ServiceAccount"}, benchNs, "default");
        auto quota = client->get(kube::tenancy::TenancyApi::resourceQuota, benchNs, "q");
        if (sa && quota && (*quota).value("status", json::object()).contains("used"))
            break;
        usleep(100 * 1000);
    }
    const kube::trace::Tracer tracer(client);
    kube::trace::TraceQuestion live;
    live.request = kube::rbac::RequestAttributes::forResource("create", "", "pods", benchNs);
    (void)tracer.run(live);  // warm: discovery, connections
    row("whole, in process: create pods as the caller (+ dry run)", measure(runs, [&] { sink += tracer.run(live).stages.size(); }));
    live.asUser = "bench-alice";
    live.asGroups = {"bench-devs"};
    row("whole, in process: create pods --as (impersonation checks)", measure(runs, [&] { sink += tracer.run(live).stages.size(); }));
    live.request = kube::rbac::RequestAttributes::forPath("get", "/healthz");
    row("whole, in process: get /healthz --as", measure(runs, [&] { sink += tracer.run(live).stages.size(); }));
    live.request = kube::rbac::RequestAttributes::forResource("list", "", "pods", benchNs);
    live.view = kube::rbac::View::KubeSphere;
    row("whole, in process: list pods --as, kubesphere view (all IAM kinds)",
        measure(runs, [&] { sink += tracer.run(live).stages.size(); }));
    if (!ctl.empty()) {
        const std::string cmd = ctl + " trace create pods -n " + benchNs + " >/dev/null 2>&1";
        const std::string cmdAs = ctl + " trace create pods -n " + benchNs + " --as bench-alice --as-group bench-devs >/dev/null 2>&1";
        row("tenantryctl trace create pods (process: connect, discovery cache)", measure(std::max(5, runs / 5), [&] {
                sink += std::system(cmd.c_str()) >= 0;
            }));
        row("tenantryctl trace create pods --as", measure(std::max(5, runs / 5), [&] {
                sink += std::system(cmdAs.c_str()) >= 0;
            }));
    }
    (void)client->remove(kube::tenancy::TenancyApi::namespaces, "", benchNs);
    return sink == 0;
}
