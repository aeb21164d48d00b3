// What KubeSphere 4.1's ks-core Helm chart ships that a standalone Tenantry cluster may already
// hold: the table the hand-over matches the cluster's objects against, and Helm's ownership marks.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace kube::tenancy {

// Helm 3 adopts an existing object into a release only when it carries exactly these (helm
// pkg/action/validate.go checkOwnership); otherwise `helm install` stops: "… exists and cannot
// be imported into the current release: invalid ownership metadata".
inline constexpr const char *kHelmManagedByValue = "Helm";
inline constexpr const char *kHelmReleaseNameAnnotation = "meta.helm.sh/release-name";
inline constexpr const char *kHelmReleaseNamespaceAnnotation = "meta.helm.sh/release-namespace";
inline constexpr const char *kKsCoreRelease = "ks-core";
inline constexpr const char *kKsCoreNamespace = "kubesphere-system";

// One kind the chart's templates ship, with the names it ships (config/ks-core/templates/
// roletemplate-categories.yaml, roletemplates.yaml, globalroles.yaml, globalrolebindings.yaml,
// clusterroles.yaml, builtinroles.yaml, user.yaml, workspace.yaml; ks-console.yaml for the
// console's GlobalRole(Binding) of later 4.1.x releases).
struct ChartKind {
    std::string group;  // "iam.kubesphere.io"
    std::string kind;   // "RoleTemplate"
    std::vector<std::string> names;
};

class KsCoreChart
{
public:
    // The kinds and names of the chart's templates that Tenantry's built-ins (or a Tenantry
    // user) may already have made, in the order a plan lists them.
    static const std::vector<ChartKind> &templated();
    // Whether the chart's templates ship an object of this group, kind and name.
    static bool ships(const std::string &group, const std::string &kind, const std::string &name);
    // CRDs come from the ks-crds subchart's crds/ folder: every tenancy group Tenantry installs.
    // Helm creates those only when absent and never adopts, updates or deletes them.
    static bool shipsCrd(const std::string &crdName);

    // The merge patch that lets Helm adopt an object into `release` in `ns`.
    static nlohmann::json adoptionPatch(const std::string &release = kKsCoreRelease,
                                        const std::string &ns = kKsCoreNamespace);
    // Whether the object already carries that ownership (Helm will adopt or owns it).
    static bool ownedBy(const nlohmann::json &object, const std::string &release = kKsCoreRelease,
                        const std::string &ns = kKsCoreNamespace);
    // Whether it is Helm's, of any release ("" when not): the release it names.
    static std::string helmRelease(const nlohmann::json &object);
};

} // namespace kube::tenancy
