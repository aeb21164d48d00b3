// The allowed-traffic graph of one cluster: projects grouped by workspace as nodes, the
// namespace-granularity flows the NetworkPolicies allow among them (kube::net::computeFlows,
// the engine tenantryctl flows prints too) and a deterministic layout, computed on a worker
// whenever the session's snapshot changes (coalesced), with the queries a click asks.
#pragma once

#include "kubeclient/core/canceltoken.h"
#include "kubeclient/network/netpolicy.h"
#include "kubeclient/tenancy/graph/graphsnapshot.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <vector>

class ClusterSession;
struct TrafficFlows;

// A rule that allows (some of) a flow, or a policy that isolates a side and allows nothing.
struct TrafficRule {
    kube::net::RuleRef ref;
    QString text;  // "ingress rule 1 of p1/allow-web: from namespaces team=a, on port 80/TCP"
};

// What a click on an arrow shows: why traffic from → to is (partly) allowed.
struct TrafficEdgeInfo {
    bool valid = false;
    bool group = false;  // an arrow between workspaces: every project of one reaches the other's
    QString from, to;    // namespaces, or workspaces for a group arrow
    kube::net::Reach reach = kube::net::Reach::None;
    QString detail;      // for Some: what is limited
    int pairs = 1;       // project pairs a group arrow stands for
    bool egressRestricted = false;   // some policy selects pods of the source for Egress
    bool ingressRestricted = false;  // some policy selects pods of the destination for Ingress
    std::vector<TrafficRule> egress;   // rules at the source that allow it
    std::vector<TrafficRule> ingress;  // rules at the destination that allow it
    QStringList policies() const;      // "ns/name" of every rule above, sorted, once each
};

// A namespace on the other end of a flow.
struct TrafficPeer {
    QString ns;
    kube::net::Reach reach = kube::net::Reach::All;
    QString detail;
};

// What a click on a project shows: what may reach it and what it may reach.
struct TrafficNodeInfo {
    bool valid = false;
    QString ns;
    QString workspace;
    QString isolation;  // "project isolation", "workspace isolation", "off"
    bool ingressOpen = true;
    bool egressOpen = true;
    kube::net::Reach self = kube::net::Reach::All;  // pods of the namespace among themselves
    // Restricted flows (a policy decides), other namespaces only, by name.
    std::vector<TrafficPeer> reachedFrom;
    std::vector<TrafficPeer> reaches;
    // With open ingress: the namespaces whose egress is open too reach it without any rule
    // (not listed one by one); the same for open egress.
    int openSources = 0;
    int openTargets = 0;
    QStringList policies;  // NetworkPolicies in the namespace
};

// One computed graph, immutable once published (the view keeps it while it draws).
struct TrafficGraphData {
    enum class Isolation { Off, Project, Workspace };
    struct Group {
        QString workspace;  // "" for the namespaces outside workspaces
        QString title;
        QRectF rect;
        bool isolated = false;  // workspace isolation on
        bool external = false;  // outside the scope: shown for the arrows that need its nodes
        int projects = 0;       // nodes shown in the group
        int total = 0;          // namespaces of the group in the cluster
        // Every project of the group reaches every other one (at least one pair by a rule):
        // drawn as a mark on the group instead of n·(n-1) arrows.
        bool internalAll = false;
        kube::net::Reach internalReach = kube::net::Reach::All;
    };
    struct Node {
        QString name;
        int group = 0;
        QRectF rect;
        bool ingressOpen = true;  // no policy selects its pods for Ingress
        bool egressOpen = true;
        // A policy admits every namespace whose egress is open: those arrows are not drawn.
        bool fromAll = false;
        bool toAll = false;
        kube::net::Reach fromAllReach = kube::net::Reach::All;
        kube::net::Reach toAllReach = kube::net::Reach::All;
        // It reaches every project of every workspace (a monitoring or system namespace the
        // isolation policies admit), or every project reaches it: a mark, not a fan of arrows.
        bool toProjects = false;
        bool fromProjects = false;
        kube::net::Reach toProjectsReach = kube::net::Reach::All;
        kube::net::Reach fromProjectsReach = kube::net::Reach::All;
        kube::net::Reach self = kube::net::Reach::All;
        Isolation isolation = Isolation::Off;
        bool external = false;
        int policies = 0;  // NetworkPolicies in the namespace
    };
    struct Edge {
        int from = 0;  // node indexes, or group indexes when group
        int to = 0;
        kube::net::Reach reach = kube::net::Reach::All;
        bool group = false;
        int pairs = 1;
    };

