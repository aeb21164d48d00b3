// Signing in to and out of a KubeSphere account, for the GUI and tenantryctl alike.
//
//     auto account = KsAccount::make(url, "alice", caFile, false);      // field-named errors
//     KsLoginRequest request{*account, password, kubeconfigFlag, KsLogin::defaultPluginCommand()};
//     auto signedIn = KsLogin::login(request, *SecretServiceStore::shared());
//     // signedIn->contextName is a kubeconfig context: every command (and kubectl) uses it
//     KsLogin::logout(*account, kubeconfigFlag, *SecretServiceStore::shared());
//
// login: password grant → tokens into the keyring → a kubeconfig cluster (the KubeSphere
// address, its CA or insecure-skip-tls-verify), a user whose exec plugin is `tenantryctl
// ks-credential` (so kubectl can use the session too) and a context, written like `kubectl
// config set-*` does. The current context is left alone. logout removes the keyring item and
// those entries. The password is used for the one request and kept nowhere.
#pragma once

#include "kubeclient/core/canceltoken.h"
#include "kubeclient/core/result.h"
#include "kubeclient/kubeconfig/kubeconfig.h"
#include "kubeclient/ksaccount/ksaccount.h"
#include "kubeclient/ksaccount/ksoauthclient.h"
#include "kubeclient/ksaccount/secretstore.h"

#include <chrono>
#include <optional>
#include <string>

namespace kube::ksaccount {

struct KsLoginRequest {
    KsAccount account;
    std::string password;
    std::string kubeconfig;     // --kubeconfig; empty: the file kubectl's `config set-*` would write
    std::string pluginCommand;  // how kubeconfig users run tenantryctl (defaultPluginCommand())
};

struct KsSignIn {
    std::string kubeconfigFile;
    std::string contextName;
    std::string username;  // as the token names it
    std::chrono::system_clock::time_point expiresAt{};
};

struct KsSignOut {
    bool keyringItemRemoved = false;
    std::string kubeconfigFile;  // empty when no entries were found
    std::string contextName;
};

class KsLogin
{
public:
    static Result<KsSignIn> login(const KsLoginRequest &request, SecretStore &store, const OAuthOptions &oauth = {},
                                  const CancelTokenPtr &cancel = nullptr);
    // Removes the keyring item and the kubeconfig entries of the account (found in the files
    // `kubeconfig` / $KUBECONFIG name); succeeds when there was nothing left to remove.
    static Result<KsSignOut> logout(const KsAccount &account, const std::string &kubeconfig, SecretStore &store);

    // The KubeSphere account behind a context of a loaded config (nullopt: not a sign-in).
    static Result<std::optional<KsAccount>> accountOf(const Kubeconfig &config, const std::string &contextName);

    // Absolute path of tenantryctl beside the running program (tenantryctl itself, or the
    // GUI's sibling), else "tenantryctl" (found through PATH when run).
    static std::string defaultPluginCommand();

    // The entries alone (login and logout use them).
    static Result<void> writeEntries(const std::string &file, const KsAccount &account, const std::string &pluginCommand);
    static Result<bool> removeEntries(const std::string &file, const KsAccount &account);
};

} // namespace kube::ksaccount
