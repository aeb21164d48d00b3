// Paints one verb cell of the permission matrix: a symbol and a word for the state (never
// colour alone), a tint blended from the palette (so dark themes stay readable), a frame
// where the compared matrix disagrees and a corner mark on allowed risky cells.
#pragma once

#include <QStyledItemDelegate>

class PermissionCellDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
