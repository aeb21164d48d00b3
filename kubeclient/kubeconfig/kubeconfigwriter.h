// Writes changes back into one kubeconfig file the way kubectl does (re-encoding the whole
// file as clientcmd's v1 Config, sorted keys): used to persist refreshed OIDC tokens.
#pragma once

#include "kubeclient/core/result.h"

#include <map>
#include <string>

namespace kube {

class KubeconfigWriter
{
public:
    // Replaces users[userName].user.auth-provider.config in `path`. The file is re-read first
    // (another process may have changed it) and replaced atomically, keeping its permissions.
    static Result<void> updateAuthProviderConfig(const std::string &path, const std::string &userName,
                                                 const std::map<std::string, std::string> &config);
};

} // namespace kube
