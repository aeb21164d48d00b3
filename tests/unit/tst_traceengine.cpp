// The pure parts of a trace (kubeclient/trace): the certificate subject and JWT claims a
// kubeconfig presents, LimitRange defaults, quota charges, Pod Security levels, the probe
// objects of dry runs, and the engine that turns gathered facts into stages and compares them
// with the server's answers. No cluster: facts are fixtures.
#include "kubeclient/core/base64.h"
#include "kubeclient/rbac/rbacindex.h"
#include "kubeclient/rbac/rbacloader.h"
#include "kubeclient/trace/admissionpreview.h"
#include "kubeclient/trace/presentedcredentials.h"
#include "kubeclient/trace/requesttrace.h"
#include "kubeclient/trace/tracer.h"

#include "tests/support/testpki.h"

#include <QtTest>

using namespace kube;
using namespace kube::trace;
using nlohmann::json;

namespace {

const char *kRbac = R"(
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: pod-creator}
rules:
- apiGroups: [""]
  resources: [pods]
  verbs: [get, list, create]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: devs-create, namespace: p1}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: pod-creator}
subjects:
- {kind: Group, name: devs, apiGroup: rbac.authorization.k8s.io}
)";

std::shared_ptr<const rbac::RbacIndex> rbacIndex()
{
    rbac::RbacData data;
    auto added = rbac::RbacLoader::addText(data, kRbac, "test");
    if (!added)
        qFatal("%s", added.error().describe().c_str());
    return rbac::RbacIndex::build(data);
}

json podOf(const ResourceAmounts &requests)
{
    return probeObject({"", "v1", "pods", "Pod", "p1", "web"}, requests);
}

json quota(const json &hard, const json &used, const json &scopes = nullptr)
{
    json q = {{"apiVersion", "v1"}, {"kind", "ResourceQuota"}, {"metadata", {{"name", "q"}, {"namespace", "p1"}}},
              {"spec", {{"hard", hard}}}, {"status", {{"hard", hard}, {"used", used}}}};
    if (!scopes.is_null())
        q["spec"]["scopes"] = scopes;
    return q;
}

json limitRange(const json &item)
{
    return {{"apiVersion", "v1"}, {"kind", "LimitRange"}, {"metadata", {{"name", "limits"}, {"namespace", "p1"}}},
            {"spec", {{"limits", json::array({item})}}}};
}

std::string b64url(const std::string &text)
{
    std::string s = Base64::encode(text);
    for (auto &c : s)
        c = c == '+' ? '-' : c == '/' ? '_' : c;
    while (!s.empty() && s.back() == '=')
        s.pop_back();
    return s;
}

TraceQuestion createPods(const std::string &as, std::vector<std::string> groups = {})
{
    TraceQuestion q;
    q.asUser = as;
    q.asGroups = std::move(groups);
    q.request = rbac::RequestAttributes::forResource("create", "", "pods", "p1");
    return q;
}

} // namespace

class TestTrace : public QObject
{
    Q_OBJECT

private slots:
    void certificateSubjectNamesUserAndGroups()
    {
        // Given a client certificate with CN alice and two organisations
        testsupport::TestPki pki;
        const auto id = pki.issueClient("alice", {"devs", "ops"});
        // When its subject is read
        auto s = certificateSubject(id.certPem);
        // Then CN is the user and each O a group
        QVERIFY(s.ok());
        QCOMPARE(s->commonName, std::string("alice"));
        QCOMPARE(s->organizations, (std::vector<std::string>{"devs", "ops"}));
        QCOMPARE(s->issuer, std::string("CN=tenantry-test-ca"));
        QVERIFY(!s->expired);
        QVERIFY(!s->notAfter.empty());
    }

    void certificateSubjectRefusesAKey()
    {
        testsupport::TestPki pki;
        auto s = certificateSubject(pki.issueClient("bob").keyPem);
        QVERIFY(!s.ok());
        // The error names no bytes of what it was given.
        QVERIFY(s.error().message.find("PRIVATE") == std::string::npos);
    }

