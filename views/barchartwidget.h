// A horizontal bar chart painted with QPainter in the palette's colours: one row per bar (label,
// bar of side-by-side segments, an optional limit marker, the value in words). Bars past their
// limit are hatched and say so in words. Rows can be picked with the mouse or the keyboard (Up,
// Down, Home, End) and opened with a click, Enter or Space: activated(key).
#pragma once

#include "models/dashboard.h"

#include <QWidget>

class BarChartWidget final : public QWidget
{
    Q_OBJECT
public:
    explicit BarChartWidget(QWidget *parent = nullptr);

    void setChart(const Chart &chart);
    const Chart &chart() const { return m_chart; }
    int currentBar() const { return m_current; }
    void setCurrentBar(int bar);
    // The row under a point (widget coordinates), or -1.
    int barAt(const QPoint &pos) const;
    QRect barRect(int bar) const;  // the whole row

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void activated(const QString &key);
    void segmentActivated(const QString &key);  // the segment's own key (a project of a workspace bar)

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    int rowHeight() const;
    int labelWidth() const;
    int valueWidth() const;
    QRect trackRect(int bar) const;  // where the bar itself is drawn
    int segmentAt(int bar, const QPoint &pos) const;
    QColor segmentColor(int index) const;
    void updateAccessibleText();

    Chart m_chart;
    int m_current = -1;
    int m_hover = -1;
};
