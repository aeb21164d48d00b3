// Tests for kube::Transport against the loopback TestHttpServer: TLS and client identities,
// auth headers, timeouts, cancellation, retries, limits, streaming, reuse; RateLimiter maths.
#include "kubeclient/transport/ratelimiter.h"
#include "kubeclient/transport/transport.h"
#include "tests/support/testhttpserver.h"
#include "tests/support/testpki.h"

#include <QtTest/QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

using namespace std::chrono_literals;
using testsupport::ClientCertMode;
using testsupport::PemIdentity;
using testsupport::TestHttpServer;
using testsupport::TestPki;
using testsupport::TestRequest;
using testsupport::TestResponse;
using testsupport::TestServerOptions;

namespace {

constexpr auto kSecretToken = "s3cr3t-t0ken-value";

// Credentials whose material the test can swap; counts invalidate() calls. After an
// invalidate() it moves on to the next material in the list (the "refreshed" one).
class ScriptedCredentials final : public kube::CredentialProvider
{
public:
    explicit ScriptedCredentials(std::vector<kube::AuthMaterial> materials) : m_materials(std::move(materials)) {}

    kube::Result<kube::AuthMaterial> current(const kube::CancelTokenPtr &) override
    {
        std::lock_guard lock(m_mutex);
        ++m_calls;
        return m_materials.at(std::min(m_index, m_materials.size() - 1));
    }
    void invalidate() override
    {
        std::lock_guard lock(m_mutex);
        ++m_index;
        ++m_invalidations;
    }
    std::string describe() const override { return "scripted"; }

    void replace(kube::AuthMaterial material)
    {
        std::lock_guard lock(m_mutex);
        m_materials = {std::move(material)};
        m_index = 0;
    }
    int invalidations() const
    {
        std::lock_guard lock(m_mutex);
        return m_invalidations;
    }

private:
    mutable std::mutex m_mutex;
    std::vector<kube::AuthMaterial> m_materials;
    size_t m_index = 0;
    int m_calls = 0;
    int m_invalidations = 0;
};

kube::HttpRequest get(const std::string &path)
{
    kube::HttpRequest request;
    request.path = path;
    return request;
}

QByteArray describe(const kube::Result<kube::HttpResponse> &result)
{
    if (result.ok())
        return "HTTP " + QByteArray::number(result->status);
    return QByteArray::fromStdString(std::string(kube::toString(result.error().kind)) + ": "
                                     + result.error().describe());
}

// kube::toString(ErrorKind) returns a static string, which QCOMPARE would find by ADL and
// free; compare kinds through this instead, printing the whole error on failure.
#define QVERIFY_ERROR_KIND(result, expected) \
    QVERIFY2(!(result).ok() && (result).error().kind == (expected), describe(result))

bool contains(const std::string &text, const std::string &part) { return text.find(part) != std::string::npos; }

// Cancels `token` from another thread after `delay`; joins on destruction.
class DelayedCancel
{
public:
    DelayedCancel(kube::CancelTokenPtr token, std::chrono::milliseconds delay)
        : m_thread([token, delay] {
              std::this_thread::sleep_for(delay);
              token->cancel();
          })
    {
    }
    ~DelayedCancel() { m_thread.join(); }

private:
    std::thread m_thread;
};

// Just enough of a SOCKS5 server (RFC 1928) to record one CONNECT request and refuse it.
class FakeSocksProxy
{
public:
    struct Request {
        int addressType = 0;  // 1: IPv4, 3: domain name, 4: IPv6
        std::string host;
        int port = 0;
    };

    FakeSocksProxy()
    {
        m_listenFd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (m_listenFd < 0 || ::bind(m_listenFd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0
            || ::listen(m_listenFd, 4) != 0
            || ::getsockname(m_listenFd, reinterpret_cast<sockaddr *>(&address), &length) != 0)
            qFatal("FakeSocksProxy: cannot listen");
        m_port = ntohs(address.sin_port);
        m_thread = std::thread([this] { serveOne(); });
    }
    ~FakeSocksProxy()
    {
        ::shutdown(m_listenFd, SHUT_RDWR);
        m_thread.join();
        ::close(m_listenFd);
    }

    int port() const { return m_port; }
    Request waitForRequest()
    {
        std::unique_lock lock(m_mutex);
        m_done.wait_for(lock, 5s, [this] { return m_finished; });
        return m_request;
    }

private:
    static bool readExactly(int fd, unsigned char *buffer, size_t size)
    {
        while (size > 0) {
            const ssize_t n = ::recv(fd, buffer, size, 0);
            if (n <= 0)
                return false;
            buffer += n;
            size -= static_cast<size_t>(n);
        }
        return true;
    }

    void serveOne()
    {
        pollfd pfd{m_listenFd, POLLIN, 0};
        const int fd = ::poll(&pfd, 1, 5000) > 0 ? ::accept(m_listenFd, nullptr, nullptr) : -1;
        Request request;
        if (fd >= 0) {
            timeval timeout{5, 0};
            ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
            unsigned char buffer[512];
            // Greeting: VER NMETHODS METHODS...; we pick "no authentication".
            if (readExactly(fd, buffer, 2) && readExactly(fd, buffer + 2, buffer[1])
                && ::send(fd, "\x05\x00", 2, MSG_NOSIGNAL) == 2 && readExactly(fd, buffer, 4)) {
                // Request: VER CMD RSV ATYP DST.ADDR DST.PORT
                request.addressType = buffer[3];
                if (request.addressType == 3 && readExactly(fd, buffer, 1)) {
                    const size_t length = buffer[0];
                    if (readExactly(fd, buffer, length))
                        request.host.assign(reinterpret_cast<char *>(buffer), length);
                } else if (request.addressType == 1 && readExactly(fd, buffer, 4)) {
                    request.host = std::to_string(buffer[0]) + "." + std::to_string(buffer[1]) + "."
                        + std::to_string(buffer[2]) + "." + std::to_string(buffer[3]);
                }
                if (readExactly(fd, buffer, 2))
                    request.port = buffer[0] << 8 | buffer[1];
                // Reply: connection refused.
                ::send(fd, "\x05\x05\x00\x01\x00\x00\x00\x00\x00\x00", 10, MSG_NOSIGNAL);
            }
            ::close(fd);
        }
        std::lock_guard lock(m_mutex);
        m_request = request;
        m_finished = true;
        m_done.notify_all();
    }

    int m_listenFd = -1;
    int m_port = 0;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_done;
    bool m_finished = false;
    Request m_request;
};

} // namespace

class TstTransport : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestPki> m_pki;
    PemIdentity m_serverIdentity;

