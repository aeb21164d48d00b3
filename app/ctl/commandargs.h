// tenantryctl's one argument parser: kubectl-style flags (--f=v, --f v, -n v, -nv, -n=v, -ov),
// repeatable flags, switches with =true|false, checked against the command's CommandSpec.
#pragma once

#include "commands.h"
#include "commandspec.h"
#include "globalflags.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace ctl {

class CommandArgs
{
public:
    // Parses everything after the command name. Flags not in `spec` (own, write or global) are
    // errors; `error` then says which, in pflag's words.
    bool parse(const Args &args, const CommandSpec &spec, std::string &error);

    const std::string &command() const { return m_command; }
    const std::vector<std::string> &positional() const { return m_positional; }
    bool has(const std::string &flag) const;  // given at all (switch on or off, or a value)
    bool on(const std::string &flag) const;   // switch given and not =false
    std::string value(const std::string &flag, const std::string &fallback = {}) const;  // the last one
    const std::vector<std::string> &values(const std::string &flag) const;              // all, in order
    bool help() const { return on("--help"); }
    bool dryRun() const { return on("--dry-run"); }
    bool yes() const { return on("--yes"); }
    std::string output() const { return value("--output"); }

    // The contexts named with --context (several for read commands); empty: the current one.
    const std::vector<std::string> &contexts() const { return values("--context"); }
    bool allContexts() const { return on("--all-contexts"); }
    // A copy aimed at one context (a run of a multi-context read).
    CommandArgs withContext(const std::string &context) const;

    // The first flag given that is neither in `allowed` nor a write or global flag, or "".
    // For commands whose nouns take different flags (create workspace vs create user).
    std::string unexpectedFlag(const std::set<std::string> &allowed) const;

    // The connection part, for ctl::connect().
    GlobalFlags globalFlags() const;

private:
    std::string m_command;
    std::vector<std::string> m_positional;
    std::vector<std::string> m_given;  // flags in the order given
    std::map<std::string, std::vector<std::string>> m_values;
    std::map<std::string, bool> m_switches;
};

} // namespace ctl
