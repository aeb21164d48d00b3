// The KubeSphere view: scope resolution, the global -> workspace -> namespace -> cluster
// order with the namespace's workspace label, role templates in the explanation, Rego
// policies shown but not evaluated, 3.x vs 4.x objects; plus the Kubernetes view on the same
// data for contrast, and the KubeSphere matrix and who-can.
#include "kubeclient/rbac/evaluator.h"
#include "kubeclient/rbac/kubesphereevaluator.h"
#include "kubeclient/rbac/permissionmatrix.h"
#include "kubeclient/rbac/rbacindex.h"
#include "kubeclient/rbac/rbacloader.h"
#include "kubeclient/rbac/whocan.h"
#include "kubeclient/core/yamlconvert.h"

#include <QtTest/QtTest>

#include <fstream>
#include <set>
#include <sstream>

using namespace kube::rbac;
using nlohmann::json;

namespace {

std::string dataPath(const char *name)
{
    return std::string(TENANTRY_TEST_DATA) + "/rbac/" + name;
}

RbacData fixtureData()
{
    auto loaded = RbacLoader::fromPath(dataPath("ks-fixture.yaml"));
    if (!loaded)
        qFatal("fixture: %s", loaded.error().describe().c_str());
    return loaded->data;
}

std::shared_ptr<const RbacIndex> fixtureIndex()
{
    static auto index = RbacIndex::build(fixtureData());
    return index;
}

RequestAttributes requestOf(const json &c)
{
    RequestAttributes r = c.contains("path")
                              ? RequestAttributes::forPath(c.value("verb", ""), c.value("path", ""))
                              : RequestAttributes::parseResource(c.value("verb", ""), c.value("res", ""),
                                                                 c.value("ns", ""), c.value("name", ""));
    r.workspace = c.value("ws", "");
    return r;
}

} // namespace

class TestRbacKubeSphere : public QObject
{
    Q_OBJECT

private slots:
    void decisions_data();
    void decisions();
    void scopeResolution();
    void kubesphereUrls_data();
    void kubesphereUrls();
    void policyTextIsShown();
    void flavorThreeReadsRbacBindings();
    void matrixByScope();
    void whoCanInKubeSphereView();
};

void TestRbacKubeSphere::decisions_data()
{
    QTest::addColumn<QString>("caseJson");
    std::ifstream in(dataPath("ks-cases.yaml"));
    std::ostringstream text;
    text << in.rdbuf();
    auto docs = kube::parseYamlDocuments(text.str(), "ks-cases.yaml");
    QVERIFY(docs.ok());
    for (const auto &c : docs->front()["cases"])
        QTest::newRow(c.value("id", "?").c_str()) << QString::fromStdString(c.dump());
}

void TestRbacKubeSphere::decisions()
{
    QFETCH(QString, caseJson);
    const json c = json::parse(caseJson.toStdString());
    const auto index = fixtureIndex();
    KubeSphereEvaluator ks(index);
    const Identity who = Identity::verbatim(c.value("user", ""), c.value("groups", std::vector<std::string>{}));
    const RequestAttributes request = requestOf(c);
    const Decision d = ks.authorize(who, request);
    QVERIFY2(d.allowed == c.value("allow", false), d.explain().c_str());
    QCOMPARE(ks.allowed(who, request), d.allowed);
    if (c.contains("scope"))
        QCOMPARE(QString::fromStdString(toString(ks.scopeOf(request))), QString::fromStdString(c.value("scope", "")));
    if (c.contains("via")) {
        QVERIFY(d.grant.has_value());
        const std::string text = d.grant->bindingText;
        QCOMPARE(QString::fromStdString(text.substr(text.find_last_of(" /") + 1)), QString::fromStdString(c.value("via", "")));
    }
    if (c.contains("template")) {
        QVERIFY(d.grant.has_value());
        QCOMPARE(d.grant->templates, std::vector<std::string>{c.value("template", "")});
        QVERIFY(d.explain().find("from template " + c.value("template", "")) != std::string::npos);
    }
    if (c.contains("missing")) {
        std::string all;
        for (const auto &n : d.nearest)
            for (const auto &m : n.missing)
                all += m + "\n";
        QVERIFY2(all.find(c.value("missing", "")) != std::string::npos, d.explain().c_str());
    }
    if (c.value("noerrors", false))
        QVERIFY(d.errors.empty());
    if (c.contains("policy"))
        QCOMPARE(!d.policies.empty(), c.value("policy", false));
    if (c.contains("k8s")) {
        Evaluator k8s(index);
        QCOMPARE(k8s.allowed(Identity::impersonated(who.name, who.groups), request), c.value("k8s", false));
    }
}

