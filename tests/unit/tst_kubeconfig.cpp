// Tests for kube::Kubeconfig: loading and merging like client-go, relative path resolution,
// context -> TransportConfig, and the corpus of real-world-shaped and broken kubeconfigs.
#include "kubeclient/core/base64.h"
#include "kubeclient/kubeconfig/kubeconfig.h"
#include "kubeclient/kubeconfig/kubeconfigfile.h"
#include "kubeclient/kubeconfig/kubeconfigpath.h"
#include "kubeclient/kubeconfig/kubeconfigpem.h"
#include "kubeclient/kubeconfig/kubeconfigyaml.h"
#include "kubeclient/kubeconfig/tokenfilecredentials.h"

#include <QtCore/QDir>
#include <QtCore/QDirIterator>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <optional>
#include <string>

using kube::Kubeconfig;
using kube::KubeconfigSources;

namespace {

const std::string kData = TENANTRY_TEST_DATA "/kubeconfig/";

std::string corpus(const std::string &rel)
{
    return kData + rel;
}

std::string readFile(const std::string &path)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().toStdString();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(content) == content.size();
}

Kubeconfig mustLoadFile(const std::string &path)
{
    KubeconfigSources sources;
    sources.explicitPath = path;
    auto loaded = Kubeconfig::load(sources);
    if (!loaded) {
        qWarning("unexpected load error: %s", loaded.error().describe().c_str());
        return Kubeconfig();
    }
    return std::move(loaded.value());
}

QString str(const std::string &s)
{
    return QString::fromStdString(s);
}

// Every secret the corpus holds starts with this; none may reach an error or warning text.
constexpr const char *kSecretMarker = "corpus-secret";

} // namespace

class TestKubeconfig : public QObject
{
    Q_OBJECT

private slots:
    void explicitFileLoadsWithOrigins();
    void explicitFileMissingIsAnError();
    void kubeconfigListMergesFirstDefinitionWins();
    void homeConfigIsTheFallback();
    void noFilesGiveAnEmptyConfig();
    void relativePathsResolveAgainstTheirOwnFile();

    void tokenContextGivesTransportConfig();
    void clientCertificateFromFilesAndData();
    void basicAuthAndInsecure();
    void tokenFileIsReReadWhenInvalidated();
    void tokenFilePeriodicRefreshKeepsLastGoodToken();
    void proxyUrlsAndTlsServerName();
    void bareHostGetsSchemeLikeClientGo();
    void contextWithoutUserIsAnonymous();
    void providersAreSharedPerUserAndCluster();
    void contextNamespaceDefaults();
    void noCurrentContextIsAClearError();
    void yaml11ScalarsDecodeLikeKubectl();
    void unknownFieldsAreWarningsWithSuggestions();
    void extensionsArePreservedAsJson();

    void goodCorpusLoadsAndResolves_data();
    void goodCorpusLoadsAndResolves();
    void brokenCorpusNamesFileAndLine_data();
    void brokenCorpusNamesFileAndLine();

    void base64MatchesGoStdEncoding_data();
    void base64MatchesGoStdEncoding();
    void pathCleanMatchesGoFilepath_data();
    void pathCleanMatchesGoFilepath();
    void yamlScalarResolution_data();
    void yamlScalarResolution();
    void yamlEmitterQuotesLikeGoYaml();
    void keyPairCheck();
};

void TestKubeconfig::explicitFileLoadsWithOrigins()
{
    // Given a kubeadm-style file that references PEM files by relative path
    const std::string path = corpus("client-cert-files.yaml");

    // When it is loaded as --kubeconfig
    Kubeconfig config = mustLoadFile(path);

    // Then its entries are there, each remembering the file and line it came from
    QCOMPARE(config.files().size(), size_t(1));
    QCOMPARE(str(config.currentContext()), QString("kubernetes-admin@kubernetes"));
    const auto *cluster = config.cluster("kubernetes");
    QVERIFY(cluster);
    QCOMPARE(str(cluster->server), QString("https://10.0.0.10:6443"));
    QCOMPARE(str(cluster->certificateAuthority), QString("pki/ca.crt"));  // kept as written
    QCOMPARE(str(cluster->origin.file), str(path));
    QCOMPARE(cluster->origin.line, 5);
    QCOMPARE(str(cluster->origin.describe()), str(path + ":5"));
    QCOMPARE(str(cluster->origin.baseDir), str(kube::KubeconfigPath::dir(path)));
    const auto *user = config.user("kubernetes-admin");
    QVERIFY(user);
    QCOMPARE(user->origin.line, 17);
}

