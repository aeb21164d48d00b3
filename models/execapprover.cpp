// ExecApprover: the approval question goes to the GUI thread through a queued call and a
// promise, so a worker waits for the answer without holding any lock the GUI needs.
#include "models/execapprover.h"

#include "models/modelslogging.h"

#include <QCryptographicHash>
#include <QMetaObject>
#include <QThread>

#include <future>
#include <mutex>

struct ExecApprover::Shared {
    std::mutex mutex;
    ExecApprover *owner = nullptr;  // cleared by the destructor
    QSet<QString> approved;
    bool approveAll = false;
};

ExecApprover::ExecApprover(QObject *parent)
    : QObject(parent)
    , m_shared(std::make_shared<Shared>())
{
    m_shared->owner = this;
}

ExecApprover::~ExecApprover()
{
    std::lock_guard lock(m_shared->mutex);
    m_shared->owner = nullptr;
}

void ExecApprover::setAsker(Asker asker) { m_asker = std::move(asker); }

void ExecApprover::setApproveAll(bool approveAll)
{
    std::lock_guard lock(m_shared->mutex);
    m_shared->approveAll = approveAll;
}

void ExecApprover::setApproved(const QSet<QString> &keys)
{
    std::lock_guard lock(m_shared->mutex);
    m_shared->approved = keys;
}

QSet<QString> ExecApprover::approved() const
{
    std::lock_guard lock(m_shared->mutex);
    return m_shared->approved;
}

QString ExecApprover::keyOf(const kube::ExecApprovalRequest &request)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArray::fromStdString(request.command));
    for (const auto &arg : request.args) {
        hash.addData(QByteArrayView("\0", 1));
        hash.addData(QByteArray::fromStdString(arg));
    }
    return QString::fromLatin1(hash.result().toHex());
}

QString ExecApprover::commandLine(const kube::ExecApprovalRequest &request)
{
    auto quote = [](const std::string &s) {
        QString q = QString::fromStdString(s);
        static const QString plain = QStringLiteral("-_./:=,@%+");
        bool safe = !q.isEmpty();
        for (QChar c : q)
            safe = safe && (c.isLetterOrNumber() || plain.contains(c));
        if (safe)
            return q;
        q.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
        return QLatin1Char('\'') + q + QLatin1Char('\'');
    };
    QStringList parts{quote(request.command)};
    for (const auto &arg : request.args)
        parts << quote(arg);
    return parts.join(QLatin1Char(' '));
}

bool ExecApprover::ask(const kube::ExecApprovalRequest &request)
{
    if (!m_asker) {
        qCWarning(lcSession) << "exec plugin not approved (no one to ask):" << QString::fromStdString(request.command);
        return false;
    }
    bool remember = false;
    const bool ok = m_asker(request, &remember);
    if (ok && remember) {
        {
            std::lock_guard lock(m_shared->mutex);
            m_shared->approved.insert(keyOf(request));
        }
        emit approvedChanged();
    }
    return ok;
}

kube::ExecApprovalHook ExecApprover::hook() const
{
    std::shared_ptr<Shared> shared = m_shared;
    return [shared](const kube::ExecApprovalRequest &request) -> bool {
        const QString key = keyOf(request);
        std::unique_lock lock(shared->mutex);
        if (shared->approveAll || shared->approved.contains(key))
            return true;
        ExecApprover *owner = shared->owner;
        if (!owner)
            return false;
        if (QThread::currentThread() == owner->thread()) {
            // Asked on the GUI thread itself (credentials are normally fetched on workers):
            // answer directly, a queued round trip would deadlock.
            lock.unlock();
            return owner->ask(request);
        }
        // Only the queued call holds the promise: if the approver dies before answering, the
        // discarded call breaks the promise and the worker reads a refusal.
        auto promise = std::make_shared<std::promise<bool>>();
        std::future<bool> answer = promise->get_future();
        QMetaObject::invokeMethod(owner, [owner, promise = std::move(promise), request] {
            promise->set_value(owner->ask(request));
        }, Qt::QueuedConnection);
        lock.unlock();
        try {
            return answer.get();
        } catch (const std::future_error &) {
            return false;
        }
    };
}
