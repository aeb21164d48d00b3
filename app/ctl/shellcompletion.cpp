// Completion scripts for bash and zsh, printed from the command table. Both scripts carry the
// same data (commands, each command's flags, value candidates, nouns) as associative arrays and
// one small function that finds the command word and looks the rest up.
#include "shellcompletion.h"

#include "commandargs.h"
#include "commandtable.h"

#include <algorithm>
#include <cstdio>
#include <regex>
#include <set>

namespace ctl {

namespace {

// A command as the scripts see it; the top level (no command word yet) is the entry named "-".
struct Entry {
    std::string name;
    std::string summary;
    std::vector<const FlagSpec *> flags;
    std::vector<std::string> nouns;
};

std::vector<const FlagSpec *> flagsOf(const CommandSpec &spec)
{
    std::vector<const FlagSpec *> out;
    std::set<std::string> seen;
    auto add = [&](const std::vector<FlagSpec> &list) {
        for (const auto &f : list)
            if (seen.insert(f.name).second)
                out.push_back(&f);
    };
    add(spec.flags);
    if (spec.kind == CommandKind::Write)
        add(CommandSpec::writeFlags());
    add(CommandSpec::globalFlags());
    return out;
}

const FlagSpec &versionFlag()
{
    static const FlagSpec flag{"--version", 0, FlagKind::Switch, "", "print tenantryctl's version"};
    return flag;
}

std::vector<Entry> entries()
{
    std::vector<Entry> out;
    Entry top{"-", "", {}, {}};
    for (const auto &f : CommandSpec::globalFlags())
        top.flags.push_back(&f);
    top.flags.push_back(&versionFlag());
    out.push_back(top);
    Entry help{"help", "help about any command", {}, {}};
    for (const auto &c : CommandTable::commands()) {
        out.push_back({c.spec.name, c.spec.summary, flagsOf(c.spec), ShellCompletion::nouns(c.spec.name)});
        help.nouns.push_back(c.spec.name);
    }
    for (const auto &f : CommandSpec::globalFlags())
        help.flags.push_back(&f);
    out.push_back(help);
    return out;
}

std::vector<std::pair<std::string, std::string>> aliases()
{
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto &c : CommandTable::commands())
        for (const auto &a : c.aliases)
            out.emplace_back(a, c.spec.name);
    return out;
}

std::string joined(const std::vector<std::string> &words)
{
    std::string out;
    for (const auto &w : words)
        out += (out.empty() ? "" : " ") + w;
    return out;
}

// The spellings of a flag: "--output -o".
std::vector<std::string> spellings(const FlagSpec &f)
{
    std::vector<std::string> out{f.name};
    if (f.shorthand)
        out.push_back(std::string("-") + f.shorthand);
    return out;
}

std::string flagWords(const Entry &e)
{
    std::vector<std::string> words;
    for (const FlagSpec *f : e.flags)
        for (const auto &s : spellings(*f))
            words.push_back(s);
    return joined(words);
}

// Inside single quotes (bash and zsh): ' becomes '\''.
std::string singleQuoted(const std::string &text)
{
    std::string out = "'";
    for (char ch : text)
        out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
    return out + "'";
}

// zsh's _describe splits "name:description" at the first unescaped colon.
std::string describeItem(const std::string &name, const std::string &description)
{
    std::string d;
    for (char ch : description)
        d += ch == ':' ? std::string("\\:") : std::string(1, ch);
    return singleQuoted(name + ":" + d);
}

// Lines "    [key]=value" (bash) or "    key value" (zsh) of every value flag of every entry.
template<typename Line>
std::string valueLines(const std::vector<Entry> &all, Line line)
{
    std::string out;
    for (const auto &e : all)
        for (const FlagSpec *f : e.flags) {
            if (f->kind == FlagKind::Switch)
                continue;
            const std::string candidates = joined(ShellCompletion::valueCandidates(f->name, f->valueName));
            for (const auto &s : spellings(*f))
                out += line(e.name + " " + s, candidates);
        }
    return out;
}

} // namespace

std::vector<std::string> ShellCompletion::nouns(const std::string &command)
{
    static const std::regex noun("^[a-z][a-z-]*(\\|[a-z][a-z-]*)*$");
    std::vector<std::string> out;
    const Command *c = CommandTable::find(command);
    if (!c)
        return out;
    for (const auto &form : c->spec.synopsis) {
        // "get workspaces|projects|users [NAME] ..." -> the second word when it is a literal.
        const auto first = form.find(' ');
        if (first == std::string::npos)
            continue;
        const auto end = form.find(' ', first + 1);
        const std::string word = form.substr(first + 1, end == std::string::npos ? std::string::npos : end - first - 1);
        if (!std::regex_match(word, noun))
            continue;
        size_t start = 0;
        while (start <= word.size()) {
            const auto bar = word.find('|', start);
            const std::string n = word.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
            if (std::find(out.begin(), out.end(), n) == out.end())
                out.push_back(n);
            if (bar == std::string::npos)
                break;
            start = bar + 1;
        }
    }
    return out;
}