void TestKubeconfig::explicitFileMissingIsAnError()
{
    // Given --kubeconfig naming a file that does not exist
    KubeconfigSources sources;
    sources.explicitPath = corpus("no-such-file.yaml");
    sources.kubeconfigEnv = corpus("minimal-token.yaml");  // ignored: --kubeconfig wins

    // When loading
    auto loaded = Kubeconfig::load(sources);

    // Then it fails naming the file (kubectl fails too), instead of silently using $KUBECONFIG
    QVERIFY(!loaded);
    QCOMPARE(loaded.error().kind, kube::ErrorKind::Config);
    QCOMPARE(str(loaded.error().where), str(sources.explicitPath));
    QVERIFY(loaded.error().message.find("does not exist") != std::string::npos);
}

void TestKubeconfig::kubeconfigListMergesFirstDefinitionWins()
{
    // Given $KUBECONFIG with empty entries, a missing file, and a duplicate
    KubeconfigSources sources;
    sources.kubeconfigEnv = ":" + corpus("merge-first.yaml") + "::" + corpus("missing.yaml") + ":" + corpus("merge-second.yaml")
                            + ":" + corpus("merge-first.yaml") + ":" + corpus("merge-third.yaml");
    sources.homeDir = "/nonexistent-home";

    // When loading
    auto loaded = Kubeconfig::load(sources);
    QVERIFY2(loaded, loaded ? "" : loaded.error().describe().c_str());
    const Kubeconfig &config = loaded.value();

    // Then each existing file is read once, in order, and the missing one is skipped
    QCOMPARE(config.files().size(), size_t(3));
    QCOMPARE(str(config.files()[0]), str(corpus("merge-first.yaml")));
    QCOMPARE(str(config.files()[2]), str(corpus("merge-third.yaml")));
    QCOMPARE(config.missingFiles().size(), size_t(1));

    // And the first file defining an entry wins the whole entry
    QCOMPARE(str(config.cluster("shared")->server), QString("https://first.example.com"));
    QVERIFY(config.cluster("shared")->certificateAuthority.empty());
    QCOMPARE(str(config.user("shared-user")->token), QString("corpus-secret-token-first"));
    QVERIFY(config.user("shared-user")->username.empty());  // no field-level merge
    QCOMPARE(str(config.context("shared")->ns), QString("from-first"));
    QCOMPARE(str(config.context("shared")->origin.file), str(corpus("merge-first.yaml")));
    QVERIFY(config.context("second"));
    QVERIFY(config.context("third"));

    // And current-context comes from the first file that sets one (not the first file)
    QCOMPARE(str(config.currentContext()), QString("shared"));
    QVERIFY(config.preferences().colors);
    QCOMPARE(config.extensions().size(), size_t(1));

    // And the context from the first file resolves against clusters from any file
    auto resolved = config.resolve("third");
    QVERIFY(resolved);
    QCOMPARE(str(resolved->cluster.server), QString("https://first.example.com"));
}

void TestKubeconfig::homeConfigIsTheFallback()
{
    // Given a HOME with .kube/config and no $KUBECONFIG
    QTemporaryDir home;
    QVERIFY(QDir(home.path()).mkpath(".kube"));
    QVERIFY(writeFile(home.path() + "/.kube/config", QByteArray::fromStdString(readFile(corpus("openshift.yaml")))));
    KubeconfigSources sources;
    sources.homeDir = home.path().toStdString();

    // When loading
    auto fromHome = Kubeconfig::load(sources);

    // Then ~/.kube/config is used
    QVERIFY(fromHome);
    QCOMPARE(fromHome->files().size(), size_t(1));
    QVERIFY(fromHome->context("openshift-config/api-ocp-example-com:6443/kube:admin"));

    // And when $KUBECONFIG is set, HOME is not consulted at all
    sources.kubeconfigEnv = corpus("k3s.yaml");
    auto fromEnv = Kubeconfig::load(sources);
    QVERIFY(fromEnv);
    QCOMPARE(fromEnv->files().size(), size_t(1));
    QCOMPARE(str(fromEnv->currentContext()), QString("default"));
}

void TestKubeconfig::noFilesGiveAnEmptyConfig()
{
    // Given a HOME without .kube/config and $KUBECONFIG naming only missing files
    QTemporaryDir home;
    KubeconfigSources sources;
    sources.homeDir = home.path().toStdString();

    // When loading, with and without $KUBECONFIG
    auto none = Kubeconfig::load(sources);
    sources.kubeconfigEnv = home.path().toStdString() + "/a:" + home.path().toStdString() + "/b";
    auto missing = Kubeconfig::load(sources);

    // Then both give an empty config (kubectl's behaviour), with the missing files reported
    QVERIFY(none);
    QVERIFY(none->contexts().empty());
    QVERIFY(missing);
    QCOMPARE(missing->missingFiles().size(), size_t(2));

    // And asking for a transport says there is no current context
    auto tc = none->transportConfig();
    QVERIFY(!tc);
    QVERIFY(tc.error().message.find("no current context") != std::string::npos);
}

