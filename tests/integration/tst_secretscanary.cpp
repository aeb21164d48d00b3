// Secrets canary: credentials with recognisable values pass through every path Tenantry has
// for them, then every output stream and every file Tenantry wrote is searched for them (raw
// and base64, and "user:password" in base64 as a Basic header carries it). Paths: a bearer
// token, a token file, basic auth, a client key (PEM), an exec plugin's credential, OIDC with a
// refresh (the loopback issuer), each against a loopback server that echoes the Authorization
// header and the request body back in its error answers; a token file and client certificates
// against the real devcluster, a journaled write; a KubeSphere sign-in (password, access and
// refresh tokens) through the loopback ks-apiserver stand-in; `config view`; `tenantry
// --screenshot` with every logging category on. The processes run with a temporary HOME and
// XDG_* directories, so every file they write is found there and searched.
#include "clusterenv.h"

#include "kubeclient/core/base64.h"
#include "tests/support/ksstandin.h"
#include "tests/support/testhttpserver.h"
#include "tests/support/testpki.h"

#include <QDirIterator>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>

using namespace testsupport;

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }

const std::string kToken = "canary-bearer-7f3c2a9d41e8";
const std::string kTokenFile = "canary-tokenfile-5b81e0c4d2a7";
const std::string kUser = "canary-basic-user";
const std::string kPassword = "canary-basic-pass-c0ffee42";
const std::string kExecToken = "canary-exec-token-9a1b7c3d";
const std::string kRefresh = "canary-oidc-refresh-4e6f8a0b";
const std::string kClientSecret = "canary-oidc-client-secret-13579";
const std::string kRefreshedIdTokenSig = "canaryRefreshedIdTokenSignature2468";
const std::string kKsPassword = "Canary-Ks-Pass-8642";

std::string base64Url(const std::string &bytes)
{
    std::string s = kube::Base64::encode(bytes);
    for (char &c : s)
        c = c == '+' ? '-' : c == '/' ? '_' : c;
    while (!s.empty() && s.back() == '=')
        s.pop_back();
    return s;
}

// An id-token that expired an hour ago, so the first request refreshes it.
std::string expiredIdToken()
{
    const auto exp = std::chrono::duration_cast<std::chrono::seconds>(
                         (std::chrono::system_clock::now() - std::chrono::hours(1)).time_since_epoch())
                         .count();
    return base64Url(R"({"alg":"RS256","typ":"JWT"})") + "."
        + base64Url(R"({"iss":"x","sub":"canary-oidc-user","exp":)" + std::to_string(exp) + "}") + "." + base64Url("sig");
}

std::string readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().toStdString();
}

void writeFile(const QString &path, const std::string &text, QFileDevice::Permissions perms = {})
{
    std::ofstream(path.toStdString()) << text;
    if (perms)
        QFile::setPermissions(path, perms);
}

// The PEM key's body lines (each is distinctive) and its base64 (client-key-data).
void addKeyCanaries(const std::string &label, const std::string &pem, std::vector<std::pair<std::string, std::string>> &out)
{
    std::istringstream lines(pem);
    std::string line;
    int n = 0;
    while (std::getline(lines, line))
        if (line.size() >= 40 && line.find("-----") == std::string::npos && n++ < 3)
            out.push_back({label + " (PEM line)", line});
    const std::string b64 = kube::Base64::encode(pem);
    if (b64.size() > 160)
        out.push_back({label + " (base64 of the PEM)", b64.substr(96, 48)});
}

// client-key-data of a kubeconfig file (or the file it names), decoded.
std::string clientKeyOf(const std::string &kubeconfigPath)
{
    const std::string text = readFile(qs(kubeconfigPath));
    for (const char *field : {"client-key-data:", "client-key:"}) {
        const auto at = text.find(field);
        if (at == std::string::npos)
            continue;
        auto start = text.find_first_not_of(" \"", at + std::strlen(field));
        auto end = text.find_first_of("\"\n", start);
        const std::string value = text.substr(start, end - start);
        if (std::string(field) == "client-key:")
            return readFile(qs(value));
        auto decoded = kube::Base64::decode(value);
        return decoded ? *decoded : std::string();
    }
    return {};
}
} // namespace

