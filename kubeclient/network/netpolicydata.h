// The parsed form of a NetworkPolicySet, shared by the evaluator (decide) and computeFlows:
// policies with their selectors, peers and ports already checked, indexed by namespace.
#pragma once

#include "kubeclient/network/ipblock.h"
#include "kubeclient/network/netpolicy.h"
#include "kubeclient/network/netselector.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kube::net {

struct PolicyPeer {
    // Pods: podSelector and/or namespaceSelector (at least one set).
    std::optional<Selector> podSelector;
    std::optional<Selector> namespaceSelector;
    int namespaceSelectorId = -1;  // distinct namespaceSelectors share an id (computeFlows caches)
    std::optional<IpBlock> ipBlock;
};

struct PolicyPort {
    std::string protocol = "TCP";
    bool anyPort = true;  // no port: every port of the protocol
    int port = 0;         // numeric port, or 0 with `name`
    int endPort = 0;      // 0: a single port
    std::string name;     // named port

    bool matches(const TrafficPort &p) const;
    std::string toString() const;  // "80/TCP", "8000-8080/TCP", "http/TCP", "all TCP ports"
};

struct PolicyRule {
    bool allPeers = true;  // from/to absent or empty
    std::vector<PolicyPeer> peers;
    bool allPorts = true;  // ports absent or empty
    std::vector<PolicyPort> ports;

    // No ports listed, or one of them takes this port.
    bool takesPort(const TrafficPort &port) const
    {
        if (allPorts)
            return true;
        for (const PolicyPort &p : ports)
            if (p.matches(port))
                return true;
        return false;
    }
};

struct ParsedPolicy {
    std::string ns;
    std::string name;
    Selector podSelector;
    bool ingress = false;  // policyTypes holds Ingress
    bool egress = false;
    std::vector<PolicyRule> ingressRules;
    std::vector<PolicyRule> egressRules;
    nlohmann::json object;

    const std::vector<PolicyRule> &rules(Direction d) const { return d == Direction::Ingress ? ingressRules : egressRules; }
    bool has(Direction d) const { return d == Direction::Ingress ? ingress : egress; }
};

struct NetworkPolicySet::Data {
    std::map<std::string, Labels> namespaces;  // with kubernetes.io/metadata.name
    std::vector<ParsedPolicy> policies;        // index = policy id
    std::map<std::string, std::map<std::string, std::size_t>> byNamespace;  // ns -> name -> id
    std::map<std::string, int> namespaceSelectorIds;  // Selector::key() -> id
    std::vector<Selector> namespaceSelectorById;

    // Labels of a namespace; an unknown one has only its name label.
    Labels labelsOf(const std::string &ns) const;
};

// Does the peer (of a policy in `policyNs`) match this endpoint? `nsLabels` are the endpoint
// namespace's labels.
bool peerMatches(const PolicyPeer &peer, const std::string &policyNs, const Endpoint &endpoint, const Labels &nsLabels);

} // namespace kube::net
