// TenancyOutline::build: one pass over the kinds the tree shows, reading only names, a few
// annotations and counts (no member or rule resolution: the detail panel does that per node).
#include "models/tenancyoutline.h"

#include "models/naturalorder.h"

#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/kubesphere/objectviews.h"

#include <QCoreApplication>
#include <QDataStream>
#include <QIODevice>

#include <algorithm>
#include <map>

using namespace kube::tenancy;

namespace {

QString qs(const std::string &s) { return QString::fromStdString(s); }

// Marks namespaces the session put into the graph from a rules review or a pin: the user
// cannot list namespaces, so this is all we know about them.
constexpr const char *kReachableOnlyAnnotation = "tenantry.dev/reachable-only";

OutlineEntry projectEntry(const kube::FrozenJson &ns, bool workspaceExists)
{
    ProjectView v(ns);
    OutlineEntry e;
    e.name = qs(v.name());
    e.alias = qs(v.alias());
    if (v.deleting())
        e.flags |= OutlineEntry::Deleting;
    if (v.isolationEnabled())
        e.flags |= OutlineEntry::Isolated;
    if (!v.workspace().empty() && !workspaceExists)
        e.flags |= OutlineEntry::Orphaned;
    if (v.annotation(kReachableOnlyAnnotation) == "true")
        e.flags |= OutlineEntry::ReachableOnly;
    if (!v.workspace().empty())
        e.detail = QStringLiteral("workspace %1").arg(qs(v.workspace()));
    return e;
}

std::vector<OutlineEntry> roleEntries(const std::vector<RoleInfo> &roles)
{
    std::vector<OutlineEntry> out;
    out.reserve(roles.size());
    for (const auto &r : roles) {
        OutlineEntry e;
        e.name = qs(r.name);
        e.alias = qs(r.alias);
        e.count = static_cast<int>(r.bindingCount);
        e.detail = QCoreApplication::translate("TenancyOutline", "%n rule(s)", nullptr, int(r.ruleCount)) + QStringLiteral(", ")
                   + QCoreApplication::translate("TenancyOutline", "%n binding(s)", nullptr, int(r.bindingCount));
        if (r.builtIn)
            e.flags |= OutlineEntry::BuiltIn;
        if (r.object && ObjectView(*r.object).deleting())
            e.flags |= OutlineEntry::Deleting;
        out.push_back(std::move(e));
    }
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return NaturalOrder::less(a.name, b.name); });
    return out;
}

} // namespace

namespace {

constexpr quint32 kOutlineMagic = 0x544f4c32;  // "TOL2": the layout below

void write(QDataStream &out, const OutlineEntry &e)
{
    out << e.name << e.alias << e.detail << qint32(e.count) << quint32(e.flags);
}

bool read(QDataStream &in, OutlineEntry &e)
{
    qint32 count = 0;
    quint32 flags = 0;
    in >> e.name >> e.alias >> e.detail >> count >> flags;
    e.count = count;
    e.flags = flags;
    return in.status() == QDataStream::Ok;
}

void write(QDataStream &out, const std::vector<OutlineEntry> &entries)
{
    out << quint32(entries.size());
    for (const auto &e : entries)
        write(out, e);
}

// An entry takes at least 20 bytes (three empty strings and two numbers): a count the
// remaining bytes cannot hold is damage, not a reason to reserve gigabytes.
constexpr qint64 kMinEntryBytes = 20;

bool plausible(QDataStream &in, quint32 n)
{
    return in.status() == QDataStream::Ok && qint64(n) * kMinEntryBytes <= in.device()->bytesAvailable();
}

bool read(QDataStream &in, std::vector<OutlineEntry> &entries)
{
    quint32 n = 0;
    in >> n;
    if (!plausible(in, n))
        return false;
    entries.resize(n);
    for (auto &e : entries)
        if (!read(in, e))
            return false;
    return true;
}

void write(QDataStream &out, TenancyOutline::Section s) { out << qint8(s); }

bool read(QDataStream &in, TenancyOutline::Section &s)
{
    qint8 v = -1;
    in >> v;
    if (in.status() != QDataStream::Ok || v < qint8(TenancyOutline::Section::Loading)
        || v > qint8(TenancyOutline::Section::Forbidden))
        return false;
    s = TenancyOutline::Section(v);
    return true;
}

} // namespace

QByteArray TenancyOutline::encode() const
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << kOutlineMagic;
    for (Section s : {usersState, globalRolesState, clusterRolesState, workspacesState, projectsState})
        write(out, s);
    write(out, users);
    write(out, globalRoles);
    write(out, clusterRoles);
    out << quint32(workspaces.size());
    for (const auto &w : workspaces) {
        write(out, w.entry);
        write(out, w.projects);
    }
    write(out, orphanProjects);
    write(out, reachableProjects);
    return bytes;
}

