// TenancyNode: display, decoration, tooltip and raw roles of one tree node. A node of a
// stale cluster greys out, so the user sees the tree is the last known state.
#include "models/tenancynode.h"

#include "models/nodeicons.h"
#include "models/tenancytreemodel.h"

#include "models/themecolors.h"

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QTextDocumentFragment>

namespace {
QString tr(const char *text) { return QCoreApplication::translate("TenancyNode", text); }

// A section as the tree shows it. Its name (sectionTitle) stays English: it is a segment of the
// paths --select and the tests use; only what the tree displays is translated.
QString sectionDisplayTitle(NodeKind kind, const QString &name)
{
    switch (kind) {
    case NodeKind::Platform: return QCoreApplication::translate("TenancyNode", "Platform");
    case NodeKind::Users: return QCoreApplication::translate("TenancyNode", "Users");
    case NodeKind::PlatformRoles: return QCoreApplication::translate("TenancyNode", "Platform roles");
    case NodeKind::ClusterRoles: return QCoreApplication::translate("TenancyNode", "Cluster roles");
    case NodeKind::Workspaces: return QCoreApplication::translate("TenancyNode", "Workspaces");
    case NodeKind::OrphanProjects: return QCoreApplication::translate("TenancyNode", "Projects without workspace");
    case NodeKind::ReachableProjects: return QCoreApplication::translate("TenancyNode", "Reachable projects");
    default: return name;
    }
}

} // namespace

TenancyNode::TenancyNode(NodeKind kind, QString name)
    : m_kind(kind)
    , m_name(std::move(name))
    , m_folded(m_name.toCaseFolded())
{
    m_entry.name = m_name;
}

bool TenancyNode::setEntry(const OutlineEntry &entry)
{
    if (entry == m_entry)
        return false;
    if (entry.alias != m_entry.alias)
        m_folded = (entry.alias.isEmpty() ? m_name : m_name + QLatin1Char('\n') + entry.alias).toCaseFolded();
    m_entry = entry;
    return true;
}

bool TenancyNode::setSectionCount(int count, TenancyOutline::Section state)
{
    if (m_entry.count == count && m_sectionState == state)
        return false;
    m_entry.count = count;
    m_sectionState = state;
    return true;
}

bool TenancyNode::setStatus(const SessionStatus &status)
{
    const SessionStatus &old = this->status();
    const bool changed = status.state != old.state || status.stale != old.stale || status.message != old.message
        || status.identity != old.identity || status.mode != old.mode || status.limited() != old.limited()
        || status.kubesphereVersion != old.kubesphereVersion;
    if (m_status)
        *m_status = status;
    else
        m_status = std::make_unique<SessionStatus>(status);
    return changed;
}

const SessionStatus &TenancyNode::status() const
{
    static const SessionStatus none;
    return m_status ? *m_status : none;
}

const TenancyNode *TenancyNode::clusterNode() const
{
    const TenancyNode *n = this;
    while (n && n->m_kind != NodeKind::Cluster)
        n = static_cast<const TenancyNode *>(n->parent());
    return n;
}

QString TenancyNode::clusterId() const
{
    const TenancyNode *c = clusterNode();
    return c ? c->m_name : QString();
}

QString TenancyNode::scope() const
{
    // Only a project's parent is looked at: the tree's root item is a plain TreeItem.
    if (m_kind != NodeKind::Project || !parent())
        return {};
    const auto *p = static_cast<const TenancyNode *>(parent());
    return p->m_kind == NodeKind::Workspace ? p->m_name : QString();
}

QString TenancyNode::path() const
{
    QStringList parts;
    // Every item with a parent is a TenancyNode; the root (no parent) is not, so it is never cast.
    for (const TreeItem *n = this; n && n->parent(); n = n->parent())
        parts.prepend(static_cast<const TenancyNode *>(n)->m_name);
    return parts.join(QLatin1Char('/'));
}

bool TenancyNode::stale() const
{
    const TenancyNode *c = clusterNode();
    return c && (c->status().stale || c->status().state != SessionStatus::State::Connected);
}

