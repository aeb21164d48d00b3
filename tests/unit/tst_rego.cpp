// Rego evaluated by the real opa (scripts/opa builds it; a missing opa FAILS this test, naming
// it): KubeSphere's built-in policies as resources/builtins ships them agree with
// kubesphere-tenancy-api.md 12.4 and with what each module says on a table of cases, alone
// and in one batch; the rule that allowed is named; bad modules and a failing or missing opa
// give "not allowed" with a clear message; KubeSphereEvaluator asks a role's policy before its
// rules, and the matrix and who-can include policy grants (and say when opa is not there).
#include "kubeclient/core/yamlconvert.h"
#include "kubeclient/rbac/cellquery.h"
#include "kubeclient/rbac/kubesphereevaluator.h"
#include "kubeclient/rbac/permissionmatrix.h"
#include "kubeclient/rbac/rbacindex.h"
#include "kubeclient/rbac/rbacloader.h"
#include "kubeclient/rbac/regomodule.h"
#include "kubeclient/rbac/regoopa.h"
#include "kubeclient/rbac/whocan.h"

#include <QtTest/QtTest>

#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <unistd.h>

using namespace kube::rbac;
using nlohmann::json;

namespace {

std::string opaPath()
{
    if (const char *env = std::getenv("TENANTRY_OPA"); env && *env)
        return env;
    return std::string(TENANTRY_SOURCE_DIR) + "/tools/opa/bin/opa";
}

std::string readText(const std::string &path)
{
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string builtinsFile(const char *name) { return std::string(TENANTRY_SOURCE_DIR) + "/resources/builtins/" + name; }

// The rego-override of the built-in object `name` (a GlobalRole or RoleTemplate), verbatim.
std::string builtinPolicy(const std::string &name)
{
    for (const char *file : {"30-globalroles.yaml", "20-roletemplates-global.yaml"}) {
        auto docs = kube::parseYamlDocuments(readText(builtinsFile(file)), file);
        if (!docs.ok())
            continue;
        for (const auto &d : *docs)
            if (d.is_object() && d["metadata"].value("name", "") == name)
                return d["metadata"]["annotations"].value("iam.kubesphere.io/rego-override", "");
    }
    return {};
}

// The line of the n-th (1-based) line of `module` that starts with "allow" (a rule head at
// the left margin, as KubeSphere's modules write them): found by plain text search, not by
// the scanner under test.
int nthAllowLine(const std::string &module, int n)
{
    std::istringstream in(module);
    std::string line;
    int number = 0, seen = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.rfind("allow", 0) == 0 && ++seen == n)
            return number;
    }
    return -1;
}

json input(const std::string &user, const std::string &verb, const std::string &resource, const std::string &name,
           const std::string &scope, const std::string &subresource = {}, const std::string &ns = {})
{
    auto r = RequestAttributes::forResource(verb, resource == "users" ? "iam.kubesphere.io" : "", resource, ns, name,
                                            subresource);
    return regoInput(Identity::impersonated(user), r, scope);
}

std::shared_ptr<OpaRegoEvaluator> opa(const std::string &binary = opaPath())
{
    OpaRegoEvaluator::Options o;
    o.binary = binary;
    return std::make_shared<OpaRegoEvaluator>(o);
}

// The built-in roles and bindings as shipped, plus users, a GlobalRole carrying the
// global-view-clusters policy and no rules, bound to user vic, and a namespace in ws1.
std::shared_ptr<const RbacIndex> builtinIndex()
{
    RbacData data;
    for (const char *file : {"30-globalroles.yaml", "31-globalrolebindings.yaml"})
        if (auto added = RbacLoader::addText(data, readText(builtinsFile(file)), file); !added.ok())
            qFatal("%s: %s", file, added.error().describe().c_str());
    json viewer = {{"apiVersion", "iam.kubesphere.io/v1beta1"},
                   {"kind", "GlobalRole"},
                   {"metadata",
                    {{"name", "policy-viewer"},
                     {"annotations", {{"iam.kubesphere.io/rego-override", builtinPolicy("global-view-clusters")}}}}},
                   {"rules", json::array()}};
    std::string extra = R"(
apiVersion: iam.kubesphere.io/v1beta1
kind: User
metadata: {name: alice}
---
apiVersion: iam.kubesphere.io/v1beta1
kind: User
metadata: {name: bob}
---
apiVersion: iam.kubesphere.io/v1beta1
kind: GlobalRoleBinding
metadata: {name: vic-policy-viewer}
roleRef: {apiGroup: iam.kubesphere.io, kind: GlobalRole, name: policy-viewer}
subjects: [{apiGroup: iam.kubesphere.io, kind: User, name: vic}]
---
apiVersion: v1
kind: Namespace
metadata: {name: p1, labels: {kubesphere.io/workspace: ws1}}
---
)" + viewer.dump() + "\n";
    if (auto added = RbacLoader::addText(data, extra, "extra"); !added.ok())
        qFatal("extra: %s", added.error().describe().c_str());
    RbacIndex::Options options;
    options.kubesphereFlavor = kube::tenancy::ApiFlavor::V4;
    return RbacIndex::build(data, options);
}

} // namespace

