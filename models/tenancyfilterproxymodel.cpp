// TenancyFilterProxyModel: a node is kept when every word of the filter occurs in its own
// text or its ancestors' (so "team-a p1" finds p1 inside workspace team-a); Qt's recursive
// filtering keeps the ancestors of matches. One QString search per node and word.
#include "models/tenancyfilterproxymodel.h"

#include "models/nodekind.h"
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
    invalidateFilter();
}

bool TenancyFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto kind = static_cast<NodeKind>(index.data(TenancyTreeModel::KindRole).toInt());
    // Sections and clusters never match by themselves: "Users" must not keep every user.
    if (kind == NodeKind::Cluster || isSection(kind))
        return false;
    for (const QString &word : m_words) {
        bool found = false;
        for (QModelIndex i = index; i.isValid() && !found; i = i.parent()) {
            const auto k = static_cast<NodeKind>(i.data(TenancyTreeModel::KindRole).toInt());
            if (k == NodeKind::Cluster || isSection(k))
                break;
            found = i.data(TenancyTreeModel::FilterRole).toString().contains(word, Qt::CaseInsensitive);
        }
        if (!found)
            return false;
    }
    return true;
}
