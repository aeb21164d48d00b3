// The left side of the main window: a filter box over the tenancy tree. Typing narrows the
// tree (debounced, so thousands of nodes stay smooth), Down moves into the tree, Escape
// clears; expansion is remembered across filtering and across live updates.
#pragma once

#include <QTimer>
#include <QWidget>

#include <functional>

class BusyIndicator;
class QLineEdit;
class QTreeView;
class TenancyFilterProxyModel;
class TenancyTreeModel;

class NavigatorWidget final : public QWidget
{
    Q_OBJECT
public:
    explicit NavigatorWidget(TenancyTreeModel *model, QWidget *parent = nullptr);

    QTreeView *treeView() const { return m_tree; }
    QLineEdit *filterEdit() const { return m_filter; }
    TenancyFilterProxyModel *proxy() const { return m_proxy; }

    // The selected node as an index of the source model (invalid: none).
    QModelIndex currentSourceIndex() const;
    bool selectPath(const QString &path);
    void selectSourceIndex(const QModelIndex &sourceIndex);
    void setFilterText(const QString &text);  // applies at once (tests, --select)
    void focusFilter();
    // Expands a new cluster's top sections (Platform, Workspaces).
    void expandCluster(const QString &clusterId);
    // An activity bar under the filter while `loading` says a cluster's lists are still coming
    // (after half a second, as everywhere); refreshLoading() when that may have changed.
    void setLoading(std::function<bool()> loading, const QString &tip);
    void refreshLoading();
    BusyIndicator *loadingIndicator() const { return m_loading; }

signals:
    void currentChanged(const QModelIndex &sourceIndex);
    void contextMenuRequested(const QModelIndex &sourceIndex, const QPoint &globalPos);
    void activated(const QModelIndex &sourceIndex);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyFilter();
    void rememberExpansion();
    void restoreExpansion();

    TenancyTreeModel *m_model;
    TenancyFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTreeView *m_tree;
    BusyIndicator *m_loading = nullptr;
    QTimer m_debounce;
    QStringList m_expandedBeforeFilter;  // paths, restored when the filter is cleared
};
