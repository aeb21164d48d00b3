// Building the resource columns of permission matrices.
// Subresources are entries of their own: pods and pods/exec are different permissions.
#include "kubeclient/rbac/resourcecatalog.h"

#include "kubeclient/api/discovery.h"
#include "kubeclient/rbac/rbacindex.h"
#include "kubeclient/rbac/requestattributes.h"

namespace kube::rbac {

namespace {
std::string keyOf(const std::string &group, const std::string &resource, const std::string &subresource)
{
    return group + "|" + resource + "|" + subresource;
}

struct Builtin {
    const char *group, *version, *resource, *kind;
    bool namespaced;
    const char *subresources;  // space separated
};

// What a current kube-apiserver serves (1.3x), for offline use when no discovery is at hand.
const Builtin kBuiltin[] = {
    {"", "v1", "pods", "Pod", true, "attach binding ephemeralcontainers eviction exec log portforward proxy resize status"},
    {"", "v1", "services", "Service", true, "proxy status"},
    {"", "v1", "configmaps", "ConfigMap", true, ""},
    {"", "v1", "secrets", "Secret", true, ""},
    {"", "v1", "serviceaccounts", "ServiceAccount", true, "token"},
    {"", "v1", "persistentvolumeclaims", "PersistentVolumeClaim", true, "status"},
    {"", "v1", "events", "Event", true, ""},
    {"", "v1", "endpoints", "Endpoints", true, ""},
    {"", "v1", "limitranges", "LimitRange", true, ""},
    {"", "v1", "resourcequotas", "ResourceQuota", true, "status"},
    {"", "v1", "replicationcontrollers", "ReplicationController", true, "scale status"},
    {"", "v1", "podtemplates", "PodTemplate", true, ""},
    {"", "v1", "bindings", "Binding", true, ""},
    {"", "v1", "namespaces", "Namespace", false, "finalize status"},
    {"", "v1", "nodes", "Node", false, "proxy status"},
    {"", "v1", "persistentvolumes", "PersistentVolume", false, "status"},
    {"", "v1", "componentstatuses", "ComponentStatus", false, ""},
    {"apps", "v1", "deployments", "Deployment", true, "scale status"},
    {"apps", "v1", "statefulsets", "StatefulSet", true, "scale status"},
    {"apps", "v1", "daemonsets", "DaemonSet", true, "status"},
    {"apps", "v1", "replicasets", "ReplicaSet", true, "scale status"},
    {"apps", "v1", "controllerrevisions", "ControllerRevision", true, ""},
    {"batch", "v1", "jobs", "Job", true, "status"},
    {"batch", "v1", "cronjobs", "CronJob", true, "status"},
    {"autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true, "status"},
    {"networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", true, ""},
    {"networking.k8s.io", "v1", "ingresses", "Ingress", true, "status"},
    {"networking.k8s.io", "v1", "ingressclasses", "IngressClass", false, ""},
    {"policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true, "status"},
    {"discovery.k8s.io", "v1", "endpointslices", "EndpointSlice", true, ""},
    {"coordination.k8s.io", "v1", "leases", "Lease", true, ""},
    {"rbac.authorization.k8s.io", "v1", "roles", "Role", true, ""},
    {"rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", true, ""},
    {"rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false, ""},
    {"rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", false, ""},
    {"storage.k8s.io", "v1", "storageclasses", "StorageClass", false, ""},
    {"storage.k8s.io", "v1", "volumeattachments", "VolumeAttachment", false, "status"},
    {"storage.k8s.io", "v1", "csidrivers", "CSIDriver", false, ""},
    {"storage.k8s.io", "v1", "csinodes", "CSINode", false, ""},
    {"apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", false, "status"},
    {"admissionregistration.k8s.io", "v1", "mutatingwebhookconfigurations", "MutatingWebhookConfiguration", false, ""},
    {"admissionregistration.k8s.io", "v1", "validatingwebhookconfigurations", "ValidatingWebhookConfiguration", false, ""},
    {"certificates.k8s.io", "v1", "certificatesigningrequests", "CertificateSigningRequest", false, "approval status"},
    {"scheduling.k8s.io", "v1", "priorityclasses", "PriorityClass", false, ""},
    {"authorization.k8s.io", "v1", "subjectaccessreviews", "SubjectAccessReview", false, ""},
    {"authorization.k8s.io", "v1", "selfsubjectaccessreviews", "SelfSubjectAccessReview", false, ""},
    {"authorization.k8s.io", "v1", "localsubjectaccessreviews", "LocalSubjectAccessReview", true, ""},
    {"authentication.k8s.io", "v1", "tokenreviews", "TokenReview", false, ""},
};
} // namespace

std::string CatalogEntry::label() const
{
    std::string out = resource;
    if (!group.empty())
        out += "." + group;
    if (!subresource.empty())
        out += "/" + subresource;
    return out;
}

void ResourceCatalog::add(CatalogEntry entry)
{
    const std::string key = keyOf(entry.group, entry.resource, entry.subresource);
    if (m_byKey.count(key))
        return;
    m_byKey[key] = int(m_entries.size());
    m_entries.push_back(std::move(entry));
}

ResourceCatalog ResourceCatalog::forView(const Discovery *discovery, const RbacIndex &index, View view, bool kubesphere,
                                         bool authorizationTargets)
{
    ResourceCatalog catalog;
    if (discovery) {
        catalog = fromDiscovery(*discovery);
    } else {
        catalog = builtin();
        if (kubesphere || view == View::KubeSphere)
            catalog.addKubeSphereKinds();
        catalog.addFromRules(index);
    }
    if (view == View::KubeSphere)
        catalog.addKubeSphereVirtual();
    if (authorizationTargets)
        catalog.addAuthorizationTargets();
    return catalog;
}

void ResourceCatalog::addAuthorizationTargets()
{
    struct Target {
        const char *group, *resource, *kind, *verbs[2];
    };
    static const Target kTargets[] = {
        {"", "users", "User", {"impersonate", nullptr}},
        {"", "groups", "Group", {"impersonate", nullptr}},
        {"authentication.k8s.io", "uids", "", {"impersonate", nullptr}},
        {"certificates.k8s.io", "signers", "", {"approve", "sign"}},
    };
    for (const auto &t : kTargets) {
        CatalogEntry e;
        e.group = t.group;
        e.resource = t.resource;
        e.kind = t.kind;
        e.namespaced = false;
        e.authorizationOnly = true;
        for (const char *v : t.verbs)
            if (v)
                e.verbs.push_back(v);
        add(std::move(e));
    }
}

ResourceCatalog ResourceCatalog::fromDiscovery(const Discovery &discovery)
{
    ResourceCatalog c;
    for (const auto &info : discovery.preferredResources()) {
        CatalogEntry e;
        e.group = info.gvr.group;
        e.version = info.gvr.version;
        e.resource = info.gvr.resource;
        e.kind = info.gvr.kind;
        e.namespaced = info.gvr.namespaced;
        e.verbs = info.verbs;
        c.add(e);
        for (const auto &sub : info.subresources) {
            CatalogEntry s = e;
            s.subresource = sub;
            s.verbs.clear();
            c.add(std::move(s));
        }
    }
    return c;
}

ResourceCatalog ResourceCatalog::builtin()
{
    ResourceCatalog c;
    for (const auto &b : kBuiltin) {
        CatalogEntry e;
        e.group = b.group;
        e.version = b.version;
        e.resource = b.resource;
        e.kind = b.kind;
        e.namespaced = b.namespaced;
        c.add(e);
        std::string subs = b.subresources;
        size_t i = 0;
        while (i < subs.size()) {
            size_t sp = subs.find(' ', i);
            if (sp == std::string::npos)
                sp = subs.size();
            CatalogEntry s = e;
            s.subresource = subs.substr(i, sp - i);
            c.add(std::move(s));
            i = sp + 1;
        }
    }
    return c;
}

void ResourceCatalog::addKubeSphereVirtual()
{
    struct Virtual {
        const char *resource, *subresource, *scope;
        bool namespaced;
    };
    static const Virtual kVirtual[] = {
        {"clustermembers", "", "cluster", false},
        {"workspacemembers", "", "workspace", false},
        {"namespacemembers", "", "namespace", true},
        {"members", "", "namespace", true},
        {"users", "password", "global", false},
        {"users", "loginrecords", "global", false},
    };
    for (const auto &v : kVirtual) {
        CatalogEntry e;
        e.group = "iam.kubesphere.io";
        e.resource = v.resource;
        e.subresource = v.subresource;
        e.namespaced = v.namespaced;
        e.virtualResource = true;
        e.virtualScope = v.scope;
        add(std::move(e));
    }
}

void ResourceCatalog::addKubeSphereKinds()
{
    struct Kind {
        const char *group, *version, *resource, *kind;
        bool namespaced;
    };
    static const Kind kKinds[] = {
        {"iam.kubesphere.io", "v1beta1", "users", "User", false},
        {"iam.kubesphere.io", "v1beta1", "globalroles", "GlobalRole", false},
        {"iam.kubesphere.io", "v1beta1", "globalrolebindings", "GlobalRoleBinding", false},
        {"iam.kubesphere.io", "v1beta1", "workspaceroles", "WorkspaceRole", false},
        {"iam.kubesphere.io", "v1beta1", "workspacerolebindings", "WorkspaceRoleBinding", false},
        {"iam.kubesphere.io", "v1beta1", "roles", "Role", true},
        {"iam.kubesphere.io", "v1beta1", "rolebindings", "RoleBinding", true},
        {"iam.kubesphere.io", "v1beta1", "clusterroles", "ClusterRole", false},
        {"iam.kubesphere.io", "v1beta1", "clusterrolebindings", "ClusterRoleBinding", false},
        {"iam.kubesphere.io", "v1beta1", "roletemplates", "RoleTemplate", false},
        {"iam.kubesphere.io", "v1beta1", "groups", "Group", false},
        {"iam.kubesphere.io", "v1beta1", "groupbindings", "GroupBinding", false},
        {"iam.kubesphere.io", "v1beta1", "loginrecords", "LoginRecord", false},
        {"tenant.kubesphere.io", "v1beta1", "workspaces", "Workspace", false},
        {"tenant.kubesphere.io", "v1beta1", "workspacetemplates", "WorkspaceTemplate", false},
        {"quota.kubesphere.io", "v1alpha2", "resourcequotas", "ResourceQuota", false},
    };
    for (const auto &k : kKinds) {
        CatalogEntry e;
        e.group = k.group;
        e.version = k.version;
        e.resource = k.resource;
        e.kind = k.kind;
        e.namespaced = k.namespaced;
        add(std::move(e));
    }
}

void ResourceCatalog::addFromRules(const RbacIndex &index)
{
    for (const auto &role : index.roles())
        for (const auto &rule : role.rules)
            for (const auto &g : rule.apiGroups) {
                if (g == "*")
                    continue;
                for (const auto &r : rule.resources) {
                    if (r == "*" || r.compare(0, 2, "*/") == 0)
                        continue;
                    CatalogEntry e;
                    e.group = g;
                    const auto slash = r.find('/');
                    e.resource = r.substr(0, slash);
                    if (slash != std::string::npos)
                        e.subresource = r.substr(slash + 1);
                    // Unknown scope: assume namespaced unless the main resource says otherwise.
                    const int main = find(g, e.resource);
                    e.namespaced = main < 0 ? true : m_entries[size_t(main)].namespaced;
                    add(std::move(e));
                }
            }
}

int ResourceCatalog::find(const std::string &group, const std::string &resource, const std::string &subresource) const
{
    auto it = m_byKey.find(keyOf(group, resource, subresource));
    return it == m_byKey.end() ? -1 : it->second;
}

int ResourceCatalog::findText(const std::string &text) const
{
    const auto r = RequestAttributes::parseResource("get", text);
    int at = find(r.apiGroup, r.resource, r.subresource);
    if (at >= 0 || !r.apiGroup.empty())
        return at;
    // "deployments" without a group: the one entry with that resource name, if unique.
    int found = -1;
    for (size_t i = 0; i < m_entries.size(); ++i)
        if (m_entries[i].resource == r.resource && m_entries[i].subresource == r.subresource) {
            if (found >= 0)
                return found;  // ambiguous: the first (core or earliest) wins, as kubectl's priority
            found = int(i);
        }
    return found;
}

} // namespace kube::rbac
