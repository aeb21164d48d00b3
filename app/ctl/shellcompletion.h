// `tenantryctl completion bash|zsh`: completion scripts generated from the command table, so a
// new command, flag or noun completes without anyone editing a script.
#pragma once

#include <string>
#include <vector>

namespace ctl {

class ShellCompletion
{
public:
    // The script for `shell` ("bash" or "zsh"); empty for any other shell.
    static std::string script(const std::string &shell);
    static std::string bash();
    static std::string zsh();

    // What the scripts complete, read from the table (also checked by tests).
    // The nouns that may follow a command: "get" -> workspaces, projects, users, roles, members.
    static std::vector<std::string> nouns(const std::string &command);
    // A value flag's candidates: its words ("table|wide|json" -> table, wide, json), "@files" or
    // "@dirs" for a path, nothing for free text.
    static std::vector<std::string> valueCandidates(const std::string &flagName, const std::string &valueName);
};

} // namespace ctl
