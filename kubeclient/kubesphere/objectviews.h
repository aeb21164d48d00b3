// Typed read-only views over tenancy objects held as JSON: thin accessors (no copies of the
// object), tolerant of missing or mistyped fields, one small class per kind family.
#pragma once

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

// Shared accessors: metadata plus the annotations every tenancy object may carry.
class ObjectView
{
public:
    explicit ObjectView(const nlohmann::json &object);
    ObjectView(nlohmann::json &&) = delete;  // a view of a temporary would dangle

    const nlohmann::json &json() const { return m_object; }
    ObjectMeta meta() const { return ObjectMeta(m_object); }
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
    const nlohmann::json &at(std::initializer_list<const char *> path) const;
    std::string stringAt(std::initializer_list<const char *> path) const;

    const nlohmann::json &m_object;
};

// WorkspaceTemplate (host definition, both flavours) or Workspace (per cluster). Accessors
// answer for either shape: a template keeps the workspace spec under spec.template.spec.
class WorkspaceView : public ObjectView
{
public:
    using ObjectView::ObjectView;

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
    const nlohmann::json *clusterSelector() const;
    StringMap templateLabels() const;
    StringMap templateAnnotations() const;
    // Alias/description also looked up on spec.template.metadata, where the console puts them.
    std::string alias() const;
    std::string description() const;
};

class UserView : public ObjectView
{
public:
    using ObjectView::ObjectView;

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

// GlobalRole, WorkspaceRole, Role, ClusterRole in either flavour.
class RoleView : public ObjectView
{
public:
    using ObjectView::ObjectView;

    const nlohmann::json &rules() const;  // array (empty if absent)
    std::vector<PolicyRule> policyRules() const;
    std::size_t ruleCount() const;
    // 4.x aggregationRoleTemplates.
    bool hasAggregationRoleTemplates() const;
    std::vector<std::string> templateNames() const;
    const nlohmann::json *roleSelector() const;  // nullptr when absent
    // 3.x iam.kubesphere.io/aggregation-roles (JSON array in an annotation); invalid -> empty.
    std::vector<std::string> aggregationRolesAnnotation() const;
    bool isTemplate3x() const;  // label iam.kubesphere.io/role-template == "true"
    bool autoAggregate() const;
    std::string regoOverride() const;
};

// 4.x RoleTemplate.
class RoleTemplateView : public ObjectView
{
public:
    using ObjectView::ObjectView;

    std::string scope() const;     // iam.kubesphere.io/scope
    std::string category() const;  // iam.kubesphere.io/category
    // spec.displayName / spec.description are language maps; falls back to "en", then any.
    std::string displayName(const std::string &lang = "en") const;
    std::string descriptionText(const std::string &lang = "en") const;
    const nlohmann::json &rules() const;
    std::vector<std::string> aggregateTo() const;  // suffixes of iam.kubesphere.io/aggregate-to-*
    bool hidden() const;
    bool basic() const;
};

// 4.x BuiltinRole and 3.x RoleBase: blueprints whose embedded `role` is instantiated per
// workspace or namespace.
class BlueprintView : public ObjectView
{
public:
    using ObjectView::ObjectView;

    std::string roleKind() const;  // role.kind
    std::string roleName() const;  // role.metadata.name
    std::string scope() const;     // 4.x iam.kubesphere.io/scope label
    const nlohmann::json *targetSelector() const;
};

// GlobalRoleBinding, WorkspaceRoleBinding, RoleBinding, ClusterRoleBinding in either flavour.
class BindingView : public ObjectView
{
public:
    using ObjectView::ObjectView;

    RoleRef roleRef() const;
    std::vector<Subject> subjects() const;
    std::string userRef() const;   // iam.kubesphere.io/user-ref
    std::string groupRef() const;  // iam.kubesphere.io/group-ref
    std::string roleRefLabel() const;
};

class GroupBindingView : public ObjectView
{
public:
    using ObjectView::ObjectView;

    std::string groupName() const;  // groupRef.name
    std::vector<std::string> users() const;
};

class GroupView : public ObjectView
{
public:
    using ObjectView::ObjectView;

    std::string parent() const;       // iam.kubesphere.io/group-parent
    std::string displayName() const;  // generateName without the trailing '-', else name
};

// A Namespace seen as a project.
class ProjectView : public ObjectView
{
public:
    using ObjectView::ObjectView;

    std::string workspace() const;
    bool managed() const;        // kubesphere.io/managed == "true" (4.x built-in roles need it)
    bool isolationEnabled() const;
    bool protectedResource() const;
    std::string phase() const;   // status.phase
};

// quota.kubesphere.io ResourceQuota.
class WorkspaceQuotaView : public ObjectView
{
public:
    using ObjectView::ObjectView;

    StringMap selector() const;     // spec.selector
    std::string selectedWorkspace() const;  // selector's kubesphere.io/workspace, else the label
    StringMap hard() const;         // spec.quota.hard
    StringMap used() const;         // status.total.used
    struct NamespaceUsage {
        std::string namespaceName;
        StringMap hard;
        StringMap used;
    };
    std::vector<NamespaceUsage> namespaces() const;  // status.namespaces
};

class ResourceQuotaView : public ObjectView
{
public:
    using ObjectView::ObjectView;

    StringMap hard() const;  // spec.hard
    StringMap used() const;  // status.used
    std::vector<std::string> scopes() const;
};

class LimitRangeView : public ObjectView
{
public:
    using ObjectView::ObjectView;

    struct Item {
        std::string type;  // Container | Pod | PersistentVolumeClaim
        StringMap defaultLimits;   // "default"
        StringMap defaultRequest;
        StringMap max;
        StringMap min;
    };
    std::vector<Item> items() const;
    // The first item of type Container: what the console calls default container quotas.
    std::optional<Item> container() const;
};

// networking.k8s.io NetworkPolicy or network.kubesphere.io NamespaceNetworkPolicy.
class NetworkPolicyView : public ObjectView
{
public:
    using ObjectView::ObjectView;

    std::vector<std::string> policyTypes() const;
    std::size_t ingressRuleCount() const;
    std::size_t egressRuleCount() const;
    bool isIsolationPolicy() const;   // "nsnp-network-isolate"
    bool generatedFromNsnp() const;   // "nsnp-*": owned by KubeSphere's network controller
};

// cluster.kubesphere.io Cluster.
class ClusterView : public ObjectView
{
public:
    using ObjectView::ObjectView;

    bool isHost() const;  // label cluster-role.kubesphere.io/host
    bool ready() const;   // condition Ready == True
};

// Helpers shared by views and the graph.
std::vector<std::string> stringList(const nlohmann::json &value);
StringMap stringMap(const nlohmann::json &value);

} // namespace kube::tenancy
