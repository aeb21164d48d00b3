// AuditEventModel: rows are RowIds of the engine's index; text is built only for the rows a
// view paints (a small cache keeps it while scrolling). A new answer that extends the old one
// (the log grew) inserts the new rows at the end so the selection and scroll position stay;
// anything else resets.
#include "models/auditeventmodel.h"

#include "models/asynctask.h"
#include "models/auditlog.h"

#include <QDateTime>
#include <QFont>

#include <algorithm>

using namespace kube::audit;

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }
constexpr int kCacheRows = 2048;
constexpr int kMinRequeryMs = 100;
constexpr int kMaxRequeryMs = 2000;
} // namespace

struct AuditEventModel::Answer {
    std::vector<RowId> rows;
    Histogram histogram;
    qint64 matched = 0;
    qint64 ms = 0;
};

AuditEventModel::AuditEventModel(AuditLog *log, QObject *parent)
    : QAbstractTableModel(parent)
    , m_log(log)
    , m_cache(kCacheRows)
{
    m_throttle.setSingleShot(true);
    connect(&m_throttle, &QTimer::timeout, this, &AuditEventModel::requery);
    if (log) {
        connect(log, &AuditLog::rowsAvailable, this, &AuditEventModel::onRowsAvailable);
        requery();
    }
}

int AuditEventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditEventModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AuditEventModel::formatTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

RowId AuditEventModel::rowId(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[size_t(row)] : RowId(-1);
}

int AuditEventModel::rowOf(RowId id) const
{
    const auto it = std::find(m_rows.begin(), m_rows.end(), id);
    return it == m_rows.end() ? -1 : int(it - m_rows.begin());
}

AuditRowText AuditEventModel::rowText(int row) const
{
    if (row < 0 || row >= int(m_rows.size()) || !m_log)
        return {};
    const RowId id = m_rows[size_t(row)];
    if (const AuditRowText *cached = m_cache.object(id))
        return *cached;
    auto *text = new AuditRowText(m_log->index().rowText(id));
    const AuditRowText copy = *text;
    m_cache.insert(id, text);
    return copy;
}

QVariant AuditEventModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == RowIdRole)
        return QVariant::fromValue<quint32>(m_rows[size_t(index.row())]);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != RawRole && role != TimeMsRole
        && role != Qt::FontRole && role != Qt::TextAlignmentRole)
        return {};
    const AuditRowText r = rowText(index.row());
    if (role == TimeMsRole)
        return QVariant::fromValue<qint64>(r.timeMs);
    if (role == Qt::FontRole) {
        if (r.decision != kube::audit::Decision::Denied)
            return {};
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::TextAlignmentRole)
        return index.column() == Code ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    switch (index.column()) {
    case Time:
        if (role == RawRole)
            return QVariant::fromValue<qint64>(r.timeMs);
        return formatTime(r.timeMs);
    case Source: return QString::fromLatin1(toString(r.source));
    case User:
        if (role == Qt::ToolTipRole && !r.groups.empty()) {
            QStringList groups;
            for (const auto &g : r.groups)
                groups << qs(g);
            return tr("%1\ngroups: %2").arg(qs(r.user), groups.join(QStringLiteral(", ")));
        }
        return qs(r.user);
    case Verb: return qs(r.verb);
    case Resource: {
        QString text = qs(r.resource);
        if (!r.subresource.empty())
            text += QLatin1Char('/') + qs(r.subresource);
        if (role == Qt::ToolTipRole && !r.apiGroup.empty())
            return tr("%1 (group %2)").arg(text, qs(r.apiGroup));
        return text;
    }
    case Namespace: return qs(r.ns);
    case Name: return qs(r.name);
    case Workspace: return qs(r.workspace);
    case Code:
        if (role == RawRole)
            return r.code;
        return r.code ? QString::number(r.code) : QString();
    case Decision: return QString::fromLatin1(toString(r.decision));
    default: return {};
    }
}

QVariant AuditEventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time: return tr("Time");
    case Source: return tr("Source");
    case User: return tr("User");
    case Verb: return tr("Verb");
    case Resource: return tr("Resource");
    case Namespace: return tr("Project");
    case Name: return tr("Name");
    case Workspace: return tr("Workspace");
    case Code: return tr("Code");
    case Decision: return tr("Decision");
    default: return {};
    }
}

void AuditEventModel::setFilter(const AuditFilter &filter)
{
    m_filter = filter;
    requery();
}

