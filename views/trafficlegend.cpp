// TrafficLegend: one row per symbol, the symbol on the left, its meaning wrapped beside it.
#include "views/trafficlegend.h"

#include "views/trafficgraphview.h"

#include <QPainter>
#include <QPainterPath>

namespace {

constexpr int kSymbolWidth = 118;
constexpr int kGap = 8;
constexpr int kMargin = 6;

enum class Symbol { Arrow, Some, Group, Pair, InOpen, InAll, OutProjects, InLimited, Lock };

struct Row {
    Symbol symbol;
    const char *text;
};

const Row kRows[] = {
    {Symbol::Arrow, QT_TRANSLATE_NOOP("TrafficLegend", "A policy allows it: all pods, all ports")},
    {Symbol::Some, QT_TRANSLATE_NOOP("TrafficLegend", "Allowed for only some pods or ports")},
    {Symbol::Group, QT_TRANSLATE_NOOP("TrafficLegend", "Every project of one workspace reaches every project of the other")},
    {Symbol::Pair, QT_TRANSLATE_NOOP("TrafficLegend", "Every project of the workspace reaches every other one")},
    {Symbol::InOpen, QT_TRANSLATE_NOOP("TrafficLegend", "No policy selects its pods for ingress (out: egress): every namespace open on "
                                                        "the other side passes, without an arrow")},
    {Symbol::InAll, QT_TRANSLATE_NOOP("TrafficLegend", "A policy admits every namespace: those arrows are not drawn")},
    {Symbol::OutProjects, QT_TRANSLATE_NOOP("TrafficLegend", "It reaches every project (in: every project reaches it): those arrows are "
                                                             "not drawn")},
    {Symbol::InLimited, QT_TRANSLATE_NOOP("TrafficLegend", "Policies decide: the arrows are all it allows")},
    {Symbol::Lock, QT_TRANSLATE_NOOP("TrafficLegend", "Network isolation on (filled: the project's, outline: its workspace's)")},
};

} // namespace

TrafficLegend::TrafficLegend(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("trafficLegend"));
    setAccessibleName(tr("Legend"));
    setAccessibleDescription(entries().join(QLatin1Char('\n')));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
}

QStringList TrafficLegend::entries() const
{
    QStringList out;
    for (const Row &r : kRows)
        out << tr(r.text);
    out << tr("No arrow between projects whose sides are limited: no traffic.");
    out << tr("What the policies allow, as the API defines them; the cluster's network plugin enforces them.");
    return out;
}

QSize TrafficLegend::sizeHint() const { return QSize(320, heightForWidth(320)); }
QSize TrafficLegend::minimumSizeHint() const { return QSize(220, heightForWidth(220)); }

int TrafficLegend::heightForWidth(int width) const
{
    return layoutRows(width, nullptr);
}

int TrafficLegend::layoutRows(int width, QPainter *p) const
{
    const QFontMetrics fm(font());
    const int textWidth = std::max(60, width - kSymbolWidth - kGap - 2 * kMargin);
    int y = kMargin;
    const QStringList texts = entries();
    for (int i = 0; i < texts.size(); ++i) {
        const QRect bound = fm.boundingRect(QRect(0, 0, textWidth, 10000), Qt::TextWordWrap, texts[i]);
        const int h = std::max(bound.height(), 22);
        if (p) {
            const QRectF symbol(kMargin, y, kSymbolWidth, h);
            const QPalette &pal = palette();
            const QColor ink = pal.color(QPalette::Text);
            const QPointF a(symbol.left() + 4, symbol.center().y()), b(symbol.right() - 6, symbol.center().y());
            QPainterPath line;
            line.moveTo(a);
            line.lineTo(b);
            if (i < int(std::size(kRows))) {
                switch (kRows[i].symbol) {
                case Symbol::Arrow:
                    TrafficGraphView::paintArrow(p, line, b, a, TrafficGraphView::Sample::Arrow, ink, 1.6, pal.color(QPalette::Base));
                    break;
                case Symbol::Some:
                    TrafficGraphView::paintArrow(p, line, b, a, TrafficGraphView::Sample::SomeArrow, ink, 1.6, pal.color(QPalette::Base));
                    break;
                case Symbol::Group:
                    TrafficGraphView::paintArrow(p, line, b, a, TrafficGraphView::Sample::GroupArrow, TrafficGraphView::groupArrowColor(pal), 3.4,
                                                 pal.color(QPalette::Base));
                    break;
                case Symbol::Pair: {
                    QFont small = font();
                    small.setPointSizeF(small.pointSizeF() * 0.82);
                    p->setFont(small);
                    TrafficGraphView::paintBadge(p, QPointF(symbol.left(), symbol.top() + 2), tr("⇄ reach each other"), pal, true);
                    p->setFont(font());
                    break;
                }
                case Symbol::InOpen:
                case Symbol::InAll:
                case Symbol::OutProjects:
                case Symbol::InLimited: {
                    QFont small = font();
                    small.setPointSizeF(small.pointSizeF() * 0.82);
                    p->setFont(small);
                    const Symbol s = kRows[i].symbol;
                    TrafficGraphView::paintBadge(p, QPointF(symbol.left(), symbol.top() + 2),
                                                 s == Symbol::InOpen        ? tr("in: open")
                                                 : s == Symbol::InAll       ? tr("in: all ns")
                                                 : s == Symbol::OutProjects ? tr("out: all projects")
                                                                            : tr("in: limited"),
                                                 pal, s != Symbol::InOpen);
                    p->setFont(font());
                    break;
                }
                case Symbol::Lock:
                    TrafficGraphView::paintLock(p, QRectF(symbol.left() + 4, symbol.top() + 3, 11, 14), pal.color(QPalette::Highlight));
                    TrafficGraphView::paintLock(p, QRectF(symbol.left() + 22, symbol.top() + 3, 11, 14), pal.color(QPalette::Highlight), false);
                    break;
                }
            }
            p->setPen(ink);
            p->drawText(QRect(kMargin + kSymbolWidth + kGap, y, textWidth, h), Qt::TextWordWrap | Qt::AlignVCenter, texts[i]);
        }
        y += h + 4;
    }
    return y + kMargin;
}

void TrafficLegend::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    layoutRows(width(), &p);
}
