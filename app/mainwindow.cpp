// MainWindow: wiring only. Sessions feed the tree model and the status bar; the selection
// feeds the detail panel and the actions; actions open plan dialogs. Nothing here talks to
// the network: sessions, permission checks and plan runners do that on worker threads.
#include "mainwindow.h"

#include "actionhandlers.h"
#include "applogging.h"
#include "appsettings.h"
#include "auditwindow.h"
#include "languages.h"
#include "models/clustersession.h"
#include "models/execapprover.h"
#include "models/kssignin.h"
#include "models/kubeconfigcontextmodel.h"
#include "models/nodedetails.h"
#include "models/tenancytreemodel.h"
#include "models/permissionsource.h"
#include "permissionswindow.h"
#include "trafficwindow.h"
#include "tracewindow.h"
#include "views/tracewidget.h"
#include "views/trafficgraphwidget.h"
#include "views/clusterstatuswidget.h"
#include "views/dashboardwidget.h"
#include "views/detailpanel.h"
#include "views/execapprovaldialog.h"
#include "views/importkubeconfigdialog.h"
#include "views/kssignindialog.h"
#include "views/navigatorwidget.h"

#include <QActionGroup>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QCloseEvent>
#include <QMenu>
#include <QMenuBar>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QVBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeView>

using namespace kube::tenancy;

