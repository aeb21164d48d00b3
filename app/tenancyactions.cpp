// TenancyActions: applicability follows the node kind; permissions map each write to the
// primary object it creates, patches or deletes (the plan's other writes are side effects
// the same permission set normally carries). Unknown answers leave the action enabled: the
// server decides, and its error shows in the dialog.
#include "tenancyactions.h"

#include "models/accesschecker.h"
#include "models/clustersession.h"
#include "models/tenancyoutline.h"

#include <QMenu>

TenancyActions::TenancyActions(QObject *parent)
    : QObject(parent)
{
    struct Def {
        Id id;
        const char *text;
        QKeySequence key;
        const char *icon;
    };
    const Def defs[] = {
        {NewWorkspace, QT_TR_NOOP("New &workspace…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), "workspace"},
        {NewProject, QT_TR_NOOP("New &project…"), QKeySequence(Qt::CTRL | Qt::Key_N), "project"},
        {NewUser, QT_TR_NOOP("New &user…"), QKeySequence(Qt::CTRL | Qt::Key_U), "user"},
        {EditWorkspace, QT_TR_NOOP("&Edit workspace…"), QKeySequence(Qt::Key_F2), nullptr},
        {DeleteWorkspace, QT_TR_NOOP("&Delete workspace…"), QKeySequence::Delete, nullptr},
        {DeleteProject, QT_TR_NOOP("&Delete project…"), QKeySequence::Delete, nullptr},
        {EditUser, QT_TR_NOOP("&Edit user…"), QKeySequence(Qt::Key_F2), nullptr},
        {EnableUser, QT_TR_NOOP("E&nable user…"), {}, nullptr},
        {DisableUser, QT_TR_NOOP("Di&sable user…"), {}, "user-disabled"},
        {DeleteUser, QT_TR_NOOP("&Delete user…"), QKeySequence::Delete, nullptr},
        {Reconnect, QT_TR_NOOP("&Reconnect"), QKeySequence(Qt::Key_F5), nullptr},
        {PinNamespaces, QT_TR_NOOP("Pin &namespaces…"), {}, "project-reachable"},
        {Disconnect, QT_TR_NOOP("Dis&connect"), {}, nullptr},
        {CopyName, QT_TR_NOOP("Copy &name"), {}, nullptr},
        {CopyPath, QT_TR_NOOP("Copy pat&h"), {}, nullptr},
    };
    for (const auto &d : defs) {
        auto *a = new QAction(tr(d.text), this);
        a->setShortcut(d.key);
        // F2 and Delete act on the tree's node only: as window shortcuts they would fire
        // while the user edits the filter. The main window adds these actions to the tree.
        const bool treeKey = d.key == QKeySequence(Qt::Key_F2) || d.key == QKeySequence(QKeySequence::Delete);
        a->setShortcutContext(treeKey ? Qt::WidgetShortcut : Qt::WindowShortcut);
        if (d.icon)
            a->setIcon(QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(d.icon))));
        const Id id = d.id;
        connect(a, &QAction::triggered, this, [this, id] { emit triggered(id, m_context); });
        m_actions[id] = a;
    }
    setContext({});
}

bool TenancyActions::applies(Id id) const
{
    if (!m_context.valid())
        return false;
    const NodeKind k = m_context.kind;
    switch (id) {
    // Creating needs no particular node: anywhere in a cluster (the node only pre-fills).
    case NewWorkspace:
    case NewProject:
    case NewUser: return true;
    case EditWorkspace:
    case DeleteWorkspace: return k == NodeKind::Workspace;
    case DeleteProject: return k == NodeKind::Project;
    case EditUser:
    case DeleteUser: return k == NodeKind::User;
    case EnableUser: return k == NodeKind::User && (m_context.flags & OutlineEntry::Disabled);
    case DisableUser: return k == NodeKind::User && !(m_context.flags & OutlineEntry::Disabled);
    case Reconnect:
    case PinNamespaces:
    case Disconnect:
    case CopyName:
    case CopyPath: return true;
    case IdCount: break;
    }
    return false;
}

std::optional<AccessQuery> TenancyActions::permissionFor(Id id) const
{
    if (!m_context.valid())
        return std::nullopt;
    const auto &api = m_context.session->tenancy().api;
    auto q = [](const char *verb, const kube::GroupVersionResource &gvr, const QString &name = {}) {
        return AccessQuery{QString::fromLatin1(verb), QString::fromStdString(gvr.group),
                           QString::fromStdString(gvr.resource), QString(), name};
    };
    const kube::GroupVersionResource namespaces{"", "v1", "namespaces", false, "Namespace"};
    switch (id) {
    case NewWorkspace: return q("create", api.workspaceTemplate);
    case EditWorkspace: return q("patch", api.workspaceTemplate, m_context.name);
    case DeleteWorkspace: return q("delete", api.workspaceTemplate, m_context.name);
    case NewProject: return q("create", namespaces);
    case DeleteProject: return q("delete", namespaces, m_context.name);
    case NewUser: return q("create", api.user);
    case EditUser:
    case EnableUser:
    case DisableUser: return q("patch", api.user, m_context.name);
    case DeleteUser: return q("delete", api.user, m_context.name);
    default: return std::nullopt;
    }
}

void TenancyActions::setContext(const NodeContext &context)
{
    m_context = context;
    disconnect(m_accessConnection);
    if (m_context.valid() && m_context.session->access())
        m_accessConnection = connect(m_context.session->access(), &AccessChecker::changed, this, &TenancyActions::refresh);
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
        // Variants sharing a shortcut (F2, Delete) would be ambiguous if all were visible.
        if (id == EditWorkspace || id == DeleteWorkspace || id == DeleteProject || id == EditUser || id == DeleteUser
            || id == EnableUser || id == DisableUser)
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
                                     {EditWorkspace, DeleteWorkspace, DeleteProject, EditUser, EnableUser, DisableUser, DeleteUser},
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
    if (m_context.valid() && m_context.kind == NodeKind::Cluster) {
        menu->addSeparator();
        menu->addAction(m_actions[Reconnect]);
        menu->addAction(m_actions[PinNamespaces]);
        menu->addAction(m_actions[Disconnect]);
    }
}
