// ClusterStatusWidget: a short line for the bar, the whole story (reason, hint, groups, mode
// reason, limited view) in the tooltip.
#include "views/clusterstatuswidget.h"

#include "models/nodeicons.h"

#include <QHBoxLayout>
#include <QLabel>

ClusterStatusWidget::ClusterStatusWidget(const QString &clusterId, QWidget *parent)
    : QWidget(parent)
    , m_id(clusterId)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("clusterStatus:%1").arg(clusterId));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(4);
    layout->addWidget(m_icon);
    layout->addWidget(m_text);
    setCursor(Qt::PointingHandCursor);
}

QString ClusterStatusWidget::text() const { return m_text->text(); }

void ClusterStatusWidget::setStatus(const SessionStatus &s)
{
    // At the widget's own ratio: sharp on a 200 % screen beside a 100 % one.
    m_icon->setPixmap(NodeIcons::forCluster(s.state, s.stale).pixmap(QSize(16, 16), devicePixelRatioF()));
    QStringList parts{QStringLiteral("%1: %2").arg(m_id, SessionStatus::toString(s.state))};
    if (s.state == SessionStatus::State::Reconnecting && s.retryInSeconds > 0)
        parts.last() += tr(" (retry in %1 s)").arg(s.retryInSeconds);
    if (s.state == SessionStatus::State::Failed && !s.message.isEmpty())
        parts << s.message.left(120);
    if (!s.mode.isEmpty())
        parts << s.mode + (s.modeOverridden ? tr(" (set by you)") : QString());
    if (!s.identity.isEmpty())
        parts << s.identity;
    if (!s.mode.isEmpty())
        parts << (s.kubesphereVersion.isEmpty() ? tr("no KubeSphere") : tr("KubeSphere %1").arg(s.kubesphereVersion));
    if (s.cached)
        parts << tr("cached %1").arg(s.cachedAt);
    else if (s.stale)
        parts << tr("stale");
    if (s.limited())
        parts << tr("limited view");
    m_text->setText(parts.join(QStringLiteral(" · ")));
    // The icon's colour in words (issue 17): the line says the state, the name says whose.
    setAccessibleName(tr("Status of %1").arg(m_id));
    setAccessibleDescription(parts.join(QStringLiteral(", ")));

    QStringList tip{QStringLiteral("<b>%1</b> — %2").arg(m_id.toHtmlEscaped(), SessionStatus::toString(s.state))};
    if (!s.server.isEmpty())
        tip << tr("Server: %1").arg(s.server.toHtmlEscaped());
    if (!s.message.isEmpty())
        tip << s.message.toHtmlEscaped();
    if (!s.hint.isEmpty())
        tip << tr("<i>%1</i>").arg(s.hint.toHtmlEscaped());
    if (!s.identity.isEmpty())
        tip << tr("Identity: %1%2").arg(s.identity.toHtmlEscaped(),
                                        s.groups.isEmpty() ? QString() : tr(" (groups: %1)").arg(s.groups.join(QStringLiteral(", ")).toHtmlEscaped()));
    if (!s.mode.isEmpty())
        tip << tr("Mode: %1 — %2").arg(s.mode, s.modeReason.toHtmlEscaped());
    if (!s.flavor.isEmpty())
        tip << tr("API: %1").arg(s.flavor);
    if (!s.kubesphereVersion.isEmpty())
        tip << tr("KubeSphere version: %1").arg(s.kubesphereVersion.toHtmlEscaped());
    if (s.limited())
        tip << tr("May not list: %1").arg(s.forbiddenKinds.join(QStringLiteral(", ")).toHtmlEscaped());
    if (!s.reachableNamespaces.isEmpty())
        tip << tr("Reachable namespaces: %1").arg(s.reachableNamespaces.join(QStringLiteral(", ")).toHtmlEscaped());
    setToolTip(tip.join(QStringLiteral("<br>")));
}

void ClusterStatusWidget::mousePressEvent(QMouseEvent *)
{
    emit clicked(m_id);
}
