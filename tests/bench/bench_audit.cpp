// The audit engine on a generated kube-apiserver audit log of 1,000,000 events (~1.5 GB, some
// RequestResponse bodies, a few KubeSphere batches and bad lines): first rows, whole file
// indexed, filters once indexed, resident memory, and `tenantryctl audit` on the same file.
// usage: bench_audit [TENANTRYCTL] [EVENTS]   (the log goes to $TMPDIR or /tmp and is deleted)
#include "benchclock.h"
#include "benchspawn.h"

#include "kubeclient/audit/auditindex.h"
#include "kubeclient/audit/auditparser.h"

#include <sys/statvfs.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <thread>

using namespace kube::audit;

namespace {

long rssKiB()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0)
            return std::atol(line.c_str() + 6);
    return -1;
}

const char *kVerbs[] = {"get", "list", "watch", "create", "update", "patch", "delete"};
const char *kResources[] = {"pods", "configmaps", "secrets", "services", "deployments", "roles", "rolebindings",
                            "workspacetemplates", "users", "namespaces"};
const char *kGroups[] = {"", "", "", "", "apps", "rbac.authorization.k8s.io", "rbac.authorization.k8s.io",
                         "tenant.kubesphere.io", "iam.kubesphere.io", ""};

// A role body like the RequestResponse level records (~3 KB with managedFields).
std::string body(const std::string &name, const std::string &ns, std::mt19937 &rng)
{
    std::string rules;
    const int n = 8 + int(rng() % 8);
    for (int i = 0; i < n; ++i)
        rules += std::string(i ? "," : "") + "{\"verbs\":[\"get\",\"list\",\"watch\"],\"apiGroups\":[\"\",\"apps\"],"
                 "\"resources\":[\"pods\",\"pods/log\",\"deployments\",\"replicasets\",\"configmaps\"]}";
    return "{\"kind\":\"Role\",\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"metadata\":{\"name\":\"" + name
        + "\",\"namespace\":\"" + ns + "\",\"uid\":\"3f1c2d4e-1111-4a5b-9c8d-0123456789ab\",\"resourceVersion\":\"" + std::to_string(rng() % 1000000)
        + "\",\"labels\":{\"kubesphere.io/workspace\":\"ws" + std::to_string(rng() % 50) + "\"},\"managedFields\":[{\"manager\":\"tenantry\","
          "\"operation\":\"Apply\",\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"time\":\"2024-05-01T00:00:00Z\",\"fieldsType\":\"FieldsV1\","
          "\"fieldsV1\":{\"f:rules\":{}}}]},\"rules\":[" + rules + "]}";
}