    TestServerOptions tlsOptions() const
    {
        TestServerOptions options;
        options.identity = m_serverIdentity;
        return options;
    }
    kube::TransportConfig configFor(const TestHttpServer &server) const
    {
        kube::TransportConfig config;
        config.server = server.url();
        config.tls.caPem = m_pki->caCertPem();
        config.where = "cluster test";
        config.userAgent = "tenantry-test/1.0";
        config.connectTimeoutMs = 5'000;
        config.requestTimeoutMs = 10'000;
        return config;
    }

private slots:
    void initTestCase()
    {
        m_pki = std::make_unique<TestPki>();
        m_serverIdentity = m_pki->issueServer();
    }

    // --- TLS -----------------------------------------------------------------------------

    void tlsSucceedsWithTheConfiguredCa()
    {
        // Given a TLS server whose certificate is signed by our CA
        TestHttpServer server(tlsOptions());
        kube::Transport transport(configFor(server));

        // When a request is sent
        const auto result = transport.send(get("/version"));

        // Then it succeeds, with the default Accept and the configured User-Agent
        QVERIFY2(result.ok(), describe(result));
        QCOMPARE(result->status, 200);
        QCOMPARE(result->body, std::string("{}"));
        QCOMPARE(result->header("content-type"), std::string("application/json"));
        QCOMPARE(result->httpVersion, std::string("1.1"));
        const auto requests = server.requests();
        QCOMPARE(requests.size(), size_t(1));
        QCOMPARE(requests[0].target, std::string("/version"));
        QCOMPARE(requests[0].header("Accept"), std::string("application/json"));
        QCOMPARE(requests[0].header("User-Agent"), std::string("tenantry-test/1.0"));
    }

    void tlsFailsWithAnotherCa()
    {
        // Given a client that trusts a different CA
        TestHttpServer server(tlsOptions());
        TestPki otherPki("another-ca");
        auto config = configFor(server);
        config.tls.caPem = otherPki.caCertPem();
        kube::Transport transport(config);

        // When it connects
        const auto result = transport.send(get("/version"));

        // Then it is a TLS error that says verification failed and names the server
        QVERIFY(!result.ok());
        QVERIFY_ERROR_KIND(result, kube::ErrorKind::Tls);
        QVERIFY2(contains(result.error().message, "certificate verification failed"), describe(result));
        QVERIFY2(contains(result.error().describe(), "cluster test"), describe(result));
        QVERIFY2(contains(result.error().message, server.hostPort()), describe(result));
        QVERIFY(!result.error().hint.empty());
        QCOMPARE(server.requestCount(), 0);
    }

    void insecureSkipVerifyAcceptsAnyCertificate()
    {
        // Given a client that trusts another CA but skips verification
        TestHttpServer server(tlsOptions());
        TestPki otherPki("another-ca");
        auto config = configFor(server);
        config.tls.caPem = otherPki.caCertPem();
        config.tls.insecureSkipVerify = true;
        kube::Transport transport(config);

        // When / Then the request goes through
        const auto result = transport.send(get("/version"));
        QVERIFY2(result.ok(), describe(result));
        QCOMPARE(result->status, 200);
    }

    void tlsServerNameVerifiesAgainstTheGivenName()
    {
        // Given a server whose certificate is only valid for kubernetes.internal
        TestServerOptions options;
        options.identity = m_pki->issueServerFor({"kubernetes.internal"});
        TestHttpServer server(options);

        // When connecting to 127.0.0.1 without tls-server-name
        {
            kube::Transport transport(configFor(server));
            const auto result = transport.send(get("/version"));
            // Then verification fails on the host name
            QVERIFY(!result.ok());
            QVERIFY_ERROR_KIND(result, kube::ErrorKind::Tls);
            QVERIFY2(contains(result.error().message, "certificate verification failed"), describe(result));
            QVERIFY2(contains(result.error().hint, "tls-server-name"), describe(result));
        }

        // When connecting to 127.0.0.1 with tls-server-name kubernetes.internal
        auto config = configFor(server);
        config.tls.serverName = "kubernetes.internal";
        kube::Transport transport(config);
        const auto result = transport.send(get("/version"));

        // Then it succeeds: SNI carries the name, the Host header still names the real address
        QVERIFY2(result.ok(), describe(result));
        const auto requests = server.requests();
        QCOMPARE(requests.size(), size_t(1));
        QCOMPARE(requests[0].sniServerName, std::string("kubernetes.internal"));
        QCOMPARE(requests[0].header("Host"), server.hostPort());
    }

    void clientCertificateIsPresented()
    {
        // Given a server that requires a client certificate from our CA
        TestServerOptions options = tlsOptions();
        options.clientCaPem = m_pki->caCertPem();
        options.clientCerts = ClientCertMode::Require;
        TestHttpServer server(options);
        const PemIdentity alice = m_pki->issueClient("alice", {"tenant-admins", "system:authenticated"});
        kube::AuthMaterial material;
        material.clientCertPem = alice.certPem;
        material.clientKeyPem = alice.keyPem;
        auto config = configFor(server);
        config.credentials = std::make_shared<kube::StaticCredentials>(material, "client certificate");
        kube::Transport transport(config);

        // When a request is sent
        const auto result = transport.send(get("/api"));

        // Then the server saw alice and her groups
        QVERIFY2(result.ok(), describe(result));
        const auto requests = server.requests();
        QCOMPARE(requests.size(), size_t(1));
        QCOMPARE(requests[0].clientCommonName, std::string("alice"));
        QCOMPARE(requests[0].clientOrganizations,
                 (std::vector<std::string>{"tenant-admins", "system:authenticated"}));
    }

