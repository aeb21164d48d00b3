// Every file Tenantry rewrites goes through kubeclient/core/atomicfile: a crash (a forked child
// SIGKILLed half-way through the data, or after the data is synced but before the rename, or at
// a random moment) leaves the old file whole, the mode is kept, a symlink stays a link, and the
// other files of a KUBECONFIG list are never touched. The journal is append-only instead: a
// torn last line is skipped with a note and does not swallow the next record.
#include "kubeclient/audit/auditindex.h"
#include "kubeclient/audit/kubeevents.h"
#include "kubeclient/core/atomicfile.h"
#include "kubeclient/core/yamlconvert.h"
#include "kubeclient/journal/journal.h"
#include "kubeclient/ksaccount/ksaccount.h"
#include "kubeclient/ksaccount/kslogin.h"
#include "kubeclient/kubeconfig/kubeconfigwriter.h"

#include <QDir>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <set>
#include <unistd.h>

#include <fstream>
#include <functional>
#include <sstream>

using namespace kube;
using nlohmann::json;

namespace {

atomicfile_testing::Point g_killAt = atomicfile_testing::Point::BeforeRename;

void killHook(atomicfile_testing::Point point, const std::string &)
{
    if (point == g_killAt)
        ::kill(::getpid(), SIGKILL);
}

// Runs `body` in a forked child that SIGKILLs itself at `point` of its first atomic write.
// True when the child died of SIGKILL (it reached the point).
bool killedAt(atomicfile_testing::Point point, const std::function<void()> &body)
{
    std::fflush(nullptr);
    const pid_t pid = ::fork();
    if (pid == 0) {
        g_killAt = point;
        atomicfile_testing::setHook(&killHook);
        body();
        ::_exit(0);  // the hook was not reached
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

std::string readAll(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void writeRaw(const std::string &path, const std::string &text, mode_t mode)
{
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
    ::chmod(path.c_str(), mode);
}

mode_t modeOf(const std::string &path)
{
    struct stat st {};
    ::stat(path.c_str(), &st);
    return st.st_mode & 07777;
}

// Names in `dir` other than the expected ones (a temporary file left behind).
QStringList strays(const QString &dir, const QStringList &expected)
{
    QStringList out;
    for (const auto &name : QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System))
        if (!expected.contains(name))
            out << name;
    return out;
}

json yamlOf(const std::string &path)
{
    auto docs = parseYamlDocuments(readAll(path), path);
    return docs && !docs->empty() ? docs->front() : json();
}

// A kubeconfig with something in every place kubectl keeps: extensions, preferences, proxy,
// TLS server name, exec env, a namespace, an OIDC user.
const char *kRichKubeconfig = R"(apiVersion: v1
kind: Config
current-context: dev
preferences:
  extensions:
  - name: pref-ext
    extension:
      colour: blue
clusters:
- name: dev
  cluster:
    server: https://dev.example.com:6443
    tls-server-name: api.dev.example.com
    proxy-url: http://proxy.example.com:3128
    insecure-skip-tls-verify: true
    extensions:
    - name: cluster-ext
      extension:
        region: eu-west
contexts:
- name: dev
  context:
    cluster: dev
    user: oidc-user
    namespace: team-a
    extensions:
    - name: ctx-ext
      extension:
        note: keep me
- name: other
  context:
    cluster: dev
    user: exec-user
users:
- name: oidc-user
  user:
    auth-provider:
      name: oidc
      config:
        client-id: tenantry
        idp-issuer-url: https://issuer.example.com
        id-token: old-id-token
        refresh-token: old-refresh-token
- name: exec-user
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: /usr/local/bin/get-token
      args:
      - --cluster
      - dev
      env:
      - name: AWS_PROFILE
        value: dev
      interactiveMode: Never
      provideClusterInfo: true
)";

tenancy::Plan journalPlan(int i)
{
    tenancy::Plan p;
    p.title = "edit role r" + std::to_string(i);
    tenancy::PlannedWrite w;
    w.gvr = {"rbac.authorization.k8s.io", "v1", "roles", true, "Role"};
    w.ns = "p1";
    w.name = "r" + std::to_string(i);
    w.object = {{"metadata", {{"name", w.name}}}};
    p.writes = {w};
    return p;
}

json journalRecord(int i)
{
    tenancy::PlanReport r;
    tenancy::WriteResult ok;
    ok.outcome = tenancy::WriteOutcome::Applied;
    r.results = {ok};
    r.nextIndex = 1;
    return journal::makeRecord({"https://127.0.0.1:6443", "dev", "admin", {"system:masters"}}, journalPlan(i), r, false,
                               1714564800000 + i);
}

} // namespace

class tst_AtomicFiles : public QObject
{
    Q_OBJECT

private slots:
    // Given a file with mode 0640 / no file / a symlink, When it is rewritten, Then ...
    void rewriteKeepsModeAndLinks();
    void killedMidWriteLeavesOldFileWhole_data();
    void killedMidWriteLeavesOldFileWhole();
    void killedAtRandomMomentsLeavesOneWholeVersion();
    void oidcRefreshKeepsOtherFieldsAndFiles();
    void oidcRefreshKilledKeepsKubeconfig();
    void ksLoginWritesAContextAtomically();
    void concurrentKubeconfigWritersLoseNothing();
    void kubeEventsFileKilledKeepsOldFile();
    void journalTornLastLineIsSkippedAndDoesNotSwallowTheNext();
    void journalKilledWhileAppendingKeepsWholeRecords();
};

void tst_AtomicFiles::rewriteKeepsModeAndLinks()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("f").toStdString();
    // New file: 0600 unless told.
    QVERIFY(writeFileAtomically(path, "one").ok());
    QCOMPARE(readAll(path), std::string("one"));
    QCOMPARE(modeOf(path), mode_t(0600));
    // Existing file: its mode stays, whatever the default for new files.
    ::chmod(path.c_str(), 0640);
    AtomicWriteOptions wide;
    wide.newFileMode = 0644;
    QVERIFY(writeFileAtomically(path, "two", wide).ok());
    QCOMPARE(readAll(path), std::string("two"));
    QCOMPARE(modeOf(path), mode_t(0640));
    // A symlink: the file it names is replaced; the link stays a link.
    const std::string link = dir.filePath("link").toStdString();
    QCOMPARE(::symlink("f", link.c_str()), 0);
    QVERIFY(writeFileAtomically(link, "three").ok());
    struct stat st {};
    QCOMPARE(::lstat(link.c_str(), &st), 0);
    QVERIFY(S_ISLNK(st.st_mode));
    QCOMPARE(readAll(path), std::string("three"));
    QCOMPARE(modeOf(path), mode_t(0640));
    // Streaming, and nothing visible until commit; dropped without commit: no trace.
    {
        auto f = AtomicFile::create(path);
        QVERIFY(f.ok());
        f->stream() << std::string(200000, 'x');
        QCOMPARE(readAll(path), std::string("three"));
    }
    QCOMPARE(readAll(path), std::string("three"));
    {
        auto f = AtomicFile::create(path);
        QVERIFY(f.ok());
        f->stream() << std::string(200000, 'y') << "end";
        QVERIFY(f->commit().ok());
    }
    QCOMPARE(readAll(path).size(), size_t(200003));
    QCOMPARE(strays(dir.path(), {"f", "link"}), QStringList());
    // Missing folder: an error naming the file, unless asked to create it (0700).
    const std::string deep = dir.filePath("a/b/c").toStdString();
    QVERIFY(!writeFileAtomically(deep, "x").ok());
    AtomicWriteOptions mk;
    mk.createDirectories = true;
    QVERIFY(writeFileAtomically(deep, "x", mk).ok());
    QCOMPARE(modeOf(dir.filePath("a/b").toStdString()), mode_t(0700));
}

