// The tenancy tree of every connected cluster: Platform (Users, Platform roles, Cluster roles),
// Workspaces → Projects, Projects without workspace. Updated from outlines by merging sorted
// lists: range inserts/removes/changes, never a reset, so selection and expansion survive.
#pragma once

#include "models/tenancynode.h"
#include "models/treemodel.h"

#include <QSet>

class TenancyTreeModel final : public TreeModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, CountColumn, ColumnCount };
    enum Role {
        KindRole = Qt::UserRole + 1,  // NodeKind as int
        NameRole,     // the object name, raw (sorting, filtering, lookups)
        ClusterRole,  // the cluster id
        ScopeRole,    // a project's workspace
        PathRole,     // "cluster/Workspaces/ws1/p1"
        FilterRole,   // name + alias, what the filter box matches
        FlagsRole,    // OutlineEntry flags
        StaleRole,    // the cluster's data is not live
    };

    explicit TenancyTreeModel(QObject *parent = nullptr);

    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void addCluster(const QString &id);
    void removeCluster(const QString &id);
    QStringList clusters() const;
    void setClusterStatus(const QString &id, const SessionStatus &status);
    void setOutline(const QString &id, const TenancyOutline &outline);

    TenancyNode *nodeForIndex(const QModelIndex &index) const;
    TenancyNode *clusterNode(const QString &id) const;
    QModelIndex indexForPath(const QString &path) const;
    // The node of a kind and name under a cluster (workspace "ws1", project "p1", user ...).
    QModelIndex findNode(const QString &cluster, NodeKind kind, const QString &name) const;
    int nodeCount() const;
    // The path a node of this kind and name has (or will have, once a plan created it):
    // workspaces, projects (in their workspace or without one) and users.
    static QString pathFor(const QString &cluster, NodeKind kind, const QString &name, const QString &workspace = {});

    // Counters for tests: structural signals this model emitted (no reset per event).
    struct Stats {
        int inserts = 0, removes = 0, changes = 0, resets = 0;
    };
    const Stats &stats() const { return m_stats; }

private:
    TenancyNode *section(TenancyNode *cluster, NodeKind kind) const;
    TenancyNode *ensureSection(TenancyNode *parent, NodeKind kind, int row);
    void dropSection(TenancyNode *parent, NodeKind kind);
    void syncChildren(TenancyNode *parent, NodeKind kind, const std::vector<const OutlineEntry *> &entries);
    void markStale(TenancyNode *node);
    // Shows or drops the "Nothing reachable" row of a cluster (see m_unreachable).
    void syncNothingReachable(TenancyNode *cluster);

    Stats m_stats;
    // Clusters whose last outline held no project while listing namespaces is forbidden. The
    // row shows once the cluster has loaded, so it never flashes while the reach is found.
    QSet<QString> m_unreachable;
};
