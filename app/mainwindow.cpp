// MainWindow: wiring only. Sessions feed the tree model and the status bar; the selection
// feeds the detail panel and the actions; actions open plan dialogs. Nothing here talks to
// the network: sessions, permission checks and plan runners do that on worker threads.
#include "mainwindow.h"

#include "models/accesschecker.h"
#include "applogging.h"
#include "appsettings.h"
#include "views/clusterstatuswidget.h"
#include "models/clustersession.h"
#include "views/detailpanel.h"
#include "views/execapprovaldialog.h"
#include "models/execapprover.h"
#include "views/importkubeconfigdialog.h"
#include "models/kubeconfigcontextmodel.h"
#include "views/navigatorwidget.h"
#include "models/nodedetails.h"
#include "views/plandialog.h"
#include "views/projectdialog.h"
#include "models/tenancytreemodel.h"
#include "views/userdialog.h"
#include "views/workspacedialog.h"

#include "kubeclient/kubeconfig/kubeconfig.h"

#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFormLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeView>

using namespace kube::tenancy;

MainWindow::MainWindow(Options options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(options)
    , m_settings(std::make_unique<AppSettings>())
    , m_approver(new ExecApprover(this))
    , m_model(new TenancyTreeModel(this))
    , m_navigator(new NavigatorWidget(m_model, this))
    , m_details(new DetailPanel(this))
    , m_splitter(new QSplitter(this))
    , m_actions(new TenancyActions(this))
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
    connect(m_navigator, &NavigatorWidget::currentChanged, this, &MainWindow::onCurrentChanged);
    connect(m_navigator, &NavigatorWidget::contextMenuRequested, this, [this](const QModelIndex &index, const QPoint &pos) {
        if (!index.isValid())
            return;
        QMenu menu(this);
        m_actions->fillContextMenu(&menu);
        if (index.data(TenancyTreeModel::KindRole).toInt() == int(NodeKind::Cluster))
            menu.addMenu(modeMenu(sessionFor(index), &menu));
        if (!menu.isEmpty())
            menu.exec(pos);
    });
    connect(m_actions, &TenancyActions::triggered, this, &MainWindow::onAction);
    // A model change can remove the selected node (deleted): the panel then says so.
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] { QMetaObject::invokeMethod(this, &MainWindow::onCurrentChanged, Qt::QueuedConnection); });

    if (options.persist) {
        restoreGeometry(m_settings->windowGeometry());
        restoreState(m_settings->windowState());
        m_splitter->restoreState(m_settings->splitterState());
    }
}

MainWindow::~MainWindow()
{
    // Sessions stop their watches here, while the window (their receiver) still exists.
    qDeleteAll(m_sessions);
    m_sessions.clear();
}

