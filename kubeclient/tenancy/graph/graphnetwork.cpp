// Graph -> NetworkPolicySet: namespaces first (their labels decide namespaceSelectors), then
// the policies, each checked by the evaluator's parser.
#include "kubeclient/tenancy/graph/graphnetwork.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/tenancy/graph/tenancygraph.h"

#include <map>

namespace kube::tenancy {

kube::net::NetworkPolicySet networkOf(const GraphSnapshot &graph, std::vector<std::string> *warnings)
{
    kube::net::NetworkPolicySet set;
    auto warn = [&](std::string text) {
        if (warnings)
            warnings->push_back(std::move(text));
    };
    if (!graph.fed(GraphKind::Namespace))
        warn("Namespaces were not read: namespaceSelectors only know namespaces by name");
    if (!graph.fed(GraphKind::NetworkPolicy))
        warn("NetworkPolicies were not read: every flow is shown as if no policy existed");
    std::vector<std::string> labelless;
    graph.forEach(GraphKind::Namespace, [&](const std::string &, const GraphObject &object) {
        if (!object)
            return true;
        const ObjectMeta meta(*object);
        // The API server labels every namespace with its name (since 1.21): a namespace without
        // that label came from the reach rule, not from a list, and its labels are unknown.
        if (meta.label("kubernetes.io/metadata.name").empty())
            labelless.push_back(meta.name());
        set.setNamespace(meta.name(), meta.labels());
        return true;
    });
    if (!labelless.empty()) {
        std::string names;
        for (const auto &n : labelless)
            names += (names.empty() ? "" : ", ") + n;
        warn("namespaces known only by name (their labels could not be read): " + names);
    }
    graph.forEach(GraphKind::NetworkPolicy, [&](const std::string &, const GraphObject &object) {
        if (!object)
            return true;
        nlohmann::json policy = object->toJson();
        if (!policy.contains("kind"))
            policy["kind"] = "NetworkPolicy";
        if (!policy.contains("apiVersion"))
            policy["apiVersion"] = "networking.k8s.io/v1";
        if (auto ok = set.addPolicy(policy); !ok)
            warn(ok.error().message + " (policy left out)");
        return true;
    });
    return set;
}

GraphSnapshot graphOfObjects(const std::vector<nlohmann::json> &objects, ApiFlavor flavor)
{
    std::map<GraphKind, std::vector<GraphObject>> byKind = {{GraphKind::Namespace, {}}, {GraphKind::NetworkPolicy, {}}};
    for (const auto &o : objects)
        if (const auto kind = graphKindOf(o, flavor))
            byKind[*kind].push_back(freeze(o));
    TenancyGraph graph(flavor);
    for (const auto &[kind, list] : byKind)
        graph.resync(kind, list);
    return graph.snapshot();
}

} // namespace kube::tenancy
