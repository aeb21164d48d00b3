// The questions a permission workbench asks about one cell of a matrix, for the GUI and the
// CLI alike: which request a cell stands for, why it is allowed or denied (every granting
// path, or the nearest rules and what they lack), who else may do it, the risks in a scope,
// and subjects as people type or pick them. Each answer comes from the evaluators, never
// from a second copy of their rules.
#pragma once

#include "kubeclient/rbac/decision.h"
#include "kubeclient/rbac/identity.h"
#include "kubeclient/rbac/permissionmatrix.h"
#include "kubeclient/rbac/requestattributes.h"
#include "kubeclient/rbac/riskscanner.h"
#include "kubeclient/rbac/subject.h"
#include "kubeclient/rbac/view.h"
#include "kubeclient/rbac/whocan.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kube::rbac {

class RbacIndex;

// A subject picked or typed, with the identity a request of it carries.
struct SubjectChoice {
    Subject subject;    // kind User, Group or ServiceAccount
    Identity identity;  // as kube-apiserver sees a request of it (implicit groups added)
    // "alice", "Group devs", "ServiceAccount ns1/builder" (what a picker shows and parses back)
    std::string label() const;
};

// Reads what people type: "alice" / "User alice" (a user), "Group devs" / "group:devs",
// "ServiceAccount ns/sa" / "sa:ns/sa" / "system:serviceaccount:ns:sa". Extra groups are added
// as `kubectl --as-group` adds them (a group subject ignores them). Empty text, a group or
// service account without a name, or a malformed service account: nullopt, `error` says why.
std::optional<SubjectChoice> parseSubject(const std::string &text, const std::vector<std::string> &extraGroups,
                                          std::string *error = nullptr);

// Every subject the data knows: users (KubeSphere User objects and User subjects of
// bindings), groups and service accounts named by bindings. Users first, then groups, then
// service accounts, each sorted; system: subjects included.
std::vector<SubjectChoice> knownSubjects(const RbacIndex &index);

// The request one matrix cell stands for: the verb on the entry, in the scope's namespace
// (or workspace, for the KubeSphere view), without a name.
RequestAttributes cellRequest(const MatrixScope &scope, const CatalogEntry &entry, const std::string &verb);

// Why `who` may or may not do `request` in `view`: the decision (for a denial with the
// nearest rules and what each lacks) and, when allowed, every binding -> role -> rule that
// allows it (the Kubernetes view lists all of them; ks-apiserver stops at the first, and so
// does its list).
struct CellExplanation {
    Decision decision;
    std::vector<GrantPath> grants;

    // The explanation as people read it: a verdict line, each path, or what is missing.
    std::string toText() const;
};
// In the KubeSphere view `rego` evaluates the Rego policies met (null: they are noted as not
// evaluated, "opa not available").
CellExplanation explainRequest(const std::shared_ptr<const RbacIndex> &index, View view, const Identity &who,
                               const RequestAttributes &request, size_t nearLimit = 5,
                               const std::shared_ptr<RegoEvaluator> &rego = nullptr);

// Every subject allowed the request in `view`. In the Kubernetes view a request without a
// namespace on a namespaced resource asks "anywhere" (every namespace's RoleBindings count).
// KubeSphere view: `rego` and `notes` as WhoCan::queryKubeSphere takes them.
std::vector<WhoCanAnswer> whoCanRequest(const RbacIndex &index, View view, const RequestAttributes &request,
                                        bool namespaced, const std::shared_ptr<RegoEvaluator> &rego = nullptr,
                                        std::vector<std::string> *notes = nullptr);

// The risk findings that hold in `scope`: cluster-wide (and, in the KubeSphere view, global)
// grants everywhere; a namespace's own grants and its workspace's in that namespace; a
// workspace's own grants and those of its projects in the workspace; every finding for the
// cluster scope; only the cluster-wide and global ones for the platform.
std::vector<RiskFinding> risksInScope(const RbacIndex &index, View view, const MatrixScope &scope);

} // namespace kube::rbac