void TestKubeconfig::relativePathsResolveAgainstTheirOwnFile()
{
    // Given two files in the corpus dir and a process whose cwd is somewhere else
    QTemporaryDir elsewhere;
    const QString oldCwd = QDir::currentPath();
    QVERIFY(QDir::setCurrent(elsewhere.path()));
    KubeconfigSources sources;
    sources.kubeconfigEnv = corpus("merge-first.yaml") + ":" + corpus("merge-second.yaml");

    // When the context from merge-second.yaml (relative pki/ paths) becomes a transport
    auto loaded = Kubeconfig::load(sources);
    QVERIFY(loaded);
    auto tc = loaded->transportConfig("second");
    QDir::setCurrent(oldCwd);

    // Then the CA and client certificate were read next to merge-second.yaml
    QVERIFY2(tc, tc ? "" : tc.error().describe().c_str());
    QCOMPARE(str(tc->tls.caPem), str(readFile(corpus("pki/ca.crt"))));
    QVERIFY(tc->credentials);
    auto material = tc->credentials->current(nullptr);
    QVERIFY(material);
    QCOMPARE(str(material->clientCertPem), str(readFile(corpus("pki/client.crt"))));
    QCOMPARE(str(material->clientKeyPem), str(readFile(corpus("pki/client.key"))));
}

void TestKubeconfig::tokenContextGivesTransportConfig()
{
    // Given a cluster with inline CA data and a token user
    Kubeconfig config = mustLoadFile(corpus("minimal-token.yaml"));

    // When the current context becomes a transport config
    auto tc = config.transportConfig();

    // Then server, CA PEM (decoded), and the token are there
    QVERIFY2(tc, tc ? "" : tc.error().describe().c_str());
    QCOMPARE(str(tc->server), QString("https://dev.example.com:6443"));
    QCOMPARE(str(tc->tls.caPem), str(readFile(corpus("pki/ca.crt"))));
    QVERIFY(!tc->tls.insecureSkipVerify);
    QVERIFY(tc->proxyUrl.empty());
    QVERIFY(tc->credentials);
    QCOMPARE(str(tc->credentials->describe()), QString("token"));
    auto material = tc->credentials->current(nullptr);
    QVERIFY(material);
    QCOMPARE(str(material->bearerToken), QString("corpus-secret-token-1"));
    QVERIFY(!material->hasClientCert());
    QVERIFY(tc->where.find("dev") != std::string::npos);
}

void TestKubeconfig::clientCertificateFromFilesAndData()
{
    // Given the same identity by file reference and inline
    for (const char *file : {"client-cert-files.yaml", "client-cert-data.yaml", "minikube.yaml", "kind-cluster.yaml"}) {
        Kubeconfig config = mustLoadFile(corpus(file));

        // When resolved
        auto tc = config.transportConfig();

        // Then the PEMs are in memory, checked to belong together
        QVERIFY2(tc, tc ? file : tc.error().describe().c_str());
        QCOMPARE(str(tc->tls.caPem), str(readFile(corpus("pki/ca.crt"))));
        auto material = tc->credentials->current(nullptr);
        QVERIFY(material);
        QVERIFY(material->hasClientCert());
        QCOMPARE(str(material->clientCertPem), str(readFile(corpus("pki/client.crt"))));
        QCOMPARE(str(material->clientKeyPem), str(readFile(corpus("pki/client.key"))));
        QVERIFY(material->bearerToken.empty());
        QCOMPARE(str(tc->credentials->describe()), QString("client certificate"));
    }
}

void TestKubeconfig::basicAuthAndInsecure()
{
    // Given a legacy cluster with basic auth and insecure-skip-tls-verify
    Kubeconfig config = mustLoadFile(corpus("basic-auth.yaml"));

    // When resolved
    auto tc = config.transportConfig();

    // Then TLS verification is off (explicitly requested) and basic auth is supplied
    QVERIFY(tc);
    QVERIFY(tc->tls.insecureSkipVerify);
    QVERIFY(tc->tls.caPem.empty());
    auto material = tc->credentials->current(nullptr);
    QCOMPARE(str(material->username), QString("admin"));
    QCOMPARE(str(material->password), QString("corpus-secret-password"));
}

void TestKubeconfig::tokenFileIsReReadWhenInvalidated()
{
    // Given a kubeconfig whose tokenFile is a relative path next to it
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath("tokens"));
    QVERIFY(writeFile(dir.path() + "/tokens/sa-token", "first-token\n"));
    QVERIFY(writeFile(dir.path() + "/config", QByteArray::fromStdString(readFile(corpus("token-file.yaml")))));
    Kubeconfig config = mustLoadFile(dir.path().toStdString() + "/config");
    auto tc = config.transportConfig();
    QVERIFY2(tc, tc ? "" : tc.error().describe().c_str());
    QCOMPARE(str(tc->credentials->current(nullptr)->bearerToken), QString("first-token"));

    // When the token is rotated on disk
    QVERIFY(writeFile(dir.path() + "/tokens/sa-token", "  second-token \n"));

    // Then the cached token is still used within the refresh period...
    QCOMPARE(str(tc->credentials->current(nullptr)->bearerToken), QString("first-token"));
    // ...and after a 401 (invalidate) the file is read again, trimmed
    tc->credentials->invalidate();
    QCOMPARE(str(tc->credentials->current(nullptr)->bearerToken), QString("second-token"));
}

