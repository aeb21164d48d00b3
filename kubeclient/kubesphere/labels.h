// The labels, annotations and fixed names that tie KubeSphere tenancy objects together
// (kubesphere-tenancy-api.md sections 4 and 5). One place, so no string is typed twice.
#pragma once

namespace kube::tenancy {

// 4.1 tenancy / ownership
inline constexpr const char *kWorkspaceLabel = "kubesphere.io/workspace";
inline constexpr const char *kNamespaceLabel = "kubesphere.io/namespace";  // 3.x only
inline constexpr const char *kManagedLabel = "kubesphere.io/managed";
inline constexpr const char *kProtectedLabel = "kubesphere.io/protected-resource";
inline constexpr const char *kDeletionPropagationAnnotation = "kubesphere.io/deletion-propagation";
inline constexpr const char *kCreatorAnnotation = "kubesphere.io/creator";
inline constexpr const char *kAliasAnnotation = "kubesphere.io/alias-name";
inline constexpr const char *kDescriptionAnnotation = "kubesphere.io/description";

// 4.2 IAM
inline constexpr const char *kUserRefLabel = "iam.kubesphere.io/user-ref";
inline constexpr const char *kRoleRefLabel = "iam.kubesphere.io/role-ref";
inline constexpr const char *kClusterRoleRefLabel = "iam.kubesphere.io/clusterrole-ref";  // ClusterRole mirrors
inline constexpr const char *kGroupRefLabel = "iam.kubesphere.io/group-ref";
inline constexpr const char *kRoleBindingRefLabel = "iam.kubesphere.io/rolebinding-ref";
inline constexpr const char *kClusterRoleBindingRefLabel = "iam.kubesphere.io/clusterrolebinding-ref";
inline constexpr const char *kAggregationRolesAnnotation = "iam.kubesphere.io/aggregation-roles";  // 3.x
inline constexpr const char *kRoleTemplateLabel = "iam.kubesphere.io/role-template";              // 3.x
inline constexpr const char *kRoleTemplateRulesAnnotation = "iam.kubesphere.io/role-template-rules";
inline constexpr const char *kDependenciesAnnotation = "iam.kubesphere.io/dependencies";
inline constexpr const char *kScopeLabel = "iam.kubesphere.io/scope";
inline constexpr const char *kCategoryLabel = "iam.kubesphere.io/category";
// Role-template picker hints (4.x): hidden templates are not offered, basic ones are part of every
// role the console creates at their scope.
inline constexpr const char *kHiddenRoleTemplateLabel = "iam.kubesphere.io/hidden-role-template";
inline constexpr const char *kBasicRoleTemplateLabel = "iam.kubesphere.io/basic-role-template";
inline constexpr const char *kAggregateToPrefix = "iam.kubesphere.io/aggregate-to-";
inline constexpr const char *kAutoAggregateAnnotation = "iam.kubesphere.io/auto-aggregate";
inline constexpr const char *kRegoOverrideAnnotation = "iam.kubesphere.io/rego-override";
inline constexpr const char *kGlobalRoleAnnotation = "iam.kubesphere.io/globalrole";
inline constexpr const char *kUninitializedAnnotation = "iam.kubesphere.io/uninitialized";
inline constexpr const char *kGrantedClustersAnnotation = "iam.kubesphere.io/granted-clusters";
// Stamped (RFC 3339, UTC) by the user controller when it hashes a new password.
inline constexpr const char *kLastPasswordChangeTimeAnnotation = "iam.kubesphere.io/last-password-change-time";

// 4.3 network
inline constexpr const char *kNetworkIsolateAnnotation = "kubesphere.io/network-isolate";
inline constexpr const char *kNetworkIsolateEnabled = "enabled";

// Tenantry's own marks on objects it writes as a stand-in for KubeSphere's controllers.
inline constexpr const char *kFieldManager = "tenantry";
inline constexpr const char *kGeneratedByLabel = "tenantry.dev/generated-by";
inline constexpr const char *kProjectedFromLabel = "tenantry.dev/projected-from";  // workspace role projections

// 5. naming
inline constexpr const char *kMirrorPrefix = "kubesphere:iam:";
inline constexpr const char *kIsolationPolicyName = "nsnp-network-isolate";

// Scope values of iam.kubesphere.io/scope
inline constexpr const char *kScopeGlobal = "global";
inline constexpr const char *kScopeCluster = "cluster";
inline constexpr const char *kScopeWorkspace = "workspace";
inline constexpr const char *kScopeNamespace = "namespace";

} // namespace kube::tenancy
