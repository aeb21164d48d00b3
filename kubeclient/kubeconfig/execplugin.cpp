// posix_spawn keeps a multi-threaded GUI process safe (no fork of a process with Qt's threads),
// and a new process group lets a hung plugin be killed together with anything it started.
#include "kubeclient/kubeconfig/execplugin.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <map>
#include <thread>

extern char **environ;

namespace kube {

namespace {

using Clock = std::chrono::steady_clock;

// After the pipes close, the process usually exits within microseconds; poll for it at this
// step rather than blocking, so a plugin that closed its output but lingers still times out.
constexpr std::chrono::milliseconds kReapStep{5};
// While the plugin runs, how often we look whether it has exited (its pipes may stay open
// in a child it left behind).
constexpr std::chrono::milliseconds kExitPoll{50};

class Fd
{
public:
    Fd() = default;
    explicit Fd(int fd) : m_fd(fd) {}
    ~Fd() { reset(); }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    int get() const { return m_fd; }
    void reset(int fd = -1)
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = fd;
    }

private:
    int m_fd = -1;
};

bool makePipe(Fd &readEnd, Fd &writeEnd)
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return false;
    readEnd.reset(fds[0]);
    writeEnd.reset(fds[1]);
    return true;
}

std::vector<std::string> buildEnvironment(const std::vector<std::pair<std::string, std::string>> &extra)
{
    std::vector<std::string> order;
    std::map<std::string, std::string> values;
    auto set = [&](const std::string &name, std::string entry) {
        auto [it, inserted] = values.emplace(name, entry);
        if (inserted)
            order.push_back(name);
        else
            it->second = std::move(entry);
    };
    for (char **e = environ; e && *e; ++e) {
        const std::string entry(*e);
        const auto eq = entry.find('=');
        set(eq == std::string::npos ? entry : entry.substr(0, eq), entry);
    }
    for (const auto &[name, value] : extra)
        set(name, name + "=" + value);
    std::vector<std::string> env;
    env.reserve(order.size());
    for (const auto &name : order)
        env.push_back(values[name]);
    return env;
}

} // namespace