void MainWindow::buildMenus()
{
    auto A = [this](TenancyActions::Id id) { return m_actions->action(id); };
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *import = file->addAction(QIcon(QStringLiteral(":/icons/cluster.svg")), tr("&Import kubeconfig…"), this,
                                      &MainWindow::showImportDialog);
    import->setShortcut(QKeySequence::Open);
    file->addSeparator();
    file->addAction(A(TenancyActions::Reconnect));
    file->addAction(A(TenancyActions::PinNamespaces));
    file->addAction(A(TenancyActions::Disconnect));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *tenancy = menuBar()->addMenu(tr("&Tenancy"));
    tenancy->setToolTipsVisible(true);
    for (auto id : {TenancyActions::NewWorkspace, TenancyActions::NewProject, TenancyActions::NewUser})
        tenancy->addAction(A(id));
    tenancy->addSeparator();
    for (auto id : {TenancyActions::EditWorkspace, TenancyActions::DeleteWorkspace, TenancyActions::DeleteProject,
                    TenancyActions::EditUser, TenancyActions::EnableUser, TenancyActions::DisableUser,
                    TenancyActions::DeleteUser})
        tenancy->addAction(A(id));
    tenancy->addSeparator();
    tenancy->addAction(A(TenancyActions::CopyName));
    tenancy->addAction(A(TenancyActions::CopyPath));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *filter = view->addAction(tr("&Filter…"), m_navigator, &NavigatorWidget::focusFilter);
    filter->setShortcut(QKeySequence::Find);
    view->addAction(tr("&Expand all"), m_navigator->treeView(), &QTreeView::expandAll);
    view->addAction(tr("&Collapse all"), m_navigator->treeView(), &QTreeView::collapseAll);
    view->addSeparator();
    const QStringList tabNames{tr("&Overview"), tr("&Members"), tr("&Access"), tr("&Roles"), tr("&Quotas"), tr("&Network"), tr("&YAML")};
    const NodeDetails::Tab tabs[] = {NodeDetails::OverviewTab, NodeDetails::MembersTab, NodeDetails::BindingsTab,
                                     NodeDetails::RolesTab, NodeDetails::QuotasTab, NodeDetails::NetworkTab,
                                     NodeDetails::YamlTab};
    for (int i = 0; i < tabNames.size(); ++i) {
        QAction *a = view->addAction(tabNames[i], this, [this, t = tabs[i]] { m_details->showTab(t); });
        a->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)));
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Tenantry"), this, [this] {
        QMessageBox::about(this, tr("About Tenantry"),
                           tr("<b>Tenantry %1</b><p>Administer Kubernetes multi-tenancy in the KubeSphere model, "
                              "straight against kube-apiserver.</p>")
                               .arg(QApplication::applicationVersion()));
    });

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(import);
    bar->addSeparator();
    for (auto id : {TenancyActions::NewWorkspace, TenancyActions::NewProject, TenancyActions::NewUser})
        bar->addAction(A(id));

    // F2 / Delete act on the tree's node (their shortcut context is the tree).
    for (auto id : {TenancyActions::EditWorkspace, TenancyActions::DeleteWorkspace, TenancyActions::DeleteProject,
                    TenancyActions::EditUser, TenancyActions::DeleteUser})
        m_navigator->treeView()->addAction(A(id));
}

ClusterSession *MainWindow::addConnection(const ConnectionSpec &requested, bool remember)
{
    ConnectionSpec spec = requested;
    if (spec.context.isEmpty()) {
        // Name the cluster by the kubeconfig's current context (a small local file, no network).
        auto config = kube::Kubeconfig::loadFromEnvironment(spec.kubeconfig.toStdString());
        if (config && !config->currentContext().empty())
            spec.context = QString::fromStdString(config->currentContext());
    }
    for (ClusterSession *s : std::as_const(m_sessions))
        if (s->spec().sameTarget(spec)) {
            m_navigator->selectPath(s->id());
            return s;
        }
    auto *session = new ClusterSession(spec, m_approver);
    // Ids are unique in the window: the same context name from two files gets a suffix.
    QString id = spec.displayName();
    for (int n = 2; this->session(id); ++n)
        id = QStringLiteral("%1 (%2)").arg(spec.displayName()).arg(n);
    session->setId(id);
    m_sessions << session;
    m_model->addCluster(id);
    auto *status = new ClusterStatusWidget(id, this);
    m_statusWidgets.insert(session, status);
    statusBar()->clearMessage();
    statusBar()->addPermanentWidget(status);
    connect(status, &ClusterStatusWidget::clicked, this, [this](const QString &clusterId) { m_navigator->selectPath(clusterId); });
    connect(session, &ClusterSession::outlineChanged, this, [this, session] { onOutlineChanged(session); });
    connect(session, &ClusterSession::statusChanged, this, [this, session] { onStatusChanged(session); });
    connect(session, &ClusterSession::loadedChanged, this, [this] {
        trySelectPending();
        if (allLoaded() && !m_announcedLoaded) {
            m_announcedLoaded = true;
            emit allSessionsLoaded();
        }
    });
    if (remember && m_options.persist)
        m_settings->saveConnection(spec);
    qCInfo(lcApp) << "connecting to" << id;
    session->start();
    onStatusChanged(session);
    updateTitle();
    if (m_sessions.size() == 1 && !m_navigator->currentSourceIndex().isValid())
        m_navigator->selectPath(id);
    return session;
}

