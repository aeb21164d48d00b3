// tenantryctl's tenancy commands driven as a user drives them (the built binary, real
// devcluster), with kubectl as the independent judge of what was written: object shapes per
// spec section 15, dry runs that write nothing, exit codes, tables, tree, repair, a tenant's 403.
#include "clusterenv.h"

#include "kubeclient/core/yamlconvert.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <map>

using nlohmann::json;

namespace {

QString qs(const std::string &s) { return QString::fromStdString(s); }

// One table of tenantryctl (kubectl layout): each row as header -> cell, cells cut at the
// columns where the headers start, so cells with spaces ("Team One") stay whole.
std::vector<std::map<std::string, std::string>> tableRows(const QByteArray &out)
{
    std::vector<std::map<std::string, std::string>> rows;
    const QList<QByteArray> lines = out.split('\n');
    if (lines.isEmpty())
        return rows;
    const std::string header = lines[0].toStdString();
    std::vector<std::pair<std::string, size_t>> columns;
    for (size_t i = 0; i < header.size();) {
        if (header[i] == ' ') {
            ++i;
            continue;
        }
        size_t end = header.find(' ', i);
        if (end == std::string::npos)
            end = header.size();
        columns.push_back({header.substr(i, end - i), i});
        i = end;
    }
    for (int l = 1; l < lines.size(); ++l) {
        const std::string line = lines[l].toStdString();
        if (line.empty())
            continue;
        std::map<std::string, std::string> row;
        for (size_t c = 0; c < columns.size(); ++c) {
            const size_t start = columns[c].second;
            const size_t end = c + 1 < columns.size() ? columns[c + 1].second : line.size();
            std::string cell = start < line.size() ? line.substr(start, end - start) : std::string();
            while (!cell.empty() && cell.back() == ' ')
                cell.pop_back();
            row[columns[c].first] = cell;
        }
        rows.push_back(row);
    }
    return rows;
}

std::map<std::string, std::string> rowNamed(const QByteArray &out, const std::string &column, const std::string &value)
{
    for (const auto &row : tableRows(out))
        if (row.count(column) && row.at(column) == value)
            return row;
    return {};
}

} // namespace

class tst_Tenantryctl : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void helpAndUsageErrors();
    void modeIsStandalone();
    void validationErrorNamesTheField();
    void refusesWithoutYesWhenStdinIsNotATerminal();
    void dryRunWritesNothing();
    void asksAtATerminal();
    void createUsers();
    void duplicateEmailIsRefused();
    void createWorkspaceAndProject();
    void customRolesKeepEveryRuleField();
    void membersAreBoundAsKubeSphereBindsThem();
    void canIMeansWhatKubectlMeans();
    void permissionCommandsLineAndErrors();
    void getTablesAndLists();
    void treeShowsThePlatform();
    void restrictedUserSeesWhatTheyCanReach();
    void editsKeepWhatIsNotGiven();
    void repairFindsNoDriftThenFixesAMissingMirror();
    void memberSetRemoveAndDeletes();

private:
    clusterenv::ProcessResult ctl(const QStringList &args, const QByteArray &stdinData = {},
                                  const std::string &kubeconfig = {});
    json kubectlJson(const QStringList &args);
    bool kubectlNotFound(const QStringList &args);
    // golang.org/x/crypto/bcrypt (what KubeSphere verifies logins with) judging a stored hash:
    // tests/integration/bcryptcheck, built once. Exit 0 match, 1 mismatch, 2 not bcrypt.
    clusterenv::ProcessResult bcryptCheck(const std::string &hash, const QByteArray &password);

    QTemporaryDir m_tools;
    QString m_bcryptCheck;

    QString m_bin;
    std::string m_admin;  // the admin's user name as the server sees it (the creator annotation)
    std::string m_sfx, m_alice, m_bob, m_ws, m_ws2, m_proj;
    std::string m_bobConfig;  // bob's own client-certificate identity
    bool m_builtins = false;
};

clusterenv::ProcessResult tst_Tenantryctl::ctl(const QStringList &args, const QByteArray &stdinData,
                                               const std::string &kubeconfig)
{
    return clusterenv::run(m_bin, args, kubeconfig.empty() ? clusterenv::kubeconfigPath("admin") : kubeconfig, stdinData);
}

json tst_Tenantryctl::kubectlJson(const QStringList &args)
{
    auto r = clusterenv::run("kubectl", args + QStringList{"-o", "json"}, clusterenv::kubeconfigPath("admin"));
    if (r.exitCode != 0) {
        qWarning("kubectl %s: %s", qPrintable(args.join(' ')), r.err.constData());
        return json();
    }
    return json::parse(r.out.toStdString(), nullptr, false);
}

clusterenv::ProcessResult tst_Tenantryctl::bcryptCheck(const std::string &hash, const QByteArray &password)
{
    if (m_bcryptCheck.isEmpty()) {
        QString go = QStandardPaths::findExecutable("go");
        if (go.isEmpty())
            go = QStandardPaths::findExecutable("go", {"/usr/local/go/bin", "/usr/lib/go/bin"});
        if (go.isEmpty())
            return {-1, {}, "Go is not installed (scripts/bootstrap installs it; devcluster needs it too)"};
        const QString out = m_tools.filePath("bcryptcheck");
        auto built = clusterenv::run(go, {"-C", QStringLiteral(TENANTRY_TEST_DATA_DIR "/../integration/bcryptcheck"),
                                          "build", "-o", out, "."});
        if (built.exitCode != 0)
            return built;
        m_bcryptCheck = out;
    }
    return clusterenv::run(m_bcryptCheck, {qs(hash)}, {}, password + "\n");
}

bool tst_Tenantryctl::kubectlNotFound(const QStringList &args)
{
    auto r = clusterenv::run("kubectl", args, clusterenv::kubeconfigPath("admin"));
    return r.exitCode != 0 && r.err.contains("NotFound");
}

#define CTL_OK(result)                                                                                           \
    do {                                                                                                         \
        const auto &_r = (result);                                                                               \
        QVERIFY2(_r.exitCode == 0, qPrintable(QStringLiteral("exit %1\nstdout:\n%2\nstderr:\n%3")                \
                                                  .arg(_r.exitCode)                                              \
                                                  .arg(QString::fromUtf8(_r.out), QString::fromUtf8(_r.err)))); \
    } while (0)

