// TenancyActions: one table row per action says where it applies and which permission it
// needs on the primary object (the plan's other writes are side effects the same permission
// set normally carries). Unknown answers leave the action enabled: the server decides, and
// its error shows in the dialog.
#include "tenancyactions.h"

#include "models/accesschecker.h"
#include "models/changehistory.h"
#include "models/clustersession.h"
#include "models/tenancyoutline.h"

#include <QMenu>

namespace {

using Id = TenancyActions::Id;
using Api = kube::tenancy::TenancyApi;

bool anywhere(const NodeContext &) { return true; }
template <NodeKind K>
bool on(const NodeContext &c) { return c.kind == K; }
bool onEnabledUser(const NodeContext &c) { return c.kind == NodeKind::User && !(c.flags & OutlineEntry::Disabled); }
bool onDisabledUser(const NodeContext &c) { return c.kind == NodeKind::User && (c.flags & OutlineEntry::Disabled); }
// Being deleted (Terminating): its finalizers may be KubeSphere's, which no controller releases.
bool deletingObject(const NodeContext &c)
{
    return (c.kind == NodeKind::Workspace || c.kind == NodeKind::Project || c.kind == NodeKind::User)
        && (c.flags & OutlineEntry::Deleting);
}

AccessQuery query(const char *verb, const kube::GroupVersionResource &gvr, const QString &name = {})
{
    return AccessQuery{QString::fromLatin1(verb), QString::fromStdString(gvr.group), QString::fromStdString(gvr.resource),
                       QString(), name};
}
const kube::GroupVersionResource kNamespaces{"", "v1", "namespaces", false, "Namespace"};

bool hasMembers(const NodeContext &c) { return TenancyActions::memberScopeOf(c).has_value(); }
bool hasSelectedMembers(const NodeContext &c) { return hasMembers(c) && !c.members.isEmpty(); }
bool hasRoles(const NodeContext &c) { return TenancyActions::roleLevelOf(c).has_value(); }
bool hasRole(const NodeContext &c) { return hasRoles(c) && !TenancyActions::roleOf(c).isEmpty(); }
// Network: KubeSphere isolates workspaces and the projects of a workspace; policies live in projects.
bool isolatable(const NodeContext &c)
{
    return c.kind == NodeKind::Workspace || (c.kind == NodeKind::Project && !c.scope.isEmpty());
}
bool hasPolicy(const NodeContext &c) { return c.kind == NodeKind::Project && !c.policy.isEmpty(); }
const kube::GroupVersionResource &networkPolicies() { return Api::networkPolicy; }
std::optional<AccessQuery> policyQuery(const char *verb, const NodeContext &c, bool named)
{
    AccessQuery q = query(verb, networkPolicies(), named ? c.policy : QString());
    q.ns = c.name;
    return q;
}

using Level = kube::tenancy::RoleSpec::Level;
const kube::GroupVersionResource &roleResource(const Api &a, Level level)
{
    switch (level) {
    case Level::Platform: return a.globalRole;
    case Level::Cluster: return a.clusterRole;
    case Level::Workspace: return a.workspaceRole;
    case Level::Project: break;
    }
    return a.projectRole;
}
const kube::GroupVersionResource &bindingResource(const Api &a, Level level)
{
    switch (level) {
    case Level::Platform: return a.globalRoleBinding;
    case Level::Cluster: return a.clusterRoleBinding;
    case Level::Workspace: return a.workspaceRoleBinding;
    case Level::Project: break;
    }
    return a.projectRoleBinding;
}
// A role or binding write of the node's level, in the project's namespace for projects.
std::optional<AccessQuery> roleQuery(const char *verb, const Api &a, const NodeContext &c, bool named)
{
    const auto level = TenancyActions::roleLevelOf(c);
    if (!level)
        return std::nullopt;
    AccessQuery q = query(verb, roleResource(a, *level), named ? TenancyActions::roleOf(c) : QString());
    if (*level == Level::Project)
        q.ns = c.name;
    return q;
}
std::optional<AccessQuery> bindingQuery(const char *verb, const Api &a, const NodeContext &c)
{
    const auto scope = TenancyActions::memberScopeOf(c);
    if (!scope)
        return std::nullopt;
    AccessQuery q = query(verb, bindingResource(a, scope->level));
    if (scope->level == Level::Project)
        q.ns = QString::fromStdString(scope->name);
    return q;
}

// Quotas belong to workspaces (quota.kubesphere.io, cluster-scoped, named after the workspace)
// and projects (core ResourceQuota in the namespace).
bool hasQuota(const NodeContext &c) { return c.kind == NodeKind::Workspace || c.kind == NodeKind::Project; }
std::optional<AccessQuery> quotaQuery(const char *verb, const Api &a, const NodeContext &c)
{
    if (c.kind == NodeKind::Workspace)
        return query(verb, a.workspaceQuota, c.name);
    if (c.kind != NodeKind::Project)
        return std::nullopt;
    AccessQuery q = query(verb, Api::resourceQuota);
    q.ns = c.name;
    return q;
}

// Hand-over to KubeSphere: anywhere in a cluster serving the 4.x tenancy API, by mode (prepare
// while standalone, finish once KubeSphere's controllers run).
bool handoverApplies(const NodeContext &c, kube::tenancy::Mode mode)
{
    if (!c.valid())
        return false;
    const auto &t = c.session->tenancy();
    return t.api.flavor == kube::tenancy::ApiFlavor::V4 && t.mode == mode;
}
bool canPrepareHandover(const NodeContext &c) { return handoverApplies(c, kube::tenancy::Mode::Standalone); }
bool canFinishHandover(const NodeContext &c) { return handoverApplies(c, kube::tenancy::Mode::KubeSphere); }

// The audit window pre-filtered on the node: workspaces, projects and users have events.
bool auditable(const NodeContext &c)
{
    return c.kind == NodeKind::Workspace || c.kind == NodeKind::Project || c.kind == NodeKind::User;
}

// The permission is the one on the primary object an action creates, patches or deletes.
using Permission = std::optional<AccessQuery> (*)(const Api &, const NodeContext &);
std::optional<AccessQuery> none(const Api &, const NodeContext &) { return std::nullopt; }

// One row per action: its text, keys and icon, where it applies, what it needs. The handler
// (what it does) is the main window's, set with setHandler.
struct ActionRow {
    Id id;
    const char *text;
    QKeySequence key;
    const char *icon;
    bool (*applies)(const NodeContext &);
    Permission permission;
    bool treeOnly;  // a variant sharing a shortcut (F2, Delete): visible only where it applies
};

// Built on first use, not at start-up: a standard key (Delete) needs the application's theme.
const ActionRow &row(Id id)
{
    static const ActionRow kRows[] = {
        // Creating needs no particular node: anywhere in a cluster (the node only pre-fills).
        {TenancyActions::NewWorkspace, QT_TRANSLATE_NOOP("TenancyActions", "New &workspace…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
         "workspace", anywhere, [](const Api &a, const NodeContext &) { return std::optional(query("create", a.workspaceTemplate)); }, false},
        {TenancyActions::NewProject, QT_TRANSLATE_NOOP("TenancyActions", "New &project…"), QKeySequence(Qt::CTRL | Qt::Key_N), "project",
         anywhere, [](const Api &, const NodeContext &) { return std::optional(query("create", kNamespaces)); }, false},
        {TenancyActions::NewUser, QT_TRANSLATE_NOOP("TenancyActions", "New &user…"), QKeySequence(Qt::CTRL | Qt::Key_U), "user", anywhere,
         [](const Api &a, const NodeContext &) { return std::optional(query("create", a.user)); }, false},
        {TenancyActions::EditWorkspace, QT_TRANSLATE_NOOP("TenancyActions", "&Edit workspace…"), QKeySequence(Qt::Key_F2), nullptr,
         on<NodeKind::Workspace>, [](const Api &a, const NodeContext &c) { return std::optional(query("patch", a.workspaceTemplate, c.name)); }, true},
        {TenancyActions::DeleteWorkspace, QT_TRANSLATE_NOOP("TenancyActions", "&Delete workspace…"), QKeySequence::Delete, nullptr,
         on<NodeKind::Workspace>, [](const Api &a, const NodeContext &c) { return std::optional(query("delete", a.workspaceTemplate, c.name)); }, true},
        {TenancyActions::DeleteProject, QT_TRANSLATE_NOOP("TenancyActions", "&Delete project…"), QKeySequence::Delete, nullptr,
         on<NodeKind::Project>, [](const Api &, const NodeContext &c) { return std::optional(query("delete", kNamespaces, c.name)); }, true},
        {TenancyActions::EditUser, QT_TRANSLATE_NOOP("TenancyActions", "&Edit user…"), QKeySequence(Qt::Key_F2), nullptr, on<NodeKind::User>,
         [](const Api &a, const NodeContext &c) { return std::optional(query("patch", a.user, c.name)); }, true},
        {TenancyActions::EnableUser, QT_TRANSLATE_NOOP("TenancyActions", "E&nable user…"), {}, nullptr, onDisabledUser,
         [](const Api &a, const NodeContext &c) { return std::optional(query("patch", a.user, c.name)); }, true},
        {TenancyActions::DisableUser, QT_TRANSLATE_NOOP("TenancyActions", "Disa&ble user…"), {}, "user-disabled", onEnabledUser,
         [](const Api &a, const NodeContext &c) { return std::optional(query("patch", a.user, c.name)); }, true},
        {TenancyActions::DeleteUser, QT_TRANSLATE_NOOP("TenancyActions", "&Delete user…"), QKeySequence::Delete, nullptr, on<NodeKind::User>,
         [](const Api &a, const NodeContext &c) { return std::optional(query("delete", a.user, c.name)); }, true},
        {TenancyActions::Reconnect, QT_TRANSLATE_NOOP("TenancyActions", "&Reconnect"), QKeySequence(Qt::Key_F5), nullptr, anywhere, none, false},
        {TenancyActions::PinNamespaces, QT_TRANSLATE_NOOP("TenancyActions", "Pin &namespaces…"), {}, "project-reachable", anywhere, none, false},
        {TenancyActions::Disconnect, QT_TRANSLATE_NOOP("TenancyActions", "&Disconnect"), {}, nullptr, anywhere, none, false},
        {TenancyActions::CopyName, QT_TRANSLATE_NOOP("TenancyActions", "&Copy name"), {}, nullptr, anywhere, none, false},
        {TenancyActions::CopyPath, QT_TRANSLATE_NOOP("TenancyActions", "Copy pat&h"), {}, nullptr, anywhere, none, false},
        {TenancyActions::EditProject, QT_TRANSLATE_NOOP("TenancyActions", "&Edit project…"), QKeySequence(Qt::Key_F2), nullptr,
         on<NodeKind::Project>, [](const Api &, const NodeContext &c) { return std::optional(query("patch", kNamespaces, c.name)); }, true},
        {TenancyActions::MoveProject, QT_TRANSLATE_NOOP("TenancyActions", "&Move project to workspace…"), {}, nullptr,
         on<NodeKind::Project>, [](const Api &, const NodeContext &c) { return std::optional(query("patch", kNamespaces, c.name)); }, false},
        {TenancyActions::AddMembers, QT_TRANSLATE_NOOP("TenancyActions", "&Add members…"), QKeySequence(Qt::CTRL | Qt::Key_M), nullptr,
         hasMembers, [](const Api &a, const NodeContext &c) { return bindingQuery("create", a, c); }, false},
        {TenancyActions::ChangeMemberRole, QT_TRANSLATE_NOOP("TenancyActions", "Chan&ge role of members…"), {}, nullptr,
         hasSelectedMembers, [](const Api &a, const NodeContext &c) { return bindingQuery("create", a, c); }, false},
        {TenancyActions::RemoveMembers, QT_TRANSLATE_NOOP("TenancyActions", "Remo&ve members…"), {}, nullptr,
         hasSelectedMembers, [](const Api &a, const NodeContext &c) { return bindingQuery("delete", a, c); }, false},
        {TenancyActions::NewRole, QT_TRANSLATE_NOOP("TenancyActions", "New &role…"), QKeySequence(Qt::CTRL | Qt::Key_R), nullptr,
         hasRoles, [](const Api &a, const NodeContext &c) { return roleQuery("create", a, c, false); }, false},
        {TenancyActions::EditRole, QT_TRANSLATE_NOOP("TenancyActions", "Ed&it role…"), {}, nullptr, hasRole,
         [](const Api &a, const NodeContext &c) { return roleQuery("update", a, c, true); }, false},
        {TenancyActions::CloneRole, QT_TRANSLATE_NOOP("TenancyActions", "Cl&one role…"), {}, nullptr, hasRole,
         [](const Api &a, const NodeContext &c) { return roleQuery("create", a, c, false); }, false},
        {TenancyActions::DeleteRole, QT_TRANSLATE_NOOP("TenancyActions", "De&lete role…"), {}, nullptr, hasRole,
         [](const Api &a, const NodeContext &c) { return roleQuery("delete", a, c, true); }, false},
        // The writes of an undo are the inverse of the change's own; the server judges them.
        {TenancyActions::Undo, QT_TRANSLATE_NOOP("TenancyActions", "&Undo"), QKeySequence::Undo, nullptr, anywhere, none, false},
        {TenancyActions::Redo, QT_TRANSLATE_NOOP("TenancyActions", "&Redo"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), nullptr,
         anywhere, none, false},
        {TenancyActions::History, QT_TRANSLATE_NOOP("TenancyActions", "Change &history…"), QKeySequence(Qt::CTRL | Qt::Key_H), nullptr,
         anywhere, none, false},
        // Quotas: a new quota is a server-side apply (a PATCH), an existing one a merge patch.
        {TenancyActions::EditQuota, QT_TRANSLATE_NOOP("TenancyActions", "Edit &quota…"), {}, nullptr, hasQuota,
         [](const Api &a, const NodeContext &c) { return quotaQuery("patch", a, c); }, false},
        {TenancyActions::EditContainerDefaults, QT_TRANSLATE_NOOP("TenancyActions", "Con&tainer defaults…"), {}, nullptr,
         on<NodeKind::Project>,
         [](const Api &, const NodeContext &c) {
             AccessQuery q = query("patch", Api::limitRange);
             q.ns = c.name;
             return std::optional(q);
         },
         false},
        {TenancyActions::RemoveQuota, QT_TRANSLATE_NOOP("TenancyActions", "Remove q&uota…"), {}, nullptr, hasQuota,
         [](const Api &a, const NodeContext &c) { return quotaQuery("delete", a, c); }, false},
        // --- network ---
        {TenancyActions::IsolateNetwork, QT_TRANSLATE_NOOP("TenancyActions", "Isolate &network"), {}, nullptr, isolatable,
         [](const Api &a, const NodeContext &c) {
             return std::optional(c.kind == NodeKind::Workspace ? query("patch", a.workspaceTemplate, c.name)
                                                                : query("patch", kNamespaces, c.name));
         }, false},
        {TenancyActions::NewNetworkPolicy, QT_TRANSLATE_NOOP("TenancyActions", "New network polic&y…"), {}, nullptr,
         on<NodeKind::Project>, [](const Api &, const NodeContext &c) { return policyQuery("create", c, false); }, false},
        {TenancyActions::EditNetworkPolicy, QT_TRANSLATE_NOOP("TenancyActions", "Edit net&work policy…"), {}, nullptr,
         hasPolicy, [](const Api &, const NodeContext &c) { return policyQuery("patch", c, true); }, false},
        {TenancyActions::DeleteNetworkPolicy, QT_TRANSLATE_NOOP("TenancyActions", "Delete networ&k policy…"), {}, nullptr,
         hasPolicy, [](const Api &, const NodeContext &c) { return policyQuery("delete", c, true); }, false},
        // --- hand-over: marking built-ins (GlobalRoles the first of them), deleting projections ---
        {TenancyActions::PrepareHandover, QT_TRANSLATE_NOOP("TenancyActions", "Prepare for &KubeSphere…"), {}, nullptr,
         canPrepareHandover, [](const Api &a, const NodeContext &) { return std::optional(query("patch", a.globalRole)); },
         false},
        {TenancyActions::FinishHandover, QT_TRANSLATE_NOOP("TenancyActions", "&Finish hand-over to KubeSphere…"), {},
         nullptr, canFinishHandover,
         [](const Api &, const NodeContext &) { return std::optional(query("delete", Api::rbacClusterRole)); }, false},
        // --- finalizers ---
        {TenancyActions::ReleaseFinalizers, QT_TRANSLATE_NOOP("TenancyActions", "Remove stuck finali&zers…"), {}, nullptr,
         deletingObject,
         [](const Api &a, const NodeContext &c) {
             return std::optional(c.kind == NodeKind::Workspace ? query("patch", a.workspaceTemplate, c.name)
                                  : c.kind == NodeKind::User    ? query("patch", a.user, c.name)
                                                                : query("patch", kNamespaces, c.name));
         }, false},
        // --- audit: reading audit files and the journal needs no permission; Events say what they could not read ---
        {TenancyActions::AuditEvents, QT_TRANSLATE_NOOP("TenancyActions", "Audit event&s…"), {}, nullptr, auditable, none,
         false},
    };
    static_assert(std::size(kRows) == TenancyActions::IdCount, "one row per action");
    return kRows[id];
}

} // namespace

TenancyActions::TenancyActions(QObject *parent)
    : QObject(parent)
{
    for (int i = 0; i < IdCount; ++i) {
        const ActionRow &d = row(static_cast<Id>(i));
        Q_ASSERT(d.id == i);
        auto *a = new QAction(tr(d.text), this);
        a->setShortcut(d.key);
        // F2 and Delete act on the tree's node only: as window shortcuts they would fire
        // while the user edits the filter. The main window adds these actions to the tree.
        const bool treeKey = d.key == QKeySequence(Qt::Key_F2) || d.key == QKeySequence(QKeySequence::Delete);
        a->setShortcutContext(treeKey ? Qt::WidgetShortcut : Qt::WindowShortcut);
        if (d.icon)
            a->setIcon(QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(d.icon))));
        const Id id = d.id;
        connect(a, &QAction::triggered, this, [this, id] {
            // A copy: the handler may change the selection (and so m_context) while it runs.
            const NodeContext context = m_context;
            if (m_handlers[id] && context.valid())
                m_handlers[id](context);
            emit triggered(id, context);
        });
        m_actions[id] = a;
    }
    // The switch shows the node's own state (refresh sets it); triggering opens a plan dialog.
    m_actions[IsolateNetwork]->setCheckable(true);
    setContext({});
}

