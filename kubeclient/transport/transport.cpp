// Transport: libcurl + OpenSSL implementation of one API server connection (see transport.h).
// Each transfer runs on the caller's thread in a pooled multi handle so cancel() can wake it.
#include "kubeclient/transport/transport.h"

#include "kubeclient/core/base64.h"
#include "kubeclient/core/requestsent.h"

#include "kubeclient/core/cancelwait.h"
#include "kubeclient/core/text.h"
#include "kubeclient/transport/connectionpool.h"
#include "kubeclient/transport/curlhandles.h"
#include "kubeclient/transport/ratelimiter.h"

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <exception>
#include <new>
#include <optional>

namespace kube {

namespace {

bool isRead(const HttpRequest &request)
{
    return request.method.empty() || request.method == "GET" || request.method == "HEAD";
}

using text::startsWithNoCase;
using text::toLower;
using text::trim;

using Clock = std::chrono::steady_clock;

// A Retry-After without a usable number of seconds (absent, or an HTTP date) waits this long.
constexpr std::chrono::seconds kDefaultRetryAfter{1};
// A server asking for longer would freeze the UI for that long; past this we retry anyway and
// let the server answer 429 again (cancel still ends any wait at once).
constexpr std::chrono::seconds kMaxRetryAfter{60};
// Upper bound on one curl_multi_poll; cancel wakes it earlier, this only bounds how late an
// idle-timeout check can be when libcurl itself has nothing scheduled.
constexpr int kMaxPollMs = 1000;
// Keepalive probes notice a dead peer (NAT timeout, VM suspended) on long-lived watches.
constexpr long kKeepIdleSeconds = 30;
constexpr long kKeepIntervalSeconds = 15;

std::string withoutPrefix(const std::string &text, std::string_view prefix)
{
    return text.starts_with(prefix) ? text.substr(prefix.size()) : text;
}

// For URLs curl cannot parse (so cannot clean up either): drop anything like "user:pass@".
std::string withoutUserinfo(const std::string &url)
{
    const size_t schemeEnd = url.find("://");
    const size_t authorityStart = schemeEnd == std::string::npos ? 0 : schemeEnd + 3;
    const size_t authorityEnd = url.find_first_of("/?#", authorityStart);
    const size_t at = url.rfind('@', authorityEnd == std::string::npos ? std::string::npos : authorityEnd);
    if (at == std::string::npos || at < authorityStart)
        return url;
    return url.substr(0, authorityStart) + url.substr(at + 1);
}

bool hasLineBreak(const std::string &text)
{
    return text.find_first_of("\r\n") != std::string::npos;
}

std::string urlPart(CURLU *url, CURLUPart part, unsigned flags = 0)
{
    char *raw = nullptr;
    if (curl_url_get(url, part, &raw, flags) != CURLUE_OK)
        return {};
    CurlString owned(raw);
    return owned.get();
}

bool sameMaterial(const AuthMaterial &a, const AuthMaterial &b)
{
    return a.bearerToken == b.bearerToken && a.username == b.username && a.password == b.password
        && a.clientCertPem == b.clientCertPem && a.clientKeyPem == b.clientKeyPem;
}

std::chrono::seconds retryAfter(const HttpResponse &response)
{
    const std::string header = response.header("Retry-After");
    const std::string_view value = trim(header);
    if (value.empty() || value.size() > 6
        || !std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isdigit(c); }))
        return kDefaultRetryAfter;
    return std::min(std::chrono::seconds(std::stol(std::string(value))), kMaxRetryAfter);
}

// The credentials a request carried, as a server could say them back: the bearer token, the
// basic password and the Basic header's base64. A proxy, webhook or debugging server that
// quotes the Authorization header in its error must not put the credential in our messages.
std::vector<std::string> sentSecrets(const AuthMaterial &auth)
{
    std::vector<std::string> secrets;
    if (!auth.bearerToken.empty())
        secrets.push_back(auth.bearerToken);
    if (!auth.password.empty()) {
        secrets.push_back(Base64::encode(auth.username + ":" + auth.password));
        secrets.push_back(auth.password);
    }
    return secrets;
}

