// clusterenv: the devcluster state folder as the fixture's environment describes it.
#include "clusterenv.h"

#include "kubeclient/kubeconfig/kubeconfig.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>

namespace clusterenv {

std::string stateDir()
{
    return qEnvironmentVariable("DEVCLUSTER_STATE").toStdString();
}

QString devclusterBin()
{
    return qEnvironmentVariable("DEVCLUSTER_BIN");
}

std::string kubeconfigPath(const std::string &user)
{
    return stateDir() + "/kubeconfigs/" + user + ".kubeconfig";
}

kube::Result<kube::TransportConfig> transportFor(const std::string &kubeconfig)
{
    kube::KubeconfigSources sources;
    sources.explicitPath = kubeconfig;
    auto config = kube::Kubeconfig::load(sources);
    if (!config)
        return config.error();
    return config->transportConfig();
}

std::unique_ptr<kube::Client> clientFor(const std::string &kubeconfig, std::string *error)
{
    auto cfg = transportFor(kubeconfig);
    if (!cfg) {
        if (error)
            *error = cfg.error().describe();
        return nullptr;
    }
    return std::make_unique<kube::Client>(std::move(*cfg));
}

std::string addUser(const std::string &name, const std::vector<std::string> &groups)
{
    QStringList args{"user", QString::fromStdString(name)};
    for (const auto &g : groups)
        args << "--group" << QString::fromStdString(g);
    auto r = run(devclusterBin(), args);
    if (r.exitCode != 0)
        qWarning("devcluster user %s failed: %s", name.c_str(), r.err.constData());
    return r.out.trimmed().toStdString();
}

ProcessResult run(const QString &program, const QStringList &args, const std::string &kubeconfig,
                  const QByteArray &stdinData, int timeoutMs)
{
    auto env = QProcessEnvironment::systemEnvironment();
    if (!kubeconfig.empty())
        env.insert("KUBECONFIG", QString::fromStdString(kubeconfig));
    return runWithEnvironment(program, args, env, stdinData, timeoutMs);
}

ProcessResult runWithEnvironment(const QString &program, const QStringList &args, const QProcessEnvironment &env,
                                 const QByteArray &stdinData, int timeoutMs)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    ProcessResult r;
    if (!p.waitForStarted(10000)) {
        r.err = ("could not start " + program).toUtf8();
        return r;
    }
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = (program + " timed out").toUtf8();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

std::string uniqueName(const std::string &prefix)
{
    return prefix + "-" + std::to_string(QRandomGenerator::global()->bounded(100000, 999999));
}

} // namespace clusterenv
