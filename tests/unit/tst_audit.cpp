// The audit engine (kubeclient/audit) on real-looking lines of both schemas: kube-apiserver's
// audit.k8s.io/v1 Event and KubeSphere's event (Go field names, batches, concatenated objects),
// rotated and gzip files, tail -F through appends, truncation and rotation, bad lines counted,
// bad files named, and the queries: filters, histogram, export.
#include "kubeclient/audit/auditfile.h"
#include "kubeclient/audit/auditindex.h"
#include "kubeclient/audit/auditparser.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <sstream>
#include <thread>

using namespace kube::audit;
using nlohmann::json;

namespace {

// One kube-apiserver event line as --audit-log-format=json writes it.
std::string kubeLine(const std::string &id, const std::string &time, const std::string &verb, const std::string &user,
                     const std::vector<std::string> &groups, const std::string &resource, const std::string &ns,
                     const std::string &name, int code, const std::string &group = "", const json &body = nullptr)
{
    json ev = {{"kind", "Event"},
               {"apiVersion", "audit.k8s.io/v1"},
               {"level", body.is_null() ? "Metadata" : "RequestResponse"},
               {"auditID", id},
               {"stage", "ResponseComplete"},
               {"requestURI", "/api/v1/namespaces/" + ns + "/" + resource},
               {"verb", verb},
               {"user", {{"username", user}, {"groups", groups}}},
               {"sourceIPs", {"127.0.0.1"}},
               {"userAgent", "kubectl/v1.32.2 (linux/amd64) kubernetes/67a30c0"},
               {"objectRef", {{"resource", resource}, {"namespace", ns}, {"name", name}, {"apiGroup", group}, {"apiVersion", "v1"}}},
               {"responseStatus", {{"metadata", json::object()}, {"code", code}}},
               {"requestReceivedTimestamp", time},
               {"stageTimestamp", time},
               {"annotations",
                {{"authorization.k8s.io/decision", code == 403 ? "forbid" : "allow"},
                 {"authorization.k8s.io/reason", code == 403 ? "" : "RBAC: allowed by ClusterRoleBinding \"x\""}}}};
    if (!body.is_null()) {
        ev["requestObject"] = body;
        ev["responseObject"] = body;
    }
    if (ns.empty())
        ev["objectRef"].erase("namespace");
    if (name.empty())
        ev["objectRef"].erase("name");
    return ev.dump();
}

// One KubeSphere event (ks3 pkg/apiserver/auditing/v1alpha1/event.go: Go field names).
json ksEvent(const std::string &id, const std::string &verb, const std::string &user, const std::string &ws,
             const std::string &ns, const std::string &resource, const std::string &name, int code)
{
    return {{"Devops", ""},
            {"Workspace", ws},
            {"Cluster", "host"},
            {"Message", ""},
            {"Level", "Metadata"},
            {"AuditID", id},
            {"Stage", "ResponseComplete"},
            {"RequestURI", "/kapis/tenant.kubesphere.io/v1alpha2/workspaces/" + ws},
            {"Verb", verb},
            {"User", {{"username", user}, {"groups", {"system:authenticated"}}}},
            {"ImpersonatedUser", nullptr},
            {"SourceIPs", {"10.0.0.1"}},
            {"UserAgent", "Mozilla/5.0"},
            {"ObjectRef",
             {{"Resource", resource}, {"Namespace", ns}, {"Name", name}, {"UID", ""}, {"APIGroup", "iam.kubesphere.io"},
              {"APIVersion", "v1alpha2"}, {"ResourceVersion", "Workspace"}, {"Subresource", ""}}},
            {"ResponseStatus", {{"code", code}, {"metadata", json::object()}}},
            {"RequestObject", nullptr},
            {"ResponseObject", nullptr},
            {"RequestReceivedTimestamp", "2024-05-01T10:00:00.5Z"},
            {"StageTimestamp", "2024-05-01T10:00:00.6Z"},
            {"Annotations", nullptr}};
}

void writeFile(const QString &path, const std::string &text, bool append = false)
{
    QFile f(path);
    QVERIFY(f.open(append ? QIODevice::Append : QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text.data(), qint64(text.size()));
}

void gzipFile(const QString &path)
{
    QProcess p;
    p.start("gzip", {"-f", path});
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitCode(), 0);
}

std::string summary(const AuditIndex &index, const std::vector<RowId> &rows)
{
    std::string out;
    for (RowId id : rows) {
        const auto t = index.rowText(id);
        out += t.user + " " + t.verb + " " + t.resource + " " + (t.ns.empty() ? "-" : t.ns) + "/" + t.name + " "
            + std::to_string(t.code) + (t.workspace.empty() ? "" : " ws=" + t.workspace) + ";";
    }
    return out;
}

std::string ms(const std::string &t)
{
    std::int64_t v = 0;
    parseRfc3339Ms(t, v);
    return std::to_string(v);
}

} // namespace