class TestRego : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void builtinPolicies_data();
    void builtinPolicies();
    void builtinPoliciesInOneBatch();
    void inputRecordHasGoFieldNames();
    void moduleScanner();
    void v0SyntaxIsAccepted();
    void badModules();
    void evaluationErrorStaysWithItsInput();
    void failingOrMissingOpa();
    void cacheAnswersRepeats();
    void kubesphereEvaluatorAsksPolicyFirst();
    void withoutOpaTheViewSaysSo();
    void matrixIncludesPolicyGrants();
    void whoCanIncludesPolicyGrants();
};

void TestRego::initTestCase()
{
    const std::string path = opaPath();
    if (::access(path.c_str(), X_OK) != 0)
        QFAIL(qPrintable(QStringLiteral("the opa command is missing at %1: scripts/opa builds it (scripts/test does so "
                                        "before the tests), or set TENANTRY_OPA")
                             .arg(QString::fromStdString(path))));
    QVERIFY(opa()->available());
    QVERIFY(!builtinPolicy("authenticated").empty());
    QVERIFY(!builtinPolicy("global-view-clusters").empty());
    QVERIFY(!builtinPolicy("global-manage-clusters").empty());
}

// module, input, allowed, which allow rule (1-based, in text order; 0 = not allowed).
void TestRego::builtinPolicies_data()
{
    QTest::addColumn<QString>("module");
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<int>("rule");
    auto row = [](const char *id, const char *module, const json &in, bool allowed, int rule) {
        QTest::newRow(id) << QString(module) << QString::fromStdString(in.dump()) << allowed << rule;
    };
    // authenticated (12.4, 6.1): self-service on the user's own account.
    row("own user: get", "authenticated", input("alice", "get", "users", "alice", "Global"), true, 1);
    row("own user: update", "authenticated", input("alice", "update", "users", "alice", "Global"), true, 1);
    row("own user: patch", "authenticated", input("alice", "patch", "users", "alice", "Global"), true, 1);
    row("own user: delete is not self-service", "authenticated", input("alice", "delete", "users", "alice", "Global"),
        false, 0);
    row("another user: get", "authenticated", input("alice", "get", "users", "bob", "Global"), false, 0);
    row("another user: update", "authenticated", input("alice", "update", "users", "bob", "Global"), false, 0);
    row("users: list (no name)", "authenticated", input("alice", "list", "users", "", "Global"), false, 0);
    row("own password", "authenticated", input("alice", "update", "users", "alice", "Global", "password"), true, 1);
    row("own password: create", "authenticated", input("alice", "create", "users", "alice", "Global", "password"),
        true, 2);
    row("another's password", "authenticated", input("alice", "update", "users", "bob", "Global", "password"), false,
        0);
    row("not a user: pods named alice", "authenticated",
        input("alice", "get", "pods", "alice", "Namespace", "", "p1"), false, 0);
    // global-view-clusters: reads in every Cluster, Workspace and Namespace scope, never Global.
    row("view: get pods in a namespace", "global-view-clusters", input("vic", "get", "pods", "", "Namespace", "", "p1"),
        true, 1);
    row("view: list nodes in the cluster", "global-view-clusters", input("vic", "list", "nodes", "", "Cluster"), true,
        1);
    row("view: watch in a workspace", "global-view-clusters", input("vic", "watch", "pods", "", "Workspace"), true, 1);
    row("view: delete is not a read", "global-view-clusters",
        input("vic", "delete", "pods", "x", "Namespace", "", "p1"), false, 0);
    row("view: global scope is not inner", "global-view-clusters", input("vic", "get", "users", "", "Global"), false,
        0);
    // global-manage-clusters: every verb in the inner scopes.
    row("manage: delete pods", "global-manage-clusters", input("vic", "delete", "pods", "x", "Namespace", "", "p1"),
        true, 1);
    row("manage: create in the cluster", "global-manage-clusters", input("vic", "create", "nodes", "", "Cluster"),
        true, 1);
    row("manage: global users", "global-manage-clusters", input("vic", "delete", "users", "bob", "Global"), false, 0);
}

