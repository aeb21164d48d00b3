// The parser every tenantryctl command uses. pflag's rules: "--" ends flags, shorthands take
// their value attached or next, booleans accept =true|false, unknown flags are errors.
#include "commandargs.h"

#include <algorithm>
#include <optional>

namespace ctl {

namespace {

const std::vector<std::string> &noValues()
{
    static const std::vector<std::string> empty;
    return empty;
}

// pflag's strconv.ParseBool spellings, plus kubectl's --dry-run=server|client|none.
std::optional<bool> switchValue(const std::string &name, const std::string &value)
{
    static const std::set<std::string> yes = {"true", "1", "t", "T", "TRUE", "True"};
    static const std::set<std::string> no = {"false", "0", "f", "F", "FALSE", "False"};
    if (yes.count(value) || (name == "--dry-run" && (value == "server" || value == "client")))
        return true;
    if (no.count(value) || (name == "--dry-run" && value == "none"))
        return false;
    return std::nullopt;
}

} // namespace

bool CommandArgs::parse(const Args &args, const CommandSpec &spec, std::string &error)
{
    m_command = spec.name;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        if (arg == "--") {
            m_positional.insert(m_positional.end(), args.begin() + long(i) + 1, args.end());
            break;
        }
        // "-" alone is a value (stdin), as in kubectl.
        if (arg.size() < 2 || arg[0] != '-') {
            m_positional.push_back(arg);
            continue;
        }
        const FlagSpec *flag = nullptr;
        std::string value;
        bool hasValue = false;
        if (arg.rfind("--", 0) == 0) {
            std::string name = arg;
            if (auto eq = arg.find('='); eq != std::string::npos) {
                name = arg.substr(0, eq);
                value = arg.substr(eq + 1);
                hasValue = true;
            }
            flag = spec.findFlag(name);
            if (!flag) {
                error = "unknown flag: " + name;
                return false;
            }
        } else {
            flag = spec.findShorthand(arg[1]);
            if (!flag) {
                error = std::string("unknown shorthand flag: '") + arg[1] + "' in " + arg;
                return false;
            }
            if (arg.size() > 2) {
                value = arg.substr(arg[2] == '=' ? 3 : 2);
                hasValue = true;
            }
        }
        const std::string &name = flag->name;
        m_given.push_back(name);
        if (flag->kind == FlagKind::Switch) {
            bool enabled = true;
            if (hasValue) {
                auto parsed = switchValue(name, value);
                if (!parsed) {
                    error = "invalid argument \"" + value + "\" for \"" + name + "\" flag: true or false";
                    return false;
                }
                enabled = *parsed;
            }
            m_switches[name] = enabled;
            continue;
        }
        if (!hasValue) {
            if (i + 1 >= args.size()) {
                error = "flag needs an argument: " + name;
                return false;
            }
            value = args[++i];
        }
        m_values[name].push_back(value);
    }
    return true;
}

bool CommandArgs::has(const std::string &flag) const
{
    return m_switches.count(flag) || m_values.count(flag);
}

bool CommandArgs::on(const std::string &flag) const
{
    auto it = m_switches.find(flag);
    return it != m_switches.end() && it->second;
}

std::string CommandArgs::value(const std::string &flag, const std::string &fallback) const
{
    auto it = m_values.find(flag);
    return it == m_values.end() || it->second.empty() ? fallback : it->second.back();
}

const std::vector<std::string> &CommandArgs::values(const std::string &flag) const
{
    auto it = m_values.find(flag);
    return it == m_values.end() ? noValues() : it->second;
}

CommandArgs CommandArgs::withContext(const std::string &context) const
{
    CommandArgs copy = *this;
    copy.m_values["--context"] = {context};
    copy.m_switches.erase("--all-contexts");
    return copy;
}

std::string CommandArgs::unexpectedFlag(const std::set<std::string> &allowed) const
{
    auto shared = [](const std::vector<FlagSpec> &list, const std::string &name) {
        return std::any_of(list.begin(), list.end(), [&](const FlagSpec &f) { return f.name == name; });
    };
    for (const auto &name : m_given)
        if (!allowed.count(name) && !shared(CommandSpec::globalFlags(), name)
            && !shared(CommandSpec::writeFlags(), name))
            return name;
    return {};
}

GlobalFlags CommandArgs::globalFlags() const
{
    GlobalFlags g;
    g.kubeconfig = value("--kubeconfig");
    g.context = value("--context");
    g.ns = value("--namespace");
    g.cacheDir = value("--cache-dir");
    g.output = value("--output");
    g.allNamespaces = on("--all-namespaces");
    g.dryRun = dryRun();
    g.yes = yes();
    g.positional = m_positional;
    return g;
}

} // namespace ctl
