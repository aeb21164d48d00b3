// One traced request as a tree: a row per stage (authentication, impersonation, authorization,
// admission, the server's check) with its verdict and why, its detail lines as children. It
// also runs the trace: the form is read, discovery asked and the server called on a worker
// (AsyncTask); the newest trace wins, and a closed window never gets a late answer.
#pragma once

#include "kubeclient/api/client.h"
#include "kubeclient/core/canceltoken.h"
#include "kubeclient/rbac/rbacindex.h"
#include "kubeclient/trace/requesttrace.h"
#include "kubeclient/trace/traceform.h"

#include <QAbstractItemModel>
#include <QIcon>

#include <memory>
#include <optional>

class TraceModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { StageColumn, VerdictColumn, SummaryColumn, ColumnCount };
    enum Role {
        VerdictRole = Qt::UserRole + 1,  // kube::trace::Verdict as int (stage rows)
        StageIdRole,                     // "authorization"...
    };

    explicit TraceModel(QObject *parent = nullptr);

    // The cluster to trace on, and the kubeconfig file and context it was opened from (what the
    // Authentication stage describes). An empty kubeconfig means kubectl's default sources.
    void setConnection(std::shared_ptr<kube::Client> client, const QString &kubeconfig, const QString &context);
    // RBAC data already at hand (a live permission source): skips reading it again.
    void setIndex(std::shared_ptr<const kube::rbac::RbacIndex> index) { m_index = std::move(index); }

    // Starts a trace; started() now, then finished() or failed(message naming the field).
    void trace(const kube::trace::TraceForm &form);
    // Stops the running trace (its requests end at once); cancelled(), and no late answer.
    void cancel();
    bool running() const { return m_running; }
    const std::optional<kube::trace::TraceResult> &result() const { return m_result; }
    void setResult(kube::trace::TraceResult result);
    void clear();
    // Milliseconds the last trace took on the worker (whole, and the engine part alone).
    qint64 lastMs() const { return m_lastMs; }

    static QIcon verdictIcon(kube::trace::Verdict verdict);
    static QString verdictWord(kube::trace::Verdict verdict);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void started();
    void finished();
    void failed(const QString &message);
    void cancelled();

private:
    kube::CancelTokenPtr m_cancel;
    std::shared_ptr<kube::Client> m_client;
    std::shared_ptr<const kube::rbac::RbacIndex> m_index;
    QString m_kubeconfig, m_context;
    std::optional<kube::trace::TraceResult> m_result;
    bool m_running = false;
    int m_generation = 0;
    qint64 m_lastMs = -1;
};
