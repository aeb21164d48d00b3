// Unit tests of kube::session::ClusterConnection without a cluster: how a rules review is read
// for reach, and how open() reports a bad context and an unreachable server.
#include "kubeclient/session/clusterconnection.h"

#include "tests/support/testhttpserver.h"

#include <QtTest>

using kube::session::ClusterConnection;
using kube::session::ConnectionOptions;
using nlohmann::json;

namespace {

// A kubeconfig whose only cluster listens nowhere: port 1 on loopback refuses at once.
const char *kDeadConfig = R"(apiVersion: v1
kind: Config
clusters:
- name: dead
  cluster:
    server: https://127.0.0.1:1
    insecure-skip-tls-verify: true
users:
- name: someone
  user:
    token: not-a-real-token
contexts:
- name: dead
  context:
    cluster: dead
    user: someone
    namespace: team-a
current-context: dead
)";

json review(json rules)
{
    return json{{"status", {{"resourceRules", std::move(rules)}}}};
}

// What every authenticated user is granted (system:basic-user): self-reviews only.
json selfRules()
{
    return json::array({{{"verbs", {"create"}},
                         {"apiGroups", {"authorization.k8s.io"}},
                         {"resources", {"selfsubjectaccessreviews", "selfsubjectrulesreviews"}}},
                        {{"verbs", {"create"}}, {"apiGroups", {"authentication.k8s.io"}}, {"resources", {"selfsubjectreviews"}}}});
}

} // namespace

class TstClusterConnection : public QObject
{
    Q_OBJECT
private slots:
    void reachRoleNamesAreRead()
    {
        // Given the rules a tenantry:reach:<user> ClusterRole grants, next to unrelated rules
        json rules = selfRules();
        rules.push_back({{"verbs", {"get"}}, {"apiGroups", {""}}, {"resources", {"namespaces"}},
                         {"resourceNames", {"proj-a", "proj-b"}}});
        rules.push_back({{"verbs", {"list"}}, {"apiGroups", {""}}, {"resources", {"namespaces"}},
                         {"resourceNames", {"not-by-list"}}});
        rules.push_back({{"verbs", {"get"}}, {"apiGroups", {""}}, {"resources", {"configmaps"}},
                         {"resourceNames", {"not-a-namespace"}}});
        rules.push_back({{"verbs", {"*"}}, {"apiGroups", {"*"}}, {"resources", {"*"}}, {"resourceNames", {"wild"}}});
        // When the names are read
        const auto names = ClusterConnection::namespacesGrantedBy(review(rules));
        // Then only get-on-namespaces (or wildcards) by resourceNames count
        QCOMPARE(names, (std::set<std::string>{"proj-a", "proj-b", "wild"}));
    }

    void getWithoutNamesRevealsNothing()
    {
        json rules = selfRules();
        rules.push_back({{"verbs", {"get"}}, {"apiGroups", {""}}, {"resources", {"namespaces"}}});
        QVERIFY(ClusterConnection::namespacesGrantedBy(review(rules)).empty());
        QVERIFY(ClusterConnection::namespacesGrantedBy(json::object()).empty());
        QVERIFY(ClusterConnection::namespacesGrantedBy(json{{"status", {{"resourceRules", "garbage"}}}}).empty());
    }

    void selfReviewsAloneGrantNothing()
    {
        QVERIFY(!ClusterConnection::grantsSomething(review(selfRules())));
        QVERIFY(!ClusterConnection::grantsSomething(review(json::array())));
        json rules = selfRules();
        rules.push_back({{"verbs", {"get", "list"}}, {"apiGroups", {""}}, {"resources", {"pods"}}});
        QVERIFY(ClusterConnection::grantsSomething(review(rules)));
        // A reach grant shows in every namespace's review: it does not make one reachable
        json reachOnly = selfRules();
        reachOnly.push_back({{"verbs", {"get"}}, {"apiGroups", {""}}, {"resources", {"namespaces"}},
                             {"resourceNames", {"proj-a"}}});
        QVERIFY(!ClusterConnection::grantsSomething(review(reachOnly)));
    }

