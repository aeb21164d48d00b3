// TenancyFilterProxyModel: a node is kept when every word of the filter occurs in its own
// text or its ancestors' (so "team-a p1" finds p1 inside workspace team-a); Qt's recursive
// filtering keeps the ancestors of matches. One QString search per node and word.
#include "models/tenancyfilterproxymodel.h"

#include "models/nodekind.h"
#include "models/tenancynode.h"
#include "models/tenancytreemodel.h"

TenancyFilterProxyModel::TenancyFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setFilterRole(TenancyTreeModel::FilterRole);
    // The source is already sorted by name; the proxy only filters.
    setDynamicSortFilter(true);
}

void TenancyFilterProxyModel::setFilterText(const QString &text)
{
    const QString trimmed = text.simplified();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    m_words = trimmed.isEmpty() ? QStringList() : trimmed.split(QLatin1Char(' '));
    m_folded.clear();
    for (const QString &w : m_words)
        m_folded << w.toCaseFolded();
    invalidateFilter();
}

// Nodes are read directly (no QVariant, no string built per row): at 100,000 nodes a keystroke
// re-filters every one of them on the GUI thread.
bool TenancyFilterProxyModel::accepts(const TenancyNode *node) const
{
    // Sections and clusters never match by themselves: "Users" must not keep every user.
    if (node->kind() == NodeKind::Cluster || isSection(node->kind()))
        return false;
    for (const QString &word : m_folded) {
        bool found = false;
        for (const TenancyNode *n = node; n && !found; n = n->parentNode()) {
            if (n->kind() == NodeKind::Cluster || isSection(n->kind()))
                break;
            found = n->foldedFilterText().contains(word);
        }
        if (!found)
            return false;
    }
    return true;
}

bool TenancyFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    if (const auto *tree = qobject_cast<const TenancyTreeModel *>(sourceModel())) {
        const TreeItem *parent = sourceParent.isValid() ? tree->itemForIndex(sourceParent) : tree->rootItem();
        const auto *node = parent ? static_cast<const TenancyNode *>(parent->childAt(sourceRow)) : nullptr;
        return node && accepts(node);
    }
    return false;
}
