// AuditLog: the index has one writer at a time (index() and follow() share it), so every
// indexing job and the follow loop run in order on a single-thread pool of the log's own;
// cancelling raises the token those jobs check. Progress is written under a mutex by the
// writer and read by a timer here: no per-row signal ever crosses threads.
#include "models/auditlog.h"

#include "models/asynctask.h"

#include "kubeclient/audit/auditfile.h"
#include "kubeclient/audit/kubeevents.h"
#include "kubeclient/core/atomicfile.h"
#include "kubeclient/journal/journal.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QThreadPool>

#include <fstream>
#include <mutex>

using namespace kube;
using namespace kube::audit;

Q_LOGGING_CATEGORY(lcAudit, "tenantry.audit", QtInfoMsg)

namespace {
constexpr int kPollMs = 100;

QString qs(const std::string &s) { return QString::fromStdString(s); }

QString describe(const Error &e)
{
    return qs(e.describe());
}
} // namespace

struct AuditLog::Shared {
    std::mutex mutex;
    AuditLog::Progress progress;
};

AuditLog::AuditLog(QObject *parent)
    : QObject(parent)
    , m_index(std::make_shared<AuditIndex>())
    , m_shared(std::make_shared<Shared>())
    , m_writer(new QThreadPool(this))
    , m_indexCancel(std::make_shared<CancelToken>())
{
    // One writer: jobs run one after another, in the order they were queued.
    m_writer->setMaxThreadCount(1);
    m_writer->setExpiryTimeout(-1);
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &AuditLog::poll);
}

AuditLog::~AuditLog()
{
    m_indexCancel->cancel();
    if (m_followCancel)
        m_followCancel->cancel();
    // The writer posts to this object; it must be done before the object goes.
    m_writer->waitForDone();
}

QString AuditLog::journalPath()
{
    return qs(journal::journalPath());
}

void AuditLog::setBusyFrom(bool before)
{
    const bool now = busy();
    if (now || m_follow) {
        if (!m_poll.isActive())
            m_poll.start();
    } else {
        m_poll.stop();
    }
    if (before != now)
        emit busyChanged(now);
}

void AuditLog::addFiles(const QStringList &paths)
{
    for (const QString &path : paths) {
        if (path.isEmpty())
            continue;
        Source s;
        s.kind = Source::Kind::File;
        s.path = path;
        const auto backups = withRotatedBackups(path.toStdString());
        s.label = backups.size() > 1 ? tr("%1 (and %2 rotated)").arg(path).arg(backups.size() - 1) : path;
        m_sources << s;
        m_lastFile = path;
        runIndex({path.toStdString()}, true, int(m_sources.size()) - 1);
    }
    emit sourcesChanged();
}

void AuditLog::addJournal()
{
    if (m_journalAdded)
        return;
    m_journalAdded = true;
    Source s;
    s.kind = Source::Kind::Journal;
    s.path = journalPath();
    s.label = tr("Tenantry's journal (%1)").arg(s.path);
    m_sources << s;
    if (!QFileInfo::exists(s.path)) {
        // Nothing applied yet from this machine: an empty source, not an error.
        m_sources.last().note = tr("no writes recorded yet");
        emit sourcesChanged();
        return;
    }
    m_lastFile = s.path;
    runIndex({s.path.toStdString()}, false, int(m_sources.size()) - 1);
    emit sourcesChanged();
}

void AuditLog::runIndex(std::vector<std::string> files, bool rotated, int sourceIndex)
{
    const bool before = busy();
    ++m_indexJobs;
    const bool refollow = m_follow;
    if (refollow)
        stopFollow();
    auto index = m_index;
    auto shared = m_shared;
    auto cancel = m_indexCancel;
    m_writer->start([this, index, shared, cancel, files = std::move(files), rotated, sourceIndex] {
        if (cancel->cancelled()) {
            QMetaObject::invokeMethod(this, [this, sourceIndex] { onIndexFinished(sourceIndex, {}, true); }, Qt::QueuedConnection);
            return;
        }
        IndexOptions options;
        options.rotatedBackups = rotated;
        options.cancel = cancel;
        options.progress = [shared](const IndexProgress &p) {
            std::lock_guard lock(shared->mutex);
            shared->progress.bytesDone = qint64(p.bytesDone);
            shared->progress.bytesTotal = qint64(p.bytesTotal);
            shared->progress.rows = qint64(p.rows);
            shared->progress.skipped = qint64(p.skipped);
            shared->progress.fileIndex = int(p.fileIndex);
            shared->progress.fileCount = int(p.fileCount);
            shared->progress.file = QString::fromStdString(p.file);
        };
        // The first rows are shown at once, not at the next poll.
        options.firstRows = [this] { QMetaObject::invokeMethod(this, &AuditLog::poll, Qt::QueuedConnection); };
        const auto result = index->index(files, options);
        QString error;
        bool cancelled = false;
        if (!result) {
            cancelled = result.error().kind == ErrorKind::Cancelled;
            error = describe(result.error());
        }
        QMetaObject::invokeMethod(this, [this, sourceIndex, error, cancelled] { onIndexFinished(sourceIndex, error, cancelled); },
                                  Qt::QueuedConnection);
    });
    if (refollow)
        startFollow();
    setBusyFrom(before);
}