void TestKubeconfig::tokenFilePeriodicRefreshKeepsLastGoodToken()
{
    // Given a token file provider with a controllable clock
    QTemporaryDir dir;
    const QString path = dir.path() + "/token";
    QVERIFY(writeFile(path, "one"));
    auto now = std::chrono::steady_clock::now();
    kube::TokenFileCredentials creds(path.toStdString(), "test", {}, std::chrono::seconds(60), [&] { return now; });
    QCOMPARE(str(creds.current(nullptr)->bearerToken), QString("one"));

    // When a minute passes and the file changed
    QVERIFY(writeFile(path, "two"));
    now += std::chrono::seconds(30);
    QCOMPARE(str(creds.current(nullptr)->bearerToken), QString("one"));
    now += std::chrono::seconds(31);

    // Then the new token is read, like client-go's cached file token source
    QCOMPARE(str(creds.current(nullptr)->bearerToken), QString("two"));

    // And when the file disappears during rotation, the last good token is kept
    QVERIFY(QFile::remove(path));
    now += std::chrono::seconds(61);
    auto material = creds.current(nullptr);
    QVERIFY(material);
    QCOMPARE(str(material->bearerToken), QString("two"));

    // And an empty file on first read is an error (client-go: "read empty token")
    QVERIFY(writeFile(path, " \n"));
    kube::TokenFileCredentials fresh(path.toStdString(), "where");
    auto empty = fresh.current(nullptr);
    QVERIFY(!empty);
    QVERIFY(empty.error().message.find("empty") != std::string::npos);
}

void TestKubeconfig::proxyUrlsAndTlsServerName()
{
    // Given clusters behind http, https and socks5 proxies
    Kubeconfig config = mustLoadFile(corpus("proxies.yaml"));

    // When each context is resolved
    // Then the proxy URL is passed through verbatim
    QCOMPARE(str(config.transportConfig("http")->proxyUrl), QString("http://proxy.example.com:3128"));
    QCOMPARE(str(config.transportConfig("https")->proxyUrl), QString("https://user:pass@secure-proxy.example.com:8443"));
    QCOMPARE(str(config.transportConfig("socks")->proxyUrl), QString("socks5://localhost:1080"));

    // And tls-server-name overrides the name verified, independent of the server address
    Kubeconfig sni = mustLoadFile(corpus("tls-server-name.yaml"));
    auto tc = sni.transportConfig();
    QVERIFY(tc);
    QCOMPARE(str(tc->server), QString("https://203.0.113.7:6443"));
    QCOMPARE(str(tc->tls.serverName), QString("api.internal.example"));
}

void TestKubeconfig::bareHostGetsSchemeLikeClientGo()
{
    // Given servers written without a scheme
    Kubeconfig config = mustLoadFile(corpus("bare-host.yaml"));

    // Then plain HTTP is assumed unless TLS is configured (client-go's DefaultServerURL)
    QCOMPARE(str(config.transportConfig("plain")->server), QString("http://localhost:8080"));
    QCOMPARE(str(config.transportConfig("tls")->server), QString("https://localhost:6443"));
}

void TestKubeconfig::contextWithoutUserIsAnonymous()
{
    // Given a context that names only a cluster
    Kubeconfig config = mustLoadFile(corpus("multi-context.yaml"));

    // When resolved
    auto tc = config.transportConfig("anonymous");

    // Then there is no credential provider, and the cluster's relative CA file was read
    QVERIFY2(tc, tc ? "" : tc.error().describe().c_str());
    QVERIFY(!tc->credentials);
    QCOMPARE(str(tc->tls.caPem), str(readFile(corpus("pki/ca.crt"))));
}

void TestKubeconfig::providersAreSharedPerUserAndCluster()
{
    // Given two transports for the same context, and one for another user
    Kubeconfig config = mustLoadFile(corpus("multi-context.yaml"));
    auto a = config.transportConfig("prod");
    auto b = config.transportConfig("prod-readonly");
    auto c = config.transportConfig("staging");

    // Then the same user on the same cluster shares one provider (one plugin run, one cache)
    QVERIFY(a && b && c);
    QCOMPARE(a->credentials.get(), b->credentials.get());
    QVERIFY(a->credentials.get() != c->credentials.get());
}

