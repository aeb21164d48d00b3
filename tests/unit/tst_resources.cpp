// Checks resources/crds and resources/builtins against the spec (kubesphere-tenancy-api.md 2, 3, 6, 7)
// without a cluster: shapes of every CRD, the built-in set, their cross-references and rules.
#include "kubeclient/api/client.h"
#include "kubeclient/tenancy/install/installer.h"
#include "kubeclient/core/yamlconvert.h"

#ifdef TENANTRY_HAVE_EMBEDDED_RESOURCES
#include "resources/manifests.h"
#endif

#include <nlohmann/json.hpp>

#include <QDir>
#include <QFile>
#include <QtTest/QtTest>

#include <algorithm>
#include <map>
#include <regex>
#include <set>

using nlohmann::json;

namespace {

QString resourcesDir()
{
#ifdef TENANTRY_RESOURCES_DIR
    return QStringLiteral(TENANTRY_RESOURCES_DIR);
#else
    return QStringLiteral(TENANTRY_TEST_DATA "/../../resources");
#endif
}

struct Doc {
    std::string file;
    json object;
};

std::string readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().toStdString();
}

// name relative to the source root -> text, as the embedding names them
std::vector<std::pair<std::string, std::string>> filesIn(const QString &sub)
{
    std::vector<std::pair<std::string, std::string>> out;
    QDir dir(resourcesDir() + "/" + sub);
    for (const auto &name : dir.entryList({"*.yaml"}, QDir::Files, QDir::Name))
        out.emplace_back("resources/" + sub.toStdString() + "/" + name.toStdString(),
                         readFile(dir.filePath(name)));
    return out;
}

std::vector<Doc> docsIn(const QString &sub)
{
    std::vector<Doc> out;
    for (const auto &[name, text] : filesIn(sub)) {
        auto docs = kube::parseYamlDocuments(text, name);
        if (!docs) {
            qWarning("%s", docs.error().describe().c_str());
            continue;
        }
        for (auto &d : *docs)
            out.push_back({name, std::move(d)});
    }
    return out;
}

std::string str(const json &o, const json::json_pointer &p)
{
    return o.contains(p) && o.at(p).is_string() ? o.at(p).get<std::string>() : std::string();
}

std::string label(const json &o, const std::string &key)
{
    const auto &labels = o.value("metadata", json::object()).value("labels", json::object());
    return labels.contains(key) && labels[key].is_string() ? labels[key].get<std::string>() : std::string("<absent>");
}

std::string name(const json &o) { return str(o, "/metadata/name"_json_pointer); }

std::vector<std::string> strings(const json &a)
{
    std::vector<std::string> out;
    if (a.is_array())
        for (const auto &s : a)
            out.push_back(s.get<std::string>());
    return out;
}

bool containsOrStar(const json &list, const std::string &value)
{
    const auto v = strings(list);
    return std::find(v.begin(), v.end(), "*") != v.end() || std::find(v.begin(), v.end(), value) != v.end();
}

// Kubernetes RBAC matching for one request tuple (resource may be "pods/log").
bool allows(const json &rules, const std::string &group, const std::string &resource, const std::string &verb,
            const std::string &resourceName = {})
{
    for (const auto &r : rules) {
        if (!containsOrStar(r.value("verbs", json::array()), verb) || !r.contains("resources"))
            continue;
        if (!containsOrStar(r["apiGroups"], group))
            continue;
        bool resourceOk = containsOrStar(r["resources"], resource);
        if (!resourceOk && resource.find('/') != std::string::npos)
            resourceOk = containsOrStar(r["resources"], "*" + resource.substr(resource.find('/')));
        if (!resourceOk)
            continue;
        const auto names = strings(r.value("resourceNames", json::array()));
        if (!names.empty() && std::find(names.begin(), names.end(), resourceName) == names.end())
            continue;
        return true;
    }
    return false;
}

bool allowsUrl(const json &rules, const std::string &url, const std::string &verb)
{
    for (const auto &r : rules) {
        if (!containsOrStar(r.value("verbs", json::array()), verb))
            continue;
        for (const auto &u : strings(r.value("nonResourceURLs", json::array()))) {
            if (u == url || u == "*" || (u.back() == '*' && url.rfind(u.substr(0, u.size() - 1), 0) == 0))
                return true;
        }
    }
    return false;
}

// Every (group, resource, verb, name) and (url, verb) tuple of `rule` is allowed by `rules`.
bool covers(const json &rules, const json &rule, std::string *missing)
{
    for (const auto &verb : strings(rule["verbs"])) {
        for (const auto &url : strings(rule.value("nonResourceURLs", json::array()))) {
            if (!allowsUrl(rules, url, verb)) {
                *missing = verb + " " + url;
                return false;
            }
        }
        auto names = strings(rule.value("resourceNames", json::array()));
        if (names.empty())
            names.push_back({});
        for (const auto &group : strings(rule.value("apiGroups", json::array())))
            for (const auto &resource : strings(rule.value("resources", json::array())))
                for (const auto &n : names)
                    if (!allows(rules, group, resource, verb, n)) {
                        *missing = verb + " " + resource + "." + (group.empty() ? "core" : group);
                        return false;
                    }
    }
    return true;
}

bool selectorMatches(const json &selector, const json &labels)
{
    const json matchLabels = selector.value("matchLabels", json::object());  // items() must not outlive it
    for (const auto &[k, v] : matchLabels.items())
        if (!labels.contains(k) || labels[k] != v)
            return false;
    for (const auto &e : selector.value("matchExpressions", json::array())) {
        const std::string key = e["key"], op = e["operator"];
        const auto values = strings(e.value("values", json::array()));
        const bool has = labels.contains(key);
        const bool in = has && std::find(values.begin(), values.end(), labels[key].get<std::string>()) != values.end();
        if ((op == "In" && !in) || (op == "NotIn" && in) || (op == "Exists" && !has) || (op == "DoesNotExist" && has))
            return false;
    }
    return true;
}

const char *scopeOfRoleKind(const std::string &kind)
{
    if (kind == "GlobalRole")
        return "global";
    if (kind == "ClusterRole")
        return "cluster";
    if (kind == "WorkspaceRole")
        return "workspace";
    if (kind == "Role")
        return "namespace";
    return "";
}

// Walks a CRD schema and reports nodes that make it non-structural (no type where one is required).
void checkStructural(const json &node, const std::string &path, bool underPreserve, std::vector<std::string> &problems)
{
    if (!node.is_object())
        return;
    const bool preserve = node.value("x-kubernetes-preserve-unknown-fields", false);
    const bool intOrString = node.value("x-kubernetes-int-or-string", false);
    if (!node.contains("type") && !intOrString && !(preserve || underPreserve))
        problems.push_back(path + ": no type");
    if (node.contains("properties"))
        for (const auto &[k, v] : node["properties"].items())
            checkStructural(v, path + "." + k, false, problems);
    if (node.contains("items"))
        checkStructural(node["items"], path + "[]", false, problems);
    if (node.contains("additionalProperties") && node["additionalProperties"].is_object())
        checkStructural(node["additionalProperties"], path + "{}", false, problems);
    if (node.value("type", std::string()) == "object" && !node.contains("properties")
        && !node.contains("additionalProperties") && !preserve && path != "" && path.find("metadata") == std::string::npos
        && path.find(".status") == std::string::npos && path.find(".spec") == std::string::npos)
        problems.push_back(path + ": an object with neither properties nor preserve-unknown-fields prunes everything");
}

