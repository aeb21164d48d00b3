// Differential test of the local RBAC evaluator against kube-apiserver's own authorizer:
// random worlds of roles, cluster roles (some aggregated by kube-controller-manager),
// bindings to users, groups and service accounts, then random requests answered by both
// the evaluator and SubjectAccessReview. Every disagreement fails with the case printed.
// TENANTRY_RBAC_CHECKS sets the number of checks (default 2000), TENANTRY_RBAC_SEED the seed.
#include "clusterenv.h"

#include "kubeclient/api/client.h"
#include "kubeclient/rbac/accessreviewer.h"
#include "kubeclient/rbac/aggregationpredictor.h"
#include "kubeclient/rbac/evaluator.h"
#include "kubeclient/rbac/rbacindex.h"
#include "kubeclient/rbac/rbacloader.h"
#include "kubeclient/kubesphere/tenancyapi.h"
#include "kubeclient/core/yamlconvert.h"

#include <QTemporaryDir>
#include <QtTest>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

using namespace kube;
using namespace kube::rbac;
using nlohmann::json;
using tenancy::TenancyApi;

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// Everything one random world consists of.
struct World {
    std::string sfx;
    std::vector<std::string> namespaces;
    std::vector<std::string> users, groups;
    std::vector<std::pair<std::string, std::string>> serviceAccounts;  // ns, name
    std::vector<std::string> aggregated;
    std::vector<json> objects;  // in write order (namespaces first)
};

class Generator
{
public:
    explicit Generator(uint32_t seed) : m_rng(seed) {}

