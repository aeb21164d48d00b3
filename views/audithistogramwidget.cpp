// AuditHistogramWidget: a plot area over a time axis. Colours come from the palette only
// (Highlight for events, Text for the denied part, Highlight translucent for the selection),
// so a dark theme draws a dark histogram.
#include "views/audithistogramwidget.h"

#include <QDateTime>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace {
constexpr int kMargin = 4;
constexpr int kMinDragPx = 3;  // less is a click, not a range
}

AuditHistogramWidget::AuditHistogramWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("auditHistogram"));
    setAccessibleName(tr("Events over time"));
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::CrossCursor);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setToolTip(tr("Drag across the bars to show only that time; double-click or Esc shows every time again"));
}

QSize AuditHistogramWidget::sizeHint() const { return {600, 96}; }
QSize AuditHistogramWidget::minimumSizeHint() const { return {160, 72}; }

void AuditHistogramWidget::setData(qint64 fromMs, qint64 bucketMs, QVector<quint32> counts, QVector<quint32> denied)
{
    m_from = fromMs;
    m_bucketMs = std::max<qint64>(bucketMs, 1);
    m_counts = std::move(counts);
    m_denied = denied.size() == m_counts.size() ? std::move(denied) : QVector<quint32>();
    m_max = m_counts.isEmpty() ? 0 : *std::max_element(m_counts.cbegin(), m_counts.cend());
    // The bars in words for a screen reader (issue 17): the total, the span, the busiest bar.
    qint64 total = 0;
    qint64 deniedTotal = 0;
    for (quint32 c : std::as_const(m_counts))
        total += c;
    for (quint32 d : std::as_const(m_denied))
        deniedTotal += d;
    if (m_counts.isEmpty() || total == 0) {
        setAccessibleDescription(tr("No events"));
    } else {
        const auto busiest = int(std::max_element(m_counts.cbegin(), m_counts.cend()) - m_counts.cbegin());
        setAccessibleDescription(tr("%1 events from %2 to %3, %4 denied; the most, %5, at %6")
                                     .arg(total)
                                     .arg(axisLabel(m_from), axisLabel(toMs()))
                                     .arg(deniedTotal)
                                     .arg(m_max)
                                     .arg(axisLabel(m_from + busiest * m_bucketMs)));
    }
    update();
}

void AuditHistogramWidget::clear()
{
    m_counts.clear();
    m_denied.clear();
    m_max = 0;
    m_from = 0;
    m_bucketMs = 0;
    setAccessibleDescription(tr("No events"));
    update();
}

void AuditHistogramWidget::setSelection(qint64 fromMs, qint64 toMs)
{
    if (toMs < fromMs)
        std::swap(fromMs, toMs);
    m_selection = std::make_pair(fromMs, toMs);
    update();
}

void AuditHistogramWidget::clearSelection()
{
    m_selection.reset();
    update();
}

QRect AuditHistogramWidget::plotRect() const
{
    const int axis = fontMetrics().height() + 2;
    return QRect(kMargin, kMargin, std::max(1, width() - 2 * kMargin), std::max(1, height() - 2 * kMargin - axis));
}

int AuditHistogramWidget::xForTime(qint64 ms) const
{
    const QRect r = plotRect();
    const qint64 span = toMs() - m_from;
    if (span <= 0)
        return r.left();
    const double f = double(ms - m_from) / double(span);
    return r.left() + int(std::clamp(f, 0.0, 1.0) * r.width());
}

qint64 AuditHistogramWidget::timeAtX(int x) const
{
    const QRect r = plotRect();
    const qint64 span = toMs() - m_from;
    const double f = std::clamp(double(x - r.left()) / double(std::max(1, r.width())), 0.0, 1.0);
    return m_from + qint64(f * double(span));
}

std::pair<qint64, qint64> AuditHistogramWidget::snapped(int x1, int x2) const
{
    if (x2 < x1)
        std::swap(x1, x2);
    const qint64 a = timeAtX(x1), b = timeAtX(x2);
    if (m_bucketMs <= 0)
        return {a, b};
    // Whole buckets: the bars the drag touched, so the table shows what the bars counted.
    const qint64 first = m_from + (a - m_from) / m_bucketMs * m_bucketMs;
    qint64 last = m_from + ((b - m_from) / m_bucketMs + 1) * m_bucketMs;
    last = std::min(last, toMs());
    return {first, std::max(last, first + m_bucketMs)};
}

QString AuditHistogramWidget::axisLabel(qint64 ms) const
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms).toLocalTime();
    const qint64 span = toMs() - m_from;
    if (span <= 2 * 60 * 1000)
        return t.toString(QStringLiteral("HH:mm:ss.zzz"));
    if (span <= 24 * 3600 * 1000LL)
        return t.toString(QStringLiteral("HH:mm:ss"));
    return t.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

void AuditHistogramWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette &pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    const QRect r = plotRect();
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(r.bottomLeft(), r.bottomRight());
    if (m_counts.isEmpty() || m_max == 0) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(r, Qt::AlignCenter, tr("No events"));
        return;
    }
    const int n = int(m_counts.size());
    const double w = double(r.width()) / n;
    const QColor bar = pal.color(QPalette::Highlight);
    const QColor refused = pal.color(QPalette::Text);
    for (int i = 0; i < n; ++i) {
        if (m_counts[i] == 0)
            continue;
        // At least one pixel for a non-empty bucket: a lone event among thousands stays visible.
        const int h = std::max(1, int(double(m_counts[i]) / m_max * r.height()));
        const int x0 = r.left() + int(i * w), x1 = r.left() + int((i + 1) * w);
        const QRect column(x0, r.bottom() - h + 1, std::max(1, x1 - x0 - (w > 3 ? 1 : 0)), h);
        p.fillRect(column, bar);
        if (!m_denied.isEmpty() && m_denied[i] > 0) {
            const int dh = std::max(1, int(double(m_denied[i]) / m_max * r.height()));
            p.fillRect(QRect(column.left(), column.top(), column.width(), std::min(dh, h)), refused);
        }
    }
    // The selection (or the range being dragged) over the bars.
    std::optional<std::pair<int, int>> band;
    if (m_dragStart && std::abs(m_dragNow - *m_dragStart) >= kMinDragPx)
        band = std::make_pair(std::min(*m_dragStart, m_dragNow), std::max(*m_dragStart, m_dragNow));
    else if (m_selection)
        band = std::make_pair(xForTime(m_selection->first), xForTime(m_selection->second));
    if (band) {
        QColor fill = pal.color(QPalette::Highlight);
        fill.setAlpha(60);
        const QRect sel(band->first, r.top(), std::max(1, band->second - band->first), r.height());
        p.fillRect(sel, fill);
        p.setPen(QPen(pal.color(QPalette::Highlight), 1));
        p.drawRect(sel.adjusted(0, 0, -1, -1));
    }
    // Time axis: both ends and the middle, in the placeholder colour.
    p.setPen(pal.color(QPalette::PlaceholderText));
    const QRect axis(r.left(), r.bottom() + 2, r.width(), fontMetrics().height());
    p.drawText(axis, Qt::AlignLeft | Qt::AlignVCenter, axisLabel(m_from));
    p.drawText(axis, Qt::AlignRight | Qt::AlignVCenter, axisLabel(toMs()));
    if (r.width() > 3 * fontMetrics().horizontalAdvance(axisLabel(m_from)))
        p.drawText(axis, Qt::AlignHCenter | Qt::AlignVCenter, axisLabel(m_from + (toMs() - m_from) / 2));
    // Peak, so the bars' scale is readable.
    p.drawText(r.adjusted(2, 0, -2, 0), Qt::AlignTop | Qt::AlignRight, tr("max %1").arg(m_max));
}

void AuditHistogramWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_counts.isEmpty()) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_dragStart = int(event->position().x());
    m_dragNow = *m_dragStart;
    update();
}

void AuditHistogramWidget::mouseMoveEvent(QMouseEvent *event)
{
    const int x = int(event->position().x());
    if (m_dragStart) {
        m_dragNow = x;
        update();
    }
    updateTip(x);
}

void AuditHistogramWidget::updateTip(int x)
{
    if (m_counts.isEmpty() || m_bucketMs <= 0)
        return;
    const qint64 t = timeAtX(x);
    const int i = int(std::clamp<qint64>((t - m_from) / m_bucketMs, 0, m_counts.size() - 1));
    const qint64 start = m_from + i * m_bucketMs;
    const QString range = tr("%1 – %2").arg(axisLabel(start), axisLabel(start + m_bucketMs));
    QString text = tr("%1: %n event(s)", nullptr, int(m_counts[i])).arg(range);
    if (!m_denied.isEmpty() && m_denied[i] > 0)
        text += tr(", %1 denied").arg(m_denied[i]);
    setToolTip(text);
}

void AuditHistogramWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_dragStart) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    const int start = *m_dragStart;
    const int end = int(event->position().x());
    m_dragStart.reset();
    if (std::abs(end - start) < kMinDragPx) {
        update();
        return;
    }
    const auto range = snapped(start, end);
    m_selection = range;
    update();
    emit rangeSelected(range.first, range.second);
}

void AuditHistogramWidget::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_dragStart.reset();
    clearSelection();
    emit selectionCleared();
}

void AuditHistogramWidget::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && (m_selection || m_dragStart)) {
        m_dragStart.reset();
        clearSelection();
        emit selectionCleared();
        return;
    }
    QWidget::keyPressEvent(event);
}
