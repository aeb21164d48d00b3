// ConnectionPool: reusable transfer slots (one multi handle + one easy handle each) for a Transport.
// A slot keeps its live connection between requests; slots never outlive the client identity.
#pragma once

#include "kubeclient/kubeconfig/credentials.h"
#include "kubeclient/transport/curlhandles.h"

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace kube {

class CurlShare;

class ConnectionPool
{
public:
    // The key a lease is pooled under: SHA-256 of the client certificate and key (empty without
    // one), so connections are never shared across identities and the pool keeps no key copies.
    static std::string identityOf(const AuthMaterial &auth);

    struct Slot;

    // Exclusive use of one slot for one transfer; gives it back (or drops it) when destroyed.
    class Lease
    {
    public:
        Lease(ConnectionPool *pool, std::unique_ptr<Slot> slot);
        ~Lease();
        Lease(Lease &&other) noexcept;
        Lease &operator=(Lease &&) = delete;
        Lease(const Lease &) = delete;
        Lease &operator=(const Lease &) = delete;

        CURL *easy() const;
        CURLM *multi() const;

    private:
        ConnectionPool *m_pool;
        std::unique_ptr<Slot> m_slot;
    };

    // maxIdle bounds the connections kept open between requests; busier moments open more and
    // close the surplus when they end.
    explicit ConnectionPool(size_t maxIdle = 8);
    ~ConnectionPool();
    ConnectionPool(const ConnectionPool &) = delete;
    ConnectionPool &operator=(const ConnectionPool &) = delete;

    // identity: a digest of the client certificate + key ("" without one). When it differs from
    // the last one, every idle slot (its connections and TLS sessions) is discarded, so a rotated
    // client certificate is presented on a fresh handshake instead of riding an old connection.
    Lease acquire(const std::string &identity);

    size_t idleCount() const;

private:
    void release(std::unique_ptr<Slot> slot);

    mutable std::mutex m_mutex;
    const size_t m_maxIdle;
    std::string m_identity;
    std::shared_ptr<CurlShare> m_share;
    std::vector<std::unique_ptr<Slot>> m_idle;  // most recently used last
};

} // namespace kube
