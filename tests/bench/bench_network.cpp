// Benchmark: the NetworkPolicy evaluator on 500 projects in 50 workspaces with 2,000 policies
// (KubeSphere isolation policies, allow-from-workspace, pod-selected rules with ports, ipBlocks,
// port ranges): build the set, compute the namespace flows (target <= 1 s), and 1,000 decide()
// calls. No cluster needed; prints a table (CPU and wall, since the machine may be shared).
#include "kubeclient/network/netpolicy.h"
#include "benchclock.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>
#include <string>
#include <vector>

using namespace kube::net;
using nlohmann::json;
using bench::Clock;
using bench::cpuMs;
using bench::msSince;

namespace {

json policy(const std::string &ns, const std::string &name, json spec)
{
    return {{"apiVersion", "networking.k8s.io/v1"},
            {"kind", "NetworkPolicy"},
            {"metadata", {{"name", name}, {"namespace", ns}}},
            {"spec", std::move(spec)}};
}

json nsPeer(const std::string &key, const std::string &value)
{
    return {{"namespaceSelector", {{"matchLabels", {{key, value}}}}}};
}

struct Synthetic {
    std::vector<std::pair<std::string, Labels>> namespaces;
    std::vector<json> policies;
};

Synthetic synthesize(int workspaces, int projectsPerWorkspace, int policyTarget)
{
    Synthetic s;
    std::mt19937 rng(13);
    std::vector<std::string> names;
    for (int w = 0; w < workspaces; ++w)
        for (int p = 0; p < projectsPerWorkspace; ++p) {
            const std::string ws = "ws" + std::to_string(w), ns = ws + "-p" + std::to_string(p);
            s.namespaces.push_back({ns, {{"kubesphere.io/workspace", ws}, {"kubesphere.io/namespace", ns}}});
            names.push_back(ns);
        }
    s.namespaces.push_back({"kube-system", {{"kubesphere.io/namespace", "kube-system"}}});
    s.namespaces.push_back({"kubesphere-system", {{"kubesphere.io/namespace", "kubesphere-system"}}});
    int made = 0;
    auto add = [&](json p) {
        s.policies.push_back(std::move(p));
        ++made;
    };
    // Isolation: 30 workspaces isolated as workspaces, 1 project in 5 of the rest as projects.
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string &ns = names[i];
        const std::string ws = s.namespaces[i].second.at("kubesphere.io/workspace");
        const int w = int(i) / projectsPerWorkspace;
        json from = json::array();
        if (w < 30)
            from.push_back(nsPeer("kubesphere.io/workspace", ws));
        else if (i % 5 == 0)
            from.push_back(nsPeer("kubesphere.io/namespace", ns));
        else
            continue;
        from.push_back(nsPeer("kubesphere.io/namespace", "kubesphere-system"));
        add(policy(ns, "nsnp-network-isolate",
                   {{"podSelector", json::object()}, {"policyTypes", {"Ingress"}}, {"ingress", {{{"from", from}}}}}));
    }
    // The rest: a realistic mix, round robin over the projects until the target is met.
    for (int k = 0; made < policyTarget; ++k) {
        const std::string &ns = names[std::size_t(rng()) % names.size()];
        const std::string other = names[std::size_t(rng()) % names.size()];
        const std::string otherWs = other.substr(0, other.find('-'));
        const std::string name = "p" + std::to_string(k);
        switch (k % 5) {
        case 0:  // allow from another workspace
            add(policy(ns, name, {{"podSelector", json::object()}, {"ingress", {{{"from", {nsPeer("kubesphere.io/workspace", otherWs)}}}}}}));
            break;
        case 1:  // web pods admit frontends of a project on 8080
            add(policy(ns, name,
                       {{"podSelector", {{"matchLabels", {{"app", "web"}}}}},
                        {"ingress",
                         {{{"from", {{{"namespaceSelector", {{"matchLabels", {{"kubesphere.io/namespace", other}}}}},
                                      {"podSelector", {{"matchLabels", {{"role", "frontend"}}}}}}}},
                           {"ports", {{{"port", 8080}}}}}}}}));
            break;
        case 2:  // batch pods may only reach the corporate network (minus a range) and DNS
            add(policy(ns, name,
                       {{"podSelector", {{"matchLabels", {{"app", "batch"}}}}},
                        {"policyTypes", {"Egress"}},
                        {"egress",
                         {{{"to", {{{"ipBlock", {{"cidr", "10.0.0.0/8"}, {"except", {"10.96.0.0/12"}}}}}}}},
                          {{"to", {nsPeer("kubesphere.io/namespace", "kube-system")}},
                           {"ports", {{{"port", 53}, {"protocol", "UDP"}}, {{"port", 53}, {"protocol", "TCP"}}}}}}}}));
            break;
        case 3:  // databases: 5432 from the workspace, NodePort-like range from anywhere
            add(policy(ns, name,
                       {{"podSelector", {{"matchExpressions", {{{"key", "app"}, {"operator", "In"}, {"values", {"db", "cache"}}}}}}},
                        {"ingress",
                         {{{"from", {nsPeer("kubesphere.io/workspace", ns.substr(0, ns.find('-')))}}, {"ports", {{{"port", 5432}}}}},
                          {{"ports", {{{"port", 30000}, {"endPort", 32767}}}}}}}}));
            break;
        case 4:  // metrics by name from the monitoring project
            add(policy(ns, name,
                       {{"podSelector", json::object()},
                        {"ingress", {{{"from", {nsPeer("kubesphere.io/namespace", "kubesphere-system")}},
                                      {"ports", {{{"port", "metrics"}}}}}}}}));
            break;
        }
    }
    return s;
}

} // namespace

