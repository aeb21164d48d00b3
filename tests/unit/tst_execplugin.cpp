// Tests for exec credential plugins: the process runner (pipes, timeout, process group kill,
// cancel) and ExecCredentialProvider (protocol, caching and expiry, cluster info, approval).
#include "kubeclient/core/base64.h"
#include "kubeclient/kubeconfig/execcredentialprovider.h"
#include "kubeclient/kubeconfig/execplugin.h"
#include "kubeclient/kubeconfig/kubeconfig.h"

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <signal.h>

#include <atomic>
#include <cerrno>
#include <thread>

using kube::Kubeconfig;

namespace {

const std::string kData = TENANTRY_TEST_DATA "/";

std::string readFile(const std::string &path)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().toStdString();
}

QString str(const std::string &s)
{
    return QString::fromStdString(s);
}

Kubeconfig load(const std::string &rel, kube::CredentialOptions options = {})
{
    kube::KubeconfigSources sources;
    sources.explicitPath = kData + "kubeconfig/" + rel;
    auto loaded = Kubeconfig::load(sources);
    if (!loaded) {
        qWarning("load failed: %s", loaded.error().describe().c_str());
        return Kubeconfig();
    }
    loaded->setCredentialOptions(std::move(options));
    return std::move(loaded.value());
}

kube::CredentialProviderPtr providerFor(const Kubeconfig &config)
{
    auto tc = config.transportConfig();
    if (!tc) {
        qWarning("transportConfig failed: %s", tc.error().describe().c_str());
        return nullptr;
    }
    return tc->credentials;
}

bool processGone(pid_t pid)
{
    if (::kill(pid, 0) != 0)
        return errno == ESRCH;
    // Killed but not yet reaped by whoever inherited it: a zombie counts as gone.
    const std::string stat = readFile("/proc/" + std::to_string(pid) + "/stat");
    const auto paren = stat.rfind(')');
    return paren != std::string::npos && paren + 2 < stat.size() && stat[paren + 2] == 'Z';
}

} // namespace

class TestExecPlugin : public QObject
{
    Q_OBJECT

private slots:
    void runnerCapturesOutputAndExitCode();
    void runnerEnvironmentLaterEntriesWin();
    void runnerStdinIsNotInherited();
    void runnerTimeoutKillsTheProcessGroup();
    void runnerCancelStopsAtOnce();
    void runnerMissingBinary();

    void v1TokenPlugin();
    void v1beta1TokenPlugin();
    void clientCertificatePlugin();
    void tokenIsCachedUntilExpiryThenRefreshed();
    void tokenWithoutExpiryIsCachedUntilInvalidated();
    void clusterInfoAndEnvReachThePlugin();
    void execInfoWithoutClusterInfo();
    void failureCarriesStderrAndInstallHint();
    void failureAfterPrintingACredentialRedactsItFromStderr();
    void longStderrIsTruncatedToItsEnd();
    void missingBinaryHintIsTheInstallHint();
    void approvalHookIsAskedOnceAndCanRefuse();
    void parseCredentialRejectsMalformedOutput_data();
    void parseCredentialRejectsMalformedOutput();
};

void TestExecPlugin::runnerCapturesOutputAndExitCode()
{
    // Given a command writing to both streams and failing
    kube::ExecPluginRequest request;
    request.command = "/bin/sh";
    request.args = {"-c", "printf out; printf err >&2; exit 7"};

    // When run
    auto outcome = kube::ExecPlugin::run(request);

    // Then both streams and the exit code are captured
    QCOMPARE(int(outcome.status), int(kube::ExecPluginOutcome::Status::Exited));
    QCOMPARE(outcome.exitCode, 7);
    QCOMPARE(str(outcome.out), QString("out"));
    QCOMPARE(str(outcome.err), QString("err"));
    QVERIFY(!outcome.succeeded());
}

void TestExecPlugin::runnerEnvironmentLaterEntriesWin()
{
    // Given a variable in our environment overridden twice by the request
    qputenv("TENANTRY_TEST_OVERRIDE", "from-parent");
    qputenv("TENANTRY_TEST_INHERITED", "inherited");
    kube::ExecPluginRequest request;
    request.command = "sh";  // found through PATH, like client-go's exec.Command
    request.args = {"-c", "printf '%s %s' \"$TENANTRY_TEST_OVERRIDE\" \"$TENANTRY_TEST_INHERITED\""};
    request.extraEnv = {{"TENANTRY_TEST_OVERRIDE", "first"}, {"TENANTRY_TEST_OVERRIDE", "second"}};

    // When run
    auto outcome = kube::ExecPlugin::run(request);

    // Then the last value wins (Go's os/exec rule) and the rest of the environment is inherited
    QVERIFY(outcome.succeeded());
    QCOMPARE(str(outcome.out), QString("second inherited"));
}