struct ExpectedCrd {
    const char *group, *kind, *plural;
    bool namespaced;
    std::vector<std::string> versions;  // last one is the storage version
    std::vector<std::string> deprecated;
    bool status;
    std::vector<std::string> columns;
};

const std::vector<ExpectedCrd> &expectedCrds()
{
    static const std::vector<ExpectedCrd> e = {
        {"tenant.kubesphere.io", "Workspace", "workspaces", false, {"v1alpha1", "v1beta1"}, {"v1alpha1"}, false, {}},
        {"tenant.kubesphere.io", "WorkspaceTemplate", "workspacetemplates", false, {"v1alpha2", "v1beta1"}, {"v1alpha2"}, false, {}},
        {"iam.kubesphere.io", "User", "users", false, {"v1alpha2", "v1beta1"}, {"v1alpha2"}, false, {"Email", "Status"}},
        {"iam.kubesphere.io", "LoginRecord", "loginrecords", false, {"v1alpha2", "v1beta1"}, {"v1alpha2"}, false,
         {"Type", "Provider", "From", "Success", "Reason", "Age"}},
        {"iam.kubesphere.io", "GlobalRole", "globalroles", false, {"v1alpha2", "v1beta1"}, {"v1alpha2"}, false, {}},
        {"iam.kubesphere.io", "GlobalRoleBinding", "globalrolebindings", false, {"v1alpha2", "v1beta1"}, {"v1alpha2"}, false, {}},
        {"iam.kubesphere.io", "WorkspaceRole", "workspaceroles", false, {"v1alpha2", "v1beta1"}, {"v1alpha2"}, false,
         {"Workspace", "Alias"}},
        {"iam.kubesphere.io", "WorkspaceRoleBinding", "workspacerolebindings", false, {"v1alpha2", "v1beta1"}, {"v1alpha2"},
         false, {"Workspace"}},
        {"iam.kubesphere.io", "Group", "groups", false, {"v1alpha2", "v1beta1"}, {"v1alpha2"}, false, {"Workspace"}},
        {"iam.kubesphere.io", "GroupBinding", "groupbindings", false, {"v1alpha2", "v1beta1"}, {"v1alpha2"}, false,
         {"Group", "Users"}},
        {"iam.kubesphere.io", "Role", "roles", true, {"v1beta1"}, {}, false, {}},
        {"iam.kubesphere.io", "RoleBinding", "rolebindings", true, {"v1beta1"}, {}, false, {}},
        {"iam.kubesphere.io", "ClusterRole", "clusterroles", false, {"v1beta1"}, {}, false, {}},
        {"iam.kubesphere.io", "ClusterRoleBinding", "clusterrolebindings", false, {"v1beta1"}, {}, false, {}},
        {"iam.kubesphere.io", "RoleTemplate", "roletemplates", false, {"v1beta1"}, {}, false, {}},
        {"iam.kubesphere.io", "BuiltinRole", "builtinroles", false, {"v1beta1"}, {}, false, {}},
        {"iam.kubesphere.io", "Category", "categories", false, {"v1beta1"}, {}, false, {}},
        {"quota.kubesphere.io", "ResourceQuota", "resourcequotas", false, {"v1alpha2"}, {}, true, {}},
    };
    return e;
}


// KubeSphere 4.1's role templates as its console reads them (ks-core chart roletemplates.yaml,
// roletemplate-categories.yaml): scope, category, the iam.kubesphere.io/role-template-rules menu
// keys, dependencies and the labels that steer pickers and built-in roles. Tenantry must ship each
// of them so the console computes the same menus for roles Tenantry composed.
struct ExpectedTemplate {
    const char *name, *category, *menu, *dependencies;
    const char *flags;  // "hidden", "basic", "to=<role>,<role>" (aggregate-to-*), space separated
};

