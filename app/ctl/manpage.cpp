// The troff of tenantryctl(1): NAME, SYNOPSIS, DESCRIPTION, one subsection per command (its
// synopsis, details and flags from the table), global and write flags, exit status, environment.
#include "manpage.h"

#include "commandtable.h"

namespace ctl {

namespace {

// "-n, --namespace NS" with troff's minus signs and the value in italics.
std::string flagLabel(const FlagSpec &f)
{
    std::string label;
    if (f.shorthand)
        label += std::string("\\fB\\-") + f.shorthand + "\\fR, ";
    std::string name;
    for (char ch : f.name)
        name += ch == '-' ? std::string("\\-") : std::string(1, ch);
    label += "\\fB" + name + "\\fR";
    if (f.kind != FlagKind::Switch)
        label += " \\fI" + ManPage::escape(f.valueName.empty() ? std::string("VALUE") : f.valueName) + "\\fR";
    if (f.kind == FlagKind::List)
        label += " (repeatable)";
    return label;
}

std::string flagList(const std::vector<FlagSpec> &flags)
{
    std::string out;
    for (const auto &f : flags)
        out += ".TP\n" + flagLabel(f) + "\n" + ManPage::escape(f.help) + "\n";
    return out;
}

// Lines kept as written (synopses, the details' aligned columns).
std::string verbatim(const std::string &text)
{
    std::string out = ".nf\n";
    size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        out += ManPage::escape(text.substr(start, end - start)) + "\n";
        start = end + 1;
    }
    return out + ".fi\n";
}

std::string upper(std::string s)
{
    for (char &ch : s)
        if (ch >= 'a' && ch <= 'z')
            ch = char(ch - 'a' + 'A');
    return s;
}

} // namespace

std::string ManPage::escape(const std::string &text)
{
    std::string out;
    for (char ch : text)
        out += ch == '\\' ? std::string("\\e") : std::string(1, ch);
    if (!out.empty() && (out[0] == '.' || out[0] == '\''))
        out = "\\&" + out;
    return out;
}

std::string ManPage::troff(const std::string &version)
{
    std::string out =
        ".\\\" Generated from tenantryctl's command table (app/ctl/commandtable.cpp); do not edit.\n"
        ".TH TENANTRYCTL 1 \"\" \"tenantryctl " + escape(version) + "\" \"User Commands\"\n"
        ".SH NAME\n"
        "tenantryctl \\- Kubernetes multi-tenancy in the KubeSphere model, from the command line\n"
        ".SH SYNOPSIS\n"
        ".B tenantryctl\n"
        "[\\fIglobal flags\\fR] \\fICOMMAND\\fR [\\fIargs\\fR] [\\fIflags\\fR]\n"
        ".br\n"
        ".B tenantryctl help\n"
        "[\\fICOMMAND\\fR]\n"
        ".br\n"
        ".B tenantryctl \\-\\-version\n"
        ".SH DESCRIPTION\n"
        ".B tenantryctl\n"
        "is the command-line twin of\n"
        ".BR tenantry (1).\n"
        "It administers users, workspaces, projects, roles, members, quotas and network isolation on\n"
        "Kubernetes clusters in the KubeSphere model, straight through kube-apiserver with the\n"
        "kubeconfig kubectl would use, and answers who may do what, where, and why.\n"
        ".PP\n"
        "Global flags go anywhere on the command line, as in kubectl.\n"
        "Every write prints its plan (the exact objects) first, can be checked on the server with\n"
        ".BR \\-\\-dry\\-run ,\n"
        "and is applied with server-side apply (field manager tenantry) after confirmation or with\n"
        ".BR \\-\\-yes .\n";
    for (const char *section : {"Tenancy", "Permissions", "Network", "Kubernetes", "Other"}) {
        bool any = false;
        for (const auto &c : CommandTable::commands()) {
            if (c.spec.section != section)
                continue;
            if (!any)
                out += ".SH \"" + upper(section) + " COMMANDS\"\n";
            any = true;
            out += ".SS " + c.spec.name + "\n" + escape(c.spec.summary) + ".\n";
            if (!c.aliases.empty()) {
                std::string names;
                for (const auto &a : c.aliases)
                    names += (names.empty() ? "" : ", ") + a;
                out += "Also spelled: " + escape(names) + ".\n";
            }
            out += ".PP\n";
            std::string forms;
            for (const auto &s : c.spec.synopsis)
                forms += "tenantryctl " + s + "\n";
            out += verbatim(forms);
            if (!c.spec.details.empty())
                out += ".PP\n" + verbatim(c.spec.details);
            if (!c.spec.flags.empty())
                out += ".PP\nFlags:\n.RS\n" + flagList(c.spec.flags) + ".RE\n";
            if (c.spec.kind == CommandKind::Write)
                out += ".PP\nTakes the write flags.\n";
        }
    }
    out += ".SH \"GLOBAL FLAGS\"\n" + flagList(CommandSpec::globalFlags()) +
           ".TP\n\\fB\\-\\-version\\fR\nprint tenantryctl's version and exit\n"
           ".SH \"WRITE FLAGS\"\n"
           "Every command that writes takes:\n" + flagList(CommandSpec::writeFlags()) +
           ".SH \"EXIT STATUS\"\n"
           ".TP\n.B 0\nok (for questions such as can-i: yes)\n"
           ".TP\n.B 1\nrefused or failed (for questions: no)\n"
           ".TP\n.B 2\nusage error\n"
           ".TP\n.B 3\nthe server disagrees with Tenantry's answer (\\-\\-verify, trace)\n"
           ".SH ENVIRONMENT\n"
           ".TP\n.B KUBECONFIG\nkubeconfig files to merge, as kubectl reads them (default ~/.kube/config)\n"
           ".TP\n.B KUBECACHEDIR\nthe discovery cache (default ~/.kube/cache)\n"
           ".TP\n.B TENANTRY_JOURNAL\nthe journal of Tenantry's own writes (default $XDG_DATA_HOME/tenantry/journal.jsonl)\n"
           ".TP\n.B TENANTRY_OPA\nthe opa program that evaluates KubeSphere's Rego policies (else opa on PATH)\n"
           ".SH \"SEE ALSO\"\n"
           ".BR tenantry (1),\n"
           ".BR kubectl (1)\n";
    return out;
}

} // namespace ctl
