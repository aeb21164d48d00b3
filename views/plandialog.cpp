// PlanDialog: Dry run and Apply plan first when the form changed since the last plan, so the
// user always runs exactly the YAML on screen. Apply asks for confirmation every time.
#include "views/plandialog.h"
#include "views/tonestyle.h"

#include "models/accesschecker.h"
#include "models/clustersession.h"
#include "models/planimpact.h"
#include "views/viewslogging.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QSyntaxHighlighter>
#include <QTabWidget>
#include <QTableView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
// Field lines of the Changes view: added green, removed red, changed amber; write headers bold.
// The sign at the start of each line says the same without colour.
class DiffHighlighter final : public QSyntaxHighlighter
{
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;

protected:
    void highlightBlock(const QString &text) override
    {
        const QString line = text.trimmed();
        QTextCharFormat f;
        if (!text.startsWith(QLatin1Char(' ')) && !line.isEmpty())
            f.setFontWeight(QFont::Bold);
        else if (line.startsWith(QLatin1Char('+')))
            f.setForeground(ThemeColors::text(ThemeColors::Tone::Ok));
        else if (line.startsWith(QLatin1Char('-')))
            f.setForeground(ThemeColors::text(ThemeColors::Tone::Error));
        else if (line.startsWith(QLatin1Char('~')))
            f.setForeground(ThemeColors::text(ThemeColors::Tone::Warning));
        else
            return;
        setFormat(0, int(text.size()), f);
    }
};
} // namespace