void TestExecPlugin::runnerStdinIsNotInherited()
{
    // Given a plugin that reads stdin (a prompt)
    kube::ExecPluginRequest request;
    request.command = "/bin/sh";
    request.args = {"-c", "read answer; echo \"got:$answer\""};
    request.timeout = std::chrono::milliseconds(5000);

    // When run, it must see end-of-file at once instead of waiting on our terminal
    auto outcome = kube::ExecPlugin::run(request);
    QVERIFY(outcome.status == kube::ExecPluginOutcome::Status::Exited);
    QCOMPARE(str(outcome.out), QString("got:\n"));
    QVERIFY(outcome.elapsed < std::chrono::milliseconds(4000));
}

void TestExecPlugin::runnerTimeoutKillsTheProcessGroup()
{
    // Given a plugin that hangs with a child process of its own
    QTemporaryDir dir;
    const std::string pidFile = dir.path().toStdString() + "/child.pid";
    kube::ExecPluginRequest request;
    request.command = kData + "exec/hang.sh";
    request.extraEnv = {{"TENANTRY_EXEC_CHILD_PID", pidFile}};
    request.timeout = std::chrono::milliseconds(700);

    // When the timeout passes
    auto outcome = kube::ExecPlugin::run(request);

    // Then the run ends promptly as TimedOut with what the plugin said so far
    QCOMPARE(int(outcome.status), int(kube::ExecPluginOutcome::Status::TimedOut));
    QVERIFY(outcome.elapsed >= std::chrono::milliseconds(700));
    QVERIFY(outcome.elapsed < std::chrono::milliseconds(5000));
    QVERIFY(outcome.err.find("waiting for the browser login") != std::string::npos);
    // And the plugin's child was killed with it (the whole process group)
    const std::string pidText = readFile(pidFile);
    QVERIFY(!pidText.empty());
    const pid_t child = static_cast<pid_t>(std::stol(pidText));
    QTRY_VERIFY_WITH_TIMEOUT(processGone(child), 3000);
}

void TestExecPlugin::runnerCancelStopsAtOnce()
{
    // Given a hanging plugin and a cancel token raised from another thread
    auto cancel = std::make_shared<kube::CancelToken>();
    kube::ExecPluginRequest request;
    request.command = kData + "exec/hang.sh";
    request.timeout = std::chrono::milliseconds(30'000);
    std::thread canceller([cancel] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        cancel->cancel();
    });

    // When run
    auto outcome = kube::ExecPlugin::run(request, cancel);
    canceller.join();

    // Then it stops as Cancelled long before the timeout
    QCOMPARE(int(outcome.status), int(kube::ExecPluginOutcome::Status::Cancelled));
    QVERIFY(outcome.elapsed < std::chrono::milliseconds(5000));
}

void TestExecPlugin::runnerMissingBinary()
{
    kube::ExecPluginRequest request;
    request.command = "tenantry-no-such-plugin-xyz";
    auto outcome = kube::ExecPlugin::run(request);
    QCOMPARE(int(outcome.status), int(kube::ExecPluginOutcome::Status::NotFound));
    request.command = "/nonexistent/dir/plugin";
    QCOMPARE(int(kube::ExecPlugin::run(request).status), int(kube::ExecPluginOutcome::Status::NotFound));
}

void TestExecPlugin::v1TokenPlugin()
{
    // Given a v1 plugin referenced by a path relative to the kubeconfig
    Kubeconfig config = load("exec-token-v1.yaml");
    auto provider = providerFor(config);
    QVERIFY(provider);

    // When credentials are asked for
    auto material = provider->current(nullptr);

    // Then the plugin ran (resolved against the kubeconfig's directory) and its token is used
    QVERIFY2(material, material ? "" : material.error().describe().c_str());
    QCOMPARE(str(material->bearerToken), QString("token-from-plugin"));
    QCOMPARE(str(provider->describe()), QString("exec: token.sh"));
}

void TestExecPlugin::v1beta1TokenPlugin()
{
    Kubeconfig config = load("exec-token-v1beta1.yaml");
    // Given v1beta1 without interactiveMode (defaulted to IfAvailable, as kubectl)
    QCOMPARE(str(config.user("plugin-user")->exec->interactiveMode), QString("IfAvailable"));
    auto provider = providerFor(config);
    QVERIFY(provider);
    auto material = provider->current(nullptr);
    QVERIFY2(material, material ? "" : material.error().describe().c_str());
    QCOMPARE(str(material->bearerToken), QString("beta-token"));
}