void tst_Tenantryctl::initTestCase()
{
    const QString dir = qEnvironmentVariable("TENANTRY_BINARY_DIR");
    QVERIFY2(!dir.isEmpty(), "TENANTRY_BINARY_DIR is not set");
    m_bin = dir + "/app/tenantryctl";
    QVERIFY2(QFileInfo(m_bin).isExecutable(), qPrintable(m_bin + " is not built"));
    // The tenancy CRDs come with the fixture's cluster (scripts/cluster applies resources/crds);
    // apply them here if this cluster was started without them.
    if (kubectlNotFound({"get", "crd", "workspacetemplates.tenant.kubesphere.io"})) {
        const QString crds = QStringLiteral(TENANTRY_TEST_DATA_DIR "/../../resources/crds");
        auto r = clusterenv::run("kubectl", {"apply", "--server-side", "-f", crds}, clusterenv::kubeconfigPath("admin"));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = clusterenv::run("kubectl", {"wait", "--for=condition=Established", "crd", "--all", "--timeout=60s"},
                            clusterenv::kubeconfigPath("admin"));
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
    auto client = clusterenv::clientFor(clusterenv::kubeconfigPath("admin"));
    QVERIFY(client);
    auto me = client->whoami();
    QVERIFY(me);
    m_admin = me->username;
    m_sfx = clusterenv::uniqueName("x").substr(2);
    m_alice = "alice-" + m_sfx;
    m_bob = "bob-" + m_sfx;
    m_ws = "ctl-ws-" + m_sfx;
    m_ws2 = "ctl-ws2-" + m_sfx;
    m_proj = "ctl-proj-" + m_sfx;
    // Built-in roles (KubeSphere's BuiltinRoles) give a workspace its admin role, which a manager
    // binding needs; without them the workspace is made without a manager.
    const json builtins = kubectlJson({"get", "builtinroles.iam.kubesphere.io"});
    m_builtins = builtins.is_object() && !builtins.value("items", json::array()).empty();
    // Earlier tests may have left drift; start from a converged cluster so "no drift" below
    // measures only what this test did.
    for (int i = 0; i < 3; ++i) {
        auto r = ctl({"repair", "--yes"});
        CTL_OK(r);
        if (r.out.contains("no drift found") || r.out.contains("nothing to do"))
            break;
    }
}

void tst_Tenantryctl::cleanupTestCase()
{
    // Best effort: leave the shared cluster as this test found it.
    for (const auto &ws : {m_ws, m_ws2})
        ctl({"delete", "workspace", qs(ws), "--propagation", "Background", "--yes"});
    for (const auto &u : {m_alice, m_bob})
        ctl({"delete", "user", qs(u), "--yes"});
    clusterenv::run("kubectl", {"delete", "namespace", qs(m_proj), "--ignore-not-found", "--wait=false"},
                    clusterenv::kubeconfigPath("admin"));
    clusterenv::run("kubectl", {"delete", "globalrole.iam.kubesphere.io", qs("auditor-" + m_sfx), "--ignore-not-found"},
                    clusterenv::kubeconfigPath("admin"));
    ctl({"repair", "--yes"});
}

void tst_Tenantryctl::helpAndUsageErrors()
{
    // help lists the tenancy commands and the write flags
    auto help = ctl({"help"});
    CTL_OK(help);
    for (const char *part : {"get workspaces|projects|users", "get roles|members", "tree", "member add", "member set",
                             "role create", "user set-platform-role", "repair", "--dry-run", "--yes", "--mode",
                             "can-i", "who-can", "matrix", "--all-contexts"})
        QVERIFY2(help.out.contains(part), part);
    // COMMAND --help lists the command's own flags, on stdout, exit 0
    auto createHelp = ctl({"create", "--help"});
    CTL_OK(createHelp);
    QVERIFY(createHelp.out.contains("--password-stdin"));
    QVERIFY(createHelp.out.contains("--network-isolation"));
    auto roleHelp = ctl({"role", "--help"});
    CTL_OK(roleHelp);
    QVERIFY(roleHelp.out.contains("--non-resource-rule"));
    QVERIFY(roleHelp.out.contains("resourceNames"));
    // Usage errors exit 2 and say what is wrong
    const std::vector<std::pair<QStringList, const char *>> usage = {
        {{"create", "workspace"}, "takes one NAME"},
        {{"create", "widget", "x"}, "create what?"},
        {{"member", "add", "someone"}, "takes USER ROLE"},
        {{"member", "add", "u", "r", "-w", "a", "-n", "b"}, "only one scope"},
        {{"get", "roles"}, "say which scope"},
        {{"create", "workspace", "x", "--bogus"}, "unknown flag: --bogus"},
        {{"create", "project", "p"}, "needs -w"},
        {{"role", "create", "r", "-n", "default", "--rule", "verbs=get;resources=pods"}, "apiGroups are required"},
        {{"get", "workspaces", "-o", "xml"}, "unknown output format"},
    };
    for (const auto &[args, message] : usage) {
        auto r = ctl(args);
        QVERIFY2(r.exitCode == 2, qPrintable(args.join(' ') + " -> " + QString::number(r.exitCode) + ": " + r.err));
        QVERIFY2(r.err.contains(message), qPrintable(args.join(' ') + ": " + r.err));
    }
    auto badMode = ctl({"get", "workspaces", "--mode", "sideways"});
    QCOMPARE(badMode.exitCode, 2);
    QVERIFY(badMode.err.contains("kubesphere or standalone"));
}

void tst_Tenantryctl::modeIsStandalone()
{
    // Given the devcluster (tenancy CRDs, no KubeSphere controller)
    auto r = ctl({"mode"});
    CTL_OK(r);
    QVERIFY2(r.out.contains("mode:    standalone"), r.out.constData());
    QVERIFY(r.out.contains("KubeSphere 4.x (v1beta1)"));
    QVERIFY(r.out.contains("no KubeSphere controller runs"));
    // And --mode overrides it, visibly
    auto forced = ctl({"mode", "--mode", "kubesphere"});
    CTL_OK(forced);
    QVERIFY2(forced.out.contains("mode:    KubeSphere (set with --mode)"), forced.out.constData());
    // And every write names the mode in force on stderr
    auto dry = ctl({"create", "user", qs("nobody-" + m_sfx), "--email", "n@example.com", "--dry-run"});
    CTL_OK(dry);
    QVERIFY2(dry.err.contains("mode: standalone (tenancy CRDs are served but no KubeSphere controller runs)"),
             dry.err.constData());
}

void tst_Tenantryctl::validationErrorNamesTheField()
{
    auto bad = ctl({"create", "workspace", "Bad_Name", "--yes"});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.err.contains("workspace name \"Bad_Name\" is invalid"), bad.err.constData());
    auto email = ctl({"create", "user", qs("u-" + m_sfx), "--email", "not-an-email", "--yes"});
    QCOMPARE(email.exitCode, 1);
    QVERIFY2(email.err.contains("email"), email.err.constData());
    // A weak password is refused without being repeated back
    auto weak = ctl({"create", "user", qs("u-" + m_sfx), "--email", "u@example.com", "--password-stdin", "--yes"},
                    "weakpw\n");
    QCOMPARE(weak.exitCode, 1);
    QVERIFY2(weak.err.contains("password must be 8 to 64 characters"), weak.err.constData());
    QVERIFY(!weak.err.contains("weakpw") && !weak.out.contains("weakpw"));
    auto missingWs = ctl({"create", "project", qs("p-" + m_sfx), "-w", qs("missing-" + m_sfx), "--yes"});
    QCOMPARE(missingWs.exitCode, 1);
    QVERIFY2(missingWs.err.contains("workspace \"missing-" + QByteArray::fromStdString(m_sfx) + "\" does not exist"),
             missingWs.err.constData());
}

void tst_Tenantryctl::refusesWithoutYesWhenStdinIsNotATerminal()
{
    // Given stdin is a pipe (no terminal to ask at) and no --yes
    auto r = ctl({"create", "workspace", qs(m_ws)});
    // Then the plan is shown, nothing is written and the message says to pass --yes
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("create workspace " + QByteArray::fromStdString(m_ws)), r.out.constData());
    QVERIFY2(r.err.contains("stdin is not a terminal") && r.err.contains("--yes"), r.err.constData());
    QVERIFY(kubectlNotFound({"get", "workspacetemplate", qs(m_ws)}));
}

void tst_Tenantryctl::dryRunWritesNothing()
{
    // When a workspace is created with --dry-run
    auto r = ctl({"create", "workspace", qs(m_ws), "--alias", "Team One", "--dry-run"});
    CTL_OK(r);
    // Then every write was checked by the server, kubectl style
    QVERIFY2(r.out.contains("workspacetemplate.tenant.kubesphere.io/" + QByteArray::fromStdString(m_ws)
                            + " applied (server dry run)"),
             r.out.constData());
    QVERIFY(r.out.contains("workspace.tenant.kubesphere.io/" + QByteArray::fromStdString(m_ws) + " applied (server dry run)"));
    QVERIFY(r.err.contains("nothing was written"));
    // And nothing exists
    QVERIFY(kubectlNotFound({"get", "workspacetemplate", qs(m_ws)}));
    QVERIFY(kubectlNotFound({"get", "workspace.tenant.kubesphere.io", qs(m_ws)}));
    // And -o yaml prints the plan as YAML documents on stdout (results on stderr)
    auto yaml = ctl({"create", "workspace", qs(m_ws), "--dry-run", "-o", "yaml"});
    CTL_OK(yaml);
    auto docs = kube::parseYamlDocuments(yaml.out.toStdString(), "plan");
    QVERIFY2(docs, yaml.out.constData());
    QVERIFY(docs->size() >= 2);
    QCOMPARE(qs((*docs)[0].value("kind", "")), QStringLiteral("WorkspaceTemplate"));
    QVERIFY(yaml.err.contains("(server dry run)"));
    QVERIFY(kubectlNotFound({"get", "workspacetemplate", qs(m_ws)}));
}