void TestRego::builtinPolicies()
{
    QFETCH(QString, module);
    QFETCH(QString, input);
    QFETCH(bool, allowed);
    QFETCH(int, rule);
    const std::string policy = builtinPolicy(module.toStdString());
    const auto v = opa()->evaluateOne(policy, json::parse(input.toStdString()));
    QVERIFY2(!v.failed(), v.error.c_str());
    QCOMPARE(v.allowed, allowed);
    if (!allowed) {
        QVERIFY(!v.rule);
        return;
    }
    QVERIFY2(v.rule.has_value(), "the rule that allowed is named");
    QCOMPARE(v.rule->line, nthAllowLine(policy, rule));
    QCOMPARE(v.rule->name, std::string("allow"));
    QVERIFY2(v.rule->text.rfind("allow", 0) == 0 && v.rule->text.find("input.") != std::string::npos,
             v.rule->text.c_str());
}

void TestRego::builtinPoliciesInOneBatch()
{
    // Given every case of the authenticated policy, when they go to opa as one batch,
    // then each verdict is the one it gets alone, in input order, from one process.
    const std::string policy = builtinPolicy("authenticated");
    std::vector<json> inputs;
    std::vector<bool> expected;
    for (const char *user : {"alice", "bob", "carol"})
        for (const char *verb : {"get", "update", "delete", "list"})
            for (const char *name : {"alice", "bob", ""}) {
                inputs.push_back(input(user, verb, "users", name, "Global"));
                const bool own = std::string(name) == user;
                expected.push_back(own && std::string(verb) != "delete" && std::string(verb) != "list");
            }
    auto engine = opa();
    const auto verdicts = engine->evaluate(policy, inputs);
    QCOMPARE(engine->processes(), uint64_t(1));
    QCOMPARE(verdicts.size(), inputs.size());
    for (size_t i = 0; i < inputs.size(); ++i) {
        QVERIFY2(!verdicts[i].failed(), verdicts[i].error.c_str());
        QVERIFY2(verdicts[i].allowed == expected[i], inputs[i].dump().c_str());
    }
}

void TestRego::inputRecordHasGoFieldNames()
{
    auto r = RequestAttributes::forResource("get", "apps", "deployments", "p1", "web", "scale");
    r.apiVersion = "v1";
    r.workspace = "ws1";
    const json in = regoInput(Identity::impersonated("alice", {"devs"}), r, kRegoScopeNamespace);
    for (const char *field : {"User", "Verb", "Cluster", "Workspace", "Namespace", "APIGroup", "APIVersion", "Resource",
                              "Subresource", "Name", "KubernetesRequest", "ResourceRequest", "Path", "ResourceScope"})
        QVERIFY2(in.contains(field), field);
    QCOMPARE(in.size(), size_t(14));
    QCOMPARE(in["User"]["Name"].get<std::string>(), std::string("alice"));
    QCOMPARE(in["User"]["Groups"], json({"devs", "system:authenticated"}));
    QVERIFY(in["User"].contains("UID") && in["User"]["Extra"].is_null());
    QCOMPARE(in["Path"].get<std::string>(), std::string("/apis/apps/v1/namespaces/p1/deployments/web/scale"));
    QCOMPARE(in["ResourceScope"].get<std::string>(), std::string("Namespace"));
    QCOMPARE(in["KubernetesRequest"].get<bool>(), true);
    const json path = regoInput(Identity::impersonated("alice"), RequestAttributes::forPath("get", "/kapis/version"),
                                kRegoScopeCluster);
    QCOMPARE(path["ResourceRequest"].get<bool>(), false);
    QCOMPARE(path["KubernetesRequest"].get<bool>(), false);
    QCOMPARE(path["Path"].get<std::string>(), std::string("/kapis/version"));
    QCOMPARE(path["Resource"].get<std::string>(), std::string());
}