void MainWindow::removeConnection(ClusterSession *session)
{
    if (!m_sessions.contains(session))
        return;
    m_sessions.removeAll(session);
    if (auto *w = m_statusWidgets.take(session)) {
        statusBar()->removeWidget(w);
        w->deleteLater();
    }
    m_model->removeCluster(session->id());
    if (m_options.persist)
        m_settings->removeConnection(session->spec());
    m_actions->setContext(contextFor(m_navigator->currentSourceIndex()));
    delete session;
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
    QStringList connected;
    for (ClusterSession *s : std::as_const(m_sessions))
        connected << s->spec().context;
    ImportKubeconfigDialog dialog(m_approver, m_options.persist ? m_settings->lastKubeconfig() : QString(), connected, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (m_options.persist)
        m_settings->setLastKubeconfig(dialog.model()->file());
    for (const auto &spec : dialog.connections())
        addConnection(spec, true);
}

ClusterSession *MainWindow::session(const QString &id) const
{
    for (ClusterSession *s : m_sessions)
        if (s->id() == id)
            return s;
    return nullptr;
}

ClusterSession *MainWindow::sessionFor(const QModelIndex &sourceIndex) const
{
    return sourceIndex.isValid() ? session(sourceIndex.data(TenancyTreeModel::ClusterRole).toString()) : nullptr;
}

bool MainWindow::allLoaded() const
{
    if (m_sessions.isEmpty())
        return false;
    for (ClusterSession *s : m_sessions)
        if (!s->loaded() && s->status().state != SessionStatus::State::Failed)
            return false;
    return true;
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
    return c;
}

void MainWindow::onCurrentChanged()
{
    m_actions->setContext(contextFor(m_navigator->currentSourceIndex()));
    showDetails();
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
    NodeDetails d = NodeDetails::build(s->snapshot(), node->kind(), node->name(), node->scope());
    if (node->kind() == NodeKind::Cluster) {
        const SessionStatus &st = s->status();
        QList<QPair<QString, QString>> head{
            {tr("Context"), s->spec().context.isEmpty() ? tr("(current context)") : s->spec().context},
            {tr("Kubeconfig"), s->spec().kubeconfig.isEmpty() ? tr("$KUBECONFIG or ~/.kube/config") : s->spec().kubeconfig},
            {tr("Server"), st.server},
            {tr("State"), SessionStatus::toString(st.state) + (st.stale ? tr(" (showing the last known state)") : QString())
                              + (st.message.isEmpty() ? QString() : QStringLiteral(": ") + st.message)},
            {tr("Identity"), st.identity + (st.groups.isEmpty() ? QString() : tr(" (groups: %1)").arg(st.groups.join(QStringLiteral(", "))))},
            {tr("Mode"), st.mode.isEmpty() ? QString() : st.mode + QStringLiteral(" — ") + st.modeReason},
            {tr("Tenancy API"), st.flavor},
            {tr("KubeSphere version"), st.kubesphereVersion.isEmpty() ? tr("none detected") : st.kubesphereVersion},
        };
        if (st.limited())
            head.append({tr("Limited view"), tr("may not list %1").arg(st.forbiddenKinds.join(QStringLiteral(", ")))});
        if (!st.hint.isEmpty())
            head.append({tr("What to do"), st.hint});
        if (!st.reachableNamespaces.isEmpty())
            head.append({tr("Reachable namespaces"), st.reachableNamespaces.join(QStringLiteral(", "))});
        d.overview = head + d.overview;
    }
    m_details->setDetails(d);
}

void MainWindow::onOutlineChanged(ClusterSession *session)
{
    QElapsedTimer merge;
    merge.start();
    m_model->setOutline(session->id(), session->outline());
    qCDebug(lcApp) << session->id() << "tree merge:" << merge.elapsed() << "ms";
    const QModelIndex current = m_navigator->currentSourceIndex();
    if (current.isValid() && current.data(TenancyTreeModel::ClusterRole).toString() == session->id()) {
        // The node's flags (disabled user...) may have changed: actions follow.
        m_actions->setContext(contextFor(current));
        showDetails();
    }
    trySelectPending();
}

void MainWindow::onStatusChanged(ClusterSession *session)
{
    m_model->setClusterStatus(session->id(), session->status());
    if (auto *w = m_statusWidgets.value(session))
        w->setStatus(session->status());
    const QModelIndex current = m_navigator->currentSourceIndex();
    if (current.isValid() && current.data(TenancyTreeModel::ClusterRole).toString() == session->id()) {
        m_actions->setContext(contextFor(current));
        if (current.data(TenancyTreeModel::KindRole).toInt() == int(NodeKind::Cluster))
            showDetails();
    }
}

void MainWindow::selectWhenAvailable(const QString &path)
{
    m_pendingSelection = path;
    trySelectPending();
}

void MainWindow::trySelectPending()
{
    if (m_pendingSelection.isEmpty())
        return;
    if (m_navigator->selectPath(m_pendingSelection))
        m_pendingSelection.clear();
}

void MainWindow::updateTitle()
{
    setWindowTitle(m_sessions.isEmpty() ? tr("Tenantry")
                                        : tr("Tenantry — %n cluster(s)", nullptr, int(m_sessions.size())));
}

void MainWindow::openDialog(PlanDialog *dialog, const QString &selectAfter)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!selectAfter.isEmpty())
        connect(dialog, &PlanDialog::applied, this, [this, selectAfter] { selectWhenAvailable(selectAfter); });
    m_lastDialog = dialog;
    dialog->open();
    emit dialogOpened(dialog);
}

