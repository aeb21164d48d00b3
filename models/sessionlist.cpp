// SessionList: the tree model learns about clusters only from here, so adding, renaming and
// removing a connection keeps the sessions and the tree's cluster nodes in step.
#include "models/sessionlist.h"

#include "models/clustersession.h"
#include "models/modelslogging.h"
#include "models/tenancytreemodel.h"

#include "kubeclient/kubeconfig/kubeconfig.h"

#include <QElapsedTimer>

SessionList::SessionList(ExecApprover *approver, TenancyTreeModel *model, QObject *parent)
    : QObject(parent)
    , m_approver(approver)
    , m_model(model)
{
}

SessionList::~SessionList()
{
    qDeleteAll(m_sessions);
    m_sessions.clear();
}

ClusterSession *SessionList::add(const ConnectionSpec &requested, bool *created)
{
    ConnectionSpec spec = requested;
    if (spec.context.isEmpty()) {
        // Name the cluster by the kubeconfig's current context (a small local file, no network).
        auto config = kube::Kubeconfig::loadFromEnvironment(spec.kubeconfig.toStdString());
        if (config && !config->currentContext().empty())
            spec.context = QString::fromStdString(config->currentContext());
    }
    if (created)
        *created = false;
    for (ClusterSession *s : std::as_const(m_sessions))
        if (s->spec().sameTarget(spec))
            return s;
    auto *session = new ClusterSession(spec, m_approver);
    // Ids are unique in the window: the same context name from two files gets a suffix.
    QString id = spec.displayName();
    for (int n = 2; this->session(id); ++n)
        id = QStringLiteral("%1 (%2)").arg(spec.displayName()).arg(n);
    session->setId(id);
    m_sessions << session;
    m_model->addCluster(id);
    connect(session, &ClusterSession::outlineChanged, this, [this, session] { onOutlineChanged(session); });
    connect(session, &ClusterSession::statusChanged, this, [this, session] { onStatusChanged(session); });
    connect(session, &ClusterSession::cachedShown, this, [this, session] { emit cachedShown(session); });
    connect(session, &ClusterSession::loadedChanged, this, [this, session] {
        emit loadedChanged(session);
        announceIfAllLoaded();
    });
    if (created)
        *created = true;
    emit added(session);
    session->start();
    onStatusChanged(session);
    return session;
}

void SessionList::remove(ClusterSession *session)
{
    if (!m_sessions.contains(session))
        return;
    m_sessions.removeAll(session);
    const QString id = session->id();
    m_model->removeCluster(id);
    delete session;
    emit removed(id);
}

ClusterSession *SessionList::session(const QString &id) const
{
    for (ClusterSession *s : m_sessions)
        if (s->id() == id)
            return s;
    return nullptr;
}

ClusterSession *SessionList::sessionFor(const QModelIndex &sourceIndex) const
{
    return sourceIndex.isValid() ? session(sourceIndex.data(TenancyTreeModel::ClusterRole).toString()) : nullptr;
}

bool SessionList::allLoaded() const
{
    if (m_sessions.isEmpty())
        return false;
    for (ClusterSession *s : m_sessions)
        if (!s->loaded() && s->status().state != SessionStatus::State::Failed)
            return false;
    return true;
}

bool SessionList::loading() const
{
    for (ClusterSession *s : m_sessions) {
        const auto state = s->status().state;
        if (state == SessionStatus::State::Connecting || (state == SessionStatus::State::Connected && !s->loaded()))
            return true;
    }
    return false;
}

void SessionList::onOutlineChanged(ClusterSession *session)
{
    QElapsedTimer merge;
    merge.start();
    m_model->setOutline(session->id(), session->outline());
    qCDebug(lcTreeModel) << session->id() << "tree merge:" << merge.elapsed() << "ms";
    emit outlineChanged(session);
}

void SessionList::onStatusChanged(ClusterSession *session)
{
    m_model->setClusterStatus(session->id(), session->status());
    emit statusChanged(session);
    // A failed connection never loads: its failure is what completes the round.
    announceIfAllLoaded();
}

void SessionList::announceIfAllLoaded()
{
    if (m_announcedLoaded || !allLoaded())
        return;
    m_announcedLoaded = true;
    emit allSessionsLoaded();
}
