// Background work whose result is delivered on the receiver's thread, or dropped when the
// receiver is gone (Qt Creator's asyncRun + a watcher tied to a receiver object).
#pragma once

#include <QMetaObject>
#include <QObject>
#include <QThreadPool>

#include <memory>
#include <mutex>
#include <type_traits>
#include <utility>

class AsyncTask final
{
public:
    // Blocking network calls run here: more threads than the two cores, so one slow server
    // does not hold up every other request of the app.
    static QThreadPool *pool();

    // Runs work() on the pool and then done(result) on receiver's thread. If receiver is
    // destroyed first, done never runs (the result is dropped on the worker).
    template <typename Work, typename Done>
    static void run(QObject *receiver, Work work, Done done)
    {
        using R = std::invoke_result_t<Work &>;
        auto guard = std::make_shared<Guard>();
        guard->target = receiver;
        guard->connection = QObject::connect(receiver, &QObject::destroyed, receiver, [guard] {
            std::lock_guard lock(guard->mutex);
            guard->target = nullptr;
        }, Qt::DirectConnection);
        pool()->start([guard, work = std::move(work), done = std::move(done)]() mutable {
            auto result = std::make_shared<R>(work());
            std::lock_guard lock(guard->mutex);
            if (!guard->target)
                return;
            // Posted while the lock keeps the receiver alive; Qt discards the event if the
            // receiver dies before it is delivered.
            QMetaObject::invokeMethod(guard->target, [guard, done = std::move(done), result]() mutable {
                QObject::disconnect(guard->connection);
                done(std::move(*result));
            }, Qt::QueuedConnection);
        });
    }

    // Drops a (possibly last) reference on the pool: freeing a large index or data set takes
    // tens of milliseconds that the GUI thread should not spend.
    template <typename T>
    static void releaseLater(std::shared_ptr<T> object)
    {
        if (object)
            pool()->start([object = std::move(object)]() mutable { object.reset(); });
    }

private:
    struct Guard {
        std::mutex mutex;
        QObject *target = nullptr;
        QMetaObject::Connection connection;
    };
};
