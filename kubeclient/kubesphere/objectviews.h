// Typed read-only views over tenancy objects held as JSON: thin accessors (no copies of the
// object), tolerant of missing or mistyped fields, one small class per kind family. Each view
// reads an nlohmann::json or a kube::FrozenJson (what the stores keep); the argument picks it:
// `ProjectView(*storeObject)` is a ProjectView<FrozenJson>.
#pragma once

#include "kubeclient/core/frozenjson.h"
#include "kubeclient/core/objectmeta.h"

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kube::tenancy {

using StringMap = std::map<std::string, std::string>;

// A binding subject. KubeSphere matches subjects by kind + name only (spec 12.5); apiGroup is
// kept so an editor can write it back unchanged.
struct Subject {
    std::string kind;       // User | Group | ServiceAccount
    std::string name;
    std::string namespaceName;  // ServiceAccount only
    std::string apiGroup;

    bool isUser() const { return kind == "User"; }
    bool isGroup() const { return kind == "Group"; }
    bool isServiceAccount() const { return kind == "ServiceAccount"; }
    // "system:serviceaccount:<ns>:<name>" for service accounts, else the name.
    std::string userName() const;
    // Same subject as KubeSphere sees it: kind and name (and namespace for service accounts).
    bool sameAs(const Subject &other) const;
    bool operator==(const Subject &other) const = default;
};

struct RoleRef {
    std::string apiGroup;
    std::string kind;  // GlobalRole | WorkspaceRole | Role | ClusterRole
    std::string name;
    bool operator==(const RoleRef &other) const = default;
};

struct PolicyRule {
    std::vector<std::string> verbs;
    std::vector<std::string> apiGroups;
    std::vector<std::string> resources;
    std::vector<std::string> resourceNames;
    std::vector<std::string> nonResourceURLs;
    bool operator==(const PolicyRule &other) const = default;
};

// WorkspaceQuotaView::namespaces(): one namespace's share of a workspace quota.
struct QuotaNamespaceUsage {
    std::string namespaceName;
    StringMap hard;
    StringMap used;
};

// LimitRangeView::items(): one entry of spec.limits.
struct LimitRangeItem {
    std::string type;  // Container | Pod | PersistentVolumeClaim
    StringMap defaultLimits;   // "default"
    StringMap defaultRequest;
    StringMap max;
    StringMap min;
};

// Shared accessors: metadata plus the annotations every tenancy object may carry.
template <typename J = nlohmann::json>
class ObjectView
{
public:
    explicit ObjectView(const J &object) : m_object(object) {}
    ObjectView(J &&) = delete;  // a view of a temporary would dangle

    const J &json() const { return m_object; }
    ObjectMeta<J> meta() const { return ObjectMeta<J>(m_object); }
    std::string name() const;
    std::string namespaceName() const;
    std::string creationTimestamp() const;
    bool deleting() const;  // deletionTimestamp set
    std::string label(const char *key) const;
    std::string annotation(const char *key) const;
    bool hasLabel(const char *key) const;
    bool hasAnnotation(const char *key) const;
    StringMap labels() const;
    StringMap annotations() const;

    // kubesphere.io/alias-name, kubesphere.io/description, kubesphere.io/creator.
    std::string alias() const;
    std::string description() const;
    std::string creator() const;
    // kubesphere.io/workspace label.
    std::string workspaceLabel() const;

protected:
    const J &at(std::initializer_list<const char *> path) const;
    std::string stringAt(std::initializer_list<const char *> path) const;

    const J &m_object;
};
template <typename J>
ObjectView(const J &) -> ObjectView<J>;

// WorkspaceTemplate (host definition, both flavours) or Workspace (per cluster). Accessors
// answer for either shape: a template keeps the workspace spec under spec.template.spec.
template <typename J = nlohmann::json>
class WorkspaceView : public ObjectView<J>
{
public:
    using ObjectView<J>::ObjectView;

    bool isTemplate() const;  // kind WorkspaceTemplate, or has spec.template
    std::string manager() const;
    // 3.x spec.networkIsolation (template: spec.template.spec.networkIsolation); nullopt if unset.
    std::optional<bool> networkIsolationField() const;
    // kubesphere.io/network-isolate on the object or, for a template, on spec.template.metadata.
    bool isolationAnnotationEnabled() const;
    // 3.x per-cluster overrides of /spec/networkIsolation: cluster -> value.
    std::map<std::string, bool> isolationOverrides() const;
    // Raw kubesphere.io/deletion-propagation ("" when absent; KubeSphere then orphans).
    std::string deletionPropagation() const;
    std::vector<std::string> placementClusters() const;
    // spec.placement.clusterSelector, or nullptr when absent.
    const J *clusterSelector() const;
    StringMap templateLabels() const;
    StringMap templateAnnotations() const;
    // Alias/description also looked up on spec.template.metadata, where the console puts them.
    std::string alias() const;
    std::string description() const;
};
template <typename J>
WorkspaceView(const J &) -> WorkspaceView<J>;

template <typename J = nlohmann::json>
class UserView : public ObjectView<J>
{
public:
    using ObjectView<J>::ObjectView;

    std::string email() const;
    std::string displayName() const;
    std::string description() const;  // spec.description, else the annotation
    std::string lang() const;
    std::vector<std::string> groups() const;  // spec.groups
    std::string state() const;                // Active | Disabled | AuthLimitExceeded | ""
    std::string reason() const;
    std::string lastLoginTime() const;
    std::string lastTransitionTime() const;
    std::string globalRoleAnnotation() const;
    std::vector<std::string> grantedClusters() const;
    bool uninitialized() const;
    bool hasPassword() const;  // the password itself is never exposed
};
template <typename J>
UserView(const J &) -> UserView<J>;

// GlobalRole, WorkspaceRole, Role, ClusterRole in either flavour.
template <typename J = nlohmann::json>
class RoleView : public ObjectView<J>
{
public:
    using ObjectView<J>::ObjectView;

    const J &rules() const;  // array (empty if absent)
    std::vector<PolicyRule> policyRules() const;
    std::size_t ruleCount() const;
    // 4.x aggregationRoleTemplates.
    bool hasAggregationRoleTemplates() const;
    std::vector<std::string> templateNames() const;
    const J *roleSelector() const;  // nullptr when absent
    // 3.x iam.kubesphere.io/aggregation-roles (JSON array in an annotation); invalid -> empty.
    std::vector<std::string> aggregationRolesAnnotation() const;
    bool isTemplate3x() const;  // label iam.kubesphere.io/role-template == "true"
    bool autoAggregate() const;
    std::string regoOverride() const;
};
template <typename J>
RoleView(const J &) -> RoleView<J>;

// 4.x RoleTemplate.
template <typename J = nlohmann::json>
class RoleTemplateView : public ObjectView<J>
{
public:
    using ObjectView<J>::ObjectView;

    std::string scope() const;     // iam.kubesphere.io/scope
    std::string category() const;  // iam.kubesphere.io/category
    // spec.displayName / spec.description are language maps; falls back to "en", then any.
    std::string displayName(const std::string &lang = "en") const;
    std::string descriptionText(const std::string &lang = "en") const;
    const J &rules() const;
    std::vector<std::string> aggregateTo() const;  // suffixes of iam.kubesphere.io/aggregate-to-*
    bool hidden() const;
    bool basic() const;
};
template <typename J>
RoleTemplateView(const J &) -> RoleTemplateView<J>;

// 4.x BuiltinRole and 3.x RoleBase: blueprints whose embedded `role` is instantiated per
// workspace or namespace.
template <typename J = nlohmann::json>
class BlueprintView : public ObjectView<J>
{
public:
    using ObjectView<J>::ObjectView;

    std::string roleKind() const;  // role.kind
    std::string roleName() const;  // role.metadata.name
    std::string scope() const;     // 4.x iam.kubesphere.io/scope label
    const J *targetSelector() const;
};
template <typename J>
BlueprintView(const J &) -> BlueprintView<J>;

// GlobalRoleBinding, WorkspaceRoleBinding, RoleBinding, ClusterRoleBinding in either flavour.
template <typename J = nlohmann::json>
class BindingView : public ObjectView<J>
{
public:
    using ObjectView<J>::ObjectView;

    RoleRef roleRef() const;
    std::vector<Subject> subjects() const;
    std::string userRef() const;   // iam.kubesphere.io/user-ref
    std::string groupRef() const;  // iam.kubesphere.io/group-ref
    std::string roleRefLabel() const;
};
template <typename J>
BindingView(const J &) -> BindingView<J>;

template <typename J = nlohmann::json>
class GroupBindingView : public ObjectView<J>
{
public:
    using ObjectView<J>::ObjectView;

    std::string groupName() const;  // groupRef.name
    std::vector<std::string> users() const;
};
template <typename J>
GroupBindingView(const J &) -> GroupBindingView<J>;

template <typename J = nlohmann::json>
class GroupView : public ObjectView<J>
{
public:
    using ObjectView<J>::ObjectView;

    std::string parent() const;       // iam.kubesphere.io/group-parent
    std::string displayName() const;  // generateName without the trailing '-', else name
};
template <typename J>
GroupView(const J &) -> GroupView<J>;

// A Namespace seen as a project.
template <typename J = nlohmann::json>
class ProjectView : public ObjectView<J>
{
public:
    using ObjectView<J>::ObjectView;

    std::string workspace() const;
    bool managed() const;        // kubesphere.io/managed == "true" (4.x built-in roles need it)
    bool isolationEnabled() const;
    bool protectedResource() const;
    std::string phase() const;   // status.phase
};
template <typename J>
ProjectView(const J &) -> ProjectView<J>;

// quota.kubesphere.io ResourceQuota.
template <typename J = nlohmann::json>
class WorkspaceQuotaView : public ObjectView<J>
{
public:
    using ObjectView<J>::ObjectView;

    StringMap selector() const;     // spec.selector
    std::string selectedWorkspace() const;  // selector's kubesphere.io/workspace, else the label
    StringMap hard() const;         // spec.quota.hard
    StringMap used() const;         // status.total.used
    using NamespaceUsage = QuotaNamespaceUsage;
    std::vector<NamespaceUsage> namespaces() const;  // status.namespaces
};
template <typename J>
WorkspaceQuotaView(const J &) -> WorkspaceQuotaView<J>;

template <typename J = nlohmann::json>
class ResourceQuotaView : public ObjectView<J>
{
public:
    using ObjectView<J>::ObjectView;

    StringMap hard() const;  // spec.hard
    StringMap used() const;  // status.used
    std::vector<std::string> scopes() const;
};
template <typename J>
ResourceQuotaView(const J &) -> ResourceQuotaView<J>;

template <typename J = nlohmann::json>
class LimitRangeView : public ObjectView<J>
{
public:
    using ObjectView<J>::ObjectView;

    using Item = LimitRangeItem;
    std::vector<Item> items() const;
    // The first item of type Container: what the console calls default container quotas.
    std::optional<Item> container() const;
};
template <typename J>
LimitRangeView(const J &) -> LimitRangeView<J>;

// networking.k8s.io NetworkPolicy or network.kubesphere.io NamespaceNetworkPolicy.
template <typename J = nlohmann::json>
class NetworkPolicyView : public ObjectView<J>
{
public:
    using ObjectView<J>::ObjectView;

    std::vector<std::string> policyTypes() const;
    std::size_t ingressRuleCount() const;
    std::size_t egressRuleCount() const;
    bool isIsolationPolicy() const;   // "nsnp-network-isolate"
    bool generatedFromNsnp() const;   // "nsnp-*": owned by KubeSphere's network controller
};
template <typename J>
NetworkPolicyView(const J &) -> NetworkPolicyView<J>;

// cluster.kubesphere.io Cluster.
template <typename J = nlohmann::json>
class ClusterView : public ObjectView<J>
{
public:
    using ObjectView<J>::ObjectView;

    bool isHost() const;  // label cluster-role.kubesphere.io/host
    bool ready() const;   // condition Ready == True
};
template <typename J>
ClusterView(const J &) -> ClusterView<J>;

// Helpers shared by views and the graph.
// (for nlohmann::json and kube::FrozenJson)
template <typename J>
std::vector<std::string> stringList(const J &value);
template <typename J>
StringMap stringMap(const J &value);

} // namespace kube::tenancy
