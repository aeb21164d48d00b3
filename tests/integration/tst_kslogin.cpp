// KubeSphere account sign-in end to end, as a user does it: `tenantryctl login kubesphere`
// against a loopback stand-in for ks-apiserver (tests/support/ksstandin: KubeSphere's OAuth token
// endpoint, and a proxy of /api and /apis to this devcluster's kube-apiserver with its own admin
// credentials, as ks-apiserver's proxy does; no real ks-apiserver can be built here), the token in
// a real Secret Service (gnome-keyring on a private D-Bus, tests/support/with-keyring), then
// tenantryctl and kubectl (through the ks-credential plugin) reading the cluster through it,
// refreshes before expiry and after a 401, and logout emptying the keyring.
#include "clusterenv.h"

#include "tests/support/ksstandin.h"

#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtTest/QtTest>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using testsupport::KsStandIn;
using testsupport::KsStandInOptions;

namespace {

constexpr const char *kPassword = "Alice-Pass-77";

QString qs(const std::string &s) { return QString::fromStdString(s); }

std::string readFile(const QString &path)
{
    std::ifstream in(path.toStdString());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

class tst_KsLogin : public QObject
{
    Q_OBJECT

    testsupport::TestPki m_pki;
    QTemporaryDir m_dir;
    std::unique_ptr<KsStandIn> m_ks;
    QString m_bin;
    QString m_kubeconfig;
    QString m_ca;
    std::string m_context;
    std::string m_workspace;

    clusterenv::ProcessResult ctl(const QStringList &args, const QByteArray &stdinData = {})
    {
        return clusterenv::run(m_bin, QStringList{"--kubeconfig", m_kubeconfig} + args, {}, stdinData);
    }
    QStringList account(const std::string &user = "alice") const
    {
        return {"--server", qs(m_ks->url()), "--username", qs(user), "--certificate-authority", m_ca};
    }
    // The keyring item as another Secret Service client sees it.
    clusterenv::ProcessResult keyringLookup(const std::string &user = "alice") const
    {
        return clusterenv::run("secret-tool", {"lookup", "application", "tenantry", "kind", "kubesphere-account", "server",
                                               qs(m_ks->url()), "username", qs(user)});
    }
    void verifyNoSecrets(const clusterenv::ProcessResult &r)
    {
        const auto item = keyringLookup();
        std::vector<std::string> secrets{kPassword};
        if (item.exitCode == 0) {
            auto j = nlohmann::json::parse(item.out.toStdString(), nullptr, false);
            if (j.is_object()) {
                secrets.push_back(j.value("access_token", std::string()));
                secrets.push_back(j.value("refresh_token", std::string()));
            }
        }
        for (const auto &s : secrets)
            if (!s.empty() && (r.out.toStdString().find(s) != std::string::npos || r.err.toStdString().find(s) != std::string::npos))
                QFAIL("a password or token appears in tenantryctl's output");
    }

private slots:
    void initTestCase()
    {
        QVERIFY(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"));  // run under with-keyring
        m_bin = qEnvironmentVariable("TENANTRY_BINARY_DIR") + "/app/tenantryctl";
        QVERIFY2(QFile::exists(m_bin), qPrintable(m_bin));
        QVERIFY(m_dir.isValid());
        m_ca = m_dir.filePath("ks-ca.pem");
        std::ofstream(m_ca.toStdString()) << m_pki.caCertPem();
        m_kubeconfig = m_dir.filePath("kubeconfig");

        auto admin = clusterenv::transportFor(clusterenv::kubeconfigPath("admin"));
        QVERIFY2(admin, admin ? "" : admin.error().describe().c_str());
        KsStandInOptions options;
        options.upstream = admin.value();
        options.accessTokenLifetime = std::chrono::seconds(8);  // refresh margin: 2 s
        m_ks = std::make_unique<KsStandIn>(m_pki, options);
        m_ks->addUser("alice", kPassword);
        m_ks->addUser("bob", "Bob-Pass-77", KsStandIn::UserState::Disabled);

        // A workspace to find through the session (written as the admin, checked by kubectl).
        m_workspace = clusterenv::uniqueName("kslogin");
        auto created = clusterenv::run(m_bin, {"create", "workspace", qs(m_workspace), "--yes"},
                                       clusterenv::kubeconfigPath("admin"));
        QVERIFY2(created.exitCode == 0, created.err.constData());
    }

    void cleanupTestCase()
    {
        if (!m_workspace.empty())
            clusterenv::run(m_bin, {"delete", "workspace", qs(m_workspace), "--yes"},
                            clusterenv::kubeconfigPath("admin"));
    }

    void wrongPasswordAndDisabledUserWriteNothing()
    {
        auto wrong = ctl(QStringList{"login", "kubesphere"} + account() + QStringList{"--password-stdin"}, "Wrong-Pass-1\n");
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY2(wrong.err.contains("wrong username or password"), wrong.err.constData());
        QVERIFY(!wrong.err.contains("Wrong-Pass-1"));
        auto disabled = ctl(QStringList{"login", "kubesphere"} + account("bob") + QStringList{"--password-stdin"}, "Bob-Pass-77\n");
        QCOMPARE(disabled.exitCode, 1);
        QVERIFY2(disabled.err.contains("is disabled"), disabled.err.constData());
        QVERIFY(!QFile::exists(m_kubeconfig));
        QCOMPARE(keyringLookup().exitCode, 1);
        QCOMPARE(keyringLookup("bob").exitCode, 1);
        // A missing field is named before anything is sent
        auto noCa = ctl({"login", "kubesphere", "--server", qs(m_ks->url()), "--username", "alice", "--certificate-authority",
                         m_dir.filePath("missing.pem"), "--password-stdin"},
                        QByteArray(kPassword) + "\n");
        QCOMPARE(noCa.exitCode, 2);
        QVERIFY2(noCa.err.contains("certificate authority:"), noCa.err.constData());
    }

    void loginStoresTheTokenInTheKeyring()
    {
        const int grantsBefore = m_ks->passwordGrants();
        auto r = ctl(QStringList{"login", "kubesphere"} + account() + QStringList{"--password-stdin", "-o", "json"},
                     QByteArray(kPassword) + "\n");
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto result = nlohmann::json::parse(r.out.toStdString(), nullptr, false);
        QVERIFY(result.is_object());
        m_context = result.value("context", std::string());
        QCOMPARE(result.value("username", std::string()), std::string("alice"));
        QCOMPARE(m_context, "kubesphere-alice@" + m_ks->url().substr(8));
        QCOMPARE(m_ks->passwordGrants(), grantsBefore + 1);

        // The keyring holds the tokens (read by secret-tool, another Secret Service client)...
        auto item = keyringLookup();
        QCOMPARE(item.exitCode, 0);
        const auto stored = nlohmann::json::parse(item.out.toStdString(), nullptr, false);
        QVERIFY(stored.is_object());
        QVERIFY(!stored.value("access_token", std::string()).empty());
        QVERIFY(!stored.value("refresh_token", std::string()).empty());
        // ... and the kubeconfig only the plugin that reads them
        const std::string text = readFile(m_kubeconfig);
        QVERIFY(text.find(stored["access_token"].get<std::string>()) == std::string::npos);
        QVERIFY(text.find(stored["refresh_token"].get<std::string>()) == std::string::npos);
        QVERIFY(text.find(kPassword) == std::string::npos);
        QVERIFY(text.find("ks-credential") != std::string::npos);
        verifyNoSecrets(r);
    }

    void commandsReadTheClusterThroughKubeSphere()
    {
        QVERIFY(!m_context.empty());
        const int proxiedBefore = m_ks->proxiedRequests();
        // Who am I: the KubeSphere user, not the proxy's own identity
        auto me = ctl({"--context", qs(m_context), "whoami", "-o", "json"});
        QVERIFY2(me.exitCode == 0, me.err.constData());
        QCOMPARE(nlohmann::json::parse(me.out.toStdString()).value("username", std::string()), std::string("alice"));
        // The workspaces, through the stand-in, as the admin sees them directly
        auto mine = ctl({"--context", qs(m_context), "get", "workspaces", "-o", "json"});
        QVERIFY2(mine.exitCode == 0, mine.err.constData());
        QVERIFY2(mine.out.contains(QByteArray::fromStdString(m_workspace)), mine.out.constData());
        QVERIFY(m_ks->proxiedRequests() > proxiedBefore);
        verifyNoSecrets(mine);

        // kubectl uses the same context through the exec plugin
        auto kubectl = clusterenv::run("kubectl", {"--kubeconfig", m_kubeconfig, "--context", qs(m_context), "get",
                                                   "workspacetemplates.tenant.kubesphere.io", qs(m_workspace), "-o", "name"});
        QVERIFY2(kubectl.exitCode == 0, kubectl.err.constData());
        QVERIFY(kubectl.out.contains(QByteArray::fromStdString(m_workspace)));
    }

    void tokensAreRefreshed()
    {
        QVERIFY(!m_context.empty());
        const std::string before = keyringLookup().out.toStdString();
        const int refreshesBefore = m_ks->refreshGrants();
        // Before expiry: 8 s tokens are due 2 s before they expire
        QThread::sleep(7);
        auto later = ctl({"--context", qs(m_context), "get", "workspaces"});
        QVERIFY2(later.exitCode == 0, later.err.constData());
        QCOMPARE(m_ks->refreshGrants(), refreshesBefore + 1);
        const std::string after = keyringLookup().out.toStdString();
        QVERIFY(after != before);  // the refreshed tokens went back to the keyring
        QCOMPARE(m_ks->unauthorizedRequests(), 0);

        // After a 401: the server ends the access token early; the next command refreshes once
        m_ks->expireAccessTokens();
        auto again = ctl({"--context", qs(m_context), "get", "workspaces"});
        QVERIFY2(again.exitCode == 0, again.err.constData());
        // (whoami and discovery go out together: both may meet the 401; one refresh serves both)
        QVERIFY(m_ks->unauthorizedRequests() >= 1);
        QCOMPARE(m_ks->refreshGrants(), refreshesBefore + 2);
        verifyNoSecrets(again);
    }

    void logoutClearsTheKeyring()
    {
        QVERIFY(!m_context.empty());
        auto out = ctl(QStringList{"logout", "kubesphere"} + account());
        QVERIFY2(out.exitCode == 0, out.err.constData());
        QVERIFY2(out.out.contains("keyring entry removed"), out.out.constData());
        QCOMPARE(keyringLookup().exitCode, 1);  // secret-tool finds nothing
        QVERIFY(readFile(m_kubeconfig).find(m_context) == std::string::npos);
        auto gone = ctl({"--context", qs(m_context), "get", "workspaces"});
        QCOMPARE(gone.exitCode, 1);
        // And the plugin says to sign in again when its entry survives elsewhere
        auto plugin = clusterenv::run(m_bin, QStringList{"ks-credential"} + account());
        QCOMPARE(plugin.exitCode, 1);
        QVERIFY2(plugin.err.contains("not signed in to KubeSphere as alice"), plugin.err.constData());
    }
};

QTEST_GUILESS_MAIN(tst_KsLogin)
#include "tst_kslogin.moc"