PlanDialog::PlanDialog(PlanRunner *runner, const QString &title, QWidget *parent)
    : QDialog(parent)
    , m_runner(runner)
    , m_formHost(new QVBoxLayout)
    , m_description(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_plan(new QPlainTextEdit(this))
    , m_diff(new QPlainTextEdit(this))
    , m_diffLabel(new QLabel(this))
    , m_impactLabel(new QLabel(this))
    , m_escalation(new QLabel(this))
    , m_impactView(new QTableView(this))
    , m_impact(PlanImpact::forSession(runner->session(), this))
    , m_status(new QLabel(this))
    , m_removeFinalizers(new QCheckBox(tr("&Remove the KubeSphere finalizers that would keep these objects Terminating"), this))
{
    setWindowTitle(title);
    setObjectName(QStringLiteral("planDialog"));
    runner->setParent(this);
    m_description->setWordWrap(true);
    m_description->hide();
    m_plan->setReadOnly(true);
    m_plan->setObjectName(QStringLiteral("planYaml"));
    m_plan->setAccessibleName(tr("Writes (YAML)"));
    m_plan->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_plan->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_plan->setPlaceholderText(tr("The exact objects this change writes appear here (Preview)."));
    m_diff->setReadOnly(true);
    m_diff->setObjectName(QStringLiteral("planDiff"));
    m_diff->setAccessibleName(tr("Changes"));
    m_diff->setAccessibleDescription(tr("+ added, − removed, ~ changed; compared with the live objects."));
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_diff->setPlaceholderText(tr("Each object's fields before and after the change appear here (Preview)."));
    auto *highlighter = new DiffHighlighter(m_diff->document());
    // The highlighter's colours come from the theme: highlight again when it changes.
    ToneStyle::follow(m_diff, QStringLiteral("highlight"), [highlighter] { highlighter->rehighlight(); });
    m_diffLabel->setWordWrap(true);
    m_diffLabel->setText(tr("+ added, − removed, ~ changed; compared with the live objects."));
    m_impactLabel->setWordWrap(true);
    m_impactLabel->setObjectName(QStringLiteral("impactSummary"));
    m_impactLabel->setText(tr("Who gains or loses which permissions appears here (Preview)."));
    m_impactView->setObjectName(QStringLiteral("planImpact"));
    m_impactView->setAccessibleName(tr("Impact on permissions"));
    m_impactView->setTabKeyNavigation(false);  // Tab goes on to the buttons, arrows move in the table
    m_impactView->setModel(m_impact->model());
    m_impactView->setSortingEnabled(false);
    m_impactView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_impactView->verticalHeader()->hide();
    m_impactView->setWordWrap(false);
    // Who, where and what fit their text; gains and losses share the rest.
    m_impactView->horizontalHeader()->setStretchLastSection(false);
    m_impactView->horizontalHeader()->setSectionResizeMode(ImpactTableModel::GainedColumn, QHeaderView::Stretch);
    m_impactView->horizontalHeader()->setSectionResizeMode(ImpactTableModel::LostColumn, QHeaderView::Stretch);
    connect(m_impact, &PlanImpact::ready, this, &PlanDialog::onImpact);
    connect(runner, &PlanRunner::diffReady, this, &PlanDialog::onDiff);
    m_escalation->setObjectName(QStringLiteral("planEscalation"));
    m_escalation->setWordWrap(true);
    m_escalation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    ToneStyle::setBox(m_escalation, ThemeColors::Tone::Warning);
    m_escalation->hide();
    connect(runner, &PlanRunner::escalationReady, this, [this](const QString &text) {
        m_escalation->setText(text.isEmpty() ? QString()
                                             : tr("⚠ kube-apiserver is expected to refuse this as privilege escalation:\n%1")
                                                   .arg(text.trimmed()));
        m_escalation->setVisible(!text.isEmpty());
    });

    auto *diffPage = new QWidget(this);
    auto *diffLayout = new QVBoxLayout(diffPage);
    diffLayout->setContentsMargins(0, 0, 0, 0);
    diffLayout->addWidget(m_diffLabel);
    diffLayout->addWidget(m_diff, 1);
    auto *impactPage = new QWidget(this);
    auto *impactLayout = new QVBoxLayout(impactPage);
    impactLayout->setContentsMargins(0, 0, 0, 0);
    impactLayout->addWidget(m_impactLabel);
    impactLayout->addWidget(m_impactView, 1);
    m_tabs->setObjectName(QStringLiteral("planTabs"));
    m_tabs->setAccessibleName(tr("The plan"));
    m_tabs->addTab(m_plan, tr("&Writes (YAML)"));
    m_tabs->addTab(diffPage, tr("C&hanges"));
    m_tabs->addTab(impactPage, tr("I&mpact on permissions"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == ImpactTab)
            computeImpact();
    });
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("planStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(this);
    m_previewButton = buttons->addButton(tr("&Preview"), QDialogButtonBox::ActionRole);
    m_dryRunButton = buttons->addButton(tr("&Dry run"), QDialogButtonBox::ActionRole);
    m_forceButton = buttons->addButton(tr("Apply, taking over &conflicting fields"), QDialogButtonBox::ActionRole);
    // An action, not the accept role: the order reads Preview, Dry run, Apply on every style.
    m_applyButton = buttons->addButton(tr("&Apply"), QDialogButtonBox::ActionRole);
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);
    m_forceButton->hide();
    m_applyButton->setDefault(false);
    m_previewButton->setDefault(true);
    connect(m_previewButton, &QPushButton::clicked, this, &PlanDialog::preview);
    connect(m_dryRunButton, &QPushButton::clicked, this, &PlanDialog::dryRun);
    connect(m_applyButton, &QPushButton::clicked, this, &PlanDialog::apply);
    connect(m_forceButton, &QPushButton::clicked, this, [this] {
        if (confirm(tr("Another field manager owns some of these fields. Take them over and apply?"))) {
            setStatus(tr("Applying (taking over conflicting fields)…"));
            m_runner->execute(false, true);
        }
    });
    // While a plan runs, Close cancels it instead (the dialog stays, saying what was done).
    connect(m_closeButton, &QPushButton::clicked, this, &PlanDialog::reject);
    m_progress.setInterval(100);
    connect(&m_progress, &QTimer::timeout, this, [this] {
        const auto *plan = m_runner->plan();
        if (m_runner->busy() && plan && !plan->writes.empty() && m_executing)
            setStatus(m_executingText + tr(" %1 of %n write(s) done.", nullptr, int(plan->writes.size())).arg(m_runner->writesDone()));
    });

    // Where KubeSphere ran once and its controllers are gone, a delete hangs on their finalizers:
    // the plan says which objects; this choice plans again removing those finalizers first.
    m_removeFinalizers->setObjectName(QStringLiteral("removeFinalizers"));
    m_removeFinalizers->hide();
    connect(m_removeFinalizers, &QCheckBox::toggled, this, [this] {
        formChanged();
        preview();
    });

    connect(runner, &PlanRunner::planned, this, &PlanDialog::onPlanned);
    connect(runner, &PlanRunner::failed, this, &PlanDialog::onFailed);
    connect(runner, &PlanRunner::executed, this, &PlanDialog::onExecuted);
    connect(runner, &PlanRunner::busyChanged, this, &PlanDialog::updateButtons);

    // The form above, the plan below, with a handle between them: a large form (the role
    // editor) and a long plan both get the room the user gives them.
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_description);
    auto *formPane = new QWidget(this);
    formPane->setLayout(m_formHost);
    m_formHost->setContentsMargins(0, 0, 0, 0);
    auto *planPane = new QWidget(this);
    auto *planLayout = new QVBoxLayout(planPane);
    planLayout->setContentsMargins(0, 0, 0, 0);
    planLayout->addWidget(new QLabel(tr("Plan (what will be written):"), planPane));
    planLayout->addWidget(m_escalation);
    planLayout->addWidget(m_tabs, 1);
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("planSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(formPane);
    m_splitter->addWidget(planPane);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_removeFinalizers);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(720, 560);
    updateButtons();
}