    void missingClientCertificateIsRejected()
    {
        // Given a server that requires a client certificate, and a client without one
        TestServerOptions options = tlsOptions();
        options.clientCaPem = m_pki->caCertPem();
        options.clientCerts = ClientCertMode::Require;
        TestHttpServer server(options);
        kube::Transport transport(configFor(server));

        // When a request is sent
        const auto result = transport.send(get("/api"));

        // Then it fails as a TLS error pointing at the client certificate
        QVERIFY(!result.ok());
        QVERIFY_ERROR_KIND(result, kube::ErrorKind::Tls);
        QVERIFY2(contains(result.error().hint, "client certificate"), describe(result));
        QCOMPARE(server.requestCount(), 0);
    }

    void rotatedClientCertificateIsUsed()
    {
        // Given a server that records client identities, and a provider that presents alice
        TestHttpServer server(TestHttpServer::httpsOptions(*m_pki, ClientCertMode::Request));
        const PemIdentity alice = m_pki->issueClient("alice");
        const PemIdentity bob = m_pki->issueClient("bob");
        kube::AuthMaterial aliceMaterial;
        aliceMaterial.clientCertPem = alice.certPem;
        aliceMaterial.clientKeyPem = alice.keyPem;
        auto credentials = std::make_shared<ScriptedCredentials>(std::vector<kube::AuthMaterial>{aliceMaterial});
        auto config = configFor(server);
        config.credentials = credentials;
        kube::Transport transport(config);
        QVERIFY2(transport.send(get("/one")).ok(), "first request");

        // When the provider's certificate is rotated to bob
        kube::AuthMaterial bobMaterial;
        bobMaterial.clientCertPem = bob.certPem;
        bobMaterial.clientKeyPem = bob.keyPem;
        credentials->replace(bobMaterial);
        const auto result = transport.send(get("/two"));

        // Then the next request is made as bob, on a new connection
        QVERIFY2(result.ok(), describe(result));
        const auto requests = server.requests();
        QCOMPARE(requests.size(), size_t(2));
        QCOMPARE(requests[0].clientCommonName, std::string("alice"));
        QCOMPARE(requests[1].clientCommonName, std::string("bob"));
        QVERIFY(requests[1].connectionId != requests[0].connectionId);
    }

    void plainHttpToATlsPortIsATlsError()
    {
        // Given a plain HTTP server, and a client that speaks HTTPS to it
        TestHttpServer server(TestHttpServer::plainOptions());
        auto config = configFor(server);
        config.server = "https://" + server.hostPort();
        kube::Transport transport(config);

        // When / Then the handshake fails with a hint about the scheme
        const auto result = transport.send(get("/version"));
        QVERIFY(!result.ok());
        QVERIFY_ERROR_KIND(result, kube::ErrorKind::Tls);
        QVERIFY2(contains(result.error().message, "TLS handshake"), describe(result));
    }

    // --- Authentication headers ----------------------------------------------------------

    void bearerTokenIsSentAndNeverInErrors()
    {
        // Given a token credential
        TestHttpServer server(tlsOptions());
        kube::AuthMaterial material;
        material.bearerToken = kSecretToken;
        auto config = configFor(server);
        config.credentials = std::make_shared<kube::StaticCredentials>(material);

        // When a request succeeds
        {
            kube::Transport transport(config);
            const auto result = transport.send(get("/api"));
            // Then the server got the token as a bearer header
            QVERIFY2(result.ok(), describe(result));
            QCOMPARE(server.requests().at(0).header("Authorization"), std::string("Bearer ") + kSecretToken);
        }

        // When requests fail in several ways (wrong CA, refused, timeout)
        TestPki otherPki("another-ca");
        auto wrongCa = config;
        wrongCa.tls.caPem = otherPki.caCertPem();
        auto refused = config;
        refused.server = "https://127.0.0.1:" + std::to_string(TestHttpServer::unusedPort());
        auto slow = config;
        slow.requestTimeoutMs = 200;
        server.setHandler([](const TestRequest &) {
            TestResponse r;
            r.delay = 5s;
            return r;
        });
        for (const auto &failing : {wrongCa, refused, slow}) {
            kube::Transport transport(failing);
            const auto result = transport.send(get("/api"));
            // Then no error text contains the token
            QVERIFY(!result.ok());
            const kube::Error &e = result.error();
            QVERIFY2(!contains(e.describe(), kSecretToken), describe(result));
            QVERIFY(!contains(e.message, kSecretToken) && !contains(e.hint, kSecretToken)
                    && !contains(e.where, kSecretToken));
            QVERIFY(!contains(e.describe(), "Authorization"));
        }
    }

    void basicAuthIsSent()
    {
        // Given basic-auth credentials
        TestHttpServer server(tlsOptions());
        kube::AuthMaterial material;
        material.username = "admin";
        material.password = "p4ss";
        auto config = configFor(server);
        config.credentials = std::make_shared<kube::StaticCredentials>(material);
        kube::Transport transport(config);

        // When / Then the server sees an Authorization: Basic header for admin:p4ss
        const auto result = transport.send(get("/api"));
        QVERIFY2(result.ok(), describe(result));
        QCOMPARE(server.requests().at(0).header("Authorization"),
                 std::string("Basic ") + QByteArray("admin:p4ss").toBase64().toStdString());
    }

