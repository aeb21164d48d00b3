// TrafficGraph: the flows come from the network engine once per change of the namespaces or
// policies; what is drawn is decided here: arrows only where a policy decides (FlowMap's
// restricted flows), and marks instead of arrows where a policy admits every namespace whose
// other side is open, or where every project of a workspace reaches every other one.
#include "models/trafficgraph.h"

#include "models/asynctask.h"
#include "models/clustersession.h"
#include "models/naturalorder.h"

#include "kubeclient/tenancy/graph/graphnetwork.h"

#include <QLoggingCategory>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <unordered_map>

Q_LOGGING_CATEGORY(lcTraffic, "tenantry.traffic")

using kube::net::Direction;
using kube::net::Reach;
using kube::net::RuleRef;
using kube::tenancy::GraphKind;
using kube::tenancy::GraphSnapshot;

namespace {

QString qs(const std::string &s) { return QString::fromStdString(s); }

double msSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// A namespace reaching every project is a mark when that saves at least this many arrows.
constexpr int kFanArrows = 3;

Reach weaker(Reach a, Reach b)
{
    if (a == Reach::None || b == Reach::None)
        return Reach::None;
    return a == Reach::Some || b == Reach::Some ? Reach::Some : Reach::All;
}

} // namespace

// What the engine answered for one set of namespaces and policies, with the indexes the
// layout and the queries need; kept across snapshots while those objects are the same.
struct TrafficFlows {
    struct Stored {
        int from = 0;
        int to = 0;
        Reach reach = Reach::All;
        std::size_t flow = 0;  // index into map.restrictedFlows()
    };

    kube::net::NetworkPolicySet set;
    kube::net::FlowMap map;
    std::vector<const void *> fingerprint;  // the Namespace and NetworkPolicy objects read

    std::vector<std::string> names;  // map.namespaces()
    std::unordered_map<std::string, int> index;
    std::vector<char> ingressOpen, egressOpen;
    std::vector<Reach> self;
    std::vector<Stored> stored;  // restricted flows with reach Some or All between two namespaces
    std::vector<std::vector<int>> in, out;  // indexes into stored
    std::vector<char> fromAll, toAll;
    std::vector<Reach> fromAllReach, toAllReach;
    int ingressOpenCount = 0;
    int egressOpenCount = 0;
    std::unordered_map<std::string, std::vector<std::string>> policies;  // ns -> names
    std::size_t policyCount = 0;
    QStringList warnings;  // policies the evaluator could not read, facts it lacks
    double computeMs = 0;

    int indexOf(const std::string &ns) const
    {
        auto it = index.find(ns);
        return it == index.end() ? -1 : it->second;
    }

    static std::vector<const void *> fingerprintOf(const GraphSnapshot &snapshot)
    {
        std::vector<const void *> out;
        out.reserve(snapshot.count(GraphKind::Namespace) + snapshot.count(GraphKind::NetworkPolicy) + 1);
        for (GraphKind kind : {GraphKind::Namespace, GraphKind::NetworkPolicy}) {
            snapshot.forEach(kind, [&](const std::string &, const kube::tenancy::GraphObject &o) {
                out.push_back(o.get());
                return true;
            });
            out.push_back(nullptr);  // separates the kinds
        }
        return out;
    }

