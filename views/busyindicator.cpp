// BusyIndicator: one timer: first the delay, then a slow poll of `busy` while shown, so a lost
// "finished" signal (a superseded computation) cannot leave the bar up.
#include "views/busyindicator.h"

#include <QHBoxLayout>
#include <QProgressBar>
#include <QTimer>
#include <QToolButton>

namespace {
constexpr int kPollMs = 250;
}

BusyIndicator::BusyIndicator(std::function<bool()> busy, QWidget *parent)
    : QWidget(parent)
    , m_busy(std::move(busy))
    , m_bar(new QProgressBar(this))
    , m_cancelButton(new QToolButton(this))
    , m_timer(new QTimer(this))
{
    m_bar->setRange(0, 0);  // no known amount: an activity bar
    m_bar->setTextVisible(false);
    m_bar->setMaximumWidth(120);
    m_bar->setAccessibleName(tr("Working"));
    m_cancelButton->setText(tr("Cancel"));
    m_cancelButton->setAutoRaise(true);
    m_cancelButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_cancelButton->hide();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancelButton);
    setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    hide();
    connect(m_timer, &QTimer::timeout, this, &BusyIndicator::tick);
    connect(m_cancelButton, &QToolButton::clicked, this, [this] {
        if (m_cancel)
            m_cancel();
    });
}

void BusyIndicator::setCancel(std::function<void()> cancel, const QString &what)
{
    m_cancel = std::move(cancel);
    m_cancelButton->setVisible(bool(m_cancel));
    m_cancelButton->setAccessibleName(what);
    m_cancelButton->setToolTip(what);
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
