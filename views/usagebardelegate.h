// Paints a quota's used / hard ratio as a bar with the percentage on it, in the palette's
// colours (highlight for the bar), red when the row is flagged (over-used, over budget) or the
// ratio passes 100 %.
#pragma once

#include <QStyledItemDelegate>

class UsageBarDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    // ratioRole: the model role holding the ratio as a double (< 0 or none: nothing to draw).
    // flaggedRole: a bool role that turns the bar red (0: only a ratio past 1 does).
    explicit UsageBarDelegate(int ratioRole, QObject *parent = nullptr, int flaggedRole = 0);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The bar's fill for a row: the palette's highlight, red when flagged.
    static QColor fillFor(const QPalette &palette, double ratio, bool flagged);

private:
    int m_ratioRole;
    int m_flaggedRole;
};
