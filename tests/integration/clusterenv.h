// Access to the devcluster that the CTest fixture started: kubeconfigs, clients for any
// identity, the devcluster binary (user, compact) and kubectl as an independent peer.
#pragma once

#include "kubeclient/api/client.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <memory>
#include <string>
#include <vector>

namespace clusterenv {

std::string stateDir();
QString devclusterBin();
std::string kubeconfigPath(const std::string &user = "admin");

// TransportConfig of the current context of a kubeconfig file, through kubeclient's loader.
kube::Result<kube::TransportConfig> transportFor(const std::string &kubeconfig);
// A client for a kubeconfig; on failure the error text is in *error and nullptr returned.
std::unique_ptr<kube::Client> clientFor(const std::string &kubeconfig, std::string *error = nullptr);

// Issues a client certificate for NAME in GROUPS (devcluster user) and returns its kubeconfig.
std::string addUser(const std::string &name, const std::vector<std::string> &groups = {});

struct ProcessResult {
    int exitCode = -1;
    QByteArray out, err;
};
// Runs a program to completion (kubectl, devcluster) with KUBECONFIG set to `kubeconfig`.
ProcessResult run(const QString &program, const QStringList &args, const std::string &kubeconfig = {},
                  const QByteArray &stdinData = {}, int timeoutMs = 120000);
// The same with the child's whole environment given.
ProcessResult runWithEnvironment(const QString &program, const QStringList &args, const QProcessEnvironment &env,
                                 const QByteArray &stdinData = {}, int timeoutMs = 120000);

// A name unique to this test run: "<prefix>-<random>".
std::string uniqueName(const std::string &prefix);

} // namespace clusterenv
