// The cell questions the permission workbench asks (kubeclient/rbac/cellquery): subjects as
// people type them, the request a cell stands for, why (every path, or what is missing),
// who-can of a cell, and which risk findings hold in a scope.
#include "kubeclient/rbac/cellquery.h"
#include "kubeclient/rbac/rbacdata.h"
#include "kubeclient/rbac/rbacindex.h"
#include "kubeclient/rbac/rbacloader.h"

#include <QtTest>

using namespace kube::rbac;

namespace {

const char *kData = R"(
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: reader, namespace: ns1}
rules:
- apiGroups: [""]
  resources: [pods, pods/log]
  verbs: [get, list]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: devs-read, namespace: ns1}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
subjects:
- {kind: Group, name: devs, apiGroup: rbac.authorization.k8s.io}
- {kind: ServiceAccount, name: builder, namespace: ns2}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: pod-reader}
rules:
- apiGroups: [""]
  resources: [pods]
  verbs: [get]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: alice-pods, namespace: ns1}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: pod-reader}
subjects:
- {kind: User, name: alice, apiGroup: rbac.authorization.k8s.io}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: secret-reader}
rules:
- apiGroups: [""]
  resources: [secrets]
  verbs: [get, list]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: ops-secrets}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: secret-reader}
subjects:
- {kind: User, name: ops, apiGroup: rbac.authorization.k8s.io}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: ns2-secrets, namespace: ns2}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: secret-reader}
subjects:
- {kind: User, name: carol, apiGroup: rbac.authorization.k8s.io}
)";

std::shared_ptr<const RbacIndex> index()
{
    RbacData data;
    auto added = RbacLoader::addText(data, kData, "test");
    if (!added)
        qFatal("%s", added.error().describe().c_str());
    return RbacIndex::build(data);
}

} // namespace

class tst_CellQuery : public QObject
{
    Q_OBJECT
private slots:
    void parseSubject_data();
    void parseSubject();
    void knownSubjectsInOrder();
    void cellRequestOfScopes();
    void explainListsEveryPathOrWhatIsMissing();
    void whoCanOfACell();
    void risksHoldingInAScope();
};

void tst_CellQuery::parseSubject_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("groups");
    QTest::addColumn<QString>("label");     // empty: refused
    QTest::addColumn<QString>("identity");  // Identity::toString()
    QTest::newRow("user") << "alice" << "" << "alice" << "alice [system:authenticated]";
    QTest::newRow("user with groups") << "User alice" << "devs" << "alice" << "alice [devs, system:authenticated]";
    QTest::newRow("group") << "Group devs" << "ignored" << "Group devs" << "<no user> [devs]";
    QTest::newRow("group colon") << "group:devs" << "" << "Group devs" << "<no user> [devs]";
    QTest::newRow("sa") << "ServiceAccount ns2/builder" << ""
                        << "ServiceAccount ns2/builder"
                        << "system:serviceaccount:ns2:builder [system:serviceaccounts, system:serviceaccounts:ns2, "
                           "system:authenticated]";
    QTest::newRow("sa user name") << "system:serviceaccount:ns2:builder" << "" << "ServiceAccount ns2/builder"
                                  << "system:serviceaccount:ns2:builder [system:serviceaccounts, "
                                     "system:serviceaccounts:ns2, system:authenticated]";
    QTest::newRow("sa without namespace") << "ServiceAccount builder" << "" << "" << "";
    QTest::newRow("sa user malformed") << "system:serviceaccount:ns2" << "" << "" << "";
    QTest::newRow("empty") << "  " << "" << "" << "";
    QTest::newRow("group without name") << "Group " << "" << "" << "";
}

void tst_CellQuery::parseSubject()
{
    QFETCH(QString, text);
    QFETCH(QString, groups);
    QFETCH(QString, label);
    QFETCH(QString, identity);
    std::vector<std::string> extra;
    if (!groups.isEmpty())
        extra.push_back(groups.toStdString());
    std::string error;
    auto choice = kube::rbac::parseSubject(text.toStdString(), extra, &error);
    if (label.isEmpty()) {
        QVERIFY(!choice);
        QVERIFY(!error.empty());
        return;
    }
    QVERIFY2(choice, error.c_str());
    QCOMPARE(QString::fromStdString(choice->label()), label);
    QCOMPARE(QString::fromStdString(choice->identity.toString()), identity);
}

