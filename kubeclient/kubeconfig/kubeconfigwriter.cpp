// kubectl's persister rewrites the file that defines the user with clientcmd.WriteToFile; the
// same document is what `config view --raw --merge=false` prints, so that rendering is reused.
#include "kubeclient/kubeconfig/kubeconfigwriter.h"

#include "kubeclient/core/atomicfile.h"
#include "kubeclient/kubeconfig/kubeconfig.h"
#include "kubeclient/kubeconfig/kubeconfigfile.h"
#include "kubeclient/kubeconfig/kubeconfigview.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <thread>
#include <utility>

namespace kube {

namespace {

// kubectl's own lock (clientcmd.ModifyConfig): "<file>.lock" made with O_CREAT|O_EXCL around the
// read-modify-write, so Tenantry and kubectl (`config set-*`, its own OIDC token refresh) never
// lose each other's change to the same file. kubectl gives up at once on a held lock; Tenantry
// waits up to ten seconds (on a loaded machine a writer holding it can be descheduled for a
// while; the writes run on workers, never the GUI thread). A lock older than a minute was left
// by a writer that crashed (kubectl holds it for milliseconds): it is taken over.
class FileLock
{
public:
    static Result<FileLock> take(const std::string &path)
    {
        using namespace std::chrono;
        const std::string name = path + ".lock";
        const auto deadline = steady_clock::now() + seconds(10);
        for (;;) {
            const int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
            if (fd >= 0) {
                ::close(fd);
                return FileLock(name);
            }
            if (errno != EEXIST)
                return Error::make(ErrorKind::Config, std::string("cannot lock the kubeconfig: ") + std::strerror(errno), name);
            struct stat st {};
            if (::stat(name.c_str(), &st) == 0 && ::time(nullptr) - st.st_mtime > 60) {
                ::unlink(name.c_str());  // a crashed writer's
                continue;
            }
            if (steady_clock::now() > deadline)
                return Error::make(ErrorKind::Config, "the kubeconfig is locked by another writer (kubectl or Tenantry)", name,
                                   "try again; if no kubectl or Tenantry is running, remove " + name);
            std::this_thread::sleep_for(milliseconds(20));
        }
    }
    FileLock(FileLock &&other) noexcept : m_name(std::exchange(other.m_name, {})) {}
    FileLock &operator=(FileLock &&) = delete;
    ~FileLock()
    {
        if (!m_name.empty())
            ::unlink(m_name.c_str());
    }

private:
    explicit FileLock(std::string name) : m_name(std::move(name)) {}
    std::string m_name;
};

} // namespace

Result<void> KubeconfigWriter::updateAuthProviderConfig(const std::string &path, const std::string &userName,
                                                        const std::map<std::string, std::string> &config)
{
    auto lock = FileLock::take(path);
    if (!lock)
        return lock.error();
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
    std::error_code ignored;
    if (const auto dir = std::filesystem::path(path).parent_path(); !dir.empty())
        std::filesystem::create_directories(dir, ignored);  // ~/.kube on a fresh account
    auto lock = FileLock::take(path);
    if (!lock)
        return lock.error();
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
