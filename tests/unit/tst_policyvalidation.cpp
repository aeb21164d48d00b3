// kube::net::validateNetworkPolicy against the API server's NetworkPolicy rules (k8s
// pkg/apis/networking/validation): one row per case, the policy as JSON and the field paths
// (in order) of the issues expected; "" for a policy the server accepts.
#include "kubeclient/network/policyvalidation.h"

#include <QtTest>

using namespace kube::net;
using nlohmann::json;

namespace {

// A policy in proj1 named "p" with `spec` as given.
json withSpec(const char *spec)
{
    return {{"apiVersion", "networking.k8s.io/v1"},
            {"kind", "NetworkPolicy"},
            {"metadata", {{"name", "p"}, {"namespace", "proj1"}}},
            {"spec", json::parse(spec)}};
}

// One ingress rule holding `rule`.
json ingress(const char *rule)
{
    return withSpec((std::string(R"({"podSelector":{},"ingress":[)") + rule + "]}").c_str());
}

QString fields(const std::vector<PolicyIssue> &issues)
{
    QStringList out;
    for (const auto &i : issues)
        out << QString::fromStdString(i.field);
    return out.join(QLatin1Char('|'));
}

} // namespace

class tst_PolicyValidation : public QObject
{
    Q_OBJECT
private slots:
    void table_data();
    void table();
    void messagesNameFieldAndValue();
    void reservedPrefixIsAnOption();
    void helpers();
};

