// guitestsupport: seeding goes through the same Planner the app uses, so the tree is checked
// against objects shaped exactly as Tenantry (and KubeSphere's console) writes them.
#include "guitestsupport.h"

#include <QTest>
#include <QWidget>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <atomic>
#include <csignal>
#include <mutex>
#include <thread>

using namespace kube;
using namespace kube::tenancy;

namespace guitest {

ClusterTenancy tenancy(Client &admin)
{
    auto t = detectTenancy(admin);
    return t ? *t : ClusterTenancy{};
}

std::string apply(Client &admin, const std::function<Result<Plan>(Planner &)> &op)
{
    Planner planner(admin, tenancy(admin), "devcluster-admin");
    auto plan = op(planner);
    if (!plan)
        return plan.error().describe();
    auto report = PlanExecutor(admin).run(*plan);
    if (!report.complete())
        return report.summary(*plan);
    return {};
}

Seed seedTenancy(Client &admin, std::string *error)
{
    Seed s;
    s.sfx = clusterenv::uniqueName("g").substr(2);
    s.userA = "gui-a-" + s.sfx;
    s.userB = "gui-b-" + s.sfx;
    s.ws1 = "gws1-" + s.sfx;
    s.ws2 = "gws2-" + s.sfx;
    s.p1 = "gp1-" + s.sfx;
    s.p2 = "gp2-" + s.sfx;
    s.p3 = "gp3-" + s.sfx;
    auto step = [&](const std::function<Result<Plan>(Planner &)> &op) {
        if (!error->empty())
            return;
        *error = apply(admin, op);
    };
    for (const auto &u : {s.userA, s.userB})
        step([u](Planner &p) { return p.createUser({u, u + "@example.com", "Passw0rdPassw0rd", "", "", ""}, "platform-regular"); });
    step([&](Planner &p) {
        WorkspaceSpec w;
        w.name = s.ws1;
        w.manager = s.userA;
        w.alias = "GUI one";
        return p.createWorkspace(w);
    });
    step([&](Planner &p) {
        WorkspaceSpec w;
        w.name = s.ws2;
        return p.createWorkspace(w);
    });
    for (const auto &[proj, ws] : {std::pair{s.p1, s.ws1}, std::pair{s.p2, s.ws1}, std::pair{s.p3, s.ws2}})
        step([proj, ws](Planner &p) { return p.createProject({proj, ws, "", ""}); });
    step([&](Planner &p) { return p.setMember(MemberScope::project(s.p1), s.userB, "viewer"); });
    return s;
}

std::unique_ptr<Client> adminWithSeed(Seed *seed, std::string *error)
{
    auto admin = clusterenv::clientFor(clusterenv::kubeconfigPath("admin"), error);
    if (!admin)
        return nullptr;
    *seed = seedTenancy(*admin, error);
    if (!error->empty())
        return nullptr;
    return admin;
}

bool createNamespaces(Client &, const std::vector<std::string> &names, const std::string &ws, std::string *error)
{
    // A client of its own without the client-side rate limit (50 qps would make 2,000
    // namespaces take 40 s); eight writers keep the API server busy.
    auto config = clusterenv::transportFor(clusterenv::kubeconfigPath("admin"));
    if (!config) {
        *error = config.error().describe();
        return false;
    }
    config->qps = 0;
    Client admin(std::move(*config));
    std::atomic<std::size_t> next{0};
    std::mutex m;
    std::vector<std::thread> workers;
    for (int t = 0; t < 8; ++t)
        workers.emplace_back([&] {
            for (std::size_t i = next++; i < names.size(); i = next++) {
                nlohmann::json ns = {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", names[i]}}}};
                if (!ws.empty())
                    ns["metadata"]["labels"]["kubesphere.io/workspace"] = ws;
                auto r = admin.create(TenancyApi::namespaces, {}, ns);
                if (!r && !r.error().isApi(StatusReason::AlreadyExists)) {
                    std::lock_guard lock(m);
                    *error = r.error().describe();
                }
            }
        });
    for (auto &w : workers)
        w.join();
    return error->empty();
}

clusterenv::ProcessResult kubectl(const QStringList &args, const std::string &kubeconfig)
{
    return clusterenv::run(QStringLiteral("kubectl"), args, kubeconfig);
}

bool kubectlApply(const QByteArray &yaml, QString *error)
{
    const auto r = clusterenv::run(QStringLiteral("kubectl"), {QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")},
                                   clusterenv::kubeconfigPath("admin"), yaml);
    if (r.exitCode != 0 && error)
        *error = QString::fromUtf8(r.err);
    return r.exitCode == 0;
}

nlohmann::json kubectlJson(const QStringList &args)
{
    auto r = kubectl(args + QStringList{"-o", "json"});
    if (r.exitCode != 0)
        return nlohmann::json();
    return nlohmann::json::parse(r.out.toStdString(), nullptr, false);
}

int apiServerPid()
{
    QFile f(QString::fromStdString(clusterenv::stateDir()) + QStringLiteral("/cluster.json"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    return QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("pids")).toObject()
        .value(QStringLiteral("kube-apiserver")).toInt();
}

bool pauseApiServer(bool pause)
{
    const int pid = apiServerPid();
    return pid > 0 && ::kill(pid, pause ? SIGSTOP : SIGCONT) == 0;
}

std::string writeExecKubeconfig(const std::string &fileName, const std::string &command,
                                const std::vector<std::string> &args, const std::string &installHint)
{
    auto base = clusterenv::transportFor(clusterenv::kubeconfigPath("admin"));
    if (!base)
        return {};
    std::string argList;
    for (const auto &a : args)
        argList += (argList.empty() ? "\"" : ", \"") + a + "\"";
    const std::string path = clusterenv::stateDir() + "/kubeconfigs/" + fileName;
    QFile out(QString::fromStdString(path));
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    std::string text = "apiVersion: v1\nkind: Config\nclusters:\n- name: dev\n  cluster:\n    server: " + base->server
        + "\n    certificate-authority: " + clusterenv::stateDir() + "/pki/ca.crt\n"
        + "users:\n- name: exec\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1\n"
        + "      command: " + command + "\n      args: [" + argList + "]\n      interactiveMode: Never\n";
    if (!installHint.empty())
        text += "      installHint: \"" + installHint + "\"\n";
    text += "contexts:\n- name: exec@dev\n  context:\n    cluster: dev\n    user: exec\ncurrent-context: exec@dev\n";
    out.write(QByteArray::fromStdString(text));
    return path;
}

QString rowsOf(const QAbstractItemModel &m, const QModelIndex &parent, int depth)
{
    QStringList parts;
    for (int r = 0; r < m.rowCount(parent); ++r) {
        const QModelIndex i = m.index(r, 0, parent);
        QString text = i.data().toString();
        const QString count = m.index(r, 1, parent).data().toString();
        if (!count.isEmpty())
            text += QLatin1Char('(') + count + QLatin1Char(')');
        if (depth > 0 && m.rowCount(i) > 0)
            text += QLatin1Char('[') + rowsOf(m, i, depth - 1) + QLatin1Char(']');
        parts << text;
    }
    return parts.join(QLatin1Char(','));
}

QString screenshotDir()
{
    const QString dir = qEnvironmentVariable("TENANTRY_BINARY_DIR", QStringLiteral(".")) + QStringLiteral("/screenshots");
    QDir().mkpath(dir);
    return dir;
}

void save(QWidget *w, const QString &name)
{
    const QString file = screenshotDir() + QLatin1Char('/') + name + QStringLiteral(".png");
    QVERIFY2(w->grab().save(file), qPrintable(file));
    qInfo("screenshot: %s", qPrintable(file));
}

} // namespace guitest