std::vector<std::string> ShellCompletion::valueCandidates(const std::string &flagName, const std::string &valueName)
{
    if (valueName == "FILE" || valueName == "PATH" || flagName == "--file" || flagName == "--kubeconfig")
        return {"@files"};
    if (valueName == "DIR")
        return {"@dirs"};
    static const std::regex choices("^[A-Za-z][A-Za-z0-9-]*(\\|[A-Za-z][A-Za-z0-9-]*)+$");
    if (!std::regex_match(valueName, choices))
        return {};
    std::vector<std::string> out;
    size_t start = 0;
    for (;;) {
        const auto bar = valueName.find('|', start);
        out.push_back(valueName.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
        if (bar == std::string::npos)
            return out;
        start = bar + 1;
    }
}

std::string ShellCompletion::bash()
{
    const std::vector<Entry> all = entries();
    std::string out =
        "# bash completion for tenantryctl, generated by `tenantryctl completion bash` from its command table.\n"
        "# Load it in the current shell with:  source <(tenantryctl completion bash)\n"
        "\n"
        "# Keys: a command, or \"-\" before the command word; \"COMMAND FLAG\" for a value flag, whose value is\n"
        "# its candidates (@files, @dirs: a path; empty: free text).\n"
        "declare -gA __tenantryctl_flags=(\n";
    for (const auto &e : all)
        out += "    [" + e.name + "]=" + singleQuoted(flagWords(e)) + "\n";
    out += ")\ndeclare -gA __tenantryctl_nouns=(\n";
    for (const auto &e : all)
        if (!e.nouns.empty())
            out += "    [" + e.name + "]=" + singleQuoted(joined(e.nouns)) + "\n";
    out += ")\ndeclare -gA __tenantryctl_values=(\n";
    out += valueLines(all, [](const std::string &key, const std::string &candidates) {
        return "    [" + singleQuoted(key) + "]=" + singleQuoted(candidates) + "\n";
    });
    out += ")\ndeclare -gA __tenantryctl_aliases=(\n";
    for (const auto &[alias, name] : aliases())
        out += "    [" + alias + "]=" + name + "\n";
    std::vector<std::string> commands;
    for (const auto &e : all)
        if (e.name != "-")
            commands.push_back(e.name);
    out += ")\n__tenantryctl_commands=" + singleQuoted(joined(commands)) + "\n";
    out += R"BASH(
_tenantryctl()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev= cmd=- word flag key i npos=0
    (( COMP_CWORD > 0 )) && prev=${COMP_WORDS[COMP_CWORD-1]}
    # The command is the first word that is neither a flag nor a flag's value.
    for (( i = 1; i < COMP_CWORD; i++ )); do
        word=${COMP_WORDS[i]}
        if [[ $word == = ]]; then
            (( i++ ))  # --flag=value: bash splits at "=", the value follows
            continue
        fi
        if [[ $word == -* ]]; then
            if [[ ${COMP_WORDS[i+1]-} != = && -v __tenantryctl_values["$cmd $word"] ]]; then
                (( i++ ))
            fi
            continue
        fi
        if [[ $cmd == - ]]; then
            cmd=${__tenantryctl_aliases[$word]-$word}
        else
            (( npos++ ))
        fi
    done
    flag=$prev
    if [[ $cur == = ]]; then
        cur=
    elif [[ $prev == = ]] && (( COMP_CWORD > 1 )); then
        flag=${COMP_WORDS[COMP_CWORD-2]}
    fi
    key="$cmd $flag"
    if [[ $flag == -* && -v __tenantryctl_values[$key] ]]; then
        case ${__tenantryctl_values[$key]} in
            @files) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")) ;;
            @dirs) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur")) ;;
            *) COMPREPLY=($(compgen -W "${__tenantryctl_values[$key]}" -- "$cur")) ;;
        esac
        return 0
    fi
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "${__tenantryctl_flags[$cmd]-}" -- "$cur"))
    elif [[ $cmd == - ]]; then
        COMPREPLY=($(compgen -W "$__tenantryctl_commands" -- "$cur"))
    elif (( npos == 0 )); then
        COMPREPLY=($(compgen -W "${__tenantryctl_nouns[$cmd]-}" -- "$cur"))
    fi
    return 0
}
complete -F _tenantryctl tenantryctl
)BASH";
    return out;
}

