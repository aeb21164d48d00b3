// A synthetic tenancy with NetworkPolicies for the allowed-traffic graph, shared by
// bench_traffic (its sizes) and the GUI tests that need a computation long enough to cancel.
#pragma once

#include "kubeclient/tenancy/graph/tenancygraph.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace synthetictraffic {

using namespace kube::tenancy;
using nlohmann::json;

inline GraphObject object(json o)
{
    static int rv = 1;
    o["metadata"]["resourceVersion"] = std::to_string(++rv);
    return kube::freeze(std::move(o));
}

inline json nsPeer(const std::string &key, const std::string &value) { return {{"namespaceSelector", {{"matchLabels", {{key, value}}}}}}; }

// Four policies per project, as a tenancy with isolation and a few service links has them:
// workspace isolation (ingress from the workspace and kubesphere-system), a port-limited link
// from a project of another workspace to app=api pods, an egress allow-list for a third of the
// projects (own workspace, DNS in kube-system), a metrics scrape from the monitoring namespace
// on a port range.
inline void synthesize(TenancyGraph &g, int workspaces, int perWorkspace, int *policies)
{
    for (GraphKind k : {GraphKind::Namespace, GraphKind::WorkspaceTemplate, GraphKind::Workspace, GraphKind::NetworkPolicy})
        g.resync(k, {});
    std::vector<TenancyGraph::Event> batch;
    auto nsObject = [](const std::string &name, const std::string &ws) {
        json o = {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", name}}}};
        o["metadata"]["labels"]["kubernetes.io/metadata.name"] = name;
        o["metadata"]["labels"]["kubesphere.io/namespace"] = name;
        if (!ws.empty())
            o["metadata"]["labels"]["kubesphere.io/workspace"] = ws;
        return object(o);
    };
    auto policy = [&](const std::string &ns, const std::string &name, json spec) {
        batch.push_back(TenancyGraph::Event::upsert(
            GraphKind::NetworkPolicy, object({{"apiVersion", "networking.k8s.io/v1"},
                                              {"kind", "NetworkPolicy"},
                                              {"metadata", {{"name", name}, {"namespace", ns}}},
                                              {"spec", std::move(spec)}})));
        ++*policies;
    };
    for (const char *system : {"kube-system", "kubesphere-system", "monitoring"})
        batch.push_back(TenancyGraph::Event::upsert(GraphKind::Namespace, nsObject(system, "")));
    const int total = workspaces * perWorkspace;
    auto nameOf = [&](int i) { return "ws" + std::to_string(i / perWorkspace) + "-p" + std::to_string(i % perWorkspace); };
    for (int w = 0; w < workspaces; ++w) {
        const std::string ws = "ws" + std::to_string(w);
        batch.push_back(TenancyGraph::Event::upsert(
            GraphKind::WorkspaceTemplate,
            object({{"apiVersion", "tenant.kubesphere.io/v1beta1"},
                    {"kind", "WorkspaceTemplate"},
                    {"metadata", {{"name", ws}, {"annotations", {{"kubesphere.io/network-isolate", "enabled"}}}}},
                    {"spec", {{"template", {{"spec", {{"manager", "admin"}}}}}}}})));
    }
    for (int i = 0; i < total; ++i) {
        const std::string ns = nameOf(i), ws = "ws" + std::to_string(i / perWorkspace);
        batch.push_back(TenancyGraph::Event::upsert(GraphKind::Namespace, nsObject(ns, ws)));
        auto rule = [](json peers, json ports = json()) {
            json r = {{"from", std::move(peers)}};
            if (!ports.is_null())
                r["ports"] = std::move(ports);
            return r;
        };
        auto port = [](int number, const char *protocol) { return json{{"port", number}, {"protocol", protocol}}; };
        auto spec = [](json podSelector, const char *type, const char *key, json rules) {
            return json{{"podSelector", std::move(podSelector)}, {"policyTypes", json::array({type})}, {key, std::move(rules)}};
        };
        policy(ns, "nsnp-network-isolate",
               spec(json::object(), "Ingress", "ingress",
                    json::array({rule(json::array({nsPeer("kubesphere.io/workspace", ws),
                                                   nsPeer("kubesphere.io/namespace", "kubesphere-system")}))})));
        const std::string peer = nameOf((i * 7 + perWorkspace + 3) % total);
        policy(ns, "from-" + peer,
               spec(json{{"matchLabels", {{"app", "api"}}}}, "Ingress", "ingress",
                    json::array({rule(json::array({nsPeer("kubernetes.io/metadata.name", peer)}), json::array({port(8080, "TCP")}))})));
        if (i % 3 == 0) {
            json toWorkspace = {{"to", json::array({nsPeer("kubesphere.io/workspace", ws)})}};
            json dns = {{"to", json::array({nsPeer("kubernetes.io/metadata.name", "kube-system")})},
                        {"ports", json::array({port(53, "UDP"), port(53, "TCP")})}};
            policy(ns, "egress-allow-list", spec(json::object(), "Egress", "egress", json::array({toWorkspace, dns})));
        } else {
            json block = {{"ipBlock", {{"cidr", "0.0.0.0/0"}, {"except", json::array({"169.254.169.254/32"})}}}};
            policy(ns, "deny-egress-to-metadata",
                   spec(json{{"matchLabels", {{"tier", "frontend"}}}}, "Egress", "egress",
                        json::array({json{{"to", json::array({block})}}})));
        }
        json metricsPort = {{"port", 9090}, {"endPort", 9099}, {"protocol", "TCP"}};
        policy(ns, "metrics",
               spec(json::object(), "Ingress", "ingress",
                    json::array({rule(json::array({nsPeer("kubernetes.io/metadata.name", "monitoring")}), json::array({metricsPort}))})));
    }
    g.apply(batch);
}

} // namespace synthetictraffic
