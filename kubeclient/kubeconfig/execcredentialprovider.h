// Credentials from a client-go exec plugin (client.authentication.k8s.io v1 / v1beta1): runs
// the kubeconfig's command, reads the ExecCredential it prints, caches it until its
// expirationTimestamp or until the server rejects it.
#pragma once

#include "kubeclient/kubeconfig/credentials.h"
#include "kubeclient/kubeconfig/kubeconfigtypes.h"

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace kube {

// What the GUI shows when asking whether a kubeconfig may run a program. Environment values
// are left out: they may hold secrets, and the names say enough about what is configured.
struct ExecApprovalRequest {
    std::string userName;        // kubeconfig user entry
    std::string where;           // file:line of that entry
    std::string command;         // as it will be run (relative paths already resolved)
    std::vector<std::string> args;
    std::vector<std::string> envNames;
};

// Called before a provider first runs its plugin; false refuses (an Auth error follows).
using ExecApprovalHook = std::function<bool(const ExecApprovalRequest &)>;
using SystemClock = std::function<std::chrono::system_clock::time_point()>;

// The decoded `status` of an ExecCredential.
struct ExecCredentialStatus {
    std::string token;
    std::string clientCertificateData;
    std::string clientKeyData;
    std::optional<std::chrono::system_clock::time_point> expirationTimestamp;
};

struct ExecCredentialSettings {
    std::string userName;
    std::string where;            // origin of the user entry, for messages
    KubeconfigExecConfig exec;    // command resolved against the kubeconfig's directory
    nlohmann::json clusterInfo;   // spec.cluster when exec.provideClusterInfo (else null)
    std::chrono::milliseconds timeout{30'000};
    ExecApprovalHook approve;
    AuthMaterial base;            // kubeconfig material the plugin's output completes
    SystemClock clock;            // empty: the system clock
};

class ExecCredentialProvider final : public CredentialProvider
{
public:
    // Validates apiVersion, interactiveMode and env as client-go does before any run.
    static Result<std::shared_ptr<ExecCredentialProvider>> create(ExecCredentialSettings settings);

    Result<AuthMaterial> current(const CancelTokenPtr &cancel) override;
    void invalidate() override;
    std::string describe() const override;

    // Parses a plugin's stdout; the messages never quote the output (it may hold a token).
    static Result<ExecCredentialStatus> parseCredential(const std::string &stdoutText, const std::string &apiVersion);
    // The KUBERNETES_EXEC_INFO value passed to the plugin.
    std::string execInfo() const;
    // How often the plugin has been run by this provider.
    int runCount() const;

private:
    explicit ExecCredentialProvider(ExecCredentialSettings settings);
    std::chrono::system_clock::time_point now() const;
    // `stdoutText`: what the plugin printed; credentials found in it are redacted from stderr.
    Error failure(std::string message, const std::string &stderrText, const std::string &stdoutText = {}) const;

    ExecCredentialSettings m_settings;
    mutable std::mutex m_mutex;
    std::optional<AuthMaterial> m_cached;
    std::optional<std::chrono::system_clock::time_point> m_expiry;
    bool m_approved = false;
    int m_runs = 0;
};

} // namespace kube
