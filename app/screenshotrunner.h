// `tenantry --screenshot FILE [--select PATH]`: waits until every cluster's tenancy is loaded,
// selects the node, renders the window into FILE and quits. Also reports start-up timings
// (--timings) for the benchmark: first paint, complete tree, resident memory.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

class MainWindow;

class ScreenshotRunner final : public QObject
{
    Q_OBJECT
public:
    struct Options {
        QString file;         // empty: no screenshot (timings only)
        QString select;       // "cluster/Workspaces/ws1/p1"
        QString tab;          // overview | members | access | roles | quotas | network | yaml | permissions
                              // | traffic (the Allowed traffic window of the selected node)
        QString filter;       // text typed into the filter box
        int timeoutMs = 120'000;
        bool timings = false;
        bool quit = true;     // exit once done
    };

    ScreenshotRunner(MainWindow *window, Options options, QObject *parent = nullptr);

    void start();
    // Milliseconds since this process started (from /proc), for timings that include the
    // dynamic loader and QApplication's own start-up.
    static qint64 msSinceProcessStart();
    static qint64 residentKiB(const char *field);  // a line of /proc/self/status (VmRSS, RssAnon, ...)

    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onLoaded();
    bool capture();
    void finish(int code);

    MainWindow *m_window;
    Options m_options;
    QTimer m_timeout;
    bool m_painted = false;
    bool m_cachedShown = false;
    bool m_done = false;
    int m_selectTries = 0;
    QPointer<QWidget> m_target;  // what is captured when not the main window (--tab traffic)
};
