// Mode detection from discovery and KubeSphere's controller deployment.
#include "kubeclient/kubesphere/mode.h"

namespace kube::tenancy {

namespace {
constexpr const char *kKubesphereNamespace = "kubesphere-system";
constexpr const char *kControllerDeployment = "ks-controller-manager";
} // namespace

const char *toString(Mode mode)
{
    return mode == Mode::KubeSphere ? "KubeSphere" : "standalone";
}

std::optional<Mode> modeFromString(const std::string &text)
{
    if (text == "kubesphere" || text == "KubeSphere")
        return Mode::KubeSphere;
    if (text == "standalone")
        return Mode::Standalone;
    return std::nullopt;
}

Result<ClusterTenancy> detectTenancy(Client &client, std::optional<Mode> override, const CancelTokenPtr &cancel)
{
    if (auto r = client.discovery().refresh(cancel); !r)
        return r.error();
    ClusterTenancy t;
    t.api = TenancyApi::detect(client.discovery());
    auto deployment = client.get(TenancyApi::deployments, kKubesphereNamespace, kControllerDeployment, cancel);
    if (deployment) {
        const auto &status = (*deployment)["status"];
        const int ready = status.is_object() ? status.value("readyReplicas", 0) : 0;
        const auto &containers = (*deployment)["spec"]["template"]["spec"]["containers"];
        if (containers.is_array() && !containers.empty()) {
            const std::string image = containers[0].value("image", "");
            if (auto colon = image.rfind(':'); colon != std::string::npos && image.find('/', colon) == std::string::npos)
                t.kubesphereVersion = image.substr(colon + 1);
        }
        if (ready > 0) {
            t.mode = Mode::KubeSphere;
            t.reason = std::string(kControllerDeployment) + " runs in " + kKubesphereNamespace;
        } else {
            t.mode = Mode::Standalone;
            t.reason = std::string(kControllerDeployment) + " exists in " + kKubesphereNamespace
                + " but has no ready replica: Tenantry performs the controllers' side effects";
        }
    } else if (deployment.error().isApi(StatusReason::NotFound)) {
        t.mode = Mode::Standalone;
        t.reason = t.api.installed() ? "tenancy CRDs are served but no KubeSphere controller runs"
                                     : "the tenancy API is not installed (run `tenantryctl install`)";
    } else if (deployment.error().isApi(StatusReason::Forbidden)) {
        t.mode = Mode::Standalone;
        t.reason = "could not check for KubeSphere's controllers (no permission to read deployments in "
                   "kubesphere-system); assuming standalone";
    } else {
        return deployment.error();
    }
    if (override && *override != t.mode) {
        t.mode = *override;
        t.overridden = true;
        t.reason = std::string("set by the user (detected: ") + t.reason + ")";
    }
    return t;
}

} // namespace kube::tenancy
