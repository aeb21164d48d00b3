// tenantryctl's permission commands over the local RBAC engine (kubeclient/rbac): can-i,
// matrix, who-can, diff and risks, against a live cluster or offline manifests (--from PATH).
#pragma once

#include "commands.h"

namespace ctl {

// can-i VERB RESOURCE[.GROUP][/SUB] [NAME] | can-i VERB /non/resource/path
//   [-n NS | -A] [-w WS] [--as USER [--as-group G]...] [--view kubernetes|kubesphere]
//   [--explain] [--verify] [-o json] [--from PATH]      exit 0 yes, 1 no, 2 usage, 3 server disagrees
int runCanI(const Args &args);
// matrix [--as USER [--as-group G]... | --subjects] [-n NS | -w WS | -A] [--view V]
//   [-o table|json|csv] [--all] [--verbs a,b] [--verify [--sample N]] [--from PATH]
int runMatrix(const Args &args);
// who-can VERB RESOURCE [NAME] [-n NS | -A] [-w WS] [--view V] [-o json] [--from PATH]
int runWhoCan(const Args &args);
// diff --as A [--as-group G]... --against B [--against-group G]... [-n NS | -w WS | -A]
// diff --plan FILE [--delete KIND/[NS/]NAME]...   (impact of applying/deleting those objects)
int runDiff(const Args &args);
// risks [--no-system] [--view V] [-o json] [--from PATH]
int runRisks(const Args &args);

} // namespace ctl
