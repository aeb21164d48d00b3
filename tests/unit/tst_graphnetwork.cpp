// Tests for kube::tenancy::networkOf: the graph's namespaces and NetworkPolicies as the
// evaluator's NetworkPolicySet, with warnings for what could not be read.
#include "kubeclient/tenancy/graph/graphnetwork.h"
#include "kubeclient/tenancy/graph/tenancygraph.h"

#include <QtTest/QtTest>

using namespace kube::tenancy;
using kube::net::Endpoint;
using kube::net::TrafficPort;
using nlohmann::json;

namespace {

GraphObject obj(json j) { return kube::freeze(std::move(j)); }

GraphObject ns(const std::string &name, json labels)
{
    labels["kubernetes.io/metadata.name"] = name;
    return obj({{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", name}, {"labels", labels}}}});
}

GraphObject policy(const std::string &namespaceName, const std::string &name, json spec)
{
    return obj({{"apiVersion", "networking.k8s.io/v1"},
                {"kind", "NetworkPolicy"},
                {"metadata", {{"name", name}, {"namespace", namespaceName}}},
                {"spec", std::move(spec)}});
}

// KubeSphere's workspace isolation policy of a project.
GraphObject isolation(const std::string &project, const std::string &workspace)
{
    return policy(project, "nsnp-network-isolate",
                  {{"podSelector", json::object()},
                   {"ingress", json::array({{{"from", json::array({{{"namespaceSelector",
                                                                      {{"matchLabels", {{"kubesphere.io/workspace", workspace}}}}}}})}}})}});
}

std::string joined(const std::vector<std::string> &items)
{
    std::string out;
    for (const auto &i : items)
        out += (out.empty() ? "" : "|") + i;
    return out;
}

} // namespace

class TestGraphNetwork : public QObject
{
    Q_OBJECT

private slots:
    void namespacesAndPoliciesBecomeTheSet()
    {
        // Given a graph with projects of two workspaces, a namespace outside workspaces, the
        // isolation policy of p1 and a policy the evaluator cannot read,
        TenancyGraph graph(ApiFlavor::V4);
        graph.resync(GraphKind::Namespace,
                     {ns("p1", {{"kubesphere.io/workspace", "ws1"}}), ns("p2", {{"kubesphere.io/workspace", "ws1"}}),
                      ns("q1", {{"kubesphere.io/workspace", "ws2"}}), ns("default", json::object())});
        graph.resync(GraphKind::NetworkPolicy,
                     {isolation("p1", "ws1"),
                      policy("q1", "broken", {{"podSelector", json::object()},
                                              {"ingress", json::array({{{"ports", json::array({{{"port", 70000}}})}}})}})});
        // when it is read as a network,
        std::vector<std::string> warnings;
        const auto set = networkOf(graph.snapshot(), &warnings);
        // then every namespace is known with its labels, the good policy is in and the bad one
        // is named with its field,
        QCOMPARE(joined(set.namespaces()), std::string("default|p1|p2|q1"));
        QVERIFY(set.namespaceLabels("default"));
        QCOMPARE(set.namespaceLabels("p2")->at("kubesphere.io/workspace"), std::string("ws1"));
        QCOMPARE(set.policyCount(), std::size_t(1));
        QVERIFY(set.policy("p1", "nsnp-network-isolate"));
        QVERIFY(!set.policy("q1", "broken"));
        QCOMPARE(warnings.size(), std::size_t(1));
        QVERIFY2(warnings[0].find("q1/broken") != std::string::npos
                     && warnings[0].find("spec.ingress[0].ports[0].port") != std::string::npos,
                 warnings[0].c_str());
        // and the evaluator answers from the workspace label: p2 (same workspace) may reach p1,
        // q1 and default may not.
        const TrafficPort http;
        QVERIFY(set.decide(Endpoint{"p2", {}, {}}, Endpoint{"p1", {}, {}}, http).allowed);
        QVERIFY(!set.decide(Endpoint{"q1", {}, {}}, Endpoint{"p1", {}, {}}, http).allowed);
        QVERIFY(!set.decide(Endpoint{"default", {}, {}}, Endpoint{"p1", {}, {}}, http).allowed);
        QVERIFY(set.decide(Endpoint{"p1", {}, {}}, Endpoint{"q1", {}, {}}, http).allowed);
    }

    void whatWasNotReadIsWarnedAbout()
    {
        // Given a graph fed only with namespaces, one of them known only by name (reach rule),
        TenancyGraph graph(ApiFlavor::V4);
        graph.resync(GraphKind::Namespace,
                     {ns("p1", json::object()),
                      obj({{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", "hidden"}}}})});
        std::vector<std::string> warnings;
        const auto set = networkOf(graph.snapshot(), &warnings);
        // then the missing policies and the unknown labels are both said.
        const std::string all = joined(warnings);
        QVERIFY2(all.find("NetworkPolicies were not read") != std::string::npos, all.c_str());
        QVERIFY2(all.find("known only by name") != std::string::npos && all.find("hidden") != std::string::npos,
                 all.c_str());
        QCOMPARE(set.policyCount(), std::size_t(0));
        // A namespace without policies allows everything (no NetworkPolicy isolates it).
        QVERIFY(set.decide(Endpoint{"hidden", {}, {}}, Endpoint{"p1", {}, {}}, kube::net::TrafficPort()).allowed);
    }
};

QTEST_GUILESS_MAIN(TestGraphNetwork)
#include "tst_graphnetwork.moc"
