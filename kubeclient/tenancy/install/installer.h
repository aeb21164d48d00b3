// Installs Tenantry's tenancy CRDs and built-in roles into a cluster for standalone mode: plans
// first (refusing where KubeSphere owns the API), then applies with server-side apply, idempotently.
#pragma once

#include "kubeclient/core/canceltoken.h"
#include "kubeclient/core/result.h"
#include "kubeclient/tenancy/install/installplan.h"

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace kube {
class Client;
}

namespace kube::tenancy {

// The label on every object Tenantry ships; a tenancy CRD without it belongs to KubeSphere.
inline constexpr const char *kManagedByLabel = "app.kubernetes.io/managed-by";
inline constexpr const char *kManagedByValue = "tenantry";

// A manifest file: its name (shown in every message about it) and its YAML text.
using ManifestFile = std::pair<std::string, std::string>;

struct InstallerOptions {
    std::string fieldManager = "tenantry";
    // How long a new CRD may take to become Established and served by discovery.
    std::chrono::milliseconds establishTimeout{60000};
    std::chrono::milliseconds pollInterval{200};
    // Where KubeSphere's controllers run when it is installed (tests use a scratch namespace).
    std::string controllerNamespace = "kubesphere-system";
    std::string controllerDeployment = "ks-controller-manager";
    // The way back from KubeSphere (uninstalled with `helm uninstall --no-hooks`): tenancy CRDs
    // without Tenantry's label, and built-ins still marked for Helm, are taken over instead of
    // being read as KubeSphere's. KubeSphere's controller deployment still refuses the install.
    bool takeOver = false;
};

class Installer
{
public:
    Installer(Client &client, std::vector<ManifestFile> crds, std::vector<ManifestFile> builtins,
              InstallerOptions options = {});

    // Parses the manifests without talking to the server: every document must be an object with
    // apiVersion, kind and metadata.name, and the CRD files hold only CRDs. Errors name file and document.
    Result<std::vector<InstallItem>> readManifests() const;

    // Decides what installing would do. In KubeSphere mode (a tenancy CRD of ours exists without
    // our managed-by label, or KubeSphere's controller deployment exists) the plan has no items and
    // says why. Otherwise each object is compared with the cluster through a server-side dry run.
    Result<InstallPlan> plan(const CancelTokenPtr &cancel = nullptr);

    // Applies a plan: CRDs (server-side apply, forced: these objects are ours), waits until each is
    // Established and served, refreshes discovery, then the built-ins. dryRun sends everything with
    // dryRun=All; built-ins whose CRD is not installed yet cannot be checked then and are reported so.
    // Running it again on an installed cluster reports every object unchanged.
    Result<InstallReport> apply(const InstallPlan &plan, bool dryRun, const InstallProgressCallback &progress = {},
                                const CancelTokenPtr &cancel = nullptr);

private:
    Result<GroupVersionResource> resourceOf(const InstallItem &item, const std::vector<InstallItem> &items) const;
    Result<void> detectKubeSphere(InstallPlan &plan, const std::vector<InstallItem> &items, const CancelTokenPtr &cancel);
    Result<void> decide(InstallItem &item, const CancelTokenPtr &cancel);
    Result<InstallOutcome> applyOne(const InstallItem &item, bool dryRun, const CancelTokenPtr &cancel);
    Result<void> waitEstablished(const InstallItem &crd, const CancelTokenPtr &cancel);
    Result<void> waitServed(const std::vector<const InstallItem *> &items, const CancelTokenPtr &cancel);
    bool served(const GroupVersionResource &gvr) const;
    bool sleep(const CancelTokenPtr &cancel) const;

    Client &m_client;
    std::vector<ManifestFile> m_crds;
    std::vector<ManifestFile> m_builtins;
    InstallerOptions m_options;
};

} // namespace kube::tenancy
