// NavigatorWidget: the proxy filters as the user types after a short pause; while a filter
// is active every match is expanded, and the user's own expansion comes back when it is
// cleared (proxy indexes of filtered-out rows do not survive, so paths are remembered).
#include "views/navigatorwidget.h"

#include "models/nodekind.h"
#include "models/tenancyfilterproxymodel.h"
#include "models/tenancytreemodel.h"
#include "views/busyindicator.h"
#include "views/keyboardcontextmenu.h"
#include "views/viewslogging.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QProgressBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace {
// Long enough to skip intermediate keystrokes of a fast typist, short enough to feel live.
constexpr int kFilterDebounceMs = 120;
// Expanding every match is instant for a few thousand rows; beyond, the user narrows first.
constexpr int kExpandAllLimit = 3000;
}

NavigatorWidget::NavigatorWidget(TenancyTreeModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new TenancyFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_tree(new QTreeView(this))
{
    m_proxy->setSourceModel(model);
    m_filter->setPlaceholderText(tr("Filter workspaces, projects, users, roles… (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->installEventFilter(this);
    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setAccessibleName(tr("Filter the tree"));
    m_tree->setObjectName(QStringLiteral("tenancyTree"));
    m_tree->setAccessibleName(tr("Clusters and their tenancy"));
    m_tree->setAccessibleDescription(tr("Enter acts on the node, the Menu key or Shift+F10 opens its actions, / filters"));
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);  // thousands of rows: constant-time layout
    m_tree->setHeaderHidden(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    KeyboardContextMenu::install(m_tree);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(TenancyTreeModel::NameColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(TenancyTreeModel::CountColumn, QHeaderView::Fixed);
    // Wide enough for "no access" and five-digit counts.
    m_tree->header()->resizeSection(TenancyTreeModel::CountColumn,
                                    m_tree->fontMetrics().horizontalAdvance(QStringLiteral("no access")) + 16);
    m_tree->installEventFilter(this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kFilterDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &NavigatorWidget::applyFilter);
    connect(m_filter, &QLineEdit::textChanged, this, [this] { m_debounce.start(); });
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        applyFilter();
        m_tree->setFocus();
        if (!m_tree->currentIndex().isValid() && m_proxy->rowCount() > 0)
            m_tree->setCurrentIndex(m_proxy->index(0, 0));
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { emit currentChanged(m_proxy->mapToSource(current)); });
    connect(m_tree, &QTreeView::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_tree->indexAt(pos);
        if (index.isValid())
            m_tree->setCurrentIndex(index);
        emit contextMenuRequested(m_proxy->mapToSource(index), m_tree->viewport()->mapToGlobal(pos));
    });
    connect(m_tree, &QTreeView::activated, this,
            [this](const QModelIndex &index) { emit activated(m_proxy->mapToSource(index)); });
    // The "Nothing reachable" row says what to do in a sentence: it spans the count column.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parent, int first, int last) {
        for (int row = first; row <= last; ++row)
            if (m_proxy->index(row, 0, parent).data(TenancyTreeModel::KindRole).toInt() == int(NodeKind::NothingReachable))
                m_tree->setFirstColumnSpanned(row, parent, true);
    });
    // A cluster that appears gets its top sections opened.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parent, int first, int last) {
        if (parent.isValid())
            return;
        for (int r = first; r <= last; ++r)
            expandCluster(m_model->index(r, 0).data(TenancyTreeModel::NameRole).toString());
    });
}

QModelIndex NavigatorWidget::currentSourceIndex() const
{
    return m_proxy->mapToSource(m_tree->currentIndex());
}

void NavigatorWidget::selectSourceIndex(const QModelIndex &sourceIndex)
{
    QModelIndex proxyIndex = m_proxy->mapFromSource(sourceIndex);
    if (!proxyIndex.isValid() && sourceIndex.isValid()) {
        // Hidden by the filter: the user asked for this node, so the filter gives way.
        m_filter->clear();
        applyFilter();
        proxyIndex = m_proxy->mapFromSource(sourceIndex);
    }
    if (!proxyIndex.isValid())
        return;
    for (QModelIndex p = proxyIndex.parent(); p.isValid(); p = p.parent())
        m_tree->expand(p);
    m_tree->setCurrentIndex(proxyIndex);
    m_tree->scrollTo(proxyIndex);
}

bool NavigatorWidget::selectPath(const QString &path)
{
    const QModelIndex index = m_model->indexForPath(path);
    if (!index.isValid())
        return false;
    selectSourceIndex(index);
    return true;
}

