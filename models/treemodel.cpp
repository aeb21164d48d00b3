// TreeModel: the generic QAbstractItemModel side of the typed tree. Items carry their row,
// so parent() is O(1); internalPointer() is the item itself.
#include "models/treemodel.h"

TreeModel::TreeModel(int columnCount, QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<TreeItem>())
    , m_columnCount(columnCount)
{
    m_root->m_model = this;
}

TreeModel::~TreeModel() = default;

TreeItem *TreeModel::itemForIndex(const QModelIndex &index) const
{
    if (!index.isValid())
        return m_root.get();
    Q_ASSERT(index.model() == this);
    return static_cast<TreeItem *>(index.internalPointer());
}

QModelIndex TreeModel::indexForItem(const TreeItem *item, int column) const
{
    if (!item || item == m_root.get() || item->m_model != this)
        return {};
    return createIndex(item->m_row, column, const_cast<TreeItem *>(item));
}

void TreeModel::insertItems(TreeItem *parent, int row, std::vector<std::unique_ptr<TreeItem>> items)
{
    if (items.empty())
        return;
    Q_ASSERT(parent && parent->m_model == this);
    Q_ASSERT(row >= 0 && row <= parent->childCount());
    const int count = static_cast<int>(items.size());
    beginInsertRows(indexForItem(parent), row, row + count - 1);
    for (auto &item : items) {
        item->m_parent = parent;
        item->setModel(this);
    }
    parent->m_children.insert(parent->m_children.begin() + row, std::make_move_iterator(items.begin()),
                              std::make_move_iterator(items.end()));
    parent->renumberFrom(row);
    endInsertRows();
}

void TreeModel::removeItems(TreeItem *parent, int first, int last)
{
    Q_ASSERT(parent && parent->m_model == this);
    if (first > last)
        return;
    Q_ASSERT(first >= 0 && last < parent->childCount());
    beginRemoveRows(indexForItem(parent), first, last);
    // Detached first, destroyed after endRemoveRows: views may still look at them in between.
    std::vector<std::unique_ptr<TreeItem>> gone(std::make_move_iterator(parent->m_children.begin() + first),
                                                std::make_move_iterator(parent->m_children.begin() + last + 1));
    parent->m_children.erase(parent->m_children.begin() + first, parent->m_children.begin() + last + 1);
    parent->renumberFrom(first);
    endRemoveRows();
}

void TreeModel::itemsChanged(TreeItem *parent, int first, int last, const QList<int> &roles)
{
    if (first > last || !parent)
        return;
    const TreeItem *a = parent->childAt(first);
    const TreeItem *b = parent->childAt(last);
    if (!a || !b)
        return;
    emit dataChanged(indexForItem(a, 0), indexForItem(b, m_columnCount - 1), roles);
}

void TreeModel::itemChanged(TreeItem *item, const QList<int> &roles)
{
    if (item && item->m_parent)
        itemsChanged(item->m_parent, item->m_row, item->m_row, roles);
}

void TreeModel::clear()
{
    beginResetModel();
    m_root->m_children.clear();
    endResetModel();
}

bool TreeModel::isConsistent(QString *why) const
{
    bool ok = true;
    auto fail = [&](const QString &text) {
        if (ok && why)
            *why = text;
        ok = false;
    };
    std::vector<const TreeItem *> stack{m_root.get()};
    while (!stack.empty() && ok) {
        const TreeItem *item = stack.back();
        stack.pop_back();
        if (item->m_model != this)
            fail(QStringLiteral("item at level %1 belongs to another model").arg(item->level()));
        for (int i = 0; i < item->childCount(); ++i) {
            const TreeItem *c = item->childAt(i);
            if (c->m_parent != item)
                fail(QStringLiteral("child %1 of an item at level %2 has a wrong parent").arg(i).arg(item->level()));
            if (c->m_row != i)
                fail(QStringLiteral("child %1 of an item at level %2 caches row %3").arg(i).arg(item->level()).arg(c->m_row));
            stack.push_back(c);
        }
    }
    return ok;
}

QModelIndex TreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= m_columnCount)
        return {};
    if (parent.isValid() && parent.column() != 0)
        return {};
    const TreeItem *p = itemForIndex(parent);
    const TreeItem *c = p ? p->childAt(row) : nullptr;
    if (!c)
        return {};
    return createIndex(row, column, const_cast<TreeItem *>(c));
}

QModelIndex TreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const TreeItem *item = itemForIndex(child);
    return indexForItem(item->m_parent);
}

int TreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return itemForIndex(parent)->childCount();
}

int TreeModel::columnCount(const QModelIndex &) const { return m_columnCount; }

QVariant TreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    return itemForIndex(index)->data(index.column(), role);
}

Qt::ItemFlags TreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return itemForIndex(index)->flags(index.column());
}
