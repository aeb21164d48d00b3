// The audit window's histogram: events per time bucket as bars (denied ones stacked on top),
// drawn with QPainter in the palette's colours. Dragging across it selects a time range, a
// double-click or Escape clears it; the window turns the range into the filter's time range.
#pragma once

#include <QVector>
#include <QWidget>

#include <optional>
#include <utility>

class AuditHistogramWidget final : public QWidget
{
    Q_OBJECT
public:
    explicit AuditHistogramWidget(QWidget *parent = nullptr);

    // Bucket i covers [fromMs + i * bucketMs, fromMs + (i + 1) * bucketMs); `denied` (same size,
    // or empty) counts the part of each bucket that was refused.
    void setData(qint64 fromMs, qint64 bucketMs, QVector<quint32> counts, QVector<quint32> denied = {});
    void clear();
    qint64 fromMs() const { return m_from; }
    qint64 toMs() const { return m_from + m_bucketMs * m_counts.size(); }
    qint64 bucketMs() const { return m_bucketMs; }
    const QVector<quint32> &counts() const { return m_counts; }
    const QVector<quint32> &denied() const { return m_denied; }

    // The selected range, shown over the bars; nullopt when none.
    std::optional<std::pair<qint64, qint64>> selection() const { return m_selection; }
    void setSelection(qint64 fromMs, qint64 toMs);
    void clearSelection();

    // Where a time is drawn and which time a point shows (tests drag with these).
    int xForTime(qint64 ms) const;
    qint64 timeAtX(int x) const;
    // The area the bars are drawn in (below: the time axis).
    QRect plotRect() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    // The user dragged across the histogram: [fromMs, toMs), snapped to whole buckets.
    void rangeSelected(qint64 fromMs, qint64 toMs);
    // Double-click / Escape: no time range.
    void selectionCleared();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    QString axisLabel(qint64 ms) const;
    std::pair<qint64, qint64> snapped(int x1, int x2) const;
    void updateTip(int x);

    qint64 m_from = 0;
    qint64 m_bucketMs = 0;
    QVector<quint32> m_counts;
    QVector<quint32> m_denied;
    quint32 m_max = 0;
    std::optional<std::pair<qint64, qint64>> m_selection;
    std::optional<int> m_dragStart;
    int m_dragNow = 0;
};
