// A node of a TreeModel (after Qt Creator's utils/treemodel.h): feature code derives typed
// items and never writes index()/parent() again. Structure changes go through the model.
#pragma once

#include <QVariant>

#include <memory>
#include <vector>

class TreeModel;

class TreeItem
{
public:
    TreeItem() = default;
    virtual ~TreeItem();
    TreeItem(const TreeItem &) = delete;
    TreeItem &operator=(const TreeItem &) = delete;

    virtual QVariant data(int column, int role) const;
    virtual Qt::ItemFlags flags(int column) const;

    TreeItem *parent() const { return m_parent; }
    TreeModel *model() const { return m_model; }
    int childCount() const { return static_cast<int>(m_children.size()); }
    TreeItem *childAt(int row) const;
    // The row in the parent, kept up to date by the model: O(1), so parent() stays cheap
    // under a workspace with thousands of projects.
    int row() const { return m_row; }
    int level() const;  // 0 for the invisible root

    template <typename F>
    void forAllDescendants(F &&visit) const
    {
        for (const auto &c : m_children) {
            visit(c.get());
            c->forAllDescendants(visit);
        }
    }

private:
    friend class TreeModel;
    void renumberFrom(int row);
    void setModel(TreeModel *model);

    TreeItem *m_parent = nullptr;
    TreeModel *m_model = nullptr;
    int m_row = 0;
    std::vector<std::unique_ptr<TreeItem>> m_children;
};
