// NodeIcons: QIcons are created once per name and shared; an SVG icon engine renders them
// at any size (libqt6svg6's plugin, installed by scripts/bootstrap).
#include "models/nodeicons.h"

#include "models/tenancyoutline.h"

#include <QHash>

static void initIconResources()
{
    // Outside any namespace, as Q_INIT_RESOURCE requires; once per process.
    static const bool done = [] {
        Q_INIT_RESOURCE(icons);
        return true;
    }();
    Q_UNUSED(done)
}

QIcon NodeIcons::named(const QString &name)
{
    initIconResources();
    static QHash<QString, QIcon> cache;
    auto it = cache.find(name);
    if (it == cache.end())
        it = cache.insert(name, QIcon(QStringLiteral(":/icons/%1.svg").arg(name)));
    return *it;
}

QIcon NodeIcons::forKind(NodeKind kind, unsigned flags)
{
    switch (kind) {
    case NodeKind::Cluster: return named(QStringLiteral("cluster"));
    case NodeKind::Platform: return named(QStringLiteral("platform"));
    case NodeKind::Users: return named(QStringLiteral("users"));
    case NodeKind::PlatformRoles:
    case NodeKind::ClusterRoles: return named(QStringLiteral("roles"));
    case NodeKind::Workspaces: return named(QStringLiteral("workspaces"));
    case NodeKind::OrphanProjects:
    case NodeKind::ReachableProjects: return named(QStringLiteral("projects"));
    case NodeKind::NothingReachable: return named(QStringLiteral("project-reachable"));
    case NodeKind::Workspace: return named(QStringLiteral("workspace"));
    case NodeKind::Project:
        return named((flags & OutlineEntry::ReachableOnly) ? QStringLiteral("project-reachable") : QStringLiteral("project"));
    case NodeKind::User:
        return named((flags & OutlineEntry::Disabled) ? QStringLiteral("user-disabled") : QStringLiteral("user"));
    case NodeKind::PlatformRole:
    case NodeKind::ClusterRole:
        return named((flags & OutlineEntry::BuiltIn) ? QStringLiteral("role-builtin") : QStringLiteral("role"));
    }
    return {};
}

QIcon NodeIcons::forCluster(SessionStatus::State state, bool stale)
{
    if (state == SessionStatus::State::Failed)
        return named(QStringLiteral("cluster-error"));
    if (stale || state == SessionStatus::State::Reconnecting || state == SessionStatus::State::Connecting)
        return named(QStringLiteral("cluster-stale"));
    return named(QStringLiteral("cluster"));
}
