// AccessChecker: each unknown permission becomes one SelfSubjectAccessReview on the worker
// pool; answers are cached for the connection's life (reconnect clears them), which is what
// kubectl auth can-i users expect from a GUI that re-renders menus often.
#include "models/accesschecker.h"

#include "models/asynctask.h"
#include "models/modelslogging.h"

#include "kubeclient/kubesphere/tenancyapi.h"

AccessChecker::AccessChecker(QObject *parent)
    : QObject(parent)
{
}

void AccessChecker::setClient(std::shared_ptr<kube::Client> client, const QString &identity)
{
    m_client = std::move(client);
    m_identity = identity;
    clear();
}

void AccessChecker::clear()
{
    ++m_generation;
    m_cache.clear();
    m_pending.clear();
    emit changed();
}

void AccessChecker::prefetch(const QList<AccessQuery> &queries)
{
    for (const auto &q : queries)
        verdict(q);
}

AccessChecker::Verdict AccessChecker::verdict(const AccessQuery &query)
{
    const QString key = query.key();
    if (auto it = m_cache.constFind(key); it != m_cache.constEnd())
        return *it;
    if (!m_client || m_pending.contains(key))
        return {};
    m_pending.insert(key);
    nlohmann::json attributes = {{"verb", query.verb.toStdString()},
                                 {"group", query.group.toStdString()},
                                 {"resource", query.resource.toStdString()}};
    if (!query.ns.isEmpty())
        attributes["namespace"] = query.ns.toStdString();
    if (!query.name.isEmpty())
        attributes["name"] = query.name.toStdString();
    const nlohmann::json body = {{"apiVersion", "authorization.k8s.io/v1"},
                                 {"kind", "SelfSubjectAccessReview"},
                                 {"spec", {{"resourceAttributes", attributes}}}};
    auto client = m_client;
    const int generation = m_generation;
    AsyncTask::run(this, [client, body] {
        return client->create(kube::tenancy::TenancyApi::selfSubjectAccessReview, {}, body);
    }, [this, key, generation, query](kube::Result<nlohmann::json> answer) {
        if (generation != m_generation)
            return;
        m_pending.remove(key);
        Verdict v;
        if (!answer) {
            v.answer = Answer::Unknown;
            v.reason = QString::fromStdString(answer.error().describe());
            qCWarning(lcAccess) << "could not check" << query.describe() << ":" << v.reason;
            // Not cached: the next look asks again (the server may be back by then).
            emit changed();
            return;
        }
        const auto &status = (*answer)["status"];
        const bool allowed = status.is_object() && status.value("allowed", false);
        v.answer = allowed ? Answer::Allowed : Answer::Denied;
        if (status.is_object())
            v.reason = QString::fromStdString(status.value("reason", std::string()));
        m_cache.insert(key, v);
        qCDebug(lcAccess) << query.describe() << (allowed ? "allowed" : "denied");
        emit changed();
    });
    return {};
}

QString AccessChecker::explain(const AccessQuery &query, const Verdict &verdict) const
{
    switch (verdict.answer) {
    case Answer::Allowed: return {};
    case Answer::Unknown:
        return verdict.reason.isEmpty() ? tr("Checking whether %1 may %2…").arg(m_identity, query.describe())
                                        : tr("Could not check the permission %1: %2").arg(query.describe(), verdict.reason);
    case Answer::Denied:
        return tr("Missing permission: %1 may not %2.")
            .arg(m_identity.isEmpty() ? tr("this identity") : m_identity, query.describe());
    }
    return {};
}
