// Installer against the real devcluster: install, idempotence, drift repair, the CRDs' schemas,
// printer columns and deprecated versions as kubectl sees them, and refusal where KubeSphere runs.
#include "clusterenv.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/tenancy/install/installer.h"
#include "kubeclient/kubesphere/tenancyapi.h"
#include "kubeclient/core/yamlconvert.h"

#ifdef TENANTRY_HAVE_EMBEDDED_RESOURCES
#include "resources/manifests.h"
#endif

#include <QDir>
#include <QFile>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace kube;
using namespace kube::tenancy;
using nlohmann::json;

namespace {

// Spelled out rather than copied from TenancyApi's statics, whose initialisation order relative
// to these is unspecified.
const GroupVersionResource kCrds{"apiextensions.k8s.io", "v1", "customresourcedefinitions", false,
                                 "CustomResourceDefinition"};
const GroupVersionResource kNamespaces{"", "v1", "namespaces", false, "Namespace"};
const GroupVersionResource kDeployments{"apps", "v1", "deployments", true, "Deployment"};
const GroupVersionResource kUsers{"iam.kubesphere.io", "v1beta1", "users", false, "User"};
const GroupVersionResource kGlobalRoles{"iam.kubesphere.io", "v1beta1", "globalroles", false, "GlobalRole"};
const GroupVersionResource kWorkspaceRoles{"iam.kubesphere.io", "v1beta1", "workspaceroles", false, "WorkspaceRole"};
const GroupVersionResource kTemplates{"tenant.kubesphere.io", "v1beta1", "workspacetemplates", false, "WorkspaceTemplate"};
const GroupVersionResource kWorkspacesBeta{"tenant.kubesphere.io", "v1beta1", "workspaces", false, "Workspace"};
const GroupVersionResource kWorkspacesAlpha{"tenant.kubesphere.io", "v1alpha1", "workspaces", false, "Workspace"};

QString qs(const std::string &s) { return QString::fromStdString(s); }

std::vector<ManifestFile> filesIn(const QString &sub)
{
#ifdef TENANTRY_HAVE_EMBEDDED_RESOURCES
    return sub == "crds" ? tenantry::resources::crdManifests() : tenantry::resources::builtinManifests();
#else
    std::vector<ManifestFile> out;
    QDir dir(QStringLiteral(TENANTRY_TEST_DATA_DIR "/../../resources/") + sub);
    for (const auto &name : dir.entryList({"*.yaml"}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(name));
        if (f.open(QIODevice::ReadOnly))
            out.emplace_back("resources/" + sub.toStdString() + "/" + name.toStdString(), f.readAll().toStdString());
    }
    return out;
#endif
}

// A throw-away CRD (kind Widget) in a group of its own, so tests never touch the tenancy CRDs
// other tests rely on.
json scratchCrd(const std::string &group, bool labelled)
{
    json crd = {
        {"apiVersion", "apiextensions.k8s.io/v1"},
        {"kind", "CustomResourceDefinition"},
        {"metadata", {{"name", "widgets." + group}}},
        {"spec",
         {{"group", group},
          {"scope", "Cluster"},
          {"names", {{"kind", "Widget"}, {"listKind", "WidgetList"}, {"plural", "widgets"}, {"singular", "widget"}}},
          {"versions",
           json::array({{{"name", "v1"},
                         {"served", true},
                         {"storage", true},
                         {"schema",
                          {{"openAPIV3Schema",
                            {{"type", "object"},
                             {"properties", {{"spec", {{"type", "object"}, {"properties", {{"size", {{"type", "integer"}}}}}}}}}}}}}}})}}}};
    if (labelled)
        crd["metadata"]["labels"] = {{kManagedByLabel, kManagedByValue}};
    return crd;
}

json widget(const std::string &group, const std::string &name, int size)
{
    return {{"apiVersion", group + "/v1"},
            {"kind", "Widget"},
            {"metadata", {{"name", name}, {"labels", {{kManagedByLabel, kManagedByValue}}}}},
            {"spec", {{"size", size}}}};
}

std::string scratchGroup() { return clusterenv::uniqueName("probe") + ".install.tenantry.dev"; }

} // namespace

