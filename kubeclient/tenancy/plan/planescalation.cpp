// Plan-wide escalation check: one evaluator over the writer's rules as they are before the plan
// (the server checks each write against the current state), roles written earlier in the same
// plan standing in for the roles their bindings refer to.
#include "kubeclient/tenancy/plan/planescalation.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/rbac/evaluator.h"
#include "kubeclient/rbac/rbacindex.h"
#include "kubeclient/rbac/role.h"
#include "kubeclient/rbac/selfrules.h"

#include <algorithm>
#include <map>
#include <set>

namespace kube::tenancy {

using nlohmann::json;

namespace {

std::string kindOf(const PlannedWrite &w)
{
    return ObjectMeta(w.object).kind();
}

bool isRbacKind(const PlannedWrite &w, std::initializer_list<const char *> kinds)
{
    if (w.action != WriteAction::Apply || w.gvr.group != rbac::kRbacGroup)
        return false;
    const std::string kind = kindOf(w);
    return std::any_of(kinds.begin(), kinds.end(), [&](const char *k) { return kind == k; });
}

std::string nsOf(const PlannedWrite &w)
{
    const std::string ns = ObjectMeta(w.object).namespaceName();
    return ns.empty() ? w.ns : ns;
}

} // namespace

std::vector<const WriteEscalation *> PlanEscalation::refused() const
{
    std::vector<const WriteEscalation *> out;
    for (const auto &w : writes)
        if (!w.verdict.allowed)
            out.push_back(&w);
    return out;
}

std::string PlanEscalation::explain() const
{
    std::string out;
    for (const auto *w : refused())
        out += w->write + ": " + w->verdict.explain();
    if (incomplete)
        out += "(the server said its list of the writer's rules may be incomplete)\n";
    return out;
}

std::vector<std::string> escalationNamespaces(const Plan &plan)
{
    std::vector<std::string> out = {""};
    std::set<std::string> seen = {""};
    for (const auto &w : plan.writes)
        if (isRbacKind(w, {"Role", "RoleBinding"}))
            if (const std::string ns = nsOf(w); seen.insert(ns).second)
                out.push_back(ns);
    return out;
}

PlanEscalation checkPlanEscalation(const Plan &plan, const rbac::Identity &writer, const rbac::RbacData &writerRules,
                                   const rbac::RbacData *live)
{
    rbac::RbacData data = writerRules;
    if (live)
        for (const auto &[key, object] : live->objects())
            data.add(object);
    const rbac::Evaluator evaluator(rbac::RbacIndex::build(data));
    const rbac::EscalationCheck check(evaluator);

    // Roles as this plan writes them, by kind/namespace/name, for the bindings that follow.
    std::map<std::string, std::vector<rbac::PolicyRule>> written;
    auto roleKey = [](const std::string &kind, const std::string &ns, const std::string &name) {
        return kind + "/" + ns + "/" + name;
    };
    PlanEscalation out;
    for (std::size_t i = 0; i < plan.writes.size(); ++i) {
        const PlannedWrite &w = plan.writes[i];
        if (isRbacKind(w, {"Role", "ClusterRole"})) {
            WriteEscalation e{i, w.describe(), check.checkRoleWrite(writer, w.object)};
            const rbac::Role role = rbac::Role::fromJson(w.object);
            written[roleKey(role.kind, role.kind == "Role" ? nsOf(w) : std::string(), role.name)] = role.rules;
            out.writes.push_back(std::move(e));
        } else if (isRbacKind(w, {"RoleBinding", "ClusterRoleBinding"})) {
            const json ref = w.object.value("roleRef", json::object());
            const std::string kind = ref.value("kind", "");
            const auto it = written.find(roleKey(kind, kind == "Role" ? nsOf(w) : std::string(), ref.value("name", "")));
            out.writes.push_back({i, w.describe(),
                                  check.checkBindingWrite(writer, w.object, it == written.end() ? nullptr : &it->second)});
        }
    }
    return out;
}

Result<WriterRules> writerRulesData(Client &client, const rbac::Identity &writer,
                                    const std::vector<std::string> &namespaces, const CancelTokenPtr &cancel)
{
    WriterRules out;
    std::set<std::string> seen;
    for (const auto &ns : namespaces) {
        if (!seen.insert(ns).second)
            continue;
        auto review = rbac::selfRulesReview(client, ns.empty() ? rbac::kRulesBaselineNamespace : ns, cancel);
        if (!review)
            return review.error();
        rbac::SelfRules rules = rbac::selfRulesData(*review, writer, ns);
        out.incomplete = out.incomplete || rules.incomplete;
        for (const auto &[key, object] : rules.data.objects())
            out.data.add(object);
        out.namespaces.push_back(ns);
    }
    return out;
}

} // namespace kube::tenancy
