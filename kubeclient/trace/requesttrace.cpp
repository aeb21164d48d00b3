// The trace engine: facts in, stages out. Every decision comes from the engines that already
// answer it elsewhere (rbac::Evaluator and KubeSphereEvaluator for authorization, the admission
// preview for LimitRange / ResourceQuota / Pod Security); this file only orders and compares.
#include "kubeclient/trace/requesttrace.h"

#include "kubeclient/rbac/evaluator.h"
#include "kubeclient/rbac/kubesphereevaluator.h"

#include <algorithm>
#include <set>
#include <sstream>

namespace kube::trace {

namespace {

std::vector<std::string> lines(const std::string &text)
{
    std::vector<std::string> out;
    std::stringstream in(text);
    std::string line;
    while (std::getline(in, line))
        if (!line.empty())
            out.push_back(line);
    return out;
}

std::string joined(const std::vector<std::string> &items, const char *sep = ", ")
{
    std::string out;
    for (const auto &i : items)
        out += (out.empty() ? "" : sep) + i;
    return out;
}

std::string groupsText(const std::vector<std::string> &groups)
{
    return "[" + joined(groups) + "]";
}

TraceStage authenticationStage(const TraceQuestion &q, const TraceFacts &f)
{
    TraceStage s{"authentication", "1. Authentication", Verdict::Unknown, {}, {}};
    if (f.presented)
        for (const auto &l : f.presented->describe())
            s.details.push_back(l);
    if (f.self) {
        s.verdict = Verdict::Pass;
        s.summary = "the server authenticates the caller as " + f.self->username + " " + groupsText(f.self->groups);
        s.details.push_back("server (SelfSubjectReview): user \"" + f.self->username + "\", groups " +
                            groupsText(f.self->groups) + (f.self->uid.empty() ? "" : ", uid " + f.self->uid));
        if (f.presented && f.presented->certificate && f.presented->impersonate.empty() &&
            f.presented->certificate->commonName != f.self->username && !f.presented->claims.is_object())
            s.details.push_back("note: the certificate's CN is \"" + f.presented->certificate->commonName +
                                "\" but the server names the caller \"" + f.self->username +
                                "\" (another credential or a proxy decided)");
    } else if (f.unauthenticated) {
        s.verdict = Verdict::Fail;
        s.summary = "the server does not accept the credentials (401 Unauthorized)";
        if (!f.selfError.empty())
            s.details.push_back(f.selfError);
    } else {
        s.summary = "the server was not asked who the caller is" + (f.selfError.empty() ? std::string() : ": " + f.selfError);
    }
    if (!q.impersonating())
        return s;
    s.details.push_back("the request impersonates user \"" + q.asUser + "\"" +
                        (q.asGroups.empty() ? std::string() : " with groups " + groupsText(q.asGroups)));
    return s;
}

TraceStage impersonationStage(const TraceFacts &f, const rbac::Identity &local,
                              std::vector<std::string> &disagreements)
{
    TraceStage s{"impersonation", "1b. Impersonation", Verdict::Pass, {}, {}};
    std::vector<std::string> refused, unanswered;
    for (const auto &c : f.impersonation) {
        if (!c.allowed) {
            unanswered.push_back(c.what);
            s.details.push_back("? impersonate " + c.what + ": not answered (" + c.error + ")");
            continue;
        }
        if (!*c.allowed)
            refused.push_back(c.what);
        s.details.push_back(std::string(*c.allowed ? "✔ " : "✘ ") + "impersonate " + c.what + ": " +
                            (*c.allowed ? "allowed" : "denied") + " (SelfSubjectAccessReview: " +
                            c.request.toString() + (c.reason.empty() ? "" : "; " + c.reason) + ")");
    }
    if (!refused.empty()) {
        s.verdict = Verdict::Fail;
        s.summary = "the caller may not impersonate " + joined(refused) + ": kube-apiserver refuses the request (403)";
    } else if (!unanswered.empty()) {
        s.verdict = Verdict::Unknown;
        s.summary = "not every impersonation check was answered";
    } else {
        s.summary = "the caller may impersonate " + (f.impersonation.empty() ? std::string("them") : joined([&] {
            std::vector<std::string> w;
            for (const auto &c : f.impersonation)
                w.push_back(c.what);
            return w;
        }()));
    }
    s.details.push_back("the identity the request carries: " + local.toString() +
                        " (impersonation adds system:authenticated" +
                        (local.isServiceAccount() ? " and the service-account groups" : std::string()) + ")");
    if (f.impersonated) {
        s.details.push_back("server (SelfSubjectReview, impersonating): user \"" + f.impersonated->username + "\", groups " +
                            groupsText(f.impersonated->groups));
        std::set<std::string> a(local.groups.begin(), local.groups.end());
        std::set<std::string> b(f.impersonated->groups.begin(), f.impersonated->groups.end());
        if (a != b || local.name != f.impersonated->username)
            disagreements.push_back("impersonated identity: Tenantry expects " + local.toString() + ", the server builds " +
                                    f.impersonated->username + " " + groupsText(f.impersonated->groups));
        if (s.verdict == Verdict::Fail)
            disagreements.push_back("impersonation: Tenantry says it is refused, yet the server impersonated " +
                                    f.impersonated->username);
    } else if (!f.impersonatedError.empty()) {
        s.details.push_back("server (SelfSubjectReview, impersonating): " + f.impersonatedError);
        const bool refusedByServer = f.impersonatedError.find("impersonate") != std::string::npos ||
                                     f.impersonatedError.find("403") != std::string::npos ||
                                     f.impersonatedError.find("orbidden") != std::string::npos;
        if (refusedByServer && s.verdict == Verdict::Pass)
            disagreements.push_back("impersonation: the checks allow it, yet the server refused to impersonate: " +
                                    f.impersonatedError);
    }
    return s;
}

std::string ksOrder(const rbac::KubeSphereEvaluator &ks, const rbac::RequestAttributes &r)
{
    const rbac::KsScope scope = ks.scopeOf(r);
    const std::string ws = ks.workspaceFor(r);
    std::string order = "global (GlobalRoleBindings)";
    if (scope == rbac::KsScope::Global)
        return order + "; scope global: stops there";
    if (scope == rbac::KsScope::Workspace || scope == rbac::KsScope::Namespace)
        order += " -> workspace " + (ws.empty() ? std::string("(none: the namespace has no kubesphere.io/workspace label)") : ws) +
                 " (WorkspaceRoleBindings)";
    if (scope == rbac::KsScope::Namespace)
        order += " -> namespace " + r.ns + " (RoleBindings)";
    order += " -> cluster (ClusterRoleBindings)";
    return order + "; scope " + rbac::toString(scope);
}

TraceStage authorizationStage(const TraceQuestion &q, const TraceFacts &f, const rbac::Identity &who, bool identityKnown,
                              TraceResult &result)
{
    TraceStage s{"authorization", "2. Authorization", Verdict::Unknown, {}, {}};
    s.title += q.view == rbac::View::Kubernetes ? " (kube-apiserver RBAC)" : " (ks-apiserver, KubeSphere view)";
    if (!f.index) {
        s.summary = "the roles and bindings could not be read" + (f.rbacError.empty() ? std::string() : ": " + f.rbacError);
        return s;
    }
    if (!identityKnown) {
        s.summary = "the caller's identity is not known, so RBAC cannot be evaluated here";
        return s;
    }
    for (const auto &w : f.rbacWarnings)
        s.details.push_back("warning: " + w);
    if (f.fromRulesReview)
        s.details.push_back("the caller may not read roles and bindings: its rules come from the server's rules review "
                            "(SelfSubjectRulesReview)");
    const rbac::Decision k = rbac::Evaluator(f.index).authorize(who, q.request);
    result.kubernetes = k;
    const rbac::Decision *primary = &*result.kubernetes;
    if (q.view == rbac::View::KubeSphere) {
        const rbac::KubeSphereEvaluator ks(f.index, f.rego);
        if (f.rego && !f.rego->available())
            s.details.push_back("Rego policies are not evaluated: " + f.rego->unavailableReason());
        result.kubesphere = ks.authorize(who, q.request);
        primary = &*result.kubesphere;
        s.details.push_back("ks-apiserver visits: " + ksOrder(ks, q.request));
        for (const auto &l : lines(result.kubesphere->explain()))
            s.details.push_back(l);
        for (const auto &p : result.kubesphere->policies)
            s.details.push_back("Rego policy on " + p.roleText + " (through " + p.bindingText + ") also applies");
        s.details.push_back(std::string("kube-apiserver (kubectl's path) would ") + (k.allowed ? "allow" : "deny") +
                            " it: " + k.reason());
    } else {
        for (const auto &l : lines(k.explain()))
            s.details.push_back(l);
    }
    for (const auto &e : primary->errors)
        s.details.push_back("error: " + e);
    s.verdict = primary->allowed ? Verdict::Pass : Verdict::Fail;
    s.summary = primary->allowed ? primary->reason() : "denied: " + primary->reason();
    if (!primary->allowed && !f.rbacWarnings.empty() && !f.fromRulesReview) {
        s.verdict = Verdict::Unknown;
        s.summary = "no readable rule allows it, but some RBAC kinds could not be read: " + primary->reason();
    }
    return s;
}

TraceStage admissionStage(const TraceQuestion &q, const TraceFacts &f, TraceResult &result)
{
    TraceStage s{"admission", "3. Admission", Verdict::Skipped, {}, {}};
    AdmissionInput in;
    in.request = q.request;
    in.object = f.probe;
    in.namespaceObject = f.namespaceObject;
    in.quotas = f.quotas;
    in.limitRanges = f.limitRanges;
    result.admission = previewAdmission(in);
    const AdmissionPreview &a = result.admission;
    if (!a.applies) {
        s.summary = a.notApplied;
        return s;
    }
    if (!f.admissionReadError.empty()) {
        s.details.push_back("could not read the namespace's quotas or limits: " + f.admissionReadError);
    }
    if (!a.notApplied.empty())
        s.details.push_back(a.notApplied);
    if (q.request.resource == "pods" && q.request.apiGroup.empty())
        s.details.push_back("the pod: one container \"" + std::string(kProbeContainer) + "\" (" + kProbeImage +
                            "), requests " + (q.requests.empty() ? std::string("none given") : formatAmounts(q.requests)));
    if (!q.request.ns.empty()) {
        if (f.limitRanges.empty() && q.request.resource == "pods")
            s.details.push_back("LimitRange: none in namespace " + q.request.ns);
        for (const auto &l : a.limits) {
            s.details.push_back("LimitRange " + l.name + ": " +
                                (l.defaulted.empty() ? std::string("no defaults needed") : "sets " + joined(l.defaulted)));
            for (const auto &v : l.violations)
                s.details.push_back("  ✘ " + v);
        }
        if (f.quotas.empty())
            s.details.push_back("ResourceQuota: none in namespace " + q.request.ns);
        for (const auto &qe : a.quotas) {
            if (!qe.matches) {
                s.details.push_back("ResourceQuota " + qe.name + ": does not apply (" + qe.notMatching + ")");
                continue;
            }
            if (qe.charges.empty() && qe.mustSpecify.empty())
                s.details.push_back("ResourceQuota " + qe.name + ": tracks nothing this object uses");
            for (const auto &c : qe.charges) {
                if (std::find(qe.unknownUsage.begin(), qe.unknownUsage.end(), c.resource) != qe.unknownUsage.end()) {
                    s.details.push_back("ResourceQuota " + qe.name + ": " + c.resource + " hard " + c.hard.toString() +
                                        ", usage not computed yet (the server refuses until the quota controller has)");
                    continue;
                }
                const Quantity after = c.used + c.delta;
                const Quantity left = c.hard - c.used;
                s.details.push_back(std::string(c.exceeded ? "✘ " : "✔ ") + "ResourceQuota " + qe.name + ": " + c.resource +
                                    " used " + c.used.toString() + " + " + c.delta.toString() + " = " + after.toString() +
                                    (c.exceeded ? " > hard " : " <= hard ") + c.hard.toString() +
                                    (c.exceeded ? " (exceeded)" : " (" + left.toString() + " left before)"));
            }
            for (const auto &m : qe.mustSpecify)
                s.details.push_back("✘ ResourceQuota " + qe.name + ": must specify " + m);
        }
    }
    const bool anyLabel = std::any_of(a.podSecurity.begin(), a.podSecurity.end(),
                                      [](const PodSecurityMode &m) { return m.labelled; });
    if (!a.podSecurity.empty() && !anyLabel)
        s.details.push_back("Pod Security: no pod-security.kubernetes.io labels on namespace " + q.request.ns +
                            ": the cluster's default applies (privileged unless kube-apiserver is configured otherwise)");
    for (const auto &m : a.podSecurity) {
        if (!anyLabel)
            break;
        std::string line = "Pod Security " + m.mode + ": ";
        if (!m.labelled)
            line += "no label (the cluster's default applies; privileged unless kube-apiserver is configured otherwise)";
        else if (!m.invalidLabel.empty())
            line += "label value \"" + m.invalidLabel + "\" is not a level (treated as restricted)";
        else
            line += std::string(toString(m.level)) + " (version " + m.version + ")";
        line += m.violations.empty() ? std::string(": the pod meets it") : ": the pod breaks " + joined(m.violations, "; ");
        s.details.push_back(line);
    }
    for (const auto &w : a.warnings)
        s.details.push_back("! " + w);
    if (a.refused()) {
        s.verdict = Verdict::Fail;
        s.summary = "refused by " + a.refusedBy + ": " + a.refusals.front();
        for (size_t i = 1; i < a.refusals.size(); ++i)
            s.details.push_back("also refused: " + a.refusals[i]);
    } else if (!f.admissionReadError.empty()) {
        s.verdict = Verdict::Unknown;
        s.summary = "admitted as far as could be read";
    } else {
        s.verdict = a.warnings.empty() ? Verdict::Pass : Verdict::Warning;
        s.summary = a.warnings.empty() ? "admitted" : "admitted, with warnings";
    }
    return s;
}

} // namespace

const char *toString(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Pass: return "pass";
    case Verdict::Fail: return "fail";
    case Verdict::Unknown: return "unknown";
    case Verdict::Skipped: return "skipped";
    case Verdict::Warning: return "warning";
    }
    return "unknown";
}