class tst_Audit : public QObject
{
    Q_OBJECT
private slots:
    void timestamps();
    void kubeApiserverEvent();
    void kubesphereEventsBatchesAndConcatenated();
    void workspaceFromObjectsAndLabels();
    void badLinesAreSkippedAndCounted();
    void missingFileAndCorruptGzAreNamed();
    void rotatedAndGzipBackupsInTimeOrder();
    void followAppendsTruncationAndRotation();
    void filters();
    void histogram();
    void exportJsonLinesAndCsv();
};

void tst_Audit::timestamps()
{
    std::int64_t v = 0;
    QVERIFY(parseRfc3339Ms("1970-01-01T00:00:01Z", v));
    QCOMPARE(v, std::int64_t(1000));
    QVERIFY(parseRfc3339Ms("2024-05-01T12:34:56.789123Z", v));
    QCOMPARE(formatRfc3339Ms(v), std::string("2024-05-01T12:34:56.789Z"));
    std::int64_t w = 0;
    QVERIFY(parseRfc3339Ms("2024-05-01T14:34:56.789+02:00", w));
    QCOMPARE(w, v);
    QVERIFY(!parseRfc3339Ms("2024-05-01 garbage", v));
    QVERIFY(!parseRfc3339Ms("2024-13-01T00:00:00Z", v));
    QVERIFY(!parseRfc3339Ms("2024-05-01T00:00:00", v));  // no zone
}

void tst_Audit::kubeApiserverEvent()
{
    // Given a RequestResponse line with a body whose strings hold braces and escapes
    const json body = {{"apiVersion", "rbac.authorization.k8s.io/v1"},
                       {"kind", "Role"},
                       {"metadata", {{"name", "r1"}, {"namespace", "p1"}, {"annotations", {{"x", "{\"not\": [a brace}"}}}}},
                       {"rules", {{{"verbs", {"get"}}, {"resources", {"pods"}}, {"apiGroups", {""}}}}}};
    const std::string line = kubeLine("id-1", "2024-05-01T12:00:00.250Z", "create", "alice", {"dev", "system:authenticated"},
                                      "roles", "p1", "r1", 201, "rbac.authorization.k8s.io", body);
    // When it is scanned
    std::vector<ScannedEvent> out;
    std::string why;
    QVERIFY2(scanLine(line, out, &why), why.c_str());
    // Then the index fields are read and the body skipped
    QCOMPARE(out.size(), size_t(1));
    const ScannedEvent &e = out[0];
    QCOMPARE(e.source, SourceKind::KubeApiserver);
    QCOMPARE(e.verb, std::string("create"));
    QCOMPARE(e.user, std::string("alice"));
    QCOMPARE(e.groups, (std::vector<std::string>{"dev", "system:authenticated"}));
    QCOMPARE(e.resource, std::string("roles"));
    QCOMPARE(e.apiGroup, std::string("rbac.authorization.k8s.io"));
    QCOMPARE(e.ns, std::string("p1"));
    QCOMPARE(e.name, std::string("r1"));
    QCOMPARE(e.code, 201);
    QCOMPARE(e.decision, Decision::Allowed);
    QCOMPARE(e.level, Level::RequestResponse);
    QCOMPARE(e.stage, Stage::ResponseComplete);
    QCOMPARE(std::to_string(e.timeMs), ms("2024-05-01T12:00:00.250Z"));
    QCOMPARE(e.begin, size_t(0));
    QCOMPARE(e.length, line.size());
    // And the full parse has the objects the level recorded
    auto full = parseEvent(line);
    QVERIFY(full.ok());
    QCOMPARE(full->auditId, std::string("id-1"));
    QCOMPARE(full->requestObject, body);
    QCOMPARE(full->responseObject, body);
    QCOMPARE(full->decisionReason, std::string("RBAC: allowed by ClusterRoleBinding \"x\""));
    QCOMPARE(full->userAgent, std::string("kubectl/v1.32.2 (linux/amd64) kubernetes/67a30c0"));

    // A denied request: the decision annotation says forbid.
    out.clear();
    QVERIFY(scanLine(kubeLine("id-2", "2024-05-01T12:00:01Z", "list", "bob", {}, "secrets", "p1", "", 403), out));
    QCOMPARE(out[0].decision, Decision::Denied);
    QCOMPARE(out[0].code, 403);
}