void TestExecPlugin::clientCertificatePlugin()
{
    // Given a plugin that returns a client certificate and key
    Kubeconfig config = load("exec-cert.yaml");
    auto provider = providerFor(config);
    QVERIFY(provider);

    // When credentials are asked for
    auto material = provider->current(nullptr);

    // Then the PEMs are the plugin's, checked to match
    QVERIFY2(material, material ? "" : material.error().describe().c_str());
    QVERIFY(material->hasClientCert());
    QCOMPARE(str(material->clientCertPem), str(readFile(kData + "kubeconfig/pki/client.crt")));
    QCOMPARE(str(material->clientKeyPem), str(readFile(kData + "kubeconfig/pki/client.key")));
    QVERIFY(material->bearerToken.empty());
}

void TestExecPlugin::tokenIsCachedUntilExpiryThenRefreshed()
{
    // Given a plugin that counts its runs and returns tokens valid for an hour, and a clock we move
    QTemporaryDir dir;
    const std::string counter = dir.path().toStdString() + "/count";
    qputenv("TENANTRY_EXEC_COUNTER", QByteArray::fromStdString(counter));
    auto offset = std::make_shared<std::atomic<long long>>(0);
    kube::CredentialOptions options;
    options.clock = [offset] { return std::chrono::system_clock::now() + std::chrono::seconds(offset->load()); };
    Kubeconfig config = load("exec-expiring.yaml", options);
    auto provider = providerFor(config);
    QVERIFY(provider);

    // When credentials are asked for repeatedly within the hour
    QCOMPARE(str(provider->current(nullptr)->bearerToken), QString("counted-1"));
    QCOMPARE(str(provider->current(nullptr)->bearerToken), QString("counted-1"));
    // Then the plugin ran once
    QCOMPARE(str(readFile(counter)), QString("1\n"));

    // When the server rejects the token (401 -> invalidate)
    provider->invalidate();
    // Then the next request runs the plugin again
    QCOMPARE(str(provider->current(nullptr)->bearerToken), QString("counted-2"));

    // When the expirationTimestamp has passed
    offset->store(2 * 3600);
    // Then the cached token is not used any more
    QCOMPARE(str(provider->current(nullptr)->bearerToken), QString("counted-3"));
    // And the new token (valid for an hour of real time) is cached in turn
    offset->store(0);
    QCOMPARE(str(provider->current(nullptr)->bearerToken), QString("counted-3"));
    QCOMPARE(str(readFile(counter)), QString("3\n"));
    qunsetenv("TENANTRY_EXEC_COUNTER");
}

void TestExecPlugin::tokenWithoutExpiryIsCachedUntilInvalidated()
{
    // Given a plugin without expirationTimestamp
    Kubeconfig config = load("exec-token-v1.yaml");
    auto tc1 = config.transportConfig();
    auto tc2 = config.transportConfig();
    auto *exec = dynamic_cast<kube::ExecCredentialProvider *>(tc1->credentials.get());
    QVERIFY(exec);
    // And two transports for the same context sharing the provider
    QCOMPARE(tc1->credentials.get(), tc2->credentials.get());

    // When both ask for credentials many times
    for (int i = 0; i < 5; ++i) {
        QVERIFY(tc1->credentials->current(nullptr));
        QVERIFY(tc2->credentials->current(nullptr));
    }
    // Then the plugin ran once; invalidate makes it run again (client-go's behaviour)
    QCOMPARE(exec->runCount(), 1);
    tc2->credentials->invalidate();
    QVERIFY(tc1->credentials->current(nullptr));
    QCOMPARE(exec->runCount(), 2);
}