    void credentialsEchoedInAnErrorAreRedacted()
    {
        // Given a server that quotes the Authorization header in its error answers (issue 16)
        TestHttpServer server(tlsOptions());
        server.setHandler([](const TestRequest &r) {
            if (r.target == "/ok")
                return TestResponse::json(200, "{\"echo\":\"" + r.header("Authorization") + "\"}");
            return TestResponse::json(403, "{\"kind\":\"Status\",\"message\":\"you sent " + r.header("Authorization") + "\"}");
        });
        for (const bool basic : {false, true}) {
            kube::AuthMaterial material;
            if (basic) {
                material.username = "admin";
                material.password = "secret-pass-42";
            } else {
                material.bearerToken = "secret-token-42";
            }
            auto config = configFor(server);
            config.credentials = std::make_shared<kube::StaticCredentials>(material);
            kube::Transport transport(config);

            // When an error comes back, then it names no credential
            const auto denied = transport.send(get("/api"));
            QVERIFY2(denied.ok(), describe(denied));
            QCOMPARE(denied->status, 403);
            QVERIFY2(denied->body.find("[redacted]") != std::string::npos, denied->body.c_str());
            QVERIFY2(denied->body.find("secret-") == std::string::npos, denied->body.c_str());
            QVERIFY2(denied->body.find(QByteArray("admin:secret-pass-42").toBase64().toStdString()) == std::string::npos,
                     denied->body.c_str());
            // And a successful answer is data, kept as the server sent it
            const auto ok = transport.send(get("/ok"));
            QVERIFY2(ok.ok(), describe(ok));
            QVERIFY(ok->body.find("[redacted]") == std::string::npos);
        }
    }

    void unauthorizedInvalidatesAndRetriesOnce()
    {
        // Given a provider whose cached token is stale, and a server that only accepts the new one
        TestHttpServer server(tlsOptions());
        server.setHandler([](const TestRequest &request) {
            return request.header("Authorization") == "Bearer new" ? TestResponse::json(200, "{}")
                                                                    : TestResponse::json(401, "{}");
        });
        kube::AuthMaterial oldToken;
        oldToken.bearerToken = "old";
        kube::AuthMaterial newToken;
        newToken.bearerToken = "new";
        auto credentials = std::make_shared<ScriptedCredentials>(std::vector<kube::AuthMaterial>{oldToken, newToken});
        auto config = configFor(server);
        config.credentials = credentials;
        kube::Transport transport(config);

        // When a request is sent
        const auto result = transport.send(get("/api"));

        // Then the provider was invalidated once and the retry with the fresh token succeeded
        QVERIFY2(result.ok(), describe(result));
        QCOMPARE(result->status, 200);
        QCOMPARE(credentials->invalidations(), 1);
        QCOMPARE(server.requestCount(), 2);
    }

    void unauthorizedWithNothingFresherIsNotResent()
    {
        // Given a server that rejects the token, and a provider with nothing newer to offer
        TestHttpServer server(tlsOptions());
        server.setHandler([](const TestRequest &) { return TestResponse::json(401, R"({"kind":"Status"})"); });
        kube::AuthMaterial token;
        token.bearerToken = "t";
        auto credentials = std::make_shared<ScriptedCredentials>(std::vector<kube::AuthMaterial>{token});
        auto config = configFor(server);
        config.credentials = credentials;
        kube::Transport transport(config);

        // When a request is sent
        const auto result = transport.send(get("/api"));

        // Then the provider was invalidated, but the same token was not sent a second time, and
        // the 401 is a response, not an error
        QVERIFY2(result.ok(), describe(result));
        QCOMPARE(result->status, 401);
        QCOMPARE(result->body, std::string(R"({"kind":"Status"})"));
        QCOMPARE(credentials->invalidations(), 1);
        QCOMPARE(server.requestCount(), 1);
    }

    void persistentUnauthorizedIsRetriedOnlyOnce()
    {
        // Given a server that rejects every token, and a provider that keeps producing new ones
        TestHttpServer server(tlsOptions());
        server.setHandler([](const TestRequest &) { return TestResponse::json(401, "{}"); });
        std::vector<kube::AuthMaterial> tokens(5);
        for (size_t i = 0; i < tokens.size(); ++i)
            tokens[i].bearerToken = "token-" + std::to_string(i);
        auto credentials = std::make_shared<ScriptedCredentials>(tokens);
        auto config = configFor(server);
        config.credentials = credentials;
        kube::Transport transport(config);

        // When / Then the second 401 is returned: exactly one retry
        const auto result = transport.send(get("/api"));
        QVERIFY2(result.ok(), describe(result));
        QCOMPARE(result->status, 401);
        QCOMPARE(server.requestCount(), 2);
        QCOMPARE(credentials->invalidations(), 1);
    }

    // --- Requests and responses ----------------------------------------------------------

    void httpStatusIsAResponseNotAnError()
    {
        // Given a server answering 404 with a Status body
        TestHttpServer server(tlsOptions());
        server.setHandler([](const TestRequest &) {
            return TestResponse::json(404, R"({"kind":"Status","reason":"NotFound"})");
        });
        kube::Transport transport(configFor(server));

        // When / Then the response carries the status and body
        const auto result = transport.send(get("/api/v1/namespaces/missing"));
        QVERIFY2(result.ok(), describe(result));
        QCOMPARE(result->status, 404);
        QVERIFY(!result->isSuccess());
        QCOMPARE(result->body, std::string(R"({"kind":"Status","reason":"NotFound"})"));
    }