std::optional<kube::tenancy::MemberScope> TenancyActions::memberScopeOf(const NodeContext &c)
{
    using kube::tenancy::MemberScope;
    switch (c.kind) {
    case NodeKind::Platform:
    case NodeKind::PlatformRoles: return MemberScope{Level::Platform, {}};
    case NodeKind::ClusterRoles: return MemberScope::cluster();
    case NodeKind::Workspace: return MemberScope::workspace(c.name.toStdString());
    case NodeKind::Project: return MemberScope::project(c.name.toStdString());
    default: return std::nullopt;
    }
}

std::optional<kube::tenancy::RoleSpec::Level> TenancyActions::roleLevelOf(const NodeContext &c)
{
    switch (c.kind) {
    case NodeKind::PlatformRoles:
    case NodeKind::PlatformRole: return Level::Platform;
    case NodeKind::ClusterRoles:
    case NodeKind::ClusterRole: return Level::Cluster;
    case NodeKind::Workspace: return Level::Workspace;
    case NodeKind::Project: return Level::Project;
    default: return std::nullopt;
    }
}

QString TenancyActions::roleOf(const NodeContext &c)
{
    if (c.kind == NodeKind::PlatformRole || c.kind == NodeKind::ClusterRole)
        return c.name;
    return c.role;
}