void MainWindow::onAction(TenancyActions::Id id, const NodeContext &c)
{
    ClusterSession *s = c.session;
    if (!s)
        return;
    auto needs = [&](PlanDialog *d) {
        if (auto q = m_actions->permissionFor(id))
            d->setRequiredPermission(s->access(), *q);
    };
    switch (id) {
    case TenancyActions::NewWorkspace: {
        auto *d = new WorkspaceDialog(new PlanRunner(s), s->snapshot(), {}, this);
        needs(d);
        connect(d, &PlanDialog::applied, this, [this, d, s] {
            selectWhenAvailable(s->id() + QStringLiteral("/Workspaces/") + d->nameEdit()->text().trimmed());
        });
        openDialog(d);
        break;
    }
    case TenancyActions::EditWorkspace: {
        auto *d = new WorkspaceDialog(new PlanRunner(s), s->snapshot(), c.name, this);
        needs(d);
        openDialog(d);
        break;
    }
    case TenancyActions::NewProject: {
        const QString ws = c.kind == NodeKind::Workspace ? c.name : c.scope;
        auto *d = new ProjectDialog(new PlanRunner(s), s->snapshot(), ws, this);
        needs(d);
        connect(d, &PlanDialog::applied, this, [this, d, s] {
            const QString w = d->workspaceBox()->currentData().toString();
            const QString name = d->nameEdit()->text().trimmed();
            selectWhenAvailable(w.isEmpty() ? s->id() + QStringLiteral("/Projects without workspace/") + name
                                            : s->id() + QStringLiteral("/Workspaces/") + w + QLatin1Char('/') + name);
        });
        openDialog(d);
        break;
    }
    case TenancyActions::NewUser: {
        auto *d = new UserDialog(new PlanRunner(s), s->snapshot(), {}, this);
        needs(d);
        connect(d, &PlanDialog::applied, this, [this, d, s] {
            selectWhenAvailable(s->id() + QStringLiteral("/Platform/Users/") + d->nameEdit()->text().trimmed());
        });
        openDialog(d);
        break;
    }
    case TenancyActions::EditUser: {
        auto *d = new UserDialog(new PlanRunner(s), s->snapshot(), c.name, this);
        needs(d);
        openDialog(d);
        break;
    }
    case TenancyActions::DeleteWorkspace: {
        auto *d = new PlanDialog(new PlanRunner(s), tr("Delete workspace %1").arg(c.name), this);
        auto *propagation = new QComboBox;
        propagation->addItem(tr("Keep its projects (they leave the workspace)"), QString());
        propagation->addItem(tr("Delete its projects too (foreground)"), QStringLiteral("Foreground"));
        propagation->addItem(tr("Delete its projects too (background)"), QStringLiteral("Background"));
        auto *form = new QWidget;
        auto *layout = new QFormLayout(form);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addRow(tr("Projects:"), propagation);
        d->setForm(form);
        d->setDescription(tr("Deletes workspace <b>%1</b> with its roles and member bindings.").arg(c.name.toHtmlEscaped()));
        const std::string name = c.name.toStdString();
        d->setOperationFactory([name, propagation](QString *) -> PlanRunner::Operation {
            const std::string p = propagation->currentData().toString().toStdString();
            return [name, p](Planner &planner) { return planner.deleteWorkspace(name, p); };
        });
        connect(propagation, &QComboBox::currentIndexChanged, d, &PlanDialog::formChanged);
        d->setPreviewOnOpen(true);
        needs(d);
        openDialog(d);
        break;
    }
    case TenancyActions::DeleteProject:
    case TenancyActions::DeleteUser:
    case TenancyActions::EnableUser:
    case TenancyActions::DisableUser: {
        const std::string name = c.name.toStdString();
        QString title, text;
        PlanRunner::Operation op;
        if (id == TenancyActions::DeleteProject) {
            title = tr("Delete project %1").arg(c.name);
            text = tr("Deletes the namespace <b>%1</b> and everything in it.").arg(c.name.toHtmlEscaped());
            op = [name](Planner &p) { return p.deleteProject(name); };
        } else if (id == TenancyActions::DeleteUser) {
            title = tr("Delete user %1").arg(c.name);
            text = tr("Deletes the user <b>%1</b> and the bindings that name them.").arg(c.name.toHtmlEscaped());
            op = [name](Planner &p) { return p.deleteUser(name); };
        } else {
            const bool enable = id == TenancyActions::EnableUser;
            title = (enable ? tr("Enable user %1") : tr("Disable user %1")).arg(c.name);
            text = enable ? tr("The user <b>%1</b> may log in again.").arg(c.name.toHtmlEscaped())
                          : tr("The user <b>%1</b> can no longer log in; their bindings stay.").arg(c.name.toHtmlEscaped());
            op = [name, enable](Planner &p) { return p.setUserEnabled(name, enable); };
        }
        auto *d = new PlanDialog(new PlanRunner(s), title, this);
        d->setDescription(text);
        d->setOperationFactory([op](QString *) { return op; });
        d->setPreviewOnOpen(true);
        needs(d);
        openDialog(d);
        break;
    }
    case TenancyActions::Reconnect:
        s->reconnect();
        break;
    case TenancyActions::PinNamespaces: {
        bool ok = false;
        const QString text = QInputDialog::getText(
            this, tr("Pin namespaces"),
            tr("Namespaces to show for %1 even when this identity may not list namespaces (comma-separated):").arg(s->id()),
            QLineEdit::Normal, s->spec().pinnedNamespaces.join(QStringLiteral(", ")), &ok);
        if (!ok)
            break;
        QStringList pins;
        for (const QString &p : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (!p.trimmed().isEmpty())
                pins << p.trimmed();
        s->setPinnedNamespaces(pins);
        if (m_options.persist)
            m_settings->saveConnection(s->spec());
        s->reconnect();
        break;
    }
    case TenancyActions::Disconnect:
        removeConnection(s);
        break;
    case TenancyActions::CopyName:
        QGuiApplication::clipboard()->setText(c.name);
        break;
    case TenancyActions::CopyPath:
        QGuiApplication::clipboard()->setText(m_navigator->currentSourceIndex().data(TenancyTreeModel::PathRole).toString());
        break;
    case TenancyActions::IdCount:
        break;
    }
}

QMenu *MainWindow::modeMenu(ClusterSession *session, QWidget *parent)
{
    // Detected by default; the user may say otherwise, and the status bar then says "set by you".
    auto *menu = new QMenu(tr("Tenancy &mode"), parent);
    if (!session)
        return menu;
    auto *group = new QActionGroup(menu);
    const QList<QPair<QString, QString>> modes{{QString(), tr("&Detect")},
                                               {QStringLiteral("kubesphere"), tr("&KubeSphere (its controllers act)")},
                                               {QStringLiteral("standalone"), tr("&Standalone (Tenantry acts)")}};
    QPointer<ClusterSession> guard(session);
    for (const auto &[value, text] : modes) {
        QAction *a = menu->addAction(text);
        a->setCheckable(true);
        a->setChecked(session->spec().modeOverride == value);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, guard, value = value] {
            if (!guard || guard->spec().modeOverride == value)
                return;
            guard->setModeOverride(value);
            if (m_options.persist)
                m_settings->saveConnection(guard->spec());
            guard->reconnect();
        });
    }
    return menu;
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