void tst_AtomicFiles::killedMidWriteLeavesOldFileWhole_data()
{
    QTest::addColumn<int>("point");
    QTest::newRow("half the data written") << int(atomicfile_testing::Point::PartlyWritten);
    QTest::newRow("synced, before the rename") << int(atomicfile_testing::Point::BeforeRename);
}

void tst_AtomicFiles::killedMidWriteLeavesOldFileWhole()
{
    QFETCH(int, point);
    QTemporaryDir dir;
    const std::string path = dir.filePath("settings").toStdString();
    const std::string old = "old contents\n" + std::string(100000, 'o');
    writeRaw(path, old, 0600);
    QVERIFY(killedAt(atomicfile_testing::Point(point), [&] {
        (void)writeFileAtomically(path, "new contents\n" + std::string(300000, 'n'));
    }));
    QCOMPARE(readAll(path), old);
    QCOMPARE(modeOf(path), mode_t(0600));
    // The crash leaves its hidden temporary file (as QSaveFile's would); the file is intact and
    // the next write succeeds.
    QVERIFY(writeFileAtomically(path, "after").ok());
    QCOMPARE(readAll(path), std::string("after"));
}

void tst_AtomicFiles::killedAtRandomMomentsLeavesOneWholeVersion()
{
    // A child rewrites the file in a loop with two large versions; it is SIGKILLed after a random
    // delay. The file is always exactly one of the versions.
    QTemporaryDir dir;
    const std::string path = dir.filePath("cfg").toStdString();
    const std::string a = std::string(1 << 20, 'a') + "A";
    const std::string b = std::string(1 << 20, 'b') + "B";
    writeRaw(path, a, 0600);
    int kills = 0;
    for (int round = 0; round < 40; ++round) {
        std::fflush(nullptr);
        const pid_t pid = ::fork();
        if (pid == 0) {
            for (int i = 0;; ++i)
                (void)writeFileAtomically(path, i % 2 ? a : b);
        }
        ::usleep(useconds_t(QRandomGenerator::global()->bounded(1000, 30000)));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        kills += WIFSIGNALED(status) ? 1 : 0;
        const std::string now = readAll(path);
        QVERIFY2(now == a || now == b, qPrintable(QStringLiteral("round %1: %2 bytes").arg(round).arg(now.size())));
        QCOMPARE(modeOf(path), mode_t(0600));
    }
    QCOMPARE(kills, 40);
    qInfo("40 SIGKILLs at random moments: the file was whole every time");
}

