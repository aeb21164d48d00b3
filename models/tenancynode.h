// One node of the tenancy tree: a cluster, a section ("Users", "Workspaces"...) or an object
// (workspace, project, user, role), with what the tree shows beside it.
#pragma once

#include "models/nodekind.h"
#include "models/sessionstatus.h"
#include "models/tenancyoutline.h"
#include "models/treeitem.h"

#include <memory>

class TenancyNode final : public TreeItem
{
public:
    TenancyNode(NodeKind kind, QString name);

    QVariant data(int column, int role) const override;

    NodeKind kind() const { return m_kind; }
    const QString &name() const { return m_name; }
    const OutlineEntry &entry() const { return m_entry; }
    // What the filter box matches: name and alias, case-folded once here, not per keystroke.
    const QString &foldedFilterText() const { return m_folded; }
    // Returns whether anything the tree shows changed.
    bool setEntry(const OutlineEntry &entry);
    // Sections: the number shown, "…" while loading, "no access" when the kind is forbidden.
    bool setSectionCount(int count, TenancyOutline::Section state);
    // Cluster nodes only.
    bool setStatus(const SessionStatus &status);
    const SessionStatus &status() const;

    const TenancyNode *clusterNode() const;
    QString clusterId() const;
    // The workspace of a project under a workspace node, else "".
    QString scope() const;
    // "cluster/Workspaces/ws1/p1": the --select path of this node.
    QString path() const;
    bool stale() const;

    TenancyNode *child(int row) const { return static_cast<TenancyNode *>(childAt(row)); }
    TenancyNode *parentNode() const { return static_cast<TenancyNode *>(parent()); }

private:
    QString tooltip() const;

    NodeKind m_kind;
    QString m_name;
    OutlineEntry m_entry;
    TenancyOutline::Section m_sectionState = TenancyOutline::Section::Loading;
    // Cluster nodes only (a few hundred bytes: not carried by the 100,000 object nodes of a big
    // tenancy); null until the first setStatus.
    std::unique_ptr<SessionStatus> m_status;
    QString m_folded;
};
