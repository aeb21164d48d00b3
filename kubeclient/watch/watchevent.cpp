// Names of watch event types.
#include "kubeclient/watch/watchevent.h"

namespace kube {

const char *toString(WatchEventType type)
{
    switch (type) {
    case WatchEventType::Added: return "ADDED";
    case WatchEventType::Modified: return "MODIFIED";
    case WatchEventType::Deleted: return "DELETED";
    case WatchEventType::Bookmark: return "BOOKMARK";
    case WatchEventType::Error: return "ERROR";
    }
    return "UNKNOWN";
}

} // namespace kube
