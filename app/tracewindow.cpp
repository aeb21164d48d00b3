// TraceWindow: the model lives with the window; namespaces and users come from the session's
// tenancy snapshot, resource types from discovery (read on a worker).
#include "tracewindow.h"

#include "models/asynctask.h"
#include "models/clustersession.h"
#include "models/tracemodel.h"
#include "views/tracewidget.h"

#include "kubeclient/rbac/resourcecatalog.h"

#include <QMenuBar>

#include <set>

TraceWindow::TraceWindow(ClusterSession *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_model(new TraceModel(this))
    , m_widget(new TraceWidget(m_model))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setObjectName(QStringLiteral("traceWindow"));
    setWindowTitle(tr("Trace request — %1").arg(session->id()));
    setCentralWidget(m_widget);
    m_model->setConnection(session->client(), session->spec().kubeconfig, session->spec().context);
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Close"), QKeySequence::Close, this, &QWidget::close);
    connect(session, &QObject::destroyed, this, &QWidget::close);
    refreshChoices();
    resize(1100, 760);
}

void TraceWindow::traceNow(const kube::trace::TraceForm &form)
{
    m_widget->setForm(form);
    m_widget->runTrace();
}

void TraceWindow::refreshChoices()
{
    if (!m_session)
        return;
    const auto &snapshot = m_session->snapshot();
    std::set<QString> namespaces;
    for (const auto &w : snapshot.workspaces())
        for (const auto &p : snapshot.projects(w.name))
            namespaces.insert(QString::fromStdString(p.name));
    for (const auto &p : snapshot.projectsWithoutWorkspace())
        namespaces.insert(QString::fromStdString(p.name));
    m_widget->setNamespaces(QStringList(namespaces.begin(), namespaces.end()));
    QStringList users;
    for (const auto &u : snapshot.users())
        users << QString::fromStdString(u.name);
    m_widget->setUsers(users);
    auto client = m_session->client();
    if (!client)
        return;
    AsyncTask::run(this, [client] {
        QStringList labels;
        if (client->discovery().ensureLoaded()) {
            const auto catalog = kube::rbac::ResourceCatalog::fromDiscovery(client->discovery());
            for (const auto &e : catalog.entries())
                labels << QString::fromStdString(e.label());
        }
        labels.sort();
        labels.removeDuplicates();
        return labels;
    }, [this](QStringList labels) { m_widget->setResources(labels); });
}