bool TenancyActions::applies(Id id) const
{
    return id >= 0 && id < IdCount && m_context.valid() && row(id).applies(m_context);
}

std::optional<AccessQuery> TenancyActions::permissionFor(Id id) const
{
    if (!m_context.valid() || id < 0 || id >= IdCount)
        return std::nullopt;
    return row(id).permission(m_context.session->tenancy().api, m_context);
}

void TenancyActions::setContext(const NodeContext &context)
{
    m_context = context;
    disconnect(m_accessConnection);
    disconnect(m_historyConnection);
    if (m_context.valid() && m_context.session->access())
        m_accessConnection = connect(m_context.session->access(), &AccessChecker::changed, this, &TenancyActions::refresh);
    if (m_context.valid())
        m_historyConnection = connect(m_context.session->history(), &ChangeHistory::changed, this, &TenancyActions::refresh);
    refresh();
}

void TenancyActions::refresh()
{
    AccessChecker *access = m_context.valid() ? m_context.session->access() : nullptr;
    for (int i = 0; i < IdCount; ++i) {
        const auto id = static_cast<Id>(i);
        QAction *a = m_actions[i];
        const bool applicable = applies(id);
        bool enabled = applicable;
        QString tip = a->text().remove(QLatin1Char('&')).remove(QStringLiteral("…"));
        if (applicable && access && m_context.session->client()) {
            if (auto query = permissionFor(id)) {
                const auto verdict = access->verdict(*query);
                if (verdict.answer == AccessChecker::Answer::Denied) {
                    enabled = false;
                    tip = access->explain(*query, verdict);
                }
            }
        } else if (applicable && permissionFor(id) && !m_context.session->client()) {
            enabled = false;
            tip = tr("Not connected to %1.").arg(m_context.session->id());
        }
        a->setEnabled(enabled);
        a->setToolTip(tip);
        a->setStatusTip(tip);
        if (id == Undo || id == Redo) {
            // Named after the change they act on, as every editor's Edit menu does.
            const ChangeHistory *h = m_context.valid() ? m_context.session->history() : nullptr;
            const QString change = !h ? QString() : id == Undo ? h->undoText() : h->redoText();
            const bool can = h && (id == Undo ? h->canUndo() : h->canRedo());
            a->setText(can ? (id == Undo ? tr("&Undo %1…") : tr("&Redo %1…")).arg(change)
                           : (id == Undo ? tr("&Undo") : tr("&Redo")));
            enabled = enabled && can && m_context.session->client();
            tip = can ? (id == Undo ? tr("Plan the writes that put back what \"%1\" changed, for your confirmation")
                                    : tr("Plan \"%1\" again, for your confirmation"))
                            .arg(change)
                      : (id == Undo ? tr("Nothing applied from this window to undo on this cluster")
                                    : tr("Nothing undone to redo on this cluster"));
            a->setEnabled(enabled);
            a->setToolTip(tip);
            a->setStatusTip(tip);
            continue;
        }
        if (id == IsolateNetwork)
            a->setChecked(applicable && (m_context.flags & OutlineEntry::Isolated));
        // Variants sharing a shortcut (F2, Delete) would be ambiguous if all were visible.
        if (row(id).treeOnly)
            a->setVisible(applicable);
    }
}