void tst_Audit::kubesphereEventsBatchesAndConcatenated()
{
    // 3.x webhook batch
    const json batch = {{"Items", {ksEvent("k1", "create", "carol", "ws1", "p1", "rolebindings", "b1", 201),
                                   ksEvent("k2", "delete", "dave", "ws2", "", "workspacemembers", "m1", 403)}}};
    std::vector<ScannedEvent> out;
    std::string why;
    const std::string line = batch.dump();
    QVERIFY2(scanLine(line, out, &why), why.c_str());
    QCOMPARE(out.size(), size_t(2));
    QCOMPARE(out[0].source, SourceKind::KubeSphere);
    QCOMPARE(out[0].user, std::string("carol"));
    QCOMPARE(out[0].workspace, std::string("ws1"));
    QCOMPARE(out[0].resource, std::string("rolebindings"));
    QCOMPARE(out[0].apiGroup, std::string("iam.kubesphere.io"));
    QCOMPARE(out[0].ns, std::string("p1"));
    QCOMPARE(out[0].code, 201);
    QCOMPARE(out[1].decision, Decision::Denied);
    QCOMPARE(std::to_string(out[0].timeMs), ms("2024-05-01T10:00:00.5Z"));
    // Each item's bytes are its own object, which parses on its own.
    auto second = parseEvent(std::string_view(line).substr(out[1].begin, out[1].length));
    QVERIFY(second.ok());
    QCOMPARE(second->auditId, std::string("k2"));
    QCOMPARE(second->source, SourceKind::KubeSphere);
    QCOMPARE(second->workspace, std::string("ws2"));

    // 4.x log/webhook backends: objects back to back on one line
    out.clear();
    const std::string concat = ksEvent("k3", "update", "erin", "ws3", "p3", "roles", "r3", 200).dump()
        + ksEvent("k4", "patch", "erin", "ws3", "p3", "roles", "r4", 200).dump();
    QVERIFY(scanLine(concat, out));
    QCOMPARE(out.size(), size_t(2));
    QCOMPARE(out[1].name, std::string("r4"));
    QCOMPARE(concat.substr(out[1].begin, out[1].length), ksEvent("k4", "patch", "erin", "ws3", "p3", "roles", "r4", 200).dump());

    // kube-apiserver's webhook format: an EventList
    out.clear();
    const json list = {{"kind", "EventList"}, {"apiVersion", "audit.k8s.io/v1"},
                       {"items", {json::parse(kubeLine("x", "2024-05-01T00:00:00Z", "get", "u", {}, "pods", "n", "p", 200))}}};
    QVERIFY(scanLine(list.dump(), out));
    QCOMPARE(out.size(), size_t(1));
    QCOMPARE(out[0].verb, std::string("get"));
}

