// BusyIndicator: one timer: first the delay, then a slow poll of `busy` while shown, so a lost
// "finished" signal (a superseded computation) cannot leave the bar up.
#include "views/busyindicator.h"

#include <QTimer>

namespace {
constexpr int kPollMs = 250;
}

BusyIndicator::BusyIndicator(std::function<bool()> busy, QWidget *parent)
    : QProgressBar(parent)
    , m_busy(std::move(busy))
    , m_timer(new QTimer(this))
{
    setRange(0, 0);  // no known amount: an activity bar
    setTextVisible(false);
    setMaximumWidth(120);
    hide();
    connect(m_timer, &QTimer::timeout, this, &BusyIndicator::tick);
}

void BusyIndicator::refresh()
{
    if (!m_busy()) {
        m_timer->stop();
        hide();
        return;
    }
    if (!isVisible() && !m_timer->isActive())
        m_timer->start(kDelayMs);
}

void BusyIndicator::tick()
{
    if (!m_busy()) {
        m_timer->stop();
        hide();
        return;
    }
    show();
    m_timer->start(kPollMs);
}
