// TestHttpServer: one accept thread plus one thread per connection, blocking I/O throughout;
// stop() unblocks everything by shutting sockets down and signalling a condition variable.
#include "tests/support/testhttpserver.h"

#include "tests/support/opensslptr.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace testsupport {

namespace {

// How often blocked loops (accept, hold-open) look at the stop flag.
constexpr int kStopCheckMs = 50;
// How long a failed handshake waits for the client to hang up before closing anyway.
constexpr int kLingerMs = 2000;
// A request head larger than this is not something our clients send; stop reading.
constexpr size_t kMaxHeadBytes = 1 << 20;

bool iequals(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::string trim(std::string_view text)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return std::string(text);
}

const char *reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

std::vector<std::string> nameEntries(X509_NAME *name, int nid)
{
    std::vector<std::string> values;
    for (int i = X509_NAME_get_index_by_NID(name, nid, -1); i >= 0; i = X509_NAME_get_index_by_NID(name, nid, i)) {
        ASN1_STRING *data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, i));
        unsigned char *utf8 = nullptr;
        const int length = ASN1_STRING_to_UTF8(&utf8, data);
        if (length >= 0) {
            values.emplace_back(reinterpret_cast<char *>(utf8), static_cast<size_t>(length));
            OPENSSL_free(utf8);
        }
    }
    return values;
}

// The server threads write to sockets the client may already have closed; EPIPE is the answer
// we want there, not a process-killing SIGPIPE (OpenSSL writes with write(), not MSG_NOSIGNAL).
void blockSigpipeOnThisThread()
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

} // namespace

// A socket, optionally wrapped in TLS, with blocking read/write helpers.
class TestHttpServer::Connection
{
public:
    Connection(int fd, SSL *ssl) : m_fd(fd), m_ssl(ssl) {}

    // > 0 bytes read; 0 on EOF or error.
    size_t readSome(char *buffer, size_t size)
    {
        if (m_ssl) {
            const int n = SSL_read(m_ssl.get(), buffer, static_cast<int>(size));
            return n > 0 ? static_cast<size_t>(n) : 0;
        }
        for (;;) {
            const ssize_t n = ::recv(m_fd, buffer, size, 0);
            if (n < 0 && errno == EINTR)
                continue;
            return n > 0 ? static_cast<size_t>(n) : 0;
        }
    }

    bool writeAll(std::string_view data)
    {
        while (!data.empty()) {
            if (m_ssl) {
                const int n = SSL_write(m_ssl.get(), data.data(), static_cast<int>(data.size()));
                if (n <= 0)
                    return false;
                data.remove_prefix(static_cast<size_t>(n));
            } else {
                const ssize_t n = ::send(m_fd, data.data(), data.size(), MSG_NOSIGNAL);
                if (n < 0 && errno == EINTR)
                    continue;
                if (n <= 0)
                    return false;
                data.remove_prefix(static_cast<size_t>(n));
            }
        }
        return true;
    }

    int fd() const { return m_fd; }
    SSL *ssl() const { return m_ssl.get(); }

private:
    int m_fd;
    SslPtr m_ssl;
};

std::string TestRequest::header(const std::string &name) const
{
    for (const auto &h : headers)
        if (iequals(h.first, name))
            return h.second;
    return {};
}

TestResponse TestResponse::json(int status, std::string body)
{
    TestResponse r;
    r.status = status;
    r.headers.emplace_back("Content-Type", "application/json");
    r.body = std::move(body);
    return r;
}

