// The document `kubectl config view` prints for a kubeconfig: clientcmd's v1 Config with its
// field order and omissions, secrets redacted unless raw, --minify and --flatten semantics.
#pragma once

#include "kubeclient/kubeconfig/kubeconfig.h"
#include "kubeclient/core/result.h"

#include <nlohmann/json.hpp>

#include <string>

namespace kube {

struct KubeconfigViewOptions {
    bool minify = false;   // only the current (or `context`) context and what it names
    bool flatten = false;  // file references inlined as *-data; implies raw output
    bool raw = false;      // keep tokens, passwords and *-data as they are
    std::string context;   // with minify: the context to keep instead of current-context
};

class KubeconfigView
{
public:
    // kubectl's placeholders, printed in place of secrets and data blobs.
    static constexpr const char *kDataOmitted = "DATA+OMITTED";
    static constexpr const char *kRedacted = "REDACTED";

    // An auth-provider config key that holds a credential (oidc: id-token, refresh-token,
    // client-secret; gcp / azure: access-token, refresh-token): REDACTED unless raw.
    static bool isAuthProviderSecret(const std::string &key);

    static Result<nlohmann::ordered_json> render(Kubeconfig config, const KubeconfigViewOptions &options);
    // The document as `kubectl config view -o json` prints it (4-space indentation).
    static std::string toJson(const nlohmann::ordered_json &document);
    // ... and as the default -o yaml.
    static std::string toYaml(const nlohmann::ordered_json &document);
    // An empty config document (what kubectl prints when there is no kubeconfig).
    static nlohmann::ordered_json emptyDocument();
};

} // namespace kube