void tst_Tenantryctl::asksAtATerminal()
{
    // script(1) gives tenantryctl a terminal on stdin, fed with what a user would type.
    const QString script = QStandardPaths::findExecutable("script");
    QVERIFY2(!script.isEmpty(), "script(1) is missing: no pseudo-terminal to test the prompt with "
                                "(scripts/bootstrap installs bsdutils)");
    const std::string name = "tty-" + m_sfx;
    const QString command = "'" + m_bin + "' create user " + qs(name) + " --email " + qs(name) + "@example.com";
    // Answering "n" writes nothing
    auto no = clusterenv::run(script, {"-qec", command, "/dev/null"}, clusterenv::kubeconfigPath("admin"), "n\n");
    QCOMPARE(no.exitCode, 1);
    QVERIFY2(no.out.contains("Apply 2 writes? [y/N]"), no.out.constData());
    QVERIFY(no.out.contains("aborted"));
    QVERIFY(kubectlNotFound({"get", "users.iam.kubesphere.io", qs(name)}));
    // Answering "y" applies
    auto yes = clusterenv::run(script, {"-qec", command, "/dev/null"}, clusterenv::kubeconfigPath("admin"), "y\n");
    QVERIFY2(yes.exitCode == 0, yes.out.constData());
    QVERIFY(yes.out.contains("user.iam.kubesphere.io/" + QByteArray::fromStdString(name) + " applied"));
    CTL_OK(ctl({"delete", "user", qs(name), "--yes"}));
}

void tst_Tenantryctl::createUsers()
{
    // Given a password on stdin (never on the command line)
    const QByteArray password = "Sup3rSecretPw";
    auto alice = ctl({"create", "user", qs(m_alice), "--email", qs(m_alice + "@example.com"), "--display-name", "Alice",
                      "--password-stdin", "--yes"},
                     password + "\n");
    CTL_OK(alice);
    QVERIFY2(!alice.out.contains(password) && !alice.err.contains(password), "the password was echoed");
    QVERIFY2(alice.out.contains("user.iam.kubesphere.io/" + QByteArray::fromStdString(m_alice) + " applied"),
             alice.out.constData());
    QStringList bobArgs = {"create", "user", qs(m_bob), "--email", qs(m_bob + "@example.com"), "--yes"};
    if (m_builtins)
        bobArgs << "--platform-role" << "platform-regular";
    auto bob = ctl(bobArgs);
    CTL_OK(bob);
    if (m_builtins) {
        // The platform role it is created with, on the User as ks-apiserver writes it
        const json b = kubectlJson({"get", "users.iam.kubesphere.io", qs(m_bob)});
        QCOMPARE(qs(b["metadata"]["annotations"].value("iam.kubesphere.io/globalrole", "")), QStringLiteral("platform-regular"));
    }
    // Then the User is KubeSphere's shape: email, creator, the console's alias, Active since now
    const json u = kubectlJson({"get", "users.iam.kubesphere.io", qs(m_alice)});
    QCOMPARE(qs(u["apiVersion"].get<std::string>()), QStringLiteral("iam.kubesphere.io/v1beta1"));
    QCOMPARE(qs(u["spec"].value("email", "")), qs(m_alice + "@example.com"));
    QCOMPARE(qs(u["spec"].value("displayName", "")), QStringLiteral("Alice"));
    QCOMPARE(qs(u["metadata"]["annotations"].value("kubesphere.io/alias-name", "")), QStringLiteral("Alice"));
    QCOMPARE(qs(u["metadata"]["annotations"].value("kubesphere.io/creator", "")), qs(m_admin));
    QCOMPARE(qs(u["status"].value("state", "")), QStringLiteral("Active"));
    QVERIFY(QDateTime::fromString(qs(u["status"].value("lastTransitionTime", "")), Qt::ISODate).isValid());
    // And standalone mode stores the password as KubeSphere's controller would: a bcrypt hash
    // at cost 10, which golang.org/x/crypto/bcrypt (KubeSphere's own check) verifies
    const std::string stored = u["spec"].value("password", "");
    QVERIFY2(stored.rfind("$2b$10$", 0) == 0 && stored.size() == 60, stored.c_str());
    QVERIFY(stored.find(password.toStdString()) == std::string::npos);
    QVERIFY(QDateTime::fromString(qs(u["metadata"]["annotations"].value("iam.kubesphere.io/last-password-change-time", "")),
                                  Qt::ISODate)
                .isValid());
    auto match = bcryptCheck(stored, password);
    QVERIFY2(match.exitCode == 0 && match.out.startsWith("ok cost 10"), (match.out + match.err).constData());
    auto wrong = bcryptCheck(stored, "Sup3rSecretPx");
    QVERIFY2(wrong.exitCode == 1, (wrong.out + wrong.err).constData());
    // And neither the clear text nor the hash is in the plan tenantryctl prints
    auto yaml = ctl({"edit", "user", qs(m_alice), "--password-stdin", "--dry-run", "-o", "yaml"}, password + "\n");
    CTL_OK(yaml);
    QVERIFY(yaml.out.contains("password: <redacted>"));
    QVERIFY(!yaml.out.contains(password) && !yaml.err.contains(password));
    QVERIFY(!yaml.out.contains(QByteArray::fromStdString(stored)) && !yaml.err.contains(QByteArray::fromStdString(stored)));
    if (m_builtins) {
        // The platform role given at creation: one GlobalRoleBinding "<user>-<role>" (spec 15.2)
        const json grb = kubectlJson({"get", "globalrolebindings.iam.kubesphere.io", qs(m_bob + "-platform-regular")});
        QCOMPARE(qs(grb["metadata"]["labels"].value("iam.kubesphere.io/user-ref", "")), qs(m_bob));
        QCOMPARE(qs(grb["metadata"]["labels"].value("iam.kubesphere.io/role-ref", "")), QStringLiteral("platform-regular"));
        QCOMPARE(qs(grb["roleRef"].dump()),
                 qs(json({{"apiGroup", "iam.kubesphere.io"}, {"kind", "GlobalRole"}, {"name", "platform-regular"}}).dump()));
        QCOMPARE(qs(grb["subjects"].dump()),
                 qs(json::array({{{"apiGroup", "iam.kubesphere.io"}, {"kind", "User"}, {"name", m_bob}}}).dump()));
    }
    // And creating the same user again is refused
    auto again = ctl(bobArgs);
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains("already exists"), again.err.constData());
}

void tst_Tenantryctl::duplicateEmailIsRefused()
{
    // Given a user made by someone else (kubectl) with an e-mail
    const std::string other = "mail-owner-" + m_sfx, email = "shared-" + m_sfx + "@example.com";
    const std::string manifest = "apiVersion: iam.kubesphere.io/v1beta1\nkind: User\nmetadata:\n  name: " + other
        + "\nspec:\n  email: " + email + "\n";
    auto seeded = clusterenv::run("kubectl", {"apply", "-f", "-"}, clusterenv::kubeconfigPath("admin"),
                                  QByteArray::fromStdString(manifest));
    QVERIFY2(seeded.exitCode == 0, seeded.err.constData());
    // When a new user is created with that e-mail, then it is refused naming the field and the
    // user who has it, and nothing is written
    const std::string dup = "mail-dup-" + m_sfx;
    const QByteArray expected = "email \"" + QByteArray::fromStdString(email) + "\" is already used by user \""
        + QByteArray::fromStdString(other) + "\"";
    auto create = ctl({"create", "user", qs(dup), "--email", qs(email), "--password-stdin", "--yes"}, "Sup3rSecretPw\n");
    QCOMPARE(create.exitCode, 1);
    QVERIFY2(create.err.contains(expected), create.err.constData());
    QVERIFY(!create.err.contains("Sup3rSecretPw") && !create.out.contains("Sup3rSecretPw"));
    QVERIFY(kubectlNotFound({"get", "users.iam.kubesphere.io", qs(dup)}));
    // And the dry run refuses it the same way
    auto dry = ctl({"create", "user", qs(dup), "--email", qs(email), "--dry-run"});
    QCOMPARE(dry.exitCode, 1);
    QVERIFY2(dry.err.contains(expected), dry.err.constData());
    // And an edit may not take it either; alice keeps her own
    auto edit = ctl({"edit", "user", qs(m_alice), "--email", qs(email), "--yes"});
    QCOMPARE(edit.exitCode, 1);
    QVERIFY2(edit.err.contains(expected), edit.err.constData());
    QCOMPARE(qs(kubectlJson({"get", "users.iam.kubesphere.io", qs(m_alice)})["spec"].value("email", "")),
             qs(m_alice + "@example.com"));
    // While the owner's own edit keeps it
    CTL_OK(ctl({"edit", "user", qs(other), "--display-name", "Owner", "--yes"}));
    QCOMPARE(qs(kubectlJson({"get", "users.iam.kubesphere.io", qs(other)})["spec"].value("email", "")), qs(email));
    CTL_OK(ctl({"delete", "user", qs(other), "--yes"}));
}

