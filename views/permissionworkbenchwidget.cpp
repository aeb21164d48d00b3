// PermissionWorkbenchWidget: controls in, PermissionWorkbench questions out, answers shown.
#include "views/permissionworkbenchwidget.h"
#include "views/busyindicator.h"
#include "views/tonestyle.h"

#include "views/keyboardcontextmenu.h"
#include "views/permissioncelldelegate.h"

#include "kubeclient/core/atomicfile.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using Workbench = PermissionWorkbench;

namespace {

QComboBox *editableCombo(const QString &objectName, const QString &placeholder)
{
    auto *box = new QComboBox;
    box->setObjectName(objectName);
    box->setEditable(true);
    box->setInsertPolicy(QComboBox::NoInsert);
    box->setMinimumContentsLength(16);
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->lineEdit()->setPlaceholderText(placeholder);
    box->completer()->setFilterMode(Qt::MatchContains);
    box->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    box->completer()->setCompletionMode(QCompleter::PopupCompletion);
    return box;
}

QTableView *answerTable(QAbstractItemModel *model, const QString &objectName)
{
    auto *view = new QTableView;
    view->setObjectName(objectName);
    view->setModel(model);
    view->setTabKeyNavigation(false);  // Tab goes on to the next control, arrows move in the table
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
    return view;
}

// Replaces a combo box's items, keeping what is typed in it.
void setItems(QComboBox *box, const QStringList &items)
{
    const QString text = box->currentText();
    QStringList current;
    for (int i = 0; i < box->count(); ++i)
        current << box->itemText(i);
    if (current != items) {
        const QSignalBlocker block(box);
        box->clear();
        box->addItems(items);
        box->setCurrentIndex(-1);
        box->setEditText(text);
    }
}

} // namespace

