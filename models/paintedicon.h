// PaintedIcon: an icon drawn by code at whatever size and device pixel ratio it is asked for,
// so it stays sharp at 200 % (a fixed 16×16 pixmap would be scaled up and blur).
#pragma once

#include <QIcon>
#include <QIconEngine>

#include <functional>

class PaintedIcon final : public QIconEngine
{
public:
    // Draws in a 16×16 design space; the painter is scaled to the requested size.
    using Painter = std::function<void(QPainter *painter)>;

    static QIcon make(Painter draw);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override;
    QIconEngine *clone() const override;
    QString key() const override;

private:
    explicit PaintedIcon(Painter draw);
    Painter m_draw;
};