TestHttpServer::TestHttpServer(TestServerOptions options) : m_options(std::move(options))
{
    m_handler = [](const TestRequest &) { return TestResponse::json(200, "{}"); };

    if (m_options.tls) {
        if (m_options.identity.certPem.empty() || m_options.identity.keyPem.empty())
            throw std::runtime_error("TestHttpServer: TLS needs options.identity (see httpsOptions())");
        SslCtxPtr ctx(SSL_CTX_new(TLS_server_method()));
        if (!ctx)
            throw std::runtime_error("SSL_CTX_new: " + lastOpenSslError());
        X509Ptr cert = certFromPem(m_options.identity.certPem);
        EvpPkeyPtr key = keyFromPem(m_options.identity.keyPem);
        if (SSL_CTX_use_certificate(ctx.get(), cert.get()) != 1 || SSL_CTX_use_PrivateKey(ctx.get(), key.get()) != 1
            || SSL_CTX_check_private_key(ctx.get()) != 1)
            throw std::runtime_error("server identity unusable: " + lastOpenSslError());
        // Required once peers are verified: without it OpenSSL refuses to resume sessions that
        // clients (libcurl shares them) offer on new connections.
        static const unsigned char kSessionContext[] = "tenantry-testsupport";
        SSL_CTX_set_session_id_context(ctx.get(), kSessionContext, sizeof kSessionContext - 1);
        if (m_options.clientCerts != ClientCertMode::None) {
            if (m_options.clientCaPem.empty())
                throw std::runtime_error("client certificates need clientCaPem");
            X509Ptr ca = certFromPem(m_options.clientCaPem);
            X509_STORE_add_cert(SSL_CTX_get_cert_store(ctx.get()), ca.get());
            SSL_CTX_add_client_CA(ctx.get(), ca.get());
            int mode = SSL_VERIFY_PEER;
            if (m_options.clientCerts == ClientCertMode::Require)
                mode |= SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
            SSL_CTX_set_verify(ctx.get(), mode, nullptr);
        }
        m_sslContext = ctx.release();
    }

    m_listenFd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_listenFd < 0)
        throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
    const int one = 1;
    ::setsockopt(m_listenFd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    if (::bind(m_listenFd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0
        || ::listen(m_listenFd, 64) != 0
        || ::getsockname(m_listenFd, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
        const std::string reason = std::strerror(errno);
        ::close(m_listenFd);
        SSL_CTX_free(static_cast<SSL_CTX *>(m_sslContext));
        throw std::runtime_error("cannot listen on 127.0.0.1: " + reason);
    }
    m_port = ntohs(address.sin_port);
    m_acceptThread = std::thread([this] { acceptLoop(); });
}

TestHttpServer::~TestHttpServer()
{
    stop();
    if (m_listenFd >= 0)
        ::close(m_listenFd);
    SSL_CTX_free(static_cast<SSL_CTX *>(m_sslContext));
}

TestServerOptions TestHttpServer::plainOptions()
{
    TestServerOptions options;
    options.tls = false;
    return options;
}

TestServerOptions TestHttpServer::httpsOptions(const TestPki &pki, ClientCertMode clientCerts)
{
    TestServerOptions options;
    options.identity = pki.issueServer();
    options.clientCaPem = pki.caCertPem();
    options.clientCerts = clientCerts;
    return options;
}

int TestHttpServer::unusedPort()
{
    // Bind an ephemeral port and release it: nothing listens there afterwards, and the kernel
    // does not hand it out again right away.
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    int port = 0;
    if (fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    if (fd >= 0)
        ::close(fd);
    if (port == 0)
        throw std::runtime_error("cannot find an unused port");
    return port;
}

void TestHttpServer::setHandler(TestHandler handler)
{
    std::lock_guard lock(m_mutex);
    m_handler = std::move(handler);
}

std::string TestHttpServer::hostPort() const { return "127.0.0.1:" + std::to_string(m_port); }

std::string TestHttpServer::url() const { return (m_options.tls ? "https://" : "http://") + hostPort(); }

int TestHttpServer::requestCount() const
{
    std::lock_guard lock(m_mutex);
    return static_cast<int>(m_requests.size());
}

std::vector<TestRequest> TestHttpServer::requests() const
{
    std::lock_guard lock(m_mutex);
    return m_requests;
}

void TestHttpServer::stop()
{
    std::vector<std::thread> threads;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        // Wakes blocked SSL_read/recv; the owning thread still closes its descriptor.
        for (int fd : m_openSockets)
            ::shutdown(fd, SHUT_RDWR);
    }
    m_stopSignal.notify_all();
    if (m_acceptThread.joinable())
        m_acceptThread.join();
    {
        std::lock_guard lock(m_mutex);
        threads.swap(m_connectionThreads);
    }
    for (auto &thread : threads)
        thread.join();
}

bool TestHttpServer::pause(std::chrono::milliseconds duration)
{
    std::unique_lock lock(m_mutex);
    m_stopSignal.wait_for(lock, duration, [this] { return stopping(); });
    return !stopping();
}

void TestHttpServer::forgetSocket(int fd)
{
    std::lock_guard lock(m_mutex);
    m_openSockets.erase(fd);
    ::close(fd);  // under the lock: stop() must never shut down a recycled descriptor number
}

void TestHttpServer::lingerUntilPeerCloses(int fd)
{
    // Closing with the client's unread bytes in our buffer would send a reset that overtakes the
    // TLS alert we just queued; a real server's alert reaches the client, so let ours too.
    ::shutdown(fd, SHUT_WR);
    char scratch[4096];
    for (int waited = 0; waited < kLingerMs && !stopping(); waited += kStopCheckMs) {
        pollfd pfd{fd, POLLIN, 0};
        if (::poll(&pfd, 1, kStopCheckMs) > 0 && ::recv(fd, scratch, sizeof scratch, 0) <= 0)
            return;
    }
}

void TestHttpServer::acceptLoop()
{
    blockSigpipeOnThisThread();
    while (!stopping()) {
        pollfd pfd{m_listenFd, POLLIN, 0};
        if (::poll(&pfd, 1, kStopCheckMs) <= 0)
            continue;
        const int fd = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0)
            continue;
        const int connectionId = ++m_accepted;
        std::lock_guard lock(m_mutex);
        if (stopping()) {
            ::close(fd);
            break;
        }
        m_openSockets.insert(fd);
        m_connectionThreads.emplace_back([this, fd, connectionId] { serve(fd, connectionId); });
    }
}

void TestHttpServer::serve(int fd, int connectionId)
{
    blockSigpipeOnThisThread();
    SSL *ssl = nullptr;
    if (m_sslContext) {
        ssl = SSL_new(static_cast<SSL_CTX *>(m_sslContext));
        if (ssl)
            SSL_set_fd(ssl, fd);
    }
    Connection connection(fd, ssl);
    std::string sni;
    std::string commonName;
    std::vector<std::string> organizations;
    if (m_sslContext) {
        if (!ssl || SSL_accept(ssl) != 1) {
            ++m_failedHandshakes;
            lastOpenSslError();  // drop this thread's error queue
            lingerUntilPeerCloses(fd);
            forgetSocket(fd);
            return;
        }
        if (const char *name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name))
            sni = name;
        if (X509 *peer = SSL_get0_peer_certificate(ssl); peer && SSL_get_verify_result(ssl) == X509_V_OK) {
            const auto names = nameEntries(X509_get_subject_name(peer), NID_commonName);
            commonName = names.empty() ? std::string() : names.front();
            organizations = nameEntries(X509_get_subject_name(peer), NID_organizationName);
        }
    }

    std::string buffer;
    for (int index = 0; !stopping(); ++index) {
        TestRequest request;
        request.connectionId = connectionId;
        request.indexOnConnection = index;
        request.sniServerName = sni;
        request.clientCommonName = commonName;
        request.clientOrganizations = organizations;
        if (!readRequest(connection, buffer, request))
            break;
        TestHandler handler;
        {
            std::lock_guard lock(m_mutex);
            m_requests.push_back(request);
            handler = m_handler;
        }
        if (!respond(connection, request, handler(request)))
            break;
    }
    if (ssl && !stopping())
        SSL_shutdown(ssl);  // close_notify, so clients see a clean end rather than a reset
    lastOpenSslError();
    forgetSocket(fd);
}