void TenancyActions::fillContextMenu(QMenu *menu) const
{
    menu->setToolTipsVisible(true);
    // The context menu offers the creations that fit the node, the menu bar all of them.
    const NodeKind k = m_context.kind;
    QList<Id> creations;
    if (k == NodeKind::Cluster || k == NodeKind::Workspaces || k == NodeKind::Workspace)
        creations << NewWorkspace;
    if (k == NodeKind::Cluster || k == NodeKind::Workspaces || k == NodeKind::Workspace || k == NodeKind::Project
        || k == NodeKind::OrphanProjects)
        creations << NewProject;
    if (k == NodeKind::Cluster || k == NodeKind::Platform || k == NodeKind::Users || k == NodeKind::User)
        creations << NewUser;
    const QList<QList<Id>> groups = {creations,
                                     {EditWorkspace, DeleteWorkspace, EditProject, MoveProject, DeleteProject, EditUser,
                                      EnableUser, DisableUser, DeleteUser, ReleaseFinalizers},
                                     {AddMembers, ChangeMemberRole, RemoveMembers},
                                     {NewRole, EditRole, CloneRole, DeleteRole},
                                     {EditQuota, EditContainerDefaults, RemoveQuota},
                                     {IsolateNetwork, NewNetworkPolicy, EditNetworkPolicy, DeleteNetworkPolicy},
                                     {AuditEvents},
                                     {CopyName, CopyPath}};
    for (const auto &group : groups) {
        bool any = false;
        for (Id id : group)
            if (applies(id)) {
                if (!any && !menu->isEmpty())
                    menu->addSeparator();
                any = true;
                menu->addAction(m_actions[id]);
            }
    }
    if (m_context.valid() && (m_context.kind == NodeKind::Cluster || m_context.kind == NodeKind::NothingReachable)) {
        menu->addSeparator();
        menu->addAction(m_actions[Reconnect]);
        menu->addAction(m_actions[PinNamespaces]);
        menu->addAction(m_actions[Disconnect]);
    }
    // The cluster's hand-over to KubeSphere, by mode.
    if (m_context.valid() && m_context.kind == NodeKind::Cluster
        && (applies(PrepareHandover) || applies(FinishHandover))) {
        menu->addSeparator();
        menu->addAction(m_actions[applies(PrepareHandover) ? PrepareHandover : FinishHandover]);
    }
}
