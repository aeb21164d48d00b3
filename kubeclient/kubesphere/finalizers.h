// The finalizers KubeSphere's controllers put on tenancy objects (spec sections 3 and 8) and
// how to tell them from everyone else's: a cluster where KubeSphere ran once keeps them after its
// controllers are gone, and every delete of such an object then hangs (Terminating forever).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace kube::tenancy {

// Known KubeSphere finalizers, with the controller that releases each. The rule below also
// covers the ones not listed (every KubeSphere controller names its finalizer in its domain).
struct KnownFinalizer {
    const char *name;
    const char *releasedBy;  // "4.x workspace and workspacetemplate controllers"
};
const std::vector<KnownFinalizer> &knownKubeSphereFinalizers();

// A finalizer in KubeSphere's domain: its prefix (before '/', or the whole name) is
// "kubesphere.io" or ends with ".kubesphere.io" ("kubesphere.io/cascading-deletion",
// "finalizers.kubesphere.io/users", "finalizers.tenant.kubesphere.io",
// "orphan.finalizers.kubesphere.io"). Kubernetes' own ("kubernetes", "foregroundDeletion",
// "orphan") and other projects' are not.
bool isKubeSphereFinalizer(std::string_view finalizer);

// The object's metadata.finalizers split into KubeSphere's and the others (order kept).
struct FinalizerSplit {
    std::vector<std::string> kubesphere;
    std::vector<std::string> others;
};
FinalizerSplit splitFinalizers(const nlohmann::json &object);

} // namespace kube::tenancy
