// Layout: the form as a grid above a splitter-free answer area (verdict banner, disagreement
// banner, stage tree with details expanded). Everything the answer says comes from the model.
#include "views/tracewidget.h"
#include "views/tonestyle.h"

#include "models/tracemodel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace {
QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// A row whose label's mnemonic focuses the row's first field.
void addRow(QFormLayout *form, const QString &text, QLayout *fields, QWidget *buddy)
{
    auto *label = new QLabel(text);
    label->setBuddy(buddy);
    form->addRow(label, fields);
}

QComboBox *editableBox(QWidget *parent, const QStringList &items = {})
{
    auto *box = new QComboBox(parent);
    box->setEditable(true);
    box->setInsertPolicy(QComboBox::NoInsert);
    box->addItems(items);
    return box;
}
} // namespace

TraceWidget::TraceWidget(TraceModel *model, QWidget *parent) : QWidget(parent), m_model(model)
{
    auto *form = new QFormLayout;
    m_user = editableBox(this, {QStringLiteral("me")});
    m_user->setObjectName(QStringLiteral("traceUser"));
    m_user->setToolTip(tr("me (the kubeconfig's identity), or a user to impersonate as kubectl --as does"));
    m_groups = new QLineEdit(this);
    m_groups->setObjectName(QStringLiteral("traceGroups"));
    // The second field of a row: the row's label names only the first (issue 17).
    m_groups->setAccessibleName(tr("Groups"));
    m_groups->setPlaceholderText(tr("groups to impersonate, comma-separated (--as-group)"));
    auto *who = new QHBoxLayout;
    who->addWidget(m_user, 1);
    who->addWidget(m_groups, 2);
    addRow(form, tr("&Identity:"), who, m_user);
    m_verb = editableBox(this, {QStringLiteral("get"), QStringLiteral("list"), QStringLiteral("watch"),
                                QStringLiteral("create"), QStringLiteral("update"), QStringLiteral("patch"),
                                QStringLiteral("delete"), QStringLiteral("deletecollection"), QStringLiteral("impersonate"),
                                QStringLiteral("bind"), QStringLiteral("escalate")});
    m_verb->setObjectName(QStringLiteral("traceVerb"));
    m_resource = editableBox(this);
    m_resource->setObjectName(QStringLiteral("traceResource"));
    m_resource->setAccessibleName(tr("Resource"));
    m_resource->lineEdit()->setPlaceholderText(tr("pods, deployments.apps, pods/log or /healthz"));
    auto *what = new QHBoxLayout;
    what->addWidget(m_verb, 1);
    what->addWidget(m_resource, 2);
    addRow(form, tr("&Request:"), what, m_verb);
    m_namespace = editableBox(this);
    m_namespace->setObjectName(QStringLiteral("traceNamespace"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("traceName"));
    m_name->setAccessibleName(tr("Object name"));
    m_name->setPlaceholderText(tr("object name (optional)"));
    auto *where = new QHBoxLayout;
    where->addWidget(m_namespace, 1);
    where->addWidget(m_name, 1);
    addRow(form, tr("&Namespace / name:"), where, m_namespace);
    m_view = new QComboBox(this);
    m_view->setObjectName(QStringLiteral("traceView"));
    m_view->addItem(tr("Kubernetes (kube-apiserver)"), int(kube::rbac::View::Kubernetes));
    m_view->addItem(tr("KubeSphere (ks-apiserver)"), int(kube::rbac::View::KubeSphere));
    m_requests = new QLineEdit(this);
    m_requests->setObjectName(QStringLiteral("traceRequests"));
    m_requests->setAccessibleName(tr("Pod requests"));
    m_requests->setPlaceholderText(tr("creating a pod: cpu=100m,memory=64Mi (else the LimitRange's defaults)"));
    auto *how = new QHBoxLayout;
    how->addWidget(m_view, 1);
    how->addWidget(m_requests, 2);
    addRow(form, tr("&View / pod requests:"), how, m_view);

    m_trace = new QPushButton(tr("&Trace"), this);
    m_trace->setObjectName(QStringLiteral("traceButton"));
    m_trace->setDefault(true);
    auto *copy = new QPushButton(tr("&Copy as text"), this);
    auto *buttons = new QHBoxLayout;
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("traceError"));
    ToneStyle::setText(m_error, ThemeColors::Tone::Error);
    m_error->setWordWrap(true);
    buttons->addWidget(m_error, 1);
    // Long traces (a slow or hung server) say so after half a second and can be stopped.
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("traceBusy"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(160);
    m_busy->hide();
    m_cancel = new QPushButton(tr("Cance&l"), this);
    m_cancel->setObjectName(QStringLiteral("traceCancel"));
    m_cancel->hide();
    m_busyDelay = new QTimer(this);
    m_busyDelay->setSingleShot(true);
    m_busyDelay->setInterval(500);
    connect(m_busyDelay, &QTimer::timeout, this, [this] {
        m_busy->setVisible(m_model->running());
        m_cancel->setVisible(m_model->running());
    });
    connect(m_cancel, &QPushButton::clicked, m_model, &TraceModel::cancel);
    buttons->addWidget(m_busy);
    buttons->addWidget(m_cancel);
    buttons->addWidget(copy);
    buttons->addWidget(m_trace);

    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("traceVerdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_disagreement = new QLabel(this);
    m_disagreement->setObjectName(QStringLiteral("traceDisagreement"));
    m_disagreement->setWordWrap(true);
    // A strong banner: the tone's fill with the text that reads on it, in either theme.
    ToneStyle::follow(m_disagreement, QStringLiteral("banner"), [label = m_disagreement] {
        const QPalette pal = ToneStyle::basePalette(label);
        label->setStyleSheet(QStringLiteral("QLabel { background: %1; color: %2; padding: 6px; font-weight: bold; }")
                                 .arg(ThemeColors::fill(ThemeColors::Tone::Error, pal).name(),
                                      ThemeColors::onFill(ThemeColors::Tone::Error, pal).name()));
    });
    m_disagreement->hide();

    m_stages = new QTreeView(this);
    m_stages->setObjectName(QStringLiteral("traceStages"));
    m_stages->setAccessibleName(tr("Stages of the request"));
    m_stages->setModel(m_model);
    m_stages->setUniformRowHeights(true);
    m_stages->setWordWrap(false);
    m_stages->header()->setStretchLastSection(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_disagreement);
    layout->addWidget(m_verdict);
    layout->addWidget(m_stages, 1);

    connect(m_trace, &QPushButton::clicked, this, &TraceWidget::runTrace);
    connect(copy, &QPushButton::clicked, this, &TraceWidget::copyText);
    for (QLineEdit *edit : {m_groups, m_name, m_requests, m_user->lineEdit(), m_resource->lineEdit(),
                            m_namespace->lineEdit(), m_verb->lineEdit()})
        connect(edit, &QLineEdit::returnPressed, this, &TraceWidget::runTrace);
    connect(m_model, &TraceModel::started, this, [this] {
        setBusy(true);
        m_trace->setEnabled(false);
        m_error->clear();
        m_verdict->setText(tr("Tracing…"));
    });
    connect(m_model, &TraceModel::cancelled, this, [this] {
        setBusy(false);
        m_trace->setEnabled(true);
        m_verdict->setText(tr("Cancelled."));
    });
    connect(m_model, &TraceModel::failed, this, [this](const QString &message) {
        setBusy(false);
        m_trace->setEnabled(true);
        m_verdict->clear();
        m_error->setText(message);
    });
    connect(m_model, &TraceModel::finished, this, &TraceWidget::onFinished);
}

void TraceWidget::setForm(const kube::trace::TraceForm &f)
{
    m_user->setCurrentText(f.user.empty() ? QStringLiteral("me") : qs(f.user));
    QStringList groups;
    for (const auto &g : f.groups)
        groups << qs(g);
    m_groups->setText(groups.join(QStringLiteral(", ")));
    m_verb->setCurrentText(qs(f.verb));
    m_resource->setCurrentText(qs(f.resource));
    m_namespace->setCurrentText(qs(f.ns));
    m_name->setText(qs(f.name));
    m_view->setCurrentIndex(m_view->findData(int(f.view)));
    m_requests->setText(qs(f.requests));
}

kube::trace::TraceForm TraceWidget::form() const
{
    kube::trace::TraceForm f;
    f.user = m_user->currentText().toStdString();
    for (const QString &g : m_groups->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        f.groups.push_back(g.trimmed().toStdString());
    f.verb = m_verb->currentText().toStdString();
    f.resource = m_resource->currentText().toStdString();
    f.ns = m_namespace->currentText().toStdString();
    f.name = m_name->text().toStdString();
    f.view = kube::rbac::View(m_view->currentData().toInt());
    f.requests = m_requests->text().toStdString();
    return f;
}

void TraceWidget::setNamespaces(const QStringList &namespaces)
{
    const QString keep = m_namespace->currentText();
    m_namespace->clear();
    m_namespace->addItem(QString());
    m_namespace->addItems(namespaces);
    m_namespace->setCurrentText(keep);
}

void TraceWidget::setResources(const QStringList &resources)
{
    const QString keep = m_resource->currentText();
    m_resource->clear();
    m_resource->addItems(resources);
    m_resource->setCurrentText(keep);
}

void TraceWidget::setUsers(const QStringList &users)
{
    const QString keep = m_user->currentText();
    m_user->clear();
    m_user->addItem(QStringLiteral("me"));
    m_user->addItems(users);
    m_user->setCurrentText(keep);
}

void TraceWidget::runTrace()
{
    m_model->trace(form());
}

void TraceWidget::setBusy(bool busy)
{
    if (busy) {
        m_busyDelay->start();
        return;
    }
    m_busyDelay->stop();
    m_busy->hide();
    m_cancel->hide();
}

void TraceWidget::onFinished()
{
    setBusy(false);
    m_trace->setEnabled(true);
    const auto &r = m_model->result();
    if (!r)
        return;
    const auto tone = r->verdict == kube::trace::Verdict::Pass   ? ThemeColors::Tone::Ok
                      : r->verdict == kube::trace::Verdict::Fail ? ThemeColors::Tone::Error
                                                                 : ThemeColors::Tone::Muted;
    const QString headline = QStringLiteral("<b>%1 %2</b>").arg(qs(kube::trace::symbol(r->verdict)), qs(r->verdictText).toHtmlEscaped());
    const QString question = qs(r->question.toString()).toHtmlEscaped();
    // Coloured at render time, and again when the theme changes.
    ToneStyle::follow(m_verdict, QStringLiteral("html"), [label = m_verdict, tone, headline, question] {
        label->setText(QStringLiteral("<span style='font-size: large; color: %1'>%2</span><br>%3")
                           .arg(ThemeColors::htmlText(tone, ToneStyle::basePalette(label)), headline, question));
    });
    QStringList lines;
    for (const auto &d : r->disagreements)
        lines << qs(d);
    m_disagreement->setText(tr("Tenantry and the server disagree:\n%1").arg(lines.join(QLatin1Char('\n'))));
    m_disagreement->setVisible(!lines.isEmpty());
    // A detail line spans the row: it is a sentence, not a cell.
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex stage = m_model->index(row, 0);
        for (int line = 0; line < m_model->rowCount(stage); ++line)
            m_stages->setFirstColumnSpanned(line, stage, true);
    }
    m_stages->expandAll();
    m_stages->setColumnWidth(TraceModel::StageColumn, fontMetrics().horizontalAdvance(QStringLiteral("M")) * 30);
    m_stages->setColumnWidth(TraceModel::VerdictColumn, fontMetrics().horizontalAdvance(QStringLiteral("M")) * 12);
}

void TraceWidget::copyText()
{
    if (const auto &r = m_model->result())
        QApplication::clipboard()->setText(qs(r->toText()));
}
