// A bearer token read from a file (kubeconfig tokenFile, or a projected service account token)
// and re-read periodically and after a 401, like client-go's cached file token source.
#pragma once

#include "kubeclient/kubeconfig/credentials.h"

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>

namespace kube {

class TokenFileCredentials final : public CredentialProvider
{
public:
    // client-go re-reads token files every minute: rotated tokens are picked up without a restart.
    static constexpr std::chrono::seconds kDefaultRefresh{60};

    TokenFileCredentials(std::string path, std::string where, AuthMaterial base = {},
                         std::chrono::seconds refresh = kDefaultRefresh,
                         std::function<std::chrono::steady_clock::time_point()> clock = {});

    Result<AuthMaterial> current(const CancelTokenPtr &cancel) override;
    void invalidate() override;
    std::string describe() const override { return "token file " + m_path; }

    // Reads and trims one token file; an empty file is an error, as in client-go.
    static Result<std::string> readToken(const std::string &path, const std::string &where);

private:
    std::chrono::steady_clock::time_point now() const;

    std::string m_path;
    std::string m_where;
    AuthMaterial m_base;
    std::chrono::seconds m_refresh;
    std::function<std::chrono::steady_clock::time_point()> m_clock;
    std::mutex m_mutex;
    std::optional<std::string> m_token;
    std::chrono::steady_clock::time_point m_readAt{};
};

} // namespace kube