void tst_Tenantryctl::createWorkspaceAndProject()
{
    QStringList args = {"create", "workspace", qs(m_ws), "--alias", "Team One", "--description", "first team", "--yes"};
    if (m_builtins)
        args << "--manager" << qs(m_alice);
    auto ws = ctl(args);
    CTL_OK(ws);
    QVERIFY(ws.out.contains("workspacetemplate.tenant.kubesphere.io/" + QByteArray::fromStdString(m_ws) + " applied"));
    // The WorkspaceTemplate as spec 15.2 writes it
    const json wt = kubectlJson({"get", "workspacetemplate", qs(m_ws)});
    QCOMPARE(qs(wt["apiVersion"].get<std::string>()), QStringLiteral("tenant.kubesphere.io/v1beta1"));
    const json annotations = wt["metadata"]["annotations"];
    QCOMPARE(qs(annotations.value("kubesphere.io/creator", "")), qs(m_admin));
    QCOMPARE(qs(annotations.value("kubesphere.io/alias-name", "")), QStringLiteral("Team One"));
    QCOMPARE(qs(annotations.value("kubesphere.io/description", "")), QStringLiteral("first team"));
    QCOMPARE(qs(wt["spec"]["placement"]["clusters"].dump()), QStringLiteral("[{\"name\":\"host\"}]"));
    QCOMPARE(qs(wt["spec"]["template"]["metadata"]["annotations"].value("kubesphere.io/creator", "")), qs(m_admin));
    if (m_builtins)
        QCOMPARE(qs(wt["spec"]["template"]["spec"].value("manager", "")), qs(m_alice));
    // Standalone: the Workspace the controller would make exists too
    const json w = kubectlJson({"get", "workspace.tenant.kubesphere.io", qs(m_ws)});
    QCOMPARE(qs(w["metadata"].value("name", "")), qs(m_ws));
    if (m_builtins) {
        // and the built-in workspace roles "<ws>-<role>" and the manager binding "<ws>-admin" (spec 5)
        for (const char *role : {"admin", "regular", "self-provisioner", "viewer"}) {
            const json r = kubectlJson({"get", "workspaceroles.iam.kubesphere.io", qs(m_ws + "-" + role)});
            QCOMPARE(qs(r["metadata"]["labels"].value("kubesphere.io/workspace", "")), qs(m_ws));
        }
        const json manager = kubectlJson({"get", "workspacerolebindings.iam.kubesphere.io", qs(m_ws + "-admin")});
        QCOMPARE(qs(manager["roleRef"].dump()),
                 qs(json({{"apiGroup", "iam.kubesphere.io"}, {"kind", "WorkspaceRole"}, {"name", m_ws + "-admin"}}).dump()));
        QCOMPARE(qs(manager["subjects"][0].value("name", "")), qs(m_alice));
        QCOMPARE(qs(manager["metadata"]["labels"].value("iam.kubesphere.io/user-ref", "")), qs(m_alice));
    }

    auto p = ctl({"create", "project", qs(m_proj), "-w", qs(m_ws), "--alias", "Project One", "--yes"});
    CTL_OK(p);
    QVERIFY2(p.out.contains("namespace/" + QByteArray::fromStdString(m_proj) + " applied"), p.out.constData());
    const json ns = kubectlJson({"get", "namespace", qs(m_proj)});
    QCOMPARE(qs(ns["metadata"]["labels"].value("kubesphere.io/workspace", "")), qs(m_ws));
    QCOMPARE(qs(ns["metadata"]["labels"].value("kubesphere.io/managed", "")), QStringLiteral("true"));
    QCOMPARE(qs(ns["metadata"]["annotations"].value("kubesphere.io/creator", "")), qs(m_admin));
    QCOMPARE(qs(ns["metadata"]["annotations"].value("kubesphere.io/alias-name", "")), QStringLiteral("Project One"));
    if (m_builtins) {
        // Built-in project roles and their RBAC mirrors, in place of the namespace controller
        for (const char *role : {"admin", "operator", "viewer"}) {
            QVERIFY(!kubectlJson({"get", "roles.iam.kubesphere.io", "-n", qs(m_proj), role}).is_null());
            QVERIFY(!kubectlJson({"get", "roles.rbac.authorization.k8s.io", "-n", qs(m_proj), qs(std::string("kubesphere:iam:") + role)})
                         .is_null());
        }
    }
}

void tst_Tenantryctl::customRolesKeepEveryRuleField()
{
    // A workspace role: short name gets the workspace prefix, rules are written as given
    auto wr = ctl({"role", "create", "deployer", "-w", qs(m_ws), "--alias", "Deployer", "--rule",
                   "verbs=get,list,watch;apiGroups=,apps;resources=pods,deployments", "--yes"});
    CTL_OK(wr);
    const std::string wsRole = m_ws + "-deployer";
    const json role = kubectlJson({"get", "workspaceroles.iam.kubesphere.io", qs(wsRole)});
    QCOMPARE(qs(role["metadata"]["labels"].value("kubesphere.io/workspace", "")), qs(m_ws));
    QCOMPARE(qs(role["metadata"]["annotations"].value("kubesphere.io/alias-name", "")), QStringLiteral("Deployer"));
    QCOMPARE(qs(role["rules"].dump()),
             QStringLiteral("[{\"apiGroups\":[\"\",\"apps\"],\"resources\":[\"pods\",\"deployments\"],\"verbs\":[\"get\","
                            "\"list\",\"watch\"]}]"));
    // and its RBAC projection, so kube-apiserver enforces it inside the workspace's projects
    const json projection = kubectlJson({"get", "clusterrole", qs("tenantry:workspace:" + wsRole)});
    QCOMPARE(qs(projection["rules"].dump()), qs(role["rules"].dump()));

    // A project role with resourceNames, a subresource and a literal "*"
    auto pr = ctl({"role", "create", "log-reader", "-n", qs(m_proj), "--rule",
                   "verbs=get;apiGroups='';resources=pods/log;resourceNames=web-0", "--rule",
                   "verbs=*;apiGroups=apps;resources=deployments/scale", "--yes"});
    CTL_OK(pr);
    const QString expected = QStringLiteral(
        "[{\"apiGroups\":[\"\"],\"resourceNames\":[\"web-0\"],\"resources\":[\"pods/log\"],\"verbs\":[\"get\"]},"
        "{\"apiGroups\":[\"apps\"],\"resources\":[\"deployments/scale\"],\"verbs\":[\"*\"]}]");
    const json projectRole = kubectlJson({"get", "roles.iam.kubesphere.io", "-n", qs(m_proj), "log-reader"});
    QCOMPARE(qs(projectRole["rules"].dump()), expected);
    const json mirror = kubectlJson({"get", "roles.rbac.authorization.k8s.io", "-n", qs(m_proj), "kubesphere:iam:log-reader"});
    QCOMPARE(qs(mirror["rules"].dump()), expected);
    QCOMPARE(qs(mirror["metadata"]["labels"].value("iam.kubesphere.io/role-ref", "")), QStringLiteral("log-reader"));
    // A second project role to switch to later
    CTL_OK(ctl({"role", "create", "pod-viewer", "-n", qs(m_proj), "--rule", "verbs=get,list;apiGroups=;resources=pods",
                "--yes"}));

    // A role from a manifest: name, rules, alias as in the file
    QTemporaryDir dir;
    const QString file = dir.filePath("role.yaml");
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("apiVersion: iam.kubesphere.io/v1beta1\n"
            "kind: Role\n"
            "metadata:\n"
            "  name: cm-editor\n"
            "  annotations: {kubesphere.io/alias-name: ConfigMap editor}\n"
            "rules:\n"
            "- apiGroups: ['']\n"
            "  resources: [configmaps]\n"
            "  resourceNames: [settings]\n"
            "  verbs: [get, update, patch]\n");
    f.close();
    CTL_OK(ctl({"role", "create", "-n", qs(m_proj), "--from-file", file, "--yes"}));
    const json fromFile = kubectlJson({"get", "roles.iam.kubesphere.io", "-n", qs(m_proj), "cm-editor"});
    QCOMPARE(qs(fromFile["rules"].dump()),
             QStringLiteral("[{\"apiGroups\":[\"\"],\"resourceNames\":[\"settings\"],\"resources\":[\"configmaps\"],"
                            "\"verbs\":[\"get\",\"update\",\"patch\"]}]"));
    QCOMPARE(qs(fromFile["metadata"]["annotations"].value("kubesphere.io/alias-name", "")), QStringLiteral("ConfigMap editor"));

    // A platform role with a non-resource URL rule
    auto gr = ctl({"role", "create", qs("auditor-" + m_sfx), "--platform", "--rule",
                   "verbs=get,list;apiGroups=iam.kubesphere.io;resources=users", "--non-resource-rule",
                   "verbs=get;urls=/healthz,/version", "--yes"});
    CTL_OK(gr);
    const json globalRole = kubectlJson({"get", "globalroles.iam.kubesphere.io", qs("auditor-" + m_sfx)});
    QCOMPARE(qs(globalRole["rules"].dump()),
             QStringLiteral("[{\"apiGroups\":[\"iam.kubesphere.io\"],\"resources\":[\"users\"],\"verbs\":[\"get\",\"list\"]},"
                            "{\"nonResourceURLs\":[\"/healthz\",\"/version\"],\"verbs\":[\"get\"]}]"));
    // A non-resource rule in a project role is refused by validation
    auto bad = ctl({"role", "create", "urls", "-n", qs(m_proj), "--non-resource-rule", "verbs=get;urls=/healthz", "--yes"});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.err.contains("nonResourceURLs"), bad.err.constData());
}

