// Tenantry's journal (kubeclient/journal): one record per plan run with names and outcomes only
// — a Secret's data, a User's password, a token in a server message never reach the file — the
// file created 0600 and appended whole, and read back by the audit engine as its own source.
#include "kubeclient/audit/auditindex.h"
#include "kubeclient/journal/journal.h"
#include "kubeclient/kubesphere/tenancyapi.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

#include <atomic>
#include <sstream>
#include <thread>

using namespace kube;
using namespace kube::tenancy;
using nlohmann::json;

namespace {

const char *kPassword = "Sup3rSecretPassw0rd";
const char *kSecretData = "c2VjcmV0LXZhbHVlLXRoYXQtbXVzdC1uZXZlci1sZWFr";
const char *kToken = "eyJhbGciOiJSUzI1NiIsImtpZCI6IkFCQzEyMyJ9.eyJzdWIiOiJhZG1pbjEyMyJ9.SIGNATURE0123456789ABCDEFabcdef";

// Creates a user with a password, a Secret with data, and deletes a role binding.
Plan plan()
{
    const TenancyApi api = TenancyApi::forFlavor(ApiFlavor::V4);
    Plan p;
    p.title = "create user ann";
    PlannedWrite user;
    user.gvr = api.user;
    user.name = "ann";
    user.object = {{"apiVersion", "iam.kubesphere.io/v1beta1"}, {"kind", "User"},
                   {"metadata", {{"name", "ann"}}}, {"spec", {{"email", "ann@example.com"}, {"password", kPassword}}}};
    user.secretPaths = {"/spec/password"};
    user.reason = "the user";
    PlannedWrite secret;
    secret.gvr = {"", "v1", "secrets", true, "Secret"};
    secret.ns = "p1";
    secret.name = "ann-kubeconfig";
    secret.object = {{"apiVersion", "v1"}, {"kind", "Secret"}, {"metadata", {{"name", "ann-kubeconfig"}, {"namespace", "p1"}}},
                     {"data", {{"config", kSecretData}}}};
    PlannedWrite del;
    del.action = WriteAction::Delete;
    del.gvr = {"rbac.authorization.k8s.io", "v1", "rolebindings", true, "RoleBinding"};
    del.ns = "p1";
    del.name = "old-binding";
    p.writes = {user, secret, del};
    return p;
}

PlanReport report()
{
    PlanReport r;
    WriteResult ok;
    ok.index = 0;
    ok.outcome = WriteOutcome::Applied;
    ok.serverObject = plan().writes[0].object;  // the server echoes the password hash back
    WriteResult failed;
    failed.index = 1;
    failed.outcome = WriteOutcome::Failed;
    ApiStatus status;
    status.code = 403;
    status.reason = StatusReason::Forbidden;
    status.message = std::string("secrets is forbidden: User \"ann\" cannot create; Authorization: Bearer ") + kToken
        + " password=" + kPassword;
    failed.error = Error::api(status, "apply");
    r.results = {ok, failed};
    r.nextIndex = 1;
    return r;
}

journal::JournalContext context()
{
    return {"https://127.0.0.1:6443", "admin@devcluster", "admin", {"system:masters", "system:authenticated"}};
}

} // namespace

class tst_AuditJournal : public QObject
{
    Q_OBJECT
private slots:
    void recordHasTheFormat();
    void noSecretEverReachesTheRecord();
    void appendCreates0600AndAppendsWholeLines();
    void pathFollowsEnvironment();
    void journalIsAnAuditSource();
};

