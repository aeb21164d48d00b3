// Naming schemes of KubeSphere tenancy objects (spec section 5) and the validation every
// operation runs before it plans a write: names, label values, emails, passwords.
#pragma once

#include "kubeclient/core/result.h"

#include <string>
#include <vector>

namespace kube::tenancy {

// Built-in workspace role object name: "<ws>-<role>"; when that exceeds 63 characters
// KubeSphere 4.x uses "<role>.<fnv32a(ws)>" instead.
std::string workspaceRoleName(const std::string &workspace, const std::string &role);
// Binding created for "add member with role": "<user>-<role>" (role = full role object name).
std::string memberBindingName(const std::string &user, const std::string &role);
// Manager binding of a workspace: "<ws>-admin".
std::string managerBindingName(const std::string &workspace);
// Creator binding of a project: "<creator>-admin".
std::string creatorBindingName(const std::string &creator);
// RBAC mirror of an iam.kubesphere.io role or binding: "kubesphere:iam:<name>".
std::string mirrorName(const std::string &name);
// Tenantry's projection of workspace role R into RBAC (standalone mode): a ClusterRole holding
// R's namespaced rules, bound in each project of the workspace.
std::string projectionName(const std::string &workspaceRole);
// 32-bit FNV-1a of a string, in decimal.
std::string fnv32a(const std::string &text);

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
