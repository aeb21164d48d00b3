// tenantryctl's network questions as data: `can-reach` arguments parsed (labels, port), the
// verdict explained line by line, and `flows` as a table or JSON, all from the one evaluator
// (kube::net) the window's traffic graph uses.
#pragma once

#include "commandargs.h"

#include "kubeclient/core/result.h"
#include "kubeclient/network/netpolicy.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace ctl {

struct CanReachQuery {
    kube::net::Endpoint from;
    kube::net::Endpoint to;
    kube::net::TrafficPort port;  // 80/TCP unless --port says otherwise
};

// "app=web,tier=db" ("" = no labels). The error names `flag`.
kube::Result<kube::net::Labels> parseLabelList(const std::string &text, const std::string &flag);
// "8080", "53/UDP", "3868/sctp".
kube::Result<kube::net::TrafficPort> parsePortFlag(const std::string &text);
// FROM_NS TO_NS [--from-labels] [--to-labels] [--port].
kube::Result<CanReachQuery> parseCanReach(const CommandArgs &args);

// The --explain lines: the egress verdict at the source and the ingress verdict at the
// destination, each with the policies and rules that decide.
std::vector<std::string> explainDecision(const kube::net::NetworkPolicySet &set, const CanReachQuery &query,
                                         const kube::net::Decision &decision);

// `flows`: the namespaces shown (all, or those of one workspace as sources or destinations).
struct FlowsView {
    std::vector<std::string> namespaces;                       // rows of the namespace table
    std::function<std::string(const std::string &)> workspaceOf;  // "" outside workspaces
    std::vector<kube::net::NamespaceFlow> flows;               // restricted pairs shown, sorted
};
FlowsView flowsView(const kube::net::NetworkPolicySet &set, const kube::net::FlowMap &map,
                    const std::function<std::string(const std::string &)> &workspaceOf, const std::string &workspace);
void printFlowsTable(FILE *out, const kube::net::FlowMap &map, const FlowsView &view);
nlohmann::json flowsJson(const kube::net::NetworkPolicySet &set, const kube::net::FlowMap &map, const FlowsView &view,
                         const std::vector<std::string> &warnings);

} // namespace ctl