    // Null when `cancel` stopped it.
    static std::shared_ptr<const TrafficFlows> build(const GraphSnapshot &snapshot, std::vector<const void *> fingerprint,
                                                     const kube::CancelToken *cancel)
    {
        const auto start = std::chrono::steady_clock::now();
        auto f = std::make_shared<TrafficFlows>();
        f->fingerprint = std::move(fingerprint);
        std::vector<std::string> warnings;
        f->set = kube::tenancy::networkOf(snapshot, &warnings);
        for (const auto &w : warnings)
            f->warnings << qs(w);
        f->map = kube::net::computeFlows(f->set, {}, cancel);
        if (f->map.cancelled())
            return nullptr;
        f->names = f->map.namespaces();
        const int n = int(f->names.size());
        for (int i = 0; i < n; ++i)
            f->index.emplace(f->names[std::size_t(i)], i);
        f->ingressOpen.resize(std::size_t(n));
        f->egressOpen.resize(std::size_t(n));
        f->self.assign(std::size_t(n), Reach::All);
        for (int i = 0; i < n; ++i) {
            const auto &ns = f->names[std::size_t(i)];
            f->ingressOpen[std::size_t(i)] = f->map.ingressOpen(ns);
            f->egressOpen[std::size_t(i)] = f->map.egressOpen(ns);
            f->ingressOpenCount += f->ingressOpen[std::size_t(i)];
            f->egressOpenCount += f->egressOpen[std::size_t(i)];
            // A restricted namespace among itself: None unless a restricted flow says otherwise.
            if (!f->ingressOpen[std::size_t(i)] || !f->egressOpen[std::size_t(i)])
                f->self[std::size_t(i)] = Reach::None;
        }
        f->in.resize(std::size_t(n));
        f->out.resize(std::size_t(n));
        const auto &flows = f->map.restrictedFlows();
        for (std::size_t k = 0; k < flows.size(); ++k) {
            const auto &flow = flows[k];
            if (flow.reach == Reach::None)
                continue;
            const int a = f->indexOf(flow.from), b = f->indexOf(flow.to);
            if (a < 0 || b < 0)
                continue;
            if (a == b) {
                f->self[std::size_t(a)] = flow.reach;
                continue;
            }
            f->in[std::size_t(b)].push_back(int(f->stored.size()));
            f->out[std::size_t(a)].push_back(int(f->stored.size()));
            f->stored.push_back(Stored{a, b, flow.reach, k});
        }
        // A policy admits every namespace whose other side is open: a mark, not n arrows.
        f->fromAll.assign(std::size_t(n), 0);
        f->toAll.assign(std::size_t(n), 0);
        f->fromAllReach.assign(std::size_t(n), Reach::All);
        f->toAllReach.assign(std::size_t(n), Reach::All);
        for (int i = 0; i < n; ++i) {
            const auto u = std::size_t(i);
            if (!f->ingressOpen[u]) {
                int count = 0;
                Reach reach = Reach::All;
                for (int s : f->in[u])
                    if (f->egressOpen[std::size_t(f->stored[std::size_t(s)].from)]) {
                        ++count;
                        reach = weaker(reach, f->stored[std::size_t(s)].reach);
                    }
                const int wanted = f->egressOpenCount - (f->egressOpen[u] ? 1 : 0);
                f->fromAll[u] = wanted > 0 && count == wanted;
                f->fromAllReach[u] = reach;
            }
            if (!f->egressOpen[u]) {
                int count = 0;
                Reach reach = Reach::All;
                for (int s : f->out[u])
                    if (f->ingressOpen[std::size_t(f->stored[std::size_t(s)].to)]) {
                        ++count;
                        reach = weaker(reach, f->stored[std::size_t(s)].reach);
                    }
                const int wanted = f->ingressOpenCount - (f->ingressOpen[u] ? 1 : 0);
                f->toAll[u] = wanted > 0 && count == wanted;
                f->toAllReach[u] = reach;
            }
        }
        snapshot.forEach(GraphKind::NetworkPolicy, [&](const std::string &key, const kube::tenancy::GraphObject &) {
            const auto slash = key.find('/');
            if (slash != std::string::npos)
                f->policies[key.substr(0, slash)].push_back(key.substr(slash + 1));
            ++f->policyCount;
            return true;
        });
        f->computeMs = msSince(start);
        return f;
    }

    // A stored flow is hidden behind a node's mark: the source's egress is open and the
    // destination admits every such namespace, or the other way round.
    bool hiddenByMark(const Stored &s) const
    {
        return (fromAll[std::size_t(s.to)] && egressOpen[std::size_t(s.from)])
            || (toAll[std::size_t(s.from)] && ingressOpen[std::size_t(s.to)]);
    }
};

// ---------------------------------------------------------------------------------------
// Rules in words (the engine's rendering, the one tenantryctl can-reach --explain prints)

QString TrafficGraph::ruleText(const kube::net::NetworkPolicySet &set, const RuleRef &ref)
{
    const bool ingress = ref.direction == Direction::Ingress;
    const QString policy = qs(ref.ns) + QLatin1Char('/') + qs(ref.policy);
    const QString head = ref.rule < 0 ? policy
                       : ingress      ? tr("ingress rule %1 of %2").arg(ref.rule + 1).arg(policy)
                                      : tr("egress rule %1 of %2").arg(ref.rule + 1).arg(policy);
    const std::string text = set.ruleText(ref);
    return text.empty() ? head : head + QStringLiteral(": ") + qs(text);
}

