// The connected clusters of one window: owns their ClusterSessions, names each uniquely, and
// feeds every session's outline and status into the tenancy tree model it was given.
#pragma once

#include "models/connectionspec.h"

#include <QList>
#include <QModelIndex>
#include <QObject>

class ClusterSession;
class ExecApprover;
class TenancyTreeModel;

class SessionList final : public QObject
{
    Q_OBJECT
public:
    SessionList(ExecApprover *approver, TenancyTreeModel *model, QObject *parent = nullptr);
    // Sessions stop their watches here, while their receivers still exist.
    ~SessionList() override;

    // Connects (asynchronously) and adds the cluster to the tree. A spec without a context is
    // named by its kubeconfig's current context. When a session already targets the same
    // context of the same file, that one is returned and *created is false.
    ClusterSession *add(const ConnectionSpec &spec, bool *created = nullptr);
    // Stops and deletes the session and drops its cluster from the tree.
    void remove(ClusterSession *session);

    QList<ClusterSession *> sessions() const { return m_sessions; }
    bool isEmpty() const { return m_sessions.isEmpty(); }
    ClusterSession *session(const QString &id) const;
    // The session a node of the tree model belongs to (null for an invalid index).
    ClusterSession *sessionFor(const QModelIndex &sourceIndex) const;
    // Every session either loaded or failed (and there is at least one).
    bool allLoaded() const;
    // Some session is connecting or its first lists are still coming (the tree fills).
    bool loading() const;
    TenancyTreeModel *model() const { return m_model; }

signals:
    void added(ClusterSession *session);
    void removed(const QString &id);
    // Emitted after the tree model took the change.
    void outlineChanged(ClusterSession *session);
    void statusChanged(ClusterSession *session);
    void loadedChanged(ClusterSession *session);
    // Once, the first time every session is loaded or failed.
    void allSessionsLoaded();
    // A session's tree shows its local cache (emitted after the tree model took it).
    void cachedShown(ClusterSession *session);

private:
    void onOutlineChanged(ClusterSession *session);
    void onStatusChanged(ClusterSession *session);
    void announceIfAllLoaded();

    ExecApprover *m_approver;
    TenancyTreeModel *m_model;
    QList<ClusterSession *> m_sessions;
    bool m_announcedLoaded = false;
};