const std::vector<ExpectedTemplate> &kubesphereTemplates()
{
    static const std::vector<ExpectedTemplate> e = {
        {"global-create-workspaces", "global-workspace-management", R"({"workspaces":"create"})", "", ""},
        {"global-view-workspaces", "global-workspace-management", R"({"workspaces":"view"})", "", ""},
        {"global-manage-workspaces", "global-workspace-management", R"({"workspaces":"manage"})", "", ""},
        {"global-view-clusters", "global-cluster-management", R"({"clusters":"view"})", "", ""},
        {"global-manage-clusters", "global-cluster-management", R"({"clusters":"manage"})", "global-view-clusters", ""},
        {"global-manage-platform-settings", "global-platform-settings", R"({"platform-settings":"manage"})", "", "hidden"},
        {"global-view-roles", "global-access-control", R"({"roles":"view"})", "global-view-users", ""},
        {"global-manage-roles", "global-access-control", R"({"roles":"manage"})", "", "hidden"},
        {"global-view-users", "global-access-control", R"({"users":"view"})", "", ""},
        {"global-manage-users", "global-access-control", R"({"users":"manage"})", "", "hidden"},
        {"global-role-template-manage-app", "manage-app", R"({"manage-app":"manage"})", "", "to=admin"},

        {"cluster-view-cluster-settings", "cluster-settings", R"({"cluster-settings":"view"})", "", "to=cluster-viewer"},
        {"cluster-manage-cluster-settings", "cluster-settings", R"({"cluster-settings":"manage"})", "", ""},
        {"cluster-view-crds", "cluster-resource-management", R"({"customresources":"view"})", "", "to=cluster-viewer"},
        {"cluster-manage-crds", "cluster-resource-management", R"({"customresources":"manage"})", "", ""},
        {"cluster-view-members", "cluster-access-control", R"({"members":"view"})", "", "to=cluster-viewer"},
        {"cluster-manage-members", "cluster-access-control", R"({"members":"manage"})",
         "cluster-view-roles,cluster-view-members", ""},
        {"cluster-view-roles", "cluster-access-control", R"({"roles":"view"})", "cluster-view-members", "to=cluster-viewer"},
        {"cluster-manage-roles", "cluster-access-control", R"({"roles":"manage"})", "cluster-view-roles", ""},
        {"cluster-view-nodes", "cluster-resource-management", R"({"nodes":"view"})", "", "to=cluster-viewer"},
        {"cluster-manage-nodes", "cluster-resource-management", R"({"nodes":"manage"})", "cluster-view-nodes", ""},
        {"cluster-view-app-workloads", "cluster-app-workloads-management",
         R"({"deployments":"view","statefulsets":"view","daemonsets":"view","jobs":"view","cronjobs":"view","pods":"view",
             "services":"view","ingresses":"view","configmaps":"view","secrets":"view","serviceaccounts":"view"})",
         "cluster-view-projects", ""},
        {"cluster-manage-app-workloads", "cluster-app-workloads-management",
         R"({"deployments":"manage","statefulsets":"manage","daemonsets":"manage","jobs":"manage","cronjobs":"manage",
             "pods":"manage","services":"manage","ingresses":"manage","configmaps":"manage","secrets":"manage",
             "serviceaccounts":"manage"})",
         "cluster-view-app-workloads,cluster-view-projects", ""},
        {"cluster-view-projects", "cluster-project-management", R"({"projects":"view"})", "", "to=cluster-viewer"},
        {"cluster-manage-projects", "cluster-project-management", R"({"projects":"manage"})", "cluster-view-projects", ""},
        {"cluster-view-storageclasses", "cluster-storage-management", R"({"storageclasses":"view"})",
         "cluster-view-persistentvolumeclaims", "to=cluster-viewer"},
        {"cluster-manage-storageclasses", "cluster-storage-management", R"({"storageclasses":"manage"})",
         "cluster-view-persistentvolumeclaims,cluster-view-storageclasses", ""},
        {"cluster-view-persistentvolumeclaims", "cluster-storage-management", R"({"persistentvolumeclaims":"view"})", "",
         "to=cluster-viewer"},
        {"cluster-manage-persistentvolumeclaims", "cluster-storage-management", R"({"persistentvolumeclaims":"manage"})",
         "cluster-view-persistentvolumeclaims,cluster-view-storageclasses", ""},
        {"cluster-view-components", "cluster-resource-management", R"({"components":"view"})", "", "to=cluster-viewer"},

        {"workspace-view-workspace-settings", "workspace-settings", R"({"workspace-settings":"view"})", "",
         "hidden basic to=regular,viewer,self-provisioner"},
        {"workspace-manage-workspace-settings", "workspace-settings", R"({"workspace-settings":"manage"})", "", "hidden"},
        {"workspace-create-projects", "workspace-project-management", R"({"projects":"create"})", "", "to=self-provisioner"},
        {"workspace-view-projects", "workspace-project-management", R"({"projects":"view"})", "", "to=viewer"},
        {"workspace-manage-projects", "workspace-project-management", R"({"projects":"manage"})",
         "workspace-view-projects,workspace-view-members,workspace-create-projects", ""},
        {"workspace-view-members", "workspace-access-control", R"({"members":"view"})", "", "to=viewer"},
        {"workspace-manage-members", "workspace-access-control", R"({"members":"manage"})", "", "hidden"},
        {"workspace-view-roles", "workspace-access-control", R"({"roles":"view"})", "workspace-view-members", "to=viewer"},
        {"workspace-manage-roles", "workspace-access-control", R"({"roles":"manage"})", "", "hidden"},
        {"workspace-view-app-repos", "workspace-app", R"({"app-repos":"view"})", "", "to=viewer"},
        {"workspace-manage-app-repos", "workspace-app", R"({"app-repos":"manage"})", "workspace-view-app-repos",
         "to=self-provisioner,admin"},
        {"workspace-view-app-templates", "workspace-app", R"({"app-templates":"view"})", "", "to=viewer"},
        {"workspace-view-create-app-templates", "workspace-app", R"({"app-templates":"view"})", "", "to=viewer"},
        {"workspace-delete-app-templates", "workspace-app", R"({"app-templates":"view"})", "", "to=viewer"},
        {"workspace-manage-app-templates", "workspace-app", R"({"app-templates":"manage"})",
         "workspace-view-app-templates,workspace-view-create-app-templates,workspace-delete-app-templates",
         "to=self-provisioner,admin"},

        {"namespace-view-project-settings", "namespace-settings", R"({"project-settings":"view"})", "",
         "hidden basic to=operator,viewer"},
        {"namespace-manage-project-settings", "namespace-settings", R"({"project-settings":"manage"})", "", "hidden"},
        {"namespace-view-members", "namespace-access-control", R"({"members":"view"})", "", "to=operator,viewer"},
        {"namespace-manage-members", "namespace-access-control", R"({"members":"manage"})", "", "hidden"},
        {"namespace-view-roles", "namespace-access-control", R"({"roles":"view"})", "namespace-view-members",
         "to=operator,viewer"},
        {"namespace-manage-roles", "namespace-access-control", R"({"roles":"manage"})", "", "hidden"},
        // KubeSphere also names namespace-view-volumes, which 4.1 does not ship (see the YAML).
        {"namespace-view-app-workloads", "namespace-application-workloads",
         R"({"applications":"view","deployments":"view","statefulsets":"view","daemonsets":"view","jobs":"view",
             "cronjobs":"view","pods":"view","services":"view","ingresses":"view"})",
         "namespace-view-secrets,namespace-view-configmaps", "to=operator,viewer"},
        {"namespace-manage-app-workloads", "namespace-application-workloads",
         R"({"applications":"manage","deployments":"manage","statefulsets":"manage","daemonsets":"manage",
             "jobs":"manage","cronjobs":"manage","pods":"manage","services":"manage","ingresses":"manage"})",
         "namespace-view-app-workloads", "to=operator"},
        {"namespace-view-configmaps", "namespace-configuration-management", R"({"configmaps":"view"})", "",
         "to=operator,viewer"},
        {"namespace-manage-configmaps", "namespace-configuration-management", R"({"configmaps":"manage"})",
         "namespace-view-configmaps", "to=operator"},
        {"namespace-view-secrets", "namespace-configuration-management", R"({"secrets":"view"})", "", "to=operator,viewer"},
        {"namespace-manage-secrets", "namespace-configuration-management", R"({"secrets":"manage"})",
         "namespace-view-secrets", "to=operator"},
        {"namespace-view-serviceaccount", "namespace-configuration-management", R"({"serviceaccounts":"view"})",
         "namespace-view-roles,namespace-view-secrets", "to=operator,viewer"},
        {"namespace-manage-serviceaccount", "namespace-configuration-management", R"({"serviceaccounts":"manage"})",
         "namespace-view-serviceaccount", "to=operator"},
        {"namespace-view-persistentvolumeclaims", "namespace-storage-management", R"({"persistentvolumeclaims":"view"})",
         "", "to=operator,viewer"},
        {"namespace-manage-persistentvolumeclaims", "namespace-storage-management",
         R"({"persistentvolumeclaims":"manage"})", "namespace-view-persistentvolumeclaims", "to=operator"},
        {"namespace-view-app-releases", "namespace-app", R"({"app-releases":"view"})", "", "to=viewer"},
        {"namespace-manage-app-releases", "namespace-app", R"({"app-releases":"manage"})",
         "namespace-view-app-releases,namespace-delete-app-releases,namespace-create-app-releases", "to=operator,admin"},
        {"namespace-delete-app-releases", "namespace-app", R"({"app-releases":"manage"})", "", "to=operator,admin"},
        {"namespace-create-app-releases", "namespace-app", R"({"app-releases":"manage"})", "", "to=operator,admin"},
    };
    return e;
}

// Category name -> scope (roletemplate-categories.yaml).
const std::map<std::string, std::string> &kubesphereCategories()
{
    static const std::map<std::string, std::string> e = {
        {"global-platform-settings", "global"},         {"global-access-control", "global"},
        {"global-workspace-management", "global"},      {"global-cluster-management", "global"},
        {"manage-app", "global"},                       {"cluster-access-control", "cluster"},
        {"cluster-resource-management", "cluster"},     {"cluster-settings", "cluster"},
        {"cluster-app-workloads-management", "cluster"}, {"cluster-project-management", "cluster"},
        {"cluster-storage-management", "cluster"},      {"workspace-settings", "workspace"},
        {"workspace-project-management", "workspace"},  {"workspace-access-control", "workspace"},
        {"workspace-app", "workspace"},                 {"namespace-access-control", "namespace"},
        {"namespace-configuration-management", "namespace"}, {"namespace-storage-management", "namespace"},
        {"namespace-application-workloads", "namespace"}, {"namespace-settings", "namespace"},
        {"namespace-app", "namespace"},
    };
    return e;
}

// Templates Tenantry ships that KubeSphere's chart does not (its workspace built-ins name them).
const std::set<std::string> &tenantryOnlyTemplates()
{
    static const std::set<std::string> e = {"workspace-view-groups", "workspace-manage-groups"};
    return e;
}

