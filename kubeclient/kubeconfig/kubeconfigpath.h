// Path arithmetic the way client-go does it (Go's path/filepath: Clean, Join, Dir, Abs), so
// relative references in a kubeconfig resolve to exactly the file kubectl would open.
#pragma once

#include <string>

namespace kube {

class KubeconfigPath
{
public:
    static std::string clean(const std::string &path);
    static std::string join(const std::string &base, const std::string &ref);
    static std::string dir(const std::string &path);
    static std::string absolute(const std::string &path);  // against the current directory
    static bool isAbsolute(const std::string &path) { return !path.empty() && path[0] == '/'; }

    // client-go's ResolvePaths: empty and absolute references stay, others join the base.
    static std::string resolve(const std::string &ref, const std::string &baseDir);
};

} // namespace kube
