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

    void visit(const RbacIndex::BindingSet *set, const std::string &where, std::vector<WhoCanAnswer> &out)
    {
        if (!set)
            return;
        for (uint32_t b : set->bindings) {
            const int32_t role = m_index.roleOf(b);
            if (role < 0)
                continue;
            const int rule = ruleOf(role);
            if (rule < 0)
                continue;
            const Binding &binding = m_index.bindings()[b];
            for (const auto &s : binding.subjects) {
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
    const RbacIndex &m_index;
    const RequestAttributes &m_request;
    std::vector<int> m_firstRule;
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

std::vector<WhoCanAnswer> WhoCan::queryKubeSphere(const RbacIndex &index, const RequestAttributes &request)
{
    std::vector<WhoCanAnswer> out;
    KubeSphereEvaluator ks(std::shared_ptr<const RbacIndex>(&index, [](const RbacIndex *) {}));
    const KsScope scope = ks.scopeOf(request);
    Collector c(index, request);
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
