// User operations. Standalone mode stores what KubeSphere's user controller would: the password
// as a bcrypt hash (never the clear text), the account's state with its transition time, and
// the platform role annotation; KubeSphere mode leaves hashing and status to that controller.
#include "kubeclient/tenancy/plan/userplans.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/kubesphere/names.h"
#include "kubeclient/kubesphere/passwordhash.h"

namespace kube::tenancy {

using nlohmann::json;

namespace {
// Annotations that others keep on a User and an edit (a whole-object apply) writes back as they
// are, so the apply does not remove them where Tenantry's field manager owns them.
constexpr const char *kKeptAnnotations[] = {kGlobalRoleAnnotation, kLastPasswordChangeTimeAnnotation};
} // namespace

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
    checks.push_back([this, spec] { return emailUnique(spec); });
    return checks;
}

Result<void> UserPlans::emailUnique(const UserSpec &spec) const
{
    auto users = m_context.list(m_context.api().user, "", "");
    if (!users) {
        // Whoever may not list users cannot be told whose e-mail it is; in KubeSphere mode the
        // webhook still refuses the write.
        if (users.error().isApi(StatusReason::Forbidden))
            return {};
        return users.error();
    }
    std::vector<UserEmail> emails;
    emails.reserve(users->size());
    for (const auto &u : *users)
        emails.push_back({ObjectMeta(u).name(), u.value("spec", json::object()).value("email", "")});
    return validateEmailUnique(spec.email, spec.name, emails);
}

std::string UserPlans::statusSubresource() const
{
    return m_context.reader().hasSubresource(m_context.api().user, "status") ? "status" : "";
}

json UserPlans::statePatch(const std::string &state) const
{
    return {{"status", {{"state", state}, {"lastTransitionTime", m_context.now()}}}};
}

Result<void> UserPlans::writePassword(Plan &plan, json &user, const std::string &password) const
{
    if (password.empty())
        return {};
    if (isBcryptHash(password)) {
        user["spec"]["password"] = password;
        plan.notes.push_back("the password is given as a bcrypt hash and stored as it is");
        return {};
    }
    if (!m_context.standalone()) {
        user["spec"]["password"] = password;
        plan.notes.push_back("KubeSphere's user controller replaces the password with its bcrypt hash");
        return {};
    }
    auto hash = bcryptHash(password, kBcryptDefaultCost);
    if (!hash)
        return hash.error();
    user["spec"]["password"] = *hash;
    user["metadata"]["annotations"][kLastPasswordChangeTimeAnnotation] = m_context.now();
    plan.notes.push_back("standalone mode: the password is stored as a bcrypt hash (cost "
                         + std::to_string(kBcryptDefaultCost) + "), as KubeSphere's user controller stores it");
    return {};
}

Result<Plan> UserPlans::create(const UserSpec &spec, const std::string &platformRole) const
{
    std::vector<PlanContext::Check> checks = {PlanContext::valid(PlanTarget::User, spec.name)};
    for (auto &c : fieldChecks(spec))
        checks.push_back(std::move(c));
    checks.push_back(m_context.absent(PlanTarget::User, spec.name));
    return PlanContext::compose("create user " + spec.name, checks, [&](Plan &plan) -> Result<void> {
        const TenancyApi &api = m_context.api();
        if (!platformRole.empty())
            if (auto role = m_context.require(api.globalRole, "", platformRole,
                                              "platform role \"" + platformRole + "\"", "platform role");
                !role)
                return role.error();
        UserSpec withoutPassword = spec;
        withoutPassword.password.clear();
        json user = m_context.factory().user(withoutPassword);
        // ks-apiserver creates the binding from this annotation, and 4.x keeps it on the User.
        if (!platformRole.empty())
            user["metadata"]["annotations"][kGlobalRoleAnnotation] = platformRole;
        if (auto r = writePassword(plan, user, spec.password); !r)
            return r;
        const bool secret = user["spec"].contains("password");
        PlanContext::addApply(plan, api.user, std::move(user), "the user");
        if (secret)
            plan.writes.back().secretPaths.push_back("/spec/password");
        if (m_context.standalone())
            PlanContext::addMergePatch(plan, api.user, spec.name, statePatch("Active"),
                                       "activate the account " + std::string(kControllerReason), true,
                                       statusSubresource());
        if (platformRole.empty())
            return {};
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
        // The live user, when it can be read: what others keep on it is written back unchanged.
        auto current = m_context.fetch(m_context.api().user, "", spec.name);
        if (!current && !current.error().isApi(StatusReason::Forbidden))
            return current.error();
        const json live = current && *current ? **current : json::object();
        UserSpec withoutPassword = spec;
        withoutPassword.password.clear();
        json user = m_context.factory().user(withoutPassword);
        const ObjectMeta meta(live);
        for (const char *key : kKeptAnnotations)
            if (const std::string value = meta.annotation(key); !value.empty())
                user["metadata"]["annotations"][key] = value;
        if (spec.password.empty()) {
            // The apply is the whole intent: leaving the stored hash out would remove it where
            // Tenantry's field manager owns the field.
            const std::string stored = live.value("spec", json::object()).value("password", "");
            if (isBcryptHash(stored)) {
                user["spec"]["password"] = stored;
                plan.notes.push_back("the password is unchanged (its stored hash is written back)");
            }
        } else if (auto r = writePassword(plan, user, spec.password); !r) {
            return r;
        }
        const bool secret = user["spec"].contains("password");
        PlanContext::addApply(plan, m_context.api().user, std::move(user), "the user");
        if (secret)
            plan.writes.back().secretPaths.push_back("/spec/password");
        return {};
    });
}

Result<Plan> UserPlans::setEnabled(const std::string &name, bool enabled) const
{
    const std::string title = std::string(enabled ? "enable" : "disable") + " user " + name;
    return PlanContext::compose(title, {m_context.exists(PlanTarget::User, name)}, [&](Plan &plan) -> Result<void> {
        const std::string state = enabled ? "Active" : "Disabled";
        // A state the account already has is no transition: nothing to write, and its
        // lastTransitionTime keeps saying when it really changed.
        auto current = m_context.fetch(m_context.api().user, "", name);
        if (current && *current && (**current).value("status", json::object()).value("state", "") == state) {
            plan.notes.push_back("user \"" + name + "\" is already " + state);
            return {};
        }
        PlanContext::addMergePatch(plan, m_context.api().user, name, statePatch(state),
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
