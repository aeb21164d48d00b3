// The two clocks every bench table reports: wall time since a point, and the process's CPU time
// (on a loaded machine, CI or a parallel build, wall time mostly measures waiting for a core).
#pragma once

#include <chrono>
#include <ctime>

namespace bench {

using Clock = std::chrono::steady_clock;

inline double cpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

inline double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

} // namespace bench
