// The resources a permission matrix has columns for: from discovery (every served resource
// in its preferred version, each subresource as its own entry), or offline from a built-in
// list of Kubernetes resources plus those the rules name; KubeSphere's virtual resources
// (workspacemembers, namespacemembers, clustermembers, users/password) on request.
#pragma once

#include "kubeclient/rbac/view.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace kube {
class Discovery;
}

namespace kube::rbac {

class RbacIndex;

struct CatalogEntry {
    std::string group, version, resource, subresource, kind;
    bool namespaced = true;
    std::vector<std::string> verbs;  // served verbs when discovery said so; empty: unknown
    bool virtualResource = false;    // authorized by ks-apiserver, not served by kube-apiserver
    std::string virtualScope;        // virtual ones: "global", "cluster", "workspace", "namespace"
    // Never served, only authorized: the targets of impersonation and certificate signers.
    bool authorizationOnly = false;

    // "deployments.apps/scale", "pods"
    std::string label() const;
};

class ResourceCatalog
{
public:
    static ResourceCatalog fromDiscovery(const Discovery &discovery);
    // Offline: the usual Kubernetes resources and subresources.
    static ResourceCatalog builtin();
    // What a question in `view` has rows for: discovery's resources when live; offline (no
    // discovery) the built-in ones, KubeSphere's tenancy kinds when `kubesphere` (its API in
    // the data or the KubeSphere view) and what the rules name; in the KubeSphere view also
    // its virtual resources.
    // `authorizationTargets` adds addAuthorizationTargets() (the workbench's columns for
    // impersonate and approve need rows).
    static ResourceCatalog forView(const Discovery *discovery, const RbacIndex &index, View view, bool kubesphere,
                                   bool authorizationTargets = false);
    // Kubernetes' authorization-only resources: users, groups (core) and uids
    // (authentication.k8s.io) that impersonation checks, signers (certificates.k8s.io) that
    // approving and signing CSRs checks. Each holds only the verbs that apply to it.
    void addAuthorizationTargets();
    // KubeSphere-only resources ks-apiserver authorizes like real ones.
    void addKubeSphereVirtual();
    // Offline: KubeSphere's tenancy CRDs (iam, tenant, quota), which discovery lists when live.
    void addKubeSphereKinds();
    // Offline: every concrete group/resource named by a rule that the catalog lacks.
    void addFromRules(const RbacIndex &index);
    void add(CatalogEntry entry);

    const std::vector<CatalogEntry> &entries() const { return m_entries; }
    size_t size() const { return m_entries.size(); }
    // Index of group/resource/subresource, or -1.
    int find(const std::string &group, const std::string &resource, const std::string &subresource = {}) const;
    // Resolves what a user types ("pods", "pods/log", "deployments.apps", "deploy" is not known offline).
    int findText(const std::string &text) const;

private:
    std::vector<CatalogEntry> m_entries;
    std::unordered_map<std::string, int> m_byKey;
};

} // namespace kube::rbac
