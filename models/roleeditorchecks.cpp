// RoleEditorChecks: every computation here may read the server (the planner's fallback reads,
// SelfSubjectRulesReview, discovery), so each runs through AsyncTask and reports back queued;
// a newer check makes an older answer irrelevant (generation counter).
#include "models/roleeditorchecks.h"

#include "models/asynctask.h"
#include "models/clustersession.h"
#include "models/modelslogging.h"

#include "kubeclient/api/discovery.h"
#include "kubeclient/rbac/aggregationpredictor.h"
#include "kubeclient/rbac/role.h"
#include "kubeclient/tenancy/plan/clientplanreader.h"
#include "kubeclient/tenancy/plan/planner.h"
#include "kubeclient/tenancy/plan/snapshotplanreader.h"

using namespace kube;
using namespace kube::tenancy;

RoleEditorChecks::RoleEditorChecks(ClusterSession *session, GraphSnapshot snapshot, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_snapshot(std::move(snapshot))
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &RoleEditorChecks::run);
}

QString RoleEditorChecks::writerName() const
{
    return m_session ? m_session->identity() : QString();
}

void RoleEditorChecks::check(RoleSpec spec, bool create)
{
    m_pending = std::make_pair(std::move(spec), create);
    m_debounce.start();
}

void RoleEditorChecks::flush()
{
    if (m_debounce.isActive()) {
        m_debounce.stop();
        run();
    }
}

void RoleEditorChecks::fetchWriterRules()
{
    auto client = m_session ? m_session->client() : nullptr;
    if (!client || m_fetchingRules || m_writerRules)
        return;
    m_fetchingRules = true;
    const rbac::Identity me = m_session->rbacIdentity();
    // The cluster baseline, and the project's namespace for project roles: the namespaces the
    // RBAC writes of a role plan land in.
    std::vector<std::string> namespaces = {""};
    if (m_last && m_last->first.level == RoleSpec::Level::Project && !m_last->first.scope.empty())
        namespaces.push_back(m_last->first.scope);
    AsyncTask::run(this, [client, me, namespaces] { return writerRulesData(*client, me, namespaces); },
                   [this](Result<WriterRules> rules) {
                       m_fetchingRules = false;
                       if (!rules) {
                           m_writerRulesError = QString::fromStdString(rules.error().message);
                           qCInfo(lcPlan) << "role editor: the writer's rules could not be read:" << m_writerRulesError;
                           emit writerRulesChanged();
                           return;
                       }
                       m_writerRules = std::make_shared<const WriterRules>(std::move(*rules));
                       emit writerRulesChanged();
                       // The last check ran without them: run it again with them.
                       if (m_last && !m_pending)
                           m_pending = m_last;
                       if (m_pending && !m_running)
                           run();
                   });
}

void RoleEditorChecks::run()
{
    if (!m_pending)
        return;
    auto client = m_session ? m_session->client() : nullptr;
    if (!client) {
        m_pending.reset();
        m_outcome = Outcome{};
        m_outcome.problem = tr("Not connected to the cluster.");
        emit checked();
        return;
    }
    if (m_running) {
        // One at a time: the pending spec runs when this one reports.
        return;
    }
    m_last = m_pending;
    m_pending.reset();
    fetchWriterRules();
    m_running = true;
    const int generation = ++m_generation;
    const ClusterTenancy tenancy = m_session->tenancy();
    const std::string actor = m_session->identity().toStdString();
    const rbac::Identity me = m_session->rbacIdentity();
    auto writerRules = m_writerRules;
    const GraphSnapshot snapshot = m_snapshot;
    const RoleSpec spec = m_last->first;
    const bool create = m_last->second;
    AsyncTask::run(
        this,
        [client, tenancy, actor, me, writerRules, snapshot, spec, create] {
            Outcome out;
            ClientPlanReader fallback(*client);
            SnapshotPlanReader reader(snapshot, tenancy.api, &fallback);
            Planner planner(reader, tenancy, actor);
            auto plan = planner.saveRole(spec, create);
            if (plan) {
                out.planned = true;
                if (writerRules) {
                    out.escalation = checkPlanEscalation(*plan, me, writerRules->data);
                    out.escalation->incomplete = writerRules->incomplete;
                }
            } else {
                out.problem = QString::fromStdString(plan.error().message.empty() ? plan.error().describe()
                                                                                  : plan.error().message);
            }
            auto rules = planner.composeRules(spec);
            if (rules)
                out.effectiveRules = std::move(*rules);
            else
                out.effectiveProblem = QString::fromStdString(rules.error().message);
            return out;
        },
        [this, generation](Outcome out) {
            m_running = false;
            if (generation == m_generation) {
                m_outcome = std::move(out);
                emit checked();
            }
            if (m_pending && !m_debounce.isActive())
                run();
        });
}

void RoleEditorChecks::loadCatalog(std::shared_ptr<const rbac::ResourceCatalog> given)
{
    if (given) {
        m_catalog = std::move(given);
        emit catalogReady();
        return;
    }
    auto client = m_session ? m_session->client() : nullptr;
    AsyncTask::run(this, [client] {
        if (client && client->discovery().ensureLoaded())
            return std::make_shared<const rbac::ResourceCatalog>(rbac::ResourceCatalog::fromDiscovery(client->discovery()));
        return std::make_shared<const rbac::ResourceCatalog>(rbac::ResourceCatalog::builtin());
    }, [this](std::shared_ptr<const rbac::ResourceCatalog> catalog) {
        m_catalog = std::move(catalog);
        emit catalogReady();
    });
}

void RoleEditorChecks::predictAggregation(const nlohmann::json &role)
{
    const GraphSnapshot snapshot = m_snapshot;
    const std::string name = role.value("metadata", nlohmann::json::object()).value("name", "");
    AsyncTask::run(this, [snapshot, role, name] {
        std::vector<rbac::Role> roles;
        bool self = false;
        for (const auto &info : snapshot.clusterRoles()) {
            if (!info.object)
                continue;
            rbac::Role r = rbac::Role::fromJson(info.object->toJson());
            // The predictor only aggregates RBAC ClusterRoles: read every cluster role as one.
            r.apiGroup = rbac::kRbacGroup;
            if (r.name == name) {
                r = rbac::Role::fromJson(role);
                r.apiGroup = rbac::kRbacGroup;
                self = true;
            }
            roles.push_back(std::move(r));
        }
        if (!self) {
            rbac::Role r = rbac::Role::fromJson(role);
            r.apiGroup = rbac::kRbacGroup;
            roles.push_back(std::move(r));
        }
        const auto predicted = rbac::AggregationPredictor::predict(roles);
        std::pair<QString, QStringList> out;
        if (const auto it = predicted.find(name); it != predicted.end()) {
            out.first = QString::fromStdString(rbac::PolicyRule::listToJson(it->second.rules).dump());
            for (const auto &s : it->second.sources)
                out.second << QString::fromStdString(s);
        } else {
            out.first = QStringLiteral("[]");
        }
        return out;
    }, [this](std::pair<QString, QStringList> out) { emit aggregationPredicted(out.first, out.second); });
}
