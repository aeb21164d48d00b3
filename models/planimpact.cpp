// PlanImpact: the data copy and both index builds run on a worker; the table gets one row per
// subject, scope and resource whose verbs change.
#include "models/planimpact.h"

#include "models/asynctask.h"
#include "models/clustersession.h"
#include "models/modelslogging.h"
#include "models/permissionsource.h"

#include "kubeclient/rbac/permissiondiff.h"

#include "models/themecolors.h"

#include <QColor>
#include <QElapsedTimer>

#include <set>

using namespace kube;

namespace {
QString joined(const std::vector<std::string> &verbs)
{
    QStringList out;
    for (const auto &v : verbs)
        out << QString::fromStdString(v);
    return out.join(QStringLiteral(", "));
}
} // namespace

ImpactTableModel::ImpactTableModel(QObject *parent)
    : RowTableModel<ImpactRow>(parent)
{
}

int ImpactTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImpactTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SubjectColumn: return tr("Subject");
    case ScopeColumn: return tr("Scope");
    case ResourceColumn: return tr("Resource");
    case GainedColumn: return tr("Gains");
    case LostColumn: return tr("Loses");
    }
    return {};
}

QVariant ImpactTableModel::cell(const ImpactRow &row, int column, int role) const
{
    if (role == Qt::DisplayRole || role == RawRole || role == Qt::ToolTipRole) {
        switch (column) {
        case SubjectColumn: return row.subject;
        case ScopeColumn: return row.scope;
        case ResourceColumn: return row.resource;
        case GainedColumn: return row.gained.isEmpty() || role != Qt::DisplayRole ? row.gained : QStringLiteral("+ ") + row.gained;
        case LostColumn: return row.lost.isEmpty() || role != Qt::DisplayRole ? row.lost : QStringLiteral("− ") + row.lost;
        }
    }
    if (role == Qt::ForegroundRole && column == GainedColumn && !row.gained.isEmpty())
        return ThemeColors::text(ThemeColors::Tone::Ok);
    if (role == Qt::ForegroundRole && column == LostColumn && !row.lost.isEmpty())
        return ThemeColors::text(ThemeColors::Tone::Error);
    return {};
}

PlanImpact::PlanImpact(PermissionSource *source, bool kubesphere, QObject *parent)
    : QObject(parent)
    , m_source(source)
    , m_kubesphere(kubesphere)
    , m_model(new ImpactTableModel(this))
{
}

PlanImpact *PlanImpact::forSession(ClusterSession *session, QObject *parent)
{
    const bool kubesphere = session && session->tenancy().mode == tenancy::Mode::KubeSphere;
    auto *impact = new PlanImpact(nullptr, kubesphere, parent);
    impact->m_session = session;
    return impact;
}

bool PlanImpact::dataRunning() const
{
    return m_source || (m_session && m_session->permissionsStarted());
}

void PlanImpact::setState(State state, const QString &summary)
{
    m_state = state;
    m_summary = summary;
    if (state != State::Waiting && state != State::Computing)
        emit ready();
}

void PlanImpact::clear()
{
    ++m_generation;
    m_plan.reset();
    disconnect(m_waiting);
    m_model->setRows({});
    m_text.clear();
    m_state = State::Idle;
    m_summary.clear();
}

void PlanImpact::compute(const tenancy::Plan &plan)
{
    clear();
    m_plan = plan;
    start();
}

void PlanImpact::start()
{
    if (!m_plan)
        return;
    if (!m_source && m_session)
        m_source = m_session->permissions();
    if (!m_source) {
        setState(State::Unavailable, tr("The impact on permissions needs a connection to the cluster."));
        return;
    }
    if (!m_source->ready()) {
        m_state = State::Waiting;
        m_summary = tr("Waiting for the cluster's roles and bindings…");
        if (!m_source->loadError().isEmpty()) {
            setState(State::Unavailable, m_source->loadError());
            return;
        }
        disconnect(m_waiting);
        m_waiting = connect(m_source, &PermissionSource::changed, this, [this] {
            disconnect(m_waiting);
            start();
        });
        return;
    }
    const auto snapshot = m_source->snapshot();
    if (snapshot->incomplete) {
        setState(State::Unavailable,
                 tr("The impact on permissions cannot be computed: this identity cannot read %1.")
                     .arg(snapshot->unreadable.join(QStringLiteral(", "))));
        return;
    }
    m_state = State::Computing;
    m_summary = tr("Computing who gains or loses what…");
    const int generation = m_generation;
    const bool kubesphereView = m_kubesphere && snapshot->kubesphere;
    auto reader = m_source->dataReader();
    const tenancy::Plan plan = *m_plan;
    struct Out {
        std::vector<rbac::DiffEntry> entries;
        qint64 ms = 0;
    };
    AsyncTask::run(this, [reader, snapshot, plan, kubesphereView] {
        QElapsedTimer clock;
        clock.start();
        Out out;
        rbac::PermissionMatrix::Options options;
        options.view = kubesphereView ? rbac::View::KubeSphere : rbac::View::Kubernetes;
        options.verbs = rbac::PermissionMatrix::workbenchVerbs();
        out.entries = rbac::PermissionDiff::planImpact(reader(), plan, snapshot->catalog(options.view), options);
        out.ms = clock.elapsed();
        return out;
    }, [this, generation](Out out) {
        if (generation != m_generation)
            return;
        std::vector<ImpactRow> rows;
        rows.reserve(out.entries.size());
        std::set<std::string> subjects;
        for (const auto &e : out.entries) {
            rows.push_back({QString::fromStdString(e.subject), QString::fromStdString(e.scope),
                            QString::fromStdString(e.resource), joined(e.gained), joined(e.lost)});
            subjects.insert(e.subject);
        }
        m_model->setRows(std::move(rows));
        m_text = QString::fromStdString(rbac::PermissionDiff::toText(out.entries));
        qCDebug(lcPlan) << "impact of" << QString::fromStdString(m_plan ? m_plan->title : std::string()) << "in"
                        << out.ms << "ms:" << out.entries.size() << "rows";
        setState(State::Ready, out.entries.empty()
                                   ? tr("No permission changes: nobody gains or loses a verb.")
                                   : subjects.size() == 1
                                   ? tr("%1 gains or loses permissions (%2 resources × scopes).")
                                         .arg(QString::fromStdString(*subjects.begin()))
                                         .arg(out.entries.size())
                                   : tr("%n subject(s) gain or lose permissions (%1 resources × scopes).", nullptr,
                                        int(subjects.size()))
                                         .arg(out.entries.size()));
    });
}