void TestRego::moduleScanner()
{
    // Heads at the top level only: a rule body mentioning `allow`, strings and comments with
    // braces, and `default` are not heads.
    const std::string text = "package authz\n"
                             "# allow { a comment with a brace\n"
                             "default allow = false\n"
                             "allow {\n"
                             "  input.Verb == \"{\"  # }\n"
                             "  x := `}`\n"
                             "}\n"
                             "deny {\n"
                             "  not allow\n"
                             "}\n"
                             "allow = true { input.Verb == \"get\" }\n";
    RegoModule m(text);
    QCOMPARE(m.package(), std::string("authz"));
    const auto rules = m.rules();
    QCOMPARE(rules.size(), size_t(2));
    QCOMPARE(rules[0].line, 4);
    QCOMPARE(rules[0].text, std::string("allow { input.Verb == \"{\"; x := `}` }"));
    QCOMPARE(rules[1].line, 11);
    const std::string probe = m.probe("tenantry_probe");
    QVERIFY(probe.rfind("package tenantry_probe\n", 0) == 0);
    QVERIFY(probe.find("tenantry_rule_L4 {") != std::string::npos);
    QVERIFY(probe.find("tenantry_rule_L11 = true") != std::string::npos);
    QVERIFY(probe.find("not allow\n") != std::string::npos);
    QCOMPARE(RegoModule::lineOfProbeRule("tenantry_rule_L11"), 11);
    QCOMPARE(RegoModule::lineOfProbeRule("own_account_verbs"), 0);
    QVERIFY(RegoModule("allow { true }").probe("p").empty());  // no package line

    // The input fields a module can read: literal ones only, or every field.
    QCOMPARE(*RegoModule(builtinPolicy("authenticated")).inputFields(),
             (std::set<std::string>{"Name", "Resource", "Subresource", "User", "Verb"}));
    QCOMPARE(*RegoModule(text).inputFields(), std::set<std::string>{"Verb"});
    QVERIFY(!RegoModule("package authz\nallow { input[\"Verb\"] == \"get\" }").inputFields());
    QVERIFY(!RegoModule("package authz\nallow { x := input; x.Verb == \"get\" }").inputFields());
    QCOMPARE(*RegoModule("package authz\n# input[x]\nallow { \"input[\" == input.Path }").inputFields(),
             std::set<std::string>{"Path"});
}

void TestRego::v0SyntaxIsAccepted()
{
    // KubeSphere's modules are Rego v0 (no `if`): OPA 1.x refuses them without --v0-compatible.
    const auto v = opa()->evaluateOne("package authz\nallow {\n  input.Verb == \"get\"\n}\n",
                                      input("alice", "get", "pods", "", "Cluster"));
    QVERIFY2(!v.failed(), v.error.c_str());
    QVERIFY(v.allowed);
    QCOMPARE(v.rule->line, 2);
}

void TestRego::badModules()
{
    auto engine = opa();
    const json in = input("alice", "get", "users", "alice", "Global");
    // A syntax error: not allowed, the error names authz.rego and the line, not our temporary folder.
    auto v = engine->evaluateOne("package authz\nallow {\n  input.Verb == \n}\n", in);
    QVERIFY(!v.allowed);
    QVERIFY2(v.error.find("authz.rego:4") != std::string::npos && v.error.find("rego_parse_error") != std::string::npos,
             v.error.c_str());
    QVERIFY2(v.error.find("tenantry-opa-") == std::string::npos, v.error.c_str());
    // Another package: data.authz.allow is undefined, which is not allowed (and no error).
    v = engine->evaluateOne("package other\nallow = true\n", in);
    QVERIFY(!v.allowed && !v.failed());
    // allow must be exactly true.
    v = engine->evaluateOne("package authz\nallow = \"yes\"\n", in);
    QVERIFY(!v.allowed && !v.failed());
    // A module that is not text of Rego at all.
    v = engine->evaluateOne("{\"not\": \"rego\"}", in);
    QVERIFY(!v.allowed);
    QVERIFY2(v.error.find("authz.rego") != std::string::npos, v.error.c_str());
}

