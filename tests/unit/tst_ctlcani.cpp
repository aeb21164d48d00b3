// How tenantryctl reads can-i and who-can command lines: the same request kubectl auth can-i
// (and kubectl-who-can) would send for the same words, checked without a cluster.
#include "ctl/permissionquery.h"

#include <QtTest>

using namespace ctl;
using kube::rbac::RequestAttributes;

namespace {

// A small discovery: pods (with log), nodes (cluster-scoped), deployments.apps.
std::optional<ResolvedResource> resolve(const std::string &text)
{
    if (text == "pods" || text == "pod" || text == "po")
        return ResolvedResource{"", "pods", true};
    if (text == "nodes" || text == "no")
        return ResolvedResource{"", "nodes", false};
    if (text == "deployments" || text == "deploy" || text == "deployments.apps")
        return ResolvedResource{"apps", "deployments", true};
    return std::nullopt;
}

PermissionQuery::Outcome canI(std::vector<std::string> pos, std::string sub = {}, std::string ns = "team",
                              bool all = false)
{
    return PermissionQuery::read(PermissionQuery::Style::CanI, {std::move(pos), std::move(sub), std::move(ns), all},
                                 resolve);
}

QString described(const RequestAttributes &r)
{
    return QString::fromStdString(r.verb + "|" + r.apiGroup + "|" + r.resource + "|" + r.subresource + "|" + r.name
                                  + "|" + r.ns + "|" + r.path);
}

} // namespace

class tst_CtlCanI : public QObject
{
    Q_OBJECT
private slots:
    void typeSlashNameIsAName_data();
    void typeSlashNameIsAName();
    void argumentCount();
    void nonResourceUrls();
    void unknownTypeWarnsForCanIAndFailsForWhoCan();
    void unknownVerbWarns();
    void clusterScopedKeepsTheNamespaceLikeKubectl();
    void whoCanTakesANameArgument();
};

void tst_CtlCanI::typeSlashNameIsAName_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("subresource");
    QTest::addColumn<QString>("request");
    // The case: kubectl reads "log" as the name of a pod, not as a subresource.
    QTest::newRow("pods/log") << QStringList{"get", "pods/log"} << "" << "get||pods||log|team|";
    QTest::newRow("--subresource") << QStringList{"get", "pods"} << "log" << "get||pods|log||team|";
    QTest::newRow("name and subresource") << QStringList{"get", "pods/web"} << "log" << "get||pods|log|web|team|";
    QTest::newRow("short name") << QStringList{"list", "po"} << "" << "list||pods|||team|";
    QTest::newRow("group") << QStringList{"create", "deploy/api"} << "" << "create|apps|deployments||api|team|";
    QTest::newRow("name keeps its slashes") << QStringList{"get", "pods/a/b"} << "" << "get||pods||a/b|team|";
    QTest::newRow("star") << QStringList{"*", "*"} << "" << "*||*|||team|";
    QTest::newRow("upper case type") << QStringList{"get", "Pods"} << "" << "get||pods|||team|";
}

void tst_CtlCanI::typeSlashNameIsAName()
{
    QFETCH(QStringList, args);
    QFETCH(QString, subresource);
    QFETCH(QString, request);
    std::vector<std::string> pos;
    for (const auto &a : args)
        pos.push_back(a.toStdString());
    const auto q = canI(pos, subresource.toStdString());
    QVERIFY2(q.error.empty(), q.error.c_str());
    QCOMPARE(described(q.request), request);
}

void tst_CtlCanI::argumentCount()
{
    // kubectl auth can-i takes exactly two arguments; a third is an error, not a name.
    QVERIFY(!canI({"get", "pods", "web"}).error.empty());
    QVERIFY(!canI({"get"}).error.empty());
    QCOMPARE(QString::fromStdString(canI({"get"}).error),
             QStringLiteral("you must specify two arguments: verb resource or verb resource/resourceName"));
}

void tst_CtlCanI::nonResourceUrls()
{
    const auto q = canI({"get", "/logs"});
    QVERIFY(q.error.empty());
    QVERIFY(!q.request.isResourceRequest);
    QCOMPARE(described(q.request), QStringLiteral("get||||||/logs"));
    QCOMPARE(QString::fromStdString(canI({"get", "/logs"}, "log").error),
             QStringLiteral("--subresource can not be used with NonResourceURL"));
    QVERIFY(canI({"frob", "/logs"}).warnings.size() == 1);
}

void tst_CtlCanI::unknownTypeWarnsForCanIAndFailsForWhoCan()
{
    // can-i: kubectl warns and asks with the type as typed
    const auto q = canI({"get", "widgets.example.com"});
    QVERIFY(q.error.empty());
    QCOMPARE(q.warnings.size(), size_t(1));
    QCOMPARE(QString::fromStdString(q.warnings[0]),
             QStringLiteral("the server doesn't have a resource type 'widgets' in group 'example.com'"));
    QCOMPARE(QString::fromStdString(q.request.resource), QStringLiteral("widgets.example.com"));
    // users and groups are RBAC resources without an API: no warning
    QVERIFY(canI({"impersonate", "users"}).warnings.empty());
    // who-can: an error (exit 2)
    const auto w = PermissionQuery::read(PermissionQuery::Style::WhoCan, {{"frobnicate", "widgets"}, "", "team", false},
                                         resolve);
    QCOMPARE(QString::fromStdString(w.error), QStringLiteral("the server doesn't have a resource type 'widgets'"));
}

void tst_CtlCanI::unknownVerbWarns()
{
    const auto q = canI({"frobnicate", "pods"});
    QVERIFY(q.error.empty());
    QCOMPARE(q.warnings.size(), size_t(1));
    QCOMPARE(QString::fromStdString(q.warnings[0]), QStringLiteral("verb 'frobnicate' is not a known verb"));
}

void tst_CtlCanI::clusterScopedKeepsTheNamespaceLikeKubectl()
{
    // kubectl sends the namespace even for nodes (and warns); RoleBindings there then count.
    const auto q = canI({"get", "nodes"});
    QCOMPARE(described(q.request), QStringLiteral("get||nodes|||team|"));
    QVERIFY(!q.namespaced);
    QCOMPARE(QString::fromStdString(q.warnings.at(0)), QStringLiteral("resource 'nodes' is not namespace scoped"));
    // -A: no namespace, no warning
    const auto all = canI({"get", "nodes"}, "", "team", true);
    QCOMPARE(described(all.request), QStringLiteral("get||nodes||||"));
    QVERIFY(all.warnings.empty());
}

void tst_CtlCanI::whoCanTakesANameArgument()
{
    const auto w = PermissionQuery::read(PermissionQuery::Style::WhoCan, {{"get", "pods", "web"}, "log", "team", false},
                                         resolve);
    QVERIFY2(w.error.empty(), w.error.c_str());
    QCOMPARE(described(w.request), QStringLiteral("get||pods|log|web|team|"));
    const auto both = PermissionQuery::read(PermissionQuery::Style::WhoCan, {{"get", "pods/a", "b"}, "", "team", false},
                                            resolve);
    QVERIFY(!both.error.empty());
}

QTEST_GUILESS_MAIN(tst_CtlCanI)
#include "tst_ctlcani.moc"
