// CancelWait: ties a CancelToken to everything one request may block on (rate limiter and
// Retry-After sleeps, curl_multi_poll), so cancel() from any thread ends the wait at once.
#pragma once

#include "kubeclient/core/canceltoken.h"

#include <curl/curl.h>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace kube {

class CancelWait
{
public:
    explicit CancelWait(CancelTokenPtr token);  // a null token never fires
    ~CancelWait();
    CancelWait(const CancelWait &) = delete;
    CancelWait &operator=(const CancelWait &) = delete;

    bool cancelled() const { return m_token && m_token->cancelled(); }

    // Sleeps for `duration`; returns false (early) when cancelled.
    bool sleepFor(std::chrono::steady_clock::duration duration);

    // The multi handle a transfer is polling; cancel() calls curl_multi_wakeup on it. Clear it
    // (nullptr) before the handle can be reused or destroyed: this waits for a wake-up in flight.
    void setMulti(CURLM *multi);

private:
    // Shared with the token's callback, which may still run after this object is gone
    // (CancelToken calls its wakers outside its lock).
    struct State {
        std::mutex mutex;
        std::condition_variable wake;
        CURLM *multi = nullptr;
    };

    CancelTokenPtr m_token;
    std::shared_ptr<State> m_state;
    int m_wakerId = 0;
};

} // namespace kube