void tst_Audit::workspaceFromObjectsAndLabels()
{
    // A workspace template's own name, and a WorkspaceRole's kubesphere.io/workspace label.
    std::vector<ScannedEvent> out;
    QVERIFY(scanLine(kubeLine("w1", "2024-05-01T00:00:00Z", "delete", "admin", {}, "workspacetemplates", "", "ws7", 200,
                              "tenant.kubesphere.io"),
                     out));
    QCOMPARE(out.back().workspace, std::string("ws7"));
    const json role = {{"metadata", {{"name", "ws8-viewer"}, {"labels", {{"kubesphere.io/workspace", "ws8"}}}}}};
    QVERIFY(scanLine(kubeLine("w2", "2024-05-01T00:00:00Z", "create", "admin", {}, "workspaceroles", "", "ws8-viewer", 201,
                              "iam.kubesphere.io", role),
                     out));
    QCOMPARE(out.back().workspace, std::string("ws8"));
}

void tst_Audit::badLinesAreSkippedAndCounted()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("audit.log");
    const std::string good1 = kubeLine("g1", "2024-05-01T00:00:01Z", "get", "u1", {}, "pods", "n", "a", 200);
    const std::string good2 = kubeLine("g2", "2024-05-01T00:00:02Z", "get", "u2", {}, "pods", "n", "b", 200);
    writeFile(path, good1 + "\n" + "this is not json\n" + good2.substr(0, good2.size() / 2) + "\n" + "{\"hello\":\"world\"}\n"
                        + good2 + "\n" + good1.substr(0, 40));
    AuditIndex index;
    auto r = index.index({path.toStdString()});
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().describe().c_str());
    // The rest is shown...
    QCOMPARE(index.rowCount(), size_t(2));
    // ...and every bad line is counted with its file:line.
    QCOMPARE(index.skippedCount(), size_t(4));
    const auto skipped = index.skipped();
    QCOMPARE(skipped.size(), size_t(4));
    QCOMPARE(skipped[0].line, std::uint64_t(2));
    QCOMPARE(skipped[0].file, path.toStdString());
    QCOMPARE(skipped[1].line, std::uint64_t(3));
    QCOMPARE(skipped[1].why, std::string("truncated JSON"));
    QCOMPARE(skipped[2].line, std::uint64_t(4));
    QCOMPARE(skipped[2].why, std::string("JSON but not an audit event"));
    QCOMPARE(skipped[3].line, std::uint64_t(6));
    // Details still come from the file.
    auto ev = index.event(index.query({}).back());
    QVERIFY(ev.ok());
    QCOMPARE(ev->auditId, std::string("g2"));
}

void tst_Audit::missingFileAndCorruptGzAreNamed()
{
    QTemporaryDir dir;
    AuditIndex index;
    const std::string missing = dir.filePath("nope.log").toStdString();
    auto r = index.index({missing});
    QVERIFY(!r.ok());
    QVERIFY(r.error().describe().find(missing) != std::string::npos);

    // A .gz whose compressed bytes were damaged, and one cut short.
    const QString log = dir.filePath("cut.log");
    std::string text;
    for (int i = 0; i < 2000; ++i)
        text += kubeLine("c" + std::to_string(i), "2024-05-01T00:00:00Z", "get", "u" + std::to_string(i), {}, "pods", "n",
                         "p" + std::to_string(i), 200)
            + "\n";
    writeFile(log, text);
    gzipFile(log);
    QFile gz(log + ".gz");
    QVERIFY(gz.open(QIODevice::ReadOnly));
    const QByteArray bytes = gz.readAll();
    gz.close();
    QByteArray corrupt = bytes;
    for (int i = 100; i < 400; ++i)
        corrupt[i] = char(0x55);
    const QString corruptPath = dir.filePath("corrupt.log.gz");
    writeFile(corruptPath, corrupt.toStdString());
    const QString cutPath = dir.filePath("short.log.gz");
    writeFile(cutPath, bytes.left(bytes.size() / 2).toStdString());
    for (const QString &p : {corruptPath, cutPath}) {
        AuditIndex idx;
        IndexOptions o;
        o.rotatedBackups = false;
        auto res = idx.index({p.toStdString()}, o);
        QVERIFY2(!res.ok(), qPrintable(p));
        QVERIFY2(res.error().describe().find(p.toStdString()) != std::string::npos, res.error().describe().c_str());
        QVERIFY(res.error().describe().find("gzip") != std::string::npos);
    }
}