    int upTo(int n) { return std::uniform_int_distribution<int>(0, n - 1)(m_rng); }
    bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(m_rng) < p; }
    template <typename T>
    const T &pick(const std::vector<T> &v) { return v[size_t(upTo(int(v.size())))]; }

    std::vector<std::string> some(const std::vector<std::string> &v, int most)
    {
        std::vector<std::string> out;
        const int n = 1 + upTo(most);
        for (int i = 0; i < n; ++i) {
            const auto &x = pick(v);
            if (std::find(out.begin(), out.end(), x) == out.end())
                out.push_back(x);
        }
        return out;
    }

    json resourceRule()
    {
        static const std::vector<std::string> groups = {"", "", "apps", "batch", "rbd.example.io", "*"};
        static const std::vector<std::string> resources = {
            "pods", "pods/log", "pods/exec", "configmaps", "secrets", "deployments", "deployments/scale", "jobs",
            "jobs/status", "nodes", "namespaces", "widgets", "widgets/status", "*/scale", "*/status", "*", "pods/*",
            "users", "serviceaccounts"};
        static const std::vector<std::string> verbs = {"get",    "list", "watch",    "create",      "update",
                                                       "patch",  "delete", "deletecollection", "escalate",
                                                       "bind", "impersonate", "*"};
        static const std::vector<std::string> names = {"n0", "n1", "n0", ""};
        json r = {{"apiGroups", some(groups, 2)}, {"resources", some(resources, 3)}, {"verbs", some(verbs, 3)}};
        if (chance(0.3))
            r["resourceNames"] = some(names, 2);
        return r;
    }

    json urlRule()
    {
        static const std::vector<std::string> urls = {"/healthz", "/logs/*", "/apis/*", "*", "/version", "/metrics",
                                                      "/api"};
        static const std::vector<std::string> verbs = {"get", "post", "put", "*"};
        return {{"nonResourceURLs", some(urls, 2)}, {"verbs", some(verbs, 2)}};
    }

    json rules(bool allowUrls)
    {
        json out = json::array();
        const int n = 1 + upTo(3);
        for (int i = 0; i < n; ++i)
            out.push_back(allowUrls && chance(0.2) ? urlRule() : resourceRule());
        return out;
    }

    json subject(const World &w, const std::string &bindingNs)
    {
        const int k = upTo(100);
        if (k < 45)
            return {{"kind", "User"}, {"apiGroup", "rbac.authorization.k8s.io"}, {"name", pick(w.users)}};
        if (k < 70)
            return {{"kind", "Group"}, {"apiGroup", "rbac.authorization.k8s.io"}, {"name", pick(w.groups)}};
        const auto &sa = pick(w.serviceAccounts);
        if (k < 85)
            return {{"kind", "ServiceAccount"}, {"name", sa.second}, {"namespace", sa.first}};
        if (k < 92 && !bindingNs.empty())  // no namespace: the RoleBinding's own (a ClusterRoleBinding must name one)
            return {{"kind", "ServiceAccount"}, {"name", sa.second}};
        if (k < 96)  // a User subject spelled as a service account's user name
            return {{"kind", "User"}, {"name", serviceAccountUserName(sa.first, sa.second)}};
        if (!bindingNs.empty())  // namespace-confined well-known groups (never cluster-wide: other tests share the cluster)
            return {{"kind", "Group"}, {"name", chance(0.5) ? std::string("system:authenticated")
                                                            : "system:serviceaccounts:" + pick(w.namespaces)}};
        return {{"kind", "Group"}, {"name", "system:serviceaccounts:" + pick(w.namespaces)}};
    }

    json subjects(const World &w, const std::string &bindingNs)
    {
        json out = json::array();
        const int n = 1 + upTo(3);
        for (int i = 0; i < n; ++i)
            out.push_back(subject(w, bindingNs));
        return out;
    }

    World world(const std::string &sfx)
    {
        World w;
        w.sfx = sfx;
        for (const char *n : {"a", "b", "c"})
            w.namespaces.push_back(sfx + "-" + n);
        for (int i = 0; i < 6; ++i)
            w.users.push_back(sfx + "-u" + std::to_string(i));
        for (int i = 0; i < 4; ++i)
            w.groups.push_back(sfx + "-g" + std::to_string(i));
        for (const auto &ns : w.namespaces)
            for (const char *n : {"sa0", "sa1"})
                w.serviceAccounts.emplace_back(ns, n);
        const json marker = {{"rbac-differential", sfx}};
        for (const auto &ns : w.namespaces)
            w.objects.push_back({{"apiVersion", "v1"}, {"kind", "Namespace"},
                                 {"metadata", {{"name", ns}, {"labels", marker}}}});

        const std::string la = "rbd.test/" + sfx + "-a", lb = "rbd.test/" + sfx + "-b",
                          lt = "rbd.test/" + sfx + "-tier", lc = "rbd.test/" + sfx + "-chain";
        std::vector<std::string> clusterRoles;
        for (int i = 0; i < 8; ++i) {
            const std::string name = sfx + "-cr" + std::to_string(i);
            json labels = marker;
            if (chance(0.4))
                labels[la] = "true";
            if (chance(0.3))
                labels[lb] = "true";
            if (chance(0.4))
                labels[lt] = chance(0.5) ? "x" : "y";
            w.objects.push_back({{"apiVersion", "rbac.authorization.k8s.io/v1"}, {"kind", "ClusterRole"},
                                 {"metadata", {{"name", name}, {"labels", labels}}}, {"rules", rules(true)}});
            clusterRoles.push_back(name);
        }
        // Aggregated ClusterRoles: rules come from kube-controller-manager. agg0 feeds agg2 (a chain).
        auto aggregated = [&](const std::string &name, json selectors, json labels) {
            w.objects.push_back({{"apiVersion", "rbac.authorization.k8s.io/v1"}, {"kind", "ClusterRole"},
                                 {"metadata", {{"name", name}, {"labels", labels}}},
                                 {"aggregationRule", {{"clusterRoleSelectors", selectors}}}});
            w.aggregated.push_back(name);
            clusterRoles.push_back(name);
        };
        json agg0Labels = marker;
        agg0Labels[lc] = "true";
        aggregated(sfx + "-agg0", json::array({{{"matchLabels", {{la, "true"}}}}}), agg0Labels);
        aggregated(sfx + "-agg1",
                   json::array({{{"matchExpressions", json::array({{{"key", lt}, {"operator", "In"},
                                                                    {"values", json::array({"x"})}}})}},
                                {{"matchLabels", {{lb, "true"}}}}}),
                   marker);
        aggregated(sfx + "-agg2",
                   json::array({{{"matchLabels", {{lc, "true"}}}},
                                {{"matchExpressions", json::array({{{"key", lt}, {"operator", "NotIn"},
                                                                    {"values", json::array({"x"})}},
                                                                   {{"key", lt}, {"operator", "Exists"}}})}}}),
                   marker);
        std::map<std::string, std::vector<std::string>> roles;
        for (const auto &ns : w.namespaces)
            for (int i = 0; i < 2; ++i) {
                const std::string name = sfx + "-r" + std::to_string(i);
                w.objects.push_back({{"apiVersion", "rbac.authorization.k8s.io/v1"}, {"kind", "Role"},
                                     {"metadata", {{"name", name}, {"namespace", ns}, {"labels", marker}}},
                                     {"rules", rules(false)}});
                roles[ns].push_back(name);
            }
        for (int i = 0; i < 8; ++i) {
            std::string role = chance(0.08) ? sfx + "-missing" : chance(0.05) ? "view" : pick(clusterRoles);
            w.objects.push_back({{"apiVersion", "rbac.authorization.k8s.io/v1"}, {"kind", "ClusterRoleBinding"},
                                 {"metadata", {{"name", sfx + "-crb" + std::to_string(i)}, {"labels", marker}}},
                                 {"roleRef", {{"apiGroup", "rbac.authorization.k8s.io"}, {"kind", "ClusterRole"},
                                              {"name", role}}},
                                 {"subjects", subjects(w, "")}});
        }
        for (const auto &ns : w.namespaces)
            for (int i = 0; i < 3; ++i) {
                json ref = {{"apiGroup", "rbac.authorization.k8s.io"}};
                const int k = upTo(100);
                if (k < 40) {
                    ref["kind"] = "Role";
                    ref["name"] = pick(roles[ns]);
                } else if (k < 45) {
                    ref["kind"] = "Role";
                    ref["name"] = sfx + "-missing";
                } else {
                    ref["kind"] = "ClusterRole";
                    ref["name"] = pick(clusterRoles);
                }
                w.objects.push_back({{"apiVersion", "rbac.authorization.k8s.io/v1"}, {"kind", "RoleBinding"},
                                     {"metadata", {{"name", sfx + "-rb" + std::to_string(i)}, {"namespace", ns},
                                                   {"labels", marker}}},
                                     {"roleRef", ref}, {"subjects", subjects(w, ns)}});
            }
        return w;
    }

    ReviewCase request(const World &w)
    {
        ReviewCase c;
        // Who: a user (with the groups a real request carries, plus some of the world's
        // groups), a service account, rarely a verbatim identity or a superuser.
        const int k = upTo(100);
        std::vector<std::string> groups;
        if (chance(0.5))
            groups = some(w.groups, 2);
        if (k < 60) {
            c.who = Identity::impersonated(pick(w.users), groups);
        } else if (k < 85) {
            const auto &sa = pick(w.serviceAccounts);
            c.who = Identity::serviceAccount(sa.first, sa.second);
            if (chance(0.3))
                c.who.groups.push_back(pick(w.groups));
        } else if (k < 98) {
            c.who = Identity::verbatim(chance(0.5) ? pick(w.users) : std::string("nobody-" + w.sfx), groups);
        } else {
            c.who = Identity::impersonated(pick(w.users), {"system:masters"});
        }
        if (chance(0.4)) {
            c.request = requestNearRule(w);
            return c;
        }
        if (chance(0.2)) {
            static const std::vector<std::string> paths = {"/healthz", "/healthz/x", "/logs", "/logs/", "/logs/a/b",
                                                           "/apis", "/apis/", "/apis/apps/v1", "/version", "/metrics",
                                                           "/api", "/other"};
            static const std::vector<std::string> verbs = {"get", "post", "put", "delete", "head"};
            c.request = RequestAttributes::forPath(pick(verbs), pick(paths));
            return c;
        }
        static const std::vector<std::string> groupsOf = {"", "", "", "apps", "batch", "rbd.example.io", "other.io"};
        static const std::vector<std::string> resources = {"pods", "configmaps", "secrets", "deployments", "jobs",
                                                           "nodes", "namespaces", "widgets", "users",
                                                           "serviceaccounts"};
        static const std::vector<std::string> subs = {"", "", "", "", "", "log", "exec", "scale", "status", "*"};
        static const std::vector<std::string> verbs = {"get",    "list",   "watch",  "create",   "update",
                                                       "patch",  "delete", "deletecollection", "escalate",
                                                       "bind",   "impersonate", "frob"};
        static const std::vector<std::string> names = {"", "", "n0", "n1", "n2"};
        std::vector<std::string> namespaces = w.namespaces;
        namespaces.push_back("");
        namespaces.push_back("");
        namespaces.push_back(w.sfx + "-none");
        c.request = RequestAttributes::forResource(pick(verbs), pick(groupsOf), pick(resources), pick(namespaces),
                                                   pick(names), pick(subs));
        return c;
    }

