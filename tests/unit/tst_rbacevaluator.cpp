// The Kubernetes-view evaluator against a table of decisions written from the RBAC semantics
// (tests/data/rbac/k8s-cases.yaml on k8s-fixture.yaml), plus the request attributes derived
// from URLs, the implicit groups of impersonation, and the explanation of decisions.
#include "kubeclient/rbac/evaluator.h"
#include "kubeclient/rbac/rbacindex.h"
#include "kubeclient/rbac/rbacloader.h"
#include "kubeclient/core/yamlconvert.h"

#include <QtTest/QtTest>

#include <fstream>
#include <sstream>

using namespace kube::rbac;
using nlohmann::json;

namespace {

std::string readAll(const std::string &path)
{
    std::ifstream in(path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string dataPath(const char *name)
{
    return std::string(TENANTRY_TEST_DATA) + "/rbac/" + name;
}

std::shared_ptr<const RbacIndex> fixtureIndex()
{
    static std::shared_ptr<const RbacIndex> index = [] {
        auto loaded = RbacLoader::fromPath(dataPath("k8s-fixture.yaml"));
        if (!loaded)
            qFatal("fixture: %s", loaded.error().describe().c_str());
        return RbacIndex::build(loaded->data);
    }();
    return index;
}

RequestAttributes requestOf(const json &c)
{
    if (c.contains("path"))
        return RequestAttributes::forPath(c.value("verb", ""), c.value("path", ""));
    return RequestAttributes::parseResource(c.value("verb", ""), c.value("res", ""), c.value("ns", ""),
                                            c.value("name", ""));
}

Identity identityOf(const json &c)
{
    return Identity::verbatim(c.value("user", ""), c.value("groups", std::vector<std::string>{}));
}

bool anyContains(const std::vector<std::string> &texts, const std::string &needle)
{
    for (const auto &t : texts)
        if (t.find(needle) != std::string::npos)
            return true;
    return false;
}

} // namespace

class TestRbacEvaluator : public QObject
{
    Q_OBJECT

private slots:
    void decisions_data();
    void decisions();
    void tableIsLargeEnough();
    void requestInfo_data();
    void requestInfo();
    void impersonationGroups_data();
    void impersonationGroups();
    void serviceAccountNames();
    void explanationOfGrant();
    void explanationOfDenial();
    void allGrantsListsEveryPath();
    void rulesForCollectsClusterAndNamespace();
    void ruleMatchingEdgeCases();
};

void TestRbacEvaluator::decisions_data()
{
    QTest::addColumn<QString>("caseJson");
    auto docs = kube::parseYamlDocuments(readAll(dataPath("k8s-cases.yaml")), "k8s-cases.yaml");
    QVERIFY2(docs.ok(), docs.ok() ? "" : docs.error().describe().c_str());
    for (const auto &c : docs->front()["cases"])
        QTest::newRow(c.value("id", "?").c_str()) << QString::fromStdString(c.dump());
}

void TestRbacEvaluator::decisions()
{
    QFETCH(QString, caseJson);
    const json c = json::parse(caseJson.toStdString());
    Evaluator evaluator(fixtureIndex());
    const Identity who = identityOf(c);
    const RequestAttributes request = requestOf(c);
    const Decision d = evaluator.authorize(who, request);
    const bool expected = c.value("allow", false);
    QVERIFY2(d.allowed == expected, d.explain().c_str());
    // The fast path agrees with the explained one.
    QCOMPARE(evaluator.allowed(who, request), expected);
    if (c.contains("via")) {
        QVERIFY2(d.grant.has_value(), d.explain().c_str());
        QCOMPARE(QString::fromStdString(d.grant->bindingText.substr(d.grant->bindingText.rfind(' ') + 1)).section('/', -1),
                 QString::fromStdString(c.value("via", "")));
        // The rule named by the path really allows the request.
        QVERIFY(d.grant->rule.allows(request));
    }
    if (c.contains("error"))
        QVERIFY2(anyContains(d.errors, c.value("error", "")), d.explain().c_str());
    if (c.contains("missing")) {
        std::vector<std::string> texts;
        for (const auto &n : d.nearest)
            texts.insert(texts.end(), n.missing.begin(), n.missing.end());
        QVERIFY2(anyContains(texts, c.value("missing", "")), d.explain().c_str());
    }
    if (expected && d.basis == Decision::Basis::Rule)
        QVERIFY(!evaluator.allGrants(who, request).empty());
    if (!expected)
        QVERIFY(evaluator.allGrants(who, request).empty());
}

void TestRbacEvaluator::tableIsLargeEnough()
{
    auto docs = kube::parseYamlDocuments(readAll(dataPath("k8s-cases.yaml")), "k8s-cases.yaml");
    QVERIFY(docs.ok());
    QVERIFY(docs->front()["cases"].size() >= 150);
}

void TestRbacEvaluator::requestInfo_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("url");
    // expected: resource? verb group resource sub name ns | path
    QTest::addColumn<QString>("expected");

    QTest::newRow("get pod") << "GET" << "/api/v1/namespaces/ns1/pods/web" << "R get  pods  web ns1";
    QTest::newRow("head pod") << "HEAD" << "/api/v1/namespaces/ns1/pods/web" << "R get  pods  web ns1";
    QTest::newRow("list pods") << "GET" << "/api/v1/namespaces/ns1/pods" << "R list  pods   ns1";
    QTest::newRow("list all ns") << "GET" << "/api/v1/pods" << "R list  pods   ";
    QTest::newRow("watch param") << "GET" << "/api/v1/namespaces/ns1/pods?watch=true" << "R watch  pods   ns1";
    QTest::newRow("watch=1") << "GET" << "/api/v1/pods?watch=1" << "R watch  pods   ";
    QTest::newRow("watch empty") << "GET" << "/api/v1/pods?watch" << "R watch  pods   ";
    QTest::newRow("watch=false") << "GET" << "/api/v1/pods?watch=false" << "R list  pods   ";
    QTest::newRow("watch=0") << "GET" << "/api/v1/pods?watch=0" << "R list  pods   ";
    QTest::newRow("legacy watch") << "GET" << "/api/v1/watch/namespaces/ns1/pods" << "R watch  pods   ns1";
    QTest::newRow("legacy watch name") << "GET" << "/api/v1/watch/namespaces/ns1/pods/web" << "R watch  pods  web ns1";
    QTest::newRow("field selector name") << "GET" << "/api/v1/namespaces/ns1/configmaps?fieldSelector=metadata.name%3Dapp"
                                         << "R list  configmaps  app ns1";
    QTest::newRow("field selector ==") << "GET" << "/api/v1/namespaces/ns1/configmaps?fieldSelector=metadata.name==app"
                                       << "R list  configmaps  app ns1";
    QTest::newRow("field selector watch") << "GET" << "/api/v1/configmaps?watch=true&fieldSelector=metadata.name=app"
                                          << "R watch  configmaps  app ";
    QTest::newRow("field selector other field") << "GET" << "/api/v1/pods?fieldSelector=spec.nodeName=n1"
                                                << "R list  pods   ";
    QTest::newRow("field selector not equal") << "GET" << "/api/v1/pods?fieldSelector=metadata.name!=x"
                                              << "R list  pods   ";
    QTest::newRow("field selector two terms") << "GET"
                                              << "/api/v1/pods?fieldSelector=spec.nodeName=n1,metadata.name=web"
                                              << "R list  pods  web ";
    QTest::newRow("field selector invalid") << "GET" << "/api/v1/pods?fieldSelector=metadata.name" << "R list  pods   ";
    QTest::newRow("field selector slash name") << "GET" << "/api/v1/pods?fieldSelector=metadata.name=a/b"
                                               << "R list  pods   ";
    QTest::newRow("create") << "POST" << "/api/v1/namespaces/ns1/pods" << "R create  pods   ns1";
    QTest::newRow("update") << "PUT" << "/api/v1/namespaces/ns1/pods/web" << "R update  pods  web ns1";
    QTest::newRow("patch") << "PATCH" << "/apis/apps/v1/namespaces/ns1/deployments/api"
                           << "R patch apps deployments  api ns1";
    QTest::newRow("delete") << "DELETE" << "/api/v1/namespaces/ns1/pods/web" << "R delete  pods  web ns1";
    QTest::newRow("deletecollection") << "DELETE" << "/api/v1/namespaces/ns1/pods" << "R deletecollection  pods   ns1";
    QTest::newRow("subresource") << "GET" << "/api/v1/namespaces/ns1/pods/web/log" << "R get  pods log web ns1";
    QTest::newRow("exec") << "POST" << "/api/v1/namespaces/ns1/pods/web/exec?command=ls"
                          << "R create  pods exec web ns1";
    QTest::newRow("scale") << "PUT" << "/apis/apps/v1/namespaces/ns1/deployments/api/scale"
                           << "R update apps deployments scale api ns1";
    QTest::newRow("extra parts ignored") << "GET" << "/api/v1/namespaces/ns1/pods/web/proxy/some/path"
                                         << "R get  pods proxy web ns1";
    QTest::newRow("namespace object") << "GET" << "/api/v1/namespaces/ns1" << "R get  namespaces  ns1 ns1";
    QTest::newRow("namespace list") << "GET" << "/api/v1/namespaces" << "R list  namespaces   ";
    QTest::newRow("namespace status") << "PUT" << "/api/v1/namespaces/ns1/status"
                                      << "R update  namespaces status ns1 ns1";
    QTest::newRow("namespace finalize") << "PUT" << "/api/v1/namespaces/ns1/finalize"
                                        << "R update  namespaces finalize ns1 ns1";
    QTest::newRow("cluster scoped") << "GET" << "/api/v1/nodes/n1" << "R get  nodes  n1 ";
    QTest::newRow("node proxy sub") << "GET" << "/api/v1/nodes/n1/proxy/metrics" << "R get  nodes proxy n1 ";
    QTest::newRow("legacy proxy verb") << "GET" << "/api/v1/proxy/nodes/n1/metrics" << "R proxy  nodes  n1 ";
    QTest::newRow("crd group") << "GET" << "/apis/iam.kubesphere.io/v1beta1/globalroles/admin"
                               << "R get iam.kubesphere.io globalroles  admin ";
    QTest::newRow("api root") << "GET" << "/api" << "N get /api";
    QTest::newRow("api version") << "GET" << "/api/v1" << "N get /api/v1";
    QTest::newRow("apis group") << "GET" << "/apis/apps" << "N get /apis/apps";
    QTest::newRow("apis group version") << "GET" << "/apis/apps/v1" << "N get /apis/apps/v1";
    QTest::newRow("healthz") << "GET" << "/healthz" << "N get /healthz";
    QTest::newRow("post non-resource") << "POST" << "/logs/x" << "N post /logs/x";
    QTest::newRow("non-resource keeps query off") << "GET" << "/version?x=1" << "N get /version";
    QTest::newRow("unknown prefix") << "GET" << "/foo/v1/pods" << "N get /foo/v1/pods";
    QTest::newRow("watch needs more") << "GET" << "/api/v1/watch" << "E";
}

void TestRbacEvaluator::requestInfo()
{
    QFETCH(QString, method);
    QFETCH(QString, url);
    QFETCH(QString, expected);
    auto r = RequestAttributes::fromHttp(method.toStdString(), url.toStdString());
    if (expected == "E") {
        QVERIFY(!r.ok());
        return;
    }
    QVERIFY(r.ok());
    QString got;
    if (r->isResourceRequest)
        got = QString::fromStdString("R " + r->verb + " " + r->apiGroup + " " + r->resource + " " + r->subresource +
                                     " " + r->name + " " + r->ns);
    else
        got = QString::fromStdString("N " + r->verb + " " + r->path);
    QCOMPARE(got, expected);
}

void TestRbacEvaluator::impersonationGroups_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QStringList>("given");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("plain user") << "alice" << QStringList{} << QStringList{"system:authenticated"};
    QTest::newRow("user with group") << "alice" << QStringList{"devs"} << QStringList{"devs", "system:authenticated"};
    QTest::newRow("already authenticated") << "alice" << QStringList{"system:authenticated", "devs"}
                                           << QStringList{"system:authenticated", "devs"};
    QTest::newRow("unauthenticated given") << "alice" << QStringList{"system:unauthenticated"}
                                           << QStringList{"system:unauthenticated"};
    QTest::newRow("anonymous") << "system:anonymous" << QStringList{} << QStringList{"system:unauthenticated"};
    QTest::newRow("anonymous with group") << "system:anonymous" << QStringList{"g"}
                                          << QStringList{"g", "system:unauthenticated"};
    QTest::newRow("service account") << "system:serviceaccount:ns1:builder" << QStringList{}
                                     << QStringList{"system:serviceaccounts", "system:serviceaccounts:ns1",
                                                    "system:authenticated"};
    QTest::newRow("service account with groups") << "system:serviceaccount:ns1:builder" << QStringList{"x"}
                                                 << QStringList{"x", "system:authenticated"};
    QTest::newRow("malformed sa name") << "system:serviceaccount:ns1" << QStringList{}
                                       << QStringList{"system:authenticated"};
}

