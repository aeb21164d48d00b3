// Shared by the benchmarks that time a command: run it with stdout/stderr to /dev/null (or
// stdout to a file, to count what it wrote) and report its wall time, exit code and peak
// resident memory.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace bench {

struct Spawned {
    double seconds = -1;  // -1: could not start
    long maxRssKiB = -1;
    double cpuSeconds = -1;  // user + system
    int exitCode = -1;
};

inline Spawned spawnTimed(const std::vector<std::string> &argv, const std::string &stdoutPath = "/dev/null")
{
    Spawned out;
    std::vector<char *> args;
    for (const auto &a : argv)
        args.push_back(const_cast<char *>(a.c_str()));
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, stdoutPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    if (posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ) != 0) {
        posix_spawn_file_actions_destroy(&actions);
        return out;
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    posix_spawn_file_actions_destroy(&actions);
    out.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    out.maxRssKiB = usage.ru_maxrss;
    out.cpuSeconds = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    return out;
}

} // namespace bench