void tst_AuditJournal::recordHasTheFormat()
{
    const json rec = journal::makeRecord(context(), plan(), report(), false, 1714564800123);
    QCOMPARE(rec["kind"], json("TenantryJournalRecord"));
    QCOMPARE(rec["apiVersion"], json("tenantry.dev/v1"));
    QCOMPARE(rec["time"], json("2024-05-01T12:00:00.123Z"));
    QCOMPARE(rec["cluster"], json("https://127.0.0.1:6443"));
    QCOMPARE(rec["context"], json("admin@devcluster"));
    QCOMPARE(rec["identity"], json({{"username", "admin"}, {"groups", {"system:masters", "system:authenticated"}}}));
    QCOMPARE(rec["dryRun"], json(false));
    QCOMPARE(rec["outcome"], json("partial"));  // one applied, one failed, one not written
    QVERIFY(rec["summary"].get<std::string>().find("create user ann") != std::string::npos);
    QCOMPARE(rec["writes"].size(), size_t(3));
    QCOMPARE(rec["writes"][0], json({{"verb", "patch"}, {"apiGroup", "iam.kubesphere.io"}, {"apiVersion", "v1beta1"},
                                     {"resource", "users"}, {"namespace", ""}, {"name", "ann"}, {"code", 200},
                                     {"outcome", "applied"}, {"message", ""}}));
    QCOMPARE(rec["writes"][1]["code"], json(403));
    QCOMPARE(rec["writes"][1]["outcome"], json("failed"));
    QCOMPARE(rec["writes"][2]["verb"], json("delete"));
    QCOMPARE(rec["writes"][2]["outcome"], json("not written"));
    // Nothing applied: failed; everything: succeeded.
    PlanReport none;
    QCOMPARE(journal::makeRecord(context(), plan(), none, true)["outcome"], json("failed"));
    PlanReport all;
    for (size_t i = 0; i < 3; ++i) {
        WriteResult w;
        w.index = i;
        w.outcome = i == 2 ? WriteOutcome::Deleted : WriteOutcome::Applied;
        all.results.push_back(w);
    }
    all.nextIndex = 3;
    QCOMPARE(journal::makeRecord(context(), plan(), all, false)["outcome"], json("succeeded"));
}

void tst_AuditJournal::noSecretEverReachesTheRecord()
{
    const std::string line = journal::makeRecord(context(), plan(), report(), false).dump();
    QVERIFY2(line.find(kPassword) == std::string::npos, line.c_str());
    QVERIFY2(line.find(kSecretData) == std::string::npos, line.c_str());
    QVERIFY2(line.find("eyJhbGciOiJSUzI1NiIsImtpZCI6IkFCQzEyMyJ9") == std::string::npos, line.c_str());
    QVERIFY2(line.find("SIGNATURE0123456789ABCDEF") == std::string::npos, line.c_str());
    // Names stay: the journal says what was written.
    QVERIFY(line.find("ann-kubeconfig") != std::string::npos);
    QVERIFY(line.find("secrets is forbidden") != std::string::npos);
    // The scrubber on its own
    QCOMPARE(journal::scrub("token: abc.def"), std::string("token: <redacted>"));
    QCOMPARE(journal::scrub("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY----- x"), std::string("<redacted> x"));
    QCOMPARE(journal::scrub("rolebindings.rbac.authorization.k8s.io \"tenantry-reach-alice-0123456789abcdef\" not found"),
             std::string("rolebindings.rbac.authorization.k8s.io \"tenantry-reach-alice-0123456789abcdef\" not found"));
}