const char *symbol(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Pass: return "✔";
    case Verdict::Fail: return "✘";
    case Verdict::Unknown: return "?";
    case Verdict::Skipped: return "–";
    case Verdict::Warning: return "!";
    }
    return "?";
}

bool TraceQuestion::isWrite() const
{
    const std::string &v = request.verb;
    return request.isResourceRequest &&
           (v == "create" || v == "update" || v == "patch" || v == "delete" || v == "deletecollection");
}

std::string TraceQuestion::toString() const
{
    std::string who = impersonating() ? asUser + (asGroups.empty() ? "" : " " + groupsText(asGroups)) : "the caller";
    return request.toString() + " as " + who + " (" + rbac::toString(view) + " view)";
}

std::string classifyDryRun(int status, const std::string &message)
{
    if (status >= 200 && status < 300)
        return "admitted";
    auto has = [&message](const char *text) { return message.find(text) != std::string::npos; };
    if (status == 409)
        return "admitted";  // AlreadyExists comes from storage, after admission
    if (status == 404)
        return "not found";
    if (status == 422)
        return "validation";
    if (status == 403) {
        if (has("exceeded quota") || has("failed quota") || has("status unknown for quota") || has("must specify"))
            return "ResourceQuota";
        if (has("violates PodSecurity"))
            return "PodSecurity";
        if (has("usage per Container") || has("usage per Pod") || has("LimitRange") || has("limit to request ratio"))
            return "LimitRanger";
        if (has(" cannot ") || has("cannot impersonate"))
            return "authorization";
        return "admission";
    }
    if (status == 401)
        return "authentication";
    return "error";
}

