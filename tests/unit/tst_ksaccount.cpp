// KubeSphere account sign-in without a cluster: the token endpoint's protocol and its errors
// (against the loopback ks-apiserver stand-in, tests/support/ksstandin), the credential
// provider's refresh before expiry and after a 401, the kubeconfig entries a sign-in writes, the
// in-process plugin hook, and that no password or token reaches any error text.
#include "kubeclient/api/client.h"
#include "kubeclient/kubeconfig/kubeconfig.h"
#include "kubeclient/ksaccount/kscredentials.h"
#include "kubeclient/ksaccount/kslogin.h"
#include "kubeclient/ksaccount/ksoauthclient.h"
#include "kubeclient/transport/transport.h"
#include "tests/support/ksstandin.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <nlohmann/json.hpp>

#include <fstream>
#include <mutex>
#include <sstream>

using namespace kube;
using namespace kube::ksaccount;
using testsupport::KsStandIn;
using testsupport::KsStandInOptions;
using testsupport::TestHttpServer;
using testsupport::TestPki;
using testsupport::TestRequest;
using testsupport::TestResponse;

namespace {

constexpr const char *kPassword = "Secr3t-P@ss word";

// The keyring seam in memory: what the credential provider and login read and write.
class MemoryStore final : public SecretStore
{
public:
    Result<void> store(const SecretAttributes &attributes, const std::string &, const std::string &secret) override
    {
        std::lock_guard lock(m_mutex);
        m_items[attributes] = secret;
        ++m_writes;
        return {};
    }
    Result<std::optional<std::string>> lookup(const SecretAttributes &attributes) override
    {
        std::lock_guard lock(m_mutex);
        auto it = m_items.find(attributes);
        return it == m_items.end() ? std::optional<std::string>() : std::optional<std::string>(it->second);
    }
    Result<bool> remove(const SecretAttributes &attributes) override
    {
        std::lock_guard lock(m_mutex);
        return m_items.erase(attributes) > 0;
    }
    std::string describe() const override { return "memory"; }
    int writes() const { std::lock_guard lock(m_mutex); return m_writes; }
    size_t size() const { std::lock_guard lock(m_mutex); return m_items.size(); }

private:
    mutable std::mutex m_mutex;
    std::map<SecretAttributes, std::string> m_items;
    int m_writes = 0;
};

std::string readFile(const QString &path)
{
    std::ifstream in(path.toStdString());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// A moving clock for the provider.
struct FakeClock {
    std::chrono::system_clock::time_point now = std::chrono::system_clock::now();
    std::function<std::chrono::system_clock::time_point()> fn()
    {
        return [this] { return now; };
    }
};

} // namespace

class TestKsAccount : public QObject
{
    Q_OBJECT

private:
    TestPki m_pki;
    QTemporaryDir m_dir;
    QString m_caFile;

    KsAccount account(const std::string &server, const std::string &user = "alice")
    {
        auto a = KsAccount::make(server, user, m_caFile.toStdString(), false);
        if (!a)
            qFatal("%s", a.error().describe().c_str());
        return a.value();
    }
    std::unique_ptr<KsStandIn> standIn(KsStandInOptions options = {})
    {
        auto s = std::make_unique<KsStandIn>(m_pki, std::move(options));
        s->addUser("alice", kPassword);
        s->addUser("bob", "Bob-pass-1", KsStandIn::UserState::Disabled);
        return s;
    }
    static void verifyNoSecret(const std::string &text, const std::vector<std::string> &secrets)
    {
        for (const auto &secret : secrets)
            if (!secret.empty() && text.find(secret) != std::string::npos)
                QFAIL(("a secret appears in: " + text).c_str());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_caFile = m_dir.filePath("ca.pem");
        std::ofstream(m_caFile.toStdString()) << m_pki.caCertPem();
    }