void TestRbacEvaluator::impersonationGroups()
{
    QFETCH(QString, user);
    QFETCH(QStringList, given);
    QFETCH(QStringList, expected);
    std::vector<std::string> groups;
    for (const auto &g : given)
        groups.push_back(g.toStdString());
    const Identity id = Identity::impersonated(user.toStdString(), groups);
    QStringList got;
    for (const auto &g : id.groups)
        got << QString::fromStdString(g);
    QCOMPARE(got, expected);
}

void TestRbacEvaluator::serviceAccountNames()
{
    const Identity sa = Identity::serviceAccount("ns1", "builder");
    QCOMPARE(QString::fromStdString(sa.name), QStringLiteral("system:serviceaccount:ns1:builder"));
    std::string ns, name;
    QVERIFY(sa.serviceAccountParts(ns, name));
    QCOMPARE(QString::fromStdString(ns), QStringLiteral("ns1"));
    QCOMPARE(QString::fromStdString(name), QStringLiteral("builder"));
    QVERIFY(!Identity::verbatim("system:serviceaccount:a:b:c").isServiceAccount());
    QVERIFY(!Identity::verbatim("system:serviceaccount::b").isServiceAccount());
    QCOMPARE(QString::fromStdString(RbacIndex::subjectKey(Subject::serviceAccount("", "x"), "")), QString());
    QCOMPARE(QString::fromStdString(RbacIndex::subjectKey(Subject::serviceAccount("", "x"), "ns1")),
             QStringLiteral("User:system:serviceaccount:ns1:x"));
    QCOMPARE(QString::fromStdString(RbacIndex::subjectKey(Subject{"Robot", "x", {}, {}}, "ns1")), QString());
}

