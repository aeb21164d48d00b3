// NetworkPolicySet: parsing networking.k8s.io/v1 NetworkPolicies (with the API server's
// validation rules that matter for evaluation, errors naming the field) and deciding one
// connection: egress at the source AND ingress at the destination.
#include "kubeclient/network/netpolicy.h"

#include "kubeclient/network/netpolicydata.h"

#include <algorithm>
#include <cctype>

namespace kube::net {

namespace {

constexpr const char *kNameLabel = "kubernetes.io/metadata.name";

Error invalid(const std::string &field, const std::string &message)
{
    return Error::make(ErrorKind::Invalid, field + ": " + message, field);
}

// IANA_SVC_NAME as the API validates named ports: 1-15 characters, lower-case letters, digits
// and '-', at least one letter, no leading, trailing or double '-'.
bool validPortName(const std::string &s)
{
    if (s.empty() || s.size() > 15 || s.front() == '-' || s.back() == '-' || s.find("--") != std::string::npos)
        return false;
    bool letter = false;
    for (char c : s) {
        if (std::islower(static_cast<unsigned char>(c)))
            letter = true;
        else if (!std::isdigit(static_cast<unsigned char>(c)) && c != '-')
            return false;
    }
    return letter;
}

Result<PolicyPort> parsePort(const nlohmann::json &j, const std::string &at)
{
    PolicyPort p;
    if (!j.is_object())
        return invalid(at, "must be an object with protocol, port and endPort");
    if (auto it = j.find("protocol"); it != j.end() && !it->is_null()) {
        const std::string proto = it->is_string() ? it->get<std::string>() : "";
        if (proto != "TCP" && proto != "UDP" && proto != "SCTP")
            return invalid(at + ".protocol", "must be TCP, UDP or SCTP, not " + (it->is_string() ? "\"" + proto + "\"" : it->dump()));
        p.protocol = proto;
    }
    if (auto it = j.find("port"); it != j.end() && !it->is_null()) {
        p.anyPort = false;
        if (it->is_number_integer()) {
            const long long n = it->get<long long>();
            if (n < 1 || n > 65535)
                return invalid(at + ".port", "must be between 1 and 65535, not " + std::to_string(n));
            p.port = int(n);
        } else if (it->is_string()) {
            const std::string s = it->get<std::string>();
            // "8080" as a string is what an int-or-string port of a YAML manifest may hold.
            if (!s.empty() && s.find_first_not_of("0123456789") == std::string::npos) {
                const long long n = s.size() > 6 ? 0 : std::stoll(s);
                if (n < 1 || n > 65535)
                    return invalid(at + ".port", "must be between 1 and 65535, not " + s);
                p.port = int(n);
            } else if (!validPortName(s)) {
                return invalid(at + ".port", "\"" + s + "\" is neither a port number nor a port name (at most 15 "
                                             "lower-case letters, digits and '-', with a letter)");
            } else {
                p.name = s;
            }
        } else {
            return invalid(at + ".port", "must be a number or a port name");
        }
    }
    if (auto it = j.find("endPort"); it != j.end() && !it->is_null()) {
        if (!it->is_number_integer())
            return invalid(at + ".endPort", "must be a number");
        const long long n = it->get<long long>();
        if (p.anyPort || !p.name.empty())
            return invalid(at + ".endPort", "may only be set with a numeric port");
        if (n < p.port || n > 65535)
            return invalid(at + ".endPort", "must be between port (" + std::to_string(p.port) + ") and 65535, not "
                                                + std::to_string(n));
        if (n > p.port)
            p.endPort = int(n);
    }
    return p;
}

Result<PolicyPeer> parsePeer(const nlohmann::json &j, const std::string &at)
{
    PolicyPeer peer;
    if (!j.is_object())
        return invalid(at, "must be an object with podSelector, namespaceSelector or ipBlock");
    auto present = [&](const char *key) { return j.contains(key) && !j[key].is_null(); };
    if (present("podSelector")) {
        auto s = Selector::parse(j["podSelector"], at + ".podSelector");
        if (!s)
            return s.error();
        peer.podSelector = std::move(*s);
    }
    if (present("namespaceSelector")) {
        auto s = Selector::parse(j["namespaceSelector"], at + ".namespaceSelector");
        if (!s)
            return s.error();
        peer.namespaceSelector = std::move(*s);
    }
    if (present("ipBlock")) {
        if (peer.podSelector || peer.namespaceSelector)
            return invalid(at, "may not specify ipBlock together with podSelector or namespaceSelector");
        const auto &b = j["ipBlock"];
        if (!b.is_object() || !b.contains("cidr") || !b["cidr"].is_string())
            return invalid(at + ".ipBlock.cidr", "required");
        auto cidr = Cidr::parse(b["cidr"].get<std::string>(), at + ".ipBlock.cidr");
        if (!cidr)
            return cidr.error();
        IpBlock block{*cidr, {}};
        if (auto ex = b.find("except"); ex != b.end() && !ex->is_null()) {
            if (!ex->is_array())
                return invalid(at + ".ipBlock.except", "must be a list of CIDRs");
            for (std::size_t i = 0; i < ex->size(); ++i) {
                const std::string f = at + ".ipBlock.except[" + std::to_string(i) + "]";
                if (!(*ex)[i].is_string())
                    return invalid(f, "must be a CIDR string");
                auto e = Cidr::parse((*ex)[i].get<std::string>(), f);
                if (!e)
                    return e.error();
                if (!(block.cidr.contains(*e) && e->prefix > block.cidr.prefix))
                    return invalid(f, "must be a strict subset of cidr " + block.cidr.toString());
                block.except.push_back(*e);
            }
        }
        peer.ipBlock = std::move(block);
    }
    if (!peer.podSelector && !peer.namespaceSelector && !peer.ipBlock)
        return invalid(at, "must specify a peer (podSelector, namespaceSelector or ipBlock)");
    return peer;
}

Result<PolicyRule> parseRule(const nlohmann::json &j, const std::string &at, const char *peersKey)
{
    PolicyRule rule;
    if (!j.is_object())
        return invalid(at, "must be an object");
    if (auto it = j.find(peersKey); it != j.end() && !it->is_null()) {
        if (!it->is_array())
            return invalid(at + "." + peersKey, "must be a list of peers");
        for (std::size_t i = 0; i < it->size(); ++i) {
            auto peer = parsePeer((*it)[i], at + "." + peersKey + "[" + std::to_string(i) + "]");
            if (!peer)
                return peer.error();
            rule.peers.push_back(std::move(*peer));
        }
        rule.allPeers = rule.peers.empty();
    }
    if (auto it = j.find("ports"); it != j.end() && !it->is_null()) {
        if (!it->is_array())
            return invalid(at + ".ports", "must be a list");
        for (std::size_t i = 0; i < it->size(); ++i) {
            auto port = parsePort((*it)[i], at + ".ports[" + std::to_string(i) + "]");
            if (!port)
                return port.error();
            rule.ports.push_back(std::move(*port));
        }
        rule.allPorts = rule.ports.empty();
    }
    return rule;
}

Result<std::vector<PolicyRule>> parseRules(const nlohmann::json &spec, const char *key, const char *peersKey)
{
    std::vector<PolicyRule> out;
    auto it = spec.find(key);
    if (it == spec.end() || it->is_null())
        return out;
    if (!it->is_array())
        return invalid(std::string("spec.") + key, "must be a list of rules");
    for (std::size_t i = 0; i < it->size(); ++i) {
        auto rule = parseRule((*it)[i], std::string("spec.") + key + "[" + std::to_string(i) + "]", peersKey);
        if (!rule)
            return rule.error();
        out.push_back(std::move(*rule));
    }
    return out;
}

std::string peerText(const PolicyPeer &p, const std::string &policyNs)
{
    if (p.ipBlock)
        return "ipBlock " + p.ipBlock->toString();
    if (p.namespaceSelector && p.podSelector)
        return "pods{" + p.podSelector->toString() + "} in ns{" + p.namespaceSelector->toString() + "}";
    if (p.namespaceSelector)
        return "ns{" + p.namespaceSelector->toString() + "}";
    return "pods{" + p.podSelector->toString() + "} of " + policyNs;
}

} // namespace

const char *toString(Direction direction) { return direction == Direction::Ingress ? "ingress" : "egress"; }

bool PolicyPort::matches(const TrafficPort &p) const
{
    if (p.protocol != protocol)
        return false;
    if (anyPort)
        return true;
    if (!name.empty())
        return p.name == name;
    return endPort ? p.number >= port && p.number <= endPort : p.number == port;
}

std::string PolicyPort::toString() const
{
    if (anyPort)
        return "all " + protocol + " ports";
    if (!name.empty())
        return name + "/" + protocol;
    return std::to_string(port) + (endPort ? "-" + std::to_string(endPort) : "") + "/" + protocol;
}

Labels NetworkPolicySet::Data::labelsOf(const std::string &ns) const
{
    auto it = namespaces.find(ns);
    if (it != namespaces.end())
        return it->second;
    return {{kNameLabel, ns}};
}

bool peerMatches(const PolicyPeer &peer, const std::string &policyNs, const Endpoint &endpoint, const Labels &nsLabels)
{
    if (peer.ipBlock) {
        if (endpoint.ip.empty())
            return false;
        const auto ip = IpAddress::parse(endpoint.ip);
        return ip && peer.ipBlock->contains(*ip);
    }
    if (endpoint.ns.empty())
        return false;  // selectors pick pods; an address outside the pods matches only ipBlocks
    if (peer.namespaceSelector) {
        if (!peer.namespaceSelector->matches(nsLabels))
            return false;
    } else if (endpoint.ns != policyNs) {
        return false;  // podSelector alone: pods of the policy's own namespace
    }
    return !peer.podSelector || peer.podSelector->matches(endpoint.pod);
}

NetworkPolicySet::NetworkPolicySet() : d(std::make_unique<Data>()) {}
NetworkPolicySet::~NetworkPolicySet() = default;
NetworkPolicySet::NetworkPolicySet(const NetworkPolicySet &other) : d(std::make_unique<Data>(*other.d)) {}
NetworkPolicySet &NetworkPolicySet::operator=(const NetworkPolicySet &other)
{
    if (this != &other)
        d = std::make_unique<Data>(*other.d);
    return *this;
}
NetworkPolicySet::NetworkPolicySet(NetworkPolicySet &&other) noexcept : d(std::move(other.d)) {}
NetworkPolicySet &NetworkPolicySet::operator=(NetworkPolicySet &&other) noexcept
{
    d = std::move(other.d);
    return *this;
}

void NetworkPolicySet::setNamespace(const std::string &name, Labels labels)
{
    if (!d)
        d = std::make_unique<Data>();
    labels[kNameLabel] = name;
    d->namespaces[name] = std::move(labels);
}

Result<void> NetworkPolicySet::addPolicy(const nlohmann::json &object)
{
    if (!d)
        d = std::make_unique<Data>();
    if (!object.is_object())
        return invalid("NetworkPolicy", "must be an object");
    const auto kind = object.value("kind", std::string("NetworkPolicy"));
    if (kind != "NetworkPolicy")
        return invalid("kind", "must be NetworkPolicy, not \"" + kind + "\"");
    const auto apiVersion = object.value("apiVersion", std::string("networking.k8s.io/v1"));
    if (apiVersion != "networking.k8s.io/v1")
        return invalid("apiVersion", "must be networking.k8s.io/v1, not \"" + apiVersion + "\"");
    ParsedPolicy p;
    const auto meta = object.value("metadata", nlohmann::json::object());
    p.name = meta.is_object() ? meta.value("name", std::string()) : std::string();
    p.ns = meta.is_object() ? meta.value("namespace", std::string()) : std::string();
    if (p.name.empty())
        return invalid("metadata.name", "required");
    if (p.ns.empty())
        return invalid("metadata.namespace", "required (policy " + p.name + ")");
    auto fail = [&](const Error &e) {
        Error out = e;
        out.message = "NetworkPolicy " + p.ns + "/" + p.name + ": " + e.message;
        return out;
    };
    const auto spec = object.value("spec", nlohmann::json::object());
    if (!spec.is_object())
        return fail(invalid("spec", "must be an object"));
    if (auto ps = spec.find("podSelector"); ps != spec.end() && !ps->is_null()) {
        auto s = Selector::parse(*ps, "spec.podSelector");
        if (!s)
            return fail(s.error());
        p.podSelector = std::move(*s);
    } else {
        p.podSelector = *Selector::parse(nlohmann::json::object(), "spec.podSelector");
    }
    auto ingress = parseRules(spec, "ingress", "from");
    if (!ingress)
        return fail(ingress.error());
    auto egress = parseRules(spec, "egress", "to");
    if (!egress)
        return fail(egress.error());
    p.ingressRules = std::move(*ingress);
    p.egressRules = std::move(*egress);
    if (auto types = spec.find("policyTypes"); types != spec.end() && !types->is_null() && !types->empty()) {
        if (!types->is_array())
            return fail(invalid("spec.policyTypes", "must be a list of Ingress and/or Egress"));
        for (std::size_t i = 0; i < types->size(); ++i) {
            const auto &t = (*types)[i];
            const std::string v = t.is_string() ? t.get<std::string>() : t.dump();
            if (v == "Ingress")
                p.ingress = true;
            else if (v == "Egress")
                p.egress = true;
            else
                return fail(invalid("spec.policyTypes[" + std::to_string(i) + "]", "must be Ingress or Egress, not \"" + v + "\""));
        }
    } else {
        // The API server's default: Ingress always, Egress when the policy has egress rules.
        p.ingress = true;
        p.egress = spec.contains("egress") && spec["egress"].is_array() && !spec["egress"].empty();
    }
    p.object = object;
    for (auto *rules : {&p.ingressRules, &p.egressRules})
        for (auto &rule : *rules)
            for (auto &peer : rule.peers)
                if (peer.namespaceSelector) {
                    auto [it, added] = d->namespaceSelectorIds.emplace(peer.namespaceSelector->key(),
                                                                       int(d->namespaceSelectorById.size()));
                    if (added)
                        d->namespaceSelectorById.push_back(*peer.namespaceSelector);
                    peer.namespaceSelectorId = it->second;
                }
    auto &names = d->byNamespace[p.ns];
    if (auto it = names.find(p.name); it != names.end()) {
        d->policies[it->second] = std::move(p);
    } else {
        names[p.name] = d->policies.size();
        d->policies.push_back(std::move(p));
    }
    return {};
}

std::vector<std::string> NetworkPolicySet::namespaces() const
{
    std::vector<std::string> out;
    for (const auto &[name, labels] : d->namespaces)
        out.push_back(name);
    for (const auto &[ns, policies] : d->byNamespace)
        if (!d->namespaces.count(ns))
            out.push_back(ns);
    std::sort(out.begin(), out.end());
    return out;
}

const Labels *NetworkPolicySet::namespaceLabels(const std::string &name) const
{
    auto it = d->namespaces.find(name);
    return it == d->namespaces.end() ? nullptr : &it->second;
}

std::size_t NetworkPolicySet::policyCount() const { return d->policies.size(); }

const nlohmann::json *NetworkPolicySet::policy(const std::string &ns, const std::string &name) const
{
    auto it = d->byNamespace.find(ns);
    if (it == d->byNamespace.end())
        return nullptr;
    auto p = it->second.find(name);
    return p == it->second.end() ? nullptr : &d->policies[p->second].object;
}

std::vector<std::string> NetworkPolicySet::policyNames(const std::string &ns) const
{
    std::vector<std::string> out;
    if (auto it = d->byNamespace.find(ns); it != d->byNamespace.end())
        for (const auto &[name, id] : it->second)
            out.push_back(name);
    return out;
}

bool NetworkPolicySet::restricts(const std::string &ns, Direction direction) const
{
    if (auto it = d->byNamespace.find(ns); it != d->byNamespace.end())
        for (const auto &[name, id] : it->second)
            if (d->policies[id].has(direction))
                return true;
    return false;
}

std::string NetworkPolicySet::ruleText(const RuleRef &ref) const
{
    auto it = d->byNamespace.find(ref.ns);
    if (it == d->byNamespace.end())
        return {};
    auto p = it->second.find(ref.policy);
    if (p == it->second.end())
        return {};
    const ParsedPolicy &policy = d->policies[p->second];
    const auto &rules = policy.rules(ref.direction);
    if (ref.rule < 0)
        return "selects pods {" + policy.podSelector.toString() + "} for " + toString(ref.direction) + "; by itself allows nothing";
    if (std::size_t(ref.rule) >= rules.size())
        return {};
    const PolicyRule &rule = rules[std::size_t(ref.rule)];
    std::string out = ref.direction == Direction::Ingress ? "from " : "to ";
    if (rule.allPeers) {
        out += "anywhere";
    } else {
        for (std::size_t i = 0; i < rule.peers.size(); ++i)
            out += (i ? " or " : "") + peerText(rule.peers[i], policy.ns);
    }
    out += "; ";
    if (rule.allPorts) {
        out += "all ports";
    } else {
        out += "ports ";
        for (std::size_t i = 0; i < rule.ports.size(); ++i)
            out += (i ? "," : "") + rule.ports[i].toString();
    }
    return out;
}

namespace {

// One side of a decision: the policies of `self`'s namespace that select it for `direction`,
// and the rules among them that admit `peer` on `port`.
void decideSide(const NetworkPolicySet::Data &d, Direction direction, const Endpoint &self, const Endpoint &peer,
                const TrafficPort &port, bool &isolated, bool &allowed, std::vector<RuleRef> &allowedBy,
                std::vector<RuleRef> &selectedBy)
{
    isolated = false;
    allowed = true;
    if (self.ns.empty())
        return;  // outside the cluster's pods: no policy applies there
    auto it = d.byNamespace.find(self.ns);
    if (it == d.byNamespace.end())
        return;
    Labels peerNsLabels;
    bool peerNsLabelsRead = false;
    for (const auto &[name, id] : it->second) {
        const ParsedPolicy &p = d.policies[id];
        if (!p.has(direction) || !p.podSelector.matches(self.pod))
            continue;
        isolated = true;
        selectedBy.push_back({p.ns, p.name, direction, -1});
        const auto &rules = p.rules(direction);
        for (std::size_t i = 0; i < rules.size(); ++i) {
            const PolicyRule &rule = rules[i];
            if (!rule.takesPort(port))
                continue;
            bool peerOk = rule.allPeers;
            for (std::size_t k = 0; !peerOk && k < rule.peers.size(); ++k) {
                if (!peerNsLabelsRead && !peer.ns.empty()) {
                    peerNsLabels = d.labelsOf(peer.ns);
                    peerNsLabelsRead = true;
                }
                peerOk = peerMatches(rule.peers[k], p.ns, peer, peerNsLabels);
            }
            if (peerOk)
                allowedBy.push_back({p.ns, p.name, direction, int(i)});
        }
    }
    allowed = !isolated || !allowedBy.empty();
}

} // namespace

Decision NetworkPolicySet::decide(const Endpoint &from, const Endpoint &to, const TrafficPort &port) const
{
    Decision out;
    decideSide(*d, Direction::Egress, from, to, port, out.egressIsolated, out.egressAllowed, out.egressAllowedBy,
               out.egressSelectedBy);
    decideSide(*d, Direction::Ingress, to, from, port, out.ingressIsolated, out.ingressAllowed, out.ingressAllowedBy,
               out.ingressSelectedBy);
    out.allowed = out.egressAllowed && out.ingressAllowed;
    return out;
}

} // namespace kube::net
