// kubeclient against the real devcluster: identities, TLS, CRUD, paging, watch, conflicts,
// server-side apply, dry-run, 403s, with kubectl as the independent peer.
#include "clusterenv.h"

#include "kubeclient/core/objectmeta.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

using namespace kube;
using nlohmann::json;

namespace {
const GroupVersionResource kNamespaces{"", "v1", "namespaces", false, "Namespace"};
const GroupVersionResource kConfigMaps{"", "v1", "configmaps", true, "ConfigMap"};
const GroupVersionResource kPodTemplates{"", "v1", "podtemplates", true, "PodTemplate"};
const GroupVersionResource kRoles{"rbac.authorization.k8s.io", "v1", "roles", true, "Role"};
const GroupVersionResource kRoleBindings{"rbac.authorization.k8s.io", "v1", "rolebindings", true, "RoleBinding"};
const GroupVersionResource kCrds{"apiextensions.k8s.io", "v1", "customresourcedefinitions", false,
                                 "CustomResourceDefinition"};
const GroupVersionResource kWidgets{"test.tenantry.dev", "v1", "widgets", true, "Widget"};

json configMap(const std::string &ns, const std::string &name, json data = json::object())
{
    return {{"apiVersion", "v1"}, {"kind", "ConfigMap"}, {"metadata", {{"name", name}, {"namespace", ns}}}, {"data", data}};
}

QString qs(const std::string &s) { return QString::fromStdString(s); }
} // namespace