void TestRbacKubeSphere::scopeResolution()
{
    KubeSphereEvaluator ks(fixtureIndex());
    auto scope = [&](const std::string &res, const std::string &ns, const std::string &ws) {
        auto r = RequestAttributes::parseResource("get", res, ns);
        r.workspace = ws;
        return std::string(toString(ks.scopeOf(r)));
    };
    QCOMPARE(scope("users.iam.kubesphere.io", "", ""), std::string("global"));
    QCOMPARE(scope("globalrolebindings.iam.kubesphere.io", "", ""), std::string("global"));
    QCOMPARE(scope("workspaces.tenant.kubesphere.io", "", ""), std::string("global"));
    QCOMPARE(scope("clusters.cluster.kubesphere.io", "", ""), std::string("global"));
    QCOMPARE(scope("labels.cluster.kubesphere.io", "", ""), std::string("global"));
    QCOMPARE(scope("pods", "p1", ""), std::string("namespace"));
    QCOMPARE(scope("pods", "p1", "ws2"), std::string("namespace"));
    QCOMPARE(scope("workspacemembers.iam.kubesphere.io", "", "ws1"), std::string("workspace"));
    QCOMPARE(scope("nodes", "", ""), std::string("cluster"));
    QCOMPARE(scope("workspacetemplates.tenant.kubesphere.io", "", ""), std::string("cluster"));
    // The workspace of a project comes from its label, not from the request.
    auto r = RequestAttributes::parseResource("get", "pods", "p1");
    r.workspace = "ws2";
    QCOMPARE(QString::fromStdString(ks.workspaceFor(r)), QStringLiteral("ws1"));
    QCOMPARE(QString::fromStdString(ks.workspaceFor(RequestAttributes::parseResource("get", "pods", "p3"))), QString());
    const auto d = ks.authorize(Identity::verbatim("ben"), RequestAttributes::parseResource("get", "pods", "p1"));
    QCOMPARE(QString::fromStdString(d.scope), QStringLiteral("namespace p1 (workspace ws1)"));
}