std::string httpVersionName(long version)
{
    switch (version) {
    case CURL_HTTP_VERSION_1_0: return "1.0";
    case CURL_HTTP_VERSION_1_1: return "1.1";
    case CURL_HTTP_VERSION_2_0: return "2";
    case CURL_HTTP_VERSION_3: return "3";
    default: return {};
    }
}

// Everything one transfer's callbacks touch; lives on the stack of perform().
struct Transfer {
    CURL *easy = nullptr;
    HttpResponse response;
    const std::function<bool(std::string_view)> *onData = nullptr;
    size_t maxBodyBytes = 0;
    bool statusChecked = false;
    bool deliver = false;          // 2xx stream: bytes go to onData instead of the body
    bool bodyTooLarge = false;
    bool stoppedByCaller = false;  // onData returned false
    std::exception_ptr callbackError;
    Clock::time_point lastActivity = Clock::now();
    char errorBuffer[CURL_ERROR_SIZE] = {};

    static size_t onHeader(char *data, size_t size, size_t count, void *self)
    {
        auto *t = static_cast<Transfer *>(self);
        const size_t length = size * count;
        t->lastActivity = Clock::now();
        const std::string_view line = trim(std::string_view(data, length));
        if (line.starts_with("HTTP/")) {
            // A new status line (100 Continue, a proxy's CONNECT answer): only the final
            // response's headers count.
            t->response.headers.clear();
            return length;
        }
        const auto colon = line.find(':');
        if (colon != std::string_view::npos && colon > 0)
            t->response.headers.emplace_back(std::string(trim(line.substr(0, colon))),
                                             std::string(trim(line.substr(colon + 1))));
        return length;
    }

    static size_t onWrite(char *data, size_t size, size_t count, void *self)
    {
        auto *t = static_cast<Transfer *>(self);
        const size_t length = size * count;
        t->lastActivity = Clock::now();
        if (t->onData && !t->statusChecked) {
            long code = 0;
            curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &code);
            t->statusChecked = true;
            t->deliver = code >= 200 && code < 300;
        }
        if (t->deliver) {
            try {
                if ((*t->onData)(std::string_view(data, length)))
                    return length;
                t->stoppedByCaller = true;
            } catch (...) {
                // Never unwind through libcurl's C frames; rethrown once the handle is detached.
                t->callbackError = std::current_exception();
            }
            return 0;  // not `length`: makes libcurl abort the transfer (CURLE_WRITE_ERROR)
        }
        if (t->response.body.size() + length > t->maxBodyBytes) {
            t->bodyTooLarge = true;
            return 0;
        }
        t->response.body.append(data, length);
        return length;
    }
};

// How one libcurl transfer ended, before it is turned into a response or an Error.
struct Outcome {
    CURLcode code = CURLE_OK;
    bool cancelled = false;
    bool idleTimedOut = false;
};

} // namespace

struct Transport::Impl {
    explicit Impl(TransportConfig c);

    Result<HttpResponse> run(const HttpRequest &request,
                             const std::function<bool(std::string_view)> *onData,
                             const CancelTokenPtr &cancel);
    Result<AuthMaterial> currentCredentials(const CancelTokenPtr &cancel, const CancelWait &wait) const;
    Result<HttpResponse> perform(const HttpRequest &request, const AuthMaterial &auth,
                                 const std::function<bool(std::string_view)> *onData, CancelWait &wait);
    void applyOptions(CURL *easy, const HttpRequest &request, const AuthMaterial &auth, bool streaming,
                      curl_slist *headers, Transfer &transfer) const;
    Outcome drive(const ConnectionPool::Lease &lease, CancelWait &wait, Transfer &transfer, bool streaming) const;
    Error mapFailure(CURLcode code, const Transfer &transfer) const;
    Error fail(ErrorKind kind, std::string message, std::string hint = {}) const
    {
        return Error::make(kind, std::move(message), where, std::move(hint));
    }
    Error cancelledError() const { return fail(ErrorKind::Cancelled, "request to " + target + " cancelled"); }