ExecPluginOutcome ExecPlugin::run(const ExecPluginRequest &request, const CancelTokenPtr &cancel)
{
    ExecPluginOutcome outcome;
    const auto started = Clock::now();
    const auto deadline = started + request.timeout;

    Fd outRead, outWrite, errRead, errWrite, wakeRead, wakeWrite;
    if (!makePipe(outRead, outWrite) || !makePipe(errRead, errWrite) || !makePipe(wakeRead, wakeWrite)) {
        outcome.spawnErrno = errno;
        return outcome;
    }
    ::fcntl(wakeWrite.get(), F_SETFL, O_NONBLOCK);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, outWrite.get(), 1);
    posix_spawn_file_actions_adddup2(&actions, errWrite.get(), 2);

    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t emptyMask, defaults;
    sigemptyset(&emptyMask);
    sigemptyset(&defaults);
    // A GUI may ignore SIGPIPE or block signals in its threads; the plugin gets a clean slate.
    sigaddset(&defaults, SIGPIPE);
    sigaddset(&defaults, SIGINT);
    sigaddset(&defaults, SIGTERM);
    sigaddset(&defaults, SIGCHLD);
    posix_spawnattr_setsigmask(&attr, &emptyMask);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setpgroup(&attr, 0);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

    std::vector<std::string> argStrings;
    argStrings.push_back(request.command);
    argStrings.insert(argStrings.end(), request.args.begin(), request.args.end());
    std::vector<char *> argv;
    for (auto &a : argStrings)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> envStrings = buildEnvironment(request.extraEnv);
    std::vector<char *> envp;
    for (auto &e : envStrings)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    pid_t pid = -1;
    const bool isPath = request.command.find('/') != std::string::npos;
    const int rc = isPath ? ::posix_spawn(&pid, request.command.c_str(), &actions, &attr, argv.data(), envp.data())
                          : ::posix_spawnp(&pid, request.command.c_str(), &actions, &attr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    outWrite.reset();
    errWrite.reset();
    if (rc != 0) {
        outcome.spawnErrno = rc;
        outcome.status = (rc == ENOENT || rc == ENOTDIR) ? ExecPluginOutcome::Status::NotFound : ExecPluginOutcome::Status::SpawnFailed;
        outcome.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
        return outcome;
    }

    int wakeId = 0;
    if (cancel) {
        const int fd = wakeWrite.get();
        wakeId = cancel->onCancel([fd] {
            const char byte = 1;
            [[maybe_unused]] const auto n = ::write(fd, &byte, 1);
        });
    }

    // The plugin's exit is observed without reaping it (WNOWAIT): while the zombie exists its
    // process group id cannot be reused, so killing the group afterwards cannot hit a stranger.
    auto hasExited = [pid] {
        siginfo_t info{};
        return ::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid;
    };
    bool outOpen = true, errOpen = true;
    bool exited = false, timedOut = false, cancelled = false;
    char buffer[16384];
    while (outOpen || errOpen || !exited) {
        if (cancel && cancel->cancelled()) {
            cancelled = true;
            break;
        }
        // Rounded up: a deadline 0.4 ms away has not passed yet.
        const auto remaining = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (remaining <= 0) {
            timedOut = true;
            break;
        }
        if (!exited && hasExited()) {
            exited = true;
            // Anything the plugin left running in its group would hold our pipes open (Go's
            // os/exec would wait for it); the data already written stays readable.
            ::kill(-pid, SIGKILL);
        }
        if (!outOpen && !errOpen) {
            std::this_thread::sleep_for(kReapStep);
            continue;
        }
        pollfd fds[3] = {{outOpen ? outRead.get() : -1, POLLIN, 0},
                         {errOpen ? errRead.get() : -1, POLLIN, 0},
                         {wakeRead.get(), POLLIN, 0}};
        const int n = ::poll(fds, 3, static_cast<int>(std::min<long long>(remaining, exited ? 1000 : kExitPoll.count())));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        auto drain = [&](int index, bool &open, std::string &sink, std::size_t cap, bool *truncated) {
            if (!(fds[index].revents & (POLLIN | POLLHUP | POLLERR)))
                return;
            const ssize_t got = ::read(fds[index].fd, buffer, sizeof buffer);
            if (got < 0 && (errno == EINTR || errno == EAGAIN))
                return;
            if (got <= 0) {
                open = false;
                return;
            }
            const std::size_t room = cap > sink.size() ? cap - sink.size() : 0;
            sink.append(buffer, std::min<std::size_t>(room, static_cast<std::size_t>(got)));
            if (static_cast<std::size_t>(got) > room && truncated)
                *truncated = true;
        };
        drain(0, outOpen, outcome.out, request.maxStdoutBytes, &outcome.outTruncated);
        drain(1, errOpen, outcome.err, request.maxStderrBytes, nullptr);
    }

    if (!exited) {
        // Timed out or cancelled: the group holds the plugin and whatever it spawned (a login
        // helper, a sleeping subprocess); kill them all.
        ::kill(-pid, SIGKILL);
        ::kill(pid, SIGKILL);
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (cancel)
        cancel->removeOnCancel(wakeId);

    outcome.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
    if (timedOut && !exited)
        outcome.status = ExecPluginOutcome::Status::TimedOut;
    else if (cancelled && !exited)
        outcome.status = ExecPluginOutcome::Status::Cancelled;
    else if (WIFEXITED(status)) {
        outcome.status = ExecPluginOutcome::Status::Exited;
        outcome.exitCode = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        outcome.status = ExecPluginOutcome::Status::Signaled;
        outcome.signal = WTERMSIG(status);
    }
    return outcome;
}

} // namespace kube
