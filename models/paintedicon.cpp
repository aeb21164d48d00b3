// PaintedIcon: every pixmap is painted fresh at its device size, so colours taken from the
// palette inside the drawing function follow the theme too.
#include "models/paintedicon.h"

#include <QPainter>
#include <QPixmap>

PaintedIcon::PaintedIcon(Painter draw)
    : m_draw(std::move(draw))
{
}

QIcon PaintedIcon::make(Painter draw)
{
    return QIcon(new PaintedIcon(std::move(draw)));
}

void PaintedIcon::paint(QPainter *painter, const QRect &rect, QIcon::Mode, QIcon::State)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->translate(rect.topLeft());
    painter->scale(rect.width() / 16.0, rect.height() / 16.0);
    m_draw(painter);
    painter->restore();
}

QPixmap PaintedIcon::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    return scaledPixmap(size, mode, state, 1.0);
}

QPixmap PaintedIcon::scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale)
{
    // `size` is in device pixels already (QIcon::pixmap multiplies by the ratio).
    QPixmap pixmap(size);
    pixmap.fill(Qt::transparent);
    {
        QPainter p(&pixmap);
        paint(&p, QRect(QPoint(0, 0), size), mode, state);
    }
    pixmap.setDevicePixelRatio(scale);
    return pixmap;
}

QIconEngine *PaintedIcon::clone() const
{
    return new PaintedIcon(m_draw);
}

QString PaintedIcon::key() const
{
    return QStringLiteral("tenantry.painted");
}