void TestRbacKubeSphere::kubesphereUrls_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");  // verb group resource sub name ns workspace cluster | scope
    QTest::newRow("workspace members") << "GET" << "/kapis/iam.kubesphere.io/v1beta1/workspaces/ws1/workspacemembers"
                                       << "list iam.kubesphere.io workspacemembers    ws1  | workspace";
    QTest::newRow("workspace member") << "DELETE" << "/kapis/iam.kubesphere.io/v1beta1/workspaces/ws1/workspacemembers/u"
                                      << "delete iam.kubesphere.io workspacemembers  u  ws1  | workspace";
    QTest::newRow("namespace members") << "GET" << "/kapis/iam.kubesphere.io/v1beta1/namespaces/p1/namespacemembers"
                                       << "list iam.kubesphere.io namespacemembers   p1   | namespace";
    QTest::newRow("ws and namespace") << "GET" << "/kapis/tenant.kubesphere.io/v1beta1/workspaces/ws1/namespaces/p1/pods"
                                      << "list tenant.kubesphere.io pods   p1 ws1  | namespace";
    QTest::newRow("workspace object 4.x") << "GET" << "/apis/tenant.kubesphere.io/v1beta1/workspaces/ws1"
                                          << "get tenant.kubesphere.io workspaces  ws1  ws1  | workspace";
    QTest::newRow("workspacetemplates segment") << "GET"
                                                << "/kapis/tenant.kubesphere.io/v1beta1/workspacetemplates/ws2/clusters"
                                                << "list tenant.kubesphere.io clusters    ws2  | workspace";
    QTest::newRow("users global") << "GET" << "/kapis/iam.kubesphere.io/v1beta1/users"
                                  << "list iam.kubesphere.io users      | global";
    QTest::newRow("user password") << "PUT" << "/kapis/iam.kubesphere.io/v1beta1/users/bob/password"
                                   << "update iam.kubesphere.io users password bob    | global";
    QTest::newRow("cluster prefix") << "GET" << "/apis/clusters/member1/apps/v1/namespaces/p1/deployments"
                                    << "list apps deployments   p1  member1 | namespace";
    QTest::newRow("core via kapi") << "GET" << "/api/v1/namespaces/p1/pods/x/log"
                                   << "get  pods log x p1   | namespace";
    QTest::newRow("cluster scoped") << "GET" << "/api/v1/nodes" << "list  nodes      | cluster";
    QTest::newRow("label selector workspace") << "GET"
                                              << "/apis/tenant.kubesphere.io/v1beta1/namespaces?labelSelector=kubesphere.io%2Fworkspace%3Dws2&watch=true"
                                              << "watch tenant.kubesphere.io namespaces    ws2  | workspace";
}

void TestRbacKubeSphere::kubesphereUrls()
{
    QFETCH(QString, method);
    QFETCH(QString, url);
    QFETCH(QString, expected);
    auto r = KubeSphereEvaluator::requestFromHttp(method.toStdString(), url.toStdString());
    QVERIFY(r.ok());
    KubeSphereEvaluator ks(fixtureIndex());
    const std::string got = r->verb + " " + r->apiGroup + " " + r->resource + " " + r->subresource + " " + r->name +
                            " " + r->ns + " " + r->workspace + " " + r->cluster + " | " + toString(ks.scopeOf(*r));
    QCOMPARE(QString::fromStdString(got), expected);
}

void TestRbacKubeSphere::policyTextIsShown()
{
    KubeSphereEvaluator ks(fixtureIndex());
    const auto d = ks.authorize(Identity::impersonated("kim"),
                                RequestAttributes::parseResource("update", "users.iam.kubesphere.io", "", "kim"));
    QVERIFY(!d.allowed);
    QCOMPARE(d.policies.size(), size_t(1));
    QCOMPARE(QString::fromStdString(d.policies.front().roleText), QStringLiteral("GlobalRole authenticated"));
    QVERIFY(d.policies.front().policy.find("package authz") != std::string::npos);
    const std::string text = d.explain();
    QVERIFY(text.find("also governed by a policy") != std::string::npos);
    QVERIFY(text.find("NOT evaluated") != std::string::npos);
    QVERIFY(text.find("may still allow") != std::string::npos);
    QVERIFY(text.find("input.Resource == \"users\"") != std::string::npos);
    QCOMPARE(d.toJson()["policies"][0]["evaluated"].get<bool>(), false);
}

