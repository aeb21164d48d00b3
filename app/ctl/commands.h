// Entry points of tenantryctl's sub-commands; each gets its parsed command line and returns the
// process exit code (0 ok, 1 failure or "no", 2 usage error, 3 the server disagrees).
#pragma once

#include <string>
#include <vector>

namespace ctl {

using Args = std::vector<std::string>;
class CommandArgs;

int runConfig(const CommandArgs &args);  // config view ... (configcommand.cpp)
int runWhoami(const CommandArgs &args);  // whoami (apicommands.cpp)
int runGet(const CommandArgs &args);     // get RESOURCE [NAME] (apicommands.cpp)

// Tenancy reads (tenancyreadcommands.cpp).
bool isTenancyGet(const CommandArgs &args);  // get workspaces|projects|users|roles|members (any spelling)
int runTenancyGet(const CommandArgs &args);
int runTree(const CommandArgs &args);  // tree [-w WS]
int runOverview(const CommandArgs &args);  // overview [-w WS] [-o json]
int runMode(const CommandArgs &args);  // mode

// Tenancy writes (tenancycommands.cpp).
int runCreate(const CommandArgs &args);  // create workspace|project|user
int runEdit(const CommandArgs &args);    // edit workspace|user
int runDelete(const CommandArgs &args);  // delete workspace|project|user
int runMove(const CommandArgs &args);    // move project NAME -w WS
int runMember(const CommandArgs &args);  // member add|set|remove
int runRole(const CommandArgs &args);    // role create|edit|delete
int runUser(const CommandArgs &args);    // user enable|disable|set-platform-role
int runRepair(const CommandArgs &args);  // repair
int runIsolate(const CommandArgs &args);  // isolate (-w WS | -n NS) [--off]

int runInstall(const CommandArgs &args);  // install (installcommand.cpp)
int runHandover(const CommandArgs &args);  // handover kubesphere [--finish] (handovercommand.cpp)

// Permissions (permissioncommands.cpp).
int runCanI(const CommandArgs &args);
int runMatrix(const CommandArgs &args);
int runWhoCan(const CommandArgs &args);
int runDiff(const CommandArgs &args);
int runRisks(const CommandArgs &args);

// Trace one request through authentication, authorization and admission (tracecommand.cpp).
int runTrace(const CommandArgs &args);  // trace VERB TYPE [NAME]

// Network policies (networkcommands.cpp).
int runCanReach(const CommandArgs &args);  // can-reach FROM_NS TO_NS
int runFlows(const CommandArgs &args);     // flows [-w WS]

// Audit trails (auditcommand.cpp): kube-apiserver / KubeSphere audit logs and Tenantry's journal.
int runAudit(const CommandArgs &args);  // audit [--file F]... [--journal] [filters] [-f]
// KubeSphere account sign-in (kscommands.cpp).
int runLogin(const CommandArgs &args);         // login kubesphere --server URL --username U
int runLogout(const CommandArgs &args);        // logout kubesphere --server URL --username U
int runKsCredential(const CommandArgs &args);  // ks-credential: the exec plugin of a sign-in's context

// Version and shell completion (versioncommand.cpp, shellcompletion.cpp).
int runVersion(const CommandArgs &args);     // version [--client] [-o json|yaml]
int runCompletion(const CommandArgs &args);  // completion bash|zsh
std::string versionLine();                   // "tenantryctl 0.1.0 (git 50bb4f3)\n": `tenantryctl --version`

// Prints "error: <message>" and the command's help to stderr; returns 2 (usage error).
int usageError(const CommandArgs &args, const std::string &message);

} // namespace ctl