void AuditEventModel::setTimeRange(std::optional<qint64> sinceMs, std::optional<qint64> untilMs)
{
    m_filter.sinceMs = sinceMs ? std::optional<std::int64_t>(*sinceMs) : std::nullopt;
    m_filter.untilMs = untilMs ? std::optional<std::int64_t>(*untilMs) : std::nullopt;
    requery();
}

void AuditEventModel::onRowsAvailable()
{
    if (m_querying) {
        m_dirty = true;
        return;
    }
    if (m_throttle.isActive())
        return;
    // The first rows at once; later growth no more often than the query costs.
    m_throttle.start(m_rows.empty() ? 0 : int(std::clamp<qint64>(2 * m_lastQueryMs, kMinRequeryMs, kMaxRequeryMs)));
}

void AuditEventModel::requery()
{
    if (!m_log)
        return;
    m_throttle.stop();
    m_dirty = false;
    const int generation = ++m_generation;
    if (!m_querying) {
        m_querying = true;
        emit queryingChanged(true);
    }
    auto index = m_log->sharedIndex();
    const AuditFilter filter = m_filter;
    AsyncTask::run(this, [index, filter] {
        QElapsedTimer clock;
        clock.start();
        AuditFilter anyTime = filter;
        anyTime.sinceMs.reset();
        anyTime.untilMs.reset();
        Answer a;
        std::vector<RowId> all = index->query(anyTime);
        a.matched = qint64(all.size());
        a.histogram = index->histogram(all, kHistogramBuckets);
        if (filter.sinceMs || filter.untilMs) {
            a.rows.reserve(all.size());
            for (RowId id : all) {
                const auto t = index->row(id).timeMs;
                if ((!filter.sinceMs || t >= *filter.sinceMs) && (!filter.untilMs || t < *filter.untilMs))
                    a.rows.push_back(id);
            }
        } else {
            a.rows = std::move(all);
        }
        a.ms = clock.elapsed();
        return a;
    }, [this, generation](Answer a) { apply(std::move(a), generation); });
}

void AuditEventModel::apply(Answer answer, int generation)
{
    if (generation != m_generation)
        return;  // a newer filter is being answered
    m_lastQueryMs = answer.ms;
    m_histogram = std::move(answer.histogram);
    m_matchedAnyTime = answer.matched;
    const auto &next = answer.rows;
    const bool extends = next.size() >= m_rows.size() && std::equal(m_rows.begin(), m_rows.end(), next.begin());
    if (extends) {
        if (next.size() > m_rows.size()) {
            beginInsertRows({}, int(m_rows.size()), int(next.size()) - 1);
            m_rows.insert(m_rows.end(), next.begin() + long(m_rows.size()), next.end());
            endInsertRows();
        }
    } else {
        beginResetModel();
        m_rows = std::move(answer.rows);
        m_cache.clear();
        endResetModel();
    }
    m_querying = false;
    emit queryingChanged(false);
    emit queried();
    if (m_dirty)
        onRowsAvailable();
}

std::optional<AuditEventModel::TreeTarget> AuditEventModel::treeTargetOf(const AuditRowText &r)
{
    const QString name = qs(r.name);
    const QString ns = qs(r.ns);
    const std::string &res = r.resource;
    const std::string &group = r.apiGroup;
    if (res == "namespaces" && group.empty() && !name.isEmpty())
        return TreeTarget{NodeKind::Project, name};
    if (group == "tenant.kubesphere.io" && (res == "workspacetemplates" || res == "workspaces") && !name.isEmpty())
        return TreeTarget{NodeKind::Workspace, name};
    if (group == "iam.kubesphere.io" && res == "users" && !name.isEmpty())
        return TreeTarget{NodeKind::User, name};
    if (group == "iam.kubesphere.io" && res == "globalroles" && !name.isEmpty())
        return TreeTarget{NodeKind::PlatformRole, name};
    if ((group == "rbac.authorization.k8s.io" || group == "iam.kubesphere.io") && res == "clusterroles" && !name.isEmpty())
        return TreeTarget{NodeKind::ClusterRole, name};
    if (!ns.isEmpty())
        return TreeTarget{NodeKind::Project, ns};
    // Workspace roles, bindings and quotas: their workspace (own label or name).
    if (!r.workspace.empty())
        return TreeTarget{NodeKind::Workspace, qs(r.workspace)};
    return std::nullopt;
}
