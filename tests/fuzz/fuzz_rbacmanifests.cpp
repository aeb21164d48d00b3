// The permission engine over manifests: what every offline --from (can-i, who-can, matrix,
// risks) and the Permissions window's manifest mode feed it. One text of YAML/JSON documents
// goes into RbacData, the index is built (aggregation predicted or not, the KubeSphere flavour
// chosen by the first byte), then the risk scan, who-can in both views, and authorize for every
// User subject the bindings name.
// Invariants: nothing throws or traps; a User whom who-can (Kubernetes view) lists for a request
// in a namespace is allowed it by the evaluator, and is not, per the evaluator, without a path.
#include "fuzzcheck.h"
#include "kubeclient/rbac/evaluator.h"
#include "kubeclient/rbac/identity.h"
#include "kubeclient/rbac/kubesphereevaluator.h"
#include "kubeclient/rbac/rbacindex.h"
#include "kubeclient/rbac/rbacloader.h"
#include "kubeclient/rbac/requestattributes.h"
#include "kubeclient/rbac/riskscanner.h"
#include "kubeclient/rbac/whocan.h"

#include <cstdint>
#include <string>
#include <vector>

using namespace kube::rbac;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    static const kube::tenancy::ApiFlavor kFlavors[] = {kube::tenancy::ApiFlavor::None, kube::tenancy::ApiFlavor::V4,
                                                         kube::tenancy::ApiFlavor::V3};
    RbacIndex::Options options;
    options.kubesphereFlavor = kFlavors[data[0] % 3];
    options.predictAggregation = (data[0] / 3) % 2 == 1;
    const std::string text(reinterpret_cast<const char *>(data) + 1, size - 1);

    RbacData rbac;
    if (!RbacLoader::addText(rbac, text, "fuzz.yaml").ok())
        return 0;
    auto index = RbacIndex::build(rbac, options);
    FUZZ_CHECK(index != nullptr, "RbacIndex::build gave no index");
    for (View view : {View::Kubernetes, View::KubeSphere})
        (void)RiskScanner::scan(*index, {view, true});

    std::vector<std::string> namespaces = {""};
    for (const auto &ns : index->namespaces()) {
        if (namespaces.size() >= 4)
            break;
        namespaces.push_back(ns);
    }
    std::vector<std::string> users;
    for (const auto &s : index->subjects())
        if (s.kind == "User" && users.size() < 4)
            users.push_back(s.name);

    const Evaluator evaluator(index);
    const KubeSphereEvaluator kubesphere(index);
    for (const auto &ns : namespaces) {
        const RequestAttributes requests[] = {
            RequestAttributes::forResource("get", "", "pods", ns),
            RequestAttributes::forResource("create", "rbac.authorization.k8s.io", "rolebindings", ns),
            RequestAttributes::forResource("list", "iam.kubesphere.io", "users", ns),
            RequestAttributes::forPath("get", "/healthz"),
        };
        for (const auto &request : requests) {
            const auto answers = WhoCan::query(*index, request, ns.empty());
            (void)WhoCan::toText(answers);
            (void)WhoCan::toJson(answers);
            (void)WhoCan::queryKubeSphere(*index, request);
            for (const auto &user : users) {
                const Identity who = Identity::verbatim(user);
                (void)evaluator.authorize(who, request);
                (void)evaluator.allGrants(who, request);
                (void)kubesphere.authorize(who, request);
                if (ns.empty() && request.isResourceRequest)
                    continue;  // an all-namespaces who-can lists grants anywhere; authorize asks cluster-wide
                bool listed = false;
                // A User named system:serviceaccount:NS:NAME is also the one a ServiceAccount
                // subject NS/NAME names (who-can fills in a binding's namespace), as in kube-apiserver.
                for (const auto &a : answers)
                    listed = listed ||
                             (!a.superuser && ((a.subject.kind == "User" && a.subject.name == user) ||
                                               (a.subject.kind == "ServiceAccount" &&
                                                serviceAccountUserName(a.subject.ns, a.subject.name) == user)));
                FUZZ_CHECK(listed == evaluator.allowed(who, request),
                           "who-can and authorize disagree for User " + user + " on " + request.verb + " " +
                               request.resource + request.path + " in \"" + ns + "\"");
            }
        }
        for (const auto &user : users)
            (void)evaluator.rulesFor(Identity::verbatim(user), ns);
    }
    return 0;
}