QString TrafficGraph::reachText(Reach reach)
{
    switch (reach) {
    case Reach::None: return tr("no traffic");
    case Reach::Some: return tr("some pods or ports");
    case Reach::All: break;
    }
    return tr("all pods, all ports");
}

// ---------------------------------------------------------------------------------------
// Queries

QStringList TrafficEdgeInfo::policies() const
{
    QStringList out;
    for (const auto *list : {&egress, &ingress})
        for (const auto &r : *list)
            out << qs(r.ref.ns) + QLatin1Char('/') + qs(r.ref.policy);
    out.removeDuplicates();
    std::sort(out.begin(), out.end());
    return out;
}

int TrafficGraphData::groupIndex(const QString &workspace) const
{
    for (std::size_t i = 0; i < groups.size(); ++i)
        if (groups[i].workspace == workspace)
            return int(i);
    return -1;
}

std::vector<int> TrafficGraphData::edgesOf(int node) const
{
    std::vector<int> out;
    if (node < 0 || node >= int(nodes.size()))
        return out;
    const int group = nodes[std::size_t(node)].group;
    for (std::size_t i = 0; i < edges.size(); ++i) {
        const Edge &e = edges[i];
        if (e.group ? (e.from == group || e.to == group) : (e.from == node || e.to == node))
            out.push_back(int(i));
    }
    return out;
}

TrafficEdgeInfo TrafficGraphData::edgeDetails(const QString &from, const QString &to) const
{
    TrafficEdgeInfo info;
    if (!flows)
        return info;
    const std::string a = from.toStdString(), b = to.toStdString();
    if (flows->indexOf(a) < 0 || flows->indexOf(b) < 0)
        return info;
    const kube::net::NamespaceFlow flow = flows->map.flow(a, b);
    info.valid = true;
    info.from = from;
    info.to = to;
    info.reach = flow.reach;
    info.detail = qs(flow.detail);
    info.egressRestricted = !flows->map.egressOpen(a);
    info.ingressRestricted = !flows->map.ingressOpen(b);
    for (const auto &r : flow.egressRules)
        info.egress.push_back({r, TrafficGraph::ruleText(flows->set, r)});
    for (const auto &r : flow.ingressRules)
        info.ingress.push_back({r, TrafficGraph::ruleText(flows->set, r)});
    return info;
}

TrafficEdgeInfo TrafficGraphData::groupEdgeDetails(const QString &fromWorkspace, const QString &toWorkspace) const
{
    TrafficEdgeInfo info;
    const int g = groupIndex(fromWorkspace), h = groupIndex(toWorkspace);
    if (!flows || g < 0 || h < 0)
        return info;
    info.valid = true;
    info.group = true;
    info.from = fromWorkspace;
    info.to = toWorkspace;
    info.reach = Reach::All;
    std::vector<char> inG(flows->names.size(), 0), inH(flows->names.size(), 0);
    for (const Node &n : nodes) {
        const int i = flows->indexOf(n.name.toStdString());
        if (i < 0)
            continue;
        if (n.group == g)
            inG[std::size_t(i)] = 1;
        if (n.group == h)
            inH[std::size_t(i)] = 1;
    }
    auto add = [](std::vector<TrafficRule> &list, const RuleRef &r, const kube::net::NetworkPolicySet &set) {
        if (std::none_of(list.begin(), list.end(), [&](const TrafficRule &t) { return t.ref == r; }))
            list.push_back({r, TrafficGraph::ruleText(set, r)});
    };
    const auto &all = flows->map.restrictedFlows();
    for (const auto &s : flows->stored) {
        if (!inG[std::size_t(s.from)] || !inH[std::size_t(s.to)])
            continue;
        const auto &flow = all[s.flow];
        info.reach = weaker(info.reach, flow.reach);
        info.egressRestricted = info.egressRestricted || !flows->egressOpen[std::size_t(s.from)];
        info.ingressRestricted = info.ingressRestricted || !flows->ingressOpen[std::size_t(s.to)];
        for (const auto &r : flow.egressRules)
            add(info.egress, r, flows->set);
        for (const auto &r : flow.ingressRules)
            add(info.ingress, r, flows->set);
    }
    const auto byRef = [](const TrafficRule &x, const TrafficRule &y) {
        return std::tie(x.ref.ns, x.ref.policy, x.ref.rule) < std::tie(y.ref.ns, y.ref.policy, y.ref.rule);
    };
    std::sort(info.egress.begin(), info.egress.end(), byRef);
    std::sort(info.ingress.begin(), info.ingress.end(), byRef);
    const int gs = int(std::count(inG.begin(), inG.end(), 1)), hs = int(std::count(inH.begin(), inH.end(), 1));
    info.pairs = g == h ? gs * (gs - 1) : gs * hs;
    if (info.reach == Reach::Some)
        info.detail = QObject::tr("some project pairs only for some pods or ports");
    return info;
}

