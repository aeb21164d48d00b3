// Walking binding sets: first allowing rule, all allowing rules, nearest misses.
// Candidates come from the subject lookups, so bindings of other subjects are never visited.
#include "kubeclient/rbac/bindingvisitor.h"

#include <algorithm>

namespace kube::rbac {

namespace {
// Missing pieces of a rule of the wrong kind (resource vs non-resource) count as far away.
size_t distance(const NearMiss &m)
{
    for (const auto &text : m.missing)
        if (text.find("(this rule is for") != std::string::npos)
            return 100 + m.missing.size();
    return m.missing.size();
}

// Role templates (KubeSphere) that hold exactly this rule: where the rule came from.
std::vector<std::string> templatesHolding(const RbacIndex &index, const Role &role, const PolicyRule &rule)
{
    std::vector<std::string> out;
    for (const auto &name : role.templateNames) {
        auto it = index.roleTemplates().find(name);
        if (it == index.roleTemplates().end())
            continue;
        if (std::find(it->second.rules.begin(), it->second.rules.end(), rule) != it->second.rules.end())
            out.push_back(name);
    }
    return out;
}
} // namespace

BindingVisitor::BindingVisitor(const RbacIndex &index, const Identity &who, const RequestAttributes &request)
    : m_index(index), m_who(who), m_request(request)
{
}

GrantPath BindingVisitor::pathFor(uint32_t binding, int ruleIndex, const std::string &scope) const
{
    GrantPath p;
    p.binding = binding;
    p.role = m_index.roleOf(binding);
    const Binding &b = m_index.bindings()[binding];
    p.bindingText = b.toString();
    if (p.role >= 0) {
        const Role &r = m_index.roles()[size_t(p.role)];
        p.roleText = r.toString();
        if (ruleIndex >= 0 && size_t(ruleIndex) < r.rules.size()) {
            p.rule = r.rules[size_t(ruleIndex)];
            p.templates = templatesHolding(m_index, r, p.rule);
        }
    } else {
        p.roleText = b.roleKind + " " + b.roleName + " (missing)";
    }
    p.ruleIndex = ruleIndex;
    if (const Subject *s = m_index.matchingSubject(binding, m_who)) {
        p.subject = *s;
        if (p.subject.kind == "ServiceAccount" && p.subject.ns.empty())
            p.subject.ns = b.ns;
    }
    p.scope = scope;
    return p;
}

void BindingVisitor::setRego(RegoEvaluator *rego, nlohmann::json input)
{
    m_rego = rego;
    m_regoInput = std::move(input);
}

std::string BindingVisitor::regoSkipped() const
{
    if (!m_rego)
        return "opa not available: no Rego engine was given to this evaluator";
    if (!m_rego->available())
        return m_rego->unavailableReason();
    if (m_who.name.empty())
        return "not evaluated: a Rego policy decides for a user, and this identity is a group without a user name";
    return {};
}

RegoVerdict BindingVisitor::regoVerdict(const Role &role)
{
    if (std::string why = regoSkipped(); !why.empty()) {
        RegoVerdict v;
        v.error = why;
        return v;
    }
    return m_rego->evaluateOne(role.regoPolicy, m_regoInput);
}

bool BindingVisitor::visit(const RbacIndex::BindingSet &set, const std::string &scope, Decision &decision,
                           bool reportMissingRoles, bool notePolicies)
{
    set.candidates(m_who, m_candidates);
    for (uint32_t b : m_candidates) {
        const int32_t role = m_index.roleOf(b);
        if (role < 0) {
            if (reportMissingRoles)
                decision.errors.push_back(m_index.bindings()[b].toString() + ": " + m_index.roleError(b));
            continue;
        }
        const Role &r = m_index.roles()[size_t(role)];
        if (notePolicies && !r.regoPolicy.empty()) {
            PolicyNote note;
            note.roleText = r.toString();
            note.bindingText = m_index.bindings()[b].toString();
            note.policy = r.regoPolicy;
            const bool run = regoSkipped().empty();
            const RegoVerdict v = regoVerdict(r);
            note.evaluated = run && !v.failed();
            note.allowed = v.allowed;
            note.error = v.error;
            if (run)
                note.engine = m_rego->engineName();
            if (v.rule)
                note.rule = v.rule->toString();
            decision.policies.push_back(std::move(note));
            if (v.allowed) {
                // ks-apiserver's visitor: the policy is asked before the role's rules.
                decision.allowed = true;
                decision.basis = Decision::Basis::Policy;
                decision.grant = pathFor(b, -1, scope);
                decision.grant->viaPolicy = true;
                if (v.rule) {
                    decision.grant->policyLine = v.rule->line;
                    decision.grant->policyRule = v.rule->text;
                }
                return true;
            }
        }
        for (size_t i = 0; i < r.rules.size(); ++i) {
            if (r.rules[i].allows(m_request)) {
                decision.allowed = true;
                decision.basis = Decision::Basis::Rule;
                decision.grant = pathFor(b, int(i), scope);
                return true;
            }
        }
    }
    return false;
}

bool BindingVisitor::allows(const RbacIndex::BindingSet &set)
{
    set.candidates(m_who, m_candidates);
    for (uint32_t b : m_candidates) {
        const int32_t role = m_index.roleOf(b);
        if (role < 0)
            continue;
        const Role &r = m_index.roles()[size_t(role)];
        if (m_rego && !r.regoPolicy.empty() && regoVerdict(r).allowed)
            return true;
        for (const auto &rule : r.rules)
            if (rule.allows(m_request))
                return true;
    }
    return false;
}

void BindingVisitor::gatherNear(const RbacIndex::BindingSet &set, const std::string &scope,
                                const std::string &scopeMissing, std::vector<NearMiss> &out)
{
    set.candidates(m_who, m_candidates);
    for (uint32_t b : m_candidates) {
        const int32_t role = m_index.roleOf(b);
        if (role < 0)
            continue;
        const Role &r = m_index.roles()[size_t(role)];
        for (size_t i = 0; i < r.rules.size(); ++i) {
            NearMiss m;
            if (!scopeMissing.empty())
                m.missing.push_back(scopeMissing);
            auto lacks = r.rules[i].missingFor(m_request);
            m.missing.insert(m.missing.end(), lacks.begin(), lacks.end());
            if (m.missing.empty())
                continue;  // it allows: not a miss (the caller is explaining a denial elsewhere)
            m.path = pathFor(b, int(i), scope);
            out.push_back(std::move(m));
        }
    }
}

void BindingVisitor::allGrants(const RbacIndex::BindingSet &set, const std::string &scope, std::vector<GrantPath> &out)
{
    set.candidates(m_who, m_candidates);
    for (uint32_t b : m_candidates) {
        const int32_t role = m_index.roleOf(b);
        if (role < 0)
            continue;
        const Role &r = m_index.roles()[size_t(role)];
        for (size_t i = 0; i < r.rules.size(); ++i)
            if (r.rules[i].allows(m_request))
                out.push_back(pathFor(b, int(i), scope));
    }
}

void BindingVisitor::keepNearest(std::vector<NearMiss> &misses, size_t limit)
{
    std::stable_sort(misses.begin(), misses.end(),
                     [](const NearMiss &a, const NearMiss &b) { return distance(a) < distance(b); });
    // A rule that lacks more than three things, or is of the other kind, explains nothing.
    misses.erase(std::remove_if(misses.begin(), misses.end(), [](const NearMiss &m) { return distance(m) > 3; }),
                 misses.end());
    if (misses.size() > limit)
        misses.resize(limit);
}

} // namespace kube::rbac