private:
    // A request built from a random rule of the world, so that allows and near misses
    // (one field off) are common rather than rare.
    RequestAttributes requestNearRule(const World &w)
    {
        std::vector<std::pair<std::string, const json *>> rules;  // namespace of a Role, rule
        for (const auto &o : w.objects)
            if (o.contains("rules"))
                for (const auto &r : o["rules"])
                    rules.emplace_back(o["metadata"].value("namespace", ""), &r);
        const auto &[roleNs, rulePtr] = pick(rules);
        const json &rule = *rulePtr;
        auto one = [&](const char *key, const std::vector<std::string> &fallback) {
            std::vector<std::string> v = rule.value(key, std::vector<std::string>{});
            std::string x = v.empty() ? pick(fallback) : pick(v);
            return x == "*" || chance(0.1) ? pick(fallback) : x;
        };
        static const std::vector<std::string> verbs = {"get", "list", "watch", "create", "update", "patch", "delete",
                                                       "deletecollection", "bind", "escalate"};
        const std::string verb = one("verbs", verbs);
        if (rule.contains("nonResourceURLs")) {
            std::string url = one("nonResourceURLs", {"/healthz", "/logs/", "/apis/x"});
            if (!url.empty() && url.back() == '*')
                url = url.substr(0, url.size() - 1) + (chance(0.5) ? "" : "deeper/path");
            return RequestAttributes::forPath(verb, url);
        }
        const std::string group = one("apiGroups", {"", "apps", "batch", "other.io"});
        std::string resource = one("resources", {"pods", "configmaps", "deployments", "nodes", "pods/log"});
        std::string sub;
        if (auto slash = resource.find('/'); slash != std::string::npos) {
            sub = resource.substr(slash + 1);
            resource = resource.substr(0, slash);
            if (resource == "*")
                resource = pick(std::vector<std::string>{"pods", "deployments", "jobs", "widgets"});
        } else if (chance(0.15)) {
            sub = pick(std::vector<std::string>{"log", "scale", "status"});
        }
        std::string name = chance(0.5) ? one("resourceNames", {"n0", "n1", "n2", ""}) : std::string();
        std::vector<std::string> namespaces = w.namespaces;
        namespaces.push_back("");
        const std::string ns = !roleNs.empty() && chance(0.7) ? roleNs : pick(namespaces);
        return RequestAttributes::forResource(verb, group, resource, ns, name, sub);
    }

    std::mt19937 m_rng;
};