void TestRego::evaluationErrorStaysWithItsInput()
{
    // allow produces conflicting values for resource "x" only: that input fails with opa's
    // message, the others in the same batch are still answered.
    const std::string policy = "package authz\nallow = input.Verb { input.Resource == \"x\" }\nallow = true { true }\n";
    std::vector<json> inputs;
    for (const char *res : {"a", "b", "x", "c", "d"})
        inputs.push_back(input("alice", "get", res, "", "Cluster"));
    const auto verdicts = opa()->evaluate(policy, inputs);
    QCOMPARE(verdicts.size(), size_t(5));
    for (size_t i = 0; i < 5; ++i) {
        if (i == 2) {
            QVERIFY(!verdicts[i].allowed);
            QVERIFY2(verdicts[i].error.find("conflicting") != std::string::npos, verdicts[i].error.c_str());
        } else {
            QVERIFY2(verdicts[i].allowed && !verdicts[i].failed(), verdicts[i].error.c_str());
        }
    }
}

void TestRego::failingOrMissingOpa()
{
    const std::string policy = builtinPolicy("authenticated");
    const json in = input("alice", "get", "users", "alice", "Global");
    // An opa that fails (here /bin/false): not allowed, the message names the binary.
    auto failing = opa("/bin/false");
    QVERIFY(failing->available());
    auto v = failing->evaluateOne(policy, in);
    QVERIFY(!v.allowed);
    QVERIFY2(v.error.find("/bin/false") != std::string::npos && v.error.find("failed") != std::string::npos,
             v.error.c_str());
    // A path where there is none: not available, and every verdict says why.
    auto missing = opa("/nonexistent/opa");
    QVERIFY(!missing->available());
    QVERIFY2(missing->unavailableReason().rfind("opa not available: /nonexistent/opa", 0) == 0,
             missing->unavailableReason().c_str());
    v = missing->evaluateOne(policy, in);
    QVERIFY(!v.allowed);
    QCOMPARE(v.error, missing->unavailableReason());
    // TENANTRY_OPA pointing nowhere: locate() says so.
    const std::string real = opaPath();
    const QByteArray saved = qgetenv("TENANTRY_OPA");
    qputenv("TENANTRY_OPA", "/nonexistent/opa");
    std::string why;
    QVERIFY(OpaRegoEvaluator::locate(&why).empty());
    QVERIFY2(why.find("TENANTRY_OPA=/nonexistent/opa") != std::string::npos, why.c_str());
    qputenv("TENANTRY_OPA", QByteArray::fromStdString(real));
    QCOMPARE(OpaRegoEvaluator::locate(&why), real);
    if (saved.isEmpty())
        qunsetenv("TENANTRY_OPA");
    else
        qputenv("TENANTRY_OPA", saved);
    // A failing opa in the KubeSphere view: the decision says the policy failed.
    KubeSphereEvaluator ks(builtinIndex(), failing);
    const auto d = ks.authorize(Identity::impersonated("alice"),
                                RequestAttributes::forResource("update", "iam.kubesphere.io", "users", {}, "alice"));
    QVERIFY(!d.allowed);
    QVERIFY2(d.explain().find("failed, so it allows nothing") != std::string::npos, d.explain().c_str());
}

void TestRego::cacheAnswersRepeats()
{
    auto engine = opa();
    const std::string policy = builtinPolicy("authenticated");
    const json in = input("alice", "update", "users", "alice", "Global");
    QVERIFY(engine->evaluateOne(policy, in).allowed);
    QCOMPARE(engine->processes(), uint64_t(1));
    const auto again = engine->evaluateOne(policy, in);
    QVERIFY(again.allowed && again.rule);
    QCOMPARE(engine->processes(), uint64_t(1));
    QCOMPARE(engine->cacheHits(), uint64_t(1));
}

