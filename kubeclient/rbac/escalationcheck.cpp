// Escalation prevention on RBAC writes (kube-apiserver-notes.md 5.6).
// Same order as the server: system:masters, then the escalate/bind verb, then covers.
#include "kubeclient/rbac/escalationcheck.h"
#include "kubeclient/core/jsonfields.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/rbac/coveragecheck.h"
#include "kubeclient/rbac/role.h"

namespace kube::rbac {

namespace {
std::string groupOf(const std::string &apiVersion)
{
    auto slash = apiVersion.find('/');
    return slash == std::string::npos ? std::string() : apiVersion.substr(0, slash);
}

EscalationVerdict notRbac(const std::string &kind)
{
    EscalationVerdict v;
    v.allowed = true;
    v.basis = "not checked";
    v.message = kind + " is not an RBAC kind: kube-apiserver runs no escalation check on it (only the write "
                       "permission on the resource itself)";
    return v;
}
} // namespace

std::string EscalationVerdict::explain() const
{
    std::string out = message + "\n";
    for (const auto &r : uncovered)
        out += "  lacking: " + r.toString() + "\n";
    return out;
}

EscalationCheck::EscalationCheck(const Evaluator &evaluator) : m_evaluator(evaluator) {}

EscalationVerdict EscalationCheck::checkRoleWrite(const Identity &writer, const nlohmann::json &object, bool viaPost) const
{
    ObjectMeta meta(object);
    const std::string kind = meta.kind();
    if (groupOf(meta.apiVersion()) != kRbacGroup || (kind != "Role" && kind != "ClusterRole"))
        return notRbac(kind);
    const Role role = Role::fromJson(object);
    const std::string ns = kind == "Role" ? role.ns : std::string();
    EscalationVerdict v;
    if (writer.inGroup(kGroupMasters)) {
        v.allowed = true;
        v.basis = "system:masters";
        v.message = "allowed: system:masters may write any role";
        return v;
    }
    const auto escalate = RequestAttributes::forResource("escalate", kRbacGroup,
                                                         kind == "Role" ? "roles" : "clusterroles", ns,
                                                         viaPost ? std::string() : role.name);
    if (m_evaluator.allowed(writer, escalate)) {
        v.allowed = true;
        v.basis = "escalate";
        v.message = "allowed: " + writer.name + " holds the escalate verb on " + escalate.groupResource() +
                    " \"" + role.name + "\"";
        return v;
    }
    const auto held = m_evaluator.rulesFor(writer, ns);
    v.uncovered = CoverageCheck::uncovered(held, role.rules);
    if (kind == "ClusterRole" && role.hasAggregationRule) {
        // An aggregated ClusterRole may later gather anything: it needs full authority.
        const std::vector<PolicyRule> everything = {PolicyRule{{"*"}, {"*"}, {"*"}, {}, {}},
                                                    PolicyRule{{"*"}, {}, {}, {}, {"*"}}};
        for (auto &r : CoverageCheck::uncovered(held, everything))
            v.uncovered.push_back(std::move(r));
        if (!v.uncovered.empty()) {
            v.basis = "covers";
            v.message = "refused: a ClusterRole with an aggregationRule needs cluster-admin-level rules (or the "
                        "escalate verb); " + writer.name + " lacks " + std::to_string(v.uncovered.size()) +
                        " permission(s)";
            return v;
        }
    }
    v.basis = "covers";
    v.allowed = v.uncovered.empty();
    v.message = v.allowed ? "allowed: " + writer.name + " already holds every permission the role grants"
                          : "refused (privilege escalation): " + writer.name + " lacks " +
                                std::to_string(v.uncovered.size()) + " of the permissions the role grants" +
                                (ns.empty() ? " cluster-wide" : " in namespace " + ns) + " and has no escalate verb";
    return v;
}

EscalationVerdict EscalationCheck::checkBindingWrite(const Identity &writer, const nlohmann::json &object,
                                                     const std::vector<PolicyRule> *roleRules) const
{
    ObjectMeta meta(object);
    const std::string kind = meta.kind();
    if (groupOf(meta.apiVersion()) != kRbacGroup || (kind != "RoleBinding" && kind != "ClusterRoleBinding"))
        return notRbac(kind);
    const std::string ns = kind == "RoleBinding" ? meta.namespaceName() : std::string();
    const auto ref = object.find("roleRef");
    const nlohmann::json none;
    const nlohmann::json &roleRef = ref != object.end() ? *ref : none;
    const std::string roleKind = stringField(roleRef, "kind"), roleName = stringField(roleRef, "name");
    EscalationVerdict v;
    if (writer.inGroup(kGroupMasters)) {
        v.allowed = true;
        v.basis = "system:masters";
        v.message = "allowed: system:masters may bind any role";
        return v;
    }
    // The bind verb is checked on the referenced role's resource, in the binding's namespace.
    const auto bind = RequestAttributes::forResource("bind", kRbacGroup,
                                                     roleKind == "Role" ? "roles" : "clusterroles", ns, roleName);
    if (m_evaluator.allowed(writer, bind)) {
        v.allowed = true;
        v.basis = "bind";
        v.message = "allowed: " + writer.name + " holds the bind verb on " + bind.groupResource() + " \"" +
                    roleName + "\"" + (ns.empty() ? "" : " in namespace " + ns);
        return v;
    }
    const int32_t role = roleRules ? -1
                                   : m_evaluator.index().findRole(kRbacGroup, roleKind,
                                                                  roleKind == "Role" ? ns : std::string(), roleName);
    v.basis = "covers";
    if (!roleRules && role < 0) {
        v.message = "refused: " + roleKind + " \"" + roleName + "\" does not exist, so " + writer.name +
                    " cannot be shown to hold its permissions (and has no bind verb)";
        return v;
    }
    v.uncovered = CoverageCheck::uncovered(m_evaluator.rulesFor(writer, ns),
                                           roleRules ? *roleRules : m_evaluator.index().roles()[size_t(role)].rules);
    v.allowed = v.uncovered.empty();
    v.message = v.allowed ? "allowed: " + writer.name + " already holds every permission of " + roleKind + " " + roleName
                          : "refused (privilege escalation): " + writer.name + " lacks " +
                                std::to_string(v.uncovered.size()) + " permission(s) of " + roleKind + " " + roleName +
                                (ns.empty() ? " cluster-wide" : " in namespace " + ns) + " and has no bind verb";
    return v;
}

} // namespace kube::rbac