PermissionWorkbenchWidget::PermissionWorkbenchWidget(QWidget *parent)
    : QWidget(parent)
    , m_workbench(new PermissionWorkbench(this))
    , m_subject(editableCombo(QStringLiteral("permSubject"), tr("me, a user, Group NAME, ServiceAccount NS/NAME")))
    , m_groups(new QLineEdit)
    , m_compare(editableCombo(QStringLiteral("permCompare"), tr("nobody")))
    , m_scopeKind(new QComboBox)
    , m_scopeName(editableCombo(QStringLiteral("permScopeName"), tr("name")))
    , m_view(new QComboBox)
    , m_layout(new QComboBox)
    , m_resource(editableCombo(QStringLiteral("permResource"), tr("resource, e.g. pods")))
    , m_filter(new QLineEdit)
    , m_onlyAllowed(new QCheckBox(tr("Only allowed")))
    , m_onlyRisky(new QCheckBox(tr("Only risky")))
    , m_onlyDiffering(new QCheckBox(tr("Only differing")))
    , m_exportButton(new QToolButton)
    , m_status(new QLabel)
    , m_banner(new QLabel)
    , m_title(new QLabel)
    , m_table(new QTableView)
    , m_typing(new QTimer(this))
{
    setObjectName(QStringLiteral("permissionWorkbench"));
    m_groups->setObjectName(QStringLiteral("permGroups"));
    m_groups->setAccessibleName(tr("Extra groups"));
    m_groups->setPlaceholderText(tr("extra groups, comma separated (as --as-group)"));
    m_scopeKind->setObjectName(QStringLiteral("permScopeKind"));
    m_scopeKind->addItem(tr("Platform"), int(Workbench::ScopeKind::Platform));
    m_scopeKind->addItem(tr("Cluster"), int(Workbench::ScopeKind::Cluster));
    m_scopeKind->addItem(tr("Workspace"), int(Workbench::ScopeKind::Workspace));
    m_scopeKind->addItem(tr("Project"), int(Workbench::ScopeKind::Project));
    m_scopeKind->addItem(tr("All projects"), int(Workbench::ScopeKind::AllProjects));
    m_scopeKind->setCurrentIndex(1);
    m_view->setObjectName(QStringLiteral("permView"));
    m_view->setAccessibleName(tr("View"));
    m_view->addItem(tr("Kubernetes (what kube-apiserver enforces)"), int(kube::rbac::View::Kubernetes));
    m_view->addItem(tr("KubeSphere (what ks-apiserver decides)"), int(kube::rbac::View::KubeSphere));
    m_layout->setObjectName(QStringLiteral("permLayout"));
    m_layout->setAccessibleName(tr("Layout"));
    m_layout->addItem(tr("Resources × verbs"), int(Workbench::Layout::ByResource));
    m_layout->addItem(tr("One resource in every scope"), int(Workbench::Layout::ByProject));
    m_layout->addItem(tr("One resource for every subject"), int(Workbench::Layout::BySubject));
    m_resource->setEnabled(false);
    m_filter->setObjectName(QStringLiteral("permFilter"));
    m_filter->setAccessibleName(tr("Filter rows"));
    m_filter->setPlaceholderText(tr("Filter rows: resource, group, scope, subject"));
    m_filter->setClearButtonEnabled(true);
    m_onlyAllowed->setObjectName(QStringLiteral("permOnlyAllowed"));
    m_onlyRisky->setObjectName(QStringLiteral("permOnlyRisky"));
    m_onlyDiffering->setObjectName(QStringLiteral("permOnlyDiffering"));
    m_onlyDiffering->setToolTip(tr("Cells where the other view, or the compared subject, answers differently"));
    m_status->setObjectName(QStringLiteral("permStatus"));
    m_banner->setObjectName(QStringLiteral("permBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setAutoFillBackground(true);
    m_banner->setMargin(4);
    m_banner->hide();
    m_title->setObjectName(QStringLiteral("permTitle"));
    m_title->setWordWrap(true);
    QFont tf = m_title->font();
    tf.setBold(true);
    m_title->setFont(tf);

    m_exportButton->setObjectName(QStringLiteral("permExport"));
    m_exportButton->setText(tr("Export"));
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(m_exportButton);
    exportMenu->addAction(tr("Export as CSV…"), this, [this] { exportDialog(false); });
    exportMenu->addAction(tr("Export as JSON…"), this, [this] { exportDialog(true); });
    exportMenu->addAction(tr("Copy e&xplanation"), this, &PermissionWorkbenchWidget::copyExplanation);
    m_exportButton->setMenu(exportMenu);

    m_table->setObjectName(QStringLiteral("permMatrix"));
    m_table->setModel(m_workbench->matrixModel());
    m_table->setItemDelegate(new PermissionCellDelegate(m_table));
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    KeyboardContextMenu::install(m_table);
    m_table->verticalHeader()->hide();
    // Fixed row heights: scrolling a million cells never measures a row.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setAccessibleName(tr("Permission matrix"));
    m_table->setAccessibleDescription(tr("Each cell says allowed, denied or unknown; the Menu key asks why and who else can"));
    // Arrows move between cells; Tab goes on to the next control (a matrix has thousands).
    m_table->setTabKeyNavigation(false);
    m_scopeName->setAccessibleName(tr("Scope name"));
    m_resource->setAccessibleName(tr("Resource"));

    auto *controls = new QGridLayout;
    controls->setContentsMargins(0, 0, 0, 0);
    controls->addWidget(new QLabel(tr("&Subject:")), 0, 0);
    controls->addWidget(m_subject, 0, 1);
    controls->addWidget(m_groups, 0, 2, 1, 2);
    controls->addWidget(new QLabel(tr("Compare &with:")), 0, 4);
    controls->addWidget(m_compare, 0, 5);
    controls->addWidget(new QLabel(tr("S&cope:")), 1, 0);
    controls->addWidget(m_scopeKind, 1, 1);
    controls->addWidget(m_scopeName, 1, 2);
    controls->addWidget(m_view, 1, 3);
    controls->addWidget(m_layout, 1, 4);
    controls->addWidget(m_resource, 1, 5);
    qobject_cast<QLabel *>(controls->itemAtPosition(0, 0)->widget())->setBuddy(m_subject);
    qobject_cast<QLabel *>(controls->itemAtPosition(0, 4)->widget())->setBuddy(m_compare);
    qobject_cast<QLabel *>(controls->itemAtPosition(1, 0)->widget())->setBuddy(m_scopeKind);
    controls->setColumnStretch(1, 2);
    controls->setColumnStretch(2, 2);
    controls->setColumnStretch(5, 2);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_filter, 1);
    filters->addWidget(m_onlyAllowed);
    filters->addWidget(m_onlyRisky);
    filters->addWidget(m_onlyDiffering);
    filters->addWidget(m_exportButton);
    filters->addWidget(m_status);
    m_busy = new BusyIndicator([this] { return m_workbench->computing(); }, this);
    m_busy->setObjectName(QStringLiteral("permBusy"));
    m_busy->setCancel([this] { m_workbench->cancel(); }, tr("Cancel computing the permission matrix"));
    m_busy->cancelButton()->setObjectName(QStringLiteral("permCancel"));
    filters->addWidget(m_busy);
    // After a cancel: the matrix shown answers the question before; this asks the current one.
    m_recompute = new QToolButton;
    m_recompute->setObjectName(QStringLiteral("permRecompute"));
    m_recompute->setText(tr("Compute again"));
    m_recompute->setToolTip(tr("The matrix shown answers the question before the cancel: compute the current one"));
    m_recompute->hide();
    connect(m_recompute, &QToolButton::clicked, this, [this] {
        m_recompute->hide();
        m_workbench->recompute();
    });
    filters->addWidget(m_recompute);

    auto *split = new QSplitter(Qt::Vertical);
    split->setObjectName(QStringLiteral("permSplit"));
    split->addWidget(m_table);
    split->addWidget(makeAnswers());
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(controls);
    layout->addLayout(filters);
    layout->addWidget(m_banner);
    layout->addWidget(m_title);
    layout->addWidget(split, 1);
    // The tab must not claim the window's width: combo boxes as wide as their longest entry made
    // the panel's minimum ~1,120 px, which squeezed the main window's tree to its minimum.
    for (QComboBox *box : findChildren<QComboBox *>()) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(6);
    }
    m_status->setSizePolicy(QSizePolicy::Ignored, m_status->sizePolicy().verticalPolicy());

    m_typing->setSingleShot(true);
    m_typing->setInterval(250);
    connect(m_typing, &QTimer::timeout, this, &PermissionWorkbenchWidget::submitQuery);
    auto typed = [this] { m_typing->start(); };
    connect(m_subject, &QComboBox::currentTextChanged, this, typed);
    connect(m_groups, &QLineEdit::textChanged, this, typed);
    connect(m_compare, &QComboBox::currentTextChanged, this, typed);
    connect(m_scopeName, &QComboBox::currentTextChanged, this, typed);
    connect(m_resource, &QComboBox::currentTextChanged, this, typed);
    connect(m_subject->lineEdit(), &QLineEdit::returnPressed, this, &PermissionWorkbenchWidget::submitQuery);
    connect(m_scopeKind, &QComboBox::currentIndexChanged, this, [this] {
        updateScopeNames();
        submitQuery();
    });
    connect(m_view, &QComboBox::currentIndexChanged, this, [this] {
        refreshPickers();
        submitQuery();
    });
    connect(m_layout, &QComboBox::currentIndexChanged, this, [this] {
        const bool transposed = m_layout->currentData().toInt() != int(Workbench::Layout::ByResource);
        m_resource->setEnabled(transposed);
        if (transposed && m_resource->currentText().isEmpty())
            m_resource->setEditText(QStringLiteral("pods"));
        submitQuery();
    });
    connect(m_filter, &QLineEdit::textChanged, this, &PermissionWorkbenchWidget::applyFilter);
    connect(m_onlyAllowed, &QCheckBox::toggled, this, &PermissionWorkbenchWidget::applyFilter);
    connect(m_onlyRisky, &QCheckBox::toggled, this, &PermissionWorkbenchWidget::applyFilter);
    connect(m_onlyDiffering, &QCheckBox::toggled, this, &PermissionWorkbenchWidget::applyFilter);

    connect(m_workbench, &Workbench::computed, this, &PermissionWorkbenchWidget::onComputed);
    connect(m_workbench, &Workbench::computingChanged, this, [this](bool running) {
        if (running) {
            m_status->setText(tr("computing…"));
            m_recompute->hide();
        }
        m_busy->refresh();
        updateBanner();
    });
    connect(m_workbench, &Workbench::cancelled, this, [this] {
        m_status->setText(tr("cancelled"));
        m_recompute->show();
        updateBanner();
    });
    connect(m_workbench, &Workbench::sourceChanged, this, [this] {
        refreshPickers();
        updateBanner();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { onCurrentChanged(current); });
    connect(m_table, &QTableView::customContextMenuRequested, this, &PermissionWorkbenchWidget::showContextMenu);
    auto *copy = new QShortcut(QKeySequence::Copy, m_table);
    copy->setContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QShortcut::activated, this, &PermissionWorkbenchWidget::copyExplanation);
}