// Writes `events` lines; returns the bytes written.
size_t generate(const std::string &path, size_t events)
{
    std::mt19937 rng(15);
    FILE *f = std::fopen(path.c_str(), "w");
    if (!f)
        return 0;
    std::vector<char> buf(8 << 20);
    std::setvbuf(f, buf.data(), _IOFBF, buf.size());
    size_t bytes = 0;
    const std::int64_t start = 1714521600000;  // 2024-05-01T00:00:00Z
    char ts[64];
    for (size_t i = 0; i < events; ++i) {
        const std::int64_t t = start + std::int64_t(i) * 86;  // one day of traffic
        const std::string stamp = formatRfc3339Ms(t);
        std::snprintf(ts, sizeof ts, "%.23s%03dZ", stamp.c_str(), int(i % 1000));
        const int r = int(rng() % 10);
        const char *verb = kVerbs[rng() % 7];
        const std::string user = i % 5 == 0 ? "system:serviceaccount:kube-system:generic-garbage-collector"
                                            : "user" + std::to_string(rng() % 2000);
        const std::string ns = r == 7 || r == 8 ? "" : "proj" + std::to_string(rng() % 500);
        const std::string name = std::string(kResources[r]) + "-" + std::to_string(rng() % 20000);
        const int code = rng() % 20 == 0 ? 403 : (std::strcmp(verb, "create") == 0 ? 201 : 200);
        const bool full = (r == 5 || r == 6) && std::strcmp(verb, "get") != 0;
        std::string line;
        line.reserve(full ? 8192 : 1200);
        if (i % 200000 == 199999) {
            line = "{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"level\":\"Meta";  // a cut line
        } else if (i % 1000 == 500) {
            line = "{\"Items\":[{\"Level\":\"Metadata\",\"AuditID\":\"ks-" + std::to_string(i) + "\",\"Stage\":\"ResponseComplete\","
                   "\"RequestURI\":\"/kapis/iam.kubesphere.io/v1beta1/workspaces/ws1/workspacemembers\",\"Verb\":\"" + verb
                + "\",\"User\":{\"username\":\"" + user + "\",\"groups\":[\"system:authenticated\"]},\"SourceIPs\":[\"10.0.0.1\"],"
                  "\"ObjectRef\":{\"Resource\":\"workspacemembers\",\"Namespace\":\"\",\"Name\":\"" + name
                + "\",\"APIGroup\":\"iam.kubesphere.io\",\"APIVersion\":\"v1beta1\",\"ResourceVersion\":\"Workspace\"},"
                  "\"ResponseStatus\":{\"code\":" + std::to_string(code) + "},\"RequestReceivedTimestamp\":\"" + ts
                + "\",\"StageTimestamp\":\"" + ts + "\",\"Workspace\":\"ws" + std::to_string(rng() % 50) + "\",\"Cluster\":\"host\"}]}";
        } else {
            line = "{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"level\":\"";
            line += full ? "RequestResponse" : "Metadata";
            line += "\",\"auditID\":\"" + std::to_string(rng()) + "-4a5b-9c8d-" + std::to_string(i)
                + "\",\"stage\":\"ResponseComplete\",\"requestURI\":\"/apis/" + kGroups[r] + "/v1/namespaces/" + ns + "/"
                + kResources[r] + "/" + name + "?fieldManager=tenantry&force=false\",\"verb\":\"" + verb
                + "\",\"user\":{\"username\":\"" + user + "\",\"groups\":[\"team" + std::to_string(rng() % 40)
                + "\",\"system:authenticated\"]},\"sourceIPs\":[\"127.0.0.1\"],\"userAgent\":\"kubectl/v1.32.2 (linux/amd64) "
                  "kubernetes/67a30c0\",\"objectRef\":{\"resource\":\"" + kResources[r] + "\",";
            if (!ns.empty())
                line += "\"namespace\":\"" + ns + "\",";
            line += "\"name\":\"" + name + "\",\"apiGroup\":\"" + kGroups[r] + "\",\"apiVersion\":\"v1\"},\"responseStatus\":{\"metadata\":{},";
            if (code == 403)
                line += "\"status\":\"Failure\",\"message\":\"" + std::string(kResources[r]) + " is forbidden: User \\\"" + user
                    + "\\\" cannot " + verb + " resource\",\"reason\":\"Forbidden\",";
            line += "\"code\":" + std::to_string(code) + "},";
            if (full) {
                const std::string b = body(name, ns, rng);
                line += "\"requestObject\":" + b + ",\"responseObject\":" + b + ",";
            }
            line += "\"requestReceivedTimestamp\":\"" + std::string(ts) + "\",\"stageTimestamp\":\"" + ts
                + "\",\"annotations\":{\"authorization.k8s.io/decision\":\"" + (code == 403 ? "forbid" : "allow")
                + "\",\"authorization.k8s.io/reason\":\"RBAC: allowed by ClusterRoleBinding \\\"tenantry:reach:" + user
                + "\\\" of ClusterRole \\\"view\\\" to User \\\"" + user + "\\\"\"}}";
        }
        line += '\n';
        std::fwrite(line.data(), 1, line.size(), f);
        bytes += line.size();
    }
    std::fclose(f);
    return bytes;
}

} // namespace

