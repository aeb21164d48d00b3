// Token file reading with a short-lived cache; a failed re-read keeps the last good token
// (client-go does the same), because a file being rotated may briefly be absent.
#include "kubeclient/kubeconfig/tokenfilecredentials.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace kube {

TokenFileCredentials::TokenFileCredentials(std::string path, std::string where, AuthMaterial base,
                                           std::chrono::seconds refresh,
                                           std::function<std::chrono::steady_clock::time_point()> clock)
    : m_path(std::move(path)), m_where(std::move(where)), m_base(std::move(base)), m_refresh(refresh), m_clock(std::move(clock))
{
}

std::chrono::steady_clock::time_point TokenFileCredentials::now() const
{
    return m_clock ? m_clock() : std::chrono::steady_clock::now();
}

Result<std::string> TokenFileCredentials::readToken(const std::string &path, const std::string &where)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const int err = errno;
        return Error::make(ErrorKind::Auth, "token file " + path + " cannot be read: " + std::strerror(err), where,
                           err == ENOENT ? "fix tokenFile in the kubeconfig (relative paths start at the kubeconfig's directory)"
                                         : "check the file's permissions");
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    std::string token = buffer.str();
    const auto b = token.find_first_not_of(" \t\r\n");
    if (b == std::string::npos)
        return Error::make(ErrorKind::Auth, "token file " + path + " is empty", where,
                           "write the bearer token into the file, or remove tokenFile from the kubeconfig");
    const auto e = token.find_last_not_of(" \t\r\n");
    return token.substr(b, e - b + 1);
}

Result<AuthMaterial> TokenFileCredentials::current(const CancelTokenPtr &)
{
    std::lock_guard lock(m_mutex);
    if (!m_token || now() - m_readAt >= m_refresh) {
        auto token = readToken(m_path, m_where);
        if (!token) {
            if (!m_token)
                return token.error();
            // Keep serving the previous token; try the file again at the next refresh.
        } else {
            m_token = std::move(token.value());
        }
        m_readAt = now();
    }
    AuthMaterial material = m_base;
    material.bearerToken = *m_token;
    return material;
}

void TokenFileCredentials::invalidate()
{
    std::lock_guard lock(m_mutex);
    // Force a re-read on next use, but keep the old value as a fallback if the read fails.
    m_readAt = std::chrono::steady_clock::time_point{};
    if (m_token)
        m_readAt = now() - m_refresh;
}

} // namespace kube
