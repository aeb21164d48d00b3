// Command-line parsing for tenantryctl's tenancy commands: kubectl-style flags (--f=v, --f v,
// -ov), repeatable flags (--rule, --cluster C), switches with =true|false, per-command flag sets.
#pragma once

#include "commands.h"
#include "globalflags.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace ctl {

class TenancyArgs
{
public:
    // Flags every tenancy command takes: --kubeconfig, --context, --mode, -o, -h.
    static const std::set<std::string> &connectionFlags();
    // Flags every writing command takes: --dry-run, --yes, --force-conflicts.
    static const std::set<std::string> &writeSwitches();

    // `valueFlags` and `switches` are canonical long names ("--workspace", "--platform"); the
    // short forms -n, -w, -o, -A, -y, -h map onto --namespace, --workspace, --output,
    // --all-namespaces, --yes, --help. Returns false with a message in `error`.
    bool parse(const Args &args, std::set<std::string> valueFlags, std::set<std::string> switches, std::string &error);

    const std::vector<std::string> &positional() const { return m_positional; }
    bool has(const std::string &flag) const;  // given at all (switch on, or a value)
    bool on(const std::string &flag) const;   // switch given and not =false
    std::string value(const std::string &flag, const std::string &fallback = {}) const;  // the last one
    const std::vector<std::string> &values(const std::string &flag) const;              // all, in order
    bool help() const { return on("--help"); }
    bool dryRun() const { return on("--dry-run"); }
    bool yes() const { return on("--yes"); }
    std::string output() const { return value("--output"); }

    // The connection part, for ctl::connect().
    GlobalFlags globalFlags() const;

private:
    std::vector<std::string> m_positional;
    std::map<std::string, std::vector<std::string>> m_values;
    std::map<std::string, bool> m_switches;
};

} // namespace ctl
