// tenantryctl's network commands without a cluster: can-reach's arguments (labels, port, the
// two namespaces) with errors naming the flag, the --explain lines, flows as JSON, and both
// commands run offline on manifests (--from) with their exit codes.
#include "ctl/commandtable.h"
#include "ctl/networkquery.h"

#include "kubeclient/core/manifestfiles.h"
#include "kubeclient/tenancy/graph/graphnetwork.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace ctl;
using namespace kube::net;

namespace {

kube::Result<CanReachQuery> parse(const Args &words, std::string *argError = nullptr)
{
    CommandArgs args;
    std::string error;
    if (!args.parse(words, CommandTable::find("can-reach")->spec, error)) {
        if (argError)
            *argError = error;
        return kube::Error::make(kube::ErrorKind::Invalid, error);
    }
    return parseCanReach(args);
}

const char *kManifests = R"(apiVersion: v1
kind: List
items:
- {apiVersion: v1, kind: Namespace, metadata: {name: p1, labels: {kubesphere.io/workspace: ws1, kubernetes.io/metadata.name: p1}}}
- {apiVersion: v1, kind: Namespace, metadata: {name: p2, labels: {kubesphere.io/workspace: ws1, kubernetes.io/metadata.name: p2}}}
- {apiVersion: v1, kind: Namespace, metadata: {name: q1, labels: {kubesphere.io/workspace: ws2, kubernetes.io/metadata.name: q1}}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: nsnp-network-isolate, namespace: p1}
spec:
  podSelector: {}
  ingress:
  - from: [{namespaceSelector: {matchLabels: {kubesphere.io/workspace: ws1}}}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: q1}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress:
  - ports: [{port: 8080}, {port: 53, protocol: UDP}]
)";

} // namespace

class tst_CtlNetwork : public QObject
{
    Q_OBJECT

private slots:
    void labelsAndPorts()
    {
        auto l = parseLabelList("app=web,tier=front,empty=", "--from-labels");
        QVERIFY(l.ok());
        QCOMPARE(l->size(), std::size_t(3));
        QCOMPARE(l->at("tier"), std::string("front"));
        QCOMPARE(l->at("empty"), std::string());
        QVERIFY(parseLabelList("", "--to-labels")->empty());
        auto bad = parseLabelList("app=web,oops", "--to-labels");
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().message.rfind("--to-labels: \"oops\"", 0) == 0, bad.error().message.c_str());
        QVERIFY(!parseLabelList("=x", "--from-labels").ok());
        QVERIFY(!parseLabelList("a=1,a=2", "--from-labels").ok());