void tst_AtomicFiles::oidcRefreshKeepsOtherFieldsAndFiles()
{
    // KUBECONFIG=a:b, the OIDC user lives in b. The refresh rewrites b only; a is not touched.
    QTemporaryDir dir;
    const std::string a = dir.filePath("a.kubeconfig").toStdString();
    const std::string b = dir.filePath("b.kubeconfig").toStdString();
    const std::string aText = "apiVersion: v1\nkind: Config\nclusters: []\nusers:\n- name: other\n  user:\n    token: abc\n";
    writeRaw(a, aText, 0644);
    writeRaw(b, kRichKubeconfig, 0600);
    struct stat aBefore {};
    ::stat(a.c_str(), &aBefore);
    const json before = yamlOf(b);

    QVERIFY(KubeconfigWriter::updateAuthProviderConfig(b, "oidc-user",
                                                       {{"client-id", "tenantry"},
                                                        {"idp-issuer-url", "https://issuer.example.com"},
                                                        {"id-token", "new-id-token"},
                                                        {"refresh-token", "new-refresh-token"}})
                .ok());
    QCOMPARE(readAll(a), aText);
    struct stat aAfter {};
    ::stat(a.c_str(), &aAfter);
    QCOMPARE(aAfter.st_ino, aBefore.st_ino);
    QCOMPARE(aAfter.st_mtim.tv_nsec, aBefore.st_mtim.tv_nsec);
    QCOMPARE(modeOf(b), mode_t(0600));
    QCOMPARE(strays(dir.path(), {"a.kubeconfig", "b.kubeconfig"}), QStringList());

    json after = yamlOf(b);
    // Only the tokens changed.
    json expected = before;
    for (auto &u : expected["users"])
        if (u["name"] == "oidc-user") {
            u["user"]["auth-provider"]["config"]["id-token"] = "new-id-token";
            u["user"]["auth-provider"]["config"]["refresh-token"] = "new-refresh-token";
        }
    // Compare as kubectl would see them: by entry name, whatever the order.
    auto byName = [](json doc) {
        for (const char *list : {"clusters", "contexts", "users"}) {
            json m = json::object();
            for (const auto &e : doc.value(list, json::array()))
                m[e.value("name", "")] = e;
            doc[list] = m;
        }
        return doc;
    };
    const json want = byName(expected), got = byName(after);
    for (const char *key : {"clusters", "contexts", "users", "current-context", "preferences"})
        QVERIFY2(want.value(key, json()) == got.value(key, json()),
                 qPrintable(QString::fromStdString(std::string(key) + ": want " + want.value(key, json()).dump() + "\n got "
                                                   + got.value(key, json()).dump())));
}

