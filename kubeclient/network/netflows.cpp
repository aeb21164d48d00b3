// computeFlows: namespace-granularity reach, computed exactly from the policies with
// representative pods and ports (see netpolicy.h for the method), and FlowMap's lookups.
#include "kubeclient/network/netpolicy.h"

#include "kubeclient/network/netpolicydata.h"

#include <algorithm>
#include <set>
#include <unordered_map>

namespace kube::net {

namespace {

// Above this many label combinations a side falls back to witnesses (see netpolicy.h).
constexpr std::size_t kMaxLabelCombinations = 4096;
// The value a representative pod carries for "this key, with a value no selector names".
constexpr const char *kOtherValue = "<other>";
constexpr int kMaxPort = 65535;

using Reps = std::vector<Labels>;

// Pods that realise every combination of the selectors' answers (one pod per combination).
Reps representativePods(const std::vector<const Selector *> &selectors)
{
    std::map<std::string, std::set<std::string>> values;
    for (const Selector *s : selectors)
        s->collectValues(values);
    std::vector<std::pair<std::string, std::vector<std::string>>> keys;  // "" = absent
    std::size_t combinations = 1;
    for (const auto &[key, vals] : values) {
        std::vector<std::string> options = {std::string()};
        options.insert(options.end(), vals.begin(), vals.end());
        options.push_back(kOtherValue);
        combinations = combinations > kMaxLabelCombinations ? combinations : combinations * options.size();
        keys.emplace_back(key, std::move(options));
    }
    Reps candidates;
    if (combinations <= kMaxLabelCombinations) {
        std::vector<std::size_t> at(keys.size(), 0);
        while (true) {
            Labels l;
            for (std::size_t k = 0; k < keys.size(); ++k)
                if (at[k])
                    l[keys[k].first] = keys[k].second[at[k]];
            candidates.push_back(std::move(l));
            std::size_t k = 0;
            while (k < keys.size() && ++at[k] == keys[k].second.size())
                at[k++] = 0;
            if (k == keys.size())
                break;
        }
    } else {
        // Too many keys and values to enumerate: a pod with no labels, one per selector that
        // satisfies it, and the union of each two of those.
        Reps witnesses;
        for (const Selector *s : selectors)
            witnesses.push_back(s->witness(kOtherValue));
        candidates.push_back({});
        candidates.insert(candidates.end(), witnesses.begin(), witnesses.end());
        for (std::size_t i = 0; i < witnesses.size(); ++i)
            for (std::size_t j = i + 1; j < witnesses.size(); ++j) {
                Labels u = witnesses[i];
                u.insert(witnesses[j].begin(), witnesses[j].end());
                candidates.push_back(std::move(u));
            }
    }
    // One pod per distinct answer vector, the first (fewest labels set) kept.
    Reps out;
    std::set<std::vector<bool>> seen;
    for (auto &c : candidates) {
        std::vector<bool> answers;
        answers.reserve(selectors.size());
        for (const Selector *s : selectors)
            answers.push_back(s->matches(c));
        if (seen.insert(std::move(answers)).second)
            out.push_back(std::move(c));
    }
    return out;
}

// A representative port and the ports it stands for.
struct PortRep {
    TrafficPort port;
    int last = 0;          // the range port.number..last behaves alike
    bool otherProtocols = false;  // stands for every protocol no rule names
};

std::vector<PortRep> representativePorts(const std::vector<const PolicyRule *> &rules)
{
    std::map<std::string, std::set<int>> cuts;  // protocol -> first ports of uniform ranges
    std::map<std::string, std::set<std::string>> names;
    for (const PolicyRule *r : rules)
        for (const PolicyPort &p : r->ports) {
            auto &c = cuts[p.protocol];
            c.insert(1);
            if (!p.name.empty()) {
                names[p.protocol].insert(p.name);
            } else if (!p.anyPort) {
                c.insert(p.port);
                const int end = p.endPort ? p.endPort : p.port;
                if (end < kMaxPort)
                    c.insert(end + 1);
            }
        }
    std::vector<PortRep> out;
    for (const auto &[proto, c] : cuts) {
        std::vector<int> starts(c.begin(), c.end());
        for (std::size_t i = 0; i < starts.size(); ++i) {
            const int last = i + 1 < starts.size() ? starts[i + 1] - 1 : kMaxPort;
            out.push_back({{starts[i], proto, ""}, last, false});
            for (const auto &n : names[proto])
                out.push_back({{starts[i], proto, n}, last, false});
        }
    }
    for (const char *proto : {"TCP", "UDP", "SCTP"})
        if (!cuts.count(proto)) {
            out.push_back({{1, proto, ""}, kMaxPort, true});
            break;
        }
    return out;
}

std::string portsText(const std::vector<PortRep> &reps, const std::vector<bool> &allowed)
{
    std::vector<std::string> parts;
    std::map<std::string, std::vector<std::size_t>> byProto;
    for (std::size_t i = 0; i < reps.size(); ++i)
        if (!reps[i].otherProtocols)
            byProto[reps[i].port.protocol].push_back(i);
    for (const auto &[proto, idx] : byProto) {
        bool all = true;
        for (std::size_t i : idx)
            all = all && allowed[i];
        if (all) {
            parts.push_back("all " + proto + " ports");
            continue;
        }
        std::set<std::string> named;
        for (std::size_t i : idx) {
            const PortRep &r = reps[i];
            if (!allowed[i])
                continue;
            if (!r.port.name.empty()) {
                named.insert(r.port.name);
                continue;
            }
            std::string range = std::to_string(r.port.number);
            if (r.last != r.port.number)
                range += "-" + std::to_string(r.last);
            parts.push_back(range + "/" + proto);
        }
        // A named rep only matters where its number alone is not allowed.
        for (std::size_t i : idx) {
            const PortRep &r = reps[i];
            if (!r.port.name.empty() && allowed[i] && named.count(r.port.name)) {
                parts.push_back("port named " + r.port.name + "/" + proto);
                named.erase(r.port.name);
            }
        }
    }
    for (std::size_t i = 0; i < reps.size(); ++i)
        if (reps[i].otherProtocols && allowed[i])
            parts.push_back("other protocols");
    std::string out;
    for (const auto &p : parts)
        out += (out.empty() ? "" : ", ") + p;
    return out.empty() ? "no port" : out;
}

std::string podsText(const Reps &reps, const std::vector<bool> &allowed)
{
    std::string out;
    for (std::size_t i = 0; i < reps.size(); ++i)
        if (allowed[i]) {
            const std::string l = labelsText(reps[i]);
            out += (out.empty() ? "" : "; ") + (l.empty() ? std::string("(no labels)") : l);
        }
    return out;
}

std::string joinNames(const std::set<std::string> &names)
{
    std::string out;
    for (const auto &n : names)
        out += (out.empty() ? "" : ", ") + n;
    return out;
}

// A pair's flow with its policies as positions in the source's egress / destination's ingress
// policy lists, so that pairs whose policies have the same content share it (see computeFlows).
struct PairResult {
    Reach reach = Reach::None;
    std::vector<std::pair<std::size_t, int>> egressRules, ingressRules;  // (position, rule)
    std::string detail;  // Some / All (names no policy)
    enum class Denied { Egress, Ingress, Both } denied = Denied::Both;  // None: which side
    std::vector<std::size_t> egressDeniers, ingressDeniers;            // None: positions
};

class FlowComputer
{
public:
    FlowComputer(const NetworkPolicySet::Data &d, std::vector<std::string> namespaces)
        : m_d(d), m_names(std::move(namespaces))
    {
        m_ingress.resize(m_names.size());
        m_egress.resize(m_names.size());
        for (std::size_t i = 0; i < m_names.size(); ++i) {
            m_index[m_names[i]] = i;
            if (auto it = d.byNamespace.find(m_names[i]); it != d.byNamespace.end())
                for (const auto &[name, id] : it->second) {
                    if (d.policies[id].ingress)
                        m_ingress[i].push_back(id);
                    if (d.policies[id].egress)
                        m_egress[i].push_back(id);
                }
        }
        m_nsMatch.resize(d.namespaceSelectorById.size());
        std::map<std::string, int> contents;
        auto contentOf = [&](const std::vector<std::size_t> &ids, Direction dir) {
            std::string text;
            for (std::size_t id : ids) {
                const ParsedPolicy &p = d.policies[id];
                text += p.podSelector.key() + '\x1e';
                for (const auto &rule : p.rules(dir)) {
                    text += rule.allPeers ? "*" : "";
                    for (const auto &peer : rule.peers)
                        text += (peer.namespaceSelector ? peer.namespaceSelector->key() : "-") + '\x1f'
                              + (peer.podSelector ? peer.podSelector->key() : "-") + '\x1f'
                              + (peer.ipBlock ? peer.ipBlock->toString() : "-") + '\x1d';
                    text += rule.allPorts ? "*" : "";
                    for (const auto &port : rule.ports)
                        text += port.toString() + ',';
                    text += '\x1c';
                }
                text += '\x1b';
            }
            return contents.emplace(std::move(text), int(contents.size())).first->second;
        };
        m_egressContent.resize(m_names.size());
        m_ingressContent.resize(m_names.size());
        for (std::size_t i = 0; i < m_names.size(); ++i) {
            m_egressContent[i] = contentOf(m_egress[i], Direction::Egress);
            m_ingressContent[i] = contentOf(m_ingress[i], Direction::Ingress);
        }
    }

