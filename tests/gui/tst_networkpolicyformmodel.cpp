// NetworkPolicyForm (the policy editor's form as data) and the Network tab's table model
// without a cluster: object -> form -> object keeps what the form cannot show; label text and
// end ports that cannot be written name the field; the table marks the isolation policy.
#include "models/networkpolicyform.h"
#include "models/networkpolicytablemodel.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QtTest>

using nlohmann::json;

class tst_NetworkPolicyFormModel : public QObject
{
    Q_OBJECT
private slots:
    void blankDeniesIngress();
    void roundTripKeepsWhatTheFormCannotShow();
    void formEditsLandInTheObject();
    void badTextNamesTheField();
    void pickersMakeNamespaceLabels();
    void tableMarksGeneratedPolicies();
};

void tst_NetworkPolicyFormModel::blankDeniesIngress()
{
    const json p = NetworkPolicyForm::blank(QStringLiteral("proj1")).toJson();
    QCOMPARE(p["metadata"]["namespace"], json("proj1"));
    QCOMPARE(p["spec"]["podSelector"], json::object());
    QCOMPARE(p["spec"]["policyTypes"], json::parse(R"(["Ingress"])"));
    QVERIFY(!p["spec"].contains("ingress"));
}

void tst_NetworkPolicyFormModel::roundTripKeepsWhatTheFormCannotShow()
{
    // Given a policy with fields no form control shows
    const json original = json::parse(R"({"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy",
      "metadata":{"name":"web","namespace":"proj1","labels":{"team":"a"},"annotations":{"note":"keep"},"resourceVersion":"7"},
      "spec":{"podSelector":{"matchLabels":{"app":"web"},"matchExpressions":[{"key":"tier","operator":"In","values":["fe"]}]},
        "policyTypes":["Ingress","Egress"],
        "ingress":[{"from":[{"namespaceSelector":{"matchLabels":{"kubesphere.io/workspace":"ws1"}},
                             "podSelector":{"matchExpressions":[{"key":"role","operator":"Exists"}]}},
                            {"ipBlock":{"cidr":"10.0.0.0/8","except":["10.1.0.0/16","10.2.0.0/16"]}}],
                    "ports":[{"protocol":"TCP","port":8000,"endPort":8100},{"port":"http"}]}],
        "egress":[{"to":[{"ipBlock":{"cidr":"0.0.0.0/0"}}],"ports":[{"protocol":"UDP","port":53}]}],
        "x-future":{"kept":true}}})");
    // When it goes through the form unchanged
    const NetworkPolicyForm form = NetworkPolicyForm::fromJson(original);
    QCOMPARE(form.podLabels, QStringLiteral("app=web"));
    QCOMPARE(form.ingress.size(), 1);
    QCOMPARE(form.ingress[0].peers.size(), 2);
    QVERIFY(form.ingress[0].peers[0].namespaceSelector && form.ingress[0].peers[0].podSelector);
    QCOMPARE(form.ingress[0].peers[1].except, QStringLiteral("10.1.0.0/16, 10.2.0.0/16"));
    QCOMPARE(form.ingress[0].ports[0].endPort, QStringLiteral("8100"));
    QString problem;
    const json back = form.toJson(&problem);
    // Then the object is the same, matchExpressions, unknown fields and metadata included
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY2(back == original, back.dump(2).c_str());
}

