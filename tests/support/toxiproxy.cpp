// Toxiproxy: starts toxiproxy-server as a child process and drives its HTTP API with kubeclient's
// own transport (plain http on loopback).
#include "tests/support/toxiproxy.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <thread>
#include <vector>

extern char **environ;

namespace testsupport {

int freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    int port = 0;
    socklen_t len = sizeof(addr);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

std::string Toxiproxy::binaryPath(const std::string &sourceDir)
{
    if (const char *env = std::getenv("TENANTRY_TOXIPROXY"); env && *env)
        return env;
    return sourceDir + "/tools/toxiproxy/bin/toxiproxy-server";
}

Toxiproxy::Toxiproxy(const std::string &binary)
{
    if (::access(binary.c_str(), X_OK) != 0) {
        m_error = binary + " is missing: run scripts/toxiproxy build";
        return;
    }
    m_apiPort = freeLoopbackPort();
    const std::string port = std::to_string(m_apiPort);
    std::vector<std::string> args = {binary, "-host", "127.0.0.1", "-port", port};
    std::vector<char *> argv;
    for (auto &a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    // Its log (one line per connection and toxic) is noise in a test's output.
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    const int rc = posix_spawn(&m_pid, binary.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        m_pid = -1;
        m_error = "cannot start " + binary;
        return;
    }
    kube::TransportConfig config;
    config.server = "http://127.0.0.1:" + port;
    config.where = "toxiproxy";
    config.qps = 0;
    config.requestTimeoutMs = 10'000;
    m_api = std::make_unique<kube::Transport>(config);
    for (int i = 0; i < 200; ++i) {
        nlohmann::json version;
        if (call("GET", "/version", {}, &version)) {
            m_error.clear();
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    m_error = "toxiproxy-server did not answer on port " + port + ": " + m_error;
}

Toxiproxy::~Toxiproxy()
{
    if (m_pid <= 0)
        return;
    ::kill(m_pid, SIGTERM);
    for (int i = 0; i < 50; ++i) {
        if (::waitpid(m_pid, nullptr, WNOHANG) == m_pid)
            return;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ::kill(m_pid, SIGKILL);
    ::waitpid(m_pid, nullptr, 0);
}

bool Toxiproxy::call(const std::string &method, const std::string &path, const std::string &body,
                     nlohmann::json *out)
{
    if (!m_api) {
        m_error = "toxiproxy is not running";
        return false;
    }
    kube::HttpRequest request;
    request.method = method;
    request.path = path;
    request.body = body;
    auto response = m_api->send(request);
    if (!response) {
        m_error = response.error().describe();
        return false;
    }
    if (!response->isSuccess()) {
        m_error = method + " " + path + ": HTTP " + std::to_string(response->status) + ": " + response->body;
        return false;
    }
    if (out) {
        *out = nlohmann::json::parse(response->body, nullptr, false);
        if (out->is_discarded())
            *out = nlohmann::json();
    }
    return true;
}

std::string Toxiproxy::createProxy(const std::string &name, const std::string &upstream)
{
    const std::string listen = "127.0.0.1:" + std::to_string(freeLoopbackPort());
    const nlohmann::json body = {{"name", name}, {"listen", listen}, {"upstream", upstream}, {"enabled", true}};
    nlohmann::json answer;
    if (!call("POST", "/proxies", body.dump(), &answer))
        return {};
    return answer.value("listen", listen);
}

bool Toxiproxy::addToxic(const std::string &proxy, const std::string &toxic, const std::string &type,
                         const std::string &stream, const nlohmann::json &attributes, double toxicity)
{
    const nlohmann::json body = {{"name", toxic}, {"type", type}, {"stream", stream}, {"toxicity", toxicity},
                                 {"attributes", attributes}};
    return call("POST", "/proxies/" + proxy + "/toxics", body.dump(), nullptr);
}

bool Toxiproxy::removeToxic(const std::string &proxy, const std::string &toxic)
{
    return call("DELETE", "/proxies/" + proxy + "/toxics/" + toxic, {}, nullptr);
}

bool Toxiproxy::setEnabled(const std::string &proxy, bool enabled)
{
    return call("POST", "/proxies/" + proxy, nlohmann::json{{"enabled", enabled}}.dump(), nullptr);
}

bool Toxiproxy::reset()
{
    return call("POST", "/reset", {}, nullptr);
}

nlohmann::json Toxiproxy::proxy(const std::string &name)
{
    nlohmann::json out;
    (void)call("GET", "/proxies/" + name, {}, &out);
    return out;
}

} // namespace testsupport
