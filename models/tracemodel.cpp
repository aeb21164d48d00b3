// Stage rows have internalId 0; a detail row carries its stage's row + 1, so parent() needs no
// node objects. The model is replaced as a whole when a trace finishes (begin/endResetModel).
#include "models/tracemodel.h"

#include "models/asynctask.h"

#include "kubeclient/kubeconfig/kubeconfig.h"
#include "kubeclient/trace/tracer.h"

#include "models/paintedicon.h"
#include "models/themecolors.h"

#include <QColor>
#include <QElapsedTimer>
#include <QPainter>
#include <QPixmap>

using kube::trace::Verdict;

namespace {
QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}
} // namespace

TraceModel::TraceModel(QObject *parent) : QAbstractItemModel(parent) {}

void TraceModel::setConnection(std::shared_ptr<kube::Client> client, const QString &kubeconfig, const QString &context)
{
    m_client = std::move(client);
    m_kubeconfig = kubeconfig;
    m_context = context;
}

void TraceModel::trace(const kube::trace::TraceForm &form)
{
    if (!m_client) {
        emit failed(tr("Not connected: the cluster has no client yet."));
        return;
    }
    const int generation = ++m_generation;
    // A new trace supersedes the running one: its requests stop too.
    if (m_cancel)
        m_cancel->cancel();
    m_cancel = std::make_shared<kube::CancelToken>();
    m_running = true;
    emit started();
    struct Outcome {
        std::optional<kube::trace::TraceResult> result;
        QString error;
        qint64 ms = 0;
    };
    AsyncTask::run(this, [client = m_client, index = m_index, form, kubeconfig = m_kubeconfig.toStdString(),
                          context = m_context.toStdString(), cancel = m_cancel] {
        Outcome o;
        QElapsedTimer timer;
        timer.start();
        auto question = kube::trace::questionFromForm(form, &client->discovery());
        if (!question) {
            o.error = qs(question.error().message);
            return o;
        }
        kube::trace::TraceOptions options;
        options.index = index;
        options.cancel = cancel;
        if (auto config = kube::Kubeconfig::loadFromEnvironment(kubeconfig))
            if (auto resolved = config->resolve(context))
                options.presented = kube::trace::describePresented(*resolved);
        o.result = kube::trace::Tracer(client).run(*question, options);
        o.ms = timer.elapsed();
        return o;
    }, [this, generation](Outcome o) {
        if (generation != m_generation)
            return;  // a newer trace is on its way, or this one was cancelled
        m_running = false;
        m_cancel.reset();
        if (!o.result) {
            emit failed(o.error);
            return;
        }
        m_lastMs = o.ms;
        setResult(std::move(*o.result));
        emit finished();
    });
}

void TraceModel::setResult(kube::trace::TraceResult result)
{
    beginResetModel();
    m_result = std::move(result);
    endResetModel();
}

void TraceModel::clear()
{
    beginResetModel();
    m_result.reset();
    endResetModel();
}

void TraceModel::cancel()
{
    if (!m_running)
        return;
    if (m_cancel)
        m_cancel->cancel();
    m_cancel.reset();
    ++m_generation;  // whatever the worker still returns is dropped
    m_running = false;
    emit cancelled();
}

QIcon TraceModel::verdictIcon(Verdict verdict)
{
    // Painted at the size and ratio asked for, in the theme's colours of the moment.
    return PaintedIcon::make([verdict](QPainter *p) {
        using Tone = ThemeColors::Tone;
        Tone tone = Tone::Muted;
        switch (verdict) {
        case Verdict::Pass: tone = Tone::Ok; break;
        case Verdict::Fail: tone = Tone::Error; break;
        case Verdict::Warning: tone = Tone::Warning; break;
        case Verdict::Unknown:
        case Verdict::Skipped: tone = Tone::Muted; break;
        }
        p->setPen(Qt::NoPen);
        p->setBrush(ThemeColors::fill(tone));
        p->drawEllipse(QRectF(1.5, 1.5, 13, 13));
        p->setPen(QPen(ThemeColors::onFill(tone), 2));
        if (verdict == Verdict::Pass) {
            p->drawLine(QPointF(4.5, 8.5), QPointF(7, 11));
            p->drawLine(QPointF(7, 11), QPointF(11.5, 5.5));
        } else if (verdict == Verdict::Fail) {
            p->drawLine(QPointF(5, 5), QPointF(11, 11));
            p->drawLine(QPointF(11, 5), QPointF(5, 11));
        } else if (verdict == Verdict::Skipped) {
            p->drawLine(QPointF(5, 8), QPointF(11, 8));
        } else {
            p->drawLine(QPointF(8, 4.5), QPointF(8, 9));
            p->drawPoint(QPointF(8, 11.5));
        }
    });
}

QString TraceModel::verdictWord(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Pass: return tr("pass");
    case Verdict::Fail: return tr("fail");
    case Verdict::Unknown: return tr("unknown");
    case Verdict::Skipped: return tr("not applicable");
    case Verdict::Warning: return tr("warning");
    }
    return {};
}

QModelIndex TraceModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    if (parent.internalId() != 0)
        return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex TraceModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int TraceModel::rowCount(const QModelIndex &parent) const
{
    if (!m_result)
        return 0;
    if (!parent.isValid())
        return int(m_result->stages.size());
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    return int(m_result->stages[size_t(parent.row())].details.size());
}

int TraceModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant TraceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_result)
        return {};
    if (index.internalId() != 0) {
        const auto &stage = m_result->stages[size_t(index.internalId() - 1)];
        const std::string &line = stage.details[size_t(index.row())];
        if (index.column() != StageColumn)
            return {};
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return qs(line);
        if (role == Qt::ForegroundRole && (line.rfind("DISAGREEMENT", 0) == 0 || line.rfind("✘", 0) == 0))
            return ThemeColors::text(ThemeColors::Tone::Error);
        return {};
    }
    const auto &stage = m_result->stages[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == StageColumn)
            return qs(stage.title);
        if (index.column() == VerdictColumn)
            return verdictWord(stage.verdict);
        return qs(stage.summary);
    case Qt::ToolTipRole:
        return qs(stage.summary);
    case Qt::DecorationRole:
        return index.column() == VerdictColumn ? QVariant(verdictIcon(stage.verdict)) : QVariant();
    case Qt::ForegroundRole:
        return stage.verdict == Verdict::Fail && index.column() != StageColumn ? QVariant(ThemeColors::text(ThemeColors::Tone::Error)) : QVariant();
    case VerdictRole:
        return int(stage.verdict);
    case StageIdRole:
        return qs(stage.id);
    default:
        return {};
    }
}

QVariant TraceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StageColumn: return tr("Stage");
    case VerdictColumn: return tr("Verdict");
    case SummaryColumn: return tr("Why");
    default: return {};
    }
}
