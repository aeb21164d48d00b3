// Go filepath semantics in a few lines; kept separate so the loader, the view's --flatten and
// the credential providers all resolve a reference identically.
#include "kubeclient/kubeconfig/kubeconfigpath.h"

#include <unistd.h>

#include <cstdlib>

#include <vector>

namespace kube {

std::string KubeconfigPath::clean(const std::string &path)
{
    if (path.empty())
        return ".";
    const bool rooted = path[0] == '/';
    std::vector<std::string> parts;
    std::size_t i = 0;
    while (i < path.size()) {
        std::size_t j = path.find('/', i);
        if (j == std::string::npos)
            j = path.size();
        const std::string part = path.substr(i, j - i);
        i = j + 1;
        if (part.empty() || part == ".")
            continue;
        if (part == "..") {
            if (!parts.empty() && parts.back() != "..")
                parts.pop_back();
            else if (!rooted)
                parts.push_back(part);
            continue;
        }
        parts.push_back(part);
    }
    std::string out = rooted ? "/" : "";
    for (std::size_t k = 0; k < parts.size(); ++k) {
        if (k)
            out += '/';
        out += parts[k];
    }
    return out.empty() ? "." : out;
}

std::string KubeconfigPath::join(const std::string &base, const std::string &ref)
{
    if (base.empty())
        return ref.empty() ? std::string() : clean(ref);
    if (ref.empty())
        return clean(base);
    return clean(base + "/" + ref);
}

std::string KubeconfigPath::dir(const std::string &path)
{
    const auto slash = path.rfind('/');
    if (slash == std::string::npos)
        return ".";
    return clean(path.substr(0, slash + 1));
}

std::string KubeconfigPath::absolute(const std::string &path)
{
    if (isAbsolute(path))
        return clean(path);
    std::string cwd;
    if (char *wd = ::getcwd(nullptr, 0)) {
        cwd = wd;
        ::free(wd);
    }
    return join(cwd, path);
}

std::string KubeconfigPath::resolve(const std::string &ref, const std::string &baseDir)
{
    if (ref.empty() || isAbsolute(ref))
        return ref;
    return join(baseDir, ref);
}

} // namespace kube
