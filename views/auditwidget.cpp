// AuditWidget: the bar's fields become one kube::audit::AuditFilter (typing waits 250 ms
// before it queries); the histogram's drag is the filter's time range. Nothing here reads a
// file or the network: the log indexes and reads on its writer and the worker pool.
#include "views/auditwidget.h"

#include "views/audithistogramwidget.h"

#include "models/asynctask.h"
#include "models/auditlog.h"

#include <QBoxLayout>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStringListModel>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>

using namespace kube::audit;

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }
constexpr int kFilterDelayMs = 250;

QString pretty(const nlohmann::json &j)
{
    return qs(j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
}

QLineEdit *filterEdit(const QString &name, const QString &placeholder, const QString &tip)
{
    auto *e = new QLineEdit;
    e->setObjectName(name);
    e->setPlaceholderText(placeholder);
    e->setToolTip(tip);
    e->setClearButtonEnabled(true);
    return e;
}
} // namespace

AuditWidget::AuditWidget(AuditLog *log, AuditEventModel *model, QWidget *parent)
    : QWidget(parent)
    , m_log(log)
    , m_model(model)
{
    setObjectName(QStringLiteral("auditWidget"));
    auto *layout = new QVBoxLayout(this);
    buildSourceBar(layout);
    buildFilterBar(layout);

    // The histogram, with the selected time range beside it.
    auto *timeRow = new QHBoxLayout;
    m_histogram = new AuditHistogramWidget;
    timeRow->addWidget(m_histogram, 1);
    auto *timeSide = new QVBoxLayout;
    m_timeLabel = new QLabel(tr("All times"));
    m_timeLabel->setObjectName(QStringLiteral("auditTimeRange"));
    m_timeLabel->setWordWrap(true);
    m_clearTime = new QPushButton(tr("All times"));
    m_clearTime->setObjectName(QStringLiteral("auditClearTime"));
    m_clearTime->setToolTip(tr("Show the events of every time again (double-click the histogram does the same)"));
    m_clearTime->setEnabled(false);
    timeSide->addWidget(m_timeLabel);
    timeSide->addWidget(m_clearTime);
    timeSide->addStretch();
    timeRow->addLayout(timeSide);
    layout->addLayout(timeRow);

    // The table and the detail.
    auto *split = new QSplitter(Qt::Horizontal);
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setAccessibleName(tr("Audit events"));
    m_table->setTabKeyNavigation(false);  // Tab goes on to the detail; arrows move in the table
    m_table->setModel(model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed row height: a million rows are laid out without asking each row for its size.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    const int digit = m_table->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    m_table->setColumnWidth(AuditEventModel::Time, digit * 22);
    m_table->setColumnWidth(AuditEventModel::Source, digit * 12);
    m_table->setColumnWidth(AuditEventModel::User, digit * 16);
    m_table->setColumnWidth(AuditEventModel::Verb, digit * 8);
    m_table->setColumnWidth(AuditEventModel::Resource, digit * 13);
    m_table->setColumnWidth(AuditEventModel::Namespace, digit * 13);
    m_table->setColumnWidth(AuditEventModel::Name, digit * 13);
    m_table->setColumnWidth(AuditEventModel::Workspace, digit * 11);
    m_table->setColumnWidth(AuditEventModel::Code, digit * 5);
    split->addWidget(m_table);

    auto *detail = new QWidget;
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    m_detailTabs = new QTabWidget;
    m_detailTabs->setObjectName(QStringLiteral("auditDetailTabs"));
    m_detailTabs->setAccessibleName(tr("The selected event"));
    m_fields = new QTreeWidget;
    m_fields->setObjectName(QStringLiteral("auditDetailFields"));
    m_fields->setAccessibleName(tr("Fields of the selected event"));
    m_fields->setColumnCount(2);
    m_fields->setHeaderLabels({tr("Field"), tr("Value")});
    m_fields->setRootIsDecorated(false);
    m_fields->setAlternatingRowColors(true);
    m_fields->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto text = [&mono](const char *name, const QString &accessibleName) {
        auto *t = new QPlainTextEdit;
        t->setObjectName(QLatin1String(name));
        t->setAccessibleName(accessibleName);
        t->setReadOnly(true);
        t->setFont(mono);
        t->setLineWrapMode(QPlainTextEdit::NoWrap);
        return t;
    };
    m_request = text("auditRequestObject", tr("Request object"));
    m_response = text("auditResponseObject", tr("Response object"));
    m_json = text("auditEventJson", tr("The event's JSON"));
    m_detailTabs->addTab(m_fields, tr("Event"));
    m_detailTabs->addTab(m_request, tr("Request object"));
    m_detailTabs->addTab(m_response, tr("Response object"));
    m_detailTabs->addTab(m_json, tr("JSON"));
    detailLayout->addWidget(m_detailTabs, 1);
    m_openInTree = new QPushButton(tr("Open this object in the tree"));
    m_openInTree->setObjectName(QStringLiteral("auditOpenInTree"));
    m_openInTree->setEnabled(false);
    detailLayout->addWidget(m_openInTree);
    split->addWidget(detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({digit * 130, digit * 50});
    layout->addWidget(split, 1);

    // Progress, cancel, export and the status line.
    auto *bottom = new QHBoxLayout;
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("auditProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(true);
    m_progress->setVisible(false);
    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->setObjectName(QStringLiteral("auditCancel"));
    m_cancel->setToolTip(tr("Stop indexing: the events read so far stay"));
    m_cancel->setVisible(false);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("auditStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_export = new QPushButton(tr("&Export…"));
    m_export->setObjectName(QStringLiteral("auditExport"));
    m_export->setToolTip(tr("Write the events the filter shows as JSON lines (the original objects) or CSV"));
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_progress, 1);
    bottom->addWidget(m_cancel);
    bottom->addWidget(m_export);
    layout->addLayout(bottom);

    m_filterDelay.setSingleShot(true);
    m_filterDelay.setInterval(kFilterDelayMs);
    connect(&m_filterDelay, &QTimer::timeout, this, &AuditWidget::applyFilter);

    connect(m_histogram, &AuditHistogramWidget::rangeSelected, this, [this](qint64 from, qint64 to) {
        m_rangeFrom = from;
        m_rangeTo = to;
        applyFilter();
    });
    connect(m_histogram, &AuditHistogramWidget::selectionCleared, this, [this] {
        m_rangeFrom.reset();
        m_rangeTo.reset();
        applyFilter();
    });
    connect(m_clearTime, &QPushButton::clicked, this, [this] {
        m_rangeFrom.reset();
        m_rangeTo.reset();
        m_histogram->clearSelection();
        applyFilter();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AuditWidget::showCurrent);
    connect(m_openInTree, &QPushButton::clicked, this, [this] {
        if (m_detailTarget)
            emit openInTree(m_detailTarget->kind, m_detailTarget->name);
    });
    connect(m_export, &QPushButton::clicked, this, &AuditWidget::chooseExport);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_log)
            m_log->cancel();
    });
    connect(model, &AuditEventModel::queried, this, &AuditWidget::onQueried);
    connect(model, &QAbstractItemModel::modelReset, this, [this] { clearDetail(); });
    connect(log, &AuditLog::progressChanged, this, &AuditWidget::onProgress);
    connect(log, &AuditLog::busyChanged, this, &AuditWidget::onBusyChanged);
    connect(log, &AuditLog::sourcesChanged, this, &AuditWidget::updateSources);
    connect(log, &AuditLog::rowsAvailable, this, &AuditWidget::updateStatus);
    connect(log, &AuditLog::failed, this, [this](const QString &message) {
        m_sources->setToolTip(message);
        updateSources();
    });
    connect(log, &AuditLog::followNotice, this, [this](const QString &message) { m_status->setToolTip(message); });
    updateSources();
    updateStatus();
    onBusyChanged(log->busy());
}

void AuditWidget::buildSourceBar(QBoxLayout *layout)
{
    auto *row = new QHBoxLayout;
    m_addFiles = new QPushButton(tr("Add &files…"));
    m_addFiles->setObjectName(QStringLiteral("auditAddFiles"));
    m_addFiles->setToolTip(tr("kube-apiserver audit logs (JSON lines, rotated and .gz ones), KubeSphere audit events, "
                              "Tenantry journals"));
    m_journal = new QPushButton(tr("Tenantry's &journal"));
    m_journal->setObjectName(QStringLiteral("auditJournal"));
    m_journal->setToolTip(tr("Every write Tenantry applied or dry-ran from this machine (%1)").arg(AuditLog::journalPath()));
    m_events = new QPushButton(tr("Cluster &Events"));
    m_events->setObjectName(QStringLiteral("auditClusterEvents"));
    m_events->setToolTip(tr("The Kubernetes Events of the projects and of the workspaces and users, where you may list them"));
    m_follow = new QCheckBox(tr("F&ollow"));
    m_follow->setObjectName(QStringLiteral("auditFollow"));
    m_follow->setToolTip(tr("Keep reading the last file added as it grows (tail -F: truncation and rotation included)"));
    m_sources = new QLabel;
    m_sources->setObjectName(QStringLiteral("auditSources"));
    m_sources->setWordWrap(true);
    m_sources->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row->addWidget(m_addFiles);
    row->addWidget(m_journal);
    row->addWidget(m_events);
    row->addWidget(m_follow);
    row->addWidget(m_sources, 1);
    layout->addLayout(row);
    connect(m_addFiles, &QPushButton::clicked, this, &AuditWidget::chooseFiles);
    connect(m_journal, &QPushButton::clicked, this, [this] {
        if (m_log)
            m_log->addJournal();
    });
    connect(m_events, &QPushButton::clicked, this, &AuditWidget::clusterEventsRequested);
    connect(m_follow, &QCheckBox::toggled, this, [this](bool on) {
        if (m_log)
            m_log->setFollow(on);
    });
}

void AuditWidget::buildFilterBar(QBoxLayout *layout)
{
    auto *grid = new QGridLayout;
    auto combo = [](const QString &name, const QString &tip, bool editable) {
        auto *c = new QComboBox;
        c->setObjectName(name);
        c->setEditable(editable);
        c->setToolTip(tip);
        c->setInsertPolicy(QComboBox::NoInsert);
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        c->setMinimumContentsLength(10);
        return c;
    };
    m_workspace = combo(QStringLiteral("auditWorkspace"),
                        tr("The event's workspace: KubeSphere's own field, else the project's workspace label in the tree"), true);
    m_project = combo(QStringLiteral("auditProject"), tr("The object's namespace"), true);
    m_workspace->lineEdit()->setPlaceholderText(tr("any workspace"));
    m_project->lineEdit()->setPlaceholderText(tr("any project"));
    m_user = filterEdit(QStringLiteral("auditUser"), tr("user or group"), tr("A user name, or a group the user was in"));
    m_verb = filterEdit(QStringLiteral("auditVerb"), tr("verb"), tr("create, update, patch, delete… (comma-separated for several)"));
    m_resource = filterEdit(QStringLiteral("auditResource"), tr("resource"),
                            tr("pods, pods/log, roles.rbac.authorization.k8s.io (comma-separated for several)"));
    m_name = filterEdit(QStringLiteral("auditName"), tr("object name"), tr("The object's exact name"));
    m_code = filterEdit(QStringLiteral("auditCode"), tr("code"), tr("The response's HTTP code, e.g. 403"));
    m_code->setMaximumWidth(m_code->fontMetrics().horizontalAdvance(QStringLiteral("00000000")) + 30);
    m_text = filterEdit(QStringLiteral("auditText"), tr("free text"), tr("Any field containing this text (case-insensitive)"));
    m_decision = combo(QStringLiteral("auditDecision"), tr("What authorization decided"), false);
    m_decision->addItem(tr("allowed or denied"), int(Decision::Unknown));
    m_decision->addItem(tr("allowed"), int(Decision::Allowed));
    m_decision->addItem(tr("denied"), int(Decision::Denied));
    m_source = combo(QStringLiteral("auditSource"), tr("Which kind of source the event came from"), false);
    m_source->addItem(tr("every source"), -1);
    for (auto k : {SourceKind::KubeApiserver, SourceKind::KubeSphere, SourceKind::Journal, SourceKind::KubeEvents})
        m_source->addItem(QString::fromLatin1(toString(k)), int(k));
    m_since = combo(QStringLiteral("auditSince"), tr("Only recent events"), false);
    m_since->addItem(tr("any time"), 0);
    m_since->addItem(tr("last 15 minutes"), 15 * 60);
    m_since->addItem(tr("last hour"), 3600);
    m_since->addItem(tr("last 24 hours"), 24 * 3600);
    m_since->addItem(tr("last 7 days"), 7 * 24 * 3600);
    m_filterError = new QLabel;
    m_filterError->setObjectName(QStringLiteral("auditFilterError"));
    m_filterError->setVisible(false);
    QFont errorFont = m_filterError->font();
    errorFont.setBold(true);
    m_filterError->setFont(errorFont);

    auto add = [grid](int row, int col, const QString &label, QWidget *w) {
        auto *l = new QLabel(label);
        l->setBuddy(w);
        grid->addWidget(l, row, col * 2);
        grid->addWidget(w, row, col * 2 + 1);
    };
    add(0, 0, tr("&Workspace"), m_workspace);
    add(0, 1, tr("&Project"), m_project);
    add(0, 2, tr("&User"), m_user);
    add(0, 3, tr("&Verb"), m_verb);
    add(0, 4, tr("&Resource"), m_resource);
    add(1, 0, tr("&Name"), m_name);
    add(1, 1, tr("&Decision"), m_decision);
    add(1, 2, tr("Co&de"), m_code);
    add(1, 3, tr("&Source"), m_source);
    add(1, 4, tr("&Time"), m_since);
    add(2, 0, tr("Te&xt"), m_text);
    grid->addWidget(m_filterError, 2, 2, 1, 8);
    for (int c = 1; c < 10; c += 2)
        grid->setColumnStretch(c, 1);
    layout->addLayout(grid);

    for (QLineEdit *e : {m_user, m_verb, m_resource, m_name, m_code, m_text, m_workspace->lineEdit(), m_project->lineEdit()}) {
        connect(e, &QLineEdit::textChanged, this, &AuditWidget::scheduleFilter);
        connect(e, &QLineEdit::returnPressed, this, &AuditWidget::applyFilter);
    }
    for (QComboBox *c : {m_decision, m_source, m_since})
        connect(c, &QComboBox::currentIndexChanged, this, &AuditWidget::applyFilter);
}

void AuditWidget::setTenancyNames(const QStringList &workspaces, const QStringList &projects)
{
    const auto refill = [](QComboBox *box, const QStringList &names) {
        const QString typed = box->currentText();
        const QSignalBlocker block(box);
        box->clear();
        box->addItem(QString());
        box->addItems(names);
        box->setEditText(typed);
    };
    refill(m_workspace, workspaces);
    refill(m_project, projects);
}

void AuditWidget::setClusterEventsAvailable(bool available, const QString &why)
{
    m_events->setEnabled(available);
    if (!why.isEmpty())
        m_events->setToolTip(why);
}

void AuditWidget::presetFilter(const QString &workspace, const QString &project, const QString &user)
{
    m_workspace->setEditText(workspace);
    m_project->setEditText(project);
    m_user->setText(user);
    applyFilter();
}

void AuditWidget::scheduleFilter()
{
    m_filterDelay.start();
}

AuditFilter AuditWidget::filterFromBar() const
{
    AuditFilter f;
    f.workspace = m_workspace->currentText().trimmed().toStdString();
    f.ns = m_project->currentText().trimmed().toStdString();
    f.user = m_user->text().trimmed().toStdString();
    f.verb = m_verb->text().remove(QLatin1Char(' ')).toStdString();
    f.resource = m_resource->text().remove(QLatin1Char(' ')).toStdString();
    f.name = m_name->text().trimmed().toStdString();
    f.text = m_text->text().trimmed().toStdString();
    f.decision = Decision(m_decision->currentData().toInt());
    if (const int src = m_source->currentData().toInt(); src >= 0)
        f.source = SourceKind(src);
    bool ok = false;
    if (const int code = m_code->text().trimmed().toInt(&ok); ok)
        f.code = code;
    if (const int seconds = m_since->currentData().toInt(); seconds > 0)
        f.sinceMs = QDateTime::currentMSecsSinceEpoch() - qint64(seconds) * 1000;
    if (m_rangeFrom)
        f.sinceMs = f.sinceMs ? std::max<std::int64_t>(*f.sinceMs, *m_rangeFrom) : *m_rangeFrom;
    if (m_rangeTo)
        f.untilMs = *m_rangeTo;
    return f;
}

void AuditWidget::applyFilter()
{
    m_filterDelay.stop();
    // A code that is not a number is named, and nothing is queried; what was typed stays.
    const QString code = m_code->text().trimmed();
    bool ok = true;
    const int value = code.isEmpty() ? 0 : code.toInt(&ok);
    if (!ok || (!code.isEmpty() && (value < 100 || value > 599))) {
        m_filterError->setText(tr("Code: \"%1\" is not an HTTP status code (100–599).").arg(code));
        m_filterError->setVisible(true);
        return;
    }
    m_filterError->setVisible(false);
    if (m_rangeFrom && m_rangeTo)
        m_timeLabel->setText(tr("%1\nto %2").arg(AuditEventModel::formatTime(*m_rangeFrom), AuditEventModel::formatTime(*m_rangeTo)));
    else
        m_timeLabel->setText(m_since->currentIndex() > 0 ? m_since->currentText() : tr("All times"));
    m_clearTime->setEnabled(m_rangeFrom.has_value());
    if (m_model)
        m_model->setFilter(filterFromBar());
}

void AuditWidget::onQueried()
{
    const Histogram &h = m_model->histogram();
    m_histogram->setData(h.fromMs, h.bucketMs, QVector<quint32>(h.counts.begin(), h.counts.end()),
                         QVector<quint32>(h.denied.begin(), h.denied.end()));
    if (m_rangeFrom && m_rangeTo)
        m_histogram->setSelection(*m_rangeFrom, *m_rangeTo);
    else
        m_histogram->clearSelection();
    updateStatus();
    // The detail follows the current row; with none yet, the first event shown.
    if (m_detailId < 0 && m_table->currentIndex().isValid())
        showCurrent();
}

void AuditWidget::onProgress()
{
    if (!m_log)
        return;
    const AuditLog::Progress p = m_log->progress();
    if (p.bytesTotal > 0) {
        m_progress->setValue(int(std::min<qint64>(1000, p.bytesDone * 1000 / p.bytesTotal)));
        m_progress->setFormat(tr("%1 — %2 of %3 MB").arg(QFileInfo(p.file).fileName())
                                  .arg(double(p.bytesDone) / 1e6, 0, 'f', 0)
                                  .arg(double(p.bytesTotal) / 1e6, 0, 'f', 0));
    } else {
        m_progress->setRange(0, 0);
    }
    updateStatus();
}

void AuditWidget::onBusyChanged(bool busy)
{
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    if (busy) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(0);
    } else {
        refreshCompletions();
    }
    updateStatus();
}