void TestRego::kubesphereEvaluatorAsksPolicyFirst()
{
    // Given the built-in `authenticated` GlobalRole (bound to system:authenticated), when alice
    // updates her own user, then its policy allows it and the path names the rule; for bob's
    // user it does not, and the explanation says the policy was evaluated.
    const std::string policy = builtinPolicy("authenticated");
    KubeSphereEvaluator ks(builtinIndex(), opa());
    const Identity alice = Identity::impersonated("alice");
    auto own = ks.authorize(alice, RequestAttributes::forResource("update", "iam.kubesphere.io", "users", {}, "alice"));
    QVERIFY2(own.allowed, own.explain().c_str());
    QVERIFY(own.basis == Decision::Basis::Policy);
    QVERIFY(own.grant && own.grant->viaPolicy && own.grant->ruleIndex == -1);
    QCOMPARE(own.grant->roleText, std::string("GlobalRole authenticated"));
    QCOMPARE(own.grant->policyLine, nthAllowLine(policy, 1));
    QVERIFY2(own.explain().find("Rego policy rule authz.rego:" + std::to_string(nthAllowLine(policy, 1))) !=
                 std::string::npos,
             own.explain().c_str());
    QCOMPARE(own.toJson()["grant"]["policy"]["line"].get<int>(), nthAllowLine(policy, 1));
    QVERIFY(ks.allowed(alice, RequestAttributes::forResource("update", "iam.kubesphere.io", "users", {}, "alice")));

    auto other = ks.authorize(alice, RequestAttributes::forResource("update", "iam.kubesphere.io", "users", {}, "bob"));
    QVERIFY(!other.allowed);
    QVERIFY(!other.policies.empty() && other.policies.front().evaluated && !other.policies.front().allowed);
    QVERIFY2(other.explain().find("evaluated by opa") != std::string::npos, other.explain().c_str());
    QVERIFY(!ks.allowed(alice, RequestAttributes::forResource("update", "iam.kubesphere.io", "users", {}, "bob")));

    // Policy before rules: `get users alice` is also allowed by a rule of authenticated, but
    // ks-apiserver asks the policy first, so the path is the policy's.
    auto read = ks.authorize(alice, RequestAttributes::forResource("get", "iam.kubesphere.io", "users", {}, "alice"));
    QVERIFY(read.allowed && read.grant && read.grant->viaPolicy);
    // ...and for another user's record the rule allows it.
    auto readOther = ks.authorize(alice, RequestAttributes::forResource("get", "iam.kubesphere.io", "users", {}, "bob"));
    QVERIFY(readOther.allowed && readOther.grant && !readOther.grant->viaPolicy && readOther.grant->ruleIndex >= 0);

    // A role with a policy and no rules (vic's policy-viewer) allows reads in a project.
    auto vic = ks.authorize(Identity::impersonated("vic"), RequestAttributes::forResource("get", "", "pods", "p1"));
    QVERIFY2(vic.allowed && vic.grant && vic.grant->viaPolicy, vic.explain().c_str());
    QCOMPARE(vic.grant->roleText, std::string("GlobalRole policy-viewer"));
    QVERIFY(!ks.authorize(Identity::impersonated("vic"), RequestAttributes::forResource("delete", "", "pods", "p1", "x"))
                 .allowed);
}

void TestRego::withoutOpaTheViewSaysSo()
{
    // No engine: the policy is shown, not evaluated, and the explanation says opa is not there.
    KubeSphereEvaluator ks(builtinIndex());
    auto d = ks.authorize(Identity::impersonated("alice"),
                          RequestAttributes::forResource("update", "iam.kubesphere.io", "users", {}, "alice"));
    QVERIFY(!d.allowed);
    QVERIFY(!d.policies.empty() && !d.policies.front().evaluated);
    QVERIFY2(d.explain().find("opa not available") != std::string::npos, d.explain().c_str());
    QVERIFY(d.toJson()["policies"][0]["evaluated"] == false);
    // The same with an engine that is not there.
    KubeSphereEvaluator missing(builtinIndex(), opa("/nonexistent/opa"));
    d = missing.authorize(Identity::impersonated("alice"),
                          RequestAttributes::forResource("update", "iam.kubesphere.io", "users", {}, "alice"));
    QVERIFY(!d.allowed);
    QVERIFY2(d.explain().find("opa not available: /nonexistent/opa") != std::string::npos, d.explain().c_str());
}

