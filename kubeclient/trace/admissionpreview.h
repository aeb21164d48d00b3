// What kube-apiserver's admission would do to a write before it is stored: LimitRanger's
// container defaults and bounds, ResourceQuota's charge against each quota of the namespace,
// and Pod Security admission's levels for pods. Pure: objects in, verdicts out (core/quantity
// does the arithmetic), so the GUI, tenantryctl and the tests share one answer.
#pragma once

#include "kubeclient/core/quantity.h"
#include "kubeclient/core/result.h"
#include "kubeclient/rbac/requestattributes.h"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kube::trace {

// "cpu" -> 100m, "memory" -> 64Mi; ordered so texts come out the same each time.
using ResourceAmounts = std::map<std::string, Quantity>;

// Reads "cpu=100m,memory=64Mi" (the --requests flag). `field` names the input in errors:
// `--requests: "cpu=lots" is not a quantity`.
Result<ResourceAmounts> parseResourceAmounts(const std::string &text, const std::string &field);
std::string formatAmounts(const ResourceAmounts &amounts);  // "cpu=100m, memory=64Mi"

// The object a trace sends in a server dry run of a create, kept as small as the kind allows:
// a pod of one pause container (with `requests`, no security context), a ConfigMap, a Secret,
// a Service of one port, a 1Gi PVC... and for other kinds apiVersion, kind and name only.
struct ProbeTarget {
    std::string group, version, resource, kind;
    std::string ns, name;  // an empty name gets generateName "tenantry-trace-"
};
nlohmann::json probeObject(const ProbeTarget &target, const ResourceAmounts &requests);
inline constexpr const char *kProbeContainer = "probe";
inline constexpr const char *kProbeImage = "registry.k8s.io/pause:3.10";

struct ContainerResources {
    ResourceAmounts requests, limits;
};

// One LimitRange's effect on the pod: what it filled in, and the bounds the pod breaks.
struct LimitRangeEffect {
    std::string name;                     // "ns/name"
    std::vector<std::string> defaulted;   // "limits.cpu=500m (default)", "requests.cpu=100m (defaultRequest)"
    std::vector<std::string> violations;  // as the LimitRanger words them
};

// One quota resource the write is charged on.
struct QuotaCharge {
    std::string resource;  // "pods", "requests.cpu", "count/configmaps"
    Quantity used, hard, delta;
    bool exceeded = false;  // used + delta > hard
};

struct QuotaEffect {
    std::string name;  // "ns/name"
    bool matches = true;
    std::string notMatching;  // why the quota's scopes leave this object out
    std::vector<QuotaCharge> charges;
    // Resources the quota tracks that the pod does not state (after LimitRange defaults):
    // "limits.cpu for: probe" (the quota admission refuses such a pod).
    std::vector<std::string> mustSpecify;
    // Hard limits whose usage the quota controller has not computed yet (refused until it has).
    std::vector<std::string> unknownUsage;
    bool refuses() const;
};

enum class PodSecurityLevel { Privileged, Baseline, Restricted };
const char *toString(PodSecurityLevel level);
std::optional<PodSecurityLevel> podSecurityLevelFromString(const std::string &text);

struct PodSecurityMode {
    std::string mode;  // enforce, audit, warn
    PodSecurityLevel level = PodSecurityLevel::Privileged;
    std::string version = "latest";
    bool labelled = false;  // false: no label, the cluster's default applies
    std::string invalidLabel;  // a label value Pod Security does not know
    std::vector<std::string> violations;  // what the pod breaks at that level
};

// The checks of the Pod Security Standards a pod fails at `level` (the baseline and
// restricted checks on host namespaces, privileged, capabilities, host paths and ports,
// privilege escalation, running as root, seccomp, volume types), worded as kube-apiserver
// words them: `allowPrivilegeEscalation != false (container "probe" must set ...)`.
std::vector<std::string> podSecurityViolations(const nlohmann::json &pod, PodSecurityLevel level);
// enforce, audit and warn from a namespace's pod-security.kubernetes.io/* labels.
std::vector<PodSecurityMode> podSecurityModes(const nlohmann::json &namespaceObject);

// LimitRanger on one pod: fills missing requests/limits of each container from the Container
// items (default, defaultRequest; the API server's defaulting of max -> default -> defaultRequest
// and min -> defaultRequest applied first), then checks min, max and maxLimitRequestRatio of
// Container and Pod items. Returns the pod as it would be admitted.
nlohmann::json applyLimitRanges(const nlohmann::json &pod, const std::vector<nlohmann::json> &limitRanges,
                                std::vector<LimitRangeEffect> &effects);

// The quota usage one new object adds: for pods, pods / count/pods and the requests and limits
// of its containers (cpu and memory also as their unprefixed names); for other kinds
// count/RESOURCE[.GROUP] and the legacy counts (services, secrets, configmaps,
// persistentvolumeclaims, replicationcontrollers, resourcequotas), PVC storage requests.
ResourceAmounts quotaUsageOf(const rbac::RequestAttributes &request, const nlohmann::json &object);
// One quota's verdict on that usage (scopes BestEffort/NotBestEffort/Terminating/NotTerminating
// and a PriorityClass scopeSelector are matched; other scopes are reported, not guessed).
QuotaEffect chargeQuota(const nlohmann::json &quota, const rbac::RequestAttributes &request,
                        const nlohmann::json &object, const ResourceAmounts &usage);

struct AdmissionInput {
    rbac::RequestAttributes request;
    nlohmann::json object;  // the probe object; for pods the pod as sent
    std::optional<nlohmann::json> namespaceObject;
    std::vector<nlohmann::json> quotas, limitRanges;
};

struct AdmissionPreview {
    bool applies = false;
    std::string notApplied;  // why nothing is previewed ("get is a read: admission does not run")
    nlohmann::json admitted;  // the object after LimitRange defaults
    std::vector<LimitRangeEffect> limits;
    std::vector<QuotaEffect> quotas;
    std::vector<PodSecurityMode> podSecurity;  // pods only
    // Why the write would be refused, in kube-apiserver's order (the object's validation after
    // LimitRanger's defaults, LimitRanger's bounds, PodSecurity, ResourceQuota); empty: admitted.
    std::vector<std::string> refusals;
    std::vector<std::string> warnings;  // audit/warn levels broken, requests above limits
    bool refused() const { return !refusals.empty(); }
    // What refuses first: "validation", "LimitRanger", "PodSecurity", "ResourceQuota", "".
    std::string refusedBy;
};

// Creates are previewed fully; other verbs say admission does not charge them here.
AdmissionPreview previewAdmission(const AdmissionInput &input);

} // namespace kube::trace
