// The audit window on a generated kube-apiserver audit log (default 1,000,000 events, ~1.5 GB,
// written to /tmp and deleted after): time until the first rows are in the table, the whole
// file indexed (with the progress bar running), filters answered by the table model once
// indexed, and the process's resident memory. Offscreen, no cluster.
// usage: bench_auditwindow [EVENTS] [DIR]
#include "benchclock.h"

#include "models/auditeventmodel.h"
#include "models/auditlog.h"
#include "views/auditwidget.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProgressBar>
#include <QTableView>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <random>
#include <string>

namespace {

long rssKb()
{
    std::ifstream f("/proc/self/status");
    std::string key;
    while (f >> key) {
        if (key == "VmRSS:") {
            long kb = 0;
            f >> kb;
            return kb;
        }
        f.ignore(1 << 20, '\n');
    }
    return 0;
}

std::string rfc3339(std::int64_t ms)
{
    const std::time_t s = std::time_t(ms / 1000);
    std::tm tm{};
    gmtime_r(&s, &tm);
    char buf[96];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                  tm.tm_min, tm.tm_sec, int(ms % 1000));
    return buf;
}

// Events shaped like devcluster's (tests/data/auditviewer): users in groups, 200 projects in 20
// workspaces, reads and writes, 2 % denied, one in ten a RequestResponse body of a role.
std::uint64_t generate(const std::string &path, long events)
{
    std::mt19937 rng(15);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    const char *verbs[] = {"get", "list", "watch", "create", "update", "patch", "delete"};
    const char *resources[] = {"pods", "configmaps", "secrets", "deployments", "roles", "rolebindings", "services", "namespaces"};
    const std::int64_t start = 1764900000000;  // 2025-12-05
    std::uint64_t bytes = 0;
    nlohmann::json role = {{"apiVersion", "iam.kubesphere.io/v1beta1"}, {"kind", "Role"},
                           {"metadata", {{"name", "operator"}, {"annotations", {{"kubesphere.io/creator", "system"}}}}},
                           {"rules", nlohmann::json::array()}};
    for (int i = 0; i < 12; ++i)
        role["rules"].push_back({{"apiGroups", {"*"}}, {"resources", {"pods", "deployments", "services", "configmaps"}},
                                 {"verbs", {"get", "list", "watch", "create", "update", "patch"}}});
    const std::string body = role.dump();
    for (long i = 0; i < events; ++i) {
        const int user = int(rng() % 500), project = int(rng() % 200);
        const char *verb = verbs[rng() % 7];
        const char *resource = resources[rng() % 8];
        const bool denied = rng() % 50 == 0;
        const bool withBody = rng() % 10 == 0;
        const std::string ns = "proj-" + std::to_string(project);
        const std::string name = std::string(resource) + "-" + std::to_string(rng() % 1000);
        const std::int64_t t = start + i * 3;  // ~50 minutes of a busy cluster
        std::string line;
        line.reserve(1800);
        line += R"({"kind":"Event","apiVersion":"audit.k8s.io/v1","level":")";
        line += withBody ? "RequestResponse" : "Metadata";
        line += R"(","auditID":"a1b2c3d4-)" + std::to_string(i) + R"(","stage":"ResponseComplete","requestURI":"/api/v1/namespaces/)" + ns
            + "/" + resource + "/" + name + R"(?fieldManager=kubectl-client-side-apply","verb":")" + verb
            + R"(","user":{"username":"user-)" + std::to_string(user) + R"(","groups":["team-)" + std::to_string(user % 40)
            + R"(","system:authenticated"],"extra":{"authentication.kubernetes.io/credential-id":["X509SHA256=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"]}},"sourceIPs":["10.1.)"
            + std::to_string(user % 250) + R"(.7"],"userAgent":"kubectl/v1.32.2 (linux/amd64) kubernetes/67a30c0","objectRef":{"resource":")" + resource
            + R"(","namespace":")" + ns + R"(","name":")" + name + R"(","apiVersion":"v1"},"responseStatus":{"metadata":{},"code":)"
            + (denied ? "403" : "200") + R"(},)";
        if (withBody)
            line += R"("requestObject":)" + body + R"(,"responseObject":)" + body + ",";
        line += R"("requestReceivedTimestamp":")" + rfc3339(t) + R"(","stageTimestamp":")" + rfc3339(t + 2)
            + R"(","annotations":{"authorization.k8s.io/decision":")" + (denied ? "forbid" : "allow")
            + R"(","authorization.k8s.io/reason":")" + (denied ? "" : "RBAC: allowed by RoleBinding \\\"member-" + std::to_string(user) + "/" + ns + "\\\" of ClusterRole \\\"edit\\\" to Group \\\"team-" + std::to_string(user % 40) + "\\\"")
            + R"("}})" + "\n";
        out << line;
        bytes += line.size();
    }
    return bytes;
}

