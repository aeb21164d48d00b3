// A write plan: the exact list of object writes an operation needs, as data. It is shown as YAML
// before anything happens; the permission engine applies it to a copy to preview its impact.
#pragma once

#include "kubeclient/api/client.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace kube::tenancy {

enum class WriteAction {
    Apply,   // server-side apply of `object` (field manager "tenantry")
    Delete,  // delete ns/name; a NotFound counts as done
    MergePatch,  // JSON merge patch `object` (changes a few fields of an object others own)
};

struct PlannedWrite {
    WriteAction action = WriteAction::Apply;
    GroupVersionResource gvr;
    std::string ns, name;
    std::string subresource;     // "status" for status writes
    nlohmann::json object;       // full intent for Apply
    std::string reason;          // why this write is in the plan, for the reader
    bool sideEffect = false;     // written in place of a KubeSphere controller (standalone mode)
    DeleteOptions deleteOptions;
    std::vector<std::string> secretPaths;  // JSON pointers redacted in the YAML ("/spec/password")
    // Apply with force: take over fields other managers own (an undo restoring an object as it
    // was; its metadata.resourceVersion still makes the server refuse if it changed since).
    bool force = false;

    std::string describe() const;  // "apply iam.kubesphere.io/v1beta1 WorkspaceRole ws1-admin"
    // secretPaths plus the secrets a kind always carries (a User's /spec/password), for a write
    // whose object came from elsewhere (an undo's before-image).
    std::vector<std::string> secretPathsOf(const nlohmann::json &object) const;
};

struct Plan {
    std::string title;               // "create workspace ws1"
    std::vector<PlannedWrite> writes;
    std::vector<std::string> notes;  // things the user should know (mode limits, skipped parts)
    // Things that are allowed but probably wrong, with their numbers (a project quota that pushes
    // the projects' sum over the workspace quota): shown apart from notes, never a refusal.
    std::vector<std::string> warnings{};
    // Objects this plan deletes that KubeSphere finalizers would keep Terminating, because no
    // KubeSphere controller is left to release them ("Namespace proj1"). The planner's
    // FinalizerPolicy::RemoveKubeSphere adds their removal; the list names them either way.
    std::vector<std::string> heldByFinalizers{};

    bool empty() const { return writes.empty(); }
    // `object` with the write's secret paths replaced by "<redacted>" (what YAML and diffs show).
    static nlohmann::json redacted(const PlannedWrite &write, nlohmann::json object);
    // Every Apply as a YAML document and every Delete as a comment line, secrets redacted.
    std::string yaml() const;
    // A short human listing: "1. apply ...  (reason)".
    std::string summary() const;
};

} // namespace kube::tenancy
