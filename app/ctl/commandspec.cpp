// Command specs: flag lookup over own, write and global flags, and the help text printed from
// them. Global flags are listed last, as in kubectl's `options` section.
#include "commandspec.h"

#include <algorithm>
#include <functional>

namespace ctl {

namespace {

constexpr size_t kFlagColumn = 30;

std::string flagLabel(const FlagSpec &f)
{
    std::string label = f.shorthand ? std::string("-") + f.shorthand + ", " : std::string("    ");
    label += f.name;
    if (f.kind != FlagKind::Switch)
        label += " " + (f.valueName.empty() ? std::string("VALUE") : f.valueName);
    return label;
}

} // namespace

const std::vector<FlagSpec> &CommandSpec::globalFlags()
{
    static const std::vector<FlagSpec> flags = {
        {"--kubeconfig", 0, FlagKind::Value, "FILE", "kubeconfig to use (default: $KUBECONFIG, ~/.kube/config)"},
        {"--context", 0, FlagKind::List, "NAME",
         "kubeconfig context to use; read commands take it several times and prefix each row with it"},
        {"--all-contexts", 0, FlagKind::Switch, "", "read commands: run against every context of the kubeconfig"},
        {"--namespace", 'n', FlagKind::Value, "NS", "namespace (default: the context's namespace)"},
        {"--mode", 0, FlagKind::Value, "kubesphere|standalone", "override the detected tenancy mode"},
        {"--cache-dir", 0, FlagKind::Value, "DIR",
         "discovery cache (default: $KUBECACHEDIR or ~/.kube/cache, shared with kubectl's layout)"},
        {"--help", 'h', FlagKind::Switch, "", "show this help"},
    };
    return flags;
}

const std::vector<FlagSpec> &CommandSpec::writeFlags()
{
    static const std::vector<FlagSpec> flags = {
        {"--dry-run", 0, FlagKind::Switch, "",
         "print the plan and dry-run every write on the server; write nothing (=server|client|none accepted)"},
        {"--yes", 'y', FlagKind::Switch, "", "apply without asking (required when stdin is not a terminal)"},
        {"--force-conflicts", 0, FlagKind::Switch, "", "take over fields another field manager owns"},
    };
    return flags;
}

const FlagSpec *CommandSpec::find(const std::function<bool(const FlagSpec &)> &matches) const
{
    // The command's own flags first, then the write flags of a write command, then the global ones.
    auto in = [&](const std::vector<FlagSpec> &list) -> const FlagSpec * {
        auto it = std::find_if(list.begin(), list.end(), matches);
        return it == list.end() ? nullptr : &*it;
    };
    if (const FlagSpec *f = in(flags))
        return f;
    if (kind == CommandKind::Write)
        if (const FlagSpec *f = in(writeFlags()))
            return f;
    return in(globalFlags());
}

const FlagSpec *CommandSpec::findFlag(const std::string &longName) const
{
    return find([&](const FlagSpec &f) { return f.name == longName; });
}

const FlagSpec *CommandSpec::findShorthand(char c) const
{
    return find([&](const FlagSpec &f) { return f.shorthand == c; });
}

std::string formatFlags(const std::vector<FlagSpec> &flags)
{
    std::string out;
    for (const auto &f : flags) {
        std::string line = "  " + flagLabel(f);
        if (line.size() + 2 > kFlagColumn)
            line += "\n" + std::string(kFlagColumn, ' ');
        else
            line += std::string(kFlagColumn - line.size(), ' ');
        out += line + f.help + "\n";
    }
    return out;
}

std::string CommandSpec::helpText() const
{
    std::string out = summary + "\n\nUsage:\n";
    for (const auto &s : synopsis)
        out += "  tenantryctl " + s + "\n";
    if (!details.empty())
        out += "\n" + details + (details.back() == '\n' ? "" : "\n");
    if (!flags.empty())
        out += "\nFlags:\n" + formatFlags(flags);
    if (kind == CommandKind::Write)
        out += "\nWrite flags:\n" + formatFlags(writeFlags());
    out += "\nGlobal flags (anywhere on the command line):\n" + formatFlags(globalFlags());
    return out;
}

} // namespace ctl
