// TestHttpServer: a scriptable loopback HTTP/1.1 server (plain or TLS, optional client certs)
// for kubeclient tests. POSIX sockets + OpenSSL on its own threads; no Qt.
#pragma once

#include "tests/support/testpki.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace testsupport {

using TestHeader = std::pair<std::string, std::string>;

// One request as the server parsed it, plus what the connection knew about the client.
struct TestRequest {
    std::string method;
    std::string target;       // as sent: "/api/v1/pods?limit=1", or absolute-form through a proxy
    std::string httpVersion;  // "HTTP/1.1"
    std::vector<TestHeader> headers;
    std::string body;
    int connectionId = 0;       // 1-based, in accept order
    int indexOnConnection = 0;  // 0 for the first request on its connection
    std::string sniServerName;  // TLS SNI, "" when none was sent or without TLS
    std::string clientCommonName;                 // verified client certificate's CN, "" if none
    std::vector<std::string> clientOrganizations;  // its O entries (Kubernetes groups)

    std::string header(const std::string &name) const;  // case-insensitive, "" if absent
};

// What the server does with one request. Defaults: 200, Content-Length body, keep-alive.
struct TestResponse {
    int status = 200;
    std::vector<TestHeader> headers;
    std::string body;
    // Non-empty: the body goes out as Transfer-Encoding: chunked, one write per chunk, with
    // `chunkDelay` before every chunk but the first (the body field is then ignored).
    std::vector<std::string> chunks;
    std::chrono::milliseconds chunkDelay{0};
    // After the chunks, keep the stream open (no terminating chunk) until the client goes away or
    // the server stops: a watch with nothing more to say.
    bool holdOpen = false;
    // Wait before writing anything (a stalled server). stop() interrupts it.
    std::chrono::milliseconds delay{0};
    bool dropConnection = false;        // close the connection without answering
    std::optional<std::string> raw;     // write exactly these bytes instead of a response, then close
    bool closeConnection = false;       // answer with "Connection: close" and close afterwards
    // Set: the body goes out chunked as the function produces it (a proxied watch): it gets a
    // writer that sends one chunk and returns false once the client is gone; the response ends
    // when the function returns (status and headers are sent before it is called).
    std::function<void(const std::function<bool(std::string_view)> &write)> stream;

    static TestResponse json(int status, std::string body);
};

using TestHandler = std::function<TestResponse(const TestRequest &)>;

enum class ClientCertMode {
    None,     // do not ask for one
    Request,  // ask; verify it against clientCaPem when sent (like kube-apiserver)
    Require,  // fail the handshake without a valid one
};

struct TestServerOptions {
    bool tls = true;
    PemIdentity identity;       // server certificate + key, required when tls
    std::string clientCaPem;    // trust anchor for client certificates
    ClientCertMode clientCerts = ClientCertMode::None;
};

class TestHttpServer
{
public:
    // Listens on 127.0.0.1 on an ephemeral port and starts serving at once; throws on failure.
    explicit TestHttpServer(TestServerOptions options);
    ~TestHttpServer();  // stop()
    TestHttpServer(const TestHttpServer &) = delete;
    TestHttpServer &operator=(const TestHttpServer &) = delete;

    // Plain-HTTP server (no TLS).
    static TestServerOptions plainOptions();
    // HTTPS with a fresh certificate from `pki` for 127.0.0.1 and localhost; optionally asks for
    // (Request) or insists on (Require) client certificates issued by the same CA.
    static TestServerOptions httpsOptions(const TestPki &pki, ClientCertMode clientCerts = ClientCertMode::None);
    // A port on 127.0.0.1 that nothing listens on (for "connection refused").
    static int unusedPort();

    // Called on a connection thread for every request; may be called concurrently. The default
    // handler answers 200 with "{}".
    void setHandler(TestHandler handler);

    int port() const { return m_port; }
    std::string hostPort() const;  // "127.0.0.1:<port>"
    std::string url() const;       // "https://127.0.0.1:<port>" (or http://)

    int acceptedConnections() const { return m_accepted.load(); }
    int requestCount() const;
    std::vector<TestRequest> requests() const;
    int failedHandshakes() const { return m_failedHandshakes.load(); }

    // Stops accepting, cuts every open connection and wakes stalled handlers; idempotent.
    void stop();

private:
    class Connection;

    void acceptLoop();
    void serve(int fd, int connectionId);
    // false: the connection is over (EOF, malformed request).
    bool readRequest(Connection &connection, std::string &buffer, TestRequest &request);
    // false: the script ends the connection (drop, raw, close, hold-open) or writing failed.
    bool respond(Connection &connection, const TestRequest &request, const TestResponse &response);
    // Sleeps unless stop() comes first; false when stopping.
    bool pause(std::chrono::milliseconds duration);
    bool stopping() const { return m_stopping.load(); }
    void forgetSocket(int fd);
    void lingerUntilPeerCloses(int fd);

    TestServerOptions m_options;
    void *m_sslContext = nullptr;  // SSL_CTX*, kept opaque so users need no OpenSSL headers
    int m_listenFd = -1;
    int m_port = 0;
    std::atomic<bool> m_stopping{false};
    std::atomic<int> m_accepted{0};
    std::atomic<int> m_failedHandshakes{0};

    mutable std::mutex m_mutex;
    std::condition_variable m_stopSignal;
    TestHandler m_handler;
    std::vector<TestRequest> m_requests;
    std::set<int> m_openSockets;
    std::vector<std::thread> m_connectionThreads;
    std::thread m_acceptThread;
};

} // namespace testsupport
