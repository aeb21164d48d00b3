// TEMPORARY — DELETE BEFORE MERGE. A throw-away stand-in for netpolicy.cpp and graphnetwork.cpp
// (written by the network engineer on branch h-net) so the traffic graph links while the real
// evaluator is being written. Simplified semantics (matchLabels only, abstract pods without
// labels); the real engine replaces every line of this file.
#include "kubeclient/network/netpolicy.h"
#include "kubeclient/tenancy/graph/graphnetwork.h"

#include <algorithm>

namespace kube::net {

struct NetworkPolicySet::Data {
    std::map<std::string, Labels> namespaces;
    std::map<std::pair<std::string, std::string>, nlohmann::json> policies;
};

NetworkPolicySet::NetworkPolicySet() : d(std::make_unique<Data>()) {}
NetworkPolicySet::~NetworkPolicySet() = default;
NetworkPolicySet::NetworkPolicySet(const NetworkPolicySet &o) : d(std::make_unique<Data>(*o.d)) {}
NetworkPolicySet &NetworkPolicySet::operator=(const NetworkPolicySet &o)
{
    d = std::make_unique<Data>(*o.d);
    return *this;
}
NetworkPolicySet::NetworkPolicySet(NetworkPolicySet &&) noexcept = default;
NetworkPolicySet &NetworkPolicySet::operator=(NetworkPolicySet &&) noexcept = default;

void NetworkPolicySet::setNamespace(const std::string &name, Labels labels)
{
    labels["kubernetes.io/metadata.name"] = name;
    d->namespaces[name] = std::move(labels);
}

Result<void> NetworkPolicySet::addPolicy(const nlohmann::json &policy)
{
    const std::string ns = policy.value("/metadata/namespace"_json_pointer, std::string());
    const std::string name = policy.value("/metadata/name"_json_pointer, std::string());
    d->policies[{ns, name}] = policy;
    return {};
}

std::vector<std::string> NetworkPolicySet::namespaces() const
{
    std::vector<std::string> out;
    for (const auto &[n, l] : d->namespaces)
        out.push_back(n);
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
    auto it = d->policies.find({ns, name});
    return it == d->policies.end() ? nullptr : &it->second;
}

namespace {

bool matchLabels(const nlohmann::json &selector, const Labels &labels)
{
    if (!selector.is_object())
        return true;
    if (auto it = selector.find("matchLabels"); it != selector.end() && it->is_object())
        for (const auto &[k, v] : it->items()) {
            auto l = labels.find(k);
            if (l == labels.end() || !v.is_string() || l->second != v.get<std::string>())
                return false;
        }
    return true;
}

bool hasType(const nlohmann::json &p, const char *type)
{
    const auto &spec = p.value("spec", nlohmann::json::object());
    if (auto t = spec.find("policyTypes"); t != spec.end() && t->is_array())
        return std::find(t->begin(), t->end(), type) != t->end();
    return std::string(type) == "Ingress" || spec.contains("egress");
}

struct Side {
    bool isolated = false;
    bool any = false;
    bool partial = false;
    std::vector<RuleRef> rules;
};

Side side(const std::map<std::pair<std::string, std::string>, nlohmann::json> &policies, const std::string &self,
          const std::string &peer, const Labels &peerLabels, Direction dir)
{
    Side s;
    const char *type = dir == Direction::Ingress ? "Ingress" : "Egress";
    const char *key = dir == Direction::Ingress ? "ingress" : "egress";
    const char *peers = dir == Direction::Ingress ? "from" : "to";
    for (const auto &[id, p] : policies) {
        if (id.first != self || !hasType(p, type))
            continue;
        s.isolated = true;
        const auto spec = p.value("spec", nlohmann::json::object());
        const bool allPods = spec.value("podSelector", nlohmann::json::object()).empty();
        if (!allPods)
            s.partial = true;
        const auto rules = spec.value(key, nlohmann::json::array());
        for (std::size_t i = 0; i < rules.size(); ++i) {
            const auto &rule = rules[i];
            bool match = false, partial = rule.contains("ports") || !allPods;
            if (!rule.contains(peers) || (*rule.find(peers)).empty())
                match = true;
            else
                for (const auto &pe : rule[peers]) {
                    if (pe.contains("ipBlock"))
                        continue;
                    const bool nsOk = pe.contains("namespaceSelector") ? matchLabels(pe["namespaceSelector"], peerLabels)
                                                                       : peer == self;
                    if (nsOk) {
                        match = true;
                        if (pe.contains("podSelector") && !pe["podSelector"].empty())
                            partial = true;
                    }
                }
            if (match) {
                s.any = true;
                s.partial = s.partial || partial;
                s.rules.push_back(RuleRef{self, id.second, dir, int(i)});
            }
        }
    }
    return s;
}

} // namespace

Decision NetworkPolicySet::decide(const Endpoint &from, const Endpoint &to, const TrafficPort &) const
{
    Decision dec;
    static const Labels none;
    const Labels *fl = namespaceLabels(from.ns), *tl = namespaceLabels(to.ns);
    const Side e = side(d->policies, from.ns, to.ns, tl ? *tl : none, Direction::Egress);
    const Side i = side(d->policies, to.ns, from.ns, fl ? *fl : none, Direction::Ingress);
    dec.egressIsolated = e.isolated;
    dec.ingressIsolated = i.isolated;
    dec.egressAllowed = !e.isolated || e.any;
    dec.ingressAllowed = !i.isolated || i.any;
    dec.egressAllowedBy = e.rules;
    dec.ingressAllowedBy = i.rules;
    dec.allowed = dec.egressAllowed && dec.ingressAllowed;
    return dec;
}

bool FlowMap::ingressOpen(const std::string &ns) const
{
    auto it = m_open.find(ns);
    return it == m_open.end() || it->second.first;
}

bool FlowMap::egressOpen(const std::string &ns) const
{
    auto it = m_open.find(ns);
    return it == m_open.end() || it->second.second;
}

NamespaceFlow FlowMap::flow(const std::string &from, const std::string &to) const
{
    for (const auto *list : {&m_flows, &m_none})
        for (const auto &f : *list)
            if (f.from == from && f.to == to)
                return f;
    return NamespaceFlow{from, to, Reach::All, {}, {}, {}};
}

namespace {
bool partialRule(const NetworkPolicySet &set, const RuleRef &r)
{
    const nlohmann::json *p = set.policy(r.ns, r.policy);
    if (!p)
        return false;
    const auto spec = p->value("spec", nlohmann::json::object());
    if (!spec.value("podSelector", nlohmann::json::object()).empty())
        return true;
    const auto rules = spec.value(r.direction == Direction::Ingress ? "ingress" : "egress", nlohmann::json::array());
    if (r.rule < 0 || std::size_t(r.rule) >= rules.size())
        return false;
    const auto &rule = rules[std::size_t(r.rule)];
    if (rule.contains("ports"))
        return true;
    for (const auto &pe : rule.value(r.direction == Direction::Ingress ? "from" : "to", nlohmann::json::array()))
        if (pe.contains("podSelector") && !pe["podSelector"].empty())
            return true;
    return false;
}
bool allPartial(const NetworkPolicySet &set, const std::vector<RuleRef> &rules)
{
    return !rules.empty() && std::all_of(rules.begin(), rules.end(), [&](const RuleRef &r) { return partialRule(set, r); });
}
} // namespace

FlowMap computeFlows(const NetworkPolicySet &set, const std::vector<std::string> &namespaces)
{
    FlowMap m;
    m.m_namespaces = namespaces.empty() ? set.namespaces() : namespaces;
    std::sort(m.m_namespaces.begin(), m.m_namespaces.end());
    for (const auto &ns : m.m_namespaces) {
        const Decision self = set.decide(Endpoint{ns, {}, {}}, Endpoint{ns, {}, {}}, TrafficPort{});
        m.m_open[ns] = {!self.ingressIsolated, !self.egressIsolated};
    }
    for (const auto &a : m.m_namespaces)
        for (const auto &b : m.m_namespaces) {
            if (m.ingressOpen(b) && m.egressOpen(a))
                continue;
            const Decision dec = set.decide(Endpoint{a, {}, {}}, Endpoint{b, {}, {}}, TrafficPort{});
            NamespaceFlow f{a, b, Reach::None, dec.egressAllowedBy, dec.ingressAllowedBy, {}};
            if (dec.allowed) {
                const bool partial = allPartial(set, f.egressRules) || allPartial(set, f.ingressRules);
                f.reach = partial ? Reach::Some : Reach::All;
                if (partial)
                    f.detail = "some pods or ports";
                m.m_flows.push_back(std::move(f));
            } else {
                m.m_none.push_back(std::move(f));
            }
        }
    return m;
}

} // namespace kube::net

namespace kube::tenancy {

kube::net::NetworkPolicySet networkOf(const GraphSnapshot &snapshot)
{
    kube::net::NetworkPolicySet set;
    snapshot.forEach(GraphKind::Namespace, [&](const std::string &key, const GraphObject &o) {
        kube::net::Labels labels;
        if (auto it = o->find("metadata"); it != o->end())
            if (auto l = it->find("labels"); l != it->end() && l->is_object())
                for (const auto &[k, v] : l->items())
                    if (v.is_string())
                        labels[k] = v.get<std::string>();
        set.setNamespace(key, std::move(labels));
        return true;
    });
    snapshot.forEach(GraphKind::NetworkPolicy, [&](const std::string &, const GraphObject &o) {
        (void)set.addPolicy(*o);
        return true;
    });
    return set;
}

} // namespace kube::tenancy