    const TransportConfig config;
    std::string where;       // config.where, or the server URL without any userinfo
    std::string baseUrl;     // scheme://host:port[/prefix] (host = tls-server-name when set)
    std::string target;      // original host:port, for messages
    std::string hostHeader;  // keeps the original Host when the URL names tls-server-name
    std::string connectTo;   // CURLOPT_CONNECT_TO entry for tls-server-name
    std::string proxy;
    std::optional<Error> configError;  // a bad server URL fails every request the same way
    RateLimiter limiter;
    ConnectionPool pool;
};

Transport::Impl::Impl(TransportConfig c)
    : config(std::move(c)), limiter(config.qps, config.burst)
{
    ensureCurlGlobalInit();
    where = config.where;

    CurlUrl url(curl_url());
    if (!url)
        throw std::bad_alloc();
    if (curl_url_set(url.get(), CURLUPART_URL, config.server.c_str(), 0) != CURLUE_OK) {
        const std::string shown = withoutUserinfo(config.server);
        if (where.empty())
            where = "server " + shown;
        configError = fail(ErrorKind::Config, "invalid server URL \"" + shown + "\"",
                           "the cluster's server must look like https://host:port");
        return;
    }
    const std::string scheme = urlPart(url.get(), CURLUPART_SCHEME);
    const std::string host = urlPart(url.get(), CURLUPART_HOST);
    const std::string port = urlPart(url.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
    const std::string explicitPort = urlPart(url.get(), CURLUPART_PORT);
    target = host + ":" + port;

    {
        // For messages: a server URL may carry user:password@, which must never be shown.
        CurlUrl shown(curl_url_dup(url.get()));
        curl_url_set(shown.get(), CURLUPART_USER, nullptr, 0);
        curl_url_set(shown.get(), CURLUPART_PASSWORD, nullptr, 0);
        std::string shownUrl = urlPart(shown.get(), CURLUPART_URL);
        while (shownUrl.ends_with('/'))
            shownUrl.pop_back();
        if (where.empty())
            where = shownUrl;
    }
    if (scheme != "https" && scheme != "http") {
        configError = fail(ErrorKind::Config, "unsupported scheme \"" + scheme + "\" in server URL",
                           "use https:// (or http:// for a local insecure port)");
        return;
    }

    // tls-server-name: libcurl takes SNI and the name it verifies from the URL host and has no
    // separate option. CURLOPT_RESOLVE would need an IP address for the real host, so DNS hosts
    // would need our own lookup and a proxy could no longer resolve them. CURLOPT_CONNECT_TO
    // instead maps "serverName:port" to the real "host:port", which curl resolves (or hands to
    // the proxy) as usual, for IP and DNS hosts alike. The Host header is pinned to the original
    // authority, which is what Go's ServerName (and so kubectl) does.
    if (scheme == "https" && !config.tls.serverName.empty()
        && toLower(config.tls.serverName) != toLower(host)) {
        curl_url_set(url.get(), CURLUPART_HOST, config.tls.serverName.c_str(), 0);
        connectTo = config.tls.serverName + ":" + port + ":" + host + ":" + port;
        hostHeader = "Host: " + host + (explicitPort.empty() ? std::string() : ":" + explicitPort);
    }
    baseUrl = urlPart(url.get(), CURLUPART_URL);
    while (baseUrl.ends_with('/'))
        baseUrl.pop_back();

    // socks5h: hostnames are resolved by the proxy, as kubectl does for socks5 proxies; the
    // cluster's name often only resolves on the far side.
    proxy = config.proxyUrl;
    if (startsWithNoCase(proxy, "socks5://"))
        proxy = "socks5h://" + proxy.substr(std::strlen("socks5://"));
}

Result<HttpResponse> Transport::Impl::run(const HttpRequest &request,
                                          const std::function<bool(std::string_view)> *onData,
                                          const CancelTokenPtr &cancel)
{
    if (configError)
        return *configError;
    if (hasLineBreak(request.method) || hasLineBreak(request.path)
        || std::any_of(request.headers.begin(), request.headers.end(),
                       [](const Header &h) { return hasLineBreak(h.first) || hasLineBreak(h.second); }))
        return fail(ErrorKind::Invalid, "request contains a line break in its method, path or a header");

    CancelWait wait(cancel);
    int retriesOn429 = 0;
    bool retriedOn401 = false;
    std::optional<AuthMaterial> auth;  // set: use it for the next attempt instead of asking again
    for (;;) {
        if (wait.cancelled())
            return cancelledError();
        // Every attempt, retries included, takes a token: a retry is load on the server too.
        const auto delay = limiter.reserve(Clock::now());
        if (delay > Clock::duration::zero() && !wait.sleepFor(delay))
            return cancelledError();

        if (!auth) {
            auto material = currentCredentials(cancel, wait);
            if (!material)
                return material.error();
            auth = std::move(material.value());
        }
        const AuthMaterial used = std::move(*auth);
        auth.reset();

        auto response = perform(request, used, onData, wait);
        if (!response)
            return response;

        if (response->status == 401 && config.credentials && !retriedOn401) {
            // The material may have expired or been rotated since it was cached: drop it and
            // try once more with whatever the provider produces now.
            retriedOn401 = true;
            config.credentials->invalidate();
            auto fresh = currentCredentials(cancel, wait);
            if (!fresh)
                return fresh.error();
            // Nothing newer than what was just refused: sending it again would only add a
            // second failed login to the server's audit log.
            if (sameMaterial(fresh.value(), used))
                return response;
            auth = std::move(fresh.value());
            continue;
        }
        if (response->status == 429 && retriesOn429 < config.maxRetriesOn429) {
            ++retriesOn429;
            if (!wait.sleepFor(retryAfter(*response)))
                return cancelledError();
            continue;
        }
        return response;
    }
}

Result<AuthMaterial> Transport::Impl::currentCredentials(const CancelTokenPtr &cancel, const CancelWait &wait) const
{
    if (!config.credentials)
        return AuthMaterial{};
    auto material = config.credentials->current(cancel);
    if (material)
        return material;
    if (wait.cancelled())
        return cancelledError();
    Error e = std::move(material.error());
    if (e.where.empty())
        e.where = where;
    return e;
}

void Transport::Impl::applyOptions(CURL *easy, const HttpRequest &request, const AuthMaterial &auth,
                                   bool streaming, curl_slist *headers, Transfer &transfer) const
{
    std::string path = request.path;
    if (!path.starts_with('/'))
        path.insert(path.begin(), '/');
    const std::string url = baseUrl + path;

    curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);  // several threads, no SIGALRM games
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer.errorBuffer);
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &Transfer::onHeader);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, &transfer);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &Transfer::onWrite);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(easy, CURLOPT_USERAGENT, config.userAgent.c_str());
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
    curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");  // big lists come gzipped
    curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(easy, CURLOPT_TCP_KEEPIDLE, kKeepIdleSeconds);
    curl_easy_setopt(easy, CURLOPT_TCP_KEEPINTVL, kKeepIntervalSeconds);
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, config.connectTimeoutMs);
    if (!streaming) {
        curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, config.requestTimeoutMs);
        // Refuses an announced oversized body before reading it; onWrite catches the rest.
        curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(config.maxBodyBytes));
    }
    if (!proxy.empty())
        curl_easy_setopt(easy, CURLOPT_PROXY, proxy.c_str());

    // Method and body. POSTFIELDS points into `request`, which outlives the transfer.
    if (request.method == "HEAD") {
        curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
    } else if ((request.method.empty() || request.method == "GET") && request.body.empty()) {
        curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
    } else {
        if (!request.body.empty() || request.method == "POST" || request.method == "PUT"
            || request.method == "PATCH") {
            curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
            curl_easy_setopt(easy, CURLOPT_POSTFIELDS, request.body.data());
        }
        if (request.method != "POST")
            curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    }

    // TLS. Blobs are copied by libcurl; nothing secret touches the filesystem.
    const TlsConfig &tls = config.tls;
    curl_easy_setopt(easy, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));  // client-go's floor
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, tls.insecureSkipVerify ? 0L : 1L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, tls.insecureSkipVerify ? 0L : 2L);
    if (!tls.caPem.empty()) {
        curl_blob ca{const_cast<char *>(tls.caPem.data()), tls.caPem.size(), CURL_BLOB_COPY};
        curl_easy_setopt(easy, CURLOPT_CAINFO_BLOB, &ca);
        // The kubeconfig's CA is the only trust anchor (as in client-go): Debian's libcurl also
        // has a default CA directory, which would otherwise be trusted alongside it.
        curl_easy_setopt(easy, CURLOPT_CAPATH, nullptr);
        curl_easy_setopt(easy, CURLOPT_CAINFO, nullptr);
    }
    if (auth.hasClientCert()) {
        curl_blob cert{const_cast<char *>(auth.clientCertPem.data()), auth.clientCertPem.size(), CURL_BLOB_COPY};
        curl_blob key{const_cast<char *>(auth.clientKeyPem.data()), auth.clientKeyPem.size(), CURL_BLOB_COPY};
        curl_easy_setopt(easy, CURLOPT_SSLCERT_BLOB, &cert);
        curl_easy_setopt(easy, CURLOPT_SSLCERTTYPE, "PEM");
        curl_easy_setopt(easy, CURLOPT_SSLKEY_BLOB, &key);
        curl_easy_setopt(easy, CURLOPT_SSLKEYTYPE, "PEM");
    }
    if (!auth.username.empty()) {
        curl_easy_setopt(easy, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC));
        curl_easy_setopt(easy, CURLOPT_USERNAME, auth.username.c_str());
        curl_easy_setopt(easy, CURLOPT_PASSWORD, auth.password.c_str());
    }
}