TrafficNodeInfo TrafficGraphData::nodeDetails(const QString &ns) const
{
    TrafficNodeInfo info;
    if (!flows)
        return info;
    const std::string name = ns.toStdString();
    const int i = flows->indexOf(name);
    if (i < 0)
        return info;
    const auto u = std::size_t(i);
    info.valid = true;
    info.ns = ns;
    const int node = nodeIndex(ns);
    if (node >= 0) {
        const Node &n = nodes[std::size_t(node)];
        info.workspace = groups[std::size_t(n.group)].workspace;
        switch (n.isolation) {
        case Isolation::Project: info.isolation = QObject::tr("project isolation on"); break;
        case Isolation::Workspace: info.isolation = QObject::tr("workspace isolation on"); break;
        case Isolation::Off: info.isolation = QObject::tr("off"); break;
        }
    }
    info.ingressOpen = flows->ingressOpen[u];
    info.egressOpen = flows->egressOpen[u];
    info.self = flows->self[u];
    const auto &all = flows->map.restrictedFlows();
    for (int s : flows->in[u]) {
        const auto &st = flows->stored[std::size_t(s)];
        info.reachedFrom.push_back({qs(flows->names[std::size_t(st.from)]), st.reach, qs(all[st.flow].detail)});
    }
    for (int s : flows->out[u]) {
        const auto &st = flows->stored[std::size_t(s)];
        info.reaches.push_back({qs(flows->names[std::size_t(st.to)]), st.reach, qs(all[st.flow].detail)});
    }
    if (info.ingressOpen)
        info.openSources = flows->egressOpenCount - (info.egressOpen ? 1 : 0);
    if (info.egressOpen)
        info.openTargets = flows->ingressOpenCount - (info.ingressOpen ? 1 : 0);
    if (auto it = flows->policies.find(name); it != flows->policies.end())
        for (const auto &p : it->second)
            info.policies << qs(p);
    return info;
}

// ---------------------------------------------------------------------------------------
// The computation

