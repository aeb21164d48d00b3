// User operations. Standalone mode never stores a clear-text password (no controller would
// hash it and no KubeSphere login exists), and writes the controller's status and annotations.
#include "kubeclient/tenancy/plan/userplans.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/kubesphere/names.h"

namespace kube::tenancy {

using nlohmann::json;

UserPlans::UserPlans(const PlanContext &context)
    : m_context(context)
    , m_writes(context)
{
}

std::vector<PlanContext::Check> UserPlans::fieldChecks(const UserSpec &spec) const
{
    std::vector<PlanContext::Check> checks = {[email = spec.email] { return validateEmail(email); }};
    if (!spec.password.empty())
        checks.push_back([password = spec.password] { return validatePassword(password); });
    return checks;
}

std::string UserPlans::statusSubresource() const
{
    return m_context.reader().hasSubresource(m_context.api().user, "status") ? "status" : "";
}

Result<Plan> UserPlans::create(const UserSpec &spec, const std::string &platformRole) const
{
    std::vector<PlanContext::Check> checks = {PlanContext::valid(PlanTarget::User, spec.name)};
    for (auto &c : fieldChecks(spec))
        checks.push_back(std::move(c));
    checks.push_back(m_context.absent(PlanTarget::User, spec.name));
    return PlanContext::compose("create user " + spec.name, checks, [&](Plan &plan) -> Result<void> {
        const TenancyApi &api = m_context.api();
        UserSpec written = spec;
        if (m_context.standalone() && !spec.password.empty()) {
            written.password.clear();
            plan.notes.push_back("standalone mode: the password is not stored (no KubeSphere login exists without "
                                 "ks-apiserver, and no controller would hash it)");
        }
        PlanContext::addApply(plan, api.user, m_context.factory().user(written), "the user");
        if (!written.password.empty())
            plan.writes.back().secretPaths.push_back("/spec/password");
        if (m_context.standalone())
            PlanContext::addMergePatch(plan, api.user, spec.name, {{"status", {{"state", "Active"}}}},
                                       "activate the account " + std::string(kControllerReason), true,
                                       statusSubresource());
        if (platformRole.empty())
            return {};
        auto role = m_context.require(api.globalRole, "", platformRole, "platform role \"" + platformRole + "\"",
                                      "platform role");
        if (!role)
            return role.error();
        PlanContext::addApply(plan, api.globalRoleBinding, m_context.factory().globalRoleBinding(spec.name, platformRole),
                              "platform role " + platformRole);
        if (m_context.standalone() && platformRole == "platform-admin")
            PlanContext::addApply(plan, TenancyApi::rbacClusterRoleBinding,
                                  m_context.factory().platformAdminClusterBinding(spec.name),
                                  "cluster-admin for a platform admin " + std::string(kControllerReason), true);
        return {};
    });
}

Result<Plan> UserPlans::edit(const UserSpec &spec) const
{
    std::vector<PlanContext::Check> checks = {m_context.exists(PlanTarget::User, spec.name)};
    for (auto &c : fieldChecks(spec))
        checks.push_back(std::move(c));
    return PlanContext::compose("edit user " + spec.name, checks, [&](Plan &plan) -> Result<void> {
        UserSpec written = spec;
        if (m_context.standalone())
            written.password.clear();
        PlanContext::addApply(plan, m_context.api().user, m_context.factory().user(written), "the user");
        if (!written.password.empty())
            plan.writes.back().secretPaths.push_back("/spec/password");
        return {};
    });
}

Result<Plan> UserPlans::setEnabled(const std::string &name, bool enabled) const
{
    const std::string title = std::string(enabled ? "enable" : "disable") + " user " + name;
    return PlanContext::compose(title, {m_context.exists(PlanTarget::User, name)}, [&](Plan &plan) -> Result<void> {
        PlanContext::addMergePatch(plan, m_context.api().user, name, {{"status", {{"state", enabled ? "Active" : "Disabled"}}}},
                                   enabled ? "the account may log in again" : "the account is refused at every request",
                                   false, statusSubresource());
        if (m_context.standalone())
            plan.notes.push_back("standalone mode: kube-apiserver does not know KubeSphere accounts; disabling takes "
                                 "effect for logins through ks-apiserver, not for client certificates");
        return {};
    });
}

Result<Plan> UserPlans::remove(const std::string &name) const
{
    return PlanContext::compose("delete user " + name, {m_context.exists(PlanTarget::User, name)},
                                [&](Plan &plan) -> Result<void> {
                                    if (m_context.standalone())
                                        if (auto r = m_writes.addUserBindingRemovals(plan, name, nullptr); !r)
                                            return r.error();
                                    PlanContext::addDelete(plan, m_context.api().user, "", name, "the user");
                                    if (!m_context.standalone())
                                        plan.notes.push_back(
                                            "KubeSphere's user controller deletes the bindings labelled with this user");
                                    return {};
                                });
}

Result<Plan> UserPlans::setPlatformRole(const std::string &user, const std::string &role) const
{
    const TenancyApi &api = m_context.api();
    const std::vector<PlanContext::Check> checks = {m_context.exists(PlanTarget::User, user), [&]() -> Result<void> {
        auto r = m_context.require(api.globalRole, "", role, "platform role \"" + role + "\"", "platform role");
        return r ? Result<void>{} : Result<void>(r.error());
    }};
    return PlanContext::compose("set platform role of " + user + " to " + role, checks, [&](Plan &plan) -> Result<void> {
        auto existing = m_context.list(api.globalRoleBinding, "", std::string(kUserRefLabel) + "=" + user);
        if (!existing)
            return existing.error();
        const json binding = m_context.factory().globalRoleBinding(user, role);
        PlanContext::addApply(plan, api.globalRoleBinding, binding, "the user's single platform role binding");
        for (const auto &b : *existing)
            if (ObjectMeta(b).name() != ObjectMeta(binding).name())
                PlanContext::addDelete(plan, api.globalRoleBinding, "", ObjectMeta(b).name(), "previous platform role");
        if (!m_context.standalone())
            return {};
        PlanContext::addMergePatch(plan, api.user, user, {{"metadata", {{"annotations", {{kGlobalRoleAnnotation, role}}}}}},
                                   "user's platform role annotation " + std::string(kControllerReason), true);
        if (role == "platform-admin")
            PlanContext::addApply(plan, TenancyApi::rbacClusterRoleBinding, m_context.factory().platformAdminClusterBinding(user),
                                  "cluster-admin for a platform admin " + std::string(kControllerReason), true);
        else
            PlanContext::addDelete(plan, TenancyApi::rbacClusterRoleBinding, "", platformAdminBindingName(user),
                                   "no longer a platform admin", true);
        return {};
    });
}

} // namespace kube::tenancy