int main()
{
    const Synthetic s = synthesize(50, 10, 2000);

    double c0 = cpuMs();
    auto t0 = Clock::now();
    NetworkPolicySet set;
    for (const auto &[ns, labels] : s.namespaces)
        set.setNamespace(ns, labels);
    for (const auto &p : s.policies)
        if (auto ok = set.addPolicy(p); !ok) {
            std::fprintf(stderr, "policy refused: %s\n", ok.error().message.c_str());
            return 1;
        }
    const double buildMs = msSince(t0), buildCpu = cpuMs() - c0;

    c0 = cpuMs();
    t0 = Clock::now();
    const FlowMap flows = computeFlows(set);
    const double flowsMs = msSince(t0), flowsCpu = cpuMs() - c0;
    std::size_t some = 0, all = 0;
    for (const auto &f : flows.restrictedFlows())
        (f.reach == Reach::Some ? some : all)++;
    const std::size_t none = flows.noneFlows().size();

    std::mt19937 rng(7);
    const std::vector<Labels> podLabels = {{}, {{"app", "web"}}, {{"role", "frontend"}}, {{"app", "db"}}, {{"app", "batch"}}};
    const std::vector<TrafficPort> ports = {{80, "TCP", ""}, {8080, "TCP", "http"}, {5432, "TCP", ""},
                                            {53, "UDP", ""}, {31000, "TCP", ""}, {9100, "TCP", "metrics"}};
    int allowed = 0;
    c0 = cpuMs();
    t0 = Clock::now();
    for (int i = 0; i < 1000; ++i) {
        const auto &from = s.namespaces[std::size_t(rng()) % s.namespaces.size()].first;
        const auto &to = s.namespaces[std::size_t(rng()) % s.namespaces.size()].first;
        const Decision d = set.decide(Endpoint{from, podLabels[std::size_t(rng()) % podLabels.size()], "10.1.2.3"},
                                      Endpoint{to, podLabels[std::size_t(rng()) % podLabels.size()], "10.4.5.6"},
                                      ports[std::size_t(rng()) % ports.size()]);
        allowed += d.allowed ? 1 : 0;
    }
    const double decideMs = msSince(t0), decideCpu = cpuMs() - c0;

    std::printf("network policies: %zu namespaces, %zu policies; %zu restricted pairs (all %zu, some %zu, none %zu)\n",
                s.namespaces.size(), set.policyCount(), all + some + none, all, some, none);
    std::printf("| measure                                  | CPU / wall          | target  |\n");
    std::printf("|------------------------------------------|---------------------|---------|\n");
    std::printf("| NetworkPolicySet build (%4zu policies)    | %7.1f / %7.1f ms | -       |\n", set.policyCount(), buildCpu, buildMs);
    std::printf("| computeFlows (%zu x %zu namespaces)       | %7.1f / %7.1f ms | <= 1 s  |\n", s.namespaces.size(),
                s.namespaces.size(), flowsCpu, flowsMs);
    std::printf("| 1,000 decide() calls (%3d allowed)       | %7.2f / %7.2f ms | -       |\n", allowed, decideCpu, decideMs);
    std::printf("| per decide()                             | %7.2f / %7.2f us | -       |\n", decideCpu, decideMs);
    return 0;
}