std::shared_ptr<const TrafficGraphData> TrafficGraph::compute(const GraphSnapshot &snapshot, const Options &options,
                                                              const std::shared_ptr<const TrafficGraphData> &previous,
                                                              const kube::CancelTokenPtr &cancel)
{
    using Data = TrafficGraphData;
    using G = TrafficGeometry;
    auto data = std::make_shared<Data>();
    data->version = snapshot.version();
    data->workspace = options.workspace;
    data->showOutside = options.showOutside;
    data->policiesKnown = snapshot.fed(GraphKind::NetworkPolicy);

    auto fingerprint = TrafficFlows::fingerprintOf(snapshot);
    if (previous && previous->flows && previous->flows->fingerprint == fingerprint) {
        data->flows = previous->flows;
    } else {
        data->flows = TrafficFlows::build(snapshot, std::move(fingerprint), cancel.get());
        if (!data->flows) {
            data->cancelled = true;
            return data;
        }
        data->flowMs = data->flows->computeMs;
    }
    const auto start = std::chrono::steady_clock::now();
    const TrafficFlows &f = *data->flows;
    const int n = int(f.names.size());
    data->namespaceCount = n;
    data->policyCount = int(f.policyCount);
    data->warnings = f.warnings;

    // Groups: workspaces in natural order, the namespaces outside workspaces last.
    std::map<QString, std::vector<int>, decltype(&NaturalOrder::less)> byWorkspace(&NaturalOrder::less);
    std::vector<int> outside;
    std::vector<QString> workspaceOf(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        const QString ws = qs(snapshot.workspaceOf(f.names[std::size_t(i)]));
        workspaceOf[std::size_t(i)] = ws;
        (ws.isEmpty() ? outside : byWorkspace[ws]).push_back(i);
    }
    for (const auto &w : snapshot.workspaces())
        byWorkspace.try_emplace(qs(w.name));
    auto byName = [&](int a, int b) { return NaturalOrder::less(qs(f.names[std::size_t(a)]), qs(f.names[std::size_t(b)])); };
    for (auto &[ws, list] : byWorkspace)
        std::sort(list.begin(), list.end(), byName);
    std::sort(outside.begin(), outside.end(), byName);

    // Fans: a namespace that reaches every project (or that every project reaches), counting
    // the open pairs by arithmetic and the decided ones from the stored flows.
    std::vector<char> toProjects(static_cast<std::size_t>(n), 0), fromProjects(static_cast<std::size_t>(n), 0);
    std::vector<Reach> toProjectsReach(static_cast<std::size_t>(n), Reach::All), fromProjectsReach(static_cast<std::size_t>(n), Reach::All);
    {
        int projects = 0, projectsIngressOpen = 0, projectsEgressOpen = 0;
        for (int i = 0; i < n; ++i)
            if (!workspaceOf[std::size_t(i)].isEmpty()) {
                ++projects;
                projectsIngressOpen += f.ingressOpen[std::size_t(i)];
                projectsEgressOpen += f.egressOpen[std::size_t(i)];
            }
        std::vector<int> outStored(static_cast<std::size_t>(n), 0), inStored(static_cast<std::size_t>(n), 0);
        for (const auto &st : f.stored) {
            if (!workspaceOf[std::size_t(st.to)].isEmpty()) {
                ++outStored[std::size_t(st.from)];
                toProjectsReach[std::size_t(st.from)] = weaker(toProjectsReach[std::size_t(st.from)], st.reach);
            }
            if (!workspaceOf[std::size_t(st.from)].isEmpty()) {
                ++inStored[std::size_t(st.to)];
                fromProjectsReach[std::size_t(st.to)] = weaker(fromProjectsReach[std::size_t(st.to)], st.reach);
            }
        }
        for (int i = 0; i < n; ++i) {
            const auto u = std::size_t(i);
            const bool project = !workspaceOf[u].isEmpty();
            const int others = projects - (project ? 1 : 0);
            const int openOut = f.egressOpen[u] ? projectsIngressOpen - (project && f.ingressOpen[u] ? 1 : 0) : 0;
            const int openIn = f.ingressOpen[u] ? projectsEgressOpen - (project && f.egressOpen[u] ? 1 : 0) : 0;
            // Only where it saves a fan of arrows (a lone arrow says more than a mark), and
            // where rules decide some of it (all open is what the open marks say already).
            toProjects[u] = outStored[u] >= kFanArrows && outStored[u] + openOut == others;
            fromProjects[u] = inStored[u] >= kFanArrows && inStored[u] + openIn == others;
        }
    }
    auto hiddenByFan = [&](const TrafficFlows::Stored &st) {
        return (toProjects[std::size_t(st.from)] && !workspaceOf[std::size_t(st.to)].isEmpty())
            || (fromProjects[std::size_t(st.to)] && !workspaceOf[std::size_t(st.from)].isEmpty());
    };

    auto inScope = [&](int ns) {
        const QString &ws = workspaceOf[std::size_t(ns)];
        if (!options.workspace.isEmpty())
            return ws == options.workspace;
        return !ws.isEmpty() || options.showOutside;
    };

    // Group completeness: every project of G reaches every project of H (G may be H). The
    // pairs a rule decides are counted from the stored flows, the open pairs by arithmetic.
    struct Bucket {
        int stored = 0;
        int drawable = 0;
        Reach reach = Reach::All;
    };
    std::map<std::pair<QString, QString>, Bucket> buckets;
    for (const auto &s : f.stored) {
        if (!inScope(s.from) || !inScope(s.to))
            continue;
        const QString &g = workspaceOf[std::size_t(s.from)], &h = workspaceOf[std::size_t(s.to)];
        if (g.isEmpty() || h.isEmpty())
            continue;
        if (!options.workspace.isEmpty() && g != h)
            continue;
        Bucket &b = buckets[{g, h}];
        ++b.stored;
        b.drawable += !f.hiddenByMark(s) && !hiddenByFan(s);
        b.reach = weaker(b.reach, s.reach);
    }
    std::map<std::pair<QString, QString>, bool> complete;
    for (const auto &[key, b] : buckets) {
        if (b.drawable == 0)
            continue;
        const auto &gs = byWorkspace[key.first];
        const auto &hs = byWorkspace[key.second];
        long long eo = 0, io = 0, both = 0;
        for (int a : gs)
            eo += f.egressOpen[std::size_t(a)];
        for (int b2 : hs)
            io += f.ingressOpen[std::size_t(b2)];
        const bool same = key.first == key.second;
        if (same)
            for (int a : gs)
                both += f.egressOpen[std::size_t(a)] && f.ingressOpen[std::size_t(a)];
        const long long pairs = same ? (long long)gs.size() * ((long long)gs.size() - 1) : (long long)gs.size() * (long long)hs.size();
        const long long reaching = b.stored + eo * io - both;
        if (pairs > 1 && reaching == pairs)
            complete[key] = true;
    }

    // The arrows: restricted flows with one end in scope, not behind a mark.
    std::vector<char> shown(static_cast<std::size_t>(n), 0), external(static_cast<std::size_t>(n), 0);
    for (int i = 0; i < n; ++i) {
        shown[std::size_t(i)] = inScope(i);
        // A fan's mark is shown where the arrows would have been (outside the scope as well).
        if (!shown[std::size_t(i)] && (toProjects[std::size_t(i)] || fromProjects[std::size_t(i)]))
            shown[std::size_t(i)] = external[std::size_t(i)] = 1;
    }
    std::vector<const TrafficFlows::Stored *> arrows;
    std::map<std::pair<QString, QString>, Reach> groupArrows;
    for (const auto &s : f.stored) {
        const bool a = inScope(s.from), b = inScope(s.to);
        if (!a && !b)
            continue;
        ++data->restrictedFlows;
        if (f.hiddenByMark(s) || hiddenByFan(s)) {
            ++data->hiddenFlows;
            continue;
        }
        const QString &g = workspaceOf[std::size_t(s.from)], &h = workspaceOf[std::size_t(s.to)];
        if (a && b && complete.count({g, h})) {
            ++data->hiddenFlows;
            if (g != h)
                groupArrows.try_emplace({g, h}, buckets[{g, h}].reach);
            continue;
        }
        arrows.push_back(&s);
        for (int end : {s.from, s.to})
            if (!shown[std::size_t(end)]) {
                shown[std::size_t(end)] = 1;
                external[std::size_t(end)] = 1;
            }
    }

    // Layout: groups in scope first, then the groups of external nodes; nodes on a grid in
    // each group; groups packed in rows (deterministic: every order above is by name).
    struct Pending {
        QString ws;
        std::vector<int> members;
        bool external;
        int total;
    };
    std::vector<Pending> pending;
    auto collect = [&](const QString &ws, const std::vector<int> &list, bool wantExternal) {
        std::vector<int> members;
        for (int i : list)
            if (shown[std::size_t(i)] && bool(external[std::size_t(i)]) == wantExternal)
                members.push_back(i);
        const bool scoped = options.workspace.isEmpty() ? (!ws.isEmpty() || options.showOutside) : ws == options.workspace;
        if (!members.empty() || (!wantExternal && scoped))
            pending.push_back({ws, std::move(members), wantExternal, int(list.size())});
    };
    if (!options.workspace.isEmpty())
        collect(options.workspace, byWorkspace[options.workspace], false);
    for (const auto &[ws, list] : byWorkspace)
        if (ws != options.workspace)
            collect(ws, list, false);
    collect(QString(), outside, false);
    for (const auto &[ws, list] : byWorkspace)
        collect(ws, list, true);
    collect(QString(), outside, true);

    struct Size {
        int cols = 1, rows = 1;
        double w = 0, h = 0;
    };
    std::vector<Size> sizes;
    double area = 0, widest = 0;
    for (const auto &p : pending) {
        Size s;
        const int count = std::max<int>(1, int(p.members.size()));
        s.cols = std::max(1, int(std::ceil(std::sqrt(count * 1.6))));
        s.cols = std::min(s.cols, count);
        s.rows = (count + s.cols - 1) / s.cols;
        s.w = 2 * G::kGroupPadding + s.cols * G::kNodeWidth + (s.cols - 1) * G::kNodeGapX;
        s.h = G::kGroupTitle + G::kGroupPadding + s.rows * G::kNodeHeight + (s.rows - 1) * G::kNodeGapY + G::kGroupPadding;
        area += (s.w + G::kGroupGap) * (s.h + G::kGroupGap);
        widest = std::max(widest, s.w);
        sizes.push_back(s);
    }
    const double rowWidth = std::max(widest, std::sqrt(area) * 1.5);
    double x = 0, y = 0, rowHeight = 0;
    for (std::size_t gi = 0; gi < pending.size(); ++gi) {
        const Pending &p = pending[gi];
        const Size &s = sizes[gi];
        if (x > 0 && x + s.w > rowWidth) {
            x = 0;
            y += rowHeight + G::kGroupGap;
            rowHeight = 0;
        }
        Data::Group group;
        group.workspace = p.ws;
        group.title = p.ws.isEmpty() ? QObject::tr("Namespaces outside workspaces") : p.ws;
        group.rect = QRectF(x, y, s.w, s.h);
        group.external = p.external;
        group.projects = int(p.members.size());
        group.total = p.total;
        if (!p.ws.isEmpty())
            if (auto w = snapshot.workspace(p.ws.toStdString()))
                group.isolated = w->isolation.enabled;
        if (!p.external)
            if (auto it = complete.find({p.ws, p.ws}); it != complete.end()) {
                group.internalAll = true;
                group.internalReach = buckets[{p.ws, p.ws}].reach;
            }
        const int groupIndex = int(data->groups.size());
        for (std::size_t k = 0; k < p.members.size(); ++k) {
            const int i = p.members[k];
            const auto u = std::size_t(i);
            Data::Node node;
            node.name = qs(f.names[u]);
            node.group = groupIndex;
            const int col = int(k) % s.cols, row = int(k) / s.cols;
            node.rect = QRectF(x + G::kGroupPadding + col * (G::kNodeWidth + G::kNodeGapX),
                               y + G::kGroupTitle + G::kGroupPadding + row * (G::kNodeHeight + G::kNodeGapY), G::kNodeWidth,
                               G::kNodeHeight);
            node.ingressOpen = f.ingressOpen[u];
            node.egressOpen = f.egressOpen[u];
            node.fromAll = f.fromAll[u];
            node.toAll = f.toAll[u];
            node.fromAllReach = f.fromAllReach[u];
            node.toAllReach = f.toAllReach[u];
            node.toProjects = toProjects[u];
            node.fromProjects = fromProjects[u];
            node.toProjectsReach = toProjectsReach[u];
            node.fromProjectsReach = fromProjectsReach[u];
            node.self = f.self[u];
            node.external = p.external;
            if (auto it = f.policies.find(f.names[u]); it != f.policies.end())
                node.policies = int(it->second.size());
            const auto iso = snapshot.projectIsolation(f.names[u]);
            node.isolation = iso.enabled ? Data::Isolation::Project
                           : iso.workspaceIsolated ? Data::Isolation::Workspace
                                                   : Data::Isolation::Off;
            data->m_index.insert(node.name, int(data->nodes.size()));
            data->nodes.push_back(std::move(node));
        }
        data->groups.push_back(std::move(group));
        x += s.w + G::kGroupGap;
        rowHeight = std::max(rowHeight, s.h);
    }
    for (const auto &g : data->groups)
        data->bounds = data->bounds.united(g.rect);

    std::vector<int> nodeOf(static_cast<std::size_t>(n), -1);
    for (int i = 0; i < n; ++i)
        nodeOf[std::size_t(i)] = data->nodeIndex(qs(f.names[std::size_t(i)]));
    for (const auto *s : arrows) {
        Data::Edge e;
        e.from = nodeOf[std::size_t(s->from)];
        e.to = nodeOf[std::size_t(s->to)];
        e.reach = s->reach;
        if (e.from >= 0 && e.to >= 0)
            data->edges.push_back(e);
    }
    for (const auto &[key, reach] : groupArrows) {
        Data::Edge e;
        e.group = true;
        e.from = data->groupIndex(key.first);
        e.to = data->groupIndex(key.second);
        e.reach = reach;
        e.pairs = int(byWorkspace[key.first].size() * byWorkspace[key.second].size());
        if (e.from >= 0 && e.to >= 0)
            data->edges.push_back(e);
    }
    data->layoutMs = msSince(start);
    return data;
}

