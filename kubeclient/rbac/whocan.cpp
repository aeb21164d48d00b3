// who-can over the index: roles are tested once each, then their bindings are listed.
// Subjects that can never match (unknown kinds, SAs without namespace in cluster bindings) are left out.
#include "kubeclient/rbac/whocan.h"

#include "kubeclient/rbac/kubesphereevaluator.h"

#include <algorithm>

namespace kube::rbac {

namespace {
class Collector
{
public:
    Collector(const RbacIndex &index, const RequestAttributes &request)
        : m_index(index), m_request(request), m_firstRule(index.roles().size(), -2)
    {
    }

    // The first rule of the role that allows the request, or -1.
    int ruleOf(int32_t role)
    {
        int &cached = m_firstRule[size_t(role)];
        if (cached == -2) {
            cached = -1;
            const auto &rules = m_index.roles()[size_t(role)].rules;
            for (size_t i = 0; i < rules.size(); ++i)
                if (rules[i].allows(m_request)) {
                    cached = int(i);
                    break;
                }
        }
        return cached;
    }

    // KubeSphere: policies are evaluated with this engine for requests of this scope.
    void setRego(RegoEvaluator *rego, std::string resourceScope, std::vector<std::string> *notes)
    {
        m_rego = rego;
        m_regoScope = std::move(resourceScope);
        m_notes = notes;
    }

    void visit(const RbacIndex::BindingSet *set, const std::string &where, std::vector<WhoCanAnswer> &out)
    {
        if (!set)
            return;
        for (uint32_t b : set->bindings) {
            const int32_t role = m_index.roleOf(b);
            if (role < 0)
                continue;
            const int rule = ruleOf(role);
            std::vector<bool> byPolicy;
            if (!m_index.roles()[size_t(role)].regoPolicy.empty())
                byPolicy = visitPolicy(b, role, rule, where, out);
            if (rule < 0)
                continue;
            const Binding &binding = m_index.bindings()[b];
            for (size_t si = 0; si < binding.subjects.size(); ++si) {
                const auto &s = binding.subjects[si];
                if (si < byPolicy.size() && byPolicy[si])
                    continue;  // its policy allowed first
                if (RbacIndex::subjectKey(s, binding.isCluster() ? std::string() : binding.ns).empty())
                    continue;  // can never match (unknown kind, SA without namespace in a cluster binding)
                WhoCanAnswer a;
                a.subject = s;
                a.subject.apiGroup.clear();
                if (s.kind == "ServiceAccount" && s.ns.empty())
                    a.subject.ns = binding.ns;
                a.where = where;
                a.path.binding = b;
                a.path.role = role;
                a.path.bindingText = binding.toString();
                a.path.roleText = m_index.roles()[size_t(role)].toString();
                a.path.subject = a.subject;
                a.path.scope = where;
                a.path.ruleIndex = rule;
                a.path.rule = m_index.roles()[size_t(role)].rules[size_t(rule)];
                out.push_back(std::move(a));
            }
        }
    }

private:
    // The answers the role's Rego policy gives (asked before its rules): per subject of the
    // binding whether the policy allowed it. Users held by a Group subject are answered
    // one by one when the group's rules do not already allow.
    std::vector<bool> visitPolicy(uint32_t b, int32_t role, int rule, const std::string &where,
                                  std::vector<WhoCanAnswer> &out)
    {
        const Binding &binding = m_index.bindings()[b];
        const Role &r = m_index.roles()[size_t(role)];
        std::vector<bool> allowed(binding.subjects.size(), false);
        if (!m_rego || !m_rego->available()) {
            note(r.toString() + " (via " + binding.toString() + ") carries a Rego policy that was not evaluated (" +
                 (m_rego ? m_rego->unavailableReason() : std::string("opa not available: no Rego engine was given")) +
                 "): it may allow more subjects");
            return allowed;
        }
        struct Ask {
            size_t subject;       // index in binding.subjects
            Subject answerAs;     // who the answer names
        };
        std::vector<Ask> asks;
        std::vector<nlohmann::json> inputs;
        for (size_t i = 0; i < binding.subjects.size(); ++i) {
            const Subject &s = binding.subjects[i];
            const std::string bindingNs = binding.isCluster() ? std::string() : binding.ns;
            if (RbacIndex::subjectKey(s, bindingNs).empty())
                continue;
            if (s.kind == "User") {
                asks.push_back({i, Subject::user(s.name)});
                inputs.push_back(regoInput(Identity::impersonated(s.name), m_request, m_regoScope));
            } else if (s.kind == "ServiceAccount") {
                const std::string ns = s.ns.empty() ? binding.ns : s.ns;
                asks.push_back({i, Subject::serviceAccount(ns, s.name)});
                inputs.push_back(regoInput(Identity::serviceAccount(ns, s.name), m_request, m_regoScope));
            } else if (s.kind == "Group" && rule < 0) {
                const auto members = s.name == kGroupAuthenticated ? m_index.users() : m_index.usersInGroup(s.name);
                for (const auto &user : members) {
                    auto who = Identity::impersonated(user, m_index.userGroups(user));
                    if (!who.inGroup(s.name))
                        continue;
                    asks.push_back({i, Subject::user(user)});
                    inputs.push_back(regoInput(who, m_request, m_regoScope));
                }
            }
        }
        if (inputs.empty())
            return allowed;
        const auto verdicts = m_rego->evaluate(r.regoPolicy, inputs);
        std::string failure;
        for (size_t k = 0; k < asks.size() && k < verdicts.size(); ++k) {
            const RegoVerdict &v = verdicts[k];
            if (v.failed() && failure.empty())
                failure = v.error;
            if (!v.allowed)
                continue;
            const Subject &s = binding.subjects[asks[k].subject];
            if (s.kind != "Group")
                allowed[asks[k].subject] = true;
            WhoCanAnswer a;
            a.subject = asks[k].answerAs;
            a.subject.apiGroup.clear();
            a.where = where;
            a.path.binding = b;
            a.path.role = role;
            a.path.bindingText = binding.toString();
            a.path.roleText = r.toString();
            a.path.subject = s;
            a.path.subject.apiGroup.clear();
            if (a.path.subject.kind == "ServiceAccount" && a.path.subject.ns.empty())
                a.path.subject.ns = binding.ns;
            a.path.scope = where;
            a.path.viaPolicy = true;
            if (v.rule) {
                a.path.policyLine = v.rule->line;
                a.path.policyRule = v.rule->text;
            }
            out.push_back(std::move(a));
        }
        if (!failure.empty())
            note(r.toString() + " (via " + binding.toString() + "): its Rego policy failed, so it allows nothing: " +
                 failure);
        return allowed;
    }