void TestRbacKubeSphere::flavorThreeReadsRbacBindings()
{
    const RbacData data = fixtureData();
    RbacIndex::Options v3;
    v3.kubesphereFlavor = kube::tenancy::ApiFlavor::V3;
    KubeSphereEvaluator ks3(RbacIndex::build(data, v3));
    KubeSphereEvaluator ks4(fixtureIndex());
    const auto req = RequestAttributes::parseResource("get", "pods", "p1", "x");
    // 3.x: project roles are RBAC, so hal's RoleBinding counts; the iam Role of fay does not.
    QVERIFY(ks3.allowed(Identity::verbatim("hal"), req));
    QVERIFY(!ks4.allowed(Identity::verbatim("hal"), req));
    QVERIFY(!ks3.allowed(Identity::verbatim("fay"), req));
    QVERIFY(ks4.allowed(Identity::verbatim("fay"), req));
    // Global and workspace bindings count in both.
    QVERIFY(ks3.allowed(Identity::verbatim("ben"), req));
    QCOMPARE(fixtureIndex()->kubesphereFlavor(), kube::tenancy::ApiFlavor::V4);
}

void TestRbacKubeSphere::matrixByScope()
{
    const auto index = fixtureIndex();
    ResourceCatalog catalog = ResourceCatalog::builtin();
    catalog.addKubeSphereVirtual();
    catalog.addFromRules(*index);
    PermissionMatrix::Options o;
    o.view = View::KubeSphere;
    const auto m = PermissionMatrix::forIdentity(*index, catalog, Identity::impersonated("ben"), o);
    // platform, cluster, ws1, ws2, p1, p2, p3
    QCOMPARE(m.rows().size(), size_t(7));
    const int pods = catalog.find("", "pods");
    const int members = catalog.find("iam.kubesphere.io", "workspacemembers");
    const int users = catalog.find("iam.kubesphere.io", "users");
    KubeSphereEvaluator ks(index);
    for (size_t r = 0; r < m.rows().size(); ++r) {
        const auto &scope = m.rows()[r].scope;
        const std::string s = scope.toString();
        if (s == "namespace p1" || s == "workspace ws1")
            QVERIFY(m.allowed(r, size_t(pods), 0));
        if (s == "namespace p2" || s == "namespace p3" || s == "cluster" || s == "workspace ws2")
            QVERIFY(!m.allowed(r, size_t(pods), 0));
        if (s == "workspace ws1")
            QVERIFY(m.allowed(r, size_t(members), 3));
        if (s == "platform") {
            QVERIFY(m.applies(scope, catalog.entries()[size_t(users)]));
            QVERIFY(!m.applies(scope, catalog.entries()[size_t(pods)]));
        }
        // Every applicable cell agrees with the evaluator.
        for (size_t e = 0; e < catalog.size(); ++e) {
            if (!m.applies(scope, catalog.entries()[e]))
                continue;
            const auto &entry = catalog.entries()[e];
            for (size_t v = 0; v < m.verbs().size(); ++v) {
                auto req = RequestAttributes::forResource(m.verbs()[v], entry.group, entry.resource,
                                                          scope.kind == MatrixScope::Kind::Namespace ? scope.name : "",
                                                          {}, entry.subresource);
                if (scope.kind == MatrixScope::Kind::Workspace)
                    req.workspace = scope.name;
                QCOMPARE(m.allowed(r, e, v), ks.allowed(Identity::impersonated("ben"), req));
            }
        }
    }
    // kim's rows note the Rego policy of the authenticated role.
    const auto kim = PermissionMatrix::forIdentity(*index, catalog, Identity::impersonated("kim"), o);
    QVERIFY(kim.toTable().find("Rego policy") != std::string::npos);
}

void TestRbacKubeSphere::whoCanInKubeSphereView()
{
    const auto index = fixtureIndex();
    const auto answers = WhoCan::queryKubeSphere(*index, RequestAttributes::parseResource("get", "pods", "p1", "x"));
    std::set<std::string> names;
    for (const auto &a : answers)
        names.insert(a.subject.name);
    for (const char *expected : {"anna", "ben", "cara", "fay", "gus", "ivan"})
        QVERIFY2(names.count(expected), expected);
    for (const char *not_ : {"dave", "evan", "hal", "jo"})
        QVERIFY2(!names.count(not_), not_);
}

QTEST_APPLESS_MAIN(TestRbacKubeSphere)
#include "tst_rbackubesphere.moc"