QWidget *PermissionWorkbenchWidget::makeAnswers()
{
    m_answers = new QTabWidget;
    m_answers->setObjectName(QStringLiteral("permAnswers"));
    m_answers->setDocumentMode(true);
    m_answers->setAccessibleName(tr("Answers about the selected cell"));

    // Why
    auto *why = new QWidget;
    m_why = new QPlainTextEdit;
    m_why->setObjectName(QStringLiteral("permWhy"));
    m_why->setAccessibleName(tr("Why"));
    m_why->setReadOnly(true);
    m_why->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_why->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_why->setPlaceholderText(tr("Select a cell to see which binding, role and rule decide it."));
    m_paths = new QListWidget;
    m_paths->setObjectName(QStringLiteral("permPathObjects"));
    m_paths->setToolTip(tr("The bindings and roles of the paths: double-click (or Enter) to open one"));
    m_paths->setMaximumWidth(320);
    auto open = [this](QListWidgetItem *item) {
        const int i = m_paths->row(item);
        const auto objects = m_workbench->explanationObjects();
        if (i >= 0 && i < objects.size())
            emit openObject(objects[i]);
    };
    connect(m_paths, &QListWidget::itemActivated, this, open);
    m_paths->setContextMenuPolicy(Qt::CustomContextMenu);
    KeyboardContextMenu::install(m_paths);
    connect(m_paths, &QListWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const int i = m_paths->row(m_paths->itemAt(pos));
        const auto objects = m_workbench->explanationObjects();
        if (i < 0 || i >= objects.size())
            return;
        QMenu menu(this);
        menu.addAction(tr("&Open YAML"), this, [this, o = objects[i]] { emit openObject(o); });
        menu.addAction(tr("&Show in the tree"), this, [this, o = objects[i]] { emit showInTree(o); });
        menu.exec(m_paths->viewport()->mapToGlobal(pos));
    });
    auto *copyButton = new QPushButton(tr("Copy"));
    copyButton->setObjectName(QStringLiteral("permCopyWhy"));
    connect(copyButton, &QPushButton::clicked, this, &PermissionWorkbenchWidget::copyExplanation);
    auto *side = new QVBoxLayout;
    auto *pathsLabel = new QLabel(tr("&Objects on the path:"));
    pathsLabel->setBuddy(m_paths);
    // Item views take no name from a buddy label (QAccessibleTable reads only its own).
    m_paths->setAccessibleName(tr("Objects on the path"));
    side->addWidget(pathsLabel);
    side->addWidget(m_paths, 1);
    side->addWidget(copyButton);
    auto *whyLayout = new QHBoxLayout(why);
    whyLayout->setContentsMargins(0, 0, 0, 0);
    whyLayout->addWidget(m_why, 1);
    whyLayout->addLayout(side);
    m_answers->addTab(why, tr("Why"));

    // Who can
    auto *who = new QWidget;
    m_whoVerb = new QLineEdit;
    m_whoVerb->setObjectName(QStringLiteral("permWhoVerb"));
    m_whoVerb->setPlaceholderText(tr("verb"));
    m_whoVerb->setAccessibleName(tr("Verb"));
    m_whoResource = new QLineEdit;
    m_whoResource->setObjectName(QStringLiteral("permWhoResource"));
    m_whoResource->setPlaceholderText(tr("resource, e.g. pods/exec"));
    m_whoResource->setAccessibleName(tr("Resource"));
    m_whoButton = new QPushButton(tr("Who can?"));
    m_whoButton->setObjectName(QStringLiteral("permWhoAsk"));
    m_whoQuestion = new QLabel(tr("Select a cell, or type a verb and a resource (asked in the scope above)."));
    m_whoQuestion->setObjectName(QStringLiteral("permWhoQuestion"));
    m_whoCanTable = answerTable(m_workbench->whoCanModel(), QStringLiteral("permWhoCan"));
    m_whoCanTable->setAccessibleName(tr("Who can"));
    auto ask = [this] {
        QString error;
        if (!m_workbench->whoCanTyped(m_whoVerb->text(), m_whoResource->text(), &error))
            m_whoQuestion->setText(error);
    };
    connect(m_whoButton, &QPushButton::clicked, this, ask);
    connect(m_whoResource, &QLineEdit::returnPressed, this, ask);
    connect(m_workbench, &Workbench::whoCanReady, this, [this](const QString &question) {
        QString text = tr("Who may %1: %n subject path(s)", nullptr, m_workbench->whoCanModel()->rowCount()).arg(question);
        // Rego policies that were not evaluated (opa not available) or failed: said, not hidden.
        for (const auto &note : m_workbench->whoCanNotes())
            text += QLatin1Char('\n') + note;
        m_whoQuestion->setText(text);
        m_whoCanTable->resizeColumnsToContents();
    });
    auto *whoTop = new QHBoxLayout;
    whoTop->addWidget(m_whoVerb);
    whoTop->addWidget(m_whoResource, 1);
    whoTop->addWidget(m_whoButton);
    auto *whoLayout = new QVBoxLayout(who);
    whoLayout->setContentsMargins(0, 0, 0, 0);
    whoLayout->addLayout(whoTop);
    whoLayout->addWidget(m_whoQuestion);
    whoLayout->addWidget(m_whoCanTable, 1);
    m_answers->addTab(who, tr("Who can"));

    // Risks
    auto *risks = new QWidget;
    m_riskButton = new QPushButton(tr("Scan the scope"));
    m_riskButton->setObjectName(QStringLiteral("permRiskScan"));
    m_riskSummary = new QLabel(tr("Wildcards, secrets, impersonation, escalate/bind, exec, nodes/proxy, webhooks, CRDs."));
    m_riskSummary->setObjectName(QStringLiteral("permRiskSummary"));
    m_riskTable = answerTable(m_workbench->riskModel(), QStringLiteral("permRisks"));
    m_riskTable->setAccessibleName(tr("Risks"));
    connect(m_riskButton, &QPushButton::clicked, m_workbench, &Workbench::scanRisks);
    connect(m_workbench, &Workbench::risksReady, this, [this](int n) {
        m_riskSummary->setText(tr("%n finding(s) in this scope; double-click one to open its binding.", nullptr, n));
        m_riskTable->resizeColumnsToContents();
    });
    connect(m_riskTable, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (const RiskRow *row = m_workbench->riskModel()->rowAt(index.row()))
            emit openObject(PathObject{{}, row->bindingKind, row->bindingNamespace, row->bindingName});
    });
    auto *riskTop = new QHBoxLayout;
    riskTop->addWidget(m_riskButton);
    riskTop->addWidget(m_riskSummary, 1);
    auto *riskLayout = new QVBoxLayout(risks);
    riskLayout->setContentsMargins(0, 0, 0, 0);
    riskLayout->addLayout(riskTop);
    riskLayout->addWidget(m_riskTable, 1);
    m_answers->addTab(risks, tr("Risks"));
    m_riskPage = risks;

    // Verify
    auto *verify = new QWidget;
    m_verifyButton = new QPushButton(tr("Verify with the API server"));
    m_verifyButton->setObjectName(QStringLiteral("permVerify"));
    m_verifyButton->setToolTip(tr("Asks kube-apiserver (SubjectAccessReview) for the shown cells (a spread sample of "
                                  "400 when there are more) and compares"));
    m_verifySummary = new QLabel(tr("Not verified yet."));
    m_verifySummary->setObjectName(QStringLiteral("permVerifySummary"));
    m_verifySummary->setWordWrap(true);
    m_verifyDetails = new QPlainTextEdit;
    m_verifyDetails->setObjectName(QStringLiteral("permVerifyDetails"));
    m_verifyDetails->setReadOnly(true);
    m_verifyDetails->setAccessibleName(tr("Disagreements and errors"));
    connect(m_verifyButton, &QPushButton::clicked, this, [this] {
        m_verifyButton->setEnabled(false);
        m_verifySummary->setText(tr("Asking the API server…"));
        m_workbench->verify();
    });
    connect(m_workbench, &Workbench::verified, this, [this](const Workbench::Verification &v) {
        m_verifyButton->setEnabled(true);
        const bool bad = !v.disagreements.isEmpty() || !v.errors.isEmpty();
        m_verifySummary->setText(v.summary);
        ToneStyle::setText(m_verifySummary, bad ? std::optional(ThemeColors::Tone::Error) : std::nullopt);
        QFont f = m_verifySummary->font();
        f.setBold(bad);
        m_verifySummary->setFont(f);
        m_verifyDetails->setPlainText((v.disagreements + v.errors).join(QLatin1Char('\n')));
        if (bad)
            m_answers->setCurrentIndex(3);
    });
    auto *verifyLayout = new QVBoxLayout(verify);
    verifyLayout->setContentsMargins(0, 0, 0, 0);
    auto *verifyTop = new QHBoxLayout;
    verifyTop->addWidget(m_verifyButton);
    verifyTop->addWidget(m_verifySummary, 1);
    verifyLayout->addLayout(verifyTop);
    verifyLayout->addWidget(m_verifyDetails, 1);
    m_answers->addTab(verify, tr("Verify"));

    connect(m_workbench, &Workbench::explained, this, [this](const QString &text) {
        m_why->setPlainText(text);
        m_paths->clear();
        for (const auto &o : m_workbench->explanationObjects())
            m_paths->addItem(o.text());
    });
    return m_answers;
}

