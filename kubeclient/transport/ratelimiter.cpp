// Token bucket arithmetic for RateLimiter; the waiting itself is done by the caller so that it
// can be interrupted by a CancelToken.
#include "kubeclient/transport/ratelimiter.h"

#include <algorithm>

namespace kube {

RateLimiter::RateLimiter(double qps, int burst, Clock::time_point now)
    : m_qps(qps), m_burst(std::max(1, burst)), m_tokens(m_burst), m_last(now)
{
}

RateLimiter::Clock::duration RateLimiter::reserve(Clock::time_point now)
{
    if (unlimited())
        return Clock::duration::zero();

    std::lock_guard lock(m_mutex);
    // Callers may pass slightly older time points than a concurrent caller did; never let the
    // bucket run backwards.
    if (now > m_last) {
        const double elapsed = std::chrono::duration<double>(now - m_last).count();
        m_tokens = std::min(m_burst, m_tokens + elapsed * m_qps);
        m_last = now;
    }
    m_tokens -= 1.0;
    if (m_tokens >= 0.0)
        return Clock::duration::zero();
    const std::chrono::duration<double> wait(-m_tokens / m_qps);
    return std::chrono::ceil<Clock::duration>(wait);
}

} // namespace kube
