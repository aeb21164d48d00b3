// RateLimiter: the client-side token bucket (qps, burst) that keeps one Tenantry instance from
// flooding an API server, like client-go's default flowcontrol limiter.
#pragma once

#include <chrono>
#include <mutex>

namespace kube {

class RateLimiter
{
public:
    using Clock = std::chrono::steady_clock;

    // qps <= 0 disables limiting (as client-go does for a negative QPS); burst < 1 counts as 1.
    // The bucket starts full so a fresh client can send `burst` requests at once.
    RateLimiter(double qps, int burst, Clock::time_point now = Clock::now());

    // Takes one token and returns how long the caller must wait before using it (zero: go now).
    // Tokens may go negative: that is a reservation queued behind earlier callers, so concurrent
    // callers are spaced 1/qps apart instead of all waking at the same instant. The time is
    // passed in so tests can drive the bucket with a fake clock.
    Clock::duration reserve(Clock::time_point now);

    bool unlimited() const { return m_qps <= 0.0; }

private:
    mutable std::mutex m_mutex;
    const double m_qps;
    const double m_burst;
    double m_tokens;
    Clock::time_point m_last;
};

} // namespace kube