void tst_AuditJournal::appendCreates0600AndAppendsWholeLines()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("deep/er/journal.jsonl").toStdString();
    // Two writers at once: every line stays whole.
    std::vector<std::thread> writers;
    std::atomic<int> failures{0};
    for (int t = 0; t < 4; ++t)
        writers.emplace_back([&] {
            for (int i = 0; i < 50; ++i)
                if (!journal::append(path, journal::makeRecord(context(), plan(), report(), true)).ok())
                    ++failures;
        });
    for (auto &w : writers)
        w.join();
    QCOMPARE(failures.load(), 0);
    struct stat st{};
    QCOMPARE(::stat(path.c_str(), &st), 0);
    QCOMPARE(int(st.st_mode & 0777), 0600);
    QFile f(QString::fromStdString(path));
    QVERIFY(f.open(QIODevice::ReadOnly));
    int lines = 0;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine();
        QVERIFY(line.endsWith('\n'));
        const json rec = json::parse(line.toStdString(), nullptr, false);
        QVERIFY(!rec.is_discarded());
        ++lines;
    }
    QCOMPARE(lines, 200);
    // A journal left with wider permissions is narrowed on the next append.
    ::chmod(path.c_str(), 0644);
    QVERIFY(journal::append(path, journal::makeRecord(context(), plan(), report(), true)).ok());
    QCOMPARE(::stat(path.c_str(), &st), 0);
    QCOMPARE(int(st.st_mode & 0777), 0600);
    // An unwritable place is an error naming the file.
    auto bad = journal::append("/proc/nope/journal.jsonl", json::object());
    QVERIFY(!bad.ok());
    QVERIFY(bad.error().describe().find("/proc/nope/journal.jsonl") != std::string::npos);
}

void tst_AuditJournal::pathFollowsEnvironment()
{
    const QByteArray oldJournal = qgetenv("TENANTRY_JOURNAL"), oldXdg = qgetenv("XDG_DATA_HOME"), oldHome = qgetenv("HOME");
    qputenv("TENANTRY_JOURNAL", "/tmp/x/j.jsonl");
    QCOMPARE(journal::journalPath(), std::string("/tmp/x/j.jsonl"));
    qunsetenv("TENANTRY_JOURNAL");
    qputenv("XDG_DATA_HOME", "/data");
    QCOMPARE(journal::journalPath(), std::string("/data/tenantry/journal.jsonl"));
    qunsetenv("XDG_DATA_HOME");
    qputenv("HOME", "/home/u");
    QCOMPARE(journal::journalPath(), std::string("/home/u/.local/share/tenantry/journal.jsonl"));
    qputenv("TENANTRY_JOURNAL", oldJournal);
    if (oldJournal.isEmpty())
        qunsetenv("TENANTRY_JOURNAL");
    qputenv("XDG_DATA_HOME", oldXdg);
    if (oldXdg.isEmpty())
        qunsetenv("XDG_DATA_HOME");
    qputenv("HOME", oldHome);
}

void tst_AuditJournal::journalIsAnAuditSource()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("journal.jsonl").toStdString();
    QVERIFY(journal::append(path, journal::makeRecord(context(), plan(), report(), false, 1714564800000)).ok());
    audit::AuditIndex index;
    audit::IndexOptions o;
    o.rotatedBackups = false;
    QVERIFY(index.index({path}, o).ok());
    // One event per write of the record
    QCOMPARE(index.rowCount(), size_t(3));
    audit::AuditFilter f;
    f.source = audit::SourceKind::Journal;
    f.user = "system:masters";
    f.resource = "secrets";
    const auto rows = index.query(f);
    QCOMPARE(rows.size(), size_t(1));
    const auto t = index.rowText(rows[0]);
    QCOMPARE(t.user, std::string("admin"));
    QCOMPARE(t.ns, std::string("p1"));
    QCOMPARE(t.name, std::string("ann-kubeconfig"));
    QCOMPARE(t.code, 403);
    QCOMPARE(t.decision, audit::Decision::Denied);
    auto ev = index.event(rows[0]);
    QVERIFY(ev.ok());
    QCOMPARE(ev->source, audit::SourceKind::Journal);
    QCOMPARE(ev->outcome, std::string("failed"));
    QCOMPARE(ev->cluster, std::string("https://127.0.0.1:6443"));
    QVERIFY(ev->statusMessage.find("forbidden") != std::string::npos);
    // Export writes the record once however many of its writes matched.
    std::ostringstream out;
    QVERIFY(index.exportJsonLines(index.query({}), out).ok());
    const std::string exported = out.str();
    QCOMPARE(std::count(exported.begin(), exported.end(), '\n'), long(1));
}

QTEST_GUILESS_MAIN(tst_AuditJournal)
#include "tst_auditjournal.moc"