void TestKubeconfig::contextNamespaceDefaults()
{
    Kubeconfig config = mustLoadFile(corpus("multi-context.yaml"));
    // Given contexts with and without a namespace
    // Then the namespace is the context's, else "default" as kubectl
    QCOMPARE(str(config.contextNamespace().value()), QString("payments-staging"));  // current: staging
    QCOMPARE(str(config.contextNamespace("prod").value()), QString("payments"));
    QCOMPARE(str(config.contextNamespace("prod-readonly").value()), QString("default"));
    // And an unknown context is an error
    QVERIFY(!config.contextNamespace("nope"));
}

void TestKubeconfig::noCurrentContextIsAClearError()
{
    // Given a file without current-context
    const std::string path = corpus("no-current-context.yaml");
    Kubeconfig config = mustLoadFile(path);

    // When asking for the current context's transport
    auto tc = config.transportConfig();

    // Then the error says so, names the file, and lists the contexts to choose from
    QVERIFY(!tc);
    QCOMPARE(tc.error().kind, kube::ErrorKind::Config);
    QCOMPARE(str(tc.error().where), str(path));
    QVERIFY(tc.error().message.find("no current context") != std::string::npos);
    QVERIFY(tc.error().hint.find("a, b") != std::string::npos);
    // And an explicit context still works
    QVERIFY(config.transportConfig("b"));
}

void TestKubeconfig::yaml11ScalarsDecodeLikeKubectl()
{
    // Given YAML 1.1 spellings (kubectl's go-yaml v2 reads `yes` as true)
    Kubeconfig config = mustLoadFile(corpus("yaml11-scalars.yaml"));

    // Then bool fields take them, and a quoted "on" stays a string
    QVERIFY(config.cluster("c")->insecureSkipTlsVerify);
    QCOMPARE(str(config.context("c")->ns), QString("on"));
    QVERIFY(config.users().empty());  // users: ~
}

void TestKubeconfig::unknownFieldsAreWarningsWithSuggestions()
{
    // Given a file with misspelled and unknown fields
    const std::string path = corpus("unknown-fields.yaml");

    // When loaded
    Kubeconfig config = mustLoadFile(path);

    // Then it loads (kubectl ignores unknown fields) but each one is reported with file:line
    QCOMPARE(str(config.cluster("c")->server), QString("https://unknown.example.com"));
    QVERIFY(config.user("c") == nullptr);
    QVERIFY(config.user("u")->clientCertificateData.empty());
    const auto &warnings = config.warnings();
    QCOMPARE(warnings.size(), size_t(4));
    auto find = [&](const std::string &field) -> const kube::Error * {
        for (const auto &w : warnings)
            if (w.message.find("\"" + field + "\"") != std::string::npos)
                return &w;
        return nullptr;
    };
    const kube::Error *server = find("Server");
    QVERIFY(server);
    QCOMPARE(str(server->where), str(path + ":7"));
    QVERIFY(server->hint.find("did you mean \"server\"") != std::string::npos);
    const kube::Error *date = find("client-certificate-date");
    QVERIFY(date);
    QCOMPARE(str(date->where), str(path + ":13"));
    QVERIFY(date->hint.find("client-certificate-data") != std::string::npos);
    QVERIFY(find("auth-method"));
    QVERIFY(find("comment"));
    for (const auto &w : warnings)
        QVERIFY(w.describe().find(kSecretMarker) == std::string::npos);
}

void TestKubeconfig::extensionsArePreservedAsJson()
{
    // Given extensions with YAML 1.1 scalars
    Kubeconfig config = mustLoadFile(corpus("extensions.yaml"));

    // Then they are JSON as kubectl converts them (octal, bools, timestamps kept as text)
    const auto &meta = config.extensions().at(0).extension;
    QCOMPARE(meta.at("mode").get<int>(), 0644);
    QCOMPARE(meta.at("enabled").get<bool>(), true);
    QCOMPARE(str(meta.at("since").get<std::string>()), QString("2024-01-15"));
    QCOMPARE(str(meta.at("quoted").get<std::string>()), QString("yes"));
    QCOMPARE(meta.at("ratio").get<double>(), 1.5);
    QCOMPARE(config.preferences().extensions.at(0).extension.at("compact").get<bool>(), true);
    QVERIFY(config.user("u")->extensions.at(0).extension.is_null());
    QCOMPARE(str(config.context("c")->extensions.at(0).extension.get<std::string>()), QString("a string"));
}

void TestKubeconfig::goodCorpusLoadsAndResolves_data()
{
    QTest::addColumn<QString>("file");
    QDirIterator it(QString::fromStdString(kData), {"*.yaml", "*.json"}, QDir::Files);
    QStringList files;
    while (it.hasNext())
        files << it.next();
    files.sort();
    QVERIFY(files.size() >= 30);
    for (const QString &f : files)
        QTest::newRow(qPrintable(QFileInfo(f).fileName())) << f;
}