void tst_NetworkPolicyFormModel::formEditsLandInTheObject()
{
    NetworkPolicyForm f = NetworkPolicyForm::blank(QStringLiteral("proj1"));
    f.name = QStringLiteral("allow-dns");
    f.ingressType = false;
    f.egressType = true;
    NetworkPolicyRuleForm rule;
    NetworkPolicyPeerForm peer;
    peer.namespaceSelector = true;
    peer.podSelector = true;
    peer.namespaceLabels = NetworkPolicyForm::projectLabels(QStringLiteral("kube-system"));
    peer.podLabels = QStringLiteral("k8s-app=kube-dns");
    rule.peers.append(peer);
    NetworkPolicyPortForm port;
    port.protocol = QStringLiteral("UDP");
    port.port = QStringLiteral("53");
    rule.ports.append(port);
    NetworkPolicyPortForm named;
    named.port = QStringLiteral("dns-tcp");
    rule.ports.append(named);
    f.egress.append(rule);
    const json p = f.toJson();
    QCOMPARE(p["spec"]["policyTypes"], json::parse(R"(["Egress"])"));
    QCOMPARE(p["spec"]["egress"][0]["to"][0]["namespaceSelector"]["matchLabels"]["kubernetes.io/metadata.name"], json("kube-system"));
    QCOMPARE(p["spec"]["egress"][0]["to"][0]["podSelector"]["matchLabels"]["k8s-app"], json("kube-dns"));
    QCOMPARE(p["spec"]["egress"][0]["ports"][0]["port"], json(53));  // a number, not "53"
    QCOMPARE(p["spec"]["egress"][0]["ports"][1]["port"], json("dns-tcp"));
    QVERIFY(!p["spec"].contains("ingress"));
    QCOMPARE(NetworkPolicyPeerForm(peer).summary(),
             QStringLiteral("namespaces kubernetes.io/metadata.name=kube-system, pods k8s-app=kube-dns"));
}

void tst_NetworkPolicyFormModel::badTextNamesTheField()
{
    NetworkPolicyForm f = NetworkPolicyForm::blank(QStringLiteral("proj1"));
    f.name = QStringLiteral("x");
    f.podLabels = QStringLiteral("app");
    QString problem;
    QVERIFY(f.toJson(&problem).is_null());
    QVERIFY2(problem.startsWith(QStringLiteral("spec.podSelector.matchLabels: \"app\"")), qPrintable(problem));
    f.podLabels.clear();
    NetworkPolicyRuleForm rule;
    NetworkPolicyPortForm port;
    port.port = QStringLiteral("80");
    port.endPort = QStringLiteral("ninety");
    rule.ports.append(port);
    f.ingress.append(rule);
    problem.clear();
    QVERIFY(f.toJson(&problem).is_null());
    QVERIFY2(problem.startsWith(QStringLiteral("spec.ingress[0].ports[0].endPort: \"ninety\"")), qPrintable(problem));
}

void tst_NetworkPolicyFormModel::pickersMakeNamespaceLabels()
{
    QCOMPARE(NetworkPolicyForm::workspaceLabels(QStringLiteral("ws1")), QStringLiteral("kubesphere.io/workspace=ws1"));
    QCOMPARE(NetworkPolicyForm::projectLabels(QStringLiteral("p1")), QStringLiteral("kubernetes.io/metadata.name=p1"));
    QString problem;
    QCOMPARE(NetworkPolicyForm::parseLabels(QStringLiteral(" a=1 , b = 2,"), QStringLiteral("f"), &problem),
             json::parse(R"({"a":"1","b":"2"})"));
    QCOMPARE(NetworkPolicyForm::labelsText(json::parse(R"({"a":"1","b":"2"})")), QStringLiteral("a=1, b=2"));
}

void tst_NetworkPolicyFormModel::tableMarksGeneratedPolicies()
{
    NetworkPolicyTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    NetworkPolicyRow iso{QStringLiteral("NetworkPolicy"), QStringLiteral("nsnp-network-isolate"), QStringLiteral("Ingress"), 1, 0,
                         QStringLiteral("network isolation"), false};
    NetworkPolicyRow mine{QStringLiteral("NetworkPolicy"), QStringLiteral("allow-web"), QStringLiteral("Ingress"), 1, 0, {}, true};
    model.setRows({iso, mine});
    QCOMPARE(model.rowCount(), 2);
    const int isoRow = model.rowOfKey(iso.key()), mineRow = model.rowOfKey(mine.key());
    QVERIFY(isoRow >= 0 && mineRow >= 0);
    QVERIFY(!model.index(isoRow, 0).data(NetworkPolicyTableModel::EditableRole).toBool());
    QVERIFY(model.index(isoRow, 0).data(Qt::FontRole).value<QFont>().italic());
    QVERIFY(model.index(mineRow, 0).data(NetworkPolicyTableModel::EditableRole).toBool());
    QVERIFY(!model.index(mineRow, 0).data(Qt::FontRole).isValid());
}

QTEST_GUILESS_MAIN(tst_NetworkPolicyFormModel)
#include "tst_networkpolicyformmodel.moc"
