// What each action of the main window does: the handler column of the action table. Write
// actions open the plan dialog of their operation; the others reconnect, pin namespaces,
// disconnect or copy. Dialogs are handed to the window, which shows them.
#pragma once

#include "tenancyactions.h"

#include "models/tenancyoperations.h"
#include "views/pinnamespacesdialog.h"

#include <QObject>
#include <QPointer>

#include <functional>

class AppSettings;
class ClusterSession;
class PlanDialog;
class QDialog;
class QMenu;
class QWidget;
class SessionList;

class ActionHandlers final : public QObject
{
    Q_OBJECT
public:
    // settings: null when the window does not persist (tests, --screenshot).
    ActionHandlers(QWidget *window, SessionList *sessions, AppSettings *settings, QObject *parent = nullptr);

    // Gives every action of the table its handler.
    void install(TenancyActions *actions);
    // The cluster's "Tenancy mode" submenu: detected, or set by the user and remembered.
    QMenu *modeMenu(ClusterSession *session, QWidget *parent);
    // The pin dialog opened last (tests fill it in), or null.
    PinNamespacesDialog *pinDialog() const { return m_pinDialog; }

signals:
    // A plan dialog to show (the window opens it).
    void dialogReady(PlanDialog *dialog);
    // Select this node as soon as it exists (what a dialog just created).
    void selectRequested(const QString &path);
    void disconnectRequested(ClusterSession *session);

private:
    void newWorkspace(const NodeContext &c);
    void editWorkspace(const NodeContext &c);
    void deleteWorkspace(const NodeContext &c);
    void newProject(const NodeContext &c);
    void deleteProject(const NodeContext &c);
    void newUser(const NodeContext &c);
    void editUser(const NodeContext &c);
    void setUserEnabled(const NodeContext &c, bool enabled);
    void deleteUser(const NodeContext &c);
    void pinNamespaces(const NodeContext &c);
    void editProject(const NodeContext &c);
    void moveProject(const NodeContext &c);
    // mode: 0 new, 1 edit, 2 clone (RoleEditorDialog::Mode).
    void role(const NodeContext &c, int mode, TenancyActions::Id id);
    void deleteRole(const NodeContext &c);
    // mode: 0 add, 1 change role, 2 remove (MemberDialog::Mode).
    void members(const NodeContext &c, int mode, TenancyActions::Id id);
    // Undo / Redo of the session's current history entry, through a plan dialog.
    void undoRedo(const NodeContext &c, bool redo);
    void showHistory(const NodeContext &c);
    // Quotas: the quota editor, the container-defaults editor, removing a quota.
    void editQuota(const NodeContext &c);
    void editContainerDefaults(const NodeContext &c);
    void removeQuota(const NodeContext &c);
    // --- network: the isolation switch and the policy editor ---
    void isolate(const NodeContext &c);
    void networkPolicy(const NodeContext &c, bool create);
    void deleteNetworkPolicy(const NodeContext &c);
    // --- hand-over to KubeSphere: prepare (standalone) or finish (KubeSphere mode) ---
    void handover(const NodeContext &c, bool finish);
    // --- finalizers: free a workspace, project or user stuck Terminating ---
    void releaseFinalizers(const NodeContext &c);
    // Remembers the connection's choices (pins, mode) and connects again with them.
    void saveAndReconnect(ClusterSession *session);
    // The question-only dialog of deletes and enable/disable: the plan shows at once.
    PlanDialog *confirmDialog(const NodeContext &c, const QString &title, const QString &text,
                              const TenancyOperations::Operation &operation);
    // Gives the dialog the permission of the action's row and hands it to the window; once
    // applied, the node selectAfter() names is selected.
    void ready(PlanDialog *dialog, const NodeContext &c, TenancyActions::Id id,
               std::function<QString()> selectAfter = {});

    QWidget *m_window;
    SessionList *m_sessions;
    AppSettings *m_settings;
    TenancyActions *m_actions = nullptr;
    QPointer<PinNamespacesDialog> m_pinDialog;
    QPointer<QDialog> m_historyDialog;
};