#define REQUIRE_OK(expr)                                                                                  \
    do {                                                                                                  \
        if (!(expr))                                                                                      \
            QFAIL(qPrintable(QStringLiteral(#expr " failed: ") + qs((expr).error().describe())));       \
    } while (0)

class tst_Install : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void installsIntoTheCluster();
    void secondInstallChangesNothing();
    void dryRunOnInstalledClusterChecksEverything();
    void driftIsShownAndRepaired();
    void printerColumnsAsKubectlShowsThem();
    void workspaceTemplateV1beta1();
    void userPasswordIsValidatedBySchema();
    void workspaceReadThroughDeprecatedVersion();
    void newCrdIsWaitedForAndDryRunSaysWhatItCannotCheck();
    void refusesWhereKubeSphereCrdsAre();
    void refusesWhereKubeSphereControllerRuns();
    void tenantryctlInstall();
    void nonAdminGetsAnErrorSayingWhatIsNeeded();

private:
    Installer installer(InstallerOptions options = {});
    std::unique_ptr<Client> m_admin;
    std::string m_kubeconfig;
    std::string m_suffix;
    std::vector<std::pair<GroupVersionResource, std::string>> m_cleanup;  // cluster-scoped objects
};

Installer tst_Install::installer(InstallerOptions options)
{
    return Installer(*m_admin, filesIn("crds"), filesIn("builtins"), std::move(options));
}

void tst_Install::initTestCase()
{
    m_kubeconfig = clusterenv::kubeconfigPath("admin");
    std::string error;
    m_admin = clusterenv::clientFor(m_kubeconfig, &error);
    QVERIFY2(m_admin, error.c_str());
    m_suffix = clusterenv::uniqueName("it-install");
    QVERIFY(!filesIn("crds").empty());
    QVERIFY(!filesIn("builtins").empty());
}

void tst_Install::cleanupTestCase()
{
    if (!m_admin)
        return;
    for (const auto &[gvr, name] : m_cleanup)
        (void)m_admin->remove(gvr, "", name);
}

void tst_Install::installsIntoTheCluster()
{
    // Given a fresh devcluster (whose `up` may already have applied resources/ itself),
    // when Tenantry installs, then every object ends up created, updated or unchanged.
    auto inst = installer();
    auto plan = inst.plan();
    REQUIRE_OK(plan);
    QVERIFY2(!plan->kubesphereMode, plan->refusal.c_str());
    QCOMPARE(size_t(std::count_if(plan->items.begin(), plan->items.end(), [](const InstallItem &i) { return i.crd; })),
             filesIn("crds").size());
    std::vector<InstallProgress> steps;
    auto report = inst.apply(*plan, false, [&](const InstallProgress &p) { steps.push_back(p); });
    REQUIRE_OK(report);
    QCOMPARE(report->items.size(), plan->items.size());
    QCOMPARE(report->uncheckedCount(), size_t(0));
    QVERIFY(!steps.empty());
    QCOMPARE(steps.back().done, plan->items.size());

    // kubectl, an independent client, sees the result.
    auto crd = clusterenv::run("kubectl", {"get", "crd", "workspacetemplates.tenant.kubesphere.io", "-o", "name"}, m_kubeconfig);
    QVERIFY2(crd.exitCode == 0, crd.err.constData());
    auto roles = clusterenv::run("kubectl", {"get", "globalroles", "-o", "name"}, m_kubeconfig);
    QVERIFY2(roles.exitCode == 0, roles.err.constData());
    for (const char *r : {"platform-admin", "platform-regular", "platform-self-provisioner", "authenticated", "anonymous"})
        QVERIFY2(roles.out.contains(QByteArray("globalrole.iam.kubesphere.io/") + r), roles.out.constData());
    auto builtins = clusterenv::run("kubectl", {"get", "builtinroles", "-o", "name"}, m_kubeconfig);
    QVERIFY2(builtins.out.contains("builtinrole.iam.kubesphere.io/project-operator"), builtins.out.constData());
    auto established = clusterenv::run(
        "kubectl", {"get", "crd", "users.iam.kubesphere.io", "-o", "jsonpath={.status.conditions[?(@.type==\"Established\")].status}"},
        m_kubeconfig);
    QCOMPARE(established.out.trimmed(), QByteArray("True"));
    // The new kinds are in the client's discovery now, so the 4.x flavour is detected.
    QCOMPARE(TenancyApi::detect(m_admin->discovery()).flavor, ApiFlavor::V4);
}

void tst_Install::secondInstallChangesNothing()
{
    auto inst = installer();
    auto plan = inst.plan();
    REQUIRE_OK(plan);
    for (const auto &item : plan->items)
        QVERIFY2(item.action == InstallAction::Unchanged, (item.title() + " would " + toString(item.action)).c_str());
    QVERIFY(plan->upToDate());
    auto rv = m_admin->get(kGlobalRoles, "", "platform-admin");
    REQUIRE_OK(rv);
    auto report = inst.apply(*plan, false);
    REQUIRE_OK(report);
    QCOMPARE(report->count(InstallAction::Unchanged), report->items.size());
    // Not even a new resourceVersion: applying identical intent writes nothing.
    auto after = m_admin->get(kGlobalRoles, "", "platform-admin");
    REQUIRE_OK(after);
    QCOMPARE(ObjectMeta(*after).resourceVersion(), ObjectMeta(*rv).resourceVersion());
}

void tst_Install::dryRunOnInstalledClusterChecksEverything()
{
    auto inst = installer();
    auto plan = inst.plan();
    REQUIRE_OK(plan);
    auto report = inst.apply(*plan, true);
    REQUIRE_OK(report);
    QVERIFY(report->dryRun);
    QCOMPARE(report->uncheckedCount(), size_t(0));
    QVERIFY(report->notes.empty());
}

void tst_Install::driftIsShownAndRepaired()
{
    // Given someone edited a built-in field that Tenantry owns,
    json patch = {{"metadata", {{"annotations", {{"kubesphere.io/description", "edited by hand"}}}}}};
    REQUIRE_OK(m_admin->patch(kGlobalRoles, "", "platform-regular", PatchType::Merge, patch));
    // when planning, then that object is an update naming the changed field,
    auto inst = installer();
    auto plan = inst.plan();
    REQUIRE_OK(plan);
    const InstallItem *drifted = nullptr;
    for (const auto &item : plan->items)
        if (item.kind() == "GlobalRole" && item.name() == "platform-regular")
            drifted = &item;
    QVERIFY(drifted);
    QCOMPARE(drifted->action, InstallAction::Update);
    QVERIFY2(!drifted->changes.empty() && drifted->changes.front() == "/metadata/annotations/kubesphere.io~1description",
             drifted->changes.empty() ? "no changes" : drifted->changes.front().c_str());
    QCOMPARE(plan->count(InstallAction::Update), size_t(1));
    // and applying puts it back.
    auto report = inst.apply(*plan, false);
    REQUIRE_OK(report);
    QCOMPARE(report->count(InstallAction::Update), size_t(1));
    auto role = m_admin->get(kGlobalRoles, "", "platform-regular");
    REQUIRE_OK(role);
    QVERIFY(ObjectMeta(*role).annotation("kubesphere.io/description").find("Log in") != std::string::npos);
    auto again = installer().plan();
    REQUIRE_OK(again);
    QVERIFY(again->upToDate());
}

void tst_Install::printerColumnsAsKubectlShowsThem()
{
    const std::string role = m_suffix + "-viewer";
    json wr = {{"apiVersion", "iam.kubesphere.io/v1beta1"},
               {"kind", "WorkspaceRole"},
               {"metadata",
                {{"name", role},
                 {"labels", {{"kubesphere.io/workspace", m_suffix}}},
                 {"annotations", {{"kubesphere.io/alias-name", "Install Probe"}}}}},
               {"rules", json::array()}};
    REQUIRE_OK(m_admin->create(kWorkspaceRoles, "", wr));
    m_cleanup.emplace_back(kWorkspaceRoles, role);
    auto out = clusterenv::run("kubectl", {"get", "workspaceroles", qs(role)}, m_kubeconfig);
    QVERIFY2(out.exitCode == 0, out.err.constData());
    const QList<QByteArray> lines = out.out.split('\n');
    // KubeSphere's columns replace kubectl's default AGE, exactly as with KubeSphere's own CRD.
    QCOMPARE(lines.value(0).simplified(), QByteArray("NAME WORKSPACE ALIAS"));
    QVERIFY2(lines.value(1).simplified().startsWith((role + " " + m_suffix + " Install Probe").c_str()), lines.value(1).constData());

}

void tst_Install::workspaceTemplateV1beta1()
{
    const std::string ws = m_suffix + "-ws";
    json tpl = {{"apiVersion", "tenant.kubesphere.io/v1beta1"},
                {"kind", "WorkspaceTemplate"},
                {"metadata", {{"name", ws}, {"annotations", {{"kubesphere.io/creator", "admin"}}}}},
                {"spec",
                 {{"placement", {{"clusters", json::array({{{"name", "host"}}})}}},
                  {"template",
                   {{"metadata", {{"labels", {{"team", "probe"}}}, {"annotations", {{"kubesphere.io/creator", "admin"}}}}},
                    {"spec", {{"manager", "user-a"}}}}}}}};
    auto created = m_admin->create(kTemplates, "", tpl);
    REQUIRE_OK(created);
    m_cleanup.emplace_back(kTemplates, ws);
    QCOMPARE((*created)["spec"]["template"]["spec"]["manager"].get<std::string>(), std::string("user-a"));
    QCOMPARE((*created)["spec"]["placement"]["clusters"][0]["name"].get<std::string>(), std::string("host"));
    QCOMPARE((*created)["spec"]["template"]["metadata"]["labels"]["team"].get<std::string>(), std::string("probe"));

    // placement and template are required, as in KubeSphere's schema.
    json missing = tpl;
    missing["metadata"]["name"] = ws + "-bad";
    missing["spec"].erase("placement");
    auto rejected = m_admin->create(kTemplates, "", missing);
    QVERIFY(!rejected);
    QVERIFY(rejected.error().isApi(StatusReason::Invalid));
    QVERIFY2(rejected.error().describe().find("placement") != std::string::npos, rejected.error().describe().c_str());
}

void tst_Install::userPasswordIsValidatedBySchema()
{
    const auto user = [&](const std::string &name, const std::string &password) {
        return json{{"apiVersion", "iam.kubesphere.io/v1beta1"},
                    {"kind", "User"},
                    {"metadata", {{"name", name}}},
                    {"spec", {{"email", name + "@example.com"}, {"password", password}}}};
    };
    const std::string good = m_suffix + "-good";
    auto created = m_admin->create(kUsers, "", user(good, "P4ssword"));
    REQUIRE_OK(created);
    m_cleanup.emplace_back(kUsers, good);
    auto shown = clusterenv::run("kubectl", {"get", "users", qs(good)}, m_kubeconfig);
    QVERIFY2(shown.exitCode == 0, shown.err.constData());
    QCOMPARE(shown.out.split('\n').value(0).simplified(), QByteArray("NAME EMAIL STATUS"));
    QVERIFY(shown.out.split('\n').value(1).simplified().startsWith((good + " " + good + "@example.com").c_str()));

    auto rejected = m_admin->create(kUsers, "", user(m_suffix + "-bad", "password"));
    QVERIFY(!rejected);
    QVERIFY(rejected.error().isApi(StatusReason::Invalid));
    const std::string text = rejected.error().describe();
    QVERIFY2(text.find("spec.password") != std::string::npos, text.c_str());

    auto tooShort = m_admin->create(kUsers, "", user(m_suffix + "-short", "Pa5s"));
    QVERIFY(!tooShort);
    QVERIFY2(tooShort.error().describe().find("spec.password") != std::string::npos, tooShort.error().describe().c_str());

    // email is required
    json noEmail = user(m_suffix + "-noemail", "P4ssword");
    noEmail["spec"].erase("email");
    auto noEmailResult = m_admin->create(kUsers, "", noEmail);
    QVERIFY(!noEmailResult);
    QVERIFY2(noEmailResult.error().describe().find("email") != std::string::npos, noEmailResult.error().describe().c_str());
}

void tst_Install::workspaceReadThroughDeprecatedVersion()
{
    const std::string ws = m_suffix + "-w";
    json w = {{"apiVersion", "tenant.kubesphere.io/v1beta1"},
              {"kind", "Workspace"},
              {"metadata", {{"name", ws}}},
              {"spec", {{"manager", "user-a"}}}};
    REQUIRE_OK(m_admin->create(kWorkspacesBeta, "", w));
    m_cleanup.emplace_back(kWorkspacesBeta, ws);

    auto old = m_admin->get(kWorkspacesAlpha, "", ws);
    REQUIRE_OK(old);
    QCOMPARE((*old)["apiVersion"].get<std::string>(), std::string("tenant.kubesphere.io/v1alpha1"));
    QCOMPARE((*old)["spec"]["manager"].get<std::string>(), std::string("user-a"));

    // kubectl warns that the version is deprecated.
    auto out = clusterenv::run("kubectl", {"get", "workspaces.v1alpha1.tenant.kubesphere.io", qs(ws), "-o", "name"},
                               m_kubeconfig);
    QVERIFY2(out.exitCode == 0, out.err.constData());
    QVERIFY2(out.err.contains("deprecated"), out.err.constData());
}

void tst_Install::newCrdIsWaitedForAndDryRunSaysWhatItCannotCheck()
{
    // Given a CRD the cluster does not have and an object of its kind,
    const std::string group = scratchGroup();
    const std::vector<ManifestFile> crds = {{"scratch/crd.yaml", toYaml(scratchCrd(group, true))}};
    const std::vector<ManifestFile> objects = {{"scratch/widgets.yaml", toYaml(widget(group, "w1", 3))}};
    m_cleanup.emplace_back(kCrds, "widgets." + group);
    Installer inst(*m_admin, crds, objects);
    auto plan = inst.plan();
    REQUIRE_OK(plan);
    QCOMPARE(plan->items.size(), size_t(2));
    QCOMPARE(plan->items[0].action, InstallAction::Create);
    QCOMPARE(plan->items[1].action, InstallAction::Create);
    QVERIFY(plan->items[1].note.find("installed first") != std::string::npos);

    // when dry-running, then the CRD is checked by the server but not created, and the object
    // is reported as unchecked with the reason,
    auto dry = inst.apply(*plan, true);
    REQUIRE_OK(dry);
    QVERIFY(dry->items[0].serverChecked);
    QVERIFY(!dry->items[1].serverChecked);
    QVERIFY(dry->items[1].note.find("widgets." + group) != std::string::npos);
    QCOMPARE(dry->notes.size(), size_t(1));
    QVERIFY(!m_admin->get(kCrds, "", "widgets." + group));

    // and a real install waits for the CRD before creating the object.
    auto report = inst.apply(*plan, false);
    REQUIRE_OK(report);
    QCOMPARE(report->count(InstallAction::Create), size_t(2));
    auto w = m_admin->get(GroupVersionResource{group, "v1", "widgets", false, "Widget"}, "", "w1");
    REQUIRE_OK(w);
    QCOMPARE((*w)["spec"]["size"].get<int>(), 3);

    auto again = inst.plan();
    REQUIRE_OK(again);
    QVERIFY(again->upToDate());
    auto dryAgain = inst.apply(*again, true);
    REQUIRE_OK(dryAgain);
    QCOMPARE(dryAgain->uncheckedCount(), size_t(0));
}

void tst_Install::refusesWhereKubeSphereCrdsAre()
{
    // Given a CRD of ours that exists without Tenantry's label (as KubeSphere's own would),
    const std::string group = scratchGroup();
    REQUIRE_OK(m_admin->create(kCrds, "", scratchCrd(group, false)));
    m_cleanup.emplace_back(kCrds, "widgets." + group);
    Installer inst(*m_admin, {{"scratch/crd.yaml", toYaml(scratchCrd(group, true))}},
                   {{"scratch/widgets.yaml", toYaml(widget(group, "w1", 1))}});
    // when planning, then nothing is to be installed and the reason names the CRD and the mode,
    auto plan = inst.plan();
    REQUIRE_OK(plan);
    QVERIFY(plan->kubesphereMode);
    QVERIFY(plan->items.empty());
    QCOMPARE(plan->kubesphereEvidence.size(), size_t(1));
    QVERIFY2(plan->refusal.find("widgets." + group) != std::string::npos, plan->refusal.c_str());
    QVERIFY2(plan->refusal.find("KubeSphere mode") != std::string::npos, plan->refusal.c_str());
    QVERIFY2(plan->refusal.find("nothing was installed") != std::string::npos, plan->refusal.c_str());
    // and applying such a plan is refused, leaving the foreign CRD alone.
    auto report = inst.apply(*plan, false);
    QVERIFY(!report);
    auto crd = m_admin->get(kCrds, "", "widgets." + group);
    REQUIRE_OK(crd);
    QVERIFY(!ObjectMeta(*crd).hasLabel(kManagedByLabel));
}

void tst_Install::refusesWhereKubeSphereControllerRuns()
{
    // Given KubeSphere's controller deployment (in a scratch namespace standing in for
    // kubesphere-system, so that concurrent tests do not see a KubeSphere cluster),
    const std::string ns = m_suffix + "-ks";
    REQUIRE_OK(m_admin->create(kNamespaces, "", {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", ns}}}}));
    m_cleanup.emplace_back(kNamespaces, ns);
    json deployment = {
        {"apiVersion", "apps/v1"},
        {"kind", "Deployment"},
        {"metadata", {{"name", "ks-controller-manager"}, {"namespace", ns}}},
        {"spec",
         {{"replicas", 0},
          {"selector", {{"matchLabels", {{"app", "ks-controller-manager"}}}}},
          {"template",
           {{"metadata", {{"labels", {{"app", "ks-controller-manager"}}}}},
            {"spec", {{"containers", json::array({{{"name", "ks"}, {"image", "registry.invalid/ks:none"}}})}}}}}}}};
    REQUIRE_OK(m_admin->create(kDeployments, ns, deployment));

    InstallerOptions options;
    options.controllerNamespace = ns;
    auto inst = installer(options);
    auto plan = inst.plan();
    REQUIRE_OK(plan);
    QVERIFY(plan->kubesphereMode);
    QVERIFY(plan->items.empty());
    QVERIFY2(plan->refusal.find(ns + "/ks-controller-manager") != std::string::npos, plan->refusal.c_str());
    QVERIFY2(plan->refusal.find("KubeSphere mode") != std::string::npos, plan->refusal.c_str());
    QVERIFY(!inst.apply(*plan, false));
}

void tst_Install::tenantryctlInstall()
{
    const QString ctl = qEnvironmentVariable("TENANTRY_BINARY_DIR") + "/app/tenantryctl";
    QVERIFY2(QFile::exists(ctl), qPrintable("tenantryctl is missing (" + ctl + "): build the tenantryctl target first"));
    auto dry = clusterenv::run(ctl, {"install", "--dry-run", "--kubeconfig", qs(m_kubeconfig)});
    QVERIFY2(dry.exitCode == 0, (dry.out + dry.err).constData());
    QVERIFY2(dry.out.contains("unchanged   GlobalRole platform-admin") || dry.out.contains("unchanged GlobalRole platform-admin"),
             dry.out.constData());
    QVERIFY2(dry.out.contains("0 to create, 0 to update"), dry.out.constData());
    auto real = clusterenv::run(ctl, {"install", "--yes", "--kubeconfig", qs(m_kubeconfig)});
    QVERIFY2(real.exitCode == 0, (real.out + real.err).constData());
    QVERIFY2(real.out.contains("up to date"), real.out.constData());
    auto usage = clusterenv::run(ctl, {"install", "extra", "--kubeconfig", qs(m_kubeconfig)});
    QCOMPARE(usage.exitCode, 2);
}

void tst_Install::nonAdminGetsAnErrorSayingWhatIsNeeded()
{
    // Given a user without cluster-admin rights, when planning, then the error says what is missing.
    const std::string kubeconfig = clusterenv::addUser(m_suffix + "-tenant");
    QVERIFY(!kubeconfig.empty());
    std::string error;
    auto tenant = clusterenv::clientFor(kubeconfig, &error);
    QVERIFY2(tenant, error.c_str());
    Installer inst(*tenant, filesIn("crds"), filesIn("builtins"));
    auto plan = inst.plan();
    QVERIFY(!plan);
    QVERIFY(plan.error().isApi(StatusReason::Forbidden));
    const std::string text = plan.error().describe();
    QVERIFY2(text.find("cluster-admin") != std::string::npos, text.c_str());
    QVERIFY2(text.find("customresourcedefinitions") != std::string::npos, text.c_str());
}

QTEST_GUILESS_MAIN(tst_Install)
#include "tst_install.moc"