void TestKubeconfig::goodCorpusLoadsAndResolves()
{
    QFETCH(QString, file);
    // Given a well-formed kubeconfig from the corpus (the merge-* files only make sense together)
    KubeconfigSources sources;
    if (QFileInfo(file).fileName().startsWith("merge-"))
        sources.kubeconfigEnv = corpus("merge-first.yaml") + ":" + corpus("merge-second.yaml") + ":" + corpus("merge-third.yaml");
    else
        sources.explicitPath = file.toStdString();

    // When it is loaded
    auto loaded = Kubeconfig::load(sources);
    QVERIFY2(loaded, loaded ? "" : loaded.error().describe().c_str());
    const Kubeconfig &config = loaded.value();

    // Then every context resolves to a transport config (plugins are not run yet)
    for (const auto &name : config.contextNames()) {
        auto tc = config.transportConfig(name);
        QVERIFY2(tc, qPrintable(QString("%1: %2").arg(str(name), str(tc ? std::string() : tc.error().describe()))));
        QVERIFY(!tc->server.empty());
    }
}

void TestKubeconfig::brokenCorpusNamesFileAndLine_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");  // 0: the error names the file only
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("message");  // a substring of the message

    const int config = int(kube::ErrorKind::Config);
    const int auth = int(kube::ErrorKind::Auth);
    QTest::newRow("bad yaml") << "bad-yaml.yaml" << 7 << config << "invalid YAML: end of sequence flow not found";
    QTest::newRow("bad indentation") << "bad-indentation.yaml" << 6 << config << "invalid YAML";
    QTest::newRow("bad base64") << "bad-base64.yaml" << 11 << config
                                << "user \"u\": \"client-key-data\" is not valid base64 (illegal data at input byte 0)";
    QTest::newRow("wrong type") << "wrong-type.yaml" << 7 << config
                                << "cluster \"c\": \"insecure-skip-tls-verify\" must be true or false, not a string";
    QTest::newRow("token not a string") << "token-not-string.yaml" << 6 << config
                                        << "user \"u\": \"token\" must be a string, not a number";
    QTest::newRow("duplicate user") << "duplicate-user.yaml" << 8 << config << "user \"twice\" is defined twice in this file (first at line 4)";
    QTest::newRow("not a kubeconfig") << "not-a-kubeconfig.yaml" << 2 << config << "kind is \"Pod\", not Config";
    QTest::newRow("missing CA file") << "missing-ca-file.yaml" << 4 << config
                                     << "cluster \"c\": certificate-authority " + str(corpus("pki/does-not-exist.crt"))
                                            + " cannot be read: No such file or directory";
    QTest::newRow("missing key file") << "missing-client-key-file.yaml" << 7 << config
                                      << "user \"u\": client-key " + str(corpus("pki/missing.key")) + " cannot be read";
    QTest::newRow("CA not PEM") << "ca-not-pem.yaml" << 4 << config << "certificate-authority-data holds no PEM certificate";
    QTest::newRow("context names missing cluster")
        << "context-missing-cluster.yaml" << 10 << config
        << "context \"typo\" names cluster \"rael\", which is not defined in any kubeconfig file";
    QTest::newRow("context names missing user") << "context-missing-user.yaml" << 7 << config
                                                << "context \"c\" names user \"ghost\", which is not defined";
    QTest::newRow("current-context missing") << "current-context-missing.yaml" << 0 << config
                                             << "current-context \"gone\" names a context that is not defined";
    QTest::newRow("cert/key mismatch") << "cert-key-mismatch.yaml" << 7 << config
                                       << "user \"mismatched\": the client key does not match the client certificate";
    QTest::newRow("cert/key swapped") << "cert-key-swapped.yaml" << 7 << config
                                      << "the client certificate holds a private key, not a certificate";
    QTest::newRow("token and basic auth") << "token-and-basic.yaml" << 7 << config << "more than one authentication method";
    QTest::newRow("missing token file") << "missing-token-file.yaml" << 7 << config
                                        << "token file " + str(corpus("tokens/not-there")) + " cannot be read";
    QTest::newRow("gcp auth-provider") << "gcp-auth-provider.yaml" << 7 << config << "gcp auth-provider, which kubectl removed";
    QTest::newRow("bad proxy scheme") << "bad-proxy-scheme.yaml" << 4 << config
                                      << "proxy-url \"ftp://proxy.example.com:21\" is not an http, https or socks5 URL";
    QTest::newRow("insecure with CA") << "insecure-with-ca.yaml" << 4 << config
                                      << "insecure-skip-tls-verify together with a certificate authority";
    QTest::newRow("no server") << "no-server.yaml" << 4 << config << "cluster \"serverless\" has no server";
    QTest::newRow("exec and auth-provider") << "exec-and-auth-provider.yaml" << 7 << config << "configures both exec and auth-provider";
    QTest::newRow("exec v1 without interactiveMode") << "exec-v1-no-interactive-mode.yaml" << 7 << config
                                                     << "exec.interactiveMode must be set for client.authentication.k8s.io/v1";
    QTest::newRow("exec interactive Always") << "exec-interactive-always.yaml" << 7 << auth
                                             << "requires an interactive terminal (interactiveMode: Always)";
    QTest::newRow("exec v1alpha1") << "exec-v1alpha1.yaml" << 7 << config << "v1alpha1 is no longer supported";
    QTest::newRow("exec fails") << "exec-fails.yaml" << 7 << auth
                                << "failed with exit code 3; its error output: fetching credentials...\n"
                                   "error: you must be logged in (run: corpus-login --refresh)";
    QTest::newRow("exec garbage") << "exec-garbage.yaml" << 7 << auth << "printed output that is not JSON";
    QTest::newRow("exec hangs") << "exec-hang.yaml" << 7 << auth << "did not finish within 1 s and was stopped";
    QTest::newRow("exec not in PATH") << "exec-missing-binary.yaml" << 7 << auth
                                      << "\"tenantry-corpus-plugin-that-does-not-exist\" of user \"exec-missing-binary\" was not found in PATH";
    QTest::newRow("exec missing path") << "exec-missing-path.yaml" << 7 << auth
                                       << str(corpus("broken/no-such-plugin.sh")) + "\" of user \"exec-missing-path\" was not found";
    QTest::newRow("exec not executable") << "exec-not-executable.yaml" << 7 << auth << "could not be started: Permission denied";
    QTest::newRow("exec wrong apiVersion")
        << "exec-wrong-apiversion.yaml" << 7 << auth
        << "returned apiVersion \"client.authentication.k8s.io/v1beta1\", but the kubeconfig configures \"client.authentication.k8s.io/v1\"";
    QTest::newRow("exec wrong kind") << "exec-wrong-kind.yaml" << 7 << auth << "returned kind \"TokenReview\", expected ExecCredential";
    QTest::newRow("exec no status") << "exec-no-status.yaml" << 7 << auth << "returned an ExecCredential without a status";
    QTest::newRow("exec noisy failure") << "exec-noisy-failure.yaml" << 7 << auth << "FATAL: the corpus account is locked";
}