int main(int argc, char **argv)
{
    const std::string ctl = argc > 1 ? argv[1] : "";
    size_t events = argc > 2 ? size_t(std::atol(argv[2])) : 1000000;
    const char *tmp = std::getenv("TMPDIR");
    const std::string dir = tmp && *tmp ? tmp : "/tmp";
    struct statvfs vfs{};
    if (statvfs(dir.c_str(), &vfs) == 0) {
        const double freeGB = double(vfs.f_bavail) * double(vfs.f_frsize) / 1e9;
        if (freeGB < 4 && events > 250000) {
            std::printf("only %.1f GB free in %s: generating 250,000 events instead of %zu\n", freeGB, dir.c_str(), events);
            events = 250000;
        }
    }
    const std::string path = dir + "/tenantry-bench-audit-" + std::to_string(::getpid()) + ".log";
    auto t0 = bench::Clock::now();
    const size_t bytes = generate(path, events);
    if (!bytes) {
        std::fprintf(stderr, "could not write %s\n", path.c_str());
        return 1;
    }
    std::printf("generated %zu events, %.2f GB in %.1f s (%s)\n\n", events, double(bytes) / 1e9, bench::msSince(t0) / 1000,
                path.c_str());

    const long rssBefore = rssKiB();
    AuditIndex index;
    std::atomic<double> firstRowsMs{-1};
    IndexOptions options;
    options.rotatedBackups = false;
    const double cpu0 = bench::cpuMs();
    t0 = bench::Clock::now();
    options.firstRows = [&] { firstRowsMs = bench::msSince(t0); };
    auto indexed = index.index({path}, options);
    const double indexMs = bench::msSince(t0);
    const double indexCpu = bench::cpuMs() - cpu0;
    if (!indexed) {
        std::fprintf(stderr, "%s\n", indexed.error().describe().c_str());
        std::remove(path.c_str());
        return 1;
    }
    const long rssAfter = rssKiB();

    std::printf("| step | result | target |\n|---|---|---|\n");
    std::printf("| first rows available | %.0f ms | <= 1000 ms |\n", firstRowsMs.load());
    std::printf("| whole file indexed (%zu rows, %zu lines skipped) | %.1f s wall, %.1f s CPU (%.0f MB/s) | background |\n",
                index.rowCount(), index.skippedCount(), indexMs / 1000, indexCpu / 1000, double(bytes) / 1e6 / (indexMs / 1000));
    std::printf("| resident memory after indexing | %.0f MB (index: +%.0f MB) | <= 200 MB |\n", double(rssAfter) / 1024,
                double(rssAfter - rssBefore) / 1024);

    struct Case {
        const char *what;
        AuditFilter filter;
    };
    std::vector<Case> cases;
    {
        AuditFilter f;
        f.user = "user42";
        cases.push_back({"--user user42", f});
        f = {};
        f.verb = "create,update,patch,delete";
        f.ns = "proj7";
        cases.push_back({"writes in proj7", f});
        f = {};
        f.decision = Decision::Denied;
        cases.push_back({"--denied", f});
        f = {};
        f.user = "team3";
        f.resource = "roles.rbac.authorization.k8s.io";
        cases.push_back({"group team3, roles.rbac", f});
        f = {};
        f.text = "garbage-coll";
        cases.push_back({"free text", f});
        f = {};
        f.sinceMs = 1714521600000 + 3600000;
        f.untilMs = 1714521600000 + 2 * 3600000;
        cases.push_back({"one hour", f});
        f = {};
        cases.push_back({"everything", f});
    }
    std::map<std::string, std::string> nsMap;
    for (int i = 0; i < 500; ++i)
        nsMap["proj" + std::to_string(i)] = "ws" + std::to_string(i % 50);
    index.setNamespaceWorkspaces(nsMap);
    {
        AuditFilter f;
        f.workspace = "ws7";
        cases.push_back({"-w ws7 (namespace map)", f});
    }
    for (const auto &c : cases) {
        t0 = bench::Clock::now();
        const auto rows = index.query(c.filter);
        const double q = bench::msSince(t0);
        std::printf("| filter: %s (%zu rows) | %.0f ms | <= 300 ms |\n", c.what, rows.size(), q);
    }
    {
        const auto rows = index.query({});
        t0 = bench::Clock::now();
        const Histogram h = index.histogram(rows, 200);
        std::printf("| histogram, 200 buckets over all rows | %.0f ms | - |\n", bench::msSince(t0));
        t0 = bench::Clock::now();
        auto ev = index.event(rows[rows.size() / 2]);
        std::printf("| one event's details (re-read) | %.2f ms | - |\n", bench::msSince(t0));
        (void)h;
        (void)ev;
    }
    if (!ctl.empty()) {
        const auto r = bench::spawnTimed({ctl, "audit", "--file", path, "--offline", "--user", "user42", "--verb", "create",
                                          "-o", "json"});
        std::printf("| tenantryctl audit --user user42 --verb create -o json | %.1f s, %.0f MB peak, exit %d | - |\n",
                    r.seconds, double(r.maxRssKiB) / 1024, r.exitCode);
        const auto d = bench::spawnTimed({ctl, "audit", "--file", path, "--offline", "--denied", "-n", "proj7"});
        std::printf("| tenantryctl audit --denied -n proj7 (table) | %.1f s, %.0f MB peak, exit %d | - |\n", d.seconds,
                    double(d.maxRssKiB) / 1024, d.exitCode);
    }
    std::remove(path.c_str());
    return 0;
}