    std::uint64_t version = 0;  // of the snapshot it was computed from
    QString workspace;          // the scope; "" for every workspace
    bool showOutside = false;
    bool policiesKnown = true;  // NetworkPolicies were read (not forbidden, listed)
    QStringList warnings;       // what the evaluator could not read (named), or lacks
    std::vector<Group> groups;
    std::vector<Node> nodes;
    std::vector<Edge> edges;
    QRectF bounds;
    int namespaceCount = 0;    // namespaces the flows were computed among
    int policyCount = 0;
    int restrictedFlows = 0;   // flows a policy decides (reach Some or All)
    int hiddenFlows = 0;       // of those, shown as a mark instead of an arrow
    double flowMs = 0;         // computeFlows (0 when reused from the previous snapshot)
    double layoutMs = 0;
    bool cancelled = false;    // stopped by the cancel token: nothing else here is filled

    int nodeIndex(const QString &ns) const { return m_index.value(ns, -1); }
    int groupIndex(const QString &workspace) const;
    // Arrows at a node (indexes into edges), group arrows of its group included.
    std::vector<int> edgesOf(int node) const;

    TrafficEdgeInfo edgeDetails(const QString &from, const QString &to) const;
    TrafficEdgeInfo groupEdgeDetails(const QString &fromWorkspace, const QString &toWorkspace) const;
    TrafficNodeInfo nodeDetails(const QString &ns) const;

    std::shared_ptr<const TrafficFlows> flows;  // shared with later versions while unchanged
    QHash<QString, int> m_index;
};

// Geometry of the layout (scene units), shared with the view.
struct TrafficGeometry {
    static constexpr double kNodeWidth = 176;
    static constexpr double kNodeHeight = 52;
    static constexpr double kNodeGapX = 34;
    static constexpr double kNodeGapY = 44;
    static constexpr double kGroupPadding = 22;
    static constexpr double kGroupTitle = 34;
    static constexpr double kGroupGap = 70;
};

class TrafficGraph final : public QObject
{
    Q_OBJECT
public:
    struct Options {
        QString workspace;         // "" for every workspace
        bool showOutside = false;  // every namespace outside workspaces, not only those an arrow needs
    };

    explicit TrafficGraph(QObject *parent = nullptr);
    ~TrafficGraph() override;

    // Follows the session's snapshots (recomputed when the version changes, coalesced).
    void setSession(ClusterSession *session);
    ClusterSession *session() const;
    // A snapshot of its own (tests, offline).
    void setSnapshot(const kube::tenancy::GraphSnapshot &snapshot);
    void setWorkspace(const QString &workspace);
    void setShowOutside(bool show);
    const Options &options() const { return m_options; }

    // The last computed graph; null before the first.
    std::shared_ptr<const TrafficGraphData> data() const { return m_data; }
    bool computing() const { return m_running; }
    // Stops the running computation; the graph shown stays (cancelled() follows). Changes that
    // came meanwhile are not computed until the next change or refresh().
    void cancel();
    // Computes again from the current snapshot (after a cancel).
    void refresh();
    // Workspaces of the current snapshot, for the scope picker.
    QStringList workspaces() const;

    TrafficEdgeInfo edgeDetails(const QString &from, const QString &to) const;
    TrafficNodeInfo nodeDetails(const QString &ns) const;

    // The whole computation, synchronously (the worker's job; tests and the bench call it).
    // `previous` lends its flows when the namespaces and policies are the same objects.
    // A raised `cancel` stops it between namespaces: the result says cancelled.
    static std::shared_ptr<const TrafficGraphData> compute(const kube::tenancy::GraphSnapshot &snapshot,
                                                           const Options &options,
                                                           const std::shared_ptr<const TrafficGraphData> &previous = {},
                                                           const kube::CancelTokenPtr &cancel = {});
    // A rule of a policy in words ("from namespaces team=a, on port 80/TCP").
    static QString ruleText(const kube::net::NetworkPolicySet &set, const kube::net::RuleRef &ref);
    static QString reachText(kube::net::Reach reach);

signals:
    void computed();
    void computingChanged(bool computing);
    void cancelled();  // the computation the user cancelled has stopped

private:
    void schedule();
    void run();

    QPointer<ClusterSession> m_session;
    QMetaObject::Connection m_sessionConnection;
    kube::tenancy::GraphSnapshot m_snapshot;
    Options m_options;
    std::shared_ptr<const TrafficGraphData> m_data;
    bool m_running = false;
    bool m_pending = false;
    kube::CancelTokenPtr m_cancel;  // the running computation's
};