    void note(const std::string &text)
    {
        if (m_notes && std::find(m_notes->begin(), m_notes->end(), text) == m_notes->end())
            m_notes->push_back(text);
    }

    const RbacIndex &m_index;
    const RequestAttributes &m_request;
    std::vector<int> m_firstRule;
    RegoEvaluator *m_rego = nullptr;
    std::string m_regoScope;
    std::vector<std::string> *m_notes = nullptr;
};
} // namespace

std::vector<WhoCanAnswer> WhoCan::query(const RbacIndex &index, const RequestAttributes &request, bool allNamespaces)
{
    std::vector<WhoCanAnswer> out;
    WhoCanAnswer masters;
    masters.subject = Subject::group(kGroupMasters);
    masters.subject.apiGroup.clear();
    masters.where = "everywhere (superuser, before RBAC)";
    masters.superuser = true;
    out.push_back(masters);
    Collector c(index, request);
    c.visit(&index.clusterBindings(), "cluster-wide", out);
    if (!request.ns.empty()) {
        c.visit(index.namespaceBindings(request.ns), "namespace " + request.ns, out);
    } else if (allNamespaces && request.isResourceRequest) {
        // Rule matching ignores the namespace (it only selects RoleBindings), so one collector
        // serves every namespace.
        for (const auto &ns : index.namespaces()) {
            c.visit(index.namespaceBindings(ns), "namespace " + ns, out);
        }
    }
    return out;
}

std::vector<WhoCanAnswer> WhoCan::queryKubeSphere(const RbacIndex &index, const RequestAttributes &request,
                                                   const std::shared_ptr<RegoEvaluator> &rego,
                                                   std::vector<std::string> *notes)
{
    std::vector<WhoCanAnswer> out;
    KubeSphereEvaluator ks(std::shared_ptr<const RbacIndex>(&index, [](const RbacIndex *) {}));
    const KsScope scope = ks.scopeOf(request);
    Collector c(index, request);
    c.setRego(rego.get(), KubeSphereEvaluator::regoScope(scope), notes);
    c.visit(&index.globalBindings(), "global", out);
    if (scope == KsScope::Global)
        return out;
    const std::string ws = ks.workspaceFor(request);
    if (!ws.empty())
        c.visit(index.workspaceBindings(ws), "workspace " + ws, out);
    if (scope == KsScope::Namespace)
        c.visit(index.ksNamespaceBindings(request.ns), "namespace " + request.ns, out);
    c.visit(&index.ksClusterBindings(), "cluster", out);
    return out;
}

std::string WhoCan::toText(const std::vector<WhoCanAnswer> &answers)
{
    size_t sw = 7, ww = 5;
    for (const auto &a : answers) {
        sw = std::max(sw, a.subject.toString().size());
        ww = std::max(ww, a.where.size());
    }
    auto pad = [](std::string s, size_t w) {
        if (s.size() < w)
            s.append(w - s.size(), ' ');
        return s;
    };
    std::string out = pad("SUBJECT", sw) + "  " + pad("WHERE", ww) + "  PATH\n";
    for (const auto &a : answers) {
        out += pad(a.subject.toString(), sw) + "  " + pad(a.where, ww) + "  ";
        if (a.superuser)
            out += "(system:masters is allowed everything)";
        else if (a.path.viaPolicy)
            out += a.path.bindingText + " -> " + a.path.roleText + " Rego policy" +
                   (a.path.policyLine > 0 ? " rule authz.rego:" + std::to_string(a.path.policyLine) + " {" +
                                                a.path.policyRule + "}"
                                          : std::string()) +
                   (a.path.subject.kind == "Group" ? " (as a member of Group " + a.path.subject.name + ")" : "");
        else
            out += a.path.bindingText + " -> " + a.path.roleText + " rule #" + std::to_string(a.path.ruleIndex) +
                   " {" + a.path.rule.toString() + "}";
        out += "\n";
    }
    return out;
}

nlohmann::json WhoCan::toJson(const std::vector<WhoCanAnswer> &answers)
{
    nlohmann::json out = nlohmann::json::array();
    for (const auto &a : answers) {
        nlohmann::json j = {{"subject", a.subject.toJson()}, {"where", a.where}};
        if (a.superuser)
            j["superuser"] = true;
        else
            j["path"] = a.path.toJson();
        out.push_back(std::move(j));
    }
    return out;
}

} // namespace kube::rbac