std::vector<std::string> split(const std::string &s, char sep)
{
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == sep) {
            if (!cur.empty())
                out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty())
        out.push_back(cur);
    return out;
}

} // namespace

class TestResources : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyFileParses();
    void embeddedCopyMatchesTheFiles();
    void oneCrdPerFileNamedGroupPlural();
    void crdsCarryTheManagedByLabel();
    void kindSetIsTheSpecs();
    void crdShapes_data();
    void crdShapes();
    void schemasAreStructural();
    void userPasswordPattern_data();
    void userPasswordPattern();
    void requiredFields();
    void builtinsAreLabelled();
    void expectedBuiltinSet();
    void builtinRolesHaveScopeAndTarget();
    void roleTemplatesHaveScopeAndCategory();
    void categoriesAreKubeSpheres();
    void templatesAreKubeSpheres();
    void templateAnnotationsAreWellFormed();
    void templateReferencesExist();
    void globalRoleBindingsReferenceExistingRoles();
    void rolesAlreadyHoldTheirTemplatesRules();
    void projectOperatorCannotWriteAccessControl();
    void viewerRolesOnlyRead();
    void templatesDoWhatTheirNameSays();
    void installerReadsTheManifests();
    void installerNamesFileAndDocumentOnBadInput();

private:
    std::vector<Doc> m_crds, m_builtins;
    std::vector<Doc> ofKind(const std::string &kind) const;
    const json *builtin(const std::string &kind, const std::string &name) const;
    const json *crd(const std::string &plural) const;
};

std::vector<Doc> TestResources::ofKind(const std::string &kind) const
{
    std::vector<Doc> out;
    for (const auto &d : m_builtins)
        if (d.object.value("kind", std::string()) == kind)
            out.push_back(d);
    return out;
}

const json *TestResources::builtin(const std::string &kind, const std::string &n) const
{
    for (const auto &d : m_builtins)
        if (d.object.value("kind", std::string()) == kind && name(d.object) == n)
            return &d.object;
    return nullptr;
}

const json *TestResources::crd(const std::string &plural) const
{
    for (const auto &d : m_crds)
        if (str(d.object, "/spec/names/plural"_json_pointer) == plural)
            return &d.object;
    return nullptr;
}

void TestResources::initTestCase()
{
    m_crds = docsIn("crds");
    m_builtins = docsIn("builtins");
    QVERIFY2(!m_crds.empty(), qPrintable("no CRDs found under " + resourcesDir()));
    QVERIFY(!m_builtins.empty());
}

void TestResources::everyFileParses()
{
    for (const QString sub : {"crds", "builtins"}) {
        for (const auto &[file, text] : filesIn(sub)) {
            auto docs = kube::parseYamlDocuments(text, file);
            QVERIFY2(docs, docs ? "" : docs.error().describe().c_str());
            QVERIFY2(!docs->empty(), file.c_str());
            for (const auto &d : *docs) {
                QVERIFY2(d.is_object() && d.contains("apiVersion") && d.contains("kind"), file.c_str());
                QVERIFY2(!name(d).empty(), file.c_str());
            }
        }
    }
}

void TestResources::embeddedCopyMatchesTheFiles()
{
#ifdef TENANTRY_HAVE_EMBEDDED_RESOURCES
    // Given the files on disk, when the build embeds them, then names, order and bytes agree.
    QCOMPARE(tenantry::resources::crdManifests(), filesIn("crds"));
    QCOMPARE(tenantry::resources::builtinManifests(), filesIn("builtins"));
#else
    QFAIL("tenantry_resources is missing: it is not linked into this test (configure the whole project)");
#endif
}

void TestResources::oneCrdPerFileNamedGroupPlural()
{
    std::map<std::string, int> perFile;
    for (const auto &d : m_crds) {
        ++perFile[d.file];
        QCOMPARE(d.object.value("kind", std::string()), std::string("CustomResourceDefinition"));
        QCOMPARE(d.object.value("apiVersion", std::string()), std::string("apiextensions.k8s.io/v1"));
        const std::string group = str(d.object, "/spec/group"_json_pointer);
        const std::string plural = str(d.object, "/spec/names/plural"_json_pointer);
        QCOMPARE(name(d.object), plural + "." + group);
        QCOMPARE(d.file, "resources/crds/" + group + "_" + plural + ".yaml");
    }
    for (const auto &[file, n] : perFile)
        QVERIFY2(n == 1, file.c_str());
}

void TestResources::crdsCarryTheManagedByLabel()
{
    for (const auto &d : m_crds)
        QVERIFY2(label(d.object, kube::tenancy::kManagedByLabel) == kube::tenancy::kManagedByValue, d.file.c_str());
}

void TestResources::kindSetIsTheSpecs()
{
    std::set<std::string> have, want;
    for (const auto &d : m_crds)
        have.insert(str(d.object, "/spec/names/kind"_json_pointer) + "." + str(d.object, "/spec/group"_json_pointer));
    for (const auto &e : expectedCrds())
        want.insert(std::string(e.kind) + "." + e.group);
    QCOMPARE(have, want);
}

void TestResources::crdShapes_data()
{
    QTest::addColumn<int>("index");
    for (size_t i = 0; i < expectedCrds().size(); ++i)
        QTest::newRow(expectedCrds()[i].plural) << int(i);
}

void TestResources::crdShapes()
{
    QFETCH(int, index);
    const ExpectedCrd &e = expectedCrds()[size_t(index)];
    const json *c = crd(e.plural);
    QVERIFY2(c, e.plural);
    const json &spec = (*c)["spec"];
    QCOMPARE(spec["group"].get<std::string>(), std::string(e.group));
    QCOMPARE(spec["names"]["kind"].get<std::string>(), std::string(e.kind));
    QCOMPARE(spec["names"]["listKind"].get<std::string>(), std::string(e.kind) + "List");
    QCOMPARE(spec["names"]["singular"].get<std::string>(), QString(e.kind).toLower().toStdString());
    QCOMPARE(spec["scope"].get<std::string>(), std::string(e.namespaced ? "Namespaced" : "Cluster"));
    // KubeSphere declares no conversion webhook: the default None strategy only rewrites apiVersion.
    QVERIFY(!spec.contains("conversion") || spec["conversion"].value("strategy", std::string()) == "None");

    std::vector<std::string> versions, deprecated;
    int storage = 0;
    for (const auto &v : spec["versions"]) {
        const std::string n = v["name"];
        versions.push_back(n);
        QVERIFY2(v.value("served", false), n.c_str());
        if (v.value("storage", false)) {
            ++storage;
            QCOMPARE(n, e.versions.back());
        }
        if (v.value("deprecated", false))
            deprecated.push_back(n);
        QCOMPARE(v.contains("subresources") && v["subresources"].contains("status"), e.status);
        std::vector<std::string> columns;
        for (const auto &col : v.value("additionalPrinterColumns", json::array()))
            columns.push_back(col["name"]);
        QCOMPARE(columns, e.columns);
    }
    QCOMPARE(storage, 1);
    QCOMPARE(versions, e.versions);
    QCOMPARE(deprecated, e.deprecated);
}

