// tenantryctl trace against the devcluster, case by case, with kubectl as the independent
// judge: `kubectl auth can-i` (with --as / --as-group, or as the user's own kubeconfig) for
// authorization and impersonation, `kubectl create --dry-run=server` for admission. Every
// case also requires that Tenantry and the server's own checks (SubjectAccessReview, the
// trace's dry run) agree: exit code 3 or a listed disagreement fails it.
#include "clusterenv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }

void kubectlOk(const QStringList &args, const QByteArray &stdinData = {})
{
    auto r = clusterenv::run(QStringLiteral("kubectl"), args, clusterenv::kubeconfigPath("admin"), stdinData);
    QVERIFY2(r.exitCode == 0, qPrintable(args.join(' ') + ": " + r.err));
}

struct Traced {
    int exitCode = -1;
    QJsonObject json;
    QByteArray err;
    QString stage(const QString &id, const char *field = "verdict") const
    {
        for (const auto &s : json.value("stages").toArray())
            if (s.toObject().value("id").toString() == id)
                return s.toObject().value(field).toString();
        return QStringLiteral("(absent)");
    }
    QString details(const QString &id) const
    {
        for (const auto &s : json.value("stages").toArray())
            if (s.toObject().value("id").toString() == id) {
                QStringList lines;
                for (const auto &l : s.toObject().value("details").toArray())
                    lines << l.toString();
                return lines.join('\n');
            }
        return {};
    }
};
} // namespace

class tst_Trace : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void agreesWithTheServer();
    void humanTextNamesEveryStage();
    void badInputIsAUsageError();

private:
    Traced trace(const QStringList &args, const std::string &kubeconfig = {});
    // kubectl auth can-i as the given kubeconfig (the admin's by default).
    bool canI(const QStringList &args, const std::string &kubeconfig = {});
    // kubectl create --dry-run=server of a bare pause pod: "" when admitted, else the refusal.
    QString kubectlDryRunPod(const std::string &ns);

    QString m_bin;
    std::string m_sfx, m_a, m_b, m_quota, m_limits, m_restricted, m_baseline, m_ks, m_ws;
    std::string m_group, m_alice, m_bob, m_dave, m_erin, m_frank, m_carol, m_carolConfig;
};