    void accountValidationNamesTheField_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("ca");
        QTest::addColumn<bool>("insecure");
        QTest::addColumn<QString>("field");
        QTest::newRow("empty server") << "" << "alice" << "" << false << "server:";
        QTest::newRow("no scheme") << "ks.example.com" << "alice" << "" << false << "server:";
        QTest::newRow("path") << "https://ks.example.com/console" << "alice" << "" << false << "server:";
        QTest::newRow("empty user") << "https://ks.example.com" << "" << "" << false << "username:";
        QTest::newRow("user with space") << "https://ks.example.com" << "al ice" << "" << false << "username:";
        QTest::newRow("missing CA") << "https://ks.example.com" << "alice" << "/nonexistent/ca.pem" << false << "certificate authority:";
        QTest::newRow("CA and insecure") << "https://ks.example.com" << "alice" << "CA" << true << "certificate authority:";
    }
    void accountValidationNamesTheField()
    {
        QFETCH(QString, server);
        QFETCH(QString, user);
        QFETCH(QString, ca);
        QFETCH(bool, insecure);
        QFETCH(QString, field);
        const std::string caPath = ca == "CA" ? m_caFile.toStdString() : ca.toStdString();
        auto made = KsAccount::make(server.toStdString(), user.toStdString(), caPath, insecure);
        QVERIFY(!made);
        QVERIFY2(made.error().message.starts_with(field.toStdString()), made.error().message.c_str());
    }

    void accountNamesAndPluginRoundTrip()
    {
        // Given an account with a CA file
        const KsAccount a = account("https://127.0.0.1:30880/");
        // Then the trailing slash is gone and the names carry user and host
        QCOMPARE(a.server, std::string("https://127.0.0.1:30880"));
        QCOMPARE(a.contextName(), std::string("kubesphere-alice@127.0.0.1:30880"));
        QCOMPARE(a.clusterEntryName(), std::string("kubesphere-127.0.0.1:30880"));
        // And its exec entry is tenantryctl's plugin, read back to the same account
        const auto exec = a.toExec("/usr/bin/tenantryctl");
        QCOMPARE(exec.apiVersion, std::string("client.authentication.k8s.io/v1"));
        QCOMPARE(exec.interactiveMode, std::string("Never"));
        auto back = KsAccount::fromExec(exec);
        QVERIFY(back && back.value());
        QCOMPARE(back.value()->server, a.server);
        QCOMPARE(back.value()->username, a.username);
        QCOMPARE(back.value()->caFile, a.caFile);
        // And another program's plugin is not ours
        KubeconfigExecConfig other;
        other.command = "aws";
        other.args = std::vector<std::string>{"eks", "get-token"};
        auto notOurs = KsAccount::fromExec(other);
        QVERIFY(notOurs && !notOurs.value());
        // And a broken entry of ours is an error, not silently someone else's
        KubeconfigExecConfig broken = exec;
        broken.args = std::vector<std::string>{"ks-credential", "--server"};
        QVERIFY(!KsAccount::fromExec(broken));
    }

    void requestsAreFormEncoded()
    {
        const OAuthOptions options;
        const HttpRequest r = KsOAuthClient::passwordRequest(options, "alice", "a&b=c d%");
        QCOMPARE(r.method, std::string("POST"));
        QCOMPARE(r.path, std::string("/oauth/token"));
        QCOMPARE(r.header("Content-Type"), std::string("application/x-www-form-urlencoded"));
        QCOMPARE(r.body, std::string("grant_type=password&username=alice&password=a%26b%3Dc%20d%25&client_id=kubesphere"
                                     "&client_secret=kubesphere"));
        const HttpRequest refresh = KsOAuthClient::refreshRequest(options, "r.t.k");
        QCOMPARE(refresh.body, std::string("grant_type=refresh_token&refresh_token=r.t.k&client_id=kubesphere&client_secret=kubesphere"));
    }

