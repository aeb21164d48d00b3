// Entry points of tenantryctl's sub-commands; each gets the arguments after its name and
// returns the process exit code (0 ok, 1 failure or "no", 2 usage error).
#pragma once

#include <string>
#include <vector>

namespace ctl {

using Args = std::vector<std::string>;

int runConfig(const Args &args);   // config view ... (configcommand.cpp)
int runWhoami(const Args &args);   // whoami (apicommands.cpp)
int runGet(const Args &args);      // get RESOURCE [NAME] (apicommands.cpp)

// Tenancy reads (tenancyreadcommands.cpp).
bool isTenancyGet(const Args &args);  // get workspaces|projects|users|roles|members (singular or plural)
int runTenancyGet(const Args &args);
int runTree(const Args &args);        // tree [-w WS]
int runMode(const Args &args);        // mode

// Tenancy writes (tenancycommands.cpp).
int runCreate(const Args &args);  // create workspace|project|user
int runEdit(const Args &args);    // edit workspace|user
int runDelete(const Args &args);  // delete workspace|project|user
int runMove(const Args &args);    // move project NAME -w WS
int runMember(const Args &args);  // member add|set|remove
int runRole(const Args &args);    // role create|edit|delete
int runUser(const Args &args);    // user enable|disable|set-platform-role
int runRepair(const Args &args);  // repair

int runInstall(const Args &args);  // install (installcommand.cpp)

} // namespace ctl