void tst_Audit::rotatedAndGzipBackupsInTimeOrder()
{
    QTemporaryDir dir;
    // lumberjack backups (the older one compressed) and the live file
    const QString live = dir.filePath("audit.log");
    const QString older = dir.filePath("audit-2024-05-01T10-00-00.000.log");
    const QString old = dir.filePath("audit-2024-05-01T11-00-00.000.log");
    writeFile(older, kubeLine("1", "2024-05-01T09:30:00Z", "create", "a", {}, "pods", "n", "first", 201) + "\n");
    gzipFile(older);
    writeFile(old, kubeLine("2", "2024-05-01T10:30:00Z", "update", "a", {}, "pods", "n", "second", 200) + "\n");
    writeFile(live, kubeLine("3", "2024-05-01T11:30:00Z", "delete", "a", {}, "pods", "n", "third", 200) + "\n");
    writeFile(dir.filePath("unrelated.log"), kubeLine("x", "2024-05-01T11:30:00Z", "get", "z", {}, "pods", "n", "x", 200) + "\n");
    const auto files = withRotatedBackups(live.toStdString());
    QCOMPARE(files.size(), size_t(3));
    QCOMPARE(files[0], (older + ".gz").toStdString());
    QCOMPARE(files[2], live.toStdString());

    AuditIndex index;
    QVERIFY(index.index({live.toStdString()}).ok());
    const auto rows = index.query({});
    QCOMPARE(summary(index, rows), std::string("a create pods n/first 201;a update pods n/second 200;a delete pods n/third 200;"));
    // Details of an event in the .gz come from decompressing it.
    auto ev = index.event(rows[0]);
    QVERIFY(ev.ok());
    QCOMPARE(ev->auditId, std::string("1"));

    // logrotate style: audit.log.2.gz older than audit.log.1
    QTemporaryDir dir2;
    const QString live2 = dir2.filePath("audit.log");
    writeFile(dir2.filePath("audit.log.2"), kubeLine("a", "2024-05-01T01:00:00Z", "get", "b", {}, "pods", "n", "one", 200) + "\n");
    gzipFile(dir2.filePath("audit.log.2"));
    writeFile(dir2.filePath("audit.log.1"), kubeLine("b", "2024-05-01T02:00:00Z", "get", "b", {}, "pods", "n", "two", 200) + "\n");
    writeFile(live2, kubeLine("c", "2024-05-01T03:00:00Z", "get", "b", {}, "pods", "n", "three", 200) + "\n");
    AuditIndex index2;
    QVERIFY(index2.index({live2.toStdString()}).ok());
    QCOMPARE(summary(index2, index2.query({})), std::string("b get pods n/one 200;b get pods n/two 200;b get pods n/three 200;"));
    QCOMPARE(index2.files().size(), size_t(3));
}

void tst_Audit::followAppendsTruncationAndRotation()
{
    QTemporaryDir dir;
    const QString live = dir.filePath("audit.log");
    writeFile(live, kubeLine("1", "2024-05-01T00:00:01Z", "get", "u", {}, "pods", "n", "one", 200) + "\n");
    AuditIndex index;
    QVERIFY(index.index({live.toStdString()}).ok());
    QCOMPARE(index.rowCount(), size_t(1));

    auto cancel = std::make_shared<kube::CancelToken>();
    std::atomic<int> notices{0};
    FollowOptions fo;
    fo.pollMs = 50;
    fo.cancel = cancel;
    fo.notice = [&](const std::string &) { ++notices; };
    kube::Result<void> followed;
    std::thread t([&] { followed = index.follow(fo); });
    auto waitRows = [&](size_t n) {
        for (int i = 0; i < 200 && index.rowCount() < n; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(25));
        return index.rowCount();
    };
    // An append, with a partial line that waits for its newline.
    const std::string two = kubeLine("2", "2024-05-01T00:00:02Z", "get", "u", {}, "pods", "n", "two", 200);
    writeFile(live, two.substr(0, 30), true);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    QCOMPARE(index.rowCount(), size_t(1));
    writeFile(live, two.substr(30) + "\n", true);
    QCOMPARE(waitRows(2), size_t(2));
    // Truncation (copytruncate): read again from the start.
    writeFile(live, kubeLine("3", "2024-05-01T00:00:03Z", "get", "u", {}, "pods", "n", "three", 200) + "\n");
    QCOMPARE(waitRows(3), size_t(3));
    // Rotation: renamed away, a new file at the path.
    QVERIFY(QFile::rename(live, dir.filePath("audit-2024-05-01T00-00-04.000.log")));
    writeFile(live, kubeLine("4", "2024-05-01T00:00:04Z", "get", "u", {}, "pods", "n", "four", 200) + "\n");
    QCOMPARE(waitRows(4), size_t(4));
    cancel->cancel();
    t.join();
    QVERIFY(followed.ok());
    QVERIFY(notices >= 2);
    QCOMPARE(summary(index, index.query({})),
             std::string("u get pods n/one 200;u get pods n/two 200;u get pods n/three 200;u get pods n/four 200;"));
    // The event read before the truncation is gone from the file, and says so.
    auto gone = index.event(index.query({}).front());
    QVERIFY(!gone.ok());
    QVERIFY(gone.error().describe().find("truncated") != std::string::npos);
    // The rotated file's events are still readable (its descriptor stayed open).
    auto three = index.event(index.query({})[2]);
    QVERIFY2(three.ok(), three.ok() ? "" : three.error().describe().c_str());
    QVERIFY2(three->name == "three", three->raw.dump().c_str());
    QCOMPARE(three->name, std::string("three"));
}