    const std::vector<std::size_t> &ingress(std::size_t ns) const { return m_ingress[ns]; }
    const std::vector<std::size_t> &egress(std::size_t ns) const { return m_egress[ns]; }

    // Whether the namespace part of a peer of a policy in `policyNs` takes namespace `other`.
    // ipBlocks take no pod here: pods have no addresses at namespace granularity.
    bool peerTakesNamespace(const PolicyPeer &peer, std::size_t policyNs, std::size_t other)
    {
        if (peer.ipBlock)
            return false;
        if (!peer.namespaceSelector)
            return policyNs == other;
        auto &row = m_nsMatch[std::size_t(peer.namespaceSelectorId)];
        if (row.empty()) {
            row.resize(m_names.size());
            const Selector &s = m_d.namespaceSelectorById[std::size_t(peer.namespaceSelectorId)];
            for (std::size_t i = 0; i < m_names.size(); ++i)
                row[i] = s.matches(m_d.labelsOf(m_names[i])) ? 1 : 2;
        }
        return row[other] == 1;
    }

    // Which namespace-selecting peers of `ns`'s policies for `direction` take `other`: pairs
    // with the same signature (and no policy on the other side) have the same flow.
    std::string signature(std::size_t ns, Direction direction, std::size_t other)
    {
        std::string sig;
        for (std::size_t id : direction == Direction::Ingress ? m_ingress[ns] : m_egress[ns])
            for (const auto &rule : m_d.policies[id].rules(direction))
                for (const auto &peer : rule.peers)
                    if (peer.namespaceSelector)
                        sig += peerTakesNamespace(peer, ns, other) ? '1' : '0';
        return sig;
    }

