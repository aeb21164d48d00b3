// The ks-core chart table (KubeSphere 4.1, kubesphere/kubesphere config/ks-core) and Helm's
// ownership marks. Names only: what each object holds is the chart's business once Helm adopts it.
#include "kubeclient/tenancy/install/kscorechart.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/tenancy/install/installer.h"

#include <algorithm>

namespace kube::tenancy {

namespace {
constexpr const char *kIam = "iam.kubesphere.io";
constexpr const char *kTenant = "tenant.kubesphere.io";
} // namespace

const std::vector<ChartKind> &KsCoreChart::templated()
{
    static const std::vector<ChartKind> kinds = {
        {kIam, "Category",
         {"global-platform-settings", "global-access-control", "global-workspace-management", "global-cluster-management",
          "cluster-access-control", "cluster-resource-management", "cluster-settings", "cluster-app-workloads-management",
          "cluster-project-management", "cluster-storage-management", "workspace-settings", "workspace-project-management",
          "workspace-access-control", "namespace-access-control", "namespace-configuration-management",
          "namespace-storage-management", "namespace-application-workloads", "namespace-settings", "manage-app",
          "workspace-app", "namespace-app"}},
        {kIam, "RoleTemplate",
         {// global scope
          "global-create-workspaces", "global-view-workspaces", "global-manage-workspaces", "global-view-clusters",
          "global-manage-clusters", "global-manage-platform-settings", "global-view-roles", "global-manage-roles",
          "global-view-users", "global-manage-users", "global-role-template-manage-app",
          // cluster scope
          "cluster-view-cluster-settings", "cluster-manage-cluster-settings", "cluster-view-crds", "cluster-manage-crds",
          "cluster-view-members", "cluster-manage-members", "cluster-view-roles", "cluster-manage-roles",
          "cluster-view-nodes", "cluster-manage-nodes", "cluster-view-app-workloads", "cluster-manage-app-workloads",
          "cluster-view-projects", "cluster-manage-projects", "cluster-view-storageclasses",
          "cluster-manage-storageclasses", "cluster-view-persistentvolumeclaims", "cluster-manage-persistentvolumeclaims",
          "cluster-view-components",
          // workspace scope
          "workspace-view-workspace-settings", "workspace-manage-workspace-settings", "workspace-create-projects",
          "workspace-view-projects", "workspace-manage-projects", "workspace-view-members", "workspace-manage-members",
          "workspace-view-roles", "workspace-manage-roles", "workspace-view-app-repos", "workspace-manage-app-repos",
          "workspace-view-app-templates", "workspace-view-create-app-templates", "workspace-delete-app-templates",
          "workspace-manage-app-templates",
          // namespace scope
          "namespace-view-project-settings", "namespace-manage-project-settings", "namespace-view-members",
          "namespace-manage-members", "namespace-view-roles", "namespace-manage-roles", "namespace-view-app-workloads",
          "namespace-manage-app-workloads", "namespace-view-configmaps", "namespace-manage-configmaps",
          "namespace-view-secrets", "namespace-manage-secrets", "namespace-view-serviceaccount",
          "namespace-manage-serviceaccount", "namespace-view-persistentvolumeclaims",
          "namespace-manage-persistentvolumeclaims", "namespace-view-app-releases", "namespace-manage-app-releases",
          "namespace-delete-app-releases", "namespace-create-app-releases"}},
        {kIam, "GlobalRole",
         {"anonymous", "authenticated", "platform-admin", "platform-regular", "platform-self-provisioner",
          "pre-registration", "ks-console"}},
        {kIam, "GlobalRoleBinding", {"admin", "anonymous", "authenticated", "pre-registration", "ks-console"}},
        {kIam, "ClusterRole", {"cluster-admin", "cluster-viewer"}},
        {kIam, "BuiltinRole",
         {"project-admin", "project-operator", "project-viewer", "workspace-admin", "workspace-regular",
          "workspace-self-provisioner", "workspace-viewer"}},
        // The chart's own administrator (user.yaml) and, on a host cluster, its system workspace.
        {kIam, "User", {"admin"}},
        {kTenant, "WorkspaceTemplate", {"system-workspace"}},
    };
    return kinds;
}

bool KsCoreChart::ships(const std::string &group, const std::string &kind, const std::string &name)
{
    for (const auto &k : templated())
        if (k.group == group && k.kind == kind)
            return std::find(k.names.begin(), k.names.end(), name) != k.names.end();
    return false;
}

bool KsCoreChart::shipsCrd(const std::string &crdName)
{
    // <plural>.<group>: ks-crds/crds holds every kind of these groups that Tenantry installs.
    for (const char *group : {".iam.kubesphere.io", ".tenant.kubesphere.io", ".quota.kubesphere.io"}) {
        const std::string suffix = group;
        if (crdName.size() > suffix.size() && crdName.compare(crdName.size() - suffix.size(), suffix.size(), suffix) == 0)
            return true;
    }
    return false;
}

nlohmann::json KsCoreChart::adoptionPatch(const std::string &release, const std::string &ns)
{
    return {{"metadata",
             {{"labels", {{kManagedByLabel, kHelmManagedByValue}}},
              {"annotations", {{kHelmReleaseNameAnnotation, release}, {kHelmReleaseNamespaceAnnotation, ns}}}}}};
}

bool KsCoreChart::ownedBy(const nlohmann::json &object, const std::string &release, const std::string &ns)
{
    const ObjectMeta m(object);
    return m.label(kManagedByLabel) == kHelmManagedByValue && m.annotation(kHelmReleaseNameAnnotation) == release
        && m.annotation(kHelmReleaseNamespaceAnnotation) == ns;
}

std::string KsCoreChart::helmRelease(const nlohmann::json &object)
{
    const ObjectMeta m(object);
    if (m.label(kManagedByLabel) != kHelmManagedByValue)
        return {};
    const std::string release = m.annotation(kHelmReleaseNameAnnotation);
    return release.empty() ? std::string("(unnamed)") : release;
}

} // namespace kube::tenancy
