// The actions of the main window (menus, toolbar, context menus share them) and which apply
// to the selected node. Each write action names the permission it needs; the identity's
// answer (SelfSubjectAccessReview, cached) enables it or disables it with a tooltip saying
// which permission is missing.
#pragma once

#include "models/accessquery.h"
#include "models/nodekind.h"

#include "kubeclient/tenancy/plan/memberscope.h"

#include <QAction>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

#include "models/clustersession.h"
class QMenu;

// The selected node, as far as actions care.
struct NodeContext {
    QPointer<ClusterSession> session;
    NodeKind kind = NodeKind::Cluster;
    QString name;
    QString scope;      // a project's workspace
    QString path;       // the node's path in the tree (Copy path, re-selection)
    unsigned flags = 0; // OutlineEntry flags
    // What is selected in the detail panel's Members / Roles tables of this node.
    QStringList members;  // user names
    QString role;
    QString policy;  // the user NetworkPolicy selected in the Network tab (a project's)
    bool valid() const { return !session.isNull(); }
};

class TenancyActions final : public QObject
{
    Q_OBJECT
public:
    enum Id {
        NewWorkspace,
        NewProject,
        NewUser,
        EditWorkspace,
        DeleteWorkspace,
        DeleteProject,
        EditUser,
        EnableUser,
        DisableUser,
        DeleteUser,
        Reconnect,
        PinNamespaces,
        Disconnect,
        CopyName,
        CopyPath,
        EditProject,
        MoveProject,
        AddMembers,        // to the node's scope (platform, cluster, workspace, project)
        ChangeMemberRole,  // of the members selected in the Members tab
        RemoveMembers,
        NewRole,           // at the node's level
        EditRole,          // the role selected in the Roles tab (or the role node itself)
        CloneRole,
        DeleteRole,
        Undo,     // Edit → Undo <change>: plans the inverse of the cluster's last applied change
        Redo,
        History,  // the cluster's change history, newest first
        // Quotas and container defaults (the Quotas tab's bar, workspace / project nodes)
        EditQuota,              // the workspace quota, or the project's ResourceQuota
        EditContainerDefaults,  // the project's LimitRange
        RemoveQuota,
        // --- network (isolation switch, policy editor) ---
        IsolateNetwork,       // checkable: the workspace's / project's own isolation
        NewNetworkPolicy,     // in the project
        EditNetworkPolicy,    // the policy selected in the Network tab
        DeleteNetworkPolicy,
        // --- hand-over to KubeSphere (the cluster's; standalone: prepare, KubeSphere mode: finish) ---
        PrepareHandover,
        FinishHandover,
        // --- finalizers: a workspace, project or user stuck Terminating on KubeSphere finalizers ---
        ReleaseFinalizers,
        // --- audit: the audit window pre-filtered on a workspace, project or user ---
        AuditEvents,
        IdCount
    };

    // What an action does when triggered on a node (the main window's handlers).
    using Handler = std::function<void(const NodeContext &context)>;

    explicit TenancyActions(QObject *parent = nullptr);

    QAction *action(Id id) const { return m_actions[id]; }
    void setHandler(Id id, Handler handler) { m_handlers[id] = std::move(handler); }
    // Re-evaluates applicability and permissions for this node (and on every answer).
    void setContext(const NodeContext &context);
    const NodeContext &context() const { return m_context; }
    // The actions that apply to the node, for its context menu (separators included).
    void fillContextMenu(QMenu *menu) const;
    bool applies(Id id) const;
    // The member scope / role level of a node, when it has members / roles one can edit.
    static std::optional<kube::tenancy::MemberScope> memberScopeOf(const NodeContext &context);
    static std::optional<kube::tenancy::RoleSpec::Level> roleLevelOf(const NodeContext &context);
    // The role an Edit/Clone/Delete role acts on: the selected one, or the role node's own.
    static QString roleOf(const NodeContext &context);
    // The permission an action needs on the current node; nullopt: none (local actions).
    std::optional<AccessQuery> permissionFor(Id id) const;

signals:
    // Emitted after the action's handler ran.
    void triggered(TenancyActions::Id id, const NodeContext &context);

private:
    void refresh();

    QAction *m_actions[IdCount];
    Handler m_handlers[IdCount];
    NodeContext m_context;
    QMetaObject::Connection m_accessConnection;
    QMetaObject::Connection m_historyConnection;
};
