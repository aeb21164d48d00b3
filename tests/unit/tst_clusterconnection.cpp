// Unit tests of kube::session::ClusterConnection without a cluster: how a rules review is read
// for reach, and how open() reports a bad context and an unreachable server.
#include "kubeclient/session/clusterconnection.h"

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