void TestResources::schemasAreStructural()
{
    for (const auto &d : m_crds) {
        for (const auto &v : d.object["spec"]["versions"]) {
            const std::string where = d.file + " " + v["name"].get<std::string>();
            QVERIFY2(v.contains("schema") && v["schema"].contains("openAPIV3Schema"), where.c_str());
            const json &schema = v["schema"]["openAPIV3Schema"];
            QCOMPARE(schema.value("type", std::string()), std::string("object"));
            for (const char *field : {"apiVersion", "kind", "metadata"})
                QVERIFY2(schema["properties"].contains(field), (where + " " + field).c_str());
            std::vector<std::string> problems;
            checkStructural(schema, "", false, problems);
            QVERIFY2(problems.empty(), (where + ": " + (problems.empty() ? "" : problems.front())).c_str());
        }
    }
    // BuiltinRole.role carries a whole object of another kind: embedded and kept as written.
    const json &role = (*crd("builtinroles"))["spec"]["versions"][0]["schema"]["openAPIV3Schema"]["properties"]["role"];
    QVERIFY(role.value("x-kubernetes-embedded-resource", false));
    QVERIFY(role.value("x-kubernetes-preserve-unknown-fields", false));
}

void TestResources::userPasswordPattern_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("valid");
    QTest::newRow("lower upper digit") << "abcDEF12" << true;
    QTest::newRow("digit first") << "1Password" << true;
    QTest::newRow("upper digit lower") << "P4ssword" << true;
    QTest::newRow("with symbols") << "p@ss-W0rd!" << true;
    QTest::newRow("no digit") << "Password" << false;
    QTest::newRow("no upper") << "passw0rd" << false;
    QTest::newRow("no lower") << "PASSW0RD" << false;
    QTest::newRow("too short") << "Pa55wd" << false;
    QTest::newRow("too long") << QString("Aa1").repeated(22) << false;
    QTest::newRow("bcrypt") << "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy" << true;
    QTest::newRow("bcrypt 2y") << "$2y$12$abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz0" << true;
}

void TestResources::userPasswordPattern()
{
    QFETCH(QString, password);
    QFETCH(bool, valid);
    for (const auto &v : (*crd("users"))["spec"]["versions"]) {
        const json &p = v["schema"]["openAPIV3Schema"]["properties"]["spec"]["properties"]["password"];
        const std::string pw = password.toStdString();
        const bool lengthOk = pw.size() >= p["minLength"].get<size_t>() && pw.size() <= p["maxLength"].get<size_t>();
        const bool patternOk = std::regex_search(pw, std::regex(p["pattern"].get<std::string>()));
        QCOMPARE(lengthOk && patternOk, valid);
    }
}

void TestResources::requiredFields()
{
    const auto required = [&](const std::string &plural, const std::string &version, const json::json_pointer &at) {
        for (const auto &v : (*crd(plural))["spec"]["versions"])
            if (v["name"] == version) {
                const json &node = v["schema"]["openAPIV3Schema"].at(at);
                return strings(node.value("required", json::array()));
            }
        return std::vector<std::string>{"<no such version>"};
    };
    using S = std::vector<std::string>;
    QCOMPARE(required("users", "v1beta1", "/properties/spec"_json_pointer), S({"email"}));
    QCOMPARE(required("workspacetemplates", "v1beta1", "/properties/spec"_json_pointer), S({"placement", "template"}));
    QCOMPARE(required("workspacetemplates", "v1alpha2", "/properties/spec"_json_pointer), S({"placement", "template"}));
    QCOMPARE(required("globalroles", "v1beta1", ""_json_pointer), S({"rules"}));
    QCOMPARE(required("globalrolebindings", "v1beta1", ""_json_pointer), S({"roleRef"}));
    QCOMPARE(required("workspacerolebindings", "v1beta1", ""_json_pointer), S({"roleRef"}));
    QCOMPARE(required("rolebindings", "v1beta1", ""_json_pointer), S({"roleRef"}));
    QCOMPARE(required("builtinroles", "v1beta1", ""_json_pointer), S({"role"}));
    QCOMPARE(required("roletemplates", "v1beta1", "/properties/spec"_json_pointer), S({"rules"}));
    QCOMPARE(required("resourcequotas", "v1alpha2", "/properties/spec"_json_pointer), S({"quota", "selector"}));
    QCOMPARE(required("loginrecords", "v1beta1", "/properties/spec"_json_pointer),
             S({"type", "provider", "sourceIP", "success", "reason"}));
    // The 4.x shapes dropped fields the 3.x versions still accept.
    const auto props = [&](const std::string &plural, const std::string &version, const json::json_pointer &at) {
        for (const auto &v : (*crd(plural))["spec"]["versions"])
            if (v["name"] == version)
                return v["schema"]["openAPIV3Schema"].at(at).value("properties", json::object());
        return json::object();
    };
    QVERIFY(props("workspaces", "v1alpha1", "/properties/spec"_json_pointer).contains("networkIsolation"));
    QVERIFY(!props("workspaces", "v1beta1", "/properties/spec"_json_pointer).contains("networkIsolation"));
    QVERIFY(props("workspacetemplates", "v1alpha2", "/properties/spec"_json_pointer).contains("overrides"));
    QVERIFY(!props("workspacetemplates", "v1beta1", "/properties/spec"_json_pointer).contains("overrides"));
    QVERIFY(props("globalroles", "v1beta1", ""_json_pointer).contains("aggregationRoleTemplates"));
    QVERIFY(!props("globalroles", "v1alpha2", ""_json_pointer).contains("aggregationRoleTemplates"));
    const json quotaStatus = props("resourcequotas", "v1alpha2", "/properties/status"_json_pointer);
    QVERIFY(quotaStatus.contains("total") && quotaStatus.contains("namespaces"));
}

void TestResources::builtinsAreLabelled()
{
    for (const auto &d : m_builtins) {
        QVERIFY2(d.object["apiVersion"] == "iam.kubesphere.io/v1beta1", (d.file + " " + name(d.object)).c_str());
        QVERIFY2(label(d.object, kube::tenancy::kManagedByLabel) == kube::tenancy::kManagedByValue,
                 (d.file + " " + name(d.object)).c_str());
        const std::string kind = d.object["kind"];
        if (kind == "RoleTemplate" || kind == "Category")
            QVERIFY2(label(d.object, "kubesphere.io/managed") == "true", name(d.object).c_str());
    }
}

void TestResources::expectedBuiltinSet()
{
    const auto names = [&](const std::string &kind) {
        std::set<std::string> out;
        for (const auto &d : ofKind(kind))
            out.insert(name(d.object));
        return out;
    };
    using S = std::set<std::string>;
    QCOMPARE(names("GlobalRole"),
             S({"platform-admin", "platform-regular", "platform-self-provisioner", "authenticated", "anonymous"}));
    QCOMPARE(names("GlobalRoleBinding"), S({"authenticated", "anonymous"}));
    QCOMPARE(names("ClusterRole"), S({"cluster-admin", "cluster-viewer"}));
    QCOMPARE(names("BuiltinRole"), S({"workspace-admin", "workspace-regular", "workspace-self-provisioner",
                                      "workspace-viewer", "project-admin", "project-operator", "project-viewer"}));
    // Every scope has templates, and the ones the product documents are there.
    const S templates = names("RoleTemplate");
    for (const char *t : {"global-view-users", "global-manage-users", "global-view-workspaces", "global-manage-workspaces",
                          "global-create-workspaces", "global-view-clusters", "global-manage-clusters",
                          "global-view-roles", "global-manage-roles", "cluster-view-nodes", "cluster-manage-nodes",
                          "cluster-view-projects", "cluster-manage-projects", "cluster-view-members",
                          "cluster-manage-members", "cluster-view-roles", "cluster-manage-roles", "cluster-view-crds",
                          "cluster-manage-crds", "workspace-view-members", "workspace-manage-members",
                          "workspace-view-roles", "workspace-manage-roles", "workspace-view-projects",
                          "workspace-create-projects", "workspace-manage-projects",
                          "workspace-view-workspace-settings", "workspace-manage-workspace-settings",
                          "namespace-view-members", "namespace-manage-members", "namespace-view-roles",
                          "namespace-manage-roles", "namespace-view-app-workloads", "namespace-manage-app-workloads",
                          "namespace-view-configmaps", "namespace-manage-configmaps", "namespace-view-secrets",
                          "namespace-manage-secrets", "namespace-view-project-settings",
                          "namespace-manage-project-settings"})
        QVERIFY2(templates.count(t), t);
}