void tst_Audit::filters()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("audit.log");
    std::string text;
    text += kubeLine("1", "2024-05-01T00:00:01Z", "create", "alice", {"team-a", "system:authenticated"}, "configmaps", "p1", "c1", 201) + "\n";
    text += kubeLine("2", "2024-05-01T00:00:02Z", "list", "bob", {"system:authenticated"}, "secrets", "p1", "", 403) + "\n";
    text += kubeLine("3", "2024-05-01T00:00:03Z", "patch", "alice", {"team-a"}, "roles", "p2", "r1", 200, "rbac.authorization.k8s.io") + "\n";
    text += kubeLine("4", "2024-05-01T00:00:04Z", "get", "carol", {"team-a"}, "pods", "p3", "web", 200) + "\n";
    text += kubeLine("5", "2024-05-01T00:00:05Z", "get", "carol", {}, "pods", "p3", "web", 200).insert(0, "") + "\n";
    text += ksEvent("k", "delete", "dave", "ws9", "p9", "rolebindings", "rb", 200).dump() + "\n";
    writeFile(path, text);
    AuditIndex index;
    QVERIFY(index.index({path.toStdString()}).ok());
    QCOMPARE(index.rowCount(), size_t(6));
    index.setNamespaceWorkspaces({{"p1", "ws1"}, {"p2", "ws1"}, {"p3", "ws2"}});
    auto q = [&](AuditFilter f) { return summary(index, index.query(f)); };
    AuditFilter f;
    f.workspace = "ws1";
    QCOMPARE(q(f), std::string("alice create configmaps p1/c1 201 ws=ws1;bob list secrets p1/ 403 ws=ws1;"
                               "alice patch roles p2/r1 200 ws=ws1;"));
    f = {};
    f.workspace = "ws9";  // the KubeSphere event's own Workspace
    QCOMPARE(q(f), std::string("dave delete rolebindings p9/rb 200 ws=ws9;"));
    f = {};
    f.user = "team-a";  // a group matches its members' requests
    QCOMPARE(index.query(f).size(), size_t(3));
    f = {};
    f.user = "alice";
    f.verb = "create,patch";
    QCOMPARE(index.query(f).size(), size_t(2));
    f = {};
    f.resource = "roles.rbac.authorization.k8s.io";
    QCOMPARE(q(f), std::string("alice patch roles p2/r1 200 ws=ws1;"));
    f.resource = "roles.apps";
    QCOMPARE(index.query(f).size(), size_t(0));
    f = {};
    f.decision = Decision::Denied;
    QCOMPARE(q(f), std::string("bob list secrets p1/ 403 ws=ws1;"));
    f = {};
    f.code = 201;
    QCOMPARE(index.query(f).size(), size_t(1));
    f = {};
    f.ns = "p3";
    f.name = "web";
    QCOMPARE(index.query(f).size(), size_t(2));
    f = {};
    std::int64_t t2 = 0, t4 = 0;
    parseRfc3339Ms("2024-05-01T00:00:02Z", t2);
    parseRfc3339Ms("2024-05-01T00:00:04Z", t4);
    f.sinceMs = t2;
    f.untilMs = t4;
    QCOMPARE(index.query(f).size(), size_t(2));
    f = {};
    f.text = "SECRE";
    QCOMPARE(q(f), std::string("bob list secrets p1/ 403 ws=ws1;"));
    f.text = "403";
    QCOMPARE(index.query(f).size(), size_t(1));
    f = {};
    f.user = "nobody";
    QCOMPARE(index.query(f).size(), size_t(0));
    f = {};
    f.source = SourceKind::KubeSphere;
    QCOMPARE(index.query(f).size(), size_t(1));
    QCOMPARE(index.distinct("user"), (std::vector<std::string>{"alice", "bob", "carol", "dave"}));
}