void tst_AtomicFiles::oidcRefreshKilledKeepsKubeconfig()
{
    QTemporaryDir dir;
    const std::string b = dir.filePath("config").toStdString();
    writeRaw(b, kRichKubeconfig, 0600);
    const std::string lock = b + ".lock";
    for (auto point : {atomicfile_testing::Point::PartlyWritten, atomicfile_testing::Point::BeforeRename}) {
        QVERIFY(killedAt(point, [&] {
            (void)KubeconfigWriter::updateAuthProviderConfig(b, "oidc-user", {{"id-token", "half-written"}});
        }));
        QCOMPARE(readAll(b), std::string(kRichKubeconfig));
        QCOMPARE(modeOf(b), mode_t(0600));
        // The killed writer's kubectl-style lock stays, as kubectl's would: the next writer is
        // told which file to remove (kubectl itself would refuse the same way).
        QVERIFY(QFile::exists(QString::fromStdString(lock)));
        auto refused = KubeconfigWriter::updateAuthProviderConfig(b, "oidc-user", {{"id-token", "x"}});
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().describe().find(lock) != std::string::npos, refused.error().describe().c_str());
        QCOMPARE(::unlink(lock.c_str()), 0);
    }
    // A lock older than a minute is a crashed writer's and is taken over.
    writeRaw(lock, "", 0600);
    struct timespec old[2] = {{::time(nullptr) - 120, 0}, {::time(nullptr) - 120, 0}};
    QCOMPARE(::utimensat(AT_FDCWD, lock.c_str(), old, 0), 0);
    QVERIFY(KubeconfigWriter::updateAuthProviderConfig(b, "oidc-user", {{"id-token", "fresh"}}).ok());
    QVERIFY(!QFile::exists(QString::fromStdString(lock)));
    QVERIFY(readAll(b).find("fresh") != std::string::npos);
}

