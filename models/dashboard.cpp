#include "models/dashboard.h"

#include "models/asynctask.h"
#include "models/clustersession.h"
#include "models/permissionsource.h"
#include "models/tenancytreemodel.h"
#include "models/timeformat.h"

#include "kubeclient/journal/journal.h"
#include "kubeclient/rbac/riskscanner.h"
#include "kubeclient/tenancy/graph/overview.h"

#include <QLocale>

#include <cmath>

using namespace kube;

namespace {

QString qs(const std::string &s) { return QString::fromStdString(s); }

QString percent(double fraction)
{
    if (std::isinf(fraction))
        return QStringLiteral("∞");
    return QLocale().toString(qRound(fraction * 100)) + QLatin1Char('%');
}

// The platform charts' input: figures from kubeclient, turned into chart values on the worker.
struct PlatformInput {
    tenancy::PlatformOverview overview;
    std::optional<std::vector<rbac::RiskFinding>> risks;  // none: RBAC not read yet
    bool rbacIncomplete = false;
    Result<std::vector<nlohmann::json>> recent = std::vector<nlohmann::json>{};
};

} // namespace

QString ChartBar::spokenText() const
{
    QString text = label;
    if (!valueText.isEmpty())
        text += QStringLiteral(": ") + valueText;
    if (over)
        text += QStringLiteral(", ") + Dashboard::tr("over its limit");
    return text;
}

int RecentChangesModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RecentChangesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("When");
    case SummaryColumn: return tr("Change");
    case OutcomeColumn: return tr("Outcome");
    case IdentityColumn: return tr("By");
    default: return {};
    }
}

QVariant RecentChangesModel::cell(const RecentChangeRow &row, int column, int role) const
{
    if (role == RawRole)
        return column == TimeColumn ? QVariant(row.time) : cell(row, column, Qt::DisplayRole);
    if (role == Qt::ToolTipRole && column == TimeColumn)
        return TimeFormat::display(row.time);
    if (role == Qt::ToolTipRole && column == SummaryColumn)
        return row.summary;  // the whole plan summary; the cell shows its first line
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (column) {
    case TimeColumn: return TimeFormat::age(row.time);
    case SummaryColumn: return role == Qt::DisplayRole ? row.summary.section(QLatin1Char('\n'), 0, 0) : row.summary;
    case OutcomeColumn: {
        QString outcome = row.outcome == QLatin1String("succeeded") ? tr("succeeded")
            : row.outcome == QLatin1String("failed")                 ? tr("failed")
            : row.outcome == QLatin1String("partial")                ? tr("partly applied")
                                                                     : row.outcome;
        if (row.dryRun)
            outcome = tr("%1 (dry run)").arg(outcome);
        return tr("%1, %n write(s)", nullptr, row.writes).arg(outcome);
    }
    case IdentityColumn: return row.identity;
    default: return {};
    }
}

struct Dashboard::Computed {
    int generation = 0;
    std::uint64_t graphVersion = 0;
    std::uint64_t rbacVersion = 0;
    Chart workspaces, quotaUse, risks, usage;
    std::vector<RecentChangeRow> recent;
    QString recentNote;
};

Dashboard::Dashboard(QObject *parent) : QObject(parent), m_recent(new RecentChangesModel(this)) {}

Dashboard::~Dashboard() = default;

bool Dashboard::applies(NodeKind kind) const
{
    return kind == NodeKind::Cluster || kind == NodeKind::Platform || kind == NodeKind::Workspace;
}

void Dashboard::clear()
{
    ++m_generation;
    m_session = nullptr;
    m_name.clear();
    m_graphVersion = 0;
    m_rbacVersion = 0;
    m_valid = m_computing = m_again = false;
    disconnect(m_permissionsConnection);
    m_workspaces = m_quotaUse = m_risks = m_usage = Chart();
    m_recent->setRows({});
    m_recentNote.clear();
    emit changed();
}