// Runs the event loop until `done` or the timeout; the time it took in ms (-1: timed out).
template <typename Done>
double waitFor(Done done, int timeoutMs = 600000)
{
    const auto start = bench::Clock::now();
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return -1;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return bench::msSince(start);
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const long events = argc > 1 ? std::atol(argv[1]) : 1'000'000;
    const QString dir = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QDir::tempPath();
    const std::string path = (dir + QStringLiteral("/tenantry-bench-audit.log")).toStdString();

    auto genStart = bench::Clock::now();
    const std::uint64_t bytes = generate(path, events);
    const double genMs = bench::msSince(genStart);
    const long rssBefore = rssKb();

    AuditLog log;
    AuditEventModel model(&log);
    AuditWidget widget(&log, &model);
    widget.resize(1280, 860);
    widget.show();

    // First rows shown: from "add file" to rows in the table (and a paint of them).
    const auto t0 = bench::Clock::now();
    log.addFiles({QString::fromStdString(path)});
    const double firstRows = waitFor([&] { return model.rowCount() > 0; });
    widget.table()->viewport()->repaint();
    const double firstShown = bench::msSince(t0);
    int progressUpdates = 0;
    QObject::connect(&log, &AuditLog::progressChanged, [&] { ++progressUpdates; });
    const bool barVisible = widget.progressBar()->isVisible();
    const double indexed = waitFor([&] { return !log.busy(); });
    waitFor([&] { return !model.querying() && model.rowCount() == int(log.rowCount()); });
    const double allRows = bench::msSince(t0);
    const long rssIndexed = rssKb();

    std::printf("| events | file | generate | first rows in the model | first rows painted | whole file indexed | all rows in the table | progress updates | RSS before | RSS indexed |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|---|\n");
    std::printf("| %ld | %.0f MB | %.1f s | %.0f ms | %.0f ms | %.1f s | %.1f s | %d%s | %ld MB | %ld MB |\n", events, double(bytes) / 1e6,
                genMs / 1000, firstRows, firstShown, indexed / 1000, allRows / 1000, progressUpdates,
                barVisible ? " (bar shown)" : " (no bar)", rssBefore / 1024, rssIndexed / 1024);

    // Filters answered by the model (query + histogram on the worker, rows swapped in).
    struct Case {
        const char *name;
        kube::audit::AuditFilter filter;
    };
    std::vector<Case> cases;
    {
        kube::audit::AuditFilter f;
        f.user = "user-42";
        cases.push_back({"user", f});
        f = {};
        f.user = "team-7";
        cases.push_back({"group", f});
        f = {};
        f.verb = "create,update,patch,delete";
        f.ns = "proj-17";
        cases.push_back({"writes in one project", f});
        f = {};
        f.decision = kube::audit::Decision::Denied;
        cases.push_back({"denied", f});
        f = {};
        f.text = "secrets-99";
        cases.push_back({"free text", f});
        f = {};
        f.resource = "roles";
        f.sinceMs = 1764900000000 + events;  // the second half
        cases.push_back({"resource + time range", f});
        f = {};
        cases.push_back({"everything", f});
    }
    std::printf("\n| filter (once indexed) | rows | answered in the table | of which query + histogram on the worker |\n|---|---|---|---|\n");
    for (const auto &c : cases) {
        const auto start = bench::Clock::now();
        model.setFilter(c.filter);
        waitFor([&] { return !model.querying(); });
        const double ms = bench::msSince(start);
        std::printf("| %s | %d | %.0f ms | %lld ms |\n", c.name, model.rowCount(), ms, (long long)model.lastQueryMs());
    }
    std::printf("\nRSS after the filters: %ld MB\n", rssKb() / 1024);
    std::remove(path.c_str());
    return 0;
}