Result<HttpResponse> Transport::Impl::perform(const HttpRequest &request, const AuthMaterial &auth,
                                              const std::function<bool(std::string_view)> *onData,
                                              CancelWait &wait)
{
    const bool streaming = onData != nullptr;
    ConnectionPool::Lease lease = pool.acquire(ConnectionPool::identityOf(auth));
    CURL *easy = lease.easy();

    CurlSlist headers;
    auto addHeader = [&headers](const std::string &line) {
        curl_slist *head = curl_slist_append(headers.get(), line.c_str());
        if (!head)
            throw std::bad_alloc();
        (void)headers.release();  // same list, possibly a new head
        headers.reset(head);
    };
    const bool bearer = !auth.bearerToken.empty();
    for (const auto &[name, value] : request.headers) {
        if (bearer && toLower(name) == "authorization")
            continue;  // the credential provider's token wins over a stale caller header
        // "Name;" is libcurl's spelling of a header with an empty value.
        addHeader(value.empty() ? name + ";" : name + ": " + value);
    }
    if (request.header("Accept").empty())
        addHeader("Accept: application/json");
    if (!request.body.empty() && request.header("Content-Type").empty())
        addHeader("Content-Type: application/json");  // curl would claim a form otherwise
    addHeader("Expect:");  // no 100-continue round trip (a 1 s stall on servers that ignore it)
    if (!hostHeader.empty())
        addHeader(hostHeader);
    if (bearer)
        addHeader("Authorization: Bearer " + auth.bearerToken);

    CurlSlist connectToList;
    if (!connectTo.empty()) {
        connectToList.reset(curl_slist_append(nullptr, connectTo.c_str()));
        if (!connectToList)
            throw std::bad_alloc();
    }

    Transfer transfer;
    transfer.easy = easy;
    transfer.onData = onData;
    transfer.maxBodyBytes = config.maxBodyBytes;

    curl_easy_reset(easy);
    applyOptions(easy, request, auth, streaming, headers.get(), transfer);
    if (connectToList)
        curl_easy_setopt(easy, CURLOPT_CONNECT_TO, connectToList.get());

    const Outcome outcome = drive(lease, wait, transfer, streaming);

    long status = 0;
    long version = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_getinfo(easy, CURLINFO_HTTP_VERSION, &version);
    std::optional<Error> error;
    if (outcome.cancelled)
        error = cancelledError();
    else if (outcome.idleTimedOut)
        error = fail(ErrorKind::Timeout,
                     "no data from " + target + " for " + std::to_string(config.streamIdleTimeoutMs) + " ms",
                     "the connection may be dead; watch again");
    else if (outcome.code != CURLE_OK && !(outcome.code == CURLE_WRITE_ERROR && transfer.stoppedByCaller))
        error = mapFailure(outcome.code, transfer);
    // Said of writes (the server may have made them) and of a stream cut for silence (the
    // watcher then only watches again); a failed read needs no such note.
    if (error && error->kind != ErrorKind::Tls && (!isRead(request) || outcome.idleTimedOut)) {
        // Bytes of the request went out (curl counts them once sent): the server may have it.
        curl_off_t sent = 0;
        long requestSize = 0;
        curl_easy_getinfo(easy, CURLINFO_REQUEST_SIZE, &requestSize);
        curl_easy_getinfo(easy, CURLINFO_SIZE_UPLOAD_T, &sent);
        if (requestSize > 0 || sent > 0)
            noteRequestSent(*error);
    }

    // Forget every pointer into this frame (error buffer, header lists, callbacks) and drop the
    // copied key material before the slot goes back to the pool.
    curl_easy_reset(easy);

    if (transfer.callbackError)
        std::rethrow_exception(transfer.callbackError);
    if (error)
        return *error;
    transfer.response.status = static_cast<int>(status);
    transfer.response.httpVersion = httpVersionName(version);
    // Error bodies become messages (Status.message, an excerpt): never with our credential in them.
    if (status >= 400 && !transfer.response.body.empty())
        transfer.response.body = text::redactSecrets(std::move(transfer.response.body), sentSecrets(auth));
    return std::move(transfer.response);
}

