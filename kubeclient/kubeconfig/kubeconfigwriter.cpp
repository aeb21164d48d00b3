// kubectl's persister rewrites the file that defines the user with clientcmd.WriteToFile; the
// same document is what `config view --raw --merge=false` prints, so that rendering is reused.
#include "kubeclient/kubeconfig/kubeconfigwriter.h"

#include "kubeclient/core/atomicfile.h"
#include "kubeclient/kubeconfig/kubeconfig.h"
#include "kubeclient/kubeconfig/kubeconfigfile.h"
#include "kubeclient/kubeconfig/kubeconfigview.h"

#include <sys/stat.h>
#include <filesystem>

namespace kube {

Result<void> KubeconfigWriter::updateAuthProviderConfig(const std::string &path, const std::string &userName,
                                                        const std::map<std::string, std::string> &config)
{
    auto file = KubeconfigFile::read(path);
    if (!file)
        return file.error();
    Kubeconfig kubeconfig = Kubeconfig::merge({file.value()});
    auto it = kubeconfig.users().find(userName);
    if (it == kubeconfig.users().end() || !it->second.authProvider)
        return Error::make(ErrorKind::Config, "user \"" + userName + "\" with an auth-provider is no longer in this file", path,
                           "the kubeconfig changed while Tenantry was running; log in again");
    it->second.authProvider->config = config;
    return writeFile(path, kubeconfig);
}

Result<void> KubeconfigWriter::edit(const std::string &path, const std::function<Result<void>(Kubeconfig &)> &change)
{
    Kubeconfig kubeconfig;
    struct stat existing {};
    if (::stat(path.c_str(), &existing) == 0) {
        auto file = KubeconfigFile::read(path);
        if (!file)
            return file.error();
        kubeconfig = Kubeconfig::merge({file.value()});
    }
    if (auto changed = change(kubeconfig); !changed)
        return changed.error();
    std::error_code ignored;
    if (const auto dir = std::filesystem::path(path).parent_path(); !dir.empty())
        std::filesystem::create_directories(dir, ignored);  // ~/.kube on a fresh account
    return writeFile(path, kubeconfig);
}

std::string KubeconfigWriter::targetFile(const std::string &explicitPath)
{
    const KubeconfigSources sources = KubeconfigSources::fromEnvironment(explicitPath);
    const std::vector<std::string> files = sources.precedence();
    for (const auto &file : files) {
        struct stat st {};
        if (::stat(file.c_str(), &st) == 0)
            return file;
    }
    return files.empty() ? std::string() : files.front();
}

Result<void> KubeconfigWriter::writeFile(const std::string &path, const Kubeconfig &kubeconfig)
{
    KubeconfigViewOptions raw;
    raw.raw = true;
    auto document = KubeconfigView::render(kubeconfig, raw);
    if (!document)
        return document.error();
    const std::string text = KubeconfigView::toYaml(document.value());

    // Temp file beside it, fsync, rename: a crash leaves the old file whole; the mode is kept.
    AtomicWriteOptions options;
    options.what = "the kubeconfig";
    return writeFileAtomically(path, text, options);
}

} // namespace kube