void TestExecPlugin::clusterInfoAndEnvReachThePlugin()
{
    // Given provideClusterInfo, exec.env, and a cluster with CA file, SNI, proxy and exec config
    QTemporaryDir dir;
    const std::string out = dir.path().toStdString() + "/exec-info.json";
    qputenv("TENANTRY_EXEC_INFO_OUT", QByteArray::fromStdString(out));
    Kubeconfig config = load("exec-cluster-info.yaml");
    auto provider = providerFor(config);
    QVERIFY(provider);

    // When the plugin runs
    auto material = provider->current(nullptr);
    qunsetenv("TENANTRY_EXEC_INFO_OUT");

    // Then it saw exec.env
    QVERIFY2(material, material ? "" : material.error().describe().c_str());
    QCOMPARE(str(material->bearerToken), QString("hello-from-kubeconfig"));
    // And KUBERNETES_EXEC_INFO carried the ExecCredential spec with the cluster, as client-go
    auto info = nlohmann::json::parse(readFile(out), nullptr, false);
    QVERIFY(info.is_object());
    QCOMPARE(str(info["kind"].get<std::string>()), QString("ExecCredential"));
    QCOMPARE(str(info["apiVersion"].get<std::string>()), QString("client.authentication.k8s.io/v1"));
    QCOMPARE(info["spec"]["interactive"].get<bool>(), false);
    const auto &cluster = info["spec"]["cluster"];
    QCOMPARE(str(cluster["server"].get<std::string>()), QString("https://info.example.com:6443"));
    QCOMPARE(str(cluster["tls-server-name"].get<std::string>()), QString("api.info.example"));
    QCOMPARE(str(cluster["proxy-url"].get<std::string>()), QString("socks5://127.0.0.1:1080"));
    QCOMPARE(str(cluster["certificate-authority-data"].get<std::string>()),
             str(kube::Base64::encode(readFile(kData + "kubeconfig/pki/ca.crt"))));
    QCOMPARE(str(cluster["config"].dump()), QString(R"({"audience":"tenantry","retries":3})"));
    QVERIFY(!cluster.contains("insecure-skip-tls-verify"));
}

void TestExecPlugin::execInfoWithoutClusterInfo()
{
    Kubeconfig config = load("exec-token-v1beta1.yaml");
    auto provider = std::dynamic_pointer_cast<kube::ExecCredentialProvider>(providerFor(config));
    QVERIFY(provider);
    QCOMPARE(str(provider->execInfo()),
             QString(R"({"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1beta1","spec":{"interactive":false}})"));
}

void TestExecPlugin::failureCarriesStderrAndInstallHint()
{
    // Given a plugin that fails with a message on stderr, and an installHint in the kubeconfig
    Kubeconfig config = load("broken/exec-fails.yaml");
    auto provider = providerFor(config);
    QVERIFY(provider);

    // When it runs
    auto material = provider->current(nullptr);

    // Then the error has the exit code, the plugin's own words and the install hint
    QVERIFY(!material);
    const kube::Error &e = material.error();
    QCOMPARE(e.kind, kube::ErrorKind::Auth);
    QVERIFY(e.message.find("failed with exit code 3") != std::string::npos);
    QVERIFY(e.message.find("you must be logged in") != std::string::npos);
    QCOMPARE(str(e.hint), QString("Install the corpus plugin: see tests/data/exec/README"));
}

void TestExecPlugin::failureAfterPrintingACredentialRedactsItFromStderr()
{
    // Given a plugin that prints part of a credential, says it again on stderr and fails (issue 16)
    QTemporaryDir dir;
    const QString plugin = dir.filePath("plugin.sh");
    {
        QFile f(plugin);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("#!/bin/sh\nprintf '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                "\"status\":{\"token\":\"leaky-token-123456\"'\necho 'could not finish: token leaky-token-123456 expired' >&2\nexit 1\n");
    }
    QFile::setPermissions(plugin, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QString path = dir.filePath("config");
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(("apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {server: https://x.example}\nusers:\n- name: u\n"
                 "  user:\n    exec: {apiVersion: client.authentication.k8s.io/v1, command: \"" + plugin.toStdString()
                 + "\", interactiveMode: Never}\ncontexts:\n- name: c\n  context: {cluster: c, user: u}\ncurrent-context: c\n")
                    .c_str());
    }
    kube::KubeconfigSources sources;
    sources.explicitPath = path.toStdString();
    auto config = Kubeconfig::load(sources);
    QVERIFY(config);
    auto provider = providerFor(*config);
    QVERIFY(provider);

    // When it runs, then the error keeps the plugin's words but not the token
    auto material = provider->current(nullptr);
    QVERIFY(!material);
    const std::string message = material.error().message;
    QVERIFY2(message.find("could not finish: token [redacted] expired") != std::string::npos, message.c_str());
    QVERIFY2(message.find("leaky-token-123456") == std::string::npos, message.c_str());
}

void TestExecPlugin::longStderrIsTruncatedToItsEnd()
{
    Kubeconfig config = load("broken/exec-noisy-failure.yaml");
    auto material = providerFor(config)->current(nullptr);
    QVERIFY(!material);
    const std::string &m = material.error().message;
    // The last words are kept (where plugins say what went wrong), the chatter is cut
    QVERIFY(m.find("FATAL: the corpus account is locked") != std::string::npos);
    QVERIFY(m.find("step 0 of") == std::string::npos);
    QVERIFY(m.find("...") != std::string::npos);
    QVERIFY(m.size() < 1300);
}