void TestRbacEvaluator::explanationOfGrant()
{
    Evaluator evaluator(fixtureIndex());
    const auto d = evaluator.authorize(Identity::verbatim("dana"),
                                       RequestAttributes::forResource("get", "", "configmaps", "ns1", "app-config"));
    QVERIFY(d.allowed);
    QCOMPARE(QString::fromStdString(d.grant->bindingText), QStringLiteral("RoleBinding ns1/rb-dana-named"));
    QCOMPARE(QString::fromStdString(d.grant->roleText), QStringLiteral("ClusterRole cr-named-cm"));
    QCOMPARE(d.grant->ruleIndex, 0);
    QCOMPARE(QString::fromStdString(d.grant->subject.toString()), QStringLiteral("User dana"));
    // kube-apiserver's own wording: RoleBindings as "name/namespace".
    QCOMPARE(QString::fromStdString(d.reason()),
             QStringLiteral("RBAC: allowed by RoleBinding \"rb-dana-named/ns1\" of ClusterRole \"cr-named-cm\" to User \"dana\""));
    QVERIFY(d.explain().find("resourceNames=[app-config]") != std::string::npos);
    const auto masters = evaluator.authorize(Identity::verbatim("x", {"system:masters"}),
                                             RequestAttributes::forPath("get", "/x"));
    QVERIFY(masters.basis == Decision::Basis::Superuser);
    QVERIFY(masters.explain().find("superuser") != std::string::npos);
    const auto json = d.toJson();
    QCOMPARE(QString::fromStdString(json["grant"]["binding"].get<std::string>()),
             QStringLiteral("RoleBinding ns1/rb-dana-named"));
}