void tst_Trace::initTestCase()
{
    m_bin = qEnvironmentVariable("TENANTRY_BINARY_DIR") + "/app/tenantryctl";
    QVERIFY2(QFile::exists(m_bin), qPrintable(m_bin));
    m_sfx = clusterenv::uniqueName("tr");
    m_a = m_sfx + "-a";
    m_b = m_sfx + "-b";
    m_quota = m_sfx + "-quota";
    m_limits = m_sfx + "-limits";
    m_restricted = m_sfx + "-restricted";
    m_baseline = m_sfx + "-baseline";
    m_ks = m_sfx + "-ksproj";
    m_ws = m_sfx + "-ws";
    m_group = m_sfx + "-devs";
    m_alice = m_sfx + "-alice";
    m_bob = m_sfx + "-bob";
    m_dave = m_sfx + "-dave";
    m_erin = m_sfx + "-erin";
    m_frank = m_sfx + "-frank";
    m_carol = m_sfx + "-carol";
    for (const auto &ns : {m_a, m_b, m_quota, m_limits, m_restricted, m_baseline, m_ks})
        kubectlOk({"create", "namespace", qs(ns)});
    // A group allowed to edit in A only.
    kubectlOk({"-n", qs(m_a), "create", "rolebinding", "devs-edit", "--clusterrole=edit", "--group=" + qs(m_group)});
    // resourceNames: dave may get one secret.
    kubectlOk({"-n", qs(m_a), "create", "role", "one-secret", "--verb=get", "--resource=secrets", "--resource-name=app-token"});
    kubectlOk({"-n", qs(m_a), "create", "rolebinding", "dave-secret", "--role=one-secret", "--user=" + qs(m_dave)});
    // A subresource: erin may read pod logs but not pods.
    kubectlOk({"-n", qs(m_a), "create", "role", "logs", "--verb=get", "--resource=pods/log"});
    kubectlOk({"-n", qs(m_a), "create", "rolebinding", "erin-logs", "--role=logs", "--user=" + qs(m_erin)});
    // Quota of one pod, and one pod in it (no node runs it; it still counts).
    kubectlOk({"-n", qs(m_quota), "create", "quota", "one-pod", "--hard=count/pods=1"});
    QTRY_VERIFY_WITH_TIMEOUT(clusterenv::run("kubectl", {"-n", qs(m_quota), "get", "serviceaccount", "default"},
                                             clusterenv::kubeconfigPath("admin")).exitCode == 0, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(clusterenv::run("kubectl", {"-n", qs(m_quota), "get", "resourcequotas", "one-pod", "-o",
                                                         "jsonpath={.status.used}"}, clusterenv::kubeconfigPath("admin"))
                                 .out.contains("count/pods"), 30000);
    kubectlOk({"-n", qs(m_quota), "run", "only", "--image=registry.k8s.io/pause:3.10", "--restart=Never"});
    QTRY_VERIFY_WITH_TIMEOUT(clusterenv::run("kubectl", {"-n", qs(m_quota), "get", "resourcequotas", "one-pod", "-o",
                                                         "jsonpath={.status.used.count/pods}"}, clusterenv::kubeconfigPath("admin"))
                                 .out.trimmed() == "1", 30000);
    // Container defaults.
    const std::string lr = "apiVersion: v1\nkind: LimitRange\nmetadata: {name: defaults, namespace: " + m_limits +
                           "}\nspec:\n  limits:\n  - type: Container\n    default: {cpu: 500m, memory: 256Mi}\n"
                           "    defaultRequest: {cpu: 100m}\n    max: {cpu: '1'}\n";
    kubectlOk({"apply", "-f", "-"}, QByteArray::fromStdString(lr));
    // Pod Security labels.
    kubectlOk({"label", "namespace", qs(m_restricted), "pod-security.kubernetes.io/enforce=restricted"});
    kubectlOk({"label", "namespace", qs(m_baseline), "pod-security.kubernetes.io/enforce=baseline",
               "pod-security.kubernetes.io/warn=restricted", "pod-security.kubernetes.io/warn-version=latest"});
    for (const auto &ns : {m_limits, m_restricted, m_baseline})
        QTRY_VERIFY_WITH_TIMEOUT(clusterenv::run("kubectl", {"-n", qs(ns), "get", "serviceaccount", "default"},
                                                 clusterenv::kubeconfigPath("admin")).exitCode == 0, 30000);
    // A KubeSphere workspace role: frank may list pods in every project of the workspace (only
    // ks-apiserver would say so; kube-apiserver knows nothing of it).
    kubectlOk({"label", "namespace", qs(m_ks), "kubesphere.io/workspace=" + qs(m_ws)});
    const std::string ks = "apiVersion: iam.kubesphere.io/v1beta1\nkind: WorkspaceRole\nmetadata:\n  name: " + m_ws +
                           "-viewer\n  labels: {kubesphere.io/workspace: " + m_ws +
                           "}\nrules: [{apiGroups: [\"\"], resources: [pods], verbs: [get, list]}]\n---\n"
                           "apiVersion: iam.kubesphere.io/v1beta1\nkind: WorkspaceRoleBinding\nmetadata:\n  name: " + m_frank +
                           "-viewer\n  labels: {kubesphere.io/workspace: " + m_ws + "}\nroleRef: {apiGroup: iam.kubesphere.io, kind: "
                           "WorkspaceRole, name: " + m_ws + "-viewer}\nsubjects: [{apiGroup: iam.kubesphere.io, kind: User, name: " +
                           m_frank + "}]\n";
    kubectlOk({"apply", "-f", "-"}, QByteArray::fromStdString(ks));
    // carol: a user of her own, without impersonate.
    m_carolConfig = clusterenv::addUser(m_carol);
    QVERIFY(!m_carolConfig.empty());
}

Traced tst_Trace::trace(const QStringList &args, const std::string &kubeconfig)
{
    Traced t;
    auto r = clusterenv::run(m_bin, QStringList{"trace"} + args + QStringList{"-o", "json"},
                             kubeconfig.empty() ? clusterenv::kubeconfigPath("admin") : kubeconfig);
    t.exitCode = r.exitCode;
    t.err = r.err;
    t.json = QJsonDocument::fromJson(r.out).object();
    return t;
}

bool tst_Trace::canI(const QStringList &args, const std::string &kubeconfig)
{
    auto r = clusterenv::run("kubectl", QStringList{"auth", "can-i"} + args,
                             kubeconfig.empty() ? clusterenv::kubeconfigPath("admin") : kubeconfig);
    return r.out.trimmed() == "yes";
}

QString tst_Trace::kubectlDryRunPod(const std::string &ns)
{
    auto r = clusterenv::run("kubectl", {"-n", qs(ns), "run", "probe", "--image=registry.k8s.io/pause:3.10",
                                         "--restart=Never", "--dry-run=server", "-o", "json"},
                             clusterenv::kubeconfigPath("admin"));
    return r.exitCode == 0 ? QString() : QString::fromUtf8(r.err);
}

void tst_Trace::agreesWithTheServer()
{
    // Each case: tenantryctl trace's arguments, the kubeconfig ("" admin, "carol"), the expected
    // verdict and authorization stage, the `kubectl auth can-i` arguments that must answer as
    // the authorization (or impersonation) stage does (empty: not comparable, e.g. the
    // KubeSphere view), the admission stage's verdict ("" any) and a text the trace must hold.
    // Built here: the names carry this run's suffix, known only after initTestCase.
    struct Case {
        const char *name;
        QStringList args;
        QString as, verdict, authorization;
        QStringList canI;
        QString admission, mentions;
    };
    const QString a = qs(m_a), b = qs(m_b), g = qs(m_group), alice = qs(m_alice), bob = qs(m_bob);
    const QStringList asAlice{"--as", alice, "--as-group", g};
    const std::vector<Case> cases = {
        {"allowed by a group binding", QStringList{"create", "configmaps", "-n", a} + asAlice, "", "pass", "pass",
         QStringList{"create", "configmaps", "-n", a} + asAlice, "pass", "devs-edit"},
        {"get pods by the group", QStringList{"get", "pods", "-n", a} + asAlice, "", "pass", "pass",
         QStringList{"get", "pods", "-n", a} + asAlice, "skipped", ""},
        {"denied in another namespace", QStringList{"create", "pods", "-n", b} + asAlice, "", "fail", "fail",
         QStringList{"create", "pods", "-n", b} + asAlice, "", ""},
        {"denied without the group", {"create", "pods", "-n", a, "--as", alice}, "", "fail", "fail",
         {"create", "pods", "-n", a, "--as", alice}, "", ""},
        {"denied: no binding at all", {"delete", "deployments.apps", "-n", a, "--as", bob}, "", "fail", "fail",
         {"delete", "deployments.apps", "-n", a, "--as", bob}, "", ""},
        {"cluster-scoped, denied", {"list", "nodes", "--as", bob}, "", "fail", "fail", {"list", "nodes", "--as", bob}, "", ""},
        {"resourceNames: the named secret", {"get", "secrets", "app-token", "-n", a, "--as", qs(m_dave)}, "", "pass", "pass",
         {"get", "secrets/app-token", "-n", a, "--as", qs(m_dave)}, "", "app-token"},
        {"resourceNames: another secret", {"get", "secrets", "db-password", "-n", a, "--as", qs(m_dave)}, "", "fail", "fail",
         {"get", "secrets/db-password", "-n", a, "--as", qs(m_dave)}, "", ""},
        {"subresource pods/log", {"get", "pods", "--subresource", "log", "-n", a, "--as", qs(m_erin)}, "", "pass", "pass",
         {"get", "pods", "--subresource", "log", "-n", a, "--as", qs(m_erin)}, "", ""},
        {"subresource: not the pod itself", {"get", "pods", "-n", a, "--as", qs(m_erin)}, "", "fail", "fail",
         {"get", "pods", "-n", a, "--as", qs(m_erin)}, "", ""},
        {"non-resource URL allowed", {"get", "/healthz", "--as", bob}, "", "pass", "pass", {"get", "/healthz", "--as", bob},
         "skipped", ""},
        {"non-resource URL denied", {"get", "/metrics", "--as", bob}, "", "fail", "fail", {"get", "/metrics", "--as", bob},
         "skipped", ""},
        {"service account impersonated", {"list", "secrets", "-n", a, "--as", "system:serviceaccount:" + a + ":builder"}, "",
         "fail", "fail", {"list", "secrets", "-n", a, "--as", "system:serviceaccount:" + a + ":builder"}, "", ""},
        {"impersonation allowed (admin)", {"get", "pods", "-n", a, "--as", alice, "--as-group", g}, "", "pass", "pass",
         {"impersonate", "users/" + alice}, "", "impersonate user " + alice + ": allowed"},
        {"impersonation refused (carol)", {"get", "pods", "-n", a, "--as", alice}, "carol", "fail", "",
         {}, "", "impersonate user " + alice + ": denied"},
        {"carol as herself: denied", {"create", "configmaps", "-n", a}, "carol", "fail", "fail",
         {"create", "configmaps", "-n", a}, "", ""},
        {"carol: own self-review", {"create", "selfsubjectaccessreviews.authorization.k8s.io"}, "carol", "pass", "pass",
         {"create", "selfsubjectaccessreviews.authorization.k8s.io"}, "pass", ""},
        {"quota exceeded on create", {"create", "pods", "-n", qs(m_quota)}, "", "fail", "pass",
         {"create", "pods", "-n", qs(m_quota)}, "fail", "count/pods used 1 + 1 = 2 > hard 1"},
        {"quota: other kinds still fit", {"create", "configmaps", "-n", qs(m_quota)}, "", "pass", "pass",
         {"create", "configmaps", "-n", qs(m_quota)}, "pass", ""},
        {"LimitRange defaults", {"create", "pods", "-n", qs(m_limits)}, "", "pass", "pass", {"create", "pods", "-n", qs(m_limits)},
         "pass", "requests.cpu=100m (defaultRequest)"},
        {"LimitRange max refuses", {"create", "pods", "-n", qs(m_limits), "--requests", "cpu=2"}, "", "fail", "pass",
         {"create", "pods", "-n", qs(m_limits)}, "fail", ""},
        {"Pod Security restricted refuses", {"create", "pods", "-n", qs(m_restricted)}, "", "fail", "pass",
         {"create", "pods", "-n", qs(m_restricted)}, "fail", "runAsNonRoot != true"},
        {"Pod Security baseline admits, warns", {"create", "pods", "-n", qs(m_baseline)}, "", "pass", "pass",
         {"create", "pods", "-n", qs(m_baseline)}, "warning", "warn: violates PodSecurity"},
        {"KubeSphere view: workspace role", {"list", "pods", "-n", qs(m_ks), "--as", qs(m_frank), "--view", "kubesphere"}, "",
         "pass", "pass", {}, "", "workspace " + qs(m_ws)},
        {"KubeSphere workspace role: kube-apiserver denies", {"list", "pods", "-n", qs(m_ks), "--as", qs(m_frank)}, "", "fail",
         "fail", {"list", "pods", "-n", qs(m_ks), "--as", qs(m_frank)}, "", ""},
    };
    QVERIFY(cases.size() >= 20);
    int compared = 0;
    for (const auto &c : cases) {
        const std::string kubeconfig = c.as == "carol" ? m_carolConfig : std::string();
        const Traced t = trace(c.args, kubeconfig);
        const QString where = QString("%1: tenantryctl trace %2 (exit %3) %4")
                                  .arg(c.name, c.args.join(' '))
                                  .arg(t.exitCode)
                                  .arg(QString::fromUtf8(t.err));
        QVERIFY2(!t.json.isEmpty(), qPrintable(where));
        QVERIFY2(t.exitCode != 3 && t.json.value("disagreements").toArray().isEmpty(),
                 qPrintable(where + " disagreements: " + QJsonDocument(t.json.value("disagreements").toArray()).toJson()));
        QVERIFY2(t.json.value("verdict").toString() == c.verdict,
                 qPrintable(where + " verdict " + t.json.value("verdict").toString() + ": " + t.json.value("verdictText").toString()));
        QCOMPARE(t.exitCode, c.verdict == "pass" ? 0 : 1);
        if (!c.authorization.isEmpty())
            QVERIFY2(t.stage("authorization") == c.authorization,
                     qPrintable(where + " authorization " + t.stage("authorization") + ": " + t.stage("authorization", "summary")));
        if (!c.canI.isEmpty()) {
            // kubectl, the independent peer, answers the same question the same way.
            const bool kubectlSays = canI(c.canI, kubeconfig);
            const bool stageSays = c.canI.first() == "impersonate" ? t.stage("impersonation") == "pass"
                                                                  : t.stage("authorization") == "pass";
            QVERIFY2(kubectlSays == stageSays, qPrintable(where + " kubectl auth can-i " + c.canI.join(' ') + " says " +
                                                          (kubectlSays ? "yes" : "no")));
            ++compared;
        }
        if (!c.admission.isEmpty())
            QVERIFY2(t.stage("admission") == c.admission,
                     qPrintable(where + " admission " + t.stage("admission") + ": " + t.stage("admission", "summary")));
        if (!c.mentions.isEmpty()) {
            const QString all = QJsonDocument(t.json).toJson();
            QVERIFY2(all.contains(c.mentions), qPrintable(where + " does not mention " + c.mentions + "\n" + all));
        }
    }
    QVERIFY(compared >= 20);
    // kubectl's own dry runs agree with the admission verdicts above.
    QVERIFY(kubectlDryRunPod(m_quota).contains("exceeded quota"));
    QVERIFY(kubectlDryRunPod(m_restricted).contains("violates PodSecurity"));
    QVERIFY(kubectlDryRunPod(m_limits).isEmpty());
    // kubectl refuses carol's impersonation as the trace said.
    auto r = clusterenv::run("kubectl", {"get", "pods", "-n", qs(m_a), "--as", qs(m_alice)}, m_carolConfig);
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains("cannot impersonate"), r.err.constData());
}