void tst_Tenantryctl::membersAreBoundAsKubeSphereBindsThem()
{
    // Workspace member: WorkspaceRoleBinding "<user>-<ws role>" (spec 15.2)
    auto wm = ctl({"member", "add", qs(m_bob), "deployer", "-w", qs(m_ws), "--yes"});
    CTL_OK(wm);
    const std::string wsRole = m_ws + "-deployer";
    const json wrb = kubectlJson({"get", "workspacerolebindings.iam.kubesphere.io", qs(m_bob + "-" + wsRole)});
    const json labels = wrb["metadata"]["labels"];
    QCOMPARE(qs(labels.value("kubesphere.io/workspace", "")), qs(m_ws));
    QCOMPARE(qs(labels.value("iam.kubesphere.io/user-ref", "")), qs(m_bob));
    QCOMPARE(qs(labels.value("iam.kubesphere.io/role-ref", "")), qs(wsRole));
    QCOMPARE(qs(wrb["roleRef"].dump()),
             qs(json({{"apiGroup", "iam.kubesphere.io"}, {"kind", "WorkspaceRole"}, {"name", wsRole}}).dump()));
    QCOMPARE(qs(wrb["subjects"].dump()),
             qs(json::array({{{"apiGroup", "iam.kubesphere.io"}, {"kind", "User"}, {"name", m_bob}}}).dump()));

    // Project member: RoleBinding "<user>-<role>" in the namespace
    auto pm = ctl({"member", "add", qs(m_bob), "log-reader", "-n", qs(m_proj), "--yes"});
    CTL_OK(pm);
    const json rb = kubectlJson({"get", "rolebindings.iam.kubesphere.io", "-n", qs(m_proj), qs(m_bob + "-log-reader")});
    QCOMPARE(qs(rb["metadata"]["labels"].value("iam.kubesphere.io/user-ref", "")), qs(m_bob));
    QCOMPARE(qs(rb["metadata"]["labels"].value("iam.kubesphere.io/role-ref", "")), QStringLiteral("log-reader"));
    QCOMPARE(qs(rb["roleRef"].dump()),
             qs(json({{"apiGroup", "iam.kubesphere.io"}, {"kind", "Role"}, {"name", "log-reader"}}).dump()));
    // (4.x: the user's kubeconfig ServiceAccount too, as ks-apiserver binds it)
    QCOMPARE(qs(rb["subjects"].dump()),
             qs(json::array({{{"apiGroup", "iam.kubesphere.io"}, {"kind", "User"}, {"name", m_bob}},
                             {{"kind", "ServiceAccount"},
                              {"name", "kubesphere.users." + m_bob},
                              {"namespace", "kubesphere-system"}}})
                    .dump()));

    // "add" refuses a second binding in the same scope; the existing one is named
    auto again = ctl({"member", "add", qs(m_bob), "pod-viewer", "-n", qs(m_proj), "--yes"});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains("already a member") && again.err.contains("member set"), again.err.constData());

    // Platform role
    auto pr = ctl({"user", "set-platform-role", qs(m_bob), qs("auditor-" + m_sfx), "--yes"});
    CTL_OK(pr);
    const json grb = kubectlJson({"get", "globalrolebindings.iam.kubesphere.io", qs(m_bob + "-auditor-" + m_sfx)});
    QCOMPARE(qs(grb["roleRef"].dump()),
             qs(json({{"apiGroup", "iam.kubesphere.io"}, {"kind", "GlobalRole"}, {"name", "auditor-" + m_sfx}}).dump()));
    QCOMPARE(qs(grb["metadata"]["labels"].value("iam.kubesphere.io/user-ref", "")), qs(m_bob));

    // And kube-apiserver enforces the project role for bob's own identity: resourceNames and
    // the subresource exactly as written
    m_bobConfig = clusterenv::addUser(m_bob);
    QVERIFY(!m_bobConfig.empty());
    auto canI = [&](const QString &what, const QString &subresource = {}) {
        QStringList args = {"auth", "can-i", "get", what, "-n", qs(m_proj)};
        if (!subresource.isEmpty())
            args << "--subresource" << subresource;
        return clusterenv::run("kubectl", args, m_bobConfig).out.trimmed();
    };
    QCOMPARE(canI("pods/web-0"), QByteArray("yes"));  // through the workspace role's projection
    QCOMPARE(canI("pods/web-0", "log"), QByteArray("yes"));
    QCOMPARE(canI("pods/web-1", "log"), QByteArray("no"));
    QCOMPARE(canI("secrets"), QByteArray("no"));
    // bob may not read roles and bindings: his own matrix comes from the server's rules review,
    // and agrees with kubectl's rules listing (`kubectl auth can-i --list`, the same review).
    auto own = ctl({"matrix", "-n", qs(m_proj), "-o", "json"}, {}, m_bobConfig);
    QVERIFY2(own.exitCode == 0, own.err.constData());
    QVERIFY2(own.err.contains("SelfSubjectRulesReview"), own.err.constData());
    const json rows = json::parse(own.out.toStdString(), nullptr, false);
    QVERIFY2(rows.is_object() || rows.is_array(), own.out.constData());
    const std::string text = rows.dump();
    auto list = clusterenv::run("kubectl", {"auth", "can-i", "--list", "-n", qs(m_proj)}, m_bobConfig);
    QVERIFY2(list.exitCode == 0, list.err.constData());
    // pods/log on web-0 only: a named grant in both.
    QVERIFY2(list.out.contains("pods/log") && text.find("pods/log") != std::string::npos, own.out.constData());
}

