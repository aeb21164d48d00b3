// UsageBarDelegate: drawn by hand rather than through QStyle's progress bar, so the colour can
// say "near the limit" and it looks the same under every style and offscreen.
#include "views/usagebardelegate.h"

#include <QPainter>

UsageBarDelegate::UsageBarDelegate(int ratioRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_ratioRole(ratioRole)
{
}

void UsageBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const double ratio = index.data(m_ratioRole).toDouble();
    if (ratio < 0) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    QStyledItemDelegate::paint(painter, background, QModelIndex());

    const QRect frame = option.rect.adjusted(3, 3, -3, -3);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QColor(0xb0, 0xb7, 0xbd));
    painter->setBrush(QColor(0xf1, 0xf3, 0xf4));
    painter->drawRoundedRect(frame, 3, 3);
    const QColor fill = ratio > 1.0 ? QColor(0xd9, 0x47, 0x3f) : ratio >= 0.8 ? QColor(0xf5, 0xa6, 0x23) : QColor(0x43, 0xa0, 0x47);
    QRect bar = frame.adjusted(1, 1, -1, -1);
    bar.setWidth(static_cast<int>(bar.width() * std::min(1.0, ratio)));
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    if (bar.width() > 0)
        painter->drawRoundedRect(bar, 2, 2);
    painter->setPen(ratio > 0.5 ? Qt::white : QColor(0x33, 0x33, 0x33));
    painter->drawText(frame, Qt::AlignCenter, QStringLiteral("%1 %").arg(qRound(ratio * 100)));
    painter->restore();
}
