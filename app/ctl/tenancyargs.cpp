// Flag parsing for the tenancy commands. Separate from parseFlags() because these commands
// repeat flags (--rule, --cluster C) and the same name is a value for one command and a switch
// for another (--cluster C for workspaces, --cluster as a member scope).
#include "tenancyargs.h"

namespace ctl {

namespace {

const std::map<std::string, std::string> &shortForms()
{
    static const std::map<std::string, std::string> m = {
        {"-n", "--namespace"}, {"-w", "--workspace"}, {"-o", "--output"}, {"-A", "--all-namespaces"},
        {"-y", "--yes"},       {"-h", "--help"},      {"-f", "--from-file"},
    };
    return m;
}

const std::vector<std::string> &noValues()
{
    static const std::vector<std::string> empty;
    return empty;
}

} // namespace

const std::set<std::string> &TenancyArgs::connectionFlags()
{
    static const std::set<std::string> s = {"--kubeconfig", "--context", "--mode", "--output"};
    return s;
}

const std::set<std::string> &TenancyArgs::writeSwitches()
{
    static const std::set<std::string> s = {"--dry-run", "--yes", "--force-conflicts"};
    return s;
}

bool TenancyArgs::parse(const Args &args, std::set<std::string> valueFlags, std::set<std::string> switches,
                        std::string &error)
{
    valueFlags.insert(connectionFlags().begin(), connectionFlags().end());
    switches.insert("--help");
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        if (arg == "--") {
            m_positional.insert(m_positional.end(), args.begin() + long(i) + 1, args.end());
            break;
        }
        if (arg.size() < 2 || arg[0] != '-') {
            m_positional.push_back(arg);
            continue;
        }
        std::string name = arg, value;
        bool hasValue = false;
        if (arg.rfind("--", 0) == 0) {
            if (auto eq = arg.find('='); eq != std::string::npos) {
                name = arg.substr(0, eq);
                value = arg.substr(eq + 1);
                hasValue = true;
            }
        } else {
            // -n ns, -nns, -n=ns (pflag accepts all three for shorthands).
            name = arg.substr(0, 2);
            if (arg.size() > 2) {
                value = arg.substr(arg[2] == '=' ? 3 : 2);
                hasValue = true;
            }
            auto it = shortForms().find(name);
            if (it == shortForms().end()) {
                error = "unknown shorthand flag: '" + name.substr(1) + "' in " + arg;
                return false;
            }
            name = it->second;
        }
        if (switches.count(name)) {
            bool enabled = true;
            if (hasValue) {
                // --dry-run=server|client is kubectl's spelling; both mean a server-side dry run here.
                if (value == "true" || value == "1" || (name == "--dry-run" && (value == "server" || value == "client")))
                    enabled = true;
                else if (value == "false" || value == "0" || (name == "--dry-run" && value == "none"))
                    enabled = false;
                else {
                    error = "invalid value \"" + value + "\" for " + name + " (true or false)";
                    return false;
                }
            }
            m_switches[name] = enabled;
            continue;
        }
        if (valueFlags.count(name)) {
            if (!hasValue) {
                if (i + 1 >= args.size()) {
                    error = "flag needs an argument: " + name;
                    return false;
                }
                value = args[++i];
            }
            m_values[name].push_back(value);
            continue;
        }
        error = "unknown flag: " + name;
        return false;
    }
    return true;
}

bool TenancyArgs::has(const std::string &flag) const
{
    return m_switches.count(flag) || m_values.count(flag);
}

bool TenancyArgs::on(const std::string &flag) const
{
    auto it = m_switches.find(flag);
    return it != m_switches.end() && it->second;
}

std::string TenancyArgs::value(const std::string &flag, const std::string &fallback) const
{
    auto it = m_values.find(flag);
    return it == m_values.end() || it->second.empty() ? fallback : it->second.back();
}

const std::vector<std::string> &TenancyArgs::values(const std::string &flag) const
{
    auto it = m_values.find(flag);
    return it == m_values.end() ? noValues() : it->second;
}

GlobalFlags TenancyArgs::globalFlags() const
{
    GlobalFlags g;
    g.kubeconfig = value("--kubeconfig");
    g.context = value("--context");
    g.ns = value("--namespace");
    g.output = value("--output");
    g.allNamespaces = on("--all-namespaces");
    g.dryRun = dryRun();
    g.yes = yes();
    g.positional = m_positional;
    return g;
}

} // namespace ctl
