// TenancyTreeModel: merges each new outline into the tree. Both sides are in NaturalOrder, so
// one linear pass finds the runs to remove, the runs to insert and the rows that changed,
// and each run becomes one begin/end pair (Dolphin's coalesced range signals).
#include "models/tenancytreemodel.h"

#include "models/modelslogging.h"
#include "models/naturalorder.h"

#include <QCoreApplication>

namespace {

// Run-length grouping of sorted row numbers into [first, last] ranges.
template <typename F>
void forEachRun(const std::vector<int> &rows, F &&visit)
{
    std::size_t i = 0;
    while (i < rows.size()) {
        std::size_t j = i;
        while (j + 1 < rows.size() && rows[j + 1] == rows[j] + 1)
            ++j;
        visit(rows[i], rows[j]);
        i = j + 1;
    }
}

std::vector<const OutlineEntry *> pointers(const std::vector<OutlineEntry> &entries)
{
    std::vector<const OutlineEntry *> out;
    out.reserve(entries.size());
    for (const auto &e : entries)
        out.push_back(&e);
    return out;
}

} // namespace

TenancyTreeModel::TenancyTreeModel(QObject *parent)
    : TreeModel(ColumnCount, parent)
{
    connect(this, &QAbstractItemModel::modelReset, this, [this] { ++m_stats.resets; });
}

QVariant TenancyTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case CountColumn: return tr("Count");
    default: return {};
    }
}

TenancyNode *TenancyTreeModel::nodeForIndex(const QModelIndex &index) const
{
    if (!index.isValid())
        return nullptr;
    // The root is a plain TreeItem; an index that resolves to it names no tenancy node.
    TreeItem *item = itemForIndex(index);
    if (!item || item == rootItem())
        return nullptr;
    return static_cast<TenancyNode *>(item);
}

TenancyNode *TenancyTreeModel::clusterNode(const QString &id) const
{
    for (int i = 0; i < rootItem()->childCount(); ++i) {
        auto *n = static_cast<TenancyNode *>(rootItem()->childAt(i));
        if (n->name() == id)
            return n;
    }
    return nullptr;
}

QStringList TenancyTreeModel::clusters() const
{
    QStringList out;
    for (int i = 0; i < rootItem()->childCount(); ++i)
        out << static_cast<TenancyNode *>(rootItem()->childAt(i))->name();
    return out;
}

void TenancyTreeModel::addCluster(const QString &id)
{
    if (clusterNode(id))
        return;
    // A new cluster's fixed skeleton: three inserts, once per connection.
    auto cluster = std::make_unique<TenancyNode>(NodeKind::Cluster, id);
    std::vector<std::unique_ptr<TreeItem>> top;
    top.push_back(std::move(cluster));
    insertItems(rootItem(), rootItem()->childCount(), std::move(top));
    TenancyNode *c = clusterNode(id);
    std::vector<std::unique_ptr<TreeItem>> sections;
    sections.push_back(std::make_unique<TenancyNode>(NodeKind::Platform, sectionTitle(NodeKind::Platform)));
    sections.push_back(std::make_unique<TenancyNode>(NodeKind::Workspaces, sectionTitle(NodeKind::Workspaces)));
    sections.push_back(std::make_unique<TenancyNode>(NodeKind::OrphanProjects, sectionTitle(NodeKind::OrphanProjects)));
    insertItems(c, 0, std::move(sections));
    std::vector<std::unique_ptr<TreeItem>> platform;
    platform.push_back(std::make_unique<TenancyNode>(NodeKind::Users, sectionTitle(NodeKind::Users)));
    platform.push_back(std::make_unique<TenancyNode>(NodeKind::PlatformRoles, sectionTitle(NodeKind::PlatformRoles)));
    platform.push_back(std::make_unique<TenancyNode>(NodeKind::ClusterRoles, sectionTitle(NodeKind::ClusterRoles)));
    insertItems(c->child(0), 0, std::move(platform));
    m_stats.inserts += 3;
}

void TenancyTreeModel::removeCluster(const QString &id)
{
    m_unreachable.remove(id);
    if (TenancyNode *c = clusterNode(id)) {
        removeItems(rootItem(), c->row(), c->row());
        ++m_stats.removes;
    }
}

TenancyNode *TenancyTreeModel::section(TenancyNode *parent, NodeKind kind) const
{
    if (!parent)
        return nullptr;
    for (int i = 0; i < parent->childCount(); ++i)
        if (parent->child(i)->kind() == kind)
            return parent->child(i);
    return nullptr;
}

TenancyNode *TenancyTreeModel::ensureSection(TenancyNode *parent, NodeKind kind, int row)
{
    if (TenancyNode *s = section(parent, kind))
        return s;
    std::vector<std::unique_ptr<TreeItem>> items;
    items.push_back(std::make_unique<TenancyNode>(kind, sectionTitle(kind)));
    insertItems(parent, std::min(row, parent->childCount()), std::move(items));
    ++m_stats.inserts;
    return section(parent, kind);
}