    void bodiesMethodsAndHeadersAreSent()
    {
        // Given a server
        TestHttpServer server(tlsOptions());
        kube::Transport transport(configFor(server));

        // When a POST with a JSON body, a PATCH with its own content type and Accept, and a
        // DELETE are sent
        kube::HttpRequest post;
        post.method = "POST";
        post.path = "/api/v1/namespaces";
        post.body = R"({"metadata":{"name":"a"}})";
        kube::HttpRequest patch;
        patch.method = "PATCH";
        patch.path = "/api/v1/namespaces/a";
        patch.body = R"({"metadata":{"labels":{"x":"y"}}})";
        patch.setHeader("Content-Type", "application/merge-patch+json");
        patch.setHeader("Accept", "application/yaml");
        kube::HttpRequest remove;
        remove.method = "DELETE";
        remove.path = "/api/v1/namespaces/a";
        for (const auto *request : {&post, &patch, &remove}) {
            const auto result = transport.send(*request);
            QVERIFY2(result.ok(), describe(result));
        }

        // Then each arrived as sent, with defaults only where the request set nothing
        const auto requests = server.requests();
        QCOMPARE(requests.size(), size_t(3));
        QCOMPARE(requests[0].method, std::string("POST"));
        QCOMPARE(requests[0].body, post.body);
        QCOMPARE(requests[0].header("Content-Type"), std::string("application/json"));
        QCOMPARE(requests[0].header("Expect"), std::string());
        QCOMPARE(requests[1].method, std::string("PATCH"));
        QCOMPARE(requests[1].body, patch.body);
        QCOMPARE(requests[1].header("Content-Type"), std::string("application/merge-patch+json"));
        QCOMPARE(requests[1].header("Accept"), std::string("application/yaml"));
        QCOMPARE(requests[2].method, std::string("DELETE"));
        QCOMPARE(requests[2].body, std::string());
    }

    void serverPathPrefixIsKept()
    {
        // Given a server URL with a path prefix (an API server behind a path-routing proxy)
        TestHttpServer server(tlsOptions());
        auto config = configFor(server);
        config.server = server.url() + "/k8s/clusters/dev/";
        kube::Transport transport(config);

        // When / Then the request path is appended to the prefix
        QVERIFY(transport.send(get("/api/v1/pods?limit=1")).ok());
        QCOMPARE(server.requests().at(0).target, std::string("/k8s/clusters/dev/api/v1/pods?limit=1"));
    }

    void httpProxyIsUsed()
    {
        // Given a plain HTTP "proxy" (the test server sees absolute-form request targets)
        TestHttpServer proxy(TestHttpServer::plainOptions());
        kube::TransportConfig config;
        config.server = "http://kubernetes.invalid:8080";
        config.proxyUrl = proxy.url();
        kube::Transport transport(config);

        // When a request is sent
        const auto result = transport.send(get("/api"));

        // Then it went through the proxy, which resolved nothing on our behalf
        QVERIFY2(result.ok(), describe(result));
        QCOMPARE(proxy.requests().at(0).target, std::string("http://kubernetes.invalid:8080/api"));
    }

    void httpsThroughAnHttpProxyTunnelsToTheRealHost()
    {
        // Given an HTTP proxy that refuses every CONNECT, and an https cluster reached by name
        // with a tls-server-name override
        TestHttpServer proxy(TestHttpServer::plainOptions());
        proxy.setHandler([](const TestRequest &) { return TestResponse::json(403, "{}"); });
        kube::TransportConfig config;
        config.server = "https://api.cluster.invalid:6443";
        config.tls.serverName = "kubernetes.internal";
        config.proxyUrl = proxy.url();
        kube::Transport transport(config);

        // When a request is sent
        const auto result = transport.send(get("/api"));

        // Then the tunnel was asked for the real host and port (not the TLS name), and the
        // refusal is a transport error about the proxy
        QVERIFY(!result.ok());
        QVERIFY_ERROR_KIND(result, kube::ErrorKind::Transport);
        QVERIFY2(contains(result.error().describe(), "proxy"), describe(result));
        const auto requests = proxy.requests();
        QCOMPARE(requests.size(), size_t(1));
        QCOMPARE(requests[0].method, std::string("CONNECT"));
        QCOMPARE(requests[0].target, std::string("api.cluster.invalid:6443"));
    }

    void socks5ProxyResolvesNamesRemotely()
    {
        // Given a SOCKS5 proxy that records what it is asked to connect to (and refuses)
        FakeSocksProxy proxy;
        kube::TransportConfig config;
        config.server = "https://api.cluster.invalid:6443";
        config.tls.serverName = "kubernetes.internal";
        config.proxyUrl = "socks5://127.0.0.1:" + std::to_string(proxy.port());
        kube::Transport transport(config);

        // When a request is sent
        const auto result = transport.send(get("/api"));

        // Then the proxy got the host name (socks5h, as kubectl does), not an address we resolved,
        // and it is the real host rather than the TLS name
        QVERIFY(!result.ok());
        QVERIFY_ERROR_KIND(result, kube::ErrorKind::Transport);
        const auto request = proxy.waitForRequest();
        QCOMPARE(request.addressType, 3);
        QCOMPARE(request.host, std::string("api.cluster.invalid"));
        QCOMPARE(request.port, 6443);
    }

    void invalidServerUrlIsAConfigError()
    {
        // Given a server URL that is not a URL (and carries a password)
        kube::TransportConfig config;
        config.server = "https://admin:hunter2@bad host:6443";
        kube::Transport transport(config);

        // When / Then every request fails as a Config error that does not show the password
        const auto result = transport.send(get("/api"));
        QVERIFY(!result.ok());
        QVERIFY_ERROR_KIND(result, kube::ErrorKind::Config);
        QVERIFY2(contains(result.error().describe(), "bad host:6443"), describe(result));
        QVERIFY2(!contains(result.error().describe(), "hunter2"), describe(result));
    }

    void headerInjectionIsRefused()
    {
        // Given a request whose header value smuggles a second header
        TestHttpServer server(tlsOptions());
        kube::Transport transport(configFor(server));
        kube::HttpRequest request = get("/api");
        request.setHeader("Impersonate-User", "bob\r\nImpersonate-Group: system:masters");

        // When / Then it is refused before anything is sent
        const auto result = transport.send(request);
        QVERIFY(!result.ok());
        QVERIFY_ERROR_KIND(result, kube::ErrorKind::Invalid);
        QCOMPARE(server.requestCount(), 0);
    }

    // --- Failures --------------------------------------------------------------------------

