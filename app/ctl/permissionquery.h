// The question a can-i or who-can command line asks, read the way kubectl reads it:
// VERB TYPE | VERB TYPE/NAME | VERB /non/resource/url, subresource only from --subresource.
// Resolution of TYPE is injected, so the reading is testable without a cluster.
#pragma once

#include "kubeclient/api/client.h"
#include "kubeclient/rbac/requestattributes.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ctl {

// What discovery (or the offline catalog) knows about what a user typed as TYPE.
struct ResolvedResource {
    std::string group;
    std::string resource;  // plural, lower case
    bool namespaced = true;
};
// Returns nothing when the server has no such resource type.
using ResourceResolver = std::function<std::optional<ResolvedResource>(const std::string &text)>;

class PermissionQuery
{
public:
    enum class Style {
        CanI,    // kubectl auth can-i: exactly VERB and one TYPE[/NAME] or URL; unknown TYPE warns
        WhoCan,  // kubectl-who-can: also VERB TYPE NAME; unknown TYPE is an error
        Trace,   // tenantryctl trace: can-i's reading, plus VERB TYPE NAME
    };

    struct Input {
        std::vector<std::string> positional;
        std::string subresource;  // --subresource
        std::string ns;           // the effective namespace (-n or the context's)
        bool allNamespaces = false;
    };

    struct Outcome {
        kube::rbac::RequestAttributes request;
        std::vector<std::string> warnings;  // printed as "Warning: ..." on stderr, like kubectl
        std::string error;                  // non-empty: refuse with exit 2
        bool namespaced = true;             // the resource is namespace-scoped (or unknown)
    };

    static Outcome read(Style style, const Input &input, const ResourceResolver &resolve);
    // TYPE through the live server's discovery (refreshed once when a cached copy misses,
    // since a CRD may be newer than the cache).
    static ResourceResolver discoveryResolver(kube::Client &client);

    // kubectl's lists of verbs it knows; others get a warning, not an error.
    static bool knownResourceVerb(const std::string &verb);
    static bool knownNonResourceVerb(const std::string &verb);
};

} // namespace ctl
