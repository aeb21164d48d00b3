// Rego in the KubeSphere view against the real devcluster: the built-in `authenticated`
// GlobalRole as the cluster serves it (kubectl reads its module: the independent peer for
// which rule is which line) evaluated by opa through tenantryctl's why (can-i --explain),
// who-can and matrix, a policy-only role bound with kubectl, and the view saying "opa not
// available" when opa is not there. A missing opa FAILS, naming it.
#include "clusterenv.h"

#include <QFileInfo>
#include <QProcess>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <sstream>

using nlohmann::json;

namespace {

QString qs(const std::string &s) { return QString::fromStdString(s); }

std::string opaPath()
{
    if (const char *env = std::getenv("TENANTRY_OPA"); env && *env)
        return env;
    return std::string(TENANTRY_TEST_DATA_DIR) + "/../../tools/opa/bin/opa";
}

// The line of the n-th line of `module` that starts with "allow" (plain text search).
int nthAllowLine(const std::string &module, int n)
{
    std::istringstream in(module);
    std::string line;
    int number = 0, seen = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.rfind("allow", 0) == 0 && ++seen == n)
            return number;
    }
    return -1;
}

} // namespace

class tst_Rego : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void whyNamesTheRegoRule();
    void whoCanListsTheUserThePolicyAllows();
    void matrixShowsCellsAllowedByAPolicy();
    void withoutOpaTheViewSaysSo();

private:
    clusterenv::ProcessResult ctl(const QStringList &args, const QProcessEnvironment &extra = {});
    json kubectlJson(const QStringList &args);
    QString m_bin;
    std::string m_sfx, m_user, m_viewer, m_ns;
};

