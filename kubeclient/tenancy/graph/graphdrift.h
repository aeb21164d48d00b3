// Finds drift in a tenancy graph snapshot: bindings whose labels, subjects or roles disagree,
// objects labelled with missing workspaces, users with several platform roles. Read-only.
#pragma once

#include "kubeclient/tenancy/graph/graphrecords.h"

#include <vector>

namespace kube::tenancy {

class GraphSnapshot;

// One pass over the snapshot: O(objects * log n). Kinds that were never fed are not judged
// (a role is "missing" only when roles of its kind are wired). Sorted by object kind, key, kind.
std::vector<DriftItem> findDrift(const GraphSnapshot &snapshot);

} // namespace kube::tenancy