QString TenancyNode::tooltip() const
{
    if (m_kind == NodeKind::Cluster) {
        const SessionStatus &st = status();
        QStringList lines{QStringLiteral("<b>%1</b>: %2").arg(m_name.toHtmlEscaped(), SessionStatus::toString(st.state))};
        if (!st.message.isEmpty())
            lines << st.message.toHtmlEscaped();
        if (!st.identity.isEmpty())
            lines << tr("as %1").arg(st.identity.toHtmlEscaped());
        if (!st.mode.isEmpty())
            lines << tr("mode: %1").arg(st.mode);
        if (st.cached)
            lines << tr("showing the local cache of %1 until the cluster answers").arg(st.cachedAt);
        else if (st.stale)
            lines << tr("showing the last known state");
        if (st.limited())
            lines << tr("limited view: may not list %1").arg(st.forbiddenKinds.join(QStringLiteral(", ")).toHtmlEscaped());
        return lines.join(QStringLiteral("<br>"));
    }
    if (m_kind == NodeKind::NothingReachable)
        return tr("<b>No project is reachable.</b><br>%1 may not list namespaces, and neither a rules review nor a "
                  "pin names one it can use.<br>Press Enter (or double-click) to pin the namespaces you work in.")
            .arg(clusterNode() ? clusterNode()->status().identity.toHtmlEscaped() : QString());
    if (isSection(m_kind))
        return m_sectionState == TenancyOutline::Section::Forbidden
            ? tr("This identity may not list these objects; the list holds only what it can reach.")
            : QString();
    QStringList lines{QStringLiteral("<b>%1</b>").arg(m_name.toHtmlEscaped())};
    if (!m_entry.alias.isEmpty())
        lines << m_entry.alias.toHtmlEscaped();
    if (!m_entry.detail.isEmpty())
        lines << m_entry.detail.toHtmlEscaped();
    if (m_entry.flags & OutlineEntry::Deleting)
        lines << tr("being deleted");
    if (m_entry.flags & OutlineEntry::Disabled)
        lines << tr("disabled");
    if (m_entry.flags & OutlineEntry::BuiltIn)
        lines << tr("built-in");
    if (m_entry.flags & OutlineEntry::Isolated)
        lines << tr("network isolated");
    if (m_entry.flags & OutlineEntry::ReachableOnly)
        lines << tr("reachable (found by a rules review or pinned), not listable");
    return lines.join(QStringLiteral("<br>"));
}

QVariant TenancyNode::data(int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        if (m_kind == NodeKind::NothingReachable)
            return column == TenancyTreeModel::NameColumn ? tr("No project reachable: Pin namespaces…") : QVariant();
        if (column == TenancyTreeModel::NameColumn)
            return isSection(m_kind) ? sectionDisplayTitle(m_kind, m_name) : m_name;
        if (column == TenancyTreeModel::CountColumn) {
            if (isSection(m_kind) && m_kind != NodeKind::Platform) {
                if (m_sectionState == TenancyOutline::Section::Forbidden && m_entry.count <= 0)
                    return tr("no access");
                if (m_sectionState == TenancyOutline::Section::Loading)
                    return QStringLiteral("…");
            }
            if (m_entry.count >= 0)
                return m_entry.count;
        }
        return {};
    case Qt::DecorationRole:
        if (column != TenancyTreeModel::NameColumn)
            return {};
        if (m_kind == NodeKind::Cluster)
            return NodeIcons::forCluster(status().state, status().stale);
        return NodeIcons::forKind(m_kind, m_entry.flags);
    case Qt::ToolTipRole:
        return tooltip();
    case Qt::AccessibleDescriptionRole: {
        // What the icon, the grey and the strike-through say, in words (issue 17): the
        // tooltip's lines as plain text, and that a disconnected cluster's rows are old.
        if (column != TenancyTreeModel::NameColumn)
            return {};
        QString html = tooltip();
        html.replace(QStringLiteral("<br>"), QStringLiteral("; "));
        QString text = QTextDocumentFragment::fromHtml(html).toPlainText();
        if (stale() && m_kind != NodeKind::Cluster)
            text += (text.isEmpty() ? QString() : QStringLiteral("; ")) + tr("last known state, the cluster is not connected");
        return text;
    }
    case Qt::TextAlignmentRole:
        if (column == TenancyTreeModel::CountColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (stale() && m_kind != NodeKind::Cluster)
            return ThemeColors::text(ThemeColors::Tone::Muted);
        if (column == TenancyTreeModel::CountColumn || (m_entry.flags & OutlineEntry::Disabled))
            return ThemeColors::text(ThemeColors::Tone::Muted);
        return {};
    case Qt::FontRole:
        if (m_entry.flags & OutlineEntry::Deleting) {
            QFont f;
            f.setItalic(true);
            f.setStrikeOut(true);
            return f;
        }
        if (m_kind == NodeKind::Cluster || m_kind == NodeKind::NothingReachable) {
            QFont f;
            f.setBold(m_kind == NodeKind::Cluster);
            f.setItalic(m_kind == NodeKind::NothingReachable);
            return f;
        }
        return {};
    case TenancyTreeModel::KindRole: return static_cast<int>(m_kind);
    case TenancyTreeModel::NameRole: return m_name;
    case TenancyTreeModel::ClusterRole: return clusterId();
    case TenancyTreeModel::ScopeRole: return scope();
    case TenancyTreeModel::PathRole: return path();
    case TenancyTreeModel::FilterRole:
        return m_entry.alias.isEmpty() ? m_name : m_name + QLatin1Char('\n') + m_entry.alias;
    case TenancyTreeModel::FlagsRole: return m_entry.flags;
    case TenancyTreeModel::StaleRole: return stale();
    default: return {};
    }
}
