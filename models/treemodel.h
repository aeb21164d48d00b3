// The model half of the typed tree: index()/parent()/rowCount() once for all trees, and
// structure changes that always come in begin…/end… pairs over whole ranges.
#pragma once

#include "models/treeitem.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

class TreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    explicit TreeModel(int columnCount, QObject *parent = nullptr);
    ~TreeModel() override;

    TreeItem *rootItem() const { return m_root.get(); }
    TreeItem *itemForIndex(const QModelIndex &index) const;
    QModelIndex indexForItem(const TreeItem *item, int column = 0) const;

    // Inserts items as rows [row, row + items.size()) of parent: one rowsInserted signal.
    void insertItems(TreeItem *parent, int row, std::vector<std::unique_ptr<TreeItem>> items);
    // Removes rows [first, last] of parent: one rowsRemoved signal.
    void removeItems(TreeItem *parent, int first, int last);
    // Rows [first, last] of parent changed in every column: one dataChanged signal.
    void itemsChanged(TreeItem *parent, int first, int last, const QList<int> &roles = {});
    void itemChanged(TreeItem *item, const QList<int> &roles = {});
    // Removes every item (a reset: only for clearing the whole model).
    void clear();

    // Parent pointers, cached rows and model back-pointers agree everywhere (debug/tests,
    // Dolphin's isConsistent()).
    bool isConsistent(QString *why = nullptr) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    std::unique_ptr<TreeItem> m_root;
    int m_columnCount;
};
