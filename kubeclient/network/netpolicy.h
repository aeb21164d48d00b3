// A NetworkPolicy evaluator (networking.k8s.io/v1 semantics, no network plugin needed): given
// namespaces with their labels, endpoints (a namespace plus pod labels, or an IP) and
// policies, decide whether traffic A -> B on a port is allowed and name the rules that decide
// (egress at the source, ingress at the destination). The same engine answers the window's
// allowed-traffic graph, `tenantryctl can-reach` and `tenantryctl flows`.
//
// CONTRACT (lead): the names below are used by models/views; the implementation may add
// members but must keep these.
//
// Semantics (networking.k8s.io/v1): a policy applies to the pods of its namespace that
// spec.podSelector selects; policyTypes defaults to [Ingress], plus Egress when spec.egress has
// a rule. A pod selected by some policy of a type is isolated for that direction, and traffic
// in that direction is then allowed only if some rule of such a policy allows it (the union).
// A connection is allowed iff egress at the source and ingress at the destination allow it.
// Choices where the API leaves room:
// - An endpoint with an empty namespace is outside the cluster's pods: no policy applies at its
//   side, and it matches only ipBlock peers (by Endpoint::ip).
// - ipBlock peers match any endpoint whose ip lies in cidr and in no except, pods included
//   when their IP is given (as the e2e suite's CIDR tests expect).
// - Endpoints are distinct pods: a pod talking to itself (loopback) is allowed by every
//   plugin whatever the policies say, and is not asked here (the e2e suite's AllowLoopback).
// - A namespace not given with setNamespace has only kubernetes.io/metadata.name.
//
// computeFlows (namespace granularity) is exact, not sampled: for a pair A -> B the decision
// depends on a source pod only through which selectors it satisfies (podSelectors of A's egress
// policies, podSelectors of B's ingress peers that take A), likewise for a destination pod, and
// on a port only through which rule ports take it. So it evaluates representative pods, one per
// combination of those answers (built from the keys and values the selectors name, each key
// absent, set to a named value, or set to another value "<other>"), against representative
// ports (per protocol a port starting each range the rules' ports and endPorts cut out, with
// and without each port name the rules use, plus one protocol no rule names). Reach is All when
// every combination is allowed, None when none is, Some otherwise. Beyond 4,096 label
// combinations on one side it falls back to a pod without labels, one witness per selector and
// their pairwise unions (may then miss a Some). ipBlock peers take no pod at namespace
// granularity (pods have no addresses here). Pairs whose source has no egress policy (or whose
// destination has no ingress policy) are evaluated once per distinct set of namespaceSelectors
// taking the other namespace, so an isolated cluster of 500 projects costs a few thousand
// evaluations, not 250,000.
#pragma once

#include "kubeclient/core/canceltoken.h"
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

const char *toString(Direction direction);  // "ingress" / "egress"

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

    // The names of the policies of a namespace, sorted.
    std::vector<std::string> policyNames(const std::string &ns) const;
    // A one-line rendering of a rule for explanations: "from ns{kubesphere.io/workspace=ws1};
    // ports 80/TCP" (rule -1: "selects pods {app=web}, allows nothing by itself"). "" if unknown.
    std::string ruleText(const RuleRef &ref) const;
    // Whether some policy of the namespace selects any pod for that direction.
    bool restricts(const std::string &ns, Direction direction) const;

    struct Data;  // parsed policies and indexes (netpolicydata.h), shared with computeFlows

    const Data &data() const { return *d; }

private:
    std::unique_ptr<Data> d;
};

// Namespace-granularity reach of A -> B.
enum class Reach {
    None,  // no pod of A may reach any pod of B on any port
    Some,  // only some pods or some ports
    All,   // every pod of A may reach every pod of B on every port
};

const char *toString(Reach reach);  // "none" / "some" / "all"

struct NamespaceFlow {
    std::string from;
    std::string to;
    Reach reach = Reach::None;
    std::vector<RuleRef> egressRules;   // rules at the source that allow some of it
    std::vector<RuleRef> ingressRules;  // rules at the destination that allow some of it
    std::string detail;                 // for Some: what is limited ("pods app=web", "ports 80/TCP")
                                        // (None: what denies it; All: "every pod, every port")
};

// Flows among a set of namespaces. Pairs where neither side is restricted (the source has no
// egress policy and the destination no ingress policy) are not stored: they are Reach::All.
class FlowMap
{
public:
    const std::vector<std::string> &namespaces() const { return m_namespaces; }
    // computeFlows was stopped by its cancel token: the pairs are incomplete.
    bool cancelled() const { return m_cancelled; }
    // No policy selects any pod of the namespace for that direction.
    bool ingressOpen(const std::string &ns) const;
    bool egressOpen(const std::string &ns) const;
    // Every stored (restricted) pair with reach Some or All, sorted by (from, to).
    const std::vector<NamespaceFlow> &restrictedFlows() const { return m_flows; }
    // Any pair (unrestricted pairs answered as All).
    NamespaceFlow flow(const std::string &from, const std::string &to) const;
    // Every restricted pair with reach None, sorted by (from, to), built on demand (in a cluster
    // of isolated projects most pairs are None: they are kept compact, not as records).
    std::vector<NamespaceFlow> noneFlows() const;

private:
    friend FlowMap computeFlows(const NetworkPolicySet &, const std::vector<std::string> &, const CancelToken *);
    std::vector<std::string> m_namespaces;
    std::map<std::string, std::pair<bool, bool>> m_open;  // ns -> (ingressOpen, egressOpen)
    std::vector<NamespaceFlow> m_flows;
    // Restricted pairs with Reach::None, compact (most pairs of an isolated cluster are None):
    // indexes into m_namespaces and into m_noneReasons, sorted; flow() builds the record.
    struct NoneFlow {
        std::uint32_t from = 0;
        std::uint32_t to = 0;
        std::uint32_t reason = 0;
        auto operator<=>(const NoneFlow &) const = default;
    };
    std::vector<NoneFlow> m_none;
    std::vector<std::string> m_noneReasons;
    bool m_cancelled = false;
    std::map<std::string, std::uint32_t> m_index;  // namespace -> index in m_namespaces
};

// Flows among `namespaces` (all the set's namespaces when empty). `cancel`, checked once per
// source namespace, stops it early (FlowMap::cancelled; the caller discards the map).
FlowMap computeFlows(const NetworkPolicySet &set, const std::vector<std::string> &namespaces = {},
                     const CancelToken *cancel = nullptr);

} // namespace kube::net
