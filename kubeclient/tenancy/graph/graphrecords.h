// What the tenancy graph's queries return: small value records with names and flags for the
// views, each carrying the object it came from (shared with the Store, never copied).
#pragma once

#include "kubeclient/tenancy/graph/graphkind.h"
#include "kubeclient/kubesphere/objectviews.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kube::tenancy {

// The object as the Store keeps it (frozen: read-only, compact); toJson() gives an editable copy.
using GraphObject = FrozenPtr;

// The four access-control levels (spec 1, 12.3).
enum class RoleLevel { Platform, Cluster, Workspace, Project };
const char *toString(RoleLevel level);
// The iam.kubesphere.io/scope value of a level: global, cluster, workspace, namespace.
const char *scopeOf(RoleLevel level);

struct PlacementInfo {
    std::vector<std::string> clusters;  // spec.placement.clusters[].name
    bool hasSelector = false;
    nlohmann::json selector;            // spec.placement.clusterSelector when hasSelector
    // Where the workspace lands: the named clusters, else the known Cluster objects matching the
    // selector (4.x rule, spec 3.2); empty when placed nowhere.
    std::vector<std::string> resolved;
    // False when a selector could not be evaluated because no Cluster objects are known.
    bool resolvedComplete = true;
};

struct IsolationInfo {
    enum class Source {
        None,
        Annotation,  // kubesphere.io/network-isolate=enabled (4.x, also 3.x namespaces)
        SpecField,   // 3.x spec.networkIsolation (on template or workspace)
    };
    bool enabled = false;
    Source source = Source::None;
    std::map<std::string, bool> clusterOverrides;  // 3.x overrides /spec/networkIsolation
};

struct WorkspaceInfo {
    std::string name;
    std::string alias;
    std::string description;
    std::string manager;
    std::string creator;
    std::string created;  // creationTimestamp of the template, else of the workspace
    PlacementInfo placement;
    IsolationInfo isolation;
    // Effective policy: the annotation, or "Orphan" when absent (spec 4.1).
    std::string deletionPropagation = "Orphan";
    bool deletionPropagationSet = false;
    bool hasTemplate = false;
    bool hasWorkspace = false;
    bool deleting = false;
    std::size_t projectCount = 0;
    GraphObject templateObject;
    GraphObject workspaceObject;
};

struct ProjectInfo {
    std::string name;
    std::string workspace;  // "" when the namespace is not a project of any workspace
    std::string alias;
    std::string description;
    std::string creator;
    std::string created;
    std::string phase;
    bool managed = false;
    bool isolated = false;  // the namespace's own annotation
    bool deleting = false;
    bool workspaceExists = false;
    GraphObject object;
};

// One subject of one binding in a scope.
struct MemberInfo {
    Subject subject;
    RoleRef roleRef;
    std::string binding;
    std::string since;  // the binding's creationTimestamp
    GraphKind bindingKind = GraphKind::WorkspaceRoleBinding;
    // False only when roles of that kind are wired (fed) and the named role is absent.
    bool roleExists = false;
    bool managerBinding = false;  // workspace: manager -> <ws>-admin
    bool creatorBinding = false;  // project: creator -> admin via <creator>-admin
    GraphObject object;
};

// How a binding was found for a user.
enum class BindingMatch {
    Subject,       // a User subject with the user's name
    UserRefLabel,  // only the iam.kubesphere.io/user-ref label names the user (drift)
    Group,         // a Group subject the user belongs to
};
const char *toString(BindingMatch match);

struct BindingInfo {
    RoleLevel level = RoleLevel::Platform;
    std::string scope;  // workspace (Workspace level), namespace (Project level), else ""
    std::string name;
    RoleRef roleRef;
    std::string since;
    BindingMatch match = BindingMatch::Subject;
    std::string viaGroup;  // match == Group
    bool roleExists = false;  // as MemberInfo::roleExists
    GraphKind kind = GraphKind::GlobalRoleBinding;
    GraphObject object;
};

struct UserBindings {
    std::string user;
    // The platform role: roleRef of the user's GlobalRoleBinding (first by name when several,
    // which is drift: KubeSphere keeps one per user).
    std::string platformRole;
    std::vector<std::string> groups;  // spec.groups plus GroupBindings listing the user
    std::vector<BindingInfo> platform;
    std::vector<BindingInfo> workspace;
    std::vector<BindingInfo> project;
    std::vector<BindingInfo> cluster;
};

struct TemplateRef {
    std::string name;
    bool listed = false;    // in templateNames (4.x) / the aggregation annotation (3.x)
    bool selected = false;  // matched by roleSelector + scope (4.x)
    bool found = false;     // the template object exists
    GraphKind kind = GraphKind::RoleTemplate;  // RoleTemplate in 4.x, the role kind in 3.x
    GraphObject object;
};

struct RoleInfo {
    RoleLevel level = RoleLevel::Platform;
    std::string scope;  // workspace / namespace for those levels
    std::string name;
    std::string alias;
    std::string description;
    std::string creator;
    std::string created;
    bool builtIn = false;     // created by KubeSphere (known built-ins, BuiltinRole/RoleBase, RBAC defaults)
    bool isTemplate = false;  // 3.x role labelled iam.kubesphere.io/role-template=true
    bool hasRoleSelector = false;
    bool autoAggregate = false;
    bool hasRego = false;
    std::size_t ruleCount = 0;
    std::size_t bindingCount = 0;  // bindings whose roleRef resolves to this role
    std::vector<TemplateRef> templates;
    GraphKind kind = GraphKind::GlobalRole;
    GraphObject object;
};