void TenancyTreeModel::dropSection(TenancyNode *parent, NodeKind kind)
{
    if (TenancyNode *s = section(parent, kind)) {
        removeItems(parent, s->row(), s->row());
        ++m_stats.removes;
    }
}

void TenancyTreeModel::setClusterStatus(const QString &id, const SessionStatus &status)
{
    TenancyNode *c = clusterNode(id);
    if (!c)
        return;
    const bool wasStale = c->stale();
    if (c->setStatus(status)) {
        itemChanged(c);
        ++m_stats.changes;
    }
    if (wasStale != c->stale())
        markStale(c);
    syncNothingReachable(c);
}

void TenancyTreeModel::syncNothingReachable(TenancyNode *cluster)
{
    const bool show = m_unreachable.contains(cluster->name()) && cluster->status().loaded;
    if (!show) {
        dropSection(cluster, NodeKind::NothingReachable);
        return;
    }
    if (section(cluster, NodeKind::NothingReachable))
        return;
    ensureSection(cluster, NodeKind::NothingReachable, cluster->childCount());
}

void TenancyTreeModel::markStale(TenancyNode *node)
{
    // One dataChanged per parent covers all its rows: a few dozen signals for the whole tree.
    if (node->childCount() > 0) {
        itemsChanged(node, 0, node->childCount() - 1, {Qt::ForegroundRole, StaleRole});
        ++m_stats.changes;
        for (int i = 0; i < node->childCount(); ++i)
            if (node->child(i)->childCount() > 0)
                markStale(node->child(i));
    }
}

void TenancyTreeModel::setOutline(const QString &id, const TenancyOutline &outline)
{
    TenancyNode *c = clusterNode(id);
    if (!c)
        return;
    auto setCount = [&](TenancyNode *s, std::size_t count, TenancyOutline::Section state) {
        if (s && s->setSectionCount(state == TenancyOutline::Section::Loading && count == 0 ? -1 : static_cast<int>(count), state)) {
            itemChanged(s);
            ++m_stats.changes;
        }
    };
    TenancyNode *platform = section(c, NodeKind::Platform);
    TenancyNode *users = section(platform, NodeKind::Users);
    TenancyNode *globalRoles = section(platform, NodeKind::PlatformRoles);
    TenancyNode *clusterRoles = section(platform, NodeKind::ClusterRoles);
    syncChildren(users, NodeKind::User, pointers(outline.users));
    setCount(users, outline.users.size(), outline.usersState);
    syncChildren(globalRoles, NodeKind::PlatformRole, pointers(outline.globalRoles));
    setCount(globalRoles, outline.globalRoles.size(), outline.globalRolesState);
    syncChildren(clusterRoles, NodeKind::ClusterRole, pointers(outline.clusterRoles));
    setCount(clusterRoles, outline.clusterRoles.size(), outline.clusterRolesState);

    TenancyNode *workspaces = section(c, NodeKind::Workspaces);
    std::vector<const OutlineEntry *> wsEntries;
    wsEntries.reserve(outline.workspaces.size());
    for (const auto &w : outline.workspaces)
        wsEntries.push_back(&w.entry);
    syncChildren(workspaces, NodeKind::Workspace, wsEntries);
    // After the merge the workspace nodes are exactly the outline's, in the same order.
    Q_ASSERT(workspaces->childCount() == static_cast<int>(outline.workspaces.size()));
    for (std::size_t i = 0; i < outline.workspaces.size(); ++i)
        syncChildren(workspaces->child(static_cast<int>(i)), NodeKind::Project, pointers(outline.workspaces[i].projects));
    setCount(workspaces, outline.workspaces.size(), outline.workspacesState);

    TenancyNode *orphans = section(c, NodeKind::OrphanProjects);
    syncChildren(orphans, NodeKind::Project, pointers(outline.orphanProjects));
    setCount(orphans, outline.orphanProjects.size(), outline.projectsState);

    if (outline.reachableProjects.empty()) {
        dropSection(c, NodeKind::ReachableProjects);
    } else {
        TenancyNode *reachable = ensureSection(c, NodeKind::ReachableProjects, c->childCount());
        syncChildren(reachable, NodeKind::Project, pointers(outline.reachableProjects));
        setCount(reachable, outline.reachableProjects.size(), TenancyOutline::Section::Known);
    }

    // A restricted identity with nothing to show: the tree says so in place, and offers the way out.
    if (outline.projectsState == TenancyOutline::Section::Forbidden && outline.projectTotal() == 0
        && outline.reachableProjects.empty())
        m_unreachable.insert(id);
    else
        m_unreachable.remove(id);
    syncNothingReachable(c);
}