void PermissionWorkbenchWidget::setSource(PermissionSource *source)
{
    if (m_source == source)
        return;
    m_source = source;
    m_active = false;
    if (isVisible())
        activate();
    else
        m_workbench->setSource(nullptr);
}

void PermissionWorkbenchWidget::setSourceProvider(const QString &key, std::function<PermissionSource *()> provider)
{
    if (key == m_providerKey && m_provider)
        return;
    m_providerKey = key;
    m_provider = std::move(provider);
    setSource(nullptr);
    if (isVisible())
        activate();
}

void PermissionWorkbenchWidget::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    activate();
}

void PermissionWorkbenchWidget::activate()
{
    if (!m_source && m_provider)
        m_source = m_provider();
    if (m_active || !m_source)
        return;
    m_active = true;
    submitQuery();
    m_workbench->setSource(m_source);
    refreshPickers();
    updateBanner();
}

void PermissionWorkbenchWidget::presetSubject(const QString &subject)
{
    const QSignalBlocker block(m_subject);
    m_subject->setEditText(subject);
    if (m_active)
        submitQuery();
}

void PermissionWorkbenchWidget::presetScope(PermissionWorkbench::ScopeKind kind, const QString &name)
{
    {
        const QSignalBlocker a(m_scopeKind), b(m_scopeName);
        m_scopeKind->setCurrentIndex(m_scopeKind->findData(int(kind)));
        updateScopeNames();
        m_scopeName->setEditText(name);
    }
    if (m_active)
        submitQuery();
}

