// Paints a quota's used / hard ratio as a progress bar (green, amber past 80 %, red past
// 100 %) with the percentage on it.
#pragma once

#include <QStyledItemDelegate>

class UsageBarDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    // ratioRole: the model role holding the ratio as a double (< 0: nothing to draw).
    explicit UsageBarDelegate(int ratioRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_ratioRole;
};