MainWindow::MainWindow(Options options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(options)
    , m_settings(std::make_unique<AppSettings>())
    , m_theme(new ThemeManager(this))
    , m_approver(new ExecApprover(this))
    , m_model(new TenancyTreeModel(this))
    , m_navigator(new NavigatorWidget(m_model, this))
    , m_details(new DetailPanel(this))
    , m_splitter(new QSplitter(this))
    , m_actions(new TenancyActions(this))
    , m_sessions(new SessionList(m_approver, m_model, this))
    , m_handlers(new ActionHandlers(this, m_sessions, options.persist ? m_settings.get() : nullptr, this))
{
    setWindowTitle(tr("Tenantry"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/dev.tenantry.Tenantry.svg")));
    setObjectName(QStringLiteral("mainWindow"));
    resize(1280, 800);

    m_approver->setApproveAll(options.approveExec);
    if (options.persist)
        m_approver->setApproved(m_settings->approvedExecCommands());
    m_approver->setAsker([this](const kube::ExecApprovalRequest &request, bool *remember) {
        return ExecApprovalDialog::ask(this, request, remember);
    });
    connect(m_approver, &ExecApprover::approvedChanged, this, [this] {
        if (m_options.persist)
            m_settings->setApprovedExecCommands(m_approver->approved());
    });

    m_splitter->addWidget(m_navigator);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({380, 900});
    setCentralWidget(m_splitter);
    statusBar()->showMessage(tr("Not connected. File → Import kubeconfig… adds a cluster."));

    buildMenus();
    connect(m_details->permissions(), &PermissionWorkbenchWidget::openObject, this, [this](const PathObject &object) {
        PermissionsWindow::showObject(m_details->permissions()->workbench(), object, this);
    });
    connect(m_details->permissions(), &PermissionWorkbenchWidget::showInTree, this, [this](const PathObject &object) {
        showPathObject(sessionFor(m_navigator->currentSourceIndex()), object);
    });
    // The Dashboard: a bar opens its workspace or project in the tree, the risk bars the
    // Permissions tab's risk scan of this scope, the recent changes the audit window on the journal.
    connect(m_details, &DetailPanel::currentTabChanged, this, &MainWindow::updateDashboard);
    connect(m_details->dashboard(), &DashboardWidget::openPath, this, &MainWindow::selectWhenAvailable);
    connect(m_details->dashboard(), &DashboardWidget::openRisks, this, [this] {
        m_details->showTab(NodeDetails::PermissionsTab);
        m_details->permissions()->showRisks();
    });
    connect(m_details->dashboard(), &DashboardWidget::openJournal, this, [this] { openAuditWindow(); });
    // Issue 15: "Trace this request…" on a cell of the Permissions tab.
    connect(m_details->permissions(), &PermissionWorkbenchWidget::traceRequested, this,
            [this](const kube::trace::TraceForm &form) { openTraceWindow(form); });
    connect(m_navigator, &NavigatorWidget::currentChanged, this, &MainWindow::onCurrentChanged);
    connect(m_navigator, &NavigatorWidget::contextMenuRequested, this, [this](const QModelIndex &index, const QPoint &pos) {
        if (!index.isValid())
            return;
        QMenu menu(this);
        m_actions->fillContextMenu(&menu);
        if (index.data(TenancyTreeModel::KindRole).toInt() == int(NodeKind::Cluster))
            menu.addMenu(m_handlers->modeMenu(sessionFor(index), &menu));
        if (!menu.isEmpty())
            menu.exec(pos);
    });
    connect(m_navigator, &NavigatorWidget::activated, this, &MainWindow::onActivated);
    connect(m_details, &DetailPanel::selectionChanged, this,
            [this] { m_actions->setContext(contextFor(m_navigator->currentSourceIndex())); });
    connect(m_details, &DetailPanel::roleActivated, this, [this] {
        if (m_actions->action(TenancyActions::EditRole)->isEnabled())
            m_actions->action(TenancyActions::EditRole)->trigger();
    });
    // The Network tab: Enter / double-click edits a policy, Delete deletes it (as its actions allow).
    connect(m_details, &DetailPanel::policyActivated, this, [this] {
        if (m_actions->action(TenancyActions::EditNetworkPolicy)->isEnabled())
            m_actions->action(TenancyActions::EditNetworkPolicy)->trigger();
    });
    connect(m_details, &DetailPanel::policyDeleteRequested, this, [this] {
        if (m_actions->action(TenancyActions::DeleteNetworkPolicy)->isEnabled())
            m_actions->action(TenancyActions::DeleteNetworkPolicy)->trigger();
    });
    m_handlers->install(m_actions);
    // "Audit events…" of a workspace, project or user: the audit window, pre-filtered.
    m_actions->setHandler(TenancyActions::AuditEvents, [this](const NodeContext &c) { openAuditWindow(&c); });
    connect(m_handlers, &ActionHandlers::dialogReady, this, &MainWindow::openDialog);
    connect(m_handlers, &ActionHandlers::selectRequested, this, &MainWindow::selectWhenAvailable);
    connect(m_handlers, &ActionHandlers::disconnectRequested, this, &MainWindow::removeConnection);
    connect(m_sessions, &SessionList::added, this, &MainWindow::onAdded);
    connect(m_sessions, &SessionList::outlineChanged, this, [this](ClusterSession *s) { onSessionChanged(s, true); });
    connect(m_sessions, &SessionList::statusChanged, this, [this](ClusterSession *s) { onSessionChanged(s, false); });
    connect(m_sessions, &SessionList::loadedChanged, this, &MainWindow::trySelectPending);
    // The tree says it is still filling (connect, first lists of a big cluster) after half a
    // second; File → Disconnect stops a cluster that takes too long.
    m_navigator->setLoading([this] { return m_sessions->loading(); },
                            tr("Loading the clusters' tenancy; File → Disconnect stops a cluster that takes too long"));
    for (auto signal : {&SessionList::statusChanged, &SessionList::loadedChanged, &SessionList::added})
        connect(m_sessions, signal, m_navigator, [this] { m_navigator->refreshLoading(); });
    connect(m_sessions, &SessionList::removed, m_navigator, [this] { m_navigator->refreshLoading(); });
    connect(m_sessions, &SessionList::allSessionsLoaded, this, &MainWindow::allSessionsLoaded);
    connect(m_sessions, &SessionList::cachedShown, this, &MainWindow::sessionShownFromCache);
    // KubeSphere account sign-in: File → Sign in to KubeSphere… / Sign out of KubeSphere.
    m_ksSignIn = new KsSignIn(this);
    connect(m_ksSignIn, &KsSignIn::signedOut, this, [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    connect(m_ksSignIn, &KsSignIn::signOutFailed, this,
            [this](const QString &message) { QMessageBox::warning(this, tr("Sign out of KubeSphere"), message); });
    // A model change can remove the selected node (deleted): the panel then says so.
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] { QMetaObject::invokeMethod(this, &MainWindow::onCurrentChanged, Qt::QueuedConnection); });

    if (options.persist) {
        restoreGeometry(m_settings->windowGeometry());
        restoreState(m_settings->windowState());
        m_splitter->restoreState(m_settings->splitterState());
        if (const auto theme = ThemeManager::fromName(m_settings->theme()))
            setTheme(*theme, false);
    }
}

MainWindow::~MainWindow()
{
    // Sessions stop their watches here, while the window (their receiver) still exists.
    delete m_sessions;
}

void MainWindow::buildMenus()
{
    auto A = [this](TenancyActions::Id id) { return m_actions->action(id); };
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *import = file->addAction(QIcon(QStringLiteral(":/icons/cluster.svg")), tr("&Import kubeconfig…"), this,
                                      &MainWindow::showImportDialog);
    import->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Recen&t kubeconfigs"));
    m_recentMenu->setObjectName(QStringLiteral("recentKubeconfigsMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    fillRecentMenu();
    QAction *manifests = file->addAction(tr("Open &manifests…"), this, [this] {
        const QString path = QFileDialog::getExistingDirectory(this, tr("Open a folder of RBAC manifests"));
        if (!path.isEmpty())
            openManifests(path);
    });
    manifests->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    // KubeSphere account sign-in: a session whose identity is a KubeSphere user.
    QAction *ksSignIn = file->addAction(tr("Sign in to &KubeSphere…"), this, [this] { showKsSignInDialog(); });
    ksSignIn->setObjectName(QStringLiteral("actionKsSignIn"));
    ksSignIn->setToolTip(tr("Connect through ks-apiserver with a KubeSphere account (user name and password)"));
    manifests->setToolTip(tr("Analyse the roles and bindings of a folder of YAML/JSON (a GitOps repository) without a "
                             "cluster"));
    file->addSeparator();
    file->addAction(A(TenancyActions::Reconnect));
    file->addAction(A(TenancyActions::PinNamespaces));
    file->addAction(A(TenancyActions::Disconnect));
    m_ksSignOut = file->addAction(tr("Sign &out of KubeSphere"), this, &MainWindow::signOutOfKubeSphere);
    m_ksSignOut->setObjectName(QStringLiteral("actionKsSignOut"));
    m_ksSignOut->setEnabled(false);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setToolTipsVisible(true);
    edit->addAction(A(TenancyActions::Undo));
    edit->addAction(A(TenancyActions::Redo));
    edit->addSeparator();
    edit->addAction(A(TenancyActions::History));

    QMenu *tenancy = menuBar()->addMenu(tr("&Tenancy"));
    tenancy->setToolTipsVisible(true);
    for (auto id : {TenancyActions::NewWorkspace, TenancyActions::NewProject, TenancyActions::NewUser})
        tenancy->addAction(A(id));
    tenancy->addSeparator();
    for (auto id : {TenancyActions::EditWorkspace, TenancyActions::DeleteWorkspace, TenancyActions::EditProject,
                    TenancyActions::MoveProject, TenancyActions::DeleteProject, TenancyActions::EditUser,
                    TenancyActions::EnableUser, TenancyActions::DisableUser, TenancyActions::DeleteUser,
                    TenancyActions::ReleaseFinalizers})
        tenancy->addAction(A(id));
    // The editors of the detail tabs in submenus: one menu of some thirty entries has not
    // letters enough for a mnemonic each (issue 17: every action reachable from the keyboard).
    auto submenu = [&](const QString &title, std::initializer_list<TenancyActions::Id> ids) {
        QMenu *m = tenancy->addMenu(title);
        m->setToolTipsVisible(true);
        for (auto id : ids)
            m->addAction(A(id));
    };
    tenancy->addSeparator();
    submenu(tr("Membe&rs"), {TenancyActions::AddMembers, TenancyActions::ChangeMemberRole, TenancyActions::RemoveMembers});
    submenu(tr("R&oles"), {TenancyActions::NewRole, TenancyActions::EditRole, TenancyActions::CloneRole, TenancyActions::DeleteRole});
    submenu(tr("&Quotas"), {TenancyActions::EditQuota, TenancyActions::EditContainerDefaults, TenancyActions::RemoveQuota});
    submenu(tr("Ne&twork"), {TenancyActions::IsolateNetwork, TenancyActions::NewNetworkPolicy, TenancyActions::EditNetworkPolicy,
                             TenancyActions::DeleteNetworkPolicy});
    tenancy->addSeparator();
    tenancy->addAction(A(TenancyActions::AuditEvents));
    tenancy->addAction(A(TenancyActions::CopyName));
    tenancy->addAction(A(TenancyActions::CopyPath));
    // The cluster's hand-over to KubeSphere (prepare while standalone, finish once it runs).
    tenancy->addSeparator();
    tenancy->addAction(A(TenancyActions::PrepareHandover));
    tenancy->addAction(A(TenancyActions::FinishHandover));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *filter = view->addAction(tr("&Filter…"), m_navigator, &NavigatorWidget::focusFilter);
    filter->setShortcut(QKeySequence::Find);
    view->addAction(tr("&Expand all"), m_navigator->treeView(), &QTreeView::expandAll);
    view->addAction(tr("&Collapse all"), m_navigator->treeView(), &QTreeView::collapseAll);
    // View → Theme: the desktop's, or a forced light or dark one (remembered).
    QMenu *themeMenu = view->addMenu(tr("T&heme"));
    themeMenu->setObjectName(QStringLiteral("themeMenu"));
    m_themeGroup = new QActionGroup(this);
    const std::pair<ThemeManager::Theme, QString> themes[] = {{ThemeManager::Theme::System, tr("&System")},
                                                               {ThemeManager::Theme::Light, tr("&Light")},
                                                               {ThemeManager::Theme::Dark, tr("&Dark")}};
    for (const auto &[theme, label] : themes) {
        QAction *a = themeMenu->addAction(label, this, [this, t = theme] { setTheme(t, true); });
        a->setObjectName(QStringLiteral("actionTheme_") + ThemeManager::name(theme));
        a->setCheckable(true);
        a->setData(ThemeManager::name(theme));
        a->setChecked(theme == m_theme->theme());
        m_themeGroup->addAction(a);
    }
    view->addSeparator();
    const QStringList tabNames{tr("&Overview"), tr("&Members"), tr("Acce&ss"), tr("Ro&les"),             tr("&Quotas"),
                               tr("&Network"),  tr("&YAML"),    tr("Permissions ta&b"), tr("&Dashboard")};
    const NodeDetails::Tab tabs[] = {NodeDetails::OverviewTab, NodeDetails::MembersTab, NodeDetails::BindingsTab,
                                     NodeDetails::RolesTab,    NodeDetails::QuotasTab,  NodeDetails::NetworkTab,
                                     NodeDetails::YamlTab,     NodeDetails::PermissionsTab, NodeDetails::DashboardTab};
    for (int i = 0; i < tabNames.size(); ++i) {
        QAction *a = view->addAction(tabNames[i], this, [this, t = tabs[i]] { m_details->showTab(t); });
        a->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)));
    }
    view->addSeparator();
    QAction *permissions = view->addAction(tr("&Permissions…"), this, &MainWindow::openPermissionsWindow);
    permissions->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    permissions->setToolTip(tr("Who can do what, where, and why: the permission workbench of the selected cluster"));
    QAction *traffic = view->addAction(tr("Allowed &traffic…"), this, &MainWindow::openTrafficWindow);
    traffic->setObjectName(QStringLiteral("actionAllowedTraffic"));
    traffic->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    traffic->setToolTip(tr("Which projects may reach which, as the NetworkPolicies allow: the graph of the selected "
                           "cluster, limited to the selected workspace"));
    // The audit viewer: audit files, Tenantry's journal and the cluster's Events.
    QAction *audit = view->addAction(tr("&Audit…"), this, [this] { openAuditWindow(); });
    audit->setObjectName(QStringLiteral("actionAudit"));
    audit->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    audit->setToolTip(tr("Who did what, when: kube-apiserver and KubeSphere audit logs, Tenantry's journal and the "
                         "cluster's Events, filtered by workspace, project, user, verb and time"));

    // Issue 15: trace one request through authentication, authorization and admission.
    QAction *trace = view->addAction(tr("Trace &request…"), this, [this] { openTraceWindow(); });
    trace->setObjectName(QStringLiteral("actionTraceRequest"));
    trace->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    trace->setToolTip(tr("One request through authentication, impersonation, authorization and admission, checked "
                         "against the server"));

    // View → Language: System, then each shipped language named in itself. The choice is
    // remembered and takes effect at the next start (offered right away).
    view->addSeparator();
    QMenu *language = view->addMenu(tr("Lan&guage"));
    language->setObjectName(QStringLiteral("menuLanguage"));
    auto *languages = new QActionGroup(language);
    const QString chosen = m_options.persist ? m_settings->language() : Languages::current();
    auto addLanguage = [&](const QString &code, const QString &text) {
        QAction *a = language->addAction(text);
        a->setObjectName(QStringLiteral("actionLanguage_") + (code.isEmpty() ? QStringLiteral("system") : code));
        a->setCheckable(true);
        a->setChecked(code == chosen);
        a->setData(code);
        languages->addAction(a);
    };
    addLanguage(QString(), tr("&System"));
    language->addSeparator();
    // Each language named in itself, with a mnemonic a keyboard can type: its own first letter
    // when it starts with one, else its code's ("简体中文 (&Z)").
    for (const auto &l : Languages::shipped()) {
        const bool latin = !l.nativeName.isEmpty() && l.nativeName.front().toLatin1() != 0 && l.nativeName.front().isLetter();
        addLanguage(l.code, latin ? QLatin1Char('&') + l.nativeName
                                  : QStringLiteral("%1 (&%2)").arg(l.nativeName, l.code.left(1).toUpper()));
    }
    connect(languages, &QActionGroup::triggered, this, [this](QAction *a) {
        const QString code = a->data().toString();
        if (m_options.persist)
            m_settings->setLanguage(code);
        if (Languages::resolve(code) == Languages::current())
            return;
        QMessageBox box(QMessageBox::Information, tr("Language"),
                        tr("The new language applies when Tenantry starts again."), QMessageBox::NoButton, this);
        QPushButton *restart = box.addButton(tr("&Restart now"), QMessageBox::AcceptRole);
        box.addButton(tr("&Later"), QMessageBox::RejectRole);
        box.setObjectName(QStringLiteral("languageRestartBox"));
        box.exec();
        if (box.clickedButton() != restart)
            return;
        // The same program and arguments, minus a --lang of this run, so the new choice applies.
        QStringList args = QCoreApplication::arguments().mid(1);
        for (int i = 0; i < args.size(); ++i)
            if (args[i] == QLatin1String("--lang") || args[i].startsWith(QLatin1String("--lang="))) {
                args.remove(i, args[i] == QLatin1String("--lang") && i + 1 < args.size() ? 2 : 1);
                --i;
            }
        if (QProcess::startDetached(QCoreApplication::applicationFilePath(), args))
            close();
        else
            QMessageBox::warning(this, tr("Language"), tr("Tenantry could not start again; please restart it yourself."));
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Tenantry"), this, [this] {
        // Not QMessageBox::about: its text cannot take the focus, so a keyboard user could not
        // select and copy the version, and Tab would have nowhere to go. The text comes first in
        // the Tab order (reading order); Enter and Escape close, as in any message box.
        QDialog box(this);
        box.setWindowTitle(tr("About Tenantry"));
        auto *icon = new QLabel;
        icon->setPixmap(windowIcon().pixmap(64, 64));
        auto *text = new QLabel(tr("<b>Tenantry %1</b><p>Administer Kubernetes multi-tenancy in the KubeSphere model, "
                                   "straight against kube-apiserver.</p>")
                                        .arg(QApplication::applicationVersion())
                                    + tr("<p>Built with Qt %1, running on Qt %2.</p>")
                                          .arg(QLatin1String(QT_VERSION_STR), QLatin1String(qVersion())));
        text->setObjectName(QStringLiteral("aboutText"));
        text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        text->setFocusPolicy(Qt::StrongFocus);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok);
        connect(buttons, &QDialogButtonBox::accepted, &box, &QDialog::accept);
        auto *row = new QHBoxLayout;
        row->addWidget(icon, 0, Qt::AlignTop);
        row->addWidget(text, 1);
        auto *layout = new QVBoxLayout(&box);
        layout->addLayout(row);
        layout->addWidget(buttons);
        buttons->button(QDialogButtonBox::Ok)->setDefault(true);  // once in the dialog: Enter closes
        text->setFocus();
        box.exec();
    });

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(import);
    bar->addSeparator();
    for (auto id : {TenancyActions::NewWorkspace, TenancyActions::NewProject, TenancyActions::NewUser})
        bar->addAction(A(id));

    // F2 / Delete act on the tree's node (their shortcut context is the tree).
    for (auto id : {TenancyActions::EditWorkspace, TenancyActions::DeleteWorkspace, TenancyActions::EditProject,
                    TenancyActions::DeleteProject, TenancyActions::EditUser, TenancyActions::DeleteUser})
        m_navigator->treeView()->addAction(A(id));

    // The Members and Roles tabs carry their editors' actions (bar + context menu).
    m_details->setMemberActions({A(TenancyActions::AddMembers), A(TenancyActions::ChangeMemberRole),
                                 A(TenancyActions::RemoveMembers)});
    m_details->setRoleActions({A(TenancyActions::NewRole), A(TenancyActions::EditRole), A(TenancyActions::CloneRole),
                               A(TenancyActions::DeleteRole)});
    // The Quotas tab carries the quota editors' actions (bar + context menu).
    m_details->setQuotaActions({A(TenancyActions::EditQuota), A(TenancyActions::EditContainerDefaults),
                                A(TenancyActions::RemoveQuota)});
    // The Network tab: the isolation switch and the policy editor's actions.
    m_details->setIsolationAction(A(TenancyActions::IsolateNetwork));
    m_details->setNetworkActions({A(TenancyActions::NewNetworkPolicy), A(TenancyActions::EditNetworkPolicy),
                                  A(TenancyActions::DeleteNetworkPolicy)});
}

ClusterSession *MainWindow::addConnection(const ConnectionSpec &spec, bool remember)
{
    bool created = false;
    ClusterSession *session = m_sessions->add(spec, &created);
    if (!created) {
        m_navigator->selectPath(session->id());
        return session;
    }
    if (remember && m_options.persist)
        m_settings->saveConnection(session->spec());
    return session;
}

void MainWindow::onAdded(ClusterSession *session)
{
    const QString id = session->id();
    // Taken before the cluster node is selected below, which is saved as the new selection.
    if (m_options.persist) {
        const QString last = m_settings->lastSelection(id);
        if (!last.isEmpty() && last != id)
            m_restoreSelection.insert(id, last);
    }
    auto *status = new ClusterStatusWidget(id, this);
    m_statusWidgets.insert(session, status);
    statusBar()->clearMessage();
    statusBar()->addPermanentWidget(status);
    connect(status, &ClusterStatusWidget::clicked, this, [this](const QString &clusterId) { m_navigator->selectPath(clusterId); });
    qCInfo(lcApp) << "connecting to" << id;
    updateTitle();
    if (m_sessions->sessions().size() == 1 && !m_navigator->currentSourceIndex().isValid())
        m_navigator->selectPath(id);
}

void MainWindow::removeConnection(ClusterSession *session)
{
    if (!m_sessions->sessions().contains(session))
        return;
    if (auto *w = m_statusWidgets.take(session)) {
        statusBar()->removeWidget(w);
        w->deleteLater();
    }
    if (m_options.persist)
        m_settings->removeConnection(session->spec());
    m_sessions->remove(session);
    m_actions->setContext(contextFor(m_navigator->currentSourceIndex()));
    updateTitle();
}

bool MainWindow::restoreConnections()
{
    const auto saved = m_settings->connections();
    for (const auto &c : saved)
        addConnection(c, false);
    return !saved.isEmpty();
}

void MainWindow::showImportDialog()
{
    showImportDialogFor(m_options.persist ? m_settings->lastKubeconfig() : QString());
}

void MainWindow::showImportDialogFor(const QString &file)
{
    QStringList connected;
    for (ClusterSession *s : m_sessions->sessions())
        connected << s->spec().context;
    ImportKubeconfigDialog dialog(m_approver, file, connected, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (m_options.persist) {
        m_settings->setLastKubeconfig(dialog.model()->file());
        m_settings->addRecentKubeconfig(dialog.model()->file());
    }
    for (const auto &spec : dialog.connections())
        addConnection(spec, true);
}

ClusterStatusWidget *MainWindow::statusWidget(const QString &clusterId) const
{
    for (auto it = m_statusWidgets.begin(); it != m_statusWidgets.end(); ++it)
        if (it.key()->id() == clusterId)
            return it.value();
    return nullptr;
}

NodeContext MainWindow::contextFor(const QModelIndex &index) const
{
    NodeContext c;
    TenancyNode *node = m_model->nodeForIndex(index);
    if (!node)
        return c;
    c.session = sessionFor(index);
    c.kind = node->kind();
    c.name = node->name();
    c.scope = node->scope();
    c.flags = node->entry().flags;
    c.path = node->path();
    c.members = m_details->selectedMembers();
    c.role = m_details->selectedRole();
    c.policy = m_details->selectedPolicy();
    return c;
}

void MainWindow::onCurrentChanged()
{
    // The panel first: the actions read its selection (none yet on a new node).
    showDetails();
    m_actions->setContext(contextFor(m_navigator->currentSourceIndex()));
    // Allowed-traffic windows of the node's cluster follow the selection.
    const QModelIndex index = m_navigator->currentSourceIndex();
    if (TenancyNode *node = m_model->nodeForIndex(index))
        for (const auto &w : std::as_const(m_trafficWindows))
            if (w && w->session() == sessionFor(index))
                w->followNode(node->kind(), node->name(), node->scope());
    if (ClusterSession *s = sessionFor(index); s && m_options.persist)
        if (TenancyNode *node = m_model->nodeForIndex(index))
            m_settings->setLastSelection(s->id(), node->path());
    updateKsSignOut();
}

void MainWindow::showDetails()
{
    const QModelIndex index = m_navigator->currentSourceIndex();
    TenancyNode *node = m_model->nodeForIndex(index);
    ClusterSession *s = sessionFor(index);
    if (!node || !s) {
        m_details->clear();
        return;
    }
    m_details->setDetails(NodeDetails::build(*s, node->kind(), node->name(), node->scope()));
    updateDashboard();
    // Preset once per node, not on every live update (the user's own choices stay).
    const QString key = s->id() + QLatin1Char('\n') + QString::number(int(node->kind())) + QLatin1Char('\n') + node->name();
    if (key != m_permissionsPreset) {
        m_permissionsPreset = key;
        presetPermissions(m_details->permissions(), s, node);
    }
}

void MainWindow::updateDashboard()
{
    // Only while its tab is shown: its risk chart starts the permission engine, which otherwise
    // starts on first use. Computed off the GUI thread, and only when its node's data changed.
    if (m_details->currentTab() != NodeDetails::DashboardTab)
        return;
    const QModelIndex index = m_navigator->currentSourceIndex();
    TenancyNode *node = m_model->nodeForIndex(index);
    ClusterSession *s = sessionFor(index);
    if (node && s)
        m_details->dashboard()->dashboard()->show(s, node->kind(), node->name());
    else
        m_details->dashboard()->dashboard()->clear();
}

void MainWindow::presetPermissions(PermissionWorkbenchWidget *widget, ClusterSession *session, const TenancyNode *node)
{
    QPointer<ClusterSession> guard(session);
    widget->setSourceProvider(session->id(), [guard]() -> PermissionSource * {
        return guard ? guard->permissions() : nullptr;
    });
    using Scope = PermissionWorkbench::ScopeKind;
    const bool ks = session->tenancy().mode == kube::tenancy::Mode::KubeSphere;
    widget->presetView(ks ? kube::rbac::View::KubeSphere : kube::rbac::View::Kubernetes);
    if (!node)
        return;
    switch (node->kind()) {
    case NodeKind::User:
        widget->presetSubject(node->name());
        widget->presetScope(ks ? Scope::Platform : Scope::Cluster);
        break;
    case NodeKind::Workspace: widget->presetScope(Scope::Workspace, node->name()); break;
    case NodeKind::Project: widget->presetScope(Scope::Project, node->name()); break;
    case NodeKind::Platform: widget->presetScope(ks ? Scope::Platform : Scope::Cluster); break;
    default: widget->presetScope(Scope::Cluster); break;
    }
}

PermissionsWindow *MainWindow::openPermissionsWindow()
{
    const QModelIndex index = m_navigator->currentSourceIndex();
    ClusterSession *s = sessionFor(index);
    if (!s && !sessions().isEmpty())
        s = sessions().front();
    if (!s) {
        QMessageBox::information(this, tr("Permissions"),
                                 tr("Connect a cluster first (File → Import kubeconfig…), or open a folder of manifests "
                                    "(File → Open manifests…)."));
        return nullptr;
    }
    auto *window = new PermissionsWindow(s->permissions(), false, s->id(), this);
    window->setWindowFlag(Qt::Window);
    QPointer<ClusterSession> guard(s);
    connect(window->workbench(), &PermissionWorkbenchWidget::showInTree, this, [this, guard](const PathObject &object) {
        if (guard && showPathObject(guard, object)) {
            raise();
            activateWindow();
        }
    });
    // Issue 15: a cell of this window traces on the window's cluster.
    connect(window->workbench(), &PermissionWorkbenchWidget::traceRequested, this,
            [this, guard](const kube::trace::TraceForm &form) {
                if (guard)
                    openTraceWindow(form, guard);
            });
    presetPermissions(window->workbench(), s, m_model->nodeForIndex(index));
    window->show();
    m_lastPermissions = window;
    return window;
}

bool MainWindow::showPathObject(ClusterSession *session, const PathObject &object)
{
    if (!session)
        return false;
    NodeKind kind = NodeKind::Project;
    QString name = object.ns;
    if (object.kind == QLatin1String("GlobalRole")) {
        kind = NodeKind::PlatformRole;
        name = object.name;
    } else if (object.kind == QLatin1String("ClusterRole")) {
        kind = NodeKind::ClusterRole;
        name = object.name;
    }
    if (name.isEmpty())
        return false;
    const QModelIndex index = m_model->findNode(session->id(), kind, name);
    if (!index.isValid()) {
        statusBar()->showMessage(tr("%1 has no node in the tree").arg(object.text()), 5000);
        return false;
    }
    m_navigator->selectSourceIndex(index);
    return true;
}

TrafficWindow *MainWindow::openTrafficWindow()
{
    const QModelIndex index = m_navigator->currentSourceIndex();
    ClusterSession *s = sessionFor(index);
    if (!s && !sessions().isEmpty())
        s = sessions().front();
    if (!s) {
        QMessageBox::information(this, tr("Allowed traffic"), tr("Connect a cluster first (File → Import kubeconfig…)."));
        return nullptr;
    }
    m_trafficWindows.removeAll(QPointer<TrafficWindow>());
    TrafficWindow *window = nullptr;
    for (const auto &w : std::as_const(m_trafficWindows))
        if (w && w->session() == s)
            window = w;
    if (!window) {
        window = new TrafficWindow(s, this);
        window->setWindowFlag(Qt::Window);
        QPointer<ClusterSession> guard(s);
        connect(window->widget(), &TrafficGraphWidget::showInTree, this, [this, guard](const QString &ns) {
            if (!guard)
                return;
            const QModelIndex project = m_model->findNode(guard->id(), NodeKind::Project, ns);
            if (!project.isValid()) {
                statusBar()->showMessage(tr("%1 has no node in the tree").arg(ns), 5000);
                return;
            }
            m_navigator->selectSourceIndex(project);
            raise();
            activateWindow();
        });
        connect(window->widget(), &TrafficGraphWidget::openPolicy, this, [this, guard](const QString &ns, const QString &name) {
            if (guard && showNetworkPolicy(guard, ns, name)) {
                raise();
                activateWindow();
            }
        });
        m_trafficWindows << window;
    }
    if (TenancyNode *node = m_model->nodeForIndex(index); node && sessionFor(index) == s)
        window->followNode(node->kind(), node->name(), node->scope(), true);
    window->show();
    window->raise();
    window->activateWindow();
    return window;
}

TrafficWindow *MainWindow::lastTrafficWindow() const
{
    for (auto it = m_trafficWindows.crbegin(); it != m_trafficWindows.crend(); ++it)
        if (*it)
            return *it;
    return nullptr;
}

// ---- Trace request (issue 15) ------------------------------------------------------------

TraceWindow *MainWindow::openTraceWindow(const std::optional<kube::trace::TraceForm> &form, ClusterSession *session)
{
    const QModelIndex index = m_navigator->currentSourceIndex();
    ClusterSession *s = session ? session : sessionFor(index);
    if (!s && !sessions().isEmpty())
        s = sessions().front();
    if (!s) {
        QMessageBox::information(this, tr("Trace request"), tr("Connect a cluster first (File → Import kubeconfig…)."));
        return nullptr;
    }
    auto *window = new TraceWindow(s, this);
    window->setWindowFlag(Qt::Window);
    if (form) {
        window->traceNow(*form);
    } else if (TenancyNode *node = m_model->nodeForIndex(index); node && node->kind() == NodeKind::Project) {
        // Preset the selected project: the question is most often about it.
        kube::trace::TraceForm preset;
        preset.verb = "create";
        preset.resource = "pods";
        preset.ns = node->name().toStdString();
        preset.view = s->tenancy().mode == kube::tenancy::Mode::KubeSphere ? kube::rbac::View::KubeSphere
                                                                           : kube::rbac::View::Kubernetes;
        window->widget()->setForm(preset);
    }
    window->show();
    window->raise();
    window->activateWindow();
    m_lastTrace = window;
    return window;
}

TraceWindow *MainWindow::lastTraceWindow() const
{
    return m_lastTrace;
}

bool MainWindow::showNetworkPolicy(ClusterSession *session, const QString &ns, const QString &name)
{
    if (!session)
        return false;
    const QModelIndex project = m_model->findNode(session->id(), NodeKind::Project, ns);
    if (!project.isValid()) {
        statusBar()->showMessage(tr("%1 has no node in the tree").arg(ns), 5000);
        return false;
    }
    m_navigator->selectSourceIndex(project);
    m_details->showTab(NodeDetails::NetworkTab);
    // The policy's row in the Network tab's table, when the table lists it.
    if (auto *table = m_details->tab(NodeDetails::NetworkTab)->findChild<QTableView *>()) {
        QAbstractItemModel *model = table->model();
        for (int row = 0; model && row < model->rowCount(); ++row)
            if (model->index(row, 0).data().toString() == name) {
                table->selectRow(row);
                table->scrollTo(model->index(row, 0));
                break;
            }
    }
    return true;
}

PermissionsWindow *MainWindow::lastPermissionsWindow() const
{
    return m_lastPermissions;
}

PermissionsWindow *MainWindow::openManifests(const QString &path)
{
    auto *window = PermissionsWindow::openManifests(path, this);
    window->setWindowFlag(Qt::Window);
    window->show();
    m_lastPermissions = window;
    return window;
}

void MainWindow::onSessionChanged(ClusterSession *session, bool outline)
{
    if (!outline) {
        if (auto *w = m_statusWidgets.value(session))
            w->setStatus(session->status());
    }
    const QModelIndex current = m_navigator->currentSourceIndex();
    if (current.isValid() && current.data(TenancyTreeModel::ClusterRole).toString() == session->id()) {
        // The node's flags (disabled user...) or the identity's access may have changed.
        m_actions->setContext(contextFor(current));
        if (outline || current.data(TenancyTreeModel::KindRole).toInt() == int(NodeKind::Cluster))
            showDetails();
    }
    if (outline)
        trySelectPending();
    if (!outline)
        updateKsSignOut();
}

void MainWindow::onActivated(const QModelIndex &sourceIndex)
{
    // The "Nothing reachable" row is a way out, not a node: Enter or a double-click pins.
    if (sourceIndex.data(TenancyTreeModel::KindRole).toInt() == int(NodeKind::NothingReachable)) {
        m_actions->setContext(contextFor(sourceIndex));
        m_actions->action(TenancyActions::PinNamespaces)->trigger();
    }
}

void MainWindow::selectWhenAvailable(const QString &path)
{
    m_pendingSelection = path;
    trySelectPending();
}

void MainWindow::trySelectPending()
{
    tryRestoreSelections();
    if (m_pendingSelection.isEmpty())
        return;
    if (m_navigator->selectPath(m_pendingSelection))
        m_pendingSelection.clear();
}

void MainWindow::updateTitle()
{
    const int n = int(m_sessions->sessions().size());
    setWindowTitle(n == 0 ? tr("Tenantry") : tr("Tenantry — %n cluster(s)", nullptr, n));
}

void MainWindow::openDialog(PlanDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_lastDialog = dialog;
    dialog->open();
    emit dialogOpened(dialog);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_options.persist) {
        m_settings->setWindowGeometry(saveGeometry());
        m_settings->setWindowState(saveState());
        m_settings->setSplitterState(m_splitter->saveState());
    }
    QMainWindow::closeEvent(event);
}

AuditWindow *MainWindow::openAuditWindow(const NodeContext *node)
{
    // The node's cluster (the selected one's when opened from the menu); none: files only.
    ClusterSession *s = node && node->valid() ? node->session.data() : sessionFor(m_navigator->currentSourceIndex());
    if (!s && !sessions().isEmpty())
        s = sessions().front();
    m_auditWindows.removeAll(QPointer<AuditWindow>());
    AuditWindow *window = nullptr;
    for (const auto &w : std::as_const(m_auditWindows))
        if (w && w->session() == s && w->hasSession() == (s != nullptr))
            window = w;
    if (!window) {
        window = new AuditWindow(s, this);
        window->setWindowFlag(Qt::Window);
        QPointer<ClusterSession> guard(s);
        connect(window, &AuditWindow::showInTree, this, [this, guard](NodeKind kind, const QString &name) {
            if (!guard)
                return;
            const QModelIndex index = m_model->findNode(guard->id(), kind, name);
            if (!index.isValid()) {
                statusBar()->showMessage(tr("%1 has no node in the tree").arg(name), 5000);
                return;
            }
            m_navigator->selectSourceIndex(index);
            raise();
            activateWindow();
        });
        m_auditWindows << window;
    }
    if (node && node->valid())
        window->presetNode(node->kind, node->name, node->scope);
    window->show();
    window->raise();
    window->activateWindow();
    return window;
}

AuditWindow *MainWindow::lastAuditWindow() const
{
    for (auto it = m_auditWindows.crbegin(); it != m_auditWindows.crend(); ++it)
        if (*it)
            return *it;
    return nullptr;
}

// ---- KubeSphere account sign-in ---------------------------------------------------------------

KsSignInDialog *MainWindow::showKsSignInDialog()
{
    if (m_lastKsSignIn) {
        m_lastKsSignIn->raise();
        m_lastKsSignIn->activateWindow();
        return m_lastKsSignIn;
    }
    auto *dialog = new KsSignInDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_lastKsSignIn = dialog;
    // The dialog is the context object: a closed dialog hears nothing more.
    connect(dialog, &KsSignInDialog::signInRequested, dialog, [this, dialog](const KsSignInForm &form) {
        dialog->setBusy(true);
        m_ksSignIn->signIn(form);
    });
    connect(m_ksSignIn, &KsSignIn::failed, dialog, &KsSignInDialog::showError);
    connect(m_ksSignIn, &KsSignIn::signedIn, dialog, [this, dialog](const ConnectionSpec &spec, const QString &user) {
        dialog->accept();
        ClusterSession *session = addConnection(spec, true);
        statusBar()->showMessage(tr("Signed in to KubeSphere as %1.").arg(user), 10000);
        if (session)
            selectWhenAvailable(session->id());
    });
    dialog->open();
    return dialog;
}

void MainWindow::updateKsSignOut()
{
    if (!m_ksSignOut)
        return;
    ClusterSession *session = sessionFor(m_navigator->currentSourceIndex());
    const bool signedIn = session && !session->status().kubesphereUser.isEmpty();
    m_ksSignOut->setEnabled(signedIn);
    m_ksSignOut->setToolTip(signedIn ? tr("Remove %1's token from the keyring and its context, and disconnect")
                                           .arg(session->status().kubesphereUser)
                                     : tr("The selected cluster is not a KubeSphere sign-in"));
}

void MainWindow::signOutOfKubeSphere()
{
    ClusterSession *session = sessionFor(m_navigator->currentSourceIndex());
    if (!session || session->status().kubesphereUser.isEmpty())
        return;
    const SessionStatus status = session->status();
    const QString kubeconfig = session->spec().kubeconfig;
    // The session stops first: nothing may refresh (and store) a token while it is removed.
    removeConnection(session);
    m_ksSignIn->signOut(status.kubesphereServer, status.kubesphereUser, kubeconfig);
}

// ---- Look and feel -------------------------------------------------------------------------

void MainWindow::setTheme(ThemeManager::Theme theme, bool remember)
{
    m_theme->apply(theme);
    for (QAction *a : m_themeGroup->actions())
        a->setChecked(a->data().toString() == ThemeManager::name(theme));
    if (remember && m_options.persist)
        m_settings->setTheme(ThemeManager::name(theme));
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_options.persist ? m_settings->recentKubeconfigs() : QStringList();
    for (const QString &file : files) {
        const bool exists = QFileInfo::exists(file);
        // A file that went away stays listed, disabled and marked, until the list is cleared.
        QAction *a = m_recentMenu->addAction(exists ? file : tr("%1 (missing)").arg(file), this,
                                             [this, file] { showImportDialogFor(file); });
        a->setData(file);
        a->setEnabled(exists);
    }
    if (files.isEmpty()) {
        m_recentMenu->addAction(tr("&No recent kubeconfigs"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    QAction *clear = m_recentMenu->addAction(tr("&Clear list"), this, [this] {
        m_settings->clearRecentKubeconfigs();
        fillRecentMenu();
    });
    clear->setObjectName(QStringLiteral("actionClearRecent"));
}

void MainWindow::tryRestoreSelections()
{
    for (auto it = m_restoreSelection.begin(); it != m_restoreSelection.end();) {
        const QModelIndex current = m_navigator->currentSourceIndex();
        // Only while the user has not chosen a node of their own (a cluster is the default).
        // A selection asked for (--select, a new object) wins too.
        const bool untouched = m_pendingSelection.isEmpty() &&
            (!current.isValid() || current.data(TenancyTreeModel::KindRole).toInt() == int(NodeKind::Cluster));
        if (!session(it.key()) || !untouched) {
            it = m_restoreSelection.erase(it);
            continue;
        }
        const QString path = it.value();
        if (m_navigator->selectPath(path)) {
            qCInfo(lcApp) << "restored the selection" << path;
            it = m_restoreSelection.erase(it);
            continue;
        }
        ++it;
    }
}
