// Every tenantryctl command: its spec (synopsis, flags, help) beside the function that runs it,
// and the dispatch from argv: global flags anywhere, `COMMAND --help`, `help COMMAND`, and
// read commands run once per context when several are asked for.
#pragma once

#include "commandargs.h"
#include "commands.h"
#include "commandspec.h"

#include <cstdio>
#include <string>
#include <vector>

namespace ctl {

struct Command {
    CommandSpec spec;
    int (*run)(const CommandArgs &) = nullptr;
    std::vector<std::string> aliases;  // "members" for member
};

class CommandTable
{
public:
    static const std::vector<Command> &commands();
    static const Command *find(const std::string &nameOrAlias);

    // Where the command name is in argv (after the program name): the first word that is
    // neither a flag nor the value of a global flag. The rest, global flags given before the
    // command included, is returned in `rest`. False when there is no command word.
    static bool split(const Args &argv, std::string &command, Args &rest);

    // `tenantryctl --help`: every command by section with its summary.
    static std::string overview();

    // The whole program after main(): returns the exit code.
    static int run(const Args &argv);
};

} // namespace ctl