void TestResources::builtinRolesHaveScopeAndTarget()
{
    for (const auto &d : ofKind("BuiltinRole")) {
        const json &b = d.object;
        const std::string scope = label(b, "iam.kubesphere.io/scope");
        QVERIFY2(scope == "workspace" || scope == "namespace", name(b).c_str());
        const json &role = b["role"];
        QCOMPARE(role.value("apiVersion", std::string()), std::string("iam.kubesphere.io/v1beta1"));
        QCOMPARE(std::string(scopeOfRoleKind(role.value("kind", std::string()))), scope);
        QVERIFY(!name(role).empty());
        QVERIFY2(role.contains("rules"), name(b).c_str());
        if (scope == "namespace") {
            // 4.x projects get their roles only when labelled kubesphere.io/managed: "true".
            QCOMPARE(b["targetSelector"]["matchLabels"]["kubesphere.io/managed"].get<std::string>(), std::string("true"));
            QCOMPARE(name(b), "project-" + name(role));
        } else {
            QVERIFY2(!b.contains("targetSelector"), "KubeSphere's workspace built-ins select every workspace");
            QCOMPARE(name(b), "workspace-" + name(role));
        }
    }
}

void TestResources::roleTemplatesHaveScopeAndCategory()
{
    std::map<std::string, std::string> categoryScope;
    for (const auto &d : ofKind("Category"))
        categoryScope[name(d.object)] = label(d.object, "iam.kubesphere.io/scope");
    for (const auto &d : ofKind("RoleTemplate")) {
        const json &t = d.object;
        const std::string scope = label(t, "iam.kubesphere.io/scope");
        QVERIFY2(scope == "global" || scope == "cluster" || scope == "workspace" || scope == "namespace", name(t).c_str());
        QVERIFY2(name(t).rfind(scope + "-", 0) == 0, name(t).c_str());
        const std::string category = label(t, "iam.kubesphere.io/category");
        QVERIFY2(categoryScope.count(category), (name(t) + " names missing category " + category).c_str());
        QCOMPARE(categoryScope[category], scope);
        QVERIFY2(t["spec"].contains("rules") && !t["spec"]["rules"].empty(), name(t).c_str());
        QVERIFY(t["spec"]["displayName"].contains("en"));
        // Dependencies named for the UI picker exist too.
        const auto &ann = t["metadata"].value("annotations", json::object());
        if (ann.contains("iam.kubesphere.io/dependencies"))
            for (const auto &dep : json::parse(ann["iam.kubesphere.io/dependencies"].get<std::string>()))
                QVERIFY2(builtin("RoleTemplate", dep), (name(t) + " depends on missing " + dep.get<std::string>()).c_str());
    }
}

void TestResources::categoriesAreKubeSpheres()
{
    // Given KubeSphere 4.1's categories, then Tenantry ships exactly those, each at its scope.
    std::map<std::string, std::string> have;
    for (const auto &d : ofKind("Category"))
        have[name(d.object)] = label(d.object, "iam.kubesphere.io/scope");
    QCOMPARE(have, kubesphereCategories());
    for (const auto &d : ofKind("Category"))
        QVERIFY2(d.object["spec"]["displayName"].value("en", std::string()).size() > 0, name(d.object).c_str());
}

void TestResources::templatesAreKubeSpheres()
{
    // Given KubeSphere 4.1's role templates, then Tenantry ships every one of them (and only its own
    // groups templates besides) with KubeSphere's scope, category, menu keys, dependencies and labels.
    std::set<std::string> want = tenantryOnlyTemplates(), have;
    for (const auto &e : kubesphereTemplates())
        want.insert(e.name);
    for (const auto &d : ofKind("RoleTemplate"))
        have.insert(name(d.object));
    QCOMPARE(have, want);

    for (const auto &e : kubesphereTemplates()) {
        const json *t = builtin("RoleTemplate", e.name);
        QVERIFY2(t, e.name);
        const std::string what = e.name;
        QCOMPARE(label(*t, "iam.kubesphere.io/category"), std::string(e.category));
        QCOMPARE(label(*t, "iam.kubesphere.io/scope"), kubesphereCategories().at(e.category));
        const json ann = (*t)["metadata"].value("annotations", json::object());
        const json menu = json::parse(ann.value("iam.kubesphere.io/role-template-rules", std::string("null")), nullptr, false);
        QVERIFY2(menu == json::parse(e.menu), (what + ": " + menu.dump()).c_str());
        std::vector<std::string> deps;
        if (ann.contains("iam.kubesphere.io/dependencies"))
            deps = strings(json::parse(ann["iam.kubesphere.io/dependencies"].get<std::string>(), nullptr, false));
        QVERIFY2(deps == split(e.dependencies, ','), what.c_str());

        const auto flags = split(e.flags, ' ');
        const auto has = [&](const std::string &f) { return std::find(flags.begin(), flags.end(), f) != flags.end(); };
        QCOMPARE(label(*t, "iam.kubesphere.io/hidden-role-template"), std::string(has("hidden") ? "true" : "<absent>"));
        QCOMPARE(label(*t, "iam.kubesphere.io/basic-role-template"), std::string(has("basic") ? "true" : "<absent>"));
        std::set<std::string> aggregateTo, wantTo;
        for (const auto &[k, v] : (*t)["metadata"]["labels"].items())
            if (k.rfind("iam.kubesphere.io/aggregate-to-", 0) == 0)
                aggregateTo.insert(k.substr(std::string("iam.kubesphere.io/aggregate-to-").size()));
        for (const auto &f : flags)
            if (f.rfind("to=", 0) == 0)
                for (const auto &r : split(f.substr(3), ','))
                    wantTo.insert(r);
        QVERIFY2(aggregateTo == wantTo, what.c_str());
    }
}