void TestKubeconfig::brokenCorpusNamesFileAndLine()
{
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(int, kind);
    QFETCH(QString, message);
    const std::string path = corpus("broken/" + file.toStdString());

    // Given a broken kubeconfig, taken as far as it goes: load, transport config, credentials
    std::optional<kube::Error> error;
    KubeconfigSources sources;
    sources.explicitPath = path;
    auto loaded = Kubeconfig::load(sources);
    if (!loaded) {
        error = loaded.error();
    } else {
        kube::CredentialOptions options;
        options.execTimeout = std::chrono::milliseconds(1000);
        loaded->setCredentialOptions(options);
        auto tc = loaded->transportConfig();
        if (!tc)
            error = tc.error();
        else if (tc->credentials) {
            auto material = tc->credentials->current(nullptr);
            if (!material)
                error = material.error();
        }
    }

    // Then it fails with the specific message, at the file (and line) to fix
    QVERIFY2(error, "expected an error");
    const std::string text = error->describe();
    QVERIFY2(error->message.find(message.toStdString()) != std::string::npos, text.c_str());
    QCOMPARE(str(error->where), str(line > 0 ? path + ":" + std::to_string(line) : path));
    QCOMPARE(int(error->kind), kind);
    // And no token, key or password from the file or the plugin appears anywhere in it
    QVERIFY2(text.find(kSecretMarker) == std::string::npos, text.c_str());
    QVERIFY2(text.find("PRIVATE KEY-----\n") == std::string::npos, text.c_str());
}

void TestKubeconfig::base64MatchesGoStdEncoding_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("decoded");
    QTest::addColumn<int>("badOffset");
    QTest::newRow("empty") << "" << true << "" << 0;
    QTest::newRow("hello") << "aGVsbG8=" << true << "hello" << 0;
    QTest::newRow("two pad") << "aGk=" << true << "hi" << 0;
    QTest::newRow("newlines ignored") << "aGVs\nbG8=\r\n" << true << "hello" << 0;
    QTest::newRow("missing padding") << "aGVsbG8" << false << "" << 7;
    QTest::newRow("bang") << "abc!" << false << "" << 3;
    QTest::newRow("space") << "aGVs bG8=" << false << "" << 4;
    QTest::newRow("url alphabet") << "a-_b" << false << "" << 1;
    QTest::newRow("data omitted marker") << "DATA+OMITTED" << true << "" << 0;
}

void TestKubeconfig::base64MatchesGoStdEncoding()
{
    QFETCH(QString, input);
    QFETCH(bool, ok);
    QFETCH(QString, decoded);
    QFETCH(int, badOffset);
    std::size_t bad = 0;
    auto out = kube::Base64::decode(input.toStdString(), &bad);
    QCOMPARE(bool(out), ok);
    if (!ok) {
        QCOMPARE(int(bad), badOffset);
        return;
    }
    if (!decoded.isEmpty())
        QCOMPARE(str(*out), decoded);
    // Round trip through encode gives the canonical text back
    QCOMPARE(str(kube::Base64::encode(*out)), input.remove('\n').remove('\r'));
}

