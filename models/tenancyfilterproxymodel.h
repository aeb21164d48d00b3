// Narrows the tenancy tree as the user types: case-insensitive, on names and aliases,
// recursive (a project that matches keeps its workspace and cluster visible).
#pragma once

#include <QSortFilterProxyModel>

class TenancyNode;

class TenancyFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit TenancyFilterProxyModel(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool accepts(const TenancyNode *node) const;

    QString m_text;
    QStringList m_words;  // every word must match (order free): "ws1 dev" finds ws1's dev projects
    QStringList m_folded;  // the words case-folded, as TenancyNode::foldedFilterText
};
