// Helpers shared by the GUI tests against the devcluster: seeding a tenancy through the
// tenancy engine, many namespaces at once, kubectl, and stopping/resuming kube-apiserver.
#pragma once

#include "clusterenv.h"

#include "kubeclient/kubesphere/mode.h"
#include "kubeclient/tenancy/plan/plan.h"
#include "kubeclient/tenancy/plan/planner.h"

#include <QAbstractItemModel>
#include <QString>

#include <nlohmann/json.hpp>

class QWidget;

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace guitest {

// The tenancy of the devcluster as the admin sees it.
kube::tenancy::ClusterTenancy tenancy(kube::Client &admin);

// Plans and applies one operation as the admin; the error text on failure (empty: applied).
std::string apply(kube::Client &admin, const std::function<kube::Result<kube::tenancy::Plan>(kube::tenancy::Planner &)> &op);

struct Seed {
    std::string sfx;
    std::string userA, userB, ws1, ws2, p1, p2, p3;
};
// Users A and B, ws1 (manager A) with p1 and p2, ws2 with p3; names end in a unique suffix.
Seed seedTenancy(kube::Client &admin, std::string *error);

// The admin's client with a fresh seed (seedTenancy); null with *error saying why.
std::unique_ptr<kube::Client> adminWithSeed(Seed *seed, std::string *error);

// Creates namespaces in parallel (label kubesphere.io/workspace=ws when ws is set).
bool createNamespaces(kube::Client &admin, const std::vector<std::string> &names, const std::string &ws, std::string *error);

clusterenv::ProcessResult kubectl(const QStringList &args, const std::string &kubeconfig = clusterenv::kubeconfigPath("admin"));
// `kubectl apply -f -` of `yaml` as the admin; false with *error (kubectl's stderr) on failure.
bool kubectlApply(const QByteArray &yaml, QString *error);
// `kubectl ARGS -o json` as the admin, parsed; null when kubectl failed (a discarded value when
// its output was not JSON).
nlohmann::json kubectlJson(const QStringList &args);

// kube-apiserver's pid from $DEVCLUSTER_STATE/cluster.json; 0 when unknown.
int apiServerPid();
// SIGSTOP / SIGCONT: the server stops answering but keeps its sockets (a hung server).
bool pauseApiServer(bool pause);

// A kubeconfig (context "exec@dev") whose user gets credentials from an exec plugin.
std::string writeExecKubeconfig(const std::string &fileName, const std::string &command,
                                const std::vector<std::string> &args, const std::string &installHint = {});

// "name(count)[child,child]" for a subtree, as tst_tenancytreemodel prints it.
QString rowsOf(const QAbstractItemModel &model, const QModelIndex &parent, int depth = 99);

// Where screenshots go: <build>/screenshots.
QString screenshotDir();
// Grabs the widget into <screenshotDir>/<name>.png (a test failure when it cannot be written).
void save(QWidget *w, const QString &name);

} // namespace guitest
