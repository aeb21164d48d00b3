// What one tenantryctl command accepts: its synopsis, its flags with their help, and the flags
// every command shares. The help a user sees is printed from this, so it cannot forget a flag.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace ctl {

enum class FlagKind {
    Switch,  // --flag, --flag=true|false
    Value,   // --flag V, --flag=V (the last one wins)
    List,    // repeatable: every value kept, in order
};

struct FlagSpec {
    std::string name;      // canonical long name, "--namespace"
    char shorthand = 0;    // 'n' for -n; 0 for none
    FlagKind kind = FlagKind::Switch;
    std::string valueName; // "NS" in the help
    std::string help;
};

enum class CommandKind {
    Local,  // needs no cluster (config view)
    Read,   // may run against several contexts (--context repeated, --all-contexts)
    Write,  // one context; takes --dry-run, --yes, --force-conflicts
};

struct CommandSpec {
    std::string name;                  // "can-i", "create"
    std::string section;               // "Tenancy", "Permissions", "Kubernetes"
    std::string summary;               // one line for `tenantryctl --help`
    std::vector<std::string> synopsis; // forms after "tenantryctl ", one a line
    std::string details;               // paragraphs after the synopsis (exit codes, examples)
    std::vector<FlagSpec> flags;       // the command's own flags (global ones are added)
    CommandKind kind = CommandKind::Read;

    // Its own flag, a write flag (Write commands) or a global flag; nullptr when unknown.
    const FlagSpec *findFlag(const std::string &longName) const;
    const FlagSpec *findShorthand(char c) const;

    // `tenantryctl COMMAND --help`.
    std::string helpText() const;

    // Flags every command takes: --kubeconfig, --context, --all-contexts, -n, --mode, --cache-dir, -h.
    static const std::vector<FlagSpec> &globalFlags();
    // Flags every writing command takes: --dry-run, -y/--yes, --force-conflicts.
    static const std::vector<FlagSpec> &writeFlags();

private:
    const FlagSpec *find(const std::function<bool(const FlagSpec &)> &matches) const;
};

// "  -n, --namespace NS        help", wrapped as kubectl's help does.
std::string formatFlags(const std::vector<FlagSpec> &flags);

} // namespace ctl
