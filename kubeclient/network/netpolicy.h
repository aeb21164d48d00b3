// A NetworkPolicy evaluator (networking.k8s.io/v1 semantics, no network plugin needed): given
// namespaces with their labels, endpoints (a namespace plus pod labels, or an IP) and
// policies, decide whether traffic A -> B on a port is allowed and name the rules that decide
// (egress at the source, ingress at the destination). The same engine answers the window's
// allowed-traffic graph, `tenantryctl can-reach` and `tenantryctl flows`.
//
// CONTRACT (lead): the names below are used by models/views; the implementation may add
// members but must keep these.
#pragma once

#include "kubeclient/core/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kube::net {

using Labels = std::map<std::string, std::string>;

enum class Direction { Ingress, Egress };

// The port a connection goes to. `name` is the destination container's port name, used
// only by rules that name ports ("http"); empty when the destination names none.
struct TrafficPort {
    int number = 80;
    std::string protocol = "TCP";  // TCP | UDP | SCTP
    std::string name;
};

// One side of a connection: a pod (namespace + labels) or, with an empty namespace, an
// address outside the cluster's pods (matched only by ipBlock peers).
struct Endpoint {
    std::string ns;
    Labels pod;
    std::string ip;  // optional for pods; required for external endpoints
};

// A rule of a policy: rule is the index into spec.ingress / spec.egress, or -1 when the
// policy selects the pod for that direction but allows nothing (default deny).
struct RuleRef {
    std::string ns;
    std::string policy;
    Direction direction = Direction::Ingress;
    int rule = -1;
    bool operator==(const RuleRef &other) const = default;
};

struct Decision {
    bool allowed = false;
    bool egressIsolated = false;   // some policy selects the source pod for Egress
    bool ingressIsolated = false;  // some policy selects the destination pod for Ingress
    bool egressAllowed = false;    // not isolated, or a rule allows it
    bool ingressAllowed = false;
    std::vector<RuleRef> egressAllowedBy;    // rules that allow (empty when not isolated)
    std::vector<RuleRef> ingressAllowedBy;
    std::vector<RuleRef> egressSelectedBy;   // policies (rule = -1) that isolate the source
    std::vector<RuleRef> ingressSelectedBy;  // policies (rule = -1) that isolate the destination
};

class NetworkPolicySet
{
public:
    NetworkPolicySet();
    ~NetworkPolicySet();
    NetworkPolicySet(const NetworkPolicySet &);
    NetworkPolicySet &operator=(const NetworkPolicySet &);
    NetworkPolicySet(NetworkPolicySet &&) noexcept;
    NetworkPolicySet &operator=(NetworkPolicySet &&) noexcept;

    // A namespace and its labels (kubernetes.io/metadata.name=<name> is implied, as the API
    // server sets it).
    void setNamespace(const std::string &name, Labels labels);
    // A networking.k8s.io/v1 NetworkPolicy object. An object the evaluator cannot interpret
    // is refused with an error naming the field ("spec.ingress[0].ports[1].port: ...").
    Result<void> addPolicy(const nlohmann::json &policy);

    std::vector<std::string> namespaces() const;  // sorted
    const Labels *namespaceLabels(const std::string &name) const;
    std::size_t policyCount() const;
    // The policy object as added; nullptr when unknown.
    const nlohmann::json *policy(const std::string &ns, const std::string &name) const;

    Decision decide(const Endpoint &from, const Endpoint &to, const TrafficPort &port) const;

private:
    struct Data;
    std::unique_ptr<Data> d;
};

// Namespace-granularity reach of A -> B.
enum class Reach {
    None,  // no pod of A may reach any pod of B on any port
    Some,  // only some pods or some ports
    All,   // every pod of A may reach every pod of B on every port
};

struct NamespaceFlow {
    std::string from;
    std::string to;
    Reach reach = Reach::None;
    std::vector<RuleRef> egressRules;   // rules at the source that allow some of it
    std::vector<RuleRef> ingressRules;  // rules at the destination that allow some of it
    std::string detail;                 // for Some: what is limited ("pods app=web", "ports 80/TCP")
};

// Flows among a set of namespaces. Pairs where neither side is restricted (the source has no
// egress policy and the destination no ingress policy) are not stored: they are Reach::All.
class FlowMap
{
public:
    const std::vector<std::string> &namespaces() const { return m_namespaces; }
    // No policy selects any pod of the namespace for that direction.
    bool ingressOpen(const std::string &ns) const;
    bool egressOpen(const std::string &ns) const;
    // Every stored (restricted) pair with reach Some or All, sorted by (from, to).
    const std::vector<NamespaceFlow> &restrictedFlows() const { return m_flows; }
    // Any pair (unrestricted pairs answered as All).
    NamespaceFlow flow(const std::string &from, const std::string &to) const;

private:
    friend FlowMap computeFlows(const NetworkPolicySet &, const std::vector<std::string> &);
    std::vector<std::string> m_namespaces;
    std::map<std::string, std::pair<bool, bool>> m_open;  // ns -> (ingressOpen, egressOpen)
    std::vector<NamespaceFlow> m_flows;
    std::vector<NamespaceFlow> m_none;  // restricted pairs with Reach::None (for flow())
};

// Flows among `namespaces` (all the set's namespaces when empty).
FlowMap computeFlows(const NetworkPolicySet &set, const std::vector<std::string> &namespaces = {});

} // namespace kube::net
