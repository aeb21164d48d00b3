// One decoded event of a Kubernetes watch stream.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace kube {

enum class WatchEventType { Added, Modified, Deleted, Bookmark, Error };

struct WatchEvent {
    WatchEventType type = WatchEventType::Added;
    nlohmann::json object;  // the object; for Error a metav1.Status
};

const char *toString(WatchEventType type);

} // namespace kube
