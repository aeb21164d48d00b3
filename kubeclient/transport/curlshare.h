// CurlShare: a libcurl share handle (DNS cache + TLS session cache) usable from many threads.
// Connections are NOT shared through it: libcurl documents that as unsafe across threads.
#pragma once

#include <curl/curl.h>

#include <array>
#include <mutex>

namespace kube {

class CurlShare
{
public:
    CurlShare();
    ~CurlShare();
    CurlShare(const CurlShare &) = delete;
    CurlShare &operator=(const CurlShare &) = delete;

    CURLSH *handle() const { return m_share; }

private:
    static void lock(CURL *, curl_lock_data data, curl_lock_access, void *self);
    static void unlock(CURL *, curl_lock_data data, void *self);

    CURLSH *m_share = nullptr;
    // One mutex per kind of shared data, as libcurl's lock callback asks for.
    std::array<std::mutex, CURL_LOCK_DATA_LAST> m_locks;
};

} // namespace kube