void TestResources::templateAnnotationsAreWellFormed()
{
    // The console parses these annotations itself: a bad one silently hides menus.
    const std::set<std::string> actions = {"view", "manage", "create"};
    for (const auto &d : ofKind("RoleTemplate")) {
        const json &t = d.object;
        const std::string what = name(t);
        const std::string scope = label(t, "iam.kubesphere.io/scope");
        const json ann = t["metadata"].value("annotations", json::object());
        QVERIFY2(ann.contains("iam.kubesphere.io/role-template-rules"), what.c_str());
        const json menu = json::parse(ann["iam.kubesphere.io/role-template-rules"].get<std::string>(), nullptr, false);
        QVERIFY2(menu.is_object() && !menu.empty(), what.c_str());
        for (const auto &[module, action] : menu.items()) {
            QVERIFY2(!module.empty(), what.c_str());
            QVERIFY2(action.is_string() && actions.count(action.get<std::string>()),
                     (what + ": " + module + " -> " + action.dump()).c_str());
        }
        if (ann.contains("iam.kubesphere.io/dependencies")) {
            const json deps = json::parse(ann["iam.kubesphere.io/dependencies"].get<std::string>(), nullptr, false);
            QVERIFY2(deps.is_array() && !deps.empty(), what.c_str());
            for (const auto &dep : deps) {
                QVERIFY2(dep.is_string() && dep != what, what.c_str());
                const json *other = builtin("RoleTemplate", dep.get<std::string>());
                QVERIFY2(other, (what + " depends on missing " + dep.dump()).c_str());
                QVERIFY2(label(*other, "iam.kubesphere.io/scope") == scope,
                         (what + " depends on " + dep.dump() + " of another scope").c_str());
            }
        }
        const json labels = t["metadata"]["labels"];
        for (const char *flag : {"iam.kubesphere.io/hidden-role-template", "iam.kubesphere.io/basic-role-template"})
            QVERIFY2(!labels.contains(flag) || labels[flag] == "true", what.c_str());
        for (const auto &[k, v] : labels.items())
            if (k.rfind("iam.kubesphere.io/aggregate-to-", 0) == 0)
                QVERIFY2(v == "", (what + " " + k).c_str());
        // The 3.x marker of template roles: KubeSphere's 3-to-4 upgrade deletes what carries it.
        QVERIFY2(!labels.contains("iam.kubesphere.io/role-template"), what.c_str());
    }
    // A basic template is part of every role the console creates at its scope; each scope that
    // has one has exactly one, and it only reads.
    std::map<std::string, int> basicPerScope;
    for (const auto &d : ofKind("RoleTemplate"))
        if (label(d.object, "iam.kubesphere.io/basic-role-template") == "true") {
            ++basicPerScope[label(d.object, "iam.kubesphere.io/scope")];
            for (const auto &r : d.object["spec"]["rules"])
                for (const auto &v : strings(r["verbs"]))
                    QVERIFY2(v == "get" || v == "list" || v == "watch", name(d.object).c_str());
        }
    QCOMPARE(basicPerScope, (std::map<std::string, int>{{"namespace", 1}, {"workspace", 1}}));
}

void TestResources::templateReferencesExist()
{
    const auto check = [&](const json &role, const std::string &owner) {
        const std::string scope = scopeOfRoleKind(role.value("kind", std::string()));
        for (const auto &t : strings(role.value("aggregationRoleTemplates", json::object()).value("templateNames", json::array()))) {
            const json *tpl = builtin("RoleTemplate", t);
            QVERIFY2(tpl, (owner + " names missing RoleTemplate " + t).c_str());
            QCOMPARE(label(*tpl, "iam.kubesphere.io/scope"), scope);
        }
    };
    for (const auto &d : m_builtins) {
        const std::string kind = d.object["kind"];
        if (kind == "GlobalRole" || kind == "ClusterRole")
            check(d.object, kind + " " + name(d.object));
        else if (kind == "BuiltinRole")
            check(d.object["role"], "BuiltinRole " + name(d.object));
    }
}

void TestResources::globalRoleBindingsReferenceExistingRoles()
{
    std::map<std::string, std::string> groupOf = {{"authenticated", "system:authenticated"},
                                                  {"anonymous", "system:unauthenticated"}};
    for (const auto &d : ofKind("GlobalRoleBinding")) {
        const json &b = d.object;
        QCOMPARE(b["roleRef"]["kind"].get<std::string>(), std::string("GlobalRole"));
        QCOMPARE(b["roleRef"]["apiGroup"].get<std::string>(), std::string("iam.kubesphere.io"));
        QVERIFY2(builtin("GlobalRole", b["roleRef"]["name"]), name(b).c_str());
        QCOMPARE(b["subjects"].size(), size_t(1));
        QCOMPARE(b["subjects"][0]["kind"].get<std::string>(), std::string("Group"));
        QCOMPARE(b["subjects"][0]["name"].get<std::string>(), groupOf[name(b)]);
    }
}

void TestResources::rolesAlreadyHoldTheirTemplatesRules()
{
    // Standalone mode has no aggregating controller at install time, so each shipped role must
    // already allow everything its templates (by name and by selector) contribute.
    const auto check = [&](const json &role, const std::string &owner) {
        const std::string scope = scopeOfRoleKind(role.value("kind", std::string()));
        const json agg = role.value("aggregationRoleTemplates", json::object());
        std::set<std::string> selected;
        for (const auto &t : strings(agg.value("templateNames", json::array())))
            selected.insert(t);
        if (agg.contains("roleSelector"))
            for (const auto &d : ofKind("RoleTemplate"))
                if (label(d.object, "iam.kubesphere.io/scope") == scope
                    && selectorMatches(agg["roleSelector"], d.object["metadata"]["labels"]))
                    selected.insert(name(d.object));
        for (const auto &t : selected) {
            const json *tpl = builtin("RoleTemplate", t);
            if (!tpl)
                continue;  // templateReferencesExist reports it
            for (const auto &rule : (*tpl)["spec"]["rules"]) {
                std::string missing;
                QVERIFY2(covers(role["rules"], rule, &missing),
                         (owner + " lacks \"" + missing + "\" from template " + t).c_str());
            }
        }
    };
    for (const auto &d : m_builtins) {
        const std::string kind = d.object["kind"];
        if (kind == "GlobalRole" || kind == "ClusterRole")
            check(d.object, kind + " " + name(d.object));
        else if (kind == "BuiltinRole")
            check(d.object["role"], "BuiltinRole " + name(d.object));
    }
    // The selectors really pick something where KubeSphere's do.
    const json *operatorRole = builtin("BuiltinRole", "project-operator");
    int picked = 0;
    for (const auto &d : ofKind("RoleTemplate"))
        picked += selectorMatches((*operatorRole)["role"]["aggregationRoleTemplates"]["roleSelector"],
                                  d.object["metadata"]["labels"]);
    QVERIFY(picked >= 5);
}

void TestResources::projectOperatorCannotWriteAccessControl()
{
    const json &rules = (*builtin("BuiltinRole", "project-operator"))["role"]["rules"];
    for (const char *verb : {"create", "update", "patch", "delete"}) {
        QVERIFY(!allows(rules, "iam.kubesphere.io", "roles", verb));
        QVERIFY(!allows(rules, "iam.kubesphere.io", "rolebindings", verb));
        QVERIFY(!allows(rules, "rbac.authorization.k8s.io", "roles", verb));
        QVERIFY(!allows(rules, "rbac.authorization.k8s.io", "rolebindings", verb));
        QVERIFY(allows(rules, "apps", "deployments", verb));
        QVERIFY(allows(rules, "", "configmaps", verb));
        QVERIFY(allows(rules, "batch", "cronjobs", verb));
    }
    QVERIFY(allows(rules, "", "pods/exec", "create"));
    QVERIFY(allows(rules, "iam.kubesphere.io", "rolebindings", "list"));
    const json &admin = (*builtin("BuiltinRole", "project-admin"))["role"]["rules"];
    QVERIFY(allows(admin, "iam.kubesphere.io", "rolebindings", "create"));
}