std::string ShellCompletion::zsh()
{
    const std::vector<Entry> all = entries();
    std::string out =
        "#compdef tenantryctl\n"
        "# zsh completion for tenantryctl, generated by `tenantryctl completion zsh` from its command table.\n"
        "# Load it in the current shell (after compinit) with:  source <(tenantryctl completion zsh)\n"
        "\n"
        "# Keys: a command, or \"-\" before the command word; \"COMMAND FLAG\" for a value flag, whose value is\n"
        "# its candidates (@files, @dirs: a path; empty: free text).\n"
        "typeset -gA _tenantryctl_flags _tenantryctl_nouns _tenantryctl_values _tenantryctl_aliases\n"
        "_tenantryctl_flags=(\n";
    for (const auto &e : all)
        out += "    " + singleQuoted(e.name) + " " + singleQuoted(flagWords(e)) + "\n";
    out += ")\n_tenantryctl_nouns=(\n";
    for (const auto &e : all)
        if (!e.nouns.empty())
            out += "    " + singleQuoted(e.name) + " " + singleQuoted(joined(e.nouns)) + "\n";
    out += ")\n_tenantryctl_values=(\n";
    out += valueLines(all, [](const std::string &key, const std::string &candidates) {
        return "    " + singleQuoted(key) + " " + singleQuoted(candidates) + "\n";
    });
    out += ")\n_tenantryctl_aliases=(\n";
    for (const auto &[alias, name] : aliases())
        out += "    " + singleQuoted(alias) + " " + singleQuoted(name) + "\n";
    out += ")\ntypeset -ga _tenantryctl_commands=(\n";
    for (const auto &e : all)
        if (e.name != "-")
            out += "    " + describeItem(e.name, e.summary) + "\n";
    out += ")\n";
    out += R"ZSH(
_tenantryctl()
{
    local cur=${words[CURRENT]} prev=${words[CURRENT-1]} cmd=- word flag key
    local -i i npos=0
    # The command is the first word that is neither a flag nor a flag's value.
    for (( i = 2; i < CURRENT; i++ )); do
        word=${words[i]}
        if [[ $word == -* ]]; then
            if [[ $word != *=* ]] && (( ${+_tenantryctl_values[$cmd $word]} )); then
                (( i++ ))
            fi
            continue
        fi
        if [[ $cmd == - ]]; then
            cmd=${_tenantryctl_aliases[$word]:-$word}
        else
            (( npos++ ))
        fi
    done
    flag=$prev
    if [[ $cur == -*=* ]]; then
        flag=${cur%%=*}
        compset -P '*='
        cur=${cur#*=}
    elif [[ $cur == -* ]]; then
        flag=
    fi
    key="$cmd $flag"
    if [[ $flag == -* ]] && (( ${+_tenantryctl_values[$key]} )); then
        case ${_tenantryctl_values[$key]} in
            @files) _files ;;
            @dirs) _files -/ ;;
            '') _message -e values 'value' ;;
            *) compadd -- ${=_tenantryctl_values[$key]} ;;
        esac
        return
    fi
    if [[ $cur == -* ]]; then
        compadd -- ${=_tenantryctl_flags[$cmd]}
    elif [[ $cmd == - ]]; then
        _describe -t commands 'tenantryctl command' _tenantryctl_commands
    elif (( npos == 0 )) && (( ${+_tenantryctl_nouns[$cmd]} )); then
        compadd -- ${=_tenantryctl_nouns[$cmd]}
    fi
}

if [[ ${funcstack[1]} == _tenantryctl ]]; then
    _tenantryctl "$@"
else
    compdef _tenantryctl tenantryctl
fi
)ZSH";
    return out;
}

std::string ShellCompletion::script(const std::string &shell)
{
    if (shell == "bash")
        return bash();
    if (shell == "zsh")
        return zsh();
    return {};
}

int runCompletion(const CommandArgs &args)
{
    if (args.positional().size() != 1)
        return usageError(args, "completion takes one shell: bash or zsh");
    const std::string script = ShellCompletion::script(args.positional().front());
    if (script.empty())
        return usageError(args, "unsupported shell \"" + args.positional().front() + "\" (bash, zsh)");
    std::fputs(script.c_str(), stdout);
    return 0;
}

} // namespace ctl