    void closedPortIsConnectionRefused()
    {
        // Given no server on the port (and no `where`, so the URL is used in errors)
        kube::TransportConfig config;
        config.server = "https://127.0.0.1:" + std::to_string(TestHttpServer::unusedPort());
        kube::Transport transport(config);

        // When / Then the error is a transport error saying so, naming the server
        const auto result = transport.send(get("/version"));
        QVERIFY(!result.ok());
        QVERIFY_ERROR_KIND(result, kube::ErrorKind::Transport);
        QVERIFY2(contains(result.error().message, "refused"), describe(result));
        QVERIFY2(contains(result.error().describe(), config.server), describe(result));
        QVERIFY(!result.error().hint.empty());
    }

    void stalledServerTimesOut()
    {
        // Given a server that does not answer for 5 s, and a 300 ms request timeout
        TestHttpServer server(tlsOptions());
        server.setHandler([](const TestRequest &) {
            TestResponse r;
            r.delay = 5s;
            return r;
        });
        auto config = configFor(server);
        config.requestTimeoutMs = 300;
        kube::Transport transport(config);

        // When a request is sent
        const auto start = std::chrono::steady_clock::now();
        const auto result = transport.send(get("/api"));

        // Then it is a Timeout well before the server would have answered
        QVERIFY(!result.ok());
        QVERIFY_ERROR_KIND(result, kube::ErrorKind::Timeout);
        QVERIFY2(contains(result.error().message, "300 ms"), describe(result));
        QVERIFY(std::chrono::steady_clock::now() - start < 3s);
    }

    void garbageResponseIsAClearError_data()
    {
        QTest::addColumn<bool>("tls");
        QTest::newRow("http") << false;
        QTest::newRow("https") << true;
    }

    void garbageResponseIsAClearError()
    {
        QFETCH(bool, tls);
        // Given a server that answers with bytes that are not HTTP
        TestServerOptions options = tls ? tlsOptions() : TestHttpServer::plainOptions();
        TestHttpServer server(options);
        server.setHandler([](const TestRequest &) {
            TestResponse r;
            r.raw = "SSH-2.0-OpenSSH_9.2\r\nthis is not http\r\n\r\n";
            return r;
        });
        kube::Transport transport(configFor(server));

        // When / Then the error says the answer was not HTTP
        const auto result = transport.send(get("/api"));
        QVERIFY(!result.ok());
        QVERIFY_ERROR_KIND(result, kube::ErrorKind::Transport);
        QVERIFY2(contains(result.error().message, "did not answer with HTTP"), describe(result));
    }

    void droppedConnectionIsAClearError()
    {
        // Given a server that closes the connection without answering
        TestHttpServer server(tlsOptions());
        server.setHandler([](const TestRequest &) {
            TestResponse r;
            r.dropConnection = true;
            return r;
        });
        kube::Transport transport(configFor(server));

        // When / Then the error says so
        const auto result = transport.send(get("/api"));
        QVERIFY(!result.ok());
        QVERIFY_ERROR_KIND(result, kube::ErrorKind::Transport);
        QVERIFY2(contains(result.error().message, "without answering"), describe(result));
    }

    void oversizedBodyIsRefused_data()
    {
        QTest::addColumn<bool>("chunked");
        QTest::newRow("content-length") << false;
        QTest::newRow("chunked") << true;
    }

    void oversizedBodyIsRefused()
    {
        QFETCH(bool, chunked);
        // Given a 1 KiB limit and a server sending 4 KiB
        TestHttpServer server(tlsOptions());
        server.setHandler([chunked](const TestRequest &) {
            TestResponse r;
            if (chunked)
                r.chunks.assign(4, std::string(1024, 'x'));
            else
                r.body = std::string(4096, 'x');
            return r;
        });
        auto config = configFor(server);
        config.maxBodyBytes = 1024;
        kube::Transport transport(config);

        // When / Then the body is refused with an error naming the limit
        const auto result = transport.send(get("/api"));
        QVERIFY(!result.ok());
        QVERIFY2(contains(result.error().message, "larger than the limit of 1024 bytes"), describe(result));
    }

    // --- Retries and rate limiting ---------------------------------------------------------

    void tooManyRequestsIsRetriedAfterRetryAfter()
    {
        // Given a server that answers 429 (Retry-After: 1) once, then 200
        TestHttpServer server(tlsOptions());
        std::atomic<int> seen{0};
        server.setHandler([&seen](const TestRequest &) {
            if (seen++ == 0) {
                auto r = TestResponse::json(429, "{}");
                r.headers.emplace_back("Retry-After", "1");
                return r;
            }
            return TestResponse::json(200, R"({"ok":true})");
        });
        kube::Transport transport(configFor(server));

        // When a request is sent
        const auto start = std::chrono::steady_clock::now();
        const auto result = transport.send(get("/api"));

        // Then it waited about a second and succeeded on the retry
        QVERIFY2(result.ok(), describe(result));
        QCOMPARE(result->status, 200);
        QCOMPARE(server.requestCount(), 2);
        QVERIFY(std::chrono::steady_clock::now() - start >= 900ms);
    }

    void tooManyRequestsGivesUpAfterMaxRetries()
    {
        // Given a server that always answers 429, and two retries allowed
        TestHttpServer server(tlsOptions());
        server.setHandler([](const TestRequest &) {
            auto r = TestResponse::json(429, "{}");
            r.headers.emplace_back("Retry-After", "0");
            return r;
        });
        auto config = configFor(server);
        config.maxRetriesOn429 = 2;
        kube::Transport transport(config);

        // When / Then the third 429 is returned as the response
        const auto result = transport.send(get("/api"));
        QVERIFY2(result.ok(), describe(result));
        QCOMPARE(result->status, 429);
        QCOMPARE(server.requestCount(), 3);
    }

    void rateLimiterSpacesRequests()
    {
        // Given 10 qps with a burst of 1
        TestHttpServer server(tlsOptions());
        auto config = configFor(server);
        config.qps = 10;
        config.burst = 1;
        kube::Transport transport(config);

        // When three requests are sent back to back
        const auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < 3; ++i)
            QVERIFY(transport.send(get("/api")).ok());