void TestResources::viewerRolesOnlyRead()
{
    const std::set<std::string> read = {"get", "list", "watch"};
    const auto readOnly = [&](const json &rules, const std::string &owner) {
        for (const auto &r : rules)
            for (const auto &v : strings(r["verbs"]))
                QVERIFY2(read.count(v), (owner + " grants " + v).c_str());
    };
    readOnly((*builtin("BuiltinRole", "project-viewer"))["role"]["rules"], "project viewer");
    readOnly((*builtin("BuiltinRole", "workspace-regular"))["role"]["rules"], "workspace regular");
    readOnly((*builtin("ClusterRole", "cluster-viewer"))["rules"], "cluster viewer");
    // KubeSphere labels its app-template upload and delete templates aggregate-to-viewer, so its
    // workspace viewer writes apps and nothing else; Tenantry's holds the same.
    json workspaceViewer = json::array();
    for (const auto &r : (*builtin("BuiltinRole", "workspace-viewer"))["role"]["rules"])
        if (strings(r["apiGroups"]) != std::vector<std::string>{"application.kubesphere.io"})
            workspaceViewer.push_back(r);
    readOnly(workspaceViewer, "workspace viewer outside application.kubesphere.io");
    QVERIFY(allows((*builtin("BuiltinRole", "workspace-viewer"))["role"]["rules"], "application.kubesphere.io", "apps",
                   "delete"));
    for (const auto &d : ofKind("RoleTemplate"))
        if (name(d.object).find("-view-") != std::string::npos && name(d.object).find("-view-create-") == std::string::npos)
            readOnly(d.object["spec"]["rules"], name(d.object));
    QVERIFY(allows((*builtin("BuiltinRole", "project-viewer"))["role"]["rules"], "apps", "deployments", "watch"));
    QVERIFY(!allows((*builtin("ClusterRole", "cluster-viewer"))["rules"], "", "nodes", "delete"));
    QVERIFY(allows((*builtin("ClusterRole", "cluster-admin"))["rules"], "", "nodes", "delete"));
    QVERIFY((*builtin("GlobalRole", "platform-regular"))["rules"].empty());
}

void TestResources::templatesDoWhatTheirNameSays()
{
    const auto rules = [&](const std::string &t) { return (*builtin("RoleTemplate", t))["spec"]["rules"]; };
    QVERIFY(allows(rules("namespace-manage-secrets"), "", "secrets", "delete"));
    QVERIFY(!allows(rules("namespace-view-secrets"), "", "secrets", "delete"));
    QVERIFY(allows(rules("namespace-manage-configmaps"), "", "configmaps", "create"));
    QVERIFY(allows(rules("namespace-manage-app-workloads"), "apps", "deployments/scale", "update"));
    QVERIFY(allows(rules("namespace-manage-app-workloads"), "", "pods/log", "get"));
    QVERIFY(!allows(rules("namespace-manage-app-workloads"), "", "secrets", "get"));
    QVERIFY(allows(rules("namespace-manage-members"), "iam.kubesphere.io", "rolebindings", "create"));
    QVERIFY(allows(rules("namespace-manage-members"), "iam.kubesphere.io", "namespacemembers", "delete"));
    QVERIFY(allows(rules("namespace-manage-roles"), "iam.kubesphere.io", "roles", "update"));
    QVERIFY(allows(rules("namespace-manage-project-settings"), "", "resourcequotas", "create"));
    QVERIFY(allows(rules("namespace-manage-project-settings"), "networking.k8s.io", "networkpolicies", "delete"));
    QVERIFY(allows(rules("workspace-manage-members"), "iam.kubesphere.io", "workspacemembers", "create"));
    QVERIFY(allows(rules("workspace-manage-members"), "iam.kubesphere.io", "workspacerolebindings", "delete"));
    QVERIFY(allows(rules("workspace-create-projects"), "", "namespaces", "create"));
    QVERIFY(!allows(rules("workspace-create-projects"), "", "namespaces", "delete"));
    QVERIFY(allows(rules("workspace-manage-projects"), "", "namespaces", "delete"));
    QVERIFY(allows(rules("workspace-manage-workspace-settings"), "quota.kubesphere.io", "resourcequotas", "update"));
    QVERIFY(allows(rules("global-create-workspaces"), "tenant.kubesphere.io", "workspacetemplates", "create"));
    QVERIFY(!allows(rules("global-create-workspaces"), "tenant.kubesphere.io", "workspacetemplates", "delete"));
    QVERIFY(allows(rules("global-manage-users"), "iam.kubesphere.io", "users", "delete"));
    QVERIFY(allows(rules("global-manage-users"), "iam.kubesphere.io", "globalrolebindings", "create"));
    QVERIFY(allows(rules("global-manage-workspaces"), "tenant.kubesphere.io", "workspacetemplates", "delete"));
    QVERIFY(allows(rules("global-manage-roles"), "iam.kubesphere.io", "globalroles", "update"));
    QVERIFY(allows(rules("global-manage-clusters"), "", "nodes", "update"));
    QVERIFY(allows(rules("cluster-manage-nodes"), "", "pods/eviction", "create"));
    QVERIFY(allows(rules("cluster-manage-nodes"), "", "nodes", "patch"));
    QVERIFY(allows(rules("cluster-manage-projects"), "", "namespaces", "delete"));
    QVERIFY(allows(rules("cluster-manage-members"), "iam.kubesphere.io", "clusterrolebindings", "create"));
    QVERIFY(allows(rules("cluster-manage-roles"), "iam.kubesphere.io", "clusterroles", "delete"));
    QVERIFY(allows(rules("cluster-manage-crds"), "apiextensions.k8s.io", "customresourcedefinitions", "create"));
}

void TestResources::installerReadsTheManifests()
{
    // No request is sent: reading the manifests is local.
    kube::TransportConfig config;
    config.server = "https://127.0.0.1:1";
    kube::Client client(config);
    kube::tenancy::Installer installer(client, filesIn("crds"), filesIn("builtins"));
    auto items = installer.readManifests();
    QVERIFY2(items, items ? "" : items.error().describe().c_str());
    QCOMPARE(items->size(), m_crds.size() + m_builtins.size());
    // CRDs come first, in file order, then the built-ins.
    QVERIFY(items->front().crd);
    QCOMPARE(std::count_if(items->begin(), items->end(), [](const auto &i) { return i.crd; }), long(m_crds.size()));
    QVERIFY(std::is_partitioned(items->begin(), items->end(), [](const auto &i) { return i.crd; }));
    QCOMPARE(items->back().file, m_builtins.back().file);
}

void TestResources::installerNamesFileAndDocumentOnBadInput()
{
    kube::TransportConfig config;
    config.server = "https://127.0.0.1:1";
    kube::Client client(config);
    {
        kube::tenancy::Installer installer(client, {{"crds/bad.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n"}},
                                           {});
        auto items = installer.readManifests();
        QVERIFY(!items);
        QVERIFY2(items.error().describe().find("crds/bad.yaml document 1") != std::string::npos,
                 items.error().describe().c_str());
    }
    {
        kube::tenancy::Installer installer(client, {},
                                           {{"builtins/x.yaml", "apiVersion: iam.kubesphere.io/v1beta1\nkind: Category\n"
                                                                "metadata: {name: a}\n---\nkind: Category\n"}});
        auto items = installer.readManifests();
        QVERIFY(!items);
        QVERIFY2(items.error().describe().find("builtins/x.yaml document 2") != std::string::npos,
                 items.error().describe().c_str());
    }
    {
        kube::tenancy::Installer installer(client, {}, {{"builtins/y.yaml", "a: [unclosed\n"}});
        auto items = installer.readManifests();
        QVERIFY(!items);
        QVERIFY2(items.error().describe().find("builtins/y.yaml") != std::string::npos, items.error().describe().c_str());
    }
}

QTEST_GUILESS_MAIN(TestResources)
#include "tst_resources.moc"