void TestKubeconfig::pathCleanMatchesGoFilepath_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("ref");
    QTest::addColumn<QString>("resolved");
    QTest::newRow("relative") << "/etc/kube" << "ca.crt" << "/etc/kube/ca.crt";
    QTest::newRow("dot") << "/etc/kube" << "./pki/../ca.crt" << "/etc/kube/ca.crt";
    QTest::newRow("parent") << "/etc/kube" << "../ca.crt" << "/etc/ca.crt";
    QTest::newRow("absolute stays") << "/etc/kube" << "/x//y/./z" << "/x//y/./z";
    QTest::newRow("empty stays") << "/etc/kube" << "" << "";
    QTest::newRow("above root") << "/" << "../../a" << "/a";
}

void TestKubeconfig::pathCleanMatchesGoFilepath()
{
    QFETCH(QString, base);
    QFETCH(QString, ref);
    QFETCH(QString, resolved);
    QCOMPARE(str(kube::KubeconfigPath::resolve(ref.toStdString(), base.toStdString())), resolved);
}

void TestKubeconfig::yamlScalarResolution_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("json");
    QTest::newRow("yes") << "yes" << "true";
    QTest::newRow("Off") << "Off" << "false";
    QTest::newRow("y") << "y" << "true";
    QTest::newRow("tilde") << "~" << "null";
    QTest::newRow("octal") << "0777" << "511";
    QTest::newRow("hex") << "0x1F" << "31";
    QTest::newRow("underscore") << "1_000" << "1000";
    QTest::newRow("float integral") << "1e3" << "1000";
    QTest::newRow("float") << "1.5" << "1.5";
    QTest::newRow("not octal") << "08" << "8";
    QTest::newRow("timestamp") << "2024-01-15" << "\"2024-01-15\"";
    QTest::newRow("word") << "true-ish" << "\"true-ish\"";
    QTest::newRow("0x alone") << "0x" << "\"0x\"";
}

void TestKubeconfig::yamlScalarResolution()
{
    QFETCH(QString, text);
    QFETCH(QString, json);
    QCOMPARE(str(kube::KubeconfigYaml::plainToJson(text.toStdString()).dump()), json);
}

void TestKubeconfig::yamlEmitterQuotesLikeGoYaml()
{
    // Given strings that would change type or meaning if printed plain
    nlohmann::ordered_json doc;
    doc["b"] = nlohmann::ordered_json::array({"", "true", "a: b", "- x", "#c", "123", "y", " lead", "it's", "tab\there", "x-",
                                              "line1\nline2\n", "2014-01-01", "1:20"});
    doc["a"] = nlohmann::ordered_json::object();
    doc["c-10"] = nullptr;
    doc["c-9"] = 1.5;

    // When emitted
    const std::string yaml = kube::KubeconfigYaml::dump(doc);

    // Then quoting, block style and key order are go-yaml's (digits compare numerically)
    QCOMPARE(str(yaml), QString("a: {}\n"
                                "b:\n"
                                "- \"\"\n"
                                "- \"true\"\n"
                                "- 'a: b'\n"
                                "- '- x'\n"
                                "- '#c'\n"
                                "- \"123\"\n"
                                "- \"y\"\n"
                                "- ' lead'\n"
                                "- it's\n"
                                "- \"tab\\there\"\n"
                                "- x-\n"
                                "- |\n"
                                "  line1\n"
                                "  line2\n"
                                "- \"2014-01-01\"\n"
                                "- \"1:20\"\n"
                                "c-9: 1.5\n"
                                "c-10: null\n"));
}

void TestKubeconfig::keyPairCheck()
{
    const std::string cert = readFile(corpus("pki/client.crt"));
    const std::string key = readFile(corpus("pki/client.key"));
    const std::string other = readFile(corpus("pki/other.key"));
    QVERIFY(kube::KubeconfigPem::checkKeyPair(cert, key));
    auto mismatch = kube::KubeconfigPem::checkKeyPair(cert, other);
    QVERIFY(!mismatch);
    QVERIFY(mismatch.error().message.find("does not match") != std::string::npos);
    auto garbage = kube::KubeconfigPem::checkKeyPair("not pem", key);
    QVERIFY(!garbage);
    QVERIFY(garbage.error().message.find("not a PEM certificate") != std::string::npos);
    QCOMPARE(kube::KubeconfigPem::countCertificates(readFile(corpus("pki/ca.crt")) + readFile(corpus("pki/other-ca.crt"))), 2);
    QCOMPARE(kube::KubeconfigPem::countCertificates("hello"), 0);
}

QTEST_GUILESS_MAIN(TestKubeconfig)
#include "tst_kubeconfig.moc"
