// The graph's namespaces (with their labels) and NetworkPolicies as a NetworkPolicySet: the one
// adapter the allowed-traffic graph, `tenantryctl can-reach` and `tenantryctl flows` share.
#pragma once

#include "kubeclient/network/netpolicy.h"
#include "kubeclient/tenancy/graph/graphsnapshot.h"

#include <string>
#include <vector>

namespace kube::tenancy {

// Every Namespace of the graph (projects and namespaces outside workspaces alike) with its
// labels, and every NetworkPolicy. A policy the evaluator cannot read is left out with a
// warning naming it and the field ("NetworkPolicy ns/p: spec.ingress[0].ports[0].port: ...");
// so are facts the answer lacks (NetworkPolicies or Namespaces not listed, namespaces known
// only from the reach rule, whose labels are unknown). KubeSphere's NamespaceNetworkPolicies
// are not evaluated: its controller turns them into the NetworkPolicies read here.
kube::net::NetworkPolicySet networkOf(const GraphSnapshot &graph, std::vector<std::string> *warnings = nullptr);

// A graph of offline objects (manifests: Lists already expanded): every object whose kind the
// graph knows, by kind; Namespace and NetworkPolicy count as read even when none is given.
GraphSnapshot graphOfObjects(const std::vector<nlohmann::json> &objects, ApiFlavor flavor = ApiFlavor::V4);

} // namespace kube::tenancy