void tst_AtomicFiles::concurrentKubeconfigWritersLoseNothing()
{
    // Four Tenantry processes sign in five accounts each into one kubeconfig while kubectl adds
    // twenty contexts to it (`config set-context`, retried when kubectl finds the file locked).
    // Both take kubectl's "<file>.lock": every one of the forty contexts is there at the end.
    const QString kubectl = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
    QTemporaryDir dir;
    const std::string file = dir.filePath("config").toStdString();
    writeRaw(file, kRichKubeconfig, 0600);
    std::vector<pid_t> children;
    for (int c = 0; c < 4; ++c) {
        std::fflush(nullptr);
        const pid_t pid = ::fork();
        if (pid == 0) {
            int failures = 0;
            for (int i = 0; i < 5; ++i) {
                auto account = ksaccount::KsAccount::make("https://ks" + std::to_string(c) + ".example.com",
                                                          "user" + std::to_string(i), "", true);
                failures += account && ksaccount::KsLogin::writeEntries(file, *account, "/usr/bin/tenantryctl").ok() ? 0 : 1;
            }
            ::_exit(failures);
        }
        children.push_back(pid);
    }
    int kubectlContexts = 0;
    if (!kubectl.isEmpty()) {
        const pid_t pid = ::fork();
        if (pid == 0) {
            const std::string script = "for i in $(seq 1 20); do until '" + kubectl.toStdString() + "' config set-context kctx-$i "
                                       "--cluster=dev --kubeconfig='" + file + "' >/dev/null 2>&1; do sleep 0.01; done; done";
            ::execl("/bin/bash", "bash", "-c", script.c_str(), nullptr);
            ::_exit(127);
        }
        children.push_back(pid);
        kubectlContexts = 20;
    }
    for (pid_t pid : children) {
        int status = 0;
        ::waitpid(pid, &status, 0);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
    }
    const json after = yamlOf(file);
    std::set<std::string> contexts;
    for (const auto &c : after["contexts"])
        contexts.insert(c.value("name", std::string()));
    // Every context kubectl added is there: Tenantry never wrote over kubectl's change.
    for (int i = 1; i <= kubectlContexts; ++i)
        QVERIFY2(contexts.count("kctx-" + std::to_string(i)), ("kubectl's kctx-" + std::to_string(i) + " was lost").c_str());
    // Tenantry's twenty contexts and users: kubectl's `config set-context` reads the file before
    // it takes the lock, and client-go's ModifyConfig then deletes, under the lock, every context
    // and user of the file that its earlier read did not have ("from old to new for deletions").
    // A sign-in that lands in that window is removed by kubectl itself, whatever Tenantry does;
    // that is all that may be missing, and only while kubectl writes too. A broken lock lost 12
    // to 13 of the 40 (docs/reliability.md).
    std::set<std::string> users;
    for (const auto &u : after["users"])
        users.insert(u.value("name", std::string()));
    int missing = 0, missingUsers = 0;
    for (int c = 0; c < 4; ++c)
        for (int i = 0; i < 5; ++i) {
            const std::string name = "kubesphere-user" + std::to_string(i) + "@ks" + std::to_string(c) + ".example.com";
            missing += contexts.count(name) ? 0 : 1;
            missingUsers += users.count(name) ? 0 : 1;
        }
    if (kubectlContexts == 0) {
        QCOMPARE(missing, 0);
        QCOMPARE(missingUsers, 0);
    } else if (missing + missingUsers > 0) {
        qWarning("kubectl's stale-read deletion removed %d of Tenantry's contexts and %d of its users", missing, missingUsers);
    }
    QVERIFY2(missing <= 3 && missingUsers <= 3,
             qPrintable(QStringLiteral("%1 contexts and %2 users of Tenantry's 20 missing").arg(missing).arg(missingUsers)));
    QCOMPARE(after["contexts"].size(), size_t(2 + 20 - missing + kubectlContexts));
    QCOMPARE(after["users"].size(), size_t(2 + 20 - missingUsers));
    QVERIFY(after.dump().find("old-refresh-token") != std::string::npos);
    QCOMPARE(modeOf(file), mode_t(0600));
    if (kubectl.isEmpty())
        qInfo("kubectl not found: only Tenantry's writers ran");
}

void tst_AtomicFiles::ksLoginWritesAContextAtomically()
{
    QTemporaryDir dir;
    const std::string file = dir.filePath("config").toStdString();
    writeRaw(file, kRichKubeconfig, 0600);
    auto account = ksaccount::KsAccount::make("https://ks.example.com", "alice", "", true);
    QVERIFY(account.ok());
    // Killed while writing the context: the old file, whole.
    for (auto point : {atomicfile_testing::Point::PartlyWritten, atomicfile_testing::Point::BeforeRename}) {
        QVERIFY(killedAt(point, [&] { (void)ksaccount::KsLogin::writeEntries(file, *account, "/usr/bin/tenantryctl"); }));
        QCOMPARE(readAll(file), std::string(kRichKubeconfig));
        QCOMPARE(::unlink((file + ".lock").c_str()), 0);  // the killed writer's lock (see above)
    }
    // Done: the new context is there, everything else kept, mode kept.
    QVERIFY(ksaccount::KsLogin::writeEntries(file, *account, "/usr/bin/tenantryctl").ok());
    QCOMPARE(modeOf(file), mode_t(0600));
    const json after = yamlOf(file);
    QCOMPARE(after.value("current-context", ""), std::string("dev"));
    QCOMPARE(after["contexts"].size(), size_t(3));
    QCOMPARE(after["users"].size(), size_t(3));
    QVERIFY(after.dump().find("old-refresh-token") != std::string::npos);
    QVERIFY(after.dump().find("keep me") != std::string::npos);
    // A fresh account: ~/.kube is made, the file is 0600.
    const std::string fresh = dir.filePath("home/.kube/config").toStdString();
    QVERIFY(ksaccount::KsLogin::writeEntries(fresh, *account, "/usr/bin/tenantryctl").ok());
    QCOMPARE(modeOf(fresh), mode_t(0600));
}