void tst_PolicyValidation::table_data()
{
    QTest::addColumn<QByteArray>("policy");
    QTest::addColumn<QString>("expected");
    auto row = [](const char *name, const json &policy, const char *expected) {
        QTest::newRow(name) << QByteArray::fromStdString(policy.dump()) << QString::fromLatin1(expected);
    };
    // --- accepted ---
    row("empty spec", withSpec("{}"), "");
    row("deny all ingress", withSpec(R"({"podSelector":{},"policyTypes":["Ingress"]})"), "");
    row("deny all both", withSpec(R"({"podSelector":{},"policyTypes":["Ingress","Egress"]})"), "");
    row("allow all ingress", ingress("{}"), "");
    row("namespace selector", ingress(R"({"from":[{"namespaceSelector":{"matchLabels":{"kubesphere.io/workspace":"ws1"}}}]})"), "");
    row("pod and namespace selector in one peer",
        ingress(R"({"from":[{"namespaceSelector":{},"podSelector":{"matchLabels":{"app":"web"}}}]})"), "");
    row("empty namespace selector", ingress(R"({"from":[{"namespaceSelector":{}}]})"), "");
    row("ipBlock v4", ingress(R"({"from":[{"ipBlock":{"cidr":"10.0.0.0/8"}}]})"), "");
    row("ipBlock v4 host bits set", ingress(R"({"from":[{"ipBlock":{"cidr":"10.1.2.3/8"}}]})"), "");
    row("ipBlock v6", ingress(R"({"from":[{"ipBlock":{"cidr":"2001:db8::/32"}}]})"), "");
    row("ipBlock /0", ingress(R"({"from":[{"ipBlock":{"cidr":"0.0.0.0/0","except":["169.254.169.254/32"]}}]})"), "");
    row("except inside", ingress(R"({"from":[{"ipBlock":{"cidr":"10.0.0.0/8","except":["10.1.0.0/16","10.2.3.0/24"]}}]})"), "");
    row("except inside v6", ingress(R"({"from":[{"ipBlock":{"cidr":"2001:db8::/32","except":["2001:db8:1::/48"]}}]})"), "");
    row("port number", ingress(R"({"ports":[{"port":80}]})"), "");
    row("port 1", ingress(R"({"ports":[{"port":1}]})"), "");
    row("port 65535", ingress(R"({"ports":[{"port":65535}]})"), "");
    row("protocol UDP", ingress(R"({"ports":[{"protocol":"UDP","port":53}]})"), "");
    row("protocol SCTP", ingress(R"({"ports":[{"protocol":"SCTP","port":9000}]})"), "");
    row("protocol only", ingress(R"({"ports":[{"protocol":"TCP"}]})"), "");
    row("named port", ingress(R"({"ports":[{"port":"http"}]})"), "");
    row("named port with digits and hyphen", ingress(R"({"ports":[{"port":"web-8080"}]})"), "");
    row("named port 15 chars", ingress(R"({"ports":[{"port":"abcdefghijklmno"}]})"), "");
    row("endPort range", ingress(R"({"ports":[{"port":32000,"endPort":32768}]})"), "");
    row("endPort equal", ingress(R"({"ports":[{"port":80,"endPort":80}]})"), "");
    row("egress to ipBlock", withSpec(R"({"podSelector":{},"policyTypes":["Egress"],"egress":[{"to":[{"ipBlock":{"cidr":"192.168.0.0/16"}}]}]})"), "");
    row("matchExpressions In", withSpec(R"({"podSelector":{"matchExpressions":[{"key":"app","operator":"In","values":["a","b"]}]}})"), "");
    row("matchExpressions Exists", withSpec(R"({"podSelector":{"matchExpressions":[{"key":"app","operator":"Exists"}]}})"), "");
    row("matchExpressions DoesNotExist empty values", withSpec(R"({"podSelector":{"matchExpressions":[{"key":"app","operator":"DoesNotExist","values":[]}]}})"), "");
    row("prefixed label key", withSpec(R"({"podSelector":{"matchLabels":{"app.kubernetes.io/name":"web"}}})"), "");
    row("empty label value", withSpec(R"({"podSelector":{"matchLabels":{"tier":""}}})"), "");
    row("dotted name", [] { json p = withSpec("{}"); p["metadata"]["name"] = "allow.web-1"; return p; }(), "");

    // --- refused ---
    row("no name", [] { json p = withSpec("{}"); p["metadata"].erase("name"); return p; }(), "metadata.name");
    row("upper-case name", [] { json p = withSpec("{}"); p["metadata"]["name"] = "Web"; return p; }(), "metadata.name");
    row("name with underscore", [] { json p = withSpec("{}"); p["metadata"]["name"] = "a_b"; return p; }(), "metadata.name");
    row("name ends with hyphen", [] { json p = withSpec("{}"); p["metadata"]["name"] = "web-"; return p; }(), "metadata.name");
    row("name too long", [] { json p = withSpec("{}"); p["metadata"]["name"] = std::string(254, 'a'); return p; }(), "metadata.name");
    row("reserved prefix", [] { json p = withSpec("{}"); p["metadata"]["name"] = "nsnp-web"; return p; }(), "metadata.name");
    row("no namespace", [] { json p = withSpec("{}"); p["metadata"].erase("namespace"); return p; }(), "metadata.namespace");
    row("bad metadata label", [] { json p = withSpec("{}"); p["metadata"]["labels"] = {{"a b", "x"}}; return p; }(), "metadata.labels");
    row("policyType unknown", withSpec(R"({"policyTypes":["Inbound"]})"), "spec.policyTypes[0]");
    row("policyType lower case", withSpec(R"({"policyTypes":["Ingress","egress"]})"), "spec.policyTypes[1]");
    row("three policyTypes", withSpec(R"({"policyTypes":["Ingress","Egress","Ingress"]})"), "spec.policyTypes");
    row("policyTypes not a list", withSpec(R"({"policyTypes":"Ingress"})"), "spec.policyTypes");
    row("protocol ICMP", ingress(R"({"ports":[{"protocol":"ICMP","port":1}]})"), "spec.ingress[0].ports[0].protocol");
    row("protocol lower case", ingress(R"({"ports":[{"protocol":"tcp","port":80}]})"), "spec.ingress[0].ports[0].protocol");
    row("port 0", ingress(R"({"ports":[{"port":0}]})"), "spec.ingress[0].ports[0].port");
    row("port 65536", ingress(R"({"ports":[{"port":65536}]})"), "spec.ingress[0].ports[0].port");
    row("port negative", ingress(R"({"ports":[{"port":-1}]})"), "spec.ingress[0].ports[0].port");
    row("port digits as string", ingress(R"({"ports":[{"port":"8080"}]})"), "spec.ingress[0].ports[0].port");
    row("port name too long", ingress(R"({"ports":[{"port":"abcdefghijklmnop"}]})"), "spec.ingress[0].ports[0].port");
    row("port name upper case", ingress(R"({"ports":[{"port":"HTTP"}]})"),
        "spec.ingress[0].ports[0].port|spec.ingress[0].ports[0].port");  // no a-z letter, and not [-a-z0-9]
    row("port name double hyphen", ingress(R"({"ports":[{"port":"a--b"}]})"), "spec.ingress[0].ports[0].port");
    row("port name leading hyphen", ingress(R"({"ports":[{"port":"-http"}]})"), "spec.ingress[0].ports[0].port");
    row("port float", ingress(R"({"ports":[{"port":80.5}]})"), "spec.ingress[0].ports[0].port");
    row("endPort below port", ingress(R"({"ports":[{"port":9000,"endPort":8000}]})"), "spec.ingress[0].ports[0].endPort");
    row("endPort without port", ingress(R"({"ports":[{"endPort":8000}]})"), "spec.ingress[0].ports[0].endPort");
    row("endPort with named port", ingress(R"({"ports":[{"port":"http","endPort":8000}]})"), "spec.ingress[0].ports[0].endPort");
    row("endPort too big", ingress(R"({"ports":[{"port":80,"endPort":70000}]})"), "spec.ingress[0].ports[0].endPort");
    row("second port bad", ingress(R"({"ports":[{"port":80},{"port":0}]})"), "spec.ingress[0].ports[1].port");
    row("empty peer", ingress(R"({"from":[{}]})"), "spec.ingress[0].from[0]");
    row("ipBlock with namespaceSelector", ingress(R"({"from":[{"ipBlock":{"cidr":"10.0.0.0/8"},"namespaceSelector":{}}]})"),
        "spec.ingress[0].from[0]");
    row("ipBlock with podSelector", ingress(R"({"from":[{"ipBlock":{"cidr":"10.0.0.0/8"},"podSelector":{}}]})"),
        "spec.ingress[0].from[0]");
    row("cidr missing", ingress(R"({"from":[{"ipBlock":{}}]})"), "spec.ingress[0].from[0].ipBlock.cidr");
    row("cidr three octets", ingress(R"({"from":[{"namespaceSelector":{}},{"ipBlock":{"cidr":"10.0.0/8"}}]})"),
        "spec.ingress[0].from[1].ipBlock.cidr");
    row("cidr without prefix", ingress(R"({"from":[{"ipBlock":{"cidr":"10.0.0.0"}}]})"), "spec.ingress[0].from[0].ipBlock.cidr");
    row("cidr prefix 33", ingress(R"({"from":[{"ipBlock":{"cidr":"10.0.0.0/33"}}]})"), "spec.ingress[0].from[0].ipBlock.cidr");
    row("cidr v6 prefix 129", ingress(R"({"from":[{"ipBlock":{"cidr":"2001:db8::/129"}}]})"), "spec.ingress[0].from[0].ipBlock.cidr");
    row("cidr octet 256", ingress(R"({"from":[{"ipBlock":{"cidr":"10.0.0.256/32"}}]})"), "spec.ingress[0].from[0].ipBlock.cidr");
    row("cidr leading zero", ingress(R"({"from":[{"ipBlock":{"cidr":"010.0.0.0/8"}}]})"), "spec.ingress[0].from[0].ipBlock.cidr");
    row("cidr words", ingress(R"({"from":[{"ipBlock":{"cidr":"my-network"}}]})"), "spec.ingress[0].from[0].ipBlock.cidr");
    row("except outside", ingress(R"({"from":[{"ipBlock":{"cidr":"10.0.0.0/8","except":["192.168.0.0/16"]}}]})"),
        "spec.ingress[0].from[0].ipBlock.except[0]");
    row("except equal to cidr", ingress(R"({"from":[{"ipBlock":{"cidr":"10.0.0.0/8","except":["10.0.0.0/8"]}}]})"),
        "spec.ingress[0].from[0].ipBlock.except[0]");
    row("except wider", ingress(R"({"from":[{"ipBlock":{"cidr":"10.1.0.0/16","except":["10.0.0.0/8"]}}]})"),
        "spec.ingress[0].from[0].ipBlock.except[0]");
    row("except other family", ingress(R"({"from":[{"ipBlock":{"cidr":"10.0.0.0/8","except":["2001:db8::/64"]}}]})"),
        "spec.ingress[0].from[0].ipBlock.except[0]");
    row("except invalid stops", ingress(R"({"from":[{"ipBlock":{"cidr":"10.0.0.0/8","except":["x","10.0.0.0/4"]}}]})"),
        "spec.ingress[0].from[0].ipBlock.except[0]");
    row("second except bad", ingress(R"({"from":[{"ipBlock":{"cidr":"10.0.0.0/8","except":["10.1.0.0/16","11.0.0.0/16"]}}]})"),
        "spec.ingress[0].from[0].ipBlock.except[1]");
    row("egress peer empty", withSpec(R"({"egress":[{"to":[{}]}]})"), "spec.egress[0].to[0]");
    row("egress port bad", withSpec(R"({"egress":[{"ports":[{"port":0}]}]})"), "spec.egress[0].ports[0].port");
    row("second rule bad", withSpec(R"({"ingress":[{},{"from":[{}]}]})"), "spec.ingress[1].from[0]");
    row("selector In without values", withSpec(R"({"podSelector":{"matchExpressions":[{"key":"app","operator":"In"}]}})"),
        "spec.podSelector.matchExpressions[0].values");
    row("selector NotIn empty values", withSpec(R"({"podSelector":{"matchExpressions":[{"key":"app","operator":"NotIn","values":[]}]}})"),
        "spec.podSelector.matchExpressions[0].values");
    row("selector Exists with values", withSpec(R"({"podSelector":{"matchExpressions":[{"key":"app","operator":"Exists","values":["x"]}]}})"),
        "spec.podSelector.matchExpressions[0].values");
    row("selector bad operator", withSpec(R"({"podSelector":{"matchExpressions":[{"key":"app","operator":"Equals","values":["x"]}]}})"),
        "spec.podSelector.matchExpressions[0].operator");
    row("selector bad key", withSpec(R"({"podSelector":{"matchExpressions":[{"key":"-app","operator":"Exists"}]}})"),
        "spec.podSelector.matchExpressions[0].key");
    row("selector bad value", withSpec(R"({"podSelector":{"matchExpressions":[{"key":"app","operator":"In","values":["a b"]}]}})"),
        "spec.podSelector.matchExpressions[0].values[0]");
    row("matchLabels bad key", withSpec(R"({"podSelector":{"matchLabels":{"bad key":"x"}}})"), "spec.podSelector.matchLabels");
    row("matchLabels long value", withSpec((std::string(R"({"podSelector":{"matchLabels":{"a":")") + std::string(64, 'v') + R"("}}})").c_str()),
        "spec.podSelector.matchLabels");
    row("matchLabels prefix bad", withSpec(R"({"podSelector":{"matchLabels":{"Example.com/a":"x"}}})"), "spec.podSelector.matchLabels");
    row("matchLabels empty name part", withSpec(R"({"podSelector":{"matchLabels":{"example.com/":"x"}}})"), "spec.podSelector.matchLabels");
    row("namespaceSelector bad value", ingress(R"({"from":[{"namespaceSelector":{"matchLabels":{"kubesphere.io/workspace":"ws 1"}}}]})"),
        "spec.ingress[0].from[0].namespaceSelector.matchLabels");
    row("peer podSelector bad operator", ingress(R"({"from":[{"podSelector":{"matchExpressions":[{"key":"a","operator":"in","values":["x"]}]}}]})"),
        "spec.ingress[0].from[0].podSelector.matchExpressions[0].operator");
    row("two issues in order", ingress(R"({"ports":[{"port":0}],"from":[{"ipBlock":{"cidr":"1.2.3/8"}}]})"),
        "spec.ingress[0].ports[0].port|spec.ingress[0].from[0].ipBlock.cidr");
    row("ingress not a list", withSpec(R"({"ingress":{"from":[]}})"), "spec.ingress");
    row("not an object", json::array(), "");
}

void tst_PolicyValidation::table()
{
    QFETCH(QByteArray, policy);
    QFETCH(QString, expected);
    const json p = json::parse(policy.toStdString());
    const auto issues = validateNetworkPolicy(p);
    if (!p.is_object()) {
        // Given something that is no object at all, Then one issue says so
        QCOMPARE(issues.size(), size_t(1));
        return;
    }
    QVERIFY2(fields(issues) == expected, describe(issues).c_str());
}

void tst_PolicyValidation::messagesNameFieldAndValue()
{
    const auto issues = validateNetworkPolicy(ingress(R"({"from":[{"namespaceSelector":{}},{"ipBlock":{"cidr":"10.0.0/8"}}]})"));
    QCOMPARE(issues.size(), size_t(1));
    QVERIFY2(issues[0].text().rfind("spec.ingress[0].from[1].ipBlock.cidr: \"10.0.0/8\" is not a valid CIDR", 0) == 0,
             issues[0].text().c_str());
    const auto port = validateNetworkPolicy(ingress(R"({"ports":[{"port":70000}]})"));
    QCOMPARE(port.size(), size_t(1));
    QCOMPARE(port[0].text(), std::string("spec.ingress[0].ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive"));
    const auto end = validateNetworkPolicy(ingress(R"({"ports":[{"port":9000,"endPort":8000}]})"));
    QVERIFY2(end[0].text().find("must be greater than or equal to `port`") != std::string::npos, end[0].text().c_str());
    json named = withSpec("{}");
    named["metadata"]["name"] = "nsnp-web";
    const auto reserved = validateNetworkPolicy(named);
    QCOMPARE(reserved.size(), size_t(1));
    QVERIFY(reserved[0].message.find("KubeSphere") != std::string::npos);
    QVERIFY(reserved[0].message.find("deletes") != std::string::npos);
}

void tst_PolicyValidation::reservedPrefixIsAnOption()
{
    json p = withSpec("{}");
    p["metadata"]["name"] = "nsnp-network-isolate";
    PolicyValidationOptions o;
    o.refuseReservedPrefix = false;
    QVERIFY(validateNetworkPolicy(p, o).empty());
    QCOMPARE(validateNetworkPolicy(p).size(), size_t(1));
}

void tst_PolicyValidation::helpers()
{
    QVERIFY(isValidCidr("10.0.0.0/8"));
    QVERIFY(isValidCidr("::/0"));
    QVERIFY(!isValidCidr("10.0.0/8"));
    QVERIFY(!isValidCidr(""));
    QVERIFY(portNameProblems("http").empty());
    QVERIFY(!portNameProblems("80").empty());
    QVERIFY(labelKeyProblems("kubernetes.io/metadata.name").empty());
    QVERIFY(!labelKeyProblems("").empty());
    QVERIFY(labelValueProblems("").empty());
    QVERIFY(dnsSubdomainProblems("a.b-c").empty());
}

QTEST_GUILESS_MAIN(tst_PolicyValidation)
#include "tst_policyvalidation.moc"
