// Whether the current identity may perform an action: a SelfSubjectAccessReview per
// permission, asked off the GUI thread once and cached, so menus and buttons can be enabled
// or disabled with a tooltip that names the missing permission.
#pragma once

#include "models/accessquery.h"

#include "kubeclient/api/client.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <memory>

class AccessChecker final : public QObject
{
    Q_OBJECT
public:
    enum class Answer { Unknown, Allowed, Denied };
    struct Verdict {
        Answer answer = Answer::Unknown;
        QString reason;  // the authorizer's reason, or why the check failed
    };

    explicit AccessChecker(QObject *parent = nullptr);

    // A new connection: the cache is dropped and answers of the old one are ignored.
    void setClient(std::shared_ptr<kube::Client> client, const QString &identity);
    void clear();

    // The cached answer; Unknown starts a review (once) and changed() follows.
    Verdict verdict(const AccessQuery &query);
    void prefetch(const QList<AccessQuery> &queries);
    bool hasClient() const { return m_client != nullptr; }

    // For a disabled action's tooltip: "alice may not create workspacetemplates… (cluster-wide)".
    QString explain(const AccessQuery &query, const Verdict &verdict) const;

signals:
    void changed();

private:
    std::shared_ptr<kube::Client> m_client;
    QString m_identity;
    QHash<QString, Verdict> m_cache;
    QSet<QString> m_pending;
    int m_generation = 0;
};
