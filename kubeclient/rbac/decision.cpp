// Printing decisions: the server-like reason line, the human explanation and JSON.
// The reason line names bindings the way kube-apiserver does, so the two can be compared.
#include "kubeclient/rbac/decision.h"

namespace kube::rbac {

namespace {
std::string quotedSubject(const Subject &s)
{
    if (s.kind == "ServiceAccount")
        return "ServiceAccount \"" + s.name + "/" + s.ns + "\"";
    return s.kind + " \"" + s.name + "\"";
}

// "ClusterRoleBinding admins" -> ClusterRoleBinding "admins"; "RoleBinding ns/x" -> RoleBinding "x/ns"
// (kube-apiserver names RoleBindings name/namespace in its reasons).
std::string serverStyle(const std::string &text)
{
    const auto space = text.find(' ');
    if (space == std::string::npos)
        return text;
    std::string kind = text.substr(0, space), rest = text.substr(space + 1);
    if (auto slash = rest.find('/'); slash != std::string::npos)
        rest = rest.substr(slash + 1) + "/" + rest.substr(0, slash);
    return kind + " \"" + rest + "\"";
}
} // namespace

std::string GrantPath::toString() const
{
    std::string out = bindingText + " -> " + roleText;
    if (viaPolicy)
        out += policyLine > 0 ? ", Rego policy rule authz.rego:" + std::to_string(policyLine) + " {" + policyRule + "}"
                              : std::string(", its Rego policy (iam.kubesphere.io/rego-override)");
    if (ruleIndex >= 0)
        out += ", rule #" + std::to_string(ruleIndex) + " {" + rule.toString() + "}";
    if (!templates.empty()) {
        out += " from template";
        for (size_t i = 0; i < templates.size(); ++i)
            out += (i ? ", " : " ") + templates[i];
    }
    out += " (to " + subject.toString();
    if (!scope.empty())
        out += ", " + scope;
    return out + ")";
}

nlohmann::json GrantPath::toJson() const
{
    nlohmann::json j = {{"binding", bindingText}, {"role", roleText}, {"subject", subject.toJson()},
                        {"scope", scope}, {"ruleIndex", ruleIndex}};
    if (ruleIndex >= 0)
        j["rule"] = rule.toJson();
    if (!templates.empty())
        j["templates"] = templates;
    if (viaPolicy) {
        j["policy"] = {{"file", "authz.rego"}, {"line", policyLine}, {"rule", policyRule}};
    }
    return j;
}

std::string Decision::reason() const
{
    const std::string prefix = view == View::Kubernetes ? "RBAC: " : "KubeSphere RBAC: ";
    if (basis == Basis::Superuser)
        return "allowed: member of group system:masters (superuser, checked before RBAC)";
    if (allowed && grant)
        return prefix + "allowed by " + serverStyle(grant->bindingText) + " of " + serverStyle(grant->roleText) +
               " to " + quotedSubject(grant->subject);
    std::string out = "no rule allows " + request.toString() + " for " + identity.name;
    if (!errors.empty())
        out += " (errors: " + errors.front() + (errors.size() > 1 ? ", ..." : "") + ")";
    return out;
}

std::string Decision::explain() const
{
    std::string out = (allowed ? "yes: " : "no: ") + request.toString() + " as " + identity.toString() + " [" +
                      toString(view) + " view" + (scope.empty() ? "" : ", scope " + scope) + "]\n";
    if (basis == Basis::Superuser) {
        out += "  system:masters is a superuser group: the server allows everything before RBAC runs.\n";
    } else if (allowed && grant) {
        out += "  allowed by " + grant->toString() + "\n";
    } else {
        out += "  no binding of yours holds a rule that allows it (RBAC has no deny rules).\n";
        if (nearest.empty())
            out += "  no rule of yours is anywhere near: nothing is bound to this identity for it.\n";
        for (const auto &n : nearest) {
            out += "  nearest: " + n.path.toString() + "\n    missing:";
            for (size_t i = 0; i < n.missing.size(); ++i)
                out += (i ? "; " : " ") + n.missing[i];
            out += "\n";
        }
    }
    for (const auto &e : errors)
        out += "  error met while evaluating: " + e + "\n";
    for (const auto &p : policies) {
        if (p.evaluated && p.allowed)
            continue;  // the grant above
        if (p.evaluated) {
            out += "  Rego policy of " + p.roleText + " (via " + p.bindingText + ") evaluated by " + p.engine +
                   ": it does not allow this\n";
            continue;
        }
        const bool unavailable = p.error.rfind("opa not available", 0) == 0;
        if (!unavailable) {
            out += "  Rego policy of " + p.roleText + " (via " + p.bindingText +
                   ") failed, so it allows nothing (ks-apiserver logs the error and treats it as not allowed): " +
                   p.error + "\n";
            continue;
        }
        out += "  also governed by a policy: " + p.roleText + " (via " + p.bindingText +
               ") carries an iam.kubesphere.io/rego-override that ks-apiserver evaluates before its rules; "
               "it was NOT evaluated here (" +
               p.error + ")" + (allowed ? "" : ", so ks-apiserver may still allow this") + ". Policy:\n";
        std::string text = p.policy;
        size_t start = 0;
        while (start < text.size()) {
            size_t nl = text.find('\n', start);
            if (nl == std::string::npos)
                nl = text.size();
            out += "      " + text.substr(start, nl - start) + "\n";
            start = nl + 1;
        }
    }
    return out;
}

nlohmann::json Decision::toJson() const
{
    nlohmann::json j = {{"allowed", allowed}, {"view", toString(view)}, {"request", request.toString()},
                        {"user", identity.name}, {"groups", identity.groups}, {"reason", reason()}};
    if (!scope.empty())
        j["scope"] = scope;
    if (basis == Basis::Superuser)
        j["superuser"] = true;
    if (basis == Basis::Policy)
        j["basis"] = "policy";
    if (grant)
        j["grant"] = grant->toJson();
    if (!nearest.empty()) {
        j["nearest"] = nlohmann::json::array();
        for (const auto &n : nearest)
            j["nearest"].push_back({{"path", n.path.toJson()}, {"missing", n.missing}});
    }
    if (!errors.empty())
        j["errors"] = errors;
    if (!policies.empty()) {
        j["policies"] = nlohmann::json::array();
        for (const auto &p : policies) {
            nlohmann::json n = {{"role", p.roleText}, {"binding", p.bindingText}, {"policy", p.policy},
                                {"evaluated", p.evaluated}, {"allowed", p.allowed}};
            if (!p.rule.empty())
                n["rule"] = p.rule;
            if (!p.error.empty())
                n["error"] = p.error;
            if (!p.engine.empty())
                n["engine"] = p.engine;
            j["policies"].push_back(std::move(n));
        }
    }
    return j;
}

} // namespace kube::rbac