    void passwordGrantIssuesTokens()
    {
        auto server = standIn();
        FakeClock clock;
        OAuthOptions options;
        options.clock = clock.fn();
        auto token = KsOAuthClient(account(server->url()), options).passwordGrant(kPassword);
        QVERIFY2(token, token ? "" : token.error().describe().c_str());
        QVERIFY(!token->accessToken.empty());
        QVERIFY(!token->refreshToken.empty());
        QCOMPARE(token->tokenType, std::string("Bearer"));
        QCOMPARE(token->lifetime.count(), 7200);
        QVERIFY(token->expiresAt == clock.now + std::chrono::seconds(7200));
        QCOMPARE(tokenUsername(token->accessToken), std::string("alice"));
        // The server got exactly the documented form
        const auto requests = server->requests();
        QCOMPARE(requests.size(), size_t(1));
        QCOMPARE(requests[0].header("Content-Type"), std::string("application/x-www-form-urlencoded"));
        QVERIFY(requests[0].body.find("grant_type=password") != std::string::npos);
        // And the keyring form reads back the same
        auto back = KsToken::fromSecret(token->toSecret());
        QVERIFY(back);
        QCOMPARE(back->accessToken, token->accessToken);
        QCOMPARE(back->refreshToken, token->refreshToken);
        QVERIFY(std::chrono::duration_cast<std::chrono::seconds>(back->expiresAt - token->expiresAt).count() == 0);
    }

    void signInErrorsAreMapped_data()
    {
        QTest::addColumn<bool>("ks4");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("expected");
        QTest::newRow("4.x wrong password") << true << "alice" << "wrong-Pass1" << 400 << "wrong username or password";
        QTest::newRow("4.x unknown user") << true << "nobody" << "wrong-Pass1" << 400 << "wrong username or password";
        QTest::newRow("4.x disabled") << true << "bob" << "Bob-pass-1" << 400 << "is disabled";
        QTest::newRow("3.x wrong password") << false << "alice" << "wrong-Pass1" << 400 << "wrong username or password";
        QTest::newRow("3.x disabled") << false << "bob" << "Bob-pass-1" << 400 << "is disabled";
    }
    void signInErrorsAreMapped()
    {
        QFETCH(bool, ks4);
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(int, status);
        QFETCH(QString, expected);
        KsStandInOptions options;
        options.kubesphere4 = ks4;
        auto server = standIn(options);
        auto result = KsOAuthClient(account(server->url(), user.toStdString())).passwordGrant(password.toStdString());
        QVERIFY(!result);
        const Error &e = result.error();
        QCOMPARE(e.kind, ErrorKind::Auth);
        QCOMPARE(e.httpCode(), status);
        QVERIFY2(e.message.find(expected.toStdString()) != std::string::npos, e.describe().c_str());
        QCOMPARE(e.where, server->url());
        verifyNoSecret(e.describe(), {password.toStdString()});
    }

    void tooManyAttemptsBlockTheAccount()
    {
        // Given KubeSphere's limit of 3 failed attempts
        KsStandInOptions options;
        options.maxFailedAttempts = 3;
        auto server = standIn(options);
        const KsOAuthClient client(account(server->url()));
        for (int i = 0; i < 3; ++i)
            QVERIFY(!client.passwordGrant("wrong-Pass1"));
        // When the right password comes after them
        auto blocked = client.passwordGrant(kPassword);
        // Then it is refused with 429 as blocked, not as a wrong password, and not retried
        QVERIFY(!blocked);
        QCOMPARE(blocked.error().httpCode(), 429);
        QVERIFY2(blocked.error().message.find("blocked after too many failed sign-ins") != std::string::npos,
                 blocked.error().describe().c_str());
        QVERIFY(blocked.error().hint.find("30 min") != std::string::npos);
        QCOMPARE(server->requests().size(), size_t(4));
        verifyNoSecret(blocked.error().describe(), {kPassword});
    }