        auto p = parsePortFlag("53/udp");
        QVERIFY(p.ok());
        QCOMPARE(p->number, 53);
        QCOMPARE(p->protocol, std::string("UDP"));
        QCOMPARE(parsePortFlag("8080")->protocol, std::string("TCP"));
        QCOMPARE(parsePortFlag("3868/SCTP")->protocol, std::string("SCTP"));
        for (const char *wrong : {"0", "65536", "http", "80/ICMP", "", "/TCP", "-1", "123456"}) {
            auto e = parsePortFlag(wrong);
            QVERIFY2(!e.ok(), wrong);
            QVERIFY2(e.error().message.rfind("--port:", 0) == 0, e.error().message.c_str());
        }
    }

    void canReachArguments()
    {
        // Given the defaults: no labels, 80/TCP
        auto q = parse({"x", "y"});
        QVERIFY(q.ok());
        QCOMPARE(q->from.ns, std::string("x"));
        QCOMPARE(q->to.ns, std::string("y"));
        QVERIFY(q->from.pod.empty() && q->to.pod.empty());
        QCOMPARE(q->port.number, 80);
        QCOMPARE(q->port.protocol, std::string("TCP"));
        // and every flag, in kubectl's spellings,
        q = parse({"x", "--from-labels=app=a", "y", "--to-labels", "app=db,tier=back", "--port", "5432/tcp", "--explain"});
        QVERIFY(q.ok());
        QCOMPARE(q->from.pod.at("app"), std::string("a"));
        QCOMPARE(q->to.pod.size(), std::size_t(2));
        QCOMPARE(q->port.number, 5432);
        // then wrong counts and bad values are refused, naming what is wrong.
        QVERIFY(!parse({"x"}).ok());
        QVERIFY(!parse({"x", "y", "z"}).ok());
        QVERIFY(parse({"x", "y", "--port", "x"}).error().message.find("--port") != std::string::npos);
        std::string argError;
        QVERIFY(!parse({"x", "y", "--bogus"}, &argError).ok());
        QVERIFY2(argError.find("--bogus") != std::string::npos, argError.c_str());
    }

    void explainNamesTheRules()
    {
        const auto graph = kube::tenancy::graphOfObjects([] {
            std::vector<nlohmann::json> objects;
            auto docs = kube::parseManifestText(kManifests, "test");
            for (const auto &d : *docs)
                for (auto &o : kube::objectsOf(d))
                    objects.push_back(o);
            return objects;
        }());
        std::vector<std::string> warnings;
        const auto set = kube::tenancy::networkOf(graph, &warnings);
        QVERIFY(warnings.empty());
        CanReachQuery q = *parse({"q1", "p1"});
        const Decision denied = set.decide(q.from, q.to, q.port);
        QVERIFY(!denied.allowed);
        const auto lines = explainDecision(set, q, denied);
        QCOMPARE(lines.size(), std::size_t(3));
        QVERIFY2(lines[0].rfind("egress at q1", 0) == 0 && lines[0].find("allowed: no NetworkPolicy selects") != std::string::npos,
                 lines[0].c_str());
        QVERIFY2(lines[1].rfind("ingress at p1", 0) == 0 && lines[1].find("denied: selected by nsnp-network-isolate") != std::string::npos,
                 lines[1].c_str());
        QCOMPARE(lines[2], std::string("  p1/nsnp-network-isolate rule 0 does not match: from ns{kubesphere.io/workspace=ws1}; all ports"));
        q = *parse({"p1", "q1", "--to-labels", "app=web", "--port", "53/UDP"});
        const auto allowed = explainDecision(set, q, set.decide(q.from, q.to, q.port));
        QCOMPARE(allowed.back(), std::string("  q1/web rule 0: from anywhere; ports 8080/TCP,53/UDP"));

        // flows -w ws2 lists only pairs touching q1, as JSON with the rules' text.
        const FlowMap map = computeFlows(set);
        const FlowsView view = flowsView(set, map, [&](const std::string &ns) { return graph.workspaceOf(ns); }, "ws2");
        QCOMPARE(view.namespaces, std::vector<std::string>{"q1"});
        const auto doc = flowsJson(set, map, view, {});
        QCOMPARE(doc["workspaces"].size(), std::size_t(1));
        QCOMPARE(doc["flows"].size(), std::size_t(4));  // p1, p2, q1 -> q1 (some) and q1 -> p1 (none)
        for (const auto &f : doc["flows"]) {
            QVERIFY(f["from"] == "q1" || f["to"] == "q1");
            if (f["to"] == "q1") {
                QCOMPARE(f["reach"].get<std::string>(), std::string("some"));
                QCOMPARE(f["ingressRules"][0]["text"].get<std::string>(), std::string("from anywhere; ports 8080/TCP,53/UDP"));
            } else {
                QCOMPARE(f["reach"].get<std::string>(), std::string("none"));
            }
        }
    }

    void offlineCommandsAnswerWithExitCodes()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("net.yaml")).toStdString();
        std::ofstream(path) << kManifests;
        // Given manifests on disk, can-reach answers by exit code (0 yes, 1 no, 2 usage),
        QCOMPARE(CommandTable::run({"can-reach", "p2", "p1", "--from", path, "-q"}), 0);
        QCOMPARE(CommandTable::run({"can-reach", "q1", "p1", "--from", path, "-q"}), 1);
        QCOMPARE(CommandTable::run({"can-reach", "p1", "q1", "--to-labels", "app=web", "--port", "9090", "--from", path, "-q"}), 1);
        QCOMPARE(CommandTable::run({"can-reach", "p1", "q1", "--to-labels", "app=web", "--port", "8080", "--from", path, "-q"}), 0);
        QCOMPARE(CommandTable::run({"can-reach", "p1", "--from", path}), 2);
        QCOMPARE(CommandTable::run({"can-reach", "p1", "q1", "-o", "json", "--from", path}), 2);
        QCOMPARE(CommandTable::run({"can-reach", "p1", "q1", "--from", dir.filePath(QStringLiteral("missing")).toStdString()}), 1);
        // and flows prints (0), refusing formats it does not have.
        QCOMPARE(CommandTable::run({"flows", "--from", path, "-o", "json"}), 0);
        QCOMPARE(CommandTable::run({"flows", "--from", path, "-o", "yaml"}), 2);
        QCOMPARE(CommandTable::run({"flows", "extra", "--from", path}), 2);
    }
};

QTEST_GUILESS_MAIN(tst_CtlNetwork)
#include "tst_ctlnetwork.moc"