void TestRbacEvaluator::explanationOfDenial()
{
    Evaluator evaluator(fixtureIndex());
    const auto d = evaluator.authorize(Identity::verbatim("alice"),
                                       RequestAttributes::forResource("delete", "", "pods", "ns1", "web"));
    QVERIFY(!d.allowed);
    QVERIFY(!d.nearest.empty());
    // The nearest rule is the pod reader, lacking only the verb.
    QCOMPARE(QString::fromStdString(d.nearest.front().path.roleText), QStringLiteral("ClusterRole cr-pod-reader"));
    QCOMPARE(d.nearest.front().missing.size(), size_t(1));
    QCOMPARE(QString::fromStdString(d.nearest.front().missing.front()), QStringLiteral("verb delete"));
    QVERIFY(d.explain().find("nearest:") != std::string::npos);
    // Nobody near: a user without bindings.
    const auto none = evaluator.authorize(Identity::verbatim("nobody"), RequestAttributes::forResource("get", "", "pods", "ns1"));
    QVERIFY(none.nearest.empty());
    QVERIFY(none.explain().find("nothing is bound") != std::string::npos);
}

void TestRbacEvaluator::allGrantsListsEveryPath()
{
    Evaluator evaluator(fixtureIndex());
    // alice in group devs may read pods/log through devs only; root through everything.
    const auto paths = evaluator.allGrants(Identity::verbatim("root", {"devs"}),
                                           RequestAttributes::forResource("get", "", "pods", "ns1", "web", "log"));
    QCOMPARE(paths.size(), size_t(2));
}

