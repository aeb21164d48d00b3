// Tests for the kubeconfig `auth-provider: oidc`: id-token expiry from the JWT, refresh through
// OpenID discovery and the refresh_token grant, all with an injected fake HTTP exchange.
#include "kubeclient/core/base64.h"
#include "kubeclient/kubeconfig/kubeconfig.h"
#include "kubeclient/kubeconfig/oidcauthprovider.h"

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <chrono>
#include <map>

namespace {

const std::string kData = TENANTRY_TEST_DATA "/kubeconfig/";

QString str(const std::string &s)
{
    return QString::fromStdString(s);
}

std::string base64Url(const std::string &bytes)
{
    std::string s = kube::Base64::encode(bytes);
    for (char &c : s) {
        if (c == '+')
            c = '-';
        else if (c == '/')
            c = '_';
    }
    while (!s.empty() && s.back() == '=')
        s.pop_back();
    return s;
}

std::string jwt(const std::string &payload)
{
    return base64Url(R"({"alg":"RS256","typ":"JWT"})") + "." + base64Url(payload) + "." + base64Url("signature");
}

std::string jwtExpiringIn(std::chrono::seconds fromNow, const std::string &subject = "alice")
{
    const auto exp = std::chrono::duration_cast<std::chrono::seconds>(
                         (std::chrono::system_clock::now() + fromNow).time_since_epoch())
                         .count();
    return jwt(R"({"iss":"https://dex.corp.example","sub":")" + subject + R"(","exp":)" + std::to_string(exp) + "}");
}

// A scripted issuer: discovery document plus a token endpoint, recording every request.
struct FakeIssuer {
    std::vector<kube::OidcHttpRequest> requests;
    std::string tokenEndpoint = "https://dex.corp.example/token";
    std::string newIdToken = jwtExpiringIn(std::chrono::hours(1), "refreshed");
    std::string rotatedRefreshToken = "corpus-secret-rotated-refresh";
    int tokenStatus = 200;
    bool rejectBasicAuth = false;
    bool omitIdToken = false;

    kube::OidcHttpFetch fetch()
    {
        return [this](const kube::OidcHttpRequest &request, const kube::CancelTokenPtr &) -> kube::Result<kube::HttpResponse> {
            requests.push_back(request);
            kube::HttpResponse response;
            response.status = 200;
            if (request.url.find("/.well-known/openid-configuration") != std::string::npos) {
                response.body = R"({"issuer":"https://dex.corp.example","token_endpoint":")" + tokenEndpoint + "\"}";
                return response;
            }
            if (request.url == tokenEndpoint && request.method == "POST") {
                bool basic = false;
                for (const auto &[name, value] : request.headers)
                    basic = basic || (name == "Authorization" && value.rfind("Basic ", 0) == 0);
                if (rejectBasicAuth && basic) {
                    response.status = 401;
                    response.body = R"({"error":"invalid_client"})";
                    return response;
                }
                if (tokenStatus != 200) {
                    response.status = tokenStatus;
                    response.body = R"({"error":"invalid_grant","error_description":"Refresh token is invalid or has already been claimed by another client."})";
                    return response;
                }
                nlohmann::json body = {{"access_token", "corpus-secret-access"}, {"token_type", "bearer"}, {"expires_in", 3600}};
                if (!omitIdToken)
                    body["id_token"] = newIdToken;
                if (!rotatedRefreshToken.empty())
                    body["refresh_token"] = rotatedRefreshToken;
                response.body = body.dump();
                return response;
            }
            response.status = 404;
            return response;
        };
    }
};

std::string oidcKubeconfig(const std::string &idToken, const std::string &extra = {})
{
    return "apiVersion: v1\n"
           "kind: Config\n"
           "clusters:\n"
           "- name: corp\n"
           "  cluster: {server: https://k8s.corp.example}\n"
           "users:\n"
           "- name: alice\n"
           "  user:\n"
           "    auth-provider:\n"
           "      name: oidc\n"
           "      config:\n"
           "        client-id: kubernetes\n"
           "        client-secret: corpus-secret-client-secret\n"
           "        idp-issuer-url: https://dex.corp.example/\n"
           "        id-token: \""
           + idToken + "\"\n" + extra
           + "contexts:\n"
             "- name: corp\n"
             "  context: {cluster: corp, user: alice}\n"
             "current-context: corp\n";
}

kube::CredentialProviderPtr provider(const std::string &yaml, kube::CredentialOptions options)
{
    auto config = kube::Kubeconfig::fromYaml(yaml, "/tmp/oidc-test/config");
    if (!config) {
        qWarning("%s", config.error().describe().c_str());
        return nullptr;
    }
    config->setCredentialOptions(std::move(options));
    auto tc = config->transportConfig();
    if (!tc) {
        qWarning("%s", tc.error().describe().c_str());
        return nullptr;
    }
    return tc->credentials;
}

std::string headerOf(const kube::OidcHttpRequest &r, const std::string &name)
{
    for (const auto &[n, v] : r.headers)
        if (n == name)
            return v;
    return {};
}

} // namespace

class TestKubeconfigOidc : public QObject
{
    Q_OBJECT

private slots:
    void idTokenExpiryFromJwt();
    void validIdTokenIsUsedWithoutNetwork();
    void expiredIdTokenIsRefreshedThroughDiscovery();
    void tokenAboutToExpireIsRefreshed();
    void clientCredentialsFallBackToTheFormBody();
    void invalidateForcesARefresh();
    void withoutRefreshTokenTheErrorSaysLogInAgain();
    void refreshRejectedByTheIssuer();
    void responseWithoutIdToken();
    void requiredKeysAreChecked();
    void corpusOidcUserRefreshes();
    void refreshedTokensAreWrittenBackToTheFile();
};

void TestKubeconfigOidc::idTokenExpiryFromJwt()
{
    // Given JWTs with and without exp, and things that are not JWTs
    auto withExp = kube::OidcAuthProvider::idTokenExpiry(jwt(R"({"exp":1700000000})"));
    auto floatExp = kube::OidcAuthProvider::idTokenExpiry(jwt(R"({"exp":1700000000.9})"));
    auto noExp = kube::OidcAuthProvider::idTokenExpiry(jwt(R"({"sub":"x"})"));
    auto twoParts = kube::OidcAuthProvider::idTokenExpiry("abc.def");
    auto badPayload = kube::OidcAuthProvider::idTokenExpiry("abc.!!!.def");
    auto notJson = kube::OidcAuthProvider::idTokenExpiry(jwt("not json"));

    // Then exp is read as Unix seconds (client-go's jsonTime), others are errors
    QVERIFY(withExp && withExp.value());
    QCOMPARE(std::chrono::system_clock::to_time_t(*withExp.value()), time_t(1700000000));
    QCOMPARE(std::chrono::system_clock::to_time_t(*floatExp.value()), time_t(1700000000));
    QVERIFY(noExp && !noExp.value());
    QVERIFY(!twoParts);
    QVERIFY(!badPayload);
    QVERIFY(!notJson);
}

void TestKubeconfigOidc::validIdTokenIsUsedWithoutNetwork()
{
    // Given an id-token valid for another hour
    FakeIssuer issuer;
    kube::CredentialOptions options;
    options.persistOidcTokens = false;  // tests must not rewrite files
    options.oidcFetch = issuer.fetch();
    const std::string token = jwtExpiringIn(std::chrono::hours(1));
    auto creds = provider(oidcKubeconfig(token), options);
    QVERIFY(creds);

    // When credentials are asked for
    auto material = creds->current(nullptr);

    // Then the id-token is the bearer token and the issuer was not contacted
    QVERIFY(material);
    QCOMPARE(str(material->bearerToken), str(token));
    QVERIFY(issuer.requests.empty());
    QCOMPARE(str(creds->describe()), QString("oidc: https://dex.corp.example/"));
}

void TestKubeconfigOidc::expiredIdTokenIsRefreshedThroughDiscovery()
{
    // Given an expired id-token, a refresh-token, and a persist hook
    FakeIssuer issuer;
    std::vector<std::map<std::string, std::string>> persisted;
    kube::CredentialOptions options;
    options.persistOidcTokens = false;  // tests must not rewrite files
    options.oidcFetch = issuer.fetch();
    options.oidcPersist = [&](const std::map<std::string, std::string> &config) -> kube::Result<void> {
        persisted.push_back(config);
        return {};
    };
    auto creds = provider(oidcKubeconfig(jwtExpiringIn(-std::chrono::hours(1)), "        refresh-token: corpus-secret-refresh/token+1\n"), options);
    QVERIFY(creds);

    // When credentials are asked for
    auto material = creds->current(nullptr);

    // Then the issuer's discovery document named the token endpoint (trailing slash trimmed)
    QVERIFY2(material, material ? "" : material.error().describe().c_str());
    QCOMPARE(issuer.requests.size(), size_t(2));
    QCOMPARE(str(issuer.requests[0].method), QString("GET"));
    QCOMPARE(str(issuer.requests[0].url), QString("https://dex.corp.example/.well-known/openid-configuration"));
    // And the refresh_token grant was posted there, client credentials in a Basic header
    const auto &post = issuer.requests[1];
    QCOMPARE(str(post.method), QString("POST"));
    QCOMPARE(str(post.url), QString("https://dex.corp.example/token"));
    QCOMPARE(str(headerOf(post, "Content-Type")), QString("application/x-www-form-urlencoded"));
    QCOMPARE(str(post.body), QString("grant_type=refresh_token&refresh_token=corpus-secret-refresh%2Ftoken%2B1"));
    QCOMPARE(str(headerOf(post, "Authorization")), str("Basic " + kube::Base64::encode("kubernetes:corpus-secret-client-secret")));
    // And the new id-token is used, and saved with the rotated refresh-token
    QCOMPARE(str(material->bearerToken), str(issuer.newIdToken));
    QCOMPARE(persisted.size(), size_t(1));
    QCOMPARE(str(persisted[0].at("id-token")), str(issuer.newIdToken));
    QCOMPARE(str(persisted[0].at("refresh-token")), QString("corpus-secret-rotated-refresh"));
    QCOMPARE(str(persisted[0].at("client-id")), QString("kubernetes"));

    // When asked again, the refreshed token is still valid: no more requests
    QCOMPARE(str(creds->current(nullptr)->bearerToken), str(issuer.newIdToken));
    QCOMPARE(issuer.requests.size(), size_t(2));
}

void TestKubeconfigOidc::tokenAboutToExpireIsRefreshed()
{
    // Given an id-token that expires in 5 s (inside client-go's 10 s margin)
    FakeIssuer issuer;
    kube::CredentialOptions options;
    options.persistOidcTokens = false;  // tests must not rewrite files
    options.oidcFetch = issuer.fetch();
    auto creds = provider(oidcKubeconfig(jwtExpiringIn(std::chrono::seconds(5)), "        refresh-token: r\n"), options);

    // Then it is refreshed before use
    QCOMPARE(str(creds->current(nullptr)->bearerToken), str(issuer.newIdToken));

    // And given a clock moved past the refreshed token's expiry, it refreshes again
    FakeIssuer later;
    kube::CredentialOptions moved;
    moved.persistOidcTokens = false;  // tests must not rewrite files
    moved.oidcFetch = later.fetch();
    moved.clock = [] { return std::chrono::system_clock::now() + std::chrono::hours(2); };
    auto creds2 = provider(oidcKubeconfig(jwtExpiringIn(std::chrono::hours(1)), "        refresh-token: r\n"), moved);
    QVERIFY(creds2->current(nullptr));
    QCOMPARE(later.requests.size(), size_t(2));
}

void TestKubeconfigOidc::clientCredentialsFallBackToTheFormBody()
{
    // Given an issuer that rejects client credentials in a Basic header
    FakeIssuer issuer;
    issuer.rejectBasicAuth = true;
    kube::CredentialOptions options;
    options.persistOidcTokens = false;  // tests must not rewrite files
    options.oidcFetch = issuer.fetch();
    auto creds = provider(oidcKubeconfig("", "        refresh-token: r\n"), options);

    // When refreshing (no id-token at all)
    auto material = creds->current(nullptr);

    // Then the grant is retried with client_id/client_secret in the body (oauth2 auto-detect)
    QVERIFY2(material, material ? "" : material.error().describe().c_str());
    QCOMPARE(issuer.requests.size(), size_t(3));
    QVERIFY(headerOf(issuer.requests[2], "Authorization").empty());
    QCOMPARE(str(issuer.requests[2].body),
             QString("grant_type=refresh_token&refresh_token=r&client_id=kubernetes&client_secret=corpus-secret-client-secret"));
}

void TestKubeconfigOidc::invalidateForcesARefresh()
{
    // Given a valid id-token that the server nevertheless rejected (401)
    FakeIssuer issuer;
    kube::CredentialOptions options;
    options.persistOidcTokens = false;  // tests must not rewrite files
    options.oidcFetch = issuer.fetch();
    auto creds = provider(oidcKubeconfig(jwtExpiringIn(std::chrono::hours(1)), "        refresh-token: r\n"), options);
    QVERIFY(creds->current(nullptr));
    QVERIFY(issuer.requests.empty());

    // When invalidated
    creds->invalidate();

    // Then the next request refreshes
    QCOMPARE(str(creds->current(nullptr)->bearerToken), str(issuer.newIdToken));
    QCOMPARE(issuer.requests.size(), size_t(2));
}

void TestKubeconfigOidc::withoutRefreshTokenTheErrorSaysLogInAgain()
{
    // Given an expired id-token and no refresh-token
    FakeIssuer issuer;
    kube::CredentialOptions options;
    options.persistOidcTokens = false;  // tests must not rewrite files
    options.oidcFetch = issuer.fetch();
    const std::string expired = jwtExpiringIn(-std::chrono::minutes(5));
    auto creds = provider(oidcKubeconfig(expired), options);

    // When credentials are asked for
    auto material = creds->current(nullptr);

    // Then there is no network traffic and the error says to log in again, without the token
    QVERIFY(!material);
    QCOMPARE(material.error().kind, kube::ErrorKind::Auth);
    QVERIFY(material.error().message.find("no refresh-token") != std::string::npos);
    QVERIFY(material.error().hint.find("log in again") != std::string::npos);
    QCOMPARE(str(material.error().where), QString("/tmp/oidc-test/config:7"));
    QVERIFY(material.error().describe().find(expired) == std::string::npos);
    QVERIFY(issuer.requests.empty());
}

void TestKubeconfigOidc::refreshRejectedByTheIssuer()
{
    // Given an issuer that refuses the refresh-token
    FakeIssuer issuer;
    issuer.tokenStatus = 400;
    kube::CredentialOptions options;
    options.persistOidcTokens = false;  // tests must not rewrite files
    options.oidcFetch = issuer.fetch();
    auto creds = provider(oidcKubeconfig("", "        refresh-token: corpus-secret-refresh\n"), options);

    // When refreshing
    auto material = creds->current(nullptr);

    // Then the OAuth2 error is reported, never the refresh token or client secret
    QVERIFY(!material);
    const std::string text = material.error().describe();
    QVERIFY2(text.find("HTTP 400, error invalid_grant") != std::string::npos, text.c_str());
    QVERIFY(text.find("corpus-secret") == std::string::npos);
}

void TestKubeconfigOidc::responseWithoutIdToken()
{
    FakeIssuer issuer;
    issuer.omitIdToken = true;
    kube::CredentialOptions options;
    options.persistOidcTokens = false;  // tests must not rewrite files
    options.oidcFetch = issuer.fetch();
    auto creds = provider(oidcKubeconfig("", "        refresh-token: r\n"), options);
    auto material = creds->current(nullptr);
    QVERIFY(!material);
    QVERIFY(material.error().message.find("did not contain an id_token") != std::string::npos);
    QVERIFY(material.error().hint.find("openid") != std::string::npos);
}

void TestKubeconfigOidc::requiredKeysAreChecked()
{
    // Given an oidc auth-provider without idp-issuer-url
    const std::string yaml = "users:\n- name: u\n  user:\n    auth-provider:\n      name: oidc\n      config: {client-id: k}\n"
                             "clusters:\n- name: c\n  cluster: {server: https://x}\n"
                             "contexts:\n- name: c\n  context: {cluster: c, user: u}\ncurrent-context: c\n";
    auto config = kube::Kubeconfig::fromYaml(yaml, "/tmp/oidc-test/config");
    QVERIFY(config);

    // When resolved, Then client-go's requirement is reported against the user entry
    auto tc = config->transportConfig();
    QVERIFY(!tc);
    QVERIFY(tc.error().message.find("has no idp-issuer-url") != std::string::npos);
    QCOMPARE(str(tc.error().where), QString("/tmp/oidc-test/config:2"));
}

void TestKubeconfigOidc::corpusOidcUserRefreshes()
{
    // Given the corpus OIDC user (id-token expired in 2001, IdP CA inline)
    FakeIssuer issuer;
    kube::CredentialOptions options;
    options.persistOidcTokens = false;  // tests must not rewrite files
    options.oidcFetch = issuer.fetch();
    kube::KubeconfigSources sources;
    sources.explicitPath = kData + "oidc.yaml";
    auto config = kube::Kubeconfig::load(sources);
    QVERIFY(config);
    config->setCredentialOptions(options);
    auto tc = config->transportConfig();
    QVERIFY(tc);

    // When credentials are asked for
    auto material = tc->credentials->current(nullptr);

    // Then the refresh used the IdP's CA from idp-certificate-authority-data
    QVERIFY2(material, material ? "" : material.error().describe().c_str());
    QFile ca(QString::fromStdString(kData + "pki/ca.crt"));
    QVERIFY(ca.open(QIODevice::ReadOnly));
    QCOMPARE(str(issuer.requests.at(0).caPem), QString::fromUtf8(ca.readAll()));
    QCOMPARE(str(material->bearerToken), str(issuer.newIdToken));
}

void TestKubeconfigOidc::refreshedTokensAreWrittenBackToTheFile()
{
    // Given a kubeconfig file with an expired id-token and the default options
    QTemporaryDir dir;
    const QString path = dir.path() + "/config";
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromStdString(oidcKubeconfig(jwtExpiringIn(-std::chrono::hours(1)), "        refresh-token: old-refresh\n")));
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    FakeIssuer issuer;
    kube::CredentialOptions options;
    options.oidcFetch = issuer.fetch();
    kube::KubeconfigSources sources;
    sources.explicitPath = path.toStdString();
    auto config = kube::Kubeconfig::load(sources);
    QVERIFY(config);
    config->setCredentialOptions(options);

    // When the token is refreshed
    auto material = config->transportConfig()->credentials->current(nullptr);
    QVERIFY2(material, material ? "" : material.error().describe().c_str());

    // Then the file holds the new id-token and the rotated refresh-token, as kubectl writes it
    auto reloaded = kube::Kubeconfig::load(sources);
    QVERIFY(reloaded);
    const auto &cfg = *reloaded->user("alice")->authProvider->config;
    QCOMPARE(str(cfg.at("id-token")), str(issuer.newIdToken));
    QCOMPARE(str(cfg.at("refresh-token")), QString("corpus-secret-rotated-refresh"));
    QCOMPARE(str(cfg.at("client-secret")), QString("corpus-secret-client-secret"));
    QCOMPARE(str(reloaded->cluster("corp")->server), QString("https://k8s.corp.example"));
    // And its permissions are kept (it holds secrets)
    QCOMPARE(QFile(path).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
    QVERIFY(!QFile::exists(path + ".tenantry-tmp"));
}

QTEST_GUILESS_MAIN(TestKubeconfigOidc)
#include "tst_kubeconfig_oidc.moc"