// The same command line asks the same question in tenantryctl and kubectl auth can-i: the
// answers (stdout and exit code) agree, for bob's project role from the previous test.
void tst_Tenantryctl::canIMeansWhatKubectlMeans()
{
    const QString ns = qs(m_proj);
    const std::vector<QStringList> lines = {
        {"get", "pods/web-0", "-n", ns},
        {"get", "pods/web-0", "--subresource", "log", "-n", ns},
        {"get", "pods/web-1", "--subresource", "log", "-n", ns},
        {"get", "pods/log", "-n", ns},  // the pod named "log", not the subresource
        {"get", "pods", "--subresource=log", "-n", ns},
        {"get", "secrets", "-n", ns},
        {"list", "pods", "-A"},
        {"get", "/healthz"},
        {"get", "nodes", "-n", ns},
        {"create", "deployments.apps", "-n", ns},
        {"get", "po/web-0", "-n", ns},
        {"-n", ns, "get", "pods/web-0"},
    };
    for (const auto &line : lines) {
        const QStringList as = {"--as", qs(m_bob)};
        auto theirs = clusterenv::run("kubectl", QStringList{"auth", "can-i"} + line + as, clusterenv::kubeconfigPath("admin"));
        auto ours = ctl(QStringList{"can-i"} + line + as);
        const QString what = line.join(' ');
        QVERIFY2(theirs.exitCode == 0 || theirs.exitCode == 1, qPrintable(what + ": kubectl " + theirs.err));
        QCOMPARE(qs(ours.out.trimmed().toStdString()) + " " + what, qs(theirs.out.trimmed().toStdString()) + " " + what);
        QVERIFY2(ours.exitCode == theirs.exitCode, qPrintable(what + ": exit " + QString::number(ours.exitCode) + " vs "
                                                             + QString::number(theirs.exitCode) + "\n" + ours.err));
    }
    // -q answers with the exit code only, as kubectl's does
    auto quiet = ctl({"can-i", "get", "pods/web-0", "-n", ns, "--as", qs(m_bob), "-q"});
    QCOMPARE(quiet.exitCode, 0);
    QVERIFY(quiet.out.isEmpty());
    // A third argument is kubectl's usage error, not a name
    QCOMPARE(ctl({"can-i", "get", "pods", "web-0"}).exitCode, 2);
    // --list shows the namespace's rules for bob: pods with their names
    auto list = ctl({"can-i", "--list", "-n", ns, "--as", qs(m_bob)});
    CTL_OK(list);
    QVERIFY2(list.out.startsWith("Resources"), list.out.constData());
    QVERIFY2(list.out.contains("pods/log"), list.out.constData());
}

void tst_Tenantryctl::permissionCommandsLineAndErrors()
{
    // Global flags go before the command, as in kubectl
    auto early = clusterenv::run(m_bin, {"--kubeconfig", qs(clusterenv::kubeconfigPath("admin")), "get", "workspaces"},
                                 "/nonexistent/kubeconfig");
    CTL_OK(early);
    // Every permission command has --help, exit 0, listing its flags
    for (const char *command : {"can-i", "matrix", "who-can", "diff", "risks"}) {
        auto help = ctl({command, "--help"});
        QVERIFY2(help.exitCode == 0, qPrintable(QString(command) + ": " + help.err));
        QVERIFY2(help.out.contains("--kubeconfig"), command);
    }
    QVERIFY(ctl({"matrix", "--help"}).out.contains("--as-group"));
    QVERIFY(ctl({"help", "who-can"}).out.contains("--subresource"));
    // An unknown resource type is an error for who-can, like kubectl-who-can's
    auto unknown = ctl({"who-can", "frobnicate", "frobwidgets"});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.contains("the server doesn't have a resource type 'frobwidgets'"), unknown.err.constData());
    // can-i warns and asks anyway, as kubectl does
    auto canUnknown = ctl({"can-i", "get", "frobwidgets"});
    QCOMPARE(canUnknown.exitCode, 0);  // the admin may do anything
    QVERIFY2(canUnknown.err.contains("Warning: the server doesn't have a resource type 'frobwidgets'"), canUnknown.err.constData());
    // A namespace that does not exist is said so
    auto missing = ctl({"who-can", "get", "pods", "-n", "no-such-namespace-" + qs(m_sfx)});
    CTL_OK(missing);
    QVERIFY2(missing.err.contains("does not exist"), missing.err.constData());
    // who-can in one namespace names bob through his project binding
    auto who = ctl({"who-can", "get", "pods", "web-0", "-n", qs(m_proj)});
    CTL_OK(who);
    QVERIFY2(who.out.contains(qs(m_bob).toUtf8()), who.out.constData());
    // matrix -n for bob: pods readable
    auto matrix = ctl({"matrix", "--as", qs(m_bob), "-n", qs(m_proj), "-o", "json"});
    CTL_OK(matrix);
    // whoami: the identity the shared connection asked for
    auto me = ctl({"whoami"});
    CTL_OK(me);
    QVERIFY2(me.out.startsWith("Username  " + QByteArray::fromStdString(m_admin)), me.out.constData());
    // Several contexts: rows prefixed with the context
    auto twice = ctl({"get", "workspaces", "--all-contexts"});
    CTL_OK(twice);
    QVERIFY2(twice.out.startsWith("CONTEXT"), twice.out.constData());
}

void tst_Tenantryctl::getTablesAndLists()
{
    auto ws = ctl({"get", "workspaces"});
    CTL_OK(ws);
    QVERIFY2(ws.out.startsWith("NAME"), ws.out.constData());
    QVERIFY(QString(ws.out.split('\n')[0]).simplified() == "NAME MANAGER PROJECTS ALIAS NETWORK AGE");
    auto row = rowNamed(ws.out, "NAME", m_ws);
    QVERIFY2(!row.empty(), ws.out.constData());
    QCOMPARE(qs(row["PROJECTS"]), QStringLiteral("1"));
    QCOMPARE(qs(row["ALIAS"]), QStringLiteral("Team One"));
    QCOMPARE(qs(row["MANAGER"]), m_builtins ? qs(m_alice) : QStringLiteral("<none>"));

    auto projects = ctl({"get", "projects", "-w", qs(m_ws)});
    CTL_OK(projects);
    QCOMPARE(QString(projects.out.split('\n')[0]).simplified(), QStringLiteral("NAME WORKSPACE STATUS NETWORK AGE"));
    row = rowNamed(projects.out, "NAME", m_proj);
    QCOMPARE(qs(row["WORKSPACE"]), qs(m_ws));
    QCOMPARE(qs(row["STATUS"]), QStringLiteral("Active"));
    QCOMPARE(tableRows(projects.out).size(), size_t(1));
    // -A adds namespaces outside workspaces
    auto all = ctl({"get", "projects", "-A"});
    CTL_OK(all);
    QCOMPARE(qs(rowNamed(all.out, "NAME", "kube-system")["WORKSPACE"]), QStringLiteral("<none>"));

    auto users = ctl({"get", "users"});
    CTL_OK(users);
    QCOMPARE(QString(users.out.split('\n')[0]).simplified(), QStringLiteral("NAME EMAIL STATE PLATFORM-ROLE AGE"));
    row = rowNamed(users.out, "NAME", m_bob);
    QCOMPARE(qs(row["EMAIL"]), qs(m_bob + "@example.com"));
    QCOMPARE(qs(row["STATE"]), QStringLiteral("Active"));
    QCOMPARE(qs(row["PLATFORM-ROLE"]), qs("auditor-" + m_sfx));

    auto roles = ctl({"get", "roles", "-n", qs(m_proj)});
    CTL_OK(roles);
    QCOMPARE(QString(roles.out.split('\n')[0]).simplified(), QStringLiteral("NAME TEMPLATES RULES ALIAS BUILT-IN"));
    row = rowNamed(roles.out, "NAME", "log-reader");
    QCOMPARE(qs(row["RULES"]), QStringLiteral("2"));
    QCOMPARE(qs(row["BUILT-IN"]), QStringLiteral("no"));
    QVERIFY2(!roles.out.contains("kubesphere:iam:"), "RBAC mirrors are not roles of their own");
    auto wsRoles = ctl({"get", "roles", "-w", qs(m_ws)});
    CTL_OK(wsRoles);
    QCOMPARE(qs(rowNamed(wsRoles.out, "NAME", m_ws + "-deployer")["ALIAS"]), QStringLiteral("Deployer"));
    QCOMPARE(qs(rowNamed(wsRoles.out, "NAME", m_ws + "-deployer")["BUILT-IN"]), QStringLiteral("no"));
    if (m_builtins)
        QCOMPARE(qs(rowNamed(wsRoles.out, "NAME", m_ws + "-admin")["BUILT-IN"]), QStringLiteral("yes"));
    auto platformRoles = ctl({"get", "roles", "--platform"});
    CTL_OK(platformRoles);
    QCOMPARE(qs(rowNamed(platformRoles.out, "NAME", "auditor-" + m_sfx)["RULES"]), QStringLiteral("2"));

    auto members = ctl({"get", "members", "-w", qs(m_ws)});
    CTL_OK(members);
    QCOMPARE(QString(members.out.split('\n')[0]).simplified(), QStringLiteral("SUBJECT ROLE BINDING SINCE"));
    row = rowNamed(members.out, "SUBJECT", m_bob);
    QCOMPARE(qs(row["ROLE"]), qs(m_ws + "-deployer"));
    QCOMPARE(qs(row["BINDING"]), qs(m_bob + "-" + m_ws + "-deployer"));
    auto platformMembers = ctl({"get", "members", "--platform"});
    CTL_OK(platformMembers);
    QCOMPARE(qs(rowNamed(platformMembers.out, "SUBJECT", m_bob)["ROLE"]), qs("auditor-" + m_sfx));
    auto projectMembers = ctl({"get", "members", "-n", qs(m_proj)});
    CTL_OK(projectMembers);
    QCOMPARE(qs(rowNamed(projectMembers.out, "SUBJECT", m_bob)["ROLE"]), QStringLiteral("log-reader"));
    QVERIFY2(!projectMembers.out.contains("kubesphere:iam:") && !projectMembers.out.contains("tenantry:workspace:"),
             "generated bindings are not members");

    // -o json / yaml: the underlying objects as a List
    auto wsJson = ctl({"get", "workspaces", "-o", "json"});
    CTL_OK(wsJson);
    const json list = json::parse(wsJson.out.toStdString());
    QCOMPARE(qs(list.value("kind", "")), QStringLiteral("List"));
    bool found = false;
    for (const auto &item : list["items"])
        found = found || (item["metadata"]["name"] == m_ws && item["kind"] == "WorkspaceTemplate");
    QVERIFY(found);
    auto membersYaml = ctl({"get", "members", "-n", qs(m_proj), "-o", "yaml"});
    CTL_OK(membersYaml);
    auto docs = kube::parseYamlDocuments(membersYaml.out.toStdString(), "members");
    QVERIFY(docs && docs->size() == 1);
    QCOMPARE(qs((*docs)[0]["items"][0].value("kind", "")), QStringLiteral("RoleBinding"));
    // a single NAME prints the object itself
    auto one = ctl({"get", "user", qs(m_alice), "-o", "json"});
    CTL_OK(one);
    QCOMPARE(qs(json::parse(one.out.toStdString())["spec"].value("email", "")), qs(m_alice + "@example.com"));
    auto missing = ctl({"get", "workspace", qs("missing-" + m_sfx)});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains("Error from server (NotFound)"), missing.err.constData());

    // Other nouns stay the generic get
    auto generic = ctl({"get", "namespaces"});
    CTL_OK(generic);
    QCOMPARE(QString(generic.out.split('\n')[0]).simplified(), QStringLiteral("NAME AGE"));
}

