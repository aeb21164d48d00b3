// The two calls a Watcher needs from the API. Client implements it for real clusters;
// tests implement it with recorded pages and streams.
#pragma once

#include "kubeclient/core/canceltoken.h"
#include "kubeclient/api/resource.h"
#include "kubeclient/core/result.h"
#include "kubeclient/watch/watchevent.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

namespace kube {

struct ListPage {
    std::vector<nlohmann::json> items;
    std::string resourceVersion;  // the list's metadata.resourceVersion
    std::string continueToken;    // "" on the last page
};

class ListerWatcher
{
public:
    virtual ~ListerWatcher() = default;
    // One page of a list (options carry limit / continue).
    virtual Result<ListPage> listPage(const ListOptions &options, const CancelTokenPtr &cancel) = 0;
    // Opens a watch and calls onEvent for every decoded event until the stream ends (returns
    // ok), onEvent returns false (returns ok), cancel fires (Cancelled), or it fails. A 410 on
    // the initial response is returned as an Api error whose isGone() is true; an in-stream
    // ERROR event is delivered to onEvent as WatchEventType::Error.
    virtual Result<void> watch(const ListOptions &options,
                               const std::function<bool(const WatchEvent &)> &onEvent,
                               const CancelTokenPtr &cancel) = 0;
    // For error texts: "configmaps in namespace x on cluster dev".
    virtual std::string describe() const = 0;
};

} // namespace kube