const TraceStage *TraceResult::stage(const std::string &id) const
{
    for (const auto &s : stages)
        if (s.id == id)
            return &s;
    return nullptr;
}

TraceResult assembleTrace(const TraceQuestion &q, const TraceFacts &f)
{
    TraceResult r;
    r.question = q;
    if (q.impersonating()) {
        r.identity = rbac::Identity::impersonated(q.asUser, q.asGroups);
        r.identityKnown = true;
    } else if (f.self) {
        r.identity = rbac::Identity::verbatim(f.self->username, f.self->groups);
        r.identityKnown = true;
    }
    r.stages.push_back(authenticationStage(q, f));
    if (q.impersonating())
        r.stages.push_back(impersonationStage(f, r.identity, r.disagreements));
    r.stages.push_back(authorizationStage(q, f, r.identity, r.identityKnown, r));
    r.stages.push_back(admissionStage(q, f, r));

    // The verdict: the first stage that stops the request, in the chain's order.
    r.verdict = Verdict::Pass;
    r.verdictText = "allowed";
    for (const auto &s : r.stages) {
        if (s.verdict == Verdict::Fail) {
            r.verdict = Verdict::Fail;
            r.verdictText = (s.id == "admission" ? "refused at " : "denied at ") + s.id + ": " + s.summary;
            break;
        }
        if (s.verdict == Verdict::Unknown && r.verdict == Verdict::Pass) {
            r.verdict = Verdict::Unknown;
            r.verdictText = "unknown: " + s.id + ": " + s.summary;
        }
    }

    // The server's answers, compared with Tenantry's.
    TraceStage server{"server", "4. Checked against the server", Verdict::Unknown, {}, {}};
    std::vector<std::string> agreed;
    if (f.review) {
        const bool local = r.kubernetes ? r.kubernetes->allowed : false;
        server.details.push_back(f.reviewKind + ": " + (f.review->allowed ? "allowed" : "denied") +
                                 (f.review->reason.empty() ? "" : " (" + f.review->reason + ")") +
                                 (f.review->evaluationError.empty() ? "" : " [evaluationError: " + f.review->evaluationError + "]"));
        if (r.kubernetes && local != f.review->allowed)
            r.disagreements.push_back("authorization: Tenantry's RBAC evaluation says " + std::string(local ? "allowed" : "denied") +
                                      ", kube-apiserver's " + f.reviewKind + " says " +
                                      (f.review->allowed ? "allowed" : "denied") +
                                      (f.review->reason.empty() ? "" : " (" + f.review->reason + ")"));
        else if (r.kubernetes)
            agreed.push_back(f.reviewKind);
        if (q.view == rbac::View::KubeSphere)
            server.details.push_back("kube-apiserver cannot answer for ks-apiserver: the KubeSphere view's decision is "
                                     "Tenantry's alone; the review is compared with the Kubernetes view");
    } else if (!f.reviewError.empty()) {
        server.details.push_back((f.reviewKind.empty() ? std::string("access review") : f.reviewKind) + " failed: " + f.reviewError);
    }
    if (f.dryRun.sent) {
        r.dryRunStoppedAt = f.dryRun.stoppedAt;
        server.details.push_back("dry run (dryRun=All): " + f.dryRun.method + " " + f.dryRun.path + " with " + f.dryRun.bodyNote);
        if (!f.dryRun.transportError.empty())
            server.details.push_back("  not answered: " + f.dryRun.transportError);
        else
            server.details.push_back("  answer: " + std::to_string(f.dryRun.status) +
                                     (f.dryRun.reason.empty() ? "" : " " + f.dryRun.reason) +
                                     (f.dryRun.message.empty() ? "" : ": " + f.dryRun.message) + " -> " + f.dryRun.stoppedAt);
        if (!f.dryRun.body.is_null())
            server.details.push_back("  body: " + f.dryRun.body.dump());
        // What Tenantry expected the dry run to say.
        const TraceStage *authz = r.stage("authorization");
        const TraceStage *adm = r.stage("admission");
        const std::string &got = f.dryRun.stoppedAt;
        if (f.dryRun.transportError.empty() && got != "error") {
            const bool serverAuthorized = got != "authorization" && got != "authentication";
            if (authz && authz->verdict != Verdict::Unknown && (authz->verdict == Verdict::Pass) != serverAuthorized)
                r.disagreements.push_back("dry run: Tenantry's authorization says " +
                                          std::string(authz->verdict == Verdict::Pass ? "allowed" : "denied") +
                                          ", the server's dry run " +
                                          (serverAuthorized ? "got past authorization" : "was denied at authorization") +
                                          (f.dryRun.message.empty() ? "" : ": " + f.dryRun.message));
            else if (adm && adm->verdict != Verdict::Skipped && serverAuthorized && got != "validation" &&
                     got != "not found" && authz && authz->verdict == Verdict::Pass) {
                const bool serverRefused = got != "admitted";
                const bool localRefused = adm->verdict == Verdict::Fail;
                if (serverRefused != localRefused || (serverRefused && got != r.admission.refusedBy && got != "admission"))
                    r.disagreements.push_back("admission: Tenantry says " +
                                              (localRefused ? "refused by " + r.admission.refusedBy : std::string("admitted")) +
                                              ", the server's dry run says " + got +
                                              (f.dryRun.message.empty() ? "" : ": " + f.dryRun.message));
                else
                    agreed.push_back("dry run");
            } else {
                agreed.push_back("dry run");
            }
            // The LimitRange defaults Tenantry applied, against the pod the server would store.
            if (got == "admitted" && f.dryRun.answer.is_object() && q.request.resource == "pods" &&
                q.request.apiGroup.empty() && r.admission.applies) {
                const auto &mine = r.admission.admitted["spec"]["containers"];
                const auto &theirs = f.dryRun.answer["spec"]["containers"];
                if (mine.is_array() && theirs.is_array() && !mine.empty() && !theirs.empty()) {
                    const nlohmann::json a = mine[0].value("resources", nlohmann::json::object());
                    const nlohmann::json b = theirs[0].value("resources", nlohmann::json::object());
                    auto canonical = [](const nlohmann::json &res) {
                        nlohmann::json out = nlohmann::json::object();
                        for (const char *k : {"requests", "limits"})
                            if (res.contains(k))
                                for (const auto &[name, v] : res[k].items())
                                    if (auto qn = Quantity::fromJson(v))
                                        out[k][name] = qn->toString();
                        return out;
                    };
                    if (canonical(a) != canonical(b))
                        r.disagreements.push_back("container defaults: Tenantry expects " + canonical(a).dump() +
                                                  ", the server's dry run stores " + canonical(b).dump());
                    else
                        server.details.push_back("the server's dry run stores the container resources Tenantry expects: " +
                                                 canonical(b).dump());
                }
            }
        }
    } else if (!f.dryRun.notSent.empty()) {
        server.details.push_back("no dry run: " + f.dryRun.notSent);
    }
    if (!r.disagreements.empty()) {
        server.verdict = Verdict::Fail;
        server.summary = "DISAGREEMENT with the server (" + std::to_string(r.disagreements.size()) + ")";
        for (const auto &d : r.disagreements)
            server.details.insert(server.details.begin(), "DISAGREEMENT: " + d);
    } else if (!agreed.empty()) {
        server.verdict = Verdict::Pass;
        server.summary = "the server agrees (" + joined(agreed) + ")";
    } else {
        server.verdict = Verdict::Unknown;
        server.summary = "the server was not asked";
    }
    r.stages.push_back(std::move(server));
    return r;
}