void tst_Tenantryctl::treeShowsThePlatform()
{
    auto tree = ctl({"tree"});
    CTL_OK(tree);
    const QString out = QString::fromUtf8(tree.out);
    QVERIFY2(out.startsWith("platform (standalone mode"), qPrintable(out));
    QVERIFY(out.contains("├── users"));
    QVERIFY(out.contains(qs(m_bob + " [auditor-" + m_sfx + "]")));
    QVERIFY(out.contains("├── platform roles"));
    QVERIFY(out.contains("└── workspaces"));
    // The workspace, its members, its projects and theirs, indented like tree(1)
    QVERIFY(out.contains(qs(m_ws)));
    QVERIFY(out.contains(qs(m_bob + ": " + m_ws + "-deployer")));
    QVERIFY(out.contains(qs(m_bob + ": log-reader")));
    const int wsLine = out.indexOf(qs(m_ws));
    const int projLine = out.indexOf(qs(m_proj));
    QVERIFY(wsLine >= 0 && projLine > wsLine);

    auto one = ctl({"tree", "-w", qs(m_ws)});
    CTL_OK(one);
    const QString oneOut = QString::fromUtf8(one.out);
    QVERIFY2(oneOut.startsWith(qs(m_ws)), qPrintable(oneOut));
    QVERIFY(oneOut.contains("├── members") || oneOut.contains("└── members"));
    QVERIFY(oneOut.contains("└── projects"));
    QVERIFY(oneOut.contains("    └── " + qs(m_proj)));
    QVERIFY2(!oneOut.contains("users"), qPrintable(oneOut));
}

void tst_Tenantryctl::restrictedUserSeesWhatTheyCanReach()
{
    const std::string bobConfig = m_bobConfig;
    QVERIFY(!bobConfig.empty());
    // A tenant cannot list workspaces: the server's 403, exit 1
    auto ws = ctl({"get", "workspaces"}, {}, bobConfig);
    QCOMPARE(ws.exitCode, 1);
    QVERIFY2(ws.err.contains("Error from server (Forbidden)") && ws.err.contains("cannot list resource \"workspacetemplates\""),
             ws.err.constData());
    // get projects falls back to the namespaces they can reach, and says so
    auto projects = ctl({"get", "projects", "-n", qs(m_proj)}, {}, bobConfig);
    CTL_OK(projects);
    QVERIFY2(projects.err.contains("showing the namespaces you can reach"), projects.err.constData());
    QVERIFY2(!rowNamed(projects.out, "NAME", m_proj).empty(), projects.out.constData());
    // A namespace they have nothing in is not shown (the one reach rule may still find their
    // own projects: then those are listed, else the command fails)
    auto none = ctl({"get", "projects", "-n", "kube-system"}, {}, bobConfig);
    QVERIFY(rowNamed(none.out, "NAME", "kube-system").empty());
    QCOMPARE(none.exitCode, tableRows(none.out).empty() ? 1 : 0);
    // A tenant's write is refused by the server with its message
    auto write = ctl({"create", "workspace", qs("tenant-" + m_sfx), "--yes"}, {}, bobConfig);
    QCOMPARE(write.exitCode, 1);
    QVERIFY2(write.err.contains("forbidden"), write.err.constData());
}

void tst_Tenantryctl::editsKeepWhatIsNotGiven()
{
    auto ws = ctl({"edit", "workspace", qs(m_ws), "--description", "renamed team", "--yes"});
    CTL_OK(ws);
    const json wt = kubectlJson({"get", "workspacetemplate", qs(m_ws)});
    QCOMPARE(qs(wt["metadata"]["annotations"].value("kubesphere.io/description", "")), QStringLiteral("renamed team"));
    QCOMPARE(qs(wt["metadata"]["annotations"].value("kubesphere.io/alias-name", "")), QStringLiteral("Team One"));
    QCOMPARE(qs(wt["metadata"]["annotations"].value("kubesphere.io/creator", "")), qs(m_admin));

    // A project's alias alone: its description, workspace label and creator stay
    CTL_OK(ctl({"edit", "project", qs(m_proj), "--description", "first words", "--yes"}));
    auto project = ctl({"edit", "project", qs(m_proj), "--alias", "Project 1", "--yes"});
    CTL_OK(project);
    json ns = kubectlJson({"get", "namespace", qs(m_proj)});
    QCOMPARE(qs(ns["metadata"]["annotations"].value("kubesphere.io/alias-name", "")), QStringLiteral("Project 1"));
    QCOMPARE(qs(ns["metadata"]["annotations"].value("kubesphere.io/description", "")), QStringLiteral("first words"));
    QCOMPARE(qs(ns["metadata"]["labels"].value("kubesphere.io/workspace", "")), qs(m_ws));
    QVERIFY(!ns["metadata"]["annotations"].value("kubesphere.io/creator", "").empty());
    // An empty value removes the field
    CTL_OK(ctl({"edit", "project", qs(m_proj), "--description", "", "--yes"}));
    ns = kubectlJson({"get", "namespace", qs(m_proj)});
    QVERIFY(!ns["metadata"]["annotations"].contains("kubesphere.io/description"));
    QCOMPARE(qs(ns["metadata"]["annotations"].value("kubesphere.io/alias-name", "")), QStringLiteral("Project 1"));

    const std::string hashBefore = kubectlJson({"get", "users.iam.kubesphere.io", qs(m_alice)})["spec"].value("password", "");
    auto user = ctl({"edit", "user", qs(m_alice), "--display-name", "Alice A", "--yes"});
    CTL_OK(user);
    const json u = kubectlJson({"get", "users.iam.kubesphere.io", qs(m_alice)});
    QCOMPARE(qs(u["spec"].value("displayName", "")), QStringLiteral("Alice A"));
    QCOMPARE(qs(u["metadata"]["annotations"].value("kubesphere.io/alias-name", "")), QStringLiteral("Alice A"));
    // The password was not given: the stored hash stays as it was
    QVERIFY(!hashBefore.empty());
    QCOMPARE(qs(u["spec"].value("password", "")), qs(hashBefore));
    QCOMPARE(qs(u["spec"].value("email", "")), qs(m_alice + "@example.com"));

    auto role = ctl({"role", "edit", "deployer", "-w", qs(m_ws), "--alias", "Deployers", "--yes"});
    CTL_OK(role);
    const json r = kubectlJson({"get", "workspaceroles.iam.kubesphere.io", qs(m_ws + "-deployer")});
    QCOMPARE(qs(r["metadata"]["annotations"].value("kubesphere.io/alias-name", "")), QStringLiteral("Deployers"));
    QCOMPARE(r["rules"].size(), size_t(1));
    QCOMPARE(qs(r["rules"][0]["resources"].dump()), QStringLiteral("[\"pods\",\"deployments\"]"));
    // Editing a role's rules replaces them
    CTL_OK(ctl({"role", "edit", "pod-viewer", "-n", qs(m_proj), "--rule", "verbs=get,list,watch;apiGroups=;resources=pods",
                "--yes"}));
    const json pv = kubectlJson({"get", "roles.iam.kubesphere.io", "-n", qs(m_proj), "pod-viewer"});
    QCOMPARE(qs(pv["rules"][0]["verbs"].dump()), QStringLiteral("[\"get\",\"list\",\"watch\"]"));
}

