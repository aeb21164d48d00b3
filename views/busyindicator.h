// BusyIndicator: an activity bar that appears only once some work has run for half a second
// (issue 17: a user waiting longer than that is told so) and goes when the work ends.
#pragma once

#include <QProgressBar>

#include <functional>

class QTimer;

class BusyIndicator final : public QProgressBar
{
    Q_OBJECT
public:
    // Shorter waits show nothing: a bar that flashes for 100 ms reads as a glitch.
    static constexpr int kDelayMs = 500;

    // `busy` says whether the work still runs; asked again while the bar shows.
    explicit BusyIndicator(std::function<bool()> busy, QWidget *parent = nullptr);

    // The work may have started or ended: start the delay, or hide.
    void refresh();

private:
    void tick();

    std::function<bool()> m_busy;
    QTimer *m_timer;
};