class tst_SecretsCanary : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void loopbackServerPaths();
    void configViewRedacts();
    void screenshotsWithEveryLogCategory();
    void devclusterPaths();
    void kubesphereSignIn();
    void noCanaryInAnyStreamOrFile();

private:
    struct Run {
        QString label;
        int exitCode = -1;
        QByteArray out, err;
    };
    Run run(const QString &label, const QString &program, const QStringList &args, const QByteArray &stdinData = {},
            int timeoutMs = 120000);
    Run ctl(const QString &label, const QStringList &args, const QByteArray &stdinData = {})
    {
        return run(label, m_ctl, args, stdinData);
    }

    QTemporaryDir m_home;    // HOME and XDG_* of every process: everything Tenantry writes
    QTemporaryDir m_inputs;  // kubeconfigs, the plugin, the token file: what the test hands in
    QString m_ctl, m_gui, m_kubeconfig, m_shots;
    TestPki m_pki;
    std::unique_ptr<TestHttpServer> m_echo;
    std::unique_ptr<KsStandIn> m_ks;
    std::vector<Run> m_runs;
    std::vector<std::pair<std::string, std::string>> m_canaries;  // label, value
    std::vector<std::string> m_excludedStreams;                 // labels whose stdout is a credential by design
    std::string m_workspace;
};

tst_SecretsCanary::Run tst_SecretsCanary::run(const QString &label, const QString &program, const QStringList &args,
                                              const QByteArray &stdinData, int timeoutMs)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString home = m_home.path();
    env.insert("HOME", home);
    env.insert("XDG_CONFIG_HOME", home + "/.config");
    env.insert("XDG_DATA_HOME", home + "/.local/share");
    env.insert("XDG_CACHE_HOME", home + "/.cache");
    env.insert("XDG_STATE_HOME", home + "/.local/state");
    env.insert("TMPDIR", home + "/tmp");
    env.remove("KUBECONFIG");
    env.remove("TENANTRY_JOURNAL");  // the default journal, under the temporary home
    env.insert("QT_QPA_PLATFORM", "offscreen");
    env.insert("QT_LOGGING_RULES", "*.debug=true");  // every category, every level
    p.setProcessEnvironment(env);
    p.start(program, args);
    Run r;
    r.label = label;
    if (!p.waitForStarted(10000)) {
        r.err = "could not start " + program.toUtf8();
        m_runs.push_back(r);
        return r;
    }
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    m_runs.push_back(r);
    qInfo("%s: exit %d, %lld+%lld bytes", qPrintable(label), r.exitCode, qlonglong(r.out.size()), qlonglong(r.err.size()));
    return r;
}