    PairResult evaluate(std::size_t a, std::size_t b);

    const std::vector<std::string> &names() const { return m_names; }

    // What a pair's flow depends on, without the namespaces' names: the content of the source's
    // egress policies and of the destination's ingress policies, which namespaceSelectors of
    // each take the other, and whether they are one namespace.
    std::string pairKey(std::size_t a, std::size_t b)
    {
        std::string key = std::to_string(m_egressContent[a]) + '/' + std::to_string(m_ingressContent[b]);
        key += a == b ? "=" : "~";
        key += signature(a, Direction::Egress, b);
        key += '/';
        key += signature(b, Direction::Ingress, a);
        return key;
    }

    std::string policyName(std::size_t ns, Direction d, std::size_t position) const
    {
        const auto &list = d == Direction::Ingress ? m_ingress[ns] : m_egress[ns];
        return m_d.policies[list[position]].name;
    }

private:
    const Reps &repsOf(const std::vector<const Selector *> &selectors)
    {
        std::string key;
        for (const Selector *s : selectors)
            key += s->key() + '\x1f';
        auto it = m_repsCache.find(key);
        if (it == m_repsCache.end())
            it = m_repsCache.emplace(key, representativePods(selectors)).first;
        return it->second;
    }

    // The rules of `policies` (for `direction`) that allow `port` to/from a pod with labels
    // `peerPod` in namespace `peerNs`; appended to `out` with their refs.
    bool allows(const std::vector<std::size_t> &policies, Direction direction, std::size_t selfNs,
                const Labels &peerPod, std::size_t peerNs, const TrafficPort &port,
                std::vector<std::pair<std::size_t, int>> *out)
    {
        bool any = false;
        for (std::size_t id : policies) {
            const ParsedPolicy &p = m_d.policies[id];
            const auto &rules = p.rules(direction);
            for (std::size_t i = 0; i < rules.size(); ++i) {
                const PolicyRule &rule = rules[i];
                if (!rule.takesPort(port))
                    continue;
                bool peerOk = rule.allPeers;
                for (std::size_t k = 0; !peerOk && k < rule.peers.size(); ++k) {
                    const PolicyPeer &peer = rule.peers[k];
                    peerOk = peerTakesNamespace(peer, selfNs, peerNs)
                          && (!peer.podSelector || peer.podSelector->matches(peerPod));
                }
                if (!peerOk)
                    continue;
                any = true;
                if (!out)
                    return true;
                out->emplace_back(id, int(i));
            }
        }
        return any;
    }