    void transportAndTlsFailures()
    {
        // Unreachable: nothing listens
        const std::string closed = "https://127.0.0.1:" + std::to_string(TestHttpServer::unusedPort());
        auto unreachable = KsOAuthClient(account(closed)).passwordGrant(kPassword);
        QVERIFY(!unreachable);
        QCOMPARE(unreachable.error().kind, ErrorKind::Transport);
        QVERIFY2(unreachable.error().hint.find("is KubeSphere running") != std::string::npos, unreachable.error().describe().c_str());
        verifyNoSecret(unreachable.error().describe(), {kPassword});

        // Bad TLS: a server whose CA the account does not trust
        auto server = standIn();
        auto noCa = KsAccount::make(server->url(), "alice", {}, false);
        QVERIFY(noCa);
        auto untrusted = KsOAuthClient(noCa.value()).passwordGrant(kPassword);
        QVERIFY(!untrusted);
        QCOMPARE(untrusted.error().kind, ErrorKind::Tls);
        QVERIFY2(untrusted.error().hint.find("--certificate-authority") != std::string::npos, untrusted.error().describe().c_str());
        QCOMPARE(server->passwordGrants(), 0);

        // Skipping verification, explicitly, reaches it
        auto insecure = KsAccount::make(server->url(), "alice", {}, true);
        QVERIFY(insecure);
        QVERIFY(KsOAuthClient(insecure.value()).passwordGrant(kPassword));
    }

    void notKubeSphere()
    {
        // A server without /oauth/token (kube-apiserver, say) answers 404
        TestHttpServer server(TestHttpServer::httpsOptions(m_pki));
        server.setHandler([](const TestRequest &) { return TestResponse::json(404, R"({"kind":"Status","code":404})"); });
        auto result = KsOAuthClient(account(server.url())).passwordGrant(kPassword);
        QVERIFY(!result);
        QVERIFY2(result.error().message.find("no KubeSphere token endpoint") != std::string::npos, result.error().describe().c_str());

        // A 200 that is not a token answer is a decode error that quotes nothing of the body
        server.setHandler([](const TestRequest &) { return TestResponse::json(200, R"({"token":"leak-me"})"); });
        auto garbage = KsOAuthClient(account(server.url())).passwordGrant(kPassword);
        QVERIFY(!garbage);
        QCOMPARE(garbage.error().kind, ErrorKind::Decode);
        verifyNoSecret(garbage.error().describe(), {"leak-me", kPassword});

        // A server that echoes the password in its description gets it redacted
        server.setHandler([](const TestRequest &r) {
            const auto at = r.body.find("password=");
            return TestResponse::json(400, nlohmann::json{{"error", "invalid_grant"},
                                                          {"error_description", "bad " + r.body.substr(at)}}.dump());
        });
        auto echoed = KsOAuthClient(account(server.url())).passwordGrant("PlainPass1");
        QVERIFY(!echoed);
        verifyNoSecret(echoed.error().describe(), {"PlainPass1"});
        QVERIFY(echoed.error().describe().find("[redacted]") != std::string::npos);
    }