// ---------------------------------------------------------------------------------------
// The Qt object

TrafficGraph::TrafficGraph(QObject *parent)
    : QObject(parent)
{
}

TrafficGraph::~TrafficGraph()
{
    // The last graph may hold a large flow map: freed on the pool, not here.
    AsyncTask::releaseLater(std::const_pointer_cast<TrafficGraphData>(m_data));
}

void TrafficGraph::setSession(ClusterSession *session)
{
    if (m_session == session)
        return;
    disconnect(m_sessionConnection);
    m_session = session;
    if (!session)
        return;
    m_sessionConnection = connect(session, &ClusterSession::outlineChanged, this, [this] {
        if (m_session)
            setSnapshot(m_session->snapshot());
    });
    setSnapshot(session->snapshot());
}

ClusterSession *TrafficGraph::session() const
{
    return m_session;
}

void TrafficGraph::setSnapshot(const GraphSnapshot &snapshot)
{
    m_snapshot = snapshot;
    if (m_data && m_data->version == snapshot.version() && m_data->workspace == m_options.workspace
        && m_data->showOutside == m_options.showOutside)
        return;
    schedule();
}

void TrafficGraph::setWorkspace(const QString &workspace)
{
    if (m_options.workspace == workspace)
        return;
    m_options.workspace = workspace;
    schedule();
}