    const NetworkPolicySet::Data &m_d;
    std::vector<std::string> m_names;
    std::map<std::string, std::size_t> m_index;
    std::vector<std::vector<std::size_t>> m_ingress, m_egress;
    std::vector<int> m_egressContent, m_ingressContent;  // equal ids: policies of equal content
    std::vector<std::vector<char>> m_nsMatch;  // selector id -> namespace -> 0 unknown, 1 yes, 2 no
    std::unordered_map<std::string, Reps> m_repsCache;
};

PairResult FlowComputer::evaluate(std::size_t a, std::size_t b)
{
    const auto &egressPolicies = m_egress[a];
    const auto &ingressPolicies = m_ingress[b];
    // The selectors that tell pods of each side apart for this pair.
    std::vector<const Selector *> srcSelectors, dstSelectors;
    std::vector<const PolicyRule *> rules;
    for (std::size_t id : egressPolicies) {
        const ParsedPolicy &p = m_d.policies[id];
        srcSelectors.push_back(&p.podSelector);
        for (const auto &rule : p.egressRules) {
            rules.push_back(&rule);
            for (const auto &peer : rule.peers)
                if (peer.podSelector && peerTakesNamespace(peer, a, b))
                    dstSelectors.push_back(&*peer.podSelector);
        }
    }
    for (std::size_t id : ingressPolicies) {
        const ParsedPolicy &p = m_d.policies[id];
        dstSelectors.push_back(&p.podSelector);
        for (const auto &rule : p.ingressRules) {
            rules.push_back(&rule);
            for (const auto &peer : rule.peers)
                if (peer.podSelector && peerTakesNamespace(peer, b, a))
                    srcSelectors.push_back(&*peer.podSelector);
        }
    }
    const Reps srcReps = repsOf(srcSelectors);
    const Reps dstReps = repsOf(dstSelectors);
    const std::vector<PortRep> ports = representativePorts(rules);

    auto selecting = [this](const std::vector<std::size_t> &policies, const Labels &pod) {
        std::vector<std::size_t> out;
        for (std::size_t id : policies)
            if (m_d.policies[id].podSelector.matches(pod))
                out.push_back(id);
        return out;
    };
    std::vector<std::vector<std::size_t>> srcSel, dstSel;
    for (const auto &p : srcReps)
        srcSel.push_back(selecting(egressPolicies, p));
    for (const auto &q : dstReps)
        dstSel.push_back(selecting(ingressPolicies, q));

    std::vector<bool> srcAllowed(srcReps.size()), dstAllowed(dstReps.size()), portAllowed(ports.size());
    // allowed[(i * dst + j) * ports + k]
    std::vector<bool> allowed(srcReps.size() * dstReps.size() * ports.size());
    std::set<std::pair<std::size_t, int>> egressRefs, ingressRefs;  // (policy id, rule)
    std::set<std::size_t> egressDeniers, ingressDeniers;  // policies isolating a side that allowed nothing
    bool egressEver = false, ingressEver = false;
    std::size_t allowedCount = 0;
    std::vector<std::pair<std::size_t, int>> eg, in;
    for (std::size_t i = 0; i < srcReps.size(); ++i)
        for (std::size_t j = 0; j < dstReps.size(); ++j)
            for (std::size_t k = 0; k < ports.size(); ++k) {
                const TrafficPort &port = ports[k].port;
                eg.clear();
                in.clear();
                const bool egOk = srcSel[i].empty() || allows(srcSel[i], Direction::Egress, a, dstReps[j], b, port, &eg);
                const bool inOk = dstSel[j].empty() || allows(dstSel[j], Direction::Ingress, b, srcReps[i], a, port, &in);
                egressEver = egressEver || egOk;
                ingressEver = ingressEver || inOk;
                if (!egOk)
                    egressDeniers.insert(srcSel[i].begin(), srcSel[i].end());
                if (!inOk)
                    ingressDeniers.insert(dstSel[j].begin(), dstSel[j].end());
                if (!(egOk && inOk))
                    continue;
                ++allowedCount;
                allowed[(i * dstReps.size() + j) * ports.size() + k] = true;
                srcAllowed[i] = dstAllowed[j] = portAllowed[k] = true;
                egressRefs.insert(eg.begin(), eg.end());
                ingressRefs.insert(in.begin(), in.end());
            }

    PairResult out;
    const std::size_t total = srcReps.size() * dstReps.size() * ports.size();
    out.reach = allowedCount == 0 ? Reach::None : allowedCount == total ? Reach::All : Reach::Some;
    auto position = [](const std::vector<std::size_t> &policies, std::size_t id) {
        return std::size_t(std::find(policies.begin(), policies.end(), id) - policies.begin());
    };
    for (const auto &[id, rule] : egressRefs)
        out.egressRules.emplace_back(position(egressPolicies, id), rule);
    for (const auto &[id, rule] : ingressRefs)
        out.ingressRules.emplace_back(position(ingressPolicies, id), rule);
    if (out.reach == Reach::All) {
        out.detail = "every pod, every port";
    } else if (out.reach == Reach::None) {
        out.denied = !egressEver ? PairResult::Denied::Egress : !ingressEver ? PairResult::Denied::Ingress
                                                                              : PairResult::Denied::Both;
        for (std::size_t id : egressDeniers)
            out.egressDeniers.push_back(position(egressPolicies, id));
        for (std::size_t id : ingressDeniers)
            out.ingressDeniers.push_back(position(ingressPolicies, id));
    } else {
        std::vector<std::string> parts;
        auto some = [](const std::vector<bool> &v) { return std::find(v.begin(), v.end(), false) != v.end(); };
        if (some(srcAllowed))
            parts.push_back("only from pods " + podsText(srcReps, srcAllowed));
        if (some(dstAllowed))
            parts.push_back("only to pods " + podsText(dstReps, dstAllowed));
        if (some(portAllowed))
            parts.push_back("only ports " + portsText(ports, portAllowed));
        // Where a destination pod takes less than every source and port that reach anything.
        for (std::size_t j = 0; j < dstReps.size(); ++j) {
            if (!dstAllowed[j])
                continue;
            std::vector<bool> fromHere(srcReps.size()), portsHere(ports.size());
            for (std::size_t i = 0; i < srcReps.size(); ++i)
                for (std::size_t k = 0; k < ports.size(); ++k)
                    if (allowed[(i * dstReps.size() + j) * ports.size() + k])
                        fromHere[i] = portsHere[k] = true;
            std::string limits;
            if (fromHere != srcAllowed)
                limits = "from pods " + podsText(srcReps, fromHere);
            if (portsHere != portAllowed)
                limits += (limits.empty() ? "" : ", ") + std::string("ports ") + portsText(ports, portsHere);
            if (!limits.empty()) {
                const std::string l = labelsText(dstReps[j]);
                parts.push_back("to pods " + (l.empty() ? std::string("(no labels)") : l) + ": only " + limits);
            }
        }
        if (parts.empty())
            parts.push_back("which pods may use which ports depends on the pods");
        for (const auto &p : parts)
            out.detail += (out.detail.empty() ? "" : "; ") + p;
    }
    return out;
}

} // namespace

const char *toString(Reach reach)
{
    switch (reach) {
    case Reach::None: return "none";
    case Reach::Some: return "some";
    case Reach::All: return "all";
    }
    return "none";
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
    NamespaceFlow f;
    f.from = from;
    f.to = to;
    auto stored = std::lower_bound(m_flows.begin(), m_flows.end(), f, [](const NamespaceFlow &x, const NamespaceFlow &y) {
        return std::tie(x.from, x.to) < std::tie(y.from, y.to);
    });
    if (stored != m_flows.end() && stored->from == from && stored->to == to)
        return *stored;
    auto a = m_index.find(from), b = m_index.find(to);
    if (a != m_index.end() && b != m_index.end()) {
        const NoneFlow key{a->second, b->second, 0};
        auto none = std::lower_bound(m_none.begin(), m_none.end(), key, [](const NoneFlow &x, const NoneFlow &y) {
            return std::tie(x.from, x.to) < std::tie(y.from, y.to);
        });
        if (none != m_none.end() && none->from == key.from && none->to == key.to) {
            f.reach = Reach::None;
            f.detail = m_noneReasons[none->reason];
            return f;
        }
    }
    f.reach = Reach::All;
    f.detail = "no NetworkPolicy restricts this traffic";
    return f;
}

std::vector<NamespaceFlow> FlowMap::noneFlows() const
{
    std::vector<NamespaceFlow> out;
    out.reserve(m_none.size());
    for (const auto &n : m_none) {
        NamespaceFlow f;
        f.from = m_namespaces[n.from];
        f.to = m_namespaces[n.to];
        f.reach = Reach::None;
        f.detail = m_noneReasons[n.reason];
        out.push_back(std::move(f));
    }
    return out;
}

FlowMap computeFlows(const NetworkPolicySet &set, const std::vector<std::string> &namespaces, const CancelToken *cancel)
{
    FlowMap map;
    std::vector<std::string> names = namespaces.empty() ? set.namespaces() : namespaces;
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    FlowComputer c(set.data(), names);
    map.m_namespaces = names;
    for (std::size_t i = 0; i < names.size(); ++i) {
        map.m_index[names[i]] = std::uint32_t(i);
        map.m_open[names[i]] = {c.ingress(i).empty(), c.egress(i).empty()};
    }
    std::map<std::string, std::uint32_t> reasons;
    // A pair's flow is a function of FlowComputer::pairKey: in a cluster of templated policies
    // (isolation, allow-from-workspace) a few thousand evaluations serve 250,000 pairs.
    std::unordered_map<std::string, PairResult> memo;
    auto policyNames = [&](std::size_t ns, Direction d, const std::vector<std::size_t> &positions) {
        std::set<std::string> out;
        for (std::size_t p : positions)
            out.insert(c.policyName(ns, d, p));
        return joinNames(out);
    };
    for (std::size_t a = 0; a < map.m_namespaces.size(); ++a) {
        if (cancel && cancel->cancelled()) {
            map.m_cancelled = true;
            return map;
        }
        const bool egressOpen = c.egress(a).empty();
        for (std::size_t b = 0; b < map.m_namespaces.size(); ++b) {
            if (egressOpen && c.ingress(b).empty())
                continue;
            if (cancel && (b & 255) == 255 && cancel->cancelled()) {
                map.m_cancelled = true;
                return map;
            }
            std::string key = c.pairKey(a, b);
            auto it = memo.find(key);
            if (it == memo.end())
                it = memo.emplace(std::move(key), c.evaluate(a, b)).first;
            const PairResult &result = it->second;
            if (result.reach == Reach::None) {
                std::string reason;
                switch (result.denied) {
                case PairResult::Denied::Egress:
                    reason = "egress at the source: no rule of " + policyNames(a, Direction::Egress, result.egressDeniers)
                           + " allows the destination";
                    break;
                case PairResult::Denied::Ingress:
                    reason = "ingress at the destination: no rule of " + policyNames(b, Direction::Ingress, result.ingressDeniers)
                           + " admits the source";
                    break;
                case PairResult::Denied::Both:
                    reason = "egress at the source (" + policyNames(a, Direction::Egress, result.egressDeniers)
                           + ") and ingress at the destination (" + policyNames(b, Direction::Ingress, result.ingressDeniers)
                           + ") never allow the same pods and ports";
                    break;
                }
                auto [r, added] = reasons.emplace(std::move(reason), std::uint32_t(map.m_noneReasons.size()));
                if (added)
                    map.m_noneReasons.push_back(r->first);
                map.m_none.push_back({std::uint32_t(a), std::uint32_t(b), r->second});
                continue;
            }
            NamespaceFlow f;
            f.from = map.m_namespaces[a];
            f.to = map.m_namespaces[b];
            f.reach = result.reach;
            for (const auto &[position, rule] : result.egressRules)
                f.egressRules.push_back({f.from, c.policyName(a, Direction::Egress, position), Direction::Egress, rule});
            for (const auto &[position, rule] : result.ingressRules)
                f.ingressRules.push_back({f.to, c.policyName(b, Direction::Ingress, position), Direction::Ingress, rule});
            f.detail = result.detail;
            map.m_flows.push_back(std::move(f));
        }
    }
    return map;
}

} // namespace kube::net