GroupVersionResource gvrOf(const json &object)
{
    const std::string kind = object.value("kind", "");
    if (kind == "Namespace")
        return TenancyApi::namespaces;
    if (kind == "ClusterRole")
        return TenancyApi::rbacClusterRole;
    if (kind == "ClusterRoleBinding")
        return TenancyApi::rbacClusterRoleBinding;
    if (kind == "Role")
        return TenancyApi::rbacRole;
    return TenancyApi::rbacRoleBinding;
}

// "ClusterRoleBinding \"x\"" out of "RBAC: allowed by ClusterRoleBinding \"x\" of ClusterRole ...".
std::string bindingOfReason(const std::string &reason)
{
    const std::string from = "allowed by ";
    auto a = reason.find(from);
    if (a == std::string::npos)
        return {};
    a += from.size();
    auto b = reason.find(" of ", a);
    return b == std::string::npos ? std::string() : reason.substr(a, b - a);
}

} // namespace

class tst_RbacDifferential : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void decisionsAgreeWithSubjectAccessReview();
    void realRequestsAgree();

private:
    bool writeWorld(const World &w);
    bool waitForAggregation(const World &w, QString &why);
    bool writeSentinelsAndWait(const World &w, QString &why);
    void checkOffline(const RbacData &data, const std::vector<ReviewCase> &cases, const std::vector<bool> &live);

    std::unique_ptr<Client> m_admin;
    std::string m_run;
    std::vector<World> m_worlds;
    uint32_t m_seed = 0;
};

