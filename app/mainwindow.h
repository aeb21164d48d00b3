// The main window: the tenancy tree of every connected cluster beside the detail panel, a
// status bar part per cluster, menus and a toolbar whose actions follow the selected node and
// the identity's permissions, and the dialogs that plan and apply changes.
#pragma once

#include "models/connectionspec.h"
#include "models/sessionlist.h"
#include "tenancyactions.h"
#include "thememanager.h"
#include "views/kssignindialog.h"
#include "views/plandialog.h"

#include "kubeclient/trace/traceform.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>
#include <optional>

class ActionHandlers;
class AppSettings;
class AuditWindow;
class ClusterSession;
class ClusterStatusWidget;
class DetailPanel;
class KsSignIn;
class ExecApprover;
class NavigatorWidget;
class PermissionsWindow;
class TrafficWindow;
class TraceWindow;
class PermissionWorkbenchWidget;
struct PathObject;
class TenancyNode;
class QActionGroup;
class QSplitter;
class TenancyTreeModel;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    struct Options {
        // Read and write QSettings (connections, approvals, layout). Off for --screenshot and
        // tests, so a scripted run never changes what the user chose.
        bool persist = true;
        // Approve every exec plugin without asking (--approve-exec, headless runs).
        bool approveExec = false;
    };

    explicit MainWindow(Options options, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Connects (asynchronously) and adds the cluster to the tree and the status bar.
    ClusterSession *addConnection(const ConnectionSpec &spec, bool remember);
    void removeConnection(ClusterSession *session);
    // The stored connections; true when there were any.
    bool restoreConnections();
    // File → Import kubeconfig… (also offered at first start).
    void showImportDialog();
    // The same dialog opened on `file` (File → Recent kubeconfigs).
    void showImportDialogFor(const QString &file);
    // File → Recent kubeconfigs (rebuilt each time it opens; missing files shown disabled).
    QMenu *recentMenu() const { return m_recentMenu; }

    // View → Theme: applied at once; remembered when the window persists and `remember`.
    ThemeManager *themeManager() const { return m_theme; }
    void setTheme(ThemeManager::Theme theme, bool remember);

    SessionList *sessionList() const { return m_sessions; }
    QList<ClusterSession *> sessions() const { return m_sessions->sessions(); }
    ClusterSession *session(const QString &id) const { return m_sessions->session(id); }
    ClusterSession *sessionFor(const QModelIndex &sourceIndex) const { return m_sessions->sessionFor(sourceIndex); }
    bool allLoaded() const { return m_sessions->allLoaded(); }

    TenancyTreeModel *treeModel() const { return m_model; }
    NavigatorWidget *navigator() const { return m_navigator; }
    DetailPanel *detailPanel() const { return m_details; }
    TenancyActions *actions() const { return m_actions; }
    ExecApprover *approver() const { return m_approver; }
    ActionHandlers *handlers() const { return m_handlers; }
    ClusterStatusWidget *statusWidget(const QString &clusterId) const;
    // The dialog opened by the last write action (tests drive it), or null.
    PlanDialog *lastDialog() const { return m_lastDialog; }
    // View → Permissions… (Ctrl+P): a workbench window on the selected node's cluster, preset
    // to the node; File → Open manifests…: one on a folder of YAML/JSON, offline.
    PermissionsWindow *openPermissionsWindow();
    PermissionsWindow *openManifests(const QString &path);
    PermissionsWindow *lastPermissionsWindow() const;
    // Selects the tree node of a path object of a workbench on `session` (a platform or cluster
    // role, or the project a Role or RoleBinding lives in); false when the tree has none.
    bool showPathObject(ClusterSession *session, const PathObject &object);
    // View → Allowed traffic… (Ctrl+T): the allowed-traffic graph of the selected node's
    // cluster, limited to its workspace; the window follows the tree. One per cluster.
    TrafficWindow *openTrafficWindow();
    TrafficWindow *lastTrafficWindow() const;
    // View → Audit… (Ctrl+Shift+A) and "Audit events…" of a workspace, project or user (`node`,
    // which pre-filters): the audit viewer of the node's cluster. One per cluster.
    AuditWindow *openAuditWindow(const NodeContext *node = nullptr);
    AuditWindow *lastAuditWindow() const;
    // Issue 15, trace one request: View → Trace request… (Ctrl+Shift+T) opens the form on the
    // selected node's cluster; a matrix cell's "Trace this request…" opens it filled and traces.
    TraceWindow *openTraceWindow(const std::optional<kube::trace::TraceForm> &form = std::nullopt,
                                 ClusterSession *session = nullptr);
    TraceWindow *lastTraceWindow() const;

    // Selects the project in the tree and its policy in the Network tab.
    bool showNetworkPolicy(ClusterSession *session, const QString &ns, const QString &name);
    // Select this path as soon as it exists (after a create, or for --select).
    void selectWhenAvailable(const QString &path);

    // --- KubeSphere account sign-in (models/kssignin) ---
    // File → Sign in to KubeSphere…: the form, window-modal; on success the session is added.
    KsSignInDialog *showKsSignInDialog();
    KsSignInDialog *lastKsSignInDialog() const { return m_lastKsSignIn; }
    KsSignIn *ksSignIn() const { return m_ksSignIn; }
    // File → Sign out of KubeSphere: the selected session's keyring entry and context go, and
    // the session with them.
    void signOutOfKubeSphere();
    QAction *ksSignOutAction() const { return m_ksSignOut; }

signals:
    void allSessionsLoaded();
    // A cluster's tree is shown from the local cache, before the live answer.
    void sessionShownFromCache();
    void dialogOpened(PlanDialog *dialog);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void onCurrentChanged();
    void showDetails();
    void updateDashboard();
    void onAdded(ClusterSession *session);
    // A session's tree or status changed: the selected node's actions and details follow.
    void onSessionChanged(ClusterSession *session, bool outline);
    void onActivated(const QModelIndex &sourceIndex);
    void openDialog(PlanDialog *dialog);
    NodeContext contextFor(const QModelIndex &sourceIndex) const;
    void updateTitle();
    void trySelectPending();
    void presetPermissions(PermissionWorkbenchWidget *widget, ClusterSession *session, const TenancyNode *node);
    void fillRecentMenu();
    // Selects what was last selected on a cluster once its tree has it (persisting windows).
    void tryRestoreSelections();

    Options m_options;
    std::unique_ptr<AppSettings> m_settings;
    // Before every widget: it installs AppStyle, whose icons the widgets take when created.
    ThemeManager *m_theme;
    ExecApprover *m_approver;
    TenancyTreeModel *m_model;
    NavigatorWidget *m_navigator;
    DetailPanel *m_details;
    QSplitter *m_splitter;
    TenancyActions *m_actions;
    SessionList *m_sessions;
    ActionHandlers *m_handlers;
    QHash<ClusterSession *, ClusterStatusWidget *> m_statusWidgets;
    QPointer<PlanDialog> m_lastDialog;
    QString m_pendingSelection;
    QString m_permissionsPreset;  // the node the Permissions tab was last preset for
    QPointer<PermissionsWindow> m_lastPermissions;
    QList<QPointer<TrafficWindow>> m_trafficWindows;
    QList<QPointer<AuditWindow>> m_auditWindows;
    QPointer<TraceWindow> m_lastTrace;  // issue 15
    // KubeSphere account sign-in.
    void updateKsSignOut();
    KsSignIn *m_ksSignIn = nullptr;
    QAction *m_ksSignOut = nullptr;
    QPointer<KsSignInDialog> m_lastKsSignIn;
    // Look and feel.
    QMenu *m_recentMenu = nullptr;
    QActionGroup *m_themeGroup = nullptr;
    QHash<QString, QString> m_restoreSelection;  // session id → tree path, until shown or gone
};
