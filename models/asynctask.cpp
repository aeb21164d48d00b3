// The thread pool for blocking work of the GUI (network requests, plugin runs, planning).
// Separate from QThreadPool::globalInstance(), which is sized for CPU work.
#include "models/asynctask.h"

QThreadPool *AsyncTask::pool()
{
    // Sixteen threads: requests mostly wait on the network; a dead server (connect timeout
    // 10 s) must not starve the permission checks of another cluster.
    static QThreadPool *instance = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(16);
        p->setExpiryTimeout(30'000);
        return p;
    }();
    return instance;
}
