// The audit viewer's window (View → Audit…, Ctrl+Shift+A; "Audit events…" on a workspace,
// project or user): audit files, Tenantry's journal and the Events of its cluster, filtered
// with workspaces resolved through that cluster's tenancy graph. One per cluster (or one
// without a cluster, for files only).
#pragma once

#include "models/nodekind.h"

#include <QMainWindow>
#include <QPointer>

class AuditEventModel;
class AuditLog;
class AuditWidget;
class ClusterSession;

class AuditWindow final : public QMainWindow
{
    Q_OBJECT
public:
    // session may be null: files and the journal only.
    explicit AuditWindow(ClusterSession *session, QWidget *parent = nullptr);

    ClusterSession *session() const { return m_session; }
    bool hasSession() const { return m_hadSession; }
    AuditLog *log() const { return m_log; }
    AuditEventModel *model() const { return m_model; }
    AuditWidget *widget() const { return m_widget; }

    // Pre-filters on a tree node (workspace, project or user); other kinds clear the filter.
    void presetNode(NodeKind kind, const QString &name, const QString &scope);
    // Reads the cluster's Events (the "Cluster Events" button).
    void loadClusterEvents();

signals:
    // "Open this object in the tree": the main window selects the node of this window's cluster.
    void showInTree(NodeKind kind, const QString &name);

private:
    void onOutline();
    void updateEventsAccess();

    QPointer<ClusterSession> m_session;
    bool m_hadSession = false;
    AuditLog *m_log;
    AuditEventModel *m_model;
    AuditWidget *m_widget;
};