void tst_Tenantryctl::repairFindsNoDriftThenFixesAMissingMirror()
{
    // After clean operations there is nothing to repair
    auto clean = ctl({"repair", "--yes"});
    CTL_OK(clean);
    QVERIFY2(clean.out.contains("no drift found"), clean.out.constData());
    // When a generated mirror is deleted behind Tenantry's back
    auto del = clusterenv::run("kubectl", {"delete", "role.rbac.authorization.k8s.io", "-n", qs(m_proj), "kubesphere:iam:log-reader"},
                               clusterenv::kubeconfigPath("admin"));
    QVERIFY2(del.exitCode == 0, del.err.constData());
    // Then a dry run shows the fix and writes nothing
    auto dry = ctl({"repair", "--dry-run"});
    CTL_OK(dry);
    QVERIFY2(dry.out.contains("role.rbac.authorization.k8s.io/kubesphere:iam:log-reader applied (namespace " + QByteArray::fromStdString(m_proj)
                              + ", server dry run)"),
             dry.out.constData());
    QVERIFY(kubectlNotFound({"get", "role.rbac.authorization.k8s.io", "-n", qs(m_proj), "kubesphere:iam:log-reader"}));
    // And repair puts it back, with the role's rules
    auto fix = ctl({"repair", "--yes"});
    CTL_OK(fix);
    QVERIFY(fix.out.contains("kubesphere:iam:log-reader applied"));
    const json mirror = kubectlJson({"get", "role.rbac.authorization.k8s.io", "-n", qs(m_proj), "kubesphere:iam:log-reader"});
    QCOMPARE(mirror["rules"].size(), size_t(2));
    auto after = ctl({"repair", "--yes"});
    CTL_OK(after);
    QVERIFY2(after.out.contains("no drift found"), after.out.constData());
}

void tst_Tenantryctl::memberSetRemoveAndDeletes()
{
    // set replaces bob's project role: the old binding and its mirror go
    auto set = ctl({"member", "set", qs(m_bob), "pod-viewer", "-n", qs(m_proj), "--yes"});
    CTL_OK(set);
    QVERIFY(!kubectlJson({"get", "rolebindings.iam.kubesphere.io", "-n", qs(m_proj), qs(m_bob + "-pod-viewer")}).is_null());
    QVERIFY(kubectlNotFound({"get", "rolebindings.iam.kubesphere.io", "-n", qs(m_proj), qs(m_bob + "-log-reader")}));
    QVERIFY(kubectlNotFound({"get", "rolebindings.rbac.authorization.k8s.io", "-n", qs(m_proj), qs("kubesphere:iam:" + m_bob + "-log-reader")}));
    // A role still bound cannot be deleted
    auto bound = ctl({"role", "delete", "pod-viewer", "-n", qs(m_proj), "--yes"});
    QCOMPARE(bound.exitCode, 1);
    QVERIFY2(bound.err.contains("still bound"), bound.err.constData());
    // remove, with a dry run first
    auto dry = ctl({"member", "remove", qs(m_bob), "-w", qs(m_ws), "--dry-run"});
    CTL_OK(dry);
    QVERIFY(!kubectlJson({"get", "workspacerolebindings.iam.kubesphere.io", qs(m_bob + "-" + m_ws + "-deployer")}).is_null());
    CTL_OK(ctl({"member", "remove", qs(m_bob), "-w", qs(m_ws), "--yes"}));
    QVERIFY(kubectlNotFound({"get", "workspacerolebindings.iam.kubesphere.io", qs(m_bob + "-" + m_ws + "-deployer")}));
    auto notMember = ctl({"member", "remove", qs(m_bob), "-w", qs(m_ws), "--yes"});
    QCOMPARE(notMember.exitCode, 1);
    QVERIFY(notMember.err.contains("is not a member"));
    // disable / enable, each stamping the time of its transition
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    CTL_OK(ctl({"user", "disable", qs(m_bob), "--yes"}));
    json status = kubectlJson({"get", "users.iam.kubesphere.io", qs(m_bob)})["status"];
    QCOMPARE(qs(status.value("state", "")), QStringLiteral("Disabled"));
    const QDateTime disabledAt = QDateTime::fromString(qs(status.value("lastTransitionTime", "")), Qt::ISODate);
    QVERIFY2(disabledAt.isValid() && disabledAt >= before, status.dump().c_str());
    // disabling again is no transition: nothing to do, the time stays
    auto again = ctl({"user", "disable", qs(m_bob), "--yes"});
    CTL_OK(again);
    QVERIFY2(again.out.contains("already Disabled") || again.err.contains("already Disabled"), (again.out + again.err).constData());
    QCOMPARE(qs(kubectlJson({"get", "users.iam.kubesphere.io", qs(m_bob)})["status"].value("lastTransitionTime", "")),
             qs(status.value("lastTransitionTime", "")));
    CTL_OK(ctl({"user", "enable", qs(m_bob), "--yes"}));
    status = kubectlJson({"get", "users.iam.kubesphere.io", qs(m_bob)})["status"];
    QCOMPARE(qs(status.value("state", "")), QStringLiteral("Active"));
    QVERIFY(QDateTime::fromString(qs(status.value("lastTransitionTime", "")), Qt::ISODate) >= disabledAt);
    // move the project to a second workspace
    CTL_OK(ctl({"create", "workspace", qs(m_ws2), "--yes"}));
    CTL_OK(ctl({"move", "project", qs(m_proj), "-w", qs(m_ws2), "--yes"}));
    QCOMPARE(qs(kubectlJson({"get", "namespace", qs(m_proj)})["metadata"]["labels"].value("kubesphere.io/workspace", "")), qs(m_ws2));
    // deletes
    auto delUser = ctl({"delete", "user", qs(m_bob), "--yes"});
    CTL_OK(delUser);
    QVERIFY(delUser.out.contains("user.iam.kubesphere.io/" + QByteArray::fromStdString(m_bob) + " deleted"));
    QVERIFY(kubectlNotFound({"get", "users.iam.kubesphere.io", qs(m_bob)}));
    // standalone: the user's bindings go with them, as KubeSphere's user controller does it
    QVERIFY(kubectlNotFound({"get", "rolebindings.iam.kubesphere.io", "-n", qs(m_proj), qs(m_bob + "-pod-viewer")}));
    CTL_OK(ctl({"delete", "project", qs(m_proj), "--yes"}));
    const json ns = kubectlJson({"get", "namespace", qs(m_proj)});
    QVERIFY(ns.is_null() || ns["metadata"].contains("deletionTimestamp"));
    auto delWs = ctl({"delete", "workspace", qs(m_ws), "--yes"});
    CTL_OK(delWs);
    QVERIFY(kubectlNotFound({"get", "workspacetemplate", qs(m_ws)}));
    QVERIFY(kubectlNotFound({"get", "workspaceroles.iam.kubesphere.io", qs(m_ws + "-deployer")}));
}

QTEST_GUILESS_MAIN(tst_Tenantryctl)
#include "tst_tenantryctl.moc"
