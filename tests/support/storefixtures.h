// Objects and watcher events for Store tests and benches: ConfigMaps with a resourceVersion
// and, optionally, a workspace label; a relist as the Watcher delivers it.
#pragma once

#include "kubeclient/watch/store.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace storefixtures {

inline const std::string kWorkspace = "kubesphere.io/workspace";

inline nlohmann::json object(const std::string &ns, const std::string &name, int rv, const std::string &workspace = {})
{
    nlohmann::json md = {{"name", name}, {"resourceVersion", std::to_string(rv)}};
    if (!ns.empty())
        md["namespace"] = ns;
    if (!workspace.empty())
        md["labels"] = {{kWorkspace, workspace}, {"app", name}};
    return {{"apiVersion", "v1"}, {"kind", "ConfigMap"}, {"metadata", md}};
}

inline kube::WatcherEvent ev(kube::WatcherEventType type, nlohmann::json obj = {})
{
    kube::WatcherEvent e;
    e.type = type;
    if (!obj.is_null())
        e.object = kube::freeze(std::move(obj));
    return e;
}

inline void relist(kube::Store &store, const std::vector<nlohmann::json> &objects)
{
    store.apply(ev(kube::WatcherEventType::Init));
    for (const auto &o : objects)
        store.apply(ev(kube::WatcherEventType::InitApply, o));
    store.apply(ev(kube::WatcherEventType::InitDone));
}

} // namespace storefixtures