#define REQUIRE_OK(expr)                                                                                  \
    do {                                                                                                  \
        if (!(expr))                                                                                      \
            QFAIL(qPrintable(QStringLiteral(#expr " failed: ") + qs((expr).error().describe())));       \
    } while (0)

class tst_ApiClient : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void whoamiAdminCertificate();
    void whoamiTenantCertificate();
    void whoamiStaticToken();
    void whoamiExecPlugin();
    void tlsWrongCaIsRefused();
    void discoveryFindsCoreAndGroups();
    void crudNamespaceRoleBinding();
    void crudCustomResource();
    void paginatedListOf1500();
    void watchSeesEventsInOrder();
    void expiredResourceVersionIsGone();
    void staleUpdateConflicts();
    void serverSideApplyConflictAndForce();
    void dryRunWritesNothing();
    void forbiddenForTenantKeepsServerMessage();
    void kubectlWritesKubeclientReads();
    void kubeclientWritesKubectlReads();

private:
    std::unique_ptr<Client> m_admin;
    std::string m_ns;
};

void tst_ApiClient::initTestCase()
{
    std::string error;
    m_admin = clusterenv::clientFor(clusterenv::kubeconfigPath("admin"), &error);
    QVERIFY2(m_admin, error.c_str());
    m_ns = clusterenv::uniqueName("it-api");
    json ns = {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", m_ns}}}};
    auto created = m_admin->create(kNamespaces, "", ns);
    REQUIRE_OK(created);
}

void tst_ApiClient::cleanupTestCase()
{
    if (m_admin)
        (void)m_admin->remove(kNamespaces, "", m_ns);
}

void tst_ApiClient::whoamiAdminCertificate()
{
    // Given the admin kubeconfig (client certificate in system:masters)
    // When we ask the server who we are
    auto me = m_admin->whoami();
    // Then it names the certificate's CN and groups, plus system:authenticated
    REQUIRE_OK(me);
    QCOMPARE(qs(me->username), QStringLiteral("devcluster-admin"));
    QVERIFY(std::count(me->groups.begin(), me->groups.end(), "system:masters") == 1);
    QVERIFY(std::count(me->groups.begin(), me->groups.end(), "system:authenticated") == 1);
}

void tst_ApiClient::whoamiTenantCertificate()
{
    // Given a certificate issued for alice in group tenants
    const std::string kc = clusterenv::addUser("alice", {"tenants", "qa"});
    std::string error;
    auto alice = clusterenv::clientFor(kc, &error);
    QVERIFY2(alice, error.c_str());
    // When alice asks who she is, then the server sees exactly that identity
    auto me = alice->whoami();
    REQUIRE_OK(me);
    QCOMPARE(qs(me->username), QStringLiteral("alice"));
    QStringList groups;
    for (const auto &g : me->groups)
        groups << qs(g);
    groups.sort();
    QCOMPARE(groups, (QStringList{"qa", "system:authenticated", "tenants"}));
}

void tst_ApiClient::whoamiStaticToken()
{
    // Given a kubeconfig carrying a static bearer token from the server's token file
    std::string error;
    auto client = clusterenv::clientFor(clusterenv::kubeconfigPath("token-user"), &error);
    QVERIFY2(client, error.c_str());
    auto me = client->whoami();
    REQUIRE_OK(me);
    QCOMPARE(qs(me->username), QStringLiteral("token-user"));
    QVERIFY(std::count(me->groups.begin(), me->groups.end(), "devcluster:token-users") == 1);
}

void tst_ApiClient::whoamiExecPlugin()
{
    // Given a kubeconfig whose user runs our exec plugin script, which prints an ExecCredential
    // with the token-user's token read from the devcluster state
    const std::string dir = clusterenv::stateDir() + "/kubeconfigs";
    const std::string plugin = std::string(TENANTRY_TEST_DATA_DIR) + "/exec-it/devcluster-token.sh";
    auto base = clusterenv::transportFor(clusterenv::kubeconfigPath("admin"));
    REQUIRE_OK(base);
    QFile caFile(qs(clusterenv::stateDir() + "/pki/ca.crt"));
    QVERIFY(caFile.open(QIODevice::ReadOnly));
    const std::string kc = dir + "/exec-user.kubeconfig";
    QFile out(qs(kc));
    QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    out.write(qs("apiVersion: v1\nkind: Config\nclusters:\n- name: dev\n  cluster:\n    server: " + base->server
                 + "\n    certificate-authority: " + clusterenv::stateDir() + "/pki/ca.crt\n"
                 + "users:\n- name: exec\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1\n"
                 + "      command: " + plugin + "\n      args: [\"" + clusterenv::stateDir() + "/tokens/token-user.token\"]\n"
                 + "      interactiveMode: Never\n"
                 + "contexts:\n- name: exec@dev\n  context:\n    cluster: dev\n    user: exec\ncurrent-context: exec@dev\n")
                  .toUtf8());
    out.close();
    std::string error;
    auto client = clusterenv::clientFor(kc, &error);
    QVERIFY2(client, error.c_str());
    // When we ask who we are, then the plugin's token authenticated us
    auto me = client->whoami();
    REQUIRE_OK(me);
    QCOMPARE(qs(me->username), QStringLiteral("token-user"));
}

void tst_ApiClient::tlsWrongCaIsRefused()
{
    // Given the admin's transport but trusting a CA that did not sign the server's certificate
    auto cfg = clusterenv::transportFor(clusterenv::kubeconfigPath("admin"));
    REQUIRE_OK(cfg);
    QFile clientCa(qs(clusterenv::stateDir() + "/pki/client-ca.crt"));
    QVERIFY(clientCa.open(QIODevice::ReadOnly));
    TransportConfig wrong = *cfg;
    wrong.tls.caPem = clientCa.readAll().toStdString();
    Client client(wrong);
    // When we connect, then TLS verification fails with a TLS error naming the server
    auto me = client.whoami();
    QVERIFY(!me);
    QCOMPARE(me.error().kind, ErrorKind::Tls);
    QVERIFY2(qs(me.error().describe()).contains(qs(cfg->server)) || qs(me.error().describe()).contains("127.0.0.1"),
             me.error().describe().c_str());
    // And with the right CA the same transport works
    Client right(*cfg);
    REQUIRE_OK(right.whoami());
}

void tst_ApiClient::discoveryFindsCoreAndGroups()
{
    REQUIRE_OK(m_admin->discovery().refresh());
    auto pods = m_admin->discovery().resolve("po");
    REQUIRE_OK(pods);
    QCOMPARE(qs(pods->gvr.resource), QStringLiteral("pods"));
    QVERIFY(pods->gvr.namespaced);
    QVERIFY(std::count(pods->subresources.begin(), pods->subresources.end(), "exec") == 1);
    auto crb = m_admin->discovery().resolve("clusterrolebindings.rbac.authorization.k8s.io");
    REQUIRE_OK(crb);
    QVERIFY(!crb->gvr.namespaced);
    QCOMPARE(qs(crb->gvr.kind), QStringLiteral("ClusterRoleBinding"));
    auto deploy = m_admin->discovery().resolve("deployments.v1.apps");
    REQUIRE_OK(deploy);
    QCOMPARE(qs(deploy->gvr.version), QStringLiteral("v1"));
    QVERIFY(!m_admin->discovery().resolve("nosuchthings"));
}

void tst_ApiClient::crudNamespaceRoleBinding()
{
    // Given a Role and a RoleBinding in our namespace
    json role = {{"apiVersion", "rbac.authorization.k8s.io/v1"}, {"kind", "Role"},
                 {"metadata", {{"name", "reader"}, {"namespace", m_ns}}},
                 {"rules", json::array({{{"apiGroups", {""}}, {"resources", {"configmaps"}}, {"verbs", {"get", "list"}}}})}};
    auto created = m_admin->create(kRoles, m_ns, role);
    REQUIRE_OK(created);
    json binding = {{"apiVersion", "rbac.authorization.k8s.io/v1"}, {"kind", "RoleBinding"},
                    {"metadata", {{"name", "alice-reader"}, {"namespace", m_ns}}},
                    {"roleRef", {{"apiGroup", "rbac.authorization.k8s.io"}, {"kind", "Role"}, {"name", "reader"}}},
                    {"subjects", json::array({{{"kind", "User"}, {"apiGroup", "rbac.authorization.k8s.io"}, {"name", "alice"}}})}};
    REQUIRE_OK(m_admin->create(kRoleBindings, m_ns, binding));
    // When we read, update (with the resourceVersion) and patch them
    auto got = m_admin->get(kRoles, m_ns, "reader");
    REQUIRE_OK(got);
    (*got)["rules"][0]["verbs"].push_back("watch");
    auto updated = m_admin->update(kRoles, m_ns, *got);
    REQUIRE_OK(updated);
    QCOMPARE((*updated)["rules"][0]["verbs"].size(), size_t(3));
    auto patched = m_admin->patch(kRoles, m_ns, "reader", PatchType::Merge,
                                  {{"metadata", {{"labels", {{"tier", "gold"}}}}}});
    REQUIRE_OK(patched);
    QCOMPARE(qs(ObjectMeta(*patched).label("tier")), QStringLiteral("gold"));
    auto jsonPatched = m_admin->patch(kRoles, m_ns, "reader", PatchType::Json,
                                      json::array({{{"op", "add"}, {"path", "/metadata/labels/zone"}, {"value", "a"}}}));
    REQUIRE_OK(jsonPatched);
    QCOMPARE(qs(ObjectMeta(*jsonPatched).label("zone")), QStringLiteral("a"));
    auto strategic = m_admin->patch(kRoleBindings, m_ns, "alice-reader", PatchType::StrategicMerge,
                                    {{"metadata", {{"annotations", {{"note", "x"}}}}}});
    REQUIRE_OK(strategic);
    // Then a list shows them, and deletes with preconditions work
    auto roles = m_admin->list(kRoles, m_ns);
    REQUIRE_OK(roles);
    QCOMPARE(roles->items.size(), size_t(1));
    DeleteOptions wrongUid;
    wrongUid.preconditionUid = "not-the-uid";
    auto refused = m_admin->remove(kRoles, m_ns, "reader", wrongUid);
    QVERIFY(!refused);
    QVERIFY(refused.error().isApi(StatusReason::Conflict));
    DeleteOptions rightUid;
    rightUid.preconditionUid = ObjectMeta(*jsonPatched).uid();
    REQUIRE_OK(m_admin->remove(kRoles, m_ns, "reader", rightUid));
    REQUIRE_OK(m_admin->remove(kRoleBindings, m_ns, "alice-reader"));
    auto gone = m_admin->get(kRoles, m_ns, "reader");
    QVERIFY(!gone);
    QVERIFY(gone.error().isApi(StatusReason::NotFound));
}

void tst_ApiClient::crudCustomResource()
{
    // Given a CRD applied with server-side apply
    json crd = {{"apiVersion", "apiextensions.k8s.io/v1"}, {"kind", "CustomResourceDefinition"},
                {"metadata", {{"name", "widgets.test.tenantry.dev"}}},
                {"spec", {{"group", "test.tenantry.dev"}, {"scope", "Namespaced"},
                          {"names", {{"plural", "widgets"}, {"singular", "widget"}, {"kind", "Widget"}}},
                          {"versions", json::array({{{"name", "v1"}, {"served", true}, {"storage", true},
                                                     {"schema", {{"openAPIV3Schema", {{"type", "object"},
                                                        {"x-kubernetes-preserve-unknown-fields", true}}}}}}})}}}};
    WriteOptions apply;
    apply.fieldManager = "tenantry-test";
    REQUIRE_OK(m_admin->apply(kCrds, "", crd, apply));
    // When the kind is served (established), create / get / delete an instance
    json widget = {{"apiVersion", "test.tenantry.dev/v1"}, {"kind", "Widget"},
                   {"metadata", {{"name", "w1"}, {"namespace", m_ns}}}, {"spec", {{"size", 3}}}};
    Result<json> created = Error::make(ErrorKind::Invalid, "not tried");
    for (int i = 0; i < 100; ++i) {
        created = m_admin->create(kWidgets, m_ns, widget);
        if (created || !created.error().isApi(StatusReason::NotFound))
            break;
        QTest::qWait(100);
    }
    REQUIRE_OK(created);
    auto got = m_admin->get(kWidgets, m_ns, "w1");
    REQUIRE_OK(got);
    QCOMPARE((*got)["spec"]["size"].get<int>(), 3);
    REQUIRE_OK(m_admin->discovery().refresh());
    auto resolved = m_admin->discovery().resolve("widgets.test.tenantry.dev");
    REQUIRE_OK(resolved);
    REQUIRE_OK(m_admin->remove(kWidgets, m_ns, "w1"));
}

void tst_ApiClient::paginatedListOf1500()
{
    // Given 1,500 ConfigMaps in a fresh namespace
    const std::string ns = clusterenv::uniqueName("it-page");
    REQUIRE_OK(m_admin->create(kNamespaces, "", {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", ns}}}}));
    std::atomic<int> failures{0};
    std::string firstError;
    auto worker = [&](int from, int to) {
        for (int i = from; i < to; ++i) {
            auto r = m_admin->create(kConfigMaps, ns, configMap(ns, "cm-" + std::to_string(i), {{"i", std::to_string(i)}}));
            if (!r && failures++ == 0)
                firstError = r.error().describe();
        }
    };
    std::thread a(worker, 0, 750), b(worker, 750, 1500);
    a.join();
    b.join();
    QVERIFY2(failures == 0, firstError.c_str());
    // When we list them with a small page size
    ListOptions o;
    o.limit = 100;
    auto list = m_admin->list(kConfigMaps, ns, o);
    REQUIRE_OK(list);
    // Then every object arrives exactly once, over many pages
    size_t ours = 0;
    std::set<std::string> names;
    for (const auto &item : list->items) {
        names.insert(ObjectMeta(item).name());
        if (ObjectMeta(item).name().rfind("cm-", 0) == 0)
            ++ours;
    }
    QCOMPARE(ours, size_t(1500));
    QCOMPARE(names.size(), list->items.size());
    QVERIFY2(list->pages >= 15, qPrintable(QString::number(list->pages)));
    QVERIFY(!list->resourceVersion.empty());
    REQUIRE_OK(m_admin->remove(kNamespaces, "", ns));
}

void tst_ApiClient::watchSeesEventsInOrder()
{
    // Given a watch on ConfigMaps of our namespace from the current resourceVersion
    auto initial = m_admin->list(kConfigMaps, m_ns);
    REQUIRE_OK(initial);
    std::vector<std::string> seen;
    std::mutex mutex;
    auto cancel = std::make_shared<CancelToken>();
    Result<void> watchResult;
    std::thread watcher([&] {
        ListOptions o;
        o.resourceVersion = initial->resourceVersion;
        o.allowWatchBookmarks = true;
        o.timeoutSeconds = 60;
        watchResult = m_admin->watch(kConfigMaps, m_ns, o, [&](const WatchEvent &e) {
            if (e.type == WatchEventType::Bookmark)
                return true;
            std::lock_guard lock(mutex);
            seen.push_back(std::string(toString(e.type)) + " " + ObjectMeta(e.object).name());
            return seen.size() < 3;
        }, cancel);
    });
    // When a ConfigMap is created, modified and deleted
    QTest::qWait(300);
    REQUIRE_OK(m_admin->create(kConfigMaps, m_ns, configMap(m_ns, "watched")));
    REQUIRE_OK(m_admin->patch(kConfigMaps, m_ns, "watched", PatchType::Merge, {{"data", {{"k", "v"}}}}));
    REQUIRE_OK(m_admin->remove(kConfigMaps, m_ns, "watched"));
    // Then the watch delivers ADDED, MODIFIED, DELETED in that order
    QTRY_VERIFY_WITH_TIMEOUT([&] { std::lock_guard lock(mutex); return seen.size() >= 3; }(), 20000);
    watcher.join();
    QVERIFY2(watchResult.ok(), watchResult.ok() ? "" : watchResult.error().describe().c_str());
    QCOMPARE(seen, (std::vector<std::string>{"ADDED watched", "MODIFIED watched", "DELETED watched"}));
}

void tst_ApiClient::expiredResourceVersionIsGone()
{
    // Given a resourceVersion from before some writes to a kind read straight from etcd
    auto before = m_admin->list(kPodTemplates, m_ns);
    REQUIRE_OK(before);
    for (int i = 0; i < 3; ++i) {
        json pt = {{"apiVersion", "v1"}, {"kind", "PodTemplate"},
                   {"metadata", {{"name", "pt-" + std::to_string(i)}, {"namespace", m_ns}}},
                   {"template", {{"spec", {{"containers", json::array({{{"name", "c"}, {"image", "busybox"}}})}}}}}};
        REQUIRE_OK(m_admin->create(kPodTemplates, m_ns, pt));
    }
    // When etcd is compacted past it and we watch from it
    auto compacted = clusterenv::run(clusterenv::devclusterBin(), {"compact"});
    QVERIFY2(compacted.exitCode == 0, compacted.err.constData());
    ListOptions o;
    o.resourceVersion = before->resourceVersion;
    bool sawGoneEvent = false;
    auto result = m_admin->watch(kPodTemplates, m_ns, o, [&](const WatchEvent &e) {
        if (e.type == WatchEventType::Error) {
            const int code = e.object.value("code", 0);
            sawGoneEvent = code == 410;
            return false;
        }
        return true;
    });
    // Then the server says 410 Gone, as an initial response or as an in-stream ERROR event
    QVERIFY2(sawGoneEvent || (!result && result.error().isGone()),
             result ? "watch ended without a 410" : result.error().describe().c_str());
}

void tst_ApiClient::staleUpdateConflicts()
{
    // Given two copies of one ConfigMap
    auto created = m_admin->create(kConfigMaps, m_ns, configMap(m_ns, "contended", {{"v", "0"}}));
    REQUIRE_OK(created);
    json first = *created, second = *created;
    first["data"]["v"] = "1";
    REQUIRE_OK(m_admin->update(kConfigMaps, m_ns, first));
    // When the second, now stale, copy is written
    second["data"]["v"] = "2";
    auto stale = m_admin->update(kConfigMaps, m_ns, second);
    // Then the server answers 409 Conflict and the message says what to do
    QVERIFY(!stale);
    QVERIFY(stale.error().isApi(StatusReason::Conflict));
    QCOMPARE(stale.error().httpCode(), 409);
    QVERIFY2(qs(stale.error().describe()).contains("modified"), stale.error().describe().c_str());
    auto dup = m_admin->create(kConfigMaps, m_ns, configMap(m_ns, "contended"));
    QVERIFY(!dup);
    QVERIFY(dup.error().isApi(StatusReason::AlreadyExists));
}

void tst_ApiClient::serverSideApplyConflictAndForce()
{
    // Given field manager "alpha" owning data.owner
    WriteOptions alpha, beta;
    alpha.fieldManager = "alpha";
    beta.fieldManager = "beta";
    REQUIRE_OK(m_admin->apply(kConfigMaps, m_ns, configMap(m_ns, "applied", {{"owner", "alpha"}}), alpha));
    // When "beta" applies a different value for the same field
    auto conflict = m_admin->apply(kConfigMaps, m_ns, configMap(m_ns, "applied", {{"owner", "beta"}}), beta);
    // Then it is a 409 Conflict whose causes name the field and the manager
    QVERIFY(!conflict);
    QVERIFY(conflict.error().isApi(StatusReason::Conflict));
    bool namesField = false;
    for (const auto &c : conflict.error().status->causes)
        namesField = namesField || (c.type == "FieldManagerConflict" && c.field.find("owner") != std::string::npos);
    QVERIFY2(namesField, conflict.error().describe().c_str());
    // And with force, beta takes the field over
    beta.force = true;
    auto forced = m_admin->apply(kConfigMaps, m_ns, configMap(m_ns, "applied", {{"owner", "beta"}}), beta);
    REQUIRE_OK(forced);
    QCOMPARE(qs((*forced)["data"]["owner"].get<std::string>()), QStringLiteral("beta"));
}

void tst_ApiClient::dryRunWritesNothing()
{
    // Given dryRun=All
    WriteOptions dry;
    dry.dryRun = true;
    auto created = m_admin->create(kConfigMaps, m_ns, configMap(m_ns, "dry"), dry);
    // Then the server validates and answers with the object, but nothing is stored
    REQUIRE_OK(created);
    QCOMPARE(qs(ObjectMeta(*created).name()), QStringLiteral("dry"));
    auto got = m_admin->get(kConfigMaps, m_ns, "dry");
    QVERIFY(!got);
    QVERIFY(got.error().isApi(StatusReason::NotFound));
    // And an invalid object is refused in dry-run with the field named
    auto invalid = m_admin->create(kConfigMaps, m_ns, configMap(m_ns, "Bad_Name"), dry);
    QVERIFY(!invalid);
    QVERIFY(invalid.error().isApi(StatusReason::Invalid));
    QVERIFY2(qs(invalid.error().describe()).contains("metadata.name"), invalid.error().describe().c_str());
    // And a dry-run delete leaves the object in place
    REQUIRE_OK(m_admin->create(kConfigMaps, m_ns, configMap(m_ns, "kept")));
    DeleteOptions dryDelete;
    dryDelete.dryRun = true;
    REQUIRE_OK(m_admin->remove(kConfigMaps, m_ns, "kept", dryDelete));
    REQUIRE_OK(m_admin->get(kConfigMaps, m_ns, "kept"));
}

void tst_ApiClient::forbiddenForTenantKeepsServerMessage()
{
    // Given bob, who has no bindings at all
    std::string error;
    auto bob = clusterenv::clientFor(clusterenv::addUser("bob", {"nobody"}), &error);
    QVERIFY2(bob, error.c_str());
    // When he lists namespaces
    auto list = bob->list(kNamespaces, "");
    // Then it is a 403 and the server's own message is kept
    QVERIFY(!list);
    QVERIFY(list.error().isApi(StatusReason::Forbidden));
    QCOMPARE(list.error().httpCode(), 403);
    QVERIFY2(qs(list.error().describe()).contains("User \"bob\" cannot list resource \"namespaces\""),
             list.error().describe().c_str());
}

void tst_ApiClient::kubectlWritesKubeclientReads()
{
    // Given a ConfigMap created by kubectl
    auto r = clusterenv::run("kubectl", {"-n", qs(m_ns), "create", "configmap", "from-kubectl", "--from-literal=k=v"},
                             clusterenv::kubeconfigPath("admin"));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // When kubeclient reads it, then it sees kubectl's data
    auto got = m_admin->get(kConfigMaps, m_ns, "from-kubectl");
    REQUIRE_OK(got);
    QCOMPARE(qs((*got)["data"]["k"].get<std::string>()), QStringLiteral("v"));
}

void tst_ApiClient::kubeclientWritesKubectlReads()
{
    // Given a ConfigMap created by kubeclient
    REQUIRE_OK(m_admin->create(kConfigMaps, m_ns, configMap(m_ns, "from-kubeclient", {{"answer", "42"}})));
    // When kubectl reads it, then it sees the same data
    auto r = clusterenv::run("kubectl", {"-n", qs(m_ns), "get", "configmap", "from-kubeclient", "-o", "json"},
                             clusterenv::kubeconfigPath("admin"));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    auto doc = json::parse(r.out.toStdString(), nullptr, false);
    QVERIFY(!doc.is_discarded());
    QCOMPARE(qs(doc["data"]["answer"].get<std::string>()), QStringLiteral("42"));
}

QTEST_GUILESS_MAIN(tst_ApiClient)
#include "tst_apiclient.moc"
