// ActionHandlers: dialogs get the session's snapshot to fill their lists, and the permission
// the action's table row names, so Apply is disabled with the reason before any request.
#include "actionhandlers.h"

#include "appsettings.h"

#include "models/changehistory.h"
#include "models/networkisolation.h"
#include "models/tenancyoutline.h"
#include "models/clustersession.h"
#include "models/permissionsource.h"
#include "models/sessionlist.h"
#include "models/tenancyoperations.h"
#include "models/tenancytreemodel.h"
#include "views/handoverdialog.h"
#include "views/deleteroledialog.h"
#include "views/deleteworkspacedialog.h"
#include "views/editprojectdialog.h"
#include "views/memberdialog.h"
#include "views/moveprojectdialog.h"
#include "views/networkpolicydialog.h"
#include "views/pinnamespacesdialog.h"
#include "views/plandialog.h"
#include "views/projectdialog.h"
#include "views/limitrangedialog.h"
#include "views/quotadialog.h"
#include "views/roleeditordialog.h"
#include "views/userdialog.h"
#include "views/workspacedialog.h"

#include <QActionGroup>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QLineEdit>
#include <QMenu>

ActionHandlers::ActionHandlers(QWidget *window, SessionList *sessions, AppSettings *settings, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_sessions(sessions)
    , m_settings(settings)
{
}

void ActionHandlers::install(TenancyActions *actions)
{
    m_actions = actions;
    using A = TenancyActions;
    actions->setHandler(A::NewWorkspace, [this](const NodeContext &c) { newWorkspace(c); });
    actions->setHandler(A::EditWorkspace, [this](const NodeContext &c) { editWorkspace(c); });
    actions->setHandler(A::DeleteWorkspace, [this](const NodeContext &c) { deleteWorkspace(c); });
    actions->setHandler(A::NewProject, [this](const NodeContext &c) { newProject(c); });
    actions->setHandler(A::DeleteProject, [this](const NodeContext &c) { deleteProject(c); });
    actions->setHandler(A::NewUser, [this](const NodeContext &c) { newUser(c); });
    actions->setHandler(A::EditUser, [this](const NodeContext &c) { editUser(c); });
    actions->setHandler(A::EnableUser, [this](const NodeContext &c) { setUserEnabled(c, true); });
    actions->setHandler(A::DisableUser, [this](const NodeContext &c) { setUserEnabled(c, false); });
    actions->setHandler(A::DeleteUser, [this](const NodeContext &c) { deleteUser(c); });
    actions->setHandler(A::Reconnect, [](const NodeContext &c) { c.session->reconnect(); });
    actions->setHandler(A::PinNamespaces, [this](const NodeContext &c) { pinNamespaces(c); });
    actions->setHandler(A::Disconnect, [this](const NodeContext &c) { emit disconnectRequested(c.session); });
    actions->setHandler(A::CopyName, [](const NodeContext &c) { QGuiApplication::clipboard()->setText(c.name); });
    actions->setHandler(A::CopyPath, [](const NodeContext &c) { QGuiApplication::clipboard()->setText(c.path); });
    actions->setHandler(A::EditProject, [this](const NodeContext &c) { editProject(c); });
    actions->setHandler(A::MoveProject, [this](const NodeContext &c) { moveProject(c); });
    actions->setHandler(A::AddMembers, [this](const NodeContext &c) { members(c, 0, A::AddMembers); });
    actions->setHandler(A::ChangeMemberRole, [this](const NodeContext &c) { members(c, 1, A::ChangeMemberRole); });
    actions->setHandler(A::RemoveMembers, [this](const NodeContext &c) { members(c, 2, A::RemoveMembers); });
    actions->setHandler(A::NewRole, [this](const NodeContext &c) { role(c, 0, A::NewRole); });
    actions->setHandler(A::EditRole, [this](const NodeContext &c) { role(c, 1, A::EditRole); });
    actions->setHandler(A::CloneRole, [this](const NodeContext &c) { role(c, 2, A::CloneRole); });
    actions->setHandler(A::DeleteRole, [this](const NodeContext &c) { deleteRole(c); });
    actions->setHandler(A::Undo, [this](const NodeContext &c) { undoRedo(c, false); });
    actions->setHandler(A::Redo, [this](const NodeContext &c) { undoRedo(c, true); });
    actions->setHandler(A::History, [this](const NodeContext &c) { showHistory(c); });
    actions->setHandler(A::EditQuota, [this](const NodeContext &c) { editQuota(c); });
    actions->setHandler(A::EditContainerDefaults, [this](const NodeContext &c) { editContainerDefaults(c); });
    actions->setHandler(A::RemoveQuota, [this](const NodeContext &c) { removeQuota(c); });
    actions->setHandler(A::IsolateNetwork, [this](const NodeContext &c) { isolate(c); });
    actions->setHandler(A::NewNetworkPolicy, [this](const NodeContext &c) { networkPolicy(c, true); });
    actions->setHandler(A::EditNetworkPolicy, [this](const NodeContext &c) { networkPolicy(c, false); });
    actions->setHandler(A::DeleteNetworkPolicy, [this](const NodeContext &c) { deleteNetworkPolicy(c); });
    actions->setHandler(A::PrepareHandover, [this](const NodeContext &c) { handover(c, false); });
    actions->setHandler(A::FinishHandover, [this](const NodeContext &c) { handover(c, true); });
    actions->setHandler(A::ReleaseFinalizers, [this](const NodeContext &c) { releaseFinalizers(c); });
}

// --- Quotas and container defaults ---

void ActionHandlers::editQuota(const NodeContext &c)
{
    const auto level = c.kind == NodeKind::Workspace ? kube::tenancy::QuotaLevel::Workspace : kube::tenancy::QuotaLevel::Project;
    ready(new QuotaDialog(new PlanRunner(c.session), c.session->snapshot(), level, c.name, m_window), c,
          TenancyActions::EditQuota);
}

void ActionHandlers::editContainerDefaults(const NodeContext &c)
{
    ready(new LimitRangeDialog(new PlanRunner(c.session), c.session->snapshot(), c.name, m_window), c,
          TenancyActions::EditContainerDefaults);
}

void ActionHandlers::removeQuota(const NodeContext &c)
{
    const bool ws = c.kind == NodeKind::Workspace;
    ready(confirmDialog(c, ws ? tr("Remove the quota of workspace %1").arg(c.name) : tr("Remove the quota of project %1").arg(c.name),
                        ws ? tr("Deletes the workspace quota of <b>%1</b>; its projects' own quotas stay.").arg(c.name.toHtmlEscaped())
                           : tr("Deletes the ResourceQuota of project <b>%1</b>; its workspace's quota stays.").arg(c.name.toHtmlEscaped()),
                        TenancyOperations::removeQuota(ws ? kube::tenancy::QuotaLevel::Workspace : kube::tenancy::QuotaLevel::Project,
                                                       c.name.toStdString())),
          c, TenancyActions::RemoveQuota);
}

void ActionHandlers::editProject(const NodeContext &c)
{
    ready(new EditProjectDialog(new PlanRunner(c.session), c.session->snapshot(), c.name, m_window), c,
          TenancyActions::EditProject);
}

void ActionHandlers::moveProject(const NodeContext &c)
{
    auto *d = new MoveProjectDialog(new PlanRunner(c.session), c.session->snapshot(), c.name, m_window);
    ready(d, c, TenancyActions::MoveProject, [d, c] {
        return TenancyTreeModel::pathFor(c.session ? c.session->id() : QString(), NodeKind::Project, c.name,
                                         d->targetWorkspace());
    });
}

void ActionHandlers::members(const NodeContext &c, int mode, TenancyActions::Id id)
{
    const auto scope = TenancyActions::memberScopeOf(c);
    if (!scope)
        return;
    ready(new MemberDialog(new PlanRunner(c.session), c.session->snapshot(), *scope, MemberDialog::Mode(mode),
                           mode == 0 ? QStringList() : c.members, m_window),
          c, id);
}

void ActionHandlers::role(const NodeContext &c, int mode, TenancyActions::Id id)
{
    const auto level = TenancyActions::roleLevelOf(c);
    if (!level)
        return;
    // Discovery's catalog for completion, when the permission data already has it (else the
    // dialog reads discovery itself, off the GUI thread).
    std::shared_ptr<const kube::rbac::ResourceCatalog> catalog;
    if (auto snapshot = c.session->permissions()->snapshot())
        catalog = snapshot->kubernetesCatalog;
    const bool scoped = *level == kube::tenancy::RoleSpec::Level::Workspace || *level == kube::tenancy::RoleSpec::Level::Project;
    ready(new RoleEditorDialog(new PlanRunner(c.session), c.session->snapshot(), RoleEditorDialog::Mode(mode), *level,
                               scoped ? c.name : QString(), mode == 0 ? QString() : TenancyActions::roleOf(c), catalog,
                               m_window),
          c, id);
}

void ActionHandlers::deleteRole(const NodeContext &c)
{
    const auto level = TenancyActions::roleLevelOf(c);
    if (!level)
        return;
    const bool scoped = *level == kube::tenancy::RoleSpec::Level::Workspace || *level == kube::tenancy::RoleSpec::Level::Project;
    ready(new DeleteRoleDialog(new PlanRunner(c.session), *level, scoped ? c.name : QString(), TenancyActions::roleOf(c),
                               m_window),
          c, TenancyActions::DeleteRole);
}

void ActionHandlers::undoRedo(const NodeContext &c, bool redo)
{
    ChangeHistory *history = c.session->history();
    auto operation = redo ? history->redoOperation() : history->undoOperation();
    if (!operation)
        return;
    const QString change = redo ? history->redoText() : history->undoText();
    auto *runner = new PlanRunner(c.session);
    runner->setHistoryRole(redo ? ChangeHistory::Role::Redo : ChangeHistory::Role::Undo);
    auto *d = new PlanDialog(runner, (redo ? tr("Redo %1") : tr("Undo %1")).arg(change), m_window);
    d->setObjectName(redo ? QStringLiteral("redoDialog") : QStringLiteral("undoDialog"));
    d->setDescription(redo ? tr("Makes <b>%1</b> again: the writes below take back what its undo put back.")
                                 .arg(change.toHtmlEscaped())
                           : tr("Puts back what <b>%1</b> changed, as each object was just before it. An object "
                                "someone changed since is not overwritten: the server refuses that write.")
                                 .arg(change.toHtmlEscaped()));
    d->setOperationFactory([operation](QString *) { return operation; });
    d->setPreviewOnOpen(true);
    emit dialogReady(d);
}

void ActionHandlers::showHistory(const NodeContext &c)
{
    // The entries as the stack holds them; moving through it happens only by applying an undo
    // or redo, never by clicking here (that would move the stack without writing anything).
    const QUndoStack *stack = c.session->history()->stack();
    auto *d = new QDialog(m_window);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->setObjectName(QStringLiteral("historyDialog"));
    d->setWindowTitle(tr("Change history of %1").arg(c.session->id()));
    auto *layout = new QVBoxLayout(d);
    auto *label = new QLabel(stack->count() == 0 ? tr("Nothing has been applied to this cluster from this window yet.")
                                                 : tr("Newest first. Edit → Undo (Ctrl+Z) takes back the newest applied "
                                                      "change; Edit → Redo (Ctrl+Shift+Z) makes the newest undone one again."),
                             d);
    label->setWordWrap(true);
    layout->addWidget(label);
    auto *list = new QListWidget(d);
    list->setObjectName(QStringLiteral("historyList"));
    list->setAccessibleName(tr("Applied and undone changes, newest first"));
    for (int i = stack->count() - 1; i >= 0; --i) {
        const bool applied = i < stack->index();
        list->addItem((applied ? tr("✓ applied: %1") : tr("↶ undone: %1")).arg(stack->text(i)));
    }
    layout->addWidget(list, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, d);
    connect(buttons, &QDialogButtonBox::rejected, d, &QDialog::reject);
    layout->addWidget(buttons);
    d->resize(520, 360);
    m_historyDialog = d;
    d->open();
}

void ActionHandlers::ready(PlanDialog *dialog, const NodeContext &c, TenancyActions::Id id, std::function<QString()> selectAfter)
{
    // The permission of the action's row, on the node the action was triggered for.
    if (m_actions && m_actions->context().session == c.session) {
        if (auto q = m_actions->permissionFor(id))
            dialog->setRequiredPermission(c.session->access(), *q);
    }
    if (selectAfter)
        connect(dialog, &PlanDialog::applied, this, [this, selectAfter] { emit selectRequested(selectAfter()); });
    emit dialogReady(dialog);
}

PlanDialog *ActionHandlers::confirmDialog(const NodeContext &c, const QString &title, const QString &text,
                                          const TenancyOperations::Operation &operation)
{
    auto *d = new PlanDialog(new PlanRunner(c.session), title, m_window);
    d->setDescription(text);
    d->setOperationFactory([operation](QString *) { return operation; });
    d->setPreviewOnOpen(true);
    return d;
}

void ActionHandlers::newWorkspace(const NodeContext &c)
{
    auto *d = new WorkspaceDialog(new PlanRunner(c.session), c.session->snapshot(), {}, m_window);
    ready(d, c, TenancyActions::NewWorkspace, [d, cluster = c.session->id()] {
        return TenancyTreeModel::pathFor(cluster, NodeKind::Workspace, d->nameEdit()->text().trimmed());
    });
}

void ActionHandlers::editWorkspace(const NodeContext &c)
{
    ready(new WorkspaceDialog(new PlanRunner(c.session), c.session->snapshot(), c.name, m_window), c,
          TenancyActions::EditWorkspace);
}

void ActionHandlers::deleteWorkspace(const NodeContext &c)
{
    ready(new DeleteWorkspaceDialog(new PlanRunner(c.session), c.name, m_window), c, TenancyActions::DeleteWorkspace);
}

void ActionHandlers::newProject(const NodeContext &c)
{
    // A workspace (or a project in one) pre-selects that workspace.
    const QString ws = c.kind == NodeKind::Workspace ? c.name : c.scope;
    auto *d = new ProjectDialog(new PlanRunner(c.session), c.session->snapshot(), ws, m_window);
    ready(d, c, TenancyActions::NewProject, [d, cluster = c.session->id()] {
        return TenancyTreeModel::pathFor(cluster, NodeKind::Project, d->nameEdit()->text().trimmed(),
                                         d->workspaceBox()->currentData().toString());
    });
}

void ActionHandlers::deleteProject(const NodeContext &c)
{
    ready(confirmDialog(c, tr("Delete project %1").arg(c.name),
                        tr("Deletes the namespace <b>%1</b> and everything in it.").arg(c.name.toHtmlEscaped()),
                        TenancyOperations::deleteProject(c.name.toStdString())),
          c, TenancyActions::DeleteProject);
}

void ActionHandlers::newUser(const NodeContext &c)
{
    auto *d = new UserDialog(new PlanRunner(c.session), c.session->snapshot(), {}, m_window);
    ready(d, c, TenancyActions::NewUser, [d, cluster = c.session->id()] {
        return TenancyTreeModel::pathFor(cluster, NodeKind::User, d->nameEdit()->text().trimmed());
    });
}

void ActionHandlers::editUser(const NodeContext &c)
{
    ready(new UserDialog(new PlanRunner(c.session), c.session->snapshot(), c.name, m_window), c, TenancyActions::EditUser);
}

void ActionHandlers::setUserEnabled(const NodeContext &c, bool enabled)
{
    const QString who = c.name.toHtmlEscaped();
    ready(confirmDialog(c, (enabled ? tr("Enable user %1") : tr("Disable user %1")).arg(c.name),
                        enabled ? tr("The user <b>%1</b> may log in again.").arg(who)
                                : tr("The user <b>%1</b> can no longer log in; their bindings stay.").arg(who),
                        TenancyOperations::setUserEnabled(c.name.toStdString(), enabled)),
          c, enabled ? TenancyActions::EnableUser : TenancyActions::DisableUser);
}

void ActionHandlers::deleteUser(const NodeContext &c)
{
    ready(confirmDialog(c, tr("Delete user %1").arg(c.name),
                        tr("Deletes the user <b>%1</b> and the bindings that name them.").arg(c.name.toHtmlEscaped()),
                        TenancyOperations::deleteUser(c.name.toStdString())),
          c, TenancyActions::DeleteUser);
}

void ActionHandlers::pinNamespaces(const NodeContext &c)
{
    // Window-modal and not blocking: the window keeps painting while the user types.
    auto *d = new PinNamespacesDialog(c.session->id(), c.session->spec().pinnedNamespaces, m_window);
    d->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<ClusterSession> session = c.session;
    connect(d, &QDialog::accepted, this, [this, d, session] {
        if (!session)
            return;
        session->setPinnedNamespaces(d->namespaces());
        saveAndReconnect(session);
    });
    m_pinDialog = d;
    d->open();
}

// --- network ---

void ActionHandlers::isolate(const NodeContext &c)
{
    const bool workspace = c.kind == NodeKind::Workspace;
    const bool isolated = c.flags & OutlineEntry::Isolated;
    // The switch keeps showing the cluster's state; the watch brings the change once applied.
    if (m_actions)
        m_actions->action(TenancyActions::IsolateNetwork)->setChecked(isolated);
    const bool on = !isolated;
    const QString title = (on ? tr("Isolate network of %1") : tr("End network isolation of %1")).arg(c.name);
    ready(confirmDialog(c, title, NetworkIsolation::confirmText(c.session->tenancy(), workspace, c.name, on),
                        TenancyOperations::setIsolation(workspace ? kube::tenancy::IsolationScope::Workspace
                                                                  : kube::tenancy::IsolationScope::Project,
                                                        c.name.toStdString(), on)),
          c, TenancyActions::IsolateNetwork);
}

void ActionHandlers::deleteNetworkPolicy(const NodeContext &c)
{
    ready(confirmDialog(c, tr("Delete network policy %1").arg(c.policy),
                        tr("Deletes the NetworkPolicy <b>%1</b> of project <b>%2</b>: the traffic only it allowed is "
                           "refused again where other policies isolate the pods.")
                            .arg(c.policy.toHtmlEscaped(), c.name.toHtmlEscaped()),
                        TenancyOperations::deleteNetworkPolicy(c.name.toStdString(), c.policy.toStdString())),
          c, TenancyActions::DeleteNetworkPolicy);
}

void ActionHandlers::releaseFinalizers(const NodeContext &c)
{
    using kube::tenancy::PlanTarget;
    const PlanTarget target = c.kind == NodeKind::Workspace ? PlanTarget::Workspace
        : c.kind == NodeKind::User                          ? PlanTarget::User
                                                            : PlanTarget::Project;
    ready(confirmDialog(c, tr("Remove stuck finalizers of %1").arg(c.name),
                        tr("<b>%1</b> is being deleted. Any KubeSphere finalizers on it wait for a controller that "
                           "does not run here: removing them lets the delete finish; other finalizers stay, and the "
                           "cleanup KubeSphere's controller would have done is skipped. The plan names what it "
                           "removes.")
                            .arg(c.name.toHtmlEscaped()),
                        TenancyOperations::releaseFinalizers(target, c.name.toStdString())),
          c, TenancyActions::ReleaseFinalizers);
}

void ActionHandlers::networkPolicy(const NodeContext &c, bool create)
{
    auto *d = new NetworkPolicyDialog(new PlanRunner(c.session), c.session->snapshot(), c.name,
                                      create ? QString() : c.policy, m_window);
    ready(d, c, create ? TenancyActions::NewNetworkPolicy : TenancyActions::EditNetworkPolicy);
}

void ActionHandlers::saveAndReconnect(ClusterSession *session)
{
    if (m_settings)
        m_settings->saveConnection(session->spec());
    session->reconnect();
}

QMenu *ActionHandlers::modeMenu(ClusterSession *session, QWidget *parent)
{
    // Detected by default; the user may say otherwise, and the status bar then says "set by you".
    auto *menu = new QMenu(tr("Tenancy &mode"), parent);
    if (!session)
        return menu;
    auto *group = new QActionGroup(menu);
    const QList<QPair<QString, QString>> modes{{QString(), tr("&Detect")},
                                               {QStringLiteral("kubesphere"), tr("&KubeSphere (its controllers act)")},
                                               {QStringLiteral("standalone"), tr("&Standalone (Tenantry acts)")}};
    QPointer<ClusterSession> guard(session);
    for (const auto &[value, text] : modes) {
        QAction *a = menu->addAction(text);
        a->setCheckable(true);
        a->setChecked(session->spec().modeOverride == value);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, guard, value = value] {
            if (!guard || guard->spec().modeOverride == value)
                return;
            guard->setModeOverride(value);
            saveAndReconnect(guard);
        });
    }
    return menu;
}

// --- hand-over to KubeSphere ---

void ActionHandlers::handover(const NodeContext &c, bool finish)
{
    ready(new HandoverDialog(new PlanRunner(c.session), finish, m_window), c,
          finish ? TenancyActions::FinishHandover : TenancyActions::PrepareHandover);
}
