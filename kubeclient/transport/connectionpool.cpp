// ConnectionPool: slots are multi+easy pairs because the connection cache lives in the multi
// handle; each transfer runs on its own multi so the caller's thread can poll it and be woken.
#include "kubeclient/transport/connectionpool.h"

#include <openssl/evp.h>

#include <new>

#include "kubeclient/transport/curlshare.h"

#include <new>

namespace kube {

struct ConnectionPool::Slot {
    // Destruction runs bottom-up: the multi (closing its cached connections) goes while the
    // easy handle that opened them still exists, and the share outlives every handle using it.
    std::shared_ptr<CurlShare> share;
    std::string identity;
    CurlEasy easy;
    CurlMulti multi;
};

ConnectionPool::Lease::Lease(ConnectionPool *pool, std::unique_ptr<Slot> slot)
    : m_pool(pool), m_slot(std::move(slot))
{
}

ConnectionPool::Lease::~Lease()
{
    if (m_pool && m_slot)
        m_pool->release(std::move(m_slot));
}

ConnectionPool::Lease::Lease(Lease &&other) noexcept
    : m_pool(other.m_pool), m_slot(std::move(other.m_slot))
{
    other.m_pool = nullptr;
}

CURL *ConnectionPool::Lease::easy() const { return m_slot->easy.get(); }
CURLM *ConnectionPool::Lease::multi() const { return m_slot->multi.get(); }

ConnectionPool::ConnectionPool(size_t maxIdle) : m_maxIdle(maxIdle)
{
    ensureCurlGlobalInit();
}

ConnectionPool::~ConnectionPool() = default;

ConnectionPool::Lease ConnectionPool::acquire(const std::string &identity)
{
    std::unique_ptr<Slot> slot;
    std::vector<std::unique_ptr<Slot>> stale;  // closed outside the lock
    std::shared_ptr<CurlShare> share;
    {
        std::lock_guard lock(m_mutex);
        if (!m_share || identity != m_identity) {
            m_identity = identity;
            stale.swap(m_idle);
            // A new share too: TLS sessions resumed from the old identity must not carry it over.
            m_share = std::make_shared<CurlShare>();
        }
        if (!m_idle.empty()) {
            slot = std::move(m_idle.back());
            m_idle.pop_back();
        }
        share = m_share;
    }
    stale.clear();
    if (slot)
        return Lease(this, std::move(slot));

    slot = std::make_unique<Slot>();
    slot->share = std::move(share);
    slot->identity = identity;
    slot->easy.reset(curl_easy_init());
    slot->multi.reset(curl_multi_init());
    if (!slot->easy || !slot->multi)
        throw std::bad_alloc();
    // Set once: curl_easy_reset() between requests keeps the share attached.
    curl_easy_setopt(slot->easy.get(), CURLOPT_SHARE, slot->share->handle());
    return Lease(this, std::move(slot));
}

void ConnectionPool::release(std::unique_ptr<Slot> slot)
{
    {
        std::lock_guard lock(m_mutex);
        if (slot->identity == m_identity && slot->share == m_share && m_idle.size() < m_maxIdle) {
            m_idle.push_back(std::move(slot));
            return;
        }
    }
    slot.reset();  // outside the lock: closing connections may take a moment
}

size_t ConnectionPool::idleCount() const
{
    std::lock_guard lock(m_mutex);
    return m_idle.size();
}

std::string ConnectionPool::identityOf(const AuthMaterial &auth)
{
    if (!auth.hasClientCert())
        return {};
    std::string material = auth.clientCertPem;
    material.push_back('\0');
    material += auth.clientKeyPem;
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(material.data(), material.size(), digest, &length, EVP_sha256(), nullptr) != 1)
        throw std::bad_alloc();
    return std::string(reinterpret_cast<const char *>(digest), length);
}

} // namespace kube
