// UsageBarDelegate: drawn by hand rather than through QStyle's progress bar, so the colour can
// flag a quota and it looks the same under every style and offscreen. Colours come from the
// view's palette; "over" is the theme's error fill, the one colour a palette has no name for.
#include "views/usagebardelegate.h"

#include "models/themecolors.h"

#include <QPainter>

UsageBarDelegate::UsageBarDelegate(int ratioRole, QObject *parent, int flaggedRole)
    : QStyledItemDelegate(parent)
    , m_ratioRole(ratioRole)
    , m_flaggedRole(flaggedRole)
{
}

QColor UsageBarDelegate::fillFor(const QPalette &palette, double ratio, bool flagged)
{
    if (flagged || ratio > 1.0)
        return ThemeColors::fill(ThemeColors::Tone::Error, palette);
    return palette.color(QPalette::Active, QPalette::Highlight);
}

void UsageBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant value = index.data(m_ratioRole);
    const double ratio = value.isValid() ? value.toDouble() : -1;
    if (ratio < 0) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const bool flagged = m_flaggedRole && index.data(m_flaggedRole).toBool();
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    QStyledItemDelegate::paint(painter, background, QModelIndex());

    const QPalette &pal = option.palette;
    const QRect frame = option.rect.adjusted(3, 3, -3, -3);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(pal.color(QPalette::Mid));
    painter->setBrush(pal.color(QPalette::Base));
    painter->drawRoundedRect(frame, 3, 3);
    QRect bar = frame.adjusted(1, 1, -1, -1);
    bar.setWidth(static_cast<int>(bar.width() * std::min(1.0, ratio)));
    painter->setPen(Qt::NoPen);
    painter->setBrush(fillFor(pal, ratio, flagged));
    if (bar.width() > 0)
        painter->drawRoundedRect(bar, 2, 2);
    const QString text = QStringLiteral("%1 %").arg(qRound(ratio * 100)) + (flagged || ratio > 1.0 ? QStringLiteral(" ⚠") : QString());
    painter->setPen(ratio > 0.5 ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text));
    painter->drawText(frame, Qt::AlignCenter, text);
    painter->restore();
}