void tst_CellQuery::knownSubjectsInOrder()
{
    const auto subjects = knownSubjects(*index());
    QStringList labels;
    for (const auto &s : subjects)
        labels << QString::fromStdString(s.label());
    QCOMPARE(labels, QStringList({"alice", "carol", "ops", "Group devs", "ServiceAccount ns2/builder"}));
}

void tst_CellQuery::cellRequestOfScopes()
{
    CatalogEntry pods{"", "v1", "pods", "log", "Pod", true, {}, false, {}};
    auto r = cellRequest(MatrixScope::ns("ns1"), pods, "get");
    QCOMPARE(QString::fromStdString(r.toString()), QStringLiteral("get pods/log in namespace ns1"));
    auto c = cellRequest(MatrixScope::cluster(), pods, "list");
    QVERIFY(c.ns.empty());
    auto w = cellRequest(MatrixScope::workspace("ws1"), pods, "list");
    QCOMPARE(w.workspace, std::string("ws1"));
    QVERIFY(w.ns.empty());
}

void tst_CellQuery::explainListsEveryPathOrWhatIsMissing()
{
    auto idx = index();
    // alice in devs gets pods from two bindings: both paths are listed.
    const auto who = Identity::impersonated("alice", {"devs"});
    auto e = explainRequest(idx, View::Kubernetes, who, RequestAttributes::forResource("get", "", "pods", "ns1"));
    QVERIFY(e.decision.allowed);
    QCOMPARE(e.grants.size(), size_t(2));
    const QString text = QString::fromStdString(e.toText());
    QVERIFY2(text.contains("RoleBinding ns1/devs-read") && text.contains("RoleBinding ns1/alice-pods"), qPrintable(text));
    // A denial names what the nearest rule lacks.
    auto d = explainRequest(idx, View::Kubernetes, who, RequestAttributes::forResource("delete", "", "pods", "ns1"));
    QVERIFY(!d.decision.allowed);
    QVERIFY(d.grants.empty());
    QVERIFY2(QString::fromStdString(d.toText()).contains("verb delete"), d.toText().c_str());
}

void tst_CellQuery::whoCanOfACell()
{
    auto idx = index();
    auto names = [](const std::vector<WhoCanAnswer> &answers) {
        QStringList out;
        for (const auto &a : answers)
            if (!a.superuser)
                out << QString::fromStdString(a.subject.toString());
        out.sort();
        return out;
    };
    // In ns1: the group, the service account (through the same binding) and alice.
    const auto inNs1 = whoCanRequest(*idx, View::Kubernetes, RequestAttributes::forResource("get", "", "pods", "ns1"), true);
    QCOMPARE(names(inNs1), QStringList({"Group devs", "ServiceAccount ns2/builder", "User alice"}));
    // A namespaced resource without a namespace: anywhere.
    const auto secrets = whoCanRequest(*idx, View::Kubernetes, RequestAttributes::forResource("get", "", "secrets"), true);
    QCOMPARE(names(secrets), QStringList({"User carol", "User ops"}));
}

void tst_CellQuery::risksHoldingInAScope()
{
    auto idx = index();
    auto subjects = [&](const MatrixScope &scope) {
        QStringList out;
        for (const auto &f : risksInScope(*idx, View::Kubernetes, scope))
            out << QString::fromStdString(f.subject.toString() + " " + f.where);
        out.sort();
        out.removeDuplicates();
        return out;
    };
    // ops reads secrets cluster-wide: everywhere. carol only in ns2.
    QCOMPARE(subjects(MatrixScope::ns("ns1")), QStringList({"User ops cluster-wide"}));
    QCOMPARE(subjects(MatrixScope::ns("ns2")), QStringList({"User carol namespace ns2", "User ops cluster-wide"}));
    QCOMPARE(subjects(MatrixScope::cluster()), QStringList({"User carol namespace ns2", "User ops cluster-wide"}));
}

QTEST_APPLESS_MAIN(tst_CellQuery)
#include "tst_cellquery.moc"