    void jwtClaimsDecodesThePayloadOnly()
    {
        const json claims = {{"iss", "https://issuer.example"}, {"sub", "u-1"}, {"email", "a@example.com"},
                             {"groups", {"devs", "ops"}}, {"exp", 4102444800}};
        const std::string token = b64url(R"({"alg":"RS256"})") + "." + b64url(claims.dump()) + ".c2lnbmF0dXJl";
        auto got = jwtClaims(token);
        QVERIFY(got.ok());
        QCOMPARE((*got)["email"].get<std::string>(), std::string("a@example.com"));
        const auto lines = describeClaims(*got);
        QVERIFY(std::find(lines.begin(), lines.end(), "groups: [devs, ops]") != lines.end());
        QVERIFY(std::find(lines.begin(), lines.end(), "exp: 2100-01-01T00:00:00Z") != lines.end());
        QVERIFY(!jwtClaims("not-a-jwt").ok());
        QVERIFY(!jwtClaims("a.%%%.c").ok());
    }

    void presentedNeverShowsTheToken()
    {
        // Given a kubeconfig user with an inline JWT (a ServiceAccount token's claims)
        const json claims = {{"iss", "https://kubernetes.default.svc"}, {"sub", "system:serviceaccount:p1:builder"},
                             {"kubernetes.io", {{"namespace", "p1"}, {"serviceaccount", {{"name", "builder"}}}}}};
        const std::string token = b64url(R"({"alg":"RS256"})") + "." + b64url(claims.dump()) + ".c2VjcmV0LXNpZ25hdHVyZQ";
        ResolvedContext ctx;
        ctx.contextName = "dev";
        ctx.userName = "builder";
        ctx.clusterName = "dev";
        ctx.cluster.server = "https://127.0.0.1:6443";
        ctx.user.token = token;
        ctx.user.origin.file = "/home/u/.kube/config";
        // When it is described
        const auto p = describePresented(ctx);
        std::string text;
        for (const auto &l : p.describe())
            text += l + "\n";
        text += p.toJson().dump();
        // Then the source and claims are there, the token and its signature are not
        QCOMPARE(p.method, std::string("bearer token (inline)"));
        QVERIFY(text.find("sub: system:serviceaccount:p1:builder") != std::string::npos);
        QVERIFY(text.find("kubernetes.io/serviceaccount: builder") != std::string::npos);
        QVERIFY(text.find(token) == std::string::npos);
        QVERIFY(text.find("c2VjcmV0LXNpZ25hdHVyZQ") == std::string::npos);
    }

    void presentedCertificateAndImpersonation()
    {
        testsupport::TestPki pki;
        ResolvedContext ctx;
        ctx.user.clientCertificateData = pki.issueClient("admin", {"system:masters"}).certPem;
        ctx.user.impersonate = "bob";
        const auto p = describePresented(ctx);
        QCOMPARE(p.method, std::string("client certificate"));
        QVERIFY(p.certificate);
        QCOMPARE(p.certificate->organizations, std::vector<std::string>{"system:masters"});
        QCOMPARE(p.impersonate, std::string("bob"));
    }