void tst_RbacDifferential::initTestCase()
{
    auto cfg = clusterenv::transportFor(clusterenv::kubeconfigPath("admin"));
    QVERIFY2(cfg.ok(), cfg.ok() ? "" : cfg.error().describe().c_str());
    cfg->qps = 0;  // reviews in bulk: no client-side throttle (admin is exempt from APF)
    m_admin = std::make_unique<Client>(std::move(*cfg));
    m_run = clusterenv::uniqueName("rbd");
    m_seed = qEnvironmentVariableIsSet("TENANTRY_RBAC_SEED")
                 ? uint32_t(qEnvironmentVariableIntValue("TENANTRY_RBAC_SEED"))
                 : uint32_t(std::random_device{}());
    qInfo("seed %u (set TENANTRY_RBAC_SEED=%u to replay), run %s", m_seed, m_seed, m_run.c_str());
}

void tst_RbacDifferential::cleanupTestCase()
{
    if (!m_admin)
        return;
    // Cluster-wide objects first, then the namespaces (which take their roles along).
    for (auto it = m_worlds.rbegin(); it != m_worlds.rend(); ++it)
        for (auto o = it->objects.rbegin(); o != it->objects.rend(); ++o) {
            const std::string kind = o->value("kind", "");
            if (kind == "Role" || kind == "RoleBinding")
                continue;
            (void)m_admin->remove(gvrOf(*o), "", (*o)["metadata"].value("name", ""));
        }
    for (const auto &w : m_worlds) {
        const std::string name = w.sfx + "-sentinel";
        (void)m_admin->remove(TenancyApi::rbacClusterRoleBinding, "", name);
        (void)m_admin->remove(TenancyApi::rbacClusterRole, "", name);
    }
}

bool tst_RbacDifferential::writeWorld(const World &w)
{
    for (const auto &o : w.objects) {
        const auto gvr = gvrOf(o);
        const std::string ns = gvr.namespaced ? o["metadata"].value("namespace", "") : std::string();
        auto created = m_admin->create(gvr, ns, o);
        if (!created) {
            qWarning("create %s failed: %s", o.dump().c_str(), created.error().describe().c_str());
            return false;
        }
    }
    return true;
}

bool tst_RbacDifferential::waitForAggregation(const World &w, QString &why)
{
    // kube-controller-manager fills aggregated ClusterRoles; wait until what it stored equals
    // what the local predictor says, which is itself the check of the prediction.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    for (;;) {
        auto list = m_admin->list(TenancyApi::rbacClusterRole, "");
        if (!list) {
            why = qs(list.error().describe());
            return false;
        }
        std::vector<Role> roles;
        for (auto &item : list->items) {
            item["apiVersion"] = "rbac.authorization.k8s.io/v1";
            item["kind"] = "ClusterRole";
            roles.push_back(Role::fromJson(item));
        }
        const auto predicted = AggregationPredictor::predict(roles);
        why.clear();
        for (const auto &r : roles) {
            auto p = predicted.find(r.name);
            if (p == predicted.end())
                continue;
            // This world's aggregated roles and the bootstrap ones (admin/edit/view) must match;
            // roles other tests may be creating meanwhile are not this test's business.
            const bool ours = std::find(w.aggregated.begin(), w.aggregated.end(), r.name) != w.aggregated.end();
            const auto boot = r.labels.find("kubernetes.io/bootstrapping");
            if (!ours && (boot == r.labels.end() || boot->second != "rbac-defaults"))
                continue;
            if (!AggregationPredictor::sameRuleSet(r.rules, p->second.rules))
                why += qs("ClusterRole " + r.name + ": stored " + PolicyRule::listToJson(r.rules).dump() +
                          " predicted " + PolicyRule::listToJson(p->second.rules).dump() + "\n");
        }
        if (why.isEmpty())
            return true;
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
}