void TestExecPlugin::missingBinaryHintIsTheInstallHint()
{
    Kubeconfig config = load("broken/exec-missing-binary.yaml");
    auto material = providerFor(config)->current(nullptr);
    QVERIFY(!material);
    QCOMPARE(str(material.error().hint),
             QString("tenantry-corpus-plugin is required; install it with `brew install tenantry-corpus-plugin`."));
}

void TestExecPlugin::approvalHookIsAskedOnceAndCanRefuse()
{
    // Given an approval hook that refuses
    std::vector<kube::ExecApprovalRequest> asked;
    kube::CredentialOptions refuse;
    refuse.approveExec = [&](const kube::ExecApprovalRequest &r) {
        asked.push_back(r);
        return false;
    };
    Kubeconfig refused = load("exec-cluster-info.yaml", refuse);

    // When credentials are asked for
    auto denied = providerFor(refused)->current(nullptr);

    // Then the plugin does not run and the error says why
    QVERIFY(!denied);
    QCOMPARE(denied.error().kind, kube::ErrorKind::Auth);
    QVERIFY(denied.error().message.find("was not approved") != std::string::npos);
    QCOMPARE(asked.size(), size_t(1));
    // And the request shows the resolved command line and env names, never env values
    QCOMPARE(str(asked[0].command), str(kData + "exec/clusterinfo.sh"));
    QCOMPARE(asked[0].envNames, std::vector<std::string>{"GREETING"});
    QCOMPARE(str(asked[0].userName), QString("info-user"));
    QVERIFY(asked[0].where.find("exec-cluster-info.yaml:") != std::string::npos);

    // Given a hook that approves
    asked.clear();
    kube::CredentialOptions approve;
    approve.approveExec = [&](const kube::ExecApprovalRequest &r) {
        asked.push_back(r);
        return true;
    };
    Kubeconfig approved = load("exec-token-v1.yaml", approve);
    auto provider = providerFor(approved);
    // When the plugin runs several times (refresh after invalidate)
    QVERIFY(provider->current(nullptr));
    provider->invalidate();
    QVERIFY(provider->current(nullptr));
    // Then it was asked only before the first run
    QCOMPARE(asked.size(), size_t(1));
    QCOMPARE(asked[0].args, (std::vector<std::string>{"v1", "token-from-plugin"}));
}

void TestExecPlugin::parseCredentialRejectsMalformedOutput_data()
{
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("error");  // empty: accepted
    const QString v1 = "client.authentication.k8s.io/v1";
    QTest::newRow("token") << R"({"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1","status":{"token":"t"}})" << "";
    QTest::newRow("expiry with offset")
        << R"({"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1","status":{"token":"t","expirationTimestamp":"2030-01-02T03:04:05.5+02:00"}})"
        << "";
    QTest::newRow("not json") << "secret-token-in-garbage" << "not JSON";
    QTest::newRow("array") << "[]" << "printed a list";
    QTest::newRow("no kind") << R"({"status":{"token":"secret"}})" << "without apiVersion and kind";
    QTest::newRow("wrong version") << R"({"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1beta1","status":{"token":"secret"}})"
                                   << "returned apiVersion";
    QTest::newRow("no status") << R"({"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1"})" << "without a status";
    QTest::newRow("empty status") << R"({"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1","status":{}})"
                                  << "neither a token nor a client certificate";
    QTest::newRow("cert only") << R"({"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1","status":{"clientCertificateData":"x"}})"
                               << "only a client certificate or only a key";
    QTest::newRow("token not string") << R"({"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1","status":{"token":42}})"
                                      << "status.token that is a number";
    QTest::newRow("bad expiry") << R"({"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1","status":{"token":"secret","expirationTimestamp":"tomorrow"}})"
                                << "not an RFC 3339 time";
}

void TestExecPlugin::parseCredentialRejectsMalformedOutput()
{
    QFETCH(QString, output);
    QFETCH(QString, error);
    auto parsed = kube::ExecCredentialProvider::parseCredential(output.toStdString(), "client.authentication.k8s.io/v1");
    if (error.isEmpty()) {
        QVERIFY2(parsed, parsed ? "" : parsed.error().message.c_str());
        return;
    }
    QVERIFY(!parsed);
    QVERIFY2(parsed.error().message.find(error.toStdString()) != std::string::npos, parsed.error().message.c_str());
    // The plugin's output (which may hold a token) is never quoted
    QVERIFY(parsed.error().describe().find("secret") == std::string::npos);
}

QTEST_GUILESS_MAIN(TestExecPlugin)
#include "tst_execplugin.moc"