std::string TraceResult::toText() const
{
    std::string out = "Trace: " + question.toString() + "\n";
    if (!disagreements.empty()) {
        out += "\n!!! Tenantry and the server disagree:\n";
        for (const auto &d : disagreements)
            out += "!!!   " + d + "\n";
    }
    for (const auto &s : stages) {
        out += "\n" + std::string(symbol(s.verdict)) + " " + s.title + ": " + s.summary + "\n";
        for (const auto &d : s.details)
            out += "    " + d + "\n";
    }
    out += "\nVerdict: " + std::string(symbol(verdict)) + " " + verdictText + "\n";
    return out;
}

nlohmann::json TraceResult::toJson() const
{
    nlohmann::json stagesJson = nlohmann::json::array();
    for (const auto &s : stages)
        stagesJson.push_back({{"id", s.id}, {"title", s.title}, {"verdict", toString(s.verdict)}, {"summary", s.summary},
                              {"details", s.details}});
    nlohmann::json j = {{"request", question.request.toString()},
                        {"view", rbac::toString(question.view)},
                        {"identity", identityKnown ? nlohmann::json(identity.toString()) : nlohmann::json()},
                        {"verdict", toString(verdict)},
                        {"verdictText", verdictText},
                        {"stages", stagesJson},
                        {"disagreements", disagreements}};
    if (question.impersonating())
        j["as"] = {{"user", question.asUser}, {"groups", question.asGroups}};
    if (kubernetes)
        j["kubernetes"] = kubernetes->toJson();
    if (kubesphere)
        j["kubesphere"] = kubesphere->toJson();
    if (admission.applies) {
        j["admission"] = {{"refusedBy", admission.refusedBy}, {"refusals", admission.refusals}, {"warnings", admission.warnings}};
        if (!admission.admitted.is_null())
            j["admission"]["object"] = admission.admitted;
    }
    if (!dryRunStoppedAt.empty())
        j["dryRun"] = dryRunStoppedAt;
    return j;
}

} // namespace kube::trace
