// The main window: the tenancy tree of every connected cluster beside the detail panel, a
// status bar part per cluster, menus and a toolbar whose actions follow the selected node and
// the identity's permissions, and the dialogs that plan and apply changes.
#pragma once

#include "models/connectionspec.h"
#include "tenancyactions.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class AppSettings;
class ClusterSession;
class ClusterStatusWidget;
class DetailPanel;
class ExecApprover;
class NavigatorWidget;
#include "views/plandialog.h"
class QMenu;
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

    QList<ClusterSession *> sessions() const { return m_sessions; }
    ClusterSession *session(const QString &id) const;
    ClusterSession *sessionFor(const QModelIndex &sourceIndex) const;
    bool allLoaded() const;

    TenancyTreeModel *treeModel() const { return m_model; }
    NavigatorWidget *navigator() const { return m_navigator; }
    DetailPanel *detailPanel() const { return m_details; }
    TenancyActions *actions() const { return m_actions; }
    ExecApprover *approver() const { return m_approver; }
    ClusterStatusWidget *statusWidget(const QString &clusterId) const;
    // The dialog opened by the last write action (tests drive it), or null.
    PlanDialog *lastDialog() const { return m_lastDialog; }
    // Select this path as soon as it exists (after a create, or for --select).
    void selectWhenAvailable(const QString &path);

signals:
    void allSessionsLoaded();
    void dialogOpened(PlanDialog *dialog);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    QMenu *modeMenu(ClusterSession *session, QWidget *parent);
    void onCurrentChanged();
    void showDetails();
    void onOutlineChanged(ClusterSession *session);
    void onStatusChanged(ClusterSession *session);
    void onAction(TenancyActions::Id id, const NodeContext &context);
    void openDialog(PlanDialog *dialog, const QString &selectAfter = {});
    NodeContext contextFor(const QModelIndex &sourceIndex) const;
    void updateTitle();
    void trySelectPending();

    Options m_options;
    std::unique_ptr<AppSettings> m_settings;
    ExecApprover *m_approver;
    TenancyTreeModel *m_model;
    NavigatorWidget *m_navigator;
    DetailPanel *m_details;
    QSplitter *m_splitter;
    TenancyActions *m_actions;
    QList<ClusterSession *> m_sessions;
    QHash<ClusterSession *, ClusterStatusWidget *> m_statusWidgets;
    QPointer<PlanDialog> m_lastDialog;
    QString m_pendingSelection;
    bool m_announcedLoaded = false;
};