std::optional<TenancyOutline> TenancyOutline::decode(const QByteArray &bytes)
{
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    in >> magic;
    if (in.status() != QDataStream::Ok || magic != kOutlineMagic)
        return std::nullopt;
    TenancyOutline o;
    for (Section *s : {&o.usersState, &o.globalRolesState, &o.clusterRolesState, &o.workspacesState, &o.projectsState})
        if (!read(in, *s))
            return std::nullopt;
    if (!read(in, o.users) || !read(in, o.globalRoles) || !read(in, o.clusterRoles))
        return std::nullopt;
    quint32 n = 0;
    in >> n;
    if (!plausible(in, n))
        return std::nullopt;
    o.workspaces.resize(n);
    for (auto &w : o.workspaces)
        if (!read(in, w.entry) || !read(in, w.projects))
            return std::nullopt;
    if (!read(in, o.orphanProjects) || !read(in, o.reachableProjects) || !in.atEnd())
        return std::nullopt;
    return o;
}

std::size_t TenancyOutline::projectTotal() const
{
    std::size_t n = orphanProjects.size() + reachableProjects.size();
    for (const auto &w : workspaces)
        n += w.projects.size();
    return n;
}

TenancyOutline TenancyOutline::build(const GraphSnapshot &snapshot, const std::bitset<kGraphKindCount> &forbidden)
{
    TenancyOutline o;
    o.graphVersion = snapshot.version();
    auto state = [&](std::initializer_list<GraphKind> kinds) {
        bool fed = false, denied = true;
        for (GraphKind k : kinds) {
            fed = fed || snapshot.fed(k);
            denied = denied && forbidden.test(indexOf(k));
        }
        return fed ? Section::Known : denied ? Section::Forbidden : Section::Loading;
    };
    o.usersState = state({GraphKind::User});
    o.globalRolesState = state({GraphKind::GlobalRole});
    o.clusterRolesState = state({GraphKind::ClusterRole});
    o.workspacesState = state({GraphKind::WorkspaceTemplate, GraphKind::Workspace});
    // Reachable namespaces are fed by hand when listing is forbidden: "Forbidden" still wins,
    // so the section says why it holds only what the rules reviews found.
    o.projectsState = forbidden.test(indexOf(GraphKind::Namespace)) ? Section::Forbidden : state({GraphKind::Namespace});

    snapshot.forEach(GraphKind::User, [&](const std::string &, const GraphObject &obj) {
        UserView v(*obj);
        OutlineEntry e;
        e.name = qs(v.name());
        e.alias = qs(v.displayName());
        e.detail = qs(v.email());
        if (v.state() == "Disabled")
            e.flags |= OutlineEntry::Disabled;
        if (v.deleting())
            e.flags |= OutlineEntry::Deleting;
        o.users.push_back(std::move(e));
        return true;
    });

    o.globalRoles = roleEntries(snapshot.globalRoles());
    o.clusterRoles = roleEntries(snapshot.clusterRoles());

    // Projects grouped by their workspace label in one pass over the namespaces, instead of a
    // projects(ws) query per workspace.
    std::map<std::string, std::vector<OutlineEntry>> byWorkspace;
    const auto workspaces = snapshot.workspaces();
    std::map<std::string, bool> known;
    for (const auto &w : workspaces)
        known[w.name] = true;
    snapshot.forEach(GraphKind::Namespace, [&](const std::string &, const GraphObject &obj) {
        ProjectView v(*obj);
        const std::string ws = v.workspace();
        const bool exists = !ws.empty() && known.count(ws);
        OutlineEntry e = projectEntry(*obj, exists);
        if (exists)
            byWorkspace[ws].push_back(std::move(e));
        else if (e.flags & OutlineEntry::ReachableOnly)
            o.reachableProjects.push_back(std::move(e));
        else
            o.orphanProjects.push_back(std::move(e));
        return true;
    });

    o.workspaces.reserve(workspaces.size());
    for (const auto &w : workspaces) {
        OutlineWorkspace ow;
        ow.entry.name = qs(w.name);
        ow.entry.alias = qs(w.alias);
        if (!w.manager.empty())
            ow.entry.detail = QStringLiteral("manager %1").arg(qs(w.manager));
        if (w.deleting)
            ow.entry.flags |= OutlineEntry::Deleting;
        if (w.isolation.enabled)
            ow.entry.flags |= OutlineEntry::Isolated;
        if (auto it = byWorkspace.find(w.name); it != byWorkspace.end())
            ow.projects = std::move(it->second);
        ow.entry.count = static_cast<int>(ow.projects.size());
        o.workspaces.push_back(std::move(ow));
    }
    auto byName = [](const auto &a, const auto &b) { return NaturalOrder::less(a.name, b.name); };
    std::sort(o.users.begin(), o.users.end(), byName);
    std::sort(o.workspaces.begin(), o.workspaces.end(),
              [](const auto &a, const auto &b) { return NaturalOrder::less(a.entry.name, b.entry.name); });
    for (auto &w : o.workspaces)
        std::sort(w.projects.begin(), w.projects.end(), byName);
    std::sort(o.orphanProjects.begin(), o.orphanProjects.end(), byName);
    std::sort(o.reachableProjects.begin(), o.reachableProjects.end(), byName);
    return o;
}
