// TreeItem: children owned by their parent, row numbers cached and renumbered on every
// structural change (changes are batched into ranges, so renumbering is cheap).
#include "models/treeitem.h"

TreeItem::~TreeItem() = default;

QVariant TreeItem::data(int, int) const { return {}; }

Qt::ItemFlags TreeItem::flags(int) const { return Qt::ItemIsEnabled | Qt::ItemIsSelectable; }

TreeItem *TreeItem::childAt(int row) const
{
    if (row < 0 || row >= childCount())
        return nullptr;
    return m_children[static_cast<std::size_t>(row)].get();
}

int TreeItem::level() const
{
    int n = 0;
    for (const TreeItem *p = m_parent; p; p = p->m_parent)
        ++n;
    return n;
}

void TreeItem::renumberFrom(int row)
{
    for (int i = row; i < childCount(); ++i)
        m_children[static_cast<std::size_t>(i)]->m_row = i;
}

void TreeItem::setModel(TreeModel *model)
{
    m_model = model;
    for (auto &c : m_children)
        c->setModel(model);
}