clusterenv::ProcessResult tst_Rego::ctl(const QStringList &args, const QProcessEnvironment &extra)
{
    if (extra.isEmpty())
        return clusterenv::run(m_bin, args, clusterenv::kubeconfigPath("admin"));
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KUBECONFIG"), qs(clusterenv::kubeconfigPath("admin")));
    for (const auto &key : extra.keys())
        env.insert(key, extra.value(key));
    p.setProcessEnvironment(env);
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(m_bin, args);
    p.waitForFinished(120000);
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

json tst_Rego::kubectlJson(const QStringList &args)
{
    auto r = clusterenv::run("kubectl", args + QStringList{"-o", "json"}, clusterenv::kubeconfigPath("admin"));
    if (r.exitCode != 0)
        qWarning("kubectl %s: %s", qPrintable(args.join(' ')), r.err.constData());
    return json::parse(r.out.toStdString(), nullptr, false);
}

void tst_Rego::initTestCase()
{
    if (!QFileInfo(qs(opaPath())).isExecutable())
        QFAIL(qPrintable(QStringLiteral("the opa command is missing at %1: scripts/opa builds it").arg(qs(opaPath()))));
    m_bin = qEnvironmentVariable("TENANTRY_BINARY_DIR") + "/app/tenantryctl";
    QVERIFY2(QFileInfo(m_bin).isExecutable(), qPrintable(m_bin + " is not built"));
    m_sfx = clusterenv::uniqueName("r").substr(2);
    m_user = "rego-" + m_sfx;
    m_viewer = "rego-viewer-" + m_sfx;
    m_ns = "rego-" + m_sfx;
    // A User object (who-can lists known users), a namespace, and a GlobalRole with the
    // global-view-clusters policy as the cluster serves it and no rules, bound to the user.
    const json tmpl = kubectlJson({"get", "roletemplates.iam.kubesphere.io", "global-view-clusters"});
    QVERIFY(tmpl.is_object());
    const std::string policy = tmpl["metadata"]["annotations"].value("iam.kubesphere.io/rego-override", "");
    QVERIFY(!policy.empty());
    const json role = {{"apiVersion", "iam.kubesphere.io/v1beta1"},
                       {"kind", "GlobalRole"},
                       {"metadata", {{"name", m_viewer}, {"annotations", {{"iam.kubesphere.io/rego-override", policy}}}}},
                       {"rules", json::array()}};
    const json binding = {{"apiVersion", "iam.kubesphere.io/v1beta1"},
                          {"kind", "GlobalRoleBinding"},
                          {"metadata", {{"name", m_viewer}}},
                          {"roleRef", {{"apiGroup", "iam.kubesphere.io"}, {"kind", "GlobalRole"}, {"name", m_viewer}}},
                          {"subjects", {{{"apiGroup", "iam.kubesphere.io"}, {"kind", "User"}, {"name", m_user}}}}};
    const json user = {{"apiVersion", "iam.kubesphere.io/v1beta1"},
                       {"kind", "User"},
                       {"metadata", {{"name", m_user}}},
                       {"spec", {{"email", m_user + "@example.com"}}}};
    const json ns = {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", m_ns}}}};
    const json list = {{"apiVersion", "v1"}, {"kind", "List"}, {"items", {role, binding, user, ns}}};
    auto applied = clusterenv::run("kubectl", {"apply", "-f", "-"}, clusterenv::kubeconfigPath("admin"),
                                   QByteArray::fromStdString(list.dump()));
    QVERIFY2(applied.exitCode == 0, applied.err.constData());
}

void tst_Rego::cleanupTestCase()
{
    clusterenv::run("kubectl",
                    {"delete", "--ignore-not-found", "--wait=false", "globalrolebinding.iam.kubesphere.io/" + qs(m_viewer),
                     "globalrole.iam.kubesphere.io/" + qs(m_viewer), "user.iam.kubesphere.io/" + qs(m_user),
                     "namespace/" + qs(m_ns)},
                    clusterenv::kubeconfigPath("admin"));
}

void tst_Rego::whyNamesTheRegoRule()
{
    // Given the authenticated GlobalRole as kubectl reads it from the cluster,
    const json role = kubectlJson({"get", "globalroles.iam.kubesphere.io", "authenticated"});
    const std::string module = role["metadata"]["annotations"].value("iam.kubesphere.io/rego-override", "");
    QVERIFY(!module.empty());
    const int line = nthAllowLine(module, 1);
    QVERIFY(line > 0);
    // when the user asks why they may update their own user record,
    auto r = ctl({"can-i", "update", qs("users.iam.kubesphere.io/" + m_user), "--as", qs(m_user), "--view",
                  "kubesphere", "--explain"});
    // then the KubeSphere view allows it through the policy, naming its rule.
    QVERIFY2(r.exitCode == 0, r.out.constData());
    QVERIFY2(r.out.startsWith("yes"), r.out.constData());
    QVERIFY2(r.out.contains(qPrintable(QStringLiteral("GlobalRole authenticated, Rego policy rule authz.rego:%1").arg(line))),
             r.out.constData());
    r = ctl({"can-i", "update", qs("users.iam.kubesphere.io/" + m_user), "--as", qs(m_user), "--view", "kubesphere",
             "-o", "json"});
    const json d = json::parse(r.out.toStdString(), nullptr, false);
    QVERIFY2(d.is_object() && d["allowed"] == true, r.out.constData());
    QCOMPARE(d["grant"]["policy"]["line"].get<int>(), line);
    QCOMPARE(d["grant"]["role"].get<std::string>(), std::string("GlobalRole authenticated"));
    // Another user's record: the policy was evaluated and does not allow it.
    r = ctl({"can-i", "update", "users.iam.kubesphere.io/admin", "--as", qs(m_user), "--view", "kubesphere",
             "--explain"});
    QVERIFY2(r.exitCode == 1 && r.out.startsWith("no"), r.out.constData());
    QVERIFY2(r.out.contains("evaluated by opa"), r.out.constData());
    QVERIFY2(r.out.contains("it does not allow this"), r.out.constData());
}

void tst_Rego::whoCanListsTheUserThePolicyAllows()
{
    auto r = ctl({"who-can", "update", qs("users.iam.kubesphere.io/" + m_user), "--view", "kubesphere"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    bool found = false;
    for (const auto &line : r.out.split('\n'))
        if (line.startsWith(QByteArray("User ") + m_user.c_str() + " ")) {
            found = true;
            QVERIFY2(line.contains("GlobalRole authenticated Rego policy rule authz.rego:"), line.constData());
            QVERIFY2(line.contains("as a member of Group system:authenticated"), line.constData());
        }
    QVERIFY2(found, r.out.constData());
    QVERIFY2(!r.out.contains("User admin "), r.out.constData());  // the policy is for one's own record
}

void tst_Rego::matrixShowsCellsAllowedByAPolicy()
{
    auto r = ctl({"matrix", "--as", qs(m_user), "--view", "kubesphere", "-n", qs(m_ns), "-o", "json"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const json m = json::parse(r.out.toStdString(), nullptr, false);
    QVERIFY2(m.is_object() && m["rows"].size() == 1, r.out.constData());
    const json &row = m["rows"][0];
    QVERIFY2(row.contains("allowedByPolicy"), row.dump().c_str());
    QCOMPARE(row["allowedByPolicy"]["pods"], json({"get", "list", "watch"}));
    QCOMPARE(row["allowed"]["pods"], json({"get", "list", "watch"}));
    QVERIFY(row["policiesEvaluated"].dump().find("GlobalRole " + m_viewer) != std::string::npos);
    // The table marks those cells rego and says the policy was evaluated.
    r = ctl({"matrix", "--as", qs(m_user), "--view", "kubesphere", "-n", qs(m_ns)});
    QVERIFY2(r.out.contains(" rego "), r.out.constData());
    QVERIFY2(r.out.contains(qPrintable("note: GlobalRole " + qs(m_viewer) + " carries a Rego policy")), r.out.constData());
}

void tst_Rego::withoutOpaTheViewSaysSo()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("TENANTRY_OPA"), QStringLiteral("/nonexistent/opa"));
    auto r = ctl({"can-i", "update", qs("users.iam.kubesphere.io/" + m_user), "--as", qs(m_user), "--view",
                  "kubesphere", "--explain"},
                 env);
    QVERIFY2(r.exitCode == 1 && r.out.startsWith("no"), r.out.constData());
    QVERIFY2(r.out.contains("opa not available: TENANTRY_OPA=/nonexistent/opa"), r.out.constData());
    QVERIFY2(r.err.contains("note: opa not available"), r.err.constData());
    r = ctl({"matrix", "--as", qs(m_user), "--view", "kubesphere", "-n", qs(m_ns)}, env);
    QVERIFY2(r.out.contains("not evaluated here"), r.out.constData());
    QVERIFY2(!r.out.contains(" rego "), r.out.constData());
}

QTEST_GUILESS_MAIN(tst_Rego)
#include "tst_rego.moc"