        // Then the second and third waited for tokens (~100 ms each)
        QVERIFY(std::chrono::steady_clock::now() - start >= 180ms);
    }

    void rateLimiterTokenBucketOnAFakeClock()
    {
        // Given a bucket of 2 qps, burst 3, at t0
        using Clock = kube::RateLimiter::Clock;
        const Clock::time_point t0{};
        kube::RateLimiter limiter(2.0, 3, t0);

        // When the burst is used up at t0, Then those go at once and later ones queue 0.5 s apart
        QCOMPARE(limiter.reserve(t0), Clock::duration::zero());
        QCOMPARE(limiter.reserve(t0), Clock::duration::zero());
        QCOMPARE(limiter.reserve(t0), Clock::duration::zero());
        QCOMPARE(limiter.reserve(t0), Clock::duration(500ms));
        QCOMPARE(limiter.reserve(t0), Clock::duration(1000ms));

        // When 1 s passes (two tokens refill the two reservations), Then the next waits 0.5 s
        QCOMPARE(limiter.reserve(t0 + 1s), Clock::duration(500ms));

        // When a long idle time passes, Then the bucket refills only up to the burst
        const auto later = t0 + 1h;
        QCOMPARE(limiter.reserve(later), Clock::duration::zero());
        QCOMPARE(limiter.reserve(later), Clock::duration::zero());
        QCOMPARE(limiter.reserve(later), Clock::duration::zero());
        QVERIFY(limiter.reserve(later) > Clock::duration::zero());

        // And a non-positive qps means no limit
        kube::RateLimiter unlimited(0.0, 1, t0);
        QVERIFY(unlimited.unlimited());
        for (int i = 0; i < 100; ++i)
            QCOMPARE(unlimited.reserve(t0), Clock::duration::zero());
    }

    // --- Cancellation ----------------------------------------------------------------------

    void cancelEndsABlockedRequest()
    {
        // Given a server that stalls for 10 s
        TestHttpServer server(tlsOptions());
        server.setHandler([](const TestRequest &) {
            TestResponse r;
            r.delay = 10s;
            return r;
        });
        kube::Transport transport(configFor(server));
        auto cancel = std::make_shared<kube::CancelToken>();

        // When another thread cancels 200 ms into the request
        const auto start = std::chrono::steady_clock::now();
        DelayedCancel canceller(cancel, 200ms);
        const auto result = transport.send(get("/api"), cancel);

        // Then the request ends as Cancelled, long before the server would answer
        QVERIFY(!result.ok());
        QVERIFY_ERROR_KIND(result, kube::ErrorKind::Cancelled);
        QVERIFY(std::chrono::steady_clock::now() - start < 3s);

        // And the transport (its pooled slot) serves the next request normally
        server.setHandler([](const TestRequest &) { return TestResponse::json(200, "{}"); });
        const auto next = transport.send(get("/api"));
        QVERIFY2(next.ok(), describe(next));
        QCOMPARE(next->status, 200);
    }

    void cancelEndsAStream()
    {
        // Given a watch-like stream that sends one event and then stays open
        TestHttpServer server(tlsOptions());
        server.setHandler([](const TestRequest &) {
            TestResponse r;
            r.chunks = {"{\"type\":\"ADDED\"}\n"};
            r.holdOpen = true;
            return r;
        });
        kube::Transport transport(configFor(server));
        auto cancel = std::make_shared<kube::CancelToken>();
        std::string received;
        std::unique_ptr<DelayedCancel> canceller;

        // When another thread cancels once the first event arrived
        const auto start = std::chrono::steady_clock::now();
        const auto result = transport.stream(
            get("/api/v1/pods?watch=1"),
            [&](std::string_view data) {
                received.append(data);
                if (!canceller)
                    canceller = std::make_unique<DelayedCancel>(cancel, 100ms);
                return true;
            },
            cancel);
        canceller.reset();

        // Then the stream ends as Cancelled, after delivering the event
        QVERIFY(!result.ok());
        QVERIFY_ERROR_KIND(result, kube::ErrorKind::Cancelled);
        QCOMPARE(received, std::string("{\"type\":\"ADDED\"}\n"));
        QVERIFY(std::chrono::steady_clock::now() - start < 3s);
    }

    void cancelEndsARateLimitWait()
    {
        // Given a limiter that allows one request every 10 s, already used
        TestHttpServer server(tlsOptions());
        auto config = configFor(server);
        config.qps = 0.1;
        config.burst = 1;
        kube::Transport transport(config);
        QVERIFY(transport.send(get("/api")).ok());
        auto cancel = std::make_shared<kube::CancelToken>();

        // When the next request is cancelled while it waits for a token
        const auto start = std::chrono::steady_clock::now();
        DelayedCancel canceller(cancel, 200ms);
        const auto result = transport.send(get("/api"), cancel);

        // Then it ends as Cancelled without reaching the server
        QVERIFY(!result.ok());
        QVERIFY_ERROR_KIND(result, kube::ErrorKind::Cancelled);
        QVERIFY(std::chrono::steady_clock::now() - start < 3s);
        QCOMPARE(server.requestCount(), 1);
    }

    void cancelEndsARetryAfterWait()
    {
        // Given a server that asks to retry after 30 s
        TestHttpServer server(tlsOptions());
        server.setHandler([](const TestRequest &) {
            auto r = TestResponse::json(429, "{}");
            r.headers.emplace_back("Retry-After", "30");
            return r;
        });
        kube::Transport transport(configFor(server));
        auto cancel = std::make_shared<kube::CancelToken>();

        // When the request is cancelled during that wait
        const auto start = std::chrono::steady_clock::now();
        DelayedCancel canceller(cancel, 300ms);
        const auto result = transport.send(get("/api"), cancel);

        // Then it ends as Cancelled promptly
        QVERIFY(!result.ok());
        QVERIFY_ERROR_KIND(result, kube::ErrorKind::Cancelled);
        QVERIFY(std::chrono::steady_clock::now() - start < 3s);
    }

    // --- Streaming -------------------------------------------------------------------------

    void streamDeliversChunksInOrder()
    {
        // Given a stream whose events are split across separate writes
        TestHttpServer server(tlsOptions());
        const std::vector<std::string> pieces = {"{\"type\":\"ADD", "ED\",\"object\":{}}\n{\"ty",
                                                 "pe\":\"DELETED\",\"object\":{}}\n", "{\"type\":\"BOOKMARK\"}\n"};
        server.setHandler([pieces](const TestRequest &) {
            TestResponse r;
            r.chunks = pieces;
            r.chunkDelay = 30ms;
            return r;
        });
        kube::Transport transport(configFor(server));

        // When it is streamed
        std::string received;
        int calls = 0;
        const auto result = transport.stream(get("/api/v1/pods?watch=1"), [&](std::string_view data) {
            received.append(data);
            ++calls;
            return true;
        });

        // Then every byte arrived, in order, as the server ended the stream
        QVERIFY2(result.ok(), describe(result));
        QCOMPARE(result->status, 200);
        QCOMPARE(received, pieces[0] + pieces[1] + pieces[2] + pieces[3]);
        QVERIFY(calls >= 2);  // the writes were 30 ms apart; they were not all coalesced
        QVERIFY(result->body.empty());
    }

    void streamStopsWhenTheCallbackSaysSo()
    {
        // Given a stream that would stay open forever
        TestHttpServer server(tlsOptions());
        server.setHandler([](const TestRequest &) {
            TestResponse r;
            r.chunks = {"one\n"};
            r.holdOpen = true;
            return r;
        });
        kube::Transport transport(configFor(server));

        // When the callback returns false
        const auto result = transport.stream(get("/watch"), [](std::string_view) { return false; });

        // Then stream() returns the response, not an error
        QVERIFY2(result.ok(), describe(result));
        QCOMPARE(result->status, 200);
    }

    void exceptionsFromTheCallbackPropagate()
    {
        // Given a stream whose callback throws
        TestHttpServer server(tlsOptions());
        server.setHandler([](const TestRequest &) {
            TestResponse r;
            r.chunks = {"one\n"};
            r.holdOpen = true;
            return r;
        });
        kube::Transport transport(configFor(server));

        // When / Then the exception reaches the caller, and the transport still works
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 (void)transport.stream(get("/watch"), [](std::string_view) -> bool {
                                     throw std::runtime_error("decoder failed");
                                 }));
        server.setHandler([](const TestRequest &) { return TestResponse::json(200, "{}"); });
        const auto result = transport.send(get("/api"));
        QVERIFY2(result.ok(), describe(result));
    }

    void streamCollectsANon2xxBody()
    {
        // Given a watch answered with 410 Gone
        TestHttpServer server(tlsOptions());
        server.setHandler([](const TestRequest &) {
            return TestResponse::json(410, R"({"kind":"Status","reason":"Expired"})");
        });
        kube::Transport transport(configFor(server));
        bool called = false;

        // When / Then the body is in the response and onData never saw it
        const auto result = transport.stream(get("/watch"), [&](std::string_view) { return called = true; });
        QVERIFY2(result.ok(), describe(result));
        QCOMPARE(result->status, 410);
        QCOMPARE(result->body, std::string(R"({"kind":"Status","reason":"Expired"})"));
        QVERIFY(!called);
    }

    void streamIdleTimeoutEndsASilentStream()
    {
        // Given a stream that goes silent after one event, and a 300 ms idle timeout
        TestHttpServer server(tlsOptions());
        server.setHandler([](const TestRequest &) {
            TestResponse r;
            r.chunks = {"one\n"};
            r.holdOpen = true;
            return r;
        });
        auto config = configFor(server);
        config.streamIdleTimeoutMs = 300;
        config.requestTimeoutMs = 100;  // must not apply to streams
        kube::Transport transport(config);

        // When / Then it ends with a Timeout, after the event was delivered
        std::string received;
        const auto result = transport.stream(get("/watch"), [&](std::string_view data) {
            received.append(data);
            return true;
        });
        QVERIFY(!result.ok());
        QVERIFY_ERROR_KIND(result, kube::ErrorKind::Timeout);
        QCOMPARE(received, std::string("one\n"));
    }

    // --- Connections -----------------------------------------------------------------------

    void sequentialRequestsReuseOneConnection()
    {
        // Given a server counting connections
        TestHttpServer server(tlsOptions());
        kube::Transport transport(configFor(server));

        // When five requests are sent one after another
        for (int i = 0; i < 5; ++i) {
            const auto result = transport.send(get("/api"));
            QVERIFY2(result.ok(), describe(result));
        }

        // Then they all used the same connection
        QCOMPARE(server.requestCount(), 5);
        QCOMPARE(server.acceptedConnections(), 1);
    }

    void concurrentSendsAllSucceed()
    {
        // Given a server that takes a little time per request
        TestHttpServer server(tlsOptions());
        server.setHandler([](const TestRequest &request) {
            auto r = TestResponse::json(200, "{\"path\":\"" + request.target + "\"}");
            r.delay = 10ms;
            return r;
        });
        kube::Transport transport(configFor(server));

        // When four threads send five requests each
        std::atomic<int> succeeded{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < 5; ++i) {
                    const std::string path = "/t" + std::to_string(t) + "/" + std::to_string(i);
                    const auto result = transport.send(get(path));
                    if (result.ok() && result->body == "{\"path\":\"" + path + "\"}")
                        ++succeeded;
                }
            });
        }
        for (auto &thread : threads)
            thread.join();

        // Then every request got its own answer, over at most one connection per thread
        QCOMPARE(succeeded.load(), 20);
        QVERIFY(server.acceptedConnections() <= 4);
    }
};

QTEST_GUILESS_MAIN(TstTransport)
#include "tst_transport.moc"
