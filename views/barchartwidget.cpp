#include "views/barchartwidget.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionFocusRect>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace {
constexpr int kMargin = 6;
constexpr int kGap = 10;
}

BarChartWidget::BarChartWidget(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void BarChartWidget::setChart(const Chart &chart)
{
    if (chart == m_chart)
        return;
    const QString currentKey = m_current >= 0 && m_current < m_chart.bars.size() ? m_chart.bars[m_current].key : QString();
    m_chart = chart;
    m_current = -1;
    for (int i = 0; i < m_chart.bars.size(); ++i)
        if (m_chart.bars[i].key == currentKey)
            m_current = i;
    m_hover = -1;
    updateGeometry();
    updateAccessibleText();
    update();
}

void BarChartWidget::setCurrentBar(int bar)
{
    bar = m_chart.bars.isEmpty() ? -1 : std::clamp(bar, 0, int(m_chart.bars.size()) - 1);
    if (bar == m_current)
        return;
    m_current = bar;
    updateAccessibleText();
    update();
}

int BarChartWidget::rowHeight() const { return fontMetrics().height() + 10; }

int BarChartWidget::labelWidth() const
{
    int w = 0;
    for (const auto &b : m_chart.bars)
        w = std::max(w, fontMetrics().horizontalAdvance(b.label) + 4);  // + 4: elidedText rounds
    return std::min(w, std::max(80, width() / 4));
}

int BarChartWidget::valueWidth() const
{
    int w = 0;
    for (const auto &b : m_chart.bars)
        w = std::max(w, fontMetrics().horizontalAdvance(b.valueText) + 4);
    return std::min(w, std::max(100, width() / 3));
}

QRect BarChartWidget::barRect(int bar) const
{
    return QRect(0, kMargin + bar * rowHeight(), width(), rowHeight());
}

QRect BarChartWidget::trackRect(int bar) const
{
    const QRect row = barRect(bar);
    const int left = kMargin + labelWidth() + kGap;
    const int right = width() - kMargin - valueWidth() - kGap;
    return QRect(left, row.top() + 4, std::max(10, right - left), row.height() - 8);
}

int BarChartWidget::barAt(const QPoint &pos) const
{
    if (pos.y() < kMargin)
        return -1;
    const int bar = (pos.y() - kMargin) / rowHeight();
    return bar < m_chart.bars.size() ? bar : -1;
}

int BarChartWidget::segmentAt(int bar, const QPoint &pos) const
{
    if (bar < 0 || m_chart.scale <= 0)
        return -1;
    const QRect track = trackRect(bar);
    double x = track.left();
    const auto &segments = m_chart.bars[bar].segments;
    for (int i = 0; i < segments.size(); ++i) {
        const double w = track.width() * std::min(1.0, segments[i].value / m_chart.scale);
        if (pos.x() >= x && pos.x() < x + std::max(w, 1.0))
            return i;
        x += w;
    }
    return -1;
}

QSize BarChartWidget::sizeHint() const
{
    const int rows = std::max<int>(1, int(m_chart.bars.size()));
    return QSize(480, 2 * kMargin + rows * rowHeight());
}

QSize BarChartWidget::minimumSizeHint() const { return QSize(240, sizeHint().height()); }

QColor BarChartWidget::segmentColor(int index) const
{
    // Segments alternate between the highlight colour and a blend of it with the base, so
    // neighbours differ in lightness in any palette (light or dark); their words are in the
    // tooltip and the accessible text, not in the colour alone.
    const QColor highlight = palette().color(QPalette::Highlight);
    const QColor base = palette().color(QPalette::Base);
    const double mix = (index % 3) * 0.3;
    return QColor::fromRgbF(float(highlight.redF() * (1 - mix) + base.redF() * mix),
                            float(highlight.greenF() * (1 - mix) + base.greenF() * mix),
                            float(highlight.blueF() * (1 - mix) + base.blueF() * mix));
}

void BarChartWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette pal = palette();
    if (m_chart.bars.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(kMargin, 0, -kMargin, 0), Qt::AlignVCenter | Qt::AlignLeft | Qt::TextWordWrap,
                   m_chart.empty);
        return;
    }
    p.setRenderHint(QPainter::Antialiasing, false);
    const int lw = labelWidth();
    for (int i = 0; i < m_chart.bars.size(); ++i) {
        const ChartBar &bar = m_chart.bars[i];
        const QRect row = barRect(i);
        if (i == m_current || i == m_hover) {
            QColor rowColor = pal.color(QPalette::Highlight);
            rowColor.setAlphaF(i == m_current && hasFocus() ? 0.22f : 0.12f);
            p.fillRect(row, rowColor);
        }
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRect(kMargin, row.top(), lw, row.height()), Qt::AlignVCenter | Qt::AlignLeft,
                   fontMetrics().elidedText(bar.label, Qt::ElideMiddle, lw));
        const QRect track = trackRect(i);
        p.fillRect(track, pal.color(QPalette::AlternateBase));
        p.setPen(pal.color(QPalette::Mid));
        p.drawRect(track.adjusted(0, 0, -1, -1));
        double x = track.left();
        for (int s = 0; s < bar.segments.size(); ++s) {
            const double w = m_chart.scale > 0 ? track.width() * std::min(1.0, bar.segments[s].value / m_chart.scale) : 0;
            const QRectF seg(x, track.top(), std::max(0.0, std::min(w, track.right() + 1 - x)), track.height());
            p.fillRect(seg, segmentColor(s));
            if (bar.over)
                p.fillRect(seg, QBrush(pal.color(QPalette::Base), Qt::BDiagPattern));
            x += w;
        }
        if (bar.limit > 0 && m_chart.scale > 0) {
            const int lx = track.left() + int(std::lround(track.width() * std::min(1.0, bar.limit / m_chart.scale)));
            QPen pen(pal.color(QPalette::Text), 2);
            p.setPen(pen);
            p.drawLine(lx, track.top() - 2, lx, track.bottom() + 2);
        }
        p.setPen(pal.color(QPalette::Text));
        QFont f = font();
        f.setBold(bar.over);
        p.setFont(f);
        const QRect valueRect(track.right() + kGap, row.top(), width() - track.right() - kGap - kMargin, row.height());
        p.drawText(valueRect, Qt::AlignVCenter | Qt::AlignLeft,
                   QFontMetrics(f).elidedText(bar.valueText, Qt::ElideRight, valueRect.width()));
        p.setFont(font());
    }
    if (hasFocus() && m_current >= 0) {
        QStyleOptionFocusRect o;
        o.initFrom(this);
        o.rect = barRect(m_current).adjusted(1, 1, -1, -1);
        o.backgroundColor = pal.color(QPalette::Base);
        style()->drawPrimitive(QStyle::PE_FrameFocusRect, &o, &p, this);
    }
}

