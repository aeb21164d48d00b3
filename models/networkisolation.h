// What the network isolation switch does, in words, for the mode and API flavour in force: the
// Network tab's explanation beside its check box and the text of the plan dialog it opens.
// The writes themselves are the planner's (kube::tenancy::NetworkPlans); this only says them.
#pragma once

#include "kubeclient/kubesphere/mode.h"

#include <QString>

namespace NetworkIsolation {

// What turning isolation on does for a workspace (workspace=true) or a project.
QString explanation(const kube::tenancy::ClusterTenancy &tenancy, bool workspace);
// The plan dialog's description: what this switch to `on` will write.
QString confirmText(const kube::tenancy::ClusterTenancy &tenancy, bool workspace, const QString &name, bool on);

} // namespace NetworkIsolation