void TrafficGraph::setShowOutside(bool show)
{
    if (m_options.showOutside == show)
        return;
    m_options.showOutside = show;
    schedule();
}

QStringList TrafficGraph::workspaces() const
{
    QStringList out;
    for (const auto &w : m_snapshot.workspaces())
        out << qs(w.name);
    std::sort(out.begin(), out.end(), &NaturalOrder::less);
    return out;
}

TrafficEdgeInfo TrafficGraph::edgeDetails(const QString &from, const QString &to) const
{
    return m_data ? m_data->edgeDetails(from, to) : TrafficEdgeInfo{};
}

TrafficNodeInfo TrafficGraph::nodeDetails(const QString &ns) const
{
    return m_data ? m_data->nodeDetails(ns) : TrafficNodeInfo{};
}

void TrafficGraph::schedule()
{
    // One computation at a time; changes meanwhile are folded into one more run.
    if (m_running) {
        m_pending = true;
        return;
    }
    run();
}

void TrafficGraph::run()
{
    m_running = true;
    m_pending = false;
    m_cancel = std::make_shared<kube::CancelToken>();
    emit computingChanged(true);
    const GraphSnapshot snapshot = m_snapshot;
    const Options options = m_options;
    const auto previous = m_data;
    auto cancel = m_cancel;
    AsyncTask::run(this, [snapshot, options, previous, cancel] { return compute(snapshot, options, previous, cancel); },
                   [this](std::shared_ptr<const TrafficGraphData> data) {
        m_running = false;
        if (data->cancelled) {
            // The user stopped it: the graph shown stays; what changed meanwhile waits for the
            // next change or refresh(). (A computation that finished before it noticed the
            // token is whole and is shown.)
            qCDebug(lcTraffic) << "traffic graph cancelled";
            AsyncTask::releaseLater(std::const_pointer_cast<TrafficGraphData>(std::move(data)));
            m_pending = false;
            emit computingChanged(false);
            emit cancelled();
            return;
        }
        qCDebug(lcTraffic) << "traffic graph of version" << data->version << ":" << data->nodes.size() << "nodes,"
                           << data->edges.size() << "arrows; flows" << data->flowMs << "ms, layout" << data->layoutMs << "ms";
        AsyncTask::releaseLater(std::const_pointer_cast<TrafficGraphData>(std::exchange(m_data, std::move(data))));
        emit computed();
        if (m_pending)
            run();
        else
            emit computingChanged(false);
    });
}

void TrafficGraph::cancel()
{
    if (m_running && m_cancel)
        m_cancel->cancel();
}

void TrafficGraph::refresh()
{
    schedule();
}