void AuditLog::onIndexFinished(int sourceIndex, const QString &error, bool cancelled)
{
    const bool before = busy();
    --m_indexJobs;
    if (sourceIndex >= 0 && sourceIndex < m_sources.size()) {
        if (cancelled)
            m_sources[sourceIndex].note = tr("indexing cancelled: the events read so far are shown");
        else if (!error.isEmpty())
            m_sources[sourceIndex].note = error;
    }
    if (!error.isEmpty() && !cancelled) {
        qCInfo(lcAudit) << "audit source failed:" << error;
        emit failed(error);
    }
    // A cancel stops what was queued with it; what is added later indexes again.
    if (m_indexJobs == 0 && m_indexCancel->cancelled())
        m_indexCancel = std::make_shared<CancelToken>();
    poll();
    emit sourcesChanged();
    setBusyFrom(before);
}

void AuditLog::cancel()
{
    m_indexCancel->cancel();
}

void AuditLog::setFollow(bool on)
{
    if (on == m_follow)
        return;
    const bool before = busy();
    m_follow = on;
    if (on)
        startFollow();
    else
        stopFollow();
    setBusyFrom(before);
}

void AuditLog::startFollow()
{
    if (m_lastFile.isEmpty())
        return;
    auto cancel = std::make_shared<CancelToken>();
    m_followCancel = cancel;
    auto index = m_index;
    const std::string path = m_lastFile.toStdString();
    m_writer->start([this, index, cancel, path] {
        if (cancel->cancelled())
            return;
        FollowOptions options;
        options.cancel = cancel;
        options.notice = [this](const std::string &message) {
            QMetaObject::invokeMethod(this, [this, text = qs(message)] { emit followNotice(text); }, Qt::QueuedConnection);
        };
        const auto result = index->follow(options, path);
        if (!result && result.error().kind != ErrorKind::Cancelled) {
            const QString error = describe(result.error());
            QMetaObject::invokeMethod(this, [this, error] { emit failed(error); }, Qt::QueuedConnection);
        }
    });
}

void AuditLog::stopFollow()
{
    if (m_followCancel)
        m_followCancel->cancel();
    m_followCancel.reset();
}

void AuditLog::setNamespaceWorkspaces(const tenancy::GraphSnapshot &snapshot)
{
    std::map<std::string, std::string> map;
    for (const auto &ws : snapshot.workspaces())
        for (const auto &p : snapshot.projects(ws.name))
            map[p.name] = ws.name;
    m_index->setNamespaceWorkspaces(std::move(map));
}

