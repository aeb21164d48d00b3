// The real window connected to the devcluster's admin, as a user does it from the import
// dialog; header-only because only the GUI tests that link the app need it.
#pragma once

#include "clusterenv.h"
#include "mainwindow.h"
#include "models/connectionspec.h"

#include <QSize>
#include <QString>

#include <memory>

namespace guitest {

// mode: "standalone", "kubesphere", or "" for what the cluster says.
inline std::unique_ptr<MainWindow> openAdminWindow(QSize size = {1280, 800}, const QString &mode = QStringLiteral("standalone"))
{
    MainWindow::Options o;
    o.persist = false;
    auto w = std::make_unique<MainWindow>(o);
    w->resize(size);
    ConnectionSpec spec;
    spec.kubeconfig = QString::fromStdString(clusterenv::kubeconfigPath("admin"));
    spec.context = QStringLiteral("admin@devcluster");
    spec.modeOverride = mode;
    w->addConnection(spec, false);
    w->show();
    return w;
}

} // namespace guitest