void NavigatorWidget::setFilterText(const QString &text)
{
    m_filter->setText(text);
    applyFilter();
}

void NavigatorWidget::focusFilter()
{
    m_filter->setFocus();
    m_filter->selectAll();
}

void NavigatorWidget::expandCluster(const QString &clusterId)
{
    const QModelIndex cluster = m_proxy->mapFromSource(m_model->indexForPath(clusterId));
    if (!cluster.isValid())
        return;
    m_tree->expand(cluster);
    for (const char *section : {"Platform", "Workspaces"})
        m_tree->expand(m_proxy->mapFromSource(m_model->indexForPath(clusterId + QLatin1Char('/') + QLatin1String(section))));
}

void NavigatorWidget::rememberExpansion()
{
    m_expandedBeforeFilter.clear();
    std::vector<QModelIndex> stack{QModelIndex()};
    while (!stack.empty()) {
        const QModelIndex parent = stack.back();
        stack.pop_back();
        for (int r = 0; r < m_proxy->rowCount(parent); ++r) {
            const QModelIndex i = m_proxy->index(r, 0, parent);
            if (m_tree->isExpanded(i)) {
                m_expandedBeforeFilter << i.data(TenancyTreeModel::PathRole).toString();
                stack.push_back(i);
            }
        }
    }
}

void NavigatorWidget::restoreExpansion()
{
    for (const QString &path : std::as_const(m_expandedBeforeFilter))
        m_tree->expand(m_proxy->mapFromSource(m_model->indexForPath(path)));
    m_expandedBeforeFilter.clear();
}

void NavigatorWidget::applyFilter()
{
    m_debounce.stop();
    const QString text = m_filter->text();
    const bool wasFiltering = !m_proxy->filterText().isEmpty();
    const bool filtering = !text.simplified().isEmpty();
    if (!wasFiltering && filtering)
        rememberExpansion();
    const QModelIndex current = currentSourceIndex();
    m_proxy->setFilterText(text);
    qCDebug(lcViews) << "filter" << text << "->" << m_proxy->rowCount() << "top rows";
    if (filtering) {
        int visible = 0;
        std::vector<QModelIndex> stack{QModelIndex()};
        while (!stack.empty() && visible <= kExpandAllLimit) {
            const QModelIndex parent = stack.back();
            stack.pop_back();
            visible += m_proxy->rowCount(parent);
            for (int r = 0; r < m_proxy->rowCount(parent); ++r)
                stack.push_back(m_proxy->index(r, 0, parent));
        }
        if (visible <= kExpandAllLimit)
            m_tree->expandAll();
    } else if (wasFiltering) {
        m_tree->collapseAll();
        restoreExpansion();
    }
    if (current.isValid()) {
        const QModelIndex again = m_proxy->mapFromSource(current);
        if (again.isValid()) {
            m_tree->setCurrentIndex(again);
            m_tree->scrollTo(again);
        }
    }
}

bool NavigatorWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (watched == m_filter) {
            if (key->key() == Qt::Key_Down) {
                applyFilter();
                m_tree->setFocus();
                if (!m_tree->currentIndex().isValid() && m_proxy->rowCount() > 0)
                    m_tree->setCurrentIndex(m_proxy->index(0, 0));
                return true;
            }
            if (key->key() == Qt::Key_Escape && !m_filter->text().isEmpty()) {
                m_filter->clear();
                applyFilter();
                return true;
            }
        } else if (watched == m_tree) {
            // "/" or Ctrl+F in the tree jumps to the filter, as in file managers and browsers.
            if (key->key() == Qt::Key_Slash || (key->modifiers() == Qt::ControlModifier && key->key() == Qt::Key_F)) {
                focusFilter();
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void NavigatorWidget::setLoading(std::function<bool()> loading, const QString &tip)
{
    if (!m_loading) {
        m_loading = new BusyIndicator(std::move(loading), this);
        m_loading->setObjectName(QStringLiteral("treeLoading"));
        m_loading->bar()->setMaximumWidth(QWIDGETSIZE_MAX);
        m_loading->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        static_cast<QVBoxLayout *>(layout())->insertWidget(1, m_loading);
    }
    m_loading->bar()->setAccessibleName(tr("Loading the tenancy"));
    m_loading->setToolTip(tip);
    m_loading->refresh();
}

void NavigatorWidget::refreshLoading()
{
    if (m_loading)
        m_loading->refresh();
}
