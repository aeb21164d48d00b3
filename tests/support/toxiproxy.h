// Toxiproxy: a fault-injecting TCP proxy (toxiproxy-server, built by scripts/toxiproxy) between
// Tenantry and kube-apiserver, driven through its HTTP API. TLS stays end to end: the proxy
// only moves bytes, so the apiserver's certificate (valid for 127.0.0.1) still verifies.
#pragma once

#include "kubeclient/transport/transport.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <sys/types.h>

namespace testsupport {

class Toxiproxy
{
public:
    // The binary: $TENANTRY_TOXIPROXY, else tools/toxiproxy/bin/toxiproxy-server under `sourceDir`.
    static std::string binaryPath(const std::string &sourceDir);

    // Starts toxiproxy-server on a free loopback port and waits until its API answers.
    // On failure ok() is false and error() says why.
    explicit Toxiproxy(const std::string &binary);
    ~Toxiproxy();  // stops the server (SIGTERM, then SIGKILL)
    Toxiproxy(const Toxiproxy &) = delete;
    Toxiproxy &operator=(const Toxiproxy &) = delete;

    bool ok() const { return m_pid > 0 && m_error.empty(); }
    const std::string &error() const { return m_error; }
    int apiPort() const { return m_apiPort; }

    // A proxy listening on a free loopback port to `upstream` ("127.0.0.1:6443"); returns the
    // listen address "127.0.0.1:PORT", or "" (error() says why).
    std::string createProxy(const std::string &name, const std::string &upstream);
    // type: latency, bandwidth, slow_close, timeout, reset_peer, slicer, limit_data;
    // stream: "downstream" (server -> client) or "upstream". false on failure (error()).
    bool addToxic(const std::string &proxy, const std::string &toxic, const std::string &type,
                  const std::string &stream, const nlohmann::json &attributes, double toxicity = 1.0);
    bool removeToxic(const std::string &proxy, const std::string &toxic);
    // Disabled: every open connection is closed and new ones are refused.
    bool setEnabled(const std::string &proxy, bool enabled);
    // Removes every toxic of every proxy and enables them all.
    bool reset();

    // The proxy's state as the API reports it (toxics included).
    nlohmann::json proxy(const std::string &name);

private:
    bool call(const std::string &method, const std::string &path, const std::string &body, nlohmann::json *out);

    pid_t m_pid = -1;
    int m_apiPort = 0;
    std::string m_error;
    std::unique_ptr<kube::Transport> m_api;
};

// A free loopback TCP port (bound once and released: good enough for tests).
int freeLoopbackPort();

} // namespace testsupport