bool TestHttpServer::readRequest(Connection &connection, std::string &buffer, TestRequest &request)
{
    char chunk[16384];
    size_t headEnd;
    while ((headEnd = buffer.find("\r\n\r\n")) == std::string::npos) {
        const size_t n = connection.readSome(chunk, sizeof chunk);
        if (n == 0 || buffer.size() > kMaxHeadBytes)
            return false;
        buffer.append(chunk, n);
        if (!std::isupper(static_cast<unsigned char>(buffer.front()))) {
            // Not a request line (a TLS ClientHello on a plain port, say): answer the way real
            // servers do instead of waiting for a blank line that never comes.
            connection.writeAll("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
            return false;
        }
    }
    const std::string head = buffer.substr(0, headEnd);
    buffer.erase(0, headEnd + 4);
    size_t lineEnd = head.find("\r\n");
    const std::string requestLine = head.substr(0, lineEnd);
    const size_t s1 = requestLine.find(' ');
    const size_t s2 = requestLine.rfind(' ');
    if (s1 == std::string::npos || s2 == s1)
        return false;
    request.method = requestLine.substr(0, s1);
    request.target = requestLine.substr(s1 + 1, s2 - s1 - 1);
    request.httpVersion = requestLine.substr(s2 + 1);
    while (lineEnd != std::string::npos) {
        const size_t start = lineEnd + 2;
        lineEnd = head.find("\r\n", start);
        const std::string line = head.substr(start, lineEnd == std::string::npos ? std::string::npos : lineEnd - start);
        const size_t colon = line.find(':');
        if (colon != std::string::npos)
            request.headers.emplace_back(trim(line.substr(0, colon)), trim(line.substr(colon + 1)));
    }

    if (iequals(request.header("Expect"), "100-continue") && !connection.writeAll("HTTP/1.1 100 Continue\r\n\r\n"))
        return false;
    const std::string contentLength = request.header("Content-Length");
    const size_t bodyLength = contentLength.empty() ? 0 : std::stoul(contentLength);
    while (buffer.size() < bodyLength) {
        const size_t n = connection.readSome(chunk, sizeof chunk);
        if (n == 0)
            return false;
        buffer.append(chunk, n);
    }
    request.body = buffer.substr(0, bodyLength);
    buffer.erase(0, bodyLength);
    return true;
}

bool TestHttpServer::respond(Connection &connection, const TestRequest &request, const TestResponse &response)
{
    if (response.delay.count() > 0 && !pause(response.delay))
        return false;
    if (response.dropConnection)
        return false;
    if (response.raw) {
        connection.writeAll(*response.raw);
        return false;
    }
    const bool chunked = !response.chunks.empty() || bool(response.stream);
    std::string head = "HTTP/1.1 " + std::to_string(response.status) + " " + reasonPhrase(response.status) + "\r\n";
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    if (chunked)
        head += "Transfer-Encoding: chunked\r\n";
    else
        head += "Content-Length: " + std::to_string(response.body.size()) + "\r\n";
    if (response.closeConnection)
        head += "Connection: close\r\n";
    head += "\r\n";
    if (!chunked) {
        if (request.method != "HEAD")
            head += response.body;
        return connection.writeAll(head) && !response.closeConnection;
    }

    if (!connection.writeAll(head))
        return false;
    if (response.stream) {
        bool alive = true;
        response.stream([&](std::string_view piece) {
            if (!alive || stopping() || piece.empty())
                return alive && !stopping();
            char size[32];
            std::snprintf(size, sizeof size, "%zx\r\n", piece.size());
            alive = connection.writeAll(std::string(size) + std::string(piece) + "\r\n");
            return alive;
        });
        return alive && connection.writeAll("0\r\n\r\n") && !response.closeConnection;
    }
    for (size_t i = 0; i < response.chunks.size(); ++i) {
        if (i > 0 && response.chunkDelay.count() > 0 && !pause(response.chunkDelay))
            return false;
        const std::string &piece = response.chunks[i];
        char size[32];
        std::snprintf(size, sizeof size, "%zx\r\n", piece.size());
        if (!connection.writeAll(std::string(size) + piece + "\r\n"))
            return false;
    }
    if (response.holdOpen) {
        // Until the client hangs up (EOF or error) or the server stops.
        char scratch[4096];
        while (!stopping()) {
            pollfd pfd{connection.fd(), POLLIN, 0};
            if (::poll(&pfd, 1, kStopCheckMs) > 0 && connection.readSome(scratch, sizeof scratch) == 0)
                break;
        }
        return false;
    }
    return connection.writeAll("0\r\n\r\n") && !response.closeConnection;
}

} // namespace testsupport
