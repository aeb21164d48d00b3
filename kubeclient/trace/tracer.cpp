// Gathering a trace's facts: each server call is independent, so all go out at once
// (std::async over the client's pooled connections) and the slowest one sets the time.
#include "kubeclient/trace/tracer.h"

#include "kubeclient/api/apistatus.h"
#include "kubeclient/api/client.h"
#include "kubeclient/api/requestbuilder.h"
#include "kubeclient/kubesphere/tenancyapi.h"
#include "kubeclient/rbac/rbacloader.h"
#include "kubeclient/rbac/regoopa.h"
#include "kubeclient/rbac/selfrules.h"

#include <future>

namespace kube::trace {

namespace {

using nlohmann::json;
using tenancy::TenancyApi;

const GroupVersionResource kSelfSubjectReview{"authentication.k8s.io", "v1", "selfsubjectreviews", false,
                                              "SelfSubjectReview"};

UserInfo userInfoOf(const json &doc)
{
    UserInfo info;
    const json &u = doc.value("status", json::object()).value("userInfo", json::object());
    info.username = u.value("username", "");
    info.uid = u.value("uid", "");
    if (auto g = u.find("groups"); g != u.end() && g->is_array())
        for (const auto &v : *g)
            if (v.is_string())
                info.groups.push_back(v.get<std::string>());
    return info;
}

rbac::ReviewAnswer reviewOf(const json &doc)
{
    const json status = doc.value("status", json::object());
    rbac::ReviewAnswer a;
    a.allowed = status.value("allowed", false);
    a.denied = status.value("denied", false);
    a.reason = status.value("reason", "");
    a.evaluationError = status.value("evaluationError", "");
    return a;
}

// The RBAC objects a decision on `request` reads: cluster-wide roles and bindings, and the
// namespace's (or, for the KubeSphere view, everything with the IAM kinds and namespaces).
Result<rbac::LoadResult> loadRbac(Client &client, const TraceQuestion &q, const CancelTokenPtr &cancel)
{
    if (q.view == rbac::View::KubeSphere)
        return rbac::RbacLoader::fromClient(client, cancel);
    using Source = rbac::RbacLoader::Source;
    std::vector<Source> sources = {{TenancyApi::rbacClusterRole, "", true}, {TenancyApi::rbacClusterRoleBinding, "", true}};
    if (!q.request.ns.empty()) {
        sources.push_back({TenancyApi::rbacRole, q.request.ns, true});
        sources.push_back({TenancyApi::rbacRoleBinding, q.request.ns, true});
    }
    return rbac::RbacLoader::fromSources(client, sources, cancel);
}

// The caller's own rules as the server reviews them, when it may not read RBAC.
Result<rbac::LoadResult> selfRulesData(Client &client, const UserInfo &me, const std::string &ns, const CancelTokenPtr &cancel)
{
    rbac::LoadResult out;
    const rbac::Identity who = rbac::Identity::verbatim(me.username, me.groups);
    // The cluster-wide rules (asked where nobody binds), then the namespace's own.
    std::vector<std::string> wheres{std::string()};
    if (!ns.empty())
        wheres.push_back(ns);
    for (const auto &where : wheres) {
        auto review = rbac::selfRulesReview(client, where.empty() ? rbac::kRulesBaselineNamespace : where, cancel);
        if (!review)
            return review.error();
        const rbac::SelfRules self = rbac::selfRulesData(*review, who, where);
        for (const auto &[key, object] : self.data.objects())
            out.data.add(object);
        if (self.incomplete)
            out.warnings.push_back("the server's rules review may be incomplete" +
                                   (self.evaluationError.empty() ? std::string() : ": " + self.evaluationError));
    }
    return out;
}

std::string describeBody(const TraceQuestion &q, const json &body)
{
    const std::string kind = body.value("kind", std::string("object"));
    if (q.request.resource == "pods" && q.request.apiGroup.empty())
        return std::string("a minimal Pod (one container \"") + kProbeContainer + "\", image " + kProbeImage + ", requests " +
               formatAmounts(q.requests) + ")";
    if (body.contains("spec") || body.contains("data") || body.contains("type"))
        return "a minimal " + kind;
    return "a bare " + kind + " (apiVersion, kind and name only)";
}

DryRun dryRunOf(Client &client, const TraceQuestion &q, const std::optional<ApiResourceInfo> &info, const json &probe,
                const CancelTokenPtr &cancel)
{
    DryRun d;
    const auto &r = q.request;
    if (!q.isWrite()) {
        d.notSent = r.isResourceRequest ? r.verb + " is not a write" : "a non-resource request has no dry run";
        return d;
    }
    if (q.impersonating()) {
        d.notSent = "dry runs are sent as the caller only, not as an impersonated identity";
        return d;
    }
    if (!r.subresource.empty()) {
        d.notSent = "no minimal body for subresource " + r.subresource;
        return d;
    }
    if (!info) {
        d.notSent = "the server does not serve " + r.groupResource();
        return d;
    }
    if (r.resource == "*" || r.apiGroup == "*" || r.verb == "*") {
        d.notSent = "a wildcard request has no single dry run";
        return d;
    }
    const GroupVersionResource &gvr = info->gvr;
    const std::string ns = gvr.namespaced ? r.ns : std::string();
    if (gvr.namespaced && ns.empty()) {
        d.notSent = "a namespaced resource needs a namespace for a dry run";
        return d;
    }
    RequestBuilder b(gvr);
    WriteOptions wo;
    wo.dryRun = true;
    HttpRequest req;
    if (r.verb == "create") {
        d.body = probe;
        d.bodyNote = describeBody(q, probe);
        req = b.create(ns, probe.dump(), wo);
    } else if (r.verb == "update" || r.verb == "patch") {
        if (r.name.empty()) {
            d.notSent = r.verb + " needs a NAME for a dry run";
            return d;
        }
        if (r.verb == "update") {
            auto current = client.get(gvr, ns, r.name, cancel);
            if (!current) {
                d.notSent = "the object to send back could not be read: " + current.error().describe();
                return d;
            }
            json body = *current;
            d.body = {{"apiVersion", body.value("apiVersion", "")}, {"kind", body.value("kind", "")},
                      {"metadata", {{"name", r.name}, {"resourceVersion", body["metadata"].value("resourceVersion", "")}}}};
            d.bodyNote = "the object as read, unchanged (PUT)";
            req = b.update(ns, r.name, body.dump(), wo);
        } else {
            d.body = json::object();
            d.bodyNote = "an empty merge patch {}";
            req = b.patch(ns, r.name, PatchType::Merge, "{}", wo);
        }
    } else if (r.verb == "delete") {
        if (r.name.empty()) {
            d.notSent = "delete needs a NAME for a dry run";
            return d;
        }
        DeleteOptions del;
        del.dryRun = true;
        d.bodyNote = "DeleteOptions {dryRun: [All]}";
        req = b.remove(ns, r.name, del);
    } else {
        d.notSent = r.verb + " is not dry-run here";
        return d;
    }
    d.method = req.method;
    d.path = req.path;
    d.sent = true;
    auto resp = client.transport().send(req, cancel);
    if (!resp) {
        d.transportError = resp.error().describe();
        d.stoppedAt = "error";
        return d;
    }
    d.status = resp->status;
    if (resp->isSuccess()) {
        d.answer = json::parse(resp->body, nullptr, false);
        if (d.answer.is_discarded())
            d.answer = nullptr;
    } else {
        auto parsed = json::parse(resp->body, nullptr, false);
        if (parsed.is_object()) {
            const ApiStatus st = decodeStatus(parsed);
            d.reason = st.reasonText;
            d.message = st.message;
        }
    }
    d.stoppedAt = classifyDryRun(d.status, d.message);
    return d;
}

} // namespace

Tracer::Tracer(std::shared_ptr<Client> client) : m_client(std::move(client)) {}

std::vector<ImpersonationCheck> Tracer::impersonationChecks(const std::string &user, const std::vector<std::string> &groups)
{
    std::vector<ImpersonationCheck> out;
    rbac::Identity id = rbac::Identity::verbatim(user);
    std::string saNs, saName;
    if (id.serviceAccountParts(saNs, saName))
        out.push_back({"serviceaccount " + saNs + "/" + saName,
                       rbac::RequestAttributes::forResource("impersonate", "", "serviceaccounts", saNs, saName),
                       std::nullopt, {}, {}});
    else
        out.push_back({"user " + user, rbac::RequestAttributes::forResource("impersonate", "", "users", "", user),
                       std::nullopt, {}, {}});
    for (const auto &g : groups)
        out.push_back({"group " + g, rbac::RequestAttributes::forResource("impersonate", "", "groups", "", g), std::nullopt,
                       {}, {}});
    return out;
}

void Tracer::addImpersonation(HttpRequest &request, const std::string &user, const std::vector<std::string> &groups)
{
    request.headers.emplace_back("Impersonate-User", user);
    for (const auto &g : groups)
        request.headers.emplace_back("Impersonate-Group", g);
}

TraceFacts Tracer::gather(const TraceQuestion &q, const TraceOptions &options) const
{
    TraceFacts f;
    f.presented = options.presented;
    Client &client = *m_client;
    const auto cancel = options.cancel;
    const auto &r = q.request;

    auto self = std::async(std::launch::async, [&] { return client.whoami(cancel); });
    std::future<Result<json>> impersonated;
    std::vector<std::future<Result<rbac::ReviewAnswer>>> checks;
    if (q.impersonating()) {
        impersonated = std::async(std::launch::async, [&] {
            HttpRequest req = RequestBuilder(kSelfSubjectReview)
                                  .create({}, json{{"apiVersion", "authentication.k8s.io/v1"}, {"kind", "SelfSubjectReview"}}.dump());
            addImpersonation(req, q.asUser, q.asGroups);
            return client.requestJson(req, "who is " + q.asUser + " (SelfSubjectReview, impersonating)", cancel);
        });
        f.impersonation = impersonationChecks(q.asUser, q.asGroups);
        for (const auto &c : f.impersonation)
            checks.push_back(std::async(std::launch::async, [&client, c, cancel] {
                return rbac::AccessReviewer(client).reviewSelf(c.request, cancel);
            }));
    }
    std::future<Result<rbac::LoadResult>> rbacLoad;
    if (!options.index)
        rbacLoad = std::async(std::launch::async, [&] { return loadRbac(client, q, cancel); });
    // Discovery (for the kind of a dry run's body and the KubeSphere flavour); cached.
    auto discovery = std::async(std::launch::async, [&] { return client.discovery().ensureLoaded(cancel); });
    const bool admission = r.isResourceRequest && r.verb == "create" && !r.ns.empty() && r.subresource.empty();
    std::future<Result<json>> nsObject;
    std::future<Result<ObjectList>> quotas, limits;
    if (admission || (q.view == rbac::View::KubeSphere && !r.ns.empty())) {
        nsObject = std::async(std::launch::async, [&] { return client.get(TenancyApi::namespaces, "", r.ns, cancel); });
    }
    if (admission) {
        quotas = std::async(std::launch::async, [&] { return client.list(TenancyApi::resourceQuota, r.ns, {}, cancel); });
        limits = std::async(std::launch::async, [&] { return client.list(TenancyApi::limitRange, r.ns, {}, cancel); });
    }
    std::future<Result<rbac::ReviewAnswer>> review;
    if (options.serverReview) {
        if (q.impersonating()) {
            f.reviewKind = "SubjectAccessReview";
            const rbac::Identity who = rbac::Identity::impersonated(q.asUser, q.asGroups);
            review = std::async(std::launch::async, [&client, who, r, cancel] {
                return rbac::AccessReviewer(client).review(who, r, cancel);
            });
        } else {
            f.reviewKind = "SelfSubjectAccessReview";
            review = std::async(std::launch::async, [&client, r, cancel] {
                return rbac::AccessReviewer(client).reviewSelf(r, cancel);
            });
        }
    }

    // The probe body needs discovery's kind and version.
    std::optional<ApiResourceInfo> info;
    if (auto ok = discovery.get(); ok && r.isResourceRequest) {
        for (const auto &res : client.discovery().preferredResources())
            if (res.gvr.group == r.apiGroup && res.gvr.resource == r.resource) {
                info = res;
                break;
            }
    }
    if (r.isResourceRequest && r.verb == "create") {
        ProbeTarget t;
        t.group = r.apiGroup;
        t.resource = r.resource;
        t.version = info ? info->gvr.version : "v1";
        t.kind = info ? info->gvr.kind : r.resource;
        t.ns = info && !info->gvr.namespaced ? std::string() : r.ns;
        t.name = r.name;
        f.probe = probeObject(t, q.requests);
    }
    std::future<DryRun> dry;
    if (options.dryRun)
        dry = std::async(std::launch::async, [&] { return dryRunOf(client, q, info, f.probe, cancel); });
    else
        f.dryRun.notSent = "not asked for";

    if (auto me = self.get()) {
        f.self = *me;
    } else {
        f.selfError = me.error().describe();
        f.unauthenticated = me.error().httpCode() == 401 || me.error().isApi(StatusReason::Unauthorized);
    }
    if (impersonated.valid()) {
        if (auto doc = impersonated.get())
            f.impersonated = userInfoOf(*doc);
        else
            f.impersonatedError = doc.error().describe();
    }
    for (size_t i = 0; i < checks.size(); ++i) {
        auto answer = checks[i].get();
        if (answer) {
            f.impersonation[i].allowed = answer->allowed;
            f.impersonation[i].reason = answer->reason;
        } else {
            f.impersonation[i].error = answer.error().describe();
        }
    }
    tenancy::ApiFlavor flavor = tenancy::ApiFlavor::None;
    if (client.discovery().loaded())
        flavor = TenancyApi::detect(client.discovery()).flavor;
    if (q.view == rbac::View::KubeSphere)
        f.rego = options.rego ? options.rego : rbac::OpaRegoEvaluator::shared();
    if (options.index) {
        f.index = options.index;
    } else {
        auto loaded = rbacLoad.get();
        // A caller who may not read RBAC still has its own rules: the server's review of them.
        if (!loaded && !q.impersonating() && f.self &&
            (loaded.error().httpCode() == 403 || loaded.error().isApi(StatusReason::Forbidden))) {
            auto reviewed = selfRulesData(client, *f.self, r.ns, cancel);
            if (reviewed) {
                f.fromRulesReview = true;
                loaded = std::move(reviewed);
            }
        }
        if (loaded) {
            f.rbacWarnings = loaded->warnings;
            rbac::RbacIndex::Options io;
            io.kubesphereFlavor = loaded->flavor != tenancy::ApiFlavor::None ? loaded->flavor : flavor;
            f.index = rbac::RbacIndex::build(loaded->data, io);
        } else {
            f.rbacError = loaded.error().describe();
        }
    }
    if (nsObject.valid()) {
        if (auto ns = nsObject.get())
            f.namespaceObject = *ns;
        else
            f.namespaceError = ns.error().describe();
    }
    if (quotas.valid()) {
        if (auto list = quotas.get())
            f.quotas = list->items;
        else
            f.admissionReadError = list.error().describe();
        if (auto list = limits.get())
            f.limitRanges = list->items;
        else
            f.admissionReadError += (f.admissionReadError.empty() ? "" : "; ") + list.error().describe();
        if (!f.namespaceError.empty())
            f.admissionReadError += (f.admissionReadError.empty() ? "" : "; ") + f.namespaceError;
    }
    if (review.valid()) {
        if (auto answer = review.get()) {
            f.review = *answer;
        } else if (q.impersonating() && (answer.error().httpCode() == 403)) {
            // kubectl auth can-i --as does this: a SelfSubjectAccessReview sent impersonating.
            HttpRequest req = RequestBuilder(TenancyApi::selfSubjectAccessReview)
                                  .create({}, rbac::AccessReviewer::selfRequestBody(r).dump());
            addImpersonation(req, q.asUser, q.asGroups);
            auto doc = client.requestJson(req, "SelfSubjectAccessReview as " + q.asUser, cancel);
            f.reviewKind = "SelfSubjectAccessReview (impersonating " + q.asUser + ")";
            if (doc)
                f.review = reviewOf(*doc);
            else
                f.reviewError = "SubjectAccessReview: " + answer.error().describe() + "; impersonating: " + doc.error().describe();
        } else {
            f.reviewError = answer.error().describe();
        }
    }
    if (dry.valid())
        f.dryRun = dry.get();
    return f;
}

TraceResult Tracer::run(const TraceQuestion &question, const TraceOptions &options) const
{
    return assembleTrace(question, gather(question, options));
}

} // namespace kube::trace
