// How a cluster's tenancy is run: by KubeSphere's controllers (Tenantry writes exactly what the
// console would and lets them act) or standalone (Tenantry performs their side effects).
// Detected per cluster, overridable, always shown.
#pragma once

#include "kubeclient/api/client.h"
#include "kubeclient/kubesphere/tenancyapi.h"

#include <optional>
#include <string>

namespace kube::tenancy {

enum class Mode { KubeSphere, Standalone };

const char *toString(Mode mode);
std::optional<Mode> modeFromString(const std::string &text);  // "kubesphere" | "standalone"

struct ClusterTenancy {
    TenancyApi api;
    Mode mode = Mode::Standalone;
    bool overridden = false;
    std::string reason;             // why this mode: "ks-controller-manager runs in kubesphere-system"
    std::string kubesphereVersion;  // from the controller's image tag, when KubeSphere runs
};

// Discovery (refreshed) picks the API flavour; the presence of a ready ks-controller-manager
// Deployment in kubesphere-system means KubeSphere mode. A 403 on that lookup is not fatal:
// the mode is then standalone with a reason that says it could not be checked.
Result<ClusterTenancy> detectTenancy(Client &client, std::optional<Mode> override = std::nullopt,
                                     const CancelTokenPtr &cancel = nullptr);

} // namespace kube::tenancy