void PermissionWorkbenchWidget::presetView(kube::rbac::View view)
{
    {
        const QSignalBlocker block(m_view);
        m_view->setCurrentIndex(m_view->findData(int(view)));
    }
    if (m_active)
        submitQuery();
}

void PermissionWorkbenchWidget::updateScopeNames()
{
    const auto kind = Workbench::ScopeKind(m_scopeKind->currentData().toInt());
    const bool named = kind == Workbench::ScopeKind::Workspace || kind == Workbench::ScopeKind::Project;
    m_scopeName->setEnabled(named);
    setItems(m_scopeName, kind == Workbench::ScopeKind::Workspace ? m_workbench->workspaces()
                          : kind == Workbench::ScopeKind::Project ? m_workbench->projects()
                                                                  : QStringList());
}

void PermissionWorkbenchWidget::refreshPickers()
{
    // Thousands of subjects: the lists are refilled only when the set of subjects changed.
    const QStringList known = m_workbench->knownSubjects();
    if (known != m_shownSubjects) {
        m_shownSubjects = known;
        setItems(m_subject, QStringList{QStringLiteral("me")} + known);
        setItems(m_compare, known);
    }
    setItems(m_resource, m_workbench->resources());
    updateScopeNames();
    // The KubeSphere view and scopes exist only where KubeSphere's IAM API does.
    const bool ks = m_workbench->kubesphere();
    m_view->setEnabled(ks || m_view->currentIndex() != 0);
    m_view->setToolTip(ks ? QString() : tr("No KubeSphere IAM API in this data: only the Kubernetes view applies"));
}