    void restrictedUserReachesTheirProjects()
    {
        // Given a server where the user may not list namespaces, holds a reach role naming
        // proj-a and proj-b, may read pods in pinned-ok and nothing in pinned-empty
        testsupport::TestHttpServer server(testsupport::TestHttpServer::plainOptions());
        server.setHandler([](const testsupport::TestRequest &r) {
            using testsupport::TestResponse;
            if (r.target.rfind("/apis/authentication.k8s.io/v1/selfsubjectreviews", 0) == 0)
                return TestResponse::json(201, json{{"status", {{"userInfo", {{"username", "tenant"}, {"groups", {"devs", "system:authenticated"}}}}}}}.dump());
            if (r.target.rfind("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", 0) == 0)
                return TestResponse::json(201, json{{"status", {{"allowed", false}}}}.dump());
            if (r.target.rfind("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews", 0) == 0) {
                // A cluster-wide grant shows everywhere and makes no namespace reachable.
                const std::string ns = json::parse(r.body)["spec"].value("namespace", "");
                json rules = selfRules();
                rules.push_back({{"verbs", {"get"}}, {"apiGroups", {""}}, {"resources", {"namespaces"}},
                                 {"resourceNames", {"proj-a", "proj-b"}}});
                rules.push_back({{"verbs", {"get"}}, {"apiGroups", {"iam.kubesphere.io"}}, {"resources", {"users"}}});
                if (ns == "pinned-ok")
                    rules.push_back({{"verbs", {"get", "list"}}, {"apiGroups", {""}}, {"resources", {"pods"}}});
                return TestResponse::json(201, review(rules).dump());
            }
            if (r.target == "/api/v1/namespaces/proj-a")
                return TestResponse::json(200, json{{"metadata", {{"name", "proj-a"}, {"labels", {{"kubesphere.io/workspace", "ws1"}}}}}}.dump());
            if (r.target.rfind("/api/v1/namespaces/", 0) == 0)
                return TestResponse::json(403, json{{"kind", "Status"}, {"status", "Failure"}, {"reason", "Forbidden"}, {"code", 403}, {"message", "forbidden"}}.dump());
            return TestResponse::json(404, json{{"kind", "Status"}, {"status", "Failure"}, {"reason", "NotFound"}, {"code", 404}}.dump());
        });
        std::string yaml = kDeadConfig;
        yaml.replace(yaml.find("https://127.0.0.1:1"), std::string("https://127.0.0.1:1").size(), server.url());
        auto config = kube::Kubeconfig::fromYaml(yaml, "/tmp/tenant.yaml");
        QVERIFY(config);
        ConnectionOptions options;
        options.config = *config;
        options.detectMode = false;
        options.pinnedNamespaces = {"pinned-ok", "pinned-empty"};
        // When the connection opens and asks what it reaches
        auto c = ClusterConnection::open(options);
        QVERIFY2(c, c ? "" : c.error().describe().c_str());
        QVERIFY(c->identity());
        QCOMPARE(c->identity()->username, std::string("tenant"));
        QCOMPARE(c->contextNamespace(), std::string("team-a"));
        QVERIFY(!c->tenancy());
        auto reach = c->reach();
        QVERIFY2(reach, reach ? "" : reach.error().describe().c_str());
        // Then the reach role's names and the pin that grants something count, nothing else
        QVERIFY(!reach->all);
        QCOMPARE(reach->namespaces, (std::vector<std::string>{"pinned-ok", "proj-a", "proj-b"}));
        QCOMPARE(reach->fromRules, (std::set<std::string>{"proj-a", "proj-b"}));
        QCOMPARE(reach->unreadable, (std::set<std::string>{"pinned-ok", "proj-b"}));
        QCOMPARE(reach->objects.size(), std::size_t(3));
        QCOMPARE(reach->objects[1]["metadata"]["labels"].value("kubesphere.io/workspace", ""), std::string("ws1"));
        QCOMPARE(reach->objects[1].value("kind", ""), std::string("Namespace"));
        QCOMPARE(reach->objects[2]["metadata"].value("name", ""), std::string("proj-b"));
    }

    void unknownContextIsAConfigError()
    {
        auto config = kube::Kubeconfig::fromYaml(kDeadConfig, "/tmp/dead.yaml");
        QVERIFY(config);
        ConnectionOptions options;
        options.config = *config;
        options.context = "nope";
        auto c = ClusterConnection::open(options);
        QVERIFY(!c);
        QCOMPARE(c.error().kind, kube::ErrorKind::Config);
        QVERIFY2(c.error().describe().find("nope") != std::string::npos, c.error().describe().c_str());
        QVERIFY(!ClusterConnection::isTransient(c.error()));
    }

    void unreachableServerIsTransient()
    {
        auto config = kube::Kubeconfig::fromYaml(kDeadConfig, "/tmp/dead.yaml");
        QVERIFY(config);
        ConnectionOptions options;
        options.config = *config;
        options.connectTimeoutMs = 2'000;
        options.requestTimeoutMs = 2'000;
        auto c = ClusterConnection::open(options);
        QVERIFY(!c);
        QVERIFY2(ClusterConnection::isTransient(c.error()), c.error().describe().c_str());
        // The token never shows in what a caller prints.
        QVERIFY(c.error().describe().find("not-a-real-token") == std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TstClusterConnection)
#include "tst_clusterconnection.moc"