void AuditWidget::updateSources()
{
    if (!m_log)
        return;
    QStringList lines, tips;
    for (const auto &s : m_log->sources()) {
        lines << QFileInfo(s.path).fileName();
        if (s.kind == AuditLog::Source::Kind::ClusterEvents)
            lines.last() = s.label;
        tips << (s.note.isEmpty() ? s.label : tr("%1: %2").arg(s.label, s.note));
    }
    m_journal->setEnabled(!m_log->hasJournal());
    m_sources->setText(lines.isEmpty() ? tr("No source yet: add audit files, the journal or the cluster's Events.")
                                       : tr("Sources: %1").arg(lines.join(QStringLiteral(", "))));
    // The notes (errors, what could not be read) are shown, not only in a tooltip.
    QStringList notes;
    for (const auto &s : m_log->sources())
        if (!s.note.isEmpty())
            notes << tr("%1: %2").arg(s.kind == AuditLog::Source::Kind::File ? QFileInfo(s.path).fileName() : s.label, s.note);
    if (!notes.isEmpty())
        m_sources->setText(m_sources->text() + QLatin1Char('\n') + notes.join(QLatin1Char('\n')));
    m_sources->setToolTip(tips.join(QLatin1Char('\n')));
}

void AuditWidget::updateStatus()
{
    if (!m_log || !m_model)
        return;
    QString text = m_log->statusText();
    const qint64 shown = m_model->rowCount();
    if (shown != m_log->rowCount())
        text = tr("%1 shown of %2").arg(shown).arg(text);
    m_status->setText(text);
    const QStringList skipped = m_log->skippedLines(20);
    m_status->setToolTip(skipped.isEmpty() ? QString() : tr("Skipped lines:\n%1").arg(skipped.join(QLatin1Char('\n'))));
}