void tst_Trace::humanTextNamesEveryStage()
{
    auto r = clusterenv::run(m_bin, {"trace", "create", "pods", "-n", qs(m_quota)}, clusterenv::kubeconfigPath("admin"));
    QCOMPARE(r.exitCode, 1);
    const QString text = QString::fromUtf8(r.out);
    for (const char *s : {"1. Authentication", "client certificate subject: CN=", "2. Authorization", "3. Admission",
                          "4. Checked against the server", "dry run (dryRun=All): POST /api/v1/namespaces/", "Verdict: ✘"})
        QVERIFY2(text.contains(QString::fromUtf8(s)), qPrintable(QString::fromUtf8(s) + " missing in\n" + text));
    // No secret: the admin's client key never shows.
    QVERIFY(!text.contains("PRIVATE KEY"));
}

void tst_Trace::badInputIsAUsageError()
{
    auto r = clusterenv::run(m_bin, {"trace", "create", "pods", "-n", qs(m_a), "--requests", "cpu=lots"},
                             clusterenv::kubeconfigPath("admin"));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--requests: \"cpu=lots\" is not a quantity"), r.err.constData());
    r = clusterenv::run(m_bin, {"trace", "get", "pods", "--view", "ks2"}, clusterenv::kubeconfigPath("admin"));
    QCOMPARE(r.exitCode, 2);
    r = clusterenv::run(m_bin, {"trace", "get", "pods", "--as-group", "devs"}, clusterenv::kubeconfigPath("admin"));
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("--as-group needs --as USER"));
}

QTEST_GUILESS_MAIN(tst_Trace)
#include "tst_trace.moc"
