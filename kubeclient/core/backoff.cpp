// Backoff: capped exponential growth, downward jitter, reset after a quiet period.
// Pure arithmetic over the injected clock and random source; it never sleeps itself.
#include "kubeclient/core/backoff.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <random>

namespace kube {

Backoff::Backoff(BackoffPolicy policy, Clock clock, Random random)
    : m_policy(policy)
    , m_clock(std::move(clock))
    , m_random(std::move(random))
{
    if (!m_clock)
        m_clock = [] { return std::chrono::steady_clock::now(); };
    if (!m_random) {
        auto engine = std::make_shared<std::mt19937_64>(std::random_device{}());
        m_random = [engine] { return std::uniform_real_distribution<double>(0.0, 1.0)(*engine); };
    }
}

std::chrono::milliseconds Backoff::next()
{
    const auto now = m_clock();
    if (m_failures > 0 && now - m_lastFailure > m_policy.resetAfter)
        m_failures = 0;
    m_lastFailure = now;

    const double initial = static_cast<double>(m_policy.initial.count());
    const double ceiling = static_cast<double>(m_policy.max.count());
    // Capping the exponent first keeps pow() finite however long the outage lasts.
    const double growth = std::pow(m_policy.factor, std::min(m_failures, 64));
    const double base = std::min(initial * growth, ceiling);
    const double u = std::clamp(m_random(), 0.0, 1.0);
    const double jittered = base * (1.0 - std::clamp(m_policy.jitter, 0.0, 1.0) * u);
    ++m_failures;
    return std::chrono::milliseconds(std::max<long long>(1, std::llround(jittered)));
}

void Backoff::reset()
{
    m_failures = 0;
}

} // namespace kube
