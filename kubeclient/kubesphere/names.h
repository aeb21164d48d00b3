// Naming schemes of KubeSphere tenancy objects (spec section 5) and the validation every
// operation runs before it plans a write: names, label values, emails, passwords.
#pragma once

#include "kubeclient/core/result.h"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace kube::tenancy {

// Built-in workspace role object name: "<ws>-<role>"; when that exceeds 63 characters
// KubeSphere 4.x uses "<role>.<fnv64a(ws)>" instead (ensureWorkspaceRoleName).
std::string workspaceRoleName(const std::string &workspace, const std::string &role);
// Binding created for "add member with role": "<user>-<role>" (role = full role object name),
// fitted to 63 characters (fitName) so its RBAC mirror's rolebinding-ref label can hold it.
std::string memberBindingName(const std::string &user, const std::string &role);
// Manager binding of a workspace: named like the workspace's admin role ("<ws>-admin", or
// "admin.<hash>" for a long workspace name), as KubeSphere's workspacetemplate controller does.
std::string managerBindingName(const std::string &workspace);
// The WorkspaceRole object a user's word names in `workspace`: the word itself when a role of
// that name exists with the workspace's label (a full name, e.g. "ws1-viewer" or
// "viewer.<hash>"), else the built-in naming of a short name (workspaceRoleName). A word that
// names no role yet keeps a "<workspace>-" prefix it already has. `workspaceOf(name)` is the
// kubesphere.io/workspace label of the role of that name, nullopt when there is none.
std::string workspaceRoleObjectName(const std::string &workspace, const std::string &word,
                                    const std::function<std::optional<std::string>(const std::string &)> &workspaceOf);
// ClusterRoleBinding "<user>-cluster-admin" KubeSphere adds for a platform admin.
std::string platformAdminBindingName(const std::string &user);
// Creator binding of a project: "<creator>-admin", fitted to 63 characters.
std::string creatorBindingName(const std::string &creator);
// A derived name that must stay within `max` characters (an object name that also becomes a
// label value): unchanged when it fits; otherwise its first characters (cut back to an
// alphanumeric one), "-" and the 16-digit fnv64a of the whole name. Deterministic, so the same
// inputs always name the same object; a valid DNS subdomain stays one, and a result of at most
// 63 characters is a valid label value.
std::string fitName(const std::string &name, size_t max = 63);
// The value of a reference label (iam.kubesphere.io/role-ref, rolebinding-ref, ...,
// tenantry.dev/projected-from) for an object name: the name when it is a valid label value,
// else fitName(name, 63).
std::string refLabelValue(const std::string &name);
// The ServiceAccount behind a user's KubeSphere 4.x kubeconfig, "kubesphere.users.<user>" in
// "kubesphere-system": ks-apiserver binds it next to the User in project and cluster member
// bindings, and the platform-admin shadow ClusterRoleBinding binds it too.
std::string userServiceAccountName(const std::string &user);
inline constexpr const char *kUserServiceAccountNamespace = "kubesphere-system";
// The user whose kubeconfig ServiceAccount `namespace`/`name` is ("" when it is none).
std::string userOfServiceAccount(const std::string &ns, const std::string &name);
// RBAC mirror of an iam.kubesphere.io role or binding: "kubesphere:iam:<name>".
std::string mirrorName(const std::string &name);
// Tenantry's projection of workspace role R into RBAC (standalone mode): a ClusterRole holding
// R's namespaced rules, bound in each project of the workspace.
std::string projectionName(const std::string &workspaceRole);
// 64-bit FNV-1a of a string as 16 lower-case hex digits (KubeSphere's hashutil.FNVString).
std::string fnv64a(const std::string &text);

// Validation. `what` names the field in the message ("workspace name").
Result<void> validateDnsLabel(const std::string &value, const std::string &what);      // <= 63, [a-z0-9-]
Result<void> validateDnsSubdomain(const std::string &value, const std::string &what);  // <= 253, labels and dots
Result<void> validateLabelValue(const std::string &value, const std::string &what);
Result<void> validateEmail(const std::string &value);
// 8-64 characters with a lower-case letter, an upper-case letter and a digit, or a bcrypt
// hash; the password itself never appears in the message.
Result<void> validatePassword(const std::string &value);
Result<void> validateWorkspaceName(const std::string &name);
Result<void> validateProjectName(const std::string &name);
Result<void> validateUserName(const std::string &name);
Result<void> validateRoleName(const std::string &name);

// KubeSphere's user webhook (ks4 pkg/controller/user/user_webhook.go) on create and update: an
// e-mail another user already has is refused. Compared exactly, as the webhook compares; an
// empty e-mail and the user's own entry never count. The message names the field and the user.
struct UserEmail {
    std::string user, email;
};
Result<void> validateEmailUnique(const std::string &email, const std::string &user,
                                 const std::vector<UserEmail> &users);

} // namespace kube::tenancy
