// The legend of the allowed-traffic graph, drawn with the graph's own painters so that what
// it shows is exactly what the graph draws (palette colours, dark mode included).
#pragma once

#include <QWidget>

class TrafficLegend final : public QWidget
{
    Q_OBJECT
public:
    explicit TrafficLegend(QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    // The legend's text, for tests and screen readers.
    QStringList entries() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    int layoutRows(int width, QPainter *painter) const;
};
