// Cell questions: thin compositions of the evaluators, who-can and the risk scanner.
#include "kubeclient/rbac/cellquery.h"

#include "kubeclient/core/text.h"
#include "kubeclient/rbac/evaluator.h"
#include "kubeclient/rbac/kubesphereevaluator.h"
#include "kubeclient/rbac/rbacindex.h"

#include <algorithm>
#include <set>

namespace kube::rbac {

using kube::text::startsWithNoCase;
using kube::text::trim;

std::string SubjectChoice::label() const
{
    if (subject.kind == "User")
        return subject.name;
    if (subject.kind == "ServiceAccount")
        return "ServiceAccount " + subject.ns + "/" + subject.name;
    return subject.kind + " " + subject.name;
}

namespace {

std::optional<SubjectChoice> fail(std::string *error, std::string text)
{
    if (error)
        *error = std::move(text);
    return std::nullopt;
}

std::optional<SubjectChoice> serviceAccountChoice(const std::string &ns, const std::string &name,
                                                  const std::string &typed, std::string *error)
{
    if (ns.empty() || name.empty() || name.find_first_of("/:") != std::string::npos ||
        ns.find_first_of("/:") != std::string::npos)
        return fail(error, "\"" + typed + "\" is not a service account: write ServiceAccount NAMESPACE/NAME or "
                           "system:serviceaccount:NAMESPACE:NAME");
    SubjectChoice c;
    c.subject = Subject::serviceAccount(ns, name);
    c.identity = Identity::serviceAccount(ns, name);
    return c;
}

// "prefix rest" or "prefix:rest" with a case-insensitive prefix; the rest trimmed.
bool takePrefix(const std::string &text, const std::vector<std::string> &prefixes, std::string &rest)
{
    for (const auto &p : prefixes) {
        if (text.size() > p.size() && startsWithNoCase(text, p) && (text[p.size()] == ' ' || text[p.size()] == ':')) {
            rest = std::string(trim(text.substr(p.size() + 1)));
            return true;
        }
    }
    return false;
}

} // namespace

std::optional<SubjectChoice> parseSubject(const std::string &typed, const std::vector<std::string> &extraGroups,
                                          std::string *error)
{
    const std::string text(trim(typed));
    if (text.empty())
        return fail(error, "no subject: type a user, \"Group NAME\" or \"ServiceAccount NAMESPACE/NAME\"");
    std::string rest;
    for (const char *keyword : {"user", "group", "serviceaccount", "sa"})
        if (text.size() == std::string_view(keyword).size() && startsWithNoCase(text, keyword))
            return fail(error, "\"" + text + "\" names a kind but no subject: write \"" + text + " NAME\"");
    if (text.rfind(kServiceAccountPrefix, 0) == 0) {
        const std::string tail = text.substr(std::string(kServiceAccountPrefix).size());
        const auto colon = tail.find(':');
        if (colon == std::string::npos)
            return fail(error, "\"" + text + "\" is not a service account user: expected " +
                                   std::string(kServiceAccountPrefix) + "NAMESPACE:NAME");
        return serviceAccountChoice(tail.substr(0, colon), tail.substr(colon + 1), text, error);
    }
    if (takePrefix(text, {"serviceaccount", "sa"}, rest)) {
        const auto slash = rest.find('/');
        if (slash == std::string::npos)
            return fail(error, "\"" + text + "\" names no namespace: write ServiceAccount NAMESPACE/NAME");
        return serviceAccountChoice(rest.substr(0, slash), rest.substr(slash + 1), text, error);
    }
    if (takePrefix(text, {"group"}, rest)) {
        if (rest.empty())
            return fail(error, "\"" + text + "\" names no group");
        SubjectChoice c;
        c.subject = Subject::group(rest);
        // A group as a subject: a request that carries only this group.
        c.identity = Identity::verbatim("", {rest});
        return c;
    }
    if (takePrefix(text, {"user"}, rest)) {
        if (rest.empty())
            return fail(error, "\"" + text + "\" names no user");
    } else {
        rest = text;
    }
    SubjectChoice c;
    c.subject = Subject::user(rest);
    c.identity = Identity::impersonated(rest, extraGroups);
    std::string ns, name;
    if (c.identity.serviceAccountParts(ns, name))
        c.subject = Subject::serviceAccount(ns, name);
    return c;
}

std::vector<SubjectChoice> knownSubjects(const RbacIndex &index)
{
    std::set<std::string> users, groups;
    std::set<std::pair<std::string, std::string>> serviceAccounts;
    for (const auto &u : index.users())
        users.insert(u);
    for (const auto &s : index.subjects()) {
        if (s.kind == "User")
            users.insert(s.name);
        else if (s.kind == "Group")
            groups.insert(s.name);
        else if (s.kind == "ServiceAccount" && !s.ns.empty())
            serviceAccounts.emplace(s.ns, s.name);
    }
    std::vector<SubjectChoice> out;
    out.reserve(users.size() + groups.size() + serviceAccounts.size());
    for (const auto &u : users) {
        if (auto c = parseSubject(u, {}))
            out.push_back(std::move(*c));
    }
    for (const auto &g : groups) {
        SubjectChoice c;
        c.subject = Subject::group(g);
        c.identity = Identity::verbatim("", {g});
        out.push_back(std::move(c));
    }
    for (const auto &[ns, name] : serviceAccounts) {
        SubjectChoice c;
        c.subject = Subject::serviceAccount(ns, name);
        c.identity = Identity::serviceAccount(ns, name);
        out.push_back(std::move(c));
    }
    return out;
}

RequestAttributes cellRequest(const MatrixScope &scope, const CatalogEntry &entry, const std::string &verb)
{
    auto request = RequestAttributes::forResource(verb, entry.group, entry.resource,
                                                  scope.kind == MatrixScope::Kind::Namespace ? scope.name : "", {},
                                                  entry.subresource);
    request.apiVersion = entry.version;
    if (scope.kind == MatrixScope::Kind::Workspace)
        request.workspace = scope.name;
    return request;
}

std::string CellExplanation::toText() const
{
    std::string out = decision.explain();
    if (decision.allowed && grants.size() > 1) {
        out += "  every path that allows it (" + std::to_string(grants.size()) + "):\n";
        for (const auto &g : grants)
            out += "    " + g.toString() + "\n";
    }
    return out;
}

CellExplanation explainRequest(const std::shared_ptr<const RbacIndex> &index, View view, const Identity &who,
                               const RequestAttributes &request, size_t nearLimit,
                               const std::shared_ptr<RegoEvaluator> &rego)
{
    CellExplanation out;
    if (view == View::Kubernetes) {
        Evaluator evaluator(index);
        out.decision = evaluator.authorize(who, request, nearLimit);
        if (out.decision.allowed && out.decision.basis == Decision::Basis::Rule)
            out.grants = evaluator.allGrants(who, request);
    } else {
        KubeSphereEvaluator evaluator(index, rego);
        out.decision = evaluator.authorize(who, request, nearLimit);
        if (out.decision.grant)
            out.grants.push_back(*out.decision.grant);
    }
    return out;
}

std::vector<WhoCanAnswer> whoCanRequest(const RbacIndex &index, View view, const RequestAttributes &request,
                                        bool namespaced, const std::shared_ptr<RegoEvaluator> &rego,
                                        std::vector<std::string> *notes)
{
    if (view == View::KubeSphere)
        return WhoCan::queryKubeSphere(index, request, rego, notes);
    return WhoCan::query(index, request, namespaced && request.ns.empty());
}

std::vector<RiskFinding> risksInScope(const RbacIndex &index, View view, const MatrixScope &scope)
{
    RiskScanner::Options options;
    options.view = view;
    auto all = RiskScanner::scan(index, options);
    auto keep = [&](const RiskFinding &f) {
        const std::string &w = f.where;
        if (w == "cluster-wide" || w == "global")
            return true;  // holds in every scope
        switch (scope.kind) {
        case MatrixScope::Kind::Platform: return false;
        case MatrixScope::Kind::Cluster: return true;  // the whole cluster: every finding
        case MatrixScope::Kind::Workspace:
            if (w == "workspace " + scope.name)
                return true;
            return w.rfind("namespace ", 0) == 0 && index.workspaceOf(w.substr(10)) == scope.name;
        case MatrixScope::Kind::Namespace: {
            if (w == "namespace " + scope.name)
                return true;
            const std::string ws = index.workspaceOf(scope.name);
            return view == View::KubeSphere && !ws.empty() && w == "workspace " + ws;
        }
        }
        return false;
    };
    all.erase(std::remove_if(all.begin(), all.end(), [&](const RiskFinding &f) { return !keep(f); }), all.end());
    return all;
}

} // namespace kube::rbac