void PlanDialog::setDescription(const QString &text)
{
    m_description->setText(text);
    m_description->setVisible(!text.isEmpty());
}

void PlanDialog::setForm(QWidget *form)
{
    m_formHost->addWidget(form);
    // The form is made after the plan's tabs and the buttons, so Qt's focus chain (creation
    // order) runs tabs, buttons, form. Opening with the focus in the form's first field makes
    // Tab read top to bottom, form → plan → buttons, and wrap round (issue 17).
    for (QWidget *w : form->findChildren<QWidget *>()) {
        if ((w->focusPolicy() & Qt::TabFocus) && !w->focusProxy() && w->isEnabledTo(this)) {
            w->setFocus(Qt::TabFocusReason);
            break;
        }
    }
}

void PlanDialog::setOperationFactory(OperationFactory factory)
{
    m_factory = std::move(factory);
}

void PlanDialog::setRequiredPermission(AccessChecker *access, const AccessQuery &query)
{
    m_access = access;
    m_query = query;
    if (access) {
        connect(access, &AccessChecker::changed, this, &PlanDialog::updateButtons);
        access->verdict(query);
    }
    updateButtons();
}

void PlanDialog::setConfirmHook(std::function<bool(const QString &)> hook)
{
    m_confirm = std::move(hook);
}

void PlanDialog::reject()
{
    // Closing (button, Escape, window) while a plan runs cancels it; the dialog stays and says
    // what was done, so the user is never left guessing whether a write went out.
    if (m_runner->busy()) {
        m_runner->cancel();
        setStatus(tr("Cancelling…"));
        return;
    }
    QDialog::reject();
}

void PlanDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (!m_opened && m_previewOnOpen)
        preview();
    m_opened = true;
}

void PlanDialog::formChanged()
{
    m_planFresh = false;
    m_forceButton->hide();
    if (!m_plan->toPlainText().isEmpty())
        setStatus(tr("The form changed: the plan below is out of date (Preview, Dry run or Apply plans again)."),
                  ThemeColors::Tone::Warning);
    updateButtons();
}