void Dashboard::show(ClusterSession *session, NodeKind kind, const QString &name)
{
    if (!session || !applies(kind)) {
        if (m_session)
            clear();
        return;
    }
    const bool platform = kind != NodeKind::Workspace;
    const bool sameNode = session == m_session && (platform ? m_kind != NodeKind::Workspace : m_kind == kind && m_name == name);
    if (!sameNode) {
        clear();
        m_session = session;
        m_kind = kind;
        m_name = name;
        if (platform) {
            // Risk findings need the permission engine's index: start it, and recompute when it changes.
            m_permissionsConnection = connect(session->permissions(), &PermissionSource::changed, this, &Dashboard::recompute);
        }
    }
    recompute();
}

void Dashboard::recompute()
{
    ClusterSession *s = m_session;
    if (!s)
        return;
    const bool platform = m_kind != NodeKind::Workspace;
    const auto rbac = platform && s->permissionsStarted() ? s->permissions()->snapshot() : nullptr;
    const std::uint64_t version = s->snapshot().version();
    if (m_computing) {
        m_again = true;
        return;
    }
    if (m_valid && m_graphVersion == version && m_rbacVersion == (rbac ? rbac->version : 0))
        return;
    m_computing = true;
    const bool controllerUsage = s->tenancy().mode == tenancy::Mode::KubeSphere;
    const tenancy::GraphSnapshot snapshot = s->snapshot();
    const QString cluster = s->id();
    const std::string server = s->status().server.toStdString();
    const std::string workspace = m_name.toStdString();
    const int generation = m_generation;
    const bool kubesphereView = controllerUsage && rbac && rbac->kubesphere;
    AsyncTask::run(this, [=]() {
        Computed c;
        c.generation = generation;
        c.graphVersion = snapshot.version();
        c.rbacVersion = rbac ? rbac->version : 0;
        if (!platform) {
            const tenancy::WorkspaceUsage u = tenancy::workspaceUsage(snapshot, workspace, controllerUsage);
            c.usage.title = tr("Projects' usage against the workspace quota");
            c.usage.empty = u.hasQuota ? tr("The workspace quota limits no resource.")
                                       : tr("This workspace has no quota: nothing to compare its projects' usage with.");
            for (const auto &r : u.resources) {
                ChartBar bar;
                bar.key = qs(r.resource);
                bar.label = qs(r.resource);
                for (const auto &[project, used] : r.projects)
                    bar.segments.append({used.asApproximateFloat(), QStringLiteral("%1: %2").arg(qs(project), qs(used.toString())),
                                         TenancyTreeModel::pathFor(cluster, NodeKind::Project, qs(project), qs(workspace))});
                if (!r.unattributed.isZero())
                    bar.segments.append({r.unattributed.asApproximateFloat(),
                                         tr("not in a project quota: %1").arg(qs(r.unattributed.toString())), {}});
                bar.limit = r.hard.asApproximateFloat();
                bar.over = r.fraction > 1.0;
                bar.valueText = tr("%1 of %2 (%3)").arg(qs(r.used.toString()), qs(r.hard.toString()), percent(r.fraction));
                QStringList lines;
                for (const auto &seg : bar.segments)
                    lines << seg.label;
                bar.toolTip = lines.join(QLatin1Char('\n'));
                c.usage.scale = std::max({c.usage.scale, bar.limit, r.used.asApproximateFloat()});
                c.usage.bars.append(bar);
            }
            QStringList notes;
            // The segments in words, left to right: the chart's legend (colours alone say nothing).
            for (const auto &bar : c.usage.bars) {
                QStringList parts;
                for (const auto &seg : bar.segments)
                    parts << seg.label;
                if (!parts.isEmpty())
                    notes << QStringLiteral("%1: %2").arg(bar.label, parts.join(QStringLiteral(" · ")));
            }
            notes << (u.usageFromProjects ? tr("Usage is the sum of what the projects' own quotas report.")
                                          : tr("Usage is the workspace total from KubeSphere's quota controller; "
                                               "projects without a quota of their own show as \"not in a project quota\"."));
            for (const auto &p : u.problems)
                notes << tr("Skipped: %1").arg(qs(p));
            c.usage.note = notes.join(QLatin1Char('\n'));
            return c;
        }
        PlatformInput in;
        in.overview = tenancy::platformOverview(snapshot, controllerUsage);
        if (rbac && rbac->index) {
            rbac::RiskScanner::Options o;
            o.view = kubesphereView ? rbac::View::KubeSphere : rbac::View::Kubernetes;
            in.risks = rbac::RiskScanner::scan(*rbac->index, o);
            in.rbacIncomplete = rbac->incomplete;
        }
        in.recent = journal::recentRecords(journal::journalPath(), server, kRecentChanges);

        // Workspaces: projects and members side by side.
        const auto &ws = in.overview.workspaces;
        c.workspaces.title = tr("Workspaces by projects and members");
        c.workspaces.empty = tr("No workspace.");
        for (std::size_t i = 0; i < ws.size() && i < std::size_t(kMaxBars); ++i) {
            ChartBar bar;
            bar.key = TenancyTreeModel::pathFor(cluster, NodeKind::Workspace, qs(ws[i].name));
            bar.label = qs(ws[i].name);
            bar.segments.append({double(ws[i].projects), tr("%n project(s)", nullptr, int(ws[i].projects)), bar.key});
            bar.segments.append({double(ws[i].members), tr("%n member(s)", nullptr, int(ws[i].members)), bar.key});
            bar.valueText = tr("%n project(s)", nullptr, int(ws[i].projects)) + QStringLiteral(", ")
                + tr("%n member(s)", nullptr, int(ws[i].members));
            c.workspaces.scale = std::max({c.workspaces.scale, double(ws[i].projects + ws[i].members)});
            c.workspaces.bars.append(bar);
        }
        QStringList wsNotes;
        if (ws.size() > std::size_t(kMaxBars))
            wsNotes << tr("%n more workspace(s) with fewer projects.", nullptr, int(ws.size() - kMaxBars));
        if (in.overview.projectsWithoutWorkspace > 0)
            wsNotes << tr("%n project(s) in no workspace.", nullptr, int(in.overview.projectsWithoutWorkspace));
        c.workspaces.note = wsNotes.join(QLatin1Char(' '));

        // Quota usage: each workspace quota's fullest resource, as a share of its limit.
        const auto &qu = in.overview.quotaUse;
        c.quotaUse.title = tr("Quota usage per workspace (its fullest resource)");
        c.quotaUse.empty = tr("No workspace has a quota.");
        c.quotaUse.scale = 1.0;
        for (std::size_t i = 0; i < qu.size() && i < std::size_t(kMaxBars); ++i) {
            const tenancy::WorkspaceQuotaUse &u = qu[i];
            ChartBar bar;
            bar.key = TenancyTreeModel::pathFor(cluster, NodeKind::Workspace, qs(u.workspace));
            bar.label = qs(u.workspace);
            if (!u.resources.empty()) {
                const tenancy::QuotaUse &top = u.resources.front();
                const double shown = std::isinf(top.fraction) ? 1.0 : top.fraction;
                bar.segments.append({shown, qs(top.resource), bar.key});
                bar.over = top.fraction > 1.0;
                bar.valueText = tr("%1 %2 of %3 (%4)").arg(qs(top.resource), qs(top.used.toString()), qs(top.hard.toString()),
                                                         percent(top.fraction));
                QStringList lines;
                for (const auto &r : u.resources)
                    lines << tr("%1: %2 of %3 (%4)").arg(qs(r.resource), qs(r.used.toString()), qs(r.hard.toString()),
                                                        percent(r.fraction));
                bar.toolTip = lines.join(QLatin1Char('\n'));
                c.quotaUse.scale = std::max(c.quotaUse.scale, shown);
            } else {
                bar.valueText = tr("limits nothing");
            }
            bar.limit = 1.0;
            c.quotaUse.bars.append(bar);
        }
        QStringList quotaNotes;
        if (qu.size() > std::size_t(kMaxBars))
            quotaNotes << tr("%n more workspace quota(s), less full.", nullptr, int(qu.size() - kMaxBars));
        quotaNotes << (controllerUsage ? tr("Usage from KubeSphere's quota controller.")
                                       : tr("Usage is the sum of the projects' quotas (no quota controller in standalone mode)."));
        for (const auto &p : in.overview.problems)
            quotaNotes << tr("Skipped: %1").arg(qs(p));
        c.quotaUse.note = quotaNotes.join(QLatin1Char(' '));

        // Risks by severity; system:* subjects are counted apart (the platform's own controllers).
        c.risks.title = tr("Risk findings by severity");
        if (!in.risks) {
            c.risks.empty = tr("Reading the cluster's RBAC…");
        } else {
            int high = 0, medium = 0, system = 0;
            for (const auto &f : *in.risks) {
                if (rbac::RiskScanner::isSystemSubject(f.subject)) {
                    ++system;
                    continue;
                }
                (f.severity == rbac::RiskSeverity::High ? high : medium) += 1;
            }
            const QString riskKey = QStringLiteral("risks:");
            c.risks.bars.append({riskKey + QStringLiteral("high"), tr("High"), {{double(high), tr("high"), {}}}, 0,
                                 tr("%n finding(s)", nullptr, high), false, {}});
            c.risks.bars.append({riskKey + QStringLiteral("medium"), tr("Medium"), {{double(medium), tr("medium"), {}}}, 0,
                                 tr("%n finding(s)", nullptr, medium), false, {}});
            c.risks.scale = std::max(1, std::max(high, medium));
            QStringList notes;
            notes << tr("%n more for the platform's own components (system: subjects, kube-system service accounts).", nullptr, system);
            if (in.rbacIncomplete)
                notes << tr("Some RBAC objects could not be read: the counts may be low.");
            c.risks.note = notes.join(QLatin1Char(' '));
        }

        // Recent changes from the journal.
        if (!in.recent) {
            c.recentNote = qs(in.recent.error().describe());
        } else {
            int order = 0;
            for (const auto &r : *in.recent) {
                RecentChangeRow row;
                row.time = qs(r.value("time", std::string()));
                row.summary = qs(r.value("summary", std::string()));
                row.outcome = qs(r.value("outcome", std::string()));
                row.dryRun = r.value("dryRun", false);
                if (auto id = r.find("identity"); id != r.end() && id->is_object())
                    row.identity = qs(id->value("username", std::string()));
                if (auto w = r.find("writes"); w != r.end() && w->is_array())
                    row.writes = int(w->size());
                row.order = order++;
                c.recent.push_back(std::move(row));
            }
            c.recentNote = c.recent.empty() ? tr("Tenantry has made no change on this cluster yet (journal: %1).")
                                                  .arg(qs(journal::journalPath()))
                                            : tr("The newest changes Tenantry made on this cluster (journal: %1).")
                                                  .arg(qs(journal::journalPath()));
        }
        return c;
    }, [this](Computed c) { apply(std::move(c)); });
}

void Dashboard::apply(Computed c)
{
    if (c.generation != m_generation)
        return;
    m_computing = false;
    m_valid = true;
    m_graphVersion = c.graphVersion;
    m_rbacVersion = c.rbacVersion;
    if (m_kind == NodeKind::Workspace) {
        m_usage = std::move(c.usage);
    } else {
        m_workspaces = std::move(c.workspaces);
        m_quotaUse = std::move(c.quotaUse);
        m_risks = std::move(c.risks);
        m_recent->setRows(std::move(c.recent));
        m_recentNote = c.recentNote;
    }
    emit changed();
    if (m_again) {
        m_again = false;
        recompute();
    }
}