void TestRbacEvaluator::rulesForCollectsClusterAndNamespace()
{
    Evaluator evaluator(fixtureIndex());
    const auto cluster = evaluator.rulesFor(Identity::verbatim("bob"), "");
    QVERIFY(cluster.empty());  // bob's only cluster binding has an unknown subject kind
    const auto ns1 = evaluator.rulesFor(Identity::verbatim("bob"), "ns1");
    QCOMPARE(ns1.size(), size_t(2));  // r-secrets + cr-wild-verbs
    const auto masters = evaluator.rulesFor(Identity::verbatim("x", {"system:masters"}), "ns1");
    QVERIFY(masters.empty());  // the superuser shortcut is not a rule
}

void TestRbacEvaluator::ruleMatchingEdgeCases()
{
    const PolicyRule star{{"*"}, {"*"}, {"*"}, {}, {"*"}};
    // A mixed rule (invalid on a server) matches both kinds, as the authorizer's tests do.
    QVERIFY(star.allows(RequestAttributes::forPath("get", "/x")));
    QVERIFY(star.allows(RequestAttributes::forResource("get", "g", "r")));
    // resourceNames [""] holds the empty name, and names compare by plain equality: a list
    // without a name matches it (checked against kube-apiserver 1.36 with a SubjectAccessReview).
    const PolicyRule emptyName{{"get", "list"}, {""}, {"configmaps"}, {""}, {}};
    QVERIFY(emptyName.allows(RequestAttributes::forResource("list", "", "configmaps", "ns")));
    QVERIFY(!emptyName.allows(RequestAttributes::forResource("get", "", "configmaps", "ns", "x")));
    const PolicyRule urlStar{{"get"}, {}, {}, {}, {"/apis/*"}};
    QVERIFY(urlStar.matchesPath("/apis/"));
    QVERIFY(urlStar.matchesPath("/apis/apps/v1"));
    QVERIFY(!urlStar.matchesPath("/apis"));
    QVERIFY(!urlStar.matchesPath("/api"));
    const PolicyRule onlyStar{{"get"}, {}, {}, {}, {"/*"}};
    QVERIFY(onlyStar.matchesPath("/"));
    QVERIFY(onlyStar.matchesPath("/anything/at/all"));
    const PolicyRule noVerbs{{}, {"*"}, {"*"}, {}, {}};
    QVERIFY(!noVerbs.allows(RequestAttributes::forResource("get", "", "pods")));
    const std::string text = R"({"verbs":["get"],"apiGroups":[""],"resources":["pods"]})";
    const std::string printed = PolicyRule::fromJson(json::parse(text)).toString();
    QCOMPARE(QString::fromStdString(printed), QStringLiteral("verbs=[get] apiGroups=[\"\"] resources=[pods]"));
}

QTEST_APPLESS_MAIN(TestRbacEvaluator)
#include "tst_rbacevaluator.moc"