    void loginWritesEntriesAndKeyring()
    {
        auto server = standIn();
        MemoryStore store;
        const QString kubeconfig = m_dir.filePath("login-kubeconfig");
        // Given a kubeconfig with someone else's context in it
        std::ofstream(kubeconfig.toStdString()) << "apiVersion: v1\nkind: Config\ncurrent-context: other\n"
                                                   "clusters:\n- name: c\n  cluster:\n    server: https://10.0.0.1:6443\n"
                                                   "users:\n- name: u\n  user:\n    token: other-token\n"
                                                   "contexts:\n- name: other\n  context:\n    cluster: c\n    user: u\n";
        const KsAccount a = account(server->url());
        // When alice signs in
        auto signedIn = KsLogin::login({a, kPassword, kubeconfig.toStdString(), "/opt/tenantry/tenantryctl"}, store);
        QVERIFY2(signedIn, signedIn ? "" : signedIn.error().describe().c_str());
        // Then the keyring holds the tokens, and the kubeconfig only the plugin that reads them
        QCOMPARE(store.size(), size_t(1));
        auto stored = store.lookup(a.secretAttributes());
        QVERIFY(stored && stored.value());
        auto token = KsToken::fromSecret(**stored);
        QVERIFY(token);
        const std::string text = readFile(kubeconfig);
        verifyNoSecret(text, {kPassword, token->accessToken, token->refreshToken});
        QVERIFY(text.find("ks-credential") != std::string::npos);
        QVERIFY(text.find("other-token") != std::string::npos);  // the other entries stay
        QCOMPARE(signedIn->contextName, a.contextName());
        QCOMPARE(signedIn->username, std::string("alice"));
        auto config = Kubeconfig::load({kubeconfig.toStdString(), {}, {}});
        QVERIFY(config);
        QCOMPARE(config->currentContext(), std::string("other"));  // left alone
        auto resolved = config->resolve(a.contextName());
        QVERIFY(resolved);
        QCOMPARE(resolved->cluster.server, a.server);
        QCOMPARE(resolved->cluster.certificateAuthority, a.caFile);
        QVERIFY(resolved->user.exec);
        QCOMPARE(resolved->user.exec->command, std::string("/opt/tenantry/tenantryctl"));
        auto back = KsLogin::accountOf(*config, a.contextName());
        QVERIFY(back && back.value());
        QCOMPARE(back.value()->username, std::string("alice"));

        // When she signs out
        auto out = KsLogin::logout(a, kubeconfig.toStdString(), store);
        QVERIFY2(out, out ? "" : out.error().describe().c_str());
        // Then the keyring item and her entries are gone, the other context stays
        QVERIFY(out->keyringItemRemoved);
        QCOMPARE(out->kubeconfigFile, kubeconfig.toStdString());
        QCOMPARE(store.size(), size_t(0));
        auto after = Kubeconfig::load({kubeconfig.toStdString(), {}, {}});
        QVERIFY(after);
        QVERIFY(!after->context(a.contextName()));
        QVERIFY(!after->user(a.contextName()));
        QVERIFY(!after->cluster(a.clusterEntryName()));
        QVERIFY(after->context("other"));
        // And signing out again finds nothing and says so without failing
        auto again = KsLogin::logout(a, kubeconfig.toStdString(), store);
        QVERIFY(again);
        QVERIFY(!again->keyringItemRemoved);
        QVERIFY(again->kubeconfigFile.empty());
    }

    void failedLoginWritesNothing()
    {
        auto server = standIn();
        MemoryStore store;
        const QString kubeconfig = m_dir.filePath("failed-kubeconfig");
        auto result = KsLogin::login({account(server->url()), "wrong-Pass1", kubeconfig.toStdString(), "tenantryctl"}, store);
        QVERIFY(!result);
        QCOMPARE(store.writes(), 0);
        QVERIFY(!QFile::exists(kubeconfig));
    }

    void refreshBeforeExpiry()
    {
        // Given a session whose token lives 120 s (refresh margin: 30 s)
        KsStandInOptions options;
        options.accessTokenLifetime = std::chrono::seconds(120);
        auto server = standIn(options);
        auto store = std::make_shared<MemoryStore>();
        FakeClock clock;
        OAuthOptions oauth;
        oauth.clock = clock.fn();
        const KsAccount a = account(server->url());
        QVERIFY(KsLogin::login({a, kPassword, m_dir.filePath("refresh-kubeconfig").toStdString(), "tenantryctl"}, *store, oauth));
        KsCredentials credentials(a, store, oauth);
        auto first = credentials.current(nullptr);
        QVERIFY(first);
        // When 80 s pass, nothing is due
        clock.now += std::chrono::seconds(80);
        auto second = credentials.current(nullptr);
        QVERIFY(second);
        QCOMPARE(second->bearerToken, first->bearerToken);
        QCOMPARE(server->refreshGrants(), 0);
        // When 95 s passed, within the margin, the token is refreshed once and stored
        clock.now += std::chrono::seconds(15);
        auto third = credentials.current(nullptr);
        QVERIFY2(third, third ? "" : third.error().describe().c_str());
        QVERIFY(third->bearerToken != first->bearerToken);
        QCOMPARE(server->refreshGrants(), 1);
        QCOMPARE(credentials.refreshCount(), 1);
        auto stored = store->lookup(a.secretAttributes());
        QVERIFY(stored && stored.value());
        QCOMPARE(KsToken::fromSecret(**stored)->accessToken, third->bearerToken);
        QVERIFY(credentials.current(nullptr)->bearerToken == third->bearerToken);
        QCOMPARE(server->refreshGrants(), 1);
    }

