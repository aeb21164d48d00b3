// BusyIndicator: an activity bar that appears only once some work has run for half a second
// (issue 17: a user waiting longer than that is told so, and may stop it) and goes when the work
// ends. With a cancel action it shows a Cancel button beside the bar.
#pragma once

#include <QWidget>

#include <functional>

class QProgressBar;
class QTimer;
class QToolButton;

class BusyIndicator final : public QWidget
{
    Q_OBJECT
public:
    // Shorter waits show nothing: a bar that flashes for 100 ms reads as a glitch.
    static constexpr int kDelayMs = 500;

    // `busy` says whether the work still runs; asked again while the bar shows.
    explicit BusyIndicator(std::function<bool()> busy, QWidget *parent = nullptr);

    // Offers a Cancel button (Escape while the owner has focus is the owner's to bind) that
    // calls `cancel`; `what` names the work for a screen reader ("Cancel the permission matrix").
    void setCancel(std::function<void()> cancel, const QString &what);
    QToolButton *cancelButton() const { return m_cancelButton; }
    QProgressBar *bar() const { return m_bar; }

    // The work may have started or ended: start the delay, or hide.
    void refresh();

private:
    void tick();

    std::function<bool()> m_busy;
    std::function<void()> m_cancel;
    QProgressBar *m_bar;
    QToolButton *m_cancelButton;
    QTimer *m_timer;
};