void tst_Audit::histogram()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("audit.log");
    std::string text;
    for (int s = 0; s < 10; ++s)
        text += kubeLine(std::to_string(s), "2024-05-01T00:00:0" + std::to_string(s) + "Z", "get", "u", {}, "pods", "n", "p",
                         s % 3 == 0 ? 403 : 200)
            + "\n";
    writeFile(path, text);
    AuditIndex index;
    QVERIFY(index.index({path.toStdString()}).ok());
    std::int64_t from = 0;
    parseRfc3339Ms("2024-05-01T00:00:00Z", from);
    const Histogram h = index.histogram(index.query({}), 5, from, from + 10000);
    QCOMPARE(h.bucketMs, std::int64_t(2000));
    QCOMPARE(h.counts, (std::vector<std::uint32_t>{2, 2, 2, 2, 2}));
    QCOMPARE(h.denied, (std::vector<std::uint32_t>{1, 1, 0, 1, 1}));  // seconds 0, 3, 6, 9
    const Histogram own = index.histogram(index.query({}), 3);
    QCOMPARE(own.fromMs, from);
    std::uint32_t total = 0;
    for (auto c : own.counts)
        total += c;
    QCOMPARE(total, std::uint32_t(10));
}

void tst_Audit::exportJsonLinesAndCsv()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("audit.log");
    const std::string a = kubeLine("1", "2024-05-01T00:00:01Z", "create", "alice", {"g1", "g2"}, "configmaps", "p1", "c,1", 201);
    const std::string b = kubeLine("2", "2024-05-01T00:00:02Z", "delete", "bob", {}, "pods", "p1", "x", 200);
    const json batch = {{"Items", {ksEvent("k", "create", "carol", "ws1", "p1", "roles", "r", 201)}}};
    writeFile(path, a + "\n" + b + "\n" + batch.dump() + "\n");
    AuditIndex index;
    QVERIFY(index.index({path.toStdString()}).ok());
    AuditFilter f;
    f.verb = "create";
    const auto rows = index.query(f);
    std::ostringstream jsonl;
    QVERIFY(index.exportJsonLines(rows, jsonl).ok());
    // The original bytes: a line as written, and the batch's item alone.
    QCOMPARE(jsonl.str(), a + "\n" + ksEvent("k", "create", "carol", "ws1", "p1", "roles", "r", 201).dump() + "\n");
    std::ostringstream csv;
    QVERIFY(index.exportCsv(rows, csv).ok());
    QCOMPARE(csv.str(), std::string("time,source,user,groups,verb,apiGroup,resource,subresource,namespace,name,workspace,code,"
                                    "decision,stage,level\n"
                                    "2024-05-01T00:00:01.000Z,kube-apiserver,alice,g1;g2,create,,configmaps,,p1,\"c,1\",,201,"
                                    "allowed,ResponseComplete,Metadata\n"
                                    "2024-05-01T10:00:00.500Z,kubesphere,carol,system:authenticated,create,iam.kubesphere.io,"
                                    "roles,,p1,r,ws1,201,allowed,ResponseComplete,Metadata\n"));
}

QTEST_GUILESS_MAIN(tst_Audit)
#include "tst_audit.moc"
