// Sign-in and sign-out: the order is chosen so a failure leaves nothing half done. The token is
// stored only after the server issued it, the kubeconfig entries only after the keyring took the
// token; sign-out removes the entries even when the keyring item is already gone.
#include "kubeclient/ksaccount/kslogin.h"

#include "kubeclient/kubeconfig/kubeconfigwriter.h"

#include <unistd.h>

#include <climits>
#include <filesystem>

namespace kube::ksaccount {

std::string KsLogin::defaultPluginCommand()
{
    char buffer[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", buffer, sizeof buffer - 1);
    if (n > 0) {
        const std::filesystem::path self(std::string(buffer, static_cast<size_t>(n)));
        std::error_code ignored;
        for (const auto &candidate : {self.parent_path() / "tenantryctl", self.parent_path() / "ctl" / "tenantryctl",
                                      self.parent_path().parent_path() / "ctl" / "tenantryctl"}) {
            if (std::filesystem::is_regular_file(candidate, ignored) && ::access(candidate.c_str(), X_OK) == 0)
                return std::filesystem::weakly_canonical(candidate, ignored).string();
        }
    }
    return "tenantryctl";
}

Result<void> KsLogin::writeEntries(const std::string &file, const KsAccount &account, const std::string &pluginCommand)
{
    return KubeconfigWriter::edit(file, [&](Kubeconfig &config) -> Result<void> {
        KubeconfigCluster cluster;
        cluster.server = account.server;
        cluster.certificateAuthority = account.caFile;
        cluster.insecureSkipTlsVerify = account.insecureSkipTlsVerify;
        config.clusters()[account.clusterEntryName()] = cluster;

        KubeconfigUser user;
        user.exec = account.toExec(pluginCommand);
        nlohmann::json mark;
        mark["server"] = account.server;
        mark["username"] = account.username;
        user.extensions.push_back({kUserExtension, mark});
        config.users()[account.contextName()] = user;

        KubeconfigContext context;
        context.cluster = account.clusterEntryName();
        context.user = account.contextName();
        config.contexts()[account.contextName()] = context;
        return {};
    });
}

Result<bool> KsLogin::removeEntries(const std::string &file, const KsAccount &account)
{
    bool removed = false;
    auto edited = KubeconfigWriter::edit(file, [&](Kubeconfig &config) -> Result<void> {
        removed = config.contexts().erase(account.contextName()) > 0;
        removed = config.users().erase(account.contextName()) > 0 || removed;
        // The cluster entry is shared by every user signed in to the same server.
        bool clusterUsed = false;
        for (const auto &[name, context] : config.contexts())
            clusterUsed = clusterUsed || context.cluster == account.clusterEntryName();
        if (!clusterUsed)
            config.clusters().erase(account.clusterEntryName());
        if (removed && config.currentContext() == account.contextName())
            config.setCurrentContext({});
        return {};
    });
    if (!edited)
        return edited.error();
    return removed;
}

Result<KsSignIn> KsLogin::login(const KsLoginRequest &request, SecretStore &store, const OAuthOptions &oauth,
                                const CancelTokenPtr &cancel)
{
    const KsAccount &account = request.account;
    auto token = KsOAuthClient(account, oauth).passwordGrant(request.password, cancel);
    if (!token)
        return token.error();
    if (auto saved = store.store(account.secretAttributes(), account.secretLabel(), token->toSecret()); !saved)
        return saved.error();

    KsSignIn out;
    out.kubeconfigFile = KubeconfigWriter::targetFile(request.kubeconfig);
    if (out.kubeconfigFile.empty())
        return Error::make(ErrorKind::Config, "no kubeconfig file to write the KubeSphere context into", {},
                           "set HOME or pass --kubeconfig FILE");
    const std::string command = request.pluginCommand.empty() ? defaultPluginCommand() : request.pluginCommand;
    if (auto written = writeEntries(out.kubeconfigFile, account, command); !written) {
        (void)store.remove(account.secretAttributes());  // no context, no reason to keep the token
        return written.error();
    }
    out.contextName = account.contextName();
    out.username = tokenUsername(token->accessToken);
    if (out.username.empty())
        out.username = account.username;
    out.expiresAt = token->expiresAt;
    return out;
}

Result<KsSignOut> KsLogin::logout(const KsAccount &account, const std::string &kubeconfig, SecretStore &store)
{
    KsSignOut out;
    auto removed = store.remove(account.secretAttributes());
    if (!removed)
        return removed.error();
    out.keyringItemRemoved = removed.value();

    auto config = Kubeconfig::loadFromEnvironment(kubeconfig);
    if (!config)
        return config.error();
    const KubeconfigContext *context = config->context(account.contextName());
    if (!context)
        return out;
    const std::string file = context->origin.file;
    auto entries = removeEntries(file, account);
    if (!entries)
        return entries.error();
    out.kubeconfigFile = file;
    out.contextName = account.contextName();
    return out;
}

Result<std::optional<KsAccount>> KsLogin::accountOf(const Kubeconfig &config, const std::string &contextName)
{
    auto resolved = config.resolve(contextName);
    if (!resolved)
        return resolved.error();
    if (!resolved->user.exec)
        return std::optional<KsAccount>{};
    return KsAccount::fromExec(*resolved->user.exec);
}

} // namespace kube::ksaccount