void TestRego::matrixIncludesPolicyGrants()
{
    const auto index = builtinIndex();
    const auto catalog = ResourceCatalog::builtin();
    PermissionMatrix::Options o;
    o.view = View::KubeSphere;
    o.scopes = {MatrixScope::platform(), MatrixScope::cluster(), MatrixScope::ns("p1")};
    auto engine = opa();
    o.rego = engine;
    const auto m = PermissionMatrix::forIdentity(*index, catalog, Identity::impersonated("vic"), o);
    const size_t pods = [&] {
        for (size_t i = 0; i < catalog.size(); ++i)
            if (catalog.entries()[i].group.empty() && catalog.entries()[i].resource == "pods" &&
                catalog.entries()[i].subresource.empty())
                return i;
        return size_t(-1);
    }();
    QVERIFY(pods != size_t(-1));
    auto verb = [&](const char *v) { return size_t(std::find(m.verbs().begin(), m.verbs().end(), v) - m.verbs().begin()); };
    // Row 2 is namespace p1: reads allowed by the policy alone, writes not.
    QVERIFY(m.rows()[2].policiesEvaluated);
    QVERIFY(m.allowed(2, pods, verb("get")) && m.viaPolicy(2, pods, verb("get")));
    QVERIFY(!m.viaWildcard(2, pods, verb("get")));
    QVERIFY(!m.allowed(2, pods, verb("delete")));
    QVERIFY(m.allowed(1, pods, verb("list")) && m.viaPolicy(1, pods, verb("list")));  // cluster
    // The platform scope is Global, which the policy leaves out.
    for (size_t i = 0; i < catalog.size(); ++i)
        for (size_t v = 0; v < m.verbs().size(); ++v)
            QVERIFY(!m.viaPolicy(0, i, v));
    // Every policy in one batch per policy: vic's row set used one opa process for policy-viewer
    // and one for authenticated (also in play for every user).
    QVERIFY(engine->processes() <= 2);
    QVERIFY(m.toTable().find("rego") != std::string::npos);
    QVERIFY(m.toJson()["rows"][2].contains("allowedByPolicy"));
    // Each matrix cell agrees with KubeSphereEvaluator on the same request.
    KubeSphereEvaluator ks(index, engine);
    for (const char *v : {"get", "list", "watch", "create", "delete"}) {
        const auto request = cellRequest(MatrixScope::ns("p1"), catalog.entries()[pods], v);
        QCOMPARE(m.allowed(2, pods, verb(v)), ks.allowed(Identity::impersonated("vic"), request));
    }
    // Without an engine the row says why its policies were not evaluated.
    o.rego = nullptr;
    const auto plain = PermissionMatrix::forIdentity(*index, catalog, Identity::impersonated("vic"), o);
    QVERIFY(!plain.allowed(2, pods, verb("get")));
    QVERIFY(plain.rows()[2].policyNote.rfind("opa not available", 0) == 0);
    QVERIFY(plain.toTable().find("opa not available") != std::string::npos);
}

void TestRego::whoCanIncludesPolicyGrants()
{
    // Who can update alice's user? The authenticated policy, for alice alone, through the
    // system:authenticated group; bob is not listed.
    const auto index = builtinIndex();
    std::vector<std::string> notes;
    const auto request = RequestAttributes::forResource("update", "iam.kubesphere.io", "users", {}, "alice");
    const auto answers = whoCanRequest(*index, View::KubeSphere, request, false, opa(), &notes);
    bool alice = false, bob = false;
    for (const auto &a : answers) {
        if (a.subject.kind == "User" && a.subject.name == "alice") {
            alice = true;
            QVERIFY(a.path.viaPolicy);
            QCOMPARE(a.path.subject.name, std::string(kGroupAuthenticated));
            QVERIFY(a.path.policyLine > 0);
        }
        bob = bob || (a.subject.kind == "User" && a.subject.name == "bob");
    }
    QVERIFY2(alice, WhoCan::toText(answers).c_str());
    QVERIFY(!bob);
    QVERIFY(WhoCan::toText(answers).find("Rego policy rule authz.rego:") != std::string::npos);
    QVERIFY(notes.empty());
    // Without an engine, a note says the policy was not evaluated.
    const auto plain = whoCanRequest(*index, View::KubeSphere, request, false, nullptr, &notes);
    for (const auto &a : plain)
        QVERIFY(!(a.subject.kind == "User" && a.subject.name == "alice"));
    QVERIFY(!notes.empty() && notes.front().find("opa not available") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestRego)
#include "tst_rego.moc"
