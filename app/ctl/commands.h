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

} // namespace ctl