void PermissionWorkbenchWidget::submitQuery()
{
    m_typing->stop();
    Workbench::Query q;
    q.subject = m_subject->currentText().trimmed();
    for (const auto &g : m_groups->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!g.trimmed().isEmpty())
            q.extraGroups << g.trimmed();
    q.compareWith = m_compare->currentText().trimmed();
    q.scope = Workbench::ScopeKind(m_scopeKind->currentData().toInt());
    const bool named = q.scope == Workbench::ScopeKind::Workspace || q.scope == Workbench::ScopeKind::Project;
    q.scopeName = named ? m_scopeName->currentText().trimmed() : QString();
    q.view = kube::rbac::View(m_view->currentData().toInt());
    q.layout = Workbench::Layout(m_layout->currentData().toInt());
    q.resource = m_resource->currentText().trimmed();
    m_onlyDiffering->setEnabled(!q.compareWith.isEmpty() || m_workbench->kubesphere());
    if (!m_active)
        return;
    m_workbench->setQuery(q);
}

void PermissionWorkbenchWidget::applyFilter()
{
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid()) {
        auto *model = m_workbench->matrixModel();
        m_keepScope = model->scopeText(current.row());
        m_keepResource = model->resourceText(current.row());
        m_keepSubject = model->subjectText(current.row());
        m_keepColumn = current.column();
    }
    PermissionMatrixModel::Filter f = m_workbench->matrixModel()->filter();
    f.text = m_filter->text();
    f.onlyAllowed = m_onlyAllowed->isChecked();
    f.onlyRisky = m_onlyRisky->isChecked();
    f.onlyDiffering = m_onlyDiffering->isChecked();
    m_workbench->matrixModel()->setFilter(f);
    onComputed();
}

