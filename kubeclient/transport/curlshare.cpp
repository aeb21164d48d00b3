// CurlShare: sets up the share handle and the per-data-kind locking libcurl calls back into.
// Sharing TLS sessions lets a second concurrent connection resume instead of a full handshake.
#include "kubeclient/transport/curlshare.h"

#include "kubeclient/transport/curlhandles.h"

#include <new>

namespace kube {

CurlShare::CurlShare()
{
    ensureCurlGlobalInit();
    m_share = curl_share_init();
    if (!m_share)
        throw std::bad_alloc();
    curl_share_setopt(m_share, CURLSHOPT_LOCKFUNC, &CurlShare::lock);
    curl_share_setopt(m_share, CURLSHOPT_UNLOCKFUNC, &CurlShare::unlock);
    curl_share_setopt(m_share, CURLSHOPT_USERDATA, this);
    curl_share_setopt(m_share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
    curl_share_setopt(m_share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
}

CurlShare::~CurlShare()
{
    // Owners destroy every easy handle using the share first (ConnectionPool::Slot member order),
    // so this cannot fail with CURLSHE_IN_USE.
    curl_share_cleanup(m_share);
}

void CurlShare::lock(CURL *, curl_lock_data data, curl_lock_access, void *self)
{
    static_cast<CurlShare *>(self)->m_locks.at(static_cast<size_t>(data)).lock();
}

void CurlShare::unlock(CURL *, curl_lock_data data, void *self)
{
    static_cast<CurlShare *>(self)->m_locks.at(static_cast<size_t>(data)).unlock();
}

} // namespace kube