void BarChartWidget::mouseMoveEvent(QMouseEvent *event)
{
    const int bar = barAt(event->position().toPoint());
    setCursor(bar >= 0 && !m_chart.bars[bar].key.isEmpty() ? Qt::PointingHandCursor : Qt::ArrowCursor);
    if (bar != m_hover) {
        m_hover = bar;
        update();
    }
}

void BarChartWidget::leaveEvent(QEvent *)
{
    m_hover = -1;
    update();
}

void BarChartWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const QPoint pos = event->position().toPoint();
    const int bar = barAt(pos);
    if (bar < 0)
        return;
    setCurrentBar(bar);
    const int seg = segmentAt(bar, pos);
    if (seg >= 0 && !m_chart.bars[bar].segments[seg].key.isEmpty()
        && m_chart.bars[bar].segments[seg].key != m_chart.bars[bar].key) {
        emit segmentActivated(m_chart.bars[bar].segments[seg].key);
        return;
    }
    if (!m_chart.bars[bar].key.isEmpty())
        emit activated(m_chart.bars[bar].key);
}

void BarChartWidget::keyPressEvent(QKeyEvent *event)
{
    const int n = int(m_chart.bars.size());
    switch (event->key()) {
    case Qt::Key_Down: setCurrentBar(m_current < 0 ? 0 : m_current + 1); return;
    case Qt::Key_Up: setCurrentBar(m_current < 0 ? 0 : m_current - 1); return;
    case Qt::Key_Home: setCurrentBar(0); return;
    case Qt::Key_End: setCurrentBar(n - 1); return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (m_current >= 0 && m_current < n && !m_chart.bars[m_current].key.isEmpty()) {
            emit activated(m_chart.bars[m_current].key);
            return;
        }
        break;
    default: break;
    }
    QWidget::keyPressEvent(event);
}

bool BarChartWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int bar = barAt(help->pos());
        if (bar >= 0) {
            const ChartBar &b = m_chart.bars[bar];
            const QString tip = b.toolTip.isEmpty() ? b.spokenText() : b.spokenText() + QLatin1Char('\n') + b.toolTip;
            QToolTip::showText(help->globalPos(), tip, this, barRect(bar));
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    if (event->type() == QEvent::FocusIn || event->type() == QEvent::FocusOut) {
        if (event->type() == QEvent::FocusIn && m_current < 0 && !m_chart.bars.isEmpty())
            setCurrentBar(0);  // also names the bar to a screen reader
        update();
    }
    return QWidget::event(event);
}

void BarChartWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        update();
    QWidget::changeEvent(event);
}

void BarChartWidget::updateAccessibleText()
{
    // A screen reader gets the chart in words: its title (and the bar the keyboard is on) as the
    // name, every bar as the description. setAccessibleName announces the change itself.
    QString name = m_chart.title;
    if (m_current >= 0 && m_current < m_chart.bars.size())
        name += QStringLiteral(": ") + m_chart.bars[m_current].spokenText();
    setAccessibleName(name);
    QStringList lines;
    for (const auto &b : m_chart.bars)
        lines << b.spokenText();
    if (lines.isEmpty())
        lines << m_chart.empty;
    if (!m_chart.note.isEmpty())
        lines << m_chart.note;
    setAccessibleDescription(lines.join(QStringLiteral("; ")));
}
