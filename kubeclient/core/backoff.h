// Exponential retry delays with jitter for list/watch loops, after client-go's reflector.
// The clock and the random source are injected so tests decide what "later" means.
#pragma once

#include <chrono>
#include <functional>

namespace kube {

// Defaults are client-go's reflector backoff (NewExponentialBackoffManager(800ms, 30s, 2min,
// 2.0, ...)): quick first retry for a blip, a ceiling that a user staring at a status bar
// still accepts, and forgetting past failures after two quiet minutes.
struct BackoffPolicy {
    std::chrono::milliseconds initial{800};
    std::chrono::milliseconds max{30'000};
    double factor = 2.0;
    // Each delay is shortened by up to this fraction, at random, so that the watches of one
    // client (and many clients after an API server restart) do not retry in lockstep.
    // client-go jitters upwards (up to 2x); we jitter downwards so "max" stays a promise.
    double jitter = 0.2;
    // No failure for this long means the connection is healthy again: start from "initial".
    std::chrono::milliseconds resetAfter{120'000};
};

class Backoff
{
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;
    using Random = std::function<double()>;  // uniform in [0, 1)

    // Empty clock/random mean steady_clock and a seeded Mersenne twister.
    explicit Backoff(BackoffPolicy policy = BackoffPolicy(), Clock clock = {}, Random random = {});

    // The delay before the next attempt; each call counts as one more failure.
    std::chrono::milliseconds next();
    void reset();
    int failures() const { return m_failures; }
    const BackoffPolicy &policy() const { return m_policy; }

private:
    BackoffPolicy m_policy;
    Clock m_clock;
    Random m_random;
    int m_failures = 0;
    std::chrono::steady_clock::time_point m_lastFailure{};
};

} // namespace kube
