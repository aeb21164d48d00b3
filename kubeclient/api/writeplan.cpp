// Write plans as text: one line per write, or YAML documents with secrets redacted.
// Shared by the planner, the executor and the permission engine's plan impact.
#include "kubeclient/api/writeplan.h"

#include "kubeclient/core/yamlconvert.h"

namespace kube::tenancy {

std::string PlannedWrite::describe() const
{
    std::string out = action == WriteAction::Apply ? "apply " : action == WriteAction::Delete ? "delete " : "patch ";
    out += gvr.apiVersion() + " " + gvr.kind + " ";
    if (!ns.empty())
        out += ns + "/";
    out += name;
    if (!subresource.empty())
        out += " (" + subresource + ")";
    return out;
}

std::string Plan::yaml() const
{
    std::string out;
    if (!title.empty())
        out += "# " + title + "\n";
    for (const auto &note : notes)
        out += "# note: " + note + "\n";
    for (size_t i = 0; i < writes.size(); ++i) {
        const auto &w = writes[i];
        out += "---\n# " + std::to_string(i + 1) + ". " + w.describe();
        if (!w.reason.empty())
            out += ": " + w.reason;
        out += "\n";
        if (w.force)
            out += "# (takes over fields other managers own)\n";
        if (!w.deleteOptions.preconditionResourceVersion.empty())
            out += "# (only if unchanged since: resourceVersion " + w.deleteOptions.preconditionResourceVersion + ")\n";
        if (w.action != WriteAction::Delete) {
            nlohmann::json shown = w.object;
            for (const auto &path : w.secretPaths) {
                nlohmann::json::json_pointer ptr(path);
                if (shown.contains(ptr))
                    shown[ptr] = "<redacted>";
            }
            out += toYaml(shown);
        }
    }
    return out;
}

std::string Plan::summary() const
{
    std::string out = title + "\n";
    for (size_t i = 0; i < writes.size(); ++i) {
        out += "  " + std::to_string(i + 1) + ". " + writes[i].describe();
        if (!writes[i].reason.empty())
            out += "  (" + writes[i].reason + ")";
        out += "\n";
    }
    for (const auto &note : notes)
        out += "  note: " + note + "\n";
    return out;
}

} // namespace kube::tenancy
