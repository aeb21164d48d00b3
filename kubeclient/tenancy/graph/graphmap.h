// The graph's maps: the persistent map of core/ under the names the graph's code uses.
#pragma once

#include "kubeclient/core/persistentmap.h"

namespace kube::tenancy {

using GraphEdit = MapEdit;
template <typename V>
using GraphMap = PersistentMap<V>;

// Index sets hold their facts in the key ("workspace\x1fnamespace"); the value is empty.
struct GraphUnit {
};
using GraphSet = GraphMap<GraphUnit>;

} // namespace kube::tenancy