    void refreshOnceAfter401()
    {
        // Given kube-apiserver behind the stand-in's proxy
        TestHttpServer kube(TestHttpServer::httpsOptions(m_pki));
        kube.setHandler([](const TestRequest &r) {
            if (!r.header("Authorization").empty())
                return TestResponse::json(500, "the caller's Authorization reached kube-apiserver");
            return TestResponse::json(200, R"({"kind":"NamespaceList","apiVersion":"v1","items":[]})");
        });
        KsStandInOptions options;
        TransportConfig upstream;
        upstream.server = kube.url();
        upstream.tls.caPem = m_pki.caCertPem();
        options.upstream = upstream;
        auto server = standIn(options);
        auto store = std::make_shared<MemoryStore>();
        const KsAccount a = account(server->url());
        FakeClock clock;
        OAuthOptions oauth;
        oauth.clock = clock.fn();
        QVERIFY(KsLogin::login({a, kPassword, m_dir.filePath("401-kubeconfig").toStdString(), "tenantryctl"}, *store, oauth));
        auto credentials = std::make_shared<KsCredentials>(a, store, oauth);
        TransportConfig config;
        config.server = a.server;
        config.tls.caPem = m_pki.caCertPem();
        config.credentials = credentials;
        Transport transport(config);
        HttpRequest list;
        list.path = "/api/v1/namespaces";
        auto ok = transport.send(list);
        QVERIFY(ok && ok->status == 200);
        // When the server expires the access token early (revoked, clock skew)
        server->expireAccessTokens();
        auto again = transport.send(list);
        // Then one 401 leads to one refresh and the request succeeds
        QVERIFY(again);
        QCOMPARE(again->status, 200);
        QCOMPARE(server->unauthorizedRequests(), 1);
        QCOMPARE(server->refreshGrants(), 1);
        QCOMPARE(credentials->refreshCount(), 1);

        // When requests that were in flight with the old token come back 401 right after the
        // refresh, they get the fresh token, not a second refresh
        credentials->invalidate();
        auto inFlight = credentials->current(nullptr);
        QVERIFY(inFlight);
        QCOMPARE(server->refreshGrants(), 1);

        // When the refresh token is revoked too, the 401 ends in "sign in again"
        clock.now += KsCredentials::kRecentRefresh + std::chrono::seconds(1);
        server->expireAccessTokens();
        server->revokeRefreshTokens();
        auto refused = transport.send(list);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::Auth);
        QVERIFY2(refused.error().message.find("has expired or was revoked") != std::string::npos, refused.error().describe().c_str());
        QVERIFY(refused.error().hint.find("tenantryctl login kubesphere") != std::string::npos);
        auto stored = store->lookup(a.secretAttributes());
        verifyNoSecret(refused.error().describe(), {KsToken::fromSecret(**stored)->refreshToken, KsToken::fromSecret(**stored)->accessToken});
    }

    void tokensRefreshedElsewhereAreUsed()
    {
        KsStandInOptions options;
        options.accessTokenLifetime = std::chrono::seconds(120);
        auto server = standIn(options);
        auto store = std::make_shared<MemoryStore>();
        FakeClock clock;
        OAuthOptions oauth;
        oauth.clock = clock.fn();
        const KsAccount a = account(server->url());
        QVERIFY(KsLogin::login({a, kPassword, m_dir.filePath("elsewhere-kubeconfig").toStdString(), "tenantryctl"}, *store, oauth));
        KsCredentials mine(a, store, oauth);
        KsCredentials theirs(a, store, oauth);  // kubectl's plugin, say
        QVERIFY(mine.current(nullptr));
        clock.now += std::chrono::seconds(100);
        auto refreshedByThem = theirs.current(nullptr);
        QVERIFY(refreshedByThem);
        QCOMPARE(server->refreshGrants(), 1);
        // Mine is due too, but the keyring holds a fresh token already: no second refresh
        auto used = mine.current(nullptr);
        QVERIFY(used);
        QCOMPARE(used->bearerToken, refreshedByThem->bearerToken);
        QCOMPARE(server->refreshGrants(), 1);
    }

    void notSignedIn()
    {
        auto store = std::make_shared<MemoryStore>();
        KsCredentials credentials(account("https://127.0.0.1:1"), store);
        auto result = credentials.current(nullptr);
        QVERIFY(!result);
        QVERIFY(result.error().message.find("not signed in to KubeSphere as alice") != std::string::npos);
        QVERIFY(result.error().hint.find("tenantryctl login kubesphere --server https://127.0.0.1:1 --username alice")
                != std::string::npos);
    }

    void kubeconfigServesThePluginInProcess()
    {
        auto server = standIn();
        auto store = std::make_shared<MemoryStore>();
        const KsAccount a = account(server->url());
        const QString kubeconfig = m_dir.filePath("hook-kubeconfig");
        QVERIFY(KsLogin::login({a, kPassword, kubeconfig.toStdString(), "/nonexistent/bin/tenantryctl"}, *store));
        auto config = Kubeconfig::load({kubeconfig.toStdString(), {}, {}});
        QVERIFY(config);
        CredentialOptions options;
        options.execInProcess = KsCredentials::inProcessHook(store);
        int approvals = 0;
        options.approveExec = [&](const ExecApprovalRequest &) { ++approvals; return true; };
        config->setCredentialOptions(options);
        auto transport = config->transportConfig(a.contextName());
        QVERIFY2(transport, transport ? "" : transport.error().describe().c_str());
        // The plugin's command does not exist: only the in-process provider can answer
        auto *ks = dynamic_cast<KsCredentials *>(transport->credentials.get());
        QVERIFY(ks);
        auto material = ks->current(nullptr);
        QVERIFY(material);
        QCOMPARE(tokenUsername(material->bearerToken), std::string("alice"));
        QCOMPARE(ks->identity().username, std::string("alice"));
        QCOMPARE(approvals, 0);
        QCOMPARE(transport->server, a.server);
        QCOMPARE(transport->tls.caPem, m_pki.caCertPem());
    }

    void execCredentialOutput()
    {
        KsToken token;
        token.accessToken = "a.b.c";
        token.lifetime = std::chrono::seconds(7200);
        token.expiresAt = std::chrono::system_clock::time_point(std::chrono::seconds(1'700'007'200));
        const auto j = nlohmann::json::parse(KsCredentials::execCredential(token));
        QCOMPARE(j["apiVersion"].get<std::string>(), std::string("client.authentication.k8s.io/v1"));
        QCOMPARE(j["kind"].get<std::string>(), std::string("ExecCredential"));
        QCOMPARE(j["status"]["token"].get<std::string>(), std::string("a.b.c"));
        // Due 30 s before expiry, so kubectl asks again before the server refuses it
        QCOMPARE(j["status"]["expirationTimestamp"].get<std::string>(), std::string("2023-11-15T00:12:50Z"));
        // The parser kubectl's side uses accepts it
        auto parsed = ExecCredentialProvider::parseCredential(KsCredentials::execCredential(token), "client.authentication.k8s.io/v1");
        QVERIFY(parsed);
        QCOMPARE(parsed->token, std::string("a.b.c"));
    }

    void refreshMarginFollowsLifetime()
    {
        KsToken t;
        t.lifetime = std::chrono::seconds(7200);
        QCOMPARE(t.refreshMargin().count(), 30);
        t.lifetime = std::chrono::seconds(8);
        QCOMPARE(t.refreshMargin().count(), 2);
        t.lifetime = std::chrono::seconds(0);
        t.expiresAt = {};
        QVERIFY(!t.needsRefresh(std::chrono::system_clock::now()));  // no expiry named: only a 401 ends it
    }
};

QTEST_GUILESS_MAIN(TestKsAccount)
#include "tst_ksaccount.moc"