void tst_AtomicFiles::kubeEventsFileKilledKeepsOldFile()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("events.jsonl").toStdString();
    std::vector<json> events;
    for (int i = 0; i < 2000; ++i)
        events.push_back({{"kind", "Event"}, {"metadata", {{"name", "e" + std::to_string(i)}}}});
    QVERIFY(audit::writeKubeEvents(path, {events.begin(), events.begin() + 10}).ok());
    const std::string old = readAll(path);
    QVERIFY(killedAt(atomicfile_testing::Point::PartlyWritten, [&] { (void)audit::writeKubeEvents(path, events); }));
    QCOMPARE(readAll(path), old);
    QVERIFY(audit::writeKubeEvents(path, events).ok());
    const std::string now = readAll(path);
    QCOMPARE(std::count(now.begin(), now.end(), '\n'), long(2000));
}

void tst_AtomicFiles::journalTornLastLineIsSkippedAndDoesNotSwallowTheNext()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("journal.jsonl").toStdString();
    for (int i = 0; i < 3; ++i)
        QVERIFY(journal::append(path, journalRecord(i)).ok());
    // A writer died half-way through record 3 (no newline).
    const std::string torn = journalRecord(3).dump();
    { std::ofstream(path, std::ios::binary | std::ios::app) << torn.substr(0, torn.size() / 2); }
    {
        audit::AuditIndex index;
        audit::IndexOptions o;
        o.rotatedBackups = false;
        QVERIFY(index.index({path}, o).ok());
        QCOMPARE(index.rowCount(), size_t(3));  // the earlier records, whole
        QCOMPARE(index.skippedCount(), size_t(1));
        const auto skipped = index.skipped();
        QCOMPARE(skipped.front().line, std::uint64_t(4));
        QVERIFY2(skipped.front().why.find("last line") != std::string::npos, skipped.front().why.c_str());
    }
    // The next append ends the torn line first: record 4 is read whole, the torn one stays skipped.
    QVERIFY(journal::append(path, journalRecord(4)).ok());
    audit::AuditIndex index;
    audit::IndexOptions o;
    o.rotatedBackups = false;
    QVERIFY(index.index({path}, o).ok());
    QCOMPARE(index.rowCount(), size_t(4));
    QCOMPARE(index.skippedCount(), size_t(1));
    audit::AuditFilter f;
    f.name = "r4";
    QCOMPARE(index.query(f).size(), size_t(1));
    QCOMPARE(modeOf(path), mode_t(0600));
}

void tst_AtomicFiles::journalKilledWhileAppendingKeepsWholeRecords()
{
    // Children append records in a loop and are SIGKILLed at random moments; every line of the
    // journal is a whole record (a line torn by the kill would be only the last one).
    QTemporaryDir dir;
    const std::string path = dir.filePath("journal.jsonl").toStdString();
    for (int round = 0; round < 20; ++round) {
        std::fflush(nullptr);
        const pid_t pid = ::fork();
        if (pid == 0) {
            for (int i = 0;; ++i)
                (void)journal::append(path, journalRecord(round * 100000 + i));
        }
        ::usleep(useconds_t(QRandomGenerator::global()->bounded(2000, 20000)));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
    }
    std::ifstream in(path);
    std::string line;
    size_t lines = 0, bad = 0;
    while (std::getline(in, line)) {
        ++lines;
        if (json::parse(line, nullptr, false).is_discarded())
            ++bad;
    }
    QVERIFY(lines > 20);
    QCOMPARE(bad, size_t(0));
    audit::AuditIndex index;
    audit::IndexOptions o;
    o.rotatedBackups = false;
    QVERIFY(index.index({path}, o).ok());
    QCOMPARE(index.rowCount(), lines);
    qInfo("%zu records appended by 20 SIGKILLed writers: all whole", lines);
}

QTEST_GUILESS_MAIN(tst_AtomicFiles)
#include "tst_atomicfiles.moc"