bool tst_RbacDifferential::writeSentinelsAndWait(const World &w, QString &why)
{
    // RBAC reads informer caches; each kind's events arrive in order, so once a sentinel
    // written after everything else of its kind is visible, the rest is too.
    const std::string name = w.sfx + "-sentinel";
    const std::string ns = w.namespaces.front();
    const json rule = {{"apiGroups", json::array({"rbd.sentinel"})}, {"resources", json::array({name})},
                       {"verbs", json::array({"get"})}};
    const json objects[] = {
        {{"apiVersion", "rbac.authorization.k8s.io/v1"}, {"kind", "ClusterRole"}, {"metadata", {{"name", name}}},
         {"rules", json::array({rule})}},
        {{"apiVersion", "rbac.authorization.k8s.io/v1"}, {"kind", "Role"},
         {"metadata", {{"name", name}, {"namespace", ns}}}, {"rules", json::array({rule})}},
        {{"apiVersion", "rbac.authorization.k8s.io/v1"}, {"kind", "ClusterRoleBinding"}, {"metadata", {{"name", name}}},
         {"roleRef", {{"apiGroup", "rbac.authorization.k8s.io"}, {"kind", "ClusterRole"}, {"name", name}}},
         {"subjects", json::array({{{"kind", "User"}, {"name", name + "-c"}}})}},
        {{"apiVersion", "rbac.authorization.k8s.io/v1"}, {"kind", "RoleBinding"},
         {"metadata", {{"name", name}, {"namespace", ns}}},
         {"roleRef", {{"apiGroup", "rbac.authorization.k8s.io"}, {"kind", "Role"}, {"name", name}}},
         {"subjects", json::array({{{"kind", "User"}, {"name", name + "-n"}}})}},
    };
    for (const auto &o : objects) {
        const auto gvr = gvrOf(o);
        auto created = m_admin->create(gvr, gvr.namespaced ? ns : std::string(), o);
        if (!created) {
            why = qs(created.error().describe());
            return false;
        }
    }
    AccessReviewer reviewer(*m_admin);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    for (;;) {
        auto c = reviewer.review(Identity::verbatim(name + "-c"),
                                 RequestAttributes::forResource("get", "rbd.sentinel", name, ns));
        auto n = reviewer.review(Identity::verbatim(name + "-n"),
                                 RequestAttributes::forResource("get", "rbd.sentinel", name, ns));
        if (c && n && c->allowed && n->allowed)
            return true;
        if (std::chrono::steady_clock::now() > deadline) {
            why = "the authorizer's caches never showed the sentinel bindings";
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

void tst_RbacDifferential::checkOffline(const RbacData &data, const std::vector<ReviewCase> &cases,
                                        const std::vector<bool> &live)
{
    // The same objects as manifests in every accepted shape: multi-document YAML, a JSON v1
    // List, single JSON objects in a sub-folder, a YAML v1 List.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::filesystem::path root = dir.path().toStdString();
    std::filesystem::create_directories(root / "roles");
    std::vector<json> clusterRoles, clusterBindings, bindings, other;
    size_t singles = 0;
    for (const auto &[key, obj] : data.objects()) {
        if (key.kind == "ClusterRole")
            clusterRoles.push_back(obj);
        else if (key.kind == "ClusterRoleBinding")
            clusterBindings.push_back(obj);
        else if (key.kind == "RoleBinding")
            bindings.push_back(obj);
        else if (key.kind == "Role")
            std::ofstream(root / "roles" / ("r" + std::to_string(singles++) + ".json")) << obj.dump(2);
        else
            other.push_back(obj);
    }
    std::ofstream(root / "clusterroles.yaml") << toYamlDocuments(clusterRoles);
    std::ofstream(root / "clusterrolebindings.json")
        << json{{"apiVersion", "v1"}, {"kind", "List"}, {"items", clusterBindings}}.dump();
    std::ofstream(root / "rolebindings.yml") << toYaml(json{{"apiVersion", "v1"}, {"kind", "List"}, {"items", bindings}});
    std::ofstream(root / "other.yaml") << toYamlDocuments(other);
    auto offline = RbacLoader::fromPath(root.string());
    QVERIFY2(offline.ok(), offline.ok() ? "" : offline.error().describe().c_str());
    QCOMPARE(offline->data.size(), data.size());
    Evaluator evaluator(RbacIndex::build(offline->data));
    for (size_t i = 0; i < cases.size(); ++i) {
        const bool answer = evaluator.allowed(cases[i].who, cases[i].request);
        if (answer != live[i])
            QFAIL(qPrintable("offline differs from live: " + qs(cases[i].request.toString() + " as " +
                                                                  cases[i].who.toString())));
    }
}

void tst_RbacDifferential::decisionsAgreeWithSubjectAccessReview()
{
    const int total = qEnvironmentVariableIsSet("TENANTRY_RBAC_CHECKS")
                          ? qEnvironmentVariableIntValue("TENANTRY_RBAC_CHECKS")
                          : 2000;
    const int perWorld = 1000;
    Generator gen(m_seed);
    AccessReviewer reviewer(*m_admin);
    int checked = 0, allowed = 0, reasonsCompared = 0, worldNo = 0;
    std::vector<QString> failures;
    const auto started = std::chrono::steady_clock::now();
    double reviewSeconds = 0;
    while (checked < total) {
        World w = gen.world(m_run + "-w" + std::to_string(worldNo++));
        m_worlds.push_back(w);
        QVERIFY2(writeWorld(w), "writing the random world failed");
        QString why;
        QVERIFY2(waitForAggregation(w, why), qPrintable("aggregation prediction differs from kube-controller-manager:\n" + why));
        QVERIFY2(writeSentinelsAndWait(w, why), qPrintable(why));

        auto loaded = RbacLoader::fromClient(*m_admin);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().describe().c_str());
        Evaluator evaluator(RbacIndex::build(loaded->data));

        std::vector<ReviewCase> cases;
        const int n = std::min(perWorld, total - checked);
        for (int i = 0; i < n; ++i)
            cases.push_back(gen.request(w));
        const auto t0 = std::chrono::steady_clock::now();
        const auto answers = reviewer.reviewAll(cases, 4);
        reviewSeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        std::vector<bool> live;
        for (size_t i = 0; i < cases.size(); ++i) {
            QVERIFY2(answers[i].ok(), answers[i].ok() ? "" : answers[i].error().describe().c_str());
            const Decision d = evaluator.authorize(cases[i].who, cases[i].request, 3);
            live.push_back(d.allowed);
            ++checked;
            allowed += d.allowed;
            if (d.allowed != answers[i]->allowed) {
                failures.push_back(qs("DISAGREEMENT (world " + w.sfx + "): " + cases[i].request.toString() +
                                      " as " + cases[i].who.toString() + "\n  server: " +
                                      (answers[i]->allowed ? "allowed " : "denied ") + answers[i]->reason +
                                      answers[i]->evaluationError + "\n  local:\n" + d.explain()));
                continue;
            }
            // The binding the server names must be one of the local paths.
            const std::string serverBinding = bindingOfReason(answers[i]->reason);
            if (d.allowed && !serverBinding.empty()) {
                bool found = false;
                for (const auto &p : evaluator.allGrants(cases[i].who, cases[i].request)) {
                    Decision one;
                    one.allowed = true;
                    one.basis = Decision::Basis::Rule;
                    one.grant = p;
                    if (bindingOfReason(one.reason()) == serverBinding)
                        found = true;
                }
                ++reasonsCompared;
                if (!found)
                    failures.push_back(qs("REASON DIFFERS: " + cases[i].request.toString() + " as " +
                                          cases[i].who.toString() + ": server " + answers[i]->reason +
                                          "; local paths do not include it\n" + d.explain()));
            }
        }
        checkOffline(loaded->data, cases, live);
        if (QTest::currentTestFailed())
            return;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    qInfo("%d checks in %d worlds (%d allowed, %d denied), %d server reasons matched a local path; "
          "%.1f s total, %.2f s in SubjectAccessReviews; %zu disagreements",
          checked, worldNo, allowed, checked - allowed, reasonsCompared, seconds, reviewSeconds, failures.size());
    for (size_t i = 0; i < failures.size() && i < 20; ++i)
        qWarning("%s", qPrintable(failures[i]));
    QVERIFY2(failures.empty(), qPrintable(QString::number(failures.size()) + " disagreement(s); first:\n" +
                                          (failures.empty() ? QString() : failures.front())));
    QVERIFY(checked >= total);
    // Both answers must be well represented, or the test proves little.
    QVERIFY2(allowed > checked / 20 && allowed < checked - checked / 20, "the generator is badly unbalanced");
}

void tst_RbacDifferential::realRequestsAgree()
{
    // The request attributes the server derives from real URLs (fieldSelector names, the
    // namespace object, subresources, non-resource paths) through impersonated requests: a 403
    // is a denial, any other status means authorization passed.
    QVERIFY(!m_worlds.empty());
    const World &w = m_worlds.front();
    const std::string ns = w.namespaces.front();
    const std::string user = w.sfx + "-reader";
    const json role = {{"apiVersion", "rbac.authorization.k8s.io/v1"}, {"kind", "Role"},
                       {"metadata", {{"name", user}, {"namespace", ns}}},
                       {"rules", json::array({{{"apiGroups", json::array({""})},
                                               {"resources", json::array({"configmaps"})},
                                               {"resourceNames", json::array({"n0"})},
                                               {"verbs", json::array({"get", "list", "watch"})}}})}};
    const json binding = {{"apiVersion", "rbac.authorization.k8s.io/v1"}, {"kind", "RoleBinding"},
                          {"metadata", {{"name", user}, {"namespace", ns}}},
                          {"roleRef", {{"apiGroup", "rbac.authorization.k8s.io"}, {"kind", "Role"}, {"name", user}}},
                          {"subjects", json::array({{{"kind", "User"}, {"name", user}}})}};
    QVERIFY(m_admin->create(TenancyApi::rbacRole, ns, role).ok());
    QVERIFY(m_admin->create(TenancyApi::rbacRoleBinding, ns, binding).ok());
    AccessReviewer reviewer(*m_admin);
    for (int i = 0; i < 600; ++i) {
        auto a = reviewer.review(Identity::impersonated(user),
                                 RequestAttributes::forResource("get", "", "configmaps", ns, "n0"));
        if (a && a->allowed)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    auto loaded = RbacLoader::fromClient(*m_admin);
    QVERIFY(loaded.ok());
    Evaluator evaluator(RbacIndex::build(loaded->data));

    const std::vector<std::string> urls = {
        "/api/v1/namespaces/" + ns + "/configmaps?fieldSelector=metadata.name%3Dn0",
        "/api/v1/namespaces/" + ns + "/configmaps?fieldSelector=metadata.name==n0&limit=5",
        "/api/v1/namespaces/" + ns + "/configmaps?fieldSelector=metadata.name=n1",
        "/api/v1/namespaces/" + ns + "/configmaps?fieldSelector=metadata.name!=n0",
        "/api/v1/namespaces/" + ns + "/configmaps",
        "/api/v1/namespaces/" + ns + "/configmaps/n0",
        "/api/v1/namespaces/" + ns + "/configmaps/n1",
        "/api/v1/configmaps?fieldSelector=metadata.name=n0",
        "/api/v1/namespaces/" + ns,
        "/api/v1/namespaces/" + ns + "/pods/n0/log",
        "/apis/apps/v1/namespaces/" + ns + "/deployments/n1/scale",
        "/api/v1/nodes/n0",
        "/api/v1/namespaces/" + ns + "/secrets",
        "/apis/batch/v1/namespaces/" + ns + "/jobs/n0/status",
        "/healthz",
        "/version",
        "/logs/",
        "/apis/apps/v1",
        "/metrics",
    };
    std::vector<Identity> who = {Identity::impersonated(user)};
    for (const auto &u : w.users)
        who.push_back(Identity::impersonated(u));
    for (const auto &sa : w.serviceAccounts)
        who.push_back(Identity::serviceAccount(sa.first, sa.second));
    int compared = 0;
    for (const auto &id : who)
        for (const auto &url : urls) {
            HttpRequest req;
            req.method = "GET";
            req.path = url;
            req.setHeader("Impersonate-User", id.name);
            // SA identities: the server gives them their groups itself when none are sent.
            if (!id.isServiceAccount())
                for (const auto &g : id.groups)
                    if (g != "system:authenticated")
                        req.headers.push_back({"Impersonate-Group", g});
            auto resp = m_admin->transport().send(req);
            QVERIFY2(resp.ok(), resp.ok() ? "" : resp.error().describe().c_str());
            auto attrs = RequestAttributes::fromHttp("GET", url);
            QVERIFY(attrs.ok());
            const bool local = evaluator.allowed(id, *attrs);
            const bool server = resp->status != 403;
            if (local != server)
                QFAIL(qPrintable(qs("GET " + url + " as " + id.toString() + ": server status " +
                                    std::to_string(resp->status) + ", local " + (local ? "allowed" : "denied") +
                                    " for " + attrs->toString() + "\n" + evaluator.authorize(id, *attrs).explain())));
            ++compared;
        }
    qInfo("%d impersonated real requests agree", compared);
    (void)m_admin->remove(TenancyApi::rbacRoleBinding, ns, user);
    (void)m_admin->remove(TenancyApi::rbacRole, ns, user);
}

QTEST_GUILESS_MAIN(tst_RbacDifferential)
#include "tst_rbacdifferential.moc"