// A template offered for composing roles of one level.
struct RoleTemplateInfo {
    std::string name;
    std::string displayName;
    std::string description;
    std::string category;  // 4.x category label; 3.x iam.kubesphere.io/module annotation
    std::size_t ruleCount = 0;
    bool hidden = false;
    bool basic = false;
    std::vector<std::string> aggregateTo;
    // iam.kubesphere.io/dependencies: templates the console selects together with this one.
    std::vector<std::string> dependencies;
    GraphKind kind = GraphKind::RoleTemplate;
    GraphObject object;
};

// Templates chosen plus every template they depend on, transitively (the console's
// auto-selection), in a stable order: the chosen ones first, then what each pulled in.
struct TemplateClosure {
    std::vector<std::string> names;    // chosen + added
    std::vector<std::string> added;    // pulled in as dependencies, in the order found
    std::vector<std::string> missing;  // named as a dependency but not offered
    std::map<std::string, std::string> requiredBy;  // added template -> the first that needed it
};
TemplateClosure templateClosure(const std::vector<RoleTemplateInfo> &offered, const std::vector<std::string> &chosen);
// The JSON array of an iam.kubesphere.io/dependencies annotation; anything else reads as none.
std::vector<std::string> parseDependencies(const std::string &annotation);

struct QuotaInfo {
    std::string name;
    StringMap hard;
    StringMap used;
    GraphObject object;
};

struct WorkspaceQuotaInfo {
    std::string name;
    StringMap hard;  // spec.quota.hard
    StringMap used;  // status.total.used
    std::vector<QuotaNamespaceUsage> namespaces;
    GraphObject object;
};

struct ContainerDefaults {
    std::string limitRange;  // the LimitRange it came from
    StringMap limits;        // default
    StringMap requests;      // defaultRequest
    StringMap max;
    StringMap min;
};

struct ProjectQuotaInfo {
    std::vector<QuotaInfo> quotas;  // core ResourceQuotas of the namespace
    std::optional<ContainerDefaults> containerDefaults;
    std::vector<GraphObject> limitRanges;
};

struct ProjectIsolationInfo {
    bool enabled = false;            // the namespace's own annotation
    bool workspaceIsolated = false;  // its workspace is isolated
    bool effective = false;          // either
    bool isolationPolicyPresent = false;  // NetworkPolicy nsnp-network-isolate exists
    std::size_t networkPolicies = 0;       // other NetworkPolicies (not nsnp-*)
    std::size_t namespaceNetworkPolicies = 0;
};

struct UserInfo {
    std::string name;
    std::string email;
    std::string displayName;
    std::string description;
    std::string lang;
    std::string state;  // Active | Disabled | AuthLimitExceeded; "" before the controller ran
    std::string reason;
    std::string lastLoginTime;
    std::string lastTransitionTime;
    std::string created;
    std::string platformRole;            // from the GlobalRoleBinding
    std::string platformRoleAnnotation;  // iam.kubesphere.io/globalrole (4.x mirror)
    std::size_t platformBindingCount = 0;
    std::vector<std::string> groups;
    std::vector<std::string> grantedClusters;
    bool uninitialized = false;
    bool deleting = false;
    GraphObject object;
};

struct GroupInfo {
    std::string name;
    std::string displayName;
    std::string workspace;
    std::string parent;
    std::vector<std::string> users;  // from GroupBindings
    GraphObject object;
};

// Inconsistencies between objects that KubeSphere's controllers would avoid or repair; the
// input of the repair feature.
enum class DriftKind {
    BindingWithoutUserRef,          // User subject, no iam.kubesphere.io/user-ref label
    BindingUserRefMismatch,         // user-ref names a user that is not a subject
    BindingWithoutGroupRef,         // subject is a KubeSphere Group, no group-ref label
    BindingRoleMissing,             // roleRef names a role that does not exist
    BindingUserMissing,             // a User subject that does not exist
    WorkspaceRoleWithoutWorkspace,  // no kubesphere.io/workspace label
    WorkspaceBindingWithoutWorkspace,
    WorkspaceBindingWorkspaceMismatch,  // binding's workspace label differs from its role's
    WorkspaceMissing,               // label names a workspace that does not exist
    NamespaceWorkspaceMissing,      // a project pointing at a missing workspace
    MultiplePlatformRoles,          // more than one GlobalRoleBinding for a user
    PlatformRoleAnnotationMismatch, // 4.x User annotation differs from the binding
    TemplateMissing,                // a role lists a template that does not exist
    ManagerBindingMissing,          // spec.manager has no <ws>-admin binding
    // Network isolation (spec 9.2): judged only when NetworkPolicies are fed.
    IsolationPolicyMissing,   // an isolated project without NetworkPolicy nsnp-network-isolate
    IsolationPolicyStale,     // Tenantry's isolation policy admits other namespaces than it should
    IsolationPolicyOrphaned,  // Tenantry's isolation policy in a project that is not isolated
};
const char *toString(DriftKind kind);

struct DriftItem {
    DriftKind kind = DriftKind::BindingRoleMissing;
    GraphKind objectKind = GraphKind::Namespace;
    std::string key;     // the object's store key
    std::string detail;  // human-readable, names the other side
    bool operator==(const DriftItem &other) const = default;
};

} // namespace kube::tenancy