void PermissionWorkbenchWidget::onComputed()
{
    auto *model = m_workbench->matrixModel();

    const QString error = m_workbench->error();
    m_title->setText(error.isEmpty() ? m_workbench->title() : QString());
    if (model->grid())
        m_status->setText(tr("%1 of %n row(s) · %2 ms", nullptr, int(model->totalRows()))
                              .arg(model->rowCount())
                              .arg(m_workbench->lastComputeMs()));
    else
        m_status->clear();
    updateBanner();
    // Label columns fit their longest text (measured over the few distinct labels, not the
    // rows); verb cells fit their widest word.
    const QFontMetrics fm(m_table->font());
    for (int c = 0; c < model->firstVerbColumn(); ++c) {
        int width = m_table->horizontalHeader()->sectionSizeHint(c);
        for (const QString &label : model->columnLabels(c))
            width = qMax(width, fm.horizontalAdvance(label) + 16);
        m_table->setColumnWidth(c, qMin(width, 320));
    }
    const bool pairs = model->grid() && model->grid()->otherKind == PermissionGrid::Other::Subject;
    const int cell = fm.horizontalAdvance(pairs ? QStringLiteral("? unknown | unknown") : QStringLiteral("? unknown ≠")) + 16;
    for (int c = model->firstVerbColumn(); c < model->columnCount(); ++c)
        m_table->setColumnWidth(c, qMax(cell, fm.horizontalAdvance(model->verbAt(c)) + 16));
    // The selected cell follows the data.
    if (!m_keepResource.isEmpty()) {
        const int row = model->findRow(m_keepScope, m_keepResource, m_keepSubject);
        if (row >= 0 && m_keepColumn >= 0 && m_keepColumn < model->columnCount()) {
            const QModelIndex index = model->index(row, m_keepColumn);
            m_table->setCurrentIndex(index);
            m_table->scrollTo(index);
        }
    }
}