void AuditWidget::refreshCompletions()
{
    if (!m_log)
        return;
    // Distinct values walk every row: on the pool, once indexing stopped.
    auto index = m_log->sharedIndex();
    struct Values {
        QStringList users, verbs, resources;
    };
    AsyncTask::run(this, [index] {
        auto list = [&](const char *field) {
            QStringList out;
            for (const auto &v : index->distinct(field))
                if (!v.empty())
                    out << qs(v);
            return out;
        };
        return Values{list("user") + list("group"), list("verb"), list("resource")};
    }, [this](Values v) {
        auto complete = [this](QLineEdit *e, const QStringList &values) {
            auto *c = new QCompleter(values, e);
            c->setCaseSensitivity(Qt::CaseInsensitive);
            c->setFilterMode(Qt::MatchContains);
            delete e->completer();
            e->setCompleter(c);
        };
        complete(m_user, v.users);
        complete(m_verb, v.verbs);
        complete(m_resource, v.resources);
    });
}

void AuditWidget::chooseFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Add audit files"), QString(),
        tr("Audit logs (*.log *.json *.jsonl *.gz *.log.*);;All files (*)"));
    if (!files.isEmpty() && m_log)
        m_log->addFiles(files);
}

void AuditWidget::chooseExport()
{
    QString selected;
    const QString jsonl = tr("JSON lines (*.jsonl)");
    const QString csv = tr("CSV (*.csv)");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the events shown"), QStringLiteral("audit-events.jsonl"),
                                                      jsonl + QStringLiteral(";;") + csv, &selected);
    if (path.isEmpty())
        return;
    exportTo(path, selected == csv || path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive));
}