Outcome Transport::Impl::drive(const ConnectionPool::Lease &lease, CancelWait &wait, Transfer &transfer,
                               bool streaming) const
{
    CURLM *multi = lease.multi();
    CURL *easy = lease.easy();
    Outcome outcome;
    if (curl_multi_add_handle(multi, easy) != CURLM_OK) {
        outcome.code = CURLE_OUT_OF_MEMORY;
        return outcome;
    }
    wait.setMulti(multi);
    const auto idleLimit = std::chrono::milliseconds(streaming ? config.streamIdleTimeoutMs : 0);
    transfer.lastActivity = Clock::now();
    bool done = false;
    while (!done) {
        int running = 0;
        if (curl_multi_perform(multi, &running) != CURLM_OK) {
            outcome.code = CURLE_OUT_OF_MEMORY;
            break;
        }
        int queued = 0;
        while (CURLMsg *message = curl_multi_info_read(multi, &queued)) {
            if (message->msg == CURLMSG_DONE && message->easy_handle == easy) {
                outcome.code = message->data.result;
                done = true;
            }
        }
        if (done)
            break;
        if (wait.cancelled()) {
            outcome.cancelled = true;
            break;
        }
        int pollMs = kMaxPollMs;
        if (idleLimit.count() > 0) {
            const auto left = idleLimit - std::chrono::duration_cast<std::chrono::milliseconds>(
                                              Clock::now() - transfer.lastActivity);
            if (left.count() <= 0) {
                outcome.idleTimedOut = true;
                break;
            }
            pollMs = static_cast<int>(std::min<long long>(pollMs, left.count()));
        }
        if (curl_multi_poll(multi, nullptr, 0, pollMs, nullptr) != CURLM_OK) {
            outcome.code = CURLE_OUT_OF_MEMORY;
            break;
        }
    }
    // Fence first: after this no waker touches the multi, which the next lease may reuse.
    wait.setMulti(nullptr);
    // Removing an unfinished transfer closes its connection; a finished one stays cached.
    curl_multi_remove_handle(multi, easy);
    return outcome;
}

