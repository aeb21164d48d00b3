// What the role editor shows beside the form, computed off the GUI thread: the role as the
// planner would write it (from the session's graph snapshot, no request for kinds it holds),
// the effective rules once templates are composed, the escalation verdict of each RBAC write
// for the session's identity (its own rules fetched once from the server), the resource
// catalog for completion, and the rules an aggregated ClusterRole is predicted to gather.
#pragma once

#include "kubeclient/rbac/resourcecatalog.h"
#include "kubeclient/tenancy/graph/graphsnapshot.h"
#include "kubeclient/tenancy/plan/objectfactory.h"
#include "kubeclient/tenancy/plan/planescalation.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <optional>

class ClusterSession;

class RoleEditorChecks final : public QObject
{
    Q_OBJECT
public:
    // Typing is checked after this much quiet: one plan per pause, not per key.
    static constexpr int kDebounceMs = 300;

    struct Outcome {
        bool planned = false;
        QString problem;                 // the planner's message when the spec cannot be planned
        nlohmann::json effectiveRules;   // Planner::composeRules (array; null when unknown)
        QString effectiveProblem;
        std::optional<kube::tenancy::PlanEscalation> escalation;  // once the writer's rules are known
    };

    // `session` may be null (no cluster: nothing is checked, the catalog is the built-in one).
    RoleEditorChecks(ClusterSession *session, kube::tenancy::GraphSnapshot snapshot, QObject *parent = nullptr);

    // Plans `spec` as Apply would (create or edit), kDebounceMs after the last call.
    void check(kube::tenancy::RoleSpec spec, bool create);
    // Runs a pending check now (tests, and the dialog before it closes the debounce).
    void flush();
    bool busy() const { return m_running || m_debounce.isActive(); }
    const Outcome &outcome() const { return m_outcome; }

    // The writer's rules: loaded once, on the first check.
    bool writerRulesLoaded() const { return m_writerRules != nullptr; }
    QString writerRulesError() const { return m_writerRulesError; }
    QString writerName() const;

    // Discovery's resources (subresources as entries of their own) for completion: `given`
    // when the caller has one, else built on a worker from the session's discovery (the
    // built-in list offline). catalogReady() follows.
    void loadCatalog(std::shared_ptr<const kube::rbac::ResourceCatalog> given = nullptr);
    std::shared_ptr<const kube::rbac::ResourceCatalog> catalog() const { return m_catalog; }

    // The rules kube-controller-manager will aggregate into ClusterRole `name` (selectors of
    // `role`), from the snapshot's cluster roles; aggregationPredicted() follows.
    void predictAggregation(const nlohmann::json &role);

signals:
    void checked();
    void writerRulesChanged();
    void catalogReady();
    void aggregationPredicted(const QString &rulesJson, const QStringList &sources);

private:
    void run();
    void fetchWriterRules();

    QPointer<ClusterSession> m_session;
    kube::tenancy::GraphSnapshot m_snapshot;
    QTimer m_debounce;
    std::optional<std::pair<kube::tenancy::RoleSpec, bool>> m_pending;
    std::optional<std::pair<kube::tenancy::RoleSpec, bool>> m_last;
    bool m_running = false;
    int m_generation = 0;
    Outcome m_outcome;
    std::shared_ptr<const kube::tenancy::WriterRules> m_writerRules;
    bool m_fetchingRules = false;
    QString m_writerRulesError;
    std::shared_ptr<const kube::rbac::ResourceCatalog> m_catalog;
};
