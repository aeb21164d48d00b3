// Runs a credential plugin process: no shell, stdin from /dev/null, stdout and stderr captured
// through pipes, a deadline after which the whole process group is killed, and cancellation.
#pragma once

#include "kubeclient/core/canceltoken.h"

#include <chrono>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace kube {

struct ExecPluginRequest {
    // A path (contains '/') is run as is; a bare name is looked up in this process's PATH,
    // as client-go's exec.Command does.
    std::string command;
    std::vector<std::string> args;
    // Added to this process's environment; a later entry wins over an earlier one with the
    // same name (Go's os/exec rule).
    std::vector<std::pair<std::string, std::string>> extraEnv;
    std::chrono::milliseconds timeout{30'000};
    std::size_t maxStdoutBytes = 4u << 20;  // an ExecCredential is a few KiB; more is garbage
    std::size_t maxStderrBytes = 64u << 10;
};

struct ExecPluginOutcome {
    enum class Status { Exited, Signaled, TimedOut, Cancelled, NotFound, SpawnFailed };

    Status status = Status::SpawnFailed;
    int exitCode = -1;       // Exited
    int signal = 0;          // Signaled
    int spawnErrno = 0;      // NotFound / SpawnFailed
    std::string out;         // stdout (may hold secrets: never put it in a message)
    std::string err;         // stderr, capped at maxStderrBytes
    bool outTruncated = false;
    std::chrono::milliseconds elapsed{0};

    bool succeeded() const { return status == Status::Exited && exitCode == 0; }
};

class ExecPlugin
{
public:
    static ExecPluginOutcome run(const ExecPluginRequest &request, const CancelTokenPtr &cancel = nullptr);
};

} // namespace kube
