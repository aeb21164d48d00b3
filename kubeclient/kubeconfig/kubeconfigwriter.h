// Writes changes back into one kubeconfig file the way kubectl does (re-encoding the whole
// file as clientcmd's v1 Config, sorted keys): used to persist refreshed OIDC tokens.
#pragma once

#include "kubeclient/core/result.h"

#include <functional>
#include <map>
#include <string>

namespace kube {

class Kubeconfig;

class KubeconfigWriter
{
public:
    // Replaces users[userName].user.auth-provider.config in `path`. The file is re-read first
    // (another process may have changed it) and replaced atomically, keeping its permissions.
    static Result<void> updateAuthProviderConfig(const std::string &path, const std::string &userName,
                                                 const std::map<std::string, std::string> &config);

    // Reads `path` (an absent file is an empty config, created with mode 0600), lets `change`
    // edit it and writes the result back atomically, as `kubectl config set-*` does. Nothing is
    // written when `change` fails.
    static Result<void> edit(const std::string &path, const std::function<Result<void>(Kubeconfig &)> &change);

    // The file kubectl's `config set-*` writes new entries into: --kubeconfig, else the first
    // existing file of $KUBECONFIG, else its first entry, else ~/.kube/config.
    static std::string targetFile(const std::string &explicitPath);

private:
    static Result<void> writeFile(const std::string &path, const Kubeconfig &kubeconfig);
};

} // namespace kube