void tst_SecretsCanary::initTestCase()
{
    QVERIFY(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"));  // run under with-keyring
    m_ctl = qEnvironmentVariable("TENANTRY_BINARY_DIR") + "/app/tenantryctl";
    m_gui = qEnvironmentVariable("TENANTRY_BINARY_DIR") + "/app/tenantry";
    QVERIFY2(QFile::exists(m_ctl), qPrintable(m_ctl));
    QVERIFY2(QFile::exists(m_gui), qPrintable(m_gui));
    QVERIFY(m_home.isValid() && m_inputs.isValid());
    QDir(m_home.path()).mkpath("tmp");
    // Screenshots are kept (to look at) in the build folder, and searched like the home
    m_shots = qEnvironmentVariable("TENANTRY_BINARY_DIR") + "/screenshots/secrets-canary";
    QDir(m_shots).removeRecursively();
    QDir().mkpath(m_shots);

    // The loopback server: discovery and token endpoint of an OIDC issuer; every other request
    // refused with a Status that echoes what the client sent (a badly behaved server or proxy)
    m_echo = std::make_unique<TestHttpServer>(TestHttpServer::httpsOptions(m_pki, ClientCertMode::Request));
    const std::string url = m_echo->url();
    m_echo->setHandler([url](const TestRequest &request) {
        std::string echoed = "Authorization: " + request.header("Authorization") + " body: " + request.body
            + " client: " + request.clientCommonName;
        if (request.target.find("/.well-known/openid-configuration") != std::string::npos)
            return TestResponse::json(200, nlohmann::json{{"issuer", url}, {"token_endpoint", url + "/token"}}.dump());
        if (request.target == "/token") {
            // First the client's credentials in a Basic header are refused (the provider retries
            // in the body), then the refresh succeeds with a new id-token and refresh token
            if (request.header("Authorization").rfind("Basic ", 0) == 0)
                return TestResponse::json(401, nlohmann::json{{"error", "invalid_client"}, {"error_description", echoed}}.dump());
            const auto exp = std::chrono::duration_cast<std::chrono::seconds>(
                                 (std::chrono::system_clock::now() + std::chrono::hours(1)).time_since_epoch())
                                 .count();
            const std::string idToken = base64Url(R"({"alg":"RS256"})") + "."
                + base64Url(R"({"iss":"x","sub":"canary-oidc-user","exp":)" + std::to_string(exp) + "}") + "."
                + kRefreshedIdTokenSig;
            return TestResponse::json(200, nlohmann::json{{"id_token", idToken}, {"refresh_token", kRefresh + "-rotated"},
                                                          {"access_token", "x"}}
                                               .dump());
        }
        nlohmann::json status = {{"kind", "Status"}, {"apiVersion", "v1"}, {"status", "Failure"},
                                 {"message", "Unauthorized: you sent " + echoed}, {"reason", "Unauthorized"}, {"code", 401}};
        return TestResponse::json(401, status.dump());
    });

    // Inputs: a token file, an exec plugin, a client certificate, one kubeconfig with a context per path
    const QString tokenFile = m_inputs.filePath("token");
    writeFile(tokenFile, kTokenFile + "\n");
    const QString plugin = m_inputs.filePath("plugin.sh");
    writeFile(plugin,
              "#!/bin/sh\necho \"plugin debug: token " + kExecToken + "\" >&2\n"
              "printf '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
              "\"status\":{\"token\":\"" + kExecToken + "\"}}'\n",
              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QString badPlugin = m_inputs.filePath("bad-plugin.sh");
    writeFile(badPlugin,
              "#!/bin/sh\nprintf '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
              "\"status\":{\"token\":\"" + kExecToken + "\"'\necho \"failed after printing " + kExecToken + "\" >&2\nexit 1\n",
              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const PemIdentity client = m_pki.issueClient("canary-cert-user", {"canary-group"});
    const std::string ca = kube::Base64::encode(m_pki.caCertPem());
    m_kubeconfig = m_inputs.filePath("config");
    const std::string cluster = "  cluster: {server: \"" + url + "\", certificate-authority-data: " + ca + "}\n";
    std::string yaml = "apiVersion: v1\nkind: Config\nclusters:\n- name: echo\n" + cluster + "users:\n";
    yaml += "- name: token\n  user: {token: " + kToken + "}\n";
    yaml += "- name: tokenfile\n  user: {tokenFile: \"" + tokenFile.toStdString() + "\"}\n";
    yaml += "- name: basic\n  user: {username: " + kUser + ", password: " + kPassword + "}\n";
    yaml += "- name: cert\n  user: {client-certificate-data: " + kube::Base64::encode(client.certPem)
        + ", client-key-data: " + kube::Base64::encode(client.keyPem) + "}\n";
    yaml += "- name: exec\n  user:\n    exec: {apiVersion: client.authentication.k8s.io/v1, command: \"" + plugin.toStdString()
        + "\", interactiveMode: Never}\n";
    yaml += "- name: badexec\n  user:\n    exec: {apiVersion: client.authentication.k8s.io/v1, command: \"" + badPlugin.toStdString()
        + "\", interactiveMode: Never}\n";
    yaml += "- name: oidc\n  user:\n    auth-provider:\n      name: oidc\n      config:\n        client-id: tenantry\n"
            "        client-secret: " + kClientSecret + "\n        idp-issuer-url: \"" + url + "\"\n"
            "        idp-certificate-authority-data: " + ca + "\n        id-token: \"" + expiredIdToken() + "\"\n"
            "        refresh-token: " + kRefresh + "\n";
    yaml += "contexts:\n";
    for (const char *u : {"token", "tokenfile", "basic", "cert", "exec", "badexec", "oidc"})
        yaml += std::string("- name: ") + u + "\n  context: {cluster: echo, user: " + u + "}\n";
    yaml += "current-context: token\n";
    writeFile(m_kubeconfig, yaml);

    m_canaries = {{"bearer token", kToken},
                  {"token file", kTokenFile},
                  {"basic password", kPassword},
                  {"Basic header", kube::Base64::encode(kUser + ":" + kPassword)},
                  {"exec plugin token", kExecToken},
                  {"OIDC refresh token", kRefresh},
                  {"OIDC client secret", kClientSecret},
                  {"OIDC refreshed id-token", kRefreshedIdTokenSig},
                  {"KubeSphere password", kKsPassword}};
    addKeyCanaries("client key", client.keyPem, m_canaries);
}

void tst_SecretsCanary::loopbackServerPaths()
{
    for (const char *context : {"token", "tokenfile", "basic", "cert", "exec", "badexec", "oidc"}) {
        const QString c = QString::fromLatin1(context);
        for (const QStringList &command : {QStringList{"whoami"}, QStringList{"get", "workspaces"},
                                           QStringList{"can-i", "create", "namespaces"}, QStringList{"mode"}}) {
            auto r = ctl(c + ": " + command.join(' '),
                         QStringList{"--kubeconfig", m_kubeconfig, "--context", c} + command);
            QVERIFY2(r.exitCode != 0, qPrintable(c + " " + command.join(' ') + " succeeded against a refusing server"));
        }
    }
    // The server saw the credentials (so they did pass through) and said them back
    bool sawBearer = false, sawBasic = false, sawExec = false, sawOidcRefresh = false;
    for (const auto &request : m_echo->requests()) {
        sawBearer = sawBearer || request.header("Authorization") == "Bearer " + kToken;
        sawBasic = sawBasic || request.header("Authorization") == "Basic " + kube::Base64::encode(kUser + ":" + kPassword);
        sawExec = sawExec || request.header("Authorization") == "Bearer " + kExecToken;
        sawOidcRefresh = sawOidcRefresh || request.body.find(kRefresh) != std::string::npos;
    }
    QVERIFY(sawBearer && sawBasic && sawExec && sawOidcRefresh);
}

void tst_SecretsCanary::configViewRedacts()
{
    for (const QStringList &args : {QStringList{"config", "view"}, QStringList{"config", "view", "-o", "json"},
                                    QStringList{"config", "view", "--minify", "--context", "oidc"},
                                    QStringList{"config", "view", "--minify", "--context", "cert"}}) {
        auto r = ctl(args.join(' '), QStringList{"--kubeconfig", m_kubeconfig} + args);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        if (!args.contains("json"))
            QVERIFY2(r.out.contains("REDACTED") || r.out.contains("DATA+OMITTED"), r.out.constData());
    }
}

void tst_SecretsCanary::screenshotsWithEveryLogCategory()
{
    for (const char *context : {"token", "basic", "cert", "exec", "oidc"}) {
        const QString c = QString::fromLatin1(context);
        run("tenantry --screenshot " + c, m_gui,
            {"--kubeconfig", m_kubeconfig, "--context", c, "--screenshot", m_shots + "/" + c + ".png", "--approve-exec",
             "--timeout", "20"},
            {}, 60000);
    }
}

void tst_SecretsCanary::devclusterPaths()
{
    // A token file and client certificates against the real kube-apiserver
    const std::string tokens = clusterenv::stateDir() + "/tokens/token-user.token";
    const std::string token = readFile(qs(tokens));
    QVERIFY(!token.empty());
    m_canaries.push_back({"devcluster token", QString::fromStdString(token).trimmed().toStdString()});
    const QString tokenConfig = m_inputs.filePath("devcluster-token");
    const std::string server = [] {
        const std::string admin = readFile(qs(clusterenv::kubeconfigPath("admin")));
        const auto at = admin.find("server:");
        return admin.substr(at, admin.find('\n', at) - at);
    }();
    const std::string adminText = readFile(qs(clusterenv::kubeconfigPath("admin")));
    const auto caAt = adminText.find("certificate-authority");
    const std::string caLine = adminText.substr(caAt, adminText.find('\n', caAt) - caAt);
    writeFile(tokenConfig, "apiVersion: v1\nkind: Config\nclusters:\n- name: dev\n  cluster:\n    " + server + "\n    " + caLine
                               + "\nusers:\n- name: t\n  user: {tokenFile: \"" + tokens
                               + "\"}\ncontexts:\n- name: t\n  context: {cluster: dev, user: t}\ncurrent-context: t\n");
    auto r = ctl("devcluster token: whoami", {"--kubeconfig", tokenConfig, "whoami"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    ctl("devcluster token: get workspaces", {"--kubeconfig", tokenConfig, "get", "workspaces"});
    ctl("devcluster token: create workspace (refused)",
        {"--kubeconfig", tokenConfig, "create", "workspace", qs(clusterenv::uniqueName("canary-refused")), "--yes"});
    run("tenantry --screenshot devcluster token", m_gui,
        {"--kubeconfig", tokenConfig, "--screenshot", m_shots + "/devcluster-token.png", "--timeout", "60"}, {}, 90000);

    const std::string user = clusterenv::uniqueName("canary-cert");
    const std::string userConfig = clusterenv::addUser(user, {"canary-group"});
    QVERIFY(!userConfig.empty());
    const std::string userKey = clientKeyOf(userConfig);
    QVERIFY(userKey.find("PRIVATE KEY") != std::string::npos);
    addKeyCanaries("devcluster user key", userKey, m_canaries);
    ctl("devcluster cert user: whoami", {"--kubeconfig", qs(userConfig), "whoami"});
    ctl("devcluster cert user: delete workspace (refused)", {"--kubeconfig", qs(userConfig), "delete", "workspace", "nope", "--yes"});

    // The admin writes (journaled under the temporary home); the admin's key must not be there
    const std::string adminKey = clientKeyOf(clusterenv::kubeconfigPath("admin"));
    QVERIFY(adminKey.find("PRIVATE KEY") != std::string::npos);
    addKeyCanaries("devcluster admin key", adminKey, m_canaries);
    m_workspace = clusterenv::uniqueName("canary");
    r = ctl("devcluster admin: create workspace",
            {"--kubeconfig", qs(clusterenv::kubeconfigPath("admin")), "create", "workspace", qs(m_workspace), "--yes"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = ctl("devcluster admin: create user with a password",
            {"--kubeconfig", qs(clusterenv::kubeconfigPath("admin")), "create", "user", qs(m_workspace + "-u"), "--email",
             qs(m_workspace + "@example.com"), "--password-stdin", "--yes"},
            QByteArray::fromStdString(kKsPassword + "\n"));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    ctl("journal", {"audit", "--journal"});
    QVERIFY(QFile::exists(m_home.filePath(".local/share/tenantry/journal.jsonl")));
}

void tst_SecretsCanary::kubesphereSignIn()
{
    auto admin = clusterenv::transportFor(clusterenv::kubeconfigPath("admin"));
    QVERIFY2(admin, admin ? "" : admin.error().describe().c_str());
    KsStandInOptions options;
    options.upstream = admin.value();
    m_ks = std::make_unique<KsStandIn>(m_pki, options);
    m_ks->addUser("canary", kKsPassword);
    const QString ca = m_inputs.filePath("ks-ca.pem");
    writeFile(ca, m_pki.caCertPem());
    const QString kubeconfig = m_home.filePath(".kube/config");  // where login writes by default
    const QStringList account{"--server", qs(m_ks->url()), "--username", "canary", "--certificate-authority", ca};
    auto wrong = ctl("ks login, wrong password", QStringList{"login", "kubesphere"} + account + QStringList{"--password-stdin"},
                     "Wrong-" + QByteArray::fromStdString(kKsPassword) + "\n");
    QVERIFY(wrong.exitCode != 0);
    auto r = ctl("ks login", QStringList{"login", "kubesphere"} + account + QStringList{"--password-stdin", "-o", "json"},
                 QByteArray::fromStdString(kKsPassword) + "\n");
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const auto result = nlohmann::json::parse(r.out.toStdString(), nullptr, false);
    QVERIFY(result.is_object());
    const QString context = qs(result.value("context", std::string()));
    QVERIFY(QFile::exists(kubeconfig));
    ctl("ks session: get workspaces", {"--context", context, "get", "workspaces"});
    ctl("ks session: whoami", {"--context", context, "whoami"});
    // The plugin prints the access token on stdout: that is its job (kubectl reads it)
    auto plugin = ctl("ks-credential (stdout is the credential)", QStringList{"ks-credential"} + account);
    QVERIFY2(plugin.exitCode == 0, plugin.err.constData());
    m_excludedStreams.push_back("ks-credential (stdout is the credential)");
    const auto credential = nlohmann::json::parse(plugin.out.toStdString(), nullptr, false);
    QVERIFY(credential.is_object());
    const std::string access = credential["status"].value("token", std::string());
    QVERIFY(!access.empty());
    m_canaries.push_back({"KubeSphere access token", access});
    auto item = clusterenv::run("secret-tool", {"lookup", "application", "tenantry", "kind", "kubesphere-account", "server",
                                                qs(m_ks->url()), "username", "canary"});
    const auto stored = nlohmann::json::parse(item.out.toStdString(), nullptr, false);
    QVERIFY(stored.is_object());
    m_canaries.push_back({"KubeSphere refresh token", stored.value("refresh_token", std::string())});
    // A refresh after the access token expired, and a GUI screenshot of the session
    m_ks->expireAccessTokens();
    ctl("ks session after expiry: get workspaces", {"--context", context, "get", "workspaces"});
    run("tenantry --screenshot ks session", m_gui,
        {"--kubeconfig", kubeconfig, "--context", context, "--screenshot", m_shots + "/ks.png", "--timeout", "60"}, {}, 90000);
    QVERIFY(m_ks->refreshGrants() >= 1);
    ctl("ks logout", QStringList{"logout", "kubesphere"} + account.mid(0, 4));
}

void tst_SecretsCanary::noCanaryInAnyStreamOrFile()
{
    if (!m_workspace.empty()) {
        ctl("devcluster admin: delete workspace",
            {"--kubeconfig", qs(clusterenv::kubeconfigPath("admin")), "delete", "workspace", qs(m_workspace), "--yes"});
        ctl("devcluster admin: delete user",
            {"--kubeconfig", qs(clusterenv::kubeconfigPath("admin")), "delete", "user", qs(m_workspace + "-u"), "--yes"});
    }
    QStringList leaks;
    auto search = [&](const QString &where, const QByteArray &text) {
        for (const auto &[label, value] : m_canaries) {
            if (value.empty())
                continue;
            const QByteArray raw = QByteArray::fromStdString(value);
            if (text.contains(raw))
                leaks << QStringLiteral("%1: %2").arg(where, qs(label));
            else if (value.size() >= 12 && text.contains(QByteArray::fromStdString(kube::Base64::encode(value))))
                leaks << QStringLiteral("%1: %2 (base64)").arg(where, qs(label));
        }
    };
    int streams = 0;
    for (const Run &r : m_runs) {
        const bool outExcluded = std::find(m_excludedStreams.begin(), m_excludedStreams.end(), r.label.toStdString())
            != m_excludedStreams.end();
        if (!outExcluded)
            search(r.label + " (stdout)", r.out);
        search(r.label + " (stderr)", r.err);
        streams += outExcluded ? 1 : 2;
    }
    // Every file written under the temporary home. The keyring's own file is encrypted (with the
    // password with-keyring gives it): found and searched like the rest.
    QStringList files;
    QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        files << QDir(m_home.path()).relativeFilePath(path);
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            search(QDir(m_home.path()).relativeFilePath(path), f.readAll());
    }
    // ... with-keyring's XDG_DATA_HOME, where gnome-keyring keeps the keyring file, and the screenshots
    for (const QString &dir : {qEnvironmentVariable("XDG_DATA_HOME"), m_shots}) {
        QDirIterator more(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (more.hasNext()) {
            const QString path = more.next();
            files << path;
            QFile f(path);
            if (f.open(QIODevice::ReadOnly))
                search(path, f.readAll());
        }
    }
    files.sort();
    qInfo("searched %d streams of %d processes and %lld files for %d canaries:", streams, int(m_runs.size()),
          qlonglong(files.size()), int(m_canaries.size()));
    for (const QString &f : files)
        qInfo("  file %s", qPrintable(f));
    for (const QString &l : leaks)
        qWarning("LEAK %s", qPrintable(l));
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join("\n")));
    // The search can find: the inputs hold the canaries
    QByteArray inputs = QByteArray::fromStdString(readFile(m_kubeconfig));
    QVERIFY(inputs.contains(QByteArray::fromStdString(kToken)));
    QVERIFY(files.size() >= 5);
}

QTEST_MAIN(tst_SecretsCanary)
#include "tst_secretscanary.moc"