void AuditWidget::exportTo(const QString &path, bool csv)
{
    if (!m_log || !m_model)
        return;
    m_export->setEnabled(false);
    const qint64 n = m_model->rowCount();
    m_log->exportRows(m_model->rowIds(), path, csv, this, [this, path, n](QString error) {
        m_export->setEnabled(true);
        m_status->setText(!error.isEmpty() ? error : tr("%n event(s) exported to %1", nullptr, int(n)).arg(path));
        emit exported(path, error);
    });
}

void AuditWidget::showCurrent()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid() || !m_log) {
        clearDetail();
        return;
    }
    const RowId id = m_model->rowId(current.row());
    m_detailTarget = AuditEventModel::treeTargetOf(m_model->rowText(current.row()));
    m_openInTree->setEnabled(m_detailTarget.has_value());
    m_openInTree->setToolTip(m_detailTarget ? tr("Select %1 in the main window's tree").arg(m_detailTarget->name)
                                            : tr("The tree shows no node for this object"));
    const quint64 request = ++m_detailRequest;
    m_log->readEvent(id, this, [this, id, request](kube::Result<AuditEvent> event) {
        if (request != m_detailRequest)
            return;  // the user moved on
        showEvent(id, event);
    });
}

void AuditWidget::clearDetail(const QString &why)
{
    ++m_detailRequest;
    m_detailId = -1;
    m_detailTarget.reset();
    m_openInTree->setEnabled(false);
    m_fields->clear();
    m_request->setPlainText(why);
    m_response->clear();
    m_json->clear();
}

