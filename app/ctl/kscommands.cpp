// `tenantryctl login kubesphere`, `logout kubesphere` and `ks-credential` (the exec credential
// plugin the login's kubeconfig user runs, for kubectl; Tenantry serves it in process). All the
// work is kubeclient/ksaccount's; this file only reads flags and prints.
#include "commandargs.h"
#include "commands.h"
#include "passwordinput.h"

#include "kubeclient/ksaccount/kscredentials.h"
#include "kubeclient/ksaccount/kslogin.h"

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <string>

namespace ctl {

namespace {

using namespace kube::ksaccount;

int fail(const kube::Error &error)
{
    std::fprintf(stderr, "tenantryctl: %s\n", error.describe().c_str());
    return 1;
}

std::string localTime(std::chrono::system_clock::time_point t)
{
    const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
    std::tm local{};
    localtime_r(&seconds, &local);
    char buffer[64];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M:%S %Z", &local);
    return buffer;
}

// --server, --username and the TLS choice: the account, or a usage error naming the field.
bool accountFrom(const CommandArgs &args, KsAccount &out, int &exitCode)
{
    if (!args.has("--server") || !args.has("--username")) {
        exitCode = usageError(args, "--server and --username are required");
        return false;
    }
    auto account = KsAccount::make(args.value("--server"), args.value("--username"), args.value("--certificate-authority"),
                                   args.on("--insecure-skip-tls-verify"));
    if (!account) {
        exitCode = usageError(args, account.error().describe());
        return false;
    }
    out = std::move(account.value());
    return true;
}

bool kubesphereNoun(const CommandArgs &args, int &exitCode)
{
    if (args.positional().size() != 1 || args.positional().front() != "kubesphere") {
        exitCode = usageError(args, args.command() + " takes one argument: kubesphere");
        return false;
    }
    return true;
}

} // namespace

int runLogin(const CommandArgs &args)
{
    int code = 0;
    if (!kubesphereNoun(args, code))
        return code;
    KsAccount account;
    if (!accountFrom(args, account, code))
        return code;
    const std::string output = args.output();
    if (!output.empty() && output != "json")
        return usageError(args, "unsupported output format \"" + output + "\" (use json)");
    if (!args.on("--password-stdin") && !isatty(STDIN_FILENO))
        return usageError(args, "stdin is not a terminal: pass the password with --password-stdin");

    KsLoginRequest request;
    request.account = account;
    request.kubeconfig = args.value("--kubeconfig");
    request.pluginCommand = KsLogin::defaultPluginCommand();
    if (!readPasswordStdin(request.password))
        return 1;
    auto signedIn = KsLogin::login(request, *SecretServiceStore::shared());
    request.password.assign(request.password.size(), '\0');
    if (!signedIn)
        return fail(signedIn.error());

    if (output == "json") {
        nlohmann::ordered_json j;
        j["server"] = account.server;
        j["username"] = signedIn->username;
        j["context"] = signedIn->contextName;
        j["kubeconfig"] = signedIn->kubeconfigFile;
        j["expiresAt"] = std::chrono::duration_cast<std::chrono::seconds>(signedIn->expiresAt.time_since_epoch()).count();
        std::printf("%s\n", j.dump(2).c_str());
        return 0;
    }
    std::printf("Signed in to KubeSphere at %s as %s; the token is in the keyring until %s and is refreshed as needed.\n"
                "Context \"%s\" written to %s.\n"
                "Use it with: tenantryctl --context %s get workspaces   (kubectl --context %s works too)\n",
                account.server.c_str(), signedIn->username.c_str(), localTime(signedIn->expiresAt).c_str(),
                signedIn->contextName.c_str(), signedIn->kubeconfigFile.c_str(), signedIn->contextName.c_str(),
                signedIn->contextName.c_str());
    return 0;
}

int runLogout(const CommandArgs &args)
{
    int code = 0;
    if (!kubesphereNoun(args, code))
        return code;
    KsAccount account;
    if (!accountFrom(args, account, code))
        return code;
    auto out = KsLogin::logout(account, args.value("--kubeconfig"), *SecretServiceStore::shared());
    if (!out)
        return fail(out.error());
    if (!out->keyringItemRemoved && out->kubeconfigFile.empty()) {
        std::printf("Not signed in to KubeSphere at %s as %s: nothing to remove.\n", account.server.c_str(),
                    account.username.c_str());
        return 0;
    }
    std::printf("Signed out of KubeSphere at %s as %s:%s%s\n", account.server.c_str(), account.username.c_str(),
                out->keyringItemRemoved ? " keyring entry removed;" : " no keyring entry;",
                out->kubeconfigFile.empty() ? " no kubeconfig context." : (" context \"" + out->contextName + "\" removed from "
                                                                           + out->kubeconfigFile + ".").c_str());
    return 0;
}

int runKsCredential(const CommandArgs &args)
{
    if (!args.positional().empty())
        return usageError(args, "ks-credential takes no arguments");
    int code = 0;
    KsAccount account;
    if (!accountFrom(args, account, code))
        return code;
    KsCredentials credentials(account, SecretServiceStore::shared());
    auto token = credentials.token(nullptr);
    if (!token)
        return fail(token.error());
    std::printf("%s\n", KsCredentials::execCredential(token.value()).c_str());
    return 0;
}

} // namespace ctl
