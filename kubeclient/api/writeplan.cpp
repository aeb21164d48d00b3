// Write plans as text: one line per write, or YAML documents with secrets redacted.
// Shared by the planner, the executor and the permission engine's plan impact.
#include "kubeclient/api/writeplan.h"

#include <algorithm>

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

std::vector<std::string> PlannedWrite::secretPathsOf(const nlohmann::json &object) const
{
    std::vector<std::string> paths = secretPaths;
    const bool user = object.is_object() && object.value("kind", "") == "User"
        && object.value("apiVersion", "").rfind("iam.kubesphere.io/", 0) == 0;
    if (user && std::find(paths.begin(), paths.end(), "/spec/password") == paths.end())
        paths.push_back("/spec/password");
    return paths;
}

nlohmann::json Plan::redacted(const PlannedWrite &write, nlohmann::json object)
{
    for (const auto &path : write.secretPathsOf(object)) {
        nlohmann::json::json_pointer ptr(path);
        if (object.is_object() && object.contains(ptr))
            object[ptr] = "<redacted>";
    }
    return object;
}

std::string Plan::yaml() const
{
    std::string out;
    if (!title.empty())
        out += "# " + title + "\n";
    for (const auto &warning : warnings)
        out += "# warning: " + warning + "\n";
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
        if (w.action != WriteAction::Delete)
            out += toYaml(redacted(w, w.object));
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
    for (const auto &warning : warnings)
        out += "  warning: " + warning + "\n";
    for (const auto &note : notes)
        out += "  note: " + note + "\n";
    return out;
}

} // namespace kube::tenancy