void PermissionWorkbenchWidget::updateBanner()
{
    QStringList lines;
    bool serious = false;
    if (!m_workbench->error().isEmpty()) {
        lines << m_workbench->error();
        serious = true;
    }
    if (m_source && m_source->ready()) {
        const auto snap = m_source->snapshot();
        if (!snap->unreadable.isEmpty()) {
            lines << tr("Could not read: %1. Cells those objects could allow are shown as unknown (?), not denied.")
                         .arg(snap->unreadable.join(QStringLiteral(", ")));
            serious = serious || snap->incomplete;
        }
        for (const auto &w : snap->warnings)
            lines << w;
    } else if (m_source && !m_source->loadError().isEmpty()) {
        lines << m_source->loadError();
        serious = true;
    } else if (m_source) {
        lines << tr("Reading roles and bindings…");
    }
    if (!m_workbench->notice().isEmpty())
        lines << m_workbench->notice();
    if (m_workbench->wasCancelled() && !m_workbench->computing())
        lines << tr("Cancelled: the matrix below still answers the question before (its title says which). Compute "
                    "again answers the current one.");
    m_banner->setVisible(!lines.isEmpty());
    m_banner->setText(lines.join(QLatin1Char('\n')));
    // The banner's fill follows the theme: computed again whenever the palette changes.
    ToneStyle::follow(m_banner, QStringLiteral("banner"), [banner = m_banner, serious] {
        QPalette pal = ToneStyle::basePalette(banner);
        pal.setColor(QPalette::Window, serious ? ThemeColors::background(ThemeColors::Tone::Error, pal)
                                               : pal.color(QPalette::AlternateBase));
        banner->setPalette(pal);
    });
}

void PermissionWorkbenchWidget::onCurrentChanged(const QModelIndex &current)
{
    auto *model = m_workbench->matrixModel();
    if (!current.isValid() || model->verbAt(current.column()).isEmpty())
        return;
    m_keepScope = model->scopeText(current.row());
    m_keepResource = model->resourceText(current.row());
    m_keepSubject = model->subjectText(current.row());
    m_keepColumn = current.column();
    m_workbench->explain(current);
    m_workbench->whoCan(current);
    m_whoVerb->setText(model->verbAt(current.column()));
    m_whoResource->setText(m_keepResource);
}

void PermissionWorkbenchWidget::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_table->indexAt(pos);
    if (!index.isValid() || m_workbench->matrixModel()->verbAt(index.column()).isEmpty())
        return;
    m_table->setCurrentIndex(index);
    QMenu menu(this);
    menu.addAction(tr("&Why?"), this, [this] { m_answers->setCurrentIndex(0); });
    menu.addAction(tr("W&ho else can?"), this, [this] { m_answers->setCurrentIndex(1); });
    menu.addAction(tr("Copy e&xplanation"), this, &PermissionWorkbenchWidget::copyExplanation);
    // Trace this request (issue 15): only where a live cluster can be asked.
    if (auto form = m_workbench->traceForm(index); form && m_source && m_source->live()) {
        QAction *trace = menu.addAction(tr("&Trace this request…"), this, [this, f = *form] { emit traceRequested(f); });
        trace->setObjectName(QStringLiteral("actionTraceCell"));
    }
    menu.addAction(tr("&Copy cell"), this, [this, index] {
        QApplication::clipboard()->setText(index.data(Qt::ToolTipRole).toString());
    });
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

void PermissionWorkbenchWidget::copyExplanation()
{
    QApplication::clipboard()->setText(m_workbench->explanationText());
}

bool PermissionWorkbenchWidget::exportTo(const QString &path, QString *error)
{
    const bool json = path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
    const QString text = json ? m_workbench->exportJson() : m_workbench->exportCsv();
    if (text.isEmpty()) {
        if (error)
            *error = tr("There is no matrix to export yet.");
        return false;
    }
    // Replaced whole or not at all (kubeclient/core/atomicfile), like every file Tenantry writes.
    kube::AtomicWriteOptions options;
    options.newFileMode = 0644;
    options.what = "the export";
    const QByteArray bytes = text.toUtf8();
    if (auto written = kube::writeFileAtomically(path.toStdString(), std::string_view(bytes.constData(), size_t(bytes.size())), options);
        !written) {
        if (error)
            *error = QString::fromStdString(written.error().describe());
        return false;
    }
    return true;
}

void PermissionWorkbenchWidget::exportDialog(bool json)
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the matrix"),
                                                      json ? QStringLiteral("matrix.json") : QStringLiteral("matrix.csv"),
                                                      json ? tr("JSON (*.json)") : tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(path, &error))
        m_status->setText(error);
    else
        m_status->setText(tr("Exported to %1").arg(path));
}

void PermissionWorkbenchWidget::showRisks()
{
    m_answers->setCurrentWidget(m_riskPage);
    m_workbench->scanRisks();
}
