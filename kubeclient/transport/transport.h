// Transport: sends HttpRequests to one API server over libcurl + OpenSSL.
// TLS material is passed from memory (no temp files), connections are reused, HTTP/2 is used
// when the server offers it, requests are rate limited client-side, 429 Retry-After honoured,
// and any request can be cancelled from another thread.
#pragma once

#include "kubeclient/core/canceltoken.h"
#include "kubeclient/kubeconfig/credentials.h"
#include "kubeclient/transport/http.h"
#include "kubeclient/core/result.h"

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace kube {

struct TlsConfig {
    std::string caPem;              // empty: system trust store
    bool insecureSkipVerify = false;  // only when the kubeconfig says so explicitly
    std::string serverName;         // tls-server-name override (SNI + verification)
};

struct TransportConfig {
    std::string server;  // "https://127.0.0.1:6443" (may carry a path prefix)
    TlsConfig tls;
    std::string proxyUrl;            // http://, https://, socks5:// ; empty: none
    CredentialProviderPtr credentials;  // may be null (anonymous)
    std::string userAgent = "tenantry";
    std::string where;               // label used in error texts, e.g. "cluster dev (https://...)"
    long connectTimeoutMs = 10'000;
    long requestTimeoutMs = 60'000;  // whole request, per attempt; streams use streamIdleTimeoutMs instead
    long streamIdleTimeoutMs = 0;    // 0: none (server-side timeoutSeconds bounds watches)
    double qps = 50.0;               // client-side token bucket; <= 0: unlimited
    int burst = 100;
    int maxRetriesOn429 = 3;         // waits Retry-After seconds (1 s if absent, at most 60 s)
    size_t maxBodyBytes = 512u << 20;  // refuse larger bodies; for stream() only a non-2xx body
};

class Transport
{
public:
    explicit Transport(TransportConfig config);
    ~Transport();
    Transport(const Transport &) = delete;
    Transport &operator=(const Transport &) = delete;

    // A complete request. Non-2xx statuses are returned as responses, not errors; errors are
    // transport facts (connect, TLS, timeout, cancelled, body too large).
    Result<HttpResponse> send(const HttpRequest &request, const CancelTokenPtr &cancel = nullptr);

    // A streaming request (watch). onData receives body bytes as they arrive when the status is
    // 2xx; return false to stop. For non-2xx the whole body is collected into the response.
    // Returns when the server closes, onData returns false, or cancel fires.
    Result<HttpResponse> stream(const HttpRequest &request,
                                const std::function<bool(std::string_view)> &onData,
                                const CancelTokenPtr &cancel = nullptr);

    const TransportConfig &config() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace kube