void AuditWidget::showEvent(RowId id, const kube::Result<AuditEvent> &result)
{
    m_fields->clear();
    if (!result) {
        m_detailId = qint64(id);
        m_request->clear();
        m_response->clear();
        m_json->clear();
        new QTreeWidgetItem(m_fields, {tr("Error"), qs(result.error().describe())});
        emit detailShown(qint64(id));
        return;
    }
    const AuditEvent &e = *result;
    auto add = [this](const QString &field, const QString &value) {
        if (!value.isEmpty())
            new QTreeWidgetItem(m_fields, {field, value});
    };
    auto join = [](const std::vector<std::string> &v) {
        QStringList out;
        for (const auto &s : v)
            out << qs(s);
        return out.join(QStringLiteral(", "));
    };
    add(tr("Time"), AuditEventModel::formatTime(e.timeMs));
    if (e.stageTimeMs)
        add(tr("Stage time"), AuditEventModel::formatTime(e.stageTimeMs));
    add(tr("Source"), QString::fromLatin1(toString(e.source)));
    add(tr("Audit ID"), qs(e.auditId));
    add(tr("Stage"), QString::fromLatin1(toString(e.stage)));
    add(tr("Level"), QString::fromLatin1(toString(e.level)));
    add(tr("Verb"), qs(e.verb));
    add(tr("Request URI"), qs(e.requestUri));
    add(tr("User"), qs(e.username));
    add(tr("Groups"), join(e.groups));
    add(tr("Impersonated user"), qs(e.impersonatedUser));
    add(tr("Source IPs"), join(e.sourceIps));
    add(tr("User agent"), qs(e.userAgent));
    add(tr("Resource"), qs(e.resource));
    add(tr("Subresource"), qs(e.subresource));
    add(tr("API group"), qs(e.apiGroup));
    add(tr("API version"), qs(e.apiVersion));
    add(tr("Namespace"), qs(e.ns));
    add(tr("Name"), qs(e.name));
    const QString workspace = qs(e.workspace.empty() ? m_log->index().workspaceOf(id) : e.workspace);
    add(tr("Workspace"), workspace);
    add(tr("Code"), e.code ? QString::number(e.code) : QString());
    add(e.source == SourceKind::KubeEvents ? tr("Message") : tr("Status message"), qs(e.statusMessage));
    add(tr("Decision"), QString::fromLatin1(toString(e.decision)));
    add(tr("Reason"), qs(e.decisionReason));
    if (e.source == SourceKind::Journal) {
        add(tr("Plan"), qs(e.summary));
        add(tr("Cluster"), qs(e.cluster));
        add(tr("Context"), qs(e.context));
        add(tr("Dry run"), e.dryRun ? tr("yes") : tr("no"));
        add(tr("Outcome"), qs(e.outcome));
    }
    if (e.annotations.is_object())
        for (auto it = e.annotations.begin(); it != e.annotations.end(); ++it)
            add(qs(it.key()), it->is_string() ? qs(it->get<std::string>()) : qs(it->dump()));
    add(tr("File"), qs(m_log->index().rowText(id).file));
    const QString level = QString::fromLatin1(toString(e.level));
    m_request->setPlainText(!e.requestObject.is_null() ? pretty(e.requestObject)
                            : e.source == SourceKind::KubeApiserver || e.source == SourceKind::KubeSphere
                                ? tr("Not recorded: the event's level is %1 (the request object is kept at Request and "
                                     "RequestResponse).").arg(level.isEmpty() ? tr("unknown") : level)
                                : tr("This source records no request object."));
    m_response->setPlainText(!e.responseObject.is_null() ? pretty(e.responseObject)
                             : e.source == SourceKind::KubeApiserver || e.source == SourceKind::KubeSphere
                                 ? tr("Not recorded: the event's level is %1 (the response object is kept at "
                                      "RequestResponse).").arg(level.isEmpty() ? tr("unknown") : level)
                                 : tr("This source records no response object."));
    m_json->setPlainText(pretty(e.raw));
    m_detailId = qint64(id);
    emit detailShown(qint64(id));
}

QString AuditWidget::detailValue(const QString &field) const
{
    for (int i = 0; i < m_fields->topLevelItemCount(); ++i)
        if (m_fields->topLevelItem(i)->text(0) == field)
            return m_fields->topLevelItem(i)->text(1);
    return {};
}
