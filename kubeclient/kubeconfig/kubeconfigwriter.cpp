// kubectl's persister rewrites the file that defines the user with clientcmd.WriteToFile; the
// same document is what `config view --raw --merge=false` prints, so that rendering is reused.
#include "kubeclient/kubeconfig/kubeconfigwriter.h"

#include "kubeclient/kubeconfig/kubeconfig.h"
#include "kubeclient/kubeconfig/kubeconfigfile.h"
#include "kubeclient/kubeconfig/kubeconfigview.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
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

    struct stat st {};
    const mode_t mode = ::stat(path.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0600;
    const std::string temp = path + ".tenantry-tmp";
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0)
        return Error::make(ErrorKind::Config, std::string("cannot write the kubeconfig: ") + std::strerror(errno), path,
                           "check the permissions of the kubeconfig's directory");
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const int err = errno;
            ::close(fd);
            ::unlink(temp.c_str());
            return Error::make(ErrorKind::Config, std::string("cannot write the kubeconfig: ") + std::strerror(err), path);
        }
        written += static_cast<std::size_t>(n);
    }
    ::fchmod(fd, mode);
    if (::fsync(fd) != 0 || ::close(fd) != 0 || ::rename(temp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        return Error::make(ErrorKind::Config, std::string("cannot replace the kubeconfig: ") + std::strerror(err), path);
    }
    return {};
}

} // namespace kube