void AuditLog::loadClusterEvents(std::shared_ptr<Client> client, const QString &clusterName, const QStringList &namespaces)
{
    if (!client) {
        emit failed(tr("Not connected to %1: its Events cannot be read.").arg(clusterName));
        return;
    }
    const bool before = busy();
    ++m_eventsPending;
    KubeEventsRequest request;
    for (const QString &ns : namespaces)
        request.namespaces.push_back(ns.toStdString());
    AsyncTask::run(this, [client, request] { return fetchKubeEvents(*client, request); },
                   [this, clusterName](Result<KubeEventsResult> result) {
        const bool was = busy();
        --m_eventsPending;
        if (!result) {
            const QString error = tr("Events of %1: %2").arg(clusterName, describe(result.error()));
            emit failed(error);
            setBusyFrom(was);
            return;
        }
        // Only the Events not indexed yet (the index only grows).
        std::vector<nlohmann::json> fresh;
        for (auto &e : result->events) {
            const auto &meta = e.value("metadata", nlohmann::json::object());
            std::string key = meta.value("uid", "") + "/" + meta.value("resourceVersion", "");
            if (m_seenEvents.insert(std::move(key)).second)
                fresh.push_back(std::move(e));
        }
        QStringList unreadable;
        for (const auto &u : result->unreadable)
            unreadable << qs(u);
        Source s;
        s.kind = Source::Kind::ClusterEvents;
        s.label = tr("Events of %1").arg(clusterName);
        s.note = tr("%n new event(s)", nullptr, int(fresh.size()));
        if (!unreadable.isEmpty())
            s.note += tr("; not readable: %1").arg(unreadable.join(QStringLiteral("; ")));
        if (!m_tmp)
            m_tmp = std::make_unique<QTemporaryDir>();
        s.path = m_tmp->filePath(QStringLiteral("events-%1.jsonl").arg(++m_eventsFiles));
        m_sources << s;
        const int sourceIndex = int(m_sources.size()) - 1;
        emit eventsLoaded(int(fresh.size()), unreadable);
        if (!fresh.empty()) {
            // Written and indexed on the writer, like any file.
            const std::string path = s.path.toStdString();
            auto events = std::make_shared<std::vector<nlohmann::json>>(std::move(fresh));
            const bool b = busy();
            ++m_indexJobs;
            auto index = m_index;
            auto cancel = m_indexCancel;
            m_writer->start([this, index, cancel, events, path, sourceIndex] {
                QString error;
                bool cancelled = false;
                if (auto written = writeKubeEvents(path, *events); !written) {
                    error = describe(written.error());
                } else {
                    IndexOptions options;
                    options.rotatedBackups = false;
                    options.cancel = cancel;
                    const auto r = index->index({path}, options);
                    if (!r) {
                        cancelled = r.error().kind == ErrorKind::Cancelled;
                        error = describe(r.error());
                    }
                }
                QMetaObject::invokeMethod(this, [this, sourceIndex, error, cancelled] {
                    onIndexFinished(sourceIndex, error, cancelled);
                }, Qt::QueuedConnection);
            });
            setBusyFrom(b);
        }
        emit sourcesChanged();
        setBusyFrom(was);
    });
    setBusyFrom(before);
}

AuditLog::Progress AuditLog::progress() const
{
    std::lock_guard lock(m_shared->mutex);
    Progress p = m_shared->progress;
    p.rows = qint64(m_index->rowCount());
    p.skipped = qint64(m_index->skippedCount());
    return p;
}

qint64 AuditLog::rowCount() const
{
    return qint64(m_index->rowCount());
}

void AuditLog::poll()
{
    if (busy())
        emit progressChanged();
    const qint64 rows = rowCount();
    if (rows != m_lastRows) {
        m_lastRows = rows;
        emit rowsAvailable();
    }
}

QStringList AuditLog::skippedLines(int max) const
{
    QStringList out;
    for (const auto &s : m_index->skipped(std::size_t(std::max(0, max))))
        out << QStringLiteral("%1:%2: %3").arg(QFileInfo(qs(s.file)).fileName()).arg(s.line).arg(qs(s.why));
    return out;
}

QString AuditLog::statusText() const
{
    const qint64 rows = rowCount();
    const qint64 skipped = qint64(m_index->skippedCount());
    QString text = tr("%n event(s)", nullptr, int(rows));
    text += QStringLiteral(", ") + tr("%n skipped line(s)", nullptr, int(skipped));
    if (skipped > 0) {
        QStringList where;
        for (const auto &s : m_index->skipped(3))
            where << QStringLiteral("%1:%2").arg(QFileInfo(qs(s.file)).fileName()).arg(s.line);
        text += QStringLiteral(" (%1%2)").arg(where.join(QStringLiteral(", ")), skipped > 3 ? QStringLiteral(", …") : QString());
    }
    return text;
}

void AuditLog::readEvent(RowId id, QObject *receiver, std::function<void(Result<AuditEvent>)> done) const
{
    auto index = m_index;
    AsyncTask::run(receiver, [index, id] { return index->event(id); }, std::move(done));
}

void AuditLog::exportRows(std::vector<RowId> rows, const QString &path, bool csv, QObject *receiver,
                          std::function<void(QString)> done) const
{
    auto index = m_index;
    const std::string file = path.toStdString();
    AsyncTask::run(receiver, [index, rows = std::move(rows), file, csv]() -> QString {
        // Replaced whole or not at all (core/atomicfile): a failed export keeps the old file.
        kube::AtomicWriteOptions options;
        options.newFileMode = 0644;  // an export the user hands on, as any saved file
        options.what = "the export";
        auto out = kube::AtomicFile::create(file, options);
        if (!out)
            return describe(out.error());
        const auto r = csv ? index->exportCsv(rows, out->stream()) : index->exportJsonLines(rows, out->stream());
        if (!r)
            return describe(r.error());
        if (auto committed = out->commit(); !committed)
            return describe(committed.error());
        return {};
    }, std::move(done));
}
