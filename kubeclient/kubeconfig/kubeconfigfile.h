// One kubeconfig file decoded as kubectl decodes it: YAML 1.1 scalars, case-sensitive field
// names, unknown fields tolerated (reported as warnings), wrong types and bad base64 rejected.
#pragma once

#include "kubeclient/kubeconfig/kubeconfigtypes.h"
#include "kubeclient/core/result.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kube {

class KubeconfigFile
{
public:
    template <typename T>
    using Named = std::pair<std::string, T>;

    // Decodes text that came from `path` (used in messages and to resolve relative references).
    static Result<KubeconfigFile> parse(std::string_view text, const std::string &path);
    // Reads and decodes a file; a missing or unreadable file is an error naming it.
    static Result<KubeconfigFile> read(const std::string &path);

    const std::string &path() const { return m_path; }
    // Entries in file order (names are unique within one file, as kubectl requires).
    const std::vector<Named<KubeconfigCluster>> &clusters() const { return m_clusters; }
    const std::vector<Named<KubeconfigUser>> &users() const { return m_users; }
    const std::vector<Named<KubeconfigContext>> &contexts() const { return m_contexts; }
    const std::string &currentContext() const { return m_currentContext; }
    const KubeconfigPreferences &preferences() const { return m_preferences; }
    const std::vector<KubeconfigExtension> &extensions() const { return m_extensions; }
    // Tolerated oddities (unknown or misspelled fields), each naming file:line.
    const std::vector<Error> &warnings() const { return m_warnings; }

private:
    friend class KubeconfigFileDecoder;

    std::string m_path;
    std::vector<Named<KubeconfigCluster>> m_clusters;
    std::vector<Named<KubeconfigUser>> m_users;
    std::vector<Named<KubeconfigContext>> m_contexts;
    std::string m_currentContext;
    KubeconfigPreferences m_preferences;
    std::vector<KubeconfigExtension> m_extensions;
    std::vector<Error> m_warnings;
};

} // namespace kube