void PlanDialog::setStatus(const QString &text, std::optional<ThemeColors::Tone> tone)
{
    ToneStyle::setText(m_status, tone);
    m_status->setText(text);
}

bool PlanDialog::confirm(const QString &question)
{
    if (m_confirm)
        return m_confirm(question);
    return QMessageBox::question(this, windowTitle(), question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        == QMessageBox::Yes;
}

void PlanDialog::updateButtons()
{
    const bool busy = m_runner->busy();
    m_closeButton->setText(busy ? tr("&Cancel") : tr("&Close"));
    if (busy)
        m_progress.start();
    else {
        m_progress.stop();
        m_executing = false;
    }
    m_previewButton->setEnabled(!busy);
    m_dryRunButton->setEnabled(!busy);
    bool allowed = true;
    QString why;
    if (m_access) {
        const auto v = m_access->verdict(m_query);
        allowed = v.answer != AccessChecker::Answer::Denied;
        why = m_access->explain(m_query, v);
    }
    m_applyButton->setEnabled(!busy && allowed);
    m_applyButton->setToolTip(allowed ? QString() : why);
    m_forceButton->setEnabled(!busy && allowed);
}

void PlanDialog::preview() { planThen(Next::Nothing); }
void PlanDialog::dryRun() { planThen(Next::DryRun); }
void PlanDialog::apply()
{
    if (!m_runner->busy() && beforeApply())
        planThen(Next::Apply);
}

void PlanDialog::planThen(Next next)
{
    if (m_runner->busy())
        return;
    m_forceButton->hide();
    if (m_planFresh && m_runner->hasPlan()) {
        m_next = next;
        onPlanned(m_plan->toPlainText(), {});
        return;
    }
    QString problem;
    PlanRunner::Operation op = m_factory ? m_factory(&problem) : PlanRunner::Operation();
    if (!op) {
        setStatus(problem.isEmpty() ? tr("The form is incomplete.") : problem, ThemeColors::Tone::Error);
        return;
    }
    if (m_removeFinalizers->isChecked())
        op = [op = std::move(op)](kube::tenancy::Planner &planner) {
            planner.setFinalizerPolicy(kube::tenancy::FinalizerPolicy::RemoveKubeSphere);
            return op(planner);
        };
    m_next = next;
    setStatus(tr("Planning…"));
    m_runner->preview(std::move(op));
}

void PlanDialog::onPlanned(const QString &yaml, const QString &summary)
{
    const bool fresh = m_plan->toPlainText() != yaml || !m_planFresh;
    m_planFresh = true;
    if (m_plan->toPlainText() != yaml)
        m_plan->setPlainText(yaml);
    const auto *plan = m_runner->plan();
    if (fresh && plan) {
        m_escalation->hide();
        m_diff->setPlainText(tr("Reading the live objects…"));
        // The impact reads every role and binding of the cluster: at once when that data is
        // watched anyway or the tab is open, else when the user opens the tab.
        m_impact->clear();
        m_impactPending = true;
        if (m_impact->dataRunning() || m_tabs->currentIndex() == ImpactTab)
            computeImpact();
        else
            m_impactLabel->setText(tr("Computed when this tab is opened (it reads the cluster's roles and bindings)."));
    }
    if (plan) {
        QStringList held;
        for (const auto &h : plan->heldByFinalizers)
            held << QString::fromStdString(h);
        m_removeFinalizers->setVisible(!held.isEmpty() || m_removeFinalizers->isChecked());
        m_removeFinalizers->setToolTip(held.isEmpty() ? QString()
                                                      : tr("Held by KubeSphere finalizers: %1. Other finalizers stay.")
                                                            .arg(held.join(QStringLiteral(", "))));
    }
    const int writes = plan ? static_cast<int>(plan->writes.size()) : 0;
    QString text = writes == 0 ? tr("Nothing to change: the cluster already matches.")
                                 : tr("%n write(s) planned.", nullptr, writes);
    if (plan && !plan->notes.empty())
        for (const auto &n : plan->notes)
            text += QLatin1Char('\n') + QString::fromStdString(n);
    // Warnings (a quota over the workspace budget, with its numbers) come first and in colour:
    // the plan is allowed, but the user should read them before applying.
    QString warnings;
    if (plan)
        for (const auto &w : plan->warnings)
            warnings += tr("⚠ Warning: %1").arg(QString::fromStdString(w)) + QLatin1Char('\n');
    setStatus(warnings + text, warnings.isEmpty() ? std::nullopt : std::optional(ThemeColors::Tone::Warning));
    if (!summary.isEmpty())
        m_plan->setToolTip(summary);
    const Next next = m_next;
    m_next = Next::Nothing;
    if (writes == 0)
        return;
    if (next == Next::DryRun) {
        m_executingText = tr("Dry run on the server…");
        setStatus(m_executingText);
        m_executing = true;
        m_runner->execute(true);
    } else if (next == Next::Apply) {
        const QString cluster = m_runner->session() ? m_runner->session()->id() : QString();
        const QString who = m_runner->session() ? m_runner->session()->identity() : QString();
        const QString question = tr("Apply %n write(s) to cluster %1 as %2?", nullptr, writes).arg(cluster, who);
        if (!confirm(question)) {
            setStatus(tr("Not applied."));
            return;
        }
        m_executingText = tr("Applying…");
        setStatus(m_executingText);
        m_executing = true;
        m_runner->execute(false);
    }
}

void PlanDialog::onDiff(const QString &text, bool exact)
{
    m_diff->setPlainText(text);
    m_diffLabel->setText(exact ? tr("+ added, − removed, ~ changed: as the server answered the dry run (exact).")
                               : tr("+ added, − removed, ~ changed; compared with the live objects. Fields marked "
                                    "[predicted] are what the client expects; Dry run shows the server's answer."));
}

void PlanDialog::computeImpact()
{
    const auto *plan = m_runner->plan();
    if (!m_impactPending || !plan)
        return;
    m_impactPending = false;
    m_impact->compute(*plan);
    onImpact();
}

void PlanDialog::onImpact()
{
    m_impactLabel->setText(m_impact->summary());
    if (m_impact->state() == PlanImpact::State::Ready)
        for (int c : {ImpactTableModel::SubjectColumn, ImpactTableModel::ScopeColumn, ImpactTableModel::ResourceColumn})
            m_impactView->resizeColumnToContents(c);
}

void PlanDialog::onFailed(const QString &message, const QString &hint)
{
    m_next = Next::Nothing;
    m_planFresh = false;
    m_impactPending = false;
    m_impact->clear();
    setStatus(hint.isEmpty() ? message : message + QLatin1Char('\n') + hint, ThemeColors::Tone::Error);
}

void PlanDialog::onExecuted(bool dryRun, bool ok, const QString &report, const QString &error, bool conflict,
                            int notChecked)
{
    m_plan->setToolTip(report);
    m_executing = false;
    if (!ok) {
        setStatus((dryRun ? tr("Dry run failed: %1") : tr("Apply failed: %1")).arg(error), ThemeColors::Tone::Error);
        if (conflict && !dryRun)
            m_forceButton->show();
        qCInfo(lcViews) << windowTitle() << (dryRun ? "dry run failed" : "apply failed");
        return;
    }
    if (dryRun) {
        if (notChecked == 0)
            setStatus(tr("Dry run passed: the server accepted every write and stored nothing."), ThemeColors::Tone::Ok);
        else
            setStatus(tr("Dry run passed: the server accepted the other writes and stored nothing; %1 into objects "
                         "this plan creates can only be checked once those exist (see the tooltip).")
                          .arg(tr("%n write(s)", nullptr, int(notChecked))),
                      ThemeColors::Tone::Ok);
        return;
    }
    setStatus(tr("Applied."), ThemeColors::Tone::Ok);
    emit applied();
    accept();
}