    void parseResourceAmountsNamesTheField()
    {
        auto ok = parseResourceAmounts("cpu=100m, memory=64Mi", "--requests");
        QVERIFY(ok.ok());
        QCOMPARE(formatAmounts(*ok), std::string("cpu=100m, memory=64Mi"));
        auto bad = parseResourceAmounts("cpu=lots", "--requests");
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().message, std::string("--requests: \"cpu=lots\" is not a quantity"));
        QVERIFY(!parseResourceAmounts("cpu", "--requests").ok());
        QVERIFY(!parseResourceAmounts("cpu=-1", "--requests").ok());
    }

    void limitRangeFillsDefaults()
    {
        // Given a LimitRange with default limits and requests
        const json lr = limitRange({{"type", "Container"}, {"default", {{"cpu", "500m"}, {"memory", "512Mi"}}},
                                    {"defaultRequest", {{"cpu", "100m"}}}});
        std::vector<LimitRangeEffect> effects;
        // When a pod without resources is admitted
        const json admitted = applyLimitRanges(podOf({}), {lr}, effects);
        // Then limits come from default, the cpu request from defaultRequest and the memory
        // request from the default limit (the API server's defaulting of the item)
        const json &res = admitted["spec"]["containers"][0]["resources"];
        QCOMPARE(res["limits"]["cpu"].get<std::string>(), std::string("500m"));
        QCOMPARE(res["requests"]["cpu"].get<std::string>(), std::string("100m"));
        QCOMPARE(res["requests"]["memory"].get<std::string>(), std::string("512Mi"));
        QCOMPARE(effects.size(), size_t(1));
        QCOMPARE(effects[0].defaulted.size(), size_t(4));
        QVERIFY(effects[0].violations.empty());
    }

    void limitRangeMaxRefuses()
    {
        const json lr = limitRange({{"type", "Container"}, {"max", {{"cpu", "1"}}}});
        AdmissionInput in{rbac::RequestAttributes::forResource("create", "", "pods", "p1"), nullptr, std::nullopt, {}, {lr}};
        in.object = podOf({{"cpu", *Quantity::parse("2")}});
        // The max becomes the default limit (1), and the request of 2 is above it: invalid.
        auto p = previewAdmission(in);
        QVERIFY(p.refused());
        QCOMPARE(p.refusedBy, std::string("validation"));
        // With a limit stated above the max, LimitRanger refuses it.
        in.object["spec"]["containers"][0]["resources"]["limits"] = {{"cpu", "2"}};
        p = previewAdmission(in);
        QCOMPARE(p.refusedBy, std::string("LimitRanger"));
        QVERIFY(p.refusals.front().find("maximum cpu usage per Container is 1, but limit is 2") != std::string::npos);
    }

    void quotaExceededOnPodCount()
    {
        // Given a quota of one pod, one used
        AdmissionInput in{rbac::RequestAttributes::forResource("create", "", "pods", "p1"), podOf({}), std::nullopt,
                          {quota({{"count/pods", "1"}}, {{"count/pods", "1"}})}, {}};
        auto p = previewAdmission(in);
        // Then the create is refused by ResourceQuota with kube-apiserver's numbers
        QVERIFY(p.refused());
        QCOMPARE(p.refusedBy, std::string("ResourceQuota"));
        QVERIFY(p.refusals.front().find("exceeded quota: requested: count/pods=1, used: count/pods=1, limited: count/pods=1") !=
                std::string::npos);
        // And with room left it is admitted
        in.quotas = {quota({{"count/pods", "2"}, {"pods", "5"}}, {{"count/pods", "1"}, {"pods", "1"}})};
        p = previewAdmission(in);
        QVERIFY(!p.refused());
        QCOMPARE(p.quotas.front().charges.size(), size_t(2));
    }

    void quotaRequestsAddUp()
    {
        AdmissionInput in{rbac::RequestAttributes::forResource("create", "", "pods", "p1"),
                          podOf({{"cpu", *Quantity::parse("300m")}}), std::nullopt,
                          {quota({{"requests.cpu", "1"}}, {{"requests.cpu", "800m"}})}, {}};
        auto p = previewAdmission(in);
        QVERIFY(p.refused());
        const auto &c = p.quotas.front().charges.front();
        QCOMPARE(c.resource, std::string("requests.cpu"));
        QCOMPARE((c.used + c.delta).toString(), std::string("1100m"));
        // A pod with no cpu request in a namespace whose quota limits requests.cpu must state it.
        in.object = podOf({});
        p = previewAdmission(in);
        QVERIFY(p.refused());
        QCOMPARE(p.quotas.front().mustSpecify, std::vector<std::string>{"requests.cpu for: probe"});
    }

    void quotaScopes()
    {
        // A BestEffort quota does not count a pod with requests; NotBestEffort does.
        const auto request = rbac::RequestAttributes::forResource("create", "", "pods", "p1");
        const json pod = podOf({{"cpu", *Quantity::parse("100m")}});
        const auto usage = quotaUsageOf(request, pod);
        auto e = chargeQuota(quota({{"pods", "0"}}, {{"pods", "0"}}, json::array({"BestEffort"})), request, pod, usage);
        QVERIFY(!e.matches);
        QVERIFY(!e.refuses());
        e = chargeQuota(quota({{"pods", "0"}}, {{"pods", "0"}}, json::array({"NotBestEffort"})), request, pod, usage);
        QVERIFY(e.matches);
        QVERIFY(e.refuses());
    }

    void quotaUsageOfOtherKinds()
    {
        const auto cm = rbac::RequestAttributes::forResource("create", "", "configmaps", "p1");
        auto u = quotaUsageOf(cm, probeObject({"", "v1", "configmaps", "ConfigMap", "p1", ""}, {}));
        QCOMPARE(u.size(), size_t(2));
        QVERIFY(u.count("count/configmaps") && u.count("configmaps"));
        const auto deploy = rbac::RequestAttributes::forResource("create", "apps", "deployments", "p1");
        u = quotaUsageOf(deploy, json::object());
        QCOMPARE(u.size(), size_t(1));
        QVERIFY(u.count("count/deployments.apps"));
        const auto pvc = rbac::RequestAttributes::forResource("create", "", "persistentvolumeclaims", "p1");
        u = quotaUsageOf(pvc, probeObject({"", "v1", "persistentvolumeclaims", "PersistentVolumeClaim", "p1", "d"}, {}));
        QCOMPARE(u.at("requests.storage").toString(), std::string("1Gi"));
    }

    void quotaWithoutStatusRefuses()
    {
        json q = quota({{"pods", "10"}}, nullptr);
        q["status"].erase("used");
        AdmissionInput in{rbac::RequestAttributes::forResource("create", "", "pods", "p1"), podOf({}), std::nullopt, {q}, {}};
        const auto p = previewAdmission(in);
        QVERIFY(p.refused());
        QVERIFY(p.refusals.front().find("status unknown for pods") != std::string::npos);
    }

    void podSecurityLevels()
    {
        const json pod = podOf({});
        QVERIFY(podSecurityViolations(pod, PodSecurityLevel::Privileged).empty());
        QVERIFY(podSecurityViolations(pod, PodSecurityLevel::Baseline).empty());
        const auto restricted = podSecurityViolations(pod, PodSecurityLevel::Restricted);
        QCOMPARE(restricted.size(), size_t(4));
        QVERIFY(restricted[0].rfind("allowPrivilegeEscalation != false (container \"probe\"", 0) == 0);
        // A pod that follows the restricted profile passes it.
        json good = pod;
        good["spec"]["securityContext"] = {{"runAsNonRoot", true}, {"seccompProfile", {{"type", "RuntimeDefault"}}}};
        good["spec"]["containers"][0]["securityContext"] = {{"allowPrivilegeEscalation", false},
                                                            {"capabilities", {{"drop", {"ALL"}}}}};
        QVERIFY(podSecurityViolations(good, PodSecurityLevel::Restricted).empty());
        // Baseline refuses privileged containers and host namespaces.
        json bad = pod;
        bad["spec"]["hostNetwork"] = true;
        bad["spec"]["containers"][0]["securityContext"] = {{"privileged", true}};
        QCOMPARE(podSecurityViolations(bad, PodSecurityLevel::Baseline).size(), size_t(2));
    }

    void podSecurityLabels()
    {
        const json ns = {{"metadata",
                          {{"name", "p1"},
                           {"labels",
                            {{"pod-security.kubernetes.io/enforce", "baseline"},
                             {"pod-security.kubernetes.io/enforce-version", "v1.30"},
                             {"pod-security.kubernetes.io/warn", "restricted"}}}}}};
        AdmissionInput in{rbac::RequestAttributes::forResource("create", "", "pods", "p1"), podOf({}), ns, {}, {}};
        const auto p = previewAdmission(in);
        QVERIFY(!p.refused());
        QCOMPARE(p.podSecurity.size(), size_t(3));
        QCOMPARE(p.podSecurity[0].version, std::string("v1.30"));
        QVERIFY(!p.podSecurity[1].labelled);  // audit
        QCOMPARE(p.warnings.size(), size_t(1));
        QVERIFY(p.warnings.front().rfind("warn: violates PodSecurity \"restricted:latest\"", 0) == 0);
        json enforced = ns;
        enforced["metadata"]["labels"]["pod-security.kubernetes.io/enforce"] = "restricted";
        in.namespaceObject = enforced;
        QCOMPARE(previewAdmission(in).refusedBy, std::string("PodSecurity"));
    }

    void readsAreNotAdmitted()
    {
        AdmissionInput in{rbac::RequestAttributes::forResource("get", "", "pods", "p1"), nullptr, std::nullopt, {}, {}};
        const auto p = previewAdmission(in);
        QVERIFY(!p.applies);
        QCOMPARE(p.notApplied, std::string("get is a read: admission does not run"));
    }

    void impersonationChecksFollowTheFilter()
    {
        auto checks = Tracer::impersonationChecks("alice", {"devs", "ops"});
        QCOMPARE(checks.size(), size_t(3));
        QCOMPARE(checks[0].request.toString(), std::string("impersonate users \"alice\""));
        QCOMPARE(checks[2].request.toString(), std::string("impersonate groups \"ops\""));
        checks = Tracer::impersonationChecks("system:serviceaccount:p1:builder", {});
        QCOMPARE(checks[0].request.resource, std::string("serviceaccounts"));
        QCOMPARE(checks[0].request.ns, std::string("p1"));
        QCOMPARE(checks[0].request.name, std::string("builder"));
    }

    void classifyDryRunAnswers()
    {
        QCOMPARE(classifyDryRun(201, ""), std::string("admitted"));
        QCOMPARE(classifyDryRun(403, "pods \"x\" is forbidden: exceeded quota: q, requested: pods=1"), std::string("ResourceQuota"));
        QCOMPARE(classifyDryRun(403, "pods \"x\" is forbidden: violates PodSecurity \"restricted:latest\": ..."),
                 std::string("PodSecurity"));
        QCOMPARE(classifyDryRun(403, "pods is forbidden: User \"bob\" cannot create resource \"pods\""),
                 std::string("authorization"));
        QCOMPARE(classifyDryRun(403, "pods \"x\" is forbidden: maximum cpu usage per Container is 1, but limit is 2"),
                 std::string("LimitRanger"));
        QCOMPARE(classifyDryRun(422, "Pod \"x\" is invalid"), std::string("validation"));
        QCOMPARE(classifyDryRun(404, "namespaces \"nope\" not found"), std::string("not found"));
    }

    void engineAllowsThroughAGroupAndAgreesWithTheServer()
    {
        // Given alice in group devs, allowed to create pods in p1 by a RoleBinding to devs
        TraceFacts f;
        f.self = UserInfo{"admin", "", {"system:masters", "system:authenticated"}, nullptr};
        f.index = rbacIndex();
        f.impersonation = Tracer::impersonationChecks("alice", {"devs"});
        for (auto &c : f.impersonation)
            c.allowed = true;
        f.impersonated = UserInfo{"alice", "", {"devs", "system:authenticated"}, nullptr};
        f.review = rbac::ReviewAnswer{true, false, "RBAC: allowed", ""};
        f.reviewKind = "SubjectAccessReview";
        f.namespaceObject = json{{"metadata", {{"name", "p1"}}}};
        const TraceQuestion q = createPods("alice", {"devs"});
        f.probe = podOf({});
        // When the trace is assembled
        const auto r = assembleTrace(q, f);
        // Then every stage passes, the path names the binding, and nothing disagrees
        QCOMPARE(r.verdict, Verdict::Pass);
        QVERIFY(r.disagreements.empty());
        QCOMPARE(r.stage("impersonation")->verdict, Verdict::Pass);
        QCOMPARE(r.stage("authorization")->verdict, Verdict::Pass);
        QVERIFY(r.stage("authorization")->summary.find("RoleBinding \"devs-create/p1\"") != std::string::npos);
        QCOMPARE(r.stage("admission")->verdict, Verdict::Pass);
        QCOMPARE(r.stage("server")->verdict, Verdict::Pass);
        const std::string text = r.toText();
        QVERIFY(text.find("Verdict: ✔ allowed") != std::string::npos);
        QCOMPARE(r.toJson()["verdict"].get<std::string>(), std::string("pass"));
    }

    void engineShowsADisagreementProminently()
    {
        // Given the server allows what the local RBAC data denies (a binding Tenantry did not see)
        TraceFacts f;
        f.self = UserInfo{"admin", "", {"system:masters"}, nullptr};
        f.index = rbacIndex();
        f.impersonation = Tracer::impersonationChecks("bob", {});
        f.impersonation[0].allowed = true;
        f.review = rbac::ReviewAnswer{true, false, "RBAC: allowed by ClusterRoleBinding \"x\"", ""};
        f.reviewKind = "SubjectAccessReview";
        f.probe = podOf({});
        const auto r = assembleTrace(createPods("bob"), f);
        // Then the verdict is Tenantry's (denied), and the disagreement leads the text
        QCOMPARE(r.verdict, Verdict::Fail);
        QCOMPARE(r.disagreements.size(), size_t(1));
        QCOMPARE(r.stage("server")->verdict, Verdict::Fail);
        QVERIFY(r.toText().find("!!! Tenantry and the server disagree") < r.toText().find("1. Authentication"));
    }

    void engineRefusedImpersonation()
    {
        TraceFacts f;
        f.self = UserInfo{"carol", "", {"system:authenticated"}, nullptr};
        f.index = rbacIndex();
        f.impersonation = Tracer::impersonationChecks("alice", {"devs"});
        f.impersonation[0].allowed = false;
        f.impersonation[1].allowed = false;
        f.impersonatedError = "users \"alice\" is forbidden: User \"carol\" cannot impersonate resource \"users\"";
        f.probe = podOf({});
        const auto r = assembleTrace(createPods("alice", {"devs"}), f);
        QCOMPARE(r.verdict, Verdict::Fail);
        QVERIFY(r.verdictText.rfind("denied at impersonation", 0) == 0);
        QVERIFY(r.disagreements.empty());
    }

    void engineQuotaRefusalMatchesTheDryRun()
    {
        TraceFacts f;
        f.self = UserInfo{"alice", "", {"devs", "system:authenticated"}, nullptr};
        f.index = rbacIndex();
        f.quotas = {quota({{"count/pods", "1"}}, {{"count/pods", "1"}})};
        f.probe = podOf({});
        f.dryRun.sent = true;
        f.dryRun.method = "POST";
        f.dryRun.status = 403;
        f.dryRun.message = "pods \"web\" is forbidden: exceeded quota: q, requested: count/pods=1, used: count/pods=1, limited: count/pods=1";
        f.dryRun.stoppedAt = classifyDryRun(f.dryRun.status, f.dryRun.message);
        TraceQuestion q = createPods("");
        auto r = assembleTrace(q, f);
        QCOMPARE(r.verdict, Verdict::Fail);
        QVERIFY(r.verdictText.rfind("refused at admission", 0) == 0);
        QVERIFY(r.disagreements.empty());
        QCOMPARE(r.stage("server")->verdict, Verdict::Pass);
        // Had the server admitted it, that would be a disagreement.
        f.dryRun.status = 201;
        f.dryRun.message.clear();
        f.dryRun.stoppedAt = "admitted";
        r = assembleTrace(q, f);
        QCOMPARE(r.disagreements.size(), size_t(1));
        QVERIFY(r.disagreements.front().rfind("admission: Tenantry says refused by ResourceQuota", 0) == 0);
    }

    void engineWithoutRbacIsUnknown()
    {
        TraceFacts f;
        f.self = UserInfo{"alice", "", {}, nullptr};
        f.rbacError = "forbidden";
        TraceQuestion q;
        q.request = rbac::RequestAttributes::forPath("get", "/healthz");
        const auto r = assembleTrace(q, f);
        QCOMPARE(r.stage("authorization")->verdict, Verdict::Unknown);
        QCOMPARE(r.stage("admission")->verdict, Verdict::Skipped);
        QCOMPARE(r.verdict, Verdict::Unknown);
    }
};

QTEST_GUILESS_MAIN(TestTrace)
#include "tst_traceengine.moc"
