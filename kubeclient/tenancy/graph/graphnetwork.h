// TEMPORARY — the network engineer's header (branch h-net) replaces this file: the adapter
// from a tenancy graph snapshot to the NetworkPolicy evaluator's input.
#pragma once

#include "kubeclient/network/netpolicy.h"
#include "kubeclient/tenancy/graph/graphsnapshot.h"

namespace kube::tenancy {

// Every namespace of the snapshot with its labels, and its NetworkPolicies.
kube::net::NetworkPolicySet networkOf(const GraphSnapshot &snapshot);

} // namespace kube::tenancy