void TenancyTreeModel::syncChildren(TenancyNode *parent, NodeKind kind, const std::vector<const OutlineEntry *> &entries)
{
    if (!parent)
        return;
    // 1. Removals: children whose name is not among the entries (both sorted).
    std::vector<int> gone;
    {
        std::size_t j = 0;
        for (int r = 0; r < parent->childCount(); ++r) {
            const QString &name = parent->child(r)->name();
            while (j < entries.size() && NaturalOrder::less(entries[j]->name, name))
                ++j;
            if (j >= entries.size() || entries[j]->name != name)
                gone.push_back(r);
        }
    }
    // Back to front, so earlier row numbers stay valid.
    std::vector<std::pair<int, int>> runs;
    forEachRun(gone, [&](int first, int last) { runs.emplace_back(first, last); });
    for (auto it = runs.rbegin(); it != runs.rend(); ++it) {
        removeItems(parent, it->first, it->second);
        ++m_stats.removes;
    }

    // 2. Insertions: the remaining children are a sorted subsequence of the entries.
    int r = 0;
    std::size_t j = 0;
    while (j < entries.size()) {
        if (r < parent->childCount() && parent->child(r)->name() == entries[j]->name) {
            ++r;
            ++j;
            continue;
        }
        std::vector<std::unique_ptr<TreeItem>> run;
        const QString stop = r < parent->childCount() ? parent->child(r)->name() : QString();
        while (j < entries.size() && (stop.isNull() || entries[j]->name != stop)) {
            auto node = std::make_unique<TenancyNode>(kind, entries[j]->name);
            node->setEntry(*entries[j]);
            run.push_back(std::move(node));
            ++j;
        }
        const int n = static_cast<int>(run.size());
        insertItems(parent, r, std::move(run));
        ++m_stats.inserts;
        r += n;
    }

    // 3. Changes: compare entry by entry, one dataChanged per run of changed rows.
    std::vector<int> changed;
    for (int row = 0; row < parent->childCount(); ++row)
        if (parent->child(row)->setEntry(*entries[static_cast<std::size_t>(row)]))
            changed.push_back(row);
    forEachRun(changed, [&](int first, int last) {
        itemsChanged(parent, first, last);
        ++m_stats.changes;
    });
}

QModelIndex TenancyTreeModel::indexForPath(const QString &path) const
{
    // Cluster ids may contain '/' (EKS ARNs): the longest id that prefixes the path wins.
    TenancyNode *cluster = nullptr;
    for (int i = 0; i < rootItem()->childCount(); ++i) {
        auto *c = static_cast<TenancyNode *>(rootItem()->childAt(i));
        if ((path == c->name() || path.startsWith(c->name() + QLatin1Char('/')))
            && (!cluster || c->name().size() > cluster->name().size()))
            cluster = c;
    }
    if (!cluster)
        return {};
    const QStringList parts = path.mid(cluster->name().size() + 1).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    TenancyNode *node = cluster;
    for (const QString &part : parts) {
        TenancyNode *next = nullptr;
        for (int i = 0; i < node->childCount() && !next; ++i)
            if (node->child(i)->name() == part)
                next = node->child(i);
        if (!next)
            return {};
        node = next;
    }
    return indexForItem(node);
}

QModelIndex TenancyTreeModel::findNode(const QString &cluster, NodeKind kind, const QString &name) const
{
    TenancyNode *c = clusterNode(cluster);
    if (!c)
        return {};
    const TenancyNode *found = nullptr;
    c->forAllDescendants([&](const TreeItem *item) {
        const auto *n = static_cast<const TenancyNode *>(item);
        if (!found && n->kind() == kind && n->name() == name)
            found = n;
    });
    return indexForItem(found);
}

QString TenancyTreeModel::pathFor(const QString &cluster, NodeKind kind, const QString &name, const QString &workspace)
{
    const QChar slash(QLatin1Char('/'));
    switch (kind) {
    case NodeKind::Workspace: return cluster + slash + sectionTitle(NodeKind::Workspaces) + slash + name;
    case NodeKind::Project:
        return workspace.isEmpty() ? cluster + slash + sectionTitle(NodeKind::OrphanProjects) + slash + name
                                   : cluster + slash + sectionTitle(NodeKind::Workspaces) + slash + workspace + slash + name;
    case NodeKind::User:
        return cluster + slash + sectionTitle(NodeKind::Platform) + slash + sectionTitle(NodeKind::Users) + slash + name;
    case NodeKind::Cluster: return cluster;
    default: return isSection(kind) ? cluster + slash + sectionTitle(kind) : QString();
    }
}

int TenancyTreeModel::nodeCount() const
{
    int n = 0;
    rootItem()->forAllDescendants([&](const TreeItem *) { ++n; });
    return n;
}