Error Transport::Impl::mapFailure(CURLcode code, const Transfer &transfer) const
{
    const std::string detail = transfer.errorBuffer[0] ? transfer.errorBuffer : curl_easy_strerror(code);
    const bool clientCertRejected = detail.find("alert certificate required") != std::string::npos
        || detail.find("alert bad certificate") != std::string::npos
        || detail.find("alert unknown ca") != std::string::npos
        || detail.find("alert handshake failure") != std::string::npos;
    const std::string clientCertHint =
        "the server requires a client certificate it trusts: check client-certificate-data and "
        "client-key-data in the kubeconfig";

    if (transfer.bodyTooLarge || code == CURLE_FILESIZE_EXCEEDED)
        return fail(ErrorKind::Transport,
                    "the response from " + target + " is larger than the limit of "
                        + std::to_string(config.maxBodyBytes) + " bytes",
                    "this does not look like an API server's answer; for big lists, page with limit=");

    if (!proxy.empty()
        && (detail.find("CONNECT tunnel failed") != std::string::npos
            || detail.find("Proxy CONNECT aborted") != std::string::npos))
        return fail(ErrorKind::Transport, "the proxy did not open a tunnel to " + target + ": " + detail,
                    "check proxy-url in the kubeconfig, and that the proxy allows this host and port");

    switch (code) {
    case CURLE_ABORTED_BY_CALLBACK:
        return cancelledError();
    case CURLE_OPERATION_TIMEDOUT: {
        curl_off_t connectedAfter = 0;
        curl_easy_getinfo(transfer.easy, CURLINFO_PRETRANSFER_TIME_T, &connectedAfter);
        if (connectedAfter == 0)
            return fail(ErrorKind::Timeout,
                        "could not connect to " + target + " within "
                            + std::to_string(std::min(config.connectTimeoutMs, config.requestTimeoutMs)) + " ms",
                        "check the server address, the network and the proxy");
        return fail(ErrorKind::Timeout,
                    "no complete response from " + target + " within " + std::to_string(config.requestTimeoutMs)
                        + " ms",
                    "the server is slow or overloaded; retry later");
    }
    case CURLE_COULDNT_CONNECT: {
        long osErrno = 0;
        curl_easy_getinfo(transfer.easy, CURLINFO_OS_ERRNO, &osErrno);
        if (osErrno == ECONNREFUSED && proxy.empty())
            return fail(ErrorKind::Transport, "connection refused by " + target,
                        "is the API server running, and is the server address in the kubeconfig right?");
        return fail(ErrorKind::Transport, "could not connect to " + target + ": " + detail,
                    proxy.empty() ? "check the server address and the network"
                                  : "check the server address and the proxy");
    }
    case CURLE_COULDNT_RESOLVE_HOST:
        return fail(ErrorKind::Transport, "could not resolve the host of " + target + ": " + detail,
                    "check the server address and DNS");
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_PROXY:
        return fail(ErrorKind::Transport, "the proxy failed on the way to " + target + ": " + detail,
                    "check proxy-url in the kubeconfig");
    case CURLE_PEER_FAILED_VERIFICATION: {
        // libcurl checks the host name itself after OpenSSL accepted the chain, so a name
        // mismatch only shows in its message; chain problems come with an X509 verify result.
        const bool nameMismatch = detail.find("subject name") != std::string::npos
            || detail.find("does not match") != std::string::npos;
        if (nameMismatch)
            return fail(ErrorKind::Tls,
                        "certificate verification failed for " + target + ": " + withoutPrefix(detail, "SSL: "),
                        "the certificate is not issued for this host name: set tls-server-name to a name "
                        "it is issued for");
        long verifyResult = X509_V_OK;
        curl_easy_getinfo(transfer.easy, CURLINFO_SSL_VERIFYRESULT, &verifyResult);
        const std::string reason = verifyResult != X509_V_OK && verifyResult != X509_V_ERR_UNSPECIFIED
            ? X509_verify_cert_error_string(verifyResult)
            : withoutPrefix(detail, "SSL certificate problem: ");
        return fail(ErrorKind::Tls, "certificate verification failed for " + target + ": " + reason,
                    "the server's certificate is not signed by the configured CA: check "
                    "certificate-authority-data in the kubeconfig");
    }
    case CURLE_SSL_CERTPROBLEM:
        return fail(ErrorKind::Tls, "the client certificate or key could not be used: " + detail,
                    "client-certificate-data and client-key-data must be PEM and belong together");
    case CURLE_SSL_CACERT_BADFILE:
        return fail(ErrorKind::Tls, "the CA certificate could not be loaded: " + detail,
                    "certificate-authority-data must hold PEM certificates");
    case CURLE_SSL_CONNECT_ERROR:
        if (clientCertRejected)
            return fail(ErrorKind::Tls, "TLS handshake with " + target + " failed: " + detail, clientCertHint);
        if (detail.find("wrong version number") != std::string::npos
            || detail.find("packet length too long") != std::string::npos)
            return fail(ErrorKind::Tls, "TLS handshake with " + target + " failed: " + detail,
                        "the port does not speak TLS: check https:// versus http:// in the server URL");
        return fail(ErrorKind::Tls, "TLS handshake with " + target + " failed: " + detail);
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
        if (clientCertRejected)
            return fail(ErrorKind::Tls, target + " rejected the TLS client identity: " + detail, clientCertHint);
        return fail(ErrorKind::Transport, "the connection to " + target + " failed: " + detail,
                    "the server or a middlebox closed the connection; retry");
    case CURLE_GOT_NOTHING:
        return fail(ErrorKind::Transport, target + " closed the connection without answering",
                    "the port may belong to another service, or a proxy dropped the request");
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_UNSUPPORTED_PROTOCOL:
        return fail(ErrorKind::Transport, target + " did not answer with HTTP: " + detail,
                    "check the server URL: the port may belong to another service");
    case CURLE_PARTIAL_FILE:
        return fail(ErrorKind::Transport, "the response from " + target + " ended early: " + detail,
                    "the connection was cut; retry");
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        return fail(ErrorKind::Transport, "HTTP/2 error talking to " + target + ": " + detail);
    case CURLE_URL_MALFORMAT:
        return fail(ErrorKind::Config, "invalid request URL for " + target + ": " + detail);
    case CURLE_OUT_OF_MEMORY:
        throw std::bad_alloc();
    default:
        return fail(ErrorKind::Transport, "request to " + target + " failed: " + detail);
    }
}

Transport::Transport(TransportConfig config) : d(std::make_unique<Impl>(std::move(config))) {}

Transport::~Transport() = default;

Result<HttpResponse> Transport::send(const HttpRequest &request, const CancelTokenPtr &cancel)
{
    return d->run(request, nullptr, cancel);
}

Result<HttpResponse> Transport::stream(const HttpRequest &request,
                                       const std::function<bool(std::string_view)> &onData,
                                       const CancelTokenPtr &cancel)
{
    return d->run(request, &onData, cancel);
}

const TransportConfig &Transport::config() const { return d->config; }

} // namespace kube
